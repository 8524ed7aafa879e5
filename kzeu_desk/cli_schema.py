"""`kzeu-desk property …` and `kzeu-desk source …`: the vocabulary and source details from the
command line, for batch work and scripts (README.md and docs/automation.md describe them).

Every change is one recorded, undoable operation, as in the window. Errors are one sentence on
stderr (exit status 2). `--json` output is a JSON array of objects whose fields are documented and
stable: fields may be added, none is renamed or removed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.locations import Location, location_from_text

if TYPE_CHECKING:
    from kzeu_desk.core.properties import PropertyRow
    from kzeu_desk.core.service import FactBase

EXIT_OK = 0
Command = tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]

# What --kind accepts: the stored kind names, and the words people write for them.
_KIND_NAMES = {
    "entity": "entity", "date": "date", "date_range": "date_range", "date-range": "date_range",
    "daterange": "date_range", "quantity": "quantity", "count": "count", "money": "money", "percent": "percent",
    "percentage": "percent", "text": "text",
}
_KINDS_SHOWN = "entity, date, date_range, quantity, count, money, percent or text"
_SOURCE_DETAILS = ("title", "publisher", "author", "url", "published", "language", "note")


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake said in one sentence like every other error."""

    def error(self, message: str) -> NoReturn:
        # Arguments are read before cli.main guards the command, so the sentence is said here, with
        # argparse's own exit status for a usage mistake (2, the status of every user mistake).
        print(f"kzeu-desk: {message[:1].upper()}{message[1:]} (see '{self.prog} --help').", file=sys.stderr)
        raise SystemExit(2)


def _kind(text: str) -> str:
    kind = _KIND_NAMES.get(text.strip().casefold().replace(" ", "_"))
    if kind is None:
        raise argparse.ArgumentTypeError(f"“{text}” is not a value kind; use {_KINDS_SHOWN}")
    return kind


def _facts(number: int) -> str:
    return f"{number:,} fact{'' if number == 1 else 's'}"


def _opened(db: Location, *, read_only: bool = False, create: bool = False) -> FactBase:
    """The fact base at `db` (a file, or a server's address whose password is asked for when libpq
    finds none); a file that is not there is refused in one sentence unless `create`."""
    from kzeu_desk.team_commands import open_fact_base

    if isinstance(db, Path) and not create and not db.exists():
        raise UserError(f"There is no fact base at “{db}”.")
    return open_fact_base(db, read_only=read_only)


# -- properties ----------------------------------------------------------------------------------


def _property_ids(fact_base: FactBase, keys: Sequence[str]) -> tuple[int, ...]:
    from kzeu_desk.core.properties import property_by_key

    ids = []
    with fact_base.reading() as conn:
        for key in keys:
            found = property_by_key(conn, key)
            if found is None:
                raise UserError(f"There is no property with the key “{key}” (see 'kzeu-desk property list').")
            ids.append(found.id)
    return tuple(ids)


def _property_add(args: argparse.Namespace) -> int:
    from kzeu_desk.core.properties import PropertyDraft
    from kzeu_desk.core.typed_value import ValueKind

    with _opened(args.db, create=True) as fact_base:
        units = tuple(args.unit or ())
        draft = PropertyDraft(
            key=args.key, name=args.label, value_kind=ValueKind(args.kind), description=args.description,
            single_valued=args.single_value, default_unit=units[0] if units else None, allowed_units=units,
            wikidata_pid=args.wikidata, subject_kind=args.subject_kind,
            separators=_property_ids(fact_base, args.separator or ()))
        changes = fact_base.create_property(draft)
        _print_property(fact_base, changes.new_id("property"), "Created", args.json)
    return EXIT_OK


def _property_edit(args: argparse.Namespace) -> int:
    from kzeu_desk.core.properties import draft_of, property_by_key
    from kzeu_desk.core.typed_value import ValueKind

    with _opened(args.db) as fact_base:
        with fact_base.reading() as conn:
            found = property_by_key(conn, args.key)
            if found is None:
                raise UserError(f"There is no property with the key “{args.key}” (see 'kzeu-desk property list').")
            draft = draft_of(conn, found.id)
        changes: dict[str, Any] = {}
        if args.label is not None:
            changes["name"] = args.label
        if args.kind is not None:
            changes["value_kind"] = ValueKind(args.kind)
        if args.description is not None:
            changes["description"] = args.description
        if args.unit:
            changes.update(default_unit=args.unit[0], allowed_units=tuple(args.unit))
        if args.any_unit:
            changes["allowed_units"] = ()
        if args.wikidata is not None:
            changes["wikidata_pid"] = args.wikidata or None
        if args.single_value is not None:
            changes["single_valued"] = args.single_value
        if args.separator is not None:
            changes["separators"] = _property_ids(fact_base, [key for key in args.separator if key.strip()])
        if args.subject_kind is not None:
            changes["subject_kind"] = args.subject_kind or None
        if args.deprecated is not None:
            fact_base.deprecate_property(found.id, args.deprecated)
        if changes:
            fact_base.update_property(found.id, replace(draft, **changes))
        if not changes and args.deprecated is None:
            raise UserError("Say what to change (see 'kzeu-desk property edit --help').")
        _print_property(fact_base, found.id, "Changed", args.json)
    return EXIT_OK


def _property_list(args: argparse.Namespace) -> int:
    from kzeu_desk.core.properties import property_rows

    with _opened(args.db, read_only=True) as fact_base, fact_base.reading() as conn:
        rows = property_rows(conn)
        keys = {row.info.id: row.info.key for row in rows}
    shown = [row for row in rows if args.all or not row.info.deprecated]
    if args.json:
        print(json.dumps([property_json(row, keys) for row in shown], ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in shown:
        print(_property_line(row, keys))
    print(f"{len(shown)} propert{'y' if len(shown) == 1 else 'ies'}"
          + ("" if args.all else " (deprecated ones left out; --all lists them)") + ".")
    return EXIT_OK


def property_json(row: PropertyRow, keys: dict[int, str]) -> dict[str, Any]:
    """One property as `property list --json` writes it (docs/automation.md)."""
    info = row.info
    return {
        "id": info.id, "key": info.key, "label": info.name, "description": row.description,
        "kind": info.value_kind.value, "default_unit": info.default_unit, "allowed_units": list(info.allowed_units),
        "single_value": info.single_valued, "separators": [keys[s] for s in info.separators if s in keys],
        "subject_kind": info.subject_kind, "wikidata": info.wikidata_pid, "tolerance": info.tolerance,
        "deprecated": info.deprecated, "facts": row.fact_count, "qualifier_uses": row.qualifier_count,
    }


def _property_line(row: PropertyRow, keys: dict[int, str]) -> str:
    from kzeu_desk.core.property_info import KIND_WORDS

    info = row.info
    details = [KIND_WORDS[info.value_kind]]
    if info.allowed_units:
        details.append("in " + "/".join(info.allowed_units))
    elif info.default_unit:
        details.append(f"default {info.default_unit}")
    details.append("single value" if info.single_valued else "several values")
    if info.separators:
        details.append("separated by " + ", ".join(keys[s] for s in info.separators if s in keys))
    if info.subject_kind:
        details.append(f"about {info.subject_kind}")
    if info.wikidata_pid:
        details.append(info.wikidata_pid)
    if info.deprecated:
        details.append("deprecated")
    return f"{info.key}\t{info.name}\t{'; '.join(details)}\t{_facts(row.fact_count)}"


def _print_property(fact_base: FactBase, property_id: int, verb: str, as_json: bool) -> None:
    from kzeu_desk.core.properties import property_rows

    with fact_base.reading() as conn:
        rows = property_rows(conn)
    keys = {row.info.id: row.info.key for row in rows}
    row = next(row for row in rows if row.info.id == property_id)
    if as_json:
        print(json.dumps(property_json(row, keys), ensure_ascii=False, indent=2))
    else:
        details = _property_line(row, keys).split("\t")[2]
        print(f"{verb} property “{row.info.name}” ({row.info.key}): {details}.")


def _property_parsers() -> argparse.ArgumentParser:
    parser = _Parser(prog="kzeu-desk property", description="Add, change and list the properties facts use.")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=_Parser)
    add = actions.add_parser("add", help="create a property", description="Create a property.")
    add.add_argument("--db", type=location_from_text, required=True,
                     help="fact base file (created if missing) or postgresql:// address")
    add.add_argument("--key", required=True, help="stable key: lower-case letters, digits, underscores")
    add.add_argument("--label", required=True, help="what curators see, e.g. 'negotiation rounds'")
    add.add_argument("--kind", type=_kind, required=True, help=_KINDS_SHOWN)
    add.add_argument("--unit", action="append", metavar="U",
                     help="an allowed unit (repeat for several; the first is the default); none: any unit")
    add.add_argument("--wikidata", metavar="P123", help="the Wikidata property id")
    add.add_argument("--single-value", action="store_true",
                     help="one value at a time: different values for the same subject and time conflict")
    add.add_argument("--separator", action="append", metavar="QUALIFIER_KEY",
                     help="a qualifier whose values separate this property's values (repeatable)")
    add.add_argument("--subject-kind", metavar="KIND", help="the kind of entity it is stated about (e.g. agreement)")
    add.add_argument("--description", help="what a fact with this property states")
    add.add_argument("--json", action="store_true", help="print the created property as JSON")
    edit = actions.add_parser("edit", help="change a property", description="Change a property; only what is given changes.")
    edit.add_argument("--db", type=location_from_text, required=True, help="fact base file or postgresql:// address")
    edit.add_argument("--key", required=True, help="the property to change")
    edit.add_argument("--label")
    edit.add_argument("--kind", type=_kind, help=f"{_KINDS_SHOWN} (its facts are restated or the change refused)")
    edit.add_argument("--unit", action="append", metavar="U", help="the allowed units (replace the current ones)")
    edit.add_argument("--any-unit", action="store_true", help="allow any unit")
    edit.add_argument("--wikidata", metavar="P123", help="the Wikidata property id ('' removes it)")
    values = edit.add_mutually_exclusive_group()
    values.add_argument("--single-value", dest="single_value", action="store_true", default=None)
    values.add_argument("--several-values", dest="single_value", action="store_false")
    edit.add_argument("--separator", action="append", metavar="QUALIFIER_KEY",
                      help="the separator qualifiers (replace the current ones; --separator '' clears them)")
    edit.add_argument("--subject-kind", metavar="KIND", help="('' for any)")
    edit.add_argument("--description")
    state = edit.add_mutually_exclusive_group()
    state.add_argument("--deprecate", dest="deprecated", action="store_true", default=None,
                       help="keep its facts, offer it for no new ones")
    state.add_argument("--restore", dest="deprecated", action="store_false")
    edit.add_argument("--json", action="store_true", help="print the property as JSON afterwards")
    lister = actions.add_parser("list", help="list the properties", description="List the properties.")
    lister.add_argument("--db", type=location_from_text, required=True,
                        help="fact base file or postgresql:// address (opened read-only)")
    lister.add_argument("--json", action="store_true", help="machine-readable output (docs/automation.md)")
    lister.add_argument("--all", action="store_true", help="deprecated properties too")
    add.set_defaults(handler=_property_add)
    edit.set_defaults(handler=_property_edit)
    lister.set_defaults(handler=_property_list)
    return parser


# -- sources -------------------------------------------------------------------------------------


def _source_edit(args: argparse.Namespace) -> int:
    given = {name: getattr(args, name) for name in _SOURCE_DETAILS if getattr(args, name) is not None}
    if not given:
        raise UserError("Say which details to change, e.g. --publisher or --published (see "
                        "'kzeu-desk source edit --help').")
    with _opened(args.db) as fact_base:
        _source_rows(fact_base, [args.source])  # an unknown id is refused in the words `source list` uses
        changes = fact_base.update_source(args.source, **given)
        rows = _source_rows(fact_base, [args.source])
    if args.json:
        print(json.dumps(rows[0], ensure_ascii=False, indent=2))
    elif changes.empty:
        print(f"Source {args.source} already has these details; nothing changed.")
    else:
        print(f"Source {args.source} is now cited as: {rows[0]['citation']}.")
    return EXIT_OK


def _source_rows(fact_base: FactBase, source_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Sources as `source list --json` writes them (docs/automation.md)."""
    from kzeu_desk.core.queries import source_counts, source_list
    from kzeu_desk.core.source_details import source_details
    from kzeu_desk.core.typed_value import date_precision

    with fact_base.reading() as conn:
        ids = [row.id for row in source_list(conn)] if source_ids is None else list(source_ids)
        counts = source_counts(conn, ids)
        rows = []
        for source_id in ids:
            details = source_details(conn, source_id)
            if details is None:
                raise UserError(f"There is no source {source_id} (see 'kzeu-desk source list').")
            published = details.published
            try:
                precision = date_precision(published).value if published else None
            except KeyError:
                precision = None
            facts, open_conflicts = counts.get(source_id, (0, 0))
            rows.append({
                "id": details.id, "title": details.title, "publisher": details.publisher, "author": details.author,
                "url": details.url, "published": published, "published_precision": precision,
                "language": details.language, "note": details.note, "file_name": details.file_name,
                "characters": details.char_count, "imported_at": details.imported_at, "facts": facts,
                "open_conflicts": open_conflicts, "citation": details.citation.full,
            })
    return rows


def _source_list(args: argparse.Namespace) -> int:
    with _opened(args.db, read_only=True) as fact_base:
        rows = _source_rows(fact_base)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        print(f"{row['id']}\t{row['citation']}\t{_facts(row['facts'])}")
    print(f"{len(rows)} source{'' if len(rows) == 1 else 's'}.")
    return EXIT_OK


def _source_parsers() -> argparse.ArgumentParser:
    parser = _Parser(prog="kzeu-desk source", description="Edit and list sources' details.")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=_Parser)
    edit = actions.add_parser("edit", help="change a source's details",
                              description="Change a source's details; only what is given changes, '' clears one.")
    edit.add_argument("--db", type=location_from_text, required=True, help="fact base file or postgresql:// address")
    edit.add_argument("--source", type=int, required=True, metavar="ID", help="the source (see 'source list')")
    edit.add_argument("--title")
    edit.add_argument("--publisher")
    edit.add_argument("--author")
    edit.add_argument("--url")
    edit.add_argument("--published", metavar="YYYY[-MM[-DD]]", help="publication date, to the year, month or day")
    edit.add_argument("--language", metavar="CODE", help="e.g. en, ru, kk")
    edit.add_argument("--note")
    edit.add_argument("--json", action="store_true", help="print the source as JSON afterwards")
    lister = actions.add_parser("list", help="list the sources", description="List the sources with their citations.")
    lister.add_argument("--db", type=location_from_text, required=True,
                        help="fact base file or postgresql:// address (opened read-only)")
    lister.add_argument("--json", action="store_true", help="machine-readable output (docs/automation.md)")
    edit.set_defaults(handler=_source_edit)
    lister.set_defaults(handler=_source_list)
    return parser


def _run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


def schema_commands() -> dict[str, Command]:
    """The subcommands this module adds to `kzeu-desk` (cli.py)."""
    return {"property": (_run, _property_parsers()), "source": (_run, _source_parsers())}

