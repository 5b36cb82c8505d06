"""How long Tactful waits and how often it tries again: one policy for every LLM request and draft.

The layers it governs, from the innermost out:
- a request that fails (429, 5xx, a dropped connection) is sent again ``max_retries`` times with
  exponential back-off (by the OpenAI SDK, or by the evaluation's counting transport, never by both);
- a reply that does not validate against the schema is sent back with the error ``reasks`` times;
- a draft the checker flags goes back for ``max_revisions`` rounds of revision;
- all LLM work on one draft ends after ``max_wait`` seconds, and the composer writes the message.
A server that refuses a structured-output mode is not retried but asked in the next mode down
(`tactful.llm`). The knobs are `Settings` fields; `Settings.retry` builds the policy from them.
"""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict, Field


class RetryPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_retries: int = Field(default=2, ge=0, le=50, description="Retries of a failed request")
    backoff_base: float = Field(default=0.5, ge=0, description="Seconds before the first retry; doubles each time")
    backoff_cap: float = Field(default=8.0, ge=0, description="Longest back-off between two retries")
    max_retry_after: float = Field(default=120.0, ge=0, description="Longest Retry-After a server may ask for")
    reasks: int = Field(default=1, ge=0, le=5, description="Re-asks of a reply that does not match the schema")
    max_revisions: int = Field(default=2, ge=0, le=10, description="Revision rounds after the first draft")
    timeout: float = Field(default=60.0, gt=0, description="Seconds one request may take")
    max_wait: float = Field(default=300.0, gt=0, description="Seconds all LLM work on one draft may take")
    # The critic must be done within this share of max_wait, so that its own deadline, not the ceiling on
    # the whole run, stops a slow critic: the ceiling would throw away the draft the rules passed.
    critic_share: float = Field(default=0.95, gt=0, le=1)

    def delay(self, attempt: int, asked: float | None = None, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``attempt + 1``.

        What the server ``asked`` for (its Retry-After) wins when it is at most ``max_retry_after``;
        otherwise ``backoff_base · 2^attempt`` capped at ``backoff_cap``, with jitter (a random 50–100 %)
        so that many waiting clients do not come back at the same instant.
        """
        if asked is not None and 0 <= asked <= self.max_retry_after:
            return asked
        backoff = min(self.backoff_cap, self.backoff_base * 2 ** min(attempt, 60))
        return backoff * (0.5 + 0.5 * (rng or random).random())
