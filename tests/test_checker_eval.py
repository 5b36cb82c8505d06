"""The accuracy gate: the checker keeps its figures on both splits of the labeled set, with no false
accusations on the tuning split's hard negatives."""

from __future__ import annotations

import json

from tactful.checker_eval import (
    SplitThresholds,
    Thresholds,
    evaluate_checker,
    load_labeled,
)
from tactful.rules import load_rules

# Rules that compare a text with a whole situation (a labeled snippet has none), and the learned reader,
# which names no category of its own: no label names them.
SITUATION_CATEGORIES = {"grounding", "consistency", "leak", "tone"}


def test_labeled_sets_are_large_cover_every_tone_rule_and_keep_the_splits_apart():
    rules = load_rules().rules
    rule_ids = {r.id for r in rules}
    for lang in ("en", "ru"):
        tone_rules = {r.id for r in rules if r.category not in SITUATION_CATEGORIES and lang in r.languages}
        tune, frozen = load_labeled(lang, "tune"), load_labeled(lang, "frozen")
        assert len(tune) >= 250 and len(frozen) >= 70
        ids = [i.id for i in tune + frozen]
        assert len(set(ids)) == len(ids)
        # No text is in both splits: the frozen one must be unseen.
        assert not {i.text for i in tune} & {i.text for i in frozen}
        positives = {rule for i in tune for rule in i.expect}
        assert tone_rules <= positives, tone_rules - positives
        for items in (tune, frozen):
            assert sum(i.hard_negative for i in items) >= 20
            assert all(set(i.expect) <= rule_ids for i in items), [i.id for i in items if not set(i.expect) <= rule_ids]


def test_cli_reports_scores_above_thresholds(run_cli):
    result = run_cli("eval-checker", "--format", "json")
    assert result.returncode == 0, result.stdout[-3000:]
    data = json.loads(result.stdout)
    assert {(s["language"], s["split"]) for s in data["languages"]} == {(l, s) for l in ("en", "ru") for s in ("tune", "frozen")}
    for score in data["languages"]:
        limits = data["thresholds"][score["split"]]
        assert score["hostility"]["recall"] >= limits["min_hostile_recall"]
        assert score["hostility"]["false_positive_rate"] <= limits["max_false_positive_rate"]
        assert {c["rule"] for c in score["categories"]} >= {"blame", "threat", "insult"}
        if score["split"] == "tune":
            assert score["overall"]["f1"] >= limits["min_overall_f1"]
            assert len(score["hard_negative_false_accusations"]) <= limits["max_hard_negative_accusations"]


def test_gate_fails_below_threshold():
    loose = SplitThresholds(min_overall_f1=0.0, min_rule_f1=0.0, min_hostile_recall=0.0, max_false_positive_rate=1.0,
                             max_hard_negative_accusations=10**6)
    strict = loose.model_copy(update={"min_hostile_recall": 1.01})
    assert not evaluate_checker(("en",), Thresholds(tune=strict, frozen=loose), splits=("tune",)).passed
    assert evaluate_checker(("en",), Thresholds(tune=loose, frozen=loose)).passed


def test_cli_rejects_an_unknown_split(run_cli):
    result = run_cli("eval-checker", "--split", "all")
    assert result.returncode == 2 and "tune or frozen" in result.stderr
