"""The HTML report: complete, escaped, self-contained, safe to write; opened in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from curated_base import HOSTILE_TITLE, HOSTILE_VALUE, build_curated_base
from kzeu_desk.cli import main
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export.common import ExportCancelled
from kzeu_desk.core.report import MARKER, write_report
from kzeu_desk.core.service import FactBase


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "curated.sqlite"
    return path, build_curated_base(path, hostile=True)


@pytest.fixture(scope="module")
def report(curated, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report"
    return write_report(curated[0], out)


class Page(HTMLParser):
    """Every element with its attributes, and the page's text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self._hidden = 0  # inside <style>, <title> (the page's own name, not its text)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._hidden += tag in ("style", "title")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "title")

    def handle_data(self, data):
        if not self._hidden:
            self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).split())

    def ids(self) -> set[str]:
        return {attrs["id"] for _tag, attrs in self.elements if attrs.get("id")}

    def links(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.elements if tag == "a" and attrs.get("href")]


def pages_of(folder: Path) -> dict[str, Page]:
    return {path.name: Page(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.html"))}


def assert_inert(page: Page) -> None:
    """Nothing a browser would run or fetch."""
    for tag, attrs in page.elements:
        assert tag not in {"script", "img", "iframe", "object", "embed", "link", "base", "form", "video", "audio"}, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("src", "srcset", "action", "formaction", "background", "poster", "data"):
            assert name not in attrs, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert re.match(r"^(#|[\w.-]+\.(html|svg)(#[\w-]+)?$|https?://|mailto:)", href), href


def test_every_fact_conflict_and_source_is_in_the_report(report, curated):
    path, _ids = curated
    folder = report.folder
    assert (folder / MARKER).exists() and (folder / "timeline.svg").exists()
    pages = pages_of(folder)
    assert set(pages) == {"index.html", "facts-1.html", "conflicts.html", "sources.html"}
    with FactBase.open(path, read_only=True) as fact_base, fact_base.reading() as conn:
        from sqlalchemy import text

        fact_ids = set(conn.execute(text("SELECT id FROM fact")).scalars())
        conflict_ids = set(conn.execute(text("SELECT id FROM conflict")).scalars())
        source_ids = set(conn.execute(text("SELECT id FROM source")).scalars())
    assert {f"fact-{fact_id}" for fact_id in fact_ids} <= pages["facts-1.html"].ids()
    assert {f"conflict-{conflict_id}" for conflict_id in conflict_ids} <= pages["conflicts.html"].ids()
    assert {f"source-{source_id}" for source_id in source_ids} <= pages["sources.html"].ids()
    facts_text = pages["facts-1.html"].text
    assert "more than US$8 billion" in facts_text and "January 2022 – September 2022" in facts_text
    assert "In the first 9 months of 2022, investment inflow increased by 10 per cent" in facts_text
    # Full citations: title, publisher, author, URL; the publication date when known.
    assert "Martin Banks, “Kazakhstan makes 'quantum leap' in its EU relations”, The Parliament." in facts_text
    astana = "https://www.astanacalling.com/kazakhstan-a-sign-of-the-eu-25-years-of-strong-and-developing-relations/"
    assert astana in pages["facts-1.html"].links()
    conflicts_text = pages["conflicts.html"].text
    assert "Resolved by sofia on" in conflicts_text and "one fact preferred, the others deprecated" in conflicts_text
    assert "The EEAS and the Ministry date relations from 2 February 1993" in conflicts_text
    assert "Dismissed by marco" in conflicts_text and "Different measures: gross inflows" in conflicts_text
    assert conflicts_text.index("#4 · Open") < conflicts_text.index("#1 · Resolved")
    index = pages["index.html"]
    assert "29 facts" in index.text and "open conflicts" in index.text
    assert any(tag == "svg" for tag, _attrs in index.elements)
    assert report.summary.startswith(f"Report written to {folder / 'index.html'}: 29 facts")


def test_hostile_text_stays_text(report):
    for name, page in pages_of(report.folder).items():
        assert_inert(page)
        assert "javascript:" not in " ".join(page.links()), name
    facts = pages_of(report.folder)["facts-1.html"]
    visible = HOSTILE_VALUE.replace("\x07", "").replace("\x1b", "")
    assert " ".join(visible.split()) in facts.text
    assert "<script>note()</script>" in facts.text
    assert "address given as javascript:alert('url') (not a web link)" in facts.text
    raw = (report.folder / "facts-1.html").read_text(encoding="utf-8")
    assert "\x07" not in raw and "\x1b" not in raw
    sources_raw = (report.folder / "sources.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('title')&lt;/script&gt;" in sources_raw
    assert "Content-Security-Policy" in raw and "default-src 'none'" in raw


def test_the_timeline_links_each_mark_to_its_fact(report):
    svg = (report.folder / "timeline.svg").read_text(encoding="utf-8")
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.fromstring(svg)
    links = [element.get("href") for element in root.iter("{http://www.w3.org/2000/svg}a")]
    assert links and all(re.fullmatch(r"facts-1\.html#fact-\d+", link) for link in links)
    assert len(links) == 27  # the facts with a time


def test_pages_hold_whole_subjects_and_contents_lead_to_them(curated, tmp_path):
    result = write_report(curated[0], tmp_path / "paged", facts_per_page=5)
    pages = pages_of(result.folder)
    facts_pages = sorted(name for name in pages if name.startswith("facts-"))
    assert len(facts_pages) == result.pages > 2
    anchors = {name: pages[name].ids() for name in facts_pages}
    subject_pages: dict[str, list[str]] = {}
    for name in facts_pages:
        for anchor in anchors[name]:
            if anchor.startswith("subject-"):
                subject_pages.setdefault(anchor, []).append(name)
    assert all(len(found) == 1 for found in subject_pages.values())  # no subject split over pages
    for link in pages["index.html"].links() + pages["conflicts.html"].links():
        if link.startswith("facts-") and "#" in link:
            page, anchor = link.split("#")
            assert anchor in anchors[page], link
    assert f"Facts, part 1 of {result.pages}" in pages["facts-1.html"].text


def test_the_folder_is_never_mixed_with_other_files(curated, tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.docx").write_text("mine")
    with pytest.raises(UserError, match="already holds other files"):
        write_report(curated[0], busy)
    assert [path.name for path in busy.iterdir()] == ["thesis.docx"]
    a_file = tmp_path / "file.html"
    a_file.write_text("x")
    with pytest.raises(UserError, match="is a file"):
        write_report(curated[0], a_file)
    again = tmp_path / "again"
    write_report(curated[0], again)
    (again / "facts-9.html").write_text("left from a larger report")
    write_report(curated[0], again)  # an earlier report is replaced whole
    assert not (again / "facts-9.html").exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]

    def stop(done, total, stage):
        if stage == "Writing conflicts":
            raise ExportCancelled("stopped")

    with pytest.raises(ExportCancelled):
        write_report(curated[0], tmp_path / "stopped", progress=stop)
    assert not (tmp_path / "stopped").exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_command_line(curated, tmp_path, capsys):
    assert main(["report", "--db", str(curated[0]), "--out", str(tmp_path / "cli")]) == 0
    assert "Report written to" in capsys.readouterr().out
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("x")
    assert main(["report", "--db", str(curated[0]), "--out", str(tmp_path / "taken")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("kzeu-desk: ") and error.count("\n") == 1 and "Traceback" not in error


# -- in a real browser --------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test` installs Debian's chromium (run it as root on CI).")
        pytest.skip("Chromium is not installed (`apt-get install chromium`; `make test` does it as root).")
    return found


def run_chromium(*arguments: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="kzeu-chromium-") as profile:
        return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
                              capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", ["index.html", "facts-1.html", "conflicts.html", "sources.html"])
def test_chromium_renders_each_page_as_text_only(report, name):
    dumped = run_chromium("--dump-dom", (report.folder / name).as_uri())
    assert dumped.returncode == 0, dumped.stderr[-800:]
    page = Page(dumped.stdout)
    assert_inert(page)  # the DOM the browser built, not only the file we wrote
    assert page.text.startswith("Kazakhstan–EU fact base: curated")
    if name == "facts-1.html":
        assert "<svg onload=alert(2)>Subject" in page.text
        assert "</td><img src=x onerror=alert(1)><b>bold</b>" in page.text
        assert "Last year alone, the EU states invested about 800 million" in page.text
    if name == "sources.html":
        assert HOSTILE_TITLE.replace("\u202e", "")[:30] in page.text.replace("\u202e", "")
    if name == "index.html":
        titles = re.findall(r"<title>([^<]*)</title>", dumped.stdout)
        assert len(titles) > 25  # the timeline's marks, each with its tooltip


def test_chromium_screenshot_of_the_overview(report, tmp_path, qapp):
    from PySide6.QtGui import QImage

    shot = tmp_path / "index.png"
    done = run_chromium("--window-size=1280,2000", f"--screenshot={shot}", (report.folder / "index.html").as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-800:]
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 2000)
    header = {image.pixel(x, 20) for x in range(0, 1280, 16)}
    assert len(header) <= 4  # the dark header band is drawn (not a blank or error page)
    colours = {image.pixel(x, y) for x in range(0, 1280, 9) for y in range(600, 1200, 9)}
    assert len(colours) > 30  # the timeline's marks in their status colours


def test_file_export_report_writes_it_off_the_gui_thread(curated, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kzeu_desk.ui import create_main_window

    path = tmp_path / "curated.sqlite"
    path.write_bytes(curated[0].read_bytes())
    window = create_main_window(path, read_only=True)  # reviewers write reports too
    qtbot.addWidget(window)
    target = tmp_path / "for the minister"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Close)
    action = window.findChild(type(window.actionUndo), "actionExportReport")
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown[0].startswith("Report written to") and (target / "index.html").exists()
    assert "Report written" in window.statusBar().currentMessage()
    window.close()


def test_qualifiers_show_beside_their_facts_and_conflict_members(curated, tmp_path):
    path = tmp_path / "qualified.sqlite"
    shutil.copy(curated[0], path)
    ids = curated[1]
    with FactBase.open(path, actor="aigerim") as fact_base:
        with fact_base.reading() as conn:
            from sqlalchemy import text

            partner = conn.execute(text("SELECT id FROM property WHERE value_kind = 'entity' ORDER BY id")).scalars().first()
            eu = conn.execute(text("SELECT id FROM entity WHERE name = 'European Union'")).scalar_one()
            partner_name = conn.execute(text("SELECT name FROM property WHERE id = :id"), {"id": partner}).scalar_one()
        from kzeu_desk.core.typed_value import TypedValue, ValueKind

        fact_base.add_qualifier(ids["inflow_8bn"], partner, TypedValue(ValueKind.ENTITY, entity_id=eu))
    written = write_report(path, tmp_path / "report")
    pages = pages_of(written.folder)
    label = f"{partner_name}: European Union"
    facts_page = pages["facts-1.html"]
    assert label in facts_page.text
    conflicts_text = pages["conflicts.html"].text
    assert label in conflicts_text  # the inflow facts disagree; the qualifier may be what sets them apart
