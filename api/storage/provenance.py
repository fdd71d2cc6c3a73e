"""Where the data came from: the texts ingested for sources, the evidence spans quoted
from them, and the values other sources reported that differ from the kept ones."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.results import Conflict, EvidenceSpan
from api.storage import tables as t

__all__ = ["ProvenanceReads"]


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
            .where(c.meeting_id.in_(meeting_ids))
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
