"""The council's admin: partners, residents, suspensions and consents with search and filters, and a
dashboard panel of contracts and suspensions ending soon."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from residents import services
from residents.models import Consent, ConsentGiver, ConsentPurpose
from residents.selectors import membership_published_name
from tests.access.users import days, external, internal


@pytest.fixture
def people(db):
    student = internal("student")
    teacher = internal("teacher", role="teacher")
    soon = external("soon", contract_end=days(10))
    later = external("later", contract_end=days(200))
    services.suspend(student.membership, reason="Нарушение", decision_reference="Протокол № 1", ends_on=days(5))
    return {"student": student, "teacher": teacher, "soon": soon, "later": later}


def listing(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def listed(client, people, **params) -> set[str]:
    text = listing(client, "/admin/snippets/residents/membership/", **params)
    return {name for name, user in people.items() if f"/membership/edit/{user.membership.pk}/" in text}


@pytest.mark.django_db
def test_residents_are_filtered_by_tier_role_suspension_and_contract_end(admin_client, people):
    assert listed(admin_client, people) == {"student", "teacher", "soon", "later"}
    assert listed(admin_client, people, suspended="true") == {"student"}
    assert listed(admin_client, people, tier="external") == {"soon", "later"}
    assert listed(admin_client, people, contract_ending_soon="true") == {"soon"}
    assert listed(admin_client, people, role="teacher") == {"teacher"}
    assert listed(admin_client, people, q="soon@example.org") == {"soon"}


@pytest.mark.django_db
def test_partners_and_suspensions_listings(admin_client, people):
    assert "П-17" in listing(admin_client, "/admin/snippets/residents/partner/", ending_soon="true")
    text = listing(admin_client, "/admin/snippets/residents/suspension/", in_force="true")
    assert "Протокол № 1" in text


@pytest.mark.django_db
def test_the_dashboard_lists_contracts_and_suspensions_ending_soon(admin_client, people):
    text = listing(admin_client, "/admin/")
    assert "Совет коворкинга: сроки" in text
    assert days(10).strftime("%d.%m.%Y") in text
    assert days(5).strftime("%d.%m.%Y") in text
    assert days(200).strftime("%d.%m.%Y") not in text


@pytest.mark.django_db
def test_a_students_name_is_published_only_with_a_consent_in_force(db):
    student = internal("student")
    membership = student.membership
    membership.public_name = "Мария И."
    membership.save()
    assert membership_published_name(membership) == ""
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    consent = services.record_consent(
        membership,
        given_by=ConsentGiver.PARENT,
        given_by_name="Иванова Ольга Петровна",
        purpose=ConsentPurpose.PUBLISH_NAME,
        text_version="2026-09",
        request=request,
    )
    assert membership_published_name(membership) == "Мария И."
    assert consent.ip_address == "192.0.2.1" and consent.given_at <= timezone.now()
    assert Consent.objects.in_force().count() == 1
    services.withdraw_consent(consent)
    assert membership_published_name(membership) == ""
