"""The tone evaluation harness behind `tactful eval`: draft every scenario × channel × language with a
backend, score every draft with the checker, and report.

``run`` drafts and writes ``results.jsonl`` / ``summary.json``; ``report`` writes ``report.md`` and
``report.html``; ``judge`` is the optional rubric judge; ``compare`` diffs two runs; ``cli`` is the
``tactful eval`` command. This package's ``__init__`` and ``cli`` stay light (typer and the standard
library only), so that mounting the command costs ``tactful check`` nothing; the rest loads on use.
"""

from __future__ import annotations

from typing import Any

_LAZY = {
    "EvalConfig": "run",
    "EvalError": "run",
    "EvalRecord": "run",
    "EvalRun": "run",
    "RetryPolicy": "run",
    "run_eval": "run",
    "load_records": "run",
    "summarize": "run",
    "write_reports": "report",
    "compare_runs": "compare",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tactful.evaluation' has no attribute {name!r}")
