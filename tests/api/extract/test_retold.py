"""The day a statement was made is not the meeting's; an unnamed retelling gives the day."""

from __future__ import annotations

import datetime as dt

from api.extract import extract
from tests.api.extract.helpers import DAY, one, principals


def test_the_day_a_ministry_spoke_is_not_the_meetings_and_the_retelling_dates_it() -> None:
    meeting = one(
        "Foreign Minister Cho Tae-yul of South Korea and his Japanese counterpart Takeshi "
        "Iwaya have held talks in Lima, the ministry in Seoul said Friday. The two ministers "
        "held a meeting there on Wednesday to discuss trade."
    )
    assert meeting.date == dt.date(2024, 5, 15)


def test_a_retelling_that_names_people_tells_its_own_contact() -> None:
    meetings = extract(
        "Foreign Minister Cho Tae-yul of South Korea and his Japanese counterpart Takeshi "
        "Iwaya have held talks in Lima, the ministry in Seoul said Friday. Cho and Iwaya held "
        "a meeting in Tokyo on 2 March 2024.",
        DAY,
    )
    assert meetings[0].date != dt.date(2024, 3, 2)


def test_a_people_written_in_two_words_is_no_person() -> None:
    meeting = one(
        "Foreign Minister Cho Tae-yul of South Korea met his Japanese counterpart Takeshi "
        "Iwaya in Lima on Friday. The two diplomats held a meeting to discuss North Korean "
        "missile launches."
    )
    assert principals(meeting) == [("Cho Tae-yul", "KR"), ("Takeshi Iwaya", "JP")]


def test_a_spaced_name_of_a_regional_forum_is_its_occasion() -> None:
    meeting = one(
        "Foreign Minister Cho Tae-yul of South Korea met his Japanese counterpart Takeshi "
        "Iwaya on Friday on the sidelines of the Asia Pacific Economic Cooperation summit in "
        "Lima."
    )
    assert meeting.occasion == "APEC summit"
