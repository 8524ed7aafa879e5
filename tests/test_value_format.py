"""Display strings for typed values."""

from __future__ import annotations

import pytest

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_amount, format_date, format_date_range, format_value
from kzeu_desk.core.value_parsing import parse_amount_text, suggest_value

MONEY = ValueKind.MONEY
PERCENT = ValueKind.PERCENT
QUANTITY = ValueKind.QUANTITY
COUNT = ValueKind.COUNT

AMOUNTS = [
    (160e9, "USD", "US$160 billion"),
    (28.7e9, "USD", "US$28.7 billion"),
    (1.2e9, "EUR", "€1.2 billion"),
    (2e6, "GBP", "£2 million"),
    (1.5e12, "KZT", "KZT 1.5 trillion"),
    (50e9, "RUB", "RUB 50 billion"),
    (800e6, None, "800 million"),
    (1_234_567, None, "1.234567 million"),
    (800_000, "EUR", "€800,000"),
    (3000, "companies", "3,000 companies"),
    (3000, None, "3,000"),
    (27.6, "%", "27.6%"),
    (100 / 3, "%", "33.3%"),
    (180, "×", "180×"),
    (5, "pp", "5 pp"),
    (0.5, None, "0.5"),
    (0, None, "0"),
    (-5e9, "USD", "-US$5 billion"),
    (-2.5e9, "KZT", "KZT -2.5 billion"),
    (1000e12, "USD", "US$1,000 trillion"),
]


@pytest.mark.parametrize(("amount", "unit", "expected"), AMOUNTS)
def test_format_amount(amount: float, unit: str | None, expected: str) -> None:
    assert format_amount(amount, unit) == expected


@pytest.mark.parametrize(
    ("iso", "expected"),
    [("1996", "1996"), ("2023-02", "February 2023"), ("2023-02-02", "2 February 2023"), ("2024-02-29", "29 February 2024")],
)
def test_format_date(iso: str, expected: str) -> None:
    assert format_date(iso) == expected


@pytest.mark.parametrize("iso", ["", "96", "1996-13", "2023-02-30", "2 February 2023", "1996-2"])
def test_format_date_rejects_what_is_not_truncated_iso(iso: str) -> None:
    with pytest.raises(ValueError):
        format_date(iso)


VALUES = [
    (TypedValue(kind=MONEY, amount=160e9, lower=160e9, unit="USD"), "more than US$160 billion"),
    (TypedValue(kind=MONEY, amount=77e9, upper=77e9, unit="USD"), "almost US$77 billion"),
    # A bare ceiling (no amount) states no closeness: "up to", as core/compatibility.py reads it.
    (TypedValue(kind=MONEY, upper=95e6, unit="USD"), "up to US$95 million"),
    (TypedValue(kind=COUNT, upper=15, unit="companies"), "up to 15 companies"),
    (TypedValue(kind=MONEY, amount=40e9, unit="USD"), "US$40 billion"),
    (TypedValue(kind=PERCENT, amount=30, approximate=True, unit="%"), "about 30%"),
    (TypedValue(kind=PERCENT, amount=100 / 3, approximate=True, unit="%"), "≈ 33.3%"),
    (TypedValue(kind=PERCENT, amount=27.6, unit=None), "27.6%"),
    (TypedValue(kind=QUANTITY, amount=180, unit="×"), "180×"),
    (TypedValue(kind=QUANTITY, amount=3000, unit="companies"), "3,000 companies"),
    (TypedValue(kind=QUANTITY, amount=800e6, approximate=True), "about 800 million"),
    (TypedValue(kind=MONEY, lower=5e9, upper=7e9, unit="USD"), "US$5–7 billion"),
    (TypedValue(kind=MONEY, lower=500e6, upper=1.2e9, unit="EUR"), "€0.5–1.2 billion"),
    (TypedValue(kind=PERCENT, lower=5, upper=7, approximate=True, unit="%"), "about 5–7%"),
    (TypedValue(kind=QUANTITY, lower=3000, upper=4000, unit="companies"), "3,000–4,000 companies"),
    (TypedValue(kind=MONEY, amount=6e9, lower=5e9, upper=7e9, unit="USD"), "US$6 billion (US$5–7 billion)"),
    (TypedValue(kind=MONEY, amount=5e9, lower=5e9, upper=5e9, unit="USD"), "US$5 billion"),
    (TypedValue(kind=MONEY, amount=200e9, lower=160e9, unit="USD"), "US$200 billion (more than US$160 billion)"),
    (TypedValue(kind=MONEY, lower=160e9, unit="USD"), "more than US$160 billion"),
    (TypedValue(kind=QUANTITY, lower=-7, upper=-5), "-7 to -5"),
    (TypedValue(kind=QUANTITY), "(no amount)"),
    (TypedValue(kind=ValueKind.DATE, date="1996"), "1996"),
    (TypedValue(kind=ValueKind.DATE, date="2023-02-02"), "2 February 2023"),
    (TypedValue(kind=ValueKind.DATE, date="2023-02"), "February 2023"),
    (TypedValue(kind=ValueKind.DATE, date="2015", approximate=True), "about 2015"),
    (TypedValue(kind=ValueKind.DATE), "(no date)"),
    (TypedValue(kind=ValueKind.TEXT, text="February 2"), "February 2"),
    (TypedValue(kind=ValueKind.TEXT), ""),
    (TypedValue(kind=ValueKind.ENTITY, entity_id=7), "entity #7"),
    (TypedValue(kind=ValueKind.ENTITY, entity_id=7, text="EBRD"), "EBRD"),
    (TypedValue(kind=ValueKind.ENTITY), "(no entity)"),
]


@pytest.mark.parametrize(("value", "expected"), VALUES, ids=[case[1] or "empty" for case in VALUES])
def test_format_value(value: TypedValue, expected: str) -> None:
    assert format_value(value) == expected


def test_format_value_names_entities_through_the_callback() -> None:
    names = {7: "European Bank for Reconstruction and Development"}
    value = TypedValue(kind=ValueKind.ENTITY, entity_id=7, text="EBRD")
    assert format_value(value, entity_name=names.__getitem__) == names[7]


SUGGESTED_THEN_SHOWN = [
    ("has exceeded US$160 billion", None, "more than US$160 billion"),
    ("invested almost US$77 billion", None, "almost US$77 billion"),
    ("just under 5%", None, "almost 5%"),
    ("почти 20%", None, "almost 20%"),
    ("up to US$95 million", None, "up to US$95 million"),
    ("fewer than fifteen companies", None, "up to 15 companies"),
    ("не более 20%", None, "up to 20%"),
    ("did not exceed $20 billion", None, "up to US$20 billion"),
    ("15%-дан азын", None, "up to 15%"),
    # "at least" and "more than" are one lower bound in the model: both show "more than".
    ("at least 10 companies", None, "more than 10 companies"),
    ("accounting for about 30% of the country’s foreign trade", None, "about 30%"),
    ("the EU accounts for one third of the total volume", None, "≈ 33.3%"),
    ("increased 180-fold", None, "180×"),
    ("There are about 3,000 companies", None, "about 3,000 companies"),
    ("in 1996", None, "1996"),
    ("On February 2", "2023", "2 February 2023"),
    ("dated March 2020", None, "March 2020"),
    ("$28,7 млрд", None, "US$28.7 billion"),
    ("1,5 трлн тенге", None, "KZT 1.5 trillion"),
]


@pytest.mark.parametrize(("selection", "published", "expected"), SUGGESTED_THEN_SHOWN)
def test_suggested_values_display_as_curators_expect(selection: str, published: str | None, expected: str) -> None:
    assert format_value(suggest_value(selection, published=published)) == expected


@pytest.mark.parametrize(
    "value",
    [
        TypedValue(kind=MONEY, amount=160e9, lower=160e9, unit="USD"),
        TypedValue(kind=MONEY, amount=77e9, upper=77e9, unit="USD"),
        TypedValue(kind=MONEY, upper=95e6, unit="USD"),
        TypedValue(kind=PERCENT, upper=20, unit="%"),
        TypedValue(kind=MONEY, amount=28.7e9, unit="USD"),
        TypedValue(kind=MONEY, amount=1.2e9, unit="EUR"),
        TypedValue(kind=MONEY, amount=1.5e12, unit="KZT"),
        TypedValue(kind=PERCENT, amount=30, approximate=True, unit="%"),
        TypedValue(kind=QUANTITY, amount=3000, unit="companies"),
        TypedValue(kind=QUANTITY, amount=180, unit="×"),
        TypedValue(kind=MONEY, lower=5e9, upper=7e9, unit="USD"),
    ],
)
def test_displayed_amounts_parse_back_to_the_same_value(value: TypedValue) -> None:
    # What the editor shows must be accepted unchanged if the curator re-submits the field.
    assert parse_amount_text(format_value(value)) == value


@pytest.mark.parametrize(("first", "last", "expected"), [
    ("2019-06-03", "2019-06-04", "3–4 June 2019"),
    ("2019-06-30", "2019-07-02", "30 June – 2 July 2019"),
    ("2019-12-30", "2020-01-02", "30 December 2019 – 2 January 2020"),
    ("2019-06", "2019-07", "June–July 2019"),
    ("2014", "2016", "2014–2016"),
    ("2014", "2016-03", "2014 – March 2016"),
    ("2019-06-03", "2019-06-03", "3 June 2019"),
])
def test_format_date_range(first: str, last: str, expected: str) -> None:
    assert format_date_range(first, last) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (TypedValue(ValueKind.DATE_RANGE, date="2014-12-15", date_end="2014-12-16"), "15–16 December 2014"),
    (TypedValue(ValueKind.DATE_RANGE, date="2019", date_end="2021", approximate=True), "about 2019–2021"),
    (TypedValue(ValueKind.DATE_RANGE, date="2019"), "(incomplete date range)"),
    (TypedValue(ValueKind.COUNT, amount=12, unit="member states"), "12 member states"),
    (TypedValue(ValueKind.COUNT, amount=5), "5"),
    (TypedValue(ValueKind.COUNT, lower=20, unit="years"), "more than 20 years"),
])
def test_format_date_ranges_and_counts(value: TypedValue, expected: str) -> None:
    assert format_value(value) == expected
