"""Source revisions through the service: a corrected article becomes a new revision, every highlight
follows its evidence or is orphaned, the old text is kept, and it all undoes as one step."""

from __future__ import annotations

import random

import pytest
from alembic import command
from sqlalchemy import insert, text

from kzeu_desk.core import fact_detail, integrity, migrations, queries, revisions
from kzeu_desk.core.storage.sqlite import engine as sqlite_features
from kzeu_desk.core import recorder as recorder_module
from kzeu_desk.core.errors import InvalidEdit, StaleEdit
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.core.text import sha256_text
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from test_conflicts import Corpus
from test_reanchor import bench

pytestmark = pytest.mark.both_engines

ARTICLE = "kz_eu_30_years.txt"
MONEY, DATE, TEXT = ValueKind.MONEY, ValueKind.DATE, ValueKind.TEXT


def corrected(body: str) -> str:
    """The article as re-published: a figure corrected, a sentence cut, words added, a paragraph moved."""
    edited = body.replace("almost US$77 billion", "almost US$78 billion")
    edited = edited.replace(
        " Thus, to date, the EU accounts for one third of the total volume of Kazakhstan’s foreign trade.", "")
    edited = edited.replace("There are about 3,000 companies", "According to official data, there are about 3,000 companies")
    paragraphs = edited.split("\n\n")
    paragraphs.insert(1, paragraphs.pop(-1))  # the closing paragraph now follows the lede
    return "\n\n".join(paragraphs)


def document(body: str, file_name: str = "kz_eu_30_years-corrected.txt") -> ReadDocument:
    return ReadDocument(body, "utf-8", file_name, None, "text")


def evidence_rows(fb: FactBase) -> dict[int, dict]:
    with fb.reading() as conn:
        return {r["fact_id"]: dict(r) for r in conn.execute(text("SELECT * FROM evidence")).mappings()}


def problems(fb: FactBase) -> list[str]:
    """`kzeu-desk check` with the revision-aware invariants in place of the one orphans break."""
    with fb.reading() as conn:
        found = [p.message for p in integrity.check(conn) if p.check != "evidence quote matches its source"]
        for query in revisions.INTEGRITY_CHECKS.values():
            found += [row[0] for row in conn.exec_driver_sql(query)]
    return found


@pytest.fixture
def article(fact_base: FactBase):
    """Facts drawn from one sample article, the way a curator draws them."""
    corpus = Corpus(fact_base)
    facts = {
        "invested_77": corpus.fact("Kazakhstan", "cumulative_investment",
                                   TypedValue(MONEY, amount=77e9, upper=77e9, unit="USD"), ARTICLE,
                                   "almost US$77 billion"),
        "exceeded_160": corpus.fact("Kazakhstan", "cumulative_investment",
                                    TypedValue(MONEY, amount=160e9, lower=160e9, unit="USD"), ARTICLE,
                                    "exceeded US$160 billion"),
        "one_third": corpus.fact("Kazakhstan", "share_of_foreign_trade",
                                 TypedValue(ValueKind.PERCENT, amount=100 / 3, approximate=True, unit="%"), ARTICLE,
                                 "one third of the total volume of Kazakhstan’s foreign trade"),
        "companies": corpus.fact("Kazakhstan", "statement", TypedValue(TEXT, text="3,000"),
                                 ARTICLE, "about 3,000 companies with the participation of the European capital"),
        "epca_1995": corpus.fact("Kazakhstan–EU relations", "diplomatic_relations_established",
                                 TypedValue(DATE, date="1995"), ARTICLE, "That was in 1995."),
        "anniversary": corpus.fact("Kazakhstan–EU relations", "diplomatic_relations_established",
                                   TypedValue(DATE, date="1993"), ARTICLE,
                                   "A number of events are planned to mark the 30th anniversary"),
    }
    source_id = corpus.sources[ARTICLE]
    with fact_base.reading() as conn:
        body = queries.source_text(conn, source_id)
    return fact_base, source_id, body, facts


# -- importing a revision -----------------------------------------------------------------------------


def test_a_corrected_article_moves_every_highlight_or_orphans_it(article):
    fb, source_id, body, facts = article
    new_body = corrected(body)
    fb.import_revision(source_id, document(new_body))

    rows = evidence_rows(fb)
    with fb.reading() as conn:
        assert queries.source_text(conn, source_id) == new_body
        assert revisions.current_revision(conn, source_id) == 2
        assert revisions.revision_text(conn, source_id, 1) == body
    moved = {"exceeded_160": "exceeded US$160 billion", "epca_1995": "That was in 1995.",
             "anniversary": "A number of events are planned to mark the 30th anniversary",
             "companies": "about 3,000 companies with the participation of the European capital"}
    for name, quote in moved.items():
        row = rows[facts[name]]
        assert row["anchor_state"] in (AnchorState.EXACT, AnchorState.MOVED), name
        assert new_body[row["start"]:row["end"]] == quote, name
        assert row["confirmed_revision"] == 2
    # The corrected figure is found approximately, and waits for a curator because a number changed.
    figure = rows[facts["invested_77"]]
    assert figure["anchor_state"] == AnchorState.FUZZY and figure["number_changed"]
    assert new_body[figure["start"]:figure["end"]] == "almost US$78 billion"
    assert not any(row["number_changed"] for fact, row in rows.items() if fact != facts["invested_77"])
    # The cut sentence is gone: its evidence keeps pointing into revision 1.
    lost = rows[facts["one_third"]]
    assert lost["anchor_state"] == AnchorState.ORPHANED and lost["confirmed_revision"] == 1
    assert body[lost["start"]:lost["end"]] == lost["quote"]
    assert problems(fb) == []


def test_the_orphan_queue_lists_lost_and_changed_evidence_and_flags_facts_left_without_any(article):
    fb, source_id, body, facts = article
    fb.import_revision(source_id, document(corrected(body)))
    with fb.reading() as conn:
        queue = {item.fact_id: item for item in revisions.review_queue(conn)}
        left_without = revisions.facts_with_only_orphaned_evidence(conn)
    assert set(queue) == {facts["one_third"], facts["invested_77"]}
    assert queue[facts["one_third"]].reason is revisions.ReviewReason.ORPHANED
    assert queue[facts["one_third"]].fact_left_without_evidence
    assert queue[facts["invested_77"]].reason is revisions.ReviewReason.NUMBER_CHANGED
    assert queue[facts["invested_77"]].old_quote == "almost US$77 billion"
    assert queue[facts["invested_77"]].new_quote == "almost US$78 billion"
    assert not queue[facts["invested_77"]].fact_left_without_evidence
    assert left_without == [facts["one_third"]]


def test_importing_a_revision_is_one_undo_step_and_redo_brings_it_back(article):
    fb, source_id, body, facts = article
    before = evidence_rows(fb)
    changes = fb.import_revision(source_id, document(corrected(body)))
    assert changes.touched("source_revision") and changes.touched("evidence")

    undo = fb.revert(changes.operation_id, "Undo: new revision")
    with fb.reading() as conn:
        assert queries.source_text(conn, source_id) == body
        assert revisions.revision_history(conn, source_id)[0].number == 1
    assert evidence_rows(fb) == before
    assert problems(fb) == []

    fb.revert(undo.operation_id, "Redo: new revision")
    with fb.reading() as conn:
        assert revisions.current_revision(conn, source_id) == 2
    assert evidence_rows(fb)[facts["one_third"]]["anchor_state"] == AnchorState.ORPHANED
    assert problems(fb) == []


def test_the_same_text_again_is_refused_and_changes_nothing(article):
    fb, source_id, body, _facts = article
    with pytest.raises(InvalidEdit, match="current text"):
        fb.import_revision(source_id, document(body))
    with fb.reading() as conn:
        assert revisions.current_revision(conn, source_id) == 1


def test_a_third_revision_can_find_an_orphan_again_and_keeps_an_unreviewed_match_waiting(article):
    fb, source_id, body, facts = article
    fb.import_revision(source_id, document(corrected(body)))
    fb.import_revision(source_id, document(body, "kz_eu_30_years-restored.txt"))  # the cut is undone by the publisher
    rows = evidence_rows(fb)
    restored = rows[facts["one_third"]]
    assert restored["anchor_state"] == AnchorState.EXACT and restored["confirmed_revision"] == 3
    assert body[restored["start"]:restored["end"]] == restored["quote"]
    # The corrected figure went back to 77: found exactly, but never reviewed, so it still waits.
    figure = rows[facts["invested_77"]]
    assert figure["anchor_state"] == AnchorState.FUZZY and figure["previous_revision"] == 1
    with fb.reading() as conn:
        history = revisions.revision_history(conn, source_id)
    assert [info.number for info in history] == [3, 2, 1]
    assert [info.file_name for info in history] == ["kz_eu_30_years-restored.txt", "kz_eu_30_years-corrected.txt",
                                                    ARTICLE]
    assert problems(fb) == []


def test_metadata_given_with_a_revision_replaces_the_sources_own(article):
    fb, source_id, body, _facts = article
    fb.import_revision(source_id, document(corrected(body)), metadata=SourceMetadata(url="https://example.org/30"))
    with fb.reading() as conn:
        row = queries.source_row(conn, source_id)
    assert row.url == "https://example.org/30"
    assert row.title == "Kazakhstan and EU mark 30 years of diplomatic relations"


# -- the curator's decisions ------------------------------------------------------------------------


def test_reattaching_accepting_and_dropping_are_undoable_and_in_the_facts_history(article):
    fb, source_id, body, facts = article
    new_body = corrected(body)
    fb.import_revision(source_id, document(new_body))
    rows = evidence_rows(fb)
    lost, figure = rows[facts["one_third"]], rows[facts["invested_77"]]

    # The curator decides the share now rests on the figure about investment "about a half".
    start = new_body.index("about a half, or 50 percent")
    reattached = fb.reattach_evidence(lost["id"], start, start + len("about a half, or 50 percent"))
    row = evidence_rows(fb)[facts["one_third"]]
    assert (row["anchor_state"], row["confirmed_revision"], row["quote"]) == ("exact", 2, "about a half, or 50 percent")
    accepted = fb.accept_anchor(figure["id"])
    accepted_row = evidence_rows(fb)[facts["invested_77"]]
    assert accepted_row["anchor_state"] == AnchorState.EXACT and not accepted_row["number_changed"]
    with fb.reading() as conn:
        assert revisions.review_queue(conn) == []
        assert revisions.facts_with_only_orphaned_evidence(conn) == []
        history = fact_detail.fact_history(conn, facts["one_third"])
    assert history[0].operation_label == "Re-attach evidence"
    assert problems(fb) == []

    fb.revert(accepted.operation_id, "Undo: accept")
    fb.revert(reattached.operation_id, "Undo: re-attach")
    rows = evidence_rows(fb)
    assert rows[facts["one_third"]]["anchor_state"] == AnchorState.ORPHANED
    assert rows[facts["invested_77"]]["anchor_state"] == AnchorState.FUZZY
    assert problems(fb) == []

    dropped = fb.drop_evidence(lost["id"])
    assert facts["one_third"] not in evidence_rows(fb)
    with fb.reading() as conn:
        assert fact_detail.fact_history(conn, facts["one_third"])[0].operation_label == "Drop lost evidence"
    fb.revert(dropped.operation_id, "Undo: drop")
    assert evidence_rows(fb)[facts["one_third"]]["anchor_state"] == AnchorState.ORPHANED


def test_only_an_approximate_match_can_be_accepted(article):
    fb, source_id, body, facts = article
    fb.import_revision(source_id, document(corrected(body)))
    exact = evidence_rows(fb)[facts["epca_1995"]]
    with pytest.raises(InvalidEdit):
        fb.accept_anchor(exact["id"])


def test_new_evidence_on_a_revised_source_points_into_the_current_revision(article):
    fb, source_id, body, _facts = article
    new_body = corrected(body)
    fb.import_revision(source_id, document(new_body))
    start = new_body.index("According to official data")
    fact_id = fb.create_fact_from_selection(source_id, start, start + len("According to official data")).new_id("fact")
    assert evidence_rows(fb)[fact_id]["confirmed_revision"] == 2
    assert problems(fb) == []


def test_merging_keeps_an_orphan_whose_offsets_equal_an_anchored_spans(article):
    fb, source_id, body, facts = article
    fb.import_revision(source_id, document(corrected(body)))
    lost = evidence_rows(fb)[facts["one_third"]]
    new_body = fb_text(fb, source_id)
    same_offsets_elsewhere = fb.create_fact(value=TypedValue(TEXT, text="x"),
                                            evidence=[(source_id, lost["start"], lost["end"])]).new_id("fact")
    assert new_body[lost["start"]:lost["end"]] != lost["quote"]
    fb.merge_agreeing(same_offsets_elsewhere, [facts["one_third"]])
    with fb.reading() as conn:
        kept = conn.execute(text("SELECT anchor_state FROM evidence WHERE fact_id = :f ORDER BY id"),
                            {"f": same_offsets_elsewhere}).scalars().all()
    assert sorted(kept) == ["exact", "orphaned"]


def fb_text(fb: FactBase, source_id: int) -> str:
    with fb.reading() as conn:
        return queries.source_text(conn, source_id)


# -- others at work meanwhile -----------------------------------------------------------------------


def test_evidence_added_while_the_revision_is_prepared_is_placed_too(article):
    fb, source_id, body, _facts = article
    added: list[int] = []

    def meanwhile(done: int, total: int) -> None:
        if not added:  # the fact base is usable: nothing is locked while spans are placed
            start = body.index("180-fold")
            added.append(fb.create_fact_from_selection(source_id, start, start + len("180-fold")).new_id("fact"))

    new_body = corrected(body)
    fb.import_revision(source_id, document(new_body), progress=meanwhile)
    row = evidence_rows(fb)[added[0]]
    # Moved rather than exact: the sentence after it was cut, so its suffix changed.
    assert row["anchor_state"] == AnchorState.MOVED and new_body[row["start"]:row["end"]] == "180-fold"


def test_a_revision_imported_by_someone_else_meanwhile_makes_this_one_stale(article):
    fb, source_id, body, _facts = article
    raced: list[bool] = []

    def meanwhile(done: int, total: int) -> None:
        if not raced:
            raced.append(True)
            fb.import_revision(source_id, document(body.replace("solid", "firm"), "other.txt"))

    with pytest.raises(StaleEdit, match="changed by someone else"):
        fb.import_revision(source_id, document(corrected(body)), progress=meanwhile)
    with fb.reading() as conn:
        assert revisions.current_revision(conn, source_id) == 2
        assert queries.source_row(conn, source_id).file_name == "other.txt"


# -- recognising a new version ----------------------------------------------------------------------


def test_a_new_version_is_recognised_by_address_or_by_title_and_publisher(fact_base):
    corpus = Corpus(fact_base)
    astana = corpus.sources["kz_eu_25_years.txt"]
    with fact_base.reading() as conn:
        body = queries.source_text(conn, astana)
        by_url = revisions.find_matching_source(conn, document(body + " Updated."), SourceMetadata(
            url="http://astanacalling.com/kazakhstan-a-sign-of-the-eu-25-years-of-strong-and-developing-relations"))
        by_title = revisions.find_matching_source(conn, document("Other words."), SourceMetadata(
            title="Kazakhstan makes  'quantum leap' in its EU relations", publisher="the parliament"))
        same_text = revisions.find_matching_source(conn, document(body), SourceMetadata(
            url="https://www.astanacalling.com/kazakhstan-a-sign-of-the-eu-25-years-of-strong-and-developing-relations/"))
        title_alone = revisions.find_matching_source(conn, document("x"), SourceMetadata(
            title="Kazakhstan makes 'quantum leap' in its EU relations"))
        unknown = revisions.find_matching_source(conn, document("x"), SourceMetadata(url="https://example.org/"))
    assert (by_url.source_id, by_url.reason, by_url.identical) == (astana, revisions.MatchReason.URL, False)
    assert by_title.source_id == corpus.sources["kz_eu_quantum_leap.txt"]
    assert by_title.reason is revisions.MatchReason.TITLE_AND_PUBLISHER
    assert same_text.identical and "nothing new" in same_text.describe()
    assert title_alone is None and unknown is None


# -- comparing revisions ----------------------------------------------------------------------------


def test_the_diff_shows_removed_and_added_words_and_carries_offsets_across():
    old = "The EU invested almost US$77 billion.\n\nThe end."
    new = "The EU has invested almost US$78 billion.\n\nThe end."
    pieces = revisions.text_diff(old, new)
    assert "".join(p.text for p in pieces if p.kind is not revisions.DiffKind.ADDED) == old
    assert "".join(p.text for p in pieces if p.kind is not revisions.DiffKind.REMOVED) == new
    assert [p.text.strip() for p in pieces if p.kind is revisions.DiffKind.ADDED] == ["has", "78"]
    assert revisions.diff_counts(pieces) == (1, 2)
    assert revisions.map_offset(pieces, old.index("The end")) == new.index("The end")


# -- the schema step --------------------------------------------------------------------------------


def test_the_migration_keeps_data_and_id_counters_and_its_downgrade_keeps_every_text(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = sqlite_features.make_engine(path, read_only=False)
    try:
        with sqlite_features.write_transaction(engine) as conn:
            command.upgrade(migrations._config(conn), "0001_initial")
        with sqlite_features.write_transaction(engine) as conn:
            conn.exec_driver_sql("INSERT INTO source (title, text, text_sha256, char_count, imported_at, imported_by) "
                                 "VALUES ('t', 'hello world', 'x', 11, 'a', 'b')")
            conn.exec_driver_sql("INSERT INTO fact (value_kind, value_approximate, status, rank, created_at, "
                                 "created_by, updated_at, updated_by, version) "
                                 "VALUES ('text', 0, 'draft', 'normal', 'a', 'b', 'a', 'b', 1)")
            for _ in range(3):
                conn.exec_driver_sql("INSERT INTO evidence (fact_id, source_id, start, \"end\", quote, prefix, suffix, "
                                     "source_sha256, created_at, created_by) "
                                     "VALUES (1, 1, 0, 5, 'hello', '', ' world', 'x', 'a', 'b')")
            conn.exec_driver_sql("DELETE FROM evidence WHERE id = 3")  # undo may bring id 3 back
        with sqlite_features.migration_transaction(engine) as conn:
            migrations.upgrade_to_head(conn)
        with sqlite_features.write_transaction(engine) as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, anchor_state, anchor_score, confirmed_revision FROM evidence ORDER BY id").all()
            assert rows == [(1, "exact", None, 1), (2, "exact", None, 1)]
            assert conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'evidence'").scalar() == 3
            with pytest.raises(Exception, match="CHECK constraint failed"):
                conn.exec_driver_sql("UPDATE evidence SET anchor_state = 'lost' WHERE id = 1")
        with sqlite_features.write_transaction(engine) as conn:
            schema = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'evidence'").scalar()
            assert "AUTOINCREMENT" in schema and "ck_evidence_span" in schema
            # Revision 1 read "hello there world"; evidence 2 was lost when it was superseded.
            conn.exec_driver_sql("INSERT INTO source_revision (source_id, number, text, text_sha256, char_count, "
                                 "imported_at, imported_by, superseded_at, superseded_by) "
                                 "VALUES (1, 1, 'hello there world', 'y', 17, 'a', 'b', 'c', 'd')")
            conn.exec_driver_sql("UPDATE evidence SET anchor_state = 'orphaned', \"end\" = 11, quote = 'hello there' "
                                 "WHERE id = 2")
        with sqlite_features.migration_transaction(engine) as conn:
            command.downgrade(migrations._config(conn), "0001_initial")
        with sqlite_features.write_transaction(engine) as conn:
            assert "source_revision" not in sqlite_features.user_tables(conn)
            kept = conn.exec_driver_sql("SELECT title, text FROM source WHERE id = 2").one()
            assert kept == ("t (revision 1)", "hello there world")
            quotes = conn.exec_driver_sql(
                "SELECT e.quote, substr(s.text, e.start + 1, e.\"end\" - e.start) FROM evidence e "
                "JOIN source s ON s.id = e.source_id ORDER BY e.id").all()
            assert all(quote == at for quote, at in quotes)
            assert conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'evidence'").scalar() == 3
    finally:
        engine.dispose()


# -- a revision that moves thousands of spans -------------------------------------------------------


def long_article_with_evidence(fb: FactBase, spans: int, seed: int = 7) -> tuple[int, str]:
    """A ~200 kB article carrying `spans` evidence rows (one fact each), written in bulk; returns the
    source id and a revision of it with 5% of its words edited."""
    rng = random.Random(seed)
    vocabulary = bench.Vocabulary(rng)
    original = bench.make_document(rng, vocabulary, 30_000)
    quotes = bench.choose_quotes(rng, original, spans)
    revised, *_ = bench.edit(rng, original, vocabulary, 0.05)
    source_id = fb.import_document(document(original.text, "long.txt"), SourceMetadata(title="Long")).new_id("source")
    at, sha = "2025-01-01T00:00:00.000Z", sha256_text(original.text)
    with fb.engine.begin() as conn:  # bulk set-up through Core executemany; the import is what is tested
        first = (conn.execute(text("SELECT max(id) FROM fact")).scalar() or 0) + 1
        conn.execute(insert(table("fact")), [
            {"id": first + n, "value_kind": "text", "value_text": f"fact {n}", "value_approximate": False,
             "status": "draft", "rank": "normal", "created_at": at, "created_by": "bulk", "updated_at": at,
             "updated_by": "bulk", "version": 1} for n in range(spans)])
        conn.execute(insert(table("evidence")), [
            {"fact_id": first + anchor.key, "source_id": source_id, "start": anchor.start, "end": anchor.end,
             "quote": anchor.quote, "prefix": anchor.prefix, "suffix": anchor.suffix, "source_sha256": sha,
             "created_at": at, "created_by": "bulk"} for anchor in bench.anchors_for(original, quotes)])
    return source_id, revised.text


def all_evidence(fb: FactBase) -> list[dict]:
    with fb.reading() as conn:
        return [dict(row) for row in conn.execute(text("SELECT * FROM evidence ORDER BY id")).mappings()]


def audit_of(fb: FactBase, operation_id: int) -> list[tuple]:
    """An operation's audit events as the undo store replays them: what, which row, both images."""
    with fb.reading() as conn:
        return [tuple(row) for row in conn.execute(text(
            "SELECT action, target_type, target_id, before, after FROM audit_event WHERE operation_id = :o ORDER BY id"
        ), {"o": operation_id})]


def test_undo_and_redo_of_a_big_revision_import_restore_every_evidence_row_exactly(tmp_path):
    with FactBase.open(tmp_path / "long.sqlite", actor="tester") as fb:
        source_id, revised = long_article_with_evidence(fb, spans=3_000)
        before = all_evidence(fb)
        imported = fb.import_revision(source_id, document(revised, "long-v2.txt"))
        after = all_evidence(fb)
        states = {row["anchor_state"] for row in after}
        assert {"exact", "moved", "fuzzy", "orphaned"} <= states  # every kind of update is in the batch
        assert len(imported.touched("evidence")) == sum(a != b for a, b in zip(before, after)) > 2_900

        undo = fb.revert(imported.operation_id, "Undo: new revision")
        assert all_evidence(fb) == before
        with fb.reading() as conn:
            assert revisions.current_revision(conn, source_id) == 1
        fb.revert(undo.operation_id, "Redo: new revision")
        assert all_evidence(fb) == after
        assert problems(fb) == []


def test_a_batched_revision_import_audits_exactly_what_row_by_row_updates_would(tmp_path, monkeypatch):
    """The same import, undo and redo in two identical fact bases, once with the recorder's batches and
    once with every row written by `Recorder.update`: the same audit events, in the same order."""
    monkeypatch.setattr(recorder_module, "utc_now", lambda: "2025-06-01T12:00:00.000Z")

    def import_undo_redo(name: str) -> tuple[list[list[tuple]], list[dict]]:
        with FactBase.open(tmp_path / name, actor="tester") as fb:
            source_id, revised = long_article_with_evidence(fb, spans=600)
            imported = fb.import_revision(source_id, document(revised, "long-v2.txt"))
            undo = fb.revert(imported.operation_id, "Undo")
            redo = fb.revert(undo.operation_id, "Redo")
            return [audit_of(fb, change.operation_id) for change in (imported, undo, redo)], all_evidence(fb)

    batched = import_undo_redo("batched.sqlite")
    with monkeypatch.context() as row_by_row:
        row_by_row.setattr(Recorder, "_update_rows", lambda self, table_name, _befores, values_by_id: {
            row_id: self.update(table_name, row_id, values) for row_id, values in values_by_id.items()})
        row_by_row.setattr(recorder_module, "_runs", lambda events: ([event] for event in events))
        one_by_one = import_undo_redo("row-by-row.sqlite")

    assert batched == one_by_one
    imported_events = batched[0][0]
    assert sum(1 for action, target, *_ in imported_events if (action, target) == ("update", "evidence")) > 550


# -- what a fact's history says about its evidence ----------------------------------------------------


def evidence_summaries(fb: FactBase, fact_id: int) -> list[str]:
    """The fact's history lines about evidence, oldest first."""
    with fb.reading() as conn:
        return [entry.summary for entry in reversed(fact_detail.fact_history(conn, fact_id))
                if entry.target_type == "evidence"]


def test_the_history_names_what_a_revision_and_a_curator_did_to_the_evidence(article):
    fb, source_id, body, facts = article
    new_body = corrected(body)
    fb.import_revision(source_id, document(new_body))
    rows = evidence_rows(fb)

    assert evidence_summaries(fb, facts["epca_1995"])[-1] == (
        "Evidence re-anchored in revision 2: “That was in 1995.”"
        if rows[facts["epca_1995"]]["anchor_state"] == AnchorState.EXACT
        else "Evidence moved in revision 2 (same words, new surroundings): “That was in 1995.”")
    moved = [name for name in ("exceeded_160", "epca_1995", "anniversary", "companies")
             if rows[facts[name]]["anchor_state"] == AnchorState.MOVED]
    assert moved, "the corrected article moves at least one quote into new surroundings"
    assert evidence_summaries(fb, facts[moved[0]])[-1].startswith("Evidence moved in revision 2 (same words")
    score = rows[facts["invested_77"]]["anchor_score"]
    assert evidence_summaries(fb, facts["invested_77"]) == [
        "Evidence added: “almost US$77 billion”",
        f"Evidence re-anchored approximately in revision 2 ({score:.0%} alike): “almost US$78 billion”"]
    lost_quote = "“one third of the total volume of Kazakhstan’s foreign trade”"
    assert evidence_summaries(fb, facts["one_third"])[-1] == (
        f"Evidence orphaned: {lost_quote} was last found in revision 1")

    accepted = fb.accept_anchor(rows[facts["invested_77"]]["id"])
    start = new_body.index("about a half, or 50 percent")
    fb.reattach_evidence(rows[facts["one_third"]]["id"], start, start + len("about a half, or 50 percent"))
    assert evidence_summaries(fb, facts["invested_77"])[-1] == "Evidence accepted: “almost US$78 billion”"
    assert evidence_summaries(fb, facts["one_third"])[-1] == "Evidence re-attached: “about a half, or 50 percent”"

    fb.revert(accepted.operation_id, "Undo: accept")
    assert evidence_summaries(fb, facts["invested_77"])[-1] == (
        f"Evidence back to an approximate match ({score:.0%} alike): “almost US$78 billion”")
    fb.merge_agreeing(facts["exceeded_160"], [facts["invested_77"]])
    with fb.reading() as conn:
        merged_label = fact_detail.fact_label(conn, facts["invested_77"])
    assert evidence_summaries(fb, facts["exceeded_160"])[-1] == (
        f"Evidence taken over from {merged_label}: “almost US$78 billion”")
    # Only inserts read "added": none of the updates above does.
    everything = [line for name in facts for line in evidence_summaries(fb, facts[name])]
    assert sum(line.startswith("Evidence added") for line in everything) == len(facts)


def test_undoing_a_revision_reads_as_re_anchoring_in_the_earlier_revision(article):
    fb, source_id, body, facts = article
    imported = fb.import_revision(source_id, document(corrected(body)))
    fb.revert(imported.operation_id, "Undo: new revision")
    assert evidence_summaries(fb, facts["invested_77"])[-1] == (
        "Evidence re-anchored in revision 1: “almost US$77 billion”")
    assert evidence_summaries(fb, facts["one_third"])[-1] == (
        "Evidence re-anchored in revision 1: “one third of the total volume of Kazakhstan’s foreign trade”")


def test_a_renamed_revision_keeps_conflict_explanations_in_step(article):
    """Explanations cite sources by their details: a revision that retitles its source re-words them
    at once, so a later full re-scan finds nothing to change; a new file name alone changes no citation."""
    fb, source_id, body, _facts = article
    with fb.reading() as conn:
        before = conn.execute(text("SELECT explanation FROM conflict WHERE status = 'open'")).scalars().all()
    assert before and all("“Kazakhstan and EU mark 30 years of diplomatic relations” says" in e for e in before)
    fb.import_revision(source_id, document(body.replace("That was in 1995.", "That was in 1995, as agreed."),
                                           file_name="kz_eu_30_years_v2.txt"),
                       metadata=SourceMetadata(title="Thirty years of EU–Kazakhstan relations"))
    with fb.reading() as conn:
        after = conn.execute(text("SELECT explanation FROM conflict WHERE status = 'open'")).scalars().all()
    assert len(after) == len(before) and all("“Thirty years of EU–Kazakhstan relations” says" in e for e in after)
    assert fb.rescan_conflicts().empty
