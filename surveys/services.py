"""Writes of surveys: storing an answer under the survey's rules, the same for the site and the API."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from residents.selectors import User
from surveys.models.submissions import SurveySubmission
from surveys.selectors import ALREADY_ANSWERED, Refusal, answers_in_source_language, survey_refusal, survey_source


@dataclass
class SurveyRefused(Exception):
    """An answer that may not be stored, with the reason both channels show."""

    refusal: Refusal


def _check(*, survey, user: User) -> None:
    refusal = survey_refusal(survey=survey, user=user)
    if refusal is not None:
        raise SurveyRefused(refusal)


def submission_create(*, survey, user: User, form) -> SurveySubmission | None:
    """Stores the answers of a valid form. A form whose honeypot is filled is taken for a bot's: nothing is
    stored and None is returned, so the bot learns nothing. Raises `SurveyRefused` with a Russian message.

    Anonymous answers are limited per address and form by the project-wide limit of anonymous posts
    (`safeguards.limits`): the site's middleware counts the page's posts, the API counts its own.

    Answers on a translation of the survey (the English page) are stored with its source (the Russian page),
    their options in the source's words: one survey, one list of answers, one answer per resident."""
    _check(survey=survey, user=user)
    if form.is_bot():
        return None
    resident = user if user.is_authenticated else None
    source = survey_source(survey=survey)
    data = answers_in_source_language(survey=survey, source=source, data=form.cleaned_data)
    try:
        with transaction.atomic():
            submission = SurveySubmission.objects.create(
                page=source, form_data=data, user=resident, single=source.one_per_resident
            )
    except IntegrityError as error:
        already = Refusal(ALREADY_ANSWERED, 409, _("Вы уже ответили на этот опрос. Спасибо!"))
        raise SurveyRefused(already) from error
    if survey.to_address:
        survey.send_mail(form)
    return submission
