"""The reports of an evaluation run: ``report.html`` (self-contained: charts embedded as base64 PNG)
and ``report.md`` (charts as ``charts/*.png`` beside it).

Both show the pass rate per rule, per channel and per language, the score distribution, LLM calls per
accepted draft, latency percentiles, the worst drafts with their violations highlighted, the rubric
judge beside the rules (when the run had ``--judge``), and the checker's own accuracy on the labeled
set (`tactful eval-checker`). The rows come from `report_tables`, the pictures from `charts`; this
module only puts them into the run's directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..files import write_atomically
from .charts import charts
from .records import EvalRecord
from .report_html import render_html
from .report_markdown import render_markdown

CHART_DIR = "charts"


def write_reports(out: Path, records: list[EvalRecord], summary: dict[str, Any]) -> dict[str, Path]:
    """Write ``report.html``, ``report.md`` and ``charts/*.png`` into ``out``; return their paths."""
    images = charts(summary, records)
    chart_dir = out / CHART_DIR
    chart_dir.mkdir(parents=True, exist_ok=True)
    chart_files = {}
    for name, (_, png) in images.items():
        (chart_dir / f"{name}.png").write_bytes(png)
        chart_files[name] = f"{CHART_DIR}/{name}.png"
    paths = {"html": out / "report.html", "markdown": out / "report.md"}
    write_atomically(paths["html"], render_html(summary, records, images))
    write_atomically(paths["markdown"], render_markdown(summary, records, chart_files))
    return paths
