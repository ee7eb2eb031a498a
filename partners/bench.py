"""Pages that `make bench` measures for the partner programme: the public partners page
(the applicant's pages are bounded by tests instead)."""


def pages() -> list[tuple[str, str]]:
    return [
        ("partners page (da)", "/partnere/"),
        ("partners page (en)", "/en/partners/"),
        ("become a partner", "/partnere/become/"),
    ]
