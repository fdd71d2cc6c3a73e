"""What `readouts load` and `readouts ingest` print of their reports: one line of counts,
then a line per record that was added, merged, refused or changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.cli_console import out as _out

if TYPE_CHECKING:
    from api.ingest import IngestReport
    from api.storage.loading import LoadReport

__all__ = ["print_ingest_report", "print_load_report"]


def print_ingest_report(report: IngestReport, dry_run: bool) -> None:
    """The ingest report, read for people (`--json` gives it for programs)."""
    prefix = "would be " if dry_run else ""
    _out().print(
        f"{len(report.new)} new, {len(report.merged)} merged, "
        f"{len(report.conflicts)} conflicts, {len(report.skipped)} skipped"
        + (" (dry run: nothing was written)" if dry_run else "")
    )
    for meeting_id in report.new:
        _out().print(f"  {prefix}new: {meeting_id}", highlight=False)
    for merged in report.merged:
        filled = f" (filled {', '.join(merged.filled)})" if merged.filled else ""
        _out().print(
            f"  {prefix}merged: {merged.source_id} into {merged.meeting_id}{filled}",
            highlight=False,
        )
    for conflict in report.conflicts:
        _out().print(
            f"  conflict: {conflict.meeting_id} {conflict.field}: kept {conflict.kept!r}, "
            f"{conflict.source} says {conflict.other!r}",
            highlight=False,
        )
    for skipped in report.skipped:
        _out().print(f"  skipped: {skipped.file}: {skipped.reason}", highlight=False)
    for dropped in report.dropped_aliases:
        _out().print(f"  {dropped}", highlight=False)


def print_load_report(report: LoadReport) -> None:
    """The load report: per kind of record, how many were added, updated, unchanged."""
    for kind in report.added:
        _out().print(
            f"{kind}: {report.added[kind]} added, {report.updated[kind]} updated, "
            f"{report.unchanged[kind]} unchanged"
        )
    for dropped in report.dropped_aliases:
        _out().print(dropped.describe(), highlight=False)
    _out().print(f"{report.changes} changes")
