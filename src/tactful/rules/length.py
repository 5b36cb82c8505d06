"""``kind: length`` — the word count fits the channel (too short reads curt, too long buries the decision)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..vocab import Channel
from .base import Document, Finding, RuleBase


class LengthRule(RuleBase):
    kind: Literal["length"]
    bounds: dict[Channel, tuple[int, int]] = {}
    # An answer in a thread may be shorter than the message that opened it ("When is the last day?").
    reply_bounds: dict[Channel, tuple[int, int]] = {}
    scope: ClassVar[Literal["span", "message"]] = "message"

    def find(self, doc: Document) -> list[Finding]:
        bounds = self.reply_bounds if doc.context == "reply" and self.reply_bounds else self.bounds
        low, high = bounds.get(doc.channel, (0, 10**9))
        words = sum(t.is_word for t in doc.index.tokens)
        if low <= words <= high:
            return []
        return [Finding(values={"words": words, "min": low, "max": high})]
