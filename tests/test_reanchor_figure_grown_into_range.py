"""A single figure grown into a range ("3 күннен" -> "2–3 күннен", "about 20 minutes" -> "15–20 minutes"; held-out
round 44: a hospital's discharge rules). The range keeps the old figure as one of its ends, so
`_old_claim_kept_beside_a_new_one` read it as a new figure set beside the old one (last year's in brackets) and
orphaned the span. A range is one claim: the placement stands, flagged as a changed figure and queued (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.reanchor import _old_claim_kept_beside_a_new_one
from tests.test_reanchor import flagged_or_orphaned, placed_for_review

KK_OLD = ("Емхана ережелері\n\nТалдау нәтижелері әдетте тапсырғаннан кейін 5 күннен соң дайын болады. "
          "Нәтижені электрондық поштаға жіберуге болады.\n")
KK_NEW = ("Емхана ережелері (жаңартылған)\n\nТалдау нәтижелері әдетте тапсырғаннан кейін 4–5 күннен соң дайын болады, "
          "шұғыл талдау — бір күнде. Нәтижені электрондық поштаға жіберуге болады.\n")
EN_OLD = ("Ferry timetable\n\nThe crossing to the island takes about 40 minutes in calm weather. "
          "Tickets are sold at the pier.\n")
EN_NEW = ("Ferry timetable (summer)\n\nThe crossing to the island takes about 35-40 minutes in calm weather. "
          "Tickets are sold at the pier and online.\n")


def test_a_range_ending_in_the_old_figure_is_one_claim():
    assert not _old_claim_kept_beside_a_new_one("кейін 5 күннен соң", "кейін 4-5 күннен соң")
    assert not _old_claim_kept_beside_a_new_one("about 40 minutes", "about 35 - 40 minutes")


def test_a_figure_kept_beside_a_new_one_is_still_two_claims():
    assert _old_claim_kept_beside_a_new_one("составил 48,8 млрд", "составил 49,1 млрд (ранее 48,8 млрд)")


def test_a_days_figure_grown_into_a_range_is_placed_flagged_and_queued():
    placement = placed_for_review(KK_OLD, KK_NEW, "тапсырғаннан кейін 5 күннен соң", "тапсырғаннан кейін 4–5 күннен соң")
    assert placement.number_changed


def test_minutes_grown_into_a_range_are_placed_flagged_and_queued():
    placement = placed_for_review(EN_OLD, EN_NEW, "takes about 40 minutes", "takes about 35-40 minutes")
    assert placement.number_changed


def test_a_range_that_no_longer_holds_the_old_figure_is_never_placed_silently():
    flagged_or_orphaned(KK_OLD, KK_NEW.replace("4–5 күннен", "6–7 күннен"), "тапсырғаннан кейін 5 күннен соң")
