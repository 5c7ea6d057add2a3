"""Reminders to experts whose reviews are still due."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from reviews.models import Assignment

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.PUBLIC_BASE_URL).rstrip("/") + path


def remind(assignment: Assignment, *, title: str) -> bool:
    """One e-mail; False (and a log line) when the expert has no address."""
    user = assignment.expert.user
    if not user.email:
        logger.warning("Assignment %s: the expert has no e-mail address, no reminder sent", assignment.pk)
        return False
    due = _("до %(date)s") % {"date": f"{assignment.due_on:%d.%m.%Y}"} if assignment.due_on else _("без срока")
    EmailMessage(
        subject=_("Ждёт вашей оценки: %(title)s") % {"title": title},
        body=_(
            "Здравствуйте, %(name)s!\n\nНа экспертном столе вас ждёт работа «%(title)s» (%(due)s).\n"
            "Оценка по рубрике «%(rubric)s»: %(url)s\n"
        )
        % {
            "name": assignment.expert.name,
            "title": title,
            "due": due,
            "rubric": assignment.rubric.title,
            "url": absolute(reverse("reviews:assignment", args=[assignment.pk])),
        },
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    ).send()
    return True
