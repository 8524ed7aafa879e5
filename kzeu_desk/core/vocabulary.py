"""The starter vocabulary a new fact base gets: properties and entities of Kazakhstan–EU relations."""

from __future__ import annotations

from dataclasses import dataclass, field

from kzeu_desk.core.typed_value import ValueKind


@dataclass(frozen=True)
class PropertySeed:
    key: str
    name: str
    value_kind: ValueKind
    description: str
    single_valued: bool = True
    default_unit: str | None = None
    tolerance: float | None = None
    wikidata_pid: str | None = None
    separators: tuple[str, ...] = ()  # keys of the qualifiers whose values separate its values


# Trade and investment figures are about one partner at a time: "the EU's share" and "China's
# share" of Kazakhstan's trade are different facts, told apart by the "partner" qualifier.
_BY_PARTNER = ("partner",)


@dataclass(frozen=True)
class EntitySeed:
    name: str
    kind: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    external_id: str | None = None
    description: str | None = None


STARTER_PROPERTIES: tuple[PropertySeed, ...] = (
    PropertySeed("diplomatic_relations_established", "diplomatic relations established", ValueKind.DATE,
                 "Date on which the two parties established diplomatic relations."),
    PropertySeed("agreement_initialled", "agreement initialled", ValueKind.DATE,
                 "Date an agreement's text was initialled by the negotiators."),
    PropertySeed("agreement_signed", "agreement signed", ValueKind.DATE,
                 "Date an agreement was signed."),
    PropertySeed("agreement_in_force", "agreement in force", ValueKind.DATE,
                 "Date an agreement entered into force."),
    PropertySeed("trade_turnover", "trade turnover", ValueKind.MONEY,
                 "Value of bilateral trade (exports plus imports) over the fact's period.",
                 default_unit="USD", separators=_BY_PARTNER),
    PropertySeed("exports", "exports", ValueKind.MONEY,
                 "Value of the subject's exports to the partner over the fact's period.", default_unit="USD",
                 separators=_BY_PARTNER),
    PropertySeed("imports", "imports", ValueKind.MONEY,
                 "Value of the subject's imports from the partner over the fact's period.", default_unit="USD",
                 separators=_BY_PARTNER),
    PropertySeed("share_of_foreign_trade", "share of foreign trade", ValueKind.PERCENT,
                 "Partner's share of the subject's total foreign trade.", default_unit="%", tolerance=0.15,
                 separators=_BY_PARTNER),
    PropertySeed("trade_growth_factor", "trade turnover growth factor", ValueKind.QUANTITY,
                 "How many times bilateral trade grew over the fact's period.", default_unit="×"),
    PropertySeed("cumulative_investment", "cumulative investment", ValueKind.MONEY,
                 "Total foreign direct investment from the partner since records began.", default_unit="USD",
                 separators=_BY_PARTNER),
    PropertySeed("investment_inflow", "investment inflow", ValueKind.MONEY,
                 "Foreign direct investment from the partner during the fact's period.", default_unit="USD",
                 separators=_BY_PARTNER),
    PropertySeed("share_of_investment", "share of foreign investment", ValueKind.PERCENT,
                 "Partner's share of the subject's total inward investment.", default_unit="%",
                 separators=_BY_PARTNER),
    PropertySeed("companies_with_european_capital", "companies with European capital", ValueKind.QUANTITY,
                 "Number of companies operating with capital from the partner.", default_unit="companies"),
    PropertySeed("largest_trade_partner", "largest trade partner", ValueKind.ENTITY,
                 "The subject's largest trading partner."),
    PropertySeed("largest_investor", "largest investor", ValueKind.ENTITY,
                 "The largest source of foreign investment in the subject."),
    PropertySeed("party_to", "party to agreement", ValueKind.ENTITY,
                 "An agreement the subject is a party to.", single_valued=False),
    PropertySeed("statement", "statement", ValueKind.TEXT,
                 "A position or claim stated by the subject, kept as text.", single_valued=False),
    # Qualifiers (Wikibase's), used beside point in time, start and end to narrow what a fact states.
    PropertySeed("partner", "partner", ValueKind.ENTITY,
                 "The other party a figure is about: the trade partner, the investing country.", single_valued=False),
    PropertySeed("applies_to_part", "applies to part", ValueKind.ENTITY,
                 "The part of the subject or value the fact is limited to (a sector, a region, a product).",
                 single_valued=False, wikidata_pid="P518"),
    PropertySeed("determination_method", "determination method", ValueKind.TEXT,
                 "How the figure was arrived at (customs statistics, estimate, survey).", single_valued=False),
)

STARTER_ENTITIES: tuple[EntitySeed, ...] = (
    EntitySeed("Kazakhstan", "country", ("Republic of Kazakhstan", "Қазақстан", "Казахстан", "KZ"), "Q232"),
    EntitySeed("European Union", "organisation", ("EU", "the EU", "Европейский союз", "Еуропалық Одақ"), "Q458"),
    EntitySeed("Kazakhstan–EU relations", "relation", ("EU–Kazakhstan relations", "Kazakhstan-EU relations")),
    EntitySeed("Enhanced Partnership and Cooperation Agreement", "agreement",
               ("EPCA", "enhanced partnership and cooperation agreement"),
               description="EU–Kazakhstan agreement initialled in 2015, signed in 2015/2016, in force 2020."),
    EntitySeed("Partnership and Cooperation Agreement", "agreement", ("PCA",),
               description="The 1995 EU–Kazakhstan agreement that the EPCA replaced."),
    EntitySeed("European Commission", "organisation", ("Commission",), "Q8880"),
    EntitySeed("Germany", "country", ("Federal Republic of Germany",), "Q183"),
    EntitySeed("Italy", "country", (), "Q38"),
    EntitySeed("Netherlands", "country", ("the Netherlands", "Holland"), "Q55"),
    EntitySeed("France", "country", (), "Q142"),
)
