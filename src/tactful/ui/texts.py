"""Turning a `CheckReport` into what a person reads: highlighted segments, a rule table, a coaching
summary. Pure functions with no UI library, so the web page and tests share them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..report import CheckReport
from ..resources import load_yaml
from ..vocab import Language


@cache
def ui_data() -> dict[str, Any]:
    return load_yaml("guidelines", "ui.yaml")


def texts(language: Language) -> dict[str, Any]:
    return ui_data()["text"][language]


def escape_markdown(text: str) -> str:
    """User text shown inside Markdown stays literal: no links, emphasis or HTML from a client name."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~])", r"\\\1", text)


def highlight(text: str, report: CheckReport) -> list[tuple[str, str | None]]:
    """(segment, rule id or None) pieces of ``text``; overlapping findings are merged into the first.

    A finding that holds another one inside it (the learned reader's whole sentence around an
    accusation) gives way to it: the specific words are what the user should see and fix."""
    found = [v for v in report.violations if v.end > v.start]
    spans = sorted(
        (v.start, v.end, v.rule) for v in found
        if v.category != "tone" or not any(o is not v and v.start <= o.start and o.end <= v.end for o in found)
    )
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for start, end, rule in (_whole_words(text, *span) for span in spans):
        if end <= position:
            continue
        start = max(start, position)
        if start > position:
            pieces.append((text[position:start], None))
        pieces.append((text[start:end], rule))
        position = end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def _whole_words(text: str, start: int, end: int, rule: str) -> tuple[int, int, str]:
    """A span widened to whole words, so a highlight never splits one ("consideratio|n")."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end, rule




def coaching(report: CheckReport) -> str:
    """How the message reads, how the client will likely take it, and the one or two fixes that matter."""
    t = texts(report.language)
    failed = {c.rule for c in report.checks if not c.passed}
    words = [
        t["qualities"][name] if not failed & set(rules) else t["lacking"][name]
        for name, rules in ui_data()["qualities"].items()
    ]
    reception = "errors" if report.errors else ("warnings" if report.warnings else "clean")
    lines = [t["reads"].format(qualities=", ".join(words)), "", t["reception"][reception]]
    top = (report.errors + report.warnings)[:2]
    if top:
        lines += ["", t["fixes"]]
        lines += [f"- {escape_markdown(v.message)} → {escape_markdown(v.suggestion)}" for v in top]
    return "\n".join(lines)
