"""An ingested source's text as HTML with the evidence of each field highlighted.

Every span becomes `<mark data-span="N" data-field="...">`; where spans overlap, the
text is cut at every boundary and each piece is wrapped in the marks of all spans that
cover it, so the text of the marks with one `data-span` is exactly that span's quote.
The first piece of a span carries its label (`data-label`, shown by the stylesheet).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence

from markupsafe import Markup

from api.results import EvidenceSpan

__all__ = ["highlight"]


def highlight(text: str, spans: Sequence[EvidenceSpan]) -> Markup:
    """`text`, escaped, with `spans` (numbered in the given order) marked up."""
    valid = [(i, s) for i, s in enumerate(spans) if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for _, s in valid), *(s.end for _, s in valid)})
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        piece = html.escape(text[start:end])
        covering = sorted(
            ((i, s) for i, s in valid if s.start <= start and end <= s.end),
            key=lambda item: (item[1].start, -item[1].end, item[0]),
        )
        for i, span in reversed(covering):
            field = html.escape(span.field, quote=True)
            label = f' data-label="{field}"' if span.start == start else ""
            piece = (
                f'<mark id="ev-{i}-{start}" data-span="{i}" data-field="{field}" '
                f'title="{field}"{label}>{piece}</mark>'
            )
        out.append(piece)
    return Markup("".join(out))
