"""What the bank search reads instead of the wide page tables: one narrow row per solution, facet totals,
and the version token that cached searches are keyed by."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from search.fields import IntegerListField


class SolutionRow(models.Model):
    """One narrow row per solution: what the bank search filters, ranks and counts on.

    The page tables are wide (StreamField text, tree columns) and a broad query matches tens of thousands of
    solutions, so visibility, facet filters and facet counts read this table alone. `bank.search.rows`
    keeps it in step with the page (save, publish, unpublish, move, view restrictions, bulk indexing,
    `update_index`).
    On PostgreSQL the row also holds the solution's full-text vectors (`document`, `title_document`,
    added outside the model by migration search/0002, which created this table, and copied from Wagtail's
    index), so the match runs on this table's GIN index without reading Wagtail's index rows, which also
    carry the raw texts.
    """

    page = models.OneToOneField(
        "bank.SolutionPage", on_delete=models.CASCADE, primary_key=True, related_name="search_row"
    )
    live = models.BooleanField(default=False)
    restricted = models.BooleanField(default=False)  # a Wagtail view restriction on the page or an ancestor
    path = models.CharField(max_length=255)
    audience = models.CharField(max_length=32)
    published_date = models.DateField(null=True)
    academic_year = models.PositiveSmallIntegerField(null=True)
    project_type_id = models.IntegerField(null=True)
    grade_from = models.PositiveSmallIntegerField(null=True)
    grade_to = models.PositiveSmallIntegerField(null=True)
    facet_keys = IntegerListField(default=list)  # every facet value, packed by bank.search.facet_keys

    class Meta:
        verbose_name = _("строка поиска по банку")
        verbose_name_plural = _("строки поиска по банку")
        indexes = [models.Index(fields=["live", "published_date"], name="bank_row_live_published")]

    def __str__(self):
        return str(self.page_id)


class SolutionRowsVersion(models.Model):
    """A token drawn anew whenever a search row changes. Cached bank searches are keyed by it, so every
    process sees a publication, an unpublication or a deletion on its next search; a random token, unlike a
    counter, is never drawn again after a rolled-back transaction."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("версия строк поиска по банку")
        verbose_name_plural = _("версии строк поиска по банку")

    def __str__(self):
        return self.token


class FacetTotal(models.Model):
    """How many live, unrestricted solutions of one bank and one audience carry a facet key (key 0: how many
    in all).

    Kept by `bank.search.rows` as the rows change, so that browsing a whole bank, the bank page's first view,
    reads a few hundred counts instead of counting every solution's facet keys.
    """

    bank_path = models.CharField(max_length=255)
    audience = models.CharField(max_length=32)
    key = models.BigIntegerField()
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("итог по значению фильтра")
        verbose_name_plural = _("итоги по значениям фильтров")
        constraints = [
            models.UniqueConstraint(fields=["bank_path", "audience", "key"], name="unique_facet_total"),
        ]

    def __str__(self):
        return f"{self.bank_path} {self.audience} {self.key}: {self.count}"
