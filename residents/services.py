"""The council's decisions (п. 2.5 of "Положение"), each logged in Wagtail's history: who, when, what."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from residents.models import Consent, Membership, Partner, Suspension

SUSPEND = "residents.suspend"
LIFT = "residents.lift"
RENEW = "residents.renew"
CONSENT_GIVE = "residents.consent_give"
CONSENT_WITHDRAW = "residents.consent_withdraw"


@transaction.atomic
def suspend(
    membership: Membership,
    *,
    reason: str,
    decision_reference: str,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    by=None,
) -> Suspension:
    """Suspends a resident for a time (`ends_on`) or for good (no `ends_on`)."""
    suspension = Suspension(
        membership=membership,
        reason=reason,
        decision_reference=decision_reference,
        starts_on=starts_on or timezone.localdate(),
        ends_on=ends_on,
    )
    suspension.full_clean()
    suspension.save()
    log(suspension, SUSPEND, user=by, data={"reason": reason, "decision": decision_reference})
    return suspension


@transaction.atomic
def lift(suspension: Suspension, *, by=None) -> Suspension:
    """Lifts a suspension ahead of its end: access returns on the resident's next request."""
    suspension.lifted_at = timezone.now()
    suspension.save(update_fields=["lifted_at"])
    log(suspension, LIFT, user=by)
    return suspension


@transaction.atomic
def renew_contract(partner: Partner, *, until: datetime.date, number: str | None = None, by=None) -> Partner:
    """Extends a partner's contract: its representatives regain access on their next request."""
    partner.contract_end = until
    if number:
        partner.contract_number = number
    partner.full_clean()
    partner.save()
    log(partner, RENEW, user=by, data={"until": until.isoformat(), "number": partner.contract_number})
    return partner


@transaction.atomic
def record_consent(
    membership: Membership,
    *,
    purpose: str,
    given_by: str,
    text_version: str,
    given_by_name: str = "",
    request=None,
    by=None,
) -> Consent:
    """Records a consent as 152-ФЗ asks: who, to what, which text, when, and from which IP address."""
    consent = Consent(
        membership=membership,
        purpose=purpose,
        given_by=given_by,
        given_by_name=given_by_name,
        text_version=text_version,
        given_at=timezone.now(),
        ip_address=request.META.get("REMOTE_ADDR") if request is not None else None,
    )
    consent.full_clean()
    consent.save()
    log(membership, CONSENT_GIVE, user=by, data={"purpose": purpose, "version": text_version})
    return consent


@transaction.atomic
def withdraw_consent(consent: Consent, *, by=None) -> Consent:
    """Withdrawing a consent hides what depended on it from the next request on."""
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    log(consent.membership, CONSENT_WITHDRAW, user=by, data={"purpose": consent.purpose})
    return consent
