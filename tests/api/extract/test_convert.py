"""`to_corpus` and `to_domain`: the corpus format and a valid domain `Meeting`."""

from __future__ import annotations

import datetime as dt

import pytest

from api.extract import extract, meeting_id, to_corpus, to_domain
from api.models import Source

TEXT = (
    "ISLAMABAD: Chinese Foreign Minister Wang Yi called on Prime Minister Shehbaz Sharif "
    "at the PM House on Saturday and discussed the China-Pakistan Economic Corridor."
)
SOURCE = Source(
    id="test-source", publisher="Test", headline="A call-on", published=dt.date(2024, 8, 4)
)


def test_to_domain_builds_a_valid_meeting() -> None:
    (candidate,) = extract(TEXT, dt.date(2024, 8, 4))
    meeting = to_domain(candidate, SOURCE)
    assert meeting.id == "2024-08-03-wang-yi-shehbaz-sharif" == meeting_id(candidate)
    assert meeting.location.city == "Islamabad" and meeting.location.country_code == "PK"
    assert [p.person.id for p in meeting.participants] == ["wang-yi", "shehbaz-sharif"]
    assert meeting.sources == [SOURCE]
    assert "cpec" in meeting.topics


def test_calls_have_no_location_in_the_domain() -> None:
    text = "On May 10, 2025, Wang Yi held a phone call with Pakistan's Foreign Minister Ishaq Dar."
    (candidate,) = extract(text, dt.date(2025, 5, 11))
    meeting = to_domain(candidate, SOURCE)
    assert meeting.setting.value == "remote" and meeting.location.city is None


def test_corpus_format_and_unresolved_dates() -> None:
    (candidate,) = extract(TEXT, None)
    assert to_corpus(candidate)["date"] is None
    with pytest.raises(ValueError, match="no resolved date"):
        to_domain(candidate, SOURCE)
