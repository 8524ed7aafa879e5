"""Source agreement on the curated sample base: who says what about the same thing, and how it relates."""

from __future__ import annotations

import pytest

from curated_base import build_curated_base
from kzeu_desk.core.fact_listing import ListingSpec
from kzeu_desk.core.models import FactStatus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.source_agreement import Stance, VoiceGrouping, compare_sources
from kzeu_desk.core.typed_value import TypedValue, ValueKind


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    path = tmp_path_factory.mktemp("agreement") / "curated.sqlite"
    return path, build_curated_base(path)


@pytest.fixture
def conn(curated):
    with FactBase.open(curated[0], read_only=True) as fact_base, fact_base.reading() as connection:
        yield connection


def row_of(agreement, name: str) -> int:
    return next(number for number, key in enumerate(agreement.keys) if key.name == name)


def stances(agreement, name: str) -> dict[str, Stance]:
    row = row_of(agreement, name)
    return {agreement.voice(voice_key).name: cell.stance for (number, voice_key), cell in agreement.cells.items()
            if number == row}


def test_each_kind_of_relation_between_sources(conn, curated):
    _path, _ids = curated
    agreement = compare_sources(conn, VoiceGrouping.SOURCE)
    names = [key.name for key in agreement.keys]
    # Disagreement first, then what curators settled, then the rest.
    assert names[0] == "European Union · investment inflow"
    assert set(names[1:3]) == {"Kazakhstan–EU relations · diplomatic relations established",
                               "Enhanced Partnership and Cooperation Agreement · agreement signed"}
    inflow = stances(agreement, "European Union · investment inflow")
    assert set(inflow.values()) == {Stance.DISAGREES}
    relations = stances(agreement, "Kazakhstan–EU relations · diplomatic relations established")
    assert set(relations.values()) == {Stance.SETTLED}
    shares = stances(agreement, "Kazakhstan · share of foreign trade")  # one third and about 30%
    assert set(shares.values()) == {Stance.WITHIN_TOLERANCE}
    partner = stances(agreement, "Kazakhstan · largest trade partner")  # three articles, one entity
    assert len(partner) == 3 and set(partner.values()) == {Stance.AGREES}
    pca = stances(agreement, "Partnership and Cooperation Agreement · agreement signed")  # one fact, two sources
    assert set(pca.values()) == {Stance.AGREES}
    # Within one article (160 vs 77 billion) is not a disagreement between sources.
    assert "European Union · cumulative investment" not in names


def test_statements_carry_what_a_click_needs(conn, curated):
    _path, ids = curated
    agreement = compare_sources(conn, VoiceGrouping.SOURCE)
    row = row_of(agreement, "European Union · investment inflow")
    cells = [cell for (number, _voice), cell in agreement.cells.items() if number == row]
    statements = {statement.fact_id: statement for cell in cells for statement in cell.statements}
    eight = statements[ids["inflow_8bn"]]
    assert eight.conflict_open and eight.conflict_id == ids["conflict:inflow"]
    assert eight.value == "more than US$8 billion" and eight.time == "January 2022 – September 2022"
    assert eight.evidence is not None and eight.evidence[1] > eight.evidence[0]
    settled = agreement.cells[(row_of(agreement, "Kazakhstan–EU relations · diplomatic relations established"),
                               next(v.key for v in agreement.voices if v.name.startswith("Kazakhstan, a sign")))]
    assert settled.statements[0].conflict_id == ids["conflict:relations"] and not settled.statements[0].conflict_open


def test_publishers_group_sources_and_pairs_answer_who_disagrees_with_whom(conn):
    agreement = compare_sources(conn, VoiceGrouping.PUBLISHER)
    ministry = next(voice for voice in agreement.voices if voice.name.startswith("El.kz"))
    ranked = agreement.pairs_with(ministry.key)
    first_other, counts = ranked[0]
    assert agreement.voice(first_other).name == "Kazakhstan and EU mark 30 years of diplomatic relations"
    assert (counts.disagree, counts.within_tolerance, counts.agree) == (1, 1, 1)
    assert all(pair.a < pair.b for pair in agreement.pairs)


def test_the_facts_tables_filter_applies(conn):
    agreement = compare_sources(conn, listing=ListingSpec(search_text="investment"))
    assert [key.name for key in agreement.keys] == ["European Union · investment inflow",
                                                     "Kazakhstan · largest investor"]
    confirmed = compare_sources(conn, listing=ListingSpec(status=FactStatus.CONFIRMED))
    assert "European Union · investment inflow" not in [key.name for key in confirmed.keys]  # one side is disputed


def test_different_times_are_not_compared_and_rejected_facts_count_as_settled(tmp_path):
    from kzeu_desk.core.reading import ReadDocument

    with FactBase.open(tmp_path / "f.sqlite", actor="tester") as fact_base:
        sources = [fact_base.import_document(ReadDocument(text=f"Article {n}: 10 and 30 units.", encoding="utf-8",
                                                          file_name=f"a{n}.txt", title=None, format="text"))
                   .new_id("source") for n in range(3)]
        subject = fact_base.create_entity("Port").new_id("entity")
        with fact_base.reading() as conn:
            from sqlalchemy import text

            exports = conn.execute(text("SELECT id FROM property WHERE key = 'exports'")).scalar_one()

        def fact(source: int, amount: float, year: str, status=FactStatus.CONFIRMED) -> int:
            return fact_base.create_fact(
                value=TypedValue(ValueKind.MONEY, amount=amount, unit="USD"), subject_id=subject, property_id=exports,
                status=status, qualifiers={"point_in_time": year}, evidence=[(source, 0, 9)]).new_id("fact")

        fact(sources[0], 10e9, "2020")
        fact(sources[1], 30e9, "2021")  # another year: no comparison
        fact(sources[2], 30e9, "2020", status=FactStatus.REJECTED)  # rejected: raises no conflict, settled
        with fact_base.reading() as conn:
            agreement = compare_sources(conn)
        assert len(agreement.keys) == 1
        cells = {agreement.voice(voice).name: cell.stance for (_row, voice), cell in agreement.cells.items()}
        assert cells == {"a0": Stance.SETTLED, "a2": Stance.SETTLED}
