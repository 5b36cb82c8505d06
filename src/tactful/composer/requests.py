"""The client's requests in their answer, said back as the sender's commitments in the client's own words:
"Could you send the planting plan as PDFs?" → "I will send the planting plan as PDFs";
«Пришлите, пожалуйста, акт в бухгалтерию» → «я пришлю акт в бухгалтерию». Where a request starts, what
is never taken on this way (a plea to stay, a demand to confirm) and how the pronouns turn are the bank's
(``reply.requests``); the grammar is here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..phrases import Phrases, load_phrases
from ..vocab import Language
from .grammar import first_person_step, first_person_verb, sentences
from .vetting import reply_kinds, reply_topics

# The kinds of answer whose sentences are not taken on as requests: "please reconsider" is a plea, not a task.
_NOT_TASKS = {"reconsider", "new_terms", "dispute", "aggressive", "threat", "why"}


@dataclass(frozen=True)
class Request:
    sentence: str  # the client's sentence, as written
    commitment: str  # the sender's answer to it, without the lead-in; empty for one only the user can decide


def client_requests(text: str, language: Language, phrases: Phrases, solo: bool, held: tuple[str, ...] = (),
                    kept: tuple[str, ...] = ()) -> list[Request]:
    """Each sentence of the client's answer that asks the sender to do something, with the commitment that
    answers it, in the client's order. A request for what the user holds back (``held``: the files that
    follow only once the invoice is paid) is not promised: the answer keeps the user's condition. One for
    what the notes keep back for good (``kept``: "my style template is mine, not handing it over") is the
    user's to answer: the client asked, and silence would read as a promise forgotten."""
    from ..grounding import content_words

    # Words long enough to name a thing ("multitracks", «барабаны»), not "the" or «на».
    def words(items: tuple[str, ...]) -> set[str]:
        return {w for item in items for w in content_words(item, language) if len(w) >= 5}

    kept_back, kept_for_good = words(held + kept), words(kept)
    voice = "i" if solo else "we"
    bank = {key: Phrases.resolve(value, voice=voice) for key, value in phrases.get("reply.requests").items()}
    found = []
    for sentence in sentences(text):
        # "Could you help with the following:" opens the requests below it; it asks for nothing itself.
        if sentence.rstrip().endswith(":"):
            continue
        task = _task(sentence, bank, language)
        if task == "":
            # Asked, but only the user decides it (money back, a later end): the user is told, nothing is promised.
            found.append(Request(sentence=sentence, commitment=""))
            continue
        if task and kept_for_good & content_words(task, language):
            found.append(Request(sentence=sentence, commitment=""))
            continue
        # A request a topic answers with the situation's facts ("send the invoice again" → its number and
        # sum) is left to that topic; a plea or a dispute is answered by its kind.
        if task is None or kept_back & content_words(task, language) or set(reply_kinds(sentence, language)) & _NOT_TASKS \
                or set(reply_topics(sentence, language)) & set(bank["topics"]):
            continue
        if re.search(bank["unsafe"], task, flags=re.IGNORECASE):
            # Said back, it would garble ("I will squeeze it in before me finish"): the user answers it.
            found.append(Request(sentence=sentence, commitment=""))
            continue
        said = _said_back(task, bank, language, phrases, solo)
        # The client's words are untrusted text: a promise in them goes only if the checker finds nothing in it
        # (no insult, no instruction carried over from "please write that they are crooks").
        if said and not _flagged(said, language):
            found.append(Request(sentence=sentence, commitment=said))
    return found


def _flagged(text: str, language: Language) -> bool:
    from ..checker import check

    # Tone only: an address or a name in another script («на buh@…») is no reason to drop a request.
    return any(v.end > v.start and v.category == "tone" for v in check(text, lang=language, context="reply").violations)


def _task(sentence: str, bank: dict, language: Language) -> str | None:
    """What the sentence asks the sender to do ("send the plans as PDFs"); "" when it asks what only the user
    can decide (a refund, a later end date); None when it asks nothing the sender can promise."""
    for opener in bank["openers"]:
        match = re.search(opener["pattern"], sentence, flags=re.IGNORECASE)
        if not match:
            continue
        if opener.get("user"):
            return ""  # a demand for a thing or an account: the user answers it
        rest = re.sub(bank["cut"], "", match["rest"].strip(), flags=re.IGNORECASE)
        rest = re.sub(bank["tail"], "", rest.rstrip(" ?!.…"), flags=re.IGNORECASE).rstrip(" ?!.…")
        rest = re.sub(bank["please"], " ", rest, flags=re.IGNORECASE).strip(" ,")
        if language == "ru" and _opens_with_verb(rest, opener["verb"]):
            rest = _own_clause(rest)
        # A verb alone ("Please send.") names nothing to promise; a request on a condition ("If it's off,
        # please tell me") is the client's question about that condition.
        if language == "ru" and not _opens_with_verb(rest, opener["verb"]):
            continue
        if match.groupdict().get("obj") and re.match(bank["own_need"], match["obj"].strip(), flags=re.IGNORECASE):
            continue  # «Мне нужно заложить это в бюджет»: the client's own need, not a task for the sender
        if match.groupdict().get("obj") and re.match(bank["asks"], match["obj"].strip(), flags=re.IGNORECASE):
            continue  # «подскажите, кого можете посоветовать?»: a question, answered by its topic or deferred
        if re.match(bank["decide"], rest, flags=re.IGNORECASE):
            return ""
        if len(rest.split()) < 2 or re.match(bank["skip"], rest, flags=re.IGNORECASE) or re.match(
                bank["condition"], sentence, flags=re.IGNORECASE) or re.search(bank.get("necessity_question", "(?!)"), sentence):
            continue
        if match.groupdict().get("obj"):
            # «Счёт и акт просьба прислать в бухгалтерию» → «прислать счёт и акт в бухгалтерию».
            verb, _, after = rest.partition(" ")
            rest = " ".join(filter(None, [verb, _lowered(match["obj"].strip(" —–-•")), after]))
        return rest
    return None


def is_person_in_dative(words: str | None) -> bool:
    """Whether a Russian name after "send" is whom to send to («передайте Нине Павловне»), not what is sent
    («пришлите исходники …, включая Заводскую»): a first name, patronymic or surname in the dative."""
    from ..text import parse_ru

    first = (words or "").split()[:1]
    return bool(first) and any("datv" in r.tag and {"Name", "Surn", "Patr"} & set(r.tag.grammemes)
                               for r in parse_ru(first[0].lower()))


def _lowered(words: str) -> str:
    """Words that opened the client's sentence, set inside the sender's: a common word loses its capital,
    a name keeps it («Последний счёт» → «последний счёт», «Нине Павловне» stays)."""
    from ..text import likeliest_ru

    first = words.split()[0]
    reading = likeliest_ru(first.strip("«»\"'"))
    proper = reading is None or first.isupper() or bool({"Name", "Surn", "Patr", "Geox", "Orgn"} & set(reading.tag.grammemes))
    return words if proper else words[:1].lower() + words[1:]


def _own_clause(rest: str) -> str:
    """A Russian task up to the next clause with a verb of its own person («Скинь номер карты, переведу
    сегодня» → «Скинь номер карты»): what follows is the client's own part."""
    from ..text import parse_ru

    parts = rest.split(", ")
    for i, part in enumerate(parts[1:], start=1):
        words = [w.strip(",.;:!?").lower() for w in part.split()[:3]]
        if any(r.tag.POS == "VERB" and r.tag.person in {"1per", "2per"} for w in words for r in parse_ru(w)[:1]):
            return ", ".join(parts[:i])
    return rest


def _opens_with_verb(rest: str, verb: str) -> bool:
    """Whether a Russian task opens with the verb its opener needs: an infinitive after «можете», an
    imperative on its own («Пришлите …»), either after «не»."""
    from ..text import parse_ru

    words = rest.split()
    if words and words[0].lower() == "не":
        words = words[1:]
    if not words:
        return False
    readings = parse_ru(words[0].lower().strip(",.;:"))
    wanted = {"infinitive": lambda r: r.tag.POS == "INFN", "imperative": lambda r: {"impr", "excl"} in r.tag}[verb]
    # The likeliest reading decides, except that an imperative is read as one beside another verb form; not
    # beside a word of another class: «Жаль, конечно» is a sigh, not "sting!".
    return bool(readings) and (wanted(readings[0]) or verb == "imperative" and readings[0].tag.POS in {"VERB", "INFN"}
                               and any(wanted(r) for r in readings))


def _said_back(task: str, bank: dict, language: Language, phrases: Phrases, solo: bool) -> str:
    """The task as the sender's own commitment: the pronouns turned, the verb in the sender's first person."""
    task = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", _turned(task, bank, language)))
    if language != "ru":
        task = re.sub(bank["negation"], "not ", task, count=1, flags=re.IGNORECASE)
        return f"{phrases.snippets['step_subject']['i' if solo else 'we']} {task[:1].lower()}{task[1:]}"
    words = task.split()
    negated = words[0].lower() == "не"
    said = first_person_step(" ".join(_infinitives(words[1:] if negated else words)), language, phrases, solo)
    # «…сканы на почту, а оригиналы … передать под подпись»: the verb of a second part is the sender's too.
    head, *parts = re.split(bank["second_part"], said)
    said = head + "".join(part if i % 2 == 0 else " ".join(first_person_verb(w, phrases, solo) for w in _infinitives(part.split(" "), anywhere=True))
                          for i, part in enumerate(parts))
    if negated:
        subject = phrases.snippets["step_subject"]["i" if solo else "we"]
        said = re.sub(rf"^{re.escape(subject)}\s", f"{subject} не ", said, flags=re.IGNORECASE)
    return said


def _infinitives(words: list[str], anywhere: bool = False) -> list[str]:
    """The imperatives that open a Russian task or are joined to it («Пришлите и подпишите» → «прислать и
    подписать»), as infinitives, so the sender's first person can be made of them; an imperative elsewhere
    («деньги ушли») may be another word's form and stays. ``anywhere``: in the second part of a task («а
    оригиналы передайте Нине»), any word whose likeliest reading is an imperative."""
    from ..text import parse_ru

    out = []
    for i, word in enumerate(words):
        bare = word.strip(",.;:")
        joined = i == 0 or words[i - 1].lower() in ("и", "или")
        readings = parse_ru(bare.lower())
        likeliest = anywhere and bool(readings) and {"impr", "excl"} in readings[0].tag
        reading = next((r for r in readings if {"impr", "excl"} in r.tag), None) if joined or likeliest else None
        verb = reading.normal_form if reading else ""
        # The client's slang verb is the sender's plain one: «скиньте телефон» → «пришлю телефон», not «скину».
        verb = _plain_verbs().get(verb, verb)
        out.append(word.replace(bare, verb) if reading else word)
    return out


@cache
def _plain_verbs() -> dict[str, str]:
    return load_phrases("ru").snippets.get("plain_verbs", {})


def _turned(task: str, bank: dict, language: Language) -> str:
    """The client's pronouns turned to the sender's side and back ("send me my notes" → "send you your
    notes", «пришлите мне ваш отчёт» → «пришлите вам мой отчёт»)."""
    swap = {k.casefold(): v for k, v in bank["swap"].items()}
    possessive = {k.casefold(): v for k, v in bank.get("possessive", {}).items()}

    def turn(match: re.Match) -> str:
        word = match.group(0)
        key = word.casefold()
        if key == "you" and re.match(bank["subject_you"], task[match.end():], flags=re.IGNORECASE):
            return bank["you_subject"]
        if key in swap:
            return swap[key]
        if language == "ru":
            return _possessive(word, possessive)
        return word

    # A name in quotes («через «Мой налог»», "the 'My Account' page") is a name, not the client's "my".
    parts = re.split(r"(«[^»]*»|\"[^\"]*\"|“[^”]*”)", task)
    return "".join(part if i % 2 else re.sub(r"\b[\w']+\b", turn, part) for i, part in enumerate(parts))


def _possessive(word: str, possessive: dict[str, str]) -> str:
    """A Russian possessive turned in the same case, gender and number («мою» → «вашу»)."""
    from ..text import parse_ru

    for reading in parse_ru(word.lower()):
        other = possessive.get(reading.normal_form)
        if other and reading.tag.POS in {"ADJF", "NPRO"}:
            target = parse_ru(other)[0]
            grammemes = {g for g in (reading.tag.case, reading.tag.gender, reading.tag.number) if g}
            form = target.inflect(grammemes) if grammemes else None
            return form.word if form else other
    return word


def unavailable_days(text: str, language: Language, phrases: Phrases) -> tuple[set[int], bool]:
    """The days of the month the client says they cannot make ("I'm away 13–17 Dec, so not the 14th"),
    and whether they suggest another day in a question of their own («может, 16-го или 17-го?»)."""
    bank = phrases.get("reply.unavailable")
    ruled: set[int] = set()
    other: set[int] = set()
    suggested = False
    # "20 December suits us, but I'm away from the 21st to the 28th": each clause says its own.
    clauses = [c for sentence in sentences(text) for c in re.split(bank["clauses"], sentence, flags=re.IGNORECASE)]
    for sentence in clauses:
        # "…, so not the 14th — could we do the 16th?": what follows a word of offering is offered.
        cut = re.search(bank["suggest"], sentence, flags=re.IGNORECASE)
        before, after = (sentence[:cut.start()], sentence[cut.start():]) if cut else (sentence, "")
        # "If the mastering won't be ready by the 25th" speaks of the work, not of a day the client cannot make.
        if re.search(bank["sentence"], before, flags=re.IGNORECASE) and not re.search(bank["work_not_day"], before, flags=re.IGNORECASE):
            ruled |= days_named(before, phrases, ranges=True)
        elif not cut and sentence.rstrip().endswith("?"):
            after = sentence
        other |= days_named(after, phrases)
        suggested = suggested or bool(re.search(bank["time"], after, flags=re.IGNORECASE))
    return ruled, bool(ruled) and (suggested or bool(other - ruled))


def days_named(text: str, phrases: Phrases, ranges: bool = False) -> set[int]:
    """The days of the month a text names by date ("the 19th", "16 December", «15-го»), and with
    ``ranges`` every day of a span it names ("from 12 February until the 25th", «с 13 по 17 декабря»). A
    span of bare numbers is read as one only beside a month or an ordinal: "9–12" may be hours."""
    bank = phrases.get("reply.unavailable")
    months = "(?:" + "|".join(re.escape(m[:3]) for m in phrases.months) + r")\w*\.?"
    days: set[int] = set()
    if ranges:
        for m in re.finditer(bank["range"].replace("MONTH", months), text, flags=re.IGNORECASE):
            if not any(m[g] for g in ("o1", "o2", "m1", "m2")):
                continue
            a, b = int(m["a"]), int(m["b"])
            if 1 <= a <= 31 and 1 <= b <= 31:
                days |= set(range(a, b + 1)) if a <= b else set(range(a, 32)) | set(range(1, b + 1))
    for m in re.finditer(bank["day"].replace("MONTH", months), text, flags=re.IGNORECASE):
        day = int(m["d"] or m["d2"] or m["d3"])
        if 1 <= day <= 31:
            days.add(day)
    return days
