"""A curated fact base from the five sample articles, as curators would build it: facts with their
quotes, the conflicts the articles really contain, and those conflicts settled with rationales.

Used by the tests of the timeline, source agreement, overview and report, and to look at those
views:  python tests/curated_base.py OUT.sqlite [--hostile]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from kzeu_desk.core.models import FactRank, FactStatus  # noqa: E402
from kzeu_desk.core.recorder import table  # noqa: E402
from kzeu_desk.core.sample_corpus import import_sample_corpus  # noqa: E402
from kzeu_desk.core.service import FactBase  # noqa: E402
from kzeu_desk.core.typed_value import TypedValue, ValueKind  # noqa: E402

T25, DANCE, T30, MFA, LEAP = ("kz_eu_25_years.txt", "kz_eu_dance_of_finance_and_politics.txt", "kz_eu_30_years.txt",
                             "kz_mfa_european_track.txt", "kz_eu_quantum_leap.txt")
KZ, EU, RELATIONS = "Kazakhstan", "European Union", "Kazakhstan–EU relations"
EPCA, PCA = "Enhanced Partnership and Cooperation Agreement", "Partnership and Cooperation Agreement"


@dataclass(frozen=True)
class Planned:
    name: str  # how the rest of this file refers to the fact
    subject: str
    property: str  # property key
    value: TypedValue
    quotes: tuple[tuple[str, str], ...]  # (source file, exact quote)
    curator: str
    qualifiers: dict = field(default_factory=dict)
    status: FactStatus = FactStatus.CONFIRMED
    rank: FactRank = FactRank.NORMAL
    value_entity: str | None = None
    note: str | None = None


def money(amount: float, *, lower: float | None = None, upper: float | None = None, approximate: bool = False,
          unit: str = "USD") -> TypedValue:
    return TypedValue(ValueKind.MONEY, amount=amount, lower=lower, upper=upper, approximate=approximate, unit=unit)


def day(iso: str, *, approximate: bool = False) -> TypedValue:
    return TypedValue(ValueKind.DATE, date=iso, approximate=approximate)


THIRTY_YEARS = {"start_time": "1993", "end_time": "2023"}

PLANNED: tuple[Planned, ...] = (
    Planned("relations_1996", RELATIONS, "diplomatic_relations_established", day("1996"),
            ((T25, "five years later, in 1996, it officially established diplomatic relations with the European Union"),),
            "aigerim"),
    Planned("relations_1993", RELATIONS, "diplomatic_relations_established", day("1993-02-02"),
            ((T30, "On February 2, Kazakhstan and the European Union are marking the 30th anniversary of the "
                   "establishment of diplomatic relations"),),
            "marco", note="The article is from 2023; thirty years back from 2 February 2023."),
    Planned("pca_signed", PCA, "agreement_signed", day("1995"),
            ((T30, "the signing of the partnership and cooperation agreement. That was in 1995"),
             (MFA, "the signing of the Partnership and Cooperation Agreement in 1995")),
            "aigerim", rank=FactRank.PREFERRED),
    Planned("epca_initialled", EPCA, "agreement_initialled", day("2015"),
            ((T25, "The Enhanced Partnership Cooperation Agreement (EPCA), initiated in 2015"),), "sofia"),
    Planned("epca_signed_2016", EPCA, "agreement_signed", day("2016"),
            ((DANCE, "Enhanced Partnership and Cooperation Agreement (EPCA) signed in 2016"),), "sofia",
            status=FactStatus.DRAFT, note="Other sources give 21 December 2015; to be checked."),
    Planned("epca_signed_decade", EPCA, "agreement_signed", day("2005", approximate=True),
            ((T30, "The decade later, we signed the first enhanced\u00a0partnership\u00a0and\u00a0cooperation\u00a0"
                   "agreement"),), "marco"),
    Planned("epca_in_force", EPCA, "agreement_in_force", day("2020"),
            ((MFA, "the entry into force of the Enhanced Partnership and Cooperation Agreement (EPCA) in 2020"),),
            "aigerim"),
    Planned("investment_160", EU, "cumulative_investment", money(160e9, lower=160e9),
            ((T30, "The amount of European capital investments into the country’s economy over the three decades "
                   "has exceeded US$160 billion"),), "marco", qualifiers=THIRTY_YEARS),
    Planned("investment_77", EU, "cumulative_investment", money(77e9, upper=77e9),
            ((T30, "the countries of the European Union have invested almost US$77 billion"),), "marco",
            qualifiers=THIRTY_YEARS),
    Planned("inflow_800m", EU, "investment_inflow", money(800e6, approximate=True),
            ((T30, "Last year alone, the EU states invested about 800 million"),), "daniyar",
            qualifiers={"point_in_time": "2022"}, status=FactStatus.DISPUTED),
    Planned("inflow_8bn", EU, "investment_inflow", money(8e9, lower=8e9),
            ((MFA, "In the first 9 months of 2022, investment inflow increased by 10 per cent to more than 8 billion "
                   "US dollars"),), "daniyar", qualifiers={"start_time": "2022-01", "end_time": "2022-09"}),
    Planned("share_one_third", KZ, "share_of_foreign_trade",
            TypedValue(ValueKind.PERCENT, amount=100 / 3, approximate=True, unit="%"),
            ((T30, "the EU accounts for one third of the total volume of Kazakhstan’s foreign trade"),), "sofia",
            qualifiers={"point_in_time": "2022", "scope_note": "“to date”, early 2023"}),
    Planned("share_30", KZ, "share_of_foreign_trade", TypedValue(ValueKind.PERCENT, amount=30, approximate=True, unit="%"),
            ((MFA, "accounting for about 30% of the country’s foreign trade"),), "sofia",
            qualifiers={"point_in_time": "2022"}),
    Planned("turnover_2022", RELATIONS, "trade_turnover", money(40e9),
            ((MFA, "reaching 40 billion US dollars"),), "aigerim", qualifiers={"point_in_time": "2022"}),
    Planned("exports_2022", KZ, "exports", money(32.3e9), ((MFA, "exports – $32.3 billion"),), "aigerim",
            qualifiers={"point_in_time": "2022"}),
    Planned("imports_2022", KZ, "imports", money(7.6e9), ((MFA, "imports – $7.6 billion"),), "aigerim",
            qualifiers={"point_in_time": "2022"}, status=FactStatus.DRAFT),
    Planned("growth_180", RELATIONS, "trade_growth_factor", TypedValue(ValueKind.QUANTITY, amount=180, unit="×"),
            ((T30, "the indicators of the bilateral trade turnover increased 180-fold"),), "marco",
            qualifiers=THIRTY_YEARS),
    Planned("companies_3000", KZ, "companies_with_european_capital",
            TypedValue(ValueKind.QUANTITY, amount=3000, approximate=True, unit="companies"),
            ((T30, "There are about 3,000 companies with the participation of the European capital operating in "
                   "Kazakhstan"),), "daniyar", qualifiers={"point_in_time": "2023"}, status=FactStatus.DRAFT),
    Planned("companies_29", KZ, "companies_with_european_capital",
            TypedValue(ValueKind.QUANTITY, amount=29, unit="companies"),
            ((T30, "covers 29 different areas of economy and social life"),), "import-bot",
            qualifiers={"point_in_time": "2019"}, status=FactStatus.REJECTED,
            note="Misread: 29 is the number of areas the EPCA covers."),
    Planned("investment_share_half", KZ, "share_of_investment",
            TypedValue(ValueKind.PERCENT, amount=50, approximate=True, unit="%"),
            ((T30, "which accounts for about a half, or 50 percent, of all investment in Kazakhstan"),), "marco",
            qualifiers=THIRTY_YEARS),
    Planned("largest_partner_2022", KZ, "largest_trade_partner", TypedValue(ValueKind.ENTITY), value_entity=EU,
            quotes=((MFA, "The European Union is Kazakhstan’s largest and most significant trading partner"),),
            curator="aigerim", qualifiers={"point_in_time": "2022"}),
    Planned("largest_partner", KZ, "largest_trade_partner", TypedValue(ValueKind.ENTITY), value_entity=EU,
            quotes=((DANCE, "The EU is Kazakhstan's largest trading partner"),), curator="sofia"),
    Planned("largest_partner_2011", KZ, "largest_trade_partner", TypedValue(ValueKind.ENTITY), value_entity=EU,
            quotes=((LEAP, "The EU is the top trade and investment partner of Kazakhstan"),), curator="sofia",
            qualifiers={"point_in_time": "2011"}),
    Planned("largest_investor_2011", KZ, "largest_investor", TypedValue(ValueKind.ENTITY), value_entity=EU,
            quotes=((LEAP, "The EU is the top trade and investment partner of Kazakhstan"),), curator="sofia",
            qualifiers={"point_in_time": "2011"}),
    Planned("largest_investor", KZ, "largest_investor", TypedValue(ValueKind.ENTITY), value_entity=EU,
            quotes=((T30, "the EU has taken a solid leadership position as Kazakhstan’s largest trade and investment "
                          "partner"),), curator="marco"),
    Planned("party_epca", KZ, "party_to", TypedValue(ValueKind.ENTITY), value_entity=EPCA,
            quotes=((MFA, "Kazakhstan is the only country in the region to have signed and ratified a “second "
                          "generation” agreement"),), curator="aigerim", qualifiers={"start_time": "2020"}),
    Planned("quantum_leap", RELATIONS, "statement",
            TypedValue(ValueKind.TEXT, text="Kazakhstan has made a “quantum leap” in its relations with the EU"),
            ((LEAP, "his country has made a “quantum leap” in its relations with the EU"),), "daniyar",
            qualifiers={"point_in_time": "2011-08-02"}),
    Planned("policy_priority", KZ, "statement",
            TypedValue(ValueKind.TEXT, text="Cooperation with the EU is one of the most important priorities of the "
                                            "Foreign Policy Concept 2020–2030"),
            ((MFA, "further development of cooperation with the European Union and the European countries is defined "
                   "as one of the most important priorities in the Concept of Foreign Policy"),), "aigerim",
            qualifiers={"start_time": "2020", "end_time": "2030"}),
)

HOSTILE_TITLE = "<script>alert('title')</script> & “quotes” \u202eevil"
HOSTILE_VALUE = "</td><img src=x onerror=alert(1)><b>bold</b> \x07\x1b end"


def build_curated_base(path: Path, *, hostile: bool = False) -> dict[str, int]:
    """Create the curated fact base at `path`; returns fact ids by their planned names (and
    'conflict:<name>' ids of the conflicts)."""
    with FactBase.open(path, actor="aigerim") as fact_base:
        import_sample_corpus(fact_base)
        with fact_base.reading() as conn:
            sources = {row.file_name: (row.id, row.text) for row in conn.execute(
                select(table("source").c.id, table("source").c.file_name, table("source").c.text))}
            entities = dict(conn.execute(select(table("entity").c.name, table("entity").c.id)).all())
            properties = dict(conn.execute(select(table("property").c.key, table("property").c.id)).all())
        ids: dict[str, int] = {}
        for planned in PLANNED:
            fact_base.actor = planned.curator
            evidence = []
            for file_name, quote in planned.quotes:
                source_id, body = sources[file_name]
                start = body.index(quote)
                evidence.append((source_id, start, start + len(quote)))
            value = planned.value
            if planned.value_entity is not None:
                value = value.with_changes(entity_id=entities[planned.value_entity])
            changes = fact_base.create_fact(
                value=value, subject_id=entities[planned.subject], property_id=properties[planned.property],
                status=planned.status, rank=planned.rank, note=planned.note, qualifiers=dict(planned.qualifiers),
                evidence=evidence, label="New fact from selection")
            ids[planned.name] = changes.new_id("fact")

        def conflict_of(*names: str) -> int:
            members = sorted(ids[name] for name in names)
            with fact_base.reading() as conn:
                member = table("conflict_member")
                rows = conn.execute(select(member.c.conflict_id, member.c.fact_id)
                                    .where(member.c.fact_id.in_(members))).all()
            by_conflict: dict[int, set[int]] = {}
            for conflict_id, fact_id in rows:
                by_conflict.setdefault(conflict_id, set()).add(fact_id)
            return next(conflict_id for conflict_id, facts in by_conflict.items() if facts == set(members))

        fact_base.actor = "sofia"
        ids["conflict:relations"] = conflict_of("relations_1996", "relations_1993")
        fact_base.prefer_fact(ids["conflict:relations"], ids["relations_1993"],
                              "The EEAS and the Ministry date relations from 2 February 1993; the 1996 date counts "
                              "from the opening of the EU delegation in Almaty.")
        ids["conflict:epca_signed"] = conflict_of("epca_signed_2016", "epca_signed_decade")
        fact_base.reject_fact(ids["conflict:epca_signed"], ids["epca_signed_decade"],
                              "“The decade later” is the ambassador's loose wording, not a date.")
        fact_base.actor = "marco"
        ids["conflict:investment"] = conflict_of("investment_160", "investment_77")
        fact_base.dismiss_conflict(ids["conflict:investment"],
                                   "Different measures: gross inflows since 1993 (US$160 bn) against the net stock "
                                   "the ambassador quoted (US$77 bn).")
        ids["conflict:inflow"] = conflict_of("inflow_800m", "inflow_8bn")
        fact_base.actor = "daniyar"
        flagged = fact_base.flag_facts([ids["companies_3000"]], "Check against the 2023 business register.")
        ids["conflict:flag"] = flagged.new_id("conflict")
        if hostile:
            _add_hostile(fact_base, ids, entities, properties)
    return ids


def _add_hostile(fact_base: FactBase, ids: dict[str, int], entities: dict[str, int], properties: dict[str, int]) -> None:
    """Imported text written to break reports: markup, a javascript: URL, control and bidi characters."""
    from kzeu_desk.core.reading import ReadDocument
    from kzeu_desk.core.service import SourceMetadata

    body = f"Preamble. {HOSTILE_VALUE} was said on <b>2 May 2021</b>. Closing."
    document = ReadDocument(text=body, file_name="hostile<x>.html", encoding="utf-8", title=None, format="text")
    changes = fact_base.import_document(document, SourceMetadata(
        title=HOSTILE_TITLE, publisher="Pub <i>lisher</i>", author="\"Author\" <a@b>",
        url="javascript:alert('url')", published="2021-05"))
    source_id = changes.new_id("source")
    entity = fact_base.create_entity("<svg onload=alert(2)>Subject")
    start = body.index(HOSTILE_VALUE)
    created = fact_base.create_fact(
        value=TypedValue(ValueKind.TEXT, text=HOSTILE_VALUE), subject_id=entity.new_id("entity"),
        property_id=properties["statement"], qualifiers={"point_in_time": "2021-05-02", "scope_note": "<u>scope</u>"},
        evidence=[(source_id, start, start + len(HOSTILE_VALUE))], note="<script>note()</script>")
    ids["hostile"] = created.new_id("fact")
    ids["hostile_source"] = source_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--hostile", action="store_true", help="add a source and a fact written to break reports")
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists")
    ids = build_curated_base(args.out, hostile=args.hostile)
    print(f"{args.out}: {sum(1 for name in ids if ':' not in name)} facts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
