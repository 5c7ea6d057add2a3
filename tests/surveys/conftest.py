import pytest

from tests.access.users import days, external, internal
from tests.surveys.builders import survey


@pytest.fixture
def open_survey(empty_home):
    return survey(empty_home)


@pytest.fixture
def student(db):
    return internal("survey-student")


@pytest.fixture
def partner(db):
    return external("survey-partner", contract_end=days(30))
