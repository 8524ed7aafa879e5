"""The fact editor's entity directory (core/entity_directory.py, ui/entity_lookup.py): read on a
thread, built in the worker process when it is large (52k aliases at 1M facts), with the same
answers as a directory built on the spot."""

from __future__ import annotations

import pickle

import pytest

from kzeu_desk.core import queries
from kzeu_desk.core.entity_directory import directory_of
from kzeu_desk.core.queries import AliasEntry
from kzeu_desk.ui import entity_lookup
from kzeu_desk.ui.entity_field import AliasListModel
from kzeu_desk.ui.entity_lookup import EntityLookup
from kzeu_desk.ui.session import Session

# (alias, entity id, entity name), as `queries.entity_name_rows` reads them: "EU" is an alias of two
# entities and the name of a third; one name has runs of spaces.
ROWS = [("EU", 1, "European Union"), ("European Union", 1, "European Union"),
        ("EU", 2, "Europium Unlimited"), ("Europium Unlimited", 2, "Europium Unlimited"),
        ("  Kazakhstan ", 3, "Republic of  Kazakhstan"), ("Republic of  Kazakhstan", 3, "Republic of  Kazakhstan"),
        ("eu", 4, "EU")]


@pytest.mark.parametrize("pickled", [False, True], ids=["built", "unpickled"])
def test_a_directory_answers_by_names_and_aliases_also_after_pickling(pickled):
    directory = directory_of(ROWS)
    if pickled:  # as it comes back from the worker process
        directory = pickle.loads(pickle.dumps(directory, protocol=pickle.HIGHEST_PROTOCOL))
    assert directory.alias_rows == [AliasEntry(*row) for row in ROWS]
    assert directory.alias_rows[4].alias == "  Kazakhstan " and directory.alias_rows[4].entity_id == 3
    assert directory.matches("eu") == [4]  # the entity named so beats the two the alias is shared by
    assert directory.matches("European  union") == [1]
    assert directory.matches("KAZAKHSTAN") == [3]
    assert directory.matches("republic of kazakhstan") == [3]
    assert directory.matches("Brussels") == []
    assert directory.could_complete("europ") and directory.could_complete("of kaz")
    assert not directory.could_complete("astana")
    assert directory.name(3) == "Republic of  Kazakhstan" and directory.name(99) == "entity #99"
    shared = directory_of(ROWS[:4])  # no entity is named "EU": both entities it is an alias of, in order
    assert shared.matches("EU") == [1, 2]


@pytest.fixture
def lookup_parts(qtbot, fact_base, monkeypatch):
    monkeypatch.setattr(entity_lookup, "QUIET_BEFORE_READING_MS", 0)
    session = Session(fact_base)
    model = AliasListModel()
    lookup = EntityLookup(session, model)
    yield lookup, model, session
    lookup.stop()


def _expected(fact_base) -> tuple[list[AliasEntry], object]:
    with fact_base.reading() as conn:
        return queries.entity_names(conn), directory_of(queries.entity_name_rows(conn))


def test_a_large_directory_is_built_in_the_worker_process_with_the_same_answers(qtbot, lookup_parts, fact_base,
                                                                              monkeypatch):
    """Built on a thread of the window's process, 0.2 s of Python at 1M facts took the interpreter lock
    from the GUI thread; in the worker process it gives the directory built on the spot."""
    lookup, model, _session = lookup_parts
    monkeypatch.setattr(entity_lookup, "BUILD_ON_THE_THREAD_UP_TO", 0)  # the sample's aliases count as many
    sent: list = []
    in_the_process = entity_lookup.compute_in_another_process

    def spy(receiver, function, args, done):
        sent.append(function)
        in_the_process(receiver, function, args, done)

    monkeypatch.setattr(entity_lookup, "compute_in_another_process", spy)
    lookup.load_in_background()
    qtbot.waitUntil(lambda: lookup.loaded, timeout=60_000)
    assert sent == [directory_of]
    assert not lookup.reading
    entries, expected = _expected(fact_base)
    built = lookup.directory()
    assert built.alias_rows == entries and len(entries) > 10
    assert model.rowCount() == len(entries)
    for entry in entries:
        assert built.matches(entry.alias) == expected.matches(entry.alias)  # type: ignore[attr-defined]
        assert built.name(entry.entity_id) == entry.name


def test_a_small_directory_is_built_on_the_reading_thread_without_a_process(qtbot, lookup_parts, fact_base,
                                                                           monkeypatch):
    lookup, model, _session = lookup_parts

    def no_process(*_args):
        raise AssertionError("a small directory went to the worker process")

    monkeypatch.setattr(entity_lookup, "compute_in_another_process", no_process)
    lookup.load_in_background()
    qtbot.waitUntil(lambda: lookup.loaded, timeout=20_000)
    entries, _expected_directory = _expected(fact_base)
    assert lookup.directory().alias_rows == entries and model.rowCount() == len(entries)


def test_a_build_for_aliases_changed_meanwhile_is_dropped(qtbot, lookup_parts, fact_base, monkeypatch):
    """Aliases changed while the worker process built the directory: that build is not adopted, and
    the directory is read and built again."""
    lookup, _model, _session = lookup_parts
    monkeypatch.setattr(entity_lookup, "BUILD_ON_THE_THREAD_UP_TO", 0)
    held: list = []
    monkeypatch.setattr(entity_lookup, "compute_in_another_process",
                        lambda receiver, function, args, done: held.append((function, args, done)))
    lookup.load_in_background()
    qtbot.waitUntil(lambda: len(held) == 1, timeout=20_000)
    assert lookup.reading and not lookup.loaded
    with fact_base.reading() as conn:
        entity = queries.entity_names(conn)[0].entity_id
    fact_base.add_alias(entity, "a name added meanwhile")
    lookup.invalidate()
    function, args, done = held[0]
    done(function(*args))  # the older build answers late
    assert not lookup.loaded
    qtbot.waitUntil(lambda: len(held) == 2, timeout=20_000)
    function, args, done = held[1]
    done(function(*args))
    assert lookup.loaded and not lookup.reading
    assert lookup.directory().matches("a name added meanwhile") == [entity]
