"""Letter classes the word patterns share: what counts as a letter of Russian and Kazakh."""

from __future__ import annotations

CYRILLIC_LETTER = "а-яёәіңғүұқөһ"
NOT_CYRILLIC_AFTER = rf"(?![{CYRILLIC_LETTER}])"
NOT_LETTER_AFTER = rf"(?![A-Za-z{CYRILLIC_LETTER}])"
# Letters only Kazakh writes: a Cyrillic text with one of them is read for Kazakh number words too
# ("он" is ten in Kazakh and "he" in Russian).
KAZAKH_ONLY_LETTERS = "әіңғүұқөһ"


_KAZAKH_ONLY = frozenset(KAZAKH_ONLY_LETTERS)


def has_kazakh_letters(text: str) -> bool:
    # (One set test, where a generator over each letter was 1.1M steps on 1 MB, asked of every sentence twice.)
    return not _KAZAKH_ONLY.isdisjoint(text.lower())
