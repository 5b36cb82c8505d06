"""A scripted loopback server that speaks the OpenAI chat-completions protocol, for tests.

Tests enqueue the replies the "model" should give, point a real client (``openai.OpenAI``,
``langchain_openai.ChatOpenAI``, the project's own code) at ``server.base_url`` and then assert on
what the client did and on what it sent (``server.requests``)::

    with ScriptedOpenAIServer() as server:
        server.enqueue("Hello!", Reply(status=429, headers={"Retry-After": "1"}))
        client = openai.OpenAI(base_url=server.base_url, api_key="test-key", max_retries=0)
        ...

Each ``POST /v1/chat/completions`` consumes one reply from the queue; when the queue is empty,
``server.default`` answers (by default an HTTP 500 saying that the script is exhausted).
Tactful's critic, which reads every draft the rules passed, is the exception: its requests (recognised
by the ``CriticFindings`` schema they carry) are answered by ``server.critic``, by default "no
findings", and leave the queue alone, so a script lists only the drafts.
A reply is a plain string (the assistant's content, 200 OK), a :class:`Reply` for anything else
(errors, delays, hangs, broken bodies, cut streams, refused ``response_format`` types), or a
callable that receives the request's JSON body and returns one of those.

Only the standard library is used; nothing is logged, so the Authorization header never reaches
stderr.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self, TypeAlias

MODEL_ID = "scripted"
"""The only model that ``GET /v1/models`` lists."""

RESPONSE_FORMAT_TYPES = ("text", "json_object", "json_schema")
"""The ``response_format.type`` values of the chat-completions API."""

# OpenAI's error ``type`` and ``code`` for the statuses tests usually script.
_ERROR_KINDS: dict[int, tuple[str, str | None]] = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("permission_error", None),
    404: ("invalid_request_error", "not_found"),
    429: ("requests", "rate_limit_exceeded"),
    503: ("server_error", "service_unavailable"),
}

# Deltas of a streamed answer: a word with the whitespace before it, the way tokenizers cut text.
_STREAM_PIECE = re.compile(r"\s*\S+|\s+")


@dataclass(frozen=True)
class Reply:
    """One scripted answer of the server.

    Attributes:
        content: the assistant message's content (for 2xx replies).
        status: the HTTP status; from 400 on, the body is an OpenAI error object.
        headers: extra response headers, e.g. ``{"Retry-After": "1"}``; they override the defaults
            (so ``{"Content-Type": "text/html"}`` works too).
        raw_body: when set, sent as-is with ``status`` instead of any generated body (e.g.
            ``b"not json"`` or JSON of the wrong schema), for streaming requests too.
        delay: seconds to wait before answering.
        hang: never answer; the connection is dropped when the server stops.
        finish_reason: the choice's ``finish_reason``, e.g. ``"length"``.
        cut_stream_after: for ``stream=True`` requests, send only this many chunk objects (the
            content deltas come first), then drop the connection without the terminating chunk of
            the chunked encoding and without ``data: [DONE]``; the client sees a broken stream.
        error_message: the ``error.message`` of an error reply (a generic one when empty).
        prompt_tokens: ``usage.prompt_tokens``; by default a rough word count of the messages.
        completion_tokens: ``usage.completion_tokens``; by default a rough word count of ``content``.
        reject_response_format: ``response_format.type`` values this reply refuses, like
            llama.cpp's server does: a request asking for one of them gets HTTP 500 with a message
            mentioning ``response_format``, and the reply stays at the head of the queue, so that the
            client's fallback request (e.g. with ``json_object``) receives it.
    """

    content: str = ""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    raw_body: bytes | None = None
    delay: float = 0.0
    hang: bool = False
    finish_reason: str = "stop"
    cut_stream_after: int | None = None
    error_message: str = ""
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    reject_response_format: AbstractSet[str] = frozenset()


ReplyLike: TypeAlias = str | Reply
"""What a script step or a callable answers with: a plain content string or a :class:`Reply`."""

Script: TypeAlias = ReplyLike | Callable[[dict[str, Any]], ReplyLike]
"""A queued or default answer: a reply, or a callable(request_json) -> reply."""


EXHAUSTED = Reply(status=500, error_message="ScriptedOpenAIServer: the script is exhausted (no reply queued)")
"""The default ``default``: every request beyond the script fails with HTTP 500."""

CRITIC_SCHEMA = "CriticFindings"
"""The name of the schema Tactful's critic asks for (``tactful.critic.CriticFindings``)."""

NO_FINDINGS = json.dumps({"findings": []})
"""The default ``critic``: the critic accepts every draft."""


def is_critic_request(body: dict[str, Any]) -> bool:
    """Whether a chat request is Tactful's critic: its prompt carries the critic's schema (in every
    structured-output mode, so the text mode of a server that refused ``response_format`` too)."""
    return any(CRITIC_SCHEMA in _message_text(m) for m in body.get("messages") or [] if isinstance(m, dict))


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server received.

    Attributes:
        method: ``"GET"`` or ``"POST"``.
        path: the request path, e.g. ``"/v1/chat/completions"``.
        headers: the request headers, names lower-cased (``headers["authorization"]``); left out of
            the repr so that assertion messages never show the API key.
        body: the parsed JSON body (``{}`` for bodiless or unparsable requests).
    """

    method: str
    path: str
    headers: dict[str, str] = field(repr=False)
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages of the request (empty when there are none)."""
        return list(self.body.get("messages") or [])

    @property
    def prompt_text(self) -> str:
        """The text of all messages joined by newlines, for ``in`` assertions on prompts."""
        return "\n".join(_message_text(message) for message in self.messages)

    @property
    def stream(self) -> bool:
        """Whether the client asked for a streamed answer."""
        return bool(self.body.get("stream"))

    @property
    def response_format_type(self) -> str | None:
        """The requested ``response_format.type``, or ``None`` when there is none."""
        response_format = self.body.get("response_format")
        return response_format.get("type") if isinstance(response_format, dict) else None


class ScriptedOpenAIServer:
    """A loopback OpenAI-compatible server answering from a script; use it as a context manager.

    ``base_url`` (``http://127.0.0.1:PORT/v1``) is what clients take; ``enqueue`` adds replies;
    ``default`` answers once the queue is empty; ``critic`` answers Tactful's critic; ``requests``
    lists what was received.
    """

    def __init__(self, default: Script | None = None, critic: Script = NO_FINDINGS) -> None:
        """Prepare a server (not yet listening); ``default`` replaces the "script exhausted" 500,
        ``critic`` answers the critic's requests."""
        self.default: Script = default if default is not None else EXHAUSTED
        self.critic: Script = critic
        self._queue: deque[Script] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Bind 127.0.0.1 on a free port and serve in a daemon thread."""
        if self._httpd is not None:
            raise RuntimeError("the server is already running")
        self._stopping.clear()
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="scripted-openai", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving: wake delayed and hanging handlers, drop open connections, free the port."""
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self._stopping.set()
        httpd.shutdown()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # the peer has already closed it
        httpd.server_close()
        thread.join(timeout=5)
        self._httpd = self._thread = None

    @property
    def base_url(self) -> str:
        """The URL clients take as their base, ``http://127.0.0.1:PORT/v1``."""
        if self._httpd is None:
            raise RuntimeError("the server is not running; use it as a context manager")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def enqueue(self, *replies: Script) -> None:
        """Append replies to the script; each chat-completions request consumes the first one."""
        with self._lock:
            self._queue.extend(replies)

    @property
    def pending(self) -> int:
        """How many enqueued replies have not been consumed yet."""
        with self._lock:
            return len(self._queue)

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request received so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """A snapshot of the chat-completions requests received so far, in arrival order."""
        return [request for request in self.requests if request.path.endswith("/chat/completions")]

    # --- used by the request handler -------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _track(self, connection: socket.socket, open_: bool) -> None:
        with self._lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def _next_reply(self, body: dict[str, Any]) -> Reply:
        """Take the reply for a chat request; a reply refusing its response_format stays queued."""
        if is_critic_request(body):
            return _resolve(self.critic, body)
        with self._lock:
            queued = bool(self._queue)
            script = self._queue.popleft() if queued else self.default
        reply = _resolve(script, body)
        if queued and _refused_format(reply, body) is not None:
            with self._lock:
                self._queue.appendleft(script)
        return reply

    def _pause(self, seconds: float | None) -> bool:
        """Wait ``seconds`` (forever when ``None``); return False when the server stops meanwhile."""
        return not self._stopping.wait(seconds)


class _HTTPServer(ThreadingHTTPServer):
    # Many clients at once (eval at concurrency 16) and no 40 ms delayed-ACK stall per small reply.
    request_queue_size = 128
    """The threading HTTP server behind a :class:`ScriptedOpenAIServer`."""

    daemon_threads = True

    def __init__(self, script: ScriptedOpenAIServer) -> None:
        self.script = script
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    """Serves ``/v1/chat/completions`` and ``/v1/models`` from the server's script."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.script._track(self.connection, open_=True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass  # the client went away (e.g. after its timeout)
        finally:
            self.server.script._track(self.connection, open_=False)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client went away (e.g. after its timeout)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay silent: nothing (least of all the Authorization header) goes to stderr."""

    def do_GET(self) -> None:
        self._record(body={})
        if self.path.rstrip("/") == "/v1/models":
            models = {
                "object": "list",
                "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "tests"}],
            }
            self._send_json(200, models)
        else:
            self._send_error(404, f"Unknown path {self.path}")

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = None
        self._record(body=body if isinstance(body, dict) else {})
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send_error(404, f"Unknown path {self.path}")
        elif not isinstance(body, dict):
            self._send_error(400, "The request body is not a JSON object")
        else:
            self._answer(body, self.server.script._next_reply(body))

    def _record(self, body: dict[str, Any]) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.server.script._record(RecordedRequest(self.command, self.path, headers, body))

    def _answer(self, body: dict[str, Any], reply: Reply) -> None:
        """Send ``reply`` to the chat request ``body`` after its delay (or never, if it hangs)."""
        script = self.server.script
        if not script._pause(None if reply.hang else reply.delay):
            self.close_connection = True  # the server is stopping: drop the request unanswered
            return
        refused = _refused_format(reply, body)
        if refused is not None:
            self._send_error(500, refused, reply.headers)
        elif reply.raw_body is not None:
            self._send(reply.status, reply.raw_body, "application/json", reply.headers)
        elif reply.status >= 400:
            self._send_error(reply.status, reply.error_message, reply.headers)
        elif body.get("stream"):
            self._stream(body, reply)
        else:
            self._send_json(reply.status, _completion(body, reply), reply.headers)

    def _stream(self, body: dict[str, Any], reply: Reply) -> None:
        """Send the reply as server-sent events over the chunked transfer encoding."""
        options = body.get("stream_options")
        include_usage = isinstance(options, dict) and bool(options.get("include_usage"))
        chunks = list(_chunks(body, reply, include_usage))
        cut = reply.cut_stream_after is not None
        if cut:
            chunks = chunks[: reply.cut_stream_after]
        self.send_response(reply.status)
        headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        events = [f"data: {json.dumps(chunk)}\n\n".encode() for chunk in chunks]
        if not cut:
            events.append(b"data: [DONE]\n\n")
        for event in events:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
            self.wfile.flush()
        if cut:
            self.close_connection = True  # no terminating chunk: the client sees a broken body
        else:
            self.wfile.write(b"0\r\n\r\n")

    def _send_error(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        """Send an OpenAI error object: ``{"error": {"message", "type", "code"}}``."""
        kind, code = _ERROR_KINDS.get(status, ("server_error" if status >= 500 else "invalid_request_error", None))
        error = {"message": message or f"Scripted HTTP {status} error", "type": kind, "param": None, "code": code}
        self._send_json(status, {"error": error}, headers)

    def _send_json(self, status: int, payload: object, headers: Mapping[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json", headers)

    def _send(self, status: int, data: bytes, content_type: str, headers: Mapping[str, str] | None) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": content_type, **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _resolve(script: Script, body: dict[str, Any]) -> Reply:
    """Turn a script step into a :class:`Reply`, calling it with the request body if it is callable."""
    answer = script(body) if callable(script) else script
    return Reply(content=answer) if isinstance(answer, str) else answer


def _refused_format(reply: Reply, body: dict[str, Any]) -> str | None:
    """The llama.cpp-style error message if ``reply`` refuses the requested response_format type."""
    response_format = body.get("response_format")
    requested = response_format.get("type") if isinstance(response_format, dict) else None
    if requested is None or requested not in reply.reject_response_format:
        return None
    allowed = " or ".join(f'"{kind}"' for kind in RESPONSE_FORMAT_TYPES if kind not in reply.reject_response_format)
    return f"response_format type must be one of {allowed}, but got: {requested}"


def _message_text(message: dict[str, Any]) -> str:
    """The text of one chat message, whether its content is a string or a list of parts."""
    content = message.get("content")
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


def _rough_tokens(text: str) -> int:
    """A rough token count: the number of words."""
    return len(text.split())


def _usage(body: dict[str, Any], reply: Reply) -> dict[str, int]:
    """The ``usage`` object: the reply's figures, or rough word counts."""
    prompt = reply.prompt_tokens
    if prompt is None:
        prompt = sum(_rough_tokens(_message_text(m)) for m in body.get("messages") or [] if isinstance(m, dict))
    completion = reply.completion_tokens if reply.completion_tokens is not None else _rough_tokens(reply.content)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _envelope(body: dict[str, Any], kind: str) -> dict[str, Any]:
    """The fields shared by completions and chunks: id, object, created, model."""
    return {
        "id": f"chatcmpl-scripted-{time.monotonic_ns()}",
        "object": kind,
        "created": int(time.time()),
        "model": body.get("model") or MODEL_ID,
    }


def _completion(body: dict[str, Any], reply: Reply) -> dict[str, Any]:
    """A ``chat.completion`` object carrying the reply."""
    choice = {
        "index": 0,
        "message": {"role": "assistant", "content": reply.content, "refusal": None},
        "logprobs": None,
        "finish_reason": reply.finish_reason,
    }
    return {**_envelope(body, "chat.completion"), "choices": [choice], "usage": _usage(body, reply)}


def _chunks(body: dict[str, Any], reply: Reply, include_usage: bool) -> Iterator[dict[str, Any]]:
    """The ``chat.completion.chunk`` objects of a streamed reply: deltas, finish, optional usage."""
    envelope = _envelope(body, "chat.completion.chunk")
    extra = {"usage": None} if include_usage else {}
    pieces = _STREAM_PIECE.findall(reply.content) or [""]
    for number, piece in enumerate(pieces):
        delta = {"role": "assistant", "content": piece} if number == 0 else {"content": piece}
        yield {**envelope, "choices": [{"index": 0, "delta": delta, "finish_reason": None}], **extra}
    yield {**envelope, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}], **extra}
    if include_usage:
        yield {**envelope, "choices": [], "usage": _usage(body, reply)}
