"""Every page type, in Danish and in English, passes the Nu HTML Checker with no error: the
public pages, a member's pages, and the forms as they come back with errors. Data users
and the EU platform read the portal's HTML with their own tools (issue 21).

The checker is vnu.jar from npm (`vnu-jar` in package.json, installed by `npm ci`); it
runs once over all the pages written to a folder (one Java start, not one per page)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from ecosystem.models import Actor, User
from funding.models import FundingOpportunity
from pages.models import NewsArticle
from policy.models import Event
from resources.models import Collection, Resource
from tests.factories import RegistrationFactory
from validation.models import CaseApplication

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("da", "en")
MEMBER = "medlem@demo.socialinnovation.dk"


def url(name: str, lang: str, query: str = "", **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")


def public_pages(lang: str) -> dict[str, str]:
    """One page of each public type, from the demo data; lists with a search, so they show
    results and facets."""
    actor = Actor.objects.published().filter(country="DK", latitude__isnull=False).first()
    case = CaseApplication.objects.public().first()
    event = Event.objects.published().order_by("-start").first()
    pages = {
        "home": url("home", lang),
        "search": url("search", lang, "q=innovation"),
        "about": url("about", lang),
        "contact": url("contact", lang),
        "privacy": url("privacy", lang),
        "accessibility": url("accessibility", lang),
        "news": url("pages:news_list", lang),
        "news-article": url(
            "pages:news_detail", lang, slug=NewsArticle.objects.published().first().slug
        ),
        "directory": url("ecosystem:index", lang, "q=social"),
        "map": url("ecosystem:map", lang),
        "map-embed": url("ecosystem:map_embed", lang),
        "actors-open-data": url("ecosystem:open_data", lang),
        "actor": url("ecosystem:actor_detail", lang, slug=actor.slug),
        "library": url("resources:index", lang, "q=social"),
        "collections": url("resources:collections", lang),
        "collection": url("resources:collection", lang, slug=Collection.objects.first().slug),
        "resources-open-data": url("resources:open_data", lang),
        "resource": url("resources:detail", lang, slug=Resource.objects.public().first().slug),
        "cases": url("validation:index", lang),
        "cases-open-data": url("validation:open_data", lang),
        "case": url("validation:case_detail", lang, slug=case.slug),
        "events": url("policy:index", lang),
        "past-events": url("policy:past", lang),
        "recommendations": url("policy:recommendations", lang),
        "event": url("policy:event_detail", lang, slug=event.slug),
        "event-registration": url("policy:register", lang, slug=event.slug),
        "partners": url("partners:index", lang),
        "become-a-partner": url("partners:become", lang),
        "funding": url("funding:index", lang),
        "funding-archive": url("funding:archive", lang),
        "funding-call": url(
            "funding:detail", lang, slug=FundingOpportunity.objects.public().first().slug
        ),
        "find-a-partner": url("matching:find_partner", lang),
        "actor-partners": url("matching:actor_partners", lang, slug=actor.slug),
        "case-partners": url("matching:case_partners", lang, slug=case.slug),
        "impact": url("impact:impact_page", lang),
        "log-in": url("account_login", lang),
        "sign-up": url("account_signup", lang),
        "password-reset": url("account_reset_password", lang),
        "not-found": url("home", lang) + "no-such-page/",
    }
    return pages


def member_pages(lang: str, member: User) -> dict[str, str]:
    own = member.memberships.first().actor
    other = Actor.objects.published().exclude(memberships__user=member).first()
    application = CaseApplication.objects.filter(actor__memberships__user=member).first()
    seeking = CaseApplication.objects.public().exclude(actor__memberships__user=member).first()
    event = Event.objects.published().order_by("-start").first()
    return {
        "account": url("account", lang),
        "account-email": url("account_email", lang),
        "change-password": url("account_change_password", lang),
        "two-factor": url("mfa_index", lang),
        "my-actors": url("ecosystem:my_actors", lang),
        "register-actor": url("ecosystem:register", lang),
        "edit-actor": url("ecosystem:actor_edit", lang, slug=own.slug),
        "members": url("ecosystem:actor_members", lang, slug=own.slug),
        "join": url("ecosystem:actor_join", lang, slug=other.slug),
        "partner-application": url("partners:apply", lang),
        "funding-alerts": url("funding:alerts", lang),
        "applications": url("validation:dashboard", lang),
        "new-application": url("validation:application_new", lang),
        "application": url("validation:application", lang, pk=application.pk),
        "application-edit": url("validation:application_edit", lang, pk=application.pk),
        "application-sent": url("validation:application_sent", lang, pk=application.pk),
        "application-withdraw": url("validation:application_withdraw", lang, pk=application.pk),
        "express-interest": url("validation:express_interest", lang, slug=seeking.slug),
        "my-registration": url("policy:my_registration", lang, slug=event.slug),
        "delete-account": url("account_delete", lang),
    }


# Forms sent empty, as they come back with their errors.
FORMS_WITH_ERRORS = {
    "contact": ("contact", {}),
    "sign-up": ("account_signup", {}),
    "log-in": ("account_login", {}),
    "password-reset": ("account_reset_password", {}),
}
MEMBER_FORMS_WITH_ERRORS = {
    "register-actor": ("ecosystem:register", {}),
    "partner-application": ("partners:apply", {}),
    "funding-alerts": ("funding:alerts", {}),
    "new-application": ("validation:application_new", {}),
}


@pytest.fixture
def demo():
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def save(client, folder: Path, name: str, address: str, *, post: bool = False) -> None:
    response = client.post(address, {}) if post else client.get(address)
    expected = 404 if name.startswith("not-found") else (200, 400) if post else 200
    assert response.status_code in ((expected,) if isinstance(expected, int) else expected), (
        f"{address} answered {response.status_code}"
    )
    assert response["Content-Type"].startswith("text/html"), address
    (folder / f"{name}.html").write_bytes(response.content)


def checker_errors(folder: Path) -> list[str]:
    """vnu.jar over every page in the folder, once; its JSON report goes to stderr."""
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML Checker (.ci/run installs it)"
    assert VNU.exists(), f"{VNU} is missing: run `npm ci`"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    return [
        f"{Path(m['url']).name}:{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
        if m["type"] == "error"
    ]


def test_every_page_type_passes_the_nu_html_checker(client, demo, tmp_path):
    member = User.objects.get(email=MEMBER)
    event = Event.objects.published().order_by("-start").first()
    RegistrationFactory(event=event, user=member, email=member.email)
    written = 0
    for lang in LANGUAGES:
        for name, address in public_pages(lang).items():
            save(client, tmp_path, f"{name}-{lang}", address)
            written += 1
        for name, (view, data) in FORMS_WITH_ERRORS.items():
            save(client, tmp_path, f"{name}-errors-{lang}", url(view, lang), post=True)
            written += 1
    client.force_login(member)
    for lang in LANGUAGES:
        for name, address in member_pages(lang, member).items():
            save(client, tmp_path, f"{name}-{lang}", address)
            written += 1
        for name, (view, data) in MEMBER_FORMS_WITH_ERRORS.items():
            save(client, tmp_path, f"{name}-errors-{lang}", url(view, lang), post=True)
            written += 1
    assert written == len(list(tmp_path.iterdir()))
    errors = checker_errors(tmp_path)
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(errors)
