from django.urls import path
from django.views.decorators.http import require_safe

from common.opendata import public_data, urlpatterns_for
from common.pagecache import public_page
from resources import feeds, opendata, views
from resources.facets import GENERATION

app_name = "resources"

urlpatterns = [
    path("", views.index, name="index"),
    path("collections/", views.collection_list, name="collections"),
    path("collections/<slug:slug>/", views.collection_detail, name="collection"),
    path(
        "feed/",
        require_safe(public_data(public_page(GENERATION)(feeds.LatestResourcesFeed()))),
        name="feed",
    ),
    path(
        "feed/atom/",
        require_safe(public_data(public_page(GENERATION)(feeds.LatestResourcesAtomFeed()))),
        name="feed_atom",
    ),
    *urlpatterns_for(opendata.DATASET),
    path("open-data/", views.open_data, name="open_data"),
    # The resource's own pages last, so the paths above are not taken as slugs.
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/files/<int:file_id>/", views.download, name="download"),
]
