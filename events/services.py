"""Writes of the online platform that carry rules: signing up for an event, cancelling, proposing an event.

Every refusal raises `EventActionError` with a message in Russian and changes nothing.
"""

import secrets
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from events.generator import Programme
from events.models.events import Event, EventKind
from events.models.registrations import Registration
from events.models.subscriptions import CalendarAddress
from events.selectors import calendar_key_hash, registration_allowed
from residents.audiences import Audience
from residents.selectors import User, audiences_visible

# The kind a proposed event gets from its format; the moderator may change it.
FORMAT_KINDS = {
    "hackathon": EventKind.HACKATHON,
    "master-class": EventKind.MASTER_CLASS,
    "webinar": EventKind.WEBINAR,
    "forum": EventKind.FORUM,
    "conference": EventKind.CONFERENCE,
}


class EventActionError(Exception):
    """A refused action; `message` is shown to the visitor as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def registration_create(*, event_id: int, user: User, now: datetime | None = None) -> Registration:
    """Signs the user up, up to the event's capacity.

    The event row is locked for the length of the transaction, so two sign-ups for the last place are
    served one after the other and only one of them gets it; the unique constraint (event, user) backs
    the rule "once per user" even against a concurrent double click."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().filter(pk=event_id, live=True).first()
        if event is None or not registration_allowed(event=event, user=user):
            raise EventActionError(_("Записаться на это событие нельзя: оно не открыто для вашей учётной записи."))
        if event.start <= now:
            raise EventActionError(_("Запись закрыта: событие уже началось."))
        if event.registrations.filter(user=user).exists():
            raise EventActionError(_("Вы уже записаны на это событие."))
        if event.capacity is not None and event.registrations.count() >= event.capacity:
            raise EventActionError(_("Свободных мест больше нет."))
        try:
            with transaction.atomic():
                return Registration.objects.create(event=event, user=user)
        except IntegrityError as error:
            raise EventActionError(_("Вы уже записаны на это событие.")) from error


def registration_cancel(*, event_id: int, user: User, now: datetime | None = None) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().filter(pk=event_id).first()
        registration = event.registrations.filter(user=user).first() if event and user.is_authenticated else None
        if registration is None:
            raise EventActionError(_("Вы не записаны на это событие."))
        if event.start <= now:
            raise EventActionError(_("Событие уже началось: отменить запись нельзя."))
        registration.delete()


def proposal_allowed(*, user: User) -> bool:
    """Residents propose events: users to whom content for residents is open."""
    return bool(user and user.is_authenticated and Audience.RESIDENTS in audiences_visible(user=user))


def proposal_submit(*, programme: Programme, user: User) -> Event:
    """Turns a generated programme into a draft event and sends it to the moderation workflow."""
    if not proposal_allowed(user=user):
        raise EventActionError(_("Предлагать события могут резиденты коворкинга. Войдите или станьте резидентом."))
    agenda = programme.agenda_text().splitlines()
    with transaction.atomic():
        event = Event(
            title=programme.title,
            kind=FORMAT_KINDS.get(programme.event_format.slug, EventKind.OTHER),
            event_format=programme.event_format,
            start=programme.start,
            end=programme.end,
            audience=Audience.EVERYONE,
            summary=programme.announcement(),
            description=[{"type": "paragraph", "value": format_html("<p>{}</p>", line)} for line in agenda],
            live=False,
            proposed_by=user,
        )
        event.save()
        event.save_revision(user=user)
        workflow = event.get_workflow()
        if workflow is not None:
            workflow.start(event, user)
    return event


def calendar_address_issue(*, user: User) -> str:
    """A new secret key for the user's personal calendar address; any earlier address stops working.

    The key is returned once, to be shown to its owner; only its hash is stored."""
    if not user.is_authenticated:
        raise EventActionError(_("Личный календарь доступен после входа."))
    key = secrets.token_urlsafe(32)
    CalendarAddress.objects.update_or_create(user=user, defaults={"key_hash": calendar_key_hash(key)})
    return key


def calendar_address_revoke(*, user: User) -> bool:
    """Turns the user's personal calendar address off; True when there was one."""
    deleted, _by_model = CalendarAddress.objects.filter(user=user).delete() if user.is_authenticated else (0, {})
    return bool(deleted)
