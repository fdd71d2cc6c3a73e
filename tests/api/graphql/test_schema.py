"""The committed schema.graphql, the filter input, enums and descriptions."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType
from typer.testing import CliRunner

from api.cli import app
from api.filters import MeetingFilter
from api.graphql import schema, schema_text
from api.models import MeetingKind, Role, Setting

ROOT = Path(__file__).resolve().parents[3]


def test_the_committed_schema_file_is_the_schema() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "schema.graphql is stale: run `readouts graphql-schema > schema.graphql`"
    )


def test_the_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["graphql-schema"])
    assert result.exit_code == 0
    assert result.stdout == schema_text()


def test_the_filter_input_mirrors_meeting_filter_field_for_field() -> None:
    graphql_schema = schema._schema
    meeting_filter = graphql_schema.get_type("MeetingFilterInput")
    assert isinstance(meeting_filter, GraphQLInputObjectType)
    expected = {_camel(name) for name in MeetingFilter.model_fields}
    assert set(meeting_filter.fields) == expected


def test_enums_are_the_models_enums() -> None:
    graphql_schema = schema._schema
    for name, enum in {"MeetingKind": MeetingKind, "Setting": Setting, "Role": Role}.items():
        graphql_enum = graphql_schema.get_type(name)
        assert isinstance(graphql_enum, GraphQLEnumType)
        assert {value.value for value in graphql_enum.values.values()} == set(enum)


def test_every_type_field_and_argument_has_a_description() -> None:
    missing = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float"}:
            continue
        if not graphql_type.description:
            missing.append(name)
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInputObjectType):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
    assert missing == []


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
