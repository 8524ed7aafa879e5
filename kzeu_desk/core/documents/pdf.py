"""PDF documents through PDFium (pypdfium2): text with page starts, metadata, rendering a page.

PDFium gives each page's characters in content-stream order with their boxes, marks the line
breaks it infers and flags a hyphen that ends a line. The characters are grouped into lines here
(`layout.Line`), and `layout.lay_out` puts the lines of all pages into running text.

PDFium is not thread-safe: every call into it holds `PDFIUM_LOCK` (imports run on a worker thread
while the original viewer renders on the GUI thread).
"""

from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kzeu_desk.core.documents.common import DocumentMetadata, DocumentRefused, OriginalFile, ReadDocument
from kzeu_desk.core.documents.layout import Line, Page, lay_out, normalise_line

PDFIUM_LOCK = threading.RLock()

# Bumped whenever a change here or in layout.py changes the text a PDF yields.
READER_VERSION = 1
EXTRACTOR = f"pdf {READER_VERSION}; pdfium {pdfium.PDFIUM_INFO.version}"

MAX_PAGES = 5_000
# A dense printed page holds 3,000-6,000 characters; anything near this is not a page to read.
MAX_CHARACTERS_PER_PAGE = 200_000
MAX_CHARACTERS = 20_000_000

_LINE_END = {0x0D, 0x0A}
_HYPHEN_AT_LINE_END = {0xFFFE, 0x02}  # how PDFium reports a hyphen it took to split a word across lines
_SOFT_HYPHEN = "\u00ad"
# Characters further apart than this (in character heights) on one line are separate pieces of text:
# two columns, or cells of a table.
_PIECE_GAP_IN_CHAR_HEIGHTS = 2.5
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True, slots=True)
class PageImage:
    width: int
    height: int
    stride: int
    scale: float  # pixels per PDF point (72 an inch) it was drawn at
    bgra: bytes = b""  # 4 bytes a pixel, blue green red alpha


def read_pdf(data: bytes, file_name: str) -> ReadDocument:
    with PDFIUM_LOCK:
        document = _open(data, file_name)
        try:
            page_count = len(document)
            if page_count == 0:
                raise DocumentRefused(file_name, "has no pages.")
            if page_count > MAX_PAGES:
                raise DocumentRefused(file_name, f"has {page_count:,} pages, more than the {MAX_PAGES:,} "
                                                 "kzeu_desk reads in one document.")
            pages = [_read_page(document, number, file_name) for number in range(page_count)]
            metadata, title = _metadata(document)
            labels = _page_labels(document, page_count)
        finally:
            document.close()
    if sum(len(line.text) for page in pages for line in page.lines) > MAX_CHARACTERS:
        raise DocumentRefused(file_name, f"holds more than {MAX_CHARACTERS:,} characters of text, more than "
                                         "kzeu_desk reads in one document.")
    laid_out = lay_out(pages)
    if not laid_out.text.strip():
        raise DocumentRefused(file_name, "has no text to read (it is probably a scan without a text layer); "
                                         "run it through text recognition (OCR) first and import the result.")
    return ReadDocument(
        text=laid_out.text, encoding=None, file_name=file_name, title=title, format="pdf",
        page_starts=laid_out.page_starts, page_labels=labels, metadata=metadata,
        original=OriginalFile(data, "application/pdf"), extractor=EXTRACTOR,
    )


def _open(data: bytes, file_name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentRefused(file_name, "is protected by a password; open it in a PDF reader, save a copy "
                                             "without the password and import that.") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentRefused(file_name, "is locked with a kind of protection kzeu_desk cannot open.") from None
        raise DocumentRefused(file_name, "is a damaged PDF file that cannot be read.") from None


# -- one page -------------------------------------------------------------------------------------


def _read_page(document: pdfium.PdfDocument, number: int, file_name: str) -> Page:
    page = document[number]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count > MAX_CHARACTERS_PER_PAGE:
                raise DocumentRefused(file_name, f"has a page (page {number + 1}) with {count:,} characters, "
                                                 "far more than any page meant for reading.")
            lines = _lines(textpage, count)
        finally:
            textpage.close()
    finally:
        page.close()
    return Page(tuple(lines), float(width), float(height))


class _LineBuilder:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._chars: list[str] = []
        self._box: list[float] | None = None  # x0, y0, x1, y1 of the visible characters
        self._last_right = 0.0
        self._first_word_right: float | None = None
        self._first_word_done = False

    def add(self, char: str, box: tuple[float, float, float, float] | None) -> None:
        if box is not None:
            left, bottom, right, top = box
            if self._box is not None:
                x0, y0, _x1, y1 = self._box
                height = max(y1 - y0, top - bottom, 1.0)
                middle = (bottom + top) / 2
                on_this_line = y0 - 0.5 * height <= middle <= y1 + 0.5 * height
                far_right = left - self._last_right > _PIECE_GAP_IN_CHAR_HEIGHTS * height
                if not on_this_line or far_right or right < x0 - height:
                    self.end()
            if self._box is None:
                self._box = [left, bottom, right, top]
            else:
                line_box = self._box
                line_box[0], line_box[1] = min(line_box[0], left), min(line_box[1], bottom)
                line_box[2], line_box[3] = max(line_box[2], right), max(line_box[3], top)
            self._last_right = right
            if not self._first_word_done:
                self._first_word_right = right
        elif self._box is not None and char.isspace():
            self._first_word_done = True
        self._chars.append(char)

    def end(self, *, hyphenated: bool = False) -> None:
        raw = "".join(self._chars)
        self._chars = []
        box, self._box = self._box, None
        first_word_right, self._first_word_right, self._first_word_done = self._first_word_right, None, False
        if box is None:
            return
        if not hyphenated and (raw.rstrip().endswith(_SOFT_HYPHEN) or re.search(r"[^\W\d_]-\s*$", raw)):
            hyphenated = True
        text = normalise_line(raw)
        if not text:
            return
        if hyphenated and not text.endswith("-"):
            text += "-"
        self.lines.append(Line(text, box[0], box[1], box[2], box[3], hyphenated, first_word_right))


def _lines(textpage: pdfium.PdfTextPage, count: int) -> list[Line]:
    builder = _LineBuilder()
    raw_page = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw_page, index)
        if code in _LINE_END:
            builder.end()
            continue
        if code in _HYPHEN_AT_LINE_END or (pdfium_c.FPDFText_IsHyphen(raw_page, index) == 1):
            builder.add("-", None)
            builder.end(hyphenated=True)
            continue
        char = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else ""
        if not char:
            continue
        box = None
        if not char.isspace() and not pdfium_c.FPDFText_IsGenerated(raw_page, index):
            if pdfium_c.FPDFText_GetCharBox(raw_page, index, left, right, bottom, top):
                box = (left.value, bottom.value, right.value, top.value)
        builder.add(char, box)
    builder.end()
    return builder.lines


# -- what the file says about itself ---------------------------------------------------------------


def _metadata(document: pdfium.PdfDocument) -> tuple[DocumentMetadata, str | None]:
    info = document.get_metadata_dict(skip_empty=True)
    title = _clean(info.get("Title"))
    return DocumentMetadata(
        author=_clean(info.get("Author")),
        published=_pdf_date(info.get("CreationDate")),
        language=_language(document),
    ), title


def _clean(value: str | None) -> str | None:
    text = normalise_line(value or "")
    return text or None


def _pdf_date(value: str | None) -> str | None:
    """"D:20230202120000+06'00'" -> "2023-02-02", to the precision the date has."""
    match = _PDF_DATE.match((value or "").strip())
    if match is None or not 1000 <= int(match.group(1)) <= 9999:
        return None
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def _language(document: pdfium.PdfDocument) -> str | None:
    getter = getattr(pdfium_c, "FPDFCatalog_GetLanguage", None)
    if getter is None:
        return None
    size = getter(document.raw, None, 0)
    if size <= 2:
        return None
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    getter(document.raw, buffer, size)
    language = bytes(buffer)[:size].decode("utf-16-le", "ignore").rstrip("\x00").strip()
    return language or None


def _page_labels(document: pdfium.PdfDocument, page_count: int) -> tuple[str, ...]:
    labels = [normalise_line(document.get_page_label(number) or "") for number in range(page_count)]
    if not any(labels) or labels == [str(number + 1) for number in range(page_count)]:
        return ()
    return tuple(label or str(number + 1) for number, label in enumerate(labels))


# -- showing a page of the original -----------------------------------------------------------------


def page_count(data: bytes) -> int:
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            return len(document)
        finally:
            document.close()


def render_page(data: bytes, number: int, scale: float, *, max_pixels: int = 40_000_000) -> PageImage:
    """Page `number` (0-based) drawn at `scale` (1 = 72 dots an inch), made smaller if it would
    exceed `max_pixels`: a page can declare any size, and a bitmap of it must still fit in memory."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            page = document[number]
            try:
                width, height = page.get_size()
                pixels = max(width * height * scale * scale, 1.0)
                if pixels > max_pixels:
                    scale *= (max_pixels / pixels) ** 0.5
                bitmap = page.render(scale=scale, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA, rev_byteorder=False)
                try:
                    image = PageImage(bitmap.width, bitmap.height, bitmap.stride, scale, bytes(bitmap.buffer))
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            document.close()
    return image


def quote_boxes(data: bytes, number: int, quote: str) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top in PDF points) of the first place `quote` appears on page
    `number`, searched word by word so line breaks and joined hyphens in between don't matter."""
    words = quote.split()
    if not words:
        return []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            page = document[number]
            textpage = page.get_textpage()
            try:
                first = _find(textpage, words[0])
                last = _find(textpage, words[-1], after=first[0]) if first and len(words) > 1 else first
                if not first or not last:
                    return []
                start, end = first[0], last[0] + last[1]
                count = textpage.count_rects(start, end - start)
                return [tuple(textpage.get_rect(index)) for index in range(count)]
            finally:
                textpage.close()
                page.close()
        finally:
            document.close()


def _find(textpage: pdfium.PdfTextPage, word: str, after: int = 0) -> tuple[int, int] | None:
    searcher = textpage.search(word, index=after)
    try:
        return searcher.get_next()
    finally:
        searcher.close()
