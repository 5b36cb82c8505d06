"""``kind: forbid`` — every match of a pattern is a breach (an accusation, a threat, an insult)."""

from __future__ import annotations

from typing import Literal

from .base import Document, Finding, PatternRule
from .patterns import outermost


class ForbidRule(PatternRule):
    kind: Literal["forbid"]

    def find(self, doc: Document) -> list[Finding]:
        # One phrase matched by several patterns is reported once, by its outermost span.
        return [Finding(start, end) for start, end in outermost(sorted(set(self.spans(doc))))]
