"""Situation extraction: the fields of a `Situation` found in pasted notes and threads, offline.

``extract(text)`` reads the paste's layout (the user's notes, a forwarded thread's messages with their
headers and signatures), blanks out sentences that address the tool, and finds each field with the
language's patterns (``guidelines/extraction/<lang>.yaml``), dateparser and, for Russian, natasha. Every
value carries the span of the input it came from; what was not found is listed as missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import FIELDS, Extraction, Found, Ignored, nest

__all__ = ["Extraction", "Found", "Ignored", "extract", "FIELDS"]

# Longer pastes are cut here: a thread beyond this is history, and extraction stays fast.
MAX_CHARS = 60_000


def extract(text: str, language: str = "auto", today: dt.date | None = None, backend: str | None = None,
            settings: Any = None) -> Extraction:
    """The situation found in ``text`` (notes, a thread, or both); ``today`` anchors relative dates.

    Offline by default; with an LLM configured (or ``backend="openai"``) the model reads the text too, and
    each value it can show in the text replaces the offline one (`tactful.extraction.llm`)."""
    from ..language import resolve_language
    from .layout import read_layout
    from .patterns import patterns

    text = text[:MAX_CHARS]
    lang = resolve_language(text, language)
    today = today or dt.date.today()
    pats = patterns(lang)
    layout = read_layout(text, pats)
    found, mentions = _read(layout, pats, lang, today)
    other = "ru" if lang == "en" else "en"
    if _share(text, other) >= MIXED_SHARE:
        # Russian notes over an English thread (or the reverse): what the paste's language missed is read
        # with the other language's patterns; a field found already stays as it was, unless it was only
        # guessed (a client named after its person) and the other reading names it.
        other_layout = read_layout(text, patterns(other))
        more, more_mentions = _read(other_layout, patterns(other), other, today)
        have = {f.field for f in found if f.source != "contact"}
        taken = [f for f in more if f.field not in have and not _other_side(f, found)]
        found = [f for f in found if f.field not in {t.field for t in taken}] + taken
        mentions += more_mentions if "end_date" not in have else []
    found.sort(key=lambda f: FIELDS.index(f.field) if f.field in FIELDS else len(FIELDS))
    flat: dict[str, Any] = {f.field: f.value for f in found}
    flat["language"] = lang
    situation = nest(flat)
    situation.setdefault("client", {})
    missing = [name for name in FIELDS if name not in flat]
    result = Extraction(language=lang, situation=situation, found=found, missing=missing, ignored=layout.ignored)
    from ..settings import Settings

    settings = settings or Settings()
    if settings.resolve_backend(backend) == "openai":
        from .llm import merge_llm

        # The model sees the text with instructions to the tool blanked out, like the offline reading.
        result = merge_llm(result, layout.text, settings, lang, today, {m.date for m in mentions})
    return result


# A paste whose letters are this much in the other language's script is read in both languages.
MIXED_SHARE = 0.15


def _other_side(found: Found, ours: list[Found]) -> bool:
    """Whether a person or firm the other language's reading puts on one side is on the other side in ours
    (that reading took the thread's author for the user): such a value is not taken."""
    from .names import same_person

    side = found.field.split(".")[0]
    if side not in ("sender", "client") or not isinstance(found.value, str):
        return False
    other = "client" if side == "sender" else "sender"
    return any(f.field.startswith(other + ".") and isinstance(f.value, str) and same_person(f.value, found.value) for f in ours)


def _share(text: str, language: str) -> float:
    """The share of the text's letters written in the script of ``language`` (Cyrillic for Russian)."""
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters)
    return (cyrillic if language == "ru" else len(letters) - cyrillic) / len(letters) if letters else 0.0


def _read(layout, pats: dict, lang: str, today: dt.date) -> tuple[list[Found], list]:
    """Every field one language's patterns find in a layout, the end date among them, and the dates seen."""
    from .dates import end_date, find_dates
    from .fields import find_fields
    from .people import find_people, own_messages

    people = find_people(layout, pats, lang)
    found: list[Found] = [*people, *find_fields(layout, pats, own_messages(layout, people, pats), lang)]
    mentions = find_dates(layout, pats, lang, today)
    end = end_date(mentions)
    if end:
        found.append(Found(field="end_date", value=end.date, start=end.start, end=end.end,
                           confidence=min(0.9, 0.5 + end.score / 10), source="date"))
    return found, mentions
