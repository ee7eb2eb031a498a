"""The hand-made demo actors people click through, with their story connections and members."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from ecosystem.models import Actor, Connection, Membership

Kind = Actor.Kind
Status = Actor.Status
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
