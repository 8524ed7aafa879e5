"""The fact base's tables.

Times are ISO-8601 UTC strings and dates are ISO strings truncated to their precision, so rows
serialise to JSON (audit images, exports) without conversion and sort correctly as text.
Enumerated columns are plain strings guarded by CHECK constraints: the database itself refuses
a value the app does not know, whichever client wrote it.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import CheckConstraint, Column, Index, LargeBinary, UniqueConstraint, text
from sqlalchemy import false as sa_false
from sqlmodel import Field, SQLModel

from kzeu_desk.core.typed_value import ValueKind


class FactStatus(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    REJECTED = "rejected"


class FactRank(StrEnum):
    PREFERRED = "preferred"
    NORMAL = "normal"
    DEPRECATED = "deprecated"


class LinkKind(StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    DUPLICATE_OF = "duplicate_of"
    DERIVED_FROM = "derived_from"
    RELATED = "related"


class ConflictRule(StrEnum):
    VALUE = "value"
    DECLARED = "declared"
    MANUAL = "manual"


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


class AnchorState(StrEnum):
    """How an evidence span was found in its source's current revision (see core.reanchor)."""

    EXACT = "exact"  # the quote with its prefix and suffix, or placed by a curator
    MOVED = "moved"  # the quote itself, unchanged, in changed surroundings
    FUZZY = "fuzzy"  # an approximate match; anchor_score says how close
    ORPHANED = "orphaned"  # not found: start/end/quote still point into confirmed_revision


# Undo re-inserts a deleted row under its old id, so an id must never be handed out twice.
_NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


def _one_of(column: str, values: type[StrEnum]) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=f"ck_{column}_known")


def _workflow_order(column: str, values: type[StrEnum]) -> str:
    """The facts table's order of statuses and ranks (fact_listing._workflow_order), for its indexes."""
    branches = " ".join(f"WHEN '{member.value}' THEN {position}" for position, member in enumerate(values))
    return f"CASE {column} {branches} ELSE {len(values)} END"


class Source(SQLModel, table=True):
    __table_args__ = (_NEVER_REUSE_IDS,)
    id: int | None = Field(default=None, primary_key=True)
    title: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date truncated to its precision
    language: str | None = None
    text: str  # canonical text; every evidence offset points into it
    text_sha256: str = Field(index=True)
    char_count: int
    file_name: str | None = None
    encoding: str | None = None
    note: str | None = None
    imported_at: str
    imported_by: str
    # Where the text came from (core/documents): "pdf", "docx", "odt", "html", "text", "markdown";
    # the reader and library versions that made it; the kept original file; when a web page was fetched.
    format: str | None = None
    extractor: str | None = None
    original_sha256: str | None = Field(default=None, index=True)
    retrieved_at: str | None = None


class SourcePage(SQLModel, table=True):
    """Where a page of a source's text starts and ends (PDF sources), per revision, so every
    evidence span knows its page: the page holding `start` is the one with start <= it < end."""

    __tablename__ = "source_page"
    __table_args__ = (
        UniqueConstraint("source_id", "revision", "number"),
        CheckConstraint("number >= 1 AND revision >= 1 AND start >= 0 AND \"end\" >= start",
                        name="ck_source_page_span"),
        Index("ix_source_page_start", "source_id", "revision", "start"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    revision: int  # the source revision whose text the offsets count in
    number: int  # 1 = the file's first page
    start: int  # code points into that revision's text
    end: int
    label: str | None = None  # the page number printed in the document, when it differs from `number`


class OriginalFile(SQLModel, table=True):
    """The file a source's text was read from, compressed, named by the SHA-256 of its bytes.
    Kept in the fact base (not beside it) so it travels with backups and a shared server; one row
    serves every source and revision read from the same bytes, and rows are never changed."""

    __tablename__ = "original_file"
    sha256: str = Field(primary_key=True)
    media_type: str
    byte_count: int
    compression: str  # "zlib"
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    stored_at: str


class Entity(SQLModel, table=True):
    __table_args__ = (_NEVER_REUSE_IDS,)
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str = "other"  # country, organisation, agreement, person, other
    description: str | None = None
    external_id: str | None = None  # e.g. a Wikidata Q-id


class EntityAlias(SQLModel, table=True):
    __tablename__ = "entity_alias"
    __table_args__ = (UniqueConstraint("entity_id", "alias"), _NEVER_REUSE_IDS)
    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", index=True, ondelete="CASCADE")
    alias: str
    alias_key: str = Field(index=True)  # casefolded, for lookup and completion


class Property(SQLModel, table=True):
    __table_args__ = (_one_of("value_kind", ValueKind), _NEVER_REUSE_IDS)
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)  # stable slug used by exports and seeds
    name: str = Field(unique=True)
    value_kind: str
    single_valued: bool = True
    default_unit: str | None = None
    tolerance: float | None = None  # relative tolerance for approximate values; None = app default
    description: str | None = None
    wikidata_pid: str | None = None
    # The units a numeric value may have, as a JSON array of strings (core/property_info.py); None: any.
    allowed_units: str | None = None
    subject_kind: str | None = None  # the kind of entity a subject should be (entity.kind); None: any
    # A deprecated property keeps its facts but is offered for no new ones.
    deprecated: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})


class PropertySeparator(SQLModel, table=True):
    """A qualifier whose values separate a single-valued property's values, as in Wikibase's
    single-value constraint: facts that differ in it state different things and do not conflict."""

    __tablename__ = "property_separator"
    __table_args__ = (
        UniqueConstraint("property_id", "qualifier_property_id"),
        CheckConstraint("property_id <> qualifier_property_id", name="ck_separator_not_self"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    property_id: int = Field(foreign_key="property.id", index=True)
    qualifier_property_id: int = Field(foreign_key="property.id", index=True)


class Fact(SQLModel, table=True):
    __table_args__ = (
        _one_of("value_kind", ValueKind),
        _one_of("status", FactStatus),
        _one_of("rank", FactRank),
        # Covering index: the conflict scan and the per-key incremental check read only these.
        Index(
            "ix_fact_subject_property",
            "subject_id", "property_id", "status", "value_kind", "value_amount", "value_date",
        ),
        Index("ix_fact_updated", "updated_at", "id"),
        # The full conflict re-scan reads only this (conflicts._candidates_where_scopes_may_overlap):
        # its key filter, the pairs of one key's facts in a year, and the candidates' rows, without table lookups.
        Index("ix_fact_key_values",
              "subject_id", "property_id", "point_in_time", "start_time", "end_time", "status", "rank",
              "value_kind", "value_amount", "value_lower", "value_upper", "value_approximate", "value_unit",
              "value_date", "value_date_end", "value_entity_id", "value_text"),
        # The facts table (core/fact_listing.py): the status filter's count and pages, then each
        # sort's own order, so a page is read from an index instead of sorting every fact. The
        # expressions must be the listing's sort expressions, word for word (tests/test_schema.py).
        Index("ix_fact_status", "status", "id"),
        Index("ix_fact_status_order", text(_workflow_order("status", FactStatus)), "id"),
        Index("ix_fact_rank_order", text(_workflow_order("rank", FactRank)), "id"),
        Index("ix_fact_value_order", "value_kind", text("coalesce(value_date, '')"),
              text("coalesce(value_amount, -9e999)"), text("coalesce(value_text, '')"), "id"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    # A draft made from a highlight has its value before the curator picks subject and property.
    subject_id: int | None = Field(default=None, foreign_key="entity.id")
    property_id: int | None = Field(default=None, foreign_key="property.id", index=True)
    value_kind: str
    value_amount: float | None = None
    value_lower: float | None = None
    value_upper: float | None = None
    value_approximate: bool = False
    value_unit: str | None = None
    value_date: str | None = None
    value_date_end: str | None = None  # last day of a date range; see core/typed_value.py
    value_entity_id: int | None = Field(default=None, foreign_key="entity.id")
    value_text: str | None = None
    point_in_time: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    scope_note: str | None = None
    status: str = FactStatus.DRAFT.value
    rank: str = FactRank.NORMAL.value
    note: str | None = None
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    version: int = 1  # bumped on every change; a stale edit is refused, never applied


class FactQualifier(SQLModel, table=True):
    """One (qualifier property, typed value) pair of a fact, beside its point in time, start, end and
    scope note: "partner: China", "applies to part: non-oil exports". A fact has any number."""

    __tablename__ = "fact_qualifier"
    __table_args__ = (_one_of("value_kind", ValueKind), _NEVER_REUSE_IDS)
    id: int | None = Field(default=None, primary_key=True)
    fact_id: int = Field(foreign_key="fact.id", index=True)
    property_id: int = Field(foreign_key="property.id", index=True)
    value_kind: str
    value_amount: float | None = None
    value_lower: float | None = None
    value_upper: float | None = None
    value_approximate: bool = False
    value_unit: str | None = None
    value_date: str | None = None
    value_date_end: str | None = None
    value_entity_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    value_text: str | None = None


class Evidence(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="ck_evidence_span"),
        Index("ix_evidence_source_span", "source_id", "start", "end"),
        _one_of("anchor_state", AnchorState),
        CheckConstraint("anchor_score IS NULL OR (anchor_score >= 0 AND anchor_score <= 1)",
                        name="ck_evidence_anchor_score"),
        CheckConstraint("confirmed_revision >= 1", name="ck_evidence_confirmed_revision"),
        # The orphan queue reads the few evidence rows that are not exactly anchored.
        Index("ix_evidence_anchor_state", "anchor_state", "source_id"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    fact_id: int = Field(foreign_key="fact.id", index=True)
    source_id: int = Field(foreign_key="source.id")
    start: int  # code points into source.text
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    source_sha256: str
    created_at: str
    created_by: str
    # Where start/end/quote point: the source's current revision for anchored evidence, the last
    # revision it was found in for orphaned evidence. Sources begin at revision 1.
    anchor_state: str = Field(default=AnchorState.EXACT.value,
                              sa_column_kwargs={"server_default": AnchorState.EXACT.value})
    anchor_score: float | None = None  # 0..1, set for fuzzy matches
    confirmed_revision: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # The span a fuzzy match was moved from, kept until a curator accepts or re-attaches it, so the
    # orphan queue can show the old quote in its old context.
    previous_revision: int | None = None
    previous_start: int | None = None
    previous_end: int | None = None
    # A fuzzy match whose figures differ from the quote it was placed from ("US$77 billion" found as
    # "US$78 billion"): a change of content, so it waits for a curator whatever its score, and the
    # exports say so. Cleared when a curator accepts or re-attaches the evidence.
    number_changed: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})


class DismissedCandidate(SQLModel, table=True):
    """A figure or date in a source that a curator judged not to be a fact (a page number, a
    phone number, a figure already covered): the candidates list leaves it out. Kept in the fact
    base, so everyone sharing it sees the same list; undone like any other action."""

    __tablename__ = "dismissed_candidate"
    __table_args__ = (UniqueConstraint("source_id", "start", "end"),
                      CheckConstraint("start >= 0 AND \"end\" > start", name="ck_dismissed_candidate_span"),
                      _NEVER_REUSE_IDS)
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    start: int  # code points into source.text, as evidence offsets
    end: int
    # The words dismissed: a revised text that no longer has them there brings the candidate back.
    quote: str
    dismissed_at: str
    dismissed_by: str


class SourceRevision(SQLModel, table=True):
    """A superseded text of a source. The current text stays in `source.text` (every view reads it);
    revision numbers count from 1, so the current one is one more than the highest number here."""

    __tablename__ = "source_revision"
    __table_args__ = (
        UniqueConstraint("source_id", "number"),
        CheckConstraint("number >= 1", name="ck_source_revision_number"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    number: int
    text: str  # canonical, as source.text was while this revision was current
    text_sha256: str
    char_count: int
    file_name: str | None = None
    encoding: str | None = None
    imported_at: str  # when this text was imported, not when it was superseded
    imported_by: str
    superseded_at: str
    superseded_by: str
    format: str | None = None
    extractor: str | None = None
    original_sha256: str | None = None
    retrieved_at: str | None = None


class FactLink(SQLModel, table=True):
    __tablename__ = "fact_link"
    __table_args__ = (
        _one_of("kind", LinkKind),
        UniqueConstraint("from_fact_id", "to_fact_id", "kind"),
        CheckConstraint("from_fact_id <> to_fact_id", name="ck_link_not_self"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    from_fact_id: int = Field(foreign_key="fact.id", index=True)
    to_fact_id: int = Field(foreign_key="fact.id", index=True)
    kind: str
    note: str | None = None
    created_at: str
    created_by: str


class Conflict(SQLModel, table=True):
    __table_args__ = (
        _one_of("rule", ConflictRule),
        _one_of("status", ConflictStatus),
        Index("ix_conflict_status", "status", "id"),
        # Conflicts of one (subject, property): every conflict check looks them up so.
        Index("ix_conflict_rule_key", "rule", "subject_id", "property_id"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    rule: str
    signature: str = Field(unique=True)  # rule + sorted member ids: one row per disagreement
    subject_id: int | None = Field(default=None, foreign_key="entity.id")
    property_id: int | None = Field(default=None, foreign_key="property.id")
    status: str = ConflictStatus.OPEN.value
    explanation: str
    members_fingerprint: str  # member ids+versions when last judged; a change re-opens
    # Value conflicts: a digest of what the check wrote this row from (conflicts._worded_under), so
    # the full re-scan can pass over the rows whose inputs have not changed (0011).
    worded_under: str | None = None
    resolution: str | None = None  # prefer, scope, merge, reject, dismiss
    rationale: str | None = None
    resolved_by: str | None = None
    resolved_at: str | None = None
    created_at: str


class ConflictMember(SQLModel, table=True):
    __tablename__ = "conflict_member"
    __table_args__ = (UniqueConstraint("conflict_id", "fact_id"), _NEVER_REUSE_IDS)
    id: int | None = Field(default=None, primary_key=True)
    conflict_id: int = Field(foreign_key="conflict.id")
    fact_id: int = Field(foreign_key="fact.id", index=True)


class Operation(SQLModel, table=True):
    """One user action: one transaction, one undo step, one line in the History pane."""

    __table_args__ = (_NEVER_REUSE_IDS,)
    id: int | None = Field(default=None, primary_key=True)
    label: str  # in the user's words: "New fact from selection"
    at: str
    actor: str
    reverts_id: int | None = Field(default=None, foreign_key="operation.id")  # set on undo/redo


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_target", "target_type", "target_id", "id"),
        _NEVER_REUSE_IDS,
    )
    id: int | None = Field(default=None, primary_key=True)
    operation_id: int = Field(foreign_key="operation.id", index=True)
    at: str
    actor: str
    action: str  # insert, update, delete
    target_type: str  # table name
    target_id: int
    before: str | None = None  # JSON image of the row before the change
    after: str | None = None  # JSON image of the row after the change


class AppMeta(SQLModel, table=True):
    __tablename__ = "app_meta"
    key: str = Field(primary_key=True)
    value: str


# Tables whose rows the service layer audits (and undo can restore), parents before children.
AUDITED_TABLES = [
    Source, SourcePage, Entity, EntityAlias, Property, Fact, Evidence, FactLink, Conflict, ConflictMember, SourceRevision,
    PropertySeparator, FactQualifier,
]
