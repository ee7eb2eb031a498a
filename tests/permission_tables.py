"""The shared shape of every app's permission test: a table of (url name, method, target,
expected status per role), expanded into one pytest case per role and row.

    TABLE = PermissionTable(app_name="ecosystem", urlpatterns=urls.urlpatterns,
                            roles=("anonymous", "owner", "stranger"))
    ROWS = [("actor_edit", "GET", "draft", 302, 200, 404), ...]

    @pytest.mark.parametrize(TABLE.params, TABLE.cases(ROWS))
    def test_pages(client, world, role, name, method, target, expected):
        assert TABLE.status(client, world, role, name, method, target) == expected

    def test_every_url_has_a_row():
        TABLE.assert_covers(ROWS)

`assert_covers` fails when a URL of the app has no row, so a new view cannot escape the
table. Rows for URL names the app does not have (yet) are left out of the cases.

`world` maps each role to its user under "users", each target to the URL's kwargs, and
under "admin" each admin target to the object's pk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pytest
from django.urls import reverse


@dataclass(frozen=True)
class PermissionTable:
    app_name: str
    urlpatterns: list
    roles: tuple[str, ...]
    params: tuple[str, ...] = ("role", "name", "method", "target", "expected")

    @property
    def url_names(self) -> set[str]:
        return {pattern.name for pattern in self.urlpatterns if pattern.name}

    def cases(self, *tables: Iterable[tuple]) -> list:
        """One pytest.param per role and row of every table; rows naming another namespace
        (with a ':', such as the admin's) are kept, rows for URL names the app lacks are
        dropped."""
        names = self.url_names
        return [
            pytest.param(
                role,
                name,
                method,
                target,
                expected,
                id=f"{role}-{name}-{method}-{target or 'none'}",
            )
            for rows in tables
            for name, method, target, *statuses in rows
            if ":" in name or name in names
            for role, expected in zip(self.roles, statuses, strict=True)
        ]

    def assert_covers(self, *tables: Iterable[tuple]) -> None:
        covered = {row[0] for table in tables for row in table}
        missing = sorted(self.url_names - covered)
        assert not missing, f"{self.app_name}: add permission rows for {missing}"

    def url_name(self, name: str) -> str:
        return name if ":" in name else f"{self.app_name}:{name}"

    def url(self, world: dict, name: str, target: str | None) -> str:
        """The address of row `name` for `target`: an admin URL takes the target's pk from
        world["admin"], an app URL takes world[target] as its kwargs."""
        if name.startswith("admin:"):
            return reverse(name, args=[world["admin"][target]] if target else [])
        return reverse(self.url_name(name), kwargs=world[target] if target else {})

    def status(self, client, world: dict, role: str, name: str, method: str, target, data=None):
        """The status code `role` gets for `method` on row `name`; `data` is posted."""
        user = None if role == "anonymous" else world["users"][role]
        url = self.url(world, name, target)
        return request_as(client, user, method, url, data if method == "POST" else None).status_code


def request_as(client, user, method: str, url: str, data: dict | None = None):
    """The response `user` (None: anonymous) gets for `method` on `url`."""
    if user is not None:
        client.force_login(user)
    if method == "POST":
        return client.post(url, data or {})
    return client.get(url)
