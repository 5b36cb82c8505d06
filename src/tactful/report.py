"""What the checker produces: the findings on a text and the report that gathers them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .vocab import Channel, Language, Severity


class Violation(BaseModel):
    """One finding: which rule, where in the text (character offsets), and what to do about it.

    Rules about what the whole message lacks (a missing thank-you) have an empty span at offset 0.
    ``fix`` is the text that replaces ``text[start:end]`` where the rule has a concrete replacement
    (``""`` deletes the span; see `tactful.fixes`); None where the suggestion stays advice.
    """

    rule: str
    severity: Severity
    category: str = Field(default="", description="What a careful reader would call it: blame, threat, grounding, …")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    excerpt: str
    message: str
    suggestion: str
    guideline: str
    fix: str | None = Field(default=None, description="The text that replaces text[start:end]; None: advice only")


class RuleCheck(BaseModel):
    """Whether one applicable rule passed on the text."""

    rule: str
    passed: bool
    severity: Severity
    guideline: str


class CheckReport(BaseModel):
    """The result of checking one text against the tone rules."""

    passed: bool = Field(description="False iff an error-level violation exists")
    hostile: bool = Field(default=False, description="True iff a finding blames, judges, complains, insults, "
                          "dismisses, threatens, disrespects or vents (guidelines/categories.yaml)")
    score: float = Field(ge=0.0, le=1.0, description="Share of applicable rules passed, errors weigh 3")
    language: Language
    channel: Channel
    violations: list[Violation]
    checks: list[RuleCheck]

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "error"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "warning"]
