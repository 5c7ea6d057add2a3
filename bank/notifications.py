"""The e-mail that tells a resident what the editors decided about the solution they submitted."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from bank.models import Contribution, Decision

logger = logging.getLogger(__name__)


def notify_decision(contribution: Contribution) -> None:
    user, page = contribution.submitter, contribution.page
    if not user.email:
        logger.warning("Contribution %s: the submitter has no e-mail address", contribution.pk)
        return
    if contribution.decision == Decision.APPROVED:
        subject = _("Ваше решение опубликовано: %(title)s") % {"title": page.title}
        body = _("Редакция опубликовала решение «%(title)s» в открытом банке проектных решений: %(url)s")
    else:
        subject = _("Ваше решение не опубликовано: %(title)s") % {"title": page.title}
        body = _(
            "Редакция вернула решение «%(title)s» на доработку. Замечания редактора можно узнать у методиста "
            "коворкинга; предложите решение снова, когда доработаете его."
        )
    url = page.full_url or ""
    EmailMessage(
        subject=subject,
        body=body % {"title": page.title, "url": url},
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    ).send()
