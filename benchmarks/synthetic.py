"""Deterministic synthetic fact-base rows: sources, entities, properties, facts, evidence and links.

The rows are plain tuples in table column order, so the same rows can go through SQLAlchemy Core
(`conn.execute(insert, dicts)`) or raw `sqlite3.executemany` and the two be compared fairly.
Everything follows from (fact count, seed, the ids the target fact base already uses).

The shape imitates a curated fact base on Kazakhstan–EU relations:
* articles of realistic length (log-normal, median ~6,000 characters, 1.5k-60k), each stating
  about 40 facts in prose padded with ordinary sentences; some Cyrillic/Kazakh names, an
  occasional character beyond the BMP, so code point/UTF-16 conversion is exercised;
* subjects drawn with a long tail (a few entities carry many facts), ~60 properties of every
  value kind, time series (one fact per year) for amounts and shares;
* every fact has an evidence span whose quote is exactly text[start:end]; ~15% are restated in a
  second article; a "long source" of ~1 MB restates 10,000 facts (the 10k-highlight document);
* ~3% of keys get a fact disagreeing with another on the same scope (value conflicts), ~8% a
  corroborating one, ~4% of facts a link, a few "contradicts" links (declared conflicts).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from kzeu_desk.core.text import quote_context, sha256_text
from kzeu_desk.core.vocabulary import STARTER_PROPERTIES

# Bump when the generated rows change, so cached fact bases are rebuilt.
GENERATOR_REVISION = 1

LONG_SOURCE_CHARACTERS = 1_000_000
LONG_SOURCE_HIGHLIGHTS = 10_000

FACTS_PER_SOURCE = 40
FACTS_PER_ENTITY = 25
CONFLICT_SHARE = 0.03  # of keys: one extra fact disagreeing with an existing one on the same scope
CORROBORATION_SHARE = 0.08  # of keys: one extra fact agreeing with an existing one
RESTATED_SHARE = 0.15  # of facts: a second evidence span in another article
LINK_SHARE = 0.04  # of facts
DECLARED_CONTRADICTION_SHARE = 0.1  # of conflicting pairs, also linked "contradicts"
MAX_DECLARED_CONTRADICTIONS = 3_000  # keeps the rescan's IN (...) lists well within SQLite's limits

CURATORS = ("aigerim", "marco", "sofia", "daniyar", "import-bot")
YEARS = tuple(str(year) for year in range(2005, 2025))

COLUMNS: dict[str, tuple[str, ...]] = {
    "source": ("id", "title", "publisher", "author", "url", "published", "language", "text", "text_sha256",
               "char_count", "file_name", "encoding", "note", "imported_at", "imported_by"),
    "entity": ("id", "name", "kind", "description", "external_id"),
    "entity_alias": ("id", "entity_id", "alias", "alias_key"),
    "property": ("id", "key", "name", "value_kind", "single_valued", "default_unit", "tolerance", "description",
                 "wikidata_pid"),
    "fact": ("id", "subject_id", "property_id", "value_kind", "value_amount", "value_lower", "value_upper",
             "value_approximate", "value_unit", "value_date", "value_entity_id", "value_text", "point_in_time",
             "start_time", "end_time", "scope_note", "status", "rank", "note", "created_at", "created_by",
             "updated_at", "updated_by", "version"),
    "evidence": ("id", "fact_id", "source_id", "start", "end", "quote", "prefix", "suffix", "source_sha256",
                 "created_at", "created_by"),
    "fact_link": ("id", "from_fact_id", "to_fact_id", "kind", "note", "created_at", "created_by"),
}
# Parents before children, as foreign keys require.
TABLE_ORDER = ("source", "entity", "entity_alias", "property", "fact", "evidence", "fact_link")

_PUBLISHERS = ("Astana Times", "Kazinform", "EUobserver", "Euractiv", "Kapital.kz", "Tengrinews",
               "The Diplomat", "Reuters", "Interfax-Kazakhstan", "MFA of Kazakhstan", "EEAS press office",
               "Forbes Kazakhstan", "Eurasianet", "Central Asia Monitor")
_TOPICS = ("trade", "investment", "energy transition", "critical raw materials", "transport corridors",
           "green hydrogen", "visa facilitation", "education exchange", "agriculture", "digital economy",
           "water management", "customs cooperation", "rule of law", "uranium supply", "the Middle Corridor")
_FILLER = (
    "The talks took place against the background of a changing geopolitical landscape in Central Asia.",
    "Both sides stressed the importance of predictable rules for investors and traders.",
    "Analysts cautioned that official statistics are often revised in the following year.",
    "The delegation also visited an industrial park on the outskirts of the city.",
    "Stakeholders from civil society were invited to comment on the draft roadmap.",
    "Қазақстан мен Еуропалық Одақ арасындағы ынтымақтастық жаңа кезеңге өтті, деді министр.",
    "Представители бизнеса отметили рост интереса европейских компаний к региону.",
    "Further rounds of consultations are expected before the end of the year.",
    "Observers noted that the figures exclude re-exports through third countries.",
    "The ministry published the full text of the joint statement on its website.",
    "Several projects remain at the feasibility stage and have not yet been financed.",
    "Logistics companies reported shorter transit times along the Trans-Caspian route.",
    "Officials declined to comment on the timetable for the next summit.",
    "The report draws on customs data, central bank statistics and company filings.",
    "Experts from Brussels and Astana met in a closed session on regulatory convergence.",
    "A working group on sustainable finance held its first meeting in the spring.",
)
_LEADS = ("According to {publisher}, ", "Officials said that ", "", "Data published this year show that ",
          "The ministry reported that ", "", "In a statement, the delegation said that ")
_VERBS = ("was", "reached", "stood at", "amounted to", "totalled")

_FIRST_NAMES = ("Aigerim", "Nurlan", "Marco", "Sofia", "Daniyar", "Ursula", "Josep", "Kassym", "Aliya",
                "Yerlan", "Claire", "Jan", "Madina", "Timur", "Elena", "Pieter", "Zhanna", "Olaf", "Dana", "Arman")
_LAST_NAMES = ("Tokayev", "Rossi", "Kuznetsova", "Nurpeisov", "Schmidt", "Dubois", "Abenova", "Janssen",
               "Bekov", "Moreau", "Smagulov", "Novak", "Ibraimova", "Fischer", "Sadykov", "Kowalski")
_PLACES = ("Almaty", "Astana", "Atyrau", "Aktau", "Karaganda", "Shymkent", "Pavlodar", "Kostanay", "Turkistan",
           "Aktobe", "Ust-Kamenogorsk", "Rotterdam", "Hamburg", "Genoa", "Antwerp", "Lyon", "Milan", "Gdańsk")
_INDUSTRIES = ("Energy", "Copper", "Logistics", "Grain", "Hydrogen", "Uranium", "Wind", "Rail", "Steel",
               "Fertiliser", "Solar", "Pharma", "Textile", "Digital", "Water", "Cargo")
_COMPANY_FORMS = ("Holding", "Works", "JSC", "LLP", "Group", "GmbH", "S.p.A.", "B.V.", "Partners", "Consortium")
_AGREEMENT_KINDS = ("memorandum on", "roadmap for", "agreement on", "protocol on", "declaration on")
_SECTORS = ("energy", "agriculture", "metals", "machinery", "chemicals", "transport services", "finance",
            "textiles", "food products", "pharmaceuticals")


@dataclass(frozen=True)
class StartingIds:
    """The highest id each table already uses in the target fact base (its starter vocabulary)."""

    source: int = 0
    entity: int = 0
    entity_alias: int = 0
    property: int = 0
    fact: int = 0
    evidence: int = 0
    fact_link: int = 0


@dataclass
class SyntheticRows:
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in TABLE_ORDER})
    long_source_id: int | None = None
    # Keys (subject_id, property_id) that were given a disagreeing fact, for picking edit targets.
    conflicting_keys: list[tuple[int, int]] = field(default_factory=list)
    # A few words that occur in the search index, for search-as-you-type.
    search_words: list[str] = field(default_factory=list)

    @property
    def fact_count(self) -> int:
        return len(self.rows["fact"])

    def batches(self, table: str, size: int = 10_000) -> Iterator[list[tuple]]:
        rows = self.rows[table]
        for start in range(0, len(rows), size):
            yield rows[start:start + size]


@dataclass(frozen=True)
class _Property:
    id: int
    name: str
    value_kind: str
    single_valued: bool
    unit: str | None
    time_series: bool


@dataclass
class _Statement:
    """One fact's value as prose: the quote is the evidence span."""

    fact_index: int
    sentence_before: str
    quote: str
    sentence_after: str


def generate_rows(fact_count: int, seed: int, starting: StartingIds,
                  starter_properties: list[tuple[int, str, str, bool, str | None]],
                  starter_entities: dict[int, str]) -> SyntheticRows:
    """Rows for about `fact_count` facts (exactly that many) on top of a seeded fact base.

    `starter_properties` is (id, name, value_kind, single_valued, default_unit) of the properties
    the fact base was seeded with; `starter_entities` its entities by id, which become popular subjects.
    """
    rng = random.Random(seed)
    out = SyntheticRows()
    properties = _properties(out, starting, starter_properties)
    entity_names, entity_ids = _entities(out, rng, starting, starter_entities, fact_count)
    publishers = [rng.choice(_PUBLISHERS) for _ in range(max(3, fact_count // FACTS_PER_SOURCE))]
    facts, statements = _facts(out, rng, starting, properties, entity_ids, entity_names, fact_count, publishers)
    _sources_and_evidence(out, rng, starting, facts, statements, publishers)
    _links(out, rng, starting, facts)
    out.search_words = ["kazakhstan", "trade turnover", "investment 2019", "almaty energy", "signed",
                        "exports metals", "EPCA"]
    return out


def _timestamp(rng: random.Random) -> str:
    day = rng.randrange(0, 900)
    seconds = rng.randrange(0, 86_400)
    year, rest = (2023, day) if day < 365 else ((2024, day - 365) if day < 731 else (2025, day - 731))
    month = min(12, rest // 31 + 1)
    return f"{year}-{month:02d}-{rest % 28 + 1:02d}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000Z"


def _properties(out: SyntheticRows, starting: StartingIds,
                starter: list[tuple[int, str, str, bool, str | None]]) -> list[_Property]:
    properties = [
        _Property(pid, name, kind, bool(single), unit, kind in ("money", "percent", "quantity") and bool(single))
        for pid, name, kind, single, unit in starter
    ]
    starter_keys = {seed.key for seed in STARTER_PROPERTIES}
    extra: list[tuple[str, str, str, bool, str | None]] = []
    for sector in _SECTORS:
        extra.append((f"exports_{sector}", f"exports of {sector}", "money", True, "USD"))
        extra.append((f"investment_{sector}", f"investment in {sector}", "money", True, "EUR"))
        extra.append((f"share_{sector}", f"EU share of {sector} trade", "percent", True, "%"))
    extra += [
        ("joint_ventures", "number of joint ventures", "quantity", True, "ventures"),
        ("students_exchanged", "students exchanged", "quantity", True, "students"),
        ("project_launched", "project launched", "date", True, None),
        ("memorandum_signed", "memorandum signed", "date", True, None),
        ("headquartered_in", "headquartered in", "entity", True, None),
        ("partner_of", "partner of", "entity", False, None),
        ("position_on", "position stated", "text", False, None),
        ("capacity", "installed capacity", "quantity", True, "MW"),
        ("employees", "number of employees", "quantity", True, "employees"),
        ("loan_amount", "loan amount", "money", True, "EUR"),
        ("tariff_rate", "average tariff rate", "percent", True, "%"),
        ("founded", "founded", "date", True, None),
        ("led_by", "led by", "entity", True, None),
    ]
    next_id = starting.property + 1
    for key, name, kind, single, unit in extra:
        if key in starter_keys:
            continue
        out.rows["property"].append((next_id, key, name, kind, single, unit, None,
                                     f"Synthetic benchmark property: {name}.", None))
        properties.append(_Property(next_id, name, kind, single, unit,
                                    kind in ("money", "percent", "quantity") and single))
        next_id += 1
    return properties


def _entities(out: SyntheticRows, rng: random.Random, starting: StartingIds, starter: dict[int, str],
              fact_count: int) -> tuple[dict[int, str], list[int]]:
    wanted = max(40, fact_count // FACTS_PER_ENTITY)
    names: dict[int, str] = dict(starter)
    used: set[str] = set(starter.values())
    next_id, next_alias = starting.entity + 1, starting.entity_alias + 1
    for _ in range(wanted):
        kind = rng.choices(("company", "person", "organisation", "agreement", "project", "city"),
                           (40, 20, 12, 10, 12, 6))[0]
        if kind == "company":
            name = f"{rng.choice(_PLACES)} {rng.choice(_INDUSTRIES)} {rng.choice(_COMPANY_FORMS)}"
        elif kind == "person":
            name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
        elif kind == "organisation":
            name = f"{rng.choice(_PLACES)} Chamber of {rng.choice(_INDUSTRIES)}"
        elif kind == "agreement":
            name = f"EU–Kazakhstan {rng.choice(_AGREEMENT_KINDS)} {rng.choice(_TOPICS)}"
        elif kind == "project":
            name = f"{rng.choice(_PLACES)} {rng.choice(_INDUSTRIES)} project"
        else:
            name = rng.choice(_PLACES)
        base, number = name, 2
        while name in used:
            name = f"{base} {number}"
            number += 1
        used.add(name)
        out.rows["entity"].append((next_id, name, kind, None, None))
        # A new entity's own name is one of its aliases (FactBase.insert_entity does the same).
        aliases = [name]
        if rng.random() < 0.3:
            aliases.append(name.upper() if kind == "agreement" else f"{name.split()[0]} group")
        for alias in dict.fromkeys(aliases):
            out.rows["entity_alias"].append((next_alias, next_id, alias, alias.casefold()))
            next_alias += 1
        names[next_id] = name
        next_id += 1
    # Starter entities (Kazakhstan, the EU, ...) are the most talked about; generated ones follow.
    return names, list(names)


def _pick_subject(rng: random.Random, entity_ids: list[int]) -> int:
    # Squaring a uniform draw skews towards the front of the list: a long tail of rare subjects.
    return entity_ids[int(len(entity_ids) * rng.random() ** 2)]


def _money_phrase(amount: float, unit: str, approximate: bool) -> str:
    symbol = "US$" if unit == "USD" else "€"
    if amount >= 1e9:
        shown = f"{symbol}{amount / 1e9:.1f} billion"
    else:
        shown = f"{symbol}{amount / 1e6:.0f} million"
    return f"about {shown}" if approximate else shown


def _value(rng: random.Random, prop: _Property, entity_ids: list[int], entity_names: dict[int, str],
           scale: float) -> tuple[dict, str]:
    """(value columns, how an article writes it)."""
    kind = prop.value_kind
    if kind == "money":
        amount = round(rng.lognormvariate(math.log(2e9), 1.2) * scale, -6) or 1e6
        amount = float(f"{amount / 1e9:.1f}") * 1e9 if amount >= 1e9 else float(f"{amount / 1e6:.0f}") * 1e6
        approximate = rng.random() < 0.2
        unit = prop.unit or "USD"
        return {"value_amount": amount, "value_unit": unit, "value_approximate": approximate}, \
            _money_phrase(amount, unit, approximate)
    if kind == "percent":
        share = round(min(95.0, rng.uniform(2, 45) * scale), 1)
        return {"value_amount": share, "value_unit": "%"}, f"{share:.1f}%"
    if kind == "quantity":
        count = max(1, int(rng.lognormvariate(math.log(300), 1.0) * scale))
        return {"value_amount": float(count), "value_unit": prop.unit}, f"{count:,} {prop.unit or 'units'}"
    if kind == "date":
        year = rng.randrange(1992, 2025)
        if rng.random() < 0.5:
            month, day = rng.randrange(1, 13), rng.randrange(1, 29)
            months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December")
            return {"value_date": f"{year}-{month:02d}-{day:02d}"}, f"{day} {months[month - 1]} {year}"
        return {"value_date": str(year)}, f"in {year}"
    if kind == "entity":
        target = entity_ids[rng.randrange(len(entity_ids))]
        return {"value_entity_id": target}, entity_names[target]
    text = f"closer cooperation on {rng.choice(_TOPICS)}"
    return {"value_text": text}, text


def _disagreeing(rng: random.Random, prop: _Property, value: dict, phrase: str, entity_ids: list[int],
                 entity_names: dict[int, str]) -> tuple[dict, str]:
    kind = prop.value_kind
    if kind in ("money", "quantity", "percent"):
        factor = rng.uniform(1.8, 3.5)
        if kind == "money":
            amount = value["value_amount"] * factor
            amount = float(f"{amount / 1e9:.1f}") * 1e9 if amount >= 1e9 else float(f"{amount / 1e6:.0f}") * 1e6
            return {**value, "value_amount": amount, "value_approximate": False}, \
                _money_phrase(amount, value["value_unit"], False)
        if kind == "percent":
            share = round(min(99.0, value["value_amount"] + rng.uniform(15, 40)), 1)
            return {**value, "value_amount": share}, f"{share:.1f}%"
        count = int(value["value_amount"] * factor) + 1
        return {**value, "value_amount": float(count)}, f"{count:,} {prop.unit or 'units'}"
    if kind == "date":
        year = int(value["value_date"][:4]) + rng.choice((-6, -4, -3, 3, 4, 6))
        year = min(max(year, 1992), 2030)
        return {"value_date": str(year)}, f"in {year}"
    target = entity_ids[rng.randrange(len(entity_ids))]
    if target == value.get("value_entity_id"):
        target = entity_ids[(entity_ids.index(target) + 1) % len(entity_ids)]
    return {"value_entity_id": target}, entity_names[target]


_FACT_VALUE_DEFAULTS = {"value_amount": None, "value_lower": None, "value_upper": None, "value_approximate": False,
                        "value_unit": None, "value_date": None, "value_entity_id": None, "value_text": None}


@dataclass
class _Fact:
    id: int
    subject_id: int
    prop: _Property
    value: dict
    phrase: str
    year: str | None


def _facts(out: SyntheticRows, rng: random.Random, starting: StartingIds, properties: list[_Property],
           entity_ids: list[int], entity_names: dict[int, str], fact_count: int,
           publishers: list[str]) -> tuple[list[_Fact], list[_Statement]]:
    facts: list[_Fact] = []
    used_keys: set[tuple[int, int]] = set()
    property_weights = [6 if p.time_series else (1 if not p.single_valued else 2) for p in properties]
    next_id = starting.fact + 1

    def add(subject_id: int, prop: _Property, value: dict, phrase: str, year: str | None) -> None:
        nonlocal next_id
        facts.append(_Fact(next_id, subject_id, prop, value, phrase, year))
        next_id += 1

    while len(facts) < fact_count:
        subject_id = _pick_subject(rng, entity_ids)
        prop = rng.choices(properties, property_weights)[0]
        if (subject_id, prop.id) in used_keys:
            continue
        used_keys.add((subject_id, prop.id))
        if prop.time_series:
            series_length = min(len(YEARS), 1 + int(rng.expovariate(0.45)))
            years = sorted(rng.sample(YEARS, series_length))
        else:
            years = [None] * (1 if prop.single_valued else rng.randrange(1, 4))
        scale = rng.uniform(0.5, 2.0)
        key_start = len(facts)
        for year in years:
            value, phrase = _value(rng, prop, entity_ids, entity_names, scale)
            add(subject_id, prop, {**_FACT_VALUE_DEFAULTS, "value_kind": prop.value_kind, **value}, phrase, year)
        if not prop.single_valued:
            continue
        chance = rng.random()
        if chance < CONFLICT_SHARE:
            original = facts[rng.randrange(key_start, len(facts))]
            value, phrase = _disagreeing(rng, prop, original.value, original.phrase, entity_ids, entity_names)
            add(subject_id, prop, {**original.value, **value}, phrase, original.year)
            out.conflicting_keys.append((subject_id, prop.id))
        elif chance < CONFLICT_SHARE + CORROBORATION_SHARE:
            original = facts[rng.randrange(key_start, len(facts))]
            add(subject_id, prop, dict(original.value), original.phrase, original.year)
    del facts[fact_count:]

    statements: list[_Statement] = []
    for index, fact in enumerate(facts):
        status = rng.choices(("confirmed", "draft", "disputed", "rejected"), (60, 30, 7, 3))[0]
        rank = rng.choices(("normal", "preferred", "deprecated"), (90, 6, 4))[0]
        created = _timestamp(rng)
        curator = rng.choice(CURATORS)
        out.rows["fact"].append((
            fact.id, fact.subject_id, fact.prop.id, fact.value["value_kind"], fact.value["value_amount"],
            fact.value["value_lower"], fact.value["value_upper"], fact.value["value_approximate"],
            fact.value["value_unit"], fact.value["value_date"], fact.value["value_entity_id"],
            fact.value["value_text"], fact.year, None, None, None, status, rank, None, created, curator,
            created, curator, 1,
        ))
        subject = entity_names[fact.subject_id]
        statements.append(_statement(rng, index, fact, subject, rng.choice(publishers)))
    return facts, statements


def _statement(rng: random.Random, index: int, fact: _Fact, subject: str, publisher: str) -> _Statement:
    lead = rng.choice(_LEADS).format(publisher=publisher)
    period = f" in {fact.year}" if fact.year else ""
    if fact.prop.value_kind == "date":
        before = f"{lead}{subject}'s {fact.prop.name} date was "
    elif fact.prop.value_kind in ("entity", "text"):
        before = f"{lead}the {fact.prop.name} of {subject}{period} is "
    else:
        before = f"{lead}{subject}'s {fact.prop.name}{period} {rng.choice(_VERBS)} "
    if before and before[0].islower():
        before = before[0].upper() + before[1:]
    return _Statement(index, before, fact.phrase, ".")


def _article(rng: random.Random, title: str, statements: list[_Statement], target_length: int,
             astral: bool) -> tuple[str, list[tuple[int, int, int]]]:
    """Text of one article and (fact index, start, end) of each statement's quote in it."""
    pieces: list[str] = [title, "\n\n"]
    length = len(title) + 2
    spans: list[tuple[int, int, int]] = []
    fact_sentences = list(statements)
    rng.shuffle(fact_sentences)
    budget_for_filler = max(0, target_length - sum(len(s.sentence_before) + len(s.quote) + 2 for s in fact_sentences))
    filler_count = budget_for_filler // 110
    sentences: list[_Statement | str] = [*fact_sentences, *(rng.choice(_FILLER) for _ in range(filler_count))]
    rng.shuffle(sentences)
    if astral and sentences:
        sentences.insert(len(sentences) // 2, "Delegates shared the summit hashtag 🇪🇺🤝🇰🇿 online.")
    in_paragraph = 0
    paragraph_length = rng.randrange(3, 7)
    for sentence in sentences:
        if in_paragraph:
            pieces.append(" ")
            length += 1
        if isinstance(sentence, str):
            pieces.append(sentence)
            length += len(sentence)
        else:
            pieces.append(sentence.sentence_before)
            start = length + len(sentence.sentence_before)
            pieces.append(sentence.quote)
            pieces.append(sentence.sentence_after)
            spans.append((sentence.fact_index, start, start + len(sentence.quote)))
            length = start + len(sentence.quote) + len(sentence.sentence_after)
        in_paragraph += 1
        if in_paragraph >= paragraph_length:
            pieces.append("\n\n")
            length += 2
            in_paragraph = 0
            paragraph_length = rng.randrange(3, 7)
    text = "".join(pieces)
    return text, spans


def _sources_and_evidence(out: SyntheticRows, rng: random.Random, starting: StartingIds, facts: list[_Fact],
                          statements: list[_Statement], publishers: list[str]) -> None:
    source_count = len(publishers)
    per_source: list[list[_Statement]] = [[] for _ in range(source_count)]
    # Facts of one key were mostly reported together; extra facts of a key (conflicts,
    # corroborations) come from another article, as disagreements between sources do.
    for index, statement in enumerate(statements):
        home = min(source_count - 1, index * source_count // max(1, len(statements)))
        if index and facts[index].subject_id == facts[index - 1].subject_id \
                and facts[index].prop.id == facts[index - 1].prop.id \
                and facts[index].year == facts[index - 1].year:
            home = rng.randrange(source_count)
        per_source[home].append(statement)
    for index, statement in enumerate(statements):
        if rng.random() < RESTATED_SHARE:
            per_source[rng.randrange(source_count)].append(
                _Statement(index, statement.sentence_before, statement.quote, statement.sentence_after))

    source_id = starting.source + 1
    evidence_id = starting.evidence + 1
    fact_rows = out.rows["fact"]
    for number in range(source_count + 1):
        is_long = number == source_count
        if is_long:
            if len(facts) < 2:
                break
            highlights = min(LONG_SOURCE_HIGHLIGHTS, len(facts))
            step = len(facts) / highlights
            chosen = [statements[int(i * step)] for i in range(highlights)]
            title = "Kazakhstan–EU cooperation: consolidated annual review"
            target = LONG_SOURCE_CHARACTERS if len(facts) >= LONG_SOURCE_HIGHLIGHTS else 20_000
            text, spans = _article(rng, title, chosen, target, astral=True)
            publisher = "EEAS press office"
            out.long_source_id = source_id
        else:
            target = int(min(60_000, max(1_500, rng.lognormvariate(math.log(6_000), 0.6))))
            topic = rng.choice(_TOPICS)
            title = f"{publishers[number]}: Kazakhstan and the EU on {topic}"
            text, spans = _article(rng, title, per_source[number], target, astral=rng.random() < 0.02)
            publisher = publishers[number]
        digest = sha256_text(text)
        imported_at = _timestamp(rng)
        year = rng.randrange(2008, 2025)
        out.rows["source"].append((
            source_id, title, publisher, None, f"https://example.org/articles/{source_id}", f"{year}",
            "en", text, digest, len(text), f"article-{source_id}.txt", "utf-8", None, imported_at,
            rng.choice(CURATORS),
        ))
        for fact_index, start, end in spans:
            prefix, quote, suffix = quote_context(text, start, end)
            fact_row = fact_rows[fact_index]
            out.rows["evidence"].append((evidence_id, fact_row[0], source_id, start, end, quote, prefix, suffix,
                                         digest, fact_row[19], fact_row[20]))
            evidence_id += 1
        source_id += 1


def _links(out: SyntheticRows, rng: random.Random, starting: StartingIds, facts: list[_Fact]) -> None:
    link_id = starting.fact_link + 1
    seen: set[tuple[int, int, str]] = set()
    fact_rows = out.rows["fact"]

    def add(a: int, b: int, kind: str, note: str | None) -> None:
        nonlocal link_id
        if a == b or (a, b, kind) in seen:
            return
        seen.add((a, b, kind))
        row = fact_rows[a]
        out.rows["fact_link"].append((link_id, facts[a].id, facts[b].id, kind, note, row[19], row[20]))
        link_id += 1

    declared = 0
    for index in range(1, len(facts)):
        same_key = facts[index].subject_id == facts[index - 1].subject_id and \
            facts[index].prop.id == facts[index - 1].prop.id
        if same_key and facts[index].year == facts[index - 1].year and facts[index].phrase != facts[index - 1].phrase:
            if declared < MAX_DECLARED_CONTRADICTIONS and rng.random() < DECLARED_CONTRADICTION_SHARE:
                add(index, index - 1, "contradicts", "figures differ between the two reports")
                declared += 1
            continue
        if rng.random() < LINK_SHARE:
            if same_key:
                add(index, index - 1, rng.choice(("supports", "related", "duplicate_of")), None)
            else:
                add(index, rng.randrange(len(facts)), rng.choice(("related", "derived_from")), None)


def as_dicts(table: str, rows: list[tuple]) -> list[dict]:
    columns = COLUMNS[table]
    return [dict(zip(columns, row)) for row in rows]
