"""What the search index still owes: objects saved while Elasticsearch was unreachable."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexEntry(models.Model):
    model_label = models.CharField(_("модель"), max_length=100)
    object_id = models.CharField(_("объект"), max_length=64)
    recorded_at = models.DateTimeField(_("записано"), auto_now=True)

    class Meta:
        verbose_name = _("ожидает индексации")
        verbose_name_plural = _("ожидают индексации")
        constraints = [models.UniqueConstraint(fields=["model_label", "object_id"], name="unique_pending_index_entry")]

    def __str__(self):
        return f"{self.model_label}:{self.object_id}"
