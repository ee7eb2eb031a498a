from django.urls import path

from ecosystem.views import directory, membership  # noqa: F401

app_name = "ecosystem"

urlpatterns = [
    # --- Public: directory, map, actor pages, open data (ecosystem/views/directory.py) ----
    path("", directory.actor_list, name="index"),
    # --- Members: register, edit, members, join requests (ecosystem/views/membership.py) --
]
