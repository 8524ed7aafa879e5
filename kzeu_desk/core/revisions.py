"""Source revisions: recognising a new version of a source, its revision history, comparing two
revisions, and the evidence a curator has to look at after one.

`source.text` is always the current revision (every view reads it); superseded texts live in
`source_revision`, numbered from 1, so the current revision's number is one more than the highest
stored one. Evidence offsets point into the text of the evidence's `confirmed_revision`: the
current one for anchored evidence, an older one for orphaned evidence.

Reads only; the writes are `FactBase.import_revision` and the curator's decisions in the service.
"""

from __future__ import annotations

from typing import Any

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import Connection, select, text

from kzeu_desk.core.fact_detail import fact_labels
from kzeu_desk.core.citation import Citation
from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.documents.common import ReadDocument
from kzeu_desk.core.recorder import table
from kzeu_desk.core.text import sha256_text

if TYPE_CHECKING:  # the re-anchoring itself (its patterns, rapidfuzz) is imported when a revision is
    from kzeu_desk.core.reanchor import LastAnchor  # imported or the queue is read, not at start-up

# SQL for "this evidence row is anchored in its source's current text". Views that highlight or
# jump to evidence in `source.text` must add it; orphaned offsets point into an older revision.
ANCHORED_EVIDENCE = "e.anchor_state <> 'orphaned'"

# SQL for "fact f has evidence, and every piece of it is orphaned": the fact rests on nothing a
# reader can still find. For a facts-table status column or filter.
FACT_HAS_ONLY_ORPHANED_EVIDENCE = """(
    EXISTS (SELECT 1 FROM evidence o WHERE o.fact_id = f.id)
    AND NOT EXISTS (SELECT 1 FROM evidence o WHERE o.fact_id = f.id AND o.anchor_state <> 'orphaned')
)"""

_CURRENT_REVISION = text(
    "SELECT coalesce(max(number), 0) + 1 FROM source_revision WHERE source_id = :source_id")


def current_revision(conn: Connection, source_id: int) -> int:
    """The number of the revision `source.text` holds (1 until a new revision is imported)."""
    return conn.execute(_CURRENT_REVISION, {"source_id": source_id}).scalar_one()


def cited_name(source: dict) -> str:
    """How conflict explanations name a source: its short citation (core/citation.py)."""
    return Citation.from_row(source).short


def conflicts_citing(conn: Connection, source_id: int) -> tuple[set[tuple[int, int]], set[int]]:
    """The (subject, property) keys and the facts of conflicts with a member quoted from the source:
    what `conflicts.recheck` needs to re-word their explanations."""
    keys, fact_ids = set(), set()
    for subject_id, property_id, fact_id in conn.execute(text(
            "SELECT DISTINCT c.subject_id, c.property_id, m.fact_id FROM evidence e "
            "JOIN conflict_member m ON m.fact_id = e.fact_id JOIN conflict c ON c.id = m.conflict_id "
            "WHERE e.source_id = :source_id"), {"source_id": source_id}):
        fact_ids.add(fact_id)
        if subject_id is not None and property_id is not None:
            keys.add((subject_id, property_id))
    return keys, fact_ids


# -- recognising a new version of a source -------------------------------------------------------


class MatchReason(StrEnum):
    ORIGINAL = "the same original file"
    URL = "the same address"
    TITLE_AND_PUBLISHER = "the same title and publisher"
    FILE_NAME = "the same file name"


@dataclass(frozen=True, slots=True)
class SourceMatch:
    source_id: int
    title: str
    reason: MatchReason
    identical: bool  # the document's text is the source's current text: nothing to import

    def describe(self) -> str:
        """One sentence for the curator."""
        if self.identical:
            return f"This is the current text of “{self.title}” ({self.reason.value}); there is nothing new in it."
        return f"This looks like a new version of “{self.title}”: it has {self.reason.value}."


def find_matching_source(conn: Connection, document: ReadDocument, metadata: object) -> SourceMatch | None:
    """An existing source the document is another version of: the same URL, or else the same
    title and publisher (both given), or else the same file name (what a plain file import has).
    `metadata` is a `service.SourceMetadata` (read by attribute,
    so this module does not depend on the service). Titles and addresses compare loosely: case,
    spacing, a "www.", the scheme and a trailing slash or fragment do not count."""
    source = table("source")
    by_original = _source_with_original(conn, document)
    if by_original is not None:
        return by_original
    url = _normalised_url(getattr(metadata, "url", None) or document.metadata.url)
    title = _normalised_words(getattr(metadata, "title", None) or document.title)
    publisher = _normalised_words(getattr(metadata, "publisher", None))
    found: tuple[dict[str, Any], MatchReason] | None = None
    if url:
        # Addresses are few (one per source) and must be normalised in Python, so all are read.
        for row in conn.execute(select(source.c.id, source.c.title, source.c.url, source.c.text_sha256)
                                .where(source.c.url.is_not(None)).order_by(source.c.id.desc())).mappings():
            if _normalised_url(row["url"]) == url:
                found = (dict(row), MatchReason.URL)
                break
    if found is None and title and publisher:
        for row in conn.execute(select(source.c.id, source.c.title, source.c.publisher, source.c.text_sha256)
                                .where(source.c.publisher.is_not(None)).order_by(source.c.id.desc())).mappings():
            if _normalised_words(row["title"]) == title and _normalised_words(row["publisher"]) == publisher:
                found = (dict(row), MatchReason.TITLE_AND_PUBLISHER)
                break
    if found is None and document.file_name:
        named = conn.execute(select(source.c.id, source.c.title, source.c.text_sha256)
                             .where(source.c.file_name == document.file_name)
                             .order_by(source.c.id.desc()).limit(1)).mappings().first()
        if named is not None:
            found = (dict(named), MatchReason.FILE_NAME)
    if found is None:
        return None
    match, reason = found
    return SourceMatch(match["id"], match["title"], reason, match["text_sha256"] == sha256_text(document.text))


def _source_with_original(conn: Connection, document: ReadDocument) -> SourceMatch | None:
    """The source whose current text (or an earlier revision) was read from these very bytes: the file
    is recognised even when a newer reader would extract its text differently."""
    if document.original is None:
        return None
    sha256 = document.original.sha256
    source, revision = table("source"), table("source_revision")
    row = conn.execute(select(source.c.id, source.c.title).where(source.c.original_sha256 == sha256)
                       .order_by(source.c.id).limit(1)).first()
    if row is None:
        row = conn.execute(select(source.c.id, source.c.title).join(revision, revision.c.source_id == source.c.id)
                           .where(revision.c.original_sha256 == sha256).order_by(source.c.id).limit(1)).first()
    return None if row is None else SourceMatch(row.id, row.title, MatchReason.ORIGINAL, True)


def _normalised_words(value: str | None) -> str:
    return " ".join(value.split()).casefold() if value else ""


def _normalised_url(value: str | None) -> str:
    if not value or not value.strip():
        return ""
    parts = urlsplit(value.strip() if "://" in value else f"http://{value.strip()}")
    host = parts.netloc.casefold().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


# -- revision history ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    number: int
    current: bool
    imported_at: str
    imported_by: str
    file_name: str | None
    encoding: str | None
    char_count: int
    superseded_at: str | None  # None for the current revision


def revision_history(conn: Connection, source_id: int) -> list[RevisionInfo]:
    """Every revision of a source, newest (the current one) first."""
    revision, source = table("source_revision"), table("source")
    current = conn.execute(select(source).where(source.c.id == source_id)).mappings().first()
    if current is None:
        return []
    older = conn.execute(
        select(revision.c.number, revision.c.imported_at, revision.c.imported_by, revision.c.file_name,
               revision.c.encoding, revision.c.char_count, revision.c.superseded_at)
        .where(revision.c.source_id == source_id).order_by(revision.c.number.desc())
    ).mappings().all()
    newest = RevisionInfo(current_revision(conn, source_id), True, current["imported_at"], current["imported_by"],
                          current["file_name"], current["encoding"], current["char_count"], None)
    return [newest, *(RevisionInfo(current=False, **dict(row)) for row in older)]


def revision_text(conn: Connection, source_id: int, number: int) -> str | None:
    """The text of one revision (the current one comes from `source.text`); None if there is none."""
    return revision_texts(conn, source_id, [number]).get(number)


def revision_texts(conn: Connection, source_id: int, numbers: Iterable[int]) -> dict[int, str]:
    wanted = set(numbers)
    texts: dict[int, str] = {}
    current = current_revision(conn, source_id)
    if current in wanted:
        found = conn.execute(select(table("source").c.text).where(table("source").c.id == source_id)).scalar()
        if found is not None:
            texts[current] = found
    older = wanted - {current}
    if older:
        revision = table("source_revision")
        texts.update(conn.execute(select(revision.c.number, revision.c.text).where(
            revision.c.source_id == source_id, revision.c.number.in_(sorted(older)))).all())
    return texts


# -- what re-anchoring starts from ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnchoringInputs:
    """A source's current state and its evidence, as re-anchoring onto a new text needs them."""

    source: dict
    revision: int  # the current revision's number
    anchors: list[LastAnchor]
    evidence: dict[int, dict]  # evidence id -> its row
    old_texts: dict[int, str]  # the texts the anchors point into, by revision number


def anchoring_inputs(conn: Connection, source_id: int) -> AnchoringInputs | None:
    source_table, evidence_table = table("source"), table("evidence")
    source = conn.execute(select(source_table).where(source_table.c.id == source_id)).mappings().first()
    if source is None:
        return None
    rows = {row["id"]: dict(row) for row in conn.execute(
        select(evidence_table).where(evidence_table.c.source_id == source_id).order_by(evidence_table.c.id)
    ).mappings()}
    from kzeu_desk.core.reanchor import LastAnchor

    anchors = [LastAnchor(row["id"], row["start"], row["end"], row["quote"], row["prefix"], row["suffix"],
                          row["confirmed_revision"]) for row in rows.values()]
    revision = current_revision(conn, source_id)
    old_texts = revision_texts(conn, source_id, {a.revision for a in anchors} - {revision})
    old_texts[revision] = source["text"]
    return AnchoringInputs(dict(source), revision, anchors, rows, old_texts)


# -- comparing two revisions ---------------------------------------------------------------------


class DiffKind(StrEnum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True, slots=True)
class DiffPiece:
    kind: DiffKind
    text: str
    old_start: int  # where the piece starts in the old text (for ADDED: where it was inserted)
    new_start: int  # where it starts in the new text (for REMOVED: where it would have been)


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def text_diff(old: str, new: str) -> list[DiffPiece]:
    """What changed from `old` to `new`, word by word: paragraphs are compared first (cheap, and
    unchanged ones are skipped whole), then the words of each changed stretch."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    pieces: list[DiffPiece] = []
    old_offsets, new_offsets = _line_offsets(old_lines), _line_offsets(new_lines)
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, old_from, old_to, new_from, new_to in lines.get_opcodes():
        old_base, new_base = old_offsets[old_from], new_offsets[new_from]
        old_part, new_part = "".join(old_lines[old_from:old_to]), "".join(new_lines[new_from:new_to])
        if tag == "equal":
            _append(pieces, DiffKind.SAME, old_part, old_base, new_base)
        else:
            pieces.extend(_word_diff(old_part, new_part, old_base, new_base))
    return pieces


def _line_offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def _word_diff(old: str, new: str, old_base: int, new_base: int) -> list[DiffPiece]:
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    old_offsets, new_offsets = _line_offsets(old_tokens), _line_offsets(new_tokens)
    pieces: list[DiffPiece] = []
    words = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, old_from, old_to, new_from, new_to in words.get_opcodes():
        old_at, new_at = old_base + old_offsets[old_from], new_base + new_offsets[new_from]
        if tag == "equal":
            _append(pieces, DiffKind.SAME, "".join(old_tokens[old_from:old_to]), old_at, new_at)
            continue
        if old_to > old_from:
            _append(pieces, DiffKind.REMOVED, "".join(old_tokens[old_from:old_to]), old_at, new_at)
        if new_to > new_from:
            _append(pieces, DiffKind.ADDED, "".join(new_tokens[new_from:new_to]),
                    old_base + old_offsets[old_to], new_at)
    return pieces


def _append(pieces: list[DiffPiece], kind: DiffKind, piece_text: str, old_start: int, new_start: int) -> None:
    if not piece_text:
        return
    if pieces and pieces[-1].kind is kind:
        last = pieces[-1]
        pieces[-1] = DiffPiece(kind, last.text + piece_text, last.old_start, last.new_start)
    else:
        pieces.append(DiffPiece(kind, piece_text, old_start, new_start))


def map_offset(pieces: list[DiffPiece], old_offset: int) -> int:
    """Where an offset of the old text ended up in the new one (inside a removed stretch: where
    the removal happened), so a view can show the new text where the old passage stood."""
    same = [p for p in pieces if p.kind is not DiffKind.ADDED]
    starts = [p.old_start for p in same]
    number = bisect_right(starts, old_offset) - 1
    if number < 0:
        return 0
    piece = same[number]
    if piece.kind is DiffKind.SAME:
        return piece.new_start + min(old_offset - piece.old_start, len(piece.text))
    return piece.new_start


def diff_counts(pieces: Iterable[DiffPiece]) -> tuple[int, int]:
    """(words removed, words added): the size of a revision, as the history lists it."""
    removed = added = 0
    for piece in pieces:
        words = len(re.findall(r"\w+", piece.text))
        if piece.kind is DiffKind.REMOVED:
            removed += words
        elif piece.kind is DiffKind.ADDED:
            added += words
    return removed, added


def orphaned_evidence_ids(conn: Connection, source_id: int) -> set[int]:
    """Evidence of a source whose offsets point into an older revision: never to be drawn on the
    current text."""
    evidence = table("evidence")
    return set(conn.execute(select(evidence.c.id).where(
        evidence.c.source_id == source_id, evidence.c.anchor_state == AnchorState.ORPHANED.value)).scalars())


# -- the orphan queue ----------------------------------------------------------------------------


class ReviewReason(StrEnum):
    ORPHANED = "lost"
    WEAK_MATCH = "weak match"
    NUMBER_CHANGED = "number changed"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One evidence span a curator has to look at after a new revision."""

    evidence_id: int
    fact_id: int
    fact_label: str
    source_id: int
    source_title: str
    state: AnchorState
    score: float | None
    reason: ReviewReason
    current_revision: int
    # Where the evidence was last confirmed, and what it quoted there.
    old_revision: int
    old_start: int
    old_end: int
    old_quote: str
    # A fuzzy match's proposed place in the current text (None for an orphan).
    new_start: int | None
    new_end: int | None
    new_quote: str | None
    fact_left_without_evidence: bool  # every piece of the fact's evidence is orphaned

    def describe(self) -> str:
        """One line for the queue: why this evidence waits."""
        if self.reason is ReviewReason.ORPHANED:
            return f"Not found in revision {self.current_revision}; last seen in revision {self.old_revision}."
        score = f"{self.score:.0%}" if self.score is not None else "?"
        if self.reason is ReviewReason.NUMBER_CHANGED:
            return f"Number changed in revision {self.current_revision} ({score} alike)."
        return f"Found approximately in revision {self.current_revision} ({score} alike)."


_QUEUE_CANDIDATES = text(f"""
    SELECT e.id AS evidence_id, e.fact_id, e.source_id, s.title AS source_title, e.anchor_state, e.anchor_score,
           e.number_changed, e.start, e."end", e.quote, e.confirmed_revision, e.previous_revision, e.previous_start, e.previous_end,
           (SELECT coalesce(max(r.number), 0) + 1 FROM source_revision r WHERE r.source_id = e.source_id)
               AS current_revision,
           NOT EXISTS (SELECT 1 FROM evidence o WHERE o.fact_id = e.fact_id AND o.anchor_state <> 'orphaned')
               AS fact_left_without_evidence
    FROM evidence e JOIN source s ON s.id = e.source_id
    WHERE e.anchor_state IN ('{AnchorState.ORPHANED.value}', '{AnchorState.FUZZY.value}')
    ORDER BY s.title, e.source_id, e.start, e.id
""")


def review_queue(conn: Connection) -> list[ReviewItem]:
    """Orphaned evidence, and fuzzy matches a curator should confirm (weak, or a number changed)."""
    rows = [dict(r) for r in conn.execute(_QUEUE_CANDIDATES).mappings()]
    old_texts = _old_texts_for(conn, rows)
    labels = fact_labels(conn, {row["fact_id"] for row in rows})
    items: list[ReviewItem] = []
    for row in rows:
        state = AnchorState(row["anchor_state"])
        if state is AnchorState.ORPHANED:
            old_revision, old_start, old_end = row["confirmed_revision"], row["start"], row["end"]
            old_quote, new_span, new_quote = row["quote"], (None, None), None
            reason = ReviewReason.ORPHANED
        else:
            old_revision, old_start, old_end = _previous_anchor(row)
            old_text = old_texts.get((row["source_id"], old_revision))
            old_quote = old_text[old_start:old_end] if old_text is not None else row["quote"]
            new_span, new_quote = (row["start"], row["end"]), row["quote"]
            number_changed = bool(row["number_changed"])
            if not needs_review(state, row["anchor_score"], number_changed):
                continue
            reason = ReviewReason.NUMBER_CHANGED if number_changed else ReviewReason.WEAK_MATCH
        items.append(ReviewItem(
            evidence_id=row["evidence_id"], fact_id=row["fact_id"], fact_label=labels[row["fact_id"]],
            source_id=row["source_id"], source_title=row["source_title"], state=state, score=row["anchor_score"],
            reason=reason, current_revision=row["current_revision"], old_revision=old_revision,
            old_start=old_start, old_end=old_end, old_quote=old_quote, new_start=new_span[0], new_end=new_span[1],
            new_quote=new_quote, fact_left_without_evidence=bool(row["fact_left_without_evidence"]),
        ))
    return items


def _previous_anchor(row: dict) -> tuple[int, int, int]:
    if row["previous_revision"] is None:  # a fuzzy match recorded without its origin: show itself
        return row["confirmed_revision"], row["start"], row["end"]
    return row["previous_revision"], row["previous_start"], row["previous_end"]


def _old_texts_for(conn: Connection, rows: list[dict]) -> dict[tuple[int, int], str]:
    """The superseded texts the fuzzy matches came from, one read per (source, revision)."""
    wanted = {(row["source_id"], row["previous_revision"]) for row in rows
              if row["anchor_state"] == AnchorState.FUZZY.value and row["previous_revision"] is not None}
    texts: dict[tuple[int, int], str] = {}
    for source_id in {source_id for source_id, _ in wanted}:
        numbers = [number for s, number in wanted if s == source_id]
        for number, body in revision_texts(conn, source_id, numbers).items():
            texts[(source_id, number)] = body
    return texts


_UNANCHORED_FACTS = text(f"SELECT f.id FROM fact f WHERE {FACT_HAS_ONLY_ORPHANED_EVIDENCE} ORDER BY f.id")


def facts_with_only_orphaned_evidence(conn: Connection) -> list[int]:
    """Facts that rest on nothing a reader can still find in their sources."""
    return list(conn.execute(_UNANCHORED_FACTS).scalars())


# -- invariants for `kzeu-desk check` -------------------------------------------------------------

# Queries returning one descriptive row per violation, in the form of integrity._INVARIANTS; the
# first replaces the check of the same name there, which cannot hold for orphaned evidence.
INTEGRITY_CHECKS: dict[str, str] = {
    "evidence quote matches its source": """
        SELECT 'evidence ' || e.id || ' quotes text that is not at ' || e.start || '-' || e."end"
               || ' of source ' || s.id || ' revision ' || e.confirmed_revision
        FROM evidence e JOIN source s ON s.id = e.source_id
        LEFT JOIN source_revision r ON r.source_id = e.source_id AND r.number = e.confirmed_revision
        WHERE coalesce(substr(CASE WHEN e.anchor_state = 'orphaned' THEN r.text ELSE s.text END,
                              e.start + 1, e."end" - e.start), '') <> e.quote
           OR e."end" > CASE WHEN e.anchor_state = 'orphaned' THEN coalesce(r.char_count, -1) ELSE s.char_count END
    """,
    "anchored evidence points into the current revision": """
        SELECT 'evidence ' || e.id || ' is ' || e.anchor_state || ' in revision ' || e.confirmed_revision
               || ' of source ' || e.source_id || ', whose current revision is ' || current.number
        FROM evidence e
        JOIN (SELECT s.id AS source_id,
                     coalesce((SELECT max(r.number) FROM source_revision r WHERE r.source_id = s.id), 0) + 1 AS number
              FROM source s) current ON current.source_id = e.source_id
        WHERE (e.anchor_state <> 'orphaned' AND e.confirmed_revision <> current.number)
           OR (e.anchor_state = 'orphaned' AND e.confirmed_revision >= current.number)
    """,
    "only fuzzy evidence has a changed number": """
        SELECT 'evidence ' || id || ' is ' || anchor_state || ' but marked as having a changed number'
        FROM evidence WHERE number_changed AND anchor_state <> 'fuzzy'
    """,
    "only fuzzy evidence has a score": """
        SELECT 'evidence ' || id || ' is ' || anchor_state || ' with score ' || coalesce(CAST(anchor_score AS text), 'none')
        FROM evidence WHERE (anchor_state = 'fuzzy') <> (anchor_score IS NOT NULL)
    """,
    "revisions are numbered from 1 without gaps": """
        SELECT 'source ' || source_id || ' keeps ' || count(*) || ' earlier revisions numbered up to ' || max(number)
        FROM source_revision GROUP BY source_id HAVING max(number) <> count(*) OR min(number) <> 1
    """,
    "revision text matches its length": """
        SELECT 'revision ' || number || ' of source ' || source_id || ' has ' || length(text)
               || ' characters but records ' || char_count
        FROM source_revision WHERE length(text) <> char_count
    """,
}
