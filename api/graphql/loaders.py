"""DataLoaders: batch lookups that run one repository call per batch, built per request.

A page of meetings already carries participants (with names), topic ids and sources; the
loaders fill in what it does not: topic labels and people's details, one query per batch
whatever the page size, and meetings asked for by id in several places of one request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from strawberry.dataloader import DataLoader

from api.models import Meeting, Person, Topic
from api.results import Conflict, EvidenceSpan
from api.storage.repository import Repository

__all__ = ["Loaders", "make_loaders"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Loaders:
    """The DataLoaders of one request (their caches must not outlive it)."""

    topic: DataLoader[str, Topic | None]
    person: DataLoader[str, Person | None]
    meeting: DataLoader[str, Meeting | None]
    evidence: DataLoader[str, list[EvidenceSpan] | None]
    conflicts: DataLoader[str, list[Conflict] | None]


def make_loaders(repository: Repository) -> Loaders:
    """Fresh loaders over `repository`, for one request."""
    return Loaders(
        topic=DataLoader(load_fn=_batched(repository.topics_by_ids)),
        person=DataLoader(load_fn=_batched(repository.people_by_ids)),
        meeting=DataLoader(load_fn=_batched(repository.get_meetings)),
        evidence=DataLoader(load_fn=_batched(repository.evidence_by_sources)),
        conflicts=DataLoader(load_fn=_batched(repository.conflicts_by_meetings)),
    )


def _batched(
    lookup: Callable[[Sequence[str]], Sequence[_T | None]],
) -> Callable[[list[str]], Awaitable[Sequence[_T | None]]]:
    async def load(keys: list[str]) -> Sequence[_T | None]:
        return await run_in_threadpool(lookup, keys)

    return load
