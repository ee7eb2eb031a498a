"""The public funding pages as a visitor sees them: the list's order and facets, the
archive, a call's page, the feeds, search and bad input."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from ecosystem.models import Actor, Theme
from funding.models import FundingOpportunity
from tests.factories import ResourceFactory
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    settings.PAGE_CACHE = False


def titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="h4 list-item-title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_closing_soon_first_then_by_deadline_rolling_last(client):
    FundingOpportunityFactory(title_da="Om to måneder", deadline_days=60)
    FundingOpportunityFactory(title_da="Løbende", rolling=True)
    FundingOpportunityFactory(title_da="Om tre dage", deadline_days=3)
    FundingOpportunityFactory(title_da="To runder", deadline_days=[-10, 20])
    FundingOpportunityFactory(title_da="Udløbet", deadline_days=-2)
    FundingOpportunityFactory(title_da="Lukket", closed=True, deadline_days=-30)
    FundingOpportunityFactory(title_da="Kladde", draft=True)

    response = client.get("/finansiering/")
    assert titles(response) == ["Om tre dage", "To runder", "Om to måneder", "Løbende"]
    page = response.content.decode()
    assert page.count("Lukker snart") == 1
    assert "4 opslag" in page

    archive = client.get("/finansiering/archive/")
    assert titles(archive) == ["Udløbet", "Lukket"]


def test_facets_count_and_filter(client):
    theme = Theme.objects.get(slug="active-inclusion")
    FundingOpportunityFactory(
        title_da="Lån til virksomheder", kind="loan", eligible_kinds=[Actor.Kind.SOCIAL_ENTERPRISE]
    )
    FundingOpportunityFactory(title_da="Tilskud til foreninger", themes=[theme],
                              eligible_kinds=[Actor.Kind.NGO], scope="eu")  # fmt: skip
    FundingOpportunityFactory(title_da="Tilskud til kommuner",
                              eligible_kinds=[Actor.Kind.MUNICIPALITY, Actor.Kind.NGO])  # fmt: skip

    page = client.get("/en/funding/").content.decode()
    assert '<option value="grant">Grant (2)</option>' in page
    assert '<option value="loan">Loan (1)</option>' in page
    assert '<option value="ngo">NGO or civil society (2)</option>' in page
    assert '<option value="eu">EU and Europe (1)</option>' in page

    filtered = client.get("/finansiering/?eligible=ngo")
    assert sorted(titles(filtered)) == ["Tilskud til foreninger", "Tilskud til kommuner"]
    # The kind facet counts under the other filters.
    assert '<option value="grant">Tilskud (2)</option>' in filtered.content.decode()
    assert '<option value="loan">' not in filtered.content.decode()
    themed = client.get("/finansiering/?theme=active-inclusion")
    assert titles(themed) == ["Tilskud til foreninger"]


def test_search_finds_by_title_and_funder(client):
    FundingOpportunityFactory(title_da="Ensomhed blandt ældre", funder_name="Velux Fonden")
    FundingOpportunityFactory(title_da="Job til unge", funder_name="TrygFonden")
    assert titles(client.get("/finansiering/?q=ensomhed")) == ["Ensomhed blandt ældre"]
    assert titles(client.get("/finansiering/?q=trygfonden")) == ["Job til unge"]


@pytest.mark.parametrize(
    "query",
    ["kind=nonsense", "theme=<script>", "eligible=x&scope=y", "q=" + "x" * 500, "q=%00",
     "page=999", "page=abc", "q=\"unclosed&kind[]=1"],
)  # fmt: skip
def test_bad_input_is_a_page_not_a_500(client, query):
    FundingOpportunityFactory(title_da="Et opslag")
    response = client.get(f"/finansiering/?{query}")
    assert response.status_code == 200


def test_bad_filter_says_so_and_hostile_text_is_text(client):
    FundingOpportunityFactory()
    page = client.get("/finansiering/?kind=nonsense&q=<script>alert(1)</script>").content.decode()
    assert "Værdien i adressen blev ikke genkendt" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_call_page(client):
    model = ResourceFactory(title="Sociale udfaldskontrakter forklaret", kind="financing_model")
    hidden = ResourceFactory(title="Kladde om lån", kind="financing_model", draft=True)
    call = FundingOpportunityFactory(
        title_en="Outcomes fund", kind="outcomes", amount_min=1_000_000, amount_max=2_500_000,
        deadline_days=[])  # fmt: skip
    call.deadlines.create(at=timezone.make_aware(timezone.datetime(2030, 1, 15, 12, 0)))
    call.deadlines.create(at=timezone.make_aware(timezone.datetime(2030, 7, 1, 12, 0)))
    call.financing_models.set([model, hidden])

    da = client.get(call.get_absolute_url()).content.decode()
    assert "1.000.000–2.500.000\N{NO-BREAK SPACE}kr." in da
    assert "15. januar 2030 kl. 12.00" in da and "dansk tid, CET" in da
    assert "1. juli 2030 kl. 12.00" in da and "CEST" in da
    assert "Sociale udfaldskontrakter forklaret" in da
    assert "Kladde om lån" not in da
    assert 'href="https://example.org/opslag"' in da

    en = client.get("/en" + call.get_absolute_url().replace("/finansiering/", "/funding/"))
    page = en.content.decode()
    assert "Outcomes fund" in page
    assert "DKK\N{NO-BREAK SPACE}1,000,000–2,500,000" in page
    assert "Danish time, CET" in page


def test_grant_page_has_json_ld(client):
    call = FundingOpportunityFactory(currency="EUR")
    page = client.get(call.get_absolute_url()).content.decode()
    assert '"@type": "MonetaryGrant"' in page
    assert '"currency": "EUR"' in page


def test_published_at_is_set_once():
    call = FundingOpportunityFactory(draft=True)
    assert call.published_at is None
    call.status = FundingOpportunity.Status.PUBLISHED
    call.save()
    first = call.published_at
    assert first is not None
    call.status = FundingOpportunity.Status.CLOSED
    call.save()
    call.status = FundingOpportunity.Status.PUBLISHED
    call.save()
    call.refresh_from_db()
    assert call.published_at == first


def test_deadline_calendar_parses(client):
    call = FundingOpportunityFactory(title_da="Pulje med frist", deadline_days=[10, 40])
    FundingOpportunityFactory(title_da="Kladde", draft=True)
    FundingOpportunityFactory(title_da="Gammel", deadline_days=-400)
    response = client.get("/finansiering/deadlines.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert all(str(e["SUMMARY"]) == "Frist: Pulje med frist" for e in events)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Copenhagen"
    first = call.deadlines.order_by("at").first()
    assert events[0]["DTEND"].dt == first.at.replace(microsecond=0)


def test_rss_and_atom_feeds_parse(client):
    FundingOpportunityFactory(title_da="Ny pulje", title_en="New fund")
    FundingOpportunityFactory(title_da="Kladde", draft=True)
    rss = ET.fromstring(client.get("/finansiering/rss/").content)
    assert [i.findtext("title") for i in rss.iter("item")] == ["Ny pulje"]
    atom = ET.fromstring(client.get("/en/funding/atom/").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)] == [
        "New fund"
    ]


def test_list_links_the_feeds(client):
    page = client.get("/finansiering/").content.decode()
    for url in ("/finansiering/rss/", "/finansiering/atom/", "/finansiering/deadlines.ics"):
        assert f'href="{url}"' in page


def test_list_is_paginated(client):
    for number in range(25):
        FundingOpportunityFactory(deadline_days=number + 1)
    first = client.get("/finansiering/")
    assert len(titles(first)) == 20
    assert len(titles(client.get("/finansiering/?page=2"))) == 5
    assert "25 opslag" in first.content.decode()


def test_expired_deadline_moves_the_call_to_the_archive(client):
    call = FundingOpportunityFactory(title_da="Snart lukket", deadline_days=1)
    assert titles(client.get("/finansiering/")) == ["Snart lukket"]
    call.deadlines.update(at=timezone.now() - timedelta(minutes=5))
    assert titles(client.get("/finansiering/")) == []
    assert titles(client.get("/finansiering/archive/")) == ["Snart lukket"]


def test_the_portal_search_finds_open_calls(client):
    FundingOpportunityFactory(title_da="Fjordpuljen for kystbyer")
    FundingOpportunityFactory(title_da="Fjordpuljen, gammel runde", deadline_days=-5)
    page = client.get("/soeg/", {"q": "fjordpuljen"}).content.decode()
    assert "Fjordpuljen for kystbyer" in page
    assert "gammel runde" not in page
