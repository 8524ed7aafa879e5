"""Adversarial revisions for re-anchoring: the edits that make evidence go to the wrong place.

A document is generated sentence by sentence from the benchmark's Zipf vocabulary, with what real
prose has and the plain generator lacks: possessives with apostrophes, quoted words, year ranges,
figures with units, dashes, and Russian words with й and ё. Each sentence is a list of tokens, and
every edit keeps track of where each old token went, so the true place of every quote is known.

The new revision applies, sentence by sentence:
* repeated   — a stock phrase stands in many sentences; quotes on one copy must follow that copy
               (its sentence lightly edited elsewhere), or be orphaned when its sentence is cut;
* recurring  — a sentence is cut and a new sentence elsewhere holds the same short words: the
               quote's place is gone; "in place": the new sentence stands where the cut one did,
               between the same neighbours;
* figure     — a figure in the quote changes and the rest stays: the right place, and it must be
               flagged "number changed" and queued; "old words quoted": a correction note elsewhere
               repeats the old sentence with the old figure, word for word;
* other figure — a sentence giving a figure of one thing is cut and a new one elsewhere gives another
               figure of another thing in the same words around it: gone;
* edited     — a word or two changed outside the quote;
and the whole new text changes typography (or the old one had it): curly or straight apostrophes
and quotation marks, en or em dashes, non-breaking spaces after figures, decomposed й and ё.
Every other sentence is kept, and quotes on kept sentences must be found where they are.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.reanchor import LastAnchor, Placement, reanchor
from kzeu_desk.core.text import quote_context

CASES = ("kept", "typography", "repeated", "repeated, cut", "recurring", "recurring in place", "figure",
         "figure, old words quoted", "other figure", "edited")

_STOCK_PHRASES = ("the trade turnover between the two countries", "in the framework of the agreement",
                  "according to the Bureau of National Statistics", "the European Union and Kazakhstan")
_RUSSIAN = ("партнёрство", "Европейский", "сырьё", "крупнейший", "её", "район", "объём", "зелёный")
_UNITS = ("percent", "billion", "million", "companies", "tonnes")
_THINGS = (("foreign", "trade"), ("oil", "exports"), ("direct", "investment"), ("grain", "imports"),
           ("transit", "cargo"), ("gas", "supplies"))


@dataclass
class Sentence:
    tokens: list[str]  # words and the separators after them, alternating: word, sep, word, sep, ...

    @property
    def text(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class Quote:
    case: str
    sentence: int  # in the old document
    first: int  # token numbers, inclusive; both are words
    last: int


@dataclass
class Outcome:
    quotes: int = 0
    right: int = 0
    wrongly_orphaned: int = 0
    misplaced: int = 0
    misplaced_not_queued: int = 0
    figure_changes_unflagged: int = 0


@dataclass
class Revision:
    old: str
    new: str
    anchors: list[LastAnchor] = field(default_factory=list)
    truths: list[tuple[int, int] | None] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    figure_changed: list[bool] = field(default_factory=list)


def _words(rng: random.Random, vocabulary, count: int) -> list[str]:
    return vocabulary.sample(rng, count)


def _sentence(rng: random.Random, vocabulary, words: list[str]) -> Sentence:
    """Words with separators; the last word ends the sentence."""
    tokens: list[str] = []
    for number, word in enumerate(words):
        tokens.append(word)
        if number == len(words) - 1:
            tokens.append(". ")
        elif rng.random() < 0.06:
            tokens.append(" - ")
        else:
            tokens.append(", " if rng.random() < 0.06 else " ")
    tokens[0] = tokens[0][:1].upper() + tokens[0][1:]
    return Sentence(tokens)


def _prose(rng: random.Random, vocabulary, count: int) -> list[str]:
    """Words with the features real prose has."""
    words = _words(rng, vocabulary, count)
    for number in range(len(words)):
        roll = rng.random()
        if roll < 0.04:
            words[number] += "'s"
        elif roll < 0.06:
            words[number] = f'"{words[number]}"'
        elif roll < 0.08:
            words[number] = rng.choice(_RUSSIAN)
        elif roll < 0.09:
            start = rng.randint(1995, 2020)
            words[number] = f"{start}-{start + rng.randint(1, 10)}"
    return words


def _figure(rng: random.Random) -> str:
    return str(rng.choice((rng.randint(2, 99), rng.randint(100, 999), f"{rng.randint(1, 99)}.{rng.randint(1, 9)}")))


def _figure_words(rng: random.Random, thing: tuple[str, str]) -> list[str]:
    return [_figure(rng), rng.choice(_UNITS), "of", *thing]


def generate(seed: int, sentences: int = 300) -> Revision:
    from benchmarks.bench_reanchor import Vocabulary

    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    old: list[Sentence] = []
    plans: list[str] = []
    for _ in range(sentences):
        roll = rng.random()
        words = _prose(rng, vocabulary, rng.randint(8, 24))
        if roll < 0.12:
            plan = rng.choice(("repeated", "repeated", "repeated, cut"))
            at = rng.randrange(len(words))
            words[at:at] = rng.choice(_STOCK_PHRASES).split()
        elif roll < 0.22:
            plan = rng.choice(("figure", "figure", "figure, old words quoted", "other figure"))
            at = rng.randrange(len(words))
            words[at:at] = _figure_words(rng, rng.choice(_THINGS))
        elif roll < 0.30:
            plan = rng.choice(("recurring", "recurring in place"))
        elif roll < 0.38:
            plan = "edited"
        else:
            plan = "kept"
            if rng.random() < 0.15:  # stock phrases in kept sentences too, so copies abound
                at = rng.randrange(len(words))
                words[at:at] = rng.choice(_STOCK_PHRASES).split()
        old.append(_sentence(rng, vocabulary, words))
        plans.append(plan)

    quotes: list[Quote] = []
    for number, (sentence, plan) in enumerate(zip(old, plans)):
        quotes.extend(_quotes_for(rng, number, sentence, plan))

    # The new revision; kept sentences are the same objects, so where each one ends up is known.
    new: list[Sentence] = []
    kept: dict[int, Sentence] = {}  # old sentence number -> its sentence in the new text
    decoys: list[Sentence] = []
    for number, (sentence, plan) in enumerate(zip(old, plans)):
        if plan in ("repeated, cut", "recurring", "other figure"):
            decoys.append(_decoy(rng, vocabulary, sentence, plan, [q for q in quotes if q.sentence == number]))
            continue
        if plan == "recurring in place":  # replaced where it stood, between the same neighbours
            new.append(_decoy(rng, vocabulary, sentence, plan, [q for q in quotes if q.sentence == number]))
            continue
        tokens = list(sentence.tokens)
        if plan in ("figure", "figure, old words quoted"):
            at = _figure_at(sentence)
            tokens[at] = _different_figure(rng, tokens[at])
            if plan == "figure, old words quoted":  # a correction note repeats what was corrected
                decoys.append(_correction_note(rng, vocabulary, sentence, [q for q in quotes if q.sentence == number]))
        elif plan in ("edited", "repeated"):
            protected = {i for q in quotes if q.sentence == number for i in range(q.first - 4, q.last + 5)}
            editable = [i for i in range(0, len(tokens), 2) if i not in protected]
            for i in rng.sample(editable, min(2, len(editable))):
                tokens[i] = _words(rng, vocabulary, 1)[0]
        kept[number] = Sentence(tokens)
        new.append(kept[number])
    for decoy in decoys:  # anywhere: rarely where the cut sentence stood
        new.insert(rng.randrange(len(new) + 1), decoy)

    # One side is typeset, the other plain: straight to curly, or curly to straight.
    typeset_new = rng.random() < 0.5
    old_pieces = [_plain_pieces(s) if typeset_new else _typeset_pieces(s) for s in old]
    new_pieces = [_typeset_pieces(s) if typeset_new else _plain_pieces(s) for s in new]
    old_text, old_offsets = _layout(old_pieces)
    new_text, new_offsets = _layout(new_pieces)
    new_number = {id(sentence): number for number, sentence in enumerate(new)}

    revision = Revision(old_text, new_text)
    for key, quote in enumerate(quotes):
        offsets = old_offsets[quote.sentence]
        start, end = offsets[quote.first], offsets[quote.last + 1]
        prefix, exact, suffix = quote_context(old_text, start, end)
        revision.anchors.append(LastAnchor(key, start, end, exact, prefix, suffix, 1))
        revision.cases.append(quote.case)
        revision.figure_changed.append(quote.case.startswith("figure"))
        if quote.sentence not in kept:
            revision.truths.append(None)
            continue
        offsets = new_offsets[new_number[id(kept[quote.sentence])]]
        revision.truths.append((offsets[quote.first], offsets[quote.last + 1]))
    return revision


def _layout(sentences: list[list[str]]) -> tuple[str, list[list[int]]]:
    """The text of sentences given as typeset tokens, and where each token of each starts (with the
    end of the sentence last)."""
    offsets: list[list[int]] = []
    position = 0
    for tokens in sentences:
        starts = []
        for token in tokens:
            starts.append(position)
            position += len(token)
        starts.append(position)
        offsets.append(starts)
    return "".join("".join(tokens) for tokens in sentences), offsets


def _figure_at(sentence: Sentence) -> int:
    tokens = sentence.tokens
    return next(i for i in range(0, len(tokens) - 2, 2) if tokens[i][:1].isdigit() and tokens[i + 2] in _UNITS)


def _quotes_for(rng: random.Random, number: int, sentence: Sentence, plan: str) -> list[Quote]:
    words = list(range(0, len(sentence.tokens), 2))
    if plan in ("repeated", "repeated, cut"):
        for phrase in _STOCK_PHRASES:
            first = _find_phrase(sentence, phrase.split())
            if first is not None:
                return [Quote(plan, number, first, first + 2 * (len(phrase.split()) - 1))]
    if plan in ("figure", "figure, old words quoted", "other figure"):
        at = _figure_at(sentence)
        # The figure with the words around it, as a curator highlights a claim.
        first, last = max(0, at - 2 * rng.randint(0, 3)), min(words[-1], at + 8)
        return [Quote(plan, number, first, last)]
    if plan in ("recurring", "recurring in place"):
        length = rng.randint(1, 3)
        first = rng.choice(words[:max(1, len(words) - length + 1)])
        return [Quote(plan, number, first, min(words[-1], first + 2 * (length - 1)))]
    if plan == "edited" or rng.random() < 0.35:
        length = rng.randint(1, 10)
        first = rng.choice(words[:max(1, len(words) - length + 1)])
        last = min(words[-1], first + 2 * (length - 1))
        quoted = "".join(sentence.tokens[first:last + 1])
        typeset = any(character in quoted for character in "'\"-ёй") or any(
            token[:1].isdigit() for token in sentence.tokens[first:last:2])
        return [Quote(plan if plan == "edited" else "typography" if typeset else "kept", number, first, last)]
    return []


def _find_phrase(sentence: Sentence, phrase: list[str]) -> int | None:
    tokens = sentence.tokens
    for first in range(0, len(tokens), 2):
        if [tokens[first + 2 * k].lower() if first + 2 * k < len(tokens) else None
                for k in range(len(phrase))] == [w.lower() for w in phrase]:
            return first
    return None


def _different_figure(rng: random.Random, figure: str) -> str:
    while True:
        other = _figure(rng)
        if other != figure:
            return other


def _decoy(rng: random.Random, vocabulary, sentence: Sentence, plan: str, quotes: list[Quote]) -> Sentence:
    """A new sentence elsewhere that repeats what the cut one's quote says, in other surroundings."""
    words = _prose(rng, vocabulary, rng.randint(8, 20))
    for quote in quotes:
        quoted = sentence.tokens[quote.first:quote.last + 1:2]
        if plan == "other figure":
            # Another figure of another thing, in the same words around it.
            quoted = list(quoted)
            for i, word in enumerate(quoted):
                if word[:1].isdigit():
                    quoted[i] = _different_figure(rng, word)
                    if i + 4 < len(quoted):
                        quoted[i + 3:i + 5] = rng.choice([t for t in _THINGS if list(t) != quoted[i + 3:i + 5]])
                    break
        at = rng.randrange(len(words))
        words[at:at] = [w.lower() if j == 0 else w for j, w in enumerate(quoted)]
    return _sentence(rng, vocabulary, words)


def _correction_note(rng: random.Random, vocabulary, sentence: Sentence, quotes: list[Quote]) -> Sentence:
    """"An earlier version said ...": the old sentence's words before and in the quote, verbatim."""
    first = min(quote.first for quote in quotes)
    last = max(quote.last for quote in quotes)
    said = sentence.tokens[max(0, first - 8):last + 1:2]
    words = ["correction", "an", "earlier", "version", "said", *[w.lower() for w in said], *_words(rng, vocabulary, 3)]
    return _sentence(rng, vocabulary, words)


# -- typesetting ------------------------------------------------------------------------------------


def _plain_pieces(sentence: Sentence) -> list[str]:
    return list(sentence.tokens)


def _typeset_pieces(sentence: Sentence) -> list[str]:
    """Each token typeset the way a publishing system does it, character by character (so offsets
    map through): curly apostrophes and quotation marks, en dashes in ranges, em dashes between
    words, a non-breaking space after a figure, й and ё decomposed."""
    pieces: list[str] = []
    previous = ""
    for token in sentence.tokens:
        out: list[str] = []
        for position, character in enumerate(token):
            if character == "'":
                out.append("\u2019")
            elif character == '"':
                out.append("\u201c" if position == 0 else "\u201d")
            elif character == "-" and token == " - ":
                out.append("\u2014")
            elif character == "-":
                out.append("\u2013")
            elif character == " " and token == " " and previous[-1:].isdigit():
                out.append("\u00a0")
            else:
                out.append(unicodedata.normalize("NFD", character))
        pieces.append("".join(out))
        previous = token
    return pieces


# -- judging ----------------------------------------------------------------------------------------


def judge(revision: Revision, placements: list[Placement]) -> dict[str, Outcome]:
    from benchmarks.bench_reanchor import _overlap_share

    outcomes = {case: Outcome() for case in CASES}
    for placement, truth, case, figure in zip(placements, revision.truths, revision.cases, revision.figure_changed):
        outcome = outcomes[case]
        outcome.quotes += 1
        if not placement.anchored:
            if truth is None:
                outcome.right += 1
            else:
                outcome.wrongly_orphaned += 1
            continue
        if truth is None or _overlap_share((placement.start, placement.end), truth) < 0.5:
            outcome.misplaced += 1
            outcome.misplaced_not_queued += not needs_review(placement.state, placement.score, placement.number_changed)
            continue
        outcome.right += 1
        if figure and not (placement.number_changed and needs_review(placement.state, placement.score, True)):
            outcome.figure_changes_unflagged += 1
    return outcomes


def run(seeds: tuple[int, ...] = (1, 2, 3, 4, 5), sentences: int = 300) -> dict[str, Outcome]:
    total = {case: Outcome() for case in CASES}
    for seed in seeds:
        revision = generate(seed, sentences)
        placements = reanchor(revision.new, revision.anchors, {1: revision.old})
        for case, outcome in judge(revision, placements).items():
            for name, value in vars(outcome).items():
                setattr(total[case], name, getattr(total[case], name) + value)
    return total


def table(outcomes: dict[str, Outcome]) -> str:
    lines = ["| case | quotes | right | wrongly orphaned | misplaced (not queued) | changed figures not flagged |",
             "|---|---|---|---|---|---|"]
    for case, o in outcomes.items():
        if o.quotes:
            lines.append(f"| {case} | {o.quotes} | {o.right} ({o.right / o.quotes:.1%}) | {o.wrongly_orphaned} "
                         f"| {o.misplaced} ({o.misplaced_not_queued}) | {o.figure_changes_unflagged} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(run()))
