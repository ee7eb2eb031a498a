"""Pages that `make bench` measures for partner matching: an actor's suggestions (every
published actor and public case is scored) and the "find a Danish partner" search.
The actor is looked up when the benchmark runs, so it exists in whatever data the bench
database was seeded with."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import override

from ecosystem.models import Actor


def pages() -> list[tuple[str, str]]:
    # The actor with the most themes: the most overlaps to compute.
    slug = (
        Actor.objects.published()
        .annotate(theme_count=Count("themes"))
        .order_by("-theme_count", "pk")
        .values_list("slug", flat=True)
        .first()
    )
    found = [
        ("find a Danish partner (en)", "/en/find-a-partner/"),
        (
            "find a Danish partner filtered",
            "/en/find-a-partner/?role=researcher&theme=active-inclusion",
        ),
    ]
    if slug:
        with override("da"):
            found.append(
                (
                    "partner suggestions for an actor",
                    reverse("matching:actor_partners", args=[slug]),
                )
            )
        with override("en"):
            path = reverse("matching:actor_partners", args=[slug])
            found.append(("partner suggestions for an actor, page 2", f"{path}?page=2"))
    return found
