"""Aliases that would name more than one person are not aliases: finding and dropping them.

An alias of one person collides with another person when it is a run of whole words of
one of the other's names ("Li" and Li Qiang, "Khan" and Shaukat Khan): typed as a filter
it would name both. Loads and ingest call `drop_colliding_aliases` after writing people,
in the same transaction, and report what it dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from api.names import KEY_END, search_keys, word_runs
from api.storage import tables as t

__all__ = ["DroppedAlias", "drop_colliding_aliases", "naming_others"]


@dataclass(frozen=True, slots=True)
class DroppedAlias:
    """An alias removed from a person because it also names `others`."""

    person_id: str
    alias: str
    others: tuple[str, ...]

    def describe(self) -> str:
        """'alias 'Li' of li-keqiang also names li-qiang; dropped'."""
        return (
            f"alias {self.alias!r} of {self.person_id} also names {', '.join(self.others)}; dropped"
        )


def drop_colliding_aliases(
    connection: sa.Connection, person_ids: Sequence[str]
) -> list[DroppedAlias]:
    """Drop the aliases that collide between the people `person_ids` (just written) and
    anyone else, and rebuild the search keys of the people who lost one."""
    if not person_ids:
        return []
    n = t.person_names.c
    own = connection.execute(
        sa.select(n.person_id, n.seq, n.name, n.name_key).where(n.person_id.in_(list(person_ids)))
    ).all()
    dropped: dict[tuple[str, int], DroppedAlias] = {}
    # Their aliases against everyone's names: a key equal to the alias or starting with it
    # and a space means the alias is a run of whole words of that name.
    for person_id, seq, name, key in own:
        if seq == 0 or not key:
            continue
        others = naming_others(connection, person_id, key)
        if others:
            dropped[(person_id, seq)] = DroppedAlias(person_id, name, others)
    # Everyone's aliases against their names.
    runs: dict[str, set[str]] = {}
    for person_id, _seq, name, _key in own:
        for run in word_runs([name]):
            runs.setdefault(run, set()).add(person_id)
    if runs:
        aliases = connection.execute(
            sa.select(n.person_id, n.seq, n.name, n.name_key).where(
                n.seq > 0, n.name_key.in_(list(runs))
            )
        ).all()
        for person_id, seq, name, key in aliases:
            near = sorted(runs[key] - {person_id})
            if near and (person_id, seq) not in dropped:
                dropped[(person_id, seq)] = DroppedAlias(person_id, name, tuple(near[:10]))
    for person_id, seq in dropped:
        connection.execute(t.person_names.delete().where(n.person_id == person_id, n.seq == seq))
    for person_id in {person_id for person_id, _ in dropped}:
        _rebuild_keys(connection, person_id)
    return sorted(dropped.values(), key=lambda d: (d.person_id, d.alias))


def naming_others(connection: sa.Connection, person_id: str, key: str) -> tuple[str, ...]:
    """Up to ten people other than `person_id` whose names hold the name key `key` as a run
    of whole words (so an alias with that key would name them too)."""
    k = t.person_keys.c
    return tuple(
        connection.scalars(
            sa.select(k.person_id)
            .where(
                k.person_id != person_id,
                sa.or_(k.key == key, sa.and_(k.key > key + " ", k.key < key + " " + KEY_END)),
            )
            .distinct()
            .order_by(k.person_id)
            .limit(10)
        ).all()
    )


def _rebuild_keys(connection: sa.Connection, person_id: str) -> None:
    n, k = t.person_names.c, t.person_keys.c
    names = connection.scalars(
        sa.select(n.name).where(n.person_id == person_id).order_by(n.seq)
    ).all()
    connection.execute(t.person_keys.delete().where(k.person_id == person_id))
    rows = [{"key": key, "person_id": person_id} for key in search_keys(names) if key]
    if rows:
        connection.execute(t.person_keys.insert(), rows)
