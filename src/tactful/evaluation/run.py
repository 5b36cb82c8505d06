"""The evaluation run: scenarios × channels × languages × repeats, drafted concurrently and scored.

Every draft goes through the same `Pipeline` a user gets (draft → check → revise, composer fallback).
Drafts run as asyncio tasks under an `asyncio.Semaphore` (``concurrency``); with an LLM backend the
requests go through the retrying transport of `retry`.

Each finished draft is appended to ``results.jsonl`` at once (see `records`), so an interrupted run
keeps what is done and ``resume=True`` drafts only the keys that are missing. ``summary.json`` aggregates
the records of the planned keys (see `summary`).

What is scored is the *backend's own* best draft: when the pipeline falls back to the composer, the
record keeps the LLM's best attempt as ``text``/``report`` (``passed`` is then false) and the fallback
in ``fallback``/``attempts``; otherwise a backend could never fail an evaluation.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..drafters import make_drafter
from ..report import CheckReport
from ..result import DraftResult
from ..settings import Settings, load_settings
from .config import EvalConfig, EvalError
from .plan import Job, load_scenarios, plan
from .records import (
    RESULTS,
    RUN_INFO,
    SUMMARY,
    EvalRecord,
    RecordAppender,
    load_records,
    now_iso,
    write_json_atomically,
)
from .retry import counted, counting_retries, retrying_client
from .summary import checker_section, summarize


@dataclass
class EvalRun:
    """What a run produced: the records of every planned key that is done, and the summary."""

    out: Path
    records: list[EvalRecord]
    summary: dict[str, Any]
    planned: int
    drafted: int  # drafted in this invocation
    skipped: int  # already in results.jsonl (resume)
    bad_lines: int = 0
    retries: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class _Drafting:
    """What drafting the pending jobs needs; built only when some are pending, so that a finished run
    opens no HTTP client and loads no pipeline."""

    backend: str
    model: str | None
    pipeline: Any = None  # tactful.pipeline.Pipeline
    judge: Any = None  # judge.Judge, with --judge
    http_client: Any = None
    transport: Any = None  # counts the run's retries

    async def draft(self, job: Job) -> EvalRecord:
        """One job drafted, scored and (with a judge) judged; a crash becomes an error record."""
        from ..llm import BackendUnavailable

        with counting_retries() as counter:
            started = time.perf_counter()
            try:
                situation = job.scenario.situation
                result = await self.pipeline.run(situation, job.channel, job.language, situation.tone)
                record = make_record(job, result, self.backend, self.model, time.perf_counter() - started, counter[0])
            except BackendUnavailable:
                raise  # the server is gone: every other draft would fail the same way, so the run stops
            except Exception as exc:  # one broken draft must not lose the run
                record = _error_record(job, exc, self.backend, self.model, time.perf_counter() - started)
            if self.judge is not None and record.text:
                verdict = await self.judge.judge(record.text, job.channel, job.language, record.report)
                record.judge = verdict.model_dump(mode="json")
            record.retries = counter[0]
        return record

    async def aclose(self) -> None:
        if self.http_client is not None:
            await self.http_client.aclose()


def _settings(config: EvalConfig, settings: Settings | None) -> Settings:
    settings = settings or load_settings()
    return settings.model_copy(update={"model": config.model}) if config.model else settings


def _sort_key(report: CheckReport) -> tuple[int, int, float]:
    return (len(report.errors), len(report.warnings), -report.score)


def make_record(job: Job, result: DraftResult, backend: str, model: str | None, latency: float, retries: int) -> EvalRecord:
    """The record of one finished draft; with a fallback, the backend's own best attempt is scored."""
    if not result.fallback:
        text, report = result.text, result.report
    else:
        own = [a for a in result.attempts if a.kind != "fallback" and a.report is not None and a.text is not None]
        best = min(own, key=lambda a: _sort_key(a.report)) if own else None
        text, report = (best.text, best.report) if best else (None, None)
    return EvalRecord(
        key=job.key, scenario=job.scenario.name, scenario_sha=job.scenario.sha, channel=job.channel,
        language=job.language, repeat=job.repeat, tone=result.tone, backend=backend, model=model,
        text=text, report=report, passed=bool(report and report.passed and not result.fallback),
        score=report.score if report else 0.0, compliant=result.compliant, fallback=result.fallback,
        fallback_reason=result.fallback_reason, attempts=result.attempts, llm_calls=result.usage.calls,
        retries=retries, latency=round(latency, 4), timings=result.timings, tokens=result.usage,
        warnings=result.warnings, finished_at=now_iso(),
    )


def _error_record(job: Job, exc: Exception, backend: str, model: str | None, latency: float) -> EvalRecord:
    return EvalRecord(
        key=job.key, scenario=job.scenario.name, scenario_sha=job.scenario.sha, channel=job.channel,
        language=job.language, repeat=job.repeat, backend=backend, model=model, status="error",
        error=f"{type(exc).__name__}: {exc}", latency=round(latency, 4), finished_at=now_iso(),
    )


def _prepare_out(config: EvalConfig) -> Path:
    """Create the output directory; refuse to mix into earlier results unless resuming or overwriting."""
    out = config.out
    results_path = out / RESULTS
    if out.exists() and not out.is_dir():
        raise EvalError(f"{out}: exists and is not a directory")
    if results_path.exists() and not (config.resume or config.overwrite):
        raise EvalError(f"{results_path} already exists: continue it with --resume, or replace it with --overwrite")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EvalError(f"{out}: cannot create the directory ({exc.strerror})") from None
    if config.overwrite and not config.resume:
        results_path.unlink(missing_ok=True)
    return results_path


def _backend(config: EvalConfig, settings: Settings) -> tuple[str, str | None]:
    """The backend's name and, for an LLM, its model; an LLM that is asked for must be configured."""
    backend = settings.resolve_backend(None if config.backend == "auto" else config.backend)
    if backend == "openai" and not settings.llm_configured:
        raise EvalError("the openai backend needs a server: set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY")
    if config.judge and not settings.llm_configured:
        raise EvalError("--judge needs an LLM server: set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY")
    return backend, settings.model if backend == "openai" else None


def _check_run_info(out: Path, info: dict[str, Any], resume: bool) -> None:
    """Write ``run.json``; a resumed run must keep the backend and model, or its figures would mix two."""
    path = out / RUN_INFO
    if resume and path.exists():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        for name in ("backend", "model"):
            if previous.get(name, info[name]) != info[name]:
                raise EvalError(
                    f"{out} holds a run with {name} {previous.get(name)!r}, not {info[name]!r}: "
                    "resume it with the same settings or choose another --out"
                )
        info["created"] = previous.get("created", info["created"])
        info["resumed"] = now_iso()
    write_json_atomically(path, info)


def _done(config: EvalConfig, jobs: list[Job], results_path: Path, backend: str, model: str | None) -> tuple[dict[str, EvalRecord], int]:
    """The records a resumed run keeps (planned, finished, same backend and model, scenario unchanged)
    and the number of unreadable lines of ``results.jsonl``."""
    if not config.resume:
        return {}, 0
    existing, bad_lines = load_records(results_path)
    shas = {job.key: job.scenario.sha for job in jobs}
    done = {
        key: record for key, record in existing.items()
        if key in shas and record.status == "done" and record.backend == backend and record.model == model
        and record.scenario_sha == shas[key]
    }
    return done, bad_lines


def _drafting(config: EvalConfig, settings: Settings, backend: str, model: str | None, pending: list[Job]) -> _Drafting:
    """The pipeline for ``pending`` and the judge; an HTTP client only when an LLM drafts or judges."""
    drafting = _Drafting(backend, model)
    if not pending:  # nothing to draft: load nothing
        return drafting
    from ..pipeline import Pipeline

    if backend == "openai" or config.judge:
        connections = max(config.concurrency * 2, 10)
        drafting.http_client, drafting.transport = retrying_client(config.retry, connections, settings.timeout)
    if config.max_revisions is not None:
        settings = settings.model_copy(update={"max_revisions": config.max_revisions})
    if backend == "openai":
        from ..drafters.chat import ChatDrafter

        drafter = ChatDrafter(counted(settings), http_client=drafting.http_client)
    else:
        drafter = make_drafter("composer", settings)
    drafting.pipeline = Pipeline(drafter, settings)
    if config.judge:
        from ..llm import ChatClient
        from .judge import Judge

        judge_settings = settings.model_copy(update={"model": config.judge_model}) if config.judge_model else settings
        drafting.judge = Judge(ChatClient(counted(judge_settings), http_client=drafting.http_client))
    return drafting


async def _draft_all(config: EvalConfig, drafting: _Drafting, pending: list[Job], results_path: Path,
                     on_result: Callable[[EvalRecord], None] | None) -> dict[str, EvalRecord]:
    """Draft ``pending`` at most ``config.concurrency`` at a time, appending each record as it finishes."""
    from ..llm import BackendUnavailable

    semaphore = asyncio.Semaphore(config.concurrency)
    appender = RecordAppender(results_path)
    new: dict[str, EvalRecord] = {}

    async def one(job: Job) -> None:
        async with semaphore:
            record = await drafting.draft(job)
        appender.write(record)
        new[record.key] = record
        if on_result:
            on_result(record)

    try:
        async with asyncio.TaskGroup() as group:
            for job in pending:
                group.create_task(one(job))
    except* BackendUnavailable as group:
        raise EvalError(str(group.exceptions[0])) from None
    except* OSError as group:
        raise EvalError(f"cannot write {results_path}: {group.exceptions[0]}") from None
    finally:
        appender.close()
        await drafting.aclose()
    return new


async def run_eval(
    config: EvalConfig,
    on_plan: Callable[[int, int], None] | None = None,
    on_result: Callable[[EvalRecord], None] | None = None,
    settings: Settings | None = None,
) -> EvalRun:
    """Draft what is missing, append each record as it finishes, then write ``summary.json``.

    ``on_plan(to_draft, skipped)`` is called once before drafting starts, ``on_result(record)`` after
    each record is written. ``settings`` defaults to the environment's (`Settings()`). Raises `EvalError`
    for anything the user must fix (including an LLM server that cannot be reached at all); an interrupt
    (Ctrl-C, cancellation) keeps the records written so far.
    """
    started = time.perf_counter()
    jobs = plan(config, load_scenarios(config.scenarios))
    results_path = _prepare_out(config)
    settings = _settings(config, settings)
    backend, model = _backend(config, settings)
    info = {"backend": backend, "model": model, "created": now_iso(), "config": config.model_dump(mode="json")}
    _check_run_info(config.out, info, config.resume)

    done, bad_lines = _done(config, jobs, results_path, backend, model)
    pending = [job for job in jobs if job.key not in done]
    if config.limit is not None:
        pending = pending[: config.limit]
    if on_plan:
        on_plan(len(pending), len(done))
    drafting = _drafting(config, settings, backend, model, pending)
    new = await _draft_all(config, drafting, pending, results_path, on_result)

    records_by_key = {**done, **new}
    records = [records_by_key[job.key] for job in jobs if job.key in records_by_key]
    run = EvalRun(
        out=config.out, records=records, summary={}, planned=len(jobs), drafted=len(new), skipped=len(done),
        bad_lines=bad_lines, retries=drafting.transport.retries if drafting.transport is not None else 0,
    )
    if bad_lines:
        run.notes.append(f"{bad_lines} unreadable line(s) in {results_path} were drafted again")
    checker = checker_section() if config.checker_eval else None
    run.summary = summarize(records, planned=len(jobs), info=info, checker=checker,
                            elapsed=time.perf_counter() - started, drafted=len(new))
    write_json_atomically(config.out / SUMMARY, run.summary)
    return run
