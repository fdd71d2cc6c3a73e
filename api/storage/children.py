"""The child statements of a batch of meetings: participants, topics, sources, and
statements with outcomes, each ordered by meeting and position (`seq`).

Every reader of meetings reads children with these, and `api.storage.plain` builds rows
from their columns by position. Which meetings a batch holds is the caller's `Restrict`:
`IN` over the batch's ids for a page (`api.storage.meetings`), or a key range joined to
the meetings a filter picks for an export (`api.storage.export_rows`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from api.storage import tables as t

__all__ = ["Children", "Restrict", "child_statements"]

Restrict = Callable[[sa.Select[Any], sa.ColumnElement[Any]], sa.Select[Any]]
"""A child statement narrowed to the batch's meetings, given the child's `meeting_id`."""

Children = tuple[sa.Select[Any], sa.Select[Any], sa.Select[Any], sa.CompoundSelect[Any]]
"""Participants, topics, sources and notes (statements with outcomes)."""


def child_statements(restrict: Restrict) -> Children:
    """The four child statements of the meetings `restrict` picks; their columns are:

    - participants: (meeting_id, person_id, name, country_code, title, role, capacity)
    - topics: (meeting_id, topic_id)
    - sources: (meeting_id, id, publisher, headline, url, published, language, document)
    - notes: (meeting_id, seq, note, text, speaker_id, speaker_name, source_id, kind,
      name, date), `note` being "statement" or "outcome".
    """
    p, topics, s = t.participants.c, t.meeting_topics.c, t.sources.c
    participants = restrict(
        sa.select(p.meeting_id, p.person_id, t.people.c.name, p.country_code, p.title, p.role)
        .add_columns(p.capacity)
        .join(t.people, t.people.c.id == p.person_id),
        p.meeting_id,
    ).order_by(p.meeting_id, p.seq)
    topic_ids = restrict(sa.select(topics.meeting_id, topics.topic_id), topics.meeting_id).order_by(
        topics.meeting_id, topics.seq
    )
    sources = restrict(
        sa.select(
            s.meeting_id, s.id, s.publisher, s.headline, s.url, s.published, s.language
        ).add_columns(s.document),
        s.meeting_id,
    ).order_by(s.meeting_id, s.seq)
    return participants, topic_ids, sources, _notes(restrict)


def _notes(restrict: Restrict) -> sa.CompoundSelect[Any]:
    s, o = t.statements.c, t.outcomes.c

    def null(kind: Any) -> Any:
        return sa.cast(sa.null(), kind)

    statements = restrict(
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
        ).join(t.people, t.people.c.id == s.speaker_id),
        s.meeting_id,
    )
    outcomes = restrict(
        sa.select(
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
        ),
        o.meeting_id,
    )
    union = sa.union_all(statements, outcomes)
    return union.order_by(union.selected_columns.meeting_id, union.selected_columns.seq)
