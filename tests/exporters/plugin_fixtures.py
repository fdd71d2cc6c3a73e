"""Installing the example plugin packages into the running environment, for tests.

`example_plugin` pip-installs `tests/exporters/example_plugin` (exporter `example`, a
Markdown table), rebuilds the process-wide exporter registry with entry points, yields
the exporter name, then uninstalls it and rebuilds the registry again. Tests of other
faces use it by importing the fixture::

    from tests.exporters.plugin_fixtures import example_plugin  # noqa: F401

While it is installed, the fixture holds a lock, so tests in other xdist workers that
install or remove a plugin wait for it.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from exporters.registry import ExporterRegistry, PluginInfo, reset_registry

__all__ = [
    "BROKEN_PLUGIN",
    "EXAMPLE_PLUGIN",
    "example_plugin",
    "installed",
    "pip",
]

HERE = Path(__file__).resolve().parent
EXAMPLE_PLUGIN = ("readouts-example-exporter", "readouts_example_exporter", HERE / "example_plugin")
BROKEN_PLUGIN = ("readouts-broken-exporter", "readouts_broken_exporter", HERE / "broken_plugin")
_LOCK = Path(tempfile.gettempdir()) / f"readouts-plugin-install-{os.getuid()}.lock"


def pip(*args: str) -> None:
    """Run pip in the running interpreter; fails the test with pip's output on error."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


@contextlib.contextmanager
def installed(plugins: list[tuple[str, str, Path]]) -> Iterator[None]:
    """`plugins` (distribution, module, source directory) installed while inside."""
    with open(_LOCK, "w") as lock, tempfile.TemporaryDirectory() as build:
        fcntl.flock(lock, fcntl.LOCK_EX)
        offline = all(importlib.util.find_spec(m) for m in ("setuptools", "wheel"))
        isolation = ["--no-build-isolation"] if offline else []  # else pip fetches setuptools
        try:
            for distribution, _, source in plugins:
                copy = Path(build) / distribution  # builds write into the source tree
                shutil.copytree(source, copy)
                pip("install", "--no-deps", *isolation, str(copy))
            importlib.invalidate_caches()
            reset_registry(entry_points=True)
            yield
        finally:
            for distribution, module, _ in plugins:
                pip("uninstall", "-y", distribution)
                sys.modules.pop(module, None)
            importlib.invalidate_caches()
            reset_registry()


@pytest.fixture(scope="module")
def example_plugin() -> Iterator[str]:
    """The example exporter package installed; yields its exporter name, `example`."""
    with installed([EXAMPLE_PLUGIN]):
        yield "example"


def provider(registry: ExporterRegistry, exporter: str) -> PluginInfo:
    """The plugin that registered `exporter`, as `readouts plugins` lists it."""
    return next(info for info in registry.plugins() if exporter in info.exporters)
