"""The conflict queue's reads, over the sample corpus's real disagreements (when relations were
established, when the EPCA was signed, how much the EU invested in total and in 2022)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from kzeu_desk.core.storage import engine_of
from sqlalchemy import text

from kzeu_desk.core import conflict_queue, queries
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.core.typed_value import TypedValue, ValueKind

pytestmark = pytest.mark.both_engines


# -- building the scenario through the service -------------------------------------------------------


def source_id_of(fact_base: FactBase, file_name: str) -> int:
    with fact_base.reading() as conn:
        return conn.execute(text("SELECT id FROM source WHERE file_name = :f"), {"f": file_name}).scalar_one()


def span_of(fact_base: FactBase, file_name: str, quote: str) -> tuple[int, int, int]:
    """(source_id, start, end) of the first `quote` in a source, found in its stored canonical text."""
    source_id = source_id_of(fact_base, file_name)
    with fact_base.reading() as conn:
        body = queries.source_text(conn, source_id)
    start = body.index(quote)
    return source_id, start, start + len(quote)


def entity_id(fact_base: FactBase, name: str) -> int:
    with fact_base.reading() as conn:
        return conn.execute(text("SELECT id FROM entity WHERE name = :n"), {"n": name}).scalar_one()


def property_id(fact_base: FactBase, key: str) -> int:
    with fact_base.reading() as conn:
        return conn.execute(text("SELECT id FROM property WHERE key = :k"), {"k": key}).scalar_one()


def new_fact(fact_base: FactBase, value: TypedValue, subject: str, property_key: str,
             evidence: list[tuple[str, str]] = (), **qualifiers: str) -> int:
    """A fact stated by `evidence` [(file name, quote)], created as a curator would."""
    spans = [span_of(fact_base, file_name, quote) for file_name, quote in evidence]
    changes = fact_base.create_fact(value=value, subject_id=entity_id(fact_base, subject),
                                    property_id=property_id(fact_base, property_key),
                                    qualifiers=qualifiers or None, evidence=spans)
    return changes.new_id("fact")


def row(fact_base: FactBase, sql: str, **params: object) -> dict:
    with fact_base.reading() as conn:
        found = conn.execute(text(sql), params).mappings().first()
    assert found is not None, sql
    return dict(found)


def conflict_of(fact_base: FactBase, *fact_ids: int) -> int:
    """The conflict whose members are exactly `fact_ids`."""
    with fact_base.reading() as conn:
        for conflict_id, members in conn.execute(text(
                f"SELECT conflict_id, {engine_of(conn).sql.joined('fact_id', chr(39) + ',' + chr(39))} FROM "
                "(SELECT conflict_id, fact_id FROM conflict_member ORDER BY fact_id) AS m GROUP BY conflict_id")):
            if sorted(int(m) for m in members.split(",")) == sorted(fact_ids):
                return conflict_id
    raise AssertionError(f"no conflict between facts {fact_ids}")


USD_160_BILLION_OR_MORE = TypedValue(ValueKind.MONEY, lower=160e9, unit="USD")
USD_ALMOST_77_BILLION = TypedValue(ValueKind.MONEY, amount=77e9, upper=77e9, unit="USD")  # "almost": close below


@dataclass(frozen=True)
class Scenario:
    """Facts from the sample articles that disagree (four conflicts) and two that only seem to."""

    relations_1996: int
    relations_1993: int
    investment_over_160bn: int
    investment_almost_77bn: int
    epca_signed_2016: int
    epca_signed_2005: int
    inflow_about_800m: int
    inflow_over_8bn: int
    trade_share_one_third: int
    trade_share_about_30: int


def build_scenario(fact_base: FactBase) -> Scenario:
    relations = "diplomatic_relations_established"
    return Scenario(
        relations_1996=new_fact(fact_base, TypedValue(ValueKind.DATE, date="1996"), "Kazakhstan", relations,
                                [("kz_eu_25_years.txt", "1996")]),
        # "marking the 30th anniversary" in an article from 2023: 1993.
        relations_1993=new_fact(fact_base, TypedValue(ValueKind.DATE, date="1993"), "Kazakhstan", relations,
                                [("kz_eu_30_years.txt", "30th anniversary")]),
        investment_over_160bn=new_fact(fact_base, USD_160_BILLION_OR_MORE, "Kazakhstan", "cumulative_investment",
                                       [("kz_eu_30_years.txt", "exceeded US$160 billion")]),
        investment_almost_77bn=new_fact(fact_base, USD_ALMOST_77_BILLION, "Kazakhstan", "cumulative_investment",
                                        [("kz_eu_30_years.txt", "almost US$77 billion")]),
        epca_signed_2016=new_fact(fact_base, TypedValue(ValueKind.DATE, date="2016"),
                                  "Enhanced Partnership and Cooperation Agreement", "agreement_signed",
                                  [("kz_eu_dance_of_finance_and_politics.txt", "signed in 2016")]),
        # "The decade later [after 1995], we signed the first enhanced partnership and cooperation agreement".
        epca_signed_2005=new_fact(fact_base, TypedValue(ValueKind.DATE, date="2005", approximate=True),
                                  "Enhanced Partnership and Cooperation Agreement", "agreement_signed",
                                  [("kz_eu_30_years.txt", "The decade later, we signed")]),
        inflow_about_800m=new_fact(fact_base, TypedValue(ValueKind.MONEY, amount=800e6, approximate=True, unit="USD"),
                                   "Kazakhstan", "investment_inflow", [("kz_eu_30_years.txt", "about 800 million")]),
        inflow_over_8bn=new_fact(fact_base, TypedValue(ValueKind.MONEY, lower=8e9, unit="USD"), "Kazakhstan",
                                 "investment_inflow", [("kz_mfa_european_track.txt", "more than 8 billion US dollars")]),
        # No sample article words the share as "one third"; the curator's figure stands without a quote.
        trade_share_one_third=new_fact(fact_base, TypedValue(ValueKind.PERCENT, amount=100 / 3, approximate=True,
                                                             unit="%"), "European Union", "share_of_foreign_trade"),
        trade_share_about_30=new_fact(fact_base, TypedValue(ValueKind.PERCENT, amount=30, approximate=True, unit="%"),
                                      "European Union", "share_of_foreign_trade",
                                      [("kz_mfa_european_track.txt", "about 30%")]),
    )


@pytest.fixture
def scenario(fact_base: FactBase) -> Scenario:
    return build_scenario(fact_base)


# -- the queue ----------------------------------------------------------------------------------------


def test_queue_lists_the_corpus_disagreements_oldest_first(fact_base, scenario):
    with fact_base.reading() as conn:
        queue = conflict_queue.open_conflicts(conn)
    assert [(r.subject_name, r.property_name, r.rule, r.member_count) for r in queue] == [
        ("Kazakhstan", "diplomatic relations established", "value", 2),
        ("Kazakhstan", "cumulative investment", "value", 2),
        ("Enhanced Partnership and Cooperation Agreement", "agreement signed", "value", 2),
        ("Kazakhstan", "investment inflow", "value", 2),
    ]
    assert queue[0].explanation.startswith(
        "Kazakhstan · diplomatic relations established: Astana Calling, “Kazakhstan, a sign of the EU 25 years of "
        "strong and…” says 1996")
    assert [r.created_at for r in queue] == sorted(r.created_at for r in queue)


def test_one_third_and_about_thirty_percent_are_not_a_conflict(fact_base, scenario):
    with fact_base.reading() as conn:
        members = set(conn.execute(text("SELECT fact_id FROM conflict_member")).scalars())
    assert scenario.trade_share_one_third not in members
    assert scenario.trade_share_about_30 not in members


def test_filters_by_property_source_and_rule(fact_base, scenario):
    investment = property_id(fact_base, "cumulative_investment")
    with fact_base.reading() as conn:
        by_property = conflict_queue.open_conflicts(conn, property_id=investment)
        from_25_years = conflict_queue.open_conflicts(conn, source_id=source_id_of(fact_base, "kz_eu_25_years.txt"))
        from_mfa = conflict_queue.open_conflicts(conn, source_id=source_id_of(fact_base, "kz_mfa_european_track.txt"))
        from_quantum_leap = conflict_queue.open_conflicts(
            conn, source_id=source_id_of(fact_base, "kz_eu_quantum_leap.txt"))
        manual = conflict_queue.open_conflicts(conn, rule="manual")
        combined = conflict_queue.open_conflicts(conn, property_id=investment,
                                                 source_id=source_id_of(fact_base, "kz_eu_25_years.txt"))
    assert [r.property_name for r in by_property] == ["cumulative investment"]
    assert [r.property_name for r in from_25_years] == ["diplomatic relations established"]
    # "about 30%" is evidence from that article too, but it is in no conflict.
    assert [r.property_name for r in from_mfa] == ["investment inflow"]
    assert from_quantum_leap == [] and manual == [] and combined == []


def test_a_manual_flag_is_listed_under_its_fact_subject_and_property(fact_base, scenario):
    fact_base.flag_facts([scenario.trade_share_about_30], "Is this the 2022 share or an average?")
    trade_share = property_id(fact_base, "share_of_foreign_trade")
    with fact_base.reading() as conn:
        (flag,) = conflict_queue.open_conflicts(conn, rule="manual")
        by_property = conflict_queue.open_conflicts(conn, property_id=trade_share)
        choices = conflict_queue.filter_choices(conn)
    assert (flag.subject_name, flag.property_name, flag.member_count) == (
        "European Union", "share of foreign trade", 1)
    assert flag.explanation == "Flagged by tester: Is this the 2022 share or an average?"
    assert [r.id for r in by_property] == [flag.id]
    assert conflict_queue.RuleChoice(rule="manual", name="flagged for review") in choices.rules


def test_counts_follow_resolutions_and_dismissals(fact_base, scenario):
    with fact_base.reading() as conn:
        assert conflict_queue.conflict_counts(conn) == conflict_queue.ConflictCounts(open=4, resolved=0, dismissed=0)
    fact_base.prefer_fact(conflict_of(fact_base, scenario.relations_1996, scenario.relations_1993),
                          scenario.relations_1993, "The 30-year article dates the anniversary from February 1993.")
    fact_base.dismiss_conflict(conflict_of(fact_base, scenario.inflow_about_800m, scenario.inflow_over_8bn),
                               "Different measures; checked with the ministry's table.")
    with fact_base.reading() as conn:
        assert conflict_queue.conflict_counts(conn) == conflict_queue.ConflictCounts(open=2, resolved=1, dismissed=1)
        assert len(conflict_queue.open_conflicts(conn)) == 2


def test_filter_choices_name_what_has_open_conflicts(fact_base, scenario):
    with fact_base.reading() as conn:
        choices = conflict_queue.filter_choices(conn)
    assert [p.name for p in choices.properties] == [
        "agreement signed", "cumulative investment", "diplomatic relations established", "investment inflow"]
    assert {s.title for s in choices.sources} == {
        "Kazakhstan, a sign of the EU 25 years of strong and developing relations",
        "Kazakhstan and EU mark 30 years of diplomatic relations",
        "Kazakhstan and the EU deepened cooperation: The dance of finance and politics",
        "Cooperation with the EU and European states is one of the most important priorities of Kazakhstan's "
        "multi-vector foreign policy",
    }
    assert choices.rules == [conflict_queue.RuleChoice(rule="value", name="value conflict")]

    fact_base.dismiss_conflict(conflict_of(fact_base, scenario.epca_signed_2016, scenario.epca_signed_2005),
                               "“The decade later” is loose wording, not a date.")
    with fact_base.reading() as conn:
        after = conflict_queue.filter_choices(conn)
    assert "agreement signed" not in [p.name for p in after.properties]
    assert "Kazakhstan and the EU deepened cooperation: The dance of finance and politics" not in [
        s.title for s in after.sources]


# -- one conflict in detail ---------------------------------------------------------------------------


def test_detail_shows_each_member_with_its_quote_in_context(fact_base, scenario):
    conflict_id = conflict_of(fact_base, scenario.investment_over_160bn, scenario.investment_almost_77bn)
    with fact_base.reading() as conn:
        detail = conflict_queue.conflict_detail(conn, conflict_id)
    assert detail is not None
    conflict = detail.conflict
    assert (conflict.id, conflict.status, conflict.rule) == (conflict_id, "open", "value")
    assert (conflict.subject_name, conflict.property_name) == ("Kazakhstan", "cumulative investment")
    over, almost = detail.members
    assert (over.fact_id, over.value, almost.value) == (
        scenario.investment_over_160bn, "more than US$160 billion", "almost US$77 billion")
    assert (over.status, over.rank, over.qualifiers) == ("draft", "normal", {})
    assert over.agreeing_fact_ids == [scenario.investment_over_160bn]
    assert (over.agreeing_fact_count, over.agreeing_source_count) == (1, 1)
    (evidence,) = over.evidence
    source_id, start, end = span_of(fact_base, "kz_eu_30_years.txt", "exceeded US$160 billion")
    assert (evidence.source_id, evidence.start, evidence.end) == (source_id, start, end)
    assert evidence.quote == "exceeded US$160 billion"
    assert evidence.prefix.endswith("has ") and evidence.suffix.startswith(", while")
    assert evidence.source_title == "Kazakhstan and EU mark 30 years of diplomatic relations"
    assert evidence.source_published is None and evidence.source_published_text is None


def test_detail_formats_qualifiers_and_counts_agreeing_sources(fact_base, scenario):
    note = ReadDocument(text="Diplomatic relations were established in 1996, the embassy recalls.",
                        encoding="utf-8", file_name="embassy_note.txt", title="Embassy note", format="text")
    fact_base.import_document(note, SourceMetadata(published="2021-12-16"))
    agreeing = new_fact(fact_base, TypedValue(ValueKind.DATE, date="1996"), "Kazakhstan",
                        "diplomatic_relations_established", [("embassy_note.txt", "established in 1996")],
                        point_in_time="2021-12", scope_note="as recalled at the 30th anniversary of independence")
    with fact_base.reading() as conn:
        detail = conflict_queue.conflict_detail(conn, conflict_of(fact_base, agreeing, scenario.relations_1993))
    dated, _stated_1993 = sorted(detail.members, key=lambda m: m.fact_id != agreeing)
    assert dated.qualifiers == {"point_in_time": "December 2021",
                                "scope_note": "as recalled at the 30th anniversary of independence"}
    assert dated.scope == {"point_in_time": "2021-12", "start_time": None, "end_time": None,
                           "scope_note": "as recalled at the 30th anniversary of independence"}
    assert dated.agreeing_fact_ids == sorted([agreeing, scenario.relations_1996])
    assert (dated.agreeing_fact_count, dated.agreeing_source_count) == (2, 2)
    (evidence,) = dated.evidence
    assert (evidence.source_title, evidence.source_published, evidence.source_published_text) == (
        "Embassy note", "2021-12-16", "16 December 2021")
    assert evidence.source_reference.endswith("16 December 2021") and "“Embassy note”" in evidence.source_citation


def test_detail_of_a_vanished_conflict_is_none(fact_base, scenario):
    conflict_id = conflict_of(fact_base, scenario.relations_1996, scenario.relations_1993)
    fact_base.delete_fact(scenario.relations_1993)
    with fact_base.reading() as conn:
        assert conflict_queue.conflict_detail(conn, conflict_id) is None
        assert conflict_queue.conflict_detail(conn, 10_000) is None


# -- typed scopes -------------------------------------------------------------------------------------


def test_scope_edits_parse_dates_and_send_only_changes():
    current = {
        1: {"point_in_time": None, "start_time": None, "end_time": None, "scope_note": None},
        2: {"point_in_time": "2022", "start_time": None, "end_time": None, "scope_note": "old note"},
    }
    typed = {
        1: {"point_in_time": " 2021 ", "start_time": "", "end_time": "", "scope_note": ""},
        2: {"point_in_time": "2022", "start_time": "", "end_time": "", "scope_note": ""},
    }
    assert conflict_queue.scope_edits(current, typed) == {1: {"point_in_time": "2021"}, 2: {"scope_note": None}}
    assert conflict_queue.scope_edits(current, {1: {"start_time": "March 2022", "end_time": "2 Sep 2022"}}) == {
        1: {"start_time": "2022-03", "end_time": "2022-09-02"}}
    # The end "2022" covers the whole year, so a start in May 2022 lies within it.
    assert conflict_queue.scope_edits(current, {1: {"start_time": "2022-05", "end_time": "2022"}}) == {
        1: {"start_time": "2022-05", "end_time": "2022"}}


def test_scope_edits_refuse_unreadable_dates_and_inverted_spans():
    current = {7: {"point_in_time": None, "start_time": None, "end_time": "2020", "scope_note": None}}
    with pytest.raises(InvalidEdit, match="“last year” is not a date I can read for fact 7's point in time"):
        conflict_queue.scope_edits(current, {7: {"point_in_time": "last year"}})
    with pytest.raises(InvalidEdit, match=r"Fact 7 would start \(2021\) after it ends \(2020\)"):
        conflict_queue.scope_edits(current, {7: {"start_time": "2021"}})
    with pytest.raises(InvalidEdit, match="Unknown qualifier"):
        conflict_queue.scope_edits(current, {7: {"status": "confirmed"}})
