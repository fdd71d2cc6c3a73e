"""Rule families added after scoring the extractor on held-out-like texts.

Each test uses short texts written for it, outside every annotated corpus, so that a
rule tuned to one corpus text would fail here.
"""

from __future__ import annotations

import datetime as dt

from api.extract import ExtractedMeeting, extract
from tests.api.extract.helpers import one


def _titles(meeting: ExtractedMeeting) -> dict[str, str | None]:
    return {p.name: p.title for p in meeting.participants}


# dates -------------------------------------------------------------------------------


def test_vague_dates_name_no_day_and_block_a_meeting() -> None:
    for phrase in ("last November", "in July 2021", "in 2019", "earlier this year"):
        text = f"German Chancellor Olaf Scholz met Brazilian President Lula da Silva {phrase}."
        assert extract(text, dt.date(2023, 6, 1)) == [], phrase


def test_the_date_after_the_trigger_wins_within_its_clause() -> None:
    text = (
        "German Chancellor Olaf Scholz, who took office in December, met Brazilian President "
        "Lula da Silva "
        "on Monday afternoon in Berlin. German officials said the talks went well."
    )
    assert one(text, dt.date(2023, 12, 6)).date == dt.date(2023, 12, 4)
    text = (
        "German Chancellor Olaf Scholz on Monday held talks with Brazilian President Lula "
        "da Silva and congratulated him on taking office last month."
    )
    assert one(text, dt.date(2023, 2, 1)).date == dt.date(2023, 1, 30)


def test_a_passing_reference_in_the_same_sentence_is_not_a_meeting() -> None:
    text = (
        "BERLIN, June 19 -- German Chancellor Olaf Scholz met Indian Prime Minister "
        "Narendra Modi on Monday, the first contact since Modi and Brazilian President "
        "Lula da Silva met in Delhi last September."
    )
    meeting = one(text, dt.date(2023, 6, 19))
    assert meeting.city == "Berlin" and meeting.date == dt.date(2023, 6, 19)


def test_a_dateless_lead_takes_the_published_date_but_later_sentences_do_not() -> None:
    text = (
        "Foreign Minister Penny Wong of Australia held a telephone conversation with "
        "Foreign Minister Wang Yi of China.\n\n"
        "They discussed trade.\n\n"
        "Australian Prime Minister Anthony Albanese held a telephone conversation with "
        "Indonesian President Joko Widodo last week."
    )
    meeting = one(text, dt.date(2023, 3, 2))
    assert meeting.date == dt.date(2023, 3, 2) and meeting.kind == "phone_call"
    assert meeting.participants[0].title == "Foreign Minister"
    assert {p.country_code for p in meeting.participants} == {"AU", "CN"}


def test_a_press_release_place_and_date_line_is_a_dateline() -> None:
    text = (
        "President meets Kazakh leader\n\n"
        "Astana, 3 July 2024\n\n"
        "Turkish President Recep Tayyip Erdogan met Kazakh President Kassym-Jomart "
        "Tokayev today."
    )
    meeting = one(text, dt.date(2024, 7, 3))
    assert (meeting.city, meeting.country_code, meeting.setting) == (
        "Astana",
        "KZ",
        "bilateral_visit",
    )


# triggers and future -------------------------------------------------------------------


def test_time_adverbs_between_verb_and_object() -> None:
    text = (
        "French President Emmanuel Macron spoke today with Japanese Prime Minister Fumio Kishida."
    )
    meeting = one(text, dt.date(2023, 5, 2))
    assert meeting.kind == "phone_call" and meeting.date == dt.date(2023, 5, 2)


def test_met_on_a_weekday_and_a_future_cue_that_describes_the_event() -> None:
    text = (
        "NEW DELHI -- Indian Prime Minister Narendra Modi and Japanese Prime Minister "
        "Fumio Kishida met on Monday, in what is expected to be their last meeting this year."
    )
    assert one(text, dt.date(2023, 3, 20)).date == dt.date(2023, 3, 20)
    future = (
        "Indian Prime Minister Narendra Modi will travel to Tokyo from May 19 for a "
        "summit meeting with Japanese Prime Minister Fumio Kishida."
    )
    assert extract(future, dt.date(2023, 5, 10)) == []


def test_video_conference_is_a_video_call() -> None:
    text = "Spanish Prime Minister Pedro Sanchez held a video conference with Canadian Prime Minister Justin Trudeau on Friday."
    assert one(text, dt.date(2021, 4, 10)).kind == "video_call"


# places --------------------------------------------------------------------------------


def test_places_of_another_event_and_the_longest_venue() -> None:
    text = (
        "TOKYO, May 5 -- Japanese Prime Minister Fumio Kishida received Philippine President "
        "Ferdinand Marcos Jr. at the Akasaka State Guesthouse on Friday, a year after they met in Manila."
    )
    meeting = one(text, dt.date(2023, 5, 5))
    assert (meeting.city, meeting.venue) == ("Tokyo", "Akasaka State Guesthouse")


def test_a_city_is_never_a_person() -> None:
    text = "French President Emmanuel Macron met Chinese President Xi Jinping in San Francisco on Tuesday."
    meeting = one(text, dt.date(2023, 11, 15))
    assert [p.name for p in meeting.participants] == ["Emmanuel Macron", "Xi Jinping"]
    assert (meeting.city, meeting.country_code) == ("San Francisco", "US")


# people and titles -----------------------------------------------------------------------


def test_office_of_a_country_gives_the_country_not_the_title() -> None:
    text = (
        "The Ambassador of the Republic of Korea to Japan, Yun Duk-min, called on Japanese "
        "Prime Minister Fumio Kishida on Thursday."
    )
    meeting = one(text, dt.date(2023, 8, 4))
    assert _titles(meeting)["Yun Duk-min"] == "Ambassador to Japan"
    assert {p.country_code for p in meeting.participants} == {"KR", "JP"}


def test_office_then_comma_then_name_and_slashed_offices() -> None:
    text = (
        "Deputy Prime Minister/Foreign Minister Senator Mohammad Ishaq Dar held a telephone "
        "conversation with Member of the Political Bureau of the CPC Central Committee and "
        "Foreign Minister of China, H.E. Wang Yi. Pakistan and China agreed to stay in touch."
    )
    meeting = one(text, dt.date(2025, 4, 27))
    assert _titles(meeting) == {
        "Ishaq Dar": "Deputy Prime Minister and Foreign Minister",
        "Wang Yi": "Member of the Political Bureau of the CPC Central Committee and Foreign Minister",
    }


def test_post_nominal_letters_and_comma_listed_portfolios() -> None:
    text = (
        "Visiting Chinese Vice Premier He Lifeng called on General Syed Asim Munir, NI (M), "
        "Chief of Army Staff, in Rawalpindi on Monday. Minister for Planning, Development and "
        "Special Initiatives Ahsan Iqbal was also present in the meeting. Pakistan thanked China."
    )
    meeting = one(text, dt.date(2023, 7, 31))
    titles = _titles(meeting)
    assert titles["Asim Munir"] == "Chief of Army Staff"
    assert titles["Ahsan Iqbal"] == "Minister for Planning, Development and Special Initiatives"


def test_a_counterpart_holds_the_last_office_of_a_double_title() -> None:
    text = (
        "Deputy Prime Minister and Foreign Minister Ishaq Dar of Pakistan held talks with "
        "his Chinese counterpart Wang Yi in Beijing on Tuesday."
    )
    assert _titles(one(text, dt.date(2025, 5, 21)))["Wang Yi"] == "Foreign Minister"


def test_joined_for_the_talks_makes_attendees() -> None:
    text = (
        "LIMA -- U.S. President Joe Biden met Chinese President Xi Jinping on Saturday. "
        "Secretary of State Antony Blinken joined Biden for the talks."
    )
    meeting = one(text, dt.date(2024, 11, 16))
    assert [(p.name, p.role) for p in meeting.participants if p.role == "attendee"] == [
        ("Antony Blinken", "attendee")
    ]


# who asked -----------------------------------------------------------------------------


def test_the_latter_or_former_asked_for_the_call() -> None:
    text = "Russian President Vladimir Putin had a phone call with Turkish President Recep Tayyip Erdogan on Sunday at the latter's request."
    assert one(text, dt.date(2023, 6, 25)).initiated_by == "TR"
    text = "Russian President Vladimir Putin had a phone call with Turkish President Recep Tayyip Erdogan on Sunday at the request of the former."
    assert one(text, dt.date(2023, 6, 25)).initiated_by == "RU"


# pronouns and country counts ---------------------------------------------------------------


def test_a_leading_pronoun_is_the_previous_sentence_subject() -> None:
    text = (
        "TOKYO, May 5 -- Philippine President Ferdinand Marcos Jr. arrived on Thursday. "
        "On Friday, he held talks with Japanese Prime Minister Fumio Kishida."
    )
    meeting = one(text, dt.date(2023, 5, 5))
    assert [p.name for p in meeting.principals] == ["Ferdinand Marcos Jr.", "Fumio Kishida"]
    assert meeting.date == dt.date(2023, 5, 5)
    reported = (
        "Japan and the Philippines agreed on Friday. Japanese Prime Minister Fumio Kishida "
        "said he met Philippine President Ferdinand Marcos Jr. on Friday."
    )
    meeting = one(reported, dt.date(2023, 5, 5))  # 'said he': the subject, not a pronoun rule
    assert [p.name for p in meeting.principals] == ["Fumio Kishida", "Ferdinand Marcos Jr."]


def test_the_united_states_counts_as_a_country_cue() -> None:
    text = (
        "President Joseph R. Biden, Jr. spoke today with President Xi Jinping of the "
        "People's Republic of China. The United States will keep channels open."
    )
    meeting = one(text, dt.date(2024, 4, 2))
    assert [(p.name, p.country_code) for p in meeting.principals] == [
        ("Joseph R. Biden", "US"),
        ("Xi Jinping", "CN"),
    ]
