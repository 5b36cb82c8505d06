"""`tactful eval compare RUN_A RUN_B`: what changed between two evaluation runs, rule by rule.

A run is an output directory of `tactful eval` (or its ``results.jsonl``). Figures are recomputed from
the records, so two runs of different scenario sets still compare on what each holds; the drafts both
runs share (same key) are matched to list the ones that started or stopped passing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .config import EvalError
from .records import RESULTS, EvalRecord, load_records
from .summary import rule_rates, summarize


def load_run(path: Path) -> list[EvalRecord]:
    """The records of a run directory or of a ``results.jsonl`` file."""
    file = path / RESULTS if path.is_dir() else path
    if not file.exists():
        raise EvalError(f"{path}: not an evaluation run (no {RESULTS})")
    records, _ = load_records(file)
    if not records:
        raise EvalError(f"{file}: holds no results")
    return list(records.values())


def _delta(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(b - a, 4)


def compare_runs(a: list[EvalRecord], b: list[EvalRecord], name_a: str = "A", name_b: str = "B") -> dict[str, Any]:
    """Per-rule pass rates of both runs and their difference, the headline figures, and the drafts
    that changed verdict."""
    sa, sb = summarize(a), summarize(b)
    ra, rb = rule_rates(a), rule_rates(b)
    rules = []
    for rule in sorted(set(ra) | set(rb)):
        x, y = ra.get(rule), rb.get(rule)
        rules.append({
            "rule": rule,
            "severity": (x or y)["severity"],
            "a": x and {"applicable": x["applicable"], "passed": x["passed"], "pass_rate": x["pass_rate"]},
            "b": y and {"applicable": y["applicable"], "passed": y["passed"], "pass_rate": y["pass_rate"]},
            "delta": _delta(x and x["pass_rate"], y and y["pass_rate"]),
        })
    rules.sort(key=lambda r: (-(abs(r["delta"]) if r["delta"] is not None else 2), r["rule"]))
    overall = {
        name: {"a": sa.get(name), "b": sb.get(name), "delta": _delta(sa.get(name), sb.get(name))}
        for name in ("pass_rate", "mean_score", "llm_calls_per_accepted")
    }
    overall["latency_p50_s"] = {"a": sa["latency_s"]["p50"], "b": sb["latency_s"]["p50"],
                                "delta": _delta(sa["latency_s"]["p50"], sb["latency_s"]["p50"])}
    groups = {}
    for group in ("by_channel", "by_language"):
        groups[group] = {
            name: {"a": sa[group].get(name, {}).get("pass_rate"), "b": sb[group].get(name, {}).get("pass_rate"),
                   "delta": _delta(sa[group].get(name, {}).get("pass_rate"), sb[group].get(name, {}).get("pass_rate"))}
            for name in sorted(set(sa[group]) | set(sb[group]))
        }
    by_key_a = {r.key: r for r in a}
    shared = [(by_key_a[r.key], r) for r in b if r.key in by_key_a]
    return {
        "a": {"name": name_a, "drafts": len(a), "backend": sorted({r.backend for r in a}), "models": sorted({r.model or "" for r in a})},
        "b": {"name": name_b, "drafts": len(b), "backend": sorted({r.backend for r in b}), "models": sorted({r.model or "" for r in b})},
        "shared_drafts": len(shared),
        "overall": overall,
        "groups": groups,
        "rules": rules,
        "regressions": [y.key for x, y in shared if x.passed and not y.passed],
        "improvements": [y.key for x, y in shared if not x.passed and y.passed],
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _pp(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:+.1f} pp"


def _side(side: dict[str, Any] | None) -> str:
    return "–" if not side else f"{_pct(side['pass_rate'])} ({side['passed']}/{side['applicable']})"


def _rows(cmp: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    header = ["rule", "severity", f"A: {cmp['a']['name']}", f"B: {cmp['b']['name']}", "change"]
    return header, [[r["rule"], r["severity"], _side(r["a"]), _side(r["b"]), _pp(r["delta"])] for r in cmp["rules"]]


def _overall_lines(cmp: dict[str, Any]) -> list[list[str]]:
    o = cmp["overall"]
    def num(v, digits=3):
        return "–" if v is None else f"{v:.{digits}f}"
    def signed(v, digits=3):
        return "–" if v is None else f"{v:+.{digits}f}"
    return [
        ["pass rate", _pct(o["pass_rate"]["a"]), _pct(o["pass_rate"]["b"]), _pp(o["pass_rate"]["delta"])],
        ["mean score", num(o["mean_score"]["a"]), num(o["mean_score"]["b"]), signed(o["mean_score"]["delta"])],
        ["LLM calls per accepted draft", num(o["llm_calls_per_accepted"]["a"], 2), num(o["llm_calls_per_accepted"]["b"], 2),
         signed(o["llm_calls_per_accepted"]["delta"], 2)],
        ["latency p50, s", num(o["latency_p50_s"]["a"]), num(o["latency_p50_s"]["b"]), signed(o["latency_p50_s"]["delta"])],
        *[[f"{group.removeprefix('by_')} {name}", _pct(v["a"]), _pct(v["b"]), _pp(v["delta"])]
          for group, items in cmp["groups"].items() for name, v in items.items()],
    ]


def format_text(cmp: dict[str, Any]) -> str:
    """The comparison as aligned plain-text tables, for the terminal."""
    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
        line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
        return [line(header), line(["-" * w for w in widths]), *[line(r) for r in rows]]

    a, b = cmp["a"], cmp["b"]
    lines = [f"A: {a['name']} ({a['drafts']} drafts, {', '.join(a['backend'])})",
             f"B: {b['name']} ({b['drafts']} drafts, {', '.join(b['backend'])}); {cmp['shared_drafts']} drafts in both", ""]
    lines += table(["figure", "A", "B", "change"], _overall_lines(cmp)) + [""]
    lines += table(*_rows(cmp)) + [""]
    lines.append(f"drafts that stopped passing: {len(cmp['regressions'])}" + (f" ({', '.join(cmp['regressions'][:10])}"
                 + (", …" if len(cmp["regressions"]) > 10 else "") + ")" if cmp["regressions"] else ""))
    lines.append(f"drafts that started passing: {len(cmp['improvements'])}" + (f" ({', '.join(cmp['improvements'][:10])}"
                 + (", …" if len(cmp["improvements"]) > 10 else "") + ")" if cmp["improvements"] else ""))
    return "\n".join(lines)


def format_markdown(cmp: dict[str, Any]) -> str:
    def cell(v: Any) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        return ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header),
                *["| " + " | ".join(cell(c) for c in r) + " |" for r in rows], ""]

    a, b = cmp["a"], cmp["b"]
    lines = ["# Tactful evaluation: comparison", "",
             f"- A: `{a['name']}` — {a['drafts']} drafts, backend {', '.join(a['backend'])}",
             f"- B: `{b['name']}` — {b['drafts']} drafts, backend {', '.join(b['backend'])}",
             f"- drafts in both runs: {cmp['shared_drafts']}", "", "## Overall", ""]
    lines += table(["Figure", "A", "B", "Change"], _overall_lines(cmp))
    lines += ["## Per rule", ""] + table(*_rows(cmp))
    lines += ["## Drafts that changed verdict", "",
              f"Stopped passing ({len(cmp['regressions'])}): " + (", ".join(f"`{k}`" for k in cmp["regressions"]) or "none"), "",
              f"Started passing ({len(cmp['improvements'])}): " + (", ".join(f"`{k}`" for k in cmp["improvements"]) or "none"), ""]
    return "\n".join(lines)
