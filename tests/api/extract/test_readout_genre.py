"""Rule families found on a second local scoring set of published readouts (kept outside
the repository). Each positive case sits next to the near miss that must not count; the
texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from api.extract import extract
from tests.api.extract.helpers import DAY, one, principals

# 'called on': a visit, or an appeal ------------------------------------------------


def test_an_appeal_to_a_country_is_no_visit() -> None:
    text = (
        "US Secretary of State Anna Cole spoke today with Norwegian Foreign Minister Espen "
        "Eide. "
        "He called on Norway to free the detained sailors Anna Berg and Lars Holm."
    )
    meetings = extract(text, DAY)
    assert [principals(m)[1] for m in meetings] == [("Espen Eide", "NO")]


def test_an_appeal_to_both_sides_is_no_visit() -> None:
    text = "Kenyan President William Ruto called on both sides to hold their fire."
    assert extract(text, DAY) == []


def test_calling_on_a_person_to_discuss_is_a_visit() -> None:
    meeting = one(
        "Chilean Ambassador Rosa Vidal called on Peruvian Prime Minister Hugo Ramos on "
        "Tuesday to discuss the fisheries accord."
    )
    assert meeting.kind == "meeting"
    assert principals(meeting) == [("Rosa Vidal", "CL"), ("Hugo Ramos", "PE")]


def test_a_farewell_call_on_is_an_in_person_visit() -> None:
    meeting = one(
        "Outgoing Danish Ambassador Karen Lund paid a farewell call on Ghanaian President "
        "Kofi Mensah on Thursday."
    )
    assert meeting.kind == "meeting"
    assert meeting.date == dt.date(2024, 5, 16)


# contacts that are remembered, planned or several ------------------------------------


def test_a_recalled_conversation_is_no_new_call() -> None:
    text = (
        "Brazilian President Lula da Silva met Spanish Prime Minister Pedro Sanchez on "
        "Friday. Lula recalled a phone conversation with Mexican President Claudia "
        "Sheinbaum on the day she took office."
    )
    meetings = extract(text, DAY)
    assert [principals(m) for m in meetings] == [[("Lula da Silva", "BR"), ("Pedro Sanchez", "ES")]]


def test_a_call_planned_in_the_coming_days_is_none() -> None:
    text = (
        "Argentine President Javier Milei plans in the coming days a telephone conversation "
        "with Uruguayan President Yamandu Orsi, his office said."
    )
    assert extract(text, DAY) == []


def test_a_call_reported_as_done_today_still_counts() -> None:
    meeting = one(
        "Argentine President Javier Milei held a telephone conversation with Uruguayan "
        "President Yamandu Orsi today."
    )
    assert meeting.kind == "phone_call"


def test_undated_conversations_in_the_plural_are_no_call() -> None:
    text = (
        "Kenyan President William Ruto raised the matter in telephone conversations with "
        "Ugandan President Yoweri Museveni."
    )
    assert extract(text, DAY) == []


# a welcome on arrival, a lead told by offices -------------------------------------------


def test_a_welcome_at_the_airport_is_no_meeting() -> None:
    text = (
        "Swedish Prime Minister Ulf Kristersson met Indian Prime Minister Narendra Modi at "
        "Hyderabad House on Friday. Kristersson was received at the airport by Indian "
        "Minister of State Kirti Singh."
    )
    meetings = extract(text, DAY)
    assert [principals(m)[1][0] for m in meetings] == ["Narendra Modi"]


def test_a_lead_told_by_offices_dates_the_call_named_later() -> None:
    text = (
        "Greek foreign minister on Tuesday spoke with his Egyptian counterpart on the phone.\n\n"
        "The ministry said minister Giorgos Gerapetritis held a telephonic conversation at the "
        "request of the Egyptian Foreign Minister Badr Abdelatty."
    )
    meeting = one(text)
    assert meeting.date == dt.date(2024, 5, 14)
    assert meeting.initiated_by == "EG"
    assert principals(meeting) == [("Giorgos Gerapetritis", "GR"), ("Badr Abdelatty", "EG")]


def test_without_a_dated_lead_a_later_named_call_takes_no_guess() -> None:
    text = (
        "Greek foreign minister spoke with his Egyptian counterpart on the phone.\n\n"
        "Minister Giorgos Gerapetritis held a telephonic conversation with the Egyptian "
        "Foreign Minister Badr Abdelatty in March."
    )
    assert all(m.date != dt.date(2024, 5, 14) for m in extract(text, DAY))


# short names, companions of a trip ------------------------------------------------


def test_a_bare_family_name_means_the_person_named_last_before_it() -> None:
    text = (
        "Fijian Prime Minister Sitiveni Rabuka arrived in Canberra on Thursday.\n\n"
        "Rabuka held talks with Australian Foreign Minister Penny Wong on Friday.\n\n"
        "He is being accompanied by his wife Sulueti Rabuka and a delegation of officials."
    )
    meeting = one(text)
    assert principals(meeting) == [("Sitiveni Rabuka", "FJ"), ("Penny Wong", "AU")]
    assert [p.name for p in meeting.participants if p.role == "attendee"] == []


def test_an_aide_accompanying_in_the_meeting_is_an_attendee() -> None:
    text = (
        "Fijian Prime Minister Sitiveni Rabuka held talks with Australian Foreign Minister "
        "Penny Wong in Canberra on Friday. Rabuka was accompanied by Fijian Foreign "
        "Secretary Luke Daunivalu."
    )
    meeting = one(text)
    assert [p.name for p in meeting.participants if p.role == "attendee"] == ["Luke Daunivalu"]
