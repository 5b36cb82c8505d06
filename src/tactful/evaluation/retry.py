"""Retries of the LLM requests of a run: an httpx transport that retries 429 and 5xx answers with
exponential back-off and honours ``Retry-After``, so that a rate limit is waited out instead of turning
into a composer fallback that would distort the figures. Every retry is counted once, here: for the run
(``transport.retries``) and for the draft whose task made the request (`counting_retries`).

httpx loads only when a client is built, so that a composer run never imports it.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import email.utils
import math
import random
from collections.abc import Callable, Iterator
from typing import Any

from ..retry import RetryPolicy
from ..settings import Settings


def _httpx() -> Any:
    """The httpx flavour the installed openai SDK is built on (``httpx2`` in newer releases)."""
    try:
        import httpx2

        return httpx2
    except ImportError:  # pragma: no cover - older openai releases
        import httpx

        return httpx


# The retries of the draft (or judgement) running in the current asyncio task, for its record.
_task_retries: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("tactful_eval_retries", default=None)


@contextlib.contextmanager
def counting_retries() -> Iterator[list[int]]:
    """A one-item counter of the retries that requests of the current asyncio task make inside the block.

    A context variable rather than an argument, because the requests are made deep inside the SDK; each
    asyncio task runs in its own copy of the context, so concurrent drafts count apart.
    """
    counter = [0]
    token = _task_retries.set(counter)
    try:
        yield counter
    finally:
        _task_retries.reset(token)


def retryable(status: int) -> bool:
    """429 Too Many Requests and the 5xx server errors."""
    return status == 429 or 500 <= status <= 599


def retry_delay(headers: Any, attempt: int, policy: RetryPolicy, rng: random.Random | None = None) -> float:
    """Seconds to wait before retry number ``attempt + 1``: what ``Retry-After`` (seconds or an HTTP
    date) or OpenAI's ``retry-after-ms`` asks for, weighed by the policy (`RetryPolicy.delay`)."""
    return policy.delay(attempt, _retry_after(headers), rng)


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


def retry_transport(policy: RetryPolicy, connections: int = 100, sleep: Callable[[float], Any] | None = None) -> Any:
    """An async HTTP transport that retries 429/5xx answers (see `retry_delay`).

    A 5xx whose body mentions ``response_format`` is passed on at once: that is a server refusing a
    structured-output mode, which `ChatClient` answers by stepping down, not a transient failure.
    ``transport.retries`` counts every retry; the current task's counter (see `counting_retries`) too.
    """
    httpx = _httpx()

    # Defined here because its base class comes from whichever httpx `_httpx` finds.
    class RetryTransport(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
            self.inner = httpx.AsyncHTTPTransport(limits=limits)
            self.policy = policy
            self.retries = 0
            self.sleep = sleep or asyncio.sleep
            self.rng = random.Random()

        async def handle_async_request(self, request: Any) -> Any:
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


def _decoded(httpx: Any, response: Any, raw: bytes) -> bytes:
    try:
        probe = httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(raw))
        return probe.read()
    except Exception:  # an undecodable body: look at the raw bytes
        return raw


def retrying_client(policy: RetryPolicy, connections: int, timeout: float) -> tuple[Any, Any]:
    """An httpx ``AsyncClient`` that sends through a `retry_transport`, and that transport."""
    transport = retry_transport(policy, connections=connections)
    return _httpx().AsyncClient(transport=transport, timeout=timeout), transport


def counted(settings: Settings) -> Settings:
    """``settings`` for a client that sends through the retrying transport: the SDK's own retries off, so
    that every retry is counted once, here."""
    return settings.model_copy(update={"max_retries": 0})
