"""The words around figures, in English, Russian and Kazakh: bounds and approximations, scales,
currencies, percentages, multipliers, counted nouns and fractions.

Data only, as plain values and regex fragments; the scanners in `numbers` and `word_figures`
compile and apply them.
"""

from __future__ import annotations

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_CYRILLIC_AFTER, NOT_LETTER_AFTER
from kzeu_desk.core.value_parsing.candidates import Bound

# -- bounds and approximations ---------------------------------------------------------------

# Verbs of change: the figure after "до" / before "дейін" is where a change ended ("снизил ставку до
# 14,75%", "15 пайызға дейін өсуі тиіс"), not an upper bound ("до 50 млрд долларов", "up to").
RUSSIAN_CHANGE_VERB = (
    r"вырос|вырас|возрос|возрас|увелич|сократ|сокращ|сниз|сниж|пониз|пониж|повыс|повыш|замедл|ускор|упал|упад"
    r"|опуст|подня|довед|довест|довод|расшир|достиг|дорос|уменьш|рост|подорож|подешев|ослаб|укрепи"
    r"|продл|продли|удлин|сузи|сузил|поднял|опустил|восстанов"
)
KAZAKH_CHANGE_VERB = (
    r"өс|арт|ұлғай|төменде|азай|қысқар|баяула|жет(?:ті|кен|іп|еді|у|кізу|кізді|кізілді)|көбей|кеми|түс"
    r"|көтер|кеңей|жеделде|қымбатта|арзанда|ұзарт|қысқарт|төмендет|арттыр|жеткіз|қалпына"
)

# Each qualifier is a regex fragment; the longest phrase wins because the search for a
# qualifier ending right before a number takes the leftmost start ("no more than" beats
# "more than", "just under" beats "under").
QUALIFIERS_BEFORE: tuple[tuple[str, Bound], ...] = (
    # Negated, a lower-bound verb gives an upper bound: "did not exceed", "не превышал", "аспайтын" (below).
    # "may not exceed 90%", "must not exceed", "nor exceed 36 months": a rule's ceiling.
    (r"(?:did|does|do|will|would|could|has|have|had|may|must|shall|should|cannot|can) not (?:exceed|surpass|top)(?:ed)?"
     r"|not exceeding|never exceeded|nor exceed|not exceed",
     Bound.UPPER),
    (r"exceed(?:ed|s|ing)?", Bound.LOWER),
    (r"(?:just |well |a little (?:bit )?|slightly )?(?:more|greater|higher) than", Bound.LOWER),
    (r"(?:just (?:a little (?:bit )?)?|well |a little (?:bit )?|slightly )?(?:over|above)", Bound.LOWER),
    (r"at least|a minimum of", Bound.LOWER),
    # ("fares are from €149", "tickets cost from €20": a price's lowest.)
    (r"start(?:s|ed|ing)? (?:at|from)|from as little as|prices? from|(?:fares?|tickets?|prices?|rates?) (?:are|cost) from"
     r"|cost(?:s|ing)? from|priced (?:at )?from", Bound.LOWER),
    # A price list's or a brochure's "From €4,950 per person" opening its sentence: the lowest price (numbers.py keeps
    # it to a currency and no "to" after it: "From 2019 to 2024", "From €10 to €20" are a span and a range).
    (r"(?:^|(?<=[.;:!?]\s)|(?<=[—–]\s))(?-i:From)", Bound.LOWER),
    (r"(?:стои(?:т|ли|ть)|стоят|обойд[её]тся|цены?|тарифы?|начинаются)\s+от", Bound.LOWER),
    (r"a maximum of", Bound.UPPER),
    (r"in excess of", Bound.LOWER),
    (r"upwards of", Bound.LOWER),
    (r"no (?:less|fewer) than", Bound.LOWER),
    (r"not (?:less|fewer) than", Bound.LOWER),
    # ("when the spot price tops $130/lb": the verb in the present, as "exceeds"; "top 10" alone ranks.)
    (r"topp(?:ed|ing)|tops", Bound.LOWER),
    (r"surpass(?:ed|ing|es)?", Bound.LOWER),
    # Close below ("almost", "just under") against a bare ceiling ("under", "up to", "fewer than"):
    # only the first says the figure is near X (docs/VALUE_SUGGESTIONS.md, "Bounds").
    (r"almost", Bound.ALMOST),
    (r"(?:just|slightly) (?:under|below)", Bound.ALMOST),
    (r"under|below", Bound.UPPER),
    (r"up to", Bound.UPPER),
    (r"(?:just|slightly) (?:less|fewer) than", Bound.ALMOST),
    (r"(?:less|fewer) than", Bound.UPPER),
    (r"at (?:the )?most", Bound.UPPER),
    # Hedges that say the figure is a guess: "maybe 250 companies", "perhaps a dozen".
    (r"maybe|perhaps|possibly|probably", Bound.APPROXIMATE),
    (r"something like|in the region of|(?:of )?the order of|что-то около", Bound.APPROXIMATE),
    # An age or a time past a limit: "cars older than seven years", "старше семи лет".
    (r"older than|longer than", Bound.LOWER),
    (r"younger than|newer than", Bound.UPPER),
    # "доходят … не дольше 12 дней", "не позже чем через 10 дней": "не" turns the lower bound into a ceiling.
    # ("машин не старше трех лет": not older than, a ceiling; "не моложе 18 лет" a lower bound.)
    (r"не (?:дольше|позже|старше)(?: чем)?(?: через)?", Bound.UPPER),
    (r"не (?:моложе|младше)(?: чем)?", Bound.LOWER),
    (r"no older than|not older than", Bound.UPPER),
    (r"no younger than|not younger than", Bound.LOWER),
    # "оформленным не ранее чем за 72 часа до отгрузки": no earlier than 72 hours before an event is at most
    # 72 hours before it ("не ранее 2027 года", with no "за", stays a lower bound).
    (r"не (?:ранее|раньше),?(?: чем)? за", Bound.UPPER),
    # "кровь берут не ранее чем через 30 дней после прививки": no earlier than 30 days after is at least 30 days
    # after, a lower bound, as "не позднее чем через" is a ceiling (set 75).
    (r"не (?:ранее|раньше),?(?: чем)? через", Bound.LOWER),
    # And "не позднее чем за 10 рабочих дней до выезда": no later than 10 days before is at least 10 days before.
    (r"не позднее,?(?: чем)? за", Bound.LOWER),
    (r"старше|дольше", Bound.LOWER),
    (r"моложе|младше", Bound.UPPER),
    (r"no more than", Bound.UPPER),
    (r"no (?:longer|later) than|not (?:longer|later) than", Bound.UPPER),
    (r"no (?:shorter|earlier) than|not (?:shorter|earlier) than", Bound.LOWER),
    (r"not more than", Bound.UPPER),
    (r"about", Bound.APPROXIMATE),
    (r"around", Bound.APPROXIMATE),
    (r"roughly", Bound.APPROXIMATE),
    (r"approximately", Bound.APPROXIMATE),
    (r"approx\.?", Bound.APPROXIMATE),
    (r"nearly|near(?:ed|ing|s)?|close on", Bound.APPROXIMATE),
    (r"some", Bound.APPROXIMATE),
    (r"circa", Bound.APPROXIMATE),
    (r"ca\.", Bound.APPROXIMATE),
    (r"(?:an )?estimated", Bound.APPROXIMATE),
    (r"close to", Bound.APPROXIMATE),
    # Russian; "выросли более чем на 15%": the bound may stand before the "на" of a change, and after "чем" before
    # the "с", "со", "у" of the case the verb wants ("сотрудничает более чем со 160 странами", "менее чем с 10
    # партнерами", "более чем у 300 семей").
    (r"более чем (?:с|со|у)", Bound.LOWER),
    (r"свыше чем (?:с|со|у)", Bound.LOWER),
    (r"больше чем (?:с|со|у)", Bound.LOWER),
    (r"не (?:менее|меньше) чем (?:с|со|у)", Bound.LOWER),
    (r"не (?:более|больше) чем (?:с|со|у)", Bound.UPPER),
    (r"(?:менее|меньше) чем (?:с|со|у)", Bound.UPPER),
    (r"более(?: чем)?(?: на)?", Bound.LOWER),
    (r"свыше(?: чем)?(?: на)?", Bound.LOWER),
    (r"больше(?: чем)?(?: на)?", Bound.LOWER),
    # ("уведомляет не менее чем за 10 рабочих дней": notice at least that long before.)
    (r"не (?:менее|меньше)(?: чем)?(?: на| за)?", Bound.LOWER),
    # "по ставке не выше 14%" (at most), "не ниже 3%" (at least); alone "выше 85%" (above), "ниже 2%" (below).
    (r"не выше(?: чем)?", Bound.UPPER),
    (r"не ниже(?: чем)?", Bound.LOWER),
    # A distance: "размещать турбины не ближе 5 км от жилья" (not closer than: at least), "не дальше 500 м от школы"
    # (not farther than: at most), as "не ниже" and "не выше" bound a level.
    (r"не ближе(?: чем)?", Bound.LOWER),
    (r"не дальше(?: чем)?", Bound.UPPER),
    # Alone, "уходить дальше 50 км" (farther than: more) and "ставить ближе 200 м" (closer than: less), as "выше" and
    # "ниже" alone bound a level (set 74).
    (r"дальше(?: чем)?", Bound.LOWER),
    (r"ближе(?: чем)?", Bound.UPPER),
    (r"выше(?: чем)?", Bound.LOWER),
    (r"ниже(?: чем)?", Bound.UPPER),
    # A rule's ceiling: "не должна превышать 1%", "не может превышать 30 дней" (must not exceed).
    (r"не (?:(?:долж[а-яё]+|мож[а-яё]+|могут|будет|будут)\s+)?превы(?:сил[аио]?|шал[аио]?|шает|шают|шать|шающ[а-яё]+)",
     Bound.UPPER),
    (r"превы(?:сил[аио]?|шал[аио]?|шает|шают|сив|шающ[а-яё]+)", Bound.LOWER),
    (r"(?:как )?минимум(?: на)?", Bound.LOWER),
    (r"(?:как )?максимум(?: на)?|от силы", Bound.UPPER),
    (r"почти(?: на| до)?|без малого|(?:чуть|немного|немногим|несколько|слегка) (?:менее|меньше)(?: чем)?(?: на)?",
     Bound.ALMOST),
    (r"не позднее(?: чем)?(?: через)?", Bound.UPPER),
    (r"(?:менее|меньше)(?: чем)?(?: на)?", Bound.UPPER),
    # ("подать не более чем за 12 месяцев до": at most that long before, as "не менее чем за 10 дней" is at least.)
    (r"не (?:более|больше|свыше)(?: чем)?(?: на| за)?", Bound.UPPER),
    (r"до", Bound.UPPER),
    # "от 7 800 тенге", "от 18 лет": a figure "from" which a price or an age starts (a range's "от … до" is read first).
    (r"от", Bound.LOWER),
    (r"около", Bound.APPROXIMATE),
    (r"порядка", Bound.APPROXIMATE),
    # "сократили … примерно до восьми часов": about the level a change reached.
    # "примерно по 12 400 тенге за килограмм": about so much each, the distributive "по" between (sets 60 and 61).
    (r"примерно(?: на| до| по)?", Bound.APPROXIMATE),
    (r"приблизительно(?: на| до| по)?", Bound.APPROXIMATE),
    # Kazakh
    (r"шамамен", Bound.APPROXIMATE),
    (r"кем дегенде", Bound.LOWER),
    (r"кемінде|кемі", Bound.LOWER),
    # "әрі кетсе 250 компания" (250 companies at the very most), "ең көбі 10".
    (r"әрі кетсе|ең көбі", Bound.UPPER),
)
SYMBOL_QUALIFIERS_BEFORE: tuple[tuple[str, Bound], ...] = (
    (r">=|≥|>|⩾", Bound.LOWER),
    (r"<=|≤|<|⩽", Bound.UPPER),
    (r"~|≈|∼", Bound.APPROXIMATE),
)
# A Kazakh verb in the negative present or past ("алмайды", "түспейді", "бермеді", "көрсетпеген").
_KAZAKH_NEGATED_VERB = (rf"[{CYRILLIC_LETTER}]{{2,}}(?:майды|мейді|байды|бейді|пайды|пейді|мады|меді|бады|беді|пады|педі"
                        r"|маған|меген|баған|беген|паған|пеген)")
QUALIFIERS_AFTER: tuple[tuple[str, Bound], ...] = (
    (r"\+", Bound.LOWER),
    # ("patients aged 15 years or older", "a stay of six months or longer": an age or a span and beyond.)
    # ("67 countries and more than 30,000 spectators", "12 judges and over 40 clerks": a comparison with its own figure
    # after "than" or the bound word opens the next figure's phrase, and bounds nothing before it.)
    (r"\s+(?:or|and) (?:more|over|above|higher|older|longer|greater)\b(?!\s+than\b)(?!\s+\d)", Bound.LOWER),
    # ("US$412,600 plus interest at 4.5%", "KZT 9,000 plus VAT", "€120 plus a €15 fee": "plus" before a figure, an
    # article or a charge adds that to the amount, and bounds nothing.)
    (r"\s+plus\b(?!\s+(?:an?|the|its|their|\d|[$€£₸]|US\$|interest|VAT|tax(?:es)?|costs?|fees?|expenses|charges?"
     r"|bonus(?:es)?|delivery|shipping)(?![\w-]))", Bound.LOWER),
    (r"\s+(?:or|and) (?:less|fewer|under|below|lower|younger|shorter|smaller)\b(?!\s+than\b)(?!\s+\d)", Bound.UPPER),
    (r"\s+or so\b", Bound.APPROXIMATE),
    # Russian says the same after the figure's noun, which the scan reads after these: "12 месяцев и более", "15 лет и
    # старше" (and over), "3 лет и младше" (and under); Ctrl+N reads them with the noun in the highlight (suggestion.py).
    (r"\s+(?:и|или)\s+(?:более|больше|старше)" + NOT_CYRILLIC_AFTER, Bound.LOWER),
    (r"\s+(?:и|или)\s+(?:менее|меньше|младше|моложе)" + NOT_CYRILLIC_AFTER, Bound.UPPER),
    # Kazakh puts the comparison after the (often case-suffixed) number: "3000-нан астам",
    # "22 млрд доллардан асқан", "60 пайызға жуығы", "15%-дан азын", "400 шақты компания".
    # An adverb of degree may stand between: "400-ден әлдеқайда асады" (well over 400).
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?\s*(?:(?:әлдеқайда|едәуір|сәл|біршама)\s+)?"
     # The verbal noun and the conditional too: "құнының 1,5 млн теңгеден асуы" (its cost exceeding), "асса" (if it
     # exceeds); the negated "аспауы", "аспаса" are ceilings, below.
     # A participle made a noun takes a plural and a case as a noun does: "20 тоннадан асатындарға" (to those over 20
     # tonnes), "асқандар", "асатынға".
     rf"(?:астам[{CYRILLIC_LETTER}]*|(?:асқан|асатын)(?:дар|дардың|дарға|дарды|дардан|ға|ы|ын|дарына)?|асады|асты|асып"
     rf"|асуы(?:н|на)?|асса|кем емес)"
     rf"{NOT_CYRILLIC_AFTER}", Bound.LOWER),
    # "50 млрд долларға дейін" (up to), but not a target reached: "15 пайызға дейін өсті" (grew to);
    # "50 пайызға дейін өсуі мүмкін" (may grow up to) stays a bound.
    # "жылына 20 мың еуроға дейін жетеді" (reaches up to 20,000 a year) describes a ceiling, not a change.
    # With a possessive it is the share it bounds made a noun, as "жуығы" is: "ылғалдың 30 пайызға дейіні" (up to 30
    # per cent of the moisture), "пайданың 40 пайызға дейінін".
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?\s*(?:дейін(?:гі|і(?:н|не|нде|нен)?)?|шейін){NOT_CYRILLIC_AFTER}"
     # Nor a change in the habitual participle, which says how far it goes each time: "жазда температура 40 градусқа
     # дейін көтерілетіндіктен" (as in summer it rises up to 40 degrees), "30 пайызға дейін өсетін".
     rf"(?!\s+(?!жетеді{NOT_CYRILLIC_AFTER}|[{CYRILLIC_LETTER}]+(?:атын|етін|йтын|йтін)[{CYRILLIC_LETTER}]*{NOT_CYRILLIC_AFTER})"
     rf"(?:{KAZAKH_CHANGE_VERB})[{CYRILLIC_LETTER}]*{NOT_CYRILLIC_AFTER}(?!\s+мүмкін))",
     Bound.UPPER),
    # A participle takes case endings as a noun does: "мерзім 20 күннен аспайтынын айтты" (said it does not exceed).
    # The conditional and the imperative too: "15 пайызынан аспаса" (if it does not exceed), "30 күннен аспасын".
    # Made a plural noun it names those within the bound: "индексі 40-тан аспайтындар" (those whose index does not
    # exceed 40), "30 жастан аспағандарға" (to those not over 30).
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?\s*(?:аспайтын(?:ын|ы|ына|дай|дар(?:ға|ды|дың|да|дан)?)?|аспайды|аспады"
     r"|аспаған(?:ын|ы|дар(?:ға|ды|дың|да|дан)?)?|аспауы(?:н)?"
     r"|аспаса|аспасын|аспауға)"
     rf"{NOT_CYRILLIC_AFTER}",
     Bound.UPPER),
    # "жуық" in any case it takes as the noun of the phrase: "50 пайызға жуығын", "жуығына", "жуығында".
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?\s*(?:жуығы(?:н|на|нда|нан|мен)?|жуықта(?:ды|п|ған|йды)|жуық|шамасы(?:нда|на|ндағы|нан|н)?|шақты"
     rf"|қаралы){NOT_CYRILLIC_AFTER}",
     Bound.APPROXIMATE),
    # "300-ге жетпейтін студент" (students not reaching 300): fewer than, after the dative.
    # ("бір жасқа толмаған нәрестелер", infants under one year old: not having reached that age.) The particle "да/де"
    # (even) may stand between: "20 пайызға да жетпеген" (did not reach even 20 per cent) is the same ceiling, said
    # as the smaller for it (issue #17, set 62).
    (rf"(?:-[{CYRILLIC_LETTER}]{{1,4}})?(?<=ға|ге|қа|ке)(?:\s+(?:да|де|та|те)(?=\s))?\s*(?:жетпейтін|жетпеді|жетпейді|жетпеген|жетпей"
     rf"|толмаған[{CYRILLIC_LETTER}]*|толмай)"
     rf"{NOT_CYRILLIC_AFTER}", Bound.UPPER),
    # "18 жасқа толған азамат" (a citizen who has reached 18), "21 жасқа толғандар" (those who have): an age reached,
    # qualifying who may, is that age and over, as "с 18 лет" is; "толғанда" (on turning it) and "толды" (turned) date
    # a moment and bound nothing (issue #17, set 62).
    (rf"(?<=жасқа)\s*толған(?:дар(?:ға|ды|дың|дан)?)?{NOT_CYRILLIC_AFTER}", Bound.LOWER),
    # "Less than" and "more than" need the ablative before them ("15%-дан аз", "10 млн доллардан көп");
    # after the dative they give a difference ("16,7%-ға немесе 307,7 млн долларға аз": less by).
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)(?:\s+(?:да|де|та|те)(?=\s))?\s*"
     # "Smaller than" as "less than": "3 сантиметрден кіші" (under 3 cm); "not lower than" is a floor, below.
     # A price "cheaper than" is under it as "less than" is: "5 мың теңгеден арзан" (issue #17, set 67).
     # Any adjective of less compares so, as "ұзын", "терең" of more do below: "30 сантиметрден қысқа" (shorter than),
     # "жеңіл" (lighter), "таяз" (shallower), "жұқа", "жіңішке" (thinner), "аласа" (lower) (issue #17, set 75).
     rf"(?:азы|азын|аз|кем(?!\s+(?:емес|дегенде|болма|{_KAZAKH_NEGATED_VERB}))|төмен|кіші|арзан"
     rf"|қысқа|жеңіл|таяз|жұқа|жіңішке|аласа)(?!\s+емес{NOT_CYRILLIC_AFTER})"
     rf"{NOT_CYRILLIC_AFTER}", Bound.UPPER),
    # "Not later than": "15 күннен кешіктірмей" (within 15 days at the latest), "кешіктірілмей" in the passive: a
    # time limit, a ceiling, as "не позднее" is.
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)\s*"
     rf"кешіктір(?:іл)?ме(?:й|йтін|у|уі)"
     rf"{NOT_CYRILLIC_AFTER}", Bound.UPPER),
    # "Not lower than", "not smaller than": "IELTS бойынша 6,5-тен төмен емес" (6.5 or more), a floor as "кем емес" is.
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)\s*"
     rf"(?:төмен|кіші|аз)\s+емес{NOT_CYRILLIC_AFTER}", Bound.LOWER),
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)(?:\s+(?:да|де|та|те)(?=\s))?\s*"
     # ("орташа балы 3,4-тен жоғары", above 3.4; "5%-дан төмен" above is below.) Any adjective of more after the ablative
     # compares as "жоғары" does: "4 метрден терең" (deeper than), "биік", "ұзын", "кең", "ауыр", "үлкен" (older, larger).
     # A price "dearer than" is over it: "50 мың теңгеден қымбат тауар" (goods costing more than 50,000 tenge), as
     # "жоғары" is for any figure (issue #17, set 67).
     rf"(?:көбі|көп|артық|жоғары|терең|биік|ұзын|кең|ауыр|үлкен|қымбат){NOT_CYRILLIC_AFTER}",
     Bound.LOWER),
    # "must not be less than": "килограмына 2 еуродан кем болмауы керек" is at least 2 euros.
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)\s*кем\s+болма(?:уы|уға|йды|сын|ған)"
     rf"{NOT_CYRILLIC_AFTER}", Bound.LOWER),
    # Any negated verb after "кем" says "not less than": "90 еуродан кем алмайды" (takes no less than 90 euros).
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)\s*кем\s+{_KAZAKH_NEGATED_VERB}"
     rf"{NOT_CYRILLIC_AFTER}", Bound.LOWER),
    # A price "from" a figure: "Бағасы — 98 500 еуродан бастап" (from 98,500 euros), as "от 39 евро" and "prices from
    # €149" are; not the start of a range ("100 мыңнан бастап 200 мыңға дейін"). "басталады" (starts at) and its
    # participle "басталатын" say the same: "бағасы 4 500 теңгеден басталады".
    (rf"(?:-(?:ы|і|сы|сі)?(?:дан|ден|тан|тен|нан|нен))?(?<=дан|ден|тан|тен|нан|нен)\s*(?:бастап|басталады|басталатын)"
     rf"{NOT_CYRILLIC_AFTER}"
     rf"(?![^.;:]{{0,40}}(?:дейін|шейін))", Bound.LOWER),
    # "the country's 800-odd colleges": about.
    (r"-odd(?![\w-])", Bound.APPROXIMATE),
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
    (rf"тыс(?:яч(?:ами|ам|ах|[аиу])?)?\.?|мың[{CYRILLIC_LETTER}]*", 3),
    # (Kazakh case endings have Kazakh letters: "600 миллионға жуық бөтелке", "2 триллионнан астам".)
    (rf"млн\.?|миллион[{CYRILLIC_LETTER}]*", 6),
    (rf"млрд\.?|миллиард[{CYRILLIC_LETTER}]*", 9),
    (rf"трлн\.?|триллион[{CYRILLIC_LETTER}]*", 12),
)
# These only count as scales when glued to a number that is money ("$5m", "$1.5tn"), since
# "5 m", "5 mm" or "5 tn" on their own are as likely metres, millimetres or tonnes.
MONEY_ONLY_SCALES = frozenset({"k", "m", "b", "mm", "tn"})

# -- currencies ------------------------------------------------------------------------------

# (The Norwegian krone, "NOK 61.3 billion" of an oil contract (set 72): the European Economic Area's oil money, written
# by its code as the Swedish and Danish crowns are.)
CURRENCY_CODES = ("USD", "EUR", "KZT", "RUB", "GBP", "CNY", "CHF", "JPY", "PLN", "HUF", "CZK", "RON", "BGN", "SEK", "DKK",
                  "NOK")
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB"}
CURRENCIES_AFTER: tuple[tuple[str, str], ...] = (
    (r"(?:US|U\.S\.|American)\s*(?:dollars?|\$)", "USD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"tenge", "KZT"),
    (r"r[ou]u?bles?", "RUB"),
    (r"pounds?\s+sterling|sterling|pounds?", "GBP"),
    (rf"АҚШ\s+доллар[{CYRILLIC_LETTER}]*|(?:доллар[{CYRILLIC_LETTER}]*|долл\.)(?:\s+США)?", "USD"),
    # "еуро" with its case endings and "еуролық" (worth euros) only: "еуропалық" (European) is no currency.
    # ("150 еуродай", about 150 euros: the "-дай" of approximation, as on "теңгедей".)
    (r"евро|еуро(?:лық|ның|ны|ға|дай|да|дан|мен|сы|сын|сына|сынан)?", "EUR"),
    (rf"тенге|теңге[{CYRILLIC_LETTER}]*|тг\.?", "KZT"),
    (r"рубл[а-яё]*|руб\.?", "RUB"),
    (r"фунт[а-яё]*(?:\s+стерлинг[а-яё]*)?", "GBP"),
    # The currencies of the EU members outside the euro, in each language's script, with Russian and Kazakh endings:
    # a Kazakh worker's pay in Poland is "28 злотый", "6 500 злотыйдай" (about), "1 200 злотыйға". The crowns are
    # told apart by their country ("шведских крон", "швед кронасы"); alone "крон" names none and is left alone.
    (rf"zlot(?:ys|ies|y)|złot(?:ys|ych|y|e)|злот[{CYRILLIC_LETTER}]*", "PLN"),
    (rf"forints?|форинт[{CYRILLIC_LETTER}]*", "HUF"),
    (rf"(?:Czech\s+)?korun(?:as|a|y)|чешск[а-яё]*\s+крон[а-яё]*|чех\s+крона[{CYRILLIC_LETTER}]*", "CZK"),
    (rf"(?:Swedish\s+)?(?:kronor|krona)|шведск[а-яё]*\s+крон[а-яё]*|швед\s+крона[{CYRILLIC_LETTER}]*", "SEK"),
    (rf"(?:Danish\s+)?(?:kroner|krone)|датск[а-яё]*\s+крон[а-яё]*|дат\s+крона[{CYRILLIC_LETTER}]*", "DKK"),
    # (In small letters only: "Lei Jun", "Лев Толстой" are names.)
    (r"(?:Romanian\s+)?(?-i:lei|leu)|(?:румынск[а-яё]*\s+)?(?-i:леев|лей)(?![а-яё])", "RON"),
    (r"(?:Bulgarian\s+)?(?-i:leva|lev)|(?:болгарск[а-яё]*\s+)?(?-i:левов|лева|лев)(?![а-яё])", "BGN"),
    # The IMF's Special Drawing Rights, in which the Montreal and Warsaw conventions cap a carrier's liability ("a
    # maximum of 1,519 Special Drawing Rights", "1,288 SDRs"): money under ISO 4217's code XDR. ("SDR" in capitals
    # only.)
    (r"Special\s+Drawing\s+Rights?|(?-i:SDRs?)", "XDR"),
    # The IMF's Special Drawing Rights, in which the Montreal and Warsaw conventions cap an airline's liability for
    # baggage and delay: Russian "СПЗ" (capitals only: no word of the language is spelt so) or the words in full,
    # "специальных прав заимствования"; the ISO code is XDR (set 76).
    (r"(?-i:СПЗ)(?![а-яё])|специальн[а-яё]*\s+прав[а-яё]*\s+заимствовани[а-яё]*", "XDR"),
    ("|".join(CURRENCY_CODES), ""),  # the code is the matched text itself
)

# -- percentages and multipliers -------------------------------------------------------------

PERCENTAGE_POINT_WORDS = (
    r"percentage\s+points?|p\.\s?p\.|pp(?![A-Za-z])|процентн[а-яё]*\s+пункт[а-яё]*|п\.\s?п\."
    rf"|пайыздық\s+(?:тармақ|пункт)[{CYRILLIC_LETTER}]*"
)
# Basis points (hundredths of a percentage point) in rates and bond spreads: "50bp", "25 basis points",
# "30 б.п.", "на 50 базисных пунктов"; recorded in their own unit ("quantity 50 bp"), as written.
BASIS_POINT_WORDS = r"bps?(?![A-Za-z])|basis\s+points?|б\.\s?п\.|базисн[а-яё]*\s+пункт[а-яё]*"
# "58pc", "more than 80pc": percent as British price agencies and newspapers write it, glued to its figure and in small
# letters only ("a 3 PC bundle", "5 pcs" are pieces).
PERCENT_WORDS = rf"%|per\s?cent(?!age)(?![A-Za-z])|pct\.?|(?<=\d)(?-i:pc)(?![A-Za-z])|процент[а-яё]*|пайыз[{CYRILLIC_LETTER}]*"
PER_MILLE_WORDS = r"‰|per\s?mille(?![A-Za-z])|промилле"
MULTIPLIER_AFTER = (
    # ("five times a week" is a frequency: a count of occasions, not a multiplier.)
    rf"(?:[-‐\s]?fold(?![A-Za-z])|\s?(?:times(?![A-Za-z])(?!\s+(?:a|per|each|every)\s+(?:day|week|month|year|quarter)\b)"
    # ("есе" with its endings, "есеге", "еседен"; not "есеп/есеб-", an account: "43 есептік жазба" is 43 accounts.)
    rf"|[x×](?![A-Za-z\d]))|\s?есе(?![пб])[{CYRILLIC_LETTER}]*)"
)
# Russian "в 180 раз" needs its "в" to mean a multiplier; "180 раз" alone is "180 occasions".
RUSSIAN_MULTIPLIER_AFTER = r"\s?раза?" + NOT_CYRILLIC_AFTER
RUSSIAN_MULTIPLIER_BEFORE = r"(?<![\w])в\s+$"

# A case ending written after a number and a hyphen ("25-інде", "40-тан", "21-і", "65%-ын").
KAZAKH_NUMBER_SUFFIX = (
    # A possessive with a case after it: "27 елдің 18-імен" (with 18 of the 27 countries).
    # A collective numeral in digits: "олардың 4-еуі" (four of them), "3-еуін", "6-ауы".
    # Without the possessive too: "олар 2-еу ғана", "5-еуге дейін".
    rf"-(?:(?:еу|ау)(?:імен|ымен|інің|ының|інде|ында|інен|ынан|іне|ына|ін|ын|і|ы|ге|ға|ден|дан|мен|де|да|ді|ды|дің|дың)?"
    rf"|сімен|сымен|сінен|сынан|сінің|сының|сіне|сына|імен|ымен|інен|ынан|інің|ының|іне|ына"
    rf"|інде|ында|нде|нда|нің|ның|дің|дың|тің|тың|ден|дан|тен|тан|нен|нан|ге|ға|ке|қа|не|на|де|да|те|та"
    rf"|ні|ны|ді|ды|ті|ты|сі|сы|ін|ын|і|ы|мен|бен|пен|дай|дей|тай|тей){NOT_CYRILLIC_AFTER}"
)

# After a span of time, words that make it a step toward another date ("five years later, in 1996").
OFFSET_IN_TIME_AFTER = rf"\s+(?:later|after|earlier|before|on|спустя|позже|позднее|ранее|кейін|өткен соң){NOT_LETTER_AFTER}"

# A number after these names a part of a document ("Article 5", "page 45", "статья 5", "3-бап"),
# never a figure.
REFERENCE_WORDS_BEFORE = (
    r"(?<![\w])(?:article|art\.|paragraph|para\.|page|p\.|pp\.|chapter|section|clause|item|point|annex|no\.|number|"
    r"статья|статьи|статье|статьей|статьёй|статью|ст\.|пункт|пункта|пункте|пунктом|пункту|п\.|подпункт|глава|главы|раздел|раздела|страниц[аеуы]|стр\.|с\.|№|"
    r"приложени[еяюи]|таблиц[аеуы]|рисун(?:ок|ке|ка)|"
    r"бап|бабы|бабының|тармақ|тармағы|тармақша|heading|subheading|code|cn\s+code|hs\s+code|protocol|"
    # A lot of a tender ("Lot 2", "лот 3"): which part of the purchase, not how many.
    r"lot|лот|"
    r"протокол[аеу]?|"
    r"позици[яиюей]|товарной\s+позиции|код[аеу]?|тн\s+вэд)\s*$"
)
# After a number, words that make it part of a name rather than a figure: "30 жылдығы" (the 30th
# anniversary), as "30-летие" and "the 30th anniversary" are. ("5 жылдық жоспар", a five-year plan,
# is 5 years, as "a 10-year loan" is.)
NOT_A_FIGURE_AFTER = (rf"\s+(?i:жылдығ)[{CYRILLIC_LETTER}]*"
                      # "7202 тауар позициясында": a heading of the tariff nomenclature
                      # (in the locative: "1100 тауар позициясын қамтиды" counts lines)
                      rf"|\s+(?i:тауар\s+|тауарлық\s+)?(?i:позициясында|позициясындағы|позициясы\s+бойынша)")

_TO_VERB = r"(?:(?<=to )|(?<=will )|(?<=would )|(?<=could )|(?<=may )|(?<=might )|(?<=should )|(?<=can ))"
# Multipliers said in one word: "doubled", "вдвое", "втрое"; "twice" only as a comparison ("twice as
# large", "twice the volume"), since "met twice" counts occasions ("twice those in the regions", "twice that of 2020" compare too).
MULTIPLIER_WORDS: tuple[tuple[str, int], ...] = (
    # ("twice its 2020 level", "twice what it was", "twice this year's total", whose date is blanked before
    # this is read, leaving its "'s"; "met twice this year" counts occasions.)
    (r"twice(?=\s+(?:as|the|more|larger|higher|bigger|over|its|their|what|those|that\s+of|(?:(?:this|last|next)\s+\w+)?['’]s)\b)", 2), (r"doubled", 2), (r"tripled|trebled", 3),
    (r"quadrupled", 4),
    # The verb in other forms: "plan to double trade", "will triple", "a doubling of"; "double
    # taxation", "a double-digit rise" are no multipliers, so the bare form needs a verb before it.
    (rf"{_TO_VERB}double|doubl(?:es|ing)(?!-)", 2), (rf"{_TO_VERB}triple|tripl(?:es|ing)", 3),
    # As a comparison, as "twice" is: "roughly double the northern rate", "triple what it was".
    (r"double(?=\s+(?:the|its|their|what|that|this|those)\s)", 2),
    (r"triple(?=\s+(?:the|its|their|what|that|this|those)\s)", 3),
    (rf"{_TO_VERB}quadruple|quadrupl(?:es|ing)", 4),
    (r"удво(?:ить|ится|ился|илась|илось|ились|ение|ения|ению|енный|енного)", 2),
    (r"утро(?:ить|ится|ился|илась|илось|ились|ение|ения)", 3),
    (r"вдвое", 2), (r"втрое", 3), (r"вчетверо", 4), (r"впятеро", 5), (r"вшестеро", 6),
    (r"вдесятеро", 10),
    # The adjective: "пятикратный рост" (a fivefold rise), "двукратное увеличение".
    *((rf"{stem}кратн[а-яё]*", value) for stem, value in (
        ("(?:дву|двух)", 2), ("тр[её]х", 3), ("четыр[её]х", 4), ("пяти", 5), ("шести", 6), ("семи", 7),
        ("восьми", 8), ("девяти", 9), ("десяти", 10))),
)

# "трижды приостанавливал отгрузки": how many times something happened, a count of occasions ("раз"); Russian
# says "в два раза", "вдвое" for a multiplier, so these adverbs are never one ("дважды два" is arithmetic).
RUSSIAN_TIMES_WORDS = {"дважды": 2, "трижды": 3, "четырежды": 4}

# -- years -----------------------------------------------------------------------------------

# Words after which a four-digit number is a year even when it looks like a count.
TEMPORAL_PREPOSITIONS_BEFORE = (
    r"(?<![\w])(?:in|since|until|till|during|before|after|through|throughout|early|late|"
    r"mid|year|fy|в|с|к|после)[\s-]*$"
)

# -- figures written in words ----------------------------------------------------------------

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000,
    # Every tens word multiplies as "twenty" does ("more than thirtyfold" of allowance prices, set 72; "fortyfold").
    # ("sixtyfold": where "six" finds no "fold" after it the pattern tries "sixty".)
    "thirty": 30, "forty": 40, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

# A bare fraction is quoted loosely in journalism ("one third" of trade), hence approximate; under a
# bound it is exact ("more than half" is > 50 %): the bound already says how far it may be from it.
FRACTION_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                         "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                       "eight": 8, "nine": 9}
# Only where a share is being stated: "a third country", "half a million", "third largest" are not.
FRACTION_FOLLOWER = (r"(?=\s+(?:of|the|its|their|all|to|in)\b|\s*[,.;:)!?\"”»]|\s*$|\s+(?:or|and)\b"
                     # "a third more than a year earlier", "a quarter lower": a share of change
                     r"|\s+(?:more|higher|less|lower|larger|smaller|bigger)\b"
                     # "fell by about a third after 2022", "a quarter since 2019": a share of change and when
                     r"|\s+(?:after|since|from|over|during|between|compared|against|year-on-year|last|this)\b"
                     # The share as the subject or object of a verb: "less than a quarter has been contracted",
                     # "more than a third said", "expect to reach half by 2027".
                     r"|\s+(?:has|have|had|is|are|was|were|will|would|said|say|says|saw|see|went|came|by)\b)")
ENGLISH_FRACTION = (
    # ("nine-tenths of it steel": tenths take numerators up to nine.)
    r"(?<![\w-])(?:(?P<numerator>one|an?|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<denominator>halves|half|thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<bare_half>half))(?![\w-])" + FRACTION_FOLLOWER
)
HALF_OF_PERIOD_BEFORE = r"(?:first|second|other|latter|former|and|\d\w*)\s+(?:an?\s+)?$"
RUSSIAN_FRACTION = (
    # "наполовину" (by half, "загружен наполовину") is the half of "половина" with "на" glued before it.
    # ("не менее трех четвертей", "семь десятых": the genitive plural of a share, numerators up to nine.)
    r"(?<![\w])(?:(?P<numerator>одн[аоу]|одной|две|двух|двум|двумя|три|трех|трёх|четыре|четыр[её]х|пять|пяти|шесть"
    r"|шести|семь|семи|восемь|восьми|девять|девяти)\s+)?(?:на(?=половину))?"
    r"(?P<denominator>треть|трети|третью|третей|четверть|четверти|четвертью|четвертей|половин[аыуео]й?"
    # "пятая часть", "одна десятая": an ordinal is a share only with "часть" or a numerator ("пятую
    # годовщину" is the fifth anniversary).
    r"|(?:пят|десят)(?:ая|ую|ой|ых)(?P<part>\s+част(?:ь|и|ью))?)"
    + NOT_CYRILLIC_AFTER
)
RUSSIAN_HALF_OF_PERIOD_BEFORE = r"(?:перв|втор)[а-яё]*\s+$"
# "үштен бірі" (one of three), "төрттен үші", "оннан бірінен астамы", "жартысынан астамы"; "жарты" with a case and no
# possessive says the same share of a figure named before ("бұл көрсеткіш жартыдан сәл асатын еді", this figure was just
# over half; "жартыға жуық").
KAZAKH_FRACTION = (
    # Any whole of ten to a hundred and the small ones: "жиырмадан бірі" (one in twenty, 5 %), "елуден бірі", "алтыдан
    # бірі"; "-дан" after a vowel, as "жиырма" ends (issue #17, set 66).
    rf"(?<![\w])(?:(?P<kk_denominator>екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|жүз)"
    rf"(?:ден|тен|нан|тан|нен|дан)\s+"
    rf"(?P<kk_numerator>бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз)[{CYRILLIC_LETTER}]*|(?P<half>жарты(?:сы|сын|сына|сынан|сының|дан|ға)){NOT_CYRILLIC_AFTER})"
)
KAZAKH_FRACTION_WORDS = {"екі": 2, "үш": 3, "төрт": 4, "бес": 5, "он": 10, "жүз": 100, "бір": 1, "алты": 6, "жеті": 7,
                         "сегіз": 8, "тоғыз": 9, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50}
# Kazakh says the bound after the share: "жартысынан астамы" (more than half), "жартысына жуығы".
# The particle "да/де" ("even") may stand between: "оннан бірінен де аз" (not even a tenth).
_KAZAKH_EVEN = r"(?:\s+(?:да|де|та|те)(?=\s))?"
KAZAKH_FRACTION_BOUND_AFTER: tuple[tuple[str, Bound], ...] = (
    # ("олардың жартысынан көбінің жасы …": "көбі" takes the case of its phrase.)
    (rf"{_KAZAKH_EVEN}\s+(?:сәл\s+)?(?:астам[{CYRILLIC_LETTER}]*|асады|асатыны|асатын|асты|асқан|асып|көбі(?:нің|нен|не|нде|н)?)"
     rf"{NOT_CYRILLIC_AFTER}", Bound.LOWER),
    (rf"\s+(?:жуығы|жуық[{CYRILLIC_LETTER}]*){NOT_CYRILLIC_AFTER}", Bound.APPROXIMATE),
    (rf"{_KAZAKH_EVEN}\s+(?:азы|азын|аз|кемі){NOT_CYRILLIC_AFTER}", Bound.UPPER),
    # A share in the dative before "дейін" (up to) is a ceiling, crisp as "less than half" is: "бағаның үштен біріне
    # дейін" (up to a third of the price), "жартысына дейін" (issue #17, set 67).
    (rf"(?<=на|не|ға|ге)\s+дейін{NOT_CYRILLIC_AFTER}", Bound.UPPER),
)

# -- statements of fact ----------------------------------------------------------------------

# Verbs that state a figure as a fact ("trade reached $40 billion"): a figure in a sentence with
# one of them is more likely a fact worth recording than one in passing.
STATEMENT_VERBS = (
    r"(?<![\w])(?:reach(?:ed|es)?|amount(?:ed|s)? to|total(?:l?ed|s)?|exceed(?:ed|s)?|stood at|grew|rose|fell|"
    r"increas(?:ed|es)|decreas(?:ed|es)|declin(?:ed|es)|doubled|invest(?:ed|s)|sign(?:ed|s)|ratifi(?:ed|es)|"
    r"account(?:ed|s)? for|held|took place|entered into force|составил[аио]?|составляет|достиг(?:ла|ло|ли)?|"
    r"превысил[аио]?|вырос(?:ла|ло|ли)?|увеличил(?:ся|ась|ось|ись)|снизил(?:ся|ась|ось|ись)|сократил(?:ся|ась|ось|ись)|"
    r"инвестировал[аи]?|вложил[аи]?|подписал[аи]?|ратифицировал[аи]?|состоял(?:ся|ась|ось|ись)|прош[её]л|прошла|"
    r"вступил[аио]? в силу|приходится|құрады|құрайды|құраған|жетті|жеткен|асты|асқан|артты|артқан|өсті|өскен|"
    r"төмендеді|азайды|салды|салған|қол қойды|қол қойылды|өтті|өткен|күшіне енді|тиесілі)(?![\w])"
)
# A date right after a verb of saying is when the news was told ("officials said on Monday",
# "сообщили вчера", "деп хабарлады кеше"), not when the fact happened: in a wire report nearly every
# article has one, so the Candidates pane ranks it with bare numbers.
REPORTING_VERB_BEFORE = (
    r"(?<![\w])(?:said|says|told|announced|reported|stated|confirmed|added|showed|sa[iy]s?\s+in\s+a\s+statement|"
    r"сообщил[аио]?|сообщили|заявил[аи]?|объявил[аи]?|сообщается|рассказал[аи]?|"
    r"хабарлады|мәлімдеді|айтты|деді|хабарлаған)\s*$"
)
