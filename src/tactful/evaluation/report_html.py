"""``report.html``: one self-contained page, its charts embedded as base64 PNG. Every piece of user or
model text goes through `html.escape`, since drafts and scenarios may hold anything."""

from __future__ import annotations

import base64
import html
from collections.abc import Collection
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
    seconds,
    undrafted,
    worst,
)

Images = dict[str, tuple[str, bytes]]  # chart name → (alt text, PNG bytes), as `charts.charts` draws them

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1080px;margin:2em auto;padding:0 1em;color:#1c2833}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #d5d8dc;padding-bottom:.2em}h3{margin-bottom:.3em}
table{border-collapse:collapse;margin:.6em 0 1.2em}th,td{border:1px solid #d5d8dc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f4f6f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto;display:block;margin:.8em 0}
pre.draft{white-space:pre-wrap;background:#fbfcfc;border:1px solid #d5d8dc;padding:.8em;font:13px/1.45 ui-monospace,monospace}
mark.error{background:#f5b7b1;border-bottom:2px solid #c0392b}mark.warning{background:#fdebd0;border-bottom:2px solid #d68910}
mark.evidence{background:#e8daef}
.pass{color:#1e8449;font-weight:600}.fail{color:#c0392b;font-weight:600}.muted{color:#7b7d7d}
details{margin:.4em 0 1.4em}
"""
_GROUP_NUMBERS = {1, 2, 3, 4}  # the numeric columns of a group table, right-aligned


def e(value: Any) -> str:
    """HTML-escape anything (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def _table(header: list[str], rows: list[list[str]], numeric: Collection[int] = ()) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{e(c)}</td>' if i in numeric else f"<td>{e(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _img(chart: tuple[str, bytes] | None) -> str:
    if chart is None:
        return ""
    alt, png = chart
    return f'<img alt="{e(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'


def _spans(text: str, record: EvalRecord) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) of every violation span in ``text``."""
    spans = []
    if record.report:
        for v in record.report.violations:
            if v.end > v.start and text[v.start:v.end] == v.excerpt:
                spans.append((v.start, v.end, v.severity, f"{v.rule} ({v.severity}): {v.message} → {v.suggestion}"))
    return spans


def highlight_html(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with ``<mark>`` around every span; overlaps are cut into segments that carry
    every covering span's title and the most severe class."""
    cuts = sorted({0, len(text), *[s for s, _, _, _ in spans], *[e_ for _, e_, _, _ in spans]})
    rank = {"error": 2, "warning": 1}
    parts = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        segment = e(text[start:end])
        if covering:
            css = max((s[2] for s in covering), key=lambda c: rank.get(c, 0))
            title = " | ".join(dict.fromkeys(s[3] for s in covering))
            parts.append(f'<mark class="{e(css)}" title="{e(title)}">{segment}</mark>')
        else:
            parts.append(segment)
    return "".join(parts)


def _judge_scores(record: EvalRecord) -> list[dict[str, Any]]:
    return list((record.judge or {}).get("scores") or [])


def render_html(summary: dict[str, Any], records: list[EvalRecord], images: Images) -> str:
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Tactful evaluation — {e(summary.get('backend'))}</title><style>{_CSS}</style></head><body>",
        f"<h1>Tactful tone evaluation</h1><p class=\"muted\">{e(summary.get('created'))} · tactful {e(summary.get('tactful_version'))}</p>",
        _table(["Figure", "Value"], [[k, v] for k, v in headline(summary)]),
        "<h2>Pass rate per rule</h2>", _img(images.get("rules")),
        _table(RULE_HEADER, rule_rows(summary["by_rule"]), {3, 4, 5}),
        "<h2>Per channel and language</h2>", _img(images.get("channels")),
        "<h3>Channels</h3>", _table(["Channel", *GROUP_HEADER], group_rows(summary["by_channel"]), _GROUP_NUMBERS),
        "<h3>Languages</h3>", _table(["Language", *GROUP_HEADER], group_rows(summary["by_language"]), _GROUP_NUMBERS),
        "<h2>Scores</h2>", _img(images.get("scores")),
        "<details><summary>Per scenario</summary>",
        _table(["Scenario", *GROUP_HEADER], group_rows(summary["by_scenario"]), _GROUP_NUMBERS),
        "</details>",
        "<h2>LLM calls and latency</h2>", _img(images.get("llm_calls")), _img(images.get("latency")),
        _table(CALLS_HEADER, calls_rows(summary), {1}),
    ]
    if summary.get("judge"):
        parts += _judge_html(summary["judge"], images)
    parts += _worst_html(records)
    missing = undrafted(records)
    if missing:
        parts.append("<h2>No draft</h2>")
        parts.append(_table(["Draft", "Why"], missing))
    if summary.get("checker"):
        parts += _checker_html(summary["checker"], images)
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


def _judge_html(judge: dict[str, Any], images: Images) -> list[str]:
    parts = [
        "<h2>Rubric judge</h2>",
        f"<p>{judge['drafts']} drafts judged ({judge['errors']} judge errors); {judge['kept']} scores kept, "
        f"{judge['discarded']} discarded ({e(discard_reasons(judge))}). A guideline passes by the judge at a score ≥ {judge['pass_threshold']}, by the "
        f"rules when every applicable rule of it passed. Agreement with the rules: <b>{pct(judge['agreement'])}</b> "
        f"of {judge['pairs']} pairs (Cohen's κ {num(judge['kappa'], 2)}).</p>",
        _img(images.get("judge")),
        _table(JUDGE_HEADER, judge_rows(judge), {1, 2, 3, 4, 5, 6, 7, 8}),
    ]
    if judge["disagreements"]:
        parts += ["<h3>Where the judge and the rules disagree</h3>",
                  _table(["Draft", "Guideline", "Rules", "Judge", "Evidence", "Judge's reason"], disagreement_rows(judge), {3})]
    return parts


def _worst_html(records: list[EvalRecord]) -> list[str]:
    chosen = worst(records)
    if not chosen:
        return []
    parts = ["<h2>The worst drafts</h2>",
             "<p>Violations are highlighted in the text (hover for the rule, message and suggestion); what the "
             "whole draft lacks is listed below it.</p>"]
    for r in chosen:
        parts += _draft_html(r)
    return parts


def _draft_html(r: EvalRecord) -> list[str]:
    """One of the worst drafts: its figures, its text with the violations marked, and their table."""
    verdict = '<span class="pass">passed</span>' if r.passed else '<span class="fail">failed</span>'
    meta = f"score {r.score:.3f} · {verdict}" + (" · fell back to the composer" if r.fallback else "")
    parts = [f"<h3>{e(r.key)}</h3><p>{meta} · {r.llm_calls} LLM call(s) · {seconds(r.latency)}</p>"]
    if r.fallback_reason:
        parts.append(f'<p class="muted">Fallback: {e(r.fallback_reason)}</p>')
    text = r.text or ""
    parts.append(f'<pre class="draft">{highlight_html(text, _spans(text, r))}</pre>')
    if r.report and r.report.violations:
        rows = [[v.rule, v.severity, v.excerpt or "(the whole draft)", v.message, v.suggestion] for v in r.report.violations]
        parts.append(_table(["Rule", "Severity", "Excerpt", "Message", "Suggestion"], rows))
    return parts + _draft_judge_html(r, text)


def _draft_judge_html(r: EvalRecord, text: str) -> list[str]:
    """The judge's scores of one draft, and the evidence it kept marked in the text."""
    scores = _judge_scores(r)
    if not scores:
        return []
    rows = [[s["guideline"], "–" if s.get("rules_passed") is None else ("pass" if s["rules_passed"] else "fail"),
             str(s["score"]) if s.get("kept") else f"discarded ({s.get('discarded')})", s.get("evidence") or "", s.get("reason") or ""]
            for s in scores]
    parts = [_table(["Guideline", "Rules", "Judge score", "Evidence", "Reason"], rows)]
    kept = [s for s in scores if s.get("kept") and s.get("start") is not None]
    if kept:
        parts.append('<p class="muted">Judge evidence kept for this draft:</p>')
        evidence = [(s["start"], s["end"], "evidence", f"{s['guideline']}: {s['score']}") for s in kept]
        parts.append(f'<pre class="draft">{highlight_html(text, evidence)}</pre>')
    return parts


def _checker_html(checker: dict[str, Any], images: Images) -> list[str]:
    thresholds = checker["thresholds"]["tune"]
    verdict = '<span class="pass">within thresholds</span>' if checker["passed"] else '<span class="fail">below thresholds</span>'
    parts = ["<h2>Checker accuracy (tactful eval-checker)</h2>",
             f"<p>The rules themselves, measured on the labeled messages of <code>eval/labeled/</code>: {verdict} "
             f"(overall F1 ≥ {thresholds['min_overall_f1']}, every rule ≥ {thresholds['min_rule_f1']}, no hard negative "
             "flagged as an accusation).</p>", _img(images.get("checker"))]
    for lang in checker["languages"]:
        parts += [f"<h3>{e(lang['language'])}, {e(lang.get('split', 'tune'))} split: {lang['messages']} labeled messages, {lang['hard_negatives']} hard negatives "
                  f"({len(lang['hard_negative_false_accusations'])} flagged)</h3>",
                  _table(CHECKER_HEADER, checker_rows(lang), {1, 2, 3, 4, 5, 6})]
    return parts
