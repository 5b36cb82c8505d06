"""``kind: learned`` — a linear model over lemma n-grams, trained on the tuning split of the labeled set,
that reads each sentence for hostility the patterns have no wording for.

Patterns recognise the phrasings someone wrote down; people write hostility in endless other ways. The
model (``guidelines/models/tone-<lang>.json``, written by ``eval/train_tone_model.py``) weighs every lemma
and lemma pair it saw in hostile and in respectful examples. A sentence whose probability of being
hostile is above the model's threshold (chosen by cross-validation for few false positives) is a finding.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal

from pydantic import PrivateAttr

from ..resources import data_dir
from ..text import Token
from ..vocab import Language
from .base import Document, Finding, Matchers, RuleBase, compile_patterns, spans_of
from .patterns import Pattern


@lru_cache(maxsize=100_000)
def _lemma(lemmas: frozenset[str]) -> str:
    return min(lemmas, key=lambda lemma: (len(lemma), lemma)).lower()


@lru_cache(maxsize=100_000)
def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def terms(tokens: Sequence[Token]) -> list[str]:
    """The words of a sentence as the model knows them: one lemma a word (the shortest reading, ties by
    spelling, so every form of a word counts as one and every run agrees), then every pair of neighbours."""
    words = [_lemma(t.lemmas) for t in tokens if t.is_word]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@cache
def load_model(language: Language) -> dict:
    path = data_dir("guidelines") / "models" / f"tone-{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def probability(model: dict, sentence_terms: list[str]) -> float:
    """P(hostile) of one sentence: tf-idf (sublinear tf, l2-normalised) · weights + intercept, as trained."""
    get = model["features"].get
    squares = dot = 0.0
    for term, n in Counter(sentence_terms).items():
        feature = get(term)
        if feature is None:
            continue
        idf, weight = feature
        value = (1 + math.log(n)) * idf if n > 1 else idf
        squares += value * value
        dot += value * weight
    score = model["intercept"] + (dot / math.sqrt(squares) if squares else 0.0)
    return 1 / (1 + math.exp(-score))


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.is_word and _has_letter(t.text))


class LearnedRule(RuleBase):
    kind: Literal["learned"]
    # A shorter sentence ("Best regards,") holds too little for the model to judge: its verdict would be
    # the intercept's, not the words'.
    min_words: int = 4
    # Lines that are not prose for the model to read (a "Subject:" header).
    skip: dict[Language, list[Pattern]] = {}
    # A label that opens a line of a script or a plan ("Answer:", «Ответ:») names its part and is said to
    # no one: its words are not read with the sentence after it.
    labels: dict[Language, list[Pattern]] = {}
    _skip: Matchers = PrivateAttr(default_factory=dict)
    _labels: Matchers = PrivateAttr(default_factory=dict)

    def compile(self, lexicons: dict[Language, dict[str, frozenset[str]]]) -> None:
        self._skip = compile_patterns(self.skip, lexicons)
        self._labels = compile_patterns(self.labels, lexicons)

    def find(self, doc: Document) -> list[Finding]:
        model = load_model(doc.language)
        sentences: dict[int, list[Token]] = {}
        for token in doc.index.tokens:
            sentences.setdefault(token.sentence, []).append(token)
        skipped = spans_of(self._skip, doc)
        labels = spans_of(self._labels, doc)
        findings = []
        for tokens in sentences.values():
            tokens = [t for t in tokens if not any(a <= t.start and t.end <= b for a, b in labels)]
            if _words(tokens) < self.min_words:
                continue
            if any(a <= tokens[0].start and tokens[-1].end <= b for a, b in skipped):
                continue
            p = probability(model, terms(tokens))
            if p > model["threshold"]:
                findings.append(Finding(tokens[0].start, tokens[-1].end, {"probability": f"{p:.2f}"}))
        return findings
