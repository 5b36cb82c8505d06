"""The user's reasons: their own sentences about why they end the work.

A line or sentence the user labels ("Why: …; …", «Причины: …») gives the reasons and nothing else does.
Otherwise the reasons are the sentences of the user's own words (the notes, and the messages the user
wrote in a pasted thread) that complain of something — a cue of the language's ``reason`` patterns:
repeated changes, unpaid or late money, calls at night, a grown scope, a move elsewhere — and are not the
plan itself (notice, last day, handover, invoices, tone: ``reason_not``). The client's chat messages are
read only when the user's own words give no reason, and then only for what the client demands or
decides (``demand``: "from next week …", "same monthly fee", «за ваш счёт», «оплата … после …») — the
change the user is ending the work over, said in the client's words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from .layout import Layout, Line
from .model import Found

MAX_REASONS = 3
# A chat line's opening address: a capitalised name or two and a comma, the sentence going on in lower case
# or with "I" ("Tomasz, I can't …", «Алина, я третий раз …», «Дмитрий Олегович, ночные смены …»).
_VOCATIVE = re.compile(r"^((?-i:[A-ZА-ЯЁ][a-zа-яё'’-]+(?:\s+[A-ZА-ЯЁ][a-zа-яё'’-]+)?)),\s+(?=(?-i:[a-zа-яё]|I\b))")
_NOT_NAMES = {"however", "still", "also", "so", "well", "yes", "no", "honestly", "frankly", "sorry", "ok", "okay", "thanks",
              "then", "now", "again", "sadly", "anyway", "besides", "plus", "и", "но", "да", "нет", "итак", "кстати", "честно", "впрочем"}


# "… is a no. I'll do …": the splitter reads "no." as the short "No." of a number; before a capitalised word, not a
# digit, it ends the sentence.
_NO_STOP = re.compile(r"(?<=\b[Nn]o\.)\s+(?=[A-ZА-ЯЁ])")


def _sentences(text: str, abbreviation: re.Pattern | None = None):
    """``text``'s sentences with their offsets; a shortened word before a number (``abbreviation``: «Не оплачен сч.
    2026-118 на 74 000 руб.») ends none."""
    from razdel import sentenize
    from razdel.substring import Substring

    out = []
    said = list(sentenize(text))
    if abbreviation is not None:
        joined = []
        for sentence in said:
            if joined and abbreviation.search(joined[-1].text) and sentence.text[:1].isdigit():
                joined[-1] = Substring(joined[-1].start, sentence.stop, text[joined[-1].start : sentence.stop])
            else:
                joined.append(sentence)
        said = joined
    for sentence in said:
        at = 0
        for m in [*_NO_STOP.finditer(sentence.text), None]:
            end = m.start() if m else len(sentence.text)
            out.append(Substring(sentence.start + at, sentence.start + end, sentence.text[at:end]))
            at = m.end() if m else end
    return out


def _clean(value: str) -> str:
    return value.strip().strip(" -—–•*▸►▪‣◦").rstrip(".;,").strip()


def _cues(chunk: str, pats: dict) -> int:
    return sum(len(rule.findall(chunk)) for rule in pats["reason"])


@dataclass
class Piece:
    """A part of a sentence with its offset in the text it was cut from."""

    start: int
    text: str


# A full stop the sentence splitter keeps inside a sentence when the next one starts in lower case (notes typed
# fast: «… созвоны в 21:00. счета № 501 …»).
_LOWER_START = re.compile(r"(?<=[^\W_][.!?])\s+(?=[a-zа-яё])")


# A number and a unit cut short ("3 мес.", "60 дн.", "2 wks."): no sentence ends at its full stop.
_UNIT_CUT = re.compile(r"\d\s*[^\W\d_]{1,4}\.$")


def _lower_starts(text: str) -> list[tuple[int, str]]:
    """``text`` cut at those full stops, each part with its offset."""
    out, at = [], 0
    stops = [m for m in _LOWER_START.finditer(text) if not _UNIT_CUT.search(text[: m.start()])]
    for m in [*stops, None]:
        end = m.start() if m else len(text)
        out.append((at, text[at:end]))
        at = m.end() if m else end
    return out


_SEMICOLON = re.compile(r";\s+")


# Russian words a message opens on to address people who are no one by name («Ребята, с понедельника …»).
_ADDRESS_WORDS = {"ребята", "коллеги", "друзья", "господа", "девочки", "девушки", "парни", "мужики", "народ", "дорогие"}


def _addressed(words: str, pats: dict) -> bool:
    """Whether the capitalised words before a sentence's first comma are the person it is said to ("Tomasz, I can't
    …", «Алина, я третий раз …»), not a word of its own («Хотят, чтобы бочки мы делали …»): a Russian one must be a name."""
    if words.lower() in _NOT_NAMES:
        return False
    if not re.search(r"[а-яё]", words, re.IGNORECASE) or words.lower() in _ADDRESS_WORDS:
        return True
    from .names import is_person

    return is_person(words, pats, "ru")


def _unaddressed(chunk: str, pats: dict) -> str:
    """``chunk`` without the person it is said to ("Tomasz, I can't keep …", «Алина, я третий раз …») and the greeting
    right after them («Полина, привет. Руководство решило …»), nor a nod to what was said before ("Understood. They also
    want …"): none is part of what is said."""
    if (ack := pats.get("acknowledged")) and (m := ack.match(chunk)):
        chunk = chunk[m.end() :]  # "Understood. They also want …", «Поняла. Ещё просят …»: the nod before the next demand
    if (vocative := _VOCATIVE.match(chunk)) and _addressed(vocative.group(1), pats):
        chunk = chunk[vocative.end() :]
        if (greeting := pats.get("greeting_word")) and (m := greeting.match(chunk)) and (rest := re.match(r"[.!,]\s+(?=\S)", chunk[m.end() :])):
            chunk = chunk[m.end() + rest.end() :]
    return chunk


def _run_on(text: str) -> list[tuple[int, str]]:
    """``text`` cut at its full stops before a lower-case word and at its semicolons, each part with its offset."""
    out = []
    for at, part in _lower_starts(text):
        cuts = [0, *(m.end() for m in _SEMICOLON.finditer(part))]
        out += [(at + cut, part[cut : next_cut].rstrip("; ")) for cut, next_cut in zip(cuts, [*cuts[1:], len(part)])]
    return out


# "Second: …", «И второе: …»: the labelled list's next item, not another label.
_NEXT_ITEM = re.compile(r"^\W*(?:(?:and|и|а)\s+)?(?:second(?:ly)?|third(?:ly)?|also|plus|второе|третье|во-вторых|в-третьих|ещё|еще|плюс)\s*:", re.IGNORECASE)


def _labelled(lines: list[Line], text: str, pats: dict) -> list[tuple[str, tuple[int, int]]]:
    """Reasons after a label: every ';'-part of the labelled sentence, and the line's later sentences
    that still read as reasons."""
    out = []
    for i, line in enumerate(lines):
        segment = text[line.start : line.end]
        for sentence in _sentences(segment, pats["money"].get("abbreviation")):
            label = pats["reason_label"].match(sentence.text)
            label_end = label.end() if label else 0
            # «… адресую директору. причина — …»: a label after a full stop that the splitter kept in one sentence
            # (read from there on: the label's '^' holds only at a string's start)
            starts = (m.end() for m in re.finditer(r"[.!?]\s+", sentence.text))
            while label is None and (at := next(starts, None)) is not None:
                label = pats["reason_label"].match(sentence.text[at:])
                label_end = at + label.end() if label else 0
            if not label or pats.get("demand_ref") and pats["demand_ref"].search(sentence.text):
                continue  # no label, or one that points at the client's letter («Почему отказываемся — понятно из письма ниже»)
            rest_start = sentence.start + label_end
            rest = segment[rest_start:]
            if not rest.strip():
                out += _bullets(lines[i + 1 :], text)  # «Что случилось:» with the reasons as bullets below
                break
            tail = [Piece(part.start + at, piece) for part in _sentences(rest) for at, piece in _lower_starts(part.text)]
            for k, part in enumerate(tail):
                money = _money(part.text, pats)  # an invoice or a sum owed; a fee cut «с 12 до 5 тысяч» may be the reason
                if k and (pats["reason_not"].search(part.text) or money
                          or re.match(r"^\W*\w+(?:\s+\w+){0,2}\s*:", part.text) and not _NEXT_ITEM.match(part.text)):
                    break  # the next sentence is the plan, an invoice or another label ("Unpaid: …")
                more = pats.get("reason_more")
                if k and not _cues(part.text, pats) and not (more and more.match(part.text)):
                    # (a sentence the language's `reason_more` opens, "And …", «И …», is the label's next reason all the same)
                    if k + 1 < len(tail) and _cues(tail[k + 1].text, pats) and not pats["reason_not"].search(tail[k + 1].text):
                        continue  # a sentence that only says more of the last reason («До маршрутов сорок километров»), then another
                    break
                for at, piece in _joined(part.text, pats):
                    value = _clean(piece)
                    # a later ';'-part that opens with an invoice ('…; счёт № 52 … не оплачен') is the invoice, not a reason
                    invoice = pats["money"]["invoice_number"].search(value)
                    if len(value) > 3 and not (at and invoice and invoice.start() < 3):
                        start = line.start + rest_start + part.start + at
                        out.append((value, (start, start + len(piece))))
            break
    return out


def _joined(chunk: str, pats: dict) -> list[tuple[int, str]]:
    """A labelled sentence's parts, with offsets: cut at its semicolons and where two reasons are joined outright
    (``reason_join``: "…, and on top of that they're buying …")."""
    join = pats.get("reason_join")
    out = []
    for piece in re.finditer(r"[^;]+", chunk):
        at = 0
        for m in [*(join.finditer(piece.group()) if join else ()), None]:
            end = m.start() if m else len(piece.group())
            if piece.group()[at:end].strip():
                out.append((piece.start() + at, piece.group()[at:end]))
            at = m.end() if m else at
    return out


# (a list lettered or numbered in brackets, '(a) requalification every two years …', «б) …», '(2) …', is bullets too, and
# so is one marked '+' or '~', lettered with a full stop («а. тормоза …», «б. …») or numbered in small roman numerals
# ('i. ethylene bottles …', 'ii. …')
# ('1 the trust wants the token instruments …': a number with no stop, then a word in lower case; ' # lehr fan servicing …':
# a hash mark under the label)
_BULLET = re.compile(r"^\s*(?:[-*•·—–+~#▸►▪‣◦]|\d{1,2}[.)]|\d{1,2}(?=\s+(?-i:[a-zа-яё]))|\(?[a-zа-я]\)|[a-hа-е]\.|(?:i{1,3}|iv|vi{0,3})[.)]|\(\d{1,2}\))\s+")


_NO_MARK = re.compile(r"")  # a '>' line's bullet mark, already left out of the line


def _bullets(lines: list[Line], text: str) -> list[tuple[str, tuple[int, int]]]:
    """The bullet lines right after a label, each one reason; a bullet set back further left than the first one is
    the notes' next point, not the list's ('* Why we can't go on:' over '  - …' lines, then '* Service agreement, …').
    Lines marked '>' under the label are bullets too: the layout reads the '>' as a quote's lead and leaves it out of
    the line ("what's wrong" over ' > twistlock inspections cut …' lines)."""
    out: list[tuple[str, tuple[int, int]]] = []
    indent = None
    for line in lines:
        segment = text[line.start : line.end]
        begin = text.rfind("\n", 0, line.start) + 1
        bullet = _BULLET.match(segment) or (_NO_MARK.match(segment) if ">" in text[begin : line.start] else None)
        if not bullet:
            if out or segment.strip():
                break
            continue
        margin = line.start - begin + len(segment) - len(segment.lstrip())
        if indent is None:
            indent = margin
        elif margin < indent:
            break
        value = _clean(segment[bullet.end() :])
        if len(value) > 3:
            start = line.start + bullet.end() + segment[bullet.end() :].find(value)
            out.append((value, (start, start + len(value))))
    return out


def _clauses(chunk: str, pats: dict) -> list[tuple[int, str]]:
    """A sentence too long to be one reason (a voice message typed out, notes without full stops) in its
    clauses, cut at commas and at the words that join spoken clauses (``reason_clause``), with offsets; a
    shorter one only where two reasons are joined outright (``reason_join``: ", and also", «, а ещё»)."""
    cut = pats["reason_clause"] if len(chunk) > 400 else pats.get("reason_join")
    if cut is None or not cut.search(chunk):
        return [(0, chunk)]
    out, at = [], 0
    for m in [*cut.finditer(chunk), None]:
        end = m.start() if m else len(chunk)
        piece = chunk[at:end]
        if piece.strip():
            out.append((at + len(piece) - len(piece.lstrip()), piece.strip()))
        at = m.end() if m else end
    return out


# Where a complaint and the invoice (its number or sum) it sits beside are joined in one sentence.
_JOINED = re.compile(r",\s+(?:а|и|но|and|but|plus)\s+(?=[^,]*(?:сч[её]т|инвойс|invoice|\binv\b|\d))", re.IGNORECASE)


def _owed(clause: str, pats: dict) -> bool:
    """Whether a client's demand is about an invoice owed (its number, or a sum said unpaid), not a sum it sets on the work
    ("or we'll deduct £150 per late call-out from your invoice" is the demand's penalty)."""
    money = pats["money"]
    return bool(money["invoice_number"].search(clause) or money["amount"].search(clause) and money["unpaid"].search(clause))


def _money(clause: str, pats: dict) -> bool:
    """Whether a clause is about an invoice, or a sum said as owed or unpaid (an invoice in brackets is a
    detail of the complaint: «ждут оплату за февраль (счёт № 214, …)»); a rate ("£38 doesn't cover prep")
    may be the reason."""
    if (unit := pats["money"].get("not_invoice")) is not None:
        clause = unit.sub(" ", clause)  # «у агрегата № 2 трещина …»: a numbered unit of the site, no invoice
    said = re.sub(r"(?<=\S)\s*\([^()]*\)", "", clause)
    said = said if not pats["money"]["invoice_noun"].search(said) else clause
    return bool(pats["money"]["invoice_number"].search(said)
                or pats["money"]["amount"].search(said) and (pats["money"]["invoice_word"].search(said) or pats["money"]["unpaid"].search(said)))


def find_reasons(layout: Layout, pats: dict, own: list[list[Line]], project: Found | None = None,
                 others: list[list[Line]] | None = None, letters: list[list[Line]] | None = None) -> list[tuple[str, tuple[int, int]]]:
    """The reasons in the user's notes and in ``own`` (the bodies of the messages the user wrote), else what
    ``others`` (the client's chat messages) demand; the sentence that names the work ("I write their
    newsletter every week") is no reason by one cue. When the notes point at what the client's letter asks
    (``demand_ref``: "what Rowena asks for below is not something I'll do", «их требования — в письме ниже»),
    the demands of ``letters`` (the client's letters) are the reasons the notes do not give themselves, and
    the user's own earlier letters are not read: the notes say where the reasons are."""
    text = layout.text
    scopes = [layout.notes, *own]
    for lines in scopes:
        if labelled := _labelled(lines, text, pats):
            return _unnumbered(labelled[: MAX_REASONS + 1], pats)
    pointer = pats.get("demand_ref")
    referred = bool(letters and pointer and any(pointer.search(text[line.start : line.end]) for line in layout.notes))
    if referred and own and (mine := pats.get("own_ref")) and any(mine.search(text[line.start : line.end]) for line in layout.notes):
        # «Причины — в моём письме, переписка ниже»: the notes point at the user's own reply, whose reasons are the user's
        # words; the client's letter is read only if that reply gives none
        referred = False
    if referred:
        scopes = [layout.notes]
    signature = {id(line) for line in layout.notes_signature}
    answered = _in_turn(layout, own, others or [], pats, _answered(layout, own, others or [], pats))
    pairs, merged = _pairs(text, answered, pats)
    for answer, run in _continued(layout, own, pairs).items():
        cues, start, said = pairs[answer]
        more = [chunk for line in run if len(chunk := _clean(text[line.start : line.end])) >= 8 and not _money(chunk, pats)]
        if more:
            pairs[answer] = (cues + sum(_cues(chunk, pats) for chunk in more), start, "; ".join([said, *more]))
        merged |= {id(line) for line in run}
    scored = list(pairs.values())
    for lines in scopes:
        for line in lines:
            if id(line) in signature or id(line) in pairs or id(line) in merged:
                continue
            segment = text[line.start : line.end]
            pieces = [(sentence.start + at, clause) for sentence in _sentences(segment, pats["money"].get("abbreviation"))
                      for at, clause in _clauses(sentence.text, pats)]
            for piece_start, piece in pieces:
                chunk = _clean(piece)
                if (label := pats["notes_marker"].match(chunk)) and label.end() < len(chunk):
                    chunk = chunk[label.end() :].strip()  # «Мои заметки: прайс-лист никогда не был …»: the label is no part of it
                chunk = _unaddressed(chunk, pats)
                cues = _cues(chunk, pats)
                if len(chunk) < 12 or not cues or len(chunk) > 400 or pointer and pointer.search(chunk):
                    continue  # too short or long, no cue, or the pointer to the client's letter ("see below, not doing that")
                # (three or more sentences run on in lower case, «доильный зал — заканчиваю. клиент СПК «…». … хотят …, а …. посл.
                # день 30 апреля. коротко»: the whole note, however many cues it holds, is read sentence by sentence)
                if (_money(chunk, pats) or pats["reason_not"].search(chunk)) and (cues < 3 or len(_run_on(chunk)) > 2):
                    if len(parts := _run_on(chunk)) > 1:
                        # notes typed in lower case run on past their full stops ("… for nothing. it's marco who
                        # decides. one month's notice.") or semicolons («клей не успевает встать; а гарантию … я дать
                        # не могу»): each of those sentences is read on its own
                        at = line.start + piece_start + piece.find(chunk)
                        scored += [(_cues(part, pats), at + offset, part) for offset, part in parts
                                   if len(part) >= 12 and _cues(part, pats) and not _money(part, pats)
                                   and not pats["reason_not"].search(part)
                                   and not (project and at + offset <= project.start < at + offset + len(part) and _cues(part, pats) < 2)]
                        continue
                    # «задачи ставятся на выходные, а счёт № 19 не оплачен»: the complaint joined to the invoice
                    # is kept on its own; the invoice is the invoice's field
                    head = _JOINED.split(chunk, maxsplit=1)[0].strip()
                    if head == chunk or len(head) < 12 or _money(head, pats) or pats["reason_not"].search(head) or not _cues(head, pats):
                        continue  # the plan (notice, last day, handover, invoices, tone) or an invoice, not a reason
                    chunk, cues = head, _cues(head, pats)
                start = line.start + piece_start + piece.find(chunk)
                if project and start <= project.start < start + len(chunk) and cues < 2:
                    # notes typed in lower case that run on past their full stops ("… since 2019 - the 14 ring spinning
                    # frames, …. they now want spindle oiling stretched to 6 months …"): the sentence that names the work is
                    # no reason, the others are read on their own
                    scored += [(_cues(part, pats), start + offset, part) for offset, part in _run_on(chunk)
                               if len(part) >= 12 and _cues(part, pats) and not _money(part, pats)
                               and not pats["reason_not"].search(part) and not start + offset <= project.start < start + offset + len(part)]
                    continue
                scored.append((cues, start, chunk))
    best = sorted(scored, key=lambda s: -s[0])[:MAX_REASONS]
    if len(best) == len(pairs) and others and pats.get("demand"):
        # the user's own words give no reason but their answers: the client's other demands are read too
        starts = {client.start for client, answer in answered if id(answer) in pairs or id(answer) in merged}
        best += _demands(others, text, pats, max(2, len(best) + 1) - len(best), starts)
    if referred and len(best) - len(pairs) < 2:
        best += _demands(letters or [], text, pats, max(2, len(best) + 1) - len(best), set())
    elif letters and len(best) == 1 and sum(bool(_cues(part, pats)) for part in _SEMICOLON.split(best[0][2])) < 2:
        # Notes that answer one of the letter's demands in their own words ("Cleaning eleven reclaim tanks for nothing is
        # two weeks of work …" under "please include the reclaim tank cleans in the monthly visit") end the work over that
        # letter: its other demands, which the notes leave unsaid, are reasons too (not pointed at: en-298's 90-day invoices).
        # Only where the notes give one reason, not two joined by a semicolon («… уходит на сверку; и если распечатывают …»).
        asked = _demands(letters, text, pats, 6, set())
        if any(_echoes(demand, chunk) for _, _, demand in asked for _, _, chunk in best):
            # a demand that echoes the notes' reason, or shares a number with it («60 дней отсрочки мы не потянем» under
            # «оплата через 60 дней»), is the one they answer already
            numbers = lambda said: set(re.findall(r"\d+", said))  # noqa: E731
            rest = [d for d in asked if not any(_echoes(d[2], chunk) or numbers(d[2]) & numbers(chunk) for _, _, chunk in best)]
            best += rest[: max(2, len(best) + 1) - len(best)]
    return _unnumbered([(chunk, (start, start + len(chunk))) for _, start, chunk in sorted(best, key=lambda s: s[1])], pats)


def _unnumbered(reasons: list[tuple[str, tuple[int, int]]], pats: dict) -> list[tuple[str, tuple[int, int]]]:
    """Each reason without the word that numbers it in the user's telling ('First, they've decided …', «Во-вторых, нам
    урезали …», the language's ``reason_lead``): the count is the notes' order, not part of the reason. The span still
    covers what was said."""
    lead = pats.get("reason_lead")
    if lead is None:
        return reasons
    return [(lead.sub("", value, count=1) or value, span) for value, span in reasons]


def _echoes(one: str, other: str) -> bool:
    """Whether two sentences speak of the same thing: two words of five letters or more in common, by their first five,
    or numbers of two digits or more («промывку линий раз в месяц» — «раз в месяц промывать линии нельзя»; "the platform
    rate of £38 per hour" — "£38 doesn't cover prep" with "interpreting" in both)."""
    stems = lambda said: {w.lower()[:5] for w in re.findall(r"[^\W\d_]{5,}|\d{2,}", said)}  # noqa: E731
    return len(stems(one) & stems(other)) >= 2


def _in_order(layout: Layout, own: list[list[Line]]) -> tuple[list[Line], set[int]]:
    """The filled lines of the notes and of every message, in reading order, and the ids of the user's own lines in the
    messages (their chat answers and letters, not the notes)."""
    filled = sorted((line for line in [*layout.notes, *(line for m in layout.messages for line in (*m.body, *m.signature))]
                     if line.text), key=lambda line: line.start)
    return filled, {id(line) for lines in own for line in lines} - {id(line) for line in layout.notes}


def _answered(layout: Layout, own: list[list[Line]], chats: list[list[Line]], pats: dict) -> list[tuple[Line, Line]]:
    """The user's answers between the client's lines, each with the line it answers: a chat message of the
    user's between two of the client's (``chats``), or a line of the notes inside a letter the user answers line
    by line. A letter's reply in a thread is no such answer: it answers the whole letter."""
    mine = {id(line) for line in layout.notes} | {id(line) for lines in own for line in lines}
    chat = {id(line) for lines in chats for line in lines}
    letter = {id(line): i for i, m in enumerate(layout.messages) for line in m.body if line not in m.signature}
    filled, replies = _in_order(layout, own)
    # the chat's last word, the user's answer with the notes (or nothing) after it, answers the line before it too
    # when it gives a reason ("I won't fit parts I can't vouch for", not "I'll have a look this morning")
    end = Line(len(layout.text), len(layout.text), "")
    last = lambda line: id(line) in replies and _cues(_clean(layout.text[line.start : line.end]), pats) > 0  # noqa: E731
    # the user's answer sent as two messages in a row ("Priya, a reline is not just …" / "and a coil leak found a month late
    # is the same thing") answers the client's line before them when the client's line comes after the two
    beyond = {id(line): next((later for later in filled[k + 1 :] if id(later) not in replies), end) for k, line in enumerate(filled)}
    return [(before, line) for before, line, after in zip(filled, filled[1:], [*filled[2:], end])
            if id(line) in mine and (id(before) in chat and (id(after) in chat or id(after) not in replies and last(line)
                                                             or id(line) in replies and id(beyond[id(line)]) in chat)
                                     or id(line) not in letter and letter.get(id(before), -1) == letter.get(id(after), -2))]


def _in_turn(layout: Layout, own: list[list[Line]], chats: list[list[Line]], pats: dict,
             answered: list[tuple[Line, Line]]) -> list[tuple[Line, Line]]:
    """``answered``, with the answers given in turn: where the client sends two or more demands in a row and the user
    answers with as many messages in a row, the first answer is to the first demand, the second to the second ('… the
    turners go to our own fitters from June' / '… the kiln burner service is moving to every 2 yrs', then '… one snapping
    mid-box ruins 300 tonnes' / '… a dirty burner puts nitrosamines in the malt'), not both to the last demand."""
    text = layout.text
    chat = {id(line) for lines in chats for line in lines}
    filled, replies = _in_order(layout, own)

    def demand(line: Line) -> bool:
        return any(rule.search(_clean(text[line.start : line.end])) for rule in pats["demand"])

    turns: list[tuple[Line, Line]] = []
    k = 0
    while k < len(filled):
        theirs = list(takewhile(lambda line: id(line) in chat, filled[k:]))
        mine = list(takewhile(lambda line: id(line) in replies, filled[k + len(theirs) :]))
        if len(theirs) >= 2 and len(mine) == len(theirs) and all(map(demand, theirs)):
            turns += list(zip(theirs, mine))
        k += max(1, len(theirs) + len(mine))
    if not turns:
        return answered
    given = {id(answer) for _, answer in turns}
    return sorted([pair for pair in answered if id(pair[1]) not in given] + turns, key=lambda pair: pair[1].start)


def _continued(layout: Layout, own: list[list[Line]], pairs: dict[int, tuple[int, int, str]]) -> dict[int, list[Line]]:
    """The user's chat messages right after an answer of a pair (by the answer's id), up to the client's next line: the
    rest of the same answer, sent as messages of their own."""
    filled, replies = _in_order(layout, own)
    out: dict[int, list[Line]] = {}
    for k, line in enumerate(filled):
        if id(line) not in pairs or id(line) not in replies:
            continue
        run = list(takewhile(lambda later: id(later) in replies and id(later) not in pairs, filled[k + 1 :]))
        if run and k + 1 + len(run) < len(filled):
            out[id(line)] = run
    return out


def _pairs(text: str, answered: list[tuple[Line, Line]], pats: dict) -> tuple[dict[int, tuple[int, int, str]], set[int]]:
    """The reasons said as the client's demand and the user's answer (by the answer's id), and the answers merged into the
    pair before them: the client's next line that comes back on the same demand, right after the user's answer to it
    (a counter-offer, «Чистить будут наши инструкторы, а вы раз в месяц проверяйте», 'They say do it at night between 11
    and 7'), and the user's answer to that are the same reason; a line that opens on joining words ('Also …', «И ещё …»,
    «И по деньгам: …»), says it brings another matter (``chat_new_matter``: 'They also want …') or speaks of money owed is
    a new one."""
    pairs: dict[int, tuple[int, int, str]] = {}
    merged: set[int] = set()
    last: Line | None = None  # the answer of the pair a next line may come back on
    for client, answer in answered:
        if last is not None and id(last) in pairs and last.end <= client.start and text.count("\n", last.end, client.start) <= 1 \
                and (more := _more(text, client, answer, pats, pairs[id(last)][2])):
            cues, start, said = pairs[id(last)]
            pairs[id(last)] = (cues + more[0], start, f"{said}; {more[1]}")
            merged.add(id(answer))
            continue
        last = answer
        if pair := _pair(text, client, answer, pats):
            pairs[id(answer)] = pair
    return pairs, merged


def _more(text: str, client: Line, answer: Line, pats: dict, before: str) -> tuple[int, str] | None:
    """The client's line and the user's answer that come back on the demand before them (``before``), with their cues, or
    None when the client's line opens a new matter (joining words, a label), either line is about money owed or the plan,
    or the two neither complain (no cue) nor speak of what was said before («Осмотр пусть делает наш инструктор …» —
    «Лопатка … Инструктор трещину не увидит» after «… осмотр лопаток»)."""
    said = []
    for line in (client, answer):
        chunk = _clean(text[line.start : line.end])
        if (label := pats["notes_marker"].match(chunk)) and label.end() < len(chunk):
            chunk = chunk[label.end() :].strip()
        chunk = _unaddressed(chunk, pats)
        if not 8 <= len(chunk) <= 300 or _money(chunk, pats) or pats["reason_not"].search(chunk):
            return None
        said.append(chunk)
    more, new = pats.get("reason_more"), pats.get("chat_new_matter")
    if new and new.search(said[0]) or any(more and more.match(sentence.text) or _NEXT_ITEM.match(sentence.text)
                                          or re.match(r"^\W*\w+(?:\s+\w+){0,2}\s*:", sentence.text) for sentence in _sentences(said[0])):
        return None
    cues = _cues(said[0], pats) + _cues(said[1], pats)
    return (cues, f"{said[0]} — {said[1]}") if cues or _echoes(f"{said[0]} {said[1]}", before) else None


def _pair(text: str, client: Line, answer: Line, pats: dict) -> tuple[int, int, str] | None:
    """A reason said as the client's demand and the user's answer to it, in one: the labels of such pastes name
    the demand, the answer or both, and the answer alone loses what it answers ("I can't do overnight")."""
    said = []
    for line in (client, answer):
        chunk = _clean(text[line.start : line.end])
        if (label := pats["notes_marker"].match(chunk)) and label.end() < len(chunk):
            chunk = chunk[label.end() :].strip()  # "me: …", «Я: …»
        chunk = _unaddressed(chunk, pats)
        if not 8 <= len(chunk) <= 300 or _money(chunk, pats) or pats["reason_not"].search(chunk):
            return None  # an invoice asked about and answered, or the plan: no reason
        said.append(chunk)
    if not any(rule.search(said[0]) for rule in pats["demand"]):
        return None  # a question or a complaint of the client's, answered: no demand the user ends the work over
    cues = 1 + _cues(said[0], pats) + _cues(said[1], pats)
    start = client.start + text[client.start : client.end].find(said[0])
    return cues, start, f"{said[0]} — {said[1]}"


def _demands(others: list[list[Line]], text: str, pats: dict, wanted: int, answered: set[int]) -> list[tuple[int, int, str]]:
    """What the client's messages demand or decide (``demand``), sentence by sentence, up to ``wanted``; not
    the lines the user answered (starting at ``answered``), read with their answers already."""
    out: list[tuple[int, int, str]] = []
    for lines in others:
        for line in lines:
            if line.start in answered:
                continue
            segment = text[line.start : line.end]
            for sentence in _sentences(segment):
                chunk = _clean(sentence.text)
                chunk = _unaddressed(chunk, pats)
                if not 12 <= len(chunk) <= 300 or not any(rule.search(chunk) for rule in pats["demand"]):
                    continue
                if pats["reason_not"].search(chunk) or _owed(chunk, pats):
                    continue
                out.append((1, line.start + sentence.start + sentence.text.find(chunk), chunk))
                if len(out) >= wanted:
                    return out
    return out
