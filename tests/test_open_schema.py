"""Curators own their schema (issue 16): qualifiers and the separators that keep facts apart, value
kinds checked against properties, date ranges and counts in the conflict rules, and properties and
entities created, edited, deprecated, merged and deleted, every action undoable.

The facts come from short texts written for these tests (tests/curation.py), not the sample corpus.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kzeu_desk.core import fact_listing, queries
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.properties import PropertyDraft, draft_of, property_rows
from kzeu_desk.core.qualifiers import fact_qualifiers
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind

from tests.curation import Curator, count, date_range, open_conflicts, percent


# The schema's own tables and rules hold on a team's server as in a file.
pytestmark = pytest.mark.both_engines


@pytest.fixture
def curator(new_location):
    with FactBase.open(new_location, actor="curator") as fact_base:
        yield Curator(fact_base)


def _undo(fb: FactBase, changes) -> None:
    fb.revert(changes.operation_id, f"Undo: {changes.label}")


def _found(conn, words: str) -> set[int]:
    return {row.id for row in fact_listing.page_after(conn, fact_listing.ListingSpec(search_text=words), None)}


def _row(fb: FactBase, table: str, row_id: int) -> dict | None:
    with fb.reading() as conn:
        found = conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row_id}).mappings().first()
    return dict(found) if found else None


# -- separators ----------------------------------------------------------------------------------


def test_shares_of_different_partners_do_not_conflict_but_two_figures_for_one_partner_do(curator):
    eu = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(29.8), "trade_partners_2023.txt", "29.8%",
                      qualifiers={"partner": "European Union"}, point_in_time="2023")
    china = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%",
                         qualifiers={"partner": "China"}, point_in_time="2023")
    assert open_conflicts(curator.fb) == []
    commission = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(33.5), "eu_share_review.txt", "33.5%",
                              qualifiers={"partner": "European Union"}, point_in_time="2023")
    assert open_conflicts(curator.fb) == [(eu, commission)]
    with curator.fb.reading() as conn:
        explanation = conn.execute(text("SELECT explanation FROM conflict")).scalar_one()
    assert "29.8% cannot be 33.5%" in explanation
    assert china not in {fact for members in open_conflicts(curator.fb) for fact in members}


def test_a_missing_separator_qualifier_is_a_value_of_its_own_as_in_wikibase(curator):
    curator.fact("Kazakhstan", "share_of_foreign_trade", percent(29.8), "trade_partners_2023.txt", "29.8%",
                 qualifiers={"partner": "European Union"}, point_in_time="2023")
    unqualified = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt",
                               "21.4%", point_in_time="2023")
    assert open_conflicts(curator.fb) == []
    # Saying which partner the figure is about keeps it apart for a reason, or flags it.
    added = curator.fb.add_qualifier(unqualified, curator.properties["partner"],
                                     TypedValue(ValueKind.ENTITY, entity_id=curator.entities["European Union"]))
    assert len(open_conflicts(curator.fb)) == 1
    _undo(curator.fb, added)
    assert open_conflicts(curator.fb) == []


def test_removing_a_separator_from_the_property_rejudges_its_facts_and_undo_restores(curator):
    fb = curator.fb
    curator.fact("Kazakhstan", "share_of_foreign_trade", percent(29.8), "trade_partners_2023.txt", "29.8%",
                 qualifiers={"partner": "European Union"}, point_in_time="2023")
    curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%",
                 qualifiers={"partner": "China"}, point_in_time="2023")
    share = curator.properties["share_of_foreign_trade"]
    with fb.reading() as conn:
        draft = draft_of(conn, share)
    assert draft.separators == (curator.properties["partner"],)
    changed = fb.update_property(share, PropertyDraft(**{**vars(draft), "separators": ()}))
    assert len(open_conflicts(fb)) == 1
    _undo(fb, changed)
    assert open_conflicts(fb) == []


def test_qualifiers_are_shown_searchable_and_a_change_is_one_undoable_action(curator):
    fb = curator.fb
    fact_id = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt",
                           "21.4%", qualifiers={"partner": "China"}, point_in_time="2023")
    method = curator.properties["determination_method"]
    added = fb.add_qualifier(fact_id, method, TypedValue(ValueKind.TEXT, text="customs statistics"))
    assert added.label == "Add qualifier determination method: customs statistics"
    with fb.reading() as conn:
        shown = [q.label for q in fact_qualifiers(conn, fact_id)]
        by_partner = _found(conn, "China")
        by_method = _found(conn, "customs statistics")
    assert shown == ["partner: China", "determination method: customs statistics"]
    assert by_partner == by_method == {fact_id}
    qualifier_id = added.new_id("fact_qualifier")
    edited = fb.update_qualifier(qualifier_id, TypedValue(ValueKind.TEXT, text="customs data"))
    assert _row(fb, "fact_qualifier", qualifier_id)["value_text"] == "customs data"
    _undo(fb, edited)
    assert _row(fb, "fact_qualifier", qualifier_id)["value_text"] == "customs statistics"
    removed = fb.remove_qualifier(qualifier_id)
    assert removed.label == "Remove qualifier determination method: customs statistics"
    assert _row(fb, "fact_qualifier", qualifier_id) is None
    _undo(fb, removed)
    assert _row(fb, "fact_qualifier", qualifier_id) is not None


def test_a_qualifier_value_must_fit_its_property(curator):
    fact_id = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%")
    with pytest.raises(InvalidEdit, match=r"^“partner” takes an entity, so customs \(a text\) cannot be its value\.$"):
        curator.fb.add_qualifier(fact_id, curator.properties["partner"], TypedValue(ValueKind.TEXT, text="customs"))


def test_deleting_a_fact_takes_its_qualifiers_and_undo_brings_them_back(curator):
    fact_id = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%",
                           qualifiers={"partner": "China"})
    deleted = curator.fb.delete_fact(fact_id)
    with curator.fb.reading() as conn:
        assert fact_qualifiers(conn, fact_id) == []
    _undo(curator.fb, deleted)
    with curator.fb.reading() as conn:
        assert [q.label for q in fact_qualifiers(conn, fact_id)] == ["partner: China"]


# -- value kinds ---------------------------------------------------------------------------------


def test_a_value_of_the_wrong_kind_is_refused_with_one_sentence(curator):
    with pytest.raises(InvalidEdit) as refused:
        curator.fact("Enhanced Partnership and Cooperation Agreement", "agreement_in_force",
                     TypedValue(ValueKind.MONEY, amount=139.8e9, unit="USD"), "trade_partners_2023.txt",
                     "US$139.8 billion")
    assert str(refused.value) == ("“agreement in force” takes a date, so US$139.8 billion (an amount of money) "
                                  "cannot be its value.")
    with curator.fb.reading() as conn:
        assert queries.totals(conn).facts == 0


def test_units_and_whole_numbers_are_checked_for_counts(curator):
    fb = curator.fb
    fb.create_property(PropertyDraft(key="negotiation_rounds", name="negotiation rounds", value_kind=ValueKind.COUNT,
                                     allowed_units=("rounds",), subject_kind="agreement"))
    curator.reload()
    epca = "Enhanced Partnership and Cooperation Agreement"
    with pytest.raises(InvalidEdit, match=r"takes amounts in rounds, so 9 meetings \(in meetings\) cannot be its value"):
        curator.fact(epca, "negotiation_rounds", count(9, "meetings"), "epca_ratification.txt", "nine rounds")
    with pytest.raises(InvalidEdit, match=r"a count, which is a whole number, so 8\.5 rounds cannot be"):
        curator.fact(epca, "negotiation_rounds", count(8.5, "rounds"), "epca_ratification.txt", "nine rounds")
    with pytest.raises(InvalidEdit, match=r"^“negotiation rounds” is stated about an agreement, and Kazakhstan is a country\.$"):
        curator.fact("Kazakhstan", "negotiation_rounds", count(9, "rounds"), "epca_ratification.txt", "nine rounds")
    nine = curator.fact(epca, "negotiation_rounds", count(9, "rounds"), "epca_ratification.txt", "nine rounds")
    eight = curator.fact(epca, "negotiation_rounds", count(8, "rounds"), "epca_ratification_older.txt",
                         "eight rounds")
    assert open_conflicts(fb) == [(nine, eight)]


def test_changing_the_property_to_one_of_another_kind_is_refused_but_other_edits_of_old_facts_are_not(curator):
    fb = curator.fb
    fact_id = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(29.8), "trade_partners_2023.txt", "29.8%")
    version = _row(fb, "fact", fact_id)["version"]
    with pytest.raises(InvalidEdit, match=r"“exports” takes an amount of money, so 29\.8% \(a percentage\)"):
        fb.update_fact(fact_id, version, property_id=curator.properties["exports"])
    # A fact stored before values were checked (here: written by another tool) stays editable.
    with fb._storage_engine.write_transaction(fb.engine) as conn:
        conn.execute(text("UPDATE fact SET property_id = :p WHERE id = :f"),
                     {"p": curator.properties["agreement_signed"], "f": fact_id})
    fb.update_fact(fact_id, version, status="confirmed")
    assert _row(fb, "fact", fact_id)["status"] == "confirmed"


def test_date_ranges_conflict_when_they_start_or_end_on_different_days(curator):
    fb = curator.fb
    fb.create_property(PropertyDraft(key="meeting_held", name="meeting held", value_kind=ValueKind.DATE_RANGE,
                                     description="When a meeting took place, first to last day."))
    curator.reload()
    meeting = curator.entity("15th EU–Central Asia ministerial meeting", kind="event")
    assert meeting
    first = curator.fact("15th EU–Central Asia ministerial meeting", "meeting_held", date_range("2019-07-06", "2019-07-07"),
                         "summit_2019.txt", "6–7 July 2019")
    second = curator.fact("15th EU–Central Asia ministerial meeting", "meeting_held", date_range("2019-07-07", "2019-07-08"),
                          "summit_2019_report.txt", "7–8 July 2019")
    assert open_conflicts(fb) == [(first, second)]
    with fb.reading() as conn:
        explanation = conn.execute(text("SELECT explanation FROM conflict")).scalar_one()
    assert "start on different days" in explanation
    with pytest.raises(InvalidEdit, match=r"takes a date range, so 7 July 2019 \(a date\)"):
        curator.fact("15th EU–Central Asia ministerial meeting", "meeting_held", TypedValue(ValueKind.DATE, date="2019-07-07"),
                     "summit_2019_report.txt", "7–8 July 2019")


# -- properties ----------------------------------------------------------------------------------


def test_a_property_is_created_edited_deprecated_and_deleted_each_undoably(curator):
    fb = curator.fb
    created = fb.create_property(PropertyDraft(key="visa_talk_rounds", name="visa talk rounds",
                                               value_kind=ValueKind.COUNT, wikidata_pid="p1114", single_valued=True))
    property_id = created.new_id("property")
    row = _row(fb, "property", property_id)
    assert (row["wikidata_pid"], row["value_kind"], row["deprecated"]) == ("P1114", "count", False)
    with fb.reading() as conn:
        draft = draft_of(conn, property_id)
    edited = fb.update_property(property_id, PropertyDraft(**{**vars(draft), "name": "visa facilitation rounds",
                                                             "allowed_units": ("rounds",)}))
    assert edited.label == "Edit property “visa talk rounds”"
    assert _row(fb, "property", property_id)["allowed_units"] == '["rounds"]'
    deprecated = fb.deprecate_property(property_id)
    assert _row(fb, "property", property_id)["deprecated"]
    _undo(fb, deprecated)
    assert not _row(fb, "property", property_id)["deprecated"]
    _undo(fb, edited)
    assert _row(fb, "property", property_id)["name"] == "visa talk rounds"
    deleted = fb.delete_property(property_id)
    assert _row(fb, "property", property_id) is None
    _undo(fb, deleted)
    assert _row(fb, "property", property_id)["key"] == "visa_talk_rounds"
    _undo(fb, created)
    assert _row(fb, "property", property_id) is None


@pytest.mark.parametrize(("draft", "message"), [
    (PropertyDraft(key="Share EU", name="EU share", value_kind=ValueKind.PERCENT), "cannot be a property key"),
    (PropertyDraft(key="exports", name="EU exports", value_kind=ValueKind.MONEY), "key “exports” already exists"),
    (PropertyDraft(key="eu_exports", name="Exports", value_kind=ValueKind.MONEY), "labelled “exports” already exists"),
    (PropertyDraft(key="eu_exports", name="EU exports", value_kind=ValueKind.MONEY, wikidata_pid="Q5"),
     "not a Wikidata property id"),
    (PropertyDraft(key="eu_exports", name="", value_kind=ValueKind.MONEY), "needs a label"),
])
def test_a_property_that_cannot_be_is_refused_with_one_sentence(curator, draft, message):
    with pytest.raises(InvalidEdit, match=message):
        curator.fb.create_property(draft)


def test_a_used_property_cannot_be_deleted_and_changing_its_kind_restates_or_refuses(curator):
    fb = curator.fb
    curator.fact("Kazakhstan", "companies_with_european_capital",
                 TypedValue(ValueKind.QUANTITY, amount=27.0, unit="companies"), "epca_ratification.txt", "27")
    prop = curator.properties["companies_with_european_capital"]
    with pytest.raises(InvalidEdit, match="is used by 1 fact; merge it into another property or deprecate it"):
        fb.delete_property(prop)
    with fb.reading() as conn:
        draft = draft_of(conn, prop)
    fb.update_property(prop, PropertyDraft(**{**vars(draft), "value_kind": ValueKind.COUNT}))
    with fb.reading() as conn:
        assert conn.execute(text("SELECT value_kind, value_amount FROM fact")).one() == ("count", 27.0)
        draft = draft_of(conn, prop)
    with pytest.raises(InvalidEdit, match=r"The fact .* holds a count .* cannot become a value of"):
        fb.update_property(prop, PropertyDraft(**{**vars(draft), "value_kind": ValueKind.DATE}))


def test_merging_properties_moves_facts_qualifiers_and_separators_and_rechecks_conflicts(curator):
    fb = curator.fb
    fb.create_property(PropertyDraft(key="eu_trade_share", name="EU share of trade", value_kind=ValueKind.PERCENT))
    curator.reload()
    duplicate = curator.properties["eu_trade_share"]
    first = curator.fact("Kazakhstan", "eu_trade_share", percent(29.8), "trade_partners_2023.txt", "29.8%",
                         qualifiers={"partner": "European Union"}, point_in_time="2023")
    second = curator.fact("Kazakhstan", "share_of_foreign_trade", percent(33.5), "eu_share_review.txt", "33.5%",
                          qualifiers={"partner": "European Union"}, point_in_time="2023")
    assert open_conflicts(fb) == []
    merged = fb.merge_properties(duplicate, curator.properties["share_of_foreign_trade"])
    assert merged.label == "Merge property “EU share of trade” into “share of foreign trade”"
    assert _row(fb, "property", duplicate) is None
    assert _row(fb, "fact", first)["property_id"] == curator.properties["share_of_foreign_trade"]
    assert open_conflicts(fb) == [(first, second)]
    _undo(fb, merged)
    assert _row(fb, "fact", first)["property_id"] == duplicate
    assert open_conflicts(fb) == []


def test_property_list_counts_uses_and_names_separators(curator):
    curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%",
                 qualifiers={"partner": "China"})
    with curator.fb.reading() as conn:
        rows = {row.info.key: row for row in property_rows(conn)}
    assert (rows["share_of_foreign_trade"].fact_count, rows["share_of_foreign_trade"].separator_names) == (1, ("partner",))
    assert rows["partner"].qualifier_count == 1


# -- entities ------------------------------------------------------------------------------------


def test_merging_duplicate_entities_moves_facts_and_rechecks_conflicts(curator):
    fb = curator.fb
    duplicate = curator.entity("EPCA agreement", kind="agreement")
    in_force = curator.fact("EPCA agreement", "agreement_in_force", TypedValue(ValueKind.DATE, date="2020-03-01"),
                            "epca_ratification.txt", "1 March 2020")
    other = curator.fact("Enhanced Partnership and Cooperation Agreement", "agreement_in_force",
                         TypedValue(ValueKind.DATE, date="2020-05"), "epca_ratification.txt", "2 March 2020")
    assert open_conflicts(fb) == []
    merged = fb.merge_entities(duplicate, curator.entities["Enhanced Partnership and Cooperation Agreement"])
    assert merged.label == "Merge “EPCA agreement” into “Enhanced Partnership and Cooperation Agreement”"
    assert open_conflicts(fb) == [(in_force, other)]
    with fb.reading() as conn:
        aliases = conn.execute(text("SELECT alias FROM entity_alias WHERE entity_id = :e"),
                               {"e": curator.entities["Enhanced Partnership and Cooperation Agreement"]}).scalars().all()
        found = _found(conn, "EPCA agreement")
    assert "EPCA agreement" in aliases
    assert found == {in_force, other}
    _undo(fb, merged)
    assert _row(fb, "entity", duplicate)["name"] == "EPCA agreement"
    assert _row(fb, "fact", in_force)["subject_id"] == duplicate
    assert open_conflicts(fb) == []


def test_an_entity_is_renamed_aliased_linked_and_deleted_only_when_unused(curator):
    fb = curator.fb
    china = curator.entity("Chna", kind="country")
    renamed = fb.update_entity(china, name="China", external_id="q148")
    assert renamed.label == "Rename “Chna” to “China”"
    assert (_row(fb, "entity", china)["name"], _row(fb, "entity", china)["external_id"]) == ("China", "Q148")
    with pytest.raises(InvalidEdit, match="not a Wikidata item id"):
        fb.update_entity(china, external_id="P31")
    alias = fb.add_alias(china, "PRC").new_id("entity_alias")
    fb.remove_alias(alias)
    curator.reload()
    curator.fact("Kazakhstan", "share_of_foreign_trade", percent(21.4), "trade_partners_2023.txt", "21.4%",
                 qualifiers={"partner": "China"})
    with pytest.raises(InvalidEdit, match="is the value of 1 fact or qualifier; merge it into another entity"):
        fb.delete_entity(china)
    unused = curator.entity("Khorgos dry port", kind="other")
    deleted = fb.delete_entity(unused)
    assert _row(fb, "entity", unused) is None
    _undo(fb, deleted)
    assert _row(fb, "entity", unused)["name"] == "Khorgos dry port"
    _undo(fb, renamed)
    assert _row(fb, "entity", china)["name"] == "Chna"
