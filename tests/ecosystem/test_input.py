"""Hostile text: control and direction characters, sizes, and how much an error repeats."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from ecosystem import services, staff
from ecosystem.models import Actor
from tests.ecosystem.join_data import actor_data
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/en/actors/register/"


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.mark.parametrize("field", ["name", "city", "address", "phone"])
@pytest.mark.parametrize("bad", ["\r\n", "\n", "\x1b[31m", "\x07"])
def test_a_single_line_field_refuses_control_characters(client, member, field, bad):
    value = {"name": "Grøn", "city": "Aarhus", "address": "Vej 1", "phone": "+45 12 34"}[field]
    response = client.post(REGISTER, actor_data(**{field: value + bad + "Bcc: x@evil"}))
    assert response.status_code == 200
    assert "Write this on one line, without control characters." in response.content.decode()
    assert not Actor.objects.exists()


def test_direction_overrides_are_removed_from_names_and_cities(client, member):
    response = client.post(
        REGISTER,
        actor_data(name="Gr\u202eøn Omstilling", city="Aar\u2066hus C", description_da="a\u202eb"),
    )
    assert response.status_code == 302
    actor = Actor.objects.get()
    assert (actor.name, actor.city, actor.description_da) == ("Grøn Omstilling", "Aarhus C", "ab")


def test_a_moderators_mail_subject_is_one_line_whatever_the_name_holds(
    django_capture_on_commit_callbacks,
):
    """A name stored before the check existed cannot add a header or a second line."""
    UserFactory(email="mod@example.dk", staff=True, groups=[staff.MODERATORS])
    actor = ActorFactory(name="Før\r\nBcc: x@evil.example", draft=True)
    owner = MembershipFactory(actor=actor).user
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_actor(actor=actor, action="submit", by=owner, language="en")
    (message,) = mail.outbox
    assert message.subject.startswith("New organisation waiting for review: Før")
    assert "\n" not in message.subject and "\r" not in message.subject
    # The whole name stays in the subject, folded to one line; it adds no header.
    assert message.subject == "New organisation waiting for review: Før Bcc: x@evil.example"
    assert message.message()["Bcc"] is None and message.recipients() == ["mod@example.dk"]


def test_a_description_of_a_million_characters_is_refused_by_form_and_database(client, member):
    response = client.post(REGISTER, actor_data(description_da="x" * 1_000_000))
    assert response.status_code == 200
    html = response.content.decode()
    assert "at most 5000 characters" in html
    assert not Actor.objects.exists()
    actor = ActorFactory()
    for column in ("description_da", "description_en", "rejection_reason"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Actor.objects.filter(pk=actor.pk).update(**{column: "x" * 5001})


def test_every_text_field_of_the_portals_models_has_a_maximum_length():
    from django.apps import apps
    from django.db import models

    for model in apps.get_app_config("ecosystem").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField | models.TextField):
                assert field.max_length, f"{model.__name__}.{field.name} has no max_length"


def test_an_invalid_choice_error_repeats_only_a_short_prefix(client, member):
    junk = "Z" * 1_000_000
    response = client.post(REGISTER, actor_data(kind=junk, themes=[junk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html
    assert "Z" * 41 not in html
    assert len(html) < 200_000


def test_the_directory_filter_errors_repeat_only_a_short_prefix(client):
    import re

    html = client.get("/en/actors/", {"kind": "Q" * 100_000}).content.decode()
    errors = re.findall(r'class="form-error-message"[^>]*>(.*?)</span>\s*<', html)
    assert errors and all("Q" * 41 not in error for error in errors)
