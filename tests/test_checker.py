"""Behaviour of the checker on each rule kind, in both languages."""

from __future__ import annotations

import pytest

from tactful import InputError, check
from tactful.language import detect_language
from tactful.report import CheckReport


def span_rules(text: str, lang: str = "auto", channel: str = "email") -> set[str]:
    return {v.rule for v in check(text, lang=lang, channel=channel).violations if v.end > v.start}


@pytest.mark.parametrize(
    "text",
    [
        "вы постоянно срывали сроки",
        "Сроки вы срываете постоянно.",
        "Вы опять проигнорировали наше письмо.",
        "Ваша бухгалтерия так и не оплатила счёт.",
        "Ты снова всё сорвал.",
        "You always ignore my emails.",
        "You failed to deliver the assets.",
        "You've failed to send the brief again.",
        "You still haven't paid the invoice.",
        "Your team missed every deadline.",
    ],
)
def test_accusations_are_errors(text):
    report = check(text)
    assert "accusation" in {v.rule for v in report.errors}
    assert not report.passed


@pytest.mark.parametrize("text", ["по вашей вине", "Всё сорвалось из-за вас.", "It was your fault.", "This happened because of you."])
def test_blame(text):
    assert "blame" in span_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "мы не смогли согласовать сроки",
        "We could not agree on the timeline.",
        "Thank you for always being responsive.",
        "You never missed a payment, which we appreciated.",
        "If you cannot sign the act by Friday, just let us know.",
        "Вы ни разу не задержали оплату, и мы это ценим.",
        "Если вы не успеете подписать акт до пятницы, напишите нам.",
        "Задержка возникла по нашей вине, приносим извинения.",
        "Мы вас подвели со сроками, и нам жаль.",
    ],
)
def test_polite_phrases_are_not_accusations(text):
    assert not span_rules(text) & {"accusation", "blame", "judgment"}


def test_russian_morphology_not_string_matching():
    # The same lemma in forms no pattern spells out must still match.
    for text in ("Вы срывали сроки.", "Вы сорвёте и этот срок.", "Вами были сорваны сроки."):
        assert "accusation" in span_rules(text, "ru") or text.startswith("Вами")
    assert "blame" in span_rules("По твоей вине всё встало.", "ru")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("You are being completely unreasonable.", "judgment"),
        ("С вами невозможно работать.", "judgment"),
        ("That is an idiotic idea.", "insult"),
        ("Это какой-то бред.", "insult"),
        ("You will regret this.", "threat"),
        ("Вы пожалеете об этом.", "threat"),
        ("Please reply!!!", "exclamation"),
        ("Это ?!", "exclamation"),
        ("This is NOT acceptable.", "shouting"),
        ("Thanks for your \"help\".", "sarcasm"),
        ("Как я уже писал, оплата просрочена.", "sarcasm"),
        ("Honestly, we are fed up.", "emotional"),
        ("Нам это надоело.", "emotional"),
        ("Dear [Client Name],", "placeholder"),
        ("Уважаемый {name}!", "placeholder"),
    ],
)
def test_span_rules(text, rule):
    assert rule in span_rules(text)


@pytest.mark.parametrize(("text", "sarcastic"), [
    ("Ваша „Паутинка“ — первое место, где мы увидели детей на наших сетках.", False),
    ("Ваш «профессионализм» нас удивил.", True),
    ("Your \"Little Acorns\" nursery was the first to order.", False),
    ("Your \"urgent\" request came at midnight.", True),
    ("Your so-called \"Expert\" came on Monday.", True),
])
def test_a_capitalised_name_in_quotes_after_your_is_a_name_not_scare_quotes(text, sarcastic):
    assert ("sarcasm" in span_rules(text)) is sarcastic


@pytest.mark.parametrize(("text", "threat"), [
    # A gas or pressure regulator is a part to replace, not the authorities.
    ("Nobody should use the grill until the hose and regulator are replaced.", False),
    ("Pay by Friday or I will report you to the regulator.", True),
])
def test_a_regulator_that_is_a_part_is_no_lever_of_a_threat(text, threat):
    assert ("threat" in span_rules(text)) is threat


def test_acronyms_are_not_shouting():
    assert "shouting" not in span_rules("ООО «Ромашка» пришлёт NDA и акт в PDF.")
    # An acronym no dictionary knows is not a shouted word, though pymorphy3 can guess a reading for it.
    assert "shouting" not in span_rules("Передам техкарты и КБЖУ по меню.")
    assert "shouting" in span_rules("Я НЕ БУДУ это переделывать.")


def test_required_elements_and_structure():
    bare = check("We are done. Goodbye.", lang="en", channel="email")
    missing = {v.rule for v in bare.violations if v.start == v.end}
    assert {"gratitude", "our_decision", "next_steps", "alternative", "closure", "subject", "length"} <= missing
    assert all(v.excerpt == "" for v in bare.violations if v.rule in missing)
    assert bare.passed  # only warnings: passed is about errors
    assert bare.score < 0.9


GOOD_EN = """Subject: Completing our work on the Northwind website

Dear Anna,

Thank you for the eight months we have worked together on the Northwind website. After reviewing our
workload, we have decided to focus on e-commerce projects, so we will not continue the support contract
after the current stage.

Under clause 7.2 of our contract, this email is our 30-day notice; our last working day will be
December 15. By December 10 we will hand over the source code, the hosting access and the documentation,
and we will send the act of completed work and the final invoice for November.

If it helps, we recommend Blue Fox Studio, a partner agency that knows the platform well, and we are happy
to brief them during a two-week transition period.

We wish you and the Northwind team every success.

Best regards,
Ivan Petrov
"""

GOOD_RU = """Тема: Завершение работ по сайту «Северный ветер»

Здравствуйте, Анна!

Спасибо за восемь месяцев совместной работы над сайтом. Проанализировав загрузку команды, мы приняли
решение сосредоточиться на проектах электронной коммерции и не продлевать договор на поддержку после
текущего этапа.

В соответствии с пунктом 7.2 договора это письмо — наше уведомление за 30 дней; последний рабочий день —
15 декабря. До 10 декабря мы передадим исходный код, доступы к хостингу и документацию, а также пришлём
акт выполненных работ и итоговый счёт за ноябрь.

Если будет удобно, рекомендуем студию «Синяя лиса» — наших партнёров, которые хорошо знают платформу; мы
готовы ввести их в курс дела в течение двухнедельного переходного периода.

Желаем вам и команде успехов!

С уважением,
Иван Петров
"""


@pytest.mark.parametrize("text", [GOOD_EN, GOOD_RU])
def test_a_good_email_passes_every_rule(text):
    report = check(text, channel="email")
    assert report.violations == []
    assert report.passed and report.score == 1.0
    assert all(c.passed for c in report.checks)


def test_channel_specific_rules():
    email = {c.rule for c in check(GOOD_EN, channel="email").checks}
    call = {c.rule for c in check(GOOD_EN, channel="call").checks}
    assert "subject" in email and "subject" not in call


def test_language_detection_and_override():
    assert detect_language("Спасибо за сотрудничество") == "ru"
    assert detect_language("Thank you for the cooperation") == "en"
    assert detect_language("12345 !!!") == "en"
    assert check(GOOD_RU).language == "ru"
    assert check(GOOD_RU, lang="en").language == "en"


def test_json_contract():
    data = check("You always ignore my emails!!").model_dump(mode="json")
    assert set(data) == {"passed", "hostile", "score", "language", "channel", "violations", "checks"}
    assert data["hostile"] is True
    v = data["violations"][0]
    assert set(v) == {"rule", "severity", "category", "start", "end", "excerpt", "message", "suggestion", "guideline", "fix"}
    assert all(set(c) >= {"rule", "passed"} for c in data["checks"])
    # ``fix`` is optional: a report written before it existed still reads, with no fixes.
    for old in data["violations"]:
        old.pop("fix")
    assert all(v.fix is None for v in CheckReport.model_validate(data).violations)


@pytest.mark.parametrize("bad", ["", "   \n\t  "])
def test_empty_text_is_a_clear_error(bad):
    with pytest.raises(InputError, match="empty"):
        check(bad)


def test_unknown_channel_and_language():
    with pytest.raises(InputError, match="channel"):
        check("hello", channel="fax")
    with pytest.raises(InputError, match="language"):
        check("hello", lang="de")


@pytest.mark.parametrize(
    "text",
    [
        "<p>You <b>always</b> ignore my emails</p><script>alert(1)</script>",
        "🙂🙂 You failed to pay 🙃 — вы не оплатили счёт 🙃",
        "Hello, вы постоянно срываете сроки, and you never reply.",
        "\u200b\u200b\u0000 control \x07 chars",
    ],
)
def test_odd_inputs_give_valid_reports(text):
    report = check(text)
    for v in report.violations:
        assert text[v.start:v.end] == v.excerpt


@pytest.mark.slow
def test_one_megabyte_is_checked_with_valid_offsets():
    paragraph = "We appreciate the work so far. You always ignore my emails!! " * 10
    text = paragraph * (1_000_000 // len(paragraph))
    report = check(text, lang="en")
    accusations = [v for v in report.violations if v.rule == "accusation"]
    assert len(accusations) == text.count("You always ignore")
    assert all(text[v.start:v.end] == v.excerpt for v in report.violations)


def test_tokens_of_ordinary_texts_are_shared_and_huge_texts_are_not_kept():
    from tactful.text import _tokenize_cached, tokenize

    draft = "Thank you for the trust. We have decided to end our cooperation."
    assert tokenize(draft, "en") is tokenize(draft, "en")  # the checks of one draft share one tokenization
    huge = "We thank you for the trust. " * 40_000  # ~1 MB, like a pasted archive
    before = _tokenize_cached.cache_info().currsize
    tokens = tokenize(huge, "en")
    assert len(tokens) > 200_000 and _tokenize_cached.cache_info().currsize == before
    assert tokenize(huge, "en") is not tokens


@pytest.mark.parametrize(("contact", "flagged"), [("Jane Roe", True), ("info@northgatevets.co.uk", False)])
def test_a_named_contact_must_be_greeted_but_an_inbox_need_not(contact, flagged):
    from tactful.situation import Situation

    situation = Situation.model_validate({"client": {"name": "Northgate Vets", "contact": contact}})
    report = check("Dear Northgate Vets team,\n\nWe have decided to end our work together.", lang="en", situation=situation)
    assert ("grounded_contact" in {v.rule for v in report.violations}) is flagged


@pytest.mark.parametrize("text", ["We will hand over the CAD files.", "Invoice 12 for CAD 4,500 is due on 5 May.",
                                  "Deductions go through PAYE as before."])
def test_acronyms_that_are_also_dictionary_words_are_not_shouting(text):
    assert "shouting" not in {v.rule for v in check(text, lang="en").violations}


def test_the_plural_te_is_not_read_as_informal_address():
    """«те» («только те проекты») is a form of «тот», though the analyser also offers «ты» for it."""
    rules = lambda text: {v.rule for v in check(text, "ru", "email").violations}  # noqa: E731
    assert "informal_address" not in rules("Я берусь только за те заказы, которые успею сделать хорошо.")
    assert "informal_address" in rules("Те файлы, что ты прислал, не открываются.")


def test_a_word_written_with_yo_is_read_as_written():
    """«щёлочи» is a noun; only «щелочи», without its «ё», also reads as the imperative of «щелочить»."""
    rules = lambda text: {v.rule for v in check(text, "ru", "email").violations}  # noqa: E731
    assert "informal_address" not in rules("На купольной машине подтекает соединение на шланге дозатора щёлочи.")
    assert "informal_address" in rules("Подпиши акт, пожалуйста.")
