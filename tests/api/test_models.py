"""The domain models' rules, and messages that name the bad value."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from api.models import Meeting, Person


def _call() -> dict[str, Any]:
    return {
        "id": "2024-01-02-a-b",
        "date": "2024-01-02",
        "kind": "phone_call",
        "setting": "remote",
        "participants": [
            {"person": {"id": "a"}, "country_code": "CN", "role": "principal"},
            {"person": {"id": "b"}, "country_code": "pk", "role": "principal"},
        ],
        "topics": ["cpec"],
    }


def _fails(data: dict[str, Any], *fragments: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Meeting.model_validate(data)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message


def test_a_valid_call_normalises_country_codes() -> None:
    meeting = Meeting.model_validate(_call())
    assert [p.country_code for p in meeting.participants] == ["CN", "PK"]
    assert len(meeting.principals) == 2


def test_unknown_country_code_is_named() -> None:
    data = _call()
    data["participants"][1]["country_code"] = "XX"
    _fails(data, "unknown country code 'XX'", "ISO 3166-1")


def test_unknown_kind_lists_the_allowed_ones() -> None:
    data = _call()
    data["kind"] = "phonecall"
    _fails(data, "'phone_call', 'video_call' or 'meeting'", "phonecall")


def test_single_principal_is_rejected() -> None:
    data = _call()
    data["participants"][1]["role"] = "attendee"
    _fails(data, "at least two principals from two different countries", "got 1 principal")


def test_principals_from_one_country_are_rejected() -> None:
    data = _call()
    data["participants"][1]["country_code"] = "CN"
    _fails(data, "two different countries", "from CN")


def test_calls_are_remote_and_only_calls_are() -> None:
    data = _call()
    data["setting"] = "bilateral_visit"
    _fails(data, "setting 'bilateral_visit' does not fit kind 'phone_call'")
    data = _call()
    data["kind"] = "meeting"
    _fails(data, "setting 'remote' does not fit kind 'meeting'")


def test_a_call_has_no_place() -> None:
    data = _call()
    data["location"] = {"city": "Beijing"}
    _fails(data, "a call has no location")


def test_unknown_topic_is_named() -> None:
    data = _call()
    data["topics"] = ["cpec", "weather"]
    _fails(data, "unknown topic 'weather'", "cpec")


def test_topics_can_be_checked_against_another_vocabulary() -> None:
    data = _call()
    data["topics"] = ["weather"]
    meeting = Meeting.model_validate(data, context={"topic_ids": {"weather"}})
    assert meeting.topics == ["weather"]


def test_setting_must_match_the_host_country() -> None:
    data = _call()
    data.update(kind="meeting", setting="third_country", location={"country_code": "PK"})
    _fails(data, "took place in PK, a principal's country")
    data.update(setting="bilateral_visit", location={"country_code": "TJ"})
    _fails(data, "took place in TJ, no principal's country")


def test_initiated_by_must_be_a_principals_country() -> None:
    data = _call()
    data["initiated_by"] = "US"
    _fails(data, "initiated_by 'US' is not a principal's country")


def test_a_person_may_not_take_part_twice() -> None:
    data = _call()
    data["participants"].append(copy.deepcopy(data["participants"][0]))
    _fails(data, "person 'a' appears twice")


def test_unknown_fields_are_rejected() -> None:
    data = _call()
    data["kindd"] = "meeting"
    _fails(data, "kindd", "Extra inputs are not permitted")


def test_person_ids_are_slugs() -> None:
    with pytest.raises(ValidationError, match="should match pattern"):
        Person.model_validate({"id": "Imran Khan", "name": "Imran Khan", "country_code": "PK"})
