"""`kzeu-desk load`: reading the JSON Lines format back into a fact base, new or existing.

The file is read twice. The first pass checks every line (JSON, type, fields, references to
earlier lines, spans within the text they count in, the format version) without touching the
fact base, so bad input stops with one sentence naming the line. The second pass writes
everything in one write transaction with SQLAlchemy Core executemany (NOTES.md trap 6); any
refusal rolls it all back and the fact base stays as it was. Version 1 files (no source
revisions, no evidence anchors) are read too: their evidence is exactly anchored in the
current text, which is what every evidence row was before revisions existed.

Ids. Per table, the file's ids are kept when all of them lie above every id the target has ever
used (its rows and its audit history), and are shifted above that otherwise, which keeps their
order and never hands out an id twice (undo re-inserts deleted rows under their old ids).
Entities, properties and sources that already exist (same name, key, or text hash) are reused;
a source only when the target also holds every earlier revision the file has of it (by text
hash), because orphaned evidence points into those texts. Revision numbers of a reused source are
the target's: the file's are translated through the matching texts.
Loading into a fact base that holds nothing but its automatic starter vocabulary replaces that
vocabulary and its history with the file's, so the new fact base is an exact copy.

Undo. A load is recorded as one operation, "Load “FILE”", without an audit event per row: it is
not undoable from the UI (it is a command-line action and is never put on an undo stack). To take
a load back, restore the snapshot `load_jsonl` takes first of a fact base that already held data
(see `LoadResult.backup_path`). Conflicts are re-checked with the service's `rescan`, audited
under the load's operation, and the search index is refreshed for the loaded facts.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Connection, bindparam, insert, text
from sqlalchemy.exc import IntegrityError, OperationalError

from kzeu_desk.core import conflicts, search_index, sqlite_features
from kzeu_desk.core.errors import FactBaseLocked, ReadOnlyFactBase, UserError
from kzeu_desk.core.export.common import ProgressCallback, plural
from kzeu_desk.core.export.jsonl import CARRIED_TABLES, FORMAT_NAME, FORMAT_VERSION, RECORD_TYPES
from kzeu_desk.core.export.scope import AUDITED_TABLE_NAMES
from kzeu_desk.core.export.sqlite_only import reserve_ids
from kzeu_desk.core.models import AnchorState, ConflictRule, ConflictStatus, FactRank, FactStatus, LinkKind
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.text import canonicalize
from kzeu_desk.core.typed_value import ValueKind
from kzeu_desk.core.value_format import format_date

_ROWS_PER_BATCH = 2_000
_SOURCES_PER_BATCH = 50  # each carries a whole document
_ORPHANED = AnchorState.ORPHANED.value
_FIRST_REVISION = 1  # a source's text before any new revision; what version 1 evidence points into
# A bulk load's page cache: the index B-trees of a large load outgrow SQLite's default 2 MB, and
# every insert then waits on pages read back from disk (docs/PERFORMANCE.md section 4).
_LOAD_CACHE_KIB = 256 * 1024
_STALE_FINGERPRINT = "stale"  # never equal to a computed fingerprint, so a rescan re-opens the conflict

# Columns of each audited table that hold row ids, and the table those ids belong to; audit images
# are rewritten through them when ids are renumbered.
_ID_COLUMNS: dict[str, dict[str, str]] = {
    "source": {"id": "source"},
    "source_revision": {"id": "source_revision", "source_id": "source"},
    "entity": {"id": "entity"},
    "entity_alias": {"id": "entity_alias", "entity_id": "entity"},
    "property": {"id": "property"},
    "fact": {"id": "fact", "subject_id": "entity", "property_id": "property", "value_entity_id": "entity"},
    "evidence": {"id": "evidence", "fact_id": "fact", "source_id": "source"},
    "fact_link": {"id": "fact_link", "from_fact_id": "fact", "to_fact_id": "fact"},
    "conflict": {"id": "conflict", "subject_id": "entity", "property_id": "property"},
    "conflict_member": {"id": "conflict_member", "conflict_id": "conflict", "fact_id": "fact"},
}
_RENUMBERED_TABLES = (*CARRIED_TABLES, "operation")
_REFERENCED = ("source", "entity", "property", "fact")  # record types other records point at


class LoadError(UserError):
    """The file cannot be loaded; the fact base was not changed."""


@dataclass(frozen=True)
class LoadResult:
    operation_id: int
    inserted: dict[str, int]
    reused: dict[str, int]
    backup_path: Path | None
    summary: str


# -- field checks ----------------------------------------------------------------------------------

_ISO_DATE = "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        format_date(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class _Kind:
    """What a field may hold: values of exactly these JSON types (so true is not a number), and,
    when `refine` is given, only those it accepts. Checked for every field of every line, so the
    common case is a type lookup, not a function call."""

    types: tuple[type, ...]
    what: str
    refine: Callable[[object], bool] | None = None


def _one_of(values: type) -> _Kind:
    allowed = [v.value for v in values]
    return _Kind((str,), "one of " + ", ".join(allowed), frozenset(allowed).__contains__)


_TEXT = _Kind((str,), "text")
_INT = _Kind((int,), "a whole number")
_ID = _Kind((int,), "a positive whole number", (lambda value: value > 0))
_NUMBER = _Kind((int, float), "a number")
_TOLERANCE = _Kind((int, float), "a fraction of at least 0 (0.1 is 10%)", (lambda value: value >= 0))
_SCORE = _Kind((int, float), "a number from 0 to 1", (lambda value: 0 <= value <= 1))
_BOOL = _Kind((bool,), "true or false")
_DATE = _Kind((str,), _ISO_DATE, _is_date)
_OBJECT = _Kind((dict,), "an object")
_LIST = _Kind((list,), "a list")
_ACTION = _Kind((str,), "insert, update or delete", frozenset({"insert", "update", "delete"}).__contains__)
_AUDITED_TABLE = _Kind((str,), "one of " + ", ".join(CARRIED_TABLES), frozenset(CARRIED_TABLES).__contains__)

# field -> (kind of value, nullable); a nullable field may also be left out.
Spec = dict[str, tuple[_Kind, bool]]


def _spec(**fields: tuple[_Kind, bool]) -> Spec:
    return fields


_SPECS: dict[str, Spec] = {
    "source": _spec(
        id=(_ID, False), title=(_TEXT, False), publisher=(_TEXT, True), author=(_TEXT, True), url=(_TEXT, True),
        published=(_DATE, True), language=(_TEXT, True), file_name=(_TEXT, True), encoding=(_TEXT, True),
        note=(_TEXT, True), imported_at=(_TEXT, False), imported_by=(_TEXT, False), text_sha256=(_TEXT, False),
        char_count=(_INT, False), text=(_TEXT, False),
    ),
    "source_revision": _spec(
        id=(_ID, False), source=(_INT, False), number=(_ID, False), file_name=(_TEXT, True), encoding=(_TEXT, True),
        imported_at=(_TEXT, False), imported_by=(_TEXT, False), superseded_at=(_TEXT, False),
        superseded_by=(_TEXT, False), text_sha256=(_TEXT, False), char_count=(_INT, False), text=(_TEXT, False),
    ),
    "entity": _spec(
        id=(_ID, False), name=(_TEXT, False), kind=(_TEXT, False), description=(_TEXT, True),
        external_id=(_TEXT, True), aliases=(_LIST, False),
    ),
    "alias": _spec(id=(_ID, False), alias=(_TEXT, False)),
    "property": _spec(
        id=(_ID, False), key=(_TEXT, False), name=(_TEXT, False), value_kind=(_one_of(ValueKind), False),
        single_valued=(_BOOL, False), default_unit=(_TEXT, True), tolerance=(_TOLERANCE, True),
        description=(_TEXT, True), wikidata_pid=(_TEXT, True),
    ),
    "fact": _spec(
        id=(_ID, False), subject=(_INT, True), property=(_INT, True), value=(_OBJECT, False),
        point_in_time=(_DATE, True), start_time=(_DATE, True), end_time=(_DATE, True), scope_note=(_TEXT, True),
        status=(_one_of(FactStatus), False), rank=(_one_of(FactRank), False), note=(_TEXT, True),
        created_at=(_TEXT, False), created_by=(_TEXT, False), updated_at=(_TEXT, False),
        updated_by=(_TEXT, False), version=(_INT, False),
    ),
    "value": _spec(
        kind=(_one_of(ValueKind), False), amount=(_NUMBER, True), lower=(_NUMBER, True), upper=(_NUMBER, True),
        approximate=(_BOOL, False), unit=(_TEXT, True), date=(_DATE, True), entity=(_INT, True), text=(_TEXT, True),
    ),
    "evidence": _spec(
        id=(_ID, False), fact=(_INT, False), source=(_INT, False), start=(_INT, False), end=(_INT, False),
        quote=(_TEXT, False), prefix=(_TEXT, False), suffix=(_TEXT, False), source_sha256=(_TEXT, False),
        created_at=(_TEXT, False), created_by=(_TEXT, False), anchor_state=(_one_of(AnchorState), False),
        anchor_score=(_SCORE, True), confirmed_revision=(_ID, False),
        previous_revision=(_ID, True), previous_start=(_INT, True), previous_end=(_INT, True),
    ),
    "link": _spec(
        id=(_ID, False), **{"from": (_INT, False)}, to=(_INT, False), kind=(_one_of(LinkKind), False),
        note=(_TEXT, True), created_at=(_TEXT, False), created_by=(_TEXT, False),
    ),
    "conflict": _spec(
        id=(_ID, False), rule=(_one_of(ConflictRule), False), subject=(_INT, True), property=(_INT, True),
        status=(_one_of(ConflictStatus), False), explanation=(_TEXT, False), judgement_current=(_BOOL, False),
        resolution=(_TEXT, True), rationale=(_TEXT, True), resolved_by=(_TEXT, True), resolved_at=(_TEXT, True),
        created_at=(_TEXT, False), members=(_LIST, False),
    ),
    "member": _spec(id=(_ID, False), fact=(_INT, False)),
    "audit": _spec(
        operation=(_ID, False), label=(_TEXT, False), at=(_TEXT, False), actor=(_TEXT, False),
        reverts=(_INT, True), action=(_ACTION, False), table=(_AUDITED_TABLE, False), row=(_ID, False),
        before=(_OBJECT, True), after=(_OBJECT, True),
    ),
}

# Version 1 evidence had no anchor: its offsets count in its source's current (then only) text.
_ANCHOR_FIELDS = ("anchor_state", "anchor_score", "confirmed_revision", "previous_revision", "previous_start",
                  "previous_end")
_SPECS_V1 = {**_SPECS, "evidence": {k: v for k, v in _SPECS["evidence"].items() if k not in _ANCHOR_FIELDS}}
_RECORD_TYPES_V1 = tuple(kind for kind in RECORD_TYPES if kind != "source_revision")

_WHAT = {
    "source": "a source", "source_revision": "a source revision", "entity": "an entity", "alias": "an alias",
    "property": "a property", "fact": "a fact",
    "value": "a fact's value", "evidence": "an evidence record", "link": "a link", "conflict": "a conflict",
    "member": "a conflict member", "audit": "an audit record",
}


def _check_fields(line: int, kind: str, record: dict, *, skip: frozenset[str] = frozenset(),
                  specs: dict[str, Spec] = _SPECS) -> None:
    spec = specs[kind]
    unknown = record.keys() - spec.keys() - skip
    if unknown:
        raise _Problem(line, f"{_WHAT[kind]} has no field “{min(unknown)}”")
    for name, (expected, nullable) in spec.items():
        value = record.get(name)
        if value is None:
            if not nullable:
                raise _Problem(line, f"{_WHAT[kind]} needs “{name}” ({expected.what})")
        elif type(value) not in expected.types or (expected.refine is not None and not expected.refine(value)):
            raise _Problem(line, f"“{name}” of {_WHAT[kind]} must be {expected.what}, not {json.dumps(value)[:40]}")


class _Problem(Exception):
    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.line = line
        self.problem = problem


# -- first pass: checking the file and surveying its ids -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Revision:
    """A superseded text of a source, as the file gives it."""

    file_id: int
    char_count: int
    text_sha256: str


@dataclass
class _Survey:
    lines: int = 0
    version: int = FORMAT_VERSION
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    # Per table, the lowest and highest id the file mentions anywhere (rows, references, audit).
    id_range: dict[str, tuple[int, int]] = field(default_factory=dict)
    defined: dict[str, set[int]] = field(default_factory=lambda: {k: set() for k in _REFERENCED})
    source_lengths: dict[int, int] = field(default_factory=dict)
    source_hashes: dict[int, str] = field(default_factory=dict)
    # Per source, its superseded revisions by number; the current one is numbered one higher.
    revisions: dict[int, dict[int, _Revision]] = field(default_factory=dict)
    entity_names: dict[int, str] = field(default_factory=dict)
    property_keys: dict[int, tuple[str, str, int]] = field(default_factory=dict)  # key, name, line
    alias_owner: dict[int, tuple[int, str]] = field(default_factory=dict)  # alias id -> entity id, alias
    conflict_first_operation: dict[int, int] = field(default_factory=dict)  # manual signatures name it
    # Entity names, and ("key", key) / ("name", name) of properties, to refuse duplicates.
    names_seen: set[str | tuple[str, str]] = field(default_factory=set)

    def mention(self, table_name: str, row_id: int | None) -> None:
        if row_id is None:
            return
        low, high = self.id_range.get(table_name, (row_id, row_id))
        self.id_range[table_name] = (min(low, row_id), max(high, row_id))

    def current_revision(self, source_id: int) -> int:
        return len(self.revisions.get(source_id, ())) + 1

    def text_length(self, source_id: int, revision: int) -> int | None:
        """Length of a source's text in one revision; None when the file has no such revision."""
        if revision == self.current_revision(source_id):
            return self.source_lengths[source_id]
        found = self.revisions.get(source_id, {}).get(revision)
        return found.char_count if found is not None else None


def _records(path: Path) -> Iterator[tuple[int, dict | None]]:
    """(line number, parsed object) for every line; blank lines give None."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _Problem(number, "the line is not UTF-8 text") from None
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                yield number, None
                continue
            record = _parse_line(number, line)
            if not isinstance(record, dict):
                raise _Problem(number, "the line is not a JSON object")
            yield number, record


# What SQLite stores in an INTEGER column: a larger whole number cannot be written, only refused.
_SMALLEST_INTEGER, _LARGEST_INTEGER = -(2**63), 2**63 - 1
_LONGEST_INTEGER_DIGITS = 20  # 2^63 has 19 digits; Python refuses to parse over 4,300 at all


def _parse_line(number: int, line: str) -> object:
    """One line as JSON, refusing what JSON allows but a fact base cannot hold: whole numbers beyond
    SQLite's 64-bit integers, numbers too large for a float (1e400), NaN and Infinity (which
    Python's json accepts though JSON has no such values), text with a lone surrogate (it cannot
    be stored as UTF-8), and nesting deeper than the parser's stack."""
    try:
        record = json.loads(line, parse_int=lambda text: _whole_number(number, text),
                            parse_float=lambda text: _finite_number(number, text),
                            parse_constant=lambda name: _no_constant(number, name))
    except json.JSONDecodeError as error:
        raise _Problem(number, f"the line is not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise _Problem(number, "the line nests lists or objects too deeply to be a kzeu_desk record") from None
    if "\\u" in line:  # only an escape can make a surrogate: the line itself was strictly decoded
        _refuse_lone_surrogates(number, record)
    return record


def _whole_number(number: int, text: str) -> int:
    if len(text.lstrip("-")) > _LONGEST_INTEGER_DIGITS or not _SMALLEST_INTEGER <= int(text) <= _LARGEST_INTEGER:
        shown = text if len(text) <= 24 else text[:20] + "…"
        raise _Problem(number, f"the whole number {shown} cannot be stored (whole numbers lie between -2^63 and "
                               "2^63 - 1)")
    return int(text)


def _finite_number(number: int, text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Problem(number, f"the number {text[:24]} is too large to be stored")
    return value


def _no_constant(number: int, name: str) -> float:
    raise _Problem(number, f"{name} is not a number a fact base can hold")


def _refuse_lone_surrogates(number: int, value: object) -> None:
    """Text must be encodable as UTF-8: a \\ud800 escape without its pair is not a character."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise _Problem(number, "the line has a text with a lone surrogate escape (such as \\ud800), "
                                       "which is not a character") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


_TYPE_FIELD = frozenset({"type"})  # every record has it; the survey reads it before the fields


def _survey(path: Path) -> _Survey:
    survey = _Survey()
    seen_header = False
    for number, record in _records(path):
        survey.lines = number
        if record is None:
            continue
        kind = record.get("type")
        if not seen_header:
            survey.version = _check_header(number, record)
            seen_header = True
            record_types, specs = (_RECORD_TYPES_V1, _SPECS_V1) if survey.version == 1 else (RECORD_TYPES, _SPECS)
            continue
        if kind not in record_types:
            expected = ", ".join(record_types)
            shown = json.dumps(kind, ensure_ascii=False)[:40]
            raise _Problem(number, f"the record type {shown} is unknown (expected one of {expected})")
        _check_fields(number, kind, record, skip=_TYPE_FIELD, specs=specs)
        survey.counts[kind] += 1
        _SURVEYORS[kind](survey, number, record)
    if not seen_header:
        raise _Problem(1, "the file is empty, so it has no header")
    return survey


def _check_header(number: int, record: dict) -> int:
    """The file's format version, if this kzeu_desk reads it."""
    if record.get("type") != "header" or record.get("format") != FORMAT_NAME:
        raise _Problem(number, f"there is no {FORMAT_NAME} header, so this is not a kzeu_desk JSON Lines file")
    version = record.get("version")
    if not _is_int(version) or version < 1:
        raise _Problem(number, f"the header has no valid format version ({json.dumps(version)})")
    if version > FORMAT_VERSION:
        raise _Problem(number, f"the file is format version {version}, newer than this kzeu_desk reads "
                               f"({FORMAT_VERSION}); update kzeu_desk to load it")
    return version


def _require_defined(survey: _Survey, number: int, what: str, kind: str, row_id: int | None) -> None:
    if row_id is not None and row_id not in survey.defined[kind]:
        raise _Problem(number, f"{what} refers to {kind} {row_id}, which no earlier line defines")


def _define(survey: _Survey, number: int, kind: str, row_id: int) -> None:
    if row_id in survey.defined[kind]:
        raise _Problem(number, f"{kind} {row_id} is defined a second time")
    survey.defined[kind].add(row_id)


def _survey_source(survey: _Survey, number: int, r: dict) -> None:
    _define(survey, number, "source", r["id"])
    survey.mention("source", r["id"])
    _check_text(number, "source text", r)
    survey.source_lengths[r["id"]] = r["char_count"]
    survey.source_hashes[r["id"]] = r["text_sha256"]


def _check_text(number: int, what: str, r: dict) -> None:
    body = r["text"]
    if canonicalize(body) != body:
        raise _Problem(number, f"{what} has carriage returns or a byte order mark; offsets would not match")
    if len(body) != r["char_count"]:
        raise _Problem(number, f"{what} has {len(body)} characters but records {r['char_count']}")
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != r["text_sha256"]:
        raise _Problem(number, f"{what} does not match its text_sha256")


def _survey_source_revision(survey: _Survey, number: int, r: dict) -> None:
    source_id = r["source"]
    _require_defined(survey, number, "a source revision", "source", source_id)
    if survey.counts["evidence"]:
        raise _Problem(number, "source revisions must come before the evidence that points into them")
    expected = survey.current_revision(source_id)
    if r["number"] != expected:
        raise _Problem(number, f"revision {r['number']} of source {source_id} comes where revision {expected} "
                               "belongs (revisions are numbered from 1 and listed in order)")
    _check_text(number, "revision text", r)
    survey.revisions.setdefault(source_id, {})[r["number"]] = _Revision(r["id"], r["char_count"], r["text_sha256"])
    survey.mention("source_revision", r["id"])


def _survey_entity(survey: _Survey, number: int, r: dict) -> None:
    _define(survey, number, "entity", r["id"])
    survey.mention("entity", r["id"])
    if not r["name"].strip():
        raise _Problem(number, "an entity needs a name")
    if r["name"] in survey.names_seen:
        raise _Problem(number, f"the entity name “{r['name']}” is defined a second time")
    survey.names_seen.add(r["name"])
    survey.entity_names[r["id"]] = r["name"]
    seen: set[str] = set()
    for alias in r["aliases"]:
        if not isinstance(alias, dict):
            raise _Problem(number, "each alias must be an object with id and alias")
        _check_fields(number, "alias", alias)
        if alias["alias"] in seen:
            raise _Problem(number, f"the alias “{alias['alias']}” is listed twice")
        if alias["id"] in survey.alias_owner:
            raise _Problem(number, f"alias {alias['id']} is defined a second time")
        seen.add(alias["alias"])
        survey.alias_owner[alias["id"]] = (r["id"], alias["alias"])
        survey.mention("entity_alias", alias["id"])


def _survey_property(survey: _Survey, number: int, r: dict) -> None:
    _define(survey, number, "property", r["id"])
    survey.mention("property", r["id"])
    if ("key", r["key"]) in survey.names_seen or ("name", r["name"]) in survey.names_seen:
        raise _Problem(number, f"the property “{r['key']}” or its name is defined a second time")
    survey.names_seen.update({("key", r["key"]), ("name", r["name"])})
    survey.property_keys[r["id"]] = (r["key"], r["name"], number)


def _survey_fact(survey: _Survey, number: int, r: dict) -> None:
    _check_fields(number, "value", r["value"])
    _require_defined(survey, number, "a fact", "entity", r["subject"])
    _require_defined(survey, number, "a fact", "property", r["property"])
    _require_defined(survey, number, "a fact's value", "entity", r["value"]["entity"])
    _define(survey, number, "fact", r["id"])
    survey.mention("fact", r["id"])


def _survey_evidence(survey: _Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "evidence", "fact", r["fact"])
    source_id = r["source"]
    _require_defined(survey, number, "evidence", "source", source_id)
    current = survey.current_revision(source_id)
    state = r.get("anchor_state", AnchorState.EXACT.value)
    revision = r.get("confirmed_revision", current)
    if state == _ORPHANED:
        # Its offsets and quote count in the earlier revision it was last found in.
        if revision >= current or revision not in survey.revisions.get(source_id, {}):
            raise _Problem(number, f"orphaned evidence points into revision {revision} of source {source_id}, "
                                   "which is not one of its earlier revisions in the file")
        length, where = survey.text_length(source_id, revision), f"revision {revision} of source {source_id}"
    else:
        if revision != current:
            raise _Problem(number, f"{state} evidence must point into the current revision of source {source_id} "
                                   f"({current}), not revision {revision}")
        length, where = survey.source_lengths[source_id], f"source {source_id}"
    if not 0 <= r["start"] < r["end"] <= length:
        raise _Problem(number, f"evidence span {r['start']}–{r['end']} lies outside {where}")
    if len(r["quote"]) != r["end"] - r["start"]:
        raise _Problem(number, "evidence quote is not as long as its span")
    previous = (r.get("previous_revision"), r.get("previous_start"), r.get("previous_end"))
    if any(value is not None for value in previous):
        _check_previous_span(survey, number, source_id, *previous)
    survey.mention("evidence", r["id"])


def _check_previous_span(survey: _Survey, number: int, source_id: int, revision: int | None, start: int | None,
                         end: int | None) -> None:
    """Where a fuzzy match came from: a span of an earlier (or the current) text of the same source."""
    if revision is None or start is None or end is None:
        raise _Problem(number, "previous_revision, previous_start and previous_end of evidence go together")
    length = survey.text_length(source_id, revision)
    if length is None:
        raise _Problem(number, f"evidence came from revision {revision} of source {source_id}, "
                               "which the file does not have")
    if not 0 <= start < end <= length:
        raise _Problem(number, f"evidence's previous span {start}–{end} lies outside revision {revision} "
                               f"of source {source_id}")


def _survey_link(survey: _Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "a link", "fact", r["from"])
    _require_defined(survey, number, "a link", "fact", r["to"])
    if r["from"] == r["to"]:
        raise _Problem(number, "a link joins a fact to itself")
    survey.mention("fact_link", r["id"])


def _survey_conflict(survey: _Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "a conflict", "entity", r["subject"])
    _require_defined(survey, number, "a conflict", "property", r["property"])
    facts: set[int] = set()
    for member in r["members"]:
        if not isinstance(member, dict):
            raise _Problem(number, "each conflict member must be an object with id and fact")
        _check_fields(number, "member", member)
        _require_defined(survey, number, "a conflict member", "fact", member["fact"])
        if member["fact"] in facts:
            raise _Problem(number, f"fact {member['fact']} is listed twice as a member")
        facts.add(member["fact"])
        survey.mention("conflict_member", member["id"])
    needed = 1 if r["rule"] == ConflictRule.MANUAL.value else 2
    if len(facts) < needed:
        raise _Problem(number, f"a {r['rule']} conflict needs at least {needed} member facts")
    survey.mention("conflict", r["id"])


def _survey_audit(survey: _Survey, number: int, r: dict) -> None:
    survey.mention("operation", r["operation"])
    survey.mention("operation", r["reverts"])
    survey.mention(r["table"], r["row"])
    for image in (r["before"], r["after"]):
        for column, target_table in _ID_COLUMNS[r["table"]].items():
            value = (image or {}).get(column)
            if value is not None and not _is_int(value):
                raise _Problem(number, f"audit image column “{column}” must be a whole number")
            survey.mention(target_table, value)
    if r["table"] == "conflict" and r["action"] == "insert":
        survey.conflict_first_operation.setdefault(r["row"], r["operation"])


_SURVEYORS: dict[str, Callable[[_Survey, int, dict], None]] = {
    "source": _survey_source, "source_revision": _survey_source_revision, "entity": _survey_entity,
    "property": _survey_property, "fact": _survey_fact,
    "evidence": _survey_evidence, "link": _survey_link, "conflict": _survey_conflict, "audit": _survey_audit,
}


# -- the id plan -----------------------------------------------------------------------------------


@dataclass
class _IdPlan:
    """How the file's ids become the target's: one shift per table, plus rows reused by name."""

    shift: dict[str, int] = field(default_factory=dict)
    reused: dict[str, dict[int, int]] = field(default_factory=lambda: {t: {} for t in _RENUMBERED_TABLES})
    # Per reused source (file id), the target's number for each revision number of the file.
    revision_numbers: dict[int, dict[int, int]] = field(default_factory=dict)

    def new_id(self, table_name: str, file_id: int | None) -> int | None:
        if file_id is None:
            return None
        reused = self.reused[table_name].get(file_id)
        return reused if reused is not None else file_id + self.shift.get(table_name, 0)

    def is_reused(self, table_name: str, file_id: int) -> bool:
        return file_id in self.reused[table_name]

    def revision_number(self, source_file_id: int | None, number: int | None) -> int | None:
        if number is None:
            return None
        return self.revision_numbers.get(source_file_id, {}).get(number, number)


def _highest_id_in_use(conn: Connection, table_name: str) -> int:
    """The highest id the target's rows or its audit history refer to; ids above it are safe."""
    highest = conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table_name}")).scalar_one()
    if table_name in AUDITED_TABLE_NAMES:
        audited = conn.execute(
            text("SELECT coalesce(max(target_id), 0) FROM audit_event WHERE target_type = :t"), {"t": table_name}
        ).scalar_one()
        highest = max(highest, audited)
    return highest


def _plan_ids(conn: Connection, survey: _Survey, file_name: str) -> _IdPlan:
    plan = _IdPlan()
    _reuse_existing_rows(conn, survey, plan, file_name)
    for table_name, (lowest, _highest) in survey.id_range.items():
        in_use = _highest_id_in_use(conn, table_name)
        plan.shift[table_name] = 0 if lowest > in_use else in_use + 1 - lowest
    return plan


def _chunks(values: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _reuse_existing_rows(conn: Connection, survey: _Survey, plan: _IdPlan, file_name: str) -> None:
    existing_entities: dict[str, int] = {}
    for names in _chunks(list(survey.entity_names.values())):
        existing_entities.update(conn.execute(
            text("SELECT name, id FROM entity WHERE name IN :names").bindparams(bindparam("names", expanding=True)),
            {"names": names}).all())
    for file_id, name in survey.entity_names.items():
        if name in existing_entities:
            plan.reused["entity"][file_id] = existing_entities[name]
    if plan.reused["entity"]:
        aliases = {(row.entity_id, row.alias): row.id for row in conn.execute(text(
            "SELECT id, entity_id, alias FROM entity_alias"))}
        for alias_id, (entity_file_id, alias) in survey.alias_owner.items():
            entity_id = plan.reused["entity"].get(entity_file_id)
            if entity_id is not None and (entity_id, alias) in aliases:
                plan.reused["entity_alias"][alias_id] = aliases[(entity_id, alias)]
    properties = {row.key: (row.id, row.name) for row in conn.execute(text("SELECT id, key, name FROM property"))}
    names = {name: key for key, (_id, name) in properties.items()}
    for file_id, (key, name, line) in survey.property_keys.items():
        if key in properties:
            plan.reused["property"][file_id] = properties[key][0]
        elif name in names:
            raise LoadError(f"Line {line} of {file_name}: the property “{key}” is named “{name}”, like the existing "
                            f"property “{names[name]}”; nothing was loaded.")
    _reuse_existing_sources(conn, survey, plan)


def _reuse_existing_sources(conn: Connection, survey: _Survey, plan: _IdPlan) -> None:
    hashes = sorted(set(survey.source_hashes.values()))
    candidates: dict[str, list[int]] = {}
    for chunk in _chunks(hashes):
        for row in conn.execute(text(
            "SELECT text_sha256, id FROM source WHERE text_sha256 IN :hashes ORDER BY id"
        ).bindparams(bindparam("hashes", expanding=True)), {"hashes": chunk}):
            candidates.setdefault(row.text_sha256, []).append(row.id)
    if not candidates:
        return
    # Superseded texts are few (a source gets a new revision now and then), so all are read at once.
    target_revisions: dict[int, list[tuple[int, int, str]]] = {}
    for row in conn.execute(text("SELECT source_id, id, number, text_sha256 FROM source_revision ORDER BY number")):
        target_revisions.setdefault(row.source_id, []).append((row.id, row.number, row.text_sha256))
    for file_id, digest in survey.source_hashes.items():
        for target_id in candidates.get(digest, ()):
            matched = _matching_revisions(survey.revisions.get(file_id, {}), target_revisions.get(target_id, []))
            if matched is None:
                continue
            plan.reused["source"][file_id] = target_id
            numbers = {survey.current_revision(file_id): len(target_revisions.get(target_id, [])) + 1}
            for file_number, (revision_id, target_number) in matched.items():
                plan.reused["source_revision"][survey.revisions[file_id][file_number].file_id] = revision_id
                numbers[file_number] = target_number
            if any(file_number != target_number for file_number, target_number in numbers.items()):
                plan.revision_numbers[file_id] = numbers
            break


def _matching_revisions(in_file: dict[int, _Revision], in_target: list[tuple[int, int, str]]
                        ) -> dict[int, tuple[int, int]] | None:
    """For each of the file's revisions of a source, the target's revision (id, number) with the
    same text; None when the target lacks one of them, so evidence pointing into it would be lost."""
    by_hash: dict[str, tuple[int, int]] = {}
    for revision_id, number, digest in in_target:
        by_hash.setdefault(digest, (revision_id, number))
    matched = {}
    for number, revision in in_file.items():
        if revision.text_sha256 not in by_hash:
            return None
        matched[number] = by_hash[revision.text_sha256]
    return matched


def _is_pristine(conn: Connection) -> bool:
    """Whether the target holds nothing but what opening it created (the starter vocabulary)."""
    data = conn.execute(text(
        "SELECT (SELECT count(*) FROM source) + (SELECT count(*) FROM fact) + (SELECT count(*) FROM conflict)"
    )).scalar_one()
    operations = conn.execute(text("SELECT count(*) FROM operation")).scalar_one()
    return data == 0 and operations <= 1


def _clear_starter_vocabulary(conn: Connection) -> None:
    # Nothing refers to these rows yet; the file brings its own vocabulary and its history.
    for name in ("audit_event", "entity_alias", "entity", "property", "operation"):
        conn.execute(text(f"DELETE FROM {name}"))


# -- second pass: writing --------------------------------------------------------------------------


# Parents before children, so every batch's foreign keys point at rows already written.
_INSERT_ORDER = (
    "source", "source_revision", "entity", "entity_alias", "property", "fact", "evidence", "fact_link", "conflict",
    "conflict_member", "operation", "audit_event",
)


class _Writer:
    """Batches rows per table and inserts them with executemany, naming the line a refusal came from.

    The INSERT is compiled by SQLAlchemy once per table and its rows go to the driver as tuples:
    building Core's parameters row by row cost as much as SQLite's inserting them."""

    def __init__(self, conn: Connection, file_name: str):
        self.conn = conn
        self.file_name = file_name
        self._pending: dict[str, list[tuple[int, dict]]] = {name: [] for name in _INSERT_ORDER}
        self._statements: dict[tuple[str, tuple[str, ...]], tuple[str, Callable[[dict], tuple]]] = {}
        self.inserted: dict[str, int] = {}

    def add(self, table_name: str, line: int, row: dict) -> None:
        rows = self._pending[table_name]
        rows.append((line, row))
        if len(rows) >= (_SOURCES_PER_BATCH if table_name == "source" else _ROWS_PER_BATCH):
            self.flush()

    def flush(self) -> None:
        for table_name in _INSERT_ORDER:
            rows = self._pending[table_name]
            if rows:
                self._insert(table_name, rows)
                self._pending[table_name] = []

    def _statement(self, table_name: str, row: dict) -> tuple[str, Callable[[dict], tuple]]:
        """The INSERT of these columns, and what picks a row's values in its parameters' order."""
        key = (table_name, tuple(row))
        found = self._statements.get(key)
        if found is None:
            compiled = insert(table(table_name)).compile(dialect=self.conn.dialect, column_keys=list(row))
            found = self._statements[key] = (str(compiled), itemgetter(*compiled.positiontup))
        return found

    def _insert(self, table_name: str, rows: list[tuple[int, dict]]) -> None:
        statement, values = self._statement(table_name, rows[0][1])
        try:
            with self.conn.begin_nested():
                self.conn.exec_driver_sql(statement, [values(row) for _line, row in rows])
        except IntegrityError:
            # Find the refused row, one at a time, so the message can name its line.
            for line, row in rows:
                try:
                    with self.conn.begin_nested():
                        self.conn.exec_driver_sql(statement, values(row))
                except IntegrityError as error:
                    raise LoadError(f"Line {line} of {self.file_name}: the fact base refused it "
                                    f"({error.orig}); nothing was loaded.") from None
            raise
        self.inserted[table_name] = self.inserted.get(table_name, 0) + len(rows)


@dataclass
class _Loaded:
    format_version: int = FORMAT_VERSION
    fact_ids: list[int] = field(default_factory=list)
    evidence_lines: dict[int, int] = field(default_factory=dict)  # new evidence id -> line
    operations: set[int] = field(default_factory=set)  # new ids of history operations written
    reused_rows: dict[str, int] = field(default_factory=dict)
    # What the conflict rules must look at again: (subject, property) keys and contradicting facts.
    conflict_keys: set[tuple[int, int]] = field(default_factory=set)
    contradicting_facts: set[int] = field(default_factory=set)


def _write(conn: Connection, path: Path, plan: _IdPlan, survey: _Survey,
           progress: ProgressCallback | None) -> tuple[_Writer, _Loaded]:
    writer, loaded = _Writer(conn, path.name), _Loaded(format_version=survey.version)
    current_type = None
    for number, record in _records(path):
        if progress is not None and number % 1000 == 0:
            progress(number, survey.lines, "Loading")
        if record is None or record.get("type") == "header":
            continue
        kind = record["type"]
        if kind != current_type:
            writer.flush()  # a record may refer to any earlier line, so earlier types are written first
            current_type = kind
        _WRITERS[kind](writer, loaded, plan, survey, number, record)
    writer.flush()
    return writer, loaded


def _write_source(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int, r: dict) -> None:
    if plan.is_reused("source", r["id"]):
        loaded.reused_rows["source"] = loaded.reused_rows.get("source", 0) + 1
        return
    writer.add("source", line, {
        "id": plan.new_id("source", r["id"]), "title": r["title"], "publisher": r.get("publisher"),
        "author": r.get("author"), "url": r.get("url"), "published": r.get("published"),
        "language": r.get("language"), "text": r["text"], "text_sha256": r["text_sha256"],
        "char_count": r["char_count"], "file_name": r.get("file_name"), "encoding": r.get("encoding"),
        "note": r.get("note"), "imported_at": r["imported_at"], "imported_by": r["imported_by"],
    })


def _write_source_revision(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int,
                           r: dict) -> None:
    if plan.is_reused("source_revision", r["id"]):
        loaded.reused_rows["source_revision"] = loaded.reused_rows.get("source_revision", 0) + 1
        return
    writer.add("source_revision", line, {
        "id": plan.new_id("source_revision", r["id"]), "source_id": plan.new_id("source", r["source"]),
        "number": r["number"], "text": r["text"], "text_sha256": r["text_sha256"], "char_count": r["char_count"],
        "file_name": r.get("file_name"), "encoding": r.get("encoding"), "imported_at": r["imported_at"],
        "imported_by": r["imported_by"], "superseded_at": r["superseded_at"], "superseded_by": r["superseded_by"],
    })


def _write_entity(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int, r: dict) -> None:
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


def _write_property(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int, r: dict) -> None:
    if plan.is_reused("property", r["id"]):
        loaded.reused_rows["property"] = loaded.reused_rows.get("property", 0) + 1
        return
    writer.add("property", line, {
        "id": plan.new_id("property", r["id"]), "key": r["key"], "name": r["name"], "value_kind": r["value_kind"],
        "single_valued": r["single_valued"], "default_unit": r.get("default_unit"), "tolerance": r.get("tolerance"),
        "description": r.get("description"), "wikidata_pid": r.get("wikidata_pid"),
    })


def _write_fact(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int, r: dict) -> None:
    value = r["value"]
    fact_id = plan.new_id("fact", r["id"])
    loaded.fact_ids.append(fact_id)
    subject_id, property_id = plan.new_id("entity", r.get("subject")), plan.new_id("property", r.get("property"))
    if subject_id is not None and property_id is not None:
        loaded.conflict_keys.add((subject_id, property_id))
    writer.add("fact", line, {
        "id": fact_id, "subject_id": subject_id, "property_id": property_id, "value_kind": value["kind"],
        "value_amount": value.get("amount"), "value_lower": value.get("lower"), "value_upper": value.get("upper"),
        "value_approximate": value["approximate"], "value_unit": value.get("unit"), "value_date": value.get("date"),
        "value_entity_id": plan.new_id("entity", value.get("entity")), "value_text": value.get("text"),
        "point_in_time": r.get("point_in_time"), "start_time": r.get("start_time"), "end_time": r.get("end_time"),
        "scope_note": r.get("scope_note"), "status": r["status"], "rank": r["rank"], "note": r.get("note"),
        "created_at": r["created_at"], "created_by": r["created_by"], "updated_at": r["updated_at"],
        "updated_by": r["updated_by"], "version": r["version"],
    })


def _write_evidence(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int, r: dict) -> None:
    evidence_id = plan.new_id("evidence", r["id"])
    loaded.evidence_lines[evidence_id] = line
    source = r["source"]
    writer.add("evidence", line, {
        "id": evidence_id, "fact_id": plan.new_id("fact", r["fact"]), "source_id": plan.new_id("source", source),
        "start": r["start"], "end": r["end"], "quote": r["quote"], "prefix": r["prefix"], "suffix": r["suffix"],
        "source_sha256": r["source_sha256"], "created_at": r["created_at"], "created_by": r["created_by"],
        "anchor_state": r.get("anchor_state", AnchorState.EXACT.value), "anchor_score": r.get("anchor_score"),
        "confirmed_revision": plan.revision_number(source, r.get("confirmed_revision", _FIRST_REVISION)),
        "previous_revision": plan.revision_number(source, r.get("previous_revision")),
        "previous_start": r.get("previous_start"), "previous_end": r.get("previous_end"),
    })


def _write_link(writer: _Writer, loaded: _Loaded, plan: _IdPlan, _survey: _Survey, line: int, r: dict) -> None:
    if r["kind"] == LinkKind.CONTRADICTS.value:
        loaded.contradicting_facts.update((plan.new_id("fact", r["from"]), plan.new_id("fact", r["to"])))
    writer.add("fact_link", line, {
        "id": plan.new_id("fact_link", r["id"]), "from_fact_id": plan.new_id("fact", r["from"]),
        "to_fact_id": plan.new_id("fact", r["to"]), "kind": r["kind"], "note": r.get("note"),
        "created_at": r["created_at"], "created_by": r["created_by"],
    })


def _conflict_signature(rule: str, member_fact_ids: list[int], flag_operation: int | None, conflict_id: int) -> str:
    """The same signature the conflict rules give, from the target's ids (see `Disagreement.signature`)."""
    signature = f"{rule}:" + ",".join(map(str, sorted(member_fact_ids)))
    if rule == ConflictRule.MANUAL.value:
        # Several flags on the same facts are distinct; the app tells them apart by the flagging operation.
        signature += f"@{flag_operation}" if flag_operation is not None else f"@c{conflict_id}"
    return signature


def _write_conflict(writer: _Writer, loaded: _Loaded, plan: _IdPlan, survey: _Survey, line: int, r: dict) -> None:
    conflict_id = plan.new_id("conflict", r["id"])
    member_facts = [plan.new_id("fact", m["fact"]) for m in r["members"]]
    flag_operation = plan.new_id("operation", survey.conflict_first_operation.get(r["id"]))
    fingerprint = (conflicts.current_fingerprint(writer.conn, member_facts) if r["judgement_current"]
                   else _STALE_FINGERPRINT)
    writer.add("conflict", line, {
        "id": conflict_id, "rule": r["rule"],
        "signature": _conflict_signature(r["rule"], member_facts, flag_operation, conflict_id),
        "subject_id": plan.new_id("entity", r.get("subject")),
        "property_id": plan.new_id("property", r.get("property")),
        "status": r["status"], "explanation": r["explanation"], "members_fingerprint": fingerprint,
        "resolution": r.get("resolution"), "rationale": r.get("rationale"), "resolved_by": r.get("resolved_by"),
        "resolved_at": r.get("resolved_at"), "created_at": r["created_at"],
    })
    if r["rule"] == ConflictRule.DECLARED.value:
        loaded.contradicting_facts.update(member_facts)
    for member, fact_id in zip(r["members"], member_facts, strict=True):
        writer.add("conflict_member", line, {
            "id": plan.new_id("conflict_member", member["id"]), "conflict_id": conflict_id, "fact_id": fact_id,
        })


# Columns of audited tables that hold a revision number of the row's source_id.
_REVISION_COLUMNS = {"evidence": ("confirmed_revision", "previous_revision"), "source_revision": ("number",)}


def _renumbered_image(image: dict | None, table_name: str, plan: _IdPlan, survey: _Survey) -> str | None:
    if image is None:
        return None
    image = dict(image)
    if plan.revision_numbers and table_name in _REVISION_COLUMNS and isinstance(image.get("source_id"), int):
        for column in _REVISION_COLUMNS[table_name]:
            if _is_int(image.get(column)):
                image[column] = plan.revision_number(image["source_id"], image[column])
    for column, target_table in _ID_COLUMNS[table_name].items():
        if image.get(column) is not None:
            image[column] = plan.new_id(target_table, image[column])
    if table_name == "conflict" and isinstance(image.get("signature"), str):
        image["signature"] = _renumbered_signature(image["signature"], plan)
    # The same serialisation the recorder uses, so undo compares like with like.
    return json.dumps(image, ensure_ascii=False, sort_keys=True)


def _renumbered_signature(signature: str, plan: _IdPlan) -> str:
    rule, _, rest = signature.partition(":")
    members, at, operation = rest.partition("@")
    try:
        fact_ids = [plan.new_id("fact", int(i)) for i in members.split(",") if i]
        flag = plan.new_id("operation", int(operation)) if at and operation.isdigit() else None
    except ValueError:
        return signature
    renumbered = f"{rule}:" + ",".join(map(str, sorted(fact_ids)))
    return renumbered + (f"@{flag}" if flag is not None else f"{at}{operation}")


def _write_audit(writer: _Writer, loaded: _Loaded, plan: _IdPlan, survey: _Survey, line: int, r: dict) -> None:
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
    "source": _write_source, "source_revision": _write_source_revision, "entity": _write_entity,
    "property": _write_property, "fact": _write_fact,
    "evidence": _write_evidence, "link": _write_link, "conflict": _write_conflict, "audit": _write_audit,
}


def _check_quotes(conn: Connection, loaded: _Loaded, file_name: str) -> None:
    """Every loaded quote must be the text at its span, also when the source was already there:
    the current text for anchored evidence, its revision's text for orphaned evidence.

    Compared in Python with each text read once: SQL's substr() walks a text's UTF-8 from its start
    and would re-read the whole source for every span (docs/PERFORMANCE.md section 4)."""
    if not loaded.evidence_lines:
        return
    driver = conn.connection.driver_connection
    texts = driver.cursor()
    spans = driver.cursor()
    current_source, source_texts = None, {}
    wrong = None
    try:
        spans.execute(f"""SELECT id, source_id, start, "end", quote, anchor_state = '{_ORPHANED}', confirmed_revision
                          FROM evidence WHERE id >= ? ORDER BY source_id""", (min(loaded.evidence_lines),))
        for evidence_id, source_id, start, end, quote, orphaned, revision in spans:
            if source_id != current_source:
                current_source, source_texts = source_id, {}
            key = revision if orphaned else None
            body = source_texts.get(key)
            if body is None:
                body = source_texts[key] = _text_of(texts, source_id, key)
            # The survey made every quote as long as its span, so a span past the end never matches.
            if body[start:end] != quote and (wrong is None or evidence_id < wrong):
                wrong = evidence_id
    finally:
        texts.close()
        spans.close()
    if wrong is not None and wrong in loaded.evidence_lines:
        hint = (" (a version 1 file has no earlier revisions of sources, so evidence orphaned by a new revision "
                "cannot be loaded from it; export the fact base again)") if loaded.format_version == 1 else ""
        raise LoadError(f"Line {loaded.evidence_lines[wrong]} of {file_name}: the evidence quote is not the text "
                        f"of its source at that span{hint}; nothing was loaded.")


def _text_of(cursor, source_id: int, revision: int | None) -> str:
    """A source's current text (revision None) or one of its superseded ones; "" if there is none,
    which no quote matches."""
    if revision is None:
        found = cursor.execute("SELECT text FROM source WHERE id = ?", (source_id,)).fetchone()
    else:
        found = cursor.execute("SELECT text FROM source_revision WHERE source_id = ? AND number = ?",
                               (source_id, revision)).fetchone()
    return found[0] if found is not None else ""


# -- the whole load --------------------------------------------------------------------------------


def check_file(path: Path | str) -> CheckedFile:
    """Check every line of a JSON Lines file without touching any fact base (the load's first pass),
    so a bad file is refused before a new fact base is even created for it."""
    path = Path(path)
    if not path.exists():
        raise LoadError(f"There is no file “{path}” to load.")
    if not path.is_file():  # a folder, a pipe or a device: never opened, so nothing can block
        raise LoadError(f"“{path}” is not a regular file, so it cannot be loaded.")
    try:
        return CheckedFile(path, _survey(path))
    except _Problem as problem:
        raise LoadError(f"Line {problem.line} of {path.name}: {problem.problem}; nothing was loaded.") from None


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    survey: _Survey


def load_jsonl(fact_base: FactBase, source: Path | str | CheckedFile, *, progress: ProgressCallback | None = None,
               backup: bool = True) -> LoadResult:
    """Load a kzeu_desk JSON Lines file into `fact_base` (a `FactBase`) in one transaction."""
    if fact_base.read_only:
        raise ReadOnlyFactBase(fact_base.why_read_only("nothing was loaded"))
    checked = source if isinstance(source, CheckedFile) else check_file(source)
    path, survey = checked.path, checked.survey
    backup_path = _backup_if_holding_data(fact_base) if backup else None
    try:
        result = _load(fact_base, path, survey, progress)
    except BaseException:
        if backup_path is not None:  # nothing changed, so there is nothing to go back to
            from kzeu_desk.core.backups import Backup, discard_backup

            discard_backup(Backup(backup_path, datetime.now(UTC), "before-load"))
        raise
    restore_hint = f" The fact base as it was before is in “{backup_path}”." if backup_path else ""
    return LoadResult(result.operation_id, result.inserted, result.reused, backup_path, result.summary + restore_hint)


def _backup_if_holding_data(fact_base: FactBase) -> Path | None:
    from kzeu_desk.core.backups import take_backup

    with fact_base.reading() as conn:
        if _is_pristine(conn):
            return None
    return take_backup(fact_base.path, "before-load").path


def _load(fact_base: FactBase, path: Path, survey: _Survey, progress: ProgressCallback | None) -> LoadResult:
    try:
        with (sqlite_features.write_transaction(fact_base.engine) as conn,
              sqlite_features.larger_page_cache(conn, _LOAD_CACHE_KIB)):
            pristine = _is_pristine(conn)
            if pristine and (survey.counts["entity"] or survey.counts["property"]):
                _clear_starter_vocabulary(conn)
            plan = _plan_ids(conn, survey, path.name)
            writer, loaded = _write(conn, path, plan, survey, progress)
            _check_quotes(conn, loaded, path.name)
            for table_name, (_lowest, highest) in survey.id_range.items():
                # Ids that only the file's history mentions (rows deleted before the export) stay reserved.
                reserve_ids(conn, table_name, highest + plan.shift.get(table_name, 0))
            # The load's own operation comes after the history it brought, so History reads in order.
            recorder = Recorder(conn, label=f"Load “{path.name}”", actor=fact_base.actor)
            if pristine:
                conflicts.rescan(recorder)
            else:
                # The fact base's own facts were already checked; only what the load added can disagree.
                conflicts.recheck(recorder, loaded.conflict_keys, loaded.contradicting_facts)
            search_index.refresh(conn, [*loaded.fact_ids, *recorder.facts_touched])
            recorder.flush_audit()
    except OperationalError as error:
        reason = str(error.orig)
        if "locked" in reason or "busy" in reason:
            raise FactBaseLocked("The fact base is busy in another program; nothing was loaded. Try again.") from None
        if "full" in reason:
            raise UserError("The disk is full, so nothing was loaded; free some space and try again.") from None
        raise UserError(f"The file could not be loaded: {reason}; nothing was loaded.") from None
    except IntegrityError as error:
        raise UserError(f"The file could not be loaded ({error.orig}); nothing was loaded.") from None
    inserted = {
        "source": writer.inserted.get("source", 0), "source_revision": writer.inserted.get("source_revision", 0),
        "entity": writer.inserted.get("entity", 0),
        "property": writer.inserted.get("property", 0), "fact": writer.inserted.get("fact", 0),
        "evidence": writer.inserted.get("evidence", 0), "link": writer.inserted.get("fact_link", 0),
        "conflict": writer.inserted.get("conflict", 0), "audit": writer.inserted.get("audit_event", 0),
    }
    return LoadResult(recorder.operation_id, inserted, loaded.reused_rows, None, _summary(path, inserted, loaded))


def _summary(path: Path, inserted: dict[str, int], loaded: _Loaded) -> str:
    parts = [plural(inserted["fact"], "fact"), plural(inserted["evidence"], "evidence span"),
             plural(inserted["source"], "source")]
    reused = sum(count for kind, count in loaded.reused_rows.items() if kind != "source_revision")
    reused_rows = plural(reused, "existing source, entity or property", "existing sources, entities and properties")
    already = f" ({reused_rows} reused)" if reused else ""
    return f"Loaded {parts[0]}, {parts[1]} and {parts[2]} from “{path.name}”{already}."
