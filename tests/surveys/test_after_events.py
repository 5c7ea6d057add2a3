"""A survey attached to an event or a programme: the participants get the link by e-mail once it has
ended (or they completed the programme), once, and see it on its page; the summary shows the response rate."""

import pytest
from django.core.management import call_command

from support.models import ProgrammeCompletion
from surveys.models import SurveyInvitation, SurveySubmission
from tests.access.users import internal
from tests.support.builders import programme
from tests.surveys.builders import event_url, past_event, survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback(empty_home):
    return survey(empty_home, title="Отзыв о хакатоне", audience="residents", one_per_resident=True)


@pytest.fixture
def participants(db):
    return [internal("participant-1"), internal("participant-2")]


def _send(capsys) -> str:
    call_command("send_survey_invitations")
    return capsys.readouterr().out


def test_participants_of_an_ended_event_are_invited_once(empty_home, feedback, participants, mailoutbox, capsys):
    event = past_event(empty_home, survey=feedback, participants=participants)
    assert "Отправлено приглашений: 2 из 2." in _send(capsys)
    assert sorted(message.to[0] for message in mailoutbox) == ["participant-1@example.org", "participant-2@example.org"]
    message = mailoutbox[0]
    assert message.subject == "Поделитесь мнением: Отзыв о хакатоне"
    assert f"«{event.title}»" in message.body and feedback.get_full_url() in message.body

    assert "Отправлено приглашений: 0 из 0." in _send(capsys)
    assert len(mailoutbox) == 2 and SurveyInvitation.objects.count() == 2


def test_nobody_is_invited_before_the_event_ends(empty_home, feedback, participants, mailoutbox, capsys):
    past_event(empty_home, survey=feedback, participants=participants, days_ago=0)
    assert "Отправлено приглашений: 0 из 0." in _send(capsys)
    assert mailoutbox == []


def test_a_participant_the_survey_is_closed_to_is_not_invited(empty_home, participants, mailoutbox, capsys):
    staff_only = survey(empty_home, audience="staff")
    past_event(empty_home, survey=staff_only, participants=participants)
    assert "Отправлено приглашений: 0 из 2." in _send(capsys)
    assert mailoutbox == []


def test_a_registered_participant_sees_the_survey_on_the_event_page(client, empty_home, feedback, participants):
    event = past_event(empty_home, survey=feedback, participants=participants)
    client.force_login(participants[0])
    assert "Пройти опрос «Отзыв о хакатоне»" in client.get(event_url(event)).content.decode()

    client.post(feedback.url, {"naskolko_poleznym_bylo_sobytie": "4", "chto_ponravilos_bolshe_vsego": "Общение"})
    assert "Спасибо, вы уже ответили на опрос." in client.get(event_url(event)).content.decode()


def test_others_do_not_see_the_survey_on_the_event_page(client, empty_home, feedback, participants):
    event = past_event(empty_home, survey=feedback, participants=participants)
    assert "Пройти опрос" not in client.get(event_url(event)).content.decode()
    client.force_login(internal("not-registered"))
    assert "Пройти опрос" not in client.get(event_url(event)).content.decode()


def test_the_survey_appears_only_once_the_event_has_ended(client, empty_home, feedback, participants):
    event = past_event(empty_home, survey=feedback, participants=participants, days_ago=0)
    client.force_login(participants[0])
    assert "Пройти опрос" not in client.get(event_url(event)).content.decode()


def test_the_summary_shows_the_events_response_rate(admin_client, empty_home, feedback, participants, capsys):
    no_email = internal("no-email-participant")
    no_email.email = ""
    no_email.save()
    past_event(empty_home, survey=feedback, participants=[*participants, no_email])
    _send(capsys)
    SurveySubmission.objects.create(page=feedback, user=participants[0], form_data={}, single=True)
    occasion = admin_client.get(f"/admin/surveys/{feedback.pk}/summary/").context["occasions"][0]
    assert (occasion.title, occasion.rate.invited, occasion.invitations, occasion.rate.answered) == (
        "Хакатон «Школьный двор»",
        3,
        3,
        1,
    )
    assert occasion.rate.percent == 33


def test_residents_who_completed_a_programme_are_invited_and_see_the_survey(
    client, empty_home, feedback, participants, mailoutbox, capsys
):
    course = programme(empty_home, survey=feedback)
    ProgrammeCompletion.objects.create(user=participants[0], programme=course, programme_title=course.title, hours=12)
    assert "Отправлено приглашений: 1 из 1." in _send(capsys)
    assert "Поздравляем с завершением программы" in mailoutbox[0].body

    client.force_login(participants[0])
    assert "Пройти опрос «Отзыв о хакатоне»" in client.get(course.url).content.decode()
    client.force_login(participants[1])
    assert "Пройти опрос" not in client.get(course.url).content.decode()


def test_the_events_list_in_the_admin_links_to_the_surveys_response_rate(admin_client, empty_home, feedback):
    past_event(empty_home, survey=feedback)
    listing = admin_client.get("/admin/snippets/events/event/").content.decode()
    assert f'href="/admin/surveys/{feedback.pk}/summary/"' in listing and "Отклик и сводка" in listing
