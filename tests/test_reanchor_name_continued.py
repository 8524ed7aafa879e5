"""A short quote that ended (or began) at a boundary of its old text, a bracket, a comma or a full stop,
and that the new text carries on with more words of the same name or phrase ("(Ministry of Energy)" ->
"(Ministry of Energy and Mineral Resources)"). Its words still stand unchanged, and the side that did
not change vouched for them, so it used to be *moved* there in silence (held-out round 27), though the
name it quoted is now another, longer one. A reviewer must see the whole new name: the placement is
widened to the words that continue it, up to where the old boundary stands again, and placed fuzzy,
waiting for a curator (issue #23). Where the old boundary does not come back within a few words, the
quote's own words are placed fuzzy and queued, never moved."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("Minutes of the second meeting\n\nPresent: Sara Lind (City Council, chair), Paul Ree (Ministry of Energy), "
          "Anna Berg (Water Agency) and four guests.\n\nThe group approved the work plan.\n")
EN_NEW = ("Minutes of the second meeting (approved)\n\nPresent: Sara Lind (City Council, chair), Paul Ree "
          "(Ministry of Energy and Mineral Resources), Anna Berg (Regional Water Agency) and four guests.\n\n"
          "The group approved the work plan.\n")

RU_OLD = ("Протокол совещания\n\nВ совещании участвовали представители Министерства энергетики, городского "
          "акимата и двух университетов.\n\nРешение принято единогласно.\n")
RU_NEW = ("Протокол совещания (утвержден)\n\nВ совещании участвовали представители Министерства энергетики и "
          "минеральных ресурсов, городского акимата и двух университетов.\n\nРешение принято единогласно.\n")

KK_OLD = ("Кездесу хаттамасы\n\nКездесуге қатысқандар: Су ресурстары комитеті, қала әкімдігі және екі "
          "университеттің өкілдері.\n\nШешім бірауыздан қабылданды.\n")
KK_NEW = ("Кездесу хаттамасы (бекітілген)\n\nКездесуге қатысқандар: Экология министрлігінің Су ресурстары "
          "комитеті, қала әкімдігі және екі университеттің өкілдері.\n\nШешім бірауыздан қабылданды.\n")


def test_a_name_continued_after_its_closing_bracket_is_widened_to_the_new_name_and_queued():
    placed_for_review(EN_OLD, EN_NEW, "Ministry of Energy", "Ministry of Energy and Mineral Resources")


def test_a_russian_name_continued_before_its_comma_is_widened_and_queued():
    placed_for_review(RU_OLD, RU_NEW, "Министерства энергетики", "Министерства энергетики и минеральных ресурсов")


def test_a_kazakh_name_continued_in_front_after_its_colon_is_widened_and_queued():
    placed_for_review(KK_OLD, KK_NEW, "Су ресурстары комитеті", "Экология министрлігінің Су ресурстары комитеті")


def test_a_name_whose_boundary_does_not_come_back_is_placed_on_its_own_words_for_review():
    new = EN_NEW.replace("(Ministry of Energy and Mineral Resources), Anna Berg (Regional Water Agency) and four guests.",
                         "(Ministry of Energy and of the mineral resources of the region), and four guests.")
    placed_for_review(EN_OLD, new, "Ministry of Energy", "Ministry of Energy")


def test_a_name_that_still_ends_where_it_ended_is_moved_unchanged():
    new = EN_NEW.replace("(Ministry of Energy and Mineral Resources)", "(Ministry of Energy)")
    placement = place(EN_OLD, new, "Ministry of Energy")
    assert placement.state in (AnchorState.EXACT, AnchorState.MOVED), placement


def test_a_boundary_dropped_without_new_words_is_no_continued_name():
    # "(City Council, chair)" -> "(City Council chair)": only the comma went; no name grew.
    new = EN_NEW.replace("City Council, chair", "City Council chair")
    placement = place(EN_OLD, new, "City Council")
    assert placement.state in (AnchorState.EXACT, AnchorState.MOVED), placement
    assert new[placement.start:placement.end] == "City Council"
