"""What the user's notes expect the client to say: a call or a meeting prepares for it, with the user's answer."""

from __future__ import annotations

import datetime as dt

import pytest

from tactful import draft
from tactful.composer import Composer
from tactful.situation import Situation

FUTURE = (dt.date.today() + dt.timedelta(days=60)).isoformat()


def situation(language: str, notes: list[str], **fields) -> Situation:
    return Situation.model_validate({
        "client": {"name": "Harlow Roofing" if language == "en" else "ООО «Кровля-Сервис»"},
        "sender": {"name": "Craig Doyle" if language == "en" else "Сергей Паршин", "solo": True},
        "end_date": FUTURE, "language": language, "reasons": notes, **fields,
    })


def reactions(language: str, notes: list[str], channel: str = "call") -> tuple[dict[str, str], str]:
    result = draft(situation(language, notes, channel=channel), backend="composer")
    assert result.compliant, result.report.violations
    return {r.client: r.answer for r in getattr(result.draft.content, "reactions", [])}, result.text


@pytest.mark.parametrize("channel", ["call", "meeting"])
def test_a_request_the_user_will_refuse_is_prepared_first_with_their_why(channel):
    said, _ = reactions("en", ["They will probably ask if I can leave the kit at the hall for their members. "
                               "The answer is no, my insurance does not cover volunteers using it."], channel)
    client, answer = next(iter(said.items()))
    assert client == "asks if I can leave the kit at the hall for their members"
    assert answer.endswith("the answer is no: my insurance does not cover volunteers using it.")


def test_two_expectations_in_one_note_are_two_reactions_a_refusal_and_a_calm_disagreement():
    said, text = reactions("en", ["he'll ask to keep the scaffold up over the holidays, answer is no. "
                                  "he'll also say the lost day was our fault, it wasn't"])
    assert said["asks to keep the scaffold up over the holidays"].endswith("the answer is no.")
    disagreement = said["says the lost day was our fault"]
    assert "argue" in disagreement and "fault" not in disagreement
    # The client's words are no line for the sender to say.
    assert "it wasn't" not in text.lower()


@pytest.mark.parametrize(("language", "note", "client", "answer"), [
    ("en", "she'll ask about the residents with NHS aids - they can go back to the hospital for repairs",
     "asks about the residents with NHS aids", "They can go back to the hospital for repairs."),
    ("ru", "спросит про залог за бутыли - вернём при расчёте, после возврата всех бутылей",
     "спросит про залог за бутыли", "Вернём при расчёте, после возврата всех бутылей."),
    # The answer is what its last label opens ("doesn't matter. answer: '…'" had said both).
    ("en", "he'll say Craig was having a bad day. doesn't matter. answer: 'It's not about one bad day, it's about who I send into your yard.'",
     "says Craig was having a bad day", "It's not about one bad day, it's about who I send into your yard."),
    # Said to the client («ей» → «вам»), without the user's word to themselves («сам не предлагаю»).
    ("ru", "ЕСЛИ спросит про остаток: лишних рулонов будет штук 40 — могу продать ей разом в январе по осенней цене. сам не предлагаю",
     "спросит про остаток", "Лишних рулонов будет штук 40 — могу продать вам разом в январе по осенней цене."),
])
def test_the_answer_the_user_gives_in_the_note_is_the_answer_and_no_point_besides(language, note, client, answer):
    said, text = reactions(language, [note])
    assert said[client] == answer
    assert text.count(answer.rstrip(".")) == 1


def test_a_russian_refusal_and_a_denial_keep_the_clients_words_in_the_third_person():
    said, _ = reactions("ru", ["они точно попросят оставить кулеры до конца января — ответ нет, их забираем на другой объект",
                               "скажут, что доставки срывались по нашей вине, это не так"])
    assert said["попросит оставить кулеры до конца января"].endswith("нет: их забираем на другой объект.")
    assert "спорить" in said["скажет, что доставки срывались по нашей вине"]


def test_an_expectation_without_an_answer_is_met_calmly_and_an_email_has_none():
    said, _ = reactions("en", ["They'll probably say their last setters were faster. Don't argue about that."])
    assert "It does not change the decision" in said["says their last setters were faster"]
    _, text = reactions("en", ["They'll probably say their last setters were faster. Don't argue about that."], "email")
    assert "faster" not in text


@pytest.mark.parametrize(("language", "note", "fallback", "held"), [
    ("en", "the contract says 60 days. if they push, we can take calls for advice until the end of March, but no more visits",
     "We can take calls for advice until the end of March, but no more visits.", "formal notice"),
    ("ru", "по договору 60 дней. если упрётся — готовы до конца марта консультировать по телефону, но без выездов",
     "Готовы до конца марта консультировать по телефону, но без выездов.", "официальным уведомлением"),
    # Held to the full period, as users type it; a dotted date inside the fallback does not end it.
    ("en", "the contract says 60 days. if they hold us to it: we answer questions remotely until 9 March, no scanning",
     "We answer questions remotely until 9 March, no scanning.", "formal notice"),
    ("ru", "по договору 60 дней (если настаивают — до 27.03 только консультации по почте)",
     "До 27 марта только консультации по почте.", "официальным уведомлением"),
])
def test_a_fallback_kept_for_when_the_client_pushes_is_held_back_and_prepared(language, note, fallback, held):
    soon = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    held_back = situation(language, [note], end_date=soon, contract={"notice_days": 60, "clause": "9.1"})
    email = draft(held_back, backend="composer").text
    assert held not in email and fallback not in email
    call = draft(held_back.model_copy(update={"channel": "call"}), backend="composer")
    assert fallback in [r.answer for r in call.draft.content.reactions]
    # Without the note, the letter falls back on the full notice period itself.
    assert held in draft(held_back.model_copy(update={"reasons": []}), backend="composer").text


@pytest.mark.parametrize(("language", "note", "fallback"), [
    ("en", "we finish the last lift on Thursday, then we demob Friday. nothing after that", "notice period runs to"),
    ("ru", "последний подъём в четверг, в пятницу вывозим кран, потом всё", "срок уведомления истекает"),
])
def test_a_firm_end_in_the_notes_offers_no_fallback_to_the_full_notice(language, note, fallback):
    soon = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    call = situation(language, [note], end_date=soon, channel="call", contract={"notice_days": 14})
    text = draft(call, backend="composer").text
    assert fallback not in text
    assert fallback in draft(call.model_copy(update={"reasons": []}), backend="composer").text


@pytest.mark.parametrize(("language", "note", "line"), [
    ("en", "Their new site copies our puzzles, our solicitor is on it. If he raises it, say we can't discuss it today.", "can't discuss it today"),
    ("ru", "про их новую площадку ни слова. если спросит про неё, сказать, что сегодня это обсуждать не будем", "обсуждать не будем"),
])
def test_a_line_only_for_when_the_client_brings_something_up_is_not_said_unprompted(language, note, line):
    for channel in ("email", "meeting"):
        assert line not in draft(situation(language, [note], channel=channel), backend="composer").text


def test_a_note_against_email_keeps_a_call_off_email():
    text = draft(situation("en", ["ring Neil, don't put any of this in an email, it'll go round the site"], channel="call",
                           handover=["the lift plans", "the risk assessments", "the examination certificate", "the accessory register"]),
                 backend="composer").text
    assert "list in writing" in text and "list by email" not in text and "Not by email" in text


def test_the_fallback_is_what_follows_the_condition_it_is_kept_for():
    soon = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    note = "если упрётся в 60 дней: наш покупатель может с января возить гостей, я сведу. только если спросит!"
    call = situation("ru", [note], end_date=soon, channel="call", contract={"notice_days": 60})
    answers = [r.answer for r in draft(call, backend="composer").draft.content.reactions]
    assert "Наш покупатель может с января возить гостей, я сведу." in answers


@pytest.mark.parametrize(("language", "note", "fallback"), [
    ("en", "only if she really pushes: I'll do the February safety check as a one-off. don't offer it first",
     "I'll do the February safety check as a one-off."),
    ("en", "if he pushes hard - I can come back for one more visit in March", "I can come back for one more visit in March."),
    ("ru", "если будет настаивать — сделаю февральскую проверку разово. сам не предлагать",
     "Сделаю февральскую проверку разово."),
])
def test_a_fallback_kept_for_a_push_without_a_notice_period_is_prepared_not_said(language, note, fallback):
    call = situation(language, [note], channel="call")
    said = {r.client: r.answer for r in draft(call, backend="composer").draft.content.reactions}
    assert fallback in said.values()
    assert fallback not in draft(call.model_copy(update={"channel": "email"}), backend="composer").text


def test_an_honest_answer_no_is_a_refusal_with_the_first_clause_of_its_why():
    said, _ = reactions("en", ["she'll ask if I can keep doing the monthly checks without the call-outs. honest answer: no - the "
                               "call-outs are the whole point, a scheme that can't get a stranded user home isn't safe"])
    assert said["asks if I can keep doing the monthly checks without the call-outs"].endswith(
        "the answer is no: the call-outs are the whole point.")


@pytest.mark.parametrize(("due_in", "prepared"), [(20, False), (-20, True)])
def test_an_invoice_dispute_is_prepared_for_only_when_an_invoice_is_overdue(due_in, prepared):
    due = (dt.date.today() + dt.timedelta(days=due_in)).isoformat()
    call = situation("en", ["I'm moving to product work only"], channel="call",
                     unpaid_invoices=[{"number": "PMR-1126", "amount": "£780", "due": due}])
    clients = [r.client for r in draft(call, backend="composer").draft.content.reactions]
    assert any("disputes an invoice" in c for c in clients) == prepared


def test_a_fallback_kept_for_a_question_is_no_answer_to_a_push():
    call = situation("en", ["ONLY if she asks: we'd sell the hearse to Henshaw's at the valuation"], channel="meeting")
    answers = [r.answer for r in draft(call, backend="composer").draft.content.reactions]
    assert not [a for a in answers if "hearse" in a]


def test_a_fallback_about_the_client_in_the_third_person_is_said_to_them_and_work_stopped_now_is_not_carried_on():
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    notes = ["contract says 30 days. we stop collections now and the last delivery is the one already loaded",
             "ONLY if he pushes on the 30 days: they can collect pallets from our yard themselves till 2 Jan, same price"]
    call = situation("en", notes, end_date=soon, channel="call", contract={"notice_days": 30, "clause": "12"})
    result = draft(call, backend="composer")
    answers = [r.answer for r in result.draft.content.reactions]
    assert any(a.startswith("You can collect pallets from our yard") for a in answers), answers
    assert "working as usual" not in result.text


@pytest.mark.parametrize(("language", "note", "asked", "answer"), [
    ("ru", "если спросят, можно ли провести испытания занавеса досрочно, в январе: да, до 29 января, если дадут сцену на весь день. сами не предлагаем",
     "Можете ли вы провести испытания занавеса до своего ухода, в январе?", "Да, до 29 января, если дадут сцену на весь день."),
    # The answer as the user wrote it, not a refusal framed by the script, and without the note to the tool after it.
    ("ru", "наверняка спросит «это из-за Артура?» — ответ: нет, это кабинет, я давно о нём мечтала. и всё, без подробностей",
     "Из-за Артура?", "Нет, это кабинет, я давно о нём мечтала."),
    ("en", "he'll ask if we can do the January count as well. answer: yes, at the usual rate, booked before 10 January",
     "Could you do the January count as well?", "Yes, at the usual rate, booked before 10 January."),
])
def test_a_reply_gives_the_answer_the_notes_keep_for_what_the_client_asks(language, note, asked, answer):
    from tactful import reply

    result = reply(situation(language, ["moving to new-build work only" if language == "en" else "перехожу на новостройки", note]),
                   f"{'Noted.' if language == 'en' else 'Поняла.'} {asked}", backend="composer")
    assert answer in result.text and "без подробностей" not in result.text, result.text
    assert not any(asked in w for w in result.warnings if "only you" in w or "только вы" in w), result.warnings


def test_if_she_asks_foresees_the_question_and_only_if_she_asks_is_a_fallbacks_condition():
    said, text = reactions("en", ["if she asks whether I'd still train her staff: yes, two days in February, no charge. ONLY if she asks",
                                  "one last visit on 12 Feb as a goodbye - ONLY if she asks for something after the end. I'm not offering it"])
    assert said.get("asks whether I'd still train her staff") == "Yes, two days in February, no charge.", said
    assert "I'm." not in text and "Only if she asks" not in text, text


def test_a_refusal_that_offers_something_instead_says_it_after_the_no():
    said, _ = reactions("en", ["he'll ask me to do first cut in May. answer: no. but I'll walk the fields with the new man in April"])
    answer = next(iter(said.values()))
    assert answer.endswith("the answer is no. I'll walk the fields with the new man in April."), answer


def test_only_if_asked_after_a_russian_answer_is_the_users_word_to_the_tool():
    said, _ = reactions("ru", ["если спросит, смогу ли потом выезжать на УЗИ раз в месяц: могу, по субботам, до мая. только если спросит"])
    answer = next(iter(said.values()))
    assert answer == "Могу, по субботам, до мая.", answer


def test_the_clients_quoted_words_run_to_their_closing_quote():
    said, _ = reactions("ru", ["скажет «а люди? я им обещала установку весной» — ответ: все оплаченные ставим сами до 28 мая"], "meeting")
    assert said.get("скажет «а люди? я им обещала установку весной»") == "Все оплаченные ставим сами до 28 мая.", said


@pytest.mark.parametrize(("language", "note"), [
    ("en", "if he asks can we still do the camera inspections on those 3: only if booked by Dec 20"),
    ("ru", "если спросит, можно ли оставить нас только на контрольных весах: нет, уходим целиком"),
])
def test_an_answer_kept_for_a_question_is_no_fallback_for_the_full_notice(language, note):
    # "if he asks X: answer" prepares the answer to X; it is not what the user keeps for a client who insists on
    # the full notice period.
    s = Situation.model_validate({"client": {"name": "Lakeshore" if language == "en" else "ООО «Рынок»", "contact": "Brent Sorensen" if language == "en" else "Рамиль Фаридович"},
                                  "sender": {"name": "Dale Moss" if language == "en" else "Владимир Корнеев", "company": "Moss Co" if language == "en" else "ООО «Весы»"},
                                  "reasons": [note], "contract": {"notice_days": 60}, "end_date": (dt.date.today() + dt.timedelta(days=40)).isoformat(),
                                  "language": language})
    reactions = Composer().compose(s, "call", language)[0].content.model_dump_json()
    assert "full notice period" not in reactions and "полном сроке уведомления" not in reactions, reactions


@pytest.mark.parametrize(("language", "note", "fallback"), [
    ("en", "the contract says 60 days. if they hold us to it: emergency callouts only until then, no scheduled work",
     "Emergency callouts only until {date}, no scheduled work."),
    ("ru", "по договору 60 дней. если будут настаивать — только аварийные выезды до тех пор, без плановых работ",
     "Только аварийные выезды до {date}, без плановых работ."),
])
def test_a_fallback_until_then_says_the_day_the_notice_ends(language, note, fallback):
    from tactful.as_of import notice_end
    from tactful.wording import format_date

    soon = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    held_back = situation(language, [note], end_date=soon, contract={"notice_days": 60, "clause": "9.1"}).model_copy(update={"channel": "call"})
    ends = notice_end(held_back)
    # Spoken, the day goes without its year.
    said = fallback.format(date=format_date(ends, language).replace(f" {ends.year} года", "").replace(f" {ends.year}", ""))
    assert said in [r.answer for r in draft(held_back, backend="composer").draft.content.reactions]
