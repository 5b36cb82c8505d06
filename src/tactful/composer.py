"""The guideline composer: the embedded, offline drafting backend.

It writes a message from the phrase banks in ``guidelines/phrases`` with jinja2 — deterministic, instant
and private. The user's own fragments (facts, names, handover items) are used only when they pass the
checker; the rest is reported back as `LeftOut` so the user can reword it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from .checker import check
from .drafts import CallContent, Draft, DraftTone, EmailContent, LeftOut, MeetingContent, Reaction
from .models import Channel, Language
from .phrases import Phrases, load_phrases
from .resources import data_dir
from .rules import TokenIndex, compile_pattern, load_lexicon
from .situation import Situation
from .text import tokenize

_QUOTES = "«»\"“”'„"


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
    env.filters["items"] = jinja2.pass_context(lambda ctx, xs: join_items(list(xs), load_phrases(ctx["language"]).labels["and"]))
    return env


@cache
def _classifiers(language: Language, table: str):
    """Compiled patterns of a phrase-bank table (``categories`` or ``reply_kinds``) by name."""
    lexicon = load_lexicon(language)
    patterns_by_name = getattr(load_phrases(language), table)
    return {name: [compile_pattern(p, lexicon) for p in patterns] for name, patterns in patterns_by_name.items()}


def classify_reply(text: str, language: Language) -> str:
    """What the client's answer does: threat, aggressive, dispute, reconsider, why — or ``other``."""
    if not text.strip():
        return "other"
    index = TokenIndex(tokenize(text, language))
    return next(
        (name for name, patterns in _classifiers(language, "reply_kinds").items() if any(p.find(text, index) for p in patterns)),
        "other",
    )


@cache
def _fact_filter(language: Language):
    lexicon = load_lexicon(language)
    patterns = [compile_pattern(p, lexicon) for p in load_phrases(language).fact_filter["patterns"]]

    def matches(text: str) -> bool:
        index = TokenIndex(tokenize(text, language))
        return any(p.find(text, index) for p in patterns)

    return matches


def classify_reason(situation: Situation, language: Language) -> str:
    """Which kind of reason the user's words point to (scope, payment, ... or ``fit`` when unclear)."""
    text = "\n".join([*situation.reasons, *situation.facts])
    if not text.strip():
        return "fit"
    index = TokenIndex(tokenize(text, language))
    scores = {name: sum(len(p.find(text, index)) for p in patterns) for name, patterns in _classifiers(language, "categories").items()}
    best = max(scores, key=lambda name: scores[name])  # ties keep the bank's order
    return best if scores[best] else "fit"


def format_date(date: dt.date, phrases: Phrases) -> str:
    return phrases.date_format.format(day=date.day, month=phrases.months[date.month - 1], year=date.year)


def count_days(n: int, language: Language, phrases: Phrases) -> str:
    """'30 days' / '30 дней': Russian agreement with the number comes from pymorphy3, not a table."""
    if language == "ru":
        from .text import _morph

        word = _morph().parse(phrases.units["day"][0])[0].make_agree_with_number(n).word
        return f"{n} {word}"
    singular, plural = phrases.units["day"]
    return f"{n} {singular if n == 1 else plural}"


def join_items(items: list[str], conjunction: str) -> str:
    """'a, b and c' — the way both languages list things."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _gender(name: str, language: Language) -> str | None:
    """Grammatical gender of a Russian first name ('femn'/'masc'), for «Уважаемая/Уважаемый»."""
    if language != "ru" or not name.split():
        return None
    from .text import parse_ru

    for parse in parse_ru(name.split()[0]):
        if "Name" in parse.tag and parse.tag.gender in ("femn", "masc"):
            return parse.tag.gender
    return None


class Composer:
    """The embedded backend: one draft per call, no network, the same output for the same input."""

    name = "composer"
    model: str | None = None

    def compose(
        self, situation: Situation, channel: Channel, language: Language, tone: DraftTone = "formal"
    ) -> tuple[Draft, list[LeftOut]]:
        context, p, left_out = self._context(situation, channel, language, tone)
        content = self._content(channel, context, p, load_phrases(language), tone)
        return Draft(channel=channel, language=language, tone=tone, content=content), left_out

    def compose_reply(
        self, situation: Situation, client_reply: str, language: Language, tone: DraftTone = "formal"
    ) -> tuple[Draft, list[LeftOut]]:
        """A calm email answering the client's push-back: acknowledge, restate the terms, propose to
        close, offer the handover; a mediator only as a last resort when the client threatens."""
        context, p, left_out = self._context(situation, "email", language, tone)
        context["kind"] = classify_reply(client_reply, language)
        subject = self._content("email", context, p, load_phrases(language), tone).subject
        context["subject"] = subject
        body = _environment().get_template("reply.j2").render(**context)
        content = EmailContent(subject=p("reply.subject"), body=_tidy(body))
        return Draft(channel="email", language=language, tone=tone, content=content), left_out

    def _context(self, situation: Situation, channel: Channel, language: Language, tone: DraftTone):
        """The template variables for a situation, the snippet renderer, and what was left out."""
        phrases = load_phrases(language)
        vetted = _Vetting(language, channel, phrases)
        facts = vetted.keep("facts", situation.facts, strict=True)
        vetted.keep("reasons", situation.reasons, strict=True)  # classified, never quoted: report only
        contact = vetted.one("client.contact", situation.client.contact)
        client = vetted.one("client.name", situation.client.name) or ""
        project = vetted.one("project", (situation.project or "").strip(_QUOTES) or None)
        referral = vetted.one("referral", situation.referral)
        handover = vetted.keep("handover", situation.handover, strict=False)
        sender_name = vetted.one("sender.name", situation.sender.name)
        sender_company = vetted.one("sender.company", situation.sender.company)

        name = contact or client
        is_company = not contact and any(
            w.strip(_QUOTES + ".,").lower() in phrases.company_markers for w in client.split()
        )
        clause = vetted.one("contract.clause", (situation.contract.clause or "").strip() or None)
        notice_days = situation.contract.notice_days
        end = situation.end_date
        # An end date before the notice period is over cannot be announced as formal notice.
        notice_short = bool(end and notice_days and (end - dt.date.today()).days < notice_days)
        context: dict[str, Any] = {
            "name": "" if is_company else name,
            "first_name": "" if is_company else name.split()[0] if name else "",
            "client": client,
            "team_greeting": is_company or not name,
            "gender": _gender(name, language) if not is_company else None,
            "project": project,
            "end_date": format_date(situation.end_date, phrases) if situation.end_date else None,
            "clause": clause,
            "notice_days": notice_days,
            "invoice": situation.final_invoice,
            "act": situation.act_of_acceptance,
            "notice_short": notice_short,
            "notice_key": "short" if notice_short else
            ("clause_days" if notice_days else "clause") if clause else ("days" if notice_days else "none"),
            "documents_key": {(True, True): "all", (True, False): "invoice", (False, True): "act", (False, False): "none"}[
                (situation.final_invoice, situation.act_of_acceptance)
            ],
            "handover": handover,
            "referral": referral,
            "facts": facts,
            "outcome": situation.outcome,
            "tone": tone,
            "language": language,
            "sender_name": sender_name,
            "sender_company": sender_company,
        }
        env = _environment()

        def p(key: str) -> str:
            snippet = phrases.get(key, tone)
            return env.from_string(snippet).render(**context).strip() if isinstance(snippet, str) else snippet

        context["p"] = p
        context["reason"] = phrases.get(f"reason.{classify_reason(situation, language)}")
        return context, p, vetted.left_out

    def _content(self, channel: Channel, context: dict[str, Any], p, phrases: Phrases, tone: DraftTone):
        if channel == "email":
            body = _environment().get_template("email.j2").render(**context)
            return EmailContent(subject=p(f"subject.{context['outcome']}"), body=_tidy(body))
        decision = f"{p('decision.' + context['outcome'])} {context['reason']}"
        steps = [
            p("notice_call"),  # spoken: the written notice follows the conversation
            p("timeline." + ("dated" if context["end_date"] else "undated")),
            p("handover" if context["handover"] else "handover_generic"),
            p("documents." + context["documents_key"]),
            p("alternative." + ("referral" if context["referral"] else "generic")),
        ]
        if tone != "brief":
            steps.append(p("transition"))
        reactions = [Reaction(client=r["client"], answer=r["answer"]) for r in phrases.get("reactions")]
        if tone == "brief":
            reactions = reactions[:3]
        if channel == "call":
            return CallContent(
                opening=p("call.opening"),
                key_message=f"{p('gratitude')} {decision}",
                points=steps,
                reactions=reactions,
                closing=p("call.closing"),
                follow_up=p("call.follow_up"),
            )
        render = _environment().from_string
        return MeetingContent(
            agenda=[render(a).render(**context) for a in phrases.get("meeting.agenda")],
            talking_points=[p("meeting.greeting"), p("gratitude"), decision, *steps],
            # A document the situation does not have is left off the list, not named.
            documents=[d for d in (render(d).render(**context) for d in phrases.get("meeting.documents")) if d],
            reactions=reactions,
            closing=p("meeting.closing"),
        )


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
        if strict and _fact_filter(self.language)(text):
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

    def one(self, field: str, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        return (self.keep(field, [value], strict=False) or [None])[0]
