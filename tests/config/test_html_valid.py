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
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from ecosystem.models import Actor, Invitation, JoinRequest, User
from funding.models import FundingOpportunity
from funding.permissions import make_unsubscribe_token
from pages.models import NewsArticle
from policy.models import Event
from policy.permissions import make_link_token
from resources.models import Collection, Resource
from tests.factories import MembershipFactory, RegistrationFactory, UserFactory
from tests.funding.factories import FundingAlertFactory
from tests.partners.conftest import PartnerApplicationFactory
from validation.models import CaseApplication, InterestMessage

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("da", "en")
MEMBER = "medlem@demo.socialinnovation.dk"
PASSWORD = "en lang og sjælden adgangskode 7"


def url(name: str, lang: str, query: str = "", **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")


def public_pages(lang: str) -> dict[str, str]:
    """One page of each public type, from the demo data; lists with a search, so they show
    results and facets."""
    actor = Actor.objects.published().filter(country="DK", latitude__isnull=False).first()
    case = CaseApplication.objects.public().filter(seeks_partners=True).first()  # has partners
    event = Event.objects.published().order_by("-start").first()
    pages = {
        "home": url("home", lang),
        "open-data": url("open_data", lang),
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


def member_pages(lang: str, member: User, extra: dict) -> dict[str, str]:
    own = member.memberships.filter(role="owner").first().actor
    other = Actor.objects.published().exclude(memberships__user=member).first()
    application = CaseApplication.objects.filter(actor__memberships__user=member).first()
    seeking = (
        CaseApplication.objects.public()
        .filter(seeks_partners=True)
        .exclude(actor__memberships__user=member)
        .first()
    )
    event = Event.objects.published().order_by("-start").first()
    partner_application = extra["partner_application"]
    return {
        "account": url("account", lang),
        "account-email": url("account_email", lang),
        "change-password": url("account_change_password", lang),
        "reauthenticate": url("account_reauthenticate", lang),
        "reauthenticate-by-code": url("account_request_reauthentication_code", lang),
        "two-factor": url("mfa_index", lang),
        "two-factor-activate": url("mfa_activate_totp", lang),
        "log-out": url("account_logout", lang),
        "delete-account": url("account_delete", lang),
        "my-actors": url("ecosystem:my_actors", lang),
        "register-actor": url("ecosystem:register", lang),
        "edit-actor": url("ecosystem:actor_edit", lang, slug=own.slug),
        "members": url("ecosystem:actor_members", lang, slug=own.slug),
        "remove-member": url(
            "ecosystem:member_remove", lang, slug=own.slug, membership_id=extra["membership"].pk
        ),
        "join-request": url(
            "ecosystem:join_request_decide", lang, slug=own.slug, request_id=extra["join"].pk
        ),
        "join": url("ecosystem:actor_join", lang, slug=other.slug),
        "join-by-id": url("ecosystem:actor_join_by_id", lang, actor_id=other.pk),
        "invitation": url("ecosystem:invitation_accept", lang, token=extra["invitation"].token),
        "become-a-partner-member": url("partners:become", lang),
        "partner-application-new": url("partners:apply", lang),
        "partner-application": url("partners:application", lang, pk=partner_application.pk),
        "partner-application-edit": url(
            "partners:application_edit", lang, pk=partner_application.pk
        ),
        "partner-application-withdraw": url(
            "partners:application_withdraw", lang, pk=partner_application.pk
        ),
        "funding-alerts": url("funding:alerts", lang),
        "applications": url("validation:dashboard", lang),
        "new-application": url("validation:application_new", lang),
        "application": url("validation:application", lang, pk=application.pk),
        "application-edit": url("validation:application_edit", lang, pk=application.pk),
        "application-sent": url("validation:application_sent", lang, pk=application.pk),
        "application-withdraw": url("validation:application_withdraw", lang, pk=application.pk),
        "express-interest": url("validation:express_interest", lang, slug=seeking.slug),
        "my-registration": url("policy:my_registration", lang, slug=event.slug),
    }


def link_pages(lang: str, extra: dict) -> dict[str, str]:
    """The pages that the links in mails open, logged out."""
    registration = extra["registration"]
    slug = registration.event.slug
    return {
        "registration-confirm": url(
            "policy:link_confirm", lang, slug=slug, token=make_link_token(registration, "confirm")
        ),
        "registration-by-link": url(
            "policy:link_cancel", lang, slug=slug, token=make_link_token(registration, "cancel")
        ),
        "funding-unsubscribe": url(
            "funding:unsubscribe", lang, token=make_unsubscribe_token(extra["alert"])
        ),
        "interest-answer": url("validation:interest_answer", lang, token=extra["interest"].token),
        "account-inactive": url("account_inactive", lang),
        "verification-sent": url("account_email_verification_sent", lang),
        "password-reset-sent": url("account_reset_password_done", lang),
        "password-reset-done": url("account_reset_password_from_key_done", lang),
        "log-in-by-code": url("account_request_login_code", lang),
    }


# The forms among those pages, sent empty, as they come back with their errors.
FORMS_WITH_ERRORS = ("contact", "sign-up", "log-in", "password-reset", "event-registration")
MEMBER_FORMS_WITH_ERRORS = (
    "register-actor",
    "edit-actor",
    "partner-application-new",
    "funding-alerts",
    "new-application",
    "express-interest",
    "change-password",
)

# Addresses that are not pages: data, feeds and files; actions that only redirect; the
# steps of a log-in or a verification that exist only in the middle of one; the admin.
NOT_PAGES = {
    "healthz", "robots_txt", "sitemap_index", "sitemap_section", "public_media",
    "pages:news_rss", "pages:news_atom", "ecosystem:map_geojson", "ecosystem:export_csv",
    "ecosystem:export_xlsx", "ecosystem:export_json", "resources:feed", "resources:feed_atom",
    "resources:export_csv", "resources:export_json", "resources:download",
    "validation:export_json", "validation:export_csv", "validation:case_json", "policy:feed",
    "policy:event_ics", "funding:deadlines_ics", "funding:rss", "funding:atom",
    "account_data", "mfa_download_recovery_codes",
    "ecosystem:actor_submit", "policy:cancel_own", "funding:alert_delete",
    "account_set_password", "admin_view_on_site",
    "account_confirm_login_code", "account_confirm_reauthentication_code",
    "account_confirm_email", "account_reset_password_from_key", "mfa_authenticate",
    "mfa_reauthenticate", "mfa_deactivate_totp", "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "funding:export_csv", "funding:export_json", "funding:export_xlsx", "impact:export_csv",
    "impact:export_json", "impact:export_xlsx", "pages:export_csv", "pages:export_json",
    "pages:export_xlsx", "policy:export_csv", "policy:export_json", "policy:export_xlsx",
    "resources:export_xlsx", "validation:export_xlsx", "opendata_catalogue",
    "opendata_datapackage", "opendata_json_schema",
}  # fmt: skip


def every_named_address() -> set[str]:
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name:
                yield namespace + pattern.name

    return set(walk(get_resolver().url_patterns))


@pytest.fixture
def demo():
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def extra(demo) -> dict:
    """What the demo data lacks for some page types: a registration, an alert, a partner
    application, an invitation, a join request and a second member, an interest message."""
    member = User.objects.get(email=MEMBER)
    own = member.memberships.filter(role="owner").first().actor
    event = Event.objects.published().order_by("-start").first()
    seeking = (
        CaseApplication.objects.public().filter(seeks_partners=True).exclude(actor=own).first()
    )
    stranger = UserFactory()
    return {
        "registration": RegistrationFactory(event=event, user=member, email=member.email),
        "alert": FundingAlertFactory(user=member, actor=own),
        "partner_application": PartnerApplicationFactory(actor=own, applicant=member),
        "invitation": Invitation.objects.create(
            actor=Actor.objects.published().exclude(pk=own.pk).first(),
            email=member.email,
            token="i" * 43,
        ),
        "join": JoinRequest.objects.create(actor=own, user=stranger, message="Må jeg være med?"),
        "membership": MembershipFactory(actor=own, role="editor"),
        "interest": InterestMessage.objects.create(
            case=seeking, sender=member, sender_actor=own, message="Vi vil gerne samarbejde."
        ),
    }


def save(client, folder: Path, name: str, address: str, *, post: bool = False) -> str:
    response = client.post(address, {}) if post else client.get(address)
    expected = {404} if name.startswith("not-found") else {200, 400} if post else {200}
    assert response.status_code in expected, f"{address} answered {response.status_code}"
    assert response["Content-Type"].startswith("text/html"), address
    (folder / f"{name}.html").write_bytes(response.content)
    return resolve(address.split("?")[0]).view_name if not name.startswith("not-found") else ""


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


def test_every_page_type_passes_the_nu_html_checker(client, extra, tmp_path):
    member = User.objects.get(email=MEMBER)
    member.set_password(PASSWORD)
    member.save()
    covered = set()
    for lang in LANGUAGES:
        pages = {**public_pages(lang), **link_pages(lang, extra)}
        for name, address in pages.items():
            covered.add(save(client, tmp_path, f"{name}-{lang}", address))
        for name in FORMS_WITH_ERRORS:
            save(client, tmp_path, f"{name}-errors-{lang}", pages[name], post=True)
    client.force_login(member)
    # Activating two-factor authentication asks for the password again first.
    client.post(url("account_reauthenticate", "da"), {"password": PASSWORD})
    for lang in LANGUAGES:
        pages = member_pages(lang, member, extra)
        for name, address in pages.items():
            covered.add(save(client, tmp_path, f"{name}-{lang}", address))
        for name in MEMBER_FORMS_WITH_ERRORS:
            save(client, tmp_path, f"{name}-errors-{lang}", pages[name], post=True)
    missing = every_named_address() - NOT_PAGES - covered
    assert not missing, f"page types the test does not check: {sorted(missing)}"
    errors = checker_errors(tmp_path)
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(errors)
