"""With an LLM backend, the Draft tab shows the reply while it streams in."""

from __future__ import annotations

from openai_server import ScriptedOpenAIServer
from test_openai_backend import SCENARIO, grounded_reply, llm_env

from tactful.drafts import DraftResult
from tactful.situation import load_situation
from tactful.ui import stream_draft


def test_stream_draft_yields_partial_text_then_the_result(monkeypatch):
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply())
        for name, value in llm_env(server).items():
            monkeypatch.setenv(name, value)
        updates = list(stream_draft(load_situation(SCENARIO)))
    *partials, final = updates
    assert isinstance(final, DraftResult) and final.backend == "openai" and final.compliant
    assert partials and all(isinstance(p, str) for p in partials)
    assert "Pell" in partials[-1]


def test_one_ui_process_streams_draft_after_draft(monkeypatch):
    # A UI session drafts again and again in one process; each draft runs in an event loop of its own.
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply(), grounded_reply(), grounded_reply())
        for name, value in llm_env(server).items():
            monkeypatch.setenv(name, value)
        finals = [list(stream_draft(load_situation(SCENARIO)))[-1] for _ in range(3)]
    assert [f.backend for f in finals] == ["openai"] * 3, [f.fallback_reason for f in finals]
    assert len(server.chat_requests) == 6  # each draft and the critic reading it
