"""`tactful check` as a user runs it: exit codes, formats, bad input."""

from __future__ import annotations

import json

ACCUSATORY = "You always ignore my emails and it is your fault."


def test_exit_1_and_json_on_errors(run_cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(ACCUSATORY)
    result = run_cli("check", str(path), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["passed"] is False
    assert {"accusation", "blame"} <= {v["rule"] for v in report["violations"]}
    for v in report["violations"]:
        assert ACCUSATORY[v["start"]:v["end"]] == v["excerpt"]


def test_exit_0_when_only_warnings(run_cli):
    result = run_cli("check", "-", "--lang", "en", input="Thank you for the cooperation.")
    assert result.returncode == 0, result.stderr
    assert "passed" in result.stdout


def test_text_format_underlines_and_suggests(run_cli):
    result = run_cli("check", "-", input="Вы опять проигнорировали наше письмо.", env={"COLUMNS": "200"})
    assert result.returncode == 1
    assert "<stdin>:1:1" in result.stdout and "accusation" in result.stdout
    assert "Вы опять проигнорировали" in result.stdout
    assert "→" in result.stdout  # the suggestion line


def test_channel_option(run_cli):
    call = json.loads(run_cli("check", "-", "-c", "call", "-f", "json", input="Thanks, we decided.").stdout)
    assert call["channel"] == "call"
    assert "subject" not in {c["rule"] for c in call["checks"]}


def test_bad_input_exit_2_without_traceback(run_cli, tmp_path):
    binary = tmp_path / "img.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin1 = tmp_path / "old.txt"
    latin1.write_bytes("caf\xe9".encode("latin-1"))
    cases = [
        (run_cli("check", str(tmp_path / "missing.txt")), "no such file"),
        (run_cli("check", str(tmp_path)), "directory"),
        (run_cli("check", str(binary)), "binary"),
        (run_cli("check", str(latin1)), "UTF-8"),
        (run_cli("check", "-", input="   \n"), "empty"),
        (run_cli("check", "-", "--channel", "fax", input="hi"), "fax"),
    ]
    for result, needle in cases:
        assert result.returncode == 2, (needle, result.stderr)
        assert needle in result.stderr
        assert "Traceback" not in result.stderr


def test_guidelines_command(run_cli):
    ru = run_cli("guidelines", "--lang", "ru", "--channel", "meeting")
    assert ru.returncode == 0
    assert "Без обвинений" in ru.stdout
    data = json.loads(run_cli("guidelines", "--format", "json").stdout)
    assert len(data) >= 11 and {"no-blame", "de-escalation"} <= {g["id"] for g in data}


def test_check_does_not_import_heavy_libraries(run_cli):
    code = (
        "import sys, runpy; sys.argv=['tactful','check','-','-f','json'];"
        "import io; sys.stdin=io.TextIOWrapper(io.BytesIO(b'hello there'));"
        "from tactful.cli import app\n"
        "try: app()\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('gradio','langchain','langchain_openai','openai')))"
    )
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().endswith("[]"), out.stdout + out.stderr
