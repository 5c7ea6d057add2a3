"""The bank's tags: the keywords of solutions, typed freely by editors and translated like the taxonomies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class BankTag(TranslatableMixin, TagBase):
    """A keyword of the bank. Solutions, in either language, point at the Russian tag (a tag typed in the admin
    is made in the site's language, Wagtail's default locale); an editor translates it as a snippet, and the
    English site reads the translation's name. A translation keeps its source's slug, which the bank's tag
    filter reads, so a tag link works in both languages."""

    # Unique within a language, not across them: "python" is the same word in both.
    name = models.CharField(_("название"), max_length=100, help_text=_("Как метка показывается посетителям."))
    slug = models.SlugField(
        _("адрес в ссылках"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Используется в адресах фильтра по метке; заполняется сам по названию."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta:
        ordering = ["name"]
        unique_together = [*TranslatableMixin.Meta.unique_together, ("name", "locale"), ("slug", "locale")]
        verbose_name = _("метка")
        verbose_name_plural = _("метки")


class _SourceTagsManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        # A tag typed by name is the Russian one, never a translation that happens to share its name.
        return super()._to_tag_model_instances(tags, {"locale__language_code": settings.LANGUAGE_CODE, **tag_kwargs})


class SourceTaggableManager(ClusterTaggableManager):
    """Wagtail's tags of a page (modelcluster's), whose names are looked up among the tags in the site's
    language: a page is tagged with the Russian tags, whatever its own language."""

    def __get__(self, instance, model):
        return _SourceTagsManager(through=self.through, model=model, instance=instance, prefetch_cache_name=self.name)
