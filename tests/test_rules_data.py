"""The rules, lexicons and corpus are data; these tests keep them consistent with each other."""

from __future__ import annotations

import re
from pathlib import Path

import pymorphy3
import pytest
import yaml

from tactful.guidelines import load_guidelines
from tactful.rules import load_lexicon, load_rules
from tactful.text import normalize
from tactful.vocab import CHANNELS

ROOT = Path(__file__).resolve().parents[1]


def test_every_rule_enforces_an_existing_guideline_and_back():
    rules = {r.id: r for r in load_rules().rules}
    guidelines = {g.id: g for g in load_guidelines()}
    assert len(guidelines) >= 11
    for rule in rules.values():
        assert rule.guideline in guidelines, rule.id
        assert rule.id in guidelines[rule.guideline].rules, f"{rule.guideline} does not list {rule.id}"
    for guideline in guidelines.values():
        for rule_id in guideline.rules:
            assert rules[rule_id].guideline == guideline.id


def test_corpus_is_bilingual_with_examples():
    for g in load_guidelines():
        for field in (g.title, g.summary, g.why):
            assert field["en"].strip() and field["ru"].strip(), g.id
        for examples in (g.do, g.dont):
            assert len(examples["en"]) >= 2 and len(examples["ru"]) >= 2, g.id
        assert set(g.channels) <= set(CHANNELS)


def test_rules_documented():
    documented = set(re.findall(r"^\| `(\w+)` \|", (ROOT / "docs" / "rules.md").read_text(), re.M))
    assert documented == {r.id for r in load_rules().rules}


def test_every_rule_kind_is_used_and_every_rule_is_bilingual():
    from typing import get_args

    from tactful.rules import Rule

    kinds = {get_args(member.model_fields["kind"].annotation)[0] for member in get_args(get_args(Rule)[0])}
    assert {r.kind for r in load_rules().rules} == kinds
    # Only the familiar «ты» is one language's own: English has no familiar "you".
    assert all({"en", "ru"} <= set(r.languages) for r in load_rules().rules if r.id != "informal_address")
    assert all(r.message.keys() >= {"en", "ru"} and r.suggestion.keys() >= {"en", "ru"} for r in load_rules().rules)


def test_russian_lexicon_entries_are_lemmas():
    # A non-lemma entry would match only that one word form, silently defeating morphology.
    morph = pymorphy3.MorphAnalyzer()
    raw = yaml.safe_load((ROOT / "guidelines" / "lexicons" / "ru.yaml").read_text(encoding="utf-8"))
    bad = [
        (name, word)
        for name, words in raw.items()
        for word in words
        if normalize(word) not in {normalize(p.normal_form) for p in morph.parse(word)}
    ]
    assert not bad


def test_broken_rule_file_names_itself(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "lexicons").mkdir()
    for lang in ("en", "ru"):
        (tmp_path / "lexicons" / f"{lang}.yaml").write_text("you: [you]\n")
    (tmp_path / "rules" / "bad.yaml").write_text(
        "id: bad\nkind: forbid\nseverity: error\nguideline: x\nmessage: {en: m, ru: m}\n"
        "suggestion: {en: s, ru: s}\npatterns: {en: ['@nope'], ru: ['x']}\n"
    )
    with pytest.raises(ValueError, match="bad.*nope"):
        load_rules(tmp_path)


def test_lexicons_load_for_both_languages():
    for lang in ("en", "ru"):
        lexicon = load_lexicon(lang)
        assert {"you", "your", "failure_verb", "duty_verb"} <= set(lexicon)
