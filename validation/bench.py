"""Pages that `make bench` measures for EU cases: the gallery, a case page and the export;
the applicant's dashboard, logged in as a member; the validators' queue and review
screen, logged in as a validator. Slugs are looked up when the benchmark runs."""

from validation.models import CaseApplication, Status


def pages() -> list[tuple[str, ...]]:
    slug = CaseApplication.objects.public().order_by("pk").values_list("slug", flat=True).first()
    waiting = (
        CaseApplication.objects.filter(status__in=[Status.SUBMITTED, Status.IN_REVIEW])
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    found = [
        ("case gallery", "/eu-cases/"),
        ("case gallery searched", "/en/cases/?q=partnership"),
        ("case gallery filtered", "/eu-cases/?country=SE&stage=pilot"),
        ("case export JSON", "/eu-cases/export.json"),
        ("applicant's dashboard", "/eu-cases/mine/", "member"),
        ("case queue", "/admin/validation/caseapplication/", "validator"),
    ]
    if slug:
        found.append(("case page", f"/eu-cases/{slug}/"))
    if waiting:
        found.append(
            ("review screen", f"/admin/validation/caseapplication/{waiting}/change/", "validator")
        )
    return found
