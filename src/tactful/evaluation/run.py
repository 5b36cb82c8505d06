"""The evaluation run: scenarios × channels × languages × repeats, drafted concurrently and scored.

Every draft goes through the same `Pipeline` a user gets (draft → check → revise, composer fallback).
Drafts run as asyncio tasks under an `asyncio.Semaphore` (``concurrency``). With an LLM backend the
HTTP requests go through `RetryTransport`, which retries 429 and 5xx answers with exponential back-off
and honours ``Retry-After``, so that a rate limit is waited out instead of turning into a fallback that
would distort the figures.

Each finished draft is appended to ``results.jsonl`` at once (one JSON object a line, flushed), so an
interrupted run keeps what is done and ``resume=True`` drafts only the keys that are missing.
``summary.json`` aggregates the records of the planned keys: pass rates per rule, channel, language and
scenario, the score distribution, LLM calls per accepted draft, latency percentiles, tokens, retries.

What is scored is the *backend's own* best draft: when the pipeline falls back to the composer, the
record keeps the LLM's best attempt as ``text``/``report`` (``passed`` is then false) and the fallback
in ``fallback``/``attempts``; otherwise a backend could never fail an evaluation.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import email.utils
import hashlib
import json
import math
import os
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..drafts import Attempt, DraftResult, Usage
from ..models import CHANNELS, Channel, CheckReport, Language
from ..settings import Settings, load_settings

DEFAULT_LANGUAGES: tuple[Language, ...] = ("ru", "en")
RESULTS = "results.jsonl"
SUMMARY = "summary.json"
RUN_INFO = "run.json"
SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")
SCORE_BINS = 20  # the score histogram: 20 bins of 0.05 over [0, 1]


class EvalError(RuntimeError):
    """The run cannot start or go on (bad options, unreadable scenarios, unreachable server): one line."""


# ---------------------------------------------------------------------------------------------------
# Configuration and records


class RetryPolicy(BaseModel):
    """How 429 and 5xx answers are retried: ``base · 2^n`` seconds (jittered, at most ``cap``), or what
    the server's ``Retry-After`` says when it says at most ``max_retry_after`` seconds."""

    model_config = ConfigDict(extra="forbid")

    max_retries: int = Field(default=6, ge=0, le=50)
    base: float = Field(default=0.5, ge=0)
    cap: float = Field(default=8.0, ge=0)
    max_retry_after: float = Field(default=120.0, ge=0)


class EvalConfig(BaseModel):
    """What to evaluate, with which backend, and where the results go."""

    model_config = ConfigDict(extra="forbid")

    scenarios: Path | None = Field(default=None, description="Directory of situation files; default: the shipped ones")
    channels: list[Channel] = Field(default_factory=lambda: list(CHANNELS), min_length=1)
    languages: list[Language] = Field(default_factory=lambda: list(DEFAULT_LANGUAGES), min_length=1)
    backend: Literal["auto", "composer", "openai"] = "auto"
    model: str | None = None
    concurrency: int = Field(default=4, ge=1, le=512)
    repeat: int = Field(default=1, ge=1, le=1000)
    out: Path = Path("eval-results")
    resume: bool = False
    overwrite: bool = False
    judge: bool = False
    judge_model: str | None = None
    max_revisions: int = Field(default=2, ge=0, le=10)
    limit: int | None = Field(default=None, ge=0, description="Draft at most this many of the missing keys")
    checker_eval: bool = True
    retry: RetryPolicy = RetryPolicy()


class EvalRecord(BaseModel):
    """One line of ``results.jsonl``: one draft of one scenario, channel, language and repeat."""

    key: str
    scenario: str
    scenario_sha: str
    channel: Channel
    language: Language
    repeat: int = 0
    tone: str = "formal"
    backend: str
    model: str | None = None
    status: Literal["done", "error"] = "done"
    text: str | None = None
    report: CheckReport | None = None
    passed: bool = False
    score: float = 0.0
    compliant: bool = False
    fallback: bool = False
    fallback_reason: str | None = None
    attempts: list[Attempt] = []
    llm_calls: int = 0
    retries: int = 0
    latency: float = 0.0
    timings: dict[str, float] = {}
    tokens: Usage = Usage()
    warnings: list[str] = []
    error: str | None = None
    judge: Any | None = None  # a judge.JudgeResult as a dict; kept loose so that old runs stay readable
    finished_at: str = ""


@dataclass(frozen=True)
class Scenario:
    name: str
    path: Path
    sha: str
    situation: Any  # tactful.situation.Situation


@dataclass(frozen=True)
class Job:
    scenario: Scenario
    channel: Channel
    language: Language
    repeat: int

    @property
    def key(self) -> str:
        return job_key(self.scenario.name, self.channel, self.language, self.repeat)


def job_key(scenario: str, channel: str, language: str, repeat: int) -> str:
    return f"{scenario}/{channel}/{language}/{repeat}"


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


# ---------------------------------------------------------------------------------------------------
# Scenarios and plan


def default_scenarios() -> Path:
    from ..resources import data_dir

    return data_dir("eval") / "scenarios"


def load_scenarios(directory: Path | None) -> list[Scenario]:
    """Every situation file of ``directory`` (sorted by name); a bad file is an `EvalError` naming it."""
    from ..situation import SituationError, load_situation

    directory = directory or default_scenarios()
    if not directory.is_dir():
        raise EvalError(f"{directory}: no such directory of scenarios")
    paths = sorted(p for p in directory.iterdir() if p.suffix.lower() in SCENARIO_SUFFIXES and p.is_file())
    if not paths:
        raise EvalError(f"{directory}: no scenario files (*.yaml, *.yml, *.json)")
    scenarios = []
    for path in paths:
        try:
            situation = load_situation(path)
        except SituationError as exc:
            raise EvalError(str(exc)) from None
        except OSError as exc:
            raise EvalError(f"{path}: cannot read ({exc.strerror})") from None
        sha = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        scenarios.append(Scenario(name=path.stem, path=path, sha=sha, situation=situation))
    return scenarios


def plan(config: EvalConfig, scenarios: list[Scenario]) -> list[Job]:
    """Scenarios × channels × languages × repeats, in that nesting order."""
    return [
        Job(scenario, channel, language, repeat)
        for scenario in scenarios
        for channel in dict.fromkeys(config.channels)
        for language in dict.fromkeys(config.languages)
        for repeat in range(config.repeat)
    ]


# ---------------------------------------------------------------------------------------------------
# results.jsonl


def load_records(path: Path) -> tuple[dict[str, EvalRecord], int]:
    """The records of a ``results.jsonl`` by key (a later line wins) and the number of unreadable lines
    (a line cut by a crash is skipped and drafted again)."""
    records: dict[str, EvalRecord] = {}
    bad = 0
    if not path.exists():
        return records, 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = EvalRecord.model_validate_json(line)
            except (ValidationError, ValueError):
                bad += 1
                continue
            records[record.key] = record
    return records, bad


class _Appender:
    """Appends records to results.jsonl, one flushed line each; a cut last line is closed first."""

    def __init__(self, path: Path) -> None:
        needs_newline = path.exists() and path.stat().st_size > 0 and not path.read_bytes().endswith(b"\n")
        self.handle = path.open("a", encoding="utf-8")
        if needs_newline:
            self.handle.write("\n")

    def write(self, record: EvalRecord) -> None:
        self.handle.write(record.model_dump_json() + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


def write_json_atomically(path: Path, data: Any) -> None:
    """Write JSON through a temporary file in the same directory, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------------------------------------
# Retries on 429 / 5xx


def _httpx():
    """The httpx flavour the installed openai SDK is built on (``httpx2`` in newer releases)."""
    try:
        import httpx2

        return httpx2
    except ImportError:  # pragma: no cover - older openai releases
        import httpx

        return httpx


# The retries of the draft (or judgement) running in the current asyncio task, for its record.
_task_retries: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("tactful_eval_retries", default=None)


def retryable(status: int) -> bool:
    """429 Too Many Requests and the 5xx server errors."""
    return status == 429 or 500 <= status <= 599


def retry_delay(headers: Any, attempt: int, policy: RetryPolicy, rng: random.Random | None = None) -> float:
    """Seconds to wait before retry number ``attempt + 1``.

    ``Retry-After`` (seconds or an HTTP date) or OpenAI's ``retry-after-ms`` win when present and at
    most ``policy.max_retry_after``; otherwise ``base · 2^attempt`` capped at ``cap``, with jitter (a
    random 50–100 %) so that many waiting clients do not come back at the same instant.
    """
    asked = _retry_after(headers)
    if asked is not None and 0 <= asked <= policy.max_retry_after:
        return asked
    backoff = min(policy.cap, policy.base * 2 ** min(attempt, 60))
    return backoff * (0.5 + 0.5 * (rng or random).random())


def _retry_after(headers: Any) -> float | None:
    value = headers.get("retry-after-ms")
    if value:
        try:
            seconds = float(value) / 1000
            return seconds if math.isfinite(seconds) else None
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
        return seconds if math.isfinite(seconds) else None
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def retry_transport(policy: RetryPolicy, connections: int = 100, sleep: Callable[[float], Any] | None = None):
    """An async HTTP transport that retries 429/5xx answers (see `retry_delay`).

    A 5xx whose body mentions ``response_format`` is passed on at once: that is a server refusing a
    structured-output mode, which `OpenAIBackend` answers by stepping down, not a transient failure.
    ``transport.retries`` counts every retry; the current task's counter (see `_task_retries`) too.
    """
    httpx = _httpx()

    class RetryTransport(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
            self.inner = httpx.AsyncHTTPTransport(limits=limits)
            self.policy = policy
            self.retries = 0
            self.sleep = sleep or asyncio.sleep
            self.rng = random.Random()

        async def handle_async_request(self, request):
            attempt = 0
            while True:
                response = await self.inner.handle_async_request(request)
                if not retryable(response.status_code):
                    return response
                # An error body is small: read it, so that it can be inspected and handed on intact.
                raw = b"".join([chunk async for chunk in response.aiter_raw()])
                await response.aclose()
                fresh = httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(raw),
                                       request=request, extensions=response.extensions)
                if attempt >= self.policy.max_retries or b"response_format" in _decoded(httpx, response, raw):
                    return fresh
                delay = retry_delay(response.headers, attempt, self.policy, self.rng)
                attempt += 1
                self.retries += 1
                counter = _task_retries.get()
                if counter is not None:
                    counter[0] += 1
                await self.sleep(delay)

        async def aclose(self) -> None:
            await self.inner.aclose()

    return RetryTransport()


def _decoded(httpx, response, raw: bytes) -> bytes:
    try:
        probe = httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(raw))
        return probe.read()
    except Exception:  # an undecodable body: look at the raw bytes
        return raw


def openai_backend(settings: Settings, http_client: Any):
    """`OpenAIBackend` that sends through ``http_client`` (the retrying transport), with the SDK's own
    retries off so that every retry is counted once, here."""
    from ..llm import OpenAIBackend

    return OpenAIBackend(settings.model_copy(update={"max_retries": 0}), http_client=http_client)


# ---------------------------------------------------------------------------------------------------
# The run


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
        warnings=result.warnings, finished_at=_now(),
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _check_run_info(out: Path, info: dict[str, Any], resume: bool) -> None:
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
        info["resumed"] = _now()
    write_json_atomically(path, info)


async def run_eval(
    config: EvalConfig,
    on_plan: Callable[[int, int], None] | None = None,
    on_result: Callable[[EvalRecord], None] | None = None,
    settings: Settings | None = None,
) -> EvalRun:
    """Draft what is missing, append each record as it finishes, then write ``summary.json``.

    ``on_plan(to_draft, skipped)`` is called once before drafting starts, ``on_result(record)`` after
    each record is written. ``settings`` defaults to the environment's (`Settings()`). Raises `EvalError` for anything the user must fix (including an LLM server
    that cannot be reached at all); an interrupt (Ctrl-C, cancellation) keeps the records written so far.
    """
    from ..llm import BackendUnavailable
    from ..pipeline import Pipeline

    started = time.perf_counter()
    scenarios = load_scenarios(config.scenarios)
    jobs = plan(config, scenarios)
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

    settings = _settings(config, settings)
    backend_name = settings.resolve_backend(None if config.backend == "auto" else config.backend)
    if backend_name == "openai" and not settings.llm_configured:
        raise EvalError("the openai backend needs a server: set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY")
    if config.judge and not settings.llm_configured:
        raise EvalError("--judge needs an LLM server: set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY")
    model = settings.model if backend_name == "openai" else None
    info = {"backend": backend_name, "model": model, "created": _now(), "config": config.model_dump(mode="json")}
    _check_run_info(out, info, config.resume)

    existing, bad_lines = load_records(results_path) if config.resume else ({}, 0)
    planned = {job.key for job in jobs}
    done = {
        key: record for key, record in existing.items()
        if key in planned and record.status == "done" and record.backend == backend_name and record.model == model
    }
    shas = {job.key: job.scenario.sha for job in jobs}
    done = {key: record for key, record in done.items() if record.scenario_sha == shas[key]}
    pending = [job for job in jobs if job.key not in done]
    if config.limit is not None:
        pending = pending[: config.limit]
    if on_plan:
        on_plan(len(pending), len(done))

    http_client = None
    transport = None
    llm_needed = bool(pending) and (backend_name == "openai" or config.judge)  # nothing to draft: load nothing
    if llm_needed:
        httpx = _httpx()
        connections = max(config.concurrency * 2, 10)
        transport = retry_transport(config.retry, connections=connections)
        http_client = httpx.AsyncClient(transport=transport, timeout=settings.timeout)
    drafter = openai_backend(settings, http_client) if llm_needed and backend_name == "openai" else None
    pipeline = Pipeline(backend=drafter, settings=settings.model_copy(update={"backend": "composer"}) if drafter is None else settings,
                        max_revisions=config.max_revisions) if pending else None
    judge = None
    if llm_needed and config.judge:
        from .judge import Judge

        judge_settings = settings.model_copy(update={"model": config.judge_model}) if config.judge_model else settings
        judge = Judge(openai_backend(judge_settings, http_client))

    semaphore = asyncio.Semaphore(config.concurrency)
    appender = _Appender(results_path)
    new: dict[str, EvalRecord] = {}

    async def one(job: Job) -> None:
        async with semaphore:
            counter = [0]
            token = _task_retries.set(counter)
            t0 = time.perf_counter()
            try:
                result = await pipeline.run(job.scenario.situation, job.channel, job.language, job.scenario.situation.tone)
                record = make_record(job, result, backend_name, model, time.perf_counter() - t0, counter[0])
            except BackendUnavailable:
                raise
            except Exception as exc:  # one broken draft must not lose the run: it becomes an error record
                record = EvalRecord(
                    key=job.key, scenario=job.scenario.name, scenario_sha=job.scenario.sha, channel=job.channel,
                    language=job.language, repeat=job.repeat, backend=backend_name, model=model, status="error",
                    error=f"{type(exc).__name__}: {exc}", retries=counter[0],
                    latency=round(time.perf_counter() - t0, 4), finished_at=_now(),
                )
            if judge is not None and record.text:
                record.judge = (await judge.judge(record.text, job.channel, job.language, record.report)).model_dump(mode="json")
            record.retries = counter[0]
            _task_retries.reset(token)
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
        if http_client is not None:
            await http_client.aclose()

    records_by_key = {**done, **new}
    records = [records_by_key[job.key] for job in jobs if job.key in records_by_key]
    run = EvalRun(
        out=out, records=records, summary={}, planned=len(jobs), drafted=len(new), skipped=len(done),
        bad_lines=bad_lines, retries=transport.retries if transport is not None else 0,
    )
    if bad_lines:
        run.notes.append(f"{bad_lines} unreadable line(s) in {results_path} were drafted again")
    checker = checker_section() if config.checker_eval else None
    run.summary = summarize(records, planned=len(jobs), info=info, checker=checker,
                            elapsed=time.perf_counter() - started, drafted=len(new))
    write_json_atomically(out / SUMMARY, run.summary)
    return run


# ---------------------------------------------------------------------------------------------------
# Summary


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (0–100) with linear interpolation, as numpy's default."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _group(records: list[EvalRecord], attribute: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[EvalRecord]] = {}
    for record in records:
        groups.setdefault(str(getattr(record, attribute)), []).append(record)
    return {
        name: {
            "drafts": len(items),
            "passed": sum(r.passed for r in items),
            "pass_rate": _rate(sum(r.passed for r in items), len(items)),
            "mean_score": round(sum(r.score for r in items) / len(items), 4),
        }
        for name, items in groups.items()
    }


def rule_rates(records: Iterable[EvalRecord]) -> dict[str, dict[str, Any]]:
    """Per rule: on how many drafts it applied, how many passed it, its severity and guideline."""
    rules: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.report is None:
            continue
        for check in record.report.checks:
            entry = rules.setdefault(check.rule, {"severity": check.severity, "guideline": check.guideline,
                                                  "applicable": 0, "passed": 0})
            entry["applicable"] += 1
            entry["passed"] += check.passed
    for entry in rules.values():
        entry["pass_rate"] = _rate(entry["passed"], entry["applicable"])
    return dict(sorted(rules.items()))


def summarize(
    records: list[EvalRecord],
    planned: int | None = None,
    info: dict[str, Any] | None = None,
    checker: dict[str, Any] | None = None,
    elapsed: float | None = None,
    drafted: int | None = None,
) -> dict[str, Any]:
    """Aggregate records into the figures of ``summary.json`` (and of the reports)."""
    n = len(records)
    passed = sum(r.passed for r in records)
    latencies = [r.latency for r in records if r.status == "done"]
    calls = sum(r.llm_calls for r in records)
    tokens = sum((r.tokens for r in records), Usage())
    bins = [0] * SCORE_BINS
    for r in records:
        bins[min(int(r.score * SCORE_BINS), SCORE_BINS - 1)] += 1
    calls_hist: dict[str, int] = {}
    for r in records:
        calls_hist[str(r.llm_calls)] = calls_hist.get(str(r.llm_calls), 0) + 1
    summary: dict[str, Any] = {
        "tactful_version": _version(),
        "created": _now(),
        "backend": (info or {}).get("backend"),
        "model": (info or {}).get("model"),
        "config": (info or {}).get("config"),
        "planned": planned if planned is not None else n,
        "drafts": n,
        "pending": (planned - n) if planned is not None else 0,
        "drafted_now": drafted,
        "elapsed_s": round(elapsed, 3) if elapsed is not None else None,
        "errors": sum(r.status == "error" for r in records),
        "passed": passed,
        "pass_rate": _rate(passed, n),
        "mean_score": round(sum(r.score for r in records) / n, 4) if n else None,
        "min_score": round(min(r.score for r in records), 4) if n else None,
        "compliant_final": sum(r.compliant for r in records),
        "fallbacks": sum(r.fallback for r in records),
        "llm_calls": calls,
        "accepted": passed,
        "llm_calls_per_accepted": round(calls / passed, 4) if passed else None,
        "llm_calls_histogram": dict(sorted(calls_hist.items(), key=lambda kv: int(kv[0]))),
        "tokens": tokens.model_dump(exclude={"calls"}),
        "retries": sum(r.retries for r in records),
        "latency_s": {
            name: (round(v, 4) if (v := percentile(latencies, q)) is not None else None)
            for name, q in (("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99), ("max", 100))
        } | {"mean": round(sum(latencies) / len(latencies), 4) if latencies else None},
        "score_histogram": {"edges": [round(i / SCORE_BINS, 2) for i in range(SCORE_BINS + 1)], "counts": bins},
        "by_rule": rule_rates(records),
        "by_channel": _group(records, "channel"),
        "by_language": _group(records, "language"),
        "by_scenario": _group(records, "scenario"),
        "judge": None,
        "checker": checker,
    }
    if any(r.judge for r in records):
        from .judge import agreement

        summary["judge"] = agreement(records)
    return summary


def _version() -> str:
    from .. import __version__

    return __version__


def checker_section() -> dict[str, Any]:
    """`tactful eval-checker` as part of the run: precision, recall and F1 per rule and language."""
    from ..checker_eval import evaluate_checker

    return evaluate_checker().model_dump(mode="json")


def gate(summary: dict[str, Any], min_score: float) -> list[str]:
    """Why the run falls below ``min_score`` (empty when it does not): the mean score or the pass rate."""
    failures = []
    for name in ("mean_score", "pass_rate"):
        value = summary.get(name)
        if value is None or value < min_score:
            shown = "n/a" if value is None else f"{value:.3f}"
            failures.append(f"{name.replace('_', ' ')} {shown} < {min_score:g}")
    return failures
