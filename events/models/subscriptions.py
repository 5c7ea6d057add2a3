"""A resident's personal calendar address: a secret in the URL that a calendar app subscribes to.

Only the secret's SHA-256 is kept, so the database never holds a working address; a new address replaces
the old one, which stops working at once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarAddress(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.CASCADE,
        related_name="calendar_address",
    )
    key_hash = models.CharField(_("отпечаток ключа"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("создан"), auto_now=True)

    class Meta:
        verbose_name = _("адрес личного календаря")
        verbose_name_plural = _("адреса личных календарей")

    def __str__(self):
        return str(self.user)
