"""A source's details (title, publisher, author, address, publication date, language, note):
reading them, checking what a curator types, and changing them; and what deleting a source
would take with it, said before it is done.

Publication dates are ISO dates truncated to their precision ("2023", "2023-02", "2023-02-02"),
so a curator who only knows the month says so and nothing is invented. Conflict explanations cite
sources by these details (core/citation.py): a change re-words the conflicts that cite the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from sqlalchemy import Connection, func, select, text

from kzeu_desk.core import revisions
from kzeu_desk.core.citation import Citation
from kzeu_desk.core.compatibility import date_interval
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.recorder import Recorder, table

EDITABLE_DETAILS = ("title", "publisher", "author", "url", "published", "language", "note")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class SourceDetails:
    """What a source says about itself, and what the app knows of where its text came from."""

    id: int
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    published: str | None  # ISO date truncated to its precision
    language: str | None
    note: str | None
    file_name: str | None
    encoding: str | None
    char_count: int
    imported_at: str
    imported_by: str

    @property
    def citation(self) -> Citation:
        return Citation(self.title, self.publisher, self.author, self.published, self.url, self.file_name)


def source_details(conn: Connection, source_id: int) -> SourceDetails | None:
    s = table("source")
    columns = [s.c[field.name] for field in fields(SourceDetails)]
    row = conn.execute(select(*columns).where(s.c.id == source_id)).mappings().first()
    return SourceDetails(**row) if row is not None else None


def checked_published(published: str | None) -> str | None:
    """A publication date as YYYY, YYYY-MM or YYYY-MM-DD (a real day), or InvalidEdit."""
    cleaned = (published or "").strip() or None
    if cleaned is None:
        return None
    try:
        date_interval(cleaned)
    except ValueError:
        raise InvalidEdit(f"“{cleaned}” is not a publication date; write 2023, 2023-02 or 2023-02-02.") from None
    return cleaned


def checked_details(values: dict[str, str | None]) -> dict[str, str | None]:
    """The details a curator typed, trimmed and checked; one sentence (InvalidEdit) for a bad one."""
    unknown = set(values) - set(EDITABLE_DETAILS)
    if unknown:
        raise InvalidEdit(f"A source has no detail called {sorted(unknown)[0]!r}.")
    cleaned: dict[str, str | None] = {}
    for name, value in values.items():
        stripped = value.strip() if isinstance(value, str) else value
        cleaned[name] = stripped or None
    if "title" in cleaned and not cleaned["title"]:
        raise InvalidEdit("A source needs a title.")
    if cleaned.get("title"):
        cleaned["title"] = " ".join(str(cleaned["title"]).split())
    if "published" in cleaned:
        cleaned["published"] = checked_published(cleaned["published"])
    url = cleaned.get("url")
    if url is not None and not _URL.fullmatch(url):
        raise InvalidEdit(f"“{url}” is not a web address; write it in full, as https://example.org/page.")
    language = cleaned.get("language")
    if language is not None:
        if not _LANGUAGE.fullmatch(language):
            raise InvalidEdit(f"“{language}” is not a language code; use codes such as en, ru, kk or de.")
        cleaned["language"] = language.lower()
    return cleaned


def update_source(rec: Recorder, source_id: int, values: dict[str, str | None]) -> dict:
    """Change a source's details; conflicts that cite it are re-worded."""
    before = rec.require("source", source_id, "Source")
    after = rec.update("source", source_id, checked_details(values))
    if revisions.cited_name(before) != revisions.cited_name(after):
        keys, fact_ids = revisions.conflicts_citing(rec.conn, source_id)
        rec.conflict_keys |= keys
        rec.facts_touched |= fact_ids
    return after


# -- deleting a source ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceDeletion:
    """What deleting a source takes with it, to say before it is done."""

    source_id: int
    title: str
    evidence_count: int
    revision_count: int  # earlier texts kept of it
    facts_only_here: tuple[int, ...]  # facts whose every piece of evidence is in this source
    facts_also_elsewhere: int  # facts that keep evidence from other sources

    def sentence(self, *, delete_facts: bool) -> str:
        """What will happen, in words a curator reads before confirming."""
        if not self.evidence_count:
            return f"“{self.title}” supports no fact; deleting it removes only the source and its text."
        parts = [f"Deleting “{self.title}” removes its {_count(self.evidence_count, 'piece')} of evidence"]
        if self.facts_only_here:
            only = _count(len(self.facts_only_here), "fact")
            parts.append(f"{only} rest{'s' if len(self.facts_only_here) == 1 else ''} on this source alone and "
                         + ("will be deleted too" if delete_facts else "will be kept without evidence"))
        if self.facts_also_elsewhere:
            parts.append(f"{_count(self.facts_also_elsewhere, 'fact')} keep{'s' if self.facts_also_elsewhere == 1 else ''}"
                         " the evidence it has from other sources")
        return "; ".join(parts) + "."


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' if number != 1 else ''}"


_FACTS_OF_SOURCE = text("""
    SELECT e.fact_id,
           sum(CASE WHEN e.source_id = :source_id THEN 0 ELSE 1 END) AS elsewhere
    FROM evidence e
    WHERE e.fact_id IN (SELECT fact_id FROM evidence WHERE source_id = :source_id)
    GROUP BY e.fact_id
""")


def deletion_effects(conn: Connection, source_id: int) -> SourceDeletion:
    s, e, r = table("source"), table("evidence"), table("source_revision")
    title = conn.execute(select(s.c.title).where(s.c.id == source_id)).scalar()
    if title is None:
        raise InvalidEdit(f"Source {source_id} no longer exists.")
    evidence = conn.execute(select(func.count()).select_from(e).where(e.c.source_id == source_id)).scalar_one()
    revision_count = conn.execute(select(func.count()).select_from(r).where(r.c.source_id == source_id)).scalar_one()
    only_here, elsewhere = [], 0
    for fact_id, other_evidence in conn.execute(_FACTS_OF_SOURCE, {"source_id": source_id}):
        if other_evidence:
            elsewhere += 1
        else:
            only_here.append(fact_id)
    return SourceDeletion(source_id, title, evidence, revision_count, tuple(sorted(only_here)), elsewhere)


_SOURCE_CHILDREN = ("source_page", "source_revision")  # rows that only mean something with their source


def delete_source(rec: Recorder, source_id: int, *, delete_unsupported_facts: bool) -> SourceDeletion:
    """Delete a source with its evidence and earlier texts; facts it alone supports are deleted
    too or kept without evidence, as the curator chose (both undoable)."""
    from kzeu_desk.core.steps import delete_fact

    effects = deletion_effects(rec.conn, source_id)
    e = table("evidence")
    rec.delete_all("evidence", rec.conn.execute(select(e.c.id).where(e.c.source_id == source_id)).scalars().all())
    if delete_unsupported_facts:
        for fact_id in effects.facts_only_here:
            delete_fact(rec, fact_id)
    for child in _SOURCE_CHILDREN:
        rows = table(child)
        rec.delete_all(child, rec.conn.execute(select(rows.c.id).where(rows.c.source_id == source_id)
                                               .order_by(rows.c.id)).scalars().all())
    rec.delete("source", source_id)
    return effects

