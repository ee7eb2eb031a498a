"""seed_demo's partner programme: applications in every state, a dozen partners across
the tiers with two years of renewals, and no more on a second run."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from ecosystem.models import Partnership
from partners.models import PartnerApplication, Status, Tier

pytestmark = pytest.mark.django_db


def seed() -> None:
    call_command("seed_demo", stdout=io.StringIO())


def test_partners_in_every_state_and_tier_with_a_renewal_history(client):
    seed()
    assert set(PartnerApplication.objects.values_list("status", flat=True)) == set(Status.values)
    current = PartnerApplication.objects.filter(
        status=Status.APPROVED, partnership__in=Partnership.objects.current()
    )
    assert current.values("actor").distinct().count() >= 12
    assert set(current.values_list("tier", flat=True)) == set(Tier.values)
    two_years_ago = timezone.localdate().replace(year=timezone.localdate().year - 2)
    renewed = PartnerApplication.objects.filter(
        status=Status.APPROVED,
        partnership__starts_on__lte=two_years_ago.replace(year=two_years_ago.year + 1),
    )
    assert renewed.exists()
    # The public page shows them, grouped.
    page = client.get("/partnere/").content.decode()
    assert "Strategiske partnere" in page and "Aarhus Kommune" in page

    count = PartnerApplication.objects.count()
    seed()
    assert PartnerApplication.objects.count() == count
