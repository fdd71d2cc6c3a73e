"""Synthetic meetings for benchmarks: realistic in shape, clearly marked, easy to purge.

Every generated meeting, person and source has `synthetic = true`, an id starting with
`synth-`, and the publisher "readouts synthetic data", so no one mistakes it for a record.
Each record is a validated model written through the same row builders as `load`
(`api.storage.rows`), in large batches (COPY on PostgreSQL): 100k meetings take seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.errors import InvalidInput
from api.models import Meeting, Person, Position
from api.storage import tables as t
from api.storage.engine import analyze
from api.storage.rows import meeting_rows, person_rows

__all__ = ["SYNTHETIC_PUBLISHER", "generate", "purge"]

SYNTHETIC_PUBLISHER = "readouts synthetic data"
_BATCH = 2_000
_PEOPLE_PER_COUNTRY = 40

_CAPITALS = {
    "CN": "Beijing",
    "PK": "Islamabad",
    "US": "Washington",
    "RU": "Moscow",
    "IN": "New Delhi",
    "GB": "London",
    "FR": "Paris",
    "DE": "Berlin",
    "JP": "Tokyo",
    "KR": "Seoul",
    "BR": "Brasilia",
    "ZA": "Pretoria",
    "TR": "Ankara",
    "IR": "Tehran",
    "SA": "Riyadh",
    "AE": "Abu Dhabi",
    "EG": "Cairo",
    "NG": "Abuja",
    "KE": "Nairobi",
    "ET": "Addis Ababa",
    "ID": "Jakarta",
    "MY": "Kuala Lumpur",
    "TH": "Bangkok",
    "VN": "Hanoi",
    "PH": "Manila",
    "AU": "Canberra",
    "CA": "Ottawa",
    "MX": "Mexico City",
    "AR": "Buenos Aires",
    "IT": "Rome",
    "ES": "Madrid",
    "KZ": "Astana",
    "UZ": "Tashkent",
    "TJ": "Dushanbe",
    "AF": "Kabul",
    "BD": "Dhaka",
    "LK": "Colombo",
    "NP": "Kathmandu",
    "QA": "Doha",
    "SG": "Singapore",
}
_OCCASIONS = [
    "SCO summit",
    "G20 summit",
    "BRICS summit",
    "UN General Assembly",
    "APEC summit",
    "ASEAN summit",
    "CICA summit",
    "Munich Security Conference",
    "World Economic Forum",
    "COP climate conference",
]
_GIVEN = [
    "Amir",
    "Li",
    "Sara",
    "Omar",
    "Mei",
    "Ivan",
    "Ana",
    "Raj",
    "Yuki",
    "Karim",
    "Lena",
    "Hassan",
    "Wei",
    "Fatima",
    "John",
    "Maria",
    "Ahmed",
    "Chen",
    "Aisha",
    "Pierre",
]
_FAMILY = [
    "Khan",
    "Wang",
    "Petrov",
    "Silva",
    "Sato",
    "Kumar",
    "Rahman",
    "Zhang",
    "Garcia",
    "Ali",
    "Smith",
    "Nguyen",
    "Park",
    "Okafor",
    "Haddad",
    "Costa",
    "Ivanova",
    "Tanaka",
]
_TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Vice President",
    "Minister of Commerce",
    "Defence Minister",
    "Speaker of Parliament",
]
_ATTENDEE_TITLES = [
    "Ambassador",
    "Minister of Finance",
    "Interior Minister",
    "National Security Adviser",
    "Minister of Planning",
]
_VERBS = ["stressed", "welcomed", "proposed", "reaffirmed", "called for", "praised"]


def generate(
    engine: Engine,
    count: int,
    seed: int = 0,
    topic_ids: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Add `count` synthetic meetings (and their people pool); returns the number added."""
    rng = random.Random(seed)
    advance = progress or (lambda _n: None)
    with engine.begin() as connection:
        topics = topic_ids or list(connection.scalars(sa.select(t.topics.c.id)))
        if not topics:
            raise InvalidInput("the database has no topics; run `readouts load` first")
        pool = _people_pool(connection, rng)
        start = connection.execute(
            sa.select(sa.func.count()).where(t.meetings.c.synthetic.is_(True))
        ).scalar_one()
        names = {person[0]: person[1] for people in pool.values() for person in people}
        for offset in range(0, count, _BATCH):
            rows: dict[str, list[dict[str, Any]]] = {}
            for number in range(start + offset, start + min(offset + _BATCH, count)):
                meeting = _meeting(rng, number, pool, topics)
                for table, table_rows in meeting_rows(meeting, names).items():
                    rows.setdefault(table, []).extend(table_rows)
            _write_all(connection, rows)
            advance(len(rows["meetings"]))
    analyze(engine)
    return count


def purge(engine: Engine) -> int:
    """Remove every synthetic meeting and person; returns the number of meetings removed."""
    chosen = sa.select(t.meetings.c.id).where(t.meetings.c.synthetic.is_(True))
    with engine.begin() as connection:
        removed = connection.execute(
            sa.select(sa.func.count()).select_from(chosen.subquery())
        ).scalar_one()
        for table in (t.participants, t.meeting_topics, t.sources, t.statements, t.outcomes):
            connection.execute(table.delete().where(table.c.meeting_id.in_(chosen)))
        connection.execute(t.meetings.delete().where(t.meetings.c.synthetic.is_(True)))
        people = sa.select(t.people.c.id).where(t.people.c.synthetic.is_(True))
        for table in (t.person_names, t.person_keys, t.positions):
            connection.execute(table.delete().where(table.c.person_id.in_(people)))
        connection.execute(t.people.delete().where(t.people.c.synthetic.is_(True)))
    return int(removed)


def _write_all(connection: sa.Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert rows keyed by table name, parents first."""
    for table in t.metadata.sorted_tables:
        if rows.get(table.name):
            _write(connection, table, rows[table.name])


def _write(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows`: COPY on PostgreSQL (several times faster), executemany elsewhere."""
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


_Person = tuple[str, str, str, str]  # id, name, country, title


def _people_pool(connection: sa.Connection, rng: random.Random) -> dict[str, list[_Person]]:
    """The synthetic people, created on first use, by country."""
    existing: Sequence[Any] = connection.execute(
        sa.select(t.people.c.id, t.people.c.name, t.people.c.country_code, t.positions.c.title)
        .join(t.positions, t.positions.c.person_id == t.people.c.id)
        .where(t.people.c.synthetic.is_(True), t.positions.c.seq == 0)
    ).all()
    pool: dict[str, list[_Person]] = {}
    if not existing:
        existing = _create_people(connection, rng)
    for person in existing:
        pool.setdefault(person[2], []).append(person)
    return pool


def _create_people(connection: sa.Connection, rng: random.Random) -> list[_Person]:
    people: list[_Person] = []
    for code in sorted(_CAPITALS):
        for n in range(_PEOPLE_PER_COUNTRY):
            name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}-{code}{n:02d}"
            title = _TITLES[n] if n < len(_TITLES) else rng.choice(_ATTENDEE_TITLES)
            people.append((f"synth-person-{code.lower()}-{n:02d}", name, code, title))
    rows: dict[str, list[dict[str, Any]]] = {}
    for person_id, name, code, title in people:
        person = Person(
            id=person_id,
            name=name,
            country_code=code,
            positions=[Position(title=title)],
            synthetic=True,
        )
        for table, table_rows in person_rows(person).items():
            rows.setdefault(table, []).extend(table_rows)
    _write_all(connection, rows)
    return people


def _meeting(
    rng: random.Random,
    number: int,
    pool: dict[str, list[_Person]],
    topics: list[str],
) -> Meeting:
    meeting_id = f"synth-{number:08d}"
    home, guest = rng.sample(sorted(pool), 2)
    kind = rng.choices(["meeting", "phone_call", "video_call"], weights=[6, 3, 1])[0]
    date = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(11_600))
    city = country = occasion = venue = None
    if kind != "meeting":
        setting = "remote"
    elif rng.random() < 0.7:
        setting, country = "bilateral_visit", home
        city = _CAPITALS[home]
        venue = rng.choice([None, "Presidential Palace", "State Guest House"])
    else:
        setting = "third_country"
        country = rng.choice([c for c in sorted(pool) if c not in (home, guest)])
        city, occasion = _CAPITALS[country], rng.choice(_OCCASIONS)
    principals = [pool[home][rng.randrange(3)], pool[guest][rng.randrange(3)]]
    attendees = rng.sample(pool[home][7:] + pool[guest][7:], rng.randrange(0, 7))
    chosen_topics = rng.sample(topics, min(len(topics), rng.randint(1, 4)))
    names = " and ".join(p[1] for p in principals)
    summary = f"Synthetic {kind.replace('_', ' ')} between {names} about " + ", ".join(
        chosen_topics
    )
    initiated_by = principals[0][2] if kind != "meeting" and rng.random() < 0.3 else None
    source_ids = [f"synth-source-{number:08d}-{n}" for n in range(rng.randint(1, 2))]
    return Meeting.model_validate(
        {
            "id": meeting_id,
            "date": date,
            "kind": kind,
            "setting": setting,
            "location": {"city": city, "country_code": country, "venue": venue},
            "occasion": occasion,
            "initiated_by": initiated_by,
            "summary": summary,
            "synthetic": True,
            "participants": [
                {
                    "person": {"id": person[0]},
                    "country_code": person[2],
                    "title": person[3],
                    "role": role,
                }
                for person, role in [(p, "principal") for p in principals]
                + [(p, "attendee") for p in attendees]
            ],
            "topics": chosen_topics,
            "sources": [
                {
                    "id": source_id,
                    "publisher": SYNTHETIC_PUBLISHER,
                    "headline": f"Synthetic readout: {names}",
                    "published": date + dt.timedelta(days=seq),
                }
                for seq, source_id in enumerate(source_ids)
            ],
            "statements": [
                {
                    "speaker": {"id": speaker[0]},
                    "text": f"{speaker[1]} {rng.choice(_VERBS)} cooperation on "
                    f"{rng.choice(chosen_topics)}.",
                    "source": source_ids[0],
                }
                for speaker in principals
            ],
        }
    )
