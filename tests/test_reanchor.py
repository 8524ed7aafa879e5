"""Re-anchoring evidence spans onto a new text: each step of the ladder, the edit distance it rests
on, and the accuracy the issue asks for on synthetic revisions whose truth is known."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import pytest

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.edit_distance import best_substring_ends, levenshtein
from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.reanchor import Cancelled, LastAnchor, numbers_changed, reanchor, same_stem
from kzeu_desk.core.text import quote_context


def _load_benchmark():
    """The benchmark's corpus generator and judge, loaded by path: benchmarks/ is not a package
    on the test path."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_reanchor.py"
    spec = importlib.util.spec_from_file_location("bench_reanchor", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


def anchor_on(text: str, quote: str, occurrence: int = 0, key: int = 1) -> LastAnchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    prefix, exact, suffix = quote_context(text, start, start + len(quote))
    return LastAnchor(key, start, start + len(quote), exact, prefix, suffix, revision=1)


def place(old: str, new: str, quote: str, occurrence: int = 0):
    (placement,) = reanchor(new, [anchor_on(old, quote, occurrence)], {1: old})
    return placement


def placed_for_review(old: str, new: str, quote: str, expected: str):
    """`quote` of `old` is placed fuzzy on `expected` in `new`, and waits in the review queue."""
    placement = place(old, new, quote)
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == expected
    assert needs_review(placement.state, placement.score, placement.number_changed)
    return placement


def flagged_or_orphaned(old: str, new: str, quote: str) -> None:
    """Where `new` states another figure, `quote` is either orphaned or placed with "number changed", queued."""
    placement = place(old, new, quote)
    assert placement.state is AnchorState.ORPHANED or (
        placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)), placement


ARTICLE = ("On February 2, Kazakhstan and the European Union are marking the 30th anniversary of the "
           "establishment of diplomatic relations. The amount of European capital investments into the "
           "country's economy over the three decades has exceeded US$160 billion, while the indicators of the "
           "bilateral trade turnover increased 180-fold. The EU accounts for one third of the total volume of "
           "Kazakhstan's foreign trade. There are about 3,000 companies with the participation of the European "
           "capital operating in Kazakhstan.")


# -- the ladder -------------------------------------------------------------------------------------


def test_a_quote_with_its_context_is_found_exactly_however_far_it_moved():
    new = "A new opening paragraph was added.\n\n" + ARTICLE
    placement = place(ARTICLE, new, "exceeded US$160 billion")
    assert placement.state is AnchorState.EXACT
    assert new[placement.start:placement.end] == "exceeded US$160 billion"


def test_a_unique_quote_in_changed_surroundings_has_moved():
    new = ARTICLE.replace("over the three decades has exceeded", "over thirty years has, by official count, exceeded")
    placement = place(ARTICLE, new, "exceeded US$160 billion")
    assert placement.state is AnchorState.MOVED
    assert new[placement.start:placement.end] == "exceeded US$160 billion"


def test_a_changed_quote_is_matched_approximately_with_a_score():
    new = ARTICLE.replace("about 3,000 companies with the participation", "about 3,000 firms with participation")
    placement = place(ARTICLE, new, "about 3,000 companies with the participation of the European capital")
    assert placement.state is AnchorState.FUZZY
    assert new[placement.start:placement.end] == "about 3,000 firms with participation of the European capital"
    assert 0.7 <= placement.score < 1


def test_a_removed_sentence_is_orphaned_not_placed_elsewhere():
    new = ARTICLE.replace("The EU accounts for one third of the total volume of Kazakhstan's foreign trade. ", "")
    placement = place(ARTICLE, new, "one third of the total volume of Kazakhstan's foreign trade")
    assert placement.state is AnchorState.ORPHANED and placement.start is None


def test_a_repeated_quote_follows_its_own_surroundings_or_is_orphaned():
    old = ("In 2015 the agreement was initialled in Astana after long talks. Observers were surprised. "
           "In 2016 the agreement was signed in Brussels at a summit. Both sides praised it.")
    moved_second = old.replace("at a summit", "at a summit of leaders")
    placement = place(old, moved_second, "the agreement was", occurrence=1)
    assert placement.state is AnchorState.MOVED
    assert placement.start == moved_second.index("the agreement was", moved_second.index("2016"))
    # With the second sentence rewritten around it and the first gone, nothing says which copy is meant.
    rewritten = "Critics noted the agreement was never debated. The vote came late."
    assert place(old, rewritten, "the agreement was", occurrence=1).state is AnchorState.ORPHANED


def test_a_quote_that_began_inside_a_word_begins_inside_it_again():
    new = ARTICLE.replace("bilateral trade turnover", "bilateral merchandise trade turnover")
    placement = place(ARTICLE, new, "lateral trade turnover increased")
    assert new[placement.start:placement.end] == "lateral merchandise trade turnover increased"


def test_spans_whose_old_text_is_unknown_are_still_placed():
    anchor = anchor_on(ARTICLE, "the indicators of the bilateral trade turnover increased 180-fold")
    (placement,) = reanchor("Meanwhile the indicators of the bilateral trade turnover increased 180-fold since then.",
                            [anchor], {})
    assert placement.state is AnchorState.MOVED
    # A short quote says too little by itself: in foreign surroundings it is not recognised.
    (placement,) = reanchor("Turnover increased 180-fold since then.", [anchor_on(ARTICLE, "increased 180-fold")], {})
    assert placement.state is AnchorState.ORPHANED


def test_a_changed_number_always_needs_a_curator():
    assert numbers_changed("almost US$77 billion", "almost US$78 billion")
    assert not numbers_changed("about 3,000 companies", "about 3,000 firms")
    assert numbers_changed("dated March 2020", "dated 6 March 2020")  # a figure appeared
    assert not numbers_changed("3 000 компаний", "3\u00a0000 компаний")  # thousands set apart, typography aside
    assert needs_review(AnchorState.FUZZY, 0.97, number_changed=True)
    assert not needs_review(AnchorState.FUZZY, 0.97, number_changed=False)
    assert needs_review(AnchorState.FUZZY, 0.8, number_changed=False)
    assert needs_review(AnchorState.ORPHANED, None, number_changed=False)
    assert not needs_review(AnchorState.MOVED, None, number_changed=False)


def test_progress_is_reported_and_stopping_raises_before_anything_is_decided():
    anchors = [anchor_on(ARTICLE, "180-fold", key=k) for k in range(600)]
    seen: list[tuple[int, int]] = []
    reanchor(ARTICLE, anchors, {1: ARTICLE}, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 600) and seen[-1] == (600, 600) and len(seen) >= 3
    with pytest.raises(Cancelled):
        reanchor(ARTICLE, anchors, {1: ARTICLE}, should_stop=lambda: True)


# -- the edit distance ------------------------------------------------------------------------------


def _table_distance(a, b, *, free_start: bool) -> list[int]:
    previous = [0] * (len(b) + 1) if free_start else list(range(len(b) + 1))
    for i, symbol in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (symbol != other)))
        previous = current
    return previous


def test_the_bit_parallel_distances_agree_with_the_textbook_table():
    rng = random.Random(7)
    for _ in range(1500):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 70)))  # past 64 bits, too
        b = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 80)))
        assert levenshtein(a, b) == _table_distance(a, b, free_start=False)[-1]
        last_row = _table_distance(a, b, free_start=True)
        best = min(last_row)
        assert best_substring_ends(a, b) == (best, [j for j, value in enumerate(last_row) if value == best])


# -- accuracy on revisions whose truth is known ----------------------------------------------------


@pytest.mark.parametrize("edit_rate", bench.EDIT_RATES)
def test_synthetic_revisions_meet_the_accuracy_targets(edit_rate):
    total = bench.Accuracy(edit_rate)
    for seed in (11, 12):
        total.add(bench.run_trial(seed, edit_rate, words=30_000, quotes=2_000))
    assert total.intact > 500
    assert total.exact_for_intact >= 0.99, total
    assert total.misplaced_share <= 0.005, total


@pytest.mark.parametrize("edit_rate", bench.EDIT_RATES)
def test_the_sample_articles_meet_the_accuracy_targets(edit_rate):
    total = bench.run_sample_articles(edit_rate, seeds=(1, 2))
    assert total.exact_for_intact >= 0.99, total
    assert total.misplaced_share <= 0.005, total


@pytest.mark.slow
def test_ten_thousand_spans_on_a_long_article_are_placed_without_a_gross_slowdown():
    trial_started = time.process_time()
    trial = bench.run_trial(3, 0.05, words=170_000, quotes=bench.SPANS_FOR_TIMING)
    assert trial.quotes == 10_000
    # The 5 s target is the benchmark's (`python -m benchmarks.bench_reanchor`), where the machine is quiet. Here the
    # suite's workers share the cores: processor time still grows with the load (4.2-4.6 s at load 2.6-3, 5.1 s at
    # load 4.5-5.7 for the same code on 7 Dec 2026), so this guards against a doubling, not against the target.
    assert trial.cpu_seconds <= 2 * bench.TIME_BUDGET_SECONDS, trial
    assert time.process_time() - trial_started < 60


# -- what the issue found misplaced or orphaned ---------------------------------------------------


def test_a_short_quote_ending_a_cut_sentence_does_not_follow_its_words_elsewhere():
    old = "The agreement was signed in Brussels. That was in 1995. Trade grew quickly afterwards."
    new = ("The agreement was signed in Brussels. Trade grew quickly afterwards. "
           "The first office of the mission opened in 1995.")
    assert place(old, new, "in 1995").state is AnchorState.ORPHANED
    # Replaced where it stood, between the same neighbours, it is not the evidence either.
    in_place = old.replace("That was in 1995.", "A new office opened in 1995.")
    assert place(old, in_place, "in 1995").state is AnchorState.ORPHANED
    # Where its own sentence still stands around it, it follows.
    merged = old.replace("Brussels. That was in 1995.", "Brussels in 1995.")
    moved = place(old, merged, "in 1995")
    assert moved.state is AnchorState.MOVED and merged[moved.start:moved.end] == "in 1995"


def test_a_different_statistic_is_not_taken_for_a_corrected_figure():
    old = ARTICLE
    new = ARTICLE.replace("The EU accounts for one third of the total volume of Kazakhstan's foreign trade. ", "")
    new += " Exports to the EU account for 40 percent of the total volume of Kazakhstan's oil sales."
    quote = "one third of the total volume of Kazakhstan's foreign trade"
    assert place(old, new, quote).state is AnchorState.ORPHANED
    corrected = ARTICLE.replace("about 3,000 companies", "about 3,200 companies")
    placement = place(ARTICLE, corrected, "about 3,000 companies with the participation")
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert corrected[placement.start:placement.end] == "about 3,200 companies with the participation"
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_figure_quoted_alone_is_found_changed_between_its_context_and_flagged():
    old = "Cargo volumes on the route grew by 65% in the first nine months of the year, Tokayev said."
    new = "Cargo volumes on the route grew by 62% in the first nine months of the year, Tokayev said."
    placement = place(old, new, "65%")
    assert (placement.state, placement.number_changed, new[placement.start:placement.end]) == (
        AnchorState.FUZZY, True, "62%")


def test_a_changed_figure_scores_its_likeness_with_the_figure_as_it_is():
    # Places are chosen with figures blanked out, so the blanked likeness is perfect here; the
    # score a curator sees must still count the figure that changed.
    old = "Cargo volumes on the route grew by 65% in the first nine months of the year, Tokayev said."
    for new_figure in ("62%", "165%"):
        new = old.replace("65%", new_figure)
        placement = place(old, new, "grew by 65% in the first nine months")
        assert placement.state is AnchorState.FUZZY and placement.number_changed
        assert placement.score is not None and placement.score < 1.0, new_figure
        assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_correction_note_quoting_the_old_words_does_not_take_the_evidence():
    old = ("The national railway plans to double container traffic by 2025. Not everyone is convinced.")
    new = ("The national railway plans to double container traffic by 2027. Not everyone is convinced.\n\n"
           "Correction: an earlier version said the national railway plans to double container traffic by 2025.")
    for quote in ("double container traffic by 2025", "by 2025"):
        placement = place(old, new, quote)
        assert placement.state is AnchorState.FUZZY and placement.number_changed, quote
        assert placement.start < new.index("Correction"), quote


def test_typography_is_not_content_and_offsets_count_real_code_points():
    import unicodedata

    old = "Kazakhstan's ambassador said the EU is \"a key partner\" - its first one. Партнёрство растёт."
    new = unicodedata.normalize(
        "NFD", "Intro.\n\nKazakhstan’s ambassador said the EU is “a key partner” — its first one. Партнерство растёт.")
    for quote, expected in (("Kazakhstan's ambassador said", "Kazakhstan’s ambassador said"),
                            ("\"a key partner\" - its first", "“a key partner” — its first"),
                            ("Партнёрство растёт", unicodedata.normalize("NFD", "Партнерство растёт")),
                            ("EU", "EU")):
        placement = place(old, new, quote)
        assert placement.state in (AnchorState.EXACT, AnchorState.MOVED), quote
        assert new[placement.start:placement.end] == expected, quote
    # A one-word edit in a long quote is a fuzzy match, typography aside.
    edited = new.replace("its first one", "its largest one")
    placement = place(old, edited, "Kazakhstan's ambassador said the EU is \"a key partner\" - its first one")
    assert placement.state is AnchorState.FUZZY and placement.score >= 0.9
    assert edited[placement.start:placement.end].endswith("its largest one")


def test_text_wrapped_at_line_ends_is_the_same_text_unwrapped():
    """A statement copied out of its PDF (lines broken at ~70 characters) and the same statement on
    the web (one line per paragraph): every quote is found exactly, line breaks in it or not."""
    paragraphs = [ARTICLE, ARTICLE.replace("30th", "31st").replace("US$160", "US$170")]
    old = "\n\n".join(textwrap.fill(paragraph, 70) for paragraph in paragraphs)
    new = "\n\n".join(paragraphs)
    words = [word for word in old.replace("\n", " ").split(" ") if word]
    anchors = []
    for key, first in enumerate(range(0, len(words) - 5, 4)):
        quote_words = words[first:first + 5]
        start = old.index(quote_words[0]) if key == 0 else _find_words(old, quote_words, anchors[-1].start)
        end = start
        for word in quote_words:
            end = old.index(word, end) + len(word)
        prefix, quote, suffix = quote_context(old, start, end)
        anchors.append(LastAnchor(key, start, end, quote, prefix, suffix, revision=1))
    assert any("\n" in anchor.quote for anchor in anchors)
    for anchor, placement in zip(anchors, reanchor(new, anchors, {1: old})):
        assert placement.state is AnchorState.EXACT, anchor.quote
        assert new[placement.start:placement.end] == re.sub(r"(?<!\n)\n(?!\n)", " ", anchor.quote), anchor.quote


def _find_words(text: str, words: list[str], after: int) -> int:
    """Where these words stand in a row, whatever whitespace is between them, at or after `after`."""
    return re.compile(r"\s+".join(map(re.escape, words))).search(text, after).start()


def test_an_initial_ends_no_sentence_and_a_quote_follows_its_extended_sentence():
    old = ("Глава МИД проинформировал собеседника о ходе реформ. Ж. Боррель высоко оценил усилия Казахстана. "
           "Особое внимание было уделено визам.")
    new = old.replace("усилия Казахстана.", "усилия Казахстана по модернизации политической системы.")
    placement = place(old, new, "высоко оценил усилия Казахстана")
    assert placement.anchored and new[placement.start:placement.end] == "высоко оценил усилия Казахстана"
    # Its sentence cut, the same words said by another sentence elsewhere are not it.
    cut = old.replace(" Ж. Боррель высоко оценил усилия Казахстана.", "") + (
        " Наблюдатели высоко оценил усилия Казахстана в сфере водных ресурсов.")
    assert place(old, cut, "высоко оценил усилия Казахстана").state is AnchorState.ORPHANED


def test_a_figure_does_not_follow_its_digits_to_another_statistic_in_its_own_sentence():
    old = ("Kazakhstan produces 19 of the 34 raw materials the EU considers critical. "
           "It supplied about 21% of the EU's titanium imports in 2023.\n\nCritics disagree.")
    new = old.replace("about 21% of the EU's titanium imports in 2023.",
                      "about 12% of the EU's titanium imports in 2023, and about 21% of its chromium imports.")
    placement = place(old, new, "21%")
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == "12%"


def test_a_sentence_replaced_in_place_by_one_beginning_with_the_same_words_is_not_the_evidence():
    old = ("Курстар да өткізіледі.\n\nЖоба аясында Түркістан облысында үш пилоттық учаске ашылады.\n\n"
           "Жоба аясында фермерлерге кеңес беріледі.")
    new = old.replace("Түркістан облысында үш пилоттық учаске", "Жамбыл облысында да пилоттық учаскелер")
    assert place(old, new, "Жоба аясында").state is AnchorState.ORPHANED
    # The copy whose sentence stands is still found.
    kept = place(old, new, "Жоба аясында", occurrence=1)
    assert kept.anchored and kept.start == new.index("Жоба аясында фермерлерге")


def test_a_one_word_edit_in_a_moved_sentence_is_a_fuzzy_match_but_a_rewritten_one_is_not():
    old = ("Тараптар ынтымақтастықты талқылады.\n\nАнтониу Кошта Қазақстанның өңірдегі тұрақтылықты "
           "нығайтудағы рөлін жоғары бағалады.\n\nКездесу соңында Президент шақыру жасады.")
    new = ("Мемлекет басшысы инвестициялар туралы айтты.\n\nАнтониу Кошта Қазақстанның Орталық Азиядағы "
           "тұрақтылықты нығайтудағы рөлін жоғары бағалады.\n")
    placement = place(old, new, "Қазақстанның өңірдегі тұрақтылықты нығайтудағы рөлін жоғары бағалады")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == (
        "Қазақстанның Орталық Азиядағы тұрақтылықты нығайтудағы рөлін жоғары бағалады")
    rewritten = new.replace("Қазақстанның Орталық Азиядағы тұрақтылықты нығайтудағы рөлін",
                            "Өзбекстанның Орталық Азиядағы сауданы дамытудағы рөлін")
    assert place(old, rewritten, "Қазақстанның өңірдегі тұрақтылықты нығайтудағы рөлін жоғары бағалады"
                 ).state is AnchorState.ORPHANED


def test_a_moved_sentence_with_several_edits_is_recognised_by_its_words_and_waits_for_a_curator():
    # Long enough for "and" to be a common word, as it is in any real article.
    lead = ("The funding will provide shelter, water and hygiene kits in the Atyrau and Aktobe regions, and "
            "the Red Crescent and local volunteers will deliver it. Schools and hospitals were closed and "
            "roads and bridges were damaged.\n\n")
    old = lead + ("The floods forced 86,000 people to leave their homes.\n\nThe EU stands in solidarity with "
           "Kazakhstan, said the Commissioner.\n\nAt Kazakhstan's request, the Civil Protection Mechanism "
           "was activated. Romania and Slovakia have offered boats and water pumps.\n\nThe EU has "
           "provided aid since 1992.")
    new = lead + ("The floods forced 118,000 people to leave their homes.\n\nAt Kazakhstan’s request, the Civil "
           "Protection Mechanism was activated. Romania, Slovakia and Hungary have offered boats, water "
           "pumps and rescue teams.\n\nThe EU stands in solidarity with Kazakhstan, said the "
           "Commissioner.\n\nThe EU has provided aid since 1992.")
    quote = "Romania and Slovakia have offered boats and water pumps."
    placement = place(old, new, quote)
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end].startswith("Romania, Slovakia and Hungary have offered boats")
    # Part of a sentence that was replaced: the same phrase in a new claim is not the evidence.
    old_part = ("Talks began at nine.\n\nThe leaders are expected to sign a joint declaration on a "
                "strategic partnership later today.\n\nProtesters gathered outside.")
    new_part = ("Protesters gathered outside.\n\nThe leaders signed a joint declaration establishing a "
                "strategic partnership between the EU and Central Asia.\n\nTalks began at nine.")
    assert place(old_part, new_part, "a joint declaration on a strategic partnership").state is AnchorState.ORPHANED


def test_a_moved_sentence_whose_figure_changed_is_flagged_when_nothing_else_of_the_claim_changed():
    old = ("Рейсы будут выполняться три раза в неделю.\n\nСтоимость билетов в эконом-классе начинается от "
           "180\u00a0000 тенге в одну сторону.\n\nМилан станет седьмым городом.\n\nРанее сообщалось о Риме.")
    new = ("Рейсы будут выполняться два раза в неделю.\n\nМилан станет восьмым городом.\n\nСтоимость "
           "билетов в эконом-классе начинается от 165 000 тенге в одну сторону, включая сборы.")
    quote = "Стоимость билетов в эконом-классе начинается от 180\u00a0000 тенге в одну сторону"
    placement = place(old, new, quote)
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == quote.replace("180\u00a0000", "165 000")
    # Another fare in the same words is another claim.
    other = new.replace("в эконом-классе", "в бизнес-классе")
    assert place(old, other, quote).state is AnchorState.ORPHANED


def test_a_whole_line_that_gained_words_is_found_by_the_unchanged_line_after_it_and_queued():
    old = "EU releases €500,000 in aid\n\nBrussels, 12 April 2024\n\nThe European Union has released aid."
    new = ("EU increases aid to €800,000\n\nBrussels, 12 April 2024 (updated 19 April 2024)\n\n"
           "The European Union has released aid.")
    placement = place(old, new, "Brussels, 12 April 2024")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "Brussels, 12 April 2024"
    # Nothing after it stands as it stood: not recognised.
    rewritten = new.replace("The European Union has released aid.", "Floods displaced thousands.")
    assert place(old, rewritten, "Brussels, 12 April 2024").state is AnchorState.ORPHANED


def test_words_inserted_inside_a_short_quote_are_accepted_only_where_its_surroundings_confirm_it():
    old = ("The agreement entered into force in 2020.\n\nIn 2022 the two sides signed a memorandum on "
           "raw materials, batteries and renewable hydrogen.\n\nTrade grew by a third.")
    new = ("Trade grew by a third.\n\nThe agreement entered into force in 2020.\n\nIn November 2022 the "
           "two sides signed a memorandum on raw materials, batteries and renewable hydrogen.")
    placement = place(old, new, "In 2022")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "In November 2022"
    # The same words with others between them in a sentence that is not the old one: not the evidence.
    replaced = new.replace("the two sides signed a memorandum on raw materials, batteries and renewable hydrogen",
                           "a delegation visited Brussels to discuss visas")
    assert place(old, replaced, "In 2022").state is AnchorState.ORPHANED
    # Words of its old context between the quote's words mean a word was lost, not inserted.
    old_context = ("Its chairmanship of the Organization for Security and Co-operation in Europe (OSCE) in 2010 "
                   "underlined its growing role.")
    lost = old_context.replace("(OSCE) in 2010", "(OSCE) 2010")
    kept = place(old_context, lost, "in 2010")
    assert not kept.anchored or lost[kept.start:kept.end] == "2010"


def test_russian_and_kazakh_words_inflected_alongside_an_insertion_are_the_same_words():
    old = ("Торговля с Италией выросла на треть.\n\nВ 2019 году стороны открыли консульство в Милане. "
           "Оно выдает визы жителям Ломбардии.\n\nОбе стороны довольны итогами.")
    new = ("Торговля с Италией выросла на треть.\n\nВ марте 2019 года стороны открыли консульство в Милане. "
           "Оно выдает визы жителям Ломбардии.\n\nОбе стороны довольны итогами.")
    placement = place(old, new, "В 2019 году")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "В марте 2019 года"
    kazakh_old = "Жоба Маңғыстау облысында іске асады. Құрылыс 2027 жылы басталады. Оған үкімет қаржы бөледі."
    kazakh_new = ("Жоба Маңғыстау облысында іске асады. Құрылыс 2027 жылдың көктемінде басталады. "
                  "Оған үкімет қаржы бөледі.")
    placement = place(kazakh_old, kazakh_new, "Құрылыс 2027 жылы басталады.")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert kazakh_new[placement.start:placement.end] == "Құрылыс 2027 жылдың көктемінде басталады."
    # Words sharing only their first letters, or differing by more than an ending, are other words.
    assert same_stem("году", "года") and same_stem("жылы", "жылдың") and same_stem("Казахстан", "Казахстана")
    assert not same_stem("министр", "министерство") and not same_stem("мен", "менің")
    assert not same_stem("басталады", "басталмайды") and not same_stem("trade", "trader")
    # Its sentence cut, and the inflected words said in a new sentence among other neighbours: gone.
    cut = ("Торговля с Италией выросла на треть.\n\nОбе стороны довольны итогами.\n\nАрхив пополнился: "
           "в мае 2019 года музей получил коллекцию монет.")
    assert place(old, cut, "В 2019 году").state is AnchorState.ORPHANED


def test_a_figure_added_or_removed_beside_a_placed_quote_flags_it_and_it_waits_for_a_curator():
    old = ("Ministers met in Brussels on Monday. The trade forum will be held in Almaty. "
           "Visa questions were left for later.\n\nThe delegation flew home.")
    added = ("The delegation flew home. Ministers met in Brussels on Monday. The trade forum will be held in "
             "Almaty in 2026. Visa questions were left for later.")
    placement = place(old, added, "The trade forum will be held in Almaty.")
    assert added[placement.start:placement.end].startswith("The trade forum will be held in Almaty")
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    removed_old = "Talks went on. The forum of 2025 opens in Almaty. Nobody objected."
    removed_new = "Nobody objected. Talks went on. The forum opens in Almaty."
    placement = place(removed_old, removed_new, "opens in Almaty")
    assert placement.anchored and placement.number_changed
    # A figure in the next clause or sentence is not beside the quote: nothing to flag.
    apart = ("Ministers met in Brussels on Monday. The trade forum will be held in Almaty, the organisers said "
             "on 3 May. Visa questions were left for later.\n\nThe delegation flew home.")
    placement = place(old, apart, "Ministers met in Brussels on Monday.")
    assert placement.anchored and not placement.number_changed


def test_a_short_quote_moved_within_its_rearranged_sentence_is_known_by_the_sentence_and_waits():
    old = ("The ministry opened a new office.\n\nExports of wheat to Italy doubled in 2023, the customs "
           "service reported. Flour mills expanded.\n\nA trade fair followed.")
    new = ("A trade fair followed.\n\nThe customs service reported that exports of wheat to Italy doubled "
           "in 2023. Flour mills expanded too.\n\nThe ministry opened a new office.")
    placement = place(old, new, "the customs service reported")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end].lower() == "the customs service reported"
    # The same words in a sentence about something else (or with another figure): not the evidence.
    other = new.replace("exports of wheat to Italy doubled in 2023", "imports of cars from Korea fell in 2023")
    assert place(old, other, "the customs service reported").state is AnchorState.ORPHANED
    corrected = new.replace("doubled in 2023", "doubled in 2022")
    assert place(old, corrected, "the customs service reported").state is AnchorState.ORPHANED


def test_a_clause_turned_round_is_found_where_its_surroundings_agree_and_waits_for_a_curator():
    old = ("Kazakhstan reformed its universities after independence. The Bologna Process was joined by "
           "Kazakhstan in 2010, making it the first Central Asian member of the European Higher Education "
           "Area. The reform introduced three cycles of degrees.")
    new = ("Kazakhstan reformed its universities after independence. In 2010 Kazakhstan joined the Bologna "
           "Process, becoming the first Central Asian member of the European Higher Education Area. The "
           "reform introduced three cycles of degrees.")
    placement = place(old, new, "The Bologna Process was joined by Kazakhstan in 2010")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "In 2010 Kazakhstan joined the Bologna Process"
    # The same words in a sentence that replaced it and says something else: surroundings disagree.
    replaced = ("Kazakhstan reformed its universities after independence. Critics of the Bologna Process "
                "said Kazakhstan joined in 2010 too early, before its laws were ready.")
    assert place(old, replaced, "The Bologna Process was joined by Kazakhstan in 2010").state is AnchorState.ORPHANED


@pytest.mark.parametrize("seeds", [(1, 2, 3, 4, 5)])
def test_adversarial_revisions_misplace_nothing(seeds):
    """Repeated phrases, cut sentences whose words recur (elsewhere and in place), changed figures
    (also quoted by a correction note), other figures in the same words, and typography."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "adversarial_reanchor.py"
    spec = importlib.util.spec_from_file_location("adversarial_reanchor", path)
    adversarial = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = adversarial
    spec.loader.exec_module(adversarial)
    outcomes = adversarial.run(seeds=seeds)
    assert sum(o.quotes for o in outcomes.values()) > 900
    assert {case: o.misplaced for case, o in outcomes.items() if o.misplaced} == {}
    assert {case: o.figure_changes_unflagged for case, o in outcomes.items() if o.figure_changes_unflagged} == {}
    right = sum(o.right for o in outcomes.values()) / sum(o.quotes for o in outcomes.values())
    assert right >= 0.97


# -- figures and dates written in words (held-out round 10) ---------------------------------------


def test_a_period_written_in_words_that_changed_is_a_changed_figure():
    old = "Article 5\n\nThe Agreement shall cease to apply twelve months after the date of receipt of the notice.\n"
    new = "Article 4\n\nThe Agreement shall cease to apply six months after the date of receipt of the notice.\n"
    placement = place(old, new, "twelve months after the date of receipt of the notice")
    assert new[placement.start:placement.end] == "six months after the date of receipt of the notice"
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    assert numbers_changed("in April 2026", "in May 2026") and numbers_changed("күзде", "қазан айында")
    assert not numbers_changed("twelve months", "12 months")
    assert not numbers_changed("you may say", "you may write")


def test_a_date_said_more_precisely_is_placed_between_its_old_words_and_flagged():
    old = ("The Parties agreed to hold the next Human Rights Dialogue in Astana in autumn 2025.\n\n"
           "Diplomatic relations were established in 1993. The Delegation opened in Almaty in 1994.\n")
    new = ("Diplomatic relations were established on 2 February 1993.[3] The Delegation opened in Almaty in 1994.\n\n"
           "The Parties agreed to hold the next Human Rights Dialogue in Astana on 20 October 2025.\n")
    for quote, wanted in (("in autumn 2025", "on 20 October 2025"), ("in 1993", "on 2 February 1993")):
        placement = place(old, new, quote)
        assert new[placement.start:placement.end] == wanted
        assert placement.state is AnchorState.FUZZY and placement.number_changed and placement.score < 0.9
    # A date whose year changed is not the same date said more precisely: orphaned.
    cut = new.replace("on 20 October 2025", "on 20 October 2026")
    assert place(old, cut, "in autumn 2025").state is AnchorState.ORPHANED


def test_a_long_quote_whose_only_changes_are_figures_is_placed_however_its_paragraph_moved():
    old = ("Trade\n\nIn 2023, the EU accounted for 29% of Kazakhstan's total trade. Oil and gas make up about 80% of "
           "Kazakh exports to the EU.\n\nUranium\n\nKazakhstan is a major supplier of uranium to the EU.\n")
    new = ("Uranium\n\nKazakhstan is a major supplier of uranium to the EU.\n\nIn 2024, the EU accounted for 31.5% of "
           "Kazakhstan’s total trade and about 40% of foreign direct investment into the country.[6] Oil and gas make "
           "up about 80% of Kazakh exports to the EU.\n")
    placement = place(old, new, "In 2023, the EU accounted for 29% of Kazakhstan's total trade")
    assert new[placement.start:placement.end] == "In 2024, the EU accounted for 31.5% of Kazakhstan’s total trade"
    assert placement.number_changed
    figure = place(old, new, "29%")
    assert new[figure.start:figure.end] == "31.5%" and figure.number_changed
    # Another statistic in other words is not the claim.
    other = new.replace("of Kazakhstan’s total trade", "of Kazakhstan’s oil imports")
    moved = place(old, other, "In 2023, the EU accounted for 29% of Kazakhstan's total trade")
    assert moved.state is AnchorState.ORPHANED


# -- held-out round 11 -------------------------------------------------------------------------------


def test_a_phrase_whose_sentence_was_cut_does_not_move_onto_a_new_sentence_about_something_else():
    old = ("Freight volumes reached 4.1 million tonnes in 2025. Shipping companies have complained about delays "
           "at the port of Aktau. The minister said KTZ would hire new staff.\n\nThe package is part of the "
           "Global Gateway strategy.\n")
    new = ("Freight volumes reached 4.3 million tonnes in 2025. The minister said KTZ would hire new staff.\n\n"
           "Delays at the port of Aktau have fallen by half since January, a spokesman for the port operator said "
           "on Friday.\n\nThe package is part of the Global Gateway strategy.\n")
    assert place(old, new, "delays at the port of Aktau").state is AnchorState.ORPHANED
    # The same phrase in its own sentence, moved with a few words of it around, is still found.
    moved = ("The package is part of the Global Gateway strategy.\n\nShipping companies have complained "
             "about delays at the port of Aktau again.\n")
    placement = place(old, moved, "delays at the port of Aktau")
    assert placement.anchored and moved[placement.start:placement.end] == "delays at the port of Aktau"


def test_last_years_figure_kept_in_brackets_beside_this_years_is_not_a_corrected_figure():
    old = ("Торгово-экономическое сотрудничество\n\nЕС является крупнейшим торговым партнером Казахстана. "
           "По итогам 2024 года товарооборот составил 48,8 млрд долларов США. На долю ЕС приходится около 50% "
           "инвестиций.\n")
    new = ("Торгово-экономическое сотрудничество\n\nЕС является крупнейшим торговым партнером Казахстана. "
           "По итогам 2025 года товарооборот составил 49,1 млрд долларов США (в 2024 году – 48,8 млрд долларов "
           "США). На долю ЕС приходится около 50% инвестиций.\n")
    sentence = place(old, new, "По итогам 2024 года товарооборот составил 48,8 млрд долларов США.")
    assert sentence.state is AnchorState.ORPHANED  # two claims there now; never the new figure as the old
    figure = place(old, new, "48,8 млрд долларов США")
    assert figure.anchored and new[figure.start:figure.end] == "48,8 млрд долларов США"
    assert needs_review(figure.state, figure.score, figure.number_changed)
    # A figure corrected in place is still a corrected figure.
    corrected = old.replace("48,8", "49,1")
    placement = place(old, corrected, "48,8 млрд долларов США")
    assert corrected[placement.start:placement.end] == "49,1 млрд долларов США" and placement.number_changed


def test_a_number_written_another_way_is_the_same_figure():
    for before, after in (("1,200", "1\u202f200"), ("1 200 специалистов", "1,2\u00a0тыс. специалистов"),
                          ("1 200-ге жуық", "1,2 мыңға жуық"), ("150 тыс. виз", "150\u00a0000 виз"),
                          ("EUR 12,500,000", "EUR 12.5 million"), ("48,8 млрд", "48.8 млрд")):
        assert not numbers_changed(before, after), (before, after)
    for before, after in (("1,200", "1,300"), ("1,2 тыс.", "1,2 млн"), ("1.5", "15")):
        assert numbers_changed(before, after), (before, after)
    old = ("Under Erasmus+, about 1,200 students study in Europe each year. Kazakh universities took part in 66 "
           "projects, worth EUR 12,500,000 in total. The National Office in Astana advises applicants.\n")
    new = old.replace("EUR 12,500,000", "€12.5 million")
    placement = place(old, new, "worth EUR 12,500,000 in total")
    assert new[placement.start:placement.end] == "worth €12.5 million in total" and not placement.number_changed
    # Another currency is an edit of the claim: never a certain placement.
    other = old.replace("EUR 12,500,000", "$12.5 million")
    edited = place(old, other, "worth EUR 12,500,000 in total")
    assert not edited.anchored or needs_review(edited.state, edited.score, edited.number_changed)


def test_a_drafts_placeholder_filled_in_is_placed_flagged_and_waits_for_a_curator():
    old = ("DRAFT\n\nJoint Press Statement following the High-Level Dialogue on Energy\n\nBrussels, [date] 2026\n\n"
           "The Parties held the third High-Level Dialogue on Energy.\n")
    new = ("Joint Press Statement following the High-Level Dialogue on Energy\n\nBrussels, 18 May 2026\n\n"
           "The Parties held the third High-Level Dialogue on Energy in Brussels on 18 May 2026.\n")
    placement = place(old, new, "Brussels, [date] 2026")
    assert new[placement.start:placement.end] == "Brussels, 18 May 2026"
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    kazakh_old = "ЖОБА\n\nКеңестің [нөмірі] отырысының қорытындысы бойынша хабарлама\n\nБрюссель, [күні]\n\n1. Кеңес.\n"
    kazakh_new = "Кеңестің 21-отырысының қорытындысы бойынша хабарлама\n\nБрюссель, 2025 жылғы 14 сәуір\n\n1. Кеңес.\n"
    for quote, wanted in (("[нөмірі] отырысының", "21-отырысының"), ("Брюссель, [күні]", "Брюссель, 2025 жылғы 14 сәуір")):
        placement = place(kazakh_old, kazakh_new, quote)
        assert kazakh_new[placement.start:placement.end] == wanted and placement.number_changed
    # Words written in without a figure are not what the placeholder stood for.
    wordy = new.replace("Brussels, 18 May 2026", "Brussels, venue to be confirmed, 2026")
    assert place(old, wordy, "Brussels, [date] 2026").state is AnchorState.ORPHANED


def test_a_reference_marker_after_a_full_stop_ends_the_sentence():
    """A wiki revision puts markers after full stops ("…in 2016.[4] Parts of it…"): the sentence ends
    there, markers and all, or a quote's sentence would run on into the next and be judged by its words."""
    from kzeu_desk.core.reanchor import _IndexedText

    text = _IndexedText("The agreement was ratified in 2016.[4][5] Parts of it applied from May. See [date] below.")
    start = text.text.index("ratified")
    assert text.sentence_around(start, start + 8) == "the agreement was ratified in 0000.[0][0]"
    assert text.ends_sentence(text.text.index(".[4]"))  # only the full stop and markers follow
    later = text.text.index("applied")
    assert text.sentence_around(later, later + 7) == "parts of it applied from may."
    # A draft's bracketed placeholder is no marker: it ends nothing.
    placeholder = text.text.index("[date]")
    assert text.sentence_around(placeholder, placeholder + 6) == "see [date] below."


def test_a_figure_is_placed_whole_never_the_digits_after_its_decimal_comma():
    old = ("Өткен жылы екі ел арасындағы сауда көлемі 12 млрд долларға жетті.[4] Бұл туралы министрлік "
           "хабарлады.")
    new = ("Биыл екі ел арасындағы сауда көлемі 13,6 млрд долларды құрады.[4] Бұл туралы министрлік "
           "хабарлады.")
    placement = place(old, new, "12 млрд долларға")
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == "13,6 млрд долларды"


def test_a_list_extended_with_its_conjunction_made_a_comma_is_placed_over_the_whole_list_and_waits():
    """"A мен B" -> "A, B және C": word for word the alignment ends sooner ("…шаруашылығы және
    цифрлық", two words "replaced") than at the quote's last word three words on."""
    old = ("Министрлер су ресурстары мен ауыл шаруашылығы саласындағы жобаларды қарады. Келесі отырыс "
           "мамырда өтеді.")
    new = ("Министрлер су ресурстары, ауыл шаруашылығы және цифрлық технологиялар саласындағы жобаларды "
           "қарады. Келесі отырыс мамырда өтеді.")
    placement = place(old, new, "су ресурстары мен ауыл шаруашылығы саласындағы жобаларды")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == (
        "су ресурстары, ауыл шаруашылығы және цифрлық технологиялар саласындағы жобаларды")


def test_a_sentence_joined_to_the_one_before_or_cut_in_two_keeps_its_evidence_and_waits():
    old = ("The conference took place in Astana on Tuesday. The conference was chaired by the Minister of "
           "Energy. Two panels followed.")
    joined = ("The conference took place in Astana on Tuesday, chaired by the Minister of Energy. Two panels "
              "followed.")
    placement = place(old, joined, "The conference was chaired by the Minister of Energy.")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert joined[placement.start:placement.end].startswith("chaired by the Minister of Energy")

    old = ("Officials met on Monday. Ministers discussed energy security and climate finance for the region."
           "\n\nThe next talks are due in May.")
    split = old.replace("energy security and climate", "energy security. They also discussed climate")
    placement = place(old, split, "climate finance for the region")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert split[placement.start:placement.end] == "climate finance for the region"
    split_ru = ("Министры встретились в понедельник. Стороны обсудили развитие транспортного коридора. "
                "Отдельно обсуждались инвестиции в порты Каспия.\n\nСледующая встреча пройдет в мае.")
    old_ru = ("Министры встретились в понедельник. Стороны обсудили развитие транспортного коридора и "
              "инвестиции в порты Каспия.\n\nСледующая встреча пройдет в мае.")
    placement = place(old_ru, split_ru, "инвестиции в порты Каспия")
    assert placement.state is AnchorState.FUZZY and split_ru[placement.start:placement.end] == "инвестиции в порты Каспия"
    # The rest of the sentence replaced by a new one that repeats the words is another claim.
    replaced = old.replace("energy security and climate", "energy security. Critics doubted climate")
    assert place(old, replaced, "climate finance for the region").state is AnchorState.ORPHANED
    replaced_ru = old_ru.replace("коридора и инвестиции", "коридора. Эксперты раскритиковали инвестиции")
    assert place(old_ru, replaced_ru, "инвестиции в порты Каспия").state is AnchorState.ORPHANED


def test_a_reference_marker_is_no_figure_of_the_claim():
    """"…two strands: grants…" split at the colon with a marker between ("strands.[4] They are grants…")
    changed no figure; read as a figure, the marker's 4 made the sentence a changed claim to be judged
    by its context, and it was orphaned."""
    old = ("The programme has two strands: grants for small firms and training for their staff.[2] It runs "
           "until 2027.")
    new = ("The programme has two strands.[4] They are grants for small firms and training for their staff. "
           "It runs until 2027.")
    placement = place(old, new, "The programme has two strands: grants for small firms and training for their staff.")
    assert placement.state is AnchorState.FUZZY and not placement.number_changed
    assert new[placement.start:placement.end] == (
        "The programme has two strands.[4] They are grants for small firms and training for their staff.")


def test_a_number_written_in_words_changed_is_the_same_claim_flagged():
    old = "The delegation arrived in Aktau for a four-day visit to the region. Talks began on Monday."
    new = old.replace("four-day", "three-day")
    placement = place(old, new, "four-day visit")
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == "three-day visit"


def test_a_russian_number_inside_a_compound_word_changed_is_the_same_claim_flagged():
    # "трехлетняя" is "three-year" in one word: held-out round 21 placed "трехлетнюю программу" on
    # "четырехлетнюю программу" at 0.90, neither flagged nor queued.
    old = ("Европейский союз профинансирует двухлетнюю программу подготовки таможенников. "
           "Обучение пройдут сотрудники шести областей.")
    new = old.replace("двухлетнюю", "пятилетнюю")
    placement = place(old, new, "двухлетнюю программу подготовки")
    assert new[placement.start:placement.end] == "пятилетнюю программу подготовки"
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    assert numbers_changed("трёхдневный визит", "четырехдневный визит")
    assert numbers_changed("двухсотлетие", "трехсотлетие") and numbers_changed("семинар", "двухдневный семинар")
    # The same number, or words that only open like one, are no change.
    assert not numbers_changed("пятилетний план", "пятилетнего плана")
    assert not numbers_changed("семинар в пятницу", "семинары в пятницу")
    assert not numbers_changed("три года", "трехлетний")


def test_a_name_swapped_for_another_is_another_claim_but_names_added_or_respelt_are_not():
    old = ("Most of the grants went to universities in Poland, Austria and Hungary last year. The rest funded "
           "schools.")
    quote = "Most of the grants went to universities in Poland, Austria and Hungary last year."
    # A one-word edit of a long quote would be a confident fuzzy match (0.92, not queued).
    swapped = old.replace("and Hungary", "and Portugal")
    assert place(old, swapped, quote).state is AnchorState.ORPHANED
    added = old.replace("Austria and Hungary", "Austria, Hungary and Czechia")
    placement = place(old, added, quote)
    assert placement.state is AnchorState.FUZZY
    assert added[placement.start:placement.end].endswith("Hungary and Czechia last year.")
    old = "The talks were chaired by Ambassador Tokaev in the capital. Two panels followed."
    respelt = old.replace("Tokaev", "Tokayev")
    placement = place(old, respelt, "The talks were chaired by Ambassador Tokaev in the capital.")
    assert placement.anchored and respelt[placement.start:placement.end].startswith("The talks were chaired")


def test_a_long_clause_whose_figure_changed_may_gain_one_word_but_not_lose_one():
    """The clause became a sentence of its own ("…, and that EU investment … exceeded $40 billion" ->
    "… EU investment … has exceeded $45 billion …, he added."): both its neighbours changed, yet every
    word of the claim stands in order with one word added. A word replaced is another claim."""
    old = ("The Minister noted that trade had grown, and that EU investment in the region's energy sector "
           "exceeded $40 billion since 2010. Officials from both sides welcomed the figures.")
    new = ("The Minister noted that trade had grown. EU investment in the region's energy sector has exceeded "
           "$45 billion since 2010, he added. Officials from both sides welcomed the figures.")
    quote = "EU investment in the region's energy sector exceeded $40 billion since 2010"
    placement = place(old, new, quote)
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == (
        "EU investment in the region's energy sector has exceeded $45 billion since 2010")
    assert place(old, new.replace("EU investment in", "EU trade in"), quote).state is AnchorState.ORPHANED


def test_a_corrected_figure_may_change_the_form_of_the_noun_it_counts():
    """The noun after a number agrees with it: "45 предприятий" corrected to "52 предприятия" is the
    same claim with another figure (flagged, queued), not another statistic; a note quoting the old
    figure does not take it, and another noun after the new figure is still another claim."""
    old = ("Форум прошел в Караганде 12 мая. На выставке свои разработки показали 45 предприятий из 9 "
           "регионов страны. Организаторы рассчитывают провести его снова через год.")
    new = ("Форум прошел в Караганде 12 мая. На выставке свои разработки показали 52 предприятия из 9 "
           "регионов страны. Организаторы рассчитывают провести его снова через год.\n\n"
           "Уточнение: ранее сообщалось о 45 предприятиях.")
    placement = place(old, new, "45 предприятий из 9 регионов")
    assert new[placement.start:placement.end] == "52 предприятия из 9 регионов"
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)
    assert place(old, new.replace("52 предприятия", "52 школы"), "45 предприятий из 9 регионов").state is (
        AnchorState.ORPHANED)
    old_en = "The two sides signed 1 agreement on water management during the visit, the ministry said."
    new_en = "The two sides signed 3 agreements on water management during the visit, the ministry said."
    placement = place(old_en, new_en, "1 agreement on water management")
    assert new_en[placement.start:placement.end] == "3 agreements on water management" and placement.number_changed
    assert place(old_en, new_en.replace("3 agreements", "3 tonnes"), "1 agreement on water management").state is (
        AnchorState.ORPHANED)


def test_a_short_quote_keeps_its_place_when_a_clause_is_inserted_beside_it_in_its_sentence():
    """A quotation given a second sentence before its attribution: the attribution's words stand as
    they stood, its prefix does not. Its whole sentence, word for word around the insertion, says it
    is the same passage (fuzzy, queued). An inserted figure is a new claim and is not taken."""
    old = ("The new terminal opened on Monday.\n\n"
           "“Aktau is the gateway to the Caspian”, said the port director. Cargo will start in June.")
    new = ("The new terminal opened on Monday.\n\n"
           "“Aktau is the gateway to the Caspian. We have waited a long time for this”, said the port director. "
           "Cargo will start in June.")
    placement = place(old, new, "said the port director")
    assert new[placement.start:placement.end] == "said the port director"
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    old_kk = "Жоба туралы келісімге қол қойылды, деп хабарлады министрлік баспасөз қызметі. Жұмыс наурызда басталады."
    new_kk = ("Жоба туралы келісімге қол қойылды, оның құны әлі белгісіз, деп хабарлады министрлік баспасөз "
              "қызметі. Жұмыс наурызда басталады.")
    placement = place(old_kk, new_kk, "деп хабарлады министрлік")
    assert new_kk[placement.start:placement.end] == "деп хабарлады министрлік"
    with_figure = new.replace("We have waited a long time for this", "We expect 5 million tonnes this year")
    assert place(old, with_figure, "said the port director").state is AnchorState.ORPHANED


def test_a_quote_beside_a_placeholder_filled_in_its_line_keeps_its_place():
    """A draft's dateline "Vienna, [date] 2026" made "Vienna, 24 September 2026": the place name's only
    context in its line was the placeholder. The line, its other words as they were and the
    placeholder written as a short figure, occurs once: placed, fuzzy, queued. Another city, or words
    without a figure where the placeholder stood, are not taken."""
    old = ("Joint press release on the second Energy Dialogue\n\nVienna, [date] 2026\n\n"
           "The Parties reviewed their cooperation on renewable energy.")
    new = ("Joint press release on the second Energy Dialogue\n\nVienna, 24 September 2026\n\n"
           "The Parties reviewed their cooperation on renewable energy and hydrogen.")
    placement = place(old, new, "Vienna")
    assert new[placement.start:placement.end] == "Vienna"
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert place(old, new.replace("Vienna, 24 September", "Graz, 24 September"), "Vienna").state is AnchorState.ORPHANED
    assert place(old, new.replace("24 September 2026", "Hofburg Palace 2026"), "Vienna").state is AnchorState.ORPHANED


def test_a_new_figure_beside_the_old_one_kept_in_its_sentence_is_not_the_old_one_corrected():
    old = ("Rail freight\n\nIn 2024 about 210,000 containers crossed the Dostyk border station. Most of them "
           "carried goods bound for Europe.\n")
    new = ("Rail freight\n\nIn 2025 about 260,000 containers crossed the Dostyk border station, against "
           "210,000 containers in 2024. Most of them carried goods bound for Europe.\n")
    # The sentence now states two years' figures; placed on this year's, a curator would read 260,000 as
    # 210,000 corrected.
    assert place(old, new, "In 2024 about 210,000 containers crossed the Dostyk border station.").state is (
        AnchorState.ORPHANED)
    figure = place(old, new, "210,000 containers")
    assert figure.anchored and new[figure.start:figure.end] == "210,000 containers"
    assert new[:figure.start].endswith("against ") and needs_review(figure.state, figure.score, figure.number_changed)
    # The old number kept beside but counting something else: the figure was corrected.
    old = "Imports\n\nIt supplied about 6% of the EU's uranium imports in 2023. Prices rose.\n"
    new = "Imports\n\nIt supplied about 9% of the EU's uranium imports in 2023, and about 6% of its zinc imports. Prices rose.\n"
    corrected = place(old, new, "about 6% of the EU's uranium imports")
    assert new[corrected.start:corrected.end] == "about 9% of the EU's uranium imports" and corrected.number_changed
    # A placement that left the year out replaced no figure: it stays.
    old = "Summit\n\nThe leaders met. The next summit will be held in 2027.\n"
    new = "Summit\n\nThe next summit will be held in Central Asia in 2027, the leaders said.\n"
    assert place(old, new, "The next summit will be held in 2027.").anchored


def test_a_figure_quoted_alone_with_its_currency_code_is_found_corrected_with_a_currency_sign():
    old = ("The European Union grants USD 2.3 million for water projects in Kyzylorda\n\nKYZYLORDA - The grant covers three "
           "irrigation canals.\n")
    new = ("The European Union grants $2.8 million for water projects in Kyzylorda\n\nKYZYLORDA — The grant covers three "
           "irrigation canals.\n\nCorrection: an earlier version said USD 2.3 million.\n")
    placement = place(old, new, "USD 2.3 million")
    assert new[placement.start:placement.end] == "$2.8 million" and placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)
    # Another currency is another figure.
    other = new.replace("$2.8 million", "€2.8 million")
    assert place(old, other, "USD 2.3 million").state is AnchorState.ORPHANED


def test_a_date_counted_from_the_texts_own_time_said_as_a_date_is_placed_flagged():
    old = ("Инвестиции\n\nПравительство обещает запустить единое окно для инвесторов в конце года. Сроки пока "
           "не названы.\n")
    new = ("Инвестиции\n\nПравительство обещает запустить единое окно для инвесторов до 1 декабря. «Нужна одна "
           "дверь», — сказал он.\n")
    placement = place(old, new, "в конце года")
    assert new[placement.start:placement.end] == "до 1 декабря" and placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)
    # Said otherwise but no more precisely (no day or month): not taken.
    vaguer = new.replace("до 1 декабря", "в ближайшее время")
    assert place(old, vaguer, "в конце года").state is AnchorState.ORPHANED
    old = "Plans\n\nThe ministry will open a single window for investors by the end of the year. No date was given.\n"
    new = "Plans\n\nThe ministry will open a single window for investors by 1 December. It said so on Monday.\n"
    placement = place(old, new, "by the end of the year")
    assert new[placement.start:placement.end] == "by 1 December" and placement.number_changed


def test_a_date_put_inside_a_kept_quote_is_placed_flagged_but_another_figure_is_not():
    old = ("Council\n\nThe ministers discussed transport and energy. The next meeting of the Council will take "
           "place in Brussels. The ministers also spoke about water.\n")
    new = ("Council\n\nThe ministers discussed transport and energy. The next meeting of the Council will take "
           "place in March 2027 in Brussels. The ministers also spoke about water.\n")
    quote = "The next meeting of the Council will take place in Brussels."
    placement = place(old, new, quote)
    assert new[placement.start:placement.end] == "The next meeting of the Council will take place in March 2027 in Brussels."
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    old = "Совет\n\nСтороны обсудили транспорт. Следующее заседание пройдет в Астане. Стороны говорили о воде.\n"
    new = "Совет\n\nСтороны обсудили транспорт. Следующее заседание пройдет осенью 2026 года в Астане. Стороны говорили о воде.\n"
    placement = place(old, new, "Следующее заседание пройдет в Астане.")
    assert new[placement.start:placement.end] == "Следующее заседание пройдет осенью 2026 года в Астане."
    assert placement.number_changed
    # A figure that is no date is another claim put into the sentence.
    other = new.replace("осенью 2026 года", "с участием 40 делегаций")
    assert place(old, other, "Следующее заседание пройдет в Астане.").state is AnchorState.ORPHANED


def test_a_quote_that_gained_a_short_note_in_brackets_after_it_keeps_its_place_and_waits():
    old = "Алматы, 12 мая 2026 года. Сегодня в Алматы открылся форум «ЕС – Центральная Азия».\n"
    new = "Алматы, 12 мая 2026 года (обновлено). Сегодня в Алматы открылся форум «ЕС – Центральная Азия».\n"
    placement = place(old, new, "12 мая 2026 года")
    assert new[placement.start:placement.end] == "12 мая 2026 года"
    assert needs_review(placement.state, placement.score, placement.number_changed)
    # A note giving a figure says something the quote did not: not this rule's to judge.
    dated = new.replace("(обновлено)", "(обновлено 13 мая)")
    placement = place(old, dated, "12 мая 2026 года")
    assert not placement.anchored or needs_review(placement.state, placement.score, placement.number_changed)


def test_last_years_figure_kept_in_a_sentence_of_its_own_is_not_taken_for_a_corrected_one():
    """A statistic moved on a year where last year's stood, last year's kept in the next sentence:
    "about 260 students" placed on 2026's "about 310 students" would read as a correction. The figure
    goes with its year (fuzzy, queued); a longer quote saying more than that sentence is orphaned."""
    old = ("Erasmus+\n\nIn 2025 about 260 students from Kazakhstan received grants for a semester in Europe, "
           "most of them in Germany.[3]\n\nHistory\n")
    new = ("Erasmus+\n\nIn 2026 about 310 students from Kazakhstan received grants for a semester in Europe, "
           "most of them in Germany.[3] In 2025 there were about 260 students.[4]\n\nHistory\n")
    placement = place(old, new, "about 260 students")
    assert new[placement.start:placement.end] == "about 260 students"
    assert needs_review(placement.state, placement.score, placement.number_changed)
    assert place(old, new, "about 260 students from Kazakhstan received grants").state is AnchorState.ORPHANED
    old_ru = "Торговля\n\nВ 2025 году товарооборот составил 48,8 млрд долларов. Основа экспорта — нефть.\n"
    new_ru = ("Торговля\n\nВ 2026 году товарооборот составил 51,3 млрд долларов. Годом ранее, в 2025 году, было "
              "48,8 млрд долларов. Основа экспорта — нефть.\n")
    placement = place(old_ru, new_ru, "48,8 млрд долларов")
    assert new_ru[placement.start:placement.end] == "48,8 млрд долларов" and new_ru[:placement.start].endswith("было ")
    # A figure corrected in a sentence that kept its year, a note after it repeating the old one:
    # the correction stands.
    old = "Grants\n\nIn 2025 about 260 students received grants. They study in Europe.\n"
    new = ("Grants\n\nIn 2025 about 290 students received grants. An earlier version said 260 students in 2025. "
           "They study in Europe.\n")
    corrected = place(old, new, "about 260 students")
    assert new[corrected.start:corrected.end] == "about 290 students" and corrected.number_changed


def test_an_attribution_after_a_quotation_trimmed_by_a_sentence_keeps_its_place_and_waits():
    """The attribution's sentence was the quotation's last one, now cut: its prefix is gone, but the
    quotation before it is word for word the old one's first sentences. Fuzzy, queued. A quotation
    reworded, or the attribution's own sentence changed after it, is not taken."""
    old = ("Энергетика\n\n«Мы открыты для европейских инвесторов в энергетике и водороде. Первые проекты "
           "начнутся уже в этом году», — отметил вице-министр энергетики.\n\nВстреча прошла в Астане.\n")
    new = ("Энергетика\n\n«Мы открыты для европейских инвесторов в энергетике и водороде», — отметил "
           "вице-министр энергетики.\n\nВстреча прошла в Астане.\n")
    placement = place(old, new, "отметил вице-министр энергетики")
    assert new[placement.start:placement.end] == "отметил вице-министр энергетики"
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    old_en = ('Trade\n\nThe forum opened in Almaty.\n\n"Our companies want to invest more here. We see Kazakhstan as '
              'a reliable partner for Europe," said the trade commissioner.\n\nTalks continue today.\n')
    new_en = ('Trade\n\nThe forum opened in Almaty.\n\n"Our companies want to invest more here," said the trade '
              'commissioner.\n\nTalks continue today.\n')
    placement = place(old_en, new_en, "said the trade commissioner")
    assert new_en[placement.start:placement.end] == "said the trade commissioner" and needs_review(
        placement.state, placement.score, False)
    reworded = new.replace("Мы открыты для европейских инвесторов", "Мы ждем европейских инвесторов")
    assert place(old, reworded, "отметил вице-министр энергетики").state is AnchorState.ORPHANED
    other_quotation = new_en.replace("Our companies want to invest more here", "Our companies will invest here")
    assert place(old_en, other_quotation, "said the trade commissioner").state is AnchorState.ORPHANED


def test_a_whole_sentence_continued_after_it_moved_or_ended_the_text_is_known_by_its_own_words():
    """A whole-sentence quote, full stop and all, now begins a longer sentence, with no neighbour left to
    vouch for it (it moved, or it was the last sentence): five or more words said once in each text
    recognise it; fuzzy, queued. Words added with a figure are another claim; a shorter sentence is not
    taken."""
    old = ("Water\n\nThe two sides discussed irrigation. The EU side praised the new water law. A grant of "
           "EUR 5 million was signed.\n\nThe working group will meet again in spring.\n")
    new = ("Water\n\nThe two sides discussed irrigation. A grant of EUR 5 million was signed. The EU side praised "
           "the new water law and offered training for engineers.\n\nThe working group will meet again in spring "
           "in Brussels.\n")
    for quote, expected in (("The EU side praised the new water law.", "The EU side praised the new water law"),
                            ("The working group will meet again in spring.",
                             "The working group will meet again in spring")):
        placement = place(old, new, quote)
        assert new[placement.start:placement.end] == expected
        assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    with_figure = new.replace("in spring in Brussels", "in spring with 40 experts")
    placement = place(old, with_figure, "The working group will meet again in spring.")
    assert not placement.anchored or placement.number_changed
    old_short = "Talks\n\nThe ministers met in Astana. Prices rose.\n"
    new_short = "Talks\n\nThe ministers met in Astana.\n\nPrices rose sharply after the talks.\n"
    assert place(old_short, new_short, "Prices rose.").state is AnchorState.ORPHANED


def test_a_clause_reworded_where_it_stood_is_placed_low_and_waits_but_a_phrase_in_another_claim_is_not():
    """Most of a clause's words kept in order, some inflected or made plural, a few replaced, its
    sentence otherwise as it was: placed on the reworded clause at a low score, always queued. The same
    words in a new sentence about something else (its own sentence cut) are not taken."""
    old = ("Transport\n\nThe study named the railway to Dostyk as a serious constraint on trade. Shipping times "
           "fell in 2025.\n")
    new = ("Transport\n\nThe study named the railways to Dostyk and Altynkol as the most serious constraints on "
           "trade. Shipping times fell in 2025.\n")
    placement = place(old, new, "named the railway to Dostyk as a serious constraint")
    assert new[placement.start:placement.end] == "named the railways to Dostyk and Altynkol as the most serious constraints"
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    old_ru = "Визы\n\nСтороны договорились ускорить работу над соглашением о реадмиссии. Встреча прошла в Брюсселе.\n"
    new_ru = ("Визы\n\nСтороны договорились завершить работу над соглашением о реадмиссии до лета. Встреча прошла "
              "в Брюсселе.\n")
    placement = place(old_ru, new_ru, "договорились ускорить работу над соглашением о реадмиссии")
    assert new_ru[placement.start:placement.end] == "договорились завершить работу над соглашением о реадмиссии"
    assert needs_review(placement.state, placement.score, placement.number_changed)
    # The sentence cut; its words recur in a new sentence saying something else.
    old = ("Transport\n\nShippers complained about the railway to Dostyk as a serious constraint. Volumes "
           "grew.\n\nOutlook\n\nThe corridor will expand.\n")
    new = ("Transport\n\nVolumes grew.\n\nOutlook\n\nThe corridor will expand, and the railway to Dostyk as a "
           "transit route will double its capacity by 2030.\n")
    assert place(old, new, "the railway to Dostyk as a serious constraint").state is AnchorState.ORPHANED


def test_a_whole_sentence_is_not_stretched_to_a_later_clause_ending_with_its_last_word():
    """A whole-sentence quote now continued by a clause that ends with the same word: the placement keeps
    to the quote's own words and does not reach for the sentence's end (it would be mostly the new clause)."""
    old = ("Trade\n\nTurnover grew by 3%. Most exports from Kazakhstan to the EU are oil and metals. Imports fell.\n")
    new = ("Trade\n\nTurnover grew by 3%. Most exports from Kazakhstan to the EU are oil and metals, while most imports "
           "from the EU are machinery and metals. Imports fell.\n")
    placement = place(old, new, "Most exports from Kazakhstan to the EU are oil and metals.")
    assert new[placement.start:placement.end] == "Most exports from Kazakhstan to the EU are oil and metals"
    assert placement.state is AnchorState.FUZZY


def test_a_quote_is_never_placed_on_its_own_words_inside_a_correction_note():
    """A correction note quotes the old words because they were wrong: a span found there is taken to
    the corrected passage outside the note (flagged, waiting for a curator) or orphaned, never moved
    there silently (the code before moved all three). A note the old text had already keeps its own
    evidence."""
    old = ("Solar parks\n\nThe parks are planned near Turkestan. Together they are expected to cost USD 310 "
           "million of public money by 2028.\n\nConstruction starts in May.\n")
    new = ("Solar parks to cost $340 million\n\nThe parks, planned near Turkestan, are expected to cost $340 "
           "million of public money by 2028, officials said.\n\nConstruction starts in May.\n\nAn earlier version "
           "of this article said the parks were expected to cost USD 310 million of public money.\n")
    placement = place(old, new, "USD 310 million")
    assert new[placement.start:placement.end] == "$340 million" and placement.number_changed
    assert placement.start < new.index("An earlier version")
    assert needs_review(placement.state, placement.score, placement.number_changed)
    cases = (
        ("Гранты\n\nПрограмма утверждена в марте. Всего на нее выделят 15 млн евро из бюджета ЕС.\n\nЗаявки "
         "принимаются до мая.\n",
         "ЕС выделит на гранты 18 млн евро\n\nПрограмма утверждена в марте.\n\nЗаявки принимаются до мая.\n\n"
         "Ранее сообщалось, что на программу выделят 15 млн евро из бюджета ЕС.\n",
         "15 млн евро", "Ранее сообщалось"),
        ("Сауда\n\nЕсеп наурызда жарияланды. Тоғыз айда тауар айналымы 31,2 млрд доллар деңгейінде болды.\n\n"
         "Өсім байқалады.\n",
         "Тауар айналымы 32,4 млрд доллар болды\n\nЕсеп наурызда жарияланды.\n\nӨсім байқалады.\n\nТүзету: "
         "хабарламаның алғашқы нұсқасында тоғыз айда тауар айналымы 31,2 млрд доллар деңгейінде болды деп қате "
         "көрсетілген.\n",
         "31,2 млрд доллар", "Түзету"),
    )
    for old, new, quote, opening in cases:
        placement = place(old, new, quote)
        assert placement.state is AnchorState.ORPHANED or (
            placement.start < new.index(opening)
            and needs_review(placement.state, placement.score, placement.number_changed)), quote
    # The note stood in the old text already: its words are its own evidence.
    old = new
    new = old.replace("Өсім байқалады.", "Өсім байқалады. Келесі есеп қаңтарда шығады.")
    placement = place(old, new, "31,2 млрд доллар")
    assert new[placement.start:placement.end] == "31,2 млрд доллар" and placement.state is not AnchorState.ORPHANED


def test_a_figure_quoted_with_its_currency_code_is_found_unchanged_behind_a_currency_sign():
    old = "Trade\n\nThe EU imported goods worth EUR 1.4 billion from the region last year. Most was metal.\n"
    new = "Trade\n\nThe EU imported goods worth €1.4 billion from the region last year. Most was metal.\n"
    placement = place(old, new, "EUR 1.4 billion")
    assert new[placement.start:placement.end] == "€1.4 billion" and not placement.number_changed


def test_last_years_share_kept_after_this_years_in_its_sentence_is_not_a_corrected_figure():
    """"In 2024 the share was about 7%." -> "In 2025 the share was about 9%, up from about 7% in 2024.":
    a percentage counts nothing a word could confirm, but last year's figure is dated by the old
    sentence's year beside the new one. The figure goes to its own copy (queued); the sentence, whose
    words were reworded round it, is orphaned rather than read as 7 corrected to 9. A correction that
    keeps its year is still a correction."""
    old = "Wind power\n\nThe plan targets 20% by 2035. In 2024 the share was about 7%.[2]\n\nHydropower\n\nDams.\n"
    new = ("Wind power\n\nThe plan targets 20% by 2035. In 2025 the share was about 9%, up from about 7% in "
           "2024.[3]\n\nHydropower\n\nDams.\n")
    figure = place(old, new, "about 7%")
    assert new[figure.start:figure.end] == "about 7%" and figure.start > new.index("about 9%")
    assert needs_review(figure.state, figure.score, figure.number_changed)
    assert place(old, new, "In 2024 the share was about 7%.").state is AnchorState.ORPHANED
    corrected = new.replace("In 2025 the share was about 9%, up from about 7% in 2024.", "In 2024 the share was about 8%.")
    placement = place(old, corrected, "about 7%")
    assert corrected[placement.start:placement.end] == "about 8%" and placement.number_changed


def test_an_edited_short_quote_in_a_sentence_replaced_by_one_ending_the_same_way_is_not_placed():
    """"Стороны также обсудили подготовку кадров для горнодобывающей отрасли." replaced in place by
    "Европейская сторона выделит грант на программу подготовки кадров для горнодобывающей отрасли.":
    the short quote, inflected, keeps its sentence's words on one side only. A short quote inflected in
    its own sentence, edited elsewhere, keeps its place."""
    old = ("Сырье\n\nСоглашение подписано в Астане. Стороны также обсудили подготовку кадров для горнодобывающей "
           "отрасли.\n\nНапомним, меморандум подписан в 2022 году.\n")
    new = ("Сырье\n\nСоглашение подписано в Астане. Европейская сторона выделит грант на программу подготовки "
           "кадров для горнодобывающей отрасли.\n\nНапомним, меморандум подписан в 2022 году.\n")
    assert place(old, new, "подготовку кадров").state is AnchorState.ORPHANED
    kept = new.replace("Европейская сторона выделит грант на программу подготовки",
                       "Стороны также кратко обсудили подготовку")
    placement = place(old, kept, "подготовку кадров")
    assert kept[placement.start:placement.end] == "подготовку кадров"


def test_a_last_word_whose_case_ending_moved_to_a_new_word_after_it_names_someone_else():
    """"… Бас хатшысымен" (with the Secretary General) -> "… Бас хатшысының орынбасарымен" (with the
    Secretary General's deputy): the quote's words stand, but they now qualify a new head noun that
    took the old ending. Orphaned, as a name swapped is; a last word inflected with the same next word
    after it is an edit."""
    old = ("Кездесу\n\nБрюссель, 3 наурыз. Министрдің орынбасары Еуропалық комиссияның Бас директорымен "
           "кездесті. Тараптар көлікті талқылады.\n")
    new = ("Кездесу\n\nБрюссель, 3 наурыз. Министрдің орынбасары Еуропалық комиссияның Бас директорының "
           "кеңесшісімен кездесті. Тараптар көлікті талқылады.\n")
    assert place(old, new, "Еуропалық комиссияның Бас директорымен").state is AnchorState.ORPHANED


def test_a_phrase_of_two_sentences_merged_into_one_keeps_its_place():
    """Two sentences of a paragraph merged into one: the phrase's new company comes from the sentence
    that stood next to its own, so it is the same passage. A new sentence about something else that
    repeats the phrase is still another claim."""
    old = ("Кабель\n\nАктау, 2 декабря. Казахстан и Азербайджан начали проект прокладки оптоволоконного кабеля "
           "по дну Каспийского моря на этой неделе. Европейский союз поддерживает его в рамках стратегии "
           "«Глобальный шлюз».\n\nДлина кабеля составит 380 км.\n")
    new = ("Кабель\n\nАктау, 2 декабря. Европейский союз в рамках стратегии «Глобальный шлюз» выделит 20 млн "
           "евро на прокладку оптоволоконного кабеля по дну Каспийского моря. Проект ведут Казахстан и "
           "Азербайджан.\n\nДлина кабеля составит 380 км.\n")
    quote = "оптоволоконного кабеля по дну Каспийского моря"
    placement = place(old, new, quote)
    assert new[placement.start:placement.end] == quote
    other = new.replace("Европейский союз в рамках стратегии «Глобальный шлюз» выделит 20 млн евро на прокладку",
                        "Рыбаки Атырау опасаются шума от судов, которые будут вести прокладку")
    assert place(old, other, quote).state is AnchorState.ORPHANED


def test_a_speaker_after_the_verb_of_a_trimmed_quotation_keeps_its_place_and_waits():
    """The attribution's quote may name only the speaker, after its verb ("», — деді Цифрлық даму
    министрі"): the quotation before it, trimmed by its last sentence, still vouches. Fuzzy, queued."""
    old = ("Связь\n\n\"Этот кабель станет цифровым мостом между Центральной Азией и Европой. Мы в разы ускорим "
           "интернет\", - заявил министр цифрового развития.\n\nСтроительство завершится в 2028 году.\n")
    new = ("Связь\n\n«Этот кабель станет цифровым мостом между Центральной Азией и Европой», — заявил министр "
           "цифрового развития.\n\nСтроительство завершится в 2028 году.\n")
    placement = place(old, new, "министр цифрового развития")
    assert new[placement.start:placement.end] == "министр цифрового развития"
    assert needs_review(placement.state, placement.score, placement.number_changed)
    reworded = new.replace("Этот кабель станет цифровым мостом", "Кабель соединит")
    assert place(old, reworded, "министр цифрового развития").state is AnchorState.ORPHANED


def test_a_placeholder_filled_with_a_number_in_words_is_flagged_and_waits():
    """"[номер]-й диалог" -> "третий диалог": the slot is filled by an ordinal in words, which no figure
    rule reads, but a placeholder filled is a figure where there was none."""
    old = ("Проект\n\nСовместное заявление\n\nСтороны провели [номер]-й диалог высокого уровня по транспорту в "
           "Астане. Обсуждались грузовые перевозки.\n")
    new = ("Совместное заявление\n\nСтороны провели третий диалог высокого уровня по транспорту в Астане. "
           "Обсуждались грузовые перевозки и порты.\n")
    placement = place(old, new, "Стороны провели [номер]-й диалог высокого уровня по транспорту")
    assert new[placement.start:placement.end] == "Стороны провели третий диалог высокого уровня по транспорту"
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)


def test_a_short_quote_opening_a_sentence_that_lost_a_hedge_keeps_its_place_after_its_kept_neighbour():
    """An interview edited for print: "И, знаете, это не только нефть." -> "И это не только нефть, но и
    металлы." The sentence before stands word for word; the opening only lost words. Fuzzy, queued. A
    sentence before it that changed, or an opening that gained words, is not taken."""
    old = ("— Как идут дела?\n\n— Ну, я бы сказал, хорошо. ЕС остается крупнейшим торговым партнером Казахстана "
           "в этом году. И, знаете, это не только нефть.\n\n— Что дальше?\n")
    new = ("— Как идут дела?\n\n— Хорошо. ЕС остается крупнейшим торговым партнером Казахстана в этом году. И это "
           "не только нефть, но и металлы, зерно, услуги.\n\n— Что дальше?\n")
    placement = place(old, new, "это не только нефть")
    assert new[placement.start:placement.end] == "это не только нефть"
    assert needs_review(placement.state, placement.score, placement.number_changed)
    changed = new.replace("ЕС остается крупнейшим торговым партнером", "Китай догоняет ЕС как партнер")
    assert place(old, changed, "это не только нефть").state is AnchorState.ORPHANED
    gained = new.replace("И это не только нефть", "Впрочем, и Китай говорит, что это не только нефть")
    assert place(old, gained, "это не только нефть").state is AnchorState.ORPHANED


def test_a_lede_rewritten_around_a_new_figure_is_placed_low_flagged_and_waits():
    """The lede keeps most of its words in order and gains a sum: placed at 0.75 on the new lede,
    flagged "number changed", queued. A lede that lost its own figure is not taken."""
    old = ("Grid deal\n\nASTANA, 5 May - The European Union and Kazakhstan agreed on Monday to modernise three regional "
           "power grids, including a line to the Aral Sea region, officials said.\n\nWork starts in June.\n")
    new = ("Grid deal worth €300 million\n\nASTANA, 5 May — The European Union and Kazakhstan on Monday chose three "
           "regional power grids to be modernised with €300 million of loans, including a line to the Aral Sea "
           "region, officials said.\n\nWork starts in June.\n")
    quote = ("The European Union and Kazakhstan agreed on Monday to modernise three regional power grids, including "
             "a line to the Aral Sea region, officials said.")
    placement = place(old, new, quote)
    assert new[placement.start:placement.end].startswith("The European Union and Kazakhstan on Monday chose")
    assert new[placement.start:placement.end].endswith("officials said")
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    lost = (old.replace("on Monday", "on 4 May"), new.replace("on Monday", "on 6 May"))
    assert place(*lost, quote.replace("on Monday", "on 4 May")).state is AnchorState.ORPHANED


def test_a_sentence_joined_into_its_neighbour_keeps_only_the_words_it_brought_and_waits():
    """Two sentences joined into one that says both: the approximate match of the second spread over
    the first's words (its object, even its subject and verb), which are the first's evidence; the
    second now stands only in the words it brought in, placed fuzzy below 0.9 and queued."""
    before = "The Parties will cooperate on vocational training.\n\n"
    after = "\n\nThe memorandum enters into force on signature.\n"
    for old, new, quote, kept in (
            ("Each year the Parties hold a meeting of the working group. The meeting of the working group is held "
             "in Astana or Turin.", "Each year the Parties hold a meeting of the working group in Astana or Turin.",
             "The meeting of the working group is held in Astana or Turin.", "in Astana or Turin"),
            ("The Parties shall convene the joint committee annually. The joint committee shall convene alternately "
             "in Astana and Brussels.", "The Parties shall convene the joint committee annually, alternately in "
             "Astana and Brussels.", "The joint committee shall convene alternately in Astana and Brussels.",
             "alternately in Astana and Brussels"),
            ("Стороны ежегодно проводят заседание рабочей группы. Заседание рабочей группы проходит поочередно в "
             "Астане и Брюсселе.", "Стороны ежегодно проводят заседание рабочей группы поочередно в Астане и "
             "Брюсселе.", "Заседание рабочей группы проходит поочередно в Астане и Брюсселе.",
             "поочередно в Астане и Брюсселе")):
        placement = place(before + old + after, before + new + after, quote)
        assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
        assert (before + new + after)[placement.start:placement.end] == kept
    # Joined after its neighbour with its own words intact, it keeps them (as before).
    old = ("The conference took place in Astana on Tuesday. The conference was chaired by the Minister of "
           "Energy. Two panels followed.")
    joined = ("The conference took place in Astana on Tuesday, chaired by the Minister of Energy. Two panels "
              "followed.")
    placement = place(old, joined, "The conference was chaired by the Minister of Energy.")
    assert joined[placement.start:placement.end].startswith("chaired by the Minister of Energy")


def test_a_short_quote_in_an_answer_edited_for_print_is_placed_low_and_waits():
    """An answer's hedges cut and its sentences trimmed: the quote's neighbours changed on both sides,
    but the new sentence around it brought no words the old answer did not have. Placed fuzzy, below
    0.9, queued; a sentence cut whose words come back in a new sentence with words of its own is not."""
    old = ("Q: Where do the students come from?\n\nA: Well, mostly from Almaty and Shymkent, to be honest. "
           "But rural schools are catching up. I think rural schools sent a fifth of last year's intake.\n\n"
           "Q: And the teachers?\n\nA: Honestly, we need two kinds. First, lab assistants for new "
           "courses. Second, mentors from European universities.\n")
    new = ("Where do the students come from?\n\nMostly from Almaty and Shymkent. But rural schools are "
           "catching up: they sent a fifth of last year's intake.\n\nAnd the teachers?\n\nTwo kinds. "
           "First, mentors from European universities. Second, lab assistants for new courses.\n")
    for quote in ("mostly from Almaty and Shymkent", "two kinds", "lab assistants for new courses"):
        placement = place(old, new, quote)
        assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False), quote
        assert new[placement.start:placement.end].lower() == quote.lower()
    old_kk = ("Тараптар мынадай бағыттар бойынша ынтымақтасады:\n- кәсіптік оқыту;\n- цифрлық дағдылар;\n"
              "- жасыл энергетика саласындағы мамандықтар.\n\nМеморандум бес жыл қолданылады.\n")
    new_kk = ("Тараптар мынадай бағыттар бойынша ынтымақтасады:\n- жасыл энергетика саласындағы мамандықтар;\n"
              "- оқытушылардың біліктілігі;\n- кәсіптік оқыту.\n\nМеморандум бес жыл қолданылады.\n")
    placement = place(old_kk, new_kk, "жасыл энергетика саласындағы мамандықтар")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new_kk[placement.start:placement.end] == "жасыл энергетика саласындағы мамандықтар"
    # The sentence cut; its words come back in a new sentence that says something else.
    cut = new.replace("Mostly from Almaty and Shymkent.", "Next year applicants mostly from Almaty and Shymkent "
                      "will need an entrance test.")
    assert place(old, cut, "mostly from Almaty and Shymkent").state is AnchorState.ORPHANED


def test_a_short_item_of_a_reordered_list_is_placed_low_and_waits():
    """A list set out line by line, reordered and its markers relettered: a short item lost both of its
    neighbours and its marker, so nothing around it agrees, yet the same item stands once in the same
    list (its other items kept). Placed fuzzy below 0.9, queued. The same words as an item of another
    list, or an item cut from its list, are not taken."""
    old = ("Priority areas:\n(a) customs data exchange;\n(b) seed certification;\n(c) border veterinary "
           "posts;\n(d) water metering.\n\nThe plan runs to 2030.\n")
    new = ("Priority areas:\n(a) water metering;\n(b) customs data exchange;\n(c) border veterinary posts;\n"
           "(d) seed certification.\n\nThe plan runs to 2030.\n")
    for quote in ("seed certification", "water metering"):
        placement = place(old, new, quote)
        assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False), quote
        assert new[placement.start:placement.end] == quote
    old_ru = ("Стороны определили направления:\n- цифровизация таможни;\n- сертификация семян;\n"
              "- учет воды.\n\nПлан рассчитан до 2030 года.\n")
    new_ru = ("Стороны определили направления:\n- учет воды;\n- цифровизация таможни;\n- сертификация семян.\n\n"
              "План рассчитан до 2030 года.\n")
    placement = place(old_ru, new_ru, "учет воды")
    assert placement.state is AnchorState.FUZZY and new_ru[placement.start:placement.end] == "учет воды"
    # The item cut from its list, its words an item of another list now: orphaned.
    other_list = ("Priority areas:\n(a) customs data exchange;\n(b) border veterinary posts;\n(c) water "
                  "metering.\n\nFunded separately:\n- laboratory equipment;\n- seed certification.\n\n"
                  "The plan runs to 2030.\n")
    assert place(old, other_list, "seed certification").state is AnchorState.ORPHANED


def test_a_choice_settled_in_the_final_text_is_flagged_and_waits():
    """A draft offers options in brackets; the final text keeps one of them between the same words.
    Placed on the chosen option, flagged "number changed" (the claim now says one thing), fuzzy, queued.
    Where the words around it changed too, nothing is placed."""
    old = ("1. The committee will meet [every quarter / twice a year] in Astana or Brussels.\n\n"
           "2. The secretariat will report to it.\n")
    new = ("1. The committee will meet twice a year in Astana or Brussels.\n\n"
           "2. The secretariat will report to it.\n")
    placement = place(old, new, "[every quarter / twice a year]")
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == "twice a year"
    placement = place(old, new, "meet [every quarter / twice a year] in Astana")
    assert new[placement.start:placement.end] == "meet twice a year in Astana" and placement.number_changed
    old_ru = "Встреча пройдет в [Астане/Брюсселе] в марте.\n"
    new_ru = "Встреча пройдет в Брюсселе в марте.\n"
    placement = place(old_ru, new_ru, "[Астане/Брюсселе]")
    assert new_ru[placement.start:placement.end] == "Брюсселе" and needs_review(
        placement.state, placement.score, placement.number_changed)
    # Another sentence altogether where the choice stood.
    cut = ("1. The secretariat will meet twice a year with the donors.\n\n2. The secretariat will report to "
           "the committee.\n")
    assert place(old, cut, "[every quarter / twice a year]").state is AnchorState.ORPHANED


def test_a_changed_figure_whose_case_ending_changed_with_it_is_flagged_and_waits():
    """A Kazakh figure carries its case ending after a hyphen, and a new number takes another one
    ("3 000-нан" -> "3 400-ден", from, by vowel harmony): the ending counts nothing, the noun after it
    does. Placed, flagged "number changed", queued; a figure counting something else is not."""
    old = ("Жоба үш облыста жүзеге асырылады. Оның айтуынша, бағдарламаға 3 000-нан астам мұғалім "
           "қатысады. Келесі кезең 2028 жылы басталады.\n")
    new = ("Жоба үш облыста жүзеге асырылады. Оның айтуынша, бағдарламаға 3 400-ден астам мұғалім "
           "қатысады. Келесі кезең 2028 жылы басталады.\n")
    placement = place(old, new, "3 000-нан астам мұғалім")
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert new[placement.start:placement.end] == "3 400-ден астам мұғалім"
    other = new.replace("3 400-ден астам мұғалім", "3 400-ден астам мектеп")
    assert place(old, other, "3 000-нан астам мұғалім").state is AnchorState.ORPHANED


def test_an_attribution_after_an_extended_quotation_keeps_its_place_and_waits():
    """A quotation given a second sentence before its attribution, the sentence after it edited: the
    attribution's prefix is new words and its suffix changed, but the old quotation stands whole at the
    new one's start. Placed fuzzy, queued ("ол үшін", for that, is no figure). A figure in the added
    sentence is a new claim: not taken."""
    old = ("ЕО жобасы екі жылға есептелген. Бұл туралы ЕО өкілдігі хабарлады.\n\n\"Біз жергілікті "
           "өндірушілерге Еуропа нарығына шығуға көмектесеміз\", - деді ЕО өкілдігінің басшысы. Оның "
           "айтуынша, жобаға 300-ден астам кәсіпорын қатысады.\n")
    new = ("ЕО жобасы екі жылға есептелген. Бұл туралы ЕО өкілдігі хабарлады.\n\n«Біз жергілікті "
           "өндірушілерге Еуропа нарығына шығуға көмектесеміз. Ол үшін алдымен сапа стандарттарына, қаптамаға және "
           "сертификаттауға назар аударамыз, содан кейін көрмелерге бірге барамыз», "
           "— деді ЕО өкілдігінің басшысы. Оның айтуынша, жобаға 350-ден астам кәсіпорын қатысады.\n")
    placement = place(old, new, "деді ЕО өкілдігінің басшысы")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "деді ЕО өкілдігінің басшысы"
    with_figure = new.replace("содан кейін көрмелерге", "2027 жылы бес көрмеге")
    assert place(old, with_figure, "деді ЕО өкілдігінің басшысы").state is AnchorState.ORPHANED


def test_a_short_sentence_reworded_between_its_kept_neighbours_is_placed_low_and_waits():
    """An interview edited for print: a question and an answer's first sentence reworded in place, the
    sentence before each kept word for word and the one after kept or trimmed. Placed on the new
    sentence at a low score, queued; a sentence cut with nothing in its place, or replaced by one that
    shares too few of its words, is orphaned."""
    old = ("Q: How did the pilot go?\n\nA: Well, it went well. Um, the clinics in Taraz cut waiting times by "
           "a third. That is the headline.\n\nQ: And the budget?\n\nA: The budget, honestly, is the open "
           "question for next year.\n")
    new = ("How did the pilot go?\n\nIt went well. The clinics in Taraz cut waiting times by a third. That is "
           "the headline.\n\nWhat about the budget?\n\nThe open question for next year.\n")
    placement = place(old, new, "And the budget?")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "What about the budget?"
    placement = place(old, new, "Well, it went well.")
    assert placement.state is AnchorState.FUZZY and new[placement.start:placement.end] == "It went well."
    # Cut with nothing in its place.
    cut = new.replace(" That is the headline.", "")
    assert place(old, cut, "That is the headline.").state is AnchorState.ORPHANED
    # Replaced by a question on something else.
    other = new.replace("What about the budget?", "Who paid for it?")
    assert place(old, other, "And the budget?").state is AnchorState.ORPHANED


def test_a_name_kept_in_a_sentence_reworded_around_it_is_placed_low_and_waits():
    """A name said once in each text, its sentence reworded around it but keeping most of its words:
    placed fuzzy below 0.9, queued. The name said again in a new sentence about something else, its old
    sentence cut, is orphaned; so is a name said twice in the new text."""
    old = ("The ministry reported progress.\n\nUzbekistan has long asked for a customs agreement similar to the "
           "one the EU concluded with Georgia and Moldova. Talks may start next year.\n")
    new = ("The ministry reported progress.\n\nUzbekistan had long asked for such an agreement, citing the customs "
           "agreement Brussels reached with Georgia and Moldova long ago. Negotiations could open in the spring.\n")
    placement = place(old, new, "Georgia and Moldova")
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    assert new[placement.start:placement.end] == "Georgia and Moldova"
    cut = ("The ministry reported progress.\n\nTalks may start next year. Officials from Georgia and Moldova "
           "attended a trade fair in Tashkent.\n")
    assert place(old, cut, "Georgia and Moldova").state is AnchorState.ORPHANED
    twice = new.replace("Negotiations could open in the spring.", "Georgia and Moldova welcomed the talks.")
    assert place(old, twice, "Georgia and Moldova").state is AnchorState.ORPHANED


def test_a_short_quote_whose_sentence_was_cut_does_not_follow_its_words_into_another_claim():
    """"reliable partner" ended a quoted sentence that was cut; the same two words now stand in a new
    sentence about someone else that shares only "been a" with the old one (both telling words in so
    short a sentence). Its context does not confirm the place and the sentence is another claim: orphaned,
    not "moved" without a curator. Kept in its own sentence, it is still found."""
    old = ("Kazakhstan and the EU will check dual-use goods together. Kazakhstan's customs service confirmed "
           "the checks. \"We do not want Kazakhstan to be a gap in the fence,\" an official said. "
           "\"Kazakhstan has been a reliable partner.\"\n\nKazakhstan's exports of such goods to Russia fell "
           "by 40% last year, and Kazakhstan expects a further fall.\n")
    new = ("Kazakhstan and the EU will check dual-use goods together. Kazakhstan's customs service confirmed "
           "the checks. \"We do not want Kazakhstan to be a gap in the fence,\" an official said.\n\n"
           "Kazakhstan's exports of such goods to Russia fell by 40% last year, and Kazakhstan expects a further "
           "fall.\n\nThe investors' council welcomed the arrangement. Its chair said the EU had been a reliable "
           "partner for local exporters and asked that checks at the border take no longer than two hours.\n")
    assert place(old, new, "reliable partner").state is AnchorState.ORPHANED
    kept = new.replace("an official said.\n\n",
                       "an official said. \"Kazakhstan has been a reliable partner for years.\"\n\n")
    placement = place(old, kept, "reliable partner")
    assert placement.anchored and kept[placement.start:placement.end] == "reliable partner"


def test_a_count_moved_on_a_year_with_last_years_count_kept_beside_it_is_not_taken_for_a_correction():
    """"In 2026 alone, 9 were selected." -> "In 2027 alone, 12 were selected, against 9 in 2026.": next
    year's count, with last year's kept after it, is not the old one corrected, though "12" has a digit
    more than "9". Not placed on the new count; the same sentence with only the count corrected is still
    placed, flagged and queued."""
    old = ("How many researchers took part?\n\nSince 2014, 61 researchers from Kazakhstan have taken part in the "
           "programme, most of them in doctoral networks. In 2026 alone, 9 were selected.\n\nWho can apply?\n\n"
           "Any university.\n")
    new = ("Who can apply?\n\nAny university.\n\nHow many researchers took part?\n\nSince 2014, 73 researchers from "
           "Kazakhstan have taken part in the programme, most of them in doctoral networks. In 2027 alone, 12 were "
           "selected, against 9 in 2026.\n")
    quote = "In 2026 alone, 9 were selected"
    assert place(old, new, quote).state is AnchorState.ORPHANED
    corrected = new.replace("In 2027 alone, 12 were selected, against 9 in 2026.", "In 2026 alone, 12 were selected.")
    placement = place(old, corrected, quote)
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    assert corrected[placement.start:placement.end] == "In 2026 alone, 12 were selected"


def test_a_figure_written_in_words_added_beside_a_placed_quote_flags_it():
    """"и к лету срок сократится." -> "и к лету этот срок сократится до двух недель.": the words are
    placed, and the period of two weeks now said after them in their clause is a figure (in words),
    flagged as one in digits would be. Without a figure after it the placement is not flagged."""
    old = ("Ответ: Да, я понимаю недовольство. Спрос вырос. Сейчас ожидание записи занимает в среднем три недели. "
           "Мы наняли дополнительных сотрудников, и к лету срок сократится.\n\nВопрос: А что с визами?\n")
    new = ("— Я понимаю недовольство. Спрос вырос. Сейчас ожидание записи занимает в среднем три недели. "
           "Мы наняли дополнительных сотрудников, и к лету этот срок сократится до двух недель.\n\n— А что с визами?\n")
    quote = "и к лету срок сократится"
    placement = place(old, new, quote)
    assert new[placement.start:placement.end] == "и к лету этот срок сократится"
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)
    plain = new.replace(" до двух недель.", " заметно.")
    assert not place(old, plain, quote).number_changed


# Every way a publishing system may set the same words (round 23's Kazakh text has no-break hyphens, two
# texts of rounds 22 and 23 are stored decomposed): each applied to the new text, to the old text and quote,
# and to both.
_TYPESET = {
    "NFD": lambda text: unicodedata.normalize("NFD", text),
    "no-break hyphen U+2011": lambda text: text.replace("-", "\u2011"),
    "hyphen U+2010": lambda text: text.replace("-", "\u2010"),
    "soft hyphens U+00AD": lambda text: text.replace("туберкулеза", "тубер\u00adку\u00adле\u00adза").replace(
        "Қазақстан", "Қазақ\u00adстан"),
    "no-break spaces U+00A0": lambda text: text.replace(" ", "\u00a0"),
    "narrow no-break spaces U+202F": lambda text: text.replace("2 400", "2\u202f400").replace(", ", ",\u202f"),
    "curly quotes": lambda text: text.replace("«", "\u201c").replace("»", "\u201d").replace("'", "\u2019"),
    "straight quotes": lambda text: text.replace("«", '"').replace("»", '"'),
    "ё for е": lambda text: text.replace("Еще", "Ещё").replace("Ее", "Её"),
}
_TYPESET_OLD = ("Алматы, 3 марта. Европейский союз выделит 9 млн евро на закупку новых препаратов для лечения "
                "лекарственно-устойчивого туберкулеза в Казахстане, сообщило Министерство здравоохранения. Еще "
                "2 400 пациентов получат «короткие» схемы лечения. Ее поддержит кабинет, который 'работает' с 2019 "
                "года.\n\nҚазақстан азаматтары кіру-шығу жүйесіне (EES) тіркеледі. Бұл туралы министрлік хабарлады.\n")
# The dateline gains a note and a sentence is added before the last one: short quotes are found by their
# surroundings, not only exactly.
_TYPESET_NEW = _TYPESET_OLD.replace("Алматы, 3 марта.", "Алматы, 3 марта (обновлено 4 марта).").replace(
    "Бұл туралы", "Жүйе алты ай ішінде енгізіледі. Бұл туралы")
_TYPESET_QUOTES = ("Алматы, 3 марта", "лекарственно-устойчивого туберкулеза", "Еще 2 400 пациентов", "«короткие»",
                   "кіру-шығу жүйесіне (EES)", "EES", "Ее поддержит кабинет", "'работает'", "Қазақстан азаматтары")


@pytest.mark.parametrize("form", sorted(_TYPESET))
@pytest.mark.parametrize("typeset_side", ["new", "old", "both"])
def test_every_typographic_form_of_the_same_words_is_found_with_offsets_into_the_real_text(form, typeset_side):
    typeset = _TYPESET[form]
    old = typeset(_TYPESET_OLD) if typeset_side in ("old", "both") else _TYPESET_OLD
    new = typeset(_TYPESET_NEW) if typeset_side in ("new", "both") else _TYPESET_NEW
    for plain in _TYPESET_QUOTES:
        quote = typeset(plain) if typeset_side in ("old", "both") else plain
        placement = place(old, new, quote)
        assert placement.anchored, (plain, placement)
        # Code points of the new text as stored, whatever its form.
        assert new[placement.start:placement.end] == (typeset(plain) if typeset_side in ("new", "both") else plain)


def test_a_date_range_whose_end_moved_to_another_month_is_placed_flagged_and_waits():
    """An exhibition page corrected after its run was extended: "From 14 February to 31 May 2028" on a line
    of its own became "… to 30 June 2028", and the paragraph after it changed. The day now counts another
    month, still a date: placed on the new range, flagged and queued. A range on something else entirely
    (tickets on sale) is not taken for it."""
    old = ("Steppe Gold: Treasures of the Great Steppe\n\nArt & History Museum, Brussels\nFrom 14 February to 31 May "
           "2028\n\nMore than 300 objects from the collections of Kazakhstan's museums are shown.\n")
    new = ("Steppe Gold: Treasures of the Great Steppe\n\nArt & History Museum, Brussels\nFrom 14 February to 30 June "
           "2028\n\nDue to high demand, the exhibition has been extended by one month. More than 300 objects from "
           "the collections of Kazakhstan's museums are shown.\n")
    placement = place(old, new, "From 14 February to 31 May 2028")
    assert new[placement.start:placement.end] == "From 14 February to 30 June 2028"
    assert placement.state is AnchorState.FUZZY and placement.number_changed
    other = new.replace("From 14 February to 30 June 2028", "Tickets on sale from 1 January to 30 June 2028")
    placement = place(old, other, "From 14 February to 31 May 2028")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed


def test_the_first_sentence_of_a_quotation_trimmed_after_it_keeps_its_place_and_waits():
    """A digest condensed a quotation to its first sentence, which lost its full stop to the closing
    quotation mark. Placed on the same words inside the same quotation marks, fuzzy and queued; the words
    said outside a quotation, its quotation cut, are not it."""
    old = ("Центр открылся в Астане.\n\n\"Киберугрозы не знают границ. Поэтому нам важно работать вместе с "
           "европейскими партнерами\", - сказал вице-министр цифрового развития. Центр будет сотрудничать с ENISA.\n")
    new = ("Центр открылся в Астане.\n\n«Киберугрозы не знают границ», — сказал вице-министр цифрового развития. "
           "Центр будет сотрудничать с ENISA.\n")
    quote = "Киберугрозы не знают границ."
    placement = place(old, new, quote)
    assert new[placement.start:placement.end] == "Киберугрозы не знают границ"
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)
    cut = ("Центр открылся в Астане.\n\nЦентр будет сотрудничать с ENISA, ведь киберугрозы не знают границ, "
           "сказал вице-министр цифрового развития.\n")
    assert place(old, cut, quote).state is AnchorState.ORPHANED


def test_a_dateline_given_a_dated_update_note_keeps_its_place_and_waits():
    """A news item rewritten the next day: a new headline, the dateline given "(обновлено 4 марта)", the lede
    rewritten. Neither side of the dateline's context stands, yet the dateline opens its line in both texts
    once: placed fuzzy, queued. Without the note (a dateline elsewhere, said in another paragraph) it is not
    taken."""
    old = ("ЕС поможет Казахстану закупить препараты от туберкулеза\n\nАлматы, 3 марта. Европейский союз выделит "
           "9 млн евро на закупку новых препаратов, сообщило Министерство здравоохранения.\n\nСредства поступят "
           "через Глобальный фонд.\n")
    new = ("ЕС и Глобальный фонд профинансируют лечение туберкулеза в Казахстане\n\nАлматы, 3 марта (обновлено 4 "
           "марта). Лечение 2 600 пациентов оплатят Европейский союз и Глобальный фонд, сообщило Министерство "
           "здравоохранения.\n\nСредства поступят через Глобальный фонд.\n")
    placement = place(old, new, "Алматы, 3 марта")
    assert new[placement.start:placement.end] == "Алматы, 3 марта"
    assert placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, placement.number_changed)
    elsewhere = new.replace("Алматы, 3 марта (обновлено 4 марта). ", "").replace(
        "Средства поступят", "На встрече в Алматы, 3 марта, договорились о новом гранте. Средства поступят")
    assert place(old, elsewhere, "Алматы, 3 марта").state is AnchorState.ORPHANED


def test_a_statistic_moved_on_a_year_is_not_placed_on_the_next_years_sentence():
    """"In 2027 the archive grew by 4.2 terabytes, up from 3.5 terabytes in 2026." -> "In 2028 the
    archive grew by 5.0 terabytes, up from 4.2 terabytes in 2027.": the quote's year is replaced by the
    year after it and its figure by the one its old sentence gave beside it; "Two receiving dishes were
    installed in 2027." -> "No receiving dish was installed in 2028.": its count gone with nothing in
    its place. Next year's statements, not the old ones corrected: orphaned (queued). A figure
    corrected in its year, a target year put back with its other figures kept, and a statistic
    restated for the next year with a new figure (labelled the same claim updated) are still placed,
    flagged."""
    old = ("Data\n\nThe national archive of satellite imagery is kept in Astana. In 2027 the archive grew by 4.2 "
           "terabytes, up from 3.5 terabytes in 2026. Two receiving dishes were installed in 2027.\n\nStaff\n\n"
           "About 60 engineers work there.\n")
    new = ("Data\n\nThe national archive of satellite imagery is kept in Astana and Almaty. In 2028 the archive "
           "grew by 5.0 terabytes, up from 4.2 terabytes in 2027. No receiving dish was installed in 2028."
           "\n\nStaff\n\nAbout 60 engineers work there.\n")
    for quote in ("up from 3.5 terabytes in 2026", "Two receiving dishes were installed in 2027."):
        assert place(old, new, quote).state is AnchorState.ORPHANED, quote
    restated = new.replace("No receiving dish was installed in 2028.", "Three receiving dishes were installed in 2028.")
    placement = place(old, restated, "Two receiving dishes were installed in 2027.")
    assert restated[placement.start:placement.end] == "Three receiving dishes were installed in 2028."
    assert placement.number_changed
    corrected = old.replace("up from 3.5 terabytes in 2026", "up from 3.6 terabytes in 2026")
    placement = place(old, corrected, "up from 3.5 terabytes in 2026")
    assert corrected[placement.start:placement.end] == "up from 3.6 terabytes in 2026"
    assert placement.number_changed
    old_target = old.replace("Two receiving dishes were installed in 2027.",
                             "Two receiving dishes will be installed by 2027.")
    postponed = old_target.replace("installed by 2027.", "installed by 2028.")
    placement = place(old_target, postponed, "Two receiving dishes will be installed by 2027.")
    assert postponed[placement.start:placement.end] == "Two receiving dishes will be installed by 2028."
    assert placement.number_changed


@pytest.mark.parametrize(("old_words", "new_words"), [
    ("the committee meets once a year", "the committee meets twice a year"),
    ("the committee meets twice a year", "the committee meets three times a year"),
    ("комитет собирается раз в год", "комитет собирается дважды в год"),
    ("комитет собирается дважды в год", "комитет собирается три раза в год"),
    ("комитет жылына бір рет жиналады", "комитет жылына екі рет жиналады"),
])
def test_a_frequency_in_words_changed_flags_the_placement(old_words: str, new_words: str):
    """"once a year" -> "twice a year" (and "раз в год" -> "дважды в год", "жылына бір рет" -> "жылына
    екі рет") changes a count of times as "1" -> "2" does: placed, flagged "number changed". "once" as a
    conjunction and "пять раз" (its number said before it) are not counted twice."""
    old = f"Article 4\n\nThe parties agree as follows: {old_words}, alternating between the capitals.\n\nArticle 5\n"
    new = f"Article 4\n\nThe parties agree as follows: {new_words}, alternating between the capitals.\n\nArticle 5\n"
    placement = place(old, new, old_words)
    assert new[placement.start:placement.end] == new_words
    assert placement.number_changed
    assert numbers_changed(old_words, new_words)
    assert not numbers_changed("once the text is signed", "when the text is signed")
    assert not numbers_changed("пять раз в год", "пять раз в год, как и раньше")
