"""A team on one PostgreSQL fact base: the same results as a file, several curators writing at once,
others' changes seen, reviewers by database role, passwords, and copies between a file and a server.

Everything runs against a real server the tests start (tests/postgresql_server.py), never a mock.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import textwrap
import time
from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core import storage
from kzeu_desk.core.conflict_report import open_conflict_report
from kzeu_desk.core.errors import PasswordNeeded, ReadOnlyFactBase, StaleEdit, UserError
from kzeu_desk.core.export import export
from kzeu_desk.core.loading import load_jsonl
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind

TEXT = TypedValue(ValueKind.TEXT, text="a claim")
ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
for _variable in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGUSER", "PGHOST"):
    ENV.pop(_variable, None)


@pytest.fixture(autouse=True)
def no_credentials_from_the_environment(monkeypatch, tmp_path):
    """libpq must find no password but the ones a test gives it."""
    for variable in ("PGPASSWORD", "PGSERVICE", "PGUSER", "PGHOST"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def new_id(changes, table: str = "fact") -> int:
    (only,) = changes.inserted[table]
    return only


def jsonl_of(location, folder: Path, name: str) -> list[str]:
    out = folder / f"{name}.jsonl"
    export(location, "jsonl", out)
    return out.read_text(encoding="utf-8").splitlines()


def scenario(fb: FactBase) -> None:
    """Curators' work beyond the sample corpus: conflicting values, an edit, a deletion, an undo."""
    with fb.reading() as conn:
        subject = conn.execute(text("SELECT id FROM entity ORDER BY id LIMIT 1")).scalar_one()
        prop = conn.execute(text("SELECT id FROM property WHERE value_kind = 'money' ORDER BY id LIMIT 1")).scalar_one()
    made = [new_id(fb.create_fact(subject_id=subject, property_id=prop,
                           value=TypedValue(ValueKind.MONEY, amount=amount, unit="EUR"), qualifiers={"point_in_time": "2023"},
                           note=note))
            for amount, note in ((1.0e9, "Қазақстан бойынша"), (2.5e9, "по данным ЕС"), (1.0e9, "agrees"),
                                 (3.0e9, "withdrawn"))]
    fb.update_fact(made[0], 1, note="Edited: Қазақстан бойынша есеп")
    deleted = fb.delete_fact(made[2])
    fb.revert(deleted.operation_id, "Undo delete")
    fb.delete_fact(made[3])


def key_summary_exact(location) -> set:
    """The facts' per-key summary (migration 0013) as the database kept it, checked against grouping the facts."""
    from kzeu_desk.core import conflicts
    from kzeu_desk.core.storage import engine_of

    with FactBase.open(location, read_only=True) as fb, fb.reading() as conn:
        assert engine_of(conn).key_summary_in_place(conn, conflicts.KEY_SUMMARY)
        kept = set(conn.execute(text(f"SELECT subject_id, property_id, bare_points FROM {conflicts.KEY_SUMMARY}")).all())
        counted = set(conn.execute(text(conflicts.key_summary_rows(engine_of(conn)).replace("{keys}", "1 = 1"))).all())
    assert kept == counted
    return kept


# -- the same results on both engines --------------------------------------------------------------


def test_a_loaded_scenario_gives_the_same_conflicts_and_export_on_both_engines(tmp_path, empty_postgresql_url):
    with FactBase.open(tmp_path / "built.sqlite", actor="tester") as built:
        import_sample_corpus(built)
        scenario(built)
    exported = tmp_path / "scenario.jsonl"
    export(tmp_path / "built.sqlite", "jsonl", exported)
    reports = {}
    for name, location in (("sqlite", tmp_path / "loaded.sqlite"), ("postgresql", empty_postgresql_url)):
        with FactBase.open(location, actor="tester") as fb:
            load_jsonl(fb, exported, backup=False)
            fb.rescan_conflicts()
            with fb.reading() as conn:
                reports[name] = [{k: v for k, v in asdict(c).items() if k not in ("id", "created_at")}
                                 for c in open_conflict_report(conn)]
    assert reports["sqlite"], "the scenario has conflicts"
    assert reports["postgresql"] == reports["sqlite"]
    assert (jsonl_of(tmp_path / "loaded.sqlite", tmp_path, "a")
            == jsonl_of(empty_postgresql_url, tmp_path, "b"))


def test_check_and_search_agree_on_both_engines(tmp_path, postgresql_url):
    from kzeu_desk.core import fact_listing
    from kzeu_desk.core.integrity import check

    found = {}
    for name, location in (("sqlite", tmp_path / "facts.sqlite"), ("postgresql", postgresql_url)):
        with FactBase.open(location, actor="tester") as fb:
            import_sample_corpus(fb)
            scenario(fb)
            with fb.reading() as conn:
                assert check(conn) == [], name
                found[name] = {word: fact_listing.count_at_most(conn, fact_listing.ListingSpec(search_text=word))
                               for word in ("Қазақстан", "Казахстан", "данным", "бойынша", "EUR", "kaz", "billion", "Евросоюз")}
    assert found["postgresql"] == found["sqlite"]
    assert found["sqlite"]["Қазақстан"].facts >= 1  # Kazakh words are found, as English ones are


@pytest.mark.parametrize("format_name", ["sqlite", "datapackage", "csv", "turtle", "webannotation", "wikidata", "jsonl"])
def test_every_export_format_reads_a_server_fact_base_as_it_reads_a_file(tmp_path, postgresql_url, format_name):
    from kzeu_desk.core.export import FORMATS

    file = tmp_path / "facts.sqlite"
    storage.copy_fact_base(postgresql_url, file)  # the same rows in both
    outputs = {}
    for name, location in (("sqlite", file), ("postgresql", postgresql_url)):
        out = tmp_path / name / f"export{FORMATS[format_name].suffix}"
        result = export(location, format_name, out)
        outputs[name] = result.counts
    assert outputs["postgresql"] == outputs["sqlite"]
    if format_name in ("csv", "turtle"):  # the same rows, the same text (ids derive from the rows)
        texts = [(tmp_path / name / f"export{FORMATS[format_name].suffix}").read_text(encoding="utf-8")
                 for name in ("sqlite", "postgresql")]
        assert texts[0] == texts[1]


# -- moving between a file and a server ------------------------------------------------------------


def test_copy_sqlite_to_postgresql_to_sqlite_is_lossless(tmp_path, empty_postgresql_url):
    first = tmp_path / "curator.sqlite"
    with FactBase.open(first, actor="curator") as fb:
        import_sample_corpus(fb)
        scenario(fb)
        with fb.reading() as conn:
            highest_fact = conn.execute(text("SELECT max(target_id) FROM audit_event WHERE target_type = 'fact'")).scalar()
    storage.copy_fact_base(first, empty_postgresql_url)
    with FactBase.open(empty_postgresql_url, read_only=True) as server, server.reading() as conn:
        # The copy arrives settled (vacuumed and analysed): the planner knows how many facts there are.
        facts = conn.execute(text("SELECT count(*) FROM fact")).scalar_one()
        assert conn.execute(text("SELECT reltuples FROM pg_class WHERE oid = CAST('fact' AS regclass)")).scalar_one() == facts
    home = tmp_path / "home" / "snapshot.sqlite"
    run = subprocess.run([sys.executable, "-m", "kzeu_desk", "copy", "--from", empty_postgresql_url, "--to", str(home)],
                         capture_output=True, text=True, env=ENV, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Copied ") and "facts" in run.stdout
    original = jsonl_of(first, tmp_path, "first")
    assert jsonl_of(empty_postgresql_url, tmp_path, "server") == original
    assert jsonl_of(home, tmp_path, "home") == original
    # The copies count the summary once after their rows, and keep it from then on.
    summary = key_summary_exact(first)
    assert summary and key_summary_exact(empty_postgresql_url) == summary and key_summary_exact(home) == summary
    with FactBase.open(empty_postgresql_url, actor="team") as server:
        with server.reading() as conn:
            last_operation = conn.execute(text("SELECT max(id) FROM operation")).scalar_one()
        # The copied history undoes on the server, and new rows never take an id ever handed out.
        server.revert(last_operation, "Undo the last deletion")
        new_fact = new_id(server.create_fact(value=TEXT, note="made on the server"))
        assert new_fact > highest_fact
        assert server.create_entity("Copied entity").inserted["entity"]


def test_copy_refuses_a_target_holding_work_and_leaves_it_alone(tmp_path, postgresql_url):
    source = tmp_path / "facts.sqlite"
    with FactBase.open(source, actor="tester") as fb:
        fb.create_entity("Somewhere")
    with FactBase.open(postgresql_url, actor="tester") as server:
        server.create_entity("Already here")
    with pytest.raises(UserError, match="already holds a fact base with work in it"):
        storage.copy_fact_base(source, postgresql_url)
    with pytest.raises(UserError, match="already exists"):
        storage.copy_fact_base(postgresql_url, source)
    with FactBase.open(postgresql_url, read_only=True) as server, server.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM entity WHERE name = 'Already here'")).scalar_one() == 1


def test_the_copy_command_fills_an_empty_database_and_takes_a_snapshot_home(tmp_path, empty_postgresql_url):
    """As a team starts: `kzeu-desk copy` onto a database just created (connecting first for the
    password must not give it a new fact base's vocabulary, which the copy would refuse), and back."""
    first = tmp_path / "curator.sqlite"
    with FactBase.open(first, actor="curator") as fb:
        import_sample_corpus(fb)
        scenario(fb)
    home = tmp_path / "home.sqlite"
    for source, target in ((str(first), empty_postgresql_url), (empty_postgresql_url, str(home))):
        run = subprocess.run([sys.executable, "-m", "kzeu_desk", "copy", "--from", source, "--to", target],
                             capture_output=True, text=True, env=ENV, timeout=300, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith("Copied ") and " 5 sources" in run.stdout
    original = jsonl_of(first, tmp_path, "first")
    assert jsonl_of(empty_postgresql_url, tmp_path, "server") == original
    assert jsonl_of(home, tmp_path, "home") == original


def test_vocabulary_and_source_commands_take_a_server_address_and_a_reviewer_is_refused(
        postgresql_server, postgresql_url, tmp_path):
    def kzeu(*args: str, url: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kzeu_desk", *args, "--db", url], capture_output=True, text=True,
                              env={**ENV, "PGPASSFILE": str(pgpass)}, timeout=120, cwd=tmp_path,
                              stdin=subprocess.DEVNULL)

    database = postgresql_url.split("/")[3].split("?")[0]
    storage.engine_for(postgresql_url).grant_access(postgresql_url, "vera", "reviewer", new_role_password="v-secret")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:{database}:vera:v-secret\n")
    pgpass.chmod(0o600)
    reviewer_url = postgresql_server.url(database, user="vera")
    added = kzeu("property", "add", "--key", "talks_held", "--label", "talks held", "--kind", "count",
                 url=postgresql_url)
    assert added.returncode == 0, added.stderr
    assert "talks_held" in kzeu("property", "list", url=reviewer_url).stdout
    with FactBase.open(postgresql_url, actor="curator") as fb:
        import_sample_corpus(fb)
    edited = kzeu("source", "edit", "--source", "1", "--publisher", "Astana Calling", url=postgresql_url)
    assert edited.returncode == 0, edited.stderr
    assert "Astana Calling" in kzeu("source", "list", url=reviewer_url).stdout
    for refused in (kzeu("property", "add", "--key", "not_allowed", "--label", "no", "--kind", "text", url=reviewer_url),
                    kzeu("property", "edit", "--key", "talks_held", "--label", "renamed", url=reviewer_url),
                    kzeu("source", "edit", "--source", "1", "--title", "renamed", url=reviewer_url)):
        assert refused.returncode == 2
        assert refused.stderr.count("\n") == 1 and "“vera”" in refused.stderr and "read-only" in refused.stderr
    assert list(tmp_path.iterdir()) == [pgpass]  # no file named after the address was made
    with FactBase.open(postgresql_url, read_only=True) as fb, fb.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM property WHERE key = 'not_allowed' OR name = 'renamed'")
                            ).scalar_one() == 0


def test_team_grant_sets_a_typed_password_for_an_existing_role_sending_only_its_hash(postgresql_server, postgresql_url):
    engine = storage.engine_for(postgresql_url)
    engine.grant_access(postgresql_url, "olga", "curator", new_role_password=None)
    database = postgresql_url.split("/")[3].split("?")[0]
    with postgresql_server.admin() as admin:
        admin.execute("ALTER SYSTEM SET log_statement = 'all'")
        admin.execute("SELECT pg_reload_conf()")
    try:
        said = engine.grant_access(postgresql_url, "olga", "curator", new_role_password="o-Secret-42")
    finally:
        with postgresql_server.admin() as admin:
            admin.execute("ALTER SYSTEM RESET log_statement")
            admin.execute("SELECT pg_reload_conf()")
    assert said.startswith("Gave the role “olga”") and "password" in said
    with FactBase.open(postgresql_server.url(database, user="olga"), password="o-Secret-42") as fb:
        assert fb.actor == "olga" and not fb.read_only
    with postgresql_server.admin() as admin:
        stored = admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'olga'").fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$")
    assert "o-Secret-42" not in (postgresql_server.folder / "server.log").read_text(errors="replace")


# -- several curators at once ----------------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys
    from sqlalchemy import text
    from kzeu_desk.core.errors import FactBaseLocked, StaleEdit
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    url, fact_id, rounds, mark = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    retries = 0
    with FactBase.open(url, actor=mark) as fb:
        for number in range(rounds):
            fb.create_fact(value=TypedValue(ValueKind.TEXT, text=mark), note=f"{mark} {number}")
            while True:  # read, change, write back: what a curator's editor does
                with fb.reading() as conn:
                    version, note = conn.execute(text("SELECT version, note FROM fact WHERE id = :id"),
                                                 {"id": fact_id}).one()
                try:
                    fb.update_fact(fact_id, version, note=(note or "") + mark)
                    break
                except (StaleEdit, FactBaseLocked):
                    retries += 1
    print(retries)
""")


def test_curator_processes_writing_at_once_lose_nothing(postgresql_url):
    with FactBase.open(postgresql_url, actor="tester") as fb:
        shared = new_id(fb.create_fact(value=TEXT, note=""))
    writers, rounds = 4, 12
    processes = [subprocess.Popen([sys.executable, "-c", _WRITER, postgresql_url, str(shared), str(rounds), mark],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
                 for mark in "ABCD"[:writers]]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    with FactBase.open(postgresql_url, read_only=True) as fb, fb.reading() as conn:
        note, version = conn.execute(text("SELECT note, version FROM fact WHERE id = :id"), {"id": shared}).one()
        assert sorted(note) == sorted("ABCD"[:writers] * rounds)  # every update kept, none overwritten
        assert version == 1 + writers * rounds
        made = conn.execute(text("SELECT count(*) FROM fact WHERE note LIKE '% %'")).scalar_one()
        assert made == writers * rounds
        actors = set(conn.execute(text("SELECT DISTINCT actor FROM audit_event")).scalars())
        assert set("ABCD"[:writers]) <= actors


def test_the_second_of_two_edits_of_one_fact_is_refused_and_undo_spares_others_later_changes(postgresql_url):
    with FactBase.open(postgresql_url, actor="ana") as ana, FactBase.open(postgresql_url, actor="bek") as bek:
        created = ana.create_fact(value=TEXT, note="first")
        fact_id = new_id(created)
        ana.update_fact(fact_id, 1, note="Ana's")
        with pytest.raises(StaleEdit):
            bek.update_fact(fact_id, 1, note="Bek's, from the version he read")
        bek.update_fact(fact_id, 2, note="Bek's, after seeing Ana's")
        with pytest.raises(StaleEdit, match="changed again since"):
            ana.revert(created.operation_id, "Undo create")
        with ana.reading() as conn:
            assert conn.execute(text("SELECT note FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one() \
                == "Bek's, after seeing Ana's"


def test_a_failure_among_the_writes_sent_with_the_commit_keeps_nothing_and_the_next_edit_works(postgresql_url):
    """An operation's audit rows travel with its COMMIT (nobody waits for their answer): the
    server refusing one must still fail the whole operation in one sentence, keep nothing, and
    leave the connection fit for the next edit."""
    with FactBase.open(postgresql_url, actor="tester") as fb:
        fact_id = new_id(fb.create_fact(value=TEXT, note="before"))
        with fb.engine.begin() as conn:  # as a server's own rule (an administrator's trigger) would refuse it
            conn.exec_driver_sql("CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
                                 "$$ BEGIN RAISE EXCEPTION 'audit rows refused'; END $$")
            conn.exec_driver_sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event "
                                 "FOR EACH ROW EXECUTE FUNCTION refuse_audit()")
        with fb.reading() as conn:
            version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one()
            operations = conn.execute(text("SELECT count(*) FROM operation")).scalar_one()
        with pytest.raises(UserError, match=r"could not be saved.*audit rows refused") as refused:
            fb.update_fact(fact_id, version, note="after")
        assert "\n" not in str(refused.value)  # one sentence, no statement or traceback
        with fb.reading() as conn:
            assert conn.execute(text("SELECT note FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one() == "before"
            assert conn.execute(text("SELECT count(*) FROM operation")).scalar_one() == operations
        with fb.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER refuse_audit ON audit_event")
        for _ in range(3):  # every pooled connection, the failed one included, works again
            with fb.reading() as conn:
                version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one()
            fb.update_fact(fact_id, version, note=f"after {version}")
        with fb.reading() as conn:
            assert conn.execute(text("SELECT note FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one() == \
                f"after {version}"


def test_a_refused_update_sent_with_the_next_statement_keeps_nothing_and_the_next_edit_works(postgresql_url):
    """An edit's UPDATE travels with the statement after it (nobody reads its answer): the server
    refusing it must still fail the whole operation in one sentence and keep nothing."""
    with FactBase.open(postgresql_url, actor="tester") as fb:
        fact_id = new_id(fb.create_fact(value=TEXT, note="before"))
        with fb.engine.begin() as conn:  # as a server's own rule (an administrator's trigger) would refuse it
            conn.exec_driver_sql("CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS "
                                 "$$ BEGIN RAISE EXCEPTION 'fact updates refused'; END $$")
            conn.exec_driver_sql("CREATE TRIGGER refuse_update BEFORE UPDATE ON fact "
                                 "FOR EACH ROW EXECUTE FUNCTION refuse_update()")
        with fb.reading() as conn:
            operations = conn.execute(text("SELECT count(*) FROM operation")).scalar_one()
        with pytest.raises(UserError, match=r"could not be saved.*fact updates refused") as refused:
            fb.update_fact(fact_id, 1, value=TypedValue(ValueKind.TEXT, text="after"))
        assert "\n" not in str(refused.value)
        with fb.reading() as conn:
            assert conn.execute(text("SELECT value_text, version FROM fact WHERE id = :id"),
                                {"id": fact_id}).one() == ("a claim", 1)
            assert conn.execute(text("SELECT count(*) FROM operation")).scalar_one() == operations
        with fb.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER refuse_update ON fact")
        for version in (1, 2, 3):  # every pooled connection, the failed one included, works again
            fb.update_fact(fact_id, version, note=f"after {version}")


def test_a_writer_kept_waiting_for_the_lock_is_refused_in_one_sentence(postgresql_url, monkeypatch):
    """The writers' lock is asked for with the action's first statement: not had in time, the
    action is refused as the server being busy, and nothing of it is kept."""
    from kzeu_desk.core.storage.postgresql import connecting, transactions

    monkeypatch.setattr(transactions, "LOCK_TIMEOUT", "200ms")
    with FactBase.open(postgresql_url, actor="tester") as fb:
        fact_id = new_id(fb.create_fact(value=TEXT, note="before"))
        with fb.engine.connect() as holder:
            holder.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": connecting.WRITER_LOCK})
            with pytest.raises(UserError) as refused:
                fb.update_fact(fact_id, 1, note="after")
            holder.rollback()
        assert "\n" not in str(refused.value)
        fb.update_fact(fact_id, 1, note="after")  # the lock free again: the same edit goes through
        with fb.reading() as conn:
            assert conn.execute(text("SELECT note, version FROM fact WHERE id = :id"), {"id": fact_id}).one() \
                == ("after", 2)


def test_reads_sent_together_answer_as_each_alone_and_a_failing_one_fails_in_one_sentence(postgresql_url):
    """`read_together` (an edit's conflict re-check and search documents: one wait for the server
    instead of one per read) gives each read's rows as SQLAlchemy would, expanding parameters and
    Core selects included; a read the server refuses fails the operation as any statement would."""
    from sqlalchemy import bindparam, select

    from kzeu_desk.core.recorder import table

    with FactBase.open(postgresql_url, actor="tester") as fb:
        made = [new_id(fb.create_fact(value=TEXT, note=f"note {n}")) for n in range(3)]
        fact = table("fact")
        reads = [
            (text("SELECT id, note, value_text FROM fact WHERE id IN :ids ORDER BY id").bindparams(
                bindparam("ids", expanding=True)), {"ids": made[:2]}),
            (select(fact.c.id, fact.c.version, fact.c.value_approximate).where(fact.c.id.in_(made)).order_by(fact.c.id), {}),
            (text("SELECT id FROM fact WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)), {"ids": []}),
        ]
        with fb.reading() as conn:
            together = storage.engine_of(conn).read_together(conn, reads)
            alone = [[dict(row) for row in conn.execute(query, params).mappings()] for query, params in reads]
        assert together == alone
        assert [row["note"] for row in together[0]] == ["note 0", "note 1"] and len(together[1]) == 3
        with pytest.raises(DBAPIError), fb.reading() as conn:
            storage.engine_of(conn).read_together(conn, [reads[0], (text("SELECT no_such_column FROM fact"), {})])
        with fb.reading() as conn:  # the connection went back to the pool fit for use
            assert len(storage.engine_of(conn).read_together(conn, reads)[1]) == 3


@pytest.mark.wall_clock
def test_a_second_workspace_hears_of_a_change_within_two_seconds(postgresql_url):
    heard: queue.Queue = queue.Queue()
    with FactBase.open(postgresql_url, actor="ana") as ana, FactBase.open(postgresql_url, actor="bek") as bek:
        assert ana.watch_others(heard.put)
        ana.create_entity("Ana's own entity")  # her own change is not reported to her
        started = time.monotonic()
        changes = bek.create_entity("Bek's entity")
        assert heard.get(timeout=2) == changes.operation_id
        assert time.monotonic() - started < 2
        with pytest.raises(queue.Empty):
            heard.get(timeout=0.3)


def test_a_file_has_no_change_feed(tmp_path):
    with FactBase.open(tmp_path / "facts.sqlite") as fb:
        assert fb.watch_others(lambda _operation: None) is False
        assert fb.files_to_watch()


# -- roles and passwords ---------------------------------------------------------------------------


def test_a_reviewer_role_opens_read_only_and_the_server_refuses_its_writes(postgresql_server, postgresql_url):
    said = storage.engine_for(postgresql_url).grant_access(postgresql_url, "rita", "reviewer",
                                                           new_role_password="r-secret")
    assert "reviewer" in said and "rita" in said
    database = postgresql_url.split("/")[3].split("?")[0]
    reviewer_url = postgresql_server.url(database, user="rita", password="r-secret")
    with FactBase.open(reviewer_url) as fb:
        assert fb.read_only
        assert "rita" in fb.read_only_reason and "read-only" in fb.read_only_reason
        with pytest.raises(ReadOnlyFactBase) as refused:
            fb.create_entity("Not allowed")
        assert str(refused.value).count(". ") == 0
        with fb.reading() as conn:
            assert conn.execute(text("SELECT count(*) FROM source")).scalar_one() == 0
        with pytest.raises(DBAPIError) as raw, fb.engine.begin() as conn:  # around the app: the server says no
            conn.execute(text("SET TRANSACTION READ WRITE"))  # past the session's read-only default
            conn.execute(text("INSERT INTO entity (name, kind) VALUES ('x', 'other')"))
        engine = storage.engine_for(reviewer_url)
        assert engine.problem(raw.value) is storage.StorageProblem.NOT_PERMITTED
        sentence = str(engine.describe_failure(raw.value, reviewer_url))
        assert "does not let your database role change" in sentence and "\n" not in sentence


def test_a_curator_role_writes_migrates_and_is_named_in_the_audit(postgresql_server, empty_postgresql_url):
    run = subprocess.run([sys.executable, "-m", "kzeu_desk", "team", "grant", "--db", empty_postgresql_url,
                          "--role", "carl", "--as", "curator"], capture_output=True, text=True, env=ENV,
                         timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "Created the login role “carl”" in run.stdout
    with postgresql_server.admin() as admin:
        admin.execute("ALTER ROLE carl PASSWORD 'c-secret'")
        database = empty_postgresql_url.split("/")[3].split("?")[0]
        # A later version's migration, run by a curator: the owning group's objects stay the group's.
        with __import__("psycopg").connect(postgresql_server.url(database), autocommit=True) as db:
            db.execute("UPDATE alembic_version SET version_num = '0005_document_pages_and_originals'")
            db.execute("DROP INDEX ix_fact_key_values")  # 0009's, and the index it replaced back
            db.execute("CREATE INDEX ix_fact_key_scope ON fact "
                       "(subject_id, property_id, status, rank, point_in_time, start_time, end_time)")
            db.execute("DROP TABLE dismissed_candidate")
            db.execute("ALTER TABLE evidence DROP COLUMN number_changed")  # 0007's, undone with 0006's
            db.execute("DROP TABLE fact_qualifier")  # and 0008's
            db.execute("DROP TABLE property_separator")
            db.execute("ALTER TABLE property DROP COLUMN allowed_units, DROP COLUMN subject_kind, "
                       "DROP COLUMN deprecated")
            db.execute("ALTER TABLE conflict DROP COLUMN worded_under")  # and 0011's (0010 changes no table)
            db.execute("DROP FUNCTION conflict_wording_watch() CASCADE")  # and 0012's, its triggers with it
            db.execute("DROP TABLE fact_key_summary")  # and 0013's, with its functions and their triggers
            for event in ("insert", "delete", "update", "truncate"):
                db.execute(f"DROP FUNCTION fact_key_summary_{event}() CASCADE")
    curator_url = postgresql_server.url(database, user="carl", password="c-secret")
    with FactBase.open(curator_url) as fb:
        assert not fb.read_only
        assert fb.actor == "carl"
        fb.create_entity("Made by Carl")
        with fb.reading() as conn:
            assert conn.execute(text("SELECT DISTINCT actor FROM audit_event WHERE action = 'insert' "
                                     "AND target_type = 'entity' ORDER BY 1 DESC LIMIT 1")).scalar_one() == "carl"
            owner = conn.execute(text("SELECT tableowner FROM pg_tables WHERE tablename = 'dismissed_candidate'")).scalar()
            assert owner.endswith("_curators")
            watch_owner = conn.execute(text(
                "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'conflict_wording_watch'")).scalar()
            assert watch_owner.endswith("_curators")  # so another curator's later step may drop it
            summary_owners = conn.execute(text(
                "SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc WHERE proname LIKE 'fact_key_summary_%' "
                "UNION SELECT tableowner FROM pg_tables WHERE tablename = 'fact_key_summary'")).scalars().all()
            assert len(summary_owners) == 1 and summary_owners[0].endswith("_curators")
            prop = conn.execute(text("SELECT id FROM property WHERE value_kind = 'money' AND single_valued "
                                     "ORDER BY id LIMIT 1")).scalar_one()
        # Carl's facts are counted in the summary by its triggers, which run with his rights.
        kz = fb.create_entity("Kazakhstan Investment Fund").new_id("entity")
        for amount in (1e9, 2e9):
            fb.create_fact(value=TypedValue(ValueKind.MONEY, amount=amount, unit="USD"), subject_id=kz,
                           property_id=prop, qualifiers={"point_in_time": "2020"})
        with fb.reading() as conn:
            assert conn.execute(text("SELECT bare_points FROM fact_key_summary WHERE subject_id = :s AND property_id = :p"),
                                {"s": kz, "p": prop}).all() == [(1,)]


def test_passwords_come_from_libpq_or_are_asked_for(postgresql_server, postgresql_url, tmp_path, monkeypatch):
    storage.engine_for(postgresql_url).grant_access(postgresql_url, "dana", "curator", new_role_password="d-secret")
    database = postgresql_url.split("/")[3].split("?")[0]
    url = postgresql_server.url(database, user="dana")
    with pytest.raises(PasswordNeeded) as asked:
        FactBase.open(url)
    assert not asked.value.wrong and "asks for a password" in str(asked.value) and "dana" in str(asked.value)
    with pytest.raises(PasswordNeeded) as wrong:
        FactBase.open(url, password="not it")
    assert wrong.value.wrong and "did not accept" in str(wrong.value)
    with FactBase.open(url, password="d-secret") as fb:
        assert fb.actor == "dana"
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:{database}:dana:d-secret\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with FactBase.open(url) as fb:
        assert not fb.read_only
    # A script without a terminal is told where the password goes, in one line.
    run = subprocess.run([sys.executable, "-m", "kzeu_desk", "check", "--db", url], capture_output=True, text=True,
                         env={**ENV, "PGPASSFILE": str(tmp_path / "none")}, timeout=120, cwd=ROOT,
                         stdin=subprocess.DEVNULL)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "~/.pgpass" in run.stderr and "d-secret" not in run.stderr


def test_the_terminal_asks_for_a_password_naming_the_database_as_messages_do(monkeypatch, capsys):
    from kzeu_desk import team_commands

    # A socket directory in the address is percent-encoded; the prompt names database and host instead.
    url = "postgresql://dana@/facts?host=%2Fvar%2Frun%2Fpostgresql&port=5432"
    prompts: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(team_commands.getpass, "getpass", lambda prompt: prompts.append(prompt) or "typed")

    def attempt(password):
        if password is None:
            raise PasswordNeeded("The server holding facts on this computer asks for a password for the role “dana”.")
        return password

    assert team_commands.with_password(url, attempt) == "typed"
    assert prompts == ["Password for facts on this computer: "]
    assert "role “dana”" in capsys.readouterr().err


def test_a_server_that_cannot_be_reached_is_said_in_one_sentence(tmp_path):
    url = f"postgresql://nobody@/facts?host={tmp_path}&port=5999&connect_timeout=2"
    with pytest.raises(UserError) as refused:
        FactBase.open(url)
    assert "could not be reached" in str(refused.value)
    run = subprocess.run([sys.executable, "-m", "kzeu_desk", "conflicts", "--db", url], capture_output=True,
                         text=True, env=ENV, timeout=120, cwd=ROOT)
    assert run.returncode == 2 and run.stderr.startswith("kzeu-desk: ") and run.stderr.count("\n") == 1


def test_a_missing_database_and_a_wrong_address_are_refused_in_one_sentence(postgresql_server):
    with pytest.raises(UserError, match="There is no database “nowhere”"):
        FactBase.open(postgresql_server.url("nowhere"))
    with pytest.raises(UserError) as unreadable:
        FactBase.open("postgresql://[bad")
    assert "\n" not in str(unreadable.value)


def test_backup_restore_and_check_of_a_server_fact_base(postgresql_url, tmp_path):
    from kzeu_desk.core import backups

    with FactBase.open(postgresql_url, actor="ana") as fb:
        fb.create_entity("Before the backup")
    taken = backups.take_backup(postgresql_url, "manual")
    assert taken.path.is_file() and "on-this-computer" in taken.path.name
    summary = key_summary_exact(postgresql_url)
    with FactBase.open(postgresql_url, actor="ana") as fb:
        heard: queue.Queue = queue.Queue()
        fb.watch_others(heard.put)
        after = new_id(fb.create_entity("After the backup"), "entity")
        with fb.reading() as conn:
            prop = conn.execute(text("SELECT id FROM property WHERE value_kind = 'money' ORDER BY id LIMIT 1")).scalar_one()
        for amount in (1.0e9, 2.0e9):  # two values in one year: a key the summary holds until the restore
            fb.create_fact(subject_id=after, property_id=prop, value=TypedValue(ValueKind.MONEY, amount=amount, unit="EUR"),
                           qualifiers={"point_in_time": "2024"})
        assert key_summary_exact(postgresql_url) - summary
        backups.restore_backup(postgresql_url, taken.path)
        assert heard.get(timeout=2) is None  # a restore is no one operation: every workspace re-reads
        with fb.reading() as conn:
            names = set(conn.execute(text("SELECT name FROM entity")).scalars())
    assert "Before the backup" in names and "After the backup" not in names
    assert key_summary_exact(postgresql_url) == summary
    assert {b.reason for b in backups.list_backups(postgresql_url)} >= {"manual", "before-restore"}
    for command in (["check", "--db", postgresql_url], ["backup", "--db", postgresql_url, "--list"]):
        run = subprocess.run([sys.executable, "-m", "kzeu_desk", *command], capture_output=True, text=True,
                             env=ENV, timeout=120, cwd=ROOT)
        assert run.returncode == 0, run.stderr
    assert "no problems found" in subprocess.run(
        [sys.executable, "-m", "kzeu_desk", "check", "--db", postgresql_url], capture_output=True, text=True,
        env=ENV, timeout=120, cwd=ROOT).stdout


def test_granting_a_curator_hands_over_the_functions_the_fact_bases_triggers_call(postgresql_server, postgresql_url):
    """Migration 0012's function belongs to whoever made the fact base (here the administrator); the
    curators' group gets it with the tables, so a curator's later schema step may drop or replace it."""
    storage.engine_for(postgresql_url).grant_access(postgresql_url, "erin", "curator", new_role_password="e-secret")
    database = postgresql_url.split("/")[3].split("?")[0]
    with __import__("psycopg").connect(postgresql_server.url(database), autocommit=True) as db:
        owners = db.execute("SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_trigger t "
                            "JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal").fetchall()
    assert len(owners) == 1 and owners[0][0].endswith("_curators")
