"""Lenient dates: what people type in the form, a situation file or an API call."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from tactful.dates import DateInputError, parse_date
from tactful.situation import Situation, SituationError, parse_situation

TODAY = dt.date(2026, 6, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-01-05", dt.date(2027, 1, 5)),
        ("2027-1-5", dt.date(2027, 1, 5)),
        ("  2027-01-05 ", dt.date(2027, 1, 5)),
        ("26 February 2027", dt.date(2027, 2, 26)),
        ("Feb 26, 2027", dt.date(2027, 2, 26)),
        ("1 April", dt.date(2027, 4, 1)),  # already past this year: next year's
        ("31 December", dt.date(2026, 12, 31)),
        ("by 15 May", dt.date(2027, 5, 15)),
        ("next Friday", dt.date(2026, 6, 12)),
        ("tomorrow", dt.date(2026, 6, 11)),
        ("in two weeks", dt.date(2026, 6, 24)),
        ("in 3 days", dt.date(2026, 6, 13)),
        ("end of March", dt.date(2027, 3, 31)),
        ("the end of the month", dt.date(2026, 6, 30)),
        ("end of next month", dt.date(2026, 7, 31)),
        ("March", dt.date(2027, 3, 1)),  # a month alone: its first day, not today's day of it
    ],
)
def test_english_forms(typed: str, expected: dt.date):
    assert parse_date(typed, today=TODAY, language="en") == expected
    assert parse_date(typed, today=TODAY) == expected  # "auto" reads it too


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31.12.2026", dt.date(2026, 12, 31)),
        ("31.12.26", dt.date(2026, 12, 31)),
        ("05.01.2027", dt.date(2027, 1, 5)),  # day first: 5 January, never 1 May
        ("15.05", dt.date(2027, 5, 15)),  # no year: the next 15 May (dateparser alone reads 15:05)
        ("15 мая 2027", dt.date(2027, 5, 15)),
        ("15 мая 2027 г.", dt.date(2027, 5, 15)),
        ("15 мая", dt.date(2027, 5, 15)),
        ("1 апреля", dt.date(2027, 4, 1)),
        ("31 декабря", dt.date(2026, 12, 31)),
        ("по 31 мая", dt.date(2027, 5, 31)),
        ("в следующую пятницу", dt.date(2026, 6, 12)),
        ("в пятницу", dt.date(2026, 6, 12)),
        ("завтра", dt.date(2026, 6, 11)),
        ("через неделю", dt.date(2026, 6, 17)),
        ("через две недели", dt.date(2026, 6, 24)),
        ("конец марта", dt.date(2027, 3, 31)),
        ("в конце марта", dt.date(2027, 3, 31)),
        ("до конца месяца", dt.date(2026, 6, 30)),
    ],
)
def test_russian_forms(typed: str, expected: dt.date):
    assert parse_date(typed, today=TODAY, language="ru") == expected
    assert parse_date(typed, today=TODAY) == expected


def test_the_end_of_this_month_is_this_year_even_after_its_first_day():
    assert parse_date("end of March", today=dt.date(2026, 3, 15)) == dt.date(2026, 3, 31)
    assert parse_date("конец марта", today=dt.date(2026, 3, 15)) == dt.date(2026, 3, 31)


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_is_none(empty):
    assert parse_date(empty, today=TODAY) is None


def test_dates_pass_through():
    assert parse_date(dt.date(2027, 1, 5)) == dt.date(2027, 1, 5)
    assert parse_date(dt.datetime(2027, 1, 5, 10, 30)) == dt.date(2027, 1, 5)


@pytest.mark.parametrize("typed", ["2026-13-01", "31.02.2027", "32.01.2027", "15", "hello", "скоро", "x" * 200])
def test_unreadable_dates_raise_with_plain_messages(typed: str):
    with pytest.raises(DateInputError) as caught:
        parse_date(typed, today=TODAY)
    error = caught.value
    assert isinstance(error, ValueError) and error.value == typed
    assert str(error) == error.message("en")
    assert typed[:20] in error.message("en") and typed[:20] in error.message("ru")


def test_error_message_in_both_languages():
    with pytest.raises(DateInputError) as caught:
        parse_date("2026-13-01", today=TODAY)
    en, ru = caught.value.message("en"), caught.value.message("ru")
    assert en.startswith("“2026-13-01” is not a date") and "31.12.2026" in en and "next Friday" in en
    assert ru.startswith("«2026-13-01» не получается прочитать как дату") and "15 мая 2027" in ru and "через две недели" in ru
    assert not any("a" <= ch <= "z" for ch in ru.replace("2026-13-01", ""))  # no English in the Russian one
    assert caught.value.message("de") == en


def test_situation_accepts_lenient_end_dates():
    assert Situation.model_validate({"client": {"name": "X"}, "end_date": "31.12.2026"}).end_date == dt.date(2026, 12, 31)
    assert parse_situation({"client": {"name": "X"}, "end_date": "15 мая 2027"}).end_date == dt.date(2027, 5, 15)
    assert Situation(client={"name": "X"}, end_date=dt.date(2027, 1, 5)).end_date == dt.date(2027, 1, 5)
    assert Situation(client={"name": "X"}, end_date="").end_date is None


def test_situation_names_an_unreadable_end_date_with_the_english_message():
    with pytest.raises(SituationError) as caught:
        parse_situation({"client": {"name": "X"}, "end_date": "2026-13-01"})
    assert str(caught.value).startswith("end_date: “2026-13-01” is not a date Tactful can read.")
    [error] = caught.value.errors
    assert error["loc"] == ("end_date",) and isinstance(error["ctx"]["error"], DateInputError)


def test_importing_tactful_does_not_load_dateparser():
    code = "import sys, tactful, tactful.situation, tactful.dates; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
