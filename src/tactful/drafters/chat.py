"""A chat model as a drafter: any OpenAI-compatible server, asked for the channel's content model as
JSON, revised in the same conversation with the checker's findings."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from ..llm import ChatClient
from ..message import CONTENT_MODELS, Draft
from ..phrases import load_phrases
from ..report import CheckReport
from ..resources import templates
from ..settings import Settings
from .base import Drafted, DraftTask

CONTEXT_BUDGET = 20_000  # characters of pasted context sent to a model; the rest is cut with a warning
REVISION_FINDINGS = 5  # warnings fed back with a revision, after every error


def _untrusted(text: str) -> str:
    # The context goes inside <situation> tags: it must not be able to close them.
    return text.replace("<situation>", "‹situation›").replace("</situation>", "‹/situation›")


class ChatDrafter:
    """Drafts through a `ChatClient`: a `ChatOpenAI` built from settings, or ``chat_model`` when given."""

    name = "openai"
    streams = True
    revises = True
    offline = False

    def __init__(self, settings: Settings | None = None, chat_model: Any | None = None, http_client: Any | None = None) -> None:
        self.settings = settings or Settings()
        self.client = ChatClient(self.settings, chat_model=chat_model, http_client=http_client)
        self.model: str | None = self.client.model
        # The same model reads each draft the rules pass, unless TACTFUL_CRITIC is off.
        self.critic: ChatClient | None = self.client if self.settings.critic else None

    async def draft(self, task: DraftTask, on_text: Callable[[str], None] | None = None) -> Drafted:
        conversation, warnings = self._messages(task)
        drafted = await self._ask(task, conversation, on_text)
        drafted.warnings = warnings
        return drafted

    async def revise(self, task: DraftTask, drafted: Drafted, report: CheckReport) -> Drafted:
        schema = CONTENT_MODELS[task.channel]
        request = templates("llm").get_template("revise.j2").render(
            violations=report.errors + report.warnings[:REVISION_FINDINGS],
            previous=drafted.draft.content.model_dump_json(),
            schema=json.dumps(schema.model_json_schema(), ensure_ascii=False),
        )
        return await self._ask(task, [*drafted.conversation, ("assistant", drafted.raw), ("human", request)])

    def instructions(self, task: DraftTask) -> str | None:
        # The fixed part of the instructions, without the guideline examples a good draft may echo.
        return templates("llm").get_template("system.j2").render(
            language=task.language, channel=task.channel, guidelines=[], compact=True)

    async def _ask(self, task: DraftTask, conversation: list[tuple[str, str]], on_text=None) -> Drafted:
        started = time.perf_counter()
        reply = await self.client.generate(conversation, CONTENT_MODELS[task.channel], on_text)
        draft = Draft(channel=task.channel, language=task.language, tone=task.tone, content=reply.content)
        return Drafted(draft=draft, usage=reply.usage, seconds=time.perf_counter() - started,
                       conversation=conversation, raw=reply.raw)

    def _messages(self, task: DraftTask) -> tuple[list[tuple[str, str]], list[str]]:
        """The system and user messages for ``task``, and a warning when the pasted context was cut."""
        from ..guidelines import guidelines_for

        situation, channel, language = task.situation, task.channel, task.language
        schema = json.dumps(CONTENT_MODELS[channel].model_json_schema(), ensure_ascii=False)
        warnings = []
        context = situation.context
        if context and len(context) > CONTEXT_BUDGET:
            warnings.append(load_phrases(language).get("warnings.context_cut").format(chars=CONTEXT_BUDGET))
            context = context[:CONTEXT_BUDGET]
        data = situation.model_dump(mode="json", exclude={"context", "language", "channel", "tone"}, exclude_defaults=True)
        env = templates("llm")
        system = env.get_template("system.j2").render(language=language, channel=channel, guidelines=guidelines_for(channel),
                                                      compact=self.settings.prompt == "compact")
        user = env.get_template("draft.j2" if task.client_reply is None else "reply.j2").render(
            situation=_untrusted(json.dumps(data, ensure_ascii=False, indent=2)),
            context=_untrusted(context) if context else None, channel=channel, tone=task.tone, schema=schema,
            client_reply=_untrusted(task.client_reply or ""),
            answers=[(_untrusted(point), _untrusted(answer)) for point, answer in task.answers],
        )
        return [("system", system), ("human", user)], warnings
