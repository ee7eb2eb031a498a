"""Pages that `make bench` measures for the library. Slugs are looked up when the
benchmark runs, so they exist in whatever data the bench database was seeded with."""

from resources.models import Collection, Resource


def pages() -> list[tuple[str, str]]:
    resource = (
        Resource.objects.published().filter(files__isnull=False).values_list("slug", flat=True)
    ).first() or Resource.objects.published().values_list("slug", flat=True).first()
    collection = Collection.objects.filter(is_published=True).values_list("slug", flat=True)
    found = [
        ("library", "/viden/"),
        ("library filtered", "/viden/?kind=report&language=da"),
        ("library searched (da)", "/viden/?q=finansieringsmodeller"),
        ("library searched (en)", "/en/resources/?q=social+impact&sort=newest"),
        ("resource feed", "/viden/feed/"),
    ]
    if resource:
        found.append(("resource page", f"/viden/{resource}/"))
    if collection.first():
        found.append(("collection", f"/viden/collections/{collection.first()}/"))
    return found
