"""The `webannotation` export: W3C Web Annotation JSON-LD, one annotation per evidence span.

The document is an AnnotationCollection whose first page embeds every annotation. Each one
targets its source (the source's URL when known, otherwise `urn:sha256:` + the text's hash, which
names exactly the text the offsets count in) with a TextQuoteSelector and a TextPositionSelector
in code points (the Web Annotation convention, and how kzeu_desk stores offsets). The body is the
fact: a plain-text statement for people and a node with the fact's fields for machines, in a
small vocabulary of our own (`kzeu:`), including its status and rank, so deprecated facts travel
marked as deprecated.

Orphaned evidence (not found in its source's current revision) makes no claim about the current
text: its target is the revision its offsets count in, named by that text's hash when the source
has no URL, and in any case given a TimeState with the dates that revision was the source's text
(and, with a URL, the revision's hash as its cached copy). Moved and fuzzy evidence say how they
were found (`kzeu:anchorState`, `kzeu:anchorScore`, and `kzeu:numberChanged` for a fuzzy match whose
figures differ from the quote's); exactly anchored evidence needs no note.

The standard context is named by its usual IRI so other tools recognise it; kzeu_desk ships a
copy (resources/jsonld/anno.jsonld) for processing offline, and nothing is fetched.

Speed (docs/PERFORMANCE.md section 6): rows are tuples from the driver's cursor (no Row object per row),
the uuid5 namespace is hashed once, value and date texts are remembered, a fact's own part is reused
for consecutive rows of the same fact, and the JSON encoder is built once.

Annotations, targets and selectors are built as dicts on purpose: each dict is a JSON-LD object
of the output (reads other code consumes return typed rows).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from sqlalchemy import Connection, text

from kzeu_desk.core.locations import Location
from kzeu_desk.core.export.common import (
    qualifiers_in_scope,
    GENERATOR,
    ExportResult,
    Progress,
    atomic_output,
    reading_fact_base,
)
from kzeu_desk.core.export import vocabulary
from kzeu_desk.core.export.identity import Identifiers, wikidata_iri
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.pages import EVIDENCE_LAST_PAGE_SQL, EVIDENCE_PAGE_SQL
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.citation import Citation
from kzeu_desk.core.qualifiers import Qualifier
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_date, format_value
from kzeu_desk.paths import resources_dir

ANNO_CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
VOCABULARY_IRI = vocabulary.NAMESPACE
# Our vocabulary's context is embedded (resources/jsonld/kzeu.jsonld holds the same), so a reader
# needs nothing but the W3C's context to expand every term.
CONTEXT = [ANNO_CONTEXT_IRI, vocabulary.context()]
# Stable ids: the same fact base exported twice gives the same annotation ids.
_ID_NAMESPACE = uuid.UUID("6f1f7a52-4a38-5d8e-9c2b-0c5d2a6e7b11")
_NAMESPACE_HASH = hashlib.sha1(_ID_NAMESPACE.bytes)  # uuid5 hashes the namespace before the name
_ROWS_PER_FETCH = 1_000
_EXACT, _ORPHANED = AnchorState.EXACT.value, AnchorState.ORPHANED.value
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # as json.dumps(ensure_ascii=False)

# An orphaned span counts in its revision's text, so that revision is joined (for orphans only).
_EVIDENCE = """
    SELECT e.id, e.start, e."end", e.quote, e.prefix, e.suffix, e.created_at, e.created_by,
           e.anchor_state, e.anchor_score, e.confirmed_revision, e.number_changed,
           """ + EVIDENCE_PAGE_SQL + """ AS first_page, """ + EVIDENCE_LAST_PAGE_SQL + """ AS last_page,
           r.text_sha256 AS revision_sha256, r.imported_at AS revision_imported_at,
           r.superseded_at AS revision_superseded_at,
           s.id AS source_id, s.url, s.text_sha256, s.title AS source_title, s.language, s.publisher AS source_publisher,
           s.author AS source_author, s.published AS source_published, s.file_name AS source_file_name,
           f.id AS fact_id, f.value_kind, f.value_amount, f.value_lower, f.value_upper, f.value_approximate,
           f.value_unit, f.value_date, f.value_date_end, f.value_entity_id, f.value_text, f.point_in_time, f.start_time, f.end_time,
           f.scope_note, f.status, f.rank, f.created_at AS fact_created_at, f.created_by AS fact_created_by,
           f.updated_at AS fact_updated_at,
           subject.name AS subject_name, subject.external_id AS subject_qid, prop.key AS property_key,
           prop.name AS property_name, prop.wikidata_pid AS property_pid,
           value_entity.name AS value_entity_name, value_entity.external_id AS value_entity_qid
    FROM evidence e
    JOIN fact f ON f.id = e.fact_id
    JOIN source s ON s.id = e.source_id
    LEFT JOIN source_revision r
        ON e.anchor_state = 'orphaned' AND r.source_id = e.source_id AND r.number = e.confirmed_revision
    LEFT JOIN entity subject ON subject.id = f.subject_id
    LEFT JOIN property prop ON prop.id = f.property_id
    LEFT JOIN entity value_entity ON value_entity.id = f.value_entity_id
    WHERE {keeps}
    ORDER BY e.id
"""


def local_context_path() -> Path:
    return resources_dir() / "jsonld" / "anno.jsonld"


def write_web_annotations(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    with reading_fact_base(source) as conn, atomic_output(out) as handle:
        total, facts = conn.execute(text(
            f"SELECT count(*), count(DISTINCT r.fact_id) FROM evidence r WHERE {scope.keeps('evidence', 'r')}")).one()
        progress.start(total)
        progress.stage("Writing annotations")
        # Stable ids: the same fact base exported in the same scope names its collection and page
        # the same, so a reader can tell a re-export of a collection from another collection.
        identifiers = Identifiers.of(conn)
        collection_id = identifiers.iri(f"annotation-collection:{scope.name}")
        page_id = identifiers.iri(f"annotation-page:{scope.name}:0")
        opening = {
            "@context": CONTEXT,
            "id": collection_id,
            "type": "AnnotationCollection",
            "label": "Evidence for sourced facts on Kazakhstan–EU relations",
            "generator": {"type": "Software", "name": GENERATOR},
            "total": total,
            "last": page_id,  # one page holds every annotation
        }
        # The page is streamed: its items are written one by one between the two halves of the JSON.
        handle.write(json.dumps(opening, ensure_ascii=False, indent=1)[:-2])
        handle.write(f',\n "first": {{"id": {_encode(page_id)}, "type": "AnnotationPage", '
                     f'"partOf": {_encode(collection_id)}, "startIndex": 0, "items": [\n')
        written = 0
        property_iris = {r.id: wikidata_iri(r.wikidata_pid) for r in conn.execute(text(
            "SELECT id, wikidata_pid FROM property WHERE wikidata_pid IS NOT NULL"))}
        annotations = AnnotationBuilder(qualifiers_in_scope(conn, scope), property_iris)
        separator = ""
        for row in _rows(conn, scope):
            handle.write(separator + _encode(annotations.annotation(row)))
            separator = ",\n"
            written += 1
            progress.advance()
        handle.write("\n ]}\n}\n")
    progress.finish()
    counts = {"evidence": written, "fact": facts}
    return ExportResult((out,), counts, f"Exported {written:,} annotations of evidence spans to “{out.name}”.")


def _rows(conn: Connection, scope: ExportScope) -> Iterator[dict]:
    # The driver's own cursor, inside the same read transaction: plain tuples, no Row objects.
    rows = engine_of(conn).fast_rows(conn, _EVIDENCE.format(keeps=scope.keeps("evidence", "e")))
    yield from rows.dicts(_ROWS_PER_FETCH)


# uuid5 keeps the two high bits of the 17th hex digit as the RFC 4122 variant, 10.
_VARIANT_DIGIT = {f"{value:x}": f"{value & 0x3 | 0x8:x}" for value in range(16)}


def stable_iri(name: str) -> str:
    """`urn:uuid:` + uuid.uuid5(_ID_NAMESPACE, name), with the namespace hashed once, not per call."""
    digest = _NAMESPACE_HASH.copy()
    digest.update(name.encode("utf-8"))
    h = digest.hexdigest()
    # The 13th hex digit is the version (5), the 17th carries the variant.
    return f"urn:uuid:{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT_DIGIT[h[16]]}{h[17:20]}-{h[20:32]}"


def fact_iri(row: dict) -> str:
    return stable_iri(f"fact:{row['fact_created_at']}:{row['fact_created_by']}:{row['fact_id']}")


def source_iri(row: dict) -> str:
    """The resource the span's offsets count in: the source's URL, or else the hash of the text,
    which for orphaned evidence is its own revision's text."""
    return row["url"] or f"urn:sha256:{_counted_text_sha256(row)}"


def _counted_text_sha256(row: dict) -> str:
    if row["anchor_state"] == _ORPHANED and row["revision_sha256"] is not None:
        return row["revision_sha256"]
    return row["text_sha256"]


class _StatementTexts:
    """Statements for people, with the formatting of values and dates remembered: a fact base
    states the same amounts, years and dates over and over, and formatting one is most of the
    cost of an annotation. Bounded, so memory stays flat however many distinct values there are."""

    _REMEMBERED = 50_000

    def __init__(self) -> None:
        self._values: dict[tuple, str] = {}
        self._dates: dict[str, str] = {}

    def statement(self, row: dict, qualifiers: Sequence[Qualifier] = ()) -> str:
        """'Kazakhstan · investment inflow: more than US$8 billion (January 2022 – September 2022)',
        'Kazakhstan · share of foreign trade: 21.4% (2023; partner: China)'."""
        subject = row["subject_name"] or "(no subject)"
        prop = row["property_name"] or "(no property)"
        narrowing = "; ".join(filter(None, [self._scope_text(row), *(q.label for q in qualifiers)]))
        return f"{subject} · {prop}: {self._value_text(row)}" + (f" ({narrowing})" if narrowing else "")

    def _value_text(self, row: dict) -> str:
        key = (row["value_kind"], row["value_amount"], row["value_lower"], row["value_upper"],
               row["value_approximate"], row["value_unit"], row["value_date"], row["value_date_end"], row["value_entity_id"],
               row["value_text"], row["value_entity_name"])
        shown = self._values.get(key)
        if shown is None:
            name = row["value_entity_name"] or ""
            shown = format_value(TypedValue.from_columns(row), entity_name=lambda _id: name)
            if len(self._values) >= self._REMEMBERED:
                self._values.clear()
            self._values[key] = shown
        return shown

    def _date(self, iso: str) -> str:
        shown = self._dates.get(iso)
        if shown is None:
            shown = format_date(iso)
            if len(self._dates) >= self._REMEMBERED:
                self._dates.clear()
            self._dates[iso] = shown
        return shown

    def _scope_text(self, row: dict) -> str:
        if row["point_in_time"]:
            return self._date(row["point_in_time"])
        if row["start_time"] or row["end_time"]:
            start = self._date(row["start_time"]) if row["start_time"] else "…"
            end = self._date(row["end_time"]) if row["end_time"] else "…"
            return f"{start} – {end}"
        return ""


# The fact node's terms in their order, with the columns they come from; null ones are left out.
_FACT_TERMS = (
    ("kzeu:subject", "subject_name"), ("kzeu:property", "property_key"), ("kzeu:valueKind", "value_kind"),
    ("kzeu:amount", "value_amount"), ("kzeu:lowerBound", "value_lower"), ("kzeu:upperBound", "value_upper"),
    ("kzeu:approximate", "value_approximate"), ("kzeu:unit", "value_unit"), ("kzeu:date", "value_date"),
    ("kzeu:dateEnd", "value_date_end"),
    ("kzeu:valueEntity", "value_entity_name"), ("kzeu:text", "value_text"), ("kzeu:pointInTime", "point_in_time"),
    ("kzeu:startTime", "start_time"), ("kzeu:endTime", "end_time"), ("kzeu:scopeNote", "scope_note"),
    ("kzeu:status", "status"), ("kzeu:rank", "rank"),
)


class AnnotationBuilder:
    """Annotations row by row. A fact's own part (its IRI, statement and body) is built once for
    consecutive rows of the same fact: evidence a curator adds together has consecutive ids."""

    def __init__(self, qualifiers: Mapping[int, list[Qualifier]] | None = None,
                 property_iris: Mapping[int, str | None] | None = None) -> None:
        self._statements = _StatementTexts()
        self._qualifiers = qualifiers or {}
        self._property_iris = property_iris or {}  # Wikidata's IRIs of mapped properties, for qualifiers
        self._citations: dict[int, str] = {}
        self._creators: dict[str, dict] = {}
        self._fact_id: int | None = None
        self._fact_parts: tuple[str, list[object]] = ("", [])

    def annotation(self, row: dict) -> dict:
        fact_id, body = self._fact_part(row)
        span_key = f"evidence:{fact_id}:{_counted_text_sha256(row)}:{row['start']}:{row['end']}"
        quote_selector = {"type": "TextQuoteSelector", "exact": row["quote"]}
        if row["prefix"]:
            quote_selector["prefix"] = row["prefix"]
        if row["suffix"]:
            quote_selector["suffix"] = row["suffix"]
        return {
            "id": stable_iri(span_key),
            "type": "Annotation",
            "motivation": "describing",
            "created": row["created_at"],
            "modified": max(row["created_at"], row["fact_updated_at"]),
            "creator": self._creator(row["created_by"]),
            "body": body,
            "target": _target(row, quote_selector, self._citation(row)),
        }

    def _creator(self, actor: str) -> dict:
        """The curator by the name they work under (the app knows no other): `name` for readers
        that want a name, `nickname` as the Web Annotation model has it for account names."""
        creator = self._creators.get(actor)
        if creator is None:
            creator = self._creators[actor] = {"type": "Person", "name": actor, "nickname": actor}
        return creator

    def _citation(self, row: dict) -> str:
        cited = self._citations.get(row["source_id"])
        if cited is None:
            cited = Citation(row["source_title"], row["source_publisher"], row["source_author"],
                             row["source_published"], row["url"], row["source_file_name"]).full
            if len(self._citations) >= _StatementTexts._REMEMBERED:
                self._citations.clear()
            self._citations[row["source_id"]] = cited
        return cited

    def _fact_part(self, row: dict) -> tuple[str, list[object]]:
        if row["fact_id"] == self._fact_id:
            return self._fact_parts
        qualifiers = self._qualifiers.get(row["fact_id"], [])
        statement = self._statements.statement(row, qualifiers)
        fact_id = fact_iri(row)
        fact_node: dict[str, object] = {"id": fact_id, "type": "kzeu:Fact", "label": statement}
        fact_node.update({term: row[column] for term, column in _FACT_TERMS if row[column] is not None})
        # Wikidata's IRIs where the curator mapped the subject, property or entity value.
        for term, column in (("kzeu:subjectItem", "subject_qid"), ("kzeu:wikidataProperty", "property_pid"),
                             ("kzeu:valueItem", "value_entity_qid")):
            iri = wikidata_iri(row[column])
            if iri:
                fact_node[term] = iri
        fact_node["kzeu:approximate"] = bool(row["value_approximate"])  # stored as 0/1; never null
        if qualifiers:
            fact_node["kzeu:qualifiers"] = [_qualifier_node(q, self._property_iris.get(q.property_id))
                                            for q in qualifiers]
        body = [
            {"type": "TextualBody", "purpose": "describing", "format": "text/plain", "language": "en",
             "value": statement},
            fact_node,
        ]
        self._fact_id, self._fact_parts = row["fact_id"], (fact_id, body)
        return self._fact_parts


# A qualifier's value terms, as a fact node's (null ones left out).
_QUALIFIER_VALUE_TERMS = (
    ("kzeu:amount", "amount"), ("kzeu:lowerBound", "lower"), ("kzeu:upperBound", "upper"), ("kzeu:unit", "unit"),
    ("kzeu:date", "date"), ("kzeu:dateEnd", "date_end"), ("kzeu:text", "text"),
)


def _qualifier_node(qualifier: Qualifier, property_iri: str | None = None) -> dict:
    """One qualifier of a fact: its property's key (and Wikidata IRI when mapped), its value's kind
    and fields, and its label."""
    value = qualifier.value
    node: dict[str, object] = {"kzeu:property": qualifier.property_key, "kzeu:valueKind": value.kind.value}
    if property_iri:
        node["kzeu:wikidataProperty"] = property_iri
    node.update({term: getattr(value, field) for term, field in _QUALIFIER_VALUE_TERMS
                 if getattr(value, field) is not None})
    if value.kind is ValueKind.ENTITY:
        node["kzeu:valueEntity"] = qualifier.shown
    if value.approximate:
        node["kzeu:approximate"] = True
    node["label"] = qualifier.label
    return node



def _target(row: dict, quote_selector: dict, citation: str) -> dict:
    target = {"type": "SpecificResource", "source": source_iri(row), "kzeu:sourceTitle": row["source_title"]}
    # The source as a reference, from its details; each detail also on its own.
    target["kzeu:citation"] = citation
    for term, column in (("kzeu:publisher", "source_publisher"), ("kzeu:author", "source_author"),
                         ("kzeu:published", "source_published")):
        if row[column]:
            target[term] = row[column]
    state = row["anchor_state"]
    if state != _EXACT:
        target["kzeu:anchorState"] = state
        if row["anchor_score"] is not None:
            target["kzeu:anchorScore"] = row["anchor_score"]
        if row["number_changed"]:
            target["kzeu:numberChanged"] = True
    if state == _ORPHANED and row["revision_sha256"] is not None:
        # The selectors count in this revision's text, which the source was from its import until
        # the next revision replaced it.
        target["kzeu:revision"] = row["confirmed_revision"]
        time_state = {"type": "TimeState", "sourceDateStart": row["revision_imported_at"],
                      "sourceDateEnd": row["revision_superseded_at"]}
        if row["url"]:
            time_state["cached"] = f"urn:sha256:{row['revision_sha256']}"
        target["state"] = time_state
    if row["first_page"] is not None:
        # The page(s) of the document the span is printed on (sources read from PDF files).
        target["kzeu:page"] = row["first_page"]
        if row["last_page"] != row["first_page"]:
            target["kzeu:pageEnd"] = row["last_page"]
    target["selector"] = [quote_selector]
    if state != _ORPHANED or row["revision_sha256"] is not None:
        # An orphan whose revision is missing (a damaged fact base) has no text to give a position in.
        target["selector"].append({"type": "TextPositionSelector", "start": row["start"], "end": row["end"]})
    return target
