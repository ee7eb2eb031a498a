"""The download control says what the visitor's access allows, and resources for staff
only are invisible to the public, facet counts included."""

import pytest
from django.urls import reverse
from django.utils import translation

from resources.models import Resource
from tests.factories import (
    MembershipFactory,
    PartnershipFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def people():
    return {
        "anonymous": None,
        "member": MembershipFactory().user,
        "partner": MembershipFactory(actor=PartnershipFactory().actor).user,
    }


@pytest.fixture
def resources():
    return {
        access: ResourceFactory(title=f"Guide for {access}", access=access, with_file=True)
        for access in ("registered", "partners")
    }


# fmt: off
#  visitor       access        what the control says                what it must not say
CONTROLS = [
    ("anonymous", "registered", "Log in to download",                "button-primary"),
    ("anonymous", "partners",   "Partners only — become a partner",  "button-primary"),
    ("member",    "registered", "Download",                          "Log in to download"),
    ("member",    "partners",   "Partners only — become a partner",  "Log in to download"),
    ("partner",   "partners",   "Download",                          "Partners only"),
]
# fmt: on


@pytest.mark.parametrize(("visitor", "access", "says", "not_says"), CONTROLS)
def test_the_download_control_says_what_the_access_allows(
    client, people, resources, visitor, access, says, not_says
):
    if people[visitor]:
        client.force_login(people[visitor])
    page = text(client.get(f"/en/resources/{resources[access].slug}/"))
    files = page[page.index('class="nobullet-list resource-files"') :]
    files = files[: files.index("</ul>")]
    assert says in files
    assert not_says not in files
    if says.startswith("Partners only"):
        with translation.override("en"):
            assert f'href="{reverse("partners:become")}"' in files
    if says == "Log in to download":
        assert "/login/?next=" in files


def test_the_danish_control_is_in_danish(client, resources):
    page = text(client.get(f"/viden/{resources['partners'].slug}/"))
    assert "Kun for partnere – bliv partner" in page
    assert "Log ind for at hente" in text(client.get(f"/viden/{resources['registered'].slug}/"))


def test_the_explanation_for_non_partners_links_to_the_partner_programme(client, people, resources):
    client.force_login(people["member"])
    file = resources["partners"].files.get()
    response = client.get(f"/en/resources/{resources['partners'].slug}/files/{file.pk}/")
    assert response.status_code == 403
    with translation.override("en"):
        assert f'href="{reverse("partners:become")}"' in text(response)


def test_staff_only_resources_are_invisible_to_the_public_counts_included(client, people):
    ResourceFactory(title="Internal minutes of the steering group", staff_only=True)
    ResourceFactory(title="Open guide to co-creation")
    for visitor in ("anonymous", "member", "partner"):
        client.logout()
        if people[visitor]:
            client.force_login(people[visitor])
        listing = text(client.get("/en/resources/"))
        assert "Open guide to co-creation" in listing
        assert "Internal minutes" not in listing
        assert "Staff (" not in listing and 'value="staff"' not in listing
        danish = text(client.get("/viden/"))
        assert "Medarbejdere (" not in danish
        assert "Internal minutes" not in text(client.get("/en/search/?q=minutes"))
    staff_only = Resource.objects.get(access="staff")
    assert client.get(f"/en/resources/{staff_only.slug}/").status_code == 404
    client.force_login(UserFactory(staff=True))
    assert client.get(f"/en/resources/{staff_only.slug}/").status_code == 200
