"""The load's compiled schema (core/loading/schema.py) against the reference JSON Schema validator:
on every line of real exports and on thousands of broken variants of them, both must agree on
whether a line is valid, and the compiled one must say what is wrong in one sentence."""

from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema  # test extra: the reference implementation
import pytest
from document_factory import ENGLISH, RUSSIAN, make_pdf
from test_export import curate

from kzeu_desk.core.export import export
from kzeu_desk.core.export.jsonl import FORMAT_VERSION
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.loading.schema import LineProblem, RecordRules, numbers_fit, rules_for
from kzeu_desk.core.service import FactBase
from kzeu_desk.paths import resources_dir


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> list[dict]:
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    folder = tmp_path_factory.mktemp("schema")
    made = make_pdf([*ENGLISH, *RUSSIAN] * 2)
    (folder / "paged.pdf").write_bytes(made.data)
    with FactBase.open(folder / "facts.sqlite", actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
        # A source with pages (and evidence across a page break), so the page fields are checked too.
        pdf = fb.import_document(read_document(folder / "paged.pdf")).new_id("source")
        fb.create_fact_from_selection(pdf, made.page_starts[1] - 10, made.page_starts[1] + 10)
    export(folder / "facts.sqlite", "jsonl", folder / "facts.jsonl")
    return [json.loads(line) for line in (folder / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


def reference(version: int) -> jsonschema.Draft202012Validator:
    path = resources_dir() / "schemas" / f"kzeu-facts.v{version}.schema.json"
    return jsonschema.Draft202012Validator(json.loads(Path(path).read_text(encoding="utf-8")))


def compiled_verdict(rules: RecordRules, record: dict) -> str | None:
    try:
        rules.check(record["type"], record)
    except LineProblem as problem:
        return str(problem)
    return None


# Values that break some field somewhere: wrong types, out-of-range numbers, malformed dates.
_SPOILERS = [None, True, False, 0, -1, 1.5, 2, "", "x", "1996-13", "1996-02-30", "1996-02-29", "12345",
             [], [1], {}, {"id": 1}, 10**30, "0" * 64, "draft", "orphaned", "exact"]


def _spoiled(record: dict, chooser: random.Random) -> dict:
    spoiled = json.loads(json.dumps(record))
    target = spoiled
    if "value" in spoiled and chooser.random() < 0.3:
        target = spoiled["value"]
    action = chooser.random()
    fields = [name for name in target if name != "type"]
    if action < 0.15:
        target["unexpected_field"] = 1
    elif action < 0.3 and fields:
        del target[chooser.choice(fields)]
    elif fields:
        target[chooser.choice(fields)] = chooser.choice(_SPOILERS)
    return spoiled


def test_the_compiled_schema_agrees_with_the_reference_validator(lines):
    rules, validator = rules_for(FORMAT_VERSION), reference(FORMAT_VERSION)
    records = [r for r in lines if r["type"] != "header"]
    assert {r["type"] for r in records} >= {"original", "source", "entity", "property", "fact", "evidence",
                                            "conflict", "audit"}
    assert any(r["type"] == "source" and r["pages"] for r in records)
    assert any(r["type"] == "evidence" and r["pages"] == [1, 2] for r in records)
    for record in records:
        assert compiled_verdict(rules, record) is None
        assert validator.is_valid(record)
    chooser = random.Random(20)
    disagreements, refused = [], 0
    for _ in range(4000):
        record = _spoiled(chooser.choice(records), chooser)
        verdict = compiled_verdict(rules, record)
        valid = validator.is_valid(record)
        # Beyond the schema, dates must be real days: the one place the loader is stricter.
        is_unreal_date = verdict is not None and "ISO date" in verdict and "1996-02-30" in verdict
        if (verdict is None) != valid and not is_unreal_date:
            disagreements.append((record, verdict, valid))
        if verdict is not None:
            refused += 1
            assert "\n" not in verdict and len(verdict) < 240  # the longest names the twelve audited tables
    assert refused > 2000
    assert not disagreements, disagreements[:3]


def test_where_the_loader_is_stricter_than_the_schema(lines):
    """JSON Schema counts 1.0 as an integer and any YYYY-MM-DD with a day up to 31 as a date; the
    loader wants whole numbers written as such (ids become row ids) and days that exist."""
    rules, validator = rules_for(FORMAT_VERSION), reference(FORMAT_VERSION)
    fact = next(r for r in lines if r["type"] == "fact")
    for spoiled in ({**fact, "id": 1.0}, {**fact, "point_in_time": "1996-02-30"}):
        assert validator.is_valid(spoiled)
        assert compiled_verdict(rules, spoiled) is not None
    assert compiled_verdict(rules, {**fact, "point_in_time": "1996-02-29"}) is None


def test_version_1_lines_are_checked_against_the_version_1_schema():
    rules = rules_for(1)
    assert "source_revision" not in rules.record_types
    evidence = {"type": "evidence", "id": 1, "fact": 1, "source": 1, "start": 0, "end": 4, "quote": "abcd",
                "prefix": "", "suffix": "", "source_sha256": "0" * 64, "created_at": "t", "created_by": "a"}
    assert compiled_verdict(rules, evidence) is None
    assert "has no field “anchor_state”" in compiled_verdict(rules, {**evidence, "anchor_state": "exact"})
    assert "needs “anchor_state”" in compiled_verdict(rules_for(2), evidence)


def test_page_fields_are_checked_item_by_item(lines):
    rules, validator = rules_for(FORMAT_VERSION), reference(FORMAT_VERSION)
    source = next(r for r in lines if r["type"] == "source" and r["pages"])
    evidence = next(r for r in lines if r["type"] == "evidence" and r["pages"])
    for spoiled, words in [
        ({**source, "pages": [{"start": 0, "label": 7}]}, "“label” of a page must be text"),
        ({**source, "pages": [3]}, "each page must be an object with a start"),
        ({**source, "pages": [{"label": "i"}]}, "a page needs “start”"),
        ({**evidence, "pages": [1]}, "must be a list of 2"),
        ({**evidence, "pages": [0, 1]}, "each item of “pages” of an evidence record must be a positive whole number"),
        ({**evidence, "pages": [1, "2"]}, "each item of “pages”"),
        ({**source, "format": "rtf"}, "“format” of a source must be one of text, markdown"),
    ]:
        assert not validator.is_valid(spoiled)
        assert words in compiled_verdict(rules, spoiled)
    for fine in ({**source, "format": None}, {**evidence, "pages": None}, {**source, "pages": None}):
        assert validator.is_valid(fine) and compiled_verdict(rules, fine) is None


def test_version_2_lines_have_no_originals_or_pages():
    rules = rules_for(2)
    assert "original" not in rules.record_types and "original" in rules_for(3).record_types
    source = {"type": "source", "id": 1, "title": "t", "imported_at": "t", "imported_by": "a",
              "text_sha256": "0" * 64, "char_count": 0, "text": ""}
    assert compiled_verdict(rules, source) is None
    assert "has no field “pages”" in compiled_verdict(rules, {**source, "pages": None})


def test_a_schema_keyword_the_loader_does_not_check_is_refused_when_compiling():
    schema = json.loads((resources_dir() / "schemas" / f"kzeu-facts.v{FORMAT_VERSION}.schema.json").read_text(encoding="utf-8"))
    schema["$defs"]["fact"]["properties"]["note"] = {"type": "string", "maxLength": 10}
    with pytest.raises(ValueError, match="maxLength"):
        RecordRules(schema)


def test_the_compiled_yes_or_no_agrees_with_the_worded_check(lines):
    """`check` asks the rules compiled into straight-line Python first and words a refusal only when
    they say no: both must judge every record alike, or a broken line could pass. The compiled
    rules also say no to a number a fact base cannot hold (10**30), which the parse words."""
    rules = rules_for(FORMAT_VERSION)
    records = [r for r in lines if r["type"] != "header"]
    chooser = random.Random(22)
    said_no = 0
    for _ in range(4000):
        record = _spoiled(chooser.choice(records), chooser)
        try:
            rules._rules[record["type"]].check(record, skip=frozenset({"type"}))
            worded = None
        except LineProblem as problem:
            worded = str(problem)
        accepted = rules._accepts[record["type"]](record)
        assert accepted == (worded is None and numbers_fit(record)), (record, worded)
        said_no += not accepted
    assert said_no > 2000
