"""Name resolution does not slow a page: `person=<a surname>` vs `person=<id>` (≤ 1.2×).

On the benchmark database (100k synthetic meetings) topped up to 20,000 people, a page
of a person's meetings is asked for the way a face asks: the filter is resolved
(`api.resolve.resolve_filter`), then the page of briefs is read. Once by the person's id,
once by their surname as a user would type it.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
from collections.abc import Callable

import sqlalchemy as sa

from api.filters import MeetingFilter, PageRequest
from api.names import name_key, search_keys
from api.resolve import resolve_filter
from api.storage.engine import create_engine
from api.storage.repository import Repository
from api.storage.tables import participants, people, person_keys, person_names
from benchmarks.common import Row, median_seconds, prepare_database, print_table, scale

__all__ = ["PEOPLE", "TARGET", "main"]

TARGET = 1.2
PEOPLE = 20_000


def main(quick: bool = False) -> list[Row]:
    """A page of one person's meetings by surname vs by id."""
    size = scale(quick)
    url = prepare_database(size.meetings)
    engine = create_engine(url)
    people_count = 200 if os.environ.get("READOUTS_BENCH_TINY") == "1" else PEOPLE
    _top_up_people(engine, people_count)
    gc.freeze()
    repository = Repository(engine)
    person_id, name = _busy_person(engine)
    surname = name.split()[-1]
    page = PageRequest(limit=20)

    def ask(term: str) -> object:
        selection = MeetingFilter(person=[term], synthetic="any")
        return repository.list_briefs(resolve_filter(selection, repository), page)

    resolved = resolve_filter(MeetingFilter(person=[surname], synthetic="any"), repository)
    assert resolved.person == [person_id], (surname, resolved.person)
    by_id, by_surname = _interleaved(lambda: ask(person_id), lambda: ask(surname), size.repeat)
    engine.dispose()
    ratio = by_surname / by_id
    print(
        f"person={surname!r} vs person={person_id!r}: {by_surname * 1000:.2f} ms vs "
        f"{by_id * 1000:.2f} ms ({ratio:.2f}x), {people_count:,} people"
    )
    return [
        Row(
            "names",
            f"page of person=<surname>, {people_count:,} people",
            by_surname * 1000,
            "ms",
            "person=<id>",
            by_id * 1000,
            f"<= {TARGET}x",
            ratio <= TARGET,
        )
    ]


def _interleaved(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median times of two actions run in turns, so that load on the machine hits both."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, into in ((first, times[0]), (second, times[1])):
            into.append(median_seconds(action, 3))
    return statistics.median(times[0]), statistics.median(times[1])


def _top_up_people(engine: sa.Engine, total: int) -> None:
    """Add synthetic people (no meetings) until the database holds `total` people."""
    with engine.begin() as connection:
        present = connection.execute(sa.select(sa.func.count()).select_from(people)).scalar_one()
        rows: dict[str, list[dict[str, object]]] = {"people": [], "names": [], "keys": []}
        for n in range(present, total):
            person_id, name = f"bench-person-{n:05d}", f"Bench Person-{n:05d} Extra"
            rows["people"].append(
                {"id": person_id, "name": name, "country_code": "CN", "synthetic": True}
            )
            rows["names"].append(
                {"person_id": person_id, "seq": 0, "name": name, "name_key": name_key(name)}
            )
            rows["keys"].extend({"key": k, "person_id": person_id} for k in search_keys([name]))
        if rows["people"]:
            connection.execute(people.insert(), rows["people"])
            connection.execute(person_names.insert(), rows["names"])
            connection.execute(person_keys.insert(), rows["keys"])


def _busy_person(engine: sa.Engine) -> tuple[str, str]:
    """A synthetic person with meetings, whose last name word names them alone."""
    count = sa.func.count()
    query = (
        sa.select(people.c.id, people.c.name)
        .join(participants, participants.c.person_id == people.c.id)
        .where(people.c.synthetic.is_(True), people.c.id.like("synth-person-%"))
        .group_by(people.c.id, people.c.name)
        .order_by(count.desc(), people.c.id)
        .limit(1)
    )
    with engine.connect() as connection:
        person_id, name = connection.execute(query).one()
    return str(person_id), str(name)


if __name__ == "__main__":
    print_table(main(quick="--quick" in sys.argv[1:]))
