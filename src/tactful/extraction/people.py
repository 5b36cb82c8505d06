"""Who is who in a paste: the user (sender), the person to address (contact) and the client organisation.

Names come from message headers, signatures, the user's own words ("I'm …", «Я — …», "contact: …") and,
for Russian, natasha's named-entity tagger. Whose side a name is on is decided by where it stands: a
message the user wrote (it bills, hands over or announces the end) puts its author on the sender's side
and its addressee on the client's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import Language
from .layout import Layout, Line, Message, split_name_email
from .model import Found
from .names import (
    Mention,
    domain_org,
    is_person,
    legal_nominative,
    nominative,
    org_nominative,
    russian_entities,
    same_firm,
    same_person,
    signature_parts,
    trim_person,
    without_department,
)
from .patterns import patterns


@dataclass
class Party:
    name: Mention | None
    org: Mention | None
    domain: str | None
    messages: list[Message]
    me: bool = False  # the messages a chat marks as the user's own ("Me: …", «Я: …»)


def _by_me(message: Message, pats: dict) -> bool:
    """A message whose author is written as the user themself ("Me: …" in a chat typed out, «Я: …»)."""
    rule = pats.get("self_author")
    return bool(rule and message.sender and rule.fullmatch(message.sender[0].strip()))


def _parties(layout: Layout, pats: dict, language: Language) -> list[Party]:
    parties: list[Party] = []
    for message in layout.messages:
        if _by_me(message, pats):
            mine = next((p for p in parties if p.me), None)
            if mine:
                mine.messages.append(message)
            else:
                parties.append(Party(None, None, None, [message], me=True))
            continue
        sig_name, sig_org = signature_parts(message.signature, pats, language)
        header = message.sender
        name = None
        domain = None
        if header:
            raw, domain = split_name_email(header[0])
            firm = _bracketed_firm(raw, pats, language) if domain is None else None
            if firm:
                # "Tomasz (Brightwell Lettings)", «Алина (кофейня «Зерно»)»: a chat author with their firm
                raw, sig_org = raw[: raw.find("(")].strip(), sig_org or Mention(firm[0], header[1] + firm[1], header[1] + firm[2])
            if domain is None and re.search(r"[,|]\s", raw):
                # "From: Gemma Rowlands, Operations Manager, Tidewater Kayaks Ltd" (a letter quoted without its
                # address): the header line is a signature of its own, the name first, then the role and the firm
                name, header_org = signature_parts([Line(header[1], header[2], header[0])], pats, language, named=True)
                sig_org = sig_org or header_org
            elif raw and _header_person(header[0], raw, pats, language) or raw and language == "ru" and pats["name"].search(raw) \
                    or firm and _A_NAME.fullmatch(raw):  # a chat author named beside their firm is a person
                offset = header[0].find(raw)
                name = Mention(raw, header[1] + offset, header[1] + offset + len(raw))
            elif raw and (desk := without_department(raw, pats))[0] != raw and not is_person(desk[0], pats, language):
                # 'Estates & Facilities - St Brannoc's Hospice <estates@…>', «Отдел маркетинга ТРЦ «Меридиан» <…>»: a
                # department's mailbox writes; the organisation it belongs to is the party's, over a signature's team
                offset = header[0].find(raw) + desk[1]
                sig_org = Mention(org_nominative(desk[0], language), header[1] + offset, header[1] + offset + len(desk[0]))
            elif raw and ("«" in raw or pats["legal_forms"].search(raw)) and not is_person(raw, pats, language):
                # 'От: Ресторан «Печора» <manager@…>': a firm's mailbox writes; the firm is the party's
                offset = header[0].find(raw)
                sig_org = sig_org or Mention(org_nominative(raw, language), header[1] + offset, header[1] + offset + len(raw))
        name = name or sig_name
        party = next((p for p in parties if name and p.name and same_person(p.name.value, name.value)
                      or not name and domain and p.domain == domain), None)
        if party is None:
            if sig_org is None and (org := domain_org(domain, layout.text, pats, language)) and not is_person(org.value, pats, language):
                sig_org = org  # lucy@grantstudio.com and 'Grant Studio will stop …': the party's firm
            parties.append(Party(name, sig_org, domain, [message]))
        else:
            party.messages.append(message)
            party.org = party.org or sig_org
            if name and party.name and len(name.value) > len(party.name.value) and header:
                party.name = name
    return parties


# A chat author's name: one to three capitalised words ("Tomasz", «Ефремов Дмитрий»).
_A_NAME = re.compile(r"[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){0,2}")


def _bracketed_firm(raw: str, pats: dict, language: Language) -> tuple[str, int, int] | None:
    """The firm written in brackets after an author's name ('Kerry (Pawprint Daycare)'), with its span in
    ``raw``; not a role or a note about the person ('Ben (their ops guy)', 'Ellie (me)')."""
    m = re.fullmatch(r"(?P<name>[^()]{2,40}?)\s*\((?P<org>[^()]{2,60})\)", raw.strip())
    if not m or not _A_NAME.fullmatch(m.group("name").strip()) or pats["people"]["speaker"].search(m.group("org")):
        return None
    org = m.group("org").strip()
    if is_person(org, pats, language) or pats["roles"].search(org) and not pats["legal_forms"].search(org) \
            or re.match(r"(?i)(?:me|myself|я|it'?s me|the |their |his |her |our |my |client|клиент|заказчик)", org):
        return None
    start = raw.find(org)
    return org_nominative(org, language), start, start + len(org)


def _header_person(raw: str, name: str, pats: dict, language: Language) -> bool:
    """A name in a header is a person when the name lists know it, or when its own address spells it: a rare
    first name ('Kwame Mensah <k.mensah@ledgerly.app>') is still a person whose mailbox bears their surname.
    A name in Latin letters in a Russian paste (an English thread under Russian notes) is read as English."""
    if language != "en" and re.fullmatch(r"[A-Za-z][A-Za-z .'’-]+", name):
        return _header_person(raw, name, patterns("en"), "en")
    if is_person(name, pats, language):
        return True
    local = re.search(r"([\w.+-]+)@", raw)
    words = [w.lower() for w in name.split() if len(w) >= 3]
    return bool(local and pats["name"].fullmatch(name) and 2 <= len(name.split()) <= 3
                and not pats["legal_forms"].search(name) and any(w in local.group(1).lower() for w in words))


def _writes_as_supplier(party: Party, pats: dict) -> int:
    """How much a party's messages read as the supplier's: invoices, handover, notice of ending."""
    text = "\n".join(m.text() for m in party.messages)
    said = len(pats["people"]["supplier"].findall(text)) + len(pats["money"]["invoice_number"].findall(text))
    return said - len(pats["people"]["client_voice"].findall(text))  # a complaint naming an invoice is the client's


def _putter(found: dict[str, Found]):
    def put(field: str, value, start: int, end: int, confidence: float, source: str) -> None:
        if field not in found or found[field].confidence < confidence:
            found[field] = Found(field=field, value=value, start=start, end=end, confidence=confidence, source=source)

    return put


def find_people(layout: Layout, pats: dict, language: Language) -> list[Found]:
    found: dict[str, Found] = {}
    put = _putter(found)
    organisations = _organisations(layout, pats, language)
    _markers(layout, pats, language, put, found)
    notes_name, notes_org = signature_parts(layout.notes_signature, pats, language)
    if notes_name:
        put("sender.name", notes_name.value, notes_name.start, notes_name.end, 0.8, "signature")
    if notes_org:
        put("sender.company", notes_org.value, notes_org.start, notes_org.end, 0.7, "signature")
    if "sender.name" not in found and (signed := _signed_first_name(layout, pats, language)):
        put("sender.name", signed.value, signed.start, signed.end, 0.6, "signature")
    greeted = _greeted(layout, pats, language)
    if greeted:  # the user's own letter greets the client's person ("Dear Dana,", «Добрый день, Лев Романович!»)
        put("client.contact", greeted.value, greeted.start, greeted.end, 0.6, "greeting")
    sender_party = _sides(layout, pats, language, found, put)
    short, full = found.get("sender.company"), sender_party.org if sender_party else None
    if short and full and len(full.value.split()) > len(short.value.split()) \
            and full.value.split()[: len(short.value.split())] == short.value.split():
        # "Redline is me and three engineers" over the user's own signature "Redline Fire Protection": the firm in full
        found["sender.company"] = Found(field="sender.company", value=full.value, start=full.start, end=full.end,
                                        confidence=short.confidence, source="signature")
    if sender_party is None and "sender.name" not in found and "sender.company" in found:
        _addressee_by_company(layout, found["sender.company"].value, pats, language, put)
    _fuller(layout, found, "sender.name", pats, language)
    _fuller(layout, found, "client.contact", pats, language)
    own = [*layout.notes, *(line for m in (sender_party.messages if sender_party else []) for line in (*m.body, *m.signature))]
    _entities(layout, pats, language, found, put, organisations)
    _settle(pats, language, found, put, organisations)
    _sole_trader_name(pats, language, found, put)
    _initials_in_full(layout, found, pats, language, "sender.name")
    _initials_in_full(layout, found, pats, language, "client.contact")
    solo = _solo(layout.text, own, pats, found, language)
    if solo is not None:
        put("sender.solo", solo[0], solo[1], solo[2], 0.7, "marker")
    if "client.name" not in found:
        _client_by_domain(layout, pats, language, sender_party, put)
    if "client.name" not in found and "client.contact" in found:
        contact = found["client.contact"]
        if estate := _named_after(layout, contact.value, pats):
            put("client.name", estate.value, estate.start, estate.end, 0.45, "contact")
        else:
            put("client.name", pats["title"].sub("", contact.value), contact.start, contact.end, 0.4, "contact")
    return list(found.values())


def _named_after(layout: Layout, contact: str, pats: dict) -> Mention | None:
    """A place the client's person gives their name to, where no firm is named: "the fountains at Ashcombe Park" with
    "Lady Imogen Ashcombe" deciding — the surname and one capitalised word after it, not the person's own name."""
    words = pats["title"].sub("", contact).split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z][a-z'’-]{2,}", words[-1]):
        return None
    rule = re.compile(rf"(?<![\w'’-])(?<!{re.escape(words[0])} ){re.escape(words[-1])}\s+(?P<kind>[A-Z][a-z]{{2,}})(?![\w'’-])(?!\s+[A-Z])")
    for line in layout.lines():
        segment = layout.text[line.start : line.end]
        for m in rule.finditer(segment):
            if not pats["title"].match(m.group("kind") + " ") and m.group("kind") not in words:
                return Mention(m.group(), line.start + m.start(), line.start + m.end())
    return None


def _signed_first_name(layout: Layout, pats: dict, language: Language) -> Mention | None:
    """Notes that close on a bare first name («Полина», "Nell" under a letter sent to "Nell Ashdown <…>"):
    the user signed them, in full where a header gives the whole name. A last line of one word that is no
    known first name is left alone ("Thanks", "Formal")."""
    filled = [line for line in layout.notes if line.text]
    last = filled[-1] if filled else None
    if last is None or not re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]{2,}", last.text):
        return None
    for message in layout.messages:
        to = message.headers.get("to")
        name = split_name_email(to[0])[0] if to else ""
        if name.split()[:1] == [last.text] and 2 <= len(name.split()) <= 3:
            offset = to[1] + to[0].find(name)
            return Mention(name, offset, offset + len(name))
    return Mention(last.text, last.start, last.end) if is_person(last.text, pats, language) else None


def _sole_trader_name(pats: dict, language: Language, found: dict, put) -> None:
    """A user known only as a sole trader («ИП Тихонов А. С.») is named by that: a sole trader's business
    is its owner's name."""
    company = found.get("sender.company")
    known = found.get("sender.name")
    # a first name from a chat («Рустам») gives way to the full name the sole trader's business spells
    shorter = known and company and len(known.value.split()) == 1 and known.value in company.value.split()
    trader = pats["people"]["sole_trader"].match(company.value) if company and (known is None or shorter) else None
    if trader:
        name = company.value[trader.end() :].strip()
        if is_person(name, pats, language):
            start = company.start + company.value.find(name, trader.end())
            found.pop("sender.name", None)
            put("sender.name", name, start, start + len(name), 0.5, "company")


def _markers(layout: Layout, pats: dict, language: Language, put, found: dict[str, Found]) -> None:
    """Names the user's words mark: "I'm …", "contact: …", "Client: …", "my studio …"."""
    text = layout.text
    people = pats["people"]
    # whom the letter goes to, said outright ("Martin Shaw …, letter goes to him"), before anyone else the notes name
    for line, field, rules, conf in [*((line, "client.contact", people.get("addressee", []), 0.95) for line in layout.lines()),
                                     *(group for line in layout.lines() for group in _marker_rules(line, layout, people))]:
        segment = text[line.start : line.end]
        for rule in rules:
            for m in rule.finditer(segment):
                value = re.sub(r"(?<!\b[A-ZА-ЯЁ])\.+$", "", m.group("value").strip())  # «ИП Тихонов А. С.» keeps its initial's dot
                if m.groupdict().get("nick") is not None:
                    # "Margaret (Peggy) Sowerby": the name the user goes by (group `nick`) is no part of the full name
                    cut = m.start("nick") - m.start("value")
                    value = " ".join((value[:cut] + value[cut + len(m.group("nick")) :]).split())
                if m.groupdict().get("typed") is not None:
                    # "mrs morag lindsay who decides", "trading as mcintyre piping": a name the rule finds typed in lower
                    # case (group `typed`) is written with its capitals
                    value = " ".join(word[:1].upper() + word[1:] for word in value.split())
                    if m.groupdict().get("person") is not None and not _typed_person(value, pats, language):
                        continue  # "im nadia farouk" is a name, "im just retiring" none (group `person`)
                if (named := m.groupdict().get("named")) is not None:
                    # «клиент — загородный лагерь лесная поляна»: the place's own name typed in lower case after its kind
                    # (group `named`) is written in quotes with its capital: «загородный лагерь «Лесная поляна»»
                    value = f"{value[: m.start('named') - m.start('value')].rstrip()} «{named[:1].upper()}{named[1:]}»"
                if pats["legal_forms"].fullmatch(value):
                    continue  # "ИП" alone names no one
                if field == "client.name" and ("@" in value or not any(c.isupper() or c == "«" for c in value)):
                    continue  # "Client is whoever's behind @northwind-logistics.com" names no one by itself
                if field == "sender.company":
                    me = found.get("sender.name")
                    if not pats["legal_forms"].search(value) and is_person(value, pats, language) \
                            and not (me and me.start < line.start + m.start("value") and not same_person(value, me.value)):
                        # "Jamie Cole (me)": the user's own name, not their firm; but once the user is named before it, a
                        # firm that opens on a first name is still a firm ("I'm Rhodri Vaughan-Pike, Vaughan Access Lifts, …")
                        continue
                    value = org_nominative(value, language)  # «Мы в студии «Пиксель»» -> «студия «Пиксель»»
                if field == "client.name" and (lead := people["org_preposition"].match(value)):
                    value = org_nominative(value[lead.end() :], language)  # «из «Зелёной лавки»» -> «Зелёная лавка»
                if (short := m.groupdict().get("short")) is not None:
                    # "im kev (kevin doyle on the invoices)", «я глеб, глеб ершов»: a name typed in lower case, told by
                    # the short name before it (the same first letter); written with its capitals
                    # "im sandy (alasdair mcintyre on the invoices)": a name said to be the one on paper (group `paper`)
                    # is the full one, whatever letter it opens with
                    if short[:1].lower() != value[:1].lower() and not m.groupdict().get("paper"):
                        continue
                    value = " ".join(word[:1].upper() + word[1:] for word in value.split())
                    if m.groupdict().get("surname"):
                        value = f"{value} {m.group('surname')}"  # "Kit Farrow (Christopher on the invoices)": the first name in full
                elif field.endswith("contact") and value.islower() and re.search(r"\S(?:вич|вна|ична|инична)\s", value):
                    value = " ".join(word[:1].upper() + word[1:] for word in value.split())  # «ирина викторовна зайцева»
                if field.endswith(("sender.name", "contact")):
                    value = nominative(value, language)
                    # "I'm Dev Malhotra": after the user's own words, two capitalised words are a name.
                    told = field == "sender.name" and len(value.split()) >= 2 and not pats["legal_forms"].search(value)
                    # «Я — это Лапин» under a letter from «Сергей Лапин <…>»: a word of a header's name is a name
                    told = told or field == "sender.name" and value in _header_words(layout)
                    # whom the letter goes to, said outright ("Their operations director, Adaeze Nwosu, is the one to write
                    # to"): a name there though the name lists miss it
                    told = told or field == "client.contact" and conf >= 0.95 and 2 <= len(value.split()) <= 4 \
                        and pats["name"].fullmatch(value) is not None and not pats["legal_forms"].search(value)
                    # "Kerry-Ann is the GM, she's who I write to" over a chat of Kerry-Ann Boateng's: a first name the names
                    # lists miss is a name there when a header or a chat's author gives it
                    told = told or field == "client.contact" and conf >= 0.95 and value in _header_words(layout)
                    if not told and not is_person(value, pats, language):
                        value = trim_person(value, pats, language)
                        if not value:
                            continue
                start = line.start + m.start("value")
                # the value's end in the text: where the match ends when the value was rewritten shorter ("Margaret (Peggy) Sowerby")
                said_end = m.end("value") if named is not None or m.groupdict().get("nick") is not None else m.start("value") + len(value)
                put(field, value, start, line.start + said_end, conf, "marker")
                if field == "sender.name" and segment[said_end:].lstrip()[:1] in (",", "|", "—", "–", "-", "("):
                    # "Sign it Ella Marsh, Marsh Social.", "Sender: Hamid Karimi (Hamid Karimi Photography, …)"
                    said = _who_i_am(segment[said_end:], pats, language)
                    _, org = signature_parts([Line(line.start + said_end, line.start + said_end + len(said), said)], pats, language, named=True)
                    if org and not ((own := pats["people"].get("not_company")) and own.search(org.value)):  # «…, у меня ИП»
                        put("sender.company", org.value, org.start, org.end, 0.8, "marker")


def _typed_person(value: str, pats: dict, language: Language) -> bool:
    """Words typed in lower case that are a person's name once capitalised: a known first name that is no common
    word of the language ("Nadia Farouk", not "Just Retiring" or "The Waller", which a names list also knows)."""
    if not is_person(value, pats, language):
        return False
    if language == "ru":
        return True
    from lemminflect import getAllLemmas

    return not getAllLemmas(value.split()[0].lower())


def _marker_rules(line: Line, layout: Layout, people: dict) -> list[tuple]:
    """The marker rules read on a line, by field: "Dean here." opens a letter of anyone's, so only in the
    user's notes does it name the user."""
    own = people.get("sender_notes", []) if any(line is note for note in layout.notes) else []
    return [(line, "sender.name", [*people.get("sender_spelled", []), *people["sender"], *own], 0.9), (line, "client.contact", people["contact"], 0.9),
            (line, "client.name", people["client"], 0.85), (line, "sender.company", people["sender_company"], 0.85)]


def _header_words(layout: Layout) -> set[str]:
    """The words of the names a thread's headers give (From, To, Cc)."""
    return {word for message in layout.messages for key in ("from", "to", "cc") if key in message.headers
            for word in split_name_email(message.headers[key][0])[0].split()}


def _who_i_am(rest: str, pats: dict, language: Language) -> str:
    """What follows the user's name and still says who they are: the brackets right after it ("Hamid Karimi
    (Hamid Karimi Photography, …)"; "Dan (me) and Olivia from Bloom Yoga" says no more), else up to the
    sentence's end («Я Тимур Валиев, директор. Клиент — ООО …») and before a clause that tells what the user
    does («я Денис Крылов, флорист, с 2025 года оформляю … (ООО «Берег»)» names the client's firm)."""
    if rest.lstrip().startswith("("):
        close = rest.find(")")
        return rest[: close + 1] if close != -1 else rest
    stop = re.search(r"[.!?](?:\s|$)", rest)
    rest = rest[: stop.start()] if stop else rest
    for part in re.finditer(r"[^,(]+", rest):
        clause = part.group()
        if re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", clause) or pats["people"]["speaker"].search(clause) \
                or language == "ru" and any(_first_person_verbs(clause)):
            # "…, Lakshmanan Furnace & Lifting Ltd - we're a team of 12": the firm before a dash still says who the user is
            if (dash := re.search(r"\s[-—–]\s", clause)) and dash.start() > 0 and not pats["people"]["speaker"].search(clause[: dash.start()]) \
                    and not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", clause[: dash.start()]):
                return rest[: part.start() + dash.start()].rstrip(" ,(")
            return rest[: part.start()].rstrip(" ,(")
    return rest


def _organisations(layout: Layout, pats: dict, language: Language) -> list[Mention]:
    """Every organisation named by its legal form or trade ("Calloway Brewing Co.", «ООО «Вектор»»), in
    reading order; one a referral names ("recommend Tallis Software") is not a candidate for the client."""
    text = layout.text
    people = pats["people"]
    out: list[Mention] = []
    subjects = [Line(s[1], s[2], s[0]) for m in layout.messages if (s := m.headers.get("subject"))]
    for line in [*layout.lines(), *subjects]:  # "Subject: Fenwick Tea Co – SEO retainer" names the client too
        segment = text[line.start : line.end]
        referred = [(m.start(), m.end()) for rule in pats["referral"] for m in rule.finditer(segment)]
        found = [m for rule in people["organisation"] for m in rule.finditer(segment)]
        for m in sorted(found, key=lambda m: m.start("value")):
            value = m.group("value").strip().rstrip(".,")
            start = m.start("value")
            while lead := people["org_lead"].match(value):
                value, start = value[lead.end() :], start + lead.end()
            if len(value) < 3 or any(a <= start < b for a, b in referred) or pats["greeting"].match(value + ",") \
                    or is_person(value, pats, language):
                continue
            if (slip := people.get("corrected")) and slip.match(segment, start + len(value)):
                continue  # "Brightline Sports Lighting - no, hang on, that's the other lot": a name taken back
            # «для студии растяжки «Гибкость»» names the studio in the nominative; the span stays the text's.
            named = org_nominative(value, language)
            if language == "ru" and (form := pats["people"].get("declined_after")) and form.search(segment[:start]) \
                    and pats["people"]["legal_entity"].match(value):
                named = legal_nominative(value)  # «от ООО «Северной верфи»» -> «ООО «Северная верфь»»
            out.append(Mention(named, line.start + start, line.start + start + len(value)))
    return out


def _sides(layout: Layout, pats: dict, language: Language, found: dict, put) -> Party | None:
    """The thread's parties: the one that writes as the supplier (or is the user named) is the sender's
    side, whom it wrote to is the contact; the other party's name and organisation are the client's."""
    parties = _parties(layout, pats, language)
    sender_party = next((p for p in parties if p.me), None)
    if sender_party is None and "sender.name" in found:
        sender_party = next((p for p in parties if p.name and same_person(p.name.value, found["sender.name"].value)), None)
    contact = found.get("client.contact")
    if sender_party is None and contact and len(parties) == 2:
        # "Это переписка с Ириной": of two sides, the one that is not the contact is the user's.
        theirs = [p for p in parties if p.name and same_person(p.name.value, contact.value)]
        if not theirs and (domain := _copied_domain(layout, contact.value)):
            # the contact the notes name is no author, but is copied on the thread from one side's mail domain ('Cc: Peter
            # Szabo <peter.szabo@nhs.net>' beside Graham Oyelaran's <…@nhs.net>): that side is the client's
            theirs = [p for p in parties if p.domain == domain]
        sender_party = next((p for p in parties if p not in theirs), None) if len(theirs) == 1 else None
    if sender_party is None and len(parties) == 2 and not any("to" in m.headers for p in parties for m in p.messages):
        # A chat of two where one author is saved with their firm («Лариса (Зоогостиница «Хвосты»)») and the
        # other by name alone: the firm is the client's, the other author is the user.
        firms = [p for p in parties if p.org]
        sender_party = next((p for p in parties if p not in firms and p.name), None) if len(firms) == 1 else None
    if sender_party is None and len(parties) == 2 and layout.notes:
        # Two sides of a thread under the user's notes that speak of one of them by name ('Harold can have the drum service
        # records', «Игорю Львовичу передадим …»): that one is the client's, the other side is the user's own letter.
        notes = "\n".join(layout.text[line.start : line.end] for line in layout.notes)
        spoken = [p for p in parties if p.name and _named_in(p.name.value, notes, pats["people"].get("handed_to"))]
        sender_party = next(p for p in parties if p not in spoken) if len(spoken) == 1 and all(p.name for p in parties) else None
    company = found.get("sender.company")
    if sender_party is None and company and len(parties) >= 2:
        # the firm the notes give as the user's («Мы — ООО «ТермоЛинияСервис»») signs one side's letters: that side is the user's
        ours = [p for p in parties if p.org and same_firm(p.org.value, company.value)]
        sender_party = ours[0] if len(ours) == 1 else None
    supplier = {id(p): _writes_as_supplier(p, pats) for p in parties}
    if sender_party is None and len(parties) >= 2:
        ranked = sorted(parties, key=lambda p: supplier[id(p)], reverse=True)
        if supplier[id(ranked[0])] > supplier[id(ranked[1])]:
            sender_party = ranked[0]
    if sender_party is None and len(parties) == 1 and "sender.name" not in found and supplier[id(parties[0])] >= 2:
        sender_party = parties[0]  # one voice that bills and hands over: the user's own message
    for party in parties:
        if party is sender_party:
            for message in party.messages:  # whom the user wrote to is the client's person
                to = message.headers.get("to")
                name, domain = split_name_email(to[0]) if to else ("", None)
                if domain is None:
                    name = re.split(r"\s*[,|]\s", name)[0]  # 'To: Ingrid Halvorsen, CFO': the name before the role
                if name and _header_person(to[0], name, pats, language):
                    offset = to[0].find(name)
                    put("client.contact", name, to[1] + offset, to[1] + offset + len(name), 0.7, "header")
                if (org := domain_org(domain, layout.text, pats, language)) and not is_person(org.value, pats, language):
                    put("client.name", org.value, org.start, org.end, 0.55, "domain")  # mark@brewandbean.com: 'Brew & Bean'
            if party.name and not _fuller_known(found.get("sender.name"), party.name.value):
                put("sender.name", party.name.value, party.name.start, party.name.end, 0.7, "header")
            if party.org:
                put("sender.company", party.org.value, party.org.start, party.org.end, 0.7, "signature")
            continue
        if sender_party is None and len(parties) > 1 and "sender.name" not in found:
            continue  # two sides and no way to tell which is the user's: better nothing than a wrong side
        if party.name and not _fuller_known(found.get("client.contact"), party.name.value):
            put("client.contact", party.name.value, party.name.start, party.name.end, 0.75, "header")
        if sender_party is None and len(parties) == 1 and supplier[id(party)] < 0:
            _addressee_is_user(party, pats, language, put)  # a complaint or a demand: the client wrote it
        if sender_party is None and len(parties) == 1:
            _addressed_firm(party, pats, language, put)
        if party.org:
            put("client.name", party.org.value, party.org.start, party.org.end, 0.7, "signature")
    return sender_party


def _copied_domain(layout: Layout, contact: str) -> str | None:
    """The mail domain of the contact where a header of the thread (To, Cc) gives their address."""
    for message in layout.messages:
        for key in ("to", "cc"):
            value = message.headers.get(key)
            for part in re.finditer(r"[^,;<>]+<[^<>]+>", value[0]) if value else []:
                name, domain = split_name_email(part.group())
                if domain and name and same_person(name, contact):
                    return domain
    return None


def _named_in(name: str, text: str, handed: re.Pattern | None) -> bool:
    """Whether ``text`` hands things to the person, named by a word of their name in any case («Игорю» for «Игорь»),
    the words after it as ``handed`` reads them ('Harold can have …', «Игорю Львовичу передадим …»)."""
    if handed is None:
        return False
    words = [w for w in re.findall(r"[^\W\d_]{4,}", name)]
    return any(handed.match(text, m.end()) for w in words
               for m in re.finditer(r"(?<![\w-])" + re.escape(w[: max(4, len(w) - 1)]) + r"[^\W\d_]*", text))


def _fuller_known(known: Found | None, name: str) -> bool:
    """Whether the notes already name this person more fully ('Tomasz Nowak' for a chat's 'Tomasz')."""
    return bool(known and len(known.value.split()) > len(name.split()) and same_person(known.value, name))


def _addressee_is_user(party: Party, pats: dict, language: Language, put) -> None:
    """The client's letter pasted alone: whom it was sent to ('To: Sam Price') is the user."""
    for message in party.messages:
        to = message.headers.get("to")
        name = split_name_email(to[0])[0] if to else ""
        if name and is_person(name, pats, language) and not (party.name and same_person(name, party.name.value)):
            offset = to[0].find(name)
            put("sender.name", name, to[1] + offset, to[1] + offset + len(name), 0.5, "header")
            return


def _addressed_firm(party: Party, pats: dict, language: Language, put) -> None:
    """The client's letter sent to a firm ('To: Мастерская «Корешок» <info@…>'): the user's firm."""
    for message in party.messages:
        to = message.headers.get("to")
        name = split_name_email(to[0])[0] if to else ""
        if name and pats["legal_forms"].search(name) and not is_person(name, pats, language) \
                and not (party.org and same_person(name, party.org.value)):
            offset = to[0].find(name)
            put("sender.company", org_nominative(name, language), to[1] + offset, to[1] + offset + len(name), 0.5, "header")
            return


def _client_by_domain(layout: Layout, pats: dict, language: Language, sender_party: Party | None, put) -> None:
    """A client the notes know only by an e-mail address ('whoever's behind @northwind-logistics.com')."""
    own = sender_party.domain if sender_party else None
    for line in layout.notes:
        for m in pats["mail_domain"].finditer(layout.text[line.start : line.end]):
            org = domain_org(m.group("value"), layout.text, pats, language, line.start + m.start("value")) if m.group("value") != own else None
            if org and not is_person(org.value, pats, language):
                put("client.name", org.value, org.start, org.end, 0.45, "domain")
                return


def _addressee_by_company(layout: Layout, company: str, pats: dict, language: Language, put) -> None:
    """The client's letter sent to an address that spells the user's firm ('To: Ines Carvalho
    <ines@redkite-security.com>' under 'we're Redkite Security'): that addressee is the user."""
    letters = re.sub(r"[\W_]+", "", pats["legal_forms"].sub("", company)).lower()
    if len(letters) < 4:
        return
    for message in layout.messages:
        to = message.headers.get("to")
        name, domain = split_name_email(to[0]) if to else ("", None)
        if name and domain and letters in re.sub(r"[\W_]+", "", domain.rsplit(".", 1)[0]).lower() \
                and _header_person(to[0], name, pats, language):
            offset = to[0].find(name)
            put("sender.name", name, to[1] + offset, to[1] + offset + len(name), 0.55, "header")
            return


# A first name and patronymic written out («Алла Витальевна», «Галине Николаевне»).
_NAME_PATRONYMIC = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+(?:вн|вич|ичн|чн|ич)[а-яё]{0,3})(?![\w-])")


def _initials_in_full(layout: Layout, found: dict[str, Found], pats: dict, language: Language, field: str) -> None:
    """A person given by initials («Мартынюк А. В.», «Климов Д. О.») whom the paste names in full elsewhere —
    a first name and patronymic with those initials («Алла Витальевна»), or a header with that surname and
    first initial («Климов Денис <…>») — is named in full; the span stays where the initials are."""
    person = found.get(field)
    if person is None or not pats["people"]["initials"].match(person.value):
        return
    initials = re.findall(r"([A-ZА-ЯЁ])\.", person.value)
    surname = re.sub(r"(?:[A-ZА-ЯЁ]\.\s*)+", " ", person.value).strip()
    surname = pats["title"].sub("", surname).strip()
    if not initials or not surname or " " in surname:
        return
    for message in layout.messages:
        for key in ("from", "to", "cc"):
            if key in message.headers:
                name = split_name_email(message.headers[key][0])[0]
                words = name.split()
                if 2 <= len(words) <= 3 and surname in words and any(w[0] == initials[0] for w in words if w != surname):
                    found[field] = person.model_copy(update={"value": name})
                    return
    if language != "ru" or len(initials) != 2:
        return
    for m in _NAME_PATRONYMIC.finditer(layout.text):
        if (m.group(1)[0], m.group(2)[0]) == (initials[0], initials[1]):
            full = nominative(f"{m.group(1)} {m.group(2)}", language)
            value = f"{surname} {full}" if person.value.startswith(surname) else f"{full} {surname}"
            found[field] = person.model_copy(update={"value": value})
            return


def _fuller(layout: Layout, found: dict[str, Found], field: str, pats: dict, language: Language = "en") -> None:
    """A user who signs with a first name ("Marco"), or a contact the notes call by it ("chat with Leo") or
    greet by title and surname ("Dear Ms Okwu"), is named in full where the thread gives the whole name
    ("To: Marco Bellini <…>", "Leo Conti: …", "Adaeze Okwu <…> wrote:"), or where the notes write that first
    name with a surname ("I'm Gemma by the way Gemma Lowry")."""
    person = found.get(field)
    if person is None:
        return
    bare = pats["title"].sub("", person.value).strip()
    if len(bare.split()) > 1 or not bare:
        return
    other = found.get("client.contact" if field == "sender.name" else "sender.name")
    for message in layout.messages:
        for key in ("from", "to", "cc"):
            if key in message.headers:
                raw, start, _ = message.headers[key]
                name = re.sub(r"\s*\([^()]*\)$", "", split_name_email(raw)[0])  # 'Tomasz (Brightwell Lettings)'
                if bare in name.split() and 1 < len(name.split()) <= 3 and not (other and same_person(name, other.value)):
                    offset = start + raw.find(name)
                    found[field] = person.model_copy(update={"value": name, "start": offset, "end": offset + len(name)})
                    return
    if bare != person.value:
        # "Dear Ms Okwu", "the letter should go to Mr Forsyth": a surname, named in full where the notes give a
        # first name before it ("the bursar, Mr Neil Forsyth")
        for line in layout.notes:
            segment = layout.text[line.start : line.end]
            if m := re.search(rf"(?<![\w-])(?!(?:Dr|Prof|Mr|Mrs|Ms|Miss|Mx)\b)[A-Z][a-z'’-]+\s+{re.escape(bare)}(?![\w-])", segment):
                if is_person(m.group(), pats, language) and not (other and same_person(m.group(), other.value)):
                    found[field] = person.model_copy(update={"value": m.group(), "start": line.start + m.start(), "end": line.start + m.end()})
                    return
        return
    for line in layout.notes:
        segment = layout.text[line.start : line.end]
        for m in re.finditer(rf"(?<![\w-]){re.escape(bare)}\s+([A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)(?![\w-])", segment):
            name = m.group()
            if is_person(name, pats, language) and not (other and same_person(name, other.value)) \
                    and not pats["legal_forms"].search(m.group(1)):
                found[field] = person.model_copy(update={"value": name, "start": line.start + m.start(), "end": line.start + m.end()})
                return


def _settle(pats: dict, language: Language, found: dict, put, organisations: list[Mention]) -> None:
    """Drop the misreadings: the client that is the sender's own company, the contact who is the sender,
    a contact no letter can greet; a client marked by a person's name gives way to their organisation."""
    own = found.get("sender.company")
    if "client.name" in found and own and same_firm(found["client.name"].value, own.value):
        del found["client.name"]
    if "client.contact" in found and "sender.name" in found and same_person(found["client.contact"].value, found["sender.name"].value):
        del found["client.contact"]
    if "client.contact" in found:
        from ..address import addressee

        contact = found["client.contact"].value
        if not addressee("-", contact, language).person and not pats["people"]["initials"].match(contact):
            del found["client.contact"]  # better a neutral greeting than a wrong one
    me = found.get("sender.name")
    # In brackets right after the user's own name ("I'm Rebecca Sow (Bex)", "Owen Pryce (Spoke & Chain)") is
    # a nickname or the user's firm, never the client.
    others = [o for o in organisations if not (own and same_person(o.value, own.value))
              and not (me and 0 <= o.start - me.end <= 3) and not (me and _own_sole_trader(o.value, me.value, pats))]
    # A legal entity (ООО «Медлайн-Юг», "… Ltd") over the trade name it trades under ("сеть клиник «Добрый доктор»").
    others.sort(key=lambda o: not pats["people"]["legal_entity"].search(o.value))
    client = found.get("client.name")
    if client and others and is_person(client.value, pats, language):
        # "Client: Dr Helen Abara (private practice, Abara Physiotherapy)": the practice is the client.
        put("client.contact", client.value, client.start, client.end, 0.8, "marker")
        del found["client.name"]
    if others:
        put("client.name", others[0].value, others[0].start, others[0].end, 0.6, "entity")


def _own_sole_trader(org: str, me: str, pats: dict) -> bool:
    """A sole trader bearing the user's surname («ИП Галиева Д. Р.» beside «Диляра Галиева») is the user's
    own business, never the client."""
    m = pats["people"]["sole_trader"].match(org)
    surname = org[m.end() :].split()[:1] if m else []
    return bool(surname) and any(len(w) >= 4 and w[:5].lower() == surname[0][:5].lower() for w in me.split())


def own_messages(layout: Layout, people: list[Found], pats: dict | None = None) -> list[list[Line]]:
    """The bodies of the thread's messages the user wrote (their author is the sender found, or a chat
    writes them as the user's own: "Me: …")."""
    sender = next((f.value for f in people if f.field == "sender.name"), None)
    out = []
    for message in layout.messages:
        author = split_name_email(message.sender[0])[0] if message.sender else ""
        if sender and author and same_person(author, sender) or pats is not None and _by_me(message, pats):
            out.append([line for line in message.body if line not in message.signature])
    return out


def _greeted(layout: Layout, pats: dict, language: Language) -> Mention | None:
    """The person a greeting near the top of the user's own text names ("Half-written: / Dear Mr Jenkins,")."""
    filled = [line for line in layout.notes if layout.text[line.start : line.end].strip()][:6]
    for first in filled:
        segment = layout.text[first.start : first.end]
        indent = len(segment) - len(segment.lstrip())
        m = pats["greeting"].match(segment.lstrip())
        if m and is_person(m.group("value").strip(), pats, language):
            value = m.group("value").strip()
            start = first.start + indent + m.start("value")
            return Mention(value, start, start + len(value))
    return None


def _entities(layout: Layout, pats: dict, language: Language, found: dict, put, organisations: list[Mention]) -> None:
    """Names the markers and headers missed: natasha's entities in Russian, known first names in English.
    The first person who is not the sender becomes the contact; the first organisation, the client."""
    text = layout.text
    if not any(line.text for line in layout.notes):
        return
    base = layout.notes[0].start
    sender = found.get("sender.name")
    sender_company = found.get("sender.company")
    if language == "ru":
        entities = russian_entities(text[base : layout.notes[-1].end])
        referred = [(line.start + m.start(), line.start + m.end()) for line in layout.notes
                    for rule in pats["referral"] for m in rule.finditer(text[line.start : line.end])]
        for kind, value, start, end in entities:
            if "\n" in (raw := text[base + start : base + end]):  # a name ends with its line: 'Mark Jensen' over 'Producer, …'
                raw = raw[: raw.index("\n")].rstrip()
                value, end = (" ".join(value.split()[: len(raw.split())]), start + len(raw)) if raw else (value, end)
            if any(a <= base + start < b for a, b in referred):
                continue  # «могу порекомендовать студию «Фокус»»: the referral, not the client
            if kind == "PER" and "client.contact" not in found and not (sender and same_person(value, sender.value)) \
                    and not (sender_company and same_person(value, sender_company.value)):  # «ИП Гусейнов Р. А.» is the user
                if len(value.split()) >= 2:
                    put("client.contact", value, base + start, base + end, 0.5, "entity")
            if kind == "ORG" and "client.name" not in found and not (sender_company and same_person(value, sender_company.value)) \
                    and not any(same_person(value, o.value) for o in organisations) and len(value) > 3:
                put("client.name", value, base + start, base + end, 0.5, "entity")
        return
    for line in layout.notes:
        segment = text[line.start : line.end]
        referred = [(m.start(), m.end()) for rule in pats["referral"] for m in rule.finditer(segment)]
        for m in pats["person"].finditer(segment):
            value = re.sub(r"['’]s$", "", m.group())
            if "client.contact" in found:
                return
            if sender and same_person(value, sender.value) or not is_person(value, pats, language) \
                    or any(a <= m.start() < b for a, b in referred):  # 'point them to Idris Okonjo': the referral
                continue
            put("client.contact", value, line.start + m.start(), line.start + m.end(), 0.5, "entity")


def _solo(text: str, own: list[Line], pats: dict, found: dict, language: Language) -> tuple[bool, int, int] | None:
    """Whether the user works alone: a team or solo word anywhere, a sole trader's company, else how the
    user's own words speak — mostly "we" (in Russian also the verbs: «передаём», «заканчиваем») is a team."""
    people = pats["people"]
    # A team said in so many words wins over a solo word (a referral may be "a freelancer").
    for rule in people["team"]:
        if m := rule.search(text):
            return False, m.start(), m.end()
    for rule in people["solo"]:
        if m := rule.search(text):
            return True, m.start(), m.end()
    company = found.get("sender.company")
    if company and pats["people"]["sole_trader"].match(company.value):
        return True, company.start, company.end
    words = "\n".join(text[line.start : line.end] for line in own)
    we, i = len(people["we"].findall(words)), len(people["i"].findall(words))
    plural = 0
    if language == "ru":
        plural, single = _first_person_verbs(words)
        we, i = we + plural, i + single
    if we >= 3 and we > i and (company or we >= 2 * i + 2):
        where = company or next((line for line in own if people["we"].search(text[line.start : line.end])), own[0])
        return False, where.start, where.end
    if not people["we_subject"].search(words) and not plural and i >= 4:  # a letter or notes all in "I", never "we": the user works alone
        where = next((line for line in own if people["i"].search(text[line.start : line.end])), own[0])
        return True, where.start, where.end
    return None


def _first_person_verbs(text: str) -> tuple[int, int]:
    """Russian verbs in the first person: plural («передаём», «закончим») and singular («передам»)."""
    from ..text import parse_ru

    plural = single = 0
    for word in re.findall(r"[а-яё]{3,}", text.lower()):
        parses = parse_ru(word)
        tag = parses[0].tag if parses else None
        if tag is not None and "1per" in tag and tag.POS == "VERB":
            plural, single = (plural + 1, single) if "plur" in tag else (plural, single + 1)
    return plural, single
