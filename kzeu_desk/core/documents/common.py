"""What every document reader returns, and how it refuses a file."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from kzeu_desk.core.errors import UserError

_FILE_NAME_CONTROLS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class DocumentRefused(UserError):
    """A file that cannot be read as a document; str() is one sentence naming the file."""

    def __init__(self, file_name: str, reason: str) -> None:
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"“{name_for_message(file_name)}” {reason}")

    def __reduce__(self) -> tuple[type[DocumentRefused], tuple[str, str]]:
        # Keeps the exception intact when an import runs in a worker process.
        return type(self), (self.file_name, self.reason)


def name_for_message(file_name: str) -> str:
    # A line break in a file name would split the one-sentence message.
    return _FILE_NAME_CONTROLS.sub("\ufffd", file_name)


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What a file says about itself, for the source's details (the curator confirms or corrects it)."""

    author: str | None = None
    publisher: str | None = None  # a web page's site name, a document's company
    published: str | None = None  # ISO date truncated to its precision: "2023", "2023-02", "2023-02-02"
    language: str | None = None  # BCP 47 tag as the file gives it ("ru", "kk-KZ")
    url: str | None = None  # the canonical address of a web page
    retrieved_at: str | None = None  # when a web page was fetched (ISO-8601 UTC)

    def filled(self) -> dict[str, str]:
        return {name: value for name in self.__slots__ if (value := getattr(self, name))}


@dataclass(frozen=True, slots=True)
class OriginalFile:
    """The bytes a document was read from, kept (compressed) in the fact base."""

    data: bytes = field(repr=False)
    media_type: str  # "application/pdf", "text/html", ...

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class ReadDocument:
    text: str  # canonical: what gets stored and what offsets point into
    encoding: str | None  # Python codec name for text formats ("utf-8", "windows-1251"); None for binary formats
    file_name: str
    title: str | None
    format: str  # "text" | "markdown" | "html" | "pdf" | "docx" | "odt"
    # Code point offset where each page starts (PDF): page n (1-based) is text[page_starts[n-1]:page_starts[n]].
    page_starts: tuple[int, ...] = ()
    page_labels: tuple[str, ...] = ()  # the page numbers printed in the document, when it names them
    metadata: DocumentMetadata = DocumentMetadata()
    original: OriginalFile | None = field(default=None, compare=False, repr=False)
    # The reader and library versions that produced `text`, so a later import can tell a changed
    # file from a changed extractor ("pdf 1; pdfium 7xxx").
    extractor: str | None = None
