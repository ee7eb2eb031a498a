from django.urls import path

from common.opendata import urlpatterns_for
from policy import opendata, views

app_name = "policy"

urlpatterns = [
    path("", views.event_list, name="index"),
    path("past/", views.past_events, name="past"),
    *urlpatterns_for(opendata.DATASET),
    path("feed.ics", views.feed, name="feed"),
    path("recommendations/", views.recommendations, name="recommendations"),
    # Fixed paths above; an event's slug never takes one of them (models.RESERVED_SLUGS).
    path("<slug:slug>/", views.event_detail, name="event_detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/cancel/", views.cancel_own, name="cancel_own"),
    path("<slug:slug>/registration/", views.my_registration, name="my_registration"),
    path("<slug:slug>/confirm/<str:token>/", views.link_confirm, name="link_confirm"),
    path("<slug:slug>/cancel/<str:token>/", views.link_cancel, name="link_cancel"),
]
