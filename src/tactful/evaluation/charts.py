"""The charts of the reports, one function each, drawn with matplotlib's Agg backend through the object
API (no pyplot state, so that concurrent runs and tests cannot draw into each other's figures).
matplotlib and numpy load only when a chart is drawn, so that importing the reports stays cheap."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Any

from ..vocab import CHANNELS
from .records import EvalRecord
from .report_tables import num
from .summary import percentile

Chart = tuple[str, bytes]  # (alt text, PNG bytes)

_SEVERITY_COLOR = {"error": "#c0392b", "warning": "#d68910"}
_LANG_COLOR = {"en": "#2e86c1", "ru": "#17a589"}


def _figure(width: float = 7.5, height: float = 3.6) -> Any:
    os.environ.setdefault("MPLBACKEND", "Agg")
    # The object API renders through Agg without pyplot's globals.
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _rules(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    rules = summary.get("by_rule") or {}
    if not rules:
        return None
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
    return ("Pass rate per rule", _png(fig))


def _scores(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    histogram = summary.get("score_histogram") or {}
    if not (records and histogram):
        return None
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
    return ("Score distribution", _png(fig))


def _channel_language(records: list[EvalRecord]) -> dict[tuple[str, str], tuple[int, int]]:
    """(channel, language) → (drafts passed, drafts)."""
    table: dict[tuple[str, str], list[int]] = {}
    for r in records:
        cell = table.setdefault((r.channel, r.language), [0, 0])
        cell[0] += r.passed
        cell[1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def _channels(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    cells = _channel_language(records)
    if not cells:
        return None
    channels = sorted({c for c, _ in cells}, key=CHANNELS.index)
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
    return ("Pass rate per channel and language", _png(fig))


def _latency(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    latencies = [r.latency for r in records if r.status == "done"]
    if not latencies:
        return None
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
    return ("Latency distribution", _png(fig))


def _llm_calls(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    if not summary.get("llm_calls"):
        return None
    calls = summary.get("llm_calls_histogram") or {}
    fig = _figure(height=3)
    ax = fig.subplots()
    ax.bar(list(calls), list(calls.values()), color="#2874a6")
    ax.set_xlabel("LLM calls for the draft")
    ax.set_ylabel("drafts")
    ax.set_title(f"LLM calls per draft (per accepted draft: {num(summary.get('llm_calls_per_accepted'), 2)})")
    return ("LLM calls per draft", _png(fig))


def _judge(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    judge = summary.get("judge")
    items = [(g, v) for g, v in ((judge or {}).get("guidelines") or {}).items() if v["kept"]]
    if not items:
        return None
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
    return ("Rubric judge beside the rules, per guideline", _png(fig))


def _checker(summary: dict[str, Any], records: list[EvalRecord]) -> Chart | None:
    checker = summary.get("checker")
    if not checker:
        return None
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
    return ("Checker accuracy per rule", _png(fig))


# In the order the charts are drawn; the name is the chart's file (charts/NAME.png) and its key in the reports.
_CHARTS: tuple[tuple[str, Callable[[dict[str, Any], list[EvalRecord]], Chart | None]], ...] = (
    ("rules", _rules),
    ("scores", _scores),
    ("channels", _channels),
    ("latency", _latency),
    ("llm_calls", _llm_calls),
    ("judge", _judge),
    ("checker", _checker),
)


def charts(summary: dict[str, Any], records: list[EvalRecord]) -> dict[str, Chart]:
    """Name → (alt text, PNG bytes) of every chart the data allows."""
    drawn = {name: draw(summary, records) for name, draw in _CHARTS}
    return {name: chart for name, chart in drawn.items() if chart is not None}
