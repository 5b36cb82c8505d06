"""The figures of ``summary.json`` (and of the reports) computed from a run's records: pass rates per
rule, channel, language and scenario, the score distribution, LLM calls per accepted draft, latency
percentiles, tokens and retries; and `gate`, the ``--min-score`` verdict for CI."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from ..result import Usage
from .records import EvalRecord, now_iso

SCORE_BINS = 20  # the score histogram: 20 bins of 0.05 over [0, 1]
LATENCY_PERCENTILES = (("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99), ("max", 100))


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (0–100) with linear interpolation, as numpy's default."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _group(records: list[EvalRecord], attribute: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[EvalRecord]] = {}
    for record in records:
        groups.setdefault(str(getattr(record, attribute)), []).append(record)
    return {
        name: {
            "drafts": len(items),
            "passed": sum(r.passed for r in items),
            "pass_rate": _rate(sum(r.passed for r in items), len(items)),
            "mean_score": round(sum(r.score for r in items) / len(items), 4),
        }
        for name, items in groups.items()
    }


def rule_rates(records: Iterable[EvalRecord]) -> dict[str, dict[str, Any]]:
    """Per rule: on how many drafts it applied, how many passed it, its severity and guideline."""
    rules: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.report is None:
            continue
        for check in record.report.checks:
            entry = rules.setdefault(check.rule, {"severity": check.severity, "guideline": check.guideline,
                                                  "applicable": 0, "passed": 0})
            entry["applicable"] += 1
            entry["passed"] += check.passed
    for entry in rules.values():
        entry["pass_rate"] = _rate(entry["passed"], entry["applicable"])
    return dict(sorted(rules.items()))


def _score_histogram(records: list[EvalRecord]) -> dict[str, list[Any]]:
    counts = [0] * SCORE_BINS
    for r in records:
        counts[min(int(r.score * SCORE_BINS), SCORE_BINS - 1)] += 1
    return {"edges": [round(i / SCORE_BINS, 2) for i in range(SCORE_BINS + 1)], "counts": counts}


def _calls_histogram(records: list[EvalRecord]) -> dict[str, int]:
    """How many drafts took each number of LLM calls, by that number (as a string: a JSON key)."""
    counts: dict[str, int] = {}
    for r in records:
        counts[str(r.llm_calls)] = counts.get(str(r.llm_calls), 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: int(kv[0])))


def _latency(records: list[EvalRecord]) -> dict[str, float | None]:
    """Latency percentiles and mean of the drafts that finished (an error's time says nothing)."""
    latencies = [r.latency for r in records if r.status == "done"]
    figures = {
        name: (round(v, 4) if (v := percentile(latencies, q)) is not None else None)
        for name, q in LATENCY_PERCENTILES
    }
    return figures | {"mean": round(sum(latencies) / len(latencies), 4) if latencies else None}


def _scores(records: list[EvalRecord]) -> dict[str, Any]:
    n = len(records)
    passed = sum(r.passed for r in records)
    calls = sum(r.llm_calls for r in records)
    return {
        "errors": sum(r.status == "error" for r in records),
        "passed": passed,
        "pass_rate": _rate(passed, n),
        "mean_score": round(sum(r.score for r in records) / n, 4) if n else None,
        "min_score": round(min(r.score for r in records), 4) if n else None,
        "compliant_final": sum(r.compliant for r in records),
        "fallbacks": sum(r.fallback for r in records),
        "llm_calls": calls,
        "accepted": passed,
        "llm_calls_per_accepted": round(calls / passed, 4) if passed else None,
    }


def summarize(
    records: list[EvalRecord],
    planned: int | None = None,
    info: dict[str, Any] | None = None,
    checker: dict[str, Any] | None = None,
    elapsed: float | None = None,
    drafted: int | None = None,
) -> dict[str, Any]:
    """Aggregate records into the figures of ``summary.json`` (and of the reports)."""
    n = len(records)
    info = info or {}
    summary: dict[str, Any] = {
        "tactful_version": _version(),
        "created": now_iso(),
        "backend": info.get("backend"),
        "model": info.get("model"),
        "config": info.get("config"),
        "planned": planned if planned is not None else n,
        "drafts": n,
        "pending": (planned - n) if planned is not None else 0,
        "drafted_now": drafted,
        "elapsed_s": round(elapsed, 3) if elapsed is not None else None,
        **_scores(records),
        "llm_calls_histogram": _calls_histogram(records),
        "tokens": sum((r.tokens for r in records), Usage()).model_dump(exclude={"calls"}),
        "retries": sum(r.retries for r in records),
        "latency_s": _latency(records),
        "score_histogram": _score_histogram(records),
        "by_rule": rule_rates(records),
        "by_channel": _group(records, "channel"),
        "by_language": _group(records, "language"),
        "by_scenario": _group(records, "scenario"),
        "judge": None,
        "checker": checker,
    }
    if any(r.judge for r in records):
        from .judge import agreement

        summary["judge"] = agreement(records)
    return summary


def _version() -> str:
    from .. import __version__

    return __version__


def checker_section() -> dict[str, Any]:
    """`tactful eval-checker` as part of the run: precision, recall and F1 per rule and language."""
    from ..checker_eval import evaluate_checker

    return evaluate_checker().model_dump(mode="json")


def gate(summary: dict[str, Any], min_score: float) -> list[str]:
    """Why the run falls below ``min_score`` (empty when it does not): the mean score or the pass rate."""
    failures = []
    for name in ("mean_score", "pass_rate"):
        value = summary.get(name)
        if value is None or value < min_score:
            shown = "n/a" if value is None else f"{value:.3f}"
            failures.append(f"{name.replace('_', ' ')} {shown} < {min_score:g}")
    return failures
