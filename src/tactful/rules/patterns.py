"""The small pattern language of the rules, and the matchers behind it.

Patterns are written over lemmas, so one pattern covers every inflected form:

* ``seq: "по @your вина"`` — tokens in order. An element is a lemma, ``a|b`` alternatives, ``@lexicon``
  (a word list from ``guidelines/lexicons/<lang>.yaml``), ``*`` any one token, ``#num`` a token that
  starts with a digit, ``~N`` a gap of up to N tokens; ``?`` after an element makes it optional and
  ``:past,plur`` requires grammemes of the reading (``*:2per,sing``: any word with those grammemes).
  A plain string is a ``seq``.
* ``near: ["@you", "@failure_verb"], window: 3`` — all elements within ``window`` tokens of each other
  in one sentence, in any order (word order is free in Russian, and reordered accusations still accuse).
* ``regex: "!{2,}"`` — a regular expression over the raw text, for punctuation and template slots.

Any pattern may list ``unless`` patterns: a match overlapped by one of them is not reported
("you never missed a payment" is praise, not an accusation).

A pattern of a rule may carry a ``fix``: the concrete text that replaces what it matched, where a
replacement is safe ("!!" → "."). A string is the replacement of every match (a regex's may name its
groups, ``\\1``); a mapping is a swap table, excerpt → replacement, looked up case-insensitively, and a
match the table does not list has no fix (the suggestion stays advice). A table key may give
alternatives per word and optional words, as a ``seq`` does: ``"you always|constantly": "you often"``.
An empty replacement deletes the match, and is offered only where the match stands as a clause of its
own ("As agreed, we …"), so the rest of the sentence still reads.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..text import Token, normalize

Span = tuple[int, int]  # character offsets into the checked text


class PatternSpec(BaseModel):
    """One pattern entry as written in YAML (exactly one of seq, near, regex)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: str | None = None
    near: list[str] | None = None
    window: int = Field(default=3, ge=1)
    regex: str | None = None
    unless: list[Union[str, "PatternSpec"]] = []
    # The replacement of a match: a string, or a swap table (excerpt -> replacement). See the module doc.
    fix: str | dict[str, str] | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "PatternSpec":
        if sum(x is not None for x in (self.seq, self.near, self.regex)) != 1:
            raise ValueError("a pattern needs exactly one of seq, near, regex")
        return self


Pattern = Union[str, PatternSpec]


@dataclass(frozen=True, slots=True)
class _Element:
    lemmas: frozenset[str] | None  # None: any token
    grammemes: frozenset[str] = frozenset()
    optional: bool = False
    gap: int = 0  # > 0: skip up to this many tokens instead of matching one
    numeric: bool = False

    def accepts(self, token: Token) -> bool:
        if self.lemmas is None:
            if self.grammemes:
                return any(self.grammemes <= tags for _, tags in token.analyses)
            return not self.numeric or token.text[:1].isdigit()
        if not self.grammemes:
            return not self.lemmas.isdisjoint(token.lemmas)
        return any(lemma in self.lemmas and self.grammemes <= tags for lemma, tags in token.analyses)


class TokenIndex:
    """Positions of every lemma in a token list, so a pattern looks up its first word instead of scanning."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self._by_lemma: dict[str, list[int]] = {}
        self._positions: dict[int, list[int]] = {}
        for i, token in enumerate(tokens):
            for lemma in token.lemmas:
                self._by_lemma.setdefault(lemma, []).append(i)
        self._lemmas = frozenset(self._by_lemma)

    def present(self, element: _Element) -> bool:
        """Cheap pre-test: could any token of the text be this element?"""
        return element.lemmas is None or not element.lemmas.isdisjoint(self._lemmas)

    def positions(self, element: _Element) -> list[int]:
        # Rules share lexicons, so the same element is looked up many times per text: memoise by identity.
        key = id(element)
        if key not in self._positions:
            self._positions[key] = self._lookup(element)
        return self._positions[key]

    def _lookup(self, element: _Element) -> list[int]:
        if element.lemmas is None:
            return [i for i, t in enumerate(self.tokens) if element.accepts(t)]
        found: set[int] = set()
        for lemma in element.lemmas:
            found.update(self._by_lemma.get(lemma, ()))
        if element.grammemes:
            found = {i for i in found if element.accepts(self.tokens[i])}
        return sorted(found)


# Before a clause of its own: the start of a line, a sentence or a clause; after one, its end.
_CLAUSE_BEFORE = "\n.!?…,;:(—–-"
_CLAUSE_AFTER = "\n.!?…,;:)—–-"
_SENTENCE_END_MARKS = ".!?…"
# A clause that goes on from the match ("Per my last email, which you read…", "Тема закрыта, и …")
# would be left without its head: the match is not a clause of its own.
_GOES_ON = re.compile(r"[,;:—–-][ \t]*(?:which|who|whom|whose|that|and|but|or|котор\w*|что|и|а|но|или)\b", re.IGNORECASE)


def excerpt_key(excerpt: str) -> str:
    """How a swap table looks an excerpt up: case-, ё- and spacing-insensitive."""
    return " ".join(normalize(excerpt).split())


def stands_alone(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a clause of its own, so that deleting it leaves a sentence that reads?
    ("As agreed, we …", "…, full stop.", "Точка." — not "the files as agreed").
    """
    i = start
    while i > 0 and text[i - 1] in " \t":  # by index: a text may be a megabyte
        i -= 1
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    excerpt = text[start:end].rstrip()
    return (i == 0 or text[i - 1] in _CLAUSE_BEFORE) and (
        j == len(text) or (text[j] in _CLAUSE_AFTER and not _GOES_ON.match(text, j))
        or (bool(excerpt) and excerpt[-1] in _SENTENCE_END_MARKS)
    )


def match_case(excerpt: str, replacement: str) -> str:
    """The replacement capitalised like the excerpt's first letter ("You always" → "You often")."""
    if excerpt[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class Fix:
    """The concrete replacement a pattern offers for what it matched (``fix:`` in the rule file)."""

    text: str | None = None  # the replacement of every match
    swaps: Mapping[str, str] = field(default_factory=dict)  # excerpt_key -> replacement
    regex: re.Pattern[str] | None = None  # the pattern's own regex, when ``text`` names its groups

    @classmethod
    def of(cls, fix: str | dict[str, str], regex: re.Pattern[str] | None = None) -> "Fix":
        if isinstance(fix, str):
            return cls(text=fix, regex=regex if regex is not None and "\\" in fix else None)
        swaps: dict[str, str] = {}
        for key, replacement in fix.items():
            for words in _expand(key):
                swaps.setdefault(excerpt_key(" ".join(words)), replacement)
        return cls(swaps=swaps)

    def replacement(self, text: str, start: int, end: int) -> str | None:
        """What replaces ``text[start:end]``, or None where this fix does not apply there."""
        excerpt = text[start:end]
        if self.text is None:
            new = self.swaps.get(excerpt_key(excerpt))
        elif self.regex is not None:
            match = self.regex.match(text, start)
            new = match.expand(self.text) if match is not None and match.end() == end else None
        else:
            new = self.text
        if new is None or (not new and not stands_alone(text, start, end)):
            return None
        return match_case(excerpt, new)


def _expand(key: str) -> list[tuple[str, ...]]:
    """Every word sequence a swap-table key names: ``a|b`` alternatives, ``word?`` optional."""
    options = []
    for word in key.split():
        optional = word.endswith("?") and len(word) > 1
        choices = (word[:-1] if optional else word).split("|")
        options.append([*choices, ""] if optional else choices)
    return [tuple(w for w in combo if w) for combo in itertools.product(*options)]


class Matcher:
    def __init__(self, unless: list["Matcher"]) -> None:
        self.unless = unless

    required: tuple[_Element, ...] = ()
    fix: Fix | None = None  # the replacement this pattern offers, if any

    def find(self, text: str, index: TokenIndex) -> list[Span]:
        # Most patterns cannot match most texts: one missing mandatory word settles it without a search.
        if not all(index.present(e) for e in self.required):
            return []
        spans = self._find(text, index)
        if self.unless and spans:
            blockers = [b for u in self.unless for b in u.find(text, index)]
            spans = [s for s in spans if not any(b[0] < s[1] and s[0] < b[1] for b in blockers)]
        return spans

    def _find(self, text: str, index: TokenIndex) -> list[Span]:
        raise NotImplementedError


class _Regex(Matcher):
    def __init__(self, pattern: str, unless: list[Matcher]) -> None:
        super().__init__(unless)
        self.regex = re.compile(pattern, re.MULTILINE)

    def _find(self, text: str, index: TokenIndex) -> list[Span]:
        return [m.span() for m in self.regex.finditer(text) if m.end() > m.start()]


class _Sequence(Matcher):
    def __init__(self, elements: list[_Element], unless: list[Matcher]) -> None:
        super().__init__(unless)
        if not elements or elements[0].gap or elements[0].optional:
            raise ValueError("a seq pattern must start with a word, not a gap or an optional element")
        self.elements = elements
        self.required = tuple(e for e in elements if not e.optional and not e.gap and e.lemmas is not None)
        # Most patterns are plain word sequences: those are matched in a loop, not by the backtracking search.
        self.plain = not any(e.optional or e.gap for e in elements)
        # After a gap, the word that must follow (if it is a plain one) is tested before recursing: most
        # skips fail right there.
        self.after_gap = [
            nxt if e.gap and not nxt.gap and not nxt.optional else None
            for e, nxt in zip(elements, [*elements[1:], _Element(lemmas=None, optional=True)])
        ]

    def _match_plain(self, tokens: Sequence[Token], i: int, sentence: int) -> int | None:
        end = i + len(self.elements) - 1
        if end > len(tokens):
            return None
        for element, token in zip(self.elements[1:], tokens[i:end]):
            if token.sentence != sentence or not element.accepts(token):
                return None
        return end

    def _match(self, tokens: Sequence[Token], k: int, i: int, sentence: int) -> int | None:
        """Index one past the last matched token, or None; shortest gaps are tried first."""
        if k == len(self.elements):
            return i
        element = self.elements[k]
        if element.gap:
            word = self.after_gap[k]
            for skip in range(element.gap + 1):
                j = i + skip
                if j > len(tokens) or (skip and tokens[j - 1].sentence != sentence):
                    break
                if word is not None and not (j < len(tokens) and tokens[j].sentence == sentence and word.accepts(tokens[j])):
                    continue
                end = self._match(tokens, k + 1, j, sentence)
                if end is not None:
                    return end
            return None
        if i < len(tokens) and tokens[i].sentence == sentence and element.accepts(tokens[i]):
            end = self._match(tokens, k + 1, i + 1, sentence)
            if end is not None:
                return end
        return self._match(tokens, k + 1, i, sentence) if element.optional else None

    def _find(self, text: str, index: TokenIndex) -> list[Span]:
        tokens = index.tokens
        spans: list[Span] = []
        covered = -1
        for i in index.positions(self.elements[0]):
            if i <= covered:
                continue
            if self.plain:
                end = self._match_plain(tokens, i + 1, tokens[i].sentence)
            else:
                end = self._match(tokens, 1, i + 1, tokens[i].sentence)
            if end is not None:
                last = max(end - 1, i)
                spans.append((tokens[i].start, tokens[last].end))
                covered = last
        return spans


class _Near(Matcher):
    def __init__(self, elements: list[_Element], window: int, unless: list[Matcher]) -> None:
        super().__init__(unless)
        if len(elements) < 2 or any(e.gap or e.optional for e in elements):
            raise ValueError("a near pattern needs two or more plain elements")
        self.elements = elements
        self.required = tuple(elements)
        self.window = window

    def _find(self, text: str, index: TokenIndex) -> list[Span]:
        tokens = index.tokens
        positions = [index.positions(e) for e in self.elements]
        if any(not p for p in positions):
            return []
        spans: list[Span] = []
        for anchor in positions[0]:
            chosen = [anchor]
            for candidates in positions[1:]:
                best = min(
                    (q for q in candidates
                     if q not in chosen and abs(q - anchor) <= self.window
                     and tokens[q].sentence == tokens[anchor].sentence),
                    key=lambda q: abs(q - anchor),
                    default=None,
                )
                if best is None:
                    break
                chosen.append(best)
            else:
                spans.append((tokens[min(chosen)].start, tokens[max(chosen)].end))
        return merge_spans(spans)


def merge_spans(spans: list[Span]) -> list[Span]:
    """Overlapping spans joined into one."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans nested inside another span of the same kind, so one phrase is reported once."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start >= kept[-1][0] and end <= kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _element(source: str, lexicon: dict[str, frozenset[str]]) -> _Element:
    if source == "*":
        return _Element(None)
    if source in ("#num", "#num?"):
        return _Element(None, numeric=True, optional=source.endswith("?"))
    if re.fullmatch(r"~\d+", source):
        return _Element(None, gap=int(source[1:]))
    optional = source.endswith("?") and len(source) > 1
    body = source[:-1] if optional else source
    words, _, grammemes = body.partition(":") if ":" in body[1:] else (body, "", "")
    tags = frozenset(g for g in grammemes.split(",") if g)
    if words == "*":  # any word with these grammemes: "*:2per,sing"
        return _Element(None, tags, optional)
    lemmas: set[str] = set()
    for alternative in words.split("|"):
        if alternative.startswith("@") and len(alternative) > 1:
            if alternative[1:] not in lexicon:
                raise ValueError(f"unknown lexicon {alternative!r}")
            lemmas |= lexicon[alternative[1:]]
        else:
            lemmas.add(normalize(alternative))
    return _Element(frozenset(lemmas), tags, optional)


def compile_pattern(spec: str | PatternSpec, lexicon: dict[str, frozenset[str]]) -> Matcher:
    """Turn one YAML pattern entry into a matcher over a `TokenIndex`."""
    if isinstance(spec, str):
        spec = PatternSpec(seq=spec)
    if any(isinstance(u, PatternSpec) and u.fix is not None for u in spec.unless):
        raise ValueError("an unless pattern cannot carry a fix")
    unless = [compile_pattern(u, lexicon) for u in spec.unless]
    matcher: Matcher
    if spec.regex is not None:
        matcher = _Regex(spec.regex, unless)
    elif spec.seq is not None:
        matcher = _Sequence([_element(s, lexicon) for s in spec.seq.split()], unless)
    else:
        matcher = _Near([_element(s, lexicon) for s in spec.near or []], spec.window, unless)
    if spec.fix is not None:
        matcher.fix = Fix.of(spec.fix, matcher.regex if isinstance(matcher, _Regex) else None)
    return matcher
