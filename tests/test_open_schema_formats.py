"""Every format carries the open schema (issue 16): qualifiers, separators, property rules, date
ranges, counts and source details, and JSON Lines reads them back byte for byte; a line whose value
does not fit its property is refused, naming the line.

The project is a curator's own (tests/curation.py), not the sample corpus.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from kzeu_desk.core.export import export
from kzeu_desk.core.loading import LoadError, load_jsonl
from kzeu_desk.core.integrity import check
from kzeu_desk.core.properties import PropertyDraft, draft_of
from kzeu_desk.core.qualifiers import fact_qualifiers
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind

from tests.curation import Curator, count, date_range, open_conflicts, percent

EPCA = "Enhanced Partnership and Cooperation Agreement"
MEETING = "15th EU–Central Asia ministerial meeting"


def curate_project(fb: FactBase) -> dict[str, int]:
    c = Curator(fb)
    c.entity("China", kind="country", external_id="Q148")
    fb.create_property(PropertyDraft(key="negotiation_rounds", name="negotiation rounds", value_kind=ValueKind.COUNT,
                                     default_unit="rounds", allowed_units=("rounds",), subject_kind="agreement"))
    fb.create_property(PropertyDraft(key="meeting_held", name="meeting held", value_kind=ValueKind.DATE_RANGE,
                                     wikidata_pid="P585"))
    share = c.properties["share_of_foreign_trade"]
    with fb.reading() as conn:
        fb.update_property(share, replace(draft_of(conn, share), wikidata_pid="P1107"))  # Wikidata's "proportion"
    c.reload()
    c.entity(MEETING, kind="event", external_id="Q123456")
    ids = {
        "eu": c.fact("Kazakhstan", "share_of_foreign_trade", percent(29.8), "trade_partners_2023.txt", "29.8%",
                     qualifiers={"partner": "European Union"}, point_in_time="2023"),
        "china": c.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%",
                        qualifiers={"partner": "China", "applies_to_part": "European Union",
                                    "determination_method": TypedValue(ValueKind.TEXT, text="customs statistics")},
                        point_in_time="2023"),
        "commission": c.fact("Kazakhstan", "share_of_foreign_trade", percent(33.5), "eu_share_review.txt", "33.5%",
                             qualifiers={"partner": "European Union"}, point_in_time="2023"),
        "nine": c.fact(EPCA, "negotiation_rounds", count(9, "rounds"), "epca_ratification.txt", "nine rounds"),
        "eight": c.fact(EPCA, "negotiation_rounds", count(8, "rounds"), "epca_ratification_older.txt", "eight rounds"),
        "meeting": c.fact(MEETING, "meeting_held", date_range("2019-07-06", "2019-07-07"), "summit_2019.txt",
                          "6–7 July 2019"),
    }
    fb.update_source(c.sources["trade_partners_2023.txt"], publisher="Kazinform", published="2024-02-12",
                     url="https://example.org/kz-trade-2023", language="en", author="Aigerim Sadykova")
    with fb.reading() as conn:
        version = conn.execute(text("SELECT version FROM fact WHERE id = :f"), {"f": ids["commission"]}).scalar()
    fb.update_fact(ids["commission"], version, status="confirmed")
    return ids


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("project") / "project.sqlite"
    with FactBase.open(path, actor="aigerim") as fb:
        ids = curate_project(fb)
    return path, ids


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_carries_qualifiers_rules_and_new_kinds_and_round_trips_byte_for_byte(project, tmp_path):
    path, ids = project
    first = tmp_path / "first.jsonl"
    export(path, "jsonl", first)
    lines = _lines(first)
    facts = {r["id"]: r for r in lines if r["type"] == "fact"}
    assert [(q["value"]["kind"], q["value"]["text"]) for q in facts[ids["china"]]["qualifiers"]][2] == (
        "text", "customs statistics")
    assert facts[ids["meeting"]]["value"]["date_end"] == "2019-07-07"
    assert facts[ids["nine"]]["value"]["kind"] == "count"
    rounds = next(r for r in lines if r["type"] == "property" and r["key"] == "negotiation_rounds")
    assert (rounds["allowed_units"], rounds["subject_kind"], rounds["deprecated"]) == (["rounds"], "agreement", False)
    separators = [r for r in lines if r["type"] == "property_separator"]
    assert len(separators) == 7  # the starter trade and investment properties are separated by partner
    assert {r["table"] for r in lines if r["type"] == "audit"} >= {"fact_qualifier", "property_separator"}

    copy = tmp_path / "copy.sqlite"
    load_jsonl(FactBase.open(copy, actor="someone else"), first)
    second = tmp_path / "second.jsonl"
    export(copy, "jsonl", second)
    assert second.read_bytes() == first.read_bytes()
    with FactBase.open(copy, read_only=True) as fb:
        assert open_conflicts(fb) == [(ids["eu"], ids["commission"]), (ids["nine"], ids["eight"])]
        with fb.reading() as conn:
            assert [q.label for q in fact_qualifiers(conn, ids["china"])] == [
                "partner: China", "applies to part: European Union", "determination method: customs statistics"]
            assert check(conn) == []


def _rewritten(source: Path, target: Path, change) -> None:  # type: ignore[no-untyped-def]
    lines = _lines(source)
    for record in lines:
        change(record)
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")


def test_load_refuses_a_value_that_does_not_fit_its_property_naming_the_line(project, tmp_path):
    path, ids = project
    good = tmp_path / "good.jsonl"
    export(path, "jsonl", good)
    bad = tmp_path / "bad.jsonl"

    def money_for_a_range(record: dict) -> None:
        if record["type"] == "fact" and record["id"] == ids["meeting"]:
            record["value"].update(kind="money", amount=3e9, unit="USD", date=None, date_end=None)

    _rewritten(good, bad, money_for_a_range)
    line = next(n for n, r in enumerate(_lines(bad), start=1) if r["type"] == "fact" and r["id"] == ids["meeting"])
    with pytest.raises(LoadError) as refused:
        load_jsonl(FactBase.open(tmp_path / "new.sqlite"), bad)
    assert str(refused.value) == (
        f"Line {line} of bad.jsonl: fact {ids['meeting']} does not fit its property: “meeting held” takes a date "
        "range, so US$3 billion (an amount of money) cannot be its value; nothing was loaded.")

    def text_partner(record: dict) -> None:
        if record["type"] == "fact" and record["id"] == ids["china"]:
            record["qualifiers"][0]["value"] = {"kind": "text", "approximate": False, "text": "China"}

    _rewritten(good, bad, text_partner)
    with pytest.raises(LoadError, match=r"a qualifier of fact .* does not fit its property: “partner” takes an entity"):
        load_jsonl(FactBase.open(tmp_path / "other.sqlite"), bad)


def test_loading_into_a_fact_base_whose_property_takes_another_kind_is_refused(project, tmp_path):
    path, _ids = project
    exported = tmp_path / "project.jsonl"
    export(path, "jsonl", exported)
    target = tmp_path / "target.sqlite"
    with FactBase.open(target, actor="other") as fb:
        fb.create_property(PropertyDraft(key="meeting_held", name="meeting held", value_kind=ValueKind.DATE))
    with pytest.raises(LoadError, match=r"does not fit its property: “meeting held” takes a date, so 6–7 July 2019 "
                                        r"\(a date range\) cannot be its value \(as this fact base defines it\)"):
        load_jsonl(FactBase.open(target), exported)
    with FactBase.open(target, read_only=True) as fb, fb.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM fact")).scalar() == 0


# -- the other formats ---------------------------------------------------------------------------


def test_the_data_package_has_qualifier_and_separator_tables_and_validates(project, tmp_path):
    import frictionless  # test extra: frictionless
    path, ids = project
    out = tmp_path / "package"
    export(path, "datapackage", out)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    qualifiers = (out / "fact_qualifier.csv").read_text(encoding="utf-8").splitlines()
    assert qualifiers[0].startswith("id,fact_id,property_id,value_kind")
    assert sum(line.split(",")[1] == str(ids["china"]) for line in qualifiers[1:]) == 3
    assert '"2019-07-06","2019-07-07"' in (out / "fact.csv").read_text(encoding="utf-8")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == "property" for f in r["schema"]["fields"]}
    assert fields["allowed_units"]["type"] == "array"


def test_web_annotations_carry_qualifiers_date_ranges_and_citations(project, tmp_path):
    path, _ids = project
    out = tmp_path / "annotations.jsonld"
    export(path, "webannotation", out)
    items = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    facts = {item["body"][1]["kzeu:property"] + ":" + item["body"][0]["value"]: item for item in items}
    china = next(item for key, item in facts.items() if "partner: China" in key)
    assert china["body"][0]["value"] == ("Kazakhstan · share of foreign trade: 21.4% (2023; partner: China; "
                                         "applies to part: European Union; determination method: customs statistics)")
    assert china["body"][1]["kzeu:qualifiers"][0] == {"kzeu:property": "partner", "kzeu:valueKind": "entity",
                                                      "kzeu:valueEntity": "China", "label": "partner: China"}
    assert china["target"]["kzeu:citation"] == ("Aigerim Sadykova, “Kazakhstan's trade with the EU and China in 2023”, "
                                                "Kazinform, 12 February 2024, https://example.org/kz-trade-2023")
    assert china["target"]["kzeu:published"] == "2024-02-12"
    meeting = next(item for item in items if item["body"][1].get("kzeu:dateEnd"))
    assert (meeting["body"][1]["kzeu:date"], meeting["body"][1]["kzeu:dateEnd"]) == ("2019-07-06", "2019-07-07")
    assert meeting["body"][0]["value"].endswith("meeting held: 6–7 July 2019")


def test_wikibase_statements_carry_qualifiers_and_quickstatements_keep_their_meaning(project, tmp_path):
    path, _ids = project
    out = tmp_path / "wikibase.json"
    result = export(path, "wikidata", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    # The shares by partner wait for the partner qualifier's property: never stated without their partner.
    assert document["waiting"] == {"a qualifier's property is still to be created": 3,
                                   "their property is still to be created": 2}  # and the negotiation rounds
    assert "Q232" not in document["entities"] or "P1107" not in document["entities"]["Q232"]["claims"]
    meeting = document["entities"]["Q123456"]
    held = meeting["claims"]["P585"][0]
    assert held["mainsnak"]["datavalue"]["value"]["time"] == "+2019-07-06T00:00:00Z"
    assert [held["qualifiers"][p][0]["datavalue"]["value"]["time"] for p in ("P580", "P582")] == [
        "+2019-07-06T00:00:00Z", "+2019-07-07T00:00:00Z"]
    created = {c["local"]: c["entity"] for c in document["create"]["properties"]}
    assert created["kzeu:property:negotiation_rounds"]["datatype"] == "quantity"
    quickstatements = (tmp_path / "wikibase.quickstatements.txt").read_text(encoding="utf-8").splitlines()
    meeting_line = next(line for line in quickstatements if "\tP585\t" in line)
    assert "\tP580\t+2019-07-06T00:00:00Z/11\tP582\t+2019-07-07T00:00:00Z/11" in meeting_line
    assert result.counts["quickstatements"] == len(quickstatements)

    # Mapped, the partner qualifier puts the shares in, with their qualifiers in order.
    mapped = tmp_path / "mapped.sqlite"
    shutil.copy(path, mapped)
    with FactBase.open(mapped, actor="aigerim") as fb, fb.reading() as conn:
        for key, pid in (("partner", "P642"), ("determination_method", "P459")):
            property_id = conn.execute(text("SELECT id FROM property WHERE key = :k"), {"k": key}).scalar_one()
            fb.update_property(property_id, replace(draft_of(conn, property_id), wikidata_pid=pid))
    export(mapped, "wikidata", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    shares = document["entities"]["Q232"]["claims"]["P1107"]
    china = next(s for s in shares if s["qualifiers"]["P642"][0]["datavalue"]["value"]["id"] == "Q148")
    assert china["qualifiers-order"] == ["P585", "P642", "P518", "P459"]
    assert china["qualifiers"]["P459"][0]["datavalue"] == {"value": "customs statistics", "type": "string"}


def test_the_sqlite_snapshot_shows_qualifiers_and_drops_those_of_facts_left_out(project, tmp_path):
    path, ids = project
    out = tmp_path / "snapshot.sqlite"
    export(path, "sqlite", out)
    with sqlite3.connect(out) as connection:
        row = connection.execute("SELECT value, qualifiers FROM fact_overview WHERE fact_id = ?",
                                 (ids["china"],)).fetchone()
        assert row == ("21.4", "partner: China; applies to part: European Union; determination method: customs statistics")
        assert connection.execute("SELECT value FROM fact_overview WHERE fact_id = ?", (ids["meeting"],)).fetchone() == (
            "2019-07-06/2019-07-07",)
        separating = connection.execute("SELECT qualifier, separates_values FROM qualifier_overview WHERE fact_id = ?",
                                        (ids["china"],)).fetchall()
        assert separating == [("partner", 1), ("applies to part", 0), ("determination method", 0)]
    confirmed = tmp_path / "confirmed.sqlite"
    export(path, "sqlite", confirmed, only_confirmed=True)
    with sqlite3.connect(confirmed) as connection:
        assert connection.execute("SELECT DISTINCT fact_id FROM fact_qualifier").fetchall() == [(ids["commission"],)]
