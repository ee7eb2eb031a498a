"""Pages that `make bench` measures for the ecosystem's public side.

The actor page's slug is looked up when the benchmark runs, so it exists in whatever data
the bench database was seeded with. The member's directory and the moderators' queue are
loaded logged in as them.
"""

from ecosystem.models import Actor, Region


def pages() -> list[tuple[str, ...]]:
    actor = (
        Actor.objects.published()
        .filter(connections_from__isnull=False)
        .order_by("pk")
        .values_list("slug", flat=True)
        .first()
    ) or Actor.objects.published().order_by("pk").values_list("slug", flat=True).first()
    region = Region.objects.order_by("code").values_list("slug", flat=True).first()
    found = [
        ("directory", "/aktoerer/"),
        ("directory filtered by region", f"/aktoerer/?region={region}"),
        ("directory searched", "/aktoerer/?q=virksomheder"),
        ("directory searched, by name (en)", "/en/actors/?q=social+innovation&sort=name"),
        ("map page", "/aktoerer/map/"),
        ("map GeoJSON", "/aktoerer/map.geojson"),
        ("map GeoJSON filtered", f"/aktoerer/map.geojson?region={region}"),
        ("directory, logged-in member", "/aktoerer/", "member"),
        ("moderation queue", "/admin/ecosystem/actor/?status__exact=pending", "moderator"),
    ]
    if actor:
        found.append(("actor page", f"/aktoerer/{actor}/"))
    return found
