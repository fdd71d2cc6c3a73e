"""Where the data came from: the texts ingested for sources, the evidence spans quoted
from them, and the values other sources reported that differ from the kept ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.results import Conflict, EvidenceSpan
from api.storage import tables as t

__all__ = ["ProvenanceReads"]

_T = TypeVar("_T")


class ProvenanceReads:
    """The provenance queries of `api.storage.repository.Repository`: one statement per
    batch of ids."""

    engine: Engine

    def source_texts(self, source_ids: Sequence[str]) -> list[str | None]:
        """For each source id, the text ingested for it (None for curated sources)."""
        texts = t.source_texts.c
        query = sa.select(texts.source_id, texts.text).where(texts.source_id.in_(source_ids))
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
            .where(e.source_id.in_(source_ids))
            .order_by(e.source_id, e.seq)
        )

        def span(source_id: str, field: str, start: int, end: int, text: str) -> EvidenceSpan:
            quote = text[start:end]
            return EvidenceSpan(source_id=source_id, field=field, start=start, end=end, quote=quote)

        return self._per_id(source_ids, query, span)

    def conflicts_by_meetings(self, meeting_ids: Sequence[str]) -> list[list[Conflict]]:
        """For each meeting id, the values other sources reported that differ from the kept
        ones: one statement for the batch."""
        c = t.conflicts.c
        query = (
            sa.select(c.meeting_id, c.field, c.kept, c.other, c.source_id)
            .where(c.meeting_id.in_(meeting_ids))
            .order_by(c.meeting_id, c.seq)
        )

        def conflict(
            meeting_id: str, field: str, kept: str | None, other: str | None, source: str
        ) -> Conflict:
            return Conflict(
                meeting_id=meeting_id, field=field, kept=kept, other=other, source=source
            )

        return self._per_id(meeting_ids, query, conflict)

    def _per_id(
        self, ids: Sequence[str], query: sa.Select[Any], build: Callable[..., _T]
    ) -> list[list[_T]]:
        """For each of `ids`, `build(*row)` of the rows of `query` (whose first column is
        the id), in the query's order."""
        found: dict[str, list[_T]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(query).all():
                found.setdefault(row[0], []).append(build(*row))
        return [found.get(i, []) for i in ids]
