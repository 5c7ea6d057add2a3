"""RSS and Atom feeds of new solutions: only what the requesting visitor may see, students only with consent."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from bank.selectors import solutions_newest


class NewSolutionsFeed(Feed):
    title = _("Новые проектные решения")
    description = _("Открытый банк проектных решений коворкинга: новые публикации.")
    link = "/"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def items(self):
        return solutions_newest(user=self.request.user, limit=30)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [*item.subject_names, *item.tag_names]


class NewSolutionsAtomFeed(NewSolutionsFeed):
    feed_type = Atom1Feed
    subtitle = NewSolutionsFeed.description
