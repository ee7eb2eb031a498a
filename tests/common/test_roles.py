"""One admin role gate (common.admin.RoleGate) and the staff groups' permissions declared
in one table per app (common.roles), synced after migrate."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from common.roles import sync_group_permissions
from ecosystem import staff
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

APPS = ["common", "ecosystem", "resources", "validation", "policy", "pages", "funding", "partners"]


def _staff(*groups, permissions=()):
    user = UserFactory(staff=True, groups=list(groups), language="en")
    user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.mark.parametrize("app_label", APPS)
def test_every_declared_permission_exists_and_the_group_holds_it(app_label):
    table = apps.get_app_config(app_label).module.permissions.GROUP_PERMISSIONS
    for name, codenames in table.items():
        held = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label=app_label)
            .values_list("codename", flat=True)
        )
        assert held == set(codenames), (app_label, name)


def test_common_names_its_group_as_ecosystem_does():
    from common.permissions import GROUP_PERMISSIONS

    assert set(GROUP_PERMISSIONS) <= set(staff.STAFF_GROUPS)


def test_a_grant_taken_away_by_hand_comes_back_after_migrate_and_an_extra_one_goes():
    editors = Group.objects.get(name=staff.EDITORS)
    editors.permissions.remove(Permission.objects.get(codename="add_resource"))
    editors.permissions.add(Permission.objects.get(codename="view_caseapplication"))
    editors.permissions.add(Permission.objects.get(codename="change_resourcefileversion"))

    call_command("migrate", verbosity=0)

    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert "add_resource" in codenames
    assert "change_resourcefileversion" not in codenames  # not in the library's table
    assert "view_caseapplication" in codenames  # another app's permission: left alone


def test_sync_creates_a_missing_group():
    Group.objects.filter(name=staff.VALIDATORS).delete()
    sync_group_permissions("validation", {staff.VALIDATORS: ["view_caseapplication"]})
    assert list(
        Group.objects.get(name=staff.VALIDATORS).permissions.values_list("codename", flat=True)
    ) == ["view_caseapplication"]


def test_staff_given_actor_permissions_by_hand_do_not_see_the_moderators_module(client):
    validator = _staff(staff.VALIDATORS, permissions=["view_actor", "change_actor"])
    client.force_login(validator)
    index = client.get("/en/admin/").content.decode()
    assert "/en/admin/ecosystem/actor/" not in index
    assert client.get("/en/admin/ecosystem/actor/").status_code == 403


def test_partner_staff_whose_group_lost_the_model_permission_are_kept_out(client):
    moderator = _staff(staff.MODERATORS)
    client.force_login(moderator)
    listing = "/en/admin/partners/partnerapplication/"
    assert client.get(listing).status_code == 200
    Group.objects.get(name=staff.MODERATORS).permissions.remove(
        *Permission.objects.filter(content_type__app_label="partners")
    )
    moderator = type(moderator).objects.get(pk=moderator.pk)  # no cached permissions
    client.force_login(moderator)
    assert client.get(listing).status_code == 403


def test_other_staff_get_a_404_from_the_partner_pages(client):
    client.force_login(_staff(staff.VALIDATORS))
    assert client.get("/en/admin/partners/partnerapplication/").status_code == 404
