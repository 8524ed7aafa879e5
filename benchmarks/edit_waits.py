"""How often the benchmark's edit waits for a PostgreSQL server: `python -m benchmarks.edit_waits`.

The edit of `benchmarks.engines` (its version read, then one service action) on a small synthetic
fact base copied onto a server started for the run, traced in libpq's protocol trace: each
switch from messages the app sent (F) to messages the server sent (B) is one wait for the server.
On a server each wait costs a scheduling of the server's process (or a network round trip),
which SQLite's in-process calls do not pay; docs/PERFORMANCE.md, "PostgreSQL".
`--statements` prints the messages that were sent, to see what each wait was for.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.engines import PROJECT_ROOT


def waits(trace: list[str]) -> int:
    """The number of F -> B switches in a libpq trace (one line a message, its direction first)."""
    count, previous = 0, None
    for line in trace:
        direction = line[:1]
        if direction not in ("F", "B") or line[1:2] != "\t":
            continue  # a statement's text runs over several lines
        if direction == "B" and previous == "F":
            count += 1
        previous = direction
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.edit_waits")
    parser.add_argument("--statements", action="store_true", help="print the messages sent")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    import psycopg
    from postgresql_server import PostgresServer
    from sqlalchemy import event, text
    from sqlalchemy.engine import Engine

    from benchmarks.generate import cached_fact_base
    from kzeu_desk.core import storage
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    connections: list[psycopg.Connection] = []

    def listener(driver_connection: object, _record: object) -> None:
        if isinstance(driver_connection, psycopg.Connection):
            connections.append(driver_connection)

    event.listen(Engine, "connect", listener)
    base = cached_fact_base(1000)
    server = PostgresServer()
    with tempfile.TemporaryDirectory() as folder:
        trace_path = Path(folder) / "trace.txt"
        try:
            url = server.url(server.create_database())
            storage.copy_fact_base(base.path, url)
            with FactBase.open(url, actor="benchmark") as fb, trace_path.open("w") as trace_file:
                with fb.reading() as conn:
                    fact_id = conn.execute(text(
                        "SELECT id FROM fact WHERE value_kind = 'money' ORDER BY id LIMIT 1 OFFSET 5")).scalar_one()

                def edit(amount: float) -> None:  # as benchmarks.engines times it
                    with fb.reading() as conn:
                        version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one()
                    fb.update_fact(fact_id, version, value=TypedValue(ValueKind.MONEY, amount=amount, unit="EUR"))

                for amount in range(3):  # connections pooled, statements prepared
                    edit(1000.0 + amount)
                open_ones = [c for c in connections if not c.closed]
                for connection in open_ones:
                    connection.pgconn.trace(trace_file.fileno())
                    connection.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS | psycopg.pq.Trace.REGRESS_MODE)
                edit(2000.0)
                trace_file.flush()
                for connection in open_ones:
                    connection.pgconn.untrace()
        finally:
            server.stop()
            event.remove(Engine, "connect", listener)
        trace = trace_path.read_text(encoding="utf-8").splitlines()
    if args.statements:
        print("\n".join(line for line in trace if line.startswith(("F\t", "B\t"))
                        and any(kind in line for kind in ("\tQuery\t", "\tParse\t", "\tSync", "\tReadyForQuery"))))
    print(f"waits for the server in one edit (version read + action): {waits(trace)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
