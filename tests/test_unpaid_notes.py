"""An unpaid invoice the user told of in their facts is asked for, like a listed one."""

from __future__ import annotations

import datetime as dt

import pytest

import tactful
from tactful.composer import Composer
from tactful.situation import Situation


def situation(facts: list[str], language: str, **fields) -> Situation:
    return Situation.model_validate({"client": {"name": "Acme Ltd"}, "end_date": "2098-06-30", "facts": facts,
                                     "language": language, "sender": {"name": "Ann Lee", "solo": True}, **fields})


@pytest.mark.parametrize(("language", "fact", "asked"), [
    ("en", "Invoice AQ-14 for GBP 240 is still unpaid despite two reminders", "AQ-14 for GBP 240 remains outstanding"),
    ("ru", "Счёт № 47 на 36 000 ₽ до сих пор не оплачен", "№ 47 на сумму 36 000 ₽ остаётся к оплате"),
])
def test_an_unpaid_invoice_in_the_facts_is_asked_for(language, fact, asked):
    result = tactful.draft(situation([fact], language), backend="composer", channel="email")
    assert asked in result.text and result.compliant


@pytest.mark.parametrize(("language", "fact"), [
    ("en", "Invoice AQ-11 for GBP 240 was paid 74 days late"),
    ("ru", "Счёт № 41 на 36 000 ₽ оплачен с опозданием на два месяца"),
])
def test_a_paid_invoice_in_the_facts_is_not_asked_for(language, fact):
    text = tactful.draft(situation([fact], language), backend="composer", channel="email").text
    assert "11" not in text and "41" not in text


def test_the_listed_invoices_are_the_ones_asked_for():
    s = situation(["Invoice AQ-14 for GBP 240 is still unpaid"], "en", unpaid_invoices=[{"number": "AQ-20", "amount": "£90"}])
    text = tactful.draft(s, backend="composer", channel="email").text
    assert "AQ-20" in text and "AQ-14" not in text


@pytest.mark.parametrize(("language", "note", "amount"), [
    ("en", "the owners never paid for the april visits, about £700. i've written it off, not chasing it", "700"),
    ("ru", "за апрель так и не заплатили 12 000 руб., я списала, требовать не буду", "12 000"),
])
def test_a_debt_the_user_lets_go_is_not_asked_for(language, note, amount):
    text = tactful.draft(situation([], language, reasons=[note]), backend="composer", channel="email").text
    assert amount not in text
    owed = note.split(".")[0] if language == "en" else note.split(", я")[0]
    assert amount in tactful.draft(situation([], language, reasons=[owed]), backend="composer", channel="email").text


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    # A note that it is not due yet outweighs its other words ("outstanding", «задолженности»).
    ("en", "money's fine, they pay monthly, only November outstanding and that isn't due yet", "falls due on", "remains outstanding"),
    ("ru", "счёт № 58 за ноябрь ещё не просрочен, задолженности нет", "счёта № 58", "остаётся к оплате"),
    # One the notes call fine is named with its date, not asked for.
    ("en", "invoice 58 for November, due in three weeks. all fine", "Invoice 58 for £960 falls due on", "please settle it"),
    ("ru", "счёт № 58 за ноябрь, срок через три недели. всё нормально", "Срок оплаты счёта № 58 на сумму £960", "Прошу оплатить"),
])
def test_an_invoice_the_notes_call_not_due_or_fine_is_named_with_its_date_not_asked_for(language, note, said, unsaid):
    due = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    s = Situation.model_validate({"client": {"name": "Northwind"}, "end_date": (dt.date.today() + dt.timedelta(days=60)).isoformat(),
                                  "sender": {"name": "Ann Lee", "solo": True}, "reasons": [note],
                                  "unpaid_invoices": [{"number": "58", "amount": "£960", "due": due}]})
    body = Composer().compose(s, "email", language)[0].content.body
    assert said in body and unsaid not in body
