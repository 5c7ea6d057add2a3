import pytest


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("methodologist", "m@example.org", "password", is_staff=True)


@pytest.fixture
def other_staff_user(django_user_model):
    return django_user_model.objects.create_user("tutor", "t@example.org", "password", is_staff=True)


@pytest.fixture
def member_user(django_user_model):
    """A logged-in user with no staff rights; what they see is decided by `residents.selectors`."""
    return django_user_model.objects.create_user("parent", "p@example.org", "password")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
