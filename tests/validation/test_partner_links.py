"""A case's partners are given as the addresses of their directory pages, as a visitor
copies them from the browser: the Danish page's address as well as the English one."""

import pytest

from tests.factories import ActorFactory
from validation.forms import PartnerPagesField

pytestmark = pytest.mark.django_db


def test_danish_and_english_page_addresses_name_the_same_partners():
    lab = ActorFactory(
        slug="lab",
    )
    hub = ActorFactory(
        slug="hub",
    )
    field = PartnerPagesField(required=False)
    typed = (
        "https://socialinnovation.dk/aktoerer/lab/\nhttps://socialinnovation.dk/en/actors/hub/?x=1"
    )
    assert {actor.pk for actor in field.clean(typed)} == {lab.pk, hub.pk}
