"""Exporting a fact base in formats other tools read, from the command line and File > Export.

Every export opens the fact base read-only and reads it inside one read transaction, so it sees
one consistent state while others write, works for a reviewer's read-only session, and never
changes the file. Rows are streamed from column reads (reading whole ORM entities is 7-8x
slower): facts and evidence are never all in memory at once. Output is written under a temporary name and renamed when complete,
so a failed or cancelled export leaves no half-written file behind.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kzeu_desk.core.locations import Location, location_from_text
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export.common import ExportCancelled, ExportResult, Progress, ProgressCallback
from kzeu_desk.core.export.licenses import LICENSES
from kzeu_desk.core.export.scope import ExportScope

__all__ = [
    "FORMATS",
    "LICENSES",
    "ExportCancelled",
    "ExportFormat",
    "ExportResult",
    "ExportScope",
    "ProgressCallback",
    "export",
    "suggested_target",
    "target_problem",
]

Writer = Callable[..., ExportResult]  # (source: Location, out, scope, progress, **the format's options)



@dataclass(frozen=True)
class ExportFormat:
    name: str
    title: str
    description: str  # one line, shown in the export dialog and `--help`
    target_kind: Literal["file", "folder"]
    suffix: str  # appended to the fact base's name when suggesting a target
    write: Writer
    options: tuple[str, ...] = ()  # the keyword options of `export` this format takes
    carries_texts: bool = False  # whether the format holds sources' full texts (see --without-texts)


def _sqlite(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.export.sqlite_snapshot import write_sqlite_snapshot

    return write_sqlite_snapshot(source, out, scope, progress)


def _datapackage(source: Location, out: Path, scope: ExportScope, progress: Progress, *,
                 license: str | None = None) -> ExportResult:
    from kzeu_desk.core.export.datapackage import write_datapackage

    return write_datapackage(source, out, scope, progress, license=license)


def _webannotation(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.export.webannotation import write_web_annotations

    return write_web_annotations(source, out, scope, progress)


def _wikidata(source: Location, out: Path, scope: ExportScope, progress: Progress, *,
              wikibase: str | None = None) -> ExportResult:
    from kzeu_desk.core.export.wikidata import WikibaseTarget, write_wikibase_statements

    target = WikibaseTarget.own(wikibase) if wikibase else WikibaseTarget()
    return write_wikibase_statements(source, out, scope, progress, target)


def _csv(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.export.facts_csv import write_facts_csv

    return write_facts_csv(source, out, scope, progress)


def _turtle(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.export.turtle import write_turtle

    return write_turtle(source, out, scope, progress)


def _jsonl(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.export.jsonl import write_jsonl

    return write_jsonl(source, out, scope, progress)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("sqlite", "SQLite snapshot",
                     "A consistent copy with read-only views for analysts; opens in the SQLite shell, sqlite-utils, Datasette.",
                     "file", "-snapshot.sqlite", _sqlite, carries_texts=True),
        ExportFormat("datapackage", "Frictionless Data Package",
                     "datapackage.json and one CSV per table, with field types, primary and foreign keys.",
                     "folder", "-datapackage", _datapackage, ("license",), carries_texts=True),
        ExportFormat("csv", "CSV of facts",
                     "One row per fact and piece of evidence, with a Frictionless and CSVW description beside it.",
                     "file", "-facts.csv", _csv),
        ExportFormat("turtle", "RDF (Turtle)",
                     "The facts as RDF with Wikidata IRIs where known, links and conflicts; a SHACL shape ships with it.",
                     "file", "-facts.ttl", _turtle),
        ExportFormat("webannotation", "W3C Web Annotations",
                     "One JSON-LD annotation per evidence span, with quote and position selectors on its source.",
                     "file", "-annotations.jsonld", _webannotation),
        ExportFormat("wikidata", "Wikidata statements",
                     "Wikibase statement JSON with ranks, qualifiers and references, plus QuickStatements lines.",
                     "file", "-wikidata.json", _wikidata, ("wikibase",)),
        ExportFormat("jsonl", "kzeu_desk JSON Lines",
                     "The lossless format: every record, one JSON object a line; “kzeu-desk load” reads it back.",
                     "file", ".jsonl", _jsonl, carries_texts=True),
    )
}


def export(fact_base_path: Location, format_name: str, out: Path | str, *, only_confirmed: bool = False,
           without_texts: bool = False, license: str | None = None, wikibase: str | None = None,
           progress: ProgressCallback | None = None) -> ExportResult:
    """Write the fact base at `fact_base_path` to `out` in the named format.

    `without_texts` leaves sources' full texts out (quotes and citations stay); `license` (an id of
    LICENSES) goes into a data package; `wikibase` is the entity address of the curator's own
    Wikibase for the wikidata format (Wikidata when None). `progress(done, total, stage)` is called
    now and then; raising `ExportCancelled` from it stops the export and leaves no output behind.
    """
    if format_name not in FORMATS:
        known = ", ".join(FORMATS)
        raise UserError(f"There is no export format “{format_name}”; choose one of {known}.")
    source, target = location_from_text(fact_base_path), Path(out)
    problem = target_problem(source, format_name, target)
    if problem:
        raise UserError(problem)
    if license is not None and license not in LICENSES:
        raise UserError(f"There is no license “{license}” to choose; choose one of {', '.join(LICENSES)}.")
    if without_texts and format_name == "jsonl":
        raise UserError("JSON Lines is the lossless format “kzeu-desk load” reads back, so it always holds the "
                        "sources' texts; share a data package or a SQLite snapshot without texts instead.")
    given = {"license": license, "wikibase": wikibase}
    chosen = FORMATS[format_name]
    for name, value in given.items():
        if value is not None and name not in chosen.options:
            takers = " and ".join(f.name for f in FORMATS.values() if name in f.options)
            raise UserError(f"A {name} is chosen only for the {takers} format, not for {format_name}.")
    options = {name: given[name] for name in chosen.options if given[name] is not None}
    try:
        return chosen.write(source, target, ExportScope(only_confirmed, without_texts), Progress(progress), **options)
    except UserError:
        raise
    except Exception as error:
        failure = export_failure(error, source, target)
        if failure is None:
            raise
        raise failure from None


def export_failure(error: BaseException, source: Location, target: Path) -> UserError | None:
    """One sentence for an export that the disk, the file system or a damaged fact base stopped;
    nothing of the output is left (every format writes under a staging name and renames)."""
    import errno

    from kzeu_desk.core.failures import explain_failure

    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(f"The disk is full, so nothing was exported to “{target}”; free some space and try again.")
    if isinstance(error, OSError):
        reason = (error.strerror or str(error)).rstrip(".")
        return UserError(f"Nothing was exported to “{target}”: {reason[:1].lower() + reason[1:]}.")
    described = explain_failure(error, source)
    if described is None:
        return None
    if "disk is full" in str(described):
        return UserError(f"The disk is full, so nothing was exported to “{target}”; free some space and try again.")
    return described


def suggested_target(fact_base_path: Location, format_name: str) -> Path:
    """Where an export goes unless the user says otherwise: beside the fact base, named after it (a
    fact base on a server: in the home folder, named after its database and host)."""
    if not isinstance(fact_base_path, Path):
        from kzeu_desk.core.locations import shown_name

        stem = re.sub(r"[^\w.-]+", "-", shown_name(fact_base_path)).strip("-") or "fact-base"
        return Path.home() / f"{stem}{FORMATS[format_name].suffix}"
    return fact_base_path.with_name(f"{fact_base_path.stem}{FORMATS[format_name].suffix}")


def target_problem(fact_base_path: Location, format_name: str, target: Path) -> str | None:
    """Why `target` cannot receive this export (one sentence), or None when it can."""
    kind = FORMATS[format_name].target_kind
    if not str(target).strip():
        return "Choose where the export should be written."
    if (isinstance(fact_base_path, Path) and target.exists() and fact_base_path.exists()
            and os.path.samefile(target, fact_base_path)):
        return "An export cannot replace the fact base it is made from; choose another name."
    if kind == "file" and target.is_dir():
        return f"“{target}” is a folder; this format is written to a file."
    if kind == "folder" and target.exists() and not target.is_dir():
        return f"“{target}” is a file; a data package is written into a folder."
    if kind == "file" and target.exists() and not target.is_file():
        # Renaming the finished export over a device or a pipe would replace it (/dev/null, as root).
        return f"“{target}” is not a regular file (a device or a pipe); choose a file name for the export."
    parent = target.parent if kind == "file" else target
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"“{parent}” is a file, not a folder; choose another place for the export."
    if not os.access(parent, os.W_OK):
        return f"“{parent}” is not writable; choose another place for the export."
    return None
