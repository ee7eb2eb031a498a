"""The Danish pages speak Danish: on every page type, with the demo content and logged in
as an organisation's member too, no English interface word is shown outside an element
marked `lang="en"` (data written in English: a foreign EU case, an English resource)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from ecosystem.models import Actor, User
from funding.models import FundingOpportunity
from policy.models import Event
from resources.models import Resource
from tests.e2e.test_ecosystem_join import log_in_as
from tests.e2e.test_narrow_screens import MEMBER_PAGES, PUBLIC_PAGES
from validation.models import CaseApplication

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# English words of the interface that have no place in Danish text. Names (of
# programmes, organisations, places) are not interface words and are not listed.
ENGLISH = re.compile(
    r"\b(the|and|with|your|you|this|from|are|will|should|please|Search|Sign in|Sign up|"
    r"Log in|Password|Forgot|Remember me|Submit|Save|Download|Read more|Show more|Next|"
    r"Previous|Deadline|Funder|Edit|Delete|Cancel|Contributors|contributors|Policy brief|"
    r"Authenticator|Two-Factor|Events|Actors|Resources|Funding|Loading|Close|"
    r"Skip to content|Home)\b"
)

# The text a visitor sees or hears (text, alt, aria-label, placeholder, title), leaving
# out what is inside an element marked as English.
VISIBLE_TEXT = """() => {
  const english = (node) => {
    const marked = (node.nodeType === 1 ? node : node.parentElement).closest("[lang]");
    return marked && marked.getAttribute("lang").startsWith("en");
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
    if (!parent.checkVisibility({visibilityProperty: true}) && !parent.closest(".sr-only"))
      continue;
    if (english(node) || !node.textContent.trim()) continue;
    texts.push(node.textContent.trim());
  }
  for (const element of document.querySelectorAll("[alt], [aria-label], [placeholder], [title]")) {
    if (english(element)) continue;
    for (const name of ["alt", "aria-label", "placeholder", "title"]) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  texts.push(document.title);
  return texts;
}"""


def url_for(name: str, **kwargs) -> str:
    with translation.override("da"):
        return reverse(name, kwargs=kwargs)


def english_on(page, url: str) -> list[str]:
    page.goto(page.base_url + url)
    found = []
    for text in page.evaluate(VISIBLE_TEXT):
        if match := ENGLISH.search(text):
            found.append(f"{url}: {match.group(0)!r} in {text[:100]!r}")
    return found


@pytest.fixture
def demo():
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def detail_pages() -> list[str]:
    """One page of each kind of content, from the demo data."""
    actor = Actor.objects.published().filter(country="DK").first()
    event = Event.objects.published().order_by("-start").first()
    case = CaseApplication.objects.public().first()
    resource = Resource.objects.public().filter(language="da").first()
    return [
        url_for("ecosystem:actor_detail", slug=actor.slug),
        url_for("resources:detail", slug=resource.slug),
        url_for("policy:event_detail", slug=event.slug),
        url_for("policy:register", slug=event.slug),
        url_for("validation:case_detail", slug=case.slug),
        url_for("funding:detail", slug=FundingOpportunity.objects.public().first().slug),
        url_for("matching:actor_partners", slug=actor.slug),
    ]


def test_the_danish_pages_show_no_english_interface_words(page, demo):
    found = []
    for name, kwargs in PUBLIC_PAGES:
        if kwargs:
            continue  # the detail pages of the demo data follow
        found += english_on(page, url_for(name))
    for url in detail_pages():
        found += english_on(page, url)
    assert not found, f"{len(found)} English words on Danish pages:\n" + "\n".join(found)


def test_a_members_danish_pages_show_no_english_interface_words(page, demo):
    member = User.objects.get(email="medlem@demo.socialinnovation.dk")
    actor = member.memberships.first().actor
    log_in_as(page, member)
    found = []
    for name, kwargs in MEMBER_PAGES:
        found += english_on(page, url_for(name, **({"slug": actor.slug} if kwargs else {})))
    for name in ("validation:dashboard", "validation:application_new", "mfa_index"):
        found += english_on(page, url_for(name))
    assert not found, f"{len(found)} English words on Danish pages:\n" + "\n".join(found)
