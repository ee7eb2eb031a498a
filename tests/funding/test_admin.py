"""Editors write a call in the admin, with its deadlines, and publish it: the publication
date is set once, and the call shows on the public list."""

import pytest

from ecosystem import staff
from funding.models import FundingOpportunity
from tests.factories import UserFactory
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(staff_mfa=True, groups=[staff.EDITORS])
    client.force_login(user)
    return user


FORM = {
    "title_da": "Pulje til nye fællesskaber",
    "title_en": "Fund for new communities",
    "slug": "pulje-til-nye-faellesskaber",
    "kind": "grant",
    "description_da": "Tekst",
    "description_en": "Text",
    "link": "www.example.org/pulje",
    "funder_name": "Velux Fonden",
    "currency": "DKK",
    "amount_min": "100000",
    "amount_max": "50000",
    "eligible_kinds": ["ngo", "rsv"],
    "scope": "national",
    "status": "published",
    "deadlines-TOTAL_FORMS": "1",
    "deadlines-INITIAL_FORMS": "0",
    "deadlines-0-at_0": "2030-03-01",
    "deadlines-0-at_1": "12:00",
    "deadlines-0-label": "Første runde",
}


def test_an_editor_adds_a_call_with_a_deadline(client, editor, settings):
    settings.PAGE_CACHE = False
    url = "/admin/funding/fundingopportunity/add/"
    wrong = client.post(url, FORM)
    assert wrong.status_code == 200  # the form again, with the error
    assert "Det største beløb kan ikke være mindre end det mindste." in wrong.content.decode()
    assert not FundingOpportunity.objects.exists()

    response = client.post(url, {**FORM, "amount_max": "500000"})
    assert response.status_code == 302
    call = FundingOpportunity.objects.get()
    assert call.link == "https://www.example.org/pulje"
    assert call.eligible_kinds == ["ngo", "rsv"]
    assert call.published_at is not None
    assert call.deadlines.get().label == "Første runde"
    assert "Pulje til nye fællesskaber" in client.get("/finansiering/").content.decode()


def test_a_reserved_address_is_refused(client, editor):
    response = client.post(
        "/admin/funding/fundingopportunity/add/", {**FORM, "amount_max": "", "slug": "archive"}
    )
    assert "Denne adresse bruges af portalen" in response.content.decode()


def test_publish_and_close_actions(client, editor):
    draft = FundingOpportunityFactory(draft=True)
    url = "/admin/funding/fundingopportunity/"
    client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at is not None
    published_at = draft.published_at
    client.post(url, {"action": "close", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "closed" and draft.published_at == published_at


def test_a_published_call_without_a_deadline_to_come_gets_a_warning(client, editor):
    form = {**FORM, "amount_max": "", "deadlines-TOTAL_FORMS": "0"}
    response = client.post("/admin/funding/fundingopportunity/add/", form, follow=True)
    assert "vises blandt de lukkede opslag" in response.content.decode()
