"""Reading a document file into canonical text.

`read_document` accepts plain text, Markdown, HTML, PDF, Word (.docx) and OpenDocument (.odt)
files; `read_document_bytes` the same from bytes (a fetched web page). Text formats have their
encoding worked out here; the other formats are read by `kzeu_desk.core.documents`. The result is
the canonical text (see `kzeu_desk.core.text`) that offsets will point into, with the original
bytes, page starts and the metadata the file carries. Anything that cannot be read as a document
is refused with a `DocumentRefused` whose message is one sentence for the user.

HTML is reduced to its main text (core.documents.web_page) or, failing that, to its visible text
with the standard library's tokenizer: nothing is fetched, nothing is executed, and the result is
only ever shown as plain text (never as Qt rich text, which renders HTML-like input and fetches
its images).
"""

from __future__ import annotations

import codecs
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from kzeu_desk.core.documents.common import (
    DocumentMetadata,
    DocumentRefused,
    OriginalFile,
    ReadDocument,
)
from kzeu_desk.core.text import canonicalize

__all__ = ["DEFAULT_MAX_BYTES", "DocumentRefused", "ReadDocument", "html_to_text", "read_document",
           "read_document_bytes"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_BYTES_PER_MEGABYTE = 1024 * 1024

_FORMAT_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
)

# Office and e-book formats are ZIP archives inside; naming the format helps the user more.
_ZIP_BASED_FORMATS = {
    ".docx": "Word document",
    ".xlsx": "Excel workbook",
    ".pptx": "PowerPoint presentation",
    ".odt": "OpenDocument text",
    ".ods": "OpenDocument spreadsheet",
    ".odp": "OpenDocument presentation",
    ".epub": "EPUB book",
}

# UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first; a UTF-16 text that starts with
# U+0000 has the same bytes, which is why every matching mark gets a strict attempt.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Controls that never occur in a text document; finding one in a BOM-less UTF-16 reading means
# the NUL pattern came from binary data instead.
_CONTROLS_NOT_IN_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# A file that is UTF-8 apart from a few corrupt bytes is read as UTF-8 with U+FFFD in their place
# when at most this share of its non-ASCII characters is broken; legacy encodings break far more.
_TOLERATED_INVALID_UTF8_SHARE = 0.05

_ASCII_BYTES = bytes(range(0x80))

_LEGACY_CYRILLIC_CODECS = ("cp1251", "koi8_r")
# Share of letters that must sit in natural-looking Cyrillic words before a legacy Cyrillic
# reading overrides charset-normalizer's guess.
_PLAUSIBLE_CYRILLIC_SHARE = 0.5
_PLAUSIBILITY_SAMPLE_CHARACTERS = 100_000
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_CYRILLIC_WORD = re.compile(r"\b[\u0400-\u04ff]{2,}\b")

_FORMAT_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
}
_MEDIA_TYPE_OF_FORMAT = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}
# <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> near the top of a page.
_DECLARED_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)

_HTML_SNIFF_CHARACTERS = 2048
_HTML_ROOT_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)

_MARKDOWN_FENCE_OR_H1 = re.compile(
    r"^ {0,3}(?:(?P<fence>```|~~~)|#[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$)", re.MULTILINE
)

def read_document(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadDocument:
    """Read `path` as a document, or raise `DocumentRefused`."""
    path = Path(path)
    file_name = _file_name(path)
    data = _read_bytes(path, file_name, max_bytes)
    return read_document_bytes(data, file_name, suffix=path.suffix.lower())


def read_document_bytes(data: bytes, file_name: str, *, suffix: str = "", media_type: str = "",
                        charset: str | None = None, url: str | None = None,
                        retrieved_at: str | None = None) -> ReadDocument:
    """Read a document from its bytes. `suffix` (".pdf") and `media_type` ("text/html") say what
    the bytes claim to be; the bytes themselves decide. `charset`, `url` and `retrieved_at` come
    with a fetched web page."""
    if not data:
        raise DocumentRefused(file_name, "is empty.")
    binary = _read_binary_format(data, file_name, suffix)
    if binary is not None:
        return _with_source(binary, url, retrieved_at)
    _refuse_known_binary_format(data, suffix, file_name)
    decoded, encoding = _decode_with_declared(data, file_name, charset, media_type)
    if not decoded.strip():
        raise DocumentRefused(file_name, "is empty.")
    document_format = (_FORMAT_BY_EXTENSION.get(suffix) or _FORMAT_BY_MEDIA_TYPE.get(media_type)
                       or _sniff_format(decoded))
    canonical = canonicalize(decoded)
    metadata, extractor = DocumentMetadata(url=url, retrieved_at=retrieved_at), None
    if document_format == "html":
        from kzeu_desk.core.documents.web_page import read_web_page

        visible_text, html_title = html_to_text(canonical)
        page = read_web_page(canonical, visible_text, url=url, retrieved_at=retrieved_at)
        text, title, metadata, extractor = page.text, page.title or html_title, page.metadata, page.extractor
    else:
        text, title = _text_and_title(canonical, document_format)
    if not text.strip():
        raise DocumentRefused(file_name, "contains no readable text.")
    return ReadDocument(
        text=text,
        encoding=_normalised_encoding_name(encoding),
        file_name=file_name,
        title=title,
        format=document_format,
        metadata=metadata,
        original=OriginalFile(data, _MEDIA_TYPE_OF_FORMAT[document_format]),
        extractor=extractor,
    )


def _read_binary_format(data: bytes, file_name: str, suffix: str) -> ReadDocument | None:
    """PDF, Word and OpenDocument files, recognised by their content; None for anything else."""
    if data[:1024].find(b"%PDF-") >= 0 and (data.startswith(b"%PDF-") or suffix == ".pdf"):
        from kzeu_desk.core.documents.pdf import read_pdf

        return read_pdf(data, file_name)
    if data.startswith(b"PK\x03\x04"):
        from kzeu_desk.core.documents import office
        from kzeu_desk.core.documents.zipped import SafeZip

        kind = _ZIP_BASED_FORMATS.get(suffix)
        try:
            archive = SafeZip(data, file_name, kind or "document")
        except DocumentRefused:
            if suffix in (".docx", ".odt"):
                raise
            return None  # some other ZIP-based file: refused by name below
        if office.is_docx(archive):
            return office.read_docx(data, file_name, archive)
        if office.is_odt(archive):
            return office.read_odt(data, file_name, archive)
    return None


def _with_source(document: ReadDocument, url: str | None, retrieved_at: str | None) -> ReadDocument:
    if url is None and retrieved_at is None:
        return document
    from dataclasses import replace

    metadata = replace(document.metadata, url=document.metadata.url or url, retrieved_at=retrieved_at)
    return replace(document, metadata=metadata)


# --- file access ----------------------------------------------------------------------------


def _file_name(path: Path) -> str:
    # Undecodable bytes in a POSIX file name arrive as lone surrogates, which neither SQLite nor Qt
    # accept; U+FFFD keeps the rest of the name readable.
    name = path.name or str(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_bytes(path: Path, file_name: str, max_bytes: int) -> bytes:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise DocumentRefused(file_name, "is a folder, not a text document.")
        if not stat.S_ISREG(status.st_mode):
            raise DocumentRefused(file_name, "is not a regular file, so it cannot be read.")
        if status.st_size > max_bytes:
            raise _too_large(file_name, status.st_size, max_bytes)
        if status.st_size == 0:
            raise DocumentRefused(file_name, "is empty.")
        with path.open("rb") as stream:
            # One byte over the limit shows whether the file grew after stat().
            data = stream.read(max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentRefused(file_name, "does not exist.") from None
    except PermissionError:
        raise DocumentRefused(file_name, "cannot be read: permission denied.") from None
    except OSError as error:
        raise DocumentRefused(file_name, f"cannot be read ({_os_error_reason(error)}).") from None
    if len(data) > max_bytes:
        raise _too_large(file_name, None, max_bytes)
    if not data:
        raise DocumentRefused(file_name, "is empty.")
    return data


def _os_error_reason(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:]


def _too_large(file_name: str, size: int | None, max_bytes: int) -> DocumentRefused:
    limit = f"the {_megabytes(max_bytes)} MB limit for a document"
    if size is None:
        return DocumentRefused(file_name, f"is larger than {limit}.")
    return DocumentRefused(file_name, f"is {_megabytes(size)} MB, more than {limit}.")


def _megabytes(byte_count: int) -> str:
    megabytes = byte_count / _BYTES_PER_MEGABYTE
    if megabytes < 1:
        return f"{megabytes:.2g}"
    return f"{megabytes:,.2f}".rstrip("0").rstrip(".")


# --- binary detection and decoding ----------------------------------------------------------


def _refuse_known_binary_format(data: bytes, suffix: str, file_name: str) -> None:
    for signature, description in _BINARY_SIGNATURES:
        if data.startswith(signature):
            if description == "ZIP archive":
                description = _ZIP_BASED_FORMATS.get(suffix, description)
            reason = f"is a binary file ({description}), not a text document."
            raise DocumentRefused(file_name, reason)


def _decode_with_declared(data: bytes, file_name: str, charset: str | None, media_type: str) -> tuple[str, str]:
    """Decoded as the server or the page itself declares (a fetched page), else as detected."""
    declared = [charset] if charset else []
    if media_type in ("text/html", "application/xhtml+xml") or not media_type:
        match = _DECLARED_CHARSET.search(data[:4096])
        if match:
            declared.append(match.group(1).decode("ascii"))
    if _decode_by_byte_order_mark(data) is None:
        for name in declared:
            try:
                codec = codecs.lookup(name).name
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                continue
    return _decode(data, file_name)


def _decode(data: bytes, file_name: str) -> tuple[str, str]:
    """The text of `data` and the codec it was decoded with."""
    by_mark = _decode_by_byte_order_mark(data)
    if by_mark is not None:
        return by_mark
    if b"\x00" in data:
        # Only UTF-16 legitimately puts NUL bytes into text; anything else with them is binary.
        utf16 = _decode_utf16_without_mark(data)
        if utf16 is None:
            raise DocumentRefused(file_name, "is a binary file, not a text document.")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8"
    legacy = _decode_legacy(data)
    if legacy is None:
        raise DocumentRefused(file_name, "is not text in any encoding kzeu_desk recognises.")
    return legacy


def _decode_by_byte_order_mark(data: bytes) -> tuple[str, str] | None:
    codecs_by_mark = [codec for mark, codec in _BYTE_ORDER_MARKS if data.startswith(mark)]
    for codec in codecs_by_mark:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    if not codecs_by_mark:
        return None
    # The mark states the encoding; a damaged character (e.g. a truncated last unit) should not
    # cost the user the whole document.
    return data.decode(codecs_by_mark[0], "replace"), codecs_by_mark[0]


def _decode_utf16_without_mark(data: bytes) -> tuple[str, str] | None:
    """UTF-16 recognised by its NULs: the high bytes of ASCII characters sit on one side only."""
    if len(data) % 2:
        return None
    nuls_at_even = data[0::2].count(0)
    nuls_at_odd = data[1::2].count(0)
    # A few NULs on the other side are real characters such as U+0100 or U+3000.
    if nuls_at_odd > 10 * nuls_at_even:
        codec = "utf-16-le"
    elif nuls_at_even > 10 * nuls_at_odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _CONTROLS_NOT_IN_TEXT.search(text):
        return None
    return text, codec


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with U+FFFD for a few corrupt bytes, or None when the file is in another encoding."""
    # surrogateescape turns each invalid byte into one character and "ignore" drops it, so the
    # length difference counts invalid bytes without a Python-level loop.
    with_escapes = data.decode("utf-8", "surrogateescape")
    without_invalid = data.decode("utf-8", "ignore")
    invalid_bytes = len(with_escapes) - len(without_invalid)
    ascii_characters = len(data) - len(data.translate(None, _ASCII_BYTES))
    valid_non_ascii = len(without_invalid) - ascii_characters
    if valid_non_ascii == 0 or invalid_bytes > _TOLERATED_INVALID_UTF8_SHARE * valid_non_ascii:
        return None
    return data.decode("utf-8", "replace")


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    best = from_bytes(data).best()
    if best is None:
        return None
    return _prefer_plausible_cyrillic(data, (str(best), best.encoding))


def _prefer_plausible_cyrillic(data: bytes, detected: tuple[str, str]) -> tuple[str, str]:
    """charset-normalizer's reading, unless a legacy Cyrillic code page reads as clearly better.

    On a few sentences charset-normalizer may call Windows-1251 text mac_cyrillic or cp1125, or
    KOI8-R text a Japanese encoding. Correctly decoded Russian has words in lower or title case;
    a wrong Cyrillic code page scrambles the case or turns letters into symbols.
    """
    detected_text, detected_codec = detected
    best_text, best_codec = detected_text, detected_codec
    best_share = _natural_cyrillic_share(detected_text)
    for codec in _LEGACY_CYRILLIC_CODECS:
        if codecs.lookup(codec).name == codecs.lookup(detected_codec).name:
            continue
        try:
            candidate = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _natural_cyrillic_share(candidate)
        if share >= _PLAUSIBLE_CYRILLIC_SHARE and share > best_share:
            best_text, best_codec, best_share = candidate, codec, share
    return best_text, best_codec


def _natural_cyrillic_share(text: str) -> float:
    """Share of letters that belong to Cyrillic words of two or more letters in lower/title case."""
    sample = text[:_PLAUSIBILITY_SAMPLE_CHARACTERS]
    letter_count = sum(len(run) for run in _LETTER_RUN.findall(sample))
    if not letter_count:
        return 0.0
    natural = sum(len(word) for word in _CYRILLIC_WORD.findall(sample) if word[1:].islower())
    return natural / letter_count


def _normalised_encoding_name(codec: str) -> str:
    """Python's canonical codec name in lowercase dash form, with Windows code pages spelled out."""
    name = codecs.lookup(codec).name.lower().replace("_", "-")
    windows_code_page = re.fullmatch(r"cp(125\d)", name)
    return f"windows-{windows_code_page.group(1)}" if windows_code_page else name


# --- formats --------------------------------------------------------------------------------


def _sniff_format(text: str) -> str:
    return "html" if _HTML_ROOT_TAG.search(text[:_HTML_SNIFF_CHARACTERS]) else "text"


def _text_and_title(canonical: str, document_format: str) -> tuple[str, str | None]:
    if document_format == "html":
        return html_to_text(canonical)
    if document_format == "markdown":
        return canonical, _markdown_title(canonical)
    return canonical, plain_text_headline(canonical)


# A headline is a short line of its own: a news text's first line, before the story. Longer lines,
# and lines ending like a sentence, are the story itself (an article that starts without a title).
_HEADLINE_MAX_CHARACTERS = 200
_HEADLINE_MAX_WORDS = 30
_SENTENCE_END = (".", ",", ";", ":", "…")


def plain_text_headline(text: str) -> str | None:
    """The first line of a plain text when it reads as its headline: not empty, short (at most 200
    characters and 30 words), not ending like a sentence (a closing question or exclamation mark
    is a headline's), with more text after it. None otherwise, and the file name stays the title."""
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    first = " ".join(first.split())
    if not first or not newline or not rest.strip():
        return None
    if len(first) > _HEADLINE_MAX_CHARACTERS or len(first.split()) > _HEADLINE_MAX_WORDS:
        return None
    if first.endswith(_SENTENCE_END) or not any(character.isalpha() for character in first):
        return None
    return first


def _markdown_title(text: str) -> str | None:
    """The first level-one ATX heading ("# Title") outside fenced code blocks."""
    open_fence: str | None = None
    for match in _MARKDOWN_FENCE_OR_H1.finditer(text):
        fence = match.group("fence")
        if fence is not None:
            if open_fence is None:
                open_fence = fence
            elif fence == open_fence:
                open_fence = None
        elif open_fence is None:
            return match.group("title").strip()
    return None


_SKIPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
# Tags that may stand in <head>; any other start tag closes an unclosed <head>, as browsers do.
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "base", "style", "script", "noscript", "template"}
)
_PARAGRAPH_ELEMENTS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article",
        "header", "footer", "aside", "nav", "main", "figure", "table", "ul", "ol", "dl", "hr",
        "address", "fieldset", "form", "details",
    }
)  # fmt: skip
_LINE_ELEMENTS = frozenset(
    {"div", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "legend", "option"}
)
_CELL_ELEMENTS = frozenset({"td", "th"})
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_TRAILING_BLANK_LINES = re.compile(r"(?:\n[ \t]*)+\Z")


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible text of an HTML document, canonicalised, and its <title> (None when absent)."""
    extractor = _HtmlTextExtractor()
    extractor.feed(html)
    extractor.close()
    return canonicalize(extractor.text()), extractor.title


class _HtmlTextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._writer = _PlainTextWriter()
        self._open_skipped: list[str] = []
        self._preformatted_depth = 0
        self._title_parts: list[str] | None = None
        self.title: str | None = None

    def text(self) -> str:
        return self._writer.text()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HEAD_CONTENT and "head" in self._open_skipped:
            self._open_skipped.remove("head")
        if tag == "title" and self._only_head_is_skipped():
            self._title_parts = []
        elif tag in _SKIPPED_ELEMENTS:
            self._open_skipped.append(tag)
        elif not self._open_skipped:
            self._open_block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self._finish_title()
        elif tag in _SKIPPED_ELEMENTS:
            self._close_skipped(tag)
        elif not self._open_skipped:
            self._close_block(tag)

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        elif self._open_skipped:
            return
        elif self._preformatted_depth:
            self._writer.write_preformatted(data)
        else:
            self._writer.write_inline(data)

    def _only_head_is_skipped(self) -> bool:
        return all(tag == "head" for tag in self._open_skipped)

    def _finish_title(self) -> None:
        title = _HTML_WHITESPACE.sub(" ", "".join(self._title_parts or [])).strip()
        if self.title is None and title:
            self.title = title
        self._title_parts = None

    def _close_skipped(self, tag: str) -> None:
        # Closes the innermost open element of that name; a stray end tag changes nothing.
        for index in range(len(self._open_skipped) - 1, -1, -1):
            if self._open_skipped[index] == tag:
                del self._open_skipped[index:]
                return

    def _open_block(self, tag: str) -> None:
        if tag == "br":
            self._writer.line_break()
        elif tag in _PARAGRAPH_ELEMENTS:
            self._writer.request_break(2)
            if tag == "pre":
                self._preformatted_depth += 1
                self._writer.drop_next_leading_newline()
        elif tag in _LINE_ELEMENTS:
            self._writer.request_break(1)
        elif tag in _CELL_ELEMENTS:
            self._writer.separate_cell()

    def _close_block(self, tag: str) -> None:
        if tag in _PARAGRAPH_ELEMENTS:
            self._writer.request_break(2)
            if tag == "pre":
                self._preformatted_depth = max(0, self._preformatted_depth - 1)
        elif tag in _LINE_ELEMENTS:
            self._writer.request_break(1)


class _PlainTextWriter:
    """Accumulates text, placing spaces and line breaks the way a browser lays out blocks.

    Breaks and separators are held back until the next text arrives, so block boundaries never
    leave trailing spaces, and nested blocks ask for one break instead of stacking them.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._trailing_newlines = 0
        self._pending_newlines = 0
        self._pending_separator = ""
        self._drop_leading_newline = False

    def text(self) -> str:
        text = "".join(self._parts)
        return _TRAILING_BLANK_LINES.sub("", _LEADING_BLANK_LINES.sub("", text))

    def write_inline(self, data: str) -> None:
        collapsed = _HTML_WHITESPACE.sub(" ", data)
        if collapsed.startswith(" ") and not self._pending_separator:
            self._pending_separator = " "
        words = collapsed.strip(" ")
        if not words:
            return
        self._write_after_pending(words)
        self._pending_separator = " " if collapsed.endswith(" ") else ""

    def write_preformatted(self, data: str) -> None:
        if self._drop_leading_newline and data:
            # Browsers ignore the line break that directly follows <pre>.
            data = data.removeprefix("\n")
            self._drop_leading_newline = False
        if data:
            self._write_after_pending(data)

    def request_break(self, newlines: int) -> None:
        self._pending_newlines = max(self._pending_newlines, newlines)
        self._pending_separator = ""

    def line_break(self) -> None:
        self._flush_pending_newlines()
        self._append("\n")
        self._pending_separator = ""

    def separate_cell(self) -> None:
        if self._parts and not self._trailing_newlines and not self._pending_newlines:
            self._pending_separator = "\t"

    def drop_next_leading_newline(self) -> None:
        self._drop_leading_newline = True

    def _write_after_pending(self, text: str) -> None:
        if self._pending_newlines > self._trailing_newlines:
            self._flush_pending_newlines()
        elif self._pending_separator and self._parts and not self._trailing_newlines:
            self._append(self._pending_separator)
        self._pending_newlines = 0
        self._pending_separator = ""
        self._append(text)

    def _flush_pending_newlines(self) -> None:
        if self._parts:
            self._append("\n" * max(0, self._pending_newlines - self._trailing_newlines))
        self._pending_newlines = 0

    def _append(self, text: str) -> None:
        if not text:
            return
        self._parts.append(text)
        without_trailing_newlines = text.rstrip("\n")
        if without_trailing_newlines:
            self._trailing_newlines = len(text) - len(without_trailing_newlines)
        else:
            self._trailing_newlines += len(text)
