"""``kind: caps`` — words in capitals read as shouting; acronyms and legal forms do not."""

from __future__ import annotations

from typing import Literal

from pydantic import PrivateAttr

from ..models import Language
from ..text import Token
from .base import Document, Finding, RuleBase
from .patterns import Matcher, Pattern, compile_pattern, outermost


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
    _skip: dict[Language, tuple[Matcher, ...]] = PrivateAttr(default_factory=dict)
    _also: dict[Language, tuple[Matcher, ...]] = PrivateAttr(default_factory=dict)

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        def build(patterns: dict[Language, list[Pattern]]) -> dict[Language, tuple[Matcher, ...]]:
            return {lang: tuple(compile_pattern(s, lexicons[lang]) for s in specs) for lang, specs in patterns.items()}

        self._skip, self._also = build(self.skip), build(self.also)

    def find(self, doc: Document) -> list[Finding]:
        allowed = {a.upper() for a in self.allow}
        shouts = {w.upper() for w in self.shout_words}
        skipped = [s for m in self._skip.get(doc.language, ()) for s in m.find(doc.text, doc.index)]
        words = [
            (t.start, t.end)
            for t in doc.index.tokens
            if t.text.isupper() and t.text not in allowed
            and (t.text in shouts or sum(ch.isalpha() for ch in t.text) >= self.min_letters
                 and (not self.dictionary_words_only or _is_dictionary_word(t)))
        ]
        spaced = [s for m in self._also.get(doc.language, ()) for s in m.find(doc.text, doc.index)]
        return [Finding(s, e) for s, e in outermost(sorted(set(words + spaced)))
                if not any(a <= s and e <= b for a, b in skipped)]


def _is_dictionary_word(token: Token) -> bool:
    """A reading from the dictionary that is not an abbreviation: "STOP" shouts, "SSL" and "ООО" do not."""
    return any(tags and not tags & {"UNKN", "Abbr"} for _, tags in token.analyses)
