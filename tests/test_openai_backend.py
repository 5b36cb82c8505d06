"""The real client path: langchain-openai against a loopback server that speaks the OpenAI protocol."""

from __future__ import annotations

import socket

import pytest
from support.model_answers import grounded_reply
from support.openai_server import NO_FINDINGS, Reply, ScriptedOpenAIServer
from support.scenarios import SCENARIO
from support.scripted_backend import settings_for

from tactful import BackendUnavailable, Settings, draft
from tactful.situation import load_situation


def test_openai_path_drafts_with_json_schema_and_usage():
    with ScriptedOpenAIServer(critic=Reply(content=NO_FINDINGS, prompt_tokens=100, completion_tokens=10)) as server:
        server.enqueue(Reply(content=grounded_reply(), prompt_tokens=900, completion_tokens=300))
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
    assert result.backend == "openai" and result.model == "scripted" and not result.fallback
    assert result.compliant and result.usage.calls == 2  # the draft and the critic
    assert result.usage.prompt_tokens == 1000 and result.usage.completion_tokens == 310
    request = server.chat_requests[0]
    assert request.response_format_type == "json_schema"
    assert request.headers["authorization"] == "Bearer sk-test-secret"
    assert "Richard Pell" in request.prompt_text and "<situation>" in request.prompt_text


def test_structured_output_mode_is_negotiated_down():
    with ScriptedOpenAIServer() as server:
        server.enqueue(Reply(content=grounded_reply(), reject_response_format={"json_schema"}))
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
    # The critic's request then keeps to the mode that worked.
    assert [r.response_format_type for r in server.chat_requests] == ["json_schema", "json_object", "json_object"]
    assert result.backend == "openai" and result.compliant


def test_accusatory_reply_is_revised_over_the_wire():
    bad = grounded_reply().replace("Thank you", "You always ignore our emails. Thank you", 1)
    with ScriptedOpenAIServer() as server:
        server.enqueue(bad, grounded_reply())
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
    assert len(server.chat_requests) == 3  # draft, revision, the critic reading the revision
    assert "[accusation]" in server.chat_requests[1].prompt_text
    assert result.compliant and not result.fallback and len(result.attempts) == 2


@pytest.mark.parametrize("reply", [Reply(status=500, error_message="boom"), Reply(status=503), Reply(raw_body=b"not json")])
def test_server_faults_fall_back_to_the_composer(reply):
    with ScriptedOpenAIServer() as server:
        server.default = reply
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
    assert result.fallback and result.backend == "composer" and result.compliant
    assert result.fallback_reason and "Traceback" not in result.fallback_reason
    assert "sk-test-secret" not in result.model_dump_json()


def test_timeout_is_honoured():
    with ScriptedOpenAIServer() as server:
        server.default = Reply(hang=True)
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server, timeout=0.5))
    assert result.fallback and "0.5 s" in result.fallback_reason


def test_unreachable_server_is_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(base_url=f"http://127.0.0.1:{port}/v1", api_key="k", max_retries=0, timeout=2)
    with pytest.raises(BackendUnavailable, match="cannot reach.*OPENAI_BASE_URL"):
        draft(load_situation(SCENARIO), backend="openai", settings=settings)


def test_cli_uses_the_configured_server(run_cli):
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply())
        result = run_cli("draft", str(SCENARIO), "--format", "json",
                         env={"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-x", "TACTFUL_MODEL": "scripted"})
    assert result.returncode == 0, result.stderr
    import json

    data = json.loads(result.stdout)
    assert data["backend"] == "openai" and data["model"] == "scripted" and data["fallback"] is False
    assert len(server.chat_requests) == 2  # the draft and the critic


def test_cli_unreachable_backend_exits_2(run_cli):
    result = run_cli("draft", str(SCENARIO), "--backend", "openai",
                     env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_API_KEY": "k", "TACTFUL_MAX_RETRIES": "0"})
    assert result.returncode == 2
    assert "cannot reach" in result.stderr and "Traceback" not in result.stderr


def test_streaming_reports_growing_readable_text():
    seen: list[str] = []
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply())
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server), on_text=seen.append)
    assert server.chat_requests[0].stream is True
    assert len(seen) > 5 and len(seen[-1]) > len(seen[len(seen) // 2]) > 0
    assert not seen[-1].lstrip().startswith("{")  # readable text, not raw JSON
    assert "Dear Richard," in seen[-1] and result.compliant and result.backend == "openai"


def test_cut_stream_falls_back_cleanly():
    with ScriptedOpenAIServer() as server:
        server.default = Reply(content=grounded_reply(), cut_stream_after=5)
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server), on_text=lambda _: None)
    assert result.fallback and result.compliant
