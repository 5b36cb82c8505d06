"""The client's points only the user can answer: listed with the reply, answered by the user, written in."""

from __future__ import annotations

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
    assert said in result.text
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
