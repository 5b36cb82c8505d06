"""The tone checker: text in, `CheckReport` out. Pure and fast — it imports nothing from drafting or UI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import detect_language
from .models import CHANNELS, Channel, CheckReport, Language, RuleCheck, Violation
from .rules import Rule, RuleSet, TokenIndex, load_rules, outermost
from .text import Token, tokenize

if TYPE_CHECKING:
    from .situation import Situation

MAX_CHARS = 5_000_000
_WEIGHT = {"error": 3, "warning": 1}


class InputError(ValueError):
    """The text cannot be checked (empty, too large, or an unknown language or channel)."""


def resolve_language(text: str, lang: str | None) -> Language:
    """Turn ``auto``/``None`` into the detected language; reject anything but en/ru."""
    if lang in (None, "", "auto"):
        return detect_language(text)
    if lang not in ("en", "ru"):
        raise InputError(f"unsupported language {lang!r}: use auto, en or ru")
    return lang  # type: ignore[return-value]


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
    language = resolve_language(text, lang)
    ruleset = rules or load_rules()
    index = TokenIndex(tokenize(text, language))

    violations: list[Violation] = []
    checks: list[RuleCheck] = []
    for rule in ruleset.applicable(language, channel, context):  # type: ignore[arg-type]
        found = _violations(rule, ruleset, text, index, language, channel)  # type: ignore[arg-type]
        violations += found
        checks.append(RuleCheck(rule=rule.id, passed=not found, severity=rule.severity, guideline=rule.guideline))

    if situation is not None:
        from .grounding import check_grounding

        grounded, grounding_checks = check_grounding(text, situation, language, context)
        violations += grounded
        checks += grounding_checks
    if instructions is not None:
        from .grounding import leak_violations

        leaks = leak_violations(text, instructions, language)
        violations += leaks
        checks.append(RuleCheck(rule="prompt_leak", passed=not leaks, severity="error", guideline="channel-choice"))
    return build_report(language, channel, violations, checks)  # type: ignore[arg-type]


def build_report(language: Language, channel: Channel, violations: list[Violation], checks: list[RuleCheck]) -> CheckReport:
    """The one place a report's order, ``passed`` and ``score`` are decided."""
    # Findings in the text first, in reading order; what the whole message lacks comes last.
    ordered = sorted(violations, key=lambda v: (v.start == v.end, v.start, v.end, v.rule))
    total = sum(_WEIGHT[c.severity] for c in checks) or 1
    lost = sum(_WEIGHT[c.severity] for c in checks if not c.passed)
    return CheckReport(
        passed=not any(v.severity == "error" for v in ordered),
        score=round(1 - lost / total, 4),
        language=language,
        channel=channel,
        violations=ordered,
        checks=checks,
    )


def merge_findings(report: CheckReport, findings: list[Violation], check: RuleCheck) -> CheckReport:
    """``report`` with findings from another judge (an LLM critic) added under their own rule row."""
    return build_report(report.language, report.channel, [*report.violations, *findings], [*report.checks, check])


def _violations(
    rule: Rule, ruleset: RuleSet, text: str, index: TokenIndex, language: Language, channel: Channel
) -> list[Violation]:
    def make(start: int, end: int, **values: object) -> Violation:
        excerpt = text[start:end]
        fields = {"excerpt": excerpt, **values}
        return Violation(
            rule=rule.id,
            severity=rule.severity,
            start=start,
            end=end,
            excerpt=excerpt,
            message=rule.message[language].format_map(_Default(fields)),
            suggestion=rule.suggestion[language].format_map(_Default(fields)),
            guideline=rule.guideline,
        )

    if rule.kind == "forbid":
        spans = sorted({s for p in ruleset.compiled[(rule.id, language)] for s in p.find(text, index)})
        return [make(start, end) for start, end in outermost(spans)]
    if rule.kind == "require":
        if any(p.find(text, index) for p in ruleset.compiled[(rule.id, language)]):
            return []
        return [make(0, 0)]
    if rule.kind == "caps":
        allowed = {a.upper() for a in rule.allow}
        skipped = [s for other in rule.skip_within for p in ruleset.compiled[(other, language)] for s in p.find(text, index)]
        return [
            make(t.start, t.end)
            for t in index.tokens
            if t.text.isupper() and sum(ch.isalpha() for ch in t.text) >= rule.min_letters
            and t.text not in allowed
            and (not rule.dictionary_words_only or _is_dictionary_word(t))
            and not any(s <= t.start and t.end <= e for s, e in skipped)
        ]
    # length
    low, high = rule.bounds.get(channel, (0, 10**9))
    words = sum(t.is_word for t in index.tokens)
    if low <= words <= high:
        return []
    return [make(0, 0, words=words, min=low, max=high)]


def _is_dictionary_word(token: Token) -> bool:
    """A reading from the dictionary that is not an abbreviation: "STOP" shouts, "SSL" and "ООО" do not."""
    return any(tags and not tags & {"UNKN", "Abbr"} for _, tags in token.analyses)


class _Default(dict):
    """format_map that leaves unknown ``{fields}`` in a message untouched."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
