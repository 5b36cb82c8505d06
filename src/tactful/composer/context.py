"""The composer's template variables for one situation: the vetted user fragments, the address, the
closure (notice, documents, money), the handover and the reason, plus the snippet renderer ``p``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..address import (
    Addressee,
    addressee,
    asks_informal,
    is_community,
    is_couple,
    is_organisation,
    is_sole_trader,
    is_solo,
    names_person,
    nickname,
    organisation_name,
    role_only,
    titled_in,
    without_role,
)
from ..as_of import as_of, notice_end, planned, within_grace
from ..grounding import find_dates, situation_text, sums
from ..phrases import Phrases, load_phrases
from ..result import LeftOut
from ..situation import Situation
from ..vocab import Channel, Language, Tone
from ..wording import common_start, format_date, names_in, plain_name, with_names
from .grammar import (
    accusative,
    as_step,
    aside_closed,
    be_subject,
    capital_starts,
    due_phrase,
    first_person_step,
    imperative,
    in_first_singular,
    in_running_text,
    is_action,
    is_gerund,
    is_noun_phrase,
    is_relative,
    is_step,
    join_items,
    lower_first,
    object_list,
    opening_clause,
    possessive_to_you,
    project_work,
    promised_by_sender,
    referral_object,
    referral_parts,
    request_form,
    sentence,
    sentences,
    short_name,
    single_stops,
    spelt,
    spoken_amount,
    spoken_head,
    sum_named,
    time_together,
    to_you,
    total_amount,
    without_aside,
    without_finishing,
    without_own_brackets,
    without_own_date,
)
from .vetting import (
    Vetting,
    first_span,
    kept_back,
    matches,
    reason_topics,
    reply_topics,
)


def build_context(
    situation: Situation, channel: Channel, language: Language, tone: Tone, environment: Any
) -> tuple[dict[str, Any], Callable[[str], Any], list[LeftOut]]:
    """The template variables for a situation, the snippet renderer, and what was left out."""
    phrases = load_phrases(language)
    # A friend the notes ask to write to as one («говорить на «ты»», "write to her like a friend"): «ты» keeps none
    # of the user's words out.
    informal = asks_informal(situation, language)
    vetted = Vetting(language, channel, phrases, frozenset({"informal_address"}) if informal else frozenset())
    fields = _vetted_fields(situation, vetted)
    if not fields["contact"]:
        fields["contact"] = vetted.one("client.contact", _named_addressee(situation, phrases))
    who = addressee(fields["client"], fields["contact"], language)
    if language == "en":
        who = titled_in([*situation.reasons, *situation.facts], who)
    # A line the user wants said calls the contact by first name ("'…, Dafydd, and I wanted you to hear it from
    # me'"): a warm message does too, though the contact was typed with a title ("Mr Dafydd Pryce").
    if tone == "warm" and who.title_given and who.first and any(
            re.search(rf"(?:^|[\s:(])[\"“‘'«][^\"”’»]*\b{re.escape(who.first)}\b", note) for note in situation.reasons):
        who = who.model_copy(update={"title_given": False})
    fields["handover"] = [_to_parties(_to_role(to_addressee(_as_terms(item, phrases), who, language, phrases), fields["contact"], language, phrases),
                                      situation, language, phrases) for item in fields["handover"]]
    # The day the message is written, read from the facts once: the notice, the invoices and the work left
    # are all counted from it.
    written = as_of(situation)
    closure = _closure(situation, fields["clause"], language, phrases, written)
    # A reason the user asks to keep private («пусть будет "по личным обстоятельствам"»): the message says only
    # that, and quotes none of their notes as the reason (the note would tell what they keep back).
    privates = [note for note in situation.reasons if matches(note, language, "private_notes")]
    private = privates[0] if privates else None
    # The user's other notes are what may be said aloud («напарник ушёл, один я ночные вызовы не тяну»): every
    # private one is set aside, and the others are read for the reason as usual.
    said_aloud = situation.model_copy(update={"reasons": [n for n in situation.reasons if n not in privates]}) if privates else situation
    aloud = [r for r in fields["reasons"] if not matches(r, language, "private_notes")]
    quoted_private = bool(private and re.search(phrases.snippets["private_said"], private))
    own_reason = "" if quoted_private else _own_reason(aloud, said_aloud, language, phrases, vetted)
    if private and not own_reason:
        own_reason = _private_reason(private, situation, language, phrases, vetted, environment)
    context: dict[str, Any] = {
        # A friend is greeted by the name the notes say she goes by; a note names her by her own ("Tasha's review").
        **_address(who.model_copy(update={"first": nickname(situation, who.first, language)}) if informal else who,
                   situation, fields, language),
        **_work(situation, fields["description"], language, phrases),
        **closure,
        **handover_context(fields["handover"], language, phrases, is_solo(situation.sender, language)),
        **_referral(fields["referral"], language, phrases),
        **_framing(situation, channel, language, phrases, closure["notice_short"], own_reason),
        "facts": _facts_not_said_elsewhere(fields["facts"], situation, language) if situation.include_facts else [],
        "open_work": _open_work(situation, vetted, phrases, who),
        "tone": tone,
        "language": language,
        "informal": informal,
        # The user's own notes remind the speaker in a call script or a meeting plan; an email never has them.
        "notes": vetted.notes(situation.context) if channel != "email" else [],
        "companions": _companions(situation, language, phrases) if channel == "meeting" else [],
        "client_group": _client_group(situation, language, phrases) if channel == "meeting" else "",
        "client_people": _client_people(situation, language, phrases) if channel == "meeting" else [],
        "meeting_when": _meeting_when(situation, language, phrases, written) if channel == "meeting" else "",
        # The user's notes hold the handover back until the money is paid: the message says so, once.
        **_after_payment(situation, fields["waiting"], fields["waiting_on"], language, phrases),
        **_held_fallback(situation, vetted, closure["notice_short"]),
        "notice_bridge": _notice_bridge(situation, vetted, closure["notice_runs_out"], language),
    }
    # The user's grounds for a disputed invoice ("the annex lists scheduled visits only"), said as facts beside it.
    # A user who asks not to argue it ("just offer to go through the call log, no arguing", «не спорить») gets neither the
    # grounds nor "remains due in full": only the offer to go through it.
    calm = any(matches(note, language, "no_arguing") for note in [*situation.reasons, *situation.facts])
    for invoice in context["disputed"]:
        invoice["calm"] = calm
        invoice["grounds"] = "" if calm else _grounds(invoice["number"], situation, language, phrases, vetted)
    if informal:
        # A friend is signed to by first name, with no company or legal form under it («Обнимаю, Наташа»).
        context.update(sender_name=context["sender_first"], sender_company=None)
    # Open work typed as a step ("install the fascia", «сдать 11 изделий») or a sentence is no object of
    # "finish": it is said as the sender's step before the end, with its date.
    steps = [w for w in context["open_work"] if is_step(w["item"], language, phrases)]
    if steps:
        context["open_work"] = [w for w in context["open_work"] if w not in steps]
        solo = is_solo(situation.sender, language)
        dated = [first_person_step(w["item"] + w["when"], language, phrases, solo) for w in steps]
        # A handover note and a piece of open work about the same thing ("return the three dresses, unpinned, with
        # notes"): said once, with its date.
        context["handover_actions"] = [*(a for a in context["handover_actions"] if not any(_mostly_same(a, d, language) for d in dated)),
                                       *dated]
    # A line of the handover about a thing the open work lists too ("The six grit bins belong to us and are collected
    # in the week of 4 January" beside "8 January — collection of our six grit bins"): said there, once.
    subject = phrases.snippets["step_subject"]["i" if context["solo"] else "we"].lower()
    context["handover_actions"] = [a for a in context["handover_actions"]
                                   if a.lower().startswith(subject + " ") or not _in_open_work(a, context["open_work"], language, phrases)]
    context["steps_said"] = steps_said(context["handover_actions"], phrases, is_solo(situation.sender, language))
    # Nothing to hand over and nothing left to do (a window cleaner, a tutor): the plan agrees on the next
    # steps, not on «передача дел» the situation does not have.
    context["hands_over"] = bool(context["handover"] or context["handover_actions"] or context["open_work"])
    # Nothing to hand over, sign or pay: the meeting is a short word about the news, not a half-hour agenda.
    context["brief_meeting"] = not (context["hands_over"] or context["act"] or context["invoice"] or context["unpaid"])
    # The user's own limit for the meeting ("keep it to 20 minutes"), and whether it is held online ("on Zoom").
    notes = [*situation.reasons, *situation.facts]
    limit = next((m for note in notes if (m := re.search(phrases.snippets["meeting_minutes"], note))), None)
    minutes = (limit.groupdict().get("minutes") or limit.groupdict().get("minutes2")) if limit else None
    context["meeting_minutes"] = int(minutes) if minutes else None
    context["short_meeting"] = context["brief_meeting"] or bool(context["meeting_minutes"] and context["meeting_minutes"] <= 20)
    context["online"] = any(matches(note, language, "online_notes") for note in notes)
    # The sender at the table is named without the role they sign with ("Oliver Grant, Managing Partner").
    context["owner"] = context["sender_person"] or phrases.labels["you"]
    # The name the tone calls the client by, in every channel: "Greg" in a warm plan when the warm email
    # says "Hi Greg", "Mr Tanner" in a formal one.
    context["addressed_name"] = context["familiar_name"] if tone == "warm" else context["formal_name"]
    p, render = _renderer(context, phrases, tone, environment)
    context["p"] = p
    context["render"] = render
    context["foreseen"] = foreseen(situation, vetted, p) if channel != "email" else []
    # A client name is kept as typed, but a greeting it makes must still read as a greeting: one the
    # tone rules object to ("Dear <:A 000AAA team,") gives way to a neutral one.
    if who.organisation and not context["person"] and not vetted.greeting(p("greeting"), fields["client"]):
        context["organisation"] = ""
    # A reason in the user's own words that is not a plan of theirs (dictated, or where they stand): the
    # answer to "why?" says it again rather than the bank's line.
    # A line the user wants said is the reason when it says where the sender stands ("I won't anaesthetise
    # without a nurse monitoring"); any other ("we'll keep covering emergencies until …") is said as written.
    wanted, promised = _wanted(situation, language, phrases, vetted)
    # What the client is to collect or give back answers "when can I pick it up?"; a promise, a money question.
    # A note's promise or line about what comes back that the open work lists ("The six grit bins belong to us and are
    # collected in the week of 4 January" beside "collection of our six grit bins"): said there, once.
    wanted = [line for line in wanted if not ((line in promised or matches(line, language, "return_notes") or matches(line, language, "promise_notes"))
                                              and _in_open_work(line, context["open_work"], language, phrases))]
    context["returned"] = [line for line in wanted if matches(line, language, "return_notes")]
    context["promised"] = [line for line in wanted if line not in context["returned"]
                           and (line in promised or matches(line, language, "promise_notes"))]
    # A promise to the client ("I'm refunding the part of the fee I won't get to deliver") is said as one, never as the reason.
    # Nor is the user's answer to a client's pasted message ("As for your message of 1 December: …").
    lead = phrases.snippets["answer_lead"]
    answers = tuple(form.split("{")[0] for form in lead.values())
    # Nor a point to say once ("nobody should use that reformer until …"), which is said as that point.
    once = said_from(wanted, [*situation.reasons, *situation.facts], phrases.snippets["once_marker"], language)
    standing = [line for line in wanted if line not in context["promised"] and line not in once and not matches(line, language, "private_notes")
                and not line.startswith(answers) and (
        matches(line, language, "stance_reason") or matches(line, language, "own_reason") or matches(line, language, "reason_lines"))]
    # A complaint with a topic is said as the sender's terms for it rather than as a clause cut from the
    # same venting note ("we can't bankroll a civil engineering company").
    topic = None if private else _reason_topic(situation, language, phrases)
    # A line that says where the sender stands is the reason unless their own plan is one ("I'm taking a
    # full-time job"): the plan answers "why?", the line is still said where the user asked for it.
    # A note the user marks as the reason to say is said as the reason, after the plan it explains, if any.
    # A story the user sums up with a label ("… payment is the reason") is the reason, whole: the plan beside it is not.
    stories = _labelled_stories(situation, language, phrases, vetted)
    story = next(iter(stories.values()), "")
    sayable = story or _sayable(situation, language, phrases, vetted)
    if sayable and own_reason and not story and not _same_words(own_reason.rstrip(" ."), sayable):
        sayable = f"{own_reason} {sayable}"
    # A reason marked as the one to give ("I'm moving to Galway … that's the honest reason and it's the one to give")
    # goes before the words dictated for the news ("what I'll tell him: the monthly fitting days stop after January").
    # (Not before a wording only marked as the reason, "reason to give: …": that one is the reason itself.)
    told = _dictated(situation, language, phrases, vetted, stories)
    news = any(_dictates(note, phrases) for note in situation.reasons)
    if told and sayable and news and not _same_words(told.rstrip(" ."), sayable):
        told = f"{sayable} {told}"
    dictated = told or story or (standing[0] if standing and not own_reason else "") or sayable
    # A private reason still gives way to the wording the user dictates for it ("just say I can't take the
    # work on any more", «просто сказать, что …»).
    stated = dictated or ("" if own_reason or topic or quoted_private else
                          _own_reason(aloud, said_aloud, language, phrases, vetted, standing=True))
    # The line the dictated reason was cut from is not said again after it.
    # A letter says it written out ("can't" → "cannot"), so the line is compared in that form too.
    # So is the line the dictated reason was given its subject from («Открываю …» said as «Я открываю …»).
    # Nor is the line the user's own reason was taken from ("say something like: 'we've decided to focus on events …'").
    said_reason = stated or own_reason
    context["wanted"] = [line for line in wanted if not any(form == said_reason or (said_reason and form.lower().startswith(said_reason.rstrip(" .").lower()))
                                                            or (said_reason and _same_words(form.rstrip(" ."), said_reason))
                                                            for form in (line, written_out(line, phrases)))]
    # The thanks for paying on time is said in its own words ("платят чётко, день в день — сказать спасибо"), not the note.
    if context["good_payer"]:
        context["wanted"] = [line for line in context["wanted"] if not matches(line, language, "good_payer")]
    # A note the talk prepares as a reaction ("she'll ask about the deposit - back at settlement") is no point to say as well.
    for key in ("wanted", "promised", "returned"):
        context[key] = [line for line in context[key] if not any(_same_words(line.rstrip("."), f["note"]) for f in context["foreseen"])]
    context["planned"] = _planned(situation, fields["facts"], wanted, language, phrases, written) if not (
        situation.include_facts or context["open_work"]) else []
    # Surgery or a landlord selling is no choice: no "the decision stands", no "my own plans".
    context["forced"] = any(matches(note, language, "circumstance_reason") for note in situation.reasons)
    # A private reason is not followed by "this is about how I run my business": it is about neither.
    context["stated"] = bool(stated or private)
    # The user's own wording of the reason is not framed as "my own plans" when asked why: it may be none.
    context["dictated"] = bool(dictated)
    context["reason"] = stated or own_reason or p(f"reason_topic.{topic}" if topic else f"reason.{situation.reason_kind or 'fit'}")
    # The bank's line for the kind alone reads as nobody's reason: the change the notes count ("the series went from 6
    # videos to 14 with no change order") goes before it, as the fact behind the decision.
    # So does a dictated line that only says how the work ends ("I'll do the three tours already on my schedule, then
    # I'm done").
    timeline = bool(stated) and matches(stated, language, "ending_notes")
    if not (own_reason or private) and (timeline or not stated) and (counted := _counted_change(situation, language, phrases, vetted)):
        context["reason"] = f"{counted} {context['reason']}"
    # The user's words keep the names they typed in lower case in a hurry ("in bristol"; "Bristol" elsewhere).
    names = names_in([situation_text(situation)])
    context["reason"] = with_names(context["reason"], names, language)
    context["wanted"] = [with_names(line, names, language) for line in context["wanted"]]
    # A reason or a line the user dictates that speaks warmly already ("I've really enjoyed teaching your guests, but …")
    # is not followed by the stock "I have genuinely enjoyed working with you" as well.
    context["fond"] = context["fond"] and not any(matches(line, language, "fond_notes") for line in [context["reason"], *context["wanted"]])
    # A line about money ("payment for the show does not depend on the result") is said with the invoices.
    # Not a point to say once (`once` above: "say once: two cylinders are past their test date - …, we swap them at
    # cost"): it is a warning of its own, not a line among the invoices.
    # A note that only names the money to bring up ("the November bill - mention it, gently") is said by the invoice
    # lines; read out as a point of its own ("• The November bill.") it is the user's reminder, not a sentence.
    if context["unpaid"] and (label := phrases.snippets.get("money_label")):
        context["wanted"] = [line for line in context["wanted"] if not re.match(label, line)]
    context["wanted_money"] = [line for line in context["wanted"] if "money" in reply_topics(line, language) and line not in once]
    # A safety point from a note to say once ("safety, once: the jetty ladder has two rotten rungs …") is led in as one,
    # apart from the money and the handover: a bare fact in their midst reads as small talk.
    context["safety"] = said_from(context["wanted"], [*situation.reasons, *situation.facts], phrases.snippets["safety_marker"], language)
    # A line of thanks the user dictates ("We have valued the trust …") closes the letter with the wishes.
    context["thanks_wanted"] = [line for line in context["wanted"] if matches(line, language, "thanks_lines")
                                and line not in context["safety"] + context["wanted_money"]]
    context["thanked"] = bool(context["thanks_wanted"])
    context["foreseen"] = [{**f, "client": with_names(f["client"], names, language), "answer": with_names(f["answer"], names, language)}
                           for f in context["foreseen"]]
    # A plan that does not say what it means for this client («Мы взяли большой верёвочный парк») is followed by
    # the line of the kind the user chose ("… no longer have the people or the time for this work").
    if own_reason and not stated and situation.reason_kind in phrases.snippets.get("kinds_after_plan", []):
        context["reason"] += " " + p(f"reason.{situation.reason_kind}")
    return context, p, vetted.left_out


def _reason_topic(situation: Situation, language: Language, phrases: Phrases) -> str | None:
    """The topic of the user's complaint ("kit comes back late and damaged": equipment), to be said as the
    sender's working terms; None when the reasons name none or the reason kind the user chose is another."""
    kinds = phrases.snippets.get("reason_topic_kinds", {})
    # A point the message makes on its own ("safety, ONCE: the mast chains are stretched …", "safety, say once: …") is
    # said there, not the complaint behind the decision.
    points = phrases.snippets.get("asked_point", [])
    # Nor is a note that forbids ("don't mention the bride who screamed at me"): its topic would hint at it.
    notes = [n for n in situation.reasons if not any(re.search(p, n, flags=re.IGNORECASE) for p in points)
             and _before_forbidden(n, language, phrases).strip() and not _said_once(n, phrases)]
    found = reason_topics("\n".join(notes), language)
    topics = [t for t in found if situation.reason_kind is None or situation.reason_kind in kinds.get(t, [])]
    # Unpaid invoices and wasted visits both: the kind the user chose says it more broadly than either topic
    # ("a more predictable schedule of work and payments"); safety or how people were treated is said first.
    first = phrases.snippets.get("first_topics", [])
    if situation.reason_kind and len(found) > 1 and not (topics and topics[0] in first):
        return None
    return topics[0] if topics else None


def _vetted_fields(situation: Situation, vetted: Vetting) -> dict[str, Any]:
    """Every user fragment the letter may quote, after the checker (the rest is recorded as left out)."""
    return {
        "facts": vetted.keep("facts", [vetted.in_normal_case(f) for f in situation.facts], strict=True),
        # "…, all of it, not just them": the aside that names this client only says the decision is not about them, and
        # read alone it sounds like a verdict on them; the reason reads the same without it.
        "reasons": vetted.keep("reasons", [said for r in situation.reasons
                                           if (said := _not_about_them(vetted.in_normal_case(r), vetted.phrases)).strip(" .")], strict=True),
        "contact": vetted.one("client.contact", situation.client.contact),
        "client": vetted.one("client.name", situation.client.name) or "",
        "description": vetted.one("project", situation.project_name or situation.project),
        "referral": None if typed_as_none(situation.referral, vetted.phrases) else vetted.one("referral", situation.referral),
        **_vetted_handover(situation, vetted),
        "sender_name": vetted.one("sender.name", situation.sender.name),
        "sender_company": vetted.one("sender.company", situation.sender.company),
        "clause": vetted.one("contract.clause", _bare_clause(situation.contract.clause or "", vetted.phrases) or None),
    }


def _not_about_them(note: str, phrases: Phrases) -> str:
    """A note without its asides that say the decision is not about this client ("…, not just the Gilded Hare",
    "Not about them.", «к Евгении Викторовне претензий нет, скорее наоборот»): the message says that in a line of
    its own (`_not_about`), and the reason reads the same without them."""
    for key in ("not_just_aside", "not_about_aside"):
        note = re.sub(phrases.snippets.get(key, "(?!)"), "", note)
    return note


def _vetted_handover(situation: Situation, vetted: Vetting) -> dict[str, Any]:
    """The handover notes as the letter says them (each vetted in that form, and said once), and what of
    the handover waits for payment (`_payment_first`)."""
    language, phrases = vetted.language, vetted.phrases
    # "theirs: 5 badges and the key - …": the label says whose the things are; the note is about the things.
    labelled = [re.sub(phrases.snippets.get("owner_label", "(?!)"), "", item) for item in situation.handover]
    # Someone else's thing that goes back to them ("their spectrophotometer lent to us - returned to Ms Lindqvist") is the
    # sender's step, not one asked of the client; our own thing («наш планшет … — вернуть до 31.12») is theirs to return.
    def returned_by_us(item: str) -> bool:
        return bool(vetted.third_party(item)) and not re.match(phrases.snippets.get("own_thing", "(?!)"), item)

    asked = {item: request for item in labelled if not returned_by_us(item) and (request := _asked_of_client(item, language, phrases))}
    labelled = [item for item in labelled if item not in asked]
    handover, waiting, waiting_on = _payment_first(labelled, language, phrases)
    candidates = [_plain_brackets(i, language).strip() for i in vetted.handed_over(handover)]
    said = {item: said_item(item, language, phrases) for item in candidates}
    # The sender's own things are collected, a step of theirs ("collect my wither gauge and flocking irons from your
    # tack room"), vetted in that form.
    solo = is_solo(situation.sender, language)
    own = [item for item in handover if vetted.owned(item)]
    collected = [_collect_step(item, language, phrases, solo) for item in own]
    collected += [_return_step(m, language, phrases, solo) for item in handover if (m := vetted.third_party(item))]
    collected += [phrases.snippets["refund_step"]["i" if solo else "we"].format(thing=to_you(m["thing"].strip(), language, phrases))
                  for item in handover if (m := vetted.refund(item))]
    # The client's own things where they are ("mower and trimmer in the shed - his") are left with them, not handed over.
    collected += [_leave_step(item[:cut], language, phrases, solo) for item in handover
                  if item not in own and (cut := vetted.left_with_client(item))]
    collected += asked.values()
    # What stays with the sender, typed as a plain statement ("my pattern blocks and dye recipes stay with me", "our lime
    # mix recipes are not handed over"), is said once, so the client does not expect it later; not a note to the tool
    # ("don't offer the password").
    collected += [kept for item in handover if kept_back(item, language, "neither_party") and (kept := _kept_statement(item, phrases, solo))]
    return {"handover": [said[item] for item in vetted.keep("handover", candidates, strict=False, said=said.__getitem__)]
            + vetted.keep("handover", collected, strict=False),
            "waiting": waiting, "waiting_on": waiting_on}


def _kept_statement(item: str, phrases: Phrases, solo: bool) -> str | None:
    """A handover note that states what stays with the sender, as the sentence said to the client: "my pattern blocks
    and dye recipes stay with me" → "My pattern blocks and dye recipes stay with me"; "our lime mix recipes are not
    handed over" → "Our lime mix recipes stay with us"; None for any other note."""
    item = item.strip(" .")
    for pattern, replacement in phrases.snippets.get("kept_statement", []):
        if re.search(pattern, item, flags=re.IGNORECASE):
            said = re.sub(pattern, replacement.format(us=phrases.snippets["kept_with"]["i" if solo else "we"]), item, flags=re.IGNORECASE)
            return said[:1].upper() + said[1:]
    return None


def _asked_of_client(item: str, language: Language, phrases: Phrases) -> str | None:
    """A handover note of what the client does, asked of them, not a step of the sender's: "they stop using our
    photos in their brochure after 21 Dec" → "Please stop using …"; "our 40 pallets - return with the goods or pay
    4.50 each" (the client's choice) → "Please return our 40 pallets with the goods or pay 4.50 each"."""
    item = _without_brackets(item)
    # "our 6 rental pipes - they empty them and send them back by 22 January", "their 36 pipes, repaired - they collect
    # by 22 January": the thing, then the client's step with it, asked with the thing named in it.
    after = re.search(phrases.snippets.get("client_step_after", "(?!)"), item, flags=re.IGNORECASE)
    # «мою горелку Саня брал домой — пусть вернёт»: the thing ends where the story of it starts.
    held = (_before_verb(item[:after.start()], language, phrases) if language == "ru" else item[:after.start()]) if after else ""
    if after:
        verb, rest = (after["verb"], after["step"]) if language == "ru" else after["step"].strip().partition(" ")[::2]
    # «наш термопринтер стоит у неё в офисе с сентября — вернуть до 21.01», "my sketchbooks are on her shelf - I want
    # them back": ours, so returning it is the client's step; where it stands is the user's note, not the thing.
    elif re.match(phrases.snippets.get("own_thing", "(?!)"), item) \
            and (after := re.search(phrases.snippets.get("own_returned_after", "(?!)"), item, flags=re.IGNORECASE)):
        held = _before_verb(item[:after.start()], language, phrases)
        if end := re.search(phrases.snippets.get("own_held_end", "(?!)"), held, flags=re.IGNORECASE):
            held = held[:end.start()]
        verb, rest = phrases.snippets["own_returned_verb"], after["step"] if language == "ru" else f"them {after['step'].strip()}"
    if after and after.start():
        thing = said_item(re.sub(phrases.snippets.get("held_by_client", "(?!)"), "", held, flags=re.IGNORECASE), language, phrases)
        if language == "ru":
            from ..text import likeliest_ru

            verb = likeliest_ru(verb.lower()).normal_form
            verb = phrases.snippets.get("perfective", {}).get(verb, verb)
            thing = accusative(to_you(thing, language, phrases), language, phrases) or thing
            step = re.sub(r"\s+(?=[,;])", "", f"{verb} {thing} {full_months(rest, phrases).strip()}".strip())
            return phrases.snippets["step_request"] + request_form(step)
        # "he collects them …" asked of him: "collect them …".
        verb = re.sub(r"(?<=[a-z]{4})(?:e?s)$", "", verb) if verb.endswith("s") and not verb.endswith("ss") else verb
        # "take them back" → "take back the spare fins …": the thing, long, after its particle.
        rest = re.sub(r"\b(?:them|it)(?:\s+(back|away|up|out|off)\b)?", lambda m: " ".join(filter(None, [m[1], aside_closed(thing, m.string[m.end():])])), rest, count=1) \
            if re.search(r"\b(?:them|it)\b", rest) else f"{thing}{',' if ',' in thing and rest else ''} {rest}"
        return phrases.snippets["step_request"] + to_you(f"{verb} {rest}".strip(), language, phrases)
    subject = phrases.snippets.get("client_subject_step", "(?!)")
    if re.match(subject, item, flags=re.IGNORECASE):
        item = re.sub(subject, "", item, count=1, flags=re.IGNORECASE)
    elif not matches(item, language, "client_returns"):
        return None
    step = said_item(item, language, phrases)
    return phrases.snippets["step_request"] + (request_form(step) if language == "ru" else step)


def typed_as_none(referral: str | None, phrases: Phrases) -> bool:
    """Whether the referral field says there is no one ("none - nobody will take it", «нет, никого не советую»)."""
    return bool(referral) and bool(re.match(phrases.snippets.get("referral_none", "(?!)"), referral.strip()))


def _return_step(m: re.Match[str], language: Language, phrases: Phrases, solo: bool) -> str:
    """A note of someone else's thing (``m``, read by `Vetting.third_party`) as the step of returning it to them
    ("the band's amp - goes back to the band" → "return the band's amp to the band"); the one it goes back to is named
    as typed, not as the client; where the client's own things go back to is theirs too («их панели — вернём на их
    склад» → «вернуть на ваш склад ваши панели»)."""
    # «их запасные части лежат у нас на складе — вернём …»: where the thing lies now is the user's note, not the thing.
    typed = _before_verb(_without_brackets(m["thing"]).strip(" ,"), language, phrases)
    thing = to_you(typed, language, phrases)
    if not m["to"]:  # the client's own thing, back to them ("their cloche - we bring it back with the last delivery")
        # "their Vitamix is at my place for the party prep": where it is now is the user's note, not the thing.
        thing = re.split(phrases.snippets.get("thing_where", "(?!)"), thing, maxsplit=1)[0]
        return phrases.snippets["return_back_step"].format(thing=thing, when=m["when"] or "")
    to = to_you(m["to"].strip(), language, phrases) if thing != typed else m["to"].strip()
    thing = accusative(thing, language, phrases) or thing
    # «… — возвращаем на проходной 29.12»: the day goes after the thing, not between the place and it, with what
    # follows it; «… — вернём 22.01 управляющей»: the day that opens it goes after the thing too.
    after = ""
    if day := re.search(rf"(?:^|\s+)(?:{phrases.snippets.get('step_dotted_day', '(?!)')})", to):
        if day.start():
            to, after = to[:day.start()], to[day.start():]
        elif rest := to[day.end():].strip():
            to, after = rest, " " + day[0]
    return phrases.snippets["return_step"]["i" if solo else "we"].format(thing=thing, to=to) + after


def _leave_step(thing: str, language: Language, phrases: Phrases, solo: bool) -> str:
    """The client's own thing as the step of leaving it with them ("leave the mower and trimmer in the shed with you",
    «оставить у вас учебники в шкафу»)."""
    thing = to_you(_without_brackets(thing).strip(" ,.;:-–—"), language, phrases)
    thing = _before_verb(thing, language, phrases)
    if language == "ru":
        thing = accusative(thing, language, phrases) or thing
    return phrases.snippets["leave_step"]["i" if solo else "we"].format(thing=thing)


def _before_verb(thing: str, language: Language, phrases: Phrases) -> str:
    """A thing up to where a clause of its own starts («учебники Cambridge куплены компанией», «наши леса во дворе
    разбираем и вывозим», "the espresso machines stay with the hotels", "my mic left in the meeting room comes back
    to me")."""
    if language != "ru":
        end = re.search(phrases.snippets.get("thing_end", "(?!)"), thing, flags=re.IGNORECASE)
        return (thing[:end.start()] if end and end.start() else thing).strip(" ,")
    from ..text import likeliest_ru

    words = thing.split()
    cut = next((i for i, w in enumerate(words) if i and (r := likeliest_ru(w.strip(",.;:"))) is not None
                and r.tag.POS in {"PRTS", "VERB", "INFN"}), len(words))
    # «…, которые лежат у нас»: the clause goes whole, its «которые» too; so does one on «…, что стоят в фойе».
    cut = next((i for i in range(cut) if is_relative(words[i]) or (i and words[i].lower() == "что" and words[i - 1].endswith(","))), cut)
    # «… горелку для ремонта Саня брал домой»: the name or pronoun before the verb is its subject, not the thing's.
    if 1 < cut < len(words) and (r := likeliest_ru(words[cut - 1].strip(",.;:"))) is not None and "nomn" in r.tag \
            and (words[cut - 1][:1].isupper() or r.tag.POS == "NPRO"):
        cut -= 1
    return " ".join(words[:cut]).strip(" ,")


def _collect_step(item: str, language: Language, phrases: Phrases, solo: bool) -> str:
    """A note of the sender's own thing as the step of collecting it: the thing before the break its mark follows
    ("portable wool press - OURS, picking up Thursday 10 Dec" → "collect our portable wool press"; «мой набор ключей у
    Тимура в тумбочке — забираю» → «забрать свой набор ключей у Тимура в тумбочке»), said to the client ("from their
    tack room" → "from your tack room")."""
    snippets = phrases.snippets
    if listed := re.match(snippets.get("own_list", "(?!)"), item):
        # "mine to collect: the cover meter and …": the possessive takes the article's place.
        item = snippets["collect_possessive"]["i" if solo else "we"] + re.sub(
            rf"^(?:{'|'.join(phrases.articles)})\s+", "", _without_brackets(listed["list"]), flags=re.IGNORECASE)
    # The thing ends at the break its mark follows («моя аппаратура — 2 колонки, пульт — забираю»), else at the first
    # dash: «наши 12 юрт - 6 зимних демонтируем и вывозим 16-18 февраля» names the yurts before it, whatever is
    # said of them after; else before the mark's verb.
    cuts = [c for c in re.finditer(snippets["own_cut"], item) if re.match(snippets["own_word"], item[c.end():])]
    dash = re.search(r"\s+[-–—]\s+", item)
    cut = next((c.start() for c in cuts if c[0].strip()), dash.start() if dash else cuts[0].start() if cuts else None)
    thing = item[:cut] if cut is not None else item
    # «НАШ конструктив со склада вывозим до 20 января»: a Russian thing ends where its verbs start.
    thing = _before_verb(thing, language, phrases)
    # What is said of the thing after it, where the day it is collected on is found.
    rest = item[len(thing):]
    # "the 2 perches on the roof are OURS - we'll take them down …": the thing ends where its mark stands.
    tail = re.search(snippets["own_tail"], thing)
    thing = (thing[:tail.start()] if tail else thing).strip(" ,.;:-–—")
    for pattern, replacement in snippets.get("own_swap", []):
        thing = re.sub(pattern, replacement, thing)
    voice = "i" if solo else "we"
    for pattern, replacement in snippets.get("voice_possessive", {}).get(voice, []):
        thing = re.sub(pattern, replacement, thing)
    if not re.match(snippets["own_possessive"], thing):
        thing = snippets["collect_possessive"][voice] + thing
    thing = to_you(thing, language, phrases)
    if language == "ru":
        thing = accusative(thing, language, phrases) or thing
    # The day it is collected on goes with it ("- picking up 10 Dec", «— забираем 3 января»); before a thing with a
    # clause of its own where the language allows («заберу 1 января свою аппаратуру — 2 колонки, пульт»), else not
    # at all ("my calculator, lent to Ethan in October, on 14 Jan" would read as the lending's day).
    day = _first_day(rest, phrases.snippets.get("date_prepositions", []))
    if occasion := re.search(snippets.get("collect_occasion", "(?!)"), rest):
        thing = f"{thing} {occasion[0]}"
    # Commas that list the things ("my wall frames, lines, pins and two walling hammers") are no clause: the day follows.
    if day and "," in thing and not re.search(snippets.get("thing_list", "(?!)"), thing):
        before = snippets.get("day_before_thing")
        return snippets["collect_step"][voice].format(thing=before.format(date=day, thing=thing) if before else thing)
    step = snippets["collect_step"][voice].format(thing=thing)
    if day and day.split()[0].lower() in snippets.get("date_prepositions", []):
        return f"{step} {day}"
    return snippets["dated_step"].format(step=step, date=day) if day else step


def _first_day(text: str, prepositions: list[str]) -> str | None:
    """The first date written with its day in ``text``, as typed, with the day a span opens on ("16-18 февраля") and
    the preposition before it («до 20 января», "by 22 January")."""
    found = sorted(find_dates(text))
    if not found:
        return None
    start, end, _ = found[0]
    before = "|".join(re.escape(p) for p in prepositions) or "(?!)"
    span = re.search(rf"(?:(?<!\w)(?:{before})\s+)?(?:\d{{1,2}}\s*[-–—]\s*)?$", text[:start], flags=re.IGNORECASE)
    return text[span.start() if span else start:end]


def _as_terms(item: str, phrases: Phrases) -> str:
    """A handover note that states a term ("anything missing billed at replacement cost") as the sentence it is
    ("Anything missing will be billed at replacement cost"), not a thing handed over."""
    for pattern, replacement in phrases.snippets.get("handover_terms", []):
        item = re.sub(pattern, replacement, item, flags=re.IGNORECASE)
    return item


def _named_addressee(situation: Situation, phrases: Phrases) -> str | None:
    """The person a note says the letter goes to ("letter should go to the clerk - Mrs Okafor"), or None."""
    found = (re.search(p, note, flags=re.IGNORECASE) for note in situation.reasons for p in phrases.snippets.get("addressee_notes", []))
    return next((m["name"] for m in found if m), None)


def to_addressee(item: str, who: Addressee, language: Language, phrases: Phrases, possessives: bool = True) -> str:
    """A handover note that names the person the letter greets, said to them: "admin access to Sarah" →
    "admin access to you", «вернуть ключ Игорю» → «вернуть ключ вам». With ``possessives``, "her"/«её» in it stands
    for them too ("her honey extractor"); the user's answer to a point speaks of others that way ("send you his
    number"), so there only the name counts."""
    if not (who.person and (who.first or who.title or who.patronymic)) or " и " in who.first or " and " in who.first:
        return item
    # «Прохоров А. В.»: initials are no name to find in a note; «Михалыч», a patronymic alone, is how the user calls him.
    called = who.first or (who.patronymic if language == "ru" and not who.last else "")
    if language == "ru" and not called:
        return item
    said = item
    if language != "ru":
        # By first name, full name, or title and surname ("summaries for Dr Brice"), the longest first.
        names = {who.first, who.formal, f"{who.first} {who.last}".strip()} - {""}
        for name in sorted(names, key=len, reverse=True):
            for pattern, replacement in phrases.snippets["to_addressee"]:
                said = re.sub(pattern.format(name=re.escape(name)), replacement, said)
        # Not after "each"/"every" ("a note for each bride once her dress is collected": the bride's dress).
        for pattern in phrases.snippets.get("addressee_possessives", []) if possessives else []:
            said = re.sub(pattern, lambda m: m[0] if re.search(r"\b(?:each|every)\b", said[:m.start()], flags=re.IGNORECASE) else "your", said)
        for pattern, replacement in phrases.snippets.get("addressee_objects", []) if possessives else []:
            said = re.sub(pattern, replacement, said)
    else:
        from ..wording import inflect_phrase, petrovich_form

        # «отвезти маму Елены Аркадьевны»: her name after a noun is whose it is, said «её маму», then «вашу маму» below.
        own = phrases.snippets.get("addressee_possessive", {}).get(who.gender or "")
        if possessives and own and who.first:
            for form in sorted({who.inflected("gent"), petrovich_form("firstname", who.first, "gent", who.gender)} - {None, ""}, key=len, reverse=True):
                said = re.sub(rf"(?<![а-яё])([а-яё]+)\s+{re.escape(form)}\b", lambda m: f"{own['pronoun']} {m[1]}" if _is_noun(m[1]) else m[0], said)
        for case, pronoun in phrases.snippets["addressee_pronouns"].items():
            # A short form petrovich does not decline («Серёга» → «Серёге») is declined by the dictionary; so is a
            # patronymic alone («Михалычу»), in its cases only.
            forms = {who.inflected(case), petrovich_form("firstname", who.first, case, who.gender), inflect_phrase(who.first, case)} \
                if who.first else {inflect_phrase(called, case)} - {called}
            # Not where the name calls them («Шаблоны, Гоги, не продам»): between commas, or first before one.
            for form in sorted((f for f in forms if f), key=len, reverse=True):
                said = re.sub(rf"(^|,\s*)?\b{re.escape(form)}\b(?=(\s*[,!])?)",
                              lambda m, p=pronoun: m[0] if m[1] is not None and m[2] else (m[1] or "") + p, said)
        # «Елена Викторовна выкупит» of the woman the letter greets: «вы выкупите».
        for name in sorted({who.formal, who.first} - {""}, key=len, reverse=True):
            said = re.sub(rf"(^|[.!?]\s+)?\b{re.escape(name)}\s+([а-яё]+)", lambda m: _you_do(m, phrases), said)
        # «её 14 силиконовых форм» of the woman the letter greets: «ваши 14 силиконовых форм».
        if possessives and (own := phrases.snippets.get("addressee_possessive", {}).get(who.gender or "")):
            said = possessive_to_you(said, own["pronoun"], phrases, of=own["of"])
    # The user's aside about the same person ("(words he never uses)") would now speak of them as "he".
    third = "|".join(phrases.snippets["third_person"])
    if said != item:
        said = re.sub(rf"\s*\([^)]*\b(?:{third})\b[^)]*\)", "", said, flags=re.IGNORECASE)
    return said


def _is_noun(word: str) -> bool:
    from ..text import likeliest_ru

    return (reading := likeliest_ru(word)) is not None and reading.tag.POS == "NOUN"


def _you_do(m: re.Match[str], phrases: Phrases) -> str:
    """The person the letter greets, named as the subject of a verb in the third person («Елена Викторовна выкупит»),
    said to them: «вы выкупите» (past: «вы выкупили»); any other word after the name leaves it as typed."""
    from ..text import likeliest_ru

    verb = likeliest_ru(m[2])
    if verb is None or verb.tag.POS != "VERB" or "sing" not in verb.tag or not ("3per" in verb.tag or "past" in verb.tag):
        return m[0]
    form = verb.inflect({"plur"} if "past" in verb.tag else {"plur", "2per"})
    if form is None:
        return m[0]
    you = phrases.snippets["addressee_subject"]
    return f"{m[1] or ''}{you[:1].upper() + you[1:] if m[1] is not None else you} {form.word}"


def words_in_common(line: str, other: str, language: Language, letters: int = 4) -> int:
    """How many of a line's own words (of ``letters`` letters or more) another line has too, each word once
    whatever its forms ("chairs" is one word, not "chair" and "chairs")."""
    from ..grounding import content_words
    from ..text import tokenize

    theirs = content_words(other, language)
    words = {frozenset(t.lemmas) | {t.text.lower()} for t in tokenize(line, language) if t.is_word and len(t.text) > 2}
    return sum(1 for forms in words if {f for f in forms if len(f) >= letters} & theirs)


def said_from(lines: list[str], notes: list[str], pattern: str, language: Language) -> list[str]:
    """The lines said from the notes a pattern marks ("safety, say it once: …"), by three words of five letters or
    more in common with one of them."""
    marked = [n for n in notes if re.search(pattern, n)]
    return [line for line in lines if any(words_in_common(line, n, language, letters=5) >= 3 for n in marked)]


def _in_open_work(line: str, open_work: list[dict[str, Any]], language: Language, phrases: Phrases) -> bool:
    """Whether the thing a sentence speaks of, named before its verb ("The six grit bins belong to us …"), is a
    piece of the open work, by two words of its own."""
    verbs = phrases.snippets.get("sentence_verbs")
    found = re.match(verbs, line, flags=re.IGNORECASE) if verbs else None
    thing = found[0].rsplit(" ", 1)[0] if found else ""
    # A short subject only: a long one ("My controller and booth monitor, taken away after the last party; …") is no name.
    return 0 < len(thing.split()) <= 8 and any(words_in_common(thing, w["item"], language) >= 2 for w in open_work)


def _mostly_same(line: str, other: str, language: Language) -> bool:
    """Whether most of a line's own words (of four letters or more) are in another line too."""
    from ..grounding import content_words

    # "the originals for batches 4 and 5" is not "batch 3 … and the originals": its numbers must be there too.
    words = {w for w in content_words(line, language) if len(w) >= 4}
    return bool(words) and words_in_common(line, other, language) >= 0.6 * len(words) \
        and set(re.findall(r"\d+", line)) <= set(re.findall(r"\d+", other))


def _to_role(item: str, contact: str | None, language: Language, phrases: Phrases) -> str:
    """A handover note that names the contact by the post typed after their name ("Шевчук Тамара Николаевна,
    директор"), said to them: «журнал — директору ДК, по акту» → «журнал — вам, по акту», "to the Headteacher
    only" → "to you only"."""
    role = (contact or "")[len(without_role(contact or "")):].strip(" ,()—–-")
    if not role or len(role) < 4:
        return item
    if language == "ru":
        from ..wording import inflect_phrase

        dative = inflect_phrase(role.lower(), "datv")
        if not dative:
            return item
        # «директору ДК», «директору «Энергетика»»: the post and the client's short name after it.
        pattern = rf"(?<![а-яё]){re.escape(dative)}(?:\s+(?:[А-ЯЁA-Z][^\s,;.]*|«[^»]+»))?(?![а-яё])"
        return re.sub(pattern, phrases.snippets["addressee_pronouns"]["datv"], item, flags=re.IGNORECASE)
    return re.sub(rf"\b(to|for)\s+(?:the\s+|your\s+)?{re.escape(role)}\b", r"\1 you", item, flags=re.IGNORECASE)


def _to_parties(item: str, situation: Situation, language: Language, phrases: Phrases) -> str:
    """A handover note that names the client's organisation or the sender's business, said as a letter between
    them: "the contractor Kestrel names in writing" → "the contractor you name in writing", "which belongs to
    Top Barn" → "which belongs to us". A business is named by its whole name without the legal form, by its
    first words, or by its first word when that is a long one ("Kestrel" of "Kestrel Block Management Ltd")."""
    bank = phrases.snippets.get("party_names")
    if not bank:
        return item

    def short_names(name: str | None) -> list[str]:
        words = organisation_name(name or "", language).split()
        found = [" ".join(words[:n]) for n in range(len(words), 1, -1)] + ([words[0]] if words and len(words[0]) >= 5 else [])
        return [n for n in found if n[:1].isupper()]

    voice = "i" if is_solo(situation.sender, language) else "we"
    # The sender named as a person ("stay with Maureen") is "me" in their own letter.
    person = without_role(situation.sender.name or "").split()
    own = [" ".join(person), person[0]] if language == "en" and len(person) >= 2 else []
    sides = [(short_names(situation.client.name), bank["client"]), (short_names(situation.sender.company), bank["sender"][voice]),
             (own, bank["sender"]["i"])]
    said = item
    for names, patterns in sides:
        for name in names:
            for pattern, replacement in patterns:
                said = re.sub(pattern.format(name=re.escape(name), verbs=bank["verbs"]), replacement, said)
    return _named_me(said, " ".join(person), bank) if language == "ru" and len(person) >= 2 else said


def _named_me(item: str, name: str, bank: dict[str, Any]) -> str:
    """The sender's own name in a Russian note said as «я» in its case: «о назначении Хабибуллиной
    ответственной» → «о назначении меня ответственной», «с Ильёй Орловым» → «со мной». A form that several
    cases share takes its case from the preposition before it, or else from the word before it."""
    from ..address import declined_name
    from ..text import likeliest_ru

    words = name.split()
    forms: dict[str, set[str]] = {}
    for case in bank["me"]:
        declined = (declined_name(name, case) or "").split()
        if len(declined) == len(words):
            for form in {" ".join(declined), *(d for d, w in zip(declined, words) if len(w) >= 4)}:
                forms.setdefault(form.lower(), set()).add(case)

    def me(m: re.Match[str]) -> str:
        before = (m.group("before") or "").strip()
        cases = forms[m.group("name").lower()]
        reading = likeliest_ru(before) if before else None
        case = bank["me_prepositions"].get(before.lower()) or (
            bank["me_after_noun"] if reading is not None and reading.tag.POS == "NOUN" else
            bank["me_after_verb"] if reading is not None and reading.tag.POS in ("VERB", "INFN") else None)
        pronouns = {bank["me"][c] for c in cases} if len({bank["me"][c] for c in cases}) == 1 else {bank["me"][case]} if case in cases else set()
        if len(pronouns) != 1:
            return m.group(0)
        lead = bank["me_after"].get(before.lower(), before) if before.lower() in bank["me_prepositions"] else before
        return f"{m.group('start')}{lead}{' ' if lead else ''}{pronouns.pop()}"

    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.sub(rf"(?P<start>^|(?<=\s))(?:(?P<before>[а-яё]+)\s+)?(?P<name>{names})\b", me, item, flags=re.IGNORECASE) if names else item


def _payment_first(items: list[str], language: Language, phrases: Phrases) -> tuple[list[str], list[str] | None, list[str]]:
    """Handover notes without the payment they wait for ("files after payment", «отдам после оплаты»), and
    what waits for it: the things named (["files"]); [] when a note holds back the whole handover ("repo +
    doc handed over once invoices are paid" only repeats things of the list, and goes); None when nothing
    waits. The condition is said once. Also the notes' words from the condition on ("once KM-0912 is
    settled"), so the letter can name the invoice the user named."""
    kept: list[str] = []
    things: list[str] = []
    conditions: list[str] = []
    everything = False
    for item in items:
        span = first_span(item, language, "after_payment")
        if span is None:
            kept.append(item)
            continue
        conditions.append(item[span[0]:])
        thing = re.sub(phrases.snippets["handover_verb_tail"], "", item[: span[0]].rstrip(" ,;:—–-(")).strip(" ,;:—–-(")
        # "… - they collect, or we deliver": the client's option is said with the condition, not as a step.
        offered = re.sub(phrases.snippets.get("collect_or_deliver", "(?!)"), "", thing, flags=re.IGNORECASE)
        # A note that says something of its own before the condition ("the warranty is registered to us -
        # transferred to you once BAC-1002 is paid") is said whole, condition and all: cut, it is no thing.
        if thing and is_step(offered, language, phrases):
            # Joined by a comma, not a dash: what follows a dash is read as the user's aside and dropped.
            kept.append(re.sub(r"\s+[—–-]\s+", ", ", item))
            continue
        others = " ".join(i for i in items if i != item).casefold()
        if thing and not all(word in others for word in re.findall(r"[^\W\d_]{3,}", offered.casefold())):
            kept.append(offered)
            things.append(thing)
        else:
            everything = True
    return kept, ([] if everything else things) if (everything or things) else None, conditions


def _after_payment(situation: Situation, waiting: list[str] | None, conditions: list[str], language: Language,
                   phrases: Phrases) -> dict[str, Any]:
    """What of the handover waits for the money ("The pattern files will follow once …"), when anything is
    owed or invoiced: `after_payment` says it does, `after_payment_items` names the things (none: all of it;
    `waiting` as `_payment_first` gives it). When every condition names the same open invoice ("we deliver once
    KM-0912 is settled"), `after_payment_invoice` is its number: the letter does not hold the things against
    the others, a disputed one among them. When the notes let the client fetch the things meanwhile ("they
    collect, or we deliver once …", `collect_or_deliver`), `after_payment_collect` says so and the things are
    named without it."""
    owed = bool(situation.unpaid_invoices or situation.final_invoice)
    collect = phrases.snippets.get("collect_or_deliver", "(?!)")
    things = [said_item(re.sub(collect, "", t, flags=re.IGNORECASE), language, phrases) for t in waiting or []]
    # A thing that does not inflect whole («2 барные стойки на нашем складе») is named as the notes say it.
    named = object_list([accusative(t, language, phrases) or t for t in things], phrases) if things else ""
    numbers = {i.number for i in situation.unpaid_invoices if i.number and all(re.search(rf"(?<!\w){re.escape(i.number)}(?!\w)", c)
                                                                            for c in conditions)}
    return {"after_payment": owed and waiting is not None, "after_payment_items": (named[:1].upper() + named[1:]) if named else "",
            # The template says «№»/"invoice" itself: the number as typed («№ 21») goes without its own.
            "after_payment_invoice": re.sub(phrases.snippets["invoice_number_prefix"], "", next(iter(numbers)), flags=re.IGNORECASE).strip()
            if len(numbers) == 1 and conditions else "",
            "after_payment_collect": bool(named) and any(re.search(collect, t, flags=re.IGNORECASE) for t in waiting or [])}


def _plain_brackets(item: str, language: Language) -> str:
    """A handover note whose only words in the other language are a technical aside in brackets («архив
    NDVI-карт (shp + geotiff)») without that aside, so the item is kept rather than left out as mixed."""
    from ..rules.consistency import in_other_language

    bare = _without_brackets(item)
    return bare if bare and in_other_language(item, language) and not in_other_language(bare, language) else item


def _without_brackets(text: str) -> str:
    """``text`` without the notes the user put in brackets ("£1,960 (disputed in part)")."""
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def full_months(text: str, phrases: Phrases) -> str:
    """Months said in full and with their capital, as a letter does ("from Feb" → "from February", "in feb",
    "Jan issue", "from april" and "1 march" too), and holidays typed short («до НГ» → «до Нового года»)."""
    for short, month in phrases.snippets.get("month_abbreviations", {}).items():
        # Its dot is the abbreviation's, but a date that is whole with its day ("refused on 28 nov. no guests …")
        # ends its sentence there.
        text = re.sub(rf"(?<=\d )\b{short}\.(?=\s+[^\W\d_])", f"{month}.", text, flags=re.IGNORECASE)
        text = re.sub(rf"\b{short}\b\.?", month, text, flags=re.IGNORECASE)
    for pattern, replacement in phrases.snippets.get("holidays_in_full", []):
        text = re.sub(pattern, replacement, text)
    if capitals := phrases.snippets.get("month_capitals"):
        text = re.sub(rf"\b(?:{capitals['always']})\b", lambda m: m[0].capitalize(), text)
        text = re.sub(rf"\b(?:{capitals['ambiguous']})(?= \d)", lambda m: m[0].capitalize(), text)
        # "from 1 march": after the day too.
        text = re.sub(rf"(?<=\d )(?:{capitals['ambiguous']})\b", lambda m: m[0].capitalize(), text)
        text = re.sub(rf"\b((?:{capitals['after']}) )({capitals['ambiguous']})\b", lambda m: m[1] + m[2].capitalize(), text,
                      flags=re.IGNORECASE)
    return text


def written_out(text: str, phrases: Phrases) -> str:
    """A note typed as speech with its contractions written out ("we'd rather" → "we would rather") and its
    compounds hyphenated before a noun ("a full-time post"), as the reason a letter gives in its own voice; a
    line the user dictates keeps their words."""
    for short, full in phrases.snippets.get("contractions", {}).items():
        text = re.sub(rf"\b{short}\b", lambda m: full if m[0][0].islower() else full[:1].upper() + full[1:], text, flags=re.IGNORECASE)
    for pattern, replacement in phrases.snippets.get("compound_adjectives", []):
        text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
    return text


def signs_in_words(text: str, phrases: Phrases) -> str:
    """"templates + audio chains": a plus sign joins items in notes, "and" in a letter; "sticker / certificate" is
    "sticker or certificate" (a slash set apart by spaces; "CSV/PDF" stays); "~4 m²" is "about 4 m²"."""
    text = re.sub(r"\s+\+\s+", f" {phrases.labels['and']} ", text)
    text = re.sub(r"(?<=[^\W\d_])\s+/\s+(?=[^\W\d_])", f" {phrases.labels['or']} ", text)
    return re.sub(r"~\s*(?=\d)", f"{phrases.labels['about']} ", text)


def said_item(item: str, language: Language, phrases: Phrases) -> str:
    """A handover note as the letter says it: to the client ("transferred to you"), without the sender's
    aside about their own doings, and a note typed as "thing — what to do" («этап 2 — доделать и сдать») as
    a step, verb first."""
    item = full_months(signs_in_words(item, phrases), phrases)
    item = without_aside(to_you(item, language, phrases), phrases)
    owner = re.search(phrases.snippets.get("owner_aside", "(?!)"), item)
    # What follows the aside is the note's own, after a comma ("…, for your compliance records"); a step among it
    # ("…, bought 2024, give it back") after a dash, so that it is said as one.
    if owner and owner.end() < len(item):
        rest = item[owner.end():]
        joint = " - " if any(is_action(part, language, phrases) for part in re.split(r",\s+", rest)) else ", "
        item = item[:owner.start()] + joint + rest
    elif owner:
        item = item[:owner.start()]
    step = as_step(item, language, phrases)
    return in_running_text(item, language, phrases) if step == item else step


def _address(who: Addressee, situation: Situation, fields: dict[str, Any], language: Language) -> dict[str, Any]:
    """Whom the message speaks to and who signs it."""
    sender_name = fields["sender_name"]
    sender_person = without_role(sender_name or "")
    sender = addressee(sender_person, None, language) if sender_name else None
    # A contact who is two people ("Margaret and Tom Ashdown") is wished well as a couple, not a team.
    # So is a client typed as two people ("Tom and Priya Whitcombe (private household)").
    couple = is_couple(fields["contact"]) or is_couple(_without_brackets(fields["client"]))
    return {
        "person": who.person and bool(who.formal),
        "formal_name": who.formal,
        "familiar_name": who.familiar,
        # Aloud, a full name with no title ("Good afternoon, Ryan Kessler") sounds read off a list: an English
        # call says the first name when the formal address is the full name (no "Mr", "Ms" or "Dr").
        "spoken_name": who.familiar if language == "en" and who.familiar and (who.formal or "").split()[:1] == [who.familiar]
        else who.formal,
        "formal_name_datv": who.inflected("datv") if who.person and who.formal else "",
        # A plan lists a person known by surname and initials as «А. С. Петров», not «господин Петров».
        "listed_name": who.listed() if who.initials else "",
        "listed_name_datv": who.listed("datv") if who.initials else "",
        "patronymic": bool(who.patronymic),
        "title_given": who.title_given,
        "gender": who.gender,
        "organisation": who.organisation,
        "couple": couple,
        # A business has a team to wish well and whose questions to answer; a parish or a band does not.
        "team": bool(who.organisation) and not couple and not is_community(fields["client"], language)
        and not is_sole_trader(fields["client"]),
        # A company named in a plan's own sentences ("Tell Northwind Traders ...") must read as a name.
        "company": who.organisation if re.fullmatch(r"[^\W\d_][\w&'’\- ]*[^\W_]", who.organisation or "") else "",
        # A contact typed as a post alone ("Business Manager") is named by it where a plan lists who comes.
        "contact_role": re.sub(r"(?i)^the\s+", "", fields["contact"]) if fields["contact"] and role_only(fields["contact"]) else "",
        "solo": is_solo(situation.sender, language),
        "sender_name": sender_name,
        "sender_person": sender_person,
        "sender_first": (sender.first or sender_name) if sender and sender.person else sender_person or None,
        "sender_company": fields["sender_company"],
        # A call introduces the speaker by their business, not by a sole trader's own name again («Это
        # Алла, ИП Семёнова А. В.»), and without a note in brackets or a legal form no one says aloud ("S.R.L.").
        "spoken_company": "" if fields["sender_company"] and addressee(fields["sender_company"], None, language).person
        else organisation_name(_without_brackets(fields["sender_company"] or ""), language),
        "clause": fields["clause"],
        "part_of_day": part_of_day(situation, load_phrases(language)),
    }


def part_of_day(situation: Situation, phrases: Phrases) -> str:
    """When the user's notes say the call will be made ("ring him tmrw 7.30", «позвоню вечером, когда дети
    уснут»): morning, afternoon or evening, so the opener greets at that hour; "any" when they do not say."""
    bank = phrases.snippets.get("call_time")
    if not bank:
        return "any"
    for note in (*situation.reasons, *situation.facts, *(situation.context or "").splitlines()):
        if not re.search(bank["call"], note):
            continue
        # A bare number is a count ("the 23 guitars"), not an hour: an hour has its minutes or its half of the day.
        for found in re.finditer(bank["hour"], note):
            if found["minute"] or found["half"]:
                later = (found["half"] or "").lower().rstrip(".") in [w.rstrip(".") for w in bank["after_noon"]]
                hour = int(found["hour"]) + (12 if later and int(found["hour"]) < 12 else 0)
                return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"
        part = next((part for part, pattern in bank["words"].items() if re.search(pattern, note)), None)
        if part:
            return part
    return "any"


def _work(situation: Situation, description: str | None, language: Language, phrases: Phrases) -> dict[str, Any]:
    """What the work is called: a project or a service, and its short name if it has one."""
    # The name and the description both tell a service ("the copywriting" for "monthly newsletters"); a
    # description under a short name counts only by its cadence ("the data portal" for "a portal for sea
    # monitoring data" is a project).
    name, brief = situation.project_name or "", situation.project or ""
    service = (matches(name, language, "service_markers") if name else False) or bool(brief) and matches(
        brief, language, "service_cadence" if name else "service_markers")
    work = situation.work or ("service" if service else "project")
    # A long description is the user's brief, not a name ("conversion of a warehouse into 14 loft
    # apartments"): the letter then says "our work together" instead of quoting it.
    named = description if description and (situation.project_name or short_name(description, phrases)) else None
    named = _without_client(named, situation, phrases) if named else None
    names = names_in([situation.project or "", *situation.facts, *situation.reasons])
    project = plain_name(named, language, phrases.months, names) if named else None
    # Work named by what is done ("the signwriting", "the piano tuning") is done, not worked on.
    activity = bool(project) and language == "en" and is_gerund(project.split()[-1].lower(), phrases)
    return {"work": work, "project_work": project_work(project, work, phrases) if project else None, "activity": activity}


def _without_client(name: str, situation: Situation, phrases: Phrases) -> str | None:
    """The work's name without the client's own name in it, which reads to them as a quoted title ("your
    Fairweather furniture" → "your furniture", «десерты для «Зерна»» → «десерты»); None when nothing is left."""
    client = " ".join(filter(None, [situation.client.name, situation.client.contact]))
    # A word of the client's name, in any case form («Зерна» of «Зерно»): its first four letters.
    stems = {w[:4].casefold() for w in re.findall(r"[^\W\d_]{4,}", client)}

    def theirs(text: str) -> bool:
        return any(w[:4].casefold() in stems for w in re.findall(r"[^\W\d_]{4,}", text))

    joiner = "|".join(phrases.snippets.get("work_for", []))
    bare = re.sub(rf"\s+(?:{joiner})\s+(.+)$", lambda m: "" if theirs(m[1]) else m[0], name.strip(), flags=re.IGNORECASE) if joiner else name
    first, _, rest = bare.partition(" ")
    if rest and theirs(first) and first[:1].isupper():
        bare = rest
    # Quotes round the whole name go, and so does one left unpaired by the cut («десерты для «Зерна»» →
    # «десерты»); a closing one that ends a name inside it («… в «Паутинке»») stays.
    bare = bare.strip()
    if bare[:1] in "«\"" and bare[-1:] in "»\"":
        bare = bare[1:-1]
    if bare.startswith("«") and bare.count("«") > bare.count("»"):
        bare = bare[1:]
    if bare.endswith("»") and bare.count("»") > bare.count("«"):
        bare = bare[:-1]
    return bare.strip(' "') or None


def _closure(situation: Situation, clause: str | None, language: Language, phrases: Phrases, written: dt.date) -> dict[str, Any]:
    """The notice, the end date, the documents and the money, as of ``written``, the day the message is written."""
    notice_days = situation.contract.notice_days
    contract = situation.contract.written
    end = situation.end_date
    end_date = format_date(end, language) if end else None
    # An end date before the notice period is over cannot be announced as formal notice.
    # Counted from the day the message is written, which the user's facts may put after today; the open
    # invoices are overdue or not by the same day.
    notice_ends = notice_end(situation, written)
    # An end date a day or three before the notice runs out is no earlier end worth an agreement ("31 January by
    # mutual agreement, else 1 February"), nor a reason to move the user's day: the message is formal notice, the
    # contract ends when it runs out and the user's day is the last day of the work, unless their notes hold to
    # their day as the contract's end too ("then we demob Friday. nothing after that").
    contract_ends = None
    if notice_ends and end and within_grace(end, notice_ends) and not _firm_end(situation, phrases):
        contract_ends, notice_ends = notice_ends, None
    notice_short = notice_ends is not None
    if notice_short:
        notice_key = "short"
    elif contract:
        notice_key = ("clause_days" if notice_days else "clause") if clause else ("days" if notice_days else "contract")
    else:
        notice_key = "none"
    documents = (situation.act_of_acceptance, situation.final_invoice)
    return {
        "end_date": end_date,
        # An end date inside the notice period is proposed, not announced with the decision.
        "decision_date": None if notice_short else end_date,
        "notice_days": notice_days,
        "notice_short": notice_short,
        # Where the notice period would end if the client does not agree to the earlier date.
        "notice_end": format_date(notice_ends, language) if notice_ends else None,
        # Where the contract ends after the last day of the work, by a day or three (see above).
        "contract_end": format_date(contract_ends, language) if contract_ends else None,
        # The day the notice runs out, as a date, for a client who counts it from another day (`_read_reply`).
        "notice_runs_out": notice_ends or contract_ends,
        # A last day within the week leaves no "scheduled work" to carry on and no "next few weeks".
        "ends_soon": bool(end and (end - written).days <= 7),
        "notice_key": notice_key,
        "contract": contract,
        "contract_name": _contract_name(situation, phrases) if contract else None,
        "act": situation.act_of_acceptance,
        "invoice": situation.final_invoice,
        "documents_key": {(True, True): "act_invoice", (True, False): "act", (False, True): "invoice",
                          (False, False): "none"}[documents],
        **_unpaid(situation, language, phrases, written),
    }


def _contract_name(situation: Situation, phrases: Phrases) -> str | None:
    """The contract as the notes name it with its number or date («договор поставки № 12/24 от 01.03.2024», "service
    agreement dated 1 May 2024"), in the form the notice line takes («договора поставки …», "our service agreement …"):
    a formal notice says which contract it ends. None where the notes give neither."""
    named = phrases.snippets.get("contract_named")
    found = (re.search(named["pattern"], note) for note in [*situation.facts, *situation.reasons]) if named else ()
    if m := next((m for m in found if m), None):
        rest = m["rest"].strip()
        return named["form"].format(rest=rest[:1].lower() + rest[1:])
    return None


def _evidence(number: str, situation: Situation, phrases: Phrases) -> str:
    """What the notes hold to show a disputed invoice was right ("photos + dated site diary" → "the photos and the
    dated site diary"), read in the notes that name it, or speak of the dispute where it has no number."""
    notes = [n for n in [*situation.reasons, *situation.facts]
             if (number and number in n) or re.search(phrases.snippets.get("dispute_words", "(?!)"), n)]
    found = [said for pattern, said in phrases.snippets.get("evidence_words", []) if any(re.search(pattern, n) for n in notes)]
    return join_items(list(dict.fromkeys(found)), phrases) if found else ""


def _basis(number: str, situation: Situation, language: Language, phrases: Phrases) -> str:
    """What a disputed invoice is for, as the notes that name it say it ("MK-34 DKK 9,750 for re-dyeing the 14
    costumes after the colour changed"; «счёт № 58 на 13 500 ₽ — три ночных выезда в ноябре»): said calmly beside it,
    never the client's view of it, nor a note that speaks of people."""
    for note in _invoice_notes(number, situation) if number else []:
        at = re.search(rf"(?<![\w-]){re.escape(number)}(?![\w-])", note)
        found = at and re.match(phrases.snippets.get("invoice_basis", "(?!)"), note[at.end():])
        if found and not re.search(phrases.snippets["invoice_basis_unsaid"], found["basis"], flags=re.IGNORECASE) \
                and is_noun_phrase(found["basis"], language, phrases):
            return found["basis"].strip()
    return ""


def _grounds(number: str | None, situation: Situation, language: Language, phrases: Phrases, vetted: Vetting) -> str:
    """The user's grounds for a disputed invoice, in the notes that name it: the parts after the one that names it,
    or after a label ("our side: …", «основание: …»), that rest on something that shows it (`grounds_evidence`:
    the agreement, a log, a signed sheet) and are no claim of the client's ("the school says it was part of the
    fee"), no story of theirs ("they went out wet"), no word to the tool and no one's fault ("CE-19 …; the school says …; the agreement lists
    monthly inspections only, and she asked for the rig in her email of 28 September" → the last part), said to
    the client and passed by the checker; empty when the notes give none."""
    if not number:
        return ""
    label = phrases.snippets.get("grounds_label", "(?!)")
    # The person the message is to, named in a part ("Ms. Hofbauer asked for it in her email"), would be spoken of in
    # the third person in a letter to her: her names, or their stems where Russian declines them.
    who = addressee(situation.client.name, situation.client.contact, language)
    contact = [w[:-2] if language == "ru" else w for w in (who.first, who.patronymic, who.last) if len(w) > 2] if who.person else []

    def found_in(key: str, part: str) -> bool:
        return bool(re.search(phrases.snippets.get(key, "(?!)"), part))

    def sayable(part: str) -> bool:
        # It rests on something that shows it, and is no one's claim, no word to the tool, not about the addressee.
        claim = any(found_in(key, part) for key in ("claimed_by_others", "dispute_words", "grounds_others_start"))
        names_addressee = any(re.search(rf"\b{re.escape(name)}", part) for name in contact)
        to_tool = any(matches(part, language, key) for key in ("tool_notes", "forbidding_notes", "venting"))
        return found_in("grounds_evidence", part) and len(part.split()) <= 45 and not (claim or names_addressee or to_tool)

    found: list[str] = []
    for note in _invoice_notes(number, situation):
        # Parts of a sentence typed apart ("…; the school says …; the agreement lists …", "Joseph says … - clause 4 says …").
        parts = [p.strip(" ;.") for said in sentences(_without_brackets(note)) for p in re.split(r";|\s-\s", said) if p.strip(" ;.")]
        named = next((i for i, p in enumerate(parts) if re.search(rf"(?<![\w-]){re.escape(number)}(?![\w-])", p)), None)
        for part in parts[named + 1:] if named is not None else []:
            labelled = re.match(label, part, flags=re.IGNORECASE)
            part = part[labelled.end():] if labelled else part
            if re.match(phrases.snippets.get("grounds_end", "(?!)"), part):
                break
            part = re.sub(phrases.snippets.get("grounds_tool_clause", "(?!)"), "", part)
            if found_in("grounds_said_by_evidence", part):
                continue
            for pattern, said in phrases.snippets.get("grounds_rewrites", []):
                part = re.sub(pattern, said, part, flags=re.IGNORECASE)
            if not sayable(part):
                continue
            # "Ms. Hofbauer asked for it in her email": a person named keeps her pronouns; the client's "their" is "your".
            for pattern, yours in phrases.snippets.get("grounds_yours", {}).items():
                part = re.sub(pattern, yours, part)
            part = part if names_person(part, language) else to_you(part, language, phrases)
            found.append(sentence(full_months(part, phrases), phrases))
        if found:
            break
    return " ".join(vetted.keep("reasons", found[:2], strict=True, to_client=True))


def _unpaid(situation: Situation, language: Language, phrases: Phrases, written: dt.date) -> dict[str, Any]:
    """The open invoices, each with its due date and its label as written and as said ("SL-231 (£6,500)",
    "SL-231 for 6,500 pounds"), in groups asked for together (`unpaid_groups`), not a repeated line each."""
    unpaid = []
    for invoice in situation.unpaid_invoices:
        # The templates say "№"/"Invoice" themselves, and a note in brackets after the number or the amount
        # ("£1,960 (disputed in part)") is the user's own, not the client's to read.
        typed = re.sub(phrases.snippets["invoice_number_prefix"], "", _without_brackets(invoice.number or ""), flags=re.IGNORECASE)
        amount = _without_brackets(invoice.amount or "")
        # After a part-payment, what is left is asked for ("€640 (€340 left after the €300 cash)" → "€340").
        left = next((m for p in phrases.snippets.get("amount_left", []) if (m := re.search(p, invoice.amount or ""))), None)
        amount = left["sum"].strip() if left else amount
        # The code alone ("Счёт № 118 от 01.11.2026" → 118); an invoice the user names by its date («от 05.09»)
        # is quoted as that, without «№». Anything else is the user's description of it («4 занятия в ноябре»,
        # "stage 2 renders"), and one in the other language cannot be quoted: the invoice is named by its amount.
        from ..rules.consistency import in_other_language

        code = re.match(phrases.snippets["invoice_id"], typed)
        dated = not code and re.match(phrases.snippets.get("invoice_dated", "(?!)"), typed, flags=re.IGNORECASE)
        number = code[0] if code else typed if dated else ""
        if in_other_language(number, language):
            number = ""
        # What is left of a larger invoice ("$3,840 (balance of $6,840)", «18 000 ₽ (остаток от 38 000 ₽)») is its balance.
        balance = bool(left) or bool(re.search(phrases.snippets.get("balance_aside", "(?!)"), invoice.amount or "")) \
            or _left_in_notes(number, amount, situation, phrases)
        labels = phrases.snippets["invoice_label_dated" if dated else ("invoice_label_balance" if balance else "invoice_label") if number
                                  else "invoice_label_unnumbered"]
        unpaid.append({
            "number": number or None, "amount": amount or None,
            "due": due_phrase(invoice.due, language, phrases, situation.end_date, written),
            # An invoice not yet due is a reminder of its date, not "outstanding"; the date the user gives may be
            # the day they want it paid by, when their notes say it is overdue already ("HFB-219 … is unpaid").
            # A note that says it is not due yet or fine ("isn't due yet", «всё нормально») outweighs "outstanding"
            # in the notes, and such an invoice is named with its date, not asked for.
            "overdue": (overdue := invoice.due is None or invoice.due < written or (
                not (fine := _said_fine(number, situation, language)) and _said_overdue(number, situation, language))),
            "fine": not overdue and fine,
            "disputed": invoice.disputed,
            "evidence": _evidence(number, situation, phrases) if invoice.disputed else "",
            "basis": _basis(number, situation, language, phrases) if invoice.disputed else "",
            "balance": balance and bool(number),
            "due_date": format_date(invoice.due, language) if invoice.due else None,
            "label": labels["written" if amount else "bare"].format(number=number, amount=amount),
            "said": labels["spoken" if amount else "bare"].format(number=number, amount=spoken_amount(amount, phrases)),
            "ref": labels["bare"].format(number=number),
            "said_ref": labels["spoken_bare"].format(number=number),
        })
    # Numbered invoices due alike (all overdue, or on one date) are asked for in one sentence, summed when
    # they share a currency; an invoice without a number stands alone. A disputed one is not pressed for:
    # the message offers to go through it (`disputed`).
    groups: dict[Any, list[dict[str, Any]]] = {}
    for i, invoice in enumerate(unpaid):
        if not invoice["disputed"]:
            groups.setdefault(invoice["due"] if invoice["number"] else i, []).append(invoice)
    return {"unpaid": unpaid, "unpaid_groups": [_invoice_group(invoices, language) for invoices in groups.values()],
            "disputed": [invoice for invoice in unpaid if invoice["disputed"]]}


def _left_in_notes(number: str, amount: str, situation: Situation, phrases: Phrases) -> bool:
    """Whether the notes on an invoice give its sum as what is left of it («счёт № 7 на 96 000 ₽ — оплачено 60 000 ₽,
    остаток 36 000 ₽» beside 36 000 ₽ typed for № 7), or as the difference of two sums they give for it («счёт № 88
    на 27 400 ₽, оплачено 15 000 ₽» beside 12 400 ₽): the sum asked for is its balance, not the invoice's."""
    if not (number and amount):
        return False
    notes = [note for note in _invoice_notes(number, situation) if number in note]
    typed = next(iter(sums(amount)), "")
    if typed and any(int(a) - int(b) == int(typed) for note in notes for a in sums(note) for b in sums(note)):
        return True
    return any(sum_named(amount, m["sum"]) for note in notes for pattern in phrases.snippets.get("amount_left", []) for m in re.finditer(pattern, note))


def _invoice_notes(number: str, situation: Situation) -> list[str]:
    """The notes that speak for an invoice: those that name it ("invoice 117, due 10 Dec. not late"), or any
    note when none does and it is the only one open. Another note's "unpaid" ("stood down 11 days, unpaid")
    is about something else."""
    notes = [*situation.facts, *situation.reasons]
    named = [note for note in notes if number and re.search(rf"(?<![\w-]){re.escape(number)}(?![\w-])", note)]
    return named or (notes if len(situation.unpaid_invoices) == 1 else [])


def _said_fine(number: str, situation: Situation, language: Language) -> bool:
    """Whether the notes for the invoice say it is not due yet or fine ("isn't due yet", «всё нормально»)."""
    return any(matches(note, language, "not_overdue_notes") for note in _invoice_notes(number, situation))


def _said_overdue(number: str, situation: Situation, language: Language) -> bool:
    """Whether the notes for the invoice (`_invoice_notes`) say it is unpaid, was due already or has been
    chased ("Payment reminders were sent on 3 September …")."""
    return any(matches(note, language, "overdue_notes") for note in _invoice_notes(number, situation))


def _invoice_group(invoices: list[dict[str, Any]], language: Language) -> dict[str, Any]:
    first = invoices[0]
    amounts = [i["amount"] for i in invoices if i["amount"]]
    total = total_amount(amounts, language) if len(amounts) == len(invoices) else None
    return {"invoices": invoices, "overdue": first["overdue"], "due": first["due"], "due_date": first["due_date"], "total": total}


def handover_context(handover: list[str], language: Language, phrases: Phrases, solo: bool) -> dict[str, Any]:
    """The handover items as bullets and, where they inflect, as the object of 'we will hand over' (in
    English running text with their articles: "the house keys")."""
    # A note of something still to do ("return the samples", «снимем весеннюю коллекцию») or a whole
    # sentence is no object of "we will hand over": it is said on its own, as a step before the end.
    steps = [item for item in handover if is_step(item, language, phrases)]
    # What goes back to the sender is said of the thing: "The ice bins belong to us and go back on the van."
    clause = phrases.snippets.get("taken_back_clause")
    ours = [item for item in handover if clause and re.search(clause, item) and matches(item, language, "taken_back")]
    handover = [item for item in handover if item not in steps and item not in ours]
    # Said by the sender, so the client does not read a to-do list for themselves.
    actions = [first_person_step(step, language, phrases, solo) for step in steps]
    # A step typed in "we" by one person («вернём пробники дистрибьютору») is said in "I".
    actions = [in_first_singular(a) for a in actions] if solo and language == "ru" else actions
    actions += [re.sub(clause, " ", item[:1].upper() + item[1:], count=1) for item in ours]
    accusatives = [accusative(item, language, phrases) for item in handover]
    # English bullets take their articles too, so that one list does not mix "a pruning calendar" with "planting plan".
    bullets = [accusative(item, language, phrases if language == "en" else None) or item for item in handover]
    # Said aloud, an item is its head, without the notes after it ("Q4 report - Ealing added once …").
    # Three items are said in full, unless one has its own "and" (an "and … and … and" chain aloud); a
    # longer list leads with two and the rest follows in writing.
    whole = len(handover) <= 2 or len(handover) == 3 and not any(f" {phrases.labels['and']} " in item for item in handover)
    conditions, choices = phrases.snippets.get("condition_asides", "(?!)"), phrases.snippets.get("choice_asides", "(?!)")
    spoken = [accusative(spoken_head(item, phrases.snippets.get("aside_content", []), conditions, choices), language, phrases)
              for item in handover[:3 if whole else 2]]
    return {
        "handover": handover,
        "handover_actions": actions,
        "taken_back": actions[len(steps):],
        "handover_all": handover + actions,
        # After "we will hand over:" a Russian list takes the accusative; elsewhere items stay as typed.
        "handover_bullets": bullets,
        "handover_accs": object_list(accusatives, phrases),
        "handover_spoken": object_list(spoken, phrases),
        # A long list is not read out on a call: its first two items lead, the rest follows by email.
        "handover_lead": ", ".join(a for a in spoken if a) if None not in spoken else None,
        "handover_more": not whole,
    }


def steps_said(actions: list[str], phrases: Phrases, solo: bool) -> str:
    """The steps before the end as prose: the sender's own in one sentence ("Before the end date, I will also
    return the samples and revoke our access"), a request to the client as a sentence of its own. (A list
    under "Also before the end date:" reads as a form; a bare «Я переоформлю доступ на вас.» as curt.) A step
    the notes give a time of its own («заберём аквариум 3 января», "with the last delivery") is said by that
    time, without "before the end date" beside it."""
    voice = "i" if solo else "we"
    subject = phrases.snippets["step_subject"][voice]
    own = [a[len(subject):].strip() for a in actions if a.lower().startswith(subject.lower() + " ")]
    timed: list[str] = []
    for i, step in enumerate(own):
        # "… and return the key the same day" goes with the step before it.
        same_day = i and re.search(phrases.snippets.get("same_day", "(?!)"), step, flags=re.IGNORECASE)
        if find_dates(step) or re.search(phrases.snippets.get("step_own_time", "(?!)"), step) or same_day and own[i - 1] in timed:
            timed.append(step)
    # "the fob and the pass - returned same day": with a dated step to go with, it is said after that step, not "before
    # the end date" with nothing for "same day" to point back to.
    occasion, the_same = phrases.snippets.get("same_occasion", ("(?!)", ""))
    if timed:
        later = [re.sub(occasion, the_same, step) for step in own if step not in timed and re.search(occasion, step)]
        own = [step for step in own if not re.search(occasion, step) or step in timed] + later
        timed += later
    before = [s for s in own if s not in timed]
    # "Before the end date, we will also …. We will also …": the second sentence goes without its "also".
    later = "steps_sentence_after" if before and "steps_sentence_after" in phrases.snippets else "steps_sentence_later"
    said = [phrases.snippets[frame][voice].format(steps=join_items(_one_verb(steps), phrases))
            for frame, steps in (("steps_sentence", before), (later, timed)) if steps]
    others = [a for a in actions if not a.lower().startswith(subject.lower() + " ")]
    return " ".join([*said, *(sentence(a.rstrip(" .;"), phrases) for a in others)]).strip()


def _one_verb(steps: list[str]) -> list[str]:
    """One verb for the things it takes in a row: "collect our stump grinder … and two of our climbing lines", not
    "collect …, and collect …"."""
    return [step.split(" ", 1)[1] if i and step.split(" ", 1)[0] == steps[i - 1].split(" ", 1)[0] and " " in step else step
            for i, step in enumerate(steps)]


def _work_condition(item: str, situation: Situation, vetted: Vetting, phrases: Phrases) -> str:
    """The payment a note makes a piece of work wait for ("the December spray goes ahead only if FR-2071 is paid by the
    14th"): "only if FR-2071 is paid by the 14th", for the work the note names by two of its words; empty when none."""
    pattern = phrases.snippets.get("work_condition")
    for note in [*situation.reasons, *situation.facts] if pattern else []:
        m = re.search(pattern, note, flags=re.IGNORECASE)
        if m and words_in_common(note[:m.start()], item, vetted.language) >= 2:
            return next(iter(vetted.keep("open_work", [m["cond"].strip(" .,;")], strict=True)), "")
    return ""


def _open_work(situation: Situation, vetted: Vetting, phrases: Phrases, who: Addressee) -> list[dict[str, Any]]:
    """The work still finished before the end, each item as the letter says it (to the person it greets: "the
    walkthrough with Dana and Marcus" → "with Dana and you"), with its date."""
    kept = set(vetted.keep("open_work", [w.item for w in situation.open_work], strict=False))
    # In the order of their dates ("12 December, 15 January, 16 January"), the undated last, as typed otherwise.
    ordered = sorted(situation.open_work, key=lambda w: (w.due is None, w.due or dt.date.max))
    open_work = [(w, _to_parties(to_addressee(said_item(w.item, vetted.language, phrases), who, vetted.language, phrases),
                                 situation, vetted.language, phrases))
                 for w in ordered if w.item.strip() in kept]
    # Listed by its date, an item does not say the date again ("1 April — the supervision meeting on 1 April").
    open_work = [(w, without_own_date(item, w.due, vetted.language, phrases) if w.due else item) for w, item in open_work]
    # Work that runs "until the end date" is said by its date instead.
    open_work = [(w, re.sub(phrases.snippets.get("to_the_end", "(?!)"), "", item).strip() if w.due else item) for w, item in open_work]
    # Work the notes make wait for a payment goes with its condition: "… (blocks 4-7) only if FR-2071 is paid by the 14th".
    joint = phrases.snippets.get("work_condition_joint", " ")
    open_work = [(w, joint.join(filter(None, [item, _work_condition(w.item, situation, vetted, phrases)]))) for w, item in open_work]
    # Aloud: "the January newsletter by 8 January"; «январскую рассылку — до 8 января», without the notes
    # after a dash, a comma or in brackets that no one says aloud ("episode 31 - edit and show notes"),
    # unless that leaves two pieces of work with one name.
    heads = [spoken_head(item, conditions=phrases.snippets.get("condition_asides", "(?!)"), choices=phrases.snippets.get("choice_asides", "(?!)"))
             for _, item in open_work]
    if len(set(heads)) < len(heads):
        heads = [_without_brackets(item) or item for _, item in open_work]
    from ..grounding import find_dates

    work = []
    for (w, item), spoken in zip(open_work, heads):
        # An event on its day ("the Christmas party", «итоговый тест») is held on it, not finished by it; the
        # name of the work says so, not a note after it ("renders — shown on 20 December").
        # The work's own head names it: "60 bowls for the New Year banquet" is goods, not the banquet.
        head = re.split(phrases.snippets.get("event_purpose", "(?!)"), spoken, maxsplit=1)[0]
        event = bool(w.due) and matches(head, vetted.language, "event_words")
        # A range that ends on the due day («экскурсии 12 и 26 декабря») says it already: no «— 26 декабря» after it.
        named = bool(w.due) and (w.due.day, w.due.month) in {d for _, _, d in find_dates(spoken)}
        due = phrases.labels["due_on" if event else "due_by"].format(date=format_date(w.due, vetted.language)) if w.due and not named else ""
        when = (" — " if vetted.language == "ru" else " ") + due if due else ""
        # `said` is spoken in a call or a meeting; `object`, the whole item, is a letter's sentence.
        # Listed after its date and a dash, a note's own dash ("the December delivery — 600 bars") is a colon.
        listed = re.sub(r"\s+[—–-]\s+", ": ", item, count=1) if w.due else item
        work.append({"item": item, "listed": listed, "date": format_date(w.due, vetted.language) if w.due else "", "when": when,
                     "event": event, "named": named,
                     # A refund a few days after the last lesson: the list cannot open "By <the end date>".
                     "after_end": bool(w.due and situation.end_date and w.due > situation.end_date),
                     "said": (accusative(finished := without_finishing(spoken, vetted.language, phrases), vetted.language, phrases)
                              or finished) + when,
                     "object": accusative(whole := without_finishing(item, vetted.language, phrases), vetted.language, phrases) or whole})
    return work


def _companions(situation: Situation, language: Language, phrases: Phrases) -> list[str]:
    """Colleagues the user's notes say come to the meeting ("Ade (Mensah) coming with me", «Андрей тоже
    будет»), by the fullest name the notes give ("Андрей Лыков"); never the contact or the sender."""
    notes = [*situation.reasons, *situation.facts]
    known = {n.split()[0].casefold() for n in (situation.client.contact, situation.sender.name) if n and n.split()}
    found: list[str] = []
    for note in notes:
        for pattern in phrases.snippets.get("companion_notes", []):
            for match in re.finditer(pattern, note):
                name = match["name"].strip(" ,")
                # "Ade (Mensah)": a surname in brackets is part of the name; "Priti (our ops manager)" a role.
                name = re.sub(r"\s*\(([A-ZА-ЯЁ][\w-]+)\)$", r" \1", name)
                first = name.split()[0]
                if first.casefold() in known or not names_person(first, language):
                    continue
                if len(name.split()) == 1:
                    fuller = (re.search(rf"\b{re.escape(first)} [A-ZА-ЯЁ][\w-]+", n) for n in notes)
                    name = next((m.group(0) for m in fuller if m and names_person(first, language)), name)
                if all(first not in f for f in found):
                    found.append(name)
    return found


def _client_people(situation: Situation, language: Language, phrases: Phrases) -> list[str]:
    """The client's people a meeting note names besides the contact ("Dana + the artistic director (Paul Jaeger)",
    «будет ещё их сисадмин Олег»), as typed, with "(may join)" where the note is unsure; never the contact or the sender."""
    bank = phrases.snippets.get("client_people")
    if not bank:
        return []
    known = {w.casefold() for n in (situation.client.contact, situation.sender.name) if n for w in re.findall(r"[^\W\d_]{3,}", n)}
    # The group the plan lists already ("the committee will be there" and "Mrs Persaud + the committee").
    group = _client_group(situation, language, phrases)
    found: list[str] = []
    for note in (n for n in [*situation.reasons, *situation.facts] if re.search(phrases.snippets["meeting_note"], n)):
        for match in (m for pattern in bank["notes"] for m in re.finditer(pattern, note)):
            for who in re.split(bank["split"], match["who"]):
                unsure = re.search(bank["maybe"], note[max(0, match.start() - 20):match.end()])
                who = re.sub(bank["maybe"], "", who).strip(" ,")
                # The contact again ("Артём Владимирович + их юрист"), or anyone already listed.
                if not who or {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", who)} & known or who in found \
                        or group and who.casefold().endswith(group.casefold().removeprefix("the ")) or not _names_someone(who, language):
                    continue
                # "the owner (Mr Van der Berg)" unsure: "the owner (Mr Van der Berg; may join)", one pair of brackets.
                found.append((f"{who[:-1]}; {bank['maybe_said']})" if who.endswith(")") else f"{who} ({bank['maybe_said']})") if unsure else who)
    return found


def _meeting_when(situation: Situation, language: Language, phrases: Phrases, written: dt.date) -> str:
    """When and where the meeting is, from the notes about it ("meeting Wed 9 Dec 10am at the theatre" →
    "Wednesday 9 December 2026, 10am, at the theatre"): each part only as the notes give it; empty when they give none."""
    from babel.dates import format_date as babel_format

    bank, marker = phrases.snippets.get("meeting_when"), phrases.snippets.get("meeting_note")
    if not bank or not marker:
        return ""
    notes = [n for n in [*situation.reasons, *situation.facts] if re.search(marker, n)]
    day = next((found[0][2] for n in notes if (found := sorted(find_dates(n)))), None)
    when = ""
    if day:
        # The next such day from the day the message is written: a meeting in early January is next year's.
        date = dt.date(written.year, day[1], day[0]) if _valid_day(written.year, day) else None
        if date and date < written - dt.timedelta(days=7) and _valid_day(written.year + 1, day):
            date = dt.date(written.year + 1, day[1], day[0])
        when = babel_format(date, bank["date_format"], locale=language) if date else ""
    hour = next((m["t"] or m.groupdict().get("t2") for n in notes if (m := re.search(bank["time"], n))), "")
    place = next((m["p"] for n in notes for pattern in bank["places"] if (m := re.search(pattern, n))), "")
    return ", ".join(part for part in (when, hour, place) if part)


def _valid_day(year: int, day: tuple[int, int]) -> bool:
    try:
        dt.date(year, day[1], day[0])
    except ValueError:
        return False
    return True


def _names_someone(who: str, language: Language) -> bool:
    """Whether words after «будет» name someone («их сисадмин Олег», «главврач»), not what will happen («будут
    считать строго», «придёт на встречу»): in Russian the first word after «их» is a noun or an adjective."""
    if language != "ru":
        return True
    from ..text import likeliest_ru

    first = re.sub(r"^(?:их|ихний)\s+", "", who.strip(), flags=re.IGNORECASE).split()[0].strip(",").lower()
    reading = likeliest_ru(first)
    return reading is None or reading.tag.POS in {"NOUN", "ADJF"}


def _client_group(situation: Situation, language: Language, phrases: Phrases) -> str:
    """The client's people the notes say come to the meeting besides the contact ("the committee will be there",
    «встреча с правлением»), as the attendees list them after the contact ("the committee", «правление»); empty when
    none."""
    found = next((m["group"] for note in [*situation.reasons, *situation.facts]
                  for pattern in phrases.snippets.get("client_group_notes", []) if (m := re.search(pattern, note))), "")
    if found and language == "ru":
        from ..text import likeliest_ru

        first, *rest = found.lower().split()
        found = " ".join([(r.normal_form if (r := likeliest_ru(first)) else first), *rest])
    group = re.sub(r"\s+", " ", found.lower())
    return f"the {group}" if group and language == "en" else group


def referral_name(referral: str, language: Language) -> str:
    """The name a referral is recommended by ("Kestrel Motion" of "Kestrel Motion - small studio")."""
    return referral_parts(referral, language, load_phrases(language))[0]


def _facts_not_said_elsewhere(facts: list[str], situation: Situation, language: Language) -> list[str]:
    """The facts the user asks to list, without those another part of the letter says already: a fact about an open
    invoice (the money paragraph asks for it), about the termination clause (the notice paragraph cites it), or about
    work still to finish (listed with its date). Said twice, the list reads as a file of grievances."""
    def token(text: str) -> str:
        return rf"(?<![\w.]){re.escape(text)}(?![\w]|\.\d)"

    numbers = [i.number for i in situation.unpaid_invoices if i.number]
    clause = situation.contract.clause if situation.contract.written else None
    return [f for f in facts if not any(re.search(token(n), f) for n in numbers)
            and not (clause and re.search(token(clause), f))
            and not any(words_in_common(w.item, f, language, letters=5) >= 2 for w in situation.open_work)]


def _referral(referral: str | None, language: Language, phrases: Phrases) -> dict[str, Any]:
    # The recommended name, with the user's description only where it reads as one ("Sam O'Connor, an
    # event photographer"), never their shorthand or story about the person.
    name, description, apposition = referral_parts(referral, language, phrases) if referral else ("", "", False)
    # «Зоопсихолог Анна Руденко»: a Russian word for the trade typed capitalised declines as a common word.
    name = common_start(name, language, phrases.months) if language == "ru" else name
    # A name that carries its own brackets («Елена Шубина (ООО «Геоплан», Рязань)») takes no second pair.
    if description and not apposition and name.endswith(")"):
        description = ""
    return {
        "referral": referral,
        "referral_name": name or None,
        "referral_text": (f"{name}, {description}" if apposition else f"{name} ({description})") if description else name,
        "referral_accs": referral_object(name, description, apposition, language) if referral else None,
        # A recommended business is "colleagues", a recommended person "a colleague".
        "referral_group": bool(name) and is_organisation(name, language),
    }


def _not_about(situation: Situation, language: Language, phrases: Phrases) -> dict[str, str] | None:
    """Whom the user's notes say the decision is not about ("Lena is great, it's the process, not her",
    «к Алле Сергеевне претензий нет»): ``you`` for the person the message is to (or a bare "her"), else
    ``name``, in the case the sentence needs («с Никитой»); None when no note says so."""
    from ..address import full_first_name, given_name
    from ..text import parse_ru

    # The person the letter greets, however the note types them ("nothing to do with imogen").
    # Its words without the punctuation around them ("Лилия Сергеевна, управляющая").
    contact = re.findall(r"[^\W\d_][\w'’-]*", (situation.client.contact or "").lower())
    pronouns = phrases.snippets["not_about_pronouns"]
    # "nothing to do with the Society", "nothing the hotel did": the client, named by what it is.
    client = re.findall(r"[^\W\d_]+", situation.client.name.lower())

    def addressed(words: list[str]) -> bool:
        # «Катя ни при чём» in a letter to «Екатерина»: a short form of the contact's name is the contact.
        return words[0].lower() in pronouns or words[0].lower() in contact or full_first_name(words[0]) in contact \
            or words[0].lower() in phrases.articles and words[-1].lower() in client

    def person(words: list[str]) -> list[str] | None:
        """The words as a person's name in the nominative («из-за Никиты» → «Никита»), or None when the first
        is no one's name ("Everything is fine", «Работа хорошая»)."""
        if addressed(words):
            return words
        if language == "en":
            return words if given_name(words[0]) else None
        names = [next((r.normal_form.capitalize() for r in parse_ru(w) if {"Name", "Patr"} & r.tag.grammemes), None) for w in words]
        return names if names[0] else None

    def said(note: str, key: str) -> list[list[str]]:
        return [who for pattern in phrases.snippets.get(key, []) for m in re.finditer(pattern, note) if (who := person(m["who"].split()))]

    # Praise names the person a "not about her" in the same note stands for ("Emily is a sweet kid, I don't want
    # her to feel it's about her"); alone, it says so only of the person the message is to.
    def named(note: str) -> list[list[str]]:
        explicit = said(note, "not_about")
        return said(note, "not_about_praise") + explicit if explicit else [w for w in said(note, "not_about_praise") if addressed(w)]

    found = next((who for note in [*situation.reasons, *situation.facts] for who in named(note)), None)
    if found is None:
        return None
    if addressed(found):
        return {"you": True, "name": ""}
    name = " ".join(found)
    if language == "ru":
        from ..address import declined_name

        name = declined_name(name, "ablt") or name
    return {"you": False, "name": name}


def _framing(
    situation: Situation, channel: Channel, language: Language, phrases: Phrases, notice_short: bool, own_reason: str
) -> dict[str, Any]:
    """How the decision is framed: news about the sender's business (the reason's kind says so, or the
    user's own reason is a plan of theirs), a follow-up to a call, work that has already stopped, the length
    of the relationship."""
    notes = [*situation.facts, *situation.reasons]
    work_stopped = any(matches(note, language, "work_stopped") for note in notes)
    staged = any(matches(text, language, "stage_words")
                 for text in [situation.project or "", situation.project_name or "", *notes, *situation.handover])
    follows = situation.channel if channel == "email" and situation.channel != "email" else None
    news = situation.reason_kind in phrases.decision_news_for or bool(own_reason)
    calm = news or situation.reason_kind in phrases.snippets.get("calm_reasons", [])
    end = situation.end_date
    return {
        "outcome": situation.outcome,
        # A client known to raise their voice (a signal, or the user's notes say so): the script prepares
        # for it first. A client the price was at issue with is likely to offer more, unless the sender's
        # reason is a plan of their own (a move, a job) that no offer changes.
        # The user asks for it short: the script does not invite a long talk, the letter drops formalities.
        "short": any(matches(note, language, "short_notes") for note in [*notes, *(situation.context or "").splitlines()]),
        # The notes say the client is not written to ("don't email him", «письма не читает»): no "in writing today".
        "no_email": any(matches(note, language, "no_email_notes") for note in [*notes, *(situation.context or "").splitlines()]),
        "text_followup": any(matches(note, language, "text_followup_notes") for note in notes),
        "hostile": bool(set(situation.signals) & set(phrases.snippets["hostile_signals"]))
        or any(matches(note, language, "hostile_notes") for note in notes),
        "price_at_issue": not own_reason and (situation.reason_kind in phrases.snippets["price_reasons"]
                                              or bool(set(situation.signals + situation.tried) & set(phrases.snippets["price_signals"]))),
        # The notes say the user recommends no one: no offer to suggest who to ask.
        # So does a referral typed as none ("none - nobody will take unit 2 as it stands").
        "no_referral": typed_as_none(situation.referral, phrases)
        or not situation.referral and any(matches(note, language, "no_referral") for note in notes),
        # The notes name the referral only for when the client wants one ("if she wants a name - Sue Carrick … only if
        # she wants it, don't push"): the message offers a name on request, without naming anyone.
        "referral_held": _referral_held(situation, notes, language),
        # A client the notes say always paid on time (and who owes nothing now) is thanked for it.
        "good_payer": any(matches(note, language, "good_payer") for note in notes)
        and not situation.unpaid_invoices and "late_payments" not in situation.signals,
        # The user's notes speak warmly of the client: the message says so once ("I have genuinely enjoyed …").
        "fond": any(matches(note, language, "fond_notes") for note in notes),
        # The client tells the sender others would do it: the script prepares an answer for that.
        "others_do": any(matches(note, language, "others_notes") for note in notes),
        # The notes say the decision is not about someone ("it's not about Peter", «не из-за Никиты»).
        "not_about": _not_about(situation, language, phrases),
        # A year or more together: the thanks say how long ("over the past four years", «все эти два года»).
        "together": time_together(situation.relationship_months, language, phrases),
        "news": news,
        # The news comes without warning: nothing went wrong and nothing was tried first.
        "surprise": not (situation.signals or situation.tried),
        "dispute_likely": situation.reason_kind in phrases.snippets["dispute_reasons"]
        or bool(set(situation.signals) & set(phrases.snippets["dispute_signals"])),
        # Nothing was contested (the reason is the sender's own plans or capacity): answers do not steer
        # away from "the past".
        "calm": calm,
        "reason_kind": situation.reason_kind or "fit",
        # An email asked for a situation planned as a call or a meeting is the written follow-up to it.
        "follows": follows,
        "decision_key": "decision." + ("followup." if follows else "news." if news else "") + situation.outcome,
        "work_stopped": work_stopped,
        # What is finished first is "the current stage" only when the work comes in stages; otherwise it is
        # the work already under way (an event, a shoot, a month of bookkeeping).
        "staged": staged,
        "timeline_key": "timeline."
        + ("stopped" if work_stopped else "proposed" if notice_short else "dated" if end else "undated"),
    }


def _referral_held(situation: Situation, notes: list[str], language: Language) -> bool:
    """Whether a note of the user's recommends the referral, named by a capitalised word of it, only for when
    the client asks ("if she wants a name - Sue Carrick … only if she wants it, don't push")."""
    from ..grounding import content_words

    # By lemma: «Ирину Геннадьевну» in a note names «Ирина Геннадьевна».
    names = content_words(" ".join(w for w in re.findall(r"\b[^\W\d_][\w'’-]{2,}", situation.referral or "") if w[:1].isupper()), language)
    return any(names & content_words(note, language) and matches(note, language, "referral_notes")
               and matches(note, language, "referral_on_request") for note in notes)


def _held_fallback(situation: Situation, vetted: Vetting, notice_short: bool) -> dict[str, Any]:
    """Whether the user keeps a fallback for when the client pushes ("if they push, we can stay on the phone
    for advice until early March", "only if she really pushes: I'll do the February check as a one-off"), and
    that fallback in their words, if it passes the checker: an earlier end is proposed without it, and a
    script holds it for when the client insists."""
    pattern = vetted.phrases.snippets.get("held_fallback", "(?!)")
    held = [m for note in situation.reasons if (m := re.search(pattern, note, flags=re.IGNORECASE))]
    # Kept for a question ("only if she asks: we'd sell the hearse"), it answers no push: with no notice period
    # to fall back on, the script has no reaction to hold it for.
    push = vetted.phrases.snippets.get("held_push", "(?!)")
    # «если упрётся, что зимой без подрядчика на протечки: аварийные выезды …»: what the push is about, before
    # the colon, is no part of the answer.
    topic = vetted.phrases.snippets.get("push_topic", "(?!)")
    said = [_offered(re.sub(topic, "", m["said"].strip(" ,"), flags=re.IGNORECASE), vetted.phrases) for m in held]
    said = [s for s, m in zip(said, held) if len(s.split()) >= 3
            and (notice_short or re.search(push, m[0][:m.start("said") - m.start()], flags=re.IGNORECASE))]
    # "emergency callouts only until then": "then" is the end of the notice the client holds the sender to.
    then = vetted.phrases.snippets.get("until_then")
    if then and (ends := notice_end(situation)):
        said = [re.sub(then["pattern"], then["said"].format(date=format_date(ends, vetted.language)), s, flags=re.IGNORECASE) for s in said]
    # A firm end ("then we demob Friday. nothing after that") offers no fallback at all, not even when pushed.
    firm = notice_short and _firm_end(situation, vetted.phrases)
    return {"held_fallback": bool(held) or firm, "firm_end": firm,
            # Said to the client: "they can collect the pallets themselves" is "you can collect …".
            "fallback_said": next(iter(vetted.keep("reasons", [sentence(to_you(full_months(s, vetted.phrases), vetted.language, vetted.phrases),
                                                                        vetted.phrases) for s in said[:1]], strict=True, to_client=True)), "")}


def _notice_bridge(situation: Situation, vetted: Vetting, runs_out: dt.date | None, language: Language) -> str:
    """What the user offers for the days between the last day of the work and the end of the notice ("I'll answer
    questions on the report until 3 January", «до 8 февраля на связи для передачи дел»), said once as a sentence of
    its own: a clause of a note on the notice that runs "until" the very day the notice runs out. Without it the
    letter gave the bare date, and the user's answer to the gap was lost."""
    bank = vetted.phrases.snippets.get("notice_bridge")
    if not bank or not runs_out or not situation.end_date or situation.end_date >= runs_out:
        return ""
    month = re.search(r"[^\W\d_]{3,}", format_date(runs_out, language))
    for note in situation.reasons:
        if not re.search(bank["note"], note, flags=re.IGNORECASE):
            continue
        for clause in re.split(vetted.phrases.snippets["clause_break"], note.strip(), flags=re.IGNORECASE):
            until = re.search(bank["until"], clause, flags=re.IGNORECASE)
            named = until.groupdict() if until else {}
            if not until or int(until["day"]) != runs_out.day or named.get("month") and not (
                    month and named["month"][:3].lower() == month[0][:3].lower()) \
                    or named.get("month_number") and int(named["month_number"]) != runs_out.month:
                continue
            said = re.sub(bank["lead"], "", " ".join((clause[:until.start()] + clause[until.end():]).split()).strip(" ,;"), flags=re.IGNORECASE)
            said = re.sub(bank["condition"], "", said, flags=re.IGNORECASE).strip(" ,;")
            # "… that 60 days run to 2 February" counts the notice; it offers nothing for the days.
            if len(said.split()) < 3 or not re.match(bank["subject"], said, flags=re.IGNORECASE) \
                    or re.search(bank["note"], said, flags=re.IGNORECASE):
                continue
            line = bank["said"].format(until=format_date(runs_out, language),
                                       said=lower_first(written_out(to_you(said, language, vetted.phrases), vetted.phrases)))
            return next(iter(vetted.keep("reasons", [line], strict=True, to_client=True)), "")
    return ""


def _firm_end(situation: Situation, phrases: Phrases) -> bool:
    """Whether the notes hold to the end date ("then we demob Friday. nothing after that")."""
    return any(re.search(phrases.snippets.get("firm_end", "(?!)"), note, flags=re.IGNORECASE) for note in situation.reasons)


def _offered(text: str, phrases: Phrases) -> str:
    """A fallback or an answer without the user's word to themselves after it ("don't put that in unprompted",
    «сам не предлагаю»)."""
    return re.sub(phrases.snippets.get("not_offered", "(?!)"), "", text, flags=re.IGNORECASE).strip(" ,;")


def foreseen(situation: Situation, vetted: Vetting, say: Callable[..., str]) -> list[dict[str, str]]:
    """What the user's notes expect the client to ask or say in the talk, with what to answer ("he'll ask to
    keep it up over christmas, answer is no"): what follows the client's words is a refusal (with its why, if
    given), a denial, a note not to argue, the user's own answer ("- they go back to audiology"), or what
    they mean to do, as their note ("agree it happens, but the decision stands"). Each reaction a call or a
    meeting prepares first; words the checker objects to leave it out."""
    bank = vetted.phrases.snippets.get("foreseen")
    if not bank:
        return []
    found = []
    for note in (n.strip() for n in situation.reasons):
        openings = [o for o in re.finditer(bank["opening"], note, flags=re.IGNORECASE)
                    if not (o.start() and re.search(bank.get("others", "(?!)"), note[:o.start()]))]
        for m, after in zip(openings, [*(o.start() for o in openings[1:]), len(note)]):
            said = note[m.end():after]
            # A quote the client's words open («а люди? я им обещала …») runs to its own end: a "?" inside it is no boundary.
            opened = re.match(r"\s*«[^»]*»", said)
            head, tail = (said[:opened.end()], said[opened.end():]) if opened else ("", said)
            what, _, rest = (re.split(f"({bank['boundary']})", tail, maxsplit=1, flags=re.IGNORECASE) + ["", ""])[:3]
            what = head + what
            what, rest = what.strip().rstrip(" ,"), re.sub(bank["label"], "", rest.strip(" .,;"), flags=re.IGNORECASE)
            if len(what.split()) < 2:
                continue
            # The answer in the user's own words, what the last "answer:" label opens, said to the client: a reply
            # gives it as it is («нет, это кабинет, я давно о нём мечтала»), where a script may frame it.
            labelled = [m for m in re.finditer(bank["label"].lstrip("^"), rest, flags=re.IGNORECASE)
                        if not m.start() or rest[m.start() - 1] in " .;,"]
            words = _offered(rest[labelled[-1].end():].strip(" '\"‘’“”«»") if labelled else rest, vetted.phrases)
            # An English answer only where it speaks of a person ("give him Dean's number"): "they" may be the things.
            words = to_you(words, vetted.language, vetted.phrases) if bank.get("to_you") or re.search(
                bank.get("to_you_when", "(?!)"), words, flags=re.IGNORECASE) else words
            trial = vetted.trial()
            own = next(iter(trial.keep("reasons", [sentence(words, vetted.phrases)], strict=True, to_client=True)), "") \
                if len(words.split()) >= 3 and not re.match(bank["instruction"], words, flags=re.IGNORECASE) else ""
            if refusal := re.match(bank["refusal"], rest, flags=re.IGNORECASE):
                because = spelt(_offered(rest[refusal.end():].strip(" .,;"), vetted.phrases), vetted.phrases)
                said_to = bool(re.search(bank.get("to_you_when", "(?!)"), because, flags=re.IGNORECASE))
                if said_to:
                    because = to_you(because, vetted.language, vetted.phrases)
                # "… 1,300 miles away. you (or Dana) can text me": each sentence opens on a capital.
                because = capital_starts(because)
                # "no. but I'll walk the fields with him in April": no why, but what the user offers instead, said after the "no".
                instead = re.match(vetted.phrases.snippets.get("but_opening", "(?!)"), because, flags=re.IGNORECASE)
                because = because[instead.end():] if instead else because
                # A why the checker objects to in full may still give its first clause ("the call-outs are the
                # whole point, a scheme that can't … isn't safe").
                first = re.split(vetted.phrases.snippets["clause_break"], because, maxsplit=1)[0]
                # Said to the client ("I'll give you Ned's name"), it may speak to them.
                kept = (vetted.keep("reasons", [because], strict=True, to_client=said_to) or (
                    vetted.keep("reasons", [first], strict=True, to_client=said_to) if len(first.split()) >= 4 else [])) if because else []
                if instead:
                    answer = " ".join([say("foreseen.answers.refusal", because=""), *(sentence(k, vetted.phrases) for k in kept[:1])])
                else:
                    answer = say("foreseen.answers.refusal", because=lower_first(kept[0]) + "." if kept else "")
            elif re.match(bank["denial"], rest, flags=re.IGNORECASE):
                answer = say("foreseen.answers.denial")
            elif not rest or re.match(bank["calm"], rest, flags=re.IGNORECASE):
                answer = say("foreseen.answers.calm")
            else:
                # "doesn't matter. answer: '…'": the answer is what the last label opens, in the user's quotes,
                # without the user's word to themselves («сам не предлагаю»), and in Russian said to the client
                # («могу продать ей» → «вам»); an English "they" in an answer is as often the things asked about.
                answer = next(iter(vetted.keep("reasons", [sentence(words, vetted.phrases)], strict=True, to_client=True)), "")
                if answer and re.match(bank["instruction"], words, flags=re.IGNORECASE):
                    answer = say("your_note").format(note=words)
            verb = bank["verbs"].get(m["verb"].lower(), m["verb"].lower())
            client = f"{verb}{'' if what[:1] == ',' else ' '}{what}"
            if answer and vetted.keep("reasons", [client], strict=False):
                found.append({"client": client, "answer": answer, "own": own, "note": note})
    return found


def _renderer(context: dict[str, Any], phrases: Phrases, tone: Tone, env: Any):
    voice = "i" if context["solo"] else "we"

    def render(snippet: Any, **more: Any) -> Any:
        """A snippet in the draft's tone and voice, rendered (with ``more`` variables beside the context's); a
        list renders item by item, empty ones dropped, and an item that loops (one line per unpaid invoice)
        gives one item per line."""
        snippet = Phrases.resolve(snippet, tone, voice)
        variables = {**context, **more}
        if isinstance(snippet, list):
            lines = (line.strip() for s in snippet for line in env.from_string(s).render(**variables).split("\n"))
            return [single_stops(line) for line in lines if line]
        return single_stops(env.from_string(snippet).render(**variables).strip()) if isinstance(snippet, str) else snippet

    def p(key: str, **more: Any) -> Any:
        return render(phrases.get(key, tone, voice), **more)

    return p, render


def _gerund_subject(note: str, phrases: Phrases) -> str:
    """A clause after a comma that goes on without a subject ("I am stopping house visits, going to do bench
    repairs only") given the note's own ("…, and I am going to do …"); a note not opened by "I" or "we" is kept."""
    subjects = phrases.snippets.get("gerund_subjects", {})
    voice = next((v for v, start in subjects.get("starts", {}).items() if re.match(start, note.strip(), flags=re.IGNORECASE)), None)
    if voice is None:
        return note
    return re.sub(r",\s+(?=([a-z]+ing)\b)", lambda m: f", {subjects[voice]} " if is_gerund(m[1], phrases) else m[0], note)


def _own_reason(reasons: list[str], situation: Situation, language: Language, phrases: Phrases, vetted: Vetting,
                standing: bool = False) -> str:
    """The user's reason, quoted when it is the sender's own plan ("we are moving to product work") and
    speaks of no one else; failing a whole note, the opening clause of one ("moving back to Sweden in March,
    my partner got a job there"). Empty when there is none: the reason's kind then gives a bank sentence
    (any other note is usually the grievance behind the decision). ``standing``: instead of a plan, the
    first clause in which the sender says where they stand ("we can't be responsible for security we're not
    allowed to enforce"), truer to the case than the bank's sentence for its kind."""
    # "client projects" speaks of the sender's business, not of this client: it does not make a reason
    # someone else's.
    generic = phrases.snippets.get("generic_client_words", [])

    # The sender's own business and name ("closing Quinlan Kitchen") are not someone else.
    own_names = [n for n in (situation.sender.company, situation.sender.name) if n]

    def without_staff_names(reason: str) -> str:
        # «наш технолог-закройщик Галина Фёдоровна уходит на пенсию»: one of the sender's own people, named by role.
        pattern = phrases.snippets.get("own_staff_name")
        return re.sub(pattern, lambda m: m[0][:m.start(1) - m.start()] if names_person(m[1], language) else m[0], reason) if pattern else reason

    def about_others(reason: str) -> bool:
        reason = without_staff_names(reason)
        for phrase in [*generic, *own_names]:
            reason = re.sub(rf"\b{re.escape(phrase)}\b", " ", reason, flags=re.IGNORECASE)
        # A colleague or family member by name («Андрей Лыков, наш инженер, уходит») is someone else too.
        return matches(reason, language, "not_own_reason") or names_person(full_months(reason, phrases), language)

    def own(reason: str) -> bool:
        # A note that vents ("I know", «не могу больше») is for the tool, not for the client to read; one about
        # money («нам нужны деньги вовремя») is left to the invoice lines and the payment topic. A note of one
        # sentence that points back ("… — my consultant was clear about it") is said by its own clause; one of
        # several may point back to its first ("The barn starts in March. I need February to prep for it").
        return (matches(reason, language, "own_reason") or matches(reason, language, "circumstance_reason")) \
            and not about_others(reason) and not matches(reason, language, "venting") \
            and not matches(reason, language, "stance_not") and not matches(reason, language, "ending_notes") \
            and not matches(reason, language, "left_to_client") and not matches(reason, language, "no_referral") \
            and not (len(sentences(reason)) == 1 and matches(reason, language, "points_back"))

    def plain(reason: str) -> str:
        """The note without the fillers of speech ("anyway", «если честно») that read as offhand in a letter,
        without the user's notes in brackets ("(3 days/wk)"), and with months in full ("from Feb")."""
        reason = _without_fillers(reason, phrases)
        # "what an overlay 'fixes'": a word in quotes of its own is the user's irony, which the client reads as mockery.
        if scare := phrases.snippets.get("scare_quotes"):
            reason = re.sub(scare, r"\1", reason)
        # "not prepared to keep our name on …": a note typed without its subject gets one.
        if (bare := phrases.snippets.get("subjectless_not")) and re.match(bare, reason.strip(), flags=re.IGNORECASE):
            reason = be_subject(reason, phrases, is_solo(situation.sender, language))
        reason = without_staff_names(reason)
        return _without_brackets(written_out(full_months(signs_in_words(_gerund_subject(reason, phrases), phrases), phrases), phrases)).strip()

    # A note that tells the tool how to write, or says the work has already stopped, is no reason.
    def instruction(note: str) -> bool:
        return matches(note, language, "tool_notes")

    def stopped(note: str) -> bool:
        return matches(note, language, "work_stopped")

    # "Marta and I have decided …": the sender and their partner are "we", and the partner is no one else.
    # "… goes for all 14 sites, not just the Gilded Hare": the aside that names this client only says the
    # decision is not about them, and the reason reads the same without it.
    def as_we(note: str) -> str:
        partner = phrases.snippets.get("partner_and_i")
        note = re.sub(partner["pattern"], partner["we"], note, count=1) if partner else note
        return _not_about_them(note, phrases)

    def before_forbidden(note: str) -> str:
        # A note that dictates its wording is read for that wording alone, without its label and its words to
        # the tool ("own reason - …. want that in, its the nub of it").
        return _before_forbidden(_dictated_part(note, phrases) or _wanted_part(note, phrases) or note, language, phrases)

    # A point to say once ("safety, say once: the footstrap is fraying …") is said as that point, never as the reason.
    reasons = [as_we(r) for r in map(before_forbidden, reasons) if r and not instruction(r) and not stopped(r) and not _said_once(r, phrases)]
    # A note of several sentences is said without those about someone else or about what the sender did ("I'm
    # taking a post at the foundry. Dad is 71 and retiring …" says the first): they are the story behind it.
    def past(text: str) -> bool:
        # "I started two booths in October on a phone call": what the sender did is history, not a plan.
        pattern = phrases.snippets.get("past_start")
        return bool(pattern and re.match(pattern, text.strip(), flags=re.IGNORECASE))

    def own_sentences(note: str) -> str:
        parts = sentences(note)
        # Nor the plan of a piece of work typed as a note ("Batch 4 we finish by 19 Feb."): the timeline says it.
        plan = phrases.snippets.get("work_plan_note", "(?!)")
        if len(parts) == 1:
            return "" if re.match(plan, note.strip()) else note
        # Nor a sentence to the tool ("thats true and that's what the email says"), nor, in English, a later
        # fragment with no subject ("Took it last week. Selling the baler in the spring sale."): shorthand.
        fragment = phrases.snippets.get("fragment_start", "(?!)")
        return " ".join(p for i, p in enumerate(parts) if not about_others(p) and not past(p) and not instruction(p)
                        and not re.search(phrases.snippets.get("sayable", "(?!)"), p)
                        and not (i and re.match(fragment, p.strip())) and not re.match(plan, p.strip()))

    whole = [plain(own_sentences(r)) for r in reasons if own(r) and not standing]
    whole = [r for r in whole if r]
    if whole:
        return " ".join(sentence(r, phrases) for r in whole)
    # Only the first clause that states the sender's own plan, and only that clause: the rest of a note ("my
    # partner got a job there", «аренда подорожала», «у меня маленький ребёнок») is private or about others.
    solo = is_solo(situation.sender, language)
    def clauses():
        # A note's first clause may go without its subject ("moving back to Sweden"); a later one counts only
        # when it says who ("…, I am taking fewer clients", «…, беру меньше клиентов»).
        # A note on how the work ends ("I'll do Christmas, after that I step back") is the timeline, every clause of it.
        # A note's brackets ("(churches, listed shopfronts)") are no clauses of it; a note kept for when the client
        # asks («лося не беру … — если спросят») gives no reason.
        # Nor does a point to say once.
        for note in (as_we(_without_brackets(read)) for n in situation.reasons
                     if (read := before_forbidden(n)) and not stopped(n) and not matches(n, language, "ending_notes")
                     # "no referral - deliberate, we won't pass this account to anyone we know": about the referral.
                     and not matches(n, language, "no_referral")
                     and not re.search(phrases.snippets.get("if_asked", "(?!)"), n, flags=re.IGNORECASE)
                     and not _said_once(n, phrases)):
            parts = re.split(f"({phrases.snippets['clause_break']})", note.strip(), flags=re.IGNORECASE)
            (_, first), *rest = [(b, c) for b, c in zip(["", *parts[1::2]], parts[0::2]) if not instruction(c)] or [("", "")]
            # «в сентябре 2025 договорились: …»: what was agreed before is history, not the sender's plan.
            if not past(first):
                yield opening_clause(first, language, phrases, solo), note
            for brk, part in rest:
                said = opening_clause(part, language, phrases, solo, opens_note=False)
                # «… — и дальше не берёмся»: a clause that goes on from the one before it says nothing alone; nor does
                # one after "so" ("they asked me to work from the corridor so I'm not near the lathes"): it is the
                # purpose or the outcome of the clause before, someone else's story.
                if past(part) or re.match(phrases.snippets.get("clause_continuation", "(?!)"), part.strip(), flags=re.IGNORECASE) \
                        or brk.strip().lower() in phrases.snippets.get("consequence_openers", []):
                    continue
                if re.match(phrases.snippets["first_person_start"], part.strip(), flags=re.IGNORECASE) or (
                        language == "ru" and said != part.strip()):
                    yield said, note

    def cut_short(clause: str) -> bool:
        # A clause about money, or one pointing back at the rest of its note ("to prep for it"), says nothing
        # on its own; a whole note may point back within itself.
        return matches(clause, language, "stance_not") or matches(clause, language, "points_back")

    def stance(clause: str) -> bool:
        # A clause of a few words («новых мы не берём») needs the note around it to make sense.
        return len(clause.split()) >= 5 and matches(clause, language, "stance_reason") and not cut_short(clause) \
            and not about_others(clause)

    def all_own(note: str) -> bool:
        # Every later clause says the sender does it («…, межгород больше не возим»); one that does not ("my
        # partner got a job there", «аренда подорожала») is private or about others.
        first, *rest = [c for c in re.split(phrases.snippets["clause_break"], note.strip(), flags=re.IGNORECASE) if c.strip()]
        return len(note.split()) <= 25 and bool(rest) and all(
            (re.match(phrases.snippets["first_person_start"], c.strip(), flags=re.IGNORECASE)
             or language == "ru" and opening_clause(c, language, phrases, solo, opens_note=False) != c.strip())
            and not (about_others(c) or instruction(c) or matches(c, language, "venting") or cut_short(c))
            for c in rest)

    def consequence(clause: str) -> bool:
        return any(clause.lower().startswith(f"{w} ") for w in phrases.snippets.get("consequence_openers", []))

    def own_clause(clause: str) -> bool:
        # A clause about money or pointing at what went before («возьму по факту», "for that") is left to the
        # invoice lines: cut from its note, it says nothing; nor does one that ends on "it" ("I'm taking it"), nor
        # a bare verb («прекращаем.» → «Мы прекращаем.»).
        return own(clause) and not cut_short(clause) and len(clause.split()) >= 3 \
            and not re.search(phrases.snippets["dictated_anaphora"], clause.strip(), flags=re.IGNORECASE)

    clause, note = next(((c, n) for c, n in clauses() if c and not consequence(c) and (stance if standing else own_clause)(c)),
                        (None, ""))
    # Where the sender stands, said whole when the whole note is the sender's own ("I only do group walks, I've
    # no slots for one-to-one"): a clause cut from it may read curter than the note ("I only do group walks.").
    # Not when a sentence of it is the user's to the tool ("same letter goes to two other parks this week").
    whole = standing and clause and note != clause and len(note.split()) <= 25 and not any(
        about_others(c) or matches(c, language, "venting") or cut_short(c) for c, n in clauses() if n == note) \
        and not any(instruction(part) for part in sentences(note))
    # A plan said in a note whose every clause is the sender's own («продаём две фуры и оставляем только
    # городскую доставку, межгород больше не возим») is said whole: its first clause alone tells half of it.
    first = re.split(phrases.snippets["clause_break"], note.strip(), maxsplit=1, flags=re.IGNORECASE)[0].strip()
    if clause and not standing and all_own(note) and clause == opening_clause(first, language, phrases, solo):
        clause = clause + note.strip()[len(first):]
    kept = (vetted.keep("reasons", [plain(note)], strict=True) if whole else []) or vetted.keep(
        "reasons", [clause] if clause else [], strict=True)
    return sentence(plain(kept[0]), phrases) if kept else ""


def _counted_change(situation: Situation, language: Language, phrases: Phrases, vetted: Vetting) -> str:
    """The first piece of a reason note that counts what changed in the work ("South Coast days now run 13-14 hours
    with 19 passengers, and I drive the bus AND guide - that was never the deal" → "South Coast days now run 13-14
    hours with 19 passengers."): a number in it, no money (the invoice lines say that), no one named, nothing to
    the tool, and passed by the checker; empty when no note has one."""
    from ..grounding import find_dates

    # The notes open on the reason; later ones are the user's asides, wishes and instructions.
    notes = [note for note in situation.reasons[:2] if not any(
        matches(note, language, key) for key in ("private_notes", "tool_notes", "forbidding_notes")) and not _dictates(note, phrases)]
    pieces = (piece.strip(" ,.;:") for note in notes
              for piece in re.split(phrases.snippets["fact_break"], _without_brackets(note), flags=re.IGNORECASE))
    trial = vetted.trial()
    counted = phrases.snippets["counted_thing"]
    for piece in pieces:
        # What is counted, and the clauses after it that count too ("Retainer is 10 hrs/month, last 5 months have been
        # 25-30 hrs each"); a clause that counts nothing is the user's comment on it ("…, and I drive the bus AND guide").
        piece = next((piece[:m.start()] for m in re.finditer(phrases.snippets["counted_break"], piece)
                      if not re.search(counted, re.split(phrases.snippets["counted_break"], piece[m.end():])[0])), piece)
        # A number that counts something ("19 passengers", "400+ pages"), not a date ("from 11 January": the timeline) or a
        # number that names one («№ 3»). A piece about the client in the third person ("they take 30% commission",
        # «присылают на 5–7 дней позже») reads as a complaint about them; what was agreed before («в сентябре 2025
        # договорились: фикс 75 €») is history, and money is the invoice lines'.
        if not re.match(rf"[^,]*{counted}", piece) or find_dates(piece) or not 5 <= len(piece.split()) <= 25 \
                or names_person(piece, language) or not _said_of_us(piece, language, phrases) or re.match(phrases.snippets["pointer_start"], piece) \
                or re.match(phrases.snippets.get("past_start", "(?!)"), piece, flags=re.IGNORECASE) or sums(piece) \
                or any(matches(piece, language, key) for key in ("stance_not", "venting", "points_back")):
            continue
        said = sentence(written_out(full_months(signs_in_words(vetted.in_normal_case(piece), phrases), phrases), phrases), phrases)
        if trial.keep("reasons", [said], strict=True):
            return said
    return ""


def _said_of_us(text: str, language: Language, phrases: Phrases) -> bool:
    """Whether a note is a clause that speaks of no one in the third person ("she wants …"; «присылают макеты …»,
    a verb of "they"); a Russian one needs a verb of its own («по абонентке 8 часов в месяц» is a note's shorthand)."""
    if matches(text, language, "third_person_words"):
        return False
    if language != "ru":
        return True
    from ..text import likeliest_ru

    predicates = [r for word in re.findall(r"[а-яё]+", text, flags=re.IGNORECASE)
                  if (r := likeliest_ru(word.lower())) is not None and r.tag.POS in ("VERB", "PRTS", "ADJS", "PRED")]
    return bool(predicates) and not _they_do(text)


def _they_do(text: str) -> bool:
    """Whether a Russian text has a verb of "they" («присылают», «платят»): someone else's doing."""
    from ..text import likeliest_ru

    return any((r := likeliest_ru(w)) is not None and r.tag.POS == "VERB" and {"3per", "plur"} <= r.tag.grammemes
               for w in re.findall(r"[а-яё]+", text.lower()))


def _private_reason(note: str, situation: Situation, language: Language, phrases: Phrases, vetted: Vetting,
                    environment: Any) -> str:
    """The reason a user keeps private, said only as they allow: in the words they quote for it ("just say
    'health reasons'", «просто "по состоянию здоровья"»); else the reason of the kind they chose (empty: the
    bank's line for it), or personal reasons."""
    quoted = re.search(phrases.snippets["private_said"], note)
    said = vetted.keep("reasons", [quoted["said"].strip()], strict=True) if quoted else []
    if not said and situation.reason_kind:
        return ""
    text = phrases.get("reason_private", voice="i" if is_solo(situation.sender, language) else "we")
    return environment.from_string(text).render(said=said[0] if said else "")


def _sayable(situation: Situation, language: Language, phrases: Phrases, vetted: Vetting) -> str:
    """The reason in a note the user marks as fit to say ("… that's the reason, say it plainly", «… это можно
    сказать», «про операцию сказать можно»): the sentence before the mark, with its subject ("закрываю
    мастерскую" → «Я закрываю мастерскую»), or the wording after a dash that follows the mark («это и есть
    причина, прямо так и написать — …»); empty when there is none or the checker objects to it."""
    pattern, manner = phrases.snippets.get("sayable"), phrases.snippets.get("sayable_manner")
    solo = is_solo(situation.sender, language)
    for at, note in enumerate(situation.reasons if pattern else []):
        marks = list(re.finditer(pattern, note))
        manners = list(re.finditer(manner, note)) if manner else []
        if not marks and not manners:
            continue
        after = note[max(m.end() for m in [*marks, *manners]):]
        # «это можно написать одной строкой»: a line allowed, not the reason.
        if re.match(phrases.snippets.get("sayable_line", "(?!)"), after, flags=re.IGNORECASE):
            continue
        worded = re.match(r"\s*[—–:-]\s*(?P<said>\S.*)$", after)
        if not marks and not worded:
            continue
        # A mark that opens its note ("that's the one to give", «это и скажу — здоровье, возраст, беру только рядом»)
        # speaks of the note before it, whole; words after it that open on a list only sum that note up.
        # Nor do words that only say it is not about the client ("say it plainly - nothing to do with the Society"):
        # the message says that in a line of its own.
        if worded and (re.match(phrases.snippets.get("sayable_summary", "(?!)"), worded["said"])
                       or re.match(phrases.snippets.get("sayable_manner_only", "(?!)"), worded["said"])
                       or not _not_about_them(worded["said"], phrases).strip(" .")):
            worded = None
            if not marks:
                continue
        if marks and not note[:marks[0].start()].strip(" .,;") and not worded and at:
            said = situation.reasons[at - 1]
        # The mark speaks of the sentence it closes or follows ("… every invoice goes 90+ days. we can't be the
        # bank for a managing agent, that's the reason"): that sentence alone, not the story before it.
        else:
            said = worded["said"] if worded else (sentences(note[:marks[0].start()]) or [""])[-1]
        # «к Евгении Викторовне претензий нет, скорее наоборот — так и сказать»: that is said in a line of its own.
        if not (said := _not_about_them(said, phrases)).strip(" ."):
            continue
        # «платят через 80–90 дней … третий квартал подряд. это главная причина»: what the client does, or a fragment
        # that goes on from it, is the grievance behind the decision, not a reason to say.
        before = (sentences(note[:marks[0].start()]) or [""])[:-1] if marks else []
        if not worded and (_of_others(said, language) or _verbless(said, language, phrases) and before and _of_others(before[-1], language)):
            continue
        if not worded and marks:
            said = _with_antecedent(before, said, language, phrases)
        parts = []
        # «если по-честному: согласование у пяти человек»: the candour is the user's to the tool.
        for part in sentences(_without_candour(_without_brackets(_wording(said, phrases)), phrases).strip(" ,;:—–-")):
            parts.append(sentence(_with_subject(part, language, phrases, solo), phrases))
        said = [written_out(full_months(signs_in_words(part, phrases), phrases), phrases) for part in parts]
        # Whole, if the checker passes it; else the sentences it passes; else the first clause, if it is one. The
        # tries are not reported: the note itself is, if the checker objects to it.
        trial = vetted.trial()
        kept = trial.keep("reasons", [" ".join(said)], strict=True) or trial.keep("reasons", said, strict=True)
        if not kept and said:
            first = re.split(phrases.snippets["clause_break"], said[0], maxsplit=1, flags=re.IGNORECASE)[0].strip(" .")
            kept = trial.keep("reasons", [sentence(first, phrases)], strict=True) if len(first.split()) >= 4 else []
        if kept:
            return " ".join(kept)
    return ""


def _labelled_stories(situation: Situation, language: Language, phrases: Phrases, vetted: Vetting) -> dict[str, str]:
    """The reasons told in notes that close on a label naming its kind, by note ("… my crew of 11 gets paid every Friday
    regardless. payment is the reason", «… людей до весны не найти. причина — команда»): the sentences before the
    label, which say what the label only names. A sentence is left out when it is the user's to the tool or a
    fragment («коротко.», "stopping."), when it names someone ("Graham wants …"; the sender's own "Dean, our only
    cabler, …" is "our only cabler"), and when it points back at one left out ("I won't build that way"); a payment
    is said of no one. Only the notes with a story to say, in their order."""
    return {note: story for note in situation.reasons if (story := _story_of(note, situation, language, phrases, vetted))}


def _story_of(note: str, situation: Situation, language: Language, phrases: Phrases, vetted: Vetting) -> str:
    """The story of one note that closes on a label (`_labelled_stories`); empty when it has none to say."""
    if not (found := _story_label(note, language, phrases)):
        return ""
    solo = is_solo(situation.sender, language)
    kept: list[str] = []
    broken = False
    trial = vetted.trial()
    parts = sentences(_without_brackets(note[:found.start()]))
    # "… we can't be the bank for a managing agent, that's the reason": the mark closes that sentence, said alone
    # (with the one before it if it points back), not with the story and the quoted excuses before it.
    if found.groupdict().get("closes") and parts and len(parts[-1].strip(" .,;:—–-").split()) >= 4:
        first = re.split(phrases.snippets["clause_break"], parts[-1], maxsplit=1, flags=re.IGNORECASE)[0]
        parts = parts[-2:] if matches(first, language, "leans_back") else parts[-1:]
    staff = phrases.snippets.get("own_staff_named_first")
    for part in parts:
        text = _without_candour(_wording(part, phrases), phrases).strip(" .,;:—–-")
        text = re.sub(staff["pattern"], staff["as"], text) if staff else text
        for pattern, words in phrases.snippets.get("payments_of_no_one", {}).items():
            text = re.sub(pattern, words, text, flags=re.IGNORECASE)
        # «…, а цена та же — «в рамках договора»»: the client's words quoted back are a retort, not the story.
        text = re.sub(phrases.snippets.get("quoted_retort", "(?!)"), "", text)
        if len(text.split()) < 4 or matches(text, language, "tool_notes"):
            continue
        said = written_out(full_months(signs_in_words(sentence(_with_subject(to_you(text, language, phrases), language, phrases, solo),
                                                                phrases), phrases), phrases), phrases)
        # A sentence that points back ("I can't do a service properly like that") needs the one before it; what
        # follows one left out for what it says ("four times in November, and …") goes on from it and is left out too.
        first = re.split(phrases.snippets["clause_break"], text, maxsplit=1, flags=re.IGNORECASE)[0]
        leans = len(first.split()) <= 12 and matches(first, language, "leans_back") and not kept
        if broken or leans or names_person(text, language) or not trial.keep("reasons", [said], strict=True):
            broken = True
            continue
        kept.append(said)
    return " ".join(kept)


def _labels_story(note: str, start: int, stories: dict[str, str], language: Language, phrases: Phrases) -> bool:
    """Whether the words at ``start`` of a note are the label that closes a story said in its place (``stories``, from
    `_labelled_stories`): «оплата, больше ничего» after «платят по два-три месяца …» names the reason, the story says
    it. A label whose story is all left out («Ольга Петровна хочет всё по звонку. причина — формат не подходит») is
    said itself."""
    found = _story_label(note, language, phrases) if note in stories else None
    return bool(found) and start >= found.start()


def _story_label(note: str, language: Language, phrases: Phrases) -> re.Match[str] | None:
    """The label that closes a note's story ("payment is the reason", «причина — оплата, больше ничего»): the last
    `reason_label` in the note, followed only by the label's words and how to say it. A label of more than a few
    words with a verb of its own («причина — мы закрываем цех и уезжаем») is the reason itself, not a label."""
    label = phrases.snippets.get("reason_label")
    found = list(re.finditer(label, note)) if label else []
    if not found:
        return None
    rest = note[found[-1].end():].strip(" .,;:—–-")
    named = re.split(r"[,;.]", rest, maxsplit=1)[0]
    return found[-1] if len(rest.split()) <= 10 and (len(named.split()) <= 3 or _verbless(named, language, phrases)) else None


def _dictated(situation: Situation, language: Language, phrases: Phrases, vetted: Vetting, stories: dict[str, str]) -> str:
    """The wording the user asked the message to use for the reason ("just: we can't certify what we haven't
    inspected", «просто: работаю только по фактическим координатам»), when it passes the checker; not a label whose
    story (``stories``) is said instead."""
    # Never a wording the user keeps private («настоящая причина — болезнь отца, об этом не говорить»).
    # The words dictated for the client ("what I'll tell Brent: …", «в письме: …») come first and are said in full,
    # to the client ("charging them" → "charging you"). Those only marked as the reason ("the actual hard reason:
    # …") follow; one that goes on about the client ("I'm cutting back to daytime work and can't give them the
    # cover they need") is said without the clauses about them, the sender's own ("the weekly round works, the
    # 'while she waits' doesn't, and I've stopped being able to plan a week" → "…works, and I've stopped …"),
    # unless only a fragment is left ("not a two-person shop").
    # A word typed in capitals for the tool ("we will NOT put our sticker …") is said in normal case.
    def found(key: str, label: str = "") -> list[str]:
        return [vetted.in_normal_case(to_you(full_months(signs_in_words(_wording(m["said"], phrases), phrases), phrases), language, phrases))
                for pattern in phrases.snippets.get(key, []) for note in situation.reasons
                if (m := re.search(pattern, note, flags=re.IGNORECASE)) and not matches(m["said"], language, "forbidding_notes")
                and not _labels_story(note, m.start("said"), stories, language, phrases)
                and not _forbids_before(note[m.end("said"):], m["said"], language, phrases)
                and (not label or re.search(label, note[:m.start("said")]))]

    # What is left of a wording without its clauses about others must still say something: «Третий квартал подряд.»
    # after «платят через 80–90 дней» does not.
    def own_part(said: str) -> str:
        # An aside in brackets ("Roxanne (my partner in this, the Best in …) is moving …") is no clause of it: its
        # commas would split the note inside the brackets.
        part = _own_clauses(_without_brackets(said), language, phrases)
        # The clause left after one about someone else goes on from it ("…, and I can't do 24 residents"): said alone,
        # without its "and".
        part = capital_starts(re.sub(phrases.snippets.get("clause_continuation", "(?!)"), "", part.strip(), flags=re.IGNORECASE))
        return "" if language == "ru" and _verbless(part, language, phrases) else part

    own = [s if not _of_others(s, language) else own_part(s)
           for s in map(lambda note: _without_candour(note, phrases), found("dictated"))]
    # A wording of several sentences says the sender's own: one about the client by name ("Graham wants the lane wall
    # finished with a cement core 'so it's done before Christmas'.") is the story behind it, quoted back as a reproach.
    own = [" ".join(p for p in sentences(s) if not names_person(p, language)) if len(sentences(s)) > 1 else s for s in own]
    own = [s for s in own if s and not _of_others(s, language)
           and not re.match(phrases.snippets.get("fragment_opening", "(?!)"), s, flags=re.IGNORECASE)]
    # A wording of a word or two ("one sentence, max") is no reason, nor a short one that points back at the note
    # around it ("I'm not doing it"); a long one holds what its "it" stands for ("… keep charging you for it").
    to_client = found("dictated_to_client")
    said = [s for s in to_client + own if len(s.split()) >= 3 and (
        len(s.split()) >= 8 or not re.search(phrases.snippets["dictated_anaphora"], s.strip(), flags=re.IGNORECASE))]
    # As typed, if the checker passes it; else as a letter writes it ("I cannot", "a 48-hour promise"), which the
    # checker may read differently. The tries are not reported: the note itself is, if neither passes.
    trial = vetted.trial()
    nominal = phrases.snippets.get("nominal_reason")

    # Words with no verb («только «разные взгляды на наполнение карты»», "a different way of looking after the casks")
    # are the reason named, not a sentence; the checker reads them so too ("a different view of how these lifts
    # should be maintained" alone reads as a verdict).
    def named(wording: str) -> str:
        return sentence(nominal.format(reason=wording.strip(" .")[:1].lower() + wording.strip(" .")[1:]), phrases) \
            if nominal and _verbless(wording, language, phrases) else wording

    def forms(wording: str) -> list[str]:
        return list(dict.fromkeys([wording, written_out(wording, phrases)]))

    chosen = next(((form, named(form)) for wording in said for form in forms(wording)
                   if trial.keep("reasons", [named(form)], strict=True, to_client=wording in to_client)), None)
    if chosen is None:
        vetted.keep("reasons", said[:1], strict=True)
        return ""
    line, framed = chosen
    # The words for the news ("what I'll say at the door: we'll get the ridge finished …, and that's us done") follow
    # the reason the user gives for it ("reason to give: we're booked solid through next year …"), not a reason only
    # marked as the real one.
    if line in [*to_client, *map(lambda w: written_out(w, phrases), to_client)]:
        given = [r for r in found("dictated", phrases.snippets.get("dictated_public", "(?!)")) if not _same_words(r, line)]
        reason = next((form for wording in given for form in forms(wording) if trial.keep("reasons", [form], strict=True)), None)
        line = f"{sentence(reason, phrases)} {sentence(line, phrases)}" if reason else line
    solo = is_solo(situation.sender, language)
    # A freelancer's «не можем продолжать» is «я не могу продолжать»: the letter speaks as "I".
    line = in_first_singular(line) if solo and language == "ru" else line
    return named(line) if framed != chosen[0] else sentence(_with_subject(line, language, phrases, solo), phrases)


def _as_request(text: str, phrases: Phrases, every_clause: bool = False, plural: bool = True) -> str:
    """A Russian rule typed as an infinitive, said to the client as a request: «в ванную маму одну не пускать, пока не
    поставят поручень» → «в ванную маму одну не пускайте, пока …». Only a clause with no verb of its own and no word
    that already carries the rule («нельзя запускать», «должен быть»), nor one that hangs on another («чтобы не
    упасть»). Only the first clause, but in a point to say once (``every_clause``), where the rule follows what is
    wrong («… оторвана секция ограждения, туда людей без страховки не пускать»), every one; there «пусть вызовут
    мастера», said of the client's people, is asked of the client too («вызовите мастера»). ``plural`` is «вы»."""
    from ..text import likeliest_ru

    subordinate = set(phrases.snippets["relative_words"])
    parts = re.split(r"(,\s*|\s+[-–—]\s+|;\s*|[.!?]\s+)", text) if every_clause else list(text.partition(","))
    for i in range(0, len(parts), 2):
        words = re.findall(r"[а-яё]+", parts[i].lower())
        readings = [likeliest_ru(w) for w in words]
        if not words or words[0] in subordinate:
            continue
        if every_clause and words[0] in phrases.snippets["let_words"] and len(readings) > 1 and readings[1] is not None \
                and readings[1].tag.POS == "VERB" and "3per" in readings[1].tag:
            # «пусть выкинет её или поменяет шнур»: every verb of theirs in it.
            let, *rest = parts[i].split()
            said = " ".join(imperative(r, w, plural) if (r := likeliest_ru(w.strip(",.;:!?"))) is not None
                            and r.tag.POS == "VERB" and "3per" in r.tag else w for w in rest)
            parts[i] = said[:1].upper() + said[1:] if let[:1].isupper() else said
        elif any(r is not None and r.tag.POS == "INFN" for r in readings) \
                and not any(r is not None and r.tag.POS in {"VERB", "PRED", "ADJS"} for r in readings):
            parts[i] = request_form(parts[i], plural)
    return "".join(parts)


def _of_others(text: str, language: Language) -> bool:
    """Whether a reason speaks of someone else: `not_own_reason` names them, or a Russian verb of "they" says how
    they pay («платят через 80–90 дней, а по договору 15»): the client's doing, which the invoice lines answer, not
    the sender's reason. «Весной забирают две левады под дорогу» says what happens, no one's conduct."""
    if matches(text, language, "not_own_reason"):
        return True
    if language != "ru" or "money" not in reply_topics(text, language):
        return False
    # «…, в которое без нас включают печи»: a verb inside a relative clause tells of the thing, not whose reason it is.
    relative = "|".join(load_phrases("ru").snippets["relative_words"])
    return _they_do(re.split(rf"(?<![а-яё])(?:{relative})(?![а-яё])", text.lower(), maxsplit=1)[0])


def _verbless(text: str, language: Language, phrases: Phrases) -> bool:
    """Whether words hold no verb: in Russian, no verb, infinitive, short form or predicative («разные взгляды на
    карту»); in English, a noun phrase opening on an article ("a different way of looking after the casks") with
    no subject pronoun after it (`nominal_openers`, `subject_pronouns`)."""
    if language != "ru":
        words = re.findall(r"[a-z']+", text.lower())
        return bool(words) and words[0] in phrases.snippets.get("nominal_openers", []) and not (
            set(words) & set(phrases.snippets.get("subject_pronouns", [])))
    from ..text import likeliest_ru

    readings = [likeliest_ru(w) for w in re.findall(r"[а-яё]+", text.lower())]
    return bool(readings) and not any(r and r.tag.POS in {"VERB", "INFN", "PRTS", "ADJS", "PRED", "GRND"} for r in readings)


def _said_once(note: str, phrases: Phrases) -> bool:
    """Whether a note is a point to say once ("safety, say once: …", «про безопасность, один раз: …»), not one that
    only speaks of safety ("what matters is the players' safety, not the money")."""
    return bool(re.search(phrases.snippets["once_marker"], note))


def _with_antecedent(before: list[str], said: str, language: Language, phrases: Phrases) -> str:
    """A short sentence that points back ("we can't carry that any more", «без этого …») after the sentence it points
    to: the nearest of the two sentences ``before`` it in its note that speaks of no one else, or would when its payments are said of
    no one ("they pay 60-90 days late" → "payments come 60-90 days late"); the sentence alone when there is none."""
    if len(said.split()) > 12 or not matches(said, language, "leans_back"):
        return said
    for prior in reversed(before[-2:]):
        for pattern, words in phrases.snippets.get("payments_of_no_one", {}).items():
            prior = re.sub(pattern, words, prior, flags=re.IGNORECASE)
        # "the hostel sells 'guaranteed 1 pm flights'": what someone else does, in the third person.
        if not _of_others(prior, language) and not names_person(prior, language) and not matches(prior, language, "tool_notes") \
                and not re.match(phrases.snippets.get("others_doing", "(?!)"), prior):
            return f"{prior.strip()} {said.strip()}"
    return said


def _without_candour(note: str, phrases: Phrases) -> str:
    """A reason marked as the real one, told to the tool, without the candid remark it ends on ("… so Sundays are
    gone anyway and honestly on €300 it's not worth it" → "… so Sundays are gone") and the fillers of speech."""
    return _without_fillers(re.sub(phrases.snippets.get("candid_tail", "(?!)"), "", note), phrases)


def _without_fillers(text: str, phrases: Phrases) -> str:
    """The user's words without the fillers of speech ("anyway", «если честно») that read as offhand in a letter."""
    for filler in phrases.snippets.get("reason_fillers", []):
        text = re.sub(rf",?\s*\b{re.escape(filler)}\b,?", "", text, flags=re.IGNORECASE)
    return text


def _forbids_before(rest: str, said: str, language: Language, phrases: Phrases) -> bool:
    """Whether the rest of a note forbids what was ``said`` before it: an instruction with no thing of its own («НИКАК
    не упоминать, ни намёком», "don't mention it", «об этом не писать»), or one that names a thing of the wording («ПРО
    БОНУСЫ НЕ ГОВОРИТЬ» after «бонусы дистрибьютора собственнику»); not one about something else ("don't mention the
    soakaway")."""
    return any(matches(part, language, "forbidding_notes") and (
        len(re.findall(r"\w+", part)) <= 5 or re.search(phrases.snippets["dictated_anaphora"], part, flags=re.IGNORECASE)
        or words_in_common(part, said, language, letters=5) >= 1)
        for part in sentences(rest))


def _own_clauses(text: str, language: Language, phrases: Phrases) -> str:
    """A wording without its clauses about others, each dropped with the break before it (the first with the
    break after it)."""
    parts = re.split(f"({phrases.snippets['clause_break']})", text, flags=re.IGNORECASE)
    clauses, breaks = parts[0::2], ["", *parts[1::2]]
    kept = [(b, c) for b, c in zip(breaks, clauses) if not matches(c, language, "not_own_reason")]
    return "".join((b if i else "") + c for i, (b, c) in enumerate(kept)).strip()


def _dictates(note: str, phrases: Phrases) -> bool:
    """Whether a note dictates the words for the client ("what I'll tell Brent: …", «в письме: …»)."""
    return any(re.search(pattern, note, flags=re.IGNORECASE) for pattern in phrases.snippets.get("dictated_to_client", []))


def _dictated_part(note: str, phrases: Phrases) -> str | None:
    """The wording a note dictates ("own reason - I can't …. want that in" → "I can't …"), or None."""
    found = (re.search(pattern, note, flags=re.IGNORECASE) for key in ("dictated_to_client", "dictated")
             for pattern in phrases.snippets.get(key, []))
    return next((_wording(m["said"], phrases) for m in found if m), None)


def _wording(said: str, phrases: Phrases) -> str:
    """The words a note dictates, as words for the client: of wordings offered as alternatives ("frame it as: we see
    content differently / different approach") the first, and without the user's words about them («только
    «разные подходы к продвижению», без слова «накрутка»» → «разные подходы к продвижению»)."""
    said = re.split(r"\s+/\s+", said)[0]
    for pattern in phrases.snippets.get("wording_notes", []):
        said = re.sub(pattern, "", said, flags=re.IGNORECASE).strip()
    quoted = re.fullmatch(r"[«\"“'‘](?P<said>[^«»\"“”]+)[»\"”'’]", said)
    return quoted["said"] if quoted else said


def _wanted_part(note: str, phrases: Phrases) -> str | None:
    """The line a note asks to be said ("say something like: '…'", "say clearly but politely that …"), or None: the
    note's label is the user's to the tool."""
    found = (re.search(pattern, note, flags=re.IGNORECASE) for pattern in phrases.snippets.get("wanted_line", []))
    return next((m.groupdict().get("said") or m.groupdict().get("first") for m in found if m), None)


def _with_subject(text: str, language: Language, phrases: Phrases, solo: bool) -> str:
    """A sentence of the user's typed without its subject, with it: «не можем отвечать за …» → «Мы не можем
    отвечать за …» (`opening_clause` gives the first clause its subject; the rest follows as typed)."""
    first = re.split(phrases.snippets["clause_break"], text.strip(), maxsplit=1, flags=re.IGNORECASE)[0].strip()
    return opening_clause(text, language, phrases, solo) + text.strip()[len(first):]


def _before_forbidden(note: str, language: Language, phrases: Phrases) -> str:
    """A note up to the sentence that says what not to write («про прокуратуру НЕ писать. не угрожаем, просто
    уходим», "DON'T mention the soakaway, I'll put it in the notes as 'worth a look'"): what follows explains
    the instruction, and is neither the reason nor a line to say. In that sentence, the clauses before the
    instruction still count ("moving on from agency work, but don't mention the argument")."""
    parts = sentences(note)
    cut = next((i for i, part in enumerate(parts) if matches(part, language, "forbidding_notes")), None)
    if cut is None:
        return note
    clauses = re.split(f"({phrases.snippets['clause_break']})", parts[cut], flags=re.IGNORECASE)
    first = next((i for i in range(0, len(clauses), 2) if matches(clauses[i], language, "forbidding_notes")), 0)
    return " ".join([*parts[:cut], "".join(clauses[:max(first - 1, 0)])]).strip()


def _wanted(situation: Situation, language: Language, phrases: Phrases, vetted: Vetting) -> tuple[list[str], list[str]]:
    """The lines the user asked the message to say, in their words ("I need a line: '…'", «хочу вставить
    фразу: «…»», "make sure to mention the fee is waived"), and the promises of their notes (`_promises`),
    each said to the client, once, and passing the checker; then which of them are the promises (a reply
    answers a question about money or returns with them)."""
    own = [said for note in [*situation.reasons, *situation.facts] if (said := _before_forbidden(note, language, phrases))]
    # A line of the pasted context someone else wrote ("[Slack, Nov 30] Trevor: just say we cut churn by 40%") asks the
    # user for their own work, not for a line in this message.
    sender = {w.lower() for w in re.findall(r"[^\W\d_]+", situation.sender.name or "")}
    pasted = [line for line in (situation.context or "").splitlines()
              if not ((m := re.match(phrases.snippets.get("speaker_label", "(?!)"), line)) and m["who"].split()[0].lower() not in sender)]
    asked = [(note, pattern) for note in [*own, *pasted] for pattern in phrases.snippets.get("wanted_line", [])]
    # A note that quotes its line is read for that line only, not again as an unquoted point ("say it: '…'").
    quoted = {note for note, pattern in asked if re.search(pattern, note.strip(), flags=re.IGNORECASE)}
    # A note that dictates the reason's words ("what I'll say at the meeting: …") gives the reason, no point besides.
    dictating = {note for note in own if _dictates(note, phrases)}
    asked += [(note, pattern) for note in own if note not in quoted | dictating for pattern in phrases.snippets.get("asked_point", [])]
    def predicted(note: str, start: int, end: int) -> bool:
        # "they'll probably say …": the client's words the user expects, not a line for the message; nor is
        # "if he raises it, say …" one, or «…, — если спросят» after it, only for when the client brings it up.
        before = re.split(r"[.;!?]\s+", note[:start])[-1]
        return any(re.search(phrases.snippets.get(key, "(?!)"), before, flags=re.IGNORECASE)
                   for key in ("predicted_before", "conditional_before", "reported_before")) \
            or bool(re.search(phrases.snippets.get("if_asked", "(?!)"), re.split(r"[.;!?]\s", note[end:])[0], flags=re.IGNORECASE))

    aside = phrases.snippets.get("tool_aside", "(?!)")

    def with_instruction(note: str, m: re.Match[str]) -> str:
        # A point to say once is said with what to do about it, wherever the note says it ("… трещина в роторе. 1 декабря
        # мы её вывели из работы …. не включать совсем, ротор может разлететься"): the sentences after the point that
        # tell it, not the story between them.
        said = (m["said"] or m.groupdict().get("first") or "").strip(" '\"“”‘’«»")
        if not _said_once(note[:m.start("said") if m["said"] else m.end()], phrases):
            # "… and we have a weight limit. it's how we work - say that": the point, after what it points back to.
            # (Not a line after its label, "say exactly this: It has been …": that is the user's wording, whole.)
            before = note[:m.start("said")] if m["said"] else ""
            return _with_antecedent(sentences(before), said, language, phrases) if re.search(r"[.!?]\s*$", before) else said
        told = [part for part in sentences(note[m.end():].lstrip(" ;,")) if re.search(phrases.snippets["once_instruction"], part)
                and not matches(part, language, "tool_notes") and part.strip(" .") not in said]
        # "… past their test date - take them out of use today": what to do after a dash is asked, in the point too.
        dash, asking = phrases.snippets.get("told_dash", ("(?!)", ""))
        said = re.sub(dash, asking, said)
        return " ".join([said.rstrip(" .") + ".", *(re.sub(dash, asking, part) for part in told)]) if told else said

    found = [(re.sub(aside, "", with_instruction(note.strip(), m)), pattern in phrases.snippets.get("wanted_line", []))
             for note, pattern in asked
             if (m := re.search(pattern, note.strip(), flags=re.IGNORECASE)) and not predicted(note.strip(), m.start(), m.end())]
    # "he asked to keep my raw files. no - the raws stay mine": a refusal of an ask the letter does not quote opens on
    # nothing the client reads; the point is said without it ("The raws stay mine …").
    refusal = phrases.snippets.get("refusal_opener", "(?!)")
    found = [(text if quoted else (bare[:1].upper() + bare[1:] if (bare := re.sub(refusal, "", text, count=1)) != text else text), quoted)
             for text, quoted in found]
    # A line another pattern read whole is said once, whole ("must say: A. B." holds "A"). The user's mark on a reason
    # ("that's the whole reason.") is no line of its own.
    mark = phrases.snippets.get("sayable", "(?!)")
    # Nor is it a sentence of a line read with what it points back to ("We won't put our name on it. That's the real
    # reason."): the mark is the user's to the tool.
    found = [(text if quoted else " ".join(part for part in sentences(text) if not (re.match(mark, part) and len(part.split()) <= 6)), quoted)
             for text, quoted in found]
    found = [(text, quoted) for text, quoted in found if text and not (re.match(mark, text) and len(text.split()) <= 6)]
    said = [text for text, _ in found if not any(text != other and text in other for other, _ in found)]
    # "say it plainly - nothing to do with the Society", «к Евгении Викторовне претензий нет — так и сказать»: the
    # message says that in a line of its own (`_not_about`).
    said = [t for text in said if (t := _not_about_them(text, phrases)).strip(" .")]
    # A line the user wrote out in quotes is theirs word for word; only the rest is re-voiced.
    verbatim = {text for text, quoted in found if quoted}
    # An unquoted point that names an open invoice ("деньги: по № 38 остаток 85 000 ₽ висит с ноября …. сказать номера и
    # даты") is said by the money lines, which ask for it politely with its date.
    numbers = [n for i in situation.unpaid_invoices if i.number and (n := re.sub(r"^[^\w]+", "", i.number.strip()))]
    said = [t for t in said if t in verbatim or not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", t) for n in numbers)]
    # A note that foresees what the client will say ("he'll say '…'. answer: we credit …") is an answer kept for the
    # talk, never a promise volunteered.
    opening = phrases.snippets.get("foreseen", {}).get("opening", "(?!)")
    # A promise of a sum the open work already lists ("the 2 left over (£152) I'll refund", beside "refund of the
    # two unused lessons (£152)") is said there, once.
    listed = {n for work in situation.open_work for n in sums(work.item)}
    promised = [re.sub(aside, "", line) for note in own if not re.search(opening, note, flags=re.IGNORECASE)
                for line in _promises(note, language, phrases, is_solo(situation.sender, language))
                if not any(_same_words(line, s) for s in said) and not sums(line) & listed]
    # Notes speak of the client in the third person ("make sure they know they can collect the chest").
    # A word the user typed in capitals for the tool («НЕ сдаю») is said in normal case.
    # A Russian line that opens on its verb («подписываем только то, что реально проверили») gets its subject («Мы
    # подписываем …»); one that opens otherwise («больше не могу …») is said as typed.
    solo = is_solo(situation.sender, language)
    # A point to say once («… оторвана секция ограждения, туда людей не пускать») is asked of the client in every
    # clause; to a friend, on «ты».
    once = set(said_from(said, own, phrases.snippets["once_marker"], language))
    informal = asks_informal(situation, language)

    def line(text: str) -> str:
        if text not in verbatim:
            # "the mirror easel (it's Giulia's, not mine) has a split …": the aside is the user's to the tool.
            text = to_you(full_months(without_own_brackets(text, phrases), phrases), language, phrases)
            subjected = _with_subject(text, language, phrases, solo) if language == "ru" else text
            text = subjected if subjected.split()[:1] and subjected.split()[0].lower() in ("я", "мы") else text
            text = _as_request(text, phrases, text in once, plural=not informal) if language == "ru" else text
        return sentence(vetted.in_normal_case(text), phrases)

    asked_lines = [line(text) for text in said if len(text.split()) >= 3] + _answers_to_pasted(situation, own, language, phrases)
    promised_lines = [line(text) for text in promised if len(text.split()) >= 3]
    # A line the user asked for in so many words is theirs to send, as an answer they type is: the learned reader's
    # doubt about it (a guess, where the rules find nothing) does not drop it ("the 8 boards with glued fin boxes
    # should not go out to beginners any more"). Their promises, read out of a note, are checked in full.
    asked_lines = list(dict.fromkeys(asked_lines))
    kept = vetted.keep("reasons", asked_lines, strict=True, to_client=True, allowed=frozenset({"learned_tone"}))
    # A line the checker objects to only by words it mends itself ("… while the last one is still unpaid") is said
    # mended rather than dropped: the user asked for it in so many words; the warning shows the change.
    kept += vetted.mended("reasons", [a for a in asked_lines if a not in kept], to_client=True, allowed=frozenset({"learned_tone"}))
    kept += vetted.keep("reasons", [p for p in dict.fromkeys(promised_lines) if p not in asked_lines], strict=True, to_client=True)
    # The note that carried a line the message now says is not "left out": the user's request was met.
    used = [text for text in said if line(text) in kept]
    vetted.left_out[:] = [o for o in vetted.left_out if not (o.field == "reasons" and any(text in o.text for text in used))]
    return kept, [k for k in kept if k in promised_lines]


def _answers_to_pasted(situation: Situation, notes: list[str], language: Language, phrases: Phrases) -> list[str]:
    """The user's answers to a client's message pasted into the notes ("… 'Can I confirm you for the 19th?' - answer:
    I'm not confirming the 19th or any other date"), or pasted below them ("answer her message below: no to …"), each
    led in by the message it answers, dated as the note or the pasted message's header dates it."""
    from ..as_of import as_of
    from ..grounding import find_dates

    written = as_of(situation)
    lead = phrases.snippets["answer_lead"]
    # An answer kept for what the client will say ("he'll say Craig was having a bad day. answer: '…'") is for the talk,
    # not to a message they sent; a pasted message is quoted before the answer.
    foreseen = phrases.snippets.get("foreseen", {}).get("opening", "(?!)")
    lines = []
    # A message pasted below the notes ("From Sabine Hofbauer, 3 Dec 2026, 21:14: …") is dated by its header.
    header = "\n".join((situation.context or "").strip().splitlines()[:2])
    for note in notes:
        found = next((m for pattern in phrases.snippets.get("answer_line", []) if (m := re.search(pattern, note.strip()))), None)
        # "answer her message below: no to …": the answer to the message pasted with the notes.
        below = None if found or not situation.context else re.match(phrases.snippets.get("answer_below", "(?!)"), note.strip())
        if below:
            found, header_dates = below, find_dates(header)
        elif not found or re.search(foreseen, note, flags=re.IGNORECASE) or not re.search(r"[\"“‘'«]", note.strip()[:found.start()]):
            continue
        # The message's date is the first one of the note's words before the quote ("her email of Tuesday (1 Dec)").
        dates = [(day, month) for _, _, (day, month) in (header_dates if below else find_dates(note.strip()[:found.start()]))]
        when = None
        if dates:
            day, month = dates[0]
            try:
                when = dt.date(written.year - (month > written.month), month, day)
            except ValueError:
                when = None
        said = full_months(found["said"].strip(" '\"“”‘’«»"), phrases)
        lines.append(sentence((lead["dated"].format(date=format_date(when, language)) if when else lead["plain"]) + said, phrases))
    return lines


def _planned(situation: Situation, facts: list[str], wanted: list[str], language: Language, phrases: Phrases,
             written: dt.date) -> list[str]:
    """The user's facts about what is still to happen before the end ("the mock test is on 15 December
    2026"), as sentences: the work left, when no open work is listed. Money is left to the invoice lines,
    and a fact already said as a promise is not said twice."""
    return [sentence(full_months(fact, phrases), phrases) for fact in planned(situation, facts, written)
            if not matches(fact, language, "stance_not") and not matches(fact, language, "points_back") and not any(_same_words(fact.rstrip(" ."), w.rstrip(" .")) for w in wanted)]


def _promises(note: str, language: Language, phrases: Phrases, solo: bool) -> list[str]:
    """The sentences of a note that promise the client something or ask something back of them ("the £600
    deposit is refunded in full", "refund the 3 unused lessons" → "I will refund …", «ключи нужно вернуть до
    20-го»), never a note that vents or instructs the tool."""
    if matches(note, language, "venting") or matches(note, language, "tool_notes"):
        return []
    found = []
    for part in re.split(r"(?<=[.!?;])\s+", note.strip()):
        part = part.strip(" .;")
        # "the hostel says they were refunded": the client's claim, which the user disputes, promises nothing.
        if len(part.split()) > 30 or re.search(phrases.snippets.get("claimed_by_others", "(?!)"), part):
            continue
        if matches(part, language, "return_notes"):
            # "… are his, not ours": the client hears what is theirs; what is not is the user's aside.
            found.append(re.sub(phrases.snippets["not_ours"], "", part, flags=re.IGNORECASE).strip())
        elif matches(part, language, "promise_notes") or any(
                part.lower().startswith(verb) for verb in phrases.snippets.get("promise_openers", [])):
            # Only the clause that promises («Хотим закончить 10 декабря — готовы не выставлять счёт за декабрь»).
            clauses = re.split(phrases.snippets["clause_break"], part, flags=re.IGNORECASE)
            promising = [c for c in clauses if len(c.split()) >= 4 and matches(c, language, "promise_notes")]
            # "… will not be used and are to be refunded": a clause without its subject says nothing alone.
            subjectless = phrases.snippets.get("subjectless_clause", "(?!)")
            if len(clauses) > 1 and promising and all(re.match(subjectless, c.strip(), flags=re.IGNORECASE) for c in promising):
                continue
            part = promising[0] if promising else part
            found.append(promised_by_sender(part, language, phrases, solo))
    return found


def _same_words(a: str, b: str) -> bool:
    """Whether one line holds the other (a note's promise that is also a line the user asked for)."""
    return a.casefold() in b.casefold() or b.casefold() in a.casefold()


def _bare_clause(clause: str, phrases: Phrases) -> str:
    """The clause's number without the words a user may type around it: "Section 12.2" → "12.2", "Clause
    11.2 - either party may terminate … 28 days' notice" → "11.2", «п. 8.3 Договора: … за 30 дней» → «8.3».
    A number that follows a clause word, else the number the text opens with; a text that names none
    ("either party can end it with 14 days' notice") is no clause, and gives nothing."""
    words = "|".join(re.escape(w) for w in sorted(phrases.clause_words, key=len, reverse=True))
    # A sub-clause written on to the number ("9(b)", "12.4(a)") is part of it.
    number = r"\d+(?:\.\d+)*(?:\([a-z0-9]{1,3}\))?"
    named = re.search(rf"(?:{words})\s*({number})", clause, flags=re.IGNORECASE)
    if named:
        return named[1]
    # "T&Cs point 4 (artwork approval)": a short note whose one number is the point.
    numbers = re.findall(number, re.sub(r"\s+\([^)]*\)", "", clause))
    leading = re.match(rf"\s*({number})", clause)
    if leading:
        return leading[1]
    return numbers[0] if len(numbers) == 1 and len(clause.split()) <= 6 else ""