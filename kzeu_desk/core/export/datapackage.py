"""The `datapackage` export: a Frictionless Data Package v2 folder.

`datapackage.json` plus one CSV per table. The table schemas are made from the models' own
column definitions (types, required columns, primary and foreign keys), so they cannot drift from
the database. Empty cells mean null, as in the Table Schema default. The descriptor is written
last: a folder whose export failed half-way holds no descriptor claiming otherwise.

The descriptor, its resources and fields are built as dicts on purpose: they are the
`datapackage.json` being written (reads other code consumes return typed rows).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Boolean, Column, Connection, Float, Integer, Table, text

from kzeu_desk.core.locations import Location
from kzeu_desk.core.export.common import (
    GENERATOR,
    ExportResult,
    Progress,
    counted_summary,
    folders_made_for,
    fsync_directory,
    reading_fact_base,
)
from kzeu_desk.core.export.licenses import LICENSES
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.export.staging import discard, staging_path
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.recorder import table
from kzeu_desk.core.typed_value import ValueKind

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"

# Parents before children; the operation log and audit images stay in the lossless formats.
TABLES = ("source", "source_revision", "source_page", "entity", "entity_alias", "property", "property_separator", "fact",
          "fact_qualifier", "evidence", "fact_link", "conflict", "conflict_member")

_DESCRIPTIONS = {
    "source": "Imported documents, each with its current text; anchored evidence counts code points into `text`.",
    "source_revision": ("Earlier texts of sources, superseded when a corrected version was imported; a source's "
                        "current revision is numbered one more than its highest number here."),
    "source_page": ("Pages of sources read from paged files (PDF): page `number` of revision `revision` of a "
                    "source is its text from `start` to `end` (code points); `label` is the page number printed "
                    "in the document when it differs. An evidence span is on the page whose range holds its start."),
    "entity": "Things facts are about (countries, organisations, agreements).",
    "entity_alias": "Other names of entities.",
    "property": ("What a fact states about its subject, with the kind of value it takes, the units it allows, the "
                 "kind of subject it is stated about and whether it is deprecated."),
    "property_separator": ("Qualifiers whose values separate a single-valued property's values (Wikibase's "
                           "single-value constraint with separators): facts that differ in one are not compared."),
    "fact": ("One statement each: subject, property, typed value, point in time, start and end, status and rank; "
             "its other qualifiers are in fact_qualifier."),
    "fact_qualifier": ("A fact's other qualifiers: a qualifier property and a typed value in the same value_* "
                       "columns as a fact's (\"partner: China\")."),
    "evidence": ("The quoted span of a source that supports a fact (code point offsets into the text of revision "
                 "`confirmed_revision`: the source's current text, unless the evidence is orphaned)."),
    "fact_link": "Relations between facts (supports, contradicts, duplicate of, ...).",
    "conflict": "Disagreements between facts and how curators settled them.",
    "conflict_member": "The facts each conflict is about.",
}
_ISO_DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
_DATE_COLUMNS = frozenset({"value_date", "value_date_end", "point_in_time", "start_time", "end_time", "published"})
# Columns whose meaning the column definitions cannot say, by table and column.
_FIELD_NOTES: dict[tuple[str, str], tuple[str, dict[str, object]]] = {
    **{(table_name, "value_kind"): (
        "The kind of value: entity, date, date_range (value_date to value_date_end), quantity, count (a whole "
        "number; the unit names what is counted), money, percent or text.",
        {"enum": [kind.value for kind in ValueKind]}) for table_name in ("property", "fact", "fact_qualifier")},
    **{(table_name, "value_date_end"): ("The last day of a date range, truncated to its own precision.", {})
       for table_name in ("fact", "fact_qualifier")},
    ("property", "allowed_units"): ("The units a value may have, as a JSON array; empty: any unit.", {}),
    ("property", "subject_kind"): ("The kind of entity (entity.kind) the property is stated about; empty: any.", {}),
    ("property", "deprecated"): ("Kept for its facts, not offered for new ones.", {}),
}
_TIMESTAMP_COLUMNS = frozenset({"created_at", "updated_at", "imported_at", "resolved_at", "superseded_at"})
# What the evidence anchor columns mean: no foreign key can say it, because `confirmed_revision`
# names a source_revision row only for orphaned evidence (the others count in source.text).
_ANCHOR_FIELDS: dict[str, tuple[str, dict[str, object]]] = {
    "anchor_state": (
        ("How the span was found in the source's current revision: exact, moved (the quote alone, in changed "
         "surroundings), fuzzy (an approximate match, see anchor_score) or orphaned (not found: start, end and "
         "quote count in the earlier revision confirmed_revision, a row of source_revision)."),
        {"enum": [state.value for state in AnchorState]}),
    "anchor_score": ("How close a fuzzy match is, from 0 to 1; empty otherwise.", {"minimum": 0, "maximum": 1}),
    "confirmed_revision": ("The revision of the source the span counts in: the current one unless orphaned.",
                           {"minimum": 1}),
    "previous_revision": (("For a fuzzy match not yet accepted by a curator: the revision it was moved from, "
                           "with its span there (previous_start, previous_end)."), {}),
    "number_changed": (("True for a fuzzy match whose figures differ from those of the quote it was placed from "
                        "(a change of content a curator has not accepted yet); false otherwise."), {}),
}
_ROWS_PER_FETCH = 1_000
_MAY_BE_EMPTY = frozenset({("evidence", "prefix"), ("evidence", "suffix")})


def write_datapackage(source: Location, out: Path, scope: ExportScope, progress: Progress, *,
                      license: str | None = None) -> ExportResult:
    """Everything is written into a staging folder beside `out` first; only a complete package is
    moved into place, the descriptor last, so a failed export (a full disk, a kill) adds nothing."""
    out = out.resolve()
    with folders_made_for(out):
        staging = staging_path(out)
        staging.mkdir()
        try:
            counts = _write_package(source, staging, scope, progress, license)
            _move_into_place(staging, out)
        finally:
            discard(staging)
    progress.finish()
    paths = (out / "datapackage.json", *(out / f"{name}.csv" for name in TABLES))
    return ExportResult(paths, counts, counted_summary(counts, out))


def _write_package(source: Location, folder: Path, scope: ExportScope, progress: Progress,
                   license: str | None = None) -> dict[str, int]:
    with reading_fact_base(source) as conn:
        details = _PackageDetails.of(conn, license)
        counts = {name: _count(conn, name, scope) for name in TABLES}
        progress.start(sum(counts.values()))
        for name in TABLES:
            progress.stage(f"Writing {name}.csv")
            _write_csv(conn, table(name), scope, folder / f"{name}.csv", progress)
    with (folder / "datapackage.json").open("x", encoding="utf-8") as handle:
        json.dump(package_descriptor(scope, details), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    return counts


def _move_into_place(staging: Path, out: Path) -> None:
    """A new folder is renamed into place at once; into an existing one (which may hold other files)
    each file is renamed over its old version, the descriptor last."""
    if not out.exists():
        os.rename(staging, out)
        fsync_directory(out.parent)
        return
    names = [f"{name}.csv" for name in TABLES] + ["datapackage.json"]
    for name in names:
        os.replace(staging / name, out / name)
    fsync_directory(out)


def _count(conn: Connection, name: str, scope: ExportScope) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {name} r WHERE {scope.keeps(name, 'r')}")).scalar_one()


def _write_csv(conn: Connection, model: Table, scope: ExportScope, path: Path, progress: Progress) -> None:
    columns = list(model.columns)
    names = ", ".join(f'r."{c.name}"' for c in columns)
    result = conn.execute(text(
        f"SELECT {names} FROM {model.name} r WHERE {scope.keeps(model.name, 'r')} ORDER BY r.id"))
    kinds = [_field_type(c) for c in columns]
    if scope.without_texts and model.name in _TEXT_TABLES:
        kinds = ["left out" if c.name == "text" else kind for c, kind in zip(columns, kinds, strict=True)]
    with path.open("x", encoding="utf-8", newline="") as handle:
        handle.write(",".join(c.name for c in columns) + "\n")
        for partition in result.partitions(_ROWS_PER_FETCH):
            handle.writelines(",".join(csv_cell(value, kind) for value, kind in zip(row, kinds, strict=True)) + "\n"
                              for row in partition)
            progress.advance(len(partition))
        handle.flush()
        os.fsync(handle.fileno())


def csv_cell(value: object, kind: str) -> str:
    """One CSV cell of a Table Schema field of this kind (a column left out is empty)."""
    if value is None or kind == "left out":
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("integer", "number"):
        return repr(value) if isinstance(value, float) else str(value)
    return csv_text(str(value))


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), @SUM(...),
# +1+1, -2+3, or after a tab or line break). OWASP's advice for CSV injection, followed for every
# text cell: wrap it in double quotes, double the quotes inside, and put an apostrophe before such
# a first character, so the cell is read as text. An apostrophe that already starts a value gets
# one more, so the rule can be undone exactly: drop one leading apostrophe from any text cell that
# has one (docs/formats.md). Numbers are written as numbers; the JSON Lines export keeps every
# value as it is.
_FORMULA_STARTS = frozenset("=+-@\t\r\n'")


def csv_text(value: str) -> str:
    """A text cell, quoted and neutralised against formula injection (see _FORMULA_STARTS)."""
    if value and value[0] in _FORMULA_STARTS:
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


@dataclass(frozen=True)
class _PackageDetails:
    """What the descriptor says about the package as a whole: its license, version, when it was
    made and by whom."""

    license: str | None
    version: str
    created: str
    contributors: tuple[str, ...]

    @classmethod
    def of(cls, conn: Connection, license: str | None) -> _PackageDetails:
        # The version counts the fact base's edits: a later export of a changed fact base has a
        # higher minor version; the major version is the package's layout (the tables and columns).
        last_operation = conn.execute(text("SELECT coalesce(max(id), 0) FROM operation")).scalar_one()
        # The curators are the actors of the audit trail, most active first.
        actors = tuple(r[0] for r in conn.execute(text(
            "SELECT actor FROM operation GROUP BY actor ORDER BY count(*) DESC, min(id)")))
        created = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        return cls(license, f"{PACKAGE_LAYOUT_VERSION}.{last_operation}.0", created, actors)


# The package's layout; raised when tables or columns change in a way readers notice.
PACKAGE_LAYOUT_VERSION = 1
# Tables whose `text` column holds a source's full text (left empty by --without-texts).
_TEXT_TABLES = ("source", "source_revision")


def package_descriptor(scope: ExportScope, details: _PackageDetails | None = None) -> dict:
    descriptor: dict = {
        "$schema": PACKAGE_PROFILE,
        "name": "kzeu-desk-facts",
        "title": "Kazakhstan–EU relations: sourced facts",
        "description": (
            "Facts curated with kzeu_desk, each with the quoted evidence it rests on"
            + (" (confirmed facts only)" if scope.only_confirmed else " (all facts, with status and rank)")
            + ("; sources' full texts are left out (quotes and citations stay)." if scope.without_texts else ".")
        ),
        "keywords": ["Kazakhstan", "European Union", "facts", "evidence"],
    }
    if details is not None:
        if details.license:
            title, path = LICENSES[details.license]
            descriptor["licenses"] = [{"name": details.license, "path": path, "title": title}]
        descriptor["version"] = details.version
        descriptor["created"] = details.created
        if details.contributors:
            descriptor["contributors"] = [{"title": actor, "roles": ["author"]} for actor in details.contributors]
    descriptor["sources"] = [{"title": GENERATOR}]
    descriptor["resources"] = [_resource(table(name), scope) for name in TABLES]
    return descriptor


def _resource(model: Table, scope: ExportScope | None = None) -> dict:
    foreign_keys = []
    for column in model.columns:
        for key in column.foreign_keys:
            foreign_keys.append({
                "fields": [column.name],
                "reference": {"resource": key.column.table.name, "fields": [key.column.name]},
            })
    schema: dict = {
        "$schema": SCHEMA_PROFILE,
        "fields": [_field(column, scope) for column in model.columns],
        "primaryKey": [c.name for c in model.primary_key.columns],
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "$schema": RESOURCE_PROFILE,
        "name": model.name,
        "path": f"{model.name}.csv",
        "type": "table",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": _DESCRIPTIONS[model.name],
        "schema": schema,
    }


def _field(column: Column, scope: ExportScope | None = None) -> dict:
    described: dict = {"name": column.name, "type": _field_type(column)}
    constraints: dict = {}
    if scope is not None and scope.without_texts and column.table.name in _TEXT_TABLES and column.name == "text":
        described["description"] = ("Left out of this package (exported without texts); text_sha256 still names "
                                    "the text the offsets count in.")
        return described
    # An empty cell reads as null, so a text that may be empty (the context before a quote at the very
    # start of a text) cannot be "required" without failing validation for exactly those rows.
    if (not column.nullable or column.primary_key) and (column.table.name, column.name) not in _MAY_BE_EMPTY:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.name in _DATE_COLUMNS:
        # Dates are truncated to their precision ("1996", "1996-02"), which no single date type takes.
        constraints["pattern"] = _ISO_DATE_PATTERN
        described["description"] = "ISO date truncated to its precision: YYYY, YYYY-MM or YYYY-MM-DD."
    note = _FIELD_NOTES.get((column.table.name, column.name))
    if note is not None:
        described["description"] = note[0]
        constraints.update(note[1])
    if column.table.name == "evidence" and column.name in _ANCHOR_FIELDS:
        description, anchor_constraints = _ANCHOR_FIELDS[column.name]
        described["description"] = description
        constraints.update(anchor_constraints)
    if constraints:
        described["constraints"] = constraints
    return described


def _field_type(column: Column) -> str:
    if column.name == "allowed_units":
        return "array"  # Table Schema's array: a JSON array in the cell
    if column.name in _TIMESTAMP_COLUMNS:
        return "datetime"
    if isinstance(column.type, Boolean):
        return "boolean"
    if isinstance(column.type, Integer):
        return "integer"
    if isinstance(column.type, Float):
        return "number"
    return "string"
