"""The load's compiled schema (core/loading/schema.py) against the reference JSON Schema validator:
on every line of real exports and on thousands of broken variants of them, both must agree on
whether a line is valid, and the compiled one must say what is wrong in one sentence."""

from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema  # test extra: the reference implementation
import pytest
from test_export import curate

from kzeu_desk.core.export import export
from kzeu_desk.core.export.jsonl import FORMAT_VERSION
from kzeu_desk.core.loading.schema import LineProblem, RecordRules, rules_for
from kzeu_desk.core.service import FactBase
from kzeu_desk.paths import resources_dir


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> list[dict]:
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    folder = tmp_path_factory.mktemp("schema")
    with FactBase.open(folder / "facts.sqlite", actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
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
    assert {r["type"] for r in records} >= {"source", "entity", "property", "fact", "evidence", "conflict", "audit"}
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
            assert "\n" not in verdict and len(verdict) < 200
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


def test_a_schema_keyword_the_loader_does_not_check_is_refused_when_compiling():
    schema = json.loads((resources_dir() / "schemas" / f"kzeu-facts.v{FORMAT_VERSION}.schema.json").read_text(encoding="utf-8"))
    schema["$defs"]["fact"]["properties"]["note"] = {"type": "string", "maxLength": 10}
    with pytest.raises(ValueError, match="maxLength"):
        RecordRules(schema)
