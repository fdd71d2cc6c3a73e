"""Load files read as streams: records one at a time, never a whole file in memory.

A load file is a JSON object with any of the keys `topics`, `people` and `meetings`, each
a list of records. `LoadFiles` reads its files twice with ijson: once for the file's
shape and its topics and people (few and small), then for its meetings, handed out in
chunks. Peak memory depends on the chunk, not on the size of the file. Every problem is a
`LoadError` naming the file, and the record and field where there is one.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import ijson
from ijson.common import ObjectBuilder

from api.encodings import BOMS, decode_text
from api.errors import FieldError, InvalidInput, LoadError
from api.ids import NUL_MESSAGE, nul_at

__all__ = ["KINDS", "LoadFiles", "Record"]

KINDS = ("topics", "people", "meetings")
_HEAD = ("topics", "people")
_SNIFF = 1 << 20  # bytes read to name a file's encoding when it is not UTF-8


@dataclass
class Record:
    """One record of a load file, as parsed."""

    file: str
    raw: dict[str, Any]
    position: int
    """Its place in its file's list, from 1."""

    @property
    def label(self) -> str:
        return str(self.raw.get("id", f"#{self.position}"))


@dataclass
class LoadFiles:
    """The records of the load files in `paths` (files, or folders of *.json)."""

    paths: Sequence[Path]
    _seen: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.files = _files(self.paths)

    def head(self) -> tuple[list[Record], list[Record]]:
        """Every file's topics and people; checks each file's shape on the way."""
        topics: list[Record] = []
        people: list[Record] = []
        for path in self.files:
            for kind, record in _head_records(path):
                self._check(record, kind)
                (topics if kind == "topics" else people).append(record)
        return topics, people

    def meetings(self, size: int) -> Iterator[list[Record]]:
        """Every file's meetings, in chunks of at most `size`."""
        chunk: list[Record] = []
        for path in self.files:
            with _opened(path) as stream:
                items = ijson.items(stream, "meetings.item", use_float=True)
                for position, raw in enumerate(_parsed(path, items), 1):
                    record = _record(path, "meetings", raw, position)
                    self._check(record, "meetings")
                    chunk.append(record)
                    if len(chunk) == size:
                        yield chunk
                        chunk = []
        if chunk:
            yield chunk

    def _check(self, record: Record, kind: str) -> None:
        """`LoadError` for an id given twice in one load (naming both places), or a NUL
        character in any string (PostgreSQL cannot store one), naming the record and field."""
        key = (kind, record.label)
        if key in self._seen:
            file, position = self._seen[key]
            where = f"{kind} record #{position}" + ("" if file == record.file else f" of {file}")
            message = (
                f"the id is given twice (here, {kind} record #{record.position}, and also "
                f"{where}); give each record once"
            )
            raise LoadError(record.file, record.label, [FieldError("id", message)])
        self._seen[key] = (record.file, record.position)
        nul = nul_at(record.raw, "{}[{}]".format)
        if nul is not None:
            error = FieldError(nul or "(record)", NUL_MESSAGE)
            raise LoadError(record.file, record.label, [error])


def _files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.json"))
            if not found:
                raise LoadError(str(path), None, [FieldError("(path)", "no .json files in it")])
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise LoadError(str(path), None, [FieldError("(path)", "no such file or directory")])
    return files


def _head_records(path: Path) -> Iterator[tuple[str, Record]]:
    """The topics and people of `path`, checking the file's shape (an object of lists of
    objects under known keys) as the parser goes, meetings included."""
    builder: ObjectBuilder | None = None
    positions = dict.fromkeys(KINDS, 0)
    with _opened(path) as stream:
        for prefix, event, value in _parsed(path, ijson.parse(stream, use_float=True)):
            kind, _, rest = prefix.partition(".")
            if builder is not None:
                builder.event(event, value)
                if rest == "item" and event == "end_map":
                    yield kind, _record(path, kind, builder.value, positions[kind])
                    builder = None
            elif not prefix:
                if event == "map_key" and value not in KINDS:
                    message = f"unknown key {value!r}; expected topics, people or meetings"
                    raise LoadError(str(path), None, [FieldError(str(value), message)])
                if event not in ("start_map", "end_map", "map_key"):
                    raise _not_an_object(path)
            elif not rest:
                if event not in ("start_array", "end_array"):
                    message = "expected a list of records"
                    raise LoadError(str(path), None, [FieldError(kind, message)])
            elif rest == "item" and event not in ("map_key", "end_map"):
                positions[kind] += 1
                if event != "start_map":
                    raise LoadError(
                        str(path),
                        f"#{positions[kind]}",
                        [FieldError(kind, "expected a JSON object")],
                    )
                if kind in _HEAD:
                    builder = ObjectBuilder()
                    builder.event(event, value)


def _record(path: Path, kind: str, raw: Any, position: int) -> Record:
    if not isinstance(raw, dict):
        raise LoadError(str(path), f"#{position}", [FieldError(kind, "expected a JSON object")])
    return Record(str(path), raw, position)


def _not_an_object(path: Path) -> LoadError:
    return LoadError(
        str(path), None, [FieldError("(file)", "expected an object with topics/people/meetings")]
    )


def _parsed(path: Path, events: Iterator[Any]) -> Iterator[Any]:
    """`events` with parse errors as `LoadError`s naming the file (and its encoding, when
    that is what is wrong)."""
    try:
        yield from events
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise LoadError(
            str(path), None, [FieldError("(file)", _encoding_problem(path) or _syntax(error))]
        ) from None


def _syntax(error: Exception) -> str:
    return f"not valid JSON: {str(error).strip() or type(error).__name__}"


def _encoding_problem(path: Path) -> str | None:
    """Why the start of `path` is not text this reader takes, or None when it is."""
    with path.open("rb") as raw:
        head = raw.read(_SNIFF)
    if len(head) == _SNIFF:
        head = head[: len(head) - 4]  # never judge a character cut in half
    try:
        decode_text(head, str(path), detect=False)
    except InvalidInput as error:
        return error.detail
    return None


class _Utf8:
    """A binary stream of UTF-8 read from a file in another encoding (named by its BOM)."""

    def __init__(self, stream: IO[bytes], encoding: str) -> None:
        self._reader = codecs.getreader(encoding)(stream)

    def read(self, size: int = -1) -> bytes:
        return self._reader.read(size).encode("utf-8")


class _opened:
    """`path` as a UTF-8 byte stream: as is, past a UTF-8 BOM, or re-encoded from the
    UTF-16 or UTF-32 its BOM names."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")

    def __enter__(self) -> IO[bytes] | _Utf8:
        start = self._file.read(4)
        self._file.seek(0)
        for bom, encoding in BOMS:
            if start.startswith(bom):
                if encoding == "utf-8-sig":
                    self._file.seek(len(bom))
                    return self._file
                return _Utf8(self._file, encoding)
        return self._file

    def __exit__(self, *_exc: object) -> None:
        self._file.close()
