"""The guideline composer as a drafter: offline, instant, the same message for the same situation."""

from __future__ import annotations

import time
from collections.abc import Callable

from ..composer import Composer
from ..phrases import load_phrases
from ..report import CheckReport
from .base import Drafted, DraftTask


class ComposerDrafter:
    """Writes from the phrase banks (`tactful.composer`); it writes by the rules in one go, so it does
    not revise, and a draft it cannot make compliant is returned as it is, with the report."""

    name = "composer"
    model: str | None = None
    streams = False
    revises = False
    offline = True
    critic = None

    def __init__(self) -> None:
        self.composer = Composer()

    async def draft(self, task: DraftTask, on_text: Callable[[str], None] | None = None) -> Drafted:
        started = time.perf_counter()
        warnings, questions = [], []
        if task.client_reply is None:
            draft, left_out = self.composer.compose(task.situation, task.channel, task.language, task.tone)
        else:
            draft, left_out, questions, unanswered = self.composer.compose_reply(
                task.situation, task.client_reply, task.language, task.tone, dict(task.answers))
            if unanswered:
                text = load_phrases(task.language).get("warnings.open_questions")
                warnings.append(text.format(questions=" ".join(f"{questions.index(q) + 1}) {q}" for q in unanswered)))
        return Drafted(draft=draft, left_out=left_out, seconds=time.perf_counter() - started, warnings=warnings,
                       questions=questions)

    async def revise(self, task: DraftTask, drafted: Drafted, report: CheckReport) -> Drafted:
        return drafted

    def instructions(self, task: DraftTask) -> str | None:
        return None
