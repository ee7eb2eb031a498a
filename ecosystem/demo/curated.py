"""The hand-made demo actors people click through, with their story connections and members:
the data of demo_data/actors.yaml, read into `Spec`s."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from common import demodata
from ecosystem.models import Actor, Connection

Kind = Actor.Kind
Status = Actor.Status
Scale = Actor.Scale
Link = Connection.Kind

MEMBER_EMAIL = "medlem@demo.socialinnovation.dk"

DATA = demodata.load(__file__, "actors")

# More organisation members besides the one the command always makes: (e-mail, full name).
EXTRA_MEMBERS = [tuple(row) for row in DATA["extra_members"]]
# Who belongs to which demo actor: (e-mail, actor slug, role).
MEMBERSHIPS = [tuple(row) for row in DATA["memberships"]]
# Connections between curated actors that tell a story: (from slug, kind, to slug).
STORY_CONNECTIONS = [tuple(row) for row in DATA["story_connections"]]

_DANISH_LETTERS = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "Æ": "Ae",
        "Ø": "Oe",
        "Å": "Aa",
        "ł": "l",
        "Ł": "L",
        "&": " og ",
    }
)


def slug_for(name: str) -> str:
    """The slug a demo actor gets: readable Danish, like the slugs of registered actors."""
    return slugify(name.translate(_DANISH_LETTERS))[:200].strip("-")


@dataclass(frozen=True)
class Spec:
    """One curated actor. `place` is a municipality's Danish name or a city in ABROAD."""

    name: str
    kind: str
    place: str
    short_da: str | None
    short_en: str | None
    focus: tuple[str, ...] = ()
    long_da: str | None = None
    long_en: str | None = None
    status: str = Status.PUBLISHED
    founded: int | None = None
    cvr: bool = False
    partners: bool | tuple[str, str] = False
    scale: str | None = None
    role: str | None = None
    rejection: str = ""

    @property
    def slug(self) -> str:
        return slug_for(self.name)


def _spec(row: dict) -> Spec:
    """A curated actor from its data: focus is a space-separated list of FOCUS keys."""
    fields = {**row, "focus": tuple(row.get("focus", "").split())}
    if isinstance(fields.get("partners"), list):
        fields["partners"] = tuple(fields["partners"])
    return Spec(**fields)


def municipal_specs() -> list[Spec]:
    """The municipalities that take part, each with its initiative (by number)."""
    specs = []
    for place, name, initiative, open_to in DATA["municipal_actors"]:
        work = DATA["municipal_initiatives"][initiative]
        specs.append(
            Spec(
                name,
                Kind.MUNICIPALITY,
                place,
                f"{name} {work['da']}.",
                f"{name} {work['en']}.",
                tuple(work["focus"].split()),
                partners=open_to,
                founded=2003 if place == "Bornholm" else 2007,
            )
        )
    return specs


def curated_specs() -> list[Spec]:
    """The hand-made demo set, in a fixed order (the random stream depends on it)."""
    regions = [_spec(row) for row in DATA["regions"]]
    return regions + municipal_specs() + [_spec(row) for row in DATA["others"]]
