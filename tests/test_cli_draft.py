"""`tactful draft` on the embedded composer, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[1] / "eval" / "scenarios"
OFFLINE = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "TACTFUL_BACKEND": "composer"}


def test_draft_prints_a_compliant_email(run_cli):
    result = run_cli("draft", str(SCENARIOS / "01-scope-creep-web-studio.yaml"), env=OFFLINE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Тема: ")
    assert "backend: composer" in result.stderr


def test_json_output_has_the_documented_keys(run_cli):
    result = run_cli("draft", str(SCENARIOS / "02-scope-creep-ux-designer.yaml"), "-f", "json", "-c", "email", env=OFFLINE)
    data = json.loads(result.stdout)
    for key in ("text", "channel", "language", "backend", "model", "fallback", "fallback_reason", "report",
                "attempts", "warnings", "timings", "usage"):
        assert key in data
    assert data["channel"] == "email" and data["backend"] == "composer" and data["report"]["passed"]
    assert data["text"].startswith("Subject: ")


def test_out_writes_the_file_and_markdown(run_cli, tmp_path):
    out = tmp_path / "nested" / "draft.md"
    result = run_cli("draft", str(SCENARIOS / "05-broken-agreements-seo-agency.yaml"), "-f", "markdown", "--out", str(out), env=OFFLINE)
    assert result.returncode == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("## ")
    assert not list(out.parent.glob(".*.tmp"))


def test_bad_situations_exit_2_naming_the_field(run_cli, tmp_path):
    cases = {
        "client:\n  name: ''\n": "client.name",
        "client: {name: X}\nend_date: 2026-13-01\n": "end_date",
        "client: {name: X}\nbudget: 5\n": "budget: unknown field",
        "client: {name: X}\nchannel: fax\n": "channel",
        "[1, 2": "not valid YAML",
        "just text": "mapping",
    }
    for content, needle in cases.items():
        path = tmp_path / "s.yaml"
        path.write_text(content)
        result = run_cli("draft", str(path), env=OFFLINE)
        assert result.returncode == 2, (content, result.stderr)
        assert needle in result.stderr and "Traceback" not in result.stderr


def test_variants(run_cli):
    result = run_cli("draft", str(SCENARIOS / "14-low-profitability-seo-agency.yaml"), "--variants", "3", env=OFFLINE)
    assert result.returncode == 0
    assert result.stdout.count("Subject: ") == 3


def test_check_with_situation_runs_grounding(run_cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Subject: Hi\n\nDear Bob, we end our work on June 3. Invoice #991 for $5,000 is attached.")
    result = run_cli("check", str(draft), "--situation", str(SCENARIOS / "08-missed-meetings-architect.yaml"), "-f", "json")
    data = json.loads(result.stdout)
    rules = {v["rule"] for v in data["violations"]}
    assert result.returncode == 1
    assert {"invented_detail", "grounded_contact", "grounded_end_date", "grounded_referral"} <= rules
