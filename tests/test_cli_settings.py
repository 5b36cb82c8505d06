"""Settings as the command line meets them: a bad environment variable is one line naming it, and a
terminal shows that an LLM server is at work while it writes."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.model_answers import grounded_reply
from support.openai_server import Reply, ScriptedOpenAIServer
from support.scenarios import SCENARIO
from support.scripted_backend import llm_env

from tactful.settings import SettingsError, load_settings

BAD = {"TACTFUL_TIMEOUT": "abc", "TACTFUL_PROMPT": "tiny"}


@pytest.mark.parametrize("command", [
    ["draft", str(SCENARIO)],
    ["reply", str(SCENARIO), "-"],
    ["eval", "--backend", "composer", "--no-checker-eval"],
    ["ui"],
])
def test_a_bad_setting_is_one_line_naming_the_variable(run_cli, tmp_path, command):
    if command[0] == "eval":
        command = [*command, "--out", str(tmp_path / "run")]
    result = run_cli(*command, input="Please reconsider.", env=BAD)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "TACTFUL_TIMEOUT='abc'" in result.stderr and "TACTFUL_PROMPT='tiny'" in result.stderr


def test_secret_values_are_never_echoed(monkeypatch):
    monkeypatch.setenv("TACTFUL_UI_AUTH", "")
    monkeypatch.setenv("TACTFUL_MAX_TOKENS", "-5")
    with pytest.raises(SettingsError) as caught:
        load_settings(api_key=["sk-do-not-print"])
    message = str(caught.value)
    assert "sk-do-not-print" not in message and "TACTFUL_API_KEY" in message
    assert "TACTFUL_MAX_TOKENS='-5'" in message


def _run_in_terminal(args: list[str], env: dict[str, str], timeout: float = 60) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal (stdout piped); return its code and what the
    terminal showed."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "tactful", *args], stdout=subprocess.PIPE,
                               stderr=secondary, stdin=subprocess.DEVNULL, env={**os.environ, **env})
    os.close(secondary)
    shown = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    process.stdout.read()
    code = process.wait(timeout=10)
    os.close(primary)
    return code, shown.decode("utf-8", "replace")


def test_a_terminal_shows_the_llm_at_work(tmp_path):
    with ScriptedOpenAIServer() as server:
        server.enqueue(Reply(content=grounded_reply(), delay=1.5))
        env = {**llm_env(server), "COLUMNS": "200", "TERM": "xterm"}
        code, shown = _run_in_terminal(["draft", str(SCENARIO), "--out", str(tmp_path / "draft.txt")], env)
        where = server.base_url
    assert code == 0, shown
    assert f"writing with scripted at {where}" in shown
    assert (tmp_path / "draft.txt").read_text(encoding="utf-8").strip()


def test_no_spinner_for_the_composer_or_a_pipe(run_cli, tmp_path):
    code, shown = _run_in_terminal(["draft", str(SCENARIO), "--backend", "composer", "--out", str(tmp_path / "d.txt")],
                                   {"TERM": "xterm"})
    assert code == 0 and "writing with" not in shown
    with ScriptedOpenAIServer() as server:
        server.enqueue(grounded_reply())
        piped = run_cli("draft", str(SCENARIO), env=llm_env(server))
    assert piped.returncode == 0 and "writing with" not in piped.stderr


def test_a_stray_env_file_is_not_read(tmp_path):
    # Settings come from the environment only: a stray .env in the working directory is not read.
    (tmp_path / ".env").write_text("TACTFUL_TIMEOUT=abc\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tactful", "draft", str(Path(SCENARIO).resolve()), "--backend",
                             "composer"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_every_llm_setting_is_documented_in_help_and_readme(run_cli):
    from tactful.settings import Settings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    helps = {command: run_cli(command, "--help", env={"COLUMNS": "400"}).stdout for command in ("draft", "reply", "eval")}
    history = {"database_url", "history"}  # not LLM settings: shown by the commands that save to the history
    for field in set(Settings.model_fields) - {"ui_auth", "api_key", "base_url"} - history:
        name = f"TACTFUL_{field.upper()}"
        assert name in readme, name
        for command, text in helps.items():
            assert name in " ".join(text.split()), (command, name)
    assert "TACTFUL_UI_AUTH" in readme
    helps["check"] = run_cli("check", "--help", env={"COLUMNS": "400"}).stdout
    for name in (f"TACTFUL_{field.upper()}" for field in history):
        assert name in readme, name
        for command in ("draft", "reply", "check"):
            assert name in " ".join(helps[command].split()), (command, name)
