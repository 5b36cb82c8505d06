"""The composer's grammar: numbers of days, spoken amounts, lists, the user's fragments as sentences, and
Russian cases for handover items and referrals."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from ..phrases import Phrases, load_phrases
from ..vocab import Language
from ..wording import agreeing, common_start, format_date, inflect_phrase

# What may end a word of a note: it stays when the word is changed.
_PUNCTUATION = ",.;:"


def count_days(n: int, language: Language, phrases: Phrases) -> str:
    """'30 days' / '30 дней': Russian agreement with the number comes from pymorphy3, not a table."""
    if language == "ru":
        return f"{n} {_agreeing_with_number(phrases.units['day'][0], n)}"
    singular, plural = phrases.units["day"]
    return f"{n} {singular if n == 1 else plural}"


def time_together(months: int | None, language: Language, phrases: Phrases) -> str:
    """How long the work has gone on, as the thanks say it, to the nearest that is still true: "over the
    past year", "over the past two years" (24–26 months), "over more than two years" (27–28), "over the
    past two and a half years" (29–32), "over nearly three years" (33–35); «все эти два года», «все эти
    полтора года», «на протяжении почти трёх лет». Empty under a year."""
    if not months or months < 12:
        return ""
    together = phrases.snippets["together"]
    years, rest = divmod(months, 12)
    # Twenty months is "a year and a half" rather than "more than a year", which undersells it.
    kind = "years" if rest <= 2 else "half" if 5 <= rest <= 8 else "nearly" if rest >= 9 else "more"
    years += kind == "nearly"
    if years == 1:
        return together[{"years": "year", "half": "half_year"}.get(kind, "more_year")]
    # After "more than"/"nearly" Russian puts the number in the genitive («почти трёх лет»); otherwise the
    # word for "years" takes the language's plural form (CLDR's, from babel: «пять лет»).
    genitive = kind in together.get("genitive", [])
    words = phrases.snippets["number_words_genitive" if genitive else "number_words"]
    number = words[years] if years < len(words) else str(years)
    from babel import Locale

    unit = together["units_genitive"] if genitive else together["units"][Locale(language).plural_form(years)]
    if kind == "half":
        return together["half"].format(n=together["and_a_half"].format(number=number, unit=unit))
    return together[kind].format(n=f"{number} {unit}")


_NUMBER = re.compile(r"\d(?:[\d\s\u00a0\u202f.,]*\d)?")


def total_amount(amounts: list[str], language: Language) -> str | None:
    """The sum of several amounts in one currency, written like the first ("£1,420" and "£1,960" →
    "£3,380"; «45 000 ₽» × 4 → «180 000 ₽»); None when the currencies differ or a number cannot be read."""
    from babel.numbers import NumberFormatError, format_decimal, parse_decimal

    numbers = [_NUMBER.search(a) for a in amounts]
    # Whole sums only: a total with pence or kopecks is left to the user (and to their accounts).
    if len(amounts) < 2 or not all(numbers) or any(re.search(r"[.,]\d{1,2}$", m.group()) for m in numbers if m):
        return None
    if len({_NUMBER.sub("", a).strip() for a in amounts}) != 1:
        return None  # "£" and "€", or a sum with a note the others lack
    # The numbers are read, and the total written, the way the user typed them: "£1,180" groups thousands
    # with a comma even in a Russian letter, where babel would read the comma as a decimal point.
    typed = " | ".join(m.group() for m in numbers if m)
    locale = "en" if re.search(r",\d{3}(?!\d)", typed) else "ru" if re.search(r"\d\s\d{3}(?!\d)", typed) else language
    try:
        total = sum(parse_decimal(re.sub(r"\s", "", m.group()), locale=locale) for m in numbers if m)
    except NumberFormatError:
        return None
    start, end = numbers[0].span()  # type: ignore[union-attr]
    # babel groups with a no-break space in Russian; the letter keeps the plain one the user typed.
    written = format_decimal(total, format="#,##0", locale=locale).replace("\xa0", " ").replace("\u202f", " ")
    return amounts[0][:start] + written + amounts[0][end:]


def sum_named(amount: str, text: str) -> bool:
    """Whether ``text`` names the sum ``amount`` ("£1,860" in "the 1 860 went across"; "J$40,000" in "the J$40k"),
    thousands apart or not."""
    def bare(t: str) -> str:
        t = re.sub(r"(?<=\d)[,\s\u00a0\u202f](?=\d{3}(?!\d))", "", t)
        return re.sub(r"(?<![\d.,])(\d+(?:\.\d+)?)\s?[kK]\b", lambda m: str(round(float(m[1]) * 1000)), t)

    figure = re.search(r"\d+(?:[.,]\d+)?", bare(amount))
    return bool(figure) and re.search(rf"(?<![\d.,]){re.escape(figure.group())}(?![\d]|[.,]\d)", bare(text)) is not None


def spoken_amount(amount: str, phrases: Phrases) -> str:
    """'GBP 1,450' or '£1,450' as it is said: '1,450 pounds'; «35 000 руб.» → «35 000 рублей», «1 182 ₽» →
    «1 182 рубля». An amount without a known code stays."""
    # "FJ$3,925 (balance of FJ$7,850)": the unit follows the sum said, before the note about it.
    main, note = re.match(r"(?P<main>[^(]*?)\s*(?P<note>\(.*\))?\s*$", amount).group("main", "note")
    for code, word in phrases.spoken_currency.items():
        # "$" is not the end of "BZ$": a sign after letters belongs to a code the bank may not know, said as written.
        if re.search(rf"(?<![^\W\d_]){re.escape(code)}", main):
            # "760.00" is said "760": no one reads out zero pence.
            # "BBD $560": the sign beside the code is no part of the number.
            number = re.sub(r"[.,]00$", "", re.sub(r"[^\w\s.,]", "", main.replace(code, "")).strip())
            if number:
                return " ".join(filter(None, [number, _unit_for(number, word), note and note.replace(code, "")]))
    return amount


def _unit_for(number: str, word: str) -> str:
    """A Russian currency word agrees with the whole number before it (pymorphy3); "тыс."/"млн" take the
    genitive plural. An English word is given in the form it is said."""
    if not re.search(r"[а-яё]", word):
        return word
    digits = re.sub(r"\D", "", re.split(r"[,.]\d{1,2}$", number.strip())[0])
    return _agreeing_with_number(word, 5 if re.search(r"[а-яё]", number.lower()) or not digits else int(digits))


def _agreeing_with_number(word: str, n: int) -> str:
    """A Russian noun in the form the number ``n`` takes («1 день», «3 дня», «64 800 рублей»), by pymorphy3."""
    from ..text import _morph

    return _morph().parse(word)[0].make_agree_with_number(n).word


def join_items(items: list[str], phrases: Phrases) -> str:
    """'a, b and c' — the way both languages list things; 'keys and the fob, and the checklist' («ключи и
    брелок, а также чек-лист») when an item has its own 'and', so the list does not read as one long chain."""
    if len(items) == 1:
        return items[0]
    conjunction = phrases.labels["and"]
    nested = any(f" {conjunction} " in item for item in items)
    last = phrases.nested_and if nested else f" {conjunction} "
    return f"{', '.join(items[:-1])}{last}{items[-1]}"


def spelt(text: str, phrases: Phrases) -> str:
    """Notes typed fast drop apostrophes and capitals ("Im not refunding", "cant", "i'll"): a letter spells them."""
    for typed, spelling in phrases.snippets.get("apostrophes", {}).items():
        text = re.sub(rf"\b{typed}\b", spelling, text, flags=re.IGNORECASE)
    return text


def lower_first(text: str) -> str:
    """A sentence set after other words: its first letter in lower case, but "I" stays ("I'll be away")."""
    return text if re.match(r"I\b", text) else text[:1].lower() + text[1:]


def sentence(text: str, phrases: Phrases) -> str:
    """A user's fragment as sentences of the letter: capital first letters, a full stop at the end, and a
    comma that joins two whole sentences ("we are closing the studio, both partners are retiring") made
    a full stop."""
    text = spelt(text.strip(), phrases)
    if phrases.comma_splice:
        parts = re.split(phrases.comma_splice, text, flags=re.IGNORECASE)
        text = ". ".join(part[:1].upper() + part[1:] for part in parts)
    text = capital_starts(text)
    return text[:1].upper() + text[1:] + ("" if text[-1:] in ".!?" else ".")


def capital_starts(text: str) -> str:
    """Each sentence after the first on a capital: notes typed without them ("only do residential. the paperwork
    ...") still read as sentences."""
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def sentences(text: str) -> list[str]:
    """A client's answer in sentences, a list's lines each on their own (bullets and quoted lines aside). A
    list item that goes on from the line above it ("Please also confirm:" / "1. the full list of bookings;")
    is said with that line's words: "Please also confirm the full list of bookings."."""
    out: list[str] = []
    intro = None
    for raw in text.splitlines():
        item = re.match(r"^\s*(?:[-*•]|\d+[.)])\s+", raw)
        line = re.sub(r"^\s*(?:[-*•>]|\d+[.)])\s*", "", raw).strip()
        if item and intro and line[:1].islower():
            if out and out[-1] == intro:
                out.pop()
            # «Прошу подтвердить:» / «что списки придут …»: a Russian clause after the verb takes its comma.
            comma = "," if line.split()[0] in load_phrases("ru").snippets.get("comma_before", []) else ""
            line = intro[:-1].rstrip() + comma + " " + line.rstrip(";,")
            line += "" if line[-1:] in ".!?…" else "."
            out.append(line)
            continue
        parts = []
        for part in (s.strip() for s in re.split(r"(?<=[.!?…])\s+(?=\S)", line) if s.strip()):
            # «в п. 9.1 указано 30 дней», "Mr. Kessler": a sentence does not end on an abbreviation.
            if parts and (re.search(_abbreviation_end(), parts[-1]) or part[:1].isdigit() and re.search(_abbreviation_end("number"), parts[-1])):
                parts[-1] += " " + part
            else:
                parts.append(part)
        out += parts
        if not item:
            intro = parts[-1] if parts and parts[-1].endswith(":") else None
    return out


@cache
def _abbreviation_end(kind: str = "sentence") -> str:
    """A text's end on an abbreviation (``number``: one that stands before a number, "no. 4")."""
    words = [w for language in ("en", "ru") for w in load_phrases(language).snippets.get(f"{kind}_abbreviations", [])]
    return rf"(?:^|[\s(])(?:{'|'.join(map(re.escape, words))})\.$" if words else "(?!)"


def is_gerund(word: str, phrases: Phrases) -> bool:
    """Whether an English word is a verb in -ing ("moving", "going"), not a noun that ends so ("wedding", "spring")."""
    return bool(re.fullmatch(r"[a-z]+ing", word)) and word not in phrases.snippets["not_gerunds"]


def be_subject(clause: str, phrases: Phrases, solo: bool, key: str = "subject_be") -> str:
    """An English clause typed without its subject ("moving back to Sweden", "not doing semi-permanent builds",
    with ``subject_have`` "accepted an in-house post") with the sender as it: "I am moving back …", "We are not
    doing …", "I have accepted …"."""
    return f"{phrases.snippets[key]['i' if solo else 'we']} {clause.strip()}"


def in_first_singular(text: str) -> str:
    """A Russian wording in "we" said by one person: «не можем продолжать и уходим» → «не могу продолжать и ухожу»,
    every verb in the first person plural; as typed where it names «мы» or «наш», which a verb cannot change."""
    from ..text import parse_ru

    def single(m: re.Match[str]) -> str:
        reading = next((r for r in parse_ru(m.group().lower()) if r.tag.POS == "VERB" and "1per" in r.tag
                        and r.tag.number == "plur" and {"pres", "futr"} & r.tag.grammemes), None)
        form = reading.inflect({"sing"}) if reading is not None else None
        return form.word if form is not None else m.group()

    if any(r.normal_form in ("мы", "наш") for w in re.findall(r"[а-яё]+", text, flags=re.IGNORECASE) for r in parse_ru(w.lower())):
        return text
    return re.sub(r"[а-яё]+", single, text, flags=re.IGNORECASE)


def opening_clause(reason: str, language: Language, phrases: Phrases, solo: bool, opens_note: bool = True) -> str:
    """The first clause of a user's note as a sentence of the sender's own: "moving back to Sweden in March,
    my partner got a job there" → "I am moving back to Sweden in March"; «закрываем студию с 1 марта, аренда
    подорожала» → «Мы закрываем студию с 1 марта». A note typed without its subject gets one. ``opens_note``:
    the clause opens the note, where a verb in the past tense is the user's own plan («решили уходить …»); later
    in a note it may be someone else's («второй мастер, Виталик, ушёл в декабре»)."""
    clause = re.split(phrases.snippets["clause_break"], reason.strip(), maxsplit=1, flags=re.IGNORECASE)[0].strip()
    words = clause.split()
    if not words:
        return ""
    if language == "en" and (is_gerund(words[0], phrases) or re.match(phrases.snippets.get("subjectless_not", "(?!)"), clause, flags=re.IGNORECASE)):
        return be_subject(clause, phrases, solo)
    if language == "en" and words[0] in phrases.snippets.get("plan_past", []):
        # "took the head groundsman job" → "I have taken …": the past participle after "have".
        from lemminflect import getInflection, getLemma

        lemma = next(iter(getLemma(words[0], upos="VERB")), words[0])
        participle = next(iter(getInflection(lemma, tag="VBN")), words[0])
        return be_subject(" ".join([participle, *words[1:]]), phrases, solo, "subject_have")
    if language == "ru":
        from ..text import parse_ru

        # The subject goes before the first verb in the first person («с 1 февраля закрываем цифровой участок»
        # → «С 1 февраля мы закрываем…»), when no pronoun already stands before it; a note opened by a plan
        # made, in the past tense («решили уходить из общепита», «закрыла студию»), has its subject too.
        plan_past = set(phrases.snippets.get("plan_past", [])) if opens_note else set()

        def first_person(word: str, at: int):
            readings = parse_ru(word.lower().strip(",."))
            return next((r for r in readings if r.tag.POS == "VERB" and ("1per" in r.tag or (
                at == 0 and "past" in r.tag and r.normal_form in plan_past))), None)

        # Up to the seventh word: «на новых условиях работать не можем», «вторую и третью книги серии не беру».
        for i, word in enumerate(words[:7]):
            verb = first_person(word, i)
            if verb is None:
                continue
            if any(w.lower() in {"я", "мы"} for w in words[:i]):
                break
            subject = "я" if verb.tag.number == "sing" else "мы"
            at = i - 1 if i and words[i - 1].lower() == "не" else i  # «мы не берём», not «не мы берём»
            rest = words[at:]
            if at == 0:  # «Сужаю направление» → «Я сужаю направление»: the note's capital moves to the subject
                rest = [rest[0][:1].lower() + rest[0][1:], *rest[1:]]
            said = " ".join([*words[:at], subject, *rest])
            return said[:1].upper() + said[1:]
    return clause


def project_work(project: str, work: str, phrases: Phrases) -> str | None:
    """The work named after 'thank you for our…': the bank gives the case and the frame per kind of work
    (Russian «работу над проектом дома», «работу по бухгалтерскому сопровождению»)."""
    case, frame, *common = phrases.get(f"project_work.{work}")
    inflected = inflect_phrase(project, case) if case else project
    if not inflected:
        return None
    first, _, rest = inflected.partition(" ")
    # "your trade account" is named as typed: a frame would say "your your"; so is "Biscuit's walks",
    # whose owner is already named ("your Biscuit's walks").
    if rest and (first.lower() in phrases.snippets.get("possessives", []) or re.match(r"^[A-Z]\w*['’]s$", first)):
        return inflected
    typed_article = bool(rest) and first.lower() in phrases.articles
    provider = phrases.snippets.get("provider_work")
    if provider and inflected.split()[-1].lower() in provider["words"]:
        return provider["frame"].format(rest if typed_article else inflected)
    beneficiary, yours = phrases.snippets.get("for_client", [None, None])
    if typed_article and beneficiary and re.search(beneficiary, rest):
        return f"{first} {re.sub(beneficiary, yours, rest, count=1)}"
    if typed_article:  # "the IT support": the frame brings its own article ("your IT support")
        inflected = rest
    # "Hartwell Court grounds contract", "Mehta wedding": a name that ends in a common word is a description
    # that opens with a name, not a title, and takes the common frame ("your Mehta wedding").
    described = inflected[:1].islower() or inflected.split()[-1].islower()
    return (common[0] if common and (typed_article or described) else frame).format(inflected)


def short_name(description: str, phrases: Phrases) -> bool:
    """A description short enough to serve as the work's name in a sentence: up to the bank's number of
    words besides short prepositions («в», "of"), no digits, no clauses."""
    words = [w for w in description.split() if len(w) > 2]
    return len(words) <= phrases.name_max_words and not any(ch.isdigit() or ch in ",;:" for ch in description)


def due_phrase(date: dt.date | None, language: Language, phrases: Phrases, end: dt.date | None = None,
               today: dt.date | None = None) -> str:
    """When to pay an open invoice: by its due date; one given no date, by the end date (the day everything
    is settled); one already overdue, within a short, stated period ("within the next seven days"), or by the
    end date if that comes sooner: an overdue invoice is not given a new deadline weeks away, and "as soon as
    possible" is easy to put off. ``today``: the day the message is written."""
    today = today or dt.date.today()
    if date is not None and date < today:
        date = end if end and today <= end <= today + dt.timedelta(days=7) else None
    elif date is None:
        date = end if end and end >= today else None
    if date is None:
        return phrases.labels["overdue_by"]
    return phrases.labels["due_by"].format(date=format_date(date, language))


def without_year(text: str, phrases: Phrases) -> str:
    """Dates as they are said aloud: "20 December" and «20 декабря» without this or next year's number
    (a call does not say "twenty twenty-six")."""
    years = "|".join(str(dt.date.today().year + k) for k in (0, 1))
    months = "|".join(re.escape(m) for m in phrases.months)
    word = phrases.labels.get("year_word", "")
    suffix = f"(?: {re.escape(word)})?" if word else ""
    return re.sub(rf"\b(\d{{1,2}} (?:{months})),? (?:{years}){suffix}\b", r"\1", text)


def to_you(item: str, language: Language, phrases: Phrases) -> str:
    """A note about the client in the third person said to them ("admin access transferred to him" →
    "transferred to you", «перенести на их аккаунт» → «на ваш аккаунт»): the bank's substitutions, and a
    Russian possessive agreed with the noun after it. After "whoever" the client is only who chooses them ("whoever
    they use next" → "whoever you use next"); a "they" further on is whoever that is (`someone_else`)."""
    someone = phrases.snippets.get("someone_else")
    m = re.search(someone, item, flags=re.IGNORECASE) if someone else None
    return _said_to_you(item[:m.end()], language, phrases) + item[m.end():] if m else _said_to_you(item, language, phrases)


def _said_to_you(item: str, language: Language, phrases: Phrases) -> str:
    """`to_you` on a text with no one else in it."""
    things = phrases.snippets.get("to_you_things", {})

    def said(m: re.Match[str], replacement: str) -> str:
        words = re.findall(r"\w+", m.group(0).lower())
        if (len(words) == 2 and words[0] in things.get("prepositions", []) and words[1] in things.get("pronouns", {})
                and _thing_before(item[:m.start()], things["pronouns"][words[1]], things.get("animals", []))):
            return m.group(0)
        return m.expand(replacement)

    for pattern, replacement in phrases.snippets.get("to_you", []):
        item = re.sub(pattern, lambda m, r=replacement: said(m, r), item, flags=re.IGNORECASE)
    possessive = phrases.snippets.get("to_you_possessive")
    if language == "ru" and possessive:
        item = possessive_to_you(item, possessive["pronoun"], phrases)
    return item


def possessive_to_you(item: str, pronoun: str, phrases: Phrases, of: list[str] = ()) -> str:
    """A Russian possessive of the client («их», or «её» of the contact) said as «ваш», agreed with the word after
    it: «их фирменные шрифты» → «ваши фирменные шрифты», «её 14 форм» → «ваши 14 форм». ``of``: the gender and
    number of the person it stands for, so that it stays where a thing of theirs is named before it («декларация и
    подтверждение её отправки»)."""
    from ..text import parse_ru

    possessive = phrases.snippets["to_you_possessive"]

    # «их» before a word that is no noun or adjective («привезти их обратно») is the object, not "their";
    # before a property of a thing («их стоимость») it is the things', not the client's.
    def said_to_you(m: re.Match[str]) -> str:
        if {r.normal_form for r in parse_ru(m.group(1))} & set(possessive["of_things"]):
            return m.group(0)
        before = re.findall(r"[\w-]+", item[:m.start()].lower())[-1:]
        reading = (parse_ru(before[0]) or [None])[0] if before else None
        # After a preposition («эспандеры в его зале») it is the person's, whatever thing was named before it.
        after_preposition = reading is not None and reading.tag.POS == "PREP"
        if of and not after_preposition and _thing_before(item[:m.start()], list(of), cases=("nomn", "accs")):
            return m.group(0)
        # After a verb, a date or at the start: a subject or an object, so «бирки» is a nominative or accusative, not a
        # genitive (after a preposition, or a noun it completes, «подтверждение её отправки», it may be one).
        naming = not before or bool(re.search(r"\d", before[0])) or reading is None or (
            not after_preposition and not (reading.tag.POS in ("NOUN", "ADJF") and reading.tag.case in ("nomn", "accs")))
        # After a preposition, the case it takes: «из их бытовки» → «из вашей бытовки», not the nominative «ваши».
        governed = phrases.snippets.get("preposition_cases", {}).get(before[0], ()) if before else ()
        return _agreed(possessive["you"], m.group(1), cases=("nomn", "accs") if naming else tuple(governed)) or m.group(0)

    item = re.sub(rf"\b{pronoun}\s+([а-яё]+)", said_to_you, item, flags=re.IGNORECASE)
    # Before a count («их 2 тележки») the possessive is the plural of the things counted: «ваши 2 тележки».
    return re.sub(rf"\b{pronoun}(\s+\d+\s+)(?=[а-яё]+)(?!(?:год|лет|дн|недел|месяц|час|раз|минут)[а-яё]*)", lambda m: possessive["counted"] + m.group(1),
                  item, flags=re.IGNORECASE) if possessive.get("counted") else item


def _thing_before(text: str, grammemes: list[str], animals: list[str] = (), cases: tuple[str, ...] = ("nomn",)) -> bool:
    """Whether a Russian pronoun of these gender and number can stand for a thing named earlier: an inanimate
    noun in the nominative there, agreeing with it («Аспирация … начнёт с неё»), or an animal in any case («у быка
    … к нему»). A person the note speaks of is animate, so «ключи у него» after «Директор …» stays "you". ``cases``:
    where the thing may stand; a possessive («декларацию … и подтверждение её отправки») stands for an object too,
    not for one after a preposition («с поставкой 12-го её бирки»)."""
    from ..text import parse_ru

    wanted = set(grammemes)
    for word in re.findall(r"[а-яё-]+", text.lower()):
        reading = next(iter(parse_ru(word.split("-")[0])), None)
        if reading and reading.tag.POS == "NOUN" and wanted <= reading.tag.grammemes and (
                "inan" in reading.tag and reading.tag.case in cases or reading.normal_form in animals):
            return True
    return False


def _agreed(pronoun: str, noun: str, cases: tuple[str, ...] = ()) -> str | None:
    """«ваш» in the case, number and gender of the word after it, a noun or an adjective before its noun
    («вашим сотрудникам», «ваши стандартные форматы»); None when the word is neither. ``cases``: the cases its readings
    are taken in first: the nominative and accusative where no preposition stands before it (so «бирки» is not read as
    a genitive), those the preposition takes where one does («из бытовки»: a genitive)."""
    from ..text import parse_ru

    readings = parse_ru(noun)
    # A word read first as a preposition or another function word («сбить их в понедельник») is none, whatever rare
    # noun reading it also has (the letter «в»).
    if readings and readings[0].tag.POS in {"PREP", "CONJ", "PRCL", "INTJ", "ADVB", "NPRO"}:
        return None
    if cases:
        readings = sorted(readings, key=lambda r: r.tag.case not in cases)
    reading = next((r for r in readings if r.tag.POS == "NOUN"), None) or next((r for r in readings if r.tag.POS == "ADJF"), None)
    if reading is None:
        return None
    form = parse_ru(pronoun)[0].inflect({g for g in agreeing(reading, reading.tag.case, reading.tag.animacy or "inan") if g})
    return f"{form.word if form else pronoun} {noun}"


def is_action(item: str, language: Language, phrases: Phrases) -> bool:
    """Whether a handover note is a step to take rather than a thing: it opens with a verb (an English one
    from the bank's list; a Russian infinitive or first-person verb)."""
    first, second = ([w.lower().strip(",.:;") for w in item.split()[:2]] + ["", ""])[:2]
    if language == "ru":
        from ..text import likeliest_ru

        reading = likeliest_ru(first)
        return reading is not None and (reading.tag.POS == "INFN" or (reading.tag.POS == "VERB" and "1per" in reading.tag))
    # "plant list", "check sheet": a verb that is the first noun of a compound names a thing; so does one before a word
    # in -ing with no object of its own ("shoot thinning on blocks 7-12", "leaf plucking in January").
    third = (item.split()[2:3] or [""])[0].lower()
    compound = second in phrases.snippets.get("compound_heads", []) or (
        second.endswith("ing") and (not third or third in phrases.snippets.get("date_prepositions", []) or third in ("of", "for", "at", "from", "with")))
    return first in phrases.snippets.get("action_verbs", []) and not compound \
        or second in phrases.snippets.get("action_reflexives", [])


def _gerund_verb(first: str, second: str, phrases: Phrases) -> str:
    """The verb of a step typed as a gerund before its object ("striking the scaffold", "updating our plant
    list"): "strike", "update"; empty for anything else ("hearing aids", "planning permission")."""
    if not (first.endswith("ing") and second in phrases.snippets.get("determiners", [])):
        return ""
    from lemminflect import getAllLemmas

    return getAllLemmas(first).get("VERB", ("",))[0]


def is_step(item: str, language: Language, phrases: Phrases) -> bool:
    """Whether a note of work or handover is no object of "finish" or "hand over": a step to take
    (`is_action`) or a whole sentence ("you will need to change the lockbox code", «мы заберём образцы»)."""
    first = item.split()[0].lower().strip(_PUNCTUATION) if item.split() else ""
    # A note that states something with a verb of its own ("the warranty on installed signs remains",
    # «гарантийные обязательства сохраняются») is a sentence too, not a thing to hand over.
    stated = re.search(phrases.snippets.get("sentence_verbs", "(?!)"), item, flags=re.IGNORECASE) or (
        language == "ru" and _finite_verb(item, phrases))
    # Work typed as a gerund before its object ("striking the scaffold …") is a step too.
    second = item.split()[1].lower() if len(item.split()) > 1 else ""
    return is_action(item, language, phrases) or first in phrases.snippets.get("sentence_subjects", []) or bool(stated) \
        or (language != "ru" and bool(_gerund_verb(first, second, phrases)))


def _finite_verb(item: str, phrases: Phrases) -> bool:
    """Whether a Russian note says something with a verb of its own after its first word («ключ остаётся у
    администратора», «доверенности нужно отозвать»), outside a relative clause («…, которые мы сдали»: the
    bank's `relative_words`, as `accusative` reads them)."""
    from ..text import known_ru, likeliest_ru, parse_ru

    relative = set(phrases.snippets["relative_words"])
    found = list(re.finditer(r"[а-яё]+", item.lower()))
    words = [m.group() for m in found]
    for i, word in enumerate(words[1:], start=1):
        if words[i - 1] in relative:
            return False
        reading = likeliest_ru(word)
        if reading is not None and (reading.tag.POS == "PRED" or (reading.tag.POS == "VERB" and "indc" in reading.tag)):
            return True
        # A short participle or adjective says what the thing is now («документы … закрыты», «ключи готовы»); after a comma
        # or a dash it is an aside on the thing («запас сукна, два комплекта, оплачены клубом»), and a word that may also be
        # a noun («брусков», «стоков») or that the dictionary does not know («демо») says nothing.
        if reading is not None and reading.tag.POS in ("PRTS", "ADJS") and known_ru(word) \
                and not item[:found[i].start()].rstrip().endswith((",", "—", "–", "-", "(")) \
                and not any(r.tag.POS == "NOUN" for r in parse_ru(word)):
            return True
    return False


def is_noun_phrase(text: str, language: Language, phrases: Phrases) -> bool:
    """Whether a Russian note names a thing, with no verb of its own («три ночных выезда в ноябре»), not says what
    happened («перевыставили хранение …», «съёмку отменили за 2 часа»); any English text passes."""
    from ..text import likeliest_ru

    if language != "ru":
        return True
    first = likeliest_ru(re.findall(r"[а-яё]+", text.lower())[0]) if re.search(r"[а-яё]", text.lower()) else None
    return first is not None and first.tag.POS in {"NOUN", "ADJF", "NUMR", "PRTF"} and not _finite_verb(text, phrases)


def without_aside(item: str, phrases: Phrases) -> str:
    """A handover note without a trailing aside about the sender's own doings ("Xero access transferred to
    whoever you appoint, we remove ourselves after" → "… whoever you appoint"): the client hears what
    they get. A note that is nothing but the thing and the aside ("bulbs - I'll plant them") stays whole."""
    asides = phrases.snippets["aside_openers"]
    item = without_own_brackets(item, phrases)
    parts = re.split(r"(,\s+|;\s+|\s+[—–-]\s+)", item)
    for i in range(2, len(parts), 2):
        opener = parts[i].split()[0].lower().strip(",.") if parts[i].split() else ""
        if opener in asides and len("".join(parts[:i - 1]).split()) >= 2:
            return _balanced("".join(parts[: i - 1]))
    return item


def without_own_brackets(item: str, phrases: Phrases) -> str:
    """A note without an aside in brackets that speaks of the sender ("(on my keyring)", "(it's Giulia's, not mine)"),
    unless it sets a condition ("(only once paid)"), or of the client by role ("(the client has the originals
    anyway)"): notes to the tool. A note that is nothing but such an aside stays whole."""
    own = set(phrases.snippets["aside_openers"]) | set(phrases.snippets.get("aside_own_words", [])) \
        | set(phrases.snippets.get("aside_client_words", []))

    def bracket(m: re.Match[str]) -> str:
        words = {w.lower() for w in re.findall(r"[^\W\d_][\w'’]*", m.group())}
        keep = not (words & own) or re.search(phrases.snippets.get("condition_asides", "(?!)"), m.group(), flags=re.IGNORECASE)
        return m.group() if keep else ""

    bare = re.sub(r"\s*\([^()]*\)", bracket, item.strip()).strip()
    return bare if len(bare.split()) >= 2 else item.strip()


def _balanced(text: str) -> str:
    """A note cut inside its brackets ("feeding schedule (the sheet on the cabinet") without the open bracket's part."""
    while text.count("(") > text.count(")"):
        text = text[:text.rindex("(")].rstrip(" ,;")
    return text


def without_finishing(item: str, language: Language, phrases: Phrases) -> str:
    """Work named by its finishing ("completion of the rewiring", «завершение реставрации иконы») as the work
    itself, for a sentence whose verb already finishes it ("I will finish the rewiring", «я закончу
    реставрацию иконы», not «закончу завершение реставрации»). In Russian the noun phrase after it goes from
    the genitive back to the nominative, the case the rest of the composer inflects from."""
    words = item.split(maxsplit=1)
    if len(words) < 2:
        return item
    if language != "ru":
        shorter = re.sub(phrases.snippets.get("finishing_nouns", "(?!)"), "", item, count=1, flags=re.IGNORECASE)
        return shorter if shorter.strip() else item
    from ..text import likeliest_ru, parse_ru

    first = likeliest_ru(words[0].lower())
    if first is None or first.normal_form not in phrases.snippets.get("finishing_nouns", []):
        return item
    rest = words[1].split(" ")
    out = []
    for i, word in enumerate(rest):
        reading = next((r for r in parse_ru(word) if "gent" in r.tag and r.tag.POS in ("NOUN", "ADJF", "PRTF")), None)
        if reading is None:
            return item
        target = reading.inflect({"nomn"})
        if target is None:
            return item
        out.append(target.word)
        if reading.tag.POS == "NOUN":
            return " ".join([*out, *rest[i + 1:]])
    return item


def without_own_date(item: str, due: dt.date, language: Language, phrases: Phrases) -> str:
    """A piece of open work without the mention of the date it is listed by: "the supervision meeting on 1
    April" → "the supervision meeting", "cake for the 12 June wedding" → "cake for the wedding", «пробное
    занятие 14 марта» → «пробное занятие». A note that is nothing but the date stays."""
    from babel.dates import format_date as babel_format

    day, month = str(due.day), babel_format(due, "MMMM", locale=language)
    # Its weekday goes with it ("the supervision meeting on Friday 1 April" → "the supervision meeting").
    weekday = babel_format(due, "EEEE", locale=language)
    date = (rf"(?:{weekday},?\s+)?(?:(?<!\d){day}(?:st|nd|rd|th)?\s+{month}|{month}\s+{day}(?:st|nd|rd|th)?)"
            rf"(?:,?\s+{due.year}(?:\s*(?:года|г\.))?)?")
    ending = rf"\s*[,(]?\s*(?:\b(?:{'|'.join(phrases.snippets.get('date_prepositions', []))})\s+)?(?:the\s+)?{date}\)?\s*$"
    shorter = re.sub(ending, "", item, flags=re.IGNORECASE)
    # A short clause that is there to name the day ("…, the last one on Saturday 19 December") keeps it.
    if shorter != item and "," in shorter and len(shorter.rsplit(",", 1)[1].split()) <= 3:
        return item
    joins = "|".join(phrases.snippets.get("date_range_words", []))
    if shorter == item:
        inside = re.search(rf"\b{date}\s+", item, flags=re.IGNORECASE)
        # «программы 2–8 января (10 групп)»: a date that closes a range inside the note stays with it.
        if inside and joins and re.search(rf"(?:^|\s|\d)(?:{joins})\s*$", item[:inside.start()], flags=re.IGNORECASE):
            return item
        shorter = re.sub(rf"\b{date}\s+", "", item, count=1, flags=re.IGNORECASE)
    # The date closes a range or a pair ("booked up to and including 13 March", «12 и 26 декабря», «15–19
    # декабря»): without it the item would end on "including", «и» or «15–», so it keeps its date.
    if joins and re.search(rf"(?:^|\s|\d)(?:{joins})(?:\s+\d{{1,2}})?\s*$", shorter, flags=re.IGNORECASE):
        return item
    # '"Signal" newsletter, Dec 15 issue' → '"Signal" newsletter issue': a word left alone after its comma joins the rest.
    shorter = re.sub(r",\s+([^\W\d_]+)$", r" \1", shorter)
    return shorter if re.search(r"[^\W\d_]{2}", shorter) else item


def spoken_head(item: str, contents: list[str] | tuple[str, ...] = (), conditions: str = "(?!)", choices: str = "(?!)") -> str:
    """A handover note without what follows its thing: a dash, a bracket, a comma, a colon or a semicolon
    ("Q4 PPM report - Ealing added once the visits are done" → "Q4 PPM report"), when two words or more
    remain. A dash followed by one of ``contents`` says what the thing holds («список инструментов — что в
    каждом сделано»), and one followed by a sum says what it costs: the note is said whole."""
    # "units 4, 12 and 27": a comma between numbers lists them, it ends nothing.
    head, dash, tail = (re.split(r"(\s+[—–-]\s+|\s*\(|(?<!\d)[,:;]\s|(?<=\d)[:;]\s|(?<=\d),\s(?!\d))", item.strip(), maxsplit=1) + ["", ""])[:3]
    if dash.strip() in "—–-" and tail.split()[:1] and tail.split()[0].lower() in contents:
        return item.strip()
    # A sum after it ("— по 300 ₽ за каждую") is part of the thing, not a note; so is a condition in its brackets ("(only
    # if you book them)", «(кроме 4, 6, 7 — если не будет доступа)») or one a dash opens, said without which the work
    # would be promised outright ("- Ealing added once …" is a note), and a choice left to the client.
    condition = re.search if "(" in dash else re.match
    if re.search(r"[₽£$€]", tail) or condition(conditions, tail.strip(), flags=re.IGNORECASE) \
            or re.search(choices, tail, flags=re.IGNORECASE):
        return item.strip()
    head = head.strip(" ,")
    return head if len(head.split()) >= 2 else item


def split_at_dash(text: str) -> tuple[str, str, str]:
    """A note cut at its first dash set apart by spaces: the part before, the dash, the rest ("", "" when it has
    none). A dash inside quotes is part of a name ("the vault 'Gillian - VA' - transfer it to her")."""
    quoted = [m.span() for m in re.finditer(r"(?<!\w)'[^']+'(?!\w)|\"[^\"]+\"|«[^»]+»|“[^”]+”", text)]
    dash = next((m for m in re.finditer(r"\s+[—–-]\s+", text) if not any(a < m.start() < b for a, b in quoted)), None)
    return (text[:dash.start()], dash[0], text[dash.end():]) if dash else (text, "", "")


def as_step(item: str, language: Language, phrases: Phrases) -> str:
    """A note typed as "thing — what to do with it" said as a step, verb first: "coach booking - cancel or
    transfer before 1 Jan" → "cancel or transfer the coach booking before 1 Jan"; «этап 2 — доделать и
    сдать» → «доделать и сдать этап 2». Any other note stays as typed."""
    for shape in (_participle_step, _labelled_step, _back_step, _subject_label_step):
        if step := shape(item.strip(), language, phrases):
            return step
    thing, dash, rest = split_at_dash(item.strip())
    if not dash and language == "ru":
        # «ключ от кладовки вернуть завхозу»: the thing, then the infinitive, with no dash between.
        thing, rest = _infinitive_split(item.strip())
        # «доверенности нужно отозвать» says what has to happen, not who does it: it stays as typed; so does
        # «предложение выкупить фонд», where the infinitive belongs to the noun before it.
        if re.search(phrases.snippets["necessity_end"], thing, flags=re.IGNORECASE) or (
                thing.split() and thing.split()[-1].lower() in phrases.snippets.get("infinitive_nouns", [])):
            return item
        dash = " " if thing else ""
    # "their laptop - it's theirs, bought 2024, give it back": the asides before the step are the user's; the step
    # is the last part that is one.
    if dash and not is_action(rest, language, phrases):
        rest = next((part for part in reversed(re.split(r",\s+", rest)[1:]) if is_action(part, language, phrases)), rest)
    if not dash or not thing or not is_action(rest, language, phrases):
        return item
    # «тетрадка по столам: когда что перетягивал и менял, — оставлю вам»: what the colon says of the thing is
    # no part of its name (its verbs are not the thing's own); it follows the step whole.
    thing, _, about = thing.partition(": ") if language == "ru" else (thing, "", "")
    about = about.strip(" ,;—–-")
    if language == "ru":
        # «их компрессор лежит у нас в гараже — вернуть»: the thing ends where a verb of its own says where it is; a
        # verb of the sender's («доверенность отзываем с 1 января, доступ — отключаем») makes the note no thing at all.
        if (cut := _before_own_verb(thing)) is None:
            return item
        thing = cut
    words = rest.split()
    # The verb, or two joined by "or"/"and" («доделать и сдать»): the thing is their object.
    joined = len(words) > 2 and words[1].lower() in phrases.snippets["verb_joiners"] and is_action(words[2], language, phrases)
    verbs, after = words[: 3 if joined else 1], words[3 if joined else 1:]
    thing = common_start(thing, language, phrases.months)
    if language == "ru":
        # A counted thing is in the accusative as typed («наши 40 паллет», «2 ключа»): inflecting it breaks the count.
        # A count set after the thing («летняя резина, 26 комплектов») leaves the thing before it to inflect.
        # A number further on counts something else («программа на 12 недель»): the thing inflects.
        head, comma, count = thing.partition(",") if re.search(r"\d", thing) else (thing, "", "")
        obj = thing if re.match(r"\s*(?:\S+\s+)?\d", head) else (inflect_phrase(head, "accs", things=True) or head) + comma + count
    else:
        obj = with_article(thing, phrases.snippets.get("determiners", []), phrases.months)
    first = after[0].lower() if after else ""
    # "keys - return them to reception": the thing takes the pronoun's place. "integration - revoke our
    # access": the step has its own object, and the thing follows it ("… for the integration").
    if first in phrases.snippets.get("step_pronouns", []):
        return " ".join([*verbs, obj, *after[1:]])
    if first in phrases.snippets.get("step_own_objects", []):
        return " ".join([*verbs, *after]).rstrip(" .,;") + f" {phrases.snippets['step_about']} {obj}"
    # "shared Drive — transfer ownership to Priya": a noun after the verb, then its preposition, is the verb's own
    # object, of the thing ("transfer ownership of the shared Drive to Priya").
    if language == "en" and len(after) > 1 and after[1].lower() in phrases.snippets.get("date_prepositions", []) + ["to", "from", "with"] \
            and _only_a_noun(after[0]):
        return " ".join([*verbs, after[0], phrases.snippets.get("step_of", "of"), obj, *after[1:]])
    if about:
        return f"{' '.join([*verbs, *after]).rstrip(' .,;')} {obj}: {about}"
    # "spring tour - finish booking the 7 venues and send the sheet": a gerund with an object of its own is the work
    # done for the thing, which follows that object ("finish booking the 7 venues for the spring tour and send …").
    if language == "en" and len(after) > 1 and after[0].lower().endswith("ing") \
            and after[1].lower() in phrases.snippets.get("determiners", []) + phrases.snippets.get("step_own_objects", []):
        end = next((i for i, w in enumerate(after) if w.lower() in ("and", "or") or w.endswith(",")), len(after))
        head = " ".join([*verbs, *after[:end]]).rstrip(" .,;")
        return " ".join([head, phrases.snippets["step_about"], obj, *after[end:]]).rstrip()
    # «отзыв доверенности — подготовлю шаблон заявления»: a noun after the verb is its own object, and the thing is
    # what it serves («подготовлю шаблон заявления для отзыва доверенности»).
    if language == "ru" and after and _own_object_ru(after[0]) and (about := inflect_phrase(thing, "gent", things=True)):
        return " ".join([*verbs, *after]).rstrip(" .,;") + f" {phrases.snippets['step_about']} {about}"
    # «…, которые водители оставили у меня в боксе, — забрать»: the comma that closed the thing's clause ends nothing.
    obj = obj if after else obj.rstrip(" ,")
    return " ".join([*verbs, aside_closed(obj, " ".join(after)) if language == "en" else obj, *after])


def _before_own_verb(thing: str) -> str | None:
    """A Russian thing up to a finite verb of its own («их запасной компрессор лежит у нас в гараже» → «их запасной
    компрессор»), or whole when it has none or the verb opens it; None when the verb is the sender's («отзываем»)."""
    from ..text import likeliest_ru

    words = thing.split()
    # «…, которые водители оставили у меня в боксе»: a verb of a clause on the thing is no verb of the thing's own.
    relative: set[int] = set()
    for i, word in enumerate(words):
        if is_relative(word):
            relative.update(range(i, next((k for k in range(i, len(words)) if words[k].endswith(",")), len(words) - 1) + 1))
    found = next(((i, r) for i, word in enumerate(words) if i and i not in relative and (r := likeliest_ru(word.lower().strip(",."))) is not None
                  and r.tag.POS == "VERB"), None)
    if found is None:
        return thing
    return None if "1per" in found[1].tag else " ".join(words[:found[0]])


def is_relative(word: str) -> bool:
    """Whether a Russian word is «который» in any form, opening a clause on the noun before it."""
    from ..text import likeliest_ru

    return (reading := likeliest_ru(word.lower().strip(",."))) is not None and reading.normal_form == "который"


def _own_object_ru(word: str) -> bool:
    """Whether a Russian word after a verb reads as its object: a noun in the nominative or accusative."""
    from ..text import likeliest_ru

    reading = likeliest_ru(word.lower())
    return reading is not None and reading.tag.POS == "NOUN" and bool({"nomn", "accs"} & set(str(reading.tag).replace(" ", ",").split(",")))


def _labelled_step(item: str, language: Language, phrases: Phrases) -> str | None:
    """"give back: the first-aid kit and the crampons": the label says what is done — "return the first-aid kit …"."""
    if labelled := re.match(phrases.snippets.get("verb_label", "(?!)"), item):
        return f"{phrases.snippets['back_verb']} {with_article(labelled['thing'].strip(), phrases.snippets.get('determiners', []), phrases.months)}"
    return None


def _subject_label_step(item: str, language: Language, phrases: Phrases) -> str | None:
    """"we take down and take away: marquee, flooring, 6 heaters - dismantle 4-8 January": a label in the sender's
    voice says the step, its list the things — "we take down and take away the marquee, flooring, 6 heaters 4-8
    January" (a verb after the dash says the same again; its date stays)."""
    labelled = re.match(phrases.snippets.get("subject_label", "(?!)"), item)
    if not labelled or not (is_action(labelled["verbs"], language, phrases) or _a_verb(labelled["verbs"].split()[0])):
        return None
    things, _, tail = [part.strip() for part in re.split(r"(\s+[—–-]\s+)", labelled["things"], maxsplit=1) + ["", ""]][:3]
    if tail and is_action(tail, language, phrases):
        tail = tail.split(" ", 1)[1] if " " in tail else ""
    things = with_article(things, phrases.snippets.get("determiners", []), phrases.months) if language == "en" else things
    return " ".join(filter(None, [labelled["who"], labelled["verbs"], things, tail]))


def _back_step(item: str, language: Language, phrases: Phrases) -> str | None:
    """"gym key back, alarm code to be changed": a thing typed with "back" goes back — "return the gym key". "The
    wash bay key goes back to the front desk" says it with a verb of its own: a sentence, as typed."""
    back = re.match(phrases.snippets.get("back_step", "(?!)"), item, flags=re.IGNORECASE)
    if back and len(back["thing"].split()) <= 6 and back["thing"].split()[-1].lower() not in phrases.snippets.get("back_verbs", []):
        thing = with_article(back["thing"], phrases.snippets.get("determiners", []), phrases.months)
        return f"{phrases.snippets['back_verb']} {thing}{back['to'] or ''}"
    return None


def _participle_step(item: str, language: Language, phrases: Phrases) -> str | None:
    """A note typed as the state it ends in ("Xero adviser access moved to the new bookkeeper", "our manager
    access removed") said as the step to take, verb first: "move the Xero adviser access to the new
    bookkeeper". A passive after its auxiliary ("data has been deleted") is no such note."""
    steps = phrases.snippets.get("participle_steps")
    if not steps:
        return None
    # "our diagnostic tool and relays are collected from machine room B on 1 March": the sender's own things, passive,
    # are their step all the same ("collect our diagnostic tool and relays from …").
    own = phrases.snippets.get("own_passive", "(?!)")
    item = re.sub(own, r"\g<thing> ", item.strip(), count=1, flags=re.IGNORECASE)
    match = re.match(rf"(?P<thing>.+?)\s+(?P<done>{'|'.join(steps)})\b(?P<rest>.*)$", item.strip(), flags=re.IGNORECASE)
    if not match or len(match["thing"].split()) < 2:
        return None
    before = {w.lower() for w in match["thing"].split()}
    if before & set(phrases.snippets["participle_not_after"]):
        return None
    # "every piece collected up to 7 December, …, repaired and returned": states of the thing, not one step to take.
    if re.search(rf"\b(?:{'|'.join(steps)})\b", match["rest"], flags=re.IGNORECASE):
        return None
    # "the service log book for each engine - handed over": the dash before the state goes with it.
    thing = with_article(match["thing"].rstrip(" ,—–-"), phrases.snippets.get("determiners", []), phrases.months)
    # "…, handed over as PDF": the particle goes with its verb, before a thing that may hold commas of its own
    # ("hand over the condition survey, mortar report and photo record as PDF").
    particle = re.match(r"\s+(over|back|out|up|off|away)\b", match["rest"], flags=re.IGNORECASE)
    verb = f"{steps[match['done'].lower()]} {particle[1]}" if particle else steps[match['done'].lower()]
    rest = match['rest'][particle.end():] if particle else match['rest']
    return f"{verb} {aside_closed(thing, rest)}{rest}"


def aside_closed(thing: str, rest: str) -> str:
    """An English thing whose last part is an aside on it ("our shade guide, lent to the practice in 2024") with its
    comma closed before the words that go on from the step ("…, to us by 21 January"): else the aside runs on."""
    from lemminflect import getAllLemmas, getInflection

    last = re.split(r",\s+", thing)[-1].split() if ", " in thing else []
    if not (rest.strip(" .,;") and last):
        return thing
    word = last[0].lower()
    lemma = next(iter(getAllLemmas(word).get("VERB", ())), None)
    return f"{thing}," if lemma and word != lemma and word in getInflection(lemma, tag="VBN") else thing


def _planned_present(word: str, phrases: Phrases) -> str | None:
    """The perfective infinitive of a Russian verb typed in the present first person («привозим» → «привезти»), where
    the bank pairs it; None for any other word."""
    from ..text import likeliest_ru

    reading = likeliest_ru(word.lower().strip(_PUNCTUATION))
    if reading is None or reading.tag.POS != "VERB" or not {"pres", "1per"} <= reading.tag.grammemes:
        return None
    return phrases.snippets.get("perfective", {}).get(reading.normal_form)


def first_person_step(step: str, language: Language, phrases: Phrases, solo: bool) -> str:
    """A step the sender will take, said by the sender: "return the keys" → "I will return the keys";
    «вернуть ключ и сдать отчёт» → «верну ключ и сдам отчёт» (an imperfective verb takes «буду»). A step
    typed otherwise («оставляю запас струн») stays as typed."""
    voice = "i" if solo else "we"
    words = step.split()
    # "collect the cars from our yard", «забрать автомобили с нашей территории»: a step only the client can
    # take is asked of them.
    from .vetting import matches

    if step.startswith(phrases.snippets["step_request"]):
        return step
    if words and matches(step, language, "client_steps"):
        # «вернуть нам: 60 контейнеров»: the label's colon is no part of the request.
        step = re.sub(r"^([^:]{1,30}?)\s*:\s+", r"\1 ", step)
        return phrases.snippets["step_request"] + (request_form(step) if language == "ru" else step[:1].lower() + step[1:])
    if language != "ru":
        verb, _, rest = step.partition(" ")
        # "we collect our stands from your office": the sender's plain present is their plan, "we will collect".
        plain = rest.split()[0] if rest.split() else ""
        if verb.lower() in ("i", "we") and re.fullmatch(r"[a-z]+", plain) and plain not in phrases.snippets.get("modal_verbs", []) \
                and _a_verb(plain) and not plain.endswith(("s", "ed", "ing")):
            return f"{verb} will {rest}"
        # Work typed as a gerund that reads as a step for its clause ("striking the scaffold once the roof is
        # watertight") said by the sender is "we will strike the scaffold …".
        gerund = _gerund_verb(verb.lower(), rest.split()[0].lower() if rest.split() else "", phrases)
        if not (is_action(step, language, phrases) or gerund):
            return step
        if gerund:
            verb, step = gerund, f"{gerund} {rest}"
        # "remove me as editor" said by the sender is "I will remove myself as editor".
        own, _, after = rest.partition(" ")
        if (reflexive := phrases.snippets.get("step_reflexive", {}).get(own.lower())):
            step = " ".join(filter(None, [verb, reflexive, after]))
        return f"{phrases.snippets['step_subject'][voice]} {step[:1].lower()}{step[1:]}"
    joiners = phrases.snippets["verb_joiners"]

    # «снять меня из админов, сменить пароли»: a step on the sender is the client's to take, asked for
    # politely, every verb in it as a request («Пожалуйста, снимите меня …, смените пароли»).
    if len(words) > 1 and _infinitive(words[0]) and words[1].lower() in phrases.snippets.get("step_on_sender", []):
        return phrases.snippets["step_request"] + request_form(step)

    # «забрать: мой штатив и две вехи», «забрать наше: насос»: a verb typed as a label. Its colon and the owner's word
    # go, and the sender's own things are «свой» («заберу свой штатив»), as in a note of the sender's own thing.
    if (label := re.match(phrases.snippets.get("step_label", "(?!)"), step)) and _infinitive(label["verb"]):
        rest = step[label.end():]
        for pattern, replacement in phrases.snippets.get("own_swap", []):
            rest = re.sub(pattern, replacement, rest)
        step = f"{label['verb']} {rest}"
        words = step.split()
    # «привозим ваш ларь 26 декабря», «отдаю стилевой лист»: the sender's plan typed in the present is said as what they
    # will do, in the perfective the bank pairs the verb with («привезём», «отдам»).
    if planned := _planned_present(words[0], phrases):
        words = [planned[:1].upper() + planned[1:] if words[0][:1].isupper() else planned, *words[1:]]
        step = " ".join(words)
    if not _infinitive(words[0]):
        return step
    # The first verb, and every verb joined to it («и сдать отчёт», «, сменить пароли»), said by the sender.
    out = [first_person_verb(words[0], phrases, solo)]
    for previous, word in zip(words, words[1:]):
        joined = previous.lower() in joiners or previous.endswith(",")
        out.append(first_person_verb(word, phrases, solo) if joined and _infinitive(word) else word)
    # Said with its subject, as the English "I will …" is: «я верну ключ», «мы сдадим отчёт».
    subject = phrases.snippets["step_subject"][voice]
    return " ".join([subject[:1].upper() + subject[1:] if words[0][:1].isupper() else subject, *out])


def first_person_verb(word: str, phrases: Phrases, solo: bool) -> str:
    """A Russian infinitive said by the sender: «сдать» → «сдам» (perfective), «присылать» → «буду присылать»;
    any other word as it is."""
    reading = _infinitive(word)
    if reading is None:
        return word
    form = reading.inflect({"1per", "sing" if solo else "plur", "futr"}) if "perf" in reading.tag else None
    return _punctuated(form.word if form else f"{phrases.snippets['step_future']['i' if solo else 'we']} {reading.word}", word)


def promised_by_sender(note: str, language: Language, phrases: Phrases, solo: bool) -> str:
    """A promise typed as a step, said by the sender: "refund the 3 unused lessons" → "I will refund …";
    «залог вернуть после осмотра» → «залог я верну после осмотра», «штраф не выставлять» → «штраф я не буду
    выставлять». A word of readiness before the verb ("happy to waive", «готовы не выставлять») goes: the
    sender says what they will do. A promise typed otherwise ("the deposit is refunded in full") stays as typed."""
    note = re.sub(phrases.snippets.get("promise_modals", "(?!)"), "", note.strip(), count=1, flags=re.IGNORECASE)
    words = note.split()
    if language != "ru":
        first = words[0].lower() if words else ""
        promise = any(first.startswith(verb) for verb in phrases.snippets.get("promise_openers", []))
        return first_person_step(note, language, phrases, solo) if promise and is_action(note, language, phrases) else note
    # The promise's own verb («вернуть», «выставлять»), not another infinitive before it («закончить»).
    verbs = phrases.snippets.get("promise_infinitives", [])
    at = next((i for i, word in enumerate(words) if (reading := _infinitive(word)) and reading.normal_form in verbs), None)
    if at is None:
        return note
    negated = at > 0 and words[at - 1].lower() == "не"
    said = first_person_step(" ".join(words[at:]), language, phrases, solo)
    if negated:
        subject = phrases.snippets["step_subject"]["i" if solo else "we"]
        said = re.sub(rf"^{re.escape(subject)}\s", f"{subject} не ", said, flags=re.IGNORECASE)
    before = words[: at - 1 if negated else at]
    return " ".join([*before, said if before else said[:1].upper() + said[1:]])


def in_list(items: list[str], phrases: Phrases) -> str:
    """Items joined by semicolons, those that open like a sentence of their own ("Our lime mix recipes stay with us",
    «Ключи сдаём 31 января») with a small letter inside the list."""
    lowered = set(phrases.snippets.get("list_lowered", []))

    def inside(item: str) -> str:
        first = item.split(" ", 1)[0]
        return lower_first(item) if first.lower() in lowered and first[1:] == first[1:].lower() else item

    return "; ".join(inside(item) for item in items)


def request_form(step: str, plural: bool = True) -> str:
    """A Russian step with every infinitive as a polite request: «снять меня, сменить пароли» → «снимите
    меня, смените пароли» (to a friend, «сними меня, смени пароли»)."""
    def request(word: str) -> str:
        # «отодвинуть/закрепить»: each of the verbs a slash offers, as a choice («отодвиньте или закрепите»).
        parts = word.split("/")
        if len(parts) > 1 and all(p.strip(_PUNCTUATION) and _infinitive(p) is not None for p in parts):
            return " или ".join(request(p) for p in parts)
        reading = _infinitive(word)
        return imperative(reading, word, plural) if reading is not None else word

    return " ".join(request(w) for w in step.split())


def imperative(reading: Any, word: str, plural: bool = True) -> str:
    """The imperative of a Russian verb as ``word`` was typed (pymorphy3's ``reading`` of it), its punctuation kept:
    «сменить,» → «смените,», «вызовут» → «вызовите»; ``word`` itself where there is none."""
    form = reading.inflect({"impr", "excl", "plur" if plural else "sing"})
    return _punctuated(form.word, word) if form else word


def _infinitive(word: str) -> Any:
    """pymorphy3's reading of a Russian word, punctuation aside, when it is likeliest an infinitive."""
    from ..text import likeliest_ru

    reading = likeliest_ru(word.strip(_PUNCTUATION))
    return reading if reading is not None and reading.tag.POS == "INFN" else None


def _punctuated(form: str, word: str) -> str:
    """``form`` followed by the punctuation that ended ``word`` («сдать,» said as «сдам,»)."""
    return form + word[len(word.rstrip(_PUNCTUATION)):]


def _infinitive_split(item: str) -> tuple[str, str]:
    """A Russian note "noun phrase + infinitive …" split before the infinitive, or ("", item) when it does
    not open with such a noun phrase."""
    from ..text import likeliest_ru

    words = item.split()
    for i, word in enumerate(words[1:], start=1):
        reading = likeliest_ru(word.strip(",.;:"))
        if reading is None or reading.tag.POS in {"VERB", "PRTF", "PRTS", "GRND"} or word[-1] in ",;:":
            return "", item
        if reading.tag.POS == "INFN":
            first = likeliest_ru(words[0])
            return (" ".join(words[:i]), " ".join(words[i:])) if first is not None and first.tag.POS == "NOUN" else ("", item)
    return "", item


def _second_nominative(item: str) -> bool:
    """Whether a Russian item joins a second noun phrase in the nominative with «и» or a comma («… и методика
    …», «замена мембраны, проверка УФ-лампы»)."""
    from ..text import likeliest_ru

    after = re.findall(r"(?=(?:\s+и|,)\s+([а-яё]+))", item, flags=re.IGNORECASE)
    best = [likeliest_ru(word) for word in after]
    # A pronoun after a comma («…, которые у нас в работе») opens a clause about the item, not a second one.
    return any(r is not None and r.tag.POS in {"NOUN", "ADJF"} and r.tag.case == "nomn" and "Apro" not in r.tag for r in best)


def accusative(item: str, language: Language, phrases: Phrases | None = None) -> str | None:
    """A handover item as the object of 'we will hand over' — Russian in the accusative, each coordinated
    part ("пароли и схема сети") on its own; None when a part cannot be inflected. English running text
    gives a bare item its article ("the house keys and the alarm fob")."""
    if language != "ru":
        return with_article(item, phrases.snippets.get("determiners", []), phrases.months) if phrases else item
    # What follows a dash tells what the item holds («реестр ножей — метки, углы заточки, история ремонтов»): a
    # list of its own, kept as written.
    head, dash, contents = (re.split(r"(\s+[—–]\s+)", item, maxsplit=1) + ["", ""])[:3]
    if dash:
        said = accusative(head, language, phrases)
        return said + dash + contents if said is not None else None
    # «схема света и фона»: the «и» is inside the complement, and the whole phrase inflects; «шаблоны отчётов
    # и методика проверки»: a nominative after «и» is a second item, inflected on its own.
    # «свои 12 юрт», «наши два ящика»: a count of things with the owner's word before it reads the same as an object.
    if not re.search(r",\s|\s+и\s+", item) and _same_in_accusative(item):
        return item
    whole = None if _second_nominative(item) else inflect_phrase(item, "accs", things=True)
    if whole is not None:
        return whole
    parts = re.split(r"(,\s+|\s+и\s+)", item)
    # «…, которые галерея обычно берёт, …»: a relative clause is no item of the list and keeps its words.
    relative = set(load_phrases("ru").snippets["relative_words"])
    if any(part.split()[0].lower() in relative for part in parts[2::2] if part.split()):
        return None
    # A part with no Russian word ("DWG", "PDF") does not decline and stays as written; nor does a participle
    # phrase that tells of the part before it («сборка всех заказов, проданных до 20 декабря»).
    inflected = [part if i % 2 or _same_in_accusative(part) or _describes_before(part, parts[i - 1] if i else "")
                 or (i and _no_nominative(part)) else inflect_phrase(part, "accs", things=True) for i, part in enumerate(parts)]
    return "".join(inflected) if all(p is not None for p in inflected) else None


def _no_nominative(part: str) -> bool:
    """Whether a part after «и» or a comma opens with a word that cannot be a nominative («… в декабре и январе»): it
    goes on with the part before it, no item of its own, and keeps its words."""
    from ..text import parse_ru

    words = re.findall(r"[а-яё]+", part.lower())
    return bool(words) and not any("nomn" in p.tag for p in parse_ru(words[0]))


def _describes_before(part: str, separator: str) -> bool:
    """A part after a comma that opens with a participle not in the nominative («проданных до 20 декабря»):
    it agrees with a noun before it, so it keeps its words when that part is inflected."""
    from ..text import likeliest_ru

    reading = likeliest_ru(part.split()[0]) if separator.startswith(",") and part.split() else None
    return reading is not None and reading.tag.POS == "PRTF" and reading.tag.case != "nomn"


def _same_in_accusative(part: str) -> bool:
    """A part that reads the same as an object: no Russian word ("DWG", "PDF"), an abbreviation first («РСВ за
    2026 год»), a count of things («40 позиций», «три кулера»), or a plural adjective standing for a thing («отпускные»)."""
    from ..text import likeliest_ru

    words = part.split()
    # The owner's or a describing word before a count («свои 12 юрт», «старые три кулера») agrees with it.
    while len(words) > 2 and (first := likeliest_ru(words[0].lower())) is not None and first.tag.POS == "ADJF" \
            and "plur" in first.tag and first.tag.case in {"nomn", "accs"} and (words[1][0].isdigit() or getattr(likeliest_ru(words[1].lower()), "tag", None) is not None
                 and likeliest_ru(words[1].lower()).tag.POS == "NUMR"):
        words = words[1:]
    part = " ".join(words)
    if not re.search(r"[а-яё]", part, re.IGNORECASE) or (words and words[0].isupper() and len(words[0]) > 1) \
            or (count := re.match(r"\d+", part.strip())) and not (int(count[0]) % 10 == 1 and int(count[0]) % 100 != 11):
        return True  # («1 папка» agrees with its one: «1 папку»)
    # A count in words of two and more («три кулера», «две утеплённые будки»): the things are no people, so it stays.
    first = likeliest_ru(words[0].lower()) if words else None
    if first is not None and first.tag.POS == "NUMR" and first.normal_form not in {"один", "одна"} and "gent" not in first.tag:
        return True
    reading = likeliest_ru(words[0]) if len(words) == 1 else None
    return reading is not None and reading.tag.POS == "ADJF" and {"plur", "nomn"} <= reading.tag.grammemes


def with_article(item: str, determiners: list[str], months: list[str] = ()) -> str:
    """'house keys' -> 'the house keys', 'Power BI workspace' -> 'the Power BI workspace'; an item that starts
    with a determiner or a word taking none ("access to ..."), a number, a capitalised word that may be a
    name ('Figma files', 'Sam's notes'), a thing named by its number ('episode 31') or work named by a verb in -ing
    stays as typed."""
    words = item.split()
    first = words[0] if words else ""
    # A product name as the modifier ("WordPress login", "Power BI workspace") takes the article too.
    brand = len(first) > 1 and first[:1].isupper() and (
        any(ch.isupper() for ch in first[1:]) or (len(words) > 2 and words[1][:1].isupper()))
    # "episode 31", "phase 2": a thing named by its number takes no article; nor does work named by what is
    # done to something ("taking the team to the county round"), unlike "building plans".
    # "de-installing and crating the exhibition": two such verbs joined are that work too.
    gerund = bool(re.fullmatch(r"[a-z]+(?:-[a-z]+)*ing", first)) and len(first) > 4
    joined = len(words) > 2 and words[1] == "and" and bool(re.fullmatch(r"[a-z]+(?:-[a-z]+)*ing", words[2]))
    numbered = len(words) > 1 and (words[1][:1].isdigit() or gerund and (words[1] in determiners or joined))
    # "January postcard mailing": a month names when, not who; the thing still takes its article.
    # So does a thing measured first ("23-carat gilded lettering", "12-volt wiring").
    brand = brand or (first in months and len(words) > 1) or bool(re.fullmatch(r"\d+(?:[.,]\d+)?-[a-z]+", first))
    # "Hegarty research log", "Twomey final report": a name before two common words or more names whose thing it is.
    brand = brand or (len(words) > 2 and first[:1].isupper() and not re.search(r"['’]s$", first)
                      and all(re.fullmatch(r"[a-z][a-z-]*", w.strip(",;:.")) for w in words[1:3]))
    # "Mrs Alleyne's own wig": a titled person's thing, like "Sam's notes", takes none ("New Year's Eve party" does).
    from ..address import is_title

    owned = len(words) > 1 and is_title(first) and bool(re.search(r"['’]s$", words[1]))
    if not determiners or not first or first.lower() in determiners or not (first[:1].islower() or brand) or numbered or owned:
        return item
    return f"the {item}"


def referral_parts(referral: str, language: Language, phrases: Phrases) -> tuple[str, str, bool]:
    """The recommended name, the user's note on them when it reads as a description, and whether that
    description is a noun phrase set after the name ("Kestrel Motion, a small animation studio", «Дарью
    Ким, дизайнера») rather than a note in brackets («Алину Мороз (ведёт соцсети под ключ)»). A note that
    tells the user's own story ("she did the walled garden we all liked", «вела со мной два объекта») or is
    shorthand is left out: the letter names the person only. The whole note is tried, then its first clause."""
    # The first dash or comma outside brackets: «Елена Шубина (ООО «Геоплан», Рязань) — …» names her whole.
    cut = next((m for m in re.finditer(r"\s+[—–-]\s+|,\s+", referral) if referral[:m.start()].count("(") == referral[:m.start()].count(")")), None)
    name, note = (referral[:cut.start()].strip(), referral[cut.end():].strip()) if cut else (referral.strip(), "")
    # «…«Переплётчик», ул. Островского — давно работают …»: an address after the name goes with it.
    address = phrases.snippets.get("address_abbreviations", [])
    if address and re.match(rf"(?:{'|'.join(map(re.escape, address))})\.\s", note):
        place, _, note = [part.strip() for part in re.split(r"(\s+[—–-]\s+)", note, maxsplit=1) + ["", ""]][:3]
        name = f"{name}, {place}"
    note = re.sub(r"\s+\+\s+", f" {phrases.labels['and']} ", note)
    first = re.split(phrases.snippets["clause_break"], note, maxsplit=1, flags=re.IGNORECASE)[0].strip()
    story = set(phrases.snippets["referral_story_words"])
    for candidate in dict.fromkeys([note, first]):
        words = re.findall(r"[^\W\d_][\w'’-]*", candidate)
        lowered = [w.lower() for w in words]
        # A noun phrase set after the name may run long ("a registered piano technician who already looks after …").
        if not words or len(words) > (22 if lowered[0] in phrases.snippets.get("referral_openers", []) else 14) or story & set(lowered):
            continue
        if language == "ru":
            from ..text import likeliest_ru

            readings = [likeliest_ru(w) for w in lowered]
            if any(r is None or (r.tag.POS == "VERB" and "past" in r.tag) for r in readings):
                continue  # «вела», «учились»: the user's history with the person
            # «…, аккуратная»: a lone adjective among the parts is the user's judgement of the person, not a description.
            if any(len(part.split()) == 1 and (r := likeliest_ru(part.strip().lower())) and r.tag.POS in ("ADJF", "ADJS")
                   for part in re.split(r",\s*", candidate)):
                continue
            from ..address import is_organisation

            # «Дарью Ким, дизайнера»: a person is set beside a word for a person, a firm beside one for a
            # firm; «Константина Ермакова, багетную мастерскую» would call a man a workshop (brackets then).
            head = next((r for r in readings if r.tag.POS == "NOUN"), None)
            person_word = head is not None and ("anim" in head.tag) != is_organisation(name, "ru")
            apposition = person_word and len(words) <= 5 and all(r.tag.POS in {"NOUN", "ADJF", "PREP", "CONJ"} for r in readings)
            # «витражист из Твери — работает в свинцовой технике»: the word for the person is set beside the
            # name in its case («Глеба Стрельникова, витражиста из Твери»), what they do stays in brackets.
            if not apposition and candidate == note and first != note:
                brief = referral_parts(f"{name}, {first}", language, phrases)
                if brief[2]:
                    return name, f"{first} ({note[len(first):].strip(' ,;:—–-')})", True
            return name, candidate, apposition
        if lowered[0] in phrases.snippets["referral_openers"]:
            return name, candidate, True
    if language == "en":
        from ..address import is_organisation

        # The first part of the note that describes ("three-crew firm in the next county", "works with
        # authors") after the name: with its article, or as "who works with authors".
        shorthand = story | set(phrases.snippets["referral_shorthand"])
        adjective = phrases.snippets["referral_adjectives"]
        parts = re.split(r";\s+|,\s+|\.\s+|\s+[—–-]\s+", note)
        # "Tom Ashworth, Cumbria Clockworks - does turret clocks": a person's firm after their name goes with it.
        from ..address import names_person

        if len(parts) > 1 and len(firm := parts[0].split()) >= 2 and all(w[:1].isupper() or w in ("&", "+") for w in firm) \
                and names_person(name, language):
            name, parts = f"{name} {phrases.snippets['referral_of']} {parts[0]}", parts[1:]
        # "Moss & Stem - Isla Wong, she does hotels": the person at the firm named after it goes before it.
        elif len(parts) > 1 and len(person := parts[0].split()) == 2 and all(w[:1].isupper() for w in person) \
                and names_person(parts[0], language) and is_organisation(name, language):
            name, parts = f"{parts[0]} {phrases.snippets['referral_of']} {name}", parts[1:]
        # "small studio, does Flutter maintenance": a second part that says what they do goes on from the first
        # ("a small studio that does Flutter maintenance"); one that tells the user's story is left out.
        found = [d for part in parts[:3] if (d := _english_description(part, name, phrases, shorthand, adjective))]
        if not found:
            return name, "", False
        leads = phrases.snippets["referral_leads"]
        (kind, first), *rest = found
        said = first if kind == "noun" else " ".join(filter(None, [phrases.snippets["referral_who"], leads[kind], first]))
        # What they do or cover, said on from the first part.
        more = next((" ".join(filter(None, [leads[k], text])) for k, text in rest if k in ("does", "covers")), "")
        # Only a short first part ("a small studio", "a bigger outfit") leaves what they do to be said.
        if more and len(said.split()) <= 4 and len((said + " " + more).split()) <= 19:
            verb, _, tail = more.partition(" ")
            # "a bigger outfit" + "they have drivers": one outfit "has" them.
            # "a bookkeeper for cafes who does payroll", "a small studio that does Flutter maintenance".
            relative = "who" if names_person(name, language) and not re.search(rf"\s(?:at|in|{phrases.snippets['referral_of']})\s", name) else "that"
            said = f"{said} {phrases.labels['and']} {more}" if kind != "noun" else f"{said} {relative} {_third_person(verb, phrases)} {tail}"
        return name, said, True
    return name, "", False


def _english_description(part: str, name: str, phrases: Phrases, shorthand: set[str], adjective: dict) -> tuple[str, str] | None:
    """One part of an English referral note as a description after the name, with how it is said there
    (`referral_leads`): what they are ("a small studio", as typed), what they do ("does Flutter maintenance"),
    what they are like ("good with gyms") or what they cover ("medieval history"); None where it is shorthand
    or the user's story."""
    from ..address import is_organisation

    # "he does reef tanks for two restaurants and I've told him about you": the user's own part is their story.
    part = re.split(phrases.snippets["referral_own_clause"], part, maxsplit=1, flags=re.IGNORECASE)[0]
    # "they've got 6 trucks": the pronoun and its short verb, in full ("they have got 6 trucks").
    for short, full in phrases.snippets.get("referral_contractions", {}).items():
        part = re.sub(rf"^({'|'.join(phrases.snippets['referral_pronouns'])}){re.escape(short)}\b", rf"\1 {full}", part, flags=re.IGNORECASE)
    words = part.split()
    # "they look after blocks near Guildford": the pronoun that goes on about them is "who".
    if len(words) > 2 and words[0].lower() in phrases.snippets["referral_pronouns"] and ({words[1], words[1] + "s", words[1] + "es"} & set(phrases.snippets["referral_verbs"]) or _a_verb(words[1])) \
            and not shorthand & {w.lower().strip(".,") for w in words[1:]} \
            and (words[0].lower() == phrases.snippets["referral_pronouns"][0] or not is_organisation(name, "en")
                 or f" {phrases.snippets['referral_of']} " in name):
        # "Salt & Ember Catering - Maria, she does weddings": "she" is not the firm.
        # "Dr Ramdin at the library's unit - they have a film scanner": one person "has" it ("who has …"); "Dave
        # Kowalski of Greenbelt …, who have got 6 trucks" speaks of the firm the note named first.
        from ..address import names_person

        verb, rest = words[1], words[2:]
        person, at, _ = name.partition(" at ")
        # Only a person named at a place: a firm's name may read as a person's ("Jadran Eko Servis, who do …").
        if at and words[0].lower() == phrases.snippets["referral_pronouns"][0] and names_person(person, "en") \
                and not is_organisation(person, "en") and not re.search(rf"\s(?:and|&|{phrases.snippets['referral_of']})\s", person):
            verb = _third_person(verb, phrases)
        return "does", " ".join([verb, *rest])
    # "SI-accredited", "glacier-certified (AIMG)": a word for what they are certified as is said with "who is".
    bare = re.sub(r"\s*\([^)]*\)", "", part).split()
    if len(bare) == 1 and re.fullmatch(r"[A-Za-z]+-[a-z]+ed", bare[0]):
        return "is", part
    # "medieval history and archaeology": a field of study is what they cover, no "a medieval history".
    if len(words) > 1 and not words[0].lower().endswith("s") and words[-1].lower().endswith(tuple(phrases.snippets.get("referral_fields", []))) \
            and not any(w.lower() in phrases.articles for w in words[:2]) and words[0][:1].islower():
        return "covers", part
    # "AWCF farrier near Oswestry": an initialism may open a description; any other capital is a name.
    acronym = len(words) > 1 and len(words[0]) > 1 and words[0].isupper() and not words[1].endswith(tuple(adjective["endings"]))
    if not 2 <= len(words) <= 14 or shorthand & {w.lower().strip(".,") for w in words} or not (part[:1].islower() or acronym or part[:1].isdigit()):
        return None
    if words[0] in phrases.snippets["referral_verbs"] or _only_a_verb(words[0]):
        return "does", part
    # "already does a riding school near Kelso": an adverb before the verb.
    if words[0].lower() in phrases.snippets["referral_adverbs"] and words[1] in phrases.snippets["referral_verbs"]:
        return "does", part
    # "edited for public radio": a past verb, no adjective ("experienced in" is one), tells what they did.
    if words[1].lower() in adjective["links"] and words[0].lower().endswith("ed") and _only_a_past_verb(words[0]):
        return "does", part
    # "good with remedial work": an adjective and its preposition describe; "who is" carries them.
    if words[1].lower() in adjective["links"] and (
            words[0].lower() in adjective["words"] or words[0].lower().endswith(tuple(adjective["endings"]))):
        return "is", part
    # "reasonably priced": an adjective with no noun after it is said with "who is" too, never "a reasonably priced".
    if words[-1].lower() in adjective["words"] or words[-1].lower().endswith(tuple(adjective["endings"])):
        return "is", part
    # "reef tanks": a bare plural of content words is shorthand for the trade, no "a reef tanks"
    # ("bookkeeper for cafes" has its head before the preposition).
    if len(words) <= 3 and re.search(r"[^s]s$", words[-1].lower()) and all(len(w) > 3 for w in words):
        return None
    # "framers in Bermondsey", "good digital printers with a fast turnaround": a plural head names what they are,
    # with no article.
    head = next((i for i, w in enumerate(words) if w.lower() in adjective["links"]), len(words))
    if _plural_noun(words[0]) or head > 1 and _plural_noun(words[head - 1].strip(".,")):
        return "noun", part
    # "four HCPC-registered physios in Leeds": a number counts them, no article.
    # "already a reserve contractor on their framework": the note brings its own article.
    if words[0][:1].isdigit() or words[0].lower() in phrases.snippets.get("referral_counts", []) \
            or any(w.lower() in phrases.articles for w in words[:2]):
        return "noun", part
    vowel = "aefhilmnorsx" if acronym else "aeio"
    return "noun", ("an " if part[0].lower() in vowel else "a ") + part



def _third_person(verb: str, phrases: Phrases) -> str:
    """An English verb in its plain present said of one ("have" → "has"); any other form, or a modal ("can"), as it is."""
    from lemminflect import getInflection, getLemma

    if verb.lower() in phrases.snippets.get("modal_auxiliaries", []):
        return verb
    lemma = next(iter(getLemma(verb.lower(), upos="VERB")), verb)
    return next(iter(getInflection(lemma, tag="VBZ")), verb) if verb.lower() == lemma else verb


def _only_a_noun(word: str) -> bool:
    """Whether an English word reads only as a noun ("ownership", "access"), never a verb or another part."""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word.lower())) == {"NOUN"}


def _a_verb(word: str) -> bool:
    """Whether an English word reads as a verb of doing after "they" ("carry", "stock"); "be" is none ("he is got")."""
    from lemminflect import getAllLemmas

    return getAllLemmas(word.lower()).get("VERB", ("be",))[0] != "be"


def _only_a_past_verb(word: str) -> bool:
    """Whether an English word in -ed is a verb and no adjective ("edited", not "experienced")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return "VERB" in lemmas and "ADJ" not in lemmas


def _plural_noun(word: str) -> bool:
    """Whether an English word is a noun in the plural ("framers"), its singular being another word."""
    from lemminflect import getAllLemmas

    noun = getAllLemmas(word.lower()).get("NOUN", ("",))[0]
    return bool(noun) and noun != word.lower() and word.lower().endswith("s")


def _only_a_verb(word: str) -> bool:
    """Whether an English word reads only as a verb in the third person ("grows", "delivers"), never a noun."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return word.endswith("s") and "VERB" in lemmas and "NOUN" not in lemmas


def referral_object(name: str, description: str, apposition: bool, language: Language) -> str | None:
    """Russian: «бухгалтера Наталью Горбунову» — the name as the object of 'recommend', with its
    description after a comma in the same case («Дарью Ким, дизайнера») or as a note in brackets; None
    when the name cannot be inflected."""
    if language != "ru":
        return None
    from ..address import declined_name

    # A name in quotes («Эвакуатор-75») is the firm's own: it stays as written.
    inflected = declined_name(name, "accs") or (name if name.lstrip().startswith("«") else inflect_phrase(name, "accs"))
    if inflected is None:
        return None
    if not description:
        return inflected
    described = inflect_phrase(description, "accs") if apposition else None
    return f"{inflected}, {described}" if described else f"{inflected} ({description})"


def object_list(accusatives: list[str | None], phrases: Phrases) -> str | None:
    """Handover items (from `accusative`) as one object of 'we will hand over', or None when one could
    not be inflected (the speaker then says 'all materials' and the email lists them as bullets)."""
    if not accusatives or None in accusatives:
        return None
    items = [a for a in accusatives if a]
    # Among several, what one item holds goes in brackets ("the log (dates, cloth, slate)"), so its commas
    # are not read as more items of the list.
    if len(items) > 1:
        items = [re.sub(r"\s+[—–-]\s+(.+)$", r" (\1)", item) for item in items]
    return join_items(items, phrases)


_SENTENCE_START = re.compile(r"([.!?]\s+)([^\W\d_])")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def single_stops(text: str) -> str:
    """One full stop where a name ending in one ("ИП Сычёв Р. А.", "Acme Inc.") meets the sentence's own;
    an ellipsis stays."""
    return _DOUBLE_STOP.sub(".", text)


def dates_in_words(text: str, phrases: Phrases) -> str:
    """Dates typed short said in words, as the message's other dates are: with dots (`dotted_date`), «вернуть до
    25.12» → «вернуть до 25 декабря», «срок был 15.10.2026» → «срок был 15 октября 2026 года», but a clause's number
    («п. 10.12») is no date; a month cut short after its day (`month_abbreviations`), "collect it on 9 Dec" →
    "on 9 December"."""
    if short := phrases.snippets.get("month_abbreviations"):
        text = re.sub(rf"(?<=\d )(?:{'|'.join(short)})\b", lambda m: short[m[0]], text)
    pattern = phrases.snippets.get("dotted_date")
    if not pattern:
        return text
    months, not_after = phrases.months, phrases.snippets["dotted_date_not_after"]

    def said(m: re.Match[str]) -> str:
        if re.search(not_after, text[:m.start()]):
            return m[0]
        day = f"{int(m['day'])} {months[int(m['month']) - 1]}"
        return phrases.snippets["dated_year"].format(day=day, year=m["year"]) if m["year"] else day

    return re.sub(pattern, said, text)


def tidy(text: str) -> str:
    """Collapse the blank lines that optional template blocks leave behind, and doubled full stops."""
    lines = [single_stops(line.rstrip()) for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)




def in_running_text(item: str, language: Language, phrases: Phrases) -> str:
    """A note as the middle of a sentence says it: without a trailing aside that is a clause of its own
    ("bulbs already bought", "- licence is on her account", «(черновик, пусть пользуются)»), and with its
    first word in lower case when that is an ordinary word the user capitalised as the start of a note
    ("Site plan with …" → "site plan with …", «Папку на Яндекс.Диске» → «папку …»); names, months,
    products and abbreviations keep their capitals."""
    return common_start(_without_clause_asides(item, language, phrases), language, phrases.months)


def _without_clause_asides(item: str, language: Language, phrases: Phrases) -> str:
    """``item`` without asides in brackets or after a dash that hold a verb or a person ("(bulbs already
    bought)", "- to collect by 15 January", «— принадлежат гостинице»), when words remain before them.
    A noun aside ("(PDF)", «(3 шт.)») stays."""
    def clause(aside: str) -> bool:
        return any(_verb_or_person(w, language, phrases) for w in re.findall(r"[^\W\d_]+(?:'[a-z]+)?", aside))

    # An aside that sets a condition ("— only at the new provider's request", «— только по запросу …») is part of
    # what is promised, never dropped.
    def condition(aside: str) -> bool:
        return bool(re.search(phrases.snippets.get("condition_asides", "(?!)"), aside, flags=re.IGNORECASE))

    item = re.sub(r"\s*\(([^)]*)\)", lambda m: "" if clause(m[1]) and not condition(m[1]) else m[0], item).strip()
    head, dash, tail = split_at_dash(item)
    return head.rstrip(" ,;:") if dash and len(head.split()) >= 2 and clause(tail) and not condition(tail) \
        and spoken_head(item, phrases.snippets.get("aside_content", [])) != item.strip() else item


def _verb_or_person(word: str, language: Language, phrases: Phrases) -> bool:
    lower = word.lower()
    if lower in phrases.snippets.get("aside_people", []):
        return True
    if language == "ru":
        from ..text import likeliest_ru

        reading = likeliest_ru(lower)
        return reading is not None and reading.tag.POS in {"VERB", "INFN", "PRTF", "PRTS", "GRND"}
    from lemminflect import getAllLemmas

    readings = set(getAllLemmas(lower))
    return bool(readings) and readings <= {"VERB", "AUX"} or lower == "to"
