"""Build hook: the front-end assets the app serves, from npm, inside the wheel.

Each directory named under `[tool.hatch.build.targets.wheel.hooks.custom.npm]` in
`pyproject.toml` holds a `package.json` and `package-lock.json`; the hook installs its
packages with `npm ci` (only when `node_modules` does not match the lock) and puts the
listed files of `node_modules` in the wheel at the same place, so an installed wheel serves
them with no npm. An editable install gets the same `npm ci` in the checkout, and
serves the files from there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

__all__ = ["NpmAssetsHook"]


class NpmAssetsHook(BuildHookInterface):  # type: ignore[type-arg]
    """Runs `npm ci` where needed and force-includes the assets each directory lists."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        editable = version == "editable"
        directories: dict[str, list[str]] = self.config.get("npm", {})
        for directory, files in directories.items():
            root = Path(self.root) / directory
            if not _installed(root):
                _npm_ci(root, required=not editable)
            if editable:
                continue
            for name in files:
                source = root / "node_modules" / name
                if not source.is_file():
                    raise RuntimeError(
                        f"{directory}/node_modules/{name} is missing after npm ci; fix the "
                        f"file list for {directory!r} in pyproject.toml"
                    )
                build_data["force_include"][str(source)] = f"{directory}/node_modules/{name}"


def _installed(root: Path) -> bool:
    """True when `root/node_modules` holds exactly the versions `package-lock.json` names."""
    hidden = root / "node_modules" / ".package-lock.json"
    if not hidden.is_file():
        return False
    locked = json.loads((root / "package-lock.json").read_text())["packages"]
    present = json.loads(hidden.read_text())["packages"]
    wanted = {path: entry.get("version") for path, entry in locked.items() if path}
    return wanted == {path: entry.get("version") for path, entry in present.items()}


def _npm_ci(root: Path, required: bool) -> None:
    npm = shutil.which("npm")
    if npm is None:
        message = (
            f"npm is needed to build readouts from source (the assets in {root}): install "
            "Node.js 18 or newer, or install a built readouts wheel"
        )
        if required:
            raise RuntimeError(message)
        print(f"warning: {message}; the pages that need them will say so")
        return
    command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(root)]
    subprocess.run(command, check=True)
