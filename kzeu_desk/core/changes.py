"""What one operation changed, so every view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum


class OperationKind(StrEnum):
    """What kind of operation made the changes."""

    ACTION = "action"  # a user action (one service call, one undo step)
    UNDO = "undo"  # an earlier operation reverted
    REDO = "redo"  # an undo reverted
    BULK = "bulk"  # a bulk operation (a load): rows are counted in `bulk_counts`, not listed by id


@dataclass
class Changes:
    operation_id: int | None = None
    label: str = ""
    kind: OperationKind = OperationKind.ACTION
    inserted: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    updated: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    deleted: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    # A bulk operation's inserted rows per table: too many to list, so views reload what they show.
    bulk_counts: dict[str, int] = field(default_factory=dict)

    def record(self, action: str, table: str, row_id: int) -> None:
        {"insert": self.inserted, "update": self.updated, "delete": self.deleted}[action][table].add(row_id)

    def touched(self, table: str) -> set[int]:
        return self.inserted.get(table, set()) | self.updated.get(table, set()) | self.deleted.get(table, set())

    def affects(self, *tables: str) -> bool:
        return any(self.touched(t) or self.bulk_counts.get(t) for t in tables)

    def net_rows(self, table: str) -> int:
        """Rows of `table` the change added, less those it removed (a row both added and removed
        counts 0): how a view that knew the number of rows before keeps it without counting."""
        return len(self.inserted.get(table, set())) - len(self.deleted.get(table, set()))

    def new_id(self, table: str) -> int:
        """The id of the one row this operation inserted into `table`."""
        (row_id,) = self.inserted[table]
        return row_id

    @property
    def empty(self) -> bool:
        return not any(self.bulk_counts.values()) and not any(
            ids for group in (self.inserted, self.updated, self.deleted) for ids in group.values())
