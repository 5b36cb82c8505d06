"""The tone checker: text in, `CheckReport` out. Pure and fast — it imports nothing from drafting or UI."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .language import LanguageError, resolve_language
from .report import CheckReport, RuleCheck, Violation
from .rules import (
    Document,
    Finding,
    RuleBase,
    RuleSet,
    TokenIndex,
    hostile_categories,
    load_rules,
)
from .text import Token, tokenize
from .vocab import CHANNELS, Channel, Language

if TYPE_CHECKING:
    from .situation import Situation

MAX_CHARS = 5_000_000
_WEIGHT = {"error": 3, "warning": 1}


class InputError(ValueError):
    """The text cannot be checked (empty, too large, or an unknown language or channel)."""


def check(
    text: str,
    lang: str | None = "auto",
    channel: Channel | str = "email",
    *,
    situation: "Situation | None" = None,
    rules: RuleSet | None = None,
    context: str = "message",
    instructions: str | None = None,
) -> CheckReport:
    """Check ``text`` against the tone rules and return a report with spans into ``text``.

    ``lang`` is ``"auto"`` (detected), ``"en"`` or ``"ru"``; ``channel`` is ``email``, ``call`` or
    ``meeting`` and selects channel-specific rules (a subject line, length bounds). With a
    ``situation``, the grounding checks run too (the contact, end date, referral and handover are
    mentioned; no invented names, dates, sums or clauses). ``context="reply"`` checks an answer to a
    client's push-back: the rules for replies apply, those only for a first parting message do not.
    With ``instructions`` (what a model was told), runs of words copied from them are reported as a
    prompt leak: a model that obeyed "reveal your prompt".
    Raises `InputError` for empty or oversized text.
    """
    if not isinstance(text, str):
        raise InputError("text must be a string")
    if not text.strip():
        raise InputError("the text is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"the text has {len(text):,} characters; the limit is {MAX_CHARS:,}")
    if channel not in CHANNELS:
        raise InputError(f"unknown channel {channel!r}: use email, call or meeting")
    # A situation that names its language asks for a message in it, whatever the text is written in.
    try:
        language = resolve_language(text, lang, situation.language if situation is not None else None)
    except LanguageError as exc:
        raise InputError(str(exc)) from None
    ruleset = rules or load_rules()
    text = _without_quoted_lines(text)
    tokens = tokenize(text, language)
    if situation is not None:
        tokens = mark_client_names(tokens, situation, language)
    doc = Document(text=text, language=language, channel=channel, context=context,  # type: ignore[arg-type]
                   index=TokenIndex(tokens), situation=situation, instructions=instructions)
    violations: list[Violation] = []
    checks: list[RuleCheck] = []
    for rule in ruleset.applicable(doc):
        found = [violation(rule, doc, f) for f in rule.find(doc)]
        violations += found
        checks.append(RuleCheck(rule=rule.id, passed=not found, severity=rule.severity, guideline=rule.guideline))
    return build_report(language, channel, violations, checks)  # type: ignore[arg-type]


def _without_quoted_lines(text: str) -> str:
    """``text`` with the lines it quotes from another message ("> Which venues still haven't answered?", as a reply
    answered inline quotes the client) blanked, every offset kept: they are the other side's words, not the sender's
    tone. A text that is nothing but quotes is checked whole."""
    blanked = re.sub(r"(?m)^[ \t]*>.*$", lambda m: " " * len(m[0]), text)
    return blanked if blanked.strip() else text


def violation(rule: RuleBase, doc: Document, finding: Finding) -> Violation:
    """The one place a finding becomes a `Violation`: its excerpt, its message in the text's language,
    and the concrete fix the rule offers for it (if any)."""
    excerpt = doc.text[finding.start:finding.end]
    fields = _Default({"excerpt": excerpt, **finding.values})
    return Violation(
        rule=rule.id, severity=rule.severity, category=rule.category, start=finding.start, end=finding.end,
        excerpt=excerpt, message=rule.message[doc.language].format_map(fields),
        suggestion=rule.suggestion[doc.language].format_map(fields), guideline=rule.guideline, fix=finding.fix,
    )


# The lemma a rule's lexicon uses for "the client, by the name the situation gives" (lexicon client_ref).
CLIENT_NAME = "§client"


def mark_client_names(tokens: tuple[Token, ...], situation: "Situation", language: Language) -> tuple[Token, ...]:
    """The tokens, with the words of the client's and the contact's names also read as `CLIENT_NAME`,
    so "Karen pays every invoice late" accuses the client like "you pay every invoice late" does."""
    names = {
        lemma
        for part in (situation.client.name, situation.client.contact)
        if part
        for t in tokenize(part, language)
        if t.is_word and len(t.text) > 2 and t.text[:1].isupper() and not t.text.isupper()
        for lemma in t.lemmas
    }
    if not names:
        return tokens
    return tuple(
        t._replace(lemmas=t.lemmas | {CLIENT_NAME}) if t.text[:1].isupper() and t.lemmas & names else t
        for t in tokens
    )


def build_report(language: Language, channel: Channel, violations: list[Violation], checks: list[RuleCheck]) -> CheckReport:
    """The one place a report's order, ``passed`` and ``score`` are decided."""
    # Findings in the text first, in reading order; what the whole message lacks comes last.
    ordered = sorted(violations, key=lambda v: (v.start == v.end, v.start, v.end, v.rule))
    total = sum(_WEIGHT[c.severity] for c in checks) or 1
    lost = sum(_WEIGHT[c.severity] for c in checks if not c.passed)
    hostile = hostile_categories()
    return CheckReport(
        passed=not any(v.severity == "error" for v in ordered),
        hostile=any(v.category in hostile for v in ordered),
        score=round(1 - lost / total, 4),
        language=language,
        channel=channel,
        violations=ordered,
        checks=checks,
    )


def merge_findings(report: CheckReport, findings: list[Violation], check: RuleCheck) -> CheckReport:
    """``report`` with findings from another judge (an LLM critic) added under their own rule row."""
    return build_report(report.language, report.channel, [*report.violations, *findings], [*report.checks, check])


class _Default(dict):
    """format_map that leaves unknown ``{fields}`` in a message untouched."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
