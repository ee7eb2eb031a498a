from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("", views.index, name="index"),
    path("become/", views.become, name="become"),
    path("apply/", views.apply, name="apply"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/withdraw/",
        views.application_withdraw,
        name="application_withdraw",
    ),
]
