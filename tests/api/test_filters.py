"""MeetingFilter validation and the opaque keyset cursors."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from api.errors import InvalidInput
from api.filters import (
    Cursor,
    MeetingFilter,
    MeetingOrder,
    PageRequest,
    PeopleFilter,
    PeoplePage,
    PersonCursor,
    filter_query,
)


def test_dates_must_be_in_order() -> None:
    with pytest.raises(ValidationError, match="date_from 2022-01-01 is after date_to 2021-01-01"):
        MeetingFilter(date_from=dt.date(2022, 1, 1), date_to=dt.date(2021, 1, 1))


def test_unknown_filter_field_is_rejected() -> None:
    with pytest.raises(ValidationError, match="kindd"):
        MeetingFilter.model_validate({"kindd": ["meeting"]})


def test_country_codes_are_validated_and_upper_cased() -> None:
    assert MeetingFilter(country=["pk"]).country == ["PK"]
    with pytest.raises(InvalidInput, match="unknown country 'QQ'"):
        MeetingFilter(country=["QQ"])


def test_cursor_round_trip_is_opaque() -> None:
    cursor = Cursor(order=MeetingOrder.DATE_ASC, date=dt.date(2021, 7, 16), id="a-b")
    token = cursor.encode()
    assert "2021" not in token
    assert Cursor.decode(token, MeetingOrder.DATE_ASC) == cursor


@pytest.mark.parametrize("token", ["", "garbage", "W10", "WzEsMiwzXQ", "e30"])
def test_bad_cursor_names_the_value(token: str) -> None:
    with pytest.raises(InvalidInput, match=f"invalid cursor '{token}'"):
        Cursor.decode(token, MeetingOrder.DATE_DESC)


def test_cursor_of_another_order_is_rejected() -> None:
    token = Cursor(order=MeetingOrder.DATE_ASC, date=dt.date(2021, 1, 1), id="x").encode()
    with pytest.raises(InvalidInput, match="made for order 'date', not '-date'"):
        Cursor.decode(token, MeetingOrder.DATE_DESC)


def test_page_size_is_bounded() -> None:
    with pytest.raises(ValidationError, match="less than or equal to 100"):
        PageRequest(limit=101)


def test_filter_as_query_parameters_round_trips() -> None:
    selection = MeetingFilter(
        date_from=dt.date(2021, 1, 1),
        person=["imran-khan", "Wang Yi"],
        kind=["phone_call"],
        synthetic="any",
    )
    params = filter_query(selection)
    assert params == [
        ("date_from", "2021-01-01"),
        ("person", "imran-khan"),
        ("person", "Wang Yi"),
        ("kind", "phone_call"),
        ("synthetic", "any"),
    ]
    grouped: dict[str, list[str]] = {}
    for key, value in params:
        grouped.setdefault(key, []).append(value)
    rebuilt = MeetingFilter.model_validate(
        {
            k: v if k in {"person", "country", "kind", "setting", "topic"} else v[0]
            for k, v in grouped.items()
        }
    )
    assert rebuilt == selection


def test_lists_are_bounded() -> None:
    with pytest.raises(ValidationError, match="at most 20 items"):
        MeetingFilter(country=["PK"] * 21)


@pytest.mark.parametrize("value", ["0", "-1.19e-07", "1700000000", "2021-9", "21", "2021-09-1"])
def test_a_date_is_never_read_from_a_number_or_a_short_form(value: str) -> None:
    with pytest.raises(ValidationError, match="is not a date"):
        MeetingFilter.model_validate({"date_to": value})


def test_people_filter_reads_countries_as_the_meeting_filter_does() -> None:
    assert PeopleFilter(country="pk").country == "PK"
    assert PeopleFilter(country="Pakistan").country == "PK"
    with pytest.raises(InvalidInput, match="unknown country 'Atlantis'"):
        PeopleFilter(country="Atlantis")
    with pytest.raises(ValidationError, match="control character"):
        PeopleFilter(q="a\x00b")
    with pytest.raises(ValidationError, match="extra"):
        PeopleFilter.model_validate({"kind": "meeting"})


def test_people_page_decodes_its_cursor_once() -> None:
    token = PersonCursor(id="imran-khan").encode()
    assert PeoplePage(after=token).after == PersonCursor(id="imran-khan")
    assert PeoplePage(after="").after is None
    meeting_cursor = Cursor(order=MeetingOrder.DATE_DESC, date=dt.date(2021, 1, 1), id="x")
    for bad in ("W10", meeting_cursor.encode()):
        with pytest.raises(InvalidInput, match="invalid cursor"):
            PeoplePage(after=bad)
    with pytest.raises(ValidationError):
        PeoplePage(limit=0)
