from modeltranslation.translator import TranslationOptions, register

from funding.models import FundingOpportunity


@register(FundingOpportunity)
class FundingOpportunityTranslation(TranslationOptions):
    fields = ("title", "description")
    fallback_undefined = {"description": ""}
