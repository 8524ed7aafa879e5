"""`kzeu-desk property …` and `kzeu-desk source …` (issue 16): the vocabulary and source details
from the command line, each change one undoable operation, errors one sentence, `--json` stable."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text

from kzeu_desk.cli import main
from kzeu_desk.core.service import FactBase

HEADLINE = "Brussels and Astana close the sixth round of talks"
STORY = "The sixth round of negotiations on visa facilitation ended in Brussels on Tuesday, officials said.\n"


@pytest.fixture
def db(tmp_path):
    article = tmp_path / "visa_talks.txt"
    article.write_text(f"{HEADLINE}\n\n{STORY}", encoding="utf-8")
    path = tmp_path / "project.sqlite"
    assert main(["import", "--db", str(path), str(article)]) == 0
    return path


def _json(capsys, *argv: str):
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _refused(capsys, *argv: str) -> str:
    capsys.readouterr()
    try:
        status = main(list(argv))
    except SystemExit as usage_mistake:  # argparse's way out, as for --help
        status = usage_mistake.code
    assert status == 2
    captured = capsys.readouterr()
    message = captured.err.strip()
    assert message.startswith("kzeu-desk: ") and "\n" not in message and "Traceback" not in message
    return message


def test_property_add_and_list_round_trip_with_units_separators_and_wikidata(db, capsys):
    created = _json(capsys, "property", "add", "--db", str(db), "--key", "negotiation_rounds", "--label",
                    "negotiation rounds", "--kind", "count", "--json")
    assert created["key"] == "negotiation_rounds" and created["kind"] == "count" and created["facts"] == 0
    _json(capsys, "property", "add", "--db", str(db), "--key", "export_share", "--label", "share of exports",
          "--kind", "percent", "--single-value", "--separator", "partner", "--wikidata", "P2899", "--json")
    listed = {row["key"]: row for row in _json(capsys, "property", "list", "--db", str(db), "--json")}
    share = listed["export_share"]
    assert share["single_value"] is True and share["separators"] == ["partner"] and share["wikidata"] == "P2899"
    assert share["label"] == "share of exports" and share["deprecated"] is False
    # The documented fields, all present, so scripts can rely on them (docs/automation.md).
    assert set(share) >= {"id", "key", "label", "description", "kind", "default_unit", "allowed_units",
                          "single_value", "separators", "subject_kind", "wikidata", "tolerance", "deprecated",
                          "facts", "qualifier_uses"}

    capsys.readouterr()
    assert main(["property", "add", "--db", str(db), "--key", "visa_cost", "--label", "visa fee", "--kind",
                 "money", "--unit", "EUR", "--unit", "KZT"]) == 0
    assert "visa fee" in capsys.readouterr().out
    fee = {row["key"]: row for row in _json(capsys, "property", "list", "--db", str(db), "--json")}["visa_cost"]
    assert fee["allowed_units"] == ["EUR", "KZT"] and fee["default_unit"] == "EUR"


def test_property_edit_changes_only_what_is_given_and_deprecation_hides_it_from_the_list(db, capsys):
    main(["property", "add", "--db", str(db), "--key", "rounds", "--label", "rounds", "--kind", "count"])
    edited = _json(capsys, "property", "edit", "--db", str(db), "--key", "rounds", "--label", "negotiation rounds",
                   "--single-value", "--json")
    assert edited["label"] == "negotiation rounds" and edited["single_value"] is True and edited["kind"] == "count"
    main(["property", "edit", "--db", str(db), "--key", "rounds", "--deprecate"])
    keys = {row["key"] for row in _json(capsys, "property", "list", "--db", str(db), "--json")}
    assert "rounds" not in keys
    every = {row["key"]: row for row in _json(capsys, "property", "list", "--db", str(db), "--json", "--all")}
    assert every["rounds"]["deprecated"] is True


def test_every_change_from_the_command_line_is_one_undoable_operation(db, capsys):
    main(["source", "edit", "--db", str(db), "--source", "1", "--publisher", "Kazinform"])
    with FactBase.open(db) as fact_base:
        with fact_base.reading() as conn:
            operation_id, label = conn.execute(text("SELECT id, label FROM operation ORDER BY id DESC")).first()
        assert label.startswith("Edit details of")
        fact_base.revert(operation_id, f"Undo: {label}")
    assert _json(capsys, "source", "list", "--db", str(db), "--json")[0]["publisher"] is None


def test_source_edit_sets_details_cited_everywhere_and_list_reports_them(db, capsys):
    listed = _json(capsys, "source", "list", "--db", str(db), "--json")
    assert [row["title"] for row in listed] == [HEADLINE]  # the first line became the title
    edited = _json(capsys, "source", "edit", "--db", str(db), "--source", str(listed[0]["id"]), "--publisher",
                   "Kazinform", "--author", "A. Nurlanova", "--url", "https://example.org/visa", "--published",
                   "2024-03", "--language", "en", "--json")
    assert edited["published"] == "2024-03" and edited["published_precision"] == "month"
    assert edited["citation"] == f"A. Nurlanova, “{HEADLINE}”, Kazinform, March 2024, https://example.org/visa"
    again = _json(capsys, "source", "edit", "--db", str(db), "--source", "1", "--author", "", "--json")
    assert again["author"] is None and again["publisher"] == "Kazinform"  # '' clears one detail, keeps the rest
    assert set(again) >= {"id", "title", "publisher", "author", "url", "published", "published_precision",
                          "language", "note", "file_name", "characters", "imported_at", "facts", "open_conflicts",
                          "citation"}


@pytest.mark.parametrize(("argv", "says"), [
    (["property", "add", "--key", "x", "--label", "x", "--kind", "weight"], "is not a value kind"),
    (["property", "add", "--key", "rounds", "--label", "x"], "required"),
    (["property", "add", "--key", "statement", "--label", "again", "--kind", "text"], "statement"),
    (["property", "add", "--key", "y", "--label", "y", "--kind", "count", "--separator", "nothing_such"],
     "no property with the key “nothing_such”"),
    (["property", "edit", "--key", "nothing_such", "--label", "x"], "no property with the key"),
    (["property", "edit", "--key", "statement"], "Say what to change"),
    (["source", "edit", "--source", "1", "--published", "2024-13"], "is not a publication date"),
    (["source", "edit", "--source", "42", "--title", "x"], "no source 42"),
    (["source", "edit", "--source", "1"], "Say which details to change"),
    (["source"], "required"),
])
def test_mistakes_are_refused_with_one_sentence(db, capsys, argv, says):
    message = _refused(capsys, argv[0], *argv[1:2], "--db", str(db), *argv[2:]) if len(argv) > 1 else \
        _refused(capsys, *argv)
    assert says in message


def test_a_missing_fact_base_is_named_not_created_by_list_or_edit(tmp_path, capsys):
    missing = tmp_path / "nowhere.sqlite"
    assert "There is no fact base" in _refused(capsys, "source", "list", "--db", str(missing))
    assert "There is no fact base" in _refused(capsys, "property", "edit", "--db", str(missing), "--key", "a",
                                               "--label", "b")
    assert not missing.exists()


def test_the_installed_command_answers_in_one_sentence(db):
    result = subprocess.run([sys.executable, "-m", "kzeu_desk", "property", "add", "--db", str(db), "--key", "k",
                             "--label", "k", "--kind", "weight"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "“weight” is not a value kind" in result.stderr
