"""General rules for published readouts, each with the near miss beside it: page layout
(double-spaced wrapping, stamp lines, credits in datelines), names, offices written
around a name, hedged and earlier contacts. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from api.extract import extract
from tests.api.extract.helpers import DAY, one, principals

# page layout ---------------------------------------------------------------------------


def test_a_text_wrapped_double_spaced_is_read_as_running_sentences() -> None:
    text = (
        "HANOI, May 17 (VNA) – The official talks between Prime Minister\n\n"
        "Pham Minh Chinh and his Thai counterpart Srettha Thavisin opened in\n\n"
        "the Presidential Palace here this morning, sources\n\n"
        "said. The two sides reviewed trade and the\n\n"
        "Mekong, officials\n\n"
        "added."
    )
    meeting = one(text)
    assert principals(meeting) == [("Pham Minh Chinh", "VN"), ("Srettha Thavisin", "TH")]
    assert meeting.city == "Hanoi"


def test_short_lines_between_blank_lines_stay_paragraphs() -> None:
    """A headline over blank lines is no wrapped sentence: the lead keeps its own date."""
    text = (
        "Chinh meets Thai leader\n\nHANOI, May 17 (VNA) – Prime Minister Pham Minh Chinh met "
        "Thai Prime Minister Srettha Thavisin in Hanoi on Thursday.\n\nThey discussed trade."
    )
    assert one(text).date == dt.date(2024, 5, 16)


def test_a_line_holding_only_a_stamp_is_not_the_lead() -> None:
    text = (
        "Modi, Albanese hold talks\n\nLast Updated : 17 May 2024, 09:30 IST\n\n"
        "Prime Minister Narendra Modi has begun talks with Australian Prime Minister "
        "Anthony Albanese.\n\nThe leaders discussed Indian students in Australia."
    )
    meeting = one(text)
    assert meeting.date == DAY
    assert principals(meeting) == [("Narendra Modi", "IN"), ("Anthony Albanese", "AU")]


def test_a_line_with_words_beside_its_date_is_text() -> None:
    text = (
        "Talks held on 17 May 2024 in Canberra\n\nIndian Prime Minister Narendra Modi met "
        "Australian Prime Minister Anthony Albanese in Canberra on Thursday."
    )
    assert one(text).date == dt.date(2024, 5, 16)


def test_a_dateline_credit_in_parentheses_gives_place_and_date() -> None:
    text = (
        "MUSCAT, (Gulf Wire / ONA - 12th May, 2024) Sayyid Badr Hamad al-Busaidi, Foreign "
        "Minister of Oman, met Faisal bin Farhan, Foreign Minister of Saudi Arabia.\n\n"
        "They discussed the region."
    )
    meeting = one(text, None)
    assert meeting.city == "Muscat" and meeting.country_code == "OM"
    assert meeting.date == dt.date(2024, 5, 12)


def test_a_dateline_credit_without_a_date_leaves_the_day_to_the_text() -> None:
    text = (
        "RIYADH (Gulf Wire) - Omani Foreign Minister Badr al-Busaidi met Saudi Foreign Minister "
        "Faisal bin Farhan in Riyadh on Thursday."
    )
    meeting = one(text)
    assert meeting.date == dt.date(2024, 5, 16) and meeting.city == "Riyadh"


# names -----------------------------------------------------------------------------------


def test_letters_after_a_name_end_it() -> None:
    meeting = one(
        "On Friday, Mr. Yoko Kamikawa, Minister for Foreign Affairs of Japan, held a telephone "
        "talk with Hon. Penny Wong MP, Minister for Foreign Affairs of Australia."
    )
    assert meeting.kind == "phone_call"
    assert [name for name, _ in principals(meeting)] == ["Yoko Kamikawa", "Penny Wong"]


def test_a_month_after_a_given_name_is_a_family_name() -> None:
    meeting = one(
        "British Prime Minister Theresa May spoke to US President Donald Trump on Friday."
    )
    assert [name for name, _ in principals(meeting)] == ["Theresa May", "Donald Trump"]


def test_a_month_with_a_day_is_a_date() -> None:
    meeting = one("British Prime Minister Theresa May spoke on 3 May to US President Donald Trump.")
    assert meeting.date == dt.date(2024, 5, 3)


def test_a_title_between_two_names_is_a_given_name() -> None:
    meeting = one(
        "ABU DHABI, May 17 - Foreign Minister Abdullah bin Zayed met Syrian Foreign Minister "
        "Faisal Mekdad. The meeting was attended by Mohammed Sultan Al Suwaidi, Ambassador "
        "to Syria."
    )
    attendees = [p.name for p in meeting.participants if p.role == "attendee"]
    assert attendees == ["Mohammed Sultan Al Suwaidi"]


# offices around a name ---------------------------------------------------------------------


def test_the_office_of_a_country_before_a_comma_and_name() -> None:
    meeting = one(
        "New Zealand Prime Minister Christopher Luxon held a meeting with the Prime Minister "
        "of Fiji, Sitiveni Rabuka, in Suva on Friday."
    )
    assert principals(meeting) == [("Christopher Luxon", "NZ"), ("Sitiveni Rabuka", "FJ")]
    assert meeting.participants[1].title == "Prime Minister"
    assert meeting.setting == "bilateral_visit"


def test_a_possessive_country_before_an_office_and_a_rank() -> None:
    meeting = one(
        "ABU DHABI, May 17 - Minister of State for Defence Mohammed Al Bowardi today received, "
        "in his office, Egypt's Chief of Staff, Lt. General Ahmed Khalifa."
    )
    assert principals(meeting)[1] == ("Ahmed Khalifa", "EG")
    assert meeting.participants[1].title == "Chief of Staff"


def test_a_counterpart_from_a_country_takes_the_subjects_office() -> None:
    meeting = one(
        "New Zealand Prime Minister Christopher Luxon met Fijian leaders in Suva on Friday. "
        "He then had a bilateral meeting with his counterpart from Samoa, Fiame Mataafa."
    )
    assert principals(meeting) == [("Christopher Luxon", "NZ"), ("Fiame Mataafa", "WS")]
    assert meeting.participants[1].title == "Prime Minister"


def test_a_counterpart_without_a_country_takes_none_from_the_text_nearby() -> None:
    """'counterpart' alone says nothing of the country; the office is still the same."""
    meeting = one(
        "Samoan Prime Minister Fiame Mataafa held talks with her counterpart Christopher "
        "Luxon of New Zealand in Apia on Friday."
    )
    assert principals(meeting) == [("Fiame Mataafa", "WS"), ("Christopher Luxon", "NZ")]


# hedged, planned and earlier contacts -------------------------------------------------------


def test_a_possible_call_is_no_call() -> None:
    text = (
        "WASHINGTON - Officials are discussing a possible phone call between US President Joe "
        "Biden and Chinese President Xi Jinping, an official said on Thursday."
    )
    assert extract(text, DAY) == []


def test_a_call_that_has_not_been_scheduled_is_no_call() -> None:
    text = (
        "A telephone conversation between US President Joe Biden and his Chinese counterpart "
        "Xi Jinping has not been scheduled yet, a spokesman said on Sunday."
    )
    assert extract(text, DAY) == []


def test_arriving_for_talks_is_no_report_of_them() -> None:
    text = (
        "Russian President Vladimir Putin has arrived at the Kremlin for talks with Chinese "
        "President Xi Jinping, a correspondent reported on Thursday."
    )
    assert extract(text, DAY) == []


def test_talks_held_after_arriving_are_reported() -> None:
    meeting = one(
        "Chinese President Xi Jinping arrived in Moscow on Thursday and held talks with "
        "Russian President Vladimir Putin at the Kremlin."
    )
    assert meeting.city == "Moscow"


def test_a_dated_last_call_is_a_call() -> None:
    text = (
        "WASHINGTON - Officials reviewed ties on Thursday. US President Joe Biden and Chinese "
        "President Xi Jinping last spoke on March 18, a call about Ukraine."
    )
    meetings = extract(text, DAY)
    assert [(m.date, m.kind) for m in meetings] == [(dt.date(2024, 3, 18), "phone_call")]


def test_an_undated_earlier_meeting_is_no_meeting() -> None:
    for told in ("have met before", "had met in Bali", "did meet in New York"):
        text = (
            "WASHINGTON - Officials reviewed ties on Thursday. US President Joe Biden and "
            f"Chinese President Xi Jinping {told}."
        )
        assert extract(text, DAY) == [], told


def test_a_meeting_before_an_event_is_reported() -> None:
    meeting = one(
        "Chinese President Xi Jinping met US President Joe Biden before the summit in Bali on "
        "Thursday."
    )
    assert meeting.date == dt.date(2024, 5, 16)


# a story filed from home about meetings abroad ---------------------------------------------

_FILED_FROM_HOME = (
    "WELLINGTON (May 17): At the Pacific Islands Forum in Nuku'alofa, Tonga today, New "
    "Zealand Prime Minister Christopher Luxon held discussions with three Pacific leaders.\n\n"
    "Luxon in a statement said he paid a courtesy call on the King of Tonga, King Tupou VI.\n\n"
    "Luxon also held a meeting with the Prime Minister of Fiji, Sitiveni Rabuka.\n\n"
    '"I also had a bilateral meeting with my counterpart from Papua New Guinea, James '
    'Marape, where we agreed to work on policing," he said.'
)


def test_the_lead_places_the_meetings_of_a_story_filed_from_home() -> None:
    meetings = extract(_FILED_FROM_HOME, DAY)
    assert [principals(m)[1] for m in meetings] == [
        ("Tupou VI", "TO"),
        ("Sitiveni Rabuka", "FJ"),
        ("James Marape", "PG"),
    ]
    assert {(m.city, m.country_code) for m in meetings} == {("Nuku'alofa", "TO")}
    assert [m.setting for m in meetings] == ["bilateral_visit", "third_country", "third_country"]
    assert all(principals(m)[0] == ("Christopher Luxon", "NZ") for m in meetings)


def test_a_place_the_lead_gives_another_event_is_not_the_meetings() -> None:
    meetings = extract(
        "BEIJING, May 17 -- US Secretary of State Antony Blinken met Chinese President Xi "
        "Jinping at the Great Hall of the People on Friday, the first contact since Xi and "
        "President Joe Biden met in Bali last November.\n\nEarlier on Friday, Blinken held talks "
        "with Chinese Foreign Minister Wang Yi.",
        DAY,
    )
    meeting = next(m for m in meetings if principals(m)[1][0] == "Wang Yi")
    assert (meeting.city, meeting.country_code) == ("Beijing", "CN")


def test_a_regnal_number_is_part_of_a_name_and_a_style_is_no_office() -> None:
    meeting = one(
        "Prime Minister Anwar Ibrahim of Malaysia paid a courtesy call on the Sultan of Brunei "
        "Sultan Hassanal Bolkiah in Kuala Lumpur on Friday."
    )
    assert principals(meeting)[1] == ("Hassanal Bolkiah", "BN")
    assert meeting.participants[1].title == "Sultan"
    meeting = one(
        "Jordan's King Abdullah II met French President Emmanuel Macron in Paris on Friday."
    )
    assert principals(meeting)[0] == ("Abdullah II", "JO")


# more words for a meeting, and the subject a sentence leaves out --------------------------


def test_visiting_a_person_is_a_meeting_and_visiting_a_place_is_not() -> None:
    meeting = one(
        "South African President Cyril Ramaphosa visited Nigerian President Bola Tinubu at "
        "his hotel in Pretoria on Thursday."
    )
    assert principals(meeting) == [("Cyril Ramaphosa", "ZA"), ("Bola Tinubu", "NG")]
    text = "Chinese President Xi Jinping visited the Louvre on Friday with French officials."
    assert extract(text, DAY) == []


def test_an_engagement_and_an_aside_are_meetings() -> None:
    meeting = one(
        "Indian Prime Minister Narendra Modi held his first engagement of the day with "
        "Indonesian President Joko Widodo in Osaka on Friday."
    )
    assert principals(meeting)[1] == ("Joko Widodo", "ID")
    meeting = one(
        "Indian Prime Minister Narendra Modi had a short aside with US President Joe Biden in "
        "Bali on Friday."
    )
    assert principals(meeting)[1] == ("Joe Biden", "US")


def test_a_meeting_that_took_place_with_someone_is_the_storys_subjects() -> None:
    meeting = one(
        "BUENOS AIRES - Brazilian President Lula da Silva spoke at the summit on Friday. "
        "Another bilateral meeting of the day took place with the Prime Minister of Barbados, "
        "Mia Mottley."
    )
    assert principals(meeting) == [("Lula da Silva", "BR"), ("Mia Mottley", "BB")]


def test_an_office_in_lower_case_before_a_comma_and_name() -> None:
    meeting = one(
        "BUENOS AIRES - Brazilian President Lula da Silva met with the president of Cuba, "
        "Miguel Diaz-Canel, on Friday."
    )
    assert principals(meeting)[1] == ("Miguel Diaz-Canel", "CU")
    assert meeting.participants[1].title == "President"
    assert meeting.setting == "third_country"


def test_counterparts_listed_by_country_are_one_meeting_each() -> None:
    meetings = extract(
        "JOHANNESBURG - South African President Cyril Ramaphosa held bilateral talks with his "
        "counterparts from Zimbabwe, Emmerson Mnangagwa, and Mozambique, Filipe Nyusi, on "
        "Friday.",
        DAY,
    )
    assert [principals(m)[1] for m in meetings] == [
        ("Emmerson Mnangagwa", "ZW"),
        ("Filipe Nyusi", "MZ"),
    ]
    assert [m.participants[1].title for m in meetings] == ["President", "President"]


def test_a_long_ambassadors_style_is_an_office_not_a_name() -> None:
    meeting = one(
        "HANOI - On Friday, Prime Minister Pham Minh Chinh of Vietnam received Ambassador "
        "Extraordinary and Plenipotentiary of the People's Republic of China to Vietnam He Wei."
    )
    assert principals(meeting) == [("Pham Minh Chinh", "VN"), ("He Wei", "CN")]


def test_a_family_name_in_capitals_written_first() -> None:
    meeting = one(
        "On Friday, Mr. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a telephone "
        "talk with the Honorable Antony Blinken, Secretary of State of the United States."
    )
    assert principals(meeting) == [("Yoko Kamikawa", "JP"), ("Antony Blinken", "US")]


def test_an_acronym_before_a_name_is_no_family_name() -> None:
    meeting = one(
        "On Friday, ASEAN Secretary-General Kao Kim Hourn met Japanese Foreign Minister Yoko "
        "Kamikawa in Jakarta."
    )
    assert [p.name for p in meeting.principals] == ["Kao Kim Hourn", "Yoko Kamikawa"]


def test_attendance_told_after_the_meeting_leaves_the_meeting_reported() -> None:
    meeting = one(
        "Pakistani Army Chief Asim Munir met Chinese Defence Minister Dong Jun in Beijing on "
        "Friday, accompanied by Lt. Gen. Nauman Zakaria and Maj. Gen. Faisal Naseer in the "
        "meeting."
    )
    assert principals(meeting) == [("Asim Munir", "PK"), ("Dong Jun", "CN")]
    attendees = [(p.name, p.title) for p in meeting.participants if p.role == "attendee"]
    assert attendees == [("Nauman Zakaria", None), ("Faisal Naseer", None)]


def test_attending_a_meeting_is_no_meeting_of_ones_own() -> None:
    text = (
        "Pakistani Army Chief Asim Munir met Chinese Defence Minister Dong Jun in Beijing on "
        "Friday. Lt. Gen. Nauman Zakaria sat in on the meeting with Dong Jun."
    )
    assert len(extract(text, DAY)) == 1


def test_a_country_paired_with_the_known_side_is_the_other_sides() -> None:
    meeting = one(
        "President Yoon Suk Yeol held talks with German Chancellor Olaf Scholz in Washington "
        "on Friday. They said South Korea and Germany would work together on Ukraine. The "
        "United States hosted the summit in Washington, the US capital."
    )
    assert principals(meeting) == [("Yoon Suk Yeol", "KR"), ("Olaf Scholz", "DE")]


def test_without_a_pairing_the_most_mentioned_country_stands() -> None:
    meeting = one(
        "President Yoon Suk Yeol held talks with German Chancellor Olaf Scholz in Seoul on "
        "Friday. Korea and Korean firms were discussed."
    )
    assert principals(meeting) == [("Yoon Suk Yeol", "KR"), ("Olaf Scholz", "DE")]


def test_a_call_received_on_a_day_from_someone_was_placed_by_them() -> None:
    meeting = one(
        "Saudi Crown Prince Mohammed bin Salman received a phone call on Friday from British "
        "Prime Minister Boris Johnson."
    )
    assert (meeting.kind, meeting.initiated_by) == ("phone_call", "GB")
    meeting = one(
        "Saudi Crown Prince Mohammed bin Salman received a phone call on Friday and spoke with "
        "British Prime Minister Boris Johnson."
    )
    assert meeting.initiated_by is None


def test_has_spoken_over_phone_and_a_regnal_name_before_and() -> None:
    meeting = one(
        "US President Donald Trump has spoken over phone with Saudi Crown Prince Mohammed bin "
        "Salman on Friday."
    )
    assert meeting.kind == "phone_call"
    meeting = one(
        "Jordan's King Abdullah II and Saudi Crown Prince Mohammed bin Salman on Friday "
        "exchanged views on the phone."
    )
    assert [name for name, _ in principals(meeting)] == ["Abdullah II", "Mohammed bin Salman"]


def test_a_companion_set_off_by_commas_is_no_subject() -> None:
    meeting = one(
        "Jordan's King Abdullah II, accompanied by Foreign Minister Ayman Safadi, in Riyadh on "
        "Friday, met with Saudi Crown Prince Mohammed bin Salman."
    )
    assert principals(meeting) == [("Abdullah II", "JO"), ("Mohammed bin Salman", "SA")]


def test_a_subject_named_after_the_commas_still_meets() -> None:
    meeting = one(
        "In Riyadh on Friday, accompanied by aides, Jordan's King Abdullah II met with Saudi "
        "Crown Prince Mohammed bin Salman."
    )
    assert principals(meeting) == [("Abdullah II", "JO"), ("Mohammed bin Salman", "SA")]


def test_malay_and_bruneian_styles_are_no_part_of_a_name() -> None:
    meeting = one(
        "PUTRAJAYA - Sultan of Brunei Sultan Hassanal Bolkiah held a bilateral meeting with "
        "Malaysian Prime Minister Datuk Seri Anwar Ibrahim today. Pengiran Muda Abdul Mateen "
        "Bolkiah was present at the meeting."
    )
    assert principals(meeting) == [("Hassanal Bolkiah", "BN"), ("Anwar Ibrahim", "MY")]
    assert [p.name for p in meeting.participants if p.role == "attendee"] == [
        "Abdul Mateen Bolkiah"
    ]


def test_summit_talks_and_a_country_at_the_end_of_the_sentence() -> None:
    meeting = one(
        "President Yoon Suk Yeol of South Korea held summit talks with Japanese Prime Minister "
        "Fumio Kishida on Friday on the sidelines of the G20 summit in India."
    )
    assert (meeting.country_code, meeting.setting, meeting.occasion) == (
        "IN",
        "third_country",
        "G20 summit",
    )


def test_a_written_stamp_is_no_lead_and_the_lead_sets_the_place() -> None:
    meeting = one(
        "Yoon holds talks\n\nWritten: 2024-05-17 09:54:53Updated: 2024-05-17 11:11:31\n\n"
        "President Yoon Suk Yeol of South Korea launched a series of bilateral talks on Friday "
        "on the sidelines of the NATO summit in Washington D.C.\n\n"
        "Yoon first sat down for talks with German Chancellor Olaf Scholz."
    )
    assert (meeting.city, meeting.setting, meeting.occasion) == (
        "Washington",
        "third_country",
        "NATO summit",
    )


def test_a_washington_newspaper_is_no_place() -> None:
    meeting = one(
        "President Yoon Suk Yeol of South Korea met German Chancellor Olaf Scholz in Berlin on "
        "Friday, the Washington Post reported."
    )
    assert meeting.city == "Berlin"
