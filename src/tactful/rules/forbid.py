"""``kind: forbid`` — every match of a pattern is a breach (an accusation, a threat, an insult)."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import Document, Finding, PatternRule, fixes_of
from .patterns import outermost


class ForbidRule(PatternRule):
    kind: Literal["forbid"]
    fixable: ClassVar[bool] = True

    def find(self, doc: Document) -> list[Finding]:
        # One phrase matched by several patterns is reported once, by its outermost span.
        found = self.matches(doc)
        fixes = fixes_of(doc.text, found)
        return [Finding(start, end, fix=fixes.get((start, end))) for start, end in outermost(sorted({span for span, _ in found}))]
