"""Entity names and aliases as a lookup: what a typed name or alias refers to, and whether some
name still contains it. Qt-free, so the editor's entity fields and anything else can share it."""

from __future__ import annotations

from collections import defaultdict

from kzeu_desk.core.queries import AliasEntry


class EntityDirectory:
    """Entity names and aliases, for completion and for turning typed text into an entity.

    Built where it costs the window nothing (the worker process, for a large fact base: building it
    for the 52k aliases of 1M facts is ~0.2 s of Python, which on a thread of the window's process
    took the interpreter lock from the GUI thread: a gap of 0.27 s after a revision import) and sent
    back pickled. So it holds what unpickles cheaply: each lookup key maps to its one entity's id,
    or to a tuple of ids for the few keys entities share, not a set per key (100k sets took ~0.18 s
    to unpickle, as long as building them)."""

    def __init__(self, alias_rows: list[AliasEntry]):
        self.alias_rows = alias_rows
        self._names: dict[int, str] = {}
        ids_by_key: dict[str, set[int]] = defaultdict(set)
        for row in alias_rows:
            self._names[row.entity_id] = row.name
            ids_by_key[_lookup_key(row.alias)].add(row.entity_id)
            ids_by_key[_lookup_key(row.name)].add(row.entity_id)
        self._ids_by_key: dict[str, int | tuple[int, ...]] = {
            key: next(iter(ids)) if len(ids) == 1 else tuple(sorted(ids)) for key, ids in ids_by_key.items()}

    def name(self, entity_id: int) -> str:
        return self._names.get(entity_id, f"entity #{entity_id}")

    def could_complete(self, typed: str) -> bool:
        """Whether some name or alias contains `typed`, so the completer still has something to offer."""
        key = _lookup_key(typed)
        return any(key in alias_key for alias_key in self._ids_by_key)

    def matches(self, typed: str) -> list[int]:
        """Entities `typed` names; an exact name beats an alias shared with other entities."""
        key = _lookup_key(typed)
        held = self._ids_by_key.get(key, ())
        ids = (held,) if isinstance(held, int) else held
        named_exactly = [i for i in ids if _lookup_key(self._names[i]) == key]
        return named_exactly or sorted(ids)


def directory_of(rows: list[tuple[str, int, str]]) -> EntityDirectory:
    """The directory of (alias, entity id, entity name) rows as read (`queries.entity_name_rows`); a
    module-level function, so the worker process can run it."""
    return EntityDirectory([AliasEntry._make(row) for row in rows])


def _lookup_key(text: str) -> str:
    return " ".join(text.split()).casefold()
