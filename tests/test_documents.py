"""PDF, Word, OpenDocument and web page import: the words, their order, pages, metadata, originals,
and one sentence for every hostile file. Every document is made by the test itself."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from document_factory import ENGLISH, KAZAKH, RUSSIAN, PdfLayout, make_docx, make_odt, make_pdf
from kzeu_desk.core import originals, pages
from kzeu_desk.core.documents.layout import Line, Page, lay_out, normalise_line, reading_order
from kzeu_desk.core.queries import source_row
from kzeu_desk.core.reading import DocumentRefused, read_document
from kzeu_desk.core.revisions import MatchReason, find_matching_source
from kzeu_desk.core.service import FactBase, SourceMetadata

ARTICLE = [f"{a} {b}" for a, b in zip(RUSSIAN * 2 + KAZAKH, ENGLISH * 3)] + KAZAKH + RUSSIAN


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(DocumentRefused) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message and message.endswith(".")
    assert ". " not in message, "one sentence only"
    assert f"“{path.name}”" in message
    return message


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-'’]\w+)*", text)


# -- PDF -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", [
    PdfLayout(),
    PdfLayout(columns=2, width=75),
    PdfLayout(header="Қазақстан Республикасы Сыртқы істер министрлігі", footer=None,
              page_numbers="Страница {page} из 9"),
    PdfLayout(header=None, footer="EEAS — Press release", page_numbers="- {page} -", hyphenate=False),
], ids=["running-header-footer-numbers", "two-columns", "page-x-of-y", "dashed-numbers"])
def test_pdf_text_is_every_word_in_order_without_running_lines_and_with_exact_page_starts(tmp_path, layout):
    made = make_pdf(ARTICLE, layout)
    document = read_document(write(tmp_path, "report.pdf", made.data))
    assert document.format == "pdf" and document.encoding is None
    assert words(document.text) == words(made.text)
    # Every character in order; where a paragraph ends on a full line at a column or page break, nothing
    # in the layout tells it from one that runs on, and the two may be joined.
    assert " ".join(document.text.split()) == " ".join(made.text.split())
    assert len(document.page_starts) == len(made.page_starts) >= 3
    for start, expected in zip(document.page_starts, made.page_starts):
        assert document.text[start:start + 40].split()[:4] == made.text[expected:expected + 40].split()[:4]
    for running in (layout.header, layout.footer, "Страница"):
        if running:
            assert running not in document.text


def test_pdf_hyphenated_words_are_joined_and_real_hyphens_kept(tmp_path):
    made = make_pdf(ARTICLE, PdfLayout(width=90))
    text = read_document(write(tmp_path, "narrow.pdf", made.data)).text
    assert "сотрудничество" in text and "ынтымақтастық" in text and "Partnership" in text
    assert "іс-қимылды" in text and "twenty-nine" in text and "1990-х" in text
    assert not re.search(r"\w- \w|\w-\n", text)


def test_pdf_metadata_fills_the_source_details(tmp_path):
    made = make_pdf(ARTICLE[:3], PdfLayout(header=None, footer=None, page_numbers=None, title="Обзор отношений Казахстан — ЕС", author="МИД РК",
                                           creation_date=(2023, 2, 2), language="ru-RU"))
    document = read_document(write(tmp_path, "obzor.pdf", made.data))
    assert document.title == "Обзор отношений Казахстан — ЕС"
    assert (document.metadata.author, document.metadata.published, document.metadata.language) == \
        ("МИД РК", "2023-02-02", "ru-RU")


def test_evidence_near_page_breaks_knows_its_page(tmp_path):
    made = make_pdf(ARTICLE)
    path = write(tmp_path, "pages.pdf", made.data)
    with FactBase.open(tmp_path / "facts.sqlite") as fb:
        source_id = fb.import_document(read_document(path)).new_id("source")
        with fb.reading() as conn:
            page_map = pages.current_page_map(conn, source_id)
        text = made.text
        checked = 0
        for number, start in enumerate(made.page_starts[1:], start=2):
            before = text.rfind(" ", 0, start - 1)
            last_word_before = (before + 1, start - 1) if text[start - 1] == " " else (before + 1, start)
            first_word_after = (start, text.find(" ", start))
            assert page_map.page_at(last_word_before[0]) == number - 1
            assert page_map.page_at(first_word_after[0]) == number
            assert page_map.cite(last_word_before[0], first_word_after[1]) == f"pp. {number - 1}–{number}"
            checked += 1
        assert checked >= 2


def test_a_scanned_pdf_without_text_is_refused(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(Image.new("L", (400, 560), 200), x=10, y=10, w=190)
    message = refusal(write(tmp_path, "scan.pdf", bytes(pdf.output())))
    assert "scan" in message and "OCR" in message


def test_an_encrypted_pdf_is_refused(tmp_path):
    made = make_pdf(ARTICLE[:2], PdfLayout(encrypt_with="secret"))
    assert "password" in refusal(write(tmp_path, "locked.pdf", made.data))


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    made = make_pdf(ARTICLE[:2], PdfLayout(header=None, footer=None, page_numbers=None, encrypt_with=""))
    assert read_document(write(tmp_path, "owner-only.pdf", made.data)).text == made.text


def test_a_pdf_with_a_broken_cross_reference_table_is_repaired_or_refused(tmp_path):
    made = make_pdf(ARTICLE[:4], PdfLayout(header=None, footer=None, page_numbers=None))
    data = bytearray(made.data)
    xref = data.rfind(b"xref")
    data[xref + 4:xref + 200] = re.sub(rb"\d{10}", b"0000000001", bytes(data[xref + 4:xref + 200]))
    startxref = data.rfind(b"startxref")
    data[startxref + 10:startxref + 14] = b"9999"
    repaired = read_document(write(tmp_path, "broken-xref.pdf", bytes(data)))
    assert repaired.text == made.text  # PDFium rebuilds the table from the objects themselves
    assert "damaged" in refusal(write(tmp_path, "truncated.pdf", made.data[:400]))


def test_a_page_with_absurdly_many_characters_is_refused(tmp_path, monkeypatch):
    from kzeu_desk.core.documents import pdf

    monkeypatch.setattr(pdf, "MAX_CHARACTERS_PER_PAGE", 500)
    made = make_pdf(ARTICLE[:6])
    assert "page 1" in refusal(write(tmp_path, "dense.pdf", made.data))


def test_an_enormous_page_is_drawn_within_a_pixel_budget():
    from fpdf import FPDF

    from kzeu_desk.core.documents import pdf

    huge = FPDF(unit="pt", format=(14400, 14400))
    huge.add_page()
    huge.set_font("helvetica", size=400)
    huge.text(100, 1000, "Astana")
    image = pdf.render_page(bytes(huge.output()), 0, 4.0, max_pixels=4_000_000)
    assert image.width * image.height <= 4_000_000 and image.width > 1000


def test_reading_order_puts_a_full_width_title_before_two_columns():
    title = Line("Title across the page", 50, 760, 545, 780)
    left = [Line(f"left line {n} with enough words", 50, 700 - 20 * n, 280, 712 - 20 * n) for n in range(4)]
    right = [Line(f"right line {n} with enough words", 310, 700 - 20 * n, 545, 712 - 20 * n) for n in range(4)]
    footer_row = Line("A closing sentence across the page", 50, 500, 545, 512)
    shuffled = [right[0], left[2], footer_row, title, left[0], right[3], left[1], right[1], left[3], right[2]]
    assert reading_order(shuffled) == [title, *left, *right, footer_row]


def test_a_table_is_read_row_by_row():
    cells = [Line(text, x, y, x + 60, y + 10) for y, row in ((700, ("Year", "Trade")), (680, ("2021", "29")),
                                                              (660, ("2022", "40")), (640, ("2023", "43")))
             for x, text in zip((50, 300), row)]
    assert [line.text for line in reading_order(cells)] == ["Year", "Trade", "2021", "29", "2022", "40", "2023", "43"]


def test_running_lines_need_to_repeat_at_the_same_height():
    def page(lines):
        return Page(tuple(lines), 595, 842)

    body = [Line(f"Body text {n} " + "слово " * 8, 50, 400 - n * 14, 540, 410 - n * 14) for n in range(3)]
    pages_ = [page([Line("Article 5", 50, 800, 120, 810), *body]),
              page([Line("Report 2023 — 2", 50, 800, 200, 810), *body[:1]]),
              page([Line("Report 2023 — 3", 50, 800, 200, 810), Line("Article 5", 50, 600, 120, 610)])]
    laid_out = lay_out(pages_)
    assert "Report" not in laid_out.text and laid_out.text.count("Article 5") == 2


def test_normalising_lines_removes_what_differs_between_extractors():
    assert normalise_line("e\u0301te\u00a0\u00a0of\ufb01ce\u200b  soft\u00adhyphen\t") == "éte office softhyphen"


# -- Word and OpenDocument -------------------------------------------------------------------------------


def test_docx_paragraphs_headings_lists_tables_and_properties(tmp_path):
    data = make_docx([("Title", "Қазақстан және Еуропалық Одақ"), ("Heading 1", "Кіріспе"), ("Normal", RUSSIAN[0]),
                      ("List Bullet", "бірінші бағыт"), ("List Bullet", "екінші бағыт"), ("List Number", "first"),
                      ("List Number", "second"), ("Normal", KAZAKH[1])],
                     title="Обзор отношений", author="МИД РК", created=(2023, 2, 2), language="ru-RU",
                     table=[["Год", "Товарооборот"], ["2022", "40 млрд"]], header="ВНУТРЕННИЙ ДОКУМЕНТ")
    document = read_document(write(tmp_path, "obzor.docx", data))
    assert document.text == (
        f"Қазақстан және Еуропалық Одақ\n\nКіріспе\n\n{RUSSIAN[0]}\n\n• бірінші бағыт\n\n• екінші бағыт\n\n"
        f"1. first\n\n2. second\n\n{KAZAKH[1]}\n\nГод\tТоварооборот\n2022\t40 млрд")
    assert "ВНУТРЕННИЙ" not in document.text  # the running header and footer are not body text
    assert document.title == "Обзор отношений" and document.format == "docx"
    assert (document.metadata.author, document.metadata.published, document.metadata.language) == \
        ("МИД РК", "2023-02-02", "ru-RU")


def test_odt_paragraphs_lists_tables_and_properties(tmp_path):
    data = make_odt([("h1", "Кіріспе"), ("p", RUSSIAN[1]), ("li", "бірінші"), ("li", "екінші"), ("p", KAZAKH[0])],
                    title="Қатынастар шолуы", author="Автор", created="2023-02-02T10:00:00", language="kk",
                    table=[["Жыл", "Көлем"], ["2022", "40"]])
    document = read_document(write(tmp_path, "sholu.odt", data))
    assert document.text == (f"Кіріспе\n\n{RUSSIAN[1]}\n\n• бірінші\n\n• екінші\n\n{KAZAKH[0]}\n\n"
                             "Жыл\tКөлем\n2022\t40")
    assert (document.title, document.metadata.author, document.metadata.published, document.metadata.language) == \
        ("Қатынастар шолуы", "Автор", "2023-02-02", "kk")


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_disguised_as_a_word_document_is_refused(tmp_path):
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b" " * 120_000_000})
    assert len(bomb) < 1_000_000
    assert "ZIP bomb" in refusal(write(tmp_path, "invoice.docx", bomb))


def test_an_xml_entity_bomb_in_a_word_document_is_refused(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              b'<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    message = refusal(write(tmp_path, "laughs.docx", _zip({"word/document.xml": laughs})))
    assert "XML declarations" in message


def test_a_damaged_word_document_is_refused(tmp_path):
    data = make_docx([("Normal", RUSSIAN[0])])
    assert "damaged" in refusal(write(tmp_path, "cut.docx", data[: len(data) // 2]))


# -- web pages -----------------------------------------------------------------------------------------

NEWS_PAGE = """<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Казахстан и ЕС расширяют сотрудничество | Astana Daily</title>
<meta property="og:title" content="Казахстан и ЕС расширяют сотрудничество">
<meta property="og:site_name" content="Astana Daily">
<meta property="article:published_time" content="2023-02-02T09:30:00+06:00">
<link rel="canonical" href="/ru/news/kz-eu-cooperation">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Astana Daily"},
 {"@type": "NewsArticle", "headline": "Казахстан и ЕС расширяют сотрудничество",
  "datePublished": "2023-02-02T09:30:00+06:00", "author": [{"@type": "Person", "name": "Айгерим Сапарова"}],
  "publisher": {"@type": "Organization", "name": "Astana Daily"}, "inLanguage": "ru"}]}
</script>
</head>
<body>
<nav><a href="/">Главная</a> <a href="/politics">Политика</a> <a href="/economy">Экономика</a></nav>
<div class="ad">РЕКЛАМА: Купите билеты в Алматы со скидкой!</div>
<article>
<h1>Казахстан и ЕС расширяют сотрудничество</h1>
<p>{p0}</p>
<p>{p1}</p>
<p>{p2}</p>
<p>{k0}</p>
</article>
<section class="comments"><h3>Комментарии</h3><div class="comment"><p>Отличная новость, давно пора!</p></div></section>
<footer>© 2023 Astana Daily. Все права защищены.</footer>
</body></html>
""".replace("{p0}", RUSSIAN[0]).replace("{p1}", RUSSIAN[1]).replace("{p2}", RUSSIAN[2]).replace("{k0}", KAZAKH[0])


def test_a_web_page_keeps_its_article_and_its_metadata(tmp_path):
    document = read_document(write(tmp_path, "news.html", NEWS_PAGE.encode("utf-8")))
    for paragraph in (RUSSIAN[0], RUSSIAN[1], RUSSIAN[2], KAZAKH[0]):
        assert paragraph in document.text
    assert document.text.index(RUSSIAN[0]) < document.text.index(KAZAKH[0])
    for boilerplate in ("Главная", "РЕКЛАМА", "Отличная новость", "Все права защищены"):
        assert boilerplate not in document.text
    assert document.title == "Казахстан и ЕС расширяют сотрудничество"
    metadata = document.metadata
    assert (metadata.author, metadata.publisher, metadata.published, metadata.language) == \
        ("Айгерим Сапарова", "Astana Daily", "2023-02-02", "ru")


def test_page_metadata_falls_back_through_opengraph_and_meta_names():
    from kzeu_desk.core.documents.web_page import page_facts, page_metadata

    html = ('<html><head><title>Brief — EEAS</title><meta property="og:site_name" content="EEAS">'
            '<meta name="author" content="EEAS Press Team"><meta name="dc.date" content="2022-11-18">'
            '<meta property="og:locale" content="en_GB"><meta property="og:url" content="https://eeas.example/brief">'
            '</head><body><p>x</p></body></html>')
    metadata, title = page_metadata(page_facts(html), url="https://eeas.example/brief?utm=1")
    assert title == "Brief"
    assert (metadata.author, metadata.publisher, metadata.published, metadata.language, metadata.url) == \
        ("EEAS Press Team", "EEAS", "2022-11-18", "en-GB", "https://eeas.example/brief")


# -- keeping the original, recognising it again -----------------------------------------------------------------


def test_an_imported_pdf_keeps_its_original_pages_and_details_and_is_recognised_again(tmp_path):
    made = make_pdf(ARTICLE, PdfLayout(title="Annual review", author="MFA"))
    path = write(tmp_path, "review.pdf", made.data)
    with FactBase.open(tmp_path / "facts.sqlite") as fb:
        document = read_document(path)
        changes = fb.import_document(document)
        source_id = changes.new_id("source")
        with fb.reading() as conn:
            row = source_row(conn, source_id)
            kept = originals.load(conn, row.original_sha256)
            page_map = pages.current_page_map(conn, source_id)
            again = find_matching_source(conn, read_document(path), SourceMetadata())
        assert (row.title, row.author, row.format) == ("Annual review", "MFA", "pdf")
        assert row.extractor.startswith("pdf 1; pdfium ")
        assert kept.data == made.data and kept.media_type == "application/pdf"
        assert list(page_map.starts) == made.page_starts
        assert again is not None and again.identical and again.reason is MatchReason.ORIGINAL
        fb.revert(changes.operation_id, "Undo import")
        with fb.reading() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM source_page").scalar() == 0


def test_a_new_revision_of_a_pdf_gets_its_own_pages_and_keeps_the_old_ones(tmp_path):
    first = make_pdf(ARTICLE)
    second = make_pdf(ARTICLE[:2] + ARTICLE[3:], PdfLayout(header="Revised edition"))
    with FactBase.open(tmp_path / "facts.sqlite") as fb:
        source_id = fb.import_document(read_document(write(tmp_path, "a.pdf", first.data))).new_id("source")
        fb.import_revision(source_id, read_document(write(tmp_path, "a-v2.pdf", second.data)))
        with fb.reading() as conn:
            assert list(pages.page_map(conn, source_id, 1).starts) == first.page_starts
            assert list(pages.current_page_map(conn, source_id).starts) == second.page_starts
            revision = conn.exec_driver_sql("SELECT original_sha256, format FROM source_revision").one()
        assert revision.format == "pdf" and revision.original_sha256 is not None


def test_text_files_keep_their_original_bytes_in_their_own_encoding(tmp_path):
    path = write(tmp_path, "cp1251.txt", RUSSIAN[0].encode("cp1251"))
    with FactBase.open(tmp_path / "facts.sqlite") as fb:
        source_id = fb.import_document(read_document(path)).new_id("source")
        with fb.reading() as conn:
            sha = conn.exec_driver_sql(f"SELECT original_sha256 FROM source WHERE id = {source_id}").scalar()
            assert originals.load(conn, sha).data == RUSSIAN[0].encode("cp1251")
            stored = originals.describe(conn, sha)
    assert stored.byte_count == len(RUSSIAN[0].encode("cp1251"))


def test_exports_carry_the_pages_of_evidence(tmp_path):
    import json

    from kzeu_desk.core.export import export

    made = make_pdf(ARTICLE)
    db = tmp_path / "facts.sqlite"
    with FactBase.open(db) as fb:
        source_id = fb.import_document(read_document(write(tmp_path, "review.pdf", made.data))).new_id("source")
        across = made.page_starts[1]
        fb.create_fact_from_selection(source_id, across - 20, across + 20)
    jsonl = tmp_path / "facts.jsonl"
    export(db, "jsonl", jsonl)
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    source = next(r for r in records if r["type"] == "source" and r["format"] == "pdf")
    assert [page["start"] for page in source["pages"]] == made.page_starts
    assert next(r for r in records if r["type"] == "evidence")["pages"] == [1, 2]
    assert any(r["type"] == "original" and r["sha256"] == source["original_sha256"] for r in records)
    annotations = tmp_path / "annotations.jsonld"
    export(db, "webannotation", annotations)
    target = json.loads(annotations.read_text(encoding="utf-8"))["first"]["items"][0]["target"]
    assert (target["kzeu:page"], target["kzeu:pageEnd"]) == (1, 2)
    snapshot = tmp_path / "snapshot.sqlite"
    export(db, "sqlite", snapshot)
    import sqlite3

    with sqlite3.connect(snapshot) as conn:
        assert conn.execute("SELECT page, last_page FROM evidence_overview").fetchall() == [(1, 2)]


def _exported_pdf_fact_base(tmp_path: Path) -> tuple[Path, list[int]]:
    from kzeu_desk.core.export import export

    made = make_pdf(ARTICLE)
    db = tmp_path / "facts.sqlite"
    with FactBase.open(db) as fb:
        source_id = fb.import_document(read_document(write(tmp_path, "review.pdf", made.data))).new_id("source")
        fb.create_fact_from_selection(source_id, made.page_starts[1] - 20, made.page_starts[1] + 20)
    jsonl = tmp_path / "facts.jsonl"
    export(db, "jsonl", jsonl)
    return jsonl, made.page_starts


def _rows(fb: FactBase, table_name: str) -> int:
    from sqlalchemy import text

    with fb.reading() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table_name}")).scalar_one()


def test_pages_and_originals_travel_through_json_lines(tmp_path):
    import json

    from kzeu_desk.core.export import export
    from kzeu_desk.core.loading import load_jsonl

    jsonl, page_starts = _exported_pdf_fact_base(tmp_path)
    copy = tmp_path / "copy.sqlite"
    with FactBase.open(copy) as fb:
        load_jsonl(fb, jsonl)
        with fb.reading() as conn:
            source = source_row(conn, 1)
            assert list(pages.current_page_map(conn, 1).starts) == page_starts
            assert originals.load(conn, source.original_sha256).data == (tmp_path / "review.pdf").read_bytes()
    again = tmp_path / "again.jsonl"
    export(copy, "jsonl", again)
    assert again.read_bytes() == jsonl.read_bytes()
    # Loaded next to itself: the source is reused and its original is not stored twice.
    with FactBase.open(copy) as fb:
        load_jsonl(fb, jsonl, backup=False)
        assert (_rows(fb, "original_file"), _rows(fb, "source_page")) == (1, len(page_starts))
    assert [json.loads(line)["type"] for line in again.read_text(encoding="utf-8").splitlines()][1] == "original"


@pytest.mark.parametrize("case, words", [
    ("data not base64", "the original file's data is not base64"),
    ("data not its hash", "does not match its byte_count and sha256"),
    ("original given twice", "is given a second time"),
    ("unknown original", "which no earlier line gives"),
    ("pages out of order", "pages must start in order, within the text"),
    ("page past the text", "pages must start in order, within the text"),
])
def test_broken_originals_and_pages_name_the_line_and_load_nothing(tmp_path, case, words):
    import json

    from kzeu_desk.core.loading import LoadError, load_jsonl

    jsonl, _starts = _exported_pdf_fact_base(tmp_path)
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    original = next(i for i, r in enumerate(lines) if r["type"] == "original")
    source = next(i for i, r in enumerate(lines) if r["type"] == "source")
    spoiled = source
    if case == "data not base64":
        lines[original]["data"] = "***" + lines[original]["data"][3:]
        spoiled = original
    elif case == "data not its hash":
        lines[original]["sha256"] = "0" * 64
        spoiled = original
    elif case == "original given twice":
        lines.insert(original + 1, dict(lines[original]))
        spoiled, source = original + 1, source + 1
    elif case == "unknown original":
        lines[source]["original_sha256"] = "f" * 64
    elif case == "pages out of order":
        lines[source]["pages"].reverse()
    else:
        lines[source]["pages"][-1]["start"] = lines[source]["char_count"] + 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    target = tmp_path / "target.sqlite"
    with FactBase.open(target) as fb, pytest.raises(LoadError) as refused:
        load_jsonl(fb, bad)
    message = str(refused.value)
    assert message.startswith(f"Line {spoiled + 1} of bad.jsonl: ") and words in message
    assert message.endswith("; nothing was loaded.") and "\n" not in message
    with FactBase.open(target) as fb:
        assert (_rows(fb, "source"), _rows(fb, "original_file")) == (0, 0)
