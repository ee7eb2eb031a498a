"""Word lists that generated actors are named from, so thousands of them still read as Danish."""

from ecosystem.demo.content import CLAUSES
from ecosystem.models import Actor

Kind = Actor.Kind

QUALIFIERS = [
    "Kilden", "Spiren", "Lærken", "Egen", "Fyrtårnet", "Ankeret", "Broen", "Trappen",
    "Havnen", "Kompasset", "Fællesskabet", "Håbet", "Stjernen", "Nordlyset", "Bølgen",
    "Rødderne", "Skovbrynet", "Solsikken", "Kornblomsten", "Mågen", "Lyngen", "Engen",
    "Vinden", "Horisonten", "Mosaikken", "Kæden", "Knudepunktet", "Åen", "Bakken", "Bøgen",
    "Lindetræet", "Svalen", "Fjorden", "Klitten", "Marken", "Gnisten", "Tråden", "Nøglen",
    "Døren", "Vejviseren", "Oasen", "Kernen", "Hjertet", "Paraplyen", "Pilen", "Tranen",
    "Storken", "Ravnen", "Uglen", "Ræven", "Ådalen", "Møllen", "Smedjen", "Væven",
]  # fmt: skip
ENTERPRISE_NOUNS = [
    "Café", "Bageriet", "Værkstedet", "Cykelværkstedet", "Genbrugsbutikken", "Kantinen",
    "Køkkenet", "Gartneriet", "Vaskeriet", "Trykkeriet", "Snedkeriet", "Kaffebaren",
    "Systuen", "Reparationscaféen", "Madhuset", "Kaffebrænderiet", "Bryggeriet", "Butikken",
    "Cateringkøkkenet", "Plantagen",
]  # fmt: skip
RSV_NOUNS = [
    "Rengøringsfirmaet", "Flytteservice", "Vikarservice", "Haveservice", "Møbelpolstreriet",
    "Cykelservice", "Vinduespudseriet", "Gartnerservice", "Kontorservice", "Pakkeriet",
    "It-værkstedet", "Malerfirmaet", "Vaskeriet", "Cateringfirmaet", "Montagefirmaet",
]  # fmt: skip
NGO_NOUNS = [
    "Foreningen", "Væresteddet", "Lektiecaféen", "Natcaféen", "Klubben", "Besøgstjenesten",
    "Mentorkorpset", "Frivilliggruppen", "Familiehuset", "Ungehuset", "Mødestedet",
    "Fællesspisningen", "Rådgivningen", "Nattevagten", "Støttegruppen",
]  # fmt: skip
OTHER_NOUNS = [
    "Boligforeningen", "Højskolen", "Produktionsskolen", "Kulturhuset", "Andelsforeningen",
    "Efterskolen", "Forsamlingshuset", "Medborgerhuset",
]  # fmt: skip
TOPICS = [
    "Social Inklusion", "Velfærdsinnovation", "Frivillighed", "Borgerinddragelse",
    "Socialøkonomi", "Unge og Trivsel", "Mental Sundhed", "Integration", "Ældreliv",
    "Beskæftigelse", "Livslang Læring", "Socialt Entreprenørskab", "Lighed i Sundhed",
    "Familieliv", "Rehabilitering",
]  # fmt: skip
SURNAMES = [
    "Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen",
    "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
    "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Kjær", "Lund", "Østergaard",
    "Bruun", "Holm", "Dahl", "Bach", "Schmidt", "Juhl", "Vestergaard", "Skov",
]  # fmt: skip
FIRST_NAMES = [
    "Inger", "Poul", "Karen", "Niels", "Anna", "Jens", "Grethe", "Erik", "Kirsten", "Ole",
    "Marie", "Hans", "Birgit", "Svend", "Lise", "Knud",
]  # fmt: skip
TRADES = [
    "Byg", "Rengøring", "Transport", "Logistik", "Rådgivning", "El-service", "VVS", "Maler",
    "Catering", "Ejendomsservice", "Tømrer", "Anlæg",
]  # fmt: skip
# Universities and university colleges, with the municipalities they teach in.
INSTITUTIONS = [
    ("Aarhus Universitet", ("Aarhus",)),
    ("Aalborg Universitet", ("Aalborg", "København")),
    ("Syddansk Universitet", ("Odense", "Kolding", "Esbjerg", "Sønderborg")),
    ("Roskilde Universitet", ("Roskilde",)),
    ("Københavns Universitet", ("København",)),
    ("VIA University College", ("Aarhus", "Holstebro", "Horsens", "Viborg", "Silkeborg")),
    ("Professionshøjskolen UCN", ("Aalborg", "Hjørring", "Thisted")),
    ("UC SYD", ("Esbjerg", "Haderslev", "Kolding", "Aabenraa")),
    ("Københavns Professionshøjskole", ("København", "Hillerød")),
    ("Professionshøjskolen Absalon", ("Roskilde", "Slagelse", "Næstved", "Sorø")),
    ("UCL Erhvervsakademi og Professionshøjskole", ("Odense", "Svendborg", "Vejle")),
]
UNITS = ["Forskningsgruppen for", "Forskningsprogrammet for", "Center for", "Laboratoriet for"]
ABROAD_NOUNS = [
    "Social Innovation Lab", "Impact Hub", "Inclusion Network", "Social Economy Centre",
    "Community Foundation", "Civic Innovation Studio",
]  # fmt: skip
ABROAD_QUALIFIERS = [
    "Bridge", "Compass", "Harbour", "Lighthouse", "Spring", "Anchor", "Horizon", "Mosaic",
    "Beacon", "Roots",
]  # fmt: skip

# How often each type of actor is generated (public bodies are only in the curated set).
GENERATED_KINDS = {
    Kind.SOCIAL_ENTERPRISE: 22,
    Kind.RSV: 10,
    Kind.NGO: 28,
    Kind.FOUNDATION: 5,
    Kind.SOCIAL_INVESTOR: 2,
    Kind.KNOWLEDGE_CENTRE: 6,
    Kind.UNIVERSITY: 3,
    Kind.BUSINESS: 12,
    Kind.NETWORK: 6,
    Kind.OTHER: 6,
}
# What fits each type, for generated descriptions and m2m links.
PRACTITIONER_FOCUS = [key for key in CLAUSES if key != "finance"]
FOCUS_BY_KIND = {
    # An investor's own focus is finance; this is what the businesses it backs do.
    Kind.SOCIAL_INVESTOR: ["employment", "green", "youth", "disability", "homeless"],
    Kind.FOUNDATION: list(CLAUSES),
    Kind.NETWORK: list(CLAUSES),
    Kind.KNOWLEDGE_CENTRE: list(CLAUSES),
    Kind.UNIVERSITY: list(CLAUSES),
}
PRACTITIONER_NOUNS = {
    Kind.SOCIAL_ENTERPRISE: ("en socialøkonomisk virksomhed", "a social enterprise"),
    Kind.RSV: ("en registreret socialøkonomisk virksomhed", "a registered social enterprise"),
    Kind.NGO: ("en frivillig forening", "a voluntary association"),
    Kind.BUSINESS: ("en virksomhed", "a company"),
    Kind.OTHER: ("en organisation", "an organisation"),
}
