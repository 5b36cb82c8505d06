"""Apply the checker's concrete fixes to a text: pure functions, no I/O.

A `Violation` whose rule has a concrete replacement carries it in ``fix`` (the text that replaces
``text[start:end]``; ``""`` deletes the span). `apply_fix` applies one and tidies what a deletion leaves
behind — a double space, a space or a comma before punctuation, a comma at the start of a sentence, a
lower-case sentence start; `apply_all` applies every fix of a report. Re-check the result: a fix removes
its own finding, and the text may then read differently to other rules.
"""

from __future__ import annotations

from .report import CheckReport, Violation

__all__ = ["apply_all", "apply_fix", "fixable"]

_SENTENCE_END = ".!?…"
_CLAUSE_MARKS = ",;:"
_DASHES = "—–-"
_SPACE = " \t"


def fixable(report: CheckReport) -> list[Violation]:
    """The violations of ``report`` that carry a concrete fix, in reading order."""
    return [v for v in report.violations if v.fix is not None and v.end > v.start]


def apply_fix(text: str, violation: Violation) -> str:
    """``text`` with ``violation``'s span replaced by its fix (unchanged if it has none).

    Raises ValueError if the violation does not point into ``text`` (its excerpt is not at its span):
    a violation applies to the very text that was checked.
    """
    if violation.fix is None or violation.end <= violation.start:
        return text
    if text[violation.start:violation.end] != violation.excerpt:
        raise ValueError(f"the violation of {violation.rule} does not point into this text")
    return _replace(text, violation.start, violation.end, violation.fix)


def apply_all(text: str, report: CheckReport) -> str:
    """``text`` with every fix of ``report`` applied, from the end backwards so that the offsets of the
    ones before stay valid. Of overlapping spans the first (in reading order) is kept."""
    chosen: list[Violation] = []
    for v in sorted(fixable(report), key=lambda v: (v.start, v.end)):
        if chosen and v.start < chosen[-1].end:
            continue
        chosen.append(v)
    # A fix and its tidying never reach past the line it is on, so each line with fixes is rewritten on
    # its own: a long text with many fixes is not copied once per fix.
    pieces: list[str] = []
    done = 0
    i = 0
    while i < len(chosen):
        line_start = text.rfind("\n", 0, chosen[i].start) + 1
        line_end = _line_end(text, chosen[i].end)
        j = i + 1
        while j < len(chosen) and chosen[j].start < line_end:
            line_end = _line_end(text, chosen[j].end)
            j += 1
        line = text[line_start:line_end]
        for v in reversed(chosen[i:j]):
            start, end = v.start - line_start, v.end - line_start
            # A deletion tidies the punctuation just before it; a fix there that no longer finds its
            # excerpt is left out rather than applied to the wrong characters.
            if line[start:end] == v.excerpt:
                line = _replace(line, start, end, v.fix or "")
        pieces += [text[done:line_start], line]
        done, i = line_end, j
    pieces.append(text[done:])
    return "".join(pieces)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _replace(text: str, start: int, end: int, replacement: str) -> str:
    if replacement:
        return text[:start] + replacement + text[end:]
    return _delete(text, start, end)


def _delete(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, and without the debris the deletion leaves around it."""
    left, right = text[:start], text[end:]
    head = left.rstrip(_SPACE)
    tail = right.lstrip(_SPACE)
    if not head or head[-1] in "\n" + _SENTENCE_END:
        # The start of a sentence: what is left of the deleted clause's punctuation goes ("As agreed, we"
        # → "We"; a deleted sentence "Enough is enough." leaves no lone "."), and the sentence starts
        # with a capital.
        tail = tail.lstrip(_CLAUSE_MARKS + _SENTENCE_END + _DASHES + _SPACE)
        tail = tail[:1].upper() + tail[1:]
        gap = "" if not head or head.endswith("\n") or not tail or tail.startswith("\n") else " "
        return head + gap + tail
    if not tail or tail[0] == "\n":
        # The end of a line: no comma left hanging ("…, full stop" → "…").
        return head.rstrip(_CLAUSE_MARKS + _DASHES + _SPACE) + tail
    if head[-1] in _CLAUSE_MARKS and tail[0] in _CLAUSE_MARKS:
        # A parenthetical between two commas: both go ("The files, per my last email, are ready").
        return head[:-1].rstrip(_SPACE) + " " + tail[1:].lstrip(_SPACE)
    if tail[0] in _SENTENCE_END + _CLAUSE_MARKS + ")":
        # No space and no comma before the punctuation that follows ("our decision, full stop." → "our decision.").
        if head[-1] in _CLAUSE_MARKS + _DASHES:
            head = head[:-1].rstrip(_SPACE)
        return head + tail
    return head + " " + tail
