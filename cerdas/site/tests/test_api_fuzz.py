"""Generated input against every API operation: nothing a client sends gives a 5xx.

Schemathesis reads /api/v1/openapi.json and sends what each operation's schema allows and
much that it does not (huge numbers, NaN, odd strings, wrong types), signed in as the team
of a region that has a masterplan, with the ids of real objects in the paths. Marked
``fuzz``: ``-m "not fuzz"`` leaves it out locally; CI runs it (under a minute).
"""

import json
from urllib.parse import urlencode

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.core import NOT_SET

from cerdas.masterplans.tests.factories import add_program, make_plan

pytestmark = pytest.mark.fuzz

# The schema is read once, when the tests are collected; the requests go through the client.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def signed_in(member_a):
    """A client signed in as a region's team, and the ids of its plan and program."""
    plan = make_plan()
    program = add_program(plan)
    client = Client()
    client.force_login(member_a)
    return client, {"pk": plan.pk, "program_id": program.pk}


def _request(client, case):
    """Send the generated case through Django's test client (the test's own database)."""
    path = case.formatted_path
    if case.query:
        path += "?" + urlencode(case.query, doseq=True)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": str(v) for k, v in (case.headers or {}).items()}
    if case.body is NOT_SET:
        return client.generic(case.method, path, **extra)
    media_type = case.media_type or "application/json"
    body = case.body
    if "json" in media_type and not isinstance(body, bytes):
        body = json.dumps(body)  # NaN and Infinity go out as JSON literals, as Python reads them
    elif not isinstance(body, bytes | str):
        body = str(body)
    return client.generic(case.method, path, body, content_type=media_type, **extra)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_gives_a_server_error(case, signed_in):
    client, ids = signed_in
    for name, value in ids.items():
        drawn = (case.path_parameters or {}).get(name)
        if isinstance(drawn, int) and drawn % 2:
            case.path_parameters[name] = value  # half the time a real object
    response = _request(client, case)
    assert response.status_code < 500, (case.method, case.formatted_path, response.content[:500])
