"""File > Export's dialog, driven as a user would, with the file and message dialogs stubbed out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_export import curate

from kzeu_desk.core.service import FactBase
from kzeu_desk.core.progress import Progress, Stopped
from kzeu_desk.ui.export_dialog import ExportDialog, export_work
from kzeu_desk.ui.session import Session


@pytest.fixture(scope="module")
def curated_path(tmp_path_factory) -> Path:
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    path = tmp_path_factory.mktemp("curated") / "facts.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        curate(fb)
    return path


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: shown.append(("info", title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(("warning", title, text)))
    return shown


def open_session(path: Path, *, read_only: bool) -> Session:
    return Session(FactBase.open(path, read_only=read_only))


def run_export(qtbot, dialog: ExportDialog) -> object:
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as finished:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    dialog.wait()
    return finished.args[0]


@pytest.mark.parametrize("read_only", [False, True])
def test_export_jsonl_from_the_dialog(qtbot, curated_path, tmp_path, messages, read_only):
    session = open_session(curated_path, read_only=read_only)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.format_name == "jsonl"
    assert dialog.target == curated_path.with_name("facts.jsonl"), "suggested beside the fact base"
    dialog.set_target(tmp_path / "facts.jsonl")
    result = run_export(qtbot, dialog)
    session.fact_base.close()
    assert result is not None and (tmp_path / "facts.jsonl").exists()
    summary = "Exported 12 facts, 12 evidence spans and 5 sources to “facts.jsonl”."
    assert messages == [("info", "Export finished", summary)]


def test_export_confirmed_datapackage_into_a_chosen_folder(qtbot, curated_path, tmp_path, messages, monkeypatch):
    folder = tmp_path / "package"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    session = open_session(curated_path, read_only=True)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.select_format("datapackage")
    assert "folder" in dialog.target_hint.text()
    dialog.choose_target()
    dialog.only_confirmed.setChecked(True)
    run_export(qtbot, dialog)
    session.fact_base.close()
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert "confirmed facts only" in descriptor["description"]
    assert messages[-1][0] == "info" and "Exported 7 facts" in messages[-1][2]


def test_a_file_dialog_choice_follows_the_format(qtbot, curated_path, tmp_path, monkeypatch):
    chosen = tmp_path / "mine.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), ""))
    session = open_session(curated_path, read_only=True)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.select_format("webannotation")
    assert dialog.target.name == "facts-annotations.jsonld"
    dialog.select_format("sqlite")
    dialog.choose_target()
    dialog.select_format("wikidata")
    assert dialog.target == chosen, "a target the user chose is kept when the format changes"
    session.fact_base.close()


def test_a_bad_target_is_refused_before_anything_runs(qtbot, curated_path, tmp_path, messages):
    session = open_session(curated_path, read_only=True)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.set_target(tmp_path)  # a folder, but jsonl is written to a file
    dialog.start_export()
    session.fact_base.close()
    refusal = f"“{tmp_path}” is a folder; this format is written to a file."
    assert messages == [("warning", "Cannot export there", refusal)]
    assert dialog.op is None and list(tmp_path.iterdir()) == []


def test_stopping_the_export_writes_nothing(qtbot, curated_path, tmp_path):
    target = tmp_path / "stopped.jsonl"
    progress = Progress()
    progress.request_stop()
    with FactBase.open(curated_path, read_only=True) as fact_base, pytest.raises(Stopped) as stopped:
        export_work("jsonl", target, only_confirmed=False)(fact_base, progress)
    assert str(stopped.value) == "The export was stopped; nothing was written."
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_data_package_without_texts_and_with_a_license_from_the_dialog(qtbot, curated_path, tmp_path, messages):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
    session = open_session(curated_path, read_only=True)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    without_texts = dialog.findChild(QCheckBox, "exportWithoutTexts")
    license_choice = dialog.findChild(QComboBox, "exportLicense")
    wikibase = dialog.findChild(QLineEdit, "exportWikibase")
    assert not without_texts.isVisible() and not license_choice.isVisible()  # JSON Lines always keeps texts
    dialog.select_format("wikidata")
    assert wikibase.isVisible() and not license_choice.isVisible()
    dialog.select_format("datapackage")
    assert without_texts.isVisible() and license_choice.isVisible() and not wikibase.isVisible()
    without_texts.setChecked(True)
    license_choice.setCurrentIndex(license_choice.findData("CC-BY-4.0"))
    dialog.set_target(tmp_path / "package")
    result = run_export(qtbot, dialog)
    session.fact_base.close()
    assert result is not None
    descriptor = json.loads((tmp_path / "package" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    sources = (tmp_path / "package" / "source.csv").read_text(encoding="utf-8").splitlines()
    assert "Astana Calling" in sources[1] and all(len(line) < 1_000 for line in sources)


def test_every_format_is_in_view_with_its_title_above_its_description(qtbot, curated_path):
    session = open_session(curated_path, read_only=True)
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    formats = dialog.format_list
    assert formats.verticalScrollBar().maximum() == 0 and not formats.horizontalScrollBar().isVisible()
    one_line = formats.fontMetrics().height()
    for row in range(formats.count()):
        title, description = formats.item(row).text().split("\n")
        assert title and description  # both lines stay the item's text, for screen readers and search
        assert formats.sizeHintForRow(row) >= 2 * one_line
        assert formats.visualItemRect(formats.item(row)).bottom() <= formats.viewport().height()
    session.fact_base.close()
