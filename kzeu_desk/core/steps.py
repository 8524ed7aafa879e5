"""Steps: the writes a service action is made of, each inside the caller's operation.

A *step* takes the operation's `Recorder` as its first argument, writes through it (so every row
it touches gets its audit images and derived data follows) and never opens an operation itself; it
returns what it made (a new row's id, a row's new image) or nothing. Steps are named for the rows
they write: insert_*, update_*, delete_*. An *action* is a `FactBase` method: it opens exactly
one operation (one transaction, one undo step), calls steps, and returns the `Changes` it made
(docs/ARCHITECTURE.md, "Actions and steps"). `conflicts.recheck`, `rescan` and `flag` are steps too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kzeu_desk.core import originals, revisions
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.models import FactRank, FactStatus
from kzeu_desk.core.property_info import (
    PropertyInfo,
    property_info,
    property_info_from_rows,
    property_read,
    subject_problem,
    value_problem,
)
from kzeu_desk.core.qualifiers import delete_qualifiers_of_fact
from kzeu_desk.core.documents.common import ReadDocument
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.text import quote_context, sha256_text
from kzeu_desk.core.typed_value import TypedValue

# Fact columns a curator edits directly (value_* columns come through `value`).
EDITABLE_FACT_FIELDS = frozenset(
    {"subject_id", "property_id", "point_in_time", "start_time", "end_time", "scope_note", "status", "rank", "note"}
)


@dataclass(frozen=True)
class SourceMetadata:
    """Source details a curator (or a caller) states; unset fields fall back to what the file says."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    note: str | None = None


def insert_entity(rec: Recorder, name: str, kind: str, aliases: Sequence[str],
                  external_id: str | None, description: str | None) -> int:
    name = name.strip()
    if not name:
        raise InvalidEdit("An entity needs a name.")
    clash = rec.conn.execute(select(table("entity").c.id).where(table("entity").c.name == name)).scalar()
    if clash is not None:
        raise InvalidEdit(f"An entity named “{name}” already exists.")
    entity_id = rec.insert("entity", {"name": name, "kind": kind, "external_id": external_id,
                                      "description": description})
    for alias in dict.fromkeys([name, *aliases]):
        rec.insert("entity_alias", {"entity_id": entity_id, "alias": alias, "alias_key": alias.casefold()})
    return entity_id


def source_details(document: ReadDocument, metadata: SourceMetadata | None = None) -> dict[str, str | None]:
    """The source columns a new source gets: stated metadata first, then the file's own, then its name."""
    stated = metadata or SourceMetadata()
    found = document.metadata
    title = (stated.title or document.title or Path(document.file_name).stem or document.file_name).strip()
    return {
        "title": title, "publisher": stated.publisher or found.publisher, "author": stated.author or found.author,
        "url": stated.url or found.url, "published": stated.published or found.published,
        "language": stated.language or found.language, "note": stated.note,
        "retrieved_at": found.retrieved_at,
    }


def insert_source(rec: Recorder, document: ReadDocument, metadata: SourceMetadata) -> int:
    """A new source from `document`; `metadata` the curator gave wins over what the file says."""
    details = source_details(document, metadata)
    source_id = rec.insert("source", {
        **details, "text": document.text, "text_sha256": sha256_text(document.text),
        "char_count": len(document.text), "file_name": document.file_name, "encoding": document.encoding,
        "imported_at": rec.at, "imported_by": rec.actor, **document_origin(rec, document),
    })
    insert_pages(rec, source_id, 1, document.page_starts, document.page_labels, len(document.text))
    return source_id


def document_origin(rec: Recorder, document: ReadDocument) -> dict[str, str | None]:
    """The columns that say how a text was made, keeping its original file in the fact base."""
    kept = originals.keep(rec, document.original) if document.original is not None else None
    return {"format": document.format, "extractor": document.extractor, "original_sha256": kept}


def insert_pages(rec: Recorder, source_id: int, revision: int, starts: Sequence[int], labels: Sequence[str],
                 text_length: int) -> None:
    """The pages of one revision of a source's text (core/pages.py): page n runs from its start
    to the next page's."""
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else text_length
        rec.insert("source_page", {
            "source_id": source_id, "revision": revision, "number": index + 1, "start": start,
            "end": max(start, end), "label": labels[index] if index < len(labels) else None,
        })


def insert_fact(rec: Recorder, *, value: TypedValue, subject_id: int | None, property_id: int | None,
                status: FactStatus | str, rank: FactRank | str, note: str | None, qualifiers: dict) -> int:
    unknown = set(qualifiers) - {"point_in_time", "start_time", "end_time", "scope_note"}
    if unknown:
        raise InvalidEdit(f"Unknown qualifier {sorted(unknown)[0]!r}.")
    check_fits_property(rec, property_id, subject_id=subject_id, value=value)
    return rec.insert("fact", {
        "subject_id": subject_id, "property_id": property_id, **value.to_columns(), **qualifiers,
        "status": FactStatus(status).value, "rank": FactRank(rank).value, "note": note,
    })


def update_fact(rec: Recorder, fact_id: int, expected_version: int, *, value: TypedValue | None = None,
                **fields: Any) -> dict:
    unknown = set(fields) - EDITABLE_FACT_FIELDS
    if unknown:
        raise InvalidEdit(f"A fact has no editable field {sorted(unknown)[0]!r}.")
    if "status" in fields:
        fields["status"] = FactStatus(fields["status"]).value
    if "rank" in fields:
        fields["rank"] = FactRank(fields["rank"]).value
    if value is not None:
        fields.update(value.to_columns())
    # Only what this edit changes is checked: a fact stored before the checks existed can still
    # have its status or note edited.
    property_changed = "property_id" in fields
    before = prop = None
    if property_changed or "subject_id" in fields or value is not None:
        # The fact and the property it will state, read together (one wait for a server, not two).
        checked = property_read(property_id=fields["property_id"]) if property_changed else property_read(of_fact=fact_id)
        fact_rows, property_rows = rec.read_together([rec.row_read("fact", fact_id), checked])
        before = fact_rows[0] if fact_rows else None
        prop = property_info_from_rows(property_rows)
    after = rec.update("fact", fact_id, fields, expected_version=expected_version, before=before)
    check_fits_property(
        rec, after["property_id"],
        subject_id=after["subject_id"] if property_changed or "subject_id" in fields else None,
        value=TypedValue.from_columns(after) if property_changed or value is not None else None,
        prop=prop)
    return after


def check_fits_property(rec: Recorder, property_id: int | None, *, subject_id: int | None,
                        value: TypedValue | None, prop: PropertyInfo | None = None) -> None:
    """Refuse, with one sentence, a value whose kind (or unit) its property does not take, or a
    subject of a kind the property is not stated about. `prop` is that property if the caller
    read it in this transaction."""
    if property_id is None or (value is None and subject_id is None):
        return
    if prop is None:
        prop = property_info(rec.conn, property_id)
    if prop is None:
        raise InvalidEdit(f"Property {property_id} no longer exists.")
    if value is not None:
        problem = value_problem(value, prop)
        if problem:
            raise InvalidEdit(problem)
    if subject_id is not None and prop.subject_kind:
        subject = rec.require("entity", subject_id, "Entity")
        problem = subject_problem(prop, subject["name"], subject["kind"])
        if problem:
            raise InvalidEdit(problem)


def delete_fact(rec: Recorder, fact_id: int) -> None:
    """Delete a fact with everything that only means something through it."""
    conn = rec.conn
    evidence, links, members = table("evidence"), table("fact_link"), table("conflict_member")
    rec.delete_all("evidence", conn.execute(select(evidence.c.id).where(evidence.c.fact_id == fact_id)).scalars())
    rec.delete_all("fact_link", conn.execute(
        select(links.c.id).where((links.c.from_fact_id == fact_id) | (links.c.to_fact_id == fact_id))).scalars())
    rec.delete_all("conflict_member", conn.execute(
        select(members.c.id).where(members.c.fact_id == fact_id)).scalars())
    delete_qualifiers_of_fact(rec, fact_id)
    rec.delete("fact", fact_id)


def insert_evidence(rec: Recorder, fact_id: int, source_id: int, start: int, end: int) -> int:
    source = rec.require("source", source_id, "Source")
    check_span(source["text"], start, end)
    prefix, quote, suffix = quote_context(source["text"], start, end)
    return rec.insert("evidence", {
        "fact_id": fact_id, "source_id": source_id, "start": start, "end": end, "quote": quote,
        "prefix": prefix, "suffix": suffix, "source_sha256": source["text_sha256"],
        "created_at": rec.at, "created_by": rec.actor,
        "confirmed_revision": revisions.current_revision(rec.conn, source_id),
    })


def check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise InvalidEdit("The selected span lies outside the source text.")


def insert_dismissal(rec: Recorder, source_id: int, start: int, end: int) -> int:
    """Remember that the figure at start..end of a source is not a fact (the Candidates pane)."""
    source = rec.require("source", source_id, "Source")
    check_span(source["text"], start, end)
    return rec.insert("dismissed_candidate", {
        "source_id": source_id, "start": start, "end": end, "quote": source["text"][start:end],
        "dismissed_at": rec.at, "dismissed_by": rec.actor,
    })


def delete_dismissal(rec: Recorder, dismissal_id: int) -> None:
    rec.delete("dismissed_candidate", dismissal_id)
