"""Conflict detection and resolution through the service, on what the sample articles really say."""

import json
import os
import subprocess
import sys

import pytest
from kzeu_desk.core.storage import engine_of
from sqlalchemy import text

from kzeu_desk.core import queries, steps
from kzeu_desk.core.conflicts import agreeing_fact_ids
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.typed_value import TypedValue, ValueKind

pytestmark = pytest.mark.both_engines

DATE, MONEY, PERCENT = ValueKind.DATE, ValueKind.MONEY, ValueKind.PERCENT


class Corpus:
    """Creates facts the way a curator does: a value, a subject, a property, and a real quote."""

    def __init__(self, fb):
        self.fb = fb
        with fb.reading() as conn:
            self.sources = dict(conn.execute(text("SELECT file_name, id FROM source")).all())
            self.entities = dict(conn.execute(text("SELECT name, id FROM entity")).all())
            self.properties = dict(conn.execute(text("SELECT key, id FROM property")).all())

    def fact(self, subject, prop, value, file_name, quote, **qualifiers) -> int:
        source_id = self.sources[file_name]
        with self.fb.reading() as conn:
            body = queries.source_text(conn, source_id)
        start = body.index(quote)
        return self.fb.create_fact(
            value=value, subject_id=self.entities[subject], property_id=self.properties[prop],
            qualifiers=qualifiers, evidence=[(source_id, start, start + len(quote))],
        ).new_id("fact")


def open_conflicts(fb) -> list[dict]:
    with fb.reading() as conn:
        return [dict(r) for r in conn.execute(text(
            f"SELECT c.*, {engine_of(conn).sql.joined('m.fact_id', chr(39) + ',' + chr(39))} AS members FROM conflict c "
            "JOIN conflict_member m ON m.conflict_id = c.id WHERE c.status = 'open' GROUP BY c.id ORDER BY c.id"
        )).mappings()]


@pytest.fixture
def scenario(fact_base):
    """The facts the sample articles state about the disputed topics (1993 vs 1996 for relations,
    2016 vs "a decade after 1995" for the EPCA, US$160 billion vs almost US$77 billion invested)."""
    c = Corpus(fact_base)
    rel = "Kazakhstan–EU relations"
    epca = "Enhanced Partnership and Cooperation Agreement"
    ids = {
        "relations_1996": c.fact(rel, "diplomatic_relations_established", TypedValue(DATE, date="1996"),
                                 "kz_eu_25_years.txt", "five years later, in 1996"),
        "relations_1993": c.fact(rel, "diplomatic_relations_established", TypedValue(DATE, date="1993"),
                                 "kz_eu_30_years.txt", "30th anniversary of the establishment of diplomatic relations"),
        "epca_signed_2016": c.fact(epca, "agreement_signed", TypedValue(DATE, date="2016"),
                                   "kz_eu_dance_of_finance_and_politics.txt", "signed in 2016"),
        "epca_signed_2005": c.fact(epca, "agreement_signed", TypedValue(DATE, date="2005", approximate=True),
                                   "kz_eu_30_years.txt", "The decade later, we signed the first enhanced"),
        "epca_initialled": c.fact(epca, "agreement_initialled", TypedValue(DATE, date="2015"),
                                  "kz_eu_25_years.txt", "initiated in 2015"),
        "epca_in_force": c.fact(epca, "agreement_in_force", TypedValue(DATE, date="2020"),
                                "kz_mfa_european_track.txt", "entry into force of the Enhanced Partnership"),
        "investment_160": c.fact("Kazakhstan", "cumulative_investment",
                                 TypedValue(MONEY, amount=160e9, lower=160e9, unit="USD"),
                                 "kz_eu_30_years.txt", "exceeded US$160 billion"),
        "investment_77": c.fact("Kazakhstan", "cumulative_investment",
                                TypedValue(MONEY, amount=77e9, upper=77e9, unit="USD"),
                                "kz_eu_30_years.txt", "almost US$77 billion"),
        "inflow_2022_small": c.fact("Kazakhstan", "investment_inflow",
                                    TypedValue(MONEY, amount=0.8e9, approximate=True, unit="USD"),
                                    "kz_eu_30_years.txt", "Last year alone, the EU states invested about 800 million",
                                    point_in_time="2022"),
        "inflow_2022_big": c.fact("Kazakhstan", "investment_inflow",
                                  TypedValue(MONEY, amount=8e9, lower=8e9, unit="USD"),
                                  "kz_mfa_european_track.txt", "more than 8 billion US dollars",
                                  start_time="2022-01", end_time="2022-09"),
        "share_third": c.fact("Kazakhstan", "share_of_foreign_trade",
                              TypedValue(PERCENT, amount=100 / 3, approximate=True, unit="%"),
                              "kz_eu_30_years.txt", "one third of the total volume"),
        "share_30": c.fact("Kazakhstan", "share_of_foreign_trade",
                           TypedValue(PERCENT, amount=30, approximate=True, unit="%"),
                           "kz_mfa_european_track.txt", "about 30%"),
    }
    return fact_base, ids


def test_sample_corpus_conflicts_are_flagged_and_agreement_is_not(scenario):
    fb, ids = scenario
    flagged = {frozenset(map(int, c["members"].split(","))) for c in open_conflicts(fb)}
    assert flagged == {
        frozenset({ids["relations_1996"], ids["relations_1993"]}),
        frozenset({ids["epca_signed_2016"], ids["epca_signed_2005"]}),
        frozenset({ids["investment_160"], ids["investment_77"]}),
        frozenset({ids["inflow_2022_small"], ids["inflow_2022_big"]}),
    }
    with fb.reading() as conn:
        assert agreeing_fact_ids(conn, ids["share_30"]) == sorted([ids["share_third"], ids["share_30"]])
        assert queries.totals(conn).open_conflicts == 4


def test_explanations_name_the_sources_and_values(scenario):
    fb, ids = scenario
    relations = next(c for c in open_conflicts(fb) if str(ids["relations_1993"]) in c["members"].split(","))
    # Sources are cited by their details: publisher and date, or the title when there is no date.
    assert "Astana Calling, “Kazakhstan, a sign of the EU 25 years of strong and…” says 1996" in relations["explanation"]
    assert "“Kazakhstan and EU mark 30 years of diplomatic relations” says 1993" in relations["explanation"]


def test_scopes_that_do_not_overlap_do_not_conflict(fact_base):
    c = Corpus(fact_base)
    c.fact("Kazakhstan", "investment_inflow", TypedValue(MONEY, amount=0.8e9, unit="USD"),
           "kz_eu_30_years.txt", "about 800 million", point_in_time="2021")
    c.fact("Kazakhstan", "investment_inflow", TypedValue(MONEY, amount=8e9, unit="USD"),
           "kz_mfa_european_track.txt", "more than 8 billion", point_in_time="2022")
    assert open_conflicts(fact_base) == []


def test_incremental_check_follows_edits(scenario):
    fb, ids = scenario
    fb.update_fact(ids["relations_1996"], 1, value=TypedValue(DATE, date="1993-02-02"))
    assert all(str(ids["relations_1996"]) not in c["members"].split(",") for c in open_conflicts(fb))
    fb.update_fact(ids["relations_1996"], 2, value=TypedValue(DATE, date="1996"))
    assert any(str(ids["relations_1996"]) in c["members"].split(",") for c in open_conflicts(fb))


def _conflict_of(fb, fact_id) -> int:
    with fb.reading() as conn:
        return conn.execute(text("SELECT conflict_id FROM conflict_member WHERE fact_id = :f"), {"f": fact_id}).scalar()


def _row(fb, sql, **params):
    with fb.reading() as conn:
        return conn.execute(text(sql), params).mappings().first()


def test_prefer_deprecates_the_other_and_records_who_and_why(scenario):
    fb, ids = scenario
    conflict = _conflict_of(fb, ids["relations_1993"])
    changes = fb.prefer_fact(conflict, ids["relations_1993"], "A 30th anniversary in 2023 means 1993.")
    row = _row(fb, "SELECT * FROM conflict WHERE id = :c", c=conflict)
    assert (row["status"], row["resolution"], row["resolved_by"]) == ("resolved", "prefer", "tester")
    assert row["rationale"] == "A 30th anniversary in 2023 means 1993."
    assert _row(fb, "SELECT rank FROM fact WHERE id = :f", f=ids["relations_1993"])["rank"] == "preferred"
    assert _row(fb, "SELECT rank FROM fact WHERE id = :f", f=ids["relations_1996"])["rank"] == "deprecated"
    history = _row(fb, "SELECT o.label FROM audit_event e JOIN operation o ON o.id = e.operation_id "
                       "WHERE e.target_type = 'fact' AND e.target_id = :f ORDER BY e.id DESC", f=ids["relations_1996"])
    assert "A 30th anniversary in 2023 means 1993." in history["label"]
    fb.revert(changes.operation_id, "Undo")
    assert _row(fb, "SELECT status FROM conflict WHERE id = :c", c=conflict)["status"] == "open"
    assert _row(fb, "SELECT rank FROM fact WHERE id = :f", f=ids["relations_1996"])["rank"] == "normal"


def test_dismissed_conflict_stays_dismissed_until_a_member_changes(scenario):
    fb, ids = scenario
    conflict = _conflict_of(fb, ids["investment_77"])
    fb.dismiss_conflict(conflict, "Different definitions of investment.")
    fb.update_fact(ids["investment_77"], 1, note="checked against the source")
    assert _row(fb, "SELECT status FROM conflict WHERE id = :c", c=conflict)["status"] == "dismissed"
    fb.update_fact(ids["investment_77"], 2, value=TypedValue(MONEY, amount=70e9, upper=70e9, unit="USD"))
    assert _row(fb, "SELECT status, rationale FROM conflict WHERE id = :c", c=conflict) == {
        "status": "open", "rationale": None}


def test_reject_and_merge(scenario):
    fb, ids = scenario
    fb.reject_fact(_conflict_of(fb, ids["epca_signed_2005"]), ids["epca_signed_2005"], "Paraphrase, not a date.")
    assert _row(fb, "SELECT status FROM fact WHERE id = :f", f=ids["epca_signed_2005"])["status"] == "rejected"
    conflict = _conflict_of(fb, ids["inflow_2022_big"])
    fb.merge_facts(conflict, ids["inflow_2022_big"], "Same figure, different rounding.")
    moved = _row(fb, "SELECT count(*) AS n FROM evidence WHERE fact_id = :f", f=ids["inflow_2022_big"])
    assert moved["n"] == 2
    link = _row(fb, "SELECT kind FROM fact_link WHERE from_fact_id = :a AND to_fact_id = :b",
                a=ids["inflow_2022_small"], b=ids["inflow_2022_big"])
    assert link["kind"] == "duplicate_of"


def test_scope_resolution_must_separate_the_facts(scenario):
    fb, ids = scenario
    conflict = _conflict_of(fb, ids["inflow_2022_big"])
    with pytest.raises(InvalidEdit, match="overlapping"):
        fb.scope_facts(conflict, {ids["inflow_2022_small"]: {"point_in_time": "2022"}}, "Same year")
    fb.scope_facts(conflict, {ids["inflow_2022_small"]: {"point_in_time": "2021"}}, "'Last year' of a 2022 article")
    assert _row(fb, "SELECT status, resolution FROM conflict WHERE id = :c", c=conflict) == {
        "status": "resolved", "resolution": "scope"}


def test_resolutions_need_a_rationale(scenario):
    fb, ids = scenario
    with pytest.raises(InvalidEdit, match="rationale"):
        fb.dismiss_conflict(_conflict_of(fb, ids["investment_77"]), "  ")


def test_declared_contradiction_and_manual_flag(fact_base):
    a = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="EU is the largest investor")).new_id("fact")
    b = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="China is the largest investor")).new_id("fact")
    link = fact_base.link_facts(a, b, "contradicts")
    assert [c["rule"] for c in open_conflicts(fact_base)] == ["declared"]
    fact_base.remove_link(link.new_id("fact_link"))
    assert open_conflicts(fact_base) == []
    fact_base.flag_facts([a], "Source is an opinion piece.")
    (flag,) = open_conflicts(fact_base)
    assert flag["rule"] == "manual" and "opinion piece" in flag["explanation"]


def test_deleting_a_member_removes_the_conflict(scenario):
    fb, ids = scenario
    fb.delete_fact(ids["investment_77"])
    assert all(str(ids["investment_160"]) not in c["members"].split(",") for c in open_conflicts(fb))
    with fb.reading() as conn:
        from kzeu_desk.core.integrity import check

        assert check(conn) == []


def test_conflicts_command_lists_and_rescans(scenario, tmp_path):
    fb, _ids = scenario
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "kzeu_desk", "conflicts", "--db", str(fb.location), *args],
                                       capture_output=True, text=True, env=env, timeout=120)
    listed = run("--json")
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert len(report) == 4 and {c["rule"] for c in report} == {"value"}
    assert any("US$160 billion" in f["value"] for c in report for f in c["facts"])
    with fb.reading() as conn:
        conn.exec_driver_sql("SELECT 1")
    rescanned = run("--rescan")
    assert rescanned.returncode == 0 and "4 open conflicts." in rescanned.stdout


def _pair_conflicts(fb, a, b) -> list[dict]:
    with fb.reading() as conn:
        return [dict(r) for r in conn.execute(text(
            "SELECT c.id, c.subject_id, c.property_id, c.status, c.explanation FROM conflict c "
            "WHERE c.signature = :signature"), {"signature": f"value:{min(a, b)},{max(a, b)}"}).mappings()]


def _subjects(fb, *fact_ids) -> list[int]:
    with fb.reading() as conn:
        return [conn.execute(text("SELECT subject_id FROM fact WHERE id = :f"), {"f": f}).scalar_one() for f in fact_ids]


@pytest.mark.parametrize("status", ["open", "dismissed"])
@pytest.mark.parametrize("new_subject", ["Kazakhstan", "Germany"], ids=["key sorting before", "key sorting after"])
def test_a_conflict_follows_both_its_facts_to_another_subject(scenario, new_subject, status):
    """Both facts of a disagreement get a new subject in one action (a curator fixing a wrongly
    chosen subject, say): the pair still disagrees, under the new key, and stays one conflict."""
    fb, ids = scenario
    a, b = ids["relations_1996"], ids["relations_1993"]
    c = Corpus(fb)
    old_subject, target = c.entities["Kazakhstan–EU relations"], c.entities[new_subject]
    # The re-check walks keys in (subject, property) order: one case meets the new key first.
    assert (target < old_subject) == (new_subject == "Kazakhstan")
    (before,) = _pair_conflicts(fb, a, b)
    if status == "dismissed":
        fb.dismiss_conflict(before["id"], "The 1993 anniversary counts from the first agreement.")

    def move_both(rec):
        steps.update_fact(rec, a, 1, subject_id=target)
        steps.update_fact(rec, b, 1, subject_id=target)

    moved = fb.run("Change the subject of two facts", move_both)
    (after,) = _pair_conflicts(fb, a, b)
    assert after["id"] == before["id"] and after["status"] == status  # the same conflict, judged as before
    assert (after["subject_id"], after["property_id"]) == (target, before["property_id"])
    assert after["explanation"].startswith(f"{new_subject} · ")
    with fb.reading() as conn:
        from kzeu_desk.core.integrity import check

        assert check(conn) == []

    undo = fb.revert(moved.operation_id, "Undo")
    assert _subjects(fb, a, b) == [old_subject, old_subject]
    assert _pair_conflicts(fb, a, b) == [{**after, "subject_id": old_subject, "explanation": before["explanation"]}]
    fb.revert(undo.operation_id, "Redo")
    assert _subjects(fb, a, b) == [target, target]
    assert _pair_conflicts(fb, a, b) == [after]


def test_a_dismissed_conflict_follows_its_facts_moved_one_at_a_time(scenario):
    fb, ids = scenario
    a, b = ids["investment_160"], ids["investment_77"]
    germany = Corpus(fb).entities["Germany"]
    (conflict,) = _pair_conflicts(fb, a, b)
    fb.dismiss_conflict(conflict["id"], "Different definitions of investment.")
    fb.update_fact(a, 1, subject_id=germany)  # the pair is apart: the dismissed conflict waits
    assert _pair_conflicts(fb, a, b)[0]["status"] == "dismissed"
    fb.update_fact(b, 1, subject_id=germany)  # together again, under Germany
    (after,) = _pair_conflicts(fb, a, b)
    assert (after["id"], after["subject_id"], after["status"]) == (conflict["id"], germany, "dismissed")
