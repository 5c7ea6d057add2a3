from tests.residents.conftest import residents_page, student  # noqa: F401 (the residents the lockouts are tried on)
