"""Kill kzeu_desk's write path with SIGKILL at random moments and prove nothing acknowledged is lost.

    python tests/crash_harness.py --kills 200 --folder DIR [--seed N]

Each round forks a child that opens the fact base and works (a scripted editing session, or a bulk
import of the sample articles), writing one acknowledgement line per operation *after* the service
call returned. The parent kills it after a random delay, then checks the file: `kzeu-desk check`'s
checks all pass and every acknowledged change is there. Prints a JSON summary; exits 1 on any loss.
Forking from a parent that already imported everything keeps a round at tens of milliseconds.

The delay is counted from the moment the child says it has opened the fact base, not from the fork:
opening and the first statements take ~75 ms on an idle machine and several times that under load,
so a delay counted from the fork (it was 20-300 ms) let about a fifth of the kills, and most of them
on a loaded machine, land before anything was written (a run on a machine loaded 4x over
acknowledged 150 changes in 200 kills). One round in eight still kills at a random moment of opening.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import sys
import time
from pathlib import Path

from sqlalchemy import text

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.integrity import check
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.sample_corpus import import_sample_corpus, sample_documents
from kzeu_desk.core.service import FactBase
from kzeu_desk.paths import sample_corpus_dir


def _editing_session(fb: FactBase, acknowledge, rng: random.Random, _documents: list) -> None:
    with fb.reading() as conn:
        sources = list(conn.execute(text("SELECT id, char_count FROM source")).all())
    while True:
        with fb.reading() as conn:
            fact_ids = list(conn.execute(text("SELECT id FROM fact ORDER BY id DESC LIMIT 50")).scalars())
        move = rng.random()
        if move < 0.35 or not fact_ids:
            source_id, length = rng.choice(sources)
            start = rng.randrange(0, length - 40)
            fact_id = fb.create_fact_from_selection(source_id, start, start + rng.randint(3, 40)).new_id("fact")
            acknowledge(f"fact {fact_id} 1")
        elif move < 0.85:
            fact_id = rng.choice(fact_ids)
            with fb.reading() as conn:
                version = conn.execute(text("SELECT version FROM fact WHERE id = :i"), {"i": fact_id}).scalar()
            fb.update_fact(fact_id, version, note=f"edit {rng.random()}", status=rng.choice(["draft", "confirmed"]))
            acknowledge(f"fact {fact_id} {version + 1}")
        elif move < 0.95:
            fact_id = rng.choice(fact_ids)
            # Said before the call: a kill after the commit but before the acknowledgement still deletes.
            acknowledge(f"deleting {fact_id} 0")
            fb.delete_fact(fact_id)
            acknowledge(f"deleted {fact_id} 0")
        else:
            a, b = rng.sample(fact_ids, 2) if len(fact_ids) > 1 else (fact_ids[0], fact_ids[0])
            if a != b:
                try:
                    fb.link_facts(a, b, "related")
                    acknowledge(f"linked {a} {b}")
                except UserError:
                    pass  # already linked: refused, nothing written


def _sample_documents() -> list:
    """Read once in the parent: reading a file is not the write path, and each child inherits them."""
    return [(read_document(sample_corpus_dir() / name), meta) for name, meta in sample_documents()]


def _bulk_import(fb: FactBase, acknowledge, _rng: random.Random, documents: list) -> None:
    while True:
        for document, meta in documents:
            acknowledge(f"source {fb.import_document(document, meta).new_id('source')} 0")


READY = "opened"  # the child's first line; acknowledgements are three words, so it is never taken for one
# Kill moments, counted from the child's READY: a round writes ~10 edits (a few ms each) or one or
# two imports, so kills fall at every point of a write; the base grows across rounds as before.
KILL_AFTER_OPENING_S = (0.005, 0.15)
# One round in eight kills while the child may still be opening (it says READY after ~75 ms).
KILL_WHILE_OPENING_S = (0.002, 0.08)
OPENING_TIMEOUT_S = 60


def _child(path: Path, mode: str, write_fd: int, seed: int, documents: list) -> None:
    rng = random.Random(seed)
    out = os.fdopen(write_fd, "w", buffering=1)

    def acknowledge(line: str) -> None:
        out.write(line + "\n")

    fb = FactBase.open(path, actor="crash-test")
    acknowledge(READY)
    (_editing_session if mode == "edit" else _bulk_import)(fb, acknowledge, rng, documents)


def _read_until(read_fd: int, buffer: bytearray, deadline: float, until: bytes | None = None) -> bool:
    """Collect what the child writes until the deadline (or, given `until`, until that line came);
    False when the child's end of the pipe closed first."""
    while (remaining := deadline - time.monotonic()) > 0:
        if until is not None and until in buffer:
            return True
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if ready:
            chunk = os.read(read_fd, 65536)
            if not chunk:
                return False
            buffer += chunk
    return until is None or until in buffer


def _verify(path: Path, acknowledged: list[str]) -> list[str]:
    problems = []
    with FactBase.open(path, read_only=True) as fb, fb.reading() as conn:
        problems += [f"{p.check}: {p.message}" for p in check(conn)]
        versions = dict(conn.execute(text("SELECT id, version FROM fact")).all())
        sources = set(conn.execute(text("SELECT id FROM source")).scalars())
        links = set(conn.execute(text("SELECT from_fact_id, to_fact_id FROM fact_link")).all())
    # Ids are never reused, so a fact acknowledged as deleted must stay gone, whatever came before;
    # one the child was deleting when it died may be gone too.
    may_be_deleted = {int(line.split()[1]) for line in acknowledged if line.startswith("deleting ")}
    for line in acknowledged:
        kind, first, second = line.split()
        a, b = int(first), int(second)
        if kind == "fact" and a not in may_be_deleted and versions.get(a, -1) < b:
            problems.append(f"acknowledged fact {a} at version {b} is missing or older")
        elif kind == "deleted" and a in versions:
            problems.append(f"acknowledged deletion of fact {a} was lost")
        elif kind == "source" and a not in sources:
            problems.append(f"acknowledged import of source {a} is missing")
        elif kind == "linked" and not {a, b} & may_be_deleted and (a, b) not in links:
            problems.append(f"acknowledged link {a}->{b} is missing")
    return problems


def run(folder: Path, kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    path = folder / "crash.sqlite"
    with FactBase.open(path, actor="crash-test") as fb:
        import_sample_corpus(fb)
    documents = _sample_documents()
    acknowledged: list[str] = []
    summary = {"kills": 0, "acknowledged": 0, "problems": [], "seconds": 0.0}
    started = time.monotonic()
    for round_number in range(kills):
        mode = "import" if round_number % 4 == 3 else "edit"
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                _child(path, mode, write_fd, seed * 100_003 + round_number, documents)
            finally:
                os._exit(0)
        os.close(write_fd)
        buffer = bytearray()
        if round_number % 8 == 5:
            _read_until(read_fd, buffer, time.monotonic() + rng.uniform(*KILL_WHILE_OPENING_S))
            opened = True
        else:
            opened = _read_until(read_fd, buffer, time.monotonic() + OPENING_TIMEOUT_S, until=f"{READY}\n".encode())
            if opened:
                _read_until(read_fd, buffer, time.monotonic() + rng.uniform(*KILL_AFTER_OPENING_S))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 65536):  # what the child acknowledged before it died
            buffer += chunk
        os.close(read_fd)
        lines = [line for line in buffer.decode().splitlines() if line.count(" ") == 2]
        acknowledged += lines
        summary["kills"] += 1
        summary["acknowledged"] += len(lines)
        problems = _verify(path, acknowledged)
        if not opened:
            problems.append(f"the child did not open the fact base within {OPENING_TIMEOUT_S} s")
        if problems:
            summary["problems"] = [f"after kill {round_number + 1}: {p}" for p in problems[:20]]
            break
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


# -- writers killed mid-transaction in rollback-journal mode: readers must never see their pages --------

_MARKER = "UNCOMMITTED-CHANGE"


def _raw_rollback_writer(path: Path, _backup: Path, rng: random.Random) -> None:
    """Another SQLite program (or an older kzeu_desk) writing in rollback mode, its page cache so
    small that uncommitted pages reach the file before the commit."""
    import sqlite3

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("PRAGMA cache_size = 5")
    while True:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE fact SET note = ?", (_MARKER * rng.randint(10, 500),))
        raw.execute("UPDATE source SET note = ?", (_MARKER * rng.randint(10, 500),))
        raw.execute("ROLLBACK")


def _restorer(path: Path, backup: Path, _rng: random.Random) -> None:
    from kzeu_desk.core.backups import restore_backup

    while True:
        restore_backup(path, backup)


def journal_run(folder: Path, kills: int, seed: int) -> dict:
    """Kill rollback-mode writers and restores at random moments; after each kill, a reader must see
    a committed state only (never the marker, a fact count that is the fact base's or the backup's,
    every check passing), and the next writer must be able to write."""
    from kzeu_desk.core.backups import take_backup

    rng = random.Random(seed)
    path = folder / "journal.sqlite"
    with FactBase.open(path, actor="crash-test") as fb:
        import_sample_corpus(fb)
        backup = take_backup(path, "manual").path  # no facts
        for start in range(0, 200, 10):
            fb.create_fact_from_selection(1, start, start + 5)
    summary = {"kills": 0, "problems": [], "seconds": 0.0}
    started = time.monotonic()
    for round_number in range(kills):
        child = _restorer if round_number % 3 == 2 else _raw_rollback_writer
        pid = os.fork()
        if pid == 0:
            try:
                child(path, backup, random.Random(seed * 7919 + round_number))
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.005, 0.12))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        summary["kills"] += 1
        problems = _verify_committed(path)
        if problems:
            summary["problems"] = [f"after kill {round_number + 1}: {p}" for p in problems[:20]]
            break
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


def _verify_committed(path: Path) -> list[str]:
    with FactBase.open(path, read_only=True) as fb, fb.reading() as conn:
        problems = [f"{p.check}: {p.message}" for p in check(conn)]
        facts = conn.execute(text("SELECT count(*) FROM fact")).scalar()
        notes = conn.execute(text("SELECT count(*) FROM fact WHERE note LIKE :m UNION ALL "
                                  "SELECT count(*) FROM source WHERE note LIKE :m"), {"m": f"%{_MARKER}%"}).all()
    if facts not in (0, 20):
        problems.append(f"{facts} facts: neither the fact base's 20 nor the backup's 0")
    if any(row[0] for row in notes):
        problems.append("a reader saw a change that was never committed")
    with FactBase.open(path, actor="crash-test") as fb:  # and a writer can go on
        if fb.read_only:
            problems.append(f"the fact base opened read-only: {fb.read_only_reason}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--journal", action="store_true",
                        help="kill rollback-mode writers and restores instead (hot journals)")
    args = parser.parse_args()
    summary = (journal_run if args.journal else run)(args.folder, args.kills, args.seed)
    print(json.dumps(summary))
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
