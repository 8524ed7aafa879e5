"""Exports and loads of a fact base whose sources have revisions: orphaned, moved and fuzzy evidence
travel losslessly in JSON Lines, and no other format claims an orphan's place in the current text."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from test_export import SCHEMA, _offline_loader, curate, rows_of
from test_load import table_rows
from test_revisions import corrected, document

from kzeu_desk.core import queries
from kzeu_desk.core.integrity import check
from kzeu_desk.core.export import export
from kzeu_desk.core.export.jsonl import FORMAT_VERSION
from kzeu_desk.core.loading import LoadError, load_jsonl
from kzeu_desk.core.export.webannotation import stable_iri
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.paths import resources_dir

ARTICLE = "kz_eu_30_years.txt"
ARTICLE_URL = "https://example.org/kz-eu-30-years"
# Cut from the article's second revision: the evidence quoting "exceeded US$160 billion" is lost in revision 3.
CUT = (" The amount of European capital investments into the country’s economy over the three decades has "
       "exceeded US$160 billion, while the indicators of the bilateral trade turnover increased 180-fold.")
# Reworded just before a quote, which is then found alone in changed surroundings ("moved").
REWORDED = ("of all investment in Kazakhstan. ", "of all the investment that came into the country. ")
ANCHOR_COLUMNS = ("id", "fact_id", "source_id", "start", "end", "quote", "anchor_state", "anchor_score",
                  "confirmed_revision", "previous_revision", "previous_start", "previous_end")


def problems(fb: FactBase) -> list[str]:
    """What `kzeu-desk check` finds (orphaned quotes are checked against their own revision)."""
    with fb.reading() as conn:
        return [problem.message for problem in check(conn)]


def article_id(fb: FactBase) -> int:
    with fb.reading() as conn:
        return conn.execute(text("SELECT id FROM source WHERE file_name LIKE 'kz_eu_30_years%' ORDER BY id")).scalar()


def current_text(fb: FactBase, source_id: int) -> str:
    with fb.reading() as conn:
        return queries.source_text(conn, source_id)


def third_revision(second: str) -> str:
    assert CUT in second and second.count(REWORDED[0]) == 1
    return second.replace(CUT, "").replace(*REWORDED)


def revise(fb: FactBase) -> None:
    """The curated article revised twice, the first import undone and redone on the way, so the fact
    base holds evidence in every anchor state: orphaned in revision 1 ("one third ...") and in
    revision 2 ("exceeded US$160 billion"), fuzzy with its origin ("almost US$78 billion"), moved
    ("Last year alone ..."), and exact; and audit history of a revision row deleted and re-inserted."""
    source_id = article_id(fb)
    changes = fb.import_revision(source_id, document(corrected(current_text(fb, source_id))))
    undo = fb.revert(changes.operation_id, "Undo: new revision")
    fb.revert(undo.operation_id, "Redo: new revision")
    fb.import_revision(source_id, document(third_revision(current_text(fb, source_id)), "kz_eu_30_years-v3.txt"),
                       metadata=SourceMetadata(url=ARTICLE_URL))
    # Conflict explanations name the first evidence's file, which a new revision renames without a
    # re-check; re-checking here makes the fact base's derived data current, as a load's is.
    fb.rescan_conflicts()


@pytest.fixture(scope="module")
def revised_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("revised") / "facts.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
        revise(fb)
    return path


@pytest.fixture(scope="module")
def revised_jsonl(revised_path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("revised-export") / "revised.jsonl"
    export(revised_path, "jsonl", out)
    return out


def anchors(path: Path) -> list[tuple]:
    columns = ", ".join('e."end"' if c == "end" else f"e.{c}" for c in ANCHOR_COLUMNS)
    return rows_of(path, f"SELECT {columns} FROM evidence e ORDER BY e.id")


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return path


def test_the_fixture_has_evidence_in_every_anchor_state(revised_path):
    states = {state for (state,) in rows_of(revised_path, "SELECT anchor_state FROM evidence")}
    assert states == {s.value for s in AnchorState}
    orphaned = rows_of(revised_path, "SELECT confirmed_revision FROM evidence WHERE anchor_state = 'orphaned'")
    assert sorted(orphaned) == [(1,), (2,)]
    assert rows_of(revised_path, "SELECT count(*) FROM evidence WHERE previous_revision IS NOT NULL") == [(1,)]


# -- jsonl ------------------------------------------------------------------------------------------


def test_version_3_lines_carry_revisions_anchors_and_originals_and_follow_the_schema(revised_jsonl):
    import jsonschema  # test extra: jsonschema
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    lines = records(revised_jsonl)
    for number, record in enumerate(lines, start=1):
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, f"line {number}: {errors[:2]}"
    assert lines[0]["version"] == FORMAT_VERSION == 3
    originals = [r for r in lines if r["type"] == "original"]
    sources = [r for r in lines if r["type"] == "source"]
    revisions_ = [r for r in lines if r["type"] == "source_revision"]
    assert originals and {r["sha256"] for r in originals} == {r["original_sha256"] for r in sources + revisions_} - {None}
    assert all(r["format"] == "text" and r["pages"] is None for r in sources)
    revisions = [r for r in lines if r["type"] == "source_revision"]
    assert [r["number"] for r in revisions] == [1, 2] and lines[0]["counts"]["source_revision"] == 2
    assert [r["type"] for r in lines].index("source_revision") < [r["type"] for r in lines].index("evidence")
    orphans = {r["quote"]: r for r in lines if r["type"] == "evidence" and r["anchor_state"] == "orphaned"}
    assert set(orphans) == {"one third of the total volume", "exceeded US$160 billion"}
    texts = {r["number"]: r["text"] for r in revisions}
    for orphan in orphans.values():
        assert texts[orphan["confirmed_revision"]][orphan["start"]:orphan["end"]] == orphan["quote"]
    audited = {r["table"] for r in lines if r["type"] == "audit"}
    assert "source_revision" in audited, "the history of revision rows travels too"


def test_export_load_export_is_identical_with_revised_sources(revised_path, revised_jsonl, tmp_path):
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy, actor="someone else") as fb:
        result = load_jsonl(fb, revised_jsonl)
        assert problems(fb) == []
    assert result.inserted["source_revision"] == 2
    assert anchors(copy) == anchors(revised_path)
    assert rows_of(copy, "SELECT * FROM source_revision ORDER BY id") == \
        rows_of(revised_path, "SELECT * FROM source_revision ORDER BY id")
    again = tmp_path / "again.jsonl"
    export(copy, "jsonl", again)
    assert again.read_bytes() == revised_jsonl.read_bytes()


def test_only_confirmed_facts_still_bring_the_texts_their_evidence_quotes(revised_path, tmp_path):
    out = tmp_path / "confirmed.jsonl"
    export(revised_path, "jsonl", out, only_confirmed=True)
    lines = records(out)
    assert lines[0]["counts"]["source_revision"] == 2, "revisions are part of their source, which always travels"
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy) as fb:
        load_jsonl(fb, out)
        assert problems(fb) == []
    assert rows_of(copy, "SELECT count(*) FROM evidence WHERE anchor_state = 'orphaned'") == [(1,)]


def test_loading_beside_the_unrevised_article_keeps_both(revised_jsonl, tmp_path):
    """The target has the article as first imported: not the same current text, so the file's source
    arrives as a source of its own, with its revisions, and nothing of either is lost."""
    target = tmp_path / "target.sqlite"
    with FactBase.open(target, actor="curator") as fb:
        import_sample_corpus(fb)
        result = load_jsonl(fb, revised_jsonl)
        assert problems(fb) == []
    assert result.reused["source"] == 4 and result.inserted["source"] == 1
    assert result.inserted["source_revision"] == 2
    assert rows_of(target, "SELECT count(*) FROM evidence WHERE anchor_state = 'orphaned'") == [(2,)]


def test_loading_into_the_same_fact_base_reuses_its_revisions(revised_path, revised_jsonl, tmp_path):
    target = tmp_path / "target.sqlite"
    shutil.copy(revised_path, target)
    with FactBase.open(target, actor="merger") as fb:
        result = load_jsonl(fb, revised_jsonl)
        assert problems(fb) == []
    assert result.reused["source"] == 5 and result.reused["source_revision"] == 2
    assert result.inserted["source_revision"] == 0 and result.inserted["evidence"] == 12
    assert "existing sources, entities and properties reused" in result.summary


def test_revision_numbers_are_translated_through_the_texts_when_the_target_numbers_them_otherwise(
        revised_path, revised_jsonl, tmp_path):
    """The target holds the same texts with one more revision in between: the file's revision 2 is
    the target's 3, its current revision (3) the target's 4, and every span still quotes its text."""
    target = tmp_path / "target.sqlite"
    with FactBase.open(target, actor="curator") as fb:
        import_sample_corpus(fb)
        source_id = article_id(fb)
        original = current_text(fb, source_id)
        fb.import_revision(source_id, document(original + "\n\nAn editor's note, later withdrawn.", "note.txt"))
        fb.import_revision(source_id, document(corrected(original), "corrected.txt"))
        fb.import_revision(source_id, document(third_revision(corrected(original)), "v3.txt"))
        result = load_jsonl(fb, revised_jsonl)
        assert problems(fb) == []
        with fb.reading() as conn:
            loaded = {row.quote: row for row in conn.execute(text(
                "SELECT quote, anchor_state, confirmed_revision, previous_revision FROM evidence WHERE source_id = :s"),
                {"s": source_id})}
    assert result.reused["source"] == 5 and result.reused["source_revision"] == 2
    assert loaded["one third of the total volume"].confirmed_revision == 1
    assert loaded["exceeded US$160 billion"].confirmed_revision == 3
    assert loaded["almost US$78 billion"].previous_revision == 1
    assert loaded["almost US$78 billion"].confirmed_revision == 4
    assert loaded["Last year alone, the EU states invested about 800 million"].anchor_state == "moved"


def _as_version_2(lines: list[dict]) -> list[dict]:
    """What the version 2 exporter wrote: no originals, no formats or pages of sources, no
    qualifiers, separators or property rules."""
    converted = []
    for record in lines:
        record = dict(record)
        if record["type"] == "header":
            record["version"] = 2
            record["counts"] = {k: v for k, v in record["counts"].items() if k not in ("original", "property_separator")}
        elif record["type"] in ("original", "property_separator") or (
                record["type"] == "audit" and record["table"] in ("property_separator", "fact_qualifier")):
            continue
        elif record["type"] == "property":
            for column in ("allowed_units", "subject_kind", "deprecated"):
                record.pop(column)
        elif record["type"] == "fact":
            assert not record.pop("qualifiers")
            record["value"] = {k: v for k, v in record["value"].items() if k != "date_end"}
        elif record["type"] in ("source", "source_revision"):
            for column in ("format", "extractor", "original_sha256", "retrieved_at", "pages"):
                record.pop(column)
        elif record["type"] == "evidence":
            record.pop("pages")
            record.pop("number_changed")
        converted.append(record)
    header = converted[0]
    header["counts"] = {**header["counts"], "audit": sum(r["type"] == "audit" for r in converted)}
    return converted


def _without_number_changed(lines: list[dict]) -> list[dict]:
    """What the first version 3 exporter wrote: evidence without `number_changed`."""
    return [{k: v for k, v in record.items() if not (record["type"] == "evidence" and k == "number_changed")}
            for record in lines]


def _as_version_1(lines: list[dict]) -> list[dict]:
    """What the version 1 exporter wrote: no revisions, no anchors, no history of revision rows."""
    converted = []
    for record in _as_version_2(lines):
        record = dict(record)
        if record["type"] == "header":
            record["version"] = 1
            record["counts"] = {k: v for k, v in record["counts"].items() if k != "source_revision"}
        elif record["type"] == "source_revision" or (record["type"] == "audit"
                                                      and record["table"] == "source_revision"):
            continue
        elif record["type"] == "evidence":
            for column in ("anchor_state", "anchor_score", "confirmed_revision", "previous_revision",
                           "previous_start", "previous_end"):
                record.pop(column)
        converted.append(record)
    return converted


@pytest.mark.parametrize(("version", "schema", "convert"), [
    (2, "kzeu-facts.v2.schema.json", _as_version_2),
    (3, "kzeu-facts.v3.schema.json", _without_number_changed),
])
def test_a_file_that_does_not_say_which_figures_changed_has_them_worked_out(revised_path, revised_jsonl, tmp_path,
                                                                           version, schema, convert):
    """Version 2 (and the first version 3 files) did not say which fuzzy matches changed a figure
    (the queue worked it out from the texts): loading works it out the same way, so nothing waits
    less than it did."""
    lines = convert(records(revised_jsonl))
    assert lines[0]["version"] == version
    import jsonschema  # test extra: jsonschema
    validator = jsonschema.Draft202012Validator(json.loads((resources_dir() / "schemas" / schema).read_text(encoding="utf-8")))
    assert all(validator.is_valid(record) for record in lines), f"a genuine version {version} file"
    old = write_records(tmp_path / "old.jsonl", lines)
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy, actor="someone else") as fb:
        load_jsonl(fb, old)
        assert problems(fb) == []
    flagged = rows_of(copy, "SELECT quote FROM evidence WHERE number_changed")
    assert flagged == rows_of(revised_path, "SELECT quote FROM evidence WHERE number_changed") == [("almost US$78 billion",)]
    again = tmp_path / "again.jsonl"
    export(copy, "jsonl", again)
    assert [r for r in records(again) if r["type"] == "evidence"] == [
        r for r in records(revised_jsonl) if r["type"] == "evidence"]
    assert convert(records(again)) == lines


def test_a_version_1_file_still_loads_with_its_evidence_exactly_anchored(tmp_path):
    path = tmp_path / "facts.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
    current = tmp_path / "current.jsonl"
    export(path, "jsonl", current)
    old = write_records(tmp_path / "old.jsonl", _as_version_1(records(current)))
    import jsonschema  # test extra: jsonschema
    version_1 = jsonschema.Draft202012Validator(json.loads(
        (resources_dir() / "schemas" / "kzeu-facts.v1.schema.json").read_text(encoding="utf-8")))
    assert all(version_1.is_valid(record) for record in records(old)), "a genuine version 1 file"
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy, actor="someone else") as fb:
        load_jsonl(fb, old)
        assert problems(fb) == []
    assert {row[6:] for row in anchors(copy)} == {("exact", None, 1, None, None, None)}
    again = tmp_path / "again.jsonl"
    export(copy, "jsonl", again)
    assert _as_version_2(records(again)) == _as_version_2(records(current)), "the defaults are what the evidence was"


def test_a_version_2_file_loads_as_sources_without_originals_or_pages(revised_jsonl, tmp_path):
    old = write_records(tmp_path / "old.jsonl", _as_version_2(records(revised_jsonl)))
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy, actor="someone else") as fb:
        load_jsonl(fb, old)
        assert problems(fb) == []
    assert rows_of(copy, "SELECT count(*) FROM original_file") == [(0,)]
    assert rows_of(copy, "SELECT count(*) FROM source WHERE original_sha256 IS NOT NULL") == [(0,)]
    again = tmp_path / "again.jsonl"
    export(copy, "jsonl", again)
    assert _as_version_2(records(again)) == records(old)


def test_a_version_1_file_with_lost_evidence_is_refused_and_says_why(revised_jsonl, tmp_path):
    """A version 1 exporter wrote orphaned evidence without the text it quotes: it cannot be loaded."""
    lines = _as_version_1(records(revised_jsonl))
    old = write_records(tmp_path / "old.jsonl", lines)
    first_orphan = min(r["id"] for r in records(revised_jsonl)
                       if r["type"] == "evidence" and r["anchor_state"] == "orphaned")
    line = next(n for n, r in enumerate(lines, start=1) if r["type"] == "evidence" and r["id"] == first_orphan)
    with FactBase.open(tmp_path / "new.sqlite") as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, old)
    message = str(refused.value)
    assert message.startswith(f"Line {line} of old.jsonl: the evidence quote is not the text of its source")
    assert "version 1 file has no earlier revisions" in message and message.endswith("; nothing was loaded.")


def _spoil(lines: list[dict], case: str) -> int:
    def first(predicate) -> int:
        return next(i for i, r in enumerate(lines) if predicate(r))

    if case == "orphan points at a revision the file lacks":
        index = first(lambda r: r["type"] == "evidence" and r["anchor_state"] == "orphaned")
        lines[index]["confirmed_revision"] = 7
    elif case == "anchored evidence in an old revision":
        index = first(lambda r: r["type"] == "evidence" and r["anchor_state"] == "moved")
        lines[index]["confirmed_revision"] = 1
    elif case == "revisions out of order":
        index = first(lambda r: r["type"] == "source_revision")
        lines[index]["number"] = 2
    elif case == "revision text does not match its hash":
        index = first(lambda r: r["type"] == "source_revision")
        lines[index]["text"] = lines[index]["text"].replace("EU", "ЕС", 1)
    elif case == "orphaned quote not in its revision":
        index = first(lambda r: r["type"] == "evidence" and r["anchor_state"] == "orphaned")
        lines[index]["quote"] = "x" * len(lines[index]["quote"])
    elif case == "score out of range":
        index = first(lambda r: r["type"] == "evidence" and r["anchor_state"] == "fuzzy")
        lines[index]["anchor_score"] = 1.5
    elif case == "previous span without its revision":
        index = first(lambda r: r["type"] == "evidence" and r["anchor_state"] == "fuzzy")
        lines[index]["previous_revision"] = None
    else:
        raise AssertionError(case)
    return index + 1


@pytest.mark.parametrize("case", [
    "orphan points at a revision the file lacks", "anchored evidence in an old revision", "revisions out of order",
    "revision text does not match its hash", "orphaned quote not in its revision", "score out of range",
    "previous span without its revision",
])
def test_bad_revisions_and_anchors_name_the_line_and_change_nothing(revised_path, revised_jsonl, tmp_path, case):
    lines = records(revised_jsonl)
    line = _spoil(lines, case)
    bad = write_records(tmp_path / "bad.jsonl", lines)
    target = tmp_path / "target.sqlite"
    shutil.copy(revised_path, target)
    before = table_rows(target)
    with FactBase.open(target) as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, bad)
    message = str(refused.value)
    assert message.startswith(f"Line {line} of bad.jsonl: ") and message.endswith("; nothing was loaded.")
    assert "\n" not in message
    assert table_rows(target) == before


# -- the other formats ------------------------------------------------------------------------------


def _texts_by_revision(path: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        texts = dict(connection.execute("SELECT text_sha256, text FROM source"))
        texts.update(connection.execute("SELECT text_sha256, text FROM source_revision"))
    return texts


def test_orphaned_annotations_point_at_their_revision_and_parse_as_json_ld(revised_path, tmp_path):
    from pyld import jsonld  # test extra: PyLD
    out = tmp_path / "annotations.jsonld"
    export(revised_path, "webannotation", out)
    document_ = json.loads(out.read_text(encoding="utf-8"))
    context = json.loads((resources_dir() / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))
    quads = jsonld.to_rdf(document_, {"documentLoader": _offline_loader(context), "format": "application/n-quads"})
    assert "<http://www.w3.org/ns/oa#TimeState>" in quads and "<http://www.w3.org/ns/oa#cachedSource>" in quads

    texts = _texts_by_revision(revised_path)
    current = dict(rows_of(revised_path, "SELECT url, text FROM source WHERE url IS NOT NULL"))
    states, figures_changed = {}, set()
    for annotation in document_["first"]["items"]:
        target = annotation["target"]
        quote, position = target["selector"]
        state = target.get("kzeu:anchorState", "exact")
        states[quote["exact"]] = state
        if target.get("kzeu:numberChanged"):
            figures_changed.add(quote["exact"])
        if state == "orphaned":
            # Its own revision's text: never the source's current one.
            assert target["source"] == ARTICLE_URL
            body = texts[target["state"]["cached"].removeprefix("urn:sha256:")]
            assert body != current[ARTICLE_URL]
            assert target["state"]["type"] == "TimeState"
            assert target["state"]["sourceDateStart"] < target["state"]["sourceDateEnd"]
        elif target["source"].startswith("urn:sha256:"):
            body = texts[target["source"].removeprefix("urn:sha256:")]
        else:
            body = current[target["source"]]
            assert "state" not in target
        assert body[position["start"]:position["end"]] == quote["exact"]
    assert states["one third of the total volume"] == states["exceeded US$160 billion"] == "orphaned"
    assert states["almost US$78 billion"] == "fuzzy" and figures_changed == {"almost US$78 billion"}
    assert len({a["id"] for a in document_["first"]["items"]}) == len(document_["first"]["items"])


def test_stable_iris_are_the_uuid5_ids_they_always_were():
    namespace = uuid.UUID("6f1f7a52-4a38-5d8e-9c2b-0c5d2a6e7b11")
    for name in ("fact:2026-11-22T21:38:33.233Z:curator:1", "evidence:urn:uuid:x:ab:0:25", "", "Қазақстан 😀"):
        assert stable_iri(name) == f"urn:uuid:{uuid.uuid5(namespace, name)}"


def test_orphaned_quotes_stay_in_wikidata_references_with_the_day_they_were_retrieved(revised_path, tmp_path):
    out = tmp_path / "facts-wikidata.json"
    mapped = tmp_path / "mapped.sqlite"
    shutil.copy(revised_path, mapped)
    with FactBase.open(mapped, actor="curator") as fb:
        def map_ids(rec):
            with fb.reading() as conn:
                for number, key in enumerate(("share_of_foreign_trade", "cumulative_investment")):
                    property_id = conn.execute(text("SELECT id FROM property WHERE key = :k"), {"k": key}).scalar_one()
                    rec.update("property", property_id, {"wikidata_pid": f"P{2000 + number}"})
        fb.run("Map properties", map_ids)
    export(mapped, "wikidata", out)
    document_ = json.loads(out.read_text(encoding="utf-8"))
    entities = [*document_["entities"].values(), *(c["entity"] for c in document_["create"]["items"])]
    references = [reference for entity in entities for group in entity["claims"].values()
                  for statement in group for reference in statement.get("references", [])]
    retrieved = {r["snaks"]["P1683"][0]["datavalue"]["value"]["text"]: r["snaks"]["P813"][0]["datavalue"]["value"]
                 for r in references if "P813" in r["snaks"]}
    assert set(retrieved) == {"one third of the total volume", "exceeded US$160 billion"}
    imported = dict(rows_of(revised_path, "SELECT number, imported_at FROM source_revision"))
    assert retrieved["exceeded US$160 billion"]["time"] == f"+{imported[2][:10]}T00:00:00Z"
    assert retrieved["one third of the total volume"]["precision"] == 11
    assert all(r["snaks-order"][-1] == "P813" for r in references if "P813" in r["snaks"])


@pytest.mark.parametrize("quote", ["about 30%", 'a "quoted" \\ word', "Қазақстан 😀", "\x00", "line\nbreak"])
@pytest.mark.parametrize("source", [
    {"source_id": 1, "source_url": "https://example.org/a", "source_title": "A", "source_language": "en",
     "source_published": "2023-02", "source_author": "Ana", "quote_retrieved_at": None},
    {"source_id": 2, "source_url": None, "source_title": "B \x00 title", "source_language": None,
     "source_published": None, "source_author": None, "quote_retrieved_at": "2026-11-23T00:20:59.664Z"},
])
def test_wikidata_references_spliced_as_text_are_the_encoded_references(quote, source):
    from kzeu_desk.core.export.wikidata import _encode, _References

    row = {**source, "quote": quote}
    references = _References()
    assert references.reference_json(row) == _encode(references.reference(row))
    assert references.reference_json(row) == _encode(_References().reference(row)), "from its cache too"


def test_the_data_package_carries_revisions_and_validates(revised_path, tmp_path):
    import frictionless  # test extra: frictionless
    out = tmp_path / "package"
    export(revised_path, "datapackage", out)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert {"fields": ["source_id"], "reference": {"resource": "source", "fields": ["id"]}} in \
        resources["source_revision"]["schema"]["foreignKeys"]
    evidence_fields = {f["name"]: f for f in resources["evidence"]["schema"]["fields"]}
    assert evidence_fields["anchor_state"]["constraints"]["enum"] == [s.value for s in AnchorState]
    assert "orphaned" in evidence_fields["confirmed_revision"]["description"]
    assert evidence_fields["number_changed"]["type"] == "boolean" and "figures" in evidence_fields["number_changed"]["description"]
    rows = (out / "source_revision.csv").read_text(encoding="utf-8")
    assert rows.startswith("id,source_id,number,") and "exceeded US$160 billion" in rows

    out_of_scope = tmp_path / "confirmed"
    export(revised_path, "datapackage", out_of_scope, only_confirmed=True)
    assert frictionless.validate(out_of_scope / "datapackage.json").valid


def test_the_snapshot_says_which_evidence_quotes_an_earlier_revision(revised_path, tmp_path):
    out = tmp_path / "snapshot.sqlite"
    export(revised_path, "sqlite", out)
    assert sorted(rows_of(out, "SELECT quote, revision FROM evidence_overview WHERE anchor_state = 'orphaned'")) == [
        ("exceeded US$160 billion", 2), ("one third of the total volume", 1)]
    assert rows_of(out, "SELECT quote FROM evidence_overview WHERE number_changed") == [("almost US$78 billion",)]
