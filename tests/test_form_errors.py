"""Form errors in plain words: the field as the form labels it, never pydantic's English for a Russian user."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from tactful.dates import DateInputError, parse_date
from tactful.form_errors import explain, sentences
from tactful.situation import Situation, SituationError, parse_situation

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def situation_error(**fields) -> SituationError:
    with pytest.raises(SituationError) as caught:
        parse_situation({"client": {"name": "Northwind"}, **fields})
    return caught.value


def validation_error(data: dict) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Situation.model_validate(data)
    return caught.value


def no_english(text: str, allowed: tuple[str, ...] = ()) -> bool:
    for word in allowed:
        text = text.replace(word, "")
    return not LATIN_WORD.search(text)


@pytest.mark.parametrize(
    ("fields", "en", "ru"),
    [
        ({"client": {"name": ""}}, "Client name is required.", "Укажите имя клиента."),
        ({"client": {"name": "X", "contact": 5}}, "Check “Contact person”: the value does not fit.",
         "Проверьте поле „Контактное лицо“: значение не подходит."),
        ({"contract": {"notice_days": "two weeks"}}, "Notice period must be a whole number of days, 0 or more.",
         "Срок уведомления — целое число дней, 0 или больше."),
        ({"contract": {"notice_days": -1}}, "Notice period must be a whole number of days, 0 or more.",
         "Срок уведомления — целое число дней, 0 или больше."),
        ({"contract": {"notice_days": 1.5}}, "Notice period must be a whole number of days, 0 or more.",
         "Срок уведомления — целое число дней, 0 или больше."),
        ({"contract": {"notice_days": 5000}}, "Notice period must be at most 3650 days.", "Срок уведомления — не больше 3650 дней."),
        ({"relationship_months": "a year"}, "Months of working together must be a whole number, 0 or more.",
         "Срок сотрудничества — целое число месяцев, 0 или больше."),
        ({"urgent": "maybe"}, "“Urgent” must be yes or no.", "В поле „Срочно“ нужно «да» или «нет»."),
        ({"channel": "fax"}, "“Channel” must be one of: Email, Phone call, Meeting.",
         "В поле „Канал“ выберите один из вариантов: Письмо, Звонок, Встреча."),
        ({"work": "hobby"}, "“Project” must be one of: project, service.",
         "В поле „Проект“ выберите один из предложенных вариантов."),  # choices without labels: ids in English only
        ({"reason_kind": "vibes"}, "“Reason to state” must be one of the offered choices.",
         "В поле „Какую причину назвать“ выберите один из предложенных вариантов."),
        ({"budget": 5}, "“budget” is not a field Tactful knows; check its spelling.",
         "Поле „budget“ Tactful не знает: проверьте, как оно написано."),
        ({"end_date": "2026-13-01"}, "“Last day”: “2026-13-01” is not a date Tactful can read.",
         "Поле „Последний день“: «2026-13-01» не получается прочитать как дату."),
        ({"unpaid_invoices": [{"due": "soon"}]}, "“Unpaid invoices”: 'soon' is not a date in ISO form",
         "В поле „Неоплаченные счета“ значение, которое Tactful не может использовать."),
    ],
)
def test_each_error_type_in_both_languages(fields, en, ru):
    error = situation_error(**fields)
    assert explain(error, "en").startswith(en)
    assert explain(error, "ru").startswith(ru)
    assert no_english(explain(error, "ru"), ("budget", "Tactful"))


def test_a_missing_client_and_a_plain_validation_error():
    error = validation_error({})
    assert explain(error, "en") == "Client name is required."
    assert explain(error, "ru") == "Укажите имя клиента."


def test_a_date_field_given_no_date():
    error = validation_error({"client": {"name": "X"}, "end_date": ["not", "a", "date"]})
    assert explain(error, "en") == "“Last day” must be a date."
    assert explain(error, "ru") == "В поле „Последний день“ нужна дата."


def test_several_errors_one_sentence_each():
    error = situation_error(client={"name": " "}, contract={"notice_days": "x"}, end_date="скоро", channel="fax", reasons=[1, 2])
    en, ru = sentences(error, "en"), sentences(error, "ru")
    assert len(en) == len(ru) == 5  # the two bad reasons are one sentence
    assert en[0] == "Client name is required." and "Notice period must be a whole number of days, 0 or more." in en
    assert ru[0] == "Укажите имя клиента." and "Поле „Последний день“: «скоро» не получается прочитать как дату." in explain(error, "ru")
    assert explain(error, "ru").count("\n") == 4
    assert all(no_english(s) for s in ru)


def test_the_page_may_pass_its_own_labels():
    error = situation_error(urgent="maybe")
    assert explain(error, "en", {"urgent": "Is it urgent?"}) == "“Is it urgent?” must be yes or no."


def test_a_date_input_error_alone():
    with pytest.raises(DateInputError) as caught:
        parse_date("someday")
    assert explain(caught.value, "en").startswith("“someday” is not a date Tactful can read.")
    assert explain(caught.value, "ru").startswith("«someday» не получается прочитать как дату.")


def test_errors_that_name_no_field():
    mapping = SituationError("a situation must be a mapping of fields (YAML or JSON object)")
    assert explain(mapping, "en") == "The situation could not be read: a situation must be a mapping of fields (YAML or JSON object)."
    assert explain(mapping, "ru") == "Не удалось прочитать описание ситуации: проверьте поля формы."
    assert explain(ValueError("the file is empty"), "en") == "The file is empty."
    assert explain(ValueError("the file is empty"), "ru") == "Проверьте введённые данные: одно из значений не подходит."
    assert explain(ValueError("Файл пуст"), "ru") == "Файл пуст."
    assert explain(RuntimeError(""), "en") == "Check what you typed: a value does not fit."


def test_an_unknown_error_type_falls_back_to_the_field_label():
    error = {"type": "something_new", "loc": ("client", "contact"), "msg": "Whatever pydantic says", "input": 1}
    assert explain(SituationError("client.contact: whatever", [error]), "en") == "Check “Contact person”: the value does not fit."
    assert explain(SituationError("client.contact: whatever", [error]), "ru") == "Проверьте поле „Контактное лицо“: значение не подходит."


def test_an_unknown_language_reads_english():
    assert explain(situation_error(client={"name": ""}), "de") == "Client name is required."
