"""What a `tactful eval` run is asked to do: its options (`EvalConfig`, with the `RetryPolicy` its HTTP
transport follows), and the one error it raises for anything the user must fix (`EvalError`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..retry import RetryPolicy
from ..vocab import CHANNELS, BackendName, Channel, Language

DEFAULT_LANGUAGES: tuple[Language, ...] = ("ru", "en")


class EvalError(RuntimeError):
    """The run cannot start or go on (bad options, unreadable scenarios, unreachable server): one line."""


# A run waits out a busy server longer than one draft does: a fallback would distort the figures.
EVAL_RETRY = RetryPolicy(max_retries=6)


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
    max_revisions: int | None = Field(default=None, ge=0, le=10, description="None: TACTFUL_MAX_REVISIONS")
    limit: int | None = Field(default=None, ge=0, description="Draft at most this many of the missing keys")
    checker_eval: bool = True
    retry: RetryPolicy = EVAL_RETRY
