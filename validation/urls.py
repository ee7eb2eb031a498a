from django.urls import path

from common.opendata import urlpatterns_for
from validation import opendata
from validation.views import applicant, public

app_name = "validation"

urlpatterns = [
    # --- Public: the gallery, the export and its documentation (validation/views/public.py)
    path("", public.gallery, name="index"),
    *urlpatterns_for(opendata.DATASET),
    path("open-data/", public.open_data, name="open_data"),
    path("interest/<uuid:token>/", public.interest_answer, name="interest_answer"),
    # --- Members: dashboard and applications (validation/views/applicant.py) -------------
    path("mine/", applicant.dashboard, name="dashboard"),
    path("new/", applicant.application_new, name="application_new"),
    path("applications/<int:pk>/", applicant.application, name="application"),
    path("applications/<int:pk>/edit/", applicant.application_edit, name="application_edit"),
    path("applications/<int:pk>/sent/", applicant.application_sent, name="application_sent"),
    path(
        "applications/<int:pk>/withdraw/",
        applicant.application_withdraw,
        name="application_withdraw",
    ),
    # --- Public: a case; last, so mine/, new/ ... are not taken as slugs ------------------
    path("<slug:slug>/sim.json", public.case_json, name="case_json"),
    path("<slug:slug>/interest/", public.express_interest, name="express_interest"),
    path("<slug:slug>/", public.case_detail, name="case_detail"),
]
