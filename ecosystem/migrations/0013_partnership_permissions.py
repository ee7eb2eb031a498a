"""Moderators and editors mark actors as partners of the centre in the admin."""

# The grants are declared in the app's permissions.py (GROUP_PERMISSIONS) and synced after
# every `migrate` by common/roles.py. This migration stays in the graph for the databases
# that applied it, and does nothing now.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0012_partnership")]

    operations = []
