"""The load's second pass: every record written, renumbered by the id plan, through the service's
bulk operation (batched executemany, parents before children), then every loaded quote compared
with the text at its span. Original files are content-addressed: one the target already keeps is
not stored twice. Evidence pages are derived from the sources' pages, so they are not loaded.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, text

from kzeu_desk.core import conflicts, originals
from kzeu_desk.core.bulk import BulkWriter, RowRefused
from kzeu_desk.core.documents.common import OriginalFile
from kzeu_desk.core.export.common import ProgressCallback
from kzeu_desk.core.export.jsonl import FORMAT_VERSION
from kzeu_desk.core.loading.checks import (
    file_value,
    fit_problem,
    FIRST_REVISION,
    ID_COLUMNS,
    ORPHANED,
    LoadError,
    Survey,
    is_int,
    read_records,
)
from kzeu_desk.core.loading.id_plan import IdPlan
from kzeu_desk.core.models import AnchorState, ConflictRule, LinkKind
from kzeu_desk.core.property_info import PropertyInfo, property_info, units_to_column
from kzeu_desk.core.reanchor import numbers_changed
from kzeu_desk.core.recorder import utc_now
from kzeu_desk.core.storage import engine_of

_ROWS_PER_BATCH = 2_000
_DOCUMENTS_PER_BATCH = 50  # each carries a whole document (a source's text, an original file)
_DOCUMENT_TABLES = frozenset({"original_file", "source"})
_EXACT = AnchorState.EXACT.value  # an enum's .value is a Python call; this is read per evidence row
_STALE_FINGERPRINT = "stale"  # never equal to a computed fingerprint, so a rescan re-opens the conflict


# Parents before children, so every batch's foreign keys point at rows already written.
_INSERT_ORDER = (
    "original_file", "source", "source_revision", "source_page", "entity", "entity_alias", "property",
    "property_separator", "fact", "fact_qualifier", "evidence", "fact_link", "conflict", "conflict_member",
    "operation", "audit_event",
)


# The tables most rows go to are written as tuples in these columns' order (the table's, so the
# driver takes them as they are): a dict per row, and picking its values back out, cost ~0.3 s CPU
# of a 100k load.
_VALUE_COLUMNS = ("value_kind", "value_amount", "value_lower", "value_upper", "value_approximate", "value_unit",
                  "value_date", "value_date_end", "value_entity_id", "value_text")
_TUPLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "fact": ("id", "subject_id", "property_id", *_VALUE_COLUMNS, "point_in_time", "start_time", "end_time",
             "scope_note", "status", "rank", "note", "created_at", "created_by", "updated_at", "updated_by", "version"),
    "fact_qualifier": ("id", "fact_id", "property_id", *_VALUE_COLUMNS),
    "evidence": ("id", "fact_id", "source_id", "start", "end", "quote", "prefix", "suffix", "source_sha256",
                 "created_at", "created_by", "anchor_state", "anchor_score", "confirmed_revision",
                 "previous_revision", "previous_start", "previous_end", "number_changed"),
    "fact_link": ("id", "from_fact_id", "to_fact_id", "kind", "note", "created_at", "created_by"),
}


class _Writer:
    """Batches rows per table for the bulk operation's executemany, naming the line a refusal came from."""

    def __init__(self, bulk: BulkWriter, file_name: str):
        self.bulk = bulk
        self.conn = bulk.conn  # for reading inside the load's transaction
        self.file_name = file_name
        # Rows waiting per table (dicts, or tuples of _TUPLE_COLUMNS), and the line each came from.
        self._pending: dict[str, list] = {name: [] for name in _INSERT_ORDER}
        self._lines: dict[str, list[int]] = {name: [] for name in _INSERT_ORDER}
        self.target_rules: dict[int, PropertyInfo | None] = {}  # rules of properties the target already had
        # Conflict rows waiting for the fingerprint of their member facts, read for all at once.
        self.fingerprints_due: list[tuple[dict, list[int]]] = []

    def add(self, table_name: str, line: int, row: dict | tuple) -> None:
        rows = self._pending[table_name]
        rows.append(row)
        self._lines[table_name].append(line)
        if len(rows) >= (_DOCUMENTS_PER_BATCH if table_name in _DOCUMENT_TABLES else _ROWS_PER_BATCH):
            self.flush()

    def flush(self) -> None:
        if self.fingerprints_due:  # their facts were written when the first conflict line came
            found = conflicts.current_fingerprints(self.conn, [facts for _row, facts in self.fingerprints_due])
            for (row, _facts), fingerprint in zip(self.fingerprints_due, found, strict=True):
                row["members_fingerprint"] = fingerprint
            self.fingerprints_due = []
        for table_name in _INSERT_ORDER:
            rows = self._pending[table_name]
            if rows:
                self._insert(table_name, rows, self._lines[table_name])
                self._pending[table_name], self._lines[table_name] = [], []

    def _insert(self, table_name: str, rows: list, lines: list[int]) -> None:
        try:
            columns = _TUPLE_COLUMNS.get(table_name)
            if columns is not None:
                self.bulk.insert_tuples(table_name, columns, rows)
            else:
                self.bulk.insert_rows(table_name, rows)
        except RowRefused as refused:
            raise LoadError(f"Line {lines[refused.index]} of {self.file_name}: the fact base refused it "
                            f"({refused.reason}); nothing was loaded.") from None


@dataclass
class Loaded:
    format_version: int = FORMAT_VERSION
    fact_ids: list[int] = field(default_factory=list)
    evidence_lines: dict[int, int] = field(default_factory=dict)  # new evidence id -> line
    operations: set[int] = field(default_factory=set)  # new ids of history operations written
    reused_rows: dict[str, int] = field(default_factory=dict)
    # What the conflict rules must look at again: (subject, property) keys and contradicting facts.
    conflict_keys: set[tuple[int, int]] = field(default_factory=set)
    contradicting_facts: set[int] = field(default_factory=set)
    # (file source id, revision) -> text, for working out changed figures of files before version 3.
    texts_for_figures: dict[tuple[int, int], str] = field(default_factory=dict)


def write_records(bulk: BulkWriter, path: Path, plan: IdPlan, survey: Survey,
                  progress: ProgressCallback | None) -> Loaded:
    """The load's second pass: every record written through the bulk operation, renumbered by `plan`."""
    writer, loaded = _Writer(bulk, path.name), Loaded(format_version=survey.version)
    writers = _SAME_ID_WRITERS if plan.keeps_file_ids() else _WRITERS
    current_type = None
    for number, record in read_records(path, survey.block_digests):
        if progress is not None and number % 1000 == 0:
            progress(number, survey.lines, "Loading")
        if record is None or record.get("type") == "header":
            continue
        kind = record["type"]
        if kind != current_type:
            writer.flush()  # a record may refer to any earlier line, so earlier types are written first
            current_type = kind
        writers[kind](writer, loaded, plan, survey, number, record)
    writer.flush()
    return loaded


def _write_original(writer: _Writer, _loaded: Loaded, _plan: IdPlan, _survey: Survey, line: int, r: dict) -> None:
    if originals.is_kept(writer.conn, r["sha256"]):
        return  # the same bytes, kept under the same hash
    original = OriginalFile(base64.b64decode(r["data"]), r["media_type"])
    writer.add("original_file", line, originals.stored_row(original, utc_now()))


def _origin_columns(r: dict) -> dict:
    """How a text was made (version 3; absent from earlier files)."""
    return {"format": r.get("format"), "extractor": r.get("extractor"),
            "original_sha256": r.get("original_sha256"), "retrieved_at": r.get("retrieved_at")}


def _write_pages(writer: _Writer, line: int, source_id: int, revision: int, r: dict) -> None:
    pages = r.get("pages") or []
    for number, page in enumerate(pages, start=1):
        end = pages[number]["start"] if number < len(pages) else r["char_count"]
        writer.add("source_page", line, {"source_id": source_id, "revision": revision, "number": number,
                                         "start": page["start"], "end": max(end, page["start"]),
                                         "label": page.get("label")})


def _write_source(writer: _Writer, loaded: Loaded, plan: IdPlan, survey: Survey, line: int, r: dict) -> None:
    _keep_text_for_figures(loaded, survey, r["id"], survey.current_revision(r["id"]), r["text"])
    if plan.is_reused("source", r["id"]):
        loaded.reused_rows["source"] = loaded.reused_rows.get("source", 0) + 1
        return
    source_id = plan.new_id("source", r["id"])
    writer.add("source", line, {
        "id": source_id, "title": r["title"], "publisher": r.get("publisher"),
        "author": r.get("author"), "url": r.get("url"), "published": r.get("published"),
        "language": r.get("language"), "text": r["text"], "text_sha256": r["text_sha256"],
        "char_count": r["char_count"], "file_name": r.get("file_name"), "encoding": r.get("encoding"),
        "note": r.get("note"), "imported_at": r["imported_at"], "imported_by": r["imported_by"],
        **_origin_columns(r),
    })
    _write_pages(writer, line, source_id, survey.current_revision(r["id"]), r)


def _write_source_revision(writer: _Writer, loaded: Loaded, plan: IdPlan, survey: Survey, line: int,
                           r: dict) -> None:
    _keep_text_for_figures(loaded, survey, r["source"], r["number"], r["text"])
    if plan.is_reused("source_revision", r["id"]):
        loaded.reused_rows["source_revision"] = loaded.reused_rows.get("source_revision", 0) + 1
        return
    source_id = plan.new_id("source", r["source"])
    writer.add("source_revision", line, {
        "id": plan.new_id("source_revision", r["id"]), "source_id": source_id,
        "number": r["number"], "text": r["text"], "text_sha256": r["text_sha256"], "char_count": r["char_count"],
        "file_name": r.get("file_name"), "encoding": r.get("encoding"), "imported_at": r["imported_at"],
        "imported_by": r["imported_by"], "superseded_at": r["superseded_at"], "superseded_by": r["superseded_by"],
        **_origin_columns(r),
    })
    _write_pages(writer, line, source_id, r["number"], r)


def _write_entity(writer: _Writer, loaded: Loaded, plan: IdPlan, _survey: Survey, line: int, r: dict) -> None:
    entity_id = plan.new_id("entity", r["id"])
    if plan.is_reused("entity", r["id"]):
        loaded.reused_rows["entity"] = loaded.reused_rows.get("entity", 0) + 1
    else:
        writer.add("entity", line, {
            "id": entity_id, "name": r["name"], "kind": r["kind"], "description": r.get("description"),
            "external_id": r.get("external_id"),
        })
    for alias in r["aliases"]:
        if not plan.is_reused("entity_alias", alias["id"]):
            writer.add("entity_alias", line, {
                "id": plan.new_id("entity_alias", alias["id"]), "entity_id": entity_id, "alias": alias["alias"],
                "alias_key": alias["alias"].casefold(),
            })


def _write_property(writer: _Writer, loaded: Loaded, plan: IdPlan, _survey: Survey, line: int, r: dict) -> None:
    if plan.is_reused("property", r["id"]):
        loaded.reused_rows["property"] = loaded.reused_rows.get("property", 0) + 1
        return
    writer.add("property", line, {
        "id": plan.new_id("property", r["id"]), "key": r["key"], "name": r["name"], "value_kind": r["value_kind"],
        "single_valued": r["single_valued"], "default_unit": r.get("default_unit"), "tolerance": r.get("tolerance"),
        "description": r.get("description"), "wikidata_pid": r.get("wikidata_pid"),
        "allowed_units": units_to_column(r.get("allowed_units") or ()), "subject_kind": r.get("subject_kind"),
        "deprecated": bool(r.get("deprecated", False)),
    })


def _write_property_separator(writer: _Writer, loaded: Loaded, plan: IdPlan, _survey: Survey, line: int,
                              r: dict) -> None:
    if plan.is_reused("property", r["property"]):
        return  # a property the target already had keeps its own rules
    writer.add("property_separator", line, {
        "id": plan.new_id("property_separator", r["id"]), "property_id": plan.new_id("property", r["property"]),
        "qualifier_property_id": plan.new_id("property", r["qualifier"]),
    })


def _value_columns(value: dict, plan: IdPlan) -> tuple:
    """The value_* columns (_VALUE_COLUMNS) of a value object of the file."""
    get = value.get
    return (value["kind"], get("amount"), get("lower"), get("upper"), value["approximate"], get("unit"), get("date"),
            get("date_end"), plan.new_id("entity", get("entity")), get("text"))


def _check_reused_rules(writer: _Writer, plan: IdPlan, line: int, file_property: int | None, value: dict,
                        fact_id: int, *, qualifier: bool = False) -> None:
    """A value whose property the target already had must fit the target's rules, which may differ
    from the file's (the survey checked it against the file's)."""
    if file_property is None or not plan.is_reused("property", file_property):
        return
    target_id = plan.new_id("property", file_property)
    rules = writer.target_rules.get(target_id)
    if rules is None:
        rules = writer.target_rules[target_id] = property_info(writer.conn, target_id)
    problem = fit_problem(file_value(value), rules, fact_id, qualifier=qualifier) if rules is not None else None
    if problem:
        raise LoadError(f"Line {line} of {writer.file_name}: {problem} (as this fact base defines it); "
                        "nothing was loaded.")


def _write_fact(writer: _Writer, loaded: Loaded, plan: IdPlan, _survey: Survey, line: int, r: dict) -> None:
    value = r["value"]
    _check_reused_rules(writer, plan, line, r.get("property"), value, r["id"])
    fact_id = plan.new_id("fact", r["id"])
    loaded.fact_ids.append(fact_id)
    subject_id, property_id = plan.new_id("entity", r.get("subject")), plan.new_id("property", r.get("property"))
    if subject_id is not None and property_id is not None:
        loaded.conflict_keys.add((subject_id, property_id))
    get = r.get
    writer.add("fact", line, (
        fact_id, subject_id, property_id, *_value_columns(value, plan), get("point_in_time"), get("start_time"),
        get("end_time"), get("scope_note"), r["status"], r["rank"], get("note"), r["created_at"], r["created_by"],
        r["updated_at"], r["updated_by"], r["version"],
    ))
    for qualifier in get("qualifiers") or ():
        _check_reused_rules(writer, plan, line, qualifier["property"], qualifier["value"], r["id"], qualifier=True)
        writer.add("fact_qualifier", line, (
            plan.new_id("fact_qualifier", qualifier["id"]), fact_id, plan.new_id("property", qualifier["property"]),
            *_value_columns(qualifier["value"], plan),
        ))


def _write_evidence(writer: _Writer, loaded: Loaded, plan: IdPlan, _survey: Survey, line: int, r: dict) -> None:
    evidence_id = plan.new_id("evidence", r["id"])
    loaded.evidence_lines[evidence_id] = line
    source = r["source"]
    get = r.get
    writer.add("evidence", line, (
        evidence_id, plan.new_id("fact", r["fact"]), plan.new_id("source", source), r["start"], r["end"], r["quote"],
        r["prefix"], r["suffix"], r["source_sha256"], r["created_at"], r["created_by"],
        get("anchor_state", _EXACT), get("anchor_score"),
        plan.revision_number(source, get("confirmed_revision", FIRST_REVISION)),
        plan.revision_number(source, get("previous_revision")), get("previous_start"), get("previous_end"),
        _number_changed(loaded, r),
    ))


# A load into a fact base that held nothing keeps the file's ids (IdPlan.keeps_file_ids): facts and
# evidence, nine lines in ten, are then written without a call per id to renumber it (IdPlan.new_id
# ~0.8M calls, revision_number 0.25M at 100k facts). Each writes what its general twin writes.

def _write_fact_same_ids(writer: _Writer, loaded: Loaded, _plan: IdPlan, _survey: Survey, line: int,
                         r: dict) -> None:
    get, value = r.get, r["value"]
    fact_id, subject_id, property_id = r["id"], get("subject"), get("property")
    loaded.fact_ids.append(fact_id)
    if subject_id is not None and property_id is not None:
        loaded.conflict_keys.add((subject_id, property_id))
    value_get = value.get
    writer.add("fact", line, (
        fact_id, subject_id, property_id, value["kind"], value_get("amount"), value_get("lower"),
        value_get("upper"), value["approximate"], value_get("unit"), value_get("date"), value_get("date_end"),
        value_get("entity"), value_get("text"), get("point_in_time"), get("start_time"), get("end_time"),
        get("scope_note"), r["status"], r["rank"], get("note"), r["created_at"], r["created_by"], r["updated_at"],
        r["updated_by"], r["version"],
    ))
    for qualifier in get("qualifiers") or ():
        value = qualifier["value"]
        value_get = value.get
        writer.add("fact_qualifier", line, (
            qualifier["id"], fact_id, qualifier["property"], value["kind"], value_get("amount"), value_get("lower"),
            value_get("upper"), value["approximate"], value_get("unit"), value_get("date"), value_get("date_end"),
            value_get("entity"), value_get("text"),
        ))


def _write_evidence_same_ids(writer: _Writer, loaded: Loaded, _plan: IdPlan, _survey: Survey, line: int,
                             r: dict) -> None:
    evidence_id = r["id"]
    loaded.evidence_lines[evidence_id] = line
    get = r.get
    writer.add("evidence", line, (
        evidence_id, r["fact"], r["source"], r["start"], r["end"], r["quote"], r["prefix"], r["suffix"],
        r["source_sha256"], r["created_at"], r["created_by"], get("anchor_state", _EXACT), get("anchor_score"),
        get("confirmed_revision", FIRST_REVISION), get("previous_revision"), get("previous_start"),
        get("previous_end"), _number_changed(loaded, r),
    ))


def _keep_text_for_figures(loaded: Loaded, survey: Survey, source_id: int, revision: int, body: str) -> None:
    if (source_id, revision) in survey.texts_for_figures:
        loaded.texts_for_figures[(source_id, revision)] = body


def _number_changed(loaded: Loaded, r: dict) -> bool:
    """Files that say are believed; for the others (versions 1 and 2, and version-3 files written
    before evidence carried it) it is worked out as their review queue did, from the span the
    fuzzy match was placed from."""
    if "number_changed" in r:
        return bool(r["number_changed"])
    came_from = loaded.texts_for_figures.get((r["source"], r.get("previous_revision") or 0))
    if came_from is None or r.get("anchor_state") != AnchorState.FUZZY.value:
        return False
    return numbers_changed(came_from[r["previous_start"]:r["previous_end"]], r["quote"])


def _write_link(writer: _Writer, loaded: Loaded, plan: IdPlan, _survey: Survey, line: int, r: dict) -> None:
    if r["kind"] == LinkKind.CONTRADICTS.value:
        loaded.contradicting_facts.update((plan.new_id("fact", r["from"]), plan.new_id("fact", r["to"])))
    writer.add("fact_link", line, (
        plan.new_id("fact_link", r["id"]), plan.new_id("fact", r["from"]), plan.new_id("fact", r["to"]), r["kind"],
        r.get("note"), r["created_at"], r["created_by"],
    ))


def _conflict_signature(rule: str, member_fact_ids: list[int], flag_operation: int | None, conflict_id: int) -> str:
    """The same signature the conflict rules give, from the target's ids (see `Disagreement.signature`)."""
    signature = f"{rule}:" + ",".join(map(str, sorted(member_fact_ids)))
    if rule == ConflictRule.MANUAL.value:
        # Several flags on the same facts are distinct; the app tells them apart by the flagging operation.
        signature += f"@{flag_operation}" if flag_operation is not None else f"@c{conflict_id}"
    return signature


def _write_conflict(writer: _Writer, loaded: Loaded, plan: IdPlan, survey: Survey, line: int, r: dict) -> None:
    conflict_id = plan.new_id("conflict", r["id"])
    member_facts = [plan.new_id("fact", m["fact"]) for m in r["members"]]
    flag_operation = plan.new_id("operation", survey.conflict_first_operation.get(r["id"]))
    row = {
        "id": conflict_id, "rule": r["rule"],
        "signature": _conflict_signature(r["rule"], member_facts, flag_operation, conflict_id),
        "subject_id": plan.new_id("entity", r.get("subject")),
        "property_id": plan.new_id("property", r.get("property")),
        "status": r["status"], "explanation": r["explanation"], "members_fingerprint": _STALE_FINGERPRINT,
        "resolution": r.get("resolution"), "rationale": r.get("rationale"), "resolved_by": r.get("resolved_by"),
        "resolved_at": r.get("resolved_at"), "created_at": r["created_at"],
    }
    if r["judgement_current"]:
        writer.fingerprints_due.append((row, member_facts))  # filled in before the row is written
    writer.add("conflict", line, row)
    if r["rule"] == ConflictRule.DECLARED.value:
        loaded.contradicting_facts.update(member_facts)
    for member, fact_id in zip(r["members"], member_facts, strict=True):
        writer.add("conflict_member", line, {
            "id": plan.new_id("conflict_member", member["id"]), "conflict_id": conflict_id, "fact_id": fact_id,
        })


# Columns of audited tables that hold a revision number of the row's source_id.
_REVISION_COLUMNS = {"evidence": ("confirmed_revision", "previous_revision"), "source_revision": ("number",)}


def _renumbered_image(image: dict | None, table_name: str, plan: IdPlan, survey: Survey) -> str | None:
    if image is None:
        return None
    image = dict(image)
    if plan.revision_numbers and table_name in _REVISION_COLUMNS and isinstance(image.get("source_id"), int):
        for column in _REVISION_COLUMNS[table_name]:
            if is_int(image.get(column)):
                image[column] = plan.revision_number(image["source_id"], image[column])
    for column, target_table in ID_COLUMNS[table_name].items():
        if image.get(column) is not None:
            image[column] = plan.new_id(target_table, image[column])
    if table_name == "conflict" and isinstance(image.get("signature"), str):
        image["signature"] = _renumbered_signature(image["signature"], plan)
    # The same serialisation the recorder uses, so undo compares like with like.
    return json.dumps(image, ensure_ascii=False, sort_keys=True)


def _renumbered_signature(signature: str, plan: IdPlan) -> str:
    rule, _, rest = signature.partition(":")
    members, at, operation = rest.partition("@")
    try:
        fact_ids = [plan.new_id("fact", int(i)) for i in members.split(",") if i]
        flag = plan.new_id("operation", int(operation)) if at and operation.isdigit() else None
    except ValueError:
        return signature
    renumbered = f"{rule}:" + ",".join(map(str, sorted(fact_ids)))
    return renumbered + (f"@{flag}" if flag is not None else f"{at}{operation}")


def _write_audit(writer: _Writer, loaded: Loaded, plan: IdPlan, survey: Survey, line: int, r: dict) -> None:
    if plan.is_reused(r["table"], r["row"]):
        return  # the target already had this row, with its own history
    operation_id = plan.new_id("operation", r["operation"])
    if operation_id not in loaded.operations:
        reverts = plan.new_id("operation", r.get("reverts"))
        writer.add("operation", line, {
            "id": operation_id, "label": r["label"], "at": r["at"], "actor": r["actor"],
            "reverts_id": reverts if reverts in loaded.operations else None,
        })
        loaded.operations.add(operation_id)
    writer.add("audit_event", line, {
        "operation_id": operation_id, "at": r["at"], "actor": r["actor"], "action": r["action"],
        "target_type": r["table"], "target_id": plan.new_id(r["table"], r["row"]),
        "before": _renumbered_image(r.get("before"), r["table"], plan, survey),
        "after": _renumbered_image(r.get("after"), r["table"], plan, survey),
    })


_WRITERS = {
    "original": _write_original, "source": _write_source, "source_revision": _write_source_revision, "entity": _write_entity,
    "property": _write_property, "property_separator": _write_property_separator, "fact": _write_fact,
    "evidence": _write_evidence, "link": _write_link, "conflict": _write_conflict, "audit": _write_audit,
}
_SAME_ID_WRITERS = {**_WRITERS, "fact": _write_fact_same_ids, "evidence": _write_evidence_same_ids}


def check_quotes(conn: Connection, loaded: Loaded, file_name: str) -> None:
    """Every loaded quote must be the text at its span, also when the source was already there:
    the current text for anchored evidence, its revision's text for orphaned evidence.

    Compared in Python with each text read once: SQL's substr() walks a text's UTF-8 from its start
    and would re-read the whole source for every span (docs/PERFORMANCE.md section 4)."""
    if not loaded.evidence_lines:
        return
    current_source: int | None = None
    source_texts: dict[int | None, str] = {}
    wrong = None
    with engine_of(conn).fast_rows(conn, _NEW_SPANS, {"orphaned": ORPHANED,
                                                      "first": min(loaded.evidence_lines)}) as spans:
        for evidence_id, source_id, start, end, quote, orphaned, revision in spans:
            if source_id != current_source:
                current_source, source_texts = source_id, {}
            key = revision if orphaned else None
            body = source_texts.get(key)
            if body is None:
                body = source_texts[key] = _text_of(conn, source_id, key)
            # The survey made every quote as long as its span, so a span past the end never matches.
            if body[start:end] != quote and (wrong is None or evidence_id < wrong):
                wrong = evidence_id
    if wrong is not None and wrong in loaded.evidence_lines:
        hint = (" (a version 1 file has no earlier revisions of sources, so evidence orphaned by a new revision "
                "cannot be loaded from it; export the fact base again)") if loaded.format_version == 1 else ""
        raise LoadError(f"Line {loaded.evidence_lines[wrong]} of {file_name}: the evidence quote is not the text "
                        f"of its source at that span{hint}; nothing was loaded.")


_NEW_SPANS = text("""SELECT id, source_id, start, "end", quote, anchor_state = :orphaned, confirmed_revision
                      FROM evidence WHERE id >= :first ORDER BY source_id""")
_CURRENT_TEXT = text("SELECT text FROM source WHERE id = :source_id")
_REVISION_TEXT = text("SELECT text FROM source_revision WHERE source_id = :source_id AND number = :number")


def _text_of(conn: Connection, source_id: int, revision: int | None) -> str:
    """A source's current text (revision None) or one of its superseded ones; "" if there is none,
    which no quote matches."""
    if revision is None:
        found = conn.execute(_CURRENT_TEXT, {"source_id": source_id}).scalar()
    else:
        found = conn.execute(_REVISION_TEXT, {"source_id": source_id, "number": revision}).scalar()
    return found if found is not None else ""

