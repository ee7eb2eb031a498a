import datetime
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from ecosystem.models import Actor, Membership, Municipality, Partnership, User
from pages.models import NewsArticle
from resources import services
from resources.documents import make_pdf
from resources.models import Collection, CollectionItem, Resource

PASSWORD = "correct-horse-battery-staple"


def _now():
    return timezone.now()


def _now_to_the_second():
    """Now without microseconds: what an event's times are compared with."""
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
    def staff_mfa(obj, create, extracted, **kwargs):
        """`staff_mfa=True`: staff who may reach the admin, with a second factor (TOTP)."""
        if create and extracted:
            from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

            obj.is_staff = True
            obj.save(update_fields=["is_staff"])
            TOTP.activate(obj, generate_totp_secret())

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


class PartnershipFactory(factory.django.DjangoModelFactory):
    """A partnership that holds today unless `lapsed=True` (ended yesterday)."""

    class Meta:
        model = Partnership

    actor = factory.SubFactory(ActorFactory)
    starts_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    ends_on = None

    class Params:
        lapsed = factory.Trait(
            starts_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=400)
            ),
            ends_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=1)
            ),
        )


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Vejledning om social innovation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "En kort vejledning til kommuner, der vil arbejde med social innovation."
    body = "## Indledning\n\nSådan kommer I i gang."
    kind = Resource.Kind.GUIDE
    language = Resource.Language.DANISH
    published_on = datetime.date(2024, 5, 1)
    status = Resource.Status.PUBLISHED
    access = Resource.Access.PUBLIC

    class Params:
        draft = factory.Trait(status=Resource.Status.DRAFT)
        archived = factory.Trait(status=Resource.Status.ARCHIVED)
        registered = factory.Trait(access=Resource.Access.REGISTERED)
        partners = factory.Trait(access=Resource.Access.PARTNERS)
        staff_only = factory.Trait(access=Resource.Access.STAFF)

    @factory.post_generation
    def with_file(obj, create, extracted, **kwargs):
        """with_file=True (or a list of paragraphs) adds a PDF made from that text."""
        if create and extracted:
            paragraphs = extracted if isinstance(extracted, list) else ["Et eksempel."]
            add_pdf(obj, paragraphs)


def upload(name: str, content: bytes, kind: str) -> SimpleUploadedFile:
    """A checked upload as the admin's form hands it to the services."""
    handle = SimpleUploadedFile(name, content)
    handle.kind = kind
    return handle


def add_pdf(resource: Resource, paragraphs: list[str], *, name: str = "rapport.pdf"):
    content = make_pdf(resource.title, paragraphs)
    return services.add_file(
        resource=resource, upload=upload(name, content, "pdf"), original_name=name
    )


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    title_da = factory.Sequence(lambda n: f"Samling {n}")
    title_en = factory.Sequence(lambda n: f"Collection {n}")
    slug = factory.Sequence(lambda n: f"samling-{n}")
    introduction_da = "Ressourcer udvalgt af kompetencecentret."
    introduction_en = "Resources chosen by the competence centre."
    is_published = True


class CollectionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectionItem

    collection = factory.SubFactory(CollectionFactory)
    resource = factory.SubFactory(ResourceFactory)
    position = factory.Sequence(lambda n: n)


class CaseApplicationFactory(factory.django.DjangoModelFactory):
    """A complete application (nothing missing) in the state its trait names; a draft by
    default."""

    class Meta:
        model = "validation.CaseApplication"
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    creation_token = factory.Faker("uuid4", cast_to=None)
    slug = factory.Sequence(lambda n: f"case-{n}")
    title = factory.Sequence(lambda n: f"Job bridges for young people {n}")
    summary = "Young people on benefits get a mentor and a job in a local business."
    problem = "Young people without education are far from the labour market."
    solution = "A mentor from a local business follows each young person for a year."
    results = "Two in three found a job or started an education."
    lessons = "Mentors need training and time from their employer."
    countries = factory.LazyFunction(lambda: ["DK"])
    level = "local"
    stage = "implemented"
    start_year = 2021
    contact_name = "Mette Jensen"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.dk")
    consent_portal = True
    consent_sim = True
    status = "draft"

    class Params:
        submitted = factory.Trait(status="submitted", submitted_at=factory.LazyFunction(_now))
        in_review = factory.Trait(status="in_review", submitted_at=factory.LazyFunction(_now))
        changes_requested = factory.Trait(status="changes_requested")
        resubmitted = factory.Trait(status="resubmitted", submitted_at=factory.LazyFunction(_now))
        validated = factory.Trait(status="validated", validated_at=factory.LazyFunction(_now))
        published = factory.Trait(
            status="published",
            validated_at=factory.LazyFunction(_now),
            sim_url="https://ec.europa.eu/social-innovation-match/case/1",
        )
        rejected = factory.Trait(status="rejected")
        withdrawn = factory.Trait(status="withdrawn")

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        from ecosystem.models import Theme

        if create:
            obj.themes.set(extracted if extracted is not None else Theme.objects.all()[:1])


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
    start = factory.LazyFunction(lambda: _now_to_the_second() + timedelta(days=7))
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
            start=factory.LazyFunction(lambda: _now_to_the_second() - timedelta(days=30)),
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
    confirmed_at = factory.LazyFunction(lambda: _now_to_the_second())

    class Params:
        unconfirmed = factory.Trait(status="unconfirmed", confirmed_at=None)
        pending = factory.Trait(status="pending", confirmed_at=None)
        waiting = factory.Trait(
            status="waiting",
            confirmed_at=None,
            waiting_since=factory.LazyFunction(lambda: _now_to_the_second()),
        )
        declined = factory.Trait(status="declined", confirmed_at=None)
        cancelled = factory.Trait(status="cancelled")
        attended = factory.Trait(status="attended")
        decision_maker = factory.Trait(is_decision_maker=True, decision_level="municipal")


def published_article() -> NewsArticle:
    """A news article in both languages, published yesterday."""
    return NewsArticle.objects.create(
        slug="fem-cases",
        title_da="Fem cases valideret",
        title_en="Five cases validated",
        summary_da="Kort om casene.",
        summary_en="In short.",
        body_da="Tekst.",
        body_en="Text.",
        published_at=timezone.now() - timedelta(days=1),
    )
