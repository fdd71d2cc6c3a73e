"""Buffers that turn many small writes into chunks of a useful size."""

from __future__ import annotations

import io

__all__ = ["CHUNK_SIZE", "TextChunks"]

CHUNK_SIZE = 64 * 1024


class TextChunks(io.StringIO):
    """A text sink for `csv.writer`; `take()` returns what was written, as UTF-8."""

    def take(self) -> bytes:
        """The text written since the last call, encoded; empties the buffer."""
        data = self.getvalue().encode()
        self.seek(0)
        self.truncate()
        return data

    def full(self) -> bool:
        """True when the buffer holds at least one chunk."""
        return self.tell() >= CHUNK_SIZE
