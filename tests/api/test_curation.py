"""api.curation: RFC 7396 merge patches, and curation's rules below the faces."""

from __future__ import annotations

from typing import Any

import pytest

from api.curation import Retraction, merge_patch, retract_meeting, update_meeting
from api.errors import Gone, InvalidInput, NotFound, PreconditionFailed, PreconditionRequired
from api.etags import meeting_tag
from api.service import Service

MEETING = "2021-07-16-li-keqiang-imran-khan"

# RFC 7396, Appendix A: every example, as (target, patch, result).
RFC_EXAMPLES: list[tuple[Any, Any, Any]] = [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"a": "foo"}, None, None),
    ({"a": "foo"}, "bar", "bar"),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
]


@pytest.mark.parametrize(("target", "patch", "result"), RFC_EXAMPLES)
def test_merge_patch_follows_rfc_7396(target: Any, patch: Any, result: Any) -> None:
    assert merge_patch(target, patch) == result


def test_an_update_needs_the_current_tag_and_a_live_meeting(seeded: Service) -> None:
    engine = seeded.engine
    meeting = seeded.repository.get_meeting(MEETING)
    tag = meeting_tag(meeting)
    with pytest.raises(PreconditionRequired, match="If-Match"):
        update_meeting(engine, "editor", MEETING, {"summary": "x"}, None)
    with pytest.raises(PreconditionFailed, match="someone changed it first"):
        update_meeting(engine, "editor", MEETING, {"summary": "x"}, '"stale"')
    with pytest.raises(InvalidInput, match="NUL"):
        update_meeting(engine, "editor", MEETING, {"summary": "a\x00b"}, tag)
    with pytest.raises(NotFound):
        update_meeting(engine, "editor", "nope", {"summary": "x"}, tag)
    updated = update_meeting(engine, "editor", MEETING, {"summary": "Better."}, f'"x", {tag}')
    assert updated.summary == "Better." and meeting_tag(updated) != tag
    retract_meeting(engine, "editor", MEETING, Retraction(reason="A test."), None)
    with pytest.raises(Gone, match=r"A test\."):
        update_meeting(engine, "editor", MEETING, {"summary": "x"}, meeting_tag(updated))
