import pytest

from pages.models import StandardPage
from residents.audiences import Audience
from tests.access.users import external, internal, make_user


@pytest.fixture
def student(db):
    return internal("student")


@pytest.fixture
def partner_user(db):
    from tests.access.users import days

    return external("partner", contract_end=days(30))


@pytest.fixture
def council(db, django_user_model):
    return django_user_model.objects.create_superuser("council", "council@example.org", "password")


@pytest.fixture
def residents_page(empty_home):
    page = StandardPage(title="Комната отдыха", slug="rest", audience=Audience.RESIDENTS)
    empty_home.add_child(instance=page)
    return page


@pytest.fixture
def registered(db):
    return make_user("registered")
