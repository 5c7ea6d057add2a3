"""Answers to a survey: Wagtail's submission with the resident who answered, where they were signed in."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission


class SurveySubmission(AbstractFormSubmission):
    """`single` is set when the survey allows one answer per resident: the database then refuses a second
    answer of the same resident even when two arrive at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("резидент"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_submissions",
    )
    single = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("ответ на опрос")
        verbose_name_plural = _("ответы на опросы")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"], condition=Q(single=True), name="surveys_submission_once_per_resident"
            )
        ]
