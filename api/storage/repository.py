"""Reading the dataset: meetings by filter and page, people, countries, topics, facets.

Every method runs a fixed number of SQL statements, whatever the page size: a page of
meetings with participants, people, topics, sources, statements and outcomes is five
statements, six with the total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.countries import is_country_code
from api.errors import InvalidInput, NotFound
from api.filters import Cursor, MeetingFilter, MeetingOrder, PageRequest, decode_token, encode_token
from api.models import Meeting, Person, PersonRef, Topic
from api.names import name_key
from api.results import (
    BriefPage,
    Bucket,
    Conflict,
    Counterpart,
    CountryCount,
    EvidenceSpan,
    MeetingPage,
    MeetingStats,
    PersonPage,
    TopicCount,
)
from api.storage import tables as t
from api.storage.facets import FacetCache, FacetCounts
from api.storage.lookup import people_for_terms
from api.storage.rows import MeetingParts, meeting_from_parts, person_from_rows
from api.storage.selection import (
    SELECTIVE,
    filter_conditions,
    keyset_condition,
    order_by,
    people_matching,
)

__all__ = ["Repository", "fetch_meetings", "fetch_people"]


class Repository:
    """Queries over one database; safe to share between requests and threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- meetings -------------------------------------------------------------------------

    def list_meetings(self, selection: MeetingFilter, page: PageRequest) -> MeetingPage:
        """One page of the meetings `selection` picks, in `page.order`."""
        with self.engine.connect() as connection:
            return _meeting_page(
                connection, selection, page.order, page.limit, page.cursor(), page.with_total
            )

    def list_briefs(self, selection: MeetingFilter, page: PageRequest) -> BriefPage:
        """Like `list_meetings`, but briefs as plain data: the meeting, its participants and
        topics (three statements, four with the total), no models built."""
        cursor = page.cursor()
        with self.engine.connect() as connection:
            conditions, selective = _conditions(connection, selection)
            ordering = order_by(page.order, selective=selective)
            query = sa.select(*_BRIEF_COLUMNS).where(*conditions).order_by(*ordering)
            if cursor is not None:
                query = query.where(keyset_condition(cursor))
            rows = connection.execute(query.limit(page.limit + 1)).all()
            items = _briefs(connection, rows[: page.limit])
            total = _count(connection, conditions) if page.with_total else None
        next_cursor = None
        if len(rows) > page.limit:
            last = items[-1]
            next_cursor = Cursor(order=page.order, date=last["date"], id=last["id"]).encode()
        return BriefPage(items=items, next_cursor=next_cursor, total=total)

    def iter_meetings(
        self,
        selection: MeetingFilter,
        order: MeetingOrder = MeetingOrder.DATE_DESC,
        batch_size: int = 1_000,
    ) -> Iterator[Meeting]:
        """Every meeting of `selection`, fetched in batches (bounded memory), for exports."""
        cursor: Cursor | None = None
        while True:
            with self.engine.connect() as connection:
                page = _meeting_page(connection, selection, order, batch_size, cursor)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = Cursor.decode(page.next_cursor, order)

    def count_meetings(self, selection: MeetingFilter) -> int:
        """How many meetings `selection` picks."""
        with self.engine.connect() as connection:
            return _count(connection, _conditions(connection, selection)[0])

    def get_meetings(self, ids: Sequence[str]) -> list[Meeting | None]:
        """The meetings with `ids`, in the same order; None where an id is unknown."""
        wanted = [i for i in ids if "\x00" not in i]  # PostgreSQL text cannot hold NUL
        with self.engine.connect() as connection:
            found = {meeting.id: meeting for meeting in fetch_meetings(connection, wanted)}
        return [found.get(meeting_id) for meeting_id in ids]

    def get_meeting(self, meeting_id: str) -> Meeting:
        """The meeting with `meeting_id`; `NotFound` when there is none."""
        meeting = self.get_meetings([meeting_id])[0]
        if meeting is None:
            raise NotFound(f"no meeting with id {meeting_id!r}")
        return meeting

    def stats(self, selection: MeetingFilter) -> MeetingStats:
        """Facets of the selection: by year, kind, setting, principals' country pair, topic."""
        m = t.meetings.c
        year = sa.extract("year", m.date)
        with self.engine.connect() as connection:
            chosen = sa.select(m.id).where(*_conditions(connection, selection)[0]).subquery()
            in_selection = m.id.in_(sa.select(chosen.c.id))

            def buckets(query: Any) -> list[Bucket]:
                return [Bucket(key=str(k), count=c) for k, c in connection.execute(query)]

            def by(column: Any) -> list[Bucket]:
                count = sa.func.count()
                query = sa.select(column, count).where(in_selection).group_by(column)
                return buckets(query.order_by(count.desc(), column))

            total = connection.execute(sa.select(sa.func.count()).where(in_selection)).scalar_one()
            by_year = buckets(
                sa.select(year, sa.func.count()).where(in_selection).group_by(year).order_by(year)
            )
            return MeetingStats(
                total=total,
                by_year=by_year,
                by_kind=by(m.kind),
                by_setting=by(m.setting),
                by_country_pair=buckets(_country_pairs(chosen)),
                by_topic=buckets(_topic_counts(chosen)),
            )

    def facets(self, selection: MeetingFilter, cache: FacetCache) -> FacetCounts:
        """Facet counts of the selection (year × kind, setting, country, person, topic,
        occasion): one statement while `cache` holds them, three at most when not."""
        with self.engine.connect() as connection:
            return cache.get(connection, selection, lambda: _conditions(connection, selection)[0])

    def source_texts(self, source_ids: Sequence[str]) -> list[str | None]:
        """For each source id, the text ingested for it (None for curated sources)."""
        texts = t.source_texts.c
        query = sa.select(texts.source_id, texts.text).where(
            texts.source_id.in_([i for i in source_ids if "\x00" not in i])
        )
        with self.engine.connect() as connection:
            found: dict[str, str] = {row[0]: row[1] for row in connection.execute(query)}
        return [found.get(source_id) for source_id in source_ids]

    def evidence_by_sources(self, source_ids: Sequence[str]) -> list[list[EvidenceSpan]]:
        """For each source id, the evidence spans of its ingested text (empty for curated
        sources), quoted from the text: one statement for the batch."""
        e, texts = t.source_evidence.c, t.source_texts.c
        query = (
            sa.select(e.source_id, e.field, e.start, e.end, texts.text)
            .join(t.source_texts, texts.source_id == e.source_id)
            .where(e.source_id.in_([i for i in source_ids if "\x00" not in i]))
            .order_by(e.source_id, e.seq)
        )
        found: dict[str, list[EvidenceSpan]] = {}
        with self.engine.connect() as connection:
            for source_id, field, start, end, text in connection.execute(query).all():
                found.setdefault(source_id, []).append(
                    EvidenceSpan(
                        source_id=source_id,
                        field=field,
                        start=start,
                        end=end,
                        quote=text[start:end],
                    )
                )
        return [found.get(source_id, []) for source_id in source_ids]

    def conflicts_by_meetings(self, meeting_ids: Sequence[str]) -> list[list[Conflict]]:
        """For each meeting id, the values other sources reported that differ from the kept
        ones: one statement for the batch."""
        c = t.conflicts.c
        query = (
            sa.select(c.meeting_id, c.field, c.kept, c.other, c.source_id)
            .where(c.meeting_id.in_([i for i in meeting_ids if "\x00" not in i]))
            .order_by(c.meeting_id, c.seq)
        )
        found: dict[str, list[Conflict]] = {}
        with self.engine.connect() as connection:
            for meeting_id, field, kept, other, source in connection.execute(query).all():
                found.setdefault(meeting_id, []).append(
                    Conflict(
                        meeting_id=meeting_id, field=field, kept=kept, other=other, source=source
                    )
                )
        return [found.get(meeting_id, []) for meeting_id in meeting_ids]

    # -- people ---------------------------------------------------------------------------

    def list_people(
        self,
        q: str | None = None,
        country: str | None = None,
        limit: int = 20,
        after: str | None = None,
    ) -> PersonPage:
        """People ordered by id, optionally whose name contains `q` or from `country`.

        The one place both APIs' people listings are checked: an unknown country or a
        cursor that is not a people cursor is `InvalidInput`; a `q` with no letters or
        digits matches no one.
        """
        if country is not None and not is_country_code(country.upper()):
            raise InvalidInput(
                f"unknown country code {country!r}; expected an ISO 3166-1 alpha-2 code such "
                "as CN or PK"
            )
        last_id = _person_cursor(after) if after is not None else None
        if q is not None and (not name_key(q) or "\x00" in q):
            return PersonPage(items=[], next_cursor=None)
        query = sa.select(t.people.c.id).order_by(t.people.c.id).limit(limit + 1)
        if q:
            matching = sa.select(t.person_names.c.person_id).where(
                t.person_names.c.name_key.contains(name_key(q), autoescape=True)
            )
            query = query.where(t.people.c.id.in_(matching))
        if country:
            query = query.where(t.people.c.country_code == country.upper())
        if last_id is not None:
            query = query.where(t.people.c.id > last_id)
        with self.engine.connect() as connection:
            ids = list(connection.scalars(query))
            people = fetch_people(connection, ids[:limit])
        next_cursor = encode_token([ids[limit - 1]]) if len(ids) > limit else None
        return PersonPage(items=people, next_cursor=next_cursor)

    def get_person(self, id_or_name: str) -> Person:
        """A person by id or by any known spelling of their name; `NotFound` otherwise."""
        if "\x00" in id_or_name:  # PostgreSQL text cannot hold NUL: no one is called that
            raise NotFound(f"no person with id or name {id_or_name!r}")
        names = t.person_names.c
        by_name = sa.select(names.person_id).where(names.name_key == name_key(id_or_name))
        query = sa.select(t.people.c.id).where(
            sa.or_(t.people.c.id == id_or_name, t.people.c.id.in_(by_name))
        )
        with self.engine.connect() as connection:
            ids = list(connection.scalars(query.order_by(t.people.c.id).limit(2)))
            if id_or_name in ids:
                ids = [id_or_name]
            people = fetch_people(connection, ids[:1])
        if not people:
            raise NotFound(f"no person with id or name {id_or_name!r}")
        return people[0]

    def match_people(
        self, ids: Sequence[str], keys: Sequence[str]
    ) -> list[tuple[str, int, str, str]]:
        """(key, level, person id, name) of the people `ids` and name keys `keys` could mean
        (see `api.storage.lookup`): one statement, for the resolver of person names."""
        wanted = [i for i in ids if "\x00" not in i]
        with self.engine.connect() as connection:
            query, params = people_for_terms(wanted, [k for k in keys if k])
            rows = connection.execute(query, params).all()
        return [(key, level, person_id, name) for key, level, person_id, name in rows]

    def topic_names(self) -> list[tuple[str, str]]:
        """(id, label) of every topic of the vocabulary: one statement, no counts."""
        query = sa.select(t.topics.c.id, t.topics.c.label).order_by(t.topics.c.id)
        with self.engine.connect() as connection:
            return [(topic_id, label) for topic_id, label in connection.execute(query)]

    def counterparts(self, person_id: str) -> list[Counterpart]:
        """People from other countries whom `person_id` met, most frequent first."""
        me, other = t.participants.alias("me"), t.participants.alias("other")
        meetings_count = sa.func.count(sa.distinct(other.c.meeting_id))
        last = sa.func.max(t.meetings.c.date)
        query = (
            sa.select(
                other.c.person_id,
                t.people.c.name,
                t.people.c.country_code,
                meetings_count,
                sa.func.min(t.meetings.c.date),
                last,
            )
            .join(me, sa.and_(me.c.meeting_id == other.c.meeting_id))
            .join(t.meetings, t.meetings.c.id == other.c.meeting_id)
            .join(t.people, t.people.c.id == other.c.person_id)
            .where(me.c.person_id == person_id, other.c.country_code != me.c.country_code)
            .group_by(other.c.person_id, t.people.c.name, t.people.c.country_code)
            .order_by(meetings_count.desc(), last.desc(), other.c.person_id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            Counterpart(
                person=PersonRef(id=pid, name=name),
                country_code=code,
                meetings=count,
                first_date=first,
                last_date=last_date,
            )
            for pid, name, code, count, first, last_date in rows
        ]

    # -- vocabularies ---------------------------------------------------------------------

    def countries(self) -> list[CountryCount]:
        """Countries with at least one participant, with their meeting counts."""
        p = t.participants.c
        count = sa.func.count(sa.distinct(p.meeting_id))
        query = (
            sa.select(t.countries.c.code, t.countries.c.name, count)
            .join(t.participants, p.country_code == t.countries.c.code)
            .group_by(t.countries.c.code, t.countries.c.name)
            .order_by(t.countries.c.code)
        )
        with self.engine.connect() as connection:
            return [
                CountryCount(code=code, name=name, meetings=n)
                for code, name, n in connection.execute(query)
            ]

    def topics(self) -> list[TopicCount]:
        """Every topic of the vocabulary with the number of meetings about it."""
        count = sa.func.count(t.meeting_topics.c.meeting_id)
        query = (
            sa.select(t.topics, count)
            .outerjoin(t.meeting_topics, t.meeting_topics.c.topic_id == t.topics.c.id)
            .group_by(*t.topics.c)
            .order_by(t.topics.c.id)
        )
        with self.engine.connect() as connection:
            return [
                TopicCount(id=i, label=label, description=d, meetings=n)
                for i, label, d, n in connection.execute(query)
            ]

    def topics_by_ids(self, ids: Sequence[str]) -> list[Topic | None]:
        """The topics with `ids`, in the same order; None where an id is unknown. One statement."""
        if not ids:
            return []
        query = sa.select(t.topics).where(t.topics.c.id.in_(list(set(ids))))
        with self.engine.connect() as connection:
            found = {
                row["id"]: Topic.model_construct(
                    id=row["id"], label=row["label"], description=row["description"]
                )
                for row in connection.execute(query).mappings()
            }
        return [found.get(topic_id) for topic_id in ids]

    def people_by_ids(self, ids: Sequence[str]) -> list[Person | None]:
        """The people with `ids`, in the same order; None where an id is unknown."""
        with self.engine.connect() as connection:
            found = {person.id: person for person in fetch_people(connection, list(set(ids)))}
        return [found.get(person_id) for person_id in ids]

    def is_empty(self) -> bool:
        """True when the database holds no meeting yet."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(t.meetings.c.id).limit(1)).first() is None

    def ping(self) -> str | None:
        """None when the database answers; otherwise the kind of error it gave."""
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as error:
            return error.__class__.__name__
        return None

    def table_counts(self) -> dict[str, int]:
        """Rows per table, for health checks and reports."""
        with self.engine.connect() as connection:
            return {
                name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for name, table in t.metadata.tables.items()
            }


def _meeting_page(
    connection: sa.Connection,
    selection: MeetingFilter,
    order: MeetingOrder,
    limit: int,
    cursor: Cursor | None,
    with_total: bool = False,
) -> MeetingPage:
    conditions, selective = _conditions(connection, selection)
    query = sa.select(t.meetings).where(*conditions)
    query = query.order_by(*order_by(order, selective=selective))
    if cursor is not None:
        query = query.where(keyset_condition(cursor))
    rows = connection.execute(query.limit(limit + 1)).all()
    items = _hydrate(connection, rows[:limit])
    total = _count(connection, conditions) if with_total else None
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = Cursor(order=order, date=last.date, id=last.id).encode()
    return MeetingPage.model_construct(items=items, next_cursor=next_cursor, total=total)


def _conditions(
    connection: sa.Connection, selection: MeetingFilter
) -> tuple[list[sa.ColumnElement[bool]], bool]:
    """The selection's conditions, and whether they pick few enough rows to sort them.

    Person names are resolved to ids first (one statement, only when the selection names
    people), so that the planner sees how selective they are.
    """
    if not selection.person:
        return filter_conditions(selection), False
    terms = {term: {term, name_key(term)} for term in selection.person}
    found: dict[str, set[str]] = {term: set() for term in selection.person}
    counts: dict[str, int] = {}
    for row in connection.execute(people_matching(list(selection.person))):
        counts[row[1]] = row[2]
        for term, forms in terms.items():
            if row[0] in forms:
                found[term].add(row[1])
    fewest = min(sum(counts[i] for i in ids) for ids in found.values())
    people_ids = [sorted(found[term]) for term in selection.person]
    return filter_conditions(selection, people_ids), fewest < SELECTIVE


_BRIEF_COLUMNS = [
    t.meetings.c[name]
    for name in (
        "id",
        "date",
        "date_precision",
        "time_of_day",
        "kind",
        "setting",
        "city",
        "country_code",
        "venue",
        "occasion",
        "initiated_by",
        "summary",
        "synthetic",
    )
]


def _briefs(connection: sa.Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Brief dicts for meeting rows, with participants and topics in two statements."""
    if not rows:
        return []
    briefs: dict[str, dict[str, Any]] = {}
    for (
        meeting_id,
        date,
        precision,
        time_of_day,
        kind,
        setting,
        city,
        country,
        venue,
        occasion,
        initiated_by,
        summary,
        synthetic,
    ) in rows:
        briefs[meeting_id] = {
            "id": meeting_id,
            "date": date,
            "date_precision": precision,
            "time_of_day": time_of_day,
            "kind": kind,
            "setting": setting,
            "location": {"city": city, "country_code": country, "venue": venue},
            "occasion": occasion,
            "initiated_by": initiated_by,
            "participants": [],
            "topics": [],
            "summary": summary,
            "synthetic": synthetic,
        }
    ids = {"ids": list(briefs)}
    for meeting_id, person_id, name, country, title, role, capacity in connection.execute(
        _BRIEF_PARTICIPANTS, ids
    ).all():
        briefs[meeting_id]["participants"].append(
            {
                "person": {"id": person_id, "name": name},
                "country_code": country,
                "title": title,
                "role": role,
                "capacity": capacity,
            }
        )
    for meeting_id, topic_id in connection.execute(_TOPICS, ids).all():
        briefs[meeting_id]["topics"].append(topic_id)
    return list(briefs.values())


def _person_cursor(token: str) -> str:
    values = decode_token(token)
    if len(values) != 1:
        raise InvalidInput(
            f"invalid cursor {token!r} for people; pass the next_cursor of a previous "
            "people page unchanged"
        )
    return values[0]


def _count(connection: sa.Connection, conditions: list[sa.ColumnElement[bool]]) -> int:
    query = sa.select(sa.func.count()).select_from(t.meetings).where(*conditions)
    return connection.execute(query).scalar_one()


def fetch_meetings(connection: sa.Connection, ids: Sequence[str]) -> list[Meeting]:
    """The meetings with `ids` that exist, in five statements."""
    rows = connection.execute(sa.select(t.meetings).where(t.meetings.c.id.in_(list(ids)))).all()
    return _hydrate(connection, rows)


def _hydrate(connection: sa.Connection, rows: Sequence[Any]) -> list[Meeting]:
    """Meetings for `rows` (of the meetings table), loading their children in four
    statements. Rows are read by attribute, the cheapest access SQLAlchemy offers."""
    if not rows:
        return []
    ids = {"ids": [row.id for row in rows]}
    parts = MeetingParts()
    _group(connection.execute(_PARTICIPANTS, ids).all(), parts.participants)
    for meeting_id, topic_id in connection.execute(_TOPICS, ids).all():
        parts.topics.setdefault(meeting_id, []).append(topic_id)
    _group(connection.execute(_SOURCES, ids).all(), parts.sources)
    for row in connection.execute(_NOTES, ids).all():
        target = parts.statements if row.note == "statement" else parts.outcomes
        target.setdefault(row.meeting_id, []).append(row)
    return [meeting_from_parts(row, parts) for row in rows]


_IDS: sa.BindParameter[list[str]] = sa.bindparam("ids", expanding=True)


def _notes() -> sa.CompoundSelect[Any]:
    """Statements and outcomes of the meetings `:ids` in one statement."""
    s, o = t.statements.c, t.outcomes.c

    def null(kind: Any) -> Any:
        return sa.cast(sa.null(), kind)

    statements = (
        sa.select(
            s.meeting_id,
            s.seq,
            sa.literal("statement").label("note"),
            s.text,
            s.speaker_id,
            t.people.c.name.label("speaker_name"),
            s.source_id,
            null(sa.String).label("kind"),
            null(sa.Text).label("name"),
            null(sa.Date).label("date"),
        )
        .join(t.people, t.people.c.id == s.speaker_id)
        .where(s.meeting_id.in_(_IDS))
    )
    outcomes = sa.select(
        o.meeting_id,
        o.seq,
        sa.literal("outcome").label("note"),
        o.text,
        null(sa.String),
        null(sa.Text),
        null(sa.String),
        o.kind,
        o.name,
        o.date,
    ).where(o.meeting_id.in_(_IDS))
    union = sa.union_all(statements, outcomes)
    return union.order_by(union.selected_columns.meeting_id, union.selected_columns.seq)


# The child queries of a page, built once: `:ids` is the page's meeting ids.
_P = t.participants.c
_PARTICIPANTS = (
    sa.select(t.participants, t.people.c.name)
    .join(t.people, t.people.c.id == _P.person_id)
    .where(_P.meeting_id.in_(_IDS))
    .order_by(_P.meeting_id, _P.seq)
)
_BRIEF_PARTICIPANTS = (
    sa.select(
        _P.meeting_id,
        _P.person_id,
        t.people.c.name,
        _P.country_code,
        _P.title,
        _P.role,
        _P.capacity,
    )
    .join(t.people, t.people.c.id == _P.person_id)
    .where(_P.meeting_id.in_(_IDS))
    .order_by(_P.meeting_id, _P.seq)
)
_TOPICS = (
    sa.select(t.meeting_topics.c.meeting_id, t.meeting_topics.c.topic_id)
    .where(t.meeting_topics.c.meeting_id.in_(_IDS))
    .order_by(t.meeting_topics.c.meeting_id, t.meeting_topics.c.seq)
)
_SOURCES = (
    sa.select(t.sources)
    .where(t.sources.c.meeting_id.in_(_IDS))
    .order_by(t.sources.c.meeting_id, t.sources.c.seq)
)
_NOTES = _notes()


def _group(rows: Any, into: dict[str, list[Any]]) -> None:
    for row in rows:
        into.setdefault(row.meeting_id, []).append(row)


def fetch_people(connection: sa.Connection, ids: list[str]) -> list[Person]:
    """People with `ids` (in that order), with names and positions: three statements."""
    if not ids:
        return []
    rows = {
        row["id"]: row
        for row in connection.execute(sa.select(t.people).where(t.people.c.id.in_(ids))).mappings()
    }
    names: dict[str, list[Any]] = defaultdict(list)
    for row in connection.execute(
        sa.select(t.person_names)
        .where(t.person_names.c.person_id.in_(ids))
        .order_by(t.person_names.c.person_id, t.person_names.c.seq)
    ).mappings():
        names[row["person_id"]].append(row)
    positions: dict[str, list[Any]] = defaultdict(list)
    for row in connection.execute(
        sa.select(t.positions)
        .where(t.positions.c.person_id.in_(ids))
        .order_by(t.positions.c.person_id, t.positions.c.seq)
    ).mappings():
        positions[row["person_id"]].append(row)
    return [person_from_rows(rows[i], names[i], positions[i]) for i in ids if i in rows]


def _country_pairs(chosen: sa.Subquery) -> sa.Select[Any]:
    a, b = t.participants.alias("a"), t.participants.alias("b")
    pair = a.c.country_code + sa.literal("-") + b.c.country_code
    count = sa.func.count(sa.distinct(a.c.meeting_id))
    return (
        sa.select(pair, count)
        .join(b, b.c.meeting_id == a.c.meeting_id)
        .where(
            a.c.meeting_id.in_(sa.select(chosen.c.id)),
            a.c.role == "principal",
            b.c.role == "principal",
            a.c.country_code < b.c.country_code,
        )
        .group_by(a.c.country_code, b.c.country_code)
        .order_by(count.desc(), a.c.country_code, b.c.country_code)
    )


def _topic_counts(chosen: sa.Subquery) -> sa.Select[Any]:
    mt = t.meeting_topics.c
    count = sa.func.count()
    return (
        sa.select(mt.topic_id, count)
        .where(mt.meeting_id.in_(sa.select(chosen.c.id)))
        .group_by(mt.topic_id)
        .order_by(count.desc(), mt.topic_id)
    )
