"""The fact base at a glance: facts by status and rank, conflicts over time, facts per source, and
what each curator has done, read from the audit of operations.

Every number is an aggregate computed in SQL (a few GROUP BYs; about 0.2 s at 100k facts), so the
overview and the report show the same figures. Conflicts over time are rebuilt from the conflict
rows as they are now: when each was found and, for those settled, when it was settled; a conflict
that a later edit made disappear is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from kzeu_desk.core.models import ConflictStatus, FactRank, FactStatus

TOP_SOURCES = 12


@dataclass(frozen=True, slots=True)
class StatusRankCount:
    status: str
    rank: str
    facts: int


@dataclass(frozen=True, slots=True)
class ConflictMonth:
    month: str  # "2025-11"
    found: int  # conflicts found that month (still in the fact base)
    settled: int  # of all conflicts, those resolved or dismissed that month
    open_at_end: int  # open at the month's end
    settled_at_end: int


@dataclass(frozen=True, slots=True)
class SourceCount:
    source_id: int
    title: str
    publisher: str | None
    facts: int
    open_conflicts: int


@dataclass(frozen=True, slots=True)
class CuratorActivity:
    actor: str
    actions: int
    first: str  # ISO time of their first and latest action
    last: str
    by_month: tuple[tuple[str, int], ...]  # ("2025-11", actions), oldest first
    facts_created: int


@dataclass(frozen=True)
class Overview:
    facts: int
    sources: int
    status_rank: tuple[StatusRankCount, ...]
    conflict_counts: dict[str, int]  # open, resolved, dismissed
    conflicts_by_month: tuple[ConflictMonth, ...]
    top_sources: tuple[SourceCount, ...]
    sources_with_facts: int
    facts_without_evidence: int
    curators: tuple[CuratorActivity, ...]

    def by_status(self) -> dict[str, int]:
        counts = {status.value: 0 for status in FactStatus}
        for row in self.status_rank:
            counts[row.status] = counts.get(row.status, 0) + row.facts
        return counts

    def by_rank(self) -> dict[str, int]:
        counts = {rank.value: 0 for rank in FactRank}
        for row in self.status_rank:
            counts[row.rank] = counts.get(row.rank, 0) + row.facts
        return counts


def overview(conn: Connection, *, top_sources: int = TOP_SOURCES) -> Overview:
    facts = conn.execute(text("SELECT count(*) FROM fact")).scalar_one()
    sources = conn.execute(text("SELECT count(*) FROM source")).scalar_one()
    status_rank = tuple(StatusRankCount(status, rank, count) for status, rank, count in conn.execute(text(
        "SELECT status, rank, count(*) FROM fact GROUP BY status, rank ORDER BY status, rank")))
    conflict_counts = {status.value: 0 for status in ConflictStatus}
    conflict_counts.update(dict(conn.execute(text("SELECT status, count(*) FROM conflict GROUP BY status")).all()))
    return Overview(
        facts=facts, sources=sources, status_rank=status_rank, conflict_counts=conflict_counts,
        conflicts_by_month=_conflicts_by_month(conn), top_sources=_top_sources(conn, top_sources),
        sources_with_facts=conn.execute(text("SELECT count(DISTINCT source_id) FROM evidence")).scalar_one(),
        facts_without_evidence=conn.execute(text(
            "SELECT count(*) FROM fact f WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.fact_id = f.id)")).scalar_one(),
        curators=_curators(conn),
    )


def _conflicts_by_month(conn: Connection) -> tuple[ConflictMonth, ...]:
    found: dict[str, int] = dict(conn.execute(text(
        "SELECT substr(created_at, 1, 7), count(*) FROM conflict GROUP BY substr(created_at, 1, 7)")).all())
    settled: dict[str, int] = dict(conn.execute(text(
        "SELECT substr(resolved_at, 1, 7), count(*) FROM conflict WHERE status <> 'open' AND resolved_at IS NOT NULL "
        "GROUP BY substr(resolved_at, 1, 7)")).all())
    months = _month_range(sorted(set(found) | set(settled)))
    rows, open_now, settled_now = [], 0, 0
    for month in months:
        open_now += found.get(month, 0) - settled.get(month, 0)
        settled_now += settled.get(month, 0)
        rows.append(ConflictMonth(month, found.get(month, 0), settled.get(month, 0), open_now, settled_now))
    return tuple(rows)


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last given, so a quiet month still shows."""
    readable = [month for month in months if len(month) == 7 and month[:4].isdigit() and month[5:].isdigit()]
    if not readable:
        return []
    year, month = int(readable[0][:4]), int(readable[0][5:])
    last = readable[-1]
    found: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(found) < 1200:
        found.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return found


def _top_sources(conn: Connection, limit: int) -> tuple[SourceCount, ...]:
    rows = conn.execute(text("""
        SELECT s.id, s.title, s.publisher, counted.facts
        FROM (SELECT e.source_id, count(DISTINCT e.fact_id) AS facts FROM evidence e GROUP BY e.source_id
              ORDER BY facts DESC, e.source_id LIMIT :limit) AS counted
        JOIN source s ON s.id = counted.source_id
        ORDER BY counted.facts DESC, s.id
    """), {"limit": limit}).all()
    found = []
    for source_id, title, publisher, facts in rows:
        # The memberships of this source's facts first, then whether each conflict is open (see
        # core.timeline on why the conflict list is read once rather than walked per membership).
        open_conflicts = conn.execute(text("""
            SELECT count(DISTINCT m.conflict_id) FROM evidence e
            JOIN conflict_member m ON m.fact_id = e.fact_id
            WHERE e.source_id = :source_id AND +m.conflict_id IN (SELECT c.id FROM conflict c WHERE c.status = 'open')
        """), {"source_id": source_id}).scalar_one()
        found.append(SourceCount(source_id, title, publisher, facts, open_conflicts))
    return tuple(found)


def _curators(conn: Connection) -> tuple[CuratorActivity, ...]:
    totals = conn.execute(text("SELECT actor, count(*), min(at), max(at) FROM operation GROUP BY actor")).all()
    months: dict[str, list[tuple[str, int]]] = {}
    for actor, month, count in conn.execute(text(
            "SELECT actor, substr(at, 1, 7), count(*) FROM operation GROUP BY actor, substr(at, 1, 7) "
            "ORDER BY actor, substr(at, 1, 7)")):
        months.setdefault(actor, []).append((month, count))
    # Facts remember who created them even when they came in bulk (a load) rather than action by action.
    created = {actor: (count, first, last) for actor, count, first, last in conn.execute(text(
        "SELECT created_by, count(*), min(created_at), max(created_at) FROM fact GROUP BY created_by"))}
    curators = [CuratorActivity(actor, actions, first, last, tuple(months.get(actor, ())), created.get(actor, (0,))[0])
                for actor, actions, first, last in totals]
    acted = {curator.actor for curator in curators}
    curators += [CuratorActivity(actor, 0, first, last, (), count)
                 for actor, (count, first, last) in created.items() if actor not in acted]
    curators.sort(key=lambda curator: (-curator.actions, -curator.facts_created, curator.actor))
    return tuple(curators)
