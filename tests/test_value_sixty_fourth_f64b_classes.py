"""The Russian classes of misses sets 64 and 65 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import InContext, date, quantity, same_in_context

PUBLISHED = "2026-09-17"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


RUSSIAN_UNITS_OF_SCIENCE_AND_FUEL = [
    # A fuel use in litres a hundred kilometres ("7,8 л/100 км"), a surface density in micrograms or milligrams a
    # square centimetre ("1,5 мг/см²") and lengths in nanometres and micrometres ("40 нм", "5 мкм"): units of their own,
    # written as the trade writes them.
    ("7,8 л/100 км", "", "Новый кроссовер в смешанном цикле расходует 7,8 л/100 км бензина.",
     quantity(7.8, "л/100 км")),
    ("1,5 мг/см²", "", "Содержание свинца в краске не должно превышать 1,5 мг/см² поверхности.",
     quantity(1.5, "мг/см²")),
    ("40 нм", "", "Толщина оксидной пленки составила 40 нм после отжига.", quantity(40, "нм")),
    ("около 5 мкм", "", "Волокна диаметром около 5 мкм вытягивают из расплава.", quantity(5, "мкм", approximate=True)),
    ("3–7 нм", "", "Частицы золота размером 3–7 нм осаждали на подложку.", quantity(None, "нм", lower=3, upper=7)),
    # Guard: litres alone stay litres, and "м" metres.
    ("60 л", "", "Объем бака — 60 л.", quantity(60, "л")),
    ("300 м", "", "До остановки 300 м пешком.", quantity(300, "м")),
]


@pytest.mark.parametrize("case", RUSSIAN_UNITS_OF_SCIENCE_AND_FUEL, ids=[c[0] for c in RUSSIAN_UNITS_OF_SCIENCE_AND_FUEL])
def test_russian_units_of_science_and_fuel_are_one_unit(case: Case) -> None:
    _check(case)


IN_A_MONTH_OR_A_YEAR = [
    # "через месяц", "через год" with no figure: one month or year after publication, as "через неделю" is one week
    # and "через два месяца" two months.
    ("через месяц", "", "Повторный осмотр крыши проведут через месяц.", date("2026-10")),
    ("через месяц", "", "Следующий выпуск рассылки – через месяц.", date("2026-10")),
    ("через год", "", "Вторая очередь парка откроется через год.", date("2027")),
    # Guard: counted from an event, it is no date of its own ("через месяц после подписания" stays a span).
    ("через два месяца", "", "Вернемся к теме через два месяца.", date("2026-11")),
]


@pytest.mark.parametrize("case", IN_A_MONTH_OR_A_YEAR, ids=[c[0] + c[2][:12] for c in IN_A_MONTH_OR_A_YEAR])
def test_in_a_month_or_a_year_is_one_of_it_after_publication(case: Case) -> None:
    _check(case)


AN_INVITATION_LOOKS_AHEAD = [
    # A plural imperative of invitation asks the reader to come to what lies ahead: the weekday or month it names is
    # the next one, not the one just gone.
    ("в пятницу", "", "Приезжайте в пятницу на ярмарку мёда в центральный парк.", date("2026-09-18")),
    ("в воскресенье", "", "Если хотите помочь – приходите в воскресенье к десяти утра к школе.", date("2026-09-20")),
    ("в понедельник", "", "Записывайтесь на курсы в понедельник в кабинете 12.", date("2026-09-21")),
    # Guard: a report keeps the day just gone, and a noun's prepositional in "-ите" is no imperative.
    ("в пятницу", "", "В пятницу при дефиците воды жители района остались без полива.", date("2026-09-11")),
    ("12 сентября", "", "На торгах, состоявшихся 12 сентября, лот продан при эстимейте в 40 тыс. евро.",
     date("2026-09-12")),
]


@pytest.mark.parametrize("case", AN_INVITATION_LOOKS_AHEAD, ids=[c[0] + c[2][:12] for c in AN_INVITATION_LOOKS_AHEAD])
def test_an_invitation_in_the_imperative_looks_ahead(case: Case) -> None:
    _check(case)


A_FEMININE_OR_PLURAL_SHORT_PARTICIPLE_REPORTS = [
    # "В апреле выдана лицензия", "получена субсидия", "переданы документы": the feminine and plural short participle
    # before its subject reports what was done, as the neuter "проведено" does, so a month without a year is the one
    # gone (published in January, March is the one before, not the nearer one ahead).
    ("апреле", "", "В апреле выдана лицензия на добычу, в ноябре начато бурение.", date("2025-04")),
    ("марте", "", "В марте получена первая субсидия на закупку кормов.", date("2025-03")),
    ("мае", "", "В мае переданы документы в суд по делу о банкротстве.", date("2025-05")),
    ("апреле", "", "В апреле зарегистрирована новая марка кефира.", date("2025-04")),
    # Guard: a plan keeps the month nearest, and so do a noun in "-ена", a participle after "быть", and one after its
    # subject, which states what holds ("квота в марте снижена на 10%").
    ("апреле", "", "В апреле назначена повторная экспертиза проекта.", date("2026-04")),
    ("апреле", "", "В апреле замена счетчиков в домах района продолжится.", date("2026-04")),
    ("апреле", "", "В апреле должна быть подана заявка на грант.", date("2026-04")),
    ("марте", "", "Квота на вылов рыбы в марте снижена на 10%.", date("2026-03")),
]


@pytest.mark.parametrize("case", A_FEMININE_OR_PLURAL_SHORT_PARTICIPLE_REPORTS,
                         ids=[c[0] + c[2][:14] for c in A_FEMININE_OR_PLURAL_SHORT_PARTICIPLE_REPORTS])
def test_a_feminine_or_plural_short_participle_reports(case: Case) -> None:
    _check(case, published="2026-01-20")
