"""Students are minors: nothing about them but a published display name leaves the server."""

import pytest
from django.test import Client

from residents.audiences import Audience
from tests.access.users import internal


@pytest.mark.django_db
def test_a_students_name_and_class_appear_in_no_public_channel(empty_home, residents_page):
    student = internal("student")
    student.first_name, student.last_name = "Злата", "Приватнова"
    student.save()
    student.membership.school_class = "7Ж"
    student.membership.save()
    anonymous, themselves = Client(), Client()
    themselves.force_login(student)
    urls = [
        "/",
        residents_page.url,
        "/sitemap.xml",
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/{residents_page.pk}/",
        "/api/v3/pages/",
        f"/api/v3/pages/{residents_page.pk}/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/no-such-page/",
    ]
    for client in (anonymous, themselves):
        for url in urls:
            text = client.get(url).content.decode()
            assert "Приватнова" not in text and "Злата" not in text, url
    assert residents_page.audience == Audience.RESIDENTS
