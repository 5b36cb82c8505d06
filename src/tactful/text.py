"""Tokens with character offsets and their lemmas: Russian through razdel + pymorphy3, English through a
Penn-style tokenizer + lemminflect. The checker only ever sees `Token`s, so it is language-agnostic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any, NamedTuple

from .vocab import Language

# (lemma, grammemes) pairs: every reading the analyser admits, because without a parser we cannot
# know which one the writer meant, and a rule should match if any reading fits.
Analysis = tuple[tuple[str, frozenset[str]], ...]

_CYRILLIC = re.compile("[а-яё]")
_SENTENCE_END = frozenset({".", "!", "?", "…", "!!", "!!!", "?!", "!?", "...", ";"})

# English: words with inner hyphens or apostrophes (O'Brien), numbers, runs of !/?, or any other single
# non-space character. Clitics are split off Penn-Treebank style so "didn't" reads as "did" + "not".
_EN_TOKEN = re.compile(
    r"[^\W_]+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b"
    r"|[^\W_]+(?:-[^\W_]+)*(?:['’](?!(?:s|re|ve|ll|d|m)\b)[^\W_]+)*|[!?]+|\.{2,}|\S",
    re.IGNORECASE,
)
_EN_CLITIC_LEMMA = {"n't": "not", "'s": "be", "'re": "be", "'ve": "have", "'ll": "will", "'d": "would", "'m": "be"}
_EN_STEM_FIX = {"ca": "can", "wo": "will", "sha": "shall"}  # can't -> ca + n't, won't -> wo + n't


class Token(NamedTuple):
    """A token of the checked text; ``start``/``end`` index the original string.

    A named tuple: immutable (tokenized texts are cached and shared) and the cheapest object to build,
    which matters because building tokens is a third of the checker's time.
    """

    start: int
    end: int
    text: str
    analyses: Analysis
    lemmas: frozenset[str]
    is_word: bool
    sentence: int


def normalize(word: str) -> str:
    """Case- and ё-insensitive form used for every comparison of words."""
    return word.lower().replace("ё", "е").replace("’", "'")


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def parse_ru(word: str) -> list:
    """pymorphy3's parses of a word; none for the rare code points pymorphy3 cannot name (U+17000)."""
    try:
        return _morph().parse(word)
    except ValueError:
        return []


def known_ru(word: str) -> bool:
    """Whether pymorphy3's dictionary has the word at all (an unknown one is only guessed by its ending)."""
    return bool(_morph().word_is_known(word.lower()))


def likeliest_ru(word: str) -> Any:
    """pymorphy3's likeliest reading of a word in lower case, or None."""
    return next(iter(parse_ru(word.lower())), None)


@lru_cache(maxsize=200_000)
def _analyse_ru(word: str) -> Analysis:
    if not any(ch.isalpha() for ch in word):
        return ((normalize(word), frozenset()),)
    readings = {(normalize(word), frozenset())}
    parses = parse_ru(word)
    readings.update((normalize(p.normal_form), frozenset(p.tag.grammemes)) for p in parses)
    if parses and parses[0].is_known:
        # The likeliest reading of a dictionary word is also marked "Best": a rule about rare forms (an
        # imperative, a second person) can ask for it, so "день" is not read as the imperative of "деть".
        # A guessed reading of an unknown word ("январь–май") is never the best one.
        best = parses[0]
        readings.add((normalize(best.normal_form), frozenset(best.tag.grammemes) | {"Best"}))
    return tuple(readings)


@lru_cache(maxsize=200_000)
def _analyse_en(word: str) -> Analysis:
    if word in _EN_CLITIC_LEMMA:
        return ((word, frozenset()), (_EN_CLITIC_LEMMA[word], frozenset()))
    if not any(ch.isalpha() for ch in word):
        return ((word, frozenset()),)
    import lemminflect

    readings = {(word, frozenset())}
    if word in _EN_STEM_FIX:
        readings.add((_EN_STEM_FIX[word], frozenset({"VERB"})))
    for upos, lemmas in lemminflect.getAllLemmas(word).items():
        readings.update((normalize(lemma), frozenset({upos})) for lemma in lemmas)
    return tuple(readings)


def _split_en(text: str) -> Iterator[tuple[int, int, str]]:
    return ((*m.span(), m.group()) for m in _EN_TOKEN.finditer(text))


def _split_ru(text: str) -> Iterator[tuple[int, int, str]]:
    from razdel import tokenize

    return ((t.start, t.stop, t.text) for t in tokenize(text))


# Texts up to this size are cached: drafts and situations, read by several checks in a row. A pasted
# megabyte is tokenized again when asked rather than kept in memory.
_CACHED_CHARS = 20_000


def tokenize(text: str, language: Language) -> tuple[Token, ...]:
    """Split ``text`` into tokens with offsets, lemma readings and a sentence index.

    Sentences break at end punctuation and at line breaks, so that headings and bullet points of a
    script never join into one sentence. Results for texts of ordinary size are cached (tokens are
    immutable): one draft is read by the tone rules, the grounding checks and the leak check, and the
    situation's own text by every revision round.
    """
    if len(text) <= _CACHED_CHARS:
        return _tokenize_cached(text, language)
    return _tokenize(text, language)


@lru_cache(maxsize=64)
def _tokenize_cached(text: str, language: Language) -> tuple[Token, ...]:
    return _tokenize(text, language)


def _tokenize(text: str, language: Language) -> tuple[Token, ...]:
    split = _split_ru if language == "ru" else _split_en
    tokens: list[Token] = []
    append, readings = tokens.append, _readings
    sentence = 0
    previous_end = 0
    for start, end, surface in split(text):
        if start > previous_end and tokens and text.find("\n", previous_end, start) != -1:
            sentence += 1
        append(Token(start, end, surface, *readings(surface), sentence))
        if surface in _SENTENCE_END:
            sentence += 1
        previous_end = end
    return tuple(tokens)


@lru_cache(maxsize=200_000)
def _readings(surface: str) -> tuple[Analysis, frozenset[str], bool]:
    # Read with its «ё» where it is written («щёлочи» is a noun; «щелочи» also reads as an imperative), compared without.
    analyses = _analyse(surface.lower().replace("’", "'"))
    # Clitics ("n't", "'s") belong to the word before them and do not count as words of their own.
    is_word = any(ch.isalnum() for ch in surface) and surface[0] not in "'’"
    return analyses, frozenset(a[0] for a in analyses), is_word


def _analyse(word: str) -> Analysis:
    # By script, not by the message's language: a Russian email quoting "SSL" or an English one naming
    # «ООО Ромашка» still gets the right dictionary for every word.
    return _analyse_ru(word) if _CYRILLIC.search(word) else _analyse_en(word)

