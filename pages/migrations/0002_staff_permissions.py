"""Editors edit the pages and publish news; every staff group reads and answers the
contact messages routed to it (the admin shows each group its own topics)."""

# The grants are declared in the app's permissions.py (GROUP_PERMISSIONS) and synced after
# every `migrate` by common/roles.py. This migration stays in the graph for the databases
# that applied it, and does nothing now.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("ecosystem", "0005_moderator_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = []
