"""Unpaid invoices the user told of in the facts or reasons but did not list ("INV-2231 for £6,420 is just
sitting there"): the message asks for them like listed ones, and the checker expects it to. Read with the
extractor's money patterns only (no names, no dates), so drafting stays instant."""

from __future__ import annotations

from .situation import Invoice, Situation
from .vocab import Language


def with_unpaid_from_notes(situation: Situation, language: Language) -> Situation:
    """``situation`` with the invoices its notes call unpaid, when it lists none itself."""
    notes = "\n".join([*situation.facts, *situation.reasons])
    if situation.unpaid_invoices or not any(ch.isdigit() for ch in notes):
        return situation
    from .extraction.fields import find_unpaid
    from .extraction.layout import read_layout
    from .extraction.patterns import patterns

    pats = patterns(language)
    # Each note on its own, and none that says it was paid ("INV-11 was paid 74 days late") or that the user
    # lets it go ("written it off, not chasing it"): a letter that asks again for money already paid, or for
    # money the user waived, is worse than one that does not ask.
    money = pats["money"]
    found = [Invoice(**invoice) for note in notes.splitlines() if not (money["paid"].search(note) or money["waived"].search(note))
             for invoice, _ in find_unpaid(read_layout(note, pats), pats)]
    return situation.model_copy(update={"unpaid_invoices": found}) if found else situation
