"""The event managers group may run events in the admin: events with their agenda and
speakers, registrations (status changes go through the workflow actions), outcomes with
recommendations and resources, and read the log."""

# The grants are declared in the app's permissions.py (GROUP_PERMISSIONS) and synced after
# every `migrate` by common/roles.py. This migration stays in the graph for the databases
# that applied it, and does nothing now.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("policy", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
