from modeltranslation.translator import TranslationOptions, register

from ecosystem.models import SDG, Actor, Municipality, Region, TargetGroup, Theme


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(SDG)
class SDGTranslation(TranslationOptions):
    fields = ("name",)


@register(Actor)
class ActorTranslation(TranslationOptions):
    fields = ("short_description", "description", "partnership_text")
    fallback_undefined = {"short_description": "", "description": "", "partnership_text": ""}
