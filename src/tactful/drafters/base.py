"""What every drafter is: the task it is given, what it hands back, and the interface it implements.

A drafter turns a `DraftTask` into a `Drafted` message and, when it can, revises one against the
checker's report. The pipeline runs one loop for every drafter (`tactful.pipeline`); a new way of
writing (another kind of server, a rules engine) is a class with this shape registered by name in
`tactful.drafters`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..message import Draft
from ..result import LeftOut, Usage
from ..vocab import Channel, Language, Tone

if TYPE_CHECKING:
    from ..llm import ChatClient
    from ..report import CheckReport
    from ..situation import Situation


@dataclass(frozen=True)
class DraftTask:
    """What one run writes: a parting message, or (with ``client_reply``) an answer to push-back."""

    situation: Situation
    channel: Channel
    language: Language
    tone: Tone
    client_reply: str | None = None
    # The user's answers to the client's points, by the point ("Can the last session move?") or its
    # number in `DraftResult.questions` ("1"): written into the reply in the user's words.
    answers: tuple[tuple[str, str], ...] = ()

    @cached_property
    def grounds(self) -> Situation:
        """The situation the checker grounds the text in: with the user's answers to the client's points,
        which are the user's own words as much as the facts are ("Easter" in an answer is no invented date),
        and, for an answer, with whoever signed the client's reply as the contact it greets (a new manager is
        no invented name), and the e-mail addresses it gives ("send it to accounts@…" is no invented link). Nothing
        else of the reply grounds the text: it is the client's, untrusted. Read once per task, not on every check
        round (a frozen task stores it in its own ``__dict__``)."""
        situation = self.situation
        if self.client_reply is not None:
            from ..address import reply_signer

            if signer := reply_signer(self.client_reply, situation.client.contact, self.language):
                situation = situation.model_copy(update={"client": situation.client.model_copy(update={"contact": signer})})
            if addresses := re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", self.client_reply):
                situation = situation.model_copy(update={"facts": [*situation.facts, *addresses]})
        if self.answers:
            situation = situation.model_copy(update={"facts": [*situation.facts, *(a for _, a in self.answers)]})
        return situation

    @property
    def context(self) -> str:
        """What the checker is told the text is: a first parting ``message`` or a ``reply``."""
        return "message" if self.client_reply is None else "reply"


@dataclass
class Drafted:
    """One message a drafter wrote, with what it cost and what it needs to revise it."""

    draft: Draft
    left_out: list[LeftOut] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # The client's points a reply leaves for the user to answer.
    questions: list[str] = field(default_factory=list)
    # The conversation that produced it (an LLM's), so that a revision continues it.
    conversation: list[tuple[str, str]] = field(default_factory=list)
    raw: str = ""


@runtime_checkable
class Drafter(Protocol):
    """The interface of a drafting backend.

    ``name`` and ``model`` are reported with every attempt. The capability flags say what the pipeline
    may ask: ``streams`` (``draft`` feeds ``on_text``), ``revises`` (``revise`` improves a flagged draft;
    without it the first draft is final), ``offline`` (no server, nothing to wait for or fall back from).
    ``critic`` is the chat client that reads each draft the rules pass (`tactful.critic`), or None.
    """

    name: str
    model: str | None
    streams: bool
    revises: bool
    offline: bool
    critic: ChatClient | None

    async def draft(self, task: DraftTask, on_text: Callable[[str], None] | None = None) -> Drafted:
        """Write the message for ``task``. Raises `tactful.llm.GenerationError` when this try failed and
        `tactful.llm.BackendUnavailable` when the backend cannot be used at all."""
        ...

    async def revise(self, task: DraftTask, drafted: Drafted, report: CheckReport) -> Drafted:
        """Rewrite ``drafted`` so that what ``report`` found is gone."""
        ...

    def instructions(self, task: DraftTask) -> str | None:
        """What the drafter was told, for the checker's prompt-leak test; None when nothing was."""
        ...
