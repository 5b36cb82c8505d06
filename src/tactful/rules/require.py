"""``kind: require`` — a breach when nothing matches (no thanks, no next step anywhere)."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import Document, Finding, PatternRule


class RequireRule(PatternRule):
    kind: Literal["require"]
    scope: ClassVar[Literal["span", "message"]] = "message"

    def find(self, doc: Document) -> list[Finding]:
        if any(m.find(doc.text, doc.index) for m in self.matchers(doc.language)):
            return []
        return [Finding()]
