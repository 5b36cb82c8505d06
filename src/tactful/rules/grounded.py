"""Grounding rules: does the message use what the situation holds, and nothing it does not?

Each kind is a rule like the tone rules (its file in ``guidelines/rules/`` carries the message and the
severity); they run only when `check` is given a situation (or, for the leak check, the instructions a
model was given).
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from ..text import normalize
from .base import Document, Finding, RuleBase
from .consistency import in_other_language


class _NeedsSituation(RuleBase):
    needs: ClassVar[tuple[str, ...]] = ("situation",)
    scope: ClassVar[Literal["span", "message"]] = "message"


class MentionsContactRule(_NeedsSituation):
    """The contact person is addressed by name."""

    kind: Literal["mentions_contact"]

    def applies(self, doc: Document) -> bool:
        # A contact of nothing but blanks and control characters, or an inbox ("info@…"), names nobody
        # to greet.
        from ..address import is_inbox, role_only

        # Nor does a post alone ("Business Manager"): the message greets the organisation.
        contact = (doc.situation.client.contact or "") if super().applies(doc) else ""
        return bool(contact.split()) and not is_inbox(contact) and not role_only(contact)

    def find(self, doc: Document) -> list[Finding]:
        from ..address import nickname, title_words
        from ..grounding import content_words

        contact = doc.situation.client.contact
        # Any part of the name will do: "Dear Dr Price" for Dr. Helen Price, "Dear Ms Li" for Anna Li,
        # «Денис Валерьевич» for «Карпов Денис Валерьевич»; initials and titles ("Dr.", «Д.») name nobody.
        titles = title_words()
        words = [w.strip(".,") for w in contact.split()
                 if len(w.strip(".,")) > 1 and w.strip(".,").lower() not in titles] or contact.split()[:1]
        # So does the short name the notes say a friend goes by ("'Tash' is fine" for Tasha Greene).
        words += [nickname(doc.situation, w, doc.language) for w in words[:1]]
        lemmas = {lemma for t in doc.index.tokens for lemma in t.lemmas}
        text = normalize(doc.text)
        if any(content_words(w, doc.language) & lemmas or normalize(w) in text for w in words):
            return []
        return [Finding(values={"value": contact})]


class MentionsEndDateRule(_NeedsSituation):
    """The agreed end date is stated."""

    kind: Literal["mentions_end_date"]

    def applies(self, doc: Document) -> bool:
        return super().applies(doc) and doc.situation.end_date is not None

    def find(self, doc: Document) -> list[Finding]:
        from ..grounding import find_dates

        end = doc.situation.end_date
        if (end.day, end.month) in {d for _, _, d in find_dates(doc.text)} or end.isoformat() in doc.text:
            return []
        return [Finding(values={"value": end.isoformat()})]


class MentionsReferralRule(_NeedsSituation):
    """The partner the situation recommends is named."""

    kind: Literal["mentions_referral"]

    def applies(self, doc: Document) -> bool:
        # A referral written in the other language would have to be translated, not quoted.
        return super().applies(doc) and bool(doc.situation.referral) and not in_other_language(
            doc.situation.referral, doc.language)

    def find(self, doc: Document) -> list[Finding]:
        from ..grounding import content_words

        referral = doc.situation.referral
        names = [w for w in re.findall(r"[^\W\d_][\w-]*", referral) if w[0].isupper()] or referral.split()[:2]
        lowered = normalize(doc.text)
        # A name may be inflected in the letter («порекомендовать Наталью Горбунову»): lemmas count too.
        lemmas = {lemma for t in doc.index.tokens for lemma in t.lemmas}
        found = any(normalize(n) in lowered or content_words(n, doc.language) & lemmas for n in names)
        return [] if found else [Finding(values={"value": referral})]


class MentionsHandoverRule(_NeedsSituation):
    """Every handover item is mentioned."""

    kind: Literal["mentions_handover"]

    def applies(self, doc: Document) -> bool:
        return super().applies(doc) and bool(self._items(doc))

    def find(self, doc: Document) -> list[Finding]:
        from ..grounding import content_words

        lemmas = {lemma for t in doc.index.tokens for lemma in t.lemmas}
        return [Finding(values={"value": item}) for item in self._items(doc)
                if not content_words(item, doc.language) & lemmas]

    @staticmethod
    def _items(doc: Document) -> list[str]:
        # Items written in the other language would have to be translated, not quoted.
        return [item for item in doc.situation.handover if not in_other_language(item, doc.language)]


class InventedDetailRule(_NeedsSituation):
    """No names, dates, sums, numbers, clauses or links that the situation does not hold."""

    kind: Literal["invented_detail"]
    scope: ClassVar[Literal["span", "message"]] = "span"

    def find(self, doc: Document) -> list[Finding]:
        from ..grounding import invented_spans

        return [Finding(s, e) for s, e in invented_spans(doc.text, doc.index.tokens, doc.situation)]


class PromptLeakRule(RuleBase):
    """No runs of words copied from the instructions a model was given."""

    kind: Literal["prompt_leak"]
    needs: ClassVar[tuple[str, ...]] = ("instructions",)

    def find(self, doc: Document) -> list[Finding]:
        from ..grounding import leak_spans

        return [Finding(s, e) for s, e in leak_spans(doc.text, doc.instructions)]
