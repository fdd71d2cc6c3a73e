"""The pydantic-free table of filter fields, the filter model and the command line agree."""

from __future__ import annotations

import enum
import typing

import typer.main

from api.cli import app
from api.filter_fields import FILTER_FIELDS
from api.filters import MeetingFilter


def test_the_table_is_the_filter_model() -> None:
    assert [f.name for f in FILTER_FIELDS] == list(MeetingFilter.model_fields)
    for field in FILTER_FIELDS:
        model = MeetingFilter.model_fields[field.name]
        assert model.description == field.help, field.name
        assert field.many == (typing.get_origin(model.annotation) is list), field.name
        if field.many and field.choices:
            (item,) = typing.get_args(model.annotation)
            assert issubclass(item, enum.Enum)
            assert field.choices == tuple(member.value for member in item), field.name


def test_synthetic_choices_are_what_the_filter_reads() -> None:
    (field,) = [f for f in FILTER_FIELDS if f.name == "synthetic"]
    for choice in field.choices:
        MeetingFilter.model_validate({"synthetic": choice})


def test_every_filter_field_is_an_export_option() -> None:
    export = typer.main.get_command(app).commands["export"]  # type: ignore[attr-defined]
    options = {opt: param for param in export.params for opt in param.opts}
    for field in FILTER_FIELDS:
        option = options[field.option]
        assert option.multiple == field.many, field.name
        assert option.help.startswith(field.help), field.name
