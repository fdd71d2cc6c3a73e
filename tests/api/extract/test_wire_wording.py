"""Wire-copy habits: an office abbreviation before a name, the agency's credit line as
the dateline, the event a minister's trip was for (texts written for these tests)."""

from __future__ import annotations

from api.extract import extract
from tests.api.extract.helpers import DAY, one, principals


def test_an_office_abbreviation_in_capitals_is_no_family_name() -> None:
    meetings = extract(
        "EAM Jaishankar with his Thai counterpart\n\n"
        "External Affairs Minister S Jaishankar on Friday met Thai Foreign Minister Parnpree "
        "Bahiddha-Nukara.\n\n"
        "EAM Jaishankar also discussed trade with Thai Foreign Minister Parnpree Bahiddha-Nukara.",
        DAY,
    )
    assert [principals(m) for m in meetings] == [
        [("S Jaishankar", "IN"), ("Parnpree Bahiddha-Nukara", "TH")]
    ]


def test_a_family_name_in_capitals_written_first_is_still_reordered() -> None:
    meeting = one(
        "Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs of Japan, on Friday met "
        "Indonesian Foreign Minister Retno Marsudi."
    )
    assert principals(meeting)[0] == ("Toshimitsu Motegi", "JP")


def test_the_agencys_credit_line_tells_the_city_filed_from() -> None:
    meeting = one(
        "Minister meets counterpart\n\n"
        "Press Trust of India Bangkok\n\n"
        "External Affairs Minister S Jaishankar on Friday met Bhutanese Foreign Minister "
        "Tandi Dorji here."
    )
    assert (meeting.city, meeting.country_code) == ("Bangkok", "TH")


def test_an_agency_line_without_a_known_city_gives_no_city() -> None:
    meeting = one(
        "Minister meets counterpart\n\n"
        "Press Trust of India Staff\n\n"
        "External Affairs Minister S Jaishankar on Friday met Bhutanese Foreign Minister "
        "Tandi Dorji."
    )
    assert meeting.city is None


def test_a_ministerial_of_a_regional_group_is_the_occasion() -> None:
    meeting = one(
        "External Affairs Minister S Jaishankar on Friday met Bhutanese Foreign Minister "
        "Tandi Dorji in Colombo on the sidelines of the BIMSTEC Ministerial meeting."
    )
    assert meeting.occasion == "BIMSTEC ministerial meeting"
    assert meeting.setting == "third_country"


def test_the_event_a_principal_took_part_in_is_the_trips_occasion() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday met Bhutanese Foreign Minister "
        "Tandi Dorji in Bangkok.\n\n"
        "Jaishankar is in the Thai capital and took part in the BIMSTEC ministerial "
        "meeting.",
        DAY,
    )
    assert [m.occasion for m in meetings] == ["BIMSTEC ministerial meeting"]


def test_an_event_someone_else_took_part_in_is_no_occasion() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday met Bhutanese Foreign Minister "
        "Tandi Dorji in Bangkok.\n\n"
        "Thai officials took part in the BIMSTEC ministerial meeting last year.",
        DAY,
    )
    assert [m.occasion for m in meetings] == [None]


def test_a_family_name_that_is_also_a_word_begins_a_name() -> None:
    meeting = one(
        "Foreign Minister Park Jin of South Korea on Friday met Japanese Foreign Minister "
        "Yoko Kamikawa."
    )
    assert principals(meeting) == [("Park Jin", "KR"), ("Yoko Kamikawa", "JP")]


def test_the_same_word_in_a_place_name_is_no_family_name() -> None:
    meeting = one(
        "South Korean Foreign Minister Cho Tae-yul on Friday met Japanese Foreign Minister "
        "Yoko Kamikawa at the Lotte Hotel near Olympic Park."
    )
    assert principals(meeting) == [("Cho Tae-yul", "KR"), ("Yoko Kamikawa", "JP")]


def test_a_call_made_today_to_someone_is_a_call_by_the_caller() -> None:
    meeting = one(
        "Saudi Crown Prince Mohammed bin Salman made a phone call today to Chinese President "
        "Xi Jinping."
    )
    assert meeting.kind == "phone_call" and meeting.initiated_by == "SA"
    assert meeting.date == DAY


def test_a_call_made_today_to_a_people_is_no_meeting() -> None:
    text = "Saudi Crown Prince Mohammed bin Salman made a phone call today to the nation."
    assert extract(text, DAY) == []


def test_two_dotted_initials_begin_a_name_in_its_written_order() -> None:
    meeting = one(
        "Nepalese Prime Minister Sher Bahadur Deuba arrived in New Delhi. On Friday evening, "
        "Deuba met party chief J.P. Nadda."
    )
    assert principals(meeting) == [("Sher Bahadur Deuba", "NP"), ("J.P. Nadda", "IN")]


def test_initials_alone_are_no_person() -> None:
    text = (
        "Nepalese Prime Minister Sher Bahadur Deuba arrived in New Delhi. On Friday evening, "
        "Deuba met the J.P. delegation."
    )
    assert extract(text, DAY) == []


def test_an_abbreviated_double_office_refers_back_to_its_holder() -> None:
    meetings = extract(
        "ISLAMABAD - Deputy Prime Minister and Foreign Minister Ishaq Dar spoke with British "
        "Foreign Secretary David Lammy on Friday.\n\n"
        "The DPM/FM also held a telephonic conversation with Afghan FM Amir Khan Muttaqi.",
        DAY,
    )
    assert [principals(m) for m in meetings] == [
        [("Ishaq Dar", "PK"), ("David Lammy", "GB")],
        [("Ishaq Dar", "PK"), ("Amir Khan Muttaqi", "AF")],
    ]


def test_an_abbreviated_double_office_planning_a_call_gives_no_meeting() -> None:
    text = (
        "ISLAMABAD - Deputy Prime Minister and Foreign Minister Ishaq Dar addressed the Senate "
        "on Friday.\n\nThe DPM/FM will hold a telephonic conversation with the FM of "
        "Afghanistan Amir Khan Muttaqi next week."
    )
    assert extract(text, DAY) == []


def test_a_title_that_is_a_given_name_after_the_office_country_begins_the_name() -> None:
    meeting = one(
        "Acting Foreign Minister of Afghanistan Amir Khan Muttaqi on Friday spoke by phone "
        "with Pakistani Foreign Minister Ishaq Dar."
    )
    assert principals(meeting)[0] == ("Amir Khan Muttaqi", "AF")


def test_foreign_ministers_at_a_groups_event_meet_at_its_ministerial() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday met Bhutanese Foreign Minister "
        "Tandi Dorji in Bangkok.\n\nJaishankar took part in the BIMSTEC retreat.",
        DAY,
    )
    assert [m.occasion for m in meetings] == ["BIMSTEC ministerial meeting"]


def test_leaders_at_a_groups_event_meet_at_its_summit() -> None:
    meetings = extract(
        "Prime Minister Narendra Modi on Friday met Bhutanese Prime Minister Tshering Tobgay "
        "in Bangkok.\n\nModi took part in the BIMSTEC retreat.",
        DAY,
    )
    assert [m.occasion for m in meetings] == ["BIMSTEC summit"]
