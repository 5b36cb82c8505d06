"""Accuracy of the checker on the labeled messages of ``eval/labeled``: precision, recall, F1 per rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .checker import check
from .models import Channel, Language
from .resources import data_dir
from .rules import load_rules

# The rules whose false positives hurt most: flagging a polite sentence as an accusation teaches the
# user to distrust the checker, so the hard negatives must stay clean of these.
ACCUSATION_RULES = frozenset({"accusation", "blame", "judgment"})


class LabeledMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["snippet", "message"]
    text: str
    expect: list[str]
    channel: Channel = "email"
    context: Literal["message", "reply"] = "message"
    hard_negative: bool = False
    note: str = ""


class RuleScore(BaseModel):
    rule: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class LanguageScore(BaseModel):
    language: Language
    messages: int
    overall: RuleScore
    rules: list[RuleScore]
    hard_negatives: int
    hard_negative_false_accusations: list[str] = Field(description="ids of hard negatives flagged as accusations")
    errors: list[str] = Field(description="ids whose prediction differs from the label, with the difference")


class Thresholds(BaseModel):
    min_overall_f1: float
    min_rule_f1: float


class CheckerEvaluation(BaseModel):
    languages: list[LanguageScore]
    thresholds: Thresholds
    passed: bool


def _score(rule: str, tp: int, fp: int, fn: int) -> RuleScore:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return RuleScore(rule=rule, tp=tp, fp=fp, fn=fn, precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4))


def load_labeled(language: Language, directory: Path | None = None) -> list[LabeledMessage]:
    path = (directory or data_dir("eval") / "labeled") / f"{language}.yaml"
    return [LabeledMessage.model_validate(item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def evaluate_language(language: Language, directory: Path | None = None) -> LanguageScore:
    """Score the checker on one language's labeled set."""
    ruleset = load_rules()
    span_rules = {r.id for r in ruleset.rules if r.scope == "span"}
    counts: dict[str, Counter] = {}
    errors: list[str] = []
    false_accusations: list[str] = []
    items = load_labeled(language, directory)
    for item in items:
        report = check(item.text, lang=language, channel=item.channel, rules=ruleset, context=item.context)
        judged = {c.rule for c in report.checks if item.kind == "message" or c.rule in span_rules}
        predicted = {v.rule for v in report.violations} & judged
        expected = set(item.expect) & judged
        for rule in judged:
            c = counts.setdefault(rule, Counter())
            c["tp"] += rule in predicted and rule in expected
            c["fp"] += rule in predicted and rule not in expected
            c["fn"] += rule in expected and rule not in predicted
        if predicted != expected:
            errors.append(f"{item.id}: +{sorted(predicted - expected)} -{sorted(expected - predicted)}")
        if item.hard_negative and predicted & ACCUSATION_RULES - expected:
            false_accusations.append(item.id)
    rules = [_score(rule, c["tp"], c["fp"], c["fn"]) for rule, c in sorted(counts.items())]
    total = sum(counts.values(), Counter())
    return LanguageScore(
        language=language,
        messages=len(items),
        overall=_score("overall", total["tp"], total["fp"], total["fn"]),
        rules=rules,
        hard_negatives=sum(i.hard_negative for i in items),
        hard_negative_false_accusations=false_accusations,
        errors=errors,
    )


def load_thresholds() -> Thresholds:
    return Thresholds.model_validate(yaml.safe_load((data_dir("eval") / "thresholds.yaml").read_text(encoding="utf-8")))


def evaluate_checker(
    languages: tuple[Language, ...] = ("en", "ru"), thresholds: Thresholds | None = None
) -> CheckerEvaluation:
    """Score every language and decide whether the thresholds (``eval/thresholds.yaml``) hold."""
    thresholds = thresholds or load_thresholds()
    scores = [evaluate_language(lang) for lang in languages]
    passed = all(
        s.overall.f1 >= thresholds.min_overall_f1
        and all(r.f1 >= thresholds.min_rule_f1 for r in s.rules)
        and not s.hard_negative_false_accusations
        for s in scores
    )
    return CheckerEvaluation(languages=scores, thresholds=thresholds, passed=passed)
