"""A bound on a figure said another way: "5 адамнан кем емес" (not fewer than five) -> "кемінде бес
адам" (at least five), "не менее 10 дней" -> "как минимум 10 дней", "no fewer than 4 rooms" -> "at least
four rooms" (issue #23, held-out round 28: "3 адамнан кем емес топпен" -> "кемінде үш адамнан тұратын
топпен"). The bound's words moved to the other side of the figure, which may also be written in words,
so neither the letters nor the words in order find the quote. The quote's other words standing in order
(a few words inserted), a bound of the same direction (at least / at most) beside them, the same figures
and the surroundings agreeing: the same claim, fuzzy and queued. A bound turned the other way ("не более")
is another claim, flagged or not placed; another figure is flagged."""

from __future__ import annotations

from tests.test_reanchor import flagged_or_orphaned, placed_for_review

KK_OLD = ("Жарысқа қатысу шарттары\n"
          "– командада 5 адамнан кем емес спортшы болуы керек;\n"
          "– әр қатысушы медициналық анықтама тапсырады.\n")
KK_NEW = ("Жарысқа қатысу шарттары\n"
          "— командада кемінде бес адамнан тұратын спортшы болуы керек;\n"
          "— әр қатысушы медициналық анықтама тапсырады.\n")


def test_a_kazakh_lower_bound_said_before_the_figure_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "5 адамнан кем емес спортшы", "кемінде бес адамнан тұратын спортшы")


RU_OLD = ("Заявки на участие в ярмарке принимаются не менее чем за 10 дней до ее открытия. Плата за место не "
          "взимается.\n")
RU_NEW = ("Заявки на участие в ярмарке принимаются как минимум за 10 рабочих дней до ее открытия. Плата за место "
          "не взимается.\n")


def test_a_russian_lower_bound_said_another_way_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "не менее чем за 10 дней до ее открытия",
                      "как минимум за 10 рабочих дней до ее открытия")


def test_a_bound_turned_the_other_way_is_flagged_or_orphaned():
    new = RU_NEW.replace("как минимум", "не более чем")
    flagged_or_orphaned(RU_OLD, new, "не менее чем за 10 дней до ее открытия")
    new = KK_NEW.replace("кемінде бес адамнан тұратын", "бес адамнан аспайтын")
    flagged_or_orphaned(KK_OLD, new, "5 адамнан кем емес спортшы")


def test_a_bound_on_another_figure_is_flagged_or_orphaned():
    flagged_or_orphaned(KK_OLD, KK_NEW.replace("бес", "алты"), "5 адамнан кем емес спортшы")


EN_OLD = ("Each hostel must offer no fewer than 4 rooms for families and a kitchen open all day.\n")
EN_NEW = ("Each hostel must offer at least four family rooms and a kitchen open all day.\n")


def test_an_english_lower_bound_said_another_way_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "no fewer than 4 rooms", "at least four family rooms")
