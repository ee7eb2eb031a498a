"""Views for members of organisations: register, edit, invite, join."""
