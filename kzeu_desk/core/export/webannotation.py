"""The `webannotation` export: W3C Web Annotation JSON-LD, one annotation per evidence span.

The document is an AnnotationCollection whose first page embeds every annotation. Each one
targets its source (the source's URL when known, otherwise `urn:sha256:` + the text's hash, which
names exactly the text the offsets count in) with a TextQuoteSelector and a TextPositionSelector
in code points (the Web Annotation convention, and how kzeu_desk stores offsets). The body is the
fact: a plain-text statement for people and a node with the fact's fields for machines, in a
small vocabulary of our own (`kzeu:`), including its status and rank, so deprecated facts travel
marked as deprecated.

The standard context is named by its usual IRI so other tools recognise it; kzeu_desk ships a
copy (resources/jsonld/anno.jsonld) for processing offline, and nothing is fetched.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sqlalchemy import Connection, text

from kzeu_desk.core.export.common import (
    GENERATOR,
    ExportResult,
    Progress,
    atomic_output,
    reading_fact_base,
)
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_date, format_value
from kzeu_desk.paths import resources_dir

ANNO_CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
VOCABULARY_IRI = "urn:kzeu-desk:vocab:"
CONTEXT = [ANNO_CONTEXT_IRI, {"kzeu": VOCABULARY_IRI}]
# Stable ids: the same fact base exported twice gives the same annotation ids.
_ID_NAMESPACE = uuid.UUID("6f1f7a52-4a38-5d8e-9c2b-0c5d2a6e7b11")
_ROWS_PER_FETCH = 1_000

_EVIDENCE = """
    SELECT e.id, e.start, e."end", e.quote, e.prefix, e.suffix, e.created_at, e.created_by,
           s.url, s.text_sha256, s.title AS source_title, s.language,
           f.id AS fact_id, f.value_kind, f.value_amount, f.value_lower, f.value_upper, f.value_approximate,
           f.value_unit, f.value_date, f.value_entity_id, f.value_text, f.point_in_time, f.start_time, f.end_time,
           f.scope_note, f.status, f.rank, f.created_at AS fact_created_at, f.created_by AS fact_created_by,
           f.updated_at AS fact_updated_at,
           subject.name AS subject_name, prop.key AS property_key, prop.name AS property_name,
           value_entity.name AS value_entity_name
    FROM evidence e
    JOIN fact f ON f.id = e.fact_id
    JOIN source s ON s.id = e.source_id
    LEFT JOIN entity subject ON subject.id = f.subject_id
    LEFT JOIN property prop ON prop.id = f.property_id
    LEFT JOIN entity value_entity ON value_entity.id = f.value_entity_id
    WHERE {keeps}
    ORDER BY e.id
"""


def local_context_path() -> Path:
    return resources_dir() / "jsonld" / "anno.jsonld"


def write_web_annotations(source: Path, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    with reading_fact_base(source) as conn, atomic_output(out) as handle:
        total, facts = conn.execute(text(
            f"SELECT count(*), count(DISTINCT r.fact_id) FROM evidence r WHERE {scope.keeps('evidence', 'r')}")).one()
        progress.start(total)
        progress.stage("Writing annotations")
        opening = {
            "@context": CONTEXT,
            "type": "AnnotationCollection",
            "label": "Evidence for sourced facts on Kazakhstan–EU relations",
            "generator": {"type": "Software", "name": GENERATOR},
            "total": total,
        }
        # The page is streamed: its items are written one by one between the two halves of the JSON.
        handle.write(json.dumps(opening, ensure_ascii=False, indent=1)[:-2])
        handle.write(',\n "first": {"type": "AnnotationPage", "startIndex": 0, "items": [\n')
        written = 0
        for row in _rows(conn, scope):
            if written:
                handle.write(",\n")
            handle.write(json.dumps(annotation(row), ensure_ascii=False))
            written += 1
            progress.advance()
        handle.write("\n ]}\n}\n")
    progress.finish()
    counts = {"evidence": written, "fact": facts}
    return ExportResult((out,), counts, f"Exported {written:,} annotations of evidence spans to “{out.name}”.")


def _rows(conn: Connection, scope: ExportScope):
    result = conn.execute(text(_EVIDENCE.format(keeps=scope.keeps("evidence", "e")))).mappings()
    for partition in result.partitions(_ROWS_PER_FETCH):
        yield from partition


def fact_iri(row: dict) -> str:
    key = f"fact:{row['fact_created_at']}:{row['fact_created_by']}:{row['fact_id']}"
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}"


def source_iri(row: dict) -> str:
    return row["url"] or f"urn:sha256:{row['text_sha256']}"


def statement_text(row: dict) -> str:
    """'Kazakhstan · investment inflow: more than US$8 billion (January 2022 – September 2022)'."""
    value = format_value(TypedValue.from_columns(row), entity_name=lambda _id: row["value_entity_name"] or "")
    subject = row["subject_name"] or "(no subject)"
    prop = row["property_name"] or "(no property)"
    scope = _scope_text(row)
    return f"{subject} · {prop}: {value}" + (f" ({scope})" if scope else "")


def _scope_text(row: dict) -> str:
    if row["point_in_time"]:
        return format_date(row["point_in_time"])
    if row["start_time"] or row["end_time"]:
        start = format_date(row["start_time"]) if row["start_time"] else "…"
        end = format_date(row["end_time"]) if row["end_time"] else "…"
        return f"{start} – {end}"
    return ""


def annotation(row: dict) -> dict:
    statement = statement_text(row)
    fact_id = fact_iri(row)
    span_key = f"evidence:{fact_id}:{row['text_sha256']}:{row['start']}:{row['end']}"
    quote_selector = {"type": "TextQuoteSelector", "exact": row["quote"]}
    if row["prefix"]:
        quote_selector["prefix"] = row["prefix"]
    if row["suffix"]:
        quote_selector["suffix"] = row["suffix"]
    fact_node = {
        "id": fact_id, "type": "kzeu:Fact", "label": statement,
        "kzeu:subject": row["subject_name"], "kzeu:property": row["property_key"],
        "kzeu:valueKind": row["value_kind"], "kzeu:amount": row["value_amount"],
        "kzeu:lowerBound": row["value_lower"], "kzeu:upperBound": row["value_upper"],
        "kzeu:approximate": bool(row["value_approximate"]), "kzeu:unit": row["value_unit"],
        "kzeu:date": row["value_date"], "kzeu:valueEntity": row["value_entity_name"], "kzeu:text": row["value_text"],
        "kzeu:pointInTime": row["point_in_time"], "kzeu:startTime": row["start_time"], "kzeu:endTime": row["end_time"],
        "kzeu:scopeNote": row["scope_note"], "kzeu:status": row["status"], "kzeu:rank": row["rank"],
    }
    return {
        "id": f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, span_key)}",
        "type": "Annotation",
        "motivation": "describing",
        "created": row["created_at"],
        "modified": max(row["created_at"], row["fact_updated_at"]),
        "creator": {"type": "Person", "nickname": row["created_by"]},
        "body": [
            {"type": "TextualBody", "purpose": "describing", "format": "text/plain", "language": "en",
             "value": statement},
            {key: value for key, value in fact_node.items() if value is not None},
        ],
        "target": {
            "type": "SpecificResource",
            "source": source_iri(row),
            "kzeu:sourceTitle": row["source_title"],
            "selector": [
                quote_selector,
                {"type": "TextPositionSelector", "start": row["start"], "end": row["end"]},
            ],
        },
    }
