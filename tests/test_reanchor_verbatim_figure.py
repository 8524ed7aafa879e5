"""A quote holding an identifier or a figure that still stands word for word, once, in the new text must
not go to another place where only its figure differs. A recall notice widened to a second product kept
the first product's code line as it was, in rewritten surroundings, and added the second product's code
line after it with the old line's neighbours; the approximate match took the second code, flagged as a
changed figure, while the old code stood verbatim a few lines up (held-out round 30). The copy said
word for word is the old claim: it is placed there, fuzzy and queued, as its surroundings do not vouch
for it (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import flagged_or_orphaned, place

EN_OLD = ("Safety notice\n\nWhich lamps are affected?\nModel: desk lamp, brass finish\nSerial range: A-100 and A-104\n"
          "Article code: 7310455120018\nSold by: home stores and the online shop\n\nReturn the lamp for a refund.\n")
EN_NEW = ("Safety notice (updated)\n\nWhich lamps are affected?\nModel: desk lamp \u201cAurora\u201d, brass finish, 40 cm\n"
          "Serial range: A-100, A-104 and A-131\nArticle code: 7310455120018\n\nModel: floor lamp \u201cBorealis\u201d\n"
          "Serial range: B-220\nArticle code: 7310455120025\n\nSold by: home stores and the online shop\n\n"
          "Return either lamp for a refund or a free repair.\n")

RU_OLD = ("Отзыв товара\n\nТовар: детское автокресло, серое\nПартия: 14 и 15\nШтрихкод: 4600123987652\n"
          "Продавец: сеть магазинов и интернет-магазин\n\nВерните кресло в магазин.\n")
RU_NEW = ("Отзыв товара (дополнено)\n\nТовар: детское автокресло «Барыс», серое, группа 1\nПартии: 14, 15 и 19\n"
          "Штрихкод: 4600123987652\n\nТовар: бустер «Марал»\nПартия: 21\nШтрихкод: 4600123987669\n\n"
          "Продавец: сеть магазинов и интернет-магазин\n\nВерните товар в магазин.\n")


def test_an_article_code_said_word_for_word_beats_another_products_code():
    placement = place(EN_OLD, EN_NEW, "Article code: 7310455120018")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert EN_NEW[placement.start:placement.end] == "Article code: 7310455120018", placement


def test_a_russian_barcode_said_word_for_word_beats_another_products_barcode():
    placement = place(RU_OLD, RU_NEW, "Штрихкод: 4600123987652")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert RU_NEW[placement.start:placement.end] == "Штрихкод: 4600123987652", placement


def test_a_code_that_no_longer_stands_goes_flagged_or_nowhere():
    new = EN_NEW.replace("Article code: 7310455120018", "Article code: 7310455120094")
    flagged_or_orphaned(EN_OLD, new, "Article code: 7310455120018")
