"""Pages that `make bench` measures for the site-wide part of the portal, and the impact
figures (public page and staff dashboard). A third element "staff" measures the page as
a logged-in staff member with a second factor (the dashboard is in the admin)."""

STAFF = "staff"


def pages() -> list[tuple[str, ...]]:
    return [
        ("home (da)", "/"),
        ("home (en)", "/en/"),
        ("impact page (da)", "/resultater/"),
        ("impact page (en)", "/en/impact/"),
        ("impact dashboard, staff (month)", "/en/admin/impact/report/", STAFF),
        ("impact dashboard, staff (year)", "/admin/impact/report/?grain=year", STAFF),
    ]
