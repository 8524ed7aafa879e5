"""The Candidates pane lists each figure with the value Ctrl+N suggests for the same words in the same place: Enter
makes a draft fact of the listed value, so a pane that reads a figure without Ctrl+N's steps (the sentence before,
the unit of a parallel figure, the money a part is taken from) drafts a wrong fact. Whole short articles in the three
languages, each with figures the pane used to list as bare numbers or counts of a verb."""

from __future__ import annotations

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import sentence_around, sentence_before, suggest, text_before

ENGLISH = (
    "Aktau port ships more crude to Europe\n"
    "ASTANA – The programme has set up 17 irrigation cooperatives in Turkestan region since 2021. "
    "Another 25 are being registered this year. "
    "The port of Aktau loaded 80,000 tonnes on Aframaxes and 135,000 on Suezmaxes in May.\n"
)
RUSSIAN = (
    "Граница в октябре\n"
    "В октябре через автомобильные пункты пропуска проследовали более 95 тыс. грузовиков. "
    "Среднесуточный поток на китайском направлении вырос до 2 400, на российском снизился до 1 300. "
    "Система сама считает дни по правилу «90 дней в любые 180». "
    "Бюджет фестиваля составил 1,1 млрд тенге, из них около 300 млн покрыли спонсоры.\n"
)
KAZAKH = (
    "Еңбек квотасы бекітілді\n"
    "Квота үш санат бойынша бөлінеді. "
    "Басшыларға 5 200 орын қарастырылған, мамандарға – 11 400, жұмысшыларға – 7 350. "
    "Автор 30-дан астам сарапшымен кездескен. Солардың тоғызы – еуропалық дипломаттар.\n"
)


def _listed(text: str, published: str) -> dict[str, TypedValue]:
    return {text[found.start:found.end]: found.value for found in find_values(text, published)}


def _ctrl_n(text: str, span: str, published: str) -> TypedValue:
    start = text.index(span)
    end = start + len(span)
    return suggest(span, published=published, context=sentence_around(text, start, end),
                   before=sentence_before(text, start, end), earlier=text_before(text, start, end)).value


def _assert_every_candidate_reads_as_ctrl_n(text: str, published: str, spans: list[str]) -> None:
    listed = _listed(text, published)
    for span in spans:
        assert listed[span] == _ctrl_n(text, span, published), span


def test_english_a_parallel_figure_takes_the_unit_of_the_one_before_it():
    listed = _listed(ENGLISH, "2025-06-12")
    # "135,000 on Suezmaxes" after "80,000 tonnes on Aframaxes and": tonnes, not a number without a unit.
    assert listed["135,000"] == TypedValue(kind=ValueKind.QUANTITY, amount=135000, unit="tonnes")
    assert listed["25"] == TypedValue(kind=ValueKind.COUNT, amount=25, unit="irrigation cooperatives")
    _assert_every_candidate_reads_as_ctrl_n(ENGLISH, "2025-06-12", ["135,000", "25", "80,000 tonnes", "in May"])


def test_russian_bare_figures_count_the_noun_before_and_a_part_is_money_in_the_currency_of_the_whole():
    listed = _listed(RUSSIAN, "2025-11-20")
    # The daily flow "вырос до 2 400" counts the lorries of the sentence before.
    assert listed["2 400"] == TypedValue(kind=ValueKind.COUNT, amount=2400, unit="грузовиков")
    assert listed["1 300"] == TypedValue(kind=ValueKind.COUNT, amount=1300, unit="грузовиков")
    # "в любые 180" is in the days of "90 дней".
    assert listed["180"] == TypedValue(kind=ValueKind.QUANTITY, amount=180, unit="дней")
    # "из них около 300 млн": tenge of the budget, not a count of "покрыли" (a verb).
    part = next(value for span, value in listed.items() if span.startswith("около 300 млн"))
    assert part == TypedValue(kind=ValueKind.MONEY, amount=300_000_000, approximate=True, unit="KZT")
    _assert_every_candidate_reads_as_ctrl_n(RUSSIAN, "2025-11-20", ["2 400", "1 300", "180", "около 300 млн"])


def test_kazakh_a_number_word_counts_the_experts_of_the_sentence_before():
    listed = _listed(KAZAKH, "2025-05-20")
    # "Солардың тоғызы" (nine of them) after "30-дан астам сарапшымен": nine experts.
    nine = listed["тоғызы"]
    assert nine.kind is ValueKind.COUNT and nine.amount == 9 and (nine.unit or "").startswith("сарапшы")
    _assert_every_candidate_reads_as_ctrl_n(KAZAKH, "2025-05-20", ["тоғызы", "5 200 орын", "11 400", "7 350"])


def test_a_figure_read_from_the_text_around_it_keeps_its_rank_and_says_so():
    found = {RUSSIAN[f.start:f.end]: f for f in find_values(RUSSIAN, "2025-11-20")}
    flow = found["2 400"]
    # Ranked as the bare number it is written as (ranked as a count, such figures put more non-facts in the top
    # ten of the article sets), with the reason naming where its noun came from.
    assert flow.score < found["более 95 тыс. грузовиков"].score
    assert "read from the text around it" in flow.reason
