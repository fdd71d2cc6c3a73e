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

__all__ = ["BOMS", "decode_text"]

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(raw: bytes, name: str, *, detect: bool) -> str:
    """`raw` as text; `InvalidInput` naming `name` and the encoding when it is not UTF-8
    (and `detect` is off), when it is no text at all, or when it holds a NUL character."""
    text = _decode(raw, name, detect)
    if "\x00" in text:
        raise InvalidInput(
            f"{name} holds a NUL character (at character {text.index(chr(0))}); a text file "
            "has none: remove it, or check that this is the file you meant"
        )
    return text


_GUESS_MIN = 64
"""Bytes below which an encoding is not named in a refusal: a guess from a few bytes is
often wrong (four Latin-1 bytes read as UTF-16)."""


def _decode(raw: bytes, name: str, detect: bool) -> str:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise InvalidInput(
                    f"{name} starts with a {encoding} byte-order mark but is not {encoding} "
                    f"(byte {error.start}); save it as UTF-8"
                ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        position = error.start
    else:
        if 0 not in raw or raw.count(0) < len(raw) // 4:
            return text  # UTF-8, NUL characters included (refused by the caller)
        position = raw.index(0)  # NUL bytes everywhere: UTF-16 or UTF-32 without a BOM
    matches = charset_normalizer.from_bytes(raw)
    guess = matches.best()
    if guess is None or (guess.encoding == "utf_8" and "\x00" in str(guess)):
        raise InvalidInput(
            f"{name} is not text in any encoding readouts recognises (byte {position} is "
            "not UTF-8); save it as UTF-8"
        )
    if not detect:
        seems = ""
        if len(raw) >= _GUESS_MIN:
            seems = f"; it reads as {_candidates([m.encoding for m in matches])}"
        raise InvalidInput(f"{name} is not UTF-8 (byte {position}){seems}; save it as UTF-8")
    return str(guess)


def _candidates(encodings: list[str]) -> str:
    """The likeliest encodings, named as guesses: one text often reads the same in several
    (Latin-1 bytes are also valid cp1250 or cp1257)."""
    unique = list(dict.fromkeys(encodings))
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:3]) + " or a similar encoding"
