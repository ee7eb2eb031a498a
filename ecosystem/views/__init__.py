"""Ecosystem views, split by audience: `directory` (public pages, map, exports) and
`membership` (registering, editing, members, join requests)."""
