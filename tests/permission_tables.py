"""The shared shape of every app's permission test: a table of (url name, method, target,
expected status per role), expanded into one pytest case per role and row.

    TABLE = PermissionTable(app_name="ecosystem", urlpatterns=urls.urlpatterns,
                            roles=("anonymous", "owner", "stranger"))
    ROWS = [("actor_edit", "GET", "draft", 302, 200, 404), ...]

    @pytest.mark.parametrize(TABLE.params, TABLE.cases(ROWS))
    def test_pages(client, world, role, name, method, target, expected): ...

    def test_every_url_has_a_row():
        TABLE.assert_covers(ROWS)

`assert_covers` fails when a URL of the app has no row, so a new view cannot escape the
table. Rows for URL names the app does not have (yet) are left out of the cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class PermissionTable:
    app_name: str
    urlpatterns: list
    roles: tuple[str, ...]
    params: tuple[str, ...] = ("role", "name", "method", "target", "expected")

    @property
    def url_names(self) -> set[str]:
        return {pattern.name for pattern in self.urlpatterns if pattern.name}

    def cases(self, rows: Iterable[tuple]) -> list:
        """One pytest.param per role and row; rows naming another namespace (with a ':',
        such as the admin's) are kept, rows for URL names the app lacks are dropped."""
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


def request_as(client, user, method: str, url: str, data: dict | None = None):
    """The response `user` (None: anonymous) gets for `method` on `url`."""
    if user is not None:
        client.force_login(user)
    if method == "POST":
        return client.post(url, data or {})
    return client.get(url)
