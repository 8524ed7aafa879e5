"""Finding disagreements between facts, inside the transaction that could have caused them.

Rules:
* value — same subject, same single-valued property, overlapping scopes, incompatible values
  (interval-aware, see `compatibility`). One conflict per disagreeing pair.
* declared — two facts linked as "contradicts".
* manual — a curator flagged a fact or a pair with a reason.

Rejected and deprecated facts raise no new conflicts: the curator has already judged them.
A conflict that was resolved or dismissed stays so until a member's value or scope changes;
then it re-opens. An open conflict whose disagreement has gone away (an edit, a deletion) is removed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import Connection, bindparam, select, text

from kzeu_desk.core.compatibility import Scope, Verdict, scopes_overlap, values_compatible
from kzeu_desk.core.models import ConflictRule, ConflictStatus
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_value

# The columns whose change makes an earlier judgement of a conflict stale.
_JUDGED_COLUMNS = (
    "value_kind", "value_amount", "value_lower", "value_upper", "value_approximate", "value_unit",
    "value_date", "value_entity_id", "value_text", "point_in_time", "start_time", "end_time",
)

_CANDIDATES = text(f"""
    SELECT f.id, f.subject_id, f.property_id, {", ".join("f." + c for c in _JUDGED_COLUMNS)},
           s.name AS subject_name, p.name AS property_name, p.tolerance,
           (SELECT coalesce(src.file_name, src.title) FROM evidence e JOIN source src ON src.id = e.source_id
             WHERE e.fact_id = f.id ORDER BY e.id LIMIT 1) AS first_source
    FROM fact f
    JOIN property p ON p.id = f.property_id AND p.single_valued
    JOIN entity s ON s.id = f.subject_id
    WHERE f.subject_id = :subject_id AND f.property_id = :property_id
      AND f.status <> 'rejected' AND f.rank <> 'deprecated'
    ORDER BY +f.id  -- the unary plus keeps SQLite on the (subject, property) index: 0.03 ms a key at any size
""")


@dataclass(frozen=True)
class Disagreement:
    rule: ConflictRule
    member_ids: tuple[int, ...]
    explanation: str
    fingerprint: str
    subject_id: int | None = None
    property_id: int | None = None

    @property
    def signature(self) -> str:
        return f"{self.rule.value}:" + ",".join(map(str, self.member_ids))


# -- value conflicts ---------------------------------------------------------------------------


def value_disagreements(conn: Connection, subject_id: int, property_id: int) -> list[Disagreement]:
    facts = [dict(r) for r in conn.execute(_CANDIDATES, {"subject_id": subject_id, "property_id": property_id}).mappings()]
    found = []
    for a, b in combinations(facts, 2):
        if not scopes_overlap(_scope(a), _scope(b)):
            continue
        verdict = values_compatible(TypedValue.from_columns(a), TypedValue.from_columns(b), tolerance=a["tolerance"])
        if verdict.comparable and not verdict.compatible:
            found.append(Disagreement(
                ConflictRule.VALUE, (a["id"], b["id"]), _explain(a, b, verdict), _fingerprint([a, b]),
                subject_id, property_id,
            ))
    return found


def agreeing_fact_ids(conn: Connection, fact_id: int) -> list[int]:
    """Facts that state a compatible value for the same subject and property in an overlapping scope
    ("3 sources agree"); the fact itself is included."""
    own = conn.execute(select(table("fact").c.subject_id, table("fact").c.property_id)
                       .where(table("fact").c.id == fact_id)).first()
    if own is None or own.subject_id is None or own.property_id is None:
        return [fact_id]
    facts = {r["id"]: dict(r) for r in conn.execute(
        _CANDIDATES, {"subject_id": own.subject_id, "property_id": own.property_id}).mappings()}
    if fact_id not in facts:
        return [fact_id]
    me = facts[fact_id]
    agreeing = [fact_id]
    for other_id, other in facts.items():
        if other_id == fact_id or not scopes_overlap(_scope(me), _scope(other)):
            continue
        verdict = values_compatible(TypedValue.from_columns(me), TypedValue.from_columns(other), tolerance=me["tolerance"])
        if verdict.comparable and verdict.compatible:
            agreeing.append(other_id)
    return sorted(agreeing)


def _scope(fact: dict) -> Scope:
    try:
        return Scope(point_in_time=fact["point_in_time"], start=fact["start_time"], end=fact["end_time"])
    except ValueError:  # malformed or inverted qualifiers: judge as unscoped rather than hide a conflict
        return Scope()


def _explain(a: dict, b: dict, verdict: Verdict) -> str:
    def says(fact: dict) -> str:
        source = _short_source(fact["first_source"]) or f"fact {fact['id']}"
        return f"{source} says {format_value(TypedValue.from_columns(fact))}"

    return f"{a['subject_name']} · {a['property_name']}: {says(a)}; {says(b)} ({verdict.reason})."


def _short_source(name: str | None) -> str | None:
    if not name:
        return None
    return name.rsplit(".", 1)[0] if name.endswith((".txt", ".md", ".html", ".htm")) else name


def _fingerprint(facts: Iterable[dict]) -> str:
    # Rows come both from text() queries (booleans as 0/1) and from Core selects (as bool).
    judged = [[f["id"], *(int(v) if isinstance(v, bool) else v for v in (f[c] for c in _JUDGED_COLUMNS))]
              for f in sorted(facts, key=lambda f: f["id"])]
    return hashlib.sha256(json.dumps(judged, default=str).encode()).hexdigest()[:20]


# -- declared contradictions -------------------------------------------------------------------

_DECLARED = text("""
    SELECT l.from_fact_id, l.to_fact_id, l.note, fa.subject_id, fa.property_id
    FROM fact_link l
    JOIN fact fa ON fa.id = l.from_fact_id
    JOIN fact fb ON fb.id = l.to_fact_id
    WHERE l.kind = 'contradicts' AND (l.from_fact_id IN :ids OR l.to_fact_id IN :ids)
      AND fa.status <> 'rejected' AND fb.status <> 'rejected'
""").bindparams(bindparam("ids", expanding=True))


def declared_disagreements(conn: Connection, fact_ids: list[int]) -> list[Disagreement]:
    found = []
    for row in conn.execute(_DECLARED, {"ids": fact_ids}).mappings():
        members = tuple(sorted((row["from_fact_id"], row["to_fact_id"])))
        note = f": {row['note']}" if row["note"] else ""
        judged = _judged_rows(conn, members)
        found.append(Disagreement(
            ConflictRule.DECLARED, members,
            f"A curator linked fact {members[0]} and fact {members[1]} as contradicting each other{note}.",
            _fingerprint(judged), row["subject_id"], row["property_id"],
        ))
    return found


def current_fingerprint(conn: Connection, fact_ids: Iterable[int]) -> str:
    return _fingerprint(_judged_rows(conn, fact_ids))


def _judged_rows(conn: Connection, fact_ids: Iterable[int]) -> list[dict]:
    f = table("fact")
    columns = [f.c.id, *(f.c[c] for c in _JUDGED_COLUMNS)]
    return [dict(r) for r in conn.execute(select(*columns).where(f.c.id.in_(list(fact_ids)))).mappings()]


# -- keeping the conflict table in step --------------------------------------------------------


def recheck(rec: Recorder, keys: Iterable[tuple[int, int]], fact_ids: Iterable[int]) -> None:
    """Bring value conflicts of these (subject, property) keys and declared conflicts of these facts
    up to date, writing through the recorder so the changes are audited and undoable."""
    keys, fact_ids = sorted(set(keys)), sorted(set(fact_ids))
    for subject_id, property_id in keys:
        existing = _existing(rec.conn, ConflictRule.VALUE, subject_id=subject_id, property_id=property_id)
        _sync(rec, value_disagreements(rec.conn, subject_id, property_id), existing)
    if fact_ids:
        existing = _existing(rec.conn, ConflictRule.DECLARED, fact_ids=fact_ids)
        _sync(rec, declared_disagreements(rec.conn, fact_ids), existing)
    _drop_memberless(rec, sorted(rec.conflicts_touched))


def rescan(rec: Recorder) -> None:
    """Re-check every key and every declared contradiction (after bulk loads, or on demand)."""
    keys = rec.conn.execute(text("""
        SELECT DISTINCT subject_id, property_id FROM fact
        WHERE subject_id IS NOT NULL AND property_id IS NOT NULL
        UNION SELECT subject_id, property_id FROM conflict WHERE rule = 'value' AND subject_id IS NOT NULL
    """)).all()
    linked = rec.conn.execute(text(
        "SELECT from_fact_id FROM fact_link WHERE kind = 'contradicts' "
        "UNION SELECT fact_id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id AND c.rule = 'declared'"
    )).scalars().all()
    recheck(rec, [tuple(k) for k in keys], linked)


def _existing(conn: Connection, rule: ConflictRule, *, subject_id: int | None = None,
              property_id: int | None = None, fact_ids: list[int] | None = None) -> dict[str, dict]:
    c, m = table("conflict"), table("conflict_member")
    query = select(c).where(c.c.rule == rule.value)
    if fact_ids is not None:
        query = query.where(c.c.id.in_(select(m.c.conflict_id).where(m.c.fact_id.in_(fact_ids))))
    else:
        query = query.where(c.c.subject_id == subject_id, c.c.property_id == property_id)
    return {row["signature"]: dict(row) for row in conn.execute(query).mappings()}


def _sync(rec: Recorder, found: list[Disagreement], existing: dict[str, dict]) -> None:
    found_by_signature = {d.signature: d for d in found}
    for signature, disagreement in found_by_signature.items():
        row = existing.get(signature)
        if row is None:
            _insert(rec, disagreement)
        elif row["members_fingerprint"] != disagreement.fingerprint:
            # A member's value or scope changed: any earlier judgement no longer applies.
            rec.update("conflict", row["id"], {
                "status": ConflictStatus.OPEN.value, "explanation": disagreement.explanation,
                "members_fingerprint": disagreement.fingerprint, "resolution": None, "rationale": None,
                "resolved_by": None, "resolved_at": None,
            })
        elif row["explanation"] != disagreement.explanation:
            rec.update("conflict", row["id"], {"explanation": disagreement.explanation})
    for signature, row in existing.items():
        if signature not in found_by_signature and row["status"] == ConflictStatus.OPEN.value:
            _delete(rec, row["id"])


def _insert(rec: Recorder, disagreement: Disagreement, signature: str | None = None) -> int:
    conflict_id = rec.insert("conflict", {
        "rule": disagreement.rule.value, "signature": signature or disagreement.signature,
        "subject_id": disagreement.subject_id, "property_id": disagreement.property_id,
        "status": ConflictStatus.OPEN.value, "explanation": disagreement.explanation,
        "members_fingerprint": disagreement.fingerprint, "created_at": rec.at,
    })
    for fact_id in disagreement.member_ids:
        rec.insert("conflict_member", {"conflict_id": conflict_id, "fact_id": fact_id})
    return conflict_id


def _delete(rec: Recorder, conflict_id: int) -> None:
    m = table("conflict_member")
    rec.delete_all("conflict_member", rec.conn.execute(
        select(m.c.id).where(m.c.conflict_id == conflict_id)).scalars().all())
    rec.delete("conflict", conflict_id)


_MEMBERLESS = text("""
    SELECT c.id FROM conflict c
    WHERE c.id IN :ids AND (SELECT count(*) FROM conflict_member m WHERE m.conflict_id = c.id)
          < (CASE c.rule WHEN 'manual' THEN 1 ELSE 2 END)
""").bindparams(bindparam("ids", expanding=True))


def _drop_memberless(rec: Recorder, conflict_ids: list[int]) -> None:
    """A conflict that lost members to a deleted fact no longer describes a disagreement."""
    if not conflict_ids:
        return
    for conflict_id in rec.conn.execute(_MEMBERLESS, {"ids": conflict_ids}).scalars().all():
        _delete(rec, conflict_id)


def flag(rec: Recorder, fact_ids: tuple[int, ...], reason: str) -> int:
    """A curator's own flag on one fact or a pair."""
    members = tuple(sorted(set(fact_ids)))
    disagreement = Disagreement(
        ConflictRule.MANUAL, members, f"Flagged by {rec.actor}: {reason}",
        _fingerprint(_judged_rows(rec.conn, members)),
    )
    # Several flags on the same facts are distinct records, so the signature carries the operation.
    return _insert(rec, disagreement, signature=f"{disagreement.signature}@{rec.operation_id}")
