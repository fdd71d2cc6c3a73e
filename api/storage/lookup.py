"""The SQL behind name resolution: which people a typed name could mean, in one statement.

`api.resolve` decides what a term means; this module only fetches, for each key, the
people it matches at each level (by name key, by whole words, by prefix), at most
`LIMIT` people per key and level, so that a short prefix never reads a whole table.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from functools import cache
from typing import Any

import sqlalchemy as sa

from api.names import KEY_END
from api.storage import tables as t

__all__ = ["LIMIT", "Level", "people_for_terms"]

LIMIT = 11
"""People fetched per key and level: one more than the candidates an error lists."""


class Level(IntEnum):
    """How a key matched a person, best first."""

    ID = 0
    """the person's id"""
    NAME = 1
    """the whole name or an alias"""
    WORDS = 2
    """whole words of a name: a surname, a given name ('li' in 'li keqiang')"""
    PREFIX = 3
    """the start of a name or of one of its words ('imr' in 'imran khan')"""


def people_for_terms(
    ids: Sequence[str], keys: Sequence[str]
) -> tuple[sa.Select[Any], dict[str, Any]]:
    """(key, level, person id, name): the people whose id is one of `ids` (the id as key,
    level ID), and for every key of `keys` the people it matches at each level.

    Returns the statement and its parameters; the statement is built once per number of
    keys (building it costs more than running it)."""
    params: dict[str, Any] = {"ids": list(ids)}
    for number, key in enumerate(keys):
        params[f"k{number}"] = key
        params[f"w{number}"] = key + " "
        params[f"wend{number}"] = key + " " + KEY_END
        params[f"pend{number}"] = key + KEY_END
    return _statement(len(keys)), params


@cache
def _statement(keys: int) -> sa.Select[Any]:
    n, k = t.person_names.c, t.person_keys.c
    branches: list[sa.Select[Any]] = [
        sa.select(
            t.people.c.id.label("key"),
            sa.literal(int(Level.ID), sa.Integer).label("level"),
            t.people.c.id.label("person_id"),
        ).where(t.people.c.id.in_(sa.bindparam("ids", expanding=True)))
    ]
    for number in range(keys):
        key, words, words_end, prefix_end = (
            sa.bindparam(f"{name}{number}", type_=sa.Text) for name in ("k", "w", "wend", "pend")
        )
        by_name = sa.select(n.person_id).where(n.name_key == key).distinct()
        by_words = (
            sa.select(k.person_id)
            .where(sa.or_(k.key == key, sa.and_(k.key > words, k.key < words_end)))
            .distinct()
        )
        by_prefix = sa.select(k.person_id).where(k.key >= key, k.key < prefix_end).distinct()
        for level, query in (
            (Level.NAME, by_name),
            (Level.WORDS, by_words),
            (Level.PREFIX, by_prefix),
        ):
            limited = query.order_by(query.selected_columns.person_id).limit(LIMIT).subquery()
            branches.append(
                sa.select(
                    key.label("key"),
                    sa.literal(int(level), sa.Integer).label("level"),
                    limited.c.person_id,
                )
            )
    found = sa.union_all(*branches).subquery()
    return sa.select(found.c.key, found.c.level, found.c.person_id, t.people.c.name).join(
        t.people, t.people.c.id == found.c.person_id
    )
