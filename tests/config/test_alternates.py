"""Every public page type names itself in both languages (hreflang, x-default) and its
canonical address without query parameters, in Danish and in English."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    ResourceFactory,
)
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def details():
    return [
        ActorFactory(name="Seniorhuset").get_absolute_url(),
        CaseApplicationFactory(published=True).get_absolute_url(),
        EventFactory().get_absolute_url(),
        ResourceFactory(title="Vejledning A").get_absolute_url(),
        FundingOpportunityFactory().get_absolute_url(),
    ]


def lists() -> list[str]:
    with translation.override("da"):
        return [
            "/",
            reverse("search") + "?q=ældre",
            reverse("ecosystem:index") + "?theme=active-inclusion",
            reverse("validation:index"),
            reverse("policy:index"),
            reverse("resources:index") + "?kind=guide&page=1",
            reverse("funding:index"),
            reverse("matching:find_partner"),
            reverse("pages:news_list"),
            reverse("about"),
        ]


def links(page: str) -> dict[str, str]:
    head = page.split("</head>")[0]
    found = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', head)
    assert len(canonical) == 1
    found["canonical"] = canonical[0]
    return found


def test_every_page_type_names_its_languages_and_canonical_address(client, details):
    for url in lists() + details:
        danish = client.get(url, follow=True)
        assert danish.status_code == 200, url
        found = links(danish.content.decode())
        path = danish.request["PATH_INFO"]
        assert found["canonical"] == "http://testserver" + path
        assert "?" not in found["canonical"]
        assert found["da"] == found["x-default"] == found["canonical"]
        assert found["en"].startswith("http://testserver/en/")
        english = client.get(found["en"].replace("http://testserver", ""))
        assert english.status_code == 200, found["en"]
        back = links(english.content.decode())
        assert back["canonical"] == found["en"]
        assert back["da"] == found["da"]
