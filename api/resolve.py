"""Names people type, resolved to ids: one resolver per kind (person, topic, country).

Every face parses a filter into a `MeetingFilter` and passes it through `resolve_filter`
before any page query, so `person=Imran`, `person=PM Imran Khan`, `topic=covid` and
`country=Pakistan` mean the same everywhere. Each resolver tries, in order: the exact id,
an alias or the name (case, accents and punctuation ignored), the name without
honorifics and titles, then whole words (a surname) and a unique prefix. A value that
means several records, or none, is an `InvalidInput` listing candidates (at most
`MAX_CANDIDATES`, with their ids): an answer, never an empty page.

Countries need no database (`api.countries`); people and topics are looked up through a
`Directory` (the repository), one statement per kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from api.errors import Candidate, FieldError, InvalidInput, NotFound
from api.filters import MeetingFilter
from api.names import name_key
from api.suggestions import MAX_CANDIDATES, candidates, nearest, suggest

__all__ = [
    "Directory",
    "resolve_filter",
    "resolve_people",
    "resolve_person",
    "resolve_topics",
    "strip_titles",
]

# Levels of `Directory.match_people` rows (see api.storage.lookup.Level).
_ID, _NAME, _WORDS, _PREFIX = 0, 1, 2, 3

_TITLE_WORDS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "he",
        "hon",
        "honourable",
        "honorable",
        "his",
        "her",
        "excellency",
        "excellencies",
        "sir",
        "dame",
        "madam",
        "madame",
        "lord",
        "lady",
        "sheikh",
        "shaikh",
        "sayyid",
        "syed",
        "pm",
        "prime",
        "minister",
        "ministers",
        "president",
        "vice",
        "premier",
        "chancellor",
        "chairman",
        "chairwoman",
        "chair",
        "secretary",
        "general",
        "gen",
        "state",
        "councillor",
        "councilor",
        "foreign",
        "deputy",
        "chief",
        "senator",
        "sen",
        "ambassador",
        "envoy",
        "special",
        "representative",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "amir",
        "crown",
        "field",
        "marshal",
        "admiral",
        "colonel",
        "col",
        "lt",
        "lieutenant",
        "chinese",
        "pakistani",
        "pakistans",
        "chinas",
        "former",
        "acting",
        "first",
        "the",
        "of",
    }
)
"""Leading words that are honorifics, offices or demonyms, never part of a name."""


class Directory(Protocol):
    """The lookups the resolvers need (the repository implements them)."""

    def match_people(
        self, ids: Sequence[str], keys: Sequence[str]
    ) -> list[tuple[str, int, str, str]]:
        """(key, level, person id, name): see `api.storage.lookup.people_for_terms`."""
        ...

    def topic_names(self) -> list[tuple[str, str]]:
        """(id, label) of every topic."""
        ...


def strip_titles(key: str) -> str:
    """A name key without leading honorifics and titles: 'pm imran khan' → 'imran khan'."""
    words = key.split()
    while len(words) > 1 and words[0] in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def resolve_filter(selection: MeetingFilter, directory: Directory) -> MeetingFilter:
    """`selection` with its person and topic values replaced by ids; `InvalidInput` with
    candidates for a value that means several records or none. No statement runs when the
    selection names no person and no topic."""
    update: dict[str, list[str]] = {}
    if selection.person:
        found = resolve_people(selection.person, directory)
        update["person"] = list(dict.fromkeys(found[term] for term in selection.person))
    if selection.topic:
        topics = resolve_topics(selection.topic, directory)
        update["topic"] = list(dict.fromkeys(topics[term] for term in selection.topic))
    return selection.model_copy(update=update) if update else selection


def resolve_person(term: str, directory: Directory) -> str:
    """The id of the one person `term` names (for paths such as `/people/{id}`): an
    unknown name is `NotFound`, an ambiguous one `InvalidInput`, both with candidates."""
    try:
        return resolve_people([term], directory, field="id")[term]
    except InvalidInput as error:
        if error.errors and error.errors[0].message.startswith("no person"):
            raise NotFound(error.detail, error.errors) from None
        raise


def resolve_people(
    terms: Sequence[str], directory: Directory, field: str = "person"
) -> dict[str, str]:
    """The person id each of `terms` names: one statement (two when one is unknown)."""
    forms = {term: _person_keys(term) for term in terms}
    keys = sorted({key for keys in forms.values() for key in keys})
    rows = directory.match_people(list(terms), keys)
    matches: dict[tuple[str, int], dict[str, str]] = {}
    for key, level, person_id, name in rows:
        matches.setdefault((key, level), {})[person_id] = name
    resolved: dict[str, str] = {}
    for term, (plain, stripped) in forms.items():
        levels = [(term, _ID)]
        levels += [(plain, _NAME), (stripped, _NAME), (stripped, _WORDS), (stripped, _PREFIX)]
        for where in levels:
            found = matches.get(where)
            if not found:
                continue
            if len(found) > 1:
                raise _ambiguous(field, term, "person", found, where[1] == _PREFIX)
            resolved[term] = next(iter(found))
            break
        else:
            raise _unknown_person(field, term, stripped, directory)
    return resolved


def resolve_topics(terms: Sequence[str], directory: Directory) -> dict[str, str]:
    """The topic id each of `terms` names (id, label, or a unique prefix of either)."""
    topics = directory.topic_names()
    by_id = {topic_id: label for topic_id, label in topics}
    resolved: dict[str, str] = {}
    for term in terms:
        key = name_key(term)
        slug = key.replace(" ", "-")
        exact = [i for i in (term, slug) if i in by_id]
        if exact:
            resolved[term] = exact[0]
            continue
        named = {i: label for i, label in topics if name_key(label) == key}
        if not named:
            named = {
                i: label
                for i, label in topics
                if key
                and (
                    i.startswith(slug)
                    or name_key(label).startswith(key)
                    or any(word.startswith(key) for word in name_key(label).split())
                )
            }
        if len(named) == 1:
            resolved[term] = next(iter(named))
            continue
        if named:
            raise _ambiguous("topic", term, "topic", named, prefix=True)
        near = candidates(nearest(key, by_id, with_ids=True), by_id)
        raise InvalidInput(
            f"unknown topic {term!r}; " + suggest(near, "GET /api/v1/topics lists them"),
            [FieldError("topic", "unknown topic", term, near)],
        )
    return resolved


# -- people ---------------------------------------------------------------------------------


def _person_keys(term: str) -> tuple[str, str]:
    plain = name_key(term)
    return plain, strip_titles(plain)


def _ambiguous(
    field: str, term: str, kind: str, found: dict[str, str], prefix: bool
) -> InvalidInput:
    by_name = sorted(found.items(), key=lambda item: item[1])
    shown = [Candidate(id=i, name=n) for i, n in by_name[:MAX_CANDIDATES]]
    more = "at least " if prefix and len(found) > MAX_CANDIDATES else ""
    listed = ", ".join(f"{c.name} ({c.id})" for c in shown)
    return InvalidInput(
        f"{kind} {term!r} in {field} matches {more}{len(found)} {kind}s: {listed}; "
        "give one of their ids",
        [FieldError(field, f"ambiguous {kind}", term, tuple(shown))],
    )


def _unknown_person(field: str, term: str, key: str, directory: Directory) -> InvalidInput:
    """Unknown: the candidates are people whose words start like the term's words."""
    stems = sorted({word[:3] for word in key.split() if word})
    rows = directory.match_people([], stems) if stems else []
    people = {person_id: name for _k, _level, person_id, name in rows}
    near = candidates(nearest(key, people, limit=MAX_CANDIDATES, cutoff=0.3), people)
    return InvalidInput(
        f"no person matches {term!r} in {field}; "
        + suggest(near, "GET /api/v1/people?q=... finds people by part of a name"),
        [FieldError(field, "no person with that id or name", term, near)],
    )
