"""The `csv` export: one row per fact and piece of evidence, the shape researchers load into a
spreadsheet, pandas or R, with its description beside it.

A fact with three pieces of evidence has three rows that repeat the fact's columns; a fact with
none has one row with empty evidence columns. Two descriptions of the same columns are written
beside the CSV: `NAME.datapackage.json` (a Frictionless Data Package with one resource and its
Table Schema, which frictionless validates) and `NAME.csv-metadata.json` (W3C CSV on the Web
metadata, the name CSVW processors look for beside a CSV). Text cells are protected against
spreadsheet formulas as in the data package (an apostrophe before a leading =, +, -, @), numbers
are plain numbers, dates keep their precision (YYYY, YYYY-MM or YYYY-MM-DD).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from kzeu_desk.core.citation import Citation
from kzeu_desk.core.export.common import qualifiers_in_scope, GENERATOR, ExportResult, Progress, atomic_output, plural, reading_fact_base
from kzeu_desk.core.export.datapackage import PACKAGE_PROFILE, RESOURCE_PROFILE, SCHEMA_PROFILE, csv_cell
from kzeu_desk.core.export.identity import valid_item, valid_property
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.locations import Location
from kzeu_desk.core.pages import EVIDENCE_PAGE_SQL
from kzeu_desk.core.qualifiers import Qualifier
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_value

_DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
_ROWS_PER_FETCH = 1_000


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean
    title: str
    description: str
    date: bool = False  # an ISO date truncated to its precision


COLUMNS: tuple[Column, ...] = (
    Column("fact_id", "integer", "Fact", "The fact's id in the fact base."),
    Column("subject", "string", "Subject", "The entity the fact is about."),
    Column("subject_wikidata", "string", "Subject Wikidata id", "The subject's Wikidata item (Q123), where mapped."),
    Column("property", "string", "Property", "The property's key."),
    Column("property_name", "string", "Property name", "The property as curators name it."),
    Column("property_wikidata", "string", "Property Wikidata id", "The property's Wikidata property (P123), where mapped."),
    Column("value", "string", "Value", "The value as the app shows it (\"more than US$8 billion\")."),
    Column("value_kind", "string", "Value kind", "date, date_range, money, percent, count, quantity, entity or text."),
    Column("amount", "number", "Amount", "The stated amount of a numeric value."),
    Column("lower_bound", "number", "Lower bound", "The lower bound (\"more than\")."),
    Column("upper_bound", "number", "Upper bound",
           "The upper bound (\"up to\"; with the amount equal to it, \"almost\")."),
    Column("approximate", "boolean", "Approximate", "Whether the source gives the value approximately."),
    Column("unit", "string", "Unit", "The unit (ISO 4217 currency, %, or the curator's)."),
    Column("date", "string", "Date", "A date value (a date range's first date).", date=True),
    Column("date_end", "string", "Date end", "A date range's last date.", date=True),
    Column("value_entity", "string", "Value entity", "An entity value's name."),
    Column("value_entity_wikidata", "string", "Value entity Wikidata id", "An entity value's Wikidata item."),
    Column("value_text", "string", "Text value", "A text value."),
    Column("point_in_time", "string", "Point in time", "When the fact holds.", date=True),
    Column("start_time", "string", "Start time", "From when the fact holds.", date=True),
    Column("end_time", "string", "End time", "Until when the fact holds.", date=True),
    Column("qualifiers", "string", "Qualifiers", "The fact's other qualifiers: \"partner: China; method: customs\"."),
    Column("scope_note", "string", "Scope note", "The curator's note on what the fact covers."),
    Column("status", "string", "Status", "draft, confirmed or rejected."),
    Column("rank", "string", "Rank", "preferred, normal or deprecated (as in Wikibase)."),
    Column("evidence_id", "integer", "Evidence", "The piece of evidence's id; empty for a fact without evidence."),
    Column("quote", "string", "Quote", "The quoted span of the source."),
    Column("source_title", "string", "Source title", "The source's title."),
    Column("publisher", "string", "Publisher", "Who published the source."),
    Column("author", "string", "Author", "Who wrote the source."),
    Column("url", "string", "URL", "The source's address."),
    Column("published", "string", "Publication date", "When the source was published.", date=True),
    Column("citation", "string", "Citation", "The source as a full reference."),
    Column("page", "integer", "Page", "The page the quote starts on (sources read from paged documents)."),
    Column("anchor_state", "string", "Anchor state",
           "How the quote was found in the source's current text: exact, moved, fuzzy (approximately) or orphaned."),
    Column("anchor_score", "number", "Anchor score", "How closely a fuzzy match agrees with the quote (0–1)."),
)
# A row is written in parts (_RowCells): the fact's columns, the evidence's id and quote, the source's, and
# the evidence's page and anchor (tests/test_export_consumers.py checks the parts make up COLUMNS).
_FACT_COLUMNS = tuple(c.name for c in COLUMNS[:COLUMNS.index(next(c for c in COLUMNS if c.name == "evidence_id"))])
_SOURCE_COLUMNS = ("source_title", "publisher", "author", "url", "published", "citation")
_KIND = {c.name: c.type for c in COLUMNS}
_FACT_KINDS = tuple(_KIND[name] for name in _FACT_COLUMNS)
_SOURCE_KINDS = tuple(_KIND[name] for name in _SOURCE_COLUMNS)
_NO_SOURCE = "," * (len(_SOURCE_COLUMNS) - 1)
_ENUMS = {"status": ["draft", "confirmed", "rejected"], "rank": ["preferred", "normal", "deprecated"],
          "anchor_state": ["exact", "moved", "fuzzy", "orphaned"]}

_ROWS = """
    SELECT f.id AS fact_id, e.id AS evidence_id, subject.name AS subject, subject.external_id AS subject_qid,
           prop.key AS property, prop.name AS property_name, prop.wikidata_pid AS property_pid,
           f.value_kind, f.value_amount, f.value_lower, f.value_upper, f.value_approximate, f.value_unit,
           f.value_date, f.value_date_end, f.value_entity_id, f.value_text,
           value_entity.name AS value_entity_name, value_entity.external_id AS value_entity_qid,
           f.point_in_time, f.start_time, f.end_time, f.scope_note, f.status, f.rank,
           e.quote, e.anchor_state, e.anchor_score, """ + EVIDENCE_PAGE_SQL + """ AS page,
           s.id AS source_id, s.title AS source_title, s.publisher, s.author, s.url, s.published, s.file_name
    FROM fact f
    LEFT JOIN evidence e ON e.fact_id = f.id
    LEFT JOIN source s ON s.id = e.source_id
    LEFT JOIN entity subject ON subject.id = f.subject_id
    LEFT JOIN property prop ON prop.id = f.property_id
    LEFT JOIN entity value_entity ON value_entity.id = f.value_entity_id
    WHERE {keeps}
    ORDER BY f.id, e.id
"""


def description_paths(out: Path) -> tuple[Path, Path]:
    """The Data Package and CSVW descriptions written beside `out`."""
    return out.with_name(f"{out.stem}.datapackage.json"), out.with_name(f"{out.name}-metadata.json")


def write_facts_csv(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    package_path, csvw_path = description_paths(out)
    with reading_fact_base(source) as conn, atomic_output(out) as handle:
        total = conn.execute(text(f"SELECT count(*) FROM fact r WHERE {scope.keeps('fact', 'r')}")).scalar_one()
        progress.start(total)
        progress.stage("Writing facts")
        qualifiers = qualifiers_in_scope(conn, scope)
        handle.write(",".join(c.name for c in COLUMNS) + "\r\n")
        rows, facts = 0, 0
        cells = _RowCells(qualifiers)
        fast = engine_of(conn).fast_rows(conn, _ROWS.format(keeps=scope.keeps("fact", "f")))
        for row in fast.dicts(_ROWS_PER_FETCH):
            fact_part, new_fact = cells.fact_part(row)
            quoted, found = _evidence_parts(row)
            handle.write(f"{fact_part},{quoted},{cells.source_part(row)},{found}\r\n")
            rows += 1
            if new_fact:
                facts += 1
                progress.advance()
    with atomic_output(package_path) as handle:
        json.dump(package_descriptor(out.name, scope), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    with atomic_output(csvw_path) as handle:
        json.dump(csvw_metadata(out.name), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    progress.finish()
    summary = (f"Exported {plural(facts, 'fact')} in {plural(rows, 'row')} to “{out.name}”, "
               f"described in “{package_path.name}” and “{csvw_path.name}”.")
    return ExportResult((out, package_path, csvw_path), {"fact": facts, "row": rows}, summary)



class _RowCells:
    """A row's cells in three parts: the fact's (the same for each of its pieces of evidence, so
    encoded once per fact), the source's (once per source) and the evidence's own."""

    _REMEMBERED = 50_000  # sources remembered, so memory stays flat on any fact base

    def __init__(self, qualifiers: dict[int, list[Qualifier]]):
        self._qualifiers = qualifiers
        self._fact_id: int | None = None
        self._fact_part = ""
        self._sources: dict[int, str] = {}

    def fact_part(self, row: dict) -> tuple[str, bool]:
        if row["fact_id"] == self._fact_id:
            return self._fact_part, False
        try:
            shown = format_value(TypedValue.from_columns(row), entity_name=lambda _id: row["value_entity_name"] or "")
        except ValueError:  # a malformed value from another tool: the columns still say what is stored
            shown = ""
        qualifiers = self._qualifiers.get(row["fact_id"], [])
        values = (
            row["fact_id"], row["subject"], valid_item(row["subject_qid"]), row["property"], row["property_name"],
            valid_property(row["property_pid"]), shown, row["value_kind"], row["value_amount"], row["value_lower"],
            row["value_upper"], bool(row["value_approximate"]), row["value_unit"], row["value_date"],
            row["value_date_end"], row["value_entity_name"], valid_item(row["value_entity_qid"]), row["value_text"],
            row["point_in_time"], row["start_time"], row["end_time"],
            "; ".join(q.label for q in qualifiers) or None, row["scope_note"], row["status"], row["rank"],
        )
        self._fact_id, self._fact_part = row["fact_id"], _joined(values, _FACT_KINDS)
        return self._fact_part, True

    def source_part(self, row: dict) -> str:
        source_id = row["source_id"]
        if source_id is None:
            return _NO_SOURCE
        known = self._sources.get(source_id)
        if known is None:
            citation = Citation(row["source_title"], row["publisher"], row["author"], row["published"], row["url"],
                                row["file_name"]).full
            values = (row["source_title"], row["publisher"], row["author"], row["url"], row["published"], citation)
            if len(self._sources) >= self._REMEMBERED:
                self._sources.clear()
            known = self._sources[source_id] = _joined(values, _SOURCE_KINDS)
        return known


def _evidence_parts(row: dict) -> tuple[str, str]:
    """The evidence's cells before its source's (id, quote) and after them (page, anchor state, score)."""
    return (f'{csv_cell(row["evidence_id"], "integer")},{csv_cell(row["quote"], "string")}',
            f'{csv_cell(row["page"], "integer")},{csv_cell(row["anchor_state"], "string")},'
            f'{csv_cell(row["anchor_score"], "number")}')


def _joined(values: tuple, kinds: tuple[str, ...]) -> str:
    return ",".join(csv_cell(value, kind) for value, kind in zip(values, kinds, strict=True))


def _constraints(column: Column) -> dict:
    constraints: dict = {}
    if column.name in ("fact_id", "value_kind", "status", "rank", "approximate"):
        constraints["required"] = True
    if column.date:
        constraints["pattern"] = _DATE_PATTERN
    if column.name in _ENUMS:
        constraints["enum"] = _ENUMS[column.name]
    return constraints


def package_descriptor(csv_name: str, scope: ExportScope) -> dict:
    fields = []
    for column in COLUMNS:
        field: dict[str, object] = {"name": column.name, "title": column.title, "type": column.type,
                                    "description": column.description}
        if constraints := _constraints(column):
            field["constraints"] = constraints
        fields.append(field)
    return {
        "$schema": PACKAGE_PROFILE,
        "name": "kzeu-desk-facts-csv",
        "title": "Kazakhstan–EU relations: sourced facts, one row per fact and piece of evidence",
        "description": "Facts curated with kzeu_desk" + (
            " (confirmed facts only)." if scope.only_confirmed else " (all facts, with status and rank)."),
        "sources": [{"title": GENERATOR}],
        "resources": [{
            "$schema": RESOURCE_PROFILE, "name": "facts", "path": csv_name, "type": "table", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"$schema": SCHEMA_PROFILE, "fields": fields},
        }],
    }


_CSVW_DATATYPES = {"string": "string", "integer": "integer", "number": "double", "boolean": "boolean"}


def csvw_metadata(csv_name: str) -> dict:
    """CSV on the Web table metadata (W3C Recommendation, 2015) for the same columns."""
    columns = []
    for column in COLUMNS:
        described: dict = {"name": column.name, "titles": column.name, "dc:title": column.title,
                           "dc:description": column.description}
        datatype: dict[str, str] | str = _CSVW_DATATYPES[column.type]
        if column.date:
            datatype = {"base": "string", "format": _DATE_PATTERN}
        if column.type == "boolean":
            datatype = {"base": "boolean", "format": "true|false"}
        described["datatype"] = datatype
        if column.name in ("fact_id", "value_kind", "status", "rank", "approximate"):
            described["required"] = True
        columns.append(described)
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": csv_name,
        "dc:title": "Kazakhstan–EU relations: sourced facts",
        "dc:creator": GENERATOR,
        "dialect": {"encoding": "utf-8", "lineTerminators": ["\r\n"], "doubleQuote": True, "header": True},
        "tableSchema": {"columns": columns},
    }
