"""Who sat in: lists of officials by side, and offices that only look like a bare role."""

from __future__ import annotations

from api.extract import extract
from tests.api.extract.helpers import DAY, one, principals


def _attendees(text: str) -> list[tuple[str, str | None]]:
    meeting = one(text)
    return [(p.name, p.country_code) for p in meeting.participants if p.role == "attendee"]


def test_officials_listed_after_each_side_belong_to_that_side() -> None:
    attendees = _attendees(
        "On Friday, Foreign Minister Yoko Kamikawa of Japan held a meeting with Foreign "
        "Minister Cho Tae-yul of South Korea. (The participants on the Japanese side included "
        "Mr. Kenji Okada, Director-General, and those on the ROK side included Mr. Seo Min-ho, "
        "Deputy Minister.)"
    )
    assert attendees == [("Kenji Okada", "JP"), ("Seo Min-ho", "KR")]


def test_from_a_side_names_the_side_of_those_who_attended() -> None:
    attendees = _attendees(
        "On Friday, Foreign Minister Yoko Kamikawa of Japan held a meeting with Foreign "
        "Minister Cho Tae-yul of South Korea. From the ROK side, Mr. Seo Min-ho, Deputy "
        "Minister, and others attended the meeting."
    )
    assert attendees == [("Seo Min-ho", "KR")]


def test_an_office_written_in_full_after_the_is_no_bare_role() -> None:
    meetings = extract(
        "On Friday, Mr. Kenji Okada, Minister for Foreign Affairs, held a meeting with Ms. "
        "Alicia Reyes, Foreign Minister of Chile, who is visiting Japan upon invitation by the "
        "Minister for Foreign Affairs, followed by a dinner hosted by Minister Okada. (Mr. Taro "
        "Sato, Deputy Minister for Foreign Affairs, attended the meeting.)",
        DAY,
    )
    assert [principals(m) for m in meetings] == [[("Kenji Okada", "JP"), ("Alicia Reyes", "CL")]]


def test_a_region_named_in_a_bureau_is_no_person() -> None:
    attendees = _attendees(
        "On Friday, Foreign Minister Yoko Kamikawa of Japan held a meeting with Foreign "
        "Minister Cho Tae-yul of South Korea. Mr. Kenji Okada, Director-General, Asian and "
        "Oceanian Affairs Bureau, attended the meeting."
    )
    assert attendees == [("Kenji Okada", "JP")]
