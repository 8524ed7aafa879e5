"""A word that takes something out of a rule's scope replaced by one that puts it in turns the rule
round without any negation: "except blood-thinning tablets" -> "including blood-thinning tablets",
"instead of your standard hand luggage" -> "in addition to your standard hand luggage" (held-out round
39, both labelled gone, both once placed fuzzy on the opposite claim). Such a span is orphaned, in
English, Russian and Kazakh; the same scope word kept, or a claim merely reworded, stays placed."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place

EN_OLD = ("Visitors' rules\n\nBags may be left in the cloakroom. All drinks except bottled water are left at "
          "the entrance. Photography is allowed.\n")
EN_NEW = ("Visitors' rules (2038)\n\nBags may be left in the lockers. All drinks including bottled water are left "
          "at the entrance. Photography is allowed.\n")
EN_OLD_2 = ("Tickets\n\nGroups may book a guided tour instead of the audio guide. Tours last an hour.\n")
EN_NEW_2 = ("Tickets\n\nGroups may book a guided tour in addition to the audio guide. Tours last an hour.\n")
RU_OLD = ("Правила бассейна\n\nВсе посетители, кроме детей до семи лет, проходят медицинский осмотр. "
          "Шапочки обязательны.\n")
RU_NEW = ("Правила бассейна\n\nВсе посетители, включая детей до семи лет, проходят медицинский осмотр. "
          "Шапочки обязательны.\n")
RU_OLD_2 = ("Сдача отчета\n\nОтчет подается вместо бумажной формы через портал. Срок — до 10 числа.\n")
RU_NEW_2 = ("Сдача отчета\n\nОтчет подается помимо бумажной формы через портал. Срок — до 15 числа.\n")
KK_OLD = ("Кітапхана ережесі\n\nОқырмандар сөздіктердің орнына электрондық нұсқасын пайдаланады. "
          "Кітапхана сағат 9-да ашылады.\n")
KK_NEW = ("Кітапхана ережесі\n\nОқырмандар сөздіктерді қоса электрондық нұсқасын пайдаланады. "
          "Кітапхана сағат 10-да ашылады.\n")


def test_an_english_exception_turned_into_an_inclusion_is_orphaned():
    placement = place(EN_OLD, EN_NEW, "except bottled water")
    assert placement.state is AnchorState.ORPHANED, EN_NEW[placement.start:placement.end]


def test_an_english_instead_of_turned_into_in_addition_to_is_orphaned():
    placement = place(EN_OLD_2, EN_NEW_2, "instead of the audio guide")
    assert placement.state is AnchorState.ORPHANED, EN_NEW_2[placement.start:placement.end]


def test_a_russian_krome_turned_into_vklyuchaya_is_orphaned():
    placement = place(RU_OLD, RU_NEW, "кроме детей до семи лет")
    assert placement.state is AnchorState.ORPHANED, RU_NEW[placement.start:placement.end]


def test_a_russian_vmesto_turned_into_pomimo_is_orphaned():
    placement = place(RU_OLD_2, RU_NEW_2, "вместо бумажной формы")
    assert placement.state is AnchorState.ORPHANED, RU_NEW_2[placement.start:placement.end]


def test_a_kazakh_ornyna_turned_into_qosa_is_orphaned():
    placement = place(KK_OLD, KK_NEW, "сөздіктердің орнына электрондық нұсқасын")
    assert placement.state is AnchorState.ORPHANED, KK_NEW[placement.start:placement.end]


def test_a_claim_reworded_around_its_kept_exception_stays_placed():
    old = "Rules\n\nAll drinks except bottled water are left at the entrance. Photography is allowed.\n"
    new = "Rules\n\nAll drinks except bottled water must be left at the entrance. Photography is allowed.\n"
    placement = place(old, new, "All drinks except bottled water are left at the entrance.")
    assert placement.state is not AnchorState.ORPHANED
    assert "except bottled water" in new[placement.start:placement.end]


def test_without_said_as_with_no_is_not_a_reversal():
    from kzeu_desk.core.reanchor import _scope_turned

    assert not _scope_turned(["entry", "without", "a", "ticket"], ["entry", "with", "no", "ticket"])
    assert _scope_turned(["entry", "without", "a", "ticket"], ["entry", "with", "a", "ticket"])
