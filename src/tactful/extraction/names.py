"""Names in pasted text: whether a phrase is a person's name, the nominative of a Russian name, natasha's
entities, and the name and organisation of a signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..vocab import Language
from .layout import Line


@dataclass
class Mention:
    value: str
    start: int
    end: int


_LEGAL = {"ооо", "пао", "зао", "ltd", "llc", "inc", "gmbh", "plc", "limited", "llp"}


def _key(name: str) -> set[str]:
    """Comparable stems of a name's words: 'Хабибуллина А. Р.' and 'Альфия Ринатовна Хабибуллина' share one;
    a short first name stands for its full form ('Meg' for Margaret, «Саша» for Александр or Александра)."""
    from ..address import full_first_name

    words = (full_first_name(w) for w in re.findall(r"[^\W\d_]{3,}", name))
    return {w[:5] for w in words if w not in _LEGAL}  # «ООО «Ника»» and «ООО «Бухпрофи»» share no one


def same_person(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    shared = ka & kb
    # Two names in full that share a surname only («Вера Николаевна Белова», «Белова Надежда Петровна»)
    # are namesakes; a shorter form of one name («Павел Андреевич», «Дорофеев Павел») is the same person.
    # Two names of two words alike in one («Сергей Лапин», «Сергей Лаптев»; "Sam Whitlock", "Graham Whitlock")
    # are two people too, unless the other word of one is a patronymic, which goes with a first name.
    namesakes = len(ka) == len(kb) == 2 and len(shared) == 1 and not _PATRONYMIC.search(f"{a} {b}")
    return bool(shared) and not namesakes and not (len(ka - shared) >= 2 and len(kb - shared) >= 2)


def same_firm(a: str, b: str) -> bool:
    """Whether two organisations are one: as `same_person`, but two names each in quotes are one only when the words of
    the shorter quoted name are all in the other («ООО «ГидроМехСервис»» and «АО «Алтайская малая гидроэнергетика»» share
    a stem, not a word; «Вектор» and «ООО «Вектор-Плюс»» are one)."""
    qa, qb = re.findall(r"«(.+)»", a), re.findall(r"«(.+)»", b)
    if not (qa and qb):
        return same_person(a, b)
    wa, wb = ({w.lower() for w in re.findall(r"[^\W\d_]{3,}", q[0])} for q in (qa, qb))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична)(?:а|у|ем|е|ы|ой)?\b", re.I)


@cache
def _natasha():
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return Doc, Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding), MorphVocab()


def russian_entities(text: str) -> list[tuple[str, str, int, int]]:
    """(type, normal form, start, end) of the PER and ORG entities natasha finds; names in the nominative
    («с Тамарой Ивановой» -> «Тамара Иванова»)."""
    doc_cls, segmenter, morph, tagger, vocab = _natasha()
    doc = doc_cls(text)
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.tag_ner(tagger)
    out = []
    for span in doc.spans:
        if span.type in ("PER", "ORG"):
            span.normalize(vocab)
            value = re.sub(r"[\s(\[«\"'—–-]+$", "", span.normal or span.text)  # «Кирилл (» -> «Кирилл»
            value = keep_yo(value, span.text)  # natasha spells ё as е: «Пётр Кравец», not «Петр Кравец»
            if value.count("«") > value.count("»") and text[span.stop : span.stop + 1] == "»":
                value += "»"  # «ТСЖ «Северное сияние».»: natasha leaves the closing quote out of the span
            out.append((span.type, value, span.start, span.start + len(value)))
    return out


def keep_yo(normal: str, written: str) -> str:
    """``normal`` with the ё of the words as ``written`` put back: each word takes ё where the written word
    with the same stem has one («Семен Аркадьевич» from «Семёна Аркадьевича» -> «Семён Аркадьевич»)."""
    if "ё" not in written.lower():
        return normal
    originals = written.split()
    out = []
    for word in normal.split():
        source = next((o for o in originals if o[:2].lower().replace("ё", "е") == word[:2].lower().replace("ё", "е")
                       and len(o) >= 3 and o[:3].lower().replace("ё", "е") == word[:3].lower().replace("ё", "е")), None)
        if source:
            word = "".join(("Ё" if c == "Е" else "ё") if c in "еЕ" and source[i : i + 1].lower() == "ё" else c
                           for i, c in enumerate(word))
        out.append(word)
    return " ".join(out)


def nominative(name: str, language: Language) -> str:
    """A Russian name as the subject of a sentence: «Олегу Дмитриевичу Кравцу» -> «Олег Дмитриевич Кравец».
    Each word that pymorphy3 reads as a first name, patronymic or surname in another case is put in the
    nominative; any other word (and every English name) stays as written. The words are read together, in
    one gender and one case where they agree: «Андрея Власова» is «Андрей Власов» (though «Власова» is a
    woman's surname in the nominative), «Евгения Климова» stays as written."""
    if language != "ru":
        return name
    from ..text import parse_ru

    # one person's name: its plural readings («Аллы» as 'the Allas') are none of its
    readings = [[p for p in parse_ru(word) if {"Name", "Patr", "Surn"} & set(p.tag.grammemes) and "plur" not in p.tag]
                for word in name.split()]
    for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
        for gender in ("femn", "masc"):
            chosen = [next((p for p in ps if case in p.tag and (p.tag.gender is None or p.tag.gender == gender)), None) if ps else False
                      for ps in readings]
            if any(chosen) and None not in chosen:
                return name if case == "nomn" else " ".join(
                    _inflected(word, parse) if parse else word for word, parse in zip(name.split(), chosen))
    words = []
    # a man's first name and patronymic in the nominative: a surname read only as a woman's in another case is his own
    # in the nominative, as written («Всеволод Аркадьевич Ланской», not «Ланская»)
    man = any(ps and all("nomn" in p.tag and p.tag.gender == "masc" for p in ps[:1]) for ps in readings) \
        and not any(ps and ps[0].tag.gender == "femn" and "Surn" not in ps[0].tag for ps in readings)
    # and a woman's: a surname read only as a man's in another case is hers in the nominative («Ксения Павловна Мамонтова»,
    # not «Мамонтов»)
    woman = any(ps and all("nomn" in p.tag and p.tag.gender == "femn" for p in ps[:1]) for ps in readings) \
        and not any(ps and ps[0].tag.gender == "masc" and "Surn" not in ps[0].tag for ps in readings)
    for word, parses in zip(name.split(), readings):
        parse = parses[0] if parses else None
        if parse is None or any("nomn" in p.tag for p in parses):  # «Дёмина» may already be the nominative
            words.append(word)
            continue
        if man and "Surn" in parse.tag and all(p.tag.gender == "femn" for p in parses):
            words.append(word)
            continue
        if woman and "Surn" in parse.tag and all(p.tag.gender == "masc" for p in parses):
            words.append(word)
            continue
        words.append(_inflected(word, parse))
    return " ".join(words)


def _inflected(word: str, parse) -> str:
    normal = parse.inflect({"nomn"})
    # pymorphy3 spells ё as е: «Артёмом» gives «Артём», not «Артем»
    return "".join("ё" if c == "е" and word[i : i + 1] == "ё" else c for i, c in enumerate(normal.word.capitalize())) if normal else word


def is_person(text: str, pats: dict, language: Language) -> bool:
    text = text.strip()
    if pats["legal_forms"].search(text):
        return False
    if pats["people"]["initials"].match(text):
        return True  # «Смирнов П. А.», "J. Abbott": a surname with initials
    if language == "ru":
        from ..address import addressee

        # A first name alone («Тамара») is a person too; the name pattern wants two words.
        single = re.fullmatch(r"[А-ЯЁ][а-яё]+", text) is not None
        return (single or bool(pats["name"].fullmatch(text))) and addressee(text, None, "ru").person
    if not pats["name"].fullmatch(text):
        return False
    first = pats["title"].sub("", text).split()[0]
    return _known_first(first) or text != first and bool(pats["title"].match(text))


def _known_first(first: str) -> bool:
    """A first name the names list knows; a double one ('Kerry-Ann', 'Mary-Jo') when it knows each of its parts."""
    parts = first.split("-") if "-" in first.strip("-") else [first]
    return all(_detector().get_gender(part) != "unknown" for part in parts)


@cache
def _detector():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def signature_parts(message_signature: list[Line], pats: dict, language: Language, named: bool = False) -> tuple[Mention | None, Mention | None]:
    """The name (the fullest one: "Lukas" then "Lukas Brenner") and the organisation in a signature block:
    a part with a legal form or a trade word, else the last part that is not a job title."""
    name = org = None
    spare: Mention | None = None
    # the block's own e-mail addresses: a name they spell is a person's even when the name lists miss it
    mail = " ".join(re.findall(r"[\w.+-]+@[\w-]+", " ".join(line.text for line in message_signature))).lower()
    for line in message_signature:
        # «Диляра Галиева и команда «Свет и тень»», "Sam Reed and the team at Fernway": the name, then the firm
        parts = [part for part in re.split(r"\s*[,|]\s+|\s+[–—-]\s+|\s*\(|\s+(?:и команда|and the team(?: at)?|& team)\s+", line.text)
                 if part.strip(" )")]
        for part in parts:
            part = re.sub(r"(?<=[»\"')])\.$", "", part.strip().strip("()").strip())  # «бюро «Контур».» ends the sentence
            if (department := pats["people"].get("department")) and department.fullmatch(part):
                continue  # "Estates Team", «отдел маркетинга»: a part of the organisation, not its name
            start = line.start + max(line.text.find(part), 0)
            mention = Mention(part, start, start + len(part))
            words, known = set(part.split()), set(name.value.split()) if name else set()
            spelt = bool(mail) and pats["name"].fullmatch(part) is not None and 2 <= len(part.split()) <= 3 \
                and not pats["legal_forms"].search(part) and all(w.lower() in mail for w in part.split())
            if (is_person(part, pats, language) or spelt) and (name is None or words <= known or known <= words):
                if name is None or len(part) > len(name.value):
                    name = mention
                continue  # another name after the person's may be the business ("Nadia Roberts | Roberts Copy")
            titled = re.match(r"^(?:[a-zа-яё-]+\s+){1,3}(?=[A-ZА-ЯЁ])", part)  # «настройщик Пётр Ильич Завадский»
            if name is None and titled and len(part[titled.end() :].split()) >= 2 and is_person(part[titled.end() :], pats, language):
                name = Mention(part[titled.end() :], start + titled.end(), start + len(part))
                continue
            if pats["roles"].search(part) and org is None and (inner := pats["people"]["org_in_role"].search(part)):
                value = org_nominative(inner.group("value"), language)  # «руководитель веб-студии «Прямая линия»»
                org = Mention(value, start + inner.start("value"), start + inner.start("value") + len(inner.group("value")))
                continue
            if pats["roles"].search(part) or len(part) > 60 or re.search(r"[@+\d]{3,}|www\.|https?:", part) \
                    or pats["people"]["speaker"].search(part):
                continue  # a job title, a sentence ("I've been doing … for Tandem Cycles") or a phone number
            if org is None and pats["legal_forms"].search(part) and not pats["legal_forms"].fullmatch(part):
                org = mention
            elif _title_case(part) and not pats["greeting"].match(part + ","):
                spare = mention
    return name, org or (spare if name or named else None)  # ``named``: the text names the person just before


def without_department(raw: str, pats: dict) -> tuple[str, int]:
    """A mailbox's display name without the department that writes from it, and where what is left starts: "Estates &
    Facilities - St Brannoc's Hospice" -> "St Brannoc's Hospice", «Отдел маркетинга ТРЦ «Меридиан»» -> «ТРЦ «Меридиан»»;
    a name with no department is returned whole."""
    department, lead = pats["people"].get("department"), pats["people"].get("department_lead")
    parts = [(m.group(), m.start()) for m in re.finditer(r"[^,|–—-]+(?:-(?!\s)[^,|–—-]*)*", raw) if m.group().strip()]
    kept = [(text, start) for text, start in parts if not department.fullmatch(text.strip())] if department else parts
    if not kept or len(kept) == len(parts) and not (lead and lead.match(raw.strip())):
        return raw, 0
    text, start = kept[0]
    start += len(text) - len(text.lstrip())
    text = text.strip()
    if lead and (m := lead.match(text)) and m.end() < len(text):
        text, start = text[m.end() :], start + m.end()
    return text, start


def _title_case(part: str) -> bool:
    """Two or more words, most of them capitalised: how an organisation's name is written."""
    words = [w for w in part.split() if len(w) > 2]
    capitals = [w for w in words if w[0].isupper() or w[0] in "«\""]
    return len(part.split()) >= 2 and len(capitals) * 10 >= len(words) * 7


def trim_person(value: str, pats: dict, language: Language) -> str | None:
    """The leading name of a longer capture ('Marcus Feld Is' -> 'Marcus Feld'), if any."""
    words = value.split()
    for n in range(len(words), 1, -1):
        candidate = " ".join(words[:n])
        if is_person(candidate, pats, language):
            return candidate
    return None


def org_nominative(value: str, language: Language) -> str:
    """A Russian firm named in a role line as the subject: «веб-студии «Прямая линия»» -> «веб-студия «Прямая
    линия»» (the trade word before the quotes put in the nominative; the quoted name stays as written)."""
    if language != "ru":
        return value
    from ..text import parse_ru

    head, quote, rest = value.partition("«")
    if not quote:
        # no quotes: «пекарне на Вокзальной» -> «пекарня на Вокзальной», «храма Николы Чудотворца» -> «храм Николы
        # Чудотворца», «Кировского краеведческого музея» -> «Кировский краеведческий музей»: the words up to the first
        # noun put in the nominative, the name after it (a street, a saint) stays as written
        head, rest = value, ""
        if m := re.search(r"\s+(?:на|в|у)\s+|\s+(?=[А-ЯЁ])", value[1:]):
            head, rest = value[: m.start() + 1], value[m.start() + 1 :]
    elif not head.strip():
        return quote + _quoted_nominative(rest)
    words = head.split()
    # the noun's gender, for the adjectives before it («Тверского областного музея» -> «областной», not «областное»)
    gender = next((p.tag.gender for w in words if (p := (parse_ru(w) or [None])[0]) is not None and p.tag.POS == "NOUN"), None)
    for i, word in enumerate(words):  # the adjectives and the first noun: «кадрового агентства», not «сети клиник»'s «клиник»
        if len(word) > 1 and word.isupper():
            break  # «УК «Квартал»», «ТСЖ «…»»: an abbreviation is the noun and is not declined
        first = parse_ru(word)[:1]
        if not first or "nomn" in first[0].tag:
            if first and first[0].tag.POS == "NOUN":
                break
            continue
        agreed = first[0].tag.POS == "ADJF" and gender and first[0].inflect({"nomn", "sing", gender})
        normal = agreed or (first[0].inflect({"nomn"}) if first[0].tag.POS in ("NOUN", "ADJF") else None)
        words[i] = (normal.word.capitalize() if word[:1].isupper() else normal.word) if normal else word
        if first[0].tag.POS == "NOUN":
            break
    return (" ".join(words) + (" " if words else "") + quote + (rest if quote else rest.lstrip())).rstrip()


def legal_nominative(value: str) -> str:
    """A firm by its legal form, its quoted name declined after a preposition: «ООО «Тихой гавани»» ->
    «ООО «Тихая гавань»» (the legal form's name is an apposition, written in the nominative)."""
    head, quote, rest = value.partition("«")
    return head + quote + _quoted_nominative(rest) if quote else value


def _quoted_nominative(rest: str) -> str:
    """A quoted name said after a preposition alone: «Зелёной лавки»» -> «Зелёная лавка»»; words pymorphy3
    does not know («Строймира») stay as written, as does any name of more than three words."""
    name, close, tail = rest.partition("»")
    words = name.split()
    if not close or len(words) > 3:
        return rest
    return " ".join(_word_nominative(word) for word in words) + close + tail


def _word_nominative(word: str) -> str:
    """One word of a quoted name in the nominative; of a hyphenated one («Гранит-Строем») only the last
    part declines, so that part is read alone («Гранит-Строй»)."""
    from ..text import parse_ru

    head, hyphen, last = word.rpartition("-")
    if hyphen and head and last:
        return head + hyphen + _word_nominative(last)
    first = parse_ru(word)[:1]
    tag = first[0].tag if first else None
    if tag is None or not first[0].is_known or "nomn" in tag or tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return word
    normal = first[0].inflect({"nomn"})
    new = normal.word if normal else word.lower()
    new = "".join("ё" if c == "е" and word[i : i + 1].lower() == "ё" else c for i, c in enumerate(new))
    return new.capitalize() if word[:1].isupper() else new


def domain_org(domain: str | None, text: str, pats: dict, language: Language, spelled: int | None = None) -> Mention | None:
    """The firm an e-mail domain stands for: the name in the text that spells it ('Brew & Bean' for
    brewandbean.com, 'Harbour Dental' for harbourdental.co.uk); else, for a domain the user wrote in their
    own notes (``spelled``: where), its hyphenated words ('northwind-logistics.com' -> 'Northwind Logistics')."""
    labels = (domain or "").lower().split(".")
    while len(labels) > 1 and len(labels[-1]) <= 3:
        labels.pop()  # ".co.uk", ".com"
    label = labels[-1] if labels and labels[-1] else ""
    if len(label) < 4 or pats["public_mail"].match(label):
        return None
    key = label.replace("-", "")
    for m in re.finditer(r"[A-ZА-ЯЁ][\w'’]*(?:\s*(?:&|\+|and|и)?\s*[A-ZА-ЯЁ][\w'’]*){0,3}", text):
        words = list(re.finditer(r"[\w'’]+|&|\+", m.group()))
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                spans = words[i:j]
                compact = "".join("and" if w.group() in ("&", "+") else w.group() for w in spans).lower()
                if key in (compact, compact.replace("and", "")) and spans[0].group()[:1].isupper():
                    start, end = m.start() + spans[0].start(), m.start() + spans[-1].end()
                    return Mention(text[start:end], start, end)
    if spelled is not None and language == "en" and "-" in label and label.isascii():
        return Mention(" ".join(w.capitalize() for w in label.split("-")), spelled, spelled + len(domain or ""))
    return None
