"""Every hostile category in both languages: a text that has it is flagged with a rule of that category,
a polite text that looks like it (a hard negative) is not flagged at all. The examples are written for
these tests; none comes from the labeled sets the rules were tuned on."""

from __future__ import annotations

import datetime as dt

import pytest

from tactful import check
from tactful.situation import parse_situation

POSITIVE = {
    "en": [
        ("blame", "Frankly, the whole delay is on you: your sign-off came three weeks late."),
        ("blame", "It's your own fault the campaign launched without the new prices."),
        ("blame", "Because your manager refused the backup plan, the data is gone."),
        ("judgment", "Honestly, you are the most unreasonable client we have had."),
        ("judgment", "It is clear you don't value our time."),
        ("grievance", "The homepage copy has changed yet again."),
        ("grievance", "This is the third time we have had to chase the same payment."),
        ("grievance", "You keep adding pages that the budget does not cover."),
        ("insult", "Only a complete amateur would approve a layout like that."),
        ("insult", "Stop sending this f***ing nonsense at midnight."),
        ("dismissive", "Where you find another designer is not our problem."),
        ("dismissive", "We don't owe you an explanation, and this discussion is over."),
        ("threat", "Either you sign the act by Friday or we will see you in court."),
        ("threat", "Pay the balance this week, or I report your firm to the tax office."),
        ("threat", "You'll be hearing from our lawyers."),
        ("disrespect", "The deadline is N-O-T flexible."),
        ("disrespect", "Thanks for the 'urgent' request at eleven at night."),
        ("venting", "Working with you has been an absolute nightmare."),
    ],
    "ru": [
        ("blame", "Сроки сорвались по вашей вине."),
        ("blame", "Из-за вас мы потеряли две недели."),
        ("judgment", "Вы самый неадекватный заказчик за всю нашу практику."),
        ("judgment", "Вы нас уже достали своими звонками."),
        ("grievance", "Вы опять перенесли встречу."),
        ("grievance", "Документы до сих пор не пришли."),
        ("insult", "Это работа дилетантов."),
        ("insult", "Ваш бухгалтер — полный идиот."),
        ("dismissive", "Это не наша забота, обсуждать тут нечего."),
        ("threat", "Либо вы платите до пятницы, либо мы идём в суд."),
        ("threat", "Вы об этом ещё пожалеете."),
        ("disrespect", "Ты вообще читал договор?"),
        ("disrespect", "Заплатишь до пятницы — тогда поговорим."),
        ("disrespect", "Это НЕ обсуждается."),
        ("disrespect", "Ну конечно, как же иначе."),
        ("venting", "У меня уже нервы на пределе от этого проекта."),
    ],
}

HARD_NEGATIVE = {
    "en": [
        "We could not agree on the timeline, and that is nobody's fault.",
        "Thank you again for the clear briefs; you never missed a payment.",
        "If the files have not arrived yet, let us know and we will resend them.",
        "We understand your frustration with the delay on our side.",
        "Invoice 204 is still open; could you check its status with your accountant?",
        "After the handover, you are responsible for renewing the domain.",
        "Unfortunately we are unable to take on the autumn campaign.",
        "Karen sent the signed act on 3 May.",
        "We missed the first deadline ourselves, and we are sorry for that.",
        "If we cannot agree, we would suggest a mediator rather than lawyers.",
        "Please find the NDA and the SOW attached as PDF files.",
    ],
    "ru": [
        "Мы не смогли согласовать сроки, и в этом нет ничьей вины.",
        "Спасибо, что всегда вовремя оплачивали счета.",
        "Если документы ещё не пришли, сообщите нам, и мы отправим их снова.",
        "К сожалению, мы не можем взять новый этап.",
        "Оплата по счёту № 12 поступила 3 марта, спасибо.",
        "Понимаем ваше недовольство задержкой с нашей стороны.",
        "Ольга Викторовна прислала подписанный акт 3 мая.",
        "Мы сами не успели к первому сроку и приносим извинения.",
        "ООО «Ромашка» пришлёт NDA и акт в PDF.",
        "Передадим доступы и исходники до 15 марта.",
    ],
}


def _categories(text: str, language: str, situation=None) -> set[str]:
    report = check(text, lang=language, situation=situation)
    return {v.category for v in report.violations if v.end > v.start}


@pytest.mark.parametrize("language, category, text", [(lang, c, t) for lang, items in POSITIVE.items() for c, t in items])
def test_each_category_is_flagged(language, category, text):
    report = check(text, lang=language)
    assert category in _categories(text, language), [(v.rule, v.excerpt) for v in report.violations]
    assert report.hostile and not report.passed


@pytest.mark.parametrize("language, text", [(lang, t) for lang, items in HARD_NEGATIVE.items() for t in items])
def test_hard_negatives_are_not_hostile(language, text):
    report = check(text, lang=language)
    assert not report.hostile, [(v.rule, v.excerpt) for v in report.violations if v.end > v.start]


@pytest.mark.parametrize("language, situation, text", [
    ("en", {"client": {"name": "Brightline Media", "contact": "Karen Hill"}}, "Karen pays every invoice late."),
    ("en", {"client": {"name": "Brightline Media", "contact": "Karen Hill"}}, "Karen is rude to my team."),
    ("en", {"client": {"name": "Brightline Media", "contact": "Karen Hill"}}, "Brightline ignored three reminders."),
    ("ru", {"client": {"name": "ООО «Вектор»", "contact": "Ольга Викторовна"}}, "Ольга Викторовна постоянно затягивала оплату."),
])
def test_the_client_named_in_the_third_person_is_blamed_like_you(language, situation, text):
    assert _categories(text, language, parse_situation(situation)) & {"blame", "judgment", "grievance"}


def test_a_neutral_third_person_mention_is_fine():
    situation = parse_situation({"client": {"name": "Brightline Media", "contact": "Karen Hill"}})
    assert not check("Karen sent the files on 3 May and approved the layout.", lang="en", situation=situation).hostile


# ----------------------------------------------------------------------------------------------------
# Consistency with the situation


def _situation(**fields):
    base = {"client": {"name": "Brightline Media", "contact": "Olga Smith"}}
    return parse_situation({**base, **fields})


def test_a_letter_in_the_wrong_language_is_flagged():
    situation = _situation(language="ru")
    report = check("Dear Olga, we have decided to end our cooperation. Thank you for the work together.", situation=situation)
    assert report.language == "ru" and "language" in {v.rule for v in report.errors}


def test_runs_of_the_other_language_are_flagged_but_names_are_not():
    text = "Dear Olga, we will hand over:\n- выгрузка базы 1С\n- доступы к хостингу\nThank you, Ivan."
    found = [v.excerpt for v in check(text, lang="en").violations if v.rule == "language"]
    # "1С" is a code (a digit in it), so the run ends before it; "к" joins its neighbours into one run.
    assert found == ["выгрузка базы", "доступы к хостингу"]
    assert not [v for v in check("Dear Ольга Викторовна, thank you for the work.", lang="en").violations if v.rule == "language"]


def test_an_address_or_a_file_name_is_no_other_language():
    text = "До 20 декабря перенесу почту на новый домен uraltechsnab.ru и передам выгрузку backup.tar и mailbox.pst."
    assert not [v for v in check(text, lang="ru").violations if v.rule == "language"]


def test_formal_notice_inside_the_notice_period_is_flagged():
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    text = "Please treat this email as our formal notice; the notice period is 30 days."
    inside = check(text, lang="en", situation=_situation(end_date=soon, contract={"notice_days": 30}))
    assert [v.excerpt for v in inside.errors if v.rule == "notice"] == ["formal notice"]
    outside = check(text, lang="en", situation=_situation(end_date=later, contract={"notice_days": 30}))
    assert not [v for v in outside.violations if v.rule == "notice"]
    # Notice given to the end the contract gives, the earlier date only proposed, is no false claim, and that end is
    # no invented date; so is notice given only failing agreement to the earlier date.
    from tactful.wording import format_date

    fallback = format_date(dt.date.today() + dt.timedelta(days=30), "en")
    for given in (f"Please take this email as formal notice running to {fallback}, the end of the notice period of 30 days. "
                  f"We would like to propose ending earlier, on {format_date(dt.date.fromisoformat(soon), 'en')}, by mutual agreement.",
                  f"If that does not suit you, please take this email as formal notice, and our work together will end on {fallback}."):
        report = check(given, lang="en", situation=_situation(end_date=soon, contract={"notice_days": 30}))
        assert not [v for v in report.violations if v.rule in ("notice", "invented_detail")], given


@pytest.mark.parametrize("text", ["There is a £5 fee for the archive copy.", "The archive copy costs 5 €.", "Копия архива — 5 ₽."])
def test_a_sum_of_one_digit_the_situation_does_not_name_is_invented(text):
    # A sum of a single digit ("£5") is a detail like any other: a draft must not invent it.
    report = check(text, lang="ru" if "₽" in text else "en", situation=_situation())
    assert "invented_detail" in {v.rule for v in report.violations}


@pytest.mark.parametrize("flag, text, rule", [
    ("final_invoice", "We will send the final invoice next week.", "unstated_invoice"),
    ("act_of_acceptance", "We will send the act of acceptance for signature.", "unstated_act"),
])
def test_documents_the_situation_does_not_have_are_flagged(flag, text, rule):
    assert rule in {v.rule for v in check(text, lang="en", situation=_situation()).errors}
    assert rule not in {v.rule for v in check(text, lang="en", situation=_situation(**{flag: True})).violations}


def test_as_agreed_in_a_reply_needs_an_agreement_in_the_situation():
    text = "As agreed, our cooperation ends on 30 June."
    bare = check(text, lang="en", situation=_situation(), context="reply")
    assert "as_agreed" in {v.rule for v in bare.errors}
    agreed = _situation(facts=["On 2 May we agreed with Olga to end the work on 30 June"])
    assert "as_agreed" not in {v.rule for v in check(text, lang="en", situation=agreed, context="reply").violations}
    assert "as_agreed" not in {c.rule for c in check(text, lang="en", situation=_situation()).checks}  # replies only


# ----------------------------------------------------------------------------------------------------
# What a strong model writes when it slips: polite on the surface, a grievance underneath. The
# self-check loop revises an LLM draft only when the checker finds something, so these must be found.

SUBTLE = {
    "en": [
        "Unfortunately, the brief changed several times after approval, which made planning difficult.",
        "It became clear that our work was not valued as we had hoped.",
        "The deadlines were repeatedly missed on your side.",
        "The project required far more of our time than your budget allowed.",
        "We are still waiting for the signed documents from your side.",
        "Frankly, the last few months have been exhausting for our team.",
        "Your team's approach made it hard to deliver on time.",
        "Given the frequent changes in direction from your side, we have decided to end our cooperation.",
    ],
    "ru": [
        "К сожалению, техническое задание несколько раз менялось после согласования.",
        "Мы до сих пор ждём от вас подписанные документы.",
        "Сроки неоднократно срывались с вашей стороны.",
        "Объём работ давно вышел за рамки вашего бюджета.",
        "Стало очевидно, что наша работа не ценится.",
    ],
}

GOOD_STRONG = {
    "en": [
        "After careful thought, we have decided to focus our studio on product work, so we will complete the "
        "current stage and end our retainer on 30 June.",
        "This goes beyond the scope of our agreement, so we would be glad to quote it separately.",
        "We have enjoyed the work together and will hand over the files and access details by Friday.",
    ],
    "ru": [
        "Мы приняли решение сосредоточиться на продуктовых проектах, поэтому завершим текущий этап и "
        "закончим сотрудничество 30 июня.",
        "Это выходит за рамки договора, поэтому мы с радостью подготовим отдельное предложение.",
    ],
}


@pytest.mark.parametrize("language, text", [(lang, t) for lang, items in SUBTLE.items() for t in items])
def test_a_strong_models_subtle_grievance_is_found(language, text):
    report = check(text, lang=language)
    assert report.hostile and not report.passed, text


@pytest.mark.parametrize("language, text", [(lang, t) for lang, items in GOOD_STRONG.items() for t in items])
def test_a_strong_models_good_sentences_are_left_alone(language, text):
    assert not check(text, lang=language).hostile


@pytest.mark.parametrize(("text", "flagged"), [
    ("Не можем продолжать на текущих условиях оплаты.", False),
    ("Я не могу продолжать работу на прежних условиях.", False),
    ("Они опять продолжают задерживать оплату.", True),
])
def test_the_senders_own_cannot_continue_is_no_grievance(text, flagged):
    assert ("grievance" in {v.rule for v in check(text, lang="ru").violations}) is flagged
