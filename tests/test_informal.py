"""A friend the user's notes ask to write to on «ты»: the message says «ты» throughout, and the checker does not
call it disrespect there (it still does everywhere else)."""

from __future__ import annotations

import re

import pytest

import tactful
from tactful.checker import check
from tactful.composer.informal import familiar
from tactful.phrases import load_phrases
from tactful.situation import Situation

FRIEND_NOTES = ["с января ухожу в студию на полную ставку", "с Димой дружим десять лет, говорить по-человечески, на «ты»"]
VY = re.compile(r"(?<![\w-])(?:[Вв]ы|[Вв]ас|[Вв]ам|[Вв]ами|[Вв]аш\w*)(?![\w-])")


def friend(**fields) -> Situation:
    data = {"client": {"name": "клуб «Подвал»", "contact": "Дима Ларионов"}, "sender": {"name": "Костя Белов", "solo": True},
            "reasons": FRIEND_NOTES, "end_date": "2099-12-31", "language": "ru", "handover": ["шаблоны пульта на флешке"],
            "unpaid_invoices": [{"amount": "24 000 ₽", "due": "2099-12-10"}], **fields}
    return Situation.model_validate(data)


def said_to_client(draft) -> str:
    content = draft.content
    if content.kind == "email":
        return content.body
    lines = [content.opening, content.key_message, *content.points, content.closing, *(r.answer for r in content.reactions)]
    # The stage directions in brackets are the tool's words to the user, who is still «вы».
    return re.sub(r"\([^)]*\)", "", "\n".join(lines))


@pytest.mark.parametrize("channel", ["email", "call"])
def test_a_friend_the_notes_ask_to_write_to_on_ty_hears_ty_and_the_check_passes(channel):
    result = tactful.draft(friend(channel=channel), backend="composer")
    text = said_to_client(result.draft)
    assert text.startswith("Привет, Дима!") and re.search(r"\bтеб[яе]\b", text) and not VY.search(text), text
    assert result.report.passed and "informal_address" not in {v.rule for v in result.report.violations}


def test_without_the_ask_the_client_is_written_to_on_vy():
    notes = [FRIEND_NOTES[0], "с Димой работаем десять лет"]
    text = said_to_client(tactful.draft(friend(reasons=notes), backend="composer").draft)
    assert VY.search(text) and not re.search(r"\bтеб[яе]\b|Привет", text), text


def test_ty_is_still_disrespect_where_the_notes_do_not_ask_for_it():
    text = "Дима, ты же понимаешь, что счёт надо оплатить до 10 декабря."
    assert "informal_address" in {v.rule for v in check(text, lang="ru").violations}
    assert "informal_address" not in {v.rule for v in check(text, lang="ru", situation=friend()).violations}
    other = friend(reasons=[FRIEND_NOTES[0]])
    assert "informal_address" in {v.rule for v in check(text, lang="ru", situation=other).violations}


@pytest.mark.parametrize(("said", "gender", "on_ty_said"), [
    ("Благодарю вас за доверие. Сможете оплатить до 10 декабря?", "masc", "Спасибо тебе за доверие. Сможешь оплатить до 10 декабря?"),
    # The past tense agrees with the one person, whose «вы» may be left out after «что».
    ("Спасибо, что выслушали. Как вы и просили, пришлю акт.", "femn", "Спасибо, что выслушала. Как ты и просила, пришлю акт."),
    # «о вас» is the prepositional «о тебе»; our own «мы» stays.
    ("Думаю о вас. Рад, что мы договорились, давайте так и сделаем.", "masc", "Думаю о тебе. Рад, что мы договорились, давай так и сделаем."),
    # A friend hears no office words: «решили закончить нашу совместную работу», not «приняли решение завершить сотрудничество».
    ("Мы приняли решение завершить наше сотрудничество 31 декабря.", "femn", "Мы решили закончить нашу совместную работу 31 декабря."),
    ("Хочу сообщить вам своё решение: я завершаю наше сотрудничество 15 декабря. Спасибо за совместную работу.", "masc",
     "Хочу сообщить тебе своё решение: я заканчиваю нашу совместную работу 15 декабря. Спасибо за всё, что мы сделали вместе."),
    # Money is asked of a friend as a friend asks it.
    ("Сумма 21 500 ₽ — срок оплаты до 20 декабря.", "masc", "Остаются 21 500 ₽ — переведи, пожалуйста, до 20 декабря."),
])
def test_words_said_on_vy_are_said_on_ty(said, gender, on_ty_said):
    assert familiar(said, load_phrases("ru"), gender) == on_ty_said


@pytest.mark.parametrize(("said", "friendly"), [
    ("I will send it and we will call. It is not a surprise, I am sure.", "I'll send it and we'll call. It's not a surprise, I'm sure."),
    # "will not" is "won't", not "I'll not"; "have" as owning is not "I've".
    ("I will not charge for it. I have two keys.", "I won't charge for it. I have two keys."),
])
def test_english_said_to_a_friend_takes_its_friendly_forms(said, friendly):
    assert familiar(said, load_phrases("en"), None) == friendly


@pytest.mark.parametrize("asked", [
    "Tasha and I go way back, write to her like a friend - 'Tash' is fine at the start",
    "we're old friends, call her Tash, no corporate speak",
    "Tash = college roommate, talk like friends. not a speech"])
def test_a_friend_in_english_is_greeted_by_the_name_she_goes_by_in_friendly_forms(asked):
    s = Situation.model_validate({
        "client": {"name": "Eastside Growers", "contact": "Tasha Greene"}, "sender": {"name": "Meredith Cole", "solo": True},
        "reasons": ["I have accepted a full-time role at a hospital foundation", asked], "end_date": "2099-12-31",
        "language": "en", "handover": ["the grant calendar spreadsheet"],
        "open_work": [{"item": "final draft of the spring application, ready for Tasha's review", "due": "2099-12-18"}]})
    result = tactful.draft(s, backend="composer")
    body = result.draft.content.body
    assert body.startswith("Hi Tash,") and "I'll" in body and "I will" not in body and "All the best," in body, body
    # A note that names her by her own name is said to her all the same; she is signed to by first name.
    assert "ready for your review" in body and body.rstrip().endswith("All the best,\nMeredith"), body
    assert result.report.passed, result.report.violations
    # Without the ask, the same client hears the full name and the plain forms.
    plain = tactful.draft(s.model_copy(update={"reasons": s.reasons[:1]}), backend="composer").draft.content.body
    assert "Tash," not in plain and "I will" in plain, plain


def test_the_words_a_friend_is_told_on_ty_are_said_and_his_name_in_a_step_is_ty():
    notes = [FRIEND_NOTES[1], "скажу так: Дим, я с нового года ухожу в студию, сам понимаешь"]
    s = friend(reasons=notes, client={"name": "клуб «Подвал»", "contact": "Серёга"}, channel="call",
               handover=["ключ от пульта — отдам Серёге"])
    text = said_to_client(tactful.draft(s, backend="composer").draft)
    assert "Дим, я с нового года ухожу в студию, сам понимаешь." in text, text
    assert "тебе ключ" in text and "Серёге" not in text, text
