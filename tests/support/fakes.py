"""A langchain fake chat model that records what it was asked: the boundary fake for loop tests."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import BaseMessage

from support.openai_server import CRITIC_SCHEMA, NO_FINDINGS


class RecordingFakeChat(FakeListChatModel):
    """Replies with the queued ``responses`` in order and keeps every prompt it received.

    Tactful's critic (a prompt carrying the ``CriticFindings`` schema) gets "no findings" and leaves the
    ``responses`` alone, as the scripted server does, so ``responses`` lists only the drafts.
    """

    prompts: list[list[BaseMessage]] = []
    formats: list[Any] = []  # the response_format each request asked for (None: plain text)

    def _call(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> str:
        self.prompts.append(list(messages))
        self.formats.append(kwargs.get("response_format"))
        if any(CRITIC_SCHEMA in str(m.content) for m in messages):
            return NO_FINDINGS
        return super()._call(messages, *args, **kwargs)

    @property
    def calls(self) -> int:
        return len(self.prompts)
