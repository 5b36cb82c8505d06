"""The work itself: a project or service named in the paste.

Rules are tried in the order of their strength (``project`` in the language's patterns): a labelled
line ("Job: …", «Что делаем: …») over the work said after the year it began and the work a contract is named
for, where a language has such rules («С 2019 года изготавливаем …», «договор на …»), over a sentence where the user
says what they do ("I do the bookkeeping for …", «веду им инстаграм»), over a short line that is only the service («Бухгалтерское
сопровождение.»), over the thread's first subject. Within a rule, the user's notes come first."""

from __future__ import annotations

import re

from .layout import Layout
from .model import Found

MAX_WORDS = 12
# Where one part of the work listed ends and the next begins: a comma, or a terse note's '+' ("the 11 lab autoclaves across
# the biosciences building + the effluent kill tank").
_PART_JOINT = re.compile(r", | \+ ")


def _value(raw: str, pats: dict) -> str | None:
    value = raw.strip().strip("«»\"'").strip(" ,;:-—–")
    value = pats["project"]["trim"].sub("", value).strip(" ,;:-—–")
    if len(value.split()) > MAX_WORDS and re.search(r"\s[-—–]\s", value):
        # "weighbridges at all three quarries - calibration, load cell swaps, …": the work, then the list of its parts
        # (the work cut down as the whole value is: "the Inchgarth dry dock for Inchgarth Port Authority - …")
        value = re.split(r"\s[-—–]\s", value, maxsplit=1)[0].strip(" ,;:")
        value = pats["project"]["trim"].sub("", value).strip(" ,;:-—–")
    cuts = [m.start() for m in re.finditer(" and ", value)]
    cuts = [at for at in cuts if len(value[:at].split()) > 1] or cuts
    if len(value.split()) > MAX_WORDS and cuts:  # "piped the wedding guests in and played at …": the first of the work
        value = value[: cuts[0]].strip(" ,;:-—–")  # not at "rigged and inspected the big top …": two verbs of one work
    elif len(value.split()) > MAX_WORDS and " и " in value:
        # «ставлю, поверяю и обслуживаю 12 метеостанций и 40 датчиков …»: up to the last «и» that leaves the work short enough
        cuts = [m.start() for m in re.finditer(" и ", value) if len(value[: m.start()].split()) <= MAX_WORDS]
        value = value[: cuts[-1]].strip(" ,;:-—–") if cuts else value
    if len(value.split()) > MAX_WORDS and _PART_JOINT.search(value):
        # "the asphalt plant's drum dryer burner, the bag filter house, the bitumen tank heating, …": a list of the parts
        # with no work said before it, up to the last comma (or '+') that leaves it short enough
        cuts = [m.start() for m in _PART_JOINT.finditer(value) if len(value[: m.start()].split()) <= MAX_WORDS]
        value = value[: cuts[-1]].strip(" ,;:-—–") if cuts else value
    if not value or pats["project"]["generic"].fullmatch(value) or pats["project"]["not_value"].search(value) \
            or len(value.split()) > MAX_WORDS or len(value) < 2:
        return None
    return value


def find_project(layout: Layout, pats: dict) -> Found | None:
    text = layout.text
    rules = pats["project"]
    signatures = {id(line) for line in (*layout.notes_signature, *(line for m in layout.messages for line in m.signature))}
    lines = [line for line in layout.lines() if id(line) not in signatures]  # "Moss Bookkeeping Services" is the sender
    # a language may put rules between the labels and the user's verbs: the work said after the year it began
    # (``dated``), then the work named by its contract (``named``)
    tiers = (("marked", 0.7), ("dated", 0.65), ("named", 0.65), ("doing", 0.6), ("line", 0.5))
    for kind, confidence in ((kind, confidence) for kind, confidence in tiers if kind in rules):
        for line in lines:
            segment = _masked(text[line.start : line.end], rules.get("abbreviation"))
            matches = [m for rule in (rules[kind] if isinstance(rules[kind], list) else [rules[kind]]) for m in rule.finditer(segment)]
            if kind == "doing":  # the first thing the sentence says the user does ("I've been their AV tech …, running the desk")
                matches.sort(key=lambda m: m.start())  # stable: at one place, the rules keep their order
            if kind == "dated" and "doing" in rules:
                # the verbs after the year are read as the verb rules read them, as their nouns where they have one
                # («с 2023 года составляю им винную карту, обучаю …» -> «составление винной карты, обучение …»)
                verbs = {d.start("verb"): d for rule in rules["doing"] for d in rule.finditer(segment) if d.groupdict().get("verb")}
                matches = [verbs.get(m.start("value"), m) for m in matches]
            for m in matches:
                if kind in ("doing", "dated") and rules.get("trade") and rules["trade"].match(segment, m.end("value")):
                    continue  # "I keep the books for small clubs and societies": the user's trade, not this client's work
                if kind == "dated" and not m.groupdict().get("verb") and not _a_verb(m.group("value").split()[0]):
                    continue  # «с 2024 года, воду возим …»: a noun after the year, not the user's verb
                raw, parts = m.group("value"), None
                if kind in ("doing", "dated") and rules.get("parts"):
                    raw, parts = _with_parts(segment, m, rules)
                value = _value(raw, pats)
                if value:
                    start = line.start + m.start("value") + m.group("value").find(value)
                    end = start + len(value)
                    if kind in ("doing", "dated") and m.groupdict().get("verb"):
                        nouns = rules.get("verb_nouns") or {}
                        value = _as_noun(m.group("verb"), value, nouns)
                        if _noun(m.group("verb"), nouns) and not parts:
                            more, stop = _more_work(segment, m.end("value"), nouns)
                            value, end = value + more, (line.start + stop if more else end)
                    if parts:  # «обслуживаем две барокамеры …: кислородные магистрали, шлюзы …»: the work, then its parts
                        value, end = f"{value} — {parts.group('value').strip()}", line.start + parts.end("value")
                    return Found(field="project", value=value.replace(_KEPT_STOP, "."), start=start, end=end,
                                 confidence=confidence, source="pattern")
    return _from_subject(layout, pats)


# An abbreviation's full stop inside the work, kept out of the rules' sight: a character of the same length, so spans hold.
_KEPT_STOP = "\u2024"


def _masked(segment: str, abbreviation: re.Pattern | None) -> str:
    """The line with each abbreviation's full stop the language's ``project.abbreviation`` finds («на 12 тыс. тонн»)
    turned into a character no rule ends a sentence on, so the work reads on past it; the value gets its stop back."""
    if abbreviation is None:
        return segment
    return abbreviation.sub(lambda m: m.group().replace(".", _KEPT_STOP), segment)


def _a_verb(word: str) -> bool:
    """Whether a Russian word the work after the year opens on can be a verb («выполняем», «ухаживаем»; not «воду»); a
    word in another script is left to the rule."""
    if not re.fullmatch(r"[а-яё]+", word.lower()):
        return True
    from ..text import parse_ru

    return any(p.tag.POS in ("VERB", "INFN") for p in parse_ru(word.lower())[:3])


# Where a sentence ends before a colon: not at a one-letter word's full stop («г. Стерлитамака» shortens a word).
_SENTENCE_END = re.compile(r"(?<!(?<![^\W\d_])[^\W\d_])[.!?;](?:\s|$)|\n")


def _with_parts(segment: str, m: re.Match, rules: dict) -> tuple[str, re.Match | None]:
    """The work said after the year and, after a colon in the same sentence, the list of its parts (``project.parts``):
    the work is read up to the colon and without the client's name the language's ``project.client_cut`` finds in it
    («две стационарные снегоплавильные установки ГБУ «Жилищник …»: запуск …» -> «две стационарные снегоплавильные
    установки»), the parts after it. No colon close by: the work as the rule read it, and no parts."""
    raw = m.group("value")
    colon = segment.find(":", m.start("value"))
    gap = segment[m.end("value") : colon] if colon >= m.end("value") else ""
    if colon == -1 or len(gap) > 40 or _SENTENCE_END.search(segment, m.end("value"), colon):
        return raw, None
    parts = rules["parts"].match(segment, colon)
    if not parts:
        return raw, None
    head = segment[m.start("value") : min(colon, m.end("value"))]
    if (cut := rules.get("client_cut")) and (c := cut.search(head)) and c.start() > 0:
        head = head[: c.start()]
    return head, parts


def _as_noun(verb: str, value: str, nouns: dict) -> str:
    """The work said with a verb, named by its noun: «доставляем букеты» -> «доставка букетов». ``nouns``
    (``project.verb_nouns``) maps each noun to its verbs' pattern; the object goes into the genitive up to
    its first noun («логотипы на форму» -> «логотипов на форму»), and so does a second verb joined by «и»
    («убираем территорию и вывозим снег» -> «уборка территории и вывоз снега»). A verb the map lacks keeps
    the object."""
    noun = _noun(verb, nouns)
    if not noun:
        return value
    for joint in re.finditer(r"\s+и\s+(\w+)", value):
        if other := _noun(joint.group(1), nouns):
            rest = value[joint.end() :].strip()
            return f"{noun} {_genitive(value[: joint.start()])} и {other} {_genitive(rest)}".strip()
    return f"{noun} {_genitive(value)}"


# «…, обучаю официантов и закупаю вино»: the user's next verb and its object after a comma
_NEXT_VERB = re.compile(r",\s+(?:а также\s+|и\s+)?(?P<verb>[а-яё]+)\s+(?P<object>[^,.;:()\n—–]{2,60}?)(?=\s*[,.;:()\n—–]|\s*$)")


def _more_work(segment: str, at: int, nouns: dict) -> tuple[str, int]:
    """The work the same sentence goes on to list with more of the user's verbs («составляю им винную карту, обучаю
    официантов и закупаю вино» -> «, обучение официантов и закупка вина»), each named by its noun; only verbs the map
    knows, so a clause about anything else ends the list. The added text and where it ends in ``segment``."""
    out = ""
    while (m := _NEXT_VERB.match(segment, at)) and _noun(m.group("verb"), nouns):
        out += ", " + _as_noun(m.group("verb"), m.group("object").strip(), nouns)
        at = m.end()
    return out, at


def _noun(verb: str, nouns: dict) -> str | None:
    return next((n for n, rule in nouns.items() if rule.fullmatch(verb.strip())), None)


def _genitive(phrase: str) -> str:
    """A noun phrase in the accusative put in the genitive up to its first noun, and the noun joined to
    that one by «и» («этикетки и коробки» -> «этикеток и коробок»); the rest stays as written."""
    from ..text import parse_ru

    def reading(word: str):
        parses = [p for p in parse_ru(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and {"accs", "nomn"} & set(p.tag.grammemes)]
        return parses[0] if parses and word.isalpha() else None

    words = phrase.split()
    i = 0
    while i < len(words):
        parse = reading(words[i])
        if parse is None:
            break
        form = parse.inflect({"gent"})
        if form:
            words[i] = form.word.capitalize() if words[i][:1].isupper() else form.word
        if parse.tag.POS == "NOUN":
            if i + 2 < len(words) and words[i + 1] == "и" and reading(words[i + 2]):
                i += 2
                continue
            break
        i += 1
    return " ".join(words)


def _from_subject(layout: Layout, pats: dict) -> Found | None:
    """The thread's first subject often names the work ("Re: Notice – tenant portal maintenance")."""
    for message in reversed(layout.messages):
        subject = message.headers.get("subject")
        if not subject:
            continue
        name = subject[0]
        while (cleaned := pats["subject_noise"].sub("", name, count=1).strip()) != name:
            name = cleaned
        # "Invoice 37", "Release 3.4", "IFU update - urgent" name no work
        if 1 <= len(name.split()) <= 6 and not re.search(r"\d", name) and not pats["project"]["not_subject"].search(name):
            offset = subject[0].find(name)
            return Found(field="project", value=name, start=subject[1] + offset, end=subject[1] + offset + len(name),
                         confidence=0.4, source="subject")
        return None
    return None
