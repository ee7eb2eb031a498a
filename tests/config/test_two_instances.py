"""Two instances of the portal, started from two different folders, on one database and
one Redis (README "Running several instances"): a change made through one shows on the
next anonymous request to the other, a session works on both, and a cached page is
shared (the release fingerprint is the code's content, not its folder)."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
import redis
import requests
from django.conf import settings
from django.db import connection

from tests.factories import PASSWORD, EventFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = "redis://127.0.0.1:6379/8"
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "var", "__pycache__", ".pytest_cache", "tests"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The test database, for processes of their own (the embedded server by its socket)."""
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    if not db["HOST"]:  # the embedded server: a socket folder
        return f"postgresql://{user}{password}@/{db['NAME']}?host={db['OPTIONS']['host']}"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{user}{password}@{db['HOST']}{port}/{db['NAME']}"


def start(folder, port: int, log) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "one-key-for-every-instance-of-this-test-0123456789",
        "SITE_URL": "http://127.0.0.1",
        "PAGE_CACHE": "1",
        "TESTING": "1",  # the test's password hasher
        "DEBUG": "1",  # static files from the folder: no collectstatic for a test
    }
    env.pop("PORTAL_DB_NAME", None)
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--no-control-socket"],
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_until_up(base: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=30).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{base} did not start")


@pytest.fixture
def instances(tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()
    other = tmp_path / "portal"
    shutil.copytree(settings.BASE_DIR, other, ignore=COPY_IGNORE)
    ports = [free_port(), free_port()]
    log = open(tmp_path / "instances.log", "w")  # noqa: SIM115 - closed below
    processes = [start(settings.BASE_DIR, ports[0], log), start(other, ports[1], log)]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base in bases:
            wait_until_up(base)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        log.close()
        print((tmp_path / "instances.log").read_text()[-3000:])
        redis.Redis.from_url(REDIS_URL).flushdb()


# Behind one proxy every instance sees the same Host (the cache key holds it).
HOST = {"Host": "localhost"}


def get(url: str) -> requests.Response:
    return requests.get(url, headers=HOST, timeout=60)


def seats(html: str) -> str:
    return re.search(r'class="event-seats-left">([^<]*)<', html).group(1).strip()


def csrf(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=60).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_two_instances_share_changes_sessions_and_cached_pages(instances):
    one, two = instances
    member = UserFactory(email="member@example.dk")
    event = EventFactory(capacity=10)
    page = f"/en/events/{event.slug}/"

    # A cached page is shared: made by one, served by the other from another folder.
    first = get(one + page)
    assert first.headers["X-Page-Cache"] == "miss"
    assert seats(first.text) == "10"
    second = get(two + page)
    assert second.headers["X-Page-Cache"] == "hit"

    # A session made on one works on the other.
    browser = requests.Session()
    browser.headers.update(HOST)
    token = csrf(browser, one + "/en/accounts/login/")
    login = browser.post(
        one + "/en/accounts/login/",
        data={"login": member.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": one + "/en/accounts/login/"},
        timeout=60,
        allow_redirects=False,
    )
    assert login.status_code == 302
    account = browser.get(two + "/en/accounts/profile/", timeout=60, allow_redirects=False)
    assert account.status_code == 200
    assert member.email in account.text

    # A change made through the second shows on the next anonymous request to the first.
    token = csrf(browser, two + page)
    registered = browser.post(
        two + f"/en/events/{event.slug}/register/",
        data={"consent": "on", "csrfmiddlewaretoken": token, "name": "Medlem"},
        headers={"Referer": two + page},
        timeout=60,
        allow_redirects=False,
    )
    assert registered.status_code == 302
    after = get(one + page)
    assert after.headers["X-Page-Cache"] == "miss"
    assert seats(after.text) == "9"
