"""Benchmark of the Tactful tone checker: throughput against proselint, and the CLI's cold start.

Run ``python bench/bench_checker.py`` for the full benchmark, ``--quick`` for a CI-sized one (under
~30 s), and ``--out FILE`` to also write the Markdown report (``bench/results.md``). Every figure is
measured in the same run, on the same machine:

* throughput — messages of ~200 words per second, single process (so per core), English and Russian
  separately, for Tactful and for proselint on the very same texts;
* cold start — wall time of ``tactful check FILE --format json`` against ``python -c pass``;
* import audit — ``tactful check`` must not import gradio or langchain.

The messages are built deterministically from the ``text`` fields of ``eval/labeled/tune/{en,ru}-*.yaml``;
every message of a run is distinct, so no cache of identical texts can flatter the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELED_DIR = ROOT / "eval" / "labeled"
LANGUAGES = ("en", "ru")
LANGUAGE_NAMES = {"en": "English", "ru": "Russian"}

TARGET_THROUGHPUT = {"en": 1000.0, "ru": 400.0}  # messages per second per core
TARGET_COLD_START_S = 1.0
FORBIDDEN_IMPORTS = ("gradio", "langchain")  # top-level prefixes: langchain_core, gradio_client, ...

SEED = 20_261_123
MESSAGE_WORDS = 200  # a message is complete once it has this many words ...
MESSAGE_SLACK = 20  # ... and never grows past MESSAGE_WORDS + MESSAGE_SLACK

Linter = Callable[[str], int]  # lints one message, returns its number of findings

# Run in a fresh interpreter: run `tactful check` in-process, then list what it imported.
_IMPORT_AUDIT = """
import contextlib, io, json, sys
from tactful.cli import main

forbidden = tuple(sys.argv[2:])
sys.argv = ["tactful", "check", sys.argv[1], "--format", "json"]
code = 0
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit as exc:
        code = exc.code
loaded = sorted(m for m in sys.modules if m.split(".")[0].startswith(forbidden))
print(json.dumps({"exit_code": code, "forbidden": loaded}))
"""


@dataclass(frozen=True)
class Settings:
    """How much to measure: message counts per language, repeats and cold-start runs."""

    messages: int  # timed messages per repeat
    repeats: int  # timed passes; the best rate is reported
    warmup: int  # untimed messages checked first
    cold_runs: int  # timed process starts per command


FULL = Settings(messages=300, repeats=7, warmup=50, cold_runs=7)
QUICK = Settings(messages=50, repeats=2, warmup=10, cold_runs=3)


@dataclass(frozen=True)
class Workload:
    """The distinct messages of one language: a warm-up set and one batch per timed repeat."""

    warmup: list[str]
    batches: list[list[str]]

    @property
    def mean_words(self) -> float:
        """Mean whitespace-separated word count of the timed messages."""
        return statistics.fmean(len(m.split()) for batch in self.batches for m in batch)


@dataclass(frozen=True)
class Throughput:
    """Best messages per second over the repeats, and findings per message (proof of real work)."""

    per_second: float
    findings_per_message: float


@dataclass(frozen=True)
class ColdStart:
    """Median wall times of a process start, and the import audit of ``tactful check``."""

    tactful_s: float
    python_s: float
    forbidden_loaded: list[str]
    forbidden_installed: list[str]


# ---------------------------------------------------------------------------------------------------
# Messages


def labeled_texts(language: str) -> list[str]:
    """The ``text`` fields of the tuning split, ``eval/labeled/tune/<language>-*.yaml``."""
    return [
        item["text"]
        for path in sorted((LABELED_DIR / "tune").glob(f"{language}-*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def draft_texts(language: str) -> list[str]:
    """Realistic whole messages: the composer's emails (~240 words) for every scenario and tone."""
    from tactful.composer import Composer
    from tactful.situation import load_situation

    composer = Composer()
    return [
        composer.compose(load_situation(path), "email", language, tone)[0].text()
        for path in sorted((ROOT / "eval" / "scenarios").glob("*.yaml"))
        for tone in ("formal", "warm", "brief")
    ]


def drafts_workload(language: str, settings: Settings) -> Workload:
    """Each timed pass checks the same distinct drafts (at most ``settings.messages``)."""
    texts = draft_texts(language)
    timed = texts[: settings.messages]
    return Workload(warmup=texts[-settings.warmup :], batches=[timed] * settings.repeats)


def compose_message(pool: Sequence[str], rng: random.Random) -> str:
    """Join shuffled texts of ``pool`` into one message of 200-220 words."""
    parts: list[str] = []
    words = 0
    for text in rng.sample(pool, len(pool)):
        count = len(text.split())
        if words + count > MESSAGE_WORDS + MESSAGE_SLACK:
            continue
        parts.append(text.strip())
        words += count
        if words >= MESSAGE_WORDS:
            return " ".join(parts)
    raise ValueError(f"the labeled texts hold too few words for a {MESSAGE_WORDS}-word message")


def build_workload(pool: Sequence[str], settings: Settings, seed: int) -> Workload:
    """Build distinct messages: a warm-up set, then one fresh batch per repeat."""
    rng = random.Random(seed)
    total = settings.warmup + settings.messages * settings.repeats
    seen: set[str] = set()
    messages: list[str] = []
    while len(messages) < total:
        message = compose_message(pool, rng)
        if message not in seen:
            seen.add(message)
            messages.append(message)
    timed = messages[settings.warmup :]
    batches = [timed[i : i + settings.messages] for i in range(0, len(timed), settings.messages)]
    return Workload(warmup=messages[: settings.warmup], batches=batches)


# ---------------------------------------------------------------------------------------------------
# Throughput


def tactful_linter(language: str) -> Linter:
    """Tactful's checker for one language (email channel), counting violations."""
    from tactful import check
    from tactful.text import _tokenize_cached

    def lint(text: str) -> int:
        # The tokenizer caches whole texts (the pipeline reads one draft several times); a pass over
        # the same drafts must not be served from it.
        _tokenize_cached.cache_clear()
        return len(check(text, lang=language, channel="email").violations)

    return lint


def proselint_linter() -> Linter:
    """proselint's in-process API (>= 0.16: registry + `LintFile`), with the config its CLI would load."""
    from proselint.checks import __register__
    from proselint.config import load_from
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()  # a process-wide singleton that starts empty: nothing is checked without this
    if not registry.checks:
        registry.register_many(__register__)
    config = load_from()

    def lint(text: str) -> int:
        return len(LintFile("<bench>", text).lint(config))

    return lint


def measure_throughput(lint: Linter, workload: Workload) -> Throughput:
    """Warm up, then time each batch with `time.perf_counter`; report the best rate.

    The best pass, as `timeit` advises: on a shared machine other load only ever slows a pass down.
    """
    for message in workload.warmup:
        lint(message)
    rates: list[float] = []
    findings = 0
    for batch in workload.batches:
        start = time.perf_counter()
        for message in batch:
            findings += lint(message)
        rates.append(len(batch) / (time.perf_counter() - start))
    timed = sum(len(batch) for batch in workload.batches)
    return Throughput(per_second=max(rates), findings_per_message=findings / timed)


# ---------------------------------------------------------------------------------------------------
# Cold start


def median_wall_time(command: Sequence[str], runs: int, ok_codes: frozenset[int]) -> float:
    """Median wall time of ``runs`` executions, after one untimed run that warms the OS file cache."""
    times: list[float] = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if proc.returncode not in ok_codes:
            stderr = proc.stderr.decode(errors="replace").strip()
            raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}: {stderr}")
        if attempt:
            times.append(elapsed)
    return statistics.median(times)


def audit_imports(message_file: Path) -> list[str]:
    """List the modules under `FORBIDDEN_IMPORTS` that ``tactful check FILE --format json`` loads."""
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_AUDIT, str(message_file), *FORBIDDEN_IMPORTS],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"import audit failed: {proc.stderr.strip()}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["exit_code"] not in (0, 1):
        raise RuntimeError(f"tactful check exited {result['exit_code']} in the import audit")
    return list(result["forbidden"])


def measure_cold_start(message: str, runs: int) -> ColdStart:
    """Time ``tactful check`` on a 200-word message against ``python -c pass``, and audit its imports."""
    tactful_script = Path(sys.executable).parent / "tactful"
    if not tactful_script.exists():
        raise FileNotFoundError(f"{tactful_script} not found: run this with the project's venv python")
    with tempfile.TemporaryDirectory(prefix="tactful-bench-") as tmp:
        message_file = Path(tmp) / "message.txt"
        message_file.write_text(message, encoding="utf-8")
        command = [str(tactful_script), "check", str(message_file), "--format", "json"]
        tactful_s = median_wall_time(command, runs, frozenset({0, 1}))
        python_s = median_wall_time([sys.executable, "-c", "pass"], runs, frozenset({0}))
        forbidden_loaded = audit_imports(message_file)
    installed = [name for name in FORBIDDEN_IMPORTS if importlib.util.find_spec(name) is not None]
    return ColdStart(tactful_s, python_s, forbidden_loaded, installed)


# ---------------------------------------------------------------------------------------------------
# Report


def status(passed: bool) -> str:
    """Return the PASS/MISS mark printed beside a figure."""
    return "PASS" if passed else "MISS"


def machine_line() -> str:
    """Describe the machine: platform, CPU count and Python version, and the time of the run."""
    return (
        f"Machine: `{platform.platform()}`, {os.cpu_count()} CPUs, "
        f"{platform.python_implementation()} {platform.python_version()}; "
        f"run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC."
    )


def render_report(
    settings: Settings,
    workloads: dict[str, Workload],
    drafts: dict[str, Workload],
    tactful: dict[str, Throughput],
    proselint: dict[str, Throughput],
    cold: ColdStart,
    cold_language: str,
) -> str:
    """Render the whole benchmark as Markdown."""
    from importlib.metadata import version

    proselint_version = version("proselint")
    lines = [
        "# Tactful checker benchmark",
        "",
        machine_line(),
        "",
        (
            f"Throughput: {settings.repeats} timed passes of {settings.messages} distinct messages per language "
            f"(after {settings.warmup} warm-up messages), best pass, one process; channel `email`, language "
            f"given. Cold start: median of {settings.cold_runs} runs after one untimed run."
        ),
        "",
        "| Figure | Tactful | Baseline | Tactful / baseline | Target | Status |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for key, corpus in [(lang, "dense snippets") for lang in LANGUAGES] + [(f"{lang}-drafts", "composer emails") for lang in LANGUAGES]:
        language = key.split("-")[0]
        ours, theirs = tactful[key].per_second, proselint[key].per_second
        target = TARGET_THROUGHPUT[language]
        lines.append(
            f"| {LANGUAGE_NAMES[language]} throughput ({corpus}), msgs/s/core | {ours:,.0f} | "
            f"{theirs:,.0f} (proselint {proselint_version}) | {ours / theirs:.2f}× | "
            f"≥ {target:,.0f} | {status(ours >= target)} |"
        )
    lines.append(
        f"| Cold start `tactful check FILE --format json`, s | {cold.tactful_s:.3f} | "
        f"{cold.python_s:.3f} (`python -c pass`) | {cold.tactful_s / cold.python_s:.1f}× | "
        f"< {TARGET_COLD_START_S:g} s | {status(cold.tactful_s < TARGET_COLD_START_S)} |"
    )
    lines += [
        (
            f"| gradio / langchain imported by `tactful check` | {', '.join(cold.forbidden_loaded) or 'none'} | "
            f"— | — | none | {'PASS' if not cold.forbidden_loaded else 'FAIL'} |"
        ),
        "",
        "| Language | Words / message | Tactful findings / message | proselint findings / message |",
        "| --- | ---: | ---: | ---: |",
    ]
    for language in LANGUAGES:
        for key, workload, corpus in ((language, workloads[language], "dense snippets"), (f"{language}-drafts", drafts[language], "composer emails")):
            lines.append(
                f"| {LANGUAGE_NAMES[language]}, {corpus} | {workload.mean_words:.0f} | "
                f"{tactful[key].findings_per_message:.2f} | {proselint[key].findings_per_message:.2f} |"
            )
    installed = ", ".join(cold.forbidden_installed) or "none"
    lines += [
        "",
        (
            f"The cold-start message is the first {LANGUAGE_NAMES[cold_language]} timed message. "
            f"Of gradio and langchain, installed in this environment: {installed}."
        ),
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 if ``tactful check`` imports gradio or langchain, else 0."""
    parser = argparse.ArgumentParser(description="Benchmark the Tactful tone checker against proselint.")
    parser.add_argument("--quick", action="store_true", help="small sizes for CI (under ~30 s)")
    parser.add_argument("--out", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL

    workloads = {
        language: build_workload(labeled_texts(language), settings, SEED + i)
        for i, language in enumerate(LANGUAGES)
    }
    drafts = {language: drafts_workload(language, settings) for language in LANGUAGES}
    proselint_lint = proselint_linter()
    tactful: dict[str, Throughput] = {}
    proselint: dict[str, Throughput] = {}
    for language, workload in workloads.items():
        tactful[language] = measure_throughput(tactful_linter(language), workload)
        proselint[language] = measure_throughput(proselint_lint, workload)
        tactful[f"{language}-drafts"] = measure_throughput(tactful_linter(language), drafts[language])
        proselint[f"{language}-drafts"] = measure_throughput(proselint_lint, drafts[language])
    if proselint["en"].findings_per_message == 0 or tactful["en"].findings_per_message == 0:
        raise RuntimeError("a linter found nothing in the English messages: it is not really linting")

    cold_language = "en"
    cold = measure_cold_start(workloads[cold_language].batches[0][0], settings.cold_runs)

    report = render_report(settings, workloads, drafts, tactful, proselint, cold, cold_language)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 1 if cold.forbidden_loaded else 0


if __name__ == "__main__":
    sys.exit(main())
