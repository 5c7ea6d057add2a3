"""Sign-ups of residents for events that ask for registration."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    event = models.ForeignKey(
        "events.Event", verbose_name=_("событие"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("участник"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    created_at = models.DateTimeField(_("записался"), auto_now_add=True)

    class Meta:
        verbose_name = _("запись на событие")
        verbose_name_plural = _("записи на события")
        ordering = ["event", "created_at"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="events_registration_once_per_user")]

    def __str__(self):
        return f"{self.event} — {self.user}"

    def participant_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    participant_name.short_description = _("участник")

    def participant_email(self) -> str:
        return self.user.email

    participant_email.short_description = _("электронная почта")
