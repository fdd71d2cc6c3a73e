"""The controlled topic vocabulary shipped in `seeds/topics.json`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import orjson

__all__ = ["SEEDS_DIR", "builtin_topic_ids"]

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@cache
def builtin_topic_ids() -> frozenset[str]:
    """Ids of the topics in the shipped vocabulary (empty when the file is absent)."""
    path = SEEDS_DIR / "topics.json"
    if not path.exists():
        return frozenset()
    document = orjson.loads(path.read_bytes())
    return frozenset(topic["id"] for topic in document["topics"])
