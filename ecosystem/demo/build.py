"""Demo content for the ecosystem: believable Danish actors, partners abroad, connections,
memberships, and generated actors for `make bench`.

Why it is built this way:
- Deterministic: the curated set draws from one `random.Random(2026)` stream, and generated
  actor number i from its own `Random("2026-i")`, so actor i is the same whether 400 or
  10,000 are asked for, and a run can be resumed.
- Idempotent: actors are looked up by slug (and generated ones are only added until the
  asked-for total is reached), memberships and connections by their natural keys, so a
  second run adds nothing.
- Fast: rows are written with bulk_create in batches, many-to-many links as bulk rows of
  the through models, so 10,000 actors take seconds.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify

from ecosystem.models import (
    SDG,
    Actor,
    Connection,
    Membership,
    Municipality,
    TargetGroup,
    Theme,
    User,
)

SEED = 2026
BATCH_SIZE = 1000

Kind = Actor.Kind
Status = Actor.Status
Role = Actor.Role
Scale = Actor.Scale
Link = Connection.Kind

MEMBER_EMAIL = "medlem@demo.socialinnovation.dk"

# More organisation members besides the one the command always makes: (e-mail, full name).
EXTRA_MEMBERS = [
    ("sofie@demo.socialinnovation.dk", "Sofie Sørensen"),
    ("jonas@demo.socialinnovation.dk", "Jonas Holm"),
    ("karen@demo.socialinnovation.dk", "Karen Vestergaard"),
]

# Who belongs to which demo actor: (e-mail, actor slug, role).
MEMBERSHIPS = [
    (MEMBER_EMAIL, "cafe-exit", Membership.Role.OWNER),  # published
    (MEMBER_EMAIL, "kaffebaren-mangfoldighed", Membership.Role.OWNER),  # draft
    ("sofie@demo.socialinnovation.dk", "fru-hansens-koekken", Membership.Role.OWNER),  # pending
    ("sofie@demo.socialinnovation.dk", "bageriet-anden-chance", Membership.Role.OWNER),
    ("sofie@demo.socialinnovation.dk", "cafe-exit", Membership.Role.EDITOR),
    ("jonas@demo.socialinnovation.dk", "foreningen-nye-naboer", Membership.Role.OWNER),
    ("jonas@demo.socialinnovation.dk", "foreningen-nye-roedder", Membership.Role.OWNER),  # draft
    ("karen@demo.socialinnovation.dk", "aarhus-kommune", Membership.Role.OWNER),
    ("karen@demo.socialinnovation.dk", "center-for-borgerinddragelse", Membership.Role.EDITOR),
]


# --- Places ---------------------------------------------------------------------------------

# Postcode and town for each municipality (by official code); the larger cities have several.
POSTCODES: dict[str, list[tuple[str, str]]] = {
    "101": [
        ("1550", "København V"),
        ("2200", "København N"),
        ("2300", "København S"),
        ("2100", "København Ø"),
        ("2400", "København NV"),
        ("2450", "København SV"),
        ("2500", "Valby"),
    ],
    "147": [("2000", "Frederiksberg")],
    "151": [("2750", "Ballerup")],
    "153": [("2605", "Brøndby")],
    "155": [("2791", "Dragør")],
    "157": [("2820", "Gentofte"), ("2900", "Hellerup")],
    "159": [("2860", "Søborg"), ("2880", "Bagsværd")],
    "161": [("2600", "Glostrup")],
    "163": [("2730", "Herlev")],
    "165": [("2620", "Albertslund")],
    "167": [("2650", "Hvidovre")],
    "169": [("2630", "Taastrup")],
    "173": [("2800", "Kongens Lyngby")],
    "175": [("2610", "Rødovre")],
    "183": [("2635", "Ishøj")],
    "185": [("2770", "Kastrup")],
    "187": [("2625", "Vallensbæk")],
    "190": [("3520", "Farum"), ("3500", "Værløse")],
    "201": [("3450", "Allerød")],
    "210": [("3480", "Fredensborg"), ("2990", "Nivå")],
    "217": [("3000", "Helsingør")],
    "219": [("3400", "Hillerød")],
    "223": [("2970", "Hørsholm")],
    "230": [("2840", "Holte"), ("3460", "Birkerød")],
    "240": [("3660", "Stenløse"), ("3650", "Ølstykke")],
    "250": [("3600", "Frederikssund")],
    "253": [("2670", "Greve")],
    "259": [("4600", "Køge")],
    "260": [("3300", "Frederiksværk"), ("3390", "Hundested")],
    "265": [("4000", "Roskilde")],
    "269": [("2680", "Solrød Strand")],
    "270": [("3200", "Helsinge"), ("3250", "Gilleleje")],
    "306": [("4500", "Nykøbing Sj"), ("4550", "Asnæs")],
    "316": [("4300", "Holbæk")],
    "320": [("4640", "Faxe"), ("4690", "Haslev")],
    "326": [("4400", "Kalundborg")],
    "329": [("4100", "Ringsted")],
    "330": [("4200", "Slagelse"), ("4220", "Korsør")],
    "336": [("4660", "Store Heddinge")],
    "340": [("4180", "Sorø")],
    "350": [("4320", "Lejre")],
    "360": [("4930", "Maribo"), ("4900", "Nakskov")],
    "370": [("4700", "Næstved")],
    "376": [("4800", "Nykøbing F")],
    "390": [("4760", "Vordingborg")],
    "400": [("3700", "Rønne")],
    "410": [("5500", "Middelfart")],
    "420": [("5610", "Assens")],
    "430": [("5750", "Ringe"), ("5600", "Faaborg")],
    "440": [("5300", "Kerteminde")],
    "450": [("5800", "Nyborg")],
    "461": [("5000", "Odense C"), ("5200", "Odense V"), ("5220", "Odense SØ")],
    "479": [("5700", "Svendborg")],
    "480": [("5400", "Bogense"), ("5450", "Otterup")],
    "482": [("5900", "Rudkøbing")],
    "492": [("5970", "Ærøskøbing")],
    "510": [("6100", "Haderslev")],
    "530": [("7190", "Billund")],
    "540": [("6400", "Sønderborg")],
    "550": [("6270", "Tønder")],
    "561": [("6700", "Esbjerg"), ("6705", "Esbjerg Ø")],
    "563": [("6720", "Fanø")],
    "573": [("6800", "Varde")],
    "575": [("6600", "Vejen")],
    "580": [("6200", "Aabenraa")],
    "607": [("7000", "Fredericia")],
    "615": [("8700", "Horsens")],
    "621": [("6000", "Kolding")],
    "630": [("7100", "Vejle")],
    "657": [("7400", "Herning")],
    "661": [("7500", "Holstebro")],
    "665": [("7620", "Lemvig")],
    "671": [("7600", "Struer")],
    "706": [("8410", "Rønde"), ("8400", "Ebeltoft")],
    "707": [("8500", "Grenaa")],
    "710": [("8370", "Hadsten"), ("8382", "Hinnerup")],
    "727": [("8300", "Odder")],
    "730": [("8900", "Randers C")],
    "740": [("8600", "Silkeborg")],
    "741": [("8305", "Samsø")],
    "746": [("8660", "Skanderborg")],
    "751": [("8000", "Aarhus C"), ("8200", "Aarhus N"), ("8210", "Aarhus V"), ("8220", "Brabrand")],
    "756": [("7430", "Ikast"), ("7330", "Brande")],
    "760": [("6950", "Ringkøbing"), ("6900", "Skjern")],
    "766": [("8722", "Hedensted")],
    "773": [("7900", "Nykøbing M")],
    "779": [("7800", "Skive")],
    "787": [("7700", "Thisted")],
    "791": [("8800", "Viborg")],
    "810": [("9700", "Brønderslev")],
    "813": [("9900", "Frederikshavn")],
    "820": [("9600", "Aars")],
    "825": [("9940", "Læsø")],
    "840": [("9530", "Støvring")],
    "846": [("9500", "Hobro")],
    "849": [("9440", "Aabybro")],
    "851": [("9000", "Aalborg"), ("9200", "Aalborg SV"), ("9220", "Aalborg Øst")],
    "860": [("9800", "Hjørring")],
}

# Generated actors are spread over all municipalities, more of them in the larger cities.
MUNICIPALITY_WEIGHTS = {
    "101": 12,
    "751": 7,
    "461": 5,
    "851": 5,
    "147": 3,
    "561": 3,
    "630": 3,
    "730": 3,
    "621": 3,
    "615": 3,
    "265": 2,
    "657": 2,
    "740": 2,
    "791": 2,
    "540": 2,
    "370": 2,
    "330": 2,
    "316": 2,
}

STREETS = [
    "Vestergade",
    "Østergade",
    "Nørregade",
    "Søndergade",
    "Jernbanegade",
    "Stationsvej",
    "Skolevej",
    "Kirkevej",
    "Industrivej",
    "Havnegade",
    "Torvet",
    "Algade",
    "Storegade",
    "Bredgade",
    "Parkvej",
    "Møllevej",
    "Engvej",
    "Skovvej",
    "Strandvejen",
    "Fabriksvej",
    "Banegårdspladsen",
    "Åboulevarden",
    "Nørre Allé",
    "Klostergade",
]

# Partners abroad: country, city, latitude, longitude, postcode, street address.
ABROAD = {
    "Brussels": ("BE", 50.8503, 4.3517, "1000", "Rue Royale 18"),
    "Dublin": ("IE", 53.3498, -6.2603, "D02 X285", "12 Pearse Street"),
    "Helsinki": ("FI", 60.1699, 24.9384, "00100", "Mannerheimintie 14"),
    "Prague": ("CZ", 50.0755, 14.4378, "110 00", "Na Příkopě 22"),
    "Warsaw": ("PL", 52.2297, 21.0122, "00-001", "ul. Marszałkowska 84"),
    "Malmö": ("SE", 55.6050, 13.0038, "211 22", "Södergatan 9"),
    "Hamburg": ("DE", 53.5511, 9.9937, "20095", "Mönckebergstraße 7"),
    "Amsterdam": ("NL", 52.3676, 4.9041, "1012 JS", "Damrak 70"),
    "Oslo": ("NO", 59.9139, 10.7522, "0150", "Karl Johans gate 12"),
    "Lisbon": ("PT", 38.7223, -9.1393, "1100-148", "Rua Augusta 100"),
}


# --- What actors work on ------------------------------------------------------------------

# A focus names themes (slugs), target groups (slugs) and SDGs (numbers) that go together.
FOCUS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]] = {
    "employment": (("access-to-employment", "active-inclusion"), ("unemployed-people",), (8, 10)),
    "youth": (
        ("access-to-employment", "equal-access-to-education"),
        ("children-and-young-people",),
        (4, 8),
    ),
    "education": (
        ("education-and-training-systems", "equal-access-to-education"),
        ("children-and-young-people",),
        (4,),
    ),
    "skills": (("lifelong-learning", "adaptation-to-change"), ("unemployed-people",), (4, 8)),
    "homeless": (
        ("social-integration-at-risk-of-poverty", "material-deprivation"),
        ("homeless-people",),
        (1, 11),
    ),
    "poverty": (
        ("social-integration-at-risk-of-poverty", "material-deprivation"),
        ("poverty-and-social-exclusion", "families"),
        (1, 2, 10),
    ),
    "migrants": (
        ("integration-of-third-country-nationals", "access-to-employment"),
        ("migrants-and-refugees",),
        (10, 16),
    ),
    "roma": (("integration-of-marginalised-communities",), ("roma",), (10, 16)),
    "mental": (
        ("active-inclusion", "access-to-services-and-social-protection"),
        ("people-with-mental-illness",),
        (3,),
    ),
    "disability": (
        ("active-inclusion", "access-to-employment"),
        ("people-with-disabilities",),
        (8, 10),
    ),
    "elderly": (("access-to-services-and-social-protection",), ("older-people",), (3, 11)),
    "families": (
        ("access-to-services-and-social-protection", "social-integration-at-risk-of-poverty"),
        ("families", "children-and-young-people"),
        (1, 3),
    ),
    "addiction": (
        ("access-to-services-and-social-protection", "active-inclusion"),
        ("people-with-addiction",),
        (3,),
    ),
    "gender": (("gender-balanced-labour-market",), (), (5, 8)),
    "green": (
        ("adaptation-to-change", "access-to-employment"),
        ("unemployed-people",),
        (8, 12, 13),
    ),
    "labour": (("labour-market-modernisation", "adaptation-to-change"), (), (8, 9)),
    "innovation": (
        ("access-to-services-and-social-protection", "labour-market-modernisation"),
        (),
        (9, 17),
    ),
    "finance": (("adaptation-to-change",), (), (8, 17)),
}

# What an actor with that focus does, after "der"/"that": (Danish, English -s, English plural).
CLAUSES: dict[str, tuple[str, str, str]] = {
    "employment": (
        "skaber job til mennesker på kanten af arbejdsmarkedet",
        "creates jobs for people on the edge of the labour market",
        "create jobs for people on the edge of the labour market",
    ),
    "youth": (
        "hjælper unge uden uddannelse videre i job eller uddannelse",
        "helps young people without qualifications into work or education",
        "help young people without qualifications into work or education",
    ),
    "education": (
        "giver børn fra udsatte familier lige adgang til god undervisning",
        "gives children from vulnerable families equal access to good teaching",
        "give children from vulnerable families equal access to good teaching",
    ),
    "skills": (
        "tilbyder opkvalificering og omskoling til voksne ledige",
        "offers upskilling and retraining to unemployed adults",
        "offer upskilling and retraining to unemployed adults",
    ),
    "homeless": (
        "giver mennesker i hjemløshed tag over hovedet og et fællesskab",
        "gives people experiencing homelessness a roof over their heads and a community",
        "give people experiencing homelessness a roof over their heads and a community",
    ),
    "poverty": (
        "fordeler overskudsmad og skaber fællesskab for familier med få penge",
        "distributes surplus food and builds community for low-income families",
        "distribute surplus food and build community for low-income families",
    ),
    "migrants": (
        "styrker flygtninges og indvandreres vej til job og foreningsliv",
        "strengthens refugees' and migrants' path into jobs and community life",
        "strengthen refugees' and migrants' path into jobs and community life",
    ),
    "roma": (
        "bygger bro mellem romaer, lokale myndigheder og foreninger",
        "builds bridges between Roma, local authorities and associations",
        "build bridges between Roma, local authorities and associations",
    ),
    "mental": (
        "skaber meningsfulde fællesskaber for mennesker med psykisk sårbarhed",
        "creates meaningful communities for people with mental health problems",
        "create meaningful communities for people with mental health problems",
    ),
    "disability": (
        "ansætter og uddanner mennesker med handicap på ordinære vilkår",
        "employs and trains people with disabilities on ordinary terms",
        "employ and train people with disabilities on ordinary terms",
    ),
    "elderly": (
        "modvirker ensomhed blandt ældre gennem besøg og fælles aktiviteter",
        "counters loneliness among older people through visits and shared activities",
        "counter loneliness among older people through visits and shared activities",
    ),
    "families": (
        "støtter sårbare familier tidligt, før problemerne vokser",
        "supports vulnerable families early, before problems grow",
        "support vulnerable families early, before problems grow",
    ),
    "addiction": (
        "hjælper mennesker ud af misbrug og tilbage til hverdagen",
        "helps people out of addiction and back into everyday life",
        "help people out of addiction and back into everyday life",
    ),
    "gender": (
        "arbejder for lige muligheder for kvinder og mænd på arbejdsmarkedet",
        "works for equal opportunities for women and men in the labour market",
        "work for equal opportunities for women and men in the labour market",
    ),
    "green": (
        "kombinerer den grønne omstilling med job til ledige",
        "combines the green transition with jobs for unemployed people",
        "combine the green transition with jobs for unemployed people",
    ),
    "labour": (
        "udvikler nye samarbejder mellem jobcentre, virksomheder og uddannelser",
        "develops new partnerships between job centres, businesses and education providers",
        "develop new partnerships between job centres, businesses and education providers",
    ),
    "innovation": (
        "udvikler og afprøver nye velfærdsløsninger sammen med borgerne",
        "develops and tests new welfare solutions together with citizens",
        "develop and test new welfare solutions together with citizens",
    ),
    "finance": (
        "gør det lettere for socialøkonomiske virksomheder at skaffe kapital",
        "makes it easier for social enterprises to raise capital",
        "make it easier for social enterprises to raise capital",
    ),
}

# A second paragraph that fits each type of actor: (Danish, English).
KIND_PARAGRAPHS: dict[str, tuple[str, str]] = {
    Kind.MUNICIPALITY: (
        "Kommunen samarbejder med borgere, foreninger, virksomheder og forskere om at udvikle "
        "velfærden og deler gerne sine erfaringer med andre kommuner.",
        "The municipality works with citizens, associations, businesses and researchers to "
        "develop its welfare services and is happy to share its experience with others.",
    ),
    Kind.REGION: (
        "Regionen arbejder på tværs af kommuner, sygehuse og uddannelsesinstitutioner og "
        "støtter regionale partnerskaber om social innovation.",
        "The region works across municipalities, hospitals and educational institutions and "
        "supports regional partnerships for social innovation.",
    ),
    Kind.STATE_AGENCY: (
        "Styrelsen arbejder for, at viden om virksomme sociale indsatser bliver brugt i hele "
        "landet.",
        "The agency works to make sure that knowledge about effective social initiatives is "
        "used throughout the country.",
    ),
    Kind.FOUNDATION: (
        "Fonden uddeler midler to gange om året og lægger vægt på projekter, der bygger på "
        "partnerskaber mellem civilsamfund, kommuner og virksomheder.",
        "The foundation awards grants twice a year and favours projects built on partnerships "
        "between civil society, municipalities and businesses.",
    ),
    Kind.SOCIAL_INVESTOR: (
        "Vi investerer tålmodig kapital og tilbyder sparring om forretningsudvikling og "
        "effektmåling.",
        "We invest patient capital and offer advice on business development and impact "
        "measurement.",
    ),
    Kind.SOCIAL_ENTERPRISE: (
        "Overskuddet geninvesteres i virksomhedens sociale formål, og medarbejderne får løbende "
        "opkvalificering.",
        "Profits are reinvested in our social purpose, and our staff receive ongoing training.",
    ),
    Kind.RSV: (
        "Virksomheden er registreret som socialøkonomisk virksomhed (RSV) og geninvesterer sit "
        "overskud i sit sociale formål.",
        "The company is a registered social enterprise (RSV) and reinvests its profits in its "
        "social purpose.",
    ),
    Kind.NGO: (
        "Foreningen bygger på frivillige kræfter og samarbejder tæt med kommunen og andre lokale "
        "foreninger.",
        "The association is run by volunteers and works closely with the municipality and other "
        "local associations.",
    ),
    Kind.UNIVERSITY: (
        "Forskningen foregår i tæt samarbejde med praksis, og resultaterne formidles åbent til "
        "kommuner, foreninger og virksomheder.",
        "The research is carried out in close cooperation with practice, and the results are "
        "shared openly with municipalities, associations and businesses.",
    ),
    Kind.KNOWLEDGE_CENTRE: (
        "Centret tilbyder kurser, netværk og rådgivning og hjælper nye initiativer fra idé til "
        "drift.",
        "The centre offers courses, networks and advice, and helps new initiatives go from idea "
        "to everyday operation.",
    ),
    Kind.BUSINESS: (
        "Virksomheden ser socialt ansvar som en del af forretningen og samarbejder med "
        "jobcentret om rekruttering.",
        "The company sees social responsibility as part of its business and works with the job "
        "centre on recruitment.",
    ),
    Kind.NETWORK: (
        "Netværket mødes flere gange om året, deler viden og står sammen om fælles projekter og "
        "ansøgninger.",
        "The network meets several times a year, shares knowledge and joins forces on projects "
        "and funding applications.",
    ),
    Kind.OTHER: (
        "Organisationen samarbejder bredt med kommuner, foreninger og virksomheder i lokalområdet.",
        "The organisation works widely with municipalities, associations and businesses in the "
        "local area.",
    ),
}

METHODS = [
    (
        "Vi arbejder tæt sammen med jobcentret og lokale virksomheder.",
        "We work closely with the job centre and local businesses.",
    ),
    ("Frivillige og ansatte arbejder side om side.", "Volunteers and staff work side by side."),
    (
        "Borgerne er med til at udvikle indsatsen fra første dag.",
        "Citizens help shape the work from day one.",
    ),
    (
        "Vi måler effekten af vores arbejde og deler resultaterne åbent.",
        "We measure the impact of our work and share the results openly.",
    ),
    (
        "Indsatsen er udviklet sammen med forskere og praktikere.",
        "The approach was developed together with researchers and practitioners.",
    ),
    (
        "Vi tilbyder mentorordninger, praktikpladser og faglig sparring.",
        "We offer mentoring, work placements and professional guidance.",
    ),
    (
        "Aktiviteterne finansieres af salg, fonde og partnerskaber med kommunen.",
        "Our activities are funded by sales, foundations and partnerships with the municipality.",
    ),
    (
        "Vi har afdelinger i flere byer og deler gerne vores metoder.",
        "We have branches in several towns and are happy to share our methods.",
    ),
    (
        "Aktiviteterne foregår i lokalområdet og er åbne for alle.",
        "Our activities take place in the local area and are open to everyone.",
    ),
    (
        "Vi samarbejder med skoler, boligforeninger og sundhedsplejen.",
        "We work with schools, housing associations and health visitors.",
    ),
]

PARTNERSHIP_TEXTS = [
    (
        "Vi søger virksomheder, der kan tilbyde praktik- og jobpladser.",
        "We are looking for businesses that can offer work placements and jobs.",
    ),
    (
        "Vi søger europæiske partnere til et fælles projekt om inklusion på arbejdsmarkedet.",
        "We are looking for European partners for a joint project on labour market inclusion.",
    ),
    (
        "Vi søger forskere, der vil hjælpe os med at måle effekten af vores arbejde.",
        "We are looking for researchers who can help us measure the impact of our work.",
    ),
    (
        "Vi søger kommuner, der vil afprøve vores metode.",
        "We are looking for municipalities that would like to test our method.",
    ),
    (
        "Vi søger partnere til en fælles ansøgning under ESF+.",
        "We are looking for partners for a joint ESF+ application.",
    ),
    (
        "Vi søger foreninger, vi kan dele lokaler og erfaringer med.",
        "We are looking for associations to share premises and experience with.",
    ),
]

DEFAULT_ROLE = {
    Kind.MUNICIPALITY: Role.POLICY_MAKER,
    Kind.REGION: Role.POLICY_MAKER,
    Kind.STATE_AGENCY: Role.POLICY_MAKER,
    Kind.FOUNDATION: Role.FUNDER,
    Kind.SOCIAL_INVESTOR: Role.FUNDER,
    Kind.UNIVERSITY: Role.RESEARCHER,
    Kind.KNOWLEDGE_CENTRE: Role.INTERMEDIARY,
    Kind.NETWORK: Role.INTERMEDIARY,
}
DEFAULT_SCALE = {
    Kind.MUNICIPALITY: Scale.LOCAL,
    Kind.REGION: Scale.REGIONAL,
    Kind.STATE_AGENCY: Scale.NATIONAL,
    Kind.FOUNDATION: Scale.NATIONAL,
    Kind.SOCIAL_INVESTOR: Scale.NATIONAL,
    Kind.UNIVERSITY: Scale.NATIONAL,
    Kind.KNOWLEDGE_CENTRE: Scale.NATIONAL,
    Kind.NETWORK: Scale.REGIONAL,
    Kind.BUSINESS: Scale.REGIONAL,
}
# The years an organisation of each type was plausibly founded in.
FOUNDED = {
    Kind.MUNICIPALITY: (2007, 2007),  # the municipal reform of 2007
    Kind.REGION: (2007, 2007),
    Kind.STATE_AGENCY: (1990, 2019),
    Kind.FOUNDATION: (1950, 2021),
    Kind.SOCIAL_INVESTOR: (2008, 2022),
    Kind.SOCIAL_ENTERPRISE: (2004, 2023),
    Kind.RSV: (2014, 2023),  # the RSV register opened in 2014
    Kind.NGO: (1975, 2023),
    Kind.UNIVERSITY: (1970, 2016),
    Kind.KNOWLEDGE_CENTRE: (1998, 2022),
    Kind.BUSINESS: (1920, 2020),
    Kind.NETWORK: (2005, 2023),
    Kind.OTHER: (1890, 2020),
}


# --- The curated actors ---------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One curated actor. `place` is a municipality's Danish name or a city in ABROAD."""

    name: str
    kind: str
    place: str
    short_da: str | None
    short_en: str | None
    focus: tuple[str, ...] = ()
    long_da: str | None = None
    long_en: str | None = None
    status: str = Status.PUBLISHED
    founded: int | None = None
    cvr: bool = False
    partners: bool | tuple[str, str] = False
    scale: str | None = None
    role: str | None = None
    rejection: str = ""

    @property
    def slug(self) -> str:
        return slug_for(self.name)


def spec(name, kind, place, focus, da, en, **options) -> Spec:
    """A curated actor, written compactly: focus is a space-separated list of FOCUS keys."""
    return Spec(name, kind, place, da, en, tuple(focus.split()), **options)


# fmt: off
REGIONS = [
    spec("Region Hovedstaden", Kind.REGION, "Hillerød", "mental innovation",
         "Regionen driver psykiatrien og hospitalerne i hovedstadsområdet og udvikler nye "
         "samarbejder om mental sundhed.",
         "The region runs psychiatric services and hospitals in the capital area and develops new "
         "partnerships on mental health."),
    spec("Region Sjælland", Kind.REGION, "Sorø", "youth education",
         "Regionen arbejder for, at flere unge i Region Sjælland gennemfører en uddannelse.",
         "The region works to help more young people in Region Zealand complete an education.",
         partners=True),
    spec("Region Syddanmark", Kind.REGION, "Vejle", "skills labour",
         "Regionen understøtter partnerskaber mellem virksomheder, kommuner og uddannelser om "
         "kompetencer og beskæftigelse.",
         "The region supports partnerships between businesses, municipalities and education "
         "providers on skills and employment."),
    spec("Region Midtjylland", Kind.REGION, "Viborg", "mental",
         "Regionen udvikler nye tilbud i psykiatrien sammen med patienter, pårørende og "
         "civilsamfundet.",
         "The region develops new psychiatric services together with patients, relatives and "
         "civil society."),
    spec("Region Nordjylland", Kind.REGION, "Aalborg", "youth labour",
         "Regionen samler nordjyske aktører om uddannelse, kompetencer og et rummeligt "
         "arbejdsmarked.",
         "The region brings North Jutland actors together on education, skills and an inclusive "
         "labour market."),
]
# fmt: on

# What a municipality works on: (Danish, English, focus).
MUNICIPAL_INITIATIVES = [
    (
        "afprøver socialøkonomiske partnerskaber, der skaber job til borgere på kanten af "
        "arbejdsmarkedet",
        "tests social-economy partnerships that create jobs for citizens on the edge of the "
        "labour market",
        "employment",
    ),
    (
        "udvikler nye tilbud til unge, der hverken er i uddannelse eller job",
        "develops new services for young people who are neither in education nor in work",
        "youth education",
    ),
    (
        "samarbejder med frivillige foreninger om at bekæmpe ensomhed blandt ældre",
        "works with voluntary associations to tackle loneliness among older people",
        "elderly",
    ),
    (
        "har et socialt innovationslaboratorium, hvor borgere, medarbejdere og virksomheder "
        "udvikler velfærden sammen",
        "runs a social innovation lab where citizens, staff and businesses develop welfare "
        "services together",
        "innovation",
    ),
    (
        "arbejder med Housing First og boligsociale indsatser for borgere i hjemløshed",
        "works with Housing First and social housing initiatives for people experiencing "
        "homelessness",
        "homeless",
    ),
    (
        "styrker integrationen af flygtninge gennem sprogpraktik i lokale virksomheder",
        "strengthens the integration of refugees through language internships in local businesses",
        "migrants",
    ),
    (
        "udvikler tidlige indsatser for sårbare familier sammen med civilsamfundet",
        "develops early support for vulnerable families together with civil society",
        "families",
    ),
    (
        "afprøver nye samarbejdsformer med psykiatrien om borgere med psykisk sårbarhed",
        "tests new ways of working with psychiatric services for citizens with mental health "
        "problems",
        "mental",
    ),
    (
        "stiller sociale klausuler i sine udbud, så flere ledige får job gennem kommunens indkøb",
        "uses social clauses in its tenders so that more unemployed people find work through "
        "municipal purchasing",
        "employment labour",
    ),
    (
        "samarbejder med lokale virksomheder om fleksjob og grønne job til borgere med handicap",
        "works with local businesses on flexible jobs and green jobs for citizens with "
        "disabilities",
        "disability green",
    ),
]

# Municipalities that take part as actors: (municipality, actor name, initiative, open).
MUNICIPAL_ACTORS = [
    ("København", "Københavns Kommune", 3, True),
    ("Frederiksberg", "Frederiksberg Kommune", 4, False),
    ("Gladsaxe", "Gladsaxe Kommune", 8, True),
    ("Høje-Taastrup", "Høje-Taastrup Kommune", 5, False),
    ("Ishøj", "Ishøj Kommune", 6, False),
    ("Helsingør", "Helsingør Kommune", 2, False),
    ("Bornholm", "Bornholms Regionskommune", 9, True),
    ("Roskilde", "Roskilde Kommune", 1, False),
    ("Holbæk", "Holbæk Kommune", 3, True),
    ("Næstved", "Næstved Kommune", 7, False),
    ("Slagelse", "Slagelse Kommune", 0, False),
    ("Lolland", "Lolland Kommune", 1, True),
    ("Guldborgsund", "Guldborgsund Kommune", 6, False),
    ("Odense", "Odense Kommune", 4, True),
    ("Svendborg", "Svendborg Kommune", 2, False),
    ("Sønderborg", "Sønderborg Kommune", 5, False),
    ("Esbjerg", "Esbjerg Kommune", 0, True),
    ("Kolding", "Kolding Kommune", 9, False),
    ("Vejle", "Vejle Kommune", 3, True),
    ("Aarhus", "Aarhus Kommune", 0, True),
    ("Randers", "Randers Kommune", 6, False),
    ("Herning", "Herning Kommune", 8, False),
    ("Viborg", "Viborg Kommune", 7, False),
    ("Silkeborg", "Silkeborg Kommune", 2, False),
    ("Aalborg", "Aalborg Kommune", 1, True),
    ("Hjørring", "Hjørring Kommune", 6, False),
    ("Frederikshavn", "Frederikshavn Kommune", 0, False),
    ("Thisted", "Thisted Kommune", 9, False),
]


def municipal_specs() -> list[Spec]:
    specs = []
    for place, name, initiative, open_to in MUNICIPAL_ACTORS:
        da, en, focus = MUNICIPAL_INITIATIVES[initiative]
        specs.append(
            spec(
                name,
                Kind.MUNICIPALITY,
                place,
                focus,
                f"{name} {da}.",
                f"{name} {en}.",
                partners=open_to,
                founded=2003 if place == "Bornholm" else 2007,
            )
        )
    return specs


# fmt: off
CURATED_OTHERS = [
    spec("Styrelsen for Social Udvikling", Kind.STATE_AGENCY, "Odense", "innovation families",
         "Styrelsen samler og formidler viden om virksomme sociale indsatser til kommuner og "
         "civilsamfund.",
         "The agency gathers and shares knowledge about effective social initiatives with "
         "municipalities and civil society."),
    spec("Agenturet for Beskæftigelse og Inklusion",
         Kind.STATE_AGENCY, "København", "employment labour",
         "Agenturet udvikler og evaluerer beskæftigelsesindsatser for mennesker langt fra "
         "arbejdsmarkedet.",
         "The agency develops and evaluates employment programmes for people far from the labour "
         "market."),
    spec("Styrelsen for Socialøkonomi og Civilsamfund", Kind.STATE_AGENCY, "Viborg", "finance",
         "Styrelsen registrerer socialøkonomiske virksomheder og vejleder om RSV-ordningen.",
         "The agency registers social enterprises and advises on the RSV scheme."),
    spec("Nationalt Kompetencecenter for Social Innovation",
         Kind.KNOWLEDGE_CENTRE, "København", "innovation labour",
         "Kompetencecentret samler, forbinder og styrker aktørerne i det danske økosystem for "
         "social innovation og bringer dem på EU's kort.",
         "The competence centre brings together, connects and strengthens the actors of the "
         "Danish social innovation ecosystem and puts them on the EU map.",
         long_da=(
             "Kompetencecentret er Danmarks nationale knudepunkt for social innovation. Vi "
             "kortlægger aktører, validerer danske projekter som officielle EU-cases, arrangerer "
             "policy-arrangementer og deler viden og værktøjer med vores partnere. Centret drives "
             "af et konsortium med partnere i Belgien, Irland, Finland, Tjekkiet og Polen."
         ),
         long_en=(
             "The competence centre is Denmark's national hub for social innovation. We map "
             "actors, validate Danish projects as official EU cases, run policy events and share "
             "knowledge and tools with our partners. The centre is run by a consortium with "
             "partners in Belgium, Ireland, Finland, the Czech Republic and Poland."
         ),
         founded=2024,
         partners=(
             "Vi søger danske aktører, der vil dele deres erfaringer i et europæisk netværk.",
             "We are looking for Danish actors who want to share their experience in a European "
             "network.",
         ),
         scale=Scale.INTERNATIONAL),
    spec("Fonden for Socialt Ansvar", Kind.FOUNDATION, "København", "homeless youth",
         "Fonden udvikler og skalerer sociale indsatser i partnerskab med kommuner og "
         "virksomheder.",
         "The foundation develops and scales social initiatives in partnership with "
         "municipalities and businesses.",
         founded=2005,
         cvr=True,
         partners=True),
    spec("Fonden Fællesskab & Fremtid", Kind.FOUNDATION, "Aarhus", "youth families",
         "Fonden støtter lokale fællesskaber, der giver børn og unge bedre muligheder.",
         "The foundation supports local communities that give children and young people better "
         "opportunities."),
    spec("Nordlys Fonden", Kind.FOUNDATION, "Aalborg", "education youth",
         "Nordlys Fonden støtter uddannelse og trivsel for unge i Nordjylland.",
         "The Nordlys Foundation supports education and well-being for young people in North "
         "Jutland.",
         scale=Scale.REGIONAL),
    spec("Sønderjysk Socialfond", Kind.FOUNDATION, "Aabenraa", "poverty employment",
         "Fonden støtter initiativer, der bekæmper fattigdom og skaber job i Sønderjylland.",
         "The foundation supports initiatives that fight poverty and create jobs in Southern "
         "Jutland.",
         scale=Scale.REGIONAL),
    spec("Fonden Hjerterum", Kind.FOUNDATION, "Odense", "elderly mental",
         "Fonden Hjerterum støtter projekter mod ensomhed og for mental sundhed.",
         "The Hjerterum Foundation supports projects against loneliness and for mental health.",
         cvr=True),
    spec("Kjærs Fond for Socialt Entreprenørskab", Kind.FOUNDATION, "Kolding", "finance employment",
         "Fonden giver startkapital og rådgivning til nye socialøkonomiske virksomheder.",
         "The foundation provides seed funding and advice to new social enterprises.",
         partners=True),
    spec("Fonden Vestkysten", Kind.FOUNDATION, "Esbjerg", "green skills",
         "Fonden Vestkysten støtter grøn omstilling, der også skaber job til ledige.",
         "The Vestkysten Foundation supports a green transition that also creates jobs for "
         "unemployed people.",
         scale=Scale.REGIONAL),
    spec("Bornholms Fællesfond", Kind.FOUNDATION, "Bornholm", "poverty elderly",
         "Fonden støtter små og store initiativer, der styrker fællesskabet på Bornholm.",
         "The foundation supports initiatives large and small that strengthen community life on "
         "Bornholm.",
         scale=Scale.LOCAL),
    spec("Social Impact Kapital", Kind.SOCIAL_INVESTOR, "København", "finance employment",
         "Social Impact Kapital investerer i socialøkonomiske virksomheder med et tydeligt "
         "socialt formål og en bæredygtig forretning.",
         "Social Impact Kapital invests in social enterprises with a clear social purpose and a "
         "sustainable business model.",
         cvr=True,
         partners=True),
    spec("Nordic Impact Invest", Kind.SOCIAL_INVESTOR, "Aarhus", "finance green",
         None,
         "Nordic Impact Invest backs early-stage social enterprises in the Nordic countries with "
         "loans, equity and mentoring.",
         scale=Scale.INTERNATIONAL),
    spec("Fællesskabsfonden for Social Investering",
         Kind.SOCIAL_INVESTOR, "Odense", "finance families",
         "Fonden giver lån til sociale projekter, der kan betale sig selv tilbage gennem bedre "
         "resultater.",
         "The fund lends to social projects that can repay through better outcomes."),
    spec("Kapital til Forandring", Kind.SOCIAL_INVESTOR, "Frederiksberg", "finance youth",
         "Kapital til Forandring investerer i virksomheder, der skaber uddannelse og job til "
         "unge.",
         "Kapital til Forandring invests in businesses that create education and jobs for young "
         "people."),
    spec("Midtjysk Social Investeringsfond", Kind.SOCIAL_INVESTOR, "Herning", "finance employment",
         "Fonden investerer i lokale socialøkonomiske virksomheder i Midtjylland.",
         "The fund invests in local social enterprises in Central Jutland.",
         status=Status.PENDING,
         scale=Scale.REGIONAL),
    spec("Café Exit", Kind.SOCIAL_ENTERPRISE, "Aarhus", "addiction employment",
         "Caféen giver mennesker, der har forladt et misbrug eller en afsoning, et første skridt "
         "tilbage på arbejdsmarkedet.",
         "The café gives people leaving addiction or prison a first step back into work.",
         long_da=(
             "Café Exit er en socialøkonomisk café i Aarhus. Her får mennesker, der har "
             "forladt et misbrug eller en afsoning, et job med løn, faste rammer og kolleger, der "
             "har prøvet det samme. Vi serverer frokost og kaffe, driver en lille catering og "
             "samarbejder med jobcentret om at bygge bro til et ordinært job. Overskuddet går til "
             "flere praktikpladser."
         ),
         long_en=(
             "Café Exit is a social enterprise café in Aarhus. People leaving "
             "addiction or prison get a paid job, a steady routine and colleagues who have been "
             "there themselves. We serve lunch and coffee, run a small catering service and work "
             "with the job centre to bridge the way to an ordinary job. Any profit pays for more "
             "work placements."
         ),
         founded=2012,
         partners=(
             "Vi søger virksomheder, der vil tage imod vores medarbejdere i praktik.",
             "We are looking for businesses willing to offer our staff work placements.",
         )),
    spec("Bageriet Anden Chance", Kind.SOCIAL_ENTERPRISE, "Odense", "addiction employment",
         "Et håndværksbageri, hvor mennesker med misbrug bag sig lærer faget og får et job.",
         "A craft bakery where people recovering from addiction learn the trade and get a job.",
         founded=2016),
    spec("Cykelværkstedet Ny Start",
         Kind.SOCIAL_ENTERPRISE, "København", "migrants employment green",
         "Cykelværkstedet uddanner flygtninge til cykelmekanikere og sælger istandsatte cykler.",
         "The bike workshop trains refugees as bike mechanics and sells refurbished bicycles.",
         partners=True),
    spec("Genbrugsbutikken Fællesskabet", Kind.SOCIAL_ENTERPRISE, "Randers", "green employment",
         "Genbrugsbutikken skaber job i butik og lager til ledige og sælger møbler og tøj.",
         "The second-hand shop creates jobs in retail and storage for unemployed people."),
    spec("Kantinen på Havnen", Kind.SOCIAL_ENTERPRISE, "Esbjerg", "youth employment",
         "Kantinen laver frokost til havnens virksomheder og uddanner unge til køkkenfaget.",
         "The canteen cooks lunch for businesses at the harbour and trains young people to work "
         "in kitchens."),
    spec("Gartneriet Spiren", Kind.SOCIAL_ENTERPRISE, "Roskilde", "mental green",
         "Et økologisk gartneri, hvor mennesker med psykisk sårbarhed finder ro og meningsfuldt "
         "arbejde.",
         "An organic market garden where people with mental health problems find calm and "
         "meaningful work.",
         founded=2011),
    spec("Vaskeriet Lærken", Kind.SOCIAL_ENTERPRISE, "Aalborg", "disability employment",
         "Vaskeriet ansætter mennesker med handicap og vasker for hoteller og plejehjem.",
         "The laundry employs people with disabilities and washes for hotels and care homes.",
         cvr=True),
    spec("Trykkeriet Fyrtårnet", Kind.SOCIAL_ENTERPRISE, "Vejle", "disability",
         "Et trykkeri, hvor halvdelen af medarbejderne har en funktionsnedsættelse.",
         "A print shop where half of the staff have a disability."),
    spec("Systuen Nye Tråde", Kind.SOCIAL_ENTERPRISE, "Ishøj", "gender migrants",
         "Systuen giver kvinder med flygtningebaggrund løn, sprog og netværk gennem syarbejde.",
         "The sewing workshop gives women with a refugee background wages, language and a network "
         "through tailoring.",
         partners=True),
    spec("Reparationscaféen Kilden", Kind.SOCIAL_ENTERPRISE, "Svendborg", "green elderly",
         "Her reparerer pensionister og unge ledige sammen alt fra lamper til cykler.",
         "Pensioners and young unemployed people repair everything from lamps to bikes together."),
    spec("Kaffebrænderiet Broen", Kind.SOCIAL_ENTERPRISE, "Frederiksberg", "homeless employment",
         "Kaffebrænderiet giver mennesker med hjemløshed bag sig et fast job og en fast adresse.",
         "The coffee roastery gives people who have been homeless a steady job and a home "
         "address."),
    spec("Madhuset Fælles Bord", Kind.SOCIAL_ENTERPRISE, "Holbæk", "poverty families",
         "Madhuset laver billig og sund mad til familier og byder på fællesspisning hver uge.",
         "The food house cooks cheap, healthy meals for families and hosts a community dinner "
         "every week."),
    spec("Snedkeriet Egen", Kind.SOCIAL_ENTERPRISE, "Viborg", "youth skills",
         "Et snedkeri, hvor unge uden uddannelse lærer håndværket i et rigtigt værksted.",
         "A joinery where young people without qualifications learn the craft in a real workshop."),
    spec("Hotel Ankeret", Kind.SOCIAL_ENTERPRISE, "Frederikshavn", "youth employment",
         "Et socialøkonomisk hotel, hvor unge tager deres første job i reception, køkken og "
         "rengøring.",
         "A social enterprise hotel where young people take their first job in reception, kitchen "
         "and housekeeping.",
         founded=2018),
    spec("Café Kompasset", Kind.SOCIAL_ENTERPRISE, "Sønderborg", "mental",
         "Caféen drives af mennesker med psykisk sårbarhed sammen med faglærte kokke.",
         "The café is run by people with mental health problems together with trained chefs."),
    spec("Kodeværkstedet", Kind.SOCIAL_ENTERPRISE, "Gladsaxe", "disability skills",
         "Kodeværkstedet uddanner unge med autisme til test- og it-opgaver i danske virksomheder.",
         "Kodeværkstedet trains young people with autism for software testing and IT work in "
         "Danish companies.",
         partners=True,
         scale=Scale.NATIONAL),
    spec("Bryggeriet Bølgen", Kind.SOCIAL_ENTERPRISE, "Helsingør", "employment",
         "Et lille bryggeri, der gav ledige job i produktion og salg. Bryggeriet er lukket.",
         "A small brewery that gave unemployed people jobs in production and sales. The brewery "
         "has closed.",
         status=Status.ARCHIVED),
    spec("Grønt Værksted Lolland", Kind.SOCIAL_ENTERPRISE, "Lolland", "green employment",
         "Værkstedet istandsætter elektronik og skaber grønne job til ledige på Lolland.",
         "The workshop refurbishes electronics and creates green jobs for unemployed people on "
         "Lolland."),
    spec("Cykelbudene Nord", Kind.SOCIAL_ENTERPRISE, "Hjørring", "youth green",
         "Et budfirma på ladcykler, hvor unge får deres første job.",
         "A cargo-bike courier where young people get their first job.",
         status=Status.PENDING),
    spec("Kaffebaren Mangfoldighed", Kind.SOCIAL_ENTERPRISE, "Odense", "migrants gender",
         "En kaffebar, hvor nyankomne lærer dansk og servering bag disken.",
         "A coffee bar where newcomers learn Danish and barista skills behind the counter.",
         status=Status.DRAFT),
    spec("Fru Hansens Køkken", Kind.SOCIAL_ENTERPRISE, "Næstved", "elderly employment",
         "Et cateringkøkken, der laver mad til ældre og ansætter ledige over 50.",
         "A catering kitchen that cooks for older people and employs unemployed people over 50.",
         status=Status.PENDING),
    spec("Job & Jord ApS", Kind.RSV, "Herning", "employment green",
         "Job & Jord driver grøn anlægsgartneri med medarbejdere, der har været længe ledige.",
         "Job & Jord runs green landscaping with staff who have long been out of work.",
         cvr=True),
    spec("Hjælpende Hænder ApS", Kind.RSV, "Slagelse", "disability elderly",
         "Hjælpende Hænder leverer praktisk hjælp i hjemmet med medarbejdere med handicap.",
         "Hjælpende Hænder provides practical help at home with staff who have disabilities.",
         cvr=True),
    spec("Møbelsnedkeriet Genbrug ApS", Kind.RSV, "Silkeborg", "green employment",
         "Snedkeriet bygger nye møbler af kasseret træ og uddanner ledige til faget.",
         "The joinery builds new furniture from discarded wood and trains unemployed people in "
         "the trade.",
         cvr=True,
         partners=True),
    spec("Rengøringsfirmaet Trappen ApS", Kind.RSV, "Aarhus", "migrants employment",
         "Et rengøringsfirma, hvor nyankomne får fast ansættelse og danskundervisning.",
         "A cleaning company where newcomers get permanent jobs and Danish lessons.",
         cvr=True),
    spec("Sociale Cykler ApS", Kind.RSV, "Kolding", "youth disability",
         "Sociale Cykler lejer cykler ud til turister og ansætter unge med diagnoser.",
         "Sociale Cykler rents bikes to tourists and employs young people with diagnoses.",
         cvr=True),
    spec("Grøn Omsorg ApS", Kind.RSV, "Thisted", "mental green",
         "Grøn Omsorg tilbyder naturbaseret beskæftigelse til mennesker med stress og angst.",
         "Grøn Omsorg offers nature-based employment to people with stress and anxiety.",
         cvr=True),
    spec("Kaffe med Omtanke ApS", Kind.RSV, "København", "homeless employment",
         "Kaffevogne på byens pladser, bemandet af mennesker, der har været hjemløse.",
         "Coffee carts on the city's squares, staffed by people who have been homeless.",
         cvr=True,
         partners=True),
    spec("Vestjysk Vikarservice ApS", Kind.RSV, "Holstebro", "disability employment",
         "Et vikarbureau, der finder job til mennesker med nedsat arbejdsevne.",
         "A temping agency that finds jobs for people with reduced working capacity.",
         cvr=True),
    spec("Digital Hjælp ApS", Kind.RSV, "Odense", "elderly skills",
         "Unge ledige lærer ældre at bruge computer, mobil og digitale selvbetjeninger.",
         "Young unemployed people teach older people to use computers, phones and digital "
         "services.",
         cvr=True),
    spec("Havnens Catering ApS", Kind.RSV, "Guldborgsund", "youth skills",
         "Et cateringfirma, der uddanner unge uden uddannelse til køkkenassistenter.",
         "A catering company that trains young people without qualifications as kitchen "
         "assistants.",
         cvr=True),
    spec("Lokalbryggeriet Høsten ApS", Kind.RSV, "Bornholm", "employment",
         "Et bryggeri med lokale råvarer og job til borgere på kanten af arbejdsmarkedet.",
         "A brewery with local ingredients and jobs for people on the edge of the labour market.",
         status=Status.DRAFT,
         cvr=True),
    spec("Ny Vej Flytteservice ApS", Kind.RSV, "Randers", "addiction employment",
         "Et flyttefirma, hvor tidligere misbrugere får et job og et nyt netværk.",
         "A removals company where people recovering from addiction get a job and a new network.",
         status=Status.PENDING,
         cvr=True),
    spec("Foreningen Gadens Stemme", Kind.NGO, "København", "homeless",
         "Foreningen giver mennesker med hjemløshed en stemme i debatten og i kommunens "
         "beslutninger.",
         "The association gives people experiencing homelessness a voice in public debate and in "
         "the city's decisions.",
         partners=True),
    spec("Foreningen Nye Naboer", Kind.NGO, "Aarhus", "migrants families",
         "Frivillige venskabsfamilier hjælper nyankomne flygtninge godt i gang i Aarhus.",
         "Volunteer host families help newly arrived refugees get settled in Aarhus.",
         founded=2015),
    spec("Ældre for Ældre Odense", Kind.NGO, "Odense", "elderly",
         "Frivillige seniorer besøger ensomme ældre og arrangerer ture og fællesspisning.",
         "Volunteer seniors visit lonely older people and organise outings and shared meals."),
    spec("Lektiecaféen Vollsmose", Kind.NGO, "Odense", "education migrants",
         "Frivillige studerende hjælper børn og unge med lektierne fire dage om ugen.",
         "Volunteer students help children and young people with their homework four days a week."),
    spec("Natcaféen Esbjerg", Kind.NGO, "Esbjerg", "homeless addiction",
         "Natcaféen er åben om natten for hjemløse og mennesker med misbrug.",
         "The night café is open at night for homeless people and people with addiction."),
    spec("Foreningen Psykisk Førstehjælp Nord", Kind.NGO, "Aalborg", "mental",
         "Foreningen lærer borgere at hjælpe et menneske i psykisk krise.",
         "The association teaches citizens how to help someone in a mental health crisis."),
    spec("Romano Drom Danmark", Kind.NGO, "Høje-Taastrup", "roma education",
         "Foreningen styrker romaers adgang til uddannelse, job og sundhed i Danmark.",
         "The association improves Roma people's access to education, jobs and health care in "
         "Denmark.",
         partners=True,
         scale=Scale.NATIONAL),
    spec("Mentorkorpset Midt", Kind.NGO, "Randers", "youth",
         "Frivillige mentorer følger unge på vej ind i uddannelse og job.",
         "Volunteer mentors support young people on their way into education and work."),
    spec("Frivilligcenter Næstved", Kind.NGO, "Næstved", "poverty elderly",
         "Frivilligcentret hjælper foreninger og frivillige i Næstved med at finde hinanden.",
         "The volunteer centre helps associations and volunteers in Næstved find each other."),
    spec("Familiehuset Sammen", Kind.NGO, "Hjørring", "families",
         "Et åbent hus for familier, hvor forældre får støtte og børn får legekammerater.",
         "An open house for families where parents get support and children find playmates."),
    spec("Væresteddet Oasen", Kind.NGO, "Svendborg", "mental addiction",
         "Et værested for mennesker med psykisk sårbarhed eller misbrug.",
         "A drop-in centre for people with mental health problems or addiction."),
    spec("Foreningen Unge for Unge", Kind.NGO, "Sønderborg", "youth mental",
         "Unge frivillige taler med andre unge om trivsel, ensomhed og fremtiden.",
         "Young volunteers talk with other young people about well-being, loneliness and the "
         "future."),
    spec("Madbanken Vest", Kind.NGO, "Holstebro", "poverty green",
         "Madbanken fordeler overskudsmad fra butikker til familier og væresteder.",
         "The food bank distributes surplus food from shops to families and drop-in centres."),
    spec("Foreningen Kvinder i Arbejde", Kind.NGO, "Gladsaxe", "gender migrants",
         "Foreningen hjælper kvinder med indvandrerbaggrund ind på arbejdsmarkedet.",
         "The association helps women with a migrant background into the labour market."),
    spec("Foreningen Handicap og Fællesskab", Kind.NGO, "Kolding", "disability",
         "Foreningen skaber fritidsaktiviteter, hvor mennesker med og uden handicap mødes.",
         "The association runs leisure activities where people with and without disabilities "
         "meet."),
    spec("Besøgsvennerne Thy", Kind.NGO, "Thisted", "elderly",
         "Frivillige besøgsvenner i Thy mødes med ældre, der sidder alene.",
         None),
    spec("Foreningen Nattevagten Roskilde", Kind.NGO, "Roskilde", "youth",
         "Voksne frivillige går i byen fredag og lørdag nat og er der for de unge.",
         "Adult volunteers walk the town on Friday and Saturday nights and are there for young "
         "people."),
    spec("Foreningen Fritid for Alle", Kind.NGO, "Lolland", "families poverty",
         "Foreningen betaler kontingent og udstyr, så alle børn kan gå til sport.",
         "The association pays membership fees and kit so that every child can do sport."),
    spec("Frivillignetværket Bornholm", Kind.NGO, "Bornholm", "elderly poverty",
         "Netværket samler øens frivillige foreninger om fælles kurser og aktiviteter.",
         "The network brings the island's voluntary associations together for courses and events."),
    spec("Foreningen Nye Rødder", Kind.NGO, "Viborg", "migrants green",
         "Foreningen skaber haver og fællesskaber for flygtninge og deres naboer.",
         "The association creates gardens and communities for refugees and their neighbours.",
         status=Status.DRAFT,
         rejection=(
             "Beskrivelsen skal fortælle, hvad foreningen gør, og for hvem. Tilføj også en "
             "kontaktadresse."
         )),
    spec("Foreningen Ud af Misbrug", Kind.NGO, "Herning", "addiction",
         "Tidligere misbrugere støtter mennesker, der vil ud af et misbrug.",
         "People who have overcome addiction support those who want to leave it behind.",
         status=Status.PENDING),
    spec("Foreningen Social Sommerlejr", Kind.NGO, "Vejle", "families poverty",
         "Foreningen arrangerer sommerlejre for børn fra familier med få penge.",
         "The association runs summer camps for children from low-income families."),
    spec("Helsingør Hjælper", Kind.NGO, "Helsingør", "poverty",
         "Frivillige i Helsingør hjælper med indkøb, lektier og ansøgninger.",
         None),
    spec("Center for Social Innovation, Roskilde Universitet",
         Kind.UNIVERSITY, "Roskilde", "innovation",
         "Centret forsker i, hvordan kommuner, civilsamfund og virksomheder skaber social "
         "innovation sammen.",
         "The centre researches how municipalities, civil society and businesses create social "
         "innovation together.",
         partners=True),
    spec("Forskningsenheden for Socialt Entreprenørskab, Aalborg Universitet",
         Kind.UNIVERSITY, "Aalborg", "finance employment",
         "Forskningsenheden undersøger socialøkonomiske virksomheders forretningsmodeller og "
         "effekt.",
         "The research unit studies the business models and impact of social enterprises."),
    spec("Institut for Velfærdsinnovation, Syddansk Universitet",
         Kind.UNIVERSITY, "Odense", "innovation elderly",
         "Instituttet forsker i nye måder at organisere ældrepleje og sundhed på.",
         "The institute researches new ways of organising elderly care and health services."),
    spec("Center for Civilsamfundsstudier, Aarhus Universitet",
         Kind.UNIVERSITY, "Aarhus", "innovation poverty",
         "Centret forsker i frivillighed, foreninger og civilsamfundets rolle i velfærden.",
         "The centre researches volunteering, associations and civil society's role in welfare.",
         scale=Scale.INTERNATIONAL),
    spec("Videncenter for Social Inklusion, Københavns Professionshøjskole",
         Kind.UNIVERSITY, "København", "education mental",
         "Videncentret forsker i inkluderende praksis i skoler, dagtilbud og socialt arbejde.",
         "The centre researches inclusive practice in schools, day care and social work."),
    spec("Forskningsprogram for Udsatte Børn og Unge, VIA University College",
         Kind.UNIVERSITY, "Horsens", "youth families",
         "Forskningsprogrammet udvikler viden om indsatser for udsatte børn og unge.",
         "The research programme builds knowledge about support for vulnerable children and young "
         "people."),
    spec("Center for Beskæftigelse, Professionshøjskolen Absalon",
         Kind.UNIVERSITY, "Slagelse", "employment labour",
         "Centret forsker i beskæftigelsesindsatser og uddanner fremtidens jobkonsulenter.",
         "The centre researches employment services and trains tomorrow's job counsellors."),
    spec("Forskning i Inkluderende Uddannelse, UC SYD",
         Kind.UNIVERSITY, "Haderslev", "education disability",
         "Forskningsgruppen undersøger, hvordan elever med handicap trives i folkeskolen.",
         "The research group studies how pupils with disabilities fare in primary school."),
    spec("Videnscenter for Socialøkonomi", Kind.KNOWLEDGE_CENTRE, "Odense", "finance employment",
         "Videnscentret rådgiver iværksættere, der vil starte en socialøkonomisk virksomhed.",
         "The centre advises entrepreneurs who want to start a social enterprise.",
         partners=True),
    spec("Innovationshuset Nord", Kind.KNOWLEDGE_CENTRE, "Aalborg", "innovation",
         "Innovationshuset hjælper nordjyske kommuner med at udvikle velfærden sammen med "
         "borgerne.",
         "The innovation house helps North Jutland municipalities develop welfare services with "
         "citizens.",
         scale=Scale.REGIONAL),
    spec("Center for Borgerinddragelse", Kind.KNOWLEDGE_CENTRE, "Aarhus", "innovation",
         "Centret udvikler metoder til at inddrage borgere i beslutninger om velfærd.",
         "The centre develops methods for involving citizens in decisions about welfare."),
    spec("Lab for Velfærdsinnovation Sjælland",
         Kind.KNOWLEDGE_CENTRE, "Næstved", "innovation elderly",
         "Laboratoriet afprøver ny teknologi og nye arbejdsgange i ældreplejen.",
         "The lab tests new technology and new ways of working in elderly care.",
         scale=Scale.REGIONAL),
    spec("Center for Frivillighed og Fællesskab", Kind.KNOWLEDGE_CENTRE, "Vejle", "elderly poverty",
         "Centret styrker samarbejdet mellem kommuner og frivillige foreninger.",
         "The centre strengthens cooperation between municipalities and voluntary associations."),
    spec("Udviklingscentret for Unge og Uddannelse",
         Kind.KNOWLEDGE_CENTRE, "Herning", "youth education",
         "Udviklingscentret udvikler vejledning, der får flere unge til at gennemføre en "
         "uddannelse.",
         "The development centre designs guidance that helps more young people complete an "
         "education."),
    spec("Vestdansk Center for Integration", Kind.KNOWLEDGE_CENTRE, "Esbjerg", "migrants labour",
         "Centret samler viden om integration på arbejdsmarkedet og i lokalsamfundet.",
         "The centre gathers knowledge about integration in the labour market and local "
         "communities.",
         scale=Scale.REGIONAL),
    spec("Nordisk Facility Service A/S", Kind.BUSINESS, "Brøndby", "employment migrants",
         "Et servicefirma, der har ansat mere end hundrede medarbejdere via jobcentret.",
         "A facility services company that has hired more than a hundred staff through the job "
         "centre.",
         cvr=True,
         scale=Scale.NATIONAL),
    spec("Tømrerfirmaet Hansen & Søn", Kind.BUSINESS, "Ringkøbing-Skjern", "youth skills",
         "Et tømrerfirma, der hvert år tager lærlinge fra produktionsskolen.",
         "A carpentry firm that takes on apprentices from the production school every year.",
         scale=Scale.LOCAL),
    spec("Konsulenthuset Social Værdi", Kind.BUSINESS, "Frederiksberg", "finance innovation",
         "Konsulenthuset rådgiver kommuner og fonde om effektmåling og social værdi.",
         "The consultancy advises municipalities and foundations on impact measurement and social "
         "value.",
         partners=True,
         scale=Scale.NATIONAL),
    spec("Byggeselskabet Østkysten A/S", Kind.BUSINESS, "Køge", "employment labour",
         "Et byggefirma, der opfylder sociale klausuler med lærlinge og ledige fra lokalområdet.",
         "A construction firm that meets social clauses with apprentices and unemployed people "
         "from the area.",
         cvr=True),
    spec("Revisionsfirmaet Impact & Co", Kind.BUSINESS, "Aarhus", "finance",
         "Revisorer, der hjælper socialøkonomiske virksomheder med regnskab og rapportering.",
         "Accountants who help social enterprises with bookkeeping and impact reporting."),
    spec("Jysk Logistik A/S", Kind.BUSINESS, "Fredericia", "disability employment",
         "Et logistikfirma, hvor medarbejdere i fleksjob arbejder side om side med kollegerne.",
         "A logistics company where staff in flexible jobs work side by side with their "
         "colleagues.",
         cvr=True),
    spec("Købmanden på Læsø", Kind.BUSINESS, "Læsø", "elderly employment",
         "Øens købmand bringer varer ud til ældre og ansætter unge fra øen.",
         "The island's grocer delivers to older people and employs young islanders.",
         scale=Scale.LOCAL),
    spec("Grøn Energi Samsø A/S", Kind.BUSINESS, "Samsø", "green skills",
         "Et energiselskab, der uddanner ledige til job i den grønne omstilling.",
         "An energy company that trains unemployed people for jobs in the green transition.",
         status=Status.DRAFT),
    spec("Netværk for Socialøkonomiske Virksomheder Midt",
         Kind.NETWORK, "Aarhus", "employment finance",
         "Netværket samler socialøkonomiske virksomheder i Midtjylland om viden og salg.",
         "The network brings social enterprises in Central Jutland together on knowledge and "
         "sales."),
    spec("Alliancen for Social Innovation", Kind.NETWORK, "København", "innovation",
         "Alliancen samler fonde, kommuner og organisationer om at fremme social innovation i "
         "Danmark.",
         "The alliance brings foundations, municipalities and organisations together to promote "
         "social innovation in Denmark.",
         scale=Scale.NATIONAL),
    spec("Partnerskabet Unge i Job Sjælland", Kind.NETWORK, "Holbæk", "youth employment",
         "Et partnerskab mellem kommuner, skoler og virksomheder om job til unge.",
         "A partnership between municipalities, schools and businesses on jobs for young people."),
    spec("Socialøkonomisk Netværk Fyn", Kind.NETWORK, "Odense", "employment",
         "Fynske socialøkonomiske virksomheder deler viden, kunder og erfaringer.",
         "Social enterprises on Funen share knowledge, customers and experience."),
    spec("Netværket for Socialt Entreprenørskab Nordjylland",
         Kind.NETWORK, "Aalborg", "employment finance",
         "Netværket hjælper sociale iværksættere i Nordjylland i gang.",
         "The network helps social entrepreneurs in North Jutland get started."),
    spec("Sønderjysk Frivilligalliance", Kind.NETWORK, "Aabenraa", "elderly poverty",
         "En alliance af frivillige foreninger i Sønderjylland.",
         "An alliance of voluntary associations in Southern Jutland."),
    spec("Hjemløsenetværket Hovedstaden", Kind.NETWORK, "København", "homeless",
         "Et netværk af herberger, væresteder og kommuner, der arbejder med hjemløshed.",
         "A network of shelters, drop-in centres and municipalities working on homelessness."),
    spec("Netværk for Social Innovation i Kommunerne", Kind.NETWORK, "Vejle", "innovation labour",
         "Et netværk for kommunale medarbejdere, der arbejder med social innovation.",
         "A network for municipal staff working with social innovation.",
         scale=Scale.NATIONAL),
    spec("Boligforeningen Fællesbo", Kind.OTHER, "Ishøj", "families migrants",
         "Boligforeningen driver lektiecafé, jobvejledning og fællesspisning i sine afdelinger.",
         "The housing association runs homework clubs, job advice and shared meals on its "
         "estates."),
    spec("Højskolen ved Fjorden", Kind.OTHER, "Skive", "education skills",
         "En folkehøjskole med linjer for unge, der har brug for en ny start.",
         "A folk high school with courses for young people who need a fresh start."),
    spec("Produktionsskolen Vestjylland", Kind.OTHER, "Ringkøbing-Skjern", "youth education",
         "Produktionsskolen giver unge praktisk undervisning i værksteder.",
         "The production school gives young people practical teaching in workshops."),
    spec("Kulturhuset Mødestedet", Kind.OTHER, "Faaborg-Midtfyn", "elderly families",
         "Et kulturhus, hvor ældre og børnefamilier mødes om musik, mad og værksteder.",
         "A cultural centre where older people and families meet over music, food and workshops."),
    spec("Andelsselskabet Landsbyen Lever", Kind.OTHER, "Morsø", "elderly innovation",
         "Landsbyens beboere driver købmand, café og delebil sammen.",
         "The villagers run a grocery, a café and a shared car together.",
         status=Status.PENDING),
    spec("Lokalrådet for Langeland", Kind.OTHER, "Langeland", "elderly poverty",
         "Lokalrådet samler øens borgere om fællesskab, kultur og hjælp til hinanden.",
         None),
    spec("European Social Innovation Alliance", Kind.NETWORK, "Brussels", "innovation labour",
         None,
         "A European alliance of social innovation competence centres that links national "
         "ecosystems with EU policy.",
         partners=True,
         scale=Scale.INTERNATIONAL),
    spec("Social Innovation Hub Ireland", Kind.KNOWLEDGE_CENTRE, "Dublin", "innovation finance",
         None,
         "The Irish hub supports social innovators with funding advice, training and a national "
         "network.",
         partners=True,
         scale=Scale.INTERNATIONAL),
    spec("Sosiaalisten innovaatioiden keskus",
         Kind.KNOWLEDGE_CENTRE, "Helsinki", "innovation elderly",
         "Det finske center for social innovation udvikler velfærdsløsninger med kommuner og "
         "forskere.",
         "The Finnish centre for social innovation develops welfare solutions with municipalities "
         "and researchers.",
         scale=Scale.INTERNATIONAL),
    spec("Centrum pro sociální inovace", Kind.NGO, "Prague", "roma employment",
         "Det tjekkiske center for social innovation arbejder med inklusion af romaer og "
         "socialøkonomi.",
         "The Czech centre for social innovation works on Roma inclusion and the social economy.",
         partners=True,
         scale=Scale.INTERNATIONAL),
    spec("Fundacja Innowacji Społecznych", Kind.FOUNDATION, "Warsaw", "finance employment",
         "Den polske fond støtter sociale innovatorer og socialøkonomiske virksomheder.",
         "The Polish foundation supports social innovators and social enterprises.",
         scale=Scale.INTERNATIONAL),
]
# fmt: on


def curated_specs() -> list[Spec]:
    """The hand-made demo set, in a fixed order (the random stream depends on it)."""
    return REGIONS + municipal_specs() + CURATED_OTHERS


# Connections between curated actors that tell a story: (from slug, kind, to slug).
STORY_CONNECTIONS = [
    ("cafe-exit", Link.FUNDED_BY, "fonden-for-socialt-ansvar"),
    ("cafe-exit", Link.MEMBER_OF, "netvaerk-for-socialoekonomiske-virksomheder-midt"),
    ("cafe-exit", Link.PARTNER_OF, "aarhus-kommune"),
    ("bageriet-anden-chance", Link.MEMBER_OF, "socialoekonomisk-netvaerk-fyn"),
    ("bageriet-anden-chance", Link.FUNDED_BY, "fonden-hjerterum"),
    ("foreningen-gadens-stemme", Link.MEMBER_OF, "hjemloesenetvaerket-hovedstaden"),
    ("foreningen-gadens-stemme", Link.FUNDED_BY, "fonden-for-socialt-ansvar"),
    ("kaffe-med-omtanke-aps", Link.PARTNER_OF, "foreningen-gadens-stemme"),
    (
        "center-for-social-innovation-roskilde-universitet",
        Link.COLLABORATES_WITH,
        "nationalt-kompetencecenter-for-social-innovation",
    ),
    (
        "styrelsen-for-social-udvikling",
        Link.COLLABORATES_WITH,
        "nationalt-kompetencecenter-for-social-innovation",
    ),
    (
        "nationalt-kompetencecenter-for-social-innovation",
        Link.MEMBER_OF,
        "alliancen-for-social-innovation",
    ),
    (
        "nationalt-kompetencecenter-for-social-innovation",
        Link.MEMBER_OF,
        "european-social-innovation-alliance",
    ),
    (
        "nationalt-kompetencecenter-for-social-innovation",
        Link.PARTNER_OF,
        "social-innovation-hub-ireland",
    ),
    (
        "nationalt-kompetencecenter-for-social-innovation",
        Link.PARTNER_OF,
        "sosiaalisten-innovaatioiden-keskus",
    ),
    (
        "nationalt-kompetencecenter-for-social-innovation",
        Link.PARTNER_OF,
        "centrum-pro-socialni-inovace",
    ),
    (
        "nationalt-kompetencecenter-for-social-innovation",
        Link.PARTNER_OF,
        "fundacja-innowacji-spolecznych",
    ),
    ("kodevaerkstedet", Link.FUNDED_BY, "social-impact-kapital"),
    ("romano-drom-danmark", Link.PARTNER_OF, "centrum-pro-socialni-inovace"),
]


# --- Word lists for generated actors -------------------------------------------------------

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


# --- Building rows --------------------------------------------------------------------------

_DANISH_LETTERS = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "Æ": "Ae",
        "Ø": "Oe",
        "Å": "Aa",
        "ł": "l",
        "Ł": "L",
        "&": " og ",
    }
)


def slug_for(name: str) -> str:
    """The slug a demo actor gets: readable Danish, like the slugs of registered actors."""
    return slugify(name.translate(_DANISH_LETTERS))[:200].strip("-")


def valid_cvr(prefix: int) -> str | None:
    """The CVR number with these 7 digits and a modulus-11 check digit, or None if none fits.

    CVR weights are 2,7,6,5,4,3,2,1 and the weighted sum must be a multiple of 11.
    """
    digits = [int(d) for d in str(prefix)]
    if len(digits) != 7 or digits[0] == 0:
        return None
    check = -sum(w * d for w, d in zip((2, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
    return None if check == 10 else f"{prefix}{check}"


@dataclass
class Reference:
    """The reference data the builders need, loaded once."""

    municipalities: dict[str, Municipality]  # by Danish name
    weighted_municipalities: list[Municipality]
    themes: dict[str, int]
    target_groups: dict[str, int]
    sdgs: dict[int, int]
    target_group_names: dict[str, tuple[str, str]]

    @classmethod
    def load(cls) -> Reference:
        municipalities = list(Municipality.objects.select_related("region").order_by("code"))
        weighted = [m for m in municipalities for _ in range(MUNICIPALITY_WEIGHTS.get(m.code, 1))]
        return cls(
            municipalities={m.name_da: m for m in municipalities},
            weighted_municipalities=weighted,
            themes=dict(Theme.objects.values_list("slug", "pk")),
            target_groups=dict(TargetGroup.objects.values_list("slug", "pk")),
            sdgs=dict(SDG.objects.values_list("number", "pk")),
            target_group_names={
                slug: (da, en)
                for slug, da, en in TargetGroup.objects.values_list("slug", "name_da", "name_en")
            },
        )


@dataclass
class Row:
    """An actor not yet saved, with the ids of its themes, target groups and SDGs."""

    actor: Actor
    themes: set[int] = field(default_factory=set)
    target_groups: set[int] = field(default_factory=set)
    sdgs: set[int] = field(default_factory=set)


def _place(actor: Actor, place: str, rng: random.Random, ref: Reference) -> None:
    """Put the actor in its municipality (near the centre) or in its city abroad."""
    if place in ABROAD:
        country, lat, lon, postcode, address = ABROAD[place]
        actor.country, actor.city, actor.postcode, actor.address = country, place, postcode, address
        actor.latitude = round(lat + rng.uniform(-0.01, 0.01), 5)
        actor.longitude = round(lon + rng.uniform(-0.015, 0.015), 5)
        return
    municipality = ref.municipalities[place]
    actor.country = "DK"
    actor.municipality, actor.region = municipality, municipality.region
    actor.postcode, actor.city = rng.choice(POSTCODES[municipality.code])
    actor.address = f"{rng.choice(STREETS)} {rng.randint(1, 120)}"
    # A small jitter, so actors of one town do not share one pin; well inside Denmark.
    actor.latitude = round(municipality.latitude + rng.uniform(-0.006, 0.006), 5)
    actor.longitude = round(municipality.longitude + rng.uniform(-0.009, 0.009), 5)


def _contact(actor: Actor, rng: random.Random) -> None:
    domain = f"example-{actor.slug[:40].strip('-')}.{'dk' if actor.country == 'DK' else 'eu'}"
    actor.website = f"https://www.{domain}"
    actor.email = f"{rng.choice(['kontakt', 'info', 'hej', 'post'])}@{domain}"


def _dates(actor: Actor, rng: random.Random) -> None:
    """Published actors were reviewed once; pending ones have waited a varied number of days."""
    now = timezone.now()
    if actor.status in (Status.PUBLISHED, Status.ARCHIVED):
        actor.published_at = now - timedelta(days=rng.randint(14, 900), hours=rng.randint(0, 23))
        actor.submitted_at = actor.published_at - timedelta(days=rng.randint(1, 6))
    elif actor.status == Status.PENDING:
        actor.submitted_at = now - timedelta(days=rng.choice([0, 1, 2, 4, 6, 9, 14, 21]))


def _links(row: Row, focus: Iterable[str], ref: Reference) -> None:
    for key in focus:
        themes, groups, sdgs = FOCUS[key]
        row.themes.update(ref.themes[slug] for slug in themes)
        row.target_groups.update(ref.target_groups[slug] for slug in groups)
        row.sdgs.update(ref.sdgs[number] for number in sdgs)


def _group_names(focus: Iterable[str], ref: Reference) -> tuple[str, str]:
    slugs = list(dict.fromkeys(slug for key in focus for slug in FOCUS[key][1]))
    if not slugs:
        return "", ""
    da = [ref.target_group_names[s][0].lower() for s in slugs]
    en = [ref.target_group_names[s][1] for s in slugs]
    en = [n if n == "Roma" else n[0].lower() + n[1:] for n in en]

    def join(names: list[str], word: str) -> str:
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"

    return (
        f"Indsatsen retter sig særligt mod {join(da, 'og')}.",
        f"Our work is aimed in particular at {join(en, 'and')}.",
    )


def curated_row(spec: Spec, rng: random.Random, ref: Reference) -> Row:
    actor = Actor(
        name=spec.name,
        slug=spec.slug,
        kind=spec.kind,
        role=spec.role or DEFAULT_ROLE.get(spec.kind, Role.PRACTITIONER),
        scale=spec.scale or DEFAULT_SCALE.get(spec.kind, Scale.LOCAL),
        status=spec.status,
        rejection_reason=spec.rejection,
    )
    _place(actor, spec.place, rng, ref)
    _contact(actor, rng)
    low, high = FOUNDED[spec.kind]
    actor.founded_year = spec.founded or rng.randint(low, high)
    paragraph_da, paragraph_en = KIND_PARAGRAPHS[spec.kind]
    groups_da, groups_en = _group_names(spec.focus, ref)
    if spec.short_da:
        actor.short_description_da = spec.short_da
        actor.description_da = spec.long_da or " ".join(
            part for part in (spec.short_da, paragraph_da, groups_da) if part
        )
    if spec.short_en:
        actor.short_description_en = spec.short_en
        actor.description_en = spec.long_en or " ".join(
            part for part in (spec.short_en, paragraph_en, groups_en) if part
        )
    if spec.partners:
        da, en = (
            spec.partners if isinstance(spec.partners, tuple) else rng.choice(PARTNERSHIP_TEXTS)
        )
        actor.open_to_partnerships = True
        actor.partnership_text_da = da if spec.short_da else None
        actor.partnership_text_en = en if spec.short_en else None
    _dates(actor, rng)
    row = Row(actor)
    _links(row, spec.focus, ref)
    if spec.kind == Kind.NETWORK:
        row.sdgs.add(ref.sdgs[17])
    return row


def _generated_name(kind: str, rng: random.Random, city: str, region: str) -> str:
    q = rng.choice(QUALIFIERS)
    if kind == Kind.SOCIAL_ENTERPRISE:
        return f"{rng.choice(ENTERPRISE_NOUNS)} {q}"
    if kind == Kind.RSV:
        return f"{rng.choice(RSV_NOUNS)} {q} ApS"
    if kind == Kind.NGO:
        return f"{rng.choice(NGO_NOUNS)} {q}"
    if kind == Kind.FOUNDATION:
        surname = rng.choice(SURNAMES)
        return rng.choice(
            [
                f"Fonden {q}",
                f"{surname}s Fond",
                f"{rng.choice(FIRST_NAMES)} og {rng.choice(FIRST_NAMES)} {surname}s Fond",
            ]
        )
    if kind == Kind.SOCIAL_INVESTOR:
        return rng.choice([f"Investeringsfonden {q}", f"{q} Social Kapital", f"{q} Impact"])
    if kind == Kind.KNOWLEDGE_CENTRE:
        topic = rng.choice(TOPICS)
        return rng.choice(
            [f"Center for {topic} {city}", f"Videnscenter for {topic}", f"Udviklingscentret {q}"]
        )
    if kind == Kind.BUSINESS:
        return f"{rng.choice(SURNAMES)} {rng.choice(TRADES)} {rng.choice(['ApS', 'A/S'])}"
    if kind == Kind.NETWORK:
        topic = rng.choice(TOPICS)
        return rng.choice(
            [
                f"Netværk for {topic} {region}",
                f"Partnerskabet for {topic} i {city}",
                f"Alliancen {q}",
            ]
        )
    return f"{rng.choice(OTHER_NOUNS)} {q}"


def generated_row(number: int, ref: Reference) -> Row:
    """Generated actor `number`: the same actor whenever it is asked for."""
    rng = random.Random(f"{SEED}-{number}")
    kind = rng.choices(list(GENERATED_KINDS), weights=list(GENERATED_KINDS.values()))[0]
    abroad = rng.random() < 0.015
    if abroad and kind == Kind.RSV:
        kind = Kind.SOCIAL_ENTERPRISE  # the RSV register is Danish
    focus = rng.sample(FOCUS_BY_KIND.get(kind, PRACTITIONER_FOCUS), k=rng.choice([1, 1, 2]))
    actor = Actor(kind=kind)
    if abroad:
        city = rng.choice(list(ABROAD))
        name = f"{rng.choice(ABROAD_QUALIFIERS)} {rng.choice(ABROAD_NOUNS)} {city}"
        _place(actor, city, rng, ref)
        region_da = region_en = city
    elif kind == Kind.UNIVERSITY:
        institution, places = rng.choice(INSTITUTIONS)
        name = f"{rng.choice(UNITS)} {rng.choice(TOPICS)}, {institution}"
        _place(actor, rng.choice(places), rng, ref)
    else:
        municipality = rng.choice(ref.weighted_municipalities)
        _place(actor, municipality.name_da, rng, ref)
        name = None
    if not abroad:
        region_da = actor.region.name_da.removeprefix("Region ")
        region_en = actor.region.name_en
        if name is None:
            name = _generated_name(kind, rng, actor.city, region_da)
    actor.name = name
    actor.slug = f"{slug_for(name)[:190]}-{number + 1}"
    actor.role = DEFAULT_ROLE.get(kind, Role.PRACTITIONER)
    actor.scale = Scale.INTERNATIONAL if abroad else DEFAULT_SCALE.get(kind, Scale.LOCAL)
    actor.status = rng.choices(
        [Status.PUBLISHED, Status.PENDING, Status.DRAFT, Status.ARCHIVED], weights=[92, 4, 3, 1]
    )[0]
    low, high = FOUNDED[kind]
    actor.founded_year = rng.randint(low, high)
    if rng.random() < 0.7:
        _contact(actor, rng)

    clauses = [CLAUSES[key] for key in focus]
    while True:  # both activities if the sentence fits the 300 characters, else the first
        short_da, short_en = _lead(
            kind,
            name,
            actor.city,
            region_da,
            region_en,
            " og ".join(c[0] for c in clauses),
            " and ".join(c[1] for c in clauses),
            " and ".join(c[2] for c in clauses),
            abroad,
        )
        if len(clauses) == 1 or max(len(short_da), len(short_en)) <= 300:
            break
        clauses = clauses[:1]
    method_da, method_en = rng.choice(METHODS)
    paragraph_da, paragraph_en = KIND_PARAGRAPHS[kind]
    groups_da, groups_en = _group_names(focus, ref)
    language = rng.choices(["both", "da", "en"], weights=[95, 3, 2])[0]
    if abroad:
        language = "en"
    if language != "en":
        actor.short_description_da = short_da
        actor.description_da = " ".join(
            p for p in (short_da, paragraph_da, method_da, groups_da) if p
        )
    if language != "da":
        actor.short_description_en = short_en
        actor.description_en = " ".join(
            p for p in (short_en, paragraph_en, method_en, groups_en) if p
        )
    if rng.random() < 0.25:
        da, en = rng.choice(PARTNERSHIP_TEXTS)
        actor.open_to_partnerships = True
        actor.partnership_text_da = da if language != "en" else None
        actor.partnership_text_en = en if language != "da" else None
    cvr_chance = {Kind.RSV: 0.9, Kind.BUSINESS: 0.6, Kind.FOUNDATION: 0.4}.get(kind, 0.1)
    if not abroad and rng.random() < cvr_chance:
        # 6xxxxxxx: far above the numbers issued so far, so no real company is named.
        actor.cvr = valid_cvr(6_000_000 + number) or ""
    _dates(actor, rng)
    row = Row(actor)
    _links(row, ["finance", *focus] if kind == Kind.SOCIAL_INVESTOR else focus, ref)
    if rng.random() < 0.3:
        row.sdgs.add(ref.sdgs[rng.randint(1, 17)])
    return row


def _lead(kind, name, city, region_da, region_en, da, en_s, en_p, abroad) -> tuple[str, str]:
    """The first sentence of a generated actor's description, in Danish and English."""
    if abroad:
        return (
            f"{name} er en organisation i {city}, der {da}.",
            f"{name} is an organisation in {city} that {en_s}.",
        )
    if kind in PRACTITIONER_NOUNS:
        noun_da, noun_en = PRACTITIONER_NOUNS[kind]
        return (
            f"{name} er {noun_da} i {city}, der {da}.",
            f"{name} is {noun_en} in {city} that {en_s}.",
        )
    templates = {
        Kind.FOUNDATION: ("støtter projekter, der", "funds projects that"),
        Kind.SOCIAL_INVESTOR: ("investerer i virksomheder, der", "invests in businesses that"),
        Kind.KNOWLEDGE_CENTRE: (
            "samler og deler viden om indsatser, der",
            "gathers and shares knowledge about initiatives that",
        ),
        Kind.UNIVERSITY: ("forsker i indsatser, der", "researches initiatives that"),
        Kind.NETWORK: (
            f"samler organisationer i {region_da}, der",
            f"brings together organisations in {region_en} that",
        ),
    }
    lead_da, lead_en = templates[kind]
    return f"{name} {lead_da} {da}.", f"{name} {lead_en} {en_p}."


# --- Builders -------------------------------------------------------------------------------


@dataclass
class SeedReport:
    actors_created: int = 0
    connections_created: int = 0
    memberships_created: int = 0
    actors_total: int = 0


def seed_ecosystem(*, total: int | None, users: dict[str, User]) -> SeedReport:
    """Add the demo ecosystem; with `total`, add generated actors until there are that many.

    Without `total` only the curated set (about 150 actors) is added; with a `total` below
    that, only the first `total` curated actors.
    """
    ref = Reference.load()
    report = SeedReport()
    report.actors_created += build_curated(ref=ref, limit=total)
    report.connections_created += build_curated_connections()
    report.memberships_created += build_memberships(users=users)
    if total is not None:
        created, connections = build_generated(ref=ref, total=total)
        report.actors_created += created
        report.connections_created += connections
    report.actors_total = Actor.objects.count()
    return report


def build_curated(*, ref: Reference, limit: int | None = None) -> int:
    """Create the curated actors that do not exist yet (looked up by slug); return how many."""
    rng = random.Random(SEED)
    rows = []
    used_cvrs: set[str] = set()
    for item in curated_specs():
        # Every spec draws from the stream, created or not, so each gets the same values.
        row = curated_row(item, rng, ref)
        if item.cvr:
            row.actor.cvr = _draw_cvr(rng, used_cvrs)
        rows.append(row)
    if limit is not None:
        rows = rows[: max(limit, 0)]
    return len(_insert(_new_rows(rows)))


def build_generated(*, ref: Reference, total: int) -> tuple[int, int]:
    """Add generated actors until the database holds `total`; return (actors, connections)."""
    missing = total - Actor.objects.count()
    if missing <= 0:
        return 0, 0
    taken_slugs = set(Actor.objects.values_list("slug", flat=True))
    taken_names = _taken_names()
    taken_cvrs = set(Actor.objects.exclude(cvr="").values_list("cvr", flat=True))
    rows: list[Row] = []
    number = 0
    while len(rows) < missing:
        row = generated_row(number, ref)
        number += 1
        actor = row.actor
        if actor.slug in taken_slugs:
            continue  # made by an earlier run
        key = (actor.name.lower(), actor.municipality_id)
        if actor.municipality_id is not None and key in taken_names:
            # Names are unique per municipality: tell this one apart by its town or number.
            for candidate in (f"{actor.name} {actor.city}", f"{actor.name} {number}"):
                if (candidate.lower(), actor.municipality_id) not in taken_names:
                    actor.name = candidate
                    break
        if actor.cvr in taken_cvrs:
            actor.cvr = ""
        taken_names.add((actor.name.lower(), actor.municipality_id))
        taken_cvrs.add(actor.cvr)
        rows.append(row)
    created = _insert(rows)
    return len(created), _connect_generated(created)


def build_curated_connections() -> int:
    """Story connections plus rule-made ones (members of networks, grants, partnerships)."""
    actors = {
        a["slug"]: a
        for a in Actor.objects.filter(slug__in=[s.slug for s in curated_specs()]).values(
            "pk", "slug", "kind", "status", "region_id", "municipality_id"
        )
    }
    wanted = [
        (actors[a]["pk"], kind, actors[b]["pk"])
        for a, kind, b in STORY_CONNECTIONS
        if a in actors and b in actors
    ]
    rng = random.Random(f"{SEED}-connections")
    published = [a for a in actors.values() if a["status"] == Status.PUBLISHED]
    published.sort(key=lambda a: a["slug"])
    by_kind: dict[str, list[dict]] = {}
    for actor in published:
        by_kind.setdefault(actor["kind"], []).append(actor)
    funders = by_kind.get(Kind.FOUNDATION, []) + by_kind.get(Kind.SOCIAL_INVESTOR, [])
    networks = by_kind.get(Kind.NETWORK, [])
    researchers = by_kind.get(Kind.KNOWLEDGE_CENTRE, [])
    municipal = {a["municipality_id"]: a for a in by_kind.get(Kind.MUNICIPALITY, [])}
    municipal_network = actors.get("netvaerk-for-social-innovation-i-kommunerne")
    for actor in published:
        kind, region = actor["kind"], actor["region_id"]
        local_networks = [n for n in networks if n["region_id"] == region]
        if kind in (Kind.SOCIAL_ENTERPRISE, Kind.RSV, Kind.NGO, Kind.OTHER) and local_networks:
            wanted.append((actor["pk"], Link.MEMBER_OF, rng.choice(local_networks)["pk"]))
        if kind in (Kind.SOCIAL_ENTERPRISE, Kind.RSV, Kind.NGO) and funders and rng.random() < 0.5:
            wanted.append((actor["pk"], Link.FUNDED_BY, rng.choice(funders)["pk"]))
        if kind in (Kind.NGO, Kind.SOCIAL_ENTERPRISE) and actor["municipality_id"] in municipal:
            if rng.random() < 0.6:
                partner = municipal[actor["municipality_id"]]
                wanted.append((actor["pk"], Link.PARTNER_OF, partner["pk"]))
        if kind == Kind.MUNICIPALITY and municipal_network:
            wanted.append((actor["pk"], Link.MEMBER_OF, municipal_network["pk"]))
        if kind in (Kind.UNIVERSITY, Kind.BUSINESS) and researchers:
            for other in rng.sample(researchers, k=min(2, len(researchers))):
                wanted.append((actor["pk"], Link.COLLABORATES_WITH, other["pk"]))
    return _create_connections(wanted)


def build_memberships(*, users: dict[str, User]) -> int:
    """Give the demo members their actors; return how many memberships were added."""
    actors = dict(
        Actor.objects.filter(slug__in=[slug for _, slug, _ in MEMBERSHIPS]).values_list(
            "slug", "pk"
        )
    )
    created = 0
    for email, slug, role in MEMBERSHIPS:
        if email in users and slug in actors:
            _, made = Membership.objects.get_or_create(
                user=users[email], actor_id=actors[slug], defaults={"role": role}
            )
            created += made
    return created


def _connect_generated(actors: list[Actor]) -> int:
    """Link about a third of the new actors to an earlier new one, so degrees stay small."""
    wanted = []
    for index, actor in enumerate(actors):
        rng = random.Random(f"{SEED}-link-{actor.slug}")
        if index == 0 or actor.status != Status.PUBLISHED or rng.random() > 0.35:
            continue
        other = actors[rng.randrange(max(0, index - 300), index)]
        if other.status != Status.PUBLISHED:
            continue
        if other.kind == Kind.NETWORK:
            kind = Link.MEMBER_OF
        elif other.kind in (Kind.FOUNDATION, Kind.SOCIAL_INVESTOR):
            kind = Link.FUNDED_BY
        else:
            kind = rng.choice([Link.PARTNER_OF, Link.COLLABORATES_WITH])
        wanted.append((actor.pk, kind, other.pk))
    return _create_connections(wanted)


def _create_connections(wanted: list[tuple[int, str, int]]) -> int:
    wanted = list(dict.fromkeys(w for w in wanted if w[0] != w[2]))
    if not wanted:
        return 0
    existing = set(
        Connection.objects.filter(from_actor__in={w[0] for w in wanted}).values_list(
            "from_actor_id", "kind", "to_actor_id"
        )
    )
    new = [
        Connection(from_actor_id=a, kind=kind, to_actor_id=b)
        for a, kind, b in wanted
        if (a, kind, b) not in existing
    ]
    Connection.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
    return len(new)


def _new_rows(rows: list[Row]) -> list[Row]:
    """The rows whose actor is not in the database yet (by slug, or by name in its place)."""
    slugs = set(
        Actor.objects.filter(slug__in=[r.actor.slug for r in rows]).values_list("slug", flat=True)
    )
    names = _taken_names()
    cvrs = set(Actor.objects.exclude(cvr="").values_list("cvr", flat=True))
    new = []
    for row in rows:
        actor = row.actor
        if actor.slug in slugs or (actor.name.lower(), actor.municipality_id) in names:
            continue
        if actor.cvr in cvrs:
            actor.cvr = ""  # someone registered with that number: keep theirs
        new.append(row)
    return new


def _taken_names() -> set[tuple[str, int | None]]:
    return {
        (name, municipality)
        for name, municipality in Actor.objects.filter(municipality__isnull=False)
        .annotate(lower_name=Lower("name"))
        .values_list("lower_name", "municipality_id")
    }


def _insert(rows: list[Row]) -> list[Actor]:
    """bulk_create the actors, then their many-to-many rows, a batch at a time."""
    created: list[Actor] = []
    for batch in _chunks(rows, BATCH_SIZE):
        actors = Actor.objects.bulk_create([row.actor for row in batch])
        created.extend(actors)
        for name in ("themes", "target_groups", "sdgs"):
            pairs = [
                (actor.pk, target)
                for actor, row in zip(actors, batch, strict=True)
                for target in sorted(getattr(row, name))
            ]
            _insert_links(name, pairs)
    return created


def _insert_links(name: str, pairs: list[tuple[int, int]]) -> None:
    """Rows of a many-to-many through table in one statement.

    The ORM's bulk_create would build one model instance per row (about 70,000 for 10,000
    actors), which costs more than all the actors themselves; two arrays unnested by
    PostgreSQL cost nothing.
    """
    if not pairs:
        return
    m2m = Actor._meta.get_field(name)
    quote = connection.ops.quote_name
    table = quote(m2m.remote_field.through._meta.db_table)
    own, other = quote(m2m.m2m_column_name()), quote(m2m.m2m_reverse_name())
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({own}, {other}) "
            "SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING",
            [[a for a, _ in pairs], [b for _, b in pairs]],
        )


def _chunks(items: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _draw_cvr(rng: random.Random, used: set[str]) -> str:
    """A valid CVR number in the 7xxxxxxx range, far above the numbers issued so far."""
    while True:
        number = valid_cvr(rng.randint(7_000_000, 7_999_999))
        if number and number not in used:
            used.add(number)
            return number
