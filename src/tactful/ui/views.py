"""What the tabs show for a result, a check, an assessment and the guidelines — plain data, no Gradio.

The Draft and the Check tabs share one review of a text: a verdict at the top (ready to send, needs
changes, blocked) with the blockers first and explained in words, the findings as a compact list
(excerpt, what is wrong, the fix, a concrete replacement when the rule has one), and the highlights.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from ..advice import advise_channel, assess
from ..checker import check
from ..checklist import build_checklist
from ..guidelines import guidelines_for
from ..report import CheckReport
from ..result import DraftResult
from ..situation import Situation
from ..vocab import Language
from .texts import coaching, escape_markdown, highlight, texts, ui_data

# Rules whose findings block sending: a letter in the wrong language is not a matter of style.
BLOCKING_RULES = frozenset({"language"})


def findings(report: CheckReport, ignored: list[str] | tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The report's findings as plain data for the page, blockers first; ignored warnings left out.

    A finding is ignored by its key (rule and excerpt), so it stays ignored while the text around it
    changes."""
    rows = []
    for v in report.violations:
        key = f"{v.rule}:{v.excerpt}"
        blocker = v.severity == "error" or v.rule in BLOCKING_RULES
        if key in ignored and not blocker:
            continue
        rows.append({"key": key, "rule": v.rule, "blocker": blocker, "excerpt": v.excerpt, "message": v.message,
                     "suggestion": v.suggestion, "fix": v.fix, "start": v.start, "end": v.end})
    return sorted(rows, key=lambda r: not r["blocker"])


def verdict_panel(rows: list[dict[str, Any]], language: Language, blocking: list[str] = (), notes: list[str] = ()) -> str:
    """One verdict at the top: blocked, needs changes or ready to send, with the reasons in words."""
    t = texts(language)
    blockers = [escape_markdown(b[:1].upper() + b[1:]) for b in blocking] + [_finding_line(r, t) for r in rows if r["blocker"]]
    warnings = [_finding_line(r, t) for r in rows if not r["blocker"]] + [escape_markdown(n[:1].upper() + n[1:]) for n in notes]
    state = "blocked" if blockers else "changes" if warnings else "ready"
    lines = [f"### {t['verdict'][state]}"]
    if blockers:
        lines += ["", f"**{t['blockers']}**", *[f"{i}. {b}" for i, b in enumerate(blockers, 1)]]
    if warnings:
        lines += ["", f"**{t['warnings']}**", *[f"- {w}" for w in warnings]]
    return "\n".join(lines)


def _finding_line(row: dict[str, Any], t: dict[str, Any]) -> str:
    where = f"“{escape_markdown(_clip(row['excerpt']))}” — " if row["excerpt"] else ""
    return f"{where}{escape_markdown(row['message'])} {escape_markdown(row['suggestion'])}".strip()


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def review(text: str, report: CheckReport, language: Language, ignored: list[str] = (),
           blocking: list[str] = (), notes: list[str] = ()) -> dict[str, Any]:
    """Everything the page shows about a text and its report, in the page's language."""
    rows = findings(report, ignored)
    shown = {(r["start"], r["end"], r["rule"]) for r in rows}
    kept = report.model_copy(update={"violations": [v for v in report.violations if (v.start, v.end, v.rule) in shown]})
    return {
        "verdict": verdict_panel(rows, language, blocking, notes),
        "findings": rows,
        "highlighted": highlight(text, kept),
        "coaching": coaching(kept),
    }


def recheck(text: str, situation: Situation | None, language: Language, channel: str = "email",
            ignored: list[str] = (), check_language: str = "auto") -> dict[str, Any]:
    """The review of a text the user edited, checked again (against the situation it was drafted for)."""
    report = check(text, lang=check_language, channel=channel, situation=situation)  # type: ignore[arg-type]
    blocking = _situation_blockers(situation, report.language) if situation else []
    return {"report": report, **review(text, report, language, ignored, blocking)}


def _situation_blockers(situation: Situation, language: Language) -> list[str]:
    """The same blockers a draft of this situation carries (a past end date, one inside the notice)."""
    from ..pipeline import situation_blockers

    return situation_blockers(situation, language)


def word_diff(before: str, after: str) -> list[tuple[str, str | None]]:
    """Highlighted pieces of a word-level diff: ``-`` for removed words, ``+`` for added ones."""
    a, b = re.findall(r"\S+\s*", before), re.findall(r"\S+\s*", after)
    pieces: list[tuple[str, str | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("".join(a[i1:i2]), None))
            continue
        if i2 > i1:
            pieces.append(("".join(a[i1:i2]), "-"))
        if j2 > j1:
            pieces.append(("".join(b[j1:j2]), "+"))
    return pieces


def result_views(result: DraftResult, situation: Situation | None, language: Language,
                 folder: Any = None) -> dict[str, Any]:
    """Everything the Draft tab shows for a result, in the page's language, independent of Gradio."""
    from .downloads import downloads_for

    checklist = build_checklist(situation, result.language) if situation is not None else None
    t = texts(language)
    notes = [w for w in result.warnings if w not in result.blocking]
    shown = review(result.text, result.report, language, blocking=result.blocking, notes=notes)
    model = f" ({escape_markdown(result.model)})" if result.model else ""
    written = t["backend"].format(backend=t["backends"].get(result.backend, result.backend), model=model)
    if result.fallback:
        written += " " + t["fallback"].format(reason=escape_markdown(result.fallback_reason or ""))
    attempts = [
        [a.round, t["attempt_kinds"].get(a.kind, a.kind), t["backends"].get(a.backend, a.backend),
         "✓" if a.report and a.report.passed else "✗",
         a.error or "; ".join(sorted({v.message for v in a.report.errors})) if a.report or a.error else ""]
        for a in result.attempts
    ]
    left_out = [t["left_out_item"].format(text=escape_markdown(_clip(i.text, 160)), hint=escape_markdown(i.hint))
                for i in result.left_out]
    return {
        **shown,
        "text": result.text,
        "written": written,
        "attempts": attempts,
        "left_out": "\n".join([f"**{t['left_out']}**", *[f"- {x}" for x in left_out]]) if left_out else "",
        "files": downloads_for(result, checklist, situation),
        "checklist": escape_markdown_keep_lists(checklist.markdown()) if checklist else "",
    }


def stream_draft(situation: Situation):
    """Yield the readable text of an LLM reply as it streams, then the final `DraftResult`."""
    import queue
    import threading

    from ..pipeline import draft

    updates: queue.Queue[str] = queue.Queue()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = draft(situation, on_text=updates.put)
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive() or not updates.empty():
        try:
            text = updates.get(timeout=0.1)
        except queue.Empty:
            continue
        while not updates.empty():  # only the newest text matters to the reader
            text = updates.get_nowait()
        yield text
    if "error" in outcome:
        raise outcome["error"]
    yield outcome["result"]


def escape_markdown_keep_lists(markdown: str) -> str:
    """The checklist's own Markdown structure stays; the user's words inside it are escaped."""
    lines = []
    for line in markdown.splitlines():
        for prefix in ("## ", "- [ ] "):
            if line.startswith(prefix):
                line = prefix + escape_markdown(line[len(prefix):])
                break
        lines.append(line)
    return "\n".join(lines)


def assess_views(situation: Situation, language: Language) -> dict[str, Any]:
    """The decision check and the channel advice in the page's language, and what they carry to the Draft
    tab: the outcome ("finish the stage" when that is the verdict) and the channel."""
    verdict = assess(situation, language)
    advice = advise_channel(situation, language)
    t, labels = texts(language), ui_data()["labels"][language]
    lines = [f"### {verdict.summary}", "", *[f"- {escape_markdown(r)}" for r in verdict.reasons]]
    if verdict.alternatives:
        lines += ["", t["alternatives"], *[f"- {escape_markdown(a)}" for a in verdict.alternatives]]
    outcome = {"finish_stage": "finish_stage", "end_now": "full"}.get(verdict.verdict)
    carried = t["assess_carried"].format(outcome=labels[f"outcome_{outcome or situation.outcome}"].lower(),
                                         channel=labels[f"channel_{advice.channel}"].lower())
    channel = t["channel"].format(channel=labels[f"channel_{advice.channel}"], reasons=" ".join(advice.reasons))
    return {"summary": "\n".join(lines), "channel_text": f"{channel}\n\n{carried}", "outcome": outcome, "channel": advice.channel}


def guidelines_markdown(channel: str, language: Language) -> str:
    parts = []
    for g in guidelines_for(None if channel == "all" else channel):  # type: ignore[arg-type]
        do = "\n".join(f"  - ✓ {escape_markdown(x)}" for x in g.do[language])
        dont = "\n".join(f"  - ✗ {escape_markdown(x)}" for x in g.dont[language])
        parts.append(f"### {g.order}. {g.title[language]}\n\n{g.summary[language]}\n\n*{g.why[language]}*\n\n{do}\n{dont}")
    return "\n\n".join(parts)
