"""A drafter for the pipeline's loop tests: it hands back queued contents, with no model behind it."""

from __future__ import annotations

from typing import Any

from tactful.drafters import Drafted, DraftTask
from tactful.message import CONTENT_MODELS, Draft
from tactful.report import CheckReport


class MockDrafter:
    """Writes the queued ``contents`` in order (a dict is the channel's content; an exception is raised
    as the backend's failure) and keeps the reports it was asked to revise against."""

    name = "mock"
    model = "mock-1"
    streams = False
    offline = False
    critic = None

    def __init__(self, *contents: dict[str, Any] | Exception, revises: bool = True) -> None:
        self.queue = list(contents)
        self.revises = revises
        self.reports: list[CheckReport] = []

    def enqueue(self, *contents: dict[str, Any] | Exception) -> None:
        self.queue += contents

    async def draft(self, task: DraftTask, on_text=None) -> Drafted:
        return self._next(task)

    async def revise(self, task: DraftTask, drafted: Drafted, report: CheckReport) -> Drafted:
        self.reports.append(report)
        return self._next(task)

    def instructions(self, task: DraftTask) -> str | None:
        return None

    def _next(self, task: DraftTask) -> Drafted:
        item = self.queue.pop(0)
        if isinstance(item, Exception):
            raise item
        content = CONTENT_MODELS[task.channel].model_validate(item)
        return Drafted(draft=Draft(channel=task.channel, language=task.language, tone=task.tone, content=content))
