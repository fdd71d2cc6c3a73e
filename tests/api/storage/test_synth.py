"""Synthetic data: valid meetings, clearly marked, removed without touching real records."""

from __future__ import annotations

from api.filters import MeetingFilter
from api.models import Meeting
from api.service import Service
from api.storage import synth


def test_synthetic_meetings_are_valid_and_marked(seeded: Service) -> None:
    synth.generate(seeded.engine, 300, seed=7)
    meetings = list(seeded.repository.iter_meetings(MeetingFilter(synthetic=True)))
    assert len(meetings) == 300
    for meeting in meetings:
        Meeting.model_validate(meeting.model_dump())  # every model rule holds
        assert meeting.synthetic and meeting.id.startswith("synth-")
        assert 2 <= len(meeting.participants) <= 8
        assert all(s.publisher == synth.SYNTHETIC_PUBLISHER for s in meeting.sources)
    assert {m.kind for m in meetings} == {"meeting", "phone_call", "video_call"}


def test_same_seed_same_data_and_runs_accumulate(seeded: Service) -> None:
    synth.generate(seeded.engine, 20, seed=5)
    first = [m.model_dump() for m in seeded.repository.iter_meetings(MeetingFilter(synthetic=True))]
    synth.generate(seeded.engine, 20, seed=5)
    assert seeded.repository.count_meetings(MeetingFilter(synthetic=True)) == 40
    assert first


def test_purge_leaves_only_the_seeds(seeded: Service) -> None:
    before = seeded.repository.table_counts()
    synth.generate(seeded.engine, 200, seed=9)
    assert synth.purge(seeded.engine) == 200
    assert seeded.repository.table_counts() == before
