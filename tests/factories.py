from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from ecosystem.models import Actor, Membership, Municipality, User

PASSWORD = "correct-horse-battery-staple"


def _now():
    return timezone.now().replace(microsecond=0)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.dk")
    full_name = factory.Faker("name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        staff = factory.Trait(is_staff=True)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Users can log in: their address is verified unless verified=False."""
        if create:
            obj.save()
            if extracted is not False:
                obj.emailaddress_set.get_or_create(
                    email=obj.email, defaults={"verified": True, "primary": True}
                )

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        if create and extracted:
            for name in extracted:
                obj.groups.add(Group.objects.get(name=name))


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Aktør {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Actor.Kind.SOCIAL_ENTERPRISE
    short_description_da = "En social virksomhed, der skaber job til ledige."
    short_description_en = "A social enterprise that creates jobs for unemployed people."
    role = Actor.Role.PRACTITIONER
    scale = Actor.Scale.LOCAL
    country = "DK"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="101"))
    region = factory.LazyAttribute(lambda o: o.municipality.region if o.municipality else None)
    latitude = factory.LazyAttribute(lambda o: o.municipality.latitude if o.municipality else None)
    longitude = factory.LazyAttribute(
        lambda o: o.municipality.longitude if o.municipality else None
    )
    status = Actor.Status.PUBLISHED

    class Params:
        draft = factory.Trait(status=Actor.Status.DRAFT)
        pending = factory.Trait(status=Actor.Status.PENDING)
        archived = factory.Trait(status=Actor.Status.ARCHIVED)
        abroad = factory.Trait(
            country="BE", municipality=None, region=None, latitude=50.8503, longitude=4.3517
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(ActorFactory)
    role = Membership.Role.OWNER


class EventFactory(factory.django.DjangoModelFactory):
    """A published event a week from now, in Copenhagen, with seats for 20."""

    class Meta:
        model = "policy.Event"
        skip_postgeneration_save = True

    title_da = factory.Sequence(lambda n: f"Rundbord om social innovation {n}")
    title_en = factory.Sequence(lambda n: f"Roundtable on social innovation {n}")
    slug = factory.Sequence(lambda n: f"rundbord-{n}")
    kind = "roundtable"
    description_da = "Beslutningstagere og praktikere mødes om fremtidens velfærd."
    description_en = "Decision makers and practitioners meet on the welfare of the future."
    audience = "decision_makers"
    start = factory.LazyFunction(lambda: _now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    venue_name = "Københavns Rådhus"
    venue_address = "Rådhuspladsen 1, 1550 København V"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="101"))
    latitude = 55.6761
    longitude = 12.5683
    step_free = True
    capacity = 20
    status = "published"

    class Params:
        draft = factory.Trait(status="draft")
        cancelled = factory.Trait(status="cancelled")
        past = factory.Trait(
            start=factory.LazyFunction(lambda: _now() - timedelta(days=30)),
        )
        closed = factory.Trait(needs_approval=True)
        online = factory.Trait(
            venue_name="",
            venue_address="",
            municipality=None,
            latitude=None,
            longitude=None,
            online_url="https://meet.example.dk/hemmeligt-rum",
        )
        full = factory.Trait(capacity=1)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "policy.Registration"

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name", locale="da_DK")
    email = factory.Sequence(lambda n: f"deltager{n}@example.dk")
    organisation = "Aarhus Kommune"
    consent = True
    language = "da"
    status = "confirmed"
    confirmed_at = factory.LazyFunction(lambda: _now())

    class Params:
        unconfirmed = factory.Trait(status="unconfirmed", confirmed_at=None)
        pending = factory.Trait(status="pending", confirmed_at=None)
        waiting = factory.Trait(
            status="waiting", confirmed_at=None, waiting_since=factory.LazyFunction(lambda: _now())
        )
        declined = factory.Trait(status="declined", confirmed_at=None)
        cancelled = factory.Trait(status="cancelled")
        attended = factory.Trait(status="attended")
        decision_maker = factory.Trait(is_decision_maker=True, decision_level="municipal")
