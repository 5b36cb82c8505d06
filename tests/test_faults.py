"""Every fault of an LLM server ends in a compliant draft (retry or composer fallback) or a clear
error — never a traceback, a hang or a secret in the output."""

from __future__ import annotations

import json
import time

import pytest
from support.model_answers import grounded_reply
from support.openai_server import Reply, ScriptedOpenAIServer
from support.scenarios import SCENARIO

from tactful import Settings, draft
from tactful.situation import load_situation

SECRET = "sk-live-THIS-MUST-NEVER-LEAK-123456"


def settings_for(server, **extra) -> Settings:
    values = {"base_url": server.base_url, "api_key": SECRET, "model": "scripted", "max_retries": 0, "timeout": 3}
    return Settings(**{**values, **extra})


FAULTS = {
    "http-500": Reply(status=500, error_message="internal"),
    "http-503": Reply(status=503),
    "not-json": Reply(raw_body=b"<html>502 Bad Gateway</html>"),
    "wrong-schema-json": Reply(raw_body=json.dumps({"unexpected": True}).encode()),
    "empty-reply": Reply(content=""),
    "truncated": Reply(content='{"kind": "email", "subject": "Hi", "body": "Dear', finish_reason="length"),
    "schema-mismatch": Reply(content=json.dumps({"kind": "email", "subject": 5})),
    "hostile-every-time": Reply(content=json.dumps({"kind": "email", "subject": "You", "body": "You idiots never pay. Your fault!!"})),
    "401-echoing-the-key": Reply(status=401, error_message=f"Incorrect API key provided: {SECRET}"),
}


@pytest.mark.parametrize("name", FAULTS)
def test_fault_ends_in_a_compliant_draft_or_a_clear_error(name):
    from tactful import BackendUnavailable

    with ScriptedOpenAIServer() as server:
        server.default = FAULTS[name]
        try:
            result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
        except BackendUnavailable as exc:
            assert name == "401-echoing-the-key"
            assert SECRET not in str(exc) and "OPENAI_API_KEY" in str(exc)
            return
    assert result.compliant and result.fallback and result.backend == "composer"
    assert result.fallback_reason and "Traceback" not in result.fallback_reason
    assert SECRET not in result.model_dump_json()


def test_429_with_retry_after_is_retried():
    with ScriptedOpenAIServer() as server:
        server.enqueue(Reply(status=429, headers={"Retry-After": "0"}), grounded_reply())
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server, max_retries=2))
    assert len(server.chat_requests) == 3 and result.backend == "openai" and result.compliant  # 429, draft, critic


def test_503_then_success_is_retried():
    with ScriptedOpenAIServer() as server:
        server.enqueue(Reply(status=503), grounded_reply())
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server, max_retries=1))
    assert result.backend == "openai" and not result.fallback


def test_total_wait_has_a_ceiling():
    with ScriptedOpenAIServer() as server:
        server.default = Reply(delay=0.4, content=json.dumps({"kind": "email", "subject": "x", "body": "You idiots."}))
        started = time.perf_counter()
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server, max_wait=1.0), max_revisions=5)
        elapsed = time.perf_counter() - started
    assert elapsed < 3 and result.fallback and "TACTFUL_MAX_WAIT" in result.fallback_reason


def test_cli_never_prints_the_key(run_cli, tmp_path):
    with ScriptedOpenAIServer() as server:
        server.default = Reply(status=401, error_message=f"Incorrect API key provided: {SECRET}")
        result = run_cli("draft", str(SCENARIO), "--backend", "openai",
                         env={"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": SECRET, "TACTFUL_MAX_RETRIES": "0"})
    assert result.returncode == 2
    assert SECRET not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_out_file_is_not_half_written_on_failure(run_cli, tmp_path):
    out = tmp_path / "draft.txt"
    out.write_text("previous content")
    result = run_cli("draft", str(SCENARIO), "--backend", "openai", "--out", str(out),
                     env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_API_KEY": "k", "TACTFUL_MAX_RETRIES": "0"})
    assert result.returncode == 2 and out.read_text() == "previous content"
    assert not list(tmp_path.glob(".*.tmp"))
