"""The facts table's queries: keyset pages, sorting, filtering, random access (no Qt)."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter, defaultdict

import pytest
from sqlalchemy import Connection, event, insert, text

from kzeu_desk.core import fact_listing, search_documents
from kzeu_desk.core.fact_listing import ListingSpec, SortColumn
from kzeu_desk.core.models import FactRank, FactStatus
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.storage.sqlite import SQLITE
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_value

pytestmark = pytest.mark.both_engines

search_index = SQLITE.search

FTS_SYNTAX_TYPED_BY_USERS = [
    '"', "*", "-", "NEAR", ":", "(", ")", "^", '"kaz', "kaz*", "-kaz", "subject:kaz", "NEAR(kaz ger)",
    "kaz AND OR NOT", "((", "'", "\\", "{subject}: 160", "160 -", "“quoted”", "",
]
_STATUS_POSITION = {status.value: position for position, status in enumerate(FactStatus)}
_RANK_POSITION = {rank.value: position for position, rank in enumerate(FactRank)}


# --- a fact base with many varied facts, written in bulk -----------------------------------------


def bulk_insert_facts(fact_base: FactBase, how_many: int, seed: int = 1) -> None:
    """Insert facts with Core executemany (~176k rows/s; ORM objects ~10k rows/s), with evidence and conflicts, then index them.

    The mix covers every sort's hard cases: missing subjects and properties, NULL value columns,
    duplicate sort values (so ties fall to the id) and several evidence rows from one source.
    """
    chooser = random.Random(seed)

    def write(recorder: Recorder) -> None:
        conn = recorder.conn
        entity_ids = list(conn.execute(text("SELECT id FROM entity")).scalars())
        property_ids = list(conn.execute(text("SELECT id FROM property")).scalars())
        source_ids = list(conn.execute(text("SELECT id FROM source")).scalars())
        first_id = (conn.execute(text("SELECT max(id) FROM fact")).scalar() or 0) + 1
        facts, evidence, conflicts, members = [], [], [], []
        for fact_id in range(first_id, first_id + how_many):
            kind = chooser.choice(list(ValueKind))
            value = TypedValue(
                kind=kind,
                amount=chooser.choice([None, 30.0, 160e9, 77e9, -5.0, round(chooser.uniform(0, 1e6), 2)]),
                unit=chooser.choice([None, "USD", "%"]),
                date=chooser.choice([None, "1993", "1996", "2016-02", "2020-03-01"]),
                entity_id=chooser.choice([None, *entity_ids]) if kind is ValueKind.ENTITY else None,
                text=chooser.choice([None, "", "signed in Astana", "Ärger über Zölle", "zebra"]),
            )
            facts.append({
                "id": fact_id,
                "subject_id": chooser.choice([None, *entity_ids, entity_ids[0], entity_ids[0]]),
                "property_id": chooser.choice([None, *property_ids]),
                **value.to_columns(),
                "status": chooser.choice(list(FactStatus)).value,
                "rank": chooser.choice(list(FactRank)).value,
                "created_at": recorder.at,
                "created_by": "bulk",
                "updated_at": f"2025-0{chooser.randint(1, 3)}-0{chooser.randint(1, 3)}T00:00:00.000Z",
                "updated_by": "bulk",
                "version": 1,
            })
            for source_id in chooser.choices(source_ids, k=chooser.choice([0, 1, 2, 3])):
                start = chooser.randint(0, 200)
                evidence.append({
                    "fact_id": fact_id, "source_id": source_id, "start": start, "end": start + 5,
                    "quote": f"bulk quote {fact_id}", "prefix": "", "suffix": "", "source_sha256": "x",
                    "created_at": recorder.at, "created_by": "bulk",
                })
        conn.execute(insert(table("fact")), facts)
        conn.execute(insert(table("evidence")), evidence)
        fact_ids = [fact["id"] for fact in facts]
        for number in range(how_many // 10):
            conflicts.append({
                "rule": "value", "signature": f"bulk-{seed}-{number}", "status": chooser.choice(["open", "resolved"]),
                "explanation": "bulk", "members_fingerprint": "bulk", "created_at": recorder.at,
            })
        conn.execute(insert(table("conflict")), conflicts)
        conflict_ids = list(conn.execute(text("SELECT id FROM conflict WHERE signature LIKE :s"),
                                         {"s": f"bulk-{seed}-%"}).scalars())
        for conflict_id in conflict_ids:
            for fact_id in set(chooser.sample(fact_ids, 2)):
                members.append({"conflict_id": conflict_id, "fact_id": fact_id})
        conn.execute(insert(table("conflict_member")), members)
        search_documents.rebuild(conn)

    fact_base.run("Bulk facts for tests", write)


def reference_rows(conn: Connection) -> list[dict]:
    """Every fact with what the table shows, computed the slow, obvious way."""
    names = dict(conn.execute(text("SELECT id, name FROM entity")).all())
    property_names = dict(conn.execute(text("SELECT id, name FROM property")).all())
    sources: dict[int, set[int]] = defaultdict(set)
    for fact_id, source_id in conn.execute(text("SELECT fact_id, source_id FROM evidence")):
        sources[fact_id].add(source_id)
    open_conflicts = Counter(conn.execute(text(
        "SELECT m.fact_id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id WHERE c.status = 'open'"
    )).scalars())
    rows = []
    for fact in conn.execute(text("SELECT * FROM fact")).mappings():
        rows.append({
            **fact,
            "subject": names.get(fact["subject_id"], ""),
            "property": property_names.get(fact["property_id"], ""),
            "display_value": format_value(
                TypedValue.from_columns(fact), entity_name=lambda entity_id: names[entity_id]),
            "sources": len(sources[fact["id"]]),
            "conflicts": open_conflicts[fact["id"]],
        })
    return rows


def reference_key(column: SortColumn, row: dict) -> tuple:
    """The order the listing promises: NULLs as empty text or -inf, so they come first; then the id."""
    amount = row["value_amount"] if row["value_amount"] is not None else -math.inf
    leading = {
        SortColumn.ID: (),
        SortColumn.SUBJECT: (row["subject"],),
        SortColumn.PROPERTY: (row["property"],),
        SortColumn.VALUE: (row["value_kind"], row["value_date"] or "", amount, row["value_text"] or ""),
        SortColumn.STATUS: (_STATUS_POSITION[row["status"]],),
        SortColumn.RANK: (_RANK_POSITION[row["rank"]],),
        SortColumn.UPDATED: (row["updated_at"],),
    }[column]
    return (*leading, row["id"])


def reference_order(rows: list[dict], column: SortColumn, descending: bool) -> list[int]:
    ordered = sorted(rows, key=lambda row: reference_key(column, row), reverse=descending)
    return [row["id"] for row in ordered]


def all_pages(conn: Connection, spec: ListingSpec, page_size: int) -> list[fact_listing.FactListRow]:
    listed: list[fact_listing.FactListRow] = []
    after = None
    while True:
        page = fact_listing.page_after(conn, spec, after, page_size)
        listed.extend(page)
        if len(page) < page_size:
            return listed
        after = page[-1].sort_key


@pytest.fixture
def many_facts(fact_base: FactBase) -> FactBase:
    bulk_insert_facts(fact_base, 700)
    return fact_base


def source_id_containing(conn: Connection, passage: str) -> tuple[int, int]:
    """(source id, start offset) of a passage in the sample articles."""
    for source_id, source_text in conn.execute(text("SELECT id, text FROM source ORDER BY id")):
        start = source_text.find(passage)
        if start >= 0:
            return source_id, start
    raise AssertionError(f"no sample article contains {passage!r}")


def entity_id(conn: Connection, name: str) -> int:
    return conn.execute(text("SELECT id FROM entity WHERE name = :n"), {"n": name}).scalar_one()


def property_id(conn: Connection, key: str) -> int:
    return conn.execute(text("SELECT id FROM property WHERE key = :k"), {"k": key}).scalar_one()


# --- sorting and paging --------------------------------------------------------------------------


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", list(SortColumn))
def test_paging_through_every_sort_matches_a_reference_sort(many_facts, column, descending):
    spec = ListingSpec(sort=column, descending=descending)
    with many_facts.reading() as conn:
        expected = reference_order(reference_rows(conn), column, descending)
        # 97 does not divide 700, so pages end on every kind of tie and the last one is short.
        listed = all_pages(conn, spec, page_size=97)
        assert fact_listing.count(conn, spec) == len(expected) == 700
    assert [row.id for row in listed] == expected


def offset_listing(conn: Connection, spec: ListingSpec, page_size: int) -> list[list[tuple]]:
    """Every page as (sort key..., id), read with a plain ORDER BY ... LIMIT ... OFFSET: no keyset."""
    expressions = fact_listing._sort_expressions(conn, spec.sort)
    where, params = fact_listing._filters(conn, spec)
    query = text(f"""
        SELECT {''.join(f'{expression}, ' for expression in expressions)}f.id
        FROM fact f {fact_listing._SORT_JOINS.get(spec.sort, '')}
        WHERE {where} ORDER BY {fact_listing._order_by(conn, spec)} LIMIT :limit OFFSET :offset""")
    pages = []
    while True:
        page = [tuple(row) for row in conn.execute(query, {**params, "limit": page_size,
                                                             "offset": len(pages) * page_size})]
        if page:
            pages.append(page)
        if len(page) < page_size:
            return pages


def keyset_listing(conn: Connection, spec: ListingSpec, page_size: int) -> list[list[tuple]]:
    pages = []
    after = None
    while page := fact_listing.page_after(conn, spec, after, page_size):
        pages.append([row.sort_key for row in page])
        after = page[-1].sort_key
    return pages


def first_differing_term(earlier: tuple, later: tuple) -> int:
    return next(position for position, (one, other) in enumerate(zip(earlier, later)) if one != other)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", list(SortColumn))
def test_every_keyset_page_is_the_offset_page(many_facts, column, descending):
    spec = ListingSpec(sort=column, descending=descending)
    with many_facts.reading() as conn:
        by_offset = offset_listing(conn, spec, page_size=1)
        # Page size 1 starts a page after every row; the next row's key differs from it in each
        # sort term somewhere (ties on every term but the id included), so every part of the
        # seek (`_keyset_parts`) is the one that finds the next row at least once.
        keys = [page[0] for page in by_offset]
        assert {first_differing_term(*pair) for pair in itertools.pairwise(keys)} == set(range(len(keys[0])))
        assert keyset_listing(conn, spec, page_size=1) == by_offset
        assert keyset_listing(conn, spec, page_size=97) == offset_listing(conn, spec, page_size=97)


@pytest.mark.parametrize("spec", [
    ListingSpec(sort=SortColumn.VALUE, status=FactStatus.DRAFT),
    ListingSpec(sort=SortColumn.STATUS, descending=True, search_text="bulk quote"),
    ListingSpec(sort=SortColumn.RANK, search_text="quote", status=FactStatus.CONFIRMED),
    ListingSpec(sort=SortColumn.UPDATED, descending=True, status=FactStatus.REJECTED),
], ids=["value draft", "status desc search", "rank search confirmed", "updated desc rejected"])
def test_filtered_keyset_pages_are_the_offset_pages(many_facts, spec):
    with many_facts.reading() as conn:
        by_offset = offset_listing(conn, spec, page_size=7)
        assert len(by_offset) > 3
        assert keyset_listing(conn, spec, page_size=7) == by_offset


def query_plans_of(conn: Connection, call) -> list[list[str]]:
    """EXPLAIN QUERY PLAN of every statement `call` runs on `conn`."""
    statements = []

    def record(_conn, _cursor, statement, parameters, _context, _executemany):
        statements.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(conn, "before_cursor_execute", record)
    driver = conn.connection.driver_connection
    return [[row[3] for row in driver.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            for statement, parameters in statements]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize(("column", "index"), [
    (SortColumn.ID, "INTEGER PRIMARY KEY"),
    (SortColumn.STATUS, "ix_fact_status_order"),
    (SortColumn.RANK, "ix_fact_rank_order"),
    (SortColumn.VALUE, "ix_fact_value_order"),
    (SortColumn.UPDATED, "ix_fact_updated"),
])
@pytest.mark.sqlite_only  # SQLite's query plans (EXPLAIN QUERY PLAN)
def test_a_later_page_and_a_position_seek_the_sort_index(many_facts, column, index, descending):
    spec = ListingSpec(sort=column, descending=descending)
    with many_facts.reading() as conn:
        key = fact_listing.page_after(conn, spec, None, limit=300)[-1].sort_key
        # the page, then its facts' qualifiers, read by fact id
        [page_plan, qualifier_plan] = query_plans_of(conn, lambda: fact_listing.page_after(conn, spec, key))
        # the position's first statement reads the fact's own key by id
        [_, position_plan] = query_plans_of(conn, lambda: fact_listing.position_of(conn, spec, key[-1]))
    for plan in (page_plan, position_plan):
        reads_of_facts = [step for step in plan if step.startswith(("SCAN f", "SEARCH f "))]
        # one seek per sort term and the id, after the page's rows were cut: the facts read by id
        assert len([step for step in reads_of_facts if index in step and "(" in step]) >= len(key)
        assert not [step for step in reads_of_facts if step.startswith("SCAN f")]
    assert "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" not in page_plan
    assert any("ix_fact_qualifier_fact_id" in step for step in qualifier_plan)
    assert not [step for step in qualifier_plan if step.startswith("SCAN q")]


def test_rows_show_names_value_counts_and_raw_columns(many_facts):
    with many_facts.reading() as conn:
        expected = {row["id"]: row for row in reference_rows(conn)}
        listed = fact_listing.page_after(conn, ListingSpec(), None, limit=700)
    assert len(listed) == 700
    for row in listed:
        reference = expected[row.id]
        assert (row.subject, row.property, row.value) == (
            reference["subject"], reference["property"], reference["display_value"])
        assert (row.status, row.rank, row.updated_at) == (reference["status"], reference["rank"], reference["updated_at"])
        assert (row.sources, row.conflicts) == (reference["sources"], reference["conflicts"])
    assert any(row.sources >= 2 for row in listed) and any(row.conflicts for row in listed)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", [SortColumn.ID, SortColumn.SUBJECT, SortColumn.VALUE, SortColumn.UPDATED])
def test_page_boundaries_let_any_page_be_read_directly(many_facts, column, descending):
    spec = ListingSpec(sort=column, descending=descending)
    page_size = 64
    with many_facts.reading() as conn:
        expected = reference_order(reference_rows(conn), column, descending)
        boundaries = fact_listing.page_boundaries(conn, spec, page_size)
        assert len(boundaries) == len(expected) // page_size
        assert [key[-1] for key in boundaries] == expected[page_size - 1::page_size]
        for page_number in (7, 3, 10, 1):  # out of order, as a scrollbar drag would ask
            page = fact_listing.page_after(conn, spec, boundaries[page_number - 1], page_size)
            start = page_number * page_size
            assert [row.id for row in page] == expected[start:start + page_size]


@pytest.mark.parametrize("column", list(SortColumn))
def test_position_of_counts_the_rows_before_a_fact(many_facts, column):
    for descending in (False, True):
        spec = ListingSpec(sort=column, descending=descending)
        with many_facts.reading() as conn:
            expected = reference_order(reference_rows(conn), column, descending)
            for row_number in (0, 1, 255, 256, 257, 480, len(expected) - 1):
                assert fact_listing.position_of(conn, spec, expected[row_number]) == row_number


def test_position_of_a_fact_the_filter_leaves_out_is_none(many_facts):
    with many_facts.reading() as conn:
        draft_id = conn.execute(text("SELECT min(id) FROM fact WHERE status = 'draft'")).scalar_one()
        assert fact_listing.position_of(conn, ListingSpec(status=FactStatus.CONFIRMED), draft_id) is None
        assert fact_listing.position_of(conn, ListingSpec(), 10**9) is None


def test_an_empty_fact_base_lists_nothing(fact_base):
    with fact_base.reading() as conn:
        assert fact_listing.count(conn, ListingSpec()) == 0
        assert fact_listing.page_after(conn, ListingSpec(), None) == []
        assert fact_listing.page_boundaries(conn, ListingSpec()) == []
        assert fact_listing.page_after(conn, ListingSpec(), None, limit=0) == []


# --- filtering -----------------------------------------------------------------------------------


@pytest.fixture
def curated_facts(fact_base: FactBase) -> dict[str, int]:
    """Three facts made through the service, the way a curator makes them, with evidence quotes."""
    with fact_base.reading() as conn:
        investment_source, investment_start = source_id_containing(conn, "exceeded US$160 billion")
        kazakhstan, germany = entity_id(conn, "Kazakhstan"), entity_id(conn, "Germany")
        cumulative, turnover = property_id(conn, "cumulative_investment"), property_id(conn, "trade_turnover")
        signed = property_id(conn, "agreement_signed")
    quote_end = investment_start + len("exceeded US$160 billion")
    ids = {}
    changes = fact_base.create_fact(
        value=TypedValue(ValueKind.MONEY, amount=160e9, lower=160e9, unit="USD"), subject_id=kazakhstan,
        property_id=cumulative, status=FactStatus.CONFIRMED,
        evidence=[(investment_source, investment_start, quote_end)])
    ids["investment"] = changes.new_id("fact")
    ids["turnover"] = fact_base.create_fact(
        value=TypedValue(ValueKind.MONEY, amount=30e9, unit="USD"), subject_id=germany, property_id=turnover,
    ).new_id("fact")
    ids["signed"] = fact_base.create_fact(
        value=TypedValue(ValueKind.DATE, date="2016"), subject_id=kazakhstan, property_id=signed,
        status=FactStatus.DISPUTED,
    ).new_id("fact")
    return ids


@pytest.mark.parametrize(("typed", "expected"), [
    ("Germany", {"turnover"}),  # subject
    ("germ", {"turnover"}),  # prefix of a subject
    ("Republic of Kazakhstan", {"investment", "signed"}),  # an alias of the subject
    ("turnover", {"turnover"}),  # property
    ("agreement signed", {"signed"}),  # every word must match
    ("160", {"investment"}),  # displayed value
    ("2016", {"signed"}),
    ("exceeded", {"investment"}),  # evidence quote
    ("kaz 160", {"investment"}),
    ("nothing-like-this", set()),
    ("", {"investment", "turnover", "signed"}),
])
def test_filter_text_searches_subject_property_value_and_quotes(fact_base, curated_facts, typed, expected):
    spec = ListingSpec(search_text=typed)
    with fact_base.reading() as conn:
        listed = {row.id for row in fact_listing.page_after(conn, spec, None)}
        assert fact_listing.count(conn, spec) == len(expected)
    assert listed == {curated_facts[name] for name in expected}


def test_status_filter_combines_with_text(fact_base, curated_facts):
    with fact_base.reading() as conn:
        confirmed = fact_listing.page_after(conn, ListingSpec(status=FactStatus.CONFIRMED), None)
        disputed_kazakh = fact_listing.page_after(conn, ListingSpec(status=FactStatus.DISPUTED, search_text="kaz"), None)
        assert fact_listing.count(conn, ListingSpec(status=FactStatus.REJECTED)) == 0
    assert [row.id for row in confirmed] == [curated_facts["investment"]]
    assert [row.id for row in disputed_kazakh] == [curated_facts["signed"]]


@pytest.mark.parametrize("typed", FTS_SYNTAX_TYPED_BY_USERS)
def test_fts_syntax_typed_by_a_user_never_raises(many_facts, typed):
    for column in (SortColumn.ID, SortColumn.SUBJECT, SortColumn.UPDATED):
        spec = ListingSpec(sort=column, search_text=typed, status=FactStatus.DRAFT)
        with many_facts.reading() as conn:
            matched = fact_listing.count(conn, spec)
            page = fact_listing.page_after(conn, spec, None, limit=50)
            fact_listing.page_boundaries(conn, spec, 50)
            if page:
                assert fact_listing.position_of(conn, spec, page[-1].id) == len(page) - 1
        assert len(page) == min(matched, 50)


def test_filtered_sorted_pages_match_the_reference(many_facts):
    spec = ListingSpec(sort=SortColumn.VALUE, descending=True, search_text="bulk quote", status=FactStatus.DRAFT)
    with many_facts.reading() as conn:
        quoted = set(conn.execute(text("SELECT fact_id FROM evidence")).scalars())
        rows = [row for row in reference_rows(conn) if row["id"] in quoted and row["status"] == "draft"]
        listed = all_pages(conn, spec, page_size=13)
        assert fact_listing.count(conn, spec) == len(rows)
    assert [row.id for row in listed] == reference_order(rows, SortColumn.VALUE, descending=True)


def test_a_malformed_stored_value_is_shown_not_raised(fact_base, curated_facts):
    def corrupt(recorder: Recorder) -> None:
        # Another client could write a date the app would never produce.
        recorder.conn.execute(text("UPDATE fact SET value_date = '2016-13' WHERE id = :id"),
                              {"id": curated_facts["signed"]})

    fact_base.run("Corrupt a date", corrupt)
    with fact_base.reading() as conn:
        listed = {row.id: row for row in fact_listing.page_after(conn, ListingSpec(), None)}
    assert "2016-13" in listed[curated_facts["signed"]].value


# --- the search alone: answered by the full-text index -------------------------------------------

# Words of the bulk facts' quotes, values and names: matches of every size, from all to none.
SEARCHES_ALONE = ["bulk", "b", "quote 1", "q", "zebra", "signed astana", "ärger", "arger", "us", "1", "20",
                  "kaz", "2016", "nothing-like-this"]


@pytest.fixture
def general_path(monkeypatch):
    """Switch fact_listing to the general path every other filter combination takes (the search as
    `f.id IN (SELECT rowid ... MATCH ...)`), to compare the index's answers with it."""

    def take_general_path():
        monkeypatch.setattr(fact_listing, "_search_alone", lambda conn, spec: None)

    return take_general_path


@pytest.fixture
def index_calls(monkeypatch) -> Counter:
    """How often each search_index query ran, so a test knows the index answered alone."""
    calls: Counter = Counter()
    from kzeu_desk.core.storage.postgresql import POSTGRESQL

    for index in (SQLITE.search, POSTGRESQL.search):
        for name in ("count_matches", "matching_fact_ids", "every_nth_matching_fact_id", "fact_matches"):
            original = getattr(index, name)

            def counted(*args, _original=original, _name=name, **kwargs):
                calls[_name] += 1
                return _original(*args, **kwargs)

            monkeypatch.setattr(index, name, counted)
    return calls


def listing_answers(conn: Connection, spec: ListingSpec) -> dict:
    """Everything fact_listing says about a listing: counts, every page, boundaries, positions."""
    listed = all_pages(conn, spec, page_size=97)
    ids = [row.id for row in listed]
    outside = conn.execute(text("SELECT max(id) FROM fact")).scalar_one() + 1
    return {
        "count": fact_listing.count(conn, spec),
        "count_at_most": fact_listing.count_at_most(conn, spec, limit=100),
        "rows": listed,
        "boundaries": fact_listing.page_boundaries(conn, spec, 64),
        "positions": [fact_listing.position_of(conn, spec, fact_id) for fact_id in (*ids[:3], *ids[-3:], outside)],
        "positions_of_all": [fact_listing.position_of(conn, spec, fact_id) for fact_id in range(1, outside, 37)],
    }


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("typed", SEARCHES_ALONE)
def test_the_search_alone_lists_exactly_what_the_general_path_lists(many_facts, general_path, index_calls,
                                                                   typed, descending):
    spec = ListingSpec(sort=SortColumn.ID, descending=descending, search_text=typed)
    with many_facts.reading() as conn:
        through_the_index = listing_answers(conn, spec)
        assert index_calls["matching_fact_ids"] and index_calls["count_matches"]
        index_calls.clear()
        general_path()
        general = listing_answers(conn, spec)
        assert not index_calls
    assert through_the_index == general
    assert len(through_the_index["rows"]) == through_the_index["count"]


def test_the_search_alone_is_counted_in_the_index_in_every_sort(many_facts, general_path, index_calls):
    with many_facts.reading() as conn:
        specs = [ListingSpec(sort=column, search_text=typed) for column in SortColumn for typed in ("bulk", "zebra")]
        counted = [fact_listing.count(conn, spec) for spec in specs]
        assert index_calls["count_matches"] == len(specs)
        general_path()
        assert counted == [fact_listing.count(conn, spec) for spec in specs]
        assert counted[0] > counted[1] > 0


def test_pages_never_show_an_index_entry_whose_fact_is_gone(many_facts, general_path):
    with many_facts.reading() as conn:
        gone = conn.execute(text("SELECT min(fact_id) FROM evidence")).scalar_one()

    def leave_a_stale_entry(recorder: Recorder) -> None:
        # Another program deleted a fact behind the app's back: its search document stayed.
        for statement in ("DELETE FROM evidence WHERE fact_id = :id", "DELETE FROM conflict_member WHERE fact_id = :id",
                          "DELETE FROM fact WHERE id = :id"):
            recorder.conn.execute(text(statement), {"id": gone})

    spec = ListingSpec(search_text="bulk quote")
    with many_facts.reading() as conn:
        index = engine_of(conn).search
        assert index.fact_matches(conn, index.expression(spec.search), gone)
    many_facts.run("Delete a fact behind the index", leave_a_stale_entry)
    with many_facts.reading() as conn:
        index = engine_of(conn).search
        assert not index.fact_matches(conn, index.expression(spec.search), gone)
        pages = all_pages(conn, spec, page_size=97)
        boundaries = fact_listing.page_boundaries(conn, spec, 64)
        # The count is the index's own: it trusts the index to hold exactly the existing facts,
        # which `kzeu-desk check` verifies and repairs.
        assert fact_listing.count(conn, spec) == len(pages) + 1
        general_path()
        assert pages == all_pages(conn, spec, page_size=97)
        assert boundaries == fact_listing.page_boundaries(conn, spec, 64)
    assert gone not in {row.id for row in pages}


@pytest.mark.parametrize("spec", [
    ListingSpec(search_text="bulk"),  # the search alone: counted in the index
    ListingSpec(search_text="bulk", status=FactStatus.DRAFT),  # the general path
    ListingSpec(status=FactStatus.DRAFT),
    ListingSpec(),
], ids=["search", "search and status", "status", "everything"])
def test_count_at_most_stops_at_its_limit_and_says_so(many_facts, spec):
    with many_facts.reading() as conn:
        exact = fact_listing.count(conn, spec)
        assert exact > 60
        assert fact_listing.count_at_most(conn, spec, limit=50) == fact_listing.ListingCount(facts=50, more=True)
        assert fact_listing.count_at_most(conn, spec, limit=exact - 1) == fact_listing.ListingCount(exact - 1, True)
        assert fact_listing.count_at_most(conn, spec, limit=exact) == fact_listing.ListingCount(exact, more=False)
        assert fact_listing.count_at_most(conn, spec) == fact_listing.ListingCount(exact, more=False)
