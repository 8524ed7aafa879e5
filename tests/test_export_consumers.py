"""The exports researchers asked for (issue 18), read by the tools that read them in the wild:
frictionless and csvw for the CSV of facts, rdflib and pyshacl for the Turtle, frictionless for
the data package's metadata; texts left out where the curator says so; the Wikibase target and
the marking of quotes found only approximately, on a fact base whose sources were revised.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from test_export import STAND_IN_PID, curate, rows_of
from test_export_revisions import revise

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export import export
from kzeu_desk.core.export.facts_csv import COLUMNS
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase


@pytest.fixture(scope="module")
def revised_path(tmp_path_factory) -> Path:
    """Curated (links, every resolution, a qualifier-free flag), then its sources revised, with the
    properties of the disputed figures mapped to stand-in P-ids."""
    path = tmp_path_factory.mktemp("revised") / "facts.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
        revise(fb)

        def map_ids(rec):
            with fb.reading() as conn:
                for number, key in enumerate(("share_of_foreign_trade", "cumulative_investment", "investment_inflow",
                                              "diplomatic_relations_established", "agreement_signed",
                                              "agreement_in_force")):
                    property_id = conn.execute(text("SELECT id FROM property WHERE key = :k"), {"k": key}).scalar_one()
                    rec.update("property", property_id, {"wikidata_pid": f"P{3000 + number}"})
        fb.run("Map properties", map_ids)
    return path


# -- CSV of facts --------------------------------------------------------------------------------


def test_csv_of_facts_validates_with_frictionless_and_reads_with_csvw(revised_path, tmp_path):
    from csvw import Table
    from frictionless import validate

    out = tmp_path / "facts.csv"
    result = export(revised_path, "csv", out)
    package, metadata = tmp_path / "facts.datapackage.json", tmp_path / "facts.csv-metadata.json"
    assert set(result.paths) == {out, package, metadata}
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    evidence = rows_of(revised_path, "SELECT count(*) FROM evidence")[0][0]
    bare = rows_of(revised_path, "SELECT count(*) FROM fact WHERE id NOT IN (SELECT fact_id FROM evidence)")[0][0]
    assert len(rows) == evidence + bare == result.counts["row"]
    assert list(rows[0]) == [c.name for c in COLUMNS] and all(None not in r and None not in r.values() for r in rows)
    evidence_rows = {int(r["evidence_id"]): r for r in rows if r["evidence_id"]}
    for evidence_id, quote, title, state in rows_of(
            revised_path, "SELECT e.id, e.quote, s.title, e.anchor_state FROM evidence e JOIN source s ON s.id = e.source_id"):
        row = evidence_rows[evidence_id]
        assert (row["quote"].lstrip("'"), row["source_title"], row["anchor_state"]) == (quote, title, state)
    assert {r["anchor_state"] for r in rows} >= {"exact", "fuzzy", "orphaned"}
    assert {r["status"] for r in rows} == {"draft", "confirmed", "rejected"}
    inflow = next(r for r in rows if r["property"] == "investment_inflow" and r["start_time"])
    assert (inflow["start_time"], inflow["end_time"], inflow["unit"]) == ("2022-01", "2022-09", "USD")
    assert inflow["property_wikidata"] == "P3002" and inflow["subject_wikidata"] == "Q232"
    assert all(r["quote"] and r["source_title"] and r["citation"] for r in rows if r["evidence_id"])

    # CSV on the Web: the metadata names the file, and csvw reads every row with its datatypes.
    table = Table.from_file(metadata)
    read = list(table.iterdicts(strict=True))
    assert len(read) == len(rows) and isinstance(read[0]["fact_id"], int)
    assert isinstance(read[0]["approximate"], bool)


# -- Turtle and SHACL ----------------------------------------------------------------------------


def test_turtle_parses_with_rdflib_and_conforms_to_the_shipped_shape(revised_path, tmp_path):
    from pyshacl import validate
    from rdflib import RDF, Graph, Literal, Namespace, URIRef

    from kzeu_desk.core.export import vocabulary
    from kzeu_desk.core.export.turtle import shape_path

    out = tmp_path / "facts.ttl"
    result = export(revised_path, "turtle", out)
    graph = Graph().parse(out, format="turtle")
    shapes = Graph().parse(shape_path(), format="turtle")
    conforms, _report, explanation = validate(graph, shacl_graph=shapes)
    assert conforms, explanation
    kzeu = Namespace(vocabulary.NAMESPACE)
    facts = set(graph.subjects(RDF.type, kzeu.Fact))
    assert len(facts) == result.counts["fact"] == rows_of(revised_path, "SELECT count(*) FROM fact")[0][0]
    assert len(set(graph.subjects(RDF.type, kzeu.Link))) == 2
    conflicts = set(graph.subjects(RDF.type, kzeu.Conflict))
    assert {str(graph.value(c, kzeu.resolution)) for c in conflicts} >= {"prefer", "reject", "dismiss", "scope"}
    kazakhstan = URIRef("http://www.wikidata.org/entity/Q232")
    assert (None, kzeu.subjectEntity, kazakhstan) in graph
    assert (None, kzeu.wikidataProperty, URIRef(f"http://www.wikidata.org/entity/{STAND_IN_PID}")) in graph
    assert (None, kzeu.anchorState, Literal("fuzzy")) in graph
    used = {str(p) for p in graph.predicates() if str(p).startswith(vocabulary.NAMESPACE)}
    assert used <= {t.iri for t in vocabulary.TERMS}

    # The shape has teeth: a fact without a status, or a rank Wikibase does not know, is refused.
    broken = Graph().parse(out, format="turtle")
    fact = next(iter(facts))
    broken.remove((fact, kzeu.status, None))
    broken.set((fact, kzeu.rank, Literal("best")))
    conforms, _report, explanation = validate(broken, shacl_graph=shapes)
    assert not conforms and "status" in explanation and "rank" in explanation


def test_turtle_escapes_any_text_a_curator_writes(tmp_path):
    from rdflib import Graph

    from kzeu_desk.core.export.turtle import literal, safe_iri
    for value in ['a "quoted" \\ word', "line\nbreak\r\ttab", "Қазақстан 😀", "\x08\x0c", "'''"]:
        parsed = Graph().parse(data=f"<urn:x> <urn:p> {literal(value)} .", format="turtle")
        assert str(next(parsed.objects())) == value
    assert safe_iri("https://example.org/a b") is None and safe_iri("https://example.org/a") == "<https://example.org/a>"


# -- data package metadata and texts left out ----------------------------------------------------


def test_data_package_names_license_version_created_and_contributors(revised_path, tmp_path):
    from frictionless import validate

    out = tmp_path / "package"
    export(revised_path, "datapackage", out, license="CC-BY-4.0")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                       "title": "Creative Commons Attribution 4.0"}]
    last_operation = rows_of(revised_path, "SELECT max(id) FROM operation")[0][0]
    assert descriptor["version"] == f"1.{last_operation}.0"
    assert descriptor["created"].endswith("Z") and descriptor["contributors"] == [
        {"title": "curator", "roles": ["author"]}]
    assert validate(str(out / "datapackage.json")).valid
    with pytest.raises(UserError, match="A license is chosen only for the datapackage format, not for csv"):
        export(revised_path, "csv", tmp_path / "facts.csv", license="CC-BY-4.0")
    with pytest.raises(UserError, match="no license “MIT-ish”"):
        export(revised_path, "datapackage", tmp_path / "other", license="MIT-ish")


def test_without_texts_leaves_out_full_texts_but_keeps_quotes_and_citations(revised_path, tmp_path):
    from frictionless import validate

    texts = [t for (t,) in rows_of(revised_path, "SELECT text FROM source UNION ALL SELECT text FROM source_revision")]
    package = tmp_path / "package"
    export(revised_path, "datapackage", package, without_texts=True)
    assert validate(str(package / "datapackage.json")).valid
    written = "".join(p.read_text(encoding="utf-8") for p in package.iterdir())
    assert not any(t[200:400] in written for t in texts)
    assert "exceeded US$160 billion" in (package / "evidence.csv").read_text(encoding="utf-8")

    snapshot = tmp_path / "snapshot.sqlite"
    export(revised_path, "sqlite", snapshot, without_texts=True)
    with sqlite3.connect(snapshot) as connection:
        assert connection.execute("SELECT max(length(text)) FROM source").fetchone() == (0,)
        assert connection.execute("SELECT max(length(text)) FROM source_revision").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM original_file").fetchone() == (0,)
        images = "".join(r[0] or "" for r in connection.execute("SELECT after FROM audit_event"))
        assert connection.execute("SELECT count(*) FROM evidence").fetchone()[0] > 0
    assert not any(t[200:400] in images for t in texts)
    assert not any(t[200:400].encode() in snapshot.read_bytes() for t in texts)
    with pytest.raises(UserError, match="lossless"):
        export(revised_path, "jsonl", tmp_path / "facts.jsonl", without_texts=True)


# -- Wikibase: approximate matches, targets, the command line ------------------------------------


def test_quotes_found_only_approximately_are_marked_in_wikibase_json_and_quickstatements(revised_path, tmp_path):
    from quickstatements_parser import parse
    from wikibase_rules import entity

    out = tmp_path / "facts.json"
    export(revised_path, "wikidata", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    serializations = [*document["entities"].values(), *(c["entity"] for c in document["create"]["items"]),
                      *(c["entity"] for c in document["create"]["properties"])]
    assert sum(entity(s) for s in serializations) > 0
    references = [r for s in serializations for g in s["claims"].values() for st in g for r in st.get("references", [])]
    fuzzy = rows_of(revised_path, "SELECT quote, anchor_score FROM evidence WHERE anchor_state = 'fuzzy'")
    marked = {r["snaks"]["P1683"][0]["datavalue"]["value"]["text"]: r["kzeu:approximateMatch"]
              for r in references if "kzeu:approximateMatch" in r}
    assert fuzzy and marked == {quote: score for quote, score in fuzzy if quote in marked} and marked
    commands = parse((tmp_path / "facts.quickstatements.txt").read_text(encoding="utf-8"))
    assert [c for c in commands if "error" in c] == []
    assert any("approximately" in c.get("summary", "") for c in commands)


def test_an_own_wikibase_is_a_target_and_a_bad_address_is_refused(revised_path, tmp_path):
    out = tmp_path / "facts.json"
    export(revised_path, "wikidata", out, wikibase="https://wikibase.example.org/entity")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["target"] == {"name": "own Wikibase", "conceptBaseUri": "https://wikibase.example.org/entity/"}
    assert any("a Wikibase of one's own needs these properties" in note for note in document["notes"])
    units = {s["mainsnak"]["datavalue"]["value"]["unit"] for e in document["entities"].values()
             for g in e["claims"].values() for s in g if s["mainsnak"].get("datatype") == "quantity"
             and s["mainsnak"]["snaktype"] == "value"}
    assert units and not any("wikidata.org" in unit for unit in units)
    with pytest.raises(UserError, match="not a Wikibase entity address"):
        export(revised_path, "wikidata", tmp_path / "other.json", wikibase="my wikibase")


def test_the_new_formats_and_flags_from_the_command_line(revised_path, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kzeu_desk", "export", "--db", str(revised_path), *args],
                              capture_output=True, text=True, timeout=120)

    done = run("--format", "csv", "--out", str(tmp_path / "facts.csv"))
    assert done.returncode == 0 and "described in “facts.datapackage.json”" in done.stdout, done.stderr
    done = run("--format", "turtle", "--out", str(tmp_path / "facts.ttl"))
    assert done.returncode == 0 and "as RDF" in done.stdout
    done = run("--format", "datapackage", "--out", str(tmp_path / "pkg"), "--without-texts", "--license", "CC0-1.0")
    assert done.returncode == 0 and json.loads((tmp_path / "pkg" / "datapackage.json").read_text())["licenses"]
    done = run("--format", "jsonl", "--out", str(tmp_path / "x.jsonl"), "--without-texts")
    assert done.returncode != 0 and "lossless" in done.stderr and "Traceback" not in done.stderr
    shutil.rmtree(tmp_path / "pkg")


# -- a curator's own project: qualifiers, date ranges, counts, source details ----------------------


@pytest.fixture(scope="module")
def project_path(tmp_path_factory) -> Path:
    from test_open_schema_formats import curate_project

    path = tmp_path_factory.mktemp("project") / "project.sqlite"
    with FactBase.open(path, actor="aigerim") as fb:
        curate_project(fb)
    return path


def test_every_consumer_reads_a_project_with_qualifiers(project_path, tmp_path):
    import w3c_annotation_harness as w3c
    from frictionless import validate as validate_package
    from pyshacl import validate as validate_shapes
    from quickstatements_parser import parse
    from rdflib import Graph
    from wikibase_rules import entity

    from kzeu_desk.core.export.turtle import shape_path

    export(project_path, "csv", tmp_path / "facts.csv")
    report = validate_package(str(tmp_path / "facts.datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with (tmp_path / "facts.csv").open(encoding="utf-8", newline="") as handle:
        qualified = [r["qualifiers"] for r in csv.DictReader(handle) if r["qualifiers"]]
    assert "partner: China; applies to part: European Union; determination method: customs statistics" in qualified

    export(project_path, "turtle", tmp_path / "facts.ttl")
    conforms, _graph, explanation = validate_shapes(Graph().parse(tmp_path / "facts.ttl", format="turtle"),
                                                    shacl_graph=Graph().parse(shape_path(), format="turtle"))
    assert conforms, explanation

    export(project_path, "webannotation", tmp_path / "annotations.jsonld")
    document = json.loads((tmp_path / "annotations.jsonld").read_text(encoding="utf-8"))
    assert w3c.failed_musts("collections/collectionMusts.test", document) == []
    assert all(w3c.failed_musts("annotations/annotationMusts.test", {"@context": document["@context"], **a}) == []
               for a in document["first"]["items"])

    result = export(project_path, "wikidata", tmp_path / "wikibase.json")
    wikibase = json.loads((tmp_path / "wikibase.json").read_text(encoding="utf-8"))
    serializations = [*wikibase["entities"].values(), *(c["entity"] for c in wikibase["create"]["items"]),
                      *(c["entity"] for c in wikibase["create"]["properties"])]
    assert sum(entity(s) for s in serializations) == result.counts["fact"]
    commands = parse((tmp_path / "wikibase.quickstatements.txt").read_text(encoding="utf-8"))
    assert [c for c in commands if "error" in c] == []


def test_export_ids_are_version_5_uuids_of_the_fact_base_and_name():
    import uuid

    from kzeu_desk.core.export.identity import Identifiers
    namespace = uuid.UUID("6f1f7a52-4a38-5d8e-9c2b-0c5d2a6e7b11")
    for key, name in (("2026-12-05T21:03:44.036Z curator", "fact:1"), ("", ""), ("k", "Қазақстан 😀")):
        assert Identifiers(key).iri(name) == f"urn:uuid:{uuid.uuid5(namespace, f'{key}|{name}')}"
