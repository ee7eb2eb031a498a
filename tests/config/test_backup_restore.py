"""The README's backup and restore: a dump restored into a new database serves the same
counts, and after a restore in place the page cache shows no data that is gone."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from ecosystem.models import Actor
from policy.models import Event
from resources.models import Resource
from tests.factories import ActorFactory, EventFactory, ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def server_bin() -> Path:
    """The server's own client tools (pg_dump refuses a server newer than itself)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_config WHERE name = 'BINDIR'")
        return Path(cursor.fetchone()[0])


COUNTS = (
    "from ecosystem.models import Actor; from policy.models import Event; "
    "from resources.models import Resource; import json; "
    "print(json.dumps([Actor.objects.published().count(), Resource.objects.published().count(),"
    " Event.objects.public().count()]))"
)


def libpq_env(name: str) -> dict:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": name, "PGUSER": db["USER"] or "postgres"}
    host = db.get("HOST") or db["OPTIONS"].get("host", "")  # the embedded server: its socket
    if host:
        env["PGHOST"] = host
    if db.get("PORT"):
        env["PGPORT"] = str(db["PORT"])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def test_a_dump_restored_into_a_new_database_serves_the_same_counts(tmp_path):
    ActorFactory.create_batch(3)
    ResourceFactory.create_batch(2)
    EventFactory.create_batch(4)
    expected = [
        Actor.objects.published().count(),
        Resource.objects.published().count(),
        Event.objects.public().count(),
    ]
    source = connection.settings_dict["NAME"]
    restored = source + "_restored"
    dump = tmp_path / "portal.dump"
    BIN = server_bin()  # noqa: N806
    env = libpq_env(source)
    subprocess.run(
        [BIN / "pg_dump", "--format=custom", "--no-owner", "-f", dump], env=env, check=True
    )
    subprocess.run([BIN / "dropdb", "--if-exists", restored], env=env, check=True)
    subprocess.run([BIN / "createdb", restored], env=env, check=True)
    try:
        subprocess.run(
            [BIN / "pg_restore", "--no-owner", "-d", restored, dump], env=env, check=True
        )
        # The portal itself, in another process, on the restored database.
        portal_env = {**os.environ, "PORTAL_DB_NAME": restored}
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", COUNTS],
            cwd=settings.BASE_DIR,
            env=portal_env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(result.stdout.strip().splitlines()[-1]) == expected
    finally:
        connection.close()
        subprocess.run([BIN / "dropdb", "--if-exists", restored], env=env, check=True)


def test_after_a_restore_renew_page_cache_shows_no_data_that_is_gone(client):
    actor = ActorFactory(name="Gammel forening")
    url = f"/en/actors/{actor.slug}/"
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    # A restore in place: the row is gone, and no signal told the cache.
    Actor.objects.filter(pk=actor.pk)._raw_delete(Actor.objects.db)
    assert client.get(url)["X-Page-Cache"] == "hit"  # what an operator saw
    call_command("renew_page_cache", verbosity=0)
    assert client.get(url).status_code == 404
