"""How a file's ids become the target fact base's ids (the load's id plan).

Per table, the file's ids are kept when all of them lie above every id the target has ever used
(its rows and its audit history), and are shifted above that otherwise, which keeps their order
and never hands out an id twice (undo re-inserts deleted rows under their old ids). Entities,
properties and sources that already exist (same name, key, or text hash) are reused; a source
only when the target also holds every earlier revision the file has of it (by text hash), because
orphaned evidence points into those texts. Revision numbers of a reused source are the target's:
the file's are translated through the matching texts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import overload

from sqlalchemy import Connection, bindparam, text

from kzeu_desk.core.export.jsonl import CARRIED_TABLES
from kzeu_desk.core.export.scope import AUDITED_TABLE_NAMES
from kzeu_desk.core.loading.checks import LoadError, Revision, Survey

_RENUMBERED_TABLES = (*CARRIED_TABLES, "operation")


@dataclass
class IdPlan:
    """How the file's ids become the target's: one shift per table, plus rows reused by name."""

    shift: dict[str, int] = field(default_factory=dict)
    reused: dict[str, dict[int, int]] = field(default_factory=lambda: {t: {} for t in _RENUMBERED_TABLES})
    # Per reused source (file id), the target's number for each revision number of the file.
    revision_numbers: dict[int, dict[int, int]] = field(default_factory=dict)

    @overload
    def new_id(self, table_name: str, file_id: int) -> int: ...

    @overload
    def new_id(self, table_name: str, file_id: None) -> None: ...

    @overload
    def new_id(self, table_name: str, file_id: int | None) -> int | None: ...

    def new_id(self, table_name: str, file_id: int | None) -> int | None:
        if file_id is None:
            return None
        reused = self.reused[table_name]
        if reused:  # only entities, properties and sources are ever reused: other tables skip the look
            found = reused.get(file_id)
            if found is not None:
                return found
        return file_id + self.shift.get(table_name, 0)

    def keeps_file_ids(self) -> bool:
        """Whether every id and revision number of the file is the target's (a load into a new or
        emptied fact base): the second pass may then take them as they are."""
        return (not any(self.shift.values()) and not any(self.reused.values())
                and not self.revision_numbers)

    def is_reused(self, table_name: str, file_id: int) -> bool:
        return file_id in self.reused[table_name]

    def revision_number(self, source_file_id: int | None, number: int | None) -> int | None:
        if number is None or source_file_id is None or not self.revision_numbers:
            return number
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


def plan_ids(conn: Connection, survey: Survey, file_name: str) -> IdPlan:
    plan = IdPlan()
    _reuse_existing_rows(conn, survey, plan, file_name)
    for table_name, (lowest, _highest) in survey.id_range.items():
        in_use = _highest_id_in_use(conn, table_name)
        plan.shift[table_name] = 0 if lowest > in_use else in_use + 1 - lowest
    return plan


def _chunks(values: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _reuse_existing_rows(conn: Connection, survey: Survey, plan: IdPlan, file_name: str) -> None:
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
    property_keys = {name: key for key, (_id, name) in properties.items()}
    for file_id, (key, name, line) in survey.property_keys.items():
        if key in properties:
            plan.reused["property"][file_id] = properties[key][0]
        elif name in property_keys:
            raise LoadError(f"Line {line} of {file_name}: the property “{key}” is named “{name}”, like the existing "
                            f"property “{property_keys[name]}”; nothing was loaded.")
    _reuse_existing_sources(conn, survey, plan)


def _reuse_existing_sources(conn: Connection, survey: Survey, plan: IdPlan) -> None:
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


def _matching_revisions(in_file: dict[int, Revision], in_target: list[tuple[int, int, str]]
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
