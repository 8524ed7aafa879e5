import hashlib

import pytest

from kzeu_desk.core.text import (
    Utf16Index,
    canonicalize,
    quote_context,
    sha256_text,
    to_codepoint,
    to_utf16,
)

GRINNING = "\U0001f600"
FAMILY_ZWJ = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, ZWJ, woman, ZWJ, girl
FLAG_KAZAKHSTAN = "\U0001f1f0\U0001f1ff"  # regional indicators K, Z
MIXED = (
    f"Қазақстан Республикасы {GRINNING} e\u0301t\u00e9 {FAMILY_ZWJ} العربية עברית "
    f"{FLAG_KAZAKHSTAN}\ttab\u00a0nbsp 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 end"
)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- canonicalize -----------------------------------------------------------------------------


def test_canonicalize_strips_one_leading_bom_only():
    assert canonicalize("\ufeffabc") == "abc"
    assert canonicalize("\ufeff\ufeffabc") == "\ufeffabc"
    assert canonicalize("a\ufeffb") == "a\ufeffb"


def test_canonicalize_turns_every_line_break_into_newline():
    assert canonicalize("a\r\nb") == "a\nb"
    assert canonicalize("a\rb") == "a\nb"
    assert canonicalize("a\u2028b\u2029c") == "a\nb\nc"
    assert canonicalize("a\r\r\nb\n\rc") == "a\n\nb\n\nc"
    assert canonicalize("\ufeffline one\r\nline two\r") == "line one\nline two\n"


def test_canonicalize_changes_nothing_else():
    untouched = "  e\u0301 \u00e9 \tNBSP\u00a0here\x0c  \n\nКазақ 😀 trailing  "
    assert canonicalize(untouched) == untouched
    assert canonicalize("") == ""


# --- UTF-16 offsets ---------------------------------------------------------------------------


def test_python_offset_four_is_qt_offset_five_after_an_emoji():
    text = f"a{GRINNING}b fact"
    assert text[4:8] == "fact"
    assert to_utf16(text, 4) == 5
    assert to_codepoint(text, 5) == 4


def test_offsets_are_equal_in_a_text_without_astral_characters():
    text = "Қазақстан Республикасы, e\u0301, العربية, עברית"
    index = Utf16Index(text)
    assert index.utf16_length == index.codepoint_length == len(text)
    for offset in range(len(text) + 1):
        assert index.to_utf16(offset) == offset
        assert index.to_codepoint(offset) == offset


@pytest.mark.parametrize(
    "text",
    [
        f"a{GRINNING}b fact",
        f"{GRINNING}{GRINNING}{GRINNING}",
        f"family {FAMILY_ZWJ} flag {FLAG_KAZAKHSTAN}",
        "e\u0301te\u0301",
        "Қазақстан Республикасы",
        "مرحبا بالعالم שלום עולם",
        MIXED,
        "",
    ],
)
def test_every_codepoint_offset_round_trips_and_matches_utf16_encoding(text):
    index = Utf16Index(text)
    assert index.utf16_length == utf16_length(text)
    for offset in range(len(text) + 1):
        utf16_offset = index.to_utf16(offset)
        assert utf16_offset == utf16_length(text[:offset])
        assert index.to_codepoint(utf16_offset) == offset
        assert to_utf16(text, offset) == utf16_offset
        assert to_codepoint(text, utf16_offset) == offset


def test_utf16_offset_inside_a_surrogate_pair_rounds_to_the_start_of_the_character():
    text = f"x{GRINNING}y{FLAG_KAZAKHSTAN}"
    index = Utf16Index(text)
    # UTF-16 units: x=0, 😀=1-2, y=3, 🇰=4-5, 🇿=6-7.
    assert index.to_codepoint(2) == 1
    assert index.to_codepoint(5) == 3
    assert index.to_codepoint(7) == 4
    assert index.to_codepoint(8) == 5


def test_every_utf16_offset_maps_to_the_character_it_falls_in():
    index = Utf16Index(MIXED)
    for utf16_offset in range(index.utf16_length + 1):
        offset = index.to_codepoint(utf16_offset)
        assert index.to_utf16(offset) <= utf16_offset < index.to_utf16(offset) + 2
        assert utf16_length(MIXED[:offset]) in (utf16_offset, utf16_offset - 1)


def test_offsets_outside_the_text_are_rejected():
    index = Utf16Index(f"a{GRINNING}")
    assert index.to_utf16(2) == 3
    assert index.to_codepoint(3) == 2
    with pytest.raises(ValueError):
        index.to_utf16(3)
    with pytest.raises(ValueError):
        index.to_utf16(-1)
    with pytest.raises(ValueError):
        index.to_codepoint(4)
    with pytest.raises(ValueError):
        index.to_codepoint(-1)


# --- quote context ----------------------------------------------------------------------------


def test_quote_context_in_the_middle_takes_width_code_points_each_side():
    text = "0123456789abcdefghij"
    assert quote_context(text, 10, 12, width=3) == ("789", "ab", "cde")


def test_quote_context_at_the_edges_is_shorter():
    text = "Kazakhstan and the EU"
    assert quote_context(text, 0, 10, width=5) == ("", "Kazakhstan", " and ")
    assert quote_context(text, 19, 21, width=5) == (" the ", "EU", "")
    assert quote_context(text, 0, len(text)) == ("", text, "")


def test_quote_context_default_width_is_32_code_points():
    text = "x" * 40 + "EXACT" + "y" * 40
    prefix, exact, suffix = quote_context(text, 40, 45)
    assert (prefix, exact, suffix) == ("x" * 32, "EXACT", "y" * 32)


def test_quote_context_counts_code_points_not_utf16_units():
    text = f"{GRINNING * 4}fact{GRINNING * 4}"
    assert quote_context(text, 4, 8, width=2) == (GRINNING * 2, "fact", GRINNING * 2)


def test_quote_context_rejects_a_span_outside_the_text():
    with pytest.raises(ValueError):
        quote_context("abc", 2, 1)
    with pytest.raises(ValueError):
        quote_context("abc", 0, 4)


# --- hashing ----------------------------------------------------------------------------------


def test_sha256_text_hashes_the_utf8_bytes():
    text = "Қазақстан 😀"
    assert sha256_text(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert sha256_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
