"""`kzeu-desk`: the GUI by default, and subcommands for work without a window.

Heavy modules (Qt, SQLAlchemy) are imported inside the commands that need them, so
`--version` answers at once and the GUI can show its window before the database layer loads.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kzeu_desk import __version__
from kzeu_desk.cli_schema import schema_commands

EXIT_OK, EXIT_PROBLEMS, EXIT_USER_ERROR = 0, 1, 2


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzeu-desk",
        description="Curate a sourced fact base on Kazakhstan–EU relations.",
        epilog="Subcommands: import, check, conflicts, export, load, backup, property, source (run 'kzeu-desk SUBCOMMAND --help').",
    )
    parser.add_argument("db", nargs="?", type=Path, help="fact base file (default: your personal fact base)")
    parser.add_argument("--read-only", action="store_true", help="open for review: nothing can be changed")
    parser.add_argument("--smoke", action="store_true", help="open the window, run briefly, close, exit 0")
    parser.add_argument("--version", action="version", version=f"kzeu-desk {__version__}")
    return parser


def _import_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core import revisions
    from kzeu_desk.core.errors import UserError
    from kzeu_desk.core.service import FactBase, SourceMetadata
    from kzeu_desk.core.documents.fetch import read_file_or_address

    failures = 0
    with FactBase.open(args.db) as fact_base:
        for item in args.files:
            target = item if item.startswith(("http://", "https://")) else Path(item)
            name = item if isinstance(target, str) else target.name
            try:
                document = read_file_or_address(target)
                with fact_base.reading() as conn:
                    match = revisions.find_matching_source(conn, document, SourceMetadata())
                if match is not None and match.identical:
                    print(f"{name}: not imported: it is already imported as “{match.title}” ({match.reason.value}).",
                          file=sys.stderr)
                    failures += 1
                    continue
                fact_base.import_document(document)
            except UserError as error:
                print(f"{name}: not imported: {error}", file=sys.stderr)
                failures += 1
                continue
            title = document.title or Path(document.file_name).stem
            kind = f"{len(document.page_starts)} pages" if document.page_starts else (document.encoding or document.format)
            print(f"{title}\t{len(document.text)} characters\t{kind}")
    return EXIT_PROBLEMS if failures else EXIT_OK


def _check_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.integrity import check
    from kzeu_desk.core.service import FactBase

    with FactBase.open(args.db, read_only=not args.repair) as fact_base:
        with fact_base.reading() as conn:
            problems = check(conn)
        if problems and args.repair:
            from kzeu_desk.core.repair import repair

            print(f"{len(problems)} problem(s) found; repairing.")
            print(repair(fact_base).summary)
            with fact_base.reading() as conn:
                problems = check(conn)
    if not problems:
        print(f"{args.db.name}: no problems found.")
        return EXIT_OK
    for problem in problems:
        print(f"{problem.check}: {problem.message}")
    print(f"{args.db.name}: {len(problems)} problem(s) found.")
    return EXIT_PROBLEMS


def _conflicts_command(args: argparse.Namespace) -> int:
    import json

    from kzeu_desk.core.conflict_report import open_conflict_report
    from kzeu_desk.core.service import FactBase

    with FactBase.open(args.db, read_only=not args.rescan) as fact_base:
        if args.rescan:
            fact_base.rescan_conflicts()
        with fact_base.reading() as conn:
            report = open_conflict_report(conn)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK
    for conflict in report:
        print(f"#{conflict['id']} [{conflict['rule']}] {conflict['subject'] or ''} · {conflict['property'] or ''}")
        for fact in conflict["facts"]:
            sources = ", ".join(fact["sources"]) or "no evidence"
            print(f"    fact {fact['id']}: {fact['value']}  ({sources})")
        print(f"    {conflict['explanation']}")
    print(f"{len(report)} open conflict(s).")
    return EXIT_OK


# -- export and load ---------------------------------------------------------------------------

_EXPORT_FORMATS = "sqlite, datapackage, webannotation, wikidata or jsonl"  # kzeu_desk.core.export.FORMATS


def _export_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.export import export

    result = export(args.db, args.format, args.out, only_confirmed=args.only == "confirmed")
    print(result.summary)
    return EXIT_OK


def _load_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.loading import check_file, load_jsonl
    from kzeu_desk.core.service import FactBase

    checked = check_file(args.file)  # a bad file is refused before a new fact base is created for it
    with FactBase.open(args.db) as fact_base:
        result = load_jsonl(fact_base, checked)
    print(result.summary)
    return EXIT_OK


def _export_load_parsers() -> dict[str, tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]]:
    exporter = argparse.ArgumentParser(prog="kzeu-desk export", description="Export the fact base for other tools.")
    exporter.add_argument("--db", type=Path, required=True, help="fact base file (opened read-only)")
    exporter.add_argument("--format", required=True, help=_EXPORT_FORMATS)
    exporter.add_argument("--out", type=Path, required=True, help="file to write (a folder for datapackage)")
    exporter.add_argument("--only", choices=["confirmed"],
                          help="'confirmed' leaves out drafts, disputed, rejected and deprecated facts")
    loader = argparse.ArgumentParser(prog="kzeu-desk load", description="Load a kzeu_desk JSON Lines export.")
    loader.add_argument("--db", type=Path, required=True, help="fact base file (created if missing)")
    loader.add_argument("file", type=Path, help="a .jsonl file written by 'kzeu-desk export --format jsonl'")
    return {"export": (_export_command, exporter), "load": (_load_command, loader)}


def _backup_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core import backups
    from kzeu_desk.core.service import FactBase

    if not args.db.exists():
        print(f"kzeu-desk: There is no fact base at “{args.db}”.", file=sys.stderr)
        return EXIT_USER_ERROR
    if args.list:
        for backup in backups.list_backups(args.db):
            print(f"{backup.path}\t{backup.label}")
        return EXIT_OK
    if args.restore:
        FactBase.open(args.db, read_only=True).close()  # refuses a file that is not a fact base
        safety = backups.restore_backup(args.db, args.restore)
        print(f"Restored {args.restore.name}; the replaced state was kept as {safety.path.name}.")
        return EXIT_OK
    FactBase.open(args.db, read_only=True).close()
    backup = backups.take_backup(args.db, "manual")
    print(backup.path)
    return EXIT_OK


def _subcommands() -> dict[str, tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]]:
    importer = argparse.ArgumentParser(
        prog="kzeu-desk import",
        description="Import PDF, Word (.docx), OpenDocument (.odt), HTML, text or Markdown documents, or web pages.")
    importer.add_argument("--db", type=Path, required=True, help="fact base file (created if missing)")
    importer.add_argument("files", nargs="+", metavar="FILE_OR_ADDRESS",
                          help="a file, or a web address starting with http:// or https://")
    checker = argparse.ArgumentParser(prog="kzeu-desk check", description="Check a fact base for problems.")
    checker.add_argument("--db", type=Path, required=True)
    checker.add_argument("--repair", action="store_true",
                         help="fix app-level problems (orphaned evidence, dangling links, stale conflicts)")
    backer = argparse.ArgumentParser(prog="kzeu-desk backup", description="Take, list or restore backups.")
    backer.add_argument("--db", type=Path, required=True)
    choice = backer.add_mutually_exclusive_group()
    choice.add_argument("--list", action="store_true", help="list the backups, newest first")
    choice.add_argument("--restore", type=Path, metavar="BACKUP", help="replace the fact base with a backup")
    lister = argparse.ArgumentParser(prog="kzeu-desk conflicts", description="List open conflicts.")
    lister.add_argument("--db", type=Path, required=True)
    lister.add_argument("--json", action="store_true", help="machine-readable output")
    lister.add_argument("--rescan", action="store_true", help="re-check every fact first (writes the result)")
    return {
        "import": (_import_command, importer),
        "check": (_check_command, checker),
        "conflicts": (_conflicts_command, lister),
        "backup": (_backup_command, backer),
        **_export_load_parsers(),
        **schema_commands(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = _subcommands()
    if argv and argv[0] in commands:
        handler, parser = commands[argv[0]]
        return _guarded(lambda: handler(parser.parse_args(argv[1:])))
    args = _gui_parser().parse_args(argv)
    from kzeu_desk.ui.app import run_gui

    return _guarded(lambda: run_gui(args.db, read_only=args.read_only, smoke=args.smoke))


def _guarded(command: Callable[[], int]) -> int:
    """Run a command; a user's mistake becomes one sentence on stderr, never a traceback."""
    from kzeu_desk.core.errors import UserError

    try:
        return command()
    except UserError as error:
        print(f"kzeu-desk: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
