"""With an LLM backend, the Draft tab shows the reply while it streams in."""

from __future__ import annotations

from support.model_answers import grounded_reply
from support.scenarios import SCENARIO
from support.scripted_backend import llm_env

from tactful.result import DraftResult
from tactful.situation import load_situation
from tactful.ui import stream_draft


def test_stream_draft_yields_partial_text_then_the_result(monkeypatch, scripted_llm):
    scripted_llm.enqueue(grounded_reply())
    for name, value in llm_env(scripted_llm).items():
        monkeypatch.setenv(name, value)
    updates = list(stream_draft(load_situation(SCENARIO)))
    *partials, final = updates
    assert isinstance(final, DraftResult) and final.backend == "openai" and final.compliant
    assert partials and all(isinstance(p, str) for p in partials)
    assert "Dear Richard," in partials[-1]


def test_one_ui_process_streams_draft_after_draft(monkeypatch, scripted_llm):
    # A UI session drafts again and again in one process; each draft runs in an event loop of its own.
    scripted_llm.enqueue(grounded_reply(), grounded_reply(), grounded_reply())
    for name, value in llm_env(scripted_llm).items():
        monkeypatch.setenv(name, value)
    finals = [list(stream_draft(load_situation(SCENARIO)))[-1] for _ in range(3)]
    assert [f.backend for f in finals] == ["openai"] * 3, [f.fallback_reason for f in finals]
    assert len(scripted_llm.chat_requests) == 6  # each draft and the critic reading it
