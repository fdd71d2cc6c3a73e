"""Name keys: one spelling-insensitive form of a name, and the keys a lookup searches.

A person is found by any word-boundary *suffix* of the key of any of their names
(`search_keys`): a prefix of one of those is a prefix of the whole name, of the surname or
of a given name. Two people's names *collide* on an alias when the alias is a run of
whole words of the other's name (`word_runs`): then it would name both of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["KEY_END", "name_key", "search_keys", "word_runs"]

_NOT_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"[\s-]+")

KEY_END = "\U0010ffff"
"""Sorts after every character: keys starting with `p` lie in [p, p + KEY_END)."""


def name_key(name: str) -> str:
    """Lower-case, accent-free, punctuation-free form: 'Dr. Arif  Alvi' → 'dr arif alvi'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NOT_WORD.sub("", plain.casefold())).strip()


def search_keys(names: Iterable[str]) -> list[str]:
    """Every word-boundary suffix of the keys of `names`, without repeats, in order."""
    keys: dict[str, None] = {}
    for name in names:
        words = name_key(name).split()
        for start in range(len(words)):
            keys[" ".join(words[start:])] = None
    return list(keys)


def word_runs(names: Iterable[str]) -> set[str]:
    """Every run of consecutive whole words of the keys of `names` ('li keqiang' → 'li',
    'keqiang', 'li keqiang')."""
    runs: set[str] = set()
    for name in names:
        words = name_key(name).split()
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                runs.add(" ".join(words[start:end]))
    return runs
