"""What the composer reads in the user's words: phrase-bank pattern tables (reply kinds and topics, own
reasons, service markers) and the vetting of every fragment before a letter quotes it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..checker import check
from ..phrases import Phrases, load_phrases
from ..result import LeftOut
from ..rules import TokenIndex, compile_pattern, load_lexicon
from ..text import tokenize
from ..vocab import Channel, Language
from .grammar import sentences


@cache
def _compiled(language: Language, table: str):
    """A phrase-bank pattern table compiled once: a list of matchers, or matchers by name in the bank's
    order (``reply_kinds``, ``reply_topics``)."""
    lexicon = load_lexicon(language)
    if table in ("fact_filter", "third_person"):  # the fact filter's two pattern lists
        raw = load_phrases(language).fact_filter["patterns" if table == "fact_filter" else "third_person"]
    else:
        raw = getattr(load_phrases(language), table)
    if isinstance(raw, dict):
        return {name: [compile_pattern(p, lexicon) for p in patterns] for name, patterns in raw.items()}
    return [compile_pattern(p, lexicon) for p in raw]


def _matching(text: str, language: Language, table: str) -> list[str]:
    """The names of a table's entries whose patterns find something in ``text``, in the bank's order."""
    if not text.strip():
        return []
    index = TokenIndex(tokenize(text, language))
    return [name for name, patterns in _compiled(language, table).items() if any(p.find(text, index) for p in patterns)]


def classify_reply(text: str, language: Language) -> str:
    """What the client's answer does: threat, aggressive, dispute, new terms, reconsider, why, agrees —
    the first kind that matches — or ``other``."""
    return next(iter(reply_kinds(text, language)), "other")


def reply_kinds(text: str, language: Language) -> list[str]:
    """Every kind the client's answer has, in the bank's order: an angry answer may also dispute an
    invoice and ask why, and each of those still needs its answer."""
    return _matching(text, language, "reply_kinds")


def reply_topics(text: str, language: Language) -> list[str]:
    """What the client's answer asks about (the end date, the handover, money, documents, a referral), in
    the bank's order: each gets its own answer with the situation's facts."""
    return _matching(text, language, "reply_topics")


def open_questions(text: str, language: Language) -> list[str]:
    """The client's questions ("…?") that ask about none of the topics and none of the kinds the bank
    answers, or ask to choose between alternatives (a topic's stock answer picks neither): the reply promises
    to come back on them rather than pass over them, and the user is told."""
    said = sentences(text)
    questions = [(q, _with_context(q, said[i - 1] if i else "", text)) for i, q in enumerate(said) if q.rstrip().endswith("?")]
    # A question's first word offers no alternative: "Or was it the refill?" goes on from the one before it.
    return [point for q, point in questions if matches(re.sub(r"^\W*\w+", "", q), language, "choice_questions")
            or matches(q, language, "fact_questions") or not (_matching(q, language, "reply_topics") or _matching(q, language, "reply_kinds"))]


def _with_context(question: str, before: str, text: str) -> str:
    """A short question that stands on the sentence before it on its line («По счёту 212: можем закрыть двумя
    платежами … Вас так устроит?», "20 December is earlier. Is that OK?"), with that sentence: quoted alone, the
    point would not say what it asks. Its topic is still read from the question alone."""
    if len(question.split()) > 4 or not before or before.rstrip().endswith("?"):
        return question
    joined = re.search(re.escape(before) + r"[ \t]*" + re.escape(question), text)
    return joined.group() if joined else question


def reason_topics(text: str, language: Language) -> list[str]:
    """What the user's complaint is about (payments, hours, equipment, …), in the bank's order."""
    return _matching(text, language, "reason_topics")


def first_span(text: str, language: Language, table: str) -> tuple[int, int] | None:
    """Where the first pattern of a list table matches in ``text``, or None."""
    index = TokenIndex(tokenize(text, language))
    spans = [span for p in _compiled(language, table) for span in p.find(text, index)]
    return min(spans) if spans else None


def matches(text: str, language: Language, table: str) -> bool:
    """Whether any pattern of a list table (``fact_filter``, ``own_reason``, ``service_markers``) matches."""
    return first_span(text, language, table) is not None


def kept_back(text: str, language: Language, *also: str) -> bool:
    """Whether a note keeps something back ("source files stay with us", «рецепты НЕ отдаю»), or bears the mark of
    a table ``also`` names: "not ours" (``neither_party``) for a handover note; "not handing over" (``withheld``) and
    "not doing Jan/Feb leaf plucking" (``refused_work``) for what a reply must not promise."""
    return any(matches(text, language, table) for table in ("kept_back", *also))



@cache
def _shouting_only():
    """The checker's shouting rule alone, as a rule set."""
    from ..rules import RuleSet, load_rules

    return RuleSet((load_rules().by_id("shouting"),))


class Vetting:
    """Checks the user's fragments before the composer quotes them, and records what it leaves out."""

    def __init__(self, language: Language, channel: Channel, phrases: Phrases, allowed: frozenset[str] = frozenset()) -> None:
        self.language = language
        self.channel = channel
        self.phrases = phrases
        # Rules that keep nothing out in this message: «ты» where the notes ask for it.
        self.allowed = allowed
        self.left_out: list[LeftOut] = []

    def trial(self) -> Vetting:
        """A fresh vetting on the same terms, for tries that are not reported."""
        return Vetting(self.language, self.channel, self.phrases, self.allowed)

    # The client's and the contact's names keep their own spelling in any letter; every other field is
    # quoted as the letter's own words (a referral or a company often comes with a description).
    _NAMES = frozenset({"client.name", "client.contact", "sender.name"})

    def _problems(self, field: str, text: str, strict: bool, to_client: bool = False) -> list[str]:
        from ..rules.consistency import in_other_language

        report = check(text, lang=self.language, channel=self.channel)
        # The learned reader judges sentences; a handover item or a name is not one, so only the user's
        # own sentences (facts, reasons) face it.
        rules = {v.rule for v in report.violations
                 if v.end > v.start and (strict or v.severity == "error") and (strict or v.category != "tone")}
        # A fragment in the other language would make a mixed-language letter, even a two-word one.
        if field not in self._NAMES and in_other_language(text, self.language):
            rules.add("language")
        # Strict fragments (facts, reasons) are quoted as neutral events: checker rules catch the known
        # accusations, the fact filter catches any other sentence about "you" ("you underrate our reports").
        # A line the user wrote to the client to be said as it is speaks to them by design.
        if strict and not to_client and matches(text, self.language, "fact_filter"):
            rules.add("fact_filter")
        # A fact about the client in the third person ("they promised a foreman") reads, in a letter to
        # them, as a grievance file: facts are the sender's dated events only.
        if field == "facts" and matches(text, self.language, "third_person"):
            rules.add("fact_filter")
        return sorted(rules)

    def _hint(self, rules: list[str]) -> str:
        from ..rules import load_rules

        by_id = {r.id: r for r in load_rules().rules}
        return " ".join(by_id[r].suggestion[self.language] if r in by_id else self.phrases.fact_filter["hint"] for r in rules)

    def handed_over(self, items: list[str]) -> list[str]:
        """The handover notes that name something handed over; a note of what stays with the sender ("data
        eng shortlist stays with us, not shared", «исходники остаются у нас») is left out, with the reason."""
        kept = []
        for item in items:
            if self.owned(item) or self.third_party(item) or self.refund(item) or self.left_with_client(item):
                continue  # said as a step of the sender's (`owned`, `third_party`, `refund`, `left_with_client`)
            item = self._without_kept_sentences(item)
            if kept_back(item, self.language, "neither_party"):
                self.left_out.append(LeftOut(field="handover", text=item, rules=["kept_back"],
                                             hint=self.phrases.snippets["kept_back_hint"]))
            else:
                kept.append(item)
        return kept

    def _without_kept_sentences(self, item: str) -> str:
        """A note of two things, one handed over and one kept back, keeps the first: "funder research list - I'll
        export it. the Directory login is MY paid subscription, don't offer the password" hands over the list. A
        short sentence ("MINE, not handing over") speaks of the thing before it, so the note stays whole."""
        from .grammar import sentences

        parts = sentences(item)
        held = [p for p in parts if len(p.split()) >= 5
                and kept_back(p, self.language, "neither_party")]
        rest = [p for p in parts if p not in held]
        if not held or not rest or sum(len(p.split()) for p in rest) < 3:
            return item
        self.left_out.append(LeftOut(field="handover", text=" ".join(held), rules=["kept_back"],
                                     hint=self.phrases.snippets["kept_back_hint"]))
        return " ".join(rest).rstrip(" .")

    def owned(self, item: str) -> bool:
        """Whether a handover note is of the sender's own thing to take back ("portable wool press - OURS", «ящики —
        наши, забираю»); not one that leaves the choice to the client («либо оплачивает, либо забираю»)."""
        # The sender's own thing that is not handed over and not taken away ("style template is MINE - not handing
        # that over") stays where it is: kept back, no step to collect it.
        # Nor is one that already stays with the sender ("my microphone and radio are mine, they stay with me").
        return matches(item, self.language, "own_property") and not (
            (matches(item, self.language, "withheld") or matches(item, self.language, "stays_with_sender"))
            and not matches(item, self.language, "collecting"))

    def left_with_client(self, item: str) -> int | None:
        """Where the mark of the client's own thing starts in a handover note the note does nothing else with ("mower
        and trimmer in the shed - his", «учебники в шкафу — их»): the thing before it is left with them, not handed
        over. None for any other note; a note of the sender's own thing (`owned`) is for the caller to set aside."""
        if matches(item, self.language, "handing_verbs"):
            return None
        span = first_span(item, self.language, "client_owned")
        return span[0] if span and span[0] > 0 else None

    def third_party(self, item: str) -> re.Match[str] | None:
        """A handover note of someone else's thing that goes back to them, not to the client ("the band's amp -
        goes back to the band"), read for the thing and whom it goes to; None for any other."""
        m = next((m for p in self.phrases.snippets.get("third_party", []) if (m := re.match(p, item))), None)
        # «система учёта остаётся у нас — отдаём выгрузку»: a thing in the accusative after the verb is what is given,
        # not whom it goes back to.
        if m and self.language == "ru":
            from ..text import likeliest_ru

            reading = likeliest_ru(m["to"].split()[0].lower())
            if reading is not None and reading.tag.POS == "NOUN" and "accs" in reading.tag:
                return None
        return m

    def refund(self, item: str) -> re.Match[str] | None:
        """A handover note of money owed back to the client ("pro-rated refund of the January instalment - work out
        the number"), read for the refund without its notes; None for any other."""
        return re.match(self.phrases.snippets.get("refund_item", "(?!)"), item)

    def keep(self, field: str, items: list[str], strict: bool, said: Callable[[str], str] | None = None,
             to_client: bool = False, allowed: frozenset[str] = frozenset()) -> list[str]:
        """The items that pass, as typed; ``said`` gives the form the letter uses, which is what is checked
        ("make sure she's the owner" reads to the client as "make sure you are the owner"). ``to_client``: a
        line the user wrote to the client, which may say "you". ``allowed``: rules that do not keep an item out."""
        kept = []
        for item in (i.strip() for i in items):
            if not item:
                continue
            rules = [r for r in self._problems(field, said(item) if said else item, strict, to_client) if r not in allowed | self.allowed]
            if rules:
                self.left_out.append(LeftOut(field=field, text=item, rules=rules, hint=self._hint(rules)))
            else:
                kept.append(item)
        return kept

    def mended(self, field: str, items: list[str], to_client: bool = False, allowed: frozenset[str] = frozenset()) -> list[str]:
        """The items the checker objects to only by words it can mend itself ("… while the last one is still
        unpaid" → "… is unpaid"), mended. `keep` has recorded each as left out as typed, with the hint, and that record
        stays, so the user sees what was changed. Items with any finding the checker cannot mend stay out."""
        from ..fixes import apply_all

        kept = []
        for item in (i.strip() for i in items):
            report = check(item, lang=self.language, channel=self.channel)
            found = [v for v in report.violations if v.end > v.start and v.rule not in allowed | self.allowed]
            if not found or any(v.fix is None for v in found):
                continue
            fixed = apply_all(item, report)
            if fixed != item and not [r for r in self._problems(field, fixed, True, to_client) if r not in allowed | self.allowed]:
                kept.append(fixed)
        return kept

    def greeting(self, line: str, name: str) -> bool:
        """Whether the greeting line passes the tone rules; if not, the client's name is recorded as left
        out of it."""
        rules = sorted({v.rule for v in check(line, lang=self.language, channel=self.channel).violations
                        if v.category == "tone" and v.end > v.start})
        if rules:
            self.left_out.append(LeftOut(field="greeting", text=name, rules=rules, hint=self._hint(rules)))
        return not rules

    def notes(self, context: str | None, limit: int = 4) -> list[str]:
        """The user's own plans in the pasted notes ("- offer a call with Kartenwerk before Christmas"), as
        reminders in the sender's call script or meeting plan. Only bullet lines that say what to do or what
        will happen count (the bank's `note_plans`); quoted thread lines, history and grievances do not,
        and a note the checker objects to stays out, silently: the notes never go into an email."""
        kept = []
        for line in (context or "").splitlines():
            line = line.strip()
            if line[:1] not in ("-", "•", "*") or len(line) > 220:
                continue
            note = line.lstrip("-•* ").strip().rstrip(".;")
            if _is_plan(note, self.language, self.phrases) and not self._problems("notes", note, strict=True):
                kept.append(note)
        return kept[:limit]

    def in_normal_case(self, note: str) -> str:
        """A note with the words the user typed in capitals for the tool's sake ("ALL hospitality goes", «НЕ
        упоминать») in normal case, by the checker's own fix: the emphasis is the user's, not the letter's."""
        from ..fixes import apply_all

        # Only the shouting rule is run: the note faces every rule when it is vetted, in normal case.
        report = check(note, lang=self.language, channel=self.channel, rules=_shouting_only())
        return apply_all(note, report) if report.violations else note

    def one(self, field: str, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        return (self.keep(field, [value], strict=False) or [None])[0]


def _is_plan(note: str, language: Language, phrases: Phrases) -> bool:
    """A note that tells the speaker what to do ("thank her", «предложить созвон») or what will happen
    ("Stage 2 will be delivered"): its first word is an instruction of the bank's list, or, in Russian, an
    infinitive or an imperative; or it has a word of the future."""
    plans = phrases.snippets.get("note_plans", {})
    words = [w.lower().strip(",.:;!?«»\"'") for w in note.split()]
    if len(words) < 3:
        return False
    if words[0] in plans.get("skip", []):
        words = words[1:]
    if words[0] in plans.get("first", []) or any(w in plans.get("future", []) for w in words):
        return True
    if language == "ru":
        from ..text import parse_ru

        return any({"INFN"} <= p.tag.grammemes or "impr" in p.tag for p in parse_ru(words[0])[:1])
    return False
