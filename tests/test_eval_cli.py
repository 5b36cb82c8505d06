"""`tactful eval` and `tactful eval compare` as a user runs them: files, exit codes, Ctrl-C and --resume."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.model_answers import compliant_answer
from support.openai_server import Reply, ScriptedOpenAIServer, is_critic_request
from support.scenarios import scenario_dir
from support.scripted_backend import llm_env

from tactful.evaluation.config import EvalConfig
from tactful.evaluation.records import EvalRecord
from tactful.evaluation.run import run_eval

SCENARIOS = Path(__file__).resolve().parents[1] / "eval" / "scenarios"
OFFLINE = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "TACTFUL_BACKEND": "composer"}


def one_line_error(result) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("tactful: "), result.stderr
    return lines[0]


@pytest.mark.slow  # every shipped scenario in a `tactful eval` process: about 10 s (test_eval_run runs them in-process)
def test_composer_eval_over_every_scenario_writes_the_reports(run_cli, tmp_path):
    out = tmp_path / "run"
    result = run_cli("eval", "--backend", "composer", "--channels", "email", "--out", str(out), "--min-score", "0.95", env=OFFLINE)
    assert result.returncode == 0, result.stderr
    scenarios = len(list(SCENARIOS.glob("*.yaml")))
    assert re.search(rf"^{2 * scenarios} drafts \({2 * scenarios} new, 0 resumed\) · pass rate 100\.0%", result.stdout, re.M)
    assert f"report: {out / 'report.html'}" in result.stdout
    assert "drafting" in result.stderr  # the progress bar

    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 * scenarios and {json.loads(line)["language"] for line in lines} == {"en", "ru"}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["pass_rate"] == 1.0 and summary["backend"] == "composer" and summary["checker"]["passed"]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert re.search(r'<img alt="[^"]+" src="data:image/png;base64,[A-Za-z0-9+/]{100,}', page)
    assert "Checker accuracy (tactful eval-checker)" in page
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Tactful tone evaluation")


def test_min_score_gates_the_exit_code(run_cli, tmp_path):
    scenarios = scenario_dir(tmp_path, "08-missed-meetings-architect")

    def accusing(body):
        content = json.loads(compliant_answer(body))
        content["body"] = "You always ignore our emails.\n\n" + content["body"]
        return json.dumps(content)

    common = ["eval", "--scenarios", str(scenarios), "--channels", "email", "--lang", "en", "--out", str(tmp_path / "run"),
              "--no-checker-eval"]
    with ScriptedOpenAIServer(default=accusing) as server:
        failing = run_cli(*common, "--min-score", "0.9", env=llm_env(server))
        assert len(server.chat_requests) == 3  # draft + 2 revisions, then the composer fallback
    assert failing.returncode == 1, failing.stderr
    last = failing.stderr.splitlines()[-1]
    assert last.startswith("tactful: below --min-score: ") and last.endswith("pass rate 0.000 < 0.9"), last
    assert "pass rate 0.0%" in failing.stdout and "fallbacks 1" in failing.stdout
    with ScriptedOpenAIServer(default=accusing) as server:  # the finished run is re-reported, nothing re-drafted
        lenient = run_cli(*common, "--resume", "--min-score", "0", env=llm_env(server))
        assert server.chat_requests == []
    assert lenient.returncode == 0, lenient.stderr


@pytest.mark.slow  # two `tactful eval` processes against a deliberately slow server: about 11 s
def test_ctrl_c_keeps_finished_drafts_and_resume_continues(tmp_path):
    scenarios = scenario_dir(tmp_path, "04-late-payments-translation-agency", "08-missed-meetings-architect",
                             "12-constant-complaints-it-outsourcing")
    out = tmp_path / "run"
    args = [sys.executable, "-m", "tactful", "eval", "--scenarios", str(scenarios), "--channels", "email,call", "--lang", "en",
            "--repeat", "2", "--concurrency", "2", "--out", str(out), "--no-checker-eval"]
    results = out / "results.jsonl"
    with ScriptedOpenAIServer(default=lambda body: Reply(content=compliant_answer(body), delay=0.4)) as server:
        env = {**os.environ, **llm_env(server)}
        process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not results.exists() or results.read_text().count("\n") < 2):
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        stderr = stderr.decode()
        assert process.returncode == 130, stderr
        assert "Traceback" not in stderr and "interrupted" in stderr and "--resume" in stderr
        kept = [json.loads(line)["key"] for line in results.read_text(encoding="utf-8").splitlines()]
        assert 2 <= len(kept) < 12
        time.sleep(0.5)  # let the server record what the interrupted client had already sent
        sent_before = sum(not is_critic_request(r.body) for r in server.chat_requests)

        resumed = subprocess.run([*args, "--resume"], env=env, capture_output=True, text=True, timeout=120)
        assert resumed.returncode == 0, resumed.stderr
        assert f"resuming: {len(kept)} draft(s) already done, {12 - len(kept)} to go" in resumed.stderr
        drafts_sent = sum(not is_critic_request(r.body) for r in server.chat_requests)
        assert drafts_sent - sent_before == 12 - len(kept)  # nothing finished was drafted again
    keys = [json.loads(line)["key"] for line in results.read_text(encoding="utf-8").splitlines()]
    assert keys[: len(kept)] == kept and len(keys) == len(set(keys)) == 12


def test_usage_errors_are_one_line_with_exit_2(run_cli, tmp_path):
    assert "--channels: 'fax' is not valid" in one_line_error(run_cli("eval", "--channels", "email,fax", env=OFFLINE))
    assert "--lang: 'de' is not valid" in one_line_error(run_cli("eval", "--lang", "de", env=OFFLINE))
    missing = one_line_error(run_cli("eval", "--scenarios", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), env=OFFLINE))
    assert "no such directory" in missing
    unset = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "TACTFUL_API_KEY": "", "TACTFUL_BASE_URL": ""}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    no_server = subprocess.run([sys.executable, "-m", "tactful", "eval", "--backend", "openai", "--out", str(tmp_path / "o")],
                               env=env, capture_output=True, text=True, timeout=60)
    assert "needs a server" in one_line_error(no_server)
    (tmp_path / "done").mkdir()
    (tmp_path / "done" / "results.jsonl").write_text("", encoding="utf-8")
    again = one_line_error(run_cli("eval", "--backend", "composer", "--out", str(tmp_path / "done"), env=OFFLINE))
    assert "--resume" in again and "--overwrite" in again
    assert "not an evaluation run" in one_line_error(run_cli("eval", "compare", str(tmp_path), str(tmp_path / "done"), env=OFFLINE))


def test_compare_prints_and_writes_per_rule_differences(run_cli, tmp_path):
    scenarios = scenario_dir(tmp_path, "01-scope-creep-web-studio", "08-missed-meetings-architect")
    run_a = tmp_path / "a"
    asyncio.run(run_eval(EvalConfig(scenarios=scenarios, out=run_a, backend="composer", channels=["email"], checker_eval=False)))
    run_b = tmp_path / "b"
    run_b.mkdir()
    records = [EvalRecord.model_validate_json(line) for line in (run_a / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    for record in records[:2]:  # in B, two drafts lose their thanks
        for check in record.report.checks:
            if check.rule == "gratitude":
                check.passed = False
        record.passed = False
    (run_b / "results.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")

    result = run_cli("eval", "compare", str(run_a), str(run_b), env=OFFLINE)
    assert result.returncode == 0, result.stderr
    gratitude = next(line for line in result.stdout.splitlines() if line.startswith("gratitude"))
    assert "100.0% (4/4)" in gratitude and "50.0% (2/4)" in gratitude and "-50.0 pp" in gratitude
    accusation = next(line for line in result.stdout.splitlines() if line.startswith("accusation"))
    assert "+0.0 pp" in accusation
    assert "drafts that stopped passing: 2" in result.stdout
    assert re.search(r"^pass rate\s+100\.0%\s+50\.0%\s+-50\.0 pp", result.stdout, re.M)
    assert "| gratitude | warning | 100.0% (4/4) | 50.0% (2/4) | -50.0 pp |" in (run_b / "compare.md").read_text(encoding="utf-8")
    data = json.loads((run_b / "compare.json").read_text(encoding="utf-8"))
    assert data["rules"][0]["rule"] == "gratitude" and data["rules"][0]["delta"] == -0.5

    as_json = run_cli("eval", "compare", str(run_a / "results.jsonl"), str(run_b), "--format", "json", "--out",
                      str(tmp_path / "cmp" / "x.md"), env=OFFLINE)
    assert json.loads(as_json.stdout)["regressions"] == [r.key for r in records[:2]]
    assert (tmp_path / "cmp" / "x.md").exists() and (tmp_path / "cmp" / "x.json").exists()


def test_mounting_eval_keeps_tactful_check_light():
    code = ("import sys, tactful.cli; heavy = ('matplotlib', 'rich.progress', 'tactful.evaluation.run', "
            "'tactful.pipeline', 'langchain', 'numpy'); print(sorted(m for m in sys.modules if m.startswith(heavy)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout


@pytest.mark.slow
def test_quick_pipeline_benchmark_prints_its_ratios():
    bench = Path(__file__).resolve().parents[1] / "bench" / "bench_pipeline.py"
    result = subprocess.run([sys.executable, str(bench), "--quick"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for figure in ("Composer drafts/s", "Pipeline overhead: wall / (LLM calls × D)", "concurrency 16: parallel efficiency",
                   "Cold start `tactful check", "Cold start `tactful draft"):
        assert figure in result.stdout
