"""Entity names and aliases as a lookup: what a typed name or alias refers to, and whether some
name still contains it. Qt-free, so the editor's entity fields and anything else can share it."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzeu_desk.core.queries import AliasEntry


class EntityDirectory:
    """Entity names and aliases, for completion and for turning typed text into an entity."""

    def __init__(self, alias_rows: list[AliasEntry]):
        self.alias_rows = alias_rows
        self._names: dict[int, str] = {}
        self._ids_by_key: dict[str, set[int]] = defaultdict(set)
        for row in alias_rows:
            self._names[row.entity_id] = row.name
            self._ids_by_key[_lookup_key(row.alias)].add(row.entity_id)
            self._ids_by_key[_lookup_key(row.name)].add(row.entity_id)

    def name(self, entity_id: int) -> str:
        return self._names.get(entity_id, f"entity #{entity_id}")

    def could_complete(self, typed: str) -> bool:
        """Whether some name or alias contains `typed`, so the completer still has something to offer."""
        key = _lookup_key(typed)
        return any(key in alias_key for alias_key in self._ids_by_key)

    def matches(self, typed: str) -> list[int]:
        """Entities `typed` names; an exact name beats an alias shared with other entities."""
        key = _lookup_key(typed)
        ids = self._ids_by_key.get(key, set())
        named_exactly = [i for i in ids if _lookup_key(self._names[i]) == key]
        return named_exactly or sorted(ids)


def _lookup_key(text: str) -> str:
    return " ".join(text.split()).casefold()
