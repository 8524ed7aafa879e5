"""The labelled snippets (tests/data/value_suggestions/) as a regression floor: the share of
suggestions exactly right, per language and part. docs/VALUE_SUGGESTIONS.md reports the numbers
and what still fails; `python tests/value_suggestion_set.py --failures tuned` lists the misses."""

from __future__ import annotations

import re

import pytest
from value_suggestion_set import LANGUAGES, PARTS, accuracy, current_suggest, load, parse_expected, score

# Measured when these floors were set, per language (English / Russian / Kazakh): tuned 100 / 98.5 /
# 100 %, held out 97.8 / 100 / 100 %, late, fresh, final, unseen, blind, fourth and fifth 100 % each,
# third 100 / 98.6 / 100 %, sixth 100 / 100 / 97.1 %, seventh 98.5 / 100 / 98.5 %, eighth 97.1 / 100 /
# 100 %. A change that costs more than a snippet or two per language fails here (the late set has 17
# snippets a language: one is 6 %; the fresh set about 108: one is 0.9 %; the final set 45: 2.2 %; the
# last eight sets about 70: 1.4 %). Those eight were each scored once before tuning (95.9, 95.3, 91.0, 95.6, 94.1,
# 92.1, 92.1 and 99.0 %, docs/VALUE_SUGGESTIONS.md); the eighth was not tuned on.
# Relabelling the upper bounds as ceilings (`<X`) or close below (`almost X`) changed no set's score.
FLOORS = {"tuned": 0.97, "held_out": 0.95, "held_out_late": 0.94, "held_out_fresh": 0.97, "held_out_final": 0.95,
          "held_out_unseen": 0.97, "held_out_blind": 0.95, "held_out_third": 0.97, "held_out_fourth": 0.97,
          "held_out_fifth": 0.97, "held_out_sixth": 0.95, "held_out_seventh": 0.97, "held_out_eighth": 0.95,
          # Scored once before any fix (ninth 92.3 / 94.3 / 88.6 %, tenth 84.8 / 88.9 / 86.5 %), then after the
          # ordinals were read: ninth 95.6 / 97.7 / 92.0 %, tenth 90.9 / 97.2 / 94.6 %; after the eleventh set's
          # fixes ninth 96.7 / 100 / 97.7 %, tenth 100 % each (one miss is 1.1 % and 3 %).
          "held_out_ninth": 0.95, "held_out_tenth": 0.94,
          # Scored once before any fix: 90.2 / 86.3 / 85.0 % (docs/VALUE_SUGGESTIONS.md); after its fixes
          # 99.2 / 100 / 100 %. About 120 a language, so one miss is 0.8 %.
          "held_out_eleventh": 0.97,
          # Scored once before any fix: 84.5 / 91.4 / 84.9 % (86.8 % in all, docs/VALUE_SUGGESTIONS.md); after its
          # fixes 99.2 / 100 / 99.2 %. About 120 a language, so one miss is 0.8 %.
          "held_out_twelfth": 0.95,
          # Scored once before any fix: 88.8 / 94.1 / 89.6 % (90.7 % in all, docs/VALUE_SUGGESTIONS.md); after its
          # fixes 100 % each. About 115-135 a language, so one miss is 0.7-0.9 %.
          "held_out_thirteenth": 0.97,
          # Scored once, after the thirteenth set's fixes and before any of its own: 93.6 / 94.2 / 86.8 % (91.6 % in
          # all): the honest held-out number of that round. After its fixes 100 % each.
          "held_out_fourteenth": 0.97,
          # Whole articles, every figure a curator records (natural distribution, not hard cases). Scored once
          # before any fix: 94.7 / 96.7 / 91.1 % (94.4 % in all); after its fixes 99.3 / 100 / 100 %. 150 / 92 / 79
          # highlights, so one miss is 0.7 / 1.1 / 1.3 %.
          "held_out_fifteenth": 0.97,
          # Whole articles again, written after the fifteenth set's fixes. Scored once with them: 92.4 / 97.8 / 94.7 %
          # (94.4 % in all; four of the English misses were labels against the "-year" convention, relabelled since);
          # after its fixes 100 % each. 92 / 46 / 57 highlights, so one miss is 1.1 / 2.2 / 1.8 %.
          "held_out_sixteenth": 0.97,
          # Ten longer whole articles, written after the sixteenth set's fixes. Scored once with them: 94.6 / 95.3 /
          # 97.8 % (95.5 % in all); after its fixes 99.0 / 100 / 100 %. 204 / 127 / 93 highlights, so one miss is
          # 0.5 / 0.8 / 1.1 %.
          "held_out_seventeenth": 0.97,
          # Nine more whole articles, written after the seventeenth set's fixes. Scored once with them: 92.2 / 91.7 /
          # 86.8 % (90.5 % in all): the honest held-out number of that round. After its fixes 99.1 / 100 / 97.4 %.
          # 115 / 84 / 76 highlights, so one miss is 0.9 / 1.2 / 1.3 %.
          "held_out_eighteenth": 0.97,
          # Nine more whole articles, written after the eighteenth set's fixes. Scored once with them: 89.4 / 89.5 /
          # 90.4 % (89.8 % in all). After its fixes 97.3 / 97.1 / 98.5 % (two labels relabelled to the conventions
          # after scoring). 113 / 105 / 136 highlights, so one miss is 0.9 / 1.0 / 0.7 %.
          "held_out_nineteenth": 0.97,
          # Six more whole articles, written after the nineteenth set's fixes. Scored once with them: 89.6 / 87.0 /
          # 91.7 % (89.6 % in all): the honest held-out number of that round. After its fixes 97.0 / 98.1 / 100 %.
          # 67 / 54 / 72 highlights, so one miss is 1.5 / 1.9 / 1.4 %.
          "held_out_twentieth": 0.97,
          # Eight whole articles in English and Russian (no Kazakh), written after the twentieth set's fixes. Scored
          # once with them: 88.5 / 88.0 % (88.3 % in all); after its fixes 100 / 99.2 % (two English labels relabelled
          # to the "-year" convention after scoring). 139 / 125 highlights, so one miss is 0.7 / 0.8 %.
          "held_out_twenty_first": 0.97,
          # Six more whole articles in English and Russian, written after the twenty-first set's fixes. Scored once
          # with them: 96.6 / 85.5 % (91.2 % in all): the honest held-out number of that round. After its fixes
          # 100 / 94.0 % (five Russian misses left, docs/VALUE_SUGGESTIONS.md; 95.2 % after set 25's). 87 / 83 highlights, so one miss is
          # 1.1 / 1.2 %.
          "held_out_twenty_third": 0.95,
          # Eight whole Kazakh articles (set 22), written after the twentieth set's fixes. Scored once with
          # them: 89.3 % (218/244); after its fixes and set 24's 98.4 %. 244 highlights, so one miss is 0.4 %.
          "held_out_twenty_second": 0.97,
          # Six more whole Kazakh articles (set 24), written after set 22's fixes. Scored once with them: 92.0 %
          # (149/162; main before those fixes: 90.7 %): the honest held-out number of that round. After its fixes
          # 97.5 %. 162 highlights, so one miss is 0.6 %.
          "held_out_twenty_fourth": 0.96,
          # Six whole Russian articles (set 25), written after sets 21-24's fixes. Scored once with them: 84.9 %
          # (135/159): the honest held-out Russian number of this round. Four labels put a bound on a figure whose
          # verb ("превысил", "не превышает") was left out of the highlight, against set 23's "не превысила [[2,1%]]";
          # relabelled to the bare figure after scoring. After its fixes 97.5 % (155/159); 98.1 % (156/159) after set 26's.
          # 159 highlights, so one miss is 0.6 %.
          "held_out_twenty_fifth": 0.97,
          # Eight whole Russian articles (set 26), written after set 25's fixes. Scored once with them: 91.1 %
          # (224/246); six labels were against the sets' own precedent ("ДФЭ" recorded as written, a bound verb left
          # out of the highlight, "пар поездов" as "пар") and were relabelled after scoring (93.5 % with them right).
          # After its fixes 99.6 % (245/246). 246 highlights, so one miss is 0.4 % (the floor allows two more).
          "held_out_twenty_sixth": 0.99,
          # Six more whole Russian articles (set 28), written after set 26's fixes. Scored once with them: 88.6 %
          # (163/184; main before those fixes: 87.0 %): the honest held-out Russian number of this round. One label put
          # "почти" on a multiplier left outside the highlight and was relabelled after scoring (89.1 % with it right).
          # After its fixes 97.8 % (180/184). 184 highlights, so one miss is 0.5 % (the floor allows one more).
          "held_out_twenty_eighth": 0.97,
          # Eight whole articles in English and Kazakh (set 27), written after set 25's fixes. Scored once: 86.7 / 92.4 %
          # (90.2 % in all; 98/113 and 159/172). Four English labels relabelled to the conventions after scoring
          # (89.4 % with them right). After its fixes 98.2 / 99.4 % (111/113, 171/172). 113 / 172 highlights, so one
          # miss is 0.9 / 0.6 %.
          "held_out_twenty_seventh": 0.97,
          # Six more whole articles in English and Kazakh (set 29), written after set 27's fixes. Scored once with them:
          # 95.6 / 95.2 % (95.3 % in all; 65/68 and 118/124): the honest held-out number of this round. After its fixes
          # 100 / 99.2 % (68/68, 123/124). 68 / 124 highlights, so one miss is 1.5 / 0.8 %.
          "held_out_twenty_ninth": 0.97,
          # Nine whole articles in English and Kazakh (set 32), written after set 29's fixes. Scored once: 90.5 / 92.4 %
          # (91.5 % in all; 134/148 and 145/157). Seven labels relabelled to the conventions after scoring (94.6 / 93.0 %
          # with them right). After its fixes 99.3 / 100 % (147/148, 157/157). 148 / 157 highlights, so one miss is
          # 0.7 / 0.6 %.
          "held_out_thirty_second": 0.98,
          # Six more whole articles in English and Kazakh (set 33), written after set 32's fixes. Scored once with them:
          # 91.3 / 88.5 % (90.0 % in all; 95/104 and 85/96): the honest held-out number of this round (the same with
          # main before set 32's fixes). One label relabelled after scoring ("two cargo flights" keeps its compound).
          # After its fixes 97.1 / 100 % (101/104, 96/96). 104 / 96 highlights, so one miss is 1.0 / 1.0 %.
          "held_out_thirty_third": 0.97,
          # Twelve whole articles in all three languages (set 30), the first written and labelled by someone who never
          # ran the parser. Scored once with sets 26-29's fixes: 86.9 / 88.9 / 88.0 % (87.9 % in all). Two English labels
          # relabelled by precedent after scoring. After its fixes 98.7 / 97.4 / 97.2 % (151/153, 114/117, 138/142;
          # 97.8 % in all). 153 / 117 / 142 highlights, so one miss is 0.7 / 0.9 / 0.7 %.
          "held_out_thirtieth": 0.97,
          # Nine whole articles in all three languages (set 31), the second written and labelled by someone who never
          # ran the parser. Scored once with sets 26-30's fixes (efb3c7f): 88.0 / 92.4 / 90.0 % (90.2 % in all), the
          # honest held-out number. After its first fixes 100 / 98.9 / 97.0 % (83/83, 91/92, 97/100; 98.5 % in all).
          # Then the remaining four (a verb after "из них около 300 млн", "18 бен 30 жас аралығындағы", "градусқа",
          # "жылу пункті") too: 100 % in all three (275/275). 83 / 92 / 100 highlights, so one miss is 1.2 / 1.1 / 1.0 %
          # and the floor lets one miss a language through, not two.
          "held_out_thirty_first": 0.98,
          # Twelve whole articles in all three languages (set 34), the third set written and labelled by someone who never
          # ran the parser, in genres no earlier set used. Scored once with every fix of sets 26-31: 90.2 / 89.0 / 91.0 %
          # (90.1 % in all; 147/163, 121/136, 132/145). One Kazakh label relabelled by precedent after scoring ("үй
          # шаруашылық", a compound in its base form). After its fixes 93.9 / 94.1 / 98.6 % (153/163, 128/136, 143/145;
          # 95.5 % in all). 163 / 136 / 145 highlights, so one miss is 0.6 / 0.7 / 0.7 %: the floor is the lowest
          # language's after-fix score less one miss and a little more (0.93 lets English and Russian lose one).
          "held_out_thirty_fourth": 0.93,
          # Twelve whole articles in all three languages (set 35), the fourth set written and labelled by someone who
          # never ran the parser, scored once with every fix of the session (sets 26-34): 91.1 / 87.3 / 85.3 % (87.9 %
          # in all; 113/124, 110/126, 110/129). Four labels relabelled by the conventions and precedent after scoring
          # (89.7 % Russian with them right). After its fixes 92.7 / 97.6 / 90.7 % (115/124, 123/126, 117/129; 93.7 %
          # in all). 124 / 126 / 129 highlights, so one miss is 0.8 %: the floor is the lowest language's after-fix
          # score less one miss (0.89 lets Kazakh lose one and English four).
          "held_out_thirty_fifth": 0.89,
          # Twelve whole articles each in all three languages (sets 36 and 37), written and labelled by two more engineers
          # who never ran the parser, scored once with set 35's fixes and the second treatment of counts (cbbdedc): set 36
          # 86.3 / 88.8 / 90.2 % (88.4 % in all; 145/168, 135/152, 138/153), set 37 87.2 / 92.8 / 92.7 % (90.7 % in all;
          # 136/156, 129/139, 114/123). After the fixes of their misses other than counts: set 36 95.2 / 94.7 / 96.1 %
          # (160/168, 144/152, 147/153), set 37 91.7 / 95.0 / 94.3 % (143/156, 132/139, 116/123), every kind but counts
          # at 100 %. With the third treatment of counts too (two set-37 labels relabelled by precedent, "комплексов"):
          # set 36 98.8 / 98.7 / 98.7 % (166/168, 150/152, 151/153), set 37 100 / 99.3 / 99.2 % (156/156, 138/139,
          # 122/123). The floors are the lowest language's after-fix score less one miss (149/152, 121/123).
          "held_out_thirty_sixth": 0.98,
          "held_out_thirty_seventh": 0.98,
          # Twelve whole articles each in all three languages (sets 38 and 39), written and labelled by two more engineers
          # who never ran the parser, while sets 36 and 37 were fixed, and scored once with those fixes (6db7648): set 38
          # 93.2 / 97.4 / 92.1 % (94.2 % in all; 123/132, 112/115, 105/114), set 39 92.6 / 93.2 / 96.0 % (93.9 % in all;
          # 126/136, 123/132, 120/125): the honest held-out number of this round. After their fixes (general classes, no
          # relabel): set 38 97.0 / 97.4 / 98.2 % (128/132, 112/115, 112/114), set 39 94.1 / 95.5 / 98.4 % (128/136,
          # 126/132, 123/125). Floors: the lowest language after the fixes less one miss (127/132, 127/136). With English
          # "one" alone, "the two … they played", "…, its first", "Now it is 2,600" after "400 hectares" and "have seven
          # points" read (tests/test_value_thirty_ninth_classes.py) set 39's English is 97.8 % (133/136): its lowest
          # language is now Russian, 126/132, less one miss 125/132 (0.947). With the twenty classes of
          # tests/test_value_fortieth_prep_classes.py, set 38 is 100 / 100 / 100 % (132/132, 115/115, 114/114) and set 39
          # 100 / 100 / 99.2 % (136/136, 132/132, 124/125): floors the lowest language less one miss, 113/114 (0.991) and
          # 123/125 (0.984).
          "held_out_thirty_eighth": 0.99,
          "held_out_thirty_ninth": 0.98,
          # Twelve whole articles each in all three languages (sets 40 and 41: economy and the state; society, people and
          # ideas), written and labelled by two more engineers who never ran the parser, scored once at ea6c45a with the
          # fixes of sets 38 and 39 in: set 40 93.0 / 88.9 / 94.1 % (92.3 % in all; 159/171, 96/108, 143/152), set 41
          # 93.0 / 87.1 / 89.8 % (90.1 % in all; 119/128, 101/116, 115/128): the honest held-out number of this round.
          # After their fixes (general classes, no relabel; dates on the right side of publication, bounds said by a
          # preposition or verb, durations and fractions in words, counted nouns of compounds and earlier sentences,
          # Kazakh possessives, units, money said elsewhere, ordinals in digits): set 40 99.4 / 98.1 / 99.3 % (170/171,
          # 106/108, 151/152), set 41 100 / 99.1 / 99.2 % (128/128, 115/116, 127/128). Floors: the lowest language less
          # one miss, 105/108 (0.972) and 114/116 (0.983).
          "held_out_fortieth": 0.97,
          "held_out_forty_first": 0.98,
          # Twelve whole articles each in all three languages (sets 42 and 43: transport, energy, water and the regions;
          # diplomacy, law, finance, technology and food), written and labelled by two more engineers who never ran the
          # parser, scored once at d436995 with every fix of sets 40 and 41 in: set 42 92.9 / 89.2 / 93.2 % (91.7 % in
          # all; 117/126, 116/130, 109/117), set 43 99.3 / 94.9 / 89.7 % (95.3 % in all; 141/142, 94/99, 87/97): the
          # honest held-out number of this round. Floors: the first score's lowest language.
          # After their fixes (general classes, no relabel; industry units, Russian bounds said by verbs and "от"/"до",
          # weeks, Kazakh periods with case endings and legal bounds, months counted forward, possessed nouns): set 42
          # 100 / 98.5 / 98.3 % (126/126, 128/130, 115/117), set 43 100 / 97.0 / 100 % (142/142, 96/99, 97/97). Floors:
          # the lowest language less one miss, 114/117 (0.974) and 95/99 (0.960).
          "held_out_forty_second": 0.97,
          "held_out_forty_third": 0.95,
          # Fourteen whole articles each (4 English, 5 Russian, 5 Kazakh; sets 44 and 45: society, health, education,
          # sport and consumers; industry, agriculture, banking, budgets, statistics and digital contracts), written
          # and labelled by two more engineers who never ran the parser, scored once at 6e44f83 with every fix of sets
          # 42 and 43 in: set 44 95.3 / 93.7 / 90.7 % (93.1 % in all; 123/129, 133/142, 137/151), set 45 93.1 / 93.6 /
          # 89.4 % (91.9 % in all; 108/116, 146/156, 144/161): the honest held-out number of this round. Floors: the
          # first score's lowest language.
          # After their fixes (general classes, no relabel; places in a ranking, vulgar fractions, a month's ten days,
          # Russian compound ordinals and months in the instrumental, timetables' present tense, "or older", quarters
          # counted from publication, Kazakh bounds said by verbs and comparatives, "бір-екі", rates with a slash,
          # yields a hectare, Kazakh loanwords that end like a case): set 44 100 / 98.6 / 97.4 % (129/129, 140/142,
          # 147/151), set 45 100 / 97.4 / 95.0 % (116/116, 152/156, 153/161). Floors: the lowest language less one
          # miss, 146/151 (0.967) and 152/161 (0.944).
          # After scores in points were settled as quantities (issue #17; the parser's change, no relabel in this set):
          # set 44 100 / 100 / 98.0 % (129/129, 142/142, 148/151); floor the lowest language less one miss, 147/151
          # (0.974).
          "held_out_forty_fourth": 0.97,
          "held_out_forty_fifth": 0.94,
          # Fourteen whole articles each (4 English, 5 Russian, 5 Kazakh; sets 46 and 47: law, courts, elections,
          # civil society, the media and local government; trade, customs, retail, tourism, the energy transition,
          # housing and jobs), written and labelled by two more engineers who never ran the parser while sets 44 and
          # 45 were fixed, scored once at 06e4ab0 with those fixes in: set 46 97.0 / 94.5 / 90.1 % (93.8 % in all;
          # 128/132, 138/146, 127/141), set 47 99.2 / 97.1 / 94.8 % (97.0 % in all; 132/133, 135/139, 127/134): the
          # honest held-out number of this round. Floors: the first score's lowest language.
          # After their fixes (general classes, no relabel; fixed terms of elections and local government, a Russian
          # participle closing its sentence, ordinals past a title's modifier, "within a year", days and months ahead
          # of a future verb, "еще четыре", a large bare figure's noun from the sentence before; Kazakh one-syllable
          # nouns with case endings, ranges with the unit after the second figure, "the same period of last year",
          # the tense of Kazakh verbs in -стады and passives, abbreviations with a case ending, "ғана"): set 46 100 /
          # 99.3 / 99.3 % (132/132, 145/146, 140/141), set 47 100 / 100 / 100 %. Floors: the lowest language less
          # one miss, 139/141 (0.986) and 133/134 (0.993).
          "held_out_forty_sixth": 0.98,
          "held_out_forty_seventh": 0.99,
          # Fourteen whole articles each (4 English, 5 Russian, 5 Kazakh; sets 48 and 49: science, space, health,
          # water, food and the regions; foreign policy, visas, ports, mining, markets and heritage), written and
          # labelled by two more engineers who never ran the parser while sets 46 and 47 were fixed, scored once at
          # 097ca32 with those fixes in: set 48 92.6 / 97.3 / 97.2 % (95.8 % in all; 126/136, 146/150, 140/144), set 49
          # 96.4 / 96.2 / 93.9 % (95.5 % in all; 133/138, 150/156, 138/147): the honest held-out number of this round.
          # Floors: the first score's lowest language.
          # After their fixes (general classes, no relabel; metres written "m", mmHg, m³/t and m³/h, calendar days,
          # ranges with the unit after both figures, "the twelve months to March", a chronicle's dates by its heading's
          # year, "того же года", "one-in-four", scores out of ten, ECTS; Kazakh voiced consonants before an ending,
          # "дейіні", ranges of years before 1800, "оқиға" and "жиынтық", participles before a noun, present-future
          # verbs): set 48 99.3 / 100 / 99.3 % (135/136, 150/150, 143/144), set 49 99.3 / 100 / 100 % (137/138,
          # 156/156, 147/147). Floors: the lowest language less one miss, 134/136 (0.985) and 136/138 (0.986).
          "held_out_forty_eighth": 0.98,
          "held_out_forty_ninth": 0.98,
          # Fourteen whole articles each (4 English, 5 Russian, 5 Kazakh; sets 50 and 51: consumers, prices, schools,
          # sport, the regions and small firms; treaties, EU programmes, development banks, climate policy, customs
          # statistics and parliaments), written and labelled by two more engineers who never ran the parser while
          # sets 48 and 49 were fixed, scored once at c0b585c with those fixes in: set 50 93.8 / 93.9 / 93.3 % (93.7 %
          # in all; 137/146, 155/165, 140/150), set 51 95.6 / 93.7 / 93.3 % (94.2 % in all; 131/137, 149/159,
          # 140/150): the honest held-out number of this session's last round. Floors: the first score's lowest
          # language.
          # After a first pass of fixes (general classes, no relabel; dB(A), m/s, grams, "68-square-metre", half-years,
          # "в прошлом августе", Russian prefixed futures, "более чем со 160", weekdays of a listing, "пунктов";
          # Kazakh seconds, "-нда" and "-сымен" endings, "-шылық" nouns, "әрбір оныншысында", "кВт·сағаттан"): set 50
          # 95.9 / 95.2 / 95.3 % (140/146, 157/165, 143/150), set 51 97.8 / 96.9 / 95.3 % (134/137, 154/159, 143/150).
          # Floors: the lowest language less one miss, 156/165 (0.945) and 142/150 (0.947).
          # After scores in points were settled as quantities (issue #17; the parser's change, no relabel in this set):
          # set 50 95.9 / 96.4 / 96.0 % (140/146, 159/165, 144/150); floor the lowest language less one miss, 139/146
          # (0.952).
          "held_out_fiftieth": 0.95,
          "held_out_fifty_first": 0.94,
          # Fourteen whole articles each (sets 52 and 53: farm trade, water, raw materials, freight and farm lending;
          # health, universities, culture, weather and aviation), written and labelled by two more engineers who never
          # ran the parser, scored once at 00b28ae with every fix of sets 44-51 in: set 52 94.7 / 94.3 / 92.3 %
          # (124/131, 165/175, 155/168), set 53 95.7 / 89.3 / 86.8 % (134/140, 150/168, 131/151): the honest
          # held-out number of this round. Floors: the first score's lowest language.
          # After one pass of fixes (three engineers, one language each; general classes, no relabel): set 52
          # 96.9 / 99.4 / 95.8 % (127/131, 174/175, 161/168), set 53 99.3 / 98.2 / 93.4 % (139/140, 165/168,
          # 141/151). Floors: the lowest language less one miss, 160/168 (0.952) and 140/151 (0.927).
          "held_out_fifty_second": 0.95,
          "held_out_fifty_third": 0.92,
          # Sets 54 and 55 (energy, mining and CBAM; diplomacy, money and sport), written and labelled by two more
          # engineers who never ran the parser while sets 52 and 53 were fixed, scored once at c14d899: set 54 88.5 /
          # 89.7 / 91.8 % (138/156, 148/165, 123/134), set 55 93.1 / 98.0 / 90.9 % (134/144, 148/151, 140/154): the
          # honest held-out number of this round. Floors: the first score's lowest language.
          # After one pass of fixes (three engineers, one language each; general classes, no relabel): set 54
          # 97.4 / 100 / 96.3 % (152/156, 165/165, 129/134), set 55 97.9 / 100 / 92.9 % (141/144, 151/151, 143/154).
          # Floors: the lowest language less one miss, 128/134 (0.955) and 142/154 (0.922).
          # After scores in points were settled as quantities (issue #17; the parser's change, no relabel in this set):
          # set 55 97.9 / 100 / 96.8 % (141/144, 151/151, 149/154); floor the lowest language less one miss, 148/154
          # (0.961).
          "held_out_fifty_fourth": 0.95,
          "held_out_fifty_fifth": 0.96,
          # Sets 56 and 57 (technology and telecoms; enforcement, borders, insurance and remittances), written and
          # labelled by two more engineers who never ran the parser while sets 54 and 55 were fixed, scored once at
          # bf4a030: set 56 93.0 / 92.0 / 83.2 % (120/129, 150/163, 129/155), set 57 94.0 / 90.7 / 90.3 % (126/134,
          # 146/161, 121/134): the honest held-out number of this round, not fixed. Floors: the first score's lowest
          # language.
          # After one pass of fixes (three engineers, one language each; general classes, no relabel): set 56
          # 97.7 / 97.5 / 89.0 % (126/129, 159/163, 138/155), set 57 97.0 / 96.9 / 94.8 % (130/134, 156/161, 127/134).
          # Floors: the lowest language less one miss, 137/155 (0.884) and 126/134 (0.940).
          "held_out_fifty_sixth": 0.88,
          "held_out_fifty_seventh": 0.94,
          # Sets 58 and 59 (building, metals, chemicals, dry ports, procurement and courts; nature, waste, air, a
          # nuclear plant, space and tourism), written and labelled by two more engineers who never ran the parser,
          # scored once at 43a7e0e with every fix of sets 56 and 57 in: set 58 95.3 / 97.3 / 93.9 % (122/128, 146/150,
          # 154/164), set 59 91.9 / 96.7 / 93.9 % (137/149, 146/151, 155/165): the honest held-out number of this
          # round. Floors: the first score's lowest language.
          # After one pass of fixes (three engineers, one language each; general classes, no relabel): set 58
          # 97.7 / 99.3 / 98.2 % (125/128, 149/150, 161/164), set 59 98.0 / 99.3 / 97.6 % (146/149, 150/151,
          # 161/165). Floors: the lowest language less one miss, 124/128 (0.969) and 160/165 (0.970).
          "held_out_fifty_eighth": 0.96,
          "held_out_fifty_ninth": 0.96,
          # Sets 60 and 61 (farming, fisheries and food prices; culture, schools, sport, fares and city budgets),
          # written and labelled by two more engineers who never ran the parser while sets 58 and 59 were fixed,
          # scored once at 12a29fb: set 60 90.4 / 97.6 / 91.5 % (142/157, 165/169, 161/176), set 61 93.6 / 93.5 /
          # 89.8 % (147/157, 159/170, 150/167): the honest held-out number of this round. Floors: the first score's
          # lowest language.
          # After one pass of fixes (three engineers, one language each; general classes) and the Kazakh izafet
          # compounds settled (one relabel in each set): set 60 96.8 / 99.4 / 98.3 % (152/157, 168/169, 173/176),
          # set 61 96.2 / 97.6 / 95.8 % (151/157, 166/170, 160/167). Floors: the lowest language less one miss,
          # 151/157 (0.962) and 159/167 (0.952).
          "held_out_sixtieth": 0.96,
          "held_out_sixty_first": 0.95,
          # Sets 62 and 63 (banks, IPOs, taxes, privatisation and forums; health, demography, migration and languages),
          # written and labelled by two more engineers who never ran the parser while sets 60 and 61 were fixed,
          # scored once at f729a08: set 62 97.1 / 93.2 / 89.7 % (132/136, 138/148, 131/146), set 63 97.9 / 93.6 /
          # 93.4 % (139/142, 147/157, 156/167): the honest held-out number of this round. Floors: the first score's
          # lowest language.
          # Set 62's five Kazakh izafet labels written before the rule was settled, relabelled by it: 97.1 / 93.2 /
          # 92.5 % (132/136, 138/148, 135/146). After one pass of fixes (three engineers, one language each;
          # general classes): set 62 100 / 98.0 / 96.6 % (136/136, 145/148, 141/146), set 63 98.6 / 96.8 / 98.8 %
          # (140/142, 152/157, 165/167). Floors: the lowest language less one miss, 140/146 (0.959) and 151/157
          # (0.962).
          "held_out_sixty_second": 0.95,
          "held_out_sixty_third": 0.96,
          # Sets 64 and 65 (roads, cars, fuel, ride-hailing, shipping and flights; research, patents, museums, courts
          # and charities), written and labelled by two more engineers who never ran the parser while sets 62 and 63
          # were fixed, scored once at 1966413: set 64 93.5 / 97.0 / 94.5 % (129/138, 163/168, 155/164), set 65
          # 96.9 / 95.5 / 95.0 % (126/130, 148/155, 152/160): the honest held-out number of this round. Floors: the
          # first score's lowest language.
          # After one pass of fixes (three engineers, one language each; general classes, no relabel): set 64
          # 100 / 98.2 / 100 % (138/138, 165/168, 164/164), set 65 99.2 / 98.7 / 97.5 % (129/130, 153/155, 156/160).
          # Floors: the lowest language less one miss, 164/168 (0.976) and 155/160 (0.969).
          "held_out_sixty_fourth": 0.97,
          "held_out_sixty_fifth": 0.96,
          # Sets 66 and 67 (defence, police, emergencies, weather and insurance; retail, consumers, advertising, rents
          # and wages), written and labelled by two more engineers who never ran the parser while sets 64 and 65 were
          # fixed, scored once at 70bf217: set 66 95.1 / 91.0 / 96.3 % (136/143, 131/144, 156/162), set 67 98.6 /
          # 99.4 / 95.4 % (136/138, 174/175, 146/153): the honest held-out number of this round, not fixed. Floors:
          # the first score's lowest language.
          # After one pass of fixes (three engineers, one language each; general classes, no relabel): set 66
          # 100 / 98.6 / 99.4 % (143/143, 142/144, 161/162), set 67 100 / 100 / 98.0 % (138/138, 175/175, 150/153).
          # Floors: the lowest language less one miss, 141/144 (0.979) and 149/153 (0.974).
          "held_out_sixty_sixth": 0.979,
          "held_out_sixty_seventh": 0.973,
          # Sets 68 and 69 (energy, utilities and critical raw materials; universities, visas, post, railways and
          # pensions), written and labelled by two more engineers who never ran the parser, scored once on the same
          # parser as sets 66 and 67 (7482238, no fix between): set 68 96.3 / 95.4 / 96.5 % (129/134, 145/152,
          # 138/143), set 69 100 / 94.3 / 94.2 % (113/113, 148/157, 161/171). Floors: the first score's lowest
          # language.
          # After one pass of fixes (f70a-c, three engineers, one language each; general classes, no relabel): set 68
          # 97.8 / 98.0 / 98.6 % (131/134, 149/152, 141/143), set 69 100 / 95.5 / 97.7 % (113/113, 150/157, 167/171).
          # Floors: the lowest language less one miss, 130/134 (0.970) and 149/157 (0.949).
          "held_out_sixty_eighth": 0.970,
          "held_out_sixty_ninth": 0.949,
          # Sets 70 and 71 (water and drought in farming, organic and halal exports, bees and orchards, twinning; the
          # digital economy, games, film and music), written and labelled by two more engineers who never ran the
          # parser while sets 66 and 67 were fixed, scored once with those fixes in (07eacaf): set 70 92.4 / 99.3 /
          # 97.1 % (122/132, 142/143, 132/136), set 71 92.2 / 95.7 / 93.7 % (119/129, 132/138, 148/158). Floors: the
          # first score's lowest language.
          # After one pass of fixes (f70a-c): set 70 93.9 / 99.3 / 98.5 % (124/132, 142/143, 134/136), set 71 96.9 /
          # 97.8 / 95.6 % (125/129, 135/138, 151/158). Floors: the lowest language less one miss, 123/132 (0.931) and
          # 150/158 (0.949).
          "held_out_seventieth": 0.931,
          "held_out_seventy_first": 0.949,
          # Sets 72 and 73 (oil and gas, refining and emissions trading; villages, regional budgets, local elections and
          # unions), written and labelled by two more engineers who never ran the parser while sets 68-71 were fixed,
          # scored once with those fixes in (a95989c): set 72 91.1 / 93.2 / 92.4 % (123/135, 124/133, 133/144), set 73
          # 93.2 / 93.0 / 96.5 % (124/133, 133/143, 166/172). Floors: the first score's lowest language.
          # After one pass of fixes (f72a-c): set 72 95.6 / 97.7 / 97.2 % (129/135, 130/133, 140/144), set 73 96.2 /
          # 98.6 / 98.3 % (128/133, 141/143, 169/172). Floors: the lowest language less one miss, 128/135 (0.948) and
          # 127/133 (0.954).
          "held_out_seventy_second": 0.948,
          "held_out_seventy_third": 0.954,
          # Sets 74 and 75 (textiles, leather, microfinance, franchises and counterfeits; children and families, sport
          # prize money, hunting, zoos and gambling), written and labelled by two more engineers who never ran the
          # parser while sets 72 and 73 were fixed, scored once with those fixes in (fb71ea4): set 74 93.6 / 94.3 /
          # 96.8 % (132/141, 132/140, 151/156), set 75 96.0 / 93.8 / 93.5 % (144/150, 167/178, 157/168). Not fixed.
          # Floors: the first score's lowest language.
          # After one pass of fixes (f74a-c): set 74 96.5 / 97.1 / 97.4 % (136/141, 136/140, 152/156), set 75 99.3 /
          # 97.8 / 97.6 % (149/150, 174/178, 164/168). Floors: the lowest language less one miss, 135/141 (0.957) and
          # 163/168 (0.970).
          "held_out_seventy_fourth": 0.957,
          "held_out_seventy_fifth": 0.970,
          # Sets 76 and 77 (air travel, hotels and the transport corridor; medicines, trials, dentistry, donors,
          # sanatoriums and food inspections), written and labelled by two more engineers who never ran the parser
          # while sets 74 and 75 were fixed, scored once with those fixes in (2592295): set 76 96.1 / 98.6 / 94.5 % (124/129,
          # 137/139, 138/146), set 77 96.0 / 97.9 / 96.5 % (120/125, 142/145, 136/141). Not fixed. Floors: the first
          # score's lowest language.
          # After one pass of fixes (f76a-c): set 76 98.4 / 100 / 95.9 % (127/129, 139/139, 140/146), set 77 98.4 /
          # 99.3 / 99.3 % (123/125, 144/145, 140/141). Floors: the lowest language less one miss, 139/146 (0.952) and
          # 122/125 (0.976).
          "held_out_seventy_sixth": 0.952,
          "held_out_seventy_seventh": 0.976,
          # Sets 78 and 79 (cars, charging, mining equipment, standards and metrology; heritage, archives, translation
          # and the alphabet), written and labelled by two more engineers who never ran the parser, scored once with
          # the fixes of sets 76 and 77 in (f369f8a): set 78 92.3 / 90.3 / 86.4 % (108/117, 112/124, 121/140), set 79
          # 92.9 / 93.8 / 94.6 % (105/113, 106/113, 141/149). Not fixed. Floors: the first score's lowest language.
          "held_out_seventy_eighth": 0.864,
          "held_out_seventy_ninth": 0.929}


@pytest.fixture(scope="module")
def outcomes():
    suggest = current_suggest()
    return {part: score(load(part), suggest) for part in PARTS}


def test_the_set_is_large_and_has_a_real_share_of_each_language(outcomes):
    records = [o.record for part in PARTS for o in outcomes[part]]
    assert len(records) >= 200
    assert len({r.id for r in records}) == len(records)
    for language in LANGUAGES:
        assert sum(r.language == language for r in records) >= 60, language


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestions_are_exactly_right_often_enough(outcomes, part, language):
    right, total = accuracy([o for o in outcomes[part] if o.record.language == language])
    if total == 0:
        pytest.skip(f"{part} has no {language} highlights (a set may be written in one language)")
    misses = [f"{o.record.id}: {o.record.span!r} expected {o.record.value_spec}, got {o.got}"
              for o in outcomes[part] if o.record.language == language and not o.right]
    assert right / total >= FLOORS[part], "\n".join(misses)


def test_a_ceiling_label_keeps_no_amount_and_almost_keeps_one():
    ceiling = parse_expected("money <95e6 USD")
    almost = parse_expected("money almost 77e9 USD")
    assert (ceiling.amount, ceiling.lower, ceiling.upper, ceiling.unit) == (None, None, 95e6, "USD")
    assert (almost.amount, almost.lower, almost.upper, almost.unit) == (77e9, None, 77e9, "USD")
    assert parse_expected("percent almost 100/3").upper == pytest.approx(100 / 3)


# The words that say "close below" (docs/VALUE_SUGGESTIONS.md, "Bounds"); every other upper bound is a ceiling.
_CLOSE_BELOW = re.compile(r"(?i)(?<!\w)(?:almost|(?:just|slightly) (?:under|below|less than|fewer than)|почти"
                          r"|без малого|(?:чуть|немного|немногим|несколько|слегка) (?:менее|меньше))(?!\w)")


def test_upper_bound_labels_follow_their_bound_word():
    close_below, ceilings = [], []
    for part in PARTS:
        for record in load(part):
            spec = record.value_spec.split()
            if len(spec) > 1 and spec[1] == "almost":
                close_below.append(record)
                assert _CLOSE_BELOW.search(record.span), f"{record.id}: 'almost' without a close-below word"
            elif len(spec) > 1 and spec[1].startswith("<"):
                ceilings.append(record)
                assert not _CLOSE_BELOW.search(record.span), f"{record.id}: a close-below word labelled as a ceiling"
    # As relabelled in December 2026: 52 close below, 87 ceilings (more as sets grow).
    assert len(close_below) >= 52 and len(ceilings) >= 87
