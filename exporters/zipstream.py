"""A zip archive written as a stream of bytes, for exports that bundle several files.

`zipfile` writes to any object with `write`; given one that cannot seek, it puts sizes
and checksums after each member (data descriptors), so nothing has to be rewound and
every byte can be sent as soon as it is written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import IO

__all__ = ["ZipStream"]


class _Sink(io.RawIOBase):
    """A write-only, unseekable file that keeps what is written until `take()`."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self._parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        self.size = 0
        return data


class ZipStream:
    """A zip archive built member by member; `take()` hands out the bytes written so far."""

    def __init__(self, date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)):
        self._date_time = date_time
        self._sink = _Sink()
        self._zip = zipfile.ZipFile(self._sink, mode="w", compression=zipfile.ZIP_DEFLATED)

    def open(self, name: str, zip64: bool = True) -> IO[bytes]:
        """A new member `name`, open for writing (close it before the next one).

        Without `zip64` the member's headers are the classic ones every reader takes (Excel
        is strict about Zip64 headers in streamed members); the member must then stay
        under 2 GiB, uncompressed."""
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return self._zip.open(info, mode="w", force_zip64=zip64)

    def pending(self) -> int:
        """Bytes written and not yet taken."""
        return self._sink.size

    def take(self) -> bytes:
        """The bytes written since the last call."""
        return self._sink.take()

    def close(self) -> Iterator[bytes]:
        """Write the central directory; yields the last bytes."""
        self._zip.close()
        yield self.take()
