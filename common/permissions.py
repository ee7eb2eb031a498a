"""Which staff group keeps common's own tables (the search's glossary and its list of
searches that found nothing); synced after `migrate` like every app's (common/roles.py).

`common` imports no app, so the group is named here by its name, the one
`ecosystem.staff.EDITORS` holds (tests/common/test_roles.py checks they agree)."""

GROUP_PERMISSIONS = {
    "editors": [
        "view_glossaryentry",
        "add_glossaryentry",
        "change_glossaryentry",
        "delete_glossaryentry",
        "view_unansweredsearch",
    ],
}
