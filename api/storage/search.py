"""Text search behind the `q` filter: FTS5 on SQLite, full-text search on PostgreSQL.

Both engines index `meetings.search_text` (name_key-normalised words) with a tokenizer
that splits on non-letters and ignores case and accents, and both require every word of
the query (AND), whole words only, with no stemming.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from api.storage.tables import meetings

__all__ = ["matches_words"]


class _MatchesWords(ColumnElement[bool]):
    inherit_cache = True
    type = sa.Boolean()

    def __init__(self, words: list[str]) -> None:
        self.words: sa.BindParameter[str] = sa.bindparam(
            "search_words", " ".join(f'"{w}"' for w in words), unique=True
        )
        self.plain: sa.BindParameter[str] = sa.bindparam(
            "search_plain", " ".join(words), unique=True
        )
        self.each_word: list[ColumnElement[bool]] = [
            meetings.c.search_text.like(f"%{_escape_like(w)}%", escape="\\") for w in words
        ]


def matches_words(words: list[str]) -> ColumnElement[bool]:
    """Meetings whose search text holds every one of `words` (already normalised)."""
    return _MatchesWords(words)


@compiles(_MatchesWords, "sqlite")
def _sqlite(element: _MatchesWords, compiler: Any, **kw: Any) -> str:
    query: sa.Select[Any] = (
        sa.select(sa.literal_column("rowid"))
        .select_from(sa.table("meetings_fts"))
        .where(sa.literal_column("meetings_fts").op("MATCH")(element.words))
    )
    return str(compiler.process(meetings.c.pk.in_(query), **kw))


@compiles(_MatchesWords, "postgresql")
def _postgresql(element: _MatchesWords, compiler: Any, **kw: Any) -> str:
    vector = sa.func.to_tsvector(sa.literal_column("'simple'"), meetings.c.search_text)
    query = sa.func.plainto_tsquery(sa.literal_column("'simple'"), element.plain)
    return str(compiler.process(vector.op("@@")(query), **kw))


@compiles(_MatchesWords)
def _other(element: _MatchesWords, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(sa.and_(*element.each_word), **kw))


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
