"""Language detection restricted to the two languages Tactful writes: Russian and English."""

from __future__ import annotations

from functools import cache

from .models import Language


@cache
def _detector():
    from lingua import Language as L, LanguageDetectorBuilder

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
