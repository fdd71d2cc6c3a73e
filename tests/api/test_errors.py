"""Errors never send a client's huge value back whole."""

from __future__ import annotations

from api.errors import ECHO_LIMIT, FieldError, NotFound, clip_words


def test_clip_words_cuts_each_long_run_and_keeps_short_words() -> None:
    message = clip_words(f"no meeting with id '{'x' * 5_000}' here")
    # the run is the quoted value, quotes included: 5,002 characters, 200 of them kept
    assert message.startswith("no meeting with id '" + "x" * (ECHO_LIMIT - 1) + "…")
    assert "(4802 more characters)" in message and message.endswith("here")
    assert clip_words("unknown kind 'phonecall'") == "unknown kind 'phonecall'"


def test_an_error_clips_the_value_it_quotes() -> None:
    error = NotFound(f"no meeting with id {'y' * 6_000!r}")
    assert len(error.detail) < 2 * ECHO_LIMIT
    field = FieldError(field="opt." + "z" * 6_000, message="unknown option")
    assert len(field.field) < 2 * ECHO_LIMIT
