"""Importing files without a window: each one as a new source, or as a new revision of a source it
revises, and what happened said in a line a script can read (`kzeu-desk import`).

A file that looks like another version of a source already in the fact base (the same address, the
same title and publisher, or the same file name: `revisions.find_matching_source`) is never made a
second source without a word: it is imported as a revision when the caller names the source, kept
apart when the caller says so, and otherwise left out with a sentence saying which source it
resembles and how to import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select

from kzeu_desk.core import revisions
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.recorder import table
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.text import sha256_text


class Outcome(StrEnum):
    IMPORTED = "imported"  # a new source
    ALREADY_THERE = "already there"  # the text of a source it matches: nothing to do
    LOOKS_LIKE_REVISION = "looks like a revision"  # left out: the caller must choose
    NEW_REVISION = "new revision"
    UNCHANGED = "unchanged"  # --revision-of with the source's current text


@dataclass(frozen=True, slots=True)
class FileImport:
    """What importing one file did."""

    outcome: Outcome
    file_name: str
    source_id: int | None
    title: str
    detail: str  # one sentence; for a new source, the tab-separated line import always printed
    to_check: tuple[revisions.ReviewItem, ...] = ()

    @property
    def imported(self) -> bool:
        return self.outcome in (Outcome.IMPORTED, Outcome.NEW_REVISION)


def import_file(fact_base: FactBase, document: ReadDocument, *, as_new_source: bool = False) -> FileImport:
    """A file as a new source, unless it is a source's current text (then nothing is imported) or
    looks like a new version of one (then nothing is imported and `detail` says what to do, unless
    `as_new_source` says to keep it apart anyway)."""
    with fact_base.reading() as conn:
        match = revisions.find_matching_source(conn, document, None)
    name = document.file_name
    if match is not None and match.identical:
        return FileImport(Outcome.ALREADY_THERE, name, match.source_id, match.title,
                          f"not imported: it is already imported as source {match.source_id} “{match.title}” "
                          f"({match.reason.value}).")
    if match is not None and not as_new_source:
        return FileImport(
            Outcome.LOOKS_LIKE_REVISION, name, match.source_id, match.title,
            f"not imported: it looks like a new version of source {match.source_id} “{match.title}” "
            f"({match.reason.value}); import it with --revision-of {match.source_id}, or with --as-new-source "
            "to keep it as a separate source.")
    changes = fact_base.import_document(document)
    source_id = changes.new_id("source")
    with fact_base.reading() as conn:
        title = conn.execute(select(table("source").c.title).where(table("source").c.id == source_id)).scalar_one()
    # The line `kzeu-desk import` always printed for an imported file (scripts read it), and a
    # fourth field when the file was kept apart from a source it resembles.
    apart = (f"\tkept apart from source {match.source_id} “{match.title}” ({match.reason.value})"
             if match is not None else "")
    kind = f"{len(document.page_starts)} pages" if document.page_starts else (document.encoding or document.format)
    return FileImport(Outcome.IMPORTED, name, source_id, title, f"{title}\t{len(document.text)} characters\t{kind}{apart}")


def import_revision_of(fact_base: FactBase, source_id: int, document: ReadDocument) -> FileImport:
    """A file as the new current text of source `source_id`: its evidence re-anchored, and the
    spans a curator must look at listed (lost, weak or with a changed number)."""
    with fact_base.reading() as conn:
        source = conn.execute(select(table("source").c.title, table("source").c.text_sha256)
                              .where(table("source").c.id == source_id)).first()
    if source is None:
        raise InvalidEdit(f"There is no source {source_id} in this fact base.")
    title = source.title
    if source.text_sha256 == sha256_text(document.text):
        return FileImport(Outcome.UNCHANGED, document.file_name, source_id, title,
                          f"is the current text of source {source_id} “{title}”; no new revision was made.")
    fact_base.import_revision(source_id, document)
    with fact_base.reading() as conn:
        revision = revisions.current_revision(conn, source_id)
        evidence = table("evidence")
        states: dict[str, int] = dict(conn.execute(select(evidence.c.anchor_state, func.count()).where(evidence.c.source_id == source_id)
                                   .group_by(evidence.c.anchor_state)).all())
        to_check = tuple(item for item in revisions.review_queue(conn) if item.source_id == source_id)
    counted = ", ".join(f"{states[state.value]} {state.value}" for state in AnchorState if states.get(state.value))
    spans = sum(states.values())
    evidence_said = f"{spans} evidence span{'s' if spans != 1 else ''} ({counted})" if spans else "no evidence"
    return FileImport(Outcome.NEW_REVISION, document.file_name, source_id, title,
                      f"imported as revision {revision} of source {source_id} “{title}”; {evidence_said}; "
                      f"{len(to_check)} to check in Evidence to check.", to_check)


def describe_to_check(item: revisions.ReviewItem) -> str:
    """One tab-separated line for a span a curator must look at."""
    if item.new_quote is None:
        where = f"“{_short(item.old_quote)}”"
    else:
        where = f"“{_short(item.old_quote)}” → “{_short(item.new_quote)}”"
    return f"to check\tevidence {item.evidence_id}\tfact {item.fact_id}\t{item.reason.value}\t{where}"


def _short(quote: str, limit: int = 80) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"

