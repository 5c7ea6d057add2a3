"""Rate limits that stop floods without locking anyone out: password-reset e-mails, anonymous form posts,
and the limiter any area can call."""

import pytest
from django.core import mail
from django.test import Client, override_settings

from safeguards.limits import Limit, limit_exceeded


def test_the_limiter_counts_each_key_on_its_own():
    limit = Limit("test-scope", count=2, seconds=600)
    assert [limit_exceeded(limit, "a") for _ in range(3)] == [False, False, True]
    assert limit_exceeded(limit, "b") is False


def test_a_limit_is_written_as_hits_per_seconds():
    assert Limit.parse("posts", "60/600") == Limit("posts", count=60, seconds=600)


@pytest.mark.django_db
def test_password_reset_e_mails_are_limited_per_e_mail_address(student):
    client = Client(REMOTE_ADDR="10.0.0.1")
    answers = [client.post("/account/password-reset/", {"email": "student@example.org"}) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert "уже отправлялось недавно" in answers[-1].content.decode()
    assert len(mail.outbox) == 3
    # Another reader at the same school is not affected.
    assert client.post("/account/password-reset/", {"email": "teacher@example.org"}).status_code == 302


@pytest.mark.django_db
@override_settings(PASSWORD_RESET_ADDRESS_LIMIT="2/3600")
def test_password_reset_e_mails_are_limited_per_address(student):
    client = Client(REMOTE_ADDR="10.0.0.9")
    answers = [client.post("/account/password-reset/", {"email": f"n{number}@example.org"}) for number in range(3)]
    assert [answer.status_code for answer in answers] == [302, 302, 429]


@pytest.mark.django_db
@override_settings(ANONYMOUS_POST_LIMIT="2/600")
def test_anonymous_form_posts_are_limited_per_address_and_form_but_not_for_signed_in_people(student):
    school, home = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    answers = [school.post("/account/password-reset/", {"email": f"x{n}@example.org"}) for n in range(3)]
    assert [answer.status_code for answer in answers][-1] == 429
    assert answers[-1]["Retry-After"]
    assert "Слишком много отправок" in answers[-1].content.decode()
    assert home.post("/account/password-reset/", {"email": "y@example.org"}).status_code == 302
    assert school.post("/account/login/", {"username": "student", "password": "correct-horse-9"}).status_code == 302
    signed_in = Client(REMOTE_ADDR="10.0.0.1")
    signed_in.force_login(student)
    assert signed_in.post("/account/password-reset/", {"email": "z@example.org"}).status_code == 302
