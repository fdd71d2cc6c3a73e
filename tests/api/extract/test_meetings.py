"""Rule families of the extractor, on texts written for these tests."""

from __future__ import annotations

import datetime as dt

from api.extract import extract
from tests.api.extract.helpers import one, principals

# dates -------------------------------------------------------------------------------


def test_weekday_resolves_to_most_recent_on_or_before_published() -> None:
    text = "Indian Prime Minister Narendra Modi spoke by phone with Russian President Vladimir Putin on Friday."
    meeting = one(text, dt.date(2024, 7, 1))  # a Monday
    assert meeting.date == dt.date(2024, 6, 28)
    same_day = one(text, dt.date(2024, 6, 28))
    assert same_day.date == dt.date(2024, 6, 28)


def test_dateline_date_and_here() -> None:
    text = (
        "TOKYO, March 8 (Kyodo) -- Japanese Prime Minister Fumio Kishida received "
        "Philippine President Ferdinand Marcos Jr. here, the two sides said."
    )
    meeting = one(text, dt.date(2024, 3, 9))
    assert meeting.date == dt.date(2024, 3, 8)
    assert (meeting.city, meeting.country_code, meeting.setting) == (
        "Tokyo",
        "JP",
        "bilateral_visit",
    )


def test_yesterday_and_absolute_dates() -> None:
    text = "Indonesian President Joko Widodo met Chinese Premier Li Qiang in Jakarta yesterday."
    assert one(text, dt.date(2023, 9, 7)).date == dt.date(2023, 9, 6)
    text = "On 14 June 2024, Italian Prime Minister Giorgia Meloni met Indian Prime Minister Narendra Modi."
    assert one(text, None).date == dt.date(2024, 6, 14)


def test_relative_weekday_without_published_date_stays_unresolved() -> None:
    text = "Chinese President Xi Jinping had a telephone conversation with French President Emmanuel Macron on Tuesday."
    meeting = one(text, None)
    assert meeting.date is None and meeting.kind == "phone_call"


# kinds -------------------------------------------------------------------------------


def test_video_link_talks_are_video_calls_but_ceremonies_are_not() -> None:
    text = "Chinese President Xi Jinping held talks via video link with Vietnamese leader Nguyen Phu Trong on Monday."
    assert one(text, dt.date(2022, 3, 1)).kind == "video_call"
    ceremony = (
        "On Monday, Pakistani Prime Minister Shehbaz Sharif and Chinese Premier Li Qiang "
        "jointly inaugurated a new airport by video link."
    )
    assert extract(ceremony, dt.date(2024, 10, 15)) == []


def test_called_on_is_an_in_person_meeting() -> None:
    text = (
        "ISLAMABAD: Saudi Foreign Minister Prince Faisal bin Farhan called on Prime Minister "
        "Shehbaz Sharif at the PM House on Tuesday."
    )
    meeting = one(text, dt.date(2024, 4, 17))
    assert meeting.kind == "meeting" and meeting.venue == "PM House"
    assert ("Shehbaz Sharif", "PK") in principals(meeting)
    assert meeting.participants[0].country_code == "SA"


def test_telephoned_sets_initiator_and_phone_kind() -> None:
    text = (
        "Russian President Vladimir Putin telephoned Indian Prime Minister Narendra Modi on Monday."
    )
    meeting = one(text, dt.date(2022, 2, 25))
    assert (meeting.kind, meeting.initiated_by) == ("phone_call", "RU")


# boilerplate -------------------------------------------------------------------------


def test_caption_place_and_date_are_ignored() -> None:
    text = (
        "PHOTO: Pakistani Prime Minister Shehbaz Sharif meets Turkish President Recep Tayyip "
        "Erdogan in Istanbul, May 30, 2021.\n\n"
        "ANKARA: Pakistani Prime Minister Shehbaz Sharif met Turkish President Recep Tayyip "
        "Erdogan at the Presidential Complex on Monday.\n\n"
        "Suggest To A Friend:"
    )
    meeting = one(text, dt.date(2023, 6, 6))
    assert meeting.date == dt.date(2023, 6, 5)
    assert (meeting.city, meeting.country_code) == ("Ankara", "TR")


# initiated_by ------------------------------------------------------------------------


def test_request_of_a_side_and_bare_at_request() -> None:
    text = (
        "On March 3, 2023, Foreign Minister Qin Gang held a phone conversation with Ukrainian "
        "Foreign Minister Dmytro Kuleba at the request of the Ukrainian side."
    )
    assert one(text, dt.date(2023, 3, 3)).initiated_by == "UA"
    bare = (
        "On June 1, 2022, Premier Li Keqiang had a phone conversation with Sri Lankan Prime "
        "Minister Ranil Wickremesinghe at request."
    )
    assert one(bare, dt.date(2022, 6, 1)).initiated_by == "LK"
    received = "German Chancellor Olaf Scholz received a phone call from Chinese President Xi Jinping on Friday."
    assert one(received, dt.date(2022, 4, 2)).initiated_by == "CN"
    plain = "Chinese President Xi Jinping spoke with German Chancellor Olaf Scholz by telephone on Friday."
    assert one(plain, dt.date(2022, 4, 2)).initiated_by is None


# people ------------------------------------------------------------------------------


def test_attendees_versus_principals_and_trip_companions() -> None:
    text = (
        "BEIJING, Oct. 18 -- Chinese President Xi Jinping met with visiting Hungarian Prime "
        "Minister Viktor Orban at the Great Hall of the People on Wednesday.\n\n"
        "Hungarian Foreign Minister Peter Szijjarto sat in on the meeting. Orban is "
        "accompanied on the trip by several business leaders, including Sandor Csanyi."
    )
    meeting = one(text, dt.date(2023, 10, 18))
    roles = {p.name: p.role for p in meeting.participants}
    assert roles == {
        "Xi Jinping": "principal",
        "Viktor Orban": "principal",
        "Peter Szijjarto": "attendee",
    }
    assert meeting.venue == "Great Hall of the People"


def test_honorifics_are_stripped_from_titles_and_names() -> None:
    text = (
        "RAWALPINDI: Chief of Army Staff General Syed Asim Munir received Senator Marsha "
        "Blackburn of the United States at the General Headquarters on Monday."
    )
    meeting = one(text, dt.date(2024, 2, 27))
    asim = meeting.participants[0]
    assert (asim.name, asim.title) == ("Asim Munir", "Chief of Army Staff")
    assert meeting.participants[1].country_code == "US"


def test_alias_resolution_across_sentences() -> None:
    text = (
        "KATHMANDU: Nepali Prime Minister Pushpa Kamal Dahal met Indian External Affairs "
        "Minister Subrahmanyam Jaishankar on Thursday.\n\n"
        "Dahal told Jaishankar that the two countries should finish pending projects. "
        "Jaishankar thanked Dahal."
    )
    meeting = one(text, dt.date(2024, 1, 5))
    assert [p.name for p in meeting.participants] == [
        "Pushpa Kamal Dahal",
        "Subrahmanyam Jaishankar",
    ]
    assert meeting.participants[1].title == "External Affairs Minister"


def test_several_meetings_in_one_text() -> None:
    text = (
        "BISHKEK: Chinese President Xi Jinping met Russian President Vladimir Putin on "
        "Thursday on the sidelines of the Shanghai Cooperation Organisation summit.\n\n"
        "A day earlier, Xi held talks with Kyrgyz President Sadyr Japarov."
    )
    first, second = extract(text, dt.date(2022, 9, 16))
    assert (first.date, first.setting, first.occasion) == (
        dt.date(2022, 9, 15),
        "third_country",
        "SCO summit",
    )
    assert (first.city, first.country_code) == ("Bishkek", "KG")
    assert second.date == dt.date(2022, 9, 14)
    # held in the host's country during the summit trip: a visit, with the summit as occasion
    assert second.setting == "bilateral_visit" and second.occasion == "SCO summit"


# negatives ---------------------------------------------------------------------------


def test_congratulations_and_scheduled_visits_yield_nothing() -> None:
    message = (
        "BEIJING: Chinese President Xi Jinping on Monday sent a congratulatory message to "
        "Cyril Ramaphosa on his re-election as President of South Africa. He called on the "
        "two countries to deepen their partnership."
    )
    assert extract(message, dt.date(2024, 6, 17)) == []
    scheduled = (
        "Foreign Minister Wang Yi will visit Canberra next week and is expected to hold talks "
        "with Australian Foreign Minister Penny Wong."
    )
    assert extract(scheduled, dt.date(2024, 3, 12)) == []
    passing = "Wang Yi last met Penny Wong several months ago, officials said."
    assert extract(passing, dt.date(2024, 3, 12)) == []


# evidence ----------------------------------------------------------------------------


def test_evidence_spans_quote_the_text() -> None:
    text = (
        "Home > World News\n"
        "JAKARTA, July 13 -- U.S. Secretary of State Antony Blinken met Chinese Foreign "
        "Minister Wang Yi at the Shangri-La Hotel on Thursday on the sidelines of the ASEAN "
        "foreign ministers' meeting. They discussed Taiwan and the Ukraine war."
    )
    meeting = one(text, dt.date(2023, 7, 14))
    ev = meeting.evidence

    def quote(key: str) -> str:
        start, end = ev[key][0]
        return text[start:end]

    assert quote("date") == "Thursday"
    assert quote("kind") == "met"
    assert quote("city") == "JAKARTA"
    assert quote("venue") == "Shangri-La Hotel"
    assert quote("occasion") == "ASEAN"
    assert quote("participants[0].name") == "Antony Blinken"
    assert quote("participants[0].title") == "Secretary of State"
    assert quote("participants[1].name") == "Wang Yi"
    assert quote("participants[1].title") == "Foreign Minister"
    assert meeting.occasion == "ASEAN foreign ministers' meeting"
    assert meeting.country_code == "ID" and meeting.setting == "third_country"
    for topic in meeting.topics:
        start, end = ev[f"topics.{topic}"][0]
        assert text[start:end]
