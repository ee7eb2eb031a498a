"""One unsaved demo actor, built deterministically so actor i is the same in every run."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from ecosystem.demo.content import (
    CLAUSES,
    DEFAULT_ROLE,
    DEFAULT_SCALE,
    FOCUS,
    FOUNDED,
    KIND_PARAGRAPHS,
    METHODS,
    PARTNERSHIP_TEXTS,
)
from ecosystem.demo.curated import Spec, slug_for
from ecosystem.demo.places import ABROAD, MUNICIPALITY_WEIGHTS, POSTCODES, STREETS
from ecosystem.demo.words import (
    ABROAD_NOUNS,
    ABROAD_QUALIFIERS,
    ENTERPRISE_NOUNS,
    FIRST_NAMES,
    FOCUS_BY_KIND,
    GENERATED_KINDS,
    INSTITUTIONS,
    NGO_NOUNS,
    OTHER_NOUNS,
    PRACTITIONER_FOCUS,
    PRACTITIONER_NOUNS,
    QUALIFIERS,
    RSV_NOUNS,
    SURNAMES,
    TOPICS,
    TRADES,
    UNITS,
)
from ecosystem.models import SDG, Actor, Municipality, TargetGroup, Theme

SEED = 2026

Kind = Actor.Kind
Status = Actor.Status
Role = Actor.Role
Scale = Actor.Scale


def valid_cvr(prefix: int) -> str | None:
    """The CVR number with these 7 digits and a modulus-11 check digit, or None if none fits.

    CVR weights are 2,7,6,5,4,3,2,1 and the weighted sum must be a multiple of 11.
    """
    digits = [int(d) for d in str(prefix)]
    if len(digits) != 7 or digits[0] == 0:
        return None
    check = -sum(w * d for w, d in zip((2, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
    return None if check == 10 else f"{prefix}{check}"


@dataclass
class Reference:
    """The reference data the builders need, loaded once."""

    municipalities: dict[str, Municipality]  # by Danish name
    weighted_municipalities: list[Municipality]
    themes: dict[str, int]
    target_groups: dict[str, int]
    sdgs: dict[int, int]
    target_group_names: dict[str, tuple[str, str]]

    @classmethod
    def load(cls) -> Reference:
        municipalities = list(Municipality.objects.select_related("region").order_by("code"))
        weighted = [m for m in municipalities for _ in range(MUNICIPALITY_WEIGHTS.get(m.code, 1))]
        return cls(
            municipalities={m.name_da: m for m in municipalities},
            weighted_municipalities=weighted,
            themes=dict(Theme.objects.values_list("slug", "pk")),
            target_groups=dict(TargetGroup.objects.values_list("slug", "pk")),
            sdgs=dict(SDG.objects.values_list("number", "pk")),
            target_group_names={
                slug: (da, en)
                for slug, da, en in TargetGroup.objects.values_list("slug", "name_da", "name_en")
            },
        )


@dataclass
class Row:
    """An actor not yet saved, with the ids of its themes, target groups and SDGs."""

    actor: Actor
    themes: set[int] = field(default_factory=set)
    target_groups: set[int] = field(default_factory=set)
    sdgs: set[int] = field(default_factory=set)


def _place(actor: Actor, place: str, rng: random.Random, ref: Reference) -> None:
    """Put the actor in its municipality (near the centre) or in its city abroad."""
    if place in ABROAD:
        country, lat, lon, postcode, address = ABROAD[place]
        actor.country, actor.city, actor.postcode, actor.address = country, place, postcode, address
        actor.latitude = round(lat + rng.uniform(-0.01, 0.01), 5)
        actor.longitude = round(lon + rng.uniform(-0.015, 0.015), 5)
        return
    municipality = ref.municipalities[place]
    actor.country = "DK"
    actor.municipality, actor.region = municipality, municipality.region
    actor.postcode, actor.city = rng.choice(POSTCODES[municipality.code])
    actor.address = f"{rng.choice(STREETS)} {rng.randint(1, 120)}"
    # A small jitter, so actors of one town do not share one pin; well inside Denmark.
    actor.latitude = round(municipality.latitude + rng.uniform(-0.006, 0.006), 5)
    actor.longitude = round(municipality.longitude + rng.uniform(-0.009, 0.009), 5)


def _contact(actor: Actor, rng: random.Random) -> None:
    domain = f"example-{actor.slug[:40].strip('-')}.{'dk' if actor.country == 'DK' else 'eu'}"
    actor.website = f"https://www.{domain}"
    actor.email = f"{rng.choice(['kontakt', 'info', 'hej', 'post'])}@{domain}"


def _dates(actor: Actor, rng: random.Random) -> None:
    """Published actors were reviewed once; pending ones have waited a varied number of days."""
    now = timezone.now()
    if actor.status in (Status.PUBLISHED, Status.ARCHIVED):
        actor.published_at = now - timedelta(days=rng.randint(14, 900), hours=rng.randint(0, 23))
        actor.submitted_at = actor.published_at - timedelta(days=rng.randint(1, 6))
    elif actor.status == Status.PENDING:
        actor.submitted_at = now - timedelta(days=rng.choice([0, 1, 2, 4, 6, 9, 14, 21]))


def _links(row: Row, focus: Iterable[str], ref: Reference) -> None:
    for key in focus:
        themes, groups, sdgs = FOCUS[key]
        row.themes.update(ref.themes[slug] for slug in themes)
        row.target_groups.update(ref.target_groups[slug] for slug in groups)
        row.sdgs.update(ref.sdgs[number] for number in sdgs)


def _group_names(focus: Iterable[str], ref: Reference) -> tuple[str, str]:
    slugs = list(dict.fromkeys(slug for key in focus for slug in FOCUS[key][1]))
    if not slugs:
        return "", ""
    da = [ref.target_group_names[s][0].lower() for s in slugs]
    en = [ref.target_group_names[s][1] for s in slugs]
    en = [n if n == "Roma" else n[0].lower() + n[1:] for n in en]

    def join(names: list[str], word: str) -> str:
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"

    return (
        f"Indsatsen retter sig særligt mod {join(da, 'og')}.",
        f"Our work is aimed in particular at {join(en, 'and')}.",
    )


def curated_row(spec: Spec, rng: random.Random, ref: Reference) -> Row:
    actor = Actor(
        name=spec.name,
        slug=spec.slug,
        kind=spec.kind,
        role=spec.role or DEFAULT_ROLE.get(spec.kind, Role.PRACTITIONER),
        scale=spec.scale or DEFAULT_SCALE.get(spec.kind, Scale.LOCAL),
        status=spec.status,
        rejection_reason=spec.rejection,
    )
    _place(actor, spec.place, rng, ref)
    _contact(actor, rng)
    low, high = FOUNDED[spec.kind]
    actor.founded_year = spec.founded or rng.randint(low, high)
    paragraph_da, paragraph_en = KIND_PARAGRAPHS[spec.kind]
    groups_da, groups_en = _group_names(spec.focus, ref)
    if spec.short_da:
        actor.short_description_da = spec.short_da
        actor.description_da = spec.long_da or " ".join(
            part for part in (spec.short_da, paragraph_da, groups_da) if part
        )
    if spec.short_en:
        actor.short_description_en = spec.short_en
        actor.description_en = spec.long_en or " ".join(
            part for part in (spec.short_en, paragraph_en, groups_en) if part
        )
    if spec.partners:
        da, en = (
            spec.partners if isinstance(spec.partners, tuple) else rng.choice(PARTNERSHIP_TEXTS)
        )
        actor.open_to_partnerships = True
        actor.partnership_text_da = da if spec.short_da else None
        actor.partnership_text_en = en if spec.short_en else None
    _dates(actor, rng)
    row = Row(actor)
    _links(row, spec.focus, ref)
    if spec.kind == Kind.NETWORK:
        row.sdgs.add(ref.sdgs[17])
    return row


def _generated_name(kind: str, rng: random.Random, city: str, region: str) -> str:
    q = rng.choice(QUALIFIERS)
    if kind == Kind.SOCIAL_ENTERPRISE:
        return f"{rng.choice(ENTERPRISE_NOUNS)} {q}"
    if kind == Kind.RSV:
        return f"{rng.choice(RSV_NOUNS)} {q} ApS"
    if kind == Kind.NGO:
        return f"{rng.choice(NGO_NOUNS)} {q}"
    if kind == Kind.FOUNDATION:
        surname = rng.choice(SURNAMES)
        return rng.choice(
            [
                f"Fonden {q}",
                f"{surname}s Fond",
                f"{rng.choice(FIRST_NAMES)} og {rng.choice(FIRST_NAMES)} {surname}s Fond",
            ]
        )
    if kind == Kind.SOCIAL_INVESTOR:
        return rng.choice([f"Investeringsfonden {q}", f"{q} Social Kapital", f"{q} Impact"])
    if kind == Kind.KNOWLEDGE_CENTRE:
        topic = rng.choice(TOPICS)
        return rng.choice(
            [f"Center for {topic} {city}", f"Videnscenter for {topic}", f"Udviklingscentret {q}"]
        )
    if kind == Kind.BUSINESS:
        return f"{rng.choice(SURNAMES)} {rng.choice(TRADES)} {rng.choice(['ApS', 'A/S'])}"
    if kind == Kind.NETWORK:
        topic = rng.choice(TOPICS)
        return rng.choice(
            [
                f"Netværk for {topic} {region}",
                f"Partnerskabet for {topic} i {city}",
                f"Alliancen {q}",
            ]
        )
    return f"{rng.choice(OTHER_NOUNS)} {q}"


def generated_row(number: int, ref: Reference) -> Row:
    """Generated actor `number`: the same actor whenever it is asked for."""
    rng = random.Random(f"{SEED}-{number}")
    kind = rng.choices(list(GENERATED_KINDS), weights=list(GENERATED_KINDS.values()))[0]
    abroad = rng.random() < 0.015
    if abroad and kind == Kind.RSV:
        kind = Kind.SOCIAL_ENTERPRISE  # the RSV register is Danish
    focus = rng.sample(FOCUS_BY_KIND.get(kind, PRACTITIONER_FOCUS), k=rng.choice([1, 1, 2]))
    actor = Actor(kind=kind)
    if abroad:
        city = rng.choice(list(ABROAD))
        name = f"{rng.choice(ABROAD_QUALIFIERS)} {rng.choice(ABROAD_NOUNS)} {city}"
        _place(actor, city, rng, ref)
        region_da = region_en = city
    elif kind == Kind.UNIVERSITY:
        institution, places = rng.choice(INSTITUTIONS)
        name = f"{rng.choice(UNITS)} {rng.choice(TOPICS)}, {institution}"
        _place(actor, rng.choice(places), rng, ref)
    else:
        municipality = rng.choice(ref.weighted_municipalities)
        _place(actor, municipality.name_da, rng, ref)
        name = None
    if not abroad:
        region_da = actor.region.name_da.removeprefix("Region ")
        region_en = actor.region.name_en
        if name is None:
            name = _generated_name(kind, rng, actor.city, region_da)
    actor.name = name
    actor.slug = f"{slug_for(name)[:190]}-{number + 1}"
    actor.role = DEFAULT_ROLE.get(kind, Role.PRACTITIONER)
    actor.scale = Scale.INTERNATIONAL if abroad else DEFAULT_SCALE.get(kind, Scale.LOCAL)
    actor.status = rng.choices(
        [Status.PUBLISHED, Status.PENDING, Status.DRAFT, Status.ARCHIVED], weights=[92, 4, 3, 1]
    )[0]
    low, high = FOUNDED[kind]
    actor.founded_year = rng.randint(low, high)
    if rng.random() < 0.7:
        _contact(actor, rng)

    clauses = [CLAUSES[key] for key in focus]
    while True:  # both activities if the sentence fits the 300 characters, else the first
        short_da, short_en = _lead(
            kind,
            name,
            actor.city,
            region_da,
            region_en,
            " og ".join(c[0] for c in clauses),
            " and ".join(c[1] for c in clauses),
            " and ".join(c[2] for c in clauses),
            abroad,
        )
        if len(clauses) == 1 or max(len(short_da), len(short_en)) <= 300:
            break
        clauses = clauses[:1]
    method_da, method_en = rng.choice(METHODS)
    paragraph_da, paragraph_en = KIND_PARAGRAPHS[kind]
    groups_da, groups_en = _group_names(focus, ref)
    language = rng.choices(["both", "da", "en"], weights=[95, 3, 2])[0]
    if abroad:
        language = "en"
    if language != "en":
        actor.short_description_da = short_da
        actor.description_da = " ".join(
            p for p in (short_da, paragraph_da, method_da, groups_da) if p
        )
    if language != "da":
        actor.short_description_en = short_en
        actor.description_en = " ".join(
            p for p in (short_en, paragraph_en, method_en, groups_en) if p
        )
    if rng.random() < 0.25:
        da, en = rng.choice(PARTNERSHIP_TEXTS)
        actor.open_to_partnerships = True
        actor.partnership_text_da = da if language != "en" else None
        actor.partnership_text_en = en if language != "da" else None
    cvr_chance = {Kind.RSV: 0.9, Kind.BUSINESS: 0.6, Kind.FOUNDATION: 0.4}.get(kind, 0.1)
    if not abroad and rng.random() < cvr_chance:
        # 6xxxxxxx: far above the numbers issued so far, so no real company is named.
        actor.cvr = valid_cvr(6_000_000 + number) or ""
    _dates(actor, rng)
    row = Row(actor)
    _links(row, ["finance", *focus] if kind == Kind.SOCIAL_INVESTOR else focus, ref)
    if rng.random() < 0.3:
        row.sdgs.add(ref.sdgs[rng.randint(1, 17)])
    return row


def _lead(kind, name, city, region_da, region_en, da, en_s, en_p, abroad) -> tuple[str, str]:
    """The first sentence of a generated actor's description, in Danish and English."""
    if abroad:
        return (
            f"{name} er en organisation i {city}, der {da}.",
            f"{name} is an organisation in {city} that {en_s}.",
        )
    if kind in PRACTITIONER_NOUNS:
        noun_da, noun_en = PRACTITIONER_NOUNS[kind]
        return (
            f"{name} er {noun_da} i {city}, der {da}.",
            f"{name} is {noun_en} in {city} that {en_s}.",
        )
    templates = {
        Kind.FOUNDATION: ("støtter projekter, der", "funds projects that"),
        Kind.SOCIAL_INVESTOR: ("investerer i virksomheder, der", "invests in businesses that"),
        Kind.KNOWLEDGE_CENTRE: (
            "samler og deler viden om indsatser, der",
            "gathers and shares knowledge about initiatives that",
        ),
        Kind.UNIVERSITY: ("forsker i indsatser, der", "researches initiatives that"),
        Kind.NETWORK: (
            f"samler organisationer i {region_da}, der",
            f"brings together organisations in {region_en} that",
        ),
    }
    lead_da, lead_en = templates[kind]
    return f"{name} {lead_da} {da}.", f"{name} {lead_en} {en_p}."
