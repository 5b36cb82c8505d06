"""The day a message is written: today, or later when the user's facts tell of events after today."""

from __future__ import annotations

import datetime as dt

import pytest

import tactful
from tactful.as_of import as_of
from tactful.situation import Situation

TODAY = dt.date(2098, 1, 10)


def situation(**fields) -> Situation:
    return Situation.model_validate({"client": {"name": "Acme Ltd"}, "end_date": "2098-06-30", **fields})


@pytest.mark.parametrize(("facts", "language", "day"), [
    # A past event dated with its year: the message is written after it.
    (["Reminders were sent on 3 March and 17 March 2098; no reply"], "en", dt.date(2098, 3, 17)),
    (["Претензия направлена 5 апреля 2098 года, ответа не было"], "ru", dt.date(2098, 4, 5)),
    (["Счёт № 12 не оплачен, срок оплаты истёк 17 марта 2098 года"], "ru", dt.date(2098, 3, 17)),
    # The day the user says they write, not the end date in the same sentence.
    (["Writing on 20 April 2098; the contract wants 90 days, so 30 June is short"], "en", dt.date(2098, 4, 20)),
    (["Письмо отправляем 12 апреля 2098 года, а завершить хотим 30 июня"], "ru", dt.date(2098, 4, 12)),
    # What is still to come, a date without its year, or one after the end date is no past event.
    (["The last flight is booked for 14 April 2098"], "en", TODAY),
    (["Апрельская партия будет сдана 22 апреля 2098 года"], "ru", TODAY),
    (["The proposal was declined on 20 October"], "en", TODAY),
    (["The handover was agreed for 15 July 2098"], "en", TODAY),
    # "the agreed price" tells of no event; an event that "goes ahead" is still to come.
    (["The product launch on 21 January 2098 goes ahead at the agreed price"], "en", TODAY),
    # The last day of a span is the event's, not the day the past deed was done.
    (["На выставку «ПромТех» 9–12 февраля 2098 года подписан договор и внесена предоплата"], "ru", TODAY),
    # The day the notice is given, without its year: "email goes out …", "from … that runs to …", «с … 60 дней».
    (["email goes out on 14 January; 45 days from that is 28 February"], "en", dt.date(2098, 1, 14)),
    (["clause 10.1, 60 days; from 14 January that runs to 15 March, we want to end on 28 February"], "en", dt.date(2098, 1, 14)),
    (["письмо уходит 14 января, 30 дней — до 13 февраля"], "ru", dt.date(2098, 1, 14)),
    (["с 14 января 60 дней — до 15 марта, а мы хотим закончить 28 февраля"], "ru", dt.date(2098, 1, 14)),
    # The day the user sends the letter, typed as they talk: "letter goes …", "we send …", "sending …", "from … runs to",
    # «отправлю 7 декабря», «уведомление 14.01 → …».
    (["contract is 60 days notice (cl. 14.3). letter goes Monday 14 Jan -> that's 15 Mar"], "en", dt.date(2098, 1, 14)),
    (["clause 12 is 60 days. we send monday 14 jan, so formally it ends 15 mar"], "en", dt.date(2098, 1, 14)),
    (["clause 6 says 30 days. sending monday 14 jan means 13 feb"], "en", dt.date(2098, 1, 14)),
    (["notice is 45 days (cl. 10) -> from Monday 14 Jan runs to 28 Feb"], "en", dt.date(2098, 1, 14)),
    (["п. 7.4 договора — 14 дней. отправлю 14 января — значит 28-го"], "ru", dt.date(2098, 1, 14)),
    (["договор, п. 6.2 — 20 дней. уведомление 14.01 → 3.02"], "ru", dt.date(2098, 1, 14)),
    # «письмо в пн 14.01»: the day the letter goes, with its weekday.
    (["письмо в пн 14.01. по договору 30 дней — это 13 февраля"], "ru", dt.date(2098, 1, 14)),
    # "30 days from Monday runs to …": given on the next Monday (10 January 2098 is a Friday).
    (["we stop on 31 March. I know 30 days from Monday runs to 12 February"], "en", dt.date(2098, 1, 13)),
    (["30 дней с понедельника — это до 12 февраля, но заканчиваем 31 марта"], "ru", dt.date(2098, 1, 13)),
    # Sending something else by a date is no day of writing.
    (["we send the files by 14 January"], "en", TODAY),
    # «Сегодня же» beside a later day is no day of writing.
    (["вход огородить сегодня же, мы можем сбить сосульки в понедельник 19 января"], "ru", TODAY),
])
def test_the_writing_day_follows_the_latest_past_event(facts, language, day):
    assert as_of(situation(facts=facts, language=language), TODAY) == day


@pytest.mark.parametrize(("fact", "language", "day"), [
    ("call with Sanjay Prasad on Monday 24 January, written notice by email the same day", "en", dt.date(2098, 1, 24)),
    ("встреча в четверг 27.01, уведомление вручаем на встрече", "ru", dt.date(2098, 1, 27)),
    # Said with a verb: «звоню в понедельник, 24 января», "calling him on Monday 24 January".
    ("звоню в понедельник, 24 января, письмо отправлю в тот же день", "ru", dt.date(2098, 1, 24)),
    ("calling him on Monday 24 January, letter the same day", "en", dt.date(2098, 1, 24)),
    # A day counted from the call is not the call's day.
    ("the call is on Monday 24 January. 60 days from the call is 25 March, and we supply until 1 April", "en", dt.date(2098, 1, 24)),
    # The person called named without "with"; words about the letter that date nothing leave the call's day.
    ("I call Joseph on Monday 24 January at 10am, he reports to the owner", "en", dt.date(2098, 1, 24)),
    ("звоню в понедельник 24 января утром, письмо с уведомлением отправляю сразу после звонка", "ru", dt.date(2098, 1, 24)),
])
def test_a_call_or_a_meeting_is_given_on_its_day_and_an_email_is_not(fact, language, day):
    # The notice a script or a plan gives is counted from the day it is said, though the user types it without a year.
    assert as_of(situation(facts=[fact], language=language, channel="call"), TODAY) == day
    assert as_of(situation(facts=[fact], language=language, channel="meeting"), TODAY) == day
    assert as_of(situation(facts=[fact], language=language, channel="email"), TODAY) == TODAY


def test_no_facts_means_today():
    assert as_of(situation(), TODAY) == TODAY


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_invoice_due_before_a_reported_event_is_asked_for_as_overdue(language):
    fact = {"en": "Payment reminders were sent on 3 March and 17 March 2098",
            "ru": "Напоминания об оплате отправлены 3 и 17 марта 2098 года"}[language]
    s = situation(facts=[fact], unpaid_invoices=[{"number": "INV-7", "amount": "£900", "due": "2098-03-10"}],
                  language=language, sender={"name": "Ann Lee", "solo": True})
    text = tactful.draft(s, backend="composer", channel="email", language=language).text
    assert "10 March" not in text and "10 марта" not in text  # no deadline already past
    assert ("remains outstanding" in text) if language == "en" else ("остаётся к оплате" in text)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_notice_period_counts_from_the_day_the_user_writes(language):
    fact = {"en": "Writing on 20 April 2098", "ru": "Письмо отправляем 20 апреля 2098 года"}[language]
    s = situation(facts=[fact], contract={"notice_days": 90, "clause": "17.1"}, end_date="2098-05-31",
                  language=language, sender={"name": "Ann Lee", "solo": True})
    result = tactful.draft(s, backend="composer", channel="email", language=language)
    assert ("by mutual agreement" in result.text) if language == "en" else ("по соглашению сторон" in result.text)
    assert result.blocking  # the result warns that the end date falls inside the notice period


@pytest.mark.parametrize(("text", "months"), [
    ("Invoice 207 will be paid in February in one payment.", [2]),
    ("Счёт будет оплачен в феврале, а остаток — до марта.", [2, 3]),
    # A month that names a period, not a time: "the £620 from October", «счёт за октябрь».
    ("The £620 from October went across this morning.", []),
    ("Счёт за октябрь оплатим сегодня.", []),
    ("May we pay on Friday?", []),
    # A month before the run or the meeting it times: "in our January payment run".
    ("MB-081 will be paid in our January payment run.", [1]),
    ("We will discuss it in the office.", []),
    ("Could you stay reachable until mid-January?", [1]),
    ("Можно до середины января?", [1]),
])
def test_a_month_named_alone_is_read_only_as_a_time(text, months):
    from tactful.grounding import find_months

    assert [m for _, _, m in find_months(text)] == months


@pytest.mark.parametrize(("fact", "language", "channel", "kept"), [
    ("Встреча на базе в четверг, 10 декабря 2098 года", "ru", "meeting", False),
    ("Meeting on site, Thursday 10 December 2098", "en", "meeting", False),
    ("Call with Ana on 10 December 2098", "en", "call", False),
    # In a letter the meeting is news; another event is a plan in any channel.
    ("Meeting on site, Thursday 10 December 2098", "en", "email", True),
    ("The mock test is on 15 December 2098", "en", "meeting", True),
])
def test_the_talk_itself_is_no_plan_to_tell_of_in_it(fact, language, channel, kept):
    from tactful.as_of import planned

    s = situation(facts=[fact], language=language, channel=channel, end_date="2099-02-15")
    assert (planned(s, s.facts, dt.date(2098, 12, 1)) == [fact]) is kept


@pytest.mark.parametrize(("text", "day"), [("until mid-January", 15), ("by the end of March", 25), ("до середины января", 15),
                                           ("в конце января", 25), ("in February", 1)])
def test_a_month_named_alone_stands_for_the_day_its_words_give(text, day):
    from tactful.grounding import find_month_days

    assert [d for _, _, (d, _) in find_month_days(text)] == [day]


@pytest.mark.parametrize(("facts", "language", "channel", "notice", "day"), [
    # The user's count of the contract's notice says when it is given: "28 days, which is 13 February".
    (["agreement says 28 days, which is 13 February"], "en", "email", 28, dt.date(2098, 1, 16)),
    # Not the count's day taken for a past event ("signed … from today that is 3 March 2098").
    (["MSA signed March 2096, clause 14.3 - 45 days' written notice, from today that is 3 March 2098"], "en", "email", 45,
     dt.date(2098, 1, 17)),
    (["90 days from Mon 17 Jan is Mon 17 April - I'd rather finish on 14 April"], "en", "email", 90, dt.date(2098, 1, 17)),
    # It wins over the day of a meeting the notes give too.
    (["встреча в четверг 20 января в 15:00", "по договору 30 дней, это как раз 18 февраля — работаем до него"], "ru", "meeting", 30,
     dt.date(2098, 1, 19)),
    # «30 дней от встречи — 7 февраля, занятия до 28 февраля»: the day after «от» is no day counted from.
    (["встреча во вторник, 18 января. 30 дней от встречи — 17 февраля, занятия ведём до 28 февраля"], "ru", "meeting", 30,
     dt.date(2098, 1, 18)),
    # «…, с 10 января это 24 января»: the day after «с» opens the count, a comma before it or not.
    (["договор, п. 6.2 — уведомление за 14 дней, с 10 января это 24 января"], "ru", "email", 14, TODAY),
    # A count whose day reads as next year's (5 January, written on the 10th) dates nothing.
    (["договор, п. 6.2 — уведомление за 14 дней, это 5 января"], "ru", "email", 14, TODAY),
    # A count of other days is no notice: "30 days to pay, due 13 February" with a notice of 45 days.
    (["invoices on 30 days, due 13 February"], "en", "email", 45, TODAY),
])
def test_the_users_own_count_of_the_notice_gives_the_day_it_is_given(facts, language, channel, notice, day):
    s = situation(facts=facts, language=language, channel=channel, contract={"notice_days": notice})
    assert as_of(s, TODAY) == day
