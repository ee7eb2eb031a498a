"""The owner's pages run a fixed number of queries whatever the history's length."""

import pytest

from partners.models import PartnerLogEntry, Status
from tests.factories import ActorFactory, MembershipFactory

from .conftest import PartnerApplicationFactory

pytestmark = pytest.mark.django_db


def _queries(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [1, 20])
def test_application_page_and_become_page(client, owner, size, django_assert_max_num_queries):
    applications = []
    for number in range(size):
        actor = ActorFactory(name=f"Forening {number}")
        MembershipFactory(actor=actor, user=owner)
        application = PartnerApplicationFactory(actor=actor, status=Status.SUBMITTED)
        for _ in range(size):
            PartnerLogEntry.objects.create(application=application, action="edited", user=owner)
            PartnerLogEntry.objects.create(application=application, action="submitted", user=owner)
        applications.append(application)
    client.force_login(owner)
    _queries(client, "/en/partners/become/", django_assert_max_num_queries, 8)
    _queries(
        client,
        f"/en/partners/applications/{applications[0].pk}/",
        django_assert_max_num_queries,
        10,
    )
