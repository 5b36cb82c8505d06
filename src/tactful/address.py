"""Who a letter speaks to: a person (title, first name, patronymic, surname, gender) or an organisation.

English names go through ``nameparser`` (titles, "Prof. Dr.", suffixes) and ``gender-guesser``'s list of
first names (is "Northwind" a person?); Russian names through ``pymorphy3``'s Name/Patr/Surn tags, in any
order (ФИО or И. О. Ф.), and ``petrovich`` declines them. The word lists live in ``guidelines/names.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from .resources import load_yaml
from .vocab import Language
from .wording import QUOTES, WORD, petrovich_form

Gender = Literal["femn", "masc"]


class Addressee(BaseModel):
    """The person or organisation a message greets, in the parts a salutation needs."""

    person: bool
    title: str = ""
    first: str = ""
    patronymic: str = ""
    last: str = ""
    gender: Gender | None = None
    organisation: str = ""  # the client's name without its legal form, for a team greeting
    title_given: bool = False  # the user wrote the title ("Mrs Caroline Ashworth"): keep it in a warm letter too
    initials: str = ""  # «А. С.» of «Петров А. С.»: a plan lists the person as «А. С. Петров»

    def listed(self, case: str = "nomn") -> str:
        """The person as a plan lists them: «А. С. Петров» («А. С. Петрову») for a surname with initials, the
        formal name otherwise."""
        if not (self.initials and self.last):
            return self.inflected(case)
        last = self.last if case == "nomn" else petrovich_form("lastname", self.last, case, self.gender)
        return f"{self.initials} {last}"

    @property
    def formal(self) -> str:
        """'Dr Morris', 'Jane Morris', 'Ольга Викторовна', 'Денис'."""
        if self.patronymic:
            return f"{self.first} {self.patronymic}".strip()
        if self.title and self.first and self.title in _first_name_titles():
            return f"{self.title} {self.first}"
        if self.title and self.last:
            return f"{self.title} {self.last}"
        if _is_ru(self.first or self.last):
            return self.first or self.last
        return " ".join(p for p in (self.first, self.last) if p)

    @property
    def familiar(self) -> str:
        """'Jane' for a warm English letter; a Russian business letter keeps the patronymic, and a priest is
        «отец Александр» in any letter."""
        if self.patronymic or self.title_given or self.title in _names("ru").get("first_name_titles", {}).values():
            return self.formal
        return self.first or self.formal

    def inflected(self, case: str) -> str:
        """The formal name in a Russian case ('datv': «Ольге Викторовне»), through petrovich."""
        if not _is_ru(self.formal) or case == "nomn":
            return self.formal
        # A couple («Марина и Артём») declines name by name, each in their own gender.
        names = self.first.split(" и ")
        # A first name alone («Виталий») tells its own gender when the contact gave no other clue.
        parts = [" и ".join(petrovich_form("firstname", name, case, (self.gender if len(names) == 1 else None) or _name_gender(name))
                            for name in names)] if self.first else []
        if self.title and self.first and self.title in _first_name_titles():  # «отцу Александру»
            from .text import likeliest_ru

            title = likeliest_ru(self.title)
            parts.insert(0, title.inflect({case}).word if title and title.inflect({case}) else self.title)
        if self.patronymic:
            parts.append(petrovich_form("middlename", self.patronymic, case, self.gender))
        elif self.last and not self.first:
            parts.append(petrovich_form("lastname", self.last, case, self.gender))
            if self.title:  # «господину Прохорову»
                from .text import likeliest_ru

                title = likeliest_ru(self.title)
                parts.insert(0, (title.inflect({case}).word if title and title.inflect({case}) else self.title))
        return " ".join(parts)


def _first_name_titles() -> set[str]:
    """Titles said with the first name: "Sir Anthony", «отец Александр»."""
    return {*_names("en").get("first_name_titles", []), *_names("ru").get("first_name_titles", {}).values()}


def full_first_name(word: str) -> str:
    """The full form of a short first name, lower-case ("Meg" → "margaret", «Катя» → «екатерина»); the word itself,
    lower-case, when it is none."""
    return _short_forms().get(word.lower(), word.lower())


@cache
def _short_forms() -> dict[str, str]:
    return load_yaml("guidelines", "names.yaml")["short_forms"]


def _is_ru(text: str) -> bool:
    return bool(re.search("[а-яё]", text.lower()))


@cache
def _names(language: Language) -> dict[str, Any]:
    return load_yaml("guidelines", "names.yaml")[language]


def is_title(word: str) -> bool:
    """Whether an English word is a title before a name ("Mrs", "Dr.", "Revd")."""
    return word.lower().rstrip(".") in _names("en")["titles"]


def titled_in(notes: list[str], who: Addressee) -> Addressee:
    """The contact with the title the user's notes call them by ("formal. call him Mr. Hollis unless he tells me
    Brent"), when the contact was typed without one: a title the user writes before the surname is theirs to keep,
    unless they write it to refuse it ("call him Marek not Mr Hudák")."""
    if who.title or not (who.person and who.last):
        return who
    titles = _names("en")["titles"]
    refused = _names("en").get("title_refused_before", "(?!)")
    for note in notes:
        for m in re.finditer(rf"\b([A-Z][a-z]{{1,9}})\.?\s+{re.escape(who.last)}\b", note):
            if (title := titles.get(m[1].lower())) and not re.search(refused, note[:m.start()].rstrip()):
                return who.model_copy(update={"title": title, "title_given": True})
    return who


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)] + (["&"] if "&" in text else [])


def is_organisation(text: str, language: Language) -> bool:
    """Whether a name is a business ("веб-студия «Северный ветер»", "Ridgeway Digital") rather than a person."""
    data = _names(language)
    words = [part for word in _words(text) for part in word.split("-")]
    # A name in guillemets («Профбух Консалтинг») is a business's name in Russian usage.
    return "«" in text or any(w in data["organisation_words"] or w in data["legal_forms"] for w in words) \
        or language == "en" and _inner_noun(text, data.get("name_particles", []))


def _inner_noun(text: str, particles: list[str]) -> bool:
    """Whether an English name has a common noun inside it, neither its first word nor its last ("Pal Arinsal Bike
    Park"): no part of a person's name, whose middle words are given names ("Mary Ann Park") or particles ("van")."""
    from lemminflect import getAllLemmas

    inner = WORD.findall(text)[1:-1]
    return any(w[:1].isupper() and "NOUN" in getAllLemmas(w.lower()) and w.lower() not in particles and not given_name(w)
               for w in inner)


def _strip_marker(text: str, markers: list[str]) -> tuple[str, bool]:
    """``text`` without a leading or trailing marker phrase (``ИП``, ``LLC``), and whether one was there."""
    stripped = text.strip().strip(",")
    for marker in sorted(markers, key=len, reverse=True):
        pattern = re.compile(rf"^\s*{re.escape(marker)}\b\.?\s*|\s*,?\s*\b{re.escape(marker)}\.?\s*$", re.IGNORECASE)
        new = pattern.sub("", stripped)
        if new != stripped:
            return new.strip(), True
    return stripped, False


def is_sole_trader(name: str) -> bool:
    """Whether a client's name marks a person trading alone («ИП Ким», "Ким Елена Павловна (самозанятая, …)", "Jo Li,
    sole trader"), in either language: a person, whatever the brand beside it, with no team to wish well."""
    markers = [*_names("en")["sole_trader"], *_names("ru")["sole_trader"]]
    return any(re.search(rf"(?<![\w-]){re.escape(m)}(?![\w-])", name, flags=re.IGNORECASE) for m in markers)


def organisation_name(name: str, language: Language) -> str:
    """'ООО «Ромашка»' -> 'Ромашка'; 'Northwind Traders LLC' -> 'Northwind Traders'; 'NordBalt Logistics Sp. z o.o.
    (Gdańsk distribution centre)' -> 'NordBalt Logistics' (a note in brackets after the name is the user's)."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or name
    bare, _ = _strip_marker(name, _names("ru" if _is_ru(name) else "en")["legal_forms"])
    if len(bare) > 2 and bare[0] in QUOTES and bare[-1] in QUOTES:
        bare = bare[1:-1]
    bare = " ".join((bare.strip() or name.strip()).split()).strip(",;:")
    if (team := re.match(_names("ru" if _is_ru(name) else "en").get("team_name", "(?!)"), bare)):
        bare = team["team"]
    # A name with no word of two letters ("A,") is no one to greet: the letter then opens neutrally.
    return bare if re.search(r"[^\W\d_]{2}", bare) else ""


def _name_gender(first: str) -> Gender | None:
    """A Russian first name's gender, when pymorphy3 gives only one."""
    from .text import parse_ru

    # Only a name's own form counts: «Виталий» is also the genitive plural of «Виталия».
    genders = {p.tag.gender for p in parse_ru(first) if {"Name", "nomn", "sing"} <= p.tag.grammemes and p.tag.gender in ("femn", "masc")}
    return genders.pop() if len(genders) == 1 else None


def _declined_first(first: str, case: str, gender: Gender | None) -> str | None:
    """A first name in ``case`` by pymorphy3's dictionary of names, which knows the short forms petrovich
    leaves as they are («Саша» → «Сашу»)."""
    from .text import parse_ru

    names = [r for r in parse_ru(first) if "Name" in r.tag]
    reading = next((r for r in names if r.tag.gender == gender), names[0] if names else None)
    form = reading.inflect({case}) if reading is not None else None
    return form.word.capitalize() if form is not None else None


def declined_name(name: str, case: str) -> str | None:
    """A Russian person's full name in ``case`` («Саша Миронов» → «Сашу Миронова»), through petrovich, the
    gender from the patronymic, the first name or the surname's ending; None when ``name`` is no such name."""
    # «ИП Шевченко Андрей Владимирович»: the marker stays as it is, the name after it declines.
    bare, marked = _strip_marker(name, _names("ru")["sole_trader"])
    if marked and bare != name.strip():
        # «ИП Горелов»: a surname alone declines by its ending.
        gender = _surname_gender(bare) if " " not in bare else None
        declined = petrovich_form("lastname", bare, case, gender) if gender else declined_name(bare, case)
        return name.strip()[: len(name.strip()) - len(bare)] + declined if declined else None
    person = _russian_person(name) if _is_ru(name) else None
    words = name.split()
    # «Баатр Сарангов»: a first name the dictionary does not know, before a surname that tells the gender, is one all the same.
    # So is one followed by where they are from («Баатр Сарангов из Яшкуля»).
    from .text import known_ru

    if person is None and len(words) >= 2 and all(w[:1].isupper() and _is_ru(w) for w in words[:2]) and not known_ru(words[0]) \
            and (len(words) == 2 or words[2].islower()) \
            and (gender := _surname_gender(words[1])):
        return " ".join([petrovich_form("firstname", words[0], case, gender), petrovich_form("lastname", words[1], case, gender), *words[2:]])
    if person is None or not person.first:
        return None
    gender = person.gender or _surname_gender(person.last)
    declined = {person.first: _declined_first(person.first, case, gender) or petrovich_form("firstname", person.first, case, gender)}
    if person.patronymic:
        declined[person.patronymic] = petrovich_form("middlename", person.patronymic, case, gender)
    if person.last:
        declined[person.last] = petrovich_form("lastname", person.last, case, gender)
    return " ".join(declined.get(word, word) for word in name.split())


def _russian_person(text: str, letter: Language = "ru") -> Addressee | None:
    from .text import parse_ru

    titles = _names("ru")["titles"]
    clergy = _names("ru").get("first_name_titles", {})
    said_title = next((clergy[w.lower()] for w in WORD.findall(text) if w.lower() in clergy), "")
    # Initials («Д. В.») name no one to greet; a title («проф.») is not said before a name and patronymic.
    words = [w for w in WORD.findall(text) if len(w) > 1 and w.lower() not in titles and w.lower() not in clergy]
    if not words or not all(w[0].isupper() for w in words) or len(words) > 3:
        return None
    # A surname with initials («Прохоров А. В.», «А.В. Прохорова») names the person by surname alone: a
    # business letter says «господин Прохоров», never «Здравствуйте, Прохоров!».
    if len(words) == 1 and (initials := re.findall(r"(?<![^\s.])[А-ЯЁ]\.", text)):
        gender = _surname_gender(words[0])
        # A surname that tells no gender («Ковальчук»), or one in an English letter, keeps its initials.
        title = (_names("ru")["surname_titles"].get(gender or "", "") if letter == "ru" else "") or " ".join(initials)
        return Addressee(person=True, title=title, last=words[0], gender=gender, initials=" ".join(initials))
    tags = {w: {g for p in parse_ru(w) if p.score > 0.02 for g in ("Patr", "Name", "Surn") if g in p.tag} for w in words}
    # «Жукович Андрей Михайлович»: a surname in -ович reads as a patronymic too; the patronymic is the one after a first name.
    candidates = [w for w in words if "Patr" in tags[w]]
    patronymic = next((w for i, w in enumerate(words) if w in candidates and i and "Name" in tags[words[i - 1]]),
                      candidates[0] if candidates else "")
    # A surname that is also a first name (Карпов? no; Роман, Лев: yes) loses to a word that is only a name.
    names = sorted((w for w in words if "Name" in tags[w] and w != patronymic), key=lambda w: "Surn" in tags[w])
    first = names[0] if names else ""
    # Three words with the patronymic among them say the order themselves: «Ержан Серикович Омаров» puts the first
    # name before it, «Омаров Ержан Серикович» the surname first; a name pymorphy3 does not know («Ержан») is still one.
    if len(words) == 3 and patronymic in words[1:]:
        first = words[words.index(patronymic) - 1]
    last = next((w for w in words if w not in (first, patronymic)), "")
    if not first and not patronymic:
        return None
    gender: Gender | None
    if patronymic:
        gender = "femn" if patronymic.lower().endswith(("вна", "чна", "шна", "кызы")) else "masc"
    else:
        gender = _name_gender(first)
    if said_title and first:
        return Addressee(person=True, title=said_title, first=first, last=last, gender="masc")
    return Addressee(person=True, first=first, patronymic=patronymic, last=last, gender=gender)


def _surname_gender(surname: str) -> Gender | None:
    """A Russian surname's gender by its ending («Прохорова» feminine), or None («Белых»)."""
    endings = _names("ru")["surname_endings"]
    # The longest ending decides: «-ова» is feminine although it ends like nothing masculine, «-ов» not.
    found = sorted(((e, g) for g, es in endings.items() for e in es if surname.lower().endswith(e)), key=lambda p: -len(p[0]))
    return found[0][1] if found else None  # type: ignore[return-value]


def _english_person(text: str, known_person: bool) -> Addressee | None:
    from nameparser import HumanName

    data = _names("en")
    name = HumanName(text, constants=_name_constants())
    titles = {t.strip(".").lower() for t in name.title.split()}
    title = next((said for t, said in data["titles"].items() if t in titles), "")
    first, last = name.first.strip(), name.last.strip()
    if not known_person:
        if is_organisation(text, "en") or len(_words(text)) > 4:
            return None
        if not title and not (first and given_name(first)):
            return None
    if not (first or last):
        return None
    if not last and name.middle:
        last = name.middle.split()[-1]
    # "Ing. Mauricio Solano Vargas": two surnames, called by the first.
    elif title in data.get("first_surname_titles", []) and name.middle:
        last = name.middle.split()[0]
    # No "Mr"/"Ms" guessed from a first name: a wrong guess ("Mr" to a Jess) costs more than a full name.
    given = bool(title)
    return Addressee(person=True, title=title, first=first, last=last, title_given=given)


@cache
def _name_constants():
    """nameparser's vocabulary with the bank's titles added: it knows "Rev" and "Cllr" but not "Revd", which it
    would take for a first name ("Hi Revd,")."""
    from nameparser.config import Constants

    constants = Constants()
    constants.titles.add(*_names("en")["titles"])
    return constants


@cache
def _first_names():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def _is_first_name(word: str) -> bool:
    return _first_names().get_gender(word) != "unknown"


def courtesy_titled(name: str) -> str:
    """An English full name with the courtesy title its first name clearly calls for ("Adrian Pell" → "Mr Adrian
    Pell"), or as it is when the name is not clearly one gender's or has a title already."""
    first = name.split()[0] if name.split() else ""
    title = _names("en").get("courtesy_titles", {}).get(_first_names().get_gender(first)) if first else None
    return f"{title} {name}" if title and len(name.split()) >= 2 else name


def is_inbox(contact: str) -> bool:
    """An e-mail address ("info@…") given as the contact: an inbox, not a person to greet."""
    return bool(re.fullmatch(r"\S+@\S+\.\w+", contact.strip()))


_ROLE_AFTER_NAME = re.compile(r"\s*(?:,|\(|\s[—–-]\s)\s*")
_COUPLE = re.compile(r"(?P<a>[A-ZА-ЯЁ][^\W\d_]+)(?:\s+[A-ZА-ЯЁ][^\W\d_'’-]+)?\s+(?P<conj>and|&|и)\s+(?P<b>[A-ZА-ЯЁ][^\W\d_]+)(?:\s+[A-ZА-ЯЁ][^\W\d_'’-]+)?")


def _titled_couple(text: str) -> Addressee | None:
    """"Mr and Mrs Aldington", "Dr & Mr Patel": two people greeted by their titles and shared surname; None for any
    other text."""
    titles = _names("en")["titles"]
    title = rf"(?:{'|'.join(re.escape(t) for t in titles)})\.?"
    m = re.fullmatch(rf"(?i:(?P<a>{title})\s*(?:and|&)\s*(?P<b>{title}))\s+(?P<last>[A-Z][^\W\d_'’-]*(?:[-'’][A-Z]?[^\W\d_'’-]+)*)", text)
    if not m:
        return None
    said = [titles[m[part].strip(".").lower()] for part in ("a", "b")]
    return Addressee(person=True, title=f"{said[0]} and {said[1]}", last=m["last"], title_given=True)


def without_role(text: str) -> str:
    """A person's name typed with their role ("Гордеев Виктор Павлович, генеральный директор", "Jane Roe
    (CFO)", "Ann Lee — head of HR", "Oliver Grant, Partner"): the part before it. "Smith, John" is a name
    written surname first, and stays whole; so does a part that does not read as a name ("<b>x</b> (y)")."""
    name, *role = _ROLE_AFTER_NAME.split(text.strip(), maxsplit=1)
    surname_first = len(name.split()) == 1 and re.fullmatch(r"[A-ZА-ЯЁ][^\W\d_A-ZА-ЯЁ]+\.?", role[0].strip() if role else "")
    return name if role and re.fullmatch(r"[^\W\d_][\w .'’-]*", name) and not surname_first else text


def _person(text: str | None, known_person: bool, language: Language) -> Addressee | None:
    """A person named in ``text``; ``known_person`` for a contact field, which never names a company."""
    if not text or not text.strip():
        return None
    if known_person:
        if is_inbox(text) or role_only(text):
            return None
        text = without_role(text)
    # "Mr and Mrs Aldington": two titles and one surname, greeted as typed, not "Mr and Mrs" for first names.
    if known_person and (titled := _titled_couple(text.strip())):
        return titled
    # Two people greeted together ("Margaret and Tom Ashdown", «Марина и Артём Белоусовы»): by their first
    # names, the shared surname dropped.
    if known_person and (couple := _COUPLE.fullmatch(text.strip())):
        return Addressee(person=True, first=f"{couple['a']} {couple['conj']} {couple['b']}")
    if known_person and re.search(r"[<>\[\](){}/\\@#\d]", text):
        return Addressee(person=True, first=text.strip())  # not a name we can parse: greet with it as typed
    letter, language = language, "ru" if _is_ru(text) else "en"
    data = _names(language)
    bare, sole_trader = _strip_marker(text.strip(QUOTES), data["sole_trader"])
    known_person = known_person or sole_trader
    if not _is_ru(bare):  # a name is read by its own script: a Russian contact in an English letter stays Russian
        person = _english_person(bare, known_person)
    elif not known_person and (any(q in text for q in QUOTES) or any(w in data["organisation_words"] or w in data["legal_forms"] for w in _words(text))):
        return None
    else:
        person = _russian_person(bare, letter)
    # A sole trader is a person even when the name gives nothing to greet with: no "dear colleagues".
    return person or (Addressee(person=True) if sole_trader else None)


def role_only(text: str) -> bool:
    """Whether a contact is a post with no name ("Business Manager", "the practice manager", «офис-менеджер»); a post is
    read in either language, as a contact's name is read by its own script."""
    roles = set(_names("en").get("role_words", [])) | set(_names("ru").get("role_words", []))
    words = [w.lower() for w in re.findall(r"[^\W\d_]+|&", text)]
    return bool(words) and all(w in roles for w in words)


def names_person(text: str, language: Language) -> bool:
    """Whether ``text`` names someone by a first name ("Kemi is spending…", «Андрей Лыков уходит»): a
    capitalised word that the names dictionary knows (gender-guesser; pymorphy3's Name), or by a title ("Dr Ncube")."""
    places = "|".join(_names(language).get("place_words", []))
    # A run of capitalised words after "at" is a place or a firm ("at Hamble Point Marine"), whatever its words.
    text = re.sub(rf"\b(?:{places})\s+(?:[A-ZА-ЯЁ][^\W\d_]*\s*)+", " ", text) if places else text
    if nouns := "|".join(_names(language).get("place_nouns", [])):
        text = re.sub(rf"(?:[A-ZА-ЯЁ][^\W\d_]*\s+)+(?:{nouns})\b", " ", text)
    # A title before a capitalised word names someone by surname too ("Ms. Hofbauer asked for it").
    if (titles := "|".join(re.escape(t) for t in _names(language).get("titles", {}))) and re.search(
            rf"(?<![\w.])(?i:{titles})\.?\s+[A-ZА-ЯЁ][^\W\d_]", text):
        return True
    return any(_first_name(word, language) for word in re.findall(r"(?:^|(?<=\s))[A-ZА-ЯЁ][^\W\d_]+", text.strip()))


def _first_name(word: str, language: Language) -> bool:
    """A first name, not a capitalised word of the sentence a names dictionary also lists ("May", "Will", "The")."""
    return word.lower() not in _not_names(language) and given_name(word)


@cache
def _not_names(language: Language) -> frozenset[str]:
    return frozenset(w.lower() for w in _names(language).get("not_names", []))


def is_couple(contact: str | None) -> bool:
    """Whether a contact or a client is two people greeted together ("Margaret and Tom Ashdown", "Daniel
    Marsh and Chloe Fenwick"): both are first names, so "Smith & Partners" is a firm."""
    couple = _COUPLE.fullmatch(contact.strip()) if contact else None
    return bool(couple) and all(given_name(couple[part]) for part in ("a", "b"))


def given_name(word: str) -> bool:
    """A first name the names dictionary knows: gender-guesser for Latin script, pymorphy3's Name tag for
    Cyrillic. A double name ("Kerry-Ann", «Анна-Мария») is one when its parts are."""
    if "-" in word.strip("-"):
        return all(given_name(part) for part in word.split("-") if part)
    if not _is_ru(word):
        return _is_first_name(word)
    from .text import parse_ru

    return any("Name" in r.tag and r.score > 0.1 for r in parse_ru(word))


def reply_signer(text: str, contact: str | None, language: Language) -> str | None:
    """Who signed the client's reply ("Regards,\nNeil Farrant\nMeridian …"), to be greeted in the answer: a
    person named in two words or more, not the contact already on record under a fuller name ("Журавлёва А. В."
    for Алла Викторовна Журавлёва). None when the reply is unsigned, signed by a first name or by a firm."""
    from .extraction.layout import read_layout
    from .extraction.patterns import patterns

    pats = patterns(language)
    layout = read_layout(text, pats)
    lines = layout.notes_signature or [line for message in layout.messages for line in message.signature]
    head = re.split(r"\s*[,|/]\s*", lines[0].text)[0].strip() if lines else ""
    # Greeted by name only when the signature opens with a first name, or is a Russian name in full, surname
    # first («Рябов Денис Сергеевич»), or a surname with initials whose gender it tells («О. И. Пименов»: «Уважаемый
    # господин Пименов!»): "The Orchard House" is a place.
    def full_russian() -> bool:
        person = _russian_person(head) if language == "ru" else None
        return bool(person and (person.first and person.patronymic or person.initials and person.last and person.gender))

    if len(head.split()) < 2 or not pats["name"].fullmatch(head) or is_organisation(head, language) \
            or not (_first_name(head.split()[0], language) or full_russian()):
        return None
    def names(text: str) -> set[str]:  # its words, initials aside
        return {w.strip(".") for w in _words(text) if len(w.strip(".")) > 1}

    # One surname is one person only when the first names agree: Rachel Marsh writing for Mr Julian Marsh is
    # someone new.
    # The contact's first name as their full name reads it («Захаров Глеб Андреевич»: Глеб, though «Захаров» may be one).
    parsed = _person(contact, True, language) if contact else None
    contact_first = parsed.first.casefold() if parsed and parsed.first else next(
        (w for w in _words(contact or "") if len(w) > 1 and _first_name(w, language)), None)
    # Signed with initials («Журавлёва А. В.»), the first initial is the first name's.
    initials = [w[0].casefold() for w in head.split() if re.fullmatch(r"[^\W\d_]\.", w)]
    signed_first = initials[0] if initials else head.split()[0].casefold()
    other_person = bool(contact_first) and (contact_first[0].casefold() != signed_first if initials
                                            else contact_first.casefold() != signed_first)
    return None if names(contact or "") & names(head) and not other_person else head


def addressee(client: str, contact: str | None, language: Language) -> Addressee:
    """Whom to greet: the contact if named, else the client when it is a person, else its organisation."""
    # "Никита Орлов (канал «Орлов в пути»)": the note in brackets says what the person runs, not who they are.
    client_person = _person(re.sub(r"\s*\([^)]*\)", "", client).strip() or client, False, language)
    # "the Okafor family" is people; "Price Family Dental" a business.
    household = not is_organisation(client, language) and any(w in _names(language).get("household_words", []) for w in _words(client))
    organisation = "" if client_person or household else organisation_name(client, language)
    who = _person(contact, True, language) or client_person
    if who:
        return who.model_copy(update={"organisation": organisation})
    return Addressee(person=False, organisation=organisation)


def is_community(client: str, language: Language) -> bool:
    """A client that is a community rather than a business with staff: a parish, «СНТ «Ромашка»», a band."""
    return any(w in _names(language).get("community_words", []) for w in _words(client))


def title_words() -> frozenset[str]:
    """Every spelling of a title a salutation may carry ("dr", "prof", "professor")."""
    titles = _names("en")["titles"]
    return frozenset(titles) | frozenset(t.lower() for t in titles.values())


def voiced(situation: Any, language: Language) -> Any:
    """The situation with the sender writing as "I" when the user left it open and their own notes on why speak
    only as "I" («весенний заказ не беру», "I'm not risking my bees again"): a craftsman's workshop is still one
    person. Notes that say "we" anywhere, or none in the first person, or a registered company leave it as it was."""
    names = _names(language)
    company = situation.sender.company or ""
    # A registered company («ООО …», "… Ltd", in either language) has people behind it, whoever writes the notes.
    forms = {form for lang in ("en", "ru") for form in _names(lang)["legal_forms"]}
    if situation.sender.solo is not None or not company or not situation.reasons or set(_words(company)) & forms:
        return situation
    from .text import parse_ru

    markers = names["voice_markers"]
    voices = set()
    for word in (w.lower() for note in situation.reasons for w in re.findall(r"[^\W\d_][\w'’]*", note)):
        word = word.replace("’", "'")
        if word in markers["i"]:
            voices.add("i")
        elif word in markers["we"]:
            voices.add("we")
        elif language == "ru":
            verb = next((r for r in parse_ru(word) if r.tag.POS == "VERB" and "1per" in r.tag), None)
            if verb is not None:
                voices.add("i" if verb.tag.number == "sing" else "we")
    if voices != {"i"}:
        return situation
    return situation.model_copy(update={"sender": situation.sender.model_copy(update={"solo": True})})


def is_solo(sender: Any, language: Language) -> bool:
    """Whether the sender writes as "I": as the user says, else when there is no company or the company
    is the sender's own name as a sole trader («ИП Орлова»)."""
    if sender.solo is not None:
        return bool(sender.solo)
    return not sender.company or addressee(sender.company, None, language).person


def asks_informal(situation: Any, language: Language = "ru") -> bool:
    """Whether the user's notes ask to write to the client as a friend («говорить на «ты»», «мы на ты», "write to
    her like a friend", "we go way back"): a friend is written to as one, and «ты» in that message is no
    disrespect."""
    pattern = _names(language).get("informal_notes")
    return bool(pattern) and any(re.search(pattern, note) for note in [*situation.reasons, *situation.facts])


def nickname(situation: Any, first: str, language: Language) -> str:
    """The short name the notes say the friend goes by ("'Tash' is fine at the start" for Tasha), else ``first``.
    A name that does not start as ``first`` does is someone else's."""
    for pattern in _names(language).get("nickname_notes", []):
        for note in [*situation.reasons, *situation.facts]:
            m = re.search(pattern, note)
            if m and first and m.group("name")[:1] == first[:1] and m.group("name") not in (first, *_names(language).get("not_names", [])):
                return m.group("name")
    return first
