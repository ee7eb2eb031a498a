"""Pages that `make bench` measures for the site-wide part of the portal, and for the
programme apps of this round, which the bench command's list of apps does not name:
their own `bench.py` says which pages (funding.bench)."""

from funding import bench as funding_bench


def pages() -> list[tuple[str, str]]:
    return [("home (da)", "/"), ("home (en)", "/en/"), *funding_bench.pages()]
