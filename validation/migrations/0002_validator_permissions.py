"""The validators group may work on case applications in the admin: see and change them
(state changes go through the workflow), score reviews, read the log and the
expressions of interest."""

# The grants are declared in the app's permissions.py (GROUP_PERMISSIONS) and synced after
# every `migrate` by common/roles.py. This migration stays in the graph for the databases
# that applied it, and does nothing now.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("validation", "0001_cases"),
        ("ecosystem", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
