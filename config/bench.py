"""Pages that `make bench` measures for the site-wide part of the portal."""


def pages() -> list[tuple[str, str]]:
    return [("home (da)", "/"), ("home (en)", "/en/")]
