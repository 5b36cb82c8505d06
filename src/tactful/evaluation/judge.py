"""The optional rubric judge of `tactful eval --judge`, in the manner of G-Eval / DeepEval.

An LLM scores each draft against every guideline of the corpus that applies to the channel (1–5), with
a quoted excerpt of the draft as evidence. The evidence must occur verbatim in the draft (whitespace
runs and enclosing quotation marks aside), otherwise the score is discarded: a judge that cannot point
at the text is not trusted. Kept scores are compared with the rule results of the same guideline
(``RuleCheck.guideline``): a guideline passes by the rules when every applicable rule of it passed, and
by the judge when its score is at least `JUDGE_PASS`. `agreement` aggregates where the two agree.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..report import CheckReport
from ..result import Usage
from ..vocab import Channel, Language

JUDGE_PASS = 4  # a judge score of 4 or 5 counts as "follows the guideline"
MIN_EVIDENCE_CHARS = 3
UNKNOWN_GUIDELINE = "not a guideline of this channel"
_QUOTES = "\"'“”„«»‘’`"


class JudgeItem(BaseModel):
    """What the judge model answers for one guideline."""

    model_config = ConfigDict(extra="ignore")

    guideline: str
    score: int
    evidence: str = ""
    reason: str = ""


class JudgeReply(BaseModel):
    """The judge model's whole answer: one item per guideline."""

    model_config = ConfigDict(extra="ignore")

    scores: list[JudgeItem]


class JudgeScore(BaseModel):
    """One guideline's judgement as kept in the record: kept (evidence verified) or discarded, and why."""

    guideline: str
    score: int | None = Field(description="The judge's score if kept, else None")
    raw_score: int | None = None
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    kept: bool = False
    discarded: str | None = None
    reason: str = ""
    rules_passed: bool | None = Field(default=None, description="The rule verdict for this guideline; None without rules")


class JudgeResult(BaseModel):
    model: str | None = None
    scores: list[JudgeScore] = []
    error: str | None = None
    seconds: float = 0.0
    usage: Usage = Usage()


def judge_messages(text: str, channel: Channel, language: Language) -> list[tuple[str, str]]:
    """The system (rubric) and user (the draft) messages, from ``prompts/llm/judge.j2``."""
    from ..guidelines import guidelines_for
    from ..prompt_blocks import fenced, prompt_template, system_and_user

    return system_and_user(prompt_template("judge.j2"), {
        "language": language, "channel": channel, "guidelines": guidelines_for(channel), "text": fenced(text),
        "schema": json.dumps(JudgeReply.model_json_schema(), ensure_ascii=False),
    })


def find_evidence(evidence: str, text: str) -> tuple[int, int] | None:
    """Where ``evidence`` occurs verbatim in ``text`` (whitespace runs may differ, enclosing quotation
    marks and an ellipsis-free trim are allowed); None when it does not occur."""
    quote = evidence.strip().strip(_QUOTES).strip()
    if len(quote) < MIN_EVIDENCE_CHARS:
        return None
    at = text.find(quote)
    if at != -1:
        return at, at + len(quote)
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def rule_verdicts(report: CheckReport | None) -> dict[str, bool]:
    """Per guideline, whether every applicable rule enforcing it passed."""
    verdicts: dict[str, bool] = {}
    for check in report.checks if report else []:
        verdicts[check.guideline] = verdicts.get(check.guideline, True) and check.passed
    return verdicts


def verify(reply: JudgeReply, text: str, channel: Channel, report: CheckReport | None) -> list[JudgeScore]:
    """Keep the scores whose evidence is in the draft; discard the rest with the reason."""
    from ..guidelines import guidelines_for

    expected = [g.id for g in guidelines_for(channel)]
    verdicts = rule_verdicts(report)
    given: dict[str, JudgeItem] = {}
    scores: list[JudgeScore] = []
    for item in reply.scores:
        if item.guideline not in expected:
            scores.append(JudgeScore(guideline=item.guideline, score=None, raw_score=item.score, evidence=item.evidence,
                                     discarded=UNKNOWN_GUIDELINE, reason=item.reason))
        elif item.guideline in given:
            continue  # the first judgement of a guideline counts
        else:
            given[item.guideline] = item
    for guideline in expected:
        item = given.get(guideline)
        base = {"guideline": guideline, "rules_passed": verdicts.get(guideline)}
        if item is None:
            scores.append(JudgeScore(**base, score=None, discarded="not scored by the judge"))
            continue
        span = find_evidence(item.evidence, text)
        problem = (
            "score outside 1–5" if not 1 <= item.score <= 5
            else "no evidence quoted" if not item.evidence.strip()
            else "evidence does not occur verbatim in the draft" if span is None
            else None
        )
        scores.append(JudgeScore(
            **base, score=None if problem else item.score, raw_score=item.score, evidence=item.evidence,
            start=span[0] if span and not problem else None, end=span[1] if span and not problem else None,
            kept=problem is None, discarded=problem, reason=item.reason,
        ))
    return scores


class Judge:
    """Scores drafts through a `ChatClient` (structured output, validation errors fed back)."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    async def judge(self, text: str, channel: Channel, language: Language, report: CheckReport | None) -> JudgeResult:
        from ..llm import GenerationError

        started = time.perf_counter()
        try:
            reply = await self.backend.generate(judge_messages(text, channel, language), JudgeReply)
        except GenerationError as exc:
            return JudgeResult(model=self.backend.model, error=str(exc), seconds=round(time.perf_counter() - started, 4))
        return JudgeResult(
            model=self.backend.model, scores=verify(reply.content, text, channel, report),
            seconds=round(time.perf_counter() - started, 4), usage=reply.usage,
        )


def agreement(records: list[Any]) -> dict[str, Any]:
    """Judge scores beside the rule results: per guideline and overall, with the disagreements listed.

    A pair is a (draft, guideline) with a kept judge score and a rule verdict; they agree when both say
    "passes" (score ≥ `JUDGE_PASS`) or both say "fails". Cohen's kappa corrects for chance agreement
    (None when one side never varies).
    """
    per: dict[str, dict[str, Any]] = {}
    disagreements: list[dict[str, Any]] = []
    reasons: dict[str, int] = {}
    errors = 0
    judged_drafts = 0
    for record in records:
        if not record.judge:
            continue
        result = JudgeResult.model_validate(record.judge)
        judged_drafts += 1
        errors += result.error is not None
        for score in result.scores:
            if score.discarded:
                reasons[score.discarded] = reasons.get(score.discarded, 0) + 1
            if score.discarded == UNKNOWN_GUIDELINE:
                continue  # an id the judge made up has no row of its own
            entry = per.setdefault(score.guideline, {"kept": 0, "discarded": 0, "scores": [], "pairs": 0,
                                                     "agree": 0, "both": [0, 0, 0, 0]})
            if _count(entry, score):
                disagreements.append({"key": record.key, "guideline": score.guideline, "rules_passed": score.rules_passed,
                                      "score": score.score, "evidence": score.evidence, "reason": score.reason})
    guidelines = {guideline: _guideline_figures(entry) for guideline, entry in sorted(per.items())}
    total = [sum(cells) for cells in zip(*(entry["both"] for entry in per.values()))] or [0, 0, 0, 0]
    pairs = sum(total)
    return {
        "pass_threshold": JUDGE_PASS,
        "drafts": judged_drafts,
        "errors": errors,
        "kept": sum(g["kept"] for g in guidelines.values()),
        "discarded": sum(reasons.values()),
        "discarded_by_reason": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
        "pairs": pairs,
        "agreement": round((total[0] + total[3]) / pairs, 4) if pairs else None,
        "kappa": _kappa(total),
        "guidelines": guidelines,
        "disagreements": disagreements[:200],
    }


def _count(entry: dict[str, Any], score: JudgeScore) -> bool:
    """Count one score into its guideline's entry; true when the judge and the rules disagree on it."""
    if not score.kept:
        entry["discarded"] += 1
        return False
    entry["kept"] += 1
    entry["scores"].append(score.score)
    if score.rules_passed is None:
        return False
    judge_passes = score.score >= JUDGE_PASS
    entry["pairs"] += 1
    entry["agree"] += judge_passes == score.rules_passed
    entry["both"][2 * score.rules_passed + judge_passes] += 1
    return judge_passes != score.rules_passed


def _guideline_figures(entry: dict[str, Any]) -> dict[str, Any]:
    scores, pairs = entry["scores"], entry["pairs"]
    return {
        "kept": entry["kept"], "discarded": entry["discarded"],
        "mean_score": round(sum(scores) / len(scores), 3) if scores else None,
        "judge_pass_rate": round(sum(s >= JUDGE_PASS for s in scores) / len(scores), 4) if scores else None,
        "rule_pass_rate": round((entry["both"][2] + entry["both"][3]) / pairs, 4) if pairs else None,
        "pairs": pairs,
        "agreement": round(entry["agree"] / pairs, 4) if pairs else None,
        "kappa": _kappa(entry["both"]),
    }


def _kappa(both: list[int]) -> float | None:
    """Cohen's kappa of a 2×2 table [rules fail & judge fail, rules fail & judge pass, rules pass &
    judge fail, rules pass & judge pass]."""
    n = sum(both)
    if not n:
        return None
    observed = (both[0] + both[3]) / n
    rules_pass, judge_pass = (both[2] + both[3]) / n, (both[1] + both[3]) / n
    expected = rules_pass * judge_pass + (1 - rules_pass) * (1 - judge_pass)
    return None if expected >= 1 else round((observed - expected) / (1 - expected), 4)
