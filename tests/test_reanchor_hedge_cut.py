"""A figure whose hedge was cut while its scale word was abbreviated or its ending changed, as an
interview or a wiki article is edited for print: "порядка 2,4 миллиона евро" -> "2,4 млн евро",
"roughly 3.5 million euros" -> "3.5 mln euros", "шамамен 8 пайызы" -> "8 пайыз". Each change alone is
placed (a scale word written short is the same figure); together the quote lost a whole word and its
figure's shape, and it was orphaned (issue #23). The quote without its leading hedge ("about", "около",
"порядка", "шамамен", ...) is looked for as any quote is, then placed fuzzy below REVIEW_BELOW; a
figure that changed is flagged."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import flagged_or_orphaned, place, placed_for_review

RU_OLD = "Мы получили порядка 2,4 миллиона евро на новые станции. Их построят летом.\n"
RU_NEW = "Мы получили 2,4 млн евро на новые станции. Их построят летом.\n"


def test_a_hedge_cut_and_a_scale_abbreviated_are_placed_for_review():
    placement = placed_for_review(RU_OLD, RU_NEW, "порядка 2,4 миллиона евро", "2,4 млн евро")
    assert not placement.number_changed


def test_a_hedge_cut_in_a_reworded_sentence_is_placed_for_review():
    old = "На ремонт дорог, по словам акима, уйдет порядка 2,4 миллиона евро из бюджета области. Работы начнут в мае.\n"
    new = "На ремонт дорог уйдет 2,4 млн евро из бюджета области, сказал аким. Работы начнут в мае.\n"
    placed_for_review(old, new, "порядка 2,4 миллиона евро", "2,4 млн евро")


EN_OLD = "The region received roughly 3.5 million euros for new weather stations. They open in June.\n"
EN_NEW = "The region received 3.5 mln euros for new weather stations. They open in June.\n"


def test_an_english_hedge_cut_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "roughly 3.5 million euros", "3.5 mln euros")


KK_OLD = ("Былтыр облыста өндірілген электр энергиясының шамамен 8 пайызы күн станцияларынан алынды. "
          "Биыл жаңа станция салынады.\n")
KK_NEW = ("Былтыр облыста өндірілген электр энергиясының 8 пайыз күн станцияларынан алынды. "
          "Биыл жаңа станция салынады.\n")


def test_a_kazakh_hedge_cut_with_its_ending_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "шамамен 8 пайызы", "8 пайыз")


def test_a_hedge_cut_beside_a_corrected_figure_is_flagged():
    new = "Мы получили 2,9 млн евро на новые станции. Их построят летом.\n"
    flagged_or_orphaned(RU_OLD, new, "порядка 2,4 миллиона евро")


def test_a_figure_whose_sentence_was_cut_stays_orphaned():
    new = "Станции построят летом. Еще 2,4 млн евро получит университет на подготовку кадров.\n"
    assert place(RU_OLD, new, "порядка 2,4 миллиона евро").state is AnchorState.ORPHANED
