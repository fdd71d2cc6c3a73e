"""The fields of a meeting filter, once, without pydantic: what each is called, whether
it repeats, what it means and which values it takes.

`api.filters.MeetingFilter` takes its field descriptions from here and the command
line its filter options (`api.cli_filters`), so `readouts --help` starts without
loading pydantic; tests/api/test_filter_fields.py keeps this table and the model equal
(names, order, lists, descriptions, choices).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FILTER_FIELDS", "FilterField", "description"]


@dataclass(frozen=True, slots=True)
class FilterField:
    """One field of `MeetingFilter`."""

    name: str
    help: str
    """What it selects: the model's description, the OpenAPI and CLI help."""
    metavar: str = "TEXT"
    """What a value looks like, for the command line (choices show themselves)."""
    many: bool = False
    """A list: the option (or query parameter) repeats, each value adds to it."""
    choices: tuple[str, ...] = ()
    """The values of a closed set (an enum of `api.models`)."""

    @property
    def option(self) -> str:
        """The command-line option: `--held-in`."""
        return "--" + self.name.replace("_", "-")


FILTER_FIELDS: tuple[FilterField, ...] = (
    FilterField(
        "date_from",
        "On or after this day; a year (2021) or month (2021-09) means its first day.",
        "DATE",
    ),
    FilterField(
        "date_to",
        "On or before this day; a year (2021) or month (2021-09) means its last day.",
        "DATE",
    ),
    FilterField(
        "person",
        "Person id, name, alias, surname or unique prefix of a name (titles such as 'PM' "
        "are ignored); all listed took part.",
        "PERSON",
        many=True,
    ),
    FilterField(
        "country",
        "Country code (alpha-2 or alpha-3) or name; a participant from each listed "
        "country took part.",
        "COUNTRY",
        many=True,
    ),
    FilterField(
        "held_in",
        "Country code or name of where the meeting took place; any of these.",
        "COUNTRY",
        many=True,
    ),
    FilterField(
        "city",
        "City where the meeting took place, case-insensitive; any of these.",
        "CITY",
        many=True,
    ),
    FilterField(
        "kind",
        "Any of these formats.",
        many=True,
        choices=("phone_call", "video_call", "meeting"),
    ),
    FilterField(
        "setting",
        "Any of these settings.",
        many=True,
        choices=("bilateral_visit", "third_country", "remote"),
    ),
    FilterField(
        "topic",
        "Topic id, label or unique prefix of either; any of these.",
        "TOPIC",
        many=True,
    ),
    FilterField("occasion", "Occasion label, case-insensitive, e.g. 'SCO summit'."),
    FilterField("q", "Words to find in the summary, statements, occasion or place.", "WORDS"),
    FilterField(
        "synthetic",
        "false (the default): real records only; true: only generated data; any: both.",
        choices=("false", "true", "any"),
    ),
    FilterField(
        "updated_since",
        "Created or changed at or after this instant (ISO 8601, e.g. 2021-09-17T08:00:00Z; "
        "a day alone means its start, UTC).",
        "INSTANT",
    ),
)

_BY_NAME = {field.name: field for field in FILTER_FIELDS}


def description(name: str) -> str:
    """The description of filter field `name`."""
    return _BY_NAME[name].help
