"""The accuracy gate: the checker must keep its F1 on the labeled set, with no false accusations."""

from __future__ import annotations

import json

from tactful.checker_eval import Thresholds, evaluate_checker, load_labeled
from tactful.rules import load_rules


def test_labeled_set_is_large_and_covers_every_rule():
    rule_ids = {r.id for r in load_rules().rules}
    for lang in ("en", "ru"):
        items = load_labeled(lang)
        assert len(items) >= 80
        assert len({i.id for i in items}) == len(items)
        positives = {rule for i in items for rule in i.expect}
        assert positives == rule_ids, rule_ids - positives
        assert sum(i.hard_negative for i in items) >= 20
        assert all(set(i.expect) <= rule_ids for i in items)


def test_cli_reports_scores_above_thresholds(run_cli):
    result = run_cli("eval-checker", "--format", "json")
    assert result.returncode == 0, result.stdout[-2000:]
    data = json.loads(result.stdout)
    for lang in data["languages"]:
        assert lang["overall"]["f1"] >= data["thresholds"]["min_overall_f1"] >= 0.9
        assert lang["hard_negative_false_accusations"] == []


def test_gate_fails_below_threshold():
    strict = evaluate_checker(("en",), Thresholds(min_overall_f1=1.01, min_rule_f1=0.0))
    assert not strict.passed
    assert evaluate_checker(("en",), Thresholds(min_overall_f1=0.0, min_rule_f1=0.0)).passed
