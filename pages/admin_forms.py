"""The page editing form shared by the project's pages (`BasePage.base_form_class`).

Wagtail refuses a slug that a sibling already holds and says only that it is taken. The sibling is often a
draft left by an abandoned «add» form, invisible in the menu and the site: the error here names that page,
says whether it is published, and links to it, so the editor can finish, delete or rename it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.models import Page

SLUG_TAKEN = _(
    "Адрес «{slug}» уже занят страницей «{title}» ({status}, последнее изменение {changed}). "
    '<a href="{edit_url}">Откройте её</a>, чтобы опубликовать или удалить, или выберите другой адрес.'
)


def slug_holder(*, slug: str, parent_page: Page | None, page: Page | None) -> Page | None:
    """The sibling page that holds this slug under the parent, if any."""
    if parent_page is None or not slug:
        return None
    siblings = parent_page.get_children()
    if page is not None and page.pk:
        siblings = siblings.not_page(page)
    return siblings.filter(slug=slug).first()


def page_status(page: Page) -> str:
    if page.live:
        return str(_("опубликована"))
    if page.first_published_at:
        return str(_("снята с публикации"))
    return str(_("черновик, ни разу не публиковалась"))


class SlugHolderNamedMixin:
    """Replaces Wagtail's «slug already in use» with an error naming the page that holds the slug."""

    def clean(self):
        slug = self.cleaned_data.get("slug", "")  # Wagtail's clean drops a slug it refuses
        cleaned_data = super().clean()
        holder = slug_holder(slug=slug, parent_page=self.parent_page, page=self.instance)
        if holder is not None and "slug" in self.errors:
            self.errors["slug"] = self.error_class([self.slug_taken_message(holder)])
        return cleaned_data

    @staticmethod
    def slug_taken_message(holder: Page) -> str:
        changed = holder.latest_revision_created_at or holder.last_published_at
        return format_html(
            SLUG_TAKEN,
            slug=holder.slug,
            title=holder.get_admin_display_title(),
            status=page_status(holder),
            changed=date_format(timezone.localtime(changed), "SHORT_DATE_FORMAT") if changed else "—",
            edit_url=reverse("wagtailadmin_pages:edit", args=[holder.pk]),
        )


class BasePageForm(SlugHolderNamedMixin, WagtailAdminPageForm):
    pass


class FormPageForm(SlugHolderNamedMixin, WagtailAdminFormPageForm):
    """The same, for form pages (surveys), which keep Wagtail's checks of their questions."""
