"""The guideline composer: every scenario, channel, language and tone, and Russian grammar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tactful import check
from tactful.composer import Composer, count_days
from tactful.phrases import load_phrases
from tactful.situation import Situation, load_situation
from tactful.wording import format_date

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "eval" / "scenarios").glob("*.yaml"))


def test_there_are_enough_scenarios_in_both_languages():
    from tactful.language import situation_language

    languages = [situation_language(load_situation(p)) for p in SCENARIOS]
    assert len(SCENARIOS) >= 30
    assert languages.count("ru") >= 15 and languages.count("en") >= 15


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_scenario_channel_language_and_tone_is_compliant(path):
    situation = load_situation(path)
    composer = Composer()
    for language in ("en", "ru"):
        for channel in ("email", "call", "meeting"):
            for tone in ("formal", "warm", "brief"):
                draft, _ = composer.compose(situation, channel, language, tone)
                report = check(draft.text(), lang=language, channel=channel, situation=situation)
                assert report.passed, (language, channel, tone, [(v.rule, v.excerpt) for v in report.errors])
                if language == (situation.language if situation.language != "auto" else language):
                    assert not report.violations, [(v.rule, v.excerpt, v.message) for v in report.violations]


def test_composer_is_deterministic():
    situation = load_situation(SCENARIOS[0])
    first = Composer().compose(situation, "email", "ru")[0].text()
    assert all(Composer().compose(situation, "email", "ru")[0].text() == first for _ in range(3))


def test_accusatory_facts_are_left_out_and_reported():
    situation = Situation.model_validate({
        "client": {"name": "ООО «Вектор»", "contact": "Ольга Петровна"},
        "facts": ["12 марта объём вырос с 12 до 27 страниц", "Вы проигнорировали три напоминания",
                  "Вы намеренно занижаете оценки в отчётах"],
        "language": "ru",
        "include_facts": True,
    })
    draft, left_out = Composer().compose(situation, "email", "ru")
    text = draft.text()
    assert "12 марта объём вырос" in text
    assert "проигнорировали" not in text and "занижаете" not in text
    reported = {item.text: item for item in left_out}
    assert "accusation" in reported["Вы проигнорировали три напоминания"].rules
    assert reported["Вы намеренно занижаете оценки в отчётах"].hint


@pytest.mark.parametrize(
    ("contact", "greeting"),
    [("Анна Сергеевна", "Уважаемая Анна Сергеевна!"), ("Игорь Викторович", "Уважаемый Игорь Викторович!"),
     ("Саша", "Здравствуйте, Саша!"),
     # A surname in -ович first reads as a patronymic too; the patronymic is the word after the first name.
     ("Жукович Андрей Михайлович, технический директор", "Уважаемый Андрей Михайлович!")],
)
def test_russian_formal_greeting_agrees_in_gender(contact, greeting):
    situation = Situation.model_validate({"client": {"name": "ООО «Вектор»", "contact": contact}, "language": "ru"})
    body = Composer().compose(situation, "email", "ru", "formal")[0].content.body
    assert body.splitlines()[0] == greeting


def test_company_without_contact_is_greeted_as_a_team():
    situation = Situation.model_validate({"client": {"name": "ООО «Вектор»"}, "language": "ru"})
    assert Composer().compose(situation, "email", "ru")[0].content.body.startswith("Уважаемые коллеги!")
    en = Situation.model_validate({"client": {"name": "Northwind Ltd"}, "language": "en"})
    assert Composer().compose(en, "email", "en")[0].content.body.startswith("Dear Northwind team,")


@pytest.mark.parametrize(("n", "words"), [(1, "1 день"), (2, "2 дня"), (5, "5 дней"), (21, "21 день"), (30, "30 дней"), (14, "14 дней")])
def test_russian_numbers_agree(n, words):
    assert count_days(n, "ru", load_phrases("ru")) == words


def test_dates_are_written_for_each_language():
    date = dt.date(2026, 5, 15)
    assert format_date(date, "ru") == "15 мая 2026 года"
    assert format_date(date, "en") == "15 May 2026"


def test_channel_structures():
    situation = load_situation(SCENARIOS[0])
    call = Composer().compose(situation, "call", "en")[0]
    assert call.content.points and call.content.reactions and call.content.follow_up
    meeting = Composer().compose(situation, "meeting", "en")[0]
    assert any(d.startswith("The contract") for d in meeting.content.documents)  # full notice: no extra agreement
    assert meeting.markdown().startswith("## Objective")
    assert meeting.content.decisions and meeting.content.follow_up and meeting.content.timebox


def test_listed_facts_leave_out_what_the_letter_says_elsewhere():
    # The money paragraph asks for invoice 1408, the notice paragraph cites clause 8.3, the open work lists the
    # shipment: listed again as facts, they read as a file of grievances.
    situation = Situation.model_validate({
        "client": {"name": "ООО «Вектор»", "contact": "Ольга Петровна"}, "language": "ru", "include_facts": True,
        "facts": ["договор от 15.02.2024, п. 8.3 — уведомление за 30 дней", "счёт № 1408 на 212 000 ₽, не оплачен",
                  "партия плитки прибывает 14 декабря", "с января оформлено 46 деклараций"],
        "contract": {"clause": "8.3", "notice_days": 30},
        "unpaid_invoices": [{"number": "1408", "amount": "212 000 ₽"}],
        "open_work": [{"item": "выпуск партии плитки, прибывающей 14 декабря"}],
    })
    text = Composer().compose(situation, "email", "ru")[0].text()
    assert "с января оформлено 46 деклараций" in text
    assert "не оплачен" not in text and "уведомление за 30 дней" not in text and "партия плитки прибывает" not in text, text
