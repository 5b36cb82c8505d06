"""Accuracy of the checker on the labeled messages of ``eval/labeled``: precision, recall and F1 per
rule and per category, and how many hostile texts it flags, on two splits kept apart.

``eval/labeled/tune/`` is what the rules were tuned on; ``eval/labeled/frozen/`` was written from the
same reading of real messages but never looked at while tuning, so its figures are the honest ones.
A file's name starts with its language (``en-2.yaml``, ``ru.yaml``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .checker import check
from .resources import data_dir, load_yaml
from .rules import hostile_categories, load_rules
from .vocab import Channel, Language

Split = Literal["tune", "frozen"]
SPLITS: tuple[Split, ...] = ("tune", "frozen")
# The rules whose false positives hurt most: flagging a polite sentence as an accusation teaches the
# user to distrust the checker, so the hard negatives of the tuning split must stay clean of these.
ACCUSATION_RULES = frozenset({"accusation", "blame", "judgment"})
# Judged only where an item names them: they compare a text with a whole situation, which a labeled
# snippet does not have.
_SITUATION_CATEGORIES = frozenset({"grounding", "consistency", "leak"})
LEARNED = "tone"  # the category of the learned tone reader (rules/learned.py)


class LabeledMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["snippet", "message"]
    text: str
    expect: list[str]
    channel: Channel = "email"
    context: Literal["message", "reply"] = "message"
    hard_negative: bool = False
    category: str = Field(default="", description="The main category a reader would name, or 'respectful'")
    names: list[str] = Field(default_factory=list, description="The client's names (contact first) for third-person mentions")
    # False for whole messages labeled for tone only: what they lack (thanks, a subject) is not judged.
    structure: bool = True
    note: str = ""


class RuleScore(BaseModel):
    rule: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class HostileScore(BaseModel):
    """Would the checker call the text hostile, as the label does?"""

    hostile: int
    flagged: int = Field(description="hostile texts with a finding of a hostile category")
    recall: float
    respectful: int
    false_positives: int = Field(description="respectful texts with a finding of a hostile category")
    false_positive_rate: float


class LanguageScore(BaseModel):
    language: Language
    split: Split = "tune"
    messages: int
    overall: RuleScore
    rules: list[RuleScore]
    categories: list[RuleScore]
    hostility: HostileScore
    hard_negatives: int
    hard_negative_false_accusations: list[str] = Field(description="ids of hard negatives flagged as accusations")
    errors: list[str] = Field(description="ids whose prediction differs from the label, with the difference")


class SplitThresholds(BaseModel):
    min_overall_f1: float
    min_rule_f1: float
    min_hostile_recall: float
    max_false_positive_rate: float
    max_hard_negative_accusations: int = 0


class Thresholds(BaseModel):
    tune: SplitThresholds
    frozen: SplitThresholds

    @property
    def min_overall_f1(self) -> float:  # what reports quote as the headline gate
        return self.tune.min_overall_f1

    @property
    def min_rule_f1(self) -> float:
        return self.tune.min_rule_f1


class CheckerEvaluation(BaseModel):
    languages: list[LanguageScore]
    thresholds: Thresholds
    passed: bool


def _score(rule: str, tp: int, fp: int, fn: int) -> RuleScore:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return RuleScore(rule=rule, tp=tp, fp=fp, fn=fn, precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4))


def load_labeled(language: Language, split: Split = "tune", directory: Path | None = None) -> list[LabeledMessage]:
    """Every labeled item of one language in one split."""
    folder = (directory or data_dir("eval") / "labeled") / split
    items: list[LabeledMessage] = []
    for path in sorted(folder.glob(f"{language}*.yaml")):
        items += [LabeledMessage.model_validate(item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return items


def _situation(item: LabeledMessage):
    if not item.names:
        return None
    from .situation import Situation

    contact, *rest = item.names
    return Situation.model_validate({"client": {"name": rest[-1] if rest else contact, "contact": contact}})


def evaluate_language(language: Language, split: Split = "tune", directory: Path | None = None) -> LanguageScore:
    """Score the checker on one language's labeled items of one split."""
    ruleset = load_rules()
    span_rules = {r.id for r in ruleset.rules if r.scope == "span"}
    category = {r.id: r.category for r in ruleset.rules}
    hostile = hostile_categories()
    counts: dict[str, Counter] = {}
    by_category: dict[str, Counter] = {}
    flags = Counter()
    errors: list[str] = []
    false_accusations: list[str] = []
    items = load_labeled(language, split, directory)
    for item in items:
        report = check(item.text, lang=language, channel=item.channel, rules=ruleset, context=item.context,
                       situation=_situation(item))
        whole = item.kind == "message" and item.structure
        judged = {
            c.rule for c in report.checks
            if (whole or c.rule in span_rules)
            and (category[c.rule] not in _SITUATION_CATEGORIES or c.rule in item.expect)
        }
        is_hostile = any(category.get(r) in hostile for r in item.expect)
        predicted = {v.rule for v in report.violations} & judged
        # A learned reader names no category of its own: on a hostile text it is right to fire.
        expected = (set(item.expect) | ({r for r in judged if category[r] == LEARNED} if is_hostile else set())) & judged
        for rule in judged:
            _count(counts.setdefault(rule, Counter()), rule in predicted, rule in expected)
        for name in {category[r] for r in judged}:
            _count(by_category.setdefault(name, Counter()),
                   any(category[r] == name for r in predicted), any(category[r] == name for r in expected))
        if predicted != expected:
            errors.append(f"{item.id}: +{sorted(predicted - expected)} -{sorted(expected - predicted)}")
        if item.hard_negative and predicted & ACCUSATION_RULES - expected:
            false_accusations.append(item.id)
        called_hostile = any(v.category in hostile for v in report.violations)
        flags["hostile" if is_hostile else "respectful"] += 1
        flags[("flagged" if is_hostile else "false_positives")] += called_hostile
    total = sum(counts.values(), Counter())
    return LanguageScore(
        language=language,
        split=split,
        messages=len(items),
        overall=_score("overall", total["tp"], total["fp"], total["fn"]),
        rules=[_score(rule, c["tp"], c["fp"], c["fn"]) for rule, c in sorted(counts.items())],
        categories=[_score(name, c["tp"], c["fp"], c["fn"]) for name, c in sorted(by_category.items())],
        hostility=HostileScore(
            hostile=flags["hostile"], flagged=flags["flagged"],
            recall=round(flags["flagged"] / flags["hostile"], 4) if flags["hostile"] else 1.0,
            respectful=flags["respectful"], false_positives=flags["false_positives"],
            false_positive_rate=round(flags["false_positives"] / flags["respectful"], 4) if flags["respectful"] else 0.0,
        ),
        hard_negatives=sum(i.hard_negative for i in items),
        hard_negative_false_accusations=false_accusations,
        errors=errors,
    )


def _count(counter: Counter, predicted: bool, expected: bool) -> None:
    counter["tp"] += predicted and expected
    counter["fp"] += predicted and not expected
    counter["fn"] += expected and not predicted


def load_thresholds() -> Thresholds:
    return Thresholds.model_validate(load_yaml("eval", "thresholds.yaml"))


def below(score: LanguageScore, thresholds: Thresholds) -> list[str]:
    """Why one language and split falls below its thresholds (empty when it does not)."""
    limits = getattr(thresholds, score.split)
    reasons = []
    if score.overall.f1 < limits.min_overall_f1:
        reasons.append(f"overall F1 {score.overall.f1:.2f} < {limits.min_overall_f1}")
    reasons += [f"{r.rule} F1 {r.f1:.2f} < {limits.min_rule_f1}" for r in score.rules if r.f1 < limits.min_rule_f1]
    if score.hostility.recall < limits.min_hostile_recall:
        reasons.append(f"hostile recall {score.hostility.recall:.2f} < {limits.min_hostile_recall}")
    if score.hostility.false_positive_rate > limits.max_false_positive_rate:
        reasons.append(f"false positives {score.hostility.false_positive_rate:.2f} > {limits.max_false_positive_rate}")
    if len(score.hard_negative_false_accusations) > limits.max_hard_negative_accusations:
        reasons.append(f"hard negatives flagged as accusations: {', '.join(score.hard_negative_false_accusations)}")
    return reasons


def evaluate_checker(
    languages: tuple[Language, ...] = ("en", "ru"), thresholds: Thresholds | None = None,
    splits: tuple[Split, ...] = SPLITS,
) -> CheckerEvaluation:
    """Score every language on each split and decide whether the thresholds (``eval/thresholds.yaml``) hold."""
    thresholds = thresholds or load_thresholds()
    scores = [evaluate_language(lang, split) for split in splits for lang in languages]
    return CheckerEvaluation(languages=scores, thresholds=thresholds, passed=not any(below(s, thresholds) for s in scores))
