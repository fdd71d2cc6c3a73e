"""Offices as records keep them: an office held to a country names that country."""

from __future__ import annotations

from api.extract import extract
from tests.api.extract.helpers import DAY, one, principals


def test_an_ambassador_calling_on_a_host_holds_the_office_to_that_country() -> None:
    meeting = one(
        "ISLAMABAD: Japanese Ambassador Akira Tanaka called on Interior Minister Mohsin Naqvi "
        "here on Friday."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Akira Tanaka"] == "Ambassador to Pakistan"


def test_an_ambassador_whose_posting_is_written_keeps_it() -> None:
    meeting = one(
        "Japanese Ambassador to the United Nations Akira Tanaka on Friday met Pakistani "
        "Interior Minister Mohsin Naqvi in New York."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Akira Tanaka"] != "Ambassador to Pakistan"


def test_a_countrys_office_in_lower_case_before_an_appositive_name() -> None:
    meeting = one(
        "President Joko Widodo of Indonesia on Friday received Australia's new prime minister, "
        "Anthony Albanese, at the palace."
    )
    sides = {p.name: (p.country_code, p.title) for p in meeting.principals}
    assert sides["Anthony Albanese"] == ("AU", "Prime Minister")
    assert sides["Joko Widodo"] == ("ID", "President")


def test_a_countrys_thing_before_an_appositive_name_is_no_office() -> None:
    meeting = one(
        "President Joko Widodo of Indonesia on Friday received the author of Australia's "
        "defence review, Prime Minister Anthony Albanese, at the palace."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Anthony Albanese"] == "Prime Minister"


def test_the_office_of_a_country_told_later_names_the_unqualified_leader() -> None:
    meeting = one(
        "Vladimir Putin had a telephone conversation with President of Ukraine Volodymyr "
        "Zelensky on Friday.\n\nThe two discussed Ukraine. The President of Russia stressed "
        "the need for talks."
    )
    sides = {p.name: (p.country_code, p.title) for p in meeting.principals}
    assert sides["Vladimir Putin"] == ("RU", "President")


def test_the_office_of_a_country_already_held_names_nobody_else() -> None:
    meeting = one(
        "Russian President Vladimir Putin had a telephone conversation with Volodymyr "
        "Zelensky of Ukraine on Friday.\n\nThe President of Russia stressed the need for talks."
    )
    sides = {p.name: p.country_code for p in meeting.principals}
    assert sides == {"Vladimir Putin": "RU", "Volodymyr Zelensky": "UA"}


def test_counterparts_from_two_countries_pair_with_the_names_in_order() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday met his counterparts from Chile and "
        "Kenya, Alicia Reyes and Musalia Mudavadi.",
        DAY,
    )
    assert [(p.name, p.country_code, p.title) for m in meetings for p in m.principals[1:]] == [
        ("Alicia Reyes", "CL", "Foreign Minister"),
        ("Musalia Mudavadi", "KE", "Foreign Minister"),
    ]


def test_counterparts_from_one_country_and_a_list_keep_the_listed_homes() -> None:
    meetings = extract(
        "External Affairs Minister S Jaishankar on Friday met his counterparts in Chile, "
        "Alicia Reyes, and Kenya, Musalia Mudavadi.",
        DAY,
    )
    assert [p.country_code for m in meetings for p in m.principals[1:]] == ["CL", "KE"]


def test_an_appositive_office_of_a_named_legislature_is_the_title() -> None:
    meeting = one(
        "Turkish President Recep Tayyip Erdogan on Friday received Vyacheslav Volodin, "
        "speaker of the State Duma, in Ankara."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Vyacheslav Volodin"] == "Speaker of the State Duma"


def test_a_ministry_named_with_a_list_of_portfolios_keeps_its_last_one() -> None:
    meeting = one(
        "Chinese Ambassador Jiang Zaidong on Friday called on Federal Minister for Planning, "
        "Development and Reform Ahsan Iqbal in Islamabad."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Ahsan Iqbal"] == "Federal Minister for Planning, Development and Reform"


def test_an_alternate_office_is_kept_whole() -> None:
    meeting = one(
        "Secretary of State Antony Blinken met today with Israeli Foreign Minister and "
        "Alternate Prime Minister Yair Lapid in Washington."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Yair Lapid"] == "Foreign Minister and Alternate Prime Minister"


def test_a_permanent_representative_is_an_office_and_no_name() -> None:
    meeting = one(
        "Foreign Minister Ishaq Dar of Pakistan met Permanent Representative of China Fu Cong "
        "in New York on Friday."
    )
    assert [name for name, _ in principals(meeting)] == ["Ishaq Dar", "Fu Cong"]
