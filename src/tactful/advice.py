"""Before the message: should the cooperation end at all, and through which channel?

Both are offline and rule-based: signals, weights, alternatives and channel factors are data
(``guidelines/assessment.yaml``), and every reason is cited from that file and the guideline corpus.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from .resources import load_yaml
from .situation import Situation
from .vocab import Channel, Language

Verdict = Literal["end_now", "finish_stage", "try_alternative", "keep"]


class Assessment(BaseModel):
    """A recommendation on whether to end, with its reasons and the alternatives worth trying."""

    verdict: Verdict
    summary: str
    score: int
    reasons: list[str]
    alternatives: list[str]
    unknown_signals: list[str] = []


class ChannelAdvice(BaseModel):
    channel: Channel
    scores: dict[str, int]
    reasons: list[str]


@cache
def assessment_data() -> dict[str, Any]:
    return load_yaml("guidelines", "assessment.yaml")


def assess(situation: Situation, language: Language) -> Assessment:
    """Recommend ending now, finishing the stage first, trying an alternative, or keeping the client."""
    config = assessment_data()
    signals = config["signals"]
    present = [s for s in situation.signals if s in signals]
    unknown = [s for s in situation.signals if s not in signals]
    score = sum(signals[s]["weight"] for s in present)
    thresholds = config["thresholds"]
    text = config["reasons"]
    reasons = [text["signal"][language].format(signal=signals[s]["title"][language]) for s in present]
    reasons.append(text["score"][language].format(score=score, end=thresholds["end"]))

    decisive = [s for s in present if signals[s].get("decisive")]
    untried = [a for a in dict.fromkeys(signals[s].get("alternative") for s in present) if a and a not in situation.tried]
    if decisive:
        reasons.append(text["decisive"][language].format(signal=signals[decisive[0]]["title"][language]))
    # Once every alternative for the signals present has been tried, there is nothing left to try first.
    if score >= thresholds["end"] or decisive or (present and not untried):
        if not decisive and not untried and present:
            reasons.append(text["all_tried"][language])
        verdict: Verdict = "finish_stage" if situation.stage_in_progress else "end_now"
        if verdict == "finish_stage":
            reasons.append(text["stage"][language])
        alternatives: list[str] = []
    elif present:
        from .guidelines import load_guidelines

        verdict = "try_alternative"
        alternatives = [config["alternatives"][a]["title"][language] for a in untried] or [
            config["alternatives"]["transparent_talk"]["title"][language]
        ]
        corpus = {g.id: g for g in load_guidelines()}
        reasons.append(corpus["consider-alternatives-to-ending"].summary[language])
    else:
        verdict, alternatives = "keep", []
    return Assessment(
        verdict=verdict, summary=config["verdicts"][verdict][language], score=score, reasons=reasons,
        alternatives=alternatives, unknown_signals=unknown,
    )


def advise_channel(situation: Situation, language: Language) -> ChannelAdvice:
    """Recommend email, call or meeting, with the reasons that decided it."""
    config = assessment_data()["channels"]
    facts = set(situation.signals)
    if situation.contract.notice_days or situation.contract.clause:
        facts.add("contract")
    if situation.urgent:
        facts.add("urgent")
    if (situation.relationship_months or 0) >= config["long_relationship_months"]:
        facts.add("long_relationship")
    scores = {"email": 0, "call": 0, "meeting": 0} | dict(config["default"])
    reasons = []
    for factor in config["factors"].values():
        if facts & set(factor["when"]):
            for channel, points in factor["points"].items():
                scores[channel] += points
            reasons.append(factor["reason"][language])
    best = max(scores, key=lambda c: (scores[c], c == "email"))  # ties go to the documented channel
    reasons.append(config["follow_up"][language])
    return ChannelAdvice(channel=best, scores=scores, reasons=reasons)  # type: ignore[arg-type]
