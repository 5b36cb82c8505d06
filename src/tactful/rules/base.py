"""What every rule kind shares: where it applies, its message and suggestion, and the document it reads.

A rule kind is a small pydantic model with its own fields and a ``find()`` that returns findings (a
span and the values its message needs). The checker turns findings into `Violation`s in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr, model_validator

from ..vocab import CHANNELS, LANGUAGES, Channel, Language, Severity
from .patterns import Matcher, Pattern, PatternSpec, Span, TokenIndex, compile_pattern

if TYPE_CHECKING:
    from ..situation import Situation


@dataclass(frozen=True)
class Document:
    """One text under check, with everything a rule may read about it."""

    text: str
    language: Language
    channel: Channel
    context: Literal["message", "reply"]
    index: TokenIndex
    situation: "Situation | None" = None
    instructions: str | None = None


@dataclass(frozen=True)
class Finding:
    """A breach of a rule: a span of the text (empty at 0 for what the whole message lacks), the
    values its message template names (``{value}``, ``{words}``), and the text that would replace the
    span where the rule has a concrete fix for it."""

    start: int = 0
    end: int = 0
    values: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None


Matchers = dict[Language, tuple[Matcher, ...]]


def compile_patterns(patterns: dict[Language, list[Pattern]], lexicons: dict[Language, dict[str, frozenset[str]]]) -> Matchers:
    """Each language's patterns, compiled against that language's lexicons."""
    return {lang: tuple(compile_pattern(s, lexicons[lang]) for s in specs) for lang, specs in patterns.items()}


def spans_of(matchers: Matchers, doc: Document) -> list[tuple[int, int]]:
    """Every span that any of the document's language's matchers finds."""
    return [s for m in matchers.get(doc.language, ()) for s in m.find(doc.text, doc.index)]


def matches_of(matchers: Matchers, doc: Document) -> list[tuple[Span, Matcher]]:
    """Every span any matcher finds, with the matcher that found it (in the order the rule lists them)."""
    return [(s, m) for m in matchers.get(doc.language, ()) for s in m.find(doc.text, doc.index)]


def fixes_of(text: str, matches: list[tuple[Span, Matcher]]) -> dict[Span, str]:
    """The replacement for each span a pattern with a fix matched: the first such pattern (in the
    order the rule lists them) that has a fix for it. A reported span that is not here — joined from
    several matches, or matched only by patterns without a fix — has no fix."""
    fixes: dict[Span, str] = {}
    for span, matcher in matches:
        if matcher.fix is not None and span not in fixes:
            replacement = matcher.fix.replacement(text, *span)
            if replacement is not None:
                fixes[span] = replacement
    return fixes


class RuleBase(BaseModel):
    """The fields every rule file has; each kind adds its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    severity: Severity
    guideline: str
    # What a careful reader would call the breach (blame, threat, grounding, structure, …): the
    # categories are listed in guidelines/categories.yaml; the hostile ones decide "free of blame".
    category: str
    languages: list[Language] = list(LANGUAGES)
    channels: list[Channel] = list(CHANNELS)
    # "reply": the rule judges answers to a client's push-back only (e.g. not re-opening the decision).
    contexts: list[Literal["message", "reply"]] = ["message", "reply"]
    message: dict[Language, str]
    suggestion: dict[Language, str]
    description: str = ""
    # The rule stands aside when the user's notes ask for what it forbids (a friend on «ты»).
    unless_asked_informal: bool = False

    # What the document must carry for the rule to run at all.
    needs: ClassVar[tuple[str, ...]] = ()
    # Span rules point at words; message rules judge what the whole message has or lacks.
    scope: ClassVar[Literal["span", "message"]] = "span"

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        """Prepare matchers once at load time (rules with patterns override this)."""

    def applies(self, doc: Document) -> bool:
        return (
            doc.language in self.languages and doc.channel in self.channels and doc.context in self.contexts
            and all(getattr(doc, need) is not None for need in self.needs)
        ) and not (self.unless_asked_informal and doc.situation is not None and _asks_informal(doc.situation))

    def find(self, doc: Document) -> list[Finding]:
        raise NotImplementedError


class PatternRule(RuleBase):
    """A rule that recognises its breach by patterns per language (see `patterns`)."""

    patterns: dict[Language, list[Pattern]] = {}
    _matchers: Matchers = PrivateAttr(default_factory=dict)
    # Kinds whose findings are their patterns' own matches can offer the patterns' fixes.
    fixable: ClassVar[bool] = False

    @model_validator(mode="after")
    def _has_patterns(self) -> "PatternRule":
        missing = [lang for lang in self.languages if not self.patterns.get(lang)]
        if missing:
            raise ValueError(f"rule {self.id}: no patterns for {', '.join(missing)}")
        if not self.fixable and any(isinstance(p, PatternSpec) and p.fix is not None
                                    for specs in self.patterns.values() for p in specs):
            raise ValueError(f"rule {self.id}: a rule of kind {self.kind} cannot apply a fix")  # type: ignore[attr-defined]
        return self

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        self._matchers = compile_patterns(self.patterns, lexicons)

    def matchers(self, language: Language) -> tuple[Matcher, ...]:
        return self._matchers.get(language, ())

    def spans(self, doc: Document) -> list[tuple[int, int]]:
        """Every span any of the language's patterns matches."""
        return spans_of(self._matchers, doc)

    def matches(self, doc: Document) -> list[tuple[Span, Matcher]]:
        """Every span any of the language's patterns matches, with its matcher (for `fixes_of`)."""
        return matches_of(self._matchers, doc)


def _asks_informal(situation) -> bool:
    from ..address import asks_informal

    return asks_informal(situation)
