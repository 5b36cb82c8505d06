"""The evaluation run (`tactful.evaluation.run`): planning, results.jsonl, resume, concurrency and retries
against the loopback OpenAI-compatible server."""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import threading
import time

import pytest
from support.model_answers import COMPOSER, compliant_answer
from support.openai_server import Reply, ScriptedOpenAIServer, is_critic_request
from support.scenarios import SCENARIOS, scenario_dir

from tactful.evaluation.config import EvalConfig, EvalError, RetryPolicy
from tactful.evaluation.records import load_records
from tactful.evaluation.retry import retry_delay
from tactful.evaluation.run import run_eval
from tactful.evaluation.summary import percentile
from tactful.settings import Settings
from tactful.situation import load_situation

FAST_RETRY = RetryPolicy(backoff_base=0.01, backoff_cap=0.05)


def llm_settings(server: ScriptedOpenAIServer) -> Settings:
    return Settings(base_url=server.base_url, api_key="sk-test", model="scripted", timeout=10, max_retries=0)


def run(config: EvalConfig, **kwargs):
    return asyncio.run(run_eval(config, **kwargs))


# --- composer -----------------------------------------------------------------------------------------


def test_composer_over_every_scenario_writes_one_record_per_key(tmp_path):
    config = EvalConfig(out=tmp_path / "run", backend="composer", channels=["call"], languages=["en", "ru"], checker_eval=False)
    planned = []
    result = run(config, on_plan=lambda todo, skipped: planned.append((todo, skipped)))
    scenarios = len(list(SCENARIOS.glob("*.yaml")))
    assert planned == [(2 * scenarios, 0)]
    lines = (tmp_path / "run" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    keys = [json.loads(line)["key"] for line in lines]
    assert len(keys) == len(set(keys)) == 2 * scenarios
    first = json.loads(lines[0])
    for field in ("scenario", "channel", "language", "backend", "model", "text", "report", "attempts", "timings", "tokens"):
        assert field in first
    summary = json.loads((tmp_path / "run" / "summary.json").read_text(encoding="utf-8"))
    assert summary["drafts"] == summary["planned"] == 2 * scenarios and summary["pending"] == 0
    assert summary["pass_rate"] == 1.0 and summary["fallbacks"] == 0 and summary["llm_calls"] == 0
    assert set(summary["by_channel"]) == {"call"} and set(summary["by_language"]) == {"en", "ru"}
    assert summary["by_rule"]["accusation"]["applicable"] == 2 * scenarios
    assert summary["latency_s"]["p50"] is not None and summary["checker"] is None
    assert result.records[0].backend == "composer" and result.records[0].passed


def test_resume_after_an_interrupted_run_does_not_redo_finished_drafts(tmp_path):
    scenarios = scenario_dir(tmp_path, "01-scope-creep-web-studio", "02-scope-creep-ux-designer", "08-missed-meetings-architect")
    base = dict(scenarios=scenarios, out=tmp_path / "run", backend="composer", channels=["email", "meeting"], checker_eval=False)
    first = run(EvalConfig(**base, limit=5))  # stops after 5 of 12 drafts, as an interrupt would
    assert first.drafted == 5 and first.summary["pending"] == 7
    results = tmp_path / "run" / "results.jsonl"
    before = results.read_text(encoding="utf-8").splitlines()
    # A crash in the middle of a write leaves a cut line: it is skipped and drafted again.
    with results.open("a", encoding="utf-8") as handle:
        handle.write(before[-1][: len(before[-1]) // 2])

    with pytest.raises(EvalError, match="--resume"):
        run(EvalConfig(**base))
    second = run(EvalConfig(**base, resume=True))
    assert second.skipped == 5 and second.drafted == 7 and second.bad_lines == 1
    after = results.read_text(encoding="utf-8").splitlines()
    assert after[:5] == before  # the finished lines are untouched
    records, bad = load_records(results)
    assert len(records) == 12 and bad == 1
    assert second.summary["drafts"] == 12 and second.summary["pending"] == 0

    third = run(EvalConfig(**base, resume=True))
    assert third.drafted == 0 and third.skipped == 12


def test_resume_refuses_a_run_of_another_backend(tmp_path):
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")
    run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="composer", channels=["email"], checker_eval=False))
    with ScriptedOpenAIServer() as server:
        with pytest.raises(EvalError, match="backend 'composer'"):
            run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email"],
                           resume=True, checker_eval=False), settings=llm_settings(server))


def test_a_broken_draft_becomes_an_error_record_and_the_run_goes_on(tmp_path, monkeypatch):
    from tactful.pipeline import Pipeline

    original = Pipeline.run

    async def flaky_run(self, situation, channel, language, tone, on_text=None):
        if channel == "call":
            raise RuntimeError("composer exploded")
        return await original(self, situation, channel, language, tone, on_text)

    monkeypatch.setattr(Pipeline, "run", flaky_run)
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")
    result = run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="composer", channels=["email", "call"],
                            languages=["en"], checker_eval=False))
    status = {r.channel: r.status for r in result.records}
    assert status == {"email": "done", "call": "error"}
    assert "composer exploded" in next(r.error for r in result.records if r.status == "error")
    assert result.summary["errors"] == 1 and result.summary["pass_rate"] == 0.5


# --- LLM backend against the loopback server ----------------------------------------------------------


def test_concurrency_16_against_a_server_failing_a_fifth_of_requests_loses_nothing(tmp_path):
    scenarios = scenario_dir(tmp_path, "04-late-payments-translation-agency", "08-missed-meetings-architect",
                             "12-constant-complaints-it-outsourcing")
    rng = random.Random(7)
    lock = threading.Lock()
    in_flight = [0, 0]  # now, most

    def flaky(body):
        with lock:
            roll = rng.random()
            in_flight[0] += 1
            in_flight[1] = max(in_flight[1], in_flight[0])
        try:
            time.sleep(0.03)
            if roll < 0.1:
                return Reply(status=429, headers={"Retry-After": "0"})
            if roll < 0.2:
                return Reply(status=503)
            return compliant_answer(body)
        finally:
            with lock:
                in_flight[0] -= 1

    for path in scenarios.glob("*.yaml"):  # warm the composer up: the server must not be the bottleneck
        COMPOSER.compose(load_situation(path), "email", "en")
    config = EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email", "call"],
                        languages=["en"], repeat=8, concurrency=16, checker_eval=False,
                        # Enough retries that no request meets a fifth's failure on every try: with the default two,
                        # one of some 150 requests does now and then (0.2³ each), and its draft falls back.
                        retry=FAST_RETRY.model_copy(update={"max_retries": 8}))
    with ScriptedOpenAIServer(default=flaky) as server:
        result = run(config, settings=llm_settings(server))
        requests = len(server.chat_requests)
    records, bad = load_records(tmp_path / "run" / "results.jsonl")
    assert len(records) == 48 and bad == 0  # every draft ended in a result
    assert all(r.status == "done" and r.backend == "openai" and r.model == "scripted" for r in records.values())
    assert not any(r.fallback for r in records.values())  # a 429/503 was waited out, not turned into a fallback
    assert result.summary["pass_rate"] == 1.0
    retries = sum(r.retries for r in records.values())
    assert retries == result.retries == result.summary["retries"] > 0
    assert requests == result.summary["llm_calls"] + retries
    assert result.summary["llm_calls_per_accepted"] == 2.0  # the draft and the critic reading it
    assert in_flight[1] >= 8  # the semaphore let many drafts run at once


def test_resume_with_an_llm_backend_sends_only_the_missing_drafts(tmp_path):
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect", "12-constant-complaints-it-outsourcing")
    base = dict(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email", "meeting"],
                languages=["en"], concurrency=4, checker_eval=False)
    with ScriptedOpenAIServer(default=compliant_answer) as server:
        run(EvalConfig(**base, limit=3), settings=llm_settings(server))
        assert sum(not is_critic_request(r.body) for r in server.chat_requests) == 3
        second = run(EvalConfig(**base, resume=True), settings=llm_settings(server))
        assert sum(not is_critic_request(r.body) for r in server.chat_requests) == 4
    assert second.skipped == 3 and second.drafted == 1 and second.summary["drafts"] == 4


def test_refused_response_format_is_negotiated_not_retried(tmp_path):
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")
    with ScriptedOpenAIServer() as server:
        server.default = lambda body: Reply(content=compliant_answer(body), reject_response_format={"json_schema"})
        result = run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email"],
                                languages=["en"], retry=FAST_RETRY, checker_eval=False), settings=llm_settings(server))
        formats = [r.response_format_type for r in server.chat_requests]
    assert formats == ["json_schema", "json_object", "json_object"] and result.retries == 0  # the last: the critic
    assert result.records[0].passed and not result.records[0].fallback


def test_eval_honours_the_reply_ceiling_and_sends_the_prompt_size(tmp_path):
    # The eval builds its backend around its retrying transport; the user's LLM settings still apply.
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")
    with ScriptedOpenAIServer(default=compliant_answer) as server:
        settings = llm_settings(server).model_copy(update={"max_tokens": 321, "prompt": "compact"})
        run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email"],
                       languages=["en"], checker_eval=False), settings=settings)
        body = server.chat_requests[0].body
        prompt = server.chat_requests[0].prompt_text
    assert body["max_tokens"] == 321 and body["max_completion_tokens"] == 321
    assert "Avoid:" not in prompt and "Hard rules" in prompt


def test_a_model_that_never_complies_is_scored_on_its_own_draft(tmp_path):
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")

    def accusing(body):
        content = json.loads(compliant_answer(body))
        content["body"] = "You always ignore our emails and it is your fault.\n\n" + content["body"]
        return json.dumps(content)

    with ScriptedOpenAIServer(default=accusing) as server:
        result = run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email"],
                                languages=["en"], checker_eval=False), settings=llm_settings(server))
    record = result.records[0]
    assert record.fallback and record.compliant  # the user would get the composer's draft ...
    assert not record.passed and "always ignore" in record.text  # ... but the backend is scored on its own
    assert {"accusation", "blame"} <= {v.rule for v in record.report.errors}
    assert record.llm_calls == 3 and [a.kind for a in record.attempts] == ["draft", "revision", "revision", "fallback"]
    assert result.summary["pass_rate"] == 0.0 and result.summary["fallbacks"] == 1
    assert result.summary["llm_calls_per_accepted"] is None


def test_an_unreachable_server_stops_the_run_with_one_line(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(base_url=f"http://127.0.0.1:{port}/v1", api_key="k", timeout=2, max_retries=0)
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")
    with pytest.raises(EvalError, match="cannot reach the LLM server"):
        run(EvalConfig(scenarios=scenarios, out=tmp_path / "run", backend="openai", channels=["email"], languages=["en"],
                       checker_eval=False), settings=settings)


def test_openai_without_a_server_configured_is_refused(tmp_path):
    with pytest.raises(EvalError, match="OPENAI_BASE_URL"):
        run(EvalConfig(out=tmp_path / "run", backend="openai", checker_eval=False), settings=Settings(api_key=None, base_url=None))


def test_bad_scenarios_are_named(tmp_path):
    directory = tmp_path / "scenarios"
    directory.mkdir()
    with pytest.raises(EvalError, match="no scenario files"):
        run(EvalConfig(scenarios=directory, out=tmp_path / "run", backend="composer"))
    (directory / "bad.yaml").write_text("client: {name: X}\nend_date: 2026-13-01\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.yaml: end_date"):
        run(EvalConfig(scenarios=directory, out=tmp_path / "run", backend="composer"))
    with pytest.raises(EvalError, match="no such directory"):
        run(EvalConfig(scenarios=tmp_path / "missing", out=tmp_path / "run", backend="composer"))


# --- retry policy -------------------------------------------------------------------------------------


def test_retry_after_is_honoured_in_seconds_dates_and_milliseconds():
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=8)
    assert retry_delay({"retry-after": "2"}, 0, policy) == 2.0
    assert retry_delay({"retry-after": "0"}, 3, policy) == 0.0
    assert retry_delay({"retry-after-ms": "250", "retry-after": "9"}, 0, policy) == 0.25
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= retry_delay({"retry-after": later}, 0, policy) <= 30
    rng = random.Random(1)
    for attempt in range(8):
        delay = retry_delay({}, attempt, policy, rng)
        expected = min(8, 0.5 * 2**attempt)
        assert expected / 2 <= delay <= expected  # exponential, capped, jittered
    assert retry_delay({"retry-after": "3600"}, 0, policy, rng) <= 0.5  # an absurd wait is not honoured


def test_percentile_interpolates_like_numpy():
    assert percentile([], 50) is None
    assert percentile([3.0], 95) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile(list(map(float, range(101))), 90) == 90.0
