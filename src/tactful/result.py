"""What a drafting run returns: the final message, every attempt on the way, and what they cost."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .message import Draft
from .report import CheckReport
from .vocab import Channel, Language, Tone


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LeftOut(_Model):
    """A fragment of the user's input that the draft does not use, and why."""

    field: str
    text: str
    rules: list[str]
    hint: str


class Usage(_Model):
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: "Usage") -> "Usage":
        return Usage(**{k: getattr(self, k) + getattr(other, k) for k in Usage.model_fields})


class Attempt(_Model):
    """One draft the pipeline produced on the way, with its check report (or the error that stopped it)."""

    round: int
    backend: str
    model: str | None = None
    kind: Literal["draft", "revision", "fallback"] = "draft"
    text: str | None = None
    report: CheckReport | None = None
    error: str | None = None
    seconds: float = 0.0
    usage: Usage = Usage()
    critic: str | None = Field(default=None, description=(
        "The LLM critic on this draft (its call is in seconds and usage): None = not asked (the rules found "
        "errors, TACTFUL_CRITIC is off, or no LLM); 'ran' = its verified findings are in the report under rule "
        "'critic'; 'skipped: <why>' = it failed and the rules' verdict stands"))


class DraftResult(_Model):
    """The final message, how it was made, and how it checks out."""

    text: str
    markdown: str
    channel: Channel
    language: Language
    tone: Tone
    backend: str
    model: str | None = None
    fallback: bool = False
    fallback_reason: str | None = None
    compliant: bool
    draft: Draft
    report: CheckReport
    attempts: list[Attempt]
    left_out: list[LeftOut] = []
    warnings: list[str] = []
    # The warnings that must stop the message from going out as it is (a past end date, an end date
    # inside the notice period): the UI lists them as blockers.
    blocking: list[str] = []
    # A reply's client points that only the user can answer (a price, a yes or no, a later date): pass
    # answers to them by point or number to `reply(..., answers=...)` and they are written in.
    questions: list[str] = []
    timings: dict[str, float] = {}
    usage: Usage = Usage()
    variants: list["DraftResult"] = []
