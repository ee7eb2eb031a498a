"""Open data about the portal's public events (published and cancelled, past and to
come) under CC BY 4.0: CSV, XLSX and JSON through common.opendata. Organisers and
themes come from ARRAY subqueries, so an export is one query whatever its size.
Registrations and online links (for confirmed participants only) are never exported."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from common.opendata import (
    BOOLEAN,
    DATETIME,
    INTEGER,
    LIST,
    NUMBER,
    STRING,
    Column,
    Dataset,
    page_prefix,
    register,
)
from ecosystem.models import Actor, Theme
from policy.models import Event

COLUMNS: tuple[Column, ...] = (
    Column("slug", STRING, _("Stable identifier of the event."), required=True),
    Column("url", STRING, _("Address of the event's page on the portal."), required=True),
    Column("title_da", STRING, _("Title in Danish.")),
    Column("title_en", STRING, _("Title in English.")),
    Column("type", STRING, _("Type of event, as a code."), required=True),
    Column("status", STRING, _("published or cancelled."), required=True),
    Column("start", DATETIME, _("When it starts (ISO 8601, UTC)."), required=True),
    Column("end", DATETIME, _("When it ends (ISO 8601, UTC)."), required=True),
    Column("mode", STRING, _("Attendance: in_person, online or mixed."), required=True),
    Column("language", STRING, _("Language of the event: da or en."), required=True),
    Column("audience", STRING, _("Intended audience, as a code."), required=True),
    Column("venue_name", STRING, _("Venue.")),
    Column("venue_address", STRING, _("Address of the venue.")),
    Column("municipality_code", STRING, _("Danish municipality, as its three-digit code.")),
    Column("region_code", STRING, _("Danish region, as its NUTS 2 code.")),
    Column("latitude", NUMBER, _("Latitude (WGS 84); empty when unknown.")),
    Column("longitude", NUMBER, _("Longitude (WGS 84); empty when unknown.")),
    Column("step_free", BOOLEAN, _("true if the venue has step-free access."), required=True),
    Column("hearing_loop", BOOLEAN, _("true if there is a hearing loop."), required=True),
    Column("quiet_room", BOOLEAN, _("true if there is a quiet room."), required=True),
    Column("capacity", INTEGER, _("Number of seats."), required=True),
    Column("themes", LIST, _("ESF+ policy areas, as codes separated by semicolons.")),
    Column("organisers", LIST, _("Organisers, by name, separated by semicolons.")),
    Column("updated_at", DATETIME, _("When it last changed (ISO 8601, UTC)."), required=True),
)


def public_events(_filters=None) -> QuerySet:
    return Event.objects.public()


def rows(events: QuerySet) -> Iterator[dict]:
    values = (
        events.annotate(
            theme_codes=ArraySubquery(
                Theme.objects.filter(events=OuterRef("pk")).order_by("position").values("slug")
            ),
            organiser_names=ArraySubquery(
                Actor.objects.filter(organised_events=OuterRef("pk"), status="published")
                .order_by("name")
                .values("name")
            ),
        )
        .order_by("-start", "pk")
        .values(
            "slug",
            "title_da",
            "title_en",
            "kind",
            "status",
            "start",
            "end",
            "mode",
            "language",
            "audience",
            "venue_name",
            "venue_address",
            "latitude",
            "longitude",
            "step_free",
            "hearing_loop",
            "quiet_room",
            "capacity",
            "updated_at",
            "theme_codes",
            "organiser_names",
            municipality_code=F("municipality__code"),
            region_code=F("region__code"),
        )  # fmt: skip
    )
    prefix = page_prefix("policy:event_detail")
    for row in values.iterator(chunk_size=1000):
        yield {
            **{column.name: row.get(column.name) for column in COLUMNS},
            "url": f"{prefix}{row['slug']}/",
            "type": row["kind"],
            "title_da": row["title_da"] or None,
            "title_en": row["title_en"] or None,
            "themes": list(row["theme_codes"]),
            "organisers": list(row["organiser_names"]),
        }


DATASET = register(
    Dataset(
        name="events",
        namespace="policy",
        docs="open_data",
        title=_("Events on social innovation"),
        description=_(
            "The centre's events, to come and held: roundtables, policy labs, workshops and "
            "conferences, with time, place, accessibility and organisers."
        ),
        columns=COLUMNS,
        select=public_events,
        rows=rows,
        keywords=("social innovation", "events", "policy labs"),
        position=40,
    )
)
