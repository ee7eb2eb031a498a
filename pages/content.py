# ruff: noqa: E501 (prose and Markdown tables, kept on their lines)
"""The first text of the four trust pages, in Danish and English. post_migrate creates a
page that does not exist yet from here (pages.apps), so every address answers on a fresh
database; after that the text is the staff's, edited in the admin, and never overwritten.

The centre's CVR number and addresses are the demo portal's; a deployment edits them."""

CENTRE_CVR = "34567808"

PAGES = {
    "about": {
        "menu": "main",
        "position": 10,
        "title_da": "Om kompetencecentret",
        "title_en": "About the competence centre",
        "summary_da": (
            "Socialinnovation.dk drives af Danmarks nationale kompetencecenter for social "
            "innovation, som EU har udpeget under Den Europæiske Socialfond Plus (ESF+)."
        ),
        "summary_en": (
            "Socialinnovation.dk is run by Denmark's national competence centre for social "
            "innovation, appointed by the EU under the European Social Fund Plus (ESF+)."
        ),
        "body_da": f"""## Hvem vi er

Det Nationale Kompetencecenter for Social Innovation samler og styrker det danske økosystem
for social innovation: kommuner, regioner, fonde, socialøkonomiske virksomheder,
civilsamfund og forskning. Europa-Kommissionen har udpeget et kompetencecenter i hver
medlemsstat, og centret er finansieret af ESF+ og af de danske partnere.

Centret er en del af et europæisk konsortium med partnere i **Irland** (Dublin),
**Belgien** (Bruxelles), **Finland** (Helsinki), **Tjekkiet** (Prag) og **Polen**
(Warszawa). Sammen udveksler vi metoder, validerer EU-cases og bringer danske erfaringer ud i
Europa.

## Centrets fem opgaver

1. **Økosystemet:** vi kortlægger og forbinder aktørerne i social innovation i hele landet
   – se [aktørkortet](/aktoerer/map/).
2. **Viden:** vi deler metoder, evalueringer og værktøjer i videnbiblioteket.
3. **Beslutningstagere:** vi bringer social innovation ind i politik gennem møder med
   beslutningstagere i kommuner, regioner og Folketinget.
4. **Finansiering:** vi fremmer nye måder at finansiere social innovation på, fx sociale
   investeringer og resultatbaseret finansiering.
5. **EU-cases:** vi validerer danske projekter som officielle EU-cases om social
   innovation og sender dem til Europa-Kommissionens platform.

## Fakta

- Ejer: Det Nationale Kompetencecenter for Social Innovation
- CVR-nummer: {CENTRE_CVR}
- Finansiering: Den Europæiske Socialfond Plus (ESF+), medfinansieret af Den Europæiske
  Union
- Adresse: Islands Brygge 43, 2300 København S

Vil du vide mere, så [kontakt os](/kontakt/).
""",
        "body_en": f"""## Who we are

The National Competence Centre for Social Innovation gathers and strengthens the Danish
ecosystem for social innovation: municipalities, regions, foundations, social
enterprises, civil society and research. The European Commission has appointed a
competence centre in every member state; the centre is funded by the ESF+ and by its
Danish partners.

The centre is part of a European consortium with partners in **Ireland** (Dublin),
**Belgium** (Brussels), **Finland** (Helsinki), **the Czech Republic** (Prague) and
**Poland** (Warsaw). Together we exchange methods, validate cases and bring Danish
experience to Europe.

## The centre's five tasks

1. **The ecosystem:** we map and connect the actors of social innovation across the
   country – see the [actor map](/en/actors/map/).
2. **Knowledge:** we share methods, evaluations and tools in the knowledge library.
3. **Decision makers:** we bring social innovation into policy through meetings with
   decision makers in municipalities, regions and the Danish Parliament.
4. **Financing:** we promote new ways of financing social innovation, such as social
   investment and outcomes-based funding.
5. **EU cases:** we validate Danish projects as official EU social-innovation cases and
   send them to the European Commission's platform.

## Facts

- Owner: the National Competence Centre for Social Innovation
- CVR number: {CENTRE_CVR}
- Funding: the European Social Fund Plus (ESF+), co-funded by the European Union
- Address: Islands Brygge 43, DK-2300 Copenhagen S

To learn more, [contact us](/en/contact/).
""",
    },
    "contact": {
        "menu": "about",
        "position": 20,
        "title_da": "Kontakt",
        "title_en": "Contact",
        "summary_da": "Skriv, ring eller brug formularen. Vi svarer inden for tre arbejdsdage.",
        "summary_en": "Write, call or use the form. We answer within three working days.",
        "body_da": """## Postadresse

Det Nationale Kompetencecenter for Social Innovation\\
Islands Brygge 43\\
2300 København S

- Telefon: [+45 33 12 40 00](tel:+4533124000) (hverdage kl. 9–15)
- E-mail: [kontakt@socialinnovation.dk](mailto:kontakt@socialinnovation.dk)
- Sikker post: via [Digital Post](https://www.borger.dk/digitalpost) til CVR 34567808

## Validering af EU-cases

- Vibeke Holm, valideringsansvarlig: [validering@socialinnovation.dk](mailto:validering@socialinnovation.dk), tlf. +45 33 12 40 10
- Jonas Brandt, konsulent: [validering@socialinnovation.dk](mailto:validering@socialinnovation.dk), tlf. +45 33 12 40 11

## Presse

Presseansvarlig Line Kjær: [presse@socialinnovation.dk](mailto:presse@socialinnovation.dk), tlf. +45 33 12 40 20
""",
        "body_en": """## Postal address

The National Competence Centre for Social Innovation\\
Islands Brygge 43\\
DK-2300 Copenhagen S, Denmark

- Phone: [+45 33 12 40 00](tel:+4533124000) (weekdays 9:00–15:00)
- E-mail: [kontakt@socialinnovation.dk](mailto:kontakt@socialinnovation.dk)

## EU case validation

- Vibeke Holm, head of validation: [validering@socialinnovation.dk](mailto:validering@socialinnovation.dk), phone +45 33 12 40 10
- Jonas Brandt, consultant: [validering@socialinnovation.dk](mailto:validering@socialinnovation.dk), phone +45 33 12 40 11

## Press

Press officer Line Kjær: [presse@socialinnovation.dk](mailto:presse@socialinnovation.dk), phone +45 33 12 40 20
""",
    },
    "privacy": {
        "menu": "footer",
        "position": 30,
        "title_da": "Privatlivspolitik",
        "title_en": "Privacy policy",
        "summary_da": "Sådan behandler vi personoplysninger på Socialinnovation.dk.",
        "summary_en": "How we process personal data on Socialinnovation.dk.",
        "body_da": f"""## Dataansvarlig

Det Nationale Kompetencecenter for Social Innovation, CVR {CENTRE_CVR},
Islands Brygge 43, 2300 København S, [kontakt@socialinnovation.dk](mailto:kontakt@socialinnovation.dk).

## Databeskyttelsesrådgiver (DPO)

Du kan kontakte vores databeskyttelsesrådgiver på [dpo@socialinnovation.dk](mailto:dpo@socialinnovation.dk)
eller på tlf. +45 33 12 40 99.

## Hvad vi behandler, hvorfor og hvor længe

| Behandling | Formål | Retsgrundlag | Opbevaring |
|---|---|---|---|
| Brugerkonto (navn, e-mailadresse, sprog) | At du kan logge ind og redigere din organisation | Databeskyttelsesforordningens art. 6, stk. 1, litra e (opgave i samfundets interesse) | Til du sletter kontoen; konti uden login i 3 år slettes |
| Organisationsprofil og medlemskaber | At vise økosystemet på kortet og i oversigten | Art. 6, stk. 1, litra e | Så længe organisationen er registreret |
| Henvendelser via kontaktformularen | At besvare dit spørgsmål | Art. 6, stk. 1, litra e | 2 år efter sidste svar |
| Tilmelding til arrangementer | At afvikle arrangementet og opgøre deltagelse over for EU | Art. 6, stk. 1, litra e, og art. 6, stk. 1, litra c (ESF+-rapportering) | 5 år efter programperiodens afslutning |
| Ansøgninger om validering som EU-case | At vurdere og indberette casen til Europa-Kommissionen | Art. 6, stk. 1, litra e | 5 år efter afgørelsen |
| Serverlog (IP-adresse, tidspunkt) | Sikkerhed og fejlfinding | Art. 6, stk. 1, litra f (legitim interesse) | 30 dage |

Vi bruger kun nødvendige cookies (login og sikkerhed) og ingen cookies til statistik eller
markedsføring. Vi sælger aldrig oplysninger og videregiver dem kun til Europa-Kommissionen,
når du selv har søgt om validering som EU-case.

## Dine rettigheder

Du har ret til indsigt, berigtigelse, sletning, begrænsning af behandlingen, dataportabilitet
og til at gøre indsigelse. Når du er logget ind, kan du selv hente alle dine data som en fil
og slette din konto under **Min konto**. Skriv ellers til vores DPO.

## Klage til Datatilsynet

Du kan klage over vores behandling til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby,
[dt@datatilsynet.dk](mailto:dt@datatilsynet.dk), tlf. 33 19 32 00,
[www.datatilsynet.dk](https://www.datatilsynet.dk).
""",
        "body_en": f"""## Data controller

The National Competence Centre for Social Innovation, CVR {CENTRE_CVR},
Islands Brygge 43, DK-2300 Copenhagen S, [kontakt@socialinnovation.dk](mailto:kontakt@socialinnovation.dk).

## Data protection officer (DPO)

You can reach our data protection officer at [dpo@socialinnovation.dk](mailto:dpo@socialinnovation.dk)
or by phone on +45 33 12 40 99.

## What we process, why and for how long

| Processing | Purpose | Legal basis | Retention |
|---|---|---|---|
| User account (name, e-mail address, language) | So you can log in and edit your organisation | GDPR article 6(1)(e) (task in the public interest) | Until you delete the account; accounts unused for 3 years are deleted |
| Organisation profile and memberships | Showing the ecosystem on the map and in the directory | Article 6(1)(e) | As long as the organisation is registered |
| Messages sent through the contact form | Answering your question | Article 6(1)(e) | 2 years after the last answer |
| Event registrations | Running the event and reporting attendance to the EU | Article 6(1)(e) and article 6(1)(c) (ESF+ reporting) | 5 years after the end of the programme period |
| Applications for validation as an EU case | Assessing the case and reporting it to the European Commission | Article 6(1)(e) | 5 years after the decision |
| Server log (IP address, time) | Security and troubleshooting | Article 6(1)(f) (legitimate interest) | 30 days |

We use only necessary cookies (log-in and security), none for statistics or marketing. We
never sell data, and pass it on to the European Commission only when you have applied for
validation as an EU case.

## Your rights

You have the right of access, rectification, erasure, restriction of processing, data
portability and objection. When you are logged in, you can download all your data as a
file and delete your account under **My account**. Otherwise write to our DPO.

## Complaints to Datatilsynet

You can complain about our processing to the Danish Data Protection Agency (Datatilsynet),
Carl Jacobsens Vej 35, DK-2500 Valby, [dt@datatilsynet.dk](mailto:dt@datatilsynet.dk),
phone +45 33 19 32 00, [www.datatilsynet.dk](https://www.datatilsynet.dk).
""",
    },
    "accessibility": {
        "menu": "footer",
        "position": 40,
        "title_da": "Tilgængelighedserklæring",
        "title_en": "Accessibility statement",
        "summary_da": (
            "Det Nationale Kompetencecenter for Social Innovation er forpligtet til at gøre "
            "socialinnovation.dk tilgængeligt i overensstemmelse med lov om tilgængelighed af "
            "offentlige organers websteder og mobilapplikationer."
        ),
        "summary_en": (
            "The National Competence Centre for Social Innovation is committed to making "
            "socialinnovation.dk accessible in accordance with the Danish act on the "
            "accessibility of public sector websites and mobile applications."
        ),
        "body_da": """## Overholdelsesstatus

Denne tilgængelighedserklæring gælder for socialinnovation.dk. Webstedet er **delvist i
overensstemmelse** med standarden WCAG 2.1 på niveau AA på grund af de manglende
overholdelser, der er nævnt nedenfor.

## Indhold, der ikke er tilgængeligt

- **Kortet over aktører:** markørerne på kortet kan ikke alle nås med tastaturet. Den samme
  oplysning findes i listen under kortet og i aktøroversigten.
- **Dokumenter i videnbiblioteket:** nogle ældre PDF-filer fra partnere er ikke
  tilgængelige for skærmlæsere. Skriv til os, så sender vi en tilgængelig udgave.
- **Video fra arrangementer:** optagelser fra før 2026 har ikke alle undertekster.

## Udarbejdelse af denne erklæring

Erklæringen er udarbejdet den 1. december 2026 og senest gennemgået den 1. december 2026.
Vurderingen er foretaget af centret selv med automatiske test (axe) af hver sidetype og
manuel test med tastatur, skærmlæser og forstørrelse.

## Feedback og kontaktoplysninger

Oplever du problemer med tilgængeligheden, så skriv til
[tilgaengelighed@socialinnovation.dk](mailto:tilgaengelighed@socialinnovation.dk) eller brug
[kontaktformularen](/kontakt/). Vi svarer inden for tre arbejdsdage.

## Håndhævelsesprocedure

Digitaliseringsstyrelsen fører tilsyn med, at offentlige organer overholder loven. Du kan
klage til Digitaliseringsstyrelsen, hvis du ikke er tilfreds med vores svar, via
[www.was.digst.dk](https://www.was.digst.dk).
""",
        "body_en": """## Compliance status

This accessibility statement applies to socialinnovation.dk. The website is **partially
compliant** with WCAG 2.1 level AA because of the non-compliances listed below.

## Content that is not accessible

- **The actor map:** not every marker on the map can be reached by keyboard. The same
  information is in the list below the map and in the actor directory.
- **Documents in the knowledge library:** some older PDF files from partners are not
  accessible to screen readers. Write to us and we will send an accessible version.
- **Video from events:** recordings from before 2026 do not all have subtitles.

## Preparation of this statement

This statement was prepared on 1 December 2026 and last reviewed on 1 December 2026. The
centre assessed the site itself, with automated tests (axe) of every page type and manual
tests with a keyboard, a screen reader and magnification.

## Feedback and contact information

If you meet an accessibility problem, write to
[tilgaengelighed@socialinnovation.dk](mailto:tilgaengelighed@socialinnovation.dk) or use
the [contact form](/en/contact/). We answer within three working days.

## Enforcement procedure

The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises public
bodies' compliance with the act. If you are not satisfied with our answer, you can
complain to Digitaliseringsstyrelsen at [www.was.digst.dk](https://www.was.digst.dk).
""",
    },
}
