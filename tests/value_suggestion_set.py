"""The labelled snippets of tests/data/value_suggestions/ and how a suggestion is scored against them.

Run it to print the accuracy tables of docs/VALUE_SUGGESTIONS.md:

    .venv/bin/python tests/value_suggestion_set.py            # both parts, by language and kind
    .venv/bin/python tests/value_suggestion_set.py --failures tuned   # and the misses of one part

A suggestion is exactly right when its kind, numbers (amount, bounds), approximation flag, unit and
dates are the curator's; a TEXT expectation only asks that nothing was read; `needs-date` asks for
TEXT with the note that the publication date is missing.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data" / "value_suggestions"
PARTS = ("tuned", "held_out", "held_out_late", "held_out_fresh", "held_out_final", "held_out_unseen", "held_out_blind", "held_out_third", "held_out_fourth", "held_out_fifth", "held_out_sixth", "held_out_seventh", "held_out_eighth", "held_out_ninth", "held_out_tenth", "held_out_eleventh", "held_out_twelfth", "held_out_thirteenth", "held_out_fourteenth", "held_out_fifteenth", "held_out_sixteenth", "held_out_seventeenth", "held_out_eighteenth", "held_out_nineteenth", "held_out_twentieth", "held_out_twenty_first", "held_out_twenty_second", "held_out_twenty_third", "held_out_twenty_fourth", "held_out_twenty_fifth", "held_out_twenty_sixth", "held_out_twenty_seventh", "held_out_twenty_eighth", "held_out_twenty_ninth", "held_out_thirty_second", "held_out_thirty_third", "held_out_thirtieth", "held_out_thirty_first", "held_out_thirty_fourth", "held_out_thirty_fifth", "held_out_thirty_sixth", "held_out_thirty_seventh", "held_out_thirty_eighth", "held_out_thirty_ninth", "held_out_fortieth", "held_out_forty_first", "held_out_forty_second", "held_out_forty_third", "held_out_forty_fourth", "held_out_forty_fifth", "held_out_forty_sixth", "held_out_forty_seventh", "held_out_forty_eighth", "held_out_forty_ninth", "held_out_fiftieth", "held_out_fifty_first", "held_out_fifty_second", "held_out_fifty_third", "held_out_fifty_fourth", "held_out_fifty_fifth", "held_out_fifty_sixth", "held_out_fifty_seventh", "held_out_fifty_eighth", "held_out_fifty_ninth", "held_out_sixtieth", "held_out_sixty_first", "held_out_sixty_second", "held_out_sixty_third", "held_out_sixty_fourth", "held_out_sixty_fifth", "held_out_sixty_sixth", "held_out_sixty_seventh", "held_out_sixty_eighth", "held_out_sixty_ninth", "held_out_seventieth", "held_out_seventy_first", "held_out_seventy_second", "held_out_seventy_third", "held_out_seventy_fourth", "held_out_seventy_fifth", "held_out_seventy_sixth", "held_out_seventy_seventh", "held_out_seventy_eighth", "held_out_seventy_ninth")
LANGUAGES = ("en", "ru", "kk")
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}


@dataclass(frozen=True)
class Expected:
    kind: str  # a ValueKind value, or "needs-date"
    amount: float | None = None
    lower: float | None = None
    upper: float | None = None
    approximate: bool = False
    unit: str | None = None
    date: str | None = None
    date_end: str | None = None


@dataclass(frozen=True)
class Record:
    id: str
    language: str
    source: str
    published: str | None
    text: str
    span: str
    value_spec: str
    expected: Expected
    # Set for a highlight of a whole article (`article` parts): the article and where the highlight is.
    article_id: str | None = None
    start: int | None = None
    # The sentence before the highlight's, in an article (Ctrl+N reads it for a bare number's noun).
    before: str | None = None
    # The text before that sentence (Ctrl+N reads it for the currency of a scaled figure with no unit).
    earlier: str | None = None

    @property
    def kind_label(self) -> str:
        return {"needs-date": "date (no publication date)", "date_range": "date range"}.get(
            self.expected.kind, self.expected.kind)


@dataclass(frozen=True)
class Outcome:
    record: Record
    right: bool
    got: str


@dataclass(frozen=True)
class Article:
    """A whole article as a curator reads it, with every figure and date they highlighted."""

    id: str
    language: str
    source: str
    published: str | None
    text: str
    highlights: tuple[Record, ...]


# In an article part a highlight is written in place: "[[US$40 billion | money 40e9 USD]]".
_HIGHLIGHT_RE = re.compile(r"\[\[(?P<span>[^\]|]+?)\s*\|\s*(?P<value>[^\]]+?)\s*\]\]")
ARTICLE_SEPARATOR = "\n=====\n"


def is_article_part(part: str) -> bool:
    return (DATA_DIR / f"{part}.txt").read_text(encoding="utf-8").startswith("article: ")


def load_articles(part: str) -> list[Article]:
    """The articles of an article part: a header of `key: value` lines (article, source, published), a
    blank line, then the body with each highlight in place; articles are separated by a line "=====".
    A highlight's record has the sentence around it as its text, as Ctrl+N reads it."""
    from kzeu_desk.core.value_parsing import sentences

    articles = []
    for chunk in (DATA_DIR / f"{part}.txt").read_text(encoding="utf-8").split(ARTICLE_SEPARATOR):
        header, _, marked = chunk.strip("\n").partition("\n\n")
        fields = dict(line.split(": ", 1) for line in header.splitlines())
        article_id, published = fields["article"], fields.get("published")
        marked = marked.strip("\n")
        pieces, spans, at = [], [], 0
        for match in _HIGHLIGHT_RE.finditer(marked):
            pieces.append(marked[at:match.start()])
            start = sum(len(p) for p in pieces)
            pieces.append(match.group("span"))
            spans.append((start, start + len(match.group("span")), match.group("value")))
            at = match.end()
        pieces.append(marked[at:])
        body = "".join(pieces) + "\n"
        if "[[" in body or "]]" in body:
            raise ValueError(f"{article_id}: a highlight is not written as [[span | value]]")
        highlights = tuple(
            Record(id=f"{article_id}-{number:02d}", language=article_id.split("-")[0], source=fields["source"],
                   published=published, text=sentences.sentence_around(body, start, end), span=body[start:end],
                   value_spec=value, expected=parse_expected(value), article_id=article_id, start=start,
                   before=sentences.sentence_before(body, start, end) if hasattr(sentences, "sentence_before")
                   else None,
                   earlier=sentences.text_before(body, start, end) if hasattr(sentences, "text_before") else None)
            for number, (start, end, value) in enumerate(spans, 1))
        articles.append(Article(article_id, article_id.split("-")[0], fields["source"], published, body, highlights))
    return articles


def load(part: str) -> list[Record]:
    if is_article_part(part):
        return [record for article in load_articles(part) for record in article.highlights]
    text = (DATA_DIR / f"{part}.txt").read_text(encoding="utf-8")
    records = []
    for block in re.split(r"\n\s*\n", text.strip()):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            key, _, value = line.partition(": ")
            fields[key.strip()] = value.strip()
        span = fields.get("span", fields["text"])
        if span not in fields["text"]:
            raise ValueError(f"{fields['id']}: the span is not part of the text")
        records.append(Record(
            id=fields["id"], language=fields["id"].split("-")[0], source=fields["source"],
            published=fields.get("published"), text=fields["text"], span=span,
            value_spec=fields["value"], expected=parse_expected(fields["value"]),
        ))
    return records


def _number(token: str) -> float:
    if "/" in token:
        numerator, denominator = token.split("/")
        return float(numerator) / float(denominator)
    return float(token)


def parse_expected(spec: str) -> Expected:
    words = spec.split()
    kind = words[0]
    if kind in ("text", "needs-date"):
        return Expected(kind=kind)
    if kind == "date":
        approximate = words[1].startswith("~")
        return Expected(kind="date", date=words[1].lstrip("~"), approximate=approximate)
    if kind == "range":
        approximate = words[1].startswith("~")
        return Expected(kind="date_range", date=words[1].lstrip("~"), date_end=words[2], approximate=approximate)
    # "almost 77e9": close below 77e9 (amount and upper); "<95e6" alone is a ceiling ("up to", upper only).
    almost = words[1] == "almost"
    if almost:
        words = words[:1] + words[2:]
    amount_spec, unit_words = words[1], words[2:]
    unit = " ".join(unit_words) or None
    if kind == "percent":
        unit = "%"
    approximate = amount_spec.startswith("~")
    amount_spec = amount_spec.lstrip("~")
    if ".." in amount_spec:
        low, high = amount_spec.split("..")
        return Expected(kind=kind, lower=_number(low), upper=_number(high), approximate=approximate, unit=unit)
    if amount_spec.startswith(">"):
        amount = _number(amount_spec[1:])
        return Expected(kind=kind, amount=amount, lower=amount, unit=unit)
    if almost:
        amount = _number(amount_spec)
        return Expected(kind=kind, amount=amount, upper=amount, unit=unit)
    if amount_spec.startswith("<"):
        return Expected(kind=kind, upper=_number(amount_spec[1:]), unit=unit)
    return Expected(kind=kind, amount=_number(amount_spec), approximate=approximate, unit=unit)


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _unit_key(unit: str | None) -> str:
    return " ".join((unit or "").casefold().split())


def is_right(expected: Expected, value: Any, note: str | None) -> bool:
    kind = value.kind.value
    if expected.kind == "text":
        return kind == "text"
    if expected.kind == "needs-date":
        return kind == "text" and bool(note)
    if kind != expected.kind:
        return False
    if expected.kind in ("date", "date_range"):
        return (value.date == expected.date and value.date_end == expected.date_end
                and bool(value.approximate) == expected.approximate)
    return (
        _same_number(value.amount, expected.amount)
        and _same_number(value.lower, expected.lower)
        and _same_number(value.upper, expected.upper)
        and bool(value.approximate) == expected.approximate
        and _unit_key(value.unit) == _unit_key(expected.unit)
    )


# (highlight, publication date, the record's text around the highlight, the sentence before it, the text before
# that) -> (value, note)
SuggestFunction = Callable[[str, str | None, str, str | None, str | None], tuple[object, str | None]]


def current_suggest() -> SuggestFunction:
    """The app's suggestion as Ctrl+N makes it: (value, the note shown with it)."""
    from kzeu_desk.core import value_parsing

    if hasattr(value_parsing, "text_before"):
        # As Ctrl+N does: the highlight, with the sentence it was taken from, the one before it and the text before.
        def suggest_after_the_text_before(span: str, published: str | None, text: str, before: str | None,
                                          earlier: str | None) -> tuple[object, str | None]:
            suggestion = value_parsing.suggest(span, published=published, context=text, before=before,
                                               earlier=earlier)
            return suggestion.value, suggestion.note
        return suggest_after_the_text_before

    if hasattr(value_parsing, "sentence_before"):
        # As Ctrl+N does: the highlight, with the sentence it was taken from and the one before it.
        def suggest_after_the_sentence_before(span: str, published: str | None, text: str,
                                              before: str | None, _earlier: str | None) -> tuple[object, str | None]:
            suggestion = value_parsing.suggest(span, published=published, context=text, before=before)
            return suggestion.value, suggestion.note
        return suggest_after_the_sentence_before

    if hasattr(value_parsing, "sentence_around"):
        # As Ctrl+N did: the highlight, with the sentence it was taken from as context.
        def suggest_in_context(span: str, published: str | None, text: str,
                               _before: str | None, _earlier: str | None) -> tuple[object, str | None]:
            suggestion = value_parsing.suggest(span, published=published, context=text)
            return suggestion.value, suggestion.note
        return suggest_in_context

    if hasattr(value_parsing, "suggest"):
        def suggest(span: str, published: str | None, _text: str, _before: str | None,
                    _earlier: str | None) -> tuple[object, str | None]:
            suggestion = value_parsing.suggest(span, published=published)
            return suggestion.value, suggestion.note
        return suggest

    def suggest_value_only(span: str, published: str | None, _text: str,
                           _before: str | None, _earlier: str | None) -> tuple[object, str | None]:
        return value_parsing.suggest_value(span, published=published), None
    return suggest_value_only


def _describe(value: object, note: str | None) -> str:
    fields = ("kind", "amount", "lower", "upper", "approximate", "unit", "date", "date_end", "text")
    shown = {name: getattr(value, name) for name in fields if getattr(value, name) not in (None, False)}
    shown["kind"] = shown["kind"].value
    if note:
        shown["note"] = note
    return ", ".join(f"{key}={item!r}" for key, item in shown.items())


def score(records: list[Record], suggest: SuggestFunction) -> list[Outcome]:
    outcomes = []
    for record in records:
        value, note = suggest(record.span, record.published, record.text, record.before, record.earlier)
        outcomes.append(Outcome(record, is_right(record.expected, value, note), _describe(value, note)))
    return outcomes


def accuracy(outcomes: list[Outcome]) -> tuple[int, int]:
    return sum(outcome.right for outcome in outcomes), len(outcomes)


def _cell(right: int, total: int) -> str:
    return f"{100 * right / total:.1f} % ({right}/{total})" if total else "–"


def tables(results: dict[str, list[Outcome]]) -> str:
    lines = ["| part | " + " | ".join(LANGUAGE_NAMES[lang] for lang in LANGUAGES) + " | all |",
             "| --- | " + " | ".join("---" for _ in LANGUAGES) + " | --- |"]
    for part, outcomes in results.items():
        cells = [_cell(*accuracy([o for o in outcomes if o.record.language == lang])) for lang in LANGUAGES]
        lines.append(f"| {part} | " + " | ".join(cells) + f" | {_cell(*accuracy(outcomes))} |")
    lines.append("")
    kinds = sorted({o.record.kind_label for outcomes in results.values() for o in outcomes})
    lines.append("| kind | " + " | ".join(results) + " |")
    lines.append("| --- | " + " | ".join("---" for _ in results) + " |")
    for kind in kinds:
        cells = [_cell(*accuracy([o for o in outcomes if o.record.kind_label == kind])) for outcomes in results.values()]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


@dataclass(frozen=True)
class CandidateScore:
    """How the Candidates pane does on one article."""

    article: Article
    listed_right: int  # highlights the pane lists, with the curator's value, at an overlapping span
    candidates: int
    noise_above_first_fact: int  # candidates on no highlight ranked above the first on a highlight
    noise_in_top_ten: int
    missed: tuple[str, ...]  # a line for each highlight not listed right


def _overlaps(start: int, end: int, record: Record) -> bool:
    assert record.start is not None
    return start < record.start + len(record.span) and record.start < end


def score_candidates(article: Article) -> CandidateScore:
    """The pane's list for the article (`find_values`, ranked as the pane ranks it: score, then position)."""
    from kzeu_desk.core.value_candidates import find_values

    found = sorted(find_values(article.text, article.published), key=lambda f: (-f.score, f.start))
    on_a_highlight = [any(_overlaps(f.start, f.end, h) for h in article.highlights) for f in found]
    first_fact = on_a_highlight.index(True) if True in on_a_highlight else len(found)
    missed = []
    for highlight in article.highlights:
        listed = [f for f in found if _overlaps(f.start, f.end, highlight)]
        if not any(is_right(highlight.expected, f.value, f.note) for f in listed):
            got = "; ".join(f"{article.text[f.start:f.end]!r} {_describe(f.value, f.note)}" for f in listed) or "nothing"
            missed.append(f"{highlight.id}: {highlight.span!r} expected {highlight.value_spec}, listed {got}")
    return CandidateScore(article, len(article.highlights) - len(missed), len(found), first_fact,
                          on_a_highlight[:10].count(False), tuple(missed))


def candidate_table(scores: list[CandidateScore]) -> str:
    lines = ["| article | highlights | listed right | candidates | non-facts above the first fact | non-facts in the top 10 |",
             "| --- | --- | --- | --- | --- | --- |"]
    for item in scores:
        total = len(item.article.highlights)
        lines.append(f"| {item.article.id} | {total} | {_cell(item.listed_right, total)} | {item.candidates} | "
                     f"{item.noise_above_first_fact} | {item.noise_in_top_ten} |")
    for language in LANGUAGES:
        chosen = [i for i in scores if i.article.language == language]
        lines.append(f"| {LANGUAGE_NAMES[language]} | {sum(len(i.article.highlights) for i in chosen)} | "
                     f"{_cell(sum(i.listed_right for i in chosen), sum(len(i.article.highlights) for i in chosen))} | "
                     f"{sum(i.candidates for i in chosen)} | {sum(i.noise_above_first_fact for i in chosen)} | "
                     f"{sum(i.noise_in_top_ten for i in chosen)} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if "--candidates" in argv:
        for part in argv[argv.index("--candidates") + 1:]:
            scores = [score_candidates(article) for article in load_articles(part)]
            print(f"## the Candidates pane on {part}\n\n{candidate_table(scores)}")
            for item in scores:
                for line in item.missed:
                    print("  " + line)
        return
    suggest = current_suggest()
    results = {part: score(load(part), suggest) for part in PARTS}
    print(tables(results))
    if "--failures" in argv:
        shown = argv[argv.index("--failures") + 1:] or list(PARTS)
        for part, outcomes in results.items():
            if part not in shown:
                continue
            print(f"\n## misses in {part}")
            for outcome in outcomes:
                if not outcome.right:
                    print(f"{outcome.record.id}: {outcome.record.span!r} (published {outcome.record.published})\n"
                          f"    expected {outcome.record.value_spec}\n    got      {outcome.got}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main(sys.argv[1:])
