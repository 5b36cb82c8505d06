"""The situation's other fields in pasted text: contract clause and notice, money and documents, the
handover list, a referral, the outcome, the tone, the user's reasons and the work itself."""

from __future__ import annotations

import re

from razdel.substring import Substring

from .handover import find_handover
from .layout import Layout, Line
from .model import Found
from .names import nominative, org_nominative
from .project import find_project
from .reasons import find_reasons
from .spoken import spoken_number, written_amount

# Number words a notice period may be written in; anything else is read as digits.
_NUMBERS = {
    "one": 1, "five": 5, "seven": 7, "twelve": 12, "двух": 2, "трёх": 3, "трех": 3, "семь": 7, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "ten": 10, "fourteen": 14, "thirty": 30,
    "sixty": 60, "ninety": 90, "a": 1, "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "десять": 10, "четырнадцать": 14, "тридцать": 30, "шестьдесят": 60, "девяносто": 90,
}


def _days(value: str, unit: str, spoken: dict | None = None) -> int | None:
    n = _NUMBERS.get((value or "one").lower()) or (int(value) if value and value.isdigit() else None)
    if n is None and value and spoken:
        n = spoken_number(value, spoken)  # «за сорок пять дней» in a voice note
    if n is None:
        return None
    unit = unit.lower()
    if unit.startswith("fortnight"):
        return n * 14
    if unit.startswith(("week", "wk", "недел")) or unit == "w":
        return n * 7
    if unit.startswith(("month", "mth", "mo", "месяц", "мес")):
        return n * 30
    return n


def _clause(value: str, pats: dict) -> str:
    """A clause as digits: one said in words ('clause seven', «пункт девятый») is the `numbers` entry it names, and one
    said with its point ('clause seven point two', «пункт десять точка два») is each part so, joined by a dot."""
    point = pats["contract"].get("point")
    parts = point.split(value) if point is not None else [value]
    said = [next((str(i + 1) for i, rule in enumerate(pats.get("numbers", [])) if rule.fullmatch(part)), part) for part in parts]
    return ".".join(said)


def _line_fields(text: str, line: Line, pats: dict, language: str, put, theirs: bool = False) -> None:
    """The fields one line may give: notice and clause, whether there is a contract, the final invoice and the
    act, finishing the stage, the tone, a referral. A line of the client's (``theirs``) gives no act or final
    invoice: the user sends those («Акты за март подпишу, когда …» in the client's chat is no act of the user's)."""
    segment = text[line.start : line.end]
    contract, money = pats["contract"], pats["money"]
    if m := contract["notice"].search(segment):
        groups = m.groupdict()  # the pattern's alternatives: value/unit, value2/unit2, …
        suffix = next((k[4:] for k in groups if k.startswith("unit") and groups[k]), None)
        days = _days(groups.get("value" + suffix), groups["unit" + suffix], pats.get("spoken")) if suffix is not None else None
        if days:
            put("contract.notice_days", days, line.start + m.start(), line.start + m.end(), 0.85, "pattern")
    for m in contract["clause"].finditer(segment):
        # The termination clause: one in a sentence about notice or ending wins over any other.
        sentence = segment[max(0, m.start() - 80) : m.end() + 80]
        if contract["notice"].search(sentence) or contract["ending"].search(sentence):
            put("contract.clause", _clause(m.group("value"), pats), line.start + m.start("value"), line.start + m.end("value"), 0.85, "pattern")
    for key, value in (("none", False), ("exists", True), ("exists_kind", True), ("exists_cited", True)):
        if key in contract and (m := contract[key].search(segment)):
            put("contract.exists", value, line.start + m.start(), line.start + m.end(), 0.8, "pattern")
    for field, rule in (("final_invoice", money["final_invoice"]), ("act_of_acceptance", money["act"])):
        if not theirs and (m := rule.search(segment)):
            put(field, True, line.start + m.start(), line.start + m.end(), 0.8, "pattern")
    if m := pats["outcome"]["finish_stage"].search(segment):
        put("outcome", "finish_stage", line.start + m.start(), line.start + m.end(), 0.7, "pattern")
    for tone, pattern in pats["tone"].items():  # in the data's order: the first tone asked for wins
        if m := pattern.search(segment):
            put("tone", tone, line.start + m.start(), line.start + m.end(), 0.7, "pattern")
    if m := next((m for rule in pats["referral"] if (m := rule.search(segment))), None):
        value = m.group("value").strip().rstrip(".,")
        # «студию «Фокус»» -> «студия «Фокус»»; «Ксении Морозовой» -> «Ксения Морозова»
        value = org_nominative(value, language) if "«" in value else nominative(value, language)  # type: ignore[arg-type]
        put("referral", value, line.start + m.start("value"), line.start + m.start("value") + len(value), 0.7, "pattern")


def find_fields(layout: Layout, pats: dict, own: list[list[Line]] | None = None, language: str = "en") -> list[Found]:
    """The fields other than people and the end date; ``own`` holds the bodies of the messages the user
    wrote (read for reasons like the notes)."""
    text = layout.text
    found: list[Found] = []
    taken: set[str] = set()

    def put(field: str, value, start: int, end: int, confidence: float, source: str) -> None:
        if field not in taken:
            taken.add(field)
            found.append(Found(field=field, value=value, start=start, end=end, confidence=confidence, source=source))

    lines = layout.lines()  # the user's notes first: they are the freshest word
    contract = pats["contract"]
    mine = {id(line) for lines in (own or []) for line in lines}  # the lines of the messages the user wrote
    users = mine | {id(line) for line in layout.notes}
    for line in lines:
        _line_fields(text, line, pats, language, put, theirs=id(line) not in users)
    if "tone" not in taken:
        # a tone only implied by how the letter is named ("a polite exit"): no line asked for one in so many words
        for line in lines:
            segment = text[line.start : line.end]
            if implied := next(((tone, m) for tone, rule in pats.get("tone_implied", {}).items() if (m := rule.search(segment))), None):
                put("tone", implied[0], line.start + implied[1].start(), line.start + implied[1].end(), 0.6, "pattern")
                break
    if "outcome" not in taken:
        # Ending everything, said in so many words ("all of it", «больше не веду»), in the user's own words.
        for line in [*layout.notes, *(line for lines in (own or []) for line in lines)]:
            if m := pats["outcome"]["full"].search(text[line.start : line.end]):
                put("outcome", "full", line.start + m.start(), line.start + m.end(), 0.6, "pattern")
                break
    project = find_project(layout, pats)
    if project:
        put("project", project.value, project.start, project.end, project.confidence, project.source)
    if not any(f.field == "contract.clause" for f in found):
        for line in lines:
            if m := contract["clause"].search(text[line.start : line.end]):
                put("contract.clause", _clause(m.group("value"), pats), line.start + m.start("value"), line.start + m.end("value"), 0.5, "pattern")
                break

    invoices = find_unpaid(layout, pats)
    if invoices:
        spans = [span for _, span in invoices]
        put("unpaid_invoices", [inv for inv, _ in invoices], min(a for a, _ in spans), max(b for _, b in spans), 0.75, "pattern")
    handover = find_handover(layout, pats, own or [])
    if handover:
        put("handover", [item for item, _ in handover], min(a for _, (a, _) in handover), max(b for _, (_, b) in handover), 0.75, "list")
    others = [[line for line in m.body if line not in m.signature] for m in layout.messages
              if _chat_message(m, text) and not any(id(line) in mine for line in m.body)]
    # the client's letters, read for what they demand when the user's notes point at them ("see below, not doing that")
    letters = [[line for line in m.body if line not in m.signature] for m in layout.messages
               if not _chat_message(m, text) and not any(id(line) in mine for line in m.body)]
    reasons = find_reasons(layout, pats, own or [], project, others, letters)
    if reasons:
        put("reasons", [r for r, _ in reasons], min(a for _, (a, _) in reasons), max(b for _, (_, b) in reasons), 0.5, "sentence")
    return found


def _chat_message(message, text: str) -> bool:
    """Whether a message is a chat's ("Kieran Walsh  9:14 PM" over it, or "[12/08/2027, 18:22] Hannah Kerr: …"
    on one line), not a letter: a chat's demands are the client's word on the work, a letter's may be anything."""
    if "chat" in message.headers:
        return True
    sender = message.headers.get("from")
    return bool(sender and message.body and set(message.headers) <= {"from", "date"}
                and "\n" not in text[sender[2] : message.body[0].start])


def find_unpaid(layout: Layout, pats: dict) -> list[tuple[dict, tuple[int, int]]]:
    """Invoices said to be unpaid: each number with the amount written after it (or the sentence's one
    amount), from sentences that say something is unpaid, or listed under a heading that says so."""
    money = pats["money"]
    text = layout.text
    out: list[tuple[dict, tuple[int, int]]] = []
    seen: set[str] = set()
    owed_list = False  # under a heading "Money owed:" / «Долги:» the lines up to a blank one list what is owed
    for line in layout.lines():
        segment = text[line.start : line.end]
        if money["owed_heading"].match(segment.strip()):
            owed_list = True
            continue
        owed_list = owed_list and bool(segment.strip())
        sentences = list(_sentences(segment, money.get("abbreviation")))
        if owed_list or len(segment) <= 160 and money["unpaid"].search(segment) and money["invoice_number"].search(segment):
            sentences = [Substring(0, len(segment), segment)]  # a short line read whole («сч. 14 … висит»)
        notes = any(line is note for note in layout.notes)
        for sentence in sentences:
            chunk = sentence.text
            if not owed_list and not money["unpaid"].search(chunk) and not (notes and _bare_invoices(chunk, money)):
                continue
            amounts = list(money["amount"].finditer(chunk))
            numbers = _with_alike(list(money["invoice_number"].finditer(chunk)), amounts, chunk)
            start = line.start + sentence.start
            if not numbers:
                if amounts and money["invoice_word"].search(chunk) and amounts[0].group().strip() not in seen:
                    seen.add(amounts[0].group().strip())
                    out.append(({"amount": written_amount(amounts[0].group().strip(), pats.get("spoken"))}, (start, start + len(chunk))))
                continue
            for i, number in enumerate(numbers):
                value = _number(number, pats.get("spoken"))
                limit = numbers[i + 1].start() if i + 1 < len(numbers) else len(chunk)
                after = [a for a in amounts if number.end() <= a.start() < limit]
                balance = next((a for a in after if _balance(a, chunk, money)), None)
                if value in seen or len(numbers) > 1 and balance is None and money["paid"].search(chunk, number.end(), limit):
                    continue  # "RD-77 £1,240 paid late, RD-81 £980 not paid": each invoice by its own words
                seen.add(value)
                amount = balance or (after[0] if after else (amounts[0] if len(amounts) == 1 and len(numbers) == 1 else None))
                amount = _corrected(amount, amounts, chunk, money)
                invoice = {"number": value}
                if amount:
                    invoice["amount"] = written_amount(amount.group().strip(), pats.get("spoken"))
                out.append((invoice, (start + number.start(), start + (amount.end() if amount else number.end()))))
    return out


def _number(match: re.Match, spoken: dict | None = None) -> str:
    """The invoice number a match holds, whichever of its groups (number, code, '#…') it is in; one said in
    words ('invoice number forty-seven') in digits."""
    group, value = next((group, value) for group, value in match.groupdict().items() if value)
    return str(spoken_number(value, spoken) or value) if spoken and group.startswith("spoken") else value


# A bare number that may be an invoice's: digits, with dashes or slashes inside.
_BARE_NUMBER = re.compile(r"(?<![\w/.,-])(?!(?:19|20)\d\d(?![\d/-]))(?P<value>\d[\d/-]*\d)(?![\w/-]|[.,]\d)")  # a year is no invoice


def _with_alike(numbers: list[re.Match], amounts: list[re.Match], chunk: str) -> list[re.Match]:
    """The invoice numbers of a sentence and the bare numbers of the same shape it lists with them
    («Счёт 2027-02 на 1 450 $ висит, 2027-03 на 980 $ тоже не оплачен»): those are invoices too."""
    # a shape that says "invoice number" (a dash or slash inside, or four digits and more), not any small number
    shapes = {shape for m in numbers if re.search(r"[/-]|0{4}", shape := re.sub(r"\d", "0", _number(m)))}
    taken = [(m.start(), m.end()) for m in (*numbers, *amounts)]
    alike = [m for m in _BARE_NUMBER.finditer(chunk) if re.sub(r"\d", "0", m.group()) in shapes
             and not any(a < m.end() and m.start() < b for a, b in taken)]
    return sorted([*numbers, *alike], key=lambda m: m.start())


def _balance(amount: re.Match, chunk: str, money: dict) -> bool:
    """An amount said to be what is left of a part-paid invoice ('£1,100 left of £2,600', 'so £2,300 is still owed',
    «остаток 42 500 руб.», «остальные 59 000 руб. не пришли»): that invoice is owed, for that amount."""
    lead, tail = money.get("balance_lead"), money.get("balance_tail")
    return bool(lead is not None and lead.search(chunk[max(0, amount.start() - 40) : amount.start()])
                or tail is not None and tail.match(chunk, amount.end()))


def _corrected(amount, amounts: list, chunk: str, money: dict):
    """An amount taken back as soon as it is said ("£1,400 no sorry £1,450", «38 тысяч, точнее 40 тысяч»,
    a voice note typed out): the amount right after the correction is the one meant."""
    rule = money.get("correction")
    said = rule.match(chunk, amount.end()) if amount is not None and rule is not None else None
    return next((a for a in amounts if said and a.start() == said.end()), amount)


def _bare_invoices(chunk: str, money: dict) -> bool:
    """A sentence of the user's notes that only lists invoices with their sums («Счёт № 88 на 21 500 ₽.»,
    «Счета: № 17 — 18 000 ₽, № 19 — 18 000 ₽»): in notes about ending the work, those are the ones owed.
    One that says anything else (paid, sent, the final one) is read by its words instead."""
    rest = money.get("bare_rest")
    if rest is None or not money["invoice_number"].search(chunk) or not money["amount"].search(chunk):
        return False
    left = money["amount"].sub(" ", money["invoice_number"].sub(" ", chunk))
    return bool(rest.fullmatch(left))


def _sentences(text: str, abbreviation: re.Pattern | None = None):
    """Sentences with their offsets; razdel knows abbreviations («руб.», "Ltd.") that a full stop does not end,
    and ``abbreviation`` those before a number it does not know («Долг: сч. 1145 — 96 000 руб.» is one sentence)."""
    from razdel import sentenize

    out: list[Substring] = []
    for sentence in sentenize(text):
        if out and abbreviation and abbreviation.search(out[-1].text) and sentence.text[:1].isdigit():
            out[-1] = Substring(out[-1].start, sentence.stop, text[out[-1].start : sentence.stop])
        else:
            out.append(sentence)
    return out
