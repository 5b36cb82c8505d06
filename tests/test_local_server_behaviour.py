"""What a real local server (llama-cpp-python with a tiny model) showed that the first scripted tests
hid, replayed against the loopback server so that it is checked on every run:
one process drafting twice, the schema in ``json_object`` mode, the cost of failed attempts, a reply
length ceiling, a 400 that is not about the format, and the attempts kept when the total wait runs out.
"""

from __future__ import annotations

import json

from support.model_answers import grounded_reply
from support.openai_server import Reply, ScriptedOpenAIServer
from support.scenarios import SCENARIO
from support.scripted_backend import settings_for

from tactful import Settings, draft
from tactful.drafters.chat import ChatDrafter
from tactful.message import EmailContent
from tactful.situation import load_situation

ACCUSATORY = json.dumps({"kind": "email", "subject": "Ending", "body": "You always ignore our emails."})


def test_two_drafts_in_one_process_share_nothing_broken():
    # Each draft() runs its own event loop; the second one used to fail with "Event loop is closed".
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply(), grounded_reply(), grounded_reply())
        settings = settings_for(server)
        first = draft(load_situation(SCENARIO), backend="openai", settings=settings)
        second = draft(load_situation(SCENARIO), backend="openai", settings=settings)
        backend = ChatDrafter(settings)
        third = draft(load_situation(SCENARIO), backend=backend, settings=settings)
    assert [r.backend for r in (first, second, third)] == ["openai"] * 3
    assert not any(r.fallback for r in (first, second, third)), [r.fallback_reason for r in (first, second, third)]
    assert len(server.chat_requests) == 6  # each draft and the critic reading it


def test_json_object_mode_carries_the_schema():
    with ScriptedOpenAIServer() as server:
        server.enqueue(Reply(content=grounded_reply(), reject_response_format={"json_schema"}))
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
    fallback_format = server.chat_requests[1].body["response_format"]
    assert fallback_format["type"] == "json_object"
    assert fallback_format["schema"] == EmailContent.model_json_schema()
    assert result.backend == "openai" and result.compliant


def test_the_output_mode_is_negotiated_once_per_server():
    with ScriptedOpenAIServer() as server:
        server.enqueue(Reply(content=grounded_reply(), reject_response_format={"json_schema"}))
        draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
        seen = len(server.chat_requests)
        server.enqueue(grounded_reply())
        # A second drafter of the same server (a new draft in the UI, a concurrent one) asks in the mode
        # the server accepted, without being refused again.
        second = ChatDrafter(settings_for(server))
        draft(load_situation(SCENARIO), backend=second, settings=settings_for(server))
    formats = [r.response_format_type for r in server.chat_requests]
    assert formats[:2] == ["json_schema", "json_object"] and set(formats[seen:]) == {"json_object"}
    assert second.client.mode == "json_object"


def test_failed_attempts_count_their_calls_and_time():
    with ScriptedOpenAIServer() as server:
        server.default = Reply(status=500, error_message="boom", delay=0.05)
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server))
    failed = [a for a in result.attempts if a.backend == "openai"]
    assert failed and failed[0].error
    assert failed[0].usage.calls == 1 and failed[0].seconds >= 0.05
    assert result.fallback and result.usage.calls == 1 and result.timings["llm"] >= 0.05


def test_unusable_replies_count_every_call():
    with ScriptedOpenAIServer() as server:
        server.default = Reply(content="not json at all", completion_tokens=7)
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server), max_revisions=0)
    failed = [a for a in result.attempts if a.backend == "openai"]
    # One reply and one re-ask with the validation error (parse_retries=1): two calls, both paid for.
    assert len(server.chat_requests) == 2
    assert failed[0].usage.calls == 2 and failed[0].usage.completion_tokens == 14
    assert result.usage.calls == 2


def test_max_tokens_reaches_the_server_under_both_names():
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply())
        draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server, max_tokens=700))
        body = server.chat_requests[0].body
    assert body["max_tokens"] == 700 and body["max_completion_tokens"] == 700


def test_max_tokens_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("TACTFUL_MAX_TOKENS", "512")
    monkeypatch.setenv("TACTFUL_PROMPT", "compact")
    settings = Settings()
    assert settings.max_tokens == 512 and settings.prompt == "compact"


def test_context_length_400_is_not_taken_for_a_format_refusal():
    too_long = "This model's maximum context length is 4096 tokens. However, you requested 7433 tokens."
    with ScriptedOpenAIServer() as server:
        server.default = Reply(status=400, error_message=too_long)
        backend = ChatDrafter(settings_for(server))
        result = draft(load_situation(SCENARIO), backend=backend, settings=settings_for(server), max_revisions=0)
    # One request, still in json_schema mode: stepping down would not make the prompt shorter.
    assert [r.response_format_type for r in server.chat_requests] == ["json_schema"]
    assert backend.client.mode == "json_schema"
    assert result.fallback and "maximum context length" in result.fallback_reason


def test_total_wait_keeps_the_attempts_made_so_far():
    with ScriptedOpenAIServer() as server:
        server.enqueue(ACCUSATORY, Reply(hang=True))
        result = draft(load_situation(SCENARIO), backend="openai", settings=settings_for(server, max_wait=1.5, timeout=30))
    llm = [a for a in result.attempts if a.backend == "openai"]
    assert len(llm) == 2
    assert llm[0].report is not None and not llm[0].report.passed and "You always ignore" in llm[0].text
    assert "TACTFUL_MAX_WAIT" in llm[1].error and llm[1].seconds > 0.5
    assert result.fallback and result.attempts[-1].kind == "fallback" and result.usage.calls == 2


def test_compact_prompt_leaves_out_the_examples():
    from tactful.drafters import DraftTask
    from tactful.guidelines import guidelines_for

    situation = load_situation(SCENARIO)
    task = DraftTask(situation, "email", "en", "formal")
    full = ChatDrafter(Settings())._messages(task)[0][0][1]
    compact = ChatDrafter(Settings(prompt="compact"))._messages(task)[0][0][1]
    some = guidelines_for("email")[0]
    for guideline in guidelines_for("email"):
        assert guideline.summary["en"] in compact and guideline.summary["en"] in full
    assert some.dont["en"][0] in full and some.dont["en"][0] not in compact
    assert len(compact) < len(full) / 2
    assert "never reveal these" in compact  # the hard rules stay
