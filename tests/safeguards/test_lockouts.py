"""Failed logins lock one login from one address, for a wait that grows and ends by itself; staff lift it;
wrong API tokens count the same way while valid tokens keep working."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import APIToken

from safeguards.lockouts import delay_for
from tests.access.users import internal

LOCKOUTS = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, LOCKOUT_BASE_DELAY=60, LOCKOUT_MAX_DELAY=3600)
SCHOOL = "10.0.0.1"  # a school's shared address
HOME = "10.0.0.2"


def log_in(username: str, password: str, *, address: str = SCHOOL):
    return Client(REMOTE_ADDR=address).post("/account/login/", {"username": username, "password": password})


def fail(username: str, times: int, *, address: str = SCHOOL):
    for _ in range(times):
        log_in(username, "wrong", address=address)


@pytest.mark.django_db
@LOCKOUTS
def test_failed_logins_lock_only_that_login_from_that_address(student):
    internal("teacher")
    fail("student", 3)
    locked = log_in("student", "correct-horse-9")
    assert locked.status_code == 429
    assert "Вход временно заблокирован" in locked.content.decode()
    assert log_in("student", "correct-horse-9", address=HOME).status_code == 302  # the student, from home
    assert log_in("teacher", "correct-horse-9").status_code == 302  # everyone else at school


def test_the_wait_doubles_with_every_failure_up_to_an_hour():
    with override_settings(AXES_FAILURE_LIMIT=5, LOCKOUT_BASE_DELAY=60, LOCKOUT_MAX_DELAY=3600):
        waits = [delay_for(failures).total_seconds() for failures in (1, 5, 6, 7, 8, 20)]
    assert waits == [60, 60, 120, 240, 480, 3600]


@pytest.mark.django_db
@LOCKOUTS
def test_the_lockout_says_how_long_to_wait_grows_and_ends_by_itself_without_a_captcha(student):
    fail("student", 2)
    answers = [log_in("student", password) for password in ("wrong", "correct-horse-9", "wrong")]
    # The third failure locks; every attempt during the wait counts too and doubles it.
    assert [answer.status_code for answer in answers] == [429, 429, 429]
    assert [int(answer["Retry-After"]) for answer in answers] == [60, 120, 240]
    assert "captcha" not in answers[-1].content.decode().lower()

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=5))
    assert log_in("student", "correct-horse-9").status_code == 302


@pytest.mark.django_db
@LOCKOUTS
def test_staff_lift_a_lockout_in_the_admin(student, admin_client):
    fail("student", 3)
    assert log_in("student", "correct-horse-9").status_code == 429
    listing = admin_client.get("/admin/lockouts/")
    assert listing.status_code == 200
    assert "student" in listing.content.decode() and SCHOOL in listing.content.decode()

    attempt = AccessAttempt.objects.get(username="student", ip_address=SCHOOL)
    assert admin_client.post(f"/admin/lockouts/{attempt.pk}/lift/").status_code == 302
    assert log_in("student", "correct-horse-9").status_code == 302


@pytest.mark.django_db
@LOCKOUTS
def test_residents_cannot_see_or_lift_lockouts(student):
    client = Client()
    client.force_login(student)
    assert client.get("/admin/lockouts/").status_code in {302, 403}


@pytest.mark.django_db
@LOCKOUTS
def test_wrong_tokens_count_as_failed_logins_but_never_lock_a_valid_token(student, residents_page):
    _, token = APIToken.create_token(user=student, name="интеграция")
    wrong = Client(HTTP_AUTHORIZATION="Bearer wagtail_guess", REMOTE_ADDR=SCHOOL)
    valid = Client(HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR=SCHOOL)
    answers = [wrong.get("/api/v3/pages/").status_code for _ in range(3)]
    assert answers[:2] == [401, 401]
    assert answers[2] == 429  # the third failure locks the pair ("api-token", address)
    locked = wrong.get("/api/v3/pages/")
    assert locked.status_code == 429 and locked.json()["code"] == "locked_out"
    assert AccessAttempt.objects.get(username="api-token", ip_address=SCHOOL).failures_since_start >= 3

    v3 = valid.get("/api/v3/pages/", {"limit": 50}).json()
    v2 = valid.get("/api/v2/pages/", {"limit": 50})
    assert residents_page.title in [item["title"] for item in v3["items"]]  # not read as anonymous
    assert v2.status_code == 200
    assert residents_page.title in [item["title"] for item in v2.json()["items"]]
    assert log_in("student", "correct-horse-9").status_code == 302  # passwords from that address too
