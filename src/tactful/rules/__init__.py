"""Rules as data: each file in ``guidelines/rules/`` is one rule of one kind.

A kind is a small class with its own fields and a ``find()`` (like Vale's checks): ``forbid`` (every
pattern match is a breach), ``require`` (a breach when nothing matches), ``caps``, ``length``, the
grounding kinds that compare a text with its situation, the consistency kinds (language, notice,
documents, "as agreed") and the sendability kinds (salutation, quoting, wishes, contract, voice, debts). A new kind is a new module and one more member of `Rule`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Union

import yaml
from pydantic import Field, TypeAdapter

from ..resources import data_dir, load_yaml
from ..text import normalize
from ..vocab import LANGUAGES, Channel, Language
from .base import Document, Finding, RuleBase
from .caps import CapsRule
from .consistency import AsAgreedRule, LanguageRule, NoticeRule, UnstatedDocumentRule
from .forbid import ForbidRule
from .grounded import (
    InventedDetailRule,
    MentionsContactRule,
    MentionsEndDateRule,
    MentionsHandoverRule,
    MentionsReferralRule,
    PromptLeakRule,
)
from .learned import LearnedRule
from .length import LengthRule
from .patterns import (
    Matcher,
    PatternSpec,
    TokenIndex,
    compile_pattern,
    merge_spans,
    outermost,
)
from .require import RequireRule
from .sendable import (
    AsksUnpaidRule,
    ForbidWhenRule,
    QuotedProjectRule,
    SalutationRule,
    WishNamesWorkRule,
)

Rule = Annotated[
    Union[
        ForbidRule, RequireRule, CapsRule, LengthRule, LanguageRule, NoticeRule, UnstatedDocumentRule, AsAgreedRule,
        MentionsContactRule, MentionsEndDateRule, MentionsReferralRule, MentionsHandoverRule, InventedDetailRule,
        PromptLeakRule, LearnedRule, SalutationRule, QuotedProjectRule, WishNamesWorkRule, ForbidWhenRule,
        AsksUnpaidRule,
    ],
    Field(discriminator="kind"),
]
_RULE = TypeAdapter(Rule)


@dataclass(frozen=True)
class RuleSet:
    """All rules, compiled."""

    rules: tuple[RuleBase, ...]

    def applicable(self, doc: Document) -> list[RuleBase]:
        return [r for r in self.rules if r.applies(doc)]

    def by_id(self, rule_id: str) -> RuleBase:
        return next(r for r in self.rules if r.id == rule_id)


@cache
def hostile_categories() -> frozenset[str]:
    """The categories that make a text hostile (``guidelines/categories.yaml``)."""
    data = load_yaml("guidelines", "categories.yaml")
    return frozenset(data["hostile"])


def load_lexicon(language: Language, directory: Path | None = None) -> dict[str, frozenset[str]]:
    """Word lists for one language: name -> normalized lemmas."""
    path = (directory or data_dir("guidelines")) / "lexicons" / f"{language}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: frozenset(normalize(str(w)) for w in words) for name, words in raw.items()}


def load_rules(directory: Path | None = None) -> RuleSet:
    """Read and compile every rule under ``guidelines/rules`` (or ``directory/rules``)."""
    if directory is None:
        return _default_rules()
    return _load(directory)


@cache
def _default_rules() -> RuleSet:
    return _load(data_dir("guidelines"))


def _load(directory: Path) -> RuleSet:
    lexicons = {lang: load_lexicon(lang, directory) for lang in LANGUAGES}
    rules: list[RuleBase] = []
    for path in sorted((directory / "rules").glob("*.yaml")):
        try:
            rule = _RULE.validate_python(yaml.safe_load(path.read_text(encoding="utf-8")))
            rule.compile(lexicons)
        except Exception as exc:  # a broken rule file must say which file it is
            raise ValueError(f"{path.name}: {exc}") from exc
        rules.append(rule)
    return RuleSet(tuple(rules))


__all__ = [
    "Channel", "Document", "Finding", "Matcher", "PatternSpec", "Rule", "RuleBase", "RuleSet", "TokenIndex",
    "compile_pattern", "hostile_categories", "load_lexicon", "load_rules", "merge_spans", "outermost",
]
