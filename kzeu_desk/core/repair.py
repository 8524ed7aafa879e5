"""Repairs for what `check` can find at the application level, as one audited operation.

Damage to the engine's own structures (what its structural check finds) is not repaired here: the
answer to that is a backup.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from kzeu_desk.core import conflicts
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.recorder import Recorder
from kzeu_desk.core.service import FactBase

_ORPHANED_EVIDENCE = """
    SELECT id FROM evidence
    WHERE fact_id NOT IN (SELECT id FROM fact) OR source_id NOT IN (SELECT id FROM source)
"""
_DANGLING_LINKS = """
    SELECT id FROM fact_link
    WHERE from_fact_id NOT IN (SELECT id FROM fact) OR to_fact_id NOT IN (SELECT id FROM fact)
"""
_DANGLING_MEMBERS = "SELECT id FROM conflict_member WHERE fact_id NOT IN (SELECT id FROM fact)"


@dataclass(frozen=True)
class RepairReport:
    orphaned_evidence: int
    dangling_links: int
    dangling_conflict_members: int
    changes: Changes

    @property
    def summary(self) -> str:
        parts = [f"{self.orphaned_evidence} orphaned evidence", f"{self.dangling_links} dangling links",
                 f"{self.dangling_conflict_members} stale conflict entries"]
        return "Removed " + ", ".join(parts) + "; conflicts re-checked and the search index rebuilt."


def repair(fact_base: FactBase, progress: Progress | None = None) -> RepairReport:
    """One undoable operation; `progress` may stop it anywhere (the transaction is then rolled back)."""
    counts = {}
    progress = progress or Progress()

    def body(rec: Recorder) -> None:
        progress.update(stage="Removing what points nowhere")
        # Foreign keys stop this from happening through kzeu_desk; files edited by other tools may still have it.
        rec.defer_foreign_keys()
        for name, table_name, query in (("evidence", "evidence", _ORPHANED_EVIDENCE),
                                        ("links", "fact_link", _DANGLING_LINKS),
                                        ("members", "conflict_member", _DANGLING_MEMBERS)):
            ids = list(rec.conn.execute(text(query)).scalars())
            counts[name] = len(ids)
            rec.delete_all(table_name, ids)
        conflicts.rescan(rec, progress)
        progress.update(stage="Rebuilding the search index")
        rec.reindex_every_fact = True

    changes = fact_base.run("Repair fact base", body)
    return RepairReport(counts["evidence"], counts["links"], counts["members"], changes)
