"""Extraction through the configured LLM: the model reads the paste into a schema, and every value it
returns must be found in the text (or be a date the text gives); the rest is dropped and reported.
The offline extraction stays the base: the model only replaces a value it can show in the text."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, Field

from .model import Extraction, Found, Ignored, nest


class Invoice(BaseModel):
    number: str | None = None
    amount: str | None = None


class LLMSituation(BaseModel):
    """What the model is asked for: the Situation's fields, flat and all optional."""

    client_name: str | None = Field(default=None, description="The client company, or the private person")
    client_contact: str | None = Field(default=None, description="The client's person to address")
    sender_name: str | None = None
    sender_company: str | None = None
    project: str | None = None
    reasons: list[str] = []
    contract_clause: str | None = None
    notice_days: int | None = None
    end_date: str | None = Field(default=None, description="YYYY-MM-DD")
    handover: list[str] = []
    unpaid_invoices: list[Invoice] = []
    referral: str | None = None
    outcome: Literal["full", "finish_stage"] | None = None


_FIELDS = {
    "client_name": "client.name", "client_contact": "client.contact", "sender_name": "sender.name",
    "sender_company": "sender.company", "project": "project", "reasons": "reasons",
    "contract_clause": "contract.clause", "notice_days": "contract.notice_days", "end_date": "end_date",
    "handover": "handover", "unpaid_invoices": "unpaid_invoices", "referral": "referral",
}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[«»\"“”'’]", "", text).casefold().split())


def _span(value: str, text: str) -> tuple[int, int] | None:
    """Where ``value`` stands in ``text``: verbatim (case and quotes aside), or a name whose every word
    starts a word of the text («Тамарой» for «Тамара»)."""
    index = text.casefold().find(value.casefold())
    if index >= 0:
        return index, index + len(value)
    if _norm(value) and _norm(value) in _norm(text):
        first = re.search(re.escape(value.split()[0]), text, re.I)
        return (first.start(), first.start() + len(value)) if first else (0, 0)
    words = re.findall(r"[^\W\d_]{2,}", value)
    hits = [re.search(rf"\b{re.escape(w[: max(3, len(w) - 2)])}", text, re.I) for w in words]
    if words and all(hits):
        return hits[0].start(), hits[-1].end()
    return None


def _grounded(field: str, value, text: str, dates: set[dt.date]) -> tuple[int, int] | None:
    if field == "end_date":
        try:
            return (0, 0) if dt.date.fromisoformat(str(value)) in dates else None
        except ValueError:
            return None
    if field == "contract.notice_days":
        n = int(value)
        spoken = [str(n), str(n // 7) if n % 7 == 0 else None, str(n // 30) if n % 30 == 0 else None]
        return (0, 0) if any(s and re.search(rf"\b{s}\b", text) for s in spoken) else None
    return _span(str(value), text)


def merge_llm(offline: Extraction, text: str, settings, language: str, today: dt.date, dates: set[dt.date]) -> Extraction:
    """The offline extraction with every value the model can show in the text put in its place."""
    from ..llm import BackendUnavailable, ChatClient, GenerationError
    from ..prompt_blocks import fenced, prompt_template, system_and_user

    messages = system_and_user(prompt_template("extract.j2"), {"text": fenced(text), "today": today.isoformat(), "language": language})
    try:
        reply = asyncio.run(ChatClient(settings).generate(messages, LLMSituation))
    except (BackendUnavailable, GenerationError) as exc:
        return offline.model_copy(update={"notes": [*offline.notes, f"the LLM could not read the text ({exc}); offline extraction used"]})
    found = {f.field: f for f in offline.found}
    ignored = list(offline.ignored)
    for key, field in _FIELDS.items():
        value = getattr(reply.content, key)
        if value in (None, "", []):
            continue
        items = value if isinstance(value, list) else [value]
        kept = []
        for item in items:
            probe = item.number or item.amount if isinstance(item, Invoice) else item
            span = _grounded(field, probe, text, dates) if probe else None
            if span is None:
                ignored.append(Ignored(start=0, end=0, text=f"{field}: {probe}", reason="not in the text (dropped as invented)"))
            else:
                kept.append((item.model_dump(exclude_none=True) if isinstance(item, Invoice) else item, span))
        if not kept:
            continue
        values = [v for v, _ in kept]
        final = values if isinstance(value, list) else values[0]
        if field == "end_date":
            final = dt.date.fromisoformat(str(final))
        start, end = kept[0][1]
        found[field] = Found(field=field, value=final, start=start, end=max(end, start), confidence=0.8, source="llm")
    ordered = sorted(found.values(), key=lambda f: list(_FIELDS.values()).index(f.field) if f.field in _FIELDS.values() else 99)
    flat = {f.field: f.value for f in ordered}
    flat["language"] = offline.language
    missing = [m for m in offline.missing if m not in flat]
    return offline.model_copy(update={"found": ordered, "situation": nest(flat), "missing": missing, "ignored": ignored})
