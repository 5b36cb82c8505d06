"""``kind: caps`` — words in capitals read as shouting; acronyms and legal forms do not."""

from __future__ import annotations

from typing import Literal

from pydantic import PrivateAttr

from ..models import Language
from ..text import Token
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
        return [Finding(s, e) for s, e in outermost(sorted(set(words + spaced)))
                if not any(a <= s and e <= b for a, b in skipped)]


def _is_dictionary_word(token: Token) -> bool:
    """A reading from the dictionary that is not an abbreviation: "STOP" shouts, "SSL" and "ООО" do not."""
    return any(tags and not tags & {"UNKN", "Abbr"} for _, tags in token.analyses)
