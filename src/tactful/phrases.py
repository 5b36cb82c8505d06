"""The composer's phrase banks (``guidelines/phrases/<lang>.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from .resources import load_yaml
from .rules.patterns import Pattern
from .vocab import TONES, Language

VOICES = ("we", "i")


class Phrases(BaseModel):
    """One language's bank: render labels, date words, classifier patterns, and the jinja2 snippets."""

    model_config = ConfigDict(frozen=True)

    labels: dict[str, str]
    date_format: str
    months: list[str]
    units: dict[str, list[str]]
    # Classifier patterns in the checker's pattern language (validated here, compiled by the composer).
    service_markers: list[Pattern]
    # When the user gave the work a short name, the description counts only by its cadence ("monthly"):
    # a project described with a service word ("portal for sea monitoring data") stays a project.
    service_cadence: list[Pattern] = []
    own_reason: list[Pattern]
    # What happens to the sender rather than a choice of theirs (surgery, a landlord selling): a reason too.
    circumstance_reason: list[Pattern] = []
    not_own_reason: list[Pattern]
    fact_filter: dict[str, Any]
    reply_kinds: dict[str, list[Pattern]]
    reply_topics: dict[str, list[Pattern]]
    # The user's complaint by topic, said as the sender's working terms (`reason_topic.<name>`).
    reason_topics: dict[str, list[Pattern]] = {}
    # How the work is named: articles a typed name may bring along, the longest description used as a name.
    articles: list[str] = []
    name_max_words: int = 4
    # A regular expression for a comma that joins two whole sentences in the user's reason.
    comma_splice: str | None = None
    # Reason kinds that are news about the sender's own business: the decision is then told as news.
    decision_news_for: list[str] = []
    # What joins the last item of a list one of whose items has its own "and": ", and " in English, «, а также »
    # in Russian (no comma before a list's «и», and «и … и … и» would read as one chain).
    nested_and: str = ", and "
    # Currency codes and signs as they are said aloud in a call script.
    spoken_currency: dict[str, str] = {}
    # The user's notes say the work has already stopped (checker pattern language).
    work_stopped: list[Pattern] = []
    # The work comes in stages ("sprint 4", «второй этап»): "the current stage" names what is finished first.
    stage_words: list[Pattern] = []
    # A clause in which the sender says where they stand ("we can't …", «не можем …»), and the money words
    # that keep one out: a reason when no plan of theirs is given.
    stance_reason: list[Pattern] = []
    # A line the user wants said that names what the decision is about ("this is about player safety, not
    # money"): it is the reason, not a line beside a bank's.
    reason_lines: list[Pattern] = []
    stance_not: list[Pattern] = []
    # A sentence that says what not to write ("don't mention the soakaway", «НЕ писать»): the note is read up to it.
    forbidding_notes: list[Pattern] = []
    # A clause pointing back at what went before ("to prep for it"): no reason once cut from its note.
    points_back: list[Pattern] = []
    # Someone spoken of in the third person ("she wants …"): a counted fact about them is a complaint, not the reason.
    third_person_words: list[Pattern] = []
    # A note that says a named invoice is unpaid already: it is asked for as outstanding.
    overdue_notes: list[Pattern] = []
    # A note that says it is not due yet or not late: it outweighs the words of `overdue_notes`.
    not_overdue_notes: list[Pattern] = []
    # The user's notes say the client always paid on time: the thanks say so.
    good_payer: list[Pattern] = []
    # The user's notes say they recommend no one: the message offers no one to ask.
    no_referral: list[Pattern] = []
    # The user names the referral (`referral_notes`) only for when the client asks ("only if she wants it, don't push").
    referral_on_request: list[Pattern] = []
    referral_notes: list[Pattern] = []
    fond_notes: list[Pattern] = []
    # A line the user dictates that thanks the client ("We have valued the trust …"): said with the closing
    # wishes, in place of their own "Thank you again".
    thanks_lines: list[Pattern] = []
    # A note asking not to argue a disputed invoice ("no arguing", «не спорить»).
    no_arguing: list[Pattern] = []
    # A short sentence of the user's that points back at the one before it ("we can't carry that any more").
    leans_back: list[Pattern] = []
    # A note that instructs the tool ("keep it short", «без эмоций»): never quoted as the sender's reason.
    tool_notes: list[Pattern] = []
    # What the sender leaves with the client («программу и питание оставлю», "I'll leave the manuals with you"): a
    # handover, never the sender's plan or reason.
    left_to_client: list[Pattern] = []
    # The user's answer to a client's point that asks to leave it unanswered ("don't take up that point").
    skip_point_answers: list[Pattern] = []
    # A sentence of the user's answer that tells the tool how to write the reply («В ответе название не пишем.»).
    answer_tool_notes: list[Pattern] = []
    # A note that vents ("I know", «не могу больше»): never quoted whole as the sender's reason.
    venting: list[Pattern] = []
    # A note on how the work ends ("after that I step back"): the timeline, never quoted as the reason.
    ending_notes: list[Pattern] = []
    # The notes say the client points to others who would do it ("he keeps telling me other mechanics do it").
    others_notes: list[Pattern] = []
    # A note asking that the reason stay private ("just say personal reasons"): no note is quoted as the reason.
    private_notes: list[Pattern] = []
    # A step only the client can take: collecting something from the sender's place ("collect the cars from
    # our yard", «забрать автомобили с нашей территории»): asked of them.
    client_steps: list[Pattern] = []
    # A note asking for it short ("keep it short", «коротко!!»): no invitation to a long talk, no formalities.
    short_notes: list[Pattern] = []
    no_email_notes: list[Pattern] = []
    # The notes say a call is followed by a text ("then a text with the dates", «потом сообщение»), not an email.
    text_followup_notes: list[Pattern] = []
    payment_conditions: list[Pattern] = []
    arranged_pickup: list[Pattern] = []
    reschedule_requests: list[Pattern] = []
    # News that a piece of work will not happen ("the Solstice run is cancelled"): not restated as work to finish.
    cancelled_news: list[Pattern] = []
    # A client's request about the end or the decision itself ("move your finish date", «не торопиться с решением»).
    decision_requests: list[Pattern] = []
    # A client's request to do a step another way ("by courier rather than registered post", «курьером, а не почтой»).
    change_requests: list[Pattern] = []
    # A client who takes the news ("thanks for letting us know properly", «понимаем ваше решение»).
    accepting_replies: list[Pattern] = []
    # A client objecting to the referral ("that is poaching"): it is not recommended again.
    referral_objection: list[Pattern] = []
    # A client's offer to meet and talk it through: the user's to take up.
    meeting_offers: list[Pattern] = []
    # A client who asks for more names than the referral ("do you know anyone else?"): the user's to answer.
    more_referrals: list[Pattern] = []
    # What the client forbids the sender to do ("do not remove it until …"): the user's to answer.
    client_forbids: list[Pattern] = []
    # A client's question between alternatives ("one act for the chain, or one per café?"): a choice only the user makes.
    choice_questions: list[Pattern] = []
    # A request in the client's numbered or bulleted list ("please leave the stand until January"): a point of the user's.
    listed_requests: list[Pattern] = []
    # A client's question for a fact only the user has ("are the bank details the same?"): whatever topic it touches.
    fact_questions: list[Pattern] = []
    # The user's notes say the client raises their voice: a script prepares for that reaction first.
    hostile_notes: list[Pattern] = []
    # A handover note about what stays with the sender ("stays with us", «остаётся у нас»): not handed over.
    kept_back: list[Pattern] = []
    own_property: list[Pattern] = []
    # A note that the thing is not handed over ("not handing that over", «не отдаю»), and one of taking it away
    # ("collect", «заберу»): the sender's own thing not handed over, and not taken away, is kept back.
    withheld: list[Pattern] = []
    # The sender's things the client returns or pays for ("our 40 pallets - return them or pay 4.50 each").
    client_returns: list[Pattern] = []
    # Notes that forbid naming anyone ("no names, no match", «без имён»): a point that names someone is not quoted back.
    no_names_notes: list[Pattern] = []
    # The sender's thing that already stays with them ("they stay with me", «остаются у меня»): nothing to collect.
    stays_with_sender: list[Pattern] = []
    # Work the notes turn down ("NOT doing Jan/Feb leaf plucking", «вторую книгу не беру»): never promised in a reply.
    refused_work: list[Pattern] = []
    collecting: list[Pattern] = []
    # A handover note of the client's own thing that the note does nothing with ("mower and trimmer in the shed -
    # his"): left with them, not handed over (`handing_verbs`: "send the sheet", «верну» do something with it).
    client_owned: list[Pattern] = []
    handing_verbs: list[Pattern] = []
    # What a user's answer to the client does with a thing handed over ("can be collected at any time").
    handled_in_answer: list[Pattern] = []
    neither_party: list[Pattern] = []
    # A handover note about what belongs to the sender and goes back to them ("…, which belong to us"): no handover.
    taken_back: list[Pattern] = []
    # A client's reply that threatens the law (not a review): a mediator is offered as the last step.
    legal_threat: list[Pattern] = []
    # What a client's word about paying names (an invoice, a sum): only then is it news of a payment.
    payment_subjects: list[Pattern] = []
    # A "why" that guesses at a cause ("is this because of …?"): told there is no other.
    why_guess: list[Pattern] = []
    # A promise to the client in the user's notes (money back, a fee waived) or what the client is to return.
    promise_notes: list[Pattern] = []
    return_notes: list[Pattern] = []
    # Open work held on its day (an event, a lesson): "on 12 December I will deliver …", not "finish by".
    event_words: list[Pattern] = []
    # The user's notes say the meeting is held online: the handover list is shared on screen, not printed.
    online_notes: list[Pattern] = []
    # A handover note that waits for payment ("files after payment", «отдам после оплаты»).
    after_payment: list[Pattern] = []
    # Words a typed clause may start with ("Section 12.2", «п. 7.3»): the templates say the word themselves.
    clause_words: list[str] = []
    snippets: dict[str, Any]

    def get(self, key: str, tone: str = "formal", voice: str = "we") -> Any:
        """A snippet by dotted key (``decision.full``); a mapping keyed by tone resolves to the tone, one
        keyed by voice (``we``/``i``: a team or a solo sender) to the voice, at any depth."""
        value: Any = self.snippets
        for part in key.split("."):
            value = value[part]
        return self.resolve(value, tone, voice)

    @staticmethod
    def resolve(value: Any, tone: str = "formal", voice: str = "we") -> Any:
        """A snippet's variant for the tone and the voice (also for one not under a key, like a reaction)."""
        while isinstance(value, dict) and value:
            if set(value) <= set(TONES):
                value = value.get(tone, value["formal"])
            elif set(value) <= set(VOICES):
                value = value[voice]
            else:
                break
        return value


@cache
def load_phrases(language: Language) -> Phrases:
    raw = load_yaml("guidelines", "phrases", f"{language}.yaml")
    fixed = {k: raw.pop(k) for k in Phrases.model_fields if k in raw}
    return Phrases(**fixed, snippets=raw)
