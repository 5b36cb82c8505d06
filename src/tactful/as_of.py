"""The day a message is written. A situation has no such field, but the user's facts often tell of events
after today ("reminders were sent on 3 and 17 March 2027"): the message is written after them, and an
invoice due before them is overdue, and the notice period is counted from them. Patterns are in
``guidelines/dates.yaml`` (``as_of``)."""

from __future__ import annotations

import datetime as dt
import re

from .dates import DateInputError, _config, parse_date
from .language import situation_language
from .situation import Situation
from .text import parse_ru

# Where a note's sentence or line ends: dates and counts are read within one.
_SENTENCE_BREAK = re.compile(r"[.;!?]\s+|\n")


def as_of(situation: Situation, today: dt.date | None = None) -> dt.date:
    """Today, or the latest day before the end date on which the user's facts date a past event (or the
    day they say they write, or, for a call or a meeting, the day it is held), whichever is later."""
    today = today or dt.date.today()
    language = situation_language(situation)
    patterns = _config()["as_of"][language]
    stated: list[dt.date] = []
    past: list[dt.date] = []
    end = situation.end_date
    notes = [*situation.facts, *situation.reasons, *(situation.context or "").splitlines()]
    # The user's own count of the notice ("28 days, which is 4 January") is the day it is given, whatever else the
    # notes date: a call a day later, or a past event the count's day was taken for.
    counted = _counted_notice(notes, situation.contract.notice_days, patterns, language, today)
    # A count read wrong (a day of the year after) dates nothing: the notice is given before the end, and soon.
    if counted and (not end or counted < end) and (counted - today).days <= 90:
        return max(today, counted)
    for note in notes:
        for part in _SENTENCE_BREAK.split(note):
            # "Writing on 12 April, ending on 25 April": the day that follows the words about the writing.
            # The last day of a span ("9–12 февраля 2027", the exhibition the contract is for) is no day an
            # event happened on. The day of a call may go without its year ("Monday 7 December"); words about the
            # writing that date nothing («звоню во вторник 8 декабря, письмо отправляю сразу после звонка») leave it
            # to the call's day.
            # A past event is before the end date; a later one is a plan the sentence's verbs misread.
            def before_end(text: str, pattern: str) -> list[dt.date]:
                return [d for d in _dates(text, patterns[pattern], language, today, spans=False) if not end or d < end]

            # "30 days from Monday runs to 6 January": given on the next Monday.
            if weekday := re.search(patterns.get("from_weekday", "(?!)"), part, flags=re.IGNORECASE):
                ahead = (patterns["weekdays"][weekday["day"].lower()] - today.weekday()) % 7 or 7
                if not end or today + dt.timedelta(days=ahead) < end:
                    stated.append(today + dt.timedelta(days=ahead))
            written = re.search(patterns["written"], part, flags=re.IGNORECASE)
            given = re.search(patterns["given"], part, flags=re.IGNORECASE)
            spoken = re.search(patterns["spoken"], part, flags=re.IGNORECASE) if situation.channel in ("call", "meeting") else None
            dates, said = [], None
            for found, pattern in ((written, "date_in_text"), (given, "spoken_date"), (spoken, "spoken_date")):
                if found and (dates := before_end(part[found.end():], pattern)):
                    said = found
                    break
            if not said:
                dates = before_end(part, "date_in_text")
            written = said
            if not dates:
                continue
            if written:
                stated.append(dates[0])
            elif _is_past(part, language, patterns):
                past.append(max(dates))
    return max([today, *(stated or past)])



def notice_end(situation: Situation, written: dt.date | None = None) -> dt.date | None:
    """The day the contract's notice period ends, counted from ``written`` (the day the message is written,
    `as_of` when not given), when the end date falls before it: the end failing agreement to the earlier
    date. None when the end date leaves the whole notice period, or either is unknown."""
    days = situation.contract.notice_days
    if not (situation.end_date and days):
        return None
    ends = (written or as_of(situation)) + dt.timedelta(days=days)
    return ends if situation.end_date < ends else None


# An end this many days or fewer before the notice runs out is the last day of the work under formal notice, not
# an earlier end to agree on.
GRACE_DAYS = 3


def within_grace(end: dt.date, notice_ends: dt.date) -> bool:
    """Whether ``end`` falls a day or three before ``notice_ends`` (see `GRACE_DAYS`)."""
    return (notice_ends - end).days <= GRACE_DAYS


def planned(situation: Situation, facts: list[str], written: dt.date) -> list[str]:
    """The facts that tell of something still to happen before the work ends ("the mock test is on 15
    December 2026", «перевод отчёта запланирован к сдаче 22 января 2027 года»): dated after ``written`` (the
    writing day, `as_of`) and before the end date (a fact on the end date itself mostly says it again), and
    not told as past; in a call or a meeting, not the talk itself ("meeting on site, Thursday 10 December 2026")."""
    today = dt.date.today()
    end = situation.end_date
    if not end:
        return []
    language = situation_language(situation)
    patterns = _config()["as_of"][language]
    return [fact for fact in facts
            if any(written < d < end for d in _dates(fact, patterns["date_in_text"], language, today))
            and not _is_past(fact, language, patterns)
            and not (situation.channel in ("call", "meeting") and re.search(patterns["the_talk"], fact, flags=re.IGNORECASE))]


def _counted_notice(notes: list[str], days: int | None, patterns: dict, language: str, today: dt.date) -> dt.date | None:
    """The day the notice is given by the user's own count of it: a note on the contract that names its number of
    days and, after it, the day the notice ends ("clause 6 - 28 days, which is 4 January"), read as that day less
    the days. None when no note does."""
    if not days or "notice_days" not in patterns:
        return None
    for note in notes:
        contract = re.search(patterns["notice_words"], note, flags=re.IGNORECASE)
        for part in _SENTENCE_BREAK.split(note):
            # "90 days from Mon 7 Dec is Sun 7 March" counts the notice without naming the contract.
            count = next((m for m in re.finditer(patterns["notice_days"], part, flags=re.IGNORECASE) if int(m["days"]) == days
                          and (contract or re.match(patterns["counted_from"], part[m.end():], flags=re.IGNORECASE))), None)
            ends = _dates(part[count.end():], patterns["spoken_date"], language, today, spans=False) if count else []
            # "from Mon 7 Dec is Sun 7 March": the day counted from opens the count; the next is the end.
            if count and re.match(patterns["counted_from"] + r"\s*(?:[^\W\d_]{2,11}\.?,?\s+)?\d", part[count.end():], flags=re.IGNORECASE):
                ends = ends[1:]
            if ends:
                return ends[0] - dt.timedelta(days=days)
    return None


def _dates(text: str, pattern: str, language: str, today: dt.date, spans: bool = True) -> list[dt.date]:
    """The dates written out in ``text`` (the pattern asks for their year); without ``spans``, not one that
    closes a span of days ("9–12 February 2027")."""
    found = []
    for match in re.finditer(pattern, text, flags=re.IGNORECASE):
        if not spans and re.search(r"\d\s*[–—-]\s*$", text[:match.start()]):
            continue
        try:
            date = parse_date(match[0], today=today, language=language)
        except DateInputError:
            continue
        if date:
            found.append(date)
    return found


def _is_past(text: str, language: str, patterns: dict) -> bool:
    """Whether a sentence tells of something that has happened: its words (English), or a verb in the past
    tense or a short participle («истёк», «не оплачен») in Russian."""
    if re.search(patterns["future"], text, flags=re.IGNORECASE):
        return False
    if language == "ru":
        return any(parse and ({"past"} & parse[0].tag.grammemes or "PRTS" in parse[0].tag)
                   for parse in (parse_ru(w) for w in re.findall(r"[а-яё]+", text.lower())))
    return bool(re.search(patterns["past"], text, flags=re.IGNORECASE))
