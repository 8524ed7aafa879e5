"""Word (.docx) and OpenDocument (.odt) text: paragraphs, headings, lists and tables as plain text,
and the document's own properties (title, author, created, language).

The XML is read with the standard library (through `zipped.SafeZip`), so the text depends on no
third-party release. Headers, footers, comments, deleted revisions and field codes are not body
text and are left out; lists keep their bullets or numbers, table rows become lines with cells
separated by tabs. Word files carry no page layout (pages are made when a program draws them), so
these documents have no page starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree

from kzeu_desk.core.documents.common import DocumentMetadata, DocumentRefused, OriginalFile, ReadDocument
from kzeu_desk.core.documents.zipped import SafeZip
from kzeu_desk.core.text import canonicalize

READER_VERSION = 1
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad]")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_docx(archive: SafeZip) -> bool:
    return archive.has("word/document.xml")


def is_odt(archive: SafeZip) -> bool:
    mimetype = archive.read("mimetype") if archive.has("mimetype") else None
    return mimetype is not None and mimetype.strip() == ODT_MEDIA_TYPE.encode() and archive.has("content.xml")


def _finish(blocks: list[str], file_name: str) -> str:
    text = canonicalize("\n\n".join(block for block in (_CONTROLS.sub("", b).strip() for b in blocks) if block))
    if not text.strip():
        raise DocumentRefused(file_name, "contains no text.")
    return text


def _date(value: str | None) -> str | None:
    match = _ISO_DATE.match((value or "").strip())
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


# -- Word ----------------------------------------------------------------------------------------------


def read_docx(data: bytes, file_name: str, archive: SafeZip | None = None) -> ReadDocument:
    archive = archive or SafeZip(data, file_name, "Word document")
    body = archive.xml("word/document.xml")
    if body is None:
        raise archive.damaged()
    numbering = _DocxNumbering(archive)
    blocks = list(_docx_blocks(body.find(f"{_W}body"), numbering))
    metadata, title = _docx_properties(archive)
    return ReadDocument(
        text=_finish(blocks, file_name), encoding=None, file_name=file_name, title=title, format="docx",
        metadata=metadata, original=OriginalFile(data, DOCX_MEDIA_TYPE), extractor=f"docx {READER_VERSION}",
    )


def _docx_blocks(container: ElementTree.Element | None, numbering: _DocxNumbering) -> Iterator[str]:
    if container is None:
        return
    for child in container:
        if child.tag == f"{_W}p":
            yield numbering.label(child) + _docx_paragraph_text(child)
        elif child.tag == f"{_W}tbl":
            yield _docx_table(child, numbering)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            yield from _docx_blocks(child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child, numbering)


def _docx_paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for element in _docx_walk(paragraph):
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}sym":
            code = element.get(f"{_W}char", "")
            if re.fullmatch(r"[0-9A-Fa-f]{4}", code) and not 0xF000 <= int(code, 16) <= 0xF0FF:
                parts.append(chr(int(code, 16)))
    return "".join(parts)


# Deleted text, field instructions, footnote bodies, drawings and text boxes are not the paragraph's text.
_DOCX_SKIPPED = frozenset(f"{_W}{name}" for name in ("del", "delText", "instrText", "pPr", "rPr", "drawing",
                                                     "pict", "txbxContent", "footnoteReference", "commentReference"))
_DOCX_SKIPPED |= {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


def _docx_walk(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    for child in element:
        if child.tag in _DOCX_SKIPPED:
            continue
        yield child
        yield from _docx_walk(child)


def _docx_table(table: ElementTree.Element, numbering: _DocxNumbering) -> str:
    rows: list[str] = []
    for row in table.iter(f"{_W}tr"):
        cells = []
        for cell in row.findall(f"{_W}tc"):
            cells.append(" ".join(" ".join(_docx_blocks(cell, numbering)).split()))
        rows.append("\t".join(cells))
    return "\n".join(row for row in rows if row.strip())


class _DocxNumbering:
    """List labels ("• ", "1. ", "a) ") from numbering.xml, counted as Word counts them."""

    def __init__(self, archive: SafeZip):
        self._formats: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, level) -> (format, text, start)
        self._style_numbering: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        numbering = archive.xml("word/numbering.xml")
        if numbering is not None:
            abstract = {}
            for definition in numbering.findall(f"{_W}abstractNum"):
                levels = {}
                for level_element in definition.findall(f"{_W}lvl"):
                    levels[int(level_element.get(f"{_W}ilvl", "0"))] = (
                        _val(level_element.find(f"{_W}numFmt")) or "decimal",
                        _val(level_element.find(f"{_W}lvlText")) or "",
                        int(_val(level_element.find(f"{_W}start")) or "1"),
                    )
                abstract[definition.get(f"{_W}abstractNumId")] = levels
            for num in numbering.findall(f"{_W}num"):
                levels = abstract.get(_val(num.find(f"{_W}abstractNumId")), {})
                for level, spec in levels.items():
                    self._formats[(num.get(f"{_W}numId", ""), level)] = spec
        styles = archive.xml("word/styles.xml")
        if styles is not None:
            for style in styles.findall(f"{_W}style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    self._style_numbering[style.get(f"{_W}styleId", "")] = (
                        _val(num_pr.find(f"{_W}numId")) or "", int(_val(num_pr.find(f"{_W}ilvl")) or "0"))

    def label(self, paragraph: ElementTree.Element) -> str:
        properties = paragraph.find(f"{_W}pPr")
        if properties is None:
            return ""
        num_pr = properties.find(f"{_W}numPr")
        style = _val(properties.find(f"{_W}pStyle")) or ""
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{_W}numId")) or self._style_numbering.get(style, ("", 0))[0]
            level = int(_val(num_pr.find(f"{_W}ilvl")) or "0")
        elif style in self._style_numbering:
            num_id, level = self._style_numbering[style]
        else:
            return ""
        spec = self._formats.get((num_id, level))
        if spec is None or num_id == "0":
            return ""
        number_format, text, start = spec
        counters = self._counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(0)
        counters[level] = counters[level] + 1 if counters[level] else start
        del counters[level + 1:]
        if number_format == "bullet":
            return "• "
        if number_format == "none":
            return ""
        label = text
        for index, value in enumerate(counters):
            own = self._formats.get((num_id, index), spec)[0]
            label = label.replace(f"%{index + 1}", _number(value, own))
        return f"{label} " if label else ""


def _val(element: ElementTree.Element | None) -> str | None:
    return None if element is None else element.get(f"{_W}val")


def _number(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter", "a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if number_format in ("upperLetter", "A") else letters
    if number_format in ("lowerRoman", "upperRoman", "i", "I"):
        roman = _roman(value)
        return roman.upper() if number_format in ("upperRoman", "I") else roman
    return str(value)


def _roman(value: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    result = ""
    for amount, numeral in numerals:
        while value >= amount:
            result += numeral
            value -= amount
    return result


def _docx_properties(archive: SafeZip) -> tuple[DocumentMetadata, str | None]:
    core = archive.xml("docProps/core.xml")
    app = archive.xml("docProps/app.xml")

    def core_text(tag: str) -> str | None:
        element = core.find(tag) if core is not None else None
        return _clean(element.text if element is not None else None)

    company = app.find(f"{_EP}Company") if app is not None else None
    return DocumentMetadata(
        author=core_text(f"{_DC}creator"),
        publisher=_clean(company.text if company is not None else None),
        published=_date(core_text(f"{_DCTERMS}created")),
        language=core_text(f"{_DC}language"),
    ), core_text(f"{_DC}title")


# -- OpenDocument ----------------------------------------------------------------------------------------


def read_odt(data: bytes, file_name: str, archive: SafeZip | None = None) -> ReadDocument:
    archive = archive or SafeZip(data, file_name, "OpenDocument text")
    content = archive.xml("content.xml")
    if content is None:
        raise archive.damaged()
    list_styles = _OdtListStyles(content, archive.xml("styles.xml"))
    text_body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    blocks = list(_odt_blocks(text_body, list_styles, None, 0)) if text_body is not None else []
    metadata, title = _odt_properties(archive)
    return ReadDocument(
        text=_finish(blocks, file_name), encoding=None, file_name=file_name, title=title, format="odt",
        metadata=metadata, original=OriginalFile(data, ODT_MEDIA_TYPE), extractor=f"odt {READER_VERSION}",
    )


def _odt_blocks(container: ElementTree.Element, styles: _OdtListStyles, list_style: str | None,
                depth: int) -> Iterator[str]:
    for child in container:
        tag = child.tag
        if tag in (f"{_TEXT}p", f"{_TEXT}h"):
            yield _odt_inline(child)
        elif tag == f"{_TEXT}list":
            style = child.get(f"{_TEXT}style-name") or list_style
            number = int(child.get(f"{_TEXT}start-value", "0") or 0) or 1
            for item in child:
                if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                    continue
                label = styles.label(style, depth, number) if item.tag == f"{_TEXT}list-item" else ""
                number += 1
                inner = list(_odt_blocks(item, styles, style, depth + 1))
                if inner:
                    yield label + inner[0]
                    yield from inner[1:]
        elif tag == f"{_TABLE}table":
            yield _odt_table(child, styles)
        elif tag in (f"{_TEXT}section", f"{_TABLE}table-header-rows", f"{_TEXT}index-body"):
            yield from _odt_blocks(child, styles, list_style, depth)


def _odt_inline(element: ElementTree.Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag in (f"{_TEXT}note", f"{_OFFICE}annotation", f"{_OFFICE}annotation-end") or tag.startswith(
                "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"):
            pass  # footnotes, comments and drawings are not the paragraph's text
        else:
            parts.append(_odt_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_table(table: ElementTree.Element, styles: _OdtListStyles) -> str:
    rows: list[str] = []
    for row in table.iter(f"{_TABLE}table-row"):
        cells = [" ".join(" ".join(_odt_blocks(cell, styles, None, 0)).split())
                 for cell in row if cell.tag == f"{_TABLE}table-cell"]
        rows.append("\t".join(cells))
    return "\n".join(row for row in rows if row.strip())


class _OdtListStyles:
    def __init__(self, content: ElementTree.Element, styles: ElementTree.Element | None):
        self._levels: dict[str, dict[int, tuple[str, str, str]]] = {}
        for root in (styles, content):
            if root is None:
                continue
            for list_style in root.iter(f"{_TEXT}list-style"):
                levels = {}
                for level in list_style:
                    number = int(level.get(f"{_TEXT}level", "1") or 1) - 1
                    if level.tag == f"{_TEXT}list-level-style-number":
                        levels[number] = (level.get(f"{_STYLE}num-format", "1") or "1",
                                          level.get(f"{_STYLE}num-prefix", ""), level.get(f"{_STYLE}num-suffix", "."))
                self._levels[list_style.get(f"{_STYLE}name", "")] = levels

    def label(self, style: str | None, depth: int, number: int) -> str:
        spec = self._levels.get(style or "", {}).get(depth)
        if spec is None:
            return "• "
        number_format, prefix, suffix = spec
        return f"{prefix}{_number(number, number_format)}{suffix} "


def _odt_properties(archive: SafeZip) -> tuple[DocumentMetadata, str | None]:
    meta = archive.xml("meta.xml")
    properties = meta.find(f"{_OFFICE}meta") if meta is not None else None

    def meta_text(tag: str) -> str | None:
        element = properties.find(tag) if properties is not None else None
        return _clean(element.text if element is not None else None)

    return DocumentMetadata(
        author=meta_text(f"{_META}initial-creator") or meta_text(f"{_DC}creator"),
        published=_date(meta_text(f"{_META}creation-date")),
        language=meta_text(f"{_DC}language"),
    ), meta_text(f"{_DC}title")
