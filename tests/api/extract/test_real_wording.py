"""Patterns met in published readouts from many publishers (studied on a scoring set
kept outside the repository): each rule with the near miss that must not count. The
texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from api.extract import extract
from api.extract.context import build_context
from tests.api.extract.helpers import DAY, one, principals

# names and the words around them -----------------------------------------------------


def test_a_weekday_right_after_a_name_ends_the_name() -> None:
    meeting = one(
        "Indonesian President Joko Widodo Tuesday held talks with visiting Malaysian Prime "
        "Minister Anwar Ibrahim in Jakarta."
    )
    assert principals(meeting) == [("Joko Widodo", "ID"), ("Anwar Ibrahim", "MY")]
    assert meeting.date == dt.date(2024, 5, 14)


def test_a_dotted_abbreviation_between_trigger_and_object() -> None:
    meeting = one(
        "Foreign Minister Hakan Fidan spoke over the phone with his U.S. counterpart Marco "
        "Rubio on Friday to discuss Turkey's role in the Gaza talks."
    )
    assert meeting.kind == "phone_call"
    assert principals(meeting) == [("Hakan Fidan", "TR"), ("Marco Rubio", "US")]


def test_a_country_acting_in_the_sentence_is_the_unqualified_subjects() -> None:
    """The subject has no country cue; the sentence speaks of Turkey acting, and the most
    mentioned country of the text (Russia) is only talked about."""
    meeting = one(
        "Foreign Minister Hakan Fidan spoke over the phone with his U.S. counterpart Marco "
        "Rubio on Friday about Turkey's efforts on Russia. They discussed Russia, the Russian "
        "economy and Russian troops."
    )
    assert meeting.principals[0].country_code == "TR"


def test_a_counterparts_possessive_is_no_acting_country() -> None:
    meeting = one(
        "Foreign Minister Hakan Fidan spoke by phone with Germany's counterpart Johann Wadephul "
        "on Friday. Turkey and Germany discussed trade; Turkey raised migration."
    )
    assert principals(meeting) == [("Hakan Fidan", "TR"), ("Johann Wadephul", "DE")]


# future cues keep to their own clause -----------------------------------------------


def test_a_future_cue_in_a_who_clause_leaves_the_talks() -> None:
    meeting = one(
        "Egyptian President Abdel Fattah al-Sisi held talks on Thursday with Kenyan President "
        "William Ruto, who is on a state visit and will attend the upcoming summit in Cairo."
    )
    assert meeting.date == dt.date(2024, 5, 16)
    assert {c for _, c in principals(meeting)} == {"EG", "KE"}


def test_a_future_cue_before_the_who_clause_still_blocks() -> None:
    text = (
        "Egyptian President Abdel Fattah al-Sisi is expected to hold talks with Kenyan "
        "President William Ruto, who arrived in Cairo on Thursday."
    )
    assert extract(text, DAY) == []


# datelines --------------------------------------------------------------------------


def test_a_slashed_agency_credit_after_a_city_in_title_case() -> None:
    text = (
        "Ulaanbaatar/MONTSAME/. Foreign Minister Battsetseg Batmunkh of Mongolia held talks "
        "with Foreign Minister Wang Yi of China on Friday."
    )
    meeting = one(text)
    assert meeting.city == "Ulaanbaatar" and meeting.country_code == "MN"


# dates told by an earlier sentence of the story --------------------------------------


def test_the_day_of_the_welcome_dates_the_meeting_told_next() -> None:
    meeting = one(
        "By a staff reporter | Updated: 2024-05-17\n\n"
        "Foreign Minister Wang Yi praised the friendship with Ghana on Thursday as he received "
        "Ghana's foreign minister.\n\n"
        "Wang met with Samuel Okudzeto Ablakwa, Ghana's minister of foreign affairs, at the "
        "Diaoyutai State Guesthouse in Beijing."
    )
    assert meeting.date == dt.date(2024, 5, 16)
    assert meeting.venue == "Diaoyutai State Guesthouse"


def test_a_contact_told_as_the_last_takes_no_day_from_the_story() -> None:
    text = (
        "BEIJING, May 17 -- President Xi Jinping held talks with President Lula da Silva of "
        "Brazil on Friday.\n\nXi and Biden last met in person in Lima."
    )
    meetings = extract(text, DAY)
    assert [[p.name for p in m.principals] for m in meetings] == [["Xi Jinping", "Lula da Silva"]]


def test_a_series_of_meetings_dated_by_its_lead() -> None:
    text = (
        "External Affairs Minister S Jaishankar held a series of bilateral meetings on Wednesday "
        "on the sidelines of the G20 Foreign Ministers' Meeting in New Delhi.\n\n"
        "Jaishankar and Russian Foreign Minister Sergey Lavrov exchanged views on energy.\n\n"
        "During his meeting with Brazilian Foreign Minister Mauro Vieira, Jaishankar spoke of "
        "trade.\n\n"
        "The External Affairs Minister also met his Mexican counterpart, Alicia Barcena."
    )
    meetings = extract(text, DAY)
    assert [m.date for m in meetings] == [dt.date(2024, 5, 15)] * 3
    others = [{p.country_code for p in m.principals} - {"IN"} for m in meetings]
    assert others == [{"RU"}, {"BR"}, {"MX"}]
    assert meetings[2].principals[0].name == "S Jaishankar"


def test_views_exchanged_at_a_reported_call_are_no_second_meeting() -> None:
    meeting = one(
        "Pakistani Prime Minister Shehbaz Sharif held a telephone conversation with President Recep "
        "Tayyip Erdogan of Turkiye on Friday.\n\nShehbaz Sharif and Erdogan exchanged views on Gaza."
    )
    assert meeting.kind == "phone_call"


def test_the_two_heads_of_state_are_the_pair_named_before() -> None:
    meetings = extract(
        "Chinese President Xi Jinping held talks with US President Barack Obama on Wednesday in "
        "Beijing.\n\n"
        "On Tuesday evening, the two heads of state held a meeting at the Zhongnanhai compound.",
        DAY,
    )
    assert [m.date for m in meetings] == [dt.date(2024, 5, 15), dt.date(2024, 5, 14)]


# the place told by a later report of the same meeting --------------------------------


def test_a_retelling_by_the_pair_gives_the_place_and_occasion() -> None:
    meeting = one(
        "External Affairs Minister S Jaishankar on Friday held a bilateral meeting with Carlos "
        "Pinto Pereira, Minister of Foreign Affairs of Guinea-Bissau.\n\n"
        "The two foreign ministers met in Lisbon on the sidelines of the UN Ocean Conference "
        "and the NATO summit."
    )
    assert (meeting.city, meeting.country_code) == ("Lisbon", "PT")
    assert meeting.occasion == "NATO summit" and meeting.setting == "third_country"


def test_an_office_of_a_hyphenated_country_gives_it_and_no_city() -> None:
    meeting = one(
        "External Affairs Minister S Jaishankar on Friday held a bilateral meeting with Carlos "
        "Pinto Pereira, Minister of Foreign Affairs of Guinea-Bissau."
    )
    pereira = meeting.principals[1]
    assert (pereira.country_code, pereira.title) == ("GW", "Minister of Foreign Affairs")
    assert meeting.city is None


def test_a_caption_of_the_handshake_names_the_venue() -> None:
    meeting = one(
        "BEIJING - Chinese President Xi Jinping held talks with US Vice President Joe Biden on "
        "Friday in Beijing.\n\n"
        "Chinese President Xi Jinping shakes hands with US Vice President Joe Biden inside the "
        "Great Hall of the People in Beijing. [Photo/Agencies]"
    )
    assert meeting.venue == "Great Hall of the People"


def test_a_handshake_of_other_people_names_no_venue() -> None:
    meeting = one(
        "BEIJING - Chinese President Xi Jinping held talks with US Vice President Joe Biden on "
        "Friday in Beijing.\n\n"
        "Premier Li Qiang shakes hands with US Secretary of State John Kerry inside the Great "
        "Hall of the People in Beijing. [Photo/Agencies]"
    )
    assert meeting.venue is None


# occasions ----------------------------------------------------------------------------


def test_an_event_outside_the_table_is_named_as_written() -> None:
    meeting = one(
        "Secretary of State Antony Blinken met on Friday with Norwegian Foreign Minister "
        "Espen Barth Eide on the margins of the Nordic Council Ministerial."
    )
    assert meeting.occasion == "Nordic Council Ministerial"
    assert meeting.setting == "third_country"


def test_a_body_named_for_its_agenda_is_no_occasion() -> None:
    meeting = one(
        "BEIJING, May 17 -- Chinese Foreign Minister Wang Yi met with visiting Brazilian "
        "Foreign Minister Mauro Vieira on Friday. They discussed G20 issues and the BRICS "
        "agenda."
    )
    assert meeting.occasion is None and meeting.setting == "bilateral_visit"


def test_a_nato_ministers_meeting_is_not_a_summit() -> None:
    meeting = one(
        "Secretary of State Antony Blinken met today with Slovak Minister of Foreign Affairs "
        "Juraj Blanar in Bucharest on the margins of the NATO Foreign Ministers' Meeting."
    )
    assert meeting.occasion == "NATO foreign ministers' meeting"


def test_the_lead_that_dates_a_series_gives_its_place_and_occasion() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar held a series of bilateral meetings on Wednesday "
        "on the sidelines of the G20 Foreign Ministers' Meeting in New Delhi.\n\n"
        "Jaishankar and Russian Foreign Minister Sergey Lavrov exchanged views on G20 issues.\n\n"
        "Jaishankar also met Dutch Foreign Minister Wopke Hoekstra.",
        DAY,
    )
    assert [(m.city, m.country_code, m.setting, m.occasion) for m in meetings] == [
        ("New Delhi", "IN", "bilateral_visit", "G20 foreign ministers' meeting")
    ] * 2


def test_a_meeting_in_an_events_name_does_not_cut_the_place_off() -> None:
    meeting = one(
        "On May 17, Mr. Seiji Maehara, Minister for Foreign Affairs of Japan, held talks with "
        "Dr. Yang Jiechi, Minister of Foreign Affairs of China, for 35 minutes, beginning at "
        "10:00AM (Japan Standard Time), on the sidelines of the APEC Summit Meeting in Yokohama."
    )
    assert (meeting.city, meeting.country_code, meeting.setting) == (
        "Yokohama",
        "JP",
        "bilateral_visit",
    )
    assert meeting.occasion == "APEC summit"


def test_islands_and_time_zones_are_no_people() -> None:
    context = build_context(
        "Japanese Foreign Minister Iwaya Takeshi held a meeting with Chinese Foreign Minister "
        "Wang Yi in Beijing on Friday at 3 p.m. Japan Standard Time.\n\n"
        "Minister Iwaya during the meeting raised the situation surrounding the Senkaku "
        "Islands.",
        DAY,
    )
    assert [p.name for p in context.people] == ["Iwaya Takeshi", "Wang Yi"]


# the subject behind a relative clause, the day behind an earlier meeting --------------


_RELATIVE_TEXT = (
    "On May 17, commencing at around 3 p.m. for 30 minutes, Mr. Takeshi Iwaya, Minister for "
    "Foreign Affairs, who is accompanying Mr. Shigeru Ishiba, Prime Minister of Japan, on his "
    "visit to the People's Republic of China, held the second Japan-China Foreign Ministers' "
    "Meeting of the year with H.E. Mr. Wang Yi, Foreign Minister for the People's Republic of "
    "China, following on from their previous meeting in April at the ASEAN meetings."
)


def test_the_subject_before_a_who_clause_held_the_meeting() -> None:
    meeting = one(_RELATIVE_TEXT)
    assert [p.name for p in meeting.principals] == ["Takeshi Iwaya", "Wang Yi"]
    assert meeting.principals[1].title == "Foreign Minister"


def test_an_opening_day_outweighs_a_vague_earlier_meeting_after_the_trigger() -> None:
    meeting = one(_RELATIVE_TEXT)
    assert meeting.date == DAY
    assert (meeting.country_code, meeting.setting, meeting.occasion) == (
        "CN",
        "bilateral_visit",
        None,
    )


def test_a_capital_dateline_below_a_caption() -> None:
    meeting = one(
        "Chinese, Russian presidents hold talks\n\n"
        "Russia's President Dmitry Medvedev walks with Chinese President Hu Jintao during a "
        "welcoming ceremony. [Photo/Xinhua]\n\n"
        "BEIJING - Chinese President Hu Jintao held talks with his Russian counterpart Dmitry "
        "Medvedev here Friday morning."
    )
    assert (meeting.city, meeting.country_code) == ("Beijing", "CN")
