from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from reviews import admin_views
from reviews.models import Expert, Rubric
from reviews.selectors import may_manage_reviews


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Рубрики")
    list_display = ["title", "kind", "disagreement_threshold"]
    list_filter = ["kind"]
    search_fields = ["title"]


class ExpertViewSet(SnippetViewSet):
    model = Expert
    icon = "user"
    menu_label = _("Эксперты")
    list_display = [
        "name",
        "position",
        "kind",
        BooleanColumn("active", label=_("Работает")),
        BooleanColumn("name_published", label=_("Имя опубликовано")),
    ]
    list_filter = ["kind", "active"]
    search_fields = ["name", "position"]


class ReviewsViewSetGroup(SnippetViewSetGroup):
    items = (RubricViewSet, ExpertViewSet)
    menu_icon = "tasks"
    menu_label = _("Экспертная оценка")
    menu_order = 330


register_snippet(ReviewsViewSetGroup)


@hooks.register("register_admin_urls")
def register_reviews_urls():
    return [
        path("reviews/", admin_views.reviews_index, name="reviews_admin_index"),
        path("reviews/assign/", admin_views.assign, name="reviews_admin_assign"),
        path(
            "reviews/<int:content_type_id>/<int:object_id>/<slug:action>/",
            admin_views.item_action,
            name="reviews_admin_item_action",
        ),
    ]


class ReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_reviews(user=request.user)


@hooks.register("register_admin_menu_item")
def register_reviews_menu_item():
    return ReviewsMenuItem(_("Экспертиза"), reverse("reviews_admin_index"), icon_name="tasks", order=331)
