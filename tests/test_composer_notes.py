"""How the composer reads the user's notes: the wording they dictate, the instructions they give the tool,
their asides about the person the letter greets, and their shorthand about a referral."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tactful.composer import Composer
from tactful.composer.grammar import accusative, referral_object, referral_parts
from tactful.phrases import load_phrases
from tactful.situation import Situation

FUTURE = (dt.date.today() + dt.timedelta(days=90)).isoformat()


def situation(**fields) -> Situation:
    data = {"client": {"name": "Northwind Traders LLC"}, "end_date": FUTURE, **fields}
    return Situation.model_validate(data)


def email(s: Situation, language: str = "en", tone: str = "formal") -> str:
    return Composer().compose(s, "email", language, tone)[0].content.body


@pytest.mark.parametrize(("language", "note", "said", "instruction"), [
    ("en", "write that I no longer take on large commissions", "I no longer take on large commissions.", "write that"),
    ("ru", "напишите просто, что я больше не беру крупные заказы", "Я больше не беру крупные заказы.", "Напишите"),
])
def test_a_line_the_user_asks_to_write_is_said_without_the_ask(language, note, said, instruction):
    """«напишите просто, что …» is the user's instruction to the tool: only what follows "that" reaches the client."""
    private = {"en": "health reasons, keep it private", "ru": "про здоровье не писать ни слова"}[language]
    body = email(situation(reasons=[private, note], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body and instruction not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "don't accuse anyone re the phone call. just: we can't certify what we haven't inspected",
     "We can't certify what we haven't inspected."),
    # The wording typed without its subject gets one in the letter: a freelancer's «работаем» is «я работаю».
    ("ru", "слово «фальсификация» не произносить — просто: работаем только по фактическим координатам",
     "Я работаю только по фактическим координатам."),
])
def test_the_wording_the_user_dictates_is_the_reason(language, note, said):
    s = situation(reason_kind="agreements", reasons=["they keep changing the drawings", note])
    body = email(s, language)
    assert said in body and "accuse" not in body and "произносить" not in body


@pytest.mark.parametrize(("language", "note", "instruction"), [
    ("en", "keep it short. no new work from today - I've already stopped bid changes", "keep it short"),
    ("ru", "без эмоций. работу уже остановили, дальше только передача", "без эмоций"),
])
def test_a_note_of_instructions_and_stopped_work_is_never_quoted_as_the_reason(language, note, instruction):
    body = email(situation(reason_kind="payment", reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    # The reason kind's own sentence stands in for it.
    assert instruction not in body.lower() and load_phrases(language).get("reason.payment", "formal", "i") in body


@pytest.mark.parametrize(("language", "note", "reason", "instruction"), [
    ("en", "moving on from agency work, but don't mention the argument", "I am moving on from agency work.", "mention"),
    ("ru", "без эмоций, закрываю практику с марта", "Я закрываю практику с марта.", "эмоций"),
])
def test_the_reason_in_a_note_is_kept_without_the_instruction_beside_it(language, note, reason, instruction):
    body = email(situation(reason_kind="payment", reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert reason in body and instruction not in body


def test_an_aside_about_the_addressee_goes_when_the_item_is_said_to_them():
    s = situation(client={"name": "Halden Ventures", "contact": "Oliver Grant, Partner"},
                  handover=["voice and style guide for Oliver (tone, words he never uses)", "content calendar"])
    body = email(s)
    assert "- the voice and style guide for you\n" in body and "words he never uses" not in body


def test_a_handover_note_with_a_relative_clause_stays_a_thing_handed_over():
    """"what each tank needs" has its own verb, but in a clause that describes the schedule."""
    s = situation(handover=["feeding schedule and what each tank needs", "the water test log"], sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert "- the feeding schedule and what each tank needs\n" in body and "Feeding schedule" not in body


def test_a_step_the_sender_takes_on_themselves_says_myself():
    s = situation(sender={"name": "Claire Dunmore", "solo": True},
                  handover=["newsletter archive - remove me as editor after the Jan issue", "content calendar"])
    assert "I will also remove myself as editor after the January issue" in email(s)


@pytest.mark.parametrize(("referral", "description"), [
    ("Sam Hughes - AWCF farrier near Oswestry, knows the vets", "an AWCF farrier near Oswestry"),
    ("Ann Lee, good with remedial work", "who is good with remedial work"),
    ("Priya Lal in Harrogate - lovely with barn light", "who is lovely with barn light"),
    # A past verb is what they did, not what they are ("experienced in" is an adjective, "edited for" is not).
    ("Tasha Nguyen - edited for public radio stations, freelance now", "who edited for public radio stations"),
    ("Tim Ross - based in Leeds, did my course", "who is based in Leeds"),
    ("Jo Park - bookkeeper for cafes", "a bookkeeper for cafes"),
    ("Anneka Lowe, a registered piano technician who already looks after two other music schools in the county",
     "a registered piano technician who already looks after two other music schools in the county"),
    ("Sol Barraclough - quick, reasonably priced, and good at menu boards", "who is reasonably priced"),
    # What the user did about it is their own story, not the description.
    ("Kai at DeepBlue Aquatics, he does reef tanks for two restaurants and I've told him about you", "who does reef tanks for two restaurants"),
    # A short first part leaves what they do to the next one; "they" and any verb of theirs say what they do.
    ("Mia Turner at Pixel Paddock - small studio, does Flutter maintenance, good with gyms", "a small studio that does Flutter maintenance"),
    ("Champlain Valley Transport - bigger outfit, they have drivers", "a bigger outfit that has drivers"),
    # A modal has no form of its own for one: "can", never "cans".
    ("Kafue Valley Eggs - bigger farm, they can do the volume", "a bigger farm that can do the volume"),
    ("Jo Park - bookkeeper for cafes, does payroll too", "a bookkeeper for cafes who does payroll too"),
    ("Ridgeview Exhaust - they carry the roof insurance the landlord wants", "who carry the roof insurance the landlord wants"),
    # A certification is what they are; a field of study is what they cover.
    ("Kari Jonsson - glacier-certified (AIMG), freelance", "who is glacier-certified (AIMG)"),
    ("Tom Ashdown - SI-accredited, medieval history and archaeology", "who is SI-accredited and covers medieval history and archaeology"),
    ("Motion Mill in Tai Seng - bigger team, they've done bank explainers", "a bigger team that has done bank explainers"),
    # A plural before its preposition is what they are, with no article.
    ("Soler in Benimaclet - good digital printers with a fast turnaround", "good digital printers with a fast turnaround"),
])
def test_an_english_referral_description_reads_as_one(referral, description):
    assert referral_parts(referral, "en", load_phrases("en"))[1:] == (description, True)


@pytest.mark.parametrize(("referral", "apposition"), [
    ("Дарья Ким, дизайнер", True),
    ("Константин Ермаков - багетная мастерская на Васильевском", False),
    ("ООО «Вектор» - бухгалтерская компания", True),
    ("Глеб Стрельников, витражист из Твери — работает в свинцовой технике", True),
])
def test_a_russian_referral_is_set_beside_a_word_for_the_same_kind_of_thing(referral, apposition):
    # A man is not called «багетную мастерскую»: a workshop goes in brackets after his name.
    assert referral_parts(referral, "ru", load_phrases("ru"))[2] is apposition


def test_a_russian_referrals_trade_is_declined_beside_the_name_and_what_they_do_stays_in_brackets():
    name, description, apposition = referral_parts("Глеб Стрельников, витражист из Твери — ставит окна в старых домах", "ru", load_phrases("ru"))
    assert referral_object(name, description, apposition, "ru") == "Глеба Стрельникова, витражиста из Твери (ставит окна в старых домах)"


@pytest.mark.parametrize(("name", "said"), [
    # A sole trader's marker stays, the name after it declines.
    ("ИП Горелов", "ИП Горелова"),
    ("ИП Шевченко Андрей Владимирович", "ИП Шевченко Андрея Владимировича"),
    # A first name the dictionary does not know declines by the surname's gender beside it.
    ("Баатр Сарангов из Яшкуля", "Баатра Сарангова из Яшкуля"),
    # A firm's name in quotes is its own, as written.
    ("«Эвакуатор-75»", "«Эвакуатор-75»"),
])
def test_a_russian_referrals_name_is_declined_as_a_name(name, said):
    assert referral_object(name, "", False, "ru") == said


@pytest.mark.parametrize(("language", "items", "said"), [
    ("en", ["the glaze recipe and the clay body", "the plate templates"], "the glaze recipe and the clay body, and the plate templates"),
    ("ru", ["рецепт глазури и состав массы", "шаблоны форм"], "рецепт глазури и состав массы, а также шаблоны форм"),
    ("ru", ["рецепт глазури", "шаблоны форм"], "рецепт глазури и шаблоны форм"),
])
def test_a_list_whose_item_has_its_own_and_is_not_one_long_chain(language, items, said):
    from tactful.composer.grammar import join_items

    assert join_items(items, load_phrases(language)) == said


def test_among_several_handed_over_items_what_one_holds_goes_in_brackets():
    s = situation(handover=["журнал обслуживания по каждому столу — даты перетяжки, марка сукна", "запас сукна, два комплекта, оплачены клубом"],
                  sender={"name": "Ann Lee", "solo": True})
    said = " ".join(Composer().compose(s, "meeting", "ru")[0].content.talking_points)
    assert "журнал обслуживания по каждому столу (даты перетяжки, марка сукна) и запас сукна, два комплекта, оплачены клубом." in said, said


def test_their_before_a_word_that_is_no_noun_is_an_object_not_a_possessive():
    from tactful.composer.grammar import to_you

    phrases = load_phrases("ru")
    assert to_you("заменить клапаны и привезти их обратно", "ru", phrases) == "заменить клапаны и привезти их обратно"
    assert to_you("их документы", "ru", phrases) == "ваши документы"
    # Before a count, the plural of the things counted; a span of time stays.
    assert to_you("привезу их 2 тележки на склад", "ru", phrases) == "привезу ваши 2 тележки на склад"
    assert to_you("храним их 3 года", "ru", phrases) == "храним их 3 года"
    assert to_you("the spare pads they've paid for stay in their drawer", "en", load_phrases("en")) == \
        "the spare pads you have paid for stay in your drawer"
    assert to_you("к ним претензий по работе нет", "ru", phrases) == "к вам претензий по работе нет"


def test_a_pronoun_after_a_preposition_that_agrees_with_a_thing_named_before_is_the_thing():
    from tactful.composer.grammar import to_you

    phrases = load_phrases("ru")
    # «с неё» is the extraction, a feminine thing: «с вас» would point at the reader.
    assert to_you("Аспирация на участке не работает, это риск — пусть следующий специалист начнёт с неё", "ru", phrases) \
        .endswith("начнёт с неё")
    # A person named before, or a thing of another gender, leaves the pronoun the client's; so does «у»: what is
    # "at them" is at the client's.
    assert to_you("Директор просил копии, передать для него", "ru", phrases).endswith("для вас")
    assert to_you("Отчёт готов, отправим на неё", "ru", phrases).endswith("на вас")
    assert to_you("Сервер стоит у него", "ru", phrases).endswith("у вас")


def test_their_before_a_property_of_a_thing_is_the_things_not_the_clients():
    from tactful.composer.grammar import to_you

    phrases = load_phrases("ru")
    assert to_you("морозильные лари забираем, их стоимость в акт не входит", "ru", phrases) == \
        "морозильные лари забираем, их стоимость в акт не входит"
    assert to_you("весы остаются, их серийные номера в описи", "ru", phrases) == "весы остаются, их серийные номера в описи"
    assert to_you("пароли — на их почту", "ru", phrases) == "пароли — на вашу почту"


@pytest.mark.parametrize(("language", "item", "said"), [
    ("ru", "список инструментов — что в каждом сделано и что ещё нужно сделать", "список инструментов — что в каждом сделано и что ещё нужно сделать"),
    ("en", "the tank log - what each tank needs", "the tank log - what each tank needs"),
])
def test_a_call_says_what_a_handed_over_list_holds(language, item, said):
    s = situation(handover=[item], sender={"name": "Ann Lee", "solo": True})
    assert said in Composer().compose(s, "call", language)[0].text()


def test_a_relative_clause_in_a_russian_handover_item_keeps_its_case():
    item = "список артикулов, которые галерея обычно берёт, и поставщики"
    assert accusative(item, "ru") is None  # set as a bullet in the nominative, never «которую галерею»
    assert accusative("пароли, схема сети и выгрузка базы 1С", "ru") == "пароли, схему сети и выгрузку базы 1С"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_offer_of_more_money_is_expected_when_the_sender_is_moving_away(language):
    note = {"en": "moving to Scotland in February", "ru": "переезжаю в Казань в феврале"}[language]
    points = lambda reasons: Composer().compose(  # noqa: E731
        situation(reason_kind="resources", reasons=reasons, sender={"name": "Owen", "solo": True}), "call", language)[0].text()
    offer = {"en": "offers to pay more", "ru": "предлагает платить больше"}[language]
    assert offer in points([]) and offer not in points([note])


@pytest.mark.parametrize(("language", "notes", "reason"), [
    ("en", ["two of the partners refuse MFA", "we can't be responsible for security we're not allowed to enforce"],
     "We cannot be responsible for security we are not allowed to enforce."),
    ("ru", ["ушли оба разработчика", "новых на этот старый код посадить мы не можем"], "Новых на этот старый код посадить мы не можем."),
])
def test_where_the_sender_stands_is_the_reason_when_no_plan_is_given(language, notes, reason):
    assert reason in email(situation(reason_kind="methods", reasons=notes), language)


@pytest.mark.parametrize(("language", "note"), [("en", "we can't keep chasing late payments every month"),
                                                ("ru", "мы не можем бесконечно ждать оплату")])
def test_a_stance_about_money_is_left_to_the_invoice_lines(language, note):
    body = email(situation(reason_kind="payment", reasons=[note]), language)
    # Said as the sender's own terms for payments (no company: the sender is solo), not as the note.
    assert load_phrases(language).get("reason_topic.payment", "formal", "i") in body


@pytest.mark.parametrize(("language", "note", "reason"), [
    ("en", "accepted an in-house translator post in Munich, start 1 Feb", "I have accepted an in-house translator post in Munich."),
    # Every clause the sender's own: the note is said whole.
    ("ru", "с 1 февраля закрываем цифровой участок, Xerox продаём", "С 1 февраля мы закрываем цифровой участок, Xerox продаём."),
])
def test_a_plan_typed_without_its_subject_gets_one_where_the_language_puts_it(language, note, reason):
    s = situation(reasons=[note], sender={"name": "Ann Lee", "solo": language == "en"})
    assert reason in email(s, language)


def test_the_sender_at_the_table_is_named_without_their_role():
    s = situation(sender={"name": "Oliver Grant, Managing Partner", "company": "Fieldhouse Events"})
    meeting = Composer().compose(s, "meeting", "en")[0].content
    assert "Oliver Grant" in meeting.attendees and not any("Managing Partner" in item for item in meeting.agenda)


@pytest.mark.parametrize(("language", "note", "thanks"), [
    ("en", "good client, always paid on time", "settling every invoice on time"),
    ("ru", "клиент хороший, платили всегда вовремя", "оплата всегда приходила вовремя"),
    ("en", "he always paid the day the invoice landed", "settling every invoice on time"),
])
def test_a_client_who_always_paid_on_time_is_thanked_for_it_unless_something_is_owed(language, note, thanks):
    s = situation(reasons=[note], sender={"name": "Ann Lee", "solo": True})
    assert thanks in email(s, language)
    assert thanks in Composer().compose(s, "call", language)[0].content.closing
    owing = situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}, unpaid_invoices=[{"number": "12", "amount": "£100"}])
    assert thanks not in email(owing, language)


@pytest.mark.parametrize(("language", "note", "reaction"), [
    ("en", "Dmitri keeps telling me other mechanics do it. fine, let them", "says others would do it"),
    ("ru", "Дмитрий всё твердит, что другие мастера так делают", "говорит, что другие это делают"),
])
def test_a_client_who_says_others_would_do_it_gets_a_prepared_answer(language, note, reaction):
    reactions = lambda notes: [r.client for r in Composer().compose(situation(reasons=notes), "call", language)[0].content.reactions]  # noqa: E731
    assert any(reaction in client for client in reactions([note]))
    assert not any(reaction in client for client in reactions(["the schedule no longer works"]))


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_reactions_a_script_prepares_for_fit_the_case(language):
    plan = lambda **fields: Composer().compose(situation(**fields), "call", language)[0].content.reactions  # noqa: E731
    wrong = {"en": "what went wrong", "ru": "что пошло не так"}[language]
    dispute = {"en": "disputes an invoice", "ru": "оспаривает счёт"}[language]
    moving = {"en": "moving to Lisbon in March", "ru": "переезжаю в Казань в марте"}[language]
    # A sender who is moving away is asked why, not what went wrong.
    assert not any(wrong in r.client for r in plan(reasons=[moving], sender={"name": "Ann Lee", "solo": True}))
    assert any(wrong in r.client for r in plan(reason_kind="scope", final_invoice=True))
    # A dispute is prepared for only where there is a bill to dispute.
    assert any(dispute in r.client for r in plan(reason_kind="scope", final_invoice=True))
    assert not any(dispute in r.client for r in plan(reason_kind="scope"))


def test_asked_why_the_script_says_the_senders_stated_reason_again():
    s = situation(reason_kind="methods", reasons=["we can't be responsible for security we're not allowed to enforce"])
    why = next(r for r in Composer().compose(s, "call", "en")[0].content.reactions if r.client.startswith("asks why"))
    assert why.answer.startswith("We cannot be responsible for security we are not allowed to enforce.")


def test_a_russian_item_that_names_the_addressee_in_the_accusative_is_said_to_them():
    s = situation(client={"name": "Салон «Лиса»", "contact": "Алина Петрова"},
                  handover=["права администратора переоформить на Алину", "архив фотографий"])
    body = email(s, "ru")
    assert "на вас" in body and "на Алину" not in body


def test_a_formal_russian_call_introduces_the_speaker_by_name_without_their_role():
    s = situation(sender={"name": "Константин Громов, управляющий партнёр", "company": "Юридическая компания «Громов и партнёры»"})
    opening = Composer().compose(s, "call", "ru", "formal")[0].content.opening
    assert "Это Константин Громов, Юридическая компания" in opening and "партнёр," not in opening


@pytest.mark.parametrize(("language", "help_line", "generic"), [
    ("en", "from you or from a new contractor", "If you are looking for a new contractor"),
    ("ru", "ваши или нового исполнителя", "Если будете искать нового исполнителя"),
])
def test_a_business_handed_a_list_is_offered_help_for_its_next_contractor_in_one_line(language, help_line, generic):
    items = ["the logo files", "the brand guide"] if language == "en" else ["исходники", "брендбук"]
    body = email(situation(handover=items), language)
    assert help_line in body and generic not in body
    assert generic in email(situation(), language)  # nothing to hand over: the offer stands on its own


def test_a_client_typed_as_two_people_is_wished_well_as_a_couple():
    s = situation(client={"name": "Tom and Priya Whitcombe (private household)", "contact": "Priya Whitcombe"})
    assert "to you both" in email(s, "en", "warm") and "team" not in email(s, "en", "warm")


def test_the_addressee_named_by_title_and_surname_in_an_item_is_you():
    s = situation(client={"name": "Acme", "contact": "Dr Helen Brice"},
                  handover=["injury summaries to Dr Brice", "Helen's login"])
    body = email(s)
    assert "injury summaries to you" in body and "your login" in body


def test_what_stays_with_the_client_is_not_handed_over_and_what_is_collected_is_a_step():
    s = situation(sender={"name": "Ann Lee", "company": "Gatehouse Security"},
                  handover=["incident book copies stay with the venue", "our radios collected after the last shift", "rota"])
    body = email(s)
    assert "incident book" not in body and "We will also collect our radios after the last shift." in body
    # Collecting from the sender's place is the client's step, asked of them.
    yard = situation(sender={"name": "Ann Lee", "company": "Gatehouse Security"},
                     handover=["collect the spare barriers from our yard by Friday", "rota"])
    assert "Please collect the spare barriers from our yard by Friday." in email(yard)
    # Our things lent to the client come back to us by the client's hand; the aside on them keeps its closing comma.
    lent = situation(sender={"name": "Ann Lee", "company": "Gatehouse Security"},
                     handover=["our two articulators and our shade guide, lent to the practice in 2024, to be returned to us by 21 January", "rota"])
    assert "Please return our two articulators and our shade guide, lent to the practice in 2024, to us by 21 January." in email(lent), email(lent)


def test_open_work_is_said_aloud_by_its_name_unless_two_pieces_would_share_one():
    s = situation(sender={"name": "Ann Lee", "solo": True},
                  open_work=[{"item": "episode 31 - edit and show notes", "due": "2027-01-08"},
                             {"item": "episode 32 - edit", "due": "2027-01-22"}])
    points = " ".join(Composer().compose(s, "call", "en")[0].content.points)
    assert "finish episode 31 by 8 January and episode 32 by 22 January" in points
    same = situation(sender={"name": "Ann Lee", "solo": True},
                     open_work=[{"item": "tuning, Christmas concert", "due": "2027-01-08"},
                                {"item": "tuning, Schubert recital", "due": "2027-01-22"}])
    points = " ".join(Composer().compose(same, "call", "en")[0].content.points)
    assert "Christmas concert" in points and "Schubert recital" in points


@pytest.mark.parametrize(("language", "note", "reason"), [
    ("en", "position: we cannot sign off a scheme we believe is unlawful", "We cannot sign off a scheme we believe is unlawful."),
    ("ru", "формально, без лекций. позиция — эту схему сопровождать не могу, поэтому прекращаю работу",
     "Эту схему сопровождать я не могу, поэтому прекращаю работу."),
])
def test_the_position_the_user_states_is_the_reason(language, note, reason):
    assert reason in email(situation(reason_kind="methods", reasons=[note]), language)


@pytest.mark.parametrize(("language", "note"), [
    ("en", "it's a call on Thursday, I need talking points not a script"),
    ("en", "he wants me to find a reason to dismiss someone. I can't advise on that"),
    ("ru", "встреча в пятницу, поэтому я прекращаю работу с ними"),
])
def test_a_note_about_the_message_a_deictic_refusal_or_a_consequence_is_no_reason(language, note):
    body = email(situation(reason_kind="payment", reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert load_phrases(language).get("reason.payment", "formal", "i") in body


@pytest.mark.parametrize(("clause", "said"), [("T&Cs point 4 (artwork approval)", "clause 4 of our contract"),
                                               ("Section 12.2", "clause 12.2 of our contract")])
def test_a_clause_typed_with_other_words_is_said_by_its_number(clause, said):
    s = situation(contract={"exists": True, "clause": clause, "notice_days": 14})
    assert said in email(s)


def test_a_client_typed_as_two_full_names_is_a_couple_but_a_firm_with_an_ampersand_is_not():
    couple = situation(client={"name": "Daniel Marsh and Chloe Fenwick (wedding)", "contact": "Chloe Fenwick"})
    assert "to you both" in email(couple, "en", "warm")
    firm = situation(client={"name": "Smith & Partners"})
    assert "to you both" not in email(firm, "en", "warm")


@pytest.mark.parametrize(("language", "item", "step"), [
    ("en", "install the illuminated fascia", "we will also install the illuminated fascia by 8 January"),
    ("ru", "сдать 11 изделий по списку", "мы также сдадим 11 изделий по списку — до 8 января"),
])
def test_open_work_typed_as_a_step_is_the_senders_step_in_every_channel(language, item, step):
    s = situation(sender={"name": "Ann Lee", "company": "Northgate Signs", "solo": False},
                  open_work=[{"item": item, "due": "2027-01-08"}])
    for channel in ("email", "call", "meeting"):
        text = Composer().compose(s, channel, language)[0].text()
        assert step.lower() in text.lower() and "finish install" not in text and "закончим сдать" not in text, channel


@pytest.mark.parametrize(("language", "item", "said"), [
    # A note typed capitalised as the start of a list item is lower case inside a sentence …
    ("en", "Site plan with irrigation valve locations", "the site plan with irrigation valve locations"),
    ("ru", "Папка на Яндекс.Диске с исходниками", "папку на Яндекс.Диске с исходниками"),
    # … and a clause-like aside of the user's ("bulbs already bought", «пусть пользуются») is left out.
    ("en", "Planting schedule (bulbs already bought)", "the planting schedule"),
    ("en", "Music stems - licence is on her account", "the music stems"),
    ("ru", "Контент-план на январь (черновик, пусть пользуются)", "контент-план на январь"),
    ("ru", "Вазы из зала — принадлежат гостинице", "вазы из зала"),
    # Names and product names keep their capitals; a noun aside stays.
    ("en", "Client list (PDF)", "the client list (PDF)"),
    ("en", "Power BI workspace", "the Power BI workspace"),
    ("ru", "Ольгины макеты (PDF)", "Ольгины макеты (PDF)"),
])
def test_a_handover_note_reads_as_part_of_the_sentence(language, item, said):
    s = situation(handover=[item], sender={"name": "Ann Lee", "solo": True})
    assert said in email(s, language)


@pytest.mark.parametrize(("language", "number", "quoted", "not_quoted"), [
    ("ru", "Счёт № 118 от 01.11.2026", "Счёт № 118 на сумму", "Счёт № Счёт"),
    ("ru", "Счёт № 31 — вознаграждение за кандидата", "№ 31 на сумму", "вознаграждение"),
    # What the invoice is for is no number: the invoice is named by its amount.
    ("ru", "4 занятия в ноябре", "Сумма 8 000 ₽", "№ 4"),
    ("ru", "сведение треков 5-8", "8 000 ₽", "№ сведение"),
    ("en", "Invoice #1047 (second deposit)", "Invoice 1047 for £800", "Invoice Invoice"),
    ("en", "stage 2 renders", "£800", "Invoice stage"),
])
def test_an_invoice_is_quoted_by_its_number_only(language, number, quoted, not_quoted):
    amount = "8 000 ₽" if language == "ru" else "£800"
    s = situation(unpaid_invoices=[{"number": number, "amount": amount}], sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call", "meeting"):
        text = Composer().compose(s, channel, language)[0].text()
        assert not_quoted not in text, channel
    assert quoted in email(s, language)


@pytest.mark.parametrize(("item", "said"), [
    # A thing named by a word for a person keeps the form of a thing.
    ("финальный мастер сингла", "финальный мастер сингла"),
    # An abbreviation and a plural adjective standing for a thing read the same as objects.
    ("зарплата за декабрь и отпускные", "зарплату за декабрь и отпускные"),
    ("РСВ за 2026 год и отчёт", "РСВ за 2026 год и отчёт"),
    # A second piece of work after a comma is an item of its own; a participle after a comma tells of the one before.
    ("замена мембраны обратного осмоса, проверка УФ-лампы", "замену мембраны обратного осмоса, проверку УФ-лампы"),
    ("доставка и сборка всех заказов, проданных до 20 декабря", "доставку и сборку всех заказов, проданных до 20 декабря"),
])
def test_russian_work_items_take_the_accusative_of_things(item, said):
    assert accusative(item, "ru", load_phrases("ru")) == said


@pytest.mark.parametrize(("language", "note", "line"), [
    ("en", "I want to say: 'We'll keep covering emergencies until 31 January so no building is left without cover.'",
     "We'll keep covering emergencies until 31 January so no building is left without cover."),
    ("ru", "хочу вставить фразу: «Мне было очень приятно видеть, как гости фотографируются у ваших композиций»",
     "Мне было очень приятно видеть, как гости фотографируются у ваших композиций."),
    ("ru", "хочу чтобы было сказано: «за ноябрь работа выполнена полностью, прошу оплатить 25 000 ₽»",
     "За ноябрь работа выполнена полностью, прошу оплатить 25 000 ₽."),
    # The client's own name in quotes inside the line is no sarcasm.
    ("ru", "хочу, чтобы в письме была моя фраза дословно: «Ваша „Сова“ — первое кафе, где мы увидели гостей за нашими столами, и этого мы не забудем»",
     "Ваша „Сова“ — первое кафе, где мы увидели гостей за нашими столами, и этого мы не забудем."),
    ("en", "put in: 'Your shop was the first place that ever sold my eggs, and I've never forgotten it.'",
     "Your shop was the first place that ever sold my eggs, and I've never forgotten it."),
])
def test_a_line_the_user_asks_for_is_said_in_every_channel(language, note, line):
    s = situation(reasons=["the schedule no longer works for me" if language == "en" else "график больше не подходит", note],
                  sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call", "meeting"):
        text = Composer().compose(s, channel, language)[0].text()
        assert line in text and "'We'll" not in text and "хочу" not in text, channel


def test_the_senders_own_plan_is_the_reason_and_a_dictated_line_is_said_beside_it():
    s = situation(reasons=["I've been offered a full-time job at Hamble Point Marine starting 1 April and I'm taking it",
                           'please put this line in, word for word: "Your fleet was the first rigging anyone ever trusted me with."'],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s, tone="warm")
    assert "offered a full-time job at Hamble Point Marine" in body and "Your fleet was the first rigging" in body


@pytest.mark.parametrize(("language", "note", "plan", "follows"), [
    ("en", "we've taken on a big contract at the stadium", "taken on a big contract at the stadium", "no longer have the capacity"),
    ("ru", "взяли большой заказ на стадионе", "Мы взяли большой заказ на стадионе", "нет возможности уделять"),
])
def test_a_plan_that_takes_up_the_team_is_followed_by_what_it_means_for_this_client(language, note, plan, follows):
    s = situation(reasons=[note], reason_kind="capacity", sender={"name": "Ann Lee", "company": "Knot & Loop", "solo": False})
    body = email(s, language)
    assert plan in body and follows in body


@pytest.mark.parametrize(("language", "note", "timeline"), [
    ("en", "I'll do Christmas properly and close the season, after that I step back", "step back"),
    ("ru", "закрою сезон, и на этом всё", "на этом всё"),
    # A note that only says when the sender leaves is the decision, not why.
    ("ru", "весь декабрь ездить не буду, ухожу 18-го, дальше пусть сами", "ухожу"),
    ("en", "I'm leaving on the 18th, they can sort it out", "leaving on"),
    ("en", "we stop collections now and the last delivery is the one already loaded for 18 Dec", "stop collections"),
    ("en", "every booking already made gets done. we take new bookings up to end of Feb, nothing after", "take new bookings"),
])
def test_a_note_on_how_the_work_ends_is_not_given_as_the_reason(language, note, timeline):
    s = situation(reasons=[note], reason_kind="approach", sender={"name": "Ann Lee", "solo": True})
    body = email(s, language)
    assert timeline not in body and load_phrases(language).get("reason.approach", "formal", "i").split("{{")[0] in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "Marta and I have decided to go all in on heritage work from the new year (churches, listed shopfronts). it's nothing Bernie did",
     "We have decided to go all in on heritage work from the new year."),
    ("ru", "Марта и я решили с нового года перейти на реставрацию (храмы, усадьбы)", "Мы решили с нового года перейти на реставрацию."),
])
def test_the_sender_and_a_partner_named_in_the_notes_are_we(language, note, said):
    s = situation(reasons=[note], client={"name": "The Long Table", "contact": "Bernie"}, sender={"name": "Nadia Kovač", "company": "Gilt & Brush", "solo": False})
    body = email(s, language)
    assert said in body and "Marta" not in body and "Марта" not in body
    if language == "en":
        assert "nothing to do with you personally" in body


def test_a_thing_measured_first_takes_its_article():
    from tactful.composer.grammar import with_article

    assert with_article("23-carat gilded lettering", ["the", "a"]) == "the 23-carat gilded lettering"
    assert with_article("3 boxes of files", ["the", "a"]) == "3 boxes of files"


def test_a_note_of_several_sentences_gives_its_own_ones_and_a_past_deed_is_no_plan():
    s = situation(reasons=["i've been offered a full-time post at the foundry and i'm taking it. dad is 71 and retiring, so the firm stops church work"],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert "offered a full-time post at the foundry" in body and "dad is 71" not in body.lower()
    history = situation(reasons=["nobody can sign off extras. i started two booths in october on a phone call and now there's no order"],
                        reason_kind="scope", sender={"name": "Ann Lee", "solo": True})
    assert "started two booths" not in email(history)


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    # A private reason gives way to the wording the user dictates, with or without "that".
    ("just say i'm cutting back to daytime work", "I'm cutting back to daytime work.", "just say"),
    # What goes on about the client is cut from it: the sender's own clause is the reason.
    ("just say i'm cutting back to daytime work and can't give them the cover they need", "I'm cutting back to daytime work.", "give them"),
])
def test_a_dictated_line_is_the_reason_even_for_a_private_one(note, said, unsaid):
    s = situation(reasons=["the real reason is at home. DO NOT mention this anywhere", note], reason_kind="methods",
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert said in body and unsaid not in body.lower().replace("’", "'")


def test_a_stance_typed_without_its_subject_gets_one():
    s = situation(reasons=["not prepared to keep our name on a tank we can't run our way"], reason_kind="methods",
                  sender={"name": "Ann Lee", "company": "Reef Co", "solo": False})
    assert "We are not prepared to keep our name on a tank we cannot run our way." in email(s)


def test_a_quoted_line_is_not_read_again_as_an_unquoted_point():
    note = "please put this in exactly as I say it: 'Your bees are the calmest we look after, and that is down to your orchard.'"
    body = email(situation(reasons=["the schedule no longer works for me", note], sender={"name": "Ann Lee", "solo": True}))
    assert body.count("Your bees are the calmest") == 1 and "It: '" not in body


def test_the_note_a_wanted_line_came_from_is_not_reported_left_out():
    note = "хочу, чтобы в письме была моя фраза дословно: «Ваша „Сова“ — первое кафе, где мы увидели гостей за нашими столами»"
    s = situation(reasons=["график больше не подходит", note], sender={"name": "Ann Lee", "solo": True})
    draft, left_out = Composer().compose(s, "email", "ru")
    assert "первое кафе" in draft.text() and not [o for o in left_out if o.field == "reasons"]


def test_a_wanted_line_that_says_where_the_sender_stands_is_the_reason():
    note = "I need a line: 'Round 3 was the last included revision; anything further would be a new quote, and I'm not in a position to take one on.'"
    s = situation(reasons=[note], reason_kind="scope", sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert "Round 3 was the last included revision" in body.split("\n\n")[1] and "grown well beyond" not in body
    answer = next(r.answer for r in Composer().compose(s, "call", "en")[0].content.reactions if "why" in r.client)
    assert answer.startswith("Round 3 was the last included revision")


@pytest.mark.parametrize(("step", "said"), [
    # A step on the sender is the client's to take: asked for, every verb a request.
    ("снять меня из админов сообщества, сменить пароли", "Пожалуйста, снимите меня из админов сообщества, смените пароли"),
    # A step of the sender's: every verb joined to the first said by the sender.
    ("вернуть ключ и сдать отчёт", "верну ключ и сдам отчёт"),
    ("вернуть токен под расписку, удалить копии", "верну токен под расписку, удалю копии"),
])
def test_a_russian_step_is_said_by_whoever_takes_it(step, said):
    s = situation(handover=[step, "исходники"], sender={"name": "Анна Ли", "solo": True})
    assert said in email(s, "ru")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_answer_to_why_restates_the_reason_not_a_stock_line(language):
    s = situation(reason_kind="time", signals=["late_night_calls"], sender={"name": "Ann Lee", "solo": True})
    content = Composer().compose(s, "call", language)[0].content
    reason = {"en": "I can no longer offer the availability", "ru": "Мой рабочий график больше не позволяет"}[language]
    assert reason in content.key_message
    why = next(r.answer for r in content.reactions if "why" in r.client or "причин" in r.client)
    assert why.startswith(reason) and "how I plan my work" not in why and "как я планирую" not in why


def test_an_australian_amount_is_said_as_dollars():
    s = situation(unpaid_invoices=[{"number": "KL-5590", "amount": "A$780", "due": "2099-01-10"}])
    spoken = Composer().compose(s, "call", "en")[0].text()
    assert "780 dollars" in spoken and "A780" not in spoken


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_meeting_plan_has_the_sender_answer_questions_and_no_phone_opener(language):
    s = situation(client={"name": "Acme", "contact": "Jane Morris"}, sender={"name": "Ann Lee", "solo": True})
    meeting = Composer().compose(s, "meeting", language)[0].content
    qa = next(item for item in meeting.agenda if item.startswith(("Questions", "Вопросы")))
    assert qa.endswith(("Ann Lee listens and answers", "отвечает Ann Lee")) and "Jane" not in qa
    assert not any("I wanted to tell you this myself" in point for point in meeting.talking_points)


@pytest.mark.parametrize(("language", "note"), [("en", "he gets defensive fast - keep it short"), ("ru", "коротко!!")])
def test_a_note_asking_for_it_short_drops_the_invitation_to_talk_and_the_formalities(language, note):
    s = situation(reasons=[note], unpaid_invoices=[{"number": "7", "amount": "$900"}], contract={"exists": False})
    long_talk = {"en": "I would like to hear how you see it", "ru": "Мне важно услышать, как вы это видите"}[language]
    formality = {"en": "confirm in writing that everything between us is settled", "ru": "все расчёты между нами закрыты"}[language]
    assert long_talk not in Composer().compose(s, "call", language)[0].text()
    assert formality not in email(s, language)
    plain = situation(unpaid_invoices=[{"number": "7", "amount": "$900"}], contract={"exists": False})
    assert long_talk in Composer().compose(plain, "call", language)[0].text() and formality in email(plain, language)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_warm_letter_with_nothing_to_settle_promises_no_written_settlement(language):
    # Work done "on a handshake", no invoice open: a promise to confirm "everything is settled" reads as a legal formality.
    formality = {"en": "everything between us is settled", "ru": "все расчёты между нами закрыты"}[language]
    square = {"en": "we are all square", "ru": "мы в расчёте"}[language]
    s = situation(contract={"exists": False}, sender={"name": "Ann Lee", "solo": True})
    warm = email(s, language, tone="warm")
    assert formality not in warm and square in warm and formality in email(s, language)


@pytest.mark.parametrize(("referral", "said"), [
    ("GreenEdge Grounds (Ryan Holt) - they look after several residential blocks around Guildford",
     "GreenEdge Grounds (Ryan Holt), who look after several residential blocks around Guildford"),
    # "she" is the person at the firm named after it: she is named with it, and "who does" is said of her.
    ("Salt & Ember Catering - Maria Delgado, she does big fusion weddings",
     "recommend Maria Delgado of Salt & Ember Catering, who does big fusion weddings;"),
    ("Greenbelt Property Services - Dave Kowalski, they've got 6 trucks and do condos in Barrhaven",
     "recommend Dave Kowalski of Greenbelt Property Services, who have got 6 trucks and do condos in Barrhaven;"),
    ("Midwest Reporting Partners - 20+ reporters, realtime and remote", "recommend Midwest Reporting Partners, 20+ reporters;"),
    # "they" of one person at a place: "who has".
    ("Dr. Natasha Ramdin at the university library's digitisation unit - they have a film scanner",
     "recommend Dr. Natasha Ramdin at the university library's digitisation unit, who has a film scanner;"),
    # A firm whose name reads as a person's stays "they".
    ("Jadran Eko Servis (Kaštel Sućurac) - they do grease traps for half the hotels on the coast", "who do grease traps"),
])
def test_a_referral_note_that_goes_on_with_a_pronoun_describes_them(referral, said):
    assert said in email(situation(referral=referral))


@pytest.mark.parametrize(("name", "said"), [
    ("Mehta wedding, April 17", "the chance to work on your Mehta wedding."),
    ("Bramblewood", "the chance to work on Bramblewood."),
    # Work named by what is done is done, not worked on.
    ("the signwriting", "the chance to do your signwriting."),
])
def test_a_project_name_that_opens_with_a_name_but_describes_takes_your(name, said):
    assert said in email(situation(project_name=name, work="project"))


def test_a_private_client_with_a_double_first_name_is_greeted_by_it():
    s = situation(client={"name": "Kerry-Ann Doyle"}, tone="warm", sender={"name": "Sam Price", "solo": True})
    assert email(s, tone="warm").startswith("Hi Kerry-Ann,")


@pytest.mark.parametrize(("language", "item", "said"), [
    ("en", "January postcard mailing", "the January postcard mailing"),
    ("ru", "Оригиналы доверенностей — вернуть", "вернуть оригиналы доверенностей"),
    ("ru", "Пробный ЕГЭ и разбор ошибок", "пробный ЕГЭ и разбор ошибок"),
])
def test_open_work_and_steps_read_as_part_of_the_sentence(language, item, said):
    s = situation(open_work=[{"item": item, "due": "2099-01-10"}], sender={"name": "Ann Lee", "solo": True})
    text = " ".join(Composer().compose(s, "call", language)[0].content.points)
    assert said in text or said.replace("вернуть", "верну") in text


def test_a_meeting_plan_lists_a_person_known_by_initials_as_russian_plans_do():
    s = situation(client={"name": "ИП Петров", "contact": "Петров А. С."}, sender={"name": "Михаил Зуев", "solo": True})
    meeting = Composer().compose(s, "meeting", "ru")[0].content
    assert meeting.objective.startswith("Сообщить А. С. Петрову") and "А. С. Петров" in meeting.attendees[0]
    assert "господин" not in meeting.objective + " ".join(meeting.attendees) + " ".join(meeting.agenda)


def test_a_russian_first_name_alone_takes_its_case():
    s = situation(client={"name": "Ресторан «Океан»", "contact": "Виталий"}, sender={"name": "Тимур Хасанов", "solo": True})
    assert Composer().compose(s, "meeting", "ru")[0].content.objective.startswith("Сообщить Виталию")


def test_a_russian_referral_typed_with_a_capital_trade_word_declines():
    s = situation(referral="Зоопсихолог Анна Руденко — работает с агрессией у овчарок", sender={"name": "Анна Ли", "solo": True})
    assert "порекомендовать зоопсихолога Анну Руденко" in email(s, "ru")


@pytest.mark.parametrize(("language", "item", "said"), [
    ("en", "Ask them to change the lockbox code", "You will need to change the lockbox code."),
    ("ru", "пожалуйста, смените код от сейфа", "Пожалуйста, смените код от сейфа."),
])
def test_a_handover_note_that_is_a_sentence_is_said_as_one(language, item, said):
    body = email(situation(handover=[item, "the logo files" if language == "en" else "исходники"]), language)
    assert said in body and "hand over the you" not in body


@pytest.mark.parametrize(("language", "clause", "said"), [
    # A clause typed with the whole term: its number, never the notice days in it.
    ("en", "Clause 11.2 - either party may terminate by giving 28 days' written notice", "clause 11.2 of our contract"),
    ("ru", "п. 8.3 Договора: любая из Сторон вправе отказаться, уведомив за 30 (тридцать) календарных дней", "пунктом 8.3 договора"),
])
def test_a_clause_typed_as_the_whole_term_is_said_by_its_number(language, clause, said):
    s = situation(contract={"exists": True, "clause": clause, "notice_days": 30})
    body = email(s, language)
    assert said in body and "clause 28" not in body and "пунктом 30" not in body
    # A term that names no clause gives none.
    bare = situation(contract={"exists": True, "clause": "Either party can end it with 14 days' notice", "notice_days": 14})
    assert "clause 14" not in email(bare)


def test_a_russian_reason_typed_with_a_capital_keeps_one_capital():
    s = situation(reasons=["Закрываю студию с 1 марта"], sender={"name": "Анна Ли", "solo": True})
    assert "Я закрываю студию с 1 марта." in email(s, "ru")


def test_a_possessive_of_the_addressee_is_said_as_your():
    s = situation(client={"name": "Acme", "contact": "Kayla Reed"}, handover=["domain transfer to Kayla's admin account", "logo files"])
    body = email(s)
    assert "to your admin account" in body and "you's" not in body


@pytest.mark.parametrize(("language", "item", "said", "listed"), [
    ("en", "you will need to approve the final cut", "You will need to approve the final cut by", "finish the spring newsletter"),
    ("ru", "пожалуйста, утвердите финальный монтаж", "Пожалуйста, утвердите финальный монтаж — до", "закончу весеннюю рассылку"),
])
def test_open_work_typed_as_a_sentence_is_said_as_one(language, item, said, listed):
    other = "the spring newsletter" if language == "en" else "весенняя рассылка"
    s = situation(open_work=[{"item": item, "due": FUTURE}, {"item": other, "due": FUTURE}],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s, language)
    assert said in body and listed in body and "finish the you" not in body and "закончу пожалуйста" not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "honestly she's lovely and the dogs are great, it just doesn't fit my diary", "I have genuinely enjoyed working with you."),
    ("ru", "Катя сама очень хорошая, мне правда жаль, но так я работаю себе в минус", "Мне было по-настоящему приятно с вами работать."),
    ("en", "he was one of our very first customers. I feel rotten about this", "I have genuinely enjoyed working with you."),
    ("ru", "она один из моих первых клиентов, очень жаль", "Мне было по-настоящему приятно с вами работать."),
])
def test_a_note_that_speaks_warmly_of_the_client_is_said_once_in_every_channel(language, note, said):
    s = situation(reasons=[note], sender={"name": "Ann Lee", "solo": True})
    assert email(s, language).count(said) == 1
    for channel in ("call", "meeting"):
        assert Composer().compose(s, channel, language)[0].text().count(said) == 1, channel
    # A claim sent or an inspection that found nothing wrong is no warmth.
    cold = situation(facts=["The joint inspection on 22 April found no issues with the agreed tasks",
                            "5 февраля 2027 года направлена претензия, ответа нет"], sender={"name": "Ann Lee", "solo": True})
    assert said not in email(cold, language)
    # «Друг от друга» is the pronoun, no friend.
    if language == "ru":
        apart = situation(reasons=["наши ожидания друг от друга не совпадают — так и сказать"], sender={"name": "Ann Lee", "solo": True})
        assert said not in email(apart, language)


@pytest.mark.parametrize(("language", "note", "topic"), [
    ("en", "kit keeps coming back a week late and damaged", "equipment"),
    ("en", "they call me at midnight and on Sundays", "hours"),
    ("en", "three cancellations at the last minute this month", "cancellations"),
    ("en", "we lose money on every order at this rate", "price"),
    ("en", "we were waiting six weeks for the content again", "materials"),
    ("ru", "свет возвращают с опозданием и побитым", "equipment"),
    ("ru", "отменяет занятия в последний момент", "cancellations"),
    ("ru", "бесконечные правки сверх договора", "revisions"),
    ("ru", "оплату по каждому счёту задерживают на два месяца", "payment"),
    # How the sender's people were treated is the sender's standard for every job, before a late call on the same list.
    ("en", "he shouted at my assistant on site, and he calls at 11pm", "conduct"),
    ("ru", "накричал на мою помощницу при клиентах, звонит по воскресеньям", "conduct"),
    ("en", "they haven't paid since August", "payment"),
    # A Saturday cancelled is about cancellations, not the sender's working hours.
    ("ru", "за два месяца пять суббот отменили утром", "cancellations"),
    # Visits that could not go ahead are no question of working hours.
    ("en", "three times this autumn I drove out there and got turned away at the door", "visits"),
    ("ru", "третий раз еду через весь город — инструменты заперты, ключ у завхоза. полдня псу под хвост", "visits"),
    # More than one person can make is the sender's own limit, not the client's expectations.
    ("en", "they want 400 plates in three weeks, I'm one person with one kiln, it's physically impossible", "volume"),
    ("ru", "к открытию хотят ещё 400 тарелок за три недели, я одна, это физически невозможно", "volume"),
])
def test_a_complaint_is_said_as_the_senders_own_terms_for_its_topic(language, note, topic):
    """The grievance itself stays out; what the sender needs from any client on that topic is said instead."""
    s = situation(reasons=[note], sender={"name": "Ann Lee", "solo": True})
    body = email(s, language)
    said = load_phrases(language).get(f"reason_topic.{topic}", "formal", "i").replace("{{ work }}", "project")
    assert said.split(",")[0] in body and note not in body
    # Every channel says the same reason, and the composer's draft passes its own check.
    for channel in ("call", "meeting"):
        draft = Composer().compose(s, channel, language)[0]
        assert said.split(",")[0] in draft.text(), channel


@pytest.mark.parametrize(("language", "kind", "conceded"), [
    ("en", "agreements", "not managed to arrive at terms"),
    ("ru", "agreements", "не удалось прийти"),
])
def test_a_reason_kinds_line_concedes_nothing_to_the_client(language, kind, conceded):
    """Terms were agreed and broken, or invoices go unpaid: the line says where the sender stands, not that
    both sides failed to agree or that the sender needs a steadier schedule."""
    body = email(situation(reason_kind=kind, sender={"name": "Ann Lee", "solo": True}), language)
    assert load_phrases(language).get(f"reason.{kind}", "formal", "i").split(",")[0] in body and conceded not in body
    for topic in ("revisions", "materials", "changes"):
        line = load_phrases(language).get(f"reason_topic.{topic}", "formal", "i")
        assert "flexib" not in line and "гибкост" not in line and "свободы для перемен" not in line, topic


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "we've been awarded a two-year contract on the Aldershaw estate that starts in April",
     "We have been awarded a two-year contract on the Aldershaw estate that starts in April."),
    ("en", "we've won the county record office tender and it'll take both of us full time from February",
     "We have won the county record office tender and it will take both of us full time from February."),
])
def test_a_contract_the_sender_has_won_is_their_own_reason_over_the_kinds_line(language, note, said):
    body = email(situation(reason_kind="capacity", reasons=[note]), language)
    assert said in body and load_phrases(language).get("reason.capacity", "formal", "we") not in body


def test_a_russian_note_opened_by_a_plan_in_the_past_tense_is_the_senders_own_reason():
    body = email(situation(reason_kind="narrowing", reasons=["решили уходить из поставок в общепит целиком, коз не прибавилось"]), "ru")
    assert "Мы решили уходить из поставок в общепит целиком." in body and "коз" not in body
    # Later in a note, the past tense is someone else's doing.
    other = email(situation(reason_kind="team", reasons=["второй мастер, Виталик, ушёл в декабре"]), "ru")
    assert "ушёл" not in other


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_topic_of_another_kind_than_the_one_chosen_gives_way_to_the_kind(language):
    note = {"en": "they pay every invoice sixty days late", "ru": "оплату постоянно задерживают"}[language]
    body = email(situation(reasons=[note], reason_kind="direction", sender={"name": "Ann Lee", "solo": True}), language)
    assert load_phrases(language).get("reason.direction", "formal", "i").split(",")[0].replace("{{ work }}", "") in body


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("channel", ["email", "call", "meeting"])
def test_with_nothing_to_hand_over_no_channel_speaks_of_a_handover(language, channel):
    """A dog groomer or a tutor hands nothing over: no "handover", no printed list, no empty headings."""
    s = situation(client={"name": "Hannah Reid"}, sender={"name": "Ann Lee", "solo": True})
    text = Composer().compose(s, channel, language)[0].text()
    word = {"en": "handover", "ru": "передач"}[language]
    assert word not in text.lower(), text
    headings = [line for line in text.splitlines() if line.endswith(":")]
    for heading in headings:  # every heading has something under it
        after = text.split(heading, 1)[1].lstrip("\n")
        assert after and not after.startswith(tuple(headings)), heading
    if channel == "meeting":
        agenda = Composer().compose(s, channel, language)[0].content.agenda
        assert len({item.split(" — ")[0] for item in agenda}) == len(agenda)  # no item twice


@pytest.mark.parametrize(("language", "notes", "unsaid"), [
    # Venting: said to the tool, not quoted as the reason.
    ("ru", ["по договору 30 дней, я знаю. но майскую партию мы не берём, не могу больше"], ["не могу больше", "я знаю"]),
    ("en", ["I know it's short notice, we're not taking the May batch, I can't do this anymore"], ["I know", "anymore"]),
    # The client's words the user reports are not a line the user wants said.
    ("en", ['the kit came back broken and they say it was "like that when we got it"'], ["like that when we got it"]),
    # An instruction to the tool is not the reason, even with "I can't" in it.
    ("en", ["just make it clear I can't continue and why"], ["make it clear", "I can't continue"]),
    # A grievance with a topic is said as the sender's terms, not as the clause that vents it.
    ("en", ["two invoices paid 70 days late, we're a small firm, we can't bankroll a big company"], ["bankroll"]),
    # Cut from its note, a clause about charging for what was done says nothing.
    ("ru", ["коротко. пусть оплатит стулья, за то, что уже сделано по буфету, возьму по факту"], ["по факту"]),
])
def test_the_users_venting_and_asides_never_reach_the_client(language, notes, unsaid):
    s = situation(reasons=notes, sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call", "meeting"):
        text = Composer().compose(s, channel, language)[0].text()
        assert not any(u.casefold() in text.casefold() for u in unsaid), (channel, text)


@pytest.mark.parametrize(("language", "note", "said", "instruction"), [
    ("en", "make sure she knows the chest must be collected from the workshop by 20 Jan",
     "The chest must be collected from the workshop by 20 January.", "make sure"),
    ("en", "don't forget to mention that they can keep the spare parts", "You can keep the spare parts.", "mention"),
    ("ru", "обязательно сказать, что ключи нужно вернуть до 20 декабря", "Ключи нужно вернуть до 20 декабря.", "сказать"),
    ("ru", "пусть знают, что остаток абонемента я верну до 20 декабря", "Остаток абонемента я верну до 20 декабря.", "пусть"),
])
def test_a_point_the_user_asks_to_make_is_said_to_the_client(language, note, said, instruction):
    s = situation(reasons=["moving to product work only", note], sender={"name": "Ann Lee", "solo": True})
    body = email(s, language)
    assert said in body and instruction not in body.lower()


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "Refund the 3 unused lessons (£135)", "I will refund the 3 unused lessons (£135)."),
    ("en", "The £200 deposit for the chest is refunded in full", "The £200 deposit for the chest is refunded in full."),
    ("ru", "Залог 10 000 ₽ вернуть после осмотра зала", "Залог 10 000 ₽ я верну после осмотра зала."),
    ("ru", "Штраф за досрочное расторжение не выставлять", "Штраф за досрочное расторжение я не буду выставлять."),
])
def test_a_promise_in_the_notes_is_made_to_the_client(language, note, said):
    s = situation(facts=["1 March 2026: first lesson", note], sender={"name": "Ann Lee", "solo": True})
    body, calls = email(s, language), Composer().compose(s, "call", language, "formal")[0].text()
    assert said in body and said in calls
    # A promise is one line, not the note's other facts.
    assert "first lesson" not in body


@pytest.mark.parametrize(("language", "note", "words"), [
    ("en", "they paid invoice 12 late and I refunded nothing", "refunded"),
    ("en", "I'm sick of waiving fees for them", "waiving"),
    ("ru", "надоело возвращать им деньги за отмены", "возвраща"),
])
def test_a_complaint_about_money_is_no_promise(language, note, words):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert words not in body


@pytest.mark.parametrize(("language", "client", "contact", "team"), [
    ("en", "Fairweather household", "Mrs Jane Fairweather", "team"),
    ("ru", "Семья Ивановых", "Анна Петровна Иванова", "коллектив"),
])
def test_a_household_is_wished_well_as_people_not_as_a_team(language, client, contact, team):
    body = email(situation(client={"name": client, "contact": contact}, sender={"name": "Ann Lee", "solo": True}), language, "warm")
    assert team not in body and "команд" not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "I need the hall for my own classes from January", "I need the hall for my own classes from January."),
    ("ru", "зал нужен мне самой под новые группы", "Зал нужен мне самой под новые группы."),
])
def test_a_need_of_the_senders_own_is_the_reason(language, note, said):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body


@pytest.mark.parametrize(("language", "note"), [
    ("en", "I needed to chase them myself for months"),
    ("ru", "нам нужны деньги вовремя, а не через три месяца"),
])
def test_a_need_about_money_or_the_client_is_no_reason_to_quote(language, note):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert note[3:20] not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "we're taking on fewer corporate clients, from spring only private events", "We are taking on fewer corporate clients"),
    ("ru", "сокращаем число корпоративных клиентов, с весны берём только частников", "Мы сокращаем число корпоративных клиентов, с весны"),
])
def test_a_plan_about_the_senders_clients_in_general_is_their_own_reason(language, note, said):
    assert said in email(situation(reasons=[note], sender={"company": "Okoro Catering"}), language)


def test_a_step_to_give_something_back_is_not_made_the_senders_promise():
    # «вернуть ключи» may be the client's to do: only money back makes a Russian step the sender's promise.
    body = email(situation(facts=["вернуть ключи до 20 декабря"], sender={"name": "Ann Lee", "solo": True}), "ru")
    assert "верну ключи" not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    # Asked to put one's name to what is not so: the sender's standard, not the request.
    ("en", "they keep asking me to backdate the inspection reports and I won't do that", "I only produce work I can stand behind"),
    ("ru", "просят вписывать в акты завышенный вес, я на это не пойду", "под которой могу подписаться как специалист"),
    # Too few people: said as the sender's capacity, not as a clause cut from the note ("new ones we can't find").
    ("en", "we're short of drivers since two left in October", "enough people to keep up"),
    ("ru", "курьеров не хватает: двое ушли в октябре, новых найти не можем", "недостаточно людей"),
    # A brief that keeps moving.
    ("en", "honestly she's impossible, changes her mind every week", "a brief stays settled"),
    ("ru", "достал уже, каждую неделю новая концепция", "задача после согласования остаётся неизменной"),
])
def test_a_true_reason_with_a_topic_is_said_as_the_senders_terms_not_a_stock_line(language, note, said):
    solo = not any(w in note for w in ("we're", "курьеров"))
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": solo}), language)
    first = body.split("\n\n")[1]
    assert said in first and "own business" not in first and "веду своё дело" not in first, first
    assert "backdate" not in body and "завышенный" not in body and "новых найти" not in body.lower()


@pytest.mark.parametrize(("language", "fact", "said"), [
    # A plain note of whose something is: the client hears what is theirs, without "make sure he knows".
    ("en", "The three crates in bay 4 are his, not ours", "The three crates in bay 4 are yours."),
    ("en", "The planters on the third floor are rented and theirs to take back", "rented and yours to take back"),
    ("ru", "Кадки на третьем этаже арендованные и принадлежат им", "Кадки на третьем этаже арендованные и принадлежат вам."),
    ("ru", "Ящики из бокса 4 можно забрать в любой будний день", "Ящики из бокса 4 можно забрать в любой будний день."),
])
def test_a_note_of_what_is_the_clients_to_collect_is_said_to_them(language, fact, said):
    assert said in email(situation(facts=[fact], sender={"name": "Ann Lee", "solo": True}), language)


@pytest.mark.parametrize(("language", "item", "said", "not_said"), [
    # "as planned": the client agreed to nothing in a notice ("as agreed" read as a false agreement).
    ("en", "the Christmas party for 80 guests", "as planned, I will deliver the Christmas party", "finish the Christmas party"),
    ("ru", "новогодний корпоратив на 80 гостей", "я проведу новогодний корпоратив", "закончу новогодний"),
    ("ru", "детский турнир секции в манеже", "я проведу детский турнир", "закончу детский"),
    ("en", "the panto support for the Christmas run", "as planned, I will deliver the panto support", "finish the panto"),
    # Work that is not an event is still finished by its date, and so are goods made for an event.
    ("en", "the spring catalogue", "I will finish the spring catalogue", "deliver the spring"),
    ("en", "120 mugs for the Christmas party", "I will finish 120 mugs", "deliver 120"),
    ("ru", "60 пиал и 40 тарелок к новогоднему банкету", "я закончу 60 пиал", "проведу"),
])
def test_an_event_in_the_open_work_is_held_on_its_day_not_finished_by_it(language, item, said, not_said):
    s = situation(open_work=[{"item": item, "due": FUTURE}], sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call"):
        text = Composer().compose(s, channel, language)[0].text()
        assert said.split(", ")[-1].lower() in text.lower() and not_said not in text, text


@pytest.mark.parametrize(("name", "project", "said"), [
    # A title the notes write capitalised mid-sentence keeps its capital, though "footnotes" is a word.
    ("Footnotes podcast", "Editing of weekly episodes of Footnotes, a history podcast", "your Footnotes podcast"),
    # A description in title case names nothing: the common word is lower-cased as before.
    ("Website redesign", "Full Website Redesign for the shop", "your website redesign"),
])
def test_a_name_the_notes_capitalise_keeps_its_capital(name, project, said):
    s = situation(project=project, project_name=name, sender={"name": "Ann Lee", "solo": True})
    assert said in email(s)


@pytest.mark.parametrize(("language", "notes", "said", "unsaid"), [
    # The sender's own refusal, whatever was asked: the sender's standard, never the request itself.
    ("en", ["they asked me to re-cut the interview so it says what he never said. I'm not doing it"], "I only produce work I can stand behind",
     "re-cut"),
    ("ru", ["просят оформить часть расходов как «обучение», мы такие документы подписывать не будем"], "под которой могу подписаться",
     "обучение"),
    # "just that …" dictates the words; one that only points back at its note ("just that I won't do it") does not.
    ("en", ["the board wants the certificate signed as passed", "no lectures, just that we can't sign"], "We can't sign.", "Just that"),
    ("ru", ["просит подать заявку на чужой знак, я на это не пойду", "без нотаций, просто что я этого делать не буду"],
     "под которой могу подписаться", "этого делать"),
])
def test_a_refusal_is_said_as_the_senders_standard_or_in_the_words_dictated(language, notes, said, unsaid):
    first = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}), language).split("\n\n")[1]
    assert said in first and unsaid not in first, first


@pytest.mark.parametrize(("phrase", "case", "said"), [
    # A name in quotes after the head is a brand's, not a person's: «сервис», not «сервиса».
    ("сервис «Бариста-Техник»", "accs", "сервис «Бариста-Техник»"),
    ("визуализатор Алёна", "accs", "визуализатора Алёну"),
    # A name in the genitive after the head is whose it is: the workshop keeps its number and is no person.
    ("костюмерная мастерская Оксаны Ланцевой", "accs", "костюмерную мастерскую Оксаны Ланцевой"),
    # Written without «ё», a word keeps its spelling when inflected.
    ("финальные рендеры корпуса 3", "ablt", "финальными рендерами корпуса 3"),
])
def test_a_russian_phrase_is_inflected_as_written(phrase, case, said):
    from tactful.wording import inflect_phrase

    assert inflect_phrase(phrase, case) == said


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "Emily is a sweet kid and works hard, I don't want her to feel it's about her", "nothing to do with Emily."),
    ("en", "the auction runs go first, it's not about Jane", "nothing to do with you personally."),
    ("en", "honestly the process is broken, not her", "nothing to do with you personally."),
    ("ru", "Никита хороший, старается, не хочу, чтобы он подумал, что это из-за него", "никак не связано с Никитой."),
    ("ru", "к Марии Олеговне претензий нет, с ней работать одно удовольствие", "никак не связано с вами лично."),
    ("en", "she argued for me at that meeting. I do NOT want her thinking this is her fault, it isn't", "nothing to do with you personally."),
    ("ru", "она за меня заступалась, не хочу, чтобы она думала, что это её вина", "никак не связано с вами лично."),
])
def test_a_note_that_the_decision_is_not_about_someone_is_said_plainly(language, note, said):
    s = situation(reasons=[note], client={"name": "Acme Ltd", "contact": "Jane Roe" if language == "en" else "Мария Олеговна Ким"},
                  sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call", "meeting"):
        assert said in Composer().compose(s, channel, language)[0].text(), channel
    # A capitalised word that is no one's name says nothing of the kind.
    plain = situation(reasons=["Everything is fine with the invoices" if language == "en" else "Работа хорошая, но времени нет"])
    assert "nothing to do with" not in email(plain, language) and "не связано с" not in email(plain, language)


@pytest.mark.parametrize("channel", ["call", "meeting"])
def test_three_handover_items_are_said_in_full_not_as_the_rest_of_a_list(channel):
    s = situation(handover=["the allergen matrix", "the menu cards", "the supplier contacts"], sender={"name": "Ann Lee", "solo": True})
    text = Composer().compose(s, channel, "en")[0].text()
    assert "the supplier contacts" in text and "the rest of the printed list" not in text and "a few other items" not in text


def test_a_reason_typed_as_speech_is_written_out():
    s = situation(reasons=["we'd rather stop cleanly now than run two searches badly"], reason_kind="capacity")
    body = email(s)
    assert "We would rather stop cleanly now" in body and "We'd" not in body
    # Before a past participle "'d" is "had", not "would".
    from tactful.composer.context import written_out

    assert written_out("after we'd agreed two days' notice, we'd need a week", load_phrases("en")) == \
        "after we had agreed two days' notice, we would need a week"


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "the warranty on the installed signs remains", "The warranty on the installed signs remains."),
    ("ru", "гарантийные обязательства по смонтированным вывескам сохраняются", "Гарантийные обязательства по смонтированным вывескам сохраняются."),
])
def test_a_handover_note_that_states_something_is_said_as_a_sentence_not_handed_over(language, note, said):
    body = email(situation(handover=["the sign files" if language == "en" else "макеты вывесок", note], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body and f"and {note}" not in body and f"и {note}" not in body


def test_a_must_say_note_and_the_handover_bullets_read_to_the_client():
    s = situation(client={"name": "Dr Miriam Osei"}, sender={"name": "Ann Lee", "solo": True},
                  reasons=["make sure she knows the gate fob will be in her letterbox after my last visit"],
                  handover=["planting plan of the walled garden", "a pruning calendar", "contacts of the nursery"])
    body = email(s)
    assert "in your letterbox" in body and "her letterbox" not in body
    assert "- the planting plan of the walled garden" in body and "- the contacts of the nursery" in body


@pytest.mark.parametrize(("language", "note", "timebox", "screen"), [
    ("en", "keep it to 20 minutes, it's on Zoom", "20 minutes", "shared on screen"),
    ("ru", "уложиться в 20 минут, встреча по зуму", "20 мин", "на общем экране"),
])
def test_a_meeting_keeps_the_users_time_limit_and_shares_the_list_on_screen_online(language, note, timebox, screen):
    items = ["the files", "the logins", "the calendar", "the budget"] if language == "en" else ["исходники", "доступы", "календарь", "бюджет"]
    s = situation(reasons=[note], handover=items, final_invoice=True)
    content = Composer().compose(s, "meeting", language)[0].content
    assert content.timebox == timebox and any(screen in d for d in content.documents)
    assert sum(int(re.search(r"— (\d+) (?:min|мин)", item)[1]) for item in content.agenda) <= 20
    # Without such notes: half an hour, and a printed list.
    plain = Composer().compose(situation(handover=items[:1], final_invoice=True), "meeting", language)[0].content
    assert plain.timebox in ("30 minutes", "30 минут") and not any(screen in d for d in plain.documents)


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "the wash bay key goes back to the front desk", "The wash bay key goes back to the front desk."),
    ("ru", "доверенности на наших юристов нужно отозвать", "Доверенности на наших юристов нужно отозвать."),
])
def test_a_handover_note_with_a_verb_of_its_own_is_a_sentence(language, note, said):
    body = email(situation(handover=["the sign files" if language == "en" else "макеты вывесок", note], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body and f"- {note}" not in body, body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "I want Phil to hear that this is about player safety and our registration, not about money",
     "This is about player safety and our registration, not about money."),
    ("ru", "хочу, чтобы Игорь услышал, что дело в безопасности игроков, а не в деньгах", "Дело в безопасности игроков, а не в деньгах."),
])
def test_what_the_user_wants_the_client_to_hear_is_said(language, note, said):
    assert said in email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)


def test_a_note_typed_without_apostrophes_is_spelt_in_the_letter():
    from tactful.composer.grammar import sentence
    from tactful.phrases import load_phrases

    said = sentence("the block is used as per the booking form, Im not refunding the 2 no shows, cant", load_phrases("en"))
    assert "I'm not refunding" in said and "can't" in said and " Im " not in said


@pytest.mark.parametrize(("language", "note", "reason"), [
    # A line the user wants heard that names what the decision is about is the reason, not a line beside a bank's.
    ("en", "I want Phil Garrow to hear that this is about player safety, not about money",
     "This is about player safety, not about money."),
    ("ru", "важно, чтобы Игорь Петрович понял, что дело в безопасности игроков, а не в деньгах",
     "Дело в безопасности игроков, а не в деньгах."),
])
def test_what_the_decision_is_about_said_by_the_user_is_the_reason(language, note, reason):
    s = Situation.model_validate({"client": {"name": "Harbour FC", "contact": "Phil Garrow" if language == "en" else "Игорь Петрович Савин"},
                                  "language": language, "sender": {"name": "Ann Lee", "solo": True}, "reason_kind": "capacity",
                                  "reasons": [note]})
    text = Composer().compose(s, "email", language)[0].text()
    bank = load_phrases(language).get("reason.capacity", voice="i")
    assert text.count(reason) == 1 and bank not in text, text


def test_work_named_after_its_owner_takes_no_second_possessive():
    from tactful.composer.grammar import project_work

    assert project_work("Biscuit's walks", "service", load_phrases("en")) == "Biscuit's walks"
    assert project_work("the sessions", "service", load_phrases("en")) == "your sessions"


@pytest.mark.parametrize(("language", "note", "secret", "said"), [
    ("en", "I'm pregnant and stopping work in February, but don't mention that, just say personal reasons", "pregnant",
     "I have taken this decision for personal reasons."),
    ("ru", "в феврале ухожу в декрет. не хочу, чтобы все это обсуждали", "декрет", "Это решение связано с личными обстоятельствами."),
    # The words the user allows for it are the ones said.
    ("ru", "в январе операция, беру паузу. подробности писать не хочу — просто «по состоянию здоровья»", "операция",
     "Это решение я принимаю по состоянию здоровья."),
    ("en", "Please do NOT put the reason in the email. Between us, he upset our technician and she won't go back", "technician",
     "I have taken this decision for personal reasons."),
    ("en", "I'm having an operation in March; just say 'health reasons'", "operation", "I have taken this decision for health reasons."),
])
def test_a_reason_the_user_keeps_private_is_not_told(language, note, secret, said):
    """What the user keeps back is never said; only the words they allow for it."""
    s = situation(reasons=[note], sender={"name": "Anna Berg", "solo": True})
    for channel in ("email", "call", "meeting"):
        text = Composer().compose(s, channel, language)[0].text()
        assert secret not in text and said in text


@pytest.mark.parametrize(("language", "kind", "notes", "said"), [
    ("en", "approach", ["he keeps pushing my pilots to fly in winds over our limit", "I'm not losing our operator authorisation for his grant"],
     "We only work within our safety limits and the rules we answer for"),
    ("ru", "approach", ["канаты на лифте изношены, правление денег не выделяет — подписывать журналы под этим я не буду"],
     "Мы работаем только в пределах требований безопасности, за которые отвечаем"),
    ("en", "approach", ["the barn roof has no anchor points and our insurer says we are not covered up there"],
     "We only work within our safety limits and the rules we answer for"),
])
def test_a_safety_reason_is_said_as_the_senders_own_standard_not_hidden(language, kind, notes, said):
    body = email(situation(reason_kind=kind, reasons=notes, sender={"name": "Anna Berg", "company": "Berg Survey Ltd"}), language)
    assert said in body and "pilots" not in body and "правление" not in body and "insurer" not in body


def test_a_call_out_that_is_no_emergency_is_no_safety_reason():
    notes = ["звонит мастерам в три часа ночи не по аварии, а из-за чуть тёплой батареи"]
    body = email(situation(reason_kind="approach", reasons=notes, sender={"name": "Anna Berg", "company": "Berg Gas"}), "ru")
    assert "безопасности" not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "I need surgery on my left hand (tendon) in January and I won't be able to teach for four months",
     "I need surgery on my left hand in January and I will not be able to teach for four months."),
    ("en", "the landlord is selling the farm and won't renew our lease", "The landlord is selling the farm and will not renew our lease."),
    ("en", "I'm 71 and retiring at the end of January", "I am 71 and retiring at the end of January."),
    ("en", "I'm retraining as a court stenographer, the course is full time from January",
     "I am retraining as a court stenographer. The course is full time from January."),
    ("ru", "после операции на связках врач запретил мне много говорить минимум полгода",
     "После операции на связках врач запретил мне много говорить минимум полгода."),
    ("ru", "с февраля продаём две фуры и оставляем только городскую доставку",
     "С февраля мы продаём две фуры и оставляем только городскую доставку."),
])
def test_what_happens_to_the_sender_is_the_reason_in_their_words(language, note, said):
    body = email(situation(reason_kind="closing", reasons=[note], sender={"name": "Anna Berg", "solo": True}), language)
    assert said in body


@pytest.mark.parametrize(("language", "client", "team"), [
    ("en", "St Aldhelm's Church", False), ("en", "Riverside Choir", False), ("en", "Harbour Lane Candles Ltd", True),
    ("ru", "СНТ «Рассвет»", False), ("ru", "ООО «Вектор»", True),
])
def test_a_community_is_wished_well_without_a_team(language, client, team):
    body = email(situation(client={"name": client}, sender={"name": "Ann Lee", "solo": True}), language, "warm")
    assert (("team" in body) if language == "en" else ("команд" in body or "коллеги" in body)) == team


def test_wanting_the_client_to_hear_it_from_the_sender_is_no_point_to_make():
    # "hear it from me" is what the warm opening already does; "It from me, not from the publisher." is no sentence.
    note = "eleven years of his books and he has been a gem. I want him to hear it from me, not from the publisher"
    body = email(situation(reasons=["I am retiring at the end of March", note], sender={"name": "Ann Lee", "solo": True}), "en", "warm")
    assert "It from me" not in body and "not from the publisher" not in body


def test_a_promise_to_refund_is_said_once_as_a_promise_not_as_the_reason():
    notes = ["I need surgery in January and I'll be out of action for three months — my consultant was clear about it",
             "I'm refunding the part of the planning fee I won't get to deliver"]
    body = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}), "en", "warm")
    assert "I need surgery in January." in body and body.count("refunding the part of the planning fee") == 1


@pytest.mark.parametrize(("language", "note", "stands", "change"), [
    ("en", "I need surgery on my hand in January and won't be able to teach for four months", "decision stands",
     "this is not something I can change"),
    ("ru", "после операции врач запретил мне много говорить минимум полгода", "остаётся в силе", "изменить это я не могу"),
])
def test_what_the_sender_cannot_change_is_not_answered_as_a_decision_that_stands(language, note, stands, change):
    s = situation(reasons=[note], sender={"name": "Ann Lee", "solo": True})
    call = Composer().compose(s, "call", language)[0].text()
    assert change in call and stands not in call and "own plans" not in call and "собственными планами" not in call
    assert ("I am sorry, but I have to end" if language == "en" else "мне придётся завершить") in call
    planned = situation(reasons=["moving to Lisbon in March" if language == "en" else "переезжаю в Казань в марте"],
                        sender={"name": "Ann Lee", "solo": True})
    assert change not in Composer().compose(planned, "call", language)[0].text()


def test_a_private_reason_gives_way_to_the_wording_the_user_dictates():
    notes = ["я беременна, врач запретил работать с крупными собаками. НЕ говорить ей об этом ни в коем случае",
             "просто сказать, что больше не могу брать этот формат занятий"]
    body = email(situation(reasons=notes, sender={"name": "Анна Берг", "solo": True}), "ru")
    assert "Больше не могу брать этот формат занятий." in body and "беремен" not in body and "врач" not in body


def test_a_private_reason_with_a_kind_chosen_is_said_as_that_kind():
    notes = ["personal/health reasons, I'm having an operation in February. PLEASE do not mention this in the message"]
    body = email(situation(reasons=notes, reason_kind="capacity", sender={"name": "Felix Moss", "solo": True}), "en")
    assert load_phrases("en").get("reason.capacity", "formal", "i").split("{{")[0] in body
    assert "operation" not in body and "personal reasons" not in body
    # A wording dictated for it is said instead, as a letter writes it.
    dictated = email(situation(reasons=[*notes, "just say I can't take the work on any more"], reason_kind="capacity",
                               sender={"name": "Felix Moss", "solo": True}), "en")
    assert "I cannot take the work on any more." in dictated and "operation" not in dictated


@pytest.mark.parametrize(("language", "private", "aloud", "said", "kept", "personal"), [
    ("en", "the real reason is my dad's illness, DON'T mention it", "i'm moving the business to Leeds in February",
     "I am moving the business to Leeds in February.", "illness", "for personal reasons"),
    ("ru", "настоящая причина — болезнь отца, об этом не говорить", "я переезжаю в Казань в феврале",
     "Я переезжаю в Казань в феврале.", "болезнь", "связано с личными обстоятельствами"),
])
def test_a_private_note_is_set_aside_and_the_others_still_give_the_reason(language, private, aloud, said, kept, personal):
    """The note the user keeps private is not said, but what they say aloud is still the sender's reason, not a
    bank line about "personal circumstances"."""
    body = email(situation(reasons=[private, aloud], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body and kept not in body
    alone = email(situation(reasons=[private], sender={"name": "Ann Lee", "solo": True}), language)
    assert personal in alone and personal not in body and kept not in alone


@pytest.mark.parametrize(("language", "note", "said", "complaint"), [
    ("en", "reception keep feeding the fish on top of the auto feeder", "I can only answer for the results when everything", "feeding"),
    ("ru", "администраторы каждую неделю переставляют кашпо, а потом говорят, что растения болеют",
     "Я могу отвечать за результат, только когда всё", "кашпо"),
])
def test_others_changing_what_the_sender_looks_after_is_said_as_the_senders_terms(language, note, said, complaint):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body and complaint not in body


@pytest.mark.parametrize(("language", "note", "promise", "follow_up"), [
    ("en", "phone him, don't email, he forwards emails to everyone", "I will send everything in writing today", "Not by email"),
    ("ru", "звоню сама: письма он не читает", "Сегодня же пришлю всё письменно", "Не по электронной почте"),
])
def test_a_client_the_notes_say_not_to_email_is_promised_nothing_in_writing_today(language, note, promise, follow_up):
    s = situation(reasons=["we are closing the workshop" if language == "en" else "я закрываю мастерскую", note],
                  sender={"name": "Ann Lee", "solo": True})
    script = Composer().compose(s, "call", language, "formal")[0].text()
    assert promise not in script and follow_up in script
    plain = situation(reasons=[s.reasons[0]], sender={"name": "Ann Lee", "solo": True})
    assert promise in Composer().compose(plain, "call", language, "formal")[0].text()


@pytest.mark.parametrize(("language", "note", "follow_up"), [
    ("en", "call her Tue 8 Dec, then a text with the dates", "A text message the same day"),
    ("ru", "звоню в пн 7.12 в обед, потом сообщение с датами", "Сообщение в тот же день"),
])
def test_a_call_the_notes_follow_with_a_text_is_followed_by_a_text_not_an_email(language, note, follow_up):
    s = situation(reasons=["we are closing the workshop" if language == "en" else "я закрываю мастерскую", note],
                  sender={"name": "Ann Lee", "solo": True})
    script = Composer().compose(s, "call", language, "formal")[0].text()
    assert follow_up in script and "An email the same day" not in script and "Письмо в тот же день" not in script, script


@pytest.mark.parametrize(("language", "said"), [
    ("en", "Could you please settle invoice 47 (£385) by 15 March 2027 and invoice 52 (£412) by 25 March 2027?"),
    ("ru", "Прошу оплатить счёт № 47 на сумму £385 до 15 марта 2027 года и счёт № 52 на сумму £412 до 25 марта 2027 года."),
])
def test_invoices_due_on_different_dates_are_asked_for_in_one_sentence(language, said):
    s = situation(sender={"name": "Ann Lee", "solo": True}, unpaid_invoices=[
        {"number": "47", "amount": "£385", "due": "2027-03-15"}, {"number": "52", "amount": "£412", "due": "2027-03-25"}])
    assert said in email(s, language)


@pytest.mark.parametrize(("note", "said"), [
    ("мастерская съезжает, аренду подняли вдвое", "Мастерская съезжает, аренду подняли вдвое."),
    ("буду работать из дома и только с небольшими заказами", "Я буду работать из дома и только с небольшими заказами."),
])
def test_a_move_of_the_senders_own_premises_or_a_plan_in_the_future_is_the_reason(note, said):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), "ru")
    assert said in body and load_phrases("ru").get("reason.fit", "formal", "i") not in body


def test_a_compound_typed_open_before_a_noun_is_hyphenated_in_the_reason():
    body = email(situation(reasons=["I've been offered a full time post at the foundry"], sender={"name": "Ann Lee", "solo": True}))
    assert "a full-time post" in body
    after_verb = email(situation(reasons=["I'm going back to work full time at the foundry"], sender={"name": "Ann Lee", "solo": True}))
    assert "full-time" not in after_verb


def test_a_note_saying_it_has_nothing_to_do_with_the_contact_reads_as_said_to_them():
    s = situation(client={"name": "The Orchard House", "contact": "Imogen Flett"}, sender={"name": "Ann Lee", "solo": True},
                  reasons=["I'm closing the practice", "this is NOTHING to do with imogen, she's lovely"])
    assert "nothing to do with you personally" in email(s, tone="warm")


def test_a_handover_item_that_says_her_of_the_person_greeted_says_your():
    s = situation(client={"name": "Imogen Flett"}, sender={"name": "Ann Lee", "solo": True},
                  handover=["her honey extractor, stored in my shed"])
    body = email(s)
    assert "your honey extractor" in body and "her honey" not in body


@pytest.mark.parametrize("note", ["They'll probably say their last setters were faster. Don't argue about that in the email.",
                                  "he'll also say the tagged day was our fault, it wasn't"])
def test_what_the_user_expects_the_client_to_say_is_never_said_as_a_line(note):
    body = email(situation(reasons=["we are closing the workshop", note], sender={"name": "Ann Lee", "solo": True}))
    assert "faster" not in body and "tagged day" not in body
    asked = email(situation(reasons=["we are closing the workshop", "make sure to say the keys are in the safe"],
                            sender={"name": "Ann Lee", "solo": True}))
    assert "The keys are in the safe." in asked


def test_a_line_asked_for_word_for_word_and_a_reason_after_just_say_are_both_said():
    notes = ["I'm expecting, but do NOT mention it, leave it out completely. just say i'm taking on less from spring",
             "put this in word for word please: 'Every couple who cut one of my cakes made me proud.'"]
    body = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}), tone="warm")
    assert "I'm taking on less from spring." in body and "Every couple who cut one of my cakes made me proud." in body
    assert "expecting" not in body


@pytest.mark.parametrize(("language", "note", "quoted"), [
    ("ru", "жена его звонит и ругается, что он «на этой лодке пропадает». ЭТО НЕ УПОМИНАТЬ", "пропадает"),
    ("en", "his wife rings me saying he 'lives on that boat'. do NOT mention it, it's their business", "lives on that boat"),
])
def test_a_quote_inside_a_private_note_is_not_taken_for_the_words_to_say(language, note, quoted):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}), language)
    assert quoted not in body


def test_their_after_someone_elses_plural_in_a_handover_note_stays_theirs():
    s = situation(handover=["a video glossary agreed with the students, recorded with their consent", "their keys and the alarm code"],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert "recorded with their consent" in body and "your keys and the alarm code" in body


def test_a_russian_note_that_only_gives_the_last_day_is_no_reason():
    s = situation(reasons=["по договору 45 дней. уходим 31 января, успеваем"], reason_kind="team", sender={"name": "Ann Lee"})
    body = email(s, "ru")
    assert "уходим 31 января" not in body.lower() and load_phrases("ru").get("reason.team", "formal", "i") in body


def test_it_is_not_about_them_in_russian_is_said_to_the_client():
    s = situation(reasons=["С 1 февраля я прекращаю выездное обслуживание", "Важно, чтобы из письма было понятно, что дело не в них."],
                  sender={"name": "Ann Lee", "solo": True})
    assert "никак не связано с вами лично" in email(s, "ru")


def test_staff_mocked_or_made_errand_boys_is_said_as_how_people_are_treated():
    s = situation(reasons=["управляющий считает наших техников своими подсобными рабочими",
                           "тренер выложил видео с нашим техником с насмешливой подписью"], reason_kind="team", sender={"name": "Ann Lee"})
    assert load_phrases("ru").get("reason_topic.conduct", "formal", "i") in email(s, "ru")


def test_a_sum_after_a_dash_in_a_handover_item_is_said_in_a_call():
    s = situation(handover=["акт санобработки кулеров", "возврат 14 залоговых бутылей — по 300 ₽ за каждую"],
                  sender={"name": "Ann Lee", "solo": True})
    script = Composer().compose(s, "call", "ru", "brief")[0].text()
    assert "300 ₽" in script


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "We will still do the January shutdown, but only once the overdue invoice is settled. Please say that clearly and politely.",
     "We will still do the January shutdown, but only once the overdue invoice is settled."),
    ("en", "we can still service the boilers on call-outs - mention that for sure", "We can still service the boilers on call-outs."),
    ("ru", "выездной ремонт мотора делать могу и дальше — это сказать обязательно, не хочу, чтобы выглядело, будто я бегу",
     "Выездной ремонт мотора делать могу и дальше."),
    ("ru", "Январское ТО сделаю, но только после оплаты счёта. Это обязательно написать.", "Январское ТО сделаю, но только после оплаты счёта."),
])
def test_a_point_the_user_asks_to_be_said_after_they_wrote_it_is_said(language, note, said):
    first = "we are closing the workshop" if language == "en" else "я закрываю мастерскую"
    body = email(situation(reasons=[first, note], sender={"name": "Ann Lee", "solo": True}), language)
    assert said in body and "clearly" not in body and "обязательно" not in body


@pytest.mark.parametrize(("language", "asked"), [("en", "Could you settle invoice 47 for 385 pounds by 15 March and invoice 52"),
                                                 ("ru", "Получится оплатить счёт номер 47 на")])
def test_a_call_asks_for_invoices_due_on_different_dates_once(language, asked):
    s = situation(sender={"name": "Ann Lee", "solo": True}, unpaid_invoices=[
        {"number": "47", "amount": "£385", "due": "2027-03-15"}, {"number": "52", "amount": "£412", "due": "2027-03-25"}])
    script = Composer().compose(s, "call", language, "formal")[0].text()
    assert asked in script and "Could it be settled" not in script and "Получится оплатить его" not in script


@pytest.mark.parametrize(("language", "early", "fallback"), [("en", "in good time", "the notice period runs to"),
                                                             ("ru", "заранее", "срок уведомления истекает")])
def test_an_end_inside_the_notice_period_is_not_news_in_good_time_and_a_call_says_the_fallback(language, early, fallback):
    soon = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    plan = "I'm closing the practice" if language == "en" else "я закрываю практику"
    s = situation(end_date=soon, contract={"exists": True, "clause": "9.1", "notice_days": 60}, reasons=[plan],
                  sender={"name": "Ann Lee", "solo": True})
    assert early not in email(s, language)
    script = Composer().compose(s, "call", language, "formal")[0].text()
    assert fallback in script
    later = s.model_copy(update={"end_date": (dt.date.today() + dt.timedelta(days=90))})
    assert early in email(later, language)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_angry_client_is_asked_nothing_after_the_news_and_a_brief_call_asks_one_short_question(language):
    calm = situation(reasons=["we are closing the workshop" if language == "en" else "я закрываю мастерскую"],
                     sender={"name": "Ann Lee", "solo": True})
    angry = calm.model_copy(update={"signals": ["aggression"]})
    pause = Composer().compose(angry, "call", language, "formal")[0].content.pause
    assert not pause.endswith("?") and pause == pause.strip()
    brief = Composer().compose(calm, "call", language, "brief")[0].content.pause
    assert brief.endswith("?")


@pytest.mark.parametrize(("language", "item", "said", "unsaid"), [
    ("en", "the guided tours on 12 and 26 May", "the guided tours on 12 and 26 May.", "On 26 May"),
    ("ru", "экскурсии 12 и 26 мая", "экскурсии 12 и 26 мая.", "26 мая, как"),
    # A range typed without spaces keeps its end: no «на 12– — до 26 мая».
    ("ru", "доставки, уже расписанные на 12–26 мая", "доставки, уже расписанные на 12–26 мая.", "12– "),
])
def test_work_that_names_its_own_day_is_not_given_it_again(language, item, said, unsaid):
    s = situation(language=language, open_work=[{"item": item, "due": f"{FUTURE[:4]}-05-26"}],
                  end_date=f"{FUTURE[:4]}-06-30")
    body = email(s, language)
    assert said in body and unsaid not in body, body


@pytest.mark.parametrize(("language", "item", "said", "unsaid"), [
    ("en", "the weekly lobby flowers until the end date", "the weekly lobby flowers by ", "flowers until"),
    ("ru", "еженедельные букеты в лобби до последнего дня", "еженедельные букеты в лобби — до ", "лобби до последнего"),
])
def test_work_that_runs_to_the_end_is_said_by_its_date(language, item, said, unsaid):
    """"… until the end date by 15 January" says the day twice; a reader wants the date itself."""
    s = situation(language=language, open_work=[{"item": item, "due": FUTURE}], sender={"name": "Ann Lee", "solo": True})
    spoken = Composer().compose(s, "call", language)[0].text()
    assert said in spoken and unsaid not in spoken, spoken


def test_pulling_back_to_other_clients_is_the_senders_own_plan():
    s = situation(reasons=["we're pulling back to the Killarney hotels from the new year, the run out here is 80 km for a few bags"],
                  reason_kind="narrowing", sender={"name": "Siobhán Daly", "company": "Daly's Linen"})
    assert "We are pulling back to the Killarney hotels from the new year." in email(s)


def test_open_work_is_listed_in_the_order_of_its_dates():
    late, early = (dt.date.today() + dt.timedelta(days=n) for n in (40, 20))
    s = situation(open_work=[{"item": "the spring catalogue", "due": str(late)}, {"item": "the winter newsletter", "due": str(early)}],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert body.index("winter newsletter") < body.index("spring catalogue"), body


def test_work_typed_as_a_gerund_is_the_senders_step():
    s = situation(open_work=[{"item": "striking the scaffold at 14 Tanner's Row once the roof is watertight", "due": FUTURE}])
    body = email(s)
    assert "strike the scaffold at 14 Tanner's Row" in body and "Striking" not in body, body


def test_a_reason_typed_in_a_hurry_keeps_the_names_and_months_the_notes_spell_elsewhere():
    s = situation(sender={"name": "Jo Okafor", "solo": True}, reason_kind="direction",
                  reasons=["opening my own studio in bristol in feb, no more guest spots anywhere",
                           "don't invite their clients to come to Bristol"])
    assert "I am opening my own studio in Bristol in February" in email(s)


def test_a_referral_described_by_a_count_takes_no_article():
    s = situation(referral="Pitchside Physio Collective, four registered physios in Leeds who cover two clubs")
    assert "Pitchside Physio Collective, four registered physios in Leeds" in email(s)


def test_a_russian_plan_the_user_says_may_be_told_is_the_reason_though_typed_without_i():
    s = situation(language="ru", client={"name": "ООО «Ромашка»"}, sender={"name": "Анна Петрова", "solo": True},
                  reasons=["переезжаю к сыну в Вологду в январе, там берут на работу. это сказать можно"])
    # Said with its subject where it opens on its verb («Я переезжаю …»).
    assert "я переезжаю к сыну в вологду в январе" in email(s, "ru").lower()


def test_a_line_the_user_quotes_word_for_word_is_not_re_voiced():
    line = "Каждая ракетка, которую я перетянула для ваших ребят, была для меня вкладом в их победы."
    s = situation(language="ru", client={"name": "Клуб «Матчбол»"}, sender={"name": "Ирина Волкова", "solo": True},
                  reasons=[f"обязательно вставить дословно: «{line}»"])
    assert line in email(s, "ru")


def test_every_note_the_user_keeps_private_is_set_aside_not_only_the_first():
    s = situation(sender={"name": "Ann Lee", "solo": True}, reasons=[
        "personal reasons, don't go into it",
        "moving to Leeds in March for my husband's job, please don't mention that"])
    body = email(s)
    assert "Leeds" not in body and "personal reasons" in body


def test_what_nobody_can_say_is_no_line_to_say():
    s = situation(reasons=["we finish the annual visits as planned so every site is covered. nobody can say we left them exposed"])
    assert "left them exposed" not in email(s)


def test_the_contact_with_a_role_after_a_comma_is_still_the_person_the_decision_is_not_about():
    s = situation(language="ru", client={"name": "ООО «Пристань»", "contact": "Лилия Сергеевна, управляющая"},
                  sender={"name": "Дарья Кузнецова", "solo": True}, reason_kind="capacity",
                  reasons=["Лилия Сергеевна чудесная, отправляла ко мне гостей"])
    body = email(s, "ru")
    assert "не связано с вами" in body and "Сергеевич" not in body


def test_a_wanted_line_that_no_longer_carries_a_cost_is_the_reason_where_the_decision_is():
    note = "word for word: 'We have valued the work, but we can no longer carry the cost of waiting to be paid.'"
    s = situation(reasons=[note], reason_kind="payment", sender={"company": "Kerr Fire Ltd"})
    decision = email(s).split("\n\n")[1]
    assert "we can no longer carry the cost" in decision and "depends on invoices" not in decision


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    # A plan of what the sender does only, with the user's capitals for the tool and an aside that names the
    # client only to say the decision is not about them.
    ("from april we do retail only, we've signed two long contracts. ALL hospitality goes, 14 sites, not just the Gilded Hare",
     "From April we do retail only", ["ALL", "Gilded Hare"]),
    # A dated change of the sender's own business, told in the third person; who decided it when is history.
    ("From April the new canning line runs our own cider only. Contract bottling stops for all six producers we fill for, "
     "not just Ben. Board decided on 19 Nov.", "Contract bottling stops for all six producers we fill for.", ["Ben", "Board decided"]),
    # A need of the sender's own time, with months typed short ("Jan" is no colleague) and a plus sign.
    ("the church barn at Compton starts 1 March, booked 18 months ago. I need Jan + Feb to prep for it",
     "I need January and February to prep for it.", ["Jan +"]),
])
def test_the_senders_own_plan_is_said_in_their_words_not_the_kinds_line(note, said, unsaid):
    s = situation(reasons=[note], reason_kind="direction", sender={"company": "Tamar Bottling Ltd"})
    decision = email(s).split("\n\n")[1]
    assert said in decision and "a direction that no longer fits" not in decision
    assert not [word for word in unsaid if word in decision], decision


def test_a_true_story_in_a_note_keeps_no_reason_private():
    notes = ["we do retail only from april", "sign off with: it's been the best job I never applied for (true story)"]
    decision = email(situation(reasons=notes, sender={"company": "Airwell Scent Ltd"})).split("\n\n")[1]
    assert "We do retail only from April." in decision


def test_open_work_with_a_clause_of_its_own_purpose_is_listed_not_said_as_a_step():
    work = [{"item": "the coat work on the rear slope", "due": FUTURE},
            {"item": "a temporary ridge and netting so the roof stays watertight through the winter", "due": FUTURE}]
    body = email(situation(open_work=work, sender={"name": "Sam Hollis", "solo": True}))
    assert "— a temporary ridge and netting so the roof stays watertight" in body
    assert "\nA temporary ridge" not in body


def test_an_invoice_the_notes_call_not_late_is_not_asked_for_as_outstanding():
    due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    notes = ["me and Kieran stood down 11 days so far waiting, unpaid", "invoice 117, due next week. not late, just make sure it's in there"]
    s = situation(reasons=notes, unpaid_invoices=[{"number": "117", "amount": "£4,800", "due": due}], sender={"name": "Sam Hollis", "solo": True})
    body = email(s)
    assert "Invoice 117 for £4,800 falls due on" in body and "remains outstanding" not in body


@pytest.mark.parametrize(("language", "note", "quoted"), [
    ("en", 'do NOT mention his facebook post about "over-cautious medics ruining races". not rising to it', "over-cautious medics"),
    ("en", "DON'T mention Mark saying 'you're slowing down old man' at the last visit. it stung, but it's not why", "slowing down"),
    ("ru", "НЕ написать бы ничего про его пост «врачи-перестраховщики губят забеги», не отвечаем на это", "перестраховщики"),
])
def test_a_quote_in_a_note_that_forbids_it_is_never_said(language, note, quoted):
    s = situation(reasons=["I'm moving to product work only" if language == "en" else "с января перехожу только на свои продукты", note],
                  sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call"):
        assert quoted not in Composer().compose(s, channel, language)[0].text()


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "i won't put my registration on a plan that isn't followed. thats it, thats the reason",
     "I will not put my registration on a plan that is not followed."),
    ("en", "not doing a semi permanent structure. we're a hire firm, it comes down after the event. that's the reason, say it plainly",
     "We are a hire firm, it comes down after the event."),
    ("ru", "закрываю мастерскую. мне 71, в феврале операция на глаза (катаракта). про операцию сказать можно, она свой человек",
     "Я закрываю мастерскую. Мне 71, в феврале операция на глаза."),
    ("ru", "с марта открываю свой кабинет на Ленинградской, аренду подписала. это правда, так и писать",
     "С марта я открываю свой кабинет на Ленинградской, аренду подписала."),
    # The candour it opens on is the user's to the tool.
    ("ru", "если по-честному: с марта открываю свой кабинет на Ленинградской. это правда, так и писать",
     "С марта я открываю свой кабинет на Ленинградской."),
])
def test_a_note_the_user_marks_as_fit_to_say_is_the_reason_in_their_words(language, note, said):
    s = situation(reasons=["keep it short" if language == "en" else "коротко", note], reason_kind="fit",
                  sender={"name": "Ann Lee", "solo": True})
    decision = email(s, language).split("\n\n")[1]
    assert said in decision, decision


@pytest.mark.parametrize(("language", "notes", "said"), [
    # A mark that opens its note points back at the note before it; a list after it only sums that note up.
    ("ru", ["мне 67, ездить через весь город с инструментом тяжело. сокращаю выезды, беру только тех, кто рядом",
            "это и скажу — здоровье, возраст, беру только рядом"], "Мне 67, ездить через весь город с инструментом тяжело."),
    ("en", ["I'm moving to Galway at the end of January for my partner's job", "that's the one to give, keep it short"],
     "I am moving to Galway at the end of January for my partner's job."),
    # The honest reason marked to give goes before the words dictated for the news.
    ("en", ["I'm moving to Galway at the end of January, partner's job. that's the honest reason and it's the one to give",
            "what I'll tell him: the monthly fitting days stop after January"],
     "I am moving to Galway at the end of January, partner's job. The monthly fitting days stop after January."),
])
def test_a_mark_points_at_the_reason_to_give(language, notes, said):
    s = situation(reasons=notes, reason_kind="capacity", sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call"):
        assert said in Composer().compose(s, channel, language)[0].text()


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "the kids are lovely, it's a shame. you can say that in one line", "kids are lovely"),
    ("ru", "детей очень жаль, они хорошие. это можно написать одной строкой", "Детей очень жаль"),
])
def test_a_line_allowed_in_one_line_is_no_reason(language, note, said):
    s = situation(reasons=[note], reason_kind="payment", sender={"name": "Ann Lee", "solo": True})
    assert said not in email(s, language).split("\n\n")[1]


def test_what_follows_an_instruction_not_to_write_something_is_no_reason():
    s = situation(reasons=["про прокуратуру и ГИБДД НЕ писать. не угрожаем, просто уходим"], reason_kind="methods",
                  sender={"company": "ООО «Медосмотр»"})
    assert "уходим" not in email(s, "ru").split("\n\n")[1]


@pytest.mark.parametrize(("note", "unsaid"), [
    ("DON'T mention the soakaway. it's a survey job for whoever comes next, I'll put it in the handover notes as 'worth a look'", "worth a look"),
    ("same for every customer out that side, 11 of them. say so, so she doesn't think its personal", "think its personal"),
])
def test_what_explains_an_instruction_or_points_back_at_a_note_is_no_line_to_say(note, unsaid):
    s = situation(reasons=["from april we only work inside 25 miles of the yard", note], sender={"company": "Hartnoll Tankers Ltd"})
    assert unsaid not in email(s).lower()


def test_a_named_works_that_stopped_taking_waste_is_no_work_of_ours_stopped():
    note = "from april we only work inside 25 miles. Pentre works stopped taking tankered waste in Oct"
    s = situation(reasons=[note], sender={"company": "Hartnoll Tankers Ltd"})
    assert "we remain available to you" not in email(s)


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    # The mark speaks of the sentence it closes: not the story and the quoted excuses before it.
    ("en", 'every invoice goes 90+ days, "it\'s in the payment run". we can\'t be the bank for a managing agent, that\'s the reason',
     "We cannot be the bank for a managing agent.", "payment run"),
    # "thats true and that's what the email says" is said to the tool, never to the client.
    ("en", "from Jan i'm moving my round to the east side, small group walks only. thats true and that's what the email says",
     "small group walks only.", "what the email says"),
    # A label before the wording («причина своими словами — …») is no part of it; the wording gets its subject.
    ("ru", "причина своими словами — не можем отвечать за электрохозяйство, в которое без нас включают печи. так и писать",
     "Мы не можем отвечать за электрохозяйство", "своими словами"),
    # The wording after "own reason -" is said without the label or what the user says to the tool after it; the
    # checker reads it as typed and, failing that, as a letter writes it ("cannot", "do not").
    ("en", "own reason - I can't work to a turnaround I don't set. want that in, its the nub of it",
     "I cannot work to a turnaround I do not set.", "nub"),
    # «вот вся причина», «говорю как есть» mark the sentence before them.
    ("ru", "мы не подключаем оборудование без проекта. вот вся причина, говорю как есть", "Мы не подключаем оборудование без проекта.",
     "причина"),
    ("ru", "зимой мы не выезжаем на крыши выше пяти этажей. пишу как есть", "Зимой мы не выезжаем на крыши выше пяти этажей.", "как есть"),
])
def test_the_reason_the_user_marks_is_their_sentence_alone(language, note, said, unsaid):
    s = situation(reasons=[note], reason_kind="methods", sender={"company": "Kestrel Gates Ltd" if language == "en" else "ООО «Ток»"})
    decision = email(s, language).split("\n\n")[1]
    assert said in decision and unsaid not in decision, decision


def test_a_russian_note_on_taking_orders_until_a_day_is_no_reason():
    s = situation(reasons=["принимаем заявки до 25 декабря, потом всё"], reason_kind="methods", sender={"company": "ООО «Оценка»"})
    assert "заявки" not in email(s, "ru").split("\n\n")[1]


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    # "mean it" is said to the tool, not to the client.
    ("I love Bramble to bits. say I'll miss them both, mean it", "I'll miss them both.", "mean it"),
    # The client's words the user expects ("she'll prob say …") are no line for the letter.
    ("she'll prob say she'll collect them herself to save me the drive. answer: it's not the drive, its the hens",
     None, "collect them"),
    # "honest reason -" labels the wording like "own reason -".
    ("honest reason - I want my weekends back. put it like that, Dawn will get it", "I want my weekends back.", "Dawn"),
])
def test_what_a_note_says_to_the_tool_stays_out_of_the_letter(note, said, unsaid):
    body = email(situation(reasons=["cutting the flock to 600 hens at the end of january", note],
                           sender={"name": "Hannah Pritchard", "solo": True}), tone="warm")
    assert (said is None or said in body) and unsaid not in body, body


@pytest.mark.parametrize(("language", "note", "offer"), [
    ("en", "not recommending anyone to them", "suggest who to ask"),
    ("ru", "рекомендовать никого не буду", "подскажу, к кому можно обратиться"),
])
def test_a_user_who_recommends_no_one_offers_no_one_to_ask(language, note, offer):
    s = situation(reasons=["moving to new-build work only" if language == "en" else "перехожу только на новостройки", note],
                  sender={"name": "Ann Lee", "solo": True})
    text = email(s, language)
    assert offer not in text and ("answer their questions" in text or "отвечу на его вопросы" in text), text


@pytest.mark.parametrize(("notes", "unsaid"), [
    # A condition, the client's words, a denial and history promise nothing.
    (["PF-2207 not paid, he says he'll pay when we credit £388 of 'returns'. we never agreed that credit. whole invoice stands",
      "sends fish back at 3pm. we credited it twice to keep the peace"], "credit"),
    # The answer the user keeps for when the client says something is not volunteered.
    (["he'll say 'everyone else credits returns'. answer: we credit anything wrong when it comes off the van"], "Answer"),
    # "say it straight - …" and "hear it like that" point back: no line of their own.
    (["this is the reason, honestly, say it straight - it's about keeping children safe in the water, not about the school"], "straight"),
    (["it's a good thing for me and my family. I want Dafydd to hear it like that, not as bad news"], "like that"),
])
def test_notes_about_the_notes_are_no_lines_for_the_letter(notes, unsaid):
    body = email(situation(reasons=["we are moving to wholesale only", *notes], sender={"company": "Penrose & Son"}))
    assert unsaid not in body, body


def test_a_clause_of_a_fact_without_its_subject_is_no_promise():
    s = situation(facts=["Two lessons of the current prepaid block will not be used and are to be refunded"],
                  sender={"name": "Ann Lee", "solo": True})
    assert "Are to be refunded" not in email(s)


def test_how_to_say_it_marks_no_sentence_as_the_reason():
    s = situation(reasons=["the night rota needs two glaziers and we have one", "contract is 90 days. I'm saying 31 Jan, which is short. say it straight, don't dress it up"],
                  sender={"company": "Greaves Glass Ltd"})
    assert "I am saying" not in email(s)


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    ("my reason, happy for it to be said: I'm a one-woman framing workshop and I can't be a warehouse as well",
     "I'm a one-woman framing workshop and I can't be a warehouse as well.", "happy for it"),
    # An offer taken is the sender's own plan; the shorthand after it ("Took it last week.") is not said.
    ("I've been offered farm manager at Llys Meurig estate, full time from 1 March. took it last week. selling the baler in the spring",
     "I have been offered farm manager at Llys Meurig estate", "Took it"),
    # "the reason I'll give": a label too, and "mean it" inside it is said to the tool.
    ("the reason I'll give and mean it: we see the plan for the shop very differently. I'm not the right one for it",
     "We see the plan for the shop very differently.", "mean it"),
    ("reason I'll stand behind, put it in: I can't make promises that were made at someone else's counter",
     "I can't make promises that were made at someone else's counter.", "put it in"),
    # A word in quotes of its own is irony the client reads as mockery.
    ("I test by hand and I do not sign for what an overlay 'fixes'", "I do not sign for what an overlay fixes.", "'fixes'"),
])
def test_the_users_own_reason_is_said_without_its_label_or_shorthand(note, said, unsaid):
    body = email(situation(reasons=[note], reason_kind="job", sender={"name": "Ann Lee", "solo": True}))
    assert said in body and unsaid not in body, body


def test_the_plan_of_a_piece_of_work_typed_as_a_note_is_not_the_reason():
    """"batch 4 we finish by 19 Feb": the timeline says it; as part of the reason it reads as shorthand."""
    s = situation(reasons=["we are closing the lab at the end of February, the building is sold",
                           "batch 4 (the glass plates) we finish by 19 Feb. batch 5 we do not start"],
                  sender={"company": "Lumen Archive Services"}, channel="meeting")
    for channel in ("email", "meeting"):
        text = Composer().compose(s, channel, "en")[0].text()
        assert "We are closing the lab at the end of February" in text and "atch 4 we finish" not in text, text


def test_a_short_form_of_the_contacts_name_in_a_note_is_the_contact():
    s = situation(client={"name": "ООО «Волжские просторы»", "contact": "Екатерина, менеджер по группам"},
                  reasons=["новый формат экскурсий не мой", "Катя ни при чём, она за меня спорила на планёрке"],
                  sender={"name": "Ксения Лебедева", "solo": True}, language="ru")
    text = email(s, "ru")
    assert "с Катей" not in text and "никак не связано с вами лично" in text, text


@pytest.mark.parametrize(("referral", "said"), [
    ("ClearView Glass Services, already a reserve contractor on the council framework",
     "ClearView Glass Services, already a reserve contractor"),
    ("Sam Byrne, the best farrier in the county", "Sam Byrne, the best farrier in the county"),
])
def test_a_referral_note_that_brings_its_own_article_gets_no_second_one(referral, said):
    assert said in email(situation(referral=referral, sender={"name": "Ann Lee", "solo": True}))


def test_a_promise_of_a_sum_the_open_work_lists_is_said_once():
    s = situation(reasons=["we are moving to wholesale only", "paid 10 up front, 6 used. the 2 left over (£152) I'll refund by bank transfer"],
                  open_work=[{"item": "refund of the two unused prepaid lessons (£152) by bank transfer", "due": FUTURE}],
                  sender={"name": "Ann Lee", "solo": True})
    assert email(s).count("£152") == 1


@pytest.mark.parametrize(("language", "note", "named", "offered"), [
    ("en", "if she wants a name - Sue Carrick, very calm. only if she wants it, don't push", "Sue Carrick", "If you would like a recommendation"),
    ("ru", "если спросит, кого посоветовать, — Ирину Геннадьевну, только если сама спросит, не навязывать", "Ирин",
     "Если понадобится рекомендация"),
])
def test_a_referral_the_notes_keep_for_when_the_client_asks_is_offered_without_a_name(language, note, named, offered):
    referral = {"en": "Sue Carrick, an independent instructor", "ru": "Ирина Геннадьевна Котова, репетитор по математике"}[language]
    s = situation(reasons=["moving to new-build work only" if language == "en" else "перехожу только на новостройки", note],
                  referral=referral, sender={"name": "Ann Lee", "solo": True})
    text = email(s, language)
    assert named not in text and offered in text, text
    # Named in the user's notes without the condition, the referral is recommended as before.
    text = email(situation(reasons=s.reasons[:1], referral=referral, sender={"name": "Ann Lee", "solo": True}), language)
    assert named in text, text


@pytest.mark.parametrize(("note", "said"), [
    ("причину своими словами: обслуживать сцену в одиночку я не имею права и не буду", "Обслуживать сцену в одиночку я не имею права и не буду."),
    ("причина по-честному: мы больше не можем гарантировать ремонт этих установок в разумный срок", "Мы больше не можем гарантировать ремонт"),
])
def test_a_russian_reason_label_in_any_case_dictates_the_wording(note, said):
    body = email(situation(reasons=[note], language="ru", sender={"name": "Глеб Руденко", "company": "ООО «Сцена»"}), "ru")
    assert said in body and "своими словами" not in body and "по-честному" not in body, body


def test_what_comes_before_say_plainly_that_is_what_the_point_is_about_not_the_point():
    note = "договор — 60 дней. хочу закончить 31 января, это меньше 60 — сказать прямо, что срок короче договорного, и почему"
    body = email(situation(reasons=["сужаемся до своего цеха", note], language="ru", sender={"name": "Глеб Руденко", "company": "ООО «Сцена»"}), "ru")
    assert "Хочу закончить" not in body, body


@pytest.mark.parametrize(("language", "reason", "said"), [
    # A relative clause belongs to the noun before it: the first clause of a wording does not end at its comma.
    ("ru", "причина: работаем в той очерёдности, которую согласовали в договоре, а она не соблюдается",
     "в той очерёдности, которую согласовали в договоре."),
    ("en", "own reason - I work to the order of trades, which the contract sets, and they never keep to it",
     "the order of trades, which the contract sets."),
])
def test_a_wording_cut_to_its_first_clause_keeps_its_relative_clause(language, reason, said):
    sender = {"name": "Ann Lee", "company": "Lee Ceilings"} if language == "en" else {"name": "Глеб Руденко", "company": "ООО «Сцена»"}
    body = email(situation(reasons=[reason], language=language, sender=sender), language)
    assert said in body, body


def test_two_quoted_words_are_no_line_to_say_and_a_bare_verb_is_no_reason():
    notes = ["с 1 февраля выхожу зоотехником в областное племпредприятие", "это хорошая новость, так и сказать. не «бросаю», а «расту»"]
    text = Composer().compose(situation(reasons=notes, language="ru", sender={"name": "Алёна Белова", "solo": True}), "call", "ru")[0].text()
    assert "Бросаю»" not in text and "а «расту" not in text, text
    body = email(situation(reasons=["прекращаем. договор п. 9.1 — 15 дней"], language="ru", sender={"name": "Денис Карпов", "company": "ООО «Лёд»"}), "ru")
    assert "Мы прекращаем." not in body, body


def test_a_quoted_line_keeps_the_name_quoted_inside_it():
    notes = ["сворачиваем выездные монтажи с нового года", "фраза: «Ваша „Паутинка“ — первое место, где мы увидели детей на наших сетках»"]
    body = email(situation(reasons=notes, language="ru", sender={"name": "Ольга Рябова", "company": "ООО «Сетка»"}), "ru")
    assert "Ваша „Паутинка“ — первое место, где мы увидели детей на наших сетках." in body, body


def test_a_dictated_wording_keeps_its_own_clauses_around_one_about_others():
    note = "reason, in my words: the weekly round works, the 'while she waits' doesn't, and I've stopped being able to plan a week"
    body = email(situation(reasons=[note], sender={"name": "Jonah Whitlock", "company": "Whitlock Bench Works"}))
    assert "The weekly round works, and I've stopped being able to plan a week." in body, body


@pytest.mark.parametrize(("note", "said", "sender"), [
    ("уведомление о назначении Хабибуллиной ответственной — до 20 декабря", "о назначении меня ответственной", "Айгуль Хабибуллина"),
    ("все вопросы по журналу — к Орлову до 20 декабря", "ко мне", "Илья Орлов"),
    ("график визитов согласовать с Ильёй Орловым", "со мной", "Илья Орлов"),
])
def test_the_senders_own_name_in_a_russian_note_is_me_in_its_case(note, said, sender):
    s = Situation.model_validate({"client": {"name": "ООО «Север»", "contact": "Анна Петровна Ким"}, "sender": {"name": sender},
                                  "end_date": "2027-01-31", "handover": [note], "language": "ru"})
    body = Composer().compose(s, "email", "ru")[0].content.body
    assert said in body and sender.split()[1][:6] not in body.split("\n\n", 1)[1].rsplit("\n\n", 1)[0], body


@pytest.mark.parametrize(("language", "note"), [
    ("en", "Rupert is lovely and sends friends our way, really don't want to burn that bridge"),
    ("en", "want to stay on good terms - Fiona's decent, her girl Kerry is great"),
    ("ru", "Рома молодец, всегда помогал с разгрузкой"),
])
def test_praise_of_someone_else_does_not_bring_their_name_into_the_decision(language, note):
    # "nothing to do with Rupert" names a person the client never linked to the decision.
    s = situation(reasons=[note], client={"name": "Acme Ltd", "contact": "Olivia Strand" if language == "en" else "Мария Олеговна Ким"},
                  language=language)
    body = email(s, language)
    assert "nothing to do with" not in body and "не связано с" not in body, body


def talk(s: Situation, channel: str, language: str = "en") -> str:
    content = Composer().compose(s, channel, language)[0].content
    return content.model_dump_json()


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    ("en", "the real reason: Fiachra's got a teaching job from January so Sundays are gone anyway and honestly on €300 it's not worth it",
     "Fiachra's got a teaching job from January so Sundays are gone.", "€300"),
    ("ru", "настоящая причина: с февраля беру большую серию для отеля, и честно говоря, за такие деньги возиться нет смысла",
     "С февраля я беру большую серию для отеля.", "деньги"),
])
def test_a_reason_marked_as_the_real_one_is_said_without_its_candid_remark(language, note, said, unsaid):
    body = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}, language=language), language)
    assert said in body and unsaid not in body, body


@pytest.mark.parametrize(("language", "notes", "said", "gone"), [
    # The words dictated for the client win over a reason only marked as the real one, said to the client.
    ("en", ["the actual hard reason: insurance renewal came back and our carrier is dropping rentals",
            "what I'll tell Brent: our insurer has excluded short-term rentals from our policy, so we can't work on his properties after that"],
     "Our insurer has excluded short-term rentals from our policy, so we can't work on your properties after that.", "renewal came back"),
    # Its first sentence is the wording; what follows is for the tool.
    ("en", ["reason to give: we can't continue on the current payment terms. stick to that. SHORT email"],
     "We can't continue on the current payment terms.", "stick to that"),
    ("ru", ["причина по-честному: надоело кредитовать чужой бизнес. в письме: не можем продолжать на текущих условиях оплаты"],
     "Я не могу продолжать на текущих условиях оплаты.", "надоело"),
    # The client spoken of as "they" is "you" throughout the wording, not only in "their".
    ("en", ["what I'll tell her: I won't take their money for a service I can't deliver in a storm, better they have a contractor who can"],
     "I will not take your money for a service I cannot deliver in a storm, better you have a contractor who can.", "they have"),
    # The wording after the mark's dash, not the story before it; with no verb, it is named as the reason.
    ("en", ["the board wants leaks sealed with wax now. we won't put our name on that, wax just hides it. this is the real reason - "
            "a different way of looking after the casks, say it like that, no lecture about wax"],
     "The reason is simply a different way of looking after the casks.", "wax"),
    # The framing the user gives ("framed as …", "frame it only as …") is the wording, named as the reason even where
    # the bare words alone read to the checker as a verdict ("how these lifts should be maintained").
    ("en", ["the board keeps voting down the door replacement; we are not willing to go on on that basis, so we end the agreement - "
            "our decision, framed as a different view of how these lifts should be maintained, no lecture"],
     "The reason is simply a different view of how these lifts should be maintained.", "voting"),
    ("en", ["the resort wants to present the programme in a way I can't put my name to - frame it only as a different view of "
            "how the programme is presented, my decision"],
     "The reason is simply a different view of how the programme is presented.", "put my name"),
    # «— это наше решение»: the sentence before the mark is the reason; «максимум одной фразой, что …» limits a
    # grievance, it dictates no reason.
    ("ru", ["с февраля школа переезжает в отдельный бассейн, который мы арендовали целиком, — это наше решение о развитии. "
            "про подорожание дорожек — без жалоб, максимум одной фразой, что условия изменились"],
     "С февраля школа переезжает в отдельный бассейн, который мы арендовали целиком.", "Что условия"),
    # "in the letter: …" mid-note, after the real reason told to the tool.
    ("en", ["real reason: I can't put my name on trees I don't decide about. in the letter: we see the care of the trees differently. polite, formal"],
     "We see the care of the trees differently.", "put my name"),
    # «это главное — …»: the words after the dash; «только что …, на «вы», ровно»: the words without the note on tone.
    ("ru", ["зимой хотят топить самодельными печками. это главное - у нас разный подход к тому, как жить в юрте зимой"],
     "У нас разный подход к тому, как жить в юрте зимой.", "печками"),
    ("ru", ["в письме - только что у нас разные ожидания от выставок, на «вы», ровно. никаких упрёков"],
     "у нас разные ожидания от выставок.", "ровно"),
    # What the client does, marked as the main reason, is the grievance: the kind's line says it.
    ("ru", ["платят через 80-90 дней, а по договору 15 банковских дней. третий квартал подряд. это главная причина, её и писать"],
     "предсказуемые сроки оплаты", "платят"),
    # «свои частные заказчики» are the sender's own clients, not this one.
    ("ru", ["новых изделий не беру. дальше работаю только со своими частными заказчиками - это можно сказать"],
     "Дальше я работаю только со своими частными заказчиками.", "xyz"),
    # "real reason and I can say it: …" labels the words after the colon.
    ("en", ["real reason and I can say it: end of January I'm opening a lunch kitchen with my cousin. can't do both. happy news"],
     "End of January I'm opening a lunch kitchen with my cousin.", "can say it"),
    # An aside to the tool between the label and its colon.
    ("en", ["cancelled an hour before, three times", "what I'll say (and it's true): from January I'm only doing online small groups"],
     "From January I am only doing online small groups.", "true"),
    ("ru", ["отменяли за час до занятия", "что скажу (и это правда): с января веду только онлайн-группы"],
     "С января я веду только онлайн-группы.", "правда"),
])
def test_the_words_a_note_dictates_for_the_client_are_the_reason(language, notes, said, gone):
    s = situation(reasons=notes, sender={"name": "Ann Lee" if language == "en" else "Анна Ли", "solo": language == "ru"}, language=language,
                  reason_kind="payment" if "оплат" in said else None)
    body = email(s, language)
    assert said in body and gone not in body, body


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    ("say something like: 'we've decided to focus the business on events, so we won't be continuing the lunches'",
     "We have decided to focus the business on events", "something like"),
    ("want to say clearly but politely that re-timing after lock was never inside the per-minute rate",
     "Re-timing after lock was never inside the per-minute rate.", "politely"),
    ("wording I like: 'I've realised the pace and the way changes come in don't fit how I work best, and I'd rather step back than do it badly'",
     "I have realised the pace and the way changes come in do not fit how I work best", "wording"),
])
def test_a_line_the_user_wants_said_is_said_once_without_its_label(note, said, unsaid):
    s = situation(reasons=["episodes keep coming back late", note], sender={"name": "Ann Lee", "company": "Lee Films"})
    for channel in ("email", "meeting"):
        text = Composer().compose(s, channel, "en")[0].text()
        assert said in text and unsaid not in text.lower(), text
        assert text.lower().count(said.lower()[:30]) <= (2 if channel == "meeting" else 1), text


def test_the_words_dictated_for_a_meeting_are_said_to_the_client_without_their_label():
    s = situation(reasons=["what I'll say at the meeting: without the bins + netting we can't get them the results they're paying for, "
                           "and it isn't fair to keep charging them for it"], sender={"name": "Hannah Bright", "company": "Skyline Hawks"})
    said = talk(s, "meeting")
    assert "Without the bins and netting we can't get you the results you are paying for, and it isn't fair to keep charging you for it." in said
    assert "At the meeting" not in said and "own plans" not in said


def test_what_is_left_of_a_dictated_reason_without_the_client_is_no_fragment():
    s = situation(reasons=["main reason, say it kindly: what they need now is a contract furnishing firm with a bigger workshop, not a two-person shop"],
                  sender={"name": "Ruth Bellamy", "company": "Bellamy Upholstery"})
    assert "Not a two-person shop" not in email(s)


def test_a_point_to_say_on_the_call_is_said_without_where_to_say_it():
    s = situation(reasons=["IMPORTANT - must say on the call AND follow up in writing: units 4, 12 and 27 have cracked flue liners"],
                  sender={"name": "Dale Moss", "company": "Moss Chimney Co"})
    said = talk(s, "call")
    assert "Units 4, 12 and 27 have cracked flue liners" in said and "On the call" not in said


def test_what_the_client_paid_for_is_theirs_said_to_them():
    from tactful.composer.grammar import to_you

    assert to_you("spare parts in the back closet are HIS, he paid for them", "en", load_phrases("en")) == \
        "spare parts in the back closet are yours, you paid for them"


@pytest.mark.parametrize(("referral", "said"), [
    ("Dana Whitfield, Blue Current Aquatics - reef tanks, works with restaurants in the Pearl District",
     "Dana Whitfield of Blue Current Aquatics, who works with restaurants in the Pearl District"),
    ("Jack Tierney DipWCF - he's got an apprentice so two pairs of hands, already does a riding school near Kelso",
     "Jack Tierney DipWCF, who already does a riding school near Kelso"),
])
def test_a_referral_keeps_the_persons_firm_and_what_they_do(referral, said):
    assert said in email(situation(referral=referral, sender={"name": "Ann Lee", "solo": True}))


def test_what_the_sender_takes_back_is_not_handed_over_and_an_address_stays_with_the_referral():
    s = situation(handover=["журнал ремонтов 2024–2026", "эталонные гири — наши, забираем"], language="ru",
                  referral="переплётная мастерская «Переплётчик», ул. Островского — давно работают с нотариусами")
    body = email(s, "ru")
    assert "гири" not in body.split("передам", 1)[-1].split("\n\n", 1)[0], body
    assert "«Переплётчик», ул. Островского" in body and "ул. С" not in body


def test_a_handover_line_sharing_one_word_with_the_open_work_is_still_said():
    # "chairs" is one word in common, not two ("chair" and "chairs"): the wingbacks are no piece of the dining-chair work.
    s = situation(open_work=[{"item": "12 dining chairs in the grey wool, delivered", "due": FUTURE}],
                  handover=["the 2 wingback chairs (untouched) go back with the delivery"], sender={"name": "Ruth Bellamy", "company": "Bellamy Upholstery"})
    assert "wingback chairs" in email(s)


def test_notes_typed_in_lower_case_and_about_the_contact_read_as_said_to_them():
    s = situation(client={"name": "Kaito Sushi", "contact": "Marcus Ng"}, sender={"name": "Luis Ferreira", "solo": True},
                  reasons=["if he asks will I come back for emergencies: no, i'll be 1,300 miles away. he (or Dana) can text me questions through end of Feb"],
                  open_work=[{"item": "walkthrough at the restaurant with Dana + Marcus", "due": FUTURE}])
    said = Composer().compose(s, "call", "en", "warm")[0].content.model_dump_json()
    assert "I'll be 1,300 miles away" in said and "he (or Dana)" not in said, said
    assert "with Dana and you" in said and "Dana and Marcus" not in said


@pytest.mark.parametrize(("item", "said"), [
    ("the tower door key (on my keyring) back to the churchwarden", "return the tower door key to the churchwarden"),
    ("feeding + dosing schedule (the laminated sheet on the sump cabinet - I'll redo it, it's a mess)", "feeding and dosing schedule"),
    ("spec sheet for every piece (fabric, foam, fire certs)", "spec sheet for every piece (fabric, foam, fire certs)"),
    ("source files (only once paid, as agreed with me)", "source files (only once paid, as agreed with me)"),
])
def test_an_aside_in_brackets_about_the_sender_is_not_said(item, said):
    from tactful.composer.context import said_item

    assert said_item(item, "en", load_phrases("en")) == said


@pytest.mark.parametrize(("language", "item", "said"), [
    # A thing handed over needs no mark that it is the client's: what follows the mark is said.
    ("en", "export of the delivery logs per store (CSV) - theirs, for their compliance records",
     "export of the delivery logs per store (CSV), for your compliance records"),
    ("en", "the 2025 service history - theirs", "the 2025 service history"),
    ("ru", "сервисная книжка котла — их, для их страховой", "сервисная книжка котла, для вашей страховой"),
])
def test_a_mark_that_a_handed_over_thing_is_the_clients_is_not_said(language, item, said):
    from tactful.composer.context import said_item

    assert said_item(item, language, load_phrases(language)) == said


def test_with_no_contact_a_note_naming_whom_the_letter_goes_to_gives_the_greeting():
    s = situation(client={"name": "Little Haddon Parish Council"}, sender={"name": "Gareth Pryce", "solo": True},
                  reasons=["letter should go to the clerk - Mrs Okafor - she reads it out at the Jan meeting"])
    assert email(s).startswith("Dear Mrs Okafor,")


def test_a_call_says_work_on_numbered_units_whole_with_its_condition_and_a_must_say_point_in_full():
    s = situation(sender={"name": "Dee Harker", "company": "Harker Chimney"}, client={"name": "Lakeshore Getaways", "contact": "Brent Sorensen"},
                  open_work=[{"item": "Level 2 camera inspections at units 4, 12 and 27 (only if he books them)", "due": FUTURE}],
                  reasons=["IMPORTANT - must say on the call AND follow up in writing: units 4, 12 and 27 have cracked flue liners. "
                           "those fireplaces should not be used until repaired. Level 2 needed"])
    said = talk(s, "call")
    assert "inspections at units 4, 12 and 27 (only if you book them)" in said, said
    assert "Units 4, 12 and 27 have cracked flue liners. Those fireplaces should not be used until repaired." in said
    assert said.count("cracked flue liners") == 1


def test_a_choice_left_to_the_client_stays_with_its_thing_aloud_and_a_late_verb_gets_its_subject():
    s = situation(handover=["ветеринарные документы на последнюю партию", "этикетки с их маркой — выкуп или утилизация, по их решению"],
                  reasons=["по телефону коротко: на новых условиях работать не можем"], sender={"name": "Галина Ушакова", "company": "КФХ «Медовый лог»"},
                  language="ru")
    said = talk(s, "call", "ru")
    assert "выкуп или утилизация, по вашему решению" in said and "На новых условиях работать мы не можем" in said, said


def test_a_choice_the_notes_leave_to_them_is_left_to_the_client_in_the_letter():
    from tactful.composer.grammar import to_you

    phrases = load_phrases("ru")
    assert to_you("либо забираем 31-го, либо оставляем по 450 ₽ за штуку, пусть решат", "ru", phrases).endswith(", выбор за вами")
    assert "пусть" not in to_you("этикетки — выкуп или утилизация, пусть скажут", "ru", phrases)


@pytest.mark.parametrize("note", ["Darren's been emailing his area manager saying we're not delivering and cc'ing us. lovely",
                                  "Rupert is lovely and sends friends our way"])
def test_a_sarcastic_or_third_party_lovely_is_no_fondness_for_the_client(note):
    s = situation(reasons=[note], client={"name": "Westgate Retail", "contact": "Olivia Strand"}, sender={"name": "Hannah Bright", "company": "Skyline Hawks"})
    assert "genuinely enjoyed" not in email(s)


def test_a_russian_note_fond_of_the_client_in_plain_words_warms_the_message():
    s = situation(reasons=["Сергей Петрович мужик хороший, платит сразу, наличкой. расставаться жалко"], language="ru",
                  client={"name": "ИП Голубев", "contact": "Сергей Петрович Голубев"}, sender={"name": "Николай Жуков", "solo": True})
    assert "приятно с вами работать" in email(s, "ru", tone="warm")


def test_a_term_in_the_handover_is_a_sentence_and_a_sub_clause_keeps_its_letter():
    s = situation(handover=["final count sheet per kitchen", "anything missing billed at replacement cost per schedule B"],
                  contract={"clause": "9(b)", "notice_days": 14}, end_date=FUTURE, sender={"name": "Sam Okonkwo", "company": "Keen Edge"})
    body = email(s)
    assert "Anything missing will be billed at replacement cost per schedule B." in body and "clause 9(b)" in body, body


def test_a_clause_that_goes_on_from_the_one_before_is_no_reason_alone():
    s = situation(reasons=["на встрече сказать: доделываем второй участок, сдаём по акту — и дальше не берёмся"], reason_kind="scope",
                  sender={"name": "Олег Горин", "company": "ООО «Горн»"}, language="ru")
    assert "И дальше мы не берёмся" not in email(s, "ru")


@pytest.mark.parametrize(("referral", "said"), [
    ("Tom Garside, Garside & Lowe - framers in Bermondsey, do a lot of gallery work", "Tom Garside of Garside & Lowe, framers in Bermondsey"),
    ("Fionn Walsh, Inishfree Mushrooms - grows in Midleton, already delivers to Cobh", "Fionn Walsh of Inishfree Mushrooms, who grows in Midleton"),
])
def test_a_referral_note_in_the_plural_or_a_verb_takes_no_article(referral, said):
    assert said in email(situation(referral=referral, sender={"name": "Ann Lee", "solo": True}))


def _with_handover(language: str, item: str) -> Situation:
    """A solo sender's situation whose handover lists the alarm codes and ``item``."""
    return situation(reasons=["I'm moving to product work only" if language == "en" else "с января перехожу только на свои продукты"],
                     handover=["the alarm codes" if language == "en" else "коды сигнализации", item], sender={"name": "Ann Lee", "solo": True})


@pytest.mark.parametrize(("language", "item", "said", "unsaid"), [
    ("en", "my wither gauge + flocking irons from their tack room - MINE", "I will also collect my wither gauge and flocking irons from your tack room", "hand over my wither"),
    ("en", "portable wool press - OURS, picking up Thursday 10 Dec", "collect my portable wool press", "OURS"),
    ("ru", "мой набор ключей и щупов у Тимура в тумбочке — забираю", "заберу свой набор ключей и щупов у Тимура в тумбочке", "мой набор"),
    ("ru", "тестер и стремянка на Лиговском — мои, забираю", "заберу тестер и стремянку на Лиговском", "передам тестер"),
    # Someone else's thing goes back to them, not to the client.
    ("en", "the band's amp - goes back to the band, not to the club", "return the band's amp to the band", "- the band's amp"),
    ("en", "the couple's heirloom lace - I'll return it to them myself", "return the couple's heirloom lace to them", "- the couple's"),
    # The thing ends where its mark stands; a step typed in "we" by one person is said in "I".
    ("en", "the 2 perches on the yard roof are OURS - we'll take them down before the 8th", "collect the 2 perches on the yard roof.", "take them down"),
    ("ru", "пробники дистрибьютора — вернём дистрибьютору", "ерну дистрибьютору пробники дистрибьютора", "ернём"),
    # Its place is said from the client's side, its notes not at all.
    ("en", "MY workstand and the truing stand are in their container - taking them on the last Wednesday",
     "collect my workstand and the truing stand from your container", "hand over my workstand"),
    ("en", "two of our climbing lines and a rigging block left in the cart barn", "collect two of our climbing lines", "hand over two of our"),
    # A place of the client's named after the thing is where it is collected from, with the occasion the note gives.
    ("en", "our 12 insulated crates in their pastry store - we take them with the last delivery",
     "collect my 12 insulated crates from your pastry store with the last delivery", "in your pastry store"),
    # The client's own thing the sender borrowed goes back to them, not handed over as a deliverable.
    ("en", "their glass cloche we borrowed for the window - we bring it back with the last delivery",
     "return your glass cloche we borrowed for the window with the last delivery", "- your glass cloche"),
    ("en", "their Vitamix is at my place for the party prep - I bring it back on the 19th", "return your Vitamix on the 19th", "is at my place"),
    ("en", "their three harnesses are in my van - back with the keys", "return your three harnesses with the keys", "in my van"),
    ("en", "their 60 kg of yarn cones stored here - shipped back with PO-4471", "return your 60 kg of yarn cones with PO-4471", "stored here"),
    ("en", "the camp's GoPro and the dome housing they lent me - back on the 20th",
     "return the camp's GoPro and the dome housing you lent me on the 20th", "hand over the camp"),
    ("en", "their spectrophotometer lent to us in 2025 - returned to Ms Lindqvist at the meeting",
     "return your spectrophotometer lent to us in 2025 to Ms Lindqvist at the meeting", "Please return"),
    ("en", "unsold consignment stock (about 140 pieces) - it comes back with us", "collect my unsold consignment stock", "hand over the unsold"),
    ("en", "my folding crate in their utility room since October - I take it on the last visit", "collect my folding crate from your utility room", "since October"),
    ("ru", "пропуск на склад на Остужева — верну кладовщику", "ерну кладовщику пропуск на склад на Остужева", "передам пропуск"),
    ("ru", "МОИ бокалы Zalto (12 шт.) стоят в винной комнате — заберу 30-го", "заберу свои бокалы Zalto (12 шт.).", "стоят в винной"),
    ("ru", "две мои подставки из шамота, давала на фотосъёмку меню в октябре — забрать", "заберу две свои подставки из шамота", "давала"),
    ("ru", "два мои DI-бокса в рэке — заберу после НГ", "заберу два своих DI-бокса", "два свои DI"),
    # A count after a comma is set in brackets: no «одеяла, 8 штук и верну».
    ("ru", "МОИ мебельные одеяла, 8 штук, лежат у них на складе — заберу", "заберу свои мебельные одеяла (8 шт.)", "8 штук"),
    # Money owed back is paid, not handed over, and its notes stay the user's.
    ("en", "pro-rated refund of the January instalment - they prepaid part of it, work out the number",
     "send you the pro-rated refund of the January instalment", "the alarm codes and the pro-rated"),
    ("ru", "возврат аванса за январь — посчитать и назвать сумму", "переведу вам возврат аванса за январь", "посчитать"),
])
def test_the_senders_own_things_and_others_are_not_handed_over_to_the_client(language, item, said, unsaid):
    s = _with_handover(language, item)
    for channel in ("email", "call"):
        text = Composer().compose(s, channel, language)[0].text()
        assert said in text and unsaid not in text, text


def test_things_collected_in_a_row_take_one_verb():
    s = situation(reasons=["we are moving to commercial work only"], sender={"name": "Marcus Bell", "company": "Canopy LLC", "solo": False},
                  handover=["the tree inventory", "our stump grinder behind the barn - OURS, we'll pick it up",
                            "two of our climbing lines in the cart barn - ours, collecting them"])
    body = email(s)
    assert "collect our stump grinder behind the barn and two of our climbing lines" in body and body.count("collect") == 1, body


@pytest.mark.parametrize("note", ["фоны, свет, столы — мои, это понятно, но вдруг спросят", "мои общие базы и словари — нет, это не их"])
def test_a_russian_note_of_what_stays_the_senders_is_not_handed_over(note):
    s = situation(reasons=["с января перехожу только на свои продукты"], handover=["коды сигнализации", note],
                  sender={"name": "Анна Ли", "solo": True})
    text = Composer().compose(s, "email", "ru")[0].text()
    assert note.split(" —")[0] not in text.lower() and "вдруг" not in text, text


def test_a_count_after_a_comma_keeps_the_work_in_the_accusative():
    s = situation(open_work=[{"item": "съёмка новогодней коллекции, 40 позиций, белый фон + 10 кадров", "due": FUTURE}],
                  sender={"name": "Анна Ли", "solo": True})
    assert "съёмку новогодней коллекции, 40 позиций" in Composer().compose(s, "email", "ru")[0].text()


def test_a_teams_letter_collects_our_things_though_one_of_them_typed_my():
    s = situation(reasons=["we are moving to weddings only"], sender={"name": "Aroha Ngata", "company": "Fern Florals", "solo": False},
                  handover=["the lobby care sheet", "my 14 glass vases in the lobby - mine, I'll collect them"])
    body = email(s)
    assert "we will also collect our 14 glass vases" in body and "collect my" not in body, body


def test_a_thing_the_client_may_pay_for_or_the_sender_takes_is_not_simply_collected():
    s = situation(reasons=["с января перехожу только на свои продукты"], handover=["запчасти на 8 300 ₽ — либо оплачивает, либо забираю"],
                  sender={"name": "Ann Lee", "solo": True})
    assert "заберу запчасти" not in Composer().compose(s, "email", "ru")[0].text()


def test_the_words_for_the_news_follow_the_reason_the_user_gives():
    s = situation(reasons=["reason to give: we're booked solid through next year with the church at Cerne Abbas",
                           "what I'll say at the door: we'll get the ridge finished before Christmas as promised, and that's us done"],
                  sender={"company": "Ashworth & Son Thatching"})
    text = Composer().compose(s, "meeting", "en")[0].text()
    assert "booked solid through next year with the church at Cerne Abbas. We'll get the ridge finished" in text, text
    assert "At the door" not in text and "at the door" not in text


@pytest.mark.parametrize(("note", "said"), [
    ("if he asks whether we'd come back in the summer instead: no, not this year, I'll give him Ned's name", "I'll give you Ned's name"),
    ("if he asks can we still do the March crutching if he fixes it: no, already told the team, give him Dean's number",
     "already told the team, I'll give you Dean's number"),
])
def test_a_prepared_refusal_speaks_to_the_client(note, said):
    s = situation(reasons=["we are moving to product work only", note], sender={"company": "Ashworth & Son Thatching"})
    text = Composer().compose(s, "call", "en")[0].text()
    assert said in text and " him " not in text, text


@pytest.mark.parametrize(("language", "amount", "asked", "unasked"), [
    ("en", "€640 (€340 left after the €300 cash)", "€340", "€640"),
    ("en", "£900 (half paid, £450 outstanding)", "£450", "£900"),
    ("ru", "38 000 ₽ (оплачено 20 000, осталось 18 000 ₽)", "18 000 ₽", "38 000"),
    # The balance worked out from the total in the aside is what was typed first, not the total.
    ("en", "$880 (balance of $1,480 - $600 received Nov 20)", "$880", "$1,48"),
    # So is the sum a bracket says is the balance of a total, named as the invoice's balance, not as its sum.
    ("en", "$3,840 (balance of $6,840)", "BS-112 (balance $3,840)", "$6,84"),
    ("ru", "6 400 € (остаток из 18 400 €)", "№ BS-112 (остаток 6 400 €)", "18 400"),
])
def test_after_a_part_payment_what_is_left_is_asked_for(language, amount, asked, unasked):
    s = situation(reasons=["I'm moving to product work only" if language == "en" else "с января перехожу только на свои продукты"],
                  unpaid_invoices=[{"number": "BS-112", "amount": amount, "due": "2020-01-31"}], sender={"name": "Ann Lee", "solo": True})
    text = email(s, language)
    assert asked in text and unasked not in text, text


def test_a_client_named_with_the_and_a_line_said_to_someone_read_as_typed():
    s = situation(client={"name": "The Quayside Table"},
                  reasons=["what I'll say to Ronan on the Tuesday drop: we're cutting back after the landlord news, and the long run to you is the one we can't keep",
                           "the grow kit we gave Ronan for the pass - his to keep, tell him so"],
                  sender={"company": "Keane Farm"})
    text = Composer().compose(s, "meeting", "en")[0].text()
    # "The" of the client's name is no name elsewhere; "to you is" stays; the note to the tool is not said.
    assert "after the landlord news, and the long run to you is the one we can't keep" in text, text
    assert "Tuesday drop" not in text and "tell him so" not in text


def test_a_what_ill_say_note_gives_the_reason_once_and_a_guests_question_stays_in_its_answer():
    s = situation(reasons=["что скажу: открываю с партнёром свою баню под Звенигородом, весной старт. это правда",
                           "если спросит, уведу ли я гостей: нет. базу записи не трогаю. если гость сам спросит, где я — скажу"],
                  sender={"name": "Николай Зуев", "solo": True})
    text = Composer().compose(s, "meeting", "ru")[0].text()
    assert "Что скажу" not in text and text.count("открываю с партнёром свою баню") == 2, text  # the news and the why-answer
    assert "Если гость сам спросит, где я — скажу" in text and "Если клиент спросит, где я" not in text


@pytest.mark.parametrize(("language", "item", "unsaid"), [
    ("en", "the 60ft lift is a rental from Sunbelt - Sunbelt collects it on Dec 19, it's not ours and not the club's", "lift"),
    ("ru", "комбик Fender, который группа оставила после концерта, — не мой и не клубный", "комбик"),
])
def test_a_thing_that_is_neither_partys_is_not_handed_over_or_collected(language, item, unsaid):
    s = _with_handover(language, item)
    assert unsaid not in email(s, language)


def test_a_real_reason_whose_note_forbids_it_is_never_said():
    note = ("настоящая причина: директор второй раз просит выставить счёт на сумму больше реальной, «разницу потом обсудим». "
            "НИКАК не упоминать, ни намёком. в письме только оплата и сроки")
    s = situation(reasons=[note], reason_kind="payment", sender={"name": "Рустам Галиев", "solo": True})
    assert "разниц" not in email(s, "ru")


def test_a_note_that_says_the_things_are_the_clients_says_so_to_them():
    s = situation(reasons=["I'm moving to product work only"], sender={"name": "Ann Lee", "solo": True},
                  handover=["the alarm codes", "the surveyor's notes came to us by mistake, forward them to Shane, they're his"],
                  client={"name": "Sea Breeze Ltd", "contact": "Shane Moss"})
    text = email(s, "en")
    assert "you are yours" not in text and "they're yours" in text, text


def test_a_reason_named_by_its_own_forbidding_note_gives_way_to_the_words_it_allows():
    note = ("настоящая причина — бонусы дистрибьютора собственнику «за полку», и меня просят это не замечать. "
            "ПРО БОНУСЫ НЕ ГОВОРИТЬ ни слова, только «разные взгляды на наполнение карты»")
    s = situation(reasons=["собственник хочет, чтобы в карте было 70% позиций одного дистрибьютора", note],
                  sender={"name": "Анна Ким", "solo": True})
    text = Composer().compose(s, "meeting", "ru")[0].text()
    assert "онус" not in text and "азные взгляды на наполнение карты" in text, text
    # Words with no verb are the reason named, not a sentence of their own («Разные взгляды на наполнение карты.»).
    assert "Причина простая: разные взгляды на наполнение карты." in text, text


@pytest.mark.parametrize(("gap", "proposed"), [(1, False), (3, False), (10, True)])
def test_an_end_a_day_or_three_short_of_the_notice_is_the_last_day_of_the_work_under_formal_notice(gap, proposed):
    from tactful.pipeline import situation_blockers
    from tactful.wording import format_date

    today = dt.date.today()
    end = today + dt.timedelta(days=60 - gap)
    s = situation(reasons=["I'm moving to product work only"], sender={"name": "Ann Lee", "solo": True},
                  contract={"exists": True, "notice_days": 60}, end_date=str(end))
    text = email(s)
    assert ("by mutual agreement" in text) is proposed, text
    # The user's day stays the day the work ends; the contract ends with the notice, and nothing is left to agree.
    assert format_date(end, "en") in text, text
    assert (f"the contract ends on {format_date(today + dt.timedelta(days=60), 'en')}" in text) is not proposed, text
    assert bool(situation_blockers(s, "en")) is proposed


def test_a_firm_end_in_the_notes_keeps_the_users_day():
    today = dt.date.today()
    s = situation(reasons=["I'm moving to product work only", "last visit on the 30th, nothing after that"],
                  sender={"name": "Ann Lee", "solo": True}, contract={"exists": True, "notice_days": 60},
                  end_date=str(today + dt.timedelta(days=59)))
    assert "by mutual agreement" in email(s)


@pytest.mark.parametrize(("language", "note"), [
    ("ru", "с Димой мы дружим лет десять, говорить по-человечески"),
    ("en", "Dave and I have been friends for ten years, keep it human"),
])
def test_a_friendship_in_the_notes_is_fondness(language, note):
    from tactful.composer.vetting import matches

    assert matches(note, language, "fond_notes")


@pytest.mark.parametrize(("language", "item", "given", "kept"), [
    ("en", "funder research list - I'll export it to a spreadsheet. the Directory login is MY paid subscription, don't offer the password",
     "funder research list", "password"),
    ("ru", "методичка по курсу — оставляю. файл презентации с моими слайдами не даю, он мой, делала до них",
     "методичк", "презентаци"),
])
def test_a_note_of_a_thing_handed_over_and_a_thing_kept_back_hands_over_the_first(language, item, given, kept):
    s = situation(language=language, handover=[item], reasons=[{"en": "I'm moving to product work only", "ru": "ухожу в продуктовую работу"}[language]])
    draft, left_out = Composer().compose(s, "email", language)
    assert given in draft.text() and kept not in draft.text(), draft.text()
    assert any(kept in lo.text and lo.rules == ["kept_back"] for lo in left_out), left_out


@pytest.mark.parametrize(("language", "note", "said"), [
    ("ru", "сформулировать так: мы по-разному смотрим на то, как должна быть устроена ИТ-инфраструктура",
     "по-разному смотрим на то, как должна быть устроена ИТ-инфраструктура"),
    ("en", "phrase it as: we see differently how the network should be run", "we see differently how the network should be run"),
])
def test_a_wording_the_notes_ask_for_is_the_reason_said(language, note, said):
    s = situation(language=language, reasons=[{"en": "they won't pay for licences or backups", "ru": "не хотят платить за лицензии"}[language], note])
    text = Composer().compose(s, "email", language)[0].text()
    assert said.lower() in text.lower(), text


@pytest.mark.parametrize(("language", "item", "left", "handed"), [
    ("en", "the ride-on mower and the strimmer in the barn - his", "leave the ride-on mower and the strimmer in the barn with you", None),
    ("ru", "газонокосилка и триммер в сарае — его, покупал на его деньги", "оставлю у вас газонокосилку и триммер в сарае", None),
    ("ru", "учебники (18 шт.) куплены компанией — их", "оставлю у вас учебники", None),
    # The client named by what it is ("the hotel's"), with why it is theirs after it.
    ("en", "the 4 steel racks in the lobby are the hotel's, they bought them, stay", "leave the 4 steel racks in the lobby with you", None),
    # "log" in a thing's name ("log racks") is no log file to send.
    ("en", "the 4 steel log racks in the lobby are the hotel's, they bought them, stay", "leave the 4 steel log racks in the lobby with you", None),
    # A file or a copy is with the sender until it is sent: handed over, though it is the client's.
    ("en", "the pronunciation guide for product names - it's theirs", None, "the pronunciation guide for product names"),
])
def test_the_clients_own_thing_where_it_is_is_left_with_them_not_handed_over(language, item, left, handed):
    s = situation(language=language, handover=[item], reasons=[{"en": "I'm moving to product work only", "ru": "ухожу в продуктовую работу"}[language]])
    text = Composer().compose(s, "email", language)[0].text()
    if left:
        assert left in text and not re.search(r"hand over|передам|передаю", text), text
    else:
        assert handed in text and "leave" not in text, text


@pytest.mark.parametrize(("language", "item", "said"), [
    ("en", "OUR stuff to collect on the 8th: 14 cold-chain bags, 6 temp loggers (one per store)", "collect my 14 cold-chain bags, 6 temp loggers."),
    ("ru", "НАШЕ забираем 1–2 февраля: три кулера и помпа", "заберу три кулера и помпу"),
    ("ru", "МОЁ, забираю до 10.01: две будки, вся амуниция — пусть купят свои", "заберу две будки, всю амуницию"),
    # With the day the note gives, its preposition kept.
    ("ru", "НАШ конструктив со склада вывозим до 20 января — нужен пропуск на машину", "заберу свой конструктив со склада до 20 января."),
])
def test_the_senders_things_a_colon_lists_are_collected_by_name(language, item, said):
    s = situation(language=language, handover=[item], reasons=[{"en": "I'm moving to product work only", "ru": "ухожу в продуктовую работу"}[language]])
    text = Composer().compose(s, "email", language)[0].text()
    assert said in text and not re.search(r"stuff|заберу (?:своё|наше)", text, flags=re.IGNORECASE), text


@pytest.mark.parametrize(("language", "note"), [
    ("en", "no contact name - meeting with their contracts manager + QS, we don't know yet who's coming"),
    ("ru", "контакта нет — встреча с их юристом и главбухом, не знаем, кто придёт"),
])
def test_a_note_on_who_is_coming_is_no_reason(language, note):
    s = situation(language=language, reasons=[note])
    text = Composer().compose(s, "meeting", language)[0].text()
    assert not re.search(r"QS|главбух", text), text


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    # What the user wants said comes before the label; what follows «чтобы» is why, not a line to say.
    ("ru", "годовую отчётность за 2026 НЕ сдаю — сроки в марте. написать прямо, чтобы потом не было «вы же обещали»",
     "Годовую отчётность за 2026 не сдаю", "обещали"),
    ("ru", "клиент нормальный, платят, претензий никаких — так и сказать, чтобы не думали, что дело в них", None, "думали"),
    # "Say that early" asks for no line: "early so he doesn't panic" is no sentence to the client.
    ("en", "panto runs as normal, we're there for it, say that early so he doesn't panic about the show", None, "panic"),
])
def test_the_purpose_of_a_wanted_line_is_not_said(language, note, said, unsaid):
    s = situation(language=language, reasons=[{"en": "I'm moving to product work only", "ru": "ухожу в продуктовую работу"}[language], note])
    text = Composer().compose(s, "email", language)[0].text()
    assert (said is None or said in text) and unsaid not in text, text


def test_an_owners_label_before_the_things_is_not_said():
    s = situation(language="ru", handover=["их: пять бейджей и ключ от подсобки — сдаём администратору 11 января"],
                  reasons=["ухожу в продуктовую работу"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "пять бейджей" in text and "их:" not in text, text


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    # A note labelled as the reason is the reason said; one the user says may be mentioned only if it fits is not said.
    ("ru", "весной забирают две левады под дорогу, денников на всех не хватит. это причина, честно так и сказать",
     "забирают две левады под дорогу", "это причина"),
    ("en", "the council is taking two paddocks for the road, we need the stalls for our own horses. that's the reason, say it",
     "taking two paddocks for the road", "that's the reason"),
    ("en", "drivers wait 30 min at the counter - mention only if it fits, it's not the reason", None, "only if it fits"),
])
def test_a_note_labelled_as_the_reason_is_said_and_an_optional_one_is_not(language, note, said, unsaid):
    s = situation(language=language, reasons=[note])
    text = Composer().compose(s, "email", language)[0].text()
    assert (said is None or said in text) and unsaid not in text, text


def test_a_contact_typed_as_a_post_alone_is_no_name_to_greet():
    s = situation(client={"name": "Maple Hill Academy", "contact": "Business Manager"}, reasons=["we lost two drivers and cannot hire"])
    email_text, plan = (Composer().compose(s, channel, "en")[0].text() for channel in ("email", "meeting"))
    assert "Dear Maple Hill Academy team," in email_text and "Manager," not in email_text, email_text
    assert "The Business Manager of Maple Hill Academy" in plan and "Tell Manager" not in plan, plan


def test_a_russian_contact_typed_as_a_post_alone_is_no_name_to_greet():
    from tactful import check

    s = situation(language="ru", client={"name": "ООО «Аквамарин»", "contact": "офис-менеджер"}, reasons=["закрываем офисную доставку в центре"])
    email, plan = (Composer().compose(s, channel, "ru")[0].text() for channel in ("email", "meeting"))
    assert "Уважаемые коллеги!" in email and check(email, situation=s, channel="email").passed, email
    assert "Участники: Офис-менеджер (Аквамарин)" in plan, plan


@pytest.mark.parametrize(("language", "notes", "said", "unsaid"), [
    # A client the notes say pays on time is thanked in the message's words, not the note's; "not them" is "not about you".
    ("en", ["we lost two drivers and cannot hire", "it's our staffing, not them. say that. they pay on time, thank them"],
     "It's about our staffing, not about you.", "not them"),
    ("ru", ["уходим в частные праздники", "платят чётко, день в день — сказать спасибо"], "оплата всегда приходила вовремя", "Платят чётко"),
])
def test_thanks_for_paying_on_time_and_not_about_you_are_said_in_the_messages_words(language, notes, said, unsaid):
    s = situation(language=language, reasons=notes)
    text = Composer().compose(s, "email", language)[0].text()
    assert said in text and unsaid not in text, text


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "INV-12 - they deducted it for damaged tiles; we have photos + dated site diary, raise it calmly",
     "go through it with you, with the photos and the dated site diary, before the end date"),
    ("ru", "по счёту INV-12 сняли сумму без акта, фото у нас есть — сказать прямо", "и приложить фотографии"),
    # The log, the work order, the recordings, the contract's clause.
    ("en", "INV-12 disputed - they say our charger tripped the breaker; our log shows their oven on the same group", "with our log"),
    ("ru", "INV-12 — не согласны, хотя заказ-наряд подписал их механик", "и приложить заказ-наряд"),
    ("en", "INV-12 disputed: rush work is billed separately per clause 4.3", "with the contract"),
])
def test_a_disputed_invoice_is_gone_through_with_the_evidence_the_notes_hold(language, note, said):
    s = situation(language=language, reasons=[note], unpaid_invoices=[{"number": "INV-12", "amount": "£900", "disputed": True}])
    text = Composer().compose(s, "email", language)[0].text()
    assert said in text, text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_letter_with_a_referral_has_no_line_of_help_after_the_handover_list(language):
    """The referral is the alternative; "We will gladly answer any questions about the handover" after the list read as
    filler. A disputed invoice is checked together («сверить»), not the calque «пройтись по счёту»."""
    s = situation(language=language, client={"name": "Northwind Traders LLC", "contact": "Jane Morris"},
                  handover={"en": ["the fleet list", "the alarm codes"], "ru": ["журнал работ", "коды сигнализации"]}[language],
                  referral={"en": "Kiara Moreno at Cacao Lane", "ru": "Катя Пуртова из «Зелёной грядки»"}[language],
                  unpaid_invoices=[{"number": "INV-12", "amount": "£900", "disputed": True}], sender={"company": "Lee Cooperage"})
    body = email(s, language)
    assert {"en": "Kiara Moreno", "ru": "Катю Пуртову"}[language] in body, body
    assert "questions about the handover" not in body and "вопросы о передаче" not in body and "пройтись" not in body, body


def test_the_clients_things_go_back_to_the_clients_place_said_to_them():
    s = situation(language="ru", client={"name": "ООО «Выставочный мир»", "contact": "Петров Олег Иванович"},
                  handover=["их брендированные панели и ковролин — вернём на их склад до 15 января, с описью"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "на ваш склад" in text and "на их склад" not in text, text


@pytest.mark.parametrize(("item", "said"), [
    # Things left at the sender's place are the client's to collect; a clause on the thing («которые … оставили») is
    # said whole, not cut at its verb.
    ("его домкрат и компрессор, которые водители оставили у меня в боксе, — забрать",
     "Пожалуйста, заберите его домкрат и компрессор, которые водители оставили у меня в боксе."),
    # A count after the thing leaves the thing to inflect («летнюю резину, 26 комплектов»).
    ("летняя резина, 26 комплектов — забрать до 15 января, или дальше хранение у меня по 1 500 ₽ за комплект",
     "Пожалуйста, заберите летнюю резину, 26 комплектов до 15 января"),
    ("ваши стеллажи — забрать до 20 января", "Пожалуйста, заберите ваши стеллажи до 20 января."),
])
def test_the_clients_things_at_the_senders_place_are_asked_to_be_collected(item, said):
    s = situation(language="ru", sender={"name": "Ann Lee", "solo": True}, handover=[item, "таблица по всем машинам"])
    text = email(s, "ru")
    assert said in text and "Я также заберу" not in text and "Пожалуйста, Пожалуйста" not in text, text


@pytest.mark.parametrize(("item", "said"), [
    ("их запасные части (два мотор-редуктора) лежат у нас на складе — вернём до 25 декабря по накладной",
     "вернём до 25 декабря по накладной ваши запасные части."),
    # A clause that says it («…, которые лежат у нас») goes whole, «которые» too.
    ("оригиналы сертификатов, которые лежат у нас, — вернуть под роспись", "вернём под роспись оригиналы сертификатов."),
])
def test_the_clients_things_kept_at_our_place_go_back_without_where_they_lie(item, said):
    """«… лежат у нас на складе — вернём до 25 декабря»: where the things lie is the user's note, not the things."""
    s = situation(language="ru", sender={"company": "ООО «Агросервис»"}, handover=[item, "паспорта оборудования"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert said in text and "лежат у нас" not in text, text


@pytest.mark.parametrize(("language", "reason", "said", "unsaid"), [
    # A slash set apart by spaces joins alternatives in notes: a letter says "or"; "CSV/PDF" is a term and stays.
    ("en", "we are moving to hotel / hospital kitchens only", "hotel or hospital kitchens", " / "),
    ("ru", "мы переходим только на кухни гостиниц / больниц", "гостиниц или больниц", " / "),
])
def test_a_slash_between_words_in_a_note_is_said_as_or(language, reason, said, unsaid):
    text = Composer().compose(situation(language=language, reasons=[reason]), "email", language)[0].text()
    assert said in text and unsaid not in text, text


@pytest.mark.parametrize(("notes", "said", "unsaid"), [
    # A clause after "so" is the purpose of someone else's demand, not the sender's reason.
    (["they asked me to work over Teams from the corridor outside the workshop so I'm not near the lathes"], None, "near the lathes"),
    # "no more X for anyone" after the plan is the user's shorthand.
    (["I'm narrowing down to house histories and archive work. no more heir tracing for anyone"],
     "I am narrowing down to house histories and archive work", "No more heir tracing"),
    # Of wordings offered as alternatives, the first.
    (["frame it as: we see content differently / different approach"], "We see content differently.", "different approach"),
])
def test_a_reason_is_said_without_anothers_purpose_shorthand_or_a_second_wording(notes, said, unsaid):
    text = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}))
    assert (said is None or said in text) and unsaid not in text, text


def test_a_word_left_alone_by_its_date_joins_the_work_it_names():
    due = dt.date.fromisoformat(FUTURE)
    s = situation(open_work=[{"item": f'"Signal" newsletter, {due:%b} {due.day} issue', "due": FUTURE}], sender={"name": "Ann Lee", "solo": True})
    text = email(s)
    assert '"Signal" newsletter issue' in text and ", issue" not in text, text


@pytest.mark.parametrize(("handover", "said", "unsaid"), [
    # A note of what the client does is asked of them.
    (["they stop using our photos in their brochure after 21 Dec (licence was only while empanelled)"],
     "Please stop using our photos in your brochure after 21 December.", "hand over the they"),
    # The sender's plain present is their plan.
    (["we collect our 2 display stands from their office"], "we will also collect our 2 display stands from your office", "We collect"),
])
def test_a_handover_note_with_a_subject_is_said_as_the_step_it_is(handover, said, unsaid):
    text = email(situation(handover=handover, sender={"name": "Ann Lee", "company": "Lee Events", "solo": False}))
    assert said in text and unsaid not in text, text


def test_work_named_by_a_compound_in_ing_is_no_step():
    text = email(situation(open_work=[{"item": "shoot thinning on blocks 7-12", "due": FUTURE}]))
    assert "and shoot thinning" not in text and "the shoot thinning on blocks 7-12" in text, text


@pytest.mark.parametrize(("field", "notes", "said", "unsaid"), [
    # The user's words about a dictated wording are not said: only the wording.
    ("reasons", ["требуют накрутку отзывов. в письме — только «разные подходы к продвижению», без слова «накрутка»"],
     "разные подходы к продвижению.", "накрутка"),
    # «и» between two adjectives joins words: the clause keeps both, and gets its subject within seven words.
    ("reasons", ["книгу дорисую, она почти готова. вторую и третью книги серии не беру"], "Вторую и третью книги серии я не беру.", ". Третью книги"),
    # A line to say, typed without its subject, gets one.
    ("reasons", ["журналы просят закрыть по всем домам. подписываем только то, что реально проверили — это сказать спокойно"],
     "Мы подписываем только то, что реально проверили.", None),
    # One's own thing is collected in the accusative; a step with its own object says what it serves.
    ("handover", ["моя колонка JBL PartyBox в зале № 2 — заберу после концерта"], "свою колонку JBL PartyBox", "свою колонка"),
    ("handover", ["отзыв доверенности — подготовлю шаблон заявления"], "подготовлю шаблон заявления для отзыва доверенности", "отзыв доверенности шаблон"),
])
def test_russian_notes_are_said_in_grammatical_sentences(field, notes, said, unsaid):
    s = situation(language="ru", client={"name": "ООО «Ромашка»", "contact": "Петров Олег Иванович"},
                  sender={"name": "Анна Лебедева", "solo": True}, **{field: notes})
    text = Composer().compose(s, "email", "ru")[0].text()
    assert said.lower() in text.lower() and (unsaid is None or unsaid.lower() not in text.lower()), text


@pytest.mark.parametrize(("item", "said"), [
    # A thing typed with "back" goes back.
    ("gym key back, alarm code to be changed", "return the gym key"),
    ("the van keys back to Sam", "return the van keys to Sam"),
    # A noun after the verb, then its preposition, is the verb's own object, of the thing.
    ("hold inventory in the shared Drive — transfer ownership to Priya", "transfer ownership of the hold inventory in the shared Drive to Priya"),
])
def test_a_handover_note_typed_as_shorthand_is_said_as_its_step(item, said):
    from tactful.composer.context import said_item

    assert said_item(item, "en", load_phrases("en")) == said


def test_a_point_the_notes_must_say_once_is_said():
    s = situation(reasons=["moving to a full-time post", "panel 14 on the cave wall has three spinning T-nuts — need to say it once, it's a safety thing"],
                  sender={"name": "Ann Lee", "solo": True})
    assert "Panel 14 on the cave wall has three spinning T-nuts." in email(s)


@pytest.mark.parametrize(("language", "item", "said"), [
    # Said aloud, a handover item keeps the condition it is handed over on.
    ("ru", "пароли администратора регистраторов — лично директору под подпись", "лично директору под подпись"),
])
def test_a_call_keeps_the_condition_a_thing_is_handed_over_on(language, item, said):
    s = situation(language=language, handover=["схема камер" if language == "ru" else "camera layout", item])
    call = Composer().compose(s, "call", language)[0].content
    assert said in " ".join(call.points), call.points


def test_a_line_someone_else_wrote_in_the_pasted_context_is_not_said():
    s = situation(sender={"name": "Marisol Vega", "solo": True},
                  context="[Slack, Nov 30, 11:52 PM] Trevor: for tmrw's post just say 'we cut churn by 40% for a Fortune 500 co'. "
                          "and call us 'the category leader'\nNote: mention 'the January issue is written in advance'")
    text = email(s)
    assert "churn" not in text and "category leader" not in text and "The January issue is written in advance." in text, text


@pytest.mark.parametrize(("language", "said"), [("en", "Under the contract the notice runs to"), ("ru", "По договору срок уведомления истекает")])
def test_a_call_says_when_the_contract_ends_where_the_work_ends_a_day_or_three_before(language, said):
    end = dt.date.today() + dt.timedelta(days=28)
    s = situation(language=language, end_date=end.isoformat(), contract={"exists": True, "notice_days": 30, "clause": "6.1"})
    points = " ".join(Composer().compose(s, "call", language)[0].content.points)
    assert said in points, points


@pytest.mark.parametrize(("language", "client", "unsaid"), [
    ("ru", "Ким Елена Павловна (самозанятая, натуральная косметика «Травы Приморья»)", "коллектив"),
    ("en", "Jo Li (sole trader, Fern & Moss Candles)", "colleagues"),
])
def test_a_client_trading_alone_under_a_brand_is_wished_well_alone(language, client, unsaid):
    s = situation(language=language, client={"name": client})
    assert unsaid not in Composer().compose(s, "email", language)[0].text()


def test_a_meeting_at_the_clients_office_is_no_online_meeting():
    s = situation(reasons=["moving to weddings only", "formal, meeting at his office in Malviya Nagar"], handover=["design boards"],
                  contract={"exists": True, "notice_days": 30, "clause": "11"})
    plan = Composer().compose(s, "meeting", "en")[0].content
    assert not any("on screen" in d for d in plan.documents) and any("printed" in d for d in plan.documents), plan.documents


@pytest.mark.parametrize(("item", "said"), [
    # A name before two common words names whose thing it is: the thing takes its article.
    ("Hegarty research log, sources list and the draft tree", "the Hegarty research log, sources list and the draft tree"),
    ("Twomey final report and certificates", "the Twomey final report and certificates"),
    # A name's own things and a thing named by a brand alone stay as typed.
    ("Sam's notes on the rota", "Sam's notes on the rota"),
    ("Mrs Alleyne's own wig", "Mrs Alleyne's own wig"),
    ("New Year's Eve party", "the New Year's Eve party"),
    ("Figma files", "Figma files"),
])
def test_a_thing_named_after_someone_takes_its_article(item, said):
    from tactful.composer.grammar import with_article

    assert with_article(item, load_phrases("en").snippets["determiners"], load_phrases("en").months) == said


@pytest.mark.parametrize(("language", "note", "said"), [
    # A point the notes say to make once, after its colon or before the ask, is said.
    ("en", "say ONCE, flat: we fly only within our operator certificate. no names.", "We fly only within our operator certificate."),
    ("en", "They need load management before the winter peak. Say it ONCE, as a safety point, no blame", "You need load management before the winter peak."),
    ("en", "rate is still £3.10/page, same as 2019 - say it ONCE, as a fact, not a moan", "Rate is still £3.10/page, same as 2019."),
    # "the line I want in": "the" before "line" is no "he" who says it.
    ("en", "the line I want in, as is: 'We are proud of what the first five films do for your customers.'",
     "We are proud of what the first five films do for your customers."),
    # Said to the client, its infinitive is a request («не включайте»).
    ("ru", "ОДИН раз и серьёзно: у беговой № 3 трещина рамы под декой — не включать, пока не заменят раму. Не пугать",
     "У беговой № 3 трещина рамы под декой — не включайте, пока не заменят раму."),
    # A decimal point is no full stop: the point is said whole.
    ("en", "SAFETY, once: trench T3 by the old well is more than 1.5 m deep and unshored - nobody goes down into it",
     "Trench T3 by the old well is more than 1.5 m deep and unshored"),
    # "mention it neutrally": how to say the point before it.
    ("en", "parents paid the fee for the year to the school, we invoice only to January. mention it neutrally so nobody's surprised",
     "to the school, we invoice only to January."),
])
def test_a_point_the_notes_ask_to_make_once_is_made(language, note, said):
    s = situation(language=language, reasons=["moving to depot work only" if language == "en" else "переходим только на депо", note])
    assert said in Composer().compose(s, "email", language)[0].text()


@pytest.mark.parametrize(("note", "said"), [
    # What to do, and what could happen, said in the sentences after the fact.
    ("safety, once: the jetty ladder has two rotten rungs at the bottom. a guest will fall. please fix before the Christmas rush",
     "The jetty ladder has two rotten rungs at the bottom. A guest will fall. Please fix before the Christmas rush."),
    ("safety, say it once: the rack is overheating, the rear fan is dead. keep the cabinet door open until we replace the fan",
     "Keep the cabinet door open until we replace the fan."),
    # "they" of things something is done to stays "they": the client is not the one restocked.
    ("safety, once: at the November visit the first-aid kits were empty. They should be restocked before January",
     "They should be restocked before January."),
    # What could happen, then what to do typed after a dash: the step is asked.
    ("safety, once: the 8 nitrate reels sit in the cupboard next to the AC unit. nitrate can catch fire by itself when "
     "warm - move them somewhere cool and get a specialist to look",
     "Nitrate can catch fire by itself when warm, so please move them somewhere cool and get a specialist to look."),
    # "they" with a verb only people do is the client.
    ("safety, once: they stack the logs against the boiler wall next to the flue. it needs a metre of clear space",
     "You stack the logs against the boiler wall next to the flue."),
    # "they must not …", said to them, is asked, not ordered.
    ("safety, once: 3 of 80 battery packs had swollen cells. they must not let the factory ship a re-sorted lot unchecked",
     "Please do not let the factory ship a re-sorted lot unchecked."),
    # "for safety, only once", its gas regulator no lever of a threat.
    ("one thing for safety, only once: the hose on the gas bottle for the grill is cracked. nobody should use the grill "
     "until the hose and regulator are replaced", "Nobody should use the grill until the hose and regulator are replaced."),
    ("one safety thing, once: the roof anchor on block C is corroded. nobody should rope off it until it is recertified",
     "Nobody should rope off it until it is recertified."),
])
def test_a_safety_point_said_once_keeps_its_instruction_and_is_led_in(note, said):
    body = email(situation(reasons=["moving to depot work only", note], sender={"company": "Harbour Marine Ltd"}))
    lead = load_phrases("en").get("safety_lead", "formal", "we")
    assert lead in body and said in body.split(lead)[1], body


def test_a_point_said_once_leaves_the_users_aside_in_brackets_out():
    """"(it's Giulia's, not mine)" tells the tool whose the easel is; said to Giulia it reads as a note about her."""
    s = situation(client={"name": "Villa & Vows", "contact": "Giulia Conti"}, sender={"name": "Ann Lee", "solo": True},
                  reasons=["moving to depot work only", "say once: the mirror easel (it's giulia's, not mine) has a split leg - it shouldn't hold the mirror until it's repaired"])
    body = email(s)
    assert "The mirror easel has a split leg" in body and "not mine" not in body, body


def test_a_point_said_once_runs_past_a_numbers_abbreviation_and_each_line_is_a_point_of_its_own():
    """"handset no. 17" is no full stop; "say exactly this: …" is said without its lead; in a meeting each line the
    user asked for is a talking point of its own, not run together."""
    s = situation(channel="meeting", sender={"company": "Echo Audio Guides"}, reasons=[
        "moving to depot work only",
        "say once: in the cloakroom cabinet, handset no. 17 has a swollen battery. take no. 17 out and don't charge it",
        "say exactly this: It has been a privilege to give a voice to these rooms."])
    points = Composer().compose(s, "meeting", "en")[0].content.talking_points
    assert "In the cloakroom cabinet, handset no. 17 has a swollen battery. Take no. 17 out and don't charge it." in points, points
    assert "It has been a privilege to give a voice to these rooms." in points, points


@pytest.mark.parametrize(("language", "note", "said"), [
    # What to do is said with the point, the story between them left out; a sentence may open on a date.
    ("ru", "один раз, чётко: центрифуга во второй комнате — трещина в роторе. 1 декабря мы её вывели из работы, но её снова "
           "включали. не включать совсем, ротор может разлететься",
     "Центрифуга во второй комнате — трещина в роторе. Не включайте совсем, ротор может разлететься."),
    ("en", "say once, calmly: the door locks on floors 5 and 6 are worn; lift B stays switched off until they are replaced",
     "The door locks on floors 5 and 6 are worn. Lift B stays switched off until they are replaced."),
    # "shouldn't" tells what to do; "(theirs)" tells the tool whose the washer is.
    ("en", "once, kindly: the pressure washer in their wash bay (theirs) - the hose has a bulge. the boy shouldn't run it at full pressure",
     "The pressure washer in your wash bay - the hose has a bulge. The boy shouldn't run it at full pressure."),
    # A note that opens on "once:" is one to say once too.
    ("en", "once: the stocks in the vet box - the front chest bar pin is bent. no horse goes in until it's welded",
     "The stocks in the vet box - the front chest bar pin is bent. No horse goes in until it's welded."),
])
def test_a_point_said_once_is_said_with_what_to_do_about_it(language, note, said):
    s = situation(language=language, sender={"company": "Harbour Marine Ltd"},
                  reasons=["moving to depot work only" if language == "en" else "переходим только на депо", note])
    body = email(s, language)
    assert said in body and "снова включали" not in body, body


def test_a_point_said_once_that_speaks_of_money_is_a_warning_of_its_own_not_a_money_line():
    """"say once: two cylinders are past their test date - take them out of use today, we swap them at cost": said in
    its own paragraph, what to do asked, not between the invoice and the agreement."""
    s = situation(reasons=["moving to depot work only", "say once: two oxygen cylinders at the Urubamba hotel are past their "
                           "test date - take them out of use today, we can swap them at cost"],
                  unpaid_invoices=[{"number": "AV-1183", "amount": "£900", "due": FUTURE}], sender={"company": "Harbour Marine Ltd"})
    body = email(s)
    point = next(par for par in body.split("\n\n") if "oxygen cylinders" in par)
    assert "AV-1183" not in point and "so please take them out of use today" in point, body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "say this, my words: You trusted me with your house like family, and I looked after it the same way.",
     "You trusted me with your house like family, and I looked after it the same way."),
    ("en", "put this in, my words: Working with you has been the best part of every wedding season.",
     "Working with you has been the best part of every wedding season."),
    ("ru", "скажи моими словами: Мне было по-настоящему приятно работать с вами все эти годы.",
     "Мне было по-настоящему приятно работать с вами все эти годы."),
    ("en", "put this line in as it is: We've loved seeing our menus on your tables.", "We've loved seeing our menus on your tables."),
    ("en", "say this line: Thank you for giving our pearls their first window.", "Thank you for giving our pearls their first window."),
])
def test_a_line_labelled_as_the_users_own_words_is_said_as_written(language, note, said):
    s = situation(language=language, reasons=[{"en": "I'm closing the business", "ru": "я закрываю дело"}[language], note],
                  sender={"name": "Ann Lee", "solo": True})
    for channel in ("email", "call"):
        text = Composer().compose(s, channel, language)[0].text()
        assert said in text and "my words" not in text and "моими словами" not in text, text


def test_the_users_mark_on_a_line_they_ask_to_say_is_not_said_with_it():
    """"we won't put our name on it. that's the real reason - say it kindly": the mark is the user's to the tool."""
    s = situation(reasons=["Jordi suggested we print them digitally and keep our name on the back. we won't put our name on "
                           "something that isn't letterpress. that's the real reason - say it kindly, it's just not how we work"],
                  sender={"company": "Harbour Press"})
    body = email(s)
    assert "real reason" not in body, body


def test_what_was_agreed_before_and_its_prices_are_no_part_of_the_reason():
    """«в сентябре 2025 договорились: фикс 75 € из Ларнаки, …»: history and money, not the sender's reason."""
    s = situation(language="ru", reasons=["в сентябре 2025 договорились: фикс 75 € из Ларнаки, 70 € из Пафоса, оплата до 10-го "
                                          "числа. с ноября отель в одностороннем порядке снизил тариф до 60 €"],
                  reason_kind="agreements", sender={"company": "Malakhov Transfers Ltd"})
    body = email(s, "ru")
    assert "договорились" not in body and "75 €" not in body, body


def test_how_to_say_the_reason_is_not_said_with_it():
    """"say it first and straight" tells the tool where and how; "1 march" is a month with its capital."""
    body = email(situation(reasons=["I've taken the job at the equine hospital from 1 march, I fly in february. say it first and straight"],
                           sender={"name": "Ann Lee", "solo": True}))
    assert "I have taken the job at the equine hospital from 1 March, I fly in February." in body and "straight" not in body, body


def test_a_place_named_in_the_reason_is_no_one_else():
    """"the Stone Town ferry route" is a place: the plan is said whole, not cut before it as if it named a person."""
    body = email(situation(reasons=["we are selling two of our four boats and keep only the Stone Town - Nungwi ferry route"]))
    assert "We are selling two of our four boats and keep only the Stone Town - Nungwi ferry route." in body, body


def test_how_the_user_names_someone_is_no_point_to_make():
    """"when I mention the owner it's always Mr. Al-Sulaiti" tells the tool how to name him, not a line for the client."""
    s = situation(channel="call", reasons=["moving to depot work only", "formal, when I mention the owner it's always Mr. Al-Sulaiti"])
    assert "The owner it's always" not in Composer().compose(s, "call", "en")[0].text()


@pytest.mark.parametrize("note", [
    "they skip the impellers to save money. I don't work on engines run that way - say it as MY way of working, not that they're doing it wrong",
    "we can't carry the late payments any more. say it simply and kindly, Pong's a friend, no lecture",
])
def test_how_to_say_a_point_is_no_line_of_its_own(note):
    text = email(situation(reasons=[note], sender={"name": "Ann Lee", "solo": True}))
    assert "It as my way" not in text and "It simply" not in text and "no lecture" not in text, text


def test_say_it_like_this_dictates_the_reason():
    s = situation(reasons=["say it like this: I'll do the three tours already on my schedule, then I'm done"], sender={"name": "Ann Lee", "solo": True})
    text = email(s)
    assert "I'll do the three tours already on my schedule, then I'm done." in text and "It like this" not in text, text


@pytest.mark.parametrize(("handover", "said", "unsaid"), [
    # A label of what is done with the things is said as the step.
    (["give back: the company first-aid kit and 2 pairs of crampons - I'll drop them at the office on 28 Dec"],
     "return the company first-aid kit and 2 pairs of crampons", "hand over the give back"),
    # "everything of ours: …" lists what the sender collects.
    (["we collect everything of ours: frames, planks, netting"], "collect our frames, planks, netting", "collect our we collect"),
    # What already stays with the sender is no step to collect.
    (["my own microphone and radio are mine, they stay with me", "route notes"], "route notes", "collect my own microphone"),
    (["my worksheet bank stays mine; the printed copies he already has are his", "route notes"], "route notes", "worksheet bank stays mine"),
    # Nor is one only said to be ours, with no place of the client's it is in.
    (["my calipers, spoke tension meter and battery tester are mine", "route notes"], "route notes", "calipers"),
])
def test_handover_notes_typed_as_labels_are_said_as_steps(handover, said, unsaid):
    text = email(situation(handover=handover, sender={"name": "Ann Lee", "company": "Lee Tours", "solo": False}))
    assert said in text and unsaid not in text, text


def test_open_work_typed_as_a_verb_is_said_as_a_step():
    s = situation(open_work=[{"item": "strike the Agricola St scaffold once the masonry is signed off", "due": FUTURE}])
    text = Composer().compose(s, "meeting", "en")[0].text()
    assert "finish the strike" not in text and "strike the Agricola St scaffold" in text, text


@pytest.mark.parametrize(("language", "item", "said"), [
    # The sender's things the client returns or pays for are asked of the client, the count kept as typed.
    ("ru", "наши 40 паллет — вернуть вместе с товаром или оплатить по 450 ₽ за штуку",
     "Пожалуйста, верните наши 40 паллет вместе с товаром или оплатите по 450 ₽ за штуку."),
    ("en", "our 40 pallets - return with the goods or pay 4.50 each", "Please return our 40 pallets with the goods or pay 4.50 each."),
])
def test_the_senders_things_the_client_returns_or_pays_for_are_asked_of_them(language, item, said):
    s = situation(language=language, handover=[item])
    assert said in Composer().compose(s, "email", language)[0].text()


def test_a_russian_fact_about_the_client_in_the_third_person_is_not_quoted():
    s = situation(language="ru", include_facts=True,
                  facts=["счёт № 15 — перемаркировка 3 200 единиц, она его не признаёт", "20 ноября отправляли график погашения, ответа не было",
                         "работаем с марта 2025 года"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "не признаёт" not in text and "ответа не было" not in text and "с марта 2025 года" in text, text


@pytest.mark.parametrize(("language", "kind", "notes", "said", "unsaid"), [
    # The change the notes count is the fact behind the bank's line; the comment after it is the user's.
    ("en", "scope", ["the monthly report went from 4 pages to 30 pages this year - frankly absurd"],
     "The monthly report went from 4 pages to 30 pages this year.", "absurd"),
    # Clauses that count go with it; one that counts nothing is left.
    ("en", "time", ["site visits take 3 hours each, the drive is 90 minutes both ways, and nobody thanks us"],
     "Site visits take 3 hours each. The drive is 90 minutes both ways.", "nobody thanks"),
    ("ru", "scope", ["каждый отчёт теперь занимает 5 дней вместо 2, и это никого не волнует"],
     "Каждый отчёт теперь занимает 5 дней вместо 2.", "никого не волнует"),
    # A count about the client in the third person, a date or money is no such fact.
    ("en", "agreements", ["they cancel 3 shoots a month at the last minute"], None, "cancel 3 shoots"),
    ("ru", "agreements", ["присылают макеты на 5–7 дней позже графика"], None, "5–7 дней"),
    ("en", "payment", ["invoices are paid 60 days late on average"], None, "60 days late"),
])
def test_a_counted_change_in_the_notes_goes_before_the_line_for_its_kind(language, kind, notes, said, unsaid):
    text = email(situation(language=language, reason_kind=kind, reasons=notes, sender={"name": "Ann Lee", "solo": True}), language)
    assert (said is None or said in text) and unsaid not in text, text


@pytest.mark.parametrize(("notes", "said", "unsaid"), [
    # A line asked for word for word after a colon, with no quotes.
    (["I want this line in, exactly as written: I would rather close this well than keep stretching a small retainer."],
     "I would rather close this well than keep stretching a small retainer.", "exactly as written"),
    # A line the checker objects to only by a word it mends itself is said mended, not dropped.
    (["want this sentence in: I've loved the work, but I can't start a new season while the last one is still unpaid."],
     "I've loved the work, but I can't start a new season while the last one is unpaid.", "still unpaid"),
    # A label that wants the sentence in, with no "exactly".
    (["want this sentence in: I've really enjoyed teaching your guests, but I can't commit to another season."],
     "I've really enjoyed teaching your guests, but I can't commit to another season.", "sentence in"),
    # A dictated line that speaks warmly already is not followed by the stock line of fondness as well.
    (["want this sentence in: I've really enjoyed teaching your guests, but I can't commit to another season."],
     "I've really enjoyed teaching your guests, but I can't commit to another season.", "genuinely enjoyed"),
    # "not to mention:" forbids what follows, quotes and all.
    (["not to mention: the director's comment at the review that 'a student could do this'"], None, "a student could do this"),
])
def test_an_unquoted_exact_line_is_said_and_a_not_to_mention_note_is_not(notes, said, unsaid):
    text = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}))
    assert (said is None or said in text) and unsaid not in text, text


@pytest.mark.parametrize(("language", "note", "said", "again"), [
    # A label whose "exactly" is followed by "as I wrote it" before its colon.
    ("en", "put this sentence in exactly as I wrote it: We have valued the trust your team placed in our work over these years.",
     "We have valued the trust your team placed in our work over these years.", "Thank you again"),
    # «дословно» before a quote asks for those words.
    ("ru", "дословно: «Спасибо, что все эти годы приносили работу именно нам.»",
     "Спасибо, что все эти годы приносили работу именно нам.", "Ещё раз спасибо"),
])
def test_a_dictated_line_of_thanks_closes_the_letter_in_place_of_the_stock_thanks(language, note, said, again):
    reason = "I am moving to product work only" if language == "en" else "ухожу в продуктовую работу"
    text = email(situation(language=language, reasons=[reason, note], sender={"name": "Ann Lee", "solo": True}), language)
    # Said once, just before the wishes, and the wishes do not thank again.
    closing = text[text.index(said):]
    assert text.count(said) == 1 and again not in text and ("wish" in closing or "Жела" in closing), text


@pytest.mark.parametrize(("language", "note", "said", "answer"), [
    ("en", "pasted from his message of 2 December: 'Can I book you for the 19th? Guests ask for you' - answer: I'm not taking any dates this season",
     "As for your message of 2 December", "I'm not taking any dates this season"),
    # Its dotted date said in words, as the letter's other dates are.
    ("ru", "вставляю их письмо от 2.12: «Просим ускорить отгрузку до 11.12». Ответить: отгрузка до 18.12, как и договаривались",
     "В ответ на ваше сообщение от 2 декабря", "отгрузка до 18 декабря, как и договаривались"),
])
def test_the_users_answer_to_a_pasted_message_is_said_led_in_by_the_message(language, note, said, answer):
    text = email(situation(language=language, reasons=["I am moving to product work only" if language == "en" else "ухожу в продуктовую работу", note],
                           sender={"name": "Ann Lee", "solo": True}), language)
    assert said in text and answer in text, text
    # The answer is no reason for the decision: the reason the notes give stays.
    assert ("product work" if language == "en" else "продуктов") in text, text


def test_a_russian_safety_note_runs_past_an_address_abbreviation_and_keeps_its_object_pronoun():
    note = "один раз: над входом в дом на Троицкий пр., 118 висят сосульки, вход огородить сегодня, мы можем сбить их в понедельник"
    text = email(situation(language="ru", reasons=["ухожу в продуктовую работу", note], sender={"name": "Ann Lee", "solo": True}), "ru")
    assert "Троицкий пр., 118 висят сосульки" in text and "сбить их в понедельник" in text, text


def test_a_russian_note_of_what_comes_back_to_us_is_asked_of_the_client():
    s = situation(language="ru", handover=["вернуть нам: 60 пластиковых контейнеров после переезда"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "Пожалуйста, верните нам 60 пластиковых контейнеров после переезда." in text and "вернём нам" not in text, text


def test_a_russian_note_to_collect_things_from_the_senders_workshop_is_asked_of_the_client():
    s = situation(language="ru", handover=["секретер и зеркало в раме — забрать из мастерской до 15 января"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "заберите секретер" in text and "заберу секретер" not in text, text


def test_a_russian_thing_given_after_a_dash_is_no_one_it_goes_back_to():
    s = situation(language="ru", handover=["наша программа учёта остаётся у нас — отдаём выгрузку", "ключи от склада"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "выгрузку нашу" not in text and "ключи от склада" in text, text


def test_a_wording_label_is_not_said_with_the_reason():
    notes = ["how to put it: we see data quality differently and we can't keep signing monthly reports on numbers we can't check. "
             "that's the reason, nothing more"]
    text = email(situation(reasons=notes))
    assert "how to put it" not in text.lower() and "We see data quality differently" in text, text


def test_a_referral_part_about_the_user_is_their_story():
    text = email(situation(referral="Kemar Lewis - helps me on Saturdays, knows the grounds well", sender={"name": "Ann Lee", "solo": True}))
    assert "helps me" not in text and "Kemar Lewis, who knows the grounds well" in text, text


@pytest.mark.parametrize(("language", "handover", "said", "unsaid"), [
    # The thing ends where a verb of its own says where it is.
    ("ru", ["их запасной насос стоит у нас на складе — вернуть"], "верну ваш запасной насос", "насос стоит"),
    # The step is the part of the note that is one, after the user's asides.
    ("en", ["their label printer - it's theirs, bought 2023, give it back"], "give your label printer back", "bought 2023"),
    # "mine to collect:" labels the sender's own things.
    ("en", ["mine to collect: the laser level and the long ladder I left in the plant room"],
     "collect my laser level and the long ladder", "my mine"),
])
def test_a_handover_note_with_asides_is_said_as_its_step(language, handover, said, unsaid):
    s = situation(language=language, handover=handover)
    text = Composer().compose(s, "email", language)[0].text()
    assert said in text and unsaid not in text, text


def test_a_mark_on_the_reason_is_no_line_of_its_own():
    notes = ["I can't sign what I haven't inspected. that's the whole reason. say it once in plain words: "
             "I am not able to sign off the garage slab, and a core test before the next floor is the way to know"]
    text = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}))
    assert "whole reason" not in text and "a core test before the next floor is the way to know" in text, text


def test_a_handover_sentence_on_what_the_client_does_not_keep_is_not_said():
    s = situation(handover=["export of our booking system (CSV). they don't keep the system itself, that's our licence"])
    text = email(s)
    assert "export of our booking system (CSV)" in text and "licence" not in text, text


def test_a_label_in_the_senders_voice_says_the_step_for_its_list():
    s = situation(handover=["we take down and take away: stage, lighting rig, 4 heaters - dismantle 4-8 January"])
    text = email(s)
    assert "take down and take away the stage, lighting rig, 4 heaters 4-8 January" in text and "the we" not in text, text


def test_a_plan_typed_in_the_past_without_its_subject_is_the_reason():
    notes = ["took a full-time post at the county museum, start 1 March. can't do both"]
    text = email(situation(reasons=notes, sender={"name": "Ann Lee", "solo": True}))
    assert "I have taken a full-time post at the county museum" in text, text


def test_a_russian_note_with_the_senders_own_verb_before_the_dash_is_no_thing():
    s = situation(language="ru", handover=["доверенность на подачу отчётов отзываем с 1 января, доступ к их кабинету — отключаем"])
    text = Composer().compose(s, "email", "ru")[0].text()
    assert "оверенность на подачу отчётов отзываю с 1 января" in text and "тключ" not in text.split("оверенность")[0][-30:], text


@pytest.mark.parametrize(("step", "said"), [
    # A verb typed as a list's label: no colon in the sentence, and the sender's own things are «свой».
    ("забрать: мой штатив и две вехи в сторожке", "я заберу свой штатив и две вехи в сторожке"),
    ("забрать наше: вакуумный насос и баллон", "мы заберём вакуумный насос и баллон"),
    ("забрать две наши LED-панели", "мы заберём две наши LED-панели"),
])
def test_a_russian_step_typed_as_a_label_is_said_without_its_colon(step, said):
    from tactful.composer.grammar import first_person_step

    solo = said.startswith("я ")
    assert first_person_step(step, "ru", load_phrases("ru"), solo) == said


@pytest.mark.parametrize(("language", "item", "said"), [
    # An aside that speaks of the client by role is the user's note to the tool, not words for the client.
    ("ru", "копии решений по классификации (оригиналы и так у клиента)", "копии решений по классификации"),
    ("en", "copies of the classification rulings (the client has the originals anyway)", "copies of the classification rulings"),
    # Other asides stay.
    ("en", "copies of the classification rulings (PDF)", "copies of the classification rulings (PDF)"),
])
def test_an_aside_that_speaks_of_the_client_by_role_is_not_said(language, item, said):
    from tactful.composer.grammar import without_aside

    assert without_aside(item, load_phrases(language)) == said


@pytest.mark.parametrize(("referral", "name", "description"), [
    # A comma inside the name's own brackets does not end the name.
    ("кадастровый инженер Елена Шубина (ООО «Геоплан», Рязань) — садоводства ведёт много", "кадастровый инженер Елена Шубина (ООО «Геоплан», Рязань)",
     "садоводства ведёт много"),
    # A lone adjective is the user's judgement of the person: only the first clause describes her.
    ("Алина Мороз — ведёт соцсети под ключ, надёжная", "Алина Мороз", "ведёт соцсети под ключ"),
])
def test_a_russian_referral_is_named_whole_and_described_without_the_users_judgement(referral, name, description):
    from tactful.composer.grammar import referral_parts

    assert referral_parts(referral, "ru", load_phrases("ru"))[:2] == (name, description)


def test_a_referral_whose_name_has_brackets_takes_no_second_pair():
    s = situation(referral="кадастровый инженер Елена Шубина (ООО «Геоплан», Рязань) — садоводства ведёт много", language="ru")
    body = Composer().compose(s, "email", "ru")[0].content.body
    assert "Рязань)." in body and ") (" not in body, body


def test_after_whoever_a_they_is_that_person_not_the_client():
    from tactful.composer.grammar import to_you

    phrases = load_phrases("en")
    assert to_you("whoever cooks next must get the allergy sheet before they cook anything", "en", phrases).endswith("before they cook anything")
    assert to_you("a risk whoever takes over - they should be first on the list", "en", phrases).endswith("they should be first on the list")
    # The client choosing whoever it is stays the client.
    assert to_you("whoever they use next can do it", "en", phrases) == "whoever you use next can do it"


@pytest.mark.parametrize("note", [
    "safety, ONCE and calm: balseiro no. 4 (18,000 L) has two rusted hoops - it should not be filled above half until it is re-hooped. whoever they use next can do it",
    "safety point, say it once: balseiro no. 4 (18,000 L) has two rusted hoops - it should not be filled above half until it is re-hooped",
])
def test_a_safety_point_labelled_once_is_said_and_a_numbers_stop_does_not_end_it(note):
    s = situation(reasons=["reason to give: we see cask care differently", note], sender={"name": "Ann Lee", "company": "Lee Cooperage"})
    body = email(s)
    assert "Balseiro no. 4 (18,000 L) has two rusted hoops - it should not be filled above half until it is re-hooped." in body, body
    assert "safety," not in body.lower() and "ONCE" not in body and "4 has" not in body, body


def test_a_russian_safety_point_said_once_keeps_its_condition_and_a_money_point_is_left_to_the_invoices():
    s = situation(language="ru", sender={"name": "Айсен Слепцов", "company": "ИП Слепцов", "solo": False},
                  unpaid_invoices=[{"number": "№ 38", "amount": "85 000 ₽"}],
                  reasons=["не хватает людей и техники на такой объём",
                           "безопасность, ОДИН раз и спокойно: секции бортов 14-19 шатаются, стойки сгнили. пока не заменят, "
                           "туда нельзя пускать массовое катание",
                           "деньги: по № 38 остаток 85 000 ₽ висит с ноября. сказать номера и даты, без упрёков",
                           "новогодние каникулы отрабатываем полностью. уходим после 10 января"])
    body = Composer().compose(s, "email", "ru")[0].content.body
    assert "Секции бортов 14-19 шатаются, стойки сгнили. Пока не заменят, туда нельзя пускать массовое катание." in body, body
    # The invoice is asked for by the money lines; the note's «висит с ноября» is not said.
    assert "висит" not in body and "Деньги" not in body, body
    # «уходим после 10 января» is when, not why.
    assert "Мы уходим после 10 января" not in body, body


@pytest.mark.parametrize(("item", "said"), [
    ("our 6 rental pipes - they empty them and send them back by 22 January", "Please empty our 6 rental pipes and send them back by 22 January."),
    ("their 36 pipes in our workshop, repaired - they collect with their own lorry by 22 January",
     "Please collect your 36 pipes in our workshop, repaired, with your own lorry by 22 January."),
    ("the 20 spare fins I've been storing - they take them back", "Please take back the 20 spare fins I've been storing."),
    ("he still has my copy of the Kokufu-ten catalogue - please return it", "Please return my copy of the Kokufu-ten catalogue."),
    ("his 3 trees recovering in my garden - he collects them by 20 December", "Please collect your 3 trees recovering in my garden by 20 December."),
])
def test_a_thing_then_what_the_client_does_with_it_is_asked_of_them(item, said):
    body = email(situation(handover=[item, "the fleet list"], sender={"name": "Ann Lee", "company": "Lee Cooperage"}))
    assert said in body and "- they" not in body, body


@pytest.mark.parametrize("note", [
    "BUT the decontamination rule has to be said once, calmly, as a general rule: glass can only go to a glassblower cleaned and labelled as decontaminated",
    "safety - ONCE, no drama: glass can only go to a glassblower cleaned and labelled as decontaminated",
])
def test_a_point_to_be_said_once_is_said_however_the_label_is_typed(note):
    body = email(situation(reasons=["reason to give: I am cutting down to three days a week", note], sender={"name": "Ann Lee", "solo": True}))
    assert "Glass can only go to a glassblower cleaned and labelled as decontaminated." in body, body


def test_a_line_asked_for_is_kept_past_the_learned_readers_doubt_and_the_clients_reported_words_are_no_line():
    body = email(situation(reasons=[
        "reason to give: I am going back to shaping full time",
        "safety, once, calm: the 8 fibreglass boards with the snapped-and-glued fin boxes should not go out to beginners any more",
        'WB-27 they don\'t want to pay: say 11 boards "weren\'t fixed properly"'], sender={"name": "Ann Lee", "solo": True}))
    assert "The 8 fibreglass boards with the snapped-and-glued fin boxes should not go out to beginners any more." in body, body
    assert "fixed properly" not in body, body


def test_a_safety_point_said_on_its_own_does_not_choose_the_reason():
    s = situation(language="ru", reason_kind="agreements", reasons=[
        "с января хотят каждый день поставки вместо трёх в неделю, машина одна",
        "безопасность, ОДИН раз: розетка компрессора под водяным фильтром, на неё капает"])
    body = Composer().compose(s, "email", "ru")[0].content.body
    assert "требований безопасности" not in body and "Розетка компрессора под водяным фильтром" in body, body


@pytest.mark.parametrize(("item", "said"), [
    ("наши изотермические ящики (24 шт.) - ресторан возвращает с последней поставкой",
     "Пожалуйста, верните наши изотермические ящики с последней поставкой."),
    ("наши поддоны — они вывозят сами, на своей машине", "Пожалуйста, вывезите наши поддоны, на своей машине."),
])
def test_a_russian_thing_then_what_the_client_does_with_it_is_asked_of_them(item, said):
    s = situation(language="ru", handover=[item, "журнал работ"],
                  sender={"name": "Карен Оганесян", "company": "ООО «Форель»", "solo": False})
    body = email(s, "ru")
    assert said in body, body


def test_a_choice_to_collect_or_have_it_brought_is_no_request():
    s = situation(language="ru", handover=["журнал работ", "их насос — заберут сами или привезём"],
                  sender={"name": "Карен Оганесян", "company": "ООО «Форель»", "solo": False})
    assert "Пожалуйста, заберите" not in email(s, "ru")


def _day(days: int, language: str) -> str:
    from babel.dates import format_date

    return format_date(dt.date.today() + dt.timedelta(days=days), "d MMMM", locale=language)


@pytest.mark.parametrize(("language", "item", "said"), [
    ("ru", "наши 12 юрт - 6 зимних на базе демонтируем и вывозим {day}, 6 летних остаются на складе", "Мы также заберём свои 12 юрт {day}."),
    ("ru", "наш аквариум-садок и компрессор - забираем {day}, после праздников", "Мы также заберём свой аквариум-садок и компрессор {day}."),
    # Taken down («снимаем»), the sender's own things are taken back all the same.
    ("ru", "страховочные тросы и анкеры на кровлях — наши, снимаем {day}", "Мы также заберём страховочные тросы и анкеры на кровлях {day}."),
    ("en", "our 2 lifeguard towers and the spinal board - ours, collecting {day}", "We will also collect our 2 lifeguard towers and the spinal board on {day}."),
])
def test_the_senders_own_thing_collected_after_the_end_date_is_said_by_its_day(language, item, said):
    day = _day(93, language)
    s = situation(language=language, handover=[item.format(day=day), "the fleet list"],
                  sender={"name": "Ann Lee", "company": "Lee Cooperage", "solo": False})
    body = email(s, language)
    assert said.format(day=day) in body and "До даты завершения мы также заберём" not in body \
        and "Before the end date, we will also collect" not in body, body


@pytest.mark.parametrize(("item", "said"), [
    ("our mobile steam unit in cellar 2 - ours, collecting {day}", "We will also collect our mobile steam unit in cellar 2 on {day}."),
    # A time the notes name without a date ("with the last delivery") is the step's own time as well.
    ("our 400 plastic egg trays, collected with the last delivery", "We will also collect our 400 plastic egg trays with the last delivery."),
])
def test_the_senders_own_thing_collected_before_the_end_date_is_said_by_its_own_time(item, said):
    """"Before the end date, we will also collect … on 2 March" says the time twice, and "… with the last delivery" too."""
    day = _day(80, "en")
    s = situation(handover=[item.format(day=day), "the fleet list"], sender={"name": "Ann Lee", "company": "Lee Cooperage", "solo": False})
    body = email(s)
    assert said.format(day=day) in body and "Before the end date, we will also collect" not in body, body


def test_a_russian_own_thing_ends_where_its_verbs_start():
    day = _day(80, "ru")
    s = situation(language="ru", handover=[f"наши леса во дворе разбираем и вывозим {day}", "журнал работ"],
                  sender={"name": "Карен Оганесян", "company": "ООО «Форель»", "solo": False})
    body = email(s, "ru")
    assert f"Мы также заберём свои леса во дворе {day}." in body, body


@pytest.mark.parametrize(("note", "said"), [
    ("остаток дуба, оплаченный им по счёту № 41", "остаток дуба, оплаченный вами по счёту № 41"),
    ("передать им ключи", "передать вам ключи"),
])
def test_him_after_a_passive_participle_is_by_you(note, said):
    from tactful.composer.grammar import to_you
    from tactful.phrases import load_phrases

    assert to_you(note, "ru", load_phrases("ru")) == said


@pytest.mark.parametrize(("item", "said"), [
    # The particle goes with its verb, before a thing with commas of its own.
    ("condition survey, mortar analysis report and photo record of every wall, handed over as PDF",
     "hand over the condition survey, mortar analysis report and photo record of every wall as PDF"),
    ("service logbook, run-hours record and the warranty papers, handed to Mr Nwosu",
     "hand the service logbook, run-hours record and the warranty papers to Mr Nwosu"),
    # The dash before the state goes with it.
    ("the service log book for each engine - handed over", "hand over the service log book for each engine."),
    # A thing typed with what happens to it ends where that starts.
    ("the espresso machines stay with the hotels - they are theirs", "leave the espresso machines with you"),
    ("my shotgun mic left in the studio's meeting room comes back to me", "collect my shotgun mic left in the studio's meeting room."),
    # The sender's own things in the passive are their step.
    ("our diagnostic tool and our relays are collected from machine room B", "collect our diagnostic tool and our relays from machine room B"),
])
def test_an_english_handover_note_with_its_participle_or_verb_is_said_as_one_step(item, said):
    body = email(situation(handover=[item, "the fleet list"], sender={"name": "Ann Lee", "company": "Lee Cooperage"}))
    assert said in body, body


def test_a_step_on_the_end_date_is_no_step_before_it_and_the_same_day_goes_with_it():
    from tactful.dates import parse_date

    end = parse_date(FUTURE)
    day = _day((end - dt.date.today()).days, "en")
    body = email(situation(handover=["the fleet list", f"our load bank and tool cabinet collected on {day}",
                                     "the generator-house key returned the same day"],
                           sender={"name": "Ann Lee", "company": "Lee Cooperage", "solo": False}))
    assert f"We will also collect our load bank and tool cabinet on {day}, and return the generator-house key the same day." in body, body


def test_a_step_typed_same_day_goes_after_the_dated_step_not_before_the_end_date():
    """"the fob and the pass - returned same day", typed before the dated step in the notes' order of kinds: said after
    it, not under "Before the end date" with nothing for "same day" to point back to."""
    body = email(situation(handover=["the fleet list", "their dock fob and the parkade pass - returned same day",
                                     "our consoles and bins collected on 5 March 2031"],
                           sender={"name": "Ann Lee", "company": "Lee Cooperage", "solo": False}))
    assert "return your dock fob and the parkade pass the same day." in body and "Before the end date" not in body, body


def test_a_step_on_a_day_of_the_month_is_said_by_that_day():
    body = email(situation(handover=["the fleet list", "studio key back to reception on the 19th"],
                           sender={"name": "Ann Lee", "solo": True}))
    assert "Before the end date" not in body and "on the 19th" in body, body


@pytest.mark.parametrize(("language", "item", "said"), [
    ("en", "our lime mix recipes are not handed over", "Our lime mix recipes stay with us."),
    ("en", "my species ID guides and the slides for the guest talks stay mine", "My species ID guides and the slides for the guest talks stay with me."),
    ("ru", "мои струбцины, шаблоны и инструменты остаются у меня", "Мои струбцины, шаблоны и инструменты остаются у меня."),
])
def test_what_stays_with_the_sender_typed_as_a_statement_is_said_once(language, item, said):
    s = situation(language=language, handover=[item, {"en": "the fleet list", "ru": "журнал работ"}[language]],
                  sender={"name": "Ann Lee", "company": "Lee Cooperage", "solo": item.startswith(("my", "мои"))})
    body = email(s, language)
    assert body.count(said) == 1, body


@pytest.mark.parametrize(("language", "item", "unsaid"), [
    ("en", "the film reels of batch 5 never left the Society - they stay where they are", "film reels"),
    ("ru", "бобины пятой партии никуда не уезжали из общества, остаются на месте", "обин"),
    ("ru", "остатки сукна и резина для бортов — клубные, остаются", "сукн"),
])
def test_what_never_left_the_client_is_not_handed_over(language, item, unsaid):
    s = situation(language=language, handover=[{"en": "the fleet list", "ru": "журнал работ"}[language], item],
                  sender={"name": "Ann Lee", "company": "Lee Archive", "solo": False})
    for channel in ("email", "meeting"):
        text = Composer().compose(s, channel, language)[0].text()
        assert unsaid not in text and {"en": "fleet list", "ru": "журнал работ"}[language] in text, text


def test_a_note_to_the_tool_about_what_is_kept_is_not_said():
    body = email(situation(handover=["the fleet list", "the Directory login is MY paid subscription, don't offer the password"],
                           sender={"name": "Ann Lee", "solo": True}))
    assert "password" not in body, body


def test_a_request_inside_the_listed_handover_plan_starts_with_a_small_letter():
    from tactful.composer.grammar import in_list
    from tactful.phrases import load_phrases

    assert in_list(["the fleet list", "Please collect your manuals", "Our recipes stay with us", "Ida's notes"], load_phrases("en")) \
        == "the fleet list; please collect your manuals; our recipes stay with us; Ida's notes"


@pytest.mark.parametrize(("language", "note", "said"), [
    ("ru", "скажите дословно: Я двенадцать лет слушал, как ваши дети играют, и это была лучшая плата за мою работу.",
     "Я двенадцать лет слушал, как ваши дети играют, и это была лучшая плата за мою работу."),
    ("en", "say word for word: Twelve years of your concerts were the best pay I ever had.",
     "Twelve years of your concerts were the best pay I ever had."),
])
def test_a_line_to_say_word_for_word_is_said(language, note, said):
    s = situation(language=language, reasons=[{"en": "reason to give: I am moving to making new instruments only",
                                               "ru": "причина: с нового года только изготовление новых инструментов"}[language], note],
                  sender={"name": "Ann Lee", "solo": True})
    assert said in email(s, language)


@pytest.mark.parametrize(("note", "said", "kept"), [
    ("один раз и спокойно: в ванную маму одну не пускать, пока не поставят поручень",
     "В ванную маму одну не пускайте, пока не поставят поручень.", None),
    # A word that already carries the rule keeps the infinitive.
    ("один раз: проектор нельзя запускать без работающей вытяжки", None, "нельзя запускать"),
    # The rule after what is wrong, in a later clause, is asked too; a clause hanging on another is not.
    ("безопасность, один раз: на крыше у П-3 оторвана секция ограждения, туда людей без страховки не пускать, пока не восстановят",
     "туда людей без страховки не пускайте, пока не восстановят", None),
    ("один раз: у дефибриллятора истёк срок батареи — заменить срочно, чтобы не подвёл", "замените срочно, чтобы не подвёл", None),
    # «Пусть …» of the client's people is asked of the client.
    ("один раз: холодильник для отходов не держит температуру, пусть вызовут мастера", "вызовите мастера", None),
])
def test_a_russian_rule_typed_as_an_infinitive_is_said_as_a_request(note, said, kept):
    s = situation(language="ru", reasons=["причина: ухожу в продуктовую работу", note], sender={"name": "Анна Ли", "solo": True})
    body = email(s, "ru")
    assert (said or kept) in body, body


def test_a_russian_rule_to_a_friend_is_asked_on_ty():
    s = situation(language="ru", reasons=["причина: ухожу механиком на ратраки", "мы на ты, друзья со школы",
                                          "один раз: у сушилки для ботинок оплавилась вилка, пусть выкинет её или поменяет шнур"],
                  sender={"name": "Анна Ли", "solo": True})
    body = email(s, "ru")
    assert "выкинь её или поменяй шнур" in body, body


@pytest.mark.parametrize(("note", "said"), [
    ("у быка-производителя треснуло звено цепи — подходить к нему только вдвоём", "подходить к нему только вдвоём"),
    # A person the note speaks of is the client, said to them.
    ("директор уходит, ключи у него", "ключи у вас"),
])
def test_an_animal_the_note_speaks_of_is_no_client(note, said):
    from tactful.composer.grammar import to_you
    from tactful.phrases import load_phrases

    assert said in to_you(note, "ru", load_phrases("ru"))


@pytest.mark.parametrize(("language", "notes", "said", "unsaid"), [
    # A note asking the client to take their things, or kept for when they ask, gives no reason.
    ("ru", ["по договору было 14 экспонатов. теперь просят ещё лося и свет в витринах за те же деньги. это уже другой объём, такой я не беру",
            "лося не беру ни в каком виде — если спросят", "шкуру лося, которую музей привёз ко мне, — пусть заберут до 18-го, мне морозильник нужен"],
     "объём", "морозильник нужен"),
    # An aside in brackets does not split the dictated reason, and the clause left goes without its "and".
    ("en", ["Roxanne (my partner in this, the Best in Clarke & Best) is moving to Toronto to be near her grandchildren, and I can't do 24 residents "
            "on a Thursday on my own - not properly. that's the whole reason"], "I can't do 24 residents on a Thursday", "(my partner"),
])
def test_the_reason_is_read_from_the_note_that_gives_it(language, notes, said, unsaid):
    text = email(situation(language=language, reasons=notes, reason_kind="scope" if language == "ru" else None,
                           sender={"name": "Ann Lee" if language == "en" else "Аркадий Лаптев", "solo": True}), language)
    assert said in text and unsaid not in text and "And I" not in text, text


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    # The sentence the mark closes points back ("that"): the one before it goes first, its late payments said of no one.
    ("en", "we buy the stone and the fittings up front and they pay 60-90 days late, all year. we can't carry that any more, thats the reason",
     "We buy the stone and the fittings up front and payments come 60-90 days late, all year. We cannot carry that any more.", "they pay"),
    ("ru", "мы закупаем плитку и клей заранее, а они платят через 80–90 дней. мы это больше не тянем — так и написать",
     "оплата приходит через 80–90 дней", "они платят"),
    # A point to say that points back follows the sender's own sentence, not the one about the client.
    ("en", "we dive only in the morning and we cancel when the swell is up. the resort sells 'guaranteed afternoon dives'. "
           "it's how we work, we won't change it - say that, not as a complaint about them",
     "We dive only in the morning and we cancel when the swell is up. It's how we work", "guaranteed afternoon"),
])
def test_a_reason_that_points_back_is_said_after_the_sentence_it_points_to(language, note, said, unsaid):
    text = email(situation(language=language, reasons=[note], sender={"name": "Ann Lee", "solo": False}), language)
    assert said in text and unsaid not in text, text


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    # A date whole with its day ends its sentence at the abbreviation's dot.
    ("say once: the lift's door sensor is faulty, it closed on a guest on 28 nov. nobody should use it until the sensor is replaced",
     "on 28 November. Nobody should use it", None),
    # What the client claims is no promise of the sender's.
    ("statement 1125 for six lessons missing from the payment; the school says they were refunded", None, "were refunded"),
])
def test_a_safety_point_keeps_its_sentence_end_and_a_claim_of_the_clients_is_not_promised(note, said, unsaid):
    text = email(situation(reasons=["I am moving to product work only", note], sender={"name": "Ann Lee", "solo": True}))
    assert (said is None or said in text) and (unsaid is None or unsaid not in text), text


def test_a_forbidden_note_gives_no_topic_for_the_reason():
    # The bank's line for how people are treated would hint at the incident the user forbids.
    notes = ["the last-minute changes wear me down, 48-hour turnarounds on full suites",
             "don't mention the bride who screamed at me in the orangery. not a word, not even 'difficult moments'"]
    text = email(situation(reasons=notes, reason_kind="time", sender={"name": "Ann Lee", "solo": True}))
    assert "respectful" not in text and "screamed" not in text, text


@pytest.mark.parametrize(("language", "note", "context", "said"), [
    ("en", "answer her message below: no to the free rig on 19 Dec, I can quote it separately",
     "From Sabine Hofbauer, 3 Dec 2026, 21:14:\nDear Clara, we would need you to rig the trapezes on the 18th for free.",
     "As for your message of 3 December 2026: no to the free rig on 19 December, I can quote it separately."),
    ("ru", "ответить на её сообщение (ниже): смету на школу не беру — это новый объект и вне договора",
     "Сообщение от Чебодаевой И. Г. в WhatsApp, 4 декабря 2026, 19:52:\nНужна смета на ремонт школы до 15.12.",
     "В ответ на ваше сообщение от 4 декабря 2026 года: смету на школу не беру — это новый объект и вне договора."),
])
def test_the_users_answer_to_a_message_pasted_below_the_notes_is_said_dated_by_its_header(language, note, context, said):
    reason = "I am moving to product work only" if language == "en" else "ухожу в продуктовую работу"
    text = email(situation(language=language, reasons=[reason, note], context=context, sender={"name": "Ann Lee", "solo": True}), language)
    assert said in text, text


@pytest.mark.parametrize("channel", ["email", "call"])
def test_a_point_to_say_once_is_never_the_reason(channel):
    notes = ["they want 20-minute classes of 25 people, that's not how I teach",
             "safety, say once: the footstrap on the grey reformer is fraying, I've taken it out of use - nobody should use that reformer until the strap is replaced"]
    s = situation(reasons=notes, reason_kind="approach", sender={"name": "Ann Lee", "solo": True})
    text = Composer().compose(s, channel, "en")[0].text()
    # Said once, as the point, and neither as the news nor as the answer to "why?".
    assert text.lower().count("footstrap") == 1 and "Safety, say once" not in text, text


@pytest.mark.parametrize(("note", "said", "unsaid"), [
    # A date typed with dots is said in words, as the message's other dates are, in every channel.
    ("наш нивелир — вернуть до 25.12", "25 декабря", "25.12"),
    ("гарантия истекла 12.03.2026, больше не продлевали", "12 марта 2026 года", "12.03.2026"),
])
@pytest.mark.parametrize("channel", ["email", "call", "meeting"])
def test_a_russian_date_typed_with_dots_is_said_in_words(note, said, unsaid, channel):
    s = situation(language="ru", reasons=["причина: ухожу в продуктовую работу", f"сказать: {note}"], handover=[note],
                  sender={"name": "Анна Ли", "solo": True})
    text = Composer().compose(s, channel, "ru")[0].text()
    assert said in text and unsaid not in text, text


def test_a_clause_number_with_a_dot_is_no_date():
    from tactful.composer.grammar import dates_in_words
    from tactful.phrases import load_phrases

    assert dates_in_words("по п. 10.12 договора, раздел 12.10; до 10.12", load_phrases("ru")) == "по п. 10.12 договора, раздел 12.10; до 10 декабря"


@pytest.mark.parametrize("channel", ["email", "call", "meeting"])
def test_an_english_month_cut_short_after_its_day_is_said_in_full(channel):
    s = situation(reasons=["reason: I am moving to product work only"], handover=["my label printer - I collect it on 9 Dec"],
                  sender={"name": "Ann Lee", "solo": True})
    text = Composer().compose(s, channel, "en")[0].text()
    assert "9 December" in text and "9 Dec " not in text and "9 Dec." not in text, text


@pytest.mark.parametrize(("language", "item", "said"), [
    # Our thing at the client's, "to return": the client returns it to us; where it stands is the user's note.
    ("ru", "наш термопринтер для этикеток стоит у неё в офисе с сентября — вернуть до 21.01",
     "Пожалуйста, верните наш термопринтер для этикеток до 21 января."),
    ("en", "our label printer is in her office since September - return by 21 Jan", "Please return our label printer by 21 January."),
    ("en", "my two sketchbooks are on her shelf since the design meeting - I want them back", "Please return my two sketchbooks."),
    # The story of the thing ends it, its subject too («Саня брал домой»); a holiday typed short is said in full.
    ("ru", "мою горелку для ремонта скользяка Саня брал домой в октябре — пусть вернёт до НГ",
     "Пожалуйста, верните мою горелку для ремонта скользяка до Нового года."),
    # A clause on «что» after a comma is the thing's story too.
    ("ru", "мой фон и стойку, что стоят в фойе у фотостены с юбилея в октябре, — вернуть мне до 31.01",
     "Пожалуйста, верните мой фон и стойку мне до 31 января."),
])
def test_our_thing_to_return_is_asked_of_the_client(language, item, said):
    s = situation(language=language, handover=[item, {"en": "the fleet list", "ru": "журнал работ"}[language]],
                  reasons=[{"en": "I'm moving to product work only", "ru": "ухожу в продуктовую работу"}[language]],
                  sender={"name": "Ann Lee", "solo": True})
    text = Composer().compose(s, "email", language)[0].text()
    assert said in text, text


@pytest.mark.parametrize(("language", "client", "note", "unsaid", "said"), [
    # An aside that the decision is not about this client is said in its own line, not pasted into the reason.
    ("en", {"name": "Lakeside Spa Hotel"}, "from 2027 we only build new saunas, no maintenance contracts for anyone. not about them",
     "Not about them", "nothing to do with you personally"),
    ("en", {"name": "Demerara Heritage Society", "contact": "Mrs Persaud"},
     "we are closing the Georgetown lab at the end of february. say it plainly - nothing to do with the Society",
     "with the Society", "nothing to do with you personally"),
    ("ru", {"name": "ИП Лаптева", "contact": "Евгения Викторовна Лаптева"},
     "с февраля закрываем контрактное производство для всех клиентов. к Евгении Викторовне претензий нет, скорее наоборот — так и сказать",
     "претензий нет", "не связано с вами лично"),
])
def test_an_aside_that_it_is_not_about_the_client_is_its_own_line(language, client, note, unsaid, said):
    s = situation(language=language, client=client, reasons=[note])
    text = email(s, language)
    assert unsaid not in text and said in text, text


def test_a_note_on_who_else_gets_the_same_letter_is_not_said():
    s = situation(reasons=["from 2027 we only do design-build of new parks and trails, all our maintenance contracts stop. "
                           "same letter goes to two other parks this week - nothing they did"])
    text = email(s)
    assert "same letter" not in text.lower() and "nothing to do with you personally" in text, text


def test_a_contact_called_by_patronymic_alone_is_you_in_the_handover():
    s = situation(language="ru", client={"name": "бильярдный клуб «Карамболь»", "contact": "Михалыч"},
                  handover=["журнал работ", "ключ от подсобки отдам Михалычу 26.12"], sender={"name": "Азамат Шогенов", "solo": True})
    text = email(s, "ru")
    assert "отдам вам" in text and "Михалычу" not in text, text


@pytest.mark.parametrize(("solo", "item", "said", "unsaid"), [
    # «привозим 26 декабря» is the sender's plan typed in the present: the letter says what the sender will do.
    (False, "их морозильный ларь, который с лета стоит у нас, — привозим 26 декабря", "привезём ваш морозильный ларь", "Привозим"),
    (False, "остаток этикеток с их логотипом — возвращаем", "вернём остаток этикеток с вашим логотипом", "Возвращаем"),
    (True, "стилевой лист с моими дополнениями — отдаю", "я также отдам стилевой лист с моими дополнениями", "отдаю"),
])
def test_a_step_typed_in_the_present_is_said_as_the_senders_plan(solo, item, said, unsaid):
    s = situation(reasons=["с января переходим только на свои продукты"], handover=["коды сигнализации", item],
                  sender={"name": "Анна Ли", "solo": solo})
    body = email(s, "ru")
    assert said in body and unsaid not in body


def test_a_handover_note_that_states_a_fact_is_said_as_it_is_not_handed_over():
    """«документы … закрыты» says what is already done: no object of «передадим»."""
    s = situation(reasons=["с января переходим только на свои продукты"],
                  handover=["коды сигнализации", "ветеринарные документы по всем партиям в «Меркурии» закрыты"])
    body = email(s, "ru")
    assert "Ветеринарные документы по всем партиям в «Меркурии» закрыты." in body and "передадим ветеринарные" not in body


@pytest.mark.parametrize(("language", "fact", "said"), [
    ("ru", "договор поставки № 12/24 от 01.03.2024, п. 7.3 — уведомление за 14 дней", "пунктом 7.3 договора поставки № 12/24 от 1 марта 2024 года"),
    ("en", "service agreement dated 1 May 2024, clause 9 - 60 days' written notice", "under clause 9 of our service agreement dated 1 May 2024"),
])
def test_a_formal_notice_names_the_contract_as_the_notes_give_it(language, fact, said):
    """The notes give the contract's number or date: the notice says which contract it ends."""
    clause = "7.3" if language == "ru" else "9"
    s = situation(reasons=["с января переходим только на свои продукты" if language == "ru" else "we're moving to our own products"],
                  facts=[fact], contract={"clause": clause, "notice_days": 14 if language == "ru" else 60}, end_date="2031-03-31")
    assert said in email(s, language)


def test_a_possessive_after_a_preposition_takes_the_case_the_preposition_asks_for():
    from tactful.composer.grammar import to_you

    assert to_you("мой тахеометр и штатив из их бытовки", "ru", load_phrases("ru")) == "мой тахеометр и штатив из вашей бытовки"
    assert to_you("их бирки и пакеты", "ru", load_phrases("ru")) == "ваши бирки и пакеты"


def test_the_person_greeted_named_as_the_subject_of_a_step_is_said_to_as_you():
    """«… или Елена Викторовна выкупит» in a letter to Елена Викторовна: «или вы выкупите»."""
    s = situation(reasons=["с января переходим только на свои продукты"], client={"name": "ИП Тарханова", "contact": "Елена Викторовна Тарханова"},
                  handover=["коды сигнализации", "непроданное с реализации — заберём 30 декабря или Елена Викторовна выкупит по оптовой цене"])
    body = email(s, "ru")
    assert "или вы выкупите по оптовой цене" in body and "Елена Викторовна выкупит" not in body


def test_last_minute_changes_to_work_that_is_no_meeting_are_not_called_meetings():
    """The bank's line for last-minute changes speaks of the orders, not of «встречи» the work may not have."""
    s = situation(reasons=["постоянные переносы и отмены заказов в последний момент"], reason_kind="agreements",
                  project="доставка продуктов в кафе")
    body = email(s, "ru")
    assert "изменения в последний момент" in body and "встречи" not in body


def test_what_the_sender_took_on_at_first_is_history_not_the_reason():
    """«брал разбивку …» says what the work was; quoted alone, with what the client now wants cut away, it is a
    fragment with no reason in it."""
    s = situation(reasons=["брал разбивку и съёмки по 40 домам. теперь хотят ещё топосъёмку дорог — за ту же сумму"],
                  reason_kind="scope", sender={"name": "Андрей Ковальчук", "solo": True})
    body = email(s, "ru")
    assert "Брал разбивку" not in body and "вышла за рамки" in body


@pytest.mark.parametrize("channel", ["email", "call"])
def test_sums_without_an_invoice_number_are_asked_for_as_sums_not_invoices(channel):
    """Pay owed with no invoice («25 000 ₽ за ноябрь») is not called «счёт» when two such sums fall due on two days."""
    s = situation(reasons=["с января переходим только на свои продукты"], end_date="2031-03-31",
                  unpaid_invoices=[{"amount": "25 000 ₽", "due": "2031-02-10"}, {"amount": "65 000 ₽", "due": "2031-03-30"}])
    draft = Composer().compose(s, channel, "ru", "formal")[0]
    text = draft.content.body if channel == "email" else " ".join(draft.content.points)
    assert not re.search(r"(?<![а-яё])сч[её]т(?![а-яё])", text) and re.search(r"оплатить 25 000 (?:₽|рублей) до 10 февраля", text), text


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    ("en", "our head cutter Gail retires in January and two machinists are moving away, so we are down to three",
     "Our head cutter retires in January", "Gail"),
    ("ru", "наш технолог-закройщик Галина Фёдоровна в январе уходит на пенсию, две швеи переезжают — остаёмся втроём",
     "Наш технолог-закройщик в январе уходит на пенсию", "Галина"),
])
def test_a_team_that_gets_smaller_is_the_reason_and_its_people_are_named_by_role(language, note, said, unsaid):
    s = situation(reasons=[note], reason_kind="team", sender={"name": "Tess Lane", "company": "Lane Linen Ltd"})
    body = email(s, language)
    assert said in body and unsaid not in body


@pytest.mark.parametrize(("language", "note", "said"), [
    ("en", "he also asked to keep all my raw files. no - the raws stay mine, guests get the edited galleries. say it clearly but nicely",
     "The raws stay mine, guests get the edited galleries."),
    ("ru", "просили отдать исходники. нет — исходники остаются у меня, клиенты получают готовые фото. сказать ясно, но мягко",
     "Исходники остаются у меня, клиенты получают готовые фото."),
])
def test_a_point_to_say_does_not_open_on_a_refusal_of_an_ask_the_letter_does_not_quote(language, note, said):
    s = situation(reasons=["I'm moving to weddings only" if language == "en" else "перехожу только на свадьбы", note],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s, language, "warm")
    assert said in body and "No -" not in body and "Нет —" not in body, body


def test_a_point_to_say_keeps_a_name_in_quotes_inside_it():
    """«один раз сказать: задние колодки на «Камри» на пределе …»: the quoted name is part of the point, not its end."""
    s = situation(reasons=["перехожу на работу в такси", "один раз сказать: задние колодки на «Камри» на пределе, на ТО 21-го поменяют"],
                  sender={"name": "Анна Ли", "solo": True})
    body = email(s, "ru", "warm")
    assert "Задние колодки на «Камри» на пределе" in body and "на. «Камри»" not in body, body


def test_verbs_a_slash_offers_are_each_asked_for_as_a_choice():
    from tactful.composer.grammar import request_form

    assert request_form("отодвинуть/закрепить, пока не заберём") == "отодвиньте или закрепите, пока не заберём"
    assert request_form("снять меня, сменить пароли") == "снимите меня, смените пароли"


@pytest.mark.parametrize(("handover", "said", "unsaid"), [
    # A dash inside quotes is part of a name, not the end of the thing.
    (["password vault 'Acme - Admin' - transfer ownership to Mr Reyes"], "transfer ownership of the password vault 'Acme - Admin' to you",
     "vault 'Acme\n"),
    # A verb before "myself" makes the note a step, not a thing handed over.
    (["take myself off as admin", "route notes"], "take myself off as admin", "the take myself"),
    # The client's things spoken of in the third person are said to them.
    (["the 20 sample boards they paid for - courier back on 18 December", "route notes"],
     "courier the 20 sample boards you paid for back", "they paid for"),
    (["the 20 sample boards she left with us", "route notes"], "the 20 sample boards you left with us", "she left"),
    (["our slide deck is our own material; they keep the printed handouts", "route notes"], "you keep the printed handouts", "they keep"),
])
def test_handover_notes_are_said_to_the_client_as_things_or_steps(handover, said, unsaid):
    s = situation(client={"name": "Northwind Traders LLC", "contact": "Mr Daniel Reyes"}, handover=handover,
                  sender={"name": "Ann Lee", "company": "Lee Tours", "solo": False})
    text = email(s)
    assert said in text and unsaid not in text, text


def test_work_typed_as_a_gerund_with_its_own_object_is_done_for_the_thing():
    """"spring tour - finish booking the 7 venues": the thing is what the booking is for, not its object."""
    s = situation(open_work=[{"item": "spring tour - finish booking the 7 venues and send the confirmation sheet", "due": FUTURE}],
                  sender={"name": "Ann Lee", "solo": True})
    text = email(s)
    assert "finish booking the 7 venues for the spring tour and send the confirmation sheet" in text, text


@pytest.mark.parametrize(("language", "contact", "note", "attendees", "when"), [
    ("en", "Ms Dana Whitfield", "meeting Wed 9 Dec 10am at the theatre, Dana + the artistic director (Paul Jaeger). formal",
     ["Ms Whitfield", "the artistic director (Paul Jaeger)"], "Wednesday 9 December 2026, 10am, at the theatre"),
    ("en", "Tebogo Kgosi", "meeting Tue 8 Dec, 15:30, their office in Maun. the owner (Mr Van der Berg) may sit in",
     ["Tebogo Kgosi", "the owner (Mr Van der Berg; may join)"], "Tuesday 8 December 2026, 15:30, their office in Maun"),
    ("ru", "Исаева Наталья Геннадьевна", "встреча ср 9.12 в 11:00 у них в офисе на Первомайском, будет ещё их сисадмин Олег",
     ["Наталья Геннадьевна", "их сисадмин Олег"], "среда, 9 декабря 2026 года, 11:00, у них в офисе на Первомайском"),
    ("ru", "Артём Владимирович", "встреча чт 10.12 в 14:00, Артём Владимирович + их юрист. если будут считать строго — до 8.01",
     ["Артём Владимирович", "их юрист"], "четверг, 10 декабря 2026 года, 14:00"),
    # "Alan and Tasha Greene (practice manager)", "6.15, back office"; «Наталья Павловна и инженер Сорокин», «утром, в зоопарке».
    ("en", "Dr Alan Brooks", "meeting Thursday 10 Dec, 9:30, their Decatur office - Alan and Tasha Greene (practice manager). formal",
     ["Dr Brooks", "Tasha Greene (practice manager)"], "Thursday 10 December 2026, 9:30, their Decatur office"),
    ("en", "Eoin Walsh", "meeting Friday 11 Dec after close, 6.15, back office. warm",
     ["Eoin Walsh"], "Friday 11 December 2026, 6.15, back office"),
    ("ru", "Наталья Павловна Ким", "встреча в четверг 10 декабря в 15:00, Наталья Павловна и инженер Сорокин",
     ["Наталья Павловна", "инженер Сорокин"], "четверг, 10 декабря 2026 года, 15:00"),
    ("ru", "Евгений Орлов", "встреча в пятницу 11 декабря утром, в зоопарке, с Евгением",
     ["Евгений"], "пятница, 11 декабря 2026 года, в зоопарке"),
])
def test_a_meeting_plan_lists_the_clients_people_and_says_when_and_where(language, contact, note, attendees, when):
    """The people a meeting note names besides the contact attend; what «будут считать» says is no one."""
    s = situation(client={"name": "Northwind Traders LLC", "contact": contact}, reasons=[note], language=language,
                  end_date="2027-01-29", facts=["written on 7 December 2026" if language == "en" else "пишу 7 декабря 2026"],
                  sender={"name": "Ann Lee" if language == "en" else "Анна Ли"})
    content = Composer().compose(s, "meeting", language)[0].content
    assert content.attendees[:len(attendees)] == attendees and len(content.attendees) == len(attendees) + 1, content.attendees
    assert content.when == when


def test_a_meeting_plan_says_no_when_the_notes_give_none():
    content = Composer().compose(situation(reasons=["the meeting is at the end of the week"]), "meeting", "en")[0].content
    assert content.when == "" and "When" not in Composer().compose(situation(), "meeting", "en")[0].text()


def test_a_line_put_in_exactly_is_said_word_for_word():
    s = situation(reasons=["moving to weddings only", "put in exactly this: It has been a joy to see the shop grow from one stall to three."],
                  sender={"name": "Ann Lee", "solo": True})
    assert "It has been a joy to see the shop grow from one stall to three." in email(s, "en", "warm")


def test_a_point_the_user_asks_to_tell_early_is_said():
    """"…, tell him early so he can sort it": the point before the ask is made, without the ask."""
    s = situation(reasons=["moving to weddings only", "cubes only until the end, no block ice for the party, tell him early so he can sort it"],
                  sender={"name": "Ann Lee", "solo": True})
    text = Composer().compose(s, "call", "en", "brief")[0].text()
    assert "no block ice for the party" in text and "tell him early" not in text, text


def test_a_referral_tip_to_ask_for_someone_is_not_a_description():
    s = situation(referral="Polar Ice in Higuey - ask for Ramon, they deliver to the north strip", sender={"name": "Ann Lee", "solo": True})
    text = email(s)
    assert "Polar Ice in Higuey" in text and "an ask for" not in text, text


def test_a_reason_in_the_senders_voice_writes_out_every_negative_contraction():
    """"we're taking on …, we haven't the crew": a letter writes "have not" as it writes "cannot"."""
    from tactful.composer.context import written_out
    from tactful.phrases import load_phrases

    said = written_out("We can't and we haven't, they weren't, it didn't, we couldn't", load_phrases("en"))
    assert said == "We cannot and we have not, they were not, it did not, we could not"


def test_the_addressees_name_after_a_noun_is_said_as_yours():
    """«отвезти маму Елены Аркадьевны» to Елена Аркадьевна: «вашу маму», never «маму вас»."""
    s = situation(client={"name": "Белоусова Елена Аркадьевна"}, language="ru", sender={"name": "Виктор Ли", "solo": True},
                  open_work=[{"item": "отвезти маму Елены Аркадьевны в Ставрополь на приём", "due": FUTURE}])
    body = email(s, "ru", "warm")
    assert "вашу маму" in body and "маму вас" not in body, body


def test_an_abbreviation_after_adjectives_keeps_its_form():
    """«плановое ТО» is no «плановый ТОт»: the dictionary's «то» is not the abbreviation's reading."""
    from tactful.wording import inflect_phrase

    assert inflect_phrase("плановое ТО «Камри»", "accs", things=True) == "плановое ТО «Камри»"
    assert inflect_phrase("плановое ТО", "gent", things=True) == "планового ТО"


def test_a_dictated_line_keeps_the_quotes_inside_it():
    """«вставить дословно: «Мы благодарны “Дому продуктов” за …»»: the inner quotes do not end the line."""
    s = situation(language="ru", sender={"name": "Анна Ли", "company": "ООО «Ли»"},
                  reasons=["вставить дословно: «Мы благодарны “Дому продуктов” за семь лет совместной работы»"])
    body = email(s, "ru")
    assert "Мы благодарны “Дому продуктов” за семь лет совместной работы" in body, body


def test_a_brand_in_capitals_is_no_persons_name():
    """«кассы АТОЛ» are things: «заберём кассы АТОЛ», not «касс АТОЛа»."""
    from tactful.wording import inflect_phrase

    assert inflect_phrase("наши подменные кассы АТОЛ (2 шт.)", "accs", things=True) == "наши подменные кассы АТОЛ (2 шт.)"


def test_the_clients_things_that_stay_with_them_are_not_handed_over():
    s = situation(language="ru", sender={"name": "Анна Ли", "company": "ООО «Ли»"},
                  handover=["журнал ТО", "остаток их химии (~6 канистр, оплачены) — остаётся у них"])
    body = email(s, "ru")
    assert "оставим у вас остаток вашей химии" in body and "передадим: журнал ТО, остаток" not in body, body


@pytest.mark.parametrize(("language", "fact", "said"), [
    ("ru", "счёт № 88 на 27 400 ₽, 26 ноября оплачено 15 000 ₽", "№ 88 (остаток 12 400 ₽)"),
    ("en", "invoice INV-88 was £27,400, they paid £15,000 on 26 November", "INV-88 (balance £12,400)"),
])
def test_a_sum_typed_as_the_difference_of_the_invoices_sums_is_its_balance(language, fact, said):
    number = "88" if language == "ru" else "INV-88"
    amount = "12 400 ₽" if language == "ru" else "£12,400"
    s = situation(language=language, facts=[fact], unpaid_invoices=[{"number": number, "amount": amount, "due": FUTURE}])
    body = email(s, language)
    assert said in body, body


@pytest.mark.parametrize(("language", "handover", "said"), [
    ("en", ["return the gym key", "our 2 lifeguard towers - ours, collecting 20 December 2099"],
     "Before the end date, we will also return the gym key. We will collect our 2 lifeguard towers on 20 December"),
    ("ru", ["вернуть ключ от спортзала", "наш аквариум-садок - забираем 20 декабря 2099 года"],
     "До даты завершения мы также вернём ключ от спортзала. Мы заберём свой аквариум-садок 20 декабря"),
])
def test_dated_steps_after_the_others_say_also_once(language, handover, said):
    s = situation(language=language, handover=handover, end_date="2099-12-31",
                  sender={"name": "Ann Lee", "company": "Lee Tours", "solo": False} if language == "en"
                  else {"name": "Анна Ли", "company": "ООО «Ли»", "solo": False})
    body = email(s, language)
    assert said in body, body


@pytest.mark.parametrize(("name", "said", "unsaid"), [
    ("the DPO service", "trusting me with the DPO service", "your DPO service"),
    ("shredding services", "trusting me with the shredding services", "your shredding services"),
    ("the bookkeeping", "trusting me with your bookkeeping", "the bookkeeping over"),
])
def test_a_service_named_as_the_senders_offering_is_not_called_the_clients(name, said, unsaid):
    s = situation(project_name=name, work="service", sender={"name": "Ann Lee", "solo": True})
    body = email(s, "en", "formal")
    assert said in body and unsaid not in body, body


@pytest.mark.parametrize(("language", "note", "unsaid"), [
    ("ru", "они хотят группы по 8 человек. причина — разный подход, но мягко, без упрёков", ["мягко", "упрёков"]),
    ("ru", "причина простая — оплата, больше ничего", ["больше ничего"]),
    ("ru", "причина — методы работы, сказать спокойно", ["спокойно"]),
    ("en", "they want groups of 8. reason - a different approach to teaching, but say it kindly, no blame", ["kindly", "no blame"]),
])
def test_the_manner_of_a_labelled_reason_is_not_said_with_it(language, note, unsaid):
    s = situation(language=language, reasons=[note], sender={"name": "Ann Lee" if language == "en" else "Анна Ли", "solo": True})
    body = email(s, language, "warm")
    assert not any(word in body for word in unsaid), body


def test_a_dictated_reason_leaves_out_its_sentence_about_the_client_by_name():
    """"Graham wants … 'so it's done before Christmas'. I won't build that way - …, that's the reason": the sentence
    about Graham is the story behind it; quoted to him, it reads as a reproach."""
    note = ("Graham wants the wall done with a cement core 'so it's done before Christmas'. I won't build that way - "
            "mortar in the core holds water and the face bursts. that's the reason, say it straight")
    s = situation(client={"name": "Graham Ashworth"}, reasons=[note], sender={"name": "Ann Lee", "solo": True})
    body = email(s, "en", "formal")
    assert "Graham wants" not in body and "mortar in the core holds water and the face bursts" in body, body


@pytest.mark.parametrize(("language", "note", "item", "said"), [
    ("en", "the December spray goes ahead only if FR-2071 is paid by the 14th", "December follow-up spray of the upper slopes",
     "the December follow-up spray of the upper slopes only if FR-2071 is paid by the 14th"),
    ("ru", "декабрьскую обработку склонов делаем, только если счёт № 12 оплатят до 14-го", "декабрьская обработка склонов",
     "декабрьскую обработку склонов, только если счёт № 12 оплатят до 14-го"),
])
def test_work_the_notes_make_wait_for_a_payment_is_promised_with_its_condition(language, note, item, said):
    s = situation(language=language, reasons=[note], open_work=[{"item": item, "due": FUTURE}],
                  sender={"name": "Ann Lee" if language == "en" else "Анна Ли", "solo": True})
    body = email(s, language)
    assert said in body, body


@pytest.mark.parametrize(("handover", "said", "unsaid"), [
    # "her" before a word of manner is whom it goes back to, not whose.
    (["the spare house key - back to her in person on 17 December 2099", "route notes"], "to you in person", "to your in person"),
    # A word before "me" is a verb: a step, not a thing handed over.
    (["take me off the locum file", "route notes"], "take myself off the locum file", "the take me off"),
])
def test_handover_notes_about_the_client_as_her_are_said_to_her(handover, said, unsaid):
    s = situation(client={"name": "Peggy Halloran", "contact": "Peggy"}, handover=handover, sender={"name": "Ann Lee", "solo": True})
    body = email(s, "en", "warm")
    assert said in body and unsaid not in body, body


@pytest.mark.parametrize(("item", "said"), [
    # A number further on counts something else: the thing inflects.
    ("программа на 12 недель и план питания — пришлю в телеграм", "пришлю программу на 12 недель и план питания в телеграм"),
    # A counted thing keeps the case its count gives it.
    ("наши 40 паллет — заберём 20 декабря", "заберём наши 40 паллет 20 декабря"),
])
def test_a_thing_with_a_number_further_on_is_still_inflected(item, said):
    from tactful.composer.grammar import as_step
    from tactful.phrases import load_phrases

    assert as_step(item, "ru", load_phrases("ru")) == said


def test_a_part_after_and_that_goes_on_with_the_one_before_keeps_its_words():
    """«промывки и дезинфекция по графику в декабре и январе»: «январе» is no item of its own."""
    from tactful.composer.grammar import accusative
    from tactful.phrases import load_phrases

    said = accusative("промывки и дезинфекция по графику в декабре и январе", "ru", load_phrases("ru"))
    assert said == "промывки и дезинфекцию по графику в декабре и январе"


def test_his_after_a_preposition_is_the_clients_whatever_thing_comes_before():
    """«мой пульсометр и эспандеры в его зале» to Тимур: «в вашем зале», not the thing's «его»."""
    from tactful.composer.grammar import possessive_to_you
    from tactful.phrases import load_phrases

    said = possessive_to_you("мой пульсометр и эспандеры в его зале", "его", load_phrases("ru"), of=["masc", "sing"])
    assert said == "мой пульсометр и эспандеры в вашем зале"
    # Not after a thing it belongs to: «подтверждение его отправки» stays.
    assert possessive_to_you("отчёт и подтверждение его отправки", "его", load_phrases("ru"), of=["masc", "sing"]).endswith("его отправки")


def test_a_step_our_own_staff_take_is_not_asked_of_the_client():
    """«пропуск и ключ от бытовки — машинист сдаёт 11 декабря»: our machinist hands them in, the client is asked nothing."""
    s = situation(language="ru", sender={"name": "Анна Ли", "company": "ООО «Ли»", "solo": False},
                  handover=["журнал смен", "пропуск на объект и ключ от бытовки — машинист сдаёт 11 декабря"])
    body = email(s, "ru")
    assert "Пожалуйста, сдайте" not in body and "пропуск на объект и ключ от бытовки" in body, body


def test_a_preposition_is_no_head_of_the_thing():
    """«непроданное с реализации»: «с» is no noun for «непроданное» to agree with («непроданные с …»)."""
    from tactful.wording import inflect_phrase

    assert inflect_phrase("непроданное с реализации", "accs", things=True) in (None, "непроданное с реализации")


@pytest.mark.parametrize(("language", "note", "said", "unsaid"), [
    ("en", "stopping. invoices take 80 days on 14-day terms and our six fitters are paid weekly regardless. payment is the reason - brief",
     "Invoices take 80 days on 14-day terms and our six fitters are paid weekly regardless.", "payment is the reason"),
    # One of the sender's own people by name is said by their role.
    ("en", "Marek, our only welder with the pressure ticket, retires on 20 March and we can't replace him before summer. that's it - keep it short",
     "Our only welder with the pressure ticket retires on 20 March", "Marek"),
    ("ru", "коротко. двое из трёх монтажников ушли на вахту, новых людей до лета не найти. причина — команда, без жалоб",
     "Двое из трёх монтажников ушли на вахту, новых людей до лета не найти.", "Причина простая"),
    # The client's words quoted back after a dash are a retort, not the story.
    ("ru", "после смены планировки в корпусе 3 работы стало почти вдвое больше — «всё по смете». причина — объём",
     "После смены планировки в корпусе 3 работы стало почти вдвое больше.", "по смете"),
])
def test_a_story_a_label_sums_up_is_the_reason_said(language, note, said, unsaid):
    """«… новых людей до лета не найти. причина — команда»: the label names the reason's kind, the story before it says
    the reason («Причина простая: команда.» read as curt, with the story left out)."""
    s = situation(language=language, reasons=[note], sender={"name": "Ann Lee" if language == "en" else "Анна Ли", "company": "Firm Ltd"})
    body = email(s, language)
    assert said in body and unsaid not in body, body


def test_a_story_sentence_naming_the_client_leaves_out_the_one_pointing_back_at_it():
    note = "Mrs Hale wants the beams painted over. I can't restore them like that. that's why - say it kindly"
    body = email(situation(reasons=[note], reason_kind="methods", sender={"name": "Ann Lee", "solo": True}))
    assert "like that" not in body and "Hale wants" not in body, body


def test_things_listed_with_commas_are_collected_on_their_day_and_from_where_they_are():
    """"my tripods, reflectors, stands and two light boxes in the loft - I collect Saturday 9 January": the commas list
    the things, no clause of their own, so the day follows them ("Before the end date" with no day read as the wrong one)."""
    s = situation(handover=["my tripods, reflectors, stands and two light boxes in the loft - I collect Saturday 9 January 2099"],
                  sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert "collect my tripods, reflectors, stands and two light boxes from the loft on 9 January" in body, body


def test_a_thing_typed_going_back_through_a_door_is_returned():
    s = situation(handover=["their studio key back through the office letterbox on the 9th"], sender={"name": "Ann Lee", "solo": True})
    body = email(s)
    assert "return your studio key through the office letterbox on the 9th" in body and "hand over" not in body, body


@pytest.mark.parametrize(("language", "note", "label"), [
    ("en", "the October bill - mention it, gently, no rush", "The October bill."),
    ("ru", "счёт за октябрь — напомнить, мягко", "Счёт за октябрь."),
])
def test_a_note_that_only_names_the_money_is_said_by_the_invoice_lines(language, note, label):
    s = situation(language=language, reasons=[note], unpaid_invoices=[{"number": "17", "amount": "420", "due": FUTURE}],
                  sender={"name": "Ann Lee" if language == "en" else "Анна Ли", "solo": True})
    text = Composer().compose(s, "call", language)[0].text()
    assert "17" in text and label not in text, text


def test_what_the_sender_leaves_with_the_client_is_no_reason():
    """«программу и питание оставлю, пусть занимается сам» is a handover: «Питание я оставлю.» read as the reason."""
    s = situation(language="ru", reasons=["программу и питание оставлю, пусть занимается сам"], reason_kind="time",
                  sender={"name": "Анна Ли", "solo": True})
    text = Composer().compose(s, "call", "ru")[0].text()
    assert "Питание я оставлю" not in text, text


@pytest.mark.parametrize("notes", [
    # When the user would rather stop is the timeline, not the reason.
    ["I'd rather stop at the end of the year, nothing is booked after the 18th"],
    # A stance that points back at a sentence about the client ("like that") says nothing alone.
    ["they want every sign-off by phone now, no written brief. I can't run a job properly like that"],
])
def test_neither_a_preferred_day_nor_a_stance_pointing_back_is_the_reason(notes):
    s = situation(reasons=notes, reason_kind="expectations", sender={"name": "Ann Lee", "solo": True})
    decision = email(s).split("\n\n")[1]
    assert "rather stop" not in decision and "like that" not in decision, decision


def test_a_label_whose_story_is_all_left_out_is_said_itself():
    """«Ольга Петровна хочет …. причина — формат не подходит»: the story names the client and is left out, so the
    label is what the letter has for the reason, not the bank's line for the kind."""
    note = "Ольга Петровна хочет всё решать по звонку, без заявок и без ТЗ. причина — формат не подходит"
    s = situation(language="ru", reasons=[note], reason_kind="fit", sender={"name": "Анна Ли", "solo": True})
    body = email(s, "ru")
    assert "формат не подходит" in body.lower() and "Ольга Петровна хочет" not in body, body


@pytest.mark.parametrize("note", [
    # How the client is addressed is the user's to the tool.
    "formal, she is Ms Pike in writing, we have never been on first names",
    # A referral turned down, with why, is about the referral.
    "no referral - deliberate, we won't pass this account to anyone we know",
    # The user's count of the notice is the timeline, worked out.
    "clause 9 says 60 days' notice, I take it as 60 days: 60 days from Monday 7 Dec = Friday 5 Feb. I'd like to finish on 29 Jan",
])
def test_notes_on_address_referral_and_the_notice_count_are_no_reason(note):
    s = situation(reasons=[note], reason_kind="closing",
                  sender={"name": "Ann Lee", "solo": True})
    decision = email(s).split("\n\n")[1]
    assert not any(w in decision for w in ("first names", "anyone we know", "= Friday", "take it as")), decision


@pytest.mark.parametrize(("note", "hello"), [
    ("звонок в пн 7.12 в 8:30, до начала приёма", "Доброе утро"),
    # A day and month after the weekday is a date, not the hour of the call.
    ("звонок в пт 11.12 вечером, после смены", "Добрый вечер"),
])
def test_a_russian_call_note_greets_at_its_hour(note, hello):
    s = situation(language="ru", client={"name": "ООО «Вектор»", "contact": "Елена Сергеевна Бондаренко"}, reasons=[note],
                  sender={"name": "Анна Ли", "solo": True})
    text = Composer().compose(s, "call", "ru", "formal")[0].text()
    assert text.split("\n")[1].startswith(hello), text
