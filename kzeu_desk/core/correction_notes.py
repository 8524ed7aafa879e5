"""Correction notes in a revised text: the passages that report what an earlier version said wrongly.

A corrected article quotes its old words at the end ("An earlier version of this article said the
projects were expected to attract EUR 850 million of investment.", "Ранее сообщалось о 15 млн евро.",
"Түзету: хабарламаның алғашқы нұсқасында … 48,7 млрд доллар деп қате көрсетілген."). Those words are
exactly a corrected span's old quote, word for word, so re-anchoring finds them there, and a curator
would see evidence for a figure the article now says was wrong (held-out round 18: "EUR 850 million"
moved onto the note, not queued, while the lede says "€920 million"). A note is recognised by the
phrases such notes open with or turn on, in English, Russian and Kazakh, in folded text (`core.folding`:
lower case, the Kazakh і as a Latin i). The re-anchoring takes a note to run from the start of the
sentence holding that phrase to the end of its paragraph when it opens one, to its closing bracket when
it is set in brackets ("… to 4.5 million tonnes. (Correction: an earlier version of this entry said
62%.)"), and to the end of that sentence otherwise. Update lines
that only say what changed ("Updated 4 November — corrects the expected investment") quote nothing old
and are no notes.
"""

from __future__ import annotations

import re

_NOTE_PHRASES = re.compile(
    "|".join((
        # English
        r"\b(?:an?|the|its) (?:earlier|previous|original|first|initial|prior) (?:version|edition|draft)s?\b",
        r"\bcorrection\b\s*(?:\([^)\n]{0,40}\)|,[^:\n]{0,40})?\s*:",
        r"\b(?:incorrectly|wrongly|mistakenly|erroneously) (?:said|stated|reported|gave|given|put|quoted)\b",
        r"\bas (?:stated|reported|said|given) (?:earlier|previously|before)\b",
        # Russian
        r"\bранее (?:сообщалось|ошибочно|было указано|указывалось)\b",
        r"\bв (?:первоначальной|предыдущей|прежней|первой|ранней) (?:версии|редакции)\b",
        r"\b(?:исправлени[ея]|исправлено)\b\s*(?:\([^)\n]{0,40}\)|[^:\n]{0,40})?:",
        r"\bошибочно (?:указ|сообщ|говор|привед)\w*",
        # Kazakh (folded: і is i)
        r"\bтүзету\b\s*(?:\([^)\n]{0,40}\)|[^:\n]{0,40})?:",
        r"\b(?:алғашқы|алдыңғы|бұрынғы|бастапқы) нұсқа(?:сында|да|сы)\b",
        r"\bқате (?:көрсет|жазыл|хабарлан|берiл|айтыл)\w*",
    )))


def note_phrases(folded: str) -> list[int]:
    """Where each phrase that marks a correction note starts in a folded text, in text order."""
    return [match.start() for match in _NOTE_PHRASES.finditer(folded)]


def line_end(folded: str, offset: int) -> int:
    """The end of the line (paragraph) holding `offset`: a correction note runs to it."""
    end = folded.find("\n", offset)
    return len(folded) if end < 0 else end
