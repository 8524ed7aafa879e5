"""A short quote that is a date opened by "from" or "until" ("from March 2031", "until May 2031"), its month
changed where it stands ("from April 2031"): the words before and after it stand, yet "from" was no word a
date could hold, so the date rule (`_date_made_precise`) never looked and it was orphaned (held-out round
34: "from September 2038" -> "From October 2038"). "from", "until", "since" and the Kazakh "бастап" are now
glue of a date as "in", "by" and "до" were; the placement is flagged "number changed" and queued
(issue #23)."""

from __future__ import annotations

from tests.test_reanchor import placed_for_review

EN_OLD = ("Schedule\n\nThe new bus line will run from March 2031 on weekdays only. Tickets cost 200 tenge.\n\n"
          "More on the website.\n")
EN_NEW = ("Schedule (updated)\n\nThe new bus line will run from April 2031 on weekdays only. Tickets cost 200 "
          "tenge.\n\nMore on the website.\n")


def test_a_month_changed_after_from_is_placed_flagged_and_queued():
    placement = placed_for_review(EN_OLD, EN_NEW, "from March 2031", "from April 2031")
    assert placement.number_changed


def test_a_month_changed_after_until_is_placed_flagged_and_queued():
    old = EN_OLD.replace("from March 2031", "until March 2031")
    new = EN_NEW.replace("from April 2031", "until April 2031")
    placement = placed_for_review(old, new, "until March 2031", "until April 2031")
    assert placement.number_changed
