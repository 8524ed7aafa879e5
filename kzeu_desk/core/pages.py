"""Pages of a source's text: which page an offset is on, for the source view, citations and exports.

Only sources read from paged files (PDF) have pages. Page n of revision r of a source is the
`source_page` row (source, r, n); its `start`..`end` are code points into that revision's text
(written by `steps.insert_pages`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from sqlalchemy import Connection, select

from kzeu_desk.core.recorder import table


@dataclass(frozen=True, slots=True)
class PageMap:
    starts: tuple[int, ...]  # where page 1, 2, ... starts
    labels: tuple[str | None, ...]  # printed page numbers (None: the page's own number)

    def __len__(self) -> int:
        return len(self.starts)

    def page_at(self, offset: int) -> int:
        """The number (from 1) of the page holding the character at `offset`. Empty pages share
        their start with the next page; the character belongs to the last page starting at or before it."""
        return max(1, bisect_right(self.starts, offset))

    def label(self, number: int) -> str:
        label = self.labels[number - 1] if 0 < number <= len(self.labels) else None
        return label or str(number)

    def pages_of(self, start: int, end: int) -> tuple[int, int]:
        return self.page_at(start), self.page_at(max(start, end - 1))

    def cite(self, start: int, end: int) -> str:
        """"p. 3" or "pp. 3–4", with the document's printed page numbers."""
        first, last = self.pages_of(start, end)
        if first == last:
            return f"p. {self.label(first)}"
        return f"pp. {self.label(first)}–{self.label(last)}"


def page_map(conn: Connection, source_id: int, revision: int) -> PageMap | None:
    pages = table("source_page")
    rows = conn.execute(select(pages.c.start, pages.c.label)
                        .where(pages.c.source_id == source_id, pages.c.revision == revision)
                        .order_by(pages.c.number)).all()
    if not rows:
        return None
    return PageMap(tuple(row.start for row in rows), tuple(row.label for row in rows))


def current_page_map(conn: Connection, source_id: int) -> PageMap | None:
    from kzeu_desk.core.revisions import current_revision

    return page_map(conn, source_id, current_revision(conn, source_id))


# SQL giving an evidence row `e`'s first page number: for exports and views that read in SQL.
EVIDENCE_PAGE_SQL = """(SELECT p.number FROM source_page p
    WHERE p.source_id = e.source_id AND p.revision = e.confirmed_revision AND p.start <= e.start
    ORDER BY p.number DESC LIMIT 1)"""
EVIDENCE_LAST_PAGE_SQL = """(SELECT p.number FROM source_page p
    WHERE p.source_id = e.source_id AND p.revision = e.confirmed_revision AND p.start < e."end"
    ORDER BY p.number DESC LIMIT 1)"""
