"""Which rows an export carries: everything, or only confirmed facts and what hangs on them.

"Only confirmed" keeps facts whose status is confirmed and whose rank is not deprecated, their
evidence, links between two kept facts, and conflicts that still have enough kept members (two,
or one for a curator's manual flag) with just those memberships. Sources, entities, aliases and
properties are vocabulary and always travel. The filters are plain SQL conditions, so every
exporter (and the snapshot pruning) agrees on the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from kzeu_desk.core.models import AUDITED_TABLES, FactRank, FactStatus

_KEPT_FACT = (
    f"{{row}}.status = '{FactStatus.CONFIRMED.value}' AND {{row}}.rank <> '{FactRank.DEPRECATED.value}'"
)
_KEPT_FACT_IDS = f"SELECT kept_fact.id FROM fact kept_fact WHERE {_KEPT_FACT.format(row='kept_fact')}"
_ENOUGH_KEPT_MEMBERS = (
    "(SELECT count(*) FROM conflict_member kept_member WHERE kept_member.conflict_id = {row}.id"
    f" AND kept_member.fact_id IN ({_KEPT_FACT_IDS}))"
    " >= CASE {row}.rule WHEN 'manual' THEN 1 ELSE 2 END"
)

AUDITED_TABLE_NAMES: tuple[str, ...] = tuple(t.__table__.name for t in AUDITED_TABLES)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ExportScope:
    only_confirmed: bool = False
    # Leave out sources' full texts (and their original files), keeping quotes and citations: for
    # sharing where the articles' copyright forbids redistributing them.
    without_texts: bool = False

    @property
    def name(self) -> str:
        return "only-confirmed" if self.only_confirmed else "all"

    def keeps(self, table: str, row: str) -> str:
        """An SQL condition on alias `row` (a row of `table`) that holds for the rows in scope."""
        if not self.only_confirmed:
            return "1 = 1"
        if table == "fact":
            return _KEPT_FACT.format(row=row)
        if table in ("evidence", "fact_qualifier"):
            return f"{row}.fact_id IN ({_KEPT_FACT_IDS})"
        if table == "fact_link":
            return f"{row}.from_fact_id IN ({_KEPT_FACT_IDS}) AND {row}.to_fact_id IN ({_KEPT_FACT_IDS})"
        if table == "conflict":
            return _ENOUGH_KEPT_MEMBERS.format(row=row)
        if table == "conflict_member":
            kept_conflicts = (
                f"SELECT kept_conflict.id FROM conflict kept_conflict "
                f"WHERE {_ENOUGH_KEPT_MEMBERS.format(row='kept_conflict')}"
            )
            return f"{row}.fact_id IN ({_KEPT_FACT_IDS}) AND {row}.conflict_id IN ({kept_conflicts})"
        return "1 = 1"

    def keeps_audit_event(self, row: str) -> str:
        """Audit events travel with their rows: with only confirmed facts, an event whose row is
        not exported (a dropped fact, a deleted row) would leak what was left out."""
        if not self.only_confirmed:
            return "1 = 1"
        per_table = [
            f"({row}.target_type = '{name}' AND {row}.target_id IN "
            f"(SELECT audited.id FROM {name} audited WHERE {self.keeps(name, 'audited')}))"
            for name in AUDITED_TABLE_NAMES
        ]
        return "(" + " OR ".join(per_table) + ")"
