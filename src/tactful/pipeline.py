"""The drafting pipeline: situation -> draft -> check -> revise -> ... -> `DraftResult`.

The LLM loop is bounded (``max_revisions``); the best attempt wins; when no LLM attempt is free of
error-level violations, the composer's draft is returned with ``fallback=True`` and the reason, so a
non-compliant text is never returned while a compliant one exists.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import critic
from .checker import check
from .composer import Composer
from .language import situation_language
from .llm import BackendUnavailable, GenerationError, OpenAIBackend, brief
from .message import CONTENT_MODELS, Draft
from .phrases import load_phrases
from .report import CheckReport, Violation
from .resources import data_dir
from .result import Attempt, DraftResult, LeftOut, Usage
from .settings import Settings
from .situation import Situation, parse_situation
from .vocab import TONES, Channel, Language, Tone

CONTEXT_BUDGET = 20_000  # characters of pasted context sent to a model; the rest is cut with a warning
# The critic must be done within this share of TACTFUL_MAX_WAIT, so that its own deadline, not the
# ceiling on the whole run, stops a slow critic: the ceiling would throw away the draft the rules passed.
CRITIC_SHARE = 0.95


@cache
def _prompts():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("prompts"))),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _sort_key(report: CheckReport) -> tuple[int, int, float]:
    return (len(report.errors), len(report.warnings), -report.score)


def _untrusted(text: str) -> str:
    # The context goes inside <situation> tags: it must not be able to close them.
    return text.replace("<situation>", "‹situation›").replace("</situation>", "‹/situation›")


@dataclass(frozen=True)
class _Task:
    """What one run writes: a parting message, or (with ``client_reply``) an answer to push-back."""

    situation: Situation
    channel: Channel
    language: Language
    tone: Tone
    client_reply: str | None = None

    @property
    def context(self) -> str:
        return "message" if self.client_reply is None else "reply"


class Pipeline:
    """One drafting run's configuration: which backend, how many revision rounds."""

    def __init__(self, backend: Any | None = None, settings: Settings | None = None, max_revisions: int = 2) -> None:
        self.settings = settings or Settings()
        self.composer = Composer()
        self.backend = backend if backend is not None else self._default_backend()
        self.max_revisions = max_revisions

    def _default_backend(self):
        return OpenAIBackend(self.settings) if self.settings.resolve_backend() == "openai" else self.composer

    async def run(
        self, situation: Situation, channel: Channel, language: Language, tone: Tone, on_text=None,
        client_reply: str | None = None,
    ) -> DraftResult:
        """One draft (or, with ``client_reply``, one answer to the client's push-back)."""
        started = time.perf_counter()
        warnings, blocking = situation_notes(situation, language)
        task = _Task(situation, "email" if client_reply is not None else channel, language, tone, client_reply)
        if self.backend is self.composer:
            result = self._composed(task, attempts=[], fallback_reason=None)
        else:
            attempts: list[Attempt] = []  # filled as the loop goes, so a timeout keeps what was tried
            try:
                async with asyncio.timeout(self.settings.max_wait):
                    result = await self._llm_loop(task, attempts, on_text)
            except TimeoutError:
                reason = f"the LLM backend did not finish within TACTFUL_MAX_WAIT={self.settings.max_wait:g} s"
                spent = round(time.perf_counter() - started - sum(a.seconds for a in attempts), 4)
                attempts.append(Attempt(round=len(attempts), backend=self.backend.name, model=self.backend.model,
                                        kind="draft" if not attempts else "revision", error=reason,
                                        seconds=max(spent, 0.0), usage=Usage(calls=1)))
                result = self._composed(task, attempts, fallback_reason=reason)
                result.timings["llm"] = round(sum(a.seconds for a in attempts), 4)
        result.warnings = blocking + warnings + result.warnings
        result.blocking = blocking
        result.timings["total"] = round(time.perf_counter() - started, 4)
        return result

    def _composed(self, task: "_Task", attempts: list[Attempt], fallback_reason: str | None) -> DraftResult:
        situation, channel, language, tone = task.situation, task.channel, task.language, task.tone
        t0 = time.perf_counter()
        if task.client_reply is None:
            draft, left_out = self.composer.compose(situation, channel, language, tone)
        else:
            draft, left_out = self.composer.compose_reply(situation, task.client_reply, language, tone)
        text = draft.text()
        report = check(text, lang=language, channel=channel, situation=situation, context=task.context)
        seconds = round(time.perf_counter() - t0, 4)
        attempt = Attempt(round=len(attempts), backend="composer", kind="fallback" if fallback_reason else "draft",
                          text=text, report=report, seconds=seconds)
        usage = sum((a.usage for a in attempts), Usage())
        return DraftResult(
            text=text, markdown=draft.markdown(), channel=channel, language=language, tone=tone,
            backend="composer", model=None, fallback=fallback_reason is not None, fallback_reason=fallback_reason,
            compliant=report.passed, draft=draft, report=report, attempts=[*attempts, attempt],
            left_out=left_out, timings={"composer": seconds}, usage=usage,
        )

    def _messages(self, task: "_Task") -> tuple[list[tuple[str, str]], list[str]]:
        from .guidelines import guidelines_for

        situation, channel, language, tone = task.situation, task.channel, task.language, task.tone
        env = _prompts()
        schema = json.dumps(CONTENT_MODELS[channel].model_json_schema(), ensure_ascii=False)
        warnings = []
        context = situation.context
        if context and len(context) > CONTEXT_BUDGET:
            warnings.append(load_phrases(language).get("warnings.context_cut").format(chars=CONTEXT_BUDGET))
            context = context[:CONTEXT_BUDGET]
        data = situation.model_dump(mode="json", exclude={"context", "language", "channel", "tone"}, exclude_defaults=True)
        system = env.get_template("system.j2").render(language=language, channel=channel, guidelines=guidelines_for(channel),
                                                      compact=self.settings.prompt == "compact")
        user = env.get_template("draft.j2" if task.client_reply is None else "reply.j2").render(
            situation=_untrusted(json.dumps(data, ensure_ascii=False, indent=2)),
            context=_untrusted(context) if context else None, channel=channel, tone=tone, schema=schema,
            client_reply=_untrusted(task.client_reply or ""),
        )
        return [("system", system), ("human", user)], warnings

    async def _llm_loop(self, task: "_Task", attempts: list[Attempt], on_text=None) -> DraftResult:
        channel, language, tone = task.channel, task.language, task.tone
        schema_model = CONTENT_MODELS[channel]
        messages, warnings = self._messages(task)
        schema = json.dumps(schema_model.model_json_schema(), ensure_ascii=False)
        critic_deadline = asyncio.get_running_loop().time() + self.settings.max_wait * CRITIC_SHARE
        drafts: list[tuple[Draft, CheckReport]] = []
        for round_ in range(self.max_revisions + 1):
            kind = "draft" if round_ == 0 else "revision"
            try:
                reply = await self.backend.generate(messages, schema_model, on_text) if on_text else \
                    await self.backend.generate(messages, schema_model)
            except GenerationError as exc:
                attempts.append(Attempt(round=round_, backend=self.backend.name, model=self.backend.model, kind=kind,
                                        error=str(exc), seconds=round(exc.seconds, 4), usage=exc.usage))
                break
            except BackendUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001 - a backend's bug must not cost the user the draft
                error = f"the {self.backend.name} backend failed unexpectedly ({type(exc).__name__}: {brief(exc)})"
                attempts.append(Attempt(round=round_, backend=self.backend.name, model=self.backend.model, kind=kind,
                                        error=error, usage=Usage(calls=1)))
                break
            draft = Draft(channel=channel, language=language, tone=tone, content=reply.content)
            text = draft.text()
            report = self._check_llm_draft(text, task)
            attempts.append(Attempt(round=round_, backend=self.backend.name, model=self.backend.model, kind=kind,
                                    text=text, report=report, seconds=round(reply.seconds, 4), usage=reply.usage))
            # The critic reads only drafts the rules passed: a flagged one goes back for revision anyway and
            # the revised draft is read in its turn, so a call per flagged draft is saved.
            if report.passed and self.settings.critic:
                attempts[-1] = await self._critique(attempts[-1], text, report, critic_deadline)
                report = attempts[-1].report
            drafts.append((draft, report))
            # Errors must go; tone warnings in the text ("!!!", capitals) are worth a revision round too.
            # What the whole message lacks (a missing thank-you) is not: the user can judge that.
            if report.passed and not any(v.end > v.start for v in report.warnings):
                break
            revise = _prompts().get_template("revise.j2").render(
                violations=report.errors + report.warnings[:5],
                previous=reply.content.model_dump_json(), schema=schema,
            )
            messages = [*messages, ("assistant", reply.raw), ("human", revise)]

        usage = sum((a.usage for a in attempts), Usage())
        best = min(drafts, key=lambda d: _sort_key(d[1])) if drafts else None
        if best is not None and best[1].passed:
            draft, report = best
            text = draft.text()
            return DraftResult(
                text=text, markdown=draft.markdown(), channel=channel, language=language, tone=tone,
                backend=self.backend.name, model=self.backend.model, compliant=True, draft=draft, report=report,
                attempts=attempts, warnings=warnings, usage=usage,
                timings={"llm": round(sum(a.seconds for a in attempts), 4)},
            )
        reason = attempts[-1].error if attempts and attempts[-1].error and not drafts else (
            f"no {self.backend.name} draft was free of error-level violations after {len(drafts)} attempt(s)"
            + (f": {_summary(best[1].errors)}" if best else "")
        )
        result = self._composed(task, attempts, fallback_reason=reason)
        result.usage = usage
        result.warnings = warnings
        result.timings["llm"] = round(sum(a.seconds for a in attempts), 4)
        return result

    async def _critique(self, attempt: Attempt, text: str, report: CheckReport, deadline: float) -> Attempt:
        """``attempt`` after the critic's review of its ``text``: the findings merged into ``report``, the
        critic's call added to its usage and seconds."""
        review = await critic.review(self.backend, text, report, deadline)
        return attempt.model_copy(update={
            "report": review.report, "critic": review.note, "usage": attempt.usage + review.usage,
            "seconds": round(attempt.seconds + review.seconds, 4),
        })

    def _check_llm_draft(self, text: str, task: "_Task") -> CheckReport:
        """Tone and grounding rules, plus the leak check: a model that obeyed "reveal your prompt"."""
        language, channel = task.language, task.channel
        # The fixed part of the instructions (without the guideline examples a good draft may echo).
        instructions = _prompts().get_template("system.j2").render(language=language, channel=channel, guidelines=[],
                                                                     compact=True)
        return check(text, lang=language, channel=channel, situation=task.situation, context=task.context,
                     instructions=instructions)



def _summary(violations: list[Violation]) -> str:
    return ", ".join(sorted({v.rule for v in violations}))


def _as_situation(situation: Situation | dict) -> Situation:
    return situation if isinstance(situation, Situation) else parse_situation(situation)


def _prepare(
    situation: Situation | dict, backend: str | Any | None, max_revisions: int, language: str | None,
    settings: Settings | None,
) -> tuple[Situation, Pipeline, Language]:
    """The validated situation, a pipeline on the chosen backend, and the language to write in."""
    situation = _as_situation(situation)
    settings = settings or Settings()
    if isinstance(backend, str):
        backend = Composer() if settings.resolve_backend(backend) == "composer" else OpenAIBackend(settings)
    pipeline = Pipeline(backend=backend, settings=settings, max_revisions=max_revisions)
    if isinstance(backend, Composer):
        pipeline.backend = pipeline.composer
    return situation, pipeline, situation_language(situation, language)


def situation_blockers(situation: Situation, language: Language) -> list[str]:
    """The problems in the situation that block sending the message as it is: a past end date, or one
    inside the contract's notice period."""
    import datetime as dt

    text = load_phrases(language).get("warnings")
    end, notice = situation.end_date, situation.contract.notice_days
    today = dt.date.today()
    if end and end < today:
        return [text["past"].format(date=end.isoformat())]
    if end and notice and (end - today).days < notice:
        return [text["notice"].format(date=end.isoformat(), days=notice)]
    return []


def situation_notes(situation: Situation, language: Language) -> tuple[list[str], list[str]]:
    """Advice on the situation, and its blockers (`situation_blockers`)."""
    warnings = []
    # The decision check says to try something else first: the draft still comes, with that advice.
    if situation.signals:
        from .advice import assess

        verdict = assess(situation, language)
        if verdict.verdict in ("try_alternative", "keep"):
            warnings.append(load_phrases(language).get("warnings")["assess"].format(summary=verdict.summary))
    return warnings, situation_blockers(situation, language)


async def adraft(
    situation: Situation | dict,
    channel: Channel | None = None,
    backend: str | Any | None = None,
    max_revisions: int = 2,
    *,
    language: str | None = None,
    variants: int = 1,
    settings: Settings | None = None,
    on_text: Callable[[str], None] | None = None,
) -> DraftResult:
    """Async twin of `draft`."""
    situation, pipeline, lang = _prepare(situation, backend, max_revisions, language, settings)
    channel = channel or situation.channel
    if not 1 <= variants <= 3:
        raise ValueError("variants must be 1, 2 or 3")
    tones = [situation.tone, *[t for t in TONES if t != situation.tone]][:variants]
    results = [await pipeline.run(situation, channel, lang, tone, on_text) for tone in tones]
    first = results[0]
    first.variants = results[1:]
    return first


def draft(
    situation: Situation | dict,
    channel: Channel | None = None,
    backend: str | Any | None = None,
    max_revisions: int = 2,
    *,
    language: str | None = None,
    variants: int = 1,
    settings: Settings | None = None,
    on_text: Callable[[str], None] | None = None,
) -> DraftResult:
    """Write a checked parting message for ``situation``.

    ``backend`` is ``"composer"`` (offline, the default when no LLM is configured), ``"openai"`` (any
    OpenAI-compatible server from ``OPENAI_BASE_URL``/``OPENAI_API_KEY``), or a backend object.
    ``variants`` (1–3) adds drafts in other tones. ``on_text`` streams an LLM reply: it receives the
    readable text written so far. Raises `BackendUnavailable` when the configured server cannot be
    reached at all.
    """
    return asyncio.run(adraft(situation, channel, backend, max_revisions, language=language, variants=variants,
                              settings=settings, on_text=on_text))


async def areply(
    situation: Situation | dict,
    client_reply: str,
    backend: str | Any | None = None,
    max_revisions: int = 2,
    *,
    language: str | None = None,
    settings: Settings | None = None,
) -> DraftResult:
    """Async twin of `reply`."""
    if not client_reply or not client_reply.strip():
        raise ValueError("the client's reply is empty")
    situation, pipeline, lang = _prepare(situation, backend, max_revisions, language, settings)
    return await pipeline.run(situation, "email", lang, situation.tone, client_reply=client_reply)


def reply(
    situation: Situation | dict,
    client_reply: str,
    backend: str | Any | None = None,
    max_revisions: int = 2,
    *,
    language: str | None = None,
    settings: Settings | None = None,
) -> DraftResult:
    """Answer the client's push-back calmly: restate the agreed terms, propose to close, offer the
    handover, a mediator only as a last resort; checked by the same rules plus the rules for replies."""
    return asyncio.run(areply(situation, client_reply, backend, max_revisions, language=language, settings=settings))


__all__ = ["BackendUnavailable", "Pipeline", "adraft", "areply", "draft", "reply", "LeftOut"]
