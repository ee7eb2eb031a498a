from modeltranslation.translator import TranslationOptions, register

from policy.models import Event, Outcome, Recommendation


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
    fallback_undefined = {"description": ""}


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ("summary",)
    fallback_undefined = {"summary": ""}


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "text")
    fallback_undefined = {"text": ""}
