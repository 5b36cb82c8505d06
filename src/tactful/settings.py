"""Settings from the environment, the way the OpenAI ecosystem expects them.

``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` select and reach the server (OpenAI itself, or Ollama, vLLM,
LM Studio, a llama.cpp server); Tactful's own settings carry the ``TACTFUL_`` prefix.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from .retry import RetryPolicy
from .vocab import BackendName

_POLICY = RetryPolicy()  # the defaults of the retry knobs live in the policy

PromptSize = Literal["full", "compact"]
OutputMode = Literal["auto", "json_schema", "json_object", "text"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TACTFUL_", extra="ignore", populate_by_name=True)

    backend: BackendName = "auto"
    model: str = Field(default="gpt-4o-mini", description="Model name on the OpenAI-compatible server")
    api_key: SecretStr | None = Field(default=None, validation_alias=AliasChoices("TACTFUL_API_KEY", "OPENAI_API_KEY"))
    base_url: str | None = Field(default=None, validation_alias=AliasChoices("TACTFUL_BASE_URL", "OPENAI_BASE_URL"))
    timeout: float = Field(default=_POLICY.timeout, gt=0, description="Seconds one LLM request may take")
    max_retries: int = Field(default=_POLICY.max_retries, ge=0, le=50, description="Retries of a failed request, with back-off")
    reasks: int = Field(default=_POLICY.reasks, ge=0, le=5, description="Re-asks of a reply that does not match the schema")
    max_revisions: int = Field(default=_POLICY.max_revisions, ge=0, le=10, description="Revision rounds after an LLM's first draft")
    temperature: float = Field(default=0.3, ge=0, le=2)
    max_wait: float = Field(default=_POLICY.max_wait, gt=0, description="Ceiling in seconds on all LLM work for one draft")
    max_tokens: int | None = Field(default=None, gt=0, description="Ceiling on the tokens of one reply (unset: the server's)")
    output_mode: OutputMode = Field(default="auto", description="How replies are asked for: 'auto' starts at json_schema and steps down where a server refuses it")
    prompt: PromptSize = Field(default="full", description="'compact' leaves the guideline examples out, for small local models")
    critic: bool = Field(default=True, description="After the rules pass an LLM draft, the same model quotes what still blames or judges the client")
    ui_auth: SecretStr | None = Field(default=None, description="'user:password' for basic auth of the web UI")
    database_url: str | None = Field(default=None, description="The history's database (SQLAlchemy URL); unset: tactful.db in the user's data directory")
    history: bool = Field(default=True, description="Save situations, drafts, checks and replies to the history (0 turns it off)")

    @property
    def llm_configured(self) -> bool:
        """An LLM server is configured: a key for OpenAI itself, or the address of a local server."""
        return self.api_key is not None or bool(self.base_url)

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy these settings ask for (`tactful.retry`)."""
        return RetryPolicy(max_retries=self.max_retries, reasks=self.reasks, max_revisions=self.max_revisions,
                           timeout=self.timeout, max_wait=self.max_wait)

    def resolve_backend(self, requested: str | None = None) -> Literal["composer", "openai"]:
        choice = requested or self.backend
        if choice == "auto":
            return "openai" if self.llm_configured else "composer"
        return choice  # type: ignore[return-value]


class SettingsError(ValueError):
    """An environment variable holds a value Tactful cannot use."""


_SECRET_FIELDS = {"api_key", "ui_auth", "database_url"}  # a URL may hold a password


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment (and ``overrides``); a bad value raises `SettingsError` with one
    line naming the variable, never the value of a secret."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            field = str(error["loc"][0]) if error["loc"] else ""
            name = field if field.isupper() else f"TACTFUL_{field.upper()}"
            shown = "" if field in _SECRET_FIELDS or field.isupper() else f"={error.get('input')!r}"
            problems.append(f"{name}{shown}: {error['msg']}")
        raise SettingsError("bad setting: " + "; ".join(problems)) from None
