from django.urls import path

from pages import feeds, views

app_name = "pages"

urlpatterns = [
    path("", views.news_list, name="news_list"),
    path("rss/", feeds.page_cached(feeds.NewsRssFeed()), name="news_rss"),
    path("atom/", feeds.page_cached(feeds.NewsAtomFeed()), name="news_atom"),
    path("<slug:slug>/", views.news_detail, name="news_detail"),
]
