"""Numbers written as words, in English, Russian and Kazakh: the words, their values, and the
contexts in which a number word is not a figure ("one of", "the two sides", "екі жақты").

Data only; `spelled_numbers` reads a run of these words as one number.
"""

from __future__ import annotations

# -- English ---------------------------------------------------------------------------------

ENGLISH_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
ENGLISH_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ENGLISH_HUNDRED = "hundred"
# Scale words stay in the text: the figure reader already knows "thousand", "million", "billion".
ENGLISH_SCALES = ("thousand", "million", "billion", "trillion")
ENGLISH_DOZEN = "dozen"
# "one" and "a"/"an" are figures only before a scale ("one million", "a thousand companies"):
# elsewhere they are the article or "one of".
ENGLISH_ONLY_BEFORE_SCALE = frozenset({"one", "a", "an"})
# "one" before a measure of time is a figure ("periods of one year"); "one day" is as often "some day".
ENGLISH_SINGLE_MEASURES = frozenset({"year", "month", "week", "decade", "quarter"})
# A number word right after these refers back to things already named ("the two sides").
ENGLISH_DEFINITE_BEFORE = frozenset({"the", "these", "those"})
# ...unless they count time: "over the eight months of the current year", "the past three decades".
ENGLISH_TIME_UNITS = frozenset({"days", "weeks", "months", "quarters", "years", "decades"})

# -- Russian ---------------------------------------------------------------------------------

# Every case form of the number words; the value of a form is the value of its word.
RUSSIAN_NUMBER_FORMS = {
    1: "один одна одно одного одной одному одним одном одну",
    2: "два две двух двум двумя",
    3: "три трёх трех трём трем тремя",
    4: "четыре четырёх четырех четырём четырем четырьмя",
    5: "пять пяти пятью",
    6: "шесть шести шестью",
    7: "семь семи семью",
    8: "восемь восьми восьмью восемью",
    9: "девять девяти девятью",
    10: "десять десяти десятью",
    11: "одиннадцать одиннадцати одиннадцатью",
    12: "двенадцать двенадцати двенадцатью",
    13: "тринадцать тринадцати тринадцатью",
    14: "четырнадцать четырнадцати четырнадцатью",
    15: "пятнадцать пятнадцати пятнадцатью",
    16: "шестнадцать шестнадцати шестнадцатью",
    17: "семнадцать семнадцати семнадцатью",
    18: "восемнадцать восемнадцати восемнадцатью",
    19: "девятнадцать девятнадцати девятнадцатью",
    20: "двадцать двадцати двадцатью",
    30: "тридцать тридцати тридцатью",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью",
    70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью",
    90: "девяносто девяноста",
    100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах",
    300: "триста трёхсот трехсот трёмстам тремстам тремястами трёхстах трехстах",
    400: "четыреста четырёхсот четырехсот четырёмстам четыремстам четырьмястами четырёхстах четырехстах",
    500: "пятьсот пятисот пятистам пятьюстами пятистах",
    600: "шестьсот шестисот шестистам шестьюстами шестистах",
    700: "семьсот семисот семистам семьюстами семистах",
    800: "восемьсот восьмисот восьмистам восьмьюстами восемьюстами восьмистах",
    900: "девятьсот девятисот девятистам девятьюстами девятистах",
}
# Collective numerals ("двое", "трое", "пятеро") count people or things already named ("потеряли двух клиентов,
# еще трое просят скидку"); they never join other number words.
RUSSIAN_COLLECTIVE_FORMS = {
    2: "двое двоих двоим двоими", 3: "трое троих троим троими", 4: "четверо четверых четверым четверыми",
    5: "пятеро пятерых пятерым пятерыми", 6: "шестеро шестерых шестерым шестерыми", 7: "семеро семерых семерым семерыми",
    8: "восьмеро восьмерых восьмерым восьмерыми", 9: "девятеро девятерых девятерым девятерыми",
    10: "десятеро десятерых десятерым десятерыми",
}
RUSSIAN_NUMBER_WORDS = {form: value for value, forms in (*RUSSIAN_NUMBER_FORMS.items(), *RUSSIAN_COLLECTIVE_FORMS.items())
                        for form in forms.split()}
RUSSIAN_ONE_AND_A_HALF = frozenset({"полтора", "полторы", "полутора"})
# "сотня" (a hundred) is a number after a bound ("около сотни", "более сотни"); "сотни" alone is "hundreds".
RUSSIAN_HUNDRED_NOUN = frozenset({"сотня", "сотни", "сотню", "сотней"})
RUSSIAN_BOUND_WORDS = frozenset({"около", "почти", "более", "свыше", "порядка", "примерно", "менее", "до", "под",
                                 "приблизительно", "больше", "меньше"})
RUSSIAN_SCALE_STEMS = ("тысяч", "тыс", "миллион", "млн", "миллиард", "млрд", "триллион", "трлн")
RUSSIAN_ONE = frozenset(RUSSIAN_NUMBER_FORMS[1].split())
# "двух стран", "обе стороны": the two sides already named, not a figure.
RUSSIAN_PAIR_NOUN_STEMS = ("стран", "сторон", "государств", "лидер", "президент", "министр")
# "лишь два государства", "только две страны": a particle that limits or adds to a number makes the pair a
# figure again (how many of them did something), not the two sides already named.
RUSSIAN_LIMITING_WORDS = frozenset({"лишь", "только", "всего", "еще", "ещё", "уже", "ровно", "всего-навсего"})
RUSSIAN_TWO = frozenset(RUSSIAN_NUMBER_FORMS[2].split())

# -- Kazakh ----------------------------------------------------------------------------------

KAZAKH_NUMBER_WORDS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
    "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80,
    "тоқсан": 90,
}
# Collective numerals take a part of a whole already named: "бес елінің екеуі" (two of the five
# countries), "оның үшеуі" (three of them); always with a possessive ending, and a case after it.
KAZAKH_COLLECTIVE_WORDS = {"екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7, "сегізеу": 8,
                           "тоғызау": 9, "онау": 10}
# "біреуі" (one of them: "блоктардың біреуі") takes a part of a whole as the collectives do, but only with the
# possessive: bare "біреу" is "someone".
KAZAKH_ONE_OF_THEM = "біреу"
KAZAKH_COLLECTIVE_ENDINGS = {  # front and back vowel forms ("екеуімен", "алтауымен")
    "front": ("і", "ін", "іне", "інен", "інің", "імен", "інде"),
    "back": ("ы", "ын", "ына", "ынан", "ының", "ымен", "ында"),
}
# Without the possessive the collective numeral is still a part of a whole named before, bare or in a case:
# "олар екеу ғана еді" (there were only two of them), "бесеуге дейін қысқарады" (falls to five).
KAZAKH_COLLECTIVE_CASE_ENDINGS = {
    "front": ("", "ге", "ден", "мен", "де", "ді", "дің"),
    "back": ("", "ға", "дан", "мен", "да", "ды", "дың"),
}
KAZAKH_HUNDRED = "жүз"
# A hundred or a thousand said alone, which may carry a case ending: "жүзден астам", "мыңнан астам".
KAZAKH_ROUND_WORDS = {"жүз": 100, "мың": 1000}
# The bounds that make such a lone round word a figure ("жүз" is also "face", "мың" a scale word).
KAZAKH_BOUND_WORDS_AFTER = ("астам", "жуық", "аса", "асқан", "асты", "артық", "кем", "көп", "шақты", "қаралы")
KAZAKH_SCALE_STEMS = ("мың", "миллион", "млн", "миллиард", "млрд", "триллион", "трлн")
# Case endings a Kazakh number word may carry ("жиырмадан астам", "онға жуық"); the figure reader
# reads them after a hyphen, as they are written after digits ("20-дан астам").
KAZAKH_NUMBER_ENDINGS = (
    "ден", "дан", "тен", "тан", "нен", "нан", "ге", "ға", "ке", "қа", "не", "на", "де", "да", "те", "та",
    "нде", "нда", "нің", "ның", "дің", "дың", "тің", "тың", "ні", "ны", "ді", "ды", "ті", "ты", "сі", "сы",
    "і", "ы", "мен", "бен", "пен",
    # The possessive with a case after it: "олардың сегізімен" (with eight of them), "бесінен" (from five of them).
    "імен", "ымен", "сімен", "сымен", "іне", "ына", "сіне", "сына", "інен", "ынан", "сінен", "сынан", "ін", "ын",
    "сін", "сын",
)
# "он" is ten in Kazakh and "he" in Russian: it is read as a number in a text with letters only
# Kazakh writes, or before another number word or one of these.
KAZAKH_AMBIGUOUS_WORDS = frozenset({"он"})
KAZAKH_UNAMBIGUOUS_AFTER = ("жыл", "ай", "мың", "миллион", "млн", "миллиард", "млрд", "пайыз", "есе")
# "бір" alone is the article "a"; it is a figure before a scale or inside a compound ("он бір").
KAZAKH_ONLY_BEFORE_SCALE = frozenset({"бір"})
# "екі жақты" (bilateral), "екі ел" (the two countries), "екі тарап" (both sides): not figures.
KAZAKH_PAIR_WORDS_AFTER = ("жақты", "жақ", "ел", "елдің", "елдер", "елі", "тарап", "қатар")
