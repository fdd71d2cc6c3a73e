"""Candidates for a value that names no record: the nearest labels, and the sentence
that offers them ("did you mean …? Otherwise …")."""

from __future__ import annotations

import difflib

from api.errors import Candidate
from api.names import name_key

__all__ = ["MAX_CANDIDATES", "candidates", "nearest", "suggest"]

MAX_CANDIDATES = 10
"""At most this many candidates are listed in an error."""


def nearest(
    key: str,
    labels: dict[str, str],
    limit: int = 5,
    cutoff: float = 0.6,
    with_ids: bool = False,
) -> list[str]:
    """Ids whose label (or id) reads closest to `key`, best first."""
    choices: dict[str, str] = {}
    for record_id, label in labels.items():
        choices.setdefault(name_key(label), record_id)
        if with_ids:
            choices.setdefault(name_key(record_id), record_id)
    close = difflib.get_close_matches(key, list(choices), n=limit * 2, cutoff=cutoff)
    return list(dict.fromkeys(choices[c] for c in close))[:limit]


def candidates(ids: list[str], labels: dict[str, str]) -> tuple[Candidate, ...]:
    return tuple(Candidate(id=i, name=labels[i]) for i in ids[:MAX_CANDIDATES])


def suggest(candidates: tuple[Candidate, ...], way_out: str) -> str:
    if not candidates:
        return way_out
    listed = ", ".join(f"{c.name} ({c.id})" for c in candidates)
    return f"did you mean {listed}? Otherwise {way_out}"
