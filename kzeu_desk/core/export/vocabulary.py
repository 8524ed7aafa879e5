"""kzeu_desk's own RDF vocabulary (`kzeu:`), used where Wikidata and the W3C have no term.

This list is the single source of the vocabulary: the JSON-LD context shipped in
resources/jsonld/kzeu.jsonld (embedded in every Web Annotation export, so nothing needs fetching),
the Turtle export, the SHACL shape and docs/vocabulary.md are checked against it by the tests.
Every term's IRI is the namespace plus the term's name, and the namespace ends in `#`, so each
term resolves to its own heading (anchor) on docs/vocabulary.md, where the namespace's permanent
address redirects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kzeu_desk.paths import resources_dir

NAMESPACE = "https://w3id.org/kzeu-desk/vocab#"
PREFIX = "kzeu"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Term:
    name: str
    kind: str  # "class" or "property"
    range: str  # "string", "decimal", "boolean", "integer", "date", "dateTime", "IRI", or a class
    description: str

    @property
    def iri(self) -> str:
        return NAMESPACE + self.name


TERMS: tuple[Term, ...] = (
    Term("Fact", "class", "", "A statement about a subject, with a typed value, taken from sources."),
    Term("Source", "class", "", "A document facts are taken from (an article, a statement, a treaty)."),
    Term("Evidence", "class", "", "A quoted span of a source that supports a fact."),
    Term("Entity", "class", "", "A country, organisation, agreement, person or other thing facts are about."),
    Term("Property", "class", "", "What a fact says about its subject (a curator's property)."),
    Term("Qualifier", "class", "", "A (property, value) pair that narrows what a fact states."),
    Term("Link", "class", "", "A curator's link between two facts (supports, contradicts, …)."),
    Term("Conflict", "class", "", "Facts that disagree, found by a rule or flagged by a curator, and how it was settled."),
    Term("subject", "property", "string", "The name of the fact's subject entity."),
    Term("subjectItem", "property", "IRI", "The subject's Wikidata item, where the curator mapped it."),
    Term("subjectEntity", "property", "Entity", "The fact's subject entity."),
    Term("property", "property", "string", "The key of the fact's (or qualifier's) property."),
    Term("propertyName", "property", "string", "The property's name as curators see it."),
    Term("wikidataProperty", "property", "IRI", "The property's Wikidata property, where the curator mapped it."),
    Term("valueKind", "property", "string",
         "The kind of value: date, date_range, money, percent, count, quantity, entity or text."),
    Term("amount", "property", "decimal", "The stated amount of a numeric value."),
    Term("lowerBound", "property", "decimal", "The lower bound of a numeric value (\"more than\")."),
    Term("upperBound", "property", "decimal",
         "The upper bound of a numeric value (\"up to\"; with an amount equal to it, \"almost\")."),
    Term("approximate", "property", "boolean", "Whether the source gives the value approximately (\"about\")."),
    Term("unit", "property", "string", "The value's unit (ISO 4217 currency, %, or a curator's unit)."),
    Term("date", "property", "string", "A date value: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source."),
    Term("dateEnd", "property", "string", "The last date of a date range value."),
    Term("valueEntity", "property", "string", "The name of an entity value."),
    Term("valueItem", "property", "IRI", "An entity value's Wikidata item, where the curator mapped it."),
    Term("text", "property", "string", "A text value."),
    Term("pointInTime", "property", "string", "When the fact holds (a date, as precise as known)."),
    Term("startTime", "property", "string", "From when the fact holds."),
    Term("endTime", "property", "string", "Until when the fact holds."),
    Term("scopeNote", "property", "string", "The curator's note on what the fact covers."),
    Term("status", "property", "string", "The fact's review status: draft, confirmed or rejected."),
    Term("rank", "property", "string", "The fact's rank, as in Wikibase: preferred, normal or deprecated."),
    Term("qualifiers", "property", "Qualifier", "A qualifier of the fact."),
    Term("sourceTitle", "property", "string", "The title of the source."),
    Term("citation", "property", "string", "The source as a full reference (author, title, publisher, date, URL)."),
    Term("publisher", "property", "string", "Who published the source."),
    Term("author", "property", "string", "Who wrote the source."),
    Term("published", "property", "string", "When the source was published (as precise as known)."),
    Term("anchorState", "property", "string",
         "How the quote was found in the source's current text: exact, moved, fuzzy (found only approximately) "
         "or orphaned (not found)."),
    Term("anchorScore", "property", "decimal", "How closely a fuzzy match agrees with the quote (0–1)."),
    Term("numberChanged", "property", "boolean", "A fuzzy match whose figures differ from the quote's."),
    Term("revision", "property", "integer", "The source revision the quote's offsets count in."),
    Term("page", "property", "integer", "The page of the document the quote starts on."),
    Term("pageEnd", "property", "integer", "The page the quote ends on, when it runs on to a later page."),
    Term("quote", "property", "string", "The quoted text of a piece of evidence."),
    Term("start", "property", "integer", "Where the quote starts, in code points of the source's text."),
    Term("end", "property", "integer", "Where the quote ends, in code points of the source's text."),
    Term("evidenceOf", "property", "Fact", "The fact a piece of evidence supports."),
    Term("inSource", "property", "Source", "The source a piece of evidence quotes."),
    Term("linkKind", "property", "string",
         "What a link says: supports, contradicts, duplicate_of, derived_from or related."),
    Term("fromFact", "property", "Fact", "The fact a link starts at."),
    Term("toFact", "property", "Fact", "The fact a link points to."),
    Term("note", "property", "string", "A curator's note."),
    Term("rule", "property", "string", "The rule that found a conflict (or manual, for a curator's flag)."),
    Term("conflictStatus", "property", "string", "Whether a conflict is open, resolved or dismissed."),
    Term("resolution", "property", "string", "How a conflict was settled: prefer, scope, merge, reject or dismiss."),
    Term("explanation", "property", "string", "Why the rule found the facts in conflict, in words."),
    Term("rationale", "property", "string", "The curator's reason for settling a conflict as they did."),
    Term("resolvedBy", "property", "string", "The curator who settled a conflict."),
    Term("resolvedAt", "property", "dateTime", "When a conflict was settled."),
    Term("url", "property", "IRI", "The address of a source."),
    Term("member", "property", "Fact", "A fact in a conflict."),
    Term("name", "property", "string", "An entity's or property's name."),
    Term("entityKind", "property", "string", "An entity's kind: country, organisation, agreement, person or other."),
)

_XSD_RANGE = {"decimal": "xsd:decimal", "boolean": "xsd:boolean", "integer": "xsd:integer"}


def context() -> dict:
    """The JSON-LD context of the vocabulary: the prefix, and IRI-valued terms typed as such. Other
    values keep their JSON types (numbers, booleans, strings), as JSON-LD maps them."""
    terms: dict[str, object] = {PREFIX: NAMESPACE, "xsd": XSD}
    for term in TERMS:
        if term.kind == "property" and (term.range == "IRI" or term.range[:1].isupper()):
            terms[f"{PREFIX}:{term.name}"] = {"@type": "@id"}
    return terms


def context_path() -> Path:
    return resources_dir() / "jsonld" / "kzeu.jsonld"


def context_document() -> str:
    """The text of resources/jsonld/kzeu.jsonld (a test keeps the shipped file equal to it)."""
    return json.dumps({"@context": context()}, ensure_ascii=False, indent=1) + "\n"
