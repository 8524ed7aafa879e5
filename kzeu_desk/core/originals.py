"""The imported files themselves, kept compressed in the fact base under the SHA-256 of their bytes.

Kept in the fact base rather than beside it: a backup, a reviewer's copy and a team's shared server
(PostgreSQL, where this is a bytea column) then all hold them, and nothing on one curator's disk has
to be reachable by another. Rows are written once and never changed, so they need no audit: undoing
an import leaves the (content-addressed) file behind for the next import of the same bytes.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from sqlalchemy import Connection, select

from kzeu_desk.core.documents.common import OriginalFile
from kzeu_desk.core.recorder import Recorder, table

_COMPRESSION = "zlib"
_LEVEL = 6  # 9 saves ~1 % more on text and takes twice as long on a 50 MB PDF


@dataclass(frozen=True, slots=True)
class KeptOriginal:
    sha256: str
    media_type: str
    byte_count: int
    stored_bytes: int


def stored_row(original: OriginalFile, at: str) -> dict[str, object]:
    """The `original_file` row that keeps `original`, compressed."""
    return {
        "sha256": original.sha256, "media_type": original.media_type, "byte_count": len(original.data),
        "compression": _COMPRESSION, "data": zlib.compress(original.data, _LEVEL), "stored_at": at,
    }


def is_kept(conn: Connection, sha256: str) -> bool:
    files = table("original_file")
    return conn.execute(select(files.c.sha256).where(files.c.sha256 == sha256)).first() is not None


def keep(rec: Recorder, original: OriginalFile) -> str:
    """Store `original` unless the same bytes are stored already; returns its SHA-256."""
    if not is_kept(rec.conn, original.sha256):
        rec.insert_content("original_file", stored_row(original, rec.at))
    return original.sha256


def load(conn: Connection, sha256: str) -> OriginalFile | None:
    files = table("original_file")
    row = conn.execute(select(files.c.media_type, files.c.compression, files.c.data)
                       .where(files.c.sha256 == sha256)).first()
    if row is None:
        return None
    if row.compression != _COMPRESSION:
        raise ValueError(f"original {sha256} is stored with unknown compression {row.compression!r}")
    return OriginalFile(zlib.decompress(row.data), row.media_type)


@dataclass(frozen=True, slots=True)
class SourceOriginal:
    """A source's kept original, with the names it is shown and saved under."""

    original: OriginalFile
    file_name: str  # the imported file's name ("original" when the source has none)
    title: str


def of_source(conn: Connection, source_id: int) -> SourceOriginal | None:
    """The original a source's current text was read from; None when none is kept (sources imported
    before originals were, or the source is gone)."""
    source = table("source")
    row = conn.execute(select(source.c.original_sha256, source.c.file_name, source.c.title)
                       .where(source.c.id == source_id)).first()
    if row is None or row.original_sha256 is None:
        return None
    original = load(conn, row.original_sha256)
    return SourceOriginal(original, row.file_name or "original", row.title) if original is not None else None


def describe(conn: Connection, sha256: str) -> KeptOriginal | None:
    files = table("original_file")
    row = conn.execute(select(files.c.media_type, files.c.byte_count, files.c.data)
                       .where(files.c.sha256 == sha256)).first()
    return None if row is None else KeptOriginal(sha256, row.media_type, row.byte_count, len(row.data))
