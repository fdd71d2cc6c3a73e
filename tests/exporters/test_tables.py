"""The flat tables shared by xlsx, csv and datapackage."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from api.models import Location, Meeting, Outcome, Participant, Role, Source, Statement
from exporters.table_rows import meeting_rows
from exporters.tables import TABLES, Labels, table


def test_every_row_has_one_value_per_column(seed_meetings: list[Meeting]) -> None:
    for meeting in seed_meetings:
        rows = meeting_rows(meeting)
        assert set(rows) == {t.name for t in TABLES}
        for name, table_rows in rows.items():
            assert all(len(row) == len(table(name).columns) for row in table_rows), name


def test_rows_follow_the_model(seed_meetings: list[Meeting]) -> None:
    meeting = seed_meetings[0]
    rows = meeting_rows(meeting)
    (row,) = rows["meetings"]
    by_name = dict(zip(table("meetings").header, row, strict=True))
    assert by_name["id"] == meeting.id and by_name["date"] == meeting.date
    assert by_name["kind"] == meeting.kind.value
    assert by_name["sources"] == len(meeting.sources)
    assert [r[2] for r in rows["participants"]] == [p.person.id for p in meeting.participants]
    assert [r[1] for r in rows["topics"]] == list(range(1, len(meeting.topics) + 1))
    assert [r[0] for r in rows["sources"]] == [s.id for s in meeting.sources]


@pytest.mark.parametrize("labelled", [False, True])
def test_the_meeting_row_names_principals_attendees_and_countries(
    seed_meetings: list[Meeting], labelled: bool
) -> None:
    labels = Labels({"cpec": "CPEC"}) if labelled else None
    for meeting in seed_meetings:
        (row,) = meeting_rows(meeting, labels)["meetings"]
        cells = dict(zip(table("meetings", labelled).header, row, strict=True))
        principals = [p for p in meeting.participants if p.role is Role.PRINCIPAL]
        attendees = [p for p in meeting.participants if p.role is Role.ATTENDEE]
        assert cells["principals"] == "; ".join(
            f"{p.person.name or p.person.id} ({p.country_code})" for p in principals
        )
        assert cells["attendees"] == (
            "; ".join(f"{p.person.name or p.person.id} ({p.country_code})" for p in attendees)
            or None
        )
        assert cells["countries"] == "; ".join(dict.fromkeys(p.country_code for p in principals))
        assert cells["topics"] == "; ".join(meeting.topics)
        assert cells["synthetic"] is meeting.synthetic and cells["summary"] == meeting.summary
        if labelled:
            assert cells["kind_label"] == meeting.kind.value.replace("_", " ").capitalize()
            assert cells["topic_labels"] == "; ".join(
                "CPEC" if t == "cpec" else t for t in meeting.topics
            )
    assert any(p.role is Role.ATTENDEE for m in seed_meetings for p in m.participants)


def test_keys_are_declared_columns_and_every_column_is_described() -> None:
    for t in TABLES:
        assert set(t.primary_key) <= set(t.header)
        assert len(set(t.header)) == len(t.header)
        assert all(column.description.endswith(".") for column in t.columns), t.name
        assert ("meeting_id" in t.header) == t.refers_to_meetings


def test_an_unknown_table_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        table("people")


# Where each field of a meeting lands in the flat tables: a column of the same name
# unless listed here. A field added to the models fails the test below until it is
# exported or listed with its place.
_LANDS_IN = {
    (Meeting, "location"): "the meetings columns city, country_code and venue",
    (Meeting, "participants"): "the participants table (and principals, attendees, countries)",
    (Meeting, "topics"): "the topics table and the meetings column topics",
    (Meeting, "statements"): "the statements table",
    (Meeting, "outcomes"): "the outcomes table",
    (Meeting, "sources"): "the sources table (and the meetings column sources, a count)",
    (Participant, "person"): "person_id and person_name",
    (Statement, "speaker"): "speaker_id and speaker_name",
    (Statement, "source"): "source_id",
}


@pytest.mark.parametrize(
    ("model", "table_name"),
    [
        (Meeting, "meetings"),
        (Location, "meetings"),
        (Participant, "participants"),
        (Statement, "statements"),
        (Outcome, "outcomes"),
        (Source, "sources"),
    ],
)
def test_every_field_of_the_models_is_exported(model: type[BaseModel], table_name: str) -> None:
    header = set(table(table_name).header)
    missing = [
        name for name in model.model_fields if name not in header and (model, name) not in _LANDS_IN
    ]
    assert missing == [], f"{model.__name__} fields with no column in {table_name}"
