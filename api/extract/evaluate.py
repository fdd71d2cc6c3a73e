"""Scoring the extractor against an annotated corpus (the format of corpus/dev/README.md).

A predicted meeting matches a gold one when the date and kind are equal and the
principals pair up one to one by name. Two names match when, after folding case and
accents and dropping honorific prefixes, they are equal, or one's words are a subset
of the other's and they share the surname (last word) or, for names written surname
first, the first word: "Usman Dar" = "Muhammad Usman Dar", "Khan" = "Imran Khan".
Field accuracy is counted over matched meetings only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from api.extract.convert import to_corpus
from api.extract.gazetteer import fold
from api.extract.meetings import extract
from api.extract.titles import HONORIFIC_PREFIXES

__all__ = ["FIELDS", "EvaluationReport", "Mismatch", "evaluate", "format_report", "names_match"]

FIELDS = (
    "date", "kind", "setting", "city", "country", "venue", "occasion", "initiated_by",
    "principals", "attendees", "titles",
)  # fmt: skip
"""The fields scored over matched meetings."""

_PLAIN = {"date": "date", "kind": "kind", "setting": "setting", "city": "city",
          "country": "country_code", "venue": "venue", "occasion": "occasion",
          "initiated_by": "initiated_by"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One disagreement: in which file, on which field, what was expected and got."""

    file: str
    field: str
    expected: Any
    got: Any


@dataclass(slots=True)
class EvaluationReport:
    """Meeting-level precision/recall/F1 and per-field accuracy over matched meetings."""

    files: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predicted meetings that match a gold one."""
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of gold meetings that were found."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def accuracy(self, name: str) -> float:
        """Share of matched meetings whose `name` field is right (1.0 when none matched)."""
        return self.correct[name] / self.matched if self.matched else 1.0

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON data (for `--json`)."""
        return {
            "files": self.files,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {name: round(self.accuracy(name), 4) for name in FIELDS},
            "mismatches": [
                {"file": m.file, "field": m.field, "expected": m.expected, "got": m.got}
                for m in self.mismatches
            ],
        }


def _name_words(name: str) -> list[str]:
    words = re.sub(r"[^\w\s-]", " ", fold(name)).split()
    while len(words) > 1 and words[0] in HONORIFIC_PREFIXES:
        words.pop(0)
    return words


def names_match(a: str, b: str) -> bool:
    """True when `a` and `b` name the same person (see the module docstring)."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    sa, sb = set(wa), set(wb)
    return (sa <= sb or sb <= sa) and (wa[-1] == wb[-1] or wa[0] == wb[0])


def _pair(gold: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[tuple[int, int]] | None:
    pairs, used = [], set()
    for i, g in enumerate(gold):
        j = next(
            (j for j, p in enumerate(got) if j not in used and names_match(g["name"], p["name"])),
            None,
        )
        if j is None:
            return None
        used.add(j)
        pairs.append((i, j))
    return pairs


def _principals(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in meeting["participants"] if p["role"] == "principal"]


def _attendees(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in meeting["participants"] if p["role"] == "attendee"]


def _matches(gold: dict[str, Any], got: dict[str, Any]) -> bool:
    if gold["date"] != got["date"] or gold["kind"] != got["kind"]:
        return False
    gp, pp = _principals(gold), _principals(got)
    return len(gp) == len(pp) and _pair(gp, pp) is not None


def _norm(value: Any) -> Any:
    return fold(value).strip() if isinstance(value, str) else value


def _field_values(name: str, gold: dict[str, Any], got: dict[str, Any]) -> tuple[Any, Any]:
    if name in _PLAIN:
        return gold[_PLAIN[name]], got[_PLAIN[name]]
    if name == "principals":
        return (
            sorted((p["name"], p["country_code"]) for p in _principals(gold)),
            sorted((p["name"], p["country_code"]) for p in _principals(got)),
        )
    if name == "attendees":
        return (
            sorted((p["name"], p["country_code"]) for p in _attendees(gold)),
            sorted((p["name"], p["country_code"]) for p in _attendees(got)),
        )
    expected, found = {}, {}
    for person in gold["participants"]:
        match = next(
            (p for p in got["participants"] if names_match(person["name"], p["name"])), None
        )
        if match is not None:
            expected[person["name"]] = person["title"]
            found[person["name"]] = match["title"]
    return expected, found


def _correct(name: str, gold: dict[str, Any], got: dict[str, Any]) -> bool:
    expected, found = _field_values(name, gold, got)
    if name in _PLAIN:
        return bool(_norm(expected) == _norm(found))
    if name in ("principals", "attendees"):
        if len(expected) != len(found):
            return False
        people_g = [{"name": n, "country_code": c} for n, c in expected]
        people_p = [{"name": n, "country_code": c} for n, c in found]
        pairs = _pair(people_g, people_p)
        return pairs is not None and all(
            people_g[i]["country_code"] == people_p[j]["country_code"] for i, j in pairs
        )
    return all(_norm(expected[k]) == _norm(found[k]) for k in expected)


def _summary(meeting: dict[str, Any]) -> str:
    names = " + ".join(p["name"] for p in _principals(meeting))
    return f"{meeting['date']} {meeting['kind']} {names}"


def _score_file(report: EvaluationReport, file_id: str, gold: list[dict[str, Any]],
                got: list[dict[str, Any]]) -> None:  # fmt: skip
    report.gold += len(gold)
    report.predicted += len(got)
    used: set[int] = set()
    for g in gold:
        j = next((j for j, p in enumerate(got) if j not in used and _matches(g, p)), None)
        if j is None:
            report.mismatches.append(Mismatch(file_id, "meeting", _summary(g), None))
            continue
        used.add(j)
        report.matched += 1
        for name in FIELDS:
            if _correct(name, g, got[j]):
                report.correct[name] += 1
            else:
                expected, found = _field_values(name, g, got[j])
                report.mismatches.append(Mismatch(file_id, name, expected, found))
    for j, p in enumerate(got):
        if j not in used:
            report.mismatches.append(Mismatch(file_id, "meeting", None, _summary(p)))


def evaluate(corpus_dir: Path) -> EvaluationReport:
    """Run `extract` on every `*.json` of `corpus_dir` and score it against the gold."""
    report = EvaluationReport()
    for path in sorted(Path(corpus_dir).glob("*.json")):
        document = orjson.loads(path.read_bytes())
        published = (
            dt.date.fromisoformat(document["published"]) if document.get("published") else None
        )
        got = [to_corpus(m) for m in extract(document["text"], published)]
        report.files += 1
        _score_file(report, str(document.get("id", path.stem)), document["meetings"], got)
    return report


def format_report(report: EvaluationReport) -> str:
    """A readable table: meeting-level scores, field accuracy, then the mismatches."""
    lines = [
        f"files {report.files}   gold {report.gold}   predicted {report.predicted}   "
        f"matched {report.matched}",
        f"precision {report.precision:.3f}   recall {report.recall:.3f}   f1 {report.f1:.3f}",
        "",
        f"{'field':<14}{'accuracy':>9}{'correct':>9}",
    ]
    for name in FIELDS:
        lines.append(
            f"{name:<14}{report.accuracy(name):>9.3f}{report.correct[name]:>5}/{report.matched}"
        )
    if report.mismatches:
        lines += ["", f"{'file':<10} {'field':<13} expected -> got"]
        for m in report.mismatches:
            lines.append(f"{m.file:<10} {m.field:<13} {m.expected!r} -> {m.got!r}")
    return "\n".join(lines)
