"""Bytes of a file as text: UTF-8 (with or without a byte-order mark), or a named refusal.

`decode_text` accepts UTF-8, UTF-8 with a BOM and UTF-16/32 with a BOM. Anything else is
detected with charset-normalizer: a readout text in another encoding is decoded with it
(`detect=True`), while a load file, which must be UTF-8 JSON, is refused with the
encoding it seems to be in and the way out. Bytes that read as no text are refused.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from api.errors import InvalidInput

__all__ = ["decode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(raw: bytes, name: str, *, detect: bool) -> str:
    """`raw` as text; `InvalidInput` naming `name` and the encoding when it is not UTF-8
    (and `detect` is off) or when it is no text at all."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise InvalidInput(
                    f"{name} starts with a {encoding} byte-order mark but is not {encoding} "
                    f"(byte {error.start}); save it as UTF-8"
                ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        position = error.start
    guess = charset_normalizer.from_bytes(raw).best()
    if guess is None:
        raise InvalidInput(
            f"{name} is not text in any encoding readouts recognises (byte {position} is "
            "not UTF-8); save it as UTF-8"
        )
    if not detect:
        raise InvalidInput(
            f"{name} is encoded as {guess.encoding}, not UTF-8 (byte {position}); save it as UTF-8"
        )
    return str(guess)
