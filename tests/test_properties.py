"""Property-based tests: thousands of generated situations and texts, and only documented errors."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tactful import check
from tactful.composer import Composer
from tactful.situation import (
    Situation,
    SituationError,
    loads_situation,
    parse_situation,
)

WORDS = st.sampled_from([
    "Anna", "Игорь", "ООО «Ромашка»", "Blue Fox", "сайт", "website", "you always ignore", "вы срывали сроки",
    "!!", "<script>", "[Client Name]", "🙂", "\u200b", "12 марта", "March 3", "idiot", "спасибо", "", " ",
])
TEXT = st.one_of(st.text(max_size=60), st.lists(WORDS, max_size=6).map(" ".join))

situations = st.builds(
    lambda name, contact, project, reasons, facts, notice, clause, end, handover, invoice, act, referral, outcome, tone: {
        "client": {"name": name, "contact": contact},
        "project": project, "reasons": reasons, "facts": facts,
        "contract": {"notice_days": notice, "clause": clause},
        "end_date": end, "handover": handover, "final_invoice": invoice, "act_of_acceptance": act,
        "referral": referral, "outcome": outcome, "tone": tone,
    },
    name=TEXT, contact=st.one_of(st.none(), TEXT), project=st.one_of(st.none(), TEXT),
    reasons=st.lists(TEXT, max_size=3), facts=st.lists(TEXT, max_size=3),
    notice=st.one_of(st.none(), st.integers(min_value=-5, max_value=400)), clause=st.one_of(st.none(), TEXT),
    end=st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)).map(str), TEXT),
    handover=st.lists(TEXT, max_size=3), invoice=st.booleans(), act=st.booleans(), referral=st.one_of(st.none(), TEXT),
    outcome=st.sampled_from(["full", "finish_stage", "later"]), tone=st.sampled_from(["formal", "warm", "rude"]),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=situations, channel=st.sampled_from(["email", "call", "meeting"]), language=st.sampled_from(["en", "ru"]))
# A contact typed over two lines once broke a meeting's objective in two ("Tell D&K:À" / "0 about …").
@example(data={"client": {"name": "0", "contact": "D&K:À\n0"}, "reasons": [], "facts": [], "handover": [], "outcome": "full",
               "tone": "formal"}, channel="meeting", language="en")
# And a contact with an exclamation mark in it ("Tell A&A:A!" read as a sentence of its own).
@example(data={"client": {"name": "0", "contact": "A&A:A!0"}, "reasons": [], "facts": [], "handover": [], "outcome": "full",
               "tone": "formal"}, channel="meeting", language="en")
def test_composer_on_generated_situations(data, channel, language):
    try:
        situation = parse_situation(data)
    except SituationError as exc:
        assert str(exc)  # a documented, readable validation error
        return
    draft, left_out = Composer().compose(situation, channel, language)
    text = draft.text()
    # With the situation, so its names count as names; whether a generated name is greeted is the
    # grounding rules' business (random names defeat them), not this test's.
    report = check(text, lang=language, channel=channel, situation=situation)
    errors = [(v.rule, v.excerpt) for v in report.errors if v.category != "grounding"]
    assert not errors, errors
    for v in report.violations:
        assert text[v.start:v.end] == v.excerpt
    assert all(item.rules for item in left_out)


@settings(max_examples=1500, deadline=None)
@given(raw=st.one_of(st.text(max_size=200), st.binary(max_size=100).map(lambda b: b.decode("latin-1"))))
def test_situation_parsing_only_raises_documented_errors(raw):
    try:
        situation = loads_situation(raw)
    except SituationError as exc:
        assert str(exc)
        return
    assert isinstance(situation, Situation) and situation.client.name
