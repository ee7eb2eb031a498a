"""What the home page shows from the database: the figures and the newest of each app.

Six queries whatever the data: three for the figures and one for each list. The page is
served from the page cache under every app's generation, and stored for at most
HOME_STORE_SECONDS, since "upcoming" moves with the clock and not only with the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from ecosystem.models import Actor
from policy.models import Event, Registration
from resources.models import Resource
from validation.models import CaseApplication

LIST_LENGTH = 3
HOME_STORE_SECONDS = 600


@dataclass(frozen=True)
class Figures:
    actors: int
    municipalities: int
    validated_cases: int
    decision_makers: int


def figures() -> Figures:
    actors = Actor.objects.published().aggregate(
        actors=Count("pk"), municipalities=Count("municipality", distinct=True)
    )
    return Figures(
        actors=actors["actors"],
        municipalities=actors["municipalities"],
        validated_cases=CaseApplication.objects.public().count(),
        # Decision makers who took part: registrations marked attended.
        decision_makers=Registration.objects.filter(
            status=Registration.Status.ATTENDED, is_decision_maker=True
        ).count(),
    )


def latest_cases() -> list:
    return list(
        CaseApplication.objects.public()
        .select_related("actor")
        .only("title", "slug", "summary", "validated_at", "actor__name", "actor__slug")
        .order_by("-validated_at", "-pk")[:LIST_LENGTH]
    )


def upcoming_events() -> list:
    return list(
        Event.objects.published()
        .filter(end__gte=timezone.now())
        .only("title_da", "title_en", "slug", "start", "end", "kind", "status")
        .order_by("start", "pk")[:LIST_LENGTH]
    )


def new_resources() -> list:
    return list(
        Resource.objects.published()
        .only("title", "slug", "summary", "kind", "access", "language", "published_on")
        .order_by("-published_on", "-pk")[:LIST_LENGTH]
    )
