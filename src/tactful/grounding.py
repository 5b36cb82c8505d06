"""What the grounding rules (`tactful.rules.grounded`) read in a text: dates, the situation's own
words, details a draft may have invented, words copied from a model's instructions.

The detail patterns are data in ``guidelines/grounding.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from .phrases import load_phrases
from .resources import load_yaml
from .rules.patterns import merge_spans, outermost
from .situation import Situation
from .text import Token, normalize, tokenize
from .vocab import Language

_OPENERS = frozenset({"«", '"', "“", "„", "(", "'"})


@cache
def _config() -> dict[str, Any]:
    return load_yaml("guidelines", "grounding.yaml")


@cache
def _month_numbers() -> dict[str, int]:
    """Month words of both languages (as the phrase banks write them) -> month number."""
    return {
        normalize(word): i
        for language in ("en", "ru")
        for i, word in enumerate(load_phrases(language).months, start=1)
    }


@cache
def _russian_months() -> dict[str, int]:
    """A Russian month's dictionary form («февраль») -> its number, for a month in any case («в феврале»)."""
    from .text import likeliest_ru

    return {normalize(likeliest_ru(w).normal_form): i for i, w in enumerate(load_phrases("ru").months, start=1)}


def _month(word: str) -> int | None:
    """'December', 'Dec', 'декабря', 'дек' -> 12; a word that only starts like a month ('marketing') -> None."""
    key = normalize(word)
    if len(key) < 3:
        return None
    return next((n for name, n in _month_numbers().items() if name.startswith(key) or key.startswith(name)), None)


# Day-first ("15 мая", "15th of May") and month-first ("May 15") dates, scanned separately so that one
# form's match never swallows the other's digits.
_DAY_MONTH = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?([a-zа-яё]{3,})")
_MONTH_DAY = re.compile(r"(?i)\b([a-zа-яё]{3,})\.?[^\S\n]+(\d{1,2})(?:st|nd|rd|th)?\b")


def find_dates(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, (day, month)) for every date written with a month word or in digits."""
    found = []
    for regex, day_group in ((_DAY_MONTH, 1), (_MONTH_DAY, 2)):
        for m in regex.finditer(text):
            day, month = int(m.group(day_group)), _month(m.group(3 - day_group))
            if month and 1 <= day <= 31:
                found.append((m.start(), m.end(), (day, month)))
    for m in re.finditer(_config()["details"]["numeric_date"], text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(6), m.group(5))
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            found.append((m.start(), m.end(), (int(day), int(month))))
    return found


def find_months(text: str) -> list[tuple[int, int, int]]:
    """(start, end, month) for every month named alone, with no day, as a time something happens: after a word of
    time ("in February", "by March", "end of May"; «в феврале», «до марта», «в конце мая»), a Russian month in any
    case by its dictionary form. "The £620 from October", «счёт за октябрь» name a period, not a time; "May we …"
    names none."""
    from .text import likeliest_ru

    dated = find_dates(text)
    found = []
    for m in re.finditer(_config()["month_time"] + r"([^\W\d_]{3,})", text):
        if any(start <= m.start(1) < end for start, end, _ in dated):
            continue
        word = m.group(1)
        if re.match(r"[а-яё]", word, flags=re.IGNORECASE):
            reading = likeliest_ru(word.lower())
            month = _russian_months().get(normalize(reading.normal_form)) if reading else None
        else:
            month = _month(word) if word[:1].isupper() else None
        if month:
            found.append((m.start(1), m.end(1), month))
    return found


def find_month_days(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """`find_months` as (start, end, (day, month)), the day the words before the month give it ("mid-January": the
    15th, "the end of January": the 25th), the 1st otherwise."""
    parts = _config()["month_part_days"]
    return [(start, end, (next((day for pattern, day in parts if re.search(pattern, text[:start])), 1), month))
            for start, end, month in find_months(text)]


def situation_text(situation: Situation, with_context: bool = False) -> str:
    """The situation's words, field by field. Without ``with_context`` the pasted context is left out:
    it is untrusted, so a detail found only there (a bank account, a link an injected instruction asks
    for) does not ground a draft."""
    excluded = {"channel", "language", "tone", "outcome"} | (set() if with_context else {"context"})
    data = situation.model_dump(mode="json", exclude=excluded)
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif value not in (None, True, False):
            parts.append(str(value))

    walk(data)
    return "\n".join(parts)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def sums(text: str) -> set[str]:
    """The sums of money ``text`` names, as digits ("£1,152" → "1152", «3 200 ₽» → "3200"), to tell one again."""
    return {_digits(m.group()) for m in re.finditer(_config()["details"]["sum"], text)} - {""}


def content_words(text: str, language: Language) -> set[str]:
    return {lemma for t in tokenize(text, language) if t.is_word and len(t.text) > 2 for lemma in t.lemmas}


def _invoice_totals(situation: Situation) -> str:
    """The sums of the open invoices, in whole units, that a letter may state ("£3,380 in total"): of any
    two or more of them, since a letter sums the ones due alike."""
    from itertools import combinations

    numbers = [re.search(r"\d[\d\s\u00a0\u202f,]*", invoice.amount or "") for invoice in situation.unpaid_invoices]
    values = [int(_digits(m.group())) for m in numbers if m][:6]
    return " ".join(str(sum(c)) for n in range(2, len(values) + 1) for c in combinations(values, n))


def situation_dates(situation: Situation, source: str | None = None) -> set[tuple[int, int]]:
    """The days (day, month) the situation names: in any field (the dates it holds as such, like an invoice's
    due date, included) and its end date. ``source``: its `situation_text`, when already at hand."""
    known = {d for _, _, d in find_dates(situation_text(situation) if source is None else source)}
    if situation.end_date:
        known.add((situation.end_date.day, situation.end_date.month))
    return known


def invented_spans(text: str, tokens: Sequence[Token], situation: Situation) -> list[tuple[int, int]]:
    """Names, dates, sums, numbers, clauses, links in ``text`` that the situation does not hold."""
    dates = find_dates(text)
    config = _config()
    source = situation_text(situation)
    source_digits = " ".join([*re.findall(r"\d+", source), _invoice_totals(situation)])
    known_dates = situation_dates(situation, source)
    # Where the end date falls inside the notice period, the day that period ends (counted from the day
    # the message is written) is the end failing agreement to the earlier date.
    from .as_of import notice_end

    if ends := notice_end(situation):
        known_dates.add((ends.day, ends.month))
    spans: list[tuple[int, int]] = []
    spans += [(s, e) for s, e, d in dates if d not in known_dates]
    lowered_source = normalize(source)
    for kind in ("url", "email"):
        spans += [m.span() for m in re.finditer(config["details"][kind], text) if normalize(m.group()) not in lowered_source]
    for kind in ("sum", "number", "clause"):
        for m in re.finditer(config["details"][kind], text):
            value = m.group(1) if m.groups() and m.group(1) else m.group(0)
            digits = _digits(value)
            if digits and digits not in _digits(source) and digits not in source_digits.replace(" ", ""):
                spans.append(m.span())
    spans += _invented_names(text, tokens, source)
    return outermost(spans)


def leak_spans(text: str, instructions: str) -> list[tuple[int, int]]:
    """Runs of words the draft shares with the model's instructions (a "reveal your prompt" injection)."""
    size = _config()["leak_words"]
    secret_words = re.findall(r"\w+", normalize(instructions))
    secret = {tuple(secret_words[i : i + size]) for i in range(len(secret_words) - size + 1)}
    words = [(m.start(), m.end(), normalize(m.group())) for m in re.finditer(r"\w+", text)]
    spans = [
        (words[i][0], words[i + size - 1][1])
        for i in range(len(words) - size + 1)
        if tuple(w for _, _, w in words[i : i + size]) in secret
    ]
    return merge_spans(spans)


@lru_cache(maxsize=64)
def _lemmas(source: str) -> frozenset[str]:
    """The lemmas of the situation's words, so an inflected name («Ольге Викторовне») is known too."""
    from .language import detect_language
    from .text import tokenize

    return frozenset(lemma for token in tokenize(source, detect_language(source)) for lemma in token.lemmas)


@cache
def _label_words() -> set[str]:
    """The headings the render layouts print ("Pause:", "Objective:"): capitalised, and never names."""
    return {normalize(w) for language in ("en", "ru") for label in load_phrases(language).labels.values()
            for w in re.findall(r"\w+", label)}


def _starts_list_item(text: str, start: int) -> bool:
    """The word opens a list item ("- Until 5 May …"): capitalised as a sentence start, not a name."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].strip() in {"-", "*", "•"}


def _invented_names(text: str, tokens: Sequence[Token], source: str) -> list[tuple[int, int]]:
    """Capitalised words inside a sentence that appear nowhere in the situation: likely invented names."""
    lowered = normalize(source)
    # Every way a tokenizer may cut the situation's words ("Person02" -> "person", "O'Brien" whole).
    known = {w for pattern in (r"\w+(?:['-]\w+)*", r"\w+", r"[^\W\d_]+") for w in re.findall(pattern, lowered)}
    known |= set(_config()["not_names"]) | set(_month_numbers()) | _label_words() | _lemmas(source)
    spans = []
    first_line_end = text.find("\n")
    for previous, token in zip(tokens, tokens[1:]):
        word = token.text
        if (
            token.start > first_line_end >= 0 or first_line_end == -1
        ) and word[:1].isupper() and not word.isupper() and token.is_word and previous.sentence == token.sentence \
                and (previous.is_word or previous.text in _OPENERS or previous.text in {",", "—", "-"}) \
                and normalize(word) not in known and not (token.lemmas & known) \
                and not all(part in known for part in normalize(word).split("-")) \
                and not _starts_list_item(text, token.start):
            spans.append((token.start, token.end))
    return spans

