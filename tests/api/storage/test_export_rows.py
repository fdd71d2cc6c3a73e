"""Export rows (`api.storage.export_rows`): the models dumped, in batches of five
statements, whatever the filter and the batch size."""

from __future__ import annotations

import datetime as dt

import pytest

from api.filters import MeetingFilter, MeetingOrder
from api.models import MeetingKind
from api.service import Service
from api.storage import synth
from api.storage.export_rows import iter_export_rows
from api.storage.meetings import conditions
from tests.conftest import StatementCounter

_ALL = MeetingFilter(synthetic="any")


@pytest.mark.parametrize("order", list(MeetingOrder))
@pytest.mark.parametrize(
    "selection",
    [
        _ALL,
        MeetingFilter(kind=[MeetingKind.PHONE_CALL], synthetic="any"),
        MeetingFilter(person=["Imran Khan"], synthetic="any"),
        MeetingFilter(date_from=dt.date(2021, 1, 1), synthetic="any"),
    ],
)
def test_export_rows_are_the_models_dumped(
    seeded: Service, selection: MeetingFilter, order: MeetingOrder
) -> None:
    synth.generate(seeded.engine, 40, seed=3)
    models = list(seeded.repository.iter_meetings(selection, order, batch_size=1_000))
    for batch_size in (1, 7, 1_000):
        rows = list(iter_export_rows(seeded.engine, selection, conditions, order, batch_size))
        assert rows == [meeting.model_dump() for meeting in models], batch_size
    assert models


def test_a_batch_is_five_statements_and_persons_are_resolved_once(
    seeded: Service, count_statements: type[StatementCounter]
) -> None:
    synth.generate(seeded.engine, 30, seed=5)
    everyone = MeetingFilter(synthetic="any")
    with count_statements(seeded.engine) as counter:
        rows = list(iter_export_rows(seeded.engine, everyone, conditions, batch_size=10))
    assert len(rows) == 34
    assert len(counter.statements) == 4 * 5  # four batches (the last one short)
    person = MeetingFilter(person=["Imran Khan"], synthetic="any")
    with count_statements(seeded.engine) as counter:
        rows = list(iter_export_rows(seeded.engine, person, conditions, batch_size=1))
    assert len(rows) == 3  # the seeds' meetings of Imran Khan
    assert len(counter.statements) == 1 + 3 * 5  # the names once, then three batches
