"""A langchain fake chat model that records what it was asked: the boundary fake for loop tests."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import BaseMessage


class RecordingFakeChat(FakeListChatModel):
    """Replies with the queued ``responses`` in order and keeps every prompt it received."""

    prompts: list[list[BaseMessage]] = []

    def _call(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> str:
        self.prompts.append(list(messages))
        return super()._call(messages, *args, **kwargs)

    @property
    def calls(self) -> int:
        return len(self.prompts)
