"""The shipped JSON Schema of the JSON Lines format (resources/schemas/kzeu-facts.vN.schema.json),
compiled into one fast check per record type, with one sentence for what a line gets wrong.

The schema is the only statement of which fields a record has and what each may hold; this module
holds no copy of those rules. It compiles the keywords the schema uses (type, enum, const, pattern,
minimum, maximum, minLength, minItems, maxItems, required, properties, additionalProperties false,
items, $ref, and oneOf of a definition and null) into a table of (types, refinement, nullable) per
field, and refuses at compile time a keyword it does not know, so the schema cannot grow a rule
that loading silently ignores (tests compare it with the reference validator on valid and broken
lines). `contentEncoding` is an annotation in JSON Schema 2020-12, not a rule; the first pass
decodes base64 data itself (checks.py).

Why not a general validator: checking every field of every line is the load's hottest loop. A
fact line took 5.6 us here, 12-23 us with fastjsonschema's generated code (its oneOf tries each
branch under an exception, its error paths build strings eagerly), which would have made a 100k
load seconds slower. Beyond the schema, dates must be real days (1996-02-30 matches the pattern),
and whole numbers must be written as such (JSON Schema also takes 1.0; ids become row ids).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from kzeu_desk.paths import resources_dir
from kzeu_desk.core.value_format import format_date

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,), "number": (int, float), "string": (str,), "boolean": (bool,),
    "null": (type(None),), "object": (dict,), "array": (list,),
}
# What each kind of object is called in a message, by where it sits in a record.
_OBJECT_NAMES = {
    "original": "an original file", "source": "a source", "source_revision": "a source revision", "entity": "an entity", "property": "a property",
    "fact": "a fact", "evidence": "an evidence record", "link": "a link", "conflict": "a conflict",
    "audit": "an audit record", "header": "the header",
    "fact.value": "a fact's value", "entity.aliases": "an alias", "conflict.members": "a conflict member",
    "source.pages": "a page", "source_revision.pages": "a page",
    "property_separator": "a property separator", "fact.qualifiers": "a qualifier",
    "fact.qualifiers.value": "a qualifier's value",
}
_ITEM_SHAPES = {"entity.aliases": "each alias must be an object with id and alias",
                "conflict.members": "each conflict member must be an object with id and fact",
                "source.pages": "each page must be an object with a start",
                "source_revision.pages": "each page must be an object with a start",
                "fact.qualifiers": "each qualifier must be an object with id, property and value"}
_KNOWN_KEYWORDS = frozenset({
    "type", "enum", "const", "pattern", "minimum", "maximum", "minLength", "minItems", "maxItems", "required",
    "properties", "additionalProperties", "items", "$ref", "oneOf", "description",
    "contentEncoding",  # an annotation, not a rule (see above)
})


# What SQLite stores in an INTEGER column: a larger whole number cannot be written, only refused.
SMALLEST_INTEGER, LARGEST_INTEGER = -(2**63), 2**63 - 1


def numbers_fit(value: dict | list) -> bool:
    """Whether every number in a parsed object or list can be stored: whole numbers within 64 bits,
    finite floats (json reads 1e400 as inf)."""
    stack: list = [value]
    pop, push = stack.pop, stack.append
    while stack:
        item = pop()
        for inner in item.values() if type(item) is dict else item:
            kind = type(inner)
            if kind is int:
                if not SMALLEST_INTEGER <= inner <= LARGEST_INTEGER:
                    return False
            elif kind is float:
                if inner - inner != 0.0:  # inf - inf and nan - nan are nan
                    return False
            elif kind is dict or kind is list:
                push(inner)
    return True


class LineProblem(Exception):
    """What one line gets wrong, as the middle of a sentence ("a fact needs “status” (…)")."""


@dataclass(frozen=True, slots=True)
class _Field:
    """What one field may hold: values of exactly these JSON types (so true is not a number), and,
    when `refine` is given, only those it accepts."""

    name: str
    types: tuple[type, ...]
    what: str  # for messages: "a positive whole number"
    required: bool
    nullable: bool
    refine: Callable[[Any], bool] | None
    nested: _ObjectRules | None = None  # an object's own fields
    items: _ObjectRules | None = None  # a list's objects
    item_shape: str = ""  # the sentence when a list item is not an object
    values: _Field | None = None  # what every value of an object with free keys may hold
    scalar_items: _Field | None = None  # what every item of a list of plain values may hold
    # `refine` again, as conditions of compiled code that refuse ("{v} < {x}", the bound x): one
    # lambda call, or all() over several, cost ~0.3 s CPU of a 100k load's first pass.
    refusals: tuple[tuple[str, Any], ...] = ()

    def accepts(self, value: Any) -> bool:
        return type(value) in self.types and (self.refine is None or self.refine(value))


@dataclass(frozen=True, slots=True)
class _ObjectRules:
    what: str  # "a fact"
    allowed: frozenset[str] | None  # None: any other field may appear
    fields: tuple[_Field, ...]

    def check(self, record: Mapping[str, Any], *, skip: frozenset[str] = frozenset()) -> None:
        """Raise `LineProblem` for the first field that breaks a rule (in the schema's order)."""
        if self.allowed is not None:
            unknown = record.keys() - self.allowed
            if unknown:
                raise LineProblem(f"{self.what} has no field “{min(unknown)}”")
        for field in self.fields:
            if field.name in skip:
                continue
            value = record.get(field.name)
            if value is None:
                if field.required or (field.name in record and not field.nullable):
                    raise LineProblem(f"{self.what} needs “{field.name}” ({field.what})")
                continue
            if type(value) not in field.types or (field.refine is not None and not field.refine(value)):
                shown = json.dumps(value, ensure_ascii=False)[:40]
                raise LineProblem(f"“{field.name}” of {self.what} must be {field.what}, not {shown}")
            if field.nested is not None:
                field.nested.check(value)
            elif field.items is not None:
                for item in value:
                    if not isinstance(item, dict):
                        raise LineProblem(field.item_shape)
                    field.items.check(item)
            elif field.values is not None:
                self._check_values(field, value)
            elif field.scalar_items is not None:
                rule = field.scalar_items
                for item in value:
                    if not rule.accepts(item):
                        shown = json.dumps(item, ensure_ascii=False)[:40]
                        raise LineProblem(f"each item of “{field.name}” of {self.what} must be {rule.what}, not {shown}")

    def _check_values(self, field: _Field, mapping: Mapping[str, Any]) -> None:
        rule = field.values
        assert rule is not None
        for key, value in mapping.items():
            if type(value) not in rule.types or (rule.refine is not None and not rule.refine(value)):
                shown = json.dumps(value, ensure_ascii=False)[:40]
                raise LineProblem(f"“{key}” in “{field.name}” of {self.what} must be {rule.what}, not {shown}")


def _compiled(rules: _ObjectRules, skip: frozenset[str] = frozenset()) -> Callable[[Mapping[str, Any]], bool]:
    """Whether a record keeps every rule and every number in it can be stored, as one function of
    straight-line Python made from the rules once: the generic walk over field descriptions cost
    1.0 s CPU for the 240k lines of a 100k-fact file, this 0.4 s; looking at the numbers of the
    fields that hold them here, rather than walking every parsed line, ~0.3 s less. It only says
    yes or no; `_ObjectRules.check` words a refusal of the schema's, the careful parse one of a
    number's (checks.py)."""
    names: dict[str, Any] = {"dict": dict, "int": int, "float": float, "FITS": numbers_fit,
                             "LOW": SMALLEST_INTEGER, "HIGH": LARGEST_INTEGER}
    lines = ["def accepts(record):"]
    if rules.allowed is not None:
        names["allowed"] = rules.allowed
        lines.append("    if record.keys() - allowed: return False")
    else:  # fields the schema does not name may hold numbers too
        lines.append("    if not FITS(record): return False")

    def accepts_value(field: _Field, value: str, indent: str, number: int, *, free: bool) -> list[str]:
        names[f"T{number}"] = field.types
        check = [f"{indent}if type({value}) not in T{number}: return False"]
        for place, (condition, bound) in enumerate(field.refusals):
            names[f"X{number}_{place}"] = bound
            check.append(f"{indent}if {condition.format(v=value, x=f'X{number}_{place}')}: return False")
        if field.types == (int,):
            check.append(f"{indent}if not LOW <= {value} <= HIGH: return False")
        else:
            if int in field.types:
                check.append(f"{indent}if type({value}) is int and not LOW <= {value} <= HIGH: return False")
            if float in field.types:
                check.append(f"{indent}if type({value}) is float and {value} - {value} != 0.0: return False")
            if free and (dict in field.types or list in field.types):  # no rules for what it holds
                check.append(f"{indent}if type({value}) in (dict, list) and not FITS({value}): return False")
        return check

    for number, field in enumerate(rules.fields):
        if field.name in skip:
            continue
        missing = ("return False" if field.required else
                   f"if {field.name!r} in record: return False" if not field.nullable else "pass")
        lines += [f"    v = record.get({field.name!r})", "    if v is None:", f"        {missing}", "    else:"]
        free = field.nested is None and field.items is None and field.values is None and field.scalar_items is None
        lines += accepts_value(field, "v", "        ", number, free=free)
        if field.nested is not None:
            names[f"N{number}"] = _compiled(field.nested)
            lines.append(f"        if not N{number}(v): return False")
        elif field.items is not None:
            names[f"N{number}"] = _compiled(field.items)
            lines.append(f"        for item in v:\n            if type(item) is not dict or not N{number}(item): return False")
        elif field.values is not None:
            lines.append("        for item in v.values():")
            lines += accepts_value(field.values, "item", "            ", 1000 + number, free=True)
        elif field.scalar_items is not None:
            lines.append("        for item in v:")
            lines += accepts_value(field.scalar_items, "item", "            ", 1000 + number, free=True)
    lines.append("    return True")
    exec("\n".join(lines), names)  # noqa: S102 - the source is made above from the shipped schema only
    return names["accepts"]


class RecordRules:
    """The compiled schema of one format version: `check(kind, record)` raises `LineProblem`."""

    def __init__(self, schema: Mapping[str, Any]):
        self._definitions: Mapping[str, Any] = schema["$defs"]
        kinds = [ref["$ref"].removeprefix("#/$defs/") for ref in schema["oneOf"]]
        self.record_types = tuple(kind for kind in kinds if kind != "header")
        self._rules = {kind: self._object(self._definitions[kind], kind) for kind in kinds}
        # The type field chose these rules, so it holds; every other field is checked.
        self._accepts = {kind: _compiled(rules, _TYPE_FIELD) for kind, rules in self._rules.items()}

    def accepts(self, kind: str, record: Mapping[str, Any]) -> bool:
        """Whether the record keeps every rule of its type, and every number in it can be stored."""
        return self._accepts[kind](record)

    def check(self, kind: str, record: Mapping[str, Any]) -> None:
        """Raise `LineProblem` for the first rule of the schema the record breaks (numbers that
        cannot be stored are the parse's to refuse)."""
        if not self._accepts[kind](record):
            self._rules[kind].check(record, skip=_TYPE_FIELD)

    # -- compiling -------------------------------------------------------------------------------

    def _resolve(self, schema: Mapping[str, Any]) -> tuple[Mapping[str, Any], str | None]:
        """The schema a $ref points at (and the definition's name), or the schema itself."""
        if "$ref" in schema:
            name = schema["$ref"].removeprefix("#/$defs/")
            resolved, _ = self._resolve(self._definitions[name])
            return resolved, name
        return schema, None

    def _object(self, schema: Mapping[str, Any], path: str) -> _ObjectRules:
        _refuse_unknown_keywords(schema, path)
        required = set(schema.get("required", ()))
        properties = schema.get("properties", {})
        fields = tuple(self._field(name, sub, name in required, f"{path}.{name}") for name, sub in properties.items())
        allowed = frozenset(properties) if schema.get("additionalProperties") is False else None
        return _ObjectRules(_OBJECT_NAMES.get(path, "a record"), allowed, fields)

    def _field(self, name: str, schema: Mapping[str, Any], required: bool, path: str) -> _Field:
        schema, definition = self._resolve(schema)
        nullable = False
        if "oneOf" in schema:  # {"oneOf": [X, {"type": "null"}]}: X, or null
            branches = [self._resolve(branch) for branch in schema["oneOf"]]
            others = [(branch, ref) for branch, ref in branches if branch.get("type") != "null"]
            if len(others) != 1 or len(branches) != 2:
                raise ValueError(f"{path}: only oneOf of one definition and null is supported")
            (schema, definition), nullable = others[0], True
        _refuse_unknown_keywords(schema, path)
        type_names = schema.get("type", [])
        type_names = [type_names] if isinstance(type_names, str) else list(type_names)
        if "null" in type_names:
            nullable = True
            type_names.remove("null")
        if not type_names:  # enum or const alone: the types of their values (null among them: nullable)
            values = schema["enum"] if "enum" in schema else [schema["const"]]
            type_names = sorted({_json_type_name(v) for v in values} - {"null"})
            nullable = nullable or None in values
        types = tuple(t for name_ in type_names for t in _JSON_TYPES[name_])
        checks = _refinements(schema, is_date=definition == "isoDate")
        nested = self._object(schema, path) if type_names == ["object"] and "properties" in schema else None
        items = values = scalar_items = None
        if "items" in schema:
            items_schema, _ = self._resolve(schema["items"])
            if items_schema.get("type") == "object":
                items = self._object(items_schema, path)
            else:
                scalar_items = self._field("*", items_schema, False, f"{path}.*")
        if isinstance(schema.get("additionalProperties"), Mapping):
            values = self._field("*", schema["additionalProperties"], False, f"{path}.*")
        return _Field(name, types, _what(schema, type_names, definition), required, nullable, _all_of(checks),
                      nested, items, _ITEM_SHAPES.get(path, f"each item of “{name}” must be an object"), values,
                      scalar_items, _refusals(schema, is_date=definition == "isoDate"))


_TYPE_FIELD = frozenset({"type"})
_ISO_DATE_WORDS = "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"


def _refuse_unknown_keywords(schema: Mapping[str, Any], path: str) -> None:
    unknown = set(schema) - _KNOWN_KEYWORDS
    if unknown:
        raise ValueError(f"{path}: the loader does not check the schema keyword(s) {sorted(unknown)}")


def _json_type_name(value: object) -> str:
    for name, types in _JSON_TYPES.items():
        if type(value) in types and name != "number":
            return name
    return "number"


def _refinements(schema: Mapping[str, Any], *, is_date: bool) -> list[Callable[[Any], bool]]:
    checks: list[Callable[[Any], bool]] = []
    if "enum" in schema:
        checks.append(frozenset(schema["enum"]).__contains__)
    if "const" in schema:
        const = schema["const"]
        checks.append(lambda value: value == const)
    if "pattern" in schema:
        search = re.compile(schema["pattern"]).search
        checks.append(lambda value: search(value) is not None)
    if is_date:
        checks.append(_is_real_date)
    if "minimum" in schema:
        low = schema["minimum"]
        checks.append(lambda value: value >= low)
    if "maximum" in schema:
        high = schema["maximum"]
        checks.append(lambda value: value <= high)
    if "minLength" in schema:
        shortest = schema["minLength"]
        checks.append(lambda value: len(value) >= shortest)
    if "minItems" in schema:
        fewest = schema["minItems"]
        checks.append(lambda value: len(value) >= fewest)
    if "maxItems" in schema:
        most = schema["maxItems"]
        checks.append(lambda value: len(value) <= most)
    return checks


def _refusals(schema: Mapping[str, Any], *, is_date: bool) -> tuple[tuple[str, Any], ...]:
    """`_refinements` as conditions that refuse a value {v}, in the same order."""
    refusals: list[tuple[str, Any]] = []
    if "enum" in schema:
        refusals.append(("{v} not in {x}", frozenset(schema["enum"])))
    if "const" in schema:
        refusals.append(("{v} != {x}", schema["const"]))
    if "pattern" in schema:
        refusals.append(("{x}({v}) is None", re.compile(schema["pattern"]).search))
    if is_date:
        refusals.append(("not {x}({v})", _is_real_date))
    if "minimum" in schema:
        refusals.append(("{v} < {x}", schema["minimum"]))
    if "maximum" in schema:
        refusals.append(("{v} > {x}", schema["maximum"]))
    for keyword, condition in (("minLength", "len({v}) < {x}"), ("minItems", "len({v}) < {x}"),
                               ("maxItems", "len({v}) > {x}")):
        if keyword in schema:
            refusals.append((condition, schema[keyword]))
    return tuple(refusals)


def _is_real_date(value: str) -> bool:
    """Beyond the schema's pattern: the month and day exist (no 1996-02-30)."""
    try:
        format_date(value)
    except ValueError:
        return False
    return True


def _all_of(checks: list[Callable[[Any], bool]]) -> Callable[[Any], bool] | None:
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _what(schema: Mapping[str, Any], type_names: list[str], definition: str | None) -> str:
    """A field's rule in words, for messages."""
    if definition == "isoDate":
        return _ISO_DATE_WORDS
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"] if value is not None)
    if "const" in schema:
        return json.dumps(schema["const"])
    if type_names == ["integer"]:
        low = schema.get("minimum")
        if low == 1:
            return "a positive whole number"
        return "a whole number" if low is None else f"a whole number, {low} or more"
    if type_names == ["number"]:
        if "minimum" in schema and "maximum" in schema:
            return f"a number from {schema['minimum']} to {schema['maximum']}"
        return "a number"
    if type_names == ["string"]:
        if "pattern" in schema:
            return "text of the documented form (see docs/formats.md)"
        return "non-empty text" if schema.get("minLength", 0) > 0 else "text"
    if type_names == ["array"] and schema.get("minItems") is not None and schema.get("minItems") == schema.get("maxItems"):
        return f"a list of {schema['minItems']}"
    return {"boolean": "true or false", "object": "an object", "array": "a list"}.get(type_names[0], type_names[0])


@cache
def rules_for(version: int) -> RecordRules:
    """The compiled schema of format version `version` (compiled once per process, ~2 ms)."""
    path = resources_dir() / "schemas" / f"kzeu-facts.v{version}.schema.json"
    return RecordRules(json.loads(path.read_text(encoding="utf-8")))
