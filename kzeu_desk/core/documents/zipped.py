"""Reading the parts of a ZIP-based document (.docx, .odt) without trusting what the archive says.

A ZIP bomb disguised as a document declares small parts that inflate to gigabytes, or many
thousands of parts; XML parts may declare entities that expand exponentially. Every part is read
through a counting reader with a hard limit whatever its header claims, and XML with a document
type declaration (which no Word or OpenDocument part has) is refused before parsing.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from kzeu_desk.core.documents.common import DocumentRefused

MAX_PARTS = 10_000
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part; a 1,000-page report's document.xml is ~20 MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
# Text XML compresses 5-20 times; a ratio beyond this is a bomb, not a document.
MAX_COMPRESSION_RATIO = 200
_CHUNK = 1024 * 1024


class SafeZip:
    def __init__(self, data: bytes, file_name: str, kind: str):
        self.file_name = file_name
        self.kind = kind
        self._read_so_far = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            raise self.damaged() from None
        if len(infos) > MAX_PARTS:
            raise DocumentRefused(file_name, f"holds {len(infos):,} parts, far more than any {kind}, so it was "
                                             "not opened.")
        self._infos = {info.filename: info for info in infos}

    def damaged(self) -> DocumentRefused:
        return DocumentRefused(self.file_name, f"is a damaged {self.kind} that cannot be read.")

    def bomb(self) -> DocumentRefused:
        return DocumentRefused(self.file_name, f"expands to far more data than any {self.kind} holds (it may be a "
                                               "ZIP bomb), so it was not opened.")

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes | None:
        """The part's bytes (None when there is no such part), refused past the limits."""
        info = self._infos.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES or (
                info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO
                and info.file_size > _CHUNK):
            raise self.bomb()
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._read_so_far)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise self.bomb()
                    chunks.append(chunk)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
            # Wrong CRC, unsupported compression, encryption ("password required"): unreadable.
            raise self.damaged() from None
        self._read_so_far += size
        return b"".join(chunks)

    def xml(self, name: str) -> ElementTree.Element | None:
        data = self.read(name)
        if data is None:
            return None
        head = data[:4096].lower()
        if b"<!doctype" in head or b"<!entity" in data.lower():
            raise DocumentRefused(self.file_name, f"contains XML declarations no {self.kind} has (a way to make "
                                                  "small files expand enormously), so it was not opened.")
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError:
            raise self.damaged() from None
