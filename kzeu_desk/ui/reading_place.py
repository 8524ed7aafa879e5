"""Where the curator was reading in each fact base, kept in the app's settings between launches.

Per fact base (keyed by its normalised path, or a team's fact base by its address, as Open recent
keys them) the settings file keeps the open source, the first character shown at the top of the
reader and the Candidates pane's current candidate. They live in settings.ini, never in the fact
base: reviewers open it read-only, and where one curator was reading is nobody else's business.

Positions are code point offsets into the source's canonical text, the offsets evidence uses: a
pixel offset or a line number would point elsewhere after a window of another size, another font
or another wrapping, and a UTF-16 offset (Qt's) one off per astral character (an emoji, a
mathematical letter) before it. The reader converts at the Qt boundary (`SourceView`).

Anything that no longer fits when read back (the source deleted, its text shortened by a revision,
the candidate gone or done) is dropped by the window quietly: the reader starts at the top, the
list at its first candidate.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kzeu_desk.ui.app_settings import app_settings, set_string_list, string_list
from kzeu_desk.ui.recent_fact_bases import normalised_location

_GROUP = "readingPlaces"
_ORDER_KEY = f"{_GROUP}/order"
# Places of this many fact bases are kept, the least recently left forgotten first (Open recent keeps 10).
MAX_FACT_BASES = 30


@dataclass(frozen=True, slots=True)
class ReadingPlace:
    source_id: int
    position: int = 0  # code point offset of the first character shown at the top of the reader
    candidate: tuple[int, int] | None = None  # the current candidate's figure (start, end), code points


def _key(location: Path | str) -> str:
    # A path holds "/" (a group separator in QSettings) and characters INI keys escape: a digest keys it.
    return hashlib.sha1(normalised_location(location).encode("utf-8")).hexdigest()[:20]


def load(location: Path | str) -> ReadingPlace | None:
    """The place remembered for a fact base, or None (never read, or not as this module writes it)."""
    settings = app_settings()
    prefix = f"{_GROUP}/{_key(location)}"
    try:
        source_id = int(str(settings.value(f"{prefix}/source")))
        position = max(0, int(str(settings.value(f"{prefix}/position", 0))))
    except ValueError:
        return None
    candidate = None
    saved = settings.value(f"{prefix}/candidate")
    if isinstance(saved, str) and saved.count(",") == 1:
        try:
            start, end = (int(part) for part in saved.split(","))
        except ValueError:
            start, end = -1, -1
        if 0 <= start < end:
            candidate = (start, end)
    return ReadingPlace(source_id, position, candidate)


def save(location: Path | str, place: ReadingPlace | None) -> None:
    """Remember (or, with None, forget) where the curator is in this fact base."""
    settings = app_settings()
    key = _key(location)
    prefix = f"{_GROUP}/{key}"
    settings.remove(prefix)
    order = [k for k in string_list(settings, _ORDER_KEY) if k != key]
    if place is not None:
        settings.setValue(f"{prefix}/location", normalised_location(location))  # for a person reading the file
        settings.setValue(f"{prefix}/source", place.source_id)
        settings.setValue(f"{prefix}/position", place.position)
        if place.candidate is not None:
            settings.setValue(f"{prefix}/candidate", f"{place.candidate[0]},{place.candidate[1]}")
        order.insert(0, key)
    for dropped in order[MAX_FACT_BASES:]:
        settings.remove(f"{_GROUP}/{dropped}")
    set_string_list(settings, _ORDER_KEY, order[:MAX_FACT_BASES])
