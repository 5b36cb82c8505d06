"""Consistency rules: a message that contradicts its own situation.

The language it was asked to be written in, a formal notice the end date does not respect, documents
the situation says do not exist, an agreement claimed when none was made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import PrivateAttr

from ..as_of import as_of
from ..text import Token, normalize, tokenize
from ..vocab import Language
from .base import (
    Document,
    Finding,
    Matchers,
    PatternRule,
    RuleBase,
    compile_patterns,
    fixes_of,
)
from .patterns import Pattern, TokenIndex, merge_spans

_SCRIPTS: dict[Language, re.Pattern[str]] = {"ru": re.compile("[а-яёА-ЯЁ]"), "en": re.compile("[a-zA-Z]")}


class LanguageRule(RuleBase):
    """The message is in the language it was asked for: names aside, no runs of the other language."""

    kind: Literal["language"]
    # Fewer foreign words than this in the whole text are a quoted term, not a mixed-language letter.
    min_words: int = 3

    def find(self, doc: Document) -> list[Finding]:
        foreign, own_words = foreign_words(doc.index.tokens, doc.language, _names(doc))
        if len(foreign) < self.min_words:
            return []
        if len(foreign) > own_words:
            return [Finding(values={"value": doc.language})]
        runs = merge_spans(_join_runs(doc.text, foreign))
        return [Finding(s, e, {"value": doc.language}) for s, e in runs]


def _names(doc: Document) -> frozenset[str]:
    """The words of the names the situation gives (the client, the contact, the sender and their company)."""
    if doc.situation is None:
        return frozenset()
    s = doc.situation
    parts = [s.client.name, s.client.contact, s.sender.name, s.sender.company]
    # Cut as the text is cut, so a name splits into the same tokens in both.
    return frozenset(normalize(t.text) for p in parts if p for t in tokenize(p, doc.language))


def foreign_words(
    tokens: Sequence[Token], language: Language, names: frozenset[str] = frozenset()
) -> tuple[list[tuple[int, int]], int]:
    """Spans of the words written in the other language's script, and the count of words in the
    text's own script. Names do not count: capitalised words (names and brands in either language),
    single letters and words with digits (pieces of codes), and the situation's own ``names``."""
    other = _SCRIPTS["en" if language == "ru" else "ru"]
    own = _SCRIPTS[language]
    foreign: list[tuple[int, int]] = []
    own_words = 0
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        # A word joined by a dot to the next or the last is a part of an address or a file name (".dst", "site.ru",
        # "uraltechsnab.ru"), not a language.
        dotted = (i > 0 and tokens[i - 1].text == "." and tokens[i - 1].end == token.start) or (
            i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == token.end
            and tokens[i + 2].start == tokens[i + 1].end and tokens[i + 2].is_word)
        if other.search(token.text) and not own.search(token.text):
            if not token.text[:1].isupper() and len(token.text) > 1 and not any(ch.isdigit() for ch in token.text) \
                    and normalize(token.text) not in names and not dotted:
                foreign.append((token.start, token.end))
        elif own.search(token.text):
            own_words += 1
    return foreign, own_words


def in_other_language(text: str, language: Language) -> bool:
    """Does ``text`` (a handover item, a referral) carry words of the other language? Such a fragment
    cannot be quoted in a message in ``language`` without mixing languages: it has to be translated."""
    return bool(foreign_words(tokenize(text, language), language)[0])


def _join_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Neighbouring foreign words with only spaces and punctuation between them become one span."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        # Spaces, punctuation and one- or two-letter words ("доступы к хостингу") join a run.
        if joined and re.fullmatch(r"(?:[^\w\n]|\b\w{1,2}\b)*", text[joined[-1][1]:start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


class NoticeRule(PatternRule):
    """A formal notice claimed (the patterns) while the end date falls inside the contract's notice period."""

    kind: Literal["notice"]
    needs: ClassVar[tuple[str, ...]] = ("situation",)

    def applies(self, doc: Document) -> bool:
        s = doc.situation
        return super().applies(doc) and s.end_date is not None and bool(s.contract.notice_days)

    def find(self, doc: Document) -> list[Finding]:
        situation = doc.situation
        days_left = (situation.end_date - as_of(situation)).days
        if days_left >= situation.contract.notice_days:
            return []
        values = {"days": situation.contract.notice_days, "date": situation.end_date.isoformat(), "left": days_left}
        return [Finding(s, e, values) for s, e in merge_spans(self.spans(doc))]


class UnstatedDocumentRule(PatternRule):
    """A closing document (the patterns) named although the situation says there is none."""

    kind: Literal["unstated_document"]
    needs: ClassVar[tuple[str, ...]] = ("situation",)
    document: Literal["final_invoice", "act_of_acceptance"]

    def applies(self, doc: Document) -> bool:
        return super().applies(doc) and not getattr(doc.situation, self.document)

    def find(self, doc: Document) -> list[Finding]:
        return [Finding(s, e) for s, e in merge_spans(self.spans(doc))]


class AsAgreedRule(PatternRule):
    """An agreement claimed (the patterns) in a reply although nothing in the situation was agreed
    (``evidence``: how an agreement reads in the situation's own words)."""

    kind: Literal["as_agreed"]
    needs: ClassVar[tuple[str, ...]] = ("situation",)
    fixable: ClassVar[bool] = True
    evidence: dict[Language, list[Pattern]] = {}
    _evidence: Matchers = PrivateAttr(default_factory=dict)

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        super().compile(lexicons)
        self._evidence = compile_patterns(self.evidence, lexicons)

    def find(self, doc: Document) -> list[Finding]:
        found = self.matches(doc)
        claims = merge_spans([span for span, _ in found])
        if not claims:
            return []
        from ..grounding import situation_text

        source = situation_text(doc.situation, with_context=True)
        index = TokenIndex(tokenize(source, doc.language))
        if any(m.find(source, index) for m in self._evidence.get(doc.language, ())):
            return []
        fixes = fixes_of(doc.text, found)
        return [Finding(s, e, fix=fixes.get((s, e))) for s, e in claims]


__all__ = ["AsAgreedRule", "LanguageRule", "NoticeRule", "UnstatedDocumentRule"]
