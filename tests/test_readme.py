"""The README is the front door: its Python examples run, and its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_python_examples_run(monkeypatch, capsys):
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "TACTFUL_BACKEND"):
        monkeypatch.delenv(var, raising=False)
    # The gradio_client example needs a running page: tests/test_ui_api.py runs it against one.
    blocks = [b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "gradio_client" not in b]
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "composer True" in out and "False" in out


@pytest.mark.slow  # a `tactful <command> --help` process per command the README shows: about 12 s
def test_every_command_and_flag_shown_exists(run_cli):
    shown = re.findall(r"tactful (check|draft|guidelines|eval-checker|eval|ui|assess|reply|checklist|extract)\b([^\n#`]*)", README)
    assert {c for c, _ in shown} >= {"check", "draft", "guidelines", "eval-checker", "ui"}
    for command, rest in shown:
        help_text = run_cli(command, "--help", env={"COLUMNS": "250"}).stdout
        for flag in re.findall(r"(--[a-z-]+)", rest):
            assert flag in help_text, (command, flag)
