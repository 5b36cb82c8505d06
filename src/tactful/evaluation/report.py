"""The reports of an evaluation run: ``report.html`` (self-contained: charts embedded as base64 PNG)
and ``report.md`` (charts as ``charts/*.png`` beside it).

Both show the pass rate per rule, per channel and per language, the score distribution, LLM calls per
accepted draft, latency percentiles, the worst drafts with their violations highlighted, the rubric
judge beside the rules (when the run had ``--judge``), and the checker's own accuracy on the labeled
set (`tactful eval-checker`). Every piece of user or model text goes through `html.escape` in the HTML.
Charts are drawn with matplotlib's Agg backend through the object API (no pyplot state).
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path
from typing import Any

from .run import EvalRecord, percentile

WORST = 10
CHART_DIR = "charts"
_SEVERITY_COLOR = {"error": "#c0392b", "warning": "#d68910"}
_LANG_COLOR = {"en": "#2e86c1", "ru": "#17a589"}


def e(value: Any) -> str:
    """HTML-escape anything (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


# ---------------------------------------------------------------------------------------------------
# Charts


def _figure(width: float = 7.5, height: float = 3.6):
    os.environ.setdefault("MPLBACKEND", "Agg")
    from matplotlib.figure import Figure  # the object API renders through Agg without pyplot's globals

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _channel_language(records: list[EvalRecord]) -> dict[tuple[str, str], tuple[int, int]]:
    table: dict[tuple[str, str], list[int]] = {}
    for r in records:
        cell = table.setdefault((r.channel, r.language), [0, 0])
        cell[0] += r.passed
        cell[1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def charts(summary: dict[str, Any], records: list[EvalRecord]) -> dict[str, tuple[str, bytes]]:
    """Name → (alt text, PNG bytes) of every chart the data allows."""
    out: dict[str, tuple[str, bytes]] = {}
    rules = summary.get("by_rule") or {}
    if rules:
        items = sorted(rules.items(), key=lambda kv: (kv[1]["pass_rate"] or 0, kv[0]))
        fig = _figure(height=max(2.5, 0.28 * len(items) + 1))
        ax = fig.subplots()
        values = [100 * (v["pass_rate"] or 0) for _, v in items]
        ax.barh([k for k, _ in items], values, color=[_SEVERITY_COLOR[v["severity"]] for _, v in items])
        for y, (value, (_, v)) in enumerate(zip(values, items)):
            ax.text(value + 1, y, f"{value:.0f}% of {v['applicable']}", va="center", fontsize=7)
        ax.set_xlim(0, 125)
        ax.set_xlabel("drafts passing the rule, %  (red: error-level, amber: warning)")
        ax.set_title("Pass rate per rule")
        out["rules"] = ("Pass rate per rule", _png(fig))

    histogram = summary.get("score_histogram") or {}
    if records and histogram:
        edges, counts = histogram["edges"], histogram["counts"]
        fig = _figure()
        ax = fig.subplots()
        ax.bar(edges[:-1], counts, width=edges[1] - edges[0], align="edge", color="#5b7db1", edgecolor="white")
        ax.axvline(summary["mean_score"], color="#c0392b", linestyle="--", label=f"mean {summary['mean_score']:.3f}")
        ax.set_xlim(0, 1)
        ax.set_xlabel("checker score of the draft")
        ax.set_ylabel("drafts")
        ax.set_title("Score distribution")
        ax.legend(loc="upper left")
        out["scores"] = ("Score distribution", _png(fig))

    cells = _channel_language(records)
    if cells:
        channels = sorted({c for c, _ in cells}, key=["email", "call", "meeting"].index)
        languages = sorted({lang for _, lang in cells})
        fig = _figure()
        ax = fig.subplots()
        width = 0.8 / len(languages)
        for i, lang in enumerate(languages):
            xs = [j + i * width for j in range(len(channels))]
            ys = [100 * cells[(c, lang)][0] / cells[(c, lang)][1] if (c, lang) in cells else 0 for c in channels]
            ax.bar(xs, ys, width=width, label=lang, color=_LANG_COLOR.get(lang))
            for x, y in zip(xs, ys):
                ax.text(x, y + 1, f"{y:.0f}%", ha="center", fontsize=8)
        ax.set_xticks([j + width * (len(languages) - 1) / 2 for j in range(len(channels))], channels)
        ax.set_ylim(0, 125)
        ax.set_ylabel("drafts passing, %")
        ax.set_title("Pass rate per channel and language")
        ax.legend(loc="upper right", ncols=len(languages), fontsize=8)
        out["channels"] = ("Pass rate per channel and language", _png(fig))

    latencies = [r.latency for r in records if r.status == "done"]
    if latencies:
        import numpy as np

        fig = _figure()
        ax = fig.subplots()
        unit, scale = ("ms", 1000) if percentile(latencies, 95) < 1 else ("s", 1)
        values = [max(x * scale, 1e-3) for x in latencies]
        low, high = min(values), max(values)
        if high / low > 20:  # a long tail (a cold first draft, retries): log-spaced bins on a log axis
            ax.hist(values, bins=np.geomspace(low, high * 1.0001, 30), color="#7d3c98", edgecolor="white")
            ax.set_xscale("log")
        else:
            ax.hist(values, bins=30, color="#7d3c98", edgecolor="white")
        for q, style in ((50, "--"), (95, ":")):
            value = percentile(latencies, q) * scale
            ax.axvline(value, color="black", linestyle=style, label=f"p{q} {value:.3g} {unit}")
        ax.set_xlabel(f"latency of one draft, {unit}")
        ax.set_ylabel("drafts")
        ax.set_title("Latency")
        ax.legend()
        out["latency"] = ("Latency distribution", _png(fig))

    calls = summary.get("llm_calls_histogram") or {}
    if summary.get("llm_calls"):
        fig = _figure(height=3)
        ax = fig.subplots()
        ax.bar(list(calls), list(calls.values()), color="#2874a6")
        ax.set_xlabel("LLM calls for the draft")
        ax.set_ylabel("drafts")
        ax.set_title(f"LLM calls per draft (per accepted draft: {_num(summary.get('llm_calls_per_accepted'), 2)})")
        out["llm_calls"] = ("LLM calls per draft", _png(fig))

    judge = summary.get("judge")
    items = [(g, v) for g, v in ((judge or {}).get("guidelines") or {}).items() if v["kept"]]
    if items:
        fig = _figure(height=max(2.5, 0.35 * len(items) + 1))
        ax = fig.subplots()
        ys = range(len(items))
        ax.barh([y + 0.2 for y in ys], [100 * (v["judge_pass_rate"] or 0) for _, v in items], height=0.4,
                label=f"judge (score ≥ {judge['pass_threshold']})", color="#af7ac5")
        ax.barh([y - 0.2 for y in ys], [100 * (v["rule_pass_rate"] or 0) for _, v in items], height=0.4,
                label="rules", color="#5dade2")
        ax.set_yticks(list(ys), [k for k, _ in items])
        ax.set_xlim(0, 105)
        ax.set_xlabel("drafts passing the guideline, %")
        ax.set_title("Rubric judge beside the rules")
        ax.legend(loc="lower right", fontsize=8)
        out["judge"] = ("Rubric judge beside the rules, per guideline", _png(fig))

    checker = summary.get("checker")
    if checker:
        languages = checker["languages"]
        names = sorted({r["rule"] for lang in languages for r in lang["rules"]})
        fig = _figure(height=max(2.5, 0.3 * len(names) + 1))
        ax = fig.subplots()
        height = 0.8 / len(languages)
        for i, lang in enumerate(languages):
            f1 = {r["rule"]: r["f1"] for r in lang["rules"]}
            ax.barh([y + i * height for y in range(len(names))], [f1.get(n, 0) for n in names], height=height,
                    label=f"{lang['language']}, {lang.get('split', 'tune')} (overall F1 {lang['overall']['f1']:.2f})",
                    color=_LANG_COLOR.get(lang["language"]))
        ax.axvline(checker["thresholds"]["tune"]["min_rule_f1"], color="#c0392b", linestyle="--", label="rule threshold")
        ax.set_yticks([y + height * (len(languages) - 1) / 2 for y in range(len(names))], names)
        ax.set_xlim(0, 1.05)
        ax.set_xlabel("F1 on the labeled set")
        ax.set_title("Checker accuracy per rule (tactful eval-checker)")
        ax.legend(loc="lower left", fontsize=8)
        out["checker"] = ("Checker accuracy per rule", _png(fig))
    return out


# ---------------------------------------------------------------------------------------------------
# Shared pieces


def worst(records: list[EvalRecord], n: int = WORST) -> list[EvalRecord]:
    """The drafts that did worst: failed before passed, then by score, then by number of errors."""
    scored = [r for r in records if r.text]
    return sorted(scored, key=lambda r: (r.passed, r.score, -len(r.report.errors) if r.report else 0, r.key))[:n]


def headline(summary: dict[str, Any]) -> list[tuple[str, str]]:
    latency = summary.get("latency_s") or {}
    rows = [
        ("Backend", f"{summary.get('backend')}" + (f" ({summary['model']})" if summary.get("model") else "")),
        ("Drafts", f"{summary['drafts']} of {summary['planned']} planned" + (f", {summary['pending']} pending" if summary.get("pending") else "")),
        ("Pass rate (no error-level violation, no fallback)", _pct(summary.get("pass_rate"))),
        ("Mean score / lowest", f"{_num(summary.get('mean_score'))} / {_num(summary.get('min_score'))}"),
        ("Fallbacks to the composer", str(summary.get("fallbacks", 0))),
        ("Errors", str(summary.get("errors", 0))),
        ("LLM calls (total / per accepted draft)", f"{summary.get('llm_calls', 0)} / {_num(summary.get('llm_calls_per_accepted'), 2)}"),
        ("Tokens (prompt / completion)", f"{summary['tokens']['prompt_tokens']:,} / {summary['tokens']['completion_tokens']:,}"),
        ("Retries after 429/5xx", str(summary.get("retries", 0))),
        ("Latency p50 / p90 / p95 / p99 / max",
         " / ".join(_seconds(latency.get(k)) for k in ("p50", "p90", "p95", "p99", "max"))),
    ]
    config = summary.get("config") or {}
    if config:
        rows.insert(1, ("Channels · languages · repeat · concurrency",
                        f"{', '.join(config.get('channels', []))} · {', '.join(config.get('languages', []))} · "
                        f"×{config.get('repeat')} · {config.get('concurrency')}"))
        rows.insert(2, ("Scenarios", str(config.get("scenarios") or "shipped with Tactful")))
    if summary.get("elapsed_s") is not None:
        rows.append(("Wall time of this invocation", _seconds(summary["elapsed_s"]) + f" ({summary.get('drafted_now', 0)} drafted)"))
    return rows


def _group_rows(groups: dict[str, dict[str, Any]]) -> list[list[str]]:
    return [[name, str(g["drafts"]), str(g["passed"]), _pct(g["pass_rate"]), _num(g["mean_score"])] for name, g in groups.items()]


def _rule_rows(rules: dict[str, dict[str, Any]]) -> list[list[str]]:
    items = sorted(rules.items(), key=lambda kv: (kv[1]["pass_rate"] or 0, kv[0]))
    return [[rule, v["severity"], v["guideline"], str(v["applicable"]), str(v["passed"]), _pct(v["pass_rate"])] for rule, v in items]


def _spans(text: str, record: EvalRecord) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) of every violation span and kept judge evidence in ``text``."""
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


def _undrafted(records: list[EvalRecord], n: int = 50) -> list[list[str]]:
    """Drafts that produced no text to score: a crashed draft, or an LLM that never gave a usable reply."""
    return [[r.key, r.error or r.fallback_reason or "no text"] for r in records if not r.text][:n]


def _judge_scores(record: EvalRecord) -> list[dict[str, Any]]:
    return list((record.judge or {}).get("scores") or [])


# ---------------------------------------------------------------------------------------------------
# HTML

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


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
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


def render_html(summary: dict[str, Any], records: list[EvalRecord], images: dict[str, tuple[str, bytes]]) -> str:
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Tactful evaluation — {e(summary.get('backend'))}</title><style>{_CSS}</style></head><body>",
        f"<h1>Tactful tone evaluation</h1><p class=\"muted\">{e(summary.get('created'))} · tactful {e(summary.get('tactful_version'))}</p>",
        _table(["Figure", "Value"], [[k, v] for k, v in headline(summary)]),
        "<h2>Pass rate per rule</h2>", _img(images.get("rules")),
        _table(["Rule", "Severity", "Guideline", "Applicable", "Passed", "Pass rate"], _rule_rows(summary["by_rule"]), {3, 4, 5}),
        "<h2>Per channel and language</h2>", _img(images.get("channels")),
        "<h3>Channels</h3>", _table(["Channel", "Drafts", "Passed", "Pass rate", "Mean score"], _group_rows(summary["by_channel"]), {1, 2, 3, 4}),
        "<h3>Languages</h3>", _table(["Language", "Drafts", "Passed", "Pass rate", "Mean score"], _group_rows(summary["by_language"]), {1, 2, 3, 4}),
        "<h2>Scores</h2>", _img(images.get("scores")),
        "<details><summary>Per scenario</summary>",
        _table(["Scenario", "Drafts", "Passed", "Pass rate", "Mean score"], _group_rows(summary["by_scenario"]), {1, 2, 3, 4}),
        "</details>",
        "<h2>LLM calls and latency</h2>", _img(images.get("llm_calls")), _img(images.get("latency")),
        _table(["LLM calls for a draft", "Drafts"], [[k, str(v)] for k, v in summary["llm_calls_histogram"].items()], {1}),
    ]
    if summary.get("judge"):
        parts += _judge_html(summary["judge"], images)
    parts += _worst_html(records)
    undrafted = _undrafted(records)
    if undrafted:
        parts.append("<h2>No draft</h2>")
        parts.append(_table(["Draft", "Why"], undrafted))
    if summary.get("checker"):
        parts += _checker_html(summary["checker"], images)
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


def _reasons(judge: dict[str, Any]) -> str:
    reasons = judge.get("discarded_by_reason") or {}
    return "; ".join(f"{reason}: {count}" for reason, count in reasons.items()) or "none"


def _judge_html(judge: dict[str, Any], images: dict[str, tuple[str, bytes]]) -> list[str]:
    rows = [
        [g, str(v["kept"]), str(v["discarded"]), _num(v["mean_score"], 2), _pct(v["judge_pass_rate"]),
         _pct(v["rule_pass_rate"]), str(v["pairs"]), _pct(v["agreement"]), _num(v["kappa"], 2)]
        for g, v in judge["guidelines"].items()
    ]
    parts = [
        "<h2>Rubric judge</h2>",
        f"<p>{judge['drafts']} drafts judged ({judge['errors']} judge errors); {judge['kept']} scores kept, "
        f"{judge['discarded']} discarded ({e(_reasons(judge))}). A guideline passes by the judge at a score ≥ {judge['pass_threshold']}, by the "
        f"rules when every applicable rule of it passed. Agreement with the rules: <b>{_pct(judge['agreement'])}</b> "
        f"of {judge['pairs']} pairs (Cohen's κ {_num(judge['kappa'], 2)}).</p>",
        _img(images.get("judge")),
        _table(["Guideline", "Kept", "Discarded", "Mean score", "Judge pass", "Rules pass", "Pairs", "Agreement", "κ"], rows,
               {1, 2, 3, 4, 5, 6, 7, 8}),
    ]
    if judge["disagreements"]:
        rows = [[d["key"], d["guideline"], "pass" if d["rules_passed"] else "fail", str(d["score"]), d["evidence"], d["reason"]]
                for d in judge["disagreements"][:30]]
        parts += ["<h3>Where the judge and the rules disagree</h3>",
                  _table(["Draft", "Guideline", "Rules", "Judge", "Evidence", "Judge's reason"], rows, {3})]
    return parts


def _worst_html(records: list[EvalRecord]) -> list[str]:
    chosen = worst(records)
    if not chosen:
        return []
    parts = ["<h2>The worst drafts</h2>",
             "<p>Violations are highlighted in the text (hover for the rule, message and suggestion); what the "
             "whole draft lacks is listed below it.</p>"]
    for r in chosen:
        verdict = '<span class="pass">passed</span>' if r.passed else '<span class="fail">failed</span>'
        meta = f"score {r.score:.3f} · {verdict}" + (" · fell back to the composer" if r.fallback else "")
        parts.append(f"<h3>{e(r.key)}</h3><p>{meta} · {r.llm_calls} LLM call(s) · {_seconds(r.latency)}</p>")
        if r.fallback_reason:
            parts.append(f'<p class="muted">Fallback: {e(r.fallback_reason)}</p>')
        text = r.text or ""
        spans = _spans(text, r)
        judge = [s for s in _judge_scores(r) if s.get("kept") and s.get("start") is not None]
        parts.append(f'<pre class="draft">{highlight_html(text, spans)}</pre>')
        if r.report and r.report.violations:
            rows = [[v.rule, v.severity, v.excerpt or "(the whole draft)", v.message, v.suggestion] for v in r.report.violations]
            parts.append(_table(["Rule", "Severity", "Excerpt", "Message", "Suggestion"], rows))
        if _judge_scores(r):
            rows = [[s["guideline"], "–" if s.get("rules_passed") is None else ("pass" if s["rules_passed"] else "fail"),
                     str(s["score"]) if s.get("kept") else f"discarded ({s.get('discarded')})", s.get("evidence") or "", s.get("reason") or ""]
                    for s in _judge_scores(r)]
            parts.append(_table(["Guideline", "Rules", "Judge score", "Evidence", "Reason"], rows))
            if judge:
                parts.append('<p class="muted">Judge evidence kept for this draft:</p>')
                evidence = [(s["start"], s["end"], "evidence", f"{s['guideline']}: {s['score']}") for s in judge]
                parts.append(f'<pre class="draft">{highlight_html(text, evidence)}</pre>')
    return parts


def _checker_html(checker: dict[str, Any], images: dict[str, tuple[str, bytes]]) -> list[str]:
    thresholds = checker["thresholds"]["tune"]
    verdict = '<span class="pass">within thresholds</span>' if checker["passed"] else '<span class="fail">below thresholds</span>'
    parts = ["<h2>Checker accuracy (tactful eval-checker)</h2>",
             f"<p>The rules themselves, measured on the labeled messages of <code>eval/labeled/</code>: {verdict} "
             f"(overall F1 ≥ {thresholds['min_overall_f1']}, every rule ≥ {thresholds['min_rule_f1']}, no hard negative "
             "flagged as an accusation).</p>", _img(images.get("checker"))]
    for lang in checker["languages"]:
        rows = [[r["rule"], str(r["tp"]), str(r["fp"]), str(r["fn"]), _num(r["precision"], 2), _num(r["recall"], 2), _num(r["f1"], 2)]
                for r in [*lang["rules"], lang["overall"]]]
        parts += [f"<h3>{e(lang['language'])}, {e(lang.get('split', 'tune'))} split: {lang['messages']} labeled messages, {lang['hard_negatives']} hard negatives "
                  f"({len(lang['hard_negative_false_accusations'])} flagged)</h3>",
                  _table(["Rule", "TP", "FP", "FN", "Precision", "Recall", "F1"], rows, {1, 2, 3, 4, 5, 6})]
    return parts


# ---------------------------------------------------------------------------------------------------
# Markdown


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
    def image(name: str) -> list[str]:
        return [f"![{name}]({chart_files[name]})", ""] if name in chart_files else []

    lines = ["# Tactful tone evaluation", "", f"{summary.get('created')} · tactful {summary.get('tactful_version')}", ""]
    lines += _md_table(["Figure", "Value"], [[k, v] for k, v in headline(summary)])
    lines += ["## Pass rate per rule", "", *image("rules")]
    lines += _md_table(["Rule", "Severity", "Guideline", "Applicable", "Passed", "Pass rate"], _rule_rows(summary["by_rule"]))
    lines += ["## Per channel and language", "", *image("channels")]
    lines += _md_table(["Channel", "Drafts", "Passed", "Pass rate", "Mean score"], _group_rows(summary["by_channel"]))
    lines += _md_table(["Language", "Drafts", "Passed", "Pass rate", "Mean score"], _group_rows(summary["by_language"]))
    lines += ["## Scores", "", *image("scores")]
    lines += _md_table(["Scenario", "Drafts", "Passed", "Pass rate", "Mean score"], _group_rows(summary["by_scenario"]))
    lines += ["## LLM calls and latency", "", *image("llm_calls"), *image("latency")]
    lines += _md_table(["LLM calls for a draft", "Drafts"], [[k, str(v)] for k, v in summary["llm_calls_histogram"].items()])
    judge = summary.get("judge")
    if judge:
        lines += ["## Rubric judge", "",
                  f"{judge['drafts']} drafts judged ({judge['errors']} judge errors); {judge['kept']} scores kept, "
                  f"{judge['discarded']} discarded ({_md_cell(_reasons(judge))}). "
                  f"Judge passes at a score ≥ {judge['pass_threshold']}. Agreement with the rules: "
                  f"**{_pct(judge['agreement'])}** of {judge['pairs']} pairs (Cohen's κ {_num(judge['kappa'], 2)}).", "",
                  *image("judge")]
        lines += _md_table(["Guideline", "Kept", "Discarded", "Mean score", "Judge pass", "Rules pass", "Pairs", "Agreement", "κ"], [
            [g, str(v["kept"]), str(v["discarded"]), _num(v["mean_score"], 2), _pct(v["judge_pass_rate"]),
             _pct(v["rule_pass_rate"]), str(v["pairs"]), _pct(v["agreement"]), _num(v["kappa"], 2)]
            for g, v in judge["guidelines"].items()])
        if judge["disagreements"]:
            lines += ["### Where the judge and the rules disagree", ""]
            lines += _md_table(["Draft", "Guideline", "Rules", "Judge", "Evidence", "Reason"], [
                [d["key"], d["guideline"], "pass" if d["rules_passed"] else "fail", str(d["score"]), d["evidence"], d["reason"]]
                for d in judge["disagreements"][:30]])
    chosen = worst(records)
    if chosen:
        lines += ["## The worst drafts", ""]
        for r in chosen:
            lines += [f"### {_md_cell(r.key)}", "",
                      f"score {r.score:.3f} · {'passed' if r.passed else 'failed'}" + (" · fell back to the composer" if r.fallback else "")
                      + f" · {r.llm_calls} LLM call(s)", ""]
            lines += _fence(r.text or "")
            if r.report and r.report.violations:
                lines += _md_table(["Rule", "Severity", "Excerpt", "Message"], [
                    [v.rule, v.severity, f"«{v.excerpt}»" if v.excerpt else "(the whole draft)", v.message] for v in r.report.violations])
    undrafted = _undrafted(records)
    if undrafted:
        lines += ["## No draft", ""] + _md_table(["Draft", "Why"], undrafted)
    checker = summary.get("checker")
    if checker:
        lines += ["## Checker accuracy (tactful eval-checker)", "",
                  f"{'Within' if checker['passed'] else 'Below'} the thresholds (overall F1 ≥ {checker['thresholds']['tune']['min_overall_f1']}, "
                  f"every rule ≥ {checker['thresholds']['tune']['min_rule_f1']} on the tuning split).", "", *image("checker")]
        for lang in checker["languages"]:
            lines += [f"### {lang['language']}, {lang.get('split', 'tune')} split: {lang['messages']} labeled messages", ""]
            lines += _md_table(["Rule", "TP", "FP", "FN", "Precision", "Recall", "F1"], [
                [r["rule"], str(r["tp"]), str(r["fp"]), str(r["fn"]), _num(r["precision"], 2), _num(r["recall"], 2), _num(r["f1"], 2)]
                for r in [*lang["rules"], lang["overall"]]])
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------------


def write_reports(out: Path, records: list[EvalRecord], summary: dict[str, Any]) -> dict[str, Path]:
    """Write ``report.html``, ``report.md`` and ``charts/*.png`` into ``out``; return their paths."""
    images = charts(summary, records)
    chart_dir = out / CHART_DIR
    chart_dir.mkdir(parents=True, exist_ok=True)
    chart_files = {}
    for name, (_, png) in images.items():
        (chart_dir / f"{name}.png").write_bytes(png)
        chart_files[name] = f"{CHART_DIR}/{name}.png"
    paths = {"html": out / "report.html", "markdown": out / "report.md"}
    _write(paths["html"], render_html(summary, records, images))
    _write(paths["markdown"], render_markdown(summary, records, chart_files))
    return paths


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
