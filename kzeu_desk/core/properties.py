"""Properties curators own: the rules a property's values follow (kind, units, subject kind,
single value and the qualifiers that separate values), reads for the vocabulary manager and the
command line, and the steps that create, change, deprecate, merge and delete properties.

Every step writes through the operation's Recorder, so each action is audited and undoable; the
Recorder notes which (subject, property) keys a change of rules re-judges (recorder.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, func, select, text

from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.property_info import (
    KIND_PHRASES,
    UNIT_KINDS,
    PropertyInfo,
    info_from_row,
    property_info,
    property_infos,
    units_to_column,
    value_for_property,
    value_problem,
)
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.typed_value import TypedValue, ValueKind

KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
WIKIDATA_PROPERTY = re.compile(r"P[1-9][0-9]*")


@dataclass(frozen=True)
class PropertyDraft:
    """What a curator states about a property. Units matter for money, quantities and counts: the
    default unit is what a bare number gets, `allowed_units` (empty: any) what values may have."""

    key: str
    name: str
    value_kind: ValueKind
    description: str | None = None
    single_valued: bool = True
    default_unit: str | None = None
    allowed_units: tuple[str, ...] = ()
    wikidata_pid: str | None = None
    subject_kind: str | None = None
    separators: tuple[int, ...] = ()  # ids of qualifier properties whose values separate this one's
    tolerance: float | None = None


@dataclass(frozen=True, slots=True)
class PropertyRow:
    """A property with its rules and how much it is used, for lists."""

    info: PropertyInfo
    description: str | None
    fact_count: int
    qualifier_count: int  # qualifiers of facts that use it as their qualifier property
    separator_names: tuple[str, ...] = field(default_factory=tuple)

    @property
    def used(self) -> bool:
        return bool(self.fact_count or self.qualifier_count)


def slug(label: str) -> str:
    """A key for a label: "Share of EU imports" -> "share_of_eu_imports" (ASCII letters and digits)."""
    words = re.findall(r"[a-z0-9]+", label.casefold())
    key = "_".join(words)[:64].strip("_")
    if key and not key[0].isalpha():
        key = f"p_{key}"[:64]
    return key


_USE_COUNTS = text("""
    SELECT p.id,
           (SELECT count(*) FROM fact f WHERE f.property_id = p.id) AS facts,
           (SELECT count(*) FROM fact_qualifier q WHERE q.property_id = p.id) AS qualifiers
    FROM property p
""")


def property_rows(conn: Connection) -> list[PropertyRow]:
    """Every property in name order, with its rules and use counts (indexed counts per property)."""
    infos = property_infos(conn)
    counts = {row.id: (row.facts, row.qualifiers) for row in conn.execute(_USE_COUNTS)}
    descriptions = dict(conn.execute(select(table("property").c.id, table("property").c.description)).all())
    return [
        PropertyRow(info, descriptions.get(info.id), *counts.get(info.id, (0, 0)),
                    separator_names=tuple(infos[s].name for s in info.separators if s in infos))
        for info in infos.values()
    ]


def property_by_key(conn: Connection, key: str) -> PropertyInfo | None:
    p = table("property")
    row = conn.execute(select(p.c.id).where(p.c.key == key.strip())).scalar()
    return property_info(conn, row) if row is not None else None


# -- checking what a curator states --------------------------------------------------------------


def checked_draft(conn: Connection, draft: PropertyDraft, *, property_id: int | None = None) -> PropertyDraft:
    """The draft cleaned (spacing, units fitting the kind), or InvalidEdit with one sentence."""
    key = draft.key.strip()
    name = " ".join(draft.name.split())
    if not name:
        raise InvalidEdit("A property needs a label.")
    if not KEY_PATTERN.fullmatch(key):
        raise InvalidEdit(f"“{key}” cannot be a property key: use lower-case letters, digits and underscores, "
                          "starting with a letter (for example share_of_trade).")
    p = table("property")
    others = select(p.c.key, p.c.name).where(p.c.id != property_id) if property_id else select(p.c.key, p.c.name)
    for other_key, other_name in conn.execute(others):
        if other_key == key:
            raise InvalidEdit(f"A property with the key “{key}” already exists.")
        if other_name.casefold() == name.casefold():
            raise InvalidEdit(f"A property labelled “{other_name}” already exists (its key is {other_key}).")
    pid = (draft.wikidata_pid or "").strip().upper() or None
    if pid is not None and not WIKIDATA_PROPERTY.fullmatch(pid):
        raise InvalidEdit(f"“{draft.wikidata_pid}” is not a Wikidata property id; they look like P1082.")
    tolerance = draft.tolerance
    if tolerance is not None and not (math.isfinite(tolerance) and 0 <= tolerance < 1):
        raise InvalidEdit("The tolerance is a fraction from 0 to 1 (0.1 means ±10%).")
    kind = ValueKind(draft.value_kind)
    units = tuple(dict.fromkeys(u.strip() for u in draft.allowed_units if u and u.strip()))
    default_unit = (draft.default_unit or "").strip() or None
    if kind is ValueKind.PERCENT:
        default_unit, units = "%", ()
    elif kind not in UNIT_KINDS:
        default_unit, units = None, ()
    elif units and default_unit is None:
        default_unit = units[0]
    elif units and default_unit is not None and default_unit not in units:
        units = (default_unit, *units)
    separators = tuple(dict.fromkeys(draft.separators))
    if property_id is not None and property_id in separators:
        raise InvalidEdit("A property cannot separate its own values.")
    for separator in separators:
        if property_info(conn, separator) is None:
            raise InvalidEdit(f"The separator property {separator} no longer exists.")
    subject_kind = (draft.subject_kind or "").strip() or None
    description = (draft.description or "").strip() or None
    return replace(draft, key=key, name=name, value_kind=kind, description=description, default_unit=default_unit,
                   allowed_units=units, wikidata_pid=pid, subject_kind=subject_kind, separators=separators)


def _columns(draft: PropertyDraft) -> dict:
    return {
        "key": draft.key, "name": draft.name, "value_kind": draft.value_kind.value,
        "single_valued": draft.single_valued, "default_unit": draft.default_unit,
        "allowed_units": units_to_column(draft.allowed_units), "tolerance": draft.tolerance,
        "description": draft.description, "wikidata_pid": draft.wikidata_pid, "subject_kind": draft.subject_kind,
    }


def draft_of(conn: Connection, property_id: int) -> PropertyDraft:
    """A property as it stands, as a draft to change."""
    row = conn.execute(select(table("property")).where(table("property").c.id == property_id)).mappings().first()
    if row is None:
        raise InvalidEdit(f"Property {property_id} no longer exists.")
    info = property_info(conn, property_id)
    assert info is not None
    return PropertyDraft(key=info.key, name=info.name, value_kind=info.value_kind, description=row["description"],
                         single_valued=info.single_valued, default_unit=info.default_unit,
                         allowed_units=info.allowed_units, wikidata_pid=info.wikidata_pid,
                         subject_kind=info.subject_kind, separators=info.separators, tolerance=info.tolerance)


# -- steps ---------------------------------------------------------------------------------------


def insert_property(rec: Recorder, draft: PropertyDraft) -> int:
    draft = checked_draft(rec.conn, draft)
    property_id = rec.insert("property", _columns(draft))
    _write_separators(rec, property_id, draft.separators)
    return property_id


def update_property(rec: Recorder, property_id: int, draft: PropertyDraft) -> None:
    """Change a property's rules. A new kind or new units must suit its facts and qualifiers,
    which are restated when nothing is lost ("29" becomes 29 companies) and refused otherwise."""
    before = rec.require("property", property_id, "Property")
    draft = checked_draft(rec.conn, draft, property_id=property_id)
    rec.update("property", property_id, _columns(draft))
    new_rules = info_from_row(rec.require("property", property_id, "Property"))
    if (before["value_kind"], before["allowed_units"], before["default_unit"]) != (
            new_rules.value_kind.value, units_to_column(new_rules.allowed_units), new_rules.default_unit):
        _restate_values_of(rec, property_id, new_rules)
    _write_separators(rec, property_id, draft.separators)


def set_deprecated(rec: Recorder, property_id: int, deprecated: bool) -> None:
    rec.require("property", property_id, "Property")
    rec.update("property", property_id, {"deprecated": deprecated})


def _write_separators(rec: Recorder, property_id: int, wanted: Iterable[int]) -> None:
    s = table("property_separator")
    existing = {qualifier: row_id for row_id, qualifier in rec.conn.execute(
        select(s.c.id, s.c.qualifier_property_id).where(s.c.property_id == property_id))}
    wanted = list(dict.fromkeys(wanted))
    for qualifier, row_id in existing.items():
        if qualifier not in wanted:
            rec.delete("property_separator", row_id)
    for qualifier in wanted:
        if qualifier not in existing:
            rec.insert("property_separator", {"property_id": property_id, "qualifier_property_id": qualifier})


_VALUE_COLUMNS = tuple(TypedValue(ValueKind.TEXT).to_columns())


def _restate_values_of(rec: Recorder, property_id: int, rules: PropertyInfo) -> None:
    """Bring the values of the property's facts, and of qualifiers using it, in line with `rules`,
    or refuse when one cannot be restated."""
    f, q = table("fact"), table("fact_qualifier")
    for name, model, condition in (("fact", f, f.c.property_id == property_id),
                                   ("fact_qualifier", q, q.c.property_id == property_id)):
        restated: dict[int, dict] = {}
        columns = [model.c.id, *(model.c[c] for c in _VALUE_COLUMNS)]
        for row in rec.conn.execute(select(*columns).where(condition)).mappings():
            value = TypedValue.from_columns(row)
            if value_problem(value, rules) is None:
                continue
            fitted = value_for_property(value, rules)
            if fitted is None:
                what = "fact" if name == "fact" else "qualifier of fact"
                raise InvalidEdit(_cannot_restate(rec.conn, name, row["id"], what, value, rules))
            restated[row["id"]] = fitted.to_columns()
        if restated:
            rec.update_many(name, restated)


def _cannot_restate(conn: Connection, table_name: str, row_id: int, what: str, value: TypedValue,
                    rules: PropertyInfo) -> str:
    fact_id = row_id
    if table_name == "fact_qualifier":
        fact_id = conn.execute(select(table("fact_qualifier").c.fact_id).where(
            table("fact_qualifier").c.id == row_id)).scalar_one()
    problem = value_problem(value, rules) or ""
    return (f"The {what} {fact_id} holds {KIND_PHRASES[value.kind]} that cannot become a value of "
            f"“{rules.name}” ({problem.rstrip('.')}); change that value first.")


def merge_properties(rec: Recorder, from_id: int, into_id: int) -> None:
    """Facts, qualifiers, separators and conflicts of one property move to another, which keeps its
    own label and rules (values restated to fit them, or the merge is refused), and the first goes."""
    if from_id == into_id:
        raise InvalidEdit("Choose another property to merge into.")
    merged = rec.require("property", from_id, "Property")
    kept = property_info(rec.conn, into_id)
    if kept is None:
        raise InvalidEdit(f"Property {into_id} no longer exists.")
    rec.defer_foreign_keys()  # conflicts move after their facts, in the same operation
    f, q, s, c = table("fact"), table("fact_qualifier"), table("property_separator"), table("conflict")
    for name, model in (("fact", f), ("fact_qualifier", q)):
        moved: dict[int, dict] = {}
        columns = [model.c.id, *(model.c[column] for column in _VALUE_COLUMNS)]
        for row in rec.conn.execute(select(*columns).where(model.c.property_id == from_id)).mappings():
            value = TypedValue.from_columns(row)
            fitted = value if value_problem(value, kept) is None else value_for_property(value, kept)
            if fitted is None:
                what = "fact" if name == "fact" else "qualifier of fact"
                raise InvalidEdit(_cannot_restate(rec.conn, name, row["id"], what, value, kept))
            moved[row["id"]] = {"property_id": into_id, **fitted.to_columns()}
        if moved:
            rec.update_many(name, moved)
    for row_id, owner, qualifier in rec.conn.execute(select(s.c.id, s.c.property_id, s.c.qualifier_property_id).where(
            (s.c.property_id == from_id) | (s.c.qualifier_property_id == from_id))).all():
        rec.delete("property_separator", row_id)
        owner, qualifier = (into_id if owner == from_id else owner), (into_id if qualifier == from_id else qualifier)
        already = rec.conn.execute(select(s.c.id).where(s.c.property_id == owner,
                                                        s.c.qualifier_property_id == qualifier)).scalar()
        if owner != qualifier and already is None:
            rec.insert("property_separator", {"property_id": owner, "qualifier_property_id": qualifier})
    conflict_ids = rec.conn.execute(select(c.c.id).where(c.c.property_id == from_id)).scalars().all()
    if conflict_ids:
        rec.update_many("conflict", {conflict_id: {"property_id": into_id} for conflict_id in conflict_ids})
    rec.delete("property", merged["id"])


def delete_property(rec: Recorder, property_id: int) -> None:
    """Delete a property no fact or qualifier uses (with the separators naming it)."""
    prop = rec.require("property", property_id, "Property")
    f, q, s, c = table("fact"), table("fact_qualifier"), table("property_separator"), table("conflict")
    facts = rec.conn.execute(select(func.count()).select_from(f).where(f.c.property_id == property_id)).scalar_one()
    qualifiers = rec.conn.execute(select(func.count()).select_from(q).where(q.c.property_id == property_id)).scalar_one()
    if facts or qualifiers:
        used = " and ".join(part for part in (
            f"{facts} fact{'s' if facts != 1 else ''}" if facts else "",
            f"{qualifiers} qualifier{'s' if qualifiers != 1 else ''}" if qualifiers else "") if part)
        raise InvalidEdit(f"“{prop['name']}” is used by {used}; merge it into another property or deprecate "
                          "it instead.")
    if rec.conn.execute(select(c.c.id).where(c.c.property_id == property_id).limit(1)).first() is not None:
        raise InvalidEdit(f"Conflicts are still filed under “{prop['name']}”; deprecate it instead.")
    rec.delete_all("property_separator", rec.conn.execute(select(s.c.id).where(
        (s.c.property_id == property_id) | (s.c.qualifier_property_id == property_id))).scalars().all())
    rec.delete("property", property_id)
