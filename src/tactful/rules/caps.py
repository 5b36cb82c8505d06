"""``kind: caps`` — words in capitals read as shouting; acronyms and legal forms do not."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Literal

from pydantic import PrivateAttr

from ..text import Token
from ..vocab import Language
from .base import Document, Finding, Matchers, RuleBase, compile_patterns, spans_of
from .patterns import Pattern, outermost


class CapsRule(RuleBase):
    kind: Literal["caps"]
    min_letters: int = 3
    allow: list[str] = []
    # Acronyms are mostly unknown to the dictionaries (SSL, УСН): with this on, only capitalised words
    # the dictionary knows as ordinary words count ("STOP" shouts, "SSL" does not).
    dictionary_words_only: bool = False
    # Short words the dictionaries do not tag that shout all the same ("NOT", "NO", "THREE").
    shout_words: list[str] = []
    # Spans where capitals are not shouting (a template slot like [CLIENT NAME] is another rule's business).
    skip: dict[Language, list[Pattern]] = {}
    # Other ways of shouting, found by pattern: letter-spaced capitals ("N-O-T").
    also: dict[Language, list[Pattern]] = {}
    # ``sentence_case``: offer the word in normal case as a fix — lower case, capitalised at the start of
    # a sentence or where the dictionary reads it as a name ("NOT" → "not", "PLEASE pay" → "Please pay").
    fix: Literal["sentence_case"] | None = None
    _skip: Matchers = PrivateAttr(default_factory=dict)
    _also: Matchers = PrivateAttr(default_factory=dict)

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        self._skip, self._also = compile_patterns(self.skip, lexicons), compile_patterns(self.also, lexicons)

    def find(self, doc: Document) -> list[Finding]:
        allowed = {a.upper() for a in self.allow}
        shouts = {w.upper() for w in self.shout_words}
        skipped = spans_of(self._skip, doc)
        words = [
            (t.start, t.end)
            for t in doc.index.tokens
            if t.text.isupper() and t.text not in allowed
            and (t.text in shouts or sum(ch.isalpha() for ch in t.text) >= self.min_letters
                 and (not self.dictionary_words_only or _is_dictionary_word(t)))
        ]
        spaced = spans_of(self._also, doc)
        return [Finding(s, e, fix=sentence_case(doc, s, e) if self.fix else None)
                for s, e in outermost(sorted(set(words + spaced)))
                if not any(a <= s and e <= b for a, b in skipped)]


_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_LETTER_SPACED = re.compile(r"\w(?:[- ]\w)+")


def sentence_case(doc: Document, start: int, end: int) -> str | None:
    """``text[start:end]`` (capitals) in normal case; None where a word goes on past the span, as in
    "DON'T" (lower-casing "DO" alone would leave "doN'T")."""
    text = doc.text
    if _joined(text, start - 1, start - 2) or _joined(text, end, end + 1):
        return None
    word = text[start:end]
    if _LETTER_SPACED.fullmatch(word):  # "N-O-T" → "not"
        word = word[::2]
    word = word.lower()
    if _starts_sentence(text, start) or _is_name(doc, start):
        word = word[:1].upper() + word[1:]
    return word


def _joined(text: str, i: int, beyond: int) -> bool:
    """Does the word go on at ``i``: a letter, or an apostrophe with a letter ``beyond`` it ("DON'T")?"""
    if not 0 <= i < len(text):
        return False
    return text[i].isalnum() or (text[i] in "'’" and 0 <= beyond < len(text) and text[beyond].isalnum())


def _starts_sentence(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t«\"“'‘(":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?…"


def _is_name(doc: Document, start: int) -> bool:
    """Does the dictionary's likeliest reading of the word at ``start`` make it a name («МОСКВА», «ИВАН»)?"""
    tokens = doc.index.tokens
    i = bisect_left(tokens, start, key=lambda t: t.start)
    return i < len(tokens) and tokens[i].start == start and any(
        "Best" in tags and tags & _NAME_TAGS for _, tags in tokens[i].analyses)


def _is_dictionary_word(token: Token) -> bool:
    """A reading from the dictionary that is not an abbreviation: "STOP" shouts, "SSL" and "ООО" do not.
    A Russian word counts only when pymorphy3 knows it (its "Best" reading): a guess at an unknown word
    («КБЖУ» as a verb) is no dictionary word."""
    russian = any("а" <= ch <= "я" or ch == "ё" for ch in token.text.lower())
    return any(tags and not tags & {"UNKN", "Abbr"} and (not russian or "Best" in tags) for _, tags in token.analyses)
