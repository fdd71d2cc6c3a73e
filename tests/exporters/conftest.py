"""Fixtures of the exporter tests: seed meetings as models, an export context, registries."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import api
from api.filters import MeetingFilter
from api.models import Meeting, Topic
from api.service import Service
from api.vocabulary import SEEDS_DIR
from exporters.base import ExportContext
from exporters.registry import ExporterRegistry

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\tx",
    "\rx",
]


@pytest.fixture(scope="session")
def seed_meetings() -> list[Meeting]:
    """The four curated meetings, read from the seed file (no database)."""
    records = json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
    return [Meeting.model_validate(record) for record in records]


@pytest.fixture
def stored_meetings(seeded: Service) -> list[Meeting]:
    """The four curated meetings as the repository returns them (names filled in)."""
    return list(seeded.repository.iter_meetings(MeetingFilter()))


@pytest.fixture
def context() -> ExportContext:
    return ExportContext(
        selection=MeetingFilter(country=["PK"]),
        exported_at=dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC),
        version=api.__version__,
        source_url="https://readouts.example/api/v1/meetings",
        topics=vocabulary(),
    )


def vocabulary() -> tuple[Topic, ...]:
    """The shipped topic vocabulary."""
    records = json.loads((SEEDS_DIR / "topics.json").read_text())["topics"]
    return tuple(Topic.model_validate(record) for record in records)


@pytest.fixture(scope="session")
def builtin_registry() -> ExporterRegistry:
    """The built-in exporters only: no entry points are loaded."""
    return ExporterRegistry(entry_points=False)


def hostile_meeting(number: int, text: str) -> Meeting:
    """A valid meeting whose every free-text field holds `text`."""
    return Meeting.model_validate(
        {
            "id": f"hostile-{number}",
            "date": "2021-01-02",
            "kind": "meeting",
            "setting": "bilateral_visit",
            "location": {"city": text, "country_code": "CN", "venue": text},
            "occasion": text,
            "participants": [
                {
                    "person": {"id": "a", "name": text},
                    "country_code": "CN",
                    "role": "principal",
                    "title": text,
                    "capacity": text,
                },
                {"person": {"id": "b", "name": "B"}, "country_code": "PK", "role": "principal"},
            ],
            "statements": [{"speaker": {"id": "a", "name": text}, "text": "x" + text}],
            "outcomes": [{"kind": "agreement", "text": "x" + text, "name": text}],
            "summary": text,
            "sources": [
                {"id": f"s-{number}", "publisher": "x" + text, "headline": "x" + text, "url": text}
            ],
        }
    )
