"""What Wikibase's own deserializers (WikibaseDataModelSerialization, with the DataValues and
Wikibase DataModel libraries they build on) enforce when they read entity JSON, checked in Python:
they are PHP libraries installed with Composer, which this project's test set-up cannot reach.

Each rule names the class that enforces it:
- ItemDeserializer / PropertyDeserializer: `type` is "item" / "property"; `id`, when present, is an
  entity id (EntityIdDeserializer: "'X' is not a valid entity ID"); a property has a string
  `datatype`; `labels`, `descriptions`, `aliases` are arrays; `claims` is a statement list.
- TermDeserializer: a term has string `language` and `value` and no `source`.
- AliasGroupListDeserializer: each alias's `language` equals its group's key.
- StatementDeserializer: `type` is "statement" or "claim"; a `mainsnak`; `rank` one of
  deprecated, normal, preferred; `qualifiers-order` an array.
- SnakDeserializer: `snaktype` one of value, somevalue, novalue; `property` a property id
  (ItemId / PropertyId patterns `^Q[1-9]\\d{0,9}$`, `^P[1-9]\\d{0,9}$` of Wikibase DataModel);
  a value snak has a `datavalue` with `type` and `value`.
- ReferenceDeserializer: `snaks` a snak list; `snaks-order` an array.
- DataValues: StringValue (a string), MonolingualTextValue (`text`, `language` strings),
  TimeValue (`time` `^[-+]\\d+-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`, integer `timezone`, `before`,
  `after`, `precision` 0–14, `calendarmodel` an IRI), UnboundedQuantityValue / QuantityValue
  (`amount` and bounds decimal strings `^[-+](0|[1-9]\\d*)(\\.\\d+)?$`, lower <= amount <= upper,
  `unit` "1" or an IRI), EntityIdValue (`entity-type` and an `id` of that type).
"""

from __future__ import annotations

import re
from decimal import Decimal

ITEM_ID = re.compile(r"^Q[1-9]\d{0,9}$")
PROPERTY_ID = re.compile(r"^P[1-9]\d{0,9}$")
_TIME = re.compile(r"^[-+]\d+-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
_DECIMAL = re.compile(r"^[-+](0|[1-9]\d*)(\.\d+)?$")
_IRI = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)
_VALUE_TYPE_OF_DATATYPE = {"wikibase-item": "wikibase-entityid", "time": "time", "quantity": "quantity",
                           "string": "string", "url": "string", "external-id": "string",
                           "monolingualtext": "monolingualtext"}


class Rejected(Exception):
    pass


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Rejected(message)


def entity(serialization: dict) -> int:
    """Reads an item or property as the deserializers would; returns how many statements it holds."""
    kind = serialization.get("type")
    _require(kind in ("item", "property"), f"unsupported entity type {kind!r}")
    if "id" in serialization:
        pattern = ITEM_ID if kind == "item" else PROPERTY_ID
        _require(isinstance(serialization["id"], str) and bool(pattern.match(serialization["id"])),
                 f"'{serialization['id']}' is not a valid entity ID")
    if kind == "property":
        _require(isinstance(serialization.get("datatype"), str), "a property needs a string datatype")
    for terms in ("labels", "descriptions"):
        for term in serialization.get(terms, {}).values():
            _require(isinstance(term.get("language"), str) and isinstance(term.get("value"), str), "bad term")
            _require("source" not in term, "a term may not have a source")
    for language, group in serialization.get("aliases", {}).items():
        for alias in group:
            _require(alias.get("language") == language and isinstance(alias.get("value"), str), "bad alias")
    statements = 0
    for key, group in serialization.get("claims", {}).items():
        _require(bool(PROPERTY_ID.match(key)), f"'{key}' is not a valid property ID")
        for statement_ in group:
            statement(statement_)
            statements += 1
    return statements


def statement(serialization: dict) -> None:
    _require(serialization.get("type") in ("statement", "claim"), "statement type")
    _require("mainsnak" in serialization, "missing mainsnak")
    snak(serialization["mainsnak"])
    _require(serialization.get("rank", "normal") in ("deprecated", "normal", "preferred"), "bad rank")
    for key, snaks in serialization.get("qualifiers", {}).items():
        _require(bool(PROPERTY_ID.match(key)), f"'{key}' is not a valid property ID")
        for each in snaks:
            snak(each)
    _require(isinstance(serialization.get("qualifiers-order", []), list), "qualifiers-order must be an array")
    for reference in serialization.get("references", []):
        _require("snaks" in reference, "a reference needs snaks")
        for key, snaks in reference["snaks"].items():
            _require(bool(PROPERTY_ID.match(key)), f"'{key}' is not a valid property ID")
            for each in snaks:
                snak(each)
        _require(isinstance(reference.get("snaks-order", []), list), "snaks-order must be an array")


def snak(serialization: dict) -> None:
    _require(serialization.get("snaktype") in ("value", "somevalue", "novalue"), "bad snaktype")
    prop = serialization.get("property")
    _require(isinstance(prop, str) and bool(PROPERTY_ID.match(prop)), f"'{prop}' is not a valid property ID")
    if serialization["snaktype"] != "value":
        return
    datavalue = serialization.get("datavalue")
    _require(isinstance(datavalue, dict) and "type" in datavalue and "value" in datavalue, "bad datavalue")
    expected = _VALUE_TYPE_OF_DATATYPE.get(serialization.get("datatype", ""))
    _require(expected is None or expected == datavalue["type"], "datavalue does not fit the datatype")
    _datavalue(datavalue["type"], datavalue["value"])


def _datavalue(kind: str, value: object) -> None:
    if kind == "string":
        _require(isinstance(value, str), "a string value must be a string")
    elif kind == "monolingualtext":
        _require(isinstance(value, dict) and isinstance(value.get("text"), str)
                 and isinstance(value.get("language"), str) and value["language"] != "", "bad monolingual text")
    elif kind == "time":
        assert isinstance(value, dict)
        _require(bool(_TIME.match(value.get("time", ""))), f"bad time {value.get('time')!r}")
        for key in ("timezone", "before", "after", "precision"):
            _require(isinstance(value.get(key), int), f"time {key} must be an integer")
        _require(0 <= value["precision"] <= 14, "time precision out of range")
        _require(bool(_IRI.match(value.get("calendarmodel", ""))), "calendar model must be an IRI")
    elif kind == "quantity":
        assert isinstance(value, dict)
        for key in ("amount", "lowerBound", "upperBound"):
            if key in value or key == "amount":
                _require(isinstance(value.get(key), str) and bool(_DECIMAL.match(value[key])), f"bad {key}")
        if "lowerBound" in value or "upperBound" in value:
            _require("lowerBound" in value and "upperBound" in value, "bounds come in pairs")
            _require(Decimal(value["lowerBound"]) <= Decimal(value["amount"]) <= Decimal(value["upperBound"]),
                     "amount outside its bounds")
        _require(value.get("unit") == "1" or bool(_IRI.match(value.get("unit", ""))), "unit must be 1 or an IRI")
    elif kind == "wikibase-entityid":
        assert isinstance(value, dict)
        pattern = ITEM_ID if value.get("entity-type") == "item" else PROPERTY_ID
        _require(isinstance(value.get("id"), str) and bool(pattern.match(value["id"])),
                 f"'{value.get('id')}' is not a valid entity ID")
    else:
        raise Rejected(f"unknown value type {kind!r}")
