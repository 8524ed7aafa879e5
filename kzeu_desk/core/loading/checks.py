"""The load's first pass: every line of a JSON Lines file is checked without touching any fact base
(JSON, record type, fields against the shipped schema, references to earlier lines, spans within
the text they count in, the format version), so bad input stops with one sentence naming the line
before a fact base is even created for it. What the pass learns about the file's ids and texts
(`Survey`) is what the id plan (id_plan.py) and the second pass (writing.py) work from.

Version 1 files (no source revisions, no evidence anchors) are read with the version 1 schema:
their evidence is exactly anchored in the current text, which is what every evidence row was
before revisions existed. Version 2 files (no originals, no pages) are read with the version 2
schema and load as sources without an original file or pages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.export.jsonl import FORMAT_NAME, FORMAT_VERSION, RECORD_TYPES
from kzeu_desk.core.loading.schema import LARGEST_INTEGER, SMALLEST_INTEGER, LineProblem, numbers_fit, rules_for
from kzeu_desk.core.models import AnchorState, ConflictRule
from kzeu_desk.core.property_info import PropertyInfo, subject_problem, value_problem
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.text import canonicalize

ORPHANED = AnchorState.ORPHANED.value
_EXACT = AnchorState.EXACT.value  # an enum's .value is a Python call; this is read per evidence line
FIRST_REVISION = 1  # a source's text before any new revision; what version 1 evidence points into

# Columns of each audited table that hold row ids, and the table those ids belong to; audit images
# are rewritten through them when ids are renumbered.
ID_COLUMNS: dict[str, dict[str, str]] = {
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
    "property_separator": {"id": "property_separator", "property_id": "property", "qualifier_property_id": "property"},
    "fact_qualifier": {"id": "fact_qualifier", "fact_id": "fact", "property_id": "property", "value_entity_id": "entity"},
}
_REFERENCED = ("source", "entity", "property", "fact")  # record types other records point at


class LoadError(UserError):
    """The file cannot be loaded; the fact base was not changed."""


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Problem(Exception):
    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.line = line
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Revision:
    """A superseded text of a source, as the file gives it."""

    file_id: int
    char_count: int
    text_sha256: str


@dataclass
class Survey:
    lines: int = 0
    version: int = FORMAT_VERSION
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    # Per table, the lowest and highest id the file mentions anywhere (rows, references, audit).
    id_range: dict[str, tuple[int, int]] = field(default_factory=dict)
    defined: dict[str, set[int]] = field(default_factory=lambda: {k: set() for k in _REFERENCED})
    source_lengths: dict[int, int] = field(default_factory=dict)
    source_hashes: dict[int, str] = field(default_factory=dict)
    # Per source, its superseded revisions by number; the current one is numbered one higher.
    revisions: dict[int, dict[int, Revision]] = field(default_factory=dict)
    originals: set[str] = field(default_factory=set)  # SHA-256 of the original records seen
    entity_names: dict[int, str] = field(default_factory=dict)
    property_keys: dict[int, tuple[str, str, int]] = field(default_factory=dict)  # key, name, line
    properties: dict[int, PropertyInfo] = field(default_factory=dict)  # the file's rules, by file id
    entity_kinds: dict[int, str] = field(default_factory=dict)
    separators: set[tuple[int, int]] = field(default_factory=set)
    alias_owner: dict[int, tuple[int, str]] = field(default_factory=dict)  # alias id -> entity id, alias
    conflict_first_operation: dict[int, int] = field(default_factory=dict)  # manual signatures name it
    # Entity names, and ("key", key) / ("name", name) of properties, to refuse duplicates.
    names_seen: set[str | tuple[str, str]] = field(default_factory=set)
    # Files before version 3 (and the first version-3 files) do not say whether a fuzzy match's
    # figures changed; the texts (source, revision) its previous spans count in are kept while
    # writing, to work it out.
    texts_for_figures: set[tuple[int, int]] = field(default_factory=set)
    # SHA-256 of each block of lines (`_records`), so the second pass knows the bytes it reads are
    # the ones checked.
    block_digests: list[bytes] = field(default_factory=list)

    def mention(self, table_name: str, row_id: int | None) -> None:
        if row_id is None:
            return
        found = self.id_range.get(table_name)
        if found is None:
            self.id_range[table_name] = (row_id, row_id)
        elif row_id > found[1]:  # ids mostly grow line by line
            self.id_range[table_name] = (found[0], row_id)
        elif row_id < found[0]:
            self.id_range[table_name] = (row_id, found[1])

    def current_revision(self, source_id: int) -> int:
        return len(self.revisions.get(source_id, ())) + 1

    def text_length(self, source_id: int, revision: int) -> int | None:
        """Length of a source's text in one revision; None when the file has no such revision."""
        if revision == self.current_revision(source_id):
            return self.source_lengths[source_id]
        found = self.revisions.get(source_id, {}).get(revision)
        return found.char_count if found is not None else None


def read_records(path: Path, checked: Sequence[bytes]) -> Iterator[tuple[int, dict | None]]:
    """(line number, parsed object) for every line; blank lines give None. A line that cannot be
    read stops it with `LoadError` naming the line (in the second pass too: the file may have
    changed since the first). `checked` holds the first pass's digest of each block of lines
    (`Survey.block_digests`): the lines of a block with the same digest are the lines the first
    pass accepted, so their numbers and texts are not looked at again; a block that differs is
    refused, after its lines are read as carefully as in the first pass (a line that no longer
    parses is named in the words the first pass would use)."""
    try:
        for number, record, _line in _records(path, checked=checked):
            yield number, record
    except _Problem as problem:
        raise _refusal(path, problem) from None
    except _Changed as changed:
        raise LoadError(f"“{path.name}” changed while it was being loaded ({changed.where}); "
                        "nothing was loaded.") from None


def _refusal(path: Path, problem: _Problem) -> LoadError:
    return LoadError(f"Line {problem.line} of {path.name}: {problem.problem}; nothing was loaded.")


class _Changed(Exception):
    """The second pass met bytes the first pass did not check."""

    def __init__(self, where: str):
        super().__init__(where)
        self.where = where


# Lines are read and digested in blocks of about this many bytes (a block ends with the line that
# passes it, so both passes cut the same bytes the same way). At 1M facts (1.4 GB) that is ~22k
# SHA-256 digests, 32 bytes each, where a CRC-32 per line was 2.4M checksums in 10 MB that a changed
# line could keep (docs/PERFORMANCE.md section 22).
_BLOCK_BYTES = 64 * 1024


def _records(path: Path, *, checked: Sequence[bytes] | None = None,
             digests: list[bytes] | None = None) -> Iterator[tuple[int, dict | None, str]]:
    """(line number, parsed object, the line) for every line. The first pass appends each block's
    SHA-256 to `digests`, and leaves the numbers of a line to its record type's compiled checks
    (`RecordRules.accepts`, which look only at the fields that hold numbers, and `_numbers_known`);
    the second gives the digests back as `checked` and hands on no line of a block before the
    whole block is known to be the one checked. At 100k facts, looking at every parsed line's
    numbers cost 0.4 s CPU a pass; the digests cost 0.04 s a pass more than reading the lines."""
    first_pass = checked is None
    number = blocks = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.readlines(_BLOCK_BYTES), []):
            digest = sha256(b"".join(block)).digest()  # one call a block, not one a line
            if digests is not None:
                digests.append(digest)
            elif checked is not None and (blocks >= len(checked) or checked[blocks] != digest):
                _refuse_changed_block(number, block)
            blocks += 1
            for raw in block:
                number += 1
                try:  # _decoded, inlined: a call per line is ~0.15 s CPU a pass at 1M facts
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise _Problem(number, "the line is not UTF-8 text") from None
                if number == 1:
                    line = line.removeprefix("\ufeff")
                if not line or line.isspace():  # not line.strip(): no copy of each line
                    yield number, None, line
                    continue
                record = _parse_line(number, line, numbers=False) if first_pass else _parse_checked_line(number, line)
                if not isinstance(record, dict):
                    raise _Problem(number, "the line is not a JSON object")
                yield number, record, line
    if checked is not None and blocks < len(checked):
        raise _Changed(f"it ends at line {number} now, before where it ended when it was checked")


def _decoded(number: int, raw: bytes) -> str:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Problem(number, "the line is not UTF-8 text") from None
    return line.removeprefix("\ufeff") if number == 1 else line


def _refuse_changed_block(before: int, block: list[bytes]) -> None:
    """A block of the second pass that is not the one checked: a line of it that no longer reads is
    refused as the first pass would word it; otherwise the change itself is refused."""
    number = before
    for raw in block:
        number += 1
        line = _decoded(number, raw)
        if line and not line.isspace() and not isinstance(_parse_line(number, line), dict):
            raise _Problem(number, "the line is not a JSON object")
    raise _Changed(f"lines {before + 1}–{number}" if number > before + 1 else f"line {number}")


_LONGEST_INTEGER_DIGITS = 20  # 2^63 has 19 digits; Python refuses to parse over 4,300 at all


class _Constant(Exception):
    """NaN or Infinity met by the fast parse: the careful one says which line and why."""


def _constant(_name: str) -> float:
    raise _Constant


# One decoder for every line, with json's C scanner alone: hooks for each number (parse_int,
# parse_float) made the scanner call Python 1.2M times for the 240k lines of a 100k file, and a
# new decoder per line (what json.loads with hooks builds) cost another 1 us a line. NaN and
# Infinity are rare, so the constant hook costs nothing on good files.
_SCAN = json.JSONDecoder(parse_constant=_constant).scan_once  # type: ignore[attr-defined]
_UNSURE = (_Constant, StopIteration, ValueError, RecursionError)  # ValueError: json's errors, 4,300+ digits


def _parse_line(number: int, line: str, *, numbers: bool = True) -> object:
    """One line as JSON, refusing what JSON allows but a fact base cannot hold: whole numbers beyond
    64-bit integers, numbers too large for a float (1e400), NaN and Infinity (which Python's json
    accepts though JSON has no such values), text with a lone surrogate (it cannot be stored as
    UTF-8), and nesting deeper than the parser's stack.

    The fast parse reads the line with json's C scanner, then looks at the numbers it gave (1e400
    became inf); anything it is unsure of, from bad JSON to one number out of range, is parsed again
    carefully, which names the problem (or, for a line with leading blanks, reads it). At 100k
    facts: 2.0 s CPU for the careful parse of every line, 0.9 s for the fast one plus 0.4 s for
    looking at its numbers. With `numbers` false the caller looks at them (`_numbers_known`)."""
    try:
        value, end = _SCAN(line, 0)
    except _UNSURE:
        return _parse_carefully(number, line)
    if (type(value) is not dict or (end != len(line) and not line[end:].isspace())
            or (numbers and not numbers_fit(value))):
        return _parse_carefully(number, line)
    return _refuse_lone_surrogates(number, value, line)


def _parse_checked_line(number: int, line: str) -> object:
    """A line the first pass accepted: read by the scanner alone (one with leading blanks, which the
    scanner does not skip, the first pass's way)."""
    try:
        return _SCAN(line, 0)[0]
    except _UNSURE:
        return _parse_line(number, line)


def _parse_carefully(number: int, line: str) -> object:
    """The line parsed with every number checked as it is read, so a refusal can quote it as written."""
    try:
        return _refuse_lone_surrogates(number, json.loads(
            line, parse_int=lambda text: _whole_number(number, text),
            parse_float=lambda text: _finite_number(number, text),
            parse_constant=lambda name: _no_constant(number, name)), line)
    except json.JSONDecodeError as error:
        raise _Problem(number, f"the line is not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise _Problem(number, "the line nests lists or objects too deeply to be a kzeu_desk record") from None


def _whole_number(number: int, text: str) -> int:
    if len(text.lstrip("-")) > _LONGEST_INTEGER_DIGITS or not SMALLEST_INTEGER <= int(text) <= LARGEST_INTEGER:
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


def _refuse_lone_surrogates(number: int, value: object, line: str) -> object:
    """Text must be encodable as UTF-8: a \\ud800 escape without its pair is not a character (only an
    escape can make one: the line itself was strictly decoded)."""
    if "\\u" not in line:
        return value
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
    return value


def _numbers_known(number: int, line: str, record: dict) -> None:
    """Refuse a line with a number a fact base cannot hold, as the careful parse words it."""
    if not numbers_fit(record):
        _parse_carefully(number, line)  # names the number
        raise _Problem(number, "the line holds a number a fact base cannot hold")  # not reached: both agree


def _check_fields(number: int, check: Callable[[str, dict], None], kind: str, record: dict) -> None:
    try:
        check(kind, record)
    except LineProblem as problem:
        raise _Problem(number, str(problem)) from None


def _survey(path: Path) -> Survey:
    survey = Survey()
    seen_header = False
    for number, record, line in _records(path, digests=survey.block_digests):
        survey.lines = number
        if record is None:
            continue
        kind = record.get("type")
        if not seen_header:
            _numbers_known(number, line, record)
            survey.version = _check_header(number, record)
            rules = rules_for(survey.version)
            _check_fields(number, rules.check, "header", record)
            seen_header = True
            continue
        if not isinstance(kind, str) or kind not in rules.record_types:
            _numbers_known(number, line, record)
            expected = ", ".join(rules.record_types)
            shown = json.dumps(kind, ensure_ascii=False)[:40]
            raise _Problem(number, f"the record type {shown} is unknown (expected one of {expected})")
        if not rules.accepts(kind, record):  # which includes every number fitting
            # A number that cannot be stored is named before what else the line gets wrong, as
            # when the parse itself looked at the numbers.
            _numbers_known(number, line, record)
            _check_fields(number, rules.check, kind, record)
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
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Problem(number, f"the header has no valid format version ({json.dumps(version)})")
    if version > FORMAT_VERSION:
        raise _Problem(number, f"the file is format version {version}, newer than this kzeu_desk reads "
                               f"({FORMAT_VERSION}); update kzeu_desk to load it")
    return version


def _require_defined(survey: Survey, number: int, what: str, kind: str, row_id: int | None) -> None:
    if row_id is not None and row_id not in survey.defined[kind]:
        raise _Problem(number, f"{what} refers to {kind} {row_id}, which no earlier line defines")


def _define(survey: Survey, number: int, kind: str, row_id: int) -> None:
    if row_id in survey.defined[kind]:
        raise _Problem(number, f"{kind} {row_id} is defined a second time")
    survey.defined[kind].add(row_id)


def _survey_source(survey: Survey, number: int, r: dict) -> None:
    _define(survey, number, "source", r["id"])
    survey.mention("source", r["id"])
    _check_text(number, "source text", r)
    _check_origin(survey, number, "source", r)
    survey.source_lengths[r["id"]] = r["char_count"]
    survey.source_hashes[r["id"]] = r["text_sha256"]


def _survey_original(survey: Survey, number: int, r: dict) -> None:
    try:
        data = base64.b64decode(r["data"], validate=True)
    except (binascii.Error, ValueError):
        raise _Problem(number, "the original file's data is not base64") from None
    if len(data) != r["byte_count"] or hashlib.sha256(data).hexdigest() != r["sha256"]:
        raise _Problem(number, "the original file's data does not match its byte_count and sha256")
    if r["sha256"] in survey.originals:
        raise _Problem(number, f"original {r['sha256'][:12]}… is given a second time")
    survey.originals.add(r["sha256"])


def _check_origin(survey: Survey, number: int, what: str, r: dict) -> None:
    """Beyond the schema (which gives the fields' shapes): a version 3 text's original is given
    on an earlier line, and its pages start in order within the text."""
    original = r.get("original_sha256")
    if original is not None and original not in survey.originals:
        raise _Problem(number, f"the {what} names original {original[:12]}…, which no earlier line gives")
    previous = 0
    for page in r.get("pages") or ():
        if not previous <= page["start"] <= r["char_count"]:
            raise _Problem(number, f"the {what}'s pages must start in order, within the text")
        previous = page["start"]


def _check_text(number: int, what: str, r: dict) -> None:
    body = r["text"]
    if canonicalize(body) != body:
        raise _Problem(number, f"{what} has carriage returns or a byte order mark; offsets would not match")
    if len(body) != r["char_count"]:
        raise _Problem(number, f"{what} has {len(body)} characters but records {r['char_count']}")
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != r["text_sha256"]:
        raise _Problem(number, f"{what} does not match its text_sha256")


def _survey_source_revision(survey: Survey, number: int, r: dict) -> None:
    source_id = r["source"]
    _require_defined(survey, number, "a source revision", "source", source_id)
    if survey.counts["evidence"]:
        raise _Problem(number, "source revisions must come before the evidence that points into them")
    expected = survey.current_revision(source_id)
    if r["number"] != expected:
        raise _Problem(number, f"revision {r['number']} of source {source_id} comes where revision {expected} "
                               "belongs (revisions are numbered from 1 and listed in order)")
    _check_text(number, "revision text", r)
    _check_origin(survey, number, "source revision", r)
    survey.revisions.setdefault(source_id, {})[r["number"]] = Revision(r["id"], r["char_count"], r["text_sha256"])
    survey.mention("source_revision", r["id"])


def _survey_entity(survey: Survey, number: int, r: dict) -> None:
    _define(survey, number, "entity", r["id"])
    survey.mention("entity", r["id"])
    if not r["name"].strip():
        raise _Problem(number, "an entity needs a name")
    if r["name"] in survey.names_seen:
        raise _Problem(number, f"the entity name “{r['name']}” is defined a second time")
    survey.names_seen.add(r["name"])
    survey.entity_names[r["id"]] = r["name"]
    survey.entity_kinds[r["id"]] = r["kind"]
    seen: set[str] = set()
    for alias in r["aliases"]:
        if alias["alias"] in seen:
            raise _Problem(number, f"the alias “{alias['alias']}” is listed twice")
        if alias["id"] in survey.alias_owner:
            raise _Problem(number, f"alias {alias['id']} is defined a second time")
        seen.add(alias["alias"])
        survey.alias_owner[alias["id"]] = (r["id"], alias["alias"])
        survey.mention("entity_alias", alias["id"])


def _survey_property(survey: Survey, number: int, r: dict) -> None:
    _define(survey, number, "property", r["id"])
    survey.mention("property", r["id"])
    if ("key", r["key"]) in survey.names_seen or ("name", r["name"]) in survey.names_seen:
        raise _Problem(number, f"the property “{r['key']}” or its name is defined a second time")
    survey.names_seen.update({("key", r["key"]), ("name", r["name"])})
    survey.property_keys[r["id"]] = (r["key"], r["name"], number)
    survey.properties[r["id"]] = file_property(r)


def file_property(r: dict) -> PropertyInfo:
    """A property record's rules (version 1 and 2 records have no units, subject kind or deprecation)."""
    return PropertyInfo(
        id=r["id"], name=r["name"], value_kind=ValueKind(r["value_kind"]), default_unit=r.get("default_unit"),
        description=r.get("description"), key=r["key"], allowed_units=tuple(r.get("allowed_units") or ()),
        subject_kind=r.get("subject_kind"), single_valued=r["single_valued"], deprecated=bool(r.get("deprecated")),
        wikidata_pid=r.get("wikidata_pid"), tolerance=r.get("tolerance"))


def _survey_property_separator(survey: Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "a property separator", "property", r["property"])
    _require_defined(survey, number, "a property separator", "property", r["qualifier"])
    if r["property"] == r["qualifier"]:
        raise _Problem(number, "a property cannot separate its own values")
    if (r["property"], r["qualifier"]) in survey.separators:
        raise _Problem(number, f"property {r['qualifier']} is given twice as a separator of property {r['property']}")
    survey.separators.add((r["property"], r["qualifier"]))
    survey.mention("property_separator", r["id"])


# Looked up rather than called: `ValueKind(...)` runs the enum's Python lookup, ~0.4 µs a value
# (~0.1 s CPU of a 100k load's first pass, with qualifiers).
_VALUE_KINDS = {kind.value: kind for kind in ValueKind}


def file_value(value: dict) -> TypedValue:
    """A value object of the file (a fact's or a qualifier's) as a TypedValue; entity ids stay the file's."""
    kind = _VALUE_KINDS.get(value["kind"]) or ValueKind(value["kind"])  # an unknown kind refused as before
    return TypedValue(kind, amount=value.get("amount"), lower=value.get("lower"),
                      upper=value.get("upper"), approximate=value["approximate"], unit=value.get("unit"),
                      date=value.get("date"), date_end=value.get("date_end"), entity_id=value.get("entity"),
                      text=value.get("text"))


def fit_problem(value: TypedValue, prop: PropertyInfo, fact_id: int, *, qualifier: bool = False) -> str | None:
    """Why a value in the file does not fit its property, as the middle of a sentence; None if it fits."""
    problem = value_problem(value, prop)
    if problem is None:
        return None
    what = f"a qualifier of fact {fact_id}" if qualifier else f"fact {fact_id}"
    return f"{what} does not fit its property: {problem.rstrip('.')}"


def _survey_fact(survey: Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "a fact", "entity", r["subject"])
    _require_defined(survey, number, "a fact", "property", r["property"])
    _require_defined(survey, number, "a fact's value", "entity", r["value"]["entity"])
    _define(survey, number, "fact", r["id"])
    survey.mention("fact", r["id"])
    prop = survey.properties.get(r["property"]) if r.get("property") is not None else None
    if prop is not None:
        _check_fit(number, r["value"], prop, r["id"])
        if r.get("subject") is not None:
            problem = subject_problem(prop, survey.entity_names[r["subject"]], survey.entity_kinds.get(r["subject"]))
            if problem:
                raise _Problem(number, f"fact {r['id']} does not fit its property: {problem.rstrip('.')}")
    for qualifier in r.get("qualifiers") or ():
        _require_defined(survey, number, "a qualifier", "property", qualifier["property"])
        _require_defined(survey, number, "a qualifier's value", "entity", qualifier["value"].get("entity"))
        if qualifier["property"] == r.get("property"):
            raise _Problem(number, f"fact {r['id']} is qualified by its own property")
        _check_fit(number, qualifier["value"], survey.properties[qualifier["property"]], r["id"], qualifier=True)
        survey.mention("fact_qualifier", qualifier["id"])


def _check_fit(number: int, value: dict, prop: PropertyInfo, fact_id: int, *, qualifier: bool = False) -> None:
    problem = fit_problem(file_value(value), prop, fact_id, qualifier=qualifier)
    if problem:
        raise _Problem(number, problem)


def _survey_evidence(survey: Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "evidence", "fact", r["fact"])
    source_id = r["source"]
    _require_defined(survey, number, "evidence", "source", source_id)
    current = survey.current_revision(source_id)
    state = r.get("anchor_state", _EXACT)
    revision = r.get("confirmed_revision", current)
    if state == ORPHANED:
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
        if "number_changed" not in r and state == AnchorState.FUZZY.value:
            survey.texts_for_figures.add((source_id, r["previous_revision"]))
    survey.mention("evidence", r["id"])


def _check_previous_span(survey: Survey, number: int, source_id: int, revision: int | None, start: int | None,
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


def _survey_link(survey: Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "a link", "fact", r["from"])
    _require_defined(survey, number, "a link", "fact", r["to"])
    if r["from"] == r["to"]:
        raise _Problem(number, "a link joins a fact to itself")
    survey.mention("fact_link", r["id"])


def _survey_conflict(survey: Survey, number: int, r: dict) -> None:
    _require_defined(survey, number, "a conflict", "entity", r["subject"])
    _require_defined(survey, number, "a conflict", "property", r["property"])
    facts: set[int] = set()
    for member in r["members"]:
        _require_defined(survey, number, "a conflict member", "fact", member["fact"])
        if member["fact"] in facts:
            raise _Problem(number, f"fact {member['fact']} is listed twice as a member")
        facts.add(member["fact"])
        survey.mention("conflict_member", member["id"])
    needed = 1 if r["rule"] == ConflictRule.MANUAL.value else 2
    if len(facts) < needed:
        raise _Problem(number, f"a {r['rule']} conflict needs at least {needed} member facts")
    survey.mention("conflict", r["id"])


def _survey_audit(survey: Survey, number: int, r: dict) -> None:
    survey.mention("operation", r["operation"])
    survey.mention("operation", r["reverts"])
    survey.mention(r["table"], r["row"])
    for image in (r["before"], r["after"]):
        for column, target_table in ID_COLUMNS[r["table"]].items():
            value = (image or {}).get(column)
            if value is not None and not is_int(value):
                raise _Problem(number, f"audit image column “{column}” must be a whole number")
            survey.mention(target_table, value)
    if r["table"] == "conflict" and r["action"] == "insert":
        survey.conflict_first_operation.setdefault(r["row"], r["operation"])


_SURVEYORS: dict[str, Callable[[Survey, int, dict], None]] = {
    "original": _survey_original, "source": _survey_source, "source_revision": _survey_source_revision, "entity": _survey_entity,
    "property": _survey_property, "property_separator": _survey_property_separator, "fact": _survey_fact,
    "evidence": _survey_evidence, "link": _survey_link, "conflict": _survey_conflict, "audit": _survey_audit,
}


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    survey: Survey


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
        raise _refusal(path, problem) from None
