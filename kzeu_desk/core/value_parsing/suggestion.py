"""Suggesting the typed value a curator means by a highlighted passage.

`suggest` reads prose (English, Russian, Kazakh) the way a curator would: it finds every figure and
date in the selection and offers the most salient one, with a note when it could not be read in
full (a relative date in a source whose publication date is not known).

Salience, best first (ties go to the earliest in the selection):
  1. money                           "exceeded US$160 billion"
  2. a percentage written in digits  "about 30%"
  3. a percentage written as words   "one third", "more than half"
  4. a count or measured quantity    "about 3,000 companies", "twelve member states", "180-fold"
  5. a date or range written in full "in 1996", "3–4 June 2019", "the first nine months of 2022"
  6. a date counted from publication "last year", "24 years ago", "on February 2"
  7. a bare number                  "29"
  8. a date that needs the publication date, as TEXT with a note ("last year", no date known)
  9. the whole selection as TEXT
A bare number (no unit, scale, qualifier or currency) ranks below dates: beside a date it is
usually an article or clause number, and the date is what the curator highlighted. A date written
in full outranks one counted from publication: "in 2014, a year ago" means 2014.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, has_kazakh_letters
from kzeu_desk.core.value_parsing.bare_counts import (
    counted_as_its_list_counts,
    counted_as_the_plural_named_before,
    counted_as_the_text_counts,
    measured_as_its_heading_names,
)
from kzeu_desk.core.value_parsing.candidates import Bound, Candidate, Salience, bounded_amount
from kzeu_desk.core.value_parsing.counted_from_a_date import dated_from_its_text
from kzeu_desk.core.value_parsing.counted_nouns import counted_after, english_singular_counted
from kzeu_desk.core.value_parsing.counted_words import (
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_MEASURES,
    RUSSIAN_ADJECTIVE_ENDINGS,
    RUSSIAN_NOT_COUNTED,
)
from kzeu_desk.core.value_parsing.date_words import ENGLISH_MONTH_FULL, KAZAKH_MONTH, LEADING_PREPOSITIONS
from kzeu_desk.core.value_parsing.dates import (
    Publication,
    last_year_named_before,
    next_year_named,
    parse_publication,
    tense_at,
    tense_of,
)
from kzeu_desk.core.value_parsing.numbers import counted_noun_named_before, match_qualifier_before
from kzeu_desk.core.value_parsing.number_words import (
    KAZAKH_AMBIGUOUS_WORDS,
    KAZAKH_COLLECTIVE_WORDS,
    KAZAKH_NUMBER_WORDS,
    RUSSIAN_NUMBER_WORDS,
    RUSSIAN_ONE,
)
from kzeu_desk.core.value_parsing.ordinal_counts import ordinal_counted_in_its_sentence, ordinal_value
from kzeu_desk.core.value_parsing.scanning import scan
from kzeu_desk.core.value_parsing.previous_sentence import counted_by_the_sentence_before
from kzeu_desk.core.value_parsing.spelled_numbers import rewrite_number_words


@dataclass(frozen=True, slots=True)
class Suggestion:
    value: TypedValue
    # One sentence for the curator when the value could not be read in full, else None.
    note: str | None = None


def _with_bound(figure: Suggestion, bound: Bound) -> Suggestion:
    """`figure` with `bound` on its amount, when it is a figure with no bound of its own yet."""
    value = figure.value
    if value.amount is not None and value.lower is None and value.upper is None and value.kind in (
            ValueKind.MONEY, ValueKind.PERCENT, ValueKind.COUNT, ValueKind.QUANTITY):
        amount, lower, upper = bounded_amount(value.amount, bound)
        value = replace(value, amount=amount, lower=lower, upper=upper)
    return Suggestion(value, figure.note)


def missing_publication_note(phrase: str, missing: str) -> str:
    """The sentence shown when a relative date cannot be dated: what of the publication date it needs."""
    if missing == "month":
        return (f"“{phrase}” is counted from the source's publication month, which is not known: "
                "add the month to the source's publication date.")
    if missing == "day":
        return (f"“{phrase}” is counted from the source's publication day, which is not known: "
                "add the day to the source's publication date.")
    return (f"“{phrase}” is counted from the source's publication date, which is not known: "
            "enter it in the source's details to date this value.")


def suggest(selection: str, *, published: str | None = None, context: str | None = None,
            before: str | None = None, earlier: str | None = None) -> Suggestion:
    """The typed value a curator most likely means by highlighting `selection`, with a note when a
    date in it needs the source's publication date (`published`, a truncated ISO date) to be read.

    `context` is the sentence the selection was taken from: its tense dates a day or month the
    selection names without a year ("in January" in "… exhibited at the fair in January" is the
    January before publication, in "… will open in January" the one after). `before` is the sentence
    before it: a bare number there may count what it named ("Another seven are at the feasibility
    stage" after "Three projects are under construction"). `earlier` is the text before those two sentences
    (`text_before`): a scaled figure with no unit ("roughly six billion") is money in the one currency named
    there when the two sentences name none.

    When nothing numeric or dated is found, the value is TEXT holding the stripped selection.
    """
    stripped = selection.strip()
    if (plus_or_minus := _PLUS_OR_MINUS_RE.match(stripped)) is not None and plus_or_minus.end() < len(stripped):
        # "plus or minus one percentage point", "±0.5 pp", "плюс-минус 2%": the width of a band either side of a
        # level, recorded as the figure itself (the sign is no minus).
        either_side = suggest(stripped[plus_or_minus.end():], published=published, context=context, before=before,
                              earlier=earlier)
        value = either_side.value
        if value.amount is not None and value.amount < 0:
            value = replace(value, amount=-value.amount)
        return Suggestion(value, either_side.note)
    if (exceeds := _WILL_EXCEED_RE.match(stripped)) is not None and exceeds.end() < len(stripped):
        # "превысит 90 дней" (if the delay exceeds 90 days) is a floor, "не превысит 5%" a ceiling, as the past
        # "превысил" is. Only with the verb in the highlight: the Candidates pane lists a figure with the words before
        # it, and set 38's "Совокупная доля превысит [[35%]]" records the bare share (the verb left outside adds no
        # bound), so the future is read here and not by the scanner.
        figure = suggest(stripped[exceeds.end():], published=published, context=context, before=before,
                         earlier=earlier)
        value = figure.value
        if value.amount is not None and value.lower is None and value.upper is None and value.kind in (
                ValueKind.MONEY, ValueKind.PERCENT, ValueKind.COUNT, ValueKind.QUANTITY):
            amount, lower, upper = bounded_amount(value.amount, Bound.UPPER if exceeds.group("not") else Bound.LOWER)
            value = replace(value, amount=amount, lower=lower, upper=upper)
        return Suggestion(value, figure.note)
    if (aged := _SO_MANY_YEARS_OLD_RE.fullmatch(stripped)) is not None:
        # "41-летний житель", "25-летнего контракта": an age or a term said as an adjective is so many years, as "41
        # год" is (`quantity 41 лет`, the unit the count of years takes after most figures).
        return Suggestion(TypedValue(kind=ValueKind.QUANTITY, amount=float(aged.group("years")), unit="лет"))
    if context and _BARE_RUSSIAN_FIGURE_RE.fullmatch(stripped) and not has_kazakh_letters(context) and \
            (offset := locate(stripped, context)) >= 0 and \
            (shared := _A_SECOND_FIGURE_AND_ITS_UNIT_RE.match(context, offset + len(stripped))) is not None:
        # "медиана – 24,9 и 27,3 Мбит/с", "по двум сделкам: 28 млн и 9,5 млн евро": two figures joined by "и"/"или"
        # share the unit written after the second, the first as much as the second.
        # (A scale written with the second only is both's: "3,8 и 4,1 тыс. тенге".)
        scale = shared.group("scale") if shared.group("scale") and not _A_SCALE_RE.search(stripped) else ""
        return suggest(f"{stripped} {scale} {shared.group('unit')}".replace("  ", " "), published=published,
                       context=context, before=before, earlier=earlier)
    if context and (from_event := _A_SPAN_FROM_AN_EVENT_RE.fullmatch(stripped)) is not None and \
            (offset := locate(stripped, context)) > 0 and _GIVEN_BEFORE_RE.search(context, max(0, offset - 24), offset):
        # "у вас есть три года с даты ДТП", "заявителю дается 10 дней со дня уведомления": a time given from an event is
        # a limit counted from it, at most that long (`quantity <3 года`), as "в течение 30 дней со дня" is; "прошло три
        # года с даты ДТП" is the span itself.
        figure = suggest(from_event.group("figure"), published=published, context=context, before=before,
                         earlier=earlier)
        if figure.value.kind is ValueKind.QUANTITY:
            return _with_bound(figure, Bound.UPPER)
    if (inverted := _A_NOUN_BEFORE_ITS_NUMBER_RE.fullmatch(stripped)) is not None and \
            (number := RUSSIAN_NUMBER_WORDS.get(inverted.group("number").lower())) is not None and number > 1 and \
            inverted.group("noun").lower() not in RUSSIAN_NUMBER_WORDS and \
            ((times := inverted.group("noun").lower() == "раз") or
             ((noun := counted_after(" " + inverted.group("noun"), 0)) is not None and noun.unit == inverted.group("noun"))):
        # "раз десять", "человек двадцать", "минут пять": Russian puts the noun before its number to say "about" (the
        # figure approximate); "раз" so is a count of times ("Звонил раз десять"), not a multiplier ("в десять раз").
        if times:
            return Suggestion(TypedValue(kind=ValueKind.COUNT, amount=float(number), approximate=True,
                                         unit=inverted.group("noun")))
        figure = suggest(f"{inverted.group('number')} {inverted.group('noun')}", published=published)
        if figure.value.kind in (ValueKind.COUNT, ValueKind.QUANTITY) and figure.value.unit:
            return Suggestion(replace(figure.value, approximate=True), figure.note)
    if (short_of := _DOES_NOT_REACH_RE.match(stripped)) is not None and short_of.end() < len(stripped):
        # "не достигает 30 Мбит/с", "не достигли 10%": what falls short of a figure stays below it, a ceiling as
        # "менее" is. Only with the verb in the highlight, as "превысит" above.
        return _with_bound(suggest(stripped[short_of.end():], published=published, context=context, before=before,
                                   earlier=earlier), Bound.UPPER)
    if (ceiling := _A_CEILING_SET_RE.match(stripped)) is not None and ceiling.end() < len(stripped):
        # "limited to 60", "capped at 40", "restricted to 12": a ceiling set on a figure, as "up to" is. Only with the
        # verb in the highlight: set 32 records "Seats are capped at [[60]]" as the bare figure.
        return _with_bound(suggest(stripped[ceiling.end():], published=published, context=context, before=before,
                                   earlier=earlier), Bound.UPPER)
    if (price_from := _A_PRICE_FROM_RE.match(stripped)) is not None:
        # "rooms from KZT 45,000 a night", "plans from $19": a price highlighted with its "from" and no "to" is the
        # lowest price, as a sentence's opening "From €4,950" is (a change's "from $4m to $5m" has its "to").
        return _with_bound(suggest(stripped[price_from.end():], published=published, context=context, before=before,
                                   earlier=earlier), Bound.LOWER)
    if (or_less := _OR_LESS_AFTER_RE.search(stripped)) is not None and or_less.start() > 0:
        # "10 лет и менее", "5 лет и более", "100 человек и больше": a bound written after its figure is the bound
        # "не более"/"не менее" written before it; "15 лет и старше", "3 лет и младше" the bound of an age.
        bound = Bound.UPPER if or_less.group("less") else Bound.LOWER
        return _with_bound(suggest(stripped[:or_less.start()], published=published, context=context, before=before,
                                   earlier=earlier), bound)
    if (age := _FROM_AN_AGE_RE.fullmatch(stripped)) is not None and \
            (age.group("number").isdigit() or age.group("number").lower() in RUSSIAN_NUMBER_WORDS) and \
            not (context and _A_RANGE_GOES_ON_RE.match(context[context.find(stripped) + len(stripped):])
                 if context and stripped in context else False):
        # "принимают с 16 лет", "работать можно с 14 лет": an age "from" which something is allowed is its lower
        # bound, as "от 18 лет" is; with "до"/"по" after it in the sentence it opens a range ("с 5 лет до 3" of a term
        # cut), read as before.
        return suggest(f"от {age.group('rest')}", published=published, context=context, before=before,
                       earlier=earlier)
    if (within := _WITHIN_ONE_RE.fullmatch(stripped)) is not None:
        # "в течение года", "в течение месяца": a span of one of the time named, with no number written, is one of it
        # ("1 год"), as "в течение трех месяцев" is three.
        return suggest(f"{within.group('within')} 1 {_ONE_OF_A_TIME[within.group('time').lower()]}", published=published,
                       context=context, before=before, earlier=earlier)
    if _LAST_YEARS_RE.fullmatch(stripped) is not None:
        # "на прошлогоднем форуме", "прошлогодний урожай": the adjective of last year dates what it qualifies to the
        # year before publication, as "в прошлом году" does.
        return suggest("в прошлом году", published=published, context=context, before=before, earlier=earlier)
    if (hours := _HOURS_AND_MINUTES_RE.fullmatch(stripped) or _KAZAKH_HOURS_AND_MINUTES_RE.fullmatch(stripped)
            or _ENGLISH_HOURS_AND_MINUTES_RE.fullmatch(stripped) or _MINUTES_AND_SECONDS_RE.fullmatch(stripped)) is not None:
        # "2 часа 40 минут", "1 час 5 минут": one duration said in two units is recorded in the smaller, as the
        # curator adds it up (160 minutes), not as the hours alone.
        minutes = int(hours.group("hours")) * 60 + int(hours.group("minutes"))
        return suggest(f"{stripped[:hours.start('hours')]}{minutes} {hours.group('unit')}", published=published,
                       context=context, before=before, earlier=earlier)
    if context and (same_year := _THE_SAME_YEAR_RE.search(stripped)) is not None and \
            (year := _the_year_named_before(stripped, context, before or "")) is not None:
        # "KazEOSat-1 запущен в апреле 2014 года, KazEOSat-2 – в июне того же года", "in June of the same year": the
        # year is the one named last before it.
        said = f"{year} года" if same_year.group("russian") else year
        with_its_year = f"{stripped[:same_year.start()].rstrip()} {said}{stripped[same_year.end():]}".strip()
        return suggest(with_its_year, published=published, context=context, before=before, earlier=earlier)
    if _TWO_DAYS_WITH_THEIR_WEEKDAYS_RE.fullmatch(stripped) is not None:
        # "Wednesday 16 and Thursday 17 June 2027", "Friday 2 – Sunday 4 October": two days each with its weekday are
        # the span of both, as "16 and 17 June 2027" is; the weekdays add no date.
        return suggest(_A_WEEKDAY_BEFORE_A_DAY_RE.sub("", stripped), published=published, context=context,
                       before=before, earlier=earlier)
    if (fiscal := _A_YEAR_BEFORE_FINANCIAL_YEAR_RE.fullmatch(stripped)) is not None:
        # "the 2027 financial year", "its 2025 fiscal year": the year named, as "financial year 2027" is read.
        return Suggestion(TypedValue(kind=ValueKind.DATE, date=fiscal.group("year")))
    if (months_to := _MONTHS_TO_A_MONTH_RE.fullmatch(rewrite_number_words(stripped).text)) is not None and (
            months_to.group("year") is not None or parse_publication(published) is not None):
        # "the twelve months to March 2026", "the six months ending September 2025": a period counted back from the
        # month it ends with, that month included (April 2025 to March 2026), as a fiscal year to March is.
        # Without a year ("the twelve months to September") the month takes the one the conventions give a month
        # alone: the latest at most three months after the publication month.
        month = _ENGLISH_MONTHS.index(months_to.group("month").lower())
        if months_to.group("year") is not None:
            ending = int(months_to.group("year")) * 12 + month
        else:
            publication_month = parse_publication(published)
            assert publication_month is not None  # (checked above)
            # (A publication year alone: the month of that year.)
            latest = publication_month.year * 12 + (publication_month.month + 2 if publication_month.month else 11)
            ending = latest - (latest - month) % 12
        opening = ending - int(months_to.group("count")) + 1
        return Suggestion(TypedValue(kind=ValueKind.DATE_RANGE, date=f"{opening // 12}-{opening % 12 + 1:02d}",
                                     date_end=f"{ending // 12}-{ending % 12 + 1:02d}"))
    if (lead := _BOUND_ON_A_LEAD_TIME_RE.match(stripped)) is not None:
        # "минимум за месяц до вылета" (at least a month before), "как максимум за три дня": the bound is on the time
        # "за" measures, read as "минимум месяц" is.
        said = lead.group("bound") or "не менее"
        return suggest(f"{said} {stripped[lead.end():]}", published=published, context=context,
                       before=before, earlier=earlier)
    if (each := _UNIT_AFTER_EACH_FIGURE_RE.fullmatch(stripped)) is not None:
        # "40 Years to 75 Years" (a trial registry's ages), "from 5 km to 7 km", "от 5 км до 7 км": a range whose unit
        # is written after both figures is the range "40–75 years", read as such.
        first, second, unit = (each.group("first", "second", "unit") if each.group("first") is not None
                               else each.group("first2", "second2", "unit2"))
        if unit.lower() in ENGLISH_MEASURES:
            unit = unit.lower()  # ("Years" as a registry capitalises its fields is years.)
        return suggest(f"{first}–{second} {unit}", published=published, context=context, before=before,
                       earlier=earlier)
    if (forms := _A_TIME_IN_EACH_FORM_RE.fullmatch(stripped)) is not None and \
            _same_time_noun(forms.group("unit1"), forms.group("unit2")):
        # "от 1 года до 9 лет", "с 1 месяца до 12 месяцев", "от 2 недель до 1 месяца" is not this (two nouns): one
        # time noun after each end, in the form each number takes, is the range in the second end's form, as
        # "от 5 км до 7 км" is.
        return suggest(f"{forms.group('first')}–{forms.group('second')} {forms.group('unit2')}", published=published,
                       context=context, before=before, earlier=earlier)
    if context and before is not None and _DATELINE_RE.fullmatch(context.replace(stripped, "", 1)) \
            and _A_YEAR_RE.search(stripped) is None and not has_kazakh_letters(context + before) \
            and (year := _the_year_of_the_heading(before, earlier or "")) is not None \
            and scan(f"{stripped} {year}", None):
        # "6 марта." alone as an entry of "Казахстан – ЕС: хроника 2025 года", "12 May." under "Timeline 2024": a
        # chronicle's dateline takes the year its heading names, a year written in the text, as the conventions say.
        return suggest(f"{stripped} {year}", published=published, context=f"{stripped} {year}.", before=before,
                       earlier=earlier)
    publication = parse_publication(published)
    if publication is not None and context:
        tense, decided = _tense_around(stripped, context)
        if tense is None and before is not None and _DATELINE_RE.fullmatch(context.replace(stripped, "", 1)) \
                and not has_kazakh_letters(context + before) \
                and _the_tense_of_the_text_before(before, earlier or "") == "past":
            # A dateline alone ("23 мая." of a chronicle) says no tense; entries before it that report what happened
            # make it a chronicle of the past. (Only the past: a plan or a forecast in the entry before says nothing of
            # when the next entry's day is, "19 July." after "the samples will be scanned in Brussels".)
            tense = "past"
        publication = replace(publication, context_tense=tense, context_tense_decides=decided,
                              next_year_named=next_year_named(context) and not next_year_named(stripped),
                              last_year_named=(highlight_at := locate(stripped, context)) >= 0
                              and last_year_named_before(context, highlight_at))
    candidates = scan(stripped, publication)
    if _KAZAKH_DAYS_OF_ONE_MONTH_RE.fullmatch(stripped):
        # "11 және 14 мамырда" (on 11 and 14 May): the first number is a day of the month after the second, not a
        # figure the sentence's noun counts ("Кездесулер 11 …"); with no publication date the days need one.
        candidates = [c for c in candidates if c.salience is not Salience.BARE_NUMBER] or candidates
    if not candidates and context and stripped.lower() in KAZAKH_AMBIGUOUS_WORDS and has_kazakh_letters(context):
        # "он" (ten in Kazakh, "he" in Russian) highlighted alone has no Kazakh letter to say which; its sentence has
        # ("Кітап он тілге аударылды": ten languages).
        candidates = [replace(candidate, start=0, end=len(stripped))
                      for candidate in scan(str(KAZAKH_NUMBER_WORDS[stripped.lower()]), publication)]
    if (measured := _a_measure_in_words(stripped, publication, read=bool(candidates), context=context)) is not None:
        return Suggestion(measured)
    if context and (dated := dated_from_its_text(stripped, context, before or "", earlier or "", publication)) is not None:
        return Suggestion(dated)
    if candidates and context and _ENDS_WITH_A_KAZAKH_ORDINAL_RE.search(stripped) and \
            all(c.salience is Salience.BARE_NUMBER for c in candidates) and \
            (ordinals := [c for c in _completed_by_the_sentence(stripped, context, publication)
                          if c.salience is Salience.ORDINAL and c.start == 0]):
        # "он екінші" of "кезекті он екінші сессиясы": alone its tens are a bare ten, with its noun the twelfth.
        candidates = ordinals
    elif candidates and context and _ENDS_WITH_A_KAZAKH_ORDINAL_RE.search(stripped) and \
            all(c.salience is Salience.BARE_NUMBER for c in candidates) and \
            (offset := locate(stripped, context)) >= 0 and \
            (ordinal := ordinal_counted_in_its_sentence(stripped, offset, context, before or "", publication)) is not None:
        # "жиырма бірінші қайырымдылық жәрмеңкесі" (the twenty-first charity fair): a compound ordinal before a noun of
        # no series counts that noun, as "бірінші" and "жиырмасыншы" alone do, not its tens as a bare twenty.
        return Suggestion(ordinal)
    if not candidates and context:
        candidates = _completed_by_the_sentence(stripped, context, publication)
    if not candidates and context and ordinal_value(stripped) is not None and \
            (offset := locate(stripped, context)) >= 0 and \
            (ordinal := ordinal_counted_in_its_sentence(stripped, offset, context, before or "", publication)) is not None:
        # "third" of "A third sale devoted to the region …", "Третий" of "Третий семестр …": an ordinal highlighted
        # alone counts the noun it numbers, series noun or not.
        return Suggestion(ordinal)
    if not candidates and _ENGLISH_MONTH_ALONE_RE.fullmatch(stripped):
        # "November" of "The tenge ended November at 521", "beyond November": the highlight is the month,
        # whatever word before it (a month name is read only after its preposition, as "May" is a verb too).
        candidates = [replace(candidate, start=0, end=len(stripped)) for candidate in scan("in " + stripped, publication)]
    if not candidates and (one := _ONE_THING_RE.fullmatch(stripped)) is not None:
        # "one wind farm" highlighted: "one" alone is left as the article or "one of", but the
        # curator highlighted it with its noun.
        noun = counted_after(" " + one.group("noun"), 0)
        bounded = match_qualifier_before(stripped, one.start("one")) if one.group("bound") else None
        if noun is not None and noun.is_measure and bounded is not None and bounded[1] == 0 and \
                bounded[0] in (Bound.LOWER, Bound.UPPER):
            # "кемінде бір ай", "at least one month": a bound says a figure follows, so "бір" is the number, not the
            # article, and one of a measure is a quantity with that bound.
            amount, lower, upper = bounded_amount(1.0, bounded[0])
            return Suggestion(TypedValue(kind=ValueKind.QUANTITY, amount=amount, lower=lower, upper=upper,
                                         unit=noun.unit))
        if one.group("one").lower() == "бір" and not _KAZAKH_MEASURE_ADJECTIVE_RE.match(one.group("noun")) and \
                not _ONLY_AFTER_ONE_RE.match(one.group("noun")) and not (
                noun is not None and noun.is_measure and one.group("noun").strip().lower() == noun.unit):
            # "бір айлық курс" (a one-month course) measures; "бір күні" (one day, once) and "бір компания" (a company)
            # are the article more often than one. A bare measure highlighted with it is one of it ("тағы бір жыл
            # күте алмаймыз", we cannot wait another year), as "one year" is.
            return Suggestion(TypedValue(kind=ValueKind.TEXT, text=stripped))
        if noun is not None and noun.is_measure and not one.group("bound"):
            # "один день", "one day": one of a measure is a quantity, as "два дня" is.
            return Suggestion(TypedValue(kind=ValueKind.QUANTITY, amount=1.0, unit=noun.unit))
        unit = noun.unit if noun is not None and not noun.is_measure else english_singular_counted(one.group("noun"))
        if unit and (not one.group("bound") or (bounded is not None and bounded[1] == 0)):
            # ("at least one co-applicant": the bound the highlight starts with.)
            amount, lower, upper = bounded_amount(1.0, bounded[0] if bounded is not None else None)
            return Suggestion(TypedValue(kind=ValueKind.COUNT, amount=amount, lower=lower, upper=upper,
                                         approximate=bounded is not None and bounded[0] is Bound.APPROXIMATE,
                                         unit=unit))
    if not candidates and context and stripped.lower() in RUSSIAN_ONE and (offset := locate(stripped, context)) >= 0 and \
            not _OF_AFTER_ONE_RE.match(context, offset + len(stripped)) and \
            (noun := counted_after(context, offset + len(stripped))) is not None:
        # "в одном матче" with "одном" highlighted alone: one of the noun after it, as "one wind farm" highlighted with
        # it is ("одном из матчей", one of the matches, names none).
        kind = ValueKind.QUANTITY if noun.is_measure else ValueKind.COUNT
        return Suggestion(TypedValue(kind=kind, amount=1.0, unit=noun.unit))
    if not candidates and (single := _A_MEASURE_ALONE_RE.fullmatch(stripped)) is not None:
        # "a month" of "The defendants have a month to comment": highlighted alone, the article is the number (a rate,
        # "€1,240 a month", is highlighted with its money and read there).
        return Suggestion(TypedValue(kind=ValueKind.QUANTITY, amount=1.0, unit=single.group("unit").lower()))
    if not candidates and (single := _RUSSIAN_MEASURE_ALONE_RE.fullmatch(stripped)) is not None:
        # "месяц" of "к 15 сентября — за месяц до начала отопительного сезона": Russian leaves "one" unwritten before
        # a measure in the singular, so the measure alone is one of it.
        return Suggestion(TypedValue(kind=ValueKind.QUANTITY, amount=1.0, unit=single.group().lower()))
    if not candidates and context and (one_of := _KAZAKH_ONE_OF_THEM_RE.fullmatch(stripped)) is not None and \
            (offset := locate(stripped, context)) > 0 and _KAZAKH_COLLECTIVE_BEFORE_RE.search(context, 0, offset) and \
            (one_or_none := _one_or_none_as_its_sentence_counts(stripped, "1-" + one_of.group("ending"), context,
                                                                before or "", published)) is not None:
        # "бірінде" of "үш ойынның екеуінде жеңіп, бірінде тең түсті" (won two of the three games, drew one): after a
        # collective numeral "бірі" in a case is the part that remains, counted as "1-інде" would be. (Alone, "бірі" is
        # as often "one of the largest …", no count.)
        return Suggestion(one_or_none)
    if not candidates and context and (one_noun := _russian_noun_one_closes(stripped, context)) is not None:
        return Suggestion(TypedValue(kind=ValueKind.COUNT, amount=1.0, unit=one_noun))
    if not candidates and context and (digit := _ONE_OR_NONE_ALONE.get(stripped.lower())) is not None and \
            (one_or_none := _one_or_none_as_its_sentence_counts(stripped, digit, context, before or "",
                                                              published)) is not None:
        return Suggestion(one_or_none)
    if not candidates and context and stripped.lower() == "one" and \
            (unit := _english_one_counting(stripped, context)) is not None:
        # "one" of "with one match to play": alone it is as often a pronoun ("no one", "one says"), but a singular
        # noun right after it in its sentence is what it counts, as "one match" highlighted whole would be.
        return Suggestion(TypedValue(kind=ValueKind.COUNT, amount=1.0, unit=unit))
    if not candidates and (single := _A_BOUND_ON_ONE_MEASURE_RE.fullmatch(stripped)) is not None and \
            (bounded := match_qualifier_before(stripped, single.start("article") if single.group("article")
                                                                         else single.start("unit"))) is not None and bounded[1] == 0 and \
            bounded[0] in (Bound.LOWER, Bound.UPPER, Bound.ALMOST):
        # "меньше минуты", "дольше часа", "less than an hour": a bound on one of a measure, its number unwritten;
        # "почти месяц", "almost a month" close below it.
        amount, lower, upper = bounded_amount(1.0, bounded[0])
        return Suggestion(TypedValue(kind=ValueKind.QUANTITY, amount=amount, lower=lower, upper=upper,
                                     unit=single.group("unit")))
    if context and before and (stepped := _stepped_from_the_sentence_before(stripped, context, before,
                                                                            publication)) is not None:
        return Suggestion(stepped)
    if not candidates:
        return Suggestion(TypedValue(kind=ValueKind.TEXT, text=stripped))
    best = min(candidates, key=lambda candidate: (candidate.salience, candidate.start))
    if context and best.value.kind is ValueKind.DATE and len(_YEAR_RE.findall(stripped)) >= 2:
        best = _the_range_around(best, stripped, context, publication)
    elif context and (best.value.amount is not None or best.value.kind is ValueKind.DATE) \
            and (_JOINED_BY_AND_RE.search(stripped) or _JOINED_BY_TO_RE.search(stripped)):
        # "1.2 and 1.6 million tonnes", "January and August this year" of "between …": the word that makes
        # the two a range is left out of the highlight.
        best = _the_range_around(best, stripped, context, publication, opened=True)
    if context and before and best.salience is Salience.BARE_NUMBER and best.value.kind is ValueKind.QUANTITY \
            and not best.value.unit and (offset := locate(stripped, context)) >= 0 and \
            _A_PLACE_BEFORE_RE.search(context, max(0, offset - 40), offset + best.start) and \
            _CLOSES_ITS_CLAUSE_AFTER_RE.match(context, offset + best.end) and \
            (placed := _noun_of_the_places_before(context[:offset], before, earlier or "", publication)) is not None:
        best = replace(best, value=replace(best.value, kind=ValueKind.COUNT, unit=placed),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    if context:
        best = _as_the_sentence_reads(best, stripped, context, publication)
        if best.value.kind is ValueKind.QUANTITY and best.value.unit == "×" and best.value.lower is None and \
                best.value.upper is None and _TIMES_AT_THE_END_RE.search(stripped) and \
                (offset := locate(stripped, context)) >= 0 and \
                (_OCCASIONS_OVER_A_SPAN_AFTER_RE.match(context, offset + len(stripped)) or
                 (_AN_EVENT_VERB_BEFORE_RE.search(context, max(0, offset - 24), offset) and
                  _TIMES_CLOSES_ITS_CLAUSE_RE.match(context, offset + len(stripped)))) and \
                _GREW_BEFORE_RE.search(context, max(0, offset - 20), offset) is None:
            # "has cut it four times this year", "met three times so far", "twice a week": occasions counted over a
            # span of time, not a multiplier ("four times this year's level" still compares).
            best = replace(best, value=replace(best.value, kind=ValueKind.COUNT, unit="times"))
        if best.value.kind is ValueKind.COUNT and best.value.unit and \
                (currency := RUSSIAN_CURRENCY_COUNTED_RE.fullmatch(best.value.unit)) is not None:
            # "расходы вырастут с [[21,1 тыс.]] до 35,2 тыс. тенге": the first end of a range of scaled amounts shares
            # the currency after the second, money as "с 250 до 310 тенге" is, never tenge counted (sets 60 and 61).
            best = replace(best, value=replace(best.value, kind=ValueKind.MONEY,
                                               unit=next(code for name, code in _RUSSIAN_CURRENCY_CODES
                                                         if currency.group(name))),
                           salience=Salience.MONEY)
        if best.value.kind is ValueKind.COUNT and (best.value.unit or "").lower() in ("раз", "раза") and \
                (offset := locate(stripped, context)) > 0 and _V_BEFORE_RE.search(context, max(0, offset - 4), offset):
            # "Цены выросли [[в три раза]]" highlighted without its "в": still the multiplier, not times counted.
            best = replace(best, value=replace(best.value, kind=ValueKind.QUANTITY, unit="×"))
        if best.value.kind in (ValueKind.COUNT, ValueKind.QUANTITY) and _A_FIGURE_ALONE_RE.fullmatch(stripped):
            best = _in_the_unit_of_the_kazakh_figure_after(best, stripped, context, publication)
        if best.value.kind is ValueKind.COUNT and (best.value.unit or "").lower() in _CLASSIFIERS:
            best = _counted_by_its_classifier(best, stripped, context)
        if best.value.kind is ValueKind.DATE and (counted := _a_count_beside_the_year(candidates, stripped, context,
                                                                                      publication)) is not None:
            best = counted
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit:
            best = _counted_by_the_sentence_before(best, stripped, context, before or "", publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and best.salience is Salience.BARE_NUMBER:
            best = _in_the_measure_it_is_out_of(best, stripped, context)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit:
            best = _an_age_at_death(best, stripped, context, before or "")
        if best.value.kind is ValueKind.COUNT and SCALE_WORD_RE.search(stripped):
            best = _a_part_of_the_money_before(best, stripped, context, publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and SCALE_WORD_RE.search(stripped):
            best = _in_the_measure_of_the_figure_before(best, stripped, context, publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and SCALE_WORD_RE.search(stripped):
            best = _in_the_currency_named_before(best, (context, before or "", earlier or ""), publication)
        elif best.value.kind is ValueKind.QUANTITY and (best.value.unit or "").lower() in _MONTHS_WORDS:
            best = _the_period_around(best, stripped, context, publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and (offset := locate(stripped, context)) >= 0:
            best = measured_as_its_heading_names(best, offset, context)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and (offset := locate(stripped, context)) >= 0:
            best = counted_as_the_text_counts(best, offset, context, before or "", publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and before and \
                (offset := locate(stripped, context)) >= 0:
            best = counted_as_its_list_counts(best, offset, context, before, earlier or "", publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and best.salience is not Salience.RELATIVE_DATE:
            best = _in_the_unit_of_a_parallel_figure(best, stripped, context, before or "", publication)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and before and \
                (offset := locate(stripped, context)) >= 0:
            best = counted_as_the_plural_named_before(best, offset, context, before, earlier or "")
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and before and \
                (offset := locate(stripped, context)) >= 0 and \
                _THEIR_NUMBER_RE.search(context, max(0, offset - 60), offset + best.start):
            best = _the_number_named_before(best, before)
        if best.value.kind is ValueKind.QUANTITY and not best.value.unit and (offset := locate(stripped, context)) >= 0 \
                and _THIS_FIGURE_BEFORE_RE.search(context, max(0, offset - 40), offset + best.start):
            best = _as_the_figure_before(best, context[:offset + best.start], before or "", publication)
    if context and best.value.kind is ValueKind.COUNT and _AN_AGE_IN_A_CASE_RE.fullmatch(best.value.unit or "") and \
            (offset := locate(stripped, context)) >= 0 and any(
                candidate.start <= offset + best.start < candidate.end and candidate.value.unit == "жас"
                and candidate.value.kind is ValueKind.QUANTITY for candidate in scan(context, publication)):
        # "6 жасқа" of "6 жасқа толғанда егіледі" (vaccinated on turning six): the words after the highlight make it an
        # age, in years of life, not six young people; the bound they may add is left out, as the curator chose.
        best = replace(best, value=replace(best.value, kind=ValueKind.QUANTITY, unit="жас"))
    if best.value.kind is ValueKind.QUANTITY and (best.value.unit or "").lower() in _PER_HECTARE and \
            _PER_HECTARE_OPENS_RE.match(stripped):
        # "гектарына 14 центнерден" (14 centners a hectare) highlighted with its "per hectare": a yield, as "14 ц/га"
        # is; the figure highlighted without it stays in centners, as sets 19 and 32 record "гектарына [13,8 центнер]".
        best = replace(best, value=replace(best.value, unit=_PER_HECTARE[(best.value.unit or "").lower()]))
    return Suggestion(best.value, note_for(best))


# (A bare "жас" too: "кемінде 16 жас" of "баладан кемінде 16 жас үлкен" (at least 16 years older), set 75.)
_AN_AGE_IN_A_CASE_RE = re.compile(r"(?i:жас(?:қа|тан|та)?)")
_PER_HECTARE = {"центнер": "ц/га", "тонна": "т/га"}
_PER_HECTARE_OPENS_RE = re.compile(r"(?i:гектар(?:ына|ынан))[ \u00a0]+\d")


# "Poland now hosts 2,050", "and Hungary 1,640", "Czechia (960)": a bare figure right after a place's name (and a verb
# of having) counts what the count beside a place before it counted ("Germany remains the first choice, with 4,310
# students").
_A_PLACE_BEFORE_RE = re.compile(r"(?:^|[\s,;(])(?!(?:The|A|An|In|On|At|By|For|Of|To|This|That|It|He|She|We|They)\s)"
                                r"[A-ZА-ЯЁ][a-zа-яё]{2,}\s*(?:(?:now\s+|still\s+)?(?:hosts|has|had|counts|received|sent)\s+"
                                r"|\(|[–—]\s*)?$")
_PLACE_OPENS_RE = re.compile(r"^\s*(?!(?:The|A|An|In|On|At|By|For|Of|To|This|That|It|He|She|We|They)\s)[A-ZА-ЯЁ][a-zа-яё]{2,}\s")


def _noun_of_the_places_before(text: str, before: str, earlier: str, publication: Publication | None) -> str | None:
    """The plural counted beside the last place named before: in the sentence so far, the one before or the text
    before that (a paragraph's list of places and figures), of a sentence that opens on a place's name."""
    sentences = [text, before, *reversed(re.split(r"(?<=[.!?])\s+", earlier.strip()))][:_PLACES_BACK]
    for sentence in sentences:
        if not _PLACE_OPENS_RE.match(sentence):
            continue
        counts = [c for c in scan(sentence, publication) if c.value.kind is ValueKind.COUNT and c.value.unit
                  and c.value.amount is not None and c.value.unit.isascii() == sentence.isascii()]
        for count in reversed(counts):
            unit = count.value.unit or ""
            if unit.endswith("s") and " " not in unit and _A_PLACE_BEFORE_RE.search(sentence, 0, count.start) is None:
                return unit
    return None


_PLACES_BACK = 4


# "олардың саны 1 миллионнан асқан", "их число превышало 1 млн", "their number exceeded a million": the number of
# what the sentence before named the number of ("Каспий итбалығының саны …", "Число тюленей …").
_THEIR_NUMBER_RE = re.compile(r"(?<![\w])(?:олардың\s+саны|их\s+(?:число|количество|численность)|their\s+number)(?![\w])",
                              re.IGNORECASE)


# "ал биыл бұл көрсеткіш 2 мыңнан асады" (and this year the figure will pass 2,000): "this figure" is the figure
# before it, in its sentence or the one before, and a bare number it takes is in that figure's unit or noun.
_THIS_FIGURE_BEFORE_RE = re.compile(r"(?<![\w])(?i:бұл|осы)\s+(?i:көрсеткіш|сан)(?i:ы)?(?:\s+[^\W\d_]+)?\s*[–—-]?\s*$")


def _as_the_figure_before(best: Candidate, text_before: str, before: str, publication: Publication | None) -> Candidate:
    for text in (text_before, before):
        figures = [c for c in scan(text, publication) if c.value.unit and c.value.kind in (
            ValueKind.COUNT, ValueKind.MONEY, ValueKind.QUANTITY)]
        if figures:
            figure = max(figures, key=lambda candidate: candidate.end)
            return replace(best, value=replace(best.value, kind=figure.value.kind, unit=figure.value.unit),
                           salience=figure.salience)
    return best


def _the_number_named_before(best: Candidate, before: str) -> Candidate:
    sentence = before.rstrip().rstrip(".!?") + " 1"
    if (named := counted_noun_named_before(sentence, len(sentence) - 1)) is None:
        return best
    return replace(best, value=replace(best.value, kind=ValueKind.COUNT, unit=named),
                   salience=Salience.SUBSTANTIAL_QUANTITY)


# A bare number set in parallel with a figure in a unit before it takes that unit: "80,000 tonnes on Aframaxes and
# 135,000 on Suezmaxes" (the same preposition after both), "took 31 hours, 19 of them at anchor" (a part of it), "186
# km …; the shortest, 22, …" and "… 8,000–12,000 tenge a night; a dorm bed is 6,500." (a figure closing its clause
# after a comma or "is"); and "A plov never cost more than 2,500." after that sentence (a price with no figure of its
# own sentence before it takes the currency of the sentence before's last figure).
_PREPOSITION_AFTER_RE = re.compile(r"\s+(?P<word>on|of|for|in|at|to|per|на|для|в|по)\s", re.IGNORECASE)
_PART_OF_IT_AFTER_RE = re.compile(r"\s+(?:of\s+(?:them|those|which|it)|из\s+(?:них|которых))(?![\w])", re.IGNORECASE)
_PART_OF_IT_BEFORE_RE = re.compile(r"(?<![\w])(?:of\s+(?:them|which|those)|из\s+(?:них|которых)|оның|олардың)\s*,?\s*$",
                                   re.IGNORECASE)
_TO_AFTER_BY_RE = re.compile(r"(?<![\w])(?:by|на)\s+\d[\d\s\u00a0,.]*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*,?\s+(?:to|до)\s+$",
                             re.IGNORECASE)
_AND_BEFORE_RE = re.compile(r"(?<![\w])(?:and|и|or|или)\s+$", re.IGNORECASE)
# "…; the number of its employees is 6,500", "its staff is 6,500": the clause names a count, not another price.
_A_COUNT_NAMED_RE = re.compile(r"(?<![\w])(?:number|numbers|staff|workforce|headcount|population|число|количество"
                               r"|численность|штат|саны)(?![\w])", re.IGNORECASE)
_SET_AGAINST_BEFORE_RE = re.compile(r"(?:,\s*(?:а\s+не|но\s+не|not)|(?<![\w])(?:rather\s+than|instead\s+of|вместо))"
                                    r"(?:\s+(?:за|на|в|до|через|по|с|in|for|at|by|to|after))?\s+$", re.IGNORECASE)
_CLOSES_ITS_CLAUSE_AFTER_RE = re.compile(r"\s*(?:[.;,:)!?]|\s[–—]\s|$)")
_SLOT_BEFORE_RE = re.compile(r"(?:,|\s(?:is|was|are|were|costs?|costing|charged?|charges|paid|pays|составляет|составил[аи]?"
                             r"|стоит|стоил[аои]?|обходится|обойд[её]тся|тұрады))\s*$", re.IGNORECASE)
_LEVEL_BEFORE_RE = re.compile(r"(?<![\w])(?:(?:ended|closed|closing|ending|settled|finished|stood|standing)\s+at"
                              r"|(?:на\s+(?:отметке|уровне)))\s+$", re.IGNORECASE)
_PRICE_BEFORE_RE = re.compile(r"(?<![\w])(?:costs?|costing|charged?|charges|paid|pays|priced|стоит|стоил[аои]?|обходится"
                              r"|обойд[её]тся|тұрады)(?:\s+(?:more|less|over|under|up|no|not|only|just|about|around|than|to"
                              r"|более|менее|до|около|всего|лишь))*\s+$", re.IGNORECASE)


# Words that count pieces of whatever the clause named: "тартқыштар саны — 40 дана", "тягачей — 40 штук".
_CLASSIFIERS = frozenset({"дана", "штук", "штуки", "штука", "шт", "units", "pieces"})


def _counted_by_its_classifier(best: Candidate, selection: str, context: str) -> Candidate:
    """"40 дана" of "акциялық тартқыштар саны — 40 дана": a classifier counts the noun its clause named before the
    figure ("саны", "число", "количество"), which is what the curator records."""
    offset = locate(selection, context)
    if offset < 0 or (named := counted_noun_named_before(context, offset + best.start)) is None:
        return best
    return replace(best, value=replace(best.value, unit=named))


def _in_the_unit_of_a_parallel_figure(best: Candidate, selection: str, context: str, before: str,
                                      publication: Publication | None) -> Candidate:
    offset = locate(selection, context)
    if offset < 0 or context == selection or _A_YEAR_RE.fullmatch(selection.strip()):
        return best
    start, end = offset + best.start, offset + best.end
    # "160 академических часов, из них 40 — на заводе", "rose by 17 points to 2,642": a part of the figure before, or
    # where a change by it ends, is in its unit.
    part_of_it = _PART_OF_IT_AFTER_RE.match(context, end) is not None or \
        _PART_OF_IT_BEFORE_RE.search(context, max(0, start - 24), start) is not None or \
        _TO_AFTER_BY_RE.search(context, max(0, start - 60), start) is not None
    preposition = _PREPOSITION_AFTER_RE.match(context, end)
    closes_a_slot = _CLOSES_ITS_CLAUSE_AFTER_RE.match(context, end) is not None and \
        _SLOT_BEFORE_RE.search(context, max(0, start - 16), start) is not None
    # "за шесть месяцев до поездки, а не за три", "six months ahead rather than three": a figure set against the one
    # before it, closing its clause, is in that one's unit.
    set_against = _CLOSES_ITS_CLAUSE_AFTER_RE.match(context, end) is not None and \
        _SET_AGAINST_BEFORE_RE.search(context, max(0, start - 30), start) is not None
    # "Against the euro it ended at 574.10." after "… closing at 497.35 per dollar": a level a market closed at, with
    # no figure before it in its sentence, is in the currency of the level the sentence before closed at.
    level = _LEVEL_BEFORE_RE.search(context, max(0, start - 30), start) is not None and bool(before) and \
        not re.search(r"\d", context[:start])
    if not (part_of_it or closes_a_slot or set_against or level
            or (preposition is not None and _AND_BEFORE_RE.search(context, 0, start))
            or (before and _PRICE_BEFORE_RE.search(context, max(0, start - 40), start))):
        return best  # (the cheap tests first: most bare numbers are none of these, and a scan costs ~1 ms)
    found = scan(context, publication)
    figures = sorted((c for c in found if c.end <= start and c.value.unit and c.value.kind in (ValueKind.MONEY,
                                                                                              ValueKind.QUANTITY)),
                     key=lambda candidate: candidate.end)
    unit_figure: Candidate | None = None
    if figures:
        last = figures[-1]
        last_preposition = _PREPOSITION_AFTER_RE.match(context, last.end)
        between = context[last.end:start]
        if part_of_it and not re.search(r"\d", between):
            unit_figure = last  # "31 hours, 19 of them at anchor"
        elif set_against and not re.search(r"\d", between) and not any(
                last.end <= c.start and c.end <= start and c.value.kind is not ValueKind.DATE for c in found):
            unit_figure = last  # "за шесть месяцев до поездки, а не за три"
        elif preposition is not None and last_preposition is not None and \
                preposition.group("word").lower() == last_preposition.group("word").lower() and \
                _AND_BEFORE_RE.search(between) and not re.search(r"\d", between):
            unit_figure = last  # "80,000 tonnes on Aframaxes and 135,000 on Suezmaxes"
        elif closes_a_slot and not any(c.end <= start and c.value.kind is ValueKind.COUNT for c in found) \
                and not _A_COUNT_NAMED_RE.search(re.split(r"[;,]", context[:start])[-1]):
            unit_figure = last  # "186 km …; the shortest, 22, …", "… tenge a night; a dorm bed … is 6,500."
    elif level:
        levels = [c for c in scan(before, publication) if c.value.kind is ValueKind.MONEY and c.value.unit
                  and _LEVEL_BEFORE_RE.search(before, max(0, c.start - 30), c.start)]
        unit_figure = levels[-1] if levels else None
    elif before and not re.search(r"\d", context[:start]) and _CLOSES_ITS_CLAUSE_AFTER_RE.match(context, end) \
            and _PRICE_BEFORE_RE.search(context, max(0, start - 40), start):
        money = sorted((c for c in scan(before, publication) if c.value.kind is ValueKind.MONEY and c.value.unit),
                       key=lambda candidate: candidate.end)
        unit_figure = money[-1] if money else None  # "A plov … never cost more than 2,500."
    elif before and closes_a_slot and not re.search(r"\d", context[:start]):
        # "We started with 400 hectares in 2019. Now it is 2,600.": the first figure of its sentence, closing a clause
        # after "is", is the same measure as the last figure of the sentence before (a date there aside), when that one
        # has a unit and no count follows it.
        earlier = sorted((c for c in scan(before, publication) if c.value.kind is not ValueKind.DATE
                          and c.value.kind is not ValueKind.DATE_RANGE), key=lambda candidate: candidate.end)
        if earlier and earlier[-1].value.unit and earlier[-1].value.kind in (ValueKind.MONEY, ValueKind.QUANTITY):
            unit_figure = earlier[-1]
    if unit_figure is None:
        return best
    return replace(best, value=replace(best.value, kind=unit_figure.value.kind, unit=unit_figure.value.unit),
                   salience=unit_figure.salience)


_KAZAKH_DAYS_OF_ONE_MONTH_RE = re.compile(
    rf"[0-3]?\d(?:[ \u00a0]*,[ \u00a0]*[0-3]?\d)*[ \u00a0]+(?i:және|мен|бен|пен)[ \u00a0]+[0-3]?\d[ \u00a0]+(?i:{KAZAKH_MONTH})")
# A name in guillemets, «ҚазМұнайГаз Сервис»: a company's or a paper's name keeps its own letters in any language.
_QUOTED_NAME_RE = re.compile(r"«[^«»]{1,80}»")
# A capitalised word (a place or a person: "в Көктөбе", "в Жаңаөзене") and the Russian words no Kazakh sentence has.
_CAPITALISED_WORD_RE = re.compile(r"(?<![\w-])[А-ЯЁӘІҢҒҮҰҚӨҺ][\w-]*")
_RUSSIAN_FUNCTION_WORD_RE = re.compile(r"(?<![\w-])(?:и|в|во|на|из|по|что|это|для|от|до|за|с|со|я|она|они|мы|был|была"
                                       r"|были|было|который|которые)(?![\w-])", re.IGNORECASE)


def _russian_with_kazakh_names_only(context: str) -> bool:
    """Whether a sentence is Russian whose only letters that Kazakh alone writes are in names: "Мне 41 год, … директором
    школы в Көктөбе" (set 73) measures an age in years, as it would without the village's name."""
    unnamed = _CAPITALISED_WORD_RE.sub("", _QUOTED_NAME_RE.sub("", context))
    return not has_kazakh_letters(unnamed) and _RUSSIAN_FUNCTION_WORD_RE.search(unnamed) is not None
# A figure highlighted with nothing but its scale word: "80 мың", "1,5 млн".
_A_FIGURE_ALONE_RE = re.compile(r"\d[\d \u00a0,.]*(?:[ \u00a0]+(?i:мың|млн|млрд|миллион|миллиард))?")
_KAZAKH_AND_AFTER_RE = re.compile(r"[ \u00a0]+(?i:және|мен|бен|пен|немесе|не)[ \u00a0]+(?=\d)")


def _in_the_unit_of_the_kazakh_figure_after(best: Candidate, selection: str, context: str,
                                            publication: Publication | None) -> Candidate:
    """"80 мың" of "тиісінше 80 мың және 50 мың еуро беріледі" (80,000 and 50,000 euros): two Kazakh figures joined by
    "және/мен/немесе" share the unit or counted noun written after the second, as "1 жасқа және 6 жасқа толғанда" share
    their bound."""
    offset = locate(selection, context)
    if offset < 0 or not has_kazakh_letters(context) or \
            (joined := _KAZAKH_AND_AFTER_RE.match(context, offset + len(selection))) is None:
        return best
    second = [c for c in scan(context[joined.end():joined.end() + 60], publication) if c.start == 0]
    if not second or second[0].value.kind not in (ValueKind.MONEY, ValueKind.QUANTITY, ValueKind.COUNT) or \
            not second[0].value.unit:
        return best
    return replace(best, value=replace(best.value, kind=second[0].value.kind, unit=second[0].value.unit),
                   salience=second[0].salience)


# "He was 81." after "… died in Turku on Sunday": a person's age told with the death, in years.
_HE_WAS_BEFORE_RE = re.compile(r"(?:^|[.;,:]\s*|\s(?:and|when)\s+)(?:he|she)\s+(?:was|had\s+turned)\s+$", re.IGNORECASE)
_END_OF_CLAUSE_AFTER_RE = re.compile(r"\s*(?:[.;,!]|$)")
_DEATH_RE = re.compile(r"(?<![\w])(?:died|dies|passed\s+away|death|obituary)(?![\w])", re.IGNORECASE)


# "when, at 80, she finally agreed", "At 63, he still runs the farm": "at" and a number set off by commas before the
# person it describes is that person's age.
_AT_AN_AGE_RE = re.compile(r"(?:^|[,;]\s+|(?<![\w])(?:when|then|and|but)\s+)(?i:at)\s+(?P<number>\d{1,3}),\s+"
                           r"(?:he|she|they|I|we|[A-Z][a-z]+)(?![\w])")


def _an_age_at_death(best: Candidate, selection: str, context: str, before: str) -> Candidate:
    value = best.value
    offset = locate(selection, context)
    if offset >= 0 and value.amount is not None and 1 <= value.amount <= 120 and value.amount == int(value.amount) \
            and any(age.start("number") <= offset + best.start < age.end("number")
                    for age in _AT_AN_AGE_RE.finditer(context, max(0, offset - 12))):
        return replace(best, value=replace(value, unit="years"), salience=Salience.SUBSTANTIAL_QUANTITY)
    if offset < 0 or value.amount is None or not 1 <= value.amount <= 120 or value.amount != int(value.amount) \
            or not _HE_WAS_BEFORE_RE.search(context[:offset]) \
            or not _END_OF_CLAUSE_AFTER_RE.match(context, offset + len(selection)) \
            or not (_DEATH_RE.search(context) or _DEATH_RE.search(before)):
        return best
    return replace(best, value=replace(value, unit="years"), salience=Salience.SUBSTANTIAL_QUANTITY)


# "24 years later", "a year later", "пять лет спустя": a step in years from a year written before it.
_STEP_IN_YEARS_RE = re.compile(
    r"(?:\d{1,3}|[^\W\d_]+)\s+(?:years?|decades?|лет|года?)\s+(?:later|afterwards|earlier|спустя|позже|позднее|раньше|ранее)"
    r"|(?i:a|one)\s+year\s+(?:later|afterwards)", re.IGNORECASE)
_A_YEAR_RE = re.compile(r"(?<![\w\d])(?:1[89]|20)\d\d(?![\w\d])")


def _stepped_from_the_sentence_before(selection: str, context: str, before: str,
                                      publication: Publication | None) -> TypedValue | None:
    """"He joined the service in 1971. … moving to Brussels 24 years later": a step in years whose own sentence
    writes no year before it dates from the last year of the sentence before (1995), as it would in its own."""
    if not _STEP_IN_YEARS_RE.fullmatch(selection) or (offset := locate(selection, context)) < 0 \
            or _A_YEAR_RE.search(context, 0, offset) or not _A_YEAR_RE.search(before):
        return None
    joined = before.rstrip() + " " + context
    start = len(before.rstrip()) + 1 + offset
    for candidate in scan(joined, publication):
        if candidate.start <= start < candidate.end and candidate.value.kind is ValueKind.DATE and candidate.salience is Salience.RELATIVE_DATE:
            return candidate.value
    return None


# "один" of "два пасечных хозяйства и один завод", "ни одного" of "таких случаев было четыре, с начала года – ни одного",
# "бірде-бір" of "бірде-бір жоба": one, or none, highlighted without the noun its sentence counts.
# ("бір" highlighted alone is the number, not the article: "тек бір кәсіпорын" counts one enterprise.)
_ONE_OR_NONE_ALONE = {"один": "1", "одна": "1", "одно": "1", "ни одного": "0", "ни одной": "0", "none": "0",
                      "not a single": "0", "бірде-бір": "0", "бір": "1"}
_KAZAKH_ONE_OF_THEM_RE = re.compile(r"(?i:бір)(?P<ending>(?i:інде|інен|імен|іне|ін|і))")
_KAZAKH_COLLECTIVE_BEFORE_RE = re.compile(
    rf"(?<![\w])(?i:{'|'.join(KAZAKH_COLLECTIVE_WORDS)})[{CYRILLIC_LETTER}]*(?![\w])")
# "один из", "one of": one of several, which the whole's noun counts only with the whole ("one of the 27").
_ONE_OF_AFTER_RE = re.compile(r"\s+(?i:из|of|и|and|or|или)(?![\w])")


# "поражение у него пока одно": a clause that opens on a noun and closes on "один/одна/одно" of its gender.
_CLAUSE_OPENING_NOUN_RE = re.compile(r"(?:^|[,;:.]\s+|\s[–—]\s+|(?<![\w])(?:а|но|и)\s+)(?P<noun>[а-яё]{3,})\s+(?:[а-яё]+\s+){0,3}$",
                                     re.IGNORECASE)
_GENDER_ENDINGS = {"один": ("", "ь", "й"), "одна": ("а", "я", "ь"), "одно": ("о", "е", "ие")}


def _russian_noun_one_closes(selection: str, context: str) -> str | None:
    """"поражение" of "одно" in "поражение у него пока одно.": the noun opening the clause "один/одна/одно" closes,
    in its gender (a noun in "-е/-о" is neuter, in "-а/-я" feminine, in a consonant masculine)."""
    endings = _GENDER_ENDINGS.get(selection.lower())
    offset = locate(selection, context)
    if endings is None or offset < 0 or not _CLOSES_ITS_CLAUSE_AFTER_RE.match(context, offset + len(selection)) or \
            (opening := _CLAUSE_OPENING_NOUN_RE.search(context, 0, offset)) is None:
        return None
    noun = opening.group("noun")
    last = noun[-1].lower()
    fits = last in endings[:2] if endings[0] else (last not in "аяоеиыуюэё" or last in "ьй")
    # (A verbal noun in "-ение/-ание/-тие" is no adjective in "-ие".)
    if not fits or noun.lower() in RUSSIAN_NOT_COUNTED or (noun.lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS)
                                                           and not noun.lower().endswith(("ение", "ание", "тие"))):
        return None
    return noun


def _one_or_none_as_its_sentence_counts(selection: str, digit: str, context: str, before: str,
                                        published: str | None) -> TypedValue | None:
    """One or none read as the figure in its place would be: "1 завод по переработке" counts plants, "– 0" after
    "таких случаев было четыре" counts cases; None when its sentence counts nothing with it (a lone "один" is as
    often a pronoun, "один из" one of several)."""
    offset = locate(selection, context)
    end = offset + len(selection)
    if offset < 0 or context == selection or _ONE_OF_AFTER_RE.match(context, end):
        return None
    # (The digit is padded to the words' length, so the sentence keeps its offsets.)
    figure = digit.rjust(len(selection))
    value = suggest(digit, published=published, context=context[:offset] + figure + context[end:],
                    before=before).value
    if value.kind is not ValueKind.COUNT or not value.unit or value.lower is not None or value.upper is not None:
        return None
    return value


# "one" after a determiner is a pronoun or a noun of its own ("no one", "the one that", "every one of"), and
# "one another", "one by one", "one after another" count nothing.
_DETERMINER_BEFORE_ONE_RE = re.compile(r"(?<![\w])(?i:no|any|every|each|the|this|that|which|such|some|someone's)\s+$")
_NOUN_PHRASE_AFTER_ONE_RE = re.compile(r"\s+(?P<words>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3})")
_NOT_COUNTED_AFTER_ONE = frozenset({"another", "by", "after", "more", "less", "way", "or", "and", "of", "time", "thing"})


def _english_one_counting(selection: str, context: str) -> str | None:
    """The singular noun English "one" (highlighted alone at its place in `context`) counts: the words right after it
    ending on the first noun before a function word ("match" of "one match to play", "plant" of "one new plant"); None after a
    determiner, before a plural or a verb ("one says") and when no noun follows."""
    offset = locate(selection, context)
    if offset < 0 or _DETERMINER_BEFORE_ONE_RE.search(context, 0, offset):
        return None
    if (after := _NOUN_PHRASE_AFTER_ONE_RE.match(context, offset + len(selection))) is None:
        return None
    words: list[str] = []
    for word in after.group("words").split():
        if word.lower() in ENGLISH_FUNCTION_WORDS:
            break
        words.append(word)
    if not words or words[0].lower() in _NOT_COUNTED_AFTER_ONE or \
            (words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is"))):
        return None  # "one says", "one of", "one another": a pronoun or a number of no noun
    # The shortest run of words that ends on a noun: "match" of "one match left", "plant" of "one new plant".
    # A hyphenated word before another is a compound modifier, no head: "lost-time" of "one lost-time injury".
    return next((unit for size in range(1, len(words) + 1)
                 if not (size < len(words) and "-" in words[size - 1])
                 and (unit := english_singular_counted(" ".join(words[:size]))) is not None), None)


# A measure in the singular after its bound, the "one" unwritten: "меньше минуты", "дольше часа", "over a year".
_WILL_EXCEED_RE = re.compile(r"(?P<not>(?i:не)\s+)?(?i:превыс(?:ит|ят))\s+")
_THE_SAME_YEAR_RE = re.compile(r"(?P<russian>(?:того|этого)\s+же\s+года)|(?:(?:of|in)\s+)?(?:the|that)\s+same\s+year",
                               re.IGNORECASE)


def _the_year_named_before(selection: str, context: str, before: str) -> str | None:
    """The year written last before `selection` in its sentence, or else in the sentence before."""
    offset = locate(selection, context)
    for text in (context[:offset] if offset >= 0 else "", before):
        if years := _A_YEAR_RE.findall(text):
            return str(years[-1])
    return None


_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                   "november", "december")
_A_CEILING_SET_RE = re.compile(r"(?:limited|capped|restricted)\s+(?:to|at)\s+(?=\S)", re.IGNORECASE)
# "from" opening the highlight before a currency and an amount, nothing but the amount's words after it (no "to").
_A_PRICE_FROM_RE = re.compile(r"from\s+(?=(?:[€$£₸]|US\$|(?:EUR|USD|GBP|KZT|CHF)[ \u00a0]?)\d[\d.,\u00a0 ]*"
                              r"(?:\s*(?:thousand|million|billion|mln|bn|m|k))?$)", re.IGNORECASE)
_MONTHS_TO_A_MONTH_RE = re.compile(
    rf"(?:(?:in|over|during)\s+)?(?:the\s+)?(?P<count>[1-9]\d?)\s+months\s+(?:to|ending(?:\s+in)?|through)\s+"
    rf"(?P<month>{'|'.join(_ENGLISH_MONTHS)})(?:\s+(?P<year>(?:19|20)\d\d))?", re.IGNORECASE)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_A_WEEKDAY_BEFORE_A_DAY_RE = re.compile(rf"\b{_WEEKDAY},?\s+(?=\d{{1,2}}\b)", re.IGNORECASE)
_TWO_DAYS_WITH_THEIR_WEEKDAYS_RE = re.compile(
    rf"(?:on\s+)?{_WEEKDAY},?\s+\d{{1,2}}\s*(?:and|[–-]|to)\s*{_WEEKDAY},?\s+\d{{1,2}}\s+"
    rf"(?:{'|'.join(_ENGLISH_MONTHS)})(?:\s+(?:19|20)\d\d)?", re.IGNORECASE)
_A_YEAR_BEFORE_FINANCIAL_YEAR_RE = re.compile(r"(?:(?:the|its|their|our)\s+)?(?P<year>(?:19|20)\d\d)\s+"
                                              r"(?:financial|fiscal|tax|budget)\s+year", re.IGNORECASE)
# ("не позднее чем за 2 часа до прибытия": done at the latest two hours before, so at least two hours ahead.)
_BOUND_ON_A_LEAD_TIME_RE = re.compile(r"(?:(?P<bound>(?:как\s+)?(?:минимум|максимум))|(?P<latest>не\s+позднее(?:\s+чем)?))"
                                      r"\s+за\s+(?=\S)", re.IGNORECASE)
# "41-летний", "25-летнего", "10-летняя": an adjective of so many years, in any gender and case.
_SO_MANY_YEARS_OLD_RE = re.compile(r"(?P<years>\d{1,3})-летн(?:ий|его|ему|им|ем|яя|ей|юю|ее|ие|их|ими)", re.IGNORECASE)
_A_SCALE_RE = re.compile(r"(?:тыс\.|млн|млрд|трлн)$")
# A figure alone, in digits with a Russian scale word or none ("24,9", "28 млн", "1 400").
_BARE_RUSSIAN_FIGURE_RE = re.compile(r"\d[\d \u00a0]*(?:[.,]\d+)?(?:[ \u00a0]*(?:тыс\.|млн|млрд|трлн))?")
# "… и 27,3 Мбит/с,", "… и 9,5 млн евро.": the second of two figures and the words after it up to the clause's end (three
# at most), where the unit they share is written; Russian words only (a word with a Cyrillic letter first).
_A_SECOND_FIGURE_AND_ITS_UNIT_RE = re.compile(
    r"[ \u00a0]+(?:и|или)[ \u00a0]+\d[\d \u00a0]*(?:[.,]\d+)?(?:[ \u00a0]*(?P<scale>тыс\.|млн|млрд|трлн))?[ \u00a0]+"
    r"(?P<unit>[а-яё][^\s,;:!?()]*(?:[ \u00a0]+[а-яё][^\s,;:!?()]*){0,2}?)(?=[,;:!?)]|\.(?:\s|$)|$)", re.IGNORECASE)
# A span and the event it is counted from: "три года с даты ДТП", "10 дней со дня уведомления".
_A_SPAN_FROM_AN_EVENT_RE = re.compile(r"(?P<figure>\S+(?:\s+\S+)?\s+(?:лет|года?|месяц(?:а|ев)?|недел[иья]|недель|дн(?:я|ей)|день"
                                      r"|сут(?:ок|ки)|час(?:а|ов)?))\s+(?:с\s+даты|со\s+дня|с\s+момента)\s+\S.*",
                                      re.IGNORECASE | re.DOTALL)
# What gives the time before it: "у вас есть", "дается", "отводится", "предоставляется".
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w])(?:есть|(?:да[её]тся|отводится|предоставляется|отведено|предоставлено|дано))"
                              r"\s+$", re.IGNORECASE)
# "раз десять", "человек двадцать": a Russian noun, then a number in words.
_A_NOUN_BEFORE_ITS_NUMBER_RE = re.compile(r"(?P<noun>[а-яё]{3,})\s+(?P<number>[а-яё]{3,})", re.IGNORECASE)
# "не достигает", "не достигла", "не достигли": a ceiling on the figure after it.
_DOES_NOT_REACH_RE = re.compile(r"не\s+достиг(?:ает|ают|ла|ло|ли|нет|нут)?\s+", re.IGNORECASE)
# "… и менее", "… или более", "… и больше": a bound written after the figure (its unit before it).
# An age bound the same way: "15 лет и старше" (15 and over), "5 лет и младше" (5 and under), as "aged 15 and older".
_OR_LESS_AFTER_RE = re.compile(r"\s+(?:и|или)\s+(?:(?P<less>менее|меньше|младше|моложе)|более|больше|старше)\s*$",
                               re.IGNORECASE)
# "в течение года": a span of one of a time, its number left unsaid; the time in the form "1" takes.
_WITHIN_ONE_RE = re.compile(r"(?P<within>в\s+течение)\s+(?P<time>года|месяца|недели|суток|дня|часа)", re.IGNORECASE)
_ONE_OF_A_TIME = {"года": "год", "месяца": "месяц", "недели": "неделя", "суток": "сутки", "дня": "день", "часа": "час"}
# "прошлогодний", "прошлогоднем", "прошлогодних": the adjective of last year in any form.
_LAST_YEARS_RE = re.compile(r"прошлогодн(?:ий|его|ему|им|ем|яя|ей|юю|ее|ие|их|ими)", re.IGNORECASE)
# "с 18 лет", "с 21 года", "с шести лет": an age (up to three digits; "с 2019 года" is a year, "с прошлого года" a
# date: the word must be a number) said with "с".
_FROM_AN_AGE_RE = re.compile(r"со?\s+(?P<rest>(?P<number>\d{1,3}|[а-яё]+)[ \u00a0]+(?:лет|года))", re.IGNORECASE)
# What continues a range after its first end: "с 5 лет до 3", "с 1 по 5".
_A_RANGE_GOES_ON_RE = re.compile(r"\s*(?:до|по)\s", re.IGNORECASE)
# "2 часа 40 минут": hours and minutes of one duration, both written in figures.
_HOURS_AND_MINUTES_RE = re.compile(r"(?:(?:около|почти|более|менее|до)\s+)?(?P<hours>\d{1,3})[ \u00a0]+час(?:а|ов)?"
                                   r"[ \u00a0]+(?P<minutes>\d{1,2})[ \u00a0]+(?P<unit>минут[аы]?)", re.IGNORECASE)
# "2 минуты 40 секунд", "1 минута 5 секунд": minutes and seconds of one duration, the same sum in seconds (the groups
# keep the names of the hours and minutes they stand for).
_MINUTES_AND_SECONDS_RE = re.compile(r"(?:(?:около|почти|более|менее|до)\s+)?(?P<hours>\d{1,3})[ \u00a0]+минут[аы]?"
                                     r"[ \u00a0]+(?P<minutes>\d{1,2})[ \u00a0]+(?P<unit>секунд[аы]?)", re.IGNORECASE)
# "1 сағат 20 минут", "2 сағат 30 минутқа": the same in Kazakh, "сағат" in its base form before the minutes (the
# minutes may take a case ending, kept for the reading of the sum); "шамамен" (about) may open it.
_KAZAKH_HOURS_AND_MINUTES_RE = re.compile(r"(?:шамамен\s+)?(?P<hours>\d{1,3})[ \u00a0]+сағат[ \u00a0]+(?P<minutes>\d{1,2})"
                                          r"[ \u00a0]+(?P<unit>минут[а-яәіңғүұқөһ]{0,4})", re.IGNORECASE)
# "2 hours 50 minutes", "1 hour and 5 minutes", "about 3 hrs 20 mins": the same in English (set 61), a bound word
# kept for the reading of the sum.
_ENGLISH_HOURS_AND_MINUTES_RE = re.compile(r"(?:(?:about|around|some|nearly|almost|over|under|more\s+than|less\s+than|"
                                           r"up\s+to)\s+)?(?P<hours>\d{1,3})[ \u00a0]+(?:hours?|hrs?)(?:,?[ \u00a0]+and)?"
                                           r"[ \u00a0]+(?P<minutes>\d{1,2})[ \u00a0]+(?P<unit>minutes?|mins?)", re.IGNORECASE)
_UNIT_AFTER_EACH_FIGURE_RE = re.compile(
    r"(?:(?:from|от|с)\s+(?=[-−]?\d))?(?P<first>[-−]?\d[\d,.]*(?:[ \u00a0]\d{3})*)[ \u00a0]+(?P<unit>[^\W\d_]+|°\s?C)"
    r"\s+(?:to|до|[–—-])\s+\+?(?P<second>\d[\d,.]*(?:[ \u00a0]\d{3})*)[ \u00a0]+(?P=unit)"
    r"|(?:between|между)\s+(?P<first2>\d[\d,.]*)[ \u00a0]+(?P<unit2>[^\W\d_]+)\s+(?:and|и)\s+"
    r"(?P<second2>\d[\d,.]*)[ \u00a0]+(?P=unit2)", re.IGNORECASE)
# "от 1 года до 9 лет": a Russian time noun after both ends of a range, in the forms their numbers take (up to three
# digits: "с 2019 года по 2024 год" is years, a date range).
_A_TIME_IN_EACH_FORM_RE = re.compile(r"(?:от|с)\s+(?P<first>\d{1,3})[ \u00a0]+(?P<unit1>[а-яё]+)\s+(?:до|по)\s+"
                                     r"(?P<second>\d{1,3})[ \u00a0]+(?P<unit2>[а-яё]+)", re.IGNORECASE)
# The forms of one time noun ("год", "года", "лет" are one noun, as "1 год", "2 года", "5 лет" are said).
_RUSSIAN_TIME_NOUN_FORMS = tuple(frozenset(forms.split()) for forms in (
    "год года году годом лет годам", "месяц месяца месяцу месяцем месяцев", "неделя недели неделю неделей недель",
    "день дня дню днем днём дней", "час часа часу часом часов", "минута минуты минуту минутой минут",
    "сутки суток"))


def _same_time_noun(first: str, second: str) -> bool:
    first, second = first.lower(), second.lower()
    return first != second and any(first in forms and second in forms for forms in _RUSSIAN_TIME_NOUN_FORMS)


_PLUS_OR_MINUS_RE = re.compile(r"(?i:plus\s+or\s+minus|plus/minus|плюс[-\s/]*минус)\s+|±\s*")
# ("-10 °C to +40 °C", an operating range: the first end below zero keeps its sign, the second's "+" says nothing.)
# Half of a measure, and one of a measure the scanner reads only after a digit: "half an hour", "полчаса", "half a
# percentage point", "one percentage point", "бір пайыздық тармақ" are 0.5 and 1 of it, as "0.5 hour" and "1 pp" are.
_HALF_OF_A_MEASURE_RE = re.compile(r"(?i:half)\s+(?i:an?)\s+(?P<english>.+)"
                                   r"|(?i:пол)(?P<russian>(?i:часа|года|месяца|дня|минуты|недели|века|суток))")
# ("a full percentage point", "one whole percentage point": the adjective says it is not less, and adds nothing.)
# A bound in English words before it is the bound of that one ("almost one percentage point" is `almost 1 pp`, read as
# "almost 1 percentage point" is; the word numeral alone was read as a count of "percentage point").
_ONE_OF_A_MEASURE_RE = re.compile(r"(?P<bound>(?i:almost|nearly|about|around|roughly|some|just\s+under|just\s+over|under"
                                  r"|over|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?"
                                  r"(?i:one|an?|один|бір)\s+(?:(?i:full|whole)\s+)?(?P<measure>(?i:percentage\s+points?|процентн[а-яё]*\s+пункт"
                                  r"[а-яё]*|пайыздық\s+тармақ[а-яёәіңғүұқөһ]*))")
# "двухнедельные сборы", "пятидневный семинар", "трехмесячный курс": a Russian adjective of a number and a measure is
# that many of it, in the form the number takes (1: "неделя", 2-4: "недели", 5 and up: "недель").
# "each time by half a point", "cut by a full point": a point of a rate or a share is a percentage point, as central
# banks and their watchers shorten it; only in a sentence about a rate or a percentage ("half a point" of a chess game
# or a league table is half of its points).
_A_POINT_OF_A_RATE_RE = re.compile(r"(?i:(?P<half>half\s+an?)|an?|one)\s+(?:(?i:full|whole)\s+)?(?i:point)")
_A_RATE_IN_ITS_SENTENCE_RE = re.compile(r"%|(?<![\w])(?i:rates?|per\s?cent|percent|inflation|yields?)(?![\w])")
_RUSSIAN_MEASURE_ADJECTIVE_RE = re.compile(
    r"(?P<n>одно|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|двенадцати|пятнадцати|двадцати|тридцати"
    r"|сорока|ста)(?P<stem>недельн|месячн|летн|годичн|дневн|часов|минутн)[а-яё]{1,3}", re.IGNORECASE)
_RUSSIAN_MEASURE_FORMS = {"недельн": ("неделя", "недели", "недель"), "месячн": ("месяц", "месяца", "месяцев"),
                          "летн": ("год", "года", "лет"), "годичн": ("год", "года", "лет"),
                          "дневн": ("день", "дня", "дней"), "часов": ("час", "часа", "часов"),
                          "минутн": ("минута", "минуты", "минут")}


def _a_measure_in_words(selection: str, publication: Publication | None, *, read: bool,
                        context: str | None = None) -> TypedValue | None:
    """Half or one of a measure written in words, or a Russian adjective of a number and a measure, as a quantity.
    (Half of one the scanner `read` already, "полвека", "half a million", is its reading.)"""
    if context and (point := _A_POINT_OF_A_RATE_RE.fullmatch(selection)) is not None and \
            _A_RATE_IN_ITS_SENTENCE_RE.search(context) is not None:
        return TypedValue(kind=ValueKind.QUANTITY, amount=0.5 if point.group("half") else 1.0, unit="pp")
    if (one := _ONE_OF_A_MEASURE_RE.fullmatch(selection)) is not None:
        written = (one.group("bound") or "") + "1 " + one.group("measure")
    elif read:
        return None
    elif (adjective := _RUSSIAN_MEASURE_ADJECTIVE_RE.fullmatch(selection)) is not None:
        number = RUSSIAN_NUMBER_WORDS[adjective.group("n").lower()]
        form = 0 if number % 10 == 1 and number % 100 != 11 else \
            1 if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14 else 2
        return TypedValue(kind=ValueKind.QUANTITY, amount=float(number),
                          unit=_RUSSIAN_MEASURE_FORMS[adjective.group("stem").lower()][form])
    elif (half := _HALF_OF_A_MEASURE_RE.fullmatch(selection)) is not None:
        written = "0.5 " + half.group("english") if half.group("english") else "0,5 " + half.group("russian")
    else:
        return None
    for candidate in scan(written, publication):
        if candidate.value.kind is ValueKind.QUANTITY and candidate.value.unit and candidate.start == 0 \
                and candidate.end == len(written):
            return candidate.value
    return None


_A_BOUND_ON_ONE_MEASURE_RE = re.compile(
    r"[^\d]{2,25}?\s(?P<article>(?i:an?)\s+)?(?P<unit>(?i:минуты|часа|суток|недели|месяца|года|месяц|год|неделю|сутки"
    r"|minute|hour|day|week|month|year))")
# A measure with its article and nothing else: "a month", "an hour".
_A_MEASURE_ALONE_RE = re.compile(r"(?i:an?)\s+(?P<unit>(?i:minute|hour|day|week|fortnight|month|semester|year|decade))")
_RUSSIAN_MEASURE_ALONE_RE = re.compile(r"(?i:месяц|год|неделю|неделя|сутки|день|час|минуту|минута)")
_KAZAKH_MEASURE_ADJECTIVE_RE = re.compile(r"[^\W\d_]+(?:лық|лік|дық|дік|тық|тік)(?![\w])", re.IGNORECASE)
_ENGLISH_MONTH_ALONE_RE = re.compile(rf"(?:{ENGLISH_MONTH_FULL})")
_MONTHS_WORDS = frozenset({"months", "месяцев", "месяца"})


_ENDS_WITH_A_KAZAKH_ORDINAL_RE = re.compile(r"\s(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз)(?:інші|ыншы|нші|ншы)$",
                                            re.IGNORECASE)


_TIMES_AT_THE_END_RE = re.compile(r"(?<![\w])times$", re.IGNORECASE)
_OCCASIONS_OVER_A_SPAN_AFTER_RE = re.compile(
    r"\s+(?:(?:this|last|that)\s+(?:year|month|week|season|quarter|decade)(?![\w'’])|so\s+far|in\s+a\s+row"
    r"|(?:a|per|each|every)\s+(?:day|week|month|year|quarter)(?![\w]))", re.IGNORECASE)
# "the commission met three times, that …" (set 73), "Inspectors visited the farm twelve times.": a verb of an event
# before "N times" that closes its clause counts the occasions, with no span after it to say so; a comparison
# ("four times larger") does not close the clause, and a verb of change keeps the multiplier (below).
_AN_EVENT_VERB_BEFORE_RE = re.compile(r"(?<![\w])(?:met|meet|meets|visited|convened|gathered|sat|voted|called|tried"
                                      r"|attempted|struck|appeared|played|spoke)(?:\s+[^\s,.;:]+){0,3}\s+$",
                                      re.IGNORECASE)
_TIMES_CLOSES_ITS_CLAUSE_RE = re.compile(r"\s*(?:[,.;:)]|$)")
# A verb of growth or fall before "N times" makes it a multiplier whatever span follows ("Exports grew five times since
# 2015", "prices rose three times this year").
_GREW_BEFORE_RE = re.compile(r"(?<![\w])(?:grew|grown|grows|rose|risen|rises|increased|increases|fell|fallen|falls"
                             r"|dropped|jumped|expanded|multiplied|declined|shrank|surged)\s+$", re.IGNORECASE)


# A scale word that, with no unit after it, is almost always an amount of money in prose: "six billion".
SCALE_WORD_RE = re.compile(r"(?<![\w])(?i:billion|million|trillion|bn|млрд|млн|миллиард[а-я]*|миллион[а-я]*|трлн)(?![\w])")


# "90 days in any 180", "90 дней в любые 180", "two weeks out of every eight": the span a limit is counted within.
_OUT_OF_ANY_BEFORE_RE = re.compile(
    r"(?<![\w])(?:\d[\d,.]*|[^\W\d_]+)\s+(?P<unit>[^\W\d_]+)\s+(?:in|out\s+of|of|в|из|за)\s+"
    r"(?:any|every|each|любые|каждые|любых|каждых|любой|каждый)\s+$", re.IGNORECASE)


def _in_the_measure_it_is_out_of(best: Candidate, selection: str, context: str) -> Candidate:
    """"180" of "по правилу «90 дней в любые 180»": a bare number after "in any"/"в любые" is in the measure of
    the figure before them."""
    offset = locate(selection, context)
    if offset < 0 or (before := _OUT_OF_ANY_BEFORE_RE.search(context, max(0, offset - 60), offset)) is None:
        return best
    measured = counted_after(context, before.start("unit") - 1)
    if measured is None or not measured.is_measure:
        return best
    return replace(best, value=replace(best.value, unit=measured.unit), salience=Salience.SUBSTANTIAL_QUANTITY)


# "из них", "of which", "оның ішінде" right before a figure: a part of the figure before.
_OF_WHICH_BEFORE_RE = re.compile(r"(?<![\w])(?:из\s+них|из\s+которых|of\s+which|оның\s+ішінде)[\s,]*$", re.IGNORECASE)


def _a_part_of_the_money_before(best: Candidate, selection: str, context: str,
                                publication: Publication | None) -> Candidate:
    """"около 300 млн" of "Бюджет составил 1,1 млрд тенге, из них около 300 млн покрыли спонсоры": a scaled figure
    after "из них" is a part of the amount before, in its currency, whatever word follows it (here a verb, which
    the count reader took for the noun counted)."""
    offset = locate(selection, context)
    if offset < 0 or not _OF_WHICH_BEFORE_RE.search(context, 0, offset):
        return best
    amounts = [c for c in scan(context[:offset], publication) if c.value.kind is ValueKind.MONEY and c.value.unit]
    if not amounts:
        return best
    return replace(best, value=replace(best.value, kind=ValueKind.MONEY, unit=amounts[-1].value.unit),
                   salience=Salience.MONEY)


_A_SPAN_OF_TIME_RE = re.compile(r"(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|лет|год[аоу]?|"
                                r"месяц\w*|недел\w*|дн(?:я|ей)|день|час\w*|минут\w*|жыл|ай|апта|күн|сағат|минут)")
_AND_BETWEEN_RE = re.compile(r"(?<![\w])(?:and|и|және)\s")


def _in_the_measure_of_the_figure_before(best: Candidate, stripped: str, context: str,
                                        publication: Publication | None) -> Candidate:
    """"1.9 million" of "412,000 man-hours were worked in August, and 1.9 million since the start" (set 68): a scaled
    figure with no unit after a figure with a measure in its own sentence, and no money between, is in that measure,
    whatever currency the text named before."""
    if (offset := locate(stripped, context)) <= 0:
        return best
    figures = scan(context[:offset], publication)
    if not figures or figures[-1].value.kind is not ValueKind.QUANTITY or not figures[-1].value.unit or \
            _A_SPAN_OF_TIME_RE.fullmatch(figures[-1].value.unit) or \
            not _AND_BETWEEN_RE.search(context, figures[-1].end, offset) or \
            any(candidate.value.kind is ValueKind.MONEY for candidate in figures):
        # (Only a figure joined to it by "and", parallel to it; never a span of time, "In 2 years the population grew
        # to 1.2 million", whose figure is no number of years.)
        return best
    return replace(best, value=replace(best.value, unit=figures[-1].value.unit), salience=Salience.SUBSTANTIAL_QUANTITY)


def _in_the_currency_named_before(best: Candidate, texts: tuple[str, ...], publication: Publication | None) -> Candidate:
    """"roughly six billion" of "Of those ten billion, roughly six billion are committed" after "we announced ten
    billion euros": a scaled figure with no unit is money in the one currency its sentence, the sentence before or
    the text before them names (read in that order; two currencies named leave it a bare figure)."""
    for text in texts:
        codes = {candidate.value.unit for candidate in scan(text, publication)
                 if candidate.value.kind is ValueKind.MONEY and candidate.value.unit}
        if len(codes) == 1:
            return replace(best, value=replace(best.value, kind=ValueKind.MONEY, unit=codes.pop()),
                           salience=Salience.MONEY)
        if codes:
            return best
    return best


# What is left of a sentence that is a dateline once its date is taken out: a stop or a colon at most.
_DATELINE_RE = re.compile(r"\s*[.:]?\s*")
# A line with no stop at its end (a heading) naming a year: "Казахстан – Европейский союз: хроника 2025 года".
_HEADING_STOPS = (".", "!", "?", ";", ",", "…")


def _the_year_of_the_heading(before: str, earlier: str) -> str | None:
    """The one year the last heading before a dateline names, if one does."""
    for line in reversed(f"{earlier}\n{before}".split("\n")):
        line = line.strip()
        if line and not line.endswith(_HEADING_STOPS):
            years = set(_A_YEAR_RE.findall(line))
            if len(years) == 1:
                return years.pop()
    return None


def _the_tense_of_the_text_before(before: str, earlier: str) -> str | None:
    """The tense of the nearest sentence before a dateline that says one."""
    for text in (before, *reversed(re.split(r"(?<=[.!?])\s+", earlier))):
        if (tense := tense_of(text)) is not None:
            return tense
    return None


def _tense_around(selection: str, context: str) -> tuple[str | None, bool]:
    offset = locate(selection, context)
    return tense_at(context, offset) if offset >= 0 else (tense_of(context), False)


def _the_period_around(best: Candidate, selection: str, context: str, publication: Publication | None) -> Candidate:
    """"first nine months" of "Production for the first nine months was …": a period its sentence names
    with the words the highlight left out ("the", "за")."""
    offset = locate(selection, context)
    if offset < 0 or context == selection:
        return best
    start, end = offset + best.start, offset + best.end
    for candidate in scan(context, publication):
        if candidate.value.kind is ValueKind.DATE_RANGE and candidate.start <= start and end <= candidate.end \
                and (candidate.start == offset or _LEADING_PREPOSITION_RE.fullmatch(context[candidate.start:offset])):
            return replace(best, value=candidate.value)
    return best


def _counted_by_the_sentence_before(best: Candidate, selection: str, context: str, before: str,
                                    publication: Publication | None) -> Candidate:
    offset = locate(selection, context)
    if offset < 0:
        return best
    start, end = offset + best.start, offset + best.end
    for candidate in counted_by_the_sentence_before(scan(context, publication), context, before):
        # (A quantity too: "800 тыс." after "… может достичь 1–1,2 млн тонн." is in tonnes.)
        if (candidate.value.kind in (ValueKind.COUNT, ValueKind.MONEY) or candidate.value.unit) \
                and candidate.start < end and start < candidate.end \
                and _figure(candidate.value) == _figure(best.value):
            return replace(best, value=candidate.value)
    return best


# "by the end of October" with "October" highlighted; "за первое полугодие" with "первое полугодие".
_LEADING_PREPOSITION_RE = re.compile(
    rf"(?:(?i:{LEADING_PREPOSITIONS}|for|over|за|the|end|beginning|start|middle|конца|начала|середины"
    # "January and September" of "carried 48,500 TEU between January and September"
    rf"|between|между)\s+)+")
_ONE_THING_RE = re.compile(r"(?P<bound>[^\d]*?\s)?(?P<one>(?i:one|один|одна|одно|бір))\s+(?!(?i:of|из|из-за|and|or|и|или)(?![\w]))(?P<noun>[^\W\d_][\w -]*)")
_YEAR_RE = re.compile(r"(?<!\d)[12]\d{3}(?!\d)")
# "бір ғана дәрігер" (only one doctor): "бір" restricted by "ғана/қана" is the number, never the article.
_ONLY_AFTER_ONE_RE = re.compile(r"(?i:ғана|қана)\s")
_OF_AFTER_ONE_RE = re.compile(r"\s+(?i:из|из-за)(?![\w])")


def _the_range_around(best: Candidate, selection: str, context: str, publication: Publication | None, *,
                      opened: bool = False) -> Candidate:
    """"2016 and 2019" of "doubled between 2016 and 2019": two years whose sentence makes them a range,
    with the word that does ("between", "между") left out of the highlight. `opened`: any two figures or
    months joined by "and" right after that word ("between 1.2 and 1.6 million tonnes")."""
    offset = locate(selection, context)
    if offset < 0 or context == selection:
        return best
    if opened and not _BETWEEN_BEFORE_RE.search(context, 0, offset) and \
            not _BETWEEN_AFTER_RE.match(context, offset + len(selection)) and \
            not (_JOINED_BY_TO_RE.search(selection) and _FROM_BEFORE_RE.search(context, 0, offset)):
        return best
    end = offset + len(selection)
    for candidate in scan(context, publication):
        value = candidate.value
        # ("18 бен 30 жас": the first figure alone may read as a count of the next word, the range as ages.)
        is_range = value.kind is ValueKind.DATE_RANGE or (
            opened and (value.kind is best.value.kind or (
                {value.kind, best.value.kind} <= {ValueKind.COUNT, ValueKind.QUANTITY}
                and best.value.amount in (value.lower, value.upper)))
            and value.amount is None and value.lower is not None and value.upper is not None)
        if is_range and candidate.start <= offset and end <= candidate.end:
            return replace(best, value=value)
    return best


_JOINED_BY_AND_RE = re.compile(r"\s(?i:and|и|мен|бен|пен)\s")
# "8 до 25 тыс. евро" of "суммы составили от 8 до 25 тыс. евро": the word that opens the range is left out.
_JOINED_BY_TO_RE = re.compile(r"\d\S*\s+(?i:до|to)\s+\d")
_FROM_BEFORE_RE = re.compile(r"(?<![\w])(?i:от|from)\s+$")
_BETWEEN_BEFORE_RE = re.compile(r"(?<![\w])(?i:between|между)\s+$")
# Kazakh says "between" after the two: "18 бен 30 жас аралығындағы" (aged between 18 and 30).
_BETWEEN_AFTER_RE = re.compile(r"\s+(?i:аралығ)")


def _completed_by_the_sentence(selection: str, context: str, publication: Publication | None) -> list[Candidate]:
    """Figures inside the highlight that only its sentence makes figures: "almost twice" of "almost twice
    the 2019 level" ("twice" alone may count occasions: "met twice")."""
    offset = locate(selection, context)
    if offset < 0 or context == selection:
        return []
    end = offset + len(selection)
    # "September" of "Bids will be opened in September": a month name is a date only after its
    # preposition, which the highlight may leave out.
    return [replace(candidate, start=max(0, candidate.start - offset), end=candidate.end - offset)
            for candidate in scan(context, publication)
            if (offset <= candidate.start or _LEADING_PREPOSITION_RE.fullmatch(context[candidate.start:offset]))
            # ("1,000th" of "its 1,000th locomotive": an ordinal highlighted without the noun it numbers.)
            # (A month's reading may take the full stop after it as an abbreviation's: "… between March and May.")
            and (candidate.end <= end or context[end:candidate.end] == "."
                 or (candidate.salience is Salience.ORDINAL and candidate.start == offset))]


def _a_count_beside_the_year(candidates: list[Candidate], selection: str, context: str,
                             publication: Publication | None) -> Candidate | None:
    """"from 96 in 2019" in "The number of projects fell from 96 in 2019 to 71 in 2024": a bare number
    its sentence counts is the figure, and the year beside it only says when."""
    for candidate in candidates:
        value = candidate.value
        if candidate.salience is Salience.BARE_NUMBER and value.kind is ValueKind.QUANTITY and not value.unit:
            read = _as_the_sentence_reads(candidate, selection, context, publication)
            if read.value.kind is ValueKind.COUNT and read.value.unit:
                return read
    return None


# Words that are a bound only with the words before them: "от" (from), "from", "до" (up to).
# "в течение 30 дней" of "в течение 30 дней со дня решения" is a time limit as "within 30 days of" is.
_STARTS_WITH_A_BOUND_WORD_RE = re.compile(r"(?i:от|from|within|в\s+течение)\s")
# "отыз күн ішінде" (within thirty days) is a time limit when the sentence counts it from an event.
_ENDS_WITH_WITHIN_RE = re.compile(r"\s(?i:ішінде)$")
# A Kazakh ablative figure whose "from" stands after the highlight: "118 млн теңгеден" of "тракторлар – 118 млн
# теңгеден бастап" (tractors from 118 million tenge), "280 мың теңгеден" of "жалақысы 280 мың теңгеден басталады".
_ABLATIVE_END_RE = re.compile(r"(?:дан|ден|тан|тен|нан|нен)$", re.IGNORECASE)
_FROM_AFTER_RE = re.compile(r"\s+(?i:бастап|басталады|басталатын)(?![^\W\d_])")
# "thirty days from delivery" in "the buyer had thirty days from delivery to notify": the words that make
# it a limit ("had", "within") may stand before the highlight.
# So may "в течение" before "48 часов с момента подачи заявки", "10 дней со дня получения": the Russian limit counted
# from an event, highlighted without its "within" (set 59).
_TIME_FROM_AN_EVENT_RE = re.compile(r"(?i:days?|weeks?|months?)\s+(?i:from|of)\s"
                                    r"|(?i:дн(?:я|ей)|день|недел[иью]|недель|месяц(?:а|ев)?|час(?:а|ов)?|сут(?:ок|ки)|лет|года?)"
                                    r"\s+(?i:со\s+дня|с\s+даты|с\s+момента)(?!\w)")


_RUSSIAN_CURRENCY_CODES = (("kzt", "KZT"), ("rub", "RUB"), ("eur", "EUR"), ("usd", "USD"))
RUSSIAN_CURRENCY_COUNTED_RE = re.compile(r"(?P<kzt>тенге)|(?P<rub>рубл[а-яё]*)|(?P<eur>евро)|(?P<usd>доллар[а-яё]*)",
                                          re.IGNORECASE)
_V_BEFORE_RE = re.compile(r"(?<![\w])(?i:во?)\s+$")


_PART_BEFORE_THE_WHOLE_RE = re.compile(r"(?:\d[\d,. \u00a0]*|[^\W\d_]+)\s+(?i:из|of|out\s+of)\s+(?:(?i:the)\s+)?")


def locate(selection: str, context: str) -> int:
    """Where the highlight is in its sentence: as a whole word when it is one there ("екі" of "… бекіту; басқарманың
    екі жаңа мүшесін" is not the "екі" inside "бекіту"), else its first occurrence."""
    first = context.find(selection)
    if first < 0 or not (selection[:1].isalnum() and selection[-1:].isalnum()):
        return first
    # (A plain search, not a pattern per highlight: Ctrl+N locates each highlight several times.)
    at = first
    while at >= 0:
        end = at + len(selection)
        if (at == 0 or not context[at - 1].isalnum()) and (end == len(context) or not context[end].isalnum()):
            return at
        at = context.find(selection, at + 1)
    return first


_UNTIL_OR_FROM_RE = re.compile(r"(?i:until|till|from|by|до|с|со)\s+")
_UNTIL_OR_FROM_AFTER_RE = re.compile(r"\s+(?i:дейін|шейін|бастап)|(?<=[^\W\d_])[^\W\d_]{2,3}\s+(?i:дейін|шейін|бастап)")


def _as_the_sentence_reads(best: Candidate, selection: str, context: str, publication: Publication | None) -> Candidate:
    """`best` without a bound that only the words before the highlight undo.

    A bound word at the start of a highlight may belong to a phrase that starts before it:
    "до 14,75%" in "снизил ставку до 14,75%" is the level reached, not "up to"; "до 90 евро" in
    "с 80 до 90 евро" is where a change ends; "over five years" in "€8.5 million over five years"
    is the length of a budget, not "more than". The sentence's reading of the same figure decides;
    a bound the highlight leaves out ("50%" of "more than 50%") is not added, since the curator
    chose the words. A bare number takes what the sentence says it counts ("достигло 1500" in
    "Число студентов … достигло 1500")."""
    bounded = best.value.lower is not None or best.value.upper is not None
    bare = best.value.kind is ValueKind.QUANTITY and not best.value.unit
    # "19 отырысын" has no letter only Kazakh writes; its sentence does, and reads the noun as Kazakh (not a name in
    # quotes alone: "акции АО «ҚазМұнайГаз Сервис» за 12 месяцев" is Russian, its "месяцев" a measure of time)
    # ("жеті басым жобаны" has one only in the number word, which the noun reader sees as "7").
    kazakh_sentence = best.value.kind in (ValueKind.COUNT, ValueKind.QUANTITY) and bool(best.value.unit) \
        and not has_kazakh_letters(rewrite_number_words(selection).text) \
        and has_kazakh_letters(_QUOTED_NAME_RE.sub("", context)) and not _russian_with_kazakh_names_only(context)
    # (Only when "бастап/басталады" follows the highlight: a sentence scan for every ablative would cost Ctrl+N time.)
    floor_after = not bounded and _ABLATIVE_END_RE.search(selection) is not None and (
        (at := locate(selection, context)) >= 0 and _FROM_AFTER_RE.match(context, at + len(selection)) is not None)
    adoptable_bound = not bounded and (_STARTS_WITH_A_BOUND_WORD_RE.match(selection) is not None
                                       or _ENDS_WITH_WITHIN_RE.search(selection) is not None
                                       or _TIME_FROM_AN_EVENT_RE.search(selection) is not None)
    # "алты ай бұрын" in "аяқталғанға дейін алты ай бұрын" is six months before an event the sentence
    # names, not six months ago, and "за 8 месяцев" in "Мост построили за 8 месяцев" a span, not January
    # to August: a date counted from publication yields to the sentence's span of time.
    # (So does the note asking for a publication date the source has not: the sentence's span needs none.)
    counted_back = (best.salience is Salience.RELATIVE_DATE and best.value.kind in (ValueKind.DATE, ValueKind.DATE_RANGE)) \
        or (best.salience is Salience.UNANCHORED_DATE and best.missing is not None)
    # "three years later" in "The plant opened in 2012, and three years later …": 2015, from the year before.
    stepped = best.salience is Salience.RELATIVE_DATE and best.value.kind is ValueKind.QUANTITY
    if not (bounded or bare or kazakh_sentence or adoptable_bound or counted_back or stepped or floor_after):
        return best
    offset = locate(selection, context)
    if offset < 0 or context == selection:
        return best
    start, end = offset + best.start, offset + best.end
    for candidate in scan(context, publication):
        value = candidate.value
        if stepped and candidate.start < end and start < candidate.end and value.kind is ValueKind.DATE:
            return replace(best, value=value)
        if counted_back:
            if candidate.start < end and start < candidate.end and value.kind is ValueKind.QUANTITY and value.unit:
                return replace(best, value=value, missing=None)
            if value.kind is ValueKind.DATE and candidate.start <= start < end <= candidate.end and (
                    _UNTIL_OR_FROM_RE.fullmatch(context, candidate.start, start)
                    or _UNTIL_OR_FROM_AFTER_RE.fullmatch(context, end, candidate.end)):
                # "Friday" of "stays open until Friday", "жұмаға" of "жұмаға дейін": the words around the highlight
                # say the day lies ahead.
                return replace(best, value=value)
            continue
        if adoptable_bound and value.kind is best.value.kind and value.amount is None and value.lower is not None \
                and value.upper is not None and candidate.start <= start and end <= candidate.end:
            # "from €300,000 to €800,000" of "grants will range from €300,000 to €800,000": the verb
            # before the highlight makes its two figures a range.
            return replace(best, value=value)
        if bare and value.kind is ValueKind.COUNT and value.unit and candidate.start < start < candidate.end \
                and _PART_BEFORE_THE_WHOLE_RE.fullmatch(context[candidate.start:start]):
            # "74" of "На 43 из 74 еженедельных рейсов", "27" of "Nine of 27 member states": the whole, read with
            # its part, counts the same noun.
            return replace(best, value=replace(best.value, kind=ValueKind.COUNT, unit=value.unit))
        if bare and best.value.amount is None and best.value.lower is not None and best.value.upper is not None \
                and candidate.start <= start < candidate.end and value.kind is ValueKind.QUANTITY and value.unit \
                and value.amount == best.value.lower:
            # "four to five" of "waits shortened to 2.5 days from four to five": the sentence reads its first figure
            # as the start of a change in days, and the highlight names the range it started from.
            return replace(best, value=replace(best.value, unit=value.unit))
        if not (candidate.start < end and start < candidate.end and _figure(value) == _figure(best.value)):
            continue
        if best.value.lower is not None and value.kind is best.value.kind and value.amount is None \
                and value.lower is None and value.upper is not None:
            # "no earlier than 72 hours" of "… no earlier than 72 hours before loading": the event after the
            # highlight makes a ceiling of its lower bound.
            return replace(best, value=value)
        if bounded and value.lower is None and value.upper is None and (bare or value.kind is best.value.kind):
            # (Only the same reading undoes a bound: the "10" inside "fewer than one in ten" is no share.)
            unbounded = replace(best.value, amount=_figure(best.value), lower=None, upper=None)
            if bare and value.unit and value.kind in (ValueKind.COUNT, ValueKind.QUANTITY):
                unbounded = replace(unbounded, kind=value.kind, unit=value.unit)  # "до 92" of "Число рейсов … до 92"
            return replace(best, value=unbounded)
        if floor_after and value.kind is best.value.kind and value.lower is not None and value.upper is None:
            # (A range's start, "3 000 теңгеден бастап 9 000 теңгеге дейін", is read with no floor: left as it is.)
            return replace(best, value=replace(best.value, amount=value.amount, lower=value.lower))
        if adoptable_bound and (value.lower is not None or value.upper is not None):
            # "от 39 евро" of "Билеты стоят от 39 евро": the bound word is in the highlight, the
            # words that make it one ("стоят от") are in the sentence.
            return replace(best, value=replace(best.value, amount=value.amount, lower=value.lower, upper=value.upper))
        if kazakh_sentence and value.kind in (ValueKind.COUNT, ValueKind.QUANTITY) and value.unit:
            # (And whether it counts or measures: "20-30 сантиметрге" read as Kazakh is a length.)
            return replace(best, value=replace(best.value, kind=value.kind, unit=value.unit))
        if bare and value.unit and value.kind in (ValueKind.COUNT, ValueKind.QUANTITY, ValueKind.MONEY):
            # "to 182,000" in "The number of visas … rose to 182,000": the sentence names what it counts;
            # "свыше 1,5 млрд" in "около 10 млрд евро, из них свыше 1,5 млрд" its currency.
            return replace(best, value=replace(best.value, kind=value.kind, unit=value.unit))
    return best


def _figure(value: TypedValue) -> float | None:
    """The number a value was read from: its amount, or the ceiling's bound ("up to 50" keeps no
    amount); None for a range."""
    if value.amount is not None or value.lower is not None:
        return value.amount
    return value.upper


def note_for(candidate: Candidate) -> str | None:
    if candidate.missing is None:
        return None
    return missing_publication_note(candidate.value.text or "", candidate.missing)


def suggest_value(selection: str, *, published: str | None = None) -> TypedValue:
    """The value of `suggest`, for callers that show no note."""
    return suggest(selection, published=published).value
