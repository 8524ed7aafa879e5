"""What the fact editor shows about one fact besides its own columns: evidence, links, history.

Qt-free reads, so the same answers serve the editor, the command line and tests. History is read
from the audit log (the before/after JSON images the recorder writes), so it needs no table of
its own and shows undo and redo like any other change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from sqlalchemy import Connection, TextClause, bindparam, select, text

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.pages import PageMap, page_map
from kzeu_desk.core.recorder import table
from kzeu_desk.core.storage import StorageEngine, engine_of
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_date, format_value

# Bookkeeping columns every fact update changes; a history line for them would only be noise.
_FACT_BOOKKEEPING_COLUMNS = frozenset({"id", "version", "updated_at", "updated_by", "created_at", "created_by"})
_VALUE_COLUMNS = frozenset(TypedValue(kind=ValueKind.TEXT).to_columns())

# The order a curator reads a fact in, with the words the editor uses for each field.
_FIELD_TITLES: dict[str, str] = {
    "subject_id": "subject",
    "property_id": "property",
    "value": "value",
    "point_in_time": "point in time",
    "start_time": "start",
    "end_time": "end",
    "scope_note": "scope note",
    "status": "status",
    "rank": "rank",
    "note": "note",
}
_DATE_FIELDS = frozenset({"point_in_time", "start_time", "end_time"})
_EMPTY = "—"
_SHORT_TEXT = 60


class LinkDirection(StrEnum):
    OUTGOING = "outgoing"  # this fact is the link's from_fact
    INCOMING = "incoming"  # this fact is the link's to_fact


@dataclass(frozen=True, slots=True)
class EvidenceDetail:
    id: int
    source_id: int
    source_title: str
    start: int  # code points into the source's canonical text
    end: int
    quote: str
    prefix: str
    suffix: str
    anchor_state: str = "exact"  # an AnchorState: "orphaned" spans point into an older revision
    anchor_score: float | None = None
    page: str | None = None  # "p. 3" / "pp. 3–4" for sources with pages


@dataclass(frozen=True, slots=True)
class LinkDetail:
    id: int
    kind: str
    direction: LinkDirection
    other_fact_id: int
    other_label: str
    note: str | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    event_id: int
    operation_id: int
    at: str  # ISO-8601 UTC
    actor: str
    operation_label: str
    action: str  # insert, update, delete
    target_type: str  # fact, evidence, fact_link
    summary: str  # what happened, in one phrase: "Fact edited", "Evidence added: “…”", "Evidence orphaned: …"
    changes: tuple[str, ...]  # for fact updates: "value: 1993 → 1996", one line per field


def fact_label(conn: Connection, fact_id: int) -> str:
    """"subject · property · value", the short name of a fact wherever another one refers to it."""
    return fact_labels(conn, [fact_id])[fact_id]


def fact_values(conn: Connection, fact_ids: Iterable[int]) -> dict[int, str]:
    """The displayed value of each fact that exists ("1996", "US$160 billion"): what a highlight's tooltip adds."""
    ids = sorted(set(fact_ids))
    if not ids:
        return {}
    fact = table("fact")
    rows = conn.execute(select(fact).where(fact.c.id.in_(ids))).mappings().all()
    names = _EntityNames(conn, [r["value_entity_id"] for r in rows])
    return {row["id"]: display_value(TypedValue.from_columns(row), names.name) for row in rows}


def fact_labels(conn: Connection, fact_ids: Iterable[int]) -> dict[int, str]:
    """Short labels for several facts at once; a fact that no longer exists is named as deleted."""
    ids = sorted(set(fact_ids))
    if not ids:
        return {}
    fact = table("fact")
    rows = conn.execute(select(fact).where(fact.c.id.in_(ids))).mappings().all()
    names = _EntityNames(conn, [id_ for r in rows for id_ in (r["subject_id"], r["value_entity_id"])])
    properties = _property_names(conn, [r["property_id"] for r in rows])
    labels = {fact_id: f"fact #{fact_id} (deleted)" for fact_id in ids}
    for row in rows:
        subject = names.name(row["subject_id"]) if row["subject_id"] is not None else "(no subject)"
        prop = properties.get(row["property_id"], "(no property)") if row["property_id"] is not None else "(no property)"
        value = display_value(TypedValue.from_columns(row), names.name)
        labels[row["id"]] = f"{subject} · {prop} · {value}"
    return labels


_EVIDENCE_QUERY = text("""
    SELECT e.id, e.source_id, s.title AS source_title, e.start, e."end", e.quote, e.prefix, e.suffix,
           e.anchor_state, e.anchor_score, e.confirmed_revision
    FROM evidence e
    JOIN source s ON s.id = e.source_id
    WHERE e.fact_id = :fact_id
    ORDER BY s.title, e.start, e.id
""")


def fact_evidence(conn: Connection, fact_id: int) -> list[EvidenceDetail]:
    """The fact's evidence spans, grouped by source and in reading order within each, each citing
    its page(s) when its source has pages."""
    details = []
    page_maps: dict[tuple[int, int], PageMap | None] = {}
    for row in conn.execute(_EVIDENCE_QUERY, {"fact_id": fact_id}).mappings():
        values = dict(row)
        key = (values["source_id"], values.pop("confirmed_revision"))
        if key not in page_maps:
            page_maps[key] = page_map(conn, *key)
        pages = page_maps[key]
        details.append(EvidenceDetail(**values, page=pages.cite(values["start"], values["end"]) if pages else None))
    return details


def fact_links(conn: Connection, fact_id: int) -> list[LinkDetail]:
    """Links in both directions, each with the label of the fact at the other end."""
    link = table("fact_link")
    rows = conn.execute(
        select(link).where((link.c.from_fact_id == fact_id) | (link.c.to_fact_id == fact_id)).order_by(link.c.id)
    ).mappings().all()
    others = {r["id"]: r["to_fact_id"] if r["from_fact_id"] == fact_id else r["from_fact_id"] for r in rows}
    labels = fact_labels(conn, others.values())
    return [
        LinkDetail(
            id=r["id"],
            kind=r["kind"],
            direction=LinkDirection.OUTGOING if r["from_fact_id"] == fact_id else LinkDirection.INCOMING,
            other_fact_id=others[r["id"]],
            other_label=labels[others[r["id"]]],
            note=r["note"],
        )
        for r in rows
    ]


def rows_concern_fact(conn: Connection, fact_id: int, *, evidence_ids: Iterable[int] = (),
                      link_ids: Iterable[int] = ()) -> bool:
    """Whether any of these evidence or link rows belongs to the fact (rows since deleted do not)."""
    evidence, link = table("evidence"), table("fact_link")
    evidence_ids, link_ids = list(evidence_ids), list(link_ids)
    if evidence_ids and conn.execute(
        select(evidence.c.id).where(evidence.c.id.in_(evidence_ids), evidence.c.fact_id == fact_id).limit(1)
    ).first():
        return True
    return bool(link_ids) and conn.execute(
        select(link.c.id).where(link.c.id.in_(link_ids),
                                (link.c.from_fact_id == fact_id) | (link.c.to_fact_id == fact_id)).limit(1)
    ).first() is not None


# Evidence and link rows never move to another fact. The ones still present are found through
# their own tables' fact indexes; the ones deleted since only through their delete events, which
# means scanning those (the audit index narrows by target_type only). A fact_id column on
# audit_event, or an expression index on the images' fact ids, would make history an index lookup.
@cache
def _history_query(engine: StorageEngine) -> TextClause:
    field = engine.sql.json_integer
    return text(f"""
    SELECT ae.id, ae.operation_id, ae.at, ae.actor, ae.action, ae.target_type, ae.target_id,
           ae.before, ae.after, o.label AS operation_label, o.reverts_id
    FROM audit_event ae JOIN operation o ON o.id = ae.operation_id
    WHERE ae.id IN (
        SELECT id FROM audit_event WHERE target_type = 'fact' AND target_id = :fact_id
        UNION ALL
        SELECT id FROM audit_event
         WHERE target_type = 'evidence' AND target_id IN (
            SELECT id FROM evidence WHERE fact_id = :fact_id
            UNION
            SELECT target_id FROM audit_event
             WHERE target_type = 'evidence' AND action = 'delete'
               AND {field("before", "fact_id")} = :fact_id)
        UNION ALL
        SELECT id FROM audit_event
         WHERE target_type = 'fact_link' AND target_id IN (
            SELECT id FROM fact_link WHERE from_fact_id = :fact_id OR to_fact_id = :fact_id
            UNION
            SELECT target_id FROM audit_event
             WHERE target_type = 'fact_link' AND action = 'delete'
               AND :fact_id IN ({field("before", "from_fact_id")}, {field("before", "to_fact_id")}))
    )
    ORDER BY ae.id DESC
    LIMIT :limit
""").bindparams(bindparam("limit"))


def fact_history(conn: Connection, fact_id: int, limit: int = 500) -> list[HistoryEntry]:
    """Every recorded change to the fact, its evidence and its links, newest first."""
    events = [
        {**dict(row), "before": _unimage(row["before"]), "after": _unimage(row["after"])}
        for row in conn.execute(_history_query(engine_of(conn)), {"fact_id": fact_id, "limit": limit}).mappings()
    ]
    names = _EntityNames(conn, _entity_ids_in(events))
    properties = _property_names(conn, _property_ids_in(events))
    other_facts = fact_labels(conn, _other_link_ends(events, fact_id) | _other_evidence_owners(events, fact_id))
    revision_operations = _operations_changing_revisions(
        conn, {e["operation_id"] for e in events if (e["target_type"], e["action"]) == ("evidence", "update")})
    return [_history_entry(event, fact_id, names, properties, other_facts, revision_operations) for event in events]


# -- history lines ------------------------------------------------------------------------------


def _history_entry(event: dict, fact_id: int, names: _EntityNames, properties: dict[int, str],
                   other_facts: dict[int, str], revision_operations: set[int]) -> HistoryEntry:
    action, target = event["action"], event["target_type"]
    image = event["after"] if event["after"] is not None else event["before"]
    restoring = event["reverts_id"] is not None
    changes: tuple[str, ...] = ()
    if target == "fact":
        if action == "insert":
            summary = "Fact restored" if restoring else "Fact created"
        elif action == "delete":
            summary = "Fact deleted"
        else:
            summary = "Fact edited"
            changes = tuple(_fact_field_changes(event["before"], event["after"], names, properties))
    elif target == "evidence":
        if action == "update":
            summary = _evidence_update(event["before"], event["after"], fact_id, other_facts,
                                       by_a_revision=event["operation_id"] in revision_operations)
        else:
            quote = _quoted(image["quote"])
            summary = f"Evidence removed: {quote}" if action == "delete" else f"Evidence added: {quote}"
    else:
        outgoing = image["from_fact_id"] == fact_id
        other = image["to_fact_id"] if outgoing else image["from_fact_id"]
        relation = _link_phrase(image["kind"], outgoing)
        verb = "Link removed" if action == "delete" else "Linked"
        summary = f"{verb}: {relation} {other_facts.get(other, f'fact #{other}')}"
    return HistoryEntry(
        event_id=event["id"], operation_id=event["operation_id"], at=event["at"], actor=event["actor"],
        operation_label=event["operation_label"], action=action, target_type=target, summary=summary,
        changes=changes,
    )


def _evidence_update(before: dict, after: dict, fact_id: int, other_facts: dict[int, str], *,
                     by_a_revision: bool) -> str:
    """What an update did to an evidence span, read from its images: a revision import re-anchors
    (exactly, in new surroundings, or approximately) or orphans it; a curator accepts an approximate
    match or re-attaches the span; a merge hands it to another fact. Undo reads the same way."""
    quote = _quoted(after["quote"])
    if before["fact_id"] != after["fact_id"]:
        if after["fact_id"] == fact_id:
            other = before["fact_id"]
            return f"Evidence taken over from {other_facts.get(other, f'fact #{other}')}: {quote}"
        other = after["fact_id"]
        return f"Evidence handed to {other_facts.get(other, f'fact #{other}')}: {quote}"
    state, was = after.get("anchor_state"), before.get("anchor_state")
    revision = after.get("confirmed_revision")
    likeness = f" ({after['anchor_score']:.0%} alike)" if after.get("anchor_score") is not None else ""
    if state == AnchorState.ORPHANED:
        if was == AnchorState.ORPHANED:
            return f"Evidence changed: {quote}"
        return f"Evidence orphaned: {quote} was last found in revision {revision}"
    if by_a_revision:
        if state == AnchorState.FUZZY:
            return f"Evidence re-anchored approximately in revision {revision}{likeness}: {quote}"
        if state == AnchorState.MOVED:
            return f"Evidence moved in revision {revision} (same words, new surroundings): {quote}"
        return f"Evidence re-anchored in revision {revision}: {quote}"
    same_span = all(before.get(k) == after.get(k) for k in ("start", "end", "quote", "confirmed_revision"))
    if state == AnchorState.FUZZY and was != AnchorState.FUZZY:
        return f"Evidence back to an approximate match{likeness}: {quote}"
    if was == AnchorState.FUZZY and state != AnchorState.FUZZY and same_span:
        return f"Evidence accepted: {quote}"
    if not same_span or was == AnchorState.ORPHANED:
        return f"Evidence re-attached: {quote}"
    return f"Evidence changed: {quote}"


def _fact_field_changes(before: dict, after: dict, names: _EntityNames, properties: dict[int, str]) -> list[str]:
    changed = {k for k in after if k not in _FACT_BOOKKEEPING_COLUMNS and before.get(k) != after.get(k)}
    lines = []
    for field, title in _FIELD_TITLES.items():
        if field == "value":
            if changed & _VALUE_COLUMNS:
                old = display_value(TypedValue.from_columns(before), names.name)
                new = display_value(TypedValue.from_columns(after), names.name)
                lines.append(f"{title}: {old or _EMPTY} → {new or _EMPTY}")
        elif field in changed:
            old = _field_text(field, before[field], names, properties)
            new = _field_text(field, after[field], names, properties)
            lines.append(f"{title}: {old} → {new}")
    return lines


def _field_text(field: str, value: object, names: _EntityNames, properties: dict[int, str]) -> str:
    if value is None or value == "":
        return _EMPTY
    if field == "subject_id":
        return names.name(int(str(value)))
    if field == "property_id":
        return properties.get(int(str(value)), f"property #{value}")
    if field in _DATE_FIELDS:
        return display_date(str(value))
    if field in ("note", "scope_note"):
        return _quoted(str(value))
    return str(value)


_PASSIVE_LINK_PHRASES = {
    "supports": "supported by",
    "contradicts": "contradicted by",
    "duplicate_of": "duplicated by",
    "derived_from": "source of",
    "related": "related to",
}


def _link_phrase(kind: str, outgoing: bool) -> str:
    """How a link reads from this fact's side: "supports …" or "supported by …"."""
    if outgoing:
        return kind.replace("_", " ")
    return _PASSIVE_LINK_PHRASES.get(kind, kind.replace("_", " "))


def link_phrase(link: LinkDetail) -> str:
    return _link_phrase(link.kind, link.direction is LinkDirection.OUTGOING)


def display_value(value: TypedValue, entity_name: Callable[[int], str]) -> str:
    """format_value, but a malformed stored date (written by another client) shows as stored
    instead of breaking the whole view."""
    try:
        return format_value(value, entity_name=entity_name)
    except ValueError:
        return value.date or value.text or "(unreadable value)"


def display_date(iso: str) -> str:
    try:
        return format_date(iso)
    except ValueError:
        return iso


def _quoted(value: str) -> str:
    flat = " ".join(value.split())
    if len(flat) > _SHORT_TEXT:
        flat = flat[: _SHORT_TEXT - 1].rstrip() + "…"
    return f"“{flat}”"


# -- lookups --------------------------------------------------------------------------------------


class _EntityNames:
    """Names of the entities a set of rows refers to, read in one query."""

    def __init__(self, conn: Connection, entity_ids: Iterable[int | None]):
        ids = sorted({i for i in entity_ids if i is not None})
        entity = table("entity")
        self._names: dict[int, str] = dict(
            conn.execute(select(entity.c.id, entity.c.name).where(entity.c.id.in_(ids))).all()
        ) if ids else {}

    def name(self, entity_id: int) -> str:
        # An entity deleted since keeps appearing in old history lines.
        return self._names.get(entity_id, f"entity #{entity_id}")


def _property_names(conn: Connection, property_ids: Iterable[int | None]) -> dict[int, str]:
    ids = sorted({i for i in property_ids if i is not None})
    if not ids:
        return {}
    prop = table("property")
    return dict(conn.execute(select(prop.c.id, prop.c.name).where(prop.c.id.in_(ids))).all())


def _fact_images(events: list[dict]) -> Iterable[dict]:
    for event in events:
        if event["target_type"] == "fact":
            yield from (image for image in (event["before"], event["after"]) if image is not None)


def _entity_ids_in(events: list[dict]) -> set[int]:
    return {image[k] for image in _fact_images(events) for k in ("subject_id", "value_entity_id") if image[k]}


def _property_ids_in(events: list[dict]) -> set[int]:
    return {image["property_id"] for image in _fact_images(events) if image["property_id"]}


def _other_link_ends(events: list[dict], fact_id: int) -> set[int]:
    ends = set()
    for event in events:
        if event["target_type"] == "fact_link":
            image = event["after"] if event["after"] is not None else event["before"]
            ends.add(image["to_fact_id"] if image["from_fact_id"] == fact_id else image["from_fact_id"])
    return ends


def _other_evidence_owners(events: list[dict], fact_id: int) -> set[int]:
    """Facts this fact's evidence was taken over from (merges move evidence between facts)."""
    owners: set[int] = set()
    for event in events:
        if (event["target_type"], event["action"]) == ("evidence", "update"):
            owners.update(image["fact_id"] for image in (event["before"], event["after"])
                          if image["fact_id"] != fact_id)
    return owners


_REVISION_OPERATIONS = text("""
    SELECT DISTINCT operation_id FROM audit_event
    WHERE target_type = 'source_revision' AND operation_id IN :operation_ids
""").bindparams(bindparam("operation_ids", expanding=True))


def _operations_changing_revisions(conn: Connection, operation_ids: set[int]) -> set[int]:
    """Which of these operations made (or undid) a source revision: their evidence updates are
    re-anchoring, where the same columns changed by a curator mean accepting or re-attaching."""
    if not operation_ids:
        return set()
    return set(conn.execute(_REVISION_OPERATIONS, {"operation_ids": sorted(operation_ids)}).scalars())


def _unimage(image: str | None) -> dict | None:
    return None if image is None else json.loads(image)
