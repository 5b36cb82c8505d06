"""Dates as people type them: ISO, Russian day-first, month names in both languages and relative phrases
("next Friday", «через неделю», "end of March"). The forms dateparser misreads are handled by the
patterns in ``guidelines/dates.yaml``; a date that cannot be read raises `DateInputError`, whose message
names what was typed and shows accepted forms in the user's language."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Any

from .resources import load_yaml

_LANGUAGES = ("en", "ru")


@cache
def _config() -> dict[str, Any]:
    return load_yaml("guidelines", "dates.yaml")


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


class DateInputError(ValueError):
    """A date that cannot be read; `message(lang)` says so in plain words, with examples."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        data = _config()[lang if lang in _LANGUAGES else "en"]
        limit = _config()["max_length"]
        shown = self.value if len(self.value) <= limit else self.value[: limit - 1] + "…"
        *examples, last = data["examples"]
        return data["message"].format(value=shown, examples=", ".join(examples), last=last)


def parse_date(value: str | dt.date | None, today: dt.date | None = None, language: str = "auto") -> dt.date | None:
    """The date ``value`` means, relative ones counted from ``today``; None for empty input.

    ``language`` ("en", "ru" or "auto") only decides which language's words are tried first.
    """
    if value is None or isinstance(value, dt.date):
        # A datetime is a date too; the date part is what an end date means.
        return value.date() if isinstance(value, dt.datetime) else value
    text = " ".join(str(value).split())
    if not text:
        return None
    config = _config()
    if len(text) > config["max_length"]:
        raise DateInputError(text)
    today = today or dt.date.today()
    languages = [language, *(lang for lang in _LANGUAGES if lang != language)] if language in _LANGUAGES else list(_LANGUAGES)
    found = _numeric(text, today, config)
    if found is None:
        found = _words(text, today, languages, config)
    if found is None:
        raise DateInputError(text)
    return found


def _numeric(text: str, today: dt.date, config: dict[str, Any]) -> dt.date | None:
    """Forms of digits only that dateparser reads wrongly: read here, or refused."""
    if _pattern(config["bare_number"]).fullmatch(text):
        raise DateInputError(text)
    for key in ("year_first", "day_month"):
        match = _pattern(config[key]).fullmatch(text)
        if match is None:
            continue
        day, month = int(match["day"]), int(match["month"])
        year = int(match["year"]) if key == "year_first" else today.year
        date = _date_or_error(year, month, day, text)
        if key == "day_month" and date < today:  # "15.05" after 15 May: next year's
            date = _date_or_error(year + 1, month, day, text)
        return date
    return None


def _date_or_error(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31.02, month 13: a typo to show, never a nearby date to guess
        raise DateInputError(text) from None


def _words(text: str, today: dt.date, languages: list[str], config: dict[str, Any]) -> dt.date | None:
    for lang in languages:
        data = config[lang]
        for prefix in data["prefixes"]:
            text = re.sub(rf"^{re.escape(prefix)}\s+", "", text, flags=re.IGNORECASE)
        match = _pattern(data["end_of"]).fullmatch(text)
        if match:
            return _end_of(match["value"], today, languages, data)
    rewritten = text
    for lang in languages:
        for pattern, replacement in config[lang]["rewrites"]:
            rewritten = _pattern(pattern).sub(replacement, rewritten) if _pattern(pattern).fullmatch(rewritten) else rewritten
    return _dateparser(rewritten, today, languages)


def _end_of(value: str, today: dt.date, languages: list[str], data: dict[str, Any]) -> dt.date | None:
    """The last day of the named period: this month, next month, this year, or a month by name."""
    word = value.strip().lower()
    periods = data["periods"]
    if word in periods["month"]:
        return _last_day(today.year, today.month)
    if word in periods["next_month"]:
        return _last_day(today.year + today.month // 12, today.month % 12 + 1)
    if word in periods["year"]:
        return dt.date(today.year, 12, 31)
    first = _dateparser(f"1 {value}", today, languages)
    if first is None:
        return None
    end = _last_day(first.year, first.month)
    if not re.search(r"\d{4}", value):
        # dateparser's "future" moves "1 March" to next year on 15 March; the end of March is still ahead.
        this_year = _last_day(today.year, first.month)
        end = this_year if this_year >= today else _last_day(today.year + 1, first.month)
    return end


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _dateparser(text: str, today: dt.date, languages: list[str]) -> dt.date | None:
    import dateparser  # heavy (regex tables of 200 languages): loaded on the first date typed, not on import

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser fails in odd ways on odd input; all of it is "not a date"
        return None
    return parsed.date() if parsed else None
