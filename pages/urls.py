from django.urls import path

from common.opendata import urlpatterns_for
from pages import feeds, opendata, views

app_name = "pages"

urlpatterns = [
    path("", views.news_list, name="news_list"),
    *urlpatterns_for(opendata.DATASET),
    path("rss/", feeds.page_cached(feeds.NewsRssFeed()), name="news_rss"),
    path("atom/", feeds.page_cached(feeds.NewsAtomFeed()), name="news_atom"),
    path("<slug:slug>/", views.news_detail, name="news_detail"),
]
