"""Value suggestion from highlighted passages, and the strict parsers behind the editor fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import parse_amount_text, parse_date_text, suggest_value

CORPUS_DIR = Path(__file__).resolve().parents[1] / "resources" / "corpus"

MONEY = ValueKind.MONEY
PERCENT = ValueKind.PERCENT
QUANTITY = ValueKind.QUANTITY
COUNT = ValueKind.COUNT
DATE = ValueKind.DATE
DATE_RANGE = ValueKind.DATE_RANGE
TEXT = ValueKind.TEXT


def money(amount: float | None, unit: str, **changes: object) -> TypedValue:
    return TypedValue(kind=MONEY, amount=amount, unit=unit).with_changes(**changes)


def percent(amount: float | None, **changes: object) -> TypedValue:
    return TypedValue(kind=PERCENT, amount=amount, unit="%").with_changes(**changes)


def quantity(amount: float | None, unit: str | None = None, **changes: object) -> TypedValue:
    return TypedValue(kind=QUANTITY, amount=amount, unit=unit).with_changes(**changes)


def count(amount: float | None, unit: str | None = None, **changes: object) -> TypedValue:
    return TypedValue(kind=COUNT, amount=amount, unit=unit).with_changes(**changes)


def date(iso: str, **changes: object) -> TypedValue:
    return TypedValue(kind=DATE, date=iso).with_changes(**changes)


def date_range(first: str, last: str) -> TypedValue:
    return TypedValue(kind=DATE_RANGE, date=first, date_end=last)


def text(value: str) -> TypedValue:
    return TypedValue(kind=TEXT, text=value)


def assert_same_value(actual: TypedValue | None, expected: TypedValue) -> None:
    assert actual is not None
    # Floats come from decimal arithmetic but may still differ in the last bit (one third).
    for field in ("amount", "lower", "upper"):
        expected_number = getattr(expected, field)
        actual_number = getattr(actual, field)
        if expected_number is None:
            assert actual_number is None, f"{field}: expected None, got {actual_number}"
        else:
            assert actual_number == pytest.approx(expected_number), field
    for field in ("kind", "approximate", "unit", "date", "date_end", "entity_id", "text"):
        assert getattr(actual, field) == getattr(expected, field), field


# --- suggest_value: short selections -------------------------------------------------------------

SHORT_SELECTIONS = [
    # money, English
    ("US$160 billion", money(160e9, "USD")),
    ("$28.7 bn", money(28.7e9, "USD")),
    ("€1.2 billion", money(1.2e9, "EUR")),
    ("€ 1.2 billion", money(1.2e9, "EUR")),
    ("EUR 500 million", money(500e6, "EUR")),
    ("8 billion US dollars", money(8e9, "USD")),
    ("800 million dollars", money(800e6, "USD")),
    ("USD 3.5bn", money(3.5e9, "USD")),
    ("$5m", money(5e6, "USD")),
    ("£2 million", money(2e6, "GBP")),
    ("40 billion euros", money(40e9, "EUR")),
    ("160 bn USD", money(160e9, "USD")),
    ("US$1,200 million", money(1.2e9, "USD")),
    ("5 trillion tenge", money(5e12, "KZT")),
    # money, Russian and Kazakh
    ("1,5 трлн тенге", money(1.5e12, "KZT")),
    ("50 млрд долларов", money(50e9, "USD")),
    ("$28,7 млрд", money(28.7e9, "USD")),
    ("300 млн евро", money(300e6, "EUR")),
    ("500 тыс. рублей", money(500e3, "RUB")),
    ("2 миллиарда долларов США", money(2e9, "USD")),
    ("10 миллиардов теңге", money(10e9, "KZT")),
    ("50 миллиард доллар", money(50e9, "USD")),
    ("1 234,5 млн тенге", money(1234.5e6, "KZT")),
    # bounds and approximation, English
    ("exceeded US$160 billion", money(160e9, "USD", lower=160e9)),
    ("more than 8 billion US dollars", money(8e9, "USD", lower=8e9)),
    ("over $5 billion", money(5e9, "USD", lower=5e9)),
    ("above 20%", percent(20, lower=20)),
    ("at least 3,000 companies", count(3000, "companies", lower=3000)),
    ("3,000+ companies", count(3000, "companies", lower=3000)),
    ("almost US$77 billion", money(77e9, "USD", upper=77e9)),
    ("up to €2 billion", money(None, "EUR", upper=2e9)),
    ("less than 5%", percent(None, upper=5)),
    ("under 100 projects", count(None, "projects", upper=100)),
    ("below 2 million", quantity(None, upper=2e6)),
    ("no more than 10 percent", percent(None, upper=10)),
    ("about 800 million", quantity(800e6, approximate=True)),
    ("around $3 billion", money(3e9, "USD", approximate=True)),
    ("roughly 40%", percent(40, approximate=True)),
    ("approximately 1.5 million", quantity(1.5e6, approximate=True)),
    ("nearly 400 observers", count(400, "observers", approximate=True)),
    ("some 3,000 companies", count(3000, "companies", approximate=True)),
    ("~30%", percent(30, approximate=True)),
    ("circa 2 billion euros", money(2e9, "EUR", approximate=True)),
    # bounds and approximation, Russian and Kazakh
    ("более 50 млрд долларов", money(50e9, "USD", lower=50e9)),
    ("свыше 3 тыс. компаний", count(3000, "компаний", lower=3000)),
    ("почти 77 млрд долларов", money(77e9, "USD", upper=77e9)),
    ("около 30%", percent(30, approximate=True)),
    ("порядка 800 млн евро", money(800e6, "EUR", approximate=True)),
    ("до 7 млрд рублей", money(None, "RUB", upper=7e9)),
    ("50 миллиард доллардан астам", money(50e9, "USD", lower=50e9)),
    ("3000-нан астам компания", count(3000, "компания", lower=3000)),
    ("шамамен 30 пайыз", percent(30, approximate=True)),
    # percentages
    ("27.6%", percent(27.6)),
    ("27,6 %", percent(27.6)),
    ("50 percent", percent(50)),
    ("50 per cent", percent(50)),
    ("50 процентов", percent(50)),
    ("one third", percent(100 / 3, approximate=True)),
    ("one-third", percent(100 / 3, approximate=True)),
    ("a third of exports", percent(100 / 3, approximate=True)),
    ("half", percent(50, approximate=True)),
    ("half of all investment", percent(50, approximate=True)),
    ("a quarter", percent(25, approximate=True)),
    ("three quarters of trade", percent(75, approximate=True)),
    ("two thirds", percent(200 / 3, approximate=True)),
    ("more than half of the total", percent(50, lower=50)),
    ("треть товарооборота", percent(100 / 3, approximate=True)),
    ("две трети", percent(200 / 3, approximate=True)),
    ("половина инвестиций", percent(50, approximate=True)),
    # quantities
    ("3,000", quantity(3000)),
    ("400", quantity(400)),
    ("3 000", quantity(3000)),
    ("3\u00a0000", quantity(3000)),
    ("3\u202f000", quantity(3000)),
    ("1.5 million", quantity(1.5e6)),
    ("3,000 companies", count(3000, "companies")),
    ("29 different areas", count(29, "areas")),
    ("1.5 million people", count(1.5e6, "people")),
    ("180-fold", quantity(180, "×")),
    ("180 fold", quantity(180, "×")),
    ("180 times", quantity(180, "×")),
    ("10x", quantity(10, "×")),
    ("threefold", quantity(3, "×")),
    ("в 180 раз", quantity(180, "×")),
    ("5 percentage points", quantity(5, "pp")),
    ("about 2000 companies", count(2000, "companies", approximate=True)),
    # ranges (amount is None, both bounds set)
    ("US$5–7 billion", TypedValue(kind=MONEY, lower=5e9, upper=7e9, unit="USD")),
    ("5-7 million", TypedValue(kind=QUANTITY, lower=5e6, upper=7e6)),
    ("between 5 and 7%", TypedValue(kind=PERCENT, lower=5, upper=7, unit="%")),
    ("about 5 to 7 billion euros", TypedValue(kind=MONEY, lower=5e9, upper=7e9, unit="EUR", approximate=True)),
    ("от 5 до 7 млрд рублей", TypedValue(kind=MONEY, lower=5e9, upper=7e9, unit="RUB")),
    # "с 5 до 7" is a change to 7, not "up to 7"; "from 5 to 7" likewise.
    ("выросли с 5 до 7 млрд рублей", money(7e9, "RUB")),
    ("rose from 5 to 7 billion euros", money(7e9, "EUR")),
    # dates
    ("in 1996", date("1996")),
    ("1996", date("1996")),
    ("February 2, 2023", date("2023-02-02")),
    ("Feb. 2, 2023", date("2023-02-02")),
    ("2 February 2023", date("2023-02-02")),
    ("2nd of February 2023", date("2023-02-02")),
    ("2 февраля 2023 года", date("2023-02-02")),
    ("2023 жылғы 2 ақпан", date("2023-02-02")),
    ("March 2015", date("2015-03")),
    ("марта 2020 года", date("2020-03")),
    ("в 2015 году", date("2015")),
    ("1996-02-02", date("1996-02-02")),
    ("02.02.1993", date("1993-02-02")),
    ("around 2015", date("2015", approximate=True)),
    ("for 2020-2030", date_range("2020", "2030")),
    # a year is never an amount
    ("in 2022 trade reached €40 billion", money(40e9, "EUR")),
    ("In 2022 – 40 billion", quantity(40e9)),
    ("In 1996 companies were few", date("1996")),
    # nothing to read
    ("the 30th anniversary", text("the 30th anniversary")),
    ("in the 1990s", date_range("1990", "1999")),
    ("COVID-19 hit trade", text("COVID-19 hit trade")),
    ("a third country", text("a third country")),
    ("in the first half of 2022", date_range("2022-01", "2022-06")),
    ("третий по величине партнёр", text("третий по величине партнёр")),
    ("  Kazakhstan and the EU  ", text("Kazakhstan and the EU")),
    ("", text("")),
    ("5m", text("5m")),
    # Abbreviations that are units as often as scales count as scales only on money.
    ("$5mm", money(5e6, "USD")),
    ("$1.5tn", money(1.5e12, "USD")),
    # (Off money "mm" is no million but the millimetre, a measure read as "km" is.)
    ("5 mm", quantity(5, "mm")),
    ("5 tn of grain", quantity(5)),
    # A month name before an amount does not make it a day of the month.
    ("May 5 million", quantity(5e6)),
    ("5.1990", quantity(5.199)),
    ("03.2020", date("2020-03")),
]


@pytest.mark.parametrize(("selection", "expected"), SHORT_SELECTIONS, ids=[case[0] or "empty" for case in SHORT_SELECTIONS])
def test_suggest_value_short_selection(selection: str, expected: TypedValue) -> None:
    assert_same_value(suggest_value(selection), expected)


# --- suggest_value: dates anchored to the publication date -------------------------------------------

ANCHORED_DATES = [
    ("On February 2", "2024", date("2024-02-02")),
    ("On February 2", "2024-01-15", date("2024-02-02")),
    ("On February 2", None, text("February 2")),
    ("2 февраля", "2023", date("2023-02-02")),
    ("2 февраля", None, text("2 февраля")),
    ("Aug 02", "2011", date("2011-08-02")),
    ("last year", "2023", date("2022")),
    ("Last year", "2023-05-04", date("2022")),
    ("last year", None, text("last year")),
    ("this year", "2023-05", date("2023")),
    ("next year", "2023", date("2024")),
    ("в прошлом году", "2023", date("2022")),
    ("в этом году", "2023", date("2023")),
    ("былтыр", "2023", date("2022")),
    ("биыл", "2023", date("2023")),
    ("in October last year", "2011-08-02", date("2010-10")),
    ("in October last year", None, text("October last year")),
    ("в марте прошлого года", "2023", date("2022-03")),
    ("In June this year", "2023", date("2023-06")),
    ("in May", "2011", date("2011-05")),
    ("in May", None, text("May")),
    ("last month", "2023-01-10", date("2022-12")),
    ("last month", "2023", text("last month")),
    ("February 2, 2023", None, date("2023-02-02")),
    ("March 2015", "2023", date("2015-03")),
]


@pytest.mark.parametrize(("selection", "published", "expected"), ANCHORED_DATES)
def test_suggest_value_anchors_dates_to_publication(selection: str, published: str | None, expected: TypedValue) -> None:
    assert_same_value(suggest_value(selection, published=published), expected)


def test_suggest_value_rejects_malformed_publication_date() -> None:
    with pytest.raises(ValueError, match="published"):
        suggest_value("last year", published="May 2023")


# --- suggest_value: the sample corpus ---------------------------------------------------------------

# (article, fragment copied verbatim, publication date, expected value)
CORPUS_FRAGMENTS = [
    (
        "kz_eu_30_years.txt",
        "The amount of European capital investments into the country’s economy over the three decades "
        "has exceeded US$160 billion, while the indicators of the bilateral trade turnover increased 180-fold.",
        None,
        money(160e9, "USD", lower=160e9),
    ),
    ("kz_eu_30_years.txt", "the bilateral trade turnover increased 180-fold", None, quantity(180, "×")),
    (
        "kz_eu_30_years.txt",
        "Thus, to date, the EU accounts for one third of the total volume of Kazakhstan’s foreign trade.",
        None,
        percent(100 / 3, approximate=True),
    ),
    (
        "kz_eu_30_years.txt",
        "There are about 3,000 companies with the participation of the European capital operating in Kazakhstan.",
        None,
        count(3000, "companies", approximate=True),
    ),
    (
        "kz_eu_30_years.txt",
        "Just in 30 years of our cooperation the countries of the European Union have invested almost "
        "US$77 billion, which accounts for about a half, or 50 percent, of all investment in Kazakhstan.",
        None,
        money(77e9, "USD", upper=77e9),
    ),
    # Written digits win over the looser "about a half" said in the same breath.
    ("kz_eu_30_years.txt", "about a half, or 50 percent, of all investment", None, percent(50)),
    ("kz_eu_30_years.txt", "about a half", None, percent(50, approximate=True)),
    # The currency is only in the surrounding text, so the figure stays a plain quantity.
    (
        "kz_eu_30_years.txt",
        "Last year alone, the EU states invested about 800 million.",
        "2024",
        quantity(800e6, approximate=True),
    ),
    (
        "kz_eu_30_years.txt",
        "It is now in full force and covers 29 different areas of economy and social life, almost all of them.",
        None,
        count(29, "areas"),
    ),
    ("kz_eu_30_years.txt", "That was in 1995.", None, date("1995")),
    (
        "kz_eu_30_years.txt",
        "On February 2, Kazakhstan and the European Union are marking the 30th anniversary",
        "2024",
        date("2024-02-02"),
    ),
    (
        "kz_eu_30_years.txt",
        "On February 2, Kazakhstan and the European Union are marking the 30th anniversary",
        None,
        text("February 2"),
    ),
    ("kz_eu_30_years.txt", "Kazakhstan and EU mark 30 years of diplomatic relations", None, quantity(30, "years")),
    (
        "kz_eu_25_years.txt",
        "and five years later, in 1996, it officially established diplomatic relations with the European Union",
        None,
        date("1996"),
    ),
    (
        "kz_eu_25_years.txt",
        "The Enhanced Partnership Cooperation Agreement (EPCA), initiated in 2015, is a clear testament",
        None,
        date("2015"),
    ),
    (
        "kz_eu_25_years.txt",
        "As we celebrate 25 years of fruitful diplomatic ties between these partners",
        None,
        quantity(25, "years"),
    ),
    (
        "kz_eu_dance_of_finance_and_politics.txt",
        "Kazakhstan's chairmanship of the Organization for Security and Co-operation in Europe (OSCE) in 2010 "
        "underlined the country's growing importance on the global stage.",
        None,
        date("2010"),
    ),
    (
        "kz_eu_dance_of_finance_and_politics.txt",
        "while Kazakhstan is the EU's third largest trading partner in Central Asia.",
        None,
        text("while Kazakhstan is the EU's third largest trading partner in Central Asia."),
    ),
    ("kz_eu_quantum_leap.txt", "Aug 02. The Parliament", "2011", date("2011-08-02")),
    (
        "kz_eu_quantum_leap.txt",
        "He said the official visit of the Kazakhstan president to Brussels in October last year gave a fresh "
        "impetus to the expansion of overall EU-Kazakh relations.",
        "2011-08-02",
        date("2010-10"),
    ),
    (
        "kz_eu_quantum_leap.txt",
        "pointing to the decision in May to authorise the commission to start negotiations",
        "2011-08-02",
        date("2011-05"),
    ),
    (
        "kz_eu_quantum_leap.txt",
        "The launch coincides with the 20th anniversary of Kazakhstan’s independence",
        "2011",
        text("The launch coincides with the 20th anniversary of Kazakhstan’s independence"),
    ),
    (
        "kz_mfa_european_track.txt",
        "accounting for about 30% of the country’s foreign trade.",
        "2023",
        percent(30, approximate=True),
    ),
    (
        "kz_mfa_european_track.txt",
        "In 2022, trade is 27.6% higher than in 2021, reaching 40 billion US dollars "
        "(exports – $32.3 billion, imports – $7.6 billion).",
        "2023",
        money(40e9, "USD"),
    ),
    ("kz_mfa_european_track.txt", "In 2022, trade is 27.6% higher than in 2021", "2023", percent(27.6)),
    ("kz_mfa_european_track.txt", "imports – $7.6 billion", "2023", money(7.6e9, "USD")),
    (
        "kz_mfa_european_track.txt",
        "In the first 9 months of 2022, investment inflow increased by 10 per cent to more than 8 billion US dollars.",
        "2023",
        money(8e9, "USD", lower=8e9),
    ),
    ("kz_mfa_european_track.txt", "investment inflow increased by 10 per cent", "2023", percent(10)),
    ("kz_mfa_european_track.txt", "In the first 9 months of 2022", "2023", date_range("2022-01", "2022-09")),
    (
        "kz_mfa_european_track.txt",
        "“Nearly 400 observers from the OSCE will arrive in Kazakhstan to monitor the upcoming parliamentary election.",
        "2023",
        count(400, "observers", approximate=True),
    ),
    (
        "kz_mfa_european_track.txt",
        "Foreign and transport ministers of such European countries as Andorra, Germany, Poland, Lithuania "
        "and Hungary visited Astana last year.",
        "2023",
        date("2022"),
    ),
    (
        "kz_mfa_european_track.txt",
        "adopted by the Decree of the President of the Republic of Kazakhstan Kassym-Jomart Tokayev dated March 2020",
        "2023",
        date("2020-03"),
    ),
    (
        "kz_mfa_european_track.txt",
        "However, we are not limited to the 29 areas of interaction defined by this agreement.",
        "2023",
        count(29, "areas"),
    ),
    ("kz_mfa_european_track.txt", "“In June this year Kazakhstan will host a large-scale event", "2023", date("2023-06")),
    ("kz_mfa_european_track.txt", "The dynamic growth is expected to continue this year.", "2023", date("2023")),
]


@pytest.mark.parametrize(
    ("article", "fragment", "published", "expected"),
    CORPUS_FRAGMENTS,
    ids=[f"{case[0]}:{case[1][:40]}" for case in CORPUS_FRAGMENTS],
)
def test_suggest_value_on_corpus_fragments(article: str, fragment: str, published: str | None, expected: TypedValue) -> None:
    corpus_text = (CORPUS_DIR / article).read_text(encoding="utf-8")
    assert fragment in corpus_text, "the test fragment must be copied verbatim from the article"
    assert_same_value(suggest_value(fragment, published=published), expected)


# --- parse_amount_text ---------------------------------------------------------------------------

TYPED_AMOUNTS = [
    ("160 bn USD", money(160e9, "USD")),
    ("US$160 billion", money(160e9, "USD")),
    (">160e9", quantity(160e9, lower=160e9)),
    ("> 1.6E+11 USD", money(160e9, "USD", lower=160e9)),
    (">= 5%", percent(5, lower=5)),
    ("≥ 5%", percent(5, lower=5)),
    ("~30 %", percent(30, approximate=True)),
    ("≈ 30%", percent(30, approximate=True)),
    ("<77 billion USD", money(None, "USD", upper=77e9)),
    ("≤ 77 млрд долларов", money(None, "USD", upper=77e9)),
    ("more than 8 billion US dollars", money(8e9, "USD", lower=8e9)),
    ("almost US$77 billion", money(77e9, "USD", upper=77e9)),
    ("about 800 million", quantity(800e6, approximate=True)),
    ("[5, 7] million", TypedValue(kind=QUANTITY, lower=5e6, upper=7e6)),
    ("[5,7] million", TypedValue(kind=QUANTITY, lower=5e6, upper=7e6)),
    ("[5; 7] billion USD", TypedValue(kind=MONEY, lower=5e9, upper=7e9, unit="USD")),
    ("[1,500, 2,000] companies", TypedValue(kind=QUANTITY, lower=1500, upper=2000, unit="companies")),
    ("5–7%", TypedValue(kind=PERCENT, lower=5, upper=7, unit="%")),
    ("between 5 and 7 million", TypedValue(kind=QUANTITY, lower=5e6, upper=7e6)),
    ("$28,7 млрд", money(28.7e9, "USD")),
    ("1,5 трлн тенге", money(1.5e12, "KZT")),
    ("one third", percent(100 / 3, approximate=True)),
    ("180x", quantity(180, "×")),
    ("180-fold", quantity(180, "×")),
    ("3,000 companies", quantity(3000, "companies")),
    ("400 observers", quantity(400, "observers")),
    ("1996", quantity(1996)),
    ("-5%", percent(-5)),
    ("−2.5 bn EUR", money(-2.5e9, "EUR")),
    ("usd 3.5bn", money(3.5e9, "USD")),
]


@pytest.mark.parametrize(("typed", "expected"), TYPED_AMOUNTS, ids=[case[0] for case in TYPED_AMOUNTS])
def test_parse_amount_text(typed: str, expected: TypedValue) -> None:
    assert_same_value(parse_amount_text(typed), expected)


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "abc", "160 billion and stuff", "in 1996 about 5", "5, 6, 7", "[7, 5] million", "[5, 7, 9]",
     "[5 USD, 7 EUR]", "$", "1996-02-02"],
)
def test_parse_amount_text_rejects_what_is_not_one_value(typed: str) -> None:
    assert parse_amount_text(typed) is None


# --- parse_date_text -----------------------------------------------------------------------------

TYPED_DATES = [
    ("1996", "1996"),
    (" 1996 ", "1996"),
    ("1996-02", "1996-02"),
    ("1996-02-02", "1996-02-02"),
    ("1996/02/02", "1996-02-02"),
    ("2 Feb 1996", "1996-02-02"),
    ("2 feb 1996", "1996-02-02"),
    ("2 February 1996", "1996-02-02"),
    ("February 2, 1996", "1996-02-02"),
    ("Feb 1996", "1996-02"),
    ("february 1996", "1996-02"),
    ("02.02.1993", "1993-02-02"),
    ("2.2.1993", "1993-02-02"),
    ("02.1993", "1993-02"),
    ("25/12/2020", "2020-12-25"),
    ("12/25/2020", "2020-12-25"),
    ("2 февраля 1993 года", "1993-02-02"),
    ("февраль 1993", "1993-02"),
    ("1993 г.", "1993"),
    ("1993 жылғы 2 ақпан", "1993-02-02"),
]


@pytest.mark.parametrize(("typed", "expected"), TYPED_DATES)
def test_parse_date_text(typed: str, expected: str) -> None:
    assert parse_date_text(typed) == expected


@pytest.mark.parametrize(
    "typed", ["", "abc", "31.02.2020", "1996-13", "1996-02-30", "February 2", "last year", "in 1996 and 1997", "96"]
)
def test_parse_date_text_rejects_incomplete_or_impossible_dates(typed: str) -> None:
    assert parse_date_text(typed) is None
