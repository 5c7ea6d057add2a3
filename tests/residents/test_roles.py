"""One list of roles: residents' memberships and the people the site names draw from it, the admin
filters offer what each allows, and the migration moved the one value that differed."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError

from people.models import Person
from residents.models import Membership, Tier
from residents.roles import PERSON_ROLES, RESIDENT_ROLES, Role
from tests.access.users import internal


def field_choices(model) -> dict[str, str]:
    return {value: str(label) for value, label in model._meta.get_field("role").choices}


def test_memberships_and_people_draw_their_roles_from_one_list():
    every_role = {role.value: str(role.label) for role in Role}
    memberships, people = field_choices(Membership), field_choices(Person)
    assert memberships.items() <= every_role.items()
    assert people.items() <= every_role.items()
    assert set(memberships) == set(RESIDENT_ROLES) and set(people) == set(PERSON_ROLES)
    for shared in (Role.TEACHER, Role.TUTOR, Role.REPRESENTATIVE):
        assert memberships[shared] == people[shared] == str(shared.label)


def test_students_and_parents_are_never_named_as_people():
    assert Role.STUDENT not in PERSON_ROLES and Role.PARENT not in PERSON_ROLES


@pytest.mark.django_db
def test_a_membership_refuses_a_role_its_tier_does_not_allow():
    membership = internal("methodologist-resident").membership
    membership.role = Role.METHODOLOGIST
    with pytest.raises(ValidationError) as refused:
        membership.full_clean()
    assert "role" in refused.value.message_dict
    membership.tier, membership.role = Tier.INTERNAL, Role.TUTOR
    membership.full_clean()


@pytest.mark.django_db
def test_the_people_listing_in_the_admin_filters_by_role(admin_client):
    Person.objects.create(name="Ирина Партнёрова", role=Role.REPRESENTATIVE)
    Person.objects.create(name="Олег Методистов", role=Role.METHODOLOGIST)
    response = admin_client.get("/admin/snippets/people/person/", {"role": Role.REPRESENTATIVE})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Ирина Партнёрова" in text and "Олег Методистов" not in text
    assert "представитель партнёра" in text


@pytest.mark.django_db
def test_the_residents_role_filter_offers_only_residents_roles(admin_client):
    text = admin_client.get("/admin/snippets/residents/membership/").content.decode()
    assert 'value="representative"' in text and 'value="tutor"' in text
    assert 'value="methodologist"' not in text


@pytest.mark.django_db
def test_the_migration_turns_a_partners_person_into_a_representative_and_back():
    """The data step of people/0002, run on today's tables: the one value that differed moves, and back."""
    migration = importlib.import_module("people.migrations.0002_one_list_of_roles")
    person = Person.objects.create(name="Пётр Партнёров", role="partner")
    migration.rename_roles(django_apps, schema_editor=None)
    person.refresh_from_db()
    assert person.role == Role.REPRESENTATIVE
    migration.restore_roles(django_apps, schema_editor=None)
    person.refresh_from_db()
    assert person.role == "partner"
