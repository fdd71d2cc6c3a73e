"""The plugin hooks of readouts: every hook a plugin may implement, in one place.

A plugin is a module (or object) with functions marked `@hookimpl`. Built-in exporters
are plugins too (`exporters.registry.DEFAULT_PLUGINS`); third-party packages register
theirs through the entry-point group `readouts.exporters`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from exporters.base import Exporter

__all__ = ["PROJECT", "hookimpl", "hookspec", "readouts_exporters"]

PROJECT = "readouts"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def readouts_exporters() -> list[Exporter[Any]]:  # type: ignore[empty-body]
    """Called once when the exporter registry is built; returns this plugin's exporters."""
