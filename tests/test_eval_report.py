"""The evaluation reports: report.html (self-contained, charts as base64 PNG, everything escaped) and
report.md, with the checker-accuracy section of `tactful eval-checker`."""

from __future__ import annotations

import asyncio
import base64
import re
import shutil
from pathlib import Path

from tactful import check
from tactful.evaluation.config import EvalConfig
from tactful.evaluation.records import EvalRecord
from tactful.evaluation.report import write_reports
from tactful.evaluation.report_html import highlight_html
from tactful.evaluation.run import run_eval
from tactful.evaluation.summary import checker_section, summarize

SCENARIOS = Path(__file__).resolve().parents[1] / "eval" / "scenarios"
HOSTILE = "Subject: <script>alert('x')</script> & more\n\nAnna,\n\nYou always ignore our emails. It is your fault!!\n"


def hostile_record() -> EvalRecord:
    report = check(HOSTILE, lang="en", channel="email")
    assert not report.passed
    return EvalRecord(
        key="zz-hostile/email/en/0", scenario="zz-<b>hostile</b>", scenario_sha="0", channel="email", language="en",
        backend="openai", model="m<i>", text=HOSTILE, report=report, passed=False, score=report.score, compliant=True,
        fallback=True, fallback_reason="no openai draft was free of <error> violations", llm_calls=3, latency=1.5,
    )


def composer_records(tmp_path: Path) -> list[EvalRecord]:
    directory = tmp_path / "scenarios"
    directory.mkdir()
    for name in ("01-scope-creep-web-studio", "08-missed-meetings-architect"):
        shutil.copy(SCENARIOS / f"{name}.yaml", directory)
    config = EvalConfig(scenarios=directory, out=tmp_path / "run", backend="composer", channels=["email", "call"], checker_eval=False)
    return asyncio.run(run_eval(config)).records


def test_report_is_self_contained_escaped_and_highlighted(tmp_path):
    records = [*composer_records(tmp_path), hostile_record()]
    summary = summarize(records, checker=checker_section())
    out = tmp_path / "run"
    paths = write_reports(out, records, summary)
    page = paths["html"].read_text(encoding="utf-8")

    images = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)">', page)
    assert {alt for alt, _ in images} >= {"Pass rate per rule", "Score distribution", "Pass rate per channel and language",
                                          "Latency distribution", "LLM calls per draft", "Checker accuracy per rule"}
    assert all(base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n") for _, data in images)
    assert "src=\"http" not in page and "<script" not in page  # nothing to fetch, nothing to run

    # user and model text is escaped everywhere it appears
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page
    assert "zz-&lt;b&gt;hostile&lt;/b&gt;" in page and "<b>hostile</b>" not in page
    assert "&lt;error&gt; violations" in page

    # the worst draft comes first, its violations highlighted with the rule in the title
    worst = page[page.index("<h2>The worst drafts</h2>"):]
    assert re.search(r"<h3>([^<]*)</h3>", worst).group(1) == "zz-hostile/email/en/0"
    marks = re.findall(r'<mark class="(error|warning)" title="([^"]*)">([^<]*)</mark>', worst)
    assert any(css == "error" and title.startswith("accusation (error)") and "ignore" in text for css, title, text in marks)
    # "!!" is marked with its rule, inside the learned reader's hostile sentence (an error) or alone.
    assert any("exclamation" in title for _, title, _ in marks)

    for heading in ("Pass rate per rule", "Per channel and language", "Scores", "LLM calls and latency", "Checker accuracy"):
        assert heading in page
    assert "Rubric judge" not in page  # no --judge in this run

    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "![rules](charts/rules.png)" in markdown and (out / "charts" / "rules.png").read_bytes().startswith(b"\x89PNG")
    assert "| accusation | error | no-blame |" in markdown
    assert "## Checker accuracy (tactful eval-checker)" in markdown
    assert "```text\n" + HOSTILE.rstrip("\n") + "\n```" in markdown


def test_summary_figures_per_rule_channel_language(tmp_path):
    records = [*composer_records(tmp_path), hostile_record()]
    summary = summarize(records, planned=len(records))
    assert summary["drafts"] == 9 and summary["passed"] == 8
    assert summary["pass_rate"] == round(8 / 9, 4)
    assert summary["by_rule"]["accusation"] == {"severity": "error", "guideline": "no-blame", "applicable": 9,
                                                "passed": 8, "pass_rate": round(8 / 9, 4)}
    assert summary["by_channel"]["email"]["drafts"] == 5 and summary["by_channel"]["call"]["pass_rate"] == 1.0
    assert summary["llm_calls"] == 3 and summary["accepted"] == 8 and summary["llm_calls_per_accepted"] == round(3 / 8, 4)
    assert sum(summary["score_histogram"]["counts"]) == 9
    assert summary["latency_s"]["max"] == 1.5 and summary["fallbacks"] == 1


def test_overlapping_spans_are_cut_into_escaped_segments():
    spans = [(0, 4, "warning", "w"), (2, 6, "error", "e<")]
    assert highlight_html("a<cdef!", spans) == (
        '<mark class="warning" title="w">a&lt;</mark>'
        '<mark class="error" title="w | e&lt;">cd</mark>'
        '<mark class="error" title="e&lt;">ef</mark>!'
    )
    assert highlight_html("<plain>", []) == "&lt;plain&gt;"
