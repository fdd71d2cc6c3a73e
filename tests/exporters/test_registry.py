"""The registry: built-ins through the hook, lookups, options, broken and clashing plugins."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from api.errors import InvalidInput, UnknownFormat
from api.models import Meeting
from exporters.base import ExportContext, Exporter, NoOptions
from exporters.hookspecs import hookimpl
from exporters.registry import DEFAULT_PLUGINS, ExporterRegistry, registry, reset_registry
from tests.exporters.plugin_fixtures import provider


class _Plain(Exporter[NoOptions]):
    name = "plain"
    media_type = "text/plain"
    extension = "txt"
    description = "Meeting ids."
    options_model = NoOptions

    def stream(
        self, meetings: Iterable[Meeting], options: NoOptions, context: ExportContext
    ) -> Iterator[bytes]:
        yield from (m.id.encode() for m in meetings)


class _ClashingCsv(_Plain):
    name = "csv"


def _plugin(name: str, function: Any) -> SimpleNamespace:
    return SimpleNamespace(__name__=name, readouts_exporters=hookimpl(function))


def test_builtins_are_registered_through_the_hook(builtin_registry: ExporterRegistry) -> None:
    assert builtin_registry.names() == ["csv", "datapackage", "json", "ndjson", "xlsx"]
    infos = builtin_registry.plugins()
    assert [info.name for info in infos] == list(DEFAULT_PLUGINS)
    assert all(info.builtin and info.package == "readouts" and not info.error for info in infos)
    assert provider(builtin_registry, "ndjson").name == "exporters.json_exporter"


def test_unknown_format_lists_the_available_ones(builtin_registry: ExporterRegistry) -> None:
    with pytest.raises(UnknownFormat) as caught:
        builtin_registry.get("xlx")
    assert str(caught.value) == (
        "unknown format 'xlx'; available: csv, datapackage, json, ndjson, xlsx"
    )
    assert caught.value.status == 400


def test_options_parse_from_strings(builtin_registry: ExporterRegistry) -> None:
    options = builtin_registry.parse_options("csv", {"table": "sources", "excel": "true"})
    assert options.model_dump() == {
        "table": "sources",
        "labels": False,
        "excel": True,
        "neutralise_formulas": True,
    }


def test_a_local_only_option_is_refused_unless_local(builtin_registry: ExporterRegistry) -> None:
    raw = {"neutralise_formulas": "false"}
    with pytest.raises(InvalidInput) as caught:
        builtin_registry.parse_options("csv", raw)
    assert str(caught.value) == (
        "option 'neutralise_formulas' of format 'csv' cannot be set in a download link; "
        "use the command line: readouts export -f csv --option neutralise_formulas=..."
    )
    options = builtin_registry.parse_options("csv", raw, local=True)
    assert options.model_dump()["neutralise_formulas"] is False


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"tabel": "x"}, "unknown option 'tabel' for format 'csv'; expected one of excel, "),
        ({"table": "people"}, "format 'csv' option table='people': "),
        ({"excel": "maybe"}, "format 'csv' option excel='maybe': "),
    ],
)
def test_bad_options_name_the_option_and_value(
    builtin_registry: ExporterRegistry, raw: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(")) as caught:
        builtin_registry.parse_options("csv", raw)
    assert caught.value.errors[0].field in raw


def test_an_exporter_without_options_says_so(builtin_registry: ExporterRegistry) -> None:
    with pytest.raises(InvalidInput, match="unknown option 'x' for format 'xlsx'; it takes none"):
        builtin_registry.parse_options("xlsx", {"x": "1"})


def test_a_plugin_object_adds_exporters() -> None:
    registry = ExporterRegistry(entry_points=False, plugins=[_plugin("mine", lambda: [_Plain()])])
    assert "plain" in registry.names()
    assert provider(registry, "plain").name == "mine"


@pytest.mark.parametrize(
    ("function", "error"),
    [
        (lambda: 1 / 0, "ZeroDivisionError: division by zero"),
        (lambda: [object()], "is not an exporters.base.Exporter"),
        (lambda: 3, "TypeError"),
    ],
)
def test_a_broken_plugin_is_reported_and_the_rest_keep_working(
    function: Any, error: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="exporters.registry"):
        registry = ExporterRegistry(entry_points=False, plugins=[_plugin("shaky", function)])
        assert registry.names() == ["csv", "datapackage", "json", "ndjson", "xlsx"]
    broken = [info for info in registry.plugins() if info.error]
    assert [info.name for info in broken] == ["shaky"]
    assert error in (broken[0].error or "")
    assert "shaky" in caplog.text and "broken" in caplog.text


def test_a_plugin_without_the_hook_is_reported() -> None:
    registry = ExporterRegistry(entry_points=False, plugins=[SimpleNamespace(__name__="empty")])
    assert "no @hookimpl readouts_exporters" in (registry.plugins()[-1].error or "")


def test_a_bad_exporter_is_refused_with_the_reason() -> None:
    class Nameless(_Plain):
        name = "Bad Name"

    class NeedsOption(_Plain):
        name = "needs"

        class Options(NoOptions):
            required: int

        options_model = Options  # type: ignore[assignment]

    registry = ExporterRegistry(
        entry_points=False,
        plugins=[_plugin("bad", lambda: [Nameless(), NeedsOption(), _Plain()])],
    )
    info = registry.plugins()[-1]
    assert info.exporters == ["plain"]
    assert "'Bad Name' must be lower-case" in (info.error or "")
    assert "'needs': every option needs a default" in (info.error or "")


def test_on_a_name_clash_the_first_registered_wins() -> None:
    registry = ExporterRegistry(
        entry_points=False, plugins=[_plugin("copycat", lambda: [_ClashingCsv(), _Plain()])]
    )
    assert type(registry.get("csv")).__name__ == "CsvExporter"
    info = registry.plugins()[-1]
    assert info.exporters == ["plain"]
    assert info.error == "exporter 'csv' is already registered by exporters.csv_exporter"


def test_plugins_load_once_and_lazily() -> None:
    calls = []

    def exporters() -> list[Exporter[Any]]:
        calls.append(1)
        return [_Plain()]

    registry = ExporterRegistry(entry_points=False, plugins=[_plugin("counted", exporters)])
    assert calls == []
    registry.names()
    registry.get("plain")
    registry.plugins()
    assert calls == [1]


def test_the_process_registry_is_built_once_and_can_be_rebuilt() -> None:
    first = registry()
    assert registry() is first
    try:
        rebuilt = reset_registry(entry_points=False)
        assert registry() is rebuilt is not first
        assert "xlsx" in rebuilt.names()
    finally:
        reset_registry()
