"""From positioned lines of text to running text: reading order, running headers and footers left
out, hyphenated line ends joined, paragraphs rebuilt, page starts kept as offsets.

Works on `Line`s in page coordinates with y pointing up (PDF's convention). The PDF reader makes
the lines; nothing here knows PDF, so the rules can be tested with lines written by hand.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A line whose middle lies in the top or bottom fifth of the page may be a running header/footer.
_MARGIN_BAND = 0.2
# Running lines repeat on at least this share of pages (and on two pages at least); 0.3 also catches
# headers that alternate between left and right pages.
_RUNNING_SHARE = 0.3
# The same running line sits at the same height on every page, give or take this share of the page.
_RUNNING_HEIGHT_TOLERANCE = 0.03
_PAGE_NUMBER = re.compile(
    r"(?:(?:page|p\.|pp\.|стр\.?|страница|бет|сурет)\s*)?[-–—(\[]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|из|из\s+|ішінен)\s*\d{1,5})?",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\d+")
_MAX_RUNNING_BLOCK_LINES = 3
# A line ending so ends its sentence; a colon or semicolon does not end a paragraph.
_SENTENCE_END = re.compile(r"[.!?…»\"”’)\]]\s*$")
# Two columns are told apart only by a gap this much wider than a typical character.
_GUTTER_IN_CHAR_HEIGHTS = 1.0
# A column of prose: enough lines, each a fair share of the text's width (table cells are narrower).
_PROSE_COLUMN_LINES = 3
_PROSE_COLUMN_WIDTH_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    x0: float
    y0: float  # bottom
    x1: float
    y1: float  # top
    hyphenated: bool = False  # ends in a hyphen that splits a word across lines
    first_word_right: float | None = None  # where the line's first word ends (None: estimate from the line)

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 0.1)

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True, slots=True)
class Page:
    lines: tuple[Line, ...]
    width: float
    height: float
    label: str | None = None


@dataclass(frozen=True, slots=True)
class LaidOutText:
    text: str
    page_starts: tuple[int, ...]
    removed_lines: int  # running headers, footers and page numbers left out


def lay_out(pages: Sequence[Page]) -> LaidOutText:
    """The running text of `pages`, each page's lines in reading order, without running lines."""
    running = _running_lines(pages)
    removed = 0
    page_paragraphs: list[list[list[Line]]] = []
    for number, page in enumerate(pages):
        kept = [line for line in page.lines if (number, line) not in running]
        removed += len(page.lines) - len(kept)
        page_paragraphs.append(_paragraphs(reading_order(kept)))
    text, starts = _join_pages(page_paragraphs)
    return LaidOutText(text, starts, removed)


# -- running headers, footers and page numbers -----------------------------------------------------


def _running_lines(pages: Sequence[Page]) -> set[tuple[int, Line]]:
    """(page number, line) of every line that is a running header, footer or page number."""
    if len(pages) < 2:
        return set()
    groups: dict[tuple, list[tuple[int, Line]]] = defaultdict(list)
    page_numbers: set[tuple[int, Line]] = set()
    for number, page in enumerate(pages):
        for band, line in _edge_lines(page):
            text = " ".join(line.text.split())
            if _PAGE_NUMBER.fullmatch(text):
                page_numbers.add((number, line))
                continue
            key = text.casefold()
            groups[(band, "same", key)].append((number, line))
            numbers = _DIGIT_RUN.findall(text)
            if numbers:
                # "Annual review 2023 | 7": the same words with a number that counts the pages.
                offset = int(numbers[-1][:6]) - number
                groups[(band, "counting", _DIGIT_RUN.sub("#", key), offset)].append((number, line))
    needed = max(2, round(_RUNNING_SHARE * len(pages) + 0.49))
    running = set(page_numbers)
    for members in groups.values():
        pages_with_it = {number for number, _ in members}
        if len(pages_with_it) >= needed and _same_height(members, pages):
            running.update(members)
    return running


def _edge_lines(page: Page) -> list[tuple[str, Line]]:
    """Lines set apart at the top or bottom of a page, as running headers and footers are: in the
    margin band, and before the first gap wider than the page's usual line spacing (a header
    block of at most a few lines), counted from the page's edge."""
    lines = sorted(page.lines, key=lambda line: -line.y1)
    if len(lines) < 2:
        return []
    pitches = [upper.y0 - lower.y0 for upper, lower in zip(lines, lines[1:]) if upper.y0 - lower.y0 > 0.5]
    usual = statistics.median(pitches) if pitches else 0.0
    # On a short page paragraph gaps can outnumber line gaps; three line heights is a gap anyway.
    wide_gap = min(1.5 * usual, 3 * statistics.median(line.height for line in lines)) if pitches else 0.0
    found: list[tuple[str, Line]] = []
    for band, ordered in (("top", lines), ("bottom", lines[::-1])):
        block: list[Line] = []
        for previous, line in zip(ordered, ordered[1:]):
            block.append(previous)
            if len(block) > _MAX_RUNNING_BLOCK_LINES:
                block = []
                break
            if abs(previous.y0 - line.y0) > wide_gap:
                break
        else:
            block = []
        found.extend((band, line) for line in block if _margin_band(line, page) == band)
    return found


def _margin_band(line: Line, page: Page) -> str | None:
    if page.height <= 0:
        return None
    share = line.middle / page.height
    if share >= 1 - _MARGIN_BAND:
        return "top"
    if share <= _MARGIN_BAND:
        return "bottom"
    return None


def _same_height(members: list[tuple[int, Line]], pages: Sequence[Page]) -> bool:
    shares = [line.middle / pages[number].height for number, line in members]
    return max(shares) - min(shares) <= 2 * _RUNNING_HEIGHT_TOLERANCE


# -- reading order ----------------------------------------------------------------------------------


def reading_order(lines: Sequence[Line]) -> list[Line]:
    """Lines top to bottom, except that side-by-side columns of prose are read one after the other.

    The page is cut into rows (lines whose heights overlap); consecutive rows that share a gap
    between columns form a region, and a region whose columns are prose (enough lines, wide
    enough) is read column by column. Anything else, tables included, is read row by row.
    """
    if len(lines) < 2:
        return list(lines)
    char_height = statistics.median(line.height for line in lines)
    ordered: list[Line] = []
    for region in _regions(_rows(lines), char_height):
        ordered.extend(_read_region(region, char_height))
    return ordered


def _rows(lines: Sequence[Line]) -> list[list[Line]]:
    rows: list[list[Line]] = []
    bottom = float("inf")
    for line in sorted(lines, key=lambda line: (-line.y1, line.x0)):
        if rows and line.y1 > bottom + 0.25 * line.height:
            rows[-1].append(line)
            bottom = min(bottom, line.y0)
        else:
            rows.append([line])
            bottom = line.y0
    return rows


def _regions(rows: list[list[Line]], char_height: float) -> list[list[Line]]:
    regions: list[list[Line]] = []
    current: list[Line] = []
    for row in rows:
        if not current:
            current = list(row)
            continue
        together = current + row
        if _gutters(together, char_height) or (not _gutters(current, char_height) and not _gutters(row, char_height)):
            current = together
        else:
            regions.append(current)
            current = list(row)
    if current:
        regions.append(current)
    return regions


def _gutters(lines: Sequence[Line], char_height: float) -> list[tuple[float, float]]:
    """x ranges no line crosses, with lines on both sides, wide enough to separate columns."""
    spans = sorted((line.x0, line.x1) for line in lines)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= _GUTTER_IN_CHAR_HEIGHTS * char_height:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _read_region(region: list[Line], char_height: float) -> list[Line]:
    gutters = _gutters(region, char_height)
    if gutters:
        left_edge, right_edge = max(gutters, key=lambda gap: gap[1] - gap[0])
        left = [line for line in region if line.x1 <= left_edge]
        right = [line for line in region if line.x0 >= right_edge]
        width = max(line.x1 for line in region) - min(line.x0 for line in region)
        if _is_prose_column(left, width) and _is_prose_column(right, width):
            return reading_order(left) + reading_order(right)
    return sorted(region, key=lambda line: (-round(line.y1 / max(char_height / 2, 0.5)), line.x0))


def _is_prose_column(lines: list[Line], region_width: float) -> bool:
    if len(lines) < _PROSE_COLUMN_LINES:
        return False
    return statistics.median(line.x1 - line.x0 for line in lines) >= _PROSE_COLUMN_WIDTH_SHARE * region_width


# -- paragraphs -------------------------------------------------------------------------------------


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs: a new one after a wider gap than the page's usual line
    spacing, at an indented first line, or after a line that ends a sentence and left room for
    the next line's first word."""
    if not lines:
        return []
    pitches = [previous.y0 - line.y0 for previous, line in zip(lines, lines[1:]) if previous.y0 > line.y0]
    usual_pitch = statistics.median(pitches) if pitches else max(line.height for line in lines) * 1.2
    paragraphs: list[list[Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        if _starts_paragraph(previous, line, usual_pitch, _column_edges(previous, lines), _column_edges(line, lines)):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _column_edges(line: Line, lines: list[Line]) -> tuple[float, float]:
    """(usual left edge, right edge) of the column `line` stands in: the lines sharing most of its width."""
    width = line.x1 - line.x0
    same_column = [other for other in lines
                   if min(other.x1, line.x1) - max(other.x0, line.x0) >= 0.5 * min(width, other.x1 - other.x0)]
    return statistics.median(other.x0 for other in same_column), max(other.x1 for other in same_column)


def _starts_paragraph(previous: Line, line: Line, usual_pitch: float, edges: tuple[float, float],
                      line_edges: tuple[float, float]) -> bool:
    pitch = previous.y0 - line.y0
    if pitch <= 0 or line.y1 > previous.y0 + 0.5 * line.height:
        # Not below the previous line: side by side on one row, or the top of the next column,
        # where a paragraph goes on as it would onto the next page.
        if line.x0 > previous.x1 and abs(line.y0 - previous.y0) < 0.5 * line.height:
            return False
        return not _continues(previous, line, edges[1], line_edges[0])
    if pitch > 1.45 * usual_pitch or pitch > 2.2 * max(previous.height, line.height):
        return True
    if previous.hyphenated:
        return False
    left_edge, right_edge = edges
    if line.x0 - left_edge > 1.2 * line.height and abs(previous.x0 - left_edge) < 0.5 * line.height:
        return True  # an indented first line
    if not _SENTENCE_END.search(previous.text):
        return False
    return _room_left(previous, line, right_edge)


def _room_left(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether `line`'s first word would have fitted at the end of `previous`: text is set line by
    line, so a line that ends a sentence with that much room left ended its paragraph there."""
    character_width = (line.x1 - line.x0) / max(len(line.text), 1)
    if line.first_word_right is not None:
        first_word_width = line.first_word_right - line.x0
    else:
        first_word_width = len(line.text.split(" ", 1)[0]) * character_width * 1.2
    return right_edge - previous.x1 > first_word_width + 1.5 * character_width


@dataclass(slots=True)
class _PageParagraphs:
    texts: list[str]  # with _SPLIT_WORD where a hyphenated word was joined
    last_line: Line | None
    first_line: Line | None
    last_right_edge: float = 0.0  # right edge of the column the page's last line stands in
    first_left_edge: float = 0.0  # usual left edge of the column the page's first line stands in


def _page_paragraphs(paragraphs: list[list[Line]]) -> _PageParagraphs:
    if not paragraphs:
        return _PageParagraphs([], None, None)
    lines = [line for paragraph in paragraphs for line in paragraph]
    last, first = paragraphs[-1][-1], paragraphs[0][0]
    return _PageParagraphs([_paragraph_text(p) for p in paragraphs], last, first,
                           _column_edges(last, lines)[1], _column_edges(first, lines)[0])


def _paragraph_text(lines: list[Line]) -> str:
    text = lines[0].text.strip()
    for previous, line in zip(lines, lines[1:]):
        text = _join(text, previous, line.text.strip())
    return text


def _join(left: str, previous: Line, right: str) -> str:
    if not previous.hyphenated:
        return f"{left} {right}"
    if right[:1].islower():
        # "Partner-" + "ship": the hyphen goes unless the document spells the word with one.
        return left[:-1] + _SPLIT_WORD + right
    return left + right  # "Kazakhstan-" + "EU", "2019-" + "2020"


def _join_pages(page_paragraphs: list[list[list[Line]]]) -> tuple[str, tuple[int, ...]]:
    pages = [_page_paragraphs(paragraphs) for paragraphs in page_paragraphs]
    resolve = _split_word_resolver("\n".join("\n".join(page.texts) for page in pages))
    parts: list[str] = []
    length = 0
    starts: list[int] = []
    previous: _PageParagraphs | None = None
    for page in pages:
        texts = [resolve(text) for text in page.texts]
        if texts and previous is not None and previous.last_line is not None and page.first_line is not None \
                and _continues(previous.last_line, page.first_line, previous.last_right_edge, page.first_left_edge):
            glued = resolve(_join(parts[-1], previous.last_line, texts[0]))
            length += len(glued) - len(parts[-1])
            parts[-1] = glued
            starts.append(length - len(texts[0]))
            texts = texts[1:]
            for text in texts:
                parts.append(text)
                length += 2 + len(text)
        else:
            starts.append(length + (2 if parts and texts else 0))
            for text in texts:
                if parts:
                    length += 2
                parts.append(text)
                length += len(text)
        if page.last_line is not None:
            previous = page
    return "\n\n".join(parts), tuple(starts)


def _continues(last: Line, first: Line, right_edge: float, left_edge: float) -> bool:
    """Whether the paragraph ending in `last` runs on at `first` (the top of the next column or
    page): always after a hyphenated word; never into an indented first line; after a finished
    sentence only if `last` was full (no room for `first`'s first word); otherwise yes."""
    if last.hyphenated:
        return True
    if not first.text.strip() or first.x0 - left_edge > 1.2 * first.height:
        return False
    if _SENTENCE_END.search(last.text):
        return not _room_left(last, first, right_edge)
    return True


_SPLIT_WORD = "\ue000"  # private use: never in extracted text (normalise_line drops that category)
_WORD_AROUND_SPLIT = re.compile(r"(\w*)\ue000(\w*)")
_HYPHENATED_WORD = re.compile(r"\w+(?:-\w+)+")
_WORD = re.compile(r"\w+")


def _split_word_resolver(text: str) -> Callable[[str], str]:
    """Decides, for each word split by a hyphen at a line end, whether the hyphen belongs to it:
    kept when the document spells the word with a hyphen elsewhere and never without."""
    if _SPLIT_WORD not in text:
        return lambda paragraph: paragraph
    whole = text.replace(_SPLIT_WORD, "")
    with_hyphen = {word.casefold() for word in _HYPHENATED_WORD.findall(whole)}
    without = {word.casefold() for word in _WORD.findall(_WORD_AROUND_SPLIT.sub(" ", text))}

    def choose(match: re.Match) -> str:
        left, right = match.group(1), match.group(2)
        if f"{left}-{right}".casefold() in with_hyphen and f"{left}{right}".casefold() not in without:
            return f"{left}-{right}"
        return f"{left}{right}"

    return lambda paragraph: _WORD_AROUND_SPLIT.sub(choose, paragraph)


def normalise_line(text: str) -> str:
    """One line as extracted, in the form that does not depend on the extracting library: NFC,
    ligatures spelled out, every kind of space a plain space, runs of spaces one, no controls."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_LIGATURES)
    text = "".join(" " if unicodedata.category(ch) in _SPACE_CATEGORIES else ch
                   for ch in text if unicodedata.category(ch) not in _DROPPED_CATEGORIES or ch == "\t")
    return " ".join(text.replace("\t", " ").split())


_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})
# Controls, format characters (soft hyphens, zero-width joiners, bidi marks), unassigned, private use.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
