"""The whole-fact-base conflict checks: the set-based `rescan` finds and writes exactly what the
per-key `recheck` of every key does, and `recheck_changed` what `rescan` would."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sqlalchemy import bindparam, text

from kzeu_desk.core import conflicts, steps
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.models import FactRank, FactStatus
from kzeu_desk.core.recorder import Recorder, utc_now
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind

pytestmark = pytest.mark.both_engines

MONEY, DATE, PERCENT, ENTITY, TEXT = ValueKind.MONEY, ValueKind.DATE, ValueKind.PERCENT, ValueKind.ENTITY, ValueKind.TEXT


def per_key_rescan(rec: Recorder) -> None:
    """The re-scan as it was before it became set-based: `recheck` of every key and linked fact."""
    keys = rec.conn.execute(text("""
        SELECT DISTINCT subject_id, property_id FROM fact
        WHERE subject_id IS NOT NULL AND property_id IS NOT NULL
        UNION SELECT subject_id, property_id FROM conflict WHERE rule = 'value' AND subject_id IS NOT NULL
    """)).all()
    linked = rec.conn.execute(text(
        "SELECT from_fact_id FROM fact_link WHERE kind = 'contradicts' "
        "UNION SELECT fact_id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id AND c.rule = 'declared'"
    )).scalars().all()
    conflicts.recheck(rec, [tuple(key) for key in keys], linked)


# -- building fact bases with every case the rules distinguish ------------------------------------

# Qualifiers: points in the same and in different years and precisions, ranges open at either end,
# a point with a range, and malformed or inverted scopes (judged as unscoped).
SCOPES = [
    {}, {}, {"point_in_time": "2019"}, {"point_in_time": "2020"}, {"point_in_time": "2021"},
    {"point_in_time": "2020-03"}, {"point_in_time": "2020-12-31"}, {"point_in_time": "2021-01-01"},
    {"start_time": "2019", "end_time": "2020-06"}, {"start_time": "2021"}, {"end_time": "2019-12"},
    {"point_in_time": "2019", "start_time": "2021", "end_time": "2022"},
    {"point_in_time": "2020-13"}, {"point_in_time": "0000"}, {"point_in_time": "2021-02-29"},
    {"point_in_time": "soon"}, {"start_time": "2022", "end_time": "2020"},
]
AMOUNTS = [
    TypedValue(MONEY, amount=100e6, unit="USD"), TypedValue(MONEY, amount=800e6, approximate=True, unit="USD"),
    TypedValue(MONEY, amount=8e9, lower=8e9, unit="USD"), TypedValue(MONEY, amount=77e9, upper=77e9, unit="USD"),
    TypedValue(MONEY, amount=95e6, approximate=True, unit="USD"), TypedValue(MONEY, amount=100e6, unit="EUR"),
]
DATES = [TypedValue(DATE, date="1993"), TypedValue(DATE, date="1996"), TypedValue(DATE, date="1995", approximate=True),
         TypedValue(DATE, date="1993-02-02")]
SHARES = [TypedValue(PERCENT, amount=30, approximate=True, unit="%"), TypedValue(PERCENT, amount=100 / 3, unit="%"),
          TypedValue(PERCENT, amount=45, unit="%")]
STATEMENTS = [TypedValue(TEXT, text="EU is the largest investor"), TypedValue(TEXT, text="China is")]


def ids_of(conn, table_name: str, column: str) -> dict[str, int]:
    return dict(conn.execute(text(f"SELECT {column}, id FROM {table_name}")).all())


def ids_of_property(fb: FactBase, key: str) -> int:
    with fb.reading() as conn:
        return ids_of(conn, "property", "key")[key]


def build_facts(fb: FactBase, seed: int, count: int) -> None:
    """`count` facts over a few subjects and properties, with scopes, values, statuses and ranks
    drawn from the cases above; some with evidence, so explanations name sources."""
    rnd = random.Random(seed)
    with fb.reading() as conn:
        entities = list(ids_of(conn, "entity", "name").values())
        properties = ids_of(conn, "property", "key")
        sources = list(ids_of(conn, "source", "title").values())
    values_by_property = {
        "investment_inflow": AMOUNTS, "cumulative_investment": AMOUNTS, "diplomatic_relations_established": DATES,
        "share_of_foreign_trade": SHARES, "statement": STATEMENTS, "party_to": None, "largest_investor": None,
    }
    subjects = entities[:4]

    def body(rec: Recorder) -> None:
        for _ in range(count):
            key = rnd.choice(list(values_by_property))
            values = values_by_property[key] or [TypedValue(ENTITY, entity_id=e) for e in entities[4:7]]
            fact_id = steps.insert_fact(
                rec, value=rnd.choice(values), subject_id=rnd.choice(subjects), property_id=properties[key],
                status=rnd.choice([*FactStatus] + [FactStatus.CONFIRMED] * 3),
                rank=rnd.choice([*FactRank] + [FactRank.NORMAL] * 3), note=None, qualifiers=rnd.choice(SCOPES))
            if sources and rnd.random() < 0.5:
                steps.insert_evidence(rec, fact_id, rnd.choice(sources), 0, 12)

    fb.run("Facts for the test", body)


def make_conflicts_stale(fb: FactBase, seed: int) -> None:
    """What another tool, an older version of the rules or a crash between writes can leave: facts
    changed without their conflicts, and conflict rows deleted, invented, settled or reworded."""
    rnd = random.Random(seed)
    with engine_of(fb.engine).write_transaction(fb.engine) as conn:
        sql = lambda statement, **params: conn.execute(text(statement), params)
        fact_ids = sql("SELECT id FROM fact ORDER BY id").scalars().all()
        for fact_id in rnd.sample(fact_ids, len(fact_ids) // 6):
            change = rnd.choice([
                "status = 'rejected'", "rank = 'deprecated'", "status = 'draft', rank = 'preferred'",
                "point_in_time = '2020', start_time = NULL, end_time = NULL", "point_in_time = NULL",
                "point_in_time = '2020-02-30'", "start_time = '2018', end_time = NULL, point_in_time = NULL",
                "value_amount = 5e9, value_lower = NULL, value_upper = NULL",
            ])
            sql(f"UPDATE fact SET {change} WHERE id = :id AND value_kind = 'money'"
                if "value_amount" in change else f"UPDATE fact SET {change} WHERE id = :id", id=fact_id)
        conflict_ids = sql("SELECT id FROM conflict WHERE rule <> 'manual' ORDER BY id").scalars().all()
        for conflict_id in conflict_ids:
            fate = rnd.choice(["keep", "keep", "delete", "dismiss", "dismiss stale", "reword"])
            if fate == "delete":
                sql("DELETE FROM conflict_member WHERE conflict_id = :id", id=conflict_id)
                sql("DELETE FROM conflict WHERE id = :id", id=conflict_id)
            elif fate.startswith("dismiss"):
                sql("UPDATE conflict SET status = 'dismissed', resolution = 'dismiss', rationale = 'checked', "
                    "resolved_by = 'someone', resolved_at = '2020-01-01T00:00:00.000Z' WHERE id = :id", id=conflict_id)
                if fate == "dismiss stale":
                    sql("UPDATE conflict SET members_fingerprint = 'stale' WHERE id = :id", id=conflict_id)
            elif fate == "reword":
                sql("UPDATE conflict SET explanation = 'worded by an older version' WHERE id = :id", id=conflict_id)
        # Conflicts no rule supports: open ones go, settled ones stay.
        by_key: dict[tuple[int, int], list[int]] = {}
        for fact_id, subject_id, property_id in sql(
                "SELECT id, subject_id, property_id FROM fact WHERE subject_id IS NOT NULL ORDER BY id"):
            by_key.setdefault((subject_id, property_id), []).append(fact_id)
        pairs = [(key, members[:2]) for key, members in by_key.items() if len(members) >= 2]
        for number, ((subject_id, property_id), members) in enumerate(rnd.sample(pairs, min(len(pairs), 8))):
            for rule in ("value", "declared"):
                signature = f"{rule}:" + ",".join(map(str, sorted(members)))
                if sql("SELECT 1 FROM conflict WHERE signature = :s", s=signature).first():
                    continue
                conflict_id = sql(
                    "INSERT INTO conflict (rule, signature, subject_id, property_id, status, explanation, "
                    "members_fingerprint, created_at) VALUES (:rule, :signature, :s, :p, :status, 'invented', 'x', 'then') RETURNING id",
                    rule=rule, signature=signature, s=subject_id, p=property_id,
                    status="dismissed" if number % 3 == 0 else "open").scalar_one()
                for fact_id in members:
                    sql("INSERT INTO conflict_member (conflict_id, fact_id) VALUES (:c, :f)", c=conflict_id, f=fact_id)


@pytest.fixture
def tricky(fact_base: FactBase) -> FactBase:
    """Random facts over every case, with hand-made ones beside them, conflicts found and then made stale."""
    build_facts(fact_base, seed=7, count=260)
    with fact_base.reading() as conn:
        entities = ids_of(conn, "entity", "name")
        properties = ids_of(conn, "property", "key")
    kz, inflow = entities["Kazakhstan"], properties["investment_inflow"]
    usd = lambda amount: TypedValue(MONEY, amount=amount, unit="USD")
    # A time series (distinct years: never a conflict) holding a conflict a curator dismissed, and an
    # open one that no longer holds; and facts linked as contradicting, one of them later rejected.
    series = [fact_base.create_fact(value=usd(amount), subject_id=kz, property_id=inflow,
                                    qualifiers={"point_in_time": year}).new_id("fact")
              for amount, year in ((1e9, "2001"), (5e9, "2002"), (2e9, "2003-05"), (9e9, "2004-02-29"))]
    statement = properties["statement"]
    claims = [fact_base.create_fact(value=TypedValue(TEXT, text=t), subject_id=kz, property_id=statement).new_id("fact")
              for t in ("the EU invests most", "China invests most", "nobody knows")]
    fact_base.link_facts(claims[0], claims[1], "contradicts", "two sources disagree")
    fact_base.link_facts(claims[1], claims[0], "contradicts")
    fact_base.link_facts(claims[2], claims[0], "contradicts", "rejected later")
    fact_base.flag_facts([claims[2]], "an opinion piece")
    with engine_of(fact_base.engine).write_transaction(fact_base.engine) as conn:
        for members, status in (((series[0], series[1]), "dismissed"), ((series[2], series[3]), "open")):
            conflict_id = conn.execute(text(
                "INSERT INTO conflict (rule, signature, subject_id, property_id, status, explanation, "
                "members_fingerprint, created_at) VALUES ('value', :sig, :s, :p, :status, 'old', 'x', 'then') RETURNING id"),
                {"sig": "value:" + ",".join(map(str, members)), "s": kz, "p": inflow, "status": status}).scalar_one()
            for fact_id in members:
                conn.execute(text("INSERT INTO conflict_member (conflict_id, fact_id) VALUES (:c, :f)"),
                             {"c": conflict_id, "f": fact_id})
        conn.execute(text("UPDATE fact SET status = 'rejected' WHERE id = :id"), {"id": claims[2]})
    make_conflicts_stale(fact_base, seed=11)
    return fact_base


def copy_of(fb: FactBase, folder: Path, name: str) -> Path:
    target = folder / f"{name}.sqlite"
    fb.write_snapshot(target)  # an SQLite file whichever engine holds the fact base
    return target


def conflict_state(path: Path, operation_label: str) -> tuple[list, list, list]:
    """Conflict rows, members, and the audit events of the operation labelled so, without the
    operation's own time (each run has its own)."""
    with FactBase.open(path, read_only=True) as fb, fb.reading() as conn:
        rows = [{k: v for k, v in r.items() if k != "created_at"}
                for r in conn.execute(text("SELECT * FROM conflict ORDER BY id")).mappings()]
        members = conn.execute(text("SELECT * FROM conflict_member ORDER BY id")).all()
        events = [(r.action, r.target_type, r.target_id, _without_time(r.before), _without_time(r.after))
                  for r in conn.execute(text(
                      "SELECT e.* FROM audit_event e JOIN operation o ON o.id = e.operation_id "
                      "WHERE o.label = :label ORDER BY e.id"), {"label": operation_label})]
    return rows, members, events


def _without_time(image: str | None) -> dict | None:
    return None if image is None else {k: v for k, v in json.loads(image).items() if k != "created_at"}


def rescan_both_ways(fb: FactBase, folder: Path) -> tuple[tuple, tuple]:
    per_key, set_based = copy_of(fb, folder, "per-key"), copy_of(fb, folder, "set-based")
    with FactBase.open(per_key, actor="tester") as copy:
        copy.run("Re-check all conflicts", per_key_rescan)
    with FactBase.open(set_based, actor="tester") as copy:
        copy.rescan_conflicts()
    return conflict_state(per_key, "Re-check all conflicts"), conflict_state(set_based, "Re-check all conflicts")


# -- the set-based re-scan ------------------------------------------------------------------------


def test_rescan_writes_what_rechecking_every_key_writes(tricky, tmp_path):
    (rows, members, events), (set_rows, set_members, set_events) = rescan_both_ways(tricky, tmp_path)
    assert set_rows == rows and set_members == members
    assert set_events == events  # the same audited writes, in the same order
    # The fact base held every case the comparison is about.
    assert {(e[0], e[1]) for e in events} >= {("insert", "conflict"), ("delete", "conflict"), ("update", "conflict")}
    assert {r["rule"] for r in rows} == {"value", "declared", "manual"}
    assert {r["status"] for r in rows if r["rule"] == "value"} == {"open", "dismissed"}
    reopened = [e for e in events if e[1] == "conflict" and e[0] == "update" and e[3]["status"] == "dismissed"
                and e[4]["status"] == "open"]
    assert reopened


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rescan_matches_on_other_random_fact_bases(fact_base, tmp_path, seed):
    build_facts(fact_base, seed=seed, count=150)
    make_conflicts_stale(fact_base, seed=seed)
    per_key, set_based = rescan_both_ways(fact_base, tmp_path)
    assert set_based == per_key


def test_a_rescan_of_an_up_to_date_fact_base_changes_nothing(tricky):
    tricky.rescan_conflicts()
    assert tricky.rescan_conflicts().empty


def test_only_keys_whose_facts_may_overlap_in_time_are_judged(fact_base):
    with fact_base.reading() as conn:
        kz, inflow = ids_of(conn, "entity", "name")["Kazakhstan"], ids_of(conn, "property", "key")["investment_inflow"]
    for amount, year in ((1e9, "2001"), (5e9, "2002-06"), (9e9, "2003-01-01")):
        fact_base.create_fact(value=TypedValue(MONEY, amount=amount, unit="USD"), subject_id=kz, property_id=inflow,
                              qualifiers={"point_in_time": year})
    with fact_base.reading() as conn:
        assert conn.execute(conflicts._candidates_where_scopes_may_overlap(engine_of(conn))).all() == []
    # Two facts in one year may disagree: the key's facts are judged.
    fact_base.create_fact(value=TypedValue(MONEY, amount=1e6, unit="USD"), subject_id=kz, property_id=inflow,
                          qualifiers={"point_in_time": "2002"})
    with fact_base.reading() as conn:
        assert len(conn.execute(conflicts._candidates_where_scopes_may_overlap(engine_of(conn))).all()) == 4
    # A malformed point is judged as unscoped, which overlaps every year.
    cumulative = ids_of_property(fact_base, "cumulative_investment")
    for amount, year in ((1e9, "2001"), (5e9, "2002-13")):
        fact_base.create_fact(value=TypedValue(MONEY, amount=amount, unit="USD"), subject_id=kz, property_id=cumulative,
                              qualifiers={"point_in_time": year})
    with fact_base.reading() as conn:
        assert len(conn.execute(conflicts._candidates_where_scopes_may_overlap(engine_of(conn))).all()) == 6
        assert conn.execute(text("SELECT count(*) FROM conflict WHERE property_id = :p"), {"p": cumulative}).scalar() == 1


def candidate_keys(fb: FactBase) -> set[tuple[int, int]]:
    with fb.reading() as conn:
        return {(row.subject_id, row.property_id)
                for row in conn.execute(conflicts._candidates_where_scopes_may_overlap(engine_of(conn)))}


def test_keys_whose_facts_say_one_value_in_each_year_are_ruled_out_before_judging(fact_base, tmp_path):
    with fact_base.reading() as conn:
        entities = list(ids_of(conn, "entity", "name").values())
        inflow = ids_of(conn, "property", "key")["investment_inflow"]

    def facts(subject: int, *stated: tuple[TypedValue, str]) -> tuple[int, int]:
        for value, year in stated:
            fact_base.create_fact(value=value, subject_id=subject, property_id=inflow, qualifiers={"point_in_time": year})
        return subject, inflow

    usd = TypedValue(MONEY, amount=1e9, unit="USD")
    # A time series whose years each hold copies of one value (a year and a day in it included).
    facts(entities[0], (usd, "2001"), (usd, "2001"), (TypedValue(MONEY, amount=5e9, unit="USD"), "2002"),
          (TypedValue(MONEY, amount=5e9, unit="USD"), "2002-06-30"), (TypedValue(MONEY, amount=7e9, unit="USD"), "2003"))
    # Values that differ in one column only, one of them empty in one fact: each key is judged.
    differing = [
        facts(entities[1], (usd, "2001"), (TypedValue(MONEY, amount=1e9, unit="EUR"), "2001")),
        facts(entities[2], (usd, "2001"), (TypedValue(MONEY, amount=1e9, unit="USD", approximate=True), "2001-03")),
        facts(entities[3], (usd, "2001"), (TypedValue(MONEY, amount=1e9, lower=1e9, unit="USD"), "2001")),
        facts(entities[4], (usd, "2001"), (TypedValue(MONEY, amount=1.5e9, unit="USD"), "2001"), (usd, "2002")),
    ]
    # One value throughout, but an unscoped fact or a malformed point: judged, as they overlap every year.
    unscoped = entities[5], inflow
    fact_base.create_fact(value=usd, subject_id=unscoped[0], property_id=inflow)
    facts(unscoped[0], (usd, "2001"))
    malformed = facts(entities[6], (usd, "2001"), (usd, "2002-13"))
    # Three facts in a year, the last one differing: found whichever pair states it.
    differing.append(facts(entities[7], (usd, "2001"), (usd, "2001-05"), (TypedValue(MONEY, amount=2e9, unit="USD"), "2001")))
    # A rejected or deprecated fact of the same year takes part in no conflict: ruled out.
    facts(entities[8], (usd, "2001"), (usd, "2002"))
    for status, rank in ((FactStatus.REJECTED, FactRank.NORMAL), (FactStatus.CONFIRMED, FactRank.DEPRECATED)):
        fact_base.create_fact(value=TypedValue(MONEY, amount=3e9, unit="USD"), subject_id=entities[8], property_id=inflow,
                              status=status, rank=rank, qualifiers={"point_in_time": "2001"})
    assert candidate_keys(fact_base) == {*differing, unscoped, malformed}
    with fact_base.reading() as conn:
        opened = conn.execute(text("SELECT subject_id FROM conflict WHERE rule = 'value' AND status = 'open'")).scalars().all()
    assert sorted(opened) == sorted([entities[4], entities[7], entities[7]])  # 1.5 bn or 2 bn beside 1 bn; EUR beside USD cannot be compared
    per_key, set_based = rescan_both_ways(fact_base, tmp_path)
    assert set_based == per_key


def test_a_rescan_rewords_explanations_after_names_sources_and_rules_changed_around_the_app(tricky, tmp_path):
    """An explanation names the subject, the property and each fact's first source, and the verdict
    depends on the property's tolerance: changes to any of them that no re-check saw (another tool,
    a load) are found by the full verification, worded as the per-key check words them."""
    tricky.rescan_conflicts()
    with tricky.reading() as conn:
        cited = conn.execute(text(
            "SELECT c.id, c.subject_id, c.property_id, min(m.fact_id) AS fact_id FROM conflict c "
            "JOIN conflict_member m ON m.conflict_id = c.id JOIN evidence e ON e.fact_id = m.fact_id "
            "WHERE c.rule = 'value' GROUP BY c.id, c.subject_id, c.property_id ORDER BY c.id")).all()
        first, other = cited[0], next(row for row in cited if row.fact_id != cited[0].fact_id)
        evidence = conn.execute(text("SELECT id, source_id FROM evidence WHERE fact_id = :f ORDER BY id"),
                                {"f": first.fact_id}).all()
        shares = ids_of(conn, "property", "key")["share_of_foreign_trade"]
    with engine_of(tricky.engine).write_transaction(tricky.engine) as conn:
        sql = lambda statement, **params: conn.execute(text(statement), params)
        sql("UPDATE source SET publisher = 'Renamed Press', author = NULL WHERE id = :id", id=evidence[0].source_id)
        sql("UPDATE entity SET name = 'Renamed subject' WHERE id = :id", id=first.subject_id)
        sql("UPDATE property SET name = 'renamed property' WHERE id = :id", id=first.property_id)
        # Another fact's first evidence goes: its explanations cite its next source, or the fact.
        sql("DELETE FROM evidence WHERE id = (SELECT min(id) FROM evidence WHERE fact_id = :f)", f=other.fact_id)
        # "About 30%" now meets 45%: the shares' conflicts of approximate values go.
        sql("UPDATE property SET tolerance = 0.6 WHERE id = :id", id=shares)
    (rows, _members, events), set_based = rescan_both_ways(tricky, tmp_path)
    assert set_based == (rows, _members, events)
    explanation = next(row["explanation"] for row in rows if row["id"] == first.id)
    assert explanation.startswith("Renamed subject · renamed property: ") and "Renamed Press" in explanation
    assert {(e[0], e[1]) for e in events} >= {("update", "conflict"), ("delete", "conflict")}


def test_an_entity_value_conflict_names_the_entities_and_follows_their_renames(fact_base, tmp_path):
    """"Source says Astana; Source says Almaty", not "says entity #9": a rename through the app
    rewords the conflict at once, and one made around the app is found by the full re-scan,
    worded as the per-key check words it."""
    from kzeu_desk.core.properties import PropertyDraft

    venue = fact_base.create_property(PropertyDraft(key="summit_venue", name="summit venue",
                                                    value_kind=ENTITY)).new_id("property")
    summit = fact_base.create_entity("Cooperation Council 2025").new_id("entity")
    astana, almaty = (fact_base.create_entity(name).new_id("entity") for name in ("Astana", "Almaty"))
    for city in (astana, almaty):
        fact_base.create_fact(value=TypedValue(ENTITY, entity_id=city), subject_id=summit, property_id=venue)

    def explanation(fb: FactBase) -> str:
        with fb.reading() as conn:
            return conn.execute(text("SELECT explanation FROM conflict WHERE rule = 'value' AND subject_id = :s"),
                                {"s": summit}).scalar_one()

    assert "says Astana" in explanation(fact_base) and "says Almaty" in explanation(fact_base)
    assert "entity #" not in explanation(fact_base)
    fact_base.update_entity(almaty, name="Almaty city")
    assert "says Almaty city" in explanation(fact_base)  # reworded by the rename itself
    with engine_of(fact_base.engine).write_transaction(fact_base.engine) as conn:
        conn.execute(text("UPDATE entity SET name = 'Nur-Sultan' WHERE id = :id"), {"id": astana})
    per_key, set_based = rescan_both_ways(fact_base, tmp_path)
    assert set_based == per_key
    reworded = next(row["explanation"] for row in per_key[0] if row["subject_id"] == summit)
    assert "says Nur-Sultan" in reworded and "says Almaty city" in reworded


def explained_pairs(monkeypatch) -> list[tuple[int, int]]:
    """The member ids of each value conflict explained from now on (judged and worded anew)."""
    explained: list[tuple[int, int]] = []
    explain = conflicts._explain

    def counting(a, b, verdict):
        explained.append((a["id"], b["id"]))
        return explain(a, b, verdict)

    monkeypatch.setattr(conflicts, "_explain", counting)
    return explained


def value_conflicts(fb: FactBase) -> dict[int, dict]:
    with fb.reading() as conn:
        return {row["id"]: dict(row) for row in conn.execute(text(
            "SELECT c.*, min(m.fact_id) AS a, max(m.fact_id) AS b FROM conflict c JOIN conflict_member m "
            "ON m.conflict_id = c.id WHERE c.rule = 'value' GROUP BY c.id")).mappings()}


def test_a_rescan_judges_and_words_again_only_conflicts_whose_inputs_changed(tricky, tmp_path, monkeypatch):
    """Each value conflict the check writes records what it was made from (`worded_under`); the
    re-scan passes over those whose inputs still hold and judges and words the others as the
    per-key check does."""
    tricky.rescan_conflicts()
    written = value_conflicts(tricky)
    opened = sorted(i for i, row in written.items() if row["status"] == "open")
    assert opened and all(written[i]["worded_under"] for i in opened)
    explained = explained_pairs(monkeypatch)
    assert tricky.rescan_conflicts().empty
    assert explained == []  # nothing changed: nothing judged or worded again
    # Around the app: a subject renamed, a conflict reworded, another's record spoiled.
    renamed_subject = written[opened[0]]["subject_id"]
    reworded, spoiled = [i for i in opened if written[i]["subject_id"] != renamed_subject][:2]
    with engine_of(tricky.engine).write_transaction(tricky.engine) as conn:
        sql = lambda statement, **params: conn.execute(text(statement), params)
        sql("UPDATE entity SET name = 'Renamed subject' WHERE id = :id", id=renamed_subject)
        sql("UPDATE conflict SET explanation = 'worded by hand' WHERE id = :id", id=reworded)
        sql("UPDATE conflict SET worded_under = 'spoiled' WHERE id = :id", id=spoiled)
    (rows, members, events), set_based = rescan_both_ways(tricky, tmp_path)
    assert set_based == (rows, members, events)
    by_id = {row["id"]: row for row in rows}
    assert by_id[reworded]["explanation"] == written[reworded]["explanation"]
    assert by_id[spoiled]["worded_under"] == written[spoiled]["worded_under"]
    assert by_id[opened[0]]["explanation"].startswith("Renamed subject · ")
    explained.clear()
    with FactBase.open(copy_of(tricky, tmp_path, "again"), actor="tester") as copy:
        copy.rescan_conflicts()
    pair = lambda i: (written[i]["a"], written[i]["b"])
    untouched = {pair(i) for i in written if written[i]["subject_id"] != renamed_subject and i not in (reworded, spoiled)}
    assert {pair(opened[0]), pair(reworded), pair(spoiled)} <= set(explained)
    assert untouched and not untouched & set(explained)


def test_a_change_of_wording_words_every_conflict_again(tricky, tmp_path, monkeypatch):
    tricky.rescan_conflicts()
    before = value_conflicts(tricky)
    monkeypatch.setattr(conflicts, "WORDING_REVISION", conflicts.WORDING_REVISION + 1)
    explained = explained_pairs(monkeypatch)
    (rows, members, events), set_based = rescan_both_ways(tricky, tmp_path)
    assert set_based == (rows, members, events)
    explained.clear()
    with FactBase.open(copy_of(tricky, tmp_path, "again"), actor="tester") as copy:
        copy.rescan_conflicts()
    opened = [i for i, row in before.items() if row["status"] == "open"]
    assert {(before[i]["a"], before[i]["b"]) for i in opened} <= set(explained)
    # The same words, recorded as made under the new revision.
    by_id = {row["id"]: row for row in rows}
    assert all(by_id[i]["explanation"] == before[i]["explanation"] for i in opened)
    assert all(by_id[i]["worded_under"] not in (None, before[i]["worded_under"]) for i in opened)


# -- what the records were made from, unchanged since the last re-scan ------------------------------


def full_reads_of_wording_inputs(monkeypatch) -> list[int]:
    """One entry for each re-scan from now on that reads what every record was made from."""
    reads: list[int] = []
    read = conflicts._settled_value_conflicts

    def counting(*args):
        reads.append(1)
        return read(*args)

    monkeypatch.setattr(conflicts, "_settled_value_conflicts", counting)
    return reads


def around_the_app(fb: FactBase, *statements: tuple[str, dict]) -> None:
    with engine_of(fb.engine).write_transaction(fb.engine) as conn:
        for statement, params in statements:
            conn.execute(text(statement), params)


def rescan_in_place_and_per_key(fb: FactBase, folder: Path) -> tuple[tuple, tuple]:
    """The per-key check on a copy, and the re-scan of the fact base itself, on its own engine (a
    copy between engines is not the base the re-scan left its note in); both states read from copies."""
    per_key = copy_of(fb, folder, "per-key")
    with FactBase.open(per_key, actor="tester") as copy:
        copy.run("Re-check all conflicts", per_key_rescan)
    fb.rescan_conflicts()
    return conflict_state(per_key, "Re-check all conflicts"), conflict_state(copy_of(fb, folder, "in-place"),
                                                                             "Re-check all conflicts")


def same_writes(state: tuple, other: tuple) -> bool:
    """The same rows, members and audited writes; the writes within a key in any order (both checks
    write a key's conflicts in the order the engine reads them: on PostgreSQL, not the ids')."""
    return state[:2] == other[:2] and sorted(map(repr, state[2])) == sorted(map(repr, other[2]))


def test_a_rescan_reads_what_records_were_made_from_only_after_one_of_them_was_written(tricky, monkeypatch):
    """Whatever writes a row a record is made from (here SQL around the app), the database deletes the
    note the last re-scan left, and the next re-scan reads those inputs again; other writes leave it."""
    tricky.rescan_conflicts()
    reads = full_reads_of_wording_inputs(monkeypatch)
    assert tricky.rescan_conflicts().empty and reads == []
    with tricky.reading() as conn:
        member, subject, source, evidence = conn.execute(text(
            "SELECT m.fact_id, c.subject_id, e.source_id, e.id FROM conflict c "
            "JOIN conflict_member m ON m.conflict_id = c.id JOIN evidence e ON e.fact_id = m.fact_id "
            "WHERE c.rule = 'value' ORDER BY e.id")).first()
        conflict_id = conn.execute(text("SELECT min(id) FROM conflict WHERE rule = 'value'")).scalar_one()
    watched = [
        ("UPDATE entity SET name = 'Renamed subject' WHERE id = :id", {"id": subject}),
        ("UPDATE source SET publisher = 'Renamed Press' WHERE id = :id", {"id": source}),
        ("UPDATE property SET tolerance = 0.6 WHERE key = 'share_of_foreign_trade'", {}),
        ("UPDATE conflict SET explanation = 'worded by hand' WHERE id = :id", {"id": conflict_id}),
        ("INSERT INTO evidence (fact_id, source_id, start, \"end\", quote, prefix, suffix, source_sha256, created_at, created_by) "
         "SELECT :fact, source_id, start, \"end\", quote, prefix, suffix, source_sha256, created_at, created_by FROM evidence WHERE id = :id",
         {"fact": member, "id": evidence}),
        ("DELETE FROM evidence WHERE id = :id", {"id": evidence}),
        ("DELETE FROM conflict_member WHERE conflict_id = :id", {"id": conflict_id}),
    ]
    for statement, params in watched:
        around_the_app(tricky, (statement, params))
        reads.clear()
        tricky.rescan_conflicts()
        assert reads == [1], statement
        assert tricky.rescan_conflicts().empty and reads == [1], statement
    # Writes to nothing a record is made from: a fact's note, a source's text, a quote.
    around_the_app(tricky, ("UPDATE fact SET note = 'checked' WHERE id = :id", {"id": member}),
                   ("UPDATE source SET language = 'kk' WHERE id = :id", {"id": source}),
                   ("UPDATE evidence SET quote = 'another quote' WHERE fact_id = :id", {"id": member}))
    reads.clear()
    assert tricky.rescan_conflicts().empty and reads == []


def test_facts_changed_around_the_app_are_judged_though_their_records_were_not_read_again(tricky, tmp_path, monkeypatch):
    """Facts are not watched: each settled pair's fingerprint is compared with the facts as they are,
    so a member's new value, scope, status or entity is judged and worded as the per-key check does."""
    tricky.rescan_conflicts()
    written = value_conflicts(tricky)
    opened = sorted(i for i, row in written.items() if row["status"] == "open")
    changes = ["value_amount = value_amount * 3", "point_in_time = '2031'", "status = 'rejected'",
               "value_amount = value_amount + 1", "start_time = '1990', point_in_time = NULL"]
    around_the_app(tricky, *((f"UPDATE fact SET {change} WHERE id = :id", {"id": written[i]["b"]})
                             for i, change in zip(opened[::3], changes)))
    reads = full_reads_of_wording_inputs(monkeypatch)
    per_key, in_place = rescan_in_place_and_per_key(tricky, tmp_path)
    assert reads == []
    assert same_writes(in_place, per_key)
    assert {(e[0], e[1]) for e in per_key[2]} >= {("update", "conflict"), ("delete", "conflict")}


def test_a_kept_conflict_whose_record_failed_is_worded_again_when_its_facts_disagree_again(fact_base, tmp_path, monkeypatch):
    """A dismissed conflict that no longer holds is kept as it is, its record unchecked: the note the
    re-scan leaves names it, so when its facts disagree again (changed back around the app, unseen
    by the watch) it is worded again, under its subject's new name, as the per-key check words it."""
    inflow = ids_of_property(fact_base, "investment_inflow")
    subject = fact_base.create_entity("Samruk-Kazyna").new_id("entity")
    low, high = (fact_base.create_fact(value=TypedValue(MONEY, amount=amount, unit="USD"), subject_id=subject,
                                       property_id=inflow, qualifiers={"point_in_time": "2020"}).new_id("fact")
                 for amount in (100e6, 900e6))
    with fact_base.reading() as conn:
        conflict_id = conn.execute(text("SELECT id FROM conflict WHERE subject_id = :s"), {"s": subject}).scalar_one()
    fact_base.dismiss_conflict(conflict_id, "different reporting periods")
    around_the_app(fact_base, ("UPDATE fact SET value_amount = 100e6 WHERE id = :id", {"id": high}),
                   ("UPDATE entity SET name = 'Samruk-Kazyna JSC' WHERE id = :id", {"id": subject}))
    fact_base.rescan_conflicts()  # the pair agrees: the dismissed conflict is kept, worded as before
    with fact_base.reading() as conn:
        row = conn.execute(text("SELECT status, explanation FROM conflict WHERE id = :id"), {"id": conflict_id}).one()
    assert row.status == "dismissed" and row.explanation.startswith("Samruk-Kazyna · ")
    around_the_app(fact_base, ("UPDATE fact SET value_amount = 900e6 WHERE id = :id", {"id": high}))
    reads = full_reads_of_wording_inputs(monkeypatch)
    per_key, in_place = rescan_in_place_and_per_key(fact_base, tmp_path)
    assert reads == []
    assert same_writes(in_place, per_key)
    reworded = next(r for r in in_place[0] if r["id"] == conflict_id)
    assert reworded["status"] == "dismissed" and reworded["explanation"].startswith("Samruk-Kazyna JSC · ")
    assert low < high


def test_without_the_watch_every_rescan_reads_what_records_were_made_from(tricky, monkeypatch):
    """A table rebuilt by a later schema step, or a trigger dropped by hand, leaves writes unseen: the
    note is then neither trusted nor left."""
    tricky.rescan_conflicts()
    with engine_of(tricky.engine).write_transaction(tricky.engine) as conn:
        engine_of(conn).drop_meta_watch(conn, conflicts._WORDING_WATCH, ["source"])
        assert not engine_of(conn).meta_watch_in_place(conn, conflicts._WORDING_WATCH, conflicts._WORDING_TABLES)
    reads = full_reads_of_wording_inputs(monkeypatch)
    assert tricky.rescan_conflicts().empty and tricky.rescan_conflicts().empty
    assert reads == [1, 1]
    with tricky.reading() as conn:
        assert conn.execute(text("SELECT value FROM app_meta WHERE key = :k"),
                            {"k": conflicts._WORDING_UNCHANGED_KEY}).first() is None


def test_a_stopped_rescan_leaves_no_note(tricky, monkeypatch):
    from kzeu_desk.core.progress import Progress, Stopped

    tricky.rescan_conflicts()
    around_the_app(tricky, ("UPDATE entity SET name = name || ' (renamed)' WHERE id = "
                            "(SELECT min(subject_id) FROM conflict WHERE rule = 'value')", {}))
    stopping = Progress(lambda report: stopping.request_stop() if report.stage.startswith("Judging") else None)
    with pytest.raises(Stopped):
        tricky.rescan_conflicts(progress=stopping)
    reads = full_reads_of_wording_inputs(monkeypatch)
    assert not tricky.rescan_conflicts().empty and reads == [1]


@pytest.mark.sqlite_only  # SQLite's query plans (EXPLAIN QUERY PLAN)
def test_the_candidates_are_read_from_the_index_alone(tricky):
    with tricky.reading() as conn:
        query = conflicts._candidates_where_scopes_may_overlap(engine_of(conn))
        plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {query.text}")]
    reads_of_facts = [step for step in plan if step.startswith(("SCAN f", "SEARCH f ", "SCAN a", "SEARCH a ",
                                                                "SCAN b", "SEARCH b "))]
    assert len(reads_of_facts) >= 4, plan  # the key filter, the pairs of one year's facts, the candidates
    assert all("COVERING INDEX ix_fact_key_values" in step for step in reads_of_facts), plan
    # Each key's facts are paired by the key, never by the id through another index.
    assert all("(subject_id=? AND property_id=?)" in step for step in reads_of_facts if step.startswith("SEARCH b")), plan


# -- re-checking what changed ---------------------------------------------------------------------


def recheck_changed_both_ways(fb: FactBase, folder: Path) -> tuple[tuple, tuple]:
    full, changed = copy_of(fb, folder, "full"), copy_of(fb, folder, "changed")
    with FactBase.open(full, actor="tester") as copy:
        copy.rescan_conflicts()
    with FactBase.open(changed, actor="tester") as copy:
        copy.rescan_conflicts(only_changed=True)
    return (conflict_state(full, "Re-check all conflicts")[:2],
            conflict_state(changed, "Re-check conflicts of changed facts")[:2])


def test_without_an_earlier_check_the_first_is_a_full_one(tricky, tmp_path):
    full, changed = recheck_changed_both_ways(tricky, tmp_path)
    assert changed == full


def test_changes_since_the_last_check_are_found(tricky, tmp_path):
    tricky.rescan_conflicts()
    # Through the app: edits, a deletion, a link; each already re-checked its own keys.
    with tricky.reading() as conn:
        facts = conn.execute(text("SELECT id, version FROM fact WHERE value_kind = 'money' AND status <> 'rejected' "
                                  "ORDER BY id LIMIT 6")).all()
    tricky.update_fact(facts[0].id, facts[0].version, value=TypedValue(MONEY, amount=3e12, unit="USD"))
    tricky.update_fact(facts[1].id, facts[1].version, point_in_time=None, start_time=None, end_time=None)
    tricky.delete_fact(facts[2].id)
    tricky.link_facts(facts[3].id, facts[4].id, "contradicts")
    # Around the app, but keeping updated_at as every writer does: the next check must see them.
    with engine_of(tricky.engine).write_transaction(tricky.engine) as conn:
        conn.execute(text("UPDATE fact SET value_amount = 1, value_lower = NULL, value_upper = NULL, "
                          "point_in_time = NULL, start_time = NULL, end_time = NULL, updated_at = :now "
                          "WHERE id IN (SELECT id FROM fact WHERE value_kind = 'money' AND status <> 'rejected' "
                          "AND rank <> 'deprecated' ORDER BY id DESC LIMIT 3)"), {"now": utc_now()})
    full, changed = recheck_changed_both_ways(tricky, tmp_path)
    assert changed == full
    with FactBase.open(tmp_path / "changed.sqlite", read_only=True) as copy, copy.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM conflict WHERE explanation LIKE '%US$1 %'")).scalar() > 0


def delete_value_conflicts(fb: FactBase) -> None:
    with engine_of(fb.engine).write_transaction(fb.engine) as conn:
        conn.execute(text("DELETE FROM conflict_member WHERE conflict_id IN (SELECT id FROM conflict WHERE rule = 'value')"))
        conn.execute(text("DELETE FROM conflict WHERE rule = 'value'"))


def test_a_check_sees_only_changes_that_left_a_trace(tricky):
    """What bypasses both the audit log and updated_at waits for the full verification."""
    tricky.rescan_conflicts()
    delete_value_conflicts(tricky)
    assert tricky.rescan_conflicts(only_changed=True).empty
    assert tricky.rescan_conflicts().affects("conflict")


def test_undoing_a_check_is_itself_a_change_the_next_check_sees(tricky, tmp_path):
    repaired = tricky.rescan_conflicts()
    assert repaired.affects("conflict")
    tricky.revert(repaired.operation_id, "Undo")  # the stale conflicts are back
    full, changed = recheck_changed_both_ways(tricky, tmp_path)
    assert changed == full


def test_a_change_of_rules_makes_the_next_check_a_full_one(tricky, monkeypatch):
    tricky.rescan_conflicts()
    delete_value_conflicts(tricky)  # as if the new rules found them anew
    monkeypatch.setattr(conflicts, "RULES_REVISION", conflicts.RULES_REVISION + 1)
    assert tricky.rescan_conflicts(only_changed=True).affects("conflict")
    assert tricky.rescan_conflicts(only_changed=True).empty


# -- conflicts whose facts moved to another key together --------------------------------------------


def pairs_to_move(fb: FactBase, seed: int, how_many: int = 6) -> dict[int, tuple[int, int, int]]:
    """Value conflicts whose two facts are to get another subject together, with the facts and
    the subject: alternately one that sorts before their old one and one that sorts after."""
    rnd = random.Random(seed)
    with fb.reading() as conn:
        pairs = conn.execute(text(
            "SELECT c.id, min(m.fact_id), max(m.fact_id) FROM conflict c "
            "JOIN conflict_member m ON m.conflict_id = c.id WHERE c.rule = 'value' AND c.subject_id > 1 "
            "GROUP BY c.id ORDER BY c.id")).all()
        last_entity = conn.execute(text("SELECT max(id) FROM entity")).scalar_one()
    chosen: dict[int, tuple[int, int, int]] = {}
    for conflict_id, a, b in rnd.sample(pairs, len(pairs)):
        if len(chosen) == how_many:
            break
        if {a, b}.isdisjoint(fact for pair in chosen.values() for fact in pair[:2]):
            chosen[conflict_id] = (a, b, 1 if len(chosen) % 2 == 0 else last_entity)
    return chosen


def subjects_and_statuses(path: Path, conflict_ids) -> dict[int, tuple[int, str]]:
    with FactBase.open(path, read_only=True) as fb, fb.reading() as conn:
        return {row.id: (row.subject_id, row.status) for row in conn.execute(
            text("SELECT id, subject_id, status FROM conflict WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)), {"ids": list(conflict_ids)})}


def test_a_rescan_files_conflicts_under_the_key_their_facts_moved_to(fact_base, tmp_path):
    build_facts(fact_base, seed=5, count=200)
    fact_base.rescan_conflicts()
    moving = pairs_to_move(fact_base, seed=5)
    assert len(moving) == 6
    # Around the app (a load, another tool): the conflict rows stay under the old keys; some
    # a curator had dismissed.
    with engine_of(fact_base.engine).write_transaction(fact_base.engine) as conn:
        for number, (conflict_id, (a, b, subject)) in enumerate(moving.items()):
            conn.execute(text("UPDATE fact SET subject_id = :s, updated_at = :now WHERE id IN (:a, :b)"),
                         {"s": subject, "now": utc_now(), "a": a, "b": b})
            status = "dismissed" if number % 3 == 0 else "open"
            conn.execute(text("UPDATE conflict SET status = :status WHERE id = :id"), {"status": status, "id": conflict_id})
    expected = {conflict_id: (subject, "dismissed" if number % 3 == 0 else "open")
                for number, (conflict_id, (_a, _b, subject)) in enumerate(moving.items())}
    per_key, set_based = rescan_both_ways(fact_base, tmp_path)
    assert set_based == per_key
    assert subjects_and_statuses(tmp_path / "set-based.sqlite", moving) == expected


def test_conflicts_follow_facts_moved_in_one_action_and_back_on_undo(fact_base):
    build_facts(fact_base, seed=6, count=200)
    fact_base.rescan_conflicts()
    moving = pairs_to_move(fact_base, seed=6)
    assert len(moving) == 6
    with fact_base.reading() as conn:
        before = dict(conn.execute(text("SELECT id, subject_id FROM conflict")).all())

    def move_pairs(rec: Recorder) -> None:
        for a, b, subject in moving.values():
            for fact_id in (a, b):
                steps.update_fact(rec, fact_id, rec.row("fact", fact_id)["version"], subject_id=subject)

    moved = fact_base.run("Change the subject of several facts", move_pairs)
    # What the action's own re-check left is what a full verification finds.
    assert fact_base.rescan_conflicts().empty
    with fact_base.reading() as conn:
        after = dict(conn.execute(text("SELECT id, subject_id FROM conflict")).all())
    assert {conflict_id: after[conflict_id] for conflict_id in moving} == {
        conflict_id: subject for conflict_id, (_a, _b, subject) in moving.items()}
    undo = fact_base.revert(moved.operation_id, "Undo")
    assert fact_base.rescan_conflicts().empty
    with fact_base.reading() as conn:
        assert dict(conn.execute(text("SELECT id, subject_id FROM conflict")).all()) == before
    fact_base.revert(undo.operation_id, "Redo")
    assert fact_base.rescan_conflicts().empty
    with fact_base.reading() as conn:
        assert dict(conn.execute(text("SELECT id, subject_id FROM conflict")).all()) == after


# -- the per-key summary the key filter reads (migration 0013) ------------------------------------


def summary_kept_and_counted(fb: FactBase) -> tuple[set, set]:
    """The summary table as the database kept it, and as grouping the facts from scratch makes it."""
    with fb.reading() as conn:
        assert engine_of(conn).key_summary_in_place(conn, conflicts.KEY_SUMMARY)
        kept = {tuple(row) for row in conn.execute(text(
            f"SELECT subject_id, property_id, bare_points FROM {conflicts.KEY_SUMMARY}"))}
        counted = {tuple(row) for row in conn.execute(text(
            conflicts.key_summary_rows(engine_of(conn)).replace("{keys}", "1 = 1")))}
        # The re-scan's candidates read through the summary are those read by grouping the facts.
        query = conflicts._candidates_where_scopes_may_overlap
        assert sorted(conn.execute(query(engine_of(conn), True)).all()) == sorted(conn.execute(query(engine_of(conn))).all())
    return kept, counted


def assert_summary_exact(fb: FactBase) -> set:
    kept, counted = summary_kept_and_counted(fb)
    assert kept == counted
    return kept


def test_the_key_summary_stays_exact_through_edits_deletes_merges_and_undo(tricky):
    assert assert_summary_exact(tricky), "the random facts hold keys the filter keeps"
    with tricky.reading() as conn:
        inflow = ids_of(conn, "property", "key")["investment_inflow"]
    subject = tricky.create_entity("Astana International Financial Centre").new_id("entity")
    other = tricky.create_entity("AIFC").new_id("entity")
    usd = lambda amount: TypedValue(MONEY, amount=amount, unit="USD")
    made = [tricky.create_fact(value=usd(amount), subject_id=subject, property_id=inflow, status=FactStatus.CONFIRMED,
                               qualifiers={"point_in_time": year})
            for amount, year in ((1e9, "2010"), (2e9, "2010-06"), (3e9, "2011"))]
    facts = [changes.new_id("fact") for changes in made]
    operations = [changes.operation_id for changes in made]
    assert (subject, inflow, 1) in assert_summary_exact(tricky)  # two facts in 2010
    edits = [
        (facts[1], {"point_in_time": "2012"}, False),  # the years are distinct again: the key leaves
        (facts[1], {"point_in_time": "2011-02-30"}, True),  # not a valid point: judged as unscoped
        (facts[1], {"point_in_time": "2012", "start_time": "2012"}, True),  # a start: not a bare point
        (facts[1], {"start_time": None, "point_in_time": "2011"}, True),
        (facts[2], {"status": FactStatus.REJECTED}, False),  # a rejected fact takes part in nothing
        (facts[2], {"status": FactStatus.CONFIRMED}, True),
        (facts[2], {"rank": FactRank.DEPRECATED}, False),
        (facts[2], {"rank": FactRank.NORMAL, "note": "checked"}, True),
        (facts[1], {"subject_id": other}, False),  # moved to another key, which holds nothing else
        (facts[1], {"subject_id": subject}, True),
    ]
    for fact_id, fields, kept in edits:
        with tricky.reading() as conn:
            current = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar()
        operations.append(tricky.update_fact(fact_id, current, **fields).operation_id)
        assert ((subject, inflow) in {key[:2] for key in assert_summary_exact(tricky)}) == kept, fields
    operations.append(tricky.delete_fact(facts[2]).operation_id)
    assert (subject, inflow) not in {key[:2] for key in assert_summary_exact(tricky)}
    # A merge moves every fact of one subject to the other, whose keys gain them.
    operations.append(tricky.create_fact(value=usd(5e9), subject_id=other, property_id=inflow,
                                         qualifiers={"point_in_time": "2011"}).operation_id)
    operations.append(tricky.merge_entities(other, subject).operation_id)
    assert (subject, inflow, 1) in assert_summary_exact(tricky)
    with tricky.reading() as conn:
        first, second = conn.execute(text("SELECT id FROM fact WHERE subject_id = :s ORDER BY id"), {"s": subject}).scalars().all()[:2]
    operations.append(tricky.merge_agreeing(first, [second]).operation_id)
    assert_summary_exact(tricky)
    for operation_id in reversed(operations):  # every action undone, last first
        tricky.revert(operation_id, "Undo")
        assert_summary_exact(tricky)


def test_the_key_summary_stays_exact_through_writes_around_the_app(tricky):
    """Statements that write many facts at once (a curator's SQL): each engine counts again every key they touch."""
    with tricky.reading() as conn:
        entities = list(ids_of(conn, "entity", "name").values())
        properties = ids_of(conn, "property", "key")
    around_the_app(tricky, ("UPDATE fact SET subject_id = :into WHERE subject_id = :from", {"into": entities[0], "from": entities[1]}))
    assert_summary_exact(tricky)
    around_the_app(tricky, ("UPDATE fact SET point_in_time = '2001' WHERE property_id = :p", {"p": properties["investment_inflow"]}))
    assert_summary_exact(tricky)
    around_the_app(tricky, ("UPDATE fact SET status = 'rejected' WHERE id % 3 = 0", {}),
                   ("UPDATE fact SET note = 'seen'", {}))
    assert_summary_exact(tricky)
    around_the_app(tricky, ("DELETE FROM evidence WHERE fact_id IN (SELECT id FROM fact WHERE id % 2 = 0)", {}),
                   ("DELETE FROM fact_qualifier WHERE fact_id IN (SELECT id FROM fact WHERE id % 2 = 0)", {}),
                   ("DELETE FROM fact_link WHERE from_fact_id % 2 = 0 OR to_fact_id % 2 = 0", {}),
                   ("DELETE FROM conflict_member WHERE fact_id % 2 = 0", {}),
                   ("DELETE FROM fact WHERE id % 2 = 0", {}))
    assert_summary_exact(tricky)


def test_without_its_triggers_the_summary_is_not_read(tricky, monkeypatch):
    with engine_of(tricky.engine).write_transaction(tricky.engine) as conn:
        engine_of(conn).drop_key_summary(conn, conflicts.KEY_SUMMARY)
        conn.execute(text(f"DELETE FROM {conflicts.KEY_SUMMARY}"))  # stale from now on
    asked = []
    original = conflicts._candidates_where_scopes_may_overlap
    monkeypatch.setattr(conflicts, "_candidates_where_scopes_may_overlap",
                        lambda engine, summarised=False: asked.append(summarised) or original(engine, summarised))
    tricky.rescan_conflicts()
    assert asked == [False]
    with tricky.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM conflict WHERE rule = 'value' AND status = 'open'")).scalar() > 0


def test_the_key_summary_is_exact_after_a_load_a_second_load_and_a_restore(new_location, tmp_path):
    from kzeu_desk.core import backups
    from kzeu_desk.core.export import export
    from kzeu_desk.core.loading import load_jsonl
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    source = tmp_path / "source.sqlite"
    with FactBase.open(source, actor="tester") as fb:
        import_sample_corpus(fb)
        build_facts(fb, seed=5, count=300)
        # A load refuses the malformed points and the reversed period the rules are tested on above.
        around_the_app(fb, ("UPDATE fact SET point_in_time = '2020' WHERE point_in_time IN ('2020-13', '0000', "
                            "'2021-02-29', 'soon')", {}),
                       ("UPDATE fact SET end_time = NULL WHERE start_time = '2022' AND end_time = '2020'", {}))
        fb.rescan_conflicts()
        expected = assert_summary_exact(fb)
    exported = tmp_path / "facts.jsonl"
    export(source, "jsonl", exported)
    with FactBase.open(new_location, actor="tester") as fb:
        load_jsonl(fb, exported, backup=False)  # into a new fact base: indexes and summary built after the rows
        assert assert_summary_exact(fb) == expected  # the same ids
        backup = backups.take_backup(fb.location, "manual")
        load_jsonl(fb, exported, backup=False)  # into one with data: the triggers count each row's key
        assert_summary_exact(fb)
        with fb.reading() as conn:  # every fact again, under the same subjects and properties
            assert conn.execute(text("SELECT count(*) FROM fact")).scalar() == 2 * conn.execute(text(
                "SELECT count(*) FROM fact WHERE id <= (SELECT min(id) - 1 + count(*) / 2 FROM fact)")).scalar()
        around_the_app(fb, ("DELETE FROM fact_qualifier", {}), ("DELETE FROM evidence", {}), ("DELETE FROM fact_link", {}),
                       ("DELETE FROM conflict_member", {}), ("DELETE FROM fact", {}))
        assert summary_kept_and_counted(fb) == (set(), set())
    backups.restore_backup(new_location, backup.path)
    with FactBase.open(new_location, actor="tester") as fb:
        assert assert_summary_exact(fb) == expected
