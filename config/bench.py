"""Pages that `make bench` measures for the site-wide part of the portal, and the impact
figures (public page and staff dashboard). A third element names who loads the page
(config/management/commands/bench.py): "member" for the bench's organisation member,
a staff role for staff with a second factor (the dashboard is in the admin)."""


def pages() -> list[tuple[str, ...]]:
    return [
        ("home (da)", "/"),
        ("home (en)", "/en/"),
        ("impact page (da)", "/resultater/"),
        ("impact page (en)", "/en/impact/"),
        ("account page", "/accounts/profile/", "member"),
        ("impact dashboard (month)", "/en/admin/impact/report/", "editor"),
        ("impact dashboard (year)", "/admin/impact/report/?grain=year", "editor"),
    ]
