"""Sendability rules: what makes a well-meant letter unsendable to this particular client.

They compare a text with its situation, like the grounding rules, and grade every drafter's output in
`tactful eval` the same way: a salutation that greets a fragment of a company or a surname with the
patronymic, the project quoted as a title, a closing wish for the very service being ended, contract talk
where there is no contract, "we" from a solo sender, an unpaid invoice the letter never asks for.
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from ..text import normalize
from ..wording import QUOTES, WORD
from .base import Document, Finding, PatternRule, RuleBase, fixes_of


class _NeedsSituation(RuleBase):
    needs: ClassVar[tuple[str, ...]] = ("situation",)


class SalutationRule(_NeedsSituation):
    """Greets a person by the name a letter uses, or an organisation as a whole — never a fragment."""

    kind: Literal["salutation"]
    # The salutation line of each language: a greeting word, then a name, up to the comma or "!".
    greeting: dict[str, str]

    def find(self, doc: Document) -> list[Finding]:
        from ..address import addressee, title_words

        line = re.search(self.greeting[doc.language], doc.text[:400])
        if not line:
            return []
        client = doc.situation.client
        who = addressee(client.name, client.contact, doc.language)
        words = [normalize(w) for w in WORD.findall(line.group())]
        titles = title_words()
        bad = (
            # a surname kept with the patronymic («Уважаемый Иванов Сергей Петрович»)
            (who.patronymic and who.last and normalize(who.last) in words)
            # stacked titles ("Dear Prof. Dr. Anna Keller") or a title with no name after it ("Hi Dr.,")
            or sum(w in titles for w in words) > 1
            or bool(re.search(r"\b(?:dr|prof|mr|mrs|ms)\.?\s*[,!]\s*$", line.group(), re.IGNORECASE))
            # a fragment of the organisation's name taken for a person ("Hi Baker," for Baker & Daughters)
            or (not who.person and who.organisation and _fragment_of(words, who.organisation))
        )
        return [Finding(line.start(), line.end() - (1 if line.group().endswith("\n") else 0))] if bad else []


def _fragment_of(words: list[str], organisation: str) -> bool:
    name = [normalize(w) for w in WORD.findall(organisation)]
    present = [w for w in name if w in words]
    return bool(present) and len(present) < len(name)


class QuotedProjectRule(_NeedsSituation):
    """The project's description is not quoted as if it were a title."""

    kind: Literal["quoted_project"]

    def find(self, doc: Document) -> list[Finding]:
        description = (doc.situation.project or "").strip()
        if not description or description[0] in QUOTES:  # the user quoted it: a real title
            return []
        core = re.escape(description.strip(QUOTES).rstrip("."))
        pattern = re.compile(rf"[{QUOTES}]\s*{core}\s*[{QUOTES}]", re.IGNORECASE)
        return [Finding(*m.span()) for m in pattern.finditer(doc.text)]


class WishNamesWorkRule(PatternRule):
    """A closing wish (its patterns find one) does not wish success with the work that is ending."""

    kind: Literal["wish_names_work"]
    needs: ClassVar[tuple[str, ...]] = ("situation",)

    def find(self, doc: Document) -> list[Finding]:
        from ..grounding import content_words

        project = doc.situation.project or doc.situation.project_name
        if not project:
            return []
        work = {w for w in content_words(project, doc.language) if len(w) > 3}  # no "for", "the", «над»
        tokens = doc.index.tokens
        wish_sentences = {t.sentence for start, _ in self.spans(doc) for t in tokens if t.start == start}
        findings = []
        for sentence in sorted(wish_sentences):
            words = [t for t in tokens if t.sentence == sentence and t.is_word]
            lemmas = {lemma for t in words for lemma in t.lemmas}
            if work and len(lemmas & work) >= min(2, len(work)):
                findings.append(Finding(words[0].start, words[-1].end))
        return findings


class ForbidWhenRule(PatternRule):
    """``forbid`` that applies only when the situation says so: contract words without a contract, the
    team's "we" from a solo sender."""

    kind: Literal["forbid_when"]
    when: Literal["no_contract", "solo_sender"]
    needs: ClassVar[tuple[str, ...]] = ("situation",)
    fixable: ClassVar[bool] = True

    def applies(self, doc: Document) -> bool:
        if not super().applies(doc):
            return False
        if self.when == "no_contract":
            return doc.situation.contract.exists is False
        # Only a sender who said they work alone: a missing company is the composer's hint, not a fact.
        return doc.situation.sender.solo is True

    def find(self, doc: Document) -> list[Finding]:
        found = self.matches(doc)
        fixes = fixes_of(doc.text, found)
        return [Finding(s, e, fix=fixes.get((s, e))) for s, e in sorted({span for span, _ in found})]


class AsksUnpaidRule(_NeedsSituation):
    """Every unpaid invoice of the situation is asked for, by its number or its sum."""

    kind: Literal["asks_unpaid"]
    scope: ClassVar[Literal["span", "message"]] = "message"

    def find(self, doc: Document) -> list[Finding]:
        text = normalize(doc.text)
        digits = re.sub(r"\D", "", doc.text)
        missing = []
        for invoice in doc.situation.unpaid_invoices:
            number = normalize(invoice.number or "")
            amount = re.sub(r"\D", "", invoice.amount or "")
            if (number and number in text) or (amount and amount in digits):
                continue
            missing.append(invoice.number or invoice.amount or "")
        return [Finding(values={"value": ", ".join(missing)})] if missing else []
