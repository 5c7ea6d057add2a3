"""Writes of invitations: the link of a survey sent by e-mail to the participants of an ended event or a
completed programme, once per person and occasion (`manage.py send_survey_invitations`)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils.translation import gettext as _

from surveys.models.invitations import SurveyInvitation
from surveys.models.pages import SurveyPage
from surveys.selectors import InvitationDue, survey_answered, survey_refusal

logger = logging.getLogger(__name__)


def _invitation_text(*, survey: SurveyPage, invitation: SurveyInvitation) -> tuple[str, str]:
    if invitation.event is not None:
        occasion = _("Спасибо, что участвовали в событии «%(title)s».") % {"title": invitation.event.title}
    else:
        occasion = _("Поздравляем с завершением программы «%(title)s».") % {"title": invitation.programme.title}
    subject = _("Поделитесь мнением: %(title)s") % {"title": survey.title}
    body = _("%(occasion)s\n\nОтветьте, пожалуйста, на несколько вопросов — это займёт пару минут:\n%(url)s\n") % {
        "occasion": occasion,
        "url": survey.get_full_url(),
    }
    return subject, body


def invitation_send(due: InvitationDue) -> bool:
    """Invites one participant by e-mail, once: the invitation is recorded with the e-mail, and a failed
    e-mail records nothing, so the next run tries again. False when there is nobody to write to (no address,
    the survey is closed to them or already answered): they are recorded too, and not asked again."""
    survey = SurveyPage.objects.get(pk=due.survey_id)
    user = get_user_model().objects.get(pk=due.user_id)
    with transaction.atomic():
        invitation, created = SurveyInvitation.objects.select_related("event", "programme").get_or_create(
            survey=survey, user=user, event_id=due.event_id, programme_id=due.programme_id
        )
        if not created:
            return False
        if not user.email or survey_refusal(survey=survey, user=user) or survey_answered(survey=survey, user=user):
            logger.info("Survey %s: user %s is not invited (no e-mail, closed or answered)", survey.pk, user.pk)
            return False
        subject, body = _invitation_text(survey=survey, invitation=invitation)
        EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]).send()
    return True
