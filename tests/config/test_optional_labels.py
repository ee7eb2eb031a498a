"""A field's label says "(optional)" only when leaving it empty is never an error: the
registration form said "Kommune (frivilligt)" and "Kort beskrivelse på dansk (frivilligt)",
and both were required."""

import pytest
from django.utils import translation

from ecosystem.forms import ActorForm, JoinRequestForm
from tests.ecosystem.join_data import actor_data

pytestmark = pytest.mark.django_db


def optional_fields(form) -> list[str]:
    return [field.name for field in form if field.is_optional]


@pytest.mark.parametrize("country", ["DK", "BE"])
def test_every_field_labelled_optional_in_the_actor_form_may_be_left_empty(country):
    abroad = {"municipality": "", "postcode": "1000", "city": "Bruxelles"}
    base = actor_data(country=country, **(abroad if country != "DK" else {}))
    assert ActorForm(data=base).is_valid(), ActorForm(data=base).errors
    for name in optional_fields(ActorForm()):
        for other in ("", "filled"):
            # Empty on its own, and empty while the other fields of a pair/choice are empty too.
            data = {**base, name: ""}
            if other == "":
                data.update({key: "" for key in optional_fields(ActorForm()) if key in data})
            form = ActorForm(data=data)
            form.is_valid()
            assert name not in form.errors, (name, form.errors[name])


def test_fields_required_in_some_cases_are_not_labelled_optional_and_say_when():
    form = ActorForm()
    for name in ("municipality", "short_description_da", "short_description_en"):
        assert not form[name].is_optional
        assert form[name].help_text
    assert form["website"].is_optional  # truly optional fields still say so


def test_the_registration_form_labels_say_what_the_validation_does():
    with translation.override("da"):
        html = str(ActorForm())
    assert "Kommune (frivilligt)" not in html.replace('<span class="weight-normal">', "")
    for label in ("Kommune", "Kort beskrivelse på dansk", "Kort beskrivelse på engelsk"):
        assert f"{label} <span" not in html, label
    assert "Hjemmeside <span" in html  # "(frivilligt)" after a truly optional field


def test_a_form_without_conditional_rules_labels_every_unrequired_field_optional():
    assert optional_fields(JoinRequestForm()) == ["message"]
