"""``kind: caps`` — words in capitals read as shouting; acronyms and legal forms do not."""

from __future__ import annotations

from typing import Literal

from pydantic import PrivateAttr

from ..models import Language
from ..text import Token
from .base import Document, Finding, RuleBase
from .patterns import Matcher, Pattern, compile_pattern


class CapsRule(RuleBase):
    kind: Literal["caps"]
    min_letters: int = 3
    allow: list[str] = []
    # Acronyms are mostly unknown to the dictionaries (SSL, УСН): with this on, only capitalised words
    # the dictionary knows as ordinary words count ("STOP" shouts, "SSL" does not).
    dictionary_words_only: bool = False
    # Spans where capitals are not shouting (a template slot like [CLIENT NAME] is another rule's business).
    skip: dict[Language, list[Pattern]] = {}
    _skip: dict[Language, tuple[Matcher, ...]] = PrivateAttr(default_factory=dict)

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        self._skip = {lang: tuple(compile_pattern(s, lexicons[lang]) for s in specs) for lang, specs in self.skip.items()}

    def find(self, doc: Document) -> list[Finding]:
        allowed = {a.upper() for a in self.allow}
        skipped = [s for m in self._skip.get(doc.language, ()) for s in m.find(doc.text, doc.index)]
        return [
            Finding(t.start, t.end)
            for t in doc.index.tokens
            if t.text.isupper() and sum(ch.isalpha() for ch in t.text) >= self.min_letters
            and t.text not in allowed
            and (not self.dictionary_words_only or _is_dictionary_word(t))
            and not any(s <= t.start and t.end <= e for s, e in skipped)
        ]


def _is_dictionary_word(token: Token) -> bool:
    """A reading from the dictionary that is not an abbreviation: "STOP" shouts, "SSL" and "ООО" do not."""
    return any(tags and not tags & {"UNKN", "Abbr"} for _, tags in token.analyses)
