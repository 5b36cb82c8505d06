"""Situation extraction: field-level precision and recall on the labeled pastes, and how long a 5,000-
character thread takes, cold (a fresh process) and warm, against dateparser's own date search over the
same text as the baseline measured in the same run.

    .venv/bin/python bench/bench_extraction.py [--out bench/results-extraction.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def thread(language: str, size: int = 5000) -> str:
    """The longest labeled pastes of a language joined into one thread of ``size`` characters."""
    cases = yaml.safe_load((ROOT / "eval" / "extraction" / f"{language}.yaml").read_text(encoding="utf-8"))
    texts = sorted((c["text"] for c in cases), key=len, reverse=True)
    joined = "\n\n".join(texts)
    return joined[:size]


def warm(fn, runs: int = 15) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold(code: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from dateparser.search import search_dates

    from tactful.evaluation.extraction import evaluate
    from tactful.extraction import extract

    lines = [f"# Extraction benchmark\n\n{platform.platform()}, {platform.python_version()}, run {dt.date.today()}\n",
             "## Field-level precision and recall\n", "| language | split | cases | precision | recall |", "|---|---|---|---|---|"]
    for language in ("en", "ru"):
        for split in ("tune", "frozen"):
            score = evaluate(language, split)
            total = score.total()
            lines.append(f"| {language} | {split} | {score.cases} | {total.precision:.2f} | {total.recall:.2f} |")
    lines += ["", "## Time for a 5,000-character thread\n",
              "| language | warm extract, s | warm dateparser search_dates (baseline), s | extract / baseline | cold extract (fresh process), s | cold `python -c pass`, s |",
              "|---|---|---|---|---|---|"]
    empty = cold("pass")
    for language in ("en", "ru"):
        text = thread(language)
        today = dt.date(2026, 11, 30)
        ours = warm(lambda: extract(text, language, today=today, backend="composer"))
        base = warm(lambda: search_dates(text, languages=[language]), runs=5)
        code = (f"import datetime as dt; from tactful.extraction import extract; "
                f"extract(open({str(ROOT / 'bench' / '.thread.txt')!r}, encoding='utf-8').read(), {language!r}, backend='composer')")
        (ROOT / "bench" / ".thread.txt").write_text(text, encoding="utf-8")
        first = cold(code)
        lines.append(f"| {language} | {ours:.3f} | {base:.3f} | {ours / base:.2f}× | {first:.2f} | {empty:.2f} |")
    (ROOT / "bench" / ".thread.txt").unlink(missing_ok=True)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
