"""Clock times of a range written another way (issue #23, r42fix): "from 8:30 a.m. to 5:30 p.m." -> "from 8:30 to
17:30", "с 9 часов утра до 6 часов вечера" -> "с 9:00 до 18:00". One time alone was read already
(`tests/test_reanchor_clock_times.py`); a quote holding two was not, and was orphaned. Each time is looked for as
written or the other way, the quote's other words standing as they were; taken where the new text says it so once,
fuzzy and queued, and never where a time changed."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("Library opening hours\n\nThe reading room of the regional library is open on weekdays from 8:30 a.m. to "
          "5:30 p.m., and the children's section on Saturdays as well. Entry is free for pupils.\n")
EN_NEW = ("Library opening hours (updated)\n\nThe regional library's reading room, newly refurbished, is open on weekdays "
          "from 8:30 to 17:30; the children's section opens on Saturdays too. Pupils enter free of charge.\n")


def test_a_range_of_clock_times_written_in_24_hours_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "from 8:30 a.m. to 5:30 p.m.", "from 8:30 to 17:30")


def test_a_range_whose_end_changed_is_not_placed_as_the_same_times():
    new = EN_NEW.replace("from 8:30 to 17:30", "from 8:30 to 19:00")
    placement = place(EN_OLD, new, "from 8:30 a.m. to 5:30 p.m.")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed, placement


def test_a_range_written_twice_the_new_way_is_not_taken():
    new = EN_NEW.replace("the children's section opens on Saturdays too",
                         "the café is also open from 8:30 to 17:30")
    placement = place(EN_OLD, new, "from 8:30 a.m. to 5:30 p.m.")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed or (
        new[placement.start:placement.end] == "from 8:30 to 17:30"
        and placement.start == new.index("from 8:30 to 17:30")), placement


def test_a_russian_range_said_in_hours_written_in_digits_is_placed_for_review():
    old = ("Часы приема\n\nВ будние дни прием граждан ведется с 9 часов утра до 6 часов вечера, в субботу по записи. "
           "Справки выдаются в день обращения.\n")
    new = ("Часы приема (обновлено)\n\nПрием граждан по будним дням — с 9:00 до 18:00; в субботу принимают только "
           "по предварительной записи. Справку можно получить в тот же день.\n")
    placed_for_review(old, new, "с 9 часов утра до 6 часов вечера", "с 9:00 до 18:00")
