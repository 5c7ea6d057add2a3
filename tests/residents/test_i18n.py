from django.utils import translation
from django.utils.translation import gettext


def test_the_residents_catalogue_has_english():
    with translation.override("en"):
        assert gettext("Вход для резидентов") == "Residents’ login"
        assert gettext("Доступ закрыт") == "Access denied"
