"""Kill kzeu_desk's write path with SIGKILL at random moments and prove nothing acknowledged is lost.

    python tests/crash_harness.py --kills 200 --folder DIR [--seed N]

Each round forks a child that opens the fact base and works (a scripted editing session, or a bulk
import of the sample articles), writing one acknowledgement line per operation *after* the service
call returned. The parent kills it after a random delay, then checks the file: `kzeu-desk check`'s
checks all pass and every acknowledged change is there. Prints a JSON summary; exits 1 on any loss.
Forking from a parent that already imported everything keeps a round at tens of milliseconds.
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


def _editing_session(fb: FactBase, acknowledge, rng: random.Random) -> None:
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


def _bulk_import(fb: FactBase, acknowledge, _rng: random.Random) -> None:
    documents = [(read_document(sample_corpus_dir() / name), meta) for name, meta in sample_documents()]
    while True:
        for document, meta in documents:
            acknowledge(f"source {fb.import_document(document, meta).new_id('source')} 0")


def _child(path: Path, mode: str, write_fd: int, seed: int) -> None:
    rng = random.Random(seed)
    out = os.fdopen(write_fd, "w", buffering=1)

    def acknowledge(line: str) -> None:
        out.write(line + "\n")

    fb = FactBase.open(path, actor="crash-test")
    (_editing_session if mode == "edit" else _bulk_import)(fb, acknowledge, rng)


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
                _child(path, mode, write_fd, seed * 100_003 + round_number)
            finally:
                os._exit(0)
        os.close(write_fd)
        deadline = time.monotonic() + rng.uniform(0.02, 0.3)
        buffer = b""
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([read_fd], [], [], remaining)
            if ready:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                buffer += chunk
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
        if problems:
            summary["problems"] = [f"after kill {round_number + 1}: {p}" for p in problems[:20]]
            break
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    summary = run(args.folder, args.kills, args.seed)
    print(json.dumps(summary))
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
