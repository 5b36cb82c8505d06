"""The guideline composer: the embedded, offline drafting backend.

It writes a message from the phrase banks in ``guidelines/phrases`` with jinja2 — deterministic, instant
and private. The user's own fragments (facts, names, handover items) are used only when they pass the
checker; the rest is reported back as `LeftOut` so the user can reword it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from .address import addressee, is_organisation, is_solo
from .checker import check
from .message import CallContent, Draft, EmailContent, MeetingContent, Reaction
from .phrases import Phrases, load_phrases
from .resources import data_dir
from .result import LeftOut
from .rules import TokenIndex, compile_pattern, load_lexicon
from .situation import Situation
from .text import tokenize
from .vocab import Channel, Language, Tone
from .wording import format_date, inflect_phrase, plain_name


@cache
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("prompts") / "composer")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    # The filters read the language from the render context, so one shared environment serves
    # concurrent drafts in different languages.
    env.filters["days"] = jinja2.pass_context(lambda ctx, n: count_days(int(n), ctx["language"], load_phrases(ctx["language"])))
    env.filters["items"] = jinja2.pass_context(lambda ctx, xs: join_items(list(xs), load_phrases(ctx["language"])))
    env.filters["sentences"] = lambda parts: " ".join(part for part in parts if part)
    env.filters["spoken"] = jinja2.pass_context(lambda ctx, amount: spoken_amount(amount, load_phrases(ctx["language"])))
    env.filters["answer"] = jinja2.pass_context(lambda ctx, topic: ctx["p"](f"reply.topics.{topic}"))
    return env


@cache
def _compiled(language: Language, table: str):
    """A phrase-bank pattern table compiled once: a list of matchers, or matchers by name in the bank's
    order (``reply_kinds``, ``reply_topics``)."""
    lexicon = load_lexicon(language)
    raw = getattr(load_phrases(language), table)
    if table == "fact_filter":
        raw = raw["patterns"]
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
    return next(iter(_matching(text, language, "reply_kinds")), "other")


def reply_topics(text: str, language: Language) -> list[str]:
    """What the client's answer asks about (the end date, the handover, money, documents, a referral), in
    the bank's order: each gets its own answer with the situation's facts."""
    return _matching(text, language, "reply_topics")


def _matches(text: str, language: Language, table: str) -> bool:
    """Whether any pattern of a list table (``fact_filter``, ``own_reason``, ``service_markers``) matches."""
    index = TokenIndex(tokenize(text, language))
    return any(p.find(text, index) for p in _compiled(language, table))


def count_days(n: int, language: Language, phrases: Phrases) -> str:
    """'30 days' / '30 дней': Russian agreement with the number comes from pymorphy3, not a table."""
    if language == "ru":
        from .text import _morph

        word = _morph().parse(phrases.units["day"][0])[0].make_agree_with_number(n).word
        return f"{n} {word}"
    singular, plural = phrases.units["day"]
    return f"{n} {singular if n == 1 else plural}"


def spoken_amount(amount: str, phrases: Phrases) -> str:
    """'GBP 1,450' or '£1,450' as it is said: '1,450 pounds'; an amount without a known code stays."""
    for code, word in phrases.spoken_currency.items():
        if code in amount:
            number = amount.replace(code, "").strip()
            if number:
                return f"{number} {word}"
    return amount


def join_items(items: list[str], phrases: Phrases) -> str:
    """'a, b and c' — the way both languages list things; in English 'keys and the fob, and the checklist'
    when an item has its own 'and', so the list does not read as one long chain."""
    if len(items) == 1:
        return items[0]
    conjunction = phrases.labels["and"]
    nested = phrases.nested_list_comma and any(f" {conjunction} " in item for item in items)
    last = f", {conjunction} " if nested else f" {conjunction} "
    return f"{', '.join(items[:-1])}{last}{items[-1]}"


def _sentence(text: str, phrases: Phrases) -> str:
    """A user's fragment as sentences of the letter: capital first letters, a full stop at the end, and a
    comma that joins two whole sentences ("we are closing the studio, both partners are retiring") made
    a full stop."""
    text = text.strip()
    if phrases.comma_splice:
        parts = re.split(phrases.comma_splice, text, flags=re.IGNORECASE)
        text = ". ".join(part[:1].upper() + part[1:] for part in parts)
    return text[:1].upper() + text[1:] + ("" if text[-1:] in ".!?" else ".")


class Composer:
    """The embedded backend: one draft per call, no network, the same output for the same input."""

    name = "composer"
    model: str | None = None

    def compose(
        self, situation: Situation, channel: Channel, language: Language, tone: Tone = "formal"
    ) -> tuple[Draft, list[LeftOut]]:
        context, p, left_out = self._context(situation, channel, language, tone)
        content = self._content(channel, context, p, load_phrases(language), tone)
        draft = Draft(channel=channel, language=language, tone=tone, content=content)
        # A contact typed as something no sentence can carry ("D:D+D!") makes lines the tone rules reject
        # wherever it is named: the message then speaks to the client without the name.
        name = context["formal_name"] if context["person"] else ""
        hostile = name and sorted({v.rule for v in check(draft.text(), lang=language, channel=channel).violations
                                   if v.category == "tone" and name in v.excerpt})
        if hostile:
            context["person"] = False
            left_out.append(LeftOut(field="client.contact", text=name, rules=hostile, hint=""))
            draft = Draft(channel=channel, language=language, tone=tone,
                          content=self._content(channel, context, p, load_phrases(language), tone))
        return draft, left_out

    def compose_reply(
        self, situation: Situation, client_reply: str, language: Language, tone: Tone = "formal"
    ) -> tuple[Draft, list[LeftOut]]:
        """A calm email answering the client's push-back: acknowledge, restate the terms, propose to
        close, offer the handover; a mediator only as a last resort when the client threatens."""
        context, p, left_out = self._context(situation, "email", language, tone)
        context["kind"] = classify_reply(client_reply, language)
        context["topics"] = reply_topics(client_reply, language)
        subject = self._content("email", context, p, load_phrases(language), tone).subject
        context["subject"] = subject
        body = _environment().get_template("reply.j2").render(**context)
        content = EmailContent(subject=p("reply.subject"), body=_tidy(body))
        return Draft(channel="email", language=language, tone=tone, content=content), left_out

    def _context(self, situation: Situation, channel: Channel, language: Language, tone: Tone):
        """The template variables for a situation, the snippet renderer, and what was left out."""
        phrases = load_phrases(language)
        vetted = _Vetting(language, channel, phrases)
        facts = vetted.keep("facts", situation.facts, strict=True)
        reasons = vetted.keep("reasons", situation.reasons, strict=True)
        contact = vetted.one("client.contact", situation.client.contact)
        client = vetted.one("client.name", situation.client.name) or ""
        description = vetted.one("project", situation.project_name or situation.project)
        referral = vetted.one("referral", situation.referral)
        handover = vetted.keep("handover", situation.handover, strict=False)
        sender_name = vetted.one("sender.name", situation.sender.name)
        sender_company = vetted.one("sender.company", situation.sender.company)

        who = addressee(client, contact, language)
        solo = is_solo(situation.sender, language)
        # The name and the description both tell a service ("the copywriting" for "monthly newsletters").
        named_as = " ".join(filter(None, [situation.project_name, situation.project]))
        work = situation.work or ("service" if named_as and _matches(named_as, language, "service_markers") else "project")
        # A long description is the user's brief, not a name ("conversion of a warehouse into 14 loft
        # apartments"): the letter then says "our work together" instead of quoting it.
        named = description if description and (situation.project_name or _short_name(description, phrases)) else None
        project = plain_name(named, language) if named else None
        clause = vetted.one("contract.clause", (situation.contract.clause or "").strip() or None)
        notice_days = situation.contract.notice_days
        contract = situation.contract.written
        end = situation.end_date
        end_date = format_date(end, language) if end else None
        # An end date before the notice period is over cannot be announced as formal notice.
        today = dt.date.today()
        notice_short = bool(end and notice_days and (end - today).days < notice_days)
        if notice_short:
            notice_key = "short"
        elif contract:
            notice_key = ("clause_days" if notice_days else "clause") if clause else ("days" if notice_days else "contract")
        else:
            notice_key = "none"
        sender = addressee(sender_name, None, language) if sender_name else None
        work_stopped = any(_matches(note, language, "work_stopped") for note in [*situation.facts, *situation.reasons])
        accusatives = [_accusative(item, language) for item in handover]
        follows = situation.channel if channel == "email" and situation.channel != "email" else None
        news = situation.reason_kind in phrases.decision_news_for
        # The recommended name without the user's description ("Sam O'Connor, an event photographer I trust").
        referral_name = referral.partition(", ")[0] if referral else None
        context: dict[str, Any] = {
            "person": who.person and bool(who.formal),
            "formal_name": who.formal,
            "familiar_name": who.familiar,
            "formal_name_datv": who.inflected("datv") if who.person and who.formal else "",
            "patronymic": bool(who.patronymic),
            "title_given": who.title_given,
            "gender": who.gender,
            "organisation": who.organisation,
            "solo": solo,
            "work": work,
            "project_work": _project_work(project, work, phrases) if project else None,
            "end_date": end_date,
            # An end date inside the notice period is proposed, not announced with the decision.
            "decision_date": None if notice_short else end_date,
            "outcome": situation.outcome,
            # Two years or more together: the thanks say "over the years".
            "long_relationship": (situation.relationship_months or 0) >= 24,
            "news": news,
            # An email asked for a situation planned as a call or a meeting is the written follow-up to it.
            "follows": follows,
            "decision_key": "decision." + ("followup." if follows else "news." if news else "") + situation.outcome,
            "work_stopped": work_stopped,
            "timeline_key": "timeline."
            + ("stopped" if work_stopped else "proposed" if notice_short else "dated" if end_date else "undated"),
            "clause": clause,
            "notice_days": notice_days,
            "notice_short": notice_short,
            "notice_key": notice_key,
            "contract": contract,
            "act": situation.act_of_acceptance,
            "invoice": situation.final_invoice,
            "documents_key": {(True, True): "act_invoice", (True, False): "act", (False, True): "invoice", (False, False): "none"}[
                (situation.act_of_acceptance, situation.final_invoice)
            ],
            "unpaid": [
                {"number": i.number, "amount": i.amount, "due": _due(i.due, language, phrases)}
                for i in situation.unpaid_invoices
            ],
            "handover": handover,
            # After "we will hand over:" a Russian list takes the accusative; elsewhere items stay as typed.
            "handover_bullets": [a or item for a, item in zip(accusatives, handover)],
            "handover_accs": _object_list(accusatives, phrases),
            "handover_spoken": _object_list(accusatives[:2], phrases),
            "handover_more": len(handover) > 2,
            "referral": referral,
            "referral_name": referral_name,
            "referral_accs": _referral_object(referral, language) if referral else None,
            # A recommended business is "colleagues", a recommended person "a colleague".
            "referral_group": bool(referral_name) and is_organisation(referral_name, language),
            "facts": facts if situation.include_facts else [],
            "tone": tone,
            "language": language,
            "sender_name": sender_name,
            "sender_first": (sender.first or sender_name) if sender and sender.person else sender_name,
            "sender_company": sender_company,
            "owner": sender_name or phrases.labels["you"],
        }
        env = _environment()
        voice = "i" if solo else "we"

        def render(snippet: Any) -> Any:
            """A snippet in the draft's tone and voice, rendered; a list renders item by item, empty ones dropped."""
            snippet = Phrases.resolve(snippet, tone, voice)
            if isinstance(snippet, list):
                return [out for out in (env.from_string(s).render(**context).strip() for s in snippet) if out]
            return env.from_string(snippet).render(**context).strip() if isinstance(snippet, str) else snippet

        def p(key: str) -> Any:
            return render(phrases.get(key, tone, voice))

        context["p"] = p
        context["render"] = render
        # A client name is kept as typed, but a greeting it makes must still read as a greeting: one the
        # tone rules object to ("Dear <:A 000AAA team,") gives way to a neutral one.
        if who.organisation and not context["person"] and not vetted.greeting(p("greeting"), client):
            context["organisation"] = ""
        # The user's reason is quoted when it is the sender's own plan ("we are moving to product work") and
        # speaks of no one else; any other reason (usually the grievance behind it) gives way to the bank.
        own = [r for r in reasons if _matches(r, language, "own_reason") and not _matches(r, language, "not_own_reason")]
        context["reason"] = " ".join(_sentence(r, phrases) for r in own) if own else p(f"reason.{situation.reason_kind or 'fit'}")
        return context, p, vetted.left_out

    def _content(self, channel: Channel, context: dict[str, Any], p, phrases: Phrases, tone: Tone):
        if channel == "email":
            body = _environment().get_template("email.j2").render(**context)
            return EmailContent(subject=p(f"subject.{context['outcome']}"), body=_tidy(body))
        # A reaction with a `when` (a jinja expression over the context) is only likely in such situations:
        # no invoice dispute where nothing is invoiced, no "old terms" when the sender is closing down.
        env = _environment()
        reactions = [Reaction(client=r["client"], answer=context["render"](r["answer"])) for r in phrases.get("reactions")
                     if "when" not in r or env.compile_expression(r["when"])(**context)]
        if tone == "brief":
            reactions = reactions[:3]
        if channel == "call":
            points = [p("notice_call"), p("call.points.timeline"), p("call.points.handover"), p("call.points.documents"),
                      p("call.points.unpaid"), p("call.points.referral")]
            return CallContent(
                opening=f"{p('call.opening')} {p('call.not_now')}",
                key_message=f"{p('call.news')} {context['reason']}",
                pause=f"{p('call.pause')} {p('call.listen')}",
                points=[point for point in points if point],
                reactions=reactions,
                closing=p("call.closing"),
                follow_up=p("call.follow_up"),
            )
        return MeetingContent(
            objective=p("meeting.objective"),
            attendees=p("meeting.attendees"),
            timebox=p("meeting.timebox"),
            agenda=p("meeting.agenda"),
            talking_points=p("meeting.talking_points"),
            decisions=p("meeting.decisions"),
            # A document the situation does not have is left off the list, not named.
            documents=p("meeting.documents"),
            reactions=reactions,
            closing=p("meeting.closing"),
            follow_up=p("meeting.follow_up"),
        )


def _project_work(project: str, work: str, phrases: Phrases) -> str | None:
    """The work named after 'thank you for our…': the bank gives the case and the frame per kind of work
    (Russian «работу над проектом дома», «работу по бухгалтерскому сопровождению»)."""
    case, frame, *common = phrases.get(f"project_work.{work}")
    inflected = inflect_phrase(project, case) if case else project
    if not inflected:
        return None
    first, _, rest = inflected.partition(" ")
    typed_article = bool(rest) and first.lower() in phrases.articles
    if typed_article:  # "the IT support": the frame brings its own article ("your IT support")
        inflected = rest
    return (common[0] if common and (typed_article or inflected[:1].islower()) else frame).format(inflected)


def _short_name(description: str, phrases: Phrases) -> bool:
    """A description short enough to serve as the work's name in a sentence: up to the bank's number of
    words besides short prepositions («в», "of"), no digits, no clauses."""
    words = [w for w in description.split() if len(w) > 2]
    return len(words) <= phrases.name_max_words and not any(ch.isdigit() or ch in ",;:" for ch in description)


def _due(date: dt.date | None, language: Language, phrases: Phrases) -> str:
    """When to pay an open invoice: by its due date, or as soon as possible (an issued invoice is due)."""
    if date is None or date < dt.date.today():
        return phrases.labels["asap"]
    return phrases.labels["due_by"].format(date=format_date(date, language))


def _accusative(item: str, language: Language) -> str | None:
    """A handover item as the object of 'we will hand over' — Russian in the accusative, each coordinated
    part ("пароли и схема сети") on its own; None when a part cannot be inflected."""
    if language != "ru":
        return item
    whole = inflect_phrase(item, "accs", things=True)  # «схема света и фона»: the «и» is inside the complement
    if whole is not None:
        return whole
    parts = re.split(r"(,\s+|\s+и\s+)", item)
    # A part with no Russian word ("DWG", "PDF") does not decline and stays as written.
    inflected = [part if i % 2 or not re.search(r"[а-яё]", part, re.I) else inflect_phrase(part, "accs", things=True)
                 for i, part in enumerate(parts)]
    return "".join(inflected) if all(p is not None for p in inflected) else None


def _referral_object(referral: str, language: Language) -> str | None:
    """Russian: «бухгалтера Наталью Горбунову (ведёт ИП на упрощёнке)» — the name as the object of
    'recommend', the user's description in brackets; None when the name cannot be inflected."""
    if language != "ru":
        return None
    name, _, description = referral.partition(", ")
    inflected = inflect_phrase(name, "accs")
    if inflected is None:
        return None
    return f"{inflected} ({description.strip()})" if description.strip() else inflected


def _object_list(accusatives: list[str | None], phrases: Phrases) -> str | None:
    """Handover items (from `_accusative`) as one object of 'we will hand over', or None when one could
    not be inflected (the speaker then says 'all materials' and the email lists them as bullets)."""
    if not accusatives or None in accusatives:
        return None
    return join_items([a for a in accusatives if a], phrases)


def _tidy(text: str) -> str:
    """Collapse the blank lines that optional template blocks leave behind."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


class _Vetting:
    """Checks the user's fragments before the composer quotes them, and records what it leaves out."""

    def __init__(self, language: Language, channel: Channel, phrases: Phrases) -> None:
        self.language = language
        self.channel = channel
        self.phrases = phrases
        self.left_out: list[LeftOut] = []

    # The client's and the contact's names keep their own spelling in any letter; every other field is
    # quoted as the letter's own words (a referral or a company often comes with a description).
    _NAMES = frozenset({"client.name", "client.contact", "sender.name"})

    def _problems(self, field: str, text: str, strict: bool) -> list[str]:
        from .rules.consistency import in_other_language

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
        if strict and _matches(text, self.language, "fact_filter"):
            rules.add("fact_filter")
        return sorted(rules)

    def _hint(self, rules: list[str]) -> str:
        from .rules import load_rules

        by_id = {r.id: r for r in load_rules().rules}
        return " ".join(by_id[r].suggestion[self.language] if r in by_id else self.phrases.fact_filter["hint"] for r in rules)

    def keep(self, field: str, items: list[str], strict: bool) -> list[str]:
        kept = []
        for item in (i.strip() for i in items):
            if not item:
                continue
            rules = self._problems(field, item, strict)
            if rules:
                self.left_out.append(LeftOut(field=field, text=item, rules=rules, hint=self._hint(rules)))
            else:
                kept.append(item)
        return kept

    def greeting(self, line: str, name: str) -> bool:
        """Whether the greeting line passes the tone rules; if not, the client's name is recorded as left
        out of it."""
        rules = sorted({v.rule for v in check(line, lang=self.language, channel=self.channel).violations
                        if v.category == "tone" and v.end > v.start})
        if rules:
            self.left_out.append(LeftOut(field="greeting", text=name, rules=rules, hint=self._hint(rules)))
        return not rules

    def one(self, field: str, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        return (self.keep(field, [value], strict=False) or [None])[0]
