"""A hand-built set with known overlaps, so the score and its words can be checked by hand.

The subject is Ungdomsbroen, a Danish practitioner working on three themes (employment,
active inclusion, lifelong learning), with children and young people, on SDG 8.

    candidate               role          shares                          open  points
    Fonden for Unge         funder        3 themes, 1 group               yes   9+2+2+3 = 16
    Warsaw Youth Lab (PL)   practitioner  2 themes, 1 group, SDG 8        yes   6+2+1+2 = 11
    Job bridges (a case)    practitioner  2 themes                        yes   6+2     = 8
    Aarhus Universitet      researcher    1 theme                         no    3+3     = 6
    Vestby Kommune          policy maker  nothing (another theme)         yes   not suggested

and, never suggested whatever they share: a draft actor, a pending one, a submitted
case, a validated case without consent to the portal, and a validated case whose lead
organisation is a draft.
"""

import pytest

from ecosystem.models import SDG, Actor, TargetGroup, Theme
from tests.factories import ActorFactory, CaseApplicationFactory, MembershipFactory, UserFactory
from tests.people import stranger  # noqa: F401 - a fixture

EMPLOYMENT = "access-to-employment"
INCLUSION = "active-inclusion"
LEARNING = "lifelong-learning"
DEPRIVATION = "material-deprivation"
YOUNG = "children-and-young-people"


def themes(*slugs):
    return list(Theme.objects.filter(slug__in=slugs))


def groups(*slugs):
    return list(TargetGroup.objects.filter(slug__in=slugs))


def sdgs(*numbers):
    return list(SDG.objects.filter(number__in=numbers))


def actor(name, *, theme_slugs=(), group_slugs=(), sdg_numbers=(), **kwargs):
    found = ActorFactory(name=name, **kwargs)
    found.themes.set(themes(*theme_slugs))
    found.target_groups.set(groups(*group_slugs))
    found.sdgs.set(sdgs(*sdg_numbers))
    return found


def case(lead, title, *, theme_slugs=(), **kwargs):
    return CaseApplicationFactory(actor=lead, title=title, themes=themes(*theme_slugs), **kwargs)


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.dk")


@pytest.fixture
def world(owner):
    subject = actor(
        "Ungdomsbroen",
        slug="ungdomsbroen",
        theme_slugs=(EMPLOYMENT, INCLUSION, LEARNING),
        group_slugs=(YOUNG,),
        sdg_numbers=(8,),
        role=Actor.Role.PRACTITIONER,
    )
    MembershipFactory(actor=subject, user=owner)
    found = {"subject": subject}
    found["funder"] = actor(
        "Fonden for Unge",
        theme_slugs=(EMPLOYMENT, INCLUSION, LEARNING),
        group_slugs=(YOUNG,),
        kind=Actor.Kind.FOUNDATION,
        role=Actor.Role.FUNDER,
        open_to_partnerships=True,
    )
    found["abroad"] = actor(
        "Warsaw Youth Lab",
        theme_slugs=(EMPLOYMENT, INCLUSION),
        group_slugs=(YOUNG,),
        sdg_numbers=(8,),
        kind=Actor.Kind.NGO,
        role=Actor.Role.PRACTITIONER,
        open_to_partnerships=True,
        country="PL",
        municipality=None,
        city="Warszawa",
    )
    found["researcher"] = actor(
        "Aarhus Universitet",
        theme_slugs=(LEARNING,),
        kind=Actor.Kind.UNIVERSITY,
        role=Actor.Role.RESEARCHER,
    )
    found["unrelated"] = actor(
        "Vestby Kommune",
        theme_slugs=(DEPRIVATION,),
        kind=Actor.Kind.MUNICIPALITY,
        role=Actor.Role.POLICY_MAKER,
        open_to_partnerships=True,
    )
    everything = {
        "theme_slugs": (EMPLOYMENT, INCLUSION, LEARNING),
        "group_slugs": (YOUNG,),
        "sdg_numbers": (8,),
        "role": Actor.Role.FUNDER,
        "open_to_partnerships": True,
    }
    found["draft"] = actor("Kladden", draft=True, **everything)
    found["pending"] = actor("Ventende", pending=True, **everything)
    lead = actor("Jobbroen", role=Actor.Role.PRACTITIONER)
    found["case"] = case(
        lead,
        "Job bridges",
        theme_slugs=(EMPLOYMENT, INCLUSION),
        validated=True,
        seeks_partners=True,
        countries=["SE"],
    )
    all_themes = (EMPLOYMENT, INCLUSION, LEARNING)
    found["submitted_case"] = case(lead, "Submitted case", theme_slugs=all_themes, submitted=True)
    found["private_case"] = case(
        lead, "Private case", theme_slugs=all_themes, validated=True, consent_portal=False
    )
    found["draft_lead_case"] = case(
        found["draft"], "Draft lead case", theme_slugs=all_themes, validated=True
    )
    return found
