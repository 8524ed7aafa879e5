"""The `wikidata` export: statements in Wikibase JSON, plus QuickStatements lines.

The JSON document lists every entity with its claims, keyed like Wikibase's own entity JSON.
Statements have a mainsnak with its datatype, qualifiers (point in time P585, start time P580,
end time P582, "circa" via sourcing circumstances P1480 for approximate values), references built
from the evidence (reference URL P854, title P1476, quote P1683, publication date P577, author
name string P2093), and a rank: the fact's own, with rejected facts as deprecated. Dates carry
precision 9/10/11 (year/month/day); amounts are signed decimal strings with a unit item.

Only valid ids stand where Wikibase's deserializers expect an id (Q123, P123: the entity's `id`,
the keys of `claims`, a snak's `property`, an item value's `id`). The curator maps entities and
properties to the target Wikibase's ids in the vocabulary manager (Wikidata by default, or a
Wikibase of their own). What has no id yet is exported *to create*: entities as item
serializations without an id (`create.items`, each with the statements it can carry at once),
properties as property serializations with their datatype (`create.properties`). A statement that
needs a property (or an item value) which does not exist yet cannot be written validly, so it
waits: `waiting` counts such facts by reason; mapping the new ids and exporting again adds them.

QuickStatements lines (`NAME.quickstatements.txt`, V1 syntax, one line per piece of evidence, each
adding its reference to the same statement) cover every fact the JSON carries: properties to
create first (`CREATE_PROPERTY`, then `LAST` lines for their labels), then entity by entity, a new
one as `CREATE` and `LAST` lines for its labels, descriptions, aliases and statements.
QuickStatements cannot set ranks: a line of a preferred or deprecated statement says so in its
comment (which QuickStatements keeps as the edit summary). It cannot name a property created in
the same batch (only items may be LAST), so statements with such a property wait like the JSON's.
A reference whose quote was found only approximately in the source's current text is marked: the
reference carries `kzeu:approximateMatch` (its score; Wikibase ignores keys it does not know) and
the QuickStatements line says so.

Orphaned evidence (its quote is no longer in the source's current revision) still makes a
reference with its quote: that is what the source said, in the revision the quote was last found
in. Such a reference adds "retrieved" (P813) with the day that revision was imported, so a reader
who finds the page changed knows which version the quote is from.

Rows come from the driver's cursor as tuples, and what is the same for many statements (a
source's reference snaks, property and entity keys, dates and amounts) is worked out once.

Entities, claims, snaks and references are built as dicts on purpose: each dict is a piece of
the Wikibase JSON being written (reads other code consumes return typed rows).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, text

from kzeu_desk.core.locations import Location
from kzeu_desk.core.pages import EVIDENCE_LAST_PAGE_SQL, EVIDENCE_PAGE_SQL
from kzeu_desk.core.export.common import (
    qualifiers_in_scope,
    GENERATOR,
    ExportResult,
    Progress,
    atomic_output,
    plural,
    reading_fact_base,
)
from kzeu_desk.core.export.identity import ITEM_ID, PROPERTY_ID
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.models import AnchorState, FactRank, FactStatus
from kzeu_desk.core.qualifiers import Qualifier
from kzeu_desk.core.typed_value import DatePrecision, ValueKind, date_precision

FORMAT_NAME = "kzeu-desk-wikibase"
FORMAT_VERSION = 2
GREGORIAN_CALENDAR = "http://www.wikidata.org/entity/Q1985727"
ENTITY_IRI = "http://www.wikidata.org/entity/"
CIRCA = "Q5727902"
POINT_IN_TIME, START_TIME, END_TIME, SOURCING_CIRCUMSTANCES = "P585", "P580", "P582", "P1480"
REFERENCE_URL, TITLE, QUOTE, PUBLICATION_DATE, AUTHOR_NAME = "P854", "P1476", "P1683", "P577", "P2093"
RETRIEVED = "P813"
PAGES = "P304"  # page(s), a string: "12" or "12–13"
UNIT_ITEMS = {"USD": "Q4917", "EUR": "Q4916", "KZT": "Q173117", "GBP": "Q25224", "%": "Q11229"}
_PRECISION = {DatePrecision.YEAR: 9, DatePrecision.MONTH: 10, DatePrecision.DAY: 11}
_Q_ID = ITEM_ID
_P_ID = PROPERTY_ID
# The datatype a property of each value kind has in Wikibase.
DATATYPES = {ValueKind.ENTITY: "wikibase-item", ValueKind.DATE: "time", ValueKind.DATE_RANGE: "time",
             ValueKind.QUANTITY: "quantity", ValueKind.COUNT: "quantity", ValueKind.MONEY: "quantity",
             ValueKind.PERCENT: "quantity", ValueKind.TEXT: "string"}
_ROWS_PER_FETCH = 1_000
_REMEMBERED = 50_000  # bound of each memo below, so memory stays flat on any fact base
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # as json.dumps(ensure_ascii=False)

# One row per (fact, evidence); facts without evidence come once with null evidence columns. An
# orphaned quote is from an earlier revision, whose import date the reference gives.
_FACTS = """
    SELECT f.id, f.subject_id, f.property_id, f.value_kind, f.value_amount, f.value_lower, f.value_upper,
           f.value_approximate, f.value_unit, f.value_date, f.value_date_end, f.value_entity_id, f.value_text,
           f.point_in_time, f.start_time, f.end_time, f.status, f.rank,
           e.id AS evidence_id, e.quote, e.source_id, s.title AS source_title, s.url AS source_url,
           s.published AS source_published, s.author AS source_author, s.language AS source_language,
           r.imported_at AS quote_retrieved_at, e.anchor_state, e.anchor_score,
           """ + EVIDENCE_PAGE_SQL + """ AS first_page, """ + EVIDENCE_LAST_PAGE_SQL + """ AS last_page
    FROM fact f
    LEFT JOIN evidence e ON e.fact_id = f.id
    LEFT JOIN source s ON s.id = e.source_id
    LEFT JOIN source_revision r
        ON e.anchor_state = 'orphaned' AND r.source_id = e.source_id AND r.number = e.confirmed_revision
    WHERE f.subject_id IS NOT NULL AND f.property_id IS NOT NULL AND {keeps}
    ORDER BY f.subject_id, f.property_id, f.id, e.id
"""

NOTES = [
    "Ids (Q123, P123) are the target Wikibase's, as mapped in the vocabulary. Entities and properties without one "
    "are under 'create' (serializations without an id, to create); statements that need one wait ('waiting') "
    "until it is mapped and the fact base exported again.",
    "Rejected facts are exported with rank 'deprecated'. One-sided bounds ('more than', 'up to', 'almost') cannot be "
    "expressed as Wikibase quantity bounds; the stated amount is given.",
    "QuickStatements lines cover every statement of this document, creating new items with CREATE and LAST; "
    "QuickStatements cannot set ranks, so lines of preferred and deprecated statements say so in their comment.",
    "A reference with 'kzeu:approximateMatch' quotes a span found only approximately in its source's current "
    "text (the value is how closely it matched, 0-1).",
    "A reference with 'retrieved' (P813) quotes an earlier revision of its source, imported that day: the quote is "
    "no longer in the source's current text.",
    "A date range value is given as its first day, with start time (P580) and end time (P582) qualifiers; a count is "
    "a quantity of unit 1. A fact's own qualifiers follow point in time, start and end; a statement waits while one "
    "of its qualifiers has no id, since without it the statement would say something else.",
]


OWN_WIKIBASE_NOTE = (
    "Qualifiers and references use Wikidata's property numbers (point in time P585, start time P580, end time P582, "
    "sourcing circumstances P1480, reference URL P854, title P1476, quote P1683, publication date P577, author name "
    "string P2093, page(s) P304, retrieved P813) and circa is Wikidata's Q5727902: a Wikibase of one's own needs "
    "these properties under the same ids, or the ids replaced before import.")


@dataclass(frozen=True)
class WikibaseTarget:
    """Where the statements go: Wikidata, or a Wikibase of the curator's own. The vocabulary's ids are
    that Wikibase's; `concept_base` is its entity IRI prefix (units are items there)."""

    name: str = "Wikidata"
    concept_base: str = ENTITY_IRI

    @property
    def is_wikidata(self) -> bool:
        return self.concept_base == ENTITY_IRI

    @classmethod
    def own(cls, concept_base: str) -> WikibaseTarget:
        base = concept_base.strip()
        if not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?", base):
            raise UserError(f"“{concept_base}” is not a Wikibase entity address; give one like "
                            "https://wikibase.example.org/entity/.")
        if not base.endswith("/"):
            base += "/"
        return cls("Wikidata" if base == ENTITY_IRI else "own Wikibase", base)


def quickstatements_path(out: Path) -> Path:
    return out.with_name(f"{out.stem}.quickstatements.txt")


def write_wikibase_statements(source: Location, out: Path, scope: ExportScope, progress: Progress,
                              target: WikibaseTarget | None = None) -> ExportResult:
    target = target or WikibaseTarget()
    qs_path = quickstatements_path(out)
    with reading_fact_base(source) as conn, atomic_output(out) as handle, atomic_output(qs_path) as qs_handle:
        vocabulary = _Vocabulary(conn)
        total = conn.execute(text(f"SELECT count(*) FROM fact r WHERE {scope.keeps('fact', 'r')}")).scalar_one()
        progress.start(total)
        progress.stage("Writing statements")
        report = _StatementWriter(handle, qs_handle, qs_path.name, vocabulary, progress,
                                  qualifiers_in_scope(conn, scope), target)
        report.write(conn, scope, total)
    progress.finish()
    waiting = sum(report.waiting.values())
    reasons = "; ".join(f"{count} because {reason}" for reason, count in report.waiting.most_common())
    created = len(vocabulary.new_items) + len(vocabulary.new_properties)
    summary = (f"Exported {plural(report.statements, 'statement')} to “{out.name}” and "
               f"{plural(report.lines, 'QuickStatements line')} to “{qs_path.name}”"
               + (f", with {plural(created, 'item and property', 'items and properties')} to create" if created else "")
               + (f"; {plural(waiting, 'fact')} wait for ids ({reasons})." if waiting else "."))
    counts = {"fact": report.statements, "quickstatements": report.lines, "waiting": waiting,
              "create_items": len(vocabulary.new_items), "create_properties": len(vocabulary.new_properties)}
    return ExportResult((out, qs_path), counts, summary)


class _Vocabulary:
    """Entities and properties by id; vocabulary is small, unlike facts and evidence."""

    def __init__(self, conn: Connection):
        self.entities = {r.id: r for r in conn.execute(text(
            "SELECT id, name, description, external_id FROM entity ORDER BY id"))}
        self.aliases: dict[int, list[str]] = {}
        for r in conn.execute(text("SELECT entity_id, alias FROM entity_alias ORDER BY entity_id, id")):
            self.aliases.setdefault(r.entity_id, []).append(r.alias)
        self.properties = {r.id: r for r in conn.execute(text(
            "SELECT id, key, name, description, value_kind, wikidata_pid FROM property ORDER BY id"))}
        # Asked once or more per statement: worked out once per entity and property.
        self._items = {entity_id: _valid(_Q_ID, entity.external_id) for entity_id, entity in self.entities.items()}
        self._pids = {property_id: _valid(_P_ID, prop.wikidata_pid) for property_id, prop in self.properties.items()}
        self.new_items = [entity_id for entity_id, item in self._items.items() if item is None]
        self.new_properties = [property_id for property_id, pid in self._pids.items() if pid is None]

    def wikidata_item(self, entity_id: int | None) -> str | None:
        return self._items.get(entity_id)

    def wikidata_property(self, property_id: int) -> str | None:
        return self._pids[property_id]

    def property_key(self, property_id: int) -> str:
        return self.properties[property_id].key


def _valid(pattern: re.Pattern, identifier: str | None) -> str | None:
    cleaned = (identifier or "").strip()
    return cleaned if pattern.fullmatch(cleaned) else None


class _StatementWriter:
    def __init__(self, handle: IO[str], qs_handle: IO[str], qs_name: str, vocabulary: _Vocabulary,
                 progress: Progress, qualifiers: dict[int, list[Qualifier]] | None = None,
                 target: WikibaseTarget | None = None):
        self.handle, self.qs_handle, self.qs_name = handle, qs_handle, qs_name
        self.qualifiers = qualifiers or {}
        self.vocabulary = vocabulary
        self.target = target or WikibaseTarget()
        self.progress = progress
        self.statements = 0
        self.lines = 0
        self.waiting: Counter[str] = Counter()
        self._references = _References()

    def write(self, conn: Connection, scope: ExportScope, total: int) -> None:
        out = self.handle
        out.write(json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION, "generator": GENERATOR,
                              "scope": scope.name,
                              "target": {"name": self.target.name, "conceptBaseUri": self.target.concept_base},
                              "notes": NOTES if self.target.is_wikidata else [*NOTES, OWN_WIKIBASE_NOTE]},
                             ensure_ascii=False, indent=1)[:-2])
        self._write_properties_to_create()
        # Two passes over the facts (in subject order): entities that have ids, then those to create.
        out.write(',\n "entities": {')
        self._write_entities(_peekable(_facts(conn, scope)), with_id=True)
        out.write('\n },\n "create": {"properties": [')
        for number, property_id in enumerate(self.vocabulary.new_properties):
            out.write(("," if number else "") + "\n  " + _encode(self._property_to_create(property_id)))
        out.write('\n ], "items": [')
        self._write_entities(_peekable(_facts(conn, scope)), with_id=False)
        out.write("\n ]},")
        unattached = total - self.statements - sum(self.waiting.values())
        if unattached:
            self.waiting["the fact has no subject or property"] += unattached
        quickstatements = {"file": self.qs_name, "lines": self.lines}
        out.write('\n "waiting": ' + json.dumps(dict(self.waiting.most_common()), ensure_ascii=False))
        out.write(',\n "quickstatements": ' + json.dumps(quickstatements, ensure_ascii=False) + "\n}\n")

    # -- entities and properties -------------------------------------------------------------------

    def _write_entities(self, facts: _peekable, *, with_id: bool) -> None:
        out = self.handle
        written = 0
        for entity_id in self.vocabulary.entities:
            item = self.vocabulary.wikidata_item(entity_id)
            if (item is not None) != with_id:
                _skip_facts_of(entity_id, facts)
                continue
            out.write("," if written else "")
            written += 1
            head = self._entity_head(entity_id)
            if item is not None:
                out.write(f"\n  {json.dumps(item)}: ")
            else:
                out.write(f'\n  {{"local": {_encode(f"kzeu:entity:{entity_id}")}, "entity": ')
                self._write_qs_creation(entity_id, head)
            out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "claims": {')
            self._write_claims(entity_id, facts, item or "LAST")
            out.write("}}" if item is not None else "}}}")

    def _entity_head(self, entity_id: int) -> dict:
        entity = self.vocabulary.entities[entity_id]
        head: dict = {"type": "item"}
        if self.vocabulary.wikidata_item(entity_id):
            head["id"] = self.vocabulary.wikidata_item(entity_id)
        head["labels"] = {"en": {"language": "en", "value": entity.name}}
        if entity.description:
            head["descriptions"] = {"en": {"language": "en", "value": entity.description}}
        aliases = [a for a in self.vocabulary.aliases.get(entity_id, []) if a != entity.name]
        if aliases:
            # Alias languages are not recorded; "mul" is Wikidata's code for names used across languages.
            head["aliases"] = {"mul": [{"language": "mul", "value": a} for a in aliases]}
        return head

    def _property_to_create(self, property_id: int) -> dict:
        prop = self.vocabulary.properties[property_id]
        entity: dict = {"type": "property", "datatype": DATATYPES[ValueKind(prop.value_kind)],
                        "labels": {"en": {"language": "en", "value": prop.name}}}
        if prop.description:
            entity["descriptions"] = {"en": {"language": "en", "value": prop.description}}
        entity["claims"] = {}
        return {"local": f"kzeu:property:{prop.key}", "entity": entity}

    def _write_properties_to_create(self) -> None:
        for property_id in self.vocabulary.new_properties:
            prop = self.vocabulary.properties[property_id]
            datatype = DATATYPES[ValueKind(prop.value_kind)]
            self._qs_line(["CREATE_PROPERTY", datatype],
                          f"property {prop.key}: map its new id in the vocabulary and export again for its statements")
            self._qs_line(["LAST", "Len", _qs_text(prop.name)])
            if prop.description:
                self._qs_line(["LAST", "Den", _qs_text(prop.description)])

    def _write_qs_creation(self, entity_id: int, head: dict) -> None:
        self._qs_line(["CREATE"], f"entity {entity_id}")
        self._qs_line(["LAST", "Len", _qs_text(head["labels"]["en"]["value"])])
        if "descriptions" in head:
            self._qs_line(["LAST", "Den", _qs_text(head["descriptions"]["en"]["value"])])
        for alias in head.get("aliases", {}).get("mul", []):
            self._qs_line(["LAST", "Amul", _qs_text(alias["value"])])

    def _write_claims(self, entity_id: int, facts: _peekable, subject: str) -> None:
        """The entity's statements, grouped by property; `subject` names it in QuickStatements
        (its id, or LAST right after its CREATE)."""
        current_property = None
        while (upcoming := facts.peek()) is not None and upcoming[0]["subject_id"] == entity_id:
            fact_rows = next(facts)
            fact = fact_rows[0]
            self.progress.advance()
            reason = self._why_waiting(fact, entity_id)
            if reason:
                self.waiting[reason] += 1
                continue
            if fact["property_id"] != current_property:
                if current_property is not None:
                    self.handle.write("], ")
                current_property = fact["property_id"]
                self.handle.write(json.dumps(self.vocabulary.wikidata_property(current_property)) + ": [")
            else:
                self.handle.write(", ")
            self.handle.write(self._statement_json(fact_rows))
            self._write_quickstatements(fact_rows, subject)
            self.statements += 1
        if current_property is not None:
            self.handle.write("]")

    def _why_waiting(self, fact: dict, subject_id: int) -> str | None:
        """Why a statement cannot be written with valid ids yet, or None when it can."""
        if self.vocabulary.wikidata_property(fact["property_id"]) is None:
            return "their property is still to be created"
        value_entity = fact["value_entity_id"] if fact["value_kind"] == ValueKind.ENTITY.value else None
        if value_entity is not None and value_entity != subject_id and self.vocabulary.wikidata_item(value_entity) is None:
            return "their value is an item still to be created"
        for qualifier in self.qualifiers.get(fact["id"], ()):
            value = qualifier.value
            if self.vocabulary.wikidata_property(qualifier.property_id) is None:
                return "a qualifier's property is still to be created"
            if value.kind is ValueKind.ENTITY and value.entity_id is not None and value.entity_id != subject_id \
                    and self.vocabulary.wikidata_item(value.entity_id) is None:
                return "a qualifier's value is an item still to be created"
        return None

    def _statement_json(self, rows: list[dict]) -> str:
        """The statement as JSON. Its references come last and are spliced in as text: most of a
        reference is its source's snaks, encoded once per source instead of once per statement."""
        fact = rows[0]
        prop = self.vocabulary.wikidata_property(fact["property_id"])
        assert prop is not None  # _why_waiting
        statement: dict = {"mainsnak": self._main_snak(prop, fact), "type": "statement", "rank": _rank(fact)}
        qualifiers = self._qualifier_snaks(fact)
        if qualifiers:
            grouped: dict[str, list[dict]] = {}
            for p, snak in qualifiers:
                grouped.setdefault(p, []).append(snak)
            statement["qualifiers"] = grouped
            statement["qualifiers-order"] = list(grouped)
        encoded = _encode(statement)
        references = [self._references.reference_json(row) for row in rows if row["evidence_id"] is not None]
        if references:
            encoded = f'{encoded[:-1]}, "references": [{", ".join(references)}]}}'
        return encoded

    def _main_snak(self, prop: str, fact: dict, subject_item: str | None = None) -> dict:
        kind = ValueKind(fact["value_kind"])
        if kind is ValueKind.ENTITY:
            item = self.vocabulary.wikidata_item(fact["value_entity_id"]) or subject_item
            if fact["value_entity_id"] is None or item is None:
                return _unknown_value(prop, "wikibase-item")
            return _item_snak(prop, item)
        if kind.is_temporal:
            # A date range is stated by its first day, with start and end time qualifiers (_qualifier_snaks).
            return _time_snak(prop, fact["value_date"]) if fact["value_date"] else _unknown_value(prop, "time")
        if kind is ValueKind.TEXT:
            return _snak(prop, "string", {"value": fact["value_text"] or "", "type": "string"})
        amount = _stated_amount(fact)
        if amount is None:
            return _unknown_value(prop, "quantity")
        quantity = {"amount": signed_decimal(amount), "unit": _unit(fact, self.target.concept_base)}
        if fact["value_lower"] is not None and fact["value_upper"] is not None \
                and fact["value_lower"] <= amount <= fact["value_upper"]:
            quantity["lowerBound"] = signed_decimal(fact["value_lower"])
            quantity["upperBound"] = signed_decimal(fact["value_upper"])
        return _snak(prop, "quantity", {"value": quantity, "type": "quantity"})

    # -- QuickStatements -------------------------------------------------------------------------

    def _qs_line(self, parts: list[str], comment: str = "") -> None:
        line = "\t".join(parts)
        if comment:
            line += f" /* {_qs_comment(comment)} */"
        self.qs_handle.write(line + "\n")
        self.lines += 1

    def _write_quickstatements(self, rows: list[dict], subject: str) -> None:
        fact = rows[0]
        head = [subject, self.vocabulary.wikidata_property(fact["property_id"]) or "", self._qs_value(fact, subject)]
        for prop, snak in self._qualifier_snaks(fact):
            head += [prop, _qs_datavalue(snak)]
        rank = _rank(fact)
        rank_note = "" if rank == FactRank.NORMAL.value else \
            f"rank {rank}: QuickStatements cannot set ranks, set it by hand"
        with_evidence: list[dict | None] = [row for row in rows if row["evidence_id"] is not None] or [None]
        for row in with_evidence:
            line = list(head)
            notes = [rank_note] if rank_note else []
            if row is not None:
                for snaks in self._references.reference(row)["snaks"].values():
                    line += ["S" + snaks[0]["property"][1:], _qs_datavalue(snaks[0])]
                if row["anchor_state"] == AnchorState.FUZZY.value:
                    notes.append(f"quote found only approximately in the current text (score {row['anchor_score']:.2f})"
                                 if row["anchor_score"] is not None else
                                 "quote found only approximately in the current text")
            self._qs_line(line, "; ".join(notes))

    def _qualifier_snaks(self, fact: dict) -> list[tuple[str, dict]]:
        """Point in time, start and end, circa, a date range's start and end time, and the curator's
        qualifiers (under their properties' ids), in that order."""
        snaks = _qualifiers(fact)
        if fact["value_kind"] == ValueKind.DATE_RANGE.value and fact["value_date"] and fact["value_date_end"]:
            snaks += [(START_TIME, _time_snak(START_TIME, fact["value_date"])),
                      (END_TIME, _time_snak(END_TIME, fact["value_date_end"]))]
        subject_item = self.vocabulary.wikidata_item(fact["subject_id"])
        for qualifier in self.qualifiers.get(fact["id"], ()):
            prop = self.vocabulary.wikidata_property(qualifier.property_id)
            assert prop is not None  # _why_waiting
            snaks.append((prop, self._main_snak(prop, qualifier.value.to_columns(), subject_item)))
        return snaks

    def _qs_value(self, fact: dict, subject: str) -> str:
        if ValueKind(fact["value_kind"]) is ValueKind.ENTITY:
            if fact["value_entity_id"] is None:
                return "somevalue"
            if fact["value_entity_id"] == fact["subject_id"]:
                return subject
            return self.vocabulary.wikidata_item(fact["value_entity_id"]) or "somevalue"
        snak = self._main_snak("P0", fact)
        return "somevalue" if snak["snaktype"] == "somevalue" else _qs_datavalue(snak)


def _skip_facts_of(entity_id: int, facts: _peekable) -> None:
    while (upcoming := facts.peek()) is not None and upcoming[0]["subject_id"] == entity_id:
        next(facts)


def _qs_comment(text_: str) -> str:
    # A comment runs to the end of the line and ends at "*/": neither may appear inside it.
    return " ".join(text_.split()).replace("*/", "* /")


def _facts(conn: Connection, scope: ExportScope) -> Iterator[list[dict]]:
    """Facts as lists of their rows (one per piece of evidence), in subject, property, id order."""
    # The driver's own cursor, inside the same read transaction: plain tuples, no Row objects.
    with engine_of(conn).fast_rows(conn, _FACTS.format(keeps=scope.keeps("fact", "f"))) as rows:
        names = rows.columns
        group: list[dict] = []
        group_id = None
        while batch := rows.fetchmany(_ROWS_PER_FETCH):
            for values in batch:
                if values[0] != group_id:
                    if group:
                        yield group
                    group, group_id = [], values[0]
                group.append(dict(zip(names, values)))
        if group:
            yield group


class _peekable:
    def __init__(self, iterator: Iterator[list[dict]]):
        self._iterator = iterator
        self._next: list[dict] | None = next(iterator, None)

    def peek(self) -> list[dict] | None:
        return self._next

    def __next__(self) -> list[dict]:
        current = self._next
        if current is None:
            raise StopIteration
        self._next = next(self._iterator, None)
        return current



def _rank(fact: dict) -> str:
    if fact["status"] == FactStatus.REJECTED.value:
        return FactRank.DEPRECATED.value
    return fact["rank"]


def _stated_amount(fact: dict) -> float | None:
    for column in ("value_amount", "value_lower", "value_upper"):
        if fact[column] is not None:
            return fact[column]
    return None


def _unit(fact: dict, concept_base: str = ENTITY_IRI) -> str:
    unit = fact["value_unit"] or ("%" if fact["value_kind"] == ValueKind.PERCENT.value else None)
    item = UNIT_ITEMS.get(unit or "") if concept_base == ENTITY_IRI else None  # Wikidata's unit items
    return f"{concept_base}{item}" if item else "1"  # "1": a plain count or ratio in Wikibase


# Amounts and dates repeat across a fact base (years, round figures): each is converted once.
@lru_cache(maxsize=4096)
def signed_decimal(number: float) -> str:
    """Wikibase's amount form: '+160000000000', '-2.5', '+33.333333333333336'."""
    exact = Decimal(repr(float(number)))
    digits = str(int(exact)) if exact == exact.to_integral_value() else format(exact.normalize(), "f")
    return digits if digits.startswith("-") else f"+{digits}"


def wikibase_time(iso_date: str) -> tuple[str, int]:
    """('+1996-00-00T00:00:00Z', 9) for '1996'; month and day precision fill in what is known."""
    precision = date_precision(iso_date)
    year, month, day = [*iso_date.split("-"), "00", "00"][:3]
    return f"+{year}-{month}-{day}T00:00:00Z", _PRECISION[precision]


def _snak(prop: str, datatype: str, datavalue: dict) -> dict:
    return {"snaktype": "value", "property": prop, "datavalue": datavalue, "datatype": datatype}


def _unknown_value(prop: str, datatype: str) -> dict:
    return {"snaktype": "somevalue", "property": prop, "datatype": datatype}


@lru_cache(maxsize=4096)
def _time_snak(prop: str, iso_date: str) -> dict:
    # Cached, so statements share the dict: snaks are only serialised, never changed.
    time, precision = wikibase_time(iso_date)
    return _snak(prop, "time", {"value": {"time": time, "timezone": 0, "before": 0, "after": 0,
                                          "precision": precision, "calendarmodel": GREGORIAN_CALENDAR},
                                "type": "time"})


def _item_snak(prop: str, item: str) -> dict:
    return _snak(prop, "wikibase-item", {"value": {"entity-type": "item", "numeric-id": int(item[1:]), "id": item},
                                         "type": "wikibase-entityid"})


def _monolingual_snak(prop: str, value: str, language: str | None) -> dict:
    return _snak(prop, "monolingualtext", {"value": {"text": value, "language": language or "und"},
                                           "type": "monolingualtext"})


def _qualifiers(fact: dict) -> list[tuple[str, dict]]:
    qualifiers = []
    for column, prop in (("point_in_time", POINT_IN_TIME), ("start_time", START_TIME), ("end_time", END_TIME)):
        if fact[column]:
            qualifiers.append((prop, _time_snak(prop, fact[column])))
    if fact["value_approximate"]:
        qualifiers.append((SOURCING_CIRCUMSTANCES, _item_snak(SOURCING_CIRCUMSTANCES, CIRCA)))
    return qualifiers


@dataclass(frozen=True, slots=True)
class _SourceSnaks:
    """A source's part of its references, around the quote: as snaks, and as the JSON text of a
    reference with a hole where the quote's text goes."""

    before_quote: list[tuple[str, dict]]  # reference URL, title
    after_quote: list[tuple[str, dict]]  # publication date, author
    json_before_quote_text: str  # '{"snaks": {"P854": [...], "P1476": [...], "P1683": [{... "text": '
    json_after_quote_text: str  # ', "language": "en"}, ...}], "P577": [...]'
    json_order: list[str]  # the reference's snaks-order, without a "retrieved" snak


_HOLE = "\x00"  # no quote is made of it alone; its JSON marks where the quote's text goes


def _snak_json(prop: str, snak: dict) -> str:
    """One entry of a reference's "snaks" object, as `_encode` writes it."""
    return f"{_encode(prop)}: [{_encode(snak)}]"


class _References:
    """References from evidence rows: the source's URL and title, the quote, the source's
    publication date and author, and for an orphaned quote the day it was retrieved. What comes
    from the source is built, and encoded as JSON, once per source."""

    def __init__(self) -> None:
        self._sources: dict[int, _SourceSnaks] = {}

    def reference(self, row: dict) -> dict:
        source = self._source(row)
        snaks = [*source.before_quote, (QUOTE, _monolingual_snak(QUOTE, row["quote"], row["source_language"])),
                 *source.after_quote, *self._per_quote(row)]
        return {"snaks": {p: [snak] for p, snak in snaks}, "snaks-order": [p for p, _snak in snaks]}

    def reference_json(self, row: dict) -> str:
        """`_encode(self.reference(row))`, character for character: the quote's text encoded into
        its source's reference text."""
        source = self._source(row)
        snaks = f"{source.json_before_quote_text}{_encode(row['quote'])}{source.json_after_quote_text}"
        retrieved = self._per_quote(row)
        # A quote found only approximately is marked beside the snaks (Wikibase reads only snaks
        # and their order, so the mark travels without making the reference unreadable).
        approximate = "" if row.get("anchor_state") != AnchorState.FUZZY.value else \
            f', "kzeu:approximateMatch": {_encode(row["anchor_score"])}'
        if not retrieved:
            return f'{snaks}}}, "snaks-order": {_encode(source.json_order)}{approximate}}}'
        extra = ", ".join(_snak_json(p, snak) for p, snak in retrieved)
        order = [*source.json_order, *(p for p, _snak in retrieved)]
        return f'{snaks}, {extra}}}, "snaks-order": {_encode(order)}{approximate}}}'

    @staticmethod
    def _per_quote(row: dict) -> list[tuple[str, dict]]:
        """The snaks that differ from quote to quote of one source: its page(s), and for an orphaned
        quote the day it was retrieved."""
        snaks: list[tuple[str, dict]] = []
        if row.get("first_page") is not None:
            pages = str(row["first_page"]) if row["last_page"] == row["first_page"] else \
                f"{row['first_page']}–{row['last_page']}"
            snaks.append((PAGES, _snak(PAGES, "string", {"value": pages, "type": "string"})))
        if row["quote_retrieved_at"] is not None:
            retrieved_on = row["quote_retrieved_at"][:10]  # the day an earlier revision was imported
            snaks.append((RETRIEVED, _time_snak(RETRIEVED, retrieved_on)))
        return snaks

    def _source(self, row: dict) -> _SourceSnaks:
        known = self._sources.get(row["source_id"])
        if known is not None:
            return known
        before_quote: list[tuple[str, dict]] = []
        if row["source_url"]:
            before_quote.append(
                (REFERENCE_URL, _snak(REFERENCE_URL, "url", {"value": row["source_url"], "type": "string"})))
        before_quote.append((TITLE, _monolingual_snak(TITLE, row["source_title"], row["source_language"])))
        after_quote: list[tuple[str, dict]] = []
        if row["source_published"]:
            after_quote.append((PUBLICATION_DATE, _time_snak(PUBLICATION_DATE, row["source_published"])))
        if row["source_author"]:
            after_quote.append(
                (AUTHOR_NAME, _snak(AUTHOR_NAME, "string", {"value": row["source_author"], "type": "string"})))
        # The quote's snak with the hole as its text, cut there: its text is the snak's first string
        # that comes from data, so the first occurrence is the hole whatever the language says.
        quote = _snak_json(QUOTE, _monolingual_snak(QUOTE, _HOLE, row["source_language"]))
        quote_before_text, _hole, quote_after_text = quote.partition(_encode(_HOLE))
        before_text = '{"snaks": {' + ", ".join([*(_snak_json(p, snak) for p, snak in before_quote), quote_before_text])
        after_text = quote_after_text + "".join(f", {_snak_json(p, snak)}" for p, snak in after_quote)
        order = [*(p for p, _snak in before_quote), QUOTE, *(p for p, _snak in after_quote)]
        known = _SourceSnaks(before_quote, after_quote, before_text, after_text, order)
        if len(self._sources) >= _REMEMBERED:
            self._sources.clear()
        self._sources[row["source_id"]] = known
        return known


def _qs_text(value: str) -> str:
    # QuickStatements has no escapes: a tab or line break would end the command, a straight
    # double quote the string, so they become a space and a typographic quote.
    cleaned = " ".join(value.split())
    return '"' + cleaned.replace('"', "”") + '"'


def _qs_datavalue(snak: dict) -> str:
    """A snak's value in QuickStatements V1 syntax."""
    datavalue = snak["datavalue"]
    value = datavalue["value"]
    kind = datavalue["type"]
    if kind == "time":
        return f"{value['time']}/{value['precision']}"
    if kind == "quantity":
        unit = value["unit"].removeprefix(ENTITY_IRI)
        return value["amount"] + (f"U{unit[1:]}" if unit != "1" else "")
    if kind == "wikibase-entityid":
        return value["id"]
    if kind == "monolingualtext":
        return f"{value['language']}:{_qs_text(value['text'])}"
    return _qs_text(value)
