"""Generated requests over the whole of API v3, as an anonymous visitor, a resident and an editor would send them:
no answer is a server error, and every answer matches what /api/v3/openapi.json says of it (status, content
type, body). Schemathesis draws the cases from the OpenAPI document, valid and invalid ones alike; they go to
the WSGI application in the test's own transaction, over the shared demo, so every write is rolled back.

The seed is fixed, so a run finds the same cases each time (CI does not turn red by chance): a new endpoint,
parameter or answer changes the cases. CI sends about 200 cases per caller: for every operation a few valid
ones and, if it has parameters or a body, a few invalid ones;
`SCHEMATHESIS_CASES` raises the number of cases per caller for a deeper run by hand.
"""

import os
import time
from collections import Counter

import pytest
import schemathesis
from django.contrib.auth.models import Group
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import APIToken

from coworking.wsgi import application
from residents.roles import Role
from tests.access.users import internal, make_user

pytestmark = pytest.mark.django_db

CASES_PER_CALLER = int(os.environ.get("SCHEMATHESIS_CASES", "200"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def connection_kept():
    """The WSGI application closes the database connection after each request, as a server's should; Django's
    test client keeps it (it disconnects the same signal), and so must this test: its transaction holds the demo."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def token_of(user) -> str:
    _token, key = APIToken.create_token(user=user, name="schemathesis")
    return key


def editor():
    user = make_user("schemathesis-editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Редакторы"))
    return user


CALLERS = {
    "anonymous": lambda: None,
    "resident": lambda: token_of(internal("schemathesis-resident", role=Role.TEACHER)),
    "editor": lambda: token_of(editor()),
}


def run(schema, headers: dict, cases: int) -> tuple[Counter, list[str]]:
    """`cases` generated cases spread over the operations (half valid, half invalid), each called and checked;
    failures are collected, not raised, so hypothesis does not spend the run shrinking them."""
    operations = [result.ok() for result in schema.get_all_operations()]
    per_operation = max(1, cases // (2 * len(operations)) + 1)
    counts: Counter = Counter()
    failures: list[str] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @seed(14)
            @settings(
                max_examples=per_operation,
                database=None,
                deadline=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def call(case):
                counts["cases"] += 1
                counts[(operation.label, mode)] += 1  # noqa: B023 (called in this same iteration)
                response = case.call(headers=headers)
                counts[response.status_code // 100 * 100] += 1
                try:
                    case.validate_response(response, checks=CHECKS, headers=headers)
                except (AssertionError, FailureGroup) as failure:
                    failures.append(f"{case.method} {case.formatted_path} {case.query!r} {case.body!r}: {failure}")

            try:
                call()
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # an operation without parameters cannot be called wrongly
    return counts, failures


@pytest.mark.parametrize("caller", CALLERS)
def test_generated_requests_get_no_server_error_and_answers_that_match_the_schema(demo_site, connection_kept, caller):
    key = CALLERS[caller]()
    # Uncompressed answers: the site gzips JSON for clients that accept it, and the WSGI client would not unpack it.
    headers = {"Accept-Encoding": "identity", **({"Authorization": f"Bearer {key}"} if key else {})}
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    started = time.monotonic()
    counts, failures = run(schema, headers, CASES_PER_CALLER)
    elapsed = time.monotonic() - started
    statuses = {key: count for key, count in counts.items() if isinstance(key, int)}
    print(f"{caller}: {counts['cases']} cases in {elapsed:.1f} s, {statuses}, {len(failures)} failures")
    assert counts["cases"] >= CASES_PER_CALLER
    operations = [result.ok() for result in schema.get_all_operations()]
    assert all(counts[(operation.label, GenerationMode.POSITIVE)] for operation in operations), counts
    # an operation without parameters cannot be called wrongly (see `run`), every other one is
    assert sum(bool(counts[(operation.label, GenerationMode.NEGATIVE)]) for operation in operations) > 0, counts
    assert not failures, "\n\n".join(failures[:20])
