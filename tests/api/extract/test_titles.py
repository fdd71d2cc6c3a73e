"""Offices as records keep them: an office held to a country names that country."""

from __future__ import annotations

from tests.api.extract.helpers import one


def test_an_ambassador_calling_on_a_host_holds_the_office_to_that_country() -> None:
    meeting = one(
        "ISLAMABAD: Japanese Ambassador Akira Tanaka called on Interior Minister Mohsin Naqvi "
        "here on Friday."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Akira Tanaka"] == "Ambassador to Pakistan"


def test_an_ambassador_whose_posting_is_written_keeps_it() -> None:
    meeting = one(
        "Japanese Ambassador to the United Nations Akira Tanaka on Friday met Pakistani "
        "Interior Minister Mohsin Naqvi in New York."
    )
    titles = {p.name: p.title for p in meeting.principals}
    assert titles["Akira Tanaka"] != "Ambassador to Pakistan"
