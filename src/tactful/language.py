"""Which language a text is in: detection restricted to the two languages Tactful writes (Russian and
English), and the one place where a choice of "auto" becomes one of them."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .vocab import LANGUAGES, Language

if TYPE_CHECKING:
    from .situation import Situation


@cache
def _detector():
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(L.ENGLISH, L.RUSSIAN).build()


def detect_language(text: str, default: Language = "en") -> Language:
    """Return ``"ru"`` or ``"en"`` for the text; ``default`` when it holds no letters at all.

    Lingua decides on the letters and words; a text in neither language (digits, emoji) falls back to
    the script of whatever letters it has, then to ``default``.
    """
    sample = text[:20_000]  # the opening of a long paste says enough and keeps detection instant
    if not any(ch.isalpha() for ch in sample):
        return default
    found = _detector().detect_language_of(sample)
    if found is not None:
        return "ru" if found.name == "RUSSIAN" else "en"
    cyrillic = sum("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in sample)
    latin = sum("a" <= ch.lower() <= "z" for ch in sample)
    return "ru" if cyrillic > latin else default


class LanguageError(ValueError):
    """A language was asked for that Tactful does not write."""


def resolve_language(text: str, *choices: str | None) -> Language:
    """The first of ``choices`` that names a language, else the language ``text`` is written in.

    A choice of ``None``, ``""`` or ``"auto"`` defers to the next one; anything but en/ru raises
    `LanguageError`.
    """
    for choice in choices:
        if choice in (None, "", "auto"):
            continue
        if choice not in LANGUAGES:
            raise LanguageError(f"unsupported language {choice!r}: use auto, en or ru")
        return choice  # type: ignore[return-value]
    return detect_language(text)


def situation_language(situation: "Situation", choice: str | None = None) -> Language:
    """The language a message for ``situation`` is written in: ``choice``, else the situation's setting,
    else detected from its words."""
    return resolve_language(situation.language_sample(), choice, situation.language)
