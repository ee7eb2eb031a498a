from django.urls import path

from common.opendata import urlpatterns_for
from impact import opendata, views

app_name = "impact"

urlpatterns = [
    path("", views.impact_page, name="impact_page"),
    *urlpatterns_for(opendata.DATASET),
]
