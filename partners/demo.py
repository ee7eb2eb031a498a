"""Demo partners: a dozen approved partners across the tiers, some into their second year
(a renewal two years of history deep), and applications in every other state, from the
demo directory's actors. Idempotent: an actor with an application is left alone."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ecosystem.models import Actor, Membership, Partnership, User
from partners.models import TERM_DAYS, PartnerApplication, PartnerLogEntry, Status, Tier

LogAction = PartnerLogEntry.Action


@dataclass(frozen=True)
class DemoPartner:
    name: str
    tier: str
    fee: int
    in_kind: str = ""
    co_hosts: bool = False
    # Days ago the first term started; over TERM_DAYS means it was renewed once.
    started_days_ago: int = 100
    status: str = Status.APPROVED
    reason: str = ""


PARTNERS = [
    DemoPartner(
        "Aarhus Kommune",
        Tier.STRATEGIC,
        250_000,
        "To konsulenter på halv tid til centrets kommunale netværk.",
        True,
        700,
    ),
    DemoPartner(
        "Region Midtjylland",
        Tier.STRATEGIC,
        300_000,
        "Mødelokaler i Viborg og data om regionale projekter.",
        True,
        690,
    ),
    DemoPartner("Fonden for Socialt Ansvar", Tier.STRATEGIC, 500_000, "", True, 400),
    DemoPartner("Nordlys Fonden", Tier.SUPPORTING, 75_000, "", False, 720),
    DemoPartner(
        "Social Impact Kapital",
        Tier.SUPPORTING,
        50_000,
        "Pro bono-rådgivning om sociale effektobligationer.",
        False,
        340,
    ),
    DemoPartner(
        "Center for Social Innovation, Roskilde Universitet",
        Tier.SUPPORTING,
        0,
        "Forskningsbistand og to gæsteforelæsninger om året.",
        True,
        710,
    ),
    DemoPartner("Region Nordjylland", Tier.SUPPORTING, 100_000, "", True, 120),
    DemoPartner(
        "Kantinen på Havnen",
        Tier.NETWORK,
        0,
        "Forplejning til centrets arrangementer til kostpris.",
        True,
        380,
    ),
    DemoPartner(
        "Foreningen Gadens Stemme",
        Tier.NETWORK,
        0,
        "Erfaringseksperter, der taler ved policylabs.",
        True,
        60,
    ),
    DemoPartner(
        "Kodeværkstedet", Tier.NETWORK, 5_000, "Test af portalens tilgængelighed.", False, 200
    ),
    DemoPartner("Gartneriet Spiren", Tier.NETWORK, 0, "", True, 350),
    DemoPartner(
        "Lektiecaféen Vollsmose",
        Tier.NETWORK,
        0,
        "Frivillige til centrets workshops for unge.",
        True,
        30,
    ),
]

OTHER_STATES = [
    DemoPartner(
        "Foreningen Nye Naboer",
        Tier.NETWORK,
        0,
        "Vi holder et årligt møde om nytilkomne og social innovation.",
        True,
        status=Status.SUBMITTED,
    ),
    DemoPartner("Fonden Hjerterum", Tier.SUPPORTING, 40_000, "", False, status=Status.SUBMITTED),
    DemoPartner(
        "Bageriet Anden Chance",
        Tier.SUPPORTING,
        2_000,
        "",
        False,
        status=Status.RETURNED,
        reason=(
            "En støttepartner bidrager som regel med mere end et symbolsk beløb. Kan din "
            "organisation give et bidrag i form af tid eller lokaler eller søge som "
            "netværkspartner?"
        ),
    ),
    DemoPartner(
        "Kapital til Forandring",
        Tier.STRATEGIC,
        0,
        "",
        False,
        status=Status.REJECTED,
        reason=(
            "Et strategisk partnerskab kræver et årligt bidrag. I er velkomne til at søge "
            "som netværkspartner."
        ),
    ),
    DemoPartner(
        "Hotel Ankeret",
        Tier.NETWORK,
        0,
        "Værelser til besøgende partnere til nedsat pris.",
        False,
        status=Status.WITHDRAWN,
    ),
    DemoPartner("Madhuset Fælles Bord", Tier.NETWORK, 0, "", True, status=Status.DRAFT),
]

MOTIVATION = (
    "Vi vil gerne være med til at bære kompetencecentret videre efter 2027. {name} arbejder "
    "allerede med social innovation, og vi ser et partnerskab som en måde at dele viden, "
    "finde partnere i Europa og gøre vores erfaringer tilgængelige for andre."
)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _owner(actor: Actor) -> User | None:
    membership = (
        Membership.objects.filter(actor=actor, role=Membership.Role.OWNER)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def _application(actor: Actor, spec: DemoPartner, status: str, created: date, **fields):
    application = PartnerApplication.objects.create(
        actor=actor,
        applicant=_owner(actor),
        tier=spec.tier,
        fee_dkk=spec.fee,
        in_kind=spec.in_kind,
        co_hosts_events=spec.co_hosts,
        motivation=MOTIVATION.format(name=actor.name),
        status=status,
        **fields,
    )
    PartnerApplication.objects.filter(pk=application.pk).update(
        created_at=_moment(created), updated_at=_moment(created)
    )
    return application


def _log(application, action: str, old: str, new: str, day: date, note: str = "") -> None:
    entry = PartnerLogEntry.objects.create(
        application=application, action=action, from_status=old, to_status=new, note=note
    )
    PartnerLogEntry.objects.filter(pk=entry.pk).update(created_at=_moment(day))


# Colours of the generated demo logos (dark enough for white letters).
LOGO_COLOURS = ["#004993", "#00794e", "#8a1c4a", "#5b3a8c", "#b34700", "#1f5f6b"]


def _logo(actor: Actor, number: int) -> None:
    """A simple logo for a demo partner without one: its initials on a coloured tile, so
    the partners page shows what it looks like with logos."""
    if actor.logo:
        return
    from PIL import Image, ImageDraw, ImageFont

    initials = "".join(word[0] for word in actor.name.split() if word[:1].isalpha())[:3]
    image = Image.new("RGB", (320, 160), LOGO_COLOURS[number % len(LOGO_COLOURS)])
    draw = ImageDraw.Draw(image)
    draw.text(
        (160, 80), initials.upper(), fill="white", anchor="mm", font=ImageFont.load_default(72)
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    actor.logo.save(f"{actor.slug}.png", ContentFile(buffer.getvalue()), save=False)
    Actor.objects.filter(pk=actor.pk).update(logo=actor.logo.name)


def _approved_term(actor: Actor, spec: DemoPartner, starts_on: date) -> None:
    applied = starts_on - timedelta(days=14)
    partnership = Partnership.objects.create(
        actor=actor,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=TERM_DAYS),
        note=str(Tier(spec.tier).label),
    )
    application = _application(
        actor,
        spec,
        Status.APPROVED,
        applied,
        submitted_at=_moment(applied),
        decided_at=_moment(starts_on),
        partnership=partnership,
    )
    _log(application, LogAction.CREATED, "", Status.DRAFT, applied)
    _log(application, LogAction.SUBMITTED, Status.DRAFT, Status.SUBMITTED, applied)
    _log(application, LogAction.APPROVED, Status.SUBMITTED, Status.APPROVED, starts_on)


def _other(actor: Actor, spec: DemoPartner, today: date) -> None:
    applied = today - timedelta(days=10)
    submitted = spec.status != Status.DRAFT
    application = _application(
        actor,
        spec,
        spec.status,
        applied,
        submitted_at=_moment(applied) if submitted else None,
        decided_at=_moment(today - timedelta(days=3))
        if spec.status in (Status.RETURNED, Status.REJECTED)
        else None,
        decision_reason=spec.reason,
    )
    _log(application, LogAction.CREATED, "", Status.DRAFT, applied)
    if submitted:
        _log(application, LogAction.SUBMITTED, Status.DRAFT, Status.SUBMITTED, applied)
    action = {
        Status.RETURNED: LogAction.RETURNED,
        Status.REJECTED: LogAction.REJECTED,
        Status.WITHDRAWN: LogAction.WITHDRAWN,
    }.get(spec.status)
    if action:
        _log(
            application,
            action,
            Status.SUBMITTED,
            spec.status,
            today - timedelta(days=3),
            spec.reason,
        )


def seed(*, today: date | None = None) -> int:
    """Add the demo partners; returns how many applications were added."""
    today = today or timezone.localdate()
    names = [spec.name for spec in PARTNERS + OTHER_STATES]
    actors = {
        actor.name: actor
        for actor in Actor.objects.published()
        .filter(name__in=names)
        .exclude(partner_applications__isnull=False)
        # The library's demo marks a few actors as partners by hand; leave those alone.
        .exclude(partnerships__isnull=False)
    }
    before = PartnerApplication.objects.count()
    with transaction.atomic():
        for number, spec in enumerate(PARTNERS):
            actor = actors.get(spec.name)
            if actor is None:
                continue
            if number % 4 != 3:  # most partners have a logo; a few show their initial
                _logo(actor, number)
            first = today - timedelta(days=spec.started_days_ago)
            _approved_term(actor, spec, first)
            if spec.started_days_ago > TERM_DAYS:
                # Renewed: the second term follows the first without a gap.
                _approved_term(actor, spec, first + timedelta(days=TERM_DAYS + 1))
        for spec in OTHER_STATES:
            actor = actors.get(spec.name)
            if actor is not None:
                _other(actor, spec, today)
    return PartnerApplication.objects.count() - before
