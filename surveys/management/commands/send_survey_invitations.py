"""Sends the links of the surveys attached to events that have ended and to programmes residents completed.
Run it regularly (e.g. hourly from cron): each participant is invited once per event or programme."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from surveys.invitations import invitation_send
from surveys.selectors import invitations_due


class Command(BaseCommand):
    help = gettext_lazy("Разослать участникам ссылки на опросы после событий и программ (каждому один раз).")

    def handle(self, *args, **options):
        due = invitations_due()
        sent = 0
        for invitation in tqdm(due, desc=_("Приглашения"), unit=_("чел."), file=self.stderr, disable=not due):
            sent += invitation_send(invitation)
        self.stdout.write(_("Отправлено приглашений: %(sent)d из %(due)d.") % {"sent": sent, "due": len(due)})
