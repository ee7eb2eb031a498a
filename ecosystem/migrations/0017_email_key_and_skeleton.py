"""Every account gets its address's key (common.addresses) in a unique column.

Where two existing accounts share a key (twins made through `iexact` look-ups, a
zero-width space or full-width letters), the older account keeps the key and the later
one keeps none: nothing is deleted or merged. The twins are logged here and listed to
staff in the user admin under "Address twins", where they decide."""

import logging

from django.db import migrations, models

from common.addresses import InvalidAddress, address_key, address_skeleton

logger = logging.getLogger("portal.security")


def fill_keys(apps, schema_editor):
    User = apps.get_model("ecosystem", "User")
    taken: dict[str, int] = {}
    for user in User.objects.order_by("date_joined", "pk").only("pk", "email"):
        try:
            key, skeleton = address_key(user.email), address_skeleton(user.email)
        except InvalidAddress:
            key = skeleton = user.email.lower()
        if key in taken:
            logger.warning(
                "Account %s (%s) shares its address with account %s; left for staff "
                "to review under 'Address twins'.",
                user.pk,
                user.email,
                taken[key],
            )
            key = None
        else:
            taken[key] = user.pk
        User.objects.filter(pk=user.pk).update(email_key=key, email_skeleton=skeleton)


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0016_danish_target_group_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_key",
            field=models.CharField(editable=False, max_length=254, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="user",
            name="email_skeleton",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=254),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop, elidable=False),
    ]
