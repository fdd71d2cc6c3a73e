"""Where a meeting was: usual city names and venues named after their city."""

from __future__ import annotations

from tests.api.extract.helpers import one


def test_a_short_form_of_a_capital_gives_the_name_records_use() -> None:
    meeting = one(
        "Indian Prime Minister Narendra Modi on Friday met Nepalese Prime Minister Pushpa "
        "Kamal Dahal in Delhi."
    )
    assert meeting.city == "New Delhi" and meeting.country_code == "IN"


def test_the_full_name_of_a_capital_stays_as_written() -> None:
    meeting = one(
        "Indian Prime Minister Narendra Modi on Friday met Nepalese Prime Minister Pushpa "
        "Kamal Dahal in New Delhi."
    )
    assert meeting.city == "New Delhi"


def test_a_palace_named_after_its_town_places_the_meeting_there() -> None:
    meeting = one(
        "Indonesian President Joko Widodo on Friday received Australian Prime Minister "
        "Anthony Albanese at Bogor Palace."
    )
    assert meeting.venue == "Bogor Palace"
    assert (meeting.city, meeting.country_code) == ("Bogor", "ID")


def test_a_venue_named_after_a_people_gives_no_city() -> None:
    meeting = one(
        "Indonesian President Joko Widodo on Friday received Australian Prime Minister "
        "Anthony Albanese at the Australian Embassy Residence."
    )
    assert meeting.city is None


def test_a_building_whose_first_word_is_some_town_gives_no_city() -> None:
    meeting = one(
        "President Cyril Ramaphosa on Friday received Liberian President George Weah at the "
        "Union Buildings."
    )
    assert meeting.venue == "Union Buildings" and meeting.city is None


def test_a_city_before_the_name_of_the_event_it_hosts_is_the_place() -> None:
    meeting = one(
        "External Affairs Minister S Jaishankar on Friday met Russian Foreign Minister Sergey "
        "Lavrov on the sidelines of the Bali G20 foreign ministers' meeting."
    )
    assert (meeting.city, meeting.country_code) == ("Bali", "ID")


def test_a_city_before_another_capitalised_word_is_no_place() -> None:
    meeting = one(
        "External Affairs Minister S Jaishankar on Friday met Russian Foreign Minister Sergey "
        "Lavrov and discussed the Bali Process on people smuggling."
    )
    assert meeting.city is None


def test_where_the_meeting_between_two_leaders_took_place() -> None:
    meeting = one(
        "Deputy President Paul Mashatile on Friday paid a courtesy call on Liberian President "
        "George Weah.\n\nThe meeting between the two leaders took place at the Diplomatic "
        "Guesthouse in Tshwane."
    )
    assert (meeting.venue, meeting.city) == ("Diplomatic Guesthouse", "Tshwane")
