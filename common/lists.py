"""What every public list page shares in its view: one layout (templates/includes/list.html),
the htmx answer with only the results, and an address that holds only the chosen filters.

A list's page template defines the partials of its own ("heading", "found", "item",
"empty", "links"); `render_list()` renders the page, or for htmx only the results partial
with the facets, the filter count and the status line swapped out of band.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

RESULTS = "includes/list.html#results"


def list_context(template: str, list_id: str) -> dict:
    """The names the list layout needs: the page whose partials fill it, and the prefix of
    its ids (`<list_id>-results`, `<list_id>-facets`, …)."""
    return {"list_page": template, "list_id": list_id}


def wants_results_only(request: HttpRequest) -> bool:
    """An htmx filter request, not the back button's request for the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx and not htmx.history_restore_request)


def render_list(
    request: HttpRequest, template: str, context: dict, *, list_id: str
) -> HttpResponse:
    oob = wants_results_only(request)
    context = {**context, **list_context(template, list_id), "oob": oob}
    response = render(request, RESULTS if oob else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def without_empty_parameters(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Redirect a list's address with empty fields (a form sent without JavaScript sends
    every field) to the same address without them, so a shared link holds only the chosen
    filters and the page cache keeps one copy of each list."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method in ("GET", "HEAD") and "" in (
            value for _key, values in request.GET.lists() for value in values
        ):
            query = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                chosen = [value for value in values if value != ""]
                if chosen:
                    query.setlist(key, chosen)
            path = escape_uri_path(request.path)
            return HttpResponseRedirect(path + (f"?{query.urlencode()}" if query else ""))
        return view(request, *args, **kwargs)

    return wrapper
