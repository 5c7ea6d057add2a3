"""The residents' messages in English: the catalogue, the import's file and row errors (service and admin),
and the refusal of a wrong API token."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from wagtail.users.models import UserProfile

from residents.authentication import BearerTokenAuthentication
from residents.imports import ImportFileError, import_residents

HEADER = "Фамилия;Имя;Класс;Роль;E-mail\n"


def test_the_residents_catalogue_has_english():
    with translation.override("en"):
        assert gettext("Вход для резидентов") == "Residents’ login"
        assert gettext("Доступ закрыт") == "Access denied"


@pytest.mark.django_db
def test_an_english_reader_gets_the_import_report_and_row_errors_in_english():
    content = (HEADER + ";Мария;;директор;not-an-email\nПетров;Пётр;;родитель;petrov@example.org\n").encode()
    with translation.override("en"):
        lines = import_residents(content, filename="register.csv", dry_run=False).lines()
    assert lines[:4] == ["To be created: 1", "To be changed: 0", "Unchanged: 0", "Errors: 1"]
    assert lines[4] == (
        "Line 2: no surname; unknown role “директор” (student, parent, teacher or tutor); "
        "invalid e-mail address “not-an-email”"
    )
    assert lines[5].startswith("The import was not applied")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (HEADER.encode(), "The file has headers but no rows of residents."),
        (b"name;class\n1;2\n", "Line 1: wrong columns. Needed: Surname, Name, Class, Role, E-mail."),
        (b"PK\x03\x04broken", "Could not read the XLSX file"),
    ],
)
def test_an_english_reader_gets_file_errors_in_english(content, message):
    with translation.override("en"), pytest.raises(ImportFileError) as refused:
        import_residents(content, filename="register.csv")
    assert message in str(refused.value)


@pytest.mark.django_db
def test_the_admin_import_speaks_the_editors_language(admin_client, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "en"
    profile.save()
    upload = SimpleUploadedFile("register.csv", HEADER.encode(), content_type="text/csv")
    response = admin_client.post("/admin/residents/import/", {"file": upload, "dry_run": "on"})
    assert "The file has headers but no rows of residents." in response.content.decode()


@pytest.mark.django_db
def test_a_wrong_token_is_refused_in_the_active_language(rf):
    request = rf.get("/api/v2/pages/", HTTP_AUTHORIZATION="Bearer wagtail_wrong")
    with translation.override("en"), pytest.raises(AuthenticationFailed) as refused:
        BearerTokenAuthentication().authenticate(Request(request))
    assert refused.value.detail == "The token is invalid or revoked."
