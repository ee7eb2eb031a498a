"""What demo actors work on and say about it, shared by curated and generated actors."""

from ecosystem.models import Actor

Kind = Actor.Kind
Role = Actor.Role
Scale = Actor.Scale


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
