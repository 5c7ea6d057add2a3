import pytest
from django.test import Client

from tests.exhibitions.builders import make_exhibition


@pytest.fixture
def exhibition(empty_home):
    return make_exhibition(empty_home, title="Экономика вокруг нас", slug="economy")


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("staff", "staff@example.org", "password", is_staff=True)


@pytest.fixture
def staff_client(staff_user):
    """A second browser, signed in as staff, beside the anonymous `client`."""
    client = Client()
    client.force_login(staff_user)
    return client
