"""Ingest readout texts: extract their meetings, then merge them into the database.

A report of an event already stored (same principals, same kind, dates within a day) adds
its source and fills missing fields instead of creating a duplicate; conflicting values
are kept with their source and reported, never overwritten. A run is all-or-nothing; with
`dry_run` it reports what would change and leaves the database as it was. Ingested
sources keep their text and the evidence spans of every field.

A run holds the database's write lock (`write_transaction`) from its first read, so runs
started together take turns: the later one sees what the earlier stored, merges into it,
skips a text already ingested and records its differing values as conflicts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from api.extract import ExtractedMeeting, extract, to_domain
from api.extract.commands import read_readout
from api.extract.names import is_pinyin_name, slugify
from api.extract.sources import publisher_of, surname_alias
from api.merge import merge
from api.models import Meeting, Person, PersonRef, Position, Source
from api.names import name_key
from api.results import Conflict
from api.storage import changes as audit
from api.storage import idempotency
from api.storage import ingesting as store
from api.storage.engine import write_transaction

__all__ = [
    "IngestReport",
    "Merged",
    "Once",
    "Readout",
    "Skipped",
    "ingest_paths",
    "ingest_readouts",
    "readout_files",
]


@dataclass(frozen=True)
class Readout:
    """One readout to ingest: its text, when it was published, where it came from
    (`document`: a file name, or what the caller names it), and optional source fields."""

    document: str
    text: str
    published: dt.date | None
    publisher: str | None = None
    headline: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Once:
    """An idempotency key of `actor` and a hash of the request it came with: a second run
    with the same key gets the first run's report back and writes nothing."""

    key: str
    request_hash: str


@dataclass(frozen=True)
class Skipped:
    """A file or meeting left out, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Merged:
    """A report merged into a stored meeting, and the fields it filled."""

    meeting_id: str
    source_id: str
    filled: list[str]


@dataclass
class IngestReport:
    """What an ingest run did (or, for a dry run, would do)."""

    new: list[str] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dropped_aliases: list[str] = field(default_factory=list)
    """Aliases left out because a new person's name made them name two people."""
    dry_run: bool = False
    replayed: bool = False
    """True when this is the stored report of an earlier run with the same key."""

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "dry_run": self.dry_run,
            "new": self.new,
            "merged": [m.__dict__ for m in self.merged],
            "conflicts": [c.model_dump() for c in self.conflicts],
            "skipped": [s.__dict__ for s in self.skipped],
            "dropped_aliases": self.dropped_aliases,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], replayed: bool = False) -> IngestReport:
        """The report `to_json` gave."""
        return cls(
            new=list(data["new"]),
            merged=[Merged(**m) for m in data["merged"]],
            conflicts=[Conflict.model_validate(c) for c in data["conflicts"]],
            skipped=[Skipped(**s) for s in data["skipped"]],
            dropped_aliases=list(data["dropped_aliases"]),
            dry_run=bool(data["dry_run"]),
            replayed=replayed,
        )


def readout_files(paths: Sequence[Path]) -> list[Path]:
    """The .txt and .json files named by `paths` (directories are searched recursively)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in {".txt", ".json"})
            )
        else:
            files.append(path)
    return files


def ingest_paths(
    engine: Engine,
    paths: Sequence[Path],
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    actor: str = "cli",
) -> IngestReport:
    """Ingest every readout file in `paths` in one transaction."""
    readouts = (_read_file(path) for path in readout_files(paths))
    return ingest_readouts(engine, readouts, dry_run, progress, actor)


def ingest_readouts(
    engine: Engine,
    readouts: Iterable[Readout],
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    actor: str = "cli",
    once: Once | None = None,
) -> IngestReport:
    """Ingest `readouts` in one transaction, as `actor` (a token's name, or `cli`); with
    `once`, a key used before gives back the report of its first run."""
    report = IngestReport(dry_run=dry_run)
    advance = progress or (lambda _n: None)
    with contextlib.suppress(_DryRun), write_transaction(engine) as connection:
        if once is not None:
            stored = idempotency.replay(connection, actor, once.key, once.request_hash)
            if stored is not None:
                return IngestReport.from_json(orjson.loads(stored.response), replayed=True)
        run = _Run(connection, report, actor)
        for readout in readouts:
            run.ingest_readout(readout)
            advance(1)
        if dry_run:
            raise _DryRun  # rolls the transaction back
        if once is not None:
            idempotency.remember(
                connection, actor, once.key, once.request_hash, orjson.dumps(report.to_json())
            )
    return report


def _read_file(path: Path) -> Readout:
    text, published = read_readout(path)
    metadata = _metadata(path)
    return Readout(
        document=path.name,
        text=text,
        published=published,
        publisher=metadata.get("publisher"),
        headline=metadata.get("headline"),
        url=metadata.get("url"),
    )


class _DryRun(Exception):
    """Raised at the end of a dry run so that its transaction rolls back."""


class _Run:
    def __init__(self, connection: sa.Connection, report: IngestReport, actor: str) -> None:
        self.connection = connection
        self.report = report
        self.actor = actor
        self.topic_ids, self.person_ids = store.known_ids(connection)
        self.name_words: dict[str, set[str]] | None = None

    def ingest_readout(self, readout: Readout) -> None:
        text = readout.text
        digest = hashlib.sha256(text.encode()).hexdigest()
        previous = store.ingested_source(self.connection, digest)
        if previous is not None:
            self._skip(readout, f"already ingested as source {previous!r}")
            return
        candidates = extract(text, readout.published)
        if not candidates:
            self._skip(
                readout, "no meeting reported in the text (not a readout, or only announced)"
            )
            return
        for number, candidate in enumerate(candidates):
            source = Source(
                id=f"ingest-{digest[:12]}" + (f"-{number + 1}" if len(candidates) > 1 else ""),
                publisher=_publisher(text, readout),
                headline=readout.headline or _headline(text) or readout.document,
                url=readout.url,
                published=readout.published,
                document=readout.document,
            )
            self._ingest_meeting(readout, candidate, source, digest)

    def _ingest_meeting(
        self, readout: Readout, candidate: ExtractedMeeting, source: Source, digest: str
    ) -> None:
        try:
            meeting, new_people = self._resolve(to_domain(candidate, source))
        except (ValueError, ValidationError) as error:
            self._skip(readout, f"a meeting could not be used: {_first_line(error)}")
            return
        stored = store.find_same_event(self.connection, meeting)
        if stored is None:
            meeting = self._unique(meeting)
            self._save_people(new_people)
            store.save_meeting(self.connection, meeting)
            audit.record(
                self.connection, self.actor, [audit.Entry("created", meeting.id, None, meeting)]
            )
            self.report.new.append(meeting.id)
        else:
            self._save_people(new_people)
            result = merge(stored, meeting)
            store.replace_meeting(self.connection, result.meeting)
            store.save_conflicts(self.connection, result.conflicts)
            audit.record(
                self.connection,
                self.actor,
                [audit.Entry("updated", stored.id, stored, result.meeting)],
            )
            self.report.merged.append(Merged(stored.id, result.source_id, result.filled))
            self.report.conflicts.extend(result.conflicts)
            source = source.model_copy(update={"id": result.source_id})
        store.save_source_text(self.connection, source, digest, readout.text, candidate.evidence)

    def _save_people(self, people: list[Person]) -> None:
        dropped = store.save_people(self.connection, people)
        self.report.dropped_aliases.extend(d.describe() for d in dropped)

    def _resolve(self, meeting: Meeting) -> tuple[Meeting, list[Person]]:
        """Point participants at stored people (any spelling); create the unknown ones."""
        new_people: list[Person] = []
        participants = []
        for participant in meeting.participants:
            name = participant.person.name or participant.person.id
            person_id = store.person_by_name(self.connection, name, participant.country_code)
            if person_id is None:
                person_id = self._new_id(slugify(name), participant.country_code)
                new_people.append(
                    Person(
                        id=person_id,
                        name=name,
                        aliases=self._aliases(person_id, name),
                        country_code=participant.country_code,
                        positions=[Position(title=participant.title)] if participant.title else [],
                    )
                )
                self.person_ids.add(person_id)
            participants.append(
                participant.model_copy(update={"person": PersonRef(id=person_id, name=name)})
            )
        principals = [p.person.id for p in participants if p.role == "principal"][:2]
        data = {
            **meeting.model_dump(),
            "id": "-".join([meeting.date.isoformat(), *principals]),
            "participants": [p.model_dump() for p in participants],
            "topics": [t for t in meeting.topics if t in self.topic_ids],
        }
        return Meeting.model_validate(data, context={"topic_ids": self.topic_ids}), new_people

    def _aliases(self, person_id: str, name: str) -> list[str]:
        """Aliases of a new person as the seeds' people have them: the surname alone, when
        no other stored person's name has that word."""
        if self.name_words is None:
            self.name_words = store.person_name_words(self.connection)
        alias = surname_alias(name, is_pinyin_name(name.split()), set(self.name_words))
        for word in name_key(name).split():
            self.name_words.setdefault(word, set()).add(person_id)
        return [alias] if alias else []

    def _unique(self, meeting: Meeting) -> Meeting:
        """The meeting under an id no other meeting has: a different event on the same day
        between the same principals (a call and a meeting, say) gets the kind, then a
        number, appended."""
        taken = store.taken_ids(self.connection, meeting.id)
        if meeting.id not in taken:
            return meeting
        candidate, number = f"{meeting.id}-{meeting.kind.value.replace('_', '-')}", 2
        while candidate in taken:
            candidate, number = f"{meeting.id}-{number}", number + 1
        return meeting.model_copy(update={"id": candidate})

    def _new_id(self, base: str, country_code: str) -> str:
        candidate = base
        if candidate in self.person_ids:
            candidate = f"{base}-{country_code.lower()}"
        number = 2
        while candidate in self.person_ids:
            candidate, number = f"{base}-{country_code.lower()}-{number}", number + 1
        return candidate

    def _skip(self, readout: Readout, reason: str) -> None:
        self.report.skipped.append(Skipped(readout.document, reason))


def _metadata(path: Path) -> dict[str, str]:
    """Optional source fields (publisher, headline, url) of a JSON readout file."""
    if path.suffix.lower() != ".json":
        return {}
    document = orjson.loads(path.read_bytes())
    return {
        key: value
        for key in ("publisher", "headline", "url")
        if isinstance(value := document.get(key), str) and value.strip()
    }


def _publisher(text: str, readout: Readout) -> str:
    """The given publisher, else the one the text credits or the url's domain."""
    found = readout.publisher or publisher_of(text, readout.url)
    return found or "unknown publisher"


def _headline(text: str) -> str | None:
    """The first line that reads like a headline: not a breadcrumb, a caption or a date."""
    for line in text.splitlines():
        line = line.strip()
        if len(line) < 20 or ">" in line or line.lower().startswith(("photo", "date")):
            continue
        return line[:200]
    return None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[-1 if isinstance(error, ValidationError) else 0]
