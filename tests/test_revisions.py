"""Source revisions through the service: a corrected article becomes a new revision, every highlight
follows its evidence or is orphaned, the old text is kept, and it all undoes as one step."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from kzeu_desk.core import fact_detail, integrity, migrations, queries, revisions, sqlite_features
from kzeu_desk.core.errors import InvalidEdit, StaleEdit
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from test_conflicts import Corpus

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
        "companies": corpus.fact("Kazakhstan", "diplomatic_relations_established", TypedValue(TEXT, text="3,000"),
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
    assert figure["anchor_state"] == AnchorState.FUZZY
    assert new_body[figure["start"]:figure["end"]] == "almost US$78 billion"
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
    assert row["url"] == "https://example.org/30"
    assert row["title"] == "Kazakhstan and EU mark 30 years of diplomatic relations"


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
    assert evidence_rows(fb)[facts["invested_77"]]["anchor_state"] == AnchorState.EXACT
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
        assert queries.source_row(conn, source_id)["file_name"] == "other.txt"


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
        with sqlite_features.write_transaction(engine) as conn:
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
        with sqlite_features.write_transaction(engine) as conn:
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
