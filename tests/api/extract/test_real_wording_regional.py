"""Patterns met in published readouts, continued: calls, offices and the wording of
particular regions' press (studied on a scoring set kept outside the repository). The
texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from api.extract import extract
from tests.api.extract.helpers import DAY, one

# calls: who asked, the medium told later, a call still being arranged ----------------


def test_at_the_initiative_of_a_side_names_who_called() -> None:
    meeting = one(
        "At the initiative of the Georgian side, Minister of Foreign Affairs of Georgia Ilia "
        "Darchiashvili today had a phone call with Minister of Foreign Affairs of Austria "
        "Alexander Schallenberg."
    )
    assert meeting.initiated_by == "GE"
    assert meeting.principals[0].title == "Minister of Foreign Affairs"


def test_a_discussion_is_a_call_when_the_next_paragraph_says_so() -> None:
    meeting = one(
        "Foreign Minister Hakan Fidan of Turkey on Friday held his first discussion with German "
        "Foreign Minister Johann Wadephul.\n\n"
        "Ukraine and Syria were discussed during the phone conversation, the ministry said."
    )
    assert meeting.kind == "phone_call" and meeting.setting == "remote"


def test_a_medium_told_after_another_meeting_is_that_meetings() -> None:
    meetings = extract(
        "Foreign Minister Hakan Fidan of Turkey on Friday held a discussion with German "
        "Foreign Minister Johann Wadephul.\n\n"
        "On Thursday, President Recep Tayyip Erdogan of Turkey held a discussion with German "
        "Chancellor Friedrich Merz.\n\n"
        "Trade was raised during the phone conversation.",
        DAY,
    )
    assert [m.kind for m in meetings] == ["meeting", "phone_call"]


def test_a_call_still_being_arranged_is_no_call() -> None:
    text = (
        "The date for a phone call with U.S. Secretary of State Marco Rubio is being "
        "negotiated, Russian Foreign Minister Sergey Lavrov said on Friday."
    )
    assert extract(text, DAY) == []


# offices: forms of address, two people in one run, a possessive country --------------


def test_a_form_of_address_before_an_office_and_its_country() -> None:
    meeting = one(
        "HE Deputy Prime Minister and Minister of Foreign Affairs Sheikh Mohammed bin "
        "Abdulrahman Al-Thani of Qatar held today a phone call with HE US Secretary of State "
        "Marco Rubio."
    )
    rubio = meeting.principals[1]
    assert (rubio.name, rubio.country_code, rubio.title) == (
        "Marco Rubio",
        "US",
        "Secretary of State",
    )
    assert meeting.principals[0].title == "Deputy Prime Minister and Minister of Foreign Affairs"


def test_of_a_country_and_another_office_are_two_people() -> None:
    meeting = one(
        "President Donald J. Trump of the United States and President Vladimir Putin of the "
        "Russian Federation spoke today by phone."
    )
    assert [(p.country_code, p.title) for p in meeting.principals] == [
        ("US", "President"),
        ("RU", "President"),
    ]


def test_a_possessive_country_of_two_words_before_a_lower_case_office() -> None:
    meeting = one(
        "Wang Yi met on Friday with Timothy Kabba, Sierra Leone's minister of foreign affairs "
        "and international cooperation, in Beijing."
    )
    kabba = meeting.principals[1]
    assert (kabba.country_code, kabba.title) == (
        "SL",
        "Minister of Foreign Affairs and International Cooperation",
    )


def test_the_event_a_visitor_came_to_attend_is_the_occasion() -> None:
    meeting = one(
        "Chinese President Xi Jinping on Friday held talks with his US counterpart Joe Biden in "
        "Beijing.\n\nBiden, who arrived in Beijing on Tuesday to attend the APEC Economic "
        "Leaders' Meeting, was welcomed at the airport."
    )
    assert (meeting.occasion, meeting.setting) == ("APEC summit", "bilateral_visit")


def test_a_visit_without_an_event_has_no_occasion() -> None:
    meeting = one(
        "Chinese President Xi Jinping on Friday held talks with his US counterpart Joe Biden in "
        "Beijing.\n\nBiden, who arrived in Beijing on Tuesday for a state visit, was welcomed "
        "at the airport. The two sides also discussed APEC cooperation."
    )
    assert meeting.occasion is None


# Gulf and Malay wording ---------------------------------------------------------------


def test_travelled_to_a_city_to_meet_reports_the_meeting() -> None:
    meeting = one(
        "On Friday, Kuwait's Crown Prince, Sheikh Sabah Khalid Al Sabah, travelled to Doha to "
        "meet with Qatar's Emir, Sheikh Tamim bin Hamad Al Thani. The two leaders discussed "
        "bilateral relations."
    )
    assert {p.country_code for p in meeting.principals} == {"KW", "QA"}
    assert (meeting.city, meeting.country_code) == ("Doha", "QA")


def test_will_travel_to_meet_is_still_a_plan() -> None:
    text = (
        "Kuwait's Crown Prince, Sheikh Sabah Khalid Al Sabah, will travel to Doha to meet with "
        "Qatar's Emir, Sheikh Tamim bin Hamad Al Thani, on Friday."
    )
    assert extract(text, DAY) == []


def test_a_letter_received_from_a_leader_is_no_meeting() -> None:
    text = (
        "King Salman of Saudi Arabia briefed the cabinet on Friday about a letter he received "
        "from Emir Sheikh Tamim bin Hamad Al Thani of Qatar."
    )
    assert extract(text, DAY) == []


def test_malay_honorifics_are_no_part_of_the_name() -> None:
    meeting = one(
        "Indonesian President Prabowo Subianto received Malaysian Foreign Minister Dato' Seri "
        "Mohamad Hasan at the Merdeka Palace on Friday, with Tan Sri Anwar Ibrahim's greetings."
    )
    assert [p.name for p in meeting.principals] == ["Prabowo Subianto", "Mohamad Hasan"]


def test_two_of_one_family_without_a_country_are_no_bilateral_meeting() -> None:
    text = (
        "KUWAIT: His Highness the Amir Sheikh Nawaf Al-Ahmad Al-Sabah received His Highness the "
        "Crown Prince Sheikh Mishal Al-Ahmad Al-Sabah at Bayan Palace on Friday. The Saudi "
        "cabinet praised ties with Kuwait."
    )
    assert extract(text, DAY) == []


def test_a_quoted_nickname_inside_a_name() -> None:
    meeting = one(
        'Jakarta: President Joko "Jokowi" Widodo of Indonesia received his Micronesian '
        "counterpart Peter M. Christian at the Bogor Palace on Wednesday."
    )
    assert [(p.name, p.country_code) for p in meeting.principals] == [
        ("Joko Widodo", "ID"),
        ("Peter M. Christian", "FM"),
    ]


def test_a_bracketed_short_name_refers_back_to_the_person() -> None:
    meeting = one(
        "Malaysian Prime Minister Ismail Sabri Yaakob was welcomed by President Joko Widodo "
        "(Jokowi) of Indonesia on Friday.\n\nPresident Jokowi and Prime Minister Yaakob then "
        "held a face-to-face meeting."
    )
    assert [p.name for p in meeting.principals] == ["Joko Widodo", "Ismail Sabri Yaakob"]


def test_lower_case_arabic_articles_inside_a_name_and_a_crown_prince() -> None:
    meeting = one(
        "Kuwait's Crown Prince Sheikh Mishal al-Ahmad al-Jaber al-Sabah met Saudi Foreign "
        "Minister Prince Faisal bin Farhan on Friday."
    )
    assert [(p.name, p.title) for p in meeting.principals] == [
        ("Mishal al-Ahmad al-Jaber al-Sabah", "Crown Prince"),
        ("Faisal bin Farhan", "Foreign Minister"),
    ]


# a state visit told step by step -------------------------------------------------------


def test_the_two_leaders_heading_for_a_bilateral_meeting_late_in_the_story() -> None:
    meeting = one(
        "Jakarta - Indonesian President Prabowo Subianto welcomed Malaysian Prime Minister "
        "Anwar Ibrahim at the Merdeka Palace, Jakarta on Friday morning.\n\n"
        "The visit is the prime minister's first this year.\n\n"
        "Upon arrival, Anwar was greeted with dances.\n\n"
        "After that, the two leaders introduced their delegations.\n\n"
        "The two leaders then headed to the back porch of the Merdeka Palace for a bilateral "
        "meeting."
    )
    assert meeting.date == DAY
    assert [p.country_code for p in meeting.principals] == ["ID", "MY"]
    assert meeting.venue == "Merdeka Palace"


def test_a_home_town_and_a_visit_to_a_palace_are_places() -> None:
    meeting = one(
        "German Chancellor Friedrich Merz met French President Emmanuel Macron on Friday for "
        "dinner in his home town of Arnsberg."
    )
    assert (meeting.city, meeting.country_code) == ("Arnsberg", "DE")
    meeting = one(
        "President Prabowo Subianto of Indonesia received Prime Minister Anwar Ibrahim of "
        "Malaysia during the latter's working visit to the Merdeka Palace, Jakarta, on Friday."
    )
    assert meeting.venue == "Merdeka Palace"


# Indian and Pakistani press wording -----------------------------------------------------


def test_the_owner_of_a_meeting_that_was_with_someone() -> None:
    meetings = extract(
        "Indian Prime Minister Narendra Modi held bilateral talks with heads of state on "
        "Friday.\n\n"
        "PM Modi's first bilateral meeting, amongst the five of the day, was with Sri Lankan "
        "President Maithripala Sirisena at the Hyderabad House in Delhi.",
        DAY,
    )
    assert [[p.name for p in m.principals] for m in meetings] == [
        ["Narendra Modi", "Maithripala Sirisena"]
    ]
    assert meetings[0].venue == "Hyderabad House"


def test_a_city_named_counts_for_its_country() -> None:
    meeting = one(
        "Prime Minister Narendra Modi met Mauritian Prime Minister Pravind Jugnauth in Delhi on "
        "Friday. Mauritius and the Mauritian people were thanked."
    )
    assert [p.country_code for p in meeting.principals] == ["IN", "MU"]


def test_also_scheduled_talks_are_a_plan() -> None:
    meeting = one(
        "Visiting Pakistani Prime Minister Shehbaz Sharif met Chinese President Xi Jinping on "
        "Friday.\n\nThe Prime Minister is also scheduled to hold delegation-level talks with "
        "Premier Li Qiang."
    )
    assert meeting.principals[1].name == "Xi Jinping"


def test_a_lead_with_an_unnamed_counterpart_dates_the_meeting_named_later() -> None:
    meeting = one(
        "Foreign Secretary David Lammy met with his American counterpart in London to discuss "
        "Ukraine.\n\nA spokesperson said:\n\nForeign Secretary David Lammy hosted US Secretary "
        "of State Marco Rubio at Carlton Gardens."
    )
    assert meeting.date == DAY and (meeting.city, meeting.country_code) == ("London", "GB")


def test_a_time_stamp_line_and_a_byline_are_no_lead() -> None:
    meeting = one(
        "British Foreign Secretary meets French FM\n# 17 May 2024 18:43 (UTC +04:00)\n\n"
        "Foreign Secretary David Lammy met French Foreign Minister Stephane Sejourne in Paris."
    )
    assert meeting.date == DAY


# State Department and Russian agency wording ---------------------------------------------


def test_discussed_by_phone_on_a_day() -> None:
    meeting = one(
        "US Secretary of State Marco Rubio and Israeli Prime Minister Benjamin Netanyahu "
        "discussed by phone on May 16 the fighting in Gaza, a spokesperson said."
    )
    assert meeting.kind == "phone_call" and meeting.date == dt.date(2024, 5, 16)


def test_a_meeting_planned_as_well_is_none_and_an_initial_is_the_full_name() -> None:
    meetings = extract(
        "MOSCOW (Sputnik - 17th May, 2024) Russian Foreign Minister Sergey Lavrov has held "
        "talks with Syrian President Bashar Assad in Damascus, the ministry said Friday.\n\n"
        "Lavrov had a meeting with his Syrian counterpart, Faisal Mekdad, planned as well.\n\n"
        '"S.V. Lavrov had a meeting with Syrian President B. Assad in Damascus," it said.',
        DAY,
    )
    assert [[p.name for p in m.principals] for m in meetings] == [["Sergey Lavrov", "Bashar Assad"]]
    assert (meetings[0].city, meetings[0].country_code) == ("Damascus", "SY")


def test_a_meeting_taking_place_at_a_place_told_next() -> None:
    meeting = one(
        "Russian Foreign Minister Sergei Lavrov has begun talks with his Lebanese counterpart "
        'Abdullah Bou Habib on Friday.\n\n"The meeting is taking place in New York," the '
        "agency said."
    )
    assert (meeting.city, meeting.country_code, meeting.setting) == (
        "New York",
        "US",
        "third_country",
    )


def test_a_dateline_with_a_bracketed_state_and_the_day_of_the_series() -> None:
    meetings = extract(
        "Pune (Maharashtra) [India], May 17 : External Affairs Minister S Jaishankar on Thursday held "
        "bilateral meetings with his counterparts on the sidelines of the SCO meeting here.\n\n"
        "Jaishankar and Russian Foreign Minister Sergey Lavrov held bilateral talks.",
        DAY,
    )
    assert [(m.date, m.city) for m in meetings] == [(dt.date(2024, 5, 16), "Pune")]


def test_a_caption_of_a_single_handshake_names_the_venue() -> None:
    meeting = one(
        "Chinese Premier Li Qiang met with U.S. Deputy Secretary of State Kurt Campbell here "
        "Friday.\n\nKurt Campbell shakes hand with Premier Li Qiang at the Diaoyutai State "
        "Guest House in Beijing. [Reuters]"
    )
    assert (meeting.venue, meeting.city) == ("Diaoyutai State Guesthouse", "Beijing")


def test_an_update_stamp_before_the_dateline_on_one_line() -> None:
    meeting = one(
        "Chinese premier, Russian PM hold talks in Moscow\n(Xinhua)\n"
        "Updated: 2024-05-17 23:12 MOSCOW -- Chinese Premier Li Qiang and Russian Prime "
        "Minister Mikhail Mishustin held talks here Friday."
    )
    assert (meeting.city, meeting.country_code) == ("Moscow", "RU")
