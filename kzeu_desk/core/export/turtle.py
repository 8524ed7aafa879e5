"""The `turtle` export: the fact base as RDF (Turtle), for triple stores, SPARQL and SHACL.

Entities with a Wikidata Q-id are named by Wikidata's IRI (`wd:Q232`), properties with a P-id are
linked to Wikidata's property (`kzeu:wikidataProperty wd:P1082`); everything else is named by a
stable `urn:uuid:` (the same fact base exported twice names things alike) and described in the
kzeu vocabulary (docs/vocabulary.md). Facts carry their value's fields, qualifiers, status and
rank; evidence its quote, offsets, source and anchor state; links and conflicts (with how they were
settled) are resources of their own. Sources' full texts are never part of it: the quotes and
citations are. resources/shapes/kzeu-facts.shacl.ttl is a SHACL shape of what is written here.

The Turtle is written line by line (no RDF library is needed at run time); every literal is
escaped as Turtle's STRING_LITERAL_QUOTE requires, and IRIs are only ones built here (urn:uuid,
Wikidata) or a source's URL checked to hold no character an IRI may not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, text

from kzeu_desk.core.citation import Citation
from kzeu_desk.core.export import vocabulary
from kzeu_desk.core.export.common import qualifiers_in_scope, GENERATOR, ExportResult, Progress, atomic_output, plural, reading_fact_base
from kzeu_desk.core.export.identity import Identifiers, valid_item, valid_property
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.locations import Location
from kzeu_desk.core.qualifiers import Qualifier
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.typed_value import ValueKind

WIKIDATA = "http://www.wikidata.org/entity/"
_ROWS_PER_FETCH = 1_000
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)

PREFIXES = (
    ("kzeu", vocabulary.NAMESPACE), ("wd", WIKIDATA), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"), ("dcterms", "http://purl.org/dc/terms/"),
)


def shape_path() -> Path:
    from kzeu_desk.paths import resources_dir

    return resources_dir() / "shapes" / "kzeu-facts.shacl.ttl"


def literal(value: object) -> str:
    """A Turtle literal: strings quoted and escaped, numbers and booleans typed."""
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPE_TABLE) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f'"{value!r}"^^xsd:double'
    return '"' + str(value).translate(_ESCAPE_TABLE) + '"'


def iri(value: str) -> str:
    return f"<{value}>"


def safe_iri(value: str | None) -> str | None:
    """`value` as an IRI, or None when it is not one Turtle can hold as it is."""
    if not value or _IRI_FORBIDDEN.search(value) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        return None
    return iri(value)


class _Names:
    def __init__(self, conn: Connection):
        self.ids = Identifiers.of(conn)
        self.entities = {r.id: (r.name, r.kind, valid_item(r.external_id)) for r in conn.execute(text(
            "SELECT id, name, kind, external_id FROM entity"))}
        self.properties = {r.id: (r.key, r.name, valid_property(r.wikidata_pid)) for r in conn.execute(text(
            "SELECT id, key, name, wikidata_pid FROM property"))}

    def entity(self, entity_id: int) -> str:
        item = self.entities[entity_id][2]
        return f"wd:{item}" if item else iri(self.ids.iri(f"entity:{entity_id}"))

    def of(self, kind: str, row_id: int) -> str:
        return iri(self.ids.iri(f"{kind}:{row_id}"))


def _statement(subject: str, pairs: list[tuple[str, str | None]]) -> str:
    kept = [(p, o) for p, o in pairs if o is not None]
    body = " ;\n    ".join(f"{p} {o}" for p, o in kept)
    return f"{subject} {body} .\n"


def write_turtle(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    with reading_fact_base(source) as conn, atomic_output(out) as handle:
        total = conn.execute(text(f"SELECT count(*) FROM fact r WHERE {scope.keeps('fact', 'r')}")).scalar_one()
        progress.start(total)
        names = _Names(conn)
        for prefix, namespace in PREFIXES:
            handle.write(f"@prefix {prefix}: <{namespace}> .\n")
        handle.write(f"\n# Written by {GENERATOR}; the kzeu terms are described in docs/vocabulary.md.\n\n")
        progress.stage("Writing vocabulary")
        _write_vocabulary(handle, names)
        _write_sources(conn, handle, names)
        progress.stage("Writing facts")
        qualifiers = qualifiers_in_scope(conn, scope)
        facts = 0
        for row in _rows(conn, f"SELECT * FROM fact f WHERE {scope.keeps('fact', 'f')} ORDER BY f.id"):
            handle.write(_fact(row, names, qualifiers.get(row["id"], [])))
            facts += 1
            progress.advance()
        evidence = 0
        for row in _rows(conn, "SELECT e.id, e.fact_id, e.source_id, e.quote, e.start, e.\"end\", e.anchor_state, "
                               f"e.anchor_score, e.confirmed_revision FROM evidence e WHERE {scope.keeps('evidence', 'e')} "
                               "ORDER BY e.id"):
            handle.write(_statement(names.of("evidence", row["id"]), [
                ("a", "kzeu:Evidence"), ("kzeu:evidenceOf", names.of("fact", row["fact_id"])),
                ("kzeu:inSource", names.of("source", row["source_id"])), ("kzeu:quote", literal(row["quote"])),
                ("kzeu:start", literal(row["start"])), ("kzeu:end", literal(row["end"])),
                ("kzeu:anchorState", literal(row["anchor_state"])),
                ("kzeu:anchorScore", None if row["anchor_score"] is None else literal(float(row["anchor_score"]))),
                ("kzeu:revision", literal(row["confirmed_revision"])),
            ]))
            evidence += 1
        links = 0
        for row in _rows(conn, f"SELECT * FROM fact_link l WHERE {scope.keeps('fact_link', 'l')} ORDER BY l.id"):
            handle.write(_statement(names.of("link", row["id"]), [
                ("a", "kzeu:Link"), ("kzeu:fromFact", names.of("fact", row["from_fact_id"])),
                ("kzeu:toFact", names.of("fact", row["to_fact_id"])), ("kzeu:linkKind", literal(row["kind"])),
                ("kzeu:note", literal(row["note"]) if row["note"] else None),
                ("dcterms:created", _date_time(row["created_at"])), ("dcterms:creator", literal(row["created_by"])),
            ]))
            links += 1
        conflicts = _write_conflicts(conn, handle, names, scope)
    progress.finish()
    counts = {"fact": facts, "evidence": evidence, "link": links, "conflict": conflicts}
    summary = (f"Exported {plural(facts, 'fact')}, {plural(evidence, 'evidence span')}, {plural(links, 'link')} and "
               f"{plural(conflicts, 'conflict')} as RDF to “{out.name}”.")
    return ExportResult((out,), counts, summary)


def _rows(conn: Connection, sql: str) -> Iterator[dict]:
    yield from engine_of(conn).fast_rows(conn, sql).dicts(_ROWS_PER_FETCH)



def _date_time(value: str | None) -> str | None:
    return None if not value else f"{literal(value)}^^xsd:dateTime"


def _write_vocabulary(handle: IO[str], names: _Names) -> None:
    for entity_id, (name, kind, _item) in sorted(names.entities.items()):
        handle.write(_statement(names.entity(entity_id), [
            ("a", "kzeu:Entity"), ("rdfs:label", literal(name)), ("kzeu:entityKind", literal(kind))]))
    for property_id, (key, name, pid) in sorted(names.properties.items()):
        handle.write(_statement(names.of("property", property_id), [
            ("a", "kzeu:Property"), ("rdfs:label", literal(name)), ("kzeu:property", literal(key)),
            ("kzeu:wikidataProperty", f"wd:{pid}" if pid else None)]))


def _write_sources(conn: Connection, handle: IO[str], names: _Names) -> None:
    for row in _rows(conn, "SELECT id, title, publisher, author, url, published, file_name FROM source ORDER BY id"):
        citation = Citation(row["title"], row["publisher"], row["author"], row["published"], row["url"],
                            row["file_name"]).full
        handle.write(_statement(names.of("source", row["id"]), [
            ("a", "kzeu:Source"), ("kzeu:sourceTitle", literal(row["title"])),
            ("kzeu:publisher", literal(row["publisher"]) if row["publisher"] else None),
            ("kzeu:author", literal(row["author"]) if row["author"] else None),
            ("kzeu:published", literal(row["published"]) if row["published"] else None),
            ("kzeu:url", safe_iri(row["url"])), ("kzeu:citation", literal(citation)),
        ]))


_VALUE_TERMS = (("kzeu:amount", "value_amount"), ("kzeu:lowerBound", "value_lower"),
                ("kzeu:upperBound", "value_upper"), ("kzeu:unit", "value_unit"), ("kzeu:date", "value_date"),
                ("kzeu:dateEnd", "value_date_end"), ("kzeu:text", "value_text"))


def _fact(row: Mapping, names: _Names, qualifiers: list[Qualifier]) -> str:
    pairs: list[tuple[str, str | None]] = [("a", "kzeu:Fact")]
    if row["subject_id"] is not None:
        pairs += [("kzeu:subjectEntity", names.entity(row["subject_id"])),
                  ("kzeu:subject", literal(names.entities[row["subject_id"]][0]))]
        item = names.entities[row["subject_id"]][2]
        pairs.append(("kzeu:subjectItem", f"wd:{item}" if item else None))
    if row["property_id"] is not None:
        key, _name, pid = names.properties[row["property_id"]]
        pairs += [("kzeu:property", literal(key)), ("kzeu:wikidataProperty", f"wd:{pid}" if pid else None)]
    pairs.append(("kzeu:valueKind", literal(row["value_kind"])))
    pairs += [(term, literal(_number(row[column], term))) for term, column in _VALUE_TERMS if row[column] is not None]
    pairs.append(("kzeu:approximate", literal(bool(row["value_approximate"]))))
    if row["value_kind"] == ValueKind.ENTITY.value and row["value_entity_id"] is not None:
        pairs += [("kzeu:valueEntity", literal(names.entities[row["value_entity_id"]][0])),
                  ("kzeu:valueItem", names.entity(row["value_entity_id"]))]
    for term, column in (("kzeu:pointInTime", "point_in_time"), ("kzeu:startTime", "start_time"),
                         ("kzeu:endTime", "end_time"), ("kzeu:scopeNote", "scope_note")):
        if row[column]:
            pairs.append((term, literal(row[column])))
    pairs += [("kzeu:status", literal(row["status"])), ("kzeu:rank", literal(row["rank"])),
              ("dcterms:created", _date_time(row["created_at"])), ("dcterms:creator", literal(row["created_by"])),
              ("dcterms:modified", _date_time(row["updated_at"]))]
    for qualifier in qualifiers:
        pairs.append(("kzeu:qualifiers", _qualifier(qualifier, names)))
    return _statement(names.of("fact", row["id"]), pairs)


def _number(value: object, term: str) -> object:
    return float(value) if term in ("kzeu:amount", "kzeu:lowerBound", "kzeu:upperBound") else value  # type: ignore[arg-type]


def _qualifier(qualifier: Qualifier, names: _Names) -> str:
    value = qualifier.value
    _key, _name, pid = names.properties[qualifier.property_id]
    parts = ["a kzeu:Qualifier", f"kzeu:property {literal(qualifier.property_key)}",
             f"kzeu:valueKind {literal(value.kind.value)}", f"rdfs:label {literal(qualifier.label)}"]
    if pid:
        parts.append(f"kzeu:wikidataProperty wd:{pid}")
    for term, field in (("kzeu:amount", "amount"), ("kzeu:lowerBound", "lower"), ("kzeu:upperBound", "upper"),
                        ("kzeu:unit", "unit"), ("kzeu:date", "date"), ("kzeu:dateEnd", "date_end"),
                        ("kzeu:text", "text")):
        field_value = getattr(value, field)
        if field_value is not None:
            parts.append(f"{term} {literal(_number(field_value, term))}")
    if value.kind is ValueKind.ENTITY and value.entity_id is not None:
        parts += [f"kzeu:valueEntity {literal(qualifier.shown)}", f"kzeu:valueItem {names.entity(value.entity_id)}"]
    return "[ " + " ; ".join(parts) + " ]"


def _write_conflicts(conn: Connection, handle: IO[str], names: _Names, scope: ExportScope) -> int:
    members: dict[int, list[int]] = {}
    for row in _rows(conn, f"SELECT m.conflict_id, m.fact_id FROM conflict_member m "
                           f"WHERE {scope.keeps('conflict_member', 'm')} ORDER BY m.conflict_id, m.fact_id"):
        members.setdefault(row["conflict_id"], []).append(row["fact_id"])
    written = 0
    for row in _rows(conn, f"SELECT * FROM conflict c WHERE {scope.keeps('conflict', 'c')} ORDER BY c.id"):
        pairs: list[tuple[str, str | None]] = [
            ("a", "kzeu:Conflict"), ("kzeu:rule", literal(row["rule"])), ("kzeu:conflictStatus", literal(row["status"])),
            ("kzeu:explanation", literal(row["explanation"])),
            ("kzeu:resolution", literal(row["resolution"]) if row["resolution"] else None),
            ("kzeu:rationale", literal(row["rationale"]) if row["rationale"] else None),
            ("kzeu:resolvedBy", literal(row["resolved_by"]) if row["resolved_by"] else None),
            ("kzeu:resolvedAt", _date_time(row["resolved_at"])), ("dcterms:created", _date_time(row["created_at"])),
        ]
        pairs += [("kzeu:member", names.of("fact", fact_id)) for fact_id in members.get(row["id"], [])]
        handle.write(_statement(names.of("conflict", row["id"]), pairs))
        written += 1
    return written
