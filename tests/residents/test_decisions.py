"""The council's decisions take effect on the resident's next request, in every channel, and are logged."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken, ModelLogEntry

from residents import services
from residents.models import Suspension
from tests.access.users import days
from tests.factories import make_document


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_council_suspends_a_student_in_the_admin_and_the_next_request_is_refused_with_the_reason(
    client, council, student, residents_page
):
    document = make_document(title="Расписание")
    residents_page.body = [("documents", {"title": "", "documents": [document]})]
    residents_page.save()
    student_client = client_for(student)
    _token, plaintext = APIToken.create_token(user=student, name="app")
    bearer = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert student_client.get(residents_page.url).status_code == 200
    assert student_client.get(document.url).status_code == 200
    assert bearer.get(f"/api/v3/pages/{residents_page.pk}/").status_code == 200

    client.force_login(council)
    response = client.post(
        "/admin/snippets/residents/suspension/add/",
        {
            "membership": student.membership.pk,
            "reason": "Грубое нарушение правил коворкинга",
            "decision_reference": "Протокол № 5 от 20.11.2026",
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": days(14).isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    suspension = Suspension.objects.get()
    assert ModelLogEntry.objects.filter(object_id=str(suspension.pk), user=council).exists()

    refused = student_client.get(residents_page.url)
    assert refused.status_code == 403
    text = refused.content.decode()
    assert "Грубое нарушение правил коворкинга" in text
    assert "Протокол № 5 от 20.11.2026" in text
    assert days(14).strftime("%d.%m.%Y") in text
    assert residents_page.title not in text
    assert student_client.get(document.url).status_code == 403
    assert student_client.get(f"/api/v2/pages/{residents_page.pk}/").status_code == 404
    assert bearer.get(f"/api/v3/pages/{residents_page.pk}/").status_code == 404
    mine = student_client.get("/account/")
    assert "Грубое нарушение правил коворкинга" in mine.content.decode()

    services.lift(suspension, by=council)
    assert student_client.get(residents_page.url).status_code == 200
    assert bearer.get(f"/api/v3/pages/{residents_page.pk}/").status_code == 200
    assert ModelLogEntry.objects.filter(action=services.LIFT, user=council).exists()


@pytest.mark.django_db
def test_suspension_for_good_says_so(student, residents_page, council):
    services.suspend(student.membership, reason="Решение об исключении", decision_reference="Протокол № 7", by=council)
    text = client_for(student).get(residents_page.url).content.decode()
    assert "без срока" in text
    assert ModelLogEntry.objects.filter(action=services.SUSPEND, user=council).exists()


@pytest.mark.django_db
def test_an_expired_contract_ends_access_and_renewing_it_restores_access(partner_user, residents_page, council):
    partner = partner_user.membership.partner
    partner.contract_end = timezone.localdate() - datetime.timedelta(days=1)
    partner.save()
    client = client_for(partner_user)
    refused = client.get(residents_page.url)
    assert refused.status_code == 403
    assert "Договор вашей организации" in refused.content.decode()
    services.renew_contract(partner, until=days(365), number="П-18", by=council)
    assert client.get(residents_page.url).status_code == 200
    assert ModelLogEntry.objects.filter(action=services.RENEW).exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, residents_page):
    response = client.get(residents_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")


@pytest.mark.django_db
def test_a_user_without_membership_gets_a_russian_refusal(registered, residents_page):
    response = client_for(registered).get(residents_page.url)
    assert response.status_code == 403
    assert "не связана с резидентством" in response.content.decode()


@pytest.mark.django_db
def test_responses_for_a_logged_in_user_are_private(student, residents_page, client):
    response = client_for(student).get(residents_page.url)
    assert "private" in response["Cache-Control"]
    assert "private" in client_for(student).get("/api/v2/pages/")["Cache-Control"]
    assert "private" in Client(HTTP_AUTHORIZATION="Bearer nothing").get("/api/v3/pages/")["Cache-Control"]
    assert "private" not in client.get("/api/v2/pages/").get("Cache-Control", "")


@pytest.mark.django_db
def test_the_users_access_takes_one_query(student, django_assert_num_queries):
    from residents.selectors import audiences_visible

    student.refresh_from_db()
    with django_assert_num_queries(1):
        for _ in range(5):
            audiences_visible(user=student)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 15])
def test_api_listings_take_a_bounded_number_of_queries(empty_home, student, count, django_assert_max_num_queries):
    from pages.models import StandardPage

    for number in range(count):
        empty_home.add_child(instance=StandardPage(title=f"Стр {number}", slug=f"s{number}", audience="internal"))
    client = client_for(student)
    with django_assert_max_num_queries(20):
        assert len(client.get("/api/v2/pages/?type=pages.StandardPage").json()["items"]) == count
    with django_assert_max_num_queries(20):
        assert len(client.get("/api/v3/pages/?limit=100").json()["items"]) == count + 1


@pytest.mark.django_db
def test_editors_without_staff_flag_still_see_restricted_images_in_the_admin(residents_page, django_user_model):
    from django.contrib.auth.models import Group, Permission

    from tests.factories import make_image

    image = make_image(title="Внутренний снимок")
    residents_page.audience = "internal"
    residents_page.body = [("image", {"image": image, "alt_text": "Снимок", "caption": ""})]
    residents_page.save()
    editor = django_user_model.objects.create_user("methodologist", "m@example.org", "x")
    group = Group.objects.create(name="Методисты")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    assert Client().get(image.file.url).status_code == 302
    assert client_for(editor).get(image.file.url).status_code == 200
