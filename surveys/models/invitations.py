"""Invitations to answer a survey, sent once per person and occasion (an ended event, a completed programme)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SurveyInvitation(models.Model):
    survey = models.ForeignKey(
        "surveys.SurveyPage", verbose_name=_("опрос"), on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("участник"), on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", verbose_name=_("событие"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    programme = models.ForeignKey(
        "support.ProgrammePage",
        verbose_name=_("программа"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("отправлено"), auto_now_add=True)

    class Meta:
        verbose_name = _("приглашение к опросу")
        verbose_name_plural = _("приглашения к опросам")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user", "event"], condition=Q(event__isnull=False), name="surveys_invited_per_event"
            ),
            models.UniqueConstraint(
                fields=["survey", "user", "programme"],
                condition=Q(programme__isnull=False),
                name="surveys_invited_per_programme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} — {self.user}"
