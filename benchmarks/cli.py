"""Start-up of the command line: `readouts --help` and `readouts extract FILE`, whole
processes, against their targets (0.3 s and 0.5 s); the bare interpreter's start-up
(`python -c pass`) is in the note, the part no command can save.

Run: `python -m benchmarks.cli [--quick]`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Row, print_table, scale

READOUTS = str(Path(sys.executable).parent / "readouts")
TEXT = Path(__file__).resolve().parent.parent / "tests" / "api" / "extract" / "corpus" / "001.json"
TARGETS = {"--help": 0.3, "extract FILE": 0.5}


def _seconds(command: list[str], repeat: int) -> float:
    """Median wall time of `command` as a whole process, after one warm-up run."""
    subprocess.run(command, capture_output=True, check=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(quick: bool = False) -> list[Row]:
    """Time both commands; return the table rows."""
    repeat = max(3, scale(quick).repeat // 2)
    bare = _seconds([sys.executable, "-c", "pass"], repeat)
    commands = {"--help": [READOUTS, "--help"], "extract FILE": [READOUTS, "extract", str(TEXT)]}
    rows = []
    for name, command in commands.items():
        ours, target = _seconds(command, repeat), TARGETS[name]
        rows.append(
            Row(
                "cli",
                f"readouts {name}, whole process",
                ours,
                "s",
                "target",
                target,
                "<= 1x",
                ours <= target,
                f"python -c pass takes {bare:.2f} s here",
            )
        )
    return rows


if __name__ == "__main__":
    print_table(main(quick="--quick" in sys.argv[1:]))
