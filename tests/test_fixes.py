"""Concrete fixes: a rule that has a safe replacement offers it on the violation; applying it removes the
finding and leaves a sentence that reads. Every rule with a fix, in each language it has one."""

from __future__ import annotations

import pytest

from tactful import check
from tactful.fixes import apply_all, apply_fix, fixable
from tactful.report import CheckReport, Violation
from tactful.rules import load_rules
from tactful.rules.patterns import PatternSpec
from tactful.situation import parse_situation


def _situation(**fields):
    return parse_situation({"client": {"name": "Brightline Media", "contact": "Olga Smith"}, **fields})


REPLY = {"situation": _situation(), "context": "reply"}  # as_agreed judges replies with a situation
SOLO = {"situation": _situation(sender={"name": "Tom Reyes", "solo": True})}

# (rule, language, text, the text after the fix, check() options)
CASES = [
    ("exclamation", "en", "Please send the signed act by Friday!!", "Please send the signed act by Friday.", {}),
    ("exclamation", "en", "Where is the payment for March?!", "Where is the payment for March?", {}),
    ("exclamation", "ru", "Мы ждём подписанный акт до пятницы!!!", "Мы ждём подписанный акт до пятницы.", {}),
    ("exclamation", "ru", "Где оплата за март?!", "Где оплата за март?", {}),
    ("shouting", "en", "This is NOT part of the agreed scope.", "This is not part of the agreed scope.", {}),
    ("shouting", "en", "STOP sending changes after sign-off.", "Stop sending changes after sign-off.", {}),
    ("shouting", "en", "The fee is N-O-T negotiable.", "The fee is not negotiable.", {}),
    ("shouting", "ru", "Мы НЕ будем выставлять счёт за мелкие правки.", "Мы не будем выставлять счёт за мелкие правки.", {}),
    ("shouting", "ru", "Передача дел пройдёт в офисе в МОСКВЕ.", "Передача дел пройдёт в офисе в Москве.", {}),
    ("grievance", "en", "I can't start a new season while the last one is still unpaid.",
     "I can't start a new season while the last one is unpaid.", {}),
    ("as_agreed", "en", "As agreed, our cooperation ends on 30 June.", "Our cooperation ends on 30 June.", REPLY),
    ("as_agreed", "en", "Our cooperation ends on 30 June, as we discussed.", "Our cooperation ends on 30 June.", REPLY),
    ("as_agreed", "ru", "Как мы договорились, сотрудничество завершается 30 июня.",
     "Сотрудничество завершается 30 июня.", REPLY),
    ("as_agreed", "ru", "Согласно нашей договорённости, доступы мы передадим до 30 июня.",
     "Доступы мы передадим до 30 июня.", REPLY),
    ("absolute", "en", "You always send the feedback on Friday evening.", "You often send the feedback on Friday evening.", {}),
    ("absolute", "en", "Every time you change the brief, the launch moves by a week.",
     "When you change the brief, the launch moves by a week.", {}),
    ("absolute", "ru", "Вы всегда присылаете правки в пятницу вечером.", "Вы часто присылаете правки в пятницу вечером.", {}),
    ("absolute", "ru", "Каждый раз, когда вы меняете бриф, запуск сдвигается на неделю.",
     "Когда вы меняете бриф, запуск сдвигается на неделю.", {}),
    ("judgment", "en", "Frankly, it has become impossible to work with you.",
     "Frankly, it has become impossible to work together.", {}),
    ("judgment", "ru", "Работать с вами сложно, поэтому мы завершаем договор.",
     "Работать вместе сложно, поэтому мы завершаем договор.", {}),
    ("emotional", "en", "This was the last straw for our team.", "This was the deciding factor for our team.", {}),
    ("emotional", "en", "Enough is enough. We have decided to end the contract on 30 June.",
     "We have decided to end the contract on 30 June.", {}),
    ("emotional", "en", "The last three months have been so frustrating.", "The last three months have been difficult.", {}),
    ("emotional", "ru", "С меня хватит. Мы завершаем работу 30 июня.", "Мы завершаем работу 30 июня.", {}),
    ("emotional", "ru", "Мы считаем такие задержки возмутительными.", "Мы считаем такие задержки неприемлемыми.", {}),
    ("sarcasm", "en", "As I already said, hosting is not included in the price.", "Hosting is not included in the price.", {}),
    ("sarcasm", "en", "The files, per my last email, are in the shared folder.", "The files are in the shared folder.", {}),
    ("sarcasm", "en", "With all due respect, the scope was fixed in March.", "The scope was fixed in March.", {}),
    ("sarcasm", "ru", "Как я уже писал, правки вне договора оплачиваются отдельно.",
     "Правки вне договора оплачиваются отдельно.", {}),
    ("sarcasm", "ru", "При всём уважении, объём работ был согласован в марте.", "Объём работ был согласован в марте.", {}),
    ("dismissive", "en", "Our decision to end the contract is final, full stop.", "Our decision to end the contract is final.", {}),
    ("dismissive", "ru", "Решение принято. Точка. Спасибо за совместную работу.",
     "Решение принято. Спасибо за совместную работу.", {}),
    ("solo_voice", "en", "After much thought, we have decided to end the support contract.",
     "After much thought, I have decided to end the support contract.", SOLO),
]


@pytest.mark.parametrize(("rule", "lang", "text", "expected", "options"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_a_fix_removes_its_finding_and_the_sentence_still_reads(rule, lang, text, expected, options):
    [violation] = [v for v in check(text, lang=lang, **options).violations if v.rule == rule]
    assert violation.fix is not None
    fixed = apply_fix(text, violation)
    assert fixed == expected
    assert rule not in {v.rule for v in check(fixed, lang=lang, **options).violations}


def _rules_with_fixes() -> set[tuple[str, str]]:
    """(rule, language) for every rule that offers a fix: on a pattern, or computed (``fix:`` of caps)."""
    found = set()
    for rule in load_rules().rules:
        if isinstance(getattr(rule, "fix", None), str):
            found |= {(rule.id, lang) for lang in rule.languages}
        for lang, specs in getattr(rule, "patterns", {}).items():
            if any(isinstance(spec, PatternSpec) and spec.fix is not None for spec in specs):
                found.add((rule.id, lang))
    return found


def test_at_least_eight_rules_have_fixes_in_both_languages_and_each_is_tested():
    found = _rules_with_fixes()
    assert len({rule for rule, lang in found if lang == "en"} & {rule for rule, lang in found if lang == "ru"}) >= 8
    assert found == {(case[0], case[1]) for case in CASES}


@pytest.mark.parametrize(("text", "lang", "rule"), [
    ("You failed to send the brief.", "en", "accusation"),  # no safe rewording: the advice stays advice
    ("Ты опять всё сорвал.", "ru", "informal_address"),
    ("As I already told you, the fee is fixed.", "en", "sarcasm"),  # "you" would be left behind
    ("We will send the files as agreed and close the project.", "en", "as_agreed"),  # not a clause of its own
    ("Сколько можно переносить встречи?", "ru", "emotional"),  # deleting it would leave half a question
    ("We DON'T work weekends.", "en", "shouting"),  # "doN'T"
    ("You never replied to the offer.", "en", "absolute"),  # one event: "rarely" would change what it says
])
def test_a_violation_without_a_safe_replacement_has_no_fix(text, lang, rule):
    options = REPLY if rule == "as_agreed" else {}
    found = [v for v in check(text, lang=lang, **options).violations if v.rule == rule]
    assert found and all(v.fix is None for v in found)
    assert all(apply_fix(text, v) == text for v in found)


def test_message_level_findings_have_no_fix():
    report = check("We are done. Goodbye.", lang="en")
    assert all(v.fix is None for v in report.violations if v.start == v.end)


def test_apply_all_fixes_a_paragraph():
    text = ("As I already said, the deadline was NOT flexible!! You always send the feedback late. "
            "Our decision is final, full stop.")
    report = check(text, lang="en")
    assert {v.rule for v in fixable(report)} == {"sarcasm", "shouting", "exclamation", "absolute", "dismissive"}
    fixed = apply_all(text, report)
    assert fixed == "The deadline was not flexible. You often send the feedback late. Our decision is final."
    after = {v.rule for v in check(fixed, lang="en").violations}
    assert not after & {"sarcasm", "shouting", "exclamation", "absolute", "dismissive"}


def test_apply_all_in_russian_over_several_lines():
    text = "Как вы должны знать, договор истекает 1 мая!!\nОПЛАТА НУЖНА СЕГОДНЯ.\nРешение принято. Точка."
    report = check(text, lang="ru")
    fixed = apply_all(text, report)
    assert fixed == "Договор истекает 1 мая.\nОплата нужна сегодня.\nРешение принято."
    assert not {"sarcasm", "exclamation", "shouting", "dismissive"} & {v.rule for v in check(fixed, lang="ru").violations}


def _violation(start: int, end: int, excerpt: str, fix: str | None, rule: str = "r") -> Violation:
    return Violation(rule=rule, severity="warning", start=start, end=end, excerpt=excerpt, message="m",
                     suggestion="s", guideline="g", fix=fix)


def _report(*violations: Violation) -> CheckReport:
    return CheckReport(passed=True, score=1.0, language="en", channel="email", violations=list(violations), checks=[])


def test_apply_all_keeps_the_first_of_overlapping_fixes_and_skips_those_without():
    text = "one two three four"
    report = _report(_violation(4, 13, "two three", "2-3"), _violation(8, 18, "three four", "3-4"),
                     _violation(0, 3, "one", None))
    assert apply_all(text, report) == "one 2-3 four"


def test_a_violation_of_another_text_is_refused():
    with pytest.raises(ValueError, match="does not point"):
        apply_fix("Hello there", _violation(0, 5, "Howdy", "Hi"))


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Hi. As agreed, we will start.", (4, 13), "Hi. We will start."),         # a leading clause and its comma
    ("The files, as agreed, are ready.", (11, 20), "The files are ready."),   # a parenthetical and both commas
    ("The files are ready, as agreed.", (21, 30), "The files are ready."),    # no comma before the full stop
    ("Done.  As agreed  we start.", (7, 16), "Done. We start."),              # double spaces
    ("Done. As agreed.\nNext line.", (6, 15), "Done.\nNext line."),           # a whole sentence goes
    ("Final, as agreed", (7, 16), "Final"),                                   # the end of the text
])
def test_a_deletion_is_tidied(text, span, expected):
    start, end = span
    assert apply_fix(text, _violation(start, end, text[start:end], "")) == expected


def test_a_regex_fix_may_name_its_groups(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "lexicons").mkdir()
    for lang in ("en", "ru"):
        (tmp_path / "lexicons" / f"{lang}.yaml").write_text("you: [you]\n")
    (tmp_path / "rules" / "dots.yaml").write_text(
        "id: dots\nkind: forbid\nseverity: warning\nguideline: x\ncategory: style\nmessage: {en: m, ru: m}\n"
        "suggestion: {en: s, ru: s}\npatterns:\n"
        "  en: [{regex: '(\\d+) euros?', fix: '€\\1'}, {seq: 'you know', fix: {'you know': ''}}]\n"
        "  ru: [{regex: 'x', fix: 'y'}]\n"
    )
    from tactful.rules import load_rules as load

    text = "You know, the fee is 500 euros."
    report = check(text, lang="en", rules=load(tmp_path))
    assert [(v.excerpt, v.fix) for v in report.violations] == [("You know", ""), ("500 euros", "€500")]
    assert apply_all(text, report) == "The fee is €500."


def test_a_fix_on_a_rule_kind_that_cannot_apply_it_is_refused(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "lexicons").mkdir()
    for lang in ("en", "ru"):
        (tmp_path / "lexicons" / f"{lang}.yaml").write_text("you: [you]\n")
    (tmp_path / "rules" / "wish.yaml").write_text(
        "id: wish\nkind: wish_names_work\nseverity: warning\nguideline: x\ncategory: style\nmessage: {en: m, ru: m}\n"
        "suggestion: {en: s, ru: s}\npatterns: {en: [{seq: wish, fix: hope}], ru: [желать]}\n"
    )
    from tactful.rules import load_rules as load

    with pytest.raises(ValueError, match="wish.*cannot apply a fix"):
        load(tmp_path)
