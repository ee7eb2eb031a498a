"""The moderators group may work on actors in the admin: see and change actors (status
changes go through the workflow actions), manage memberships and connections, read the
log and the reference data."""

# The grants are declared in the app's permissions.py (GROUP_PERMISSIONS) and synced after
# every `migrate` by common/roles.py. This migration stays in the graph for the databases
# that applied it, and does nothing now.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0004_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
