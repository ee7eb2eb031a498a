"""The public case pages as visitors meet them: gallery, case page, actor page, export,
and the page cache's freshness after a validation, a publication or a withdrawal."""

import csv
import io
import json

import pytest

from tests.factories import ActorFactory
from validation import services

pytestmark = pytest.mark.django_db


def test_the_gallery_shows_validated_cases_with_counts(client, make_case):
    make_case(validated=True, title="Job bridges", countries=["DK", "SE"], seeks_partners=True)
    make_case(in_review=True, title="Secret draft")
    response = client.get("/en/cases/")
    body = response.content.decode()
    assert "Job bridges" in body and "Secret draft" not in body
    assert "Sweden (1)" in body
    assert "1 case" in body


def test_the_gallery_filters_by_country_and_searches(client, make_case):
    make_case(validated=True, title="Job bridges", countries=["SE"])
    make_case(validated=True, title="Housing first", countries=["DK"])
    body = client.get("/en/cases/?country=SE").content.decode()
    assert "Job bridges" in body and "Housing first" not in body
    body = client.get("/en/cases/?q=housing").content.decode()
    assert "Housing first" in body and "Job bridges" not in body
    assert client.get("/en/cases/?country=XX&theme=nope").status_code == 200


def test_a_case_without_consent_to_the_portal_is_not_public(client, make_case):
    case = make_case(validated=True, consent_portal=False)
    assert client.get(f"/en/cases/{case.slug}/").status_code == 404


def test_the_case_page_links_the_organisations_and_hides_the_contact(client, make_case):
    partner = ActorFactory(name="Malmö stad")
    case = make_case(published=True, sim_published_on="2025-05-02", contact_email="secret@lead.dk")
    case.partners.add(partner)
    body = client.get(f"/en/cases/{case.slug}/").content.decode()
    assert case.actor.get_absolute_url() in body and partner.get_absolute_url() in body
    assert case.sim_url in body
    assert "secret@lead.dk" not in body and case.contact_name not in body
    assert '"@type": "Project"' in body
    assert 'property="og:title"' in body


def test_hostile_text_is_shown_as_text(client, make_case):
    case = make_case(validated=True, title="<script>alert(1)</script>", problem="</script><b>x")
    body = client.get(f"/en/cases/{case.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "\\u003c/script\\u003e" in body  # inside the JSON-LD


def test_the_actor_page_lists_its_validated_cases(client, make_case, lead):
    make_case(validated=True, title="Job bridges")
    make_case(in_review=True, title="Not yet")
    body = client.get(lead.get_absolute_url()).content.decode()
    assert "Job bridges" in body and "Not yet" not in body


def test_the_export_mirrors_a_sim_case_page(client, make_case):
    partner = ActorFactory(name="Malmö stad")
    case = make_case(
        validated=True,
        title="Job bridges",
        funding_sources=["esf_plus"],
        funding_details="ESF+ 1.2 million DKK",
        other_partners="Arbetsförmedlingen (SE)",
        contact_email="secret@lead.dk",
    )
    case.partners.add(partner)
    make_case(submitted=True, title="Not validated")
    response = client.get("/en/cases/export.json")
    text = b"".join(response.streaming_content).decode()
    data = json.loads(text)
    assert data["licence"]["name"] == "CC BY 4.0"
    (item,) = data["cases"]
    assert item["title"] == "Job bridges"
    assert item["problem"] == case.problem and item["lessons"] == case.lessons
    assert item["funding"]["sources"][0]["code"] == "esf_plus"
    assert item["lead_organisation"]["name"] == case.actor.name
    assert [p["name"] for p in item["partners"]] == ["Malmö stad", "Arbetsförmedlingen (SE)"]
    assert item["countries"] == [{"code": "DK", "name": "Denmark"}]
    assert item["themes"]
    assert "secret@lead.dk" not in text
    one = client.get(f"/en/cases/{case.slug}/sim.json").json()
    assert one.pop("licence") == {"name": "CC BY 4.0", "url": data["licence"]["url"]}
    assert one.pop("attribution") == "Socialinnovation.dk"
    assert one == item
    rows = list(csv.reader(io.StringIO(b"".join(client.get("/en/cases/export.csv")).decode())))
    assert rows[0][2] == "title" and rows[1][2] == "Job bridges"
    assert len(rows) == 2


def test_the_export_answers_304_when_unchanged(client, make_case):
    make_case(validated=True)
    first = client.get("/en/cases/export.json")
    again = client.get("/en/cases/export.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


# --- The page cache is never stale -------------------------------------------------------------


def fetch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    return response


def test_a_validation_shows_at_once_in_the_cached_gallery_and_actor_page(
    client, make_case, lead, validator
):
    case = make_case(in_review=True, title="Job bridges")
    for url in ("/en/cases/", lead.get_absolute_url()):
        fetch(client, url)
        assert fetch(client, url)["X-Page-Cache"] == "hit"
        assert "Job bridges" not in fetch(client, url).content.decode()
    services.transition_case(case=case, action="validate", by=validator)
    for url in ("/en/cases/", lead.get_absolute_url()):
        assert "Job bridges" in fetch(client, url).content.decode()


def test_a_publication_on_sim_shows_at_once_on_the_cached_case_page(client, make_case, validator):
    case = make_case(validated=True)
    url = f"/en/cases/{case.slug}/"
    fetch(client, url)
    assert fetch(client, url)["X-Page-Cache"] == "hit"
    services.record_sim_publication(
        case=case, by=validator, sim_url="https://sim.example/c/9", published_on="2025-05-02"
    )
    assert "https://sim.example/c/9" in fetch(client, url).content.decode()


def test_an_unpublished_case_leaves_the_cached_pages_at_once(client, make_case):
    case = make_case(validated=True, title="Job bridges")
    url = f"/en/cases/{case.slug}/"
    fetch(client, url)
    fetch(client, "/en/cases/")
    case.consent_portal = False
    case.save()
    assert fetch(client, url).status_code == 404
    assert "Job bridges" not in fetch(client, "/en/cases/").content.decode()
