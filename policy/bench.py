"""Pages that `make bench` measures for the policy events.

The event's slug is looked up when the benchmark runs, so it exists in whatever data the
bench database was seeded with: the upcoming event with the most registrations, whose
participant list an event manager loads.
"""

from django.db.models import Count

from policy.models import Event


def pages() -> list[tuple[str, ...]]:
    event = (
        Event.objects.published()
        .upcoming()
        .annotate(registered=Count("registrations"))
        .order_by("-registered", "pk")
        .values_list("slug", "pk")
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
        slug, pk = event
        found.append(("event page", f"/arrangementer/{slug}/"))
        found.append(
            (
                "participant list",
                f"/admin/policy/registration/?event__id__exact={pk}",
                "event manager",
            )
        )
    return found
