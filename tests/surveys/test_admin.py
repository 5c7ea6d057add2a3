"""What editors see in the admin: Wagtail's answers list with exports, and the summary per question without
answer texts or names."""

import pytest

from surveys.models import SurveySubmission
from tests.surveys.builders import answers, survey

pytestmark = pytest.mark.django_db


def _answer(page, user=None, **overrides):
    data = answers(**overrides)
    data["naskolko_poleznym_bylo_sobytie"] = int(data["naskolko_poleznym_bylo_sobytie"])
    return SurveySubmission.objects.create(page=page, form_data=data, user=user)


@pytest.fixture
def answered(empty_home, student):
    page = survey(empty_home)
    _answer(page, student, chto_uluchshit="Иванов Петя шумел")
    _answer(page, naskolko_poleznym_bylo_sobytie="4", chto_ponravilos_bolshe_vsego="Общение")
    _answer(page, naskolko_poleznym_bylo_sobytie="3")
    return page


def test_the_summary_counts_each_option_and_averages_the_scale(admin_client, answered):
    response = admin_client.get(f"/admin/surveys/{answered.pk}/summary/")
    assert response.status_code == 200
    questions = {question.label: question for question in response.context["questions"]}
    scale = questions["Насколько полезным было событие?"]
    assert scale.answered == 3 and scale.average == 4.0
    assert scale.counts == [("1", 0), ("2", 0), ("3", 1), ("4", 1), ("5", 1)]
    assert questions["Что понравилось больше всего?"].counts == [
        ("Доклады", 2),
        ("Работа в группах", 0),
        ("Общение", 1),
    ]
    assert questions["Что улучшить?"].answered == 1


def test_the_summary_shows_no_answer_text_and_no_names(admin_client, answered):
    html = admin_client.get(f"/admin/surveys/{answered.pk}/summary/").content.decode()
    assert "Иванов" not in html and "Обучающийся" not in html and "survey-student" not in html
    assert "Свободные ответы здесь не показываются" in html


def test_the_answers_list_links_to_the_summary_and_exports(admin_client, answered):
    listing = admin_client.get(f"/admin/forms/submissions/{answered.pk}/")
    assert listing.status_code == 200
    assert f"/admin/surveys/{answered.pk}/summary/" in listing.content.decode()
    csv = admin_client.get(f"/admin/forms/submissions/{answered.pk}/?export=csv")
    assert csv.status_code == 200 and "Насколько полезным было событие?" in b"".join(csv.streaming_content).decode()
    xlsx = admin_client.get(f"/admin/forms/submissions/{answered.pk}/?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_resident_without_admin_rights_cannot_read_the_summary(client, answered, student):
    client.force_login(student)
    assert client.get(f"/admin/surveys/{answered.pk}/summary/").status_code in (302, 403)
