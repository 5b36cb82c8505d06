"""Who is who in a paste: the user (sender), the person to address (contact) and the client organisation.

Names come from message headers, signatures, the user's own words ("I'm …", «Я — …», "contact: …") and,
for Russian, natasha's named-entity tagger. Whose side a name is on is decided by where it stands: a
message the user wrote (it bills, hands over or announces the end) puts its author on the sender's side
and its addressee on the client's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..models import Language
from .layout import Layout, Line, Message, split_name_email
from .model import Found


@dataclass
class Mention:
    value: str
    start: int
    end: int


def _key(name: str) -> set[str]:
    """Comparable stems of a name's words: 'Хабибуллина А. Р.' and 'Альфия Ринатовна Хабибуллина' share one."""
    return {w.lower()[:5] for w in re.findall(r"[^\W\d_]{3,}", name)}


def same_person(a: str, b: str) -> bool:
    return bool(_key(a) & _key(b))


@cache
def _natasha():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

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
            out.append((span.type, span.normal or span.text, span.start, span.stop))
    return out


def nominative(name: str, language: Language) -> str:
    """A Russian name as the subject of a sentence: «Олегу Дмитриевичу Кравцу» -> «Олег Дмитриевич Кравец».
    Each word that pymorphy3 reads as a first name, patronymic or surname in another case is put in the
    nominative; any other word (and every English name) stays as written."""
    if language != "ru":
        return name
    from ..text import parse_ru

    words = []
    for word in name.split():
        parses = [p for p in parse_ru(word) if {"Name", "Patr", "Surn"} & set(p.tag.grammemes)]
        parse = parses[0] if parses else None
        if parse is None or any("nomn" in p.tag for p in parses):  # «Дёмина» may already be the nominative
            words.append(word)
            continue
        normal = parse.inflect({"nomn"})
        words.append(normal.word.capitalize() if normal else word)
    return " ".join(words)


def _is_person(text: str, pats: dict, language: Language) -> bool:
    text = text.strip()
    if pats["legal_forms"].search(text):
        return False
    if language == "ru":
        from ..address import addressee

        # A first name alone («Тамара») is a person too; the name pattern wants two words.
        single = re.fullmatch(r"[А-ЯЁ][а-яё]+", text) is not None
        return (single or bool(pats["name"].fullmatch(text))) and addressee(text, None, "ru").person
    if not pats["name"].fullmatch(text):
        return False
    first = pats["title"].sub("", text).split()[0]
    return _detector().get_gender(first) != "unknown" or text != first and bool(pats["title"].match(text))


@cache
def _detector():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def _signature_parts(message_signature: list[Line], pats: dict, language: Language) -> tuple[Mention | None, Mention | None]:
    """The name (the fullest one: "Lukas" then "Lukas Brenner") and the organisation in a signature block:
    a part with a legal form or a trade word, else the last part that is not a job title."""
    name = org = None
    spare: Mention | None = None
    for line in message_signature:
        parts = [part for part in re.split(r"\s*[,|]\s+|\s+[–—-]\s+|\s*\(", line.text) if part.strip(" )")]
        for part in parts:
            part = part.strip().strip("()").strip()
            start = line.start + max(line.text.find(part), 0)
            mention = Mention(part, start, start + len(part))
            words, known = set(part.split()), set(name.value.split()) if name else set()
            if _is_person(part, pats, language) and (name is None or words <= known or known <= words):
                if name is None or len(part) > len(name.value):
                    name = mention
                continue  # another name after the person's may be the business ("Nadia Roberts | Roberts Copy")
            if pats["roles"].search(part) or len(part) > 60 or re.search(r"[@+\d]{3,}|www\.|https?:", part):
                continue  # a job title, a sentence or a phone number, not the organisation
            if org is None and pats["legal_forms"].search(part):
                org = mention
            elif _title_case(part) and not pats["greeting"].match(part + ","):
                spare = mention
    return name, org or (spare if name else None)


def _title_case(part: str) -> bool:
    """Two or more words, most of them capitalised: how an organisation's name is written."""
    words = [w for w in part.split() if len(w) > 2]
    capitals = [w for w in words if w[0].isupper() or w[0] in "«\""]
    return len(part.split()) >= 2 and len(capitals) * 10 >= len(words) * 7


@dataclass
class Party:
    name: Mention | None
    org: Mention | None
    domain: str | None
    messages: list[Message]


def _parties(layout: Layout, pats: dict, language: Language) -> list[Party]:
    parties: list[Party] = []
    for message in layout.messages:
        sig_name, sig_org = _signature_parts(message.signature, pats, language)
        header = message.sender
        name = None
        domain = None
        if header:
            raw, domain = split_name_email(header[0])
            if raw and _is_person(raw, pats, language) or raw and language == "ru" and pats["name"].search(raw):
                offset = header[0].find(raw)
                name = Mention(raw, header[1] + offset, header[1] + offset + len(raw))
        name = name or sig_name
        party = next((p for p in parties if name and p.name and same_person(p.name.value, name.value)
                      or not name and domain and p.domain == domain), None)
        if party is None:
            parties.append(Party(name, sig_org, domain, [message]))
        else:
            party.messages.append(message)
            party.org = party.org or sig_org
            if name and party.name and len(name.value) > len(party.name.value) and header:
                party.name = name
    return parties


def _writes_as_supplier(party: Party, pats: dict) -> int:
    """How much a party's messages read as the supplier's: invoices, handover, notice of ending."""
    text = "\n".join(m.text() for m in party.messages)
    return len(pats["people"]["supplier"].findall(text)) + len(pats["money"]["invoice_number"].findall(text))


def find_people(layout: Layout, pats: dict, language: Language) -> list[Found]:
    text = layout.text
    people = pats["people"]
    found: dict[str, Found] = {}

    def put(field: str, value, start: int, end: int, confidence: float, source: str) -> None:
        if field not in found or found[field].confidence < confidence:
            found[field] = Found(field=field, value=value, start=start, end=end, confidence=confidence, source=source)

    scope = [layout.notes, *(m.body for m in layout.messages)]
    organisations: list[Mention] = []  # any organisation by its legal form, in reading order
    for lines in scope:
        for line in lines:
            segment = text[line.start : line.end]
            for rule in people["organisation"]:
                for m in rule.finditer(segment):
                    value = m.group("value").strip().rstrip(".")
                    organisations.append(Mention(value, line.start + m.start("value"), line.start + m.start("value") + len(value)))
            for field, rules, conf in (("sender.name", people["sender"], 0.9), ("client.contact", people["contact"], 0.9),
                                       ("client.name", people["client"], 0.85), ("sender.company", people["sender_company"], 0.85)):
                for rule in rules:
                    for m in rule.finditer(segment):
                        value = m.group("value").strip().rstrip(".")
                        if pats["legal_forms"].fullmatch(value):
                            continue  # "ИП" alone names no one
                        if field.endswith(("sender.name", "contact")):
                            value = nominative(value, language)
                        if field.endswith(("sender.name", "contact")) and not _is_person(value, pats, language):
                            value = _trim_person(value, pats, language)
                            if not value:
                                continue
                        put(field, value, line.start + m.start("value"), line.start + m.start("value") + len(value), conf, "marker")
                        if field == "sender.name":
                            rest = Line(line.start + m.start("value") + len(value), line.end, segment[m.start("value") + len(value):])
                            _, org = _signature_parts([rest], pats, language)
                            if org:
                                put("sender.company", org.value, org.start, org.end, 0.8, "marker")

    notes_name, notes_org = _signature_parts(layout.notes_signature, pats, language)
    if notes_name:
        put("sender.name", notes_name.value, notes_name.start, notes_name.end, 0.8, "signature")
    if notes_org:
        put("sender.company", notes_org.value, notes_org.start, notes_org.end, 0.7, "signature")

    greeted = _greeted(layout, pats, language)
    if greeted:  # the user's own letter greets the client's person ("Dear Dana,", «Добрый день, Лев Романович!»)
        put("client.contact", greeted.value, greeted.start, greeted.end, 0.6, "greeting")

    parties = _parties(layout, pats, language)
    sender_party = None
    if "sender.name" in found:
        sender_party = next((p for p in parties if p.name and same_person(p.name.value, found["sender.name"].value)), None)
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
                name = split_name_email(to[0])[0] if to else ""
                if name and _is_person(name, pats, language):
                    offset = to[0].find(name)
                    put("client.contact", name, to[1] + offset, to[1] + offset + len(name), 0.7, "header")
            if party.name:
                put("sender.name", party.name.value, party.name.start, party.name.end, 0.7, "header")
            if party.org:
                put("sender.company", party.org.value, party.org.start, party.org.end, 0.7, "signature")
            continue
        if sender_party is None and len(parties) > 1 and "sender.name" not in found:
            continue  # two sides and no way to tell which is the user's: better nothing than a wrong side
        if party.name:
            put("client.contact", party.name.value, party.name.start, party.name.end, 0.75, "header")
        if party.org:
            put("client.name", party.org.value, party.org.start, party.org.end, 0.7, "signature")

    _entities(layout, pats, language, found, put)
    # A client organisation that is the sender's own, or a contact who is the sender, is a misreading.
    if "client.name" in found and "sender.company" in found and same_person(found["client.name"].value, found["sender.company"].value):
        del found["client.name"]
    if "client.contact" in found and "sender.name" in found and same_person(found["client.contact"].value, found["sender.name"].value):
        del found["client.contact"]
    # A contact the letter cannot greet by name is no contact: better a neutral greeting than a wrong one.
    if "client.contact" in found:
        from ..address import addressee

        if not addressee("-", found["client.contact"].value, language).person:
            del found["client.contact"]
    if "client.name" not in found:
        own = found.get("sender.company")
        other = next((o for o in organisations if not (own and same_person(o.value, own.value))), None)
        if other:
            put("client.name", other.value, other.start, other.end, 0.55, "entity")
    solo = _solo(text, pats, found)
    if solo is not None:
        put("sender.solo", solo[0], solo[1], solo[2], 0.7, "marker")
    if "client.name" not in found and "client.contact" in found:
        contact = found["client.contact"]
        put("client.name", pats["title"].sub("", contact.value), contact.start, contact.end, 0.4, "contact")
    return list(found.values())


def own_messages(layout: Layout, people: list[Found]) -> list[list[Line]]:
    """The bodies of the thread's messages the user wrote (their author is the sender found)."""
    sender = next((f.value for f in people if f.field == "sender.name"), None)
    if not sender:
        return []
    out = []
    for message in layout.messages:
        author = split_name_email(message.sender[0])[0] if message.sender else ""
        if author and same_person(author, sender):
            out.append([line for line in message.body if line not in message.signature])
    return out


def _greeted(layout: Layout, pats: dict, language: Language) -> Mention | None:
    """The person a greeting on the first line of the user's own text names."""
    first = next((line for line in layout.notes if layout.text[line.start : line.end].strip()), None)
    if first is None:
        return None
    segment = layout.text[first.start : first.end]
    indent = len(segment) - len(segment.lstrip())
    m = pats["greeting"].match(segment.lstrip())
    if not m or not _is_person(m.group("value").strip(), pats, language):
        return None
    value = m.group("value").strip()
    start = first.start + indent + m.start("value")
    return Mention(value, start, start + len(value))


def _trim_person(value: str, pats: dict, language: Language) -> str | None:
    """The leading name of a longer capture ('Marcus Feld Is' -> 'Marcus Feld'), if any."""
    words = value.split()
    for n in range(len(words), 1, -1):
        candidate = " ".join(words[:n])
        if _is_person(candidate, pats, language):
            return candidate
    return None


def _entities(layout: Layout, pats: dict, language: Language, found: dict, put) -> None:
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
        for kind, value, start, end in entities:
            if kind == "PER" and "client.contact" not in found and not (sender and same_person(value, sender.value)):
                if len(value.split()) >= 2:
                    put("client.contact", value, base + start, base + end, 0.5, "entity")
            if kind == "ORG" and "client.name" not in found and not (sender_company and same_person(value, sender_company.value)):
                if pats["legal_forms"].search(value) or len(value) > 3:
                    put("client.name", value, base + start, base + end, 0.5, "entity")
        return
    # An organisation named in the notes by its trade or legal form ("Pebblestone Press", "Calloway
    # Brewing Co.") that is not the user's own is the client.
    organisation = re.compile(r"\b[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|&)){0,4}\s+" + pats["legal_forms"].pattern + r"\.?")
    for line in layout.notes:
        for m in organisation.finditer(text[line.start : line.end]):
            value = m.group().strip()
            if not (sender_company and same_person(value, sender_company.value)) and not pats["greeting"].match(value + ","):
                put("client.name", value, line.start + m.start(), line.start + m.start() + len(value), 0.6, "entity")
                break
    for line in layout.notes:
        segment = text[line.start : line.end]
        for m in pats["person"].finditer(segment):
            value = m.group()
            if "client.contact" in found:
                return
            if sender and same_person(value, sender.value) or not _is_person(value, pats, language):
                continue
            put("client.contact", value, line.start + m.start(), line.start + m.end(), 0.5, "entity")


def _solo(text: str, pats: dict, found: dict) -> tuple[bool, int, int] | None:
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
    # A user with a company who mostly says "we" writes for a team.
    we, i = len(people["we"].findall(text)), len(people["i"].findall(text))
    if company and we >= 3 and we > i:
        return False, company.start, company.end
    return None
