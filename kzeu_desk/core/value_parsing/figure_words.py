"""The words around figures, in English, Russian and Kazakh: bounds and approximations, scales,
currencies, percentages, multipliers, counted nouns and fractions.

Data only, as plain values and regex fragments; the scanners in `numbers` and `word_figures`
compile and apply them.
"""

from __future__ import annotations

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_CYRILLIC_AFTER
from kzeu_desk.core.value_parsing.candidates import Bound

# -- bounds and approximations ---------------------------------------------------------------

# Each qualifier is a regex fragment; the longest phrase wins because the search for a
# qualifier ending right before a number takes the leftmost start ("no more than" beats
# "more than", "just under" beats "under").
QUALIFIERS_BEFORE: tuple[tuple[str, Bound], ...] = (
    (r"exceed(?:ed|s|ing)?", Bound.LOWER),
    (r"(?:just |well |a little |slightly )?(?:more|greater|higher) than", Bound.LOWER),
    (r"(?:just |well |slightly )?(?:over|above)", Bound.LOWER),
    (r"at least", Bound.LOWER),
    (r"in excess of", Bound.LOWER),
    (r"upwards of", Bound.LOWER),
    (r"no (?:less|fewer) than", Bound.LOWER),
    (r"not (?:less|fewer) than", Bound.LOWER),
    (r"topp(?:ed|ing)", Bound.LOWER),
    (r"surpass(?:ed|ing|es)?", Bound.LOWER),
    (r"almost", Bound.UPPER),
    (r"(?:just |slightly )?(?:under|below)", Bound.UPPER),
    (r"up to", Bound.UPPER),
    (r"(?:just |slightly )?(?:less|fewer) than", Bound.UPPER),
    (r"at most", Bound.UPPER),
    (r"no more than", Bound.UPPER),
    (r"not more than", Bound.UPPER),
    (r"about", Bound.APPROXIMATE),
    (r"around", Bound.APPROXIMATE),
    (r"roughly", Bound.APPROXIMATE),
    (r"approximately", Bound.APPROXIMATE),
    (r"approx\.?", Bound.APPROXIMATE),
    (r"nearly", Bound.APPROXIMATE),
    (r"some", Bound.APPROXIMATE),
    (r"circa", Bound.APPROXIMATE),
    (r"ca\.", Bound.APPROXIMATE),
    (r"(?:an )?estimated", Bound.APPROXIMATE),
    (r"close to", Bound.APPROXIMATE),
    # Russian
    (r"более(?: чем)?", Bound.LOWER),
    (r"свыше", Bound.LOWER),
    (r"больше", Bound.LOWER),
    (r"не (?:менее|меньше)", Bound.LOWER),
    (r"превы(?:сил[аио]?|шает|шают|сив)", Bound.LOWER),
    (r"почти", Bound.UPPER),
    (r"(?:менее|меньше)", Bound.UPPER),
    (r"не (?:более|больше)", Bound.UPPER),
    (r"до", Bound.UPPER),
    (r"около", Bound.APPROXIMATE),
    (r"порядка", Bound.APPROXIMATE),
    (r"примерно", Bound.APPROXIMATE),
    (r"приблизительно", Bound.APPROXIMATE),
    # Kazakh
    (r"шамамен", Bound.APPROXIMATE),
    (r"кем дегенде", Bound.LOWER),
)
SYMBOL_QUALIFIERS_BEFORE: tuple[tuple[str, Bound], ...] = (
    (r">=|≥|>|⩾", Bound.LOWER),
    (r"<=|≤|<|⩽", Bound.UPPER),
    (r"~|≈|∼", Bound.APPROXIMATE),
)
QUALIFIERS_AFTER: tuple[tuple[str, Bound], ...] = (
    (r"\+", Bound.LOWER),
    (r"\s+(?:or|and) (?:more|over|above|higher)\b", Bound.LOWER),
    (r"\s+plus\b", Bound.LOWER),
    (r"\s+(?:or|and) (?:less|fewer|under|below|lower)\b", Bound.UPPER),
    (r"\s+or so\b", Bound.APPROXIMATE),
    # Kazakh puts the comparison after the (often case-suffixed) number: "3000-нан астам".
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?\s*(?:астам|асты|асып){NOT_CYRILLIC_AFTER}", Bound.LOWER),
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?\s*(?:жуық|шамасында){NOT_CYRILLIC_AFTER}", Bound.APPROXIMATE),
    (r"\s+с (?:лишним|гаком)" + NOT_CYRILLIC_AFTER, Bound.LOWER),
)

# -- scales ----------------------------------------------------------------------------------

SCALES: tuple[tuple[str, int], ...] = (
    (r"thousands?", 3),
    (r"millions?", 6),
    (r"billions?", 9),
    (r"trillions?", 12),
    (r"bln\.?|bn", 9),
    (r"mln\.?|mn|mm", 6),
    (r"trn|tn", 12),
    (r"k", 3),
    (r"m", 6),
    (r"b", 9),
    (rf"тыс(?:яч[аиу]?)?\.?|мың[{CYRILLIC_LETTER}]*", 3),
    (r"млн\.?|миллион[а-яё]*", 6),
    (rf"млрд\.?|миллиард[{CYRILLIC_LETTER}]*", 9),
    (r"трлн\.?|триллион[а-яё]*", 12),
)
# These only count as scales when glued to a number that is money ("$5m", "$1.5tn"), since
# "5 m", "5 mm" or "5 tn" on their own are as likely metres, millimetres or tonnes.
MONEY_ONLY_SCALES = frozenset({"k", "m", "b", "mm", "tn"})

# -- currencies ------------------------------------------------------------------------------

CURRENCY_CODES = ("USD", "EUR", "KZT", "RUB", "GBP", "CNY", "CHF", "JPY")
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB"}
CURRENCIES_AFTER: tuple[tuple[str, str], ...] = (
    (r"(?:US|U\.S\.|American)\s*(?:dollars?|\$)", "USD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"tenge", "KZT"),
    (r"r[ou]u?bles?", "RUB"),
    (r"pounds?\s+sterling|sterling|pounds?", "GBP"),
    (rf"(?:доллар[{CYRILLIC_LETTER}]*|долл\.)(?:\s+США)?", "USD"),
    (rf"евро|еуро[{CYRILLIC_LETTER}]*", "EUR"),
    (rf"тенге|теңге[{CYRILLIC_LETTER}]*|тг\.?", "KZT"),
    (r"рубл[а-яё]*|руб\.?", "RUB"),
    (r"фунт[а-яё]*(?:\s+стерлинг[а-яё]*)?", "GBP"),
    ("|".join(CURRENCY_CODES), ""),  # the code is the matched text itself
)

# -- percentages and multipliers -------------------------------------------------------------

PERCENTAGE_POINT_WORDS = r"percentage\s+points?|p\.\s?p\.|pp(?![A-Za-z])|процентн[а-яё]*\s+пункт[а-яё]*|п\.\s?п\."
PERCENT_WORDS = rf"%|per\s?cent(?!age)(?![A-Za-z])|pct\.?|процент[а-яё]*|пайыз[{CYRILLIC_LETTER}]*"
MULTIPLIER_AFTER = (
    rf"(?:[-‐\s]?fold(?![A-Za-z])|\s?(?:times(?![A-Za-z])|[x×](?![A-Za-z\d]))|\s?есе{NOT_CYRILLIC_AFTER})"
)
# Russian "в 180 раз" needs its "в" to mean a multiplier; "180 раз" alone is "180 occasions".
RUSSIAN_MULTIPLIER_AFTER = r"\s?раза?" + NOT_CYRILLIC_AFTER
RUSSIAN_MULTIPLIER_BEFORE = r"(?<![\w])в\s+$"

# -- years -----------------------------------------------------------------------------------

# Words after which a four-digit number is a year even when it looks like a count.
TEMPORAL_PREPOSITIONS_BEFORE = (
    r"(?<![\w])(?:in|since|until|till|during|before|after|through|throughout|early|late|"
    r"mid|year|fy|в|с|к|после)[\s-]*$"
)

# -- counted nouns ("3,000 companies") -------------------------------------------------------

ENGLISH_NON_NOUNS = frozenset(
    {
        "is", "was", "has", "its", "this", "thus", "as", "us", "less", "plus", "across", "besides",
        "whereas", "unless", "perhaps", "always", "towards", "afterwards", "does", "his", "hers", "ours",
        "yours", "theirs", "these", "those", "times", "yes", "whereabouts", "alongside", "various",
        "previous", "numerous", "serious", "famous", "enormous", "includes", "means", "amounts",
        "accounts", "represents", "remains", "reaches", "stands", "totals", "grows", "rises", "falls",
    }
)
ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "into", "onto", "than", "that", "which", "who", "per", "be", "been", "were", "are", "will",
        "would", "can", "could", "should", "may", "might", "had", "have", "did", "do", "not", "more",
        "less", "then", "when", "while", "where", "after", "before", "since", "until", "over", "under",
        "up", "down", "out", "about", "around", "alone", "only", "each", "every", "year", "month",
    }
)
IRREGULAR_PLURALS = frozenset({"people", "children", "staff", "personnel", "men", "women", "police", "cattle"})
RUSSIAN_NON_NOUNS = frozenset(
    {
        "и", "в", "во", "на", "по", "с", "со", "из", "для", "от", "до", "что", "как", "или", "а", "но",
        "это", "года", "году", "год", "г", "тыс", "же", "ли", "не", "при", "за", "к", "о", "об", "у",
        "мен", "және", "жылы", "жылғы",
    }
)
RUSSIAN_ADJECTIVE_ENDINGS = ("ых", "их", "ые", "ие", "ая", "ое", "ого", "ому", "ыми", "ими")

# -- figures written in words ----------------------------------------------------------------

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000,
}

# Fractions are quoted loosely in journalism ("one third" of trade), hence approximate.
FRACTION_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                         "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Only where a share is being stated: "a third country", "half a million", "third largest" are not.
FRACTION_FOLLOWER = r"(?=\s+(?:of|the|its|their|all)\b|\s*[,.;:)!?\"”»]|\s*$|\s+(?:or|and)\b)"
ENGLISH_FRACTION = (
    r"(?<![\w-])(?:(?P<numerator>one|an?|two|three|four)[\s-]+(?P<denominator>halves|half|thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<bare_half>half))(?![\w-])" + FRACTION_FOLLOWER
)
HALF_OF_PERIOD_BEFORE = r"(?:first|second|other|latter|former|and|\d\w*)\s+(?:an?\s+)?$"
RUSSIAN_FRACTION = (
    r"(?<![\w])(?:(?P<numerator>одн[аоу]|две|три)\s+)?(?P<denominator>треть|трети|третью|третей|четверть|четверти|четвертью|половин[аыуео]й?)"
    + NOT_CYRILLIC_AFTER
)
RUSSIAN_HALF_OF_PERIOD_BEFORE = r"(?:перв|втор)[а-яё]*\s+$"
KAZAKH_FRACTION = (
    rf"(?<![\w])(?:(?P<third>үштен\s+бір[{CYRILLIC_LETTER}]*)|(?P<quarter>төрттен\s+бір[{CYRILLIC_LETTER}]*)"
    rf"|(?P<half>жартыс[{CYRILLIC_LETTER}]*))"
)
