from django.urls import path

from ecosystem import views

app_name = "ecosystem"

urlpatterns = [
    path("", views.index, name="index"),
]
