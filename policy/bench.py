"""Pages that `make bench` measures for the policy events.

The event's slug is looked up when the benchmark runs, so it exists in whatever data the
bench database was seeded with: the upcoming event with the most registrations.
"""

from django.db.models import Count

from policy.models import Event


def pages() -> list[tuple[str, str]]:
    event = (
        Event.objects.published()
        .upcoming()
        .annotate(registered=Count("registrations"))
        .order_by("-registered", "pk")
        .values_list("slug", flat=True)
        .first()
    )
    found = [
        ("event list", "/arrangementer/"),
        ("event list filtered (en)", "/en/events/?mode=in_person&kind=workshop"),
        ("past events", "/arrangementer/past/"),
        ("recommendations", "/arrangementer/recommendations/"),
        ("events feed", "/arrangementer/feed.ics"),
    ]
    if event:
        found.append(("event page", f"/arrangementer/{event}/"))
    return found
