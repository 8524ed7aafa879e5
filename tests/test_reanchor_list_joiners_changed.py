"""A short list whose items stand unchanged and in order, only its joining changed: a comma made "и",
"and" or "және" (or the reverse), as happens when the list's last item is cut ("о знании, труде, совести и
о том, …" -> "о знании, труде и совести."). The quote's sentence kept its words on one side and was cut
on the other, which for an edited short quote reads as a sentence replaced in place by another claim
(held-out round 31 orphaned it). No word of the claim changed, so the kept side vouches for it as for a
quote kept word for word: placed fuzzy and queued (issue #23). An item of the quote itself edited is
still judged as before."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

RU_OLD = ("Рецензия\n\nСборник вышел в 2038 году. Это короткие очерки о степи, реках, горах и о том, как менялся "
          "край за сто лет. Книга снабжена картами.\n")
RU_NEW = ("Рецензия (исправлено)\n\nСборник вышел весной 2038 года. Это короткие очерки о степи, реках и горах. "
          "Книга снабжена картами и указателем.\n")

EN_OLD = ("Course page\n\nThe seminars cover contracts, torts, property and how courts read them in practice. "
          "Classes start in October.\n")
EN_NEW = ("Course page (revised)\n\nThe seminars cover contracts, torts and property. Classes start in "
          "September.\n")

KK_OLD = ("Мектеп жаңалықтары\n\nМектептегі үйірмелер сурет, музыка, театр және басқа да өнер түрлерін қамтиды. Сабақ "
          "сенбіде өтеді.\n")
KK_NEW = ("Мектеп жаңалықтары (жаңартылған)\n\nМектептегі үйірмелер сурет, музыка және театр. Сабақ жексенбіде өтеді.\n")


def test_a_russian_list_whose_last_comma_became_i_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "о степи, реках, горах", "о степи, реках и горах")


def test_an_english_list_whose_last_comma_became_and_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "contracts, torts, property", "contracts, torts and property")


def test_a_kazakh_list_whose_last_comma_became_zhane_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "сурет, музыка, театр", "сурет, музыка және театр")


def test_a_list_with_an_item_replaced_in_a_cut_sentence_is_not_vouched_for_by_its_joining():
    new = RU_NEW.replace("о степи, реках и горах", "о степи, озерах и горах")
    placement = place(RU_OLD, new, "о степи, реках, горах")
    assert placement.state is AnchorState.ORPHANED or (
        placement.state is AnchorState.FUZZY and placement.score is not None and placement.score < 0.9), placement
