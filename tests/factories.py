import factory
from django.utils import timezone
from django.utils.text import slugify

from ecosystem.models import Actor, Membership, Municipality, User

PASSWORD = "correct-horse-battery-staple"


def _now():
    return timezone.now()


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
