"""Headers the browser reads (issue 16, finding 12): Chromium knows every feature the
Permissions-Policy names (it warned "Unrecognized feature: 'bluetooth'")."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_chromium_recognises_every_feature_of_the_permissions_policy(page):
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    response = page.goto(page.base_url + "/")
    assert "camera=()" in response.headers["permissions-policy"]
    assert not [m for m in messages if "Permissions-Policy" in m or "Unrecognized feature" in m]
