"""The LLM critic of the self-check loop: the model reads its own draft once the rules have passed it.

Self-Refine's point is that the model critiques what it wrote; the rules catch the phrasings they know,
the critic catches the rest ("the brief changed again after approval"). It is asked (``prompts/llm/critic.j2``)
to quote every phrase that blames, judges, complains, threatens, condescends, vents or reads cold. Only
quotes that occur verbatim in the draft count — a critic that cannot point at the text is not trusted —
and each becomes an error-level `Violation` of rule ``critic`` (texts and guidelines in
``prompts/llm/critic.yaml``), so a flagged draft goes to revision like one the rules flagged.

The critic never costs the user a draft: when it fails in any way, the rules' verdict stands and the
review says it was skipped, and why.
"""

from __future__ import annotations

import asyncio
import json
import time
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from .checker import merge_findings
from .llm import GenerationError, brief
from .report import CheckReport, RuleCheck, Violation
from .resources import load_yaml
from .result import Usage
from .vocab import Language

RULE = "critic"
GUIDELINE = "no-blame"  # of the critic's row among a report's checks: most of what it finds is blame
MIN_QUOTE_CHARS = 3  # shorter quotes ("you") match anywhere and point at nothing in particular
_QUOTES = "\"'“”„«»‘’`"

Category = Literal["accusation", "blame", "judgment", "grievance", "threat", "dismissive", "sarcasm", "emotional", "cold"]


class CriticFinding(BaseModel):
    """One phrase the critic objects to, quoted from the draft."""

    model_config = ConfigDict(extra="ignore")

    quote: str
    category: Category
    reason: str


class CriticFindings(BaseModel):
    """The critic's whole answer: the schema it replies in. An empty list accepts the draft."""

    model_config = ConfigDict(extra="ignore")

    findings: list[CriticFinding]


class CriticTexts(BaseModel):
    """``prompts/llm/critic.yaml``: how findings read in a report."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    guidelines: dict[Category, str]
    # The checker's category of each (guidelines/categories.yaml), so a critic's finding counts as hostile.
    report_categories: dict[Category, str]
    categories: dict[Language, dict[Category, str]]
    message: dict[Language, str]
    suggestion: dict[Language, str]


class CriticReview(BaseModel):
    """What the critic did to one draft's report, and what that cost.

    ``note`` is ``"ran"`` (its verified findings, if any, are in ``report`` under rule ``critic``) or
    ``"skipped: <why>"`` (it failed; ``report`` is the rules' report unchanged).
    """

    report: CheckReport
    note: str
    usage: Usage = Usage()
    seconds: float = 0.0


@cache
def critic_texts() -> CriticTexts:
    return CriticTexts.model_validate(load_yaml("prompts", "llm", "critic.yaml"))


def critic_messages(text: str, language: Language) -> list[tuple[str, str]]:
    """The system (the task) and user (the draft) messages, from ``prompts/llm/critic.j2``."""
    from .prompt_blocks import fenced, prompt_template, system_and_user

    return system_and_user(prompt_template("critic.j2"), {
        "language": language, "text": fenced(text),
        "schema": json.dumps(CriticFindings.model_json_schema(), ensure_ascii=False),
    })


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where ``quote`` occurs in ``text`` (case-sensitive, after trimming whitespace and enclosing
    quotation marks); None when it does not occur verbatim."""
    quote = quote.strip().strip(_QUOTES).strip()
    if len(quote) < MIN_QUOTE_CHARS:
        return None
    at = text.find(quote)
    return (at, at + len(quote)) if at != -1 else None


def violations(findings: CriticFindings, text: str, language: Language) -> list[Violation]:
    """The findings whose quotes occur verbatim in ``text``, as error-level violations; the rest are
    dropped, and so is a second finding on the same span."""
    texts = critic_texts()
    found: dict[tuple[int, int], Violation] = {}
    for finding in findings.findings:
        span = locate(finding.quote, text)
        if span is None or span in found:
            continue
        excerpt = text[span[0] : span[1]]
        values = {"quote": excerpt, "reason": finding.reason.strip(), "category": texts.categories[language][finding.category]}
        found[span] = Violation(
            rule=RULE, severity="error", start=span[0], end=span[1], excerpt=excerpt,
            message=texts.message[language].format(**values), suggestion=texts.suggestion[language].format(**values),
            guideline=texts.guidelines[finding.category], category=texts.report_categories[finding.category],
        )
    return list(found.values())


async def review(backend: Any, text: str, report: CheckReport, deadline: float | None = None) -> CriticReview:
    """Ask ``backend`` to critique ``text`` and merge the verified findings into ``report``.

    ``deadline`` (event-loop time) ends the critic's wait: the caller's ceiling on all LLM work must not
    be what stops it, or the draft the rules passed would be lost with it. Any failure skips the critic.
    """
    started = time.perf_counter()
    try:
        async with asyncio.timeout_at(deadline):
            reply = await backend.generate(critic_messages(text, report.language), CriticFindings)
    except GenerationError as exc:
        return CriticReview(report=report, note=f"skipped: {exc}", usage=exc.usage, seconds=round(exc.seconds, 4))
    except TimeoutError:
        return CriticReview(report=report, note="skipped: no answer within the time left under TACTFUL_MAX_WAIT",
                            usage=Usage(calls=1), seconds=round(time.perf_counter() - started, 4))
    except Exception as exc:  # noqa: BLE001 - the draft the rules passed is worth more than the critic's opinion
        return CriticReview(report=report, note=f"skipped: {type(exc).__name__}: {brief(exc)}",
                            usage=Usage(calls=1), seconds=round(time.perf_counter() - started, 4))
    findings = violations(reply.content, text, report.language)
    check = RuleCheck(rule=RULE, passed=not findings, severity="error", guideline=GUIDELINE)
    return CriticReview(report=merge_findings(report, findings, check), note="ran", usage=reply.usage,
                        seconds=round(reply.seconds, 4))
