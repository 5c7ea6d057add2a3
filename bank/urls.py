from django.urls import path

from bank.feeds import NewSolutionsAtomFeed, NewSolutionsFeed

app_name = "bank"
urlpatterns = [
    path("rss/", NewSolutionsFeed(), name="feed_rss"),
    path("atom/", NewSolutionsAtomFeed(), name="feed_atom"),
]
