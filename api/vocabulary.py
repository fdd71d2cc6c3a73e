"""The controlled topic vocabulary shipped in `seeds/topics.json`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import orjson

__all__ = ["SEEDS_DIR", "builtin_topic_ids"]


def _seeds_dir() -> Path:
    """The directory of the curated records: the `seeds` package, installed or not."""
    root = resources.files("seeds")
    if not isinstance(root, Path):  # a zip import: the records must be real files
        raise RuntimeError(f"readouts must be installed unzipped; seeds found in {root}")
    return root


SEEDS_DIR = _seeds_dir()


@cache
def builtin_topic_ids() -> frozenset[str]:
    """Ids of the topics in the shipped vocabulary (empty when the file is absent)."""
    path = SEEDS_DIR / "topics.json"
    if not path.exists():
        return frozenset()
    document = orjson.loads(path.read_bytes())
    return frozenset(topic["id"] for topic in document["topics"])
