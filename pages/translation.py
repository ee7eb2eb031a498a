from modeltranslation.translator import TranslationOptions, register

from pages.models import NewsArticle, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(NewsArticle)
class NewsArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
