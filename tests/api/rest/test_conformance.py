"""schemathesis against the live OpenAPI document: every check, on SQLite and PostgreSQL.

Cases are drawn for every operation in both modes (valid and invalid input) and each
response is validated with all of schemathesis's checks: no server error, status code,
content type, headers and body conforming to the document, invalid data rejected.
(schemathesis's own pytest plugin does not run under pytest 9 yet, so the operations
are driven through its Python API with Hypothesis.)

One exception: "schema-valid data is accepted" is not checked for a case holding a
`cursor` (or a feed cursor, `after`), a `date_from` after its `date_to`, a `person` or `topic`, or a person's id or
name in the path. A cursor is opaque (no schema can tell a real one from any other
string), the date order is a rule across two parameters, and a name is looked up in the
data (an unknown or ambiguous one answers 400 with candidates, never an empty page); all
answer 400 by design, which the other tests check.

The writes are called with a token of scope admin (schemathesis also checks that they
refuse a request without it). Whether a schema-valid write is accepted depends on what is
stored (an If-Match that is the current ETag, an open conflict, a load file's people, an
Idempotency-Key not used before with another body), so "schema-valid data is accepted"
is checked for `POST /readouts` without a key only.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance
from starlette.testclient import TestClient

from api.app import create_app
from api.service import Service
from api.storage.tokens import create_token

_EXAMPLES = 12


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
def test_api_conforms_to_its_schema(seeded: Service, mode: GenerationMode) -> None:
    app = create_app(seeded.settings, service=seeded)
    auth = {"Authorization": f"Bearer {create_token(seeded.engine, 'schemathesis', 'admin')}"}
    with TestClient(app):
        schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) == 19  # schemathesis leaves out the document itself
        unsatisfiable: list[str] = []
        for operation in operations:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=_EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(headers=auth, excluded_checks=_beyond_the_schema(case))

            try:
                check()
            except Unsatisfiable:
                # No invalid request exists when every parameter accepts any string.
                assert mode is GenerationMode.NEGATIVE, operation.label
                unsatisfiable.append(operation.label)
        assert "GET /meetings" not in unsatisfiable


def _beyond_the_schema(case: schemathesis.Case) -> list[object]:
    query = case.query or {}
    dates = query.get("date_from"), query.get("date_to")
    reversed_dates = all(isinstance(d, str) for d in dates) and str(dates[0]) > str(dates[1])
    names = "person" in query or "topic" in query or "/people/{id}" in case.operation.path
    keyed = "idempotency-key" in {name.lower() for name in case.headers or {}}
    stateful = keyed or (case.method != "GET" and case.operation.path != "/readouts")
    beyond = "cursor" in query or "after" in query or reversed_dates or names or stateful
    return [positive_data_acceptance] if beyond else []
