"""The tone evaluation harness behind `tactful eval`: draft every scenario × channel × language with a
backend, score every draft with the checker, and report.

``config`` holds a run's options; ``plan`` turns the scenario files into jobs; ``run`` drafts them
(through ``retry`` with an LLM) and appends each to ``results.jsonl`` (``records``); ``summary`` computes
``summary.json``; ``report`` writes ``report.html`` (``report_html``) and ``report.md``
(``report_markdown``) from the rows of ``report_tables`` and the ``charts``; ``judge`` is the optional
rubric judge; ``compare`` diffs two runs; ``extraction`` scores the situation extractor; ``cli`` is the
``tactful eval`` command. This package's ``__init__`` and ``cli`` stay light (typer and the standard
library only), so that mounting the command costs ``tactful check`` nothing; the rest loads on use.
"""

from __future__ import annotations

from typing import Any

_LAZY = {
    "EvalConfig": "config",
    "EvalError": "config",
    "EvalRecord": "records",
    "EvalRun": "run",
    "RetryPolicy": "config",
    "run_eval": "run",
    "load_records": "records",
    "summarize": "summary",
    "write_reports": "report",
    "compare_runs": "compare",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tactful.evaluation' has no attribute {name!r}")
