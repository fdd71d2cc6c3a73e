"""The wording of published readouts, one group per rule family: each pattern next to
the near miss that must not count. Texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from api.extract import ExtractedMeeting, extract
from api.models import MeetingKind, Role, Setting
from tests.api.extract.helpers import DAY, one


def _pairs(meetings: list[ExtractedMeeting]) -> list[list[str]]:
    return [[p.name for p in m.principals] for m in meetings]


# 1. call wording ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistani Foreign Minister Ishaq Dar made a phone call to his Turkish counterpart Hakan Fidan "
        "on Friday.",
        "Pakistani Foreign Minister Ishaq Dar and Turkish Foreign Minister Hakan Fidan spoke over the "
        "phone for 40 minutes on Friday.",
        "Pakistani Foreign Minister Ishaq Dar exchanged views over the telephone with Turkish Foreign "
        "Minister Hakan Fidan on Friday.",
        "Pakistani Foreign Minister Ishaq Dar and Turkish Foreign Minister Hakan Fidan discussed the "
        "region during a telephone conversation on Friday.",
        "Pakistani Foreign Minister Ishaq Dar held a telephone talk with Turkish Foreign Minister Hakan "
        "Fidan on Friday.",
    ],
)
def test_call_wording(sentence: str) -> None:
    meeting = one(sentence)
    assert meeting.kind == "phone_call" and meeting.date == DAY
    assert [p.country_code for p in meeting.principals] == ["PK", "TR"]


def test_call_placed_to_someone_names_who_placed_it() -> None:
    meeting = one(
        "Pakistani Foreign Minister Ishaq Dar made a phone call to his Turkish counterpart Hakan Fidan "
        "on Friday."
    )
    assert meeting.initiated_by == "PK"


def test_a_call_only_promised_is_no_call() -> None:
    assert (
        extract(
            "Pakistani Foreign Minister Ishaq Dar will speak over the phone with Turkish Foreign Minister "
            "Hakan Fidan next week.",
            DAY,
        )
        == []
    )


def test_a_video_conference_by_two_ministers() -> None:
    meeting = one(
        "Indian External Affairs Minister S Jaishankar and Australian Foreign Minister Penny "
        "Wong reviewed the partnership during a video conference on Friday."
    )
    assert meeting.kind == "video_call" and meeting.setting == "remote"


# 2. meeting wording ------------------------------------------------------------------


def test_talks_between_two_leaders_began() -> None:
    meeting = one(
        "The talks between Bangladeshi Prime Minister Sheikh Hasina and her Japanese counterpart Fumio "
        "Kishida began at the Akasaka Palace in Tokyo on Friday morning."
    )
    assert meeting.kind == "meeting" and meeting.venue == "Akasaka Palace"
    assert [p.title for p in meeting.principals] == ["Prime Minister", "Prime Minister"]


def test_a_named_meeting_as_object_is_a_meeting() -> None:
    meeting = one(
        "Japanese Foreign Minister Yoko Kamikawa held the fifth Japan-Korea Foreign "
        "Ministers' Strategic Dialogue with South Korean Foreign Minister Cho Tae-yul in "
        "Tokyo on Friday."
    )
    assert meeting.kind == "meeting" and (meeting.city, meeting.country_code) == ("Tokyo", "JP")


def test_negotiations_with_a_counterpart() -> None:
    meeting = one(
        "On Friday, Kenyan President William Ruto held negotiations with Ugandan President "
        "Yoweri Museveni in Nairobi."
    )
    assert meeting.country_code == "KE" and meeting.setting == "bilateral_visit"


def test_talks_about_talks_are_no_meeting() -> None:
    assert (
        extract(
            "Kenyan President William Ruto said negotiations with Uganda on the pipeline "
            "would resume once the survey is complete.",
            DAY,
        )
        == []
    )


# 3. several meetings in one text -----------------------------------------------------


def test_met_two_people_in_turn_is_two_meetings() -> None:
    meetings = extract(
        "BEIJING, May 17 -- Malaysian Prime Minister Anwar Ibrahim on Friday met Chinese President Xi "
        "Jinping and Premier Li Qiang at the Great Hall of the People.",
        DAY,
    )
    assert _pairs(meetings) == [["Anwar Ibrahim", "Xi Jinping"], ["Anwar Ibrahim", "Li Qiang"]]
    assert all(m.city == "Beijing" and m.setting == "bilateral_visit" for m in meetings)


def test_a_trilateral_meeting_stays_one_meeting() -> None:
    meetings = extract(
        "Malaysian Prime Minister Anwar Ibrahim on Friday held a trilateral meeting with Thai Prime "
        "Minister Srettha Thavisin and Indonesian President Joko Widodo in Bangkok.",
        DAY,
    )
    assert len(meetings) == 1 and len(meetings[0].principals) == 3


def test_the_trip_place_and_occasion_carry_to_later_meetings() -> None:
    meetings = extract(
        "ASTANA, May 17 -- Foreign Minister Wang Yi met Russian Foreign Minister Sergey "
        "Lavrov on the sidelines of the SCO foreign ministers' meeting on Friday.\n\n"
        "Earlier in the day, Wang also held talks with Indian External Affairs Minister "
        "S Jaishankar.",
        DAY,
    )
    assert len(meetings) == 2
    later = meetings[1]
    assert (later.city, later.country_code, later.setting) == ("Astana", "KZ", "third_country")
    assert later.occasion == "SCO foreign ministers' meeting"


def test_prior_to_one_meeting_another_is_its_own_meeting() -> None:
    meetings = extract(
        "Prior to his meeting with the Chinese foreign minister, External Affairs Minister "
        "S Jaishankar met US Secretary of State Antony Blinken on Friday.",
        DAY,
    )
    assert _pairs(meetings) == [["S Jaishankar", "Antony Blinken"]]


# 4. dated earlier contacts -----------------------------------------------------------


def test_an_earlier_meeting_with_a_date_is_a_meeting() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar met Russian Foreign Minister Sergey Lavrov "
        "in New York on Friday. Jaishankar and Lavrov had met on the sidelines of the BRICS "
        "foreign ministers' meeting in Moscow on 10 March 2024.",
        DAY,
    )
    assert sorted(m.date for m in meetings if m.date) == [dt.date(2024, 3, 10), DAY]


def test_an_earlier_meeting_without_a_date_is_not() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar met Russian Foreign Minister Sergey Lavrov "
        "in New York on Friday. The two had met several times before.",
        DAY,
    )
    assert [m.date for m in meetings] == [DAY]


# 5. scope of negative cues -----------------------------------------------------------


def test_a_congratulatory_message_does_not_erase_the_call() -> None:
    meeting = one(
        "South African President Cyril Ramaphosa spoke by phone with Brazilian President Luiz Inacio Lula "
        "da Silva on Friday. Ramaphosa had earlier sent a congratulatory message to the "
        "Brazilian people on their national day."
    )
    assert meeting.kind == "phone_call"


def test_a_scheduled_visit_in_its_own_sentence_leaves_the_meeting() -> None:
    meeting = one(
        "South African President Cyril Ramaphosa met Brazilian President Luiz Inacio Lula da Silva in "
        "Pretoria on Friday. Lula will visit Cape Town next week."
    )
    assert meeting.city == "Pretoria"


def test_a_future_cue_in_a_trailing_clause_leaves_the_meeting() -> None:
    meeting = one(
        "South African President Cyril Ramaphosa met Brazilian President Luiz Inacio Lula da "
        "Silva in Pretoria on Friday, ahead of Lula's scheduled visit to Cape Town next week."
    )
    assert (meeting.kind, meeting.city) == ("meeting", "Pretoria")


def test_a_future_cue_in_the_meetings_own_clause_blocks_it() -> None:
    assert (
        extract(
            "South African President Cyril Ramaphosa is scheduled to meet Brazilian President "
            "Luiz Inacio Lula da Silva in Pretoria next week, after a stop in Luanda.",
            DAY,
        )
        == []
    )


def test_a_message_alone_is_no_meeting() -> None:
    assert (
        extract(
            "South African President Cyril Ramaphosa sent a congratulatory message to Brazilian President "
            "Luiz Inacio Lula da Silva on Friday.",
            DAY,
        )
        == []
    )


# 6. pages with several readouts ------------------------------------------------------


def test_each_item_of_a_page_resolves_today_against_its_own_date() -> None:
    page = (
        "Press releases\n\n"
        "14/05/2024\n"
        "Pakistani Prime Minister Shehbaz Sharif spoke today with Turkish President Recep Tayyip "
        "Erdogan.\n\n"
        "16/05/2024\n"
        "Pakistani Foreign Minister Ishaq Dar spoke today with Iranian Foreign Minister Hossein "
        "Amir-Abdollahian."
    )
    meetings = extract(page, DAY)
    assert [m.date for m in meetings] == [dt.date(2024, 5, 14), dt.date(2024, 5, 16)]


def test_a_single_item_keeps_the_published_day() -> None:
    meeting = one(
        "Pakistani Prime Minister Shehbaz Sharif spoke today with Turkish President Recep Tayyip Erdogan."
    )
    assert meeting.date == DAY


# 7. datelines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "city", "country"),
    [
        ("RAWALPINDI, MAY 17 /DNA/ –", "Rawalpindi", "PK"),
        ("KAZAN, Russia, May 17 --", "Kazan", "RU"),
        ("BEIJING:", "Beijing", "CN"),
        ("Beijing, May 17 (APP):", "Beijing", "CN"),
        ("NEW DELHI (Reuters) -", "New Delhi", "IN"),
        ("Dushanbe [Tajikistan], May 17 (ANI):", "Dushanbe", "TJ"),
        ("MOSCOW, May 17. /TASS/.", "Moscow", "RU"),
        ("ISLAMABAD/BEIJING –", None, None),
    ],
)
def test_dateline_forms(dateline: str, city: str | None, country: str | None) -> None:
    meeting = one(
        f"{dateline} Kenyan President William Ruto met Ugandan President Yoweri Museveni "
        "here on Friday."
    )
    assert (meeting.city, meeting.country_code) == (city, country)


def test_a_capitalised_sentence_start_is_no_dateline() -> None:
    meeting = one(
        "THE PRESIDENT - Kenyan President William Ruto met Ugandan President Yoweri Museveni "
        "on Friday."
    )
    assert meeting.city is None


# 8. venues and places outside the main clause ----------------------------------------


def test_a_venue_in_the_next_sentence() -> None:
    meeting = one(
        "Malaysian Prime Minister Anwar Ibrahim met Chinese Premier Li Qiang on Friday. The meeting was "
        "held at the Great Hall of the People."
    )
    assert (meeting.venue, meeting.city, meeting.country_code) == (
        "Great Hall of the People",
        "Beijing",
        "CN",
    )


def test_a_venue_of_a_later_dinner_is_not_the_meetings() -> None:
    meeting = one(
        "Malaysian Prime Minister Anwar Ibrahim met Chinese Premier Li Qiang on Friday. Anwar later "
        "attended a dinner at the Diaoyutai State Guesthouse."
    )
    assert meeting.venue is None


def test_arrived_here_with_a_dateline() -> None:
    meeting = one(
        "ISLAMABAD, May 17 (APP): Iranian Foreign Minister Hossein Amir-Abdollahian, who "
        "arrived here on Friday, called on Pakistani Prime Minister Shehbaz Sharif."
    )
    assert (meeting.city, meeting.setting) == ("Islamabad", "bilateral_visit")


# 9. participant countries ------------------------------------------------------------


def test_an_office_of_one_country_gives_that_country() -> None:
    meeting = one(
        "Secretary of State Antony Blinken met Foreign Minister Penny Wong of Australia in "
        "Tokyo on Friday."
    )
    assert [p.country_code for p in meeting.principals] == ["US", "AU"]


def test_an_eu_office_gives_no_country() -> None:
    meeting = one(
        "EU High Representative Josep Borrell met Foreign Minister Penny Wong of Australia "
        "in Brussels on Friday."
    )
    assert meeting.principals[0].country_code is None


def test_the_country_of_a_trip_is_not_the_visitors() -> None:
    meeting = one(
        "DUSHANBE, May 17 -- External Affairs Minister S Jaishankar, on a visit to "
        "Tajikistan, met Russian Foreign Minister Sergey Lavrov on Friday."
    )
    assert [p.country_code for p in meeting.principals] == ["IN", "RU"]
    assert meeting.setting == "third_country"


# 10. attendees -----------------------------------------------------------------------


def test_attendees_behind_ranks_and_in_lists() -> None:
    meeting = one(
        "Pakistan's Chief of Army Staff General Asim Munir called on Chinese Vice President Han Zheng in "
        "Beijing on Friday. He was accompanied in the meeting by Lt. Gen. Nauman Zakaria and "
        "Maj. Gen. Ahmed Sharif."
    )
    attendees = [(p.name, p.title) for p in meeting.participants if p.role == "attendee"]
    assert attendees == [("Nauman Zakaria", None), ("Ahmed Sharif", None)]


def test_people_on_the_wider_trip_are_not_attendees() -> None:
    meeting = one(
        "Pakistan's Chief of Army Staff General Asim Munir called on Chinese Vice President Han Zheng in "
        "Beijing on Friday. Lt. Gen. Nauman Zakaria visited a factory in Tianjin."
    )
    assert [p.role for p in meeting.participants] == ["principal", "principal"]


# 11. counterparts --------------------------------------------------------------------


def test_a_counterpart_holds_the_subjects_office_under_its_local_name() -> None:
    meeting = one(
        "Indian External Affairs Minister S Jaishankar met his Chinese counterpart, Wang Yi, "
        "in Vientiane on Friday."
    )
    titles = {p.name: (p.title, p.country_code) for p in meeting.principals}
    assert titles == {
        "S Jaishankar": ("External Affairs Minister", "IN"),
        "Wang Yi": ("Foreign Minister", "CN"),
    }


def test_a_counterpart_named_later_in_the_paragraph() -> None:
    meeting = one(
        "Bangladeshi Prime Minister Sheikh Hasina arrived in Beijing on Friday. Hasina and her "
        "Chinese counterpart Li Qiang held talks at the Great Hall of the People."
    )
    assert [p.title for p in meeting.principals] == ["Prime Minister", "Premier"]


# 12. cities from a real gazetteer ----------------------------------------------------


def test_a_city_outside_the_hand_kept_table() -> None:
    meeting = one(
        "Russian President Vladimir Putin held talks with Iranian President Masoud Pezeshkian "
        "in Ashgabat on Friday."
    )
    assert (meeting.city, meeting.country_code) == ("Ashgabat", "TM")
    assert meeting.setting == "third_country"


def test_a_gazetteer_city_from_geonames() -> None:
    meeting = one(
        "Pakistani Prime Minister Shehbaz Sharif received Uzbek President Shavkat Mirziyoyev in "
        "Faisalabad on Friday."
    )
    assert (meeting.city, meeting.country_code) == ("Faisalabad", "PK")
    other = one(
        "Uzbek President Shavkat Mirziyoyev held talks with Pakistani Prime Minister Shehbaz Sharif "
        "in Sialkot on Friday."
    )
    assert (other.city, other.country_code) == ("Sialkot", "PK")


def test_a_person_named_like_a_small_place_is_no_city() -> None:
    meeting = one(
        "Uzbek President Shavkat Mirziyoyev held talks with Pakistani Prime Minister Shehbaz Sharif "
        "in Islamabad on Friday, with Minister Ahsan Iqbal in attendance."
    )
    assert meeting.city == "Islamabad"


# 13. occasion in a host country ------------------------------------------------------


def test_occasion_of_a_visit_made_for_an_event_in_the_hosts_country() -> None:
    meeting = one(
        "President Xi Jinping met Kenyan President William Ruto, who is in Beijing for the "
        "Belt and Road Forum, at the Great Hall of the People on Friday."
    )
    assert (meeting.setting, meeting.occasion) == ("bilateral_visit", "Belt and Road Forum")


def test_a_plain_state_visit_has_no_occasion() -> None:
    meeting = one(
        "President Xi Jinping held talks with Kenyan President William Ruto, who is on a "
        "state visit to China, at the Great Hall of the People on Friday."
    )
    assert (meeting.setting, meeting.occasion) == ("bilateral_visit", None)


# closed enums ------------------------------------------------------------------------


def test_kind_setting_and_role_are_the_domains_enums() -> None:
    meeting = one(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Friday."
    )
    assert isinstance(meeting.kind, MeetingKind) and isinstance(meeting.setting, Setting)
    assert all(isinstance(p.role, Role) for p in meeting.participants)


# patterns of published texts beyond the families above -------------------------------


def test_both_the_leaders_are_the_pair_named_before() -> None:
    meeting = one(
        "ISLAMABAD, May 17 (APP): Pakistani Prime Minister Shehbaz Sharif and Iranian "
        "President Ebrahim Raisi on Friday exchanged views on regional issues.\n\n"
        "Both the leaders met on the sidelines of the ECO summit here."
    )
    assert [p.name for p in meeting.principals] == ["Shehbaz Sharif", "Ebrahim Raisi"]
    assert (meeting.date, meeting.city, meeting.occasion) == (DAY, "Islamabad", "ECO summit")


def test_the_two_leaders_retelling_a_call_is_not_a_second_meeting() -> None:
    meetings = extract(
        "US President Joe Biden spoke today with President Xi Jinping of China. The two leaders "
        "had a candid discussion of regional issues.",
        DAY,
    )
    assert [(m.kind, m.date) for m in meetings] == [("phone_call", DAY)]


def test_a_count_of_past_meetings_is_no_meeting() -> None:
    meetings = extract(
        "Indian Prime Minister Narendra Modi held talks with Bangladeshi Prime Minister Sheikh "
        "Hasina in New Delhi on Friday. The two leaders have met 10 times since 2019.",
        DAY,
    )
    assert len(meetings) == 1


def test_before_meeting_someone_the_subject_after_the_comma_met_them() -> None:
    meetings = extract(
        "Indian Prime Minister Narendra Modi held talks with Bangladeshi Prime Minister Sheikh "
        "Hasina in New Delhi on Friday. Before meeting the prime minister, the Bangladeshi PM "
        "paid homage to Mahatma Gandhi at Rajghat.",
        DAY,
    )
    assert _pairs(meetings) == [["Narendra Modi", "Hasina"]]


def test_lines_broken_mid_sentence_are_one_paragraph() -> None:
    meeting = one(
        "ISLAMABAD, May 17 (APP): Pakistani Prime Minister Shehbaz Sharif\n\n"
        "and Iranian President Ebrahim Raisi on Friday held talks at the Prime Minister\n"
        "House on regional issues."
    )
    assert [p.name for p in meeting.principals] == ["Shehbaz Sharif", "Ebrahim Raisi"]
