"""Dates in pasted text: found by the language's patterns, read by dateparser (relative ones against the
date of the message they are in), and the one that is the last day of the cooperation picked out."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

# dateparser's own dependency: the day Easter falls on (`holiday_spans`)
from dateutil.easter import easter

from ..vocab import Language
from .layout import Layout, Line


@dataclass
class DateMention:
    date: dt.date
    start: int
    end: int
    score: float
    month_end: bool = False  # "the end of March": a period's end, not a day named
    bare: bool = False  # "the 14th", «18-го»: a day of the month given alone, read as the coming one


@cache
def _parser():
    import dateparser  # heavy: loaded on first extraction only

    return dateparser


def _day_in_digits(text: str, language: Language) -> str:
    """'the first of March' -> 'the 1 of March', «двадцать пятого мая» -> «25 мая»."""
    from .patterns import patterns

    d = patterns(language)["dates"]
    units, tens = d.get("ordinals", []), d.get("ordinal_tens", [])
    found: list[tuple[int, int, int]] = []  # (start, end, day) of each day in words
    for m in re.finditer(r"[^\W\d_]+", text):
        unit = next((i + 1 for i, w in enumerate(units) if w.fullmatch(m.group())), 0)
        ten = 0 if unit else next(((i + 2) * 10 for i, w in enumerate(tens) if w.fullmatch(m.group())), 0)
        if unit and found and found[-1][2] in (20, 30) and not text[found[-1][1] : m.start()].strip(" -"):
            found[-1] = (found[-1][0], m.end(), found[-1][2] + unit)  # "twenty-first", «двадцать пятого»
        elif unit or ten:
            found.append((m.start(), m.end(), unit or ten))
    for start, end, day in reversed(found):
        text = text[:start] + str(day) + text[end:]
    return text


def parse_date(text: str, language: Language, base: dt.date) -> dt.date | None:
    text = _day_in_digits(text, language)
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    day = re.fullmatch(r"(?:[^\W\d_]+day,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|-?го)", text.strip(), re.I)
    if day:  # "the 18th", "Tuesday 31st", «20-го»: that day of this month, or of the next once it has passed
        n = int(day.group(1))
        year, month = (base.year, base.month) if n >= base.day else (base.year + base.month // 12, base.month % 12 + 1)
        return dt.date(year, month, n) if 1 <= n <= calendar.monthrange(year, month)[1] else None
    said = re.sub(r"^(.+?)\s+(?:from|after)\s+(?:today|now)$", r"in \1", text.strip(), flags=re.I)  # "30 days from today"
    # "a month today", "a week today": the British count to the same day ahead, not that long ago
    said = re.sub(r"^(\w+\s+(?:weeks?|months?|fortnights?))\s+today$", r"in \1", said, flags=re.I)
    said = re.sub(r"^(\w+)\s+more\s+(\w+)$|^(?:ещё|еще)\s+(\w+)\s+(\w+)$", lambda m: f"in {m.group(1) or m.group(3)} {m.group(2) or m.group(4)}",
                  said, flags=re.I)  # "two more weeks", «ещё две недели»: counted from the day of writing
    count = re.fullmatch(r"(?:через|in|within)\s+(?:(\w+)\s+)?(дн\w*|день|недел\w*|месяц\w*|days?|weeks?|wks?|months?|mths?|fortnights?)", said, re.I)
    if count:  # «через месяц», "in three weeks": counted from the base date (months by the calendar)
        return _after(count.group(1), count.group(2).lower(), base)
    short = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", text.strip())
    if short:  # «с 01.02»: that day of this year, or of the next once it has passed
        day, month = int(short.group(1)), int(short.group(2))
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(base.year, month)[1]):
            return None
        date = dt.date(base.year, month, day)
        return date if date >= base else dt.date(base.year + 1, month, min(day, calendar.monthrange(base.year + 1, month)[1]))
    # «07.02.28», "07/02/28": a two-digit year is this century's (dateparser, preferring the future, reads 2128)
    text = re.sub(r"^(\d{1,2}[./]\d{1,2}[./])(\d{2})$", lambda m: f"{m.group(1)}20{m.group(2)}", text.strip())
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b|(\d)-?го(?=\s+[а-яё])", r"\1\3", text)
    cleaned = re.sub(r"\s*(года|г\.)$", "", cleaned.strip())
    cleaned = re.sub(r"^(?:as of|effective)\s+", "", cleaned, flags=re.I)  # "as of today": today is still a working day
    parsed = _parser().parse(cleaned, languages=[language, "en"], settings=settings)
    return parsed.date() if parsed else None


def _year_before(date: dt.date) -> dt.date:
    return dt.date(date.year - 1, date.month, min(date.day, calendar.monthrange(date.year - 1, date.month)[1]))


def _after(number: str | None, unit: str, base: dt.date) -> dt.date | None:
    from .fields import _NUMBERS

    n = _NUMBERS.get((number or "one").lower()) or (int(number) if number and number.isdigit() else None)
    if n is None:
        return None
    if unit.startswith(("month", "mth", "месяц")):
        month = base.month - 1 + n
        year, month = base.year + month // 12, month % 12 + 1
        return dt.date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
    return base + dt.timedelta(days=n * (14 if unit.startswith("fortnight") else 7 if unit.startswith(("week", "wk", "недел")) else 1))


def _end_of(word: str, periods: dict, language: Language, base: dt.date) -> dt.date | None:
    word = word.lower()
    head, _, rest = word.partition(" ")
    if rest and any(w.fullmatch(head) for w in periods["next"]):
        # "end of next month/year/quarter": the end of the period after the one containing ``base``.
        end = _end_of(rest, periods, language, base)
        return _end_of(rest, periods, language, end + dt.timedelta(days=1)) if end else None
    # "the first quarter", «первого квартала»: the quarter by its number
    number = next((i for i, w in enumerate(periods.get("quarters", [])) if w.fullmatch(word)), None)
    word, rest = (f"q{number + 1}", "") if number is not None else (word, rest)
    if rest:  # "this month"
        word = rest
    if re.fullmatch(r"q[1-4]", word):
        month = int(word[1]) * 3
        year = base.year if month >= base.month else base.year + 1
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    kind = next((k for k, words in periods.items() if any(w.fullmatch(word) for w in words)), None)
    if kind == "month":
        return dt.date(base.year, base.month, calendar.monthrange(base.year, base.month)[1])
    if kind == "year":
        return dt.date(base.year, 12, 31)
    if kind == "quarter":
        month = ((base.month - 1) // 3 + 1) * 3
        return dt.date(base.year, month, calendar.monthrange(base.year, month)[1])
    first = parse_date(f"1 {word}", language, base)
    if first is None:
        return None
    # "the end of April" said on 5 April is this April's end: its first day has passed, its end has not.
    year = first.year - 1 if first.year > base.year and dt.date(first.year - 1, first.month, 28) >= base.replace(day=1) else first.year
    return dt.date(year, first.month, calendar.monthrange(year, first.month)[1])


def _last_weekday(day_word: str, month_word: str, d: dict, language: Language, base: dt.date) -> dt.date | None:
    """The last given weekday of a month ("the last Friday of January", «в последнюю пятницу января»)."""
    day = next((i for i, w in enumerate(d["weekdays"]) if w.fullmatch(day_word.lower())), None)
    end = _end_of(month_word, d["periods"], language, base)
    if day is None or end is None:
        return None
    return end - dt.timedelta(days=(end.weekday() - day) % 7)


def _holiday(rule: re.Pattern, holidays: dict, base: dt.date) -> dt.date | None:
    """The day a holiday's pattern names (its key, month-day), on or after ``base``: a holiday said as a plan is the
    coming one."""
    key = next((k for k, v in holidays.items() if v is rule), None)
    if key is None:
        return None
    month, day = (int(n) for n in key.split("-"))
    date = dt.date(base.year, month, day)
    return date if date >= base else dt.date(base.year + 1, month, day)


def _day_of(key: str, year: int) -> dt.date:
    """A day of the given year from a `holiday_spans` key part: "01-08" (month-day) or "easter+1" (days from Easter Sunday,
    which moves from year to year)."""
    m = re.fullmatch(r"easter([+-]\d+)?", key)
    if m:
        return easter(year) + dt.timedelta(days=int(m.group(1) or 0))
    month, day = (int(n) for n in key.split("-"))
    return dt.date(year, month, day)


def _holiday_span(rule: re.Pattern, spans: dict, base: dt.date, before: str, d: dict) -> dt.date | None:
    """A holiday of several days ("the Easter weekend", «новогодние каникулы»), said as a plan, is the coming one: worked
    through ('we'll see them through the Easter weekend and then stop', «отработаем новогодние каникулы») its last day is
    the day meant; said after 'before' («до майских») the day before its first. Its key is "first..last"."""
    key = next((k for k, v in spans.items() if v is rule), None)
    if key is None:
        return None
    first, _, last = key.partition("..")
    for year in (base.year - 1, base.year, base.year + 1):
        start, end = _day_of(first, year), _day_of(last, year)
        end = end if end >= start else _day_of(last, year + 1)  # a span over the New Year
        if end >= base:
            break
    prior = d.get("before_prefix")
    return start - dt.timedelta(days=1) if prior is not None and prior.search(before) else end


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    rights = [i for i in (text.find(ch, end) for ch in "!?\n") if i != -1]
    dot = re.search(r"\.(\s|$)", text[end:])
    if dot:
        rights.append(end + dot.start())
    return left, min(rights) if rights else len(text)


def _sentence(text: str, start: int, end: int) -> str:
    left, right = _sentence_span(text, start, end)
    return text[left:right]


def find_dates(layout: Layout, pats: dict, language: Language, today: dt.date) -> list[DateMention]:
    """Every date in the notes and message bodies, scored as a candidate for the end date: the user's own
    notes count most, then the thread's newest messages (a later message settles what an earlier asked)."""
    d = pats["dates"]
    text = layout.text
    found: list[DateMention] = []
    chunks: list[tuple[list[Line], dt.date, float]] = [(layout.notes, today, 1.0)]
    for i, message in enumerate(layout.messages):
        sent = message.headers.get("date")
        base = (parse_date(sent[0], language, today) if sent else None) or today
        chunks.append((message.body, base, max(0.0, 0.4 - 0.1 * i)))
    for lines, base, own in chunks:
        for line in lines:
            segment = text[line.start : line.end]
            taken: list[tuple[int, int]] = []
            # "the end of next month" is read whole before "next month" could be read on its own.
            for kind, rules in (("end_of", [d["end_of"]]), ("last_weekday", [d["last_weekday"]]), ("next_week", [d["next_week_day"]]),
                                ("from_weekday", [d["from_weekday"]]), ("start_of", [d["start_of"]]),
                                ("holiday_span", list(d.get("holiday_spans", {}).values())),
                                ("holiday", list(d.get("holidays", {}).values())),
                                ("new_year", [d["new_year"]] if d.get("new_year") else []),
                                ("absolute", d["absolute"]), ("relative", d["relative"])):
                for rule in rules:
                    for m in rule.finditer(segment):
                        if any(a < m.end() and m.start() < b for a, b in taken):
                            continue
                        month = None
                        if kind == "end_of":  # "end of March", "EOM"
                            date = _end_of(m.group("value") or m.groupdict().get("abbr") or "", d["periods"], language, base)
                            named = _weekday_beside(segment, m, d) if date else None
                            date = date - dt.timedelta(days=(date.weekday() - named) % 7) if named is not None else date
                        elif kind == "last_weekday":  # "the last Friday of January"
                            date = _last_weekday(m.group("value"), m.group("month"), d, language, base)
                        elif kind == "next_week":
                            word = (m.group("value") or m.groupdict().get("value2") or "").lower()
                            day = next((i for i, w in enumerate(d["weekdays"]) if w.fullmatch(word)), None)
                            date = base + dt.timedelta(days=7 - base.weekday() + day) if day is not None else None
                        elif kind == "from_weekday":  # "two weeks from Friday": counted from the coming Friday
                            day = next((i for i, w in enumerate(d["weekdays"]) if w.fullmatch(m.group("value").lower())), None)
                            start = base + dt.timedelta(days=(day - base.weekday()) % 7) if day is not None else None
                            date = _after(m.group("count"), m.group("unit").lower(), start) if start else None
                        elif kind == "holiday":  # "Boxing Day", «Рождество»: that day, this year or the next once it has passed
                            date = _holiday(rule, d["holidays"], base)
                        elif kind == "holiday_span":  # "the Easter weekend", «новогодние каникулы»: its last day, or the day before it
                            date = _holiday_span(rule, d["holiday_spans"], base, segment[max(0, m.start() - 30) : m.start()], d)
                        elif kind == "new_year":  # «через две недели после Нового года»: the coming 1 January
                            date = dt.date((base - dt.timedelta(days=15)).year + 1, 1, 1)
                        elif kind == "start_of":  # "from the start of March": its first day (the day before is the last)
                            end = _end_of(m.group("value"), d["periods"], language, base)
                            date = end.replace(day=1) if end else None
                        else:
                            month = _month_before(found, m, segment, line.start)
                            date = parse_date(m.group(), language, month or base)
                        if date is None:
                            continue
                        if kind == "absolute" and date > base + dt.timedelta(days=300) and not re.search(r"\d{4}", m.group()):
                            # «пришли только 2 декабря» said on 9 December: last year's day, not next year's
                            date = _year_before(date)
                        taken.append((m.start(), m.end()))
                        # what is said just before, in the date's own sentence ("Never signed anything. From 1 January")
                        opening = max((b.end() for b in re.finditer(r"[.!?]\s", segment[: m.start()])), default=0)
                        before = segment[max(opening, m.start() - 30) : m.start()]
                        if d["from_prefix"].search(before):
                            date -= dt.timedelta(days=1)
                        sentence = _sentence(segment, m.start(), m.end())
                        # A day named outright ("Monday 14 December", "end of Q1") over a count ("in three weeks").
                        score = own + (2.0 if d["end_markers"].search(sentence) else 0.0) + (0.3 if kind in ("absolute", "end_of", "holiday", "holiday_span") else 0.0)
                        # "sent on", "due": another event's date, unless the sentence also calls it the last day.
                        score -= 1.0 if d["not_end"].search(before[-25:]) else 0.0
                        score -= 5.0 if kind == "new_year" else 0.0  # a day counted from, not the last day itself («до Нового года не останусь»)
                        score -= 1.0 if date < base else 0.0  # a day already past is history, not the plan
                        month_end = kind == "end_of" and named is None
                        bare = kind == "absolute" and month is None and bool(_BARE_DAY.fullmatch(m.group().strip()))
                        found.append(DateMention(date, line.start + m.start(), line.start + m.end(), score, month_end, bare))
            _lag_after(segment, line.start, d, found, taken)
    _bare_day_named(found)
    _echoed(found, layout)
    return _day_over_month_end(found, text)


def _bare_day_named(found: list[DateMention]) -> None:
    """A day of the month given alone ("I'll stop after the deep clean on the 14th") is read as the coming one; when the
    paste names that day in full somewhere later than that, and only one such ("the deep clean … on Thursday 14 January"
    in the client's letter), the day in full is the one meant."""
    for f in found:
        if f.bare:
            named = {g.date for g in found if not g.bare and g.date.day == f.date.day and g.date > f.date}
            if len(named) == 1:
                f.date = named.pop()


def _echoed(found: list[DateMention], layout: Layout) -> None:
    """A day the notes name that the client's message names too («просим продлить сезон до 31 марта» — «держать лёд до конца
    марта …») is most often what the client asks, not the plan: among equally marked days of the notes, one the notes name
    alone goes first. Alone and called the end, it still stands (one with no end word falls below the one-date fallback)."""
    spans = [(line.start, line.end) for m in layout.messages for line in m.body]
    theirs = {f.date for f in found if any(a <= f.start < b for a, b in spans)}
    notes = [(line.start, line.end) for line in layout.notes]
    for f in found:
        if f.date in theirs and any(a <= f.start < b for a, b in notes):
            f.score -= 0.5


def _lag_after(segment: str, offset: int, d: dict, found: list[DateMention], taken: list[tuple[int, int]]) -> None:
    """A last day said as a lag after another dated event ("stop a week after their open day, open day is Sat 6
    March", «через две недели после сдачи, срок сдачи 25 мая»): the event's date in the same sentence, moved on by
    the lag, is the day meant, and the event's own date is not the end."""
    rule = d.get("lag_after")
    for m in rule.finditer(segment) if rule else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        left, right = _sentence_span(segment, m.start(), m.end())
        events = [f for f in found if offset + left <= f.start < offset + right and not f.month_end]
        if not events:
            continue
        event = min(events, key=lambda f: abs(f.start - offset - m.end()))
        date = _after(m.group("count"), m.group("unit").lower(), event.date)
        if date is None:
            continue
        # a lag after the New Year is the last day as a date said outright would be; the New Year alone is none
        counted = d.get("new_year") is not None and d["new_year"].match(segment, event.start - offset)
        found.append(DateMention(date, offset + m.start(), offset + m.end(), event.score + (5.0 if counted else 0.0)))
        event.score -= 2.5


def _weekday_beside(segment: str, m: re.Match, d: dict) -> int | None:
    """The weekday named right beside a period's end in its sentence ("the Thursday at the end of March", «в
    пятницу, в конце апреля»): the last such weekday of the period is the day meant."""
    left = segment[max(0, m.start() - 30) : m.start()]
    left = re.split(r"[.!?;]\s", left)[-1]
    right = re.split(r"[.!?;]\s|[.!?;]$", segment[m.end() : m.end() + 30])[0]
    for side in (left, right):
        for i, word in enumerate(d["weekdays"]):
            if re.search(rf"(?<![\w-])(?:{word.pattern})(?![\w-])", side, word.flags):
                return i
    return None


def _day_over_month_end(found: list[DateMention], text: str) -> list[DateMention]:
    """A day of a month's last week named just beside that month's end ("teach to the end of March and stop, last
    class 30 March", «до конца сентября, последнее занятие 29 сентября») is the day meant: the end gives way."""
    for end in [f for f in found if f.month_end]:
        for day in found:
            gap = text[min(end.end, day.end) : max(end.start, day.start)]
            if not day.month_end and end.date - dt.timedelta(days=7) < day.date < end.date and len(gap) <= 60 \
                    and not re.search(r"[.!?\n]", gap):
                end.score -= 0.5
                break
    return found


# A day of the month given alone ("the 30th", «20-го»).
_BARE_DAY = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th|-?го)", re.I)


def _month_before(found: list[DateMention], m: re.Match, segment: str, offset: int) -> dt.date | None:
    """For a bare day ("the 30th"), the first day of the month an earlier date of the same sentence names:
    "the last Saturday in October, the 23rd no wait the 30th" means 30 October."""
    if not _BARE_DAY.fullmatch(m.group().strip()):
        return None
    earlier = [f for f in found if offset <= f.end <= offset + m.start() and not re.search(r"[.!?](?:\s|$)", segment[f.end - offset : m.start()])]
    return max(earlier, key=lambda f: f.end).date.replace(day=1) if earlier else None


def end_date(mentions: list[DateMention]) -> DateMention | None:
    """The best-scored date with an end marker, among equals the later one (a plan, not a history); else
    the one date of the user's own notes."""
    candidates = [m for m in mentions if m.score >= 2.0]
    if not candidates:
        # No date is called the end, but the user's own notes give exactly one: that is the plan.
        own = {m.date for m in mentions if m.score >= 1.0}
        candidates = [m for m in mentions if m.score >= 1.0] if len(own) == 1 else []
    return max(candidates, key=lambda m: (m.score, m.date)) if candidates else None
