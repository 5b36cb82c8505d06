"""The client's points only the user can answer: listed with the reply, answered by the user, written in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tactful import reply
from tactful.cli import app
from tactful.situation import parse_situation

# A question no phrase bank can answer: only the user knows whether the lodge stays open for them.
ASKED = {
    "en": "Thank you for letting me know. Could our volunteers still use the lodge on Saturdays until Easter?",
    "ru": "Спасибо, что предупредили. Можно ли нашим волонтёрам пользоваться сторожкой по субботам до Пасхи?",
}
ANSWER = {
    "en": "yes, the lodge stays open to your volunteers on Saturdays until Easter",
    "ru": "да, сторожка открыта для ваших волонтёров по субботам до Пасхи",
}
COME_BACK = {"en": "come back to you on your", "ru": "отвечу в течение двух рабочих дней"}


def _situation(language: str):
    return parse_situation({
        "client": {"name": "Meadowbank Trust" if language == "en" else "Фонд «Луговой берег»"},
        "sender": {"name": "Sam Hale" if language == "en" else "Семён Халин", "solo": True},
        "end_date": "2031-03-31", "language": language,
    })


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_point_only_the_user_can_answer_is_listed_and_the_reply_promises_to_come_back(language):
    result = reply(_situation(language), ASKED[language], backend="composer")
    assert result.questions == [ASKED[language].split(". ", 1)[1]]
    assert COME_BACK[language] in result.text
    assert "1) " + result.questions[0] in " ".join(result.warnings)


@pytest.mark.parametrize("key", ["1", "point"])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_users_answer_is_written_in_by_number_or_by_point(language, key):
    point = reply(_situation(language), ASKED[language], backend="composer").questions[0]
    result = reply(_situation(language), ASKED[language], backend="composer",
                   answers={"1" if key == "1" else point: ANSWER[language]})
    said = ANSWER[language][0].upper() + ANSWER[language][1:] + "."
    # Under the client's own question, quoted as in a mail answered inline: the answer says what it answers.
    assert f"> {point}\n{said}" in result.text
    # Answered: no promise to come back on it, no warning left, and the point is still listed for editing.
    assert COME_BACK[language] not in result.text
    assert not any(point in w for w in result.warnings)
    assert result.questions == [point] and result.compliant


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_answer_the_checker_objects_to_is_left_out_and_the_point_stays_open(language):
    hostile = {"en": "no, you never listen and it is all your fault", "ru": "нет, вы никогда не слушаете и во всём виноваты сами"}
    result = reply(_situation(language), ASKED[language], backend="composer", answers={"1": hostile[language]})
    assert hostile[language] not in result.text.lower()
    assert [o.field for o in result.left_out] == ["answers"]


def test_answers_on_the_command_line_are_given_by_number(tmp_path: Path):
    situation = tmp_path / "s.yaml"
    situation.write_text("client: {name: Meadowbank Trust}\nsender: {name: Sam Hale, solo: true}\nend_date: 2031-03-31\nlanguage: en\n")
    answer = tmp_path / "reply.txt"
    answer.write_text(ASKED["en"])
    runner = CliRunner()
    asked = runner.invoke(app, ["reply", str(situation), str(answer), "--backend", "composer", "--no-history"])
    assert "1) Could our volunteers" in asked.stderr
    answered = runner.invoke(app, ["reply", str(situation), str(answer), "--backend", "composer", "--no-history",
                                   "--answer", f"1={ANSWER['en']}"])
    assert answered.exit_code == 0 and "Yes, the lodge stays open" in answered.stdout
    wrong = runner.invoke(app, ["reply", str(situation), str(answer), "--backend", "composer", "--no-history",
                                "--answer", "yes please"])
    assert wrong.exit_code == 2 and "N=text" in wrong.stderr


def test_an_llm_is_given_the_users_answers_and_their_words_are_no_invented_detail():
    from support.fakes import RecordingFakeChat

    from tactful.composer import Composer
    from tactful.drafters.chat import ChatDrafter

    situation, answers = _situation("en"), {ASKED["en"].split(". ", 1)[1]: ANSWER["en"]}
    written = Composer().compose_reply(situation, ASKED["en"], "en", "formal", answers)[0].content
    fake = RecordingFakeChat(responses=[written.model_dump_json()], prompts=[])
    result = reply(situation, ASKED["en"], backend=ChatDrafter(chat_model=fake), answers=answers)
    prompt = fake.prompts[0][-1].content
    assert f"- Could our volunteers still use the lodge on Saturdays until Easter?: {ANSWER['en']}" in prompt
    # "Saturdays" and "Easter" come from the user's answer: grounded, so the draft passes as it is.
    assert result.compliant and result.backend == "openai" and len(result.attempts) == 1


@pytest.mark.parametrize(("language", "answer", "never"), [
    # What a pronoun stands for, and a yes the client asks for, are the user's to give.
    ("en", "I do not accept invoice FF-0412. Please withdraw it.", "will withdraw"),
    ("en", "Can we count on you for midnight mass? Please say yes.", "will say yes"),
    # A sigh is no imperative («жаль» is not "sting!"), a question in a request's words asks.
    ("ru", "Жаль, конечно, но раз так — так.", "жалить"),
    ("ru", "И подскажите, кого можете посоветовать на замену?", "посоветую кого"),
])
def test_what_is_no_task_for_the_sender_is_not_promised(language, answer, never):
    result = reply(_situation(language), answer, backend="composer")
    assert never not in result.text and result.compliant


def test_a_name_is_whom_to_send_to_only_in_the_dative():
    sent = reply(_situation("ru"), "Пришлите исходники всех смет, включая Заводскую. Акт передайте Нине Павловне.", backend="composer")
    assert "Нине Павловне" in sent.text and "отправлю Заводскую" not in sent.text


@pytest.mark.parametrize(("language", "answer"), [("en", "Jo!! Oh no. Could you send the stand list?"), ("ru", "Костя!! Эх. Пришлите список стоек.")])
def test_exclamation_marks_after_a_name_are_no_aggression(language, answer):
    from tactful.composer import classify_reply

    assert classify_reply(answer, language) != "aggressive"
    assert classify_reply("You will regret this!!" if language == "en" else "Вы об этом пожалеете!!", language) in ("threat", "aggressive")


def test_the_reply_keeps_the_subject_of_the_message_it_answers_when_the_client_writes_by_first_name():
    s = _situation("en").model_copy(update={"tone": "formal"})
    first = reply(s, "Sam, thanks for letting me know. Could you send the key list?", backend="composer")
    # Answered in the warm register ("Warm regards"), under the formal letter's subject.
    assert first.text.startswith("Subject: Re: Ending our work together") and "Warm regards" in first.text


@pytest.mark.parametrize(("language", "asked", "said"), [
    ("en", "What happened? We were so happy with you.", "personal reasons"),
    ("ru", "Что случилось? Мы же были довольны.", "по личным обстоятельствам"),
])
def test_what_happened_is_asking_why_and_a_private_reason_is_said_again_alone(language, asked, said):
    note = {"en": "just say personal reasons", "ru": "пусть будет «по личным обстоятельствам»"}[language]
    s = _situation(language).model_copy(update={"reasons": [note]})
    text = reply(s, asked, backend="composer").text
    assert said in text and "how I run my" not in text and "как я веду" not in text


@pytest.mark.parametrize(("language", "referral", "answer"), [
    ("en", "Ade Bankole, a sound engineer at the cathedral", "We know Bankole already, but he is booked up."),
    ("ru", "кадастровый инженер Пётр Васильевич Дёмин", "Дёмина я знаю, но он берёт дорого."),
])
def test_a_referral_the_client_names_by_surname_in_any_case_is_not_recommended_again(language, referral, answer):
    s = _situation(language).model_copy(update={"referral": referral})
    assert referral.split()[-1][:4] not in reply(s, answer, backend="composer").text.split("\n\n", 2)[2]


@pytest.mark.parametrize(("language", "answer", "kind"), [
    ("en", "When would the refund come through, and to the same account?", None),
    ("en", "Oh no, please don't apologise, your health comes first.", None),
    ("en", "Please don't leave us.", "reconsider"),
    ("ru", "Первая партия уходит 25-го, без декларации не примут.", None),
    ("ru", "Работу не примем, это брак.", "dispute"),
    # Put off, not disputed.
    ("ru", "Сам № 229 оплатим не раньше февраля, после закрытия года.", None),
])
def test_kindness_and_a_third_partys_rule_are_no_dispute_or_plea(language, answer, kind):
    from tactful.composer.vetting import reply_kinds

    found = set(reply_kinds(answer, language)) & {"dispute", "reconsider"}
    assert found == ({kind} if kind else set())


@pytest.mark.parametrize(("language", "said", "asked"), [
    # A replacement for the sender is a referral question; the replacement of a part is none.
    ("en", "Do you know a good replacement?", True),
    ("en", "I will put the anchor replacement to the AGM in January.", False),
    ("ru", "Можете подобрать себе замену?", True),
    ("ru", "Замена вводного автомата будет до 15 декабря.", False),
])
def test_a_replacement_asks_for_a_referral_only_when_it_is_for_the_sender(language, said, asked):
    from tactful.composer.vetting import reply_topics

    assert ("referral" in reply_topics(said, language)) is asked


@pytest.mark.parametrize(("language", "said", "topic", "found"), [
    # Picking up the phone returns nothing; picking up the key does.
    ("en", "The committee will ask me before anyone picks up the phone.", "returns", False),
    ("en", "Could you pick up the key on Friday?", "returns", True),
    # A call on a later condition is none to make now; staying in touch is no call either.
    ("en", "If the stock comes back sooner than you think, call me first.", "call", False),
    ("en", "Can you call me tomorrow?", "call", True),
    ("ru", "Давайте оставаться на связи.", "call", False),
    ("ru", "Позвоните мне завтра, пожалуйста.", "call", True),
])
def test_words_that_only_look_like_a_topic_are_not_read_as_it(language, said, topic, found):
    from tactful.composer.vetting import reply_topics

    assert (topic in reply_topics(said, language)) is found


def test_a_refusal_to_pay_is_not_thanked_for_and_a_counter_proposal_is_deferred():
    from tactful.composer.vetting import reply_topics

    assert "paying" not in reply_topics("Счёт 311 я оплачивать не буду, мастер ничего не сделал.", "ru")
    assert "paying" in reply_topics("Счёт 311 я оплачу в понедельник.", "ru")
    assert "paying" in reply_topics("The invoice will be paid in the first week of January.", "en")
    assert "paying" not in reply_topics("It won't be paid until you finish.", "en")
    result = reply(_situation("en"), "Could you not just carry on with the west barn and leave the east barn out?", backend="composer")
    assert "will not just carry on" not in result.text and result.questions


@pytest.mark.parametrize(("language", "asked"), [("en", "Understood. Who else could take it on?"), ("ru", "Понятно. Кого посоветуете вместо себя?")])
def test_asked_for_a_referral_the_situation_lacks_the_user_is_asked_to_name_one(language, asked):
    result = reply(_situation(language), asked, backend="composer")
    assert asked.split(". ", 1)[1] in result.questions
    assert "other specialists" not in result.text and "других специалистов" not in result.text


@pytest.mark.parametrize(("language", "invited", "thanks"), [
    ("en", "And come for a coffee before you go, on the house!", "Thank you for the kind invitation"),
    ("ru", "И приходите на кофе перед уходом, угощаем!", "Спасибо за приглашение"),
])
def test_an_invitation_is_thanked_for_and_left_to_the_user_to_accept(language, invited, thanks):
    asked = {"en": "Thanks for telling us. ", "ru": "Спасибо, что сказали. "}[language] + invited
    result = reply(_situation(language), asked, backend="composer")
    assert thanks in result.text and invited in result.questions
    accepted = {"en": "I would love to, see you on Friday", "ru": "с удовольствием, до встречи в пятницу"}[language]
    answered = reply(_situation(language), asked, backend="composer", answers={invited: accepted})
    assert thanks not in answered.text and accepted[1:] in answered.text and not answered.warnings


def test_a_request_for_a_day_after_the_end_is_the_users_to_decide_and_one_before_it_is_promised():
    s = _situation("ru").model_copy(update={"end_date": __import__("datetime").date(2031, 1, 28)})
    result = reply(s, "Поняла. Можно провести ещё занятие 2 февраля? И пришлите, пожалуйста, видео с концерта 26 декабря.",
                   backend="composer")
    assert "проведу ещё занятие" not in result.text and result.questions == ["Можно провести ещё занятие 2 февраля?"]
    assert "я пришлю видео с концерта 26 декабря" in result.text


def test_the_second_part_of_a_request_is_the_senders_too():
    from tactful.composer.requests import client_requests
    from tactful.phrases import load_phrases

    found = client_requests("Пришлите акт, а оригиналы передайте Нине.", "ru", load_phrases("ru"), True)
    assert [r.commitment for r in found] == ["я пришлю акт, а оригиналы передам Нине"]


def test_work_named_by_what_is_done_takes_no_article_and_a_thing_does():
    from tactful.composer.grammar import with_article
    from tactful.phrases import load_phrases

    determiners = load_phrases("en").snippets["determiners"]
    assert with_article("taking the team to the county round", determiners) == "taking the team to the county round"
    assert with_article("building plans", determiners) == "the building plans"
    assert with_article("de-installing and crating the exhibition", determiners) == "de-installing and crating the exhibition"


def test_pushing_back_is_no_return_date_and_a_partial_offer_is_a_dispute_not_a_payment():
    from tactful.composer.vetting import reply_kinds, reply_topics

    assert "away" not in reply_topics("I have to push back on several points.", "en")
    assert "away" in reply_topics("I'm back on the 14th.", "en")
    partial = "On APS-0412: we'll consider paying for the 29 colonies that survived, but not the full £3,960."
    assert "paying" not in reply_topics(partial, "en") and "dispute" in reply_kinds(partial, "en")


@pytest.mark.parametrize(("language", "signed", "greeting", "team"), [
    ("en", "Regards,\nNeil Farrant\nMeadowbank Trust", "Dear Neil,", "Meadowbank Trust team"),
    ("ru", "С уважением,\nВера Соколова, закупки\nФонд «Луговой берег»", "Здравствуйте, Вера!", "коллеги"),
])
def test_the_answer_greets_the_person_who_signed_the_reply(language, signed, greeting, team):
    """A firm with no contact on record answers through a person: the answer is to them, not to the team."""
    result = reply(_situation(language), ASKED[language] + "\n\n" + signed, backend="composer")
    assert greeting in result.text and team not in result.text


def test_a_signature_of_the_contact_on_record_keeps_their_fuller_name():
    s = _situation("ru").model_copy(update={"client": _situation("ru").client.model_copy(update={"contact": "Журавлёва Алла Викторовна"})})
    result = reply(s, ASKED["ru"] + "\n\nС уважением,\nЖуравлёва А. В.", backend="composer")
    assert "Алла Викторовна" in result.text


@pytest.mark.parametrize(("language", "listed", "points"), [
    ("en", "Please also confirm:\n1. the full list of bookings you hold for March;\n2. that the lists go by secure transfer only.",
     ["Please also confirm the full list of bookings you hold for March.", "Please also confirm that the lists go by secure transfer only."]),
    ("ru", "Прошу также подтвердить:\n1. список всех броней на март;\n2. что списки придут только через защищённый обмен.",
     ["Прошу также подтвердить список всех броней на март.", "Прошу также подтвердить, что списки придут только через защищённый обмен."]),
])
def test_a_list_that_goes_on_from_the_line_above_is_read_item_by_item_with_its_words(language, listed, points):
    from tactful.composer.grammar import sentences

    assert sentences(listed) == points
    questions = reply(_situation(language), listed, backend="composer").questions
    assert not any(q.endswith(":") for q in questions)


def test_someone_new_who_signs_a_formal_reply_is_greeted_in_kind_and_is_no_invented_name():
    signed = "Dear Mr Hale,\n\nThank you for your letter. We accept the end date.\n\nYours sincerely,\n\nAdrian Pell\nDirector of Operations"
    result = reply(_situation("en"), signed, backend="composer")
    assert "Dear Mr Pell," in result.text
    assert not [v for v in result.report.errors if v.excerpt in ("Pell", "Adrian")]
    # A client who writes by first name is answered by first name.
    assert "Dear Adrian," in reply(_situation("en"), signed.replace("Dear Mr Hale", "Dear Sam"), backend="composer").text
    # A first name not clearly one gender's (Sam, Samantha) gets no title.
    unclear = reply(_situation("en"), signed.replace("Adrian Pell", "Sam Pell"), backend="composer").text
    assert "Mr" not in unclear and "Ms" not in unclear


@pytest.mark.parametrize(("language", "asked"), [
    ("en", "Noted, thank you. Shall we sign one act for the whole group, or one per site?"),
    ("ru", "Поняла, спасибо. Акт подписываем один на всю сеть или по каждой кофейне отдельно?"),
])
def test_a_question_between_alternatives_is_the_users_even_on_a_topic_the_bank_answers(language, asked):
    result = reply(_situation(language), asked, backend="composer")
    assert result.questions == [asked.split(". ", 1)[1]]


def _booked(language: str):
    item = {"en": "the four-day hearing from Monday 11 March", "ru": "четырёхдневное слушание с понедельника, 11 марта"}[language]
    return parse_situation({**_situation(language).model_dump(mode="json", exclude_none=True),
                            "open_work": [{"item": item, "due": "2031-03-14"}]})


@pytest.mark.parametrize(("language", "moved", "old_day"), [
    ("en", "Noted. The hearing now starts on Monday 18 March rather than the 11th.", "14 March"),
    ("ru", "Принято. Слушание начнётся 18 марта, а не 11-го.", "14 марта"),
])
def test_work_the_client_moves_is_not_restated_on_its_old_day(language, moved, old_day):
    before = reply(_booked(language), {"en": "Noted, thank you.", "ru": "Принято, спасибо."}[language], backend="composer")
    assert old_day in before.text
    result = reply(_booked(language), moved, backend="composer")
    assert old_day not in result.text and result.questions


@pytest.mark.parametrize(("language", "asked", "answer", "end"), [
    ("en", "Would you take one more session on 3 April?", "yes, I will take the session on 3 April, my last one", "ends on 31 March"),
    ("ru", "Проведёте ещё одно занятие 3 апреля?", "да, проведу занятие 3 апреля, это будет последнее", "завершается 31 марта"),
])
def test_an_answer_that_works_past_the_end_is_not_contradicted_by_the_old_end_date(language, asked, answer, end):
    assert end in reply(_situation(language), asked, backend="composer").text
    result = reply(_situation(language), asked, backend="composer", answers={"1": answer})
    assert answer[1:] in result.text and end not in result.text


@pytest.mark.parametrize(("language", "asked", "answer", "end"), [
    # Money paid after the end is no work done after it.
    ("ru", "40 000 можем перевести до 20 марта, а 46 000 — только после собрания 17 апреля. Так вас устроит?",
     "да, так меня устроит: 40 000 до 20 марта, а 46 000 — после собрания 17 апреля", "завершается 31 марта"),
    # Nor is the date of a paper an answer cites.
    ("en", "Which findings are you relying on?", "the survey report of 18 June lists every defect", "ends on 31 March"),
])
def test_an_answer_that_names_a_later_day_for_money_or_a_paper_keeps_the_end_date(language, asked, answer, end):
    result = reply(_situation(language), asked, backend="composer", answers={"1": answer})
    assert answer[1:] in result.text and end in result.text, result.text


@pytest.mark.parametrize(("language", "general"), [
    ("en", "a decision about my own business"), ("ru", "как я веду своё дело")])
def test_why_with_no_reason_given_is_answered_once(language, general):
    asked = {"en": "Why? Was it something we did?", "ru": "Почему? Мы что-то сделали не так?"}[language]
    text = reply(_situation(language), asked, backend="composer").text
    assert general not in text and text.count("не оценка" if language == "ru" else "not a judgement") == 1


def test_a_sum_without_an_invoice_number_said_to_be_paid_is_not_asked_for_again():
    s = parse_situation({**_situation("en").model_dump(mode="json", exclude_none=True),
                         "unpaid_invoices": [{"amount": "£620", "due": "2031-02-18"}]})
    assert "£620" in reply(s, "Noted, thank you.", backend="composer").text
    result = reply(s, "Understood. The £620 from October went across this morning.", backend="composer")
    assert "£620 remains" not in result.text and "payment" in result.text


def test_going_back_to_a_way_of_working_is_no_time_away():
    text = reply(_situation("en"), "Understood. From Saturday we go back to cleaning after every session.", backend="composer").text
    assert "time away" not in text


@pytest.mark.parametrize(("language", "said"), [
    ("en", "I'm away at the sales till the 14th so come get the press whenever, Shane will open the shed for you. Thursday's fine."),
    ("ru", "Я в отъезде до 14-го, но приезжайте в любое время, Серёжа откроет вам склад."),
])
def test_a_client_away_who_arranged_the_pick_up_is_not_asked_for_a_day(language, said):
    text = reply(_situation(language), said, backend="composer").text
    assert "time away" not in text and "отсутствие" not in text, text


def test_a_question_that_goes_on_from_the_one_before_offers_no_alternative():
    from tactful.composer.vetting import open_questions

    assert open_questions("Understood. Or is it about the invoice?", "en") == []
    assert open_questions("Understood. Is the invoice for the whole month, or only the weeks worked?", "en")


@pytest.mark.parametrize(("language", "said"), [
    ("en", "I've asked accounts to pay on 15 December. Can you confirm the bank details are the same as last time?"),
    ("ru", "Оплату переведём 10-го. Реквизиты у вас те же, что в прошлом году?"),
])
def test_a_question_for_a_fact_only_the_user_has_is_theirs_to_answer(language, said):
    """The money topic's stock answer says nothing of the bank details: the question is the user's point."""
    from tactful.composer.vetting import open_questions

    assert open_questions(said, language) == [said.split(". ", 1)[1]]


@pytest.mark.parametrize(("language", "asked", "promised"), [
    ("en", "I understand. Could you move your finish date to the middle of April?", "As you asked, I will move"),
    ("ru", "Понимаю. Прошу вас не торопиться с решением.", "Как вы просили"),
])
def test_a_request_about_the_end_or_the_decision_is_the_users_not_promised_back(language, asked, promised):
    result = reply(_situation(language), asked, backend="composer")
    assert promised not in result.text and asked.split(". ", 1)[1] in result.questions


@pytest.mark.parametrize(("language", "work", "news"), [
    ("en", ["the medical cover at the Solstice Night Run", "the medical cover at the Dark Peak race"],
     "Some news: the Solstice Night Run on 19 December is cancelled, so you won't be needed. "
     "Please send the invoice to accounts@peaktrail.example.com from now on."),
    ("ru", ["новогодняя поставка дров на базу «Сосны»", "последняя поставка дров на склад"],
     "Новогодняя поставка на базу «Сосны» отменена: база закрыта на ремонт. Счета присылайте на buh@sosny.example.ru."),
])
def test_work_the_client_cancels_is_not_restated_and_the_address_they_give_is_no_invented_detail(language, work, news):
    s = parse_situation({**_situation(language).model_dump(mode="json", exclude_none=True), "open_work": [
        {"item": work[0], "due": "2031-01-19"}, {"item": work[1], "due": "2031-03-17"}]})
    result = reply(s, news, backend="composer")
    body = result.text.split("\n\n", 2)[2]
    assert work[1].split()[-1] in body and work[0] not in body
    assert not [v for v in result.report.violations if v.rule == "invented_detail"]


@pytest.mark.parametrize(("language", "work", "question", "said"), [
    ("en", "the pre-season desludge of both tanks", "Is the desludge definitely before the 26th? We have a group coming.",
     "Yes: I will finish the pre-season desludge of both tanks by 26 February"),
    ("ru", "покраска фасада", "Покраска фасада точно будет до 26-го?", "Да, закончу покраску фасада"),
])
def test_a_question_whether_planned_work_keeps_its_day_is_answered_yes_and_not_deferred(language, work, question, said):
    s = parse_situation({**_situation(language).model_dump(mode="json", exclude_none=True),
                         "open_work": [{"item": work, "due": "2031-02-26"}]})
    result = reply(s, question, backend="composer")
    assert said in result.text and question not in result.questions and COME_BACK[language] not in result.text
    assert result.text.count(work.split()[-1]) == 1


def test_someone_of_the_contacts_family_who_signs_is_greeted_as_themselves_and_their_news_is_answered():
    s = _situation("en").model_copy(update={"client": _situation("en").client.model_copy(update={"contact": "Mr Julian Marsh"})})
    text = ("Dear Mr Hale,\n\nI am replying to your letter to my father. Julian was taken into hospital on 28 November after a "
            "heart attack. Please address the final invoice to me at rachel@meadowbank.org - my father's mailbox is not "
            "being checked.\n\nKind regards,\nRachel Marsh\nDirector")
    result = reply(s, text, backend="composer")
    assert "Dear Ms Marsh," in result.text and "best wishes for a full recovery" in result.text, result.text
    # The client's reason after a dash is theirs, not a promise turned round ("your father's mailbox").
    assert "mailbox" not in result.text


def test_news_that_someone_is_ill_is_answered_in_russian_too():
    result = reply(_situation("ru"), "Добрый день. Директор в больнице после инфаркта, пишу вместо него. Дату принимаем.",
                   backend="composer")
    assert "желаю скорейшего выздоровления" in result.text


@pytest.mark.parametrize(("language", "text"), [
    ("en", "PF-2231 I pay minus the £388."),
    ("en", "I'm the one paying for the lessons, so I think I should have them."),
])
def test_a_short_payment_or_a_payer_named_is_no_payment_to_thank_for(language, text):
    assert "Thank you for letting me know about the payment" not in reply(_situation(language), text, backend="composer").text


def test_a_client_who_forwards_something_themselves_asks_for_no_invoice_again():
    text = "Пришлите, пожалуйста, пробники мне на почту — я перешлю их новому репетитору."
    assert "повторно" not in reply(_situation("ru"), text, backend="composer").text


def test_a_bare_let_me_know_and_a_call_someone_else_made_promise_nothing():
    answer = reply(_situation("en"), "Rupert rang me as soon as he read it. Could you help me with a few things? "
                   "Could you send the rubbings to the archive? Let me know.", backend="composer").text
    assert "I will let you know" not in answer and "help you with a few things" not in answer
    assert "call you" not in answer and "I will send the rubbings to the archive" in answer


@pytest.mark.parametrize(("language", "offer"), [
    ("en", "If you stay on, we'll pay the call-out fee on top of the rate, and pay it the same day."),
    ("ru", "Давай так: я тебе буду дорогу оплачивать отдельно, 3000 сверху за каждый выезд."),
])
def test_an_offer_to_pay_more_for_new_work_is_no_news_of_a_payment(language, offer):
    answer = reply(_situation(language), offer, backend="composer").text
    assert "about the payment" not in answer and "об оплате" not in answer, answer


def test_a_file_type_in_the_users_answer_is_no_other_language():
    asked = "Ателье просит эмблему в формате .emb, у вас такой есть?"
    answer = reply(_situation("ru"), asked, backend="composer",
                   answers={"1": "Формата .emb у меня нет, есть .dst и .pes, оба файла передам."}).text
    assert ".dst и .pes" in answer, answer


@pytest.mark.parametrize(("language", "subject", "said"), [
    ("en", "Following up on our conversation", "as set out when we spoke"),
    ("ru", "По итогам нашего разговора", "по плану из нашего разговора"),
])
def test_news_given_on_a_call_is_followed_up_not_answered_as_a_letter(language, subject, said):
    s = _situation(language).model_copy(update={"channel": "call", "handover": ["the keys" if language == "en" else "ключи"]})
    answer = reply(s, "Thanks, understood." if language == "en" else "Спасибо, понятно.", backend="composer")
    assert answer.draft.content.subject == subject and said in answer.text, answer.text


@pytest.mark.parametrize(("language", "kind", "thanks"), [
    ("en", "Sorry about your mom, honestly family first. It's going to be weird without you.", "kind words"),
    ("ru", "Жаль, что вы уходите, будем скучать.", "тёплые слова"),
])
def test_sympathy_and_warmth_are_thanked_for(language, kind, thanks):
    assert thanks in reply(_situation(language), kind, backend="composer").text


def test_a_heated_point_is_answered_without_being_quoted_back():
    asked = "Are you seriously planning to walk out with the knives in Christmas week?"
    answer = reply(_situation("en"), asked, backend="composer",
                   answers={"1": "We'll time the pickup at each kitchen around service."}).text
    assert "We'll time the pickup" in answer and "seriously" not in answer, answer


def test_work_whose_day_the_user_answered_is_not_restated_with_its_old_day():
    s = parse_situation({**_situation("ru").model_dump(exclude_defaults=True), "open_work": [{"item": "перекладка каменки в бане №3", "due": "2031-01-25"}]})
    asked = "Можно каменку раньше переложить, до Нового года?"
    answer = reply(s, asked, backend="composer", answers={"1": "Да, переложу до 25-го, чтобы к 30-му каменка успела просохнуть."}).text
    assert "переложу до 25-го" in answer and "25 января" not in answer, answer


def test_an_angry_client_writing_by_first_name_is_not_signed_off_warmly():
    s = parse_situation({**_situation("en").model_dump(exclude_defaults=True), "tone": "warm"})
    answer = reply(s, "Sam, frankly this is a disgrace and we will not pay invoice 44 until you credit us.", backend="composer").text
    assert "Kind regards," in answer and "Warm regards" not in answer, answer


def test_a_concrete_offer_to_change_the_terms_is_thanked_for_as_an_offer():
    asked = "I'd like to put something concrete on the table: we'll pay 50% up front on any job over £500. Would you carry on on that basis?"
    assert "for the offer" in reply(_situation("en"), asked, backend="composer").text


@pytest.mark.parametrize(("language", "said", "disputed"), [
    ("en", "Invoice 87 will be paid by 15 December. We do not agree with invoice 94 and will not pay for the heating element.", "94"),
    ("ru", "Счёт № 87 мы оплатим до 15 декабря. По счёту № 94 мы не согласны: работу оплатим, но не стоимость ТЭНа.", "№ 94"),
])
def test_an_invoice_disputed_beside_news_of_a_payment_is_still_answered(language, said, disputed):
    s = parse_situation({**_situation(language).model_dump(exclude_defaults=True),
                         "unpaid_invoices": [{"number": "87", "amount": "46 300 ₽"}, {"number": "94", "amount": "58 900 ₽", "disputed": True}]})
    answer = reply(s, said, backend="composer").text
    assert "87" in answer and answer.count(disputed) >= 1 and answer.rindex(disputed) > answer.index("87"), answer


@pytest.mark.parametrize(("language", "said", "thanked"), [
    ("en", "I'll pay the invoice when you send me the $1,100 for the dairy I threw out.", False),
    ("en", "I'm not paying for something I already paid for.", False),
    ("ru", "Накладную 118 оплатила сегодня утром, проверь.", True),
    # A note-like sentence with no subject is news all the same.
    ("en", "Fair enough. Paid the Nov invoice this arvo, should be in your account Monday.", True),
    # Payment news in other words; a payment on a condition is none.
    ("en", "Noted. INV-118: accounting tells me the ACH went out yesterday, so it should hit your account Monday.", True),
    ("en", "Noted. 118: I escalated it and have a commitment from AP to pay it by December 10.", True),
    ("en", "Thanks for the notice. 118: I've asked for the $3,840 to go out by ACH on the 11th.", True),
    ("en", "Noted. INV-118 will be paid when the other one is withdrawn.", False),
    ("ru", "Понял. Бабки за ноябрь: 10 сейчас скинул, остальные 14 в пятницу.", True),
    ("en", "Quick one - I've just done the transfer for the November one, it should be with you tomorrow.", True),
    ("en", "On INV-118: I chased AP this morning. They've paid $1,200 today and say the rest goes in the next run.", True),
    # An offer to pay for more work, and a payment made long ago as an argument, are no news of this one.
    ("en", "Can you do episodes 9 and 10 by 24 Dec? We can pay the same rate.", False),
    ("ru", "Мы оплатили эти работы и имеем право на материалы.", False),
    # A payment held until something happens, or put off, is none; nor is a word about paying that names no invoice.
    ("ru", "Остаток по счёту № 118 оплатим после того, как подписан акт, не раньше.", False),
    ("en", "INV-118 will be paid, but our grant instalment doesn't land until mid-January.", False),
    ("en", "At the very least we want the RAWs from the autumn shoot - we paid for that day.", False),
    # Paid, or on its way on a named day, by whoever sends it; and not when it is only a condition.
    ("en", "118 is paid - Signe sent the money this afternoon.", True),
    ("en", "the 23,400 for 118 goes out Monday, I already told Petra.", True),
    ("en", "Our bookkeeper sent the 23,400 this morning.", True),
    ("en", "I'm sending 10,000 today and the rest comes next week.", True),
    ("en", "We're not sending anything until the act is signed.", False),
    ("en", "Once 118 is paid we will sign the act.", False),
    ("en", "We never sent the 23,400 because the work is not finished.", False),
])
def test_payment_news_is_told_from_a_refusal_or_a_condition(language, said, thanked):
    s = parse_situation({**_situation(language).model_dump(exclude_defaults=True), "unpaid_invoices": [{"number": "118", "amount": "23 400 ₽"}]})
    answer = reply(s, said, backend="composer").text
    assert (("about the payment" in answer) or ("об оплате" in answer)) is thanked, answer


@pytest.mark.parametrize(("said", "answer", "kept"), [
    # The learned reader's doubt about what the user types now does not drop it.
    ("Спасибо за письмо. Кого посоветуете на деисусный ряд?",
     "Конкретно никого рекомендовать не буду, но ищите реставраторов с аттестацией Минкультуры, а не иконописцев.", True),
    # «Ты» to a friend who writes on «ты»; not to one who writes on «вы».
    ("Коля, привет! Жалко, конечно. А ты в лавке по пятницам до скольки?", "Набери накануне, я отложу тебе качотту.", True),
    ("Добрый день. А вы в лавке по пятницам до скольки?", "Набери накануне, я отложу тебе качотту.", False),
])
def test_the_users_own_answer_is_dropped_only_for_what_the_rules_find(said, answer, kept):
    point = reply(_situation("ru"), said, backend="composer").questions[0]
    result = reply(_situation("ru"), said, backend="composer", answers={point: answer})
    assert (answer in result.text) is kept, result.text


@pytest.mark.parametrize(("said", "unsaid"), [
    # «Болеет за храм» is care, not illness.
    ("Староста человек горячий, но болеет за храм. Спасибо за работу.", "выздоровления"),
    # A blessing is no request; a question whether something is needed is no request either.
    ("Спасибо за работу. Храни Вас Господь.", "храните"),
    ("Спасибо. Леса нужно вывезти до Великого поста?", "Как вы просили"),
])
def test_care_blessings_and_questions_of_need_are_not_misread(said, unsaid):
    assert unsaid not in reply(_situation("ru"), said, backend="composer").text


def test_a_prepared_answer_is_known_by_its_subject_not_by_the_words_of_asking():
    s = parse_situation({**_situation("ru").model_dump(mode="json", exclude_none=True),
                         "reasons": ["с января беру только музейные заказы",
                                     "если спросят, можно ли сделать поновление хотя бы на одной иконе: нет, ни на одной"]})
    said = "Спасибо. Две иконы, что Вы начали, можно ли будет с ними служить, не снимать?"
    assert "ни на одной" not in reply(s, said, backend="composer").text
    assert "ни на одной" in reply(s, "Спасибо. А можно всё-таки сделать поновление хотя бы на одной иконе?", backend="composer").text


def _with(language: str, **fields):
    return parse_situation({**_situation(language).model_dump(mode="json", exclude_none=True), **fields})


@pytest.mark.parametrize(("language", "said"), [
    ("en", "I thought our agreement had a 60-day notice period? That feels very close."),
    ("en", "I'm told clause 9 says sixty days. By my count that takes us further. Does that matter?"),
    ("ru", "Здравствуйте. В договоре у нас вроде бы 60 дней на расторжение. Это раньше. Так можно?"),
    ("ru", "По п. 5.2 договора вы обязаны предупредить за 60 дней, то есть работаете дольше."),
])
def test_a_client_who_raises_the_notice_hears_the_fallback_date_not_the_earlier_one_again(language, said):
    import datetime as dt

    from tactful.wording import format_date

    today = dt.date.today()
    s = _with(language, contract={"exists": True, "notice_days": 60}, end_date=str(today + dt.timedelta(days=20)))
    text = reply(s, said, backend="composer").text
    restated = {"en": "ends on ", "ru": "завершается "}[language] + format_date(today + dt.timedelta(days=20), language)
    assert format_date(today + dt.timedelta(days=60), language) in text and restated not in text, text


@pytest.mark.parametrize(("language", "said", "point"), [
    ("en", "Frankly this is a joke. I want all the logs and the Drive folder today. If you want to sit down and talk this through, I'm around Monday.",
     ["I want all the logs", "sit down and talk"]),
    ("ru", "Это неприемлемо. Жду письменного объяснения до пятницы. Готова встретиться и всё обсудить в понедельник.",
     ["Жду письменного объяснения", "встретиться и всё обсудить"]),
])
def test_a_demand_for_a_thing_and_an_offer_to_meet_are_the_users_points(language, said, point):
    questions = reply(_with(language), said, backend="composer").questions
    assert all(any(p in q for q in questions) for p in point), questions


@pytest.mark.parametrize(("language", "referral"), [
    ("en", "none - honestly nobody will take unit 2 as it stands, and I won't pass the problem on"),
    ("en", "none. don't suggest anybody"),
    ("ru", "нет, никого не советую — не хочу подставлять коллег"),
])
def test_a_referral_typed_as_none_recommends_no_one(language, referral):
    from tactful import draft

    s = _with(language, referral=referral)
    first = draft(s, backend="composer").text
    asked = {"en": "Who else could take it on? Can you recommend someone?", "ru": "Кого посоветуете вместо себя?"}[language]
    answer = reply(s, asked, backend="composer")
    for text in (first, answer.text):
        assert not re.search(r"recommend|nobody|none|порекомендовать|никого|советую", text, flags=re.IGNORECASE), text
    assert any(asked.split("?")[0][:10] in q for q in answer.questions), answer.questions


def test_an_invoice_put_off_beside_news_of_a_payment_is_the_users_point_not_pressed():
    s = _with("ru", unpaid_invoices=[{"number": "212", "amount": "67 500 ₽"}, {"number": "231", "amount": "31 200 ₽", "due": "2031-03-20"}])
    said = "Счёт № 212 оплатим до 25 числа, это точно. № 231 — в январе, после поступления субсидии."
    result = reply(s, said, backend="composer")
    assert "об оплате счёта № 212" in result.text and "№ 231 на сумму" not in result.text, result.text
    assert any("№ 231 — в январе" in q for q in result.questions), result.questions


@pytest.mark.parametrize(("language", "item", "said", "step"), [
    ("ru", "их исходные данные — вернём ссылкой и удалим у себя", "Удалять наши материалы у себя запрещаю до полного закрытия расчётов.", "удал"),
    ("en", "their source data - we'll send it back by link and delete our copy", "Do not delete anything until the invoices are settled.", "delete"),
])
def test_a_step_the_client_forbids_is_not_restated_but_left_to_the_user(language, item, said, step):
    s = _with(language, handover=[item])
    result = reply(s, said, backend="composer")
    assert step not in result.text.split("\n\n", 2)[-1].lower() and said in result.questions, (result.text, result.questions)


def test_a_request_on_the_line_asking_for_what_is_kept_back_is_not_promised():
    s = _with("ru", handover=["рецептуры — нет, это моё", "техкарты с составом"])
    result = reply(s, "4. Медовик — может, продадите рецепт? Назовите цену, не обижусь, если нет.", backend="composer")
    assert "назову цену" not in result.text and any("Назовите цену" in q for q in result.questions), (result.text, result.questions)


@pytest.mark.parametrize(("language", "item", "said"), [
    ("en", "my own style template / QC checklist is MINE, built it before them - not handing that over",
     "Please also share the style template and QC checklist along with the files."),
    ("ru", "шаблоны отчётов мои, делала до них — не отдаю", "Пришлите, пожалуйста, ваши шаблоны отчётов вместе с архивом."),
])
def test_a_request_for_what_the_notes_keep_back_is_left_to_the_user_not_dropped(language, item, said):
    result = reply(_with(language, handover=[item, {"en": "the project archive", "ru": "архив проекта"}[language]]), said, backend="composer")
    assert said in result.questions, result.questions
    assert not re.search(r"collect|заберу", result.text), result.text


def test_a_referral_the_client_names_in_another_case_is_known():
    s = _with("ru", referral="мастерская «Наградной двор» в Стерлитамаке")
    text = reply(s, "Нужны файлы макетов в электронном виде — для «Наградного двора», если придётся к ним.", backend="composer").text
    assert "порекомендовать" not in text, text


@pytest.mark.parametrize(("language", "said", "unsaid", "point"), [
    # A client who knows the referral and asks for more names is not recommended it again.
    ("en", "Thanks for the Bright Speech referral. Do you know anyone else, ideally someone solo?", r"recommend|порекомендовать", "anyone else"),
    ("ru", "Спасибо за «Речевичок». А кого-нибудь ещё посоветуете, лучше частного логопеда?", r"recommend|порекомендовать", "ещё"),
    # Nor is one who objects to it.
    ("en", "And why are you sending our parents to another centre? That is poaching our clients.", r"Речевич|Bright Speech", "poach"),
    ("ru", "Жду объяснения, почему вы рекомендуете сторонний центр нашим родителям. Это переманивание клиентов.", r"Речевич|Bright Speech",
     "переманивание|рекомендуете"),
])
def test_a_referral_the_client_knows_or_objects_to_is_not_recommended_again_but_left_to_the_user(language, said, unsaid, point):
    referral = {"en": "Bright Speech Centre", "ru": "центр «Речевичок»"}[language]
    result = reply(_with(language, referral=referral), said, backend="composer")
    assert not re.search(unsaid, result.text), result.text
    assert any(re.search(point, q) for q in result.questions), result.questions


@pytest.mark.parametrize(("language", "said", "answered"), [
    ("en", "Our records show clause 9.1 gives 30 days, not 14. Please check again.", "copy of the contract gives 14 days' notice in clause 9.1"),
    # «п.» does not end the sentence, so the days are read in it.
    ("ru", "По нашим данным, в п. 9.1 указано 30 дней, а не 14. Просим свериться с договором.",
     "экземпляру договора (п. 9.1) срок уведомления — 14 дней; давайте сверим экземпляры"),
])
def test_a_client_who_counts_another_notice_period_hears_the_contracts_and_an_offer_to_compare(language, said, answered):
    import datetime as dt

    s = _with(language, contract={"exists": True, "notice_days": 14, "clause": "9.1"},
              end_date=str(dt.date.today() + dt.timedelta(days=30)))
    text = reply(s, said, backend="composer").text
    assert answered in text, text
    # The same period restated asks nothing to compare.
    same = {"en": "Clause 9.1 gives 14 days, right?", "ru": "В п. 9.1 ведь 14 дней?"}[language]
    assert answered not in reply(s, same, backend="composer").text


def test_a_short_question_is_quoted_with_the_sentence_it_stands_on_and_answered_by_its_end():
    said = "Спасибо. По счёту 212: можем закрыть двумя платежами, 70 000 до 25 марта и остаток до 20 апреля. Вас так устроит?"
    s = _with("ru", unpaid_invoices=[{"number": "212", "amount": "146 000 ₽"}])
    answer = "Да, согласны: 70 000 ₽ до 25 марта и 76 000 ₽ до 20 апреля по счёту № 212."
    result = reply(s, said, backend="composer", answers={"Вас так устроит?": answer})
    assert "> По счёту 212: можем закрыть двумя платежами" in result.text
    # The user's answer settles the invoice it names: no stock request to pay it in seven days beside it.
    assert answer in result.text and "в течение семи дней" not in result.text and "ответим" not in result.text, result.text


def test_work_the_users_answer_sets_a_new_day_for_is_not_restated_on_its_old_day():
    s = _with("ru", open_work=[{"item": "демонтаж страховочных систем с кровли", "due": "2031-03-16"}])
    said = "Спасибо. Демонтаж 16-го — это среда? Можно перенести на 17-е, с утра?"
    point = next(q for q in reply(s, said, backend="composer").questions if "17" in q)
    text = reply(s, said, backend="composer", answers={point: "Да, 17-го с утра подходит: снимем страховочные системы за день."}).text
    assert "16 марта" not in text, text


def test_a_prepared_answer_is_known_by_a_name_of_its_own_and_speaks_to_the_client():
    s = _with("en", reasons=["we are moving to product work only",
                             "if he asks can we still do the March crutching if he fixes it: no, already told the team, give him Dean's number"])
    text = reply(s, "Fair enough. If I get the boards done before Feb, is March really off the table?", backend="composer").text
    assert "already told the team, I'll give you Dean's number" in text and "come back to you" not in text, text


@pytest.mark.parametrize(("language", "fields", "said", "unpromised"), [
    # What the notes keep back is not promised back because the client asks for it.
    ("ru", {"handover": ["мои плитки-эталоны — заберу, рецепты глазурей НЕ отдаю, это моё"]},
     "Спасибо. Дайте, пожалуйста, рецепт глазури или хотя бы состав.", "рецепт"),
    # Nor is work past the decision, nor an answer with nothing to say.
    ("ru", {}, "Поработайте, пожалуйста, с нами хотя бы до весеннего чемпионата в марте.", "поработаю"),
    ("ru", {}, "Скажи честно, это из-за мониторов?", "скажу честно"),
    ("en", {}, "He'd like a breakdown of parts and labour. Can you send one?", "send one"),
])
def test_a_request_is_not_echoed_as_a_promise_where_that_would_say_too_much(language, fields, said, unpromised):
    text = reply(_with(language, **fields), said, backend="composer").text
    echoed = [line for line in text.lower().splitlines() if "как вы просили" in line or "as you asked" in line]
    assert not any(unpromised in line for line in echoed), text


@pytest.mark.parametrize(("language", "said", "agreed"), [
    ("en", "Notice. Clause 12 is 60 days from written notice. Your email reached us a day later, so that takes us to {day}.",
     "counted from the day my letter reached you, as you say"),
    ("ru", "Срок. По п. 12 — 60 дней с даты получения уведомления. Письмо мы получили на день позже, значит, до {day}.",
     "считая, как вы пишете, со дня получения письма"),
])
def test_a_client_who_counts_the_notice_from_the_day_it_reached_them_is_taken_at_their_word(language, said, agreed):
    import datetime as dt

    from tactful.wording import format_date

    today = dt.date.today()
    s = _with(language, contract={"exists": True, "notice_days": 60, "clause": "12"}, end_date=str(today + dt.timedelta(days=40)))
    theirs = today + dt.timedelta(days=62)
    text = reply(s, said.format(day=format_date(theirs, language)), backend="composer").text
    assert format_date(theirs, language) in text and agreed in text, text
    # A day far past the notice is no count of it: the message's own day stands.
    far = reply(s, said.format(day=format_date(today + dt.timedelta(days=90), language)), backend="composer").text
    assert agreed not in far, far


@pytest.mark.parametrize(("language", "said", "unsaid"), [
    # A client who takes the news, then asks to run a week longer and promises to pay on time, offers nothing to refuse.
    ("en", "Thanks for letting us know properly, and I'm sorry it came to this. Is there any chance of running to the "
           "end of April so there's no gap? I'd make sure that last invoice is paid on time.", ["for the offer", "answer, though, is no"]),
    ("ru", "Спасибо, что предупредили заранее, понимаем ваше решение. Можно ли поработать до конца апреля? За эти недели "
           "готовы доплатить.", ["за предложение", "Ответ, к сожалению, — нет"]),
])
def test_a_client_who_takes_the_news_and_asks_for_time_is_answered_point_by_point(language, said, unsaid):
    answer = reply(_situation(language), said, backend="composer")
    assert not any(u in answer.text for u in unsaid), answer.text
    assert answer.questions, answer.warnings  # the extension is the user's to answer


def test_a_payment_put_off_past_its_due_date_is_not_thanked_for_and_refused_work_is_not_promised():
    s = parse_situation({**_situation("en").model_dump(exclude_defaults=True),
                         "reasons": ["we finish the autumn round, then that's us. NOT doing the spring leaf plucking"],
                         "unpaid_invoices": [{"number": "INV-118", "amount": "$8,460", "due": "2031-03-11"}]})
    said = ("Got your email. INV-118: finance tell me the $8,460 is in the 20 March payment run, not the 11th. "
            "Can you at least do the leaf plucking on the Sauvignon blocks in April? "
            "I'm happy to walk block 4 with you next week and we settle it there.")
    answer = reply(s, said, backend="composer")
    assert "about the payment" not in answer.text and "leaf plucking" not in answer.text, answer.text
    assert any("20 March" in q for q in answer.questions) and any("leaf plucking" in q for q in answer.questions), answer.questions


@pytest.mark.parametrize(("language", "said", "thanked"), [
    ("ru", "Спасибо за письмо. Можем ли мы пригласить в штат вашего рекрутера Ольгу, которая вела наши вакансии?", "приглашение"),
    ("en", "Thanks for the notice. Would you mind if we invited Olga to join our staff? She ran our vacancies.", "invitation"),
])
def test_asking_to_hire_someone_is_no_invitation_to_thank_for(language, said, thanked):
    answer = reply(_situation(language), said, backend="composer")
    assert thanked not in answer.text and answer.questions, answer.text


def test_the_clients_firm_name_is_no_threat_of_the_law():
    s = parse_situation({**_situation("en").model_dump(exclude_defaults=True), "client": {"name": "Delaney & O'Brien Solicitors"}})
    said = "Thank you for letting me know, it has been a pleasure.\n\nKind regards,\nFergal Delaney\nDelaney & O'Brien Solicitors"
    assert "mediator" not in reply(s, said, backend="composer").text


def test_a_user_answer_that_names_what_is_sent_to_whom_is_no_ultimatum():
    from tactful import check

    answer = "I can't send the chart or bitting list to you directly: we only transfer them through the registered route."
    assert "threat" not in {v.rule for v in check(answer, "en").violations}
    assert "threat" in {v.rule for v in check("Send it back or we will charge you.", "en").violations}


def test_a_name_in_quotes_written_in_capitals_is_no_shouting():
    from tactful import check

    assert "shouting" not in {v.rule for v in check("Контакт в «Массовый подбор ПРО» пришлю письмом до 11 декабря.", "ru").violations}
    assert "shouting" in {v.rule for v in check("Мы НЕ будем платить.", "ru").violations}


@pytest.mark.parametrize(("language", "said", "unsaid"), [
    # "Has this anything to do with …?" asks why: answered with the reason, not promised as "I will be frank".
    ("en", "Thank you for the notice. Please be frank with me — has this anything to do with the other agency?", "As you asked"),
    ("ru", "Спасибо за письмо. Скажите честно, связано ли это с другим агентством?", "Как вы и просили"),
    # A step asked to be done another way is the user's to answer, not promised beside the step as set out.
    ("en", "Thanks. Could you send the archive boxes by courier rather than by post?", "As you asked"),
])
def test_a_question_of_why_or_a_change_of_step_is_not_promised(language, said, unsaid):
    s = parse_situation({**_situation(language).model_dump(exclude_defaults=True),
                         "reasons": ["moving to archive work only" if language == "en" else "перехожу только на архивную работу"],
                         "handover": ["archive boxes by post" if language == "en" else "архивные коробки почтой"]})
    assert unsaid not in reply(s, said, backend="composer").text


@pytest.mark.parametrize(("note", "point", "name"), [
    ("DON'T mention Giles or the October call. Not a word.", "Has Giles said something to you about the budget?", "Giles"),
    ("say it once, firmly, no names, no match, no blame", "I have to ask - this is about Rhys and the Narberth game, isn't it?", "Rhys"),
    # A name the note typed in lower case in a hurry is the same name.
    ("don't mention the hendricks bride, not a word", "I have to ask. Was it the Hendricks bride? I'm sorry I didn't step in.", "Hendricks"),
])
def test_a_point_that_names_whom_the_notes_forbid_is_answered_without_quoting_it(note, point, name):
    s = parse_situation({**_situation("en").model_dump(exclude_defaults=True), "reasons": ["moving to depot work only", note]})
    said = f"Thanks for letting me know. {point}"
    asked = reply(s, said, backend="composer").questions
    answered = reply(s, said, backend="composer", answers={q: "It is about how I want to work from now on, nothing more." for q in asked})
    assert name not in answered.text and "how I want to work" in answered.text, answered.text


def test_a_payment_is_thanked_for_on_the_invoice_its_line_names_and_an_offer_to_pay_part_is_no_payment():
    s = parse_situation({**_situation("en").model_dump(exclude_defaults=True),
                         "unpaid_invoices": [{"number": "RP-31", "amount": "£1,488"}, {"number": "RP-34", "amount": "£410"}]})
    said = ("Thanks for the notice.\n\n1. RP-31 - my apologies. It went out in this morning's payment run.\n\n"
            "2. RP-34 - accounts still won't go beyond the 12 pages. I can authorise £352 now.\n\n"
            "3. From January invoices go through Coupa. I'll send you the supplier invitation next week.")
    text = reply(s, said, backend="composer").text
    assert "payment of invoice RP-31;" in text and "invitation" not in text, text


def test_a_thing_the_users_answer_speaks_of_is_not_listed_again_nor_held_by_the_stock_condition():
    situation = parse_situation({
        "client": {"name": "Olive Grove Venue", "contact": "Helen Marsh"}, "sender": {"name": "Andreas Kyr", "company": "AK Marquees"},
        "end_date": "2031-03-31", "language": "en",
        "handover": ["anchoring plan", "THEIR 40 folding chairs and 2 bars in our warehouse - deliver once the invoices are paid"],
        "unpaid_invoices": [{"number": "KM-12", "amount": "€6,300"}],
    })
    asked = "Thank you. We want our chairs and bars back by 18 December, whatever happens with the invoices. Will you confirm?"
    answer = "Your folding chairs and bars can be collected from our warehouse at any time."
    before = reply(situation, asked, backend="composer").text
    assert "chairs" in before.split("Helen")[1].split("\n\n", 2)[-1]
    text = reply(situation, asked, backend="composer", answers={"1": answer}).text
    assert answer in text
    # The chairs are spoken of once, in the user's words: not in the handover list, nor "will follow once …".
    assert text.count("chairs") == 1 + ("> " in text and "chairs" in text.split("> ", 1)[1].split("\n", 1)[0]), text
    assert "will follow once" not in text, text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_with_the_users_answers_the_reply_still_promises_to_come_back_on_numbered_points_no_answer_speaks_to(language):
    asked = {
        "en": "Thank you.\n\n1. Could our volunteers still use the lodge on Saturdays until Easter?\n\n"
              "2. We would like to offer employment to your apprentice from February.\n\n3. We would like copies of the stave templates.",
        "ru": "Спасибо.\n\n1. Можно ли нашим волонтёрам пользоваться сторожкой по субботам до Пасхи?\n\n"
              "2. Мы хотели бы предложить работу вашему подмастерью с февраля.\n\n3. Нам нужны копии шаблонов клёпок.",
    }[language]
    text = reply(_situation(language), asked, backend="composer", answers={"1": ANSWER[language]}).text
    assert _as_said(ANSWER[language]) in text
    assert {"en": "come back to you on your other questions", "ru": "На остальные ваши вопросы"}[language] in text, text


def _as_said(answer: str) -> str:
    return answer[:1].upper() + answer[1:]


def test_a_request_to_keep_some_of_the_work_on_is_the_users_call_not_a_promise():
    result = reply(_situation("en"), "Thank you. Could you keep just Thursdays until Easter? Even one day.", backend="composer")
    assert "Could you keep just Thursdays until Easter?" in result.questions
    assert "keep just Thursdays" not in result.text.replace("> ", ""), result.text


@pytest.mark.parametrize(("language", "said", "thanks"), [
    ("en", "Thank you. Invoice A-17 will be paid in March in one payment, as we said.", "letting me know about the payment"),
    ("ru", "Спасибо. Счёт A-17 будет оплачен в марте одним платежом, как мы и сообщали.", "написали об оплате"),
])
def test_a_payment_put_off_to_a_month_after_its_due_date_is_the_users_point_not_news_to_thank_for(language, said, thanks):
    situation = _situation(language).model_copy(update={"unpaid_invoices": [
        parse_situation({"client": {"name": "X"}, "unpaid_invoices": [{"number": "A-17", "amount": "£1,960", "due": "2031-01-20"}]}).unpaid_invoices[0]]})
    result = reply(situation, said, backend="composer")
    assert thanks not in result.text, result.text
    assert any("A-17" in q for q in result.questions), result.questions


@pytest.mark.parametrize(("due_in", "paid_in", "thanked"), [
    # "the rest comes on the 15th" names a day of the month alone: its next date, after the due date, puts the rest off.
    (0, 10, False),
    (20, 5, True),
])
def test_a_day_of_the_month_alone_counts_against_the_due_date(due_in, paid_in, thanked):
    import datetime as dt

    today = dt.date.today()
    day = (today + dt.timedelta(days=paid_in)).day
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")
    situation = _with("en", unpaid_invoices=[{"number": "A-17", "amount": "£1,960", "due": str(today + dt.timedelta(days=due_in))}])
    result = reply(situation, f"Thank you. I'm sending £960 of A-17 today and the rest comes on the {day}{suffix}.", backend="composer")
    assert ("letting me know about the payment" in result.text) is thanked, result.text
    # Paid, or put off to a day the user answers, it is not asked for again by its old date.
    assert "1,960" not in result.text, result.text


def test_a_russian_payment_put_off_to_a_day_of_the_month_is_the_users_point_not_asked_for_again():
    import datetime as dt

    today = dt.date.today()
    day = (today + dt.timedelta(days=10)).day
    situation = _with("ru", unpaid_invoices=[{"number": "12", "amount": "54 000 ₽", "due": str(today)}])
    result = reply(situation, f"Спасибо. По счёту № 12: бухгалтер предупредила, что оплата пройдёт {day}-го. Простите.", backend="composer")
    assert "54 000" not in result.text and any("№ 12" in q for q in result.questions), (result.text, result.questions)


HANDED = {"en": "the inspection report of 18 June with photos", "ru": "протокол осмотра от 18 июня с фотографиями"}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_answers_on_other_matters_leave_the_end_date_the_handover_list_and_the_final_invoice_said(language):
    s = _with(language, handover=[HANDED[language]], final_invoice=True,
              unpaid_invoices=[{"number": "INV-7", "amount": {"en": "£900", "ru": "9 000 ₽"}[language]}])
    asked = {"en": "Thank you. 1. Which findings are you relying on? 2. Could you waive invoice INV-7? 3. What exactly will you hand over?",
             "ru": "Спасибо. 1. На какие выводы вы опираетесь? 2. Можете ли вы списать счёт INV-7? 3. Что именно вы передадите?"}[language]
    # An answer that cites the handed-over report on another matter, with a word of dates; one about the money.
    cites = {"en": "The inspection report of 18 June lists the corroded anchors, with the date each was found.",
             "ru": "В протоколе осмотра от 18 июня перечислены все дефекты и сроки их устранения."}[language]
    money = {"en": "We cannot waive INV-7, but we can split it into two payments.",
             "ru": "Списать счёт INV-7 не можем, но можем разбить оплату на два платежа."}[language]
    points = reply(s, asked, backend="composer").questions
    text = reply(s, asked, backend="composer", answers={q: money if "INV-7" in q else cites for q in points}).text
    assert cites in text and money in text, text
    assert {"en": "31 March 2031", "ru": "31 марта 2031"}[language] in text, text
    assert HANDED[language] in text, text
    assert {"en": "The final invoice will cover", "ru": "Итоговый счёт будет выставлен"}[language] in text, text


def test_work_the_users_answer_moves_is_not_restated_on_its_old_day():
    s = _with("en", open_work=[{"item": "replacing the rear cooling fan in the cinema rack", "due": "2031-03-15"}])
    asked = "Thank you. Can the fan be changed on Sunday 9 March instead?"
    before = reply(s, asked, backend="composer")
    answer = "yes, we will replace the rack fan on Sunday 9 March instead"
    text = reply(s, asked, backend="composer", answers={before.questions[0]: answer}).text
    assert answer[1:] in text and "15 March" not in text, text


@pytest.mark.parametrize(("language", "asked", "answer"), [
    ("en", "Thank you. I must ask directly: is this decision connected to the guest case in August?",
     "no, the decision is about our own service rules, nothing else"),
    ("ru", "Спасибо. Простите за прямой вопрос: это как-то связано с письмом того родителя в муниципалитет?",
     "нет, решение связано только с моей новой работой"),
])
def test_a_guess_at_another_cause_is_answered_without_quoting_it_back(language, asked, answer):
    points = reply(_situation(language), asked, backend="composer").questions
    text = reply(_situation(language), asked, backend="composer", answers={p: answer for p in points}).text
    assert {"en": "August", "ru": "муниципалитет"}[language] not in text, text


SAFETY = {
    "en": ("safety, say it once: the rear cooling fan in the equipment rack has failed, keep the cabinet door open until we replace it",
           "The cooling fan is fine, our technician says, so please don't write about the cabinet.", "concerns safety"),
    "ru": ("один раз и твёрдо: на сушилке № 2 датчик температуры зерна врёт, без ремонта сушилку не запускать",
           "Датчик температуры на сушилке в порядке, не надо об этом писать.", "касается безопасности"),
}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_safety_line_the_client_comes_back_to_is_said_again_unless_the_user_says_it(language):
    note, disputed, said = SAFETY[language]
    s = _with(language, reasons=[note])
    text = reply(s, disputed, backend="composer").text
    assert said in text, text
    assert said not in reply(s, {"en": "Thank you, noted.", "ru": "Спасибо, принято."}[language], backend="composer").text


def test_a_note_with_the_word_once_is_no_point_to_say_once():
    s = _with("en", reasons=["reason to give: I am moving to product work only",
                             "Once she confirms the handover I delete my local copies of the study data - say it plainly, it's a data protection thing"])
    text = reply(s, "Thank you. Please confirm you will delete your local copies of the study data.", backend="composer").text
    assert "concerns safety" not in text, text


def test_a_request_timed_by_the_senders_going_is_the_users_call():
    result = reply(_situation("en"), "Thank you. Could you spend two days with Sharon before you go, to show her the lunchboxes?", backend="composer")
    assert "before me go" not in result.text and "As you asked" not in result.text, result.text
    assert any("Sharon" in q for q in result.questions), result.questions


WHY = {
    "en": "Is this decision connected to what happened at the warehouse in October?",
    "ru": "Скажите прямо: это из-за того разговора на складе?",
}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_client_asking_why_is_answered_by_the_reason_and_the_promise_to_come_back_is_on_practical_points(language):
    s = _situation(language).model_copy(update={"reasons": [
        {"en": "reason to give: I am moving to product work only", "ru": "причина: ухожу в продуктовую работу"}[language]]})
    result = reply(s, f"{ASKED[language]} {WHY[language]}", backend="composer")
    assert WHY[language] not in result.questions
    assert {"en": "come back to you on your practical question", "ru": "практический вопрос"}[language] in result.text, result.text
    # Answered, the other point leaves nothing to come back on: the why is not swept in.
    answered = reply(s, f"{ASKED[language]} {WHY[language]}", backend="composer", answers={"1": ANSWER[language]})
    assert COME_BACK[language] not in answered.text, answered.text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_guess_at_another_cause_is_told_there_is_none_without_naming_it(language):
    s = _situation(language).model_copy(update={"reasons": [
        {"en": "reason to give: I am moving to product work only", "ru": "причина: ухожу в продуктовую работу"}[language]]})
    text = reply(s, WHY[language], backend="composer").text
    assert {"en": "nothing else behind my decision", "ru": "Других причин за моим решением нет"}[language] in text, text
    assert {"en": "warehouse", "ru": "склад"}[language] not in text, text
    # Asking plainly why is answered by the reason alone.
    plain = reply(s, {"en": "Why?", "ru": "Почему?"}[language], backend="composer").text
    assert {"en": "nothing else behind", "ru": "Других причин"}[language] not in plain, plain


def test_an_apology_is_no_request_and_a_name_in_quotes_keeps_its_words():
    s = _situation("ru").model_copy(update={"reasons": ["причина: ухожу в продуктовую работу"]})
    text = reply(s, "Прости, что сумбурно. Можешь сделать чек через «Мой налог» за ноябрь?", backend="composer").text
    assert "прощу" not in text and "«Мой налог»" in text, text


@pytest.mark.parametrize("opening", ["Dear Mrs Hale,", "Ms Hale,"])
def test_a_client_who_writes_with_a_title_is_answered_with_one(opening):
    s = parse_situation({"client": {"name": "Akagera Hotels Ltd", "contact": "Patrick Habimana, Procurement Manager"},
                         "sender": {"name": "Samantha Hale", "solo": True}, "end_date": "2031-03-31", "language": "en",
                         "reasons": ["reason to give: I am moving to product work only"], "tone": "formal"})
    text = reply(s, f"{opening}\n\nWe note your letter. Please send the final invoice.\n\nPatrick Habimana\nProcurement Manager",
                 backend="composer").text
    assert "Dear Mr Habimana," in text, text


def test_an_invoice_the_users_answer_names_is_not_asked_for_again_by_its_old_date():
    s = parse_situation({"client": {"name": "Lantern Moth Games"}, "sender": {"name": "Klara Dvorak", "solo": True},
                         "end_date": "2031-03-31", "language": "en", "reasons": ["reason to give: I am moving to film scoring"],
                         "unpaid_invoices": [{"number": "KD-2031-14", "amount": "CZK 18,000", "due": "2031-01-10"},
                                             {"number": "KD-2031-16", "amount": "CZK 36,000", "due": "2031-02-15"}]})
    # The client names the invoice by its short form; the user's answer names it in full.
    asked = "Thanks for letting us know.\n- KD-16: the publisher pays us at the end of February. Could we pay you on 28 Feb instead of the 15th?"
    point = reply(s, asked, backend="composer").questions[0]
    text = reply(s, asked, backend="composer", answers={point: "Yes, 28 February is fine for KD-2031-16."}).text
    assert "28 February is fine for KD-2031-16" in text and "KD-2031-16 (CZK 36,000) by 15 February" not in text, text
    assert "KD-2031-14" in text, text


def test_a_station_for_animal_diseases_is_no_news_of_illness():
    text = reply(_situation("ru"), "Если в январе никто не приедет, буду писать в районную станцию по борьбе с болезнями животных.",
                 backend="composer").text
    assert "выздоровлен" not in text, text


@pytest.mark.parametrize(("language", "said"), [
    ("ru", "Уведомление мы получили на день позже, следовательно, 60 дней по п. {clause} истекают {day}."),
    ("en", "Notice. Your email reached us a day later, so 60 days under clause {clause} run to {day}."),
])
def test_a_clause_number_in_the_clients_count_is_no_day(language, said):
    import datetime as dt

    from tactful.wording import format_date

    today = dt.date.today()
    s = _with(language, contract={"exists": True, "notice_days": 60, "clause": "12"}, end_date=str(today + dt.timedelta(days=40)))
    theirs, clause = today + dt.timedelta(days=62), today + dt.timedelta(days=64)
    text = reply(s, said.format(day=format_date(theirs, language), clause=f"{clause.day}.{clause.month}"), backend="composer").text
    assert format_date(theirs, language) in text and format_date(clause, language) not in text, text


@pytest.mark.parametrize(("language", "said", "paid", "unpaid"), [
    # A client shortens a number by its year ("MK-31" for "MK-2026-31") or names the sum: only that invoice is thanked for.
    ("en", "MK-31 is paid, the transfer went out today.", "MK-2026-31", "MK-2026-34"),
    ("en", "Our accountant sent the 6,400 this afternoon.", "MK-2026-31", "MK-2026-34"),
    ("ru", "Счёт МК-31 оплачен сегодня.", "МК-2026-31", "МК-2026-34"),
])
def test_a_payment_is_thanked_for_only_on_the_invoice_the_client_names(language, said, paid, unpaid):
    s = parse_situation({**_situation(language).model_dump(exclude_defaults=True), "unpaid_invoices": [
        {"number": paid, "amount": "DKK 6,400" if language == "en" else "6 400 ₽"},
        {"number": unpaid, "amount": "DKK 9,750" if language == "en" else "9 750 ₽", "disputed": True}]})
    answer = reply(s, said, backend="composer").text
    thanks = next(line for line in answer.split(". ") if "about the payment" in line or "об оплате" in line)
    assert paid in thanks and unpaid not in thanks, answer


@pytest.mark.parametrize(("language", "said", "unsaid"), [
    # A client who disputes is told where things stand, not invited to renegotiate what the user has settled.
    ("en", "We do not accept invoice 118 and we expect the service to run until March.", "what we agree"),
    ("ru", "Счёт № 118 мы не признаём и ждём обслуживания до марта.", "договоримся"),
])
def test_a_dispute_is_answered_with_where_things_stand_not_an_offer_to_renegotiate(language, said, unsaid):
    s = parse_situation({**_situation(language).model_dump(exclude_defaults=True), "contract": {"notice_days": 30},
                         "unpaid_invoices": [{"number": "118", "amount": "23 400 ₽"}]})
    answer = reply(s, said, backend="composer").text
    assert unsaid not in answer and ("where things stand" in answer or "как обстоят дела" in answer), answer


@pytest.mark.parametrize(("language", "said"), [
    ("en", "Thanks for telling me. What paperwork do we need to sign?"),
    ("ru", "Спасибо, что сказала. Какие документы нужно подписать?"),
])
def test_a_friend_is_not_answered_in_contract_language(language, said):
    words = {"en": "mutual obligations", "ru": "взаимные обязательства"}[language]
    base = {**_situation(language).model_dump(exclude_defaults=True), "unpaid_invoices": [{"number": "118", "amount": "23 400 ₽"}]}
    assert words in reply(parse_situation(base), said, backend="composer").text
    assert words not in reply(parse_situation({**base, "tone": "warm"}), said, backend="composer").text


@pytest.mark.parametrize(("language", "asked", "said"), [
    ("en", "When can we pick up the trolleys?", "Just let us know which day suits you, and we will make sure everything is ready."),
    ("ru", "Когда можно забрать оборудование?", "Напишите, какой день вам удобен, — мы всё подготовим."),
])
def test_a_team_offers_the_day_for_a_pickup_as_we(language, asked, said):
    # A team speaks as "we" throughout: "let me know …, and I will make sure" in a firm's letter was a seam.
    team = _situation(language).model_copy(update={"sender": _situation(language).sender.model_copy(update={"solo": False})})
    text = reply(team, asked, backend="composer").text
    assert said in text


@pytest.mark.parametrize(("language", "point"), [
    ("en", "The year-end dinner is on 22 December, and you would be most welcome to join us."),
    ("en", "Please, you and Roxanne stay for lunch afterwards."),
    ("en", "I suggest we meet in our office on Thursday at 17:00 to settle these points."),
    ("ru", "И 31-го приходи к маме хоть на час, вместе проводим год."),
    # Asked whether they will come, the user accepts or declines: thanked, never "I will answer within two days".
    ("ru", "А вы придёте на концерт?"),
    ("ru", "И 27 декабря у нас новогодний ужин — вас мы ждём, что бы ни решилось."),
])
def test_an_invitation_or_a_proposed_meeting_is_the_users_to_answer(language, point):
    # Silence on an invitation from a friend reads as a snub, and a meeting the client proposes needs a yes or a no:
    # both are listed for the user, never passed over.
    opener = "Thank you for letting me know. " if language == "en" else "Спасибо, что предупредили. "
    assert point in reply(_situation(language), opener + point, backend="composer").questions


def test_measurements_someone_carries_out_are_no_invitation():
    from tactful.composer import reply_topics

    # «проводить» sees someone off; «измерения проводит наш метролог» carries out work, no party to thank for.
    assert "invitation" not in reply_topics("На перемер согласны, но измерения проводит наш метролог.", "ru")
    assert "invitation" in reply_topics("Хотим вас проводить по-человечески.", "ru")


@pytest.mark.parametrize(("language", "asked"), [
    ("en", "Could you remain reachable for questions until mid-April?"),
    ("en", "Could you keep the weekly check going until the end of April?"),
])
def test_a_request_that_runs_past_the_end_by_a_month_alone_is_the_users_to_decide(language, asked):
    # "until mid-April" after an end on 31 March would stretch the end: never "As you asked, I will remain reachable".
    result = reply(_situation(language), asked, backend="composer")
    assert asked in result.questions and "As you asked" not in result.text and "Как вы просили" not in result.text, result.text


@pytest.mark.parametrize(("language", "contact", "answer", "said", "unsaid"), [
    ("en", "Jonno", "I don't know, so Jonno should ask him directly. I'll hand it back to Jonno in person.",
     "so you should ask him directly. I'll hand it back to you in person.", "Jonno"),
    ("ru", "Оксана Кравец", "Скажу Оксане сама, когда выйду на работу.", "Скажу вам сама", "Оксане"),
])
def test_an_answer_that_names_the_person_greeted_is_said_to_them(language, contact, answer, said, unsaid):
    s = _situation(language).model_copy(update={"client": _situation(language).client.model_copy(update={"contact": contact})})
    asked = ASKED[language]
    result = reply(s, asked, backend="composer", answers={"1": answer})
    body = result.text.split("\n", 3)[-1]
    assert said in result.text and unsaid not in body, result.text


@pytest.mark.parametrize(("language", "answer", "unsaid"), [
    ("en", "No. Don't take up that point at all.", "take up"),
    ("ru", "Не отвечать на это, оставить без ответа.", "без ответа"),
    ("ru", "Этот пункт не затрагивать.", "затрагивать"),
])
def test_a_point_the_user_asks_to_leave_unanswered_is_neither_answered_nor_promised_an_answer(language, answer, unsaid):
    asked = ASKED[language]
    result = reply(_situation(language), asked, backend="composer", answers={"1": answer})
    assert unsaid not in result.text and COME_BACK[language] not in result.text
    assert asked.split(". ", 1)[1] not in result.text


@pytest.mark.parametrize(("language", "answer", "said", "unsaid"), [
    ("en", "Yes, until Easter is fine. In the reply don't name the new club.", "Yes, until Easter is fine.", "new club"),
    ("ru", "Да, до Пасхи можно. В ответе название не пишем.", "Да, до Пасхи можно.", "название"),
])
def test_a_sentence_of_an_answer_that_tells_the_tool_how_to_answer_stays_out(language, answer, said, unsaid):
    result = reply(_situation(language), ASKED[language], backend="composer", answers={"1": answer})
    assert said in result.text and unsaid not in result.text, result.text


@pytest.mark.parametrize(("language", "said"), [
    ("en", "My daughter gets married in May. Would you print her invitations (about 150)?"),
    ("ru", "Дочь выходит замуж в мае. Сможете напечатать ей приглашения, штук 150?"),
])
def test_invitations_ordered_as_a_product_are_no_invitation_to_thank_for(language, said):
    from tactful.composer.vetting import reply_topics

    assert "invitation" not in reply_topics(said, language)
    invited = {"en": "My daughter gets married in May, and we would love to invite you.",
               "ru": "Дочь выходит замуж в мае, хотим пригласить вас на праздник."}[language]
    assert "invitation" in reply_topics(invited, language)


@pytest.mark.parametrize(("language", "said", "topic"), [
    # Someone coming or money arriving is no invitation; only the client asking the user round is.
    ("ru", "Может, она придёт 19-го, в субботу, пока ты здесь?", "invitation"),
    ("ru", "Спасибо, что пришли сегодня лично.", "invitation"),
    ("ru", "Деньги переведу завтра, зарплата пришла.", "invitation"),
    # Sick pay named among a job's benefits is no one's illness.
    ("ru", "Я всё понимаю, садик — это стаж, больничные, всё такое.", "illness"),
    # The client wanting their things back by a day is not away.
    ("en", "We need them back by the 7th, not the 11th.", "away"),
])
def test_words_that_only_look_like_a_topic_do_not_raise_it(language, said, topic):
    from tactful.composer.vetting import reply_topics

    assert topic not in reply_topics(said, language)


@pytest.mark.parametrize(("language", "said", "point"), [
    ("en", "A few things:\n1. The invoice is fine.\n2. The sketches - we would need them as source files, not PDFs.",
     "The sketches - we would need them as source files, not PDFs."),
    ("ru", "Несколько вопросов:\n1. Счёт оплатим.\n2. Эскизы нужны в исходниках, а не в PDF — для новой мастерской.",
     "Эскизы нужны в исходниках, а не в PDF — для новой мастерской."),
    # A question in the list is theirs too, though a topic (the handover) touches it.
    ("en", "A few things:\n1. The invoice is fine.\n2. The 12 platforms - could some stay built into the set until strike?",
     "The 12 platforms - could some stay built into the set until strike?"),
])
def test_a_request_the_client_lists_is_a_point_for_the_user(language, said, point):
    result = reply(_situation(language), said, backend="composer")
    assert point in result.questions
    assert "The invoice is fine." not in result.questions and "Счёт оплатим." not in result.questions
    assert not any("I thought I'd paid" in q for q in reply(_situation("en"), "1. The £340 - I thought I'd paid it all, sorry!",
                                                              backend="composer").questions)


@pytest.mark.parametrize(("said", "aggressive"), [
    ("Morag - does she do voice notes? (Joking. Mostly.)", False),
    ("If the answer is still no, I'll want to send you something ridiculous for the baby.", False),
    ("This invoice is a joke.", True),
])
def test_a_joke_and_a_gift_are_no_anger(said, aggressive):
    from tactful.composer.vetting import reply_kinds

    assert ("aggressive" in reply_kinds(said, "en")) is aggressive


@pytest.mark.parametrize(("said", "offer"), [
    # Paying for the extra days of one piece of work asks for those days, not for the cooperation to go on.
    ("Can your crew start the 6th? We'd cover the extra two days.", False),
    ("We could pay you an extra £500 a month if you stay.", True),
])
def test_paying_for_extra_days_of_one_job_is_no_offer_to_stay(said, offer):
    from tactful.composer.vetting import reply_kinds

    assert ("new_terms" in reply_kinds(said, "en")) is offer


def test_a_client_who_puts_a_proposal_forward_is_thanked_for_it_not_consoled():
    from tactful.composer import classify_reply

    said = "Давайте не будем торопиться, у меня есть предложение, прошу его рассмотреть. Оплата — 120 000 ₽ в месяц."
    assert classify_reply(said, "ru") == "new_terms"


def test_a_point_the_client_words_with_still_is_quoted_above_its_answer():
    """"Which of the venues still haven't answered?" is the client's question, quoted as they wrote it."""
    asked = "Thanks for letting me know.\n\n- Which of the venues still haven't answered?\n- Can you send the list?"
    result = reply(_situation("en"), asked, backend="composer",
                   answers={"Which of the venues still haven't answered?": "I'll send you the list of who's still outstanding this week"})
    assert "> Which of the venues still haven't answered?\nI'll send you the list of who's still outstanding this week." in result.text
    assert result.compliant, result.report.violations


def test_an_offer_the_user_answered_is_not_also_promised_back():
    asked = ("Before you go, can I try something?\n\n- A higher rate from January.\n- Drop the newsletter completely if that helps.\n\n"
             "Either way, thank you.")
    result = reply(_situation("en"), asked, backend="composer",
                   answers={"Before you go, can I try something?": "That's kind of you, but my decision stays the same",
                            "Drop the newsletter completely if that helps.": "Thank you, but it isn't the newsletter, it's the hours"})
    assert "I will drop the newsletter" not in result.text and "it isn't the newsletter" in result.text, result.text
    # The offers listed under the question the user answered are answered with it: nothing is left to come back on.
    assert COME_BACK["en"] not in result.text, result.text


def test_the_checker_leaves_lines_quoted_from_the_client_out():
    from tactful import check

    quoted = check("Hi Ann,\n\n> You still haven't answered, as always!\nI will send the list on Monday.\n\nBest,\nSam Hale")
    plain = check("Hi Ann,\n\nYou still haven't answered, as always!\nI will send the list on Monday.\n\nBest,\nSam Hale")
    assert not {"grievance", "absolute", "exclamation"} & {v.rule for v in quoted.violations}
    assert "grievance" in {v.rule for v in plain.violations}


@pytest.mark.parametrize("text", ["But my decision stands; it's the hours, never you.", "A tour is out of hours, so I can't take it on with a baby.",
                                  "I'll send the list, so you can see who's confirmed and who's still outstanding."])
def test_plain_answers_are_no_reproach_or_venting(text):
    from tactful import check

    assert not {"grievance", "absolute", "emotional"} & {v.rule for v in check(text).violations}
