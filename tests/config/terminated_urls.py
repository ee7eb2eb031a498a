"""A page that loses its database connection half-way, for test_connection_loss."""

import psycopg
from django.db import connection
from django.http import HttpResponse
from django.urls import path

from config import urls as site_urls
from ecosystem.models import Theme


def terminate_own_backend() -> None:
    """What an operator's pg_terminate_backend, a failover or a restart does to a request."""
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def dropdown(request):
    """Iterates like a form's dropdown (a server-side cursor), losing the connection."""
    names = []
    for number, theme in enumerate(Theme.objects.order_by("pk").iterator(chunk_size=1)):
        if number == 0:
            terminate_own_backend()
        names.append(theme.name)
    return HttpResponse(", ".join(names))


def raw(request):
    """psycopg's own error, unwrapped by Django."""
    connection.ensure_connection()
    terminate_own_backend()
    connection.connection.execute("SELECT 1")
    return HttpResponse("unreachable")


def themes(request):
    return HttpResponse(f"{Theme.objects.count()} themes")


urlpatterns = [
    path("dropdown/", dropdown),
    path("raw/", raw),
    path("themes/", themes),
    *site_urls.urlpatterns,  # the 503 page links to the portal's pages
]
