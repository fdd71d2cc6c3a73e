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
