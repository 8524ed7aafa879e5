"""Importing from a web address, against a web server the test runs on 127.0.0.1: the page's
address and retrieval date recorded, its HTML kept, and every way a server can misbehave told in
one sentence with nothing imported."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from document_factory import ENGLISH, PdfLayout, make_pdf
from kzeu_desk.core import originals
from kzeu_desk.core.documents.common import DocumentRefused
from kzeu_desk.core.documents.fetch import fetch_page
from kzeu_desk.core.queries import source_row
from kzeu_desk.core.service import FactBase
from test_documents import NEWS_PAGE, RUSSIAN

PDF = make_pdf(ENGLISH * 3, PdfLayout(title="EU–Kazakhstan brief", author="EEAS")).data
CP1251_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
               f'<title>Обзор</title></head><body><p>{RUSSIAN[0]}</p></body></html>').encode("cp1251")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path == "/news/article":
            self._send(NEWS_PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/brief":
            self._send(PDF, "application/pdf")
        elif path == "/legacy":
            self._send(CP1251_PAGE, "text/html")
        elif path in ("/loop-a", "/loop-b"):
            self.send_response(302)
            self.send_header("Location", "/loop-b" if path == "/loop-a" else "/loop-a")
            self.end_headers()
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/article")
            self.end_headers()
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # a byte every 0.1 s: never idle long enough for a read time-out
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
        elif path == "/silent":
            time.sleep(3)
        elif path == "/secret":
            self._send(b"no", "text/plain", status=403)
        else:
            self._send(b"not here", "text/plain", status=404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def refusal(address: str, **options) -> str:
    with pytest.raises(DocumentRefused) as caught:
        fetch_page(address, **options)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message and message.endswith(".")
    assert ". " not in message, "one sentence only"
    return message


def read(address: str):
    from kzeu_desk.ui.document_import import read_item

    return read_item(address)


def test_a_page_imports_with_its_address_date_metadata_and_html(server, tmp_path):
    document = read(f"{server}/news/article")
    assert RUSSIAN[0] in document.text and "Главная" not in document.text
    assert document.metadata.url == f"{server}/ru/news/kz-eu-cooperation"  # the page's canonical address
    assert document.metadata.retrieved_at.endswith("Z") and document.metadata.published == "2023-02-02"
    with FactBase.open(tmp_path / "facts.sqlite") as fb:
        source_id = fb.import_document(document).new_id("source")
        with fb.reading() as conn:
            row = source_row(conn, source_id)
            kept = originals.load(conn, row.original_sha256)
    assert (row.url, row.retrieved_at, row.format) == (document.metadata.url, document.metadata.retrieved_at,
                                                               "html")
    assert (row.title, row.author, row.publisher) == (
        "Казахстан и ЕС расширяют сотрудничество", "Айгерим Сапарова", "Astana Daily")
    assert kept.data == NEWS_PAGE.encode("utf-8") and kept.media_type == "text/html"


def test_a_redirect_is_followed_and_the_final_address_recorded(server):
    page = fetch_page(f"{server}/moved")
    assert page.url == f"{server}/news/article" and page.requested_url == f"{server}/moved"


def test_a_pdf_on_the_web_imports_as_a_pdf(server):
    document = read(f"{server}/brief")
    assert document.format == "pdf" and document.title == "EU–Kazakhstan brief"
    assert document.metadata.url == f"{server}/brief" and document.metadata.retrieved_at


def test_a_page_in_a_legacy_encoding_declared_in_its_html(server):
    assert RUSSIAN[0] in read(f"{server}/legacy").text


def test_a_redirect_loop_is_stopped(server):
    assert "redirect" in refusal(f"{server}/loop-a")


@pytest.mark.wall_clock
def test_a_server_that_trickles_is_given_up_on_at_the_deadline(server):
    started = time.monotonic()
    assert "too slow" in refusal(f"{server}/trickle", deadline=1.0)
    assert time.monotonic() - started < 3


def test_a_server_that_never_answers_times_out(server):
    assert "did not answer within 1 seconds" in refusal(f"{server}/silent", timeout=1.0)


def test_errors_from_the_server_are_named(server):
    assert "was not found" in refusal(f"{server}/missing")
    assert "refused access" in refusal(f"{server}/secret")


def test_a_closed_port_and_being_offline_are_told_apart_from_each_other():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "refused the connection" in refusal(f"http://127.0.0.1:{port}/x")


def test_offline_says_so(monkeypatch):
    def no_network(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert "offline" in refusal("https://www.gov.kz/memleket/entities/mfa")


def test_only_web_addresses_are_fetched():
    assert "not a web address" in refusal("file:///etc/passwd")
    assert "not a web address" in refusal("ftp://example.org/x")


def test_the_import_dialog_imports_a_web_address_and_reports_its_details(server, qtbot, tmp_path, monkeypatch):
    from kzeu_desk.core.sample_corpus import open_default_fact_base
    from kzeu_desk.ui import web_import
    from kzeu_desk.ui.main_window import MainWindow
    from kzeu_desk.ui.session import Session

    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(Session(open_default_fact_base()))
    monkeypatch.setattr(web_import, "ask_for_web_address", lambda parent: f"{server}/news/article")
    reports = []
    window.findChild(type(window.actionImport), "actionImportFromWeb").trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_import_report", None) is not None, timeout=15_000)
    report = window.last_import_report
    reports.append(report)
    table = report.table
    assert table.rowCount() == 1
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert cells[:6] == ["Казахстан и ЕС расширяют сотрудничество", "Айгерим Сапарова", "Astana Daily", "2023-02-02",
                         "ru", f"{server}/ru/news/kz-eu-cooperation"]
    assert cells[6] == "Web page"
    qtbot.waitUntil(lambda: window.source_pane.title_label.text() == "Казахстан и ЕС расширяют сотрудничество")
    report.close()
    window.close()
