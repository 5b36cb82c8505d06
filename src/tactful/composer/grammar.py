"""The composer's grammar: numbers of days, spoken amounts, lists, the user's fragments as sentences, and
Russian cases for handover items and referrals."""

from __future__ import annotations

import datetime as dt
import re

from ..phrases import Phrases
from ..vocab import Language
from ..wording import agreeing, format_date, inflect_phrase


def count_days(n: int, language: Language, phrases: Phrases) -> str:
    """'30 days' / '30 дней': Russian agreement with the number comes from pymorphy3, not a table."""
    if language == "ru":
        from ..text import _morph

        word = _morph().parse(phrases.units["day"][0])[0].make_agree_with_number(n).word
        return f"{n} {word}"
    singular, plural = phrases.units["day"]
    return f"{n} {singular if n == 1 else plural}"


def spoken_amount(amount: str, phrases: Phrases) -> str:
    """'GBP 1,450' or '£1,450' as it is said: '1,450 pounds'; an amount without a known code stays."""
    for code, word in phrases.spoken_currency.items():
        if code in amount:
            number = amount.replace(code, "").strip()
            if number:
                return f"{number} {word}"
    return amount


def join_items(items: list[str], phrases: Phrases) -> str:
    """'a, b and c' — the way both languages list things; in English 'keys and the fob, and the checklist'
    when an item has its own 'and', so the list does not read as one long chain."""
    if len(items) == 1:
        return items[0]
    conjunction = phrases.labels["and"]
    nested = phrases.nested_list_comma and any(f" {conjunction} " in item for item in items)
    last = f", {conjunction} " if nested else f" {conjunction} "
    return f"{', '.join(items[:-1])}{last}{items[-1]}"


def sentence(text: str, phrases: Phrases) -> str:
    """A user's fragment as sentences of the letter: capital first letters, a full stop at the end, and a
    comma that joins two whole sentences ("we are closing the studio, both partners are retiring") made
    a full stop."""
    text = text.strip()
    if phrases.comma_splice:
        parts = re.split(phrases.comma_splice, text, flags=re.IGNORECASE)
        text = ". ".join(part[:1].upper() + part[1:] for part in parts)
    # Notes typed without capitals ("only do residential. the paperwork ...") still read as sentences.
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return text[:1].upper() + text[1:] + ("" if text[-1:] in ".!?" else ".")


def opening_clause(reason: str, language: Language, phrases: Phrases, solo: bool) -> str:
    """The first clause of a user's note as a sentence of the sender's own: "moving back to Sweden in March,
    my partner got a job there" → "I am moving back to Sweden in March"; «закрываем студию с 1 марта, аренда
    подорожала» → «Мы закрываем студию с 1 марта». A note typed without its subject gets one."""
    clause = re.split(phrases.snippets["clause_break"], reason.strip(), maxsplit=1, flags=re.IGNORECASE)[0].strip()
    words = clause.split()
    if not words:
        return ""
    if language == "en" and re.fullmatch(r"[a-z]+ing", words[0]):
        return ("I am " if solo else "We are ") + clause
    if language == "ru":
        from ..text import parse_ru

        verb = next((r for r in parse_ru(words[0].lower()) if r.tag.POS == "VERB" and "1per" in r.tag), None)
        if verb is not None:
            return ("Я " if verb.tag.number == "sing" else "Мы ") + clause[:1].lower() + clause[1:]
    return clause


def project_work(project: str, work: str, phrases: Phrases) -> str | None:
    """The work named after 'thank you for our…': the bank gives the case and the frame per kind of work
    (Russian «работу над проектом дома», «работу по бухгалтерскому сопровождению»)."""
    case, frame, *common = phrases.get(f"project_work.{work}")
    inflected = inflect_phrase(project, case) if case else project
    if not inflected:
        return None
    first, _, rest = inflected.partition(" ")
    typed_article = bool(rest) and first.lower() in phrases.articles
    if typed_article:  # "the IT support": the frame brings its own article ("your IT support")
        inflected = rest
    return (common[0] if common and (typed_article or inflected[:1].islower()) else frame).format(inflected)


def short_name(description: str, phrases: Phrases) -> bool:
    """A description short enough to serve as the work's name in a sentence: up to the bank's number of
    words besides short prepositions («в», "of"), no digits, no clauses."""
    words = [w for w in description.split() if len(w) > 2]
    return len(words) <= phrases.name_max_words and not any(ch.isdigit() or ch in ",;:" for ch in description)


def due_phrase(date: dt.date | None, language: Language, phrases: Phrases) -> str:
    """When to pay an open invoice: by its due date, or as soon as possible (an issued invoice is due)."""
    if date is None or date < dt.date.today():
        return phrases.labels["asap"]
    return phrases.labels["due_by"].format(date=format_date(date, language))


def to_you(item: str, language: Language, phrases: Phrases) -> str:
    """A note about the client in the third person said to them ("admin access transferred to him" →
    "transferred to you", «перенести на их аккаунт» → «на ваш аккаунт»): the bank's substitutions, and a
    Russian possessive agreed with the noun after it."""
    for pattern, replacement in phrases.snippets.get("to_you", []):
        item = re.sub(pattern, replacement, item, flags=re.IGNORECASE)
    possessive = phrases.snippets.get("to_you_possessive")
    if language == "ru" and possessive:
        item = re.sub(rf"\b{possessive[0]}\s+([а-яё]+)", lambda m: _agreed(possessive[1], m.group(1)), item,
                      flags=re.IGNORECASE)
    return item


def _agreed(pronoun: str, noun: str) -> str:
    """«ваш» in the case, number and gender of the noun after it («вашим сотрудникам»)."""
    from ..text import parse_ru

    reading = next((r for r in parse_ru(noun) if r.tag.POS == "NOUN"), None)
    if reading is None:
        return f"{pronoun} {noun}"
    form = parse_ru(pronoun)[0].inflect({g for g in agreeing(reading, reading.tag.case, reading.tag.animacy or "inan") if g})
    return f"{form.word if form else pronoun} {noun}"


def is_action(item: str, language: Language, phrases: Phrases) -> bool:
    """Whether a handover note is a step to take rather than a thing: it opens with a verb (an English one
    from the bank's list; a Russian infinitive or first-person verb)."""
    first = (item.split() or [""])[0].lower().strip(",.:;")
    if language == "ru":
        from ..text import parse_ru

        reading = next(iter(parse_ru(first)), None)
        return reading is not None and (reading.tag.POS == "INFN" or (reading.tag.POS == "VERB" and "1per" in reading.tag))
    return first in phrases.snippets.get("action_verbs", [])


def accusative(item: str, language: Language, phrases: Phrases | None = None) -> str | None:
    """A handover item as the object of 'we will hand over' — Russian in the accusative, each coordinated
    part ("пароли и схема сети") on its own; None when a part cannot be inflected. English running text
    gives a bare item its article ("the house keys and the alarm fob")."""
    if language != "ru":
        return with_article(item, phrases.snippets.get("determiners", []) if phrases else [])
    whole = inflect_phrase(item, "accs", things=True)  # «схема света и фона»: the «и» is inside the complement
    if whole is not None:
        return whole
    parts = re.split(r"(,\s+|\s+и\s+)", item)
    # A part with no Russian word ("DWG", "PDF") does not decline and stays as written.
    inflected = [part if i % 2 or not re.search(r"[а-яё]", part, re.IGNORECASE) else inflect_phrase(part, "accs", things=True)
                 for i, part in enumerate(parts)]
    return "".join(inflected) if all(p is not None for p in inflected) else None


def with_article(item: str, determiners: list[str]) -> str:
    """'house keys' -> 'the house keys', 'Power BI workspace' -> 'the Power BI workspace'; an item that starts
    with a determiner or a word taking none ("access to ..."), a digit, or a capitalised word that may be a
    name ('Figma files', 'Sam's notes') stays as typed."""
    words = item.split()
    first = words[0] if words else ""
    # A product name as the modifier ("WordPress login", "Power BI workspace") takes the article too.
    brand = len(first) > 1 and first[:1].isupper() and (
        any(ch.isupper() for ch in first[1:]) or (len(words) > 2 and words[1][:1].isupper()))
    if not determiners or not first or first.lower() in determiners or not (first[:1].islower() or brand):
        return item
    return f"the {item}"


def referral_object(referral: str, language: Language) -> str | None:
    """Russian: «бухгалтера Наталью Горбунову (ведёт ИП на упрощёнке)» — the name as the object of
    'recommend', the user's description in brackets; None when the name cannot be inflected."""
    if language != "ru":
        return None
    name, _, description = referral.partition(", ")
    inflected = inflect_phrase(name, "accs")
    if inflected is None:
        return None
    return f"{inflected} ({description.strip()})" if description.strip() else inflected


def object_list(accusatives: list[str | None], phrases: Phrases) -> str | None:
    """Handover items (from `accusative`) as one object of 'we will hand over', or None when one could
    not be inflected (the speaker then says 'all materials' and the email lists them as bullets)."""
    if not accusatives or None in accusatives:
        return None
    return join_items([a for a in accusatives if a], phrases)


_SENTENCE_START = re.compile(r"([.!?]\s+)([^\W\d_])")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def single_stops(text: str) -> str:
    """One full stop where a name ending in one ("ИП Сычёв Р. А.", "Acme Inc.") meets the sentence's own;
    an ellipsis stays."""
    return _DOUBLE_STOP.sub(".", text)


def tidy(text: str) -> str:
    """Collapse the blank lines that optional template blocks leave behind, and doubled full stops."""
    lines = [single_stops(line.rstrip()) for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


