"""The CLI's two consoles, made on first use so `readouts --help` never imports rich."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["err", "out"]


@functools.cache
def err() -> Console:
    """Messages, progress and errors: stderr."""
    from rich.console import Console

    return Console(stderr=True)


@functools.cache
def out() -> Console:
    """Results a user may pipe on: stdout."""
    from rich.console import Console

    return Console(soft_wrap=True)
