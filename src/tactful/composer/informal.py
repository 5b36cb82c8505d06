"""A message to a friend the user's notes ask to write to as one («говорить на «ты»», "write to her like a
friend"). The phrase banks speak as to a client: in Russian on «вы», whose words (pronouns, second-person verbs,
a greeting) are turned to «ты» here, by the bank's table and pymorphy3; in English the bank's table gives the
friendly forms ("I'll", "All the best,"). No template has to be written twice."""

from __future__ import annotations

import re
from typing import Any

from ..phrases import Phrases
from ..text import likeliest_ru
from .said import each_said

_WORD = re.compile(r"[А-Яа-яЁё]+")
# Text in brackets is a stage direction to the user («(Пауза. Дайте собеседнику ответить…)»), not said to the client.
_ASIDE = re.compile(r"(\([^)]*\))")


def familiar(text: str, phrases: Phrases, gender: str | None) -> str:
    """``text`` said to a friend: «Благодарю вас за доверие» → «Спасибо тебе за доверие», «Сможете оплатить?» →
    «Сможешь оплатить?», «как вы и просили» → «как ты и просила»; "I will send" → "I'll send"."""
    table = phrases.snippets.get("informal_register")
    if not table or not text:
        return text
    return "".join(part if _ASIDE.fullmatch(part) else _said(part, table, gender) for part in _ASIDE.split(text))


def content_familiar(content: Any, phrases: Phrases, gender: str | None) -> Any:
    """A message's content with what is said to the client said to a friend (`familiar`)."""
    return each_said(content, lambda text: familiar(text, phrases, gender))


def _said(text: str, table: dict[str, Any], gender: str | None) -> str:
    for pattern, replacement in table.get("swaps", []):
        text = re.sub(pattern, replacement, text)
    words, after_prepositions = table.get("words", {}), table.get("prepositional", {})
    if not words:
        return text
    out, last, previous, subject = [], 0, "", False
    for m in _WORD.finditer(text):
        word, lower = m.group(), m.group().lower()
        if lower in words:
            turned = after_prepositions.get(lower) if previous in table.get("prepositions", []) and lower in after_prepositions else words[lower]
        else:
            turned = _verb(word, subject, gender)
        # «вы» as the subject: the past tense or short adjective after it agrees with one person («ты просила»).
        between = text[last:m.start()]
        # So is the «вы» left out after «что» («Спасибо, что выслушали»): our side would be named («что мы …»).
        # It carries over an adverb or a particle only («вы ведь просили»), not another subject («что мы …»).
        subject = lower == "вы" or lower in table.get("implied_subject", []) or (
            subject and turned is None and not re.search(r"[,.;:!?—]", between) and _passes_on(lower))
        if turned is not None:
            starts = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".!?\n«\"—:"
            turned = turned[:1].upper() + turned[1:] if starts and word[:1].isupper() else turned
        out.append(text[last:m.start()] + (turned if turned is not None else word))
        last, previous = m.end(), lower
    return "".join(out) + text[last:]


def _passes_on(word: str) -> bool:
    reading = likeliest_ru(word)
    return reading is not None and reading.tag.POS in {"ADVB", "PRCL", "CONJ"}


def _verb(word: str, subject: bool, gender: str | None) -> str | None:
    """The word said to one person, or None when it is not said to the client: a second-person or imperative plural
    («сможете», «давайте»), or after «вы» a past plural or a short adjective («просили», «правы»)."""
    best = likeliest_ru(word)
    if best is None:
        return None
    tag = best.tag
    if "plur" not in tag:
        return None
    if tag.POS == "VERB" and ("2per" in tag or "impr" in tag):
        form = best.inflect({"sing"})
    elif subject and gender in {"masc", "femn"} and (tag.POS in {"ADJS", "PRTS"} or (tag.POS == "VERB" and "past" in tag)):
        form = best.inflect({"sing", gender})
    else:
        return None
    if form is None:
        return None
    return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
