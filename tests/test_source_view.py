"""The reading pane: code point offsets at the Qt boundary, highlights at scale, pointer, find, refresh."""

from __future__ import annotations

import random
from itertools import accumulate

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QHelpEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from kzeu_desk.core import queries
from kzeu_desk.core.highlight_index import HighlightIndex
from kzeu_desk.core.queries import EvidenceSpan
from kzeu_desk.core.text import canonicalize
from kzeu_desk.ui.find_bar import FindBar
from kzeu_desk.ui.source_pane import SourcePane, source_details_line
from kzeu_desk.ui.source_view import SourceView, describe_fact, plain_text_as_tooltip
from highlight_formats import highlight_formats

GRINNING = "\U0001f600"
FLAG_KAZAKHSTAN = "\U0001f1f0\U0001f1ff"
RAW_MIXED = (
    f"Intro {GRINNING} line\r\n"
    f"Қазақстан {FLAG_KAZAKHSTAN} және ЕО signed the EPCA in 2015.\r\n"
    "The EU and Kazakhstan: EU investment grew.\r\n"
    "End"
)
MIXED = canonicalize(RAW_MIXED)


def utf16(text: str, codepoint_offset: int) -> int:
    """An independent conversion for the assertions: count UTF-16 units of the prefix."""
    return len(text[:codepoint_offset].encode("utf-16-le")) // 2


def span(evidence_id: int, start: int, end: int, fact_id: int, status: str = "draft", *,
         subject: str | None = "Kazakhstan", prop: str | None = "diplomatic relations established",
         rank: str = "normal") -> EvidenceSpan:
    return EvidenceSpan(evidence_id=evidence_id, start=start, end=end, fact_id=fact_id, status=status, rank=rank,
                        subject_name=subject, property_name=prop)


@pytest.fixture
def view(qtbot) -> SourceView:
    source_view = SourceView()
    qtbot.addWidget(source_view)
    source_view.resize(640, 420)
    return source_view


@pytest.fixture
def shown_view(qtbot, view) -> SourceView:
    view.show()
    qtbot.waitExposed(view)
    return view


def formats_in_block(view: SourceView, position: int) -> list[tuple[int, int, QTextCharFormat]]:
    """(absolute start, end, format) of the highlighter's ranges in the block holding UTF-16 `position`."""
    block = view.document().findBlock(position)
    layout_ranges = block.layout().formats()  # held, so the copies below outlive no C++ object
    return [(block.position() + r.start, block.position() + r.start + r.length, QTextCharFormat(r.format))
            for r in layout_ranges]


def viewport_point_inside_character(view: SourceView, position: int) -> QPoint:
    """A point a little right of the caret slot before `position`, i.e. on that character."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


# -- code points at the Qt boundary --------------------------------------------------------------


def test_selection_is_reported_in_code_points_of_the_canonical_text(view):
    assert "\r" not in MIXED
    view.show_source(7, MIXED, [])
    assert view.toPlainText() == MIXED
    quote = "signed the EPCA in 2015"
    start = MIXED.index(quote)
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16(MIXED, start))
    cursor.setPosition(utf16(MIXED, start + len(quote)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)

    selected = view.selected_span()

    assert selected == (start, start + len(quote))
    assert utf16(MIXED, start) != start  # the emoji and the flag really shift Qt's positions
    assert MIXED[selected[0]:selected[1]] == quote


def test_keyboard_selection_of_an_emoji_is_one_code_point(qtbot, shown_view):
    shown_view.show_source(7, MIXED, [])
    emoji_at = MIXED.index(GRINNING)
    cursor = QTextCursor(shown_view.document())
    cursor.setPosition(utf16(MIXED, emoji_at))
    shown_view.setTextCursor(cursor)
    shown_view.setFocus()

    with qtbot.waitSignal(shown_view.selection_span_changed) as has_selection:
        qtbot.keyClick(shown_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)

    assert has_selection.args == [True]
    assert shown_view.selected_span() == (emoji_at, emoji_at + 1)


def test_no_selection_is_none_and_announced(qtbot, view):
    view.show_source(7, MIXED, [])
    view.reveal_span(0, 5)
    assert view.selected_span() == (0, 5)
    with qtbot.waitSignal(view.selection_span_changed) as has_selection:
        view.moveCursor(QTextCursor.MoveOperation.End)
    assert has_selection.args == [False]
    assert view.selected_span() is None


def test_reveal_span_selects_exactly_the_quote(view):
    quote = "EU investment"
    start = MIXED.index(quote)
    view.show_source(7, MIXED, [])
    view.reveal_span(start, start + len(quote))
    assert view.textCursor().selectedText() == quote
    assert view.selected_span() == (start, start + len(quote))


def test_text_that_is_not_canonical_is_refused(view):
    with pytest.raises(ValueError, match="canonical"):
        view.show_source(1, RAW_MIXED, [])


def test_markup_in_the_text_is_shown_literally(view):
    markup = "Before <b>bold</b><img src='http://x'> after &amp; more"
    view.show_source(1, markup, [span(1, 7, 18, 1)])
    assert view.toPlainText() == markup
    assert view.document().characterCount() - 1 == len(markup)
    assert view.spans_at(markup.index("bold")) and view.selected_span() is None


def test_tooltips_escape_markup_from_names():
    tooltip = plain_text_as_tooltip(describe_fact(span(1, 0, 1, 1, subject="<b>EU</b>", prop="<img src=x>")))
    assert "<b>EU" not in tooltip and "&lt;b&gt;EU&lt;/b&gt;" in tooltip and "&lt;img src=x&gt;" in tooltip


# -- highlights -------------------------------------------------------------------------------------


def test_spans_are_coloured_by_status_at_their_utf16_positions(view):
    first, second = "signed the EPCA", "EU investment"
    first_start, second_start = MIXED.index(first), MIXED.index(second)
    view.show_source(7, MIXED, [
        span(1, first_start, first_start + len(first), 10, "confirmed"),
        span(2, second_start, second_start + len(second), 11, "disputed"),
    ])

    for start, length, status in ((first_start, len(first), "confirmed"), (second_start, len(second), "disputed")):
        expected_start, expected_end = utf16(MIXED, start), utf16(MIXED, start + length)
        ranges = formats_in_block(view, expected_start)
        assert [(s, e) for s, e, _ in ranges] == [(expected_start, expected_end)]
        colour = ranges[0][2].background().color()
        assert colour == view.span_formats.span_format(status, 1).background().color()
        assert colour.alpha() < 255  # translucent, so the palette's own text contrast survives


def test_status_colours_differ_and_overlap_is_deeper_and_underlined(view):
    formats = view.span_formats
    colours = {status: formats.span_format(status, 1).background().color().rgba()
               for status in ("draft", "confirmed", "disputed", "rejected")}
    assert len(set(colours.values())) == 4
    single, overlap = formats.span_format("confirmed", 1), formats.span_format("confirmed", 2)
    assert overlap.background().color().alpha() > single.background().color().alpha()
    assert overlap.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    assert single.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_a_dark_palette_gets_stronger_tints(view):
    light_alpha = view.span_formats.span_format("confirmed", 1).background().color().alpha()
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    view.show_source(1, "dark mode text", [span(1, 0, 4, 1, "confirmed")])

    view.setPalette(dark)

    assert view.span_formats.span_format("confirmed", 1).background().color().alpha() > light_alpha
    assert formats_in_block(view, 0)[0][2].background() == view.span_formats.span_format("confirmed", 1).background()


def test_overlapping_spans_produce_an_overlap_segment(view):
    text = "The EU and Kazakhstan signed the agreement in 2015."
    outer = (text.index("Kazakhstan"), text.index(" in 2015"))
    inner = (text.index("signed"), text.index("2015") + 4)
    view.show_source(3, text, [span(1, *outer, 1, "confirmed"), span(2, *inner, 2, "draft")])

    ranges = formats_in_block(view, 0)

    bounds = [(s, e) for s, e, _ in ranges]
    assert bounds == [(outer[0], inner[0]), (inner[0], outer[1]), (outer[1], inner[1])]
    _, _, middle = ranges[1]
    assert middle.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    # The overlap takes the innermost (shorter) span's status, the one a click there would pick.
    assert middle.background() == view.span_formats.span_format("draft", 2).background()
    assert ranges[0][2].background() == view.span_formats.span_format("confirmed", 1).background()
    assert view.highlight_index.segments == [
        (outer[0], inner[0], 1, "confirmed"), (inner[0], outer[1], 2, "draft"), (outer[1], inner[1], 1, "draft")]


def test_selected_fact_and_find_match_are_the_only_extra_selections(view):
    text = "alpha beta gamma delta epsilon"
    spans = [span(i, text.index(word), text.index(word) + len(word), fact_id, "draft")
             for i, (word, fact_id) in enumerate([("alpha", 1), ("beta", 2), ("delta", 2), ("epsilon", 3)])]
    view.show_source(1, text, spans)
    assert view.extraSelections() == []

    view.set_selected_fact(2)
    assert view.extra_selection_ranges() == [(6, 10), (17, 22)]

    view.set_find_match((11, 16))
    assert view.extra_selection_ranges() == [(6, 10), (17, 22), (11, 16)]

    view.set_selected_fact(None)
    view.set_find_match(None)
    assert view.extraSelections() == []


def test_set_spans_keeps_the_scroll_position_and_recolours(qtbot, shown_view):
    text = "\n".join(f"Paragraph {n}: the EU and Kazakhstan discussed trade." for n in range(400))
    shown_view.show_source(1, text, [span(1, 0, 9, 1)])
    scroll_bar = shown_view.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum() // 2)
    position_before = scroll_bar.value()
    assert position_before > 0
    target = text.index("Paragraph 250")

    shown_view.set_spans([span(1, 0, 9, 1), span(2, target, target + 13, 2, "confirmed")])

    assert scroll_bar.value() == position_before
    ranges = formats_in_block(shown_view, target)
    assert [(s, e) for s, e, _ in ranges] == [(target, target + 13)]
    assert ranges[0][2].background() == shown_view.span_formats.span_format("confirmed", 1).background()


def test_only_ranges_of_changed_spans_are_recoloured():
    from kzeu_desk.core.text import Utf16Index

    text = "0123456789" * 5
    before = [span(1, 0, 5, 1), span(2, 10, 20, 2), span(3, 30, 40, 3)]
    after = [span(1, 0, 5, 1), span(2, 10, 20, 2, "confirmed"), span(4, 42, 45, 4)]
    index_before, index_after = HighlightIndex(before, Utf16Index(text)), HighlightIndex(after, Utf16Index(text))
    assert index_after.ranges_that_differ(index_before) == [(10, 20), (30, 40), (42, 45)]
    assert index_after.ranges_that_differ(HighlightIndex(after, Utf16Index(text))) == []


def test_set_spans_clears_highlights_that_went_away(view):
    text = "one two three"
    view.show_source(1, text, [span(1, 4, 7, 1)])
    assert formats_in_block(view, 0)
    view.set_spans([])
    assert formats_in_block(view, 0) == []


def test_clear_source_shows_the_placeholder(view):
    view.show_source(1, MIXED, [span(1, 0, 5, 1)])
    view.clear_source()
    assert view.toPlainText() == "" and view.source_id is None and view.highlight_index is None
    assert view.placeholderText() == "Choose a source on the left to read it."
    assert view.selected_span() is None


def test_view_is_read_only_plain_selectable_and_named(view):
    assert view.objectName() == "sourceView" and view.accessibleName() == "Source text"
    assert view.isReadOnly()
    flags = view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert view.document().documentMargin() == 12


# -- pointer -----------------------------------------------------------------------------------------


def test_click_on_a_highlight_emits_the_innermost_fact(qtbot, shown_view):
    text = "The EU and Kazakhstan signed the agreement in 2015."
    outer = (text.index("Kazakhstan"), len(text) - 1)
    inner = (text.index("signed"), text.index("signed") + len("signed"))
    shown_view.show_source(1, text, [span(1, *outer, 41), span(2, *inner, 42)])

    with qtbot.waitSignal(shown_view.fact_clicked) as clicked:
        qtbot.mouseClick(shown_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point_inside_character(shown_view, inner[0] + 2))
    assert clicked.args == [42]

    with qtbot.waitSignal(shown_view.fact_clicked) as clicked:
        qtbot.mouseClick(shown_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point_inside_character(shown_view, outer[0] + 1))
    assert clicked.args == [41]


def test_click_on_plain_text_or_a_drag_emits_nothing(qtbot, shown_view):
    text = "Plain words first, then a highlighted claim about trade."
    claim = (text.index("highlighted"), text.index(" about"))
    shown_view.show_source(1, text, [span(1, *claim, 5)])

    with qtbot.assertNotEmitted(shown_view.fact_clicked):
        qtbot.mouseClick(shown_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point_inside_character(shown_view, 2))

    start = viewport_point_inside_character(shown_view, claim[0])
    end = viewport_point_inside_character(shown_view, claim[1] - 1)
    with qtbot.assertNotEmitted(shown_view.fact_clicked):
        qtbot.mousePress(shown_view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(shown_view.viewport(), end)
        qtbot.mouseRelease(shown_view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert shown_view.selected_span() is not None


def test_a_point_past_the_end_of_a_line_is_on_no_character(shown_view):
    text = "short\nA highlighted second line"
    shown_view.show_source(1, text, [span(1, 6, len(text), 1)])
    cursor = QTextCursor(shown_view.document())
    cursor.setPosition(2)
    far_right = QPoint(shown_view.viewport().width() - 5, shown_view.cursorRect(cursor).center().y())
    assert shown_view.utf16_position_under(far_right) is None
    assert shown_view.utf16_position_under(viewport_point_inside_character(shown_view, 8)) == 8


def test_tooltip_names_the_facts_under_a_position(view):
    text = "In 1993 Kazakhstan and the EU established diplomatic relations."
    outer = (text.index("Kazakhstan"), len(text) - 1)
    inner = (text.index("1993"), text.index("1993") + 4)
    draft = (text.index("established"), text.index("established") + len("established"))
    view.show_source(1, text, [
        span(1, *outer, 1, "confirmed", rank="preferred"),
        span(2, 0, inner[1], 2, "draft"),
        span(3, *draft, 3, "draft", subject=None, prop=None),
        span(4, inner[0], inner[1], 2, "draft"),  # a second span of fact 2 is named once
    ])

    assert view.tooltip_text_at(inner[0]) == "Kazakhstan · diplomatic relations established — draft"
    assert view.tooltip_text_at(draft[0] + 1) == (
        "New draft fact (subject and property not set)\n"
        "Kazakhstan · diplomatic relations established — confirmed, preferred")
    assert view.tooltip_text_at(len(text) - 1) is None


def test_tooltip_event_shows_the_fact(qtbot, shown_view):
    text = "Trade grew: the EU share of trade is about 30%."
    claim = (text.index("the EU"), len(text) - 1)
    shown_view.show_source(1, text, [span(1, *claim, 1, "disputed", subject="EU", prop="share of trade")])
    point = viewport_point_inside_character(shown_view, claim[0] + 3)
    event = QHelpEvent(QEvent.Type.ToolTip, point, shown_view.viewport().mapToGlobal(point))

    QApplication.sendEvent(shown_view.viewport(), event)

    qtbot.waitUntil(QToolTip.isVisible)
    assert "EU · share of trade — disputed" in QToolTip.text()
    QToolTip.hideText()


def test_context_actions_come_before_the_standard_ones(view):
    view.show_source(1, "Some text", [])
    new_fact, add_evidence = QAction("New fact from selection", view), QAction("Add as evidence", view)
    view.set_context_actions([new_fact, add_evidence])

    menu = view.build_context_menu(QPoint(5, 5))

    actions = menu.actions()
    assert actions[:2] == [new_fact, add_evidence]
    assert actions[2].isSeparator()
    texts = [action.text().replace("&", "") for action in actions[3:]]
    assert any(t.startswith("Copy") for t in texts) and any(t.startswith("Select All") for t in texts)
    menu.deleteLater()


# -- find -------------------------------------------------------------------------------------------


def test_find_bar_counts_and_walks_case_insensitive_matches(qtbot, shown_view):
    text = MIXED + "\nEuropean eu EU."
    shown_view.show_source(1, text, [])
    bar = FindBar(shown_view)
    qtbot.addWidget(bar)
    assert bar.isHidden()
    expected = [i for i in range(len(text)) if text[i:i + 2].lower() == "eu"]

    bar.open()
    qtbot.keyClicks(bar.field, "eU")

    assert [start for start, _ in bar.matches] == expected
    assert bar.counter.text() == f"1 of {len(expected)}"
    first = expected[0]
    assert shown_view.extra_selection_ranges() == [(utf16(text, first), utf16(text, first + 2))]

    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.counter.text() == f"2 of {len(expected)}"
    assert shown_view.extra_selection_ranges() == [(utf16(text, expected[1]), utf16(text, expected[1] + 2))]

    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.counter.text() == f"{len(expected)} of {len(expected)}"  # wraps around

    bar.next_button.click()
    assert bar.current_index == 0

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert shown_view.extraSelections() == []


def test_find_bar_reports_no_matches(qtbot, shown_view):
    shown_view.show_source(1, "Nothing to see", [])
    bar = FindBar(shown_view)
    qtbot.addWidget(bar)
    bar.open()
    qtbot.keyClicks(bar.field, "EPCA")
    assert bar.matches == [] and bar.counter.text() == "No matches"
    assert not bar.next_button.isEnabled()


# -- at scale (correctness only; timings are measured outside the test suite) -------------------------


def test_a_megabyte_with_ten_thousand_spans_is_shown_and_indexed_correctly(qtbot, view):
    rng = random.Random(20240202)
    words = ["Kazakhstan", "EU", "partnership", "Қазақстан", "Еуропа", "signed", "2015", GRINNING, "trade"]
    paragraphs, size = [], 0
    while size < 1_000_000:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(20, 120)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    text = "\n".join(paragraphs)
    statuses = ["draft", "confirmed", "disputed", "rejected"]
    spans = []
    for number in range(10_000):
        start = rng.randrange(0, len(text) - 400)
        spans.append(span(number, start, start + rng.randint(1, 300), number // 3, rng.choice(statuses)))

    view.show_source(1, text, spans)
    qtbot.waitUntil(lambda: not view.colouring, timeout=60_000)  # a long text is coloured in steps

    assert len(view.toPlainText()) == len(text)
    assert view.document().blockCount() == len(paragraphs)
    index = view.highlight_index
    assert isinstance(index, HighlightIndex) and len(index) == 10_000

    # Brute force for the assertions: UTF-16 offset of every code point, and the overlap depth at
    # every UTF-16 position from a difference array.
    utf16_at = [0, *accumulate(2 if ord(character) > 0xFFFF else 1 for character in text)]
    depth_change = [0] * (utf16_at[-1] + 1)
    for s in spans:
        depth_change[utf16_at[s.start]] += 1
        depth_change[utf16_at[s.end]] -= 1
    utf16_depth = list(accumulate(depth_change))
    for block_number in rng.sample(range(view.document().blockCount()), 40):
        block = view.document().findBlockByNumber(block_number)
        block_start, block_end = block.position(), block.position() + block.length() - 1
        covered = {}
        for start, end, depth, _status in index.segments_between(block_start, block_end):
            assert block_start <= start < end <= block_end
            covered.update(dict.fromkeys(range(start, end), depth))
        expected = {p: utf16_depth[p] for p in range(block_start, block_end) if utf16_depth[p]}
        assert covered == expected
        layout_ranges = block.layout().formats()
        highlighted = {p for r in layout_ranges for p in range(r.start, r.start + r.length)}
        assert highlighted == {p - block_start for p in expected}

    def length_in_qt(s: dict) -> int:
        return utf16_at[s.end] - utf16_at[s.start]

    for _ in range(300):
        position = rng.randrange(len(text))
        found = view.spans_at(position)
        brute = [s for s in spans if s.start <= position < s.end]
        assert sorted(s.evidence_id for s in found) == sorted(s.evidence_id for s in brute)
        assert [length_in_qt(s) for s in found] == sorted(length_in_qt(s) for s in brute)


# -- the pane with a real fact base -----------------------------------------------------------------


def _source_id(fact_base, file_name: str) -> int:
    with fact_base.reading() as conn:
        return next(row.id for row in queries.source_rows(conn) if row.file_name == file_name)


def test_source_pane_shows_a_source_and_refreshes_after_a_new_fact(qtbot, fact_base):
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    pane = SourcePane(session)
    qtbot.addWidget(pane)
    source_id = _source_id(fact_base, "kz_eu_30_years.txt")

    pane.show_source_id(source_id)

    with fact_base.reading() as conn:
        row = queries.source_row(conn, source_id)
    text = row.text
    assert pane.source_id == source_id and pane.view.source_id == source_id
    # toPlainText would turn the article's no-break spaces into spaces; the raw text keeps them.
    assert pane.view.document().toRawText().replace("\u2029", "\n") == text
    assert pane.title_label.text() == row.title
    assert f"{row.char_count:,} characters" in pane.details_label.text()
    assert pane.details_label.text() == source_details_line(row)
    assert pane.find_bar.isHidden()
    # Highlights' tooltips end with the source's citation; edited details show at once.
    session.perform(lambda fb: fb.update_source(source_id, publisher="Kazinform", published="2023-05"))
    assert pane.view.citation == f"“{row.title}”, Kazinform, May 2023"

    quote = "exceeded US$160 billion"
    start = text.index(quote)
    changes = session.perform(lambda fb: fb.create_fact_from_selection(source_id, start, start + len(quote)))

    assert changes is not None
    new_fact = changes.new_id("fact")
    assert pane.view.spans_at(start)[0].fact_id == new_fact
    assert pane.view.tooltip_text_at(start) == "New draft fact: more than US$160 billion (subject and property not set)"
    block_ranges = formats_in_block(pane.view, utf16(text, start))
    assert (utf16(text, start), utf16(text, start + len(quote))) in [(s, e) for s, e, _ in block_ranges]

    session.select_fact(new_fact)
    assert pane.view.extra_selection_ranges() == [(utf16(text, start), utf16(text, start + len(quote)))]

    session.undo_stack.undo()
    assert pane.view.spans_at(start) == []
    assert formats_in_block(pane.view, utf16(text, start)) == []


def test_source_pane_recolours_when_a_fact_is_confirmed(qtbot, fact_base):
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    pane = SourcePane(session)
    qtbot.addWidget(pane)
    source_id = _source_id(fact_base, "kz_eu_25_years.txt")
    pane.show_source_id(source_id)
    text = pane.view.source_text
    start = text.index("in 1996")
    fact_id = session.perform(lambda fb: fb.create_fact_from_selection(source_id, start, start + 7)).new_id("fact")
    with fact_base.reading() as conn:
        version = queries.fact_row(conn, fact_id).version
    scroll_before = pane.view.verticalScrollBar().value()

    session.perform(lambda fb: fb.update_fact(fact_id, version, status="confirmed"))

    ((_, _, char_format),) = [r for r in formats_in_block(pane.view, utf16(text, start)) if r[0] == utf16(text, start)]
    assert char_format.background() == pane.view.span_formats.span_format("confirmed", 1).background()
    assert pane.view.tooltip_text_at(start).endswith("— confirmed")
    assert pane.view.verticalScrollBar().value() == scroll_before


def test_source_pane_ignores_other_sources_and_clears(qtbot, fact_base):
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    pane = SourcePane(session)
    qtbot.addWidget(pane)
    shown = _source_id(fact_base, "kz_eu_25_years.txt")
    other = _source_id(fact_base, "kz_mfa_european_track.txt")
    pane.show_source_id(shown)

    session.perform(lambda fb: fb.create_fact_from_selection(other, 0, 10))
    assert len(pane.view.highlight_index) == 0

    pane.show_source_id(None)
    assert pane.source_id is None and pane.view.toPlainText() == "" and pane.title_label.isHidden()


def test_source_pane_open_find_shows_the_bar(qtbot, fact_base):
    from kzeu_desk.ui.session import Session

    pane = SourcePane(Session(fact_base))
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_source_id(_source_id(fact_base, "kz_eu_30_years.txt"))

    pane.open_find()
    qtbot.keyClicks(pane.find_bar.field, "EU")

    assert pane.find_bar.isVisible()
    text = pane.view.source_text
    expected = sum(1 for i in range(len(text)) if text[i:i + 2].lower() == "eu")
    assert pane.find_bar.counter.text() == f"1 of {expected}"




def test_a_long_text_is_coloured_in_steps_the_blocks_on_screen_first(qtbot, monkeypatch):
    """Colouring the 1 MB source's 4.5k paragraphs as its text was set held the GUI thread ~0.4 s:
    a long text is coloured BLOCKS_PER_STEP blocks per turn, ending as if coloured at once."""
    from kzeu_desk.ui import source_view

    monkeypatch.setattr(source_view, "COLOUR_IN_STEPS_FROM", 20_000)
    monkeypatch.setattr(source_view, "BLOCKS_PER_STEP", 50)
    rng = random.Random(16)
    paragraphs = [" ".join(rng.choice(["Astana", "Brussels", "trade", "2015", "Қазақстан", GRINNING, "EU"])
                           for _ in range(rng.randint(3, 30))) for _ in range(900)]
    text = "\n".join(paragraphs)
    starts = list(accumulate((len(p) + 1 for p in paragraphs), initial=0))
    spans = [span(number, starts[number] + 1, starts[number] + 6, 100 + number % 7,
                  rng.choice(["draft", "confirmed", "disputed"])) for number in range(0, 900, 3)]
    spans.append(span(5000, starts[10], starts[12] + 3, 99))  # across paragraphs, overlapping others

    at_once = SourceView()
    qtbot.addWidget(at_once)
    monkeypatch.setattr(source_view, "COLOUR_IN_STEPS_FROM", 10**9)
    at_once.show_source(1, text, spans)
    monkeypatch.setattr(source_view, "COLOUR_IN_STEPS_FROM", 20_000)

    stepped = SourceView()
    qtbot.addWidget(stepped)
    stepped.resize(640, 420)
    stepped.show()
    stepped.show_source(1, text, spans)
    assert stepped.colouring and highlight_formats(stepped) == []
    assert stepped.highlight_index is not None  # tooltips and clicks know the spans at once
    qtbot.waitUntil(lambda: not stepped.colouring, timeout=10_000)
    assert highlight_formats(stepped) == highlight_formats(at_once) != []

    # Showing another text meanwhile stops the steps for the first one.
    stepped.show_source(2, text, spans[:5])
    stepped.clear_source()
    assert not stepped.colouring
