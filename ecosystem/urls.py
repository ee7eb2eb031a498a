from django.urls import path, register_converter

from common.opendata import urlpatterns_for
from ecosystem import opendata
from ecosystem.views import directory, membership  # noqa: F401


class TokenConverter:
    """Invitation tokens are URL-safe base64; anything else is not a token (404)."""

    regex = "[A-Za-z0-9_-]{1,100}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "token")

app_name = "ecosystem"

urlpatterns = [
    # --- Public: directory, map, actor pages, open data (ecosystem/views/directory.py) ----
    path("", directory.actor_list, name="index"),
    path("map/", directory.actor_map, name="map"),
    path("map.geojson", directory.actor_map_geojson, name="map_geojson"),
    path("map/embed/", directory.actor_map_embed, name="map_embed"),
    *urlpatterns_for(opendata.DATASET),
    path("open-data/", directory.open_data, name="open_data"),
    # The actor page ("<slug>/") is the last pattern of the file, after register/ and mine/.
    # --- Members: register, edit, members, join requests (ecosystem/views/membership.py) --
    # register/ and mine/ must come before the public "<slug>/" pattern.
    path("register/", membership.register, name="register"),
    path("mine/", membership.my_actors, name="my_actors"),
    path("invitations/<token:token>/", membership.invitation_accept, name="invitation_accept"),
    path("join/<int:actor_id>/", membership.actor_join_by_id, name="actor_join_by_id"),
    path("<slug:slug>/edit/", membership.actor_edit, name="actor_edit"),
    path("<slug:slug>/submit/", membership.actor_submit, name="actor_submit"),
    path("<slug:slug>/members/", membership.actor_members, name="actor_members"),
    path(
        "<slug:slug>/members/<int:membership_id>/remove/",
        membership.member_remove,
        name="member_remove",
    ),
    path("<slug:slug>/join/", membership.actor_join, name="actor_join"),
    path(
        "<slug:slug>/join-requests/<int:request_id>/",
        membership.join_request_decide,
        name="join_request_decide",
    ),
    # --- Public: the actor page; last, so register/, mine/, map/ ... are not taken as slugs -
    path("<slug:slug>/", directory.actor_detail, name="actor_detail"),
]
