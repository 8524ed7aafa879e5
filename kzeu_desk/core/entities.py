"""Entities curators own: reads for the vocabulary manager, and the steps that rename, describe,
link to Wikidata, alias, merge and delete them, each through the operation's Recorder.

Merging moves everything that names the duplicate (facts' subjects and values, qualifier values,
conflicts, aliases) to the entity kept, which takes the duplicate's name as an alias; the
conflict rules then re-judge every fact that moved (the Recorder notes their keys).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text

from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.property_info import UNKNOWN_ENTITY_KIND
from kzeu_desk.core.recorder import Recorder, table

WIKIDATA_ITEM = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True, slots=True)
class EntityAlias:
    id: int
    alias: str


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: int
    name: str
    kind: str
    description: str | None
    external_id: str | None
    aliases: tuple[EntityAlias, ...]  # without the entity's own name
    subject_of: int  # facts it is the subject of
    value_of: int  # facts and qualifiers whose value it is

    @property
    def used(self) -> bool:
        return bool(self.subject_of or self.value_of)


_USE_COUNTS = text("""
    SELECT e.id,
           (SELECT count(*) FROM fact f WHERE f.subject_id = e.id) AS subject_of,
           (SELECT count(*) FROM fact f WHERE f.value_entity_id = e.id)
             + (SELECT count(*) FROM fact_qualifier q WHERE q.value_entity_id = e.id) AS value_of
    FROM entity e
""")


def entity_rows(conn: Connection) -> list[EntityRow]:
    """Every entity in name order with its aliases and use counts (vocabulary is small)."""
    e, a = table("entity"), table("entity_alias")
    aliases: dict[int, list[EntityAlias]] = {}
    names = dict(conn.execute(select(e.c.id, e.c.name)).all())
    for alias_id, entity_id, alias in conn.execute(select(a.c.id, a.c.entity_id, a.c.alias).order_by(a.c.id)):
        if alias != names.get(entity_id):
            aliases.setdefault(entity_id, []).append(EntityAlias(alias_id, alias))
    counts = {row.id: (row.subject_of, row.value_of) for row in conn.execute(_USE_COUNTS)}
    rows = conn.execute(select(e).order_by(func.lower(e.c.name), e.c.id)).mappings()
    return [EntityRow(r["id"], r["name"], r["kind"] or UNKNOWN_ENTITY_KIND, r["description"], r["external_id"],
                      tuple(aliases.get(r["id"], ())), *counts.get(r["id"], (0, 0))) for r in rows]


def checked_item_id(external_id: str | None) -> str | None:
    cleaned = (external_id or "").strip().upper() or None
    if cleaned is not None and not WIKIDATA_ITEM.fullmatch(cleaned):
        raise InvalidEdit(f"“{external_id}” is not a Wikidata item id; they look like Q232.")
    return cleaned


def _checked_name(conn: Connection, name: str, entity_id: int | None) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidEdit("An entity needs a name.")
    e = table("entity")
    clash = conn.execute(select(e.c.id).where(e.c.name == cleaned, e.c.id != (entity_id or -1))).scalar()
    if clash is not None:
        raise InvalidEdit(f"An entity named “{cleaned}” already exists; merge the two instead.")
    return cleaned


def _add_alias_row(rec: Recorder, entity_id: int, alias: str) -> None:
    a = table("entity_alias")
    if rec.conn.execute(select(a.c.id).where(a.c.entity_id == entity_id, a.c.alias == alias)).scalar() is None:
        rec.insert("entity_alias", {"entity_id": entity_id, "alias": alias, "alias_key": alias.casefold()})


def _facts_of(rec: Recorder, entity_id: int) -> list[int]:
    f = table("fact")
    return list(rec.conn.execute(select(f.c.id).where(f.c.subject_id == entity_id)).scalars())


# -- steps ---------------------------------------------------------------------------------------


def update_entity(rec: Recorder, entity_id: int, *, name: str | None = None, kind: str | None = None,
                  description: str | None = None, external_id: str | None = None,
                  fields: frozenset[str] = frozenset()) -> None:
    """Change the named `fields` of an entity. A new name keeps the old one as an alias, so the
    entity is still found by it (remove that alias if it was only a typo)."""
    entity = rec.require("entity", entity_id, "Entity")
    values: dict[str, object] = {}
    if "name" in fields and name is not None:
        values["name"] = _checked_name(rec.conn, name, entity_id)
    if "kind" in fields:
        values["kind"] = " ".join((kind or "").split()).casefold() or UNKNOWN_ENTITY_KIND
    if "description" in fields:
        values["description"] = (description or "").strip() or None
    if "external_id" in fields:
        values["external_id"] = checked_item_id(external_id)
    after = rec.update("entity", entity_id, values)
    if after["name"] != entity["name"]:
        _add_alias_row(rec, entity_id, entity["name"])
        _add_alias_row(rec, entity_id, after["name"])
        rec.facts_touched.update(_facts_of(rec, entity_id))  # search documents hold the subject's names


def add_alias(rec: Recorder, entity_id: int, alias: str) -> None:
    cleaned = " ".join(alias.split())
    if not cleaned:
        raise InvalidEdit("An alias needs some text.")
    rec.require("entity", entity_id, "Entity")
    a = table("entity_alias")
    if rec.conn.execute(select(a.c.id).where(a.c.entity_id == entity_id, a.c.alias == cleaned)).scalar() is not None:
        raise InvalidEdit(f"“{cleaned}” is already a name of this entity.")
    rec.insert("entity_alias", {"entity_id": entity_id, "alias": cleaned, "alias_key": cleaned.casefold()})
    # Aliases are part of each fact's search document, so its facts are found by the new name too.
    rec.facts_touched.update(_facts_of(rec, entity_id))


def delete_alias(rec: Recorder, alias_id: int) -> None:
    alias = rec.require("entity_alias", alias_id, "Alias")
    entity = rec.require("entity", alias["entity_id"], "Entity")
    if alias["alias"] == entity["name"]:
        raise InvalidEdit("An entity's own name is always one of its names; rename the entity instead.")
    rec.delete("entity_alias", alias_id)
    rec.facts_touched.update(_facts_of(rec, entity["id"]))


def merge_entities(rec: Recorder, from_id: int, into_id: int) -> None:
    """Everything that names `from_id` names `into_id` instead; its names become aliases of the
    entity kept, which also takes its Wikidata id and description when it has none; then it goes."""
    if from_id == into_id:
        raise InvalidEdit("Choose another entity to merge into.")
    merged = rec.require("entity", from_id, "Entity")
    kept = rec.require("entity", into_id, "Entity")
    rec.defer_foreign_keys()  # conflicts and aliases move in the same operation as the facts
    f, q, c, a = table("fact"), table("fact_qualifier"), table("conflict"), table("entity_alias")
    for name, model, column in (("fact", f, "subject_id"), ("fact", f, "value_entity_id"),
                                ("fact_qualifier", q, "value_entity_id"), ("conflict", c, "subject_id")):
        ids = rec.conn.execute(select(model.c.id).where(model.c[column] == from_id)).scalars().all()
        if ids:
            rec.update_many(name, {row_id: {column: into_id} for row_id in ids})
    kept_aliases = set(rec.conn.execute(select(a.c.alias).where(a.c.entity_id == into_id)).scalars())
    for alias_id, alias in rec.conn.execute(select(a.c.id, a.c.alias).where(a.c.entity_id == from_id)).all():
        rec.delete("entity_alias", alias_id)
        if alias not in kept_aliases:
            rec.insert("entity_alias", {"entity_id": into_id, "alias": alias, "alias_key": alias.casefold()})
            kept_aliases.add(alias)
    filled = {column: merged[column] for column in ("external_id", "description") if not kept[column] and merged[column]}
    if filled:
        rec.update("entity", into_id, filled)
    rec.delete("entity", from_id)
    rec.facts_touched.update(_facts_of(rec, into_id))


def delete_entity(rec: Recorder, entity_id: int) -> None:
    """Delete an entity nothing uses (no fact, qualifier or conflict names it), with its aliases."""
    entity = rec.require("entity", entity_id, "Entity")
    f, q, c, a = table("fact"), table("fact_qualifier"), table("conflict"), table("entity_alias")

    def count(model, *conditions) -> int:  # type: ignore[no-untyped-def]
        return rec.conn.execute(select(func.count()).select_from(model).where(*conditions)).scalar_one()

    subject_of = count(f, f.c.subject_id == entity_id)
    value_of = count(f, f.c.value_entity_id == entity_id) + count(q, q.c.value_entity_id == entity_id)
    if subject_of or value_of:
        uses = " and ".join(part for part in (
            f"the subject of {subject_of} fact{'s' if subject_of != 1 else ''}" if subject_of else "",
            f"the value of {value_of} fact{'s' if value_of != 1 else ''} or qualifier{'s' if value_of != 1 else ''}"
            if value_of else "") if part)
        raise InvalidEdit(f"“{entity['name']}” is {uses}; merge it into another entity instead.")
    if count(c, c.c.subject_id == entity_id):
        raise InvalidEdit(f"Conflicts are still filed under “{entity['name']}”; merge it into another entity instead.")
    rec.delete_all("entity_alias", rec.conn.execute(select(a.c.id).where(a.c.entity_id == entity_id)).scalars().all())
    rec.delete("entity", entity_id)
