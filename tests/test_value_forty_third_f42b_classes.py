"""The classes of the Kazakh misses of sets 42 and 43 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it). Where English or
Russian has the class, its sentences are tested too."""

from __future__ import annotations

import pytest
from test_value_words import count, date, percent, quantity, same, span, text

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, publication date, the curator's value)
PERIODS_IN_ANY_CASE = [
    # A Kazakh period named from publication takes any case ending: the instrumental of a comparison ("-мен",
    # compared with) and the "-ғы/-гі" adjective of the locative ("айдағы", last month's) as well as the locative.
    ("жыл басымен", "Экспорт жыл басымен салыстырғанда 4 пайызға артты.", "2026-05-20", date("2026")),
    ("екінші тоқсанмен", "Табыс екінші тоқсанмен салыстырғанда 3 пайызға өсті.", "2026-11-10", span("2026-04", "2026-06")),
    ("үшінші тоқсандағы", "Үшінші тоқсандағы көрсеткіш жақсарды.", "2026-11-10", span("2026-07", "2026-09")),
    ("бірінші жартыжылдықпен", "Бұл бірінші жартыжылдықпен салыстырғанда аз.", "2026-09-01", span("2026-01", "2026-06")),
    ("өткен айдағы", "Журналдың өткен айдағы нөмірінде сұхбат жарияланды.", "2026-03-12", date("2026-02")),
    # A Kazakh verb on a "-да/-де" stem ends its past in "-дады/-деді", never a present: no stem ends in "д".
    ("бірінші жартыжылдықта", "Зауыт бірінші жартыжылдықта 40 мың тонна астық өңдеді.", "2026-09-01",
     span("2026-01", "2026-06")),
    ("үшінші тоқсанда", "Компания үшінші тоқсанда 12 мың контейнер тасымалдады.", "2026-11-10",
     span("2026-07", "2026-09")),
    # Proposing to do something in a month, as agreeing to, says no tense: the month nearest the publication.
    ("желтоқсанда", "Кеңес жол картасын желтоқсанда бекітуді ұсынды.", "2026-10-27", date("2026-12")),
    ("in December", "The council proposed to approve the road map in December.", "2026-10-27", date("2026-12")),
    ("в декабре", "Совет предложил утвердить дорожную карту в декабре.", "2026-10-27", date("2026-12")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PERIODS_IN_ANY_CASE,
                         ids=[case[1][:30] for case in PERIODS_IN_ANY_CASE])
def test_periods_named_from_publication_in_any_case_and_tense(selection: str, context: str, published: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def test_a_reported_month_stays_before_publication() -> None:
    # "қол қойды" (signed) reports: the December before an October article.
    same(suggest("желтоқсанда", published="2026-10-29", context="Комитет желтоқсанда меморандумға қол қойды.").value,
         date("2025-12"))


# (highlight, its sentence, the curator's value)
KAZAKH_ADJECTIVES_AFTER_THE_NOUN = [
    # A "-ғы/-гі" adjective after the counted noun (after a consonant, or of the locative, a place name's too) qualifies
    # the word after it: no compound with the noun before it.
    ("12", "Жобаға 12 мектеп қазіргі заманғы компьютерлермен жабдықталды.", count(12, "мектеп")),
    ("6", "Германиядан келген 6 зертхана Атыраудағы кәсіпорындарда жұмыс істейді.", count(6, "зертхана")),
    ("кемінде 9", "Жобаға кемінде 9 аудандық аурухана Ақтөбедегі серіктестерімен бірге қосылды.", count(9, "аурухана", lower=9)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ADJECTIVES_AFTER_THE_NOUN,
                         ids=[case[1][:30] for case in KAZAKH_ADJECTIVES_AFTER_THE_NOUN])
def test_a_kazakh_adjective_after_the_counted_noun_is_no_part_of_it(selection: str, context: str,
                                                                      expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


# (highlight, its sentence, the curator's value)
KAZAKH_ONE_AND_CEILINGS = [
    # "аспау" (not to exceed) in the conditional or the imperative is a ceiling, as its participle is.
    ("20 пайыздан аспаса", "Шығын жалпы соманың 20 пайыздан аспаса, келісім өзгермейді.", percent(None, upper=20)),
    ("45 күннен аспасын", "Тексеру мерзімі 45 күннен аспасын.", quantity(None, "күн", upper=45)),
    # "бір" highlighted alone is the number, counting the noun after it, and with a bare measure one of it.
    ("бір", "Көрмеге облыстан тек бір зауыт қатысты.", count(1, "зауыт")),
    ("бір ай", "Жөндеу жұмыстары тағы бір ай жалғасады.", quantity(1, "ай")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ONE_AND_CEILINGS,
                         ids=[case[1][:30] for case in KAZAKH_ONE_AND_CEILINGS])
def test_kazakh_one_highlighted_and_ceilings_in_the_conditional(selection: str, context: str,
                                                                expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


def test_one_day_as_once_stays_text() -> None:
    # "бір күні" (one day, once) with its possessive is no measure.
    same(suggest("бір күні", published="2026-05-14", context="Бір күні ол ауылға оралды.").value,
         text("бір күні"))


# (highlight, its sentence, publication date, the curator's value)
MONTHS_AFTER_PUBLICATION = [
    # Months after publication are the month that many months on, as years and days after it are, and a present-future
    # participle reported by a verb of saying ("-атынын айтты", said it will) announces.
    ("үш айдан кейін", "Министр жобаны үш айдан кейін қайта қарайтынын айтты.", "2026-10-29", date("2027-01")),
    ("через три месяца", "Комиссия вернется к вопросу через три месяца.", "2026-10-29", date("2027-01")),
    ("three months from now", "The commission will return to it three months from now.", "2026-10-29", date("2027-01")),
    # After a year written before it they count from that year's event: the span.
    ("үш айдан кейін", "Келісімге 2019 жылы қол қойылып, үш айдан кейін күшіне енді.", "2026-10-29",
     quantity(3, "ай")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MONTHS_AFTER_PUBLICATION,
                         ids=[case[1][:30] for case in MONTHS_AFTER_PUBLICATION])
def test_months_after_publication(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


# (highlight, its sentence, publication date, the curator's value)
BEFORE_AN_EVENT = [
    # "N ай бұрын" after "дейін" is a span before the event, with a bound word between too, and with no publication
    # date it needs none.
    ("кем дегенде екі ай бұрын", "Өтінім мерзім біткенге дейін кем дегенде екі ай бұрын беріледі.", "2026-10-29",
     quantity(2, "ай", lower=2)),
    ("кемінде үш ай бұрын", "Хабарлама шарт аяқталғанға дейін кемінде үш ай бұрын жіберіледі.", None,
     quantity(3, "ай", lower=3)),
    ("үш ай бұрын", "Хабарлама шарт аяқталғанға дейін үш ай бұрын жіберіледі.", None, quantity(3, "ай")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), BEFORE_AN_EVENT,
                         ids=[case[1][:30] + str(case[2]) for case in BEFORE_AN_EVENT])
def test_a_span_before_an_event_is_no_date_ago(selection: str, context: str, published: str | None,
                                               expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def test_ago_without_a_publication_date_still_asks_for_it() -> None:
    suggestion = suggest("үш ай бұрын", published=None, context="Ол үш ай бұрын келді.")
    same(suggestion.value, text("үш ай бұрын"))
    assert suggestion.note is not None


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # Cubic metres written with the superscript are a unit as written, as "м²" and "м³/с" are.
    ("12,5 млн м³", "Су қоймасына 12,5 млн м³ су жиналды.", quantity(12.5e6, "м³")),
    ("40 м³", "Расход составил 40 м³ в сутки.", quantity(40, "м³")),
    ("2.4 million m³", "The reservoir now holds 2.4 million m³.", quantity(2.4e6, "m³")),
], ids=["kk", "ru", "en"])
def test_cubic_metres_with_the_superscript(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # After a genitive the counted noun takes the possessive: "-ны/-ні" is a stem's "н" and "-ы/-і", not an accusative.
    ("48", "Өтінішке кенттің 48 тұрғыны қол қойды.", count(48, "тұрғын")),
    ("15", "Бұл шешімді қаланың 15 тұрғыны қолдады.", count(15, "тұрғын")),
    # Without a genitive before the figure the accusative of a stem in a vowel stays.
    ("5", "Компания 5 құрылғыны сатып алды.", count(5, "құрылғы")),
], ids=["kent", "qala", "accusative"])
def test_a_possessed_noun_after_a_genitive(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A bare noun and a passive participle before a noun qualify it: the number counts the noun after them.
    ("40", "Ауылға 40 жанармай құйылған цистерна жеткізілді.", count(40, "цистерна")),
    ("12", "Шекарада 12 пломба салынған контейнер тексерілді.", count(12, "контейнер")),
    # An active participle's noun before it does the act and is what is counted.
    ("12", "Зауыт 12 компания берген тапсырысты орындады.", count(12, "компания")),
], ids=["water", "seal", "active"])
def test_a_noun_qualified_by_a_passive_participle_is_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A sentence that opens with the case a limit is counted from ("in the event of", "в случае", "-ған жағдайда")
    # makes it a ceiling, as one opening with "after" does.
    ("15 күн ішінде", "Шарт бұзылған жағдайда Тараптар 15 күн ішінде хабарлама жібереді.", quantity(None, "күн", upper=15)),
    ("within 15 days", "In the event of a breach, the Parties shall notify each other within 15 days.",
     quantity(None, "days", upper=15)),
    ("в течение 15 дней", "В случае нарушения договора Стороны уведомляют друг друга в течение 15 дней.",
     quantity(None, "дней", upper=15)),
    # With no event the limit is the span itself.
    ("15 күн ішінде", "Тараптар 15 күн ішінде хабарлама жібереді.", quantity(15, "күн")),
], ids=["kk", "en", "ru", "kk-no-event"])
def test_a_limit_after_the_case_it_is_counted_from(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)
