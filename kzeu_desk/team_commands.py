"""Command-line work on a team's fact base: opening one on a server (asking for its password when
libpq finds none), `kzeu-desk copy` between a file and a server, and `kzeu-desk team grant`.

A password typed here is kept in memory for this command only; the app never writes one down.
Credentials otherwise come from where libpq looks for them (`~/.pgpass`, `PGPASSFILE`,
`PGSERVICE`, `PGPASSWORD`), as for psql.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kzeu_desk.core.locations import Location, location_from_text, shown_name

if TYPE_CHECKING:
    from kzeu_desk.core.service import FactBase

_ATTEMPTS = 3
Command = tuple[Callable[[argparse.Namespace], int], argparse.ArgumentParser]


def with_password(location: Location, attempt: Callable[[str | None], object]) -> object:
    """`attempt(password)`, first with none (libpq's usual places), then asking on the terminal
    while the server wants one; in a script (no terminal) the server's refusal says where to put it."""
    from kzeu_desk.core.errors import PasswordNeeded

    password = None
    for _ in range(_ATTEMPTS):
        try:
            return attempt(password)
        except PasswordNeeded as needed:
            if not sys.stdin.isatty():
                raise PasswordNeeded(f"{str(needed).rstrip('.')}; put it in ~/.pgpass (or the file PGPASSFILE names), "
                                     "or run this command in a terminal to be asked for it.",
                                     wrong=needed.wrong) from None
            print(f"kzeu-desk: {needed}", file=sys.stderr)
            # Named as every other message names it ("facts on db.example.org", "… on this computer"):
            # the address itself may be percent-encoded past reading ("host=%2Fvar%2Frun%2Fpostgresql").
            password = getpass.getpass(f"Password for {shown_name(location)}: ")
    return attempt(password)


def open_fact_base(location: Location, *, read_only: bool = False) -> FactBase:
    """FactBase.open, asking for a server's password on the terminal when libpq found none."""
    from kzeu_desk.core.service import FactBase

    opened = with_password(location, lambda password: FactBase.open(location, read_only=read_only,
                                                                     password=password))
    assert isinstance(opened, FactBase)
    return opened


def _reach(location: Location, *, read_only: bool) -> None:
    """Connect to a server's fact base once (asking for its password when libpq finds none) without
    opening it as a workspace: that would give an empty database the starter vocabulary of a new
    fact base, after which the copy would refuse it as a target holding work."""
    from kzeu_desk.core import storage

    engine = storage.engine_for(location)

    def connect(password: str | None) -> None:
        engine.close(location, engine.open(location, read_only=read_only, password=password))

    with_password(location, connect)


def _copy_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core import storage

    for location in (args.source, args.target):
        if storage.is_server_url(location):  # asks for a password once; the engine keeps it for this run
            _reach(location, read_only=location == args.source)
    shown: dict[str, object] = {"last": None}

    def progress(done: int, total: int, stage: str) -> None:
        percent = 100 * done // total if total else 100
        # A new stage is shown even at the same percentage: the last ones (the search index, the
        # server's settling of its statistics) take seconds at 100k facts after every row is at 100 %.
        if sys.stderr.isatty() and (stage, percent) != shown["last"]:
            shown["last"] = (stage, percent)
            print(f"\r{stage}: {percent} %\033[K", end="", file=sys.stderr, flush=True)

    copied = storage.copy_fact_base(args.source, args.target, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    facts, sources = copied.get("fact", 0), copied.get("source", 0)
    print(f"Copied {shown_name(args.source)} to {shown_name(args.target)}: {facts:,} facts, {sources:,} sources, "
          f"{sum(copied.values()):,} rows in all.")
    return 0


def _team_command(args: argparse.Namespace) -> int:
    from kzeu_desk.core import storage

    new_role_password = None
    if args.password:
        new_role_password = getpass.getpass(f"Password for the role “{args.role}” (empty: leave it as it is): ") or None
    engine = storage.engine_for(args.db)
    said = with_password(args.db, lambda password: engine.grant_access(
        args.db, args.role, args.access, password=password, new_role_password=new_role_password))
    print(said)
    return 0


def parsers(parser_class: type[argparse.ArgumentParser]) -> dict[str, Command]:
    copier = parser_class(
        prog="kzeu-desk copy",
        description="Copy a whole fact base between a file and a PostgreSQL server (either way), losing nothing: "
                    "facts, sources, history and undo.")
    copier.add_argument("--from", dest="source", type=location_from_text, required=True,
                        help="the fact base to copy (a file or a postgresql:// address; read only)")
    copier.add_argument("--to", dest="target", type=location_from_text, required=True,
                        help="a new file, or a postgresql:// address of a database holding no fact base yet")
    team = parser_class(prog="kzeu-desk team", description="Manage who may work on a team's fact base.")
    actions = team.add_subparsers(dest="action", required=True)
    granter = actions.add_parser(
        "grant", help="give a database role curator's or reviewer's access",
        description="Give a database role access to the fact base: curators read and change it, reviewers only "
                    "read it (the server refuses their changes). Creates the role when it does not exist. Run as "
                    "the server's administrator; docs/TEAM.md walks through setting up a server.")
    granter.add_argument("--db", type=location_from_text, required=True, help="postgresql:// address of the fact base")
    granter.add_argument("--role", required=True, help="the database role (login name) of the person")
    granter.add_argument("--as", dest="access", choices=["curator", "reviewer"], required=True)
    granter.add_argument("--password", action="store_true",
                         help="ask for the role's password and set it (a new role otherwise gets none; an existing one "
                              "keeps its own)")
    return {"copy": (_copy_command, copier), "team": (_team_command, team)}


__all__ = ["open_fact_base", "parsers", "with_password"]
