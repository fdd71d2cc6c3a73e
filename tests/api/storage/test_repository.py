"""The repository on the curated seeds and on synthetic data, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from api.errors import InvalidInput, NotFound
from api.filters import MeetingFilter, MeetingOrder, PageRequest, PeopleFilter, PeoplePage
from api.models import MeetingKind
from api.service import Service
from api.storage import synth
from tests.conftest import StatementCounter

LI_KHAN_CALL = "2021-07-16-li-keqiang-imran-khan"


def _ids(service: Service, selection: MeetingFilter, **page: object) -> list[str]:
    result = service.repository.list_meetings(selection, PageRequest.model_validate(page))
    return [m.id for m in result.items]


def test_seeds_hold_four_meetings_five_sources_seven_people(seeded: Service) -> None:
    counts = seeded.repository.table_counts()
    assert (counts["meetings"], counts["sources"], counts["people"]) == (4, 5, 7)


def test_newest_first_by_default(seeded: Service) -> None:
    page = seeded.repository.list_meetings(
        MeetingFilter(synthetic="any"), PageRequest(with_total=True)
    )
    dates = [m.date for m in page.items]
    assert dates == sorted(dates, reverse=True)
    assert page.total == 4
    assert page.next_cursor is None


def test_person_by_id_or_alias(seeded: Service) -> None:
    by_id = _ids(seeded, MeetingFilter(person=["imran-khan"], kind=[MeetingKind.PHONE_CALL]))
    by_name = _ids(seeded, MeetingFilter(person=["Imran Khan"], kind=[MeetingKind.PHONE_CALL]))
    assert by_id == by_name == ["2021-10-26-xi-jinping-imran-khan", LI_KHAN_CALL]


def test_two_people_means_meetings_between_them(seeded: Service) -> None:
    assert _ids(seeded, MeetingFilter(person=["Khan", "wang-yi"])) == [
        "2021-09-17-imran-khan-wang-yi"
    ]


def test_filters_combine(seeded: Service) -> None:
    repository = seeded.repository
    assert _ids(seeded, MeetingFilter(country=["TJ"])) == []
    assert len(_ids(seeded, MeetingFilter(country=["CN", "PK"]))) == 4
    assert _ids(seeded, MeetingFilter(occasion="sco SUMMIT")) == ["2021-09-17-imran-khan-wang-yi"]
    assert _ids(seeded, MeetingFilter(setting=["bilateral_visit"])) == [
        "2023-05-05-arif-alvi-qin-gang"
    ]
    assert _ids(
        seeded, MeetingFilter(date_from=dt.date(2021, 9, 1), date_to=dt.date(2021, 12, 31))
    ) == ["2021-10-26-xi-jinping-imran-khan", "2021-09-17-imran-khan-wang-yi"]
    assert repository.count_meetings(MeetingFilter(topic=["security-of-chinese-nationals"])) >= 2
    assert _ids(seeded, MeetingFilter(q="Dushanbe")) == ["2021-09-17-imran-khan-wang-yi"]
    assert _ids(seeded, MeetingFilter(q="100%_")) == []


def test_get_meeting_has_everything(seeded: Service) -> None:
    meeting = seeded.repository.get_meeting(LI_KHAN_CALL)
    assert len(meeting.sources) == 2
    assert meeting.initiated_by == "PK"
    assert {p.person.name for p in meeting.participants} == {
        "Li Keqiang",
        "Imran Khan",
        "He Lifeng",
    }
    assert meeting.statements and all(s.speaker.name for s in meeting.statements)
    with pytest.raises(NotFound, match="no meeting with id 'nope'"):
        seeded.repository.get_meeting("nope")


def test_people_countries_topics(seeded: Service) -> None:
    repository = seeded.repository
    assert repository.get_person("Alvi").id == "arif-alvi"
    with pytest.raises(NotFound, match="'Nobody'"):
        repository.get_person("Nobody")
    people = repository.list_people(PeopleFilter(), PeoplePage(limit=5))
    assert len(people.items) == 5 and people.next_cursor is not None
    rest = repository.list_people(PeopleFilter(), PeoplePage(limit=5, after=people.next_cursor))
    assert len(rest.items) == 2 and rest.next_cursor is None
    assert [c.code for c in repository.countries()] == ["CN", "PK"]
    topics = {topic.id: topic.meetings for topic in repository.topics()}
    assert topics["cpec"] >= 2
    counterparts = repository.counterparts("imran-khan")
    assert {c.person.id for c in counterparts} >= {"xi-jinping", "li-keqiang", "wang-yi"}
    assert all(c.country_code == "CN" for c in counterparts)


def test_stats(seeded: Service) -> None:
    stats = seeded.repository.stats(MeetingFilter(synthetic="any"))
    assert stats.total == 4
    assert {b.key: b.count for b in stats.by_kind} == {"phone_call": 2, "meeting": 2}
    assert {b.key: b.count for b in stats.by_year} == {"2021": 3, "2023": 1}
    assert stats.by_country_pair[0].key == "CN-PK" and stats.by_country_pair[0].count == 4


@pytest.mark.parametrize("limit", [1, 100])
def test_a_page_costs_a_fixed_number_of_statements(
    seeded: Service, limit: int, count_statements: type[StatementCounter]
) -> None:
    synth.generate(seeded.engine, 150, seed=3)
    with count_statements(seeded.engine) as counter:
        page = seeded.repository.list_meetings(
            MeetingFilter(synthetic="any"), PageRequest(limit=limit, with_total=True)
        )
    assert len(page.items) == limit
    assert all(m.participants and m.topics and m.sources for m in page.items)
    assert counter.count <= 6, counter.statements


@pytest.mark.parametrize("order", list(MeetingOrder))
def test_cursor_walk_visits_each_meeting_once_while_rows_are_inserted(
    seeded: Service, order: MeetingOrder
) -> None:
    synth.generate(seeded.engine, 250, seed=1)
    before = {m.id for m in seeded.repository.iter_meetings(MeetingFilter(synthetic="any"))}
    seen: list[str] = []
    after = None
    while True:
        page = seeded.repository.list_meetings(
            MeetingFilter(synthetic="any"), PageRequest(order=order, limit=37, after=after)
        )
        seen.extend(m.id for m in page.items)
        if len(seen) == 37:
            synth.generate(seeded.engine, 40, seed=2)  # inserted mid-walk
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert len(seen) == len(set(seen)), "a meeting was visited twice"
    assert before <= set(seen), "a meeting that existed before the walk was skipped"


def test_a_cursor_from_another_order_is_refused(seeded: Service) -> None:
    page = seeded.repository.list_meetings(MeetingFilter(synthetic="any"), PageRequest(limit=1))
    assert page.next_cursor
    with pytest.raises(InvalidInput, match="made for order"):
        seeded.repository.list_meetings(
            MeetingFilter(synthetic="any"),
            PageRequest(order=MeetingOrder.DATE_ASC, after=page.next_cursor),
        )


def test_iter_meetings_streams_the_whole_selection(seeded: Service) -> None:
    synth.generate(seeded.engine, 120, seed=4)
    ids = [
        m.id for m in seeded.repository.iter_meetings(MeetingFilter(synthetic="any"), batch_size=50)
    ]
    assert len(ids) == len(set(ids)) == 124


def test_topics_by_ids_keeps_the_order_and_marks_unknown_ids_in_one_statement(
    seeded: Service, count_statements: type[StatementCounter]
) -> None:
    with count_statements(seeded.engine) as counter:
        topics = seeded.repository.topics_by_ids(["cpec", "no-such-topic", "afghanistan", "cpec"])
    assert [topic.id if topic else None for topic in topics] == [
        "cpec",
        None,
        "afghanistan",
        "cpec",
    ]
    assert topics[0] is not None and topics[0].label
    assert counter.count == 1, counter.statements


def test_people_by_ids_keeps_the_order_with_names_and_positions(
    seeded: Service, count_statements: type[StatementCounter]
) -> None:
    with count_statements(seeded.engine) as counter:
        people = seeded.repository.people_by_ids(["imran-khan", "nobody", "li-keqiang"])
    assert [person.name if person else None for person in people] == [
        "Imran Khan",
        None,
        "Li Keqiang",
    ]
    assert counter.count == 3, counter.statements
    assert seeded.repository.people_by_ids([]) == []


def test_people_listing_takes_a_validated_filter(seeded: Service) -> None:
    repository = seeded.repository
    everyone = PeopleFilter()
    assert repository.list_people(PeopleFilter(q="!!!"), PeoplePage()).items == []
    assert [
        p.id for p in repository.list_people(PeopleFilter(country="pk"), PeoplePage()).items
    ] == [
        "arif-alvi",
        "imran-khan",
    ]
    assert repository.list_people(everyone, PeoplePage(limit=100)).next_cursor is None
