"""What the user hands over: the items after a handover heading (bullets, or a list after its colon), else
every item the user's sentences hand over ("They get the PSD files", «Исходники отдам Светлане»).

A sentence's list is cut where the sentence moves on (", and we'll send…", "before then", «к пятнице»),
split into items at commas and the language's joining words, and rid of what is no handover: the final
invoice or an act, a person's name, a time."""

from __future__ import annotations

import re

from .layout import Layout, Line

MAX_ITEMS = 8


def _a_name(item: str) -> bool:
    """A lone capitalised word that is a person's name («Диме», "Doreen"), not a thing («Брендбук»); in notes typed in
    lower case, a first name in the dative («косте оставлю список …»: to whom)."""
    if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+){1,2}", item):
        # «Ларисе Михайловне оставлю …»: to whom, by name and patronymic; a patronymic after the first word says so even
        # where the first name is also a common noun («Любови Андреевне передам …»)
        words = item.split()
        return all(_a_name(word) for word in words) or _patronymic(words[1])
    if re.fullmatch(r"[а-яё]+", item):
        from ..text import parse_ru

        return any({"Name", "datv"} <= set(p.tag.grammemes) for p in parse_ru(item)[:2])
    if not re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]+", item):
        return False
    if re.match(r"[А-ЯЁ]", item):
        from ..text import parse_ru

        return any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parse_ru(item)[:2])
    from .names import _detector

    return _detector().get_gender(item) != "unknown"


def _to_whom(words: str, surname: re.Pattern | None = None, text: str = "") -> bool:
    """Whether ``words`` are a person's name in the dative, whom a line hands things to («Степану», «Ольге Николаевне»,
    «Дине», whose dative the tagger also reads as a place's; a surname alone, «Сабитовой», by ``surname``), not a label of
    the notes («Почему», «Второе», «Кому»). An English first name ('- Marcus: the lighting test records …') is whom only
    where the paste names that person elsewhere too: a capitalised word before a colon is as often a label ("Reasons: the
    …")."""
    if re.fullmatch(r"[A-Z][a-z]+", words):
        return _a_name(words) and _named_elsewhere(words, text)
    from ..text import parse_ru

    names = words.split()
    if len(names) == 1 and surname is not None and surname.fullmatch(names[0]):
        return True
    parses = parse_ru(names[0].lower())[:3]
    first = any({"Name", "datv"} <= set(p.tag.grammemes) for p in parses[:2]) \
        or any("Name" in p.tag.grammemes for p in parses) and any("datv" in p.tag.grammemes for p in parses)
    return first and all(any({"datv"} <= set(p.tag.grammemes) and {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
                             for p in parse_ru(word.lower())[:2]) for word in names[1:])


def _named_elsewhere(first: str, text: str) -> bool:
    """Whether the paste names ``first`` beyond the line that opens on it: spelt out with a surname (a chat's "Marcus
    Thornbury: …") or said once more ('lift supt Callum runs the hill' over 'Callum: splice records, …'), so the word is
    someone the user knows, not a heading that happens to be a name."""
    return re.search(rf"\b{first}\s+[A-Z][a-z'’-]+", text) is not None or len(re.findall(rf"\b{first}\b", text)) > 1


def _patronymic(word: str) -> bool:
    from ..text import parse_ru

    return any("Patr" in p.tag.grammemes for p in parse_ru(word)[:2])


def _items(value: str, rules: dict) -> list[tuple[str, int]]:
    """The items of a run-in list with their offsets in ``value``."""
    value = rules["stop"].split(value, maxsplit=1)[0]
    out = []
    for m in re.finditer(r"[^,;]+", value):
        part = m.group()
        pos = m.start()
        for piece in rules["join"].split(part):
            at = part.find(piece)
            item = rules["trim"].sub("", piece).strip(" -—–•;.:")
            while (shorter := rules["lead"].sub("", item, count=1).strip()) != item:
                item = shorter
            if len(item) > 2 and not rules["not_item"].search(item) and not _a_name(item):
                out.append((item, pos + max(at, 0)))
    return out


def _listed(layout: Layout, rules: dict, groups: list[list[Line]]) -> list[tuple[str, tuple[int, int]]] | None:
    """The items after a handover heading in ``groups``; an empty list when the heading says there are none
    («Передать: ничего»), None when no heading lists anything."""
    text = layout.text
    for lines in groups:
        for i, line in enumerate(lines):
            segment = text[line.start : line.end]
            heading = rules["heading"].search(segment)
            if not heading:
                continue
            rest = re.split(r"(?<=[a-zа-яё0-9)])\.\s", segment[heading.end() :])[0]  # up to the sentence's end
            if rules.get("nothing") and rules["nothing"].match(rest):
                return []
            if rest.strip():
                base = line.start + heading.end()
                return [(item, (base + at, base + at + len(item))) for item, at in _items(rest, rules)] or None
            items = []
            for follow in lines[i + 1 :]:
                bullet = rules["bullet"].match(text[follow.start : follow.end].strip()) if follow.text else None
                if not bullet:
                    if items or follow.text:
                        break
                    continue
                items.append((bullet.group("value").strip(" ;.,"), (follow.start, follow.end)))
            if items:
                return items
    return None


def find_handover(layout: Layout, pats: dict, own: list[list[Line]]) -> list[tuple[str, tuple[int, int]]]:
    """The handover list; run-in sentences are read in the user's own words only (the notes and ``own``,
    the messages the user wrote; the whole thread when neither is known): what the client says it will
    send is no handover. When the user's words list nothing, what the client asks to be handed over
    («Прошу передать пароли…», "Please make sure the inventory is with us") is the list."""
    rules = pats["handover"]
    mine = [*layout.notes, *(line for lines in own for line in lines)]
    # a heading in the client's letter («…передаём вам: принимать заявки …») hands the user work, not the client things:
    # headings are read in the user's own words once those are known
    groups = [layout.notes, *own] if any(line.text for line in mine) else [layout.notes, *(m.body for m in layout.messages)]
    listed = _listed(layout, rules, groups)
    if listed is not None:  # a list, or a heading that says nothing is handed over ("Hand over: nothing")
        return listed
    finishing = pats["outcome"]["finish_stage"]
    out = _run_in(layout.text, mine if any(line.text for line in mine) else layout.lines(), rules["inline"], rules, finishing)
    if not out and rules.get("requested"):
        theirs = [line for line in layout.lines() if line not in mine]
        out = _run_in(layout.text, theirs, rules["requested"], rules)
    return out


def _run_in(text: str, lines: list[Line], sentences: list[re.Pattern], rules: dict,
            finishing: re.Pattern | None = None) -> list[tuple[str, tuple[int, int]]]:
    """The items of the run-in lists that ``sentences`` find in ``lines``, each once. A verb that
    ``finishing`` reads as completing the work ("I'll deliver the December report and then stop") hands
    nothing over, nor does one whose object, said before it, is the paperwork («Уведомление отправим 1
    декабря»: ``not_before``)."""
    out: list[tuple[str, tuple[int, int]]] = []
    seen: set[str] = set()
    for line in lines:
        segment = text[line.start : line.end]
        done = [(f.start(), f.end()) for f in finishing.finditer(segment)] if finishing else []
        for rule in sentences:
            for m in rule.finditer(segment):
                if any(a <= m.start() < b or m.start() <= a < m.start("value") for a, b in done):
                    continue
                if m.groupdict().get("whom") is not None and not _to_whom(m.group("whom"), rules.get("surname_dative"), text):
                    continue  # «Почему: …», «Второе — …»: a label, not whom the line hands things to
                verb_first = m.start() < m.start("value") and segment[m.start()].isalpha()
                if verb_first and (before := rules.get("not_before")) and before.search(segment[: m.start()]):
                    continue
                base = line.start + m.start("value")
                for item, at in _items(m.group("value"), rules):
                    if item.lower() not in seen and len(out) < MAX_ITEMS:
                        seen.add(item.lower())
                        start = base + m.group("value").find(item, at)
                        out.append((item, (start, start + len(item))))
    return out
