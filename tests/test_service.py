"""The service layer: one action = one transaction with audit events, returning what changed."""

import json

import pytest
from sqlalchemy import text

from kzeu_desk.core import queries
from kzeu_desk.core.errors import InvalidEdit, StaleEdit
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind

pytestmark = pytest.mark.both_engines


def _source_id(fb: FactBase, file_name: str) -> int:
    with fb.reading() as conn:
        return conn.execute(text("SELECT id FROM source WHERE file_name = :f"), {"f": file_name}).scalar_one()


def _ids(fb: FactBase, sql: str, **params) -> dict:
    with fb.reading() as conn:
        return conn.execute(text(sql), params).mappings().first()


def _span_of(fb: FactBase, source_id: int, quote: str) -> tuple[int, int]:
    with fb.reading() as conn:
        body = queries.source_text(conn, source_id)
    start = body.index(quote)
    return start, start + len(quote)


def test_sample_corpus_is_imported_with_metadata(fact_base):
    with fact_base.reading() as conn:
        rows = queries.source_rows(conn)
    assert len(rows) == 5
    titles = {r.title for r in rows}
    assert "Kazakhstan and EU mark 30 years of diplomatic relations" in titles
    assert all(r.encoding == "utf-8" for r in rows)


def test_fact_from_selection_suggests_a_lower_bound_and_anchors_the_quote(fact_base):
    source = _source_id(fact_base, "kz_eu_30_years.txt")
    start, end = _span_of(fact_base, source, "exceeded US$160 billion")
    changes = fact_base.create_fact_from_selection(source, start, end)
    fact_id = changes.new_id("fact")
    assert changes.inserted["evidence"]
    fact = _ids(fact_base, "SELECT * FROM fact WHERE id = :i", i=fact_id)
    assert fact["value_kind"] == "money" and fact["value_unit"] == "USD"
    assert fact["value_lower"] == 160e9 and fact["status"] == "draft" and fact["version"] == 1
    evidence = _ids(fact_base, "SELECT * FROM evidence WHERE fact_id = :i", i=fact_id)
    assert (evidence["start"], evidence["end"], evidence["quote"]) == (start, end, "exceeded US$160 billion")
    assert evidence["prefix"].endswith("has ") and evidence["suffix"].startswith(", while")


def test_every_operation_is_audited_with_row_images(fact_base):
    changes = fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1996"), note="first")
    fact_id = changes.new_id("fact")
    fact_base.update_fact(fact_id, 1, note="second", status="confirmed")
    with fact_base.reading() as conn:
        events = conn.execute(text(
            "SELECT o.label, e.action, e.before, e.after, e.actor FROM audit_event e "
            "JOIN operation o ON o.id = e.operation_id WHERE e.target_type = 'fact' AND e.target_id = :i ORDER BY e.id"
        ), {"i": fact_id}).mappings().all()
    assert [(e["label"], e["action"]) for e in events] == [("New fact", "insert"), ("Edit fact", "update")]
    before, after = json.loads(events[1]["before"]), json.loads(events[1]["after"])
    assert (before["note"], after["note"], after["status"], after["version"]) == ("first", "second", "confirmed", 2)
    assert events[1]["actor"] == "tester"


def test_stale_edit_is_refused_and_nothing_is_written(fact_base):
    fact_id = fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1996")).new_id("fact")
    fact_base.update_fact(fact_id, 1, note="by someone else")
    with pytest.raises(StaleEdit, match="was not applied"):
        fact_base.update_fact(fact_id, 1, note="mine")
    assert _ids(fact_base, "SELECT note, version FROM fact WHERE id = :i", i=fact_id) == {
        "note": "by someone else", "version": 2}


def test_failed_operation_leaves_nothing_behind(fact_base):
    with fact_base.reading() as conn:
        operations_before = conn.execute(text("SELECT count(*) FROM operation")).scalar()
    with pytest.raises(InvalidEdit):
        fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="x"), evidence=[(1, 10, 5)])
    with fact_base.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM operation")).scalar() == operations_before
        assert conn.execute(text("SELECT count(*) FROM fact")).scalar() == 0


def test_undo_and_redo_replay_an_operation(fact_base):
    source = _source_id(fact_base, "kz_eu_25_years.txt")
    start, end = _span_of(fact_base, source, "1996")
    created = fact_base.create_fact_from_selection(source, start, end)
    fact_id = created.new_id("fact")
    undone = fact_base.revert(created.operation_id, "Undo: New fact from selection")
    assert fact_id in undone.deleted["fact"]
    assert _ids(fact_base, "SELECT count(*) AS n FROM fact")["n"] == 0
    redone = fact_base.revert(undone.operation_id, "Redo: New fact from selection")
    assert fact_id in redone.inserted["fact"]
    row = _ids(fact_base, "SELECT value_date, version FROM fact WHERE id = :i", i=fact_id)
    assert row["value_date"] == "1996" and row["version"] == 2  # versions only count up
    assert _ids(fact_base, "SELECT quote FROM evidence WHERE fact_id = :i", i=fact_id)["quote"] == "1996"


def test_undo_of_an_edit_restores_the_previous_values(fact_base):
    fact_id = fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1993")).new_id("fact")
    edit = fact_base.update_fact(fact_id, 1, value=TypedValue(ValueKind.DATE, date="1996"), status="confirmed")
    fact_base.revert(edit.operation_id, "Undo: Edit fact")
    assert _ids(fact_base, "SELECT value_date, status, version FROM fact WHERE id = :i", i=fact_id) == {
        "value_date": "1993", "status": "draft", "version": 3}


def test_undo_is_refused_when_the_row_changed_since(fact_base):
    fact_id = fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1993")).new_id("fact")
    edit = fact_base.update_fact(fact_id, 1, note="a")
    fact_base.update_fact(fact_id, 2, note="b")
    with pytest.raises(StaleEdit):
        fact_base.revert(edit.operation_id, "Undo: Edit fact")
    assert _ids(fact_base, "SELECT note FROM fact WHERE id = :i", i=fact_id)["note"] == "b"


def test_delete_fact_takes_its_evidence_and_links_and_undo_brings_them_back(fact_base):
    source = _source_id(fact_base, "kz_eu_30_years.txt")
    a = fact_base.create_fact_from_selection(source, *_span_of(fact_base, source, "almost US$77 billion")).new_id("fact")
    b = fact_base.create_fact_from_selection(source, *_span_of(fact_base, source, "exceeded US$160 billion")).new_id("fact")
    fact_base.link_facts(a, b, "contradicts")
    deleted = fact_base.delete_fact(a)
    assert deleted.deleted["evidence"] and deleted.deleted["fact_link"]
    fact_base.revert(deleted.operation_id, "Undo: Delete fact")
    assert _ids(fact_base, "SELECT count(*) AS n FROM fact_link WHERE from_fact_id = :a", a=a)["n"] == 1
    assert _ids(fact_base, "SELECT quote FROM evidence WHERE fact_id = :a", a=a)["quote"] == "almost US$77 billion"


def test_ids_are_never_reused_after_a_delete(fact_base):
    first = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="a")).new_id("fact")
    fact_base.delete_fact(first)
    assert fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="b")).new_id("fact") > first


def test_search_index_follows_facts_and_quotes(fact_base):
    from kzeu_desk.core.search_documents import search_words
    from kzeu_desk.core.storage import engine_of

    source = _source_id(fact_base, "kz_eu_30_years.txt")
    fact_id = fact_base.create_fact_from_selection(source, *_span_of(fact_base, source, "180-fold")).new_id("fact")
    with fact_base.reading() as conn:
        kazakhstan = conn.execute(text("SELECT id FROM entity WHERE name = 'Kazakhstan'")).scalar()

    def matches(user_text: str) -> list[int]:
        with fact_base.reading() as conn:
            index = engine_of(conn).search
            return list(conn.execute(text(f"SELECT id FROM fact WHERE {index.match_clause('fact.id')}"),
                                     {"search": index.expression(search_words(user_text))}).scalars())

    assert matches("fold") == [fact_id]
    assert matches("kazakh") == []
    fact_base.update_fact(fact_id, 1, subject_id=kazakhstan)
    assert matches("kazakh") == [fact_id]
    assert matches('Қазақстан') == [fact_id]  # aliases are searchable too
    fact_base.add_alias(kazakhstan, "Qazaqstan")
    assert matches("qazaq") == [fact_id]  # and a new alias is searchable at once
    assert matches('"fold*') == [fact_id]  # FTS syntax typed by a user is plain text
    assert matches('NEAR( fold :-') == []
    fact_base.update_fact(fact_id, 2, note="Ask the ministry for the 2023 breakdown")
    assert matches("ministry breakdown") == [fact_id]  # the curator's note is searched too
    fact_base.update_fact(fact_id, 3, note=None)
    assert matches("ministry") == []
    fact_base.delete_fact(fact_id)
    assert matches("fold") == []


def test_evidence_offsets_are_code_points_into_canonical_text(tmp_path):
    from kzeu_desk.core.reading import ReadDocument

    body = "Қазақстан 😀 and the EU\nsigned in 2015."
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        source = fb.import_document(ReadDocument(body, "utf-8", "k.txt", None, "text")).new_id("source")
        start = body.index("2015")
        fact_id = fb.create_fact_from_selection(source, start, start + 4).new_id("fact")
        row = _ids(fb, "SELECT start, \"end\", quote FROM evidence WHERE fact_id = :i", i=fact_id)
    # 33 code points precede "2015"; Qt would count 34 UTF-16 units because of the emoji.
    assert row == {"start": 33, "end": 37, "quote": "2015"}


def test_links_refuse_self_and_duplicates(fact_base):
    a = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="a")).new_id("fact")
    b = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="b")).new_id("fact")
    with pytest.raises(InvalidEdit):
        fact_base.link_facts(a, a, "supports")
    fact_base.link_facts(a, b, "supports")
    with pytest.raises(InvalidEdit, match="already linked"):
        fact_base.link_facts(a, b, "supports")


def test_entities_and_aliases(fact_base):
    entity = fact_base.create_entity("Austria", kind="country", aliases=["Österreich"]).new_id("entity")
    fact_base.add_alias(entity, "Republic of Austria")
    with fact_base.reading() as conn:
        names = {r.alias for r in queries.entity_names(conn) if r.entity_id == entity}
    assert names == {"Austria", "Österreich", "Republic of Austria"}
    with pytest.raises(InvalidEdit, match="already exists"):
        fact_base.create_entity("Austria")


# -- writing many rows at once ----------------------------------------------------------------------


def _audit(fb: FactBase, operation_id: int) -> list[tuple]:
    with fb.reading() as conn:
        return [(e["action"], e["target_type"], e["target_id"], json.loads(e["before"]), json.loads(e["after"]))
                for e in conn.execute(text("SELECT * FROM audit_event WHERE operation_id = :o ORDER BY id"),
                                      {"o": operation_id}).mappings()]


def test_update_many_writes_and_audits_each_row_as_update_does(fact_base):
    ids = [fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text=str(n)), note=f"note {n}").new_id("fact")
           for n in range(4)]
    first, second, unchanged, third = ids
    with fact_base.reading() as conn:
        rows_before = {r["id"]: dict(r) for r in conn.execute(text("SELECT * FROM fact")).mappings()}

    # Different columns per row (two executemany batches), one row that would not change, and an
    # order that is not the ids' order: the audit follows the order given.
    changes = fact_base.run("Edit many", lambda rec: rec.update_many("fact", {
        third: {"note": "third, edited"}, first: {"status": "confirmed", "note": "first, edited"},
        unchanged: {"note": "note 2"}, second: {"rank": "preferred"}}))

    assert changes.updated["fact"] == {first, second, third}
    events = _audit(fact_base, changes.operation_id)
    assert [(action, target, row_id) for action, target, row_id, _, _ in events] == [
        ("update", "fact", third), ("update", "fact", first), ("update", "fact", second)]
    for _, _, row_id, before, after in events:
        assert before == rows_before[row_id]
        assert after["version"] == 2 and after["updated_by"] == "tester"
        assert _ids(fact_base, "SELECT * FROM fact WHERE id = :i", i=row_id) == after
    assert (events[1][4]["status"], events[1][4]["note"]) == ("confirmed", "first, edited")

    fact_base.revert(changes.operation_id, "Undo: Edit many")
    for row_id in ids:
        row = dict(_ids(fact_base, "SELECT * FROM fact WHERE id = :i", i=row_id))
        expected = {k: v for k, v in rows_before[row_id].items() if k not in ("version", "updated_at")}
        assert {k: v for k, v in row.items() if k not in ("version", "updated_at")} == expected


def test_update_many_of_a_row_that_is_gone_writes_nothing(fact_base):
    kept = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="kept")).new_id("fact")
    gone = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="gone")).new_id("fact")
    fact_base.delete_fact(gone)
    with pytest.raises(StaleEdit, match=f"Fact {gone} no longer exists"):
        fact_base.run("Edit many", lambda rec: rec.update_many("fact", {kept: {"note": "x"}, gone: {"note": "y"}}))
    assert _ids(fact_base, "SELECT note, version FROM fact WHERE id = :i", i=kept) == {"note": None, "version": 1}


def test_undo_of_many_updates_is_refused_when_one_row_changed_since(fact_base):
    ids = [fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text=str(n))).new_id("fact") for n in range(3)]
    edit = fact_base.run("Edit many", lambda rec: rec.update_many("fact", {i: {"note": "batch"} for i in ids}))
    fact_base.update_fact(ids[1], 2, note="someone else")
    with pytest.raises(StaleEdit, match="can no longer be undone"):
        fact_base.revert(edit.operation_id, "Undo: Edit many")
    assert [_ids(fact_base, "SELECT note FROM fact WHERE id = :i", i=i)["note"] for i in ids] == [
        "batch", "someone else", "batch"]
