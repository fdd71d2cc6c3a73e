"""Meetings a leader reports in his own quoted words, attributed after the quote."""

from __future__ import annotations

from api.extract import extract
from tests.api.extract.helpers import DAY, principals


def test_a_quote_opening_with_glad_to_meet_is_the_speakers_meeting() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday attended the BIMSTEC Ministerial "
        'meeting in Colombo.\n\n"Glad to meet FM Arzu Deuba of Nepal on the sidelines. '
        'Discussed trade and energy," Mr Jaishankar tweeted.',
        DAY,
    )
    assert [principals(m) for m in meetings] == [[("S Jaishankar", "IN"), ("Arzu Deuba", "NP")]]


def test_a_quote_opening_with_met_is_the_meeting_of_whom_he_stands_for() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday met French Foreign Minister "
        'Catherine Colonna in Bali.\n\n"Met FM Sergey Lavrov of Russia on the sidelines. '
        'Discussed bilateral matters," he said.',
        DAY,
    )
    assert [principals(m)[1] for m in meetings] == [
        ("Catherine Colonna", "FR"),
        ("Sergey Lavrov", "RU"),
    ]


def test_a_quote_that_speaks_of_meeting_later_is_no_meeting() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday spoke to reporters in Colombo.\n\n"
        '"I hope to meet FM Arzu Deuba of Nepal soon," Mr Jaishankar said.',
        DAY,
    )
    assert meetings == []
