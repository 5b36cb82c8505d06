"""``report.md``: the same figures as ``report.html`` in Markdown, its charts as ``charts/*.png`` beside
it. Cells and drafts are quoted so that a ``|`` or a code fence in a draft cannot break the page."""

from __future__ import annotations

from typing import Any

from .records import EvalRecord
from .report_tables import (
    CALLS_HEADER,
    CHECKER_HEADER,
    GROUP_HEADER,
    JUDGE_HEADER,
    RULE_HEADER,
    calls_rows,
    checker_rows,
    disagreement_rows,
    discard_reasons,
    group_rows,
    headline,
    judge_rows,
    num,
    pct,
    rule_rows,
    undrafted,
    worst,
)


def _md_cell(value: Any) -> str:
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _fence(text: str) -> list[str]:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return [ticks + "text", text.rstrip("\n"), ticks, ""]


def render_markdown(summary: dict[str, Any], records: list[EvalRecord], chart_files: dict[str, str]) -> str:
    """The Markdown report; ``chart_files`` maps a chart's name to its path relative to the report."""
    def image(name: str) -> list[str]:
        return [f"![{name}]({chart_files[name]})", ""] if name in chart_files else []

    lines = ["# Tactful tone evaluation", "", f"{summary.get('created')} · tactful {summary.get('tactful_version')}", ""]
    lines += _md_table(["Figure", "Value"], [[k, v] for k, v in headline(summary)])
    lines += ["## Pass rate per rule", "", *image("rules")]
    lines += _md_table(RULE_HEADER, rule_rows(summary["by_rule"]))
    lines += ["## Per channel and language", "", *image("channels")]
    lines += _md_table(["Channel", *GROUP_HEADER], group_rows(summary["by_channel"]))
    lines += _md_table(["Language", *GROUP_HEADER], group_rows(summary["by_language"]))
    lines += ["## Scores", "", *image("scores")]
    lines += _md_table(["Scenario", *GROUP_HEADER], group_rows(summary["by_scenario"]))
    lines += ["## LLM calls and latency", "", *image("llm_calls"), *image("latency")]
    lines += _md_table(CALLS_HEADER, calls_rows(summary))
    if summary.get("judge"):
        lines += _md_judge(summary["judge"], image("judge"))
    lines += _md_worst(records)
    missing = undrafted(records)
    if missing:
        lines += ["## No draft", ""] + _md_table(["Draft", "Why"], missing)
    if summary.get("checker"):
        lines += _md_checker(summary["checker"], image("checker"))
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_judge(judge: dict[str, Any], image: list[str]) -> list[str]:
    lines = ["## Rubric judge", "",
             f"{judge['drafts']} drafts judged ({judge['errors']} judge errors); {judge['kept']} scores kept, "
             f"{judge['discarded']} discarded ({_md_cell(discard_reasons(judge))}). "
             f"Judge passes at a score ≥ {judge['pass_threshold']}. Agreement with the rules: "
             f"**{pct(judge['agreement'])}** of {judge['pairs']} pairs (Cohen's κ {num(judge['kappa'], 2)}).", "",
             *image]
    lines += _md_table(JUDGE_HEADER, judge_rows(judge))
    if judge["disagreements"]:
        lines += ["### Where the judge and the rules disagree", ""]
        lines += _md_table(["Draft", "Guideline", "Rules", "Judge", "Evidence", "Reason"], disagreement_rows(judge))
    return lines


def _md_worst(records: list[EvalRecord]) -> list[str]:
    chosen = worst(records)
    if not chosen:
        return []
    lines = ["## The worst drafts", ""]
    for r in chosen:
        lines += [f"### {_md_cell(r.key)}", "",
                  f"score {r.score:.3f} · {'passed' if r.passed else 'failed'}" + (" · fell back to the composer" if r.fallback else "")
                  + f" · {r.llm_calls} LLM call(s)", ""]
        lines += _fence(r.text or "")
        if r.report and r.report.violations:
            lines += _md_table(["Rule", "Severity", "Excerpt", "Message"], [
                [v.rule, v.severity, f"«{v.excerpt}»" if v.excerpt else "(the whole draft)", v.message] for v in r.report.violations])
    return lines


def _md_checker(checker: dict[str, Any], image: list[str]) -> list[str]:
    thresholds = checker["thresholds"]["tune"]
    lines = ["## Checker accuracy (tactful eval-checker)", "",
             f"{'Within' if checker['passed'] else 'Below'} the thresholds (overall F1 ≥ {thresholds['min_overall_f1']}, "
             f"every rule ≥ {thresholds['min_rule_f1']} on the tuning split).", "", *image]
    for lang in checker["languages"]:
        lines += [f"### {lang['language']}, {lang.get('split', 'tune')} split: {lang['messages']} labeled messages", ""]
        lines += _md_table(CHECKER_HEADER, checker_rows(lang))
    return lines
