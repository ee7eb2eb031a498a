from django.urls import path

from common.opendata import urlpatterns_for
from funding import feeds, opendata, views

app_name = "funding"

urlpatterns = [
    path("", views.opportunity_list, name="index"),
    *urlpatterns_for(opendata.DATASET),
    path("archive/", views.archive, name="archive"),
    path("deadlines.ics", views.deadlines_ics, name="deadlines_ics"),
    path("rss/", feeds.page_cached(feeds.NewCallsRssFeed()), name="rss"),
    path("atom/", feeds.page_cached(feeds.NewCallsAtomFeed()), name="atom"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:pk>/delete/", views.alert_delete, name="alert_delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # Fixed paths above; a call's slug never takes one of them (models.RESERVED_SLUGS).
    path("<slug:slug>/", views.opportunity_detail, name="detail"),
]
