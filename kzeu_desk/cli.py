"""`kzeu-desk`: the GUI by default, and subcommands for work without a window.

Heavy modules (Qt, SQLAlchemy) are imported inside the commands that need them, so
`--version` answers at once and the GUI can show its window before the database layer loads.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from kzeu_desk import __version__
from kzeu_desk.core.locations import Location, location_from_text
from kzeu_desk.cli_schema import schema_commands

EXIT_OK, EXIT_PROBLEMS, EXIT_USER_ERROR = 0, 1, 2
_DB_HELP = "fact base file or postgresql:// address"


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake said in one line (and where to read more) instead of two."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see “{self.prog} --help”).\n")


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kzeu-desk",
        description="Curate a sourced fact base on Kazakhstan–EU relations.",
        epilog="Subcommands: import, check, conflicts, export, load, backup, copy, team, report, property, source "
               "(run 'kzeu-desk SUBCOMMAND --help').",
    )
    parser.add_argument("db", nargs="?", type=location_from_text,
                        help="fact base file or postgresql:// address (default: the file you last had open, else your personal fact base)")
    parser.add_argument("--read-only", action="store_true", help="open for review: nothing can be changed")
    parser.add_argument("--smoke", action="store_true", help="open the window, run briefly, close, exit 0")
    parser.add_argument("--version", action="version", version=f"kzeu-desk {__version__}")
    return parser


def _import_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.documents.fetch import read_file_or_address
    from kzeu_desk.core.errors import ReadOnlyFactBase, UserError
    from kzeu_desk.core.revision_import import Outcome, describe_to_check, import_file, import_revision_of
    from kzeu_desk.team_commands import open_fact_base

    from kzeu_desk.core.new_fact_base import discarded_if_new_and_unused

    if args.revision_of is not None and len(args.files) != 1:
        raise UserError("Give exactly one file with --revision-of: the new text of that source.")
    failures = 0
    with discarded_if_new_and_unused(args.db) as new_fact_base, open_fact_base(args.db) as fact_base:
        if fact_base.read_only:
            raise ReadOnlyFactBase(fact_base.why_read_only("nothing was imported"))
        for item in args.files:
            target = item if item.startswith(("http://", "https://")) else Path(item)
            name = item if isinstance(target, str) else target.name
            try:
                document = read_file_or_address(target)
                if args.revision_of is not None:
                    done = import_revision_of(fact_base, args.revision_of, document)
                else:
                    done = import_file(fact_base, document, as_new_source=args.as_new_source)
            except UserError as error:
                print(f"{name}: not imported: {error}", file=sys.stderr)
                failures += 1
                continue
            if done.outcome in (Outcome.ALREADY_THERE, Outcome.LOOKS_LIKE_REVISION):
                print(f"{name}: {done.detail}", file=sys.stderr)  # nothing imported; for a revision, a choice to make
                failures += 1
                continue
            print(done.detail if done.outcome is Outcome.IMPORTED else f"{name}: {done.detail}")
            for to_check in done.to_check:
                print(describe_to_check(to_check))
        if failures == len(args.files):
            new_fact_base.discard_if_new()  # nothing imported: no new fact base is left behind
    return EXIT_PROBLEMS if failures else EXIT_OK


def _check_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core import storage
    from kzeu_desk.core.errors import DamagedFactBase, ReadOnlyFactBase
    from kzeu_desk.core.integrity import Problem, check
    from kzeu_desk.team_commands import open_fact_base

    try:
        fact_base = open_fact_base(args.db, read_only=not args.repair)
    except DamagedFactBase as damaged:  # too damaged to open: SQLite's own findings are still shown
        try:
            findings = storage.engine_for(args.db).copy_problems(args.db)
        except storage.StorageFailure as failure:
            findings = [f"the file cannot be read: {failure}"]
        _print_problems(args.db, [Problem("quick_check", found) for found in findings])
        raise damaged from None
    with fact_base:
        problems = None
        try:
            with fact_base.reading() as conn:
                problems = check(conn)
        except Exception:
            if problems is None:  # ending the read fails on some damaged files, after the findings are in
                raise
        if problems and args.repair and fact_base.read_only:
            _print_problems(args.db, problems)
            raise ReadOnlyFactBase(fact_base.why_read_only("nothing was repaired"))
        if problems and args.repair:
            from kzeu_desk.core.repair import repair

            print(f"{_counted(len(problems), 'problem')} found; repairing.")
            print(repair(fact_base).summary)
            with fact_base.reading() as conn:
                problems = check(conn)
    if not problems:
        print(f"{_shown(args.db)}: no problems found.")
        return EXIT_OK
    _print_problems(args.db, problems)
    return EXIT_PROBLEMS


def _print_problems(db: Location, problems: list) -> None:
    for problem in problems:
        print(f"{problem.check}: {problem.message}")
    print(f"{_shown(db)}: {_counted(len(problems), 'problem')} found.")


def _conflicts_command(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from kzeu_desk.core.conflict_report import open_conflict_report
    from kzeu_desk.team_commands import open_fact_base

    with open_fact_base(args.db, read_only=not args.rescan) as fact_base:
        if args.rescan:
            fact_base.rescan_conflicts()
        with fact_base.reading() as conn:
            report = open_conflict_report(conn)
    if args.json:
        print(json.dumps([asdict(conflict) for conflict in report], ensure_ascii=False, indent=2))
        return EXIT_OK
    for conflict in report:
        print(f"#{conflict.id} [{conflict.rule}] {conflict.subject or ''} · {conflict.property or ''}")
        for fact in conflict.facts:
            sources = ", ".join(fact.sources) or "no evidence"
            print(f"    fact {fact.id}: {fact.value}  ({sources})")
        print(f"    {conflict.explanation}")
    print(f"{_counted(len(report), 'open conflict')}.")
    return EXIT_OK


# -- export and load ---------------------------------------------------------------------------

_EXPORT_FORMATS = "sqlite, datapackage, csv, turtle, webannotation, wikidata or jsonl"  # kzeu_desk.core.export.FORMATS


def _export_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.export import export

    result = export(args.db, args.format, args.out, only_confirmed=args.only == "confirmed",
                    without_texts=args.without_texts, license=args.license, wikibase=args.wikibase)
    print(result.summary)
    return EXIT_OK


def _load_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.loading import check_file, load_jsonl
    from kzeu_desk.team_commands import open_fact_base

    from kzeu_desk.core.new_fact_base import discarded_if_new_and_unused

    checked = check_file(args.file)  # a bad file is refused before a new fact base is created for it
    with discarded_if_new_and_unused(args.db), open_fact_base(args.db) as fact_base:
        result = load_jsonl(fact_base, checked)  # a refusal removes a fact base created for it
    print(result.summary)
    return EXIT_OK


def _report_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core.report import write_report

    print(write_report(args.db, args.out).summary)
    return EXIT_OK


def _report_parser() -> argparse.ArgumentParser:
    reporter = _Parser(
        prog="kzeu-desk report",
        description="Write the fact base as HTML pages that open in any browser, with no network and no script.")
    reporter.add_argument("--db", type=location_from_text, required=True,
                          help="fact base file or postgresql:// address (opened read-only)")
    reporter.add_argument("--out", type=Path, required=True, help="folder to write (new, empty, or an earlier report)")
    return reporter


def _export_load_parsers() -> dict[str, tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]]:
    exporter = _Parser(prog="kzeu-desk export", description="Export the fact base for other tools.")
    exporter.add_argument("--db", type=location_from_text, required=True, help="fact base file or postgresql:// address (opened read-only)")
    exporter.add_argument("--format", required=True, help=_EXPORT_FORMATS)
    exporter.add_argument("--out", type=Path, required=True, help="file to write (a folder for datapackage)")
    exporter.add_argument("--only", choices=["confirmed"],
                          help="'confirmed' leaves out drafts, disputed, rejected and deprecated facts")
    exporter.add_argument("--without-texts", action="store_true",
                          help="leave out sources' full texts and files (quotes and citations stay)")
    exporter.add_argument("--license", help="the data package's license: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, "
                                            "ODbL-1.0, ODC-By-1.0 or PDDL-1.0")
    exporter.add_argument("--wikibase", metavar="ENTITY_ADDRESS",
                          help="for wikidata: your own Wikibase's entity address (e.g. "
                               "https://wikibase.example.org/entity/); Wikidata if not given")
    loader = _Parser(prog="kzeu-desk load", description="Load a kzeu_desk JSON Lines export.")
    loader.add_argument("--db", type=location_from_text, required=True, help="fact base file (created if missing) or postgresql:// address")
    loader.add_argument("file", type=Path, help="a .jsonl file written by 'kzeu-desk export --format jsonl'")
    return {"export": (_export_command, exporter), "load": (_load_command, loader)}


def _backup_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core import backups
    from kzeu_desk.team_commands import open_fact_base

    if args.restore:
        safety = backups.restore_backup(args.db, args.restore)  # vets both files; refuses in one sentence
        kept = f"; the replaced state was kept as {safety.path.name}" if safety.path != args.db else ""
        print(f"Restored {args.restore.name}{kept}.")
        return EXIT_OK
    open_fact_base(args.db, read_only=True).close()  # refuses a file that is not a fact base, in one sentence
    if args.list:
        for backup in backups.list_backups(args.db):
            print(f"{backup.path}\t{backup.label}")
        return EXIT_OK
    backup = backups.take_backup(args.db, "manual")
    print(backup.path)
    return EXIT_OK


def _subcommands() -> dict[str, tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]]:
    importer = _Parser(
        prog="kzeu-desk import",
        description="Import PDF, Word (.docx), OpenDocument (.odt), HTML, text or Markdown documents, or web pages.")
    importer.add_argument("--db", type=location_from_text, required=True, help="fact base file (created if missing) or postgresql:// address")
    importer.add_argument("files", nargs="+", metavar="FILE_OR_ADDRESS",
                          help="a file, or a web address starting with http:// or https://")
    revising = importer.add_mutually_exclusive_group()
    revising.add_argument("--revision-of", type=int, metavar="SOURCE_ID",
                          help="the file is a new version of this source: its evidence follows the new text")
    revising.add_argument("--as-new-source", action="store_true",
                          help="import files that look like a new version of a source as separate sources")
    checker = _Parser(prog="kzeu-desk check", description="Check a fact base for problems.")
    checker.add_argument("--db", type=location_from_text, required=True, help=_DB_HELP)
    checker.add_argument("--repair", action="store_true",
                         help="fix app-level problems (orphaned evidence, dangling links, stale conflicts)")
    backer = _Parser(prog="kzeu-desk backup", description="Take, list or restore backups.")
    backer.add_argument("--db", type=location_from_text, required=True, help=_DB_HELP)
    choice = backer.add_mutually_exclusive_group()
    choice.add_argument("--list", action="store_true", help="list the backups, newest first")
    choice.add_argument("--restore", type=Path, metavar="BACKUP", help="replace the fact base with a backup")
    lister = _Parser(prog="kzeu-desk conflicts", description="List open conflicts.")
    lister.add_argument("--db", type=location_from_text, required=True, help=_DB_HELP)
    lister.add_argument("--json", action="store_true", help="machine-readable output")
    lister.add_argument("--rescan", action="store_true", help="re-check every fact first (writes the result)")
    return {
        "import": (_import_command, importer),
        "check": (_check_command, checker),
        "conflicts": (_conflicts_command, lister),
        "backup": (_backup_command, backer),
        **_export_load_parsers(),
        **_team_parsers(),
        **schema_commands(),
        "report": (_report_command, _report_parser()),
    }


def _team_parsers() -> dict[str, tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]]:
    from kzeu_desk.team_commands import parsers

    return parsers(_Parser)


def _shown(db: Location) -> str:
    """A fact base as messages name it: a file's name, a server's database and host (no password)."""
    from kzeu_desk.core.locations import shown_name

    return shown_name(db)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = _subcommands()
    if argv and argv[0] in commands:
        handler, parser = commands[argv[0]]
        args = parser.parse_args(argv[1:])
        return _guarded(lambda: handler(args), getattr(args, "db", None))
    args = _gui_parser().parse_args(argv)
    from kzeu_desk.ui.app import run_gui

    return _guarded(lambda: run_gui(args.db, read_only=args.read_only, smoke=args.smoke), args.db)


def _counted(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _guarded(command: Callable[[], int], db: Location | None = None) -> int:
    """Run a command; every failure becomes one sentence on stderr, never a traceback.

    A user's mistake, a damaged file, a full disk, a folder that cannot be written: each is said in
    the words of `core.failures.explain_failure`. Anything else is a bug: one sentence says so and where
    the details were written.
    """
    from kzeu_desk.core.errors import UserError

    try:
        return command()
    except UserError as error:
        print(f"kzeu-desk: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`kzeu-desk property list | head -1`): as other command-line
        # tools do, stop quietly. Output still buffered would fail again at exit, so it goes nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, the status a shell reports for a writer killed by a closed pipe
    except Exception as error:  # noqa: BLE001 (the last line of defence: no traceback reaches the user)
        from kzeu_desk.core.failures import explain_failure

        described = explain_failure(error, db)
        if described is not None:
            print(f"kzeu-desk: {described}", file=sys.stderr)
            return EXIT_USER_ERROR
        print(f"kzeu-desk: {_log_unexpected(error)}", file=sys.stderr)
        return EXIT_PROBLEMS


def _log_unexpected(error: Exception) -> str:
    import traceback

    from kzeu_desk.paths import user_data_dir

    log = user_data_dir() / "errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(type(error), error, error.__traceback__)) + "\n")
    except OSError:
        return f"An unexpected error stopped the command ({type(error).__name__}); nothing more could be logged."
    return f"An unexpected error stopped the command ({type(error).__name__}); the details are in {log}."
