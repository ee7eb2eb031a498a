"""The staff roles. Each is a Django group; a data migration creates them."""

MODERATORS = "moderators"
EDITORS = "editors"
VALIDATORS = "validators"
EVENT_MANAGERS = "event managers"

STAFF_GROUPS = [MODERATORS, EDITORS, VALIDATORS, EVENT_MANAGERS]
