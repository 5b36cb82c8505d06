"""The rows both reports show, as plain strings: the headline figures, the per-rule and per-group
tables, the judge's and the checker's tables, the worst drafts and the ones that produced no text.
`report_html` escapes them and `report_markdown` quotes them; neither computes a figure of its own."""

from __future__ import annotations

from typing import Any

from .records import EvalRecord

WORST = 10
DISAGREEMENTS = 30  # the first disagreements of the judge and the rules that a report lists
RULE_HEADER = ["Rule", "Severity", "Guideline", "Applicable", "Passed", "Pass rate"]
GROUP_HEADER = ["Drafts", "Passed", "Pass rate", "Mean score"]  # after the group's own name
CALLS_HEADER = ["LLM calls for a draft", "Drafts"]
JUDGE_HEADER = ["Guideline", "Kept", "Discarded", "Mean score", "Judge pass", "Rules pass", "Pairs", "Agreement", "κ"]
CHECKER_HEADER = ["Rule", "TP", "FP", "FN", "Precision", "Recall", "F1"]


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def worst(records: list[EvalRecord], n: int = WORST) -> list[EvalRecord]:
    """The drafts that did worst: failed before passed, then by score, then by number of errors."""
    scored = [r for r in records if r.text]
    return sorted(scored, key=lambda r: (r.passed, r.score, -len(r.report.errors) if r.report else 0, r.key))[:n]


def headline(summary: dict[str, Any]) -> list[tuple[str, str]]:
    latency = summary.get("latency_s") or {}
    rows = [
        ("Backend", f"{summary.get('backend')}" + (f" ({summary['model']})" if summary.get("model") else "")),
        ("Drafts", f"{summary['drafts']} of {summary['planned']} planned" + (f", {summary['pending']} pending" if summary.get("pending") else "")),
        ("Pass rate (no error-level violation, no fallback)", pct(summary.get("pass_rate"))),
        ("Mean score / lowest", f"{num(summary.get('mean_score'))} / {num(summary.get('min_score'))}"),
        ("Fallbacks to the composer", str(summary.get("fallbacks", 0))),
        ("Errors", str(summary.get("errors", 0))),
        ("LLM calls (total / per accepted draft)", f"{summary.get('llm_calls', 0)} / {num(summary.get('llm_calls_per_accepted'), 2)}"),
        ("Tokens (prompt / completion)", f"{summary['tokens']['prompt_tokens']:,} / {summary['tokens']['completion_tokens']:,}"),
        ("Retries after 429/5xx", str(summary.get("retries", 0))),
        ("Latency p50 / p90 / p95 / p99 / max",
         " / ".join(seconds(latency.get(k)) for k in ("p50", "p90", "p95", "p99", "max"))),
    ]
    config = summary.get("config") or {}
    if config:
        rows.insert(1, ("Channels · languages · repeat · concurrency",
                        f"{', '.join(config.get('channels', []))} · {', '.join(config.get('languages', []))} · "
                        f"×{config.get('repeat')} · {config.get('concurrency')}"))
        rows.insert(2, ("Scenarios", str(config.get("scenarios") or "shipped with Tactful")))
    if summary.get("elapsed_s") is not None:
        rows.append(("Wall time of this invocation", seconds(summary["elapsed_s"]) + f" ({summary.get('drafted_now', 0)} drafted)"))
    return rows


def group_rows(groups: dict[str, dict[str, Any]]) -> list[list[str]]:
    return [[name, str(g["drafts"]), str(g["passed"]), pct(g["pass_rate"]), num(g["mean_score"])] for name, g in groups.items()]


def rule_rows(rules: dict[str, dict[str, Any]]) -> list[list[str]]:
    items = sorted(rules.items(), key=lambda kv: (kv[1]["pass_rate"] or 0, kv[0]))
    return [[rule, v["severity"], v["guideline"], str(v["applicable"]), str(v["passed"]), pct(v["pass_rate"])] for rule, v in items]


def calls_rows(summary: dict[str, Any]) -> list[list[str]]:
    return [[k, str(v)] for k, v in summary["llm_calls_histogram"].items()]


def undrafted(records: list[EvalRecord], n: int = 50) -> list[list[str]]:
    """Drafts that produced no text to score: a crashed draft, or an LLM that never gave a usable reply."""
    return [[r.key, r.error or r.fallback_reason or "no text"] for r in records if not r.text][:n]


def discard_reasons(judge: dict[str, Any]) -> str:
    reasons = judge.get("discarded_by_reason") or {}
    return "; ".join(f"{reason}: {count}" for reason, count in reasons.items()) or "none"


def judge_rows(judge: dict[str, Any]) -> list[list[str]]:
    """Per guideline: the judge's kept and discarded scores, both pass rates and their agreement."""
    return [
        [g, str(v["kept"]), str(v["discarded"]), num(v["mean_score"], 2), pct(v["judge_pass_rate"]),
         pct(v["rule_pass_rate"]), str(v["pairs"]), pct(v["agreement"]), num(v["kappa"], 2)]
        for g, v in judge["guidelines"].items()
    ]


def disagreement_rows(judge: dict[str, Any]) -> list[list[str]]:
    return [[d["key"], d["guideline"], "pass" if d["rules_passed"] else "fail", str(d["score"]), d["evidence"], d["reason"]]
            for d in judge["disagreements"][:DISAGREEMENTS]]


def checker_rows(language: dict[str, Any]) -> list[list[str]]:
    """Per rule of one language, then overall: the checker's counts, precision, recall and F1."""
    return [[r["rule"], str(r["tp"]), str(r["fp"]), str(r["fn"]), num(r["precision"], 2), num(r["recall"], 2), num(r["f1"], 2)]
            for r in [*language["rules"], language["overall"]]]
