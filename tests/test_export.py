"""Exports of a curated fact base made from the sample articles, checked with the tools that read them."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from test_conflicts import Corpus

from kzeu_desk.core.export import FORMATS, ExportCancelled, export
from kzeu_desk.core.export.jsonl import CARRIED_TABLES, RECORD_TYPES
from kzeu_desk.core.models import AnchorState, ConflictRule, ConflictStatus, FactRank, FactStatus, LinkKind
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.paths import resources_dir

DATE, MONEY, PERCENT, ENTITY = ValueKind.DATE, ValueKind.MONEY, ValueKind.PERCENT, ValueKind.ENTITY
# A stand-in P-id for the test: the seed vocabulary has no Wikidata property ids at all.
STAND_IN_PID = "P9999"
SCHEMA = resources_dir() / "schemas" / "kzeu-facts.v3.schema.json"


def curate(fb) -> dict[str, int]:
    """The sample articles' disputed facts (test_conflicts' scenario), then curated the way reviewers do:
    conflicts settled every way there is, facts confirmed, a link, a flag, a deleted fact."""
    c = Corpus(fb)
    rel, epca = "Kazakhstan–EU relations", "Enhanced Partnership and Cooperation Agreement"
    ids = {
        "relations_1996": c.fact(rel, "diplomatic_relations_established", TypedValue(DATE, date="1996"),
                                 "kz_eu_25_years.txt", "five years later, in 1996"),
        "relations_1993": c.fact(rel, "diplomatic_relations_established", TypedValue(DATE, date="1993-02-02"),
                                 "kz_eu_30_years.txt", "30th anniversary of the establishment of diplomatic relations"),
        "epca_signed_2016": c.fact(epca, "agreement_signed", TypedValue(DATE, date="2016"),
                                   "kz_eu_dance_of_finance_and_politics.txt", "signed in 2016"),
        "epca_signed_2005": c.fact(epca, "agreement_signed", TypedValue(DATE, date="2005", approximate=True),
                                   "kz_eu_30_years.txt", "The decade later, we signed the first enhanced"),
        "epca_in_force": c.fact(epca, "agreement_in_force", TypedValue(DATE, date="2020-03"),
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
        "largest_partner": c.fact("Kazakhstan", "largest_trade_partner",
                                  TypedValue(ENTITY, entity_id=c.entities["European Union"]),
                                  "kz_mfa_european_track.txt", "about 30%"),
        "doomed": c.fact("Kazakhstan", "statement", TypedValue(ValueKind.TEXT, text="to be deleted"),
                         "kz_eu_quantum_leap.txt", "quantum leap"),
    }
    conflict_of = _conflict_lookup(fb)
    fb.prefer_fact(conflict_of(ids["relations_1993"]), ids["relations_1993"], "A 30th anniversary in 2023 means 1993.")
    fb.reject_fact(conflict_of(ids["epca_signed_2005"]), ids["epca_signed_2005"], "Paraphrase, not a date.")
    fb.dismiss_conflict(conflict_of(ids["investment_77"]), "Different definitions of investment.")
    fb.scope_facts(conflict_of(ids["inflow_2022_big"]), {ids["inflow_2022_small"]: {"point_in_time": "2021"}},
                   "'Last year' of a 2022 article")
    for name in ("relations_1993", "epca_signed_2016", "epca_in_force", "investment_160", "share_30",
                 "largest_partner", "inflow_2022_big"):
        fb.update_fact(ids[name], _version(fb, ids[name]), status=FactStatus.CONFIRMED)
    fb.link_facts(ids["share_third"], ids["share_30"], LinkKind.SUPPORTS, note="both round the same figure")
    fb.link_facts(ids["investment_160"], ids["inflow_2022_big"], LinkKind.CONTRADICTS, note="flows vs stock?")
    fb.flag_facts([ids["epca_in_force"]], "Check the month against the official journal.")
    fb.delete_fact(ids.pop("doomed"))

    def give_stand_in_pid(rec):
        rec.update("property", c.properties["largest_trade_partner"], {"wikidata_pid": STAND_IN_PID})

    fb.run("Map a property to Wikidata", give_stand_in_pid)
    return ids


def _conflict_lookup(fb):
    def conflict_of(fact_id: int) -> int:
        with fb.reading() as conn:
            return conn.execute(text(
                "SELECT m.conflict_id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id "
                "WHERE m.fact_id = :f AND c.status = 'open' ORDER BY c.id"), {"f": fact_id}).scalar()
    return conflict_of


def _version(fb, fact_id: int) -> int:
    with fb.reading() as conn:
        return conn.execute(text("SELECT version FROM fact WHERE id = :f"), {"f": fact_id}).scalar_one()


@pytest.fixture(scope="module")
def curated_path(tmp_path_factory) -> Path:
    """A curated fact base, built once per module; exports only read it."""
    from kzeu_desk.core.sample_corpus import import_sample_corpus
    from kzeu_desk.core.service import FactBase

    path = tmp_path_factory.mktemp("curated") / "facts.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
    return path


def rows_of(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute(sql).fetchall()


# -- jsonl -----------------------------------------------------------------------------------------


def test_jsonl_lines_follow_the_published_schema(curated_path, tmp_path):
    import jsonschema  # test extra: jsonschema
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    out = tmp_path / "facts.jsonl"
    result = export(curated_path, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["type"] == "header" and lines[0]["version"] == 3
    for number, record in enumerate(lines, start=1):
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, f"line {number}: {errors[:2]}"
    types = [r["type"] for r in lines[1:]]
    assert types == sorted(types, key=["original", "source", "source_revision", "entity", "property", "property_separator",
                                       "fact", "evidence", "link", "conflict", "audit"].index)
    assert lines[0]["counts"] == {t: types.count(t) for t in lines[0]["counts"]}
    assert result.counts["fact"] == 12 and "Exported 12 facts" in result.summary


def test_schema_enumerations_match_the_database():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    assert schema["fact"]["properties"]["status"]["enum"] == [s.value for s in FactStatus]
    assert schema["fact"]["properties"]["rank"]["enum"] == [r.value for r in FactRank]
    assert schema["link"]["properties"]["kind"]["enum"] == [k.value for k in LinkKind]
    assert schema["conflict"]["properties"]["rule"]["enum"] == [r.value for r in ConflictRule]
    assert schema["conflict"]["properties"]["status"]["enum"] == [s.value for s in ConflictStatus]
    # Format 3 carries every value kind, and the audit events of every table it carries.
    assert schema["valueKind"]["enum"] == [k.value for k in ValueKind]
    assert schema["evidence"]["properties"]["anchor_state"]["enum"] == [s.value for s in AnchorState]
    assert schema["audit"]["properties"]["table"]["enum"] == list(CARRIED_TABLES)
    assert [ref["$ref"].removeprefix("#/$defs/") for ref in json.loads(SCHEMA.read_text(encoding="utf-8"))["oneOf"]] \
        == ["header", *RECORD_TYPES]


def test_jsonl_carries_ranks_history_and_deleted_rows(curated_path, tmp_path):
    out = tmp_path / "facts.jsonl"
    export(curated_path, "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    facts = [r for r in records if r["type"] == "fact"]
    assert {f["rank"] for f in facts} == {"preferred", "normal", "deprecated"}
    assert {f["status"] for f in facts} >= {"confirmed", "draft", "rejected"}
    audit = [r for r in records if r["type"] == "audit"]
    deleted = [r for r in audit if r["action"] == "delete" and r["table"] == "fact"]
    assert deleted and deleted[0]["before"]["value_text"] == "to be deleted"
    assert not any(f["id"] == deleted[0]["row"] for f in facts)
    assert any(r["label"].startswith("Prefer fact") for r in audit)


# -- datapackage -----------------------------------------------------------------------------------


@pytest.mark.parametrize("only_confirmed", [False, True])
def test_datapackage_validates_with_frictionless(curated_path, tmp_path, only_confirmed):
    import frictionless  # test extra: frictionless
    out = tmp_path / "package"
    result = export(curated_path, "datapackage", out, only_confirmed=only_confirmed)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    evidence = next(r for r in descriptor["resources"] if r["name"] == "evidence")
    assert evidence["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["fact_id"], "reference": {"resource": "fact", "fields": ["id"]}} in \
        evidence["schema"]["foreignKeys"]
    assert {"anchor_state", "confirmed_revision", "previous_revision"} <= {f["name"] for f in evidence["schema"]["fields"]}
    assert "source_revision" in {r["name"] for r in descriptor["resources"]}
    with (out / "fact.csv").open(encoding="utf-8", newline="") as handle:
        facts = list(csv.DictReader(handle))
    assert len(facts) == result.counts["fact"]
    if only_confirmed:
        assert {f["status"] for f in facts} == {"confirmed"} and "deprecated" not in {f["rank"] for f in facts}


def test_frictionless_catches_a_broken_reference(curated_path, tmp_path):
    import frictionless  # test extra: frictionless
    out = tmp_path / "package"
    export(curated_path, "datapackage", out)
    evidence = (out / "evidence.csv").read_text(encoding="utf-8").splitlines()
    header, first, *rest = evidence
    columns = header.split(",")
    cells = next(csv.reader([first]))
    cells[columns.index("fact_id")] = "999"
    with (out / "evidence.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([columns, cells, *csv.reader(rest)])
    assert not frictionless.validate(out / "datapackage.json").valid


# -- web annotations -------------------------------------------------------------------------------


def _offline_loader(context: dict):
    from pyld import jsonld

    def load(url, options=None):
        if url == "http://www.w3.org/ns/anno.jsonld":
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise jsonld.JsonLdError(f"refused to fetch {url}", "offline test", code="loading document failed")

    return load


def test_web_annotations_are_json_ld_that_parses_offline(curated_path, tmp_path):
    from pyld import jsonld  # test extra: PyLD
    out = tmp_path / "annotations.jsonld"
    export(curated_path, "webannotation", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    context = json.loads((resources_dir() / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))
    loader = _offline_loader(context)
    expanded = jsonld.expand(document, {"documentLoader": loader})
    quads = jsonld.to_rdf(document, {"documentLoader": loader, "format": "application/n-quads"})
    assert expanded and "<http://www.w3.org/ns/oa#TextQuoteSelector>" in quads
    assert '"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>' in quads

    items = document["first"]["items"]
    assert document["type"] == "AnnotationCollection" and document["total"] == len(items) == 12
    texts = dict(rows_of(curated_path, "SELECT text_sha256, text FROM source"))
    urls = dict(rows_of(curated_path, "SELECT url, text FROM source WHERE url IS NOT NULL"))
    for annotation in items:
        target = annotation["target"]
        quote, position = target["selector"]
        body = texts[target["source"].removeprefix("urn:sha256:")] if target["source"].startswith("urn:") \
            else urls[target["source"]]
        assert body[position["start"]:position["end"]] == quote["exact"]
        assert body[:position["start"]].endswith(quote.get("prefix", ""))
        assert body[position["end"]:].startswith(quote.get("suffix", ""))
        assert annotation["creator"] == {"type": "Person", "name": "curator", "nickname": "curator"}
        assert annotation["created"].endswith("Z")
    ranks = {a["body"][1]["kzeu:rank"] for a in items}
    assert ranks == {"preferred", "normal", "deprecated"}


def test_web_annotations_pass_the_w3c_musts(curated_path, tmp_path):
    import w3c_annotation_harness as w3c
    out = tmp_path / "annotations.jsonld"
    export(curated_path, "webannotation", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert w3c.failed_musts("collections/collectionMusts.test", document) == []
    assert w3c.failed_musts("collections/pages/pageMusts.test", document) == []
    for annotation in document["first"]["items"]:
        alone = {"@context": document["@context"], **annotation}  # as a reader splitting the collection has it
        assert w3c.failed_musts("annotations/annotationMusts.test", alone) == []
    # SHOULDs: the collection's last page, the page's partOf, creators with names.
    assert {"5.1-collectionLastImplemented.json", "5.1-collectionFirstImplemented.json",
            "5.1-collectionLabelImplemented.json"} <= w3c.implemented("collections/collectionOptionals.test", document)
    assert "5.2-pagePartOfImplemented.json" in w3c.implemented("collections/pages/pageOptionals.test", document)
    assert "3.3.2-annotationCreatorAgentNameImplemented.json" in w3c.implemented(
        "annotations/annotationsAgentOptionals.test", {"@context": document["@context"], **document["first"]["items"][0]})
    # Stable: the same fact base gives the same collection and page ids; the scope names another collection.
    again = tmp_path / "again.jsonld"
    export(curated_path, "webannotation", again)
    second = json.loads(again.read_text(encoding="utf-8"))
    assert (second["id"], second["first"]["id"]) == (document["id"], document["first"]["id"])
    assert document["last"] == document["first"]["id"] and document["first"]["partOf"] == document["id"]
    confirmed = tmp_path / "confirmed.jsonld"
    export(curated_path, "webannotation", confirmed, only_confirmed=True)
    assert json.loads(confirmed.read_text(encoding="utf-8"))["id"] != document["id"]


def test_web_annotations_give_wikidata_iris_and_drop_no_term(curated_path, tmp_path):
    from pyld import jsonld
    from rdflib import Graph, URIRef

    from kzeu_desk.core.export import vocabulary
    out = tmp_path / "annotations.jsonld"
    export(curated_path, "webannotation", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    bodies = [a["body"][1] for a in document["first"]["items"]]
    partner = next(b for b in bodies if b["kzeu:property"] == "largest_trade_partner")
    assert partner["kzeu:subjectItem"] == "http://www.wikidata.org/entity/Q232"
    assert partner["kzeu:wikidataProperty"] == f"http://www.wikidata.org/entity/{STAND_IN_PID}"
    assert partner["kzeu:valueItem"] == "http://www.wikidata.org/entity/Q458"
    context = json.loads((resources_dir() / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))
    loader = _offline_loader(context)
    expanded = jsonld.expand(document, {"documentLoader": loader})
    # Nothing dropped: every key of the document is a JSON-LD keyword or expands to an IRI.
    expanded_keys = set()

    def walk(node):
        if isinstance(node, dict):
            expanded_keys.update(k for k in node if not k.startswith("@"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(expanded)
    compact_keys = set()

    def walk_compact(node):
        if isinstance(node, dict):
            compact_keys.update(k for k in node if not k.startswith("@"))
            for key, value in node.items():
                if key != "@context":
                    walk_compact(value)
        elif isinstance(node, list):
            for value in node:
                walk_compact(value)
    walk_compact(document)
    unexpanded = {k for k in compact_keys - {"id", "type"} if jsonld.expand({"@context": document["@context"], k: "x"},
                                                           {"documentLoader": loader}) == []}
    assert unexpanded == set()
    assert all(k.startswith(("http://", "https://")) for k in expanded_keys)
    quads = jsonld.to_rdf(document, {"documentLoader": loader, "format": "application/n-quads"})
    graph = Graph().parse(data=quads, format="nquads")
    assert (None, URIRef(vocabulary.NAMESPACE + "subjectItem"), URIRef("http://www.wikidata.org/entity/Q232")) in graph
    used = {str(p) for p in graph.predicates() if str(p).startswith(vocabulary.NAMESPACE)}
    defined = {t.iri for t in vocabulary.TERMS}
    assert used and used <= defined


def test_the_vocabulary_is_shipped_as_a_context_and_documented_term_by_term():
    from kzeu_desk.core.export import vocabulary
    assert vocabulary.context_path().read_text(encoding="utf-8") == vocabulary.context_document()
    page = (Path(__file__).parents[1] / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    for term in vocabulary.TERMS:
        assert f'<a id="{term.name}"></a>' in page, term.name


def test_shipped_context_is_the_w3c_one():
    context = json.loads((resources_dir() / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["TextQuoteSelector"] == "oa:TextQuoteSelector"
    assert context["start"] == {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"}
    assert context["items"] == {"@type": "@id", "@id": "as:items", "@container": "@list"}
    assert len(context) == 113  # the W3C Recommendation's context, term for term


# -- wikidata --------------------------------------------------------------------------------------


def test_wikibase_statements_have_the_wikibase_shape(curated_path, tmp_path):
    out = tmp_path / "facts-wikidata.json"
    result = export(curated_path, "wikidata", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    kazakhstan = document["entities"]["Q232"]
    assert kazakhstan["id"] == "Q232" and kazakhstan["labels"]["en"]["value"] == "Kazakhstan"
    assert document["target"] == {"name": "Wikidata", "conceptBaseUri": "http://www.wikidata.org/entity/"}
    # Only the property mapped to a P-id can be stated on Wikidata; the rest wait for their properties.
    (partner,) = kazakhstan["claims"][STAND_IN_PID]
    assert partner["mainsnak"]["datavalue"]["value"]["id"] == "Q458"
    assert document["waiting"] == {"their property is still to be created": 11}
    created = {c["local"]: c["entity"] for c in document["create"]["properties"]}
    share = created["kzeu:property:share_of_foreign_trade"]
    assert share["type"] == "property" and share["datatype"] == "quantity" and "id" not in share
    assert "kzeu:property:largest_trade_partner" not in created
    items = {c["local"]: c["entity"] for c in document["create"]["items"]}
    assert items["kzeu:entity:3"]["labels"]["en"]["value"] == "Kazakhstan–EU relations" and "id" not in items[
        "kzeu:entity:3"]
    assert result.counts["create_properties"] == len(created) and "11 facts wait for ids" in result.summary


def test_wikibase_deserializer_rules_accept_every_entity_and_statement(tmp_path, mapped_path):
    from wikibase_rules import entity
    out = tmp_path / "facts-wikidata.json"
    result = export(mapped_path, "wikidata", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    read = 0
    for key, serialization in document["entities"].items():
        assert serialization["id"] == key
        read += entity(serialization)
    for created in document["create"]["items"] + document["create"]["properties"]:
        read += entity(created["entity"])
    assert read == result.counts["fact"] == 12 and document["waiting"] == {}
    entities = [*document["entities"].values(), *(c["entity"] for c in document["create"]["items"])]
    statements = [s for e in entities for group in e["claims"].values() for s in group]
    assert {s["rank"] for s in statements} == {"preferred", "normal", "deprecated"}
    investment = document["entities"]["Q232"]["claims"]["P2000"]
    assert {s["mainsnak"]["datavalue"]["value"]["amount"] for s in investment} == {"+160000000000", "+77000000000"}
    relations = [s for e in entities for s in e["claims"].get("P2001", [])]
    times = {s["mainsnak"]["datavalue"]["value"]["time"]: s["mainsnak"]["datavalue"]["value"]["precision"]
             for s in relations}
    assert times == {"+1996-00-00T00:00:00Z": 9, "+1993-02-02T00:00:00Z": 11}
    reference = relations[0]["references"][0]
    assert reference["snaks"]["P854"][0]["datavalue"]["value"].startswith("https://www.astanacalling.com/")
    inflow = document["entities"]["Q232"]["claims"]["P2003"]
    assert {p for s in inflow for p in s.get("qualifiers", {})} == {"P585", "P580", "P582", "P1480"}


def test_quickstatements_parser_reads_every_line_and_covers_every_statement(tmp_path, mapped_path):
    from quickstatements_parser import parse
    out = tmp_path / "facts-wikidata.json"
    result = export(mapped_path, "wikidata", out)
    lines = (tmp_path / "facts-wikidata.quickstatements.txt").read_text(encoding="utf-8")
    commands = parse(lines)
    assert [c for c in commands if "error" in c] == []
    assert len(lines.splitlines()) == result.counts["quickstatements"]
    statements = [c for c in commands if c.get("what") == "statement"]
    evidence = sum(1 for _ in rows_of(mapped_path, "SELECT id FROM evidence"))
    assert len(statements) == evidence  # one line per piece of evidence, every fact covered
    created = [c for c in commands if c.get("action") == "create" and c["type"] == "item"]
    assert len(created) == 3  # the entities without Q-ids
    assert {c["item"] for c in statements} >= {"Q232", "LAST"}
    ranked = [c for c in statements if "summary" in c and "cannot set ranks" in c["summary"]]
    assert {c["summary"].split(":")[0] for c in ranked} == {"rank preferred", "rank deprecated"}
    sources = [c for c in commands if c.get("what") == "sources"]
    assert all(any(s["prop"] == "P1683" for s in c["sources"]) for c in sources)


@pytest.fixture(scope="module")
def mapped_path(curated_path, tmp_path_factory) -> Path:
    """The curated fact base with every property used mapped to a stand-in P-id of a Wikibase."""
    from kzeu_desk.core.service import FactBase

    path = tmp_path_factory.mktemp("mapped") / "facts.sqlite"
    shutil.copy(curated_path, path)
    keys = ["cumulative_investment", "diplomatic_relations_established", "agreement_signed", "investment_inflow",
            "share_of_foreign_trade", "agreement_in_force", "statement"]
    with FactBase.open(path, actor="curator") as fb:
        def map_ids(rec):
            for number, key in enumerate(keys):
                with fb.reading() as conn:
                    property_id = conn.execute(text("SELECT id FROM property WHERE key = :k"), {"k": key}).scalar_one()
                rec.update("property", property_id, {"wikidata_pid": f"P{2000 + number}"})
        fb.run("Map properties", map_ids)
    return path


# -- sqlite snapshot -------------------------------------------------------------------------------


def test_sqlite_snapshot_opens_anywhere_with_views_for_analysts(curated_path, tmp_path):
    out = tmp_path / "snapshot.sqlite"
    export(curated_path, "sqlite", out)
    assert rows_of(out, "PRAGMA journal_mode") == [("delete",)]
    assert rows_of(out, "PRAGMA quick_check") == [("ok",)]
    overview = rows_of(out, "SELECT subject, property, qualifier, value, unit, sources FROM fact_overview "
                            "WHERE property = 'cumulative investment' ORDER BY fact_id")
    assert overview == [
        ("Kazakhstan", "cumulative investment", "more than", "160000000000", "USD",
         "Kazakhstan and EU mark 30 years of diplomatic relations"),
        ("Kazakhstan", "cumulative investment", "almost", "77000000000", "USD",
         "Kazakhstan and EU mark 30 years of diplomatic relations"),
    ]
    for view in ("fact_overview", "evidence_overview", "conflict_overview", "source_overview"):
        assert rows_of(out, f"SELECT count(*) FROM {view}")[0][0] > 0
    import sqlite_utils  # test extra: sqlite-utils
    database = sqlite_utils.Database(out)
    assert {"fact_overview", "evidence_overview", "conflict_overview", "source_overview"} <= set(database.view_names())
    assert len(list(database["evidence_overview"].rows)) == 12
    assert not list(tmp_path.glob(".*")), "no temporary files left behind"


def test_the_analysts_overview_tells_a_ceiling_from_almost(curated_path, tmp_path):
    # "almost US$77 billion" keeps its amount; without one the same bound is a bare ceiling, "up to".
    out = tmp_path / "snapshot.sqlite"
    export(curated_path, "sqlite", out)
    with sqlite3.connect(out) as conn:
        conn.execute("UPDATE fact SET value_amount = NULL WHERE value_upper = 77e9 AND value_lower IS NULL")
    conn.close()
    assert rows_of(out, "SELECT qualifier, value FROM fact_overview WHERE upper_bound = 77e9") == [
        ("up to", "77000000000")]


def test_only_confirmed_leaves_nothing_else_in_the_snapshot(curated_path, tmp_path):
    from kzeu_desk.core.integrity import check
    from kzeu_desk.core.service import FactBase

    out = tmp_path / "confirmed.sqlite"
    result = export(curated_path, "sqlite", out, only_confirmed=True)
    facts = rows_of(out, "SELECT status, rank FROM fact")
    assert facts and {status for status, _rank in facts} == {"confirmed"}
    assert "deprecated" not in {rank for _status, rank in facts}
    assert result.counts["fact"] == len(facts)
    kept = {row[0] for row in rows_of(out, "SELECT id FROM fact")}
    events = rows_of(out, "SELECT target_id FROM audit_event WHERE target_type = 'fact'")
    assert {target for (target,) in events} <= kept
    raw = out.read_bytes()
    for dropped in ("Paraphrase, not a date", "to be deleted", "Different definitions of investment"):
        assert dropped.encode() not in raw, dropped
    with FactBase.open(out, read_only=True) as fb, fb.reading() as conn:
        assert check(conn) == []


def test_only_confirmed_applies_to_every_format(curated_path, tmp_path):
    out = tmp_path / "confirmed.jsonl"
    export(curated_path, "jsonl", out, only_confirmed=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["scope"] == "only-confirmed"
    facts = {r["id"] for r in records if r["type"] == "fact"}
    assert len(facts) == 7 and all(r["status"] == "confirmed" for r in records if r["type"] == "fact")
    assert all(r["fact"] in facts for r in records if r["type"] == "evidence")
    assert all(r["from"] in facts and r["to"] in facts for r in records if r["type"] == "link")
    assert all(m["fact"] in facts for r in records if r["type"] == "conflict" for m in r["members"])
    annotations = tmp_path / "confirmed.jsonld"
    export(curated_path, "webannotation", annotations, only_confirmed=True)
    assert json.loads(annotations.read_text(encoding="utf-8"))["total"] == 7
    statements = tmp_path / "confirmed.json"
    export(curated_path, "wikidata", statements, only_confirmed=True)
    document = json.loads(statements.read_text(encoding="utf-8"))
    entities = [*document["entities"].values(), *(c["entity"] for c in document["create"]["items"])]
    ranks = [s["rank"] for e in entities for g in e["claims"].values() for s in g]
    assert len(ranks) + sum(document["waiting"].values()) == 7 and "deprecated" not in ranks


# -- every format: reading only, progress, refusals ------------------------------------------------


def test_exports_never_change_the_fact_base_and_work_read_only(curated_path, tmp_path):
    from kzeu_desk.core.service import FactBase

    before = hashlib.sha256(curated_path.read_bytes()).hexdigest()
    with FactBase.open(curated_path, read_only=True) as reviewer:
        assert reviewer.read_only
        for name, export_format in FORMATS.items():
            target = tmp_path / (name if export_format.target_kind == "folder" else f"out-{name}")
            assert export(reviewer.path, name, target).paths
    assert hashlib.sha256(curated_path.read_bytes()).hexdigest() == before


def test_progress_is_reported_and_cancelling_leaves_no_file(curated_path, tmp_path):
    reports: list[tuple[int, int, str]] = []
    export(curated_path, "jsonl", tmp_path / "a.jsonl", progress=lambda *report: reports.append(report))
    assert reports[-1][0] == reports[-1][1] > 0 and any("fact" in stage for _d, _t, stage in reports)

    def stop(done: int, total: int, stage: str) -> None:
        if "evidence" in stage:
            raise ExportCancelled("stopped")

    for name in ("jsonl", "sqlite"):
        target = tmp_path / f"cancelled-{name}"
        with pytest.raises(ExportCancelled):
            export(curated_path, name, target, progress=stop if name == "jsonl" else _stop_at_once)
        assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def _stop_at_once(done: int, total: int, stage: str) -> None:
    if done:
        raise ExportCancelled("stopped")


@pytest.mark.parametrize("case", ["unknown format", "onto itself", "folder for a file format", "file for a folder"])
def test_bad_targets_are_refused_in_one_sentence(curated_path, tmp_path, case):
    from kzeu_desk.core.errors import UserError

    (tmp_path / "a-file").write_text("x")
    arguments = {
        "unknown format": ("rdf", tmp_path / "x"),
        "onto itself": ("sqlite", curated_path),
        "folder for a file format": ("jsonl", tmp_path),
        "file for a folder": ("datapackage", tmp_path / "a-file"),
    }[case]
    with pytest.raises(UserError) as refused:
        export(curated_path, *arguments)
    message = str(refused.value)
    assert message.endswith(".") and message.count(". ") == 0 and "\n" not in message


# -- the command line ------------------------------------------------------------------------------


def kzeu(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kzeu_desk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_command_line_export(curated_path, tmp_path):
    copy = tmp_path / "facts.sqlite"
    shutil.copy(curated_path, copy)
    result = kzeu("export", "--db", str(copy), "--format", "jsonl", "--out", str(tmp_path / "all.jsonl"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Exported 12 facts, 12 evidence spans and 5 sources to “all.jsonl”."
    result = kzeu("export", "--db", str(copy), "--format", "datapackage", "--out", str(tmp_path / "package"),
                  "--only", "confirmed", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Exported 7 facts" in result.stdout and (tmp_path / "package" / "datapackage.json").exists()
    refused = kzeu("export", "--db", str(copy), "--format", "xml", "--out", str(tmp_path / "x"), cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
