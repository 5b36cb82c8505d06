"""Small grammar for the composer: dates in each language's one format (babel), a Russian noun phrase
put in the case a sentence needs (pymorphy3), and a project description turned into a plain name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from functools import cache
from typing import Any

from .resources import load_yaml
from .vocab import Language

# The quotation marks of both languages, and a word of letters with inner hyphens or apostrophes.
QUOTES = "«»\"“”'„"
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


@cache
def petrovich() -> Any:
    """petrovich reads its rule file when built: once per process, not once per name."""
    from petrovich.main import Petrovich

    return Petrovich()


def petrovich_form(part: str, word: str, case: str, gender: str | None) -> str:
    """One part of a Russian name ('firstname', 'middlename' or 'lastname') in ``case`` ('gent', 'datv',
    'accs', 'ablt', 'loct') by petrovich's rules, for a ``gender`` of 'masc', 'femn' or None (either). A
    surname that does not decline («Белых») stays as it is, which petrovich's rules miss."""
    from petrovich.enums import Case, Gender

    if part == "lastname" and word.lower().endswith(_indeclinable_endings()):
        return word

    cases = {"gent": Case.GENITIVE, "datv": Case.DATIVE, "accs": Case.ACCUSATIVE, "ablt": Case.INSTRUMENTAL, "loct": Case.PREPOSITIONAL}
    genders = {"femn": Gender.FEMALE, "masc": Gender.MALE}
    return getattr(petrovich(), part)(word, cases[case], genders.get(gender or "", Gender.ANDRGN))


@cache
def _indeclinable_endings() -> tuple[str, ...]:
    """Endings of Russian surnames that do not decline (see guidelines/names.yaml)."""
    return tuple(load_yaml("guidelines", "names.yaml")["ru"]["indeclinable_surname_endings"])


@cache
def common_words() -> frozenset[str]:
    """English words of work descriptions missing from the word list (see guidelines/names.yaml)."""
    return frozenset(load_yaml("guidelines", "names.yaml")["en"]["common_words"])


@cache
def function_words() -> frozenset[str]:
    """English function words, never names, though a name list may hold one (see guidelines/names.yaml)."""
    return frozenset(load_yaml("guidelines", "names.yaml")["en"]["function_words"])


def format_date(date: dt.date, language: Language) -> str:
    """'March 15, 2027' / '15 марта 2027 года': the bank's one babel pattern, the same everywhere in a draft."""
    from babel.dates import format_date as babel_format

    from .phrases import load_phrases

    return babel_format(date, load_phrases(language).date_format, locale=language)


def inflect_phrase(phrase: str, case: str, things: bool = False) -> str | None:
    """A Russian noun phrase in ``case`` ('accs', 'ablt', ...): the head noun and the adjectives before it
    change, the rest ('частного дома в Подмосковье') stays. None when there is no nominative head to
    inflect, or the head is one of several coordinated nouns: the caller then sets the phrase after a
    colon or as a bullet, where the nominative is right. ``things``: the phrase names a thing (a handover
    item), so a word the dictionary does not know is not taken for a person."""
    from .text import parse_ru

    words = list(WORD.finditer(phrase))
    parses = [parse_ru(m.group()) for m in words]
    readings = [[p for p in ps if "nomn" in p.tag] for ps in parses]
    # A word that may be a noun or an adjective before a noun («рабочие чертежи») is the adjective; before a
    # name in quotes («мастерская «Кубик-рубанок»») it is the noun the name stands beside.
    def quoted_next(i: int) -> bool:
        return any(q in phrase[words[i].end():words[i + 1].start()] for q in "«\"“„")

    # Nor before a capitalised name («мастерская Оксаны Ланцевой»: the workshop of Oksana, not a «мастерская» Oksana).
    def named_next(i: int) -> bool:
        return words[i + 1].group()[:1].isupper()

    # «плановое ТО «Камри»»: a word in capitals after adjectives is an abbreviation (the dictionary may read «ТО» as
    # «то»), the head: it keeps its form, and the adjectives agree with it, neuter unless the dictionary knows it.
    caps = next((i for i, m in enumerate(words) if re.fullmatch(r"[А-ЯЁ]{2,5}", m.group())), None)
    if caps and all(_modifier(rs) for rs in readings[:caps]):
        abbr = next((p for p in parses[caps] if "Abbr" in p.tag and p.tag.POS == "NOUN"), None)
        gender = abbr.tag.gender if abbr and abbr.tag.gender else "neut"
        grammemes = {case, "sing", gender} | ({"inan"} if case == "accs" and gender == "masc" else set())
        said = [_modifier(rs).inflect(grammemes) for rs in readings[:caps]]
        if None in said:
            return None
        return "".join(phrase[words[i - 1].end() if i else 0:words[i].start()] + _same_case_shape(words[i].group(), r.word)
                       for i, r in enumerate(said)) + phrase[words[caps - 1].end():]
    # «с», «в»: a preposition is no head, though the dictionary has a noun of the same letters (an abbreviation).
    # (Not a particle: the dictionary's likeliest «фон» is the particle of names, not the background.)
    functional = [bool(ps) and ps[0].tag.POS in ("PREP", "CONJ") for ps in parses]
    head = next((i for i, rs in enumerate(readings) if rs and not functional[i] and rs[0].tag.POS == "NOUN" and not (
        _modifier(rs) and i + 1 < len(readings) and readings[i + 1] and readings[i + 1][0].tag.POS == "NOUN"
        and not quoted_next(i) and not named_next(i))), None)
    modifiers = [_modifier(rs) for rs in readings[:head or 0]]
    if head is None or None in modifiers:
        return None
    rest = phrase[words[head].end():]
    noun = readings[head][0]
    if re.match(r"\s*(,|и\b|или\b)", rest):
        return None  # coordinated nouns: the caller inflects each part
    shows_animacy = _shows_animacy(noun, case)
    # A noun a person's name follows («визуализатор Алёна») names a person, whatever the dictionary guessed.
    # A thing named by a word for a person («финальный мастер сингла», a master recording) is a thing.
    animacy = "anim" if _name_follows(words[head + 1:head + 2], phrase) else "inan" if things else noun.tag.animacy
    agreement = agreeing(noun, case, animacy)
    out, pos = [], 0
    for i in range(head + 1):
        reading = noun if i == head else modifiers[i]
        grammemes = {case} if i == head else agreement
        word = words[i].group()
        if things and i == head and case == "accs" and "-" not in word and not reading.is_known and reading.tag.gender == "masc" and "anim" in reading.tag:
            # A word the dictionary does not know («гайдлайн») is guessed animate; a thing keeps its form.
            out.append(phrase[pos:words[i].start()] + word)
            pos = words[i].end()
            continue
        if "-" in word and i == head and not _animate_prefix(word) and not _declined_prefix(word):
            # A compound noun («дизайн-проект») changes only its last part; a person's («фрилансер-таргетолог») both.
            prefix, last = word.rsplit("-", 1)
            tail = next((p for p in parse_ru(last) if "nomn" in p.tag and p.tag.POS == "NOUN"), None)
            target_tail = tail.inflect(grammemes) if tail else None
            if target_tail is None:
                return None
            out.append(phrase[pos:words[i].start()] + prefix + "-" + _same_case_shape(last, target_tail.word))
            pos = words[i].end()
            continue
        if i == head and shows_animacy and animacy == "anim" and noun.tag.animacy == "inan":
            grammemes = {"gent"}  # a person named by a word the dictionary calls a thing: accusative = genitive
        elif i == head and shows_animacy and animacy == "inan" and noun.tag.animacy == "anim":
            grammemes = {"nomn"}  # and a thing named by a word for a person: accusative = nominative
        target = reading.inflect(grammemes)
        if target is None:
            return None
        out.append(phrase[pos:words[i].start()] + _same_case_shape(word, target.word))
        pos = words[i].end()
    person = {"Name", "Patr"} & noun.tag.grammemes
    # After a thing or a group, a name that may be a genitive says whose it is («бригада Рамиля Сафина», though
    # «Рамиля» also reads as a woman's name); only a word for a person stands beside a name («бухгалтер Наталья»).
    if noun.tag.animacy == "inan" and words[head + 1:] and _may_be_genitive(words[head + 1].group()):
        return "".join(out) + phrase[pos:]
    return _names_in_apposition(phrase, words[head + 1:], pos, case, out, noun.tag.gender if person else None)


def agreeing(noun: Any, case: str, animacy: str | None = None) -> set[str]:
    """The grammemes of a word that agrees with ``noun`` in ``case`` (an adjective, «ваш»): its number, its
    gender in the singular, and its animacy where the accusative shows it."""
    animacy = animacy or noun.tag.animacy
    grammemes = {case, noun.tag.number or "sing"} | ({animacy} if _shows_animacy(noun, case) and animacy else set())
    return grammemes | ({noun.tag.gender} if noun.tag.number == "sing" and noun.tag.gender else set())


def _shows_animacy(noun: Any, case: str) -> bool:
    """Animacy shows only in the masculine singular and plural accusative ('эскизный проект', 'нового сотрудника')."""
    return case == "accs" and (noun.tag.number == "plur" or noun.tag.gender == "masc")


def _may_be_genitive(word: str) -> bool:
    from .text import parse_ru

    return any("gent" in p.tag for p in parse_ru(word))


def _modifier(readings: list) -> Any:
    """The adjective or participle reading of a word, if it has one."""
    return next((r for r in readings if r.tag.POS in ("ADJF", "PRTF")), None)


def _names_in_apposition(phrase: str, words: list, pos: int, case: str, out: list[str], gender: str | None = None) -> str:
    """The rest of an inflected phrase: a person's name in apposition follows the head's case
    («бухгалтера Наталью Горбунову»); anything else stays as written. First names and patronymics
    inflect by the dictionary; a surname by petrovich's rules in the first name's gender («Марину
    Лапину», «Алину Шевчук»), which the dictionary often does not know."""
    from .text import parse_ru

    for match in words:
        word = match.group()
        if phrase[pos:match.start()].strip() or not word[0].isupper() or word.isupper():
            break
        # One person in apposition is named in the singular: «карта Миши» is Misha's card (a genitive that
        # is also a plural nominative), not a card called Misha.
        names = [p for p in parse_ru(word) if "nomn" in p.tag and "sing" in p.tag and {"Name", "Patr"} & p.tag.grammemes
                 and (gender is None or p.tag.gender in (None, gender))]
        if names:
            gender = gender or names[0].tag.gender
            target = names[0].inflect({case})
            inflected = _same_case_shape(word, target.word) if target else None
        else:
            inflected = _surname(word, case, gender) if gender else None
        if inflected is None:
            break
        out.append(phrase[pos:match.start()] + inflected)
        pos = match.end()
    return "".join(out) + phrase[pos:]


def _name_follows(words: list, phrase: str) -> bool:
    """Whether a person's name follows the head; one in quotes is a brand («сервис «Бариста-Техник»»)."""
    from .text import parse_ru

    # A name in the genitive («мастерская Оксаны») is whose it is, not who it is.
    def named(word: str) -> bool:
        names = [p for p in parse_ru(word) if "Name" in p.tag]
        return bool(names) and not any("gent" in p.tag for p in names)

    # A word all in capitals («кассы АТОЛ») is a brand the dictionary may take for a name.
    return any(w.group()[0].isupper() and not w.group().isupper() and phrase[:w.start()].rstrip()[-1:] not in QUOTES
               and named(w.group()) for w in words)


def _surname(word: str, case: str, gender: str) -> str | None:
    """A surname in ``case`` for a person of ``gender`` ('masc'/'femn'), by petrovich's rules."""
    if case not in ("gent", "datv", "accs", "ablt", "loct") or gender not in ("masc", "femn"):
        return None
    return petrovich_form("lastname", word, case, gender)


def _animate_prefix(word: str) -> bool:
    from .text import parse_ru

    prefix = word.split("-", 1)[0]
    return any(p.tag.POS == "NOUN" and "anim" in p.tag and "nomn" in p.tag for p in parse_ru(prefix))


def _declined_prefix(word: str) -> bool:
    """Whether both parts of a compound noun decline («вышка-тура» → «вышку-туру»): its first part is a noun of its own
    in the nominative, not a fixed one («дизайн-проект» → «дизайн-проекта»)."""
    from .text import parse_ru

    prefix = word.split("-", 1)[0].lower()
    return prefix not in _fixed_prefixes() and any(p.tag.POS == "NOUN" and "nomn" in p.tag and p.is_known for p in parse_ru(prefix))


@cache
def _fixed_prefixes() -> frozenset[str]:
    return frozenset(load_yaml("guidelines", "names.yaml")["ru"]["fixed_compound_prefixes"])


def _same_case_shape(original: str, word: str) -> str:
    """The inflected word with the original's letter case where they share a stem ('SEO-продвижением')."""
    # A user who writes «рендеры» without «ё» keeps it so: the dictionary's «рендёры» reads as a misspelling.
    if "ё" not in original.lower():
        word = word.replace("ё", "е")
    shared = next((i for i, (a, b) in enumerate(zip(original.lower(), word)) if a != b), min(len(original), len(word)))
    return original[:shared] + word[shared:]


def plain_name(description: str, language: Language, months: Collection[str] = (), names: Collection[str] = ()) -> str:
    """The description as it reads inside a sentence: no title quotes, no date note after a comma, a common
    first word in lower case ('Проект частного дома' -> 'проект частного дома', 'Managed IT support' ->
    'managed IT support') unless it is one of ``names`` (`names_in`: "Footnotes podcast" where the notes
    say "episodes of Footnotes", not "Full Website Redesign")."""
    text = description.strip()
    if len(text) > 2 and text[0] in QUOTES and text[-1] in QUOTES:
        text = text[1:-1].strip()
    # "Mehta wedding, April 17": the date after a comma is the user's note, not part of the name.
    text = re.sub(r",[^,]*\d[^,]*$", "", text.rstrip(".")).strip()
    return common_start(text, language, [*months, *names], products=False)


def names_in(texts: Iterable[str]) -> set[str]:
    """Words the user capitalises in the middle of a sentence ("episodes of Footnotes, a history podcast"):
    names, though the dictionary knows them as common words. A text in title case names nothing this way."""
    def title_case(text: str) -> bool:
        words = re.findall(r"[^\W\d_]{4,}", text)
        return sum(w[0].isupper() for w in words) * 2 > len(words)

    return {m for text in texts if not title_case(text) for m in re.findall(r"(?<=[\w,;:] )([A-ZА-ЯЁ][a-zа-яё]+)\b", text)}


def with_names(text: str, names: Iterable[str], language: Language) -> str:
    """``text`` with the names the user capitalises elsewhere (`names_in`) written so here too: "in bristol in
    February" where another note says "come to Bristol". Only names the dictionary does not know as words."""
    for name in names:
        if not _ordinary(name, language):
            text = re.sub(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", name, text)
    return text


def common_start(text: str, language: Language, months: Collection[str] = (), *, products: bool = True) -> str:
    """``text`` with its first word in lower case when that is an ordinary word typed capitalised («Студия
    «Флорика»» → «студия «Флорика»», "Site plan with …" → "site plan with …"): a word the dictionary knows
    that is not a name or one of ``months``. Names, acronyms and acronym-led words ("SEO-продвижение")
    keep their capitals. With ``products``, an English first word also keeps its capital when a capital
    follows it ("Power BI workspace", "Reaper templates and iZotope chains"): the user writes product
    names as their makers do. A work description has no such guard ("Managed IT support")."""
    match = re.match(r"([^\W\d_]+)(?=[\s\-/]|$)", text)
    if not match or not match[1][:1].isupper() or not match[1][1:].islower() or match[1] in months:
        return text
    if not _ordinary(match[1], language):
        return text
    words = text.split()
    if products and language == "en" and len(words) > 1 and (
            words[1][:1].isupper() or any(re.search(r"[a-z][A-Z]", w) for w in words)):
        return text
    return text[:1].lower() + text[1:]


def _ordinary(word: str, language: Language) -> bool:
    """A common word of the language, not a name or a brand: in the dictionary, in lower case."""
    if language == "ru":
        from .text import parse_ru

        readings = parse_ru(word.lower())
        return bool(readings) and readings[0].is_known and not (_PROPER & set(readings[0].tag.grammemes))
    from lemminflect import getAllLemmas

    from .address import given_name

    lower = word.lower()
    if lower in function_words():
        return True
    return (lower in common_words() or bool(getAllLemmas(lower))) and not given_name(word)
