"""Pages that `make bench` measures for EU cases: the gallery, a case page and the export.
(The bench's load run is anonymous; the dashboard's and the queue's query counts are
bounded by tests instead.) Slugs are looked up when the benchmark runs."""

from validation.models import CaseApplication


def pages() -> list[tuple[str, str]]:
    slug = CaseApplication.objects.public().order_by("pk").values_list("slug", flat=True).first()
    found = [
        ("case gallery", "/eu-cases/"),
        ("case gallery searched", "/en/cases/?q=partnership"),
        ("case gallery filtered", "/eu-cases/?country=SE&stage=pilot"),
        ("case export JSON", "/eu-cases/export.json"),
    ]
    if slug:
        found.append(("case page", f"/eu-cases/{slug}/"))
    return found
