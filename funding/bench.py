"""Pages that `make bench` measures for the funding opportunities. The call's slug is
looked up when the benchmark runs, so it exists in whatever data the bench database holds.
"""

from funding.models import FundingOpportunity


def pages() -> list[tuple[str, str]]:
    call = FundingOpportunity.objects.open().order_by("pk").values_list("slug", flat=True).first()
    found = [
        ("funding list", "/finansiering/"),
        ("funding list filtered (en)", "/en/funding/?kind=grant&scope=national"),
        ("funding list searched", "/finansiering/?q=fonden"),
        ("funding archive", "/finansiering/archive/"),
        ("funding deadlines feed", "/finansiering/deadlines.ics"),
        ("funding rss", "/finansiering/rss/"),
    ]
    if call:
        found.append(("funding call page", f"/finansiering/{call}/"))
    return found
