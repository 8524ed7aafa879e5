"""The project's own lossless format: one JSON object a line, each with a "type".

Described by resources/schemas/kzeu-facts.v3.schema.json and docs/formats.md. Records come in
dependency order (header, sources, source revisions, entities, properties, facts, evidence,
links, conflicts, audit), so a reader can check every reference against lines it has already seen.

Version 2 added the superseded texts of sources (`source_revision`) and each evidence span's
anchor (state, score, the revision its offsets count in, and where a fuzzy match came from):
orphaned evidence quotes a text that is no longer the source's current one, and a file without
that text could not be loaded back. Version 3 added documents: the imported files themselves
(`original` records, base64, before the sources that name them), each source's and revision's
format, extractor, original and retrieval time and its pages (where each page's text starts), and
on evidence the pages it lies on (derived from the source's pages, for readers; ignored on load)
and `number_changed`: a fuzzy match whose figures differ from the quote it was placed from (files
without it have it worked out on load from the span the match came from); and the open schema: the
value kinds date_range (`date_end`) and count, each fact's qualifiers, property rules (allowed units,
subject kind, deprecated) and `property_separator` records. `kzeu-desk load` still reads version 1
and 2 files.

Ids are the exporting fact base's own row ids. In the file they only connect records to each
other; a loader keeps them where the target never used them (a new fact base, which therefore
becomes an exact copy) and renumbers them otherwise. Timestamps, actors and fact versions are
carried as they are. Nothing in the output depends on when or by whom it was exported, so
exporting, loading into a new fact base and exporting again gives the same bytes.

Derived data is left out and rebuilt on load: alias keys, conflict signatures and fingerprints
(they embed row ids; a conflict says instead whether its judgement still matched its facts),
the search index. Audit records are the change events with their operation's label, time and
actor; an operation that changed no row (such as a load itself) has no event and is not carried.

Records are built as dicts on purpose: each dict is one line's JSON object, the output format
itself (reads other code consumes return typed rows).
"""

from __future__ import annotations

import base64
import json
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, text

from kzeu_desk.core.locations import Location
from kzeu_desk.core import conflicts
from kzeu_desk.core.export.common import (
    GENERATOR,
    ExportResult,
    Progress,
    atomic_output,
    counted_summary,
    reading_fact_base,
)
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.pages import EVIDENCE_LAST_PAGE_SQL, EVIDENCE_PAGE_SQL
from kzeu_desk.core.property_info import units_from_column
from kzeu_desk.core.storage import engine_of

FORMAT_NAME = "kzeu-desk-facts"
FORMAT_VERSION = 3
RECORD_TYPES = ("original", "source", "source_revision", "entity", "property", "property_separator", "fact", "evidence",
                "link", "conflict", "audit")

# The table each record type is stored in.
TABLE_OF = {
    "original": "original_file", "source": "source", "source_revision": "source_revision", "entity": "entity", "property": "property",
    "property_separator": "property_separator",
    "fact": "fact", "evidence": "evidence", "link": "fact_link", "conflict": "conflict", "audit": "audit_event",
}

# The tables this format version carries; audit events of any other table stay behind.
CARRIED_TABLES = ("source", "source_revision", "entity", "entity_alias", "property", "fact", "evidence", "fact_link",
                  "conflict", "conflict_member", "property_separator", "fact_qualifier")
_ROWS_PER_FETCH = 1_000
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # as json.dumps(ensure_ascii=False)

_SELECTS: dict[str, str] = {
    # The files the kept sources and revisions were read from (sources always travel).
    "original": """SELECT sha256, media_type, byte_count, compression, data FROM original_file r
                   WHERE {keeps} AND (sha256 IN (SELECT original_sha256 FROM source)
                                      OR sha256 IN (SELECT original_sha256 FROM source_revision))
                   ORDER BY sha256""",
    "source": """SELECT id, title, publisher, author, url, published, language, file_name, encoding, note,
                        imported_at, imported_by, format, extractor, original_sha256, retrieved_at,
                        text_sha256, char_count, text,
                        (SELECT count(*) FROM source_revision sr WHERE sr.source_id = r.id) + 1 AS revision
                 FROM source r WHERE {keeps} ORDER BY id""",
    # By number within each source, so a reader knows every source's current revision number
    # (one more than its last superseded one) before the first evidence line.
    "source_revision": """SELECT id, source_id, number, file_name, encoding, imported_at, imported_by, superseded_at,
                                 superseded_by, format, extractor, original_sha256, retrieved_at,
                                 text_sha256, char_count, text
                          FROM source_revision r WHERE {keeps} ORDER BY source_id, number""",
    "entity": "SELECT id, name, kind, description, external_id FROM entity r WHERE {keeps} ORDER BY id",
    "property": """SELECT id, key, name, value_kind, single_valued, default_unit, tolerance, description, wikidata_pid,
                          allowed_units, subject_kind, deprecated
                   FROM property r WHERE {keeps} ORDER BY id""",
    "property_separator": """SELECT id, property_id, qualifier_property_id FROM property_separator r
                             WHERE {keeps} ORDER BY id""",
    "fact": """SELECT id, subject_id, property_id, value_kind, value_amount, value_lower, value_upper,
                      value_approximate, value_unit, value_date, value_date_end, value_entity_id, value_text,
                      point_in_time,
                      start_time, end_time, scope_note, status, rank, note, created_at, created_by,
                      updated_at, updated_by, version
               FROM fact r WHERE {keeps} ORDER BY id""",
    "evidence": """SELECT id, fact_id, source_id, start, "end", quote, prefix, suffix, source_sha256,
                          created_at, created_by, anchor_state, anchor_score, confirmed_revision,
                          previous_revision, previous_start, previous_end, number_changed,
                          """ + EVIDENCE_PAGE_SQL.replace("e.", "r.") + """ AS first_page,
                          """ + EVIDENCE_LAST_PAGE_SQL.replace("e.", "r.") + """ AS last_page
                   FROM evidence r WHERE {keeps} ORDER BY id""",
    "link": """SELECT id, from_fact_id, to_fact_id, kind, note, created_at, created_by
               FROM fact_link r WHERE {keeps} ORDER BY id""",
    "conflict": """SELECT id, rule, subject_id, property_id, status, explanation, members_fingerprint,
                          resolution, rationale, resolved_by, resolved_at, created_at
                   FROM conflict r WHERE {keeps} ORDER BY id""",
    "audit": """SELECT r.operation_id, operation.label, operation.at, operation.actor, operation.reverts_id,
                       r.action, r.target_type, r.target_id, r.before, r.after
                FROM audit_event r JOIN operation ON operation.id = r.operation_id
                WHERE {keeps} AND r.target_type IN (""" + ", ".join(f"'{t}'" for t in CARRIED_TABLES) + """)
                ORDER BY r.id""",
}


def write_jsonl(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    with reading_fact_base(source) as conn, atomic_output(out) as handle:
        counts = write_records(conn, scope, handle, progress)
    return ExportResult((out,), counts, counted_summary(counts, out))


def write_records(conn: Connection, scope: ExportScope, handle: IO[str], progress: Progress) -> dict[str, int]:
    counts = {kind: _count(conn, scope, kind) for kind in RECORD_TYPES}
    progress.start(sum(counts.values()))
    _write_line(handle, {
        "type": "header", "format": FORMAT_NAME, "version": FORMAT_VERSION, "generator": GENERATOR,
        "scope": scope.name, "counts": counts,
    })
    for kind in RECORD_TYPES:
        progress.stage(f"Writing {kind} records")
        for record in _records(conn, scope, kind):
            _write_line(handle, record)
            progress.advance()
    progress.finish()
    return counts


def _write_line(handle: IO[str], record: dict) -> None:
    handle.write(_encode(record))
    handle.write("\n")


def _keeps(scope: ExportScope, kind: str) -> str:
    if kind == "audit":
        return scope.keeps_audit_event("r")
    return scope.keeps(TABLE_OF[kind], "r")


def _count(conn: Connection, scope: ExportScope, kind: str) -> int:
    query = _SELECTS[kind].format(keeps=_keeps(scope, kind))
    return conn.execute(text(f"SELECT count(*) FROM ({query}) AS counted")).scalar_one()


def _rows(conn: Connection, scope: ExportScope, kind: str) -> Iterator[dict]:
    # The driver's own cursor, inside the same read transaction: plain tuples, no Row objects.
    rows = engine_of(conn).fast_rows(conn, _SELECTS[kind].format(keeps=_keeps(scope, kind)))
    yield from rows.dicts(_ROWS_PER_FETCH)


def _records(conn: Connection, scope: ExportScope, kind: str) -> Iterator[dict]:
    rows = _rows(conn, scope, kind)
    if kind == "original":
        return (original_record(r) for r in rows)
    if kind == "source":
        pages = _pages(conn)
        return (source_record(r, pages.get((r["id"], r["revision"]))) for r in rows)
    if kind == "source_revision":
        pages = _pages(conn)
        return (source_revision_record(r, pages.get((r["source_id"], r["number"]))) for r in rows)
    if kind == "entity":
        aliases = _aliases(conn)
        return (entity_record(r, aliases.get(r["id"], [])) for r in rows)
    if kind == "property":
        return (property_record(r) for r in rows)
    if kind == "property_separator":
        return (separator_record(r) for r in rows)
    if kind == "fact":
        qualifiers = _qualifiers(conn, scope)
        return (fact_record(r, qualifiers.get(r["id"], [])) for r in rows)
    if kind == "evidence":
        return (evidence_record(r) for r in rows)
    if kind == "link":
        return (link_record(r) for r in rows)
    if kind == "conflict":
        return _conflict_records(conn, scope, list(rows))
    return (audit_record(r) for r in rows)


def original_record(r: dict) -> dict:
    data = zlib.decompress(r["data"]) if r["compression"] == "zlib" else r["data"]
    return {
        "type": "original", "sha256": r["sha256"], "media_type": r["media_type"], "byte_count": r["byte_count"],
        "data": base64.b64encode(data).decode("ascii"),
    }


def _pages(conn: Connection) -> dict[tuple[int, int], list[dict]]:
    """Pages of every source text, by (source id, revision number)."""
    grouped: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in conn.execute(text("SELECT source_id, revision, start, label FROM source_page "
                                 "ORDER BY source_id, revision, number")):
        grouped[(row.source_id, row.revision)].append({"start": row.start, "label": row.label})
    return grouped


def _origin_fields(r: dict, pages: list[dict] | None) -> dict:
    return {"format": r["format"], "extractor": r["extractor"], "original_sha256": r["original_sha256"],
            "retrieved_at": r["retrieved_at"], "pages": pages}


def source_record(r: dict, pages: list[dict] | None = None) -> dict:
    return {
        "type": "source", "id": r["id"], "title": r["title"], "publisher": r["publisher"], "author": r["author"],
        "url": r["url"], "published": r["published"], "language": r["language"], "file_name": r["file_name"],
        "encoding": r["encoding"], "note": r["note"], "imported_at": r["imported_at"],
        "imported_by": r["imported_by"], **_origin_fields(r, pages), "text_sha256": r["text_sha256"],
        "char_count": r["char_count"], "text": r["text"],
    }


def source_revision_record(r: dict, pages: list[dict] | None = None) -> dict:
    return {
        "type": "source_revision", "id": r["id"], "source": r["source_id"], "number": r["number"],
        "file_name": r["file_name"], "encoding": r["encoding"], "imported_at": r["imported_at"],
        "imported_by": r["imported_by"], "superseded_at": r["superseded_at"], "superseded_by": r["superseded_by"],
        **_origin_fields(r, pages), "text_sha256": r["text_sha256"], "char_count": r["char_count"], "text": r["text"],
    }


def _aliases(conn: Connection) -> dict[int, list[dict]]:
    # Vocabulary is small (entities number in the thousands at most), unlike facts and evidence.
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in conn.execute(text("SELECT id, entity_id, alias FROM entity_alias ORDER BY entity_id, id")):
        grouped[row.entity_id].append({"id": row.id, "alias": row.alias})
    return grouped


def entity_record(r: dict, aliases: list[dict]) -> dict:
    return {
        "type": "entity", "id": r["id"], "name": r["name"], "kind": r["kind"], "description": r["description"],
        "external_id": r["external_id"], "aliases": aliases,
    }


def property_record(r: dict) -> dict:
    return {
        "type": "property", "id": r["id"], "key": r["key"], "name": r["name"], "value_kind": r["value_kind"],
        "single_valued": bool(r["single_valued"]), "default_unit": r["default_unit"], "tolerance": r["tolerance"],
        "description": r["description"], "wikidata_pid": r["wikidata_pid"],
        "allowed_units": list(units_from_column(r["allowed_units"])) or None, "subject_kind": r["subject_kind"],
        "deprecated": bool(r["deprecated"]),
    }


def separator_record(r: dict) -> dict:
    return {"type": "property_separator", "id": r["id"], "property": r["property_id"],
            "qualifier": r["qualifier_property_id"]}


def value_object(r: dict) -> dict:
    """A typed value as the format writes it, from value_* columns (a fact's or a qualifier's)."""
    return {
        "kind": r["value_kind"], "amount": r["value_amount"], "lower": r["value_lower"], "upper": r["value_upper"],
        "approximate": bool(r["value_approximate"]), "unit": r["value_unit"], "date": r["value_date"],
        "date_end": r["value_date_end"], "entity": r["value_entity_id"], "text": r["value_text"],
    }


def _qualifiers(conn: Connection, scope: ExportScope) -> dict[int, list[dict]]:
    """Qualifiers of the facts in scope, by fact, in the order they were added (they are far fewer
    than facts: one query, held while the facts stream)."""
    grouped: dict[int, list[dict]] = defaultdict(list)
    query = f"SELECT * FROM fact_qualifier r WHERE {scope.keeps('fact_qualifier', 'r')} ORDER BY fact_id, id"
    with engine_of(conn).fast_rows(conn, query) as rows:
        for row in rows.dicts(_ROWS_PER_FETCH):
            grouped[row["fact_id"]].append({"id": row["id"], "property": row["property_id"], "value": value_object(row)})
    return grouped


def fact_record(r: dict, qualifiers: list[dict] | None = None) -> dict:
    return {
        "type": "fact", "id": r["id"], "subject": r["subject_id"], "property": r["property_id"],
        "value": value_object(r),
        "point_in_time": r["point_in_time"], "start_time": r["start_time"], "end_time": r["end_time"],
        "scope_note": r["scope_note"], "qualifiers": qualifiers or [], "status": r["status"], "rank": r["rank"],
        "note": r["note"], "created_at": r["created_at"], "created_by": r["created_by"],
        "updated_at": r["updated_at"], "updated_by": r["updated_by"], "version": r["version"],
    }


def evidence_record(r: dict) -> dict:
    return {
        "type": "evidence", "id": r["id"], "fact": r["fact_id"], "source": r["source_id"], "start": r["start"],
        "end": r["end"], "quote": r["quote"], "prefix": r["prefix"], "suffix": r["suffix"],
        "source_sha256": r["source_sha256"], "created_at": r["created_at"], "created_by": r["created_by"],
        "anchor_state": r["anchor_state"], "anchor_score": r["anchor_score"],
        "confirmed_revision": r["confirmed_revision"], "previous_revision": r["previous_revision"],
        "previous_start": r["previous_start"], "previous_end": r["previous_end"],
        "number_changed": bool(r["number_changed"]),
        "pages": [r["first_page"], r["last_page"]] if r["first_page"] is not None else None,
    }


def link_record(r: dict) -> dict:
    return {
        "type": "link", "id": r["id"], "from": r["from_fact_id"], "to": r["to_fact_id"], "kind": r["kind"],
        "note": r["note"], "created_at": r["created_at"], "created_by": r["created_by"],
    }


def _conflict_records(conn: Connection, scope: ExportScope, rows: list[dict]) -> Iterator[dict]:
    memberships: dict[int, list[dict]] = defaultdict(list)
    for row in conn.execute(text(
        f"SELECT m.id, m.conflict_id, m.fact_id FROM conflict_member m "
        f"WHERE {scope.keeps('conflict_member', 'm')} ORDER BY m.conflict_id, m.id"
    )):
        memberships[row.conflict_id].append({"id": row.id, "fact": row.fact_id})
    for r in rows:
        all_members = conn.execute(
            text("SELECT fact_id FROM conflict_member WHERE conflict_id = :c"), {"c": r["id"]}).scalars().all()
        # The stored fingerprint embeds row ids, so the file says whether it still held instead.
        still_judged = r["members_fingerprint"] == conflicts.current_fingerprint(conn, all_members)
        yield {
            "type": "conflict", "id": r["id"], "rule": r["rule"], "subject": r["subject_id"],
            "property": r["property_id"], "status": r["status"], "explanation": r["explanation"],
            "judgement_current": still_judged, "resolution": r["resolution"], "rationale": r["rationale"],
            "resolved_by": r["resolved_by"], "resolved_at": r["resolved_at"], "created_at": r["created_at"],
            "members": memberships.get(r["id"], []),
        }


def audit_record(r: dict) -> dict:
    return {
        "type": "audit", "operation": r["operation_id"], "label": r["label"], "at": r["at"], "actor": r["actor"],
        "reverts": r["reverts_id"], "action": r["action"], "table": r["target_type"], "row": r["target_id"],
        "before": json.loads(r["before"]) if r["before"] is not None else None,
        "after": json.loads(r["after"]) if r["after"] is not None else None,
    }
