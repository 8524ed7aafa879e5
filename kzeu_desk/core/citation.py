"""How the app cites a source: from its details (publisher, author, title, publication date, URL),
falling back to its file name only when it has no title.

* short — where a source is named in passing (conflict explanations, evidence lists):
  "Astana Calling, 2 February 2023"; undated, the title says which article:
  "Astana Calling, “Kazakhstan, a sign of the EU 25 years of strong and…”"; without publisher or author, the title.
* full — where a reader wants the reference (tooltips, exports):
  "Martin Banks, “Kazakhstan makes ‘quantum leap’ in its EU relations”, The Parliament, 2 August 2023,
  https://…".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text

from kzeu_desk.core.value_format import format_date

_SHORT_TITLE = 60  # characters of a title in a short citation, cut at a word
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Citation:
    title: str | None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # an ISO date truncated to its precision
    url: str | None = None
    file_name: str | None = None

    @classmethod
    def from_row(cls, row: Mapping) -> Citation:
        return cls(row.get("title"), row.get("publisher"), row.get("author"), row.get("published"),
                   row.get("url"), row.get("file_name"))

    @property
    def date_text(self) -> str | None:
        if not self.published:
            return None
        try:
            return format_date(self.published)
        except ValueError:  # details written by another tool may hold a free-form date
            return self.published

    def _title(self, limit: int | None = None) -> str | None:
        title = " ".join((self.title or "").split())
        if not title:
            return None
        if limit is not None and len(title) > limit:
            title = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        return f"“{title}”"

    @property
    def short(self) -> str:
        name = _clean(self.publisher) or _clean(self.author)
        title = self._title(_SHORT_TITLE)
        first = name or title
        second = self.date_text or (title if name else None)
        if first is None:
            return _file_stem(self.file_name) or "an untitled source"
        return f"{first}, {second}" if second else first

    @property
    def full(self) -> str:
        return self._cited(with_url=True)

    @property
    def reference(self) -> str:
        """The full citation without its web address: where the reader sees the source named beside
        its quote (conflict cards), the address is in the tooltip."""
        return self._cited(with_url=False)

    def _cited(self, *, with_url: bool) -> str:
        parts = [_clean(self.author), self._title(), _clean(self.publisher), self.date_text,
                 _clean(self.url) if with_url else None]
        shown = [part for part in parts if part]
        if self.title is None or not self.title.strip():
            stem = _file_stem(self.file_name)
            if stem:
                shown.insert(1 if self.author else 0, stem)
        return ", ".join(shown) or "an untitled source"


def _clean(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None


def _file_stem(file_name: str | None) -> str | None:
    if not file_name:
        return None
    return file_name.rsplit(".", 1)[0] if "." in file_name.strip(".") else file_name


_CITATIONS = text("""
    SELECT id, title, publisher, author, published, url, file_name FROM source WHERE id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def citations(conn: Connection, source_ids: Iterable[int | None]) -> dict[int, Citation]:
    """The citations of these sources, by id (sources that do not exist are left out)."""
    ids = sorted({source_id for source_id in source_ids if source_id is not None})
    found: dict[int, Citation] = {}
    for start in range(0, len(ids), _CHUNK):
        for row in conn.execute(_CITATIONS, {"ids": ids[start:start + _CHUNK]}).mappings():
            found[row["id"]] = Citation.from_row(row)
    return found
