"""The drafting pipeline: situation -> drafter -> draft -> check -> revise -> ... -> `DraftResult`.

One loop serves every drafter (`tactful.drafters`). A drafter that revises gets the checker's findings
back for at most ``max_revisions`` rounds; the best attempt wins. When no attempt of an LLM is free of
error-level findings, the composer's draft is returned with ``fallback=True`` and the reason, so a
non-compliant text is never returned while a compliant one exists. How long and how often it tries is
`tactful.retry`'s policy.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, ParamSpec, TypeVar

from . import critic
from .as_of import as_of, notice_end, within_grace
from .checker import check
from .drafters import Drafted, Drafter, DraftTask, make_drafter
from .language import situation_language
from .llm import BackendUnavailable, GenerationError, brief
from .phrases import load_phrases
from .report import CheckReport, Violation
from .result import Attempt, DraftResult, LeftOut, Usage
from .settings import Settings
from .situation import Situation, parse_situation
from .unpaid_notes import with_unpaid_from_notes
from .vocab import TONES, Channel, Language, Tone

P = ParamSpec("P")
T = TypeVar("T")


def _sort_key(report: CheckReport) -> tuple[int, int, float]:
    return (len(report.errors), len(report.warnings), -report.score)


def _summary(violations: list[Violation]) -> str:
    return ", ".join(sorted({v.rule for v in violations}))


class Pipeline:
    """One drafting run's configuration: the drafter, and the settings with the retry policy."""

    def __init__(self, drafter: Drafter | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.policy = self.settings.retry
        self.drafter = drafter if drafter is not None else make_drafter(None, self.settings)
        self._fallback: Drafter | None = None

    @property
    def fallback(self) -> Drafter:
        """The composer, which writes when an LLM could not."""
        if self._fallback is None:
            self._fallback = self.drafter if self.drafter.offline else make_drafter("composer", self.settings)
        return self._fallback

    async def run(
        self, situation: Situation, channel: Channel, language: Language, tone: Tone, on_text=None,
        client_reply: str | None = None, answers: Mapping[str, str] | None = None,
    ) -> DraftResult:
        """One draft (or, with ``client_reply``, one answer to the client's push-back)."""
        started = time.perf_counter()
        warnings, blocking = situation_notes(situation, language)
        task = DraftTask(situation, "email" if client_reply is not None else channel, language, tone, client_reply,
                         tuple((str(k), v) for k, v in (answers or {}).items() if v and v.strip()))
        attempts: list[Attempt] = []  # filled as the loop goes, so a timeout keeps what was tried
        try:
            async with asyncio.timeout(None if self.drafter.offline else self.policy.max_wait):
                result = await self._loop(task, attempts, on_text)
        except TimeoutError:
            reason = f"the LLM backend did not finish within TACTFUL_MAX_WAIT={self.policy.max_wait:g} s"
            spent = round(time.perf_counter() - started - sum(a.seconds for a in attempts), 4)
            attempts.append(self._attempt(len(attempts), error=reason, seconds=max(spent, 0.0), usage=Usage(calls=1)))
            result = await self._fall_back(task, attempts, reason, [])
        result.warnings = blocking + warnings + result.warnings
        result.blocking = blocking
        result.timings["total"] = round(time.perf_counter() - started, 4)
        return result

    def _attempt(self, round_: int, **fields: Any) -> Attempt:
        kind = "draft" if round_ == 0 else "revision"
        return Attempt(round=round_, backend=self.drafter.name, model=self.drafter.model, kind=kind, **fields)

    async def _loop(self, task: DraftTask, attempts: list[Attempt], on_text=None) -> DraftResult:
        """Draft, check, and revise while the drafter can and the checker finds something."""
        deadline = asyncio.get_running_loop().time() + self.policy.max_wait * self.policy.critic_share
        tried: list[tuple[Drafted, CheckReport]] = []
        warnings: list[str] = []
        for round_ in range(self.policy.max_revisions + 1):
            try:
                drafted = await (self.drafter.draft(task, on_text) if round_ == 0
                                 else self.drafter.revise(task, *tried[-1]))
            except GenerationError as exc:
                attempts.append(self._attempt(round_, error=str(exc), seconds=round(exc.seconds, 4), usage=exc.usage))
                break
            except BackendUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001 - a backend's bug must not cost the user the draft
                error = f"the {self.drafter.name} backend failed unexpectedly ({type(exc).__name__}: {brief(exc)})"
                attempts.append(self._attempt(round_, error=error, usage=Usage(calls=1)))
                break
            warnings = warnings or drafted.warnings
            attempt, report = await self._checked(task, drafted, round_, deadline)
            attempts.append(attempt)
            tried.append((drafted, report))
            # Errors must go; tone warnings in the text ("!!!", capitals) are worth a revision round too.
            # What the whole message lacks (a missing thank-you) is not: the user can judge that.
            if not self.drafter.revises or (report.passed and not any(v.end > v.start for v in report.warnings)):
                break
        best = min(tried, key=lambda pair: _sort_key(pair[1])) if tried else None
        if best is not None and (best[1].passed or self.drafter.offline):
            return self._result(task, best[0], best[1], attempts, warnings)
        reason = attempts[-1].error if attempts and attempts[-1].error and not tried else (
            f"no {self.drafter.name} draft was free of error-level violations after {len(tried)} attempt(s)"
            + (f": {_summary(best[1].errors)}" if best else "")
        )
        return await self._fall_back(task, attempts, reason, warnings)

    async def _checked(self, task: DraftTask, drafted: Drafted, round_: int, deadline: float) -> tuple[Attempt, CheckReport]:
        """The attempt for ``drafted``, checked by the rules and, when they pass it, read by the critic."""
        text = drafted.draft.text()
        # A handover item or a referral the drafter left out and reported back to the user (to reword, or
        # kept back on purpose) is not demanded of the message a second time.
        dropped = {o.text for o in drafted.left_out if o.field == "handover"}
        situation = task.grounds.model_copy(update={
            "handover": [i for i in task.situation.handover if i not in dropped],
            "referral": None if any(o.field == "referral" for o in drafted.left_out) else task.situation.referral,
        })
        report = check(text, lang=task.language, channel=task.channel, situation=situation,
                       context=task.context, instructions=self.drafter.instructions(task))
        attempt = self._attempt(round_, text=text, report=report, seconds=round(drafted.seconds, 4), usage=drafted.usage)
        # The critic reads only drafts the rules passed: a flagged one goes back for revision anyway and
        # the revised draft is read in its turn, so a call per flagged draft is saved.
        if report.passed and self.drafter.critic is not None:
            review = await critic.review(self.drafter.critic, text, report, deadline)
            attempt = attempt.model_copy(update={
                "report": review.report, "critic": review.note, "usage": attempt.usage + review.usage,
                "seconds": round(attempt.seconds + review.seconds, 4),
            })
        return attempt, attempt.report

    def _result(self, task: DraftTask, drafted: Drafted, report: CheckReport, attempts: list[Attempt],
                warnings: list[str], fallback_reason: str | None = None) -> DraftResult:
        draft = drafted.draft
        drafter = self.fallback if fallback_reason is not None else self.drafter
        seconds = round(sum(a.seconds for a in attempts), 4)
        timings = {"composer": attempts[-1].seconds} if drafter.offline else {"llm": seconds}
        if fallback_reason is not None:
            timings["llm"] = round(seconds - attempts[-1].seconds, 4)
        return DraftResult(
            text=draft.text(), markdown=draft.markdown(), channel=task.channel, language=task.language,
            tone=task.tone, backend=drafter.name, model=drafter.model, fallback=fallback_reason is not None,
            fallback_reason=fallback_reason, compliant=report.passed, draft=draft, report=report,
            attempts=attempts, left_out=drafted.left_out, warnings=warnings, timings=timings, questions=drafted.questions,
            usage=sum((a.usage for a in attempts), Usage()),
        )

    async def _fall_back(self, task: DraftTask, attempts: list[Attempt], reason: str, warnings: list[str]) -> DraftResult:
        """The composer's draft for ``task``, after the LLM ``attempts`` that did not give a compliant one."""
        drafted = await self.fallback.draft(task)
        text = drafted.draft.text()
        report = check(text, lang=task.language, channel=task.channel, situation=task.grounds, context=task.context)
        attempts.append(Attempt(round=len(attempts), backend=self.fallback.name, kind="fallback", text=text,
                                report=report, seconds=round(drafted.seconds, 4)))
        return self._result(task, drafted, report, attempts, warnings, fallback_reason=reason)


def _prepare(situation: Situation | dict, backend: str | Drafter | None, max_revisions: int | None,
             language: str | None, settings: Settings | None) -> tuple[Situation, Pipeline, Language]:
    """The validated situation, a pipeline on the chosen drafter, and the language to write in."""
    situation = situation if isinstance(situation, Situation) else parse_situation(situation)
    settings = settings or Settings()
    if max_revisions is not None:
        settings = settings.model_copy(update={"max_revisions": max_revisions})
    drafter = backend if backend is not None and not isinstance(backend, str) else make_drafter(backend, settings)
    lang = situation_language(situation, language)
    return with_unpaid_from_notes(situation, lang), Pipeline(drafter, settings), lang


def situation_blockers(situation: Situation, language: Language) -> list[str]:
    """The problems in the situation that block sending the message as it is: a past end date, or one
    inside the contract's notice period."""
    import datetime as dt

    text = load_phrases(language).get("warnings")
    end, notice = situation.end_date, situation.contract.notice_days
    today = dt.date.today()
    written = as_of(situation, today)
    if end and end < today:
        return [text["past"].format(date=end.isoformat())]
    # An end a day or three short of the notice is the work's last day under formal notice (the message says
    # when the contract ends), no earlier end that needs the client's agreement.
    if end and notice and (ends := notice_end(situation, written)) and not within_grace(end, ends):
        return [text["notice"].format(date=end.isoformat(), days=notice)]
    return []


def situation_notes(situation: Situation, language: Language) -> tuple[list[str], list[str]]:
    """Advice on the situation, and its blockers (`situation_blockers`)."""
    warnings = []
    # The decision check says to try something else first: the draft still comes, with that advice. A
    # user who has already tried something (a frank talk, new terms) has made that call: no advice then.
    if situation.signals and not situation.tried:
        from .advice import assess

        verdict = assess(situation, language)
        if verdict.verdict in ("try_alternative", "keep"):
            warnings.append(load_phrases(language).get("warnings")["assess"].format(summary=verdict.summary))
    return warnings, situation_blockers(situation, language)


def _blocking(run: Callable[P, Awaitable[T]]) -> Callable[P, T]:
    """The synchronous face of an async API function: the same parameters, run in a fresh event loop."""

    @functools.wraps(run)
    def blocking(*args: P.args, **kwargs: P.kwargs) -> T:
        return asyncio.run(run(*args, **kwargs))  # type: ignore[arg-type]

    return blocking


async def adraft(
    situation: Situation | dict,
    channel: Channel | None = None,
    backend: str | Drafter | None = None,
    max_revisions: int | None = None,
    *,
    language: str | None = None,
    variants: int = 1,
    settings: Settings | None = None,
    on_text: Callable[[str], None] | None = None,
) -> DraftResult:
    """Write a checked parting message for ``situation`` (`draft` is the same, without ``await``).

    ``backend`` is ``"composer"`` (offline, the default when no LLM is configured), ``"openai"`` (any
    OpenAI-compatible server from ``OPENAI_BASE_URL``/``OPENAI_API_KEY``), another registered name, or a
    `Drafter`. ``max_revisions`` defaults to ``TACTFUL_MAX_REVISIONS``. ``variants`` (1–3) adds drafts in
    other tones. ``on_text`` streams an LLM reply: it receives the readable text written so far. Raises
    `BackendUnavailable` when the configured server cannot be reached at all.
    """
    situation, pipeline, lang = _prepare(situation, backend, max_revisions, language, settings)
    channel = channel or situation.channel
    if not 1 <= variants <= 3:
        raise ValueError("variants must be 1, 2 or 3")
    tones = [situation.tone, *[t for t in TONES if t != situation.tone]][:variants]
    results = [await pipeline.run(situation, channel, lang, tone, on_text) for tone in tones]
    first = results[0]
    first.variants = results[1:]
    return first


async def areply(
    situation: Situation | dict,
    client_reply: str,
    backend: str | Drafter | None = None,
    max_revisions: int | None = None,
    *,
    language: str | None = None,
    settings: Settings | None = None,
    answers: Mapping[str, str] | None = None,
) -> DraftResult:
    """Answer the client's push-back calmly (`reply` is the same, without ``await``): restate the agreed
    terms, propose to close, offer the handover, a mediator only as a last resort; checked by the same
    rules plus the rules for replies. The client's points only the user can answer come back in
    ``questions``; ``answers`` (by point or by its number, "1") are written in, in the user's words."""
    if not client_reply or not client_reply.strip():
        raise ValueError("the client's reply is empty")
    situation, pipeline, lang = _prepare(situation, backend, max_revisions, language, settings)
    return await pipeline.run(situation, "email", lang, situation.tone, client_reply=client_reply, answers=answers)


draft = _blocking(adraft)
reply = _blocking(areply)

__all__ = ["BackendUnavailable", "Pipeline", "adraft", "areply", "draft", "reply", "LeftOut"]
