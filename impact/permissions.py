"""Who may see the staff dashboard and download its data: the one place the impact app
decides.

The figures are counts across the whole portal and hold no personal data, so every staff
role may read them: moderators, editors, validators and event managers, and superusers.
A staff account without any of these roles (an account being set up) may not. Everyone
else never gets this far: the admin sends them to its login page.
"""

from __future__ import annotations

from ecosystem import staff


def can_see_dashboard(user) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return staff.in_group(user, *staff.STAFF_GROUPS)
