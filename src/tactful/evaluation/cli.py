"""`tactful eval` and `tactful eval compare`: the command-line face of the evaluation harness.

Only typer and the standard library are imported here at module level: `tactful.cli` mounts this app,
and `tactful check` must not pay for the harness (pipeline, matplotlib, rich progress) on start-up.

Exit codes: 0 done (and at or above ``--min-score``), 1 below ``--min-score``, 2 bad usage or a run
that cannot go on (one line on stderr, no traceback), 130 interrupted (finished drafts are kept).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..cli_options import (
    LLM_ENVIRONMENT,
    MAX_REVISIONS_HELP,
    BackendOpt,
    Format,
    command_group,
    fail,
)
from ..vocab import CHANNELS, LANGUAGES

if TYPE_CHECKING:  # the run loads the pipeline: only the types are named here
    from .records import EvalRecord
    from .run import EvalRun

eval_app = command_group(
    "eval", "Evaluate a drafting backend on the scenarios: pass rates per rule, channel and language, reports with charts.",
    invoke_without_command=True, no_args_is_help=False,
)

def _split(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
    items = list(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [item for item in items if item not in allowed]
    if not items or unknown:
        given = ", ".join(repr(u) for u in unknown) or "nothing"
        raise fail(f"{option}: {given} is not valid; give a comma-separated list of {', '.join(allowed)}")
    return items


class _Progress:
    """A rich progress bar with ETA on stderr, fed by the run's callbacks."""

    def __init__(self) -> None:
        self.progress = None
        self.task = None
        self.counts = {"passed": 0, "done": 0, "fallbacks": 0, "retries": 0, "errors": 0}

    def start(self, to_draft: int, skipped: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        if skipped:
            typer.echo(f"resuming: {skipped} draft(s) already done, {to_draft} to go", err=True)
        self.progress = Progress(
            TextColumn("[bold]drafting"), BarColumn(), MofNCompleteColumn(), TextColumn("·"), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[status]}"),
            console=Console(stderr=True), transient=False,
        )
        self.progress.start()
        self.task = self.progress.add_task("drafting", total=to_draft, status="")

    def advance(self, record: EvalRecord) -> None:
        c = self.counts
        c["done"] += 1
        c["passed"] += record.passed
        c["fallbacks"] += record.fallback
        c["retries"] += record.retries
        c["errors"] += record.status == "error"
        status = f"passed {c['passed']}/{c['done']}"
        status += "".join(f" · {name} {c[name]}" for name in ("fallbacks", "retries", "errors") if c[name])
        if self.progress is not None:
            self.progress.update(self.task, advance=1, status=status)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


@eval_app.callback(invoke_without_command=True, epilog=LLM_ENVIRONMENT)
def evaluate(
    ctx: typer.Context,
    scenarios: Annotated[Optional[Path], typer.Option("--scenarios", help="Directory of situation files (default: the scenarios shipped with Tactful).")] = None,
    channels: Annotated[str, typer.Option("--channels", help="Comma-separated channels: email,call,meeting.")] = ",".join(CHANNELS),
    lang: Annotated[str, typer.Option("--lang", help="Comma-separated languages to write in: ru,en.")] = ",".join(LANGUAGES),
    backend: Annotated[Optional[BackendOpt], typer.Option("--backend", "-b", help="composer or openai (default: openai when OPENAI_BASE_URL / OPENAI_API_KEY is set).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Model name for the openai backend (TACTFUL_MODEL).")] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-j", min=1, max=512, help="Drafts in flight at once.")] = 4,
    repeat: Annotated[int, typer.Option("--repeat", min=1, max=1000, help="Draft every combination this many times.")] = 1,
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for results.jsonl, summary.json, report.html, report.md.")] = Path("eval-results"),
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0.0, max=1.0, help="Exit 1 if the mean score or the pass rate is below this (for CI).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the run in --out: draft only what results.jsonl lacks.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the results already in --out.")] = False,
    judge: Annotated[bool, typer.Option("--judge", help="Also score every draft per guideline with an LLM rubric judge (needs an LLM server).")] = False,
    judge_model: Annotated[Optional[str], typer.Option("--judge-model", help="Model for --judge (default: --model).")] = None,
    max_revisions: Annotated[Optional[int], typer.Option("--max-revisions", min=0, max=10, help=MAX_REVISIONS_HELP)] = None,
    retries: Annotated[int, typer.Option("--retries", min=0, max=50, help="Retries of an LLM request answered with 429 or 5xx (exponential back-off, Retry-After honoured).")] = 6,
    limit: Annotated[Optional[int], typer.Option("--limit", min=0, help="Draft at most this many of the missing combinations (a smoke run; --resume continues).")] = None,
    checker_eval: Annotated[bool, typer.Option("--checker-eval/--no-checker-eval", help="Include the checker's accuracy on eval/labeled (tactful eval-checker).")] = True,
) -> None:
    """Draft every scenario × channel × language with a backend, score each draft, and write the reports."""
    if ctx.invoked_subcommand is not None:
        return
    options = {
        "scenarios": scenarios, "channels": _split(channels, CHANNELS, "--channels"),
        "languages": _split(lang, LANGUAGES, "--lang"), "backend": backend.value if backend else "auto",
        "model": model, "concurrency": concurrency, "repeat": repeat, "out": out, "resume": resume,
        "overwrite": overwrite, "judge": judge, "judge_model": judge_model, "max_revisions": max_revisions,
        "limit": limit, "checker_eval": checker_eval,
    }
    run, paths = _run_and_report(options, retries)
    _print_outcome(run, paths, min_score)


def _run_and_report(options: dict[str, Any], retries: int) -> tuple[EvalRun, dict[str, Path]]:
    """Run with a progress bar, then write the reports; any failure leaves as one line and an exit code."""
    display = _Progress()
    results = options["out"] / "results.jsonl"
    try:
        import asyncio

        from .config import EvalConfig, RetryPolicy
        from .run import run_eval

        config = EvalConfig(**options, retry=RetryPolicy(max_retries=retries))
        try:
            run = asyncio.run(run_eval(config, on_plan=display.start, on_result=display.advance))
        finally:
            display.stop()
        from .report import write_reports

        return run, write_reports(options["out"], run.records, run.summary)
    except KeyboardInterrupt:
        display.stop()
        raise fail(f"interrupted; the finished drafts are kept in {results}: run the same command with --resume to continue", 130) from None
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if type(exc).__name__ not in ("EvalError", "SettingsError"):
            message = f"{type(exc).__name__}: {message}"
        raise fail(message) from None


def _print_outcome(run: EvalRun, paths: dict[str, Path], min_score: float | None) -> None:
    """The one-line summary and the report paths; below ``--min-score``, exit 1 saying why."""
    from .summary import gate

    s = run.summary
    for note in run.notes:
        typer.echo(f"note: {note}", err=True)
    pending = f", {s['pending']} pending" if s["pending"] else ""
    typer.echo(
        f"{s['drafts']} drafts ({run.drafted} new, {run.skipped} resumed{pending}) · pass rate "
        f"{_pct(s['pass_rate'])} · mean score {_num(s['mean_score'])} · fallbacks {s['fallbacks']} · errors {s['errors']}"
        f" · LLM calls per accepted draft {_num(s['llm_calls_per_accepted'], 2)}"
    )
    typer.echo(f"report: {paths['html']} · {paths['markdown']}")
    if min_score is not None:
        failures = gate(s, min_score)
        if failures:
            raise fail(f"below --min-score: {'; '.join(failures)}", 1)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


@eval_app.command("compare")
def compare(
    run_a: Annotated[Path, typer.Argument(help="The first run (an --out directory or its results.jsonl).")],
    run_b: Annotated[Path, typer.Argument(help="The second run.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Markdown file to write (default: compare.md in RUN_B); a .json twin is written beside it.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="What to print.")] = Format.text,
) -> None:
    """Print and write the per-rule differences between two runs."""
    try:
        from .compare import compare_runs, format_markdown, format_text, load_run

        cmp = compare_runs(load_run(run_a), load_run(run_b), str(run_a), str(run_b))
        target = out or ((run_b if run_b.is_dir() else run_b.parent) / "compare.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(format_markdown(cmp), encoding="utf-8")
        target.with_suffix(".json").write_text(json.dumps(cmp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise fail(message if type(exc).__name__ == "EvalError" else f"{type(exc).__name__}: {message}") from None
    typer.echo(json.dumps(cmp, ensure_ascii=False, indent=2) if format is Format.json else format_text(cmp))
    typer.echo(f"written: {target} · {target.with_suffix('.json')}", err=True)
