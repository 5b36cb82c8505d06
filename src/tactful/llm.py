"""The chat client: any OpenAI-compatible chat server through langchain-openai.

Replies are asked for as JSON matching a pydantic model. Servers differ in what they accept
(``json_schema``, ``json_object``, nothing), so with ``TACTFUL_OUTPUT_MODE=auto`` the mode is
negotiated once per server: the first request asks in the strictest mode, a refusal steps down, and
every client of that server in this process starts from what worked. A reply that does not validate
is sent back with the validation error, as instructor does, ``reasks`` times (`tactful.retry`).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .result import Usage
from .settings import Settings

MODES = ("json_schema", "json_object", "text")
# The mode each server (address and model; or a given chat model) was found to accept. A refusal only
# ever moves a server down, so concurrent requests that step down at once agree.
_NEGOTIATED: dict[object, str] = {}


class BackendUnavailable(RuntimeError):
    """The server cannot be used at all (unreachable, wrong key, unknown model): the user must act."""


class GenerationError(RuntimeError):
    """One generation failed (timeout, server error, unusable reply); a fallback can still help.

    ``usage`` and ``seconds`` count what the failed generation cost, so a failed attempt is not
    reported as free.
    """

    def __init__(self, message: str, usage: Usage | None = None, seconds: float = 0.0) -> None:
        super().__init__(message)
        self.usage = usage or Usage()
        self.seconds = seconds


class LLMReply(BaseModel):
    content: Any
    raw: str
    usage: Usage
    seconds: float


def _extract_json(text: str) -> str:
    """The JSON object in a reply that may wrap it in a code fence or chatter."""
    fenced = re.search(r"```(?:json)?\s*(\{.*\})\s*```", text, re.S)
    if fenced:
        return fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    return text[start : end + 1] if start != -1 and end > start else text


def _usage(message: Any) -> Usage:
    meta = getattr(message, "usage_metadata", None) or {}
    prompt, completion = meta.get("input_tokens", 0), meta.get("output_tokens", 0)
    return Usage(calls=1, prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion)


class ChatClient:
    """Asks a chat model for replies that validate as a pydantic model; by default a `ChatOpenAI` built
    from `Settings`, or any langchain chat model given as ``chat_model``."""

    def __init__(self, settings: Settings | None = None, chat_model: Any | None = None, http_client: Any | None = None) -> None:
        """``http_client``: an ``httpx.AsyncClient`` to send through (the eval's retrying transport, say);
        its owner keeps it to one event loop. By default every event loop gets a client of its own."""
        self.settings = settings or Settings()
        self.policy = self.settings.retry
        self._http_client = http_client
        self.model = self.settings.model if chat_model is None else getattr(chat_model, "model_name", None) or type(chat_model).__name__
        self._given = chat_model
        self._server: object = (self.settings.base_url, self.settings.model) if chat_model is None else id(chat_model)
        self._chats: dict[int, tuple[asyncio.AbstractEventLoop, Any]] = {}

    @property
    def mode(self) -> str:
        """The output mode the next request asks in: the setting, or what this server was found to accept."""
        if self.settings.output_mode != "auto":
            return self.settings.output_mode
        return _NEGOTIATED.get(self._server, MODES[0])

    def _step_down(self, refused: str) -> str | None:
        """The mode below ``refused``, remembered for the server; None when nothing is left to try."""
        if refused == MODES[-1] or self.settings.output_mode != "auto":
            return None
        lower = MODES[MODES.index(refused) + 1]
        known = _NEGOTIATED.get(self._server, MODES[0])
        _NEGOTIATED[self._server] = max(lower, known, key=MODES.index)
        return lower

    @property
    def chat(self) -> Any:
        """The chat model for the running event loop.

        An HTTP connection pool belongs to the loop that opened it, and every `tactful.draft()` runs in
        a loop of its own; langchain-openai shares one pool per server address across them, which fails
        with "Event loop is closed" on the second draft. So each loop gets its own client.
        """
        if self._given is not None:
            return self._given
        loop = asyncio.get_running_loop()
        for key, (known, _) in list(self._chats.items()):
            if known.is_closed():
                del self._chats[key]
        if id(loop) not in self._chats:
            self._chats[id(loop)] = (loop, self._chat_openai())
        return self._chats[id(loop)][1]

    def _chat_openai(self):
        import httpx
        from langchain_openai import ChatOpenAI

        key = self.settings.api_key.get_secret_value() if self.settings.api_key else "not-needed"
        limit = self.settings.max_tokens
        # ChatOpenAI sends the limit as max_completion_tokens, which OpenAI wants; llama.cpp's and some
        # other servers read only max_tokens, so for them it goes in the body under both names.
        extra = {"extra_body": {"max_tokens": limit}} if limit and self.settings.base_url else {}
        return ChatOpenAI(
            model=self.settings.model,
            api_key=key,
            base_url=self.settings.base_url,
            timeout=self.policy.timeout,
            max_retries=self.policy.max_retries,
            temperature=self.settings.temperature,
            max_tokens=limit,
            stream_usage=True,
            http_async_client=self._http_client or httpx.AsyncClient(timeout=self.policy.timeout, verify=_ssl_context()),
            **extra,
        )

    def _bound(self, schema: type[BaseModel], mode: str):
        if mode == "json_schema":
            fmt = {"type": "json_schema", "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema()}}
            return self.chat.bind(response_format=fmt)
        if mode == "json_object":
            # Servers that constrain generation (llama.cpp, vLLM) take the schema here; the rest ignore it.
            return self.chat.bind(response_format={"type": "json_object", "schema": schema.model_json_schema()})
        return self.chat

    async def generate(
        self, messages: list[tuple[str, str]], schema: type[BaseModel], on_text: Callable[[str], None] | None = None
    ) -> LLMReply:
        """Ask for one reply that validates as ``schema``; feed validation errors back if needed.

        With ``on_text``, the reply is streamed and ``on_text`` receives the readable text written so far.
        """
        conversation = list(messages)
        usage = Usage()
        started = time.perf_counter()
        last_error = ""
        for _ in range(self.policy.reasks + 1):
            try:
                message = await self._invoke(conversation, schema, on_text)
            except GenerationError as exc:
                raise GenerationError(str(exc), usage + Usage(calls=1), time.perf_counter() - started) from None
            usage = usage + _usage(message)
            raw = message.content if isinstance(message.content, str) else json.dumps(message.content)
            if not raw.strip():
                last_error = "the server returned an empty reply"
            elif (message.response_metadata or {}).get("finish_reason") == "length":
                last_error = "the reply was cut off (finish_reason: length)"
            else:
                try:
                    content = schema.model_validate_json(_extract_json(raw))
                    return LLMReply(content=content, raw=raw, usage=usage, seconds=time.perf_counter() - started)
                except ValidationError as exc:
                    last_error = f"the reply did not match the schema: {exc.errors(include_url=False)[:3]}"
            conversation += [("assistant", raw or "(empty)"), ("human", f"Your reply was not usable: {last_error}. Reply again with only the JSON object.")]
        raise GenerationError(last_error, usage, time.perf_counter() - started)

    async def _invoke(self, conversation: list[tuple[str, str]], schema: type[BaseModel], on_text=None):
        import openai

        mode = self.mode
        while True:
            try:
                if on_text is None:
                    return await self._bound(schema, mode).ainvoke(conversation)
                return await self._stream(self._bound(schema, mode), conversation, on_text)
            except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as exc:
                raise BackendUnavailable(f"the LLM server refused the request ({brief(exc)}); check OPENAI_API_KEY and TACTFUL_MODEL") from None
            except openai.APITimeoutError:
                raise GenerationError(f"the LLM server did not answer within {self.policy.timeout:g} s") from None
            except openai.APIConnectionError as exc:
                where = self.settings.base_url or "api.openai.com"
                raise BackendUnavailable(f"cannot reach the LLM server at {where} ({brief(exc)}); check OPENAI_BASE_URL or use --backend composer") from None
            except (openai.BadRequestError, openai.InternalServerError, openai.UnprocessableEntityError) as exc:
                # A 400 can also mean "prompt too long": only a complaint about the format is a refusal.
                refused_format = any(word in str(exc).lower() for word in _FORMAT_WORDS)
                lower = self._step_down(mode) if refused_format else None
                if lower is not None:
                    mode = lower  # a refusal is not a failure: ask again at once, one mode down
                    continue
                raise GenerationError(f"the LLM server failed ({brief(exc)})") from None
            except openai.APIStatusError as exc:
                raise GenerationError(f"the LLM server failed ({brief(exc)})") from None
            except openai.LengthFinishReasonError:
                raise GenerationError("the reply was cut off (finish_reason: length)") from None
            except (ValueError, TypeError, KeyError, AttributeError, openai.OpenAIError) as exc:
                # A body that is not JSON, or JSON that is not a chat completion: the client's parser fails.
                raise GenerationError(f"the LLM server sent an unreadable reply ({brief(exc)})") from None


    async def _stream(self, bound: Any, conversation, on_text: Callable[[str], None]):
        import openai

        message = None
        try:
            async for chunk in bound.astream(conversation):
                message = chunk if message is None else message + chunk
                on_text(readable(message.content if isinstance(message.content, str) else ""))
        except openai.APIConnectionError:
            if message is None:
                raise  # nothing arrived: the server is unreachable
            raise GenerationError("the server cut the stream in the middle of the reply") from None
        if message is None:
            raise GenerationError("the server closed the stream without a reply")
        return message


@cache
def _ssl_context():
    """One TLS context for every client: building one loads the CA bundle (~35 ms), and it is not tied
    to an event loop, unlike the connection pools."""
    import httpx

    return httpx.create_ssl_context()


_FORMAT_WORDS = ("response_format", "json_schema", "json_object", "response format")

_JSON_FIELD = re.compile(r'"(\w+)"\s*:\s*"((?:[^"\\]|\\.)*)')


def readable(partial_json: str) -> str:
    """The string values of a (possibly unfinished) JSON reply, one per line: what a person can read
    while the model is still writing."""
    values = []
    for key, raw in _JSON_FIELD.findall(partial_json):
        if key == "kind":  # the channel tag, not text
            continue
        try:
            values.append(json.loads(f'"{raw}"'))
        except json.JSONDecodeError:  # cut inside an escape sequence
            values.append(raw.replace("\\n", "\n"))
    return "\n\n".join(values) or partial_json


_KEYLIKE = re.compile(r"\b(?:sk|pk|key|api)[-_][\w*.-]{6,}", re.IGNORECASE)


def brief(exc: BaseException) -> str:
    """One line about a server error, with anything that looks like a key redacted (servers echo keys)."""
    status = getattr(exc, "status_code", None)
    text = _KEYLIKE.sub("[redacted]", str(exc).splitlines()[0][:200])
    return f"HTTP {status}: {text}" if status else text
