"""Plain rows (`api.storage.plain`): the same data as the models, in fewer statements."""

from __future__ import annotations

import orjson

from api.filters import MeetingFilter, PageRequest
from api.rest.envelopes import dump
from api.results import MeetingBrief
from api.service import Service
from tests.conftest import StatementCounter

_ALL = MeetingFilter(synthetic="any")


def test_export_rows_are_the_models_read_by_id_dumped(seeded: Service) -> None:
    """The two ways children are read (a key range for exports, ids for a page) agree."""
    repository = seeded.repository
    rows = list(repository.iter_for_export("rows", _ALL))
    models = [m for m in repository.get_meetings([row["id"] for row in rows]) if m is not None]
    assert len(models) == len(rows) > 3
    assert rows == [meeting.model_dump() for meeting in models]
    assert [orjson.dumps(row) for row in rows] == [dump(meeting) for meeting in models]


def test_briefs_are_the_brief_models_dumped(seeded: Service) -> None:
    page = seeded.repository.list_briefs(_ALL, PageRequest(limit=50))
    models = seeded.repository.list_meetings(_ALL, PageRequest(limit=50)).items
    assert page.items == [
        MeetingBrief.model_validate(meeting.model_dump()).model_dump() for meeting in models
    ]


def test_a_full_page_of_rows_costs_what_a_page_of_models_costs(
    seeded: Service, count_statements: type[StatementCounter]
) -> None:
    with count_statements(seeded.engine) as models:
        seeded.repository.list_meetings(_ALL, PageRequest(limit=50))
    with count_statements(seeded.engine) as rows:
        page = seeded.repository.list_briefs(_ALL, PageRequest(limit=50), full=True)
    assert len(page.items) == 4
    assert len(rows.statements) == len(models.statements) == 5


def test_export_input_follows_what_the_exporter_reads(seeded: Service) -> None:
    repository = seeded.repository
    first_model = next(iter(repository.iter_for_export("models", _ALL)))
    first_row = next(iter(repository.iter_for_export("rows", _ALL)))
    assert first_row == first_model.model_dump()
