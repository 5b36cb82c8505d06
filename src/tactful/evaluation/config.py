"""What a `tactful eval` run is asked to do: its options (`EvalConfig`), how it retries a busy server
(`RetryPolicy`), and the one error it raises for anything the user must fix (`EvalError`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..vocab import CHANNELS, BackendName, Channel, Language

DEFAULT_LANGUAGES: tuple[Language, ...] = ("ru", "en")


class EvalError(RuntimeError):
    """The run cannot start or go on (bad options, unreadable scenarios, unreachable server): one line."""


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
    backend: BackendName = "auto"
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
