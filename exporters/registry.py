"""The exporter registry: built-in and third-party exporters, found through one hook.

Plugins are modules implementing `exporters.hookspecs.readouts_exporters`. The built-ins
are listed in `DEFAULT_PLUGINS`; installed packages add theirs through the entry-point
group `readouts.exporters`. Entry points are loaded lazily, once per registry. A broken
plugin (an import error, a hook that raises, something that is not an `Exporter`) is
logged and reported by `plugins()`, and the other exporters keep working. When two
exporters share a name, the first registered (built-ins first) wins and the clash is
reported on the plugin that lost.

Why pluggy, called one plugin at a time: pluggy gives third parties the `hookimpl`
marker and checks each implementation against `hookspecs` when it registers. Calling
through `manager.hook` would merge every plugin's answer into one list, and
`load_setuptools_entrypoints` stops at the first plugin that fails to import; the
registry needs to know which plugin gave which exporter and to keep going past a broken
one, so it scans the entry points itself and calls each registered implementation.

`registry()` is the process-wide registry used by the service and the CLI; tests build
their own `ExporterRegistry(entry_points=False)` or call `reset_registry()`.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import logging
import os
import re
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, cast

import pluggy
from pydantic import BaseModel, ValidationError

import api
from api.errors import FieldError, InvalidInput, Spelling, UnknownFormat
from exporters import hookspecs
from exporters.base import Exporter

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "ExporterRegistry",
    "PluginInfo",
    "is_local_only",
    "registry",
    "reset_registry",
]

ENTRY_POINT_GROUP = "readouts.exporters"
DEFAULT_PLUGINS = (
    "exporters.csv_exporter",
    "exporters.datapackage_exporter",
    "exporters.json_exporter",
    "exporters.xlsx_exporter",
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_log = logging.getLogger(__name__)


@dataclass
class PluginInfo:
    """A plugin as `readouts plugins` shows it; `error` is set when it is broken."""

    name: str
    package: str | None
    version: str | None
    exporters: list[str] = field(default_factory=list)
    error: str | None = None
    builtin: bool = False


class ExporterRegistry:
    """Exporters by name, loaded on first use from the built-ins and (optionally) entry points."""

    def __init__(
        self,
        *,
        entry_points: bool = True,
        builtins: bool = True,
        plugins: Sequence[ModuleType | object] = (),
    ) -> None:
        self._entry_points = entry_points
        self._builtins = builtins
        self._extra = list(plugins)
        self._lock = threading.Lock()
        self._loaded = False
        self._by_name: dict[str, Exporter[Any]] = {}
        self._plugins: list[PluginInfo] = []

    # -- queries --------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The exporter names, sorted."""
        return sorted(self._load())

    def get(self, name: str) -> Exporter[Any]:
        """The exporter called `name`; `UnknownFormat` naming the available ones otherwise."""
        exporters = self._load()
        try:
            return exporters[name]
        except KeyError:
            raise UnknownFormat(
                f"unknown format {name!r}; available: {', '.join(sorted(exporters))}"
            ) from None

    def exporters(self) -> list[Exporter[Any]]:
        """Every exporter, sorted by name."""
        exporters = self._load()
        return [exporters[name] for name in sorted(exporters)]

    def plugins(self) -> list[PluginInfo]:
        """Every plugin in registration order, broken ones included with their error."""
        self._load()
        return list(self._plugins)

    def parse_options(self, name: str, raw: Mapping[str, str], local: bool = False) -> BaseModel:
        """The options of exporter `name` from strings; `InvalidInput` naming a bad one.

        Options marked `LOCAL_ONLY` are refused unless `local` (the command line)."""
        exporter = self.get(name)
        model: type[BaseModel] = exporter.options_model
        known = sorted(model.model_fields)
        unknown = sorted(set(raw) - set(known))
        if unknown:
            expected = f"expected one of {', '.join(known)}" if known else "it takes none"
            raise InvalidInput(
                f"unknown option {unknown[0]!r} for format {name!r}; {expected}",
                [FieldError(field=unknown[0], message="unknown option", value=raw[unknown[0]])],
            )
        if not local:
            for option in sorted(raw):
                if is_local_only(model, option):
                    raise InvalidInput(
                        f"option {option!r} of format {name!r} cannot be set in a download "
                        f"link; use the command line: readouts export -f {name} "
                        f"--option {option}=...",
                        [FieldError(field=option, message="command line only", value=raw[option])],
                    )
        try:
            return model.model_validate(dict(raw))
        except ValidationError as error:
            spelling = Spelling(label=lambda option: f"format {name!r} option {option}")
            raise InvalidInput.from_validation(error, spelling) from None

    # -- loading --------------------------------------------------------------------------

    def _load(self) -> dict[str, Exporter[Any]]:
        if self._loaded:
            return self._by_name
        with self._lock:
            if not self._loaded:
                self._build()
                self._loaded = True
        return self._by_name

    def _build(self) -> None:
        manager = pluggy.PluginManager(hookspecs.PROJECT)
        manager.add_hookspecs(hookspecs)
        version = api.__version__
        if self._builtins:
            for module_name in DEFAULT_PLUGINS:
                info = PluginInfo(module_name, "readouts", version, builtin=True)
                self._register(manager, info, lambda m=module_name: importlib.import_module(m))
        for plugin in self._extra:
            name = getattr(plugin, "__name__", type(plugin).__name__)
            info = PluginInfo(name, None, None)
            self._register(manager, info, lambda p=plugin: p)
        if self._entry_points:
            for entry_point in _entry_points():
                dist = entry_point.dist
                info = PluginInfo(
                    entry_point.name,
                    dist.name if dist else None,
                    dist.version if dist else None,
                )
                self._register(manager, info, entry_point.load)

    def _register(self, manager: pluggy.PluginManager, info: PluginInfo, load: Any) -> None:
        self._plugins.append(info)
        try:
            plugin = load()
            manager.register(plugin, name=f"{info.name}#{len(self._plugins)}")
            hook = manager.hook.readouts_exporters
            impls = [impl for impl in hook.get_hookimpls() if impl.plugin is plugin]
            if not impls:
                raise LookupError("no @hookimpl readouts_exporters() found")
            results: list[Any] = [impl.function() for impl in impls]
            found = [exporter for result in results for exporter in list(result or [])]
        except Exception as error:
            self._broken(info, f"{type(error).__name__}: {error}")
            return
        problems = []
        for candidate in found:
            problem = _problem(candidate)
            if problem is not None:
                problems.append(problem)
                continue
            exporter = cast(Exporter[Any], candidate)
            if exporter.name in self._by_name:
                owner = next(p for p in self._plugins if exporter.name in p.exporters)
                problems.append(f"exporter {exporter.name!r} is already registered by {owner.name}")
                continue
            self._by_name[exporter.name] = exporter
            info.exporters.append(exporter.name)
        if problems:
            self._broken(info, "; ".join(problems))

    def _broken(self, info: PluginInfo, error: str) -> None:
        info.error = error
        _log.warning("exporter plugin %s (%s) is broken: %s", info.name, info.package, error)


def _entry_points() -> list[importlib.metadata.EntryPoint]:
    importlib.invalidate_caches()
    seen: dict[str, importlib.metadata.EntryPoint] = {}
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        seen.setdefault(entry_point.name, entry_point)
    return sorted(seen.values(), key=lambda ep: ep.name)


def _problem(exporter: object) -> str | None:
    """Why `exporter` cannot be registered, or None when it can."""
    if not isinstance(exporter, Exporter):
        return f"{exporter!r} is not an exporters.base.Exporter"
    for attribute in ("name", "media_type", "extension", "description"):
        value = getattr(exporter, attribute, None)
        if not isinstance(value, str) or not value:
            return f"exporter {type(exporter).__name__} has no {attribute}"
    if not _NAME.match(exporter.name):
        return (
            f"exporter name {exporter.name!r} must be lower-case letters, digits, '.', '_' or '-'"
        )
    model = getattr(exporter, "options_model", None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return f"exporter {exporter.name!r}: options_model is not a Pydantic model"
    try:
        model()
    except ValidationError:
        return f"exporter {exporter.name!r}: every option needs a default"
    return None


_registry: ExporterRegistry | None = None
_registry_lock = threading.Lock()


def is_local_only(model: type[BaseModel], option: str) -> bool:
    """True when `option` of `model` is marked `LOCAL_ONLY` (the command line only)."""
    extra = model.model_fields[option].json_schema_extra
    return isinstance(extra, dict) and extra.get("readouts_local_only") is True


def registry() -> ExporterRegistry:
    """The process-wide registry, built on first use (entry points included, unless
    `READOUTS_LOAD_PLUGINS=false` or a test run asked for none)."""
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                _registry = ExporterRegistry(entry_points=_load_entry_points())
    return _registry


def reset_registry(entry_points: bool | None = None) -> ExporterRegistry:
    """Rebuild the process-wide registry, e.g. after installing a plugin in a test."""
    global _registry
    with _registry_lock:
        chosen = _load_entry_points() if entry_points is None else entry_points
        _registry = ExporterRegistry(entry_points=chosen)
    return _registry


def _load_entry_points() -> bool:
    if getattr(sys, "_readouts_no_entry_points", False):
        return False
    return os.environ.get("READOUTS_LOAD_PLUGINS", "true").lower() not in {"0", "false", "no"}
