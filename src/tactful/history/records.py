"""What the history hands out: pydantic models, the only currency between the store and its callers (the
CLI, the web UI). The tables behind them are an implementation detail (see ``tables.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EntryKind = Literal["draft", "check", "reply"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CaseSummary(_Record):
    """One line of the History list: whose case, when, and what was last written for it."""

    id: int
    client: str = Field(description="The situation's client; empty for a case that holds a standalone check")
    contact: str | None = None
    language: str = Field(description="Of the latest entry; the situation's ('auto' too) before any")
    channel: str = Field(description="Of the latest entry; the situation's before any")
    created: dt.datetime = Field(description="UTC, timezone-aware")
    updated: dt.datetime = Field(description="UTC; the time of the latest entry or edit")
    last_text: str | None = Field(default=None, description="The start of the latest entry's text, on one line")


class Entry(_Record):
    """One thing done for a case: a draft, a check of a text, or a reply to the client's push-back."""

    id: int
    kind: EntryKind
    created: dt.datetime
    channel: str | None = None
    language: str | None = None
    tone: str | None = None
    backend: str | None = Field(default=None, description="Who wrote a draft or reply: composer, openai, …")
    text: str
    compliant: bool | None = Field(default=None, description="A draft's or reply's verdict; a check's `passed`")
    client_reply: str | None = Field(default=None, description="For a reply: the client's text it answers")
    report: dict[str, Any] | None = Field(default=None, description="The CheckReport, as model_dump(mode='json')")


class Case(CaseSummary):
    """A case with all its inputs: the situation as entered and every entry, oldest first."""

    situation: dict[str, Any] = Field(description="Situation.model_dump(mode='json'); {} for a standalone check")
    entries: list[Entry] = Field(default_factory=list)
