# ruff: noqa: E501 (prose and Markdown tables, kept on their lines)
"""Demo news for `seed_demo`: looked up by slug, so a second run adds nothing."""

from datetime import timedelta

from django.utils import timezone

from pages.models import NewsArticle

NEWS = [
    {
        "slug": "fem-danske-projekter-valideret-som-eu-sager",
        "days_ago": 4,
        "title_da": "Fem danske projekter valideret som EU-cases",
        "title_en": "Five Danish projects validated as EU cases",
        "summary_da": "Fem projekter om beskæftigelse og mental sundhed er nu officielle EU-cases om social innovation.",
        "summary_en": "Five projects on employment and mental health are now official EU social-innovation cases.",
        "body_da": "Kompetencecentrets valideringspanel har godkendt fem danske projekter som officielle EU-cases. Projekterne kommer fra tre kommuner, en socialøkonomisk virksomhed og en frivillig forening.\n\n## Hvad betyder valideringen?\n\nEn valideret case vises på Europa-Kommissionens platform for social innovation, hvor andre lande kan finde og lære af den.\n\n- Casene er vurderet efter EU's fælles kriterier.\n- Alle fem har dokumenteret effekt for borgerne.",
        "body_en": "The competence centre's validation panel has approved five Danish projects as official EU cases. They come from three municipalities, a social enterprise and a voluntary association.\n\n## What does validation mean?\n\nA validated case is shown on the European Commission's social-innovation platform, where other countries can find and learn from it.\n\n- The cases were assessed against the EU's common criteria.\n- All five have documented effects for the people they serve.",
    },
    {
        "slug": "konsortiet-moedes-i-prag",
        "days_ago": 18,
        "title_da": "Konsortiet mødtes i Prag",
        "title_en": "The consortium met in Prague",
        "summary_da": "Partnerne fra Irland, Belgien, Finland, Tjekkiet, Polen og Danmark udvekslede metoder til sociale investeringer.",
        "summary_en": "The partners from Ireland, Belgium, Finland, the Czech Republic, Poland and Denmark exchanged methods for social investment.",
        "body_da": "Konsortiets seks partnere mødtes i Prag for at dele erfaringer med resultatbaseret finansiering. Den danske delegation fortalte om kommunernes erfaringer med sociale investeringsfonde.\n\nNæste møde holdes i Warszawa til foråret.",
        "body_en": "The consortium's six partners met in Prague to share experience with outcomes-based funding. The Danish delegation presented the municipalities' experience with social investment funds.\n\nThe next meeting is in Warsaw in the spring.",
    },
    {
        "slug": "aktoerkortet-er-aabent",
        "days_ago": 40,
        "title_da": "Aktørkortet er åbent for alle organisationer",
        "title_en": "The actor map is open to every organisation",
        "summary_da": "Nu kan alle organisationer, der arbejder med social innovation, sætte sig selv på kortet.",
        "summary_en": "Every organisation working with social innovation can now put itself on the map.",
        "body_da": "Kortet over det danske økosystem for social innovation er åbent. Opret en konto, registrer din organisation, og en moderator gennemgår den inden for få dage.\n\nData fra kortet kan hentes som åbne data under licensen CC BY 4.0.",
        "body_en": "The map of the Danish ecosystem for social innovation is open. Create an account, register your organisation, and a moderator reviews it within a few days.\n\nThe map's data can be downloaded as open data under the CC BY 4.0 licence.",
    },
]


def seed_news() -> int:
    created = 0
    now = timezone.now()
    for item in NEWS:
        fields = {k: v for k, v in item.items() if k not in ("slug", "days_ago")}
        _article, made = NewsArticle.objects.get_or_create(
            slug=item["slug"],
            defaults={
                **fields,
                "title": fields["title_da"],
                "summary": fields["summary_da"],
                "body": fields["body_da"],
                "published_at": now - timedelta(days=item["days_ago"]),
            },
        )
        created += made
    return created
