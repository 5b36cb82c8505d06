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

from ..address import (
    addressee,
    asks_informal,
    courtesy_titled,
    names_person,
    reply_signer,
    voiced,
)
from ..checker import check
from ..message import CallContent, Draft, EmailContent, MeetingContent, Reaction
from ..phrases import Phrases, load_phrases
from ..resources import templates
from ..result import LeftOut
from ..situation import Situation
from ..vocab import Channel, Language, Tone
from ..wording import format_date
from .context import (
    build_context,
    foreseen,
    handover_context,
    referral_name,
    said_from,
    said_item,
    steps_said,
    to_addressee,
    words_in_common,
)
from .grammar import (
    count_days,
    dates_in_words,
    in_list,
    join_items,
    sentences,
    spoken_amount,
    sum_named,
    tidy,
    without_year,
)
from .informal import content_familiar
from .requests import (
    Request,
    client_requests,
    days_named,
    is_person_in_dative,
    unavailable_days,
)
from .said import each_said
from .vetting import (
    Vetting,
    classify_reply,
    kept_back,
    matches,
    open_questions,
    reply_kinds,
    reply_topics,
)

__all__ = ["Composer", "classify_reply", "count_days", "join_items", "reply_topics", "spoken_amount"]


def _in_words(content: Any, phrases: Phrases) -> Any:
    """The content with the dates the user typed with dots («вернуть до 25.12») said in words, as its other dates are."""
    return each_said(content, lambda text: dates_in_words(text, phrases))


@cache
def _environment():
    """``prompts/composer/`` with the composer's filters. The filters read the language from the render
    context, so one shared environment serves concurrent drafts in different languages."""
    import jinja2

    env = templates("composer")
    env.filters["days"] = jinja2.pass_context(lambda ctx, n: count_days(int(n), ctx["language"], load_phrases(ctx["language"])))
    env.filters["items"] = jinja2.pass_context(lambda ctx, xs: join_items(list(xs), load_phrases(ctx["language"])))
    env.filters["sentences"] = lambda parts: " ".join(part for part in parts if part)
    env.filters["spoken"] = jinja2.pass_context(lambda ctx, amount: spoken_amount(amount, load_phrases(ctx["language"])))
    env.filters["answer"] = jinja2.pass_context(lambda ctx, topic: ctx["p"](f"reply.topics.{topic}"))
    env.filters["listed"] = jinja2.pass_context(lambda ctx, xs: in_list(list(xs), load_phrases(ctx["language"])))
    return env


def _read_reply(client_reply: str, situation: Situation, context: dict[str, Any], language: Language,
                phrases: Phrases) -> dict[str, Any]:
    """What the client's answer says, as the reply template needs it: its kinds (the first picks the middle
    paragraph; "why?" and a dispute alongside it are answered too), what it asks the sender to do, the topics
    it asks about, the day they are back ("away until the 14th"), whether they named a time to call, whom
    they name to send things to, the invoices it names, whether it names the referral, the questions no topic
    answers, and whether it threatens the law."""
    from ..grounding import find_dates

    original = client_reply
    # The firms' own names say nothing of the answer's kind: "Delaney & O'Brien Solicitors" under a kind letter threatens no one.
    firmless = client_reply
    for name in filter(None, (situation.client.name, situation.sender.company)):
        firmless = re.sub(re.escape(name), " ", firmless, flags=re.IGNORECASE)
    kinds = reply_kinds(firmless, language)
    # A client who takes the news and then asks for more time or promises to pay on time is answered point by point:
    # the ask is one of the points, not an offer to thank for and turn down.
    if kinds[:1] == ["new_terms"] and "agrees" in kinds and not {"threat", "aggressive", "dispute", "reconsider"} & set(kinds) \
            and matches(client_reply, language, "accepting_replies"):
        kinds = ["agrees", *(k for k in kinds if k != "agrees")]
    kind = kinds[0] if kinds else "other"
    # What follows only once the invoice is paid is not promised to a client who asks for it now.
    held = (context["after_payment_items"] or " ".join(context["handover"]),) if context["after_payment"] else ()
    # A request that touches a thing handed over on the user's condition ("the fob database, by secure transfer
    # only to the contractor you name"; «пароль — только устно») is not promised: the condition is said again.
    conditions = _conditions_touched(client_reply, context["handover"], language, phrases)
    held += tuple(item for item, _ in conditions)
    # So is what the notes keep back («рецепты глазурей НЕ отдаю, это моё»; "the source files stay with us"), and the
    # work they turn down ("NOT doing Jan/Feb leaf plucking", «вторую книгу не беру»).
    kept_notes = tuple(note for note in [*situation.handover, *situation.reasons] if kept_back(note, language, "withheld", "refused_work"))
    # What the client asks the sender to do is promised in their own words; the topics, the names to send
    # to and the open questions are read in the rest, so nothing is answered twice.
    found = client_requests(client_reply, language, phrases, context["solo"], held, kept_notes)
    held += kept_notes
    # Nor is one on the line that asks for what is kept back («Медовик — может, продадите рецепт? … Назовите цену»): the
    # price of a recipe not for sale is not promised.
    kept = set().union(*(_stems(item) for item in held))
    found = [Request(r.sentence, "") if r.commitment and kept & _stems(_line_of(r.sentence, original)) else r for r in found]
    # What the user has to decide is not promised back (`_users_call`); nor is anything asked in a dispute or under
    # threat ("hand over the multitracks now, before the act"): it could give away what the sender holds until the
    # work is signed off.
    contested = bool({"dispute", "threat", "aggressive"} & set(kinds))
    found = [Request(r.sentence, "") if r.commitment and (contested or _users_call(r.sentence, situation, context, language, phrases)) else r
             for r in found]
    requests = [r for r in found if r.commitment]
    for request in requests:
        client_reply = client_reply.replace(request.sentence, "")
    # A day moved names two: the new one, which the situation never named, and the old («с 24 декабря на 15 января»,
    # "18 March rather than the 11th"); «вместо Елены Викторовны: с 1 декабря …» moves no day.
    # A day the client cannot make ("I can't make the 14th, could we do the 12th?") is offered to be moved below.
    cannot = phrases.get("reply.unavailable")["sentence"]
    moving = [s for s in sentences(client_reply) if matches(s, language, "reschedule_requests") and _new_day(s, situation, phrases)
              and len(_day_numbers(s)) >= 2 and not re.search(cannot, s, flags=re.IGNORECASE)]
    confirmed = {q: work for q in open_questions(client_reply, language) if q not in moving
                 for work in context["open_work"] if _asks_about(q, work, language)}
    back = re.search(phrases.get("reply.back_pattern"), client_reply, flags=re.IGNORECASE)
    topics = reply_topics(client_reply, language)
    topics, paid_invoices, put_off = _payment_news(original, topics, situation, context, language)
    # A client who raises the notice period where the end date falls inside it ("I thought our agreement had a 60-day
    # notice period?") is answered on it: the earlier day was a proposal, the notice's end the fallback; neither the
    # end date nor the agreement on it is restated beside that. Where the end date keeps the notice, the terms say so.
    # One who counts another period than the contract's («в п. 9.1 указано 30 дней, а не 14») hears the contract's and an
    # offer to compare copies, not the terms restated as if nothing had been asked.
    claimed = {int(n) for s in sentences(original) if "notice" in reply_topics(s, language)
               for n in re.findall(phrases.get("reply.notice_days_pattern"), s)}
    notice_claimed = "notice" in topics and bool(situation.contract.notice_days and claimed - {situation.contract.notice_days})
    # A client who counts the notice from the day the letter reached them ("that takes us to 2 February, not 22
    # January") is taken at their word when their day is a few days past ours: the reply gives their day, no dispute.
    counted = _notice_counted(original, situation, context, language, phrases)
    if counted and context["notice_short"]:
        topics = [*topics, "notice"] if "notice" not in topics else topics
    if "notice" in topics:
        topics = [t for t in topics if t not in ("end_date", "documents")] if context["notice_short"] and context["notice_end"] \
            else [t for t in topics if t != "notice"]
    # A client away who has arranged the pick-up ("Shane will open the shed for you. Thursday's fine") is not asked
    # which day after their return suits them.
    if "away" in topics and matches(original, language, "arranged_pickup"):
        topics = [t for t in topics if t != "away"]
    # The rest read sentence by sentence once: what a referral question, an invitation or a call asks sits in one.
    read = [(s, reply_topics(s, language)) for s in sentences(client_reply)]
    unnamed, objected, meeting, forbidden, more = _users_to_answer(read, original, situation, context, language)
    topics = [t for t in topics if not (t == "referral" and (unnamed or objected or more))]
    # Kind words are thanked for first, apart from the answers; "good luck with that" in an angry answer is no kindness.
    kind_words = "kind_words" in topics and not contested
    # News that someone is ill is answered first, beside the thanks, not among the practical answers.
    illness = "illness" in topics
    topics = [t for t in topics if t not in ("kind_words", "illness")]
    # A kind invitation is thanked for in the answer and is the user's to accept: one of the points.
    invitations = [s for s, about in read if "invitation" in about]
    # "Could we buy the display crate from you?": what goes back to the sender is not said again where the
    # client asks about it; the user answers.
    questions = [r.sentence for r in found if not r.commitment] + open_questions(client_reply, language) + forbidden
    # A question is read with the line it stands on ("The grinder: we close the barn … Can it stay till Jan 5?").
    asked = [_line_of(q, original) for q in questions]
    asked_back = {line for line in context["taken_back"] for q in asked if _shares_word(line, q, language)}
    # Nor is a step of the sender's the client asks to change ("could your Yamaha stay in room 3 until Easter?" beside
    # "I will also collect my Yamaha U1 … in practice room 3"): the user answers whether it still happens.
    asked_back |= {line for line in context["handover_actions"] for q in asked
                   if _shares_word(line, q, language, least=2) or _shares_name(line, q, phrases)
                   or words_in_common(line, q, language, letters=6) >= 1 and re.search(phrases.get("reply.keep_asking"), q, flags=re.IGNORECASE)}
    # What the client forbids names the step by its verb in any aspect («удалим у себя» — «удалять … запрещаю»).
    asked_back |= {line for line in context["handover_actions"] for f in forbidden if _stems(line) & _stems(f)}
    actions = [a for a in context["handover_actions"] if a not in asked_back]
    # Where the sentences that touch a conditioned handover item stand in what is left of the answer.
    touched = [(at, at + len(asked)) for _, asked in conditions if (at := client_reply.find(asked)) >= 0]
    counted_day = {("notice_end" if context["notice_short"] else "contract_end"): format_date(counted, language)} if counted else {}
    why_asked = [s for s in sentences(original) if "why" in reply_kinds(s, language)] if "why" in kinds else []
    return {
        **counted_day,
        "notice_counted": bool(counted),
        "kind": kind,
        # A client who disputes, threatens or is angry is not signed off to with "Warm regards".
        "contested": contested,
        "requests": _request_lines(requests, phrases),
        "request_items": requests,
        "acknowledge": kind if kind in phrases.get("reply.acknowledge") else "other",
        "asks_why": "why" in kinds[1:],
        # An invoice disputed in an angry or pleading answer is not asked for in full before it is gone through.
        "disputes": "dispute" in kinds,
        "topics": topics,
        "notice_claimed": notice_claimed,
        "kind_words": kind_words,
        "illness": illness,
        "invitations": invitations,
        "handover_actions": actions,
        "steps_said": steps_said(actions, phrases, context["solo"]),
        "back": back["when"].strip() if back else "",
        "call_time": _call_time(read, phrases),
        # "to Marco Aalders", «на buh@…», «Нине Павловне»: each once.
        "conditions": list(dict.fromkeys(item for item, _ in conditions)),
        # Nor is "send it to the caretaker's gmail" noted where the thing goes only as the user set out.
        "send_to": list(dict.fromkeys(m["to"] or m.groupdict().get("to2") for m in re.finditer(phrases.get("reply.send_to_pattern"), client_reply)
                                      if (m["to"] or is_person_in_dative(m.groupdict().get("to2")))
                                      and not any(start <= m.start() and m.end() <= end for start, end in touched)
                                      and not re.search(phrases.get("reply.self_send"), client_reply[max(0, m.start() - 40):m.start()]))),
        # What only the user can decide (a refund, a later end) is deferred, and named to the user.
        # So is a day the client moves ("now starts on Monday 18 March rather than the 11th"): the user confirms it.
        "open_questions": _with_listed_requests([q for q in dict.fromkeys([r.sentence for r in found if not r.commitment]
                                                                          + open_questions(client_reply, language)
                                                                          + unnamed + objected + more + meeting + forbidden + put_off + moving)
                                                 if q not in confirmed and q not in why_asked], client_reply, language),
        # "Is this connected to what happened in October?": the reason said again answers it; a promise to come back on
        # "your other questions" would promise more on what the notes may forbid to mention.
        "why_asked": why_asked,
        "safety": _safety_again(client_reply, situation, context, language, phrases),
        # "Is this because of the sale talk?": a guess at another cause is told there is none.
        "why_guess": any(matches(s, language, "why_guess") for s in why_asked),
        # "Is the February desludge definitely before the 26th?": the work it names is due that day, as planned.
        "confirmed": list(confirmed.values()),
        "moving": moving,
        # News that a piece of work will not happen ("The Solstice Night Run on 19 December is cancelled").
        "cancelled": [s for s in sentences(client_reply) if matches(s, language, "cancelled_news")],
        "legal": matches(firmless, language, "legal_threat"),
        "referral_known": _names_referral(original, situation, language) or bool(objected),
        # "Could you resend OP-1127?": the invoice the client names is sent again, not every open one.
        "asked_invoices": _named(context["unpaid"], original),
        "paid_invoices": paid_invoices,
        # «№ 87 оплатим до 15-го. По № 94 мы не согласны»: the invoice disputed beside the news of a payment is still answered.
        # One the client proposes another day or plan for ("half now and half after the 10th") is the user's to answer,
        # not asked for again by its old date, a day of the month alone too («оплата пройдёт 15-го, а не 10-го»); one disputed
        # beside it ("we do not agree with invoice 94") still is.
        "unpaid_left": (left := [u for u in (context["unpaid"] if "paying" not in topics else [u for u in context["unpaid"] if u not in paid_invoices])
                                 if not _named_in(u, [_line_of(s, original) for s in put_off if find_dates(s) or days_named(s, phrases)])]),
        # The stock request to pay asks only for those, by their groups.
        "unpaid_groups_left": [g for g in context["unpaid_groups"] if all(u in left for u in g["invoices"])],
    }


def _safety_again(client_reply: str, situation: Situation, context: dict[str, Any], language: Language,
                  phrases: Phrases) -> list[str]:
    """The safety lines of the first message (notes to say once: "safety, say it once: …") that the client's answer comes
    back to, by two words of their own in one sentence ("the cooling fan … the cabinet"): said again, since silence would read as agreement."""
    lines = said_from(context["wanted"], [*situation.reasons, *situation.facts], phrases.snippets["once_marker"], language)
    return [line for line in lines if any(_shares_word(line, s, language, least=2) for s in sentences(client_reply))]


def _users_call(request: str, situation: Situation, context: dict[str, Any], language: Language, phrases: Phrases) -> bool:
    """Whether what the client asks is the user's to decide, so not promised back as "As you asked, I will …"."""
    steps = [*context["handover_actions"], *situation.handover]
    return (
        # A day after the end date ("one more lesson on 2 February") would stretch the end.
        _after_end(request, situation)
        # What the user's notes expect the client to ask, with the answer they keep for it ("if she asks whether I'd
        # still take the odd complicated one: only at £32 an hour …"): that answer is given instead.
        or any(_prepared_for(request, f, language) for f in context["prepared"])
        # Work on a day the situation never named ("the January service on 12 January instead"); a date that names
        # the thing ("the video of the 26 December concert") asks for no day.
        or _new_day(re.sub(phrases.snippets["dated_thing"], "", request, flags=re.IGNORECASE), situation, phrases)
        # The end or the decision itself ("could you move your finish date …", «прошу не торопиться с решением»).
        or matches(request, language, "decision_requests")
        # A name asked for with no one to recommend.
        or not context["referral"] and "referral" in reply_topics(request, language)
        # One that forbids a step of the user's ("Do not delete anything") or changes how it is done ("by courier
        # rather than registered post").
        or (matches(request, language, "client_forbids") or matches(request, language, "change_requests")) \
            and any(_stems(step) & _stems(request) for step in steps)
    )


def _notice_counted(original: str, situation: Situation, context: dict[str, Any], language: Language,
                    phrases: Phrases) -> dt.date | None:
    """The day the client's answer says the notice runs out, where it is one to seven days past the day the
    message counted (from the day it was written, theirs from the day it reached them), read in the lines that
    speak of the notice; None otherwise."""
    from ..grounding import find_dates

    ours = context.get("notice_runs_out")
    if not ours:
        return None
    lines = {_line_of(s, original) for s in sentences(original) if re.search(phrases.get("reply.notice_words"), s, flags=re.IGNORECASE)}
    days = []
    # «60 дней по п. 10.2 истекают 9 февраля»: a clause's number is no day.
    clause = "|".join(re.escape(w) for w in sorted(phrases.clause_words, key=len, reverse=True)) or "(?!)"
    for line in lines:
        for start, _, (day, month) in find_dates(line):
            if re.search(rf"(?:{clause})[^\W\d_]*\s*$", line[:start], flags=re.IGNORECASE):
                continue
            for year in (ours.year, ours.year + 1):
                try:
                    when = dt.date(year, month, day)
                except ValueError:
                    continue
                if 0 < (when - ours).days <= 7:
                    days.append(when)
    return max(days, default=None)


def _payment_news(original: str, topics: list[str], situation: Situation, context: dict[str, Any],
                  language: Language) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """What the answer says of paying: the topics without "paying" where it brings no news of a payment, the open
    invoices it says are paid, and its sentences that put another open invoice off or plan its payment (the user's
    to answer)."""
    from ..grounding import find_dates

    # "will be paid, but only when …", «оплатим только при двух условиях»: a payment on conditions, or refused,
    # is no news of a payment to thank for.
    # Nor is a word about paying that names no invoice or sum ("we paid for that day", «может, скинут?»).
    paid = [s for s in sentences(original) if "paying" in reply_topics(s, language) and not matches(s, language, "payment_conditions")
            and matches(s, language, "payment_subjects")]
    # "the remaining $8,460 is in the 20 December payment run, not the 11th": a payment on a day after the invoice is due
    # puts it off, the user's to answer, not news to thank for.
    late = [s for s in paid if _after_due(s, situation, load_phrases(language))]
    paid = [s for s in paid if s not in late]
    # With no invoice open or to come, a word about paying is about new work ("we'll pay for the 25 at once"), no news.
    if not paid or not (situation.unpaid_invoices or situation.final_invoice):
        topics = [t for t in topics if t != "paying"]
    # "NL-311 was paid on the 24th. Accounts have no record of NL-324": only the one said to be paid is thanked for.
    # A sentence that names no invoice is read with the line it stands on ("1. RP-31 - my apologies. It went out this morning").
    numbers = [u["number"] for u in context["unpaid"] if u["number"]]
    paid_invoices = _named(context["unpaid"], " ".join(s if any(n in s for n in numbers) else _line_of(s, original) for s in paid))
    # An invoice the answer refuses or disputes anywhere ("KM-0940 will not be paid", "I still don't think it is right to
    # pay HK$900 …") is never thanked for, whatever else it says of paying.
    # A sentence that names no open invoice by number or sum is read with the line it stands on ("4. MA-2263. We do not
    # accept this charge").
    def named_on(sentence: str) -> str:
        return sentence if any(_named_in(u, [sentence]) for u in context["unpaid"]) else _line_of(sentence, original)

    refused = [named_on(s) for s in sentences(original) if "dispute" in reply_kinds(s, language) or matches(s, language, "payment_conditions")]
    disputed = [u for u in context["unpaid"] if _named_in(u, refused)]
    paid_invoices = [u for u in paid_invoices if u not in disputed]
    # Beside news of a payment, another open invoice the client names without paying it («№ 231 — в январе, после
    # субсидии») is the user's to answer, not met with a stock request to pay it by its date.
    put_off = [s for s in sentences(original) if paid and s not in paid and "paying" in topics
               and any(u["number"] and re.search(rf"(?<![\w/-]){re.escape(u['number'])}(?![\w/-])", s)
                       for u in context["unpaid"] if u not in paid_invoices)]
    # So is a plan for paying an open invoice in parts or on a later day («40 000 до 20 декабря, а 46 000 — только после
    # собрания 17 января» under «По остатку 86 000»), the invoice named by its number or sum on the line.
    lines = {s: named_on(s) for s in sentences(original) if s not in put_off + late
             and ("paying" in reply_topics(s, language) or matches(s, language, "payment_subjects"))
             and (_after_due(s, situation) or matches(s, language, "payment_conditions") and bool(find_dates(s)))}
    planned = {s: line for s, line in lines.items() if any(_named_in(u, [line]) for u in context["unpaid"])}
    proposed = list(planned)
    # Such a plan is no news of a payment to thank for either.
    paid_invoices = [u for u in paid_invoices if not _named_in(u, list(planned.values()))]
    return topics, paid_invoices, put_off + late + proposed


def _names_forbidden(point: str, situation: Situation, language: Language) -> bool:
    """Whether a client's point names whom or what the notes forbid to mention ("DON'T mention Giles or the October call",
    «Сергея не упоминать»): a name the note capitalises past its first word (not a word typed in capitals for the tool),
    or one the point capitalises that the note typed in lower case in a hurry ("Was it the Hendricks bride?" beside
    "don't mention the hendricks bride")."""
    capitalised = r"(?<=\s)[A-ZА-ЯЁ][a-zа-яё]{2,}"
    notes = [n for n in [*situation.reasons, *situation.facts] if matches(n, language, "forbidding_notes")]
    if {w for n in notes for w in re.findall(capitalised, n)} & set(re.findall(r"[^\W\d_]+", point)):
        return True
    typed = {w.lower() for n in notes for w in re.findall(r"[^\W\d_]{3,}", n)}
    return bool(typed & {w.lower() for w in re.findall(capitalised, point)})


def _after_due(sentence: str, situation: Situation, phrases: Phrases | None = None) -> bool:
    """Whether a sentence names a day after the due date of the open invoices it names (of any, if it names none);
    with ``phrases``, a day of the month alone ("the rest comes on the 15th") too, as its next date from the day the
    message is written."""
    from ..as_of import as_of
    from ..grounding import find_dates, find_month_days

    dues = {u.number: u.due for u in situation.unpaid_invoices if u.due}
    named = [due for number, due in dues.items() if number and re.search(rf"(?<![\w/-]){re.escape(number)}(?![\w/-])", sentence)]
    if phrases is not None and not find_dates(sentence):
        written = as_of(situation)
        for day in days_named(sentence, phrases):
            month = written.replace(day=1) if day >= written.day else (written.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            try:
                when = month.replace(day=day)
            except ValueError:
                continue
            if any(when > due for due in named or dues.values()):
                return True
    # A month named alone («будет оплачен в феврале») is its first day, or the day its words give it ("by mid-January").
    for _, _, (day, month) in [*find_dates(sentence), *find_month_days(sentence)]:
        for due in named or dues.values():
            year = due.year + (1 if month < due.month - 6 else 0)
            try:
                if dt.date(year, month, day) > due:
                    return True
            except ValueError:
                continue
    return False


def _users_to_answer(read: list[tuple[str, list[str]]], original: str, situation: Situation, context: dict[str, Any],
                     language: Language) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """The client's sentences only the user can answer, by kind, in this order: a name asked for with no referral
    to give, an objection to the referral, an offer to meet, what the client forbids, and more names asked for
    beside a referral they know. ``read``: the answer's sentences with their topics; ``original``: the whole answer."""
    # "Who else could take it on?" with no referral in the situation: only the user can name someone, so the
    # question is theirs to answer, not met with "I am happy to recommend other specialists".
    unnamed = [s for s, about in read if "referral" in about] if not context["referral"] else []
    # A client who objects to the referral ("why are you sending our parents to another centre? That is poaching") is not
    # recommended it again: what to say to that is the user's.
    objected = [s for s, _ in read if matches(s, language, "referral_objection")] if situation.referral else []
    # An offer to meet and talk it through ("If you want to sit down and talk this through, I'm around Monday") is the
    # user's to take up or not: one of their points, not passed over.
    meeting = [s for s, _ in read if matches(s, language, "meeting_offers")]
    # So is what the client forbids ("Do not remove it until …", «Удалять наши материалы запрещаю до …»): a step of the
    # sender's it names is not restated beside it.
    forbidden = [s for s, _ in read if matches(s, language, "client_forbids")]
    # So is one who knows the referral and asks for more names ("Thanks for the Midwest referral. Do you know anyone else?").
    more = [s for s, _ in read if s.rstrip().endswith("?") and matches(s, language, "more_referrals")] \
        if situation.referral and _names_referral(original, situation, language) else []
    return unnamed, objected, meeting, forbidden, more


def _request_lines(requests: list[Request], phrases: Phrases) -> list[str]:
    """What the client asks the sender to do, promised back: "As you asked, I will …", then one sentence each."""
    lead = phrases.get("reply.requests.lead")
    return [(f"{lead}{r.commitment}" if i == 0 else r.commitment[:1].upper() + r.commitment[1:]).rstrip(".") + "."
            for i, r in enumerate(requests)]


def _with_listed_requests(points: list[str], client_reply: str, language: Language) -> list[str]:
    """The user's points, and a request or question the client numbered or bulleted that none of them is part of ("2.
    Please leave the sample stand until the end of January", «4. Эскизы нужны в исходниках», "8. The platforms - could
    some stay built into the set until strike?"): what the client lists asks for an answer of its own, which a topic's
    stock line does not give."""
    listed = [said for item in _listed_items(client_reply) if not any(p in item or item in p for p in points)
              for said in [next((s for s in sentences(item) if s.rstrip().endswith("?") or matches(s, language, "listed_requests")), "")]
              if said]
    return points + [_LIST_MARK.sub("", said, count=1) for said in listed]


# A numbered or bulleted line's mark, before its text: "2. ", "3) ", "- ", "• ".
_LIST_MARK = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(?=\S)")


def _listed_items(text: str) -> list[str]:
    """The lines of ``text`` the client numbered or bulleted, each whole with its mark."""
    return [line.strip() for line in text.splitlines() if _LIST_MARK.match(line)]


def _list_leads(text: str) -> dict[str, str]:
    """Each numbered or bulleted line of ``text`` with the line that leads its list ("Before you go, can I try
    something? …" over the offers that follow it)."""
    leads, lead = {}, ""
    for line in (line.strip() for line in text.splitlines()):
        if _LIST_MARK.match(line):
            leads[line] = lead
        elif line:
            lead = line
    return leads


def _after_end(sentence: str, situation: Situation, months: bool = True) -> bool:
    """Whether a sentence names a day after the situation's end date (its year read as the nearest one); with
    ``months``, a month named alone ("until mid-January") too, by the day its words give it."""
    from ..grounding import find_dates, find_month_days

    end = situation.end_date
    if end is None:
        return False
    for _, _, (day, month) in [*find_dates(sentence), *(find_month_days(sentence) if months else [])]:
        try:
            day_named = dt.date(end.year, month, day)
        except ValueError:
            continue
        if (end - day_named).days > 180:
            day_named = day_named.replace(year=end.year + 1)
        elif (day_named - end).days > 180:
            day_named = day_named.replace(year=end.year - 1)
        if day_named > end:
            return True
    return False


def _moved(work: dict[str, Any], moving: list[str]) -> bool:
    """Whether the client's answer moves this piece of open work: one of its sentences asking for another day,
    with a day the situation never named (``moving``), names a day of the work too (the 11th it was booked
    from, the 9th it was due)."""
    from ..grounding import find_dates

    named = {n for s in moving for n in _day_numbers(s)}
    return bool(named & {day for _, _, (day, _) in find_dates(f"{work['item']} {work['date']}")})


def _cancelled(work: dict[str, Any], cancelled: list[str], language: Language) -> bool:
    """Whether the client's news cancels this piece of open work: a sentence saying something will not happen
    names it by two of its words ("the Solstice Night Run … is cancelled"), or by one and its day."""
    from ..grounding import content_words

    item = _work_words(work, language)
    days = _day_numbers(f"{work['item']} {work['date']}")
    for sentence in cancelled:
        shared = item & content_words(sentence, language)
        if len(shared) >= 2 or (shared and days & _day_numbers(sentence)):
            return True
    return False


def _conditions_touched(client_reply: str, handover: list[str], language: Language, phrases: Phrases) -> list[tuple[str, str]]:
    """The handover items given on a condition (`condition_asides`) that a sentence of the client's answer names
    by a word of their own, with that sentence."""
    conditioned = [item for item in handover if re.search(phrases.snippets["condition_asides"], item, flags=re.IGNORECASE)]
    return [(item, sentence) for sentence in sentences(client_reply) for item in conditioned if _shares_word(item, sentence, language)]


def _shares_word(line: str, sentence: str, language: Language, least: int = 1) -> bool:
    """Whether a sentence names a line's thing by ``least`` words of its own (of five letters or more)."""
    return words_in_common(line, sentence, language, letters=5) >= least


def _line_of(sentence: str, text: str) -> str:
    """The line of the client's answer a sentence stands on ("The grinder: … Can it stay till Jan 5?"), or the sentence."""
    return next((line for line in text.splitlines() if sentence in line), sentence)


def _stems(text: str) -> set[str]:
    """The first four letters of a text's longer words: «удалим» and «удалять» share «удал»."""
    return {w[:4].casefold() for w in re.findall(r"[^\W\d_]{5,}", text)}


def _shares_name(line: str, sentence: str, phrases: Phrases) -> bool:
    """Whether a sentence names a line's thing by a name of its own ("Yamaha", «Coravin»): a capitalised word inside it,
    not a month ("on 5 January")."""
    months = {m.casefold() for m in phrases.months}
    names = {w for w in re.findall(r"(?<=\s)[A-ZА-ЯЁ][\w-]{2,}", line) if w.casefold() not in months}
    return any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in names)


def _prepared_for(point: str, reaction: dict[str, str], language: Language) -> bool:
    """Whether a point of the client's is what the user's notes expected them to ask (two words in common, of what
    it is about: not "можно ли … хотя бы" beside another question's «можно ли будет …»)."""
    generic = load_phrases(language).snippets.get("generic_question_words", "(?!)")
    if _shares_word(re.sub(generic, " ", reaction["client"]), re.sub(generic, " ", point), language, least=2):
        return True
    # Or by one name or number of its own, which no other question shares by chance ("the March crutching" and "is
    # March really off the table?", «п. 6.3»): a capitalised word inside the sentence, or a number with a dot or slash.
    own = re.findall(r"(?<=[\w,;] )[A-ZА-ЯЁ][\w-]{3,}|\d+[./]\d+", reaction["client"])
    return any(re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", point, flags=re.IGNORECASE) for word in own)


def _asks_about(question: str, work: dict[str, Any], language: Language) -> bool:
    """Whether a question asks whether this piece of open work keeps its day: a yes-or-no question that names
    the work by a word of its own and no day but the one it is due ("Is the February desludge definitely before
    the 26th?"). "Could you come on the 16th or 17th instead?" asks for another day; "What would you suggest
    for cover after 8 February?" asks for more than a yes."""
    from ..grounding import content_words

    days = _day_numbers(question)
    return bool(_work_words(work, language) & content_words(question, language)) and bool(days) \
        and days <= _day_numbers(work["date"]) and not matches(question, language, "choice_questions") \
        and not re.match(load_phrases(language).snippets["wh_question"], question.strip(), flags=re.IGNORECASE)


def _work_words(work: dict[str, Any], language: Language) -> set[str]:
    """The words that name this piece of open work, not any work ("the Solstice Night Run", not "cover")."""
    from ..grounding import content_words

    return content_words(work["item"], language) - set(load_phrases(language).snippets.get("generic_work_words", []))


def _day_numbers(sentence: str) -> set[int]:
    """The numbers a sentence may name days by ("18 March", "the 11th", «21-го»), not times, sums or dates in digits."""
    return {int(n) for n in re.findall(r"(?<![\d.,:])\d{1,2}(?![\d.,:])", sentence) if 1 <= int(n) <= 31}


def _new_day(sentence: str, situation: Situation, phrases: Phrases) -> bool:
    """Whether a sentence names a day that no field of the situation names (its end date included), by its
    date or by its number alone ("on the 16th or 17th instead")."""
    from ..grounding import find_dates, situation_dates

    known = situation_dates(situation)
    return any(d not in known for _, _, d in find_dates(sentence)) or bool(days_named(sentence, phrases) - {day for day, _ in known})


# Rules on how the sender sounds ("still haven't", "sorry!", "never"): a client's question quoted under "> " is their
# words, not the sender's, and the checker leaves quoted lines out; a heated or accusing one is still not quoted.
_CLIENTS_OWN_TONE = frozenset({"grievance", "exclamation", "absolute", "emotional", "learned_tone", "informal_address"})


def _answers_by_point(answers: dict[str, str], points: list[str]) -> dict[str, str]:
    """The user's answers keyed by the client's point they answer: a number ("2") names the point by its
    place; any other key is the point itself, or a point the reading did not list (kept, answered all the same)."""
    given = {}
    for key, answer in answers.items():
        key, answer = key.strip(), (answer or "").strip()
        if answer:
            # A key that is the end of one point only ("Вас так устроит?" for the point with its sentence before it).
            within = [p for p in points if p.endswith(key)] if key not in points else []
            point = points[int(key) - 1] if key.isdigit() and 1 <= int(key) <= len(points) else within[0] if len(within) == 1 else key
            given[point] = answer
    return given


def _for_client(answer: str, language: Language) -> str:
    """The part of the user's answer written for the client: without the sentences that tell the tool how to answer
    ("Keep it short.", «В ответе название не пишем.»); empty where the user asks to leave the point unanswered ("Don't
    take up that point at all."), so that it is neither answered nor promised an answer."""
    said = sentences(answer)
    if any(matches(s, language, "skip_point_answers") for s in said):
        return ""
    return " ".join(s for s in said if not matches(s, language, "answer_tool_notes"))


def _as_sentence(text: str) -> str:
    """The user's answer as a sentence of the letter: a capital first letter and a closing full stop."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] + ("" if text[-1:] in ".!?…" else ".")


def _names_referral(client_reply: str, situation: Situation, language: Language) -> bool:
    """Whether the client already names the referral ("I rang Jo at Bramble Rooms"): it is not recommended
    again unasked. Named the way a client names it: "Hollie" for Hollie Barton, "Bramble Rooms" for Bramble
    Rooms on Gloucester Road, «Дёмина» for Пётр Васильевич Дёмин."""
    # A name in quotes («Речевичок») is named without them.
    words = [w.strip("«»\"“”'") for w in (referral_name(situation.referral, language) if situation.referral else "").split()]
    key = words[0] if words and len(words[0]) >= 4 else " ".join(words[:2])
    # Or by any capitalised name in it, in any case («Дёмина я знаю» for «Пётр Васильевич Дёмин»).
    names = [w for w in words if w[:1].isupper() and len(w) >= 4]
    # A Russian name is inflected on its ending («Наградной двор» → «для «Наградного двора»»).
    stems = [name[:-2] if re.search("[а-яё]{2}$", name) and len(name) >= 6 else name for name in names]
    return bool(key) and bool(re.search(rf"\b{re.escape(key)}\b", client_reply, flags=re.IGNORECASE)) or any(
        re.search(rf"\b{re.escape(stem)}\w{{0,4}}\b", client_reply) for stem in stems)


def _named(invoices: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The invoices a text names by number, else by sum ("the £620 went across this morning", "Signe sent the 6,400"),
    or all of them when it names none."""
    return ([u for u in invoices if _number_named(u["number"], text)]
            or [u for u in invoices if sum_named(u.get("amount") or "", text)] or invoices)


def _named_in(invoice: dict[str, Any], texts: list[str]) -> bool:
    """Whether any of ``texts`` names the invoice, by its number or by its sum."""
    return any(_number_named(invoice["number"], text) or sum_named(invoice.get("amount") or "", text) for text in texts)


def _number_named(number: str | None, text: str) -> bool:
    """Whether ``text`` names an invoice number, whole or as clients shorten it, without its year ("MK-31" for
    "MK-2026-31")."""
    if not number:
        return False
    short = re.sub(r"(?<=\w)[-/.]20\d\d(?=[-/.]\w)", "", number)
    return number in text or short != number and re.search(rf"(?<![\w/-]){re.escape(short)}(?![\w/-])", text) is not None


def _call_time(read: list[tuple[str, list[str]]], phrases: Phrases) -> bool:
    """Whether the client named when to call: in the sentence that asks for the call or the one after it
    ("Could you call me? I'm free after 4pm Thursday"), not any weekday the answer mentions. ``read``: the
    answer's sentences with their topics."""
    near = {i + step for i, (_, about) in enumerate(read) if "call" in about for step in (0, 1)}
    return any(re.search(phrases.get("reply.call_time_pattern"), read[i][0]) for i in near if i < len(read))


class Composer:
    """Writes one message per call from the phrase banks: no network, the same output for the same input
    (`tactful.drafters.composing` makes it a drafter)."""

    def compose(
        self, situation: Situation, channel: Channel, language: Language, tone: Tone = "formal"
    ) -> tuple[Draft, list[LeftOut]]:
        situation = voiced(situation, language)
        # A friend («на «ты»», "write to her like a friend") is greeted by first name, as the warm tone does.
        tone = "warm" if asks_informal(situation, language) else tone
        draft, left_out = self._compose_once(situation, channel, language, tone)
        # A handover item can pass on its own and still draw an error among the lines it is set in (a
        # list the learned reader takes for a complaint): the message then goes without it, and says so.
        errors = check(draft.text(), lang=language, channel=channel, situation=situation).errors
        said = {item: said_item(item, language, load_phrases(language)) for item in situation.handover}
        flagged = {item: sorted({v.rule for v in errors if _overlaps(v.excerpt, item, language)
                                 or _overlaps(v.excerpt, said[item], language)}) for item in situation.handover}
        dropped = {item: rules for item, rules in flagged.items() if rules}
        # So can a referral typed as something no sentence carries ("!сАЙТ"): the letter then goes without it.
        referral = situation.referral or ""
        # Its words, without the punctuation a sentence split may cut off ("!сАЙТ" is read as "сАЙТ …").
        name = re.sub(r"[^\w\s&'-]", "", referral_name(referral, language)).strip() if referral else ""
        # Or a referral whose description names what the situation lacks ("…, who can prepare the acceptance
        # certificate" with no act): the finding then lies in the description, not in the name.
        referral_rules = sorted({v.rule for v in errors if name and name.casefold() in v.excerpt.casefold()
                                 or referral and _overlaps(v.excerpt, referral, language)})
        if not dropped and not referral_rules:
            return draft, left_out
        rest = situation.model_copy(update={"handover": [i for i in situation.handover if i not in dropped],
                                            "referral": None if referral_rules else situation.referral})
        draft, more = self.compose(rest, channel, language, tone)
        return draft, more + [LeftOut(field="handover", text=item, rules=rules, hint="") for item, rules in dropped.items()] + (
            [LeftOut(field="referral", text=referral, rules=referral_rules, hint="")] if referral_rules else [])

    def _compose_once(
        self, situation: Situation, channel: Channel, language: Language, tone: Tone
    ) -> tuple[Draft, list[LeftOut]]:
        context, p, left_out = self._context(situation, channel, language, tone)
        content = self._content(channel, context, p, load_phrases(language), tone)
        draft = Draft(channel=channel, language=language, tone=tone, content=content)
        # A contact or a company typed as something no sentence can carry ("D:D+D!") makes lines the tone
        # rules reject wherever it is named: the message then speaks to the client without the name.
        names = {"person": context["formal_name"] if context["person"] else "", "organisation": context["organisation"]}
        tone_findings = [v for v in check(draft.text(), lang=language, channel=channel).violations if v.category == "tone"]
        for key, name in names.items():
            hostile = name and sorted({v.rule for v in tone_findings if name in v.excerpt})
            if hostile:
                context[key] = False if key == "person" else ""
                field = "client.contact" if key == "person" else "client.name"
                left_out.append(LeftOut(field=field, text=name, rules=hostile, hint=""))
                draft = Draft(channel=channel, language=language, tone=tone,
                              content=self._content(channel, context, p, load_phrases(language), tone))
        if context["notes"]:
            # A note the checker objects to among the script's lines is dropped; if the rest still draw a
            # finding the script has without them, the script goes without the notes.
            text = draft.text()
            flagged = [v.excerpt for v in check(text, lang=language, channel=channel, situation=situation).violations
                       if v.excerpt]
            context["notes"] = [n for n in context["notes"] if not any(e in n or n in e for e in flagged)]
            draft = Draft(channel=channel, language=language, tone=tone,
                          content=self._content(channel, context, p, load_phrases(language), tone))
        if context["notes"] and _notes_add_problems(draft, situation, context, p, self._content):
            context["notes"] = []
            draft = Draft(channel=channel, language=language, tone=tone,
                          content=self._content(channel, context, p, load_phrases(language), tone))
        return draft, left_out

    def compose_reply(
        self, situation: Situation, client_reply: str, language: Language, tone: Tone = "formal",
        answers: dict[str, str] | None = None,
    ) -> tuple[Draft, list[LeftOut], list[str], list[str]]:
        """A calm email answering the client's push-back: acknowledge, restate the terms, propose to
        close, offer the handover; a mediator only as a last resort when the client threatens. A client who
        writes to the sender by first name ("Dave, …") is answered in the warm tone's greeting and register.
        Also returns the client's points only the user can answer, and those of them still unanswered: the
        user's ``answers`` (by point, or by its number from 1) are written in, in the user's words, once the
        checker passes them; the answer promises to come back on the rest."""
        phrases = load_phrases(language)
        situation = voiced(situation, language)
        written_tone = tone
        first = (situation.sender.name or "").split()[:1]
        if first and re.match(phrases.get("reply.first_name_terms").format(name=re.escape(first[0])),
                              client_reply.strip(), flags=re.IGNORECASE):
            tone = "warm"
        # The answer greets whoever signed the reply: a new manager, or the person behind a firm with no contact;
        # someone new, in a formal answer to a client who wrote "Dear Ms …", as "Mr Pell" rather than by first name.
        # A client who writes "Dear Mrs Mukamana" or "Ms Solheim," is answered in kind, though they sign as the contact
        # the user typed ("Patrick Habimana"): "Dear Mr Habimana", not "Dear Patrick".
        titled = re.search(phrases.get("reply.titled_terms"), client_reply) if language == "en" else None
        signer = reply_signer(client_reply, situation.client.contact, language) or (
            situation.client.contact if titled and tone == "formal" and situation.client.contact else None)
        if signer:
            signer = courtesy_titled(signer) if titled and tone == "formal" else signer
            situation = situation.model_copy(update={"client": situation.client.model_copy(update={"contact": signer})})
        context, p, left_out = self._context(situation, "email", language, tone)
        # The answers the user's notes keep for what the client might ask: given where the client asks it.
        context["prepared"] = foreseen(situation, Vetting(language, "email", phrases), p)
        context.update(_read_reply(client_reply, situation, context, language, phrases))
        points = list(dict.fromkeys(context["open_questions"] + context["invitations"]))
        # The user's own answer to a point wins over the one their notes prepared.
        prepared = {q: f["own"] or f["answer"] for q in points for f in reversed(context["prepared"]) if _prepared_for(q, f, language)}
        # The user's answer names the person the reply greets as they name them in their notes ("Jonno should ask him",
        # «скажу Оксане сама»): said to them ("you should ask him", «скажу вам сама»).
        who = addressee(situation.client.name, situation.client.contact, language)
        own = {q: to_addressee(_for_client(a, language), who, language, phrases, possessives=False)
               for q, a in _answers_by_point(answers or {}, points).items()}
        given = {**prepared, **own}
        if context["invitations"] and all(i in given for i in context["invitations"]):
            context["topics"] = [t for t in context["topics"] if t != "invitation"]  # the user's answer says it
        vetting = Vetting(language, "email", phrases)
        # What the user types in answer now is theirs to send: the learned reader's doubt about it (a guess, where
        # the rules find nothing) does not drop it, nor does «ты» to a client who writes on «ты» themselves.
        from ..checker import check

        informal = any(v.rule == "informal_address" for v in check(client_reply, lang=language).violations)
        relaxed = frozenset({"learned_tone", *(["informal_address"] if informal else [])})
        typed = set(own.values())
        kept = set(vetting.keep("answers", [a for a in given.values() if a not in typed], strict=True, to_client=True))
        kept |= set(vetting.keep("answers", list(typed), strict=True, to_client=True, allowed=relaxed))
        # Each answer under the client's own question, quoted as in a mail answered inline, so "Yes, keep them
        # there" says what it answers; a question the checker objects to is not quoted (nor reported: it is theirs).
        quoted = Vetting(language, "email", phrases)
        # Nor is a heated line ("Are you seriously planning to walk out …?", «вы не имеете права …»): quoted back, it
        # reads as a retort; the answer stands on its own.
        heated = phrases.get("reply.heated_point")
        # Nor is one that names whom or what the notes forbid to mention ("has Giles said something?" beside "DON'T
        # mention Giles"): quoted back, the sender's own letter would name them.
        # With "no names" in the notes, a point that names someone is not quoted either ("this is about Rhys, isn't it?").
        no_names = any(matches(n, language, "no_names_notes") for n in [*situation.reasons, *situation.facts])
        # Nor is a guess at another cause ("is this connected to the guest case in August?"): quoted, the letter would name
        # what the notes most likely keep out of it.
        # A point the user answered that this reading did not list is quoted too, as the client wrote it.
        context["answered"] = [{"point": point if (point in points or point in client_reply) and not re.search(heated, point, flags=re.IGNORECASE)
                                and not re.search(phrases.get("reply.cause_guess"), point)
                                and not _names_forbidden(point, situation, language)
                                and not (no_names and names_person(point, language))
                                and quoted.keep("points", [point], strict=True, to_client=True, allowed=_CLIENTS_OWN_TONE) else "",
                                "answer": _as_sentence(answer)} for point, answer in given.items() if answer and answer in kept]
        context["answers"] = [a["answer"] for a in context["answered"]]
        # A request the user answered ("Drop the social media if that helps." — "That's kind, but …") is not also
        # promised back.
        context["requests"] = _request_lines([r for r in context["request_items"] if not any(
            p.strip() in r.sentence or r.sentence.strip() in p for p in given)], phrases)
        left_out += vetting.left_out
        context["open_questions"] = [q for q in context["open_questions"] if q not in given]
        # Answered point by point, the letter still owes a word to the client's other questions (those a topic
        # answers only in general, or none): it promises to come back on them rather than fall silent.
        # So does a numbered or bulleted point of theirs that no answer speaks to ("7. We would like to offer employment to
        # your apprentice …"): answered only where asked, the letter would fall silent on the rest. Not one a topic of the
        # letter answers in its own lines ("5. RRT-118 will be paid on 18 December": the money lines thank them for it).
        if given and not context["open_questions"]:
            # The items of a list whose lead the user answered ("Before you go, can I try something?" over the offers)
            # are answered with it.
            leads = _list_leads(client_reply)
            items = [item for item in _listed_items(client_reply) if not any(point in leads.get(item, "") for point in given)]
            context["open_questions"] = [q for q in sentences(client_reply) if q.rstrip().endswith("?")
                                         and not any(point.endswith(q) for point in given) and q not in context["invitations"]
                                         and not any(q in w or w in q for w in context["why_asked"])] + [
                item for item in items if not any(point in item or _shares_word(item, f"{point} {answer}", language, least=2)
                                                  for point, answer in given.items())
                and not any(w in item for w in context["why_asked"])
                and not any(reply_topics(s, language) for s in sentences(item) if not s.rstrip().endswith("?"))]
        # The user agreeing to work past the end ("yes, I will interpret on Monday 25 January") moves the end:
        # the old end date is not restated below the answer.
        # (Not an answer the notes kept ready: "one free visit until 31 March" is help after the end, not a later end.)
        # A month alone in an answer is mostly why not ("the kitchen only opens at the end of January"): only a day moves it.
        # Nor does the date of a paper ("the inspection report of 18 June", «протокол от 18 июня»), nor a day of paying
        # («а 46 000 — после собрания 17 января»): money paid later is no work done later.
        context["end_moved"] = any(_after_end(re.sub(phrases.snippets["dated_paper"], "", s, flags=re.IGNORECASE), situation, months=False)
                                   for q, a in own.items() if _as_sentence(a) in context["answers"]
                                   for s in sentences(a) if not {"money", "paying"} & set(reply_topics(f"{q} {s}", language)))
        # Work the client moves to another day ("now starts on Monday 18 January rather than the 11th", «к 7-му,
        # а не к 9-му») is the user's to confirm, one of their points: its old day is not restated beside it.
        # Nor is work the client cancels, or the work confirmed above in answer to their question.
        # So is work whose day the user answered a point about themselves («можно каменку раньше переложить, до Нового
        # года?» — «да, до 25-го»): its old day beside their answer would contradict it.
        from ..grounding import content_words, find_dates

        # The work may be named in the point or in the user's answer to it («Можно перенести на 17-е?» — «Да, 17-го: снимем
        # верёвки и страховочные системы»): neither its old day, nor a line of the notes with that day, is said beside it.
        written = [f"{q} {a}" for q, a in own.items() if _as_sentence(a) in context["answers"]]
        timed = [t for t in written if _day_numbers(t) or re.search(phrases.get("reply.time_words"), t, flags=re.IGNORECASE)]

        def restated(work: dict[str, Any]) -> bool:
            return any({x for x in _work_words(work, language) if len(x) >= 5} & content_words(t, language) for t in timed)

        moved = [w for w in context["open_work"] if _moved(w, context["moving"]) or _cancelled(w, context["cancelled"], language)
                 or w in context["confirmed"] or restated(w)]
        context["open_work"] = [w for w in context["open_work"] if w not in moved]
        context["confirmed"] = [w for w in context["confirmed"] if not restated(w)]
        context["returned"] = [line for line in context["returned"] if not any(_shares_word(line, t, language, least=2) for t in timed)]
        # So is a step of the sender's the answer moves ("we will replace the rack fan on Sunday 13 December instead" beside
        # "replace the rear cooling fan … by 15 December").
        # The sentence that moves it gives the day: one citing the same thing on another matter («акт, составленный при замене
        # компрессора в клинике») does not.
        moves = [s for t in timed for s in sentences(t) if _day_numbers(s)]
        context["handover_actions"] = [line for line in context["handover_actions"] if not any(_shares_word(line, s, language, least=2) for s in moves)]
        # What the user's own answers speak to (the notice, the money, the handover) is not answered again beside them
        # by the stock line, which may say otherwise («в течение семи дней» beside their agreed two payments).
        # Money only where they name every invoice the stock line would ask for: one about the December service leaves
        # the disputed invoice beside it to be answered.
        said = " ".join(written)
        # An invoice the user's answer names ("yes, 31 January is fine for KD-2026-16") is not asked for again by its old
        # date beside it; the others still are.
        named = [u for u in context["unpaid_left"] if u["number"] and u["number"] in said or sum_named(u.get("amount") or "", said)]
        if named:
            context["unpaid_left"] = [u for u in context["unpaid_left"] if u not in named]
            context["unpaid_groups_left"] = [g for g in context["unpaid_groups_left"] if not any(u in named for u in g["invoices"])]
        owed = context["unpaid_left"] if context["disputes"] else context["unpaid"]
        # A safety line the user's own answer says again is not repeated beside it.
        context["safety_said"] = any(_shares_word(line, a, language, least=2) for line in context["safety"] for a in context["answers"])
        # A thing handed over that the user's answer speaks of ("Your chairs and bars can be collected … at any time")
        # is not listed again beside it, nor held back by the stock condition, which may say otherwise. The client's
        # point names it, or the answer says what becomes of it: one on another matter that cites the same report or part
        # ("the 11 corroded anchor points listed in our 18 June inspection report") leaves the handover list as it was.
        def spoken_of(line: str) -> bool:
            return any(_shares_word(line, f"{q} {a}", language, least=2)
                       and (_shares_word(line, q, language)
                            or any(_shares_word(line, s, language, least=2) and matches(s, language, "handled_in_answer") for s in sentences(a)))
                       for q, a in own.items() if _as_sentence(a) in context["answers"])

        def answered(topic: str) -> bool:
            # The end date and the handover are the terms the letter restates: a word of the answers about a deadline
            # («с какими сроками») or a handing over («протоколы замеров привезёт») does not stand for them. The end date
            # counts as said where an answer names its day, the handover where the answers speak of all that is handed
            # over (the rest is still listed).
            if topic == "end_date":
                return bool(situation.end_date) and any(dm == (situation.end_date.day, situation.end_date.month)
                                                        for a in context["answers"] for *_, dm in find_dates(a))
            if topic == "handover" and context["handover_all"]:
                return all(spoken_of(h) for h in context["handover_all"])
            return any(topic in reply_topics(a, language) for a in written)

        context["said_by_user"] = [t for t in context["topics"] if answered(t)
                                   and (t != "money" or all(u["number"] and u["number"] in said or sum_named(u.get("amount") or "", said) for u in owed))]
        if any(spoken_of(h) for h in context["handover_all"]):
            actions = {key: [a for a in context[key] if not spoken_of(a)] for key in ("handover_actions", "taken_back")}
            listed = handover_context([h for h in context["handover"] if not spoken_of(h)], language, phrases, solo=False)
            context.update({**listed, **actions}, handover_all=listed["handover"] + actions["handover_actions"])
        if context["after_payment_items"] and spoken_of(context["after_payment_items"]):
            context["after_payment"] = False
        ruled, context["suggested"] = unavailable_days(client_reply, language, phrases)
        context["ruled_out"] = _without_days(context, ruled, phrases)
        # "Re:" the subject of the message the client answers, whatever register the answer takes.
        first_context, first_p, _ = (context, p, None) if tone == written_tone else self._context(situation, "email", language, written_tone)
        context["subject"] = self._content("email", first_context, first_p, phrases, written_tone).subject
        # The first word came on a call or at a meeting: the answer follows up on that conversation.
        context["spoken_first"] = situation.channel != "email"
        body = _environment().get_template("reply.j2").render(**context)
        content = _in_words(EmailContent(subject=p("reply.subject"), body=tidy(body)), phrases)
        content = content_familiar(content, phrases, context["gender"]) if context["informal"] else content
        return (Draft(channel="email", language=language, tone=tone, content=content), left_out, points,
                [q for q in points if q not in given])

    def _context(self, situation: Situation, channel: Channel, language: Language, tone: Tone):
        return build_context(situation, channel, language, tone, _environment())

    def _content(self, channel: Channel, context: dict[str, Any], p, phrases: Phrases, tone: Tone):
        content = _in_words(self._content_on_vy(channel, context, p, phrases, tone), phrases)
        return content_familiar(content, phrases, context["gender"]) if context["informal"] else content

    def _content_on_vy(self, channel: Channel, context: dict[str, Any], p, phrases: Phrases, tone: Tone):
        if channel == "email":
            body = _environment().get_template("email.j2").render(**context)
            return EmailContent(subject=p(f"subject.{context['outcome']}"), body=tidy(body))
        # A reaction with a `when` (a jinja expression over the context) is only likely in such situations:
        # no invoice dispute where nothing is invoiced, no "carry on as before" when the sender is closing down.
        env = _environment()

        def holds(expression: str) -> bool:
            return bool(env.compile_expression(expression)(**context))

        chosen = [r for r in phrases.get("reactions") if "when" not in r or holds(r["when"])]
        # The reaction this client is likeliest to have (`likely`: a raised voice from a client known for
        # it, a counter-offer where price was the issue) comes first, so a brief script's three keep it.
        chosen.sort(key=lambda r: not ("likely" in r and holds(r["likely"])))
        # What the user's notes expect the client to say comes first: the user knows this client.
        reactions = [Reaction(client=f["client"], answer=f["answer"]) for f in context["foreseen"]] + [
            Reaction(client=context["render"](r["client"]), answer=context["render"](r["answer"])) for r in chosen]
        # A script prepares for the few reactions that matter most, not for every one: three in a brief one.
        reactions = reactions[:3 if tone == "brief" else 5]
        # Spoken, a date has no year ("by 20 December"); what is written (the follow-up, the documents) keeps it.
        def said(text: str) -> str:
            return without_year(text, phrases)

        reactions = [r.model_copy(update={"answer": said(r.answer)}) for r in reactions]
        if channel == "call":
            points = [p("notice_call"), p("call.points.timeline"), " ".join(context["planned"]),
                      p("open_work_said") if context["open_work"] else "",
                      p("call.points.handover"), p("after_payment_note") if context["after_payment"] else "", p("actions_said"),
                      p("call.points.documents"), p("call.points.unpaid"), p("disputed"),
                      *context["wanted"], p("call.points.referral")]
            return CallContent(
                opening=f"{p('call.opening')} {p('call.not_now')}",
                key_message=said(" ".join(filter(None, [p("call.news"), context["reason"], context["fond"] and p("fond_line"), context["not_about"] and p("not_about_line")]))),
                pause=" ".join(part for part in (p('call.pause'), p('call.listen')) if part),
                points=[said(point) for point in points if point] + _notes(context, p),
                reactions=reactions,
                closing=p("call.closing"),
                follow_up=p("call.follow_up"),
            )
        return MeetingContent(
            objective=p("meeting.objective"),
            when=context["meeting_when"],
            attendees=p("meeting.attendees"),
            timebox=p("meeting.timebox"),
            agenda=p("meeting.agenda"),
            talking_points=[said(point) for point in p("meeting.talking_points")] + _notes(context, p),
            decisions=p("meeting.decisions"),
            # A document the situation does not have is left off the list, not named.
            documents=p("meeting.documents"),
            reactions=reactions,
            closing=p("meeting.closing"),
            follow_up=p("meeting.follow_up"),
        )


def _without_days(context: dict[str, Any], ruled: set[int], phrases: Phrases) -> bool:
    """Work, pickups and steps planned on a day the client says they cannot make are not promised again
    (moving them is offered instead): whether any were taken out of the context."""
    def kept(lines: list, day=lambda line: line) -> list:
        return [line for line in lines if not days_named(day(line), phrases) & ruled]

    before = [len(context[key]) for key in ("open_work", "planned", "returned", "handover_actions")]
    context["open_work"] = kept(context["open_work"], lambda w: w["date"])
    context["planned"], context["returned"] = kept(context["planned"]), kept(context["returned"])
    context["handover_actions"] = kept(context["handover_actions"])
    context["steps_said"] = steps_said(context["handover_actions"], phrases, context["solo"])
    return before != [len(context[key]) for key in ("open_work", "planned", "returned", "handover_actions")]


def _overlaps(excerpt: str, item: str, language: Language) -> bool:
    """Whether a finding's excerpt and a user's item are one piece of text: either holds the other, or the
    excerpt holds every word of the item in another form (a Russian item inflected in the line)."""
    from ..grounding import content_words

    # A bullet's dash or dot is the list's, not the item's.
    a, b = excerpt.strip(" ;,.-•").casefold(), item.strip(" ;,.-•").casefold()
    if not (a and b):
        return False
    words = content_words(b, language)
    found = len(words & content_words(a, language))
    # A word's surface form counts among its "content words" too («вся» read in the line as «всю»): a long
    # item matches when nearly all of its words are there.
    return a in b or b in a or bool(words) and (found == len(words) or len(words) >= 4 and found >= 0.75 * len(words))


def _notes(context: dict[str, Any], p) -> list[str]:
    """The user's own notes as reminders at the end of a script's points ("From your notes: ...")."""
    return [p("your_note").format(note=note) for note in context["notes"]]


def _notes_add_problems(draft: Draft, situation: Situation, context: dict[str, Any], p, content) -> bool:
    """Whether the user's notes, read among the script's lines, draw a finding the script has without them
    (a note that reads as a grievance next to the news): the script then goes without the notes."""
    language, channel = draft.language, draft.channel
    with_notes = {v.rule for v in check(draft.text(), lang=language, channel=channel, situation=situation).violations}
    bare = Draft(channel=channel, language=language, tone=draft.tone,
                 content=content(channel, {**context, "notes": []}, p, load_phrases(language), draft.tone))
    return bool(with_notes - {v.rule for v in check(bare.text(), lang=language, channel=channel, situation=situation).violations})
