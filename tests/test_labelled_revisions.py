"""Re-anchoring on revision pairs whose correct placements were labelled by hand (tests/data/revisions/):
nothing may be misplaced, and at least 97% of the spans must be placed or orphaned correctly, through
the app's own revision import and review queue."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest


def _load_harness():
    """benchmarks/ is not a package on the test path; the harness is loaded by path."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "labelled_revisions.py"
    spec = importlib.util.spec_from_file_location("labelled_revisions", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


harness = _load_harness()


@pytest.fixture(scope="module")
def outcomes():
    return harness.run_through_app(harness.load_pairs())


def test_the_labelled_set_covers_three_languages_and_the_hard_cases():
    pairs = harness.load_pairs()
    spans = [span for pair in pairs for span in pair.spans]
    assert {pair.language for pair in pairs} == {"en", "ru", "kk"}
    assert len(spans) >= 400
    assert sum(span.new_span is None for span in spans) >= 40, "passages that are gone"
    assert sum(span.number_changed for span in spans) >= 40, "figures that changed"
    assert sum(span.words <= 2 for span in spans) >= 60, "one- and two-word quotes"


# Rounds whose misplacements are known and counted in their own tests (below): round 18's arguable label, and
# round 23's "41,000 hectares" (queued, on last year's figure kept beside this year's). Round 28's first-scored one
# is fixed (an abbreviation written out is the same name); so are round 30's two (a clause grown by "and …" is
# queued and widened; an identifier standing word for word beats another one differing in its digits).
# Round 35's one is fixed too (a comma-separated line grown after its changed figure takes the grown line).
# Rounds 36 and 37's four are fixed (r36fix): the number naming a line is its identity; a negation added or taken
# away is another claim; a name grown by "of" and capitalised words takes the grown name.
# Rounds 38 and 39 as first scored: one and three queued (a clause grown by "and" taken whole where the label keeps
# the quote's words; two rules turned into their opposite by "including"/"in addition to"; a full name put on its
# abbreviation while it stands in full elsewhere). All four are fixed (r38fix): a scope word turned round
# ("except" -> "including") orphans the span; a name written in full beside its abbreviation is placed on the name;
# an item given a parallel phrase repeating its preposition ("and for …") keeps the quote's own words.
# Round 43 as first scored: one, queued (a version line put on the new text's "This version replaces version 1.0 of
# 14 February 2043", a note quoting the old line, where the label has the new version line); with the sentence
# alignment in (since reverted), a second (a dateline put on "This notice amends the notice of 10 March 2043"). Both
# fixed (r42fix): a note saying what a revision replaces, supersedes or amends quotes the old text, as a correction
# note does; both spans are now orphaned, queued.
# Round 44 as first scored: one, queued ("the Ridder hotel" put on "the Irtysh Palace hotel" by the rule for a name
# replaced in a kept sentence, where the label says gone; labellers disagree on that shape, see PERFORMANCE.md).
ROUNDS_WITH_KNOWN_MISPLACEMENTS = (18, 23, 44)


# The first test to ask for `outcomes`: every pair re-anchored through the app, 256 pairs, about 30 s on a quiet
# machine (twice that before each pair's fact base was copied from one made once and its highlights made one
# action: 12.3 s against 5.7 s on 40 pairs) and over the suite's 300 s per test with eight processes on two cores,
# hence its own limit.
@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_nothing_is_misplaced(outcomes):
    """Outside the rounds whose misplacements are known and counted in their own tests."""
    misplaced = [o.describe() for o in outcomes
                 if o.verdict is harness.Verdict.MISPLACED and o.pair.round not in ROUNDS_WITH_KNOWN_MISPLACEMENTS]
    assert misplaced == []


def test_at_least_97_percent_of_the_tuning_pairs_are_placed_or_orphaned_correctly(outcomes):
    tuning = [o for o in outcomes if o.pair.split == "dev"]
    wrong = [o.describe() for o in tuning if o.verdict is harness.Verdict.WRONGLY_ORPHANED]
    assert harness.tally(tuning).right_share >= 0.97, wrong


# The held-out round 9 is scored once and not tuned on; the bar of 97% is not met on it (80.6% first,
# 83 of 103, every miss orphaned and queued; 82.5% since round 11's placeholder rule placed two filled-in
# placeholders; 86.4% since round 15's work placed three dates put inside kept quotes and a dateline that
# gained a note in brackets; docs/PERFORMANCE.md says what it loses and why). This floor only keeps later
# work from losing what it gets right. 90.3% (93) before, 91.3% (94) since a quote said once in each text
# whose sentence was reworded around it is placed (7 Dec, issue #23's classes of misses).
HELD_OUT_FLOOR = 0.912


def test_the_held_out_round_keeps_what_it_got_right(outcomes):
    held_out = [o for o in outcomes if o.pair.split == "held-out" and o.pair.round is None]
    assert len({o.pair.name for o in held_out}) == 5
    assert harness.tally(held_out).right_share >= HELD_OUT_FLOOR


# Round 10 (eight pairs, 122 spans) scored 95.9% on its first run (117 of 122, 0 misplaced, 30 of 31
# changed figures flagged); its failure classes were then fixed in general and it now scores 100%.
# The floor keeps it at or above the bar, with nothing misplaced.
ROUND_10_FLOOR = 0.97


# Round 11 (eight pairs, 117 spans, written against round 10's patterns: a figure said twice and
# corrected in one place, last year's figure kept in brackets beside this year's, cut sentences whose
# words recur, short quotes, quotes across a paragraph break, numbers written another way) scored 88.9%
# on its first run (104 of 117) with 3 misplaced, one of them not queued; its failure classes were then
# fixed in general: 94.9% (111 of 117), nothing misplaced, every changed figure flagged. Its six misses
# are all orphaned and queued (docs/PERFORMANCE.md); the floor keeps that, below the 97%.
ROUND_11_FLOOR = 0.94


# Held-out pairs are scored once and never tuned on, so what they miss is recorded here rather than
# fixed (round 8's one unflagged figure, "…in Astana." -> "…in Astana in 2025.", is now flagged: a
# figure added beside a placed quote in its clause flags it).
# Round 23's "и к лету срок сократится", placed on its words in a sentence that now ends "до двух недель", is
# flagged since a figure in words added beside a placement counts; "41,000 hectares" is misplaced (queued), not
# placed right, and counted with round 23's misplacements.
# Round 24's "at least once a year", placed (queued) on "at least twice a year", is flagged since a frequency in
# words counts as a figure.
# Round 32's "высокая (III степень)" placed (queued) on "очень высокой (IV степень)" is flagged since a Roman numeral
# counts as a figure (r32fix).
KNOWN_HELD_OUT_FIGURE_MISSES: set[tuple[str, int]] = set()


def test_every_changed_figure_placed_is_flagged_and_waits_for_a_curator(outcomes):
    missed = {(o.pair.name, o.span.number): o for o in outcomes if o.number_change_missed}
    assert [o.describe() for key, o in missed.items() if key not in KNOWN_HELD_OUT_FIGURE_MISSES] == []
    assert all(o.pair.split == "held-out" for key, o in missed.items())


def test_every_uncertain_placement_waits_for_a_curator(outcomes):
    """Moved and exact placements are certain: their quote is there, its surroundings confirm it.
    Whatever else is anchored either scored high enough or is in the queue."""
    for outcome in outcomes:
        if outcome.state == "fuzzy" and (outcome.score is None or outcome.score < 0.9):
            assert outcome.queued, outcome.describe()


def test_labels_name_exactly_one_place():
    with pytest.raises(harness.LabelError, match="more than once"):
        harness.locate("the EU and the EU", "the EU", "test")
    with pytest.raises(harness.LabelError, match="is not in the text"):
        harness.locate("the EU", "the UN", "test")
    text = "Её партнёрство — 3\u00a0000"
    start, end = harness.locate(text, {"quote": "партнерство", "in": "Ее партнерство - 3 000"}, "test")
    assert text[start:end] == "партнёрство"


# Round 12 (eight pairs, 107 spans: reference markers after full stops, sections swapped, a correction
# note quoting the old budget, sentences joined and split, cut sentences whose words begin others)
# scored 91.6% on its first run (98 of 107, 0 misplaced, 20 of 20 changed figures flagged); its failure
# classes were then fixed in general: 94.4% (101), nothing misplaced. Its six misses are orphaned and
# queued (docs/PERFORMANCE.md); the floor keeps that, below the 97%.
ROUND_12_FLOOR = 0.94
# Round 13 (eight pairs, 101 spans) was first scored on the code that fixed round 12: 88.1% (89 of 101),
# 1 misplaced (queued: a country in a list swapped for another, taken as a one-word edit), 24 of 24
# changed figures flagged. Its classes fixed in general: 92.1% (93), nothing misplaced.
# 93.1% (94 of 101) since a figure corrected in a rewritten sentence is placed, flagged (7 Dec).
ROUND_13_FLOOR = 0.930


# Round 14 (six pairs, 84 spans: a natural mix of the edits real updates make) scored 96.4% on its first
# run on main's code (81 of 84, 0 misplaced, 11 of 11 changed figures flagged); its three failure
# classes (a corrected figure changing the form of the noun it counts, a clause inserted into a short
# quote's sentence, a placeholder filled beside a quote in its line) were then fixed in general: 100%
# (84 of 84), nothing misplaced. The floor keeps it there.
ROUND_14_FLOOR = 1.0


# Round 15 (eight pairs, 114 spans: a wire story corrected with a note quoting the old figures, a live blog
# growing, wiki articles a year later, a joint statement's draft and final text, a quote trimmed) scored
# 95.6% on its first run on main's code (109 of 114, 2 misplaced, both queued: a figure of this year placed
# as last year's corrected while last year's stood after it in the same sentence); its classes (that; a
# figure quoted alone with a currency code written as a sign; a date counted from the text's own time said
# as a date) were then fixed in general: 98.2% (112 of 114), nothing misplaced. Its two misses are orphaned
# and queued (docs/PERFORMANCE.md).
ROUND_15_FLOOR = 0.98


# Round 16 (eight pairs, 130 spans: a press release re-issued with a correction note, a live blog growing,
# a wiki article a year later, a joint statement's draft and final text, sentences reordered, a translated
# article re-edited, quotations trimmed) scored 93.1% on its first run on main's code (121 of 130, 1
# misplaced, queued: last year's figure taken for a corrected one while it stood in the next sentence with
# its year); its classes (that; an attribution after a quotation trimmed by a sentence; a whole sentence
# continued after it moved or ended the text; a clause reworded where it stood) were then fixed in general:
# 97.7% (127 of 130), nothing misplaced. Its three misses are orphaned and queued (a sentence reworded
# throughout and a short quote inside it, a name translated the other way; docs/PERFORMANCE.md). A name
# kept in a sentence reworded around it ("Armenia and Azerbaijan") was placed later: 98.5% (128 of 130).
ROUND_16_FLOOR = 0.984


# Round 17 (six pairs, 85 spans, written after round 16's fixes) scored 98.8% on its first run (84 of 85, 1
# misplaced, queued: a whole sentence stretched over a clause added after it that ends with the same
# word); that was then fixed in general: 100% (85 of 85), nothing misplaced.
ROUND_17_FLOOR = 1.0


# Round 18 (ten pairs, 175 spans) was written and labelled by an engineer who had not run the re-anchoring,
# and scored 88.0% on its first run on main's code (154 of 175; 6 misplaced, 1 not queued: "EUR 850 million"
# moved onto its own words inside a correction note). Its classes were then fixed in general (a span never
# placed inside a correction note the new text added; last year's figure dated by its year beside this
# year's; an edited short quote vouched for by one side of a sentence rewritten on the other; a case ending
# moved to a new head noun; sentences merged; a speaker after a trimmed quotation's verb; a placeholder
# filled in words). One misplacement is left, queued: "Its feasibility study was due in 2026." placed fuzzy
# 0.74 on "its feasibility study was completed in 2026.", labelled gone (arguable: docs/PERFORMANCE.md).
# 94.3% (165 of 175) with round 25's fixes (a short sentence made a clause of its neighbour's).
ROUND_18_FLOOR = 0.942
ROUND_18_MISPLACED_AT_MOST = 1


def test_round_18_misplaces_nothing_silently_and_keeps_what_it_got_right(outcomes):
    members = [o for o in outcomes if o.pair.round == 18]
    assert len({o.pair.name for o in members}) == 10 and len(members) >= 175
    assert {o.pair.language for o in members} == {"en", "ru", "kk"}
    t = harness.tally(members)
    misplaced = [o for o in members if o.verdict is harness.Verdict.MISPLACED]
    assert len(misplaced) <= ROUND_18_MISPLACED_AT_MOST and all(o.queued for o in misplaced), [
        o.describe() for o in misplaced]
    assert t.right_share >= ROUND_18_FLOOR, [o.describe() for o in members if o.verdict is not harness.Verdict.PLACED_RIGHT]
    assert t.number_changes_missed == 0


# Rounds 19 (ten pairs, 193 spans) and 20 (eight pairs, 135 spans) were written and labelled by engineers
# who had not run the re-anchoring, and scored once after round 18's fixes: round 19 91.7% (177 of 193,
# nothing misplaced, 16 wrongly orphaned, all queued), round 20 90.4% (122 of 135, 1 misplaced, queued: a
# sentence joined into the one before, placed over the words of both). Fixed in general afterwards (the
# joined sentence keeps only the words it brought in; a short quote said once in each text, in a sentence
# made of words of its old sentence and those next to it, placed fuzzy and queued): round 19 94.8% (183 of
# 193), round 20 94.1% (127 of 135), nothing misplaced. Round 21 (eight pairs, 131 spans, written the same
# way) scored once after those fixes: 91.6% (120 of 131), nothing misplaced, 11 wrongly orphaned (queued),
# one changed figure unflagged (a number inside a Russian compound word, "трехлетнюю" -> "четырехлетнюю"),
# flagged since. Its misses were then fixed in general (a short item of a reordered list found in the same
# list; a draft's bracketed choice settled; a figure whose case ending changed with it; an attribution after a
# quotation extended by a sentence; a short sentence reworded between kept neighbours): round 21 98.5% (129 of
# 131), round 20 94.8% (128 of 135), nothing misplaced. The floors keep that.
# 7 Dec: round 19 95.9% (185), round 20 97.0% (131) with a figure corrected in a rewritten sentence placed, flagged.
ROUND_19_FLOOR = 0.958
ROUND_20_FLOOR = 0.970
ROUND_21_FLOOR = 0.984
# Round 22 after its fixes (below, FIRST_SCORED_ROUNDS): 91.2% (135 of 148; 89.9% first), nothing misplaced;
# 91.9% (136) since a figure's unit written another way is the same claim ("8 пайызы" / "8%").
# 92.6% (137) since a quote said once in each text, its sentence reworded around it, is placed (7 Dec).
ROUND_22_FLOOR = 0.925
# Round 24 after its fixes (below): 93.8% (136 of 145; 92.4% first), nothing misplaced, 16 of 16 figures flagged;
# 96.6% (140) since units written another way ("2.4 million euro" / "€2.4 million", "38%" / "36 %") and
# enumerations reordered inside their sentence are recognised; 97.2% (141) with a sentence's words counted with
# other endings ("Программой развития ООН" -> "Программа развития ООН").
# 98.6% (143) with a sentence reworded around a kept quote and a list both extended and reordered (7 Dec).
ROUND_24_FLOOR = 0.986
# Round 25 (eight pairs, 173 spans), written and labelled by an engineer who had never run the re-anchoring while
# rounds 22-24 were fixed, scored once with those fixes (05f7fd4): 90.2% (156 of 173), nothing misplaced, 17 wrongly
# orphaned (all queued), 20 of 20 changed figures flagged. Its floor was that first score; its classes fixed in
# general (a compound number in words, a sentence continued after a semicolon, last year's figure kept with its noun
# in another case, a name with its neighbours in other cases, a short sentence made a clause): 94.2% (163),
# nothing misplaced, 20 of 20 flagged.
# 95.95% (166) with names written short ("Минфин", "Еврокомиссия") and a list extended and reordered (7 Dec).
ROUND_25_FLOOR = 0.959


# Every held-out round since 10 but 18 (whose one queued misplacement has an arguable label, above) and 23 (below): its
# pairs and languages all there, nothing misplaced, its floor kept, every changed figure flagged.
@pytest.mark.parametrize(("round_number", "floor", "pairs", "spans"), [
    (10, ROUND_10_FLOOR, 8, 80), (11, ROUND_11_FLOOR, 8, 100),
    (12, ROUND_12_FLOOR, 8, 100), (13, ROUND_13_FLOOR, 8, 100), (14, ROUND_14_FLOOR, 6, 80),
    (15, ROUND_15_FLOOR, 8, 110), (16, ROUND_16_FLOOR, 8, 130), (17, ROUND_17_FLOOR, 6, 85),
    (19, ROUND_19_FLOOR, 10, 193), (20, ROUND_20_FLOOR, 8, 135), (21, ROUND_21_FLOOR, 8, 131),
    (22, ROUND_22_FLOOR, 8, 148), (24, ROUND_24_FLOOR, 8, 145), (25, ROUND_25_FLOOR, 8, 173)])
def test_a_held_out_round_misplaces_nothing_and_keeps_what_it_got_right(outcomes, round_number, floor, pairs, spans):
    members = [o for o in outcomes if o.pair.round == round_number]
    assert len({o.pair.name for o in members}) == pairs and len(members) >= spans
    assert {o.pair.language for o in members} == {"en", "ru", "kk"}
    t = harness.tally(members)
    assert t.misplaced == 0, [o.describe() for o in members if o.verdict is harness.Verdict.MISPLACED]
    assert t.right_share >= floor, [o.describe() for o in members if o.verdict is not harness.Verdict.PLACED_RIGHT]
    assert t.number_changes_missed == 0


# Rounds 22 (eight pairs, 148 spans) and 23 (eight pairs, 146 spans) were written and labelled by two engineers
# who had not run the re-anchoring, and scored once after round 21's fixes (main at f343f66): round 22 89.9% (133
# of 148; 14 wrongly orphaned, all queued; 1 misplaced, queued: "In 2026 alone, 9 were selected" on "In 2027
# alone, 12 were selected", flagged), round 23 80.1% (117 of 146; 27 wrongly orphaned, all queued; 2 misplaced:
# "reliable partner", labelled gone, moved onto the same words in another sentence and NOT queued, and "41,000
# hectares" on last year's figure kept beside the new one, queued, its changed figure unflagged). Their misses
# were then fixed in general (a short quote no longer follows stray words of its cut sentence into another claim;
# a count moved on a year beside last year's is no correction; a figure in words added beside a placement flags
# it; a date whose day now counts another month; a quotation's first sentence trimmed of its stop; a dateline
# given a dated update note): round 22 91.2% (135 of 148), nothing misplaced, so it joined the held-out rounds
# above; round 23 82.2% (120 of 146), one misplaced, queued ("41,000 hectares", docs/PERFORMANCE.md), every
# changed figure flagged.
# Round 24 (eight pairs, 145 spans), written and labelled the same way while rounds 22 and 23 were fixed, scored
# once with those fixes (84170d9): 92.4% (134 of 145), 9 wrongly orphaned (queued), 2 misplaced, both queued and
# flagged (a wiki article's "up from 1.1 petabytes in 2026" and "Two European satellites were launched … in 2027.",
# labelled gone, on the next year's sentences of the same shape), 15 of 16 changed figures flagged. Fixed in general
# afterwards (next year's statement in a quote's place is no correction; a frequency in words is a figure): 93.8%
# (136 of 145), nothing misplaced, 16 of 16 flagged, so it joined the held-out rounds above.
# Round 23 rose to 84.2% (123 of 146) with units written another way ("48 тысяч" / "48 тыс.", "15 процентов" /
# "15%"), the same one misplaced and queued; 84.9% (124) with round 25's fixes (a name or term with its neighbours
# in other cases).
# Round 26 (eight pairs, 175 spans: a rail electrification story corrected, a hospital twinning release re-issued,
# a marathon live page, a tax treaty protocol's draft and final statement, a satellite data interview and its
# published edit, air quality sensors news updated, Kazakh wheat certificates news corrected, a Kazakh translation
# re-edited), written and labelled by an engineer who had never run the re-anchoring while round 25 was fixed, scored
# once with those fixes (374678f): 85.1% (149 of 175), nothing misplaced, 26 wrongly orphaned (all queued), 16 of 17
# changed figures flagged: "Daniyar Mukhamedov, was ninth" placed (fuzzy 0.925, not queued) on "…, was eighth", a
# place in words not read as a figure. Its classes fixed in general (ordinal words are figures; hundreds, a half and
# a scale word belong to a number in words; a quote said once in each text whose sentence still opens or closes with
# its old words; a clause's very words reordered; Kazakh "мен"/"пен" one joiner and the folded "і" a Cyrillic
# letter): 89.7% (157 of 175), nothing misplaced, 17 of 17 flagged. Round 23 rose to 85.6% (125) with them.
# 7 Dec (issue #23's open classes: a sentence reworded on both sides of a kept quote, a name written short, a hedge
# cut with its scale abbreviated, a list extended and reordered): round 23 87.7% (128), the same one misplaced
# and queued; round 26 90.9% (159), nothing misplaced, 17 of 17 flagged. With a figure corrected in a rewritten
# sentence placed and flagged, round 23 88.4% (129).
# Round 27 (eight pairs, 200 spans: a grant call's corrigendum, a working group's approved minutes, a parliamentary
# answer, a film festival programme, a library report summary, a ministerial order, a Kazakh seminar announcement
# amended, a Kazakh census bulletin re-issued), written and labelled by an engineer who never ran the re-anchoring,
# scored once on 6e44f83: 84.0% (168 of 200), 30 wrongly orphaned (all queued), 22 of 22 changed figures flagged, 2
# misplaced: "Ministry of Ecology" moved (not queued) onto the start of the longer "Ministry of Ecology and Natural
# Resources", and a sentence joined to the one before it placed on the whole joined sentence (fuzzy, queued).
# With the open classes' fixes above (made without looking at round 27): 86.0% (172 of 200), the same two misplaced.
# Its classes fixed in general (words added where a short quote's old boundary stood make it fuzzy and queued,
# widened to a name grown by a joined part; a sentence joined after a neighbour turned round keeps its own half; a
# date with a time, or opening its paragraph, corrected between unchanged words; a figure in words corrected with
# the word it counts; units of measure abbreviated): 87.5% (175 of 200), nothing misplaced, 22 of 22 flagged.
# Both passes merged: 89.5% (179 of 200).
# Round 28 (eight pairs, 200 spans: a tender notice amended, a summer school page, a preprint abstract revised, a news
# report expanded, a hearing notice postponed, contest results corrected, a Kazakh news item republished, a Kazakh
# leaflet re-issued), written and labelled independently while rounds 26 and 27 were fixed, scored once on 9f42a2c:
# 94.5% (189 of 200), 10 wrongly orphaned (queued), 29 of 29 flagged, 1 misplaced (queued): "Articles 101 and 102
# TFEU" on "Articles 101 and 102 of", the abbreviation written out.
# Its classes fixed in general (capitals spelling a written-out name, several abbreviations in a row, a clipped
# word; an unchanged phrase in a reworded sentence of a moved paragraph; a label put before a number; a bound on a
# figure said another way): 97.5% (195 of 200), nothing misplaced, 29 of 29 flagged.
# Round 29 (eight pairs, 200 spans), written and labelled independently while round 28 was fixed, scored once on
# 5dd742b: 88.5% (177 of 200), nothing misplaced, 23 wrongly orphaned (queued), 26 of 26 flagged.
# Its main class fixed in general (a quote holding a landmark of its own, its sentence re-punctuated and trimmed
# around it: the briefing transcript edited for print; "14,000" -> "14 000" with it): 91.5% (183 of 200), nothing
# misplaced, 26 of 26 flagged.
# Rounds 30 and 31 (eight pairs, 200 spans each), written and labelled independently, scored once on 64acc3d:
# 81.5% (163 of 200), 2 misplaced (1 not queued: a clause moved onto its own words where the new text grows it by
# "и QR-код …"; an EAN put on another product's EAN, queued and flagged), 32 of 32 flagged; and 88.5% (177 of 200),
# nothing misplaced, 31 of 31 flagged.
# Their fixes (r30fix): a clause grown past its boundary by "and …" queued and widened; a code said word for word
# beats another differing in its digits; names written short (a Kazakh case ending after the abbreviation's
# hyphen, a name with its bracketed abbreviation written as that alone, a sentence cut after the name with its
# opening kept); a list's comma made "и". Round 30: 83.0% (166 of 200), nothing misplaced; round 31: 90.0% (180 of
# 200), nothing misplaced; 32 of 32 and 31 of 31 flagged.
# Rounds 32 and 33 (eight pairs, 200 spans each), written and labelled independently, scored once on 3d110e2:
# 87.5% (175 of 200), nothing misplaced, 40 of 41 flagged (a Roman numeral "III степень" -> "IV степень" not read as
# a figure); and 81.0% (162 of 200), nothing misplaced, 33 of 33 flagged.
# Their fixes (r32fix): Roman numerals read as figures ("III степень" -> "IV степень" flagged); a unit abbreviated
# with its Kazakh case ending ("60 мм-ге") and degrees ("градусқа", "°C-қа") read alike; tenge written after a
# figure read as the code before it ("KZT 25,000" -> "25 000 tenge", queued); "втрое" read as "в три раза".
# Round 32: 88.5% (177 of 200), nothing misplaced, 41 of 41 flagged; round 33: 82.5% (165 of 200), nothing
# misplaced, 33 of 33 flagged.
# Rounds 34 and 35 (eight pairs each, 196 and 198 spans), written and labelled independently, scored once with the
# fixes of rounds 32 and 33 in: 82.1% (161 of 196), nothing misplaced, 37 of 37 flagged; 83.8% (166 of 198), one
# misplaced (queued, flagged: "Almaty, 2034" on "Almaty, 2036" where the label takes "Almaty, 2036, 2nd edition"),
# 40 of 40 flagged.
# Their fixes (r34fix): a comma-separated line grown after its changed figure takes the grown line (round 35's
# misplacement); "шақырым" read as km and square kilometres as one unit; a sign in words ("minus 4.5") as the sign;
# a month changed after "from"/"until" flagged, a month never a swapped name.
# Round 34: 84.7% (166 of 196), nothing misplaced, 37 of 37 flagged; round 35: 84.3% (167 of 198), nothing
# misplaced, 40 of 40 flagged.
# Rounds 36 and 37 (eight pairs each, 195 and 200 spans), written and labelled independently, scored once with the
# fixes of rounds 34 and 35 in (43a7e0e): 79.5% (155 of 195), 2 misplaced (queued, flagged: a schedule by entrance
# turned round, its lines taken by their moved dates), 53 of 53 flagged; 77.0% (154 of 200), 2 misplaced (queued: a
# name grown past the quote, a negation taken away), 31 of 31 flagged.
# Floors of rounds 29-35 raised to what names said short throughout a quote now meet (rshort, 7 Dec).
# Their first fixes (r36fix): the number naming a line ("подъезд 1", "Lot 3", "2-кезең") is its identity; a negation
# added or taken away orphans the span; a name grown by "of" and capitalised words is taken whole. Round 36: 80.5%
# (157 of 195), nothing misplaced, 53 of 53 flagged; round 37: 78.0% (156 of 200), nothing misplaced, 31 of 31.
# Round 36: 81.5% (159) since square metres written out read as "м²" ("60 квадратных метров", "160 шаршы метр").
# With rshort's names said short throughout a quote merged too: round 36 83.1% (162), round 37 79.0% (158).
# Rounds 38 and 39 (eight pairs, 200 spans each), written and labelled independently, scored once with both passes
# above in (01ba23a): 82.0% (164 of 200), 1 misplaced (queued), 52 of 52 flagged; 76.0% (152 of 200), 3 misplaced
# (queued), 52 of 52 flagged. After their fixes (r38fix: a scope word turned round, a name in full over its
# abbreviation, a parallel item added by "and for"; a short line with every figure changed, a telephone number
# regrouped, a clock time written another way): 83.5% (167), nothing misplaced, 52 of 52; 80.0% (160), nothing
# misplaced, 52 of 52.
# Round 40 (eight pairs, 200 spans), written and labelled independently while rounds 38 and 39 were fixed, scored once
# with every pass above in (c9f82ae): 90.0% (180 of 200), nothing misplaced, 36 of 36 flagged.
# After its fixes (r40fix: units written another way beside a changed figure, a Kazakh pair grown by a member):
# 91.0% (182), nothing misplaced, 36 of 36; with them round 34 87.2% (171 of 196), round 38 85.0% (170), round 39
# 81.0% (162).
# Round 41 (eight pairs, 200 spans), written and labelled independently while round 40 was fixed, scored once with
# every pass above in (5896354): 83.0% (166 of 200), nothing misplaced, 21 of 21 flagged.
# Round 42 (eight pairs, 200 spans), written and labelled independently while round 41 was fixed, scored once with
# r41fix in (f728f05): 85.5% (171 of 200), nothing misplaced, 47 of 48 flagged (a collective numeral changed,
# "двоих" -> "троих"; 48 of 48 since 615bfe2).
# Round 43 (eight pairs, 200 spans), written and labelled independently, scored once with rnames in (0e360d0): 85.5%
# (171 of 200), 1 misplaced (queued: a version line placed on the new text's "replaces version 1.0 of …"), 39 of 39.
FIRST_SCORED_ROUNDS = {23: (0.883, 8, 146, 1, 0, 0), 26: (0.908, 8, 175, 0, 0, 0), 27: (0.895, 8, 200, 0, 0, 0),
                       28: (0.975, 8, 200, 0, 0, 0),
                       29: (0.935, 8, 200, 0, 0, 0),
                       30: (0.84, 8, 200, 0, 0, 0),
                       31: (0.91, 8, 200, 0, 0, 0),
                       32: (0.895, 8, 200, 0, 0, 0),
                       33: (0.84, 8, 200, 0, 0, 0),
                       34: (0.87, 8, 196, 0, 0, 0),
                       35: (0.855, 8, 198, 0, 0, 0),
                       36: (0.845, 8, 195, 0, 0, 0),
                       37: (0.80, 8, 200, 0, 0, 0),
                       38: (0.85, 8, 200, 0, 0, 0),
                       39: (0.82, 8, 200, 0, 0, 0),
                       40: (0.915, 8, 200, 0, 0, 0),
                       41: (0.83, 8, 200, 0, 0, 0),
                       42: (0.855, 8, 200, 0, 0, 0),
                       43: (0.86, 8, 200, 0, 0, 0),
                       44: (0.865, 8, 200, 1, 0, 0),
                       45: (0.887, 8, 196, 0, 0, 0)}


@pytest.mark.parametrize("round_number", sorted(FIRST_SCORED_ROUNDS))
def test_a_first_scored_round_gets_no_worse(outcomes, round_number):
    floor, pairs, spans, misplaced_at_most, unqueued_at_most, unflagged_at_most = FIRST_SCORED_ROUNDS[round_number]
    members = [o for o in outcomes if o.pair.round == round_number]
    assert len({o.pair.name for o in members}) == pairs and len(members) >= spans
    assert {o.pair.language for o in members} == {"en", "ru", "kk"}
    t = harness.tally(members)
    misplaced = [o for o in members if o.verdict is harness.Verdict.MISPLACED]
    assert len(misplaced) <= misplaced_at_most, [o.describe() for o in misplaced]
    assert sum(not o.queued for o in misplaced) <= unqueued_at_most, [o.describe() for o in misplaced]
    assert t.right_share >= floor, [o.describe() for o in members if o.verdict is not harness.Verdict.PLACED_RIGHT]
    assert t.number_changes_missed <= unflagged_at_most
