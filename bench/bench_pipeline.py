"""Benchmark of the drafting pipeline and the evaluation harness, printed as ratios from one run.

Run ``python bench/bench_pipeline.py`` for the full benchmark (a few minutes), ``--quick`` for a CI-sized
one, and ``--out FILE`` to also write the Markdown report (``bench/results-pipeline.md``). Every figure
is measured in the same run, on the same machine:

* composer drafts per second — `Pipeline.run` with the composer (compose + render + check) over every
  shipped scenario × channel × language, one process, against the checker alone on the same texts;
* pipeline overhead — the full draft → check → revise loop (`Pipeline` + `ChatDrafter`, the path a
  user gets) against a loopback OpenAI-compatible server that answers after a fixed delay D; each draft
  takes two calls (an accusatory first reply, then a compliant revision); reported as
  wall time / (LLM calls × D), target ≤ 1.05;
* eval scaling — `tactful eval`'s `run_eval` drafting N = 200 drafts against the same server at
  concurrency 1, 4 and 16; parallel efficiency = T(1) / (c × T(c)), target ≥ 0.85 at 16;
* cold start — ``tactful check FILE`` and ``tactful draft SCENARIO --backend composer`` against
  ``python -c pass`` with the same interpreter, and the modules ``tactful check`` must not load.

The loopback server is the test suite's `ScriptedOpenAIServer` (``tests/support/openai_server.py``,
imported through ``sys.path``), run in a child process so that its threads do not compete with the measured
client for the interpreter lock. Two socket settings of that server are changed there, as a production
server has them: the listen backlog is raised from socketserver's 5 so that sixteen simultaneous
connects are not dropped and retried by TCP, and TCP_NODELAY is set so that a reply's body does not wait
~40 ms for a delayed ACK after its headers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # support.openai_server: the loopback server of the test suite
sys.path.insert(0, str(ROOT / "bench"))  # bench_checker: wall-time and machine helpers

from bench_checker import _IMPORT_AUDIT, machine_line, median_wall_time, status  # noqa: E402

SCENARIOS = ROOT / "eval" / "scenarios"
OVERHEAD_SCENARIO = "08-missed-meetings-architect"  # drafted with a revision round: 2 calls a draft
SCALING_SCENARIO = "12-constant-complaints-it-outsourcing"  # compliant at once: 1 call a draft
TARGET_OVERHEAD = 1.05
TARGET_EFFICIENCY = 0.85
FORBIDDEN_IN_CHECK = ("matplotlib", "langchain", "gradio")


@dataclass(frozen=True)
class Sizes:
    composer_passes: int  # timed passes over every scenario × channel × language
    overhead_drafts: int  # sequential drafts through the LLM loop
    delay: float  # the server's answer delay D, seconds
    scaling_drafts: int  # N
    concurrency: tuple[int, ...]
    parallel_runs: int  # runs at each concurrency above 1; the median is reported
    cold_runs: int


FULL = Sizes(composer_passes=3, overhead_drafts=10, delay=0.5, scaling_drafts=200, concurrency=(1, 4, 16), parallel_runs=3, cold_runs=7)
QUICK = Sizes(composer_passes=1, overhead_drafts=4, delay=0.1, scaling_drafts=48, concurrency=(1, 4, 16), parallel_runs=1, cold_runs=3)


# ---------------------------------------------------------------------------------------------------
# The loopback server, in a child process


def serve(delay: float, replies_file: str) -> None:
    """Child process: answer chat requests after ``delay`` until standard input closes."""
    from support.openai_server import Reply, ScriptedOpenAIServer

    replies = json.loads(Path(replies_file).read_text(encoding="utf-8"))

    def answer(body):
        messages = body.get("messages") or []
        prompt = messages[1].get("content", "") if len(messages) > 1 else ""
        if replies["marker"] in prompt:  # the overhead scenario: accusatory first, compliant when revising
            return Reply(content=replies["good_a"] if len(messages) > 2 else replies["bad_a"], delay=delay)
        return Reply(content=replies["good_b"], delay=delay)

    with ScriptedOpenAIServer(default=answer) as server:
        print(server.base_url, flush=True)
        sys.stdin.read()


class LoopbackServer:
    """Starts `serve` in a child process; ``base_url`` once it listens."""

    def __init__(self, delay: float) -> None:
        from tactful.composer import Composer
        from tactful.situation import load_situation

        composer = Composer()
        a = load_situation(SCENARIOS / f"{OVERHEAD_SCENARIO}.yaml")
        b = load_situation(SCENARIOS / f"{SCALING_SCENARIO}.yaml")
        good_a = composer.compose(a, "email", "en")[0].content
        bad_a = good_a.model_copy(update={"body": "You always ignore our emails and it is your fault.\n\n" + good_a.body})
        self.replies = {
            "marker": a.client.name,
            "good_a": good_a.model_dump_json(),
            "bad_a": bad_a.model_dump_json(),
            "good_b": composer.compose(b, "email", "en")[0].content.model_dump_json(),
        }
        self.delay = delay

    def __enter__(self) -> "LoopbackServer":
        self.tmp = tempfile.TemporaryDirectory(prefix="tactful-bench-")
        replies = Path(self.tmp.name) / "replies.json"
        replies.write_text(json.dumps(self.replies), encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, __file__, "--serve", str(self.delay), str(replies)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.base_url = self.process.stdout.readline().strip()
        if not self.base_url.startswith("http"):
            raise RuntimeError("the loopback server did not start")
        return self

    def __exit__(self, *exc) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.tmp.cleanup()


def llm_settings(server: LoopbackServer):
    from tactful.settings import Settings

    # The loop's own overhead per call is measured, so the critic's extra call per draft is left out.
    return Settings(base_url=server.base_url, api_key="sk-bench", model="scripted", timeout=30, max_retries=0, max_wait=600,
                    critic=False)


# ---------------------------------------------------------------------------------------------------
# Measurements


@dataclass(frozen=True)
class ComposerSpeed:
    drafts: int
    drafts_per_s: float
    checks_per_s: float


def measure_composer(sizes: Sizes) -> ComposerSpeed:
    """Sequential composer drafts over every scenario × channel × language; the checker alone on the
    same texts for comparison. Median of the timed passes, after an untimed one."""
    from tactful import check
    from tactful.pipeline import Pipeline
    from tactful.settings import Settings
    from tactful.situation import load_situation

    pipeline = Pipeline(settings=Settings(backend="composer", api_key=None, base_url=None))
    jobs = [(load_situation(p), c, lang) for p in sorted(SCENARIOS.glob("*.yaml"))
            for c in ("email", "call", "meeting") for lang in ("en", "ru")]

    async def one_pass() -> tuple[float, list]:
        start = time.perf_counter()
        results = [await pipeline.run(s, c, lang, s.tone) for s, c, lang in jobs]
        return time.perf_counter() - start, results

    asyncio.run(one_pass())
    draft_times, texts = [], []
    for _ in range(sizes.composer_passes):
        seconds, results = asyncio.run(one_pass())
        draft_times.append(seconds)
        texts = [(r.text, r.language, r.channel, s) for r, (s, _, _) in zip(results, jobs)]
        if not all(r.compliant for r in results):
            raise RuntimeError("a composer draft is not compliant: the benchmark would flatter it")
    check_times = []
    for _ in range(sizes.composer_passes):
        start = time.perf_counter()
        for text, lang, channel, situation in texts:
            check(text, lang=lang, channel=channel, situation=situation)
        check_times.append(time.perf_counter() - start)
    return ComposerSpeed(len(jobs), len(jobs) / statistics.median(draft_times), len(jobs) / statistics.median(check_times))


@dataclass(frozen=True)
class Overhead:
    drafts: int
    calls: int
    wall_s: float
    delay: float

    @property
    def ratio(self) -> float:
        return self.wall_s / (self.calls * self.delay)

    @property
    def per_call_ms(self) -> float:
        return 1000 * (self.wall_s - self.calls * self.delay) / self.calls


def measure_overhead(server: LoopbackServer, sizes: Sizes) -> Overhead:
    """Sequential drafts through draft → check → revise; every draft is revised once (2 calls)."""
    from tactful.drafters.chat import ChatDrafter
    from tactful.pipeline import Pipeline
    from tactful.situation import load_situation

    settings = llm_settings(server)
    pipeline = Pipeline(ChatDrafter(settings), settings)
    situation = load_situation(SCENARIOS / f"{OVERHEAD_SCENARIO}.yaml")

    async def drafts(n: int) -> tuple[float, int]:
        start = time.perf_counter()
        calls = 0
        for _ in range(n):
            result = await pipeline.run(situation, "email", "en", "formal")
            if result.fallback or result.usage.calls != 2 or [a.kind for a in result.attempts] != ["draft", "revision"]:
                raise RuntimeError(f"unexpected loop: {[a.kind for a in result.attempts]}, fallback={result.fallback}")
            calls += result.usage.calls
        return time.perf_counter() - start, calls

    async def both():
        await drafts(1)  # warm up: imports, the connection, the checker's caches
        return await drafts(sizes.overhead_drafts)

    wall, calls = asyncio.run(both())
    return Overhead(sizes.overhead_drafts, calls, wall, sizes.delay)


@dataclass(frozen=True)
class Scaling:
    drafts: int
    delay: float
    seconds: dict[int, float]  # concurrency -> drafting wall time
    cpu_per_draft: dict[int, float]  # concurrency -> CPU seconds of this process per draft

    def efficiency(self, concurrency: int) -> float:
        return self.seconds[1] / (concurrency * self.seconds[concurrency])


def measure_scaling(server: LoopbackServer, sizes: Sizes) -> Scaling:
    """`run_eval` drafting N drafts (1 call each) at each concurrency; the wall time from the start of
    drafting to the last record written."""
    import shutil

    from tactful.evaluation.config import EvalConfig
    from tactful.evaluation.run import run_eval

    settings = llm_settings(server)
    seconds: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="tactful-bench-") as tmp:
        scenarios = Path(tmp) / "scenarios"
        scenarios.mkdir()
        shutil.copy(SCENARIOS / f"{SCALING_SCENARIO}.yaml", scenarios)

        def run(concurrency: int, n: int, name: str) -> float:
            marks: list[tuple[float, float]] = []

            def mark(*_) -> None:
                marks.append((time.perf_counter(), time.process_time()))

            config = EvalConfig(scenarios=scenarios, channels=["email"], languages=["en"], repeat=n, backend="openai",
                                concurrency=concurrency, out=Path(tmp) / name, checker_eval=False)
            result = asyncio.run(run_eval(config, on_plan=mark, on_result=mark, settings=settings))
            if len(result.records) != n or result.summary["pass_rate"] != 1.0 or result.summary["retries"]:
                raise RuntimeError(f"unexpected eval run at concurrency {concurrency}: {result.summary['pass_rate']}")
            cpu.setdefault(concurrency, []).append((marks[-1][1] - marks[0][1]) / n)
            return marks[-1][0] - marks[0][0]

        cpu: dict[int, list[float]] = {}

        run(max(sizes.concurrency), 2 * max(sizes.concurrency), "warmup")
        for concurrency in sizes.concurrency:
            # T(1) is long and steady; the short parallel runs are the median of a few, as noise hits them harder.
            runs = 1 if concurrency == 1 else sizes.parallel_runs
            seconds[concurrency] = statistics.median(run(concurrency, sizes.scaling_drafts, f"c{concurrency}-{i}") for i in range(runs))
    return Scaling(sizes.scaling_drafts, sizes.delay, seconds, {c: statistics.median(v) for c, v in cpu.items()})


@dataclass(frozen=True)
class ColdStart:
    python_s: float
    check_s: float
    draft_s: float
    forbidden_loaded: list[str]


def measure_cold_start(sizes: Sizes) -> ColdStart:
    """Median wall times of fresh processes (after one untimed run each)."""
    from tactful.composer import Composer
    from tactful.situation import load_situation

    tactful = Path(sys.executable).parent / "tactful"
    if not tactful.exists():
        raise FileNotFoundError(f"{tactful} not found: run this with the project's venv python")
    scenario = SCENARIOS / f"{OVERHEAD_SCENARIO}.yaml"
    with tempfile.TemporaryDirectory(prefix="tactful-bench-") as tmp:
        message = Path(tmp) / "message.txt"
        message.write_text(Composer().compose(load_situation(scenario), "email", "en")[0].text(), encoding="utf-8")
        python_s = median_wall_time([sys.executable, "-c", "pass"], sizes.cold_runs, frozenset({0}))
        check_s = median_wall_time([str(tactful), "check", str(message), "--format", "json"], sizes.cold_runs, frozenset({0, 1}))
        draft_s = median_wall_time([str(tactful), "draft", str(scenario), "--backend", "composer", "-f", "json"],
                                   sizes.cold_runs, frozenset({0}))
        audit = subprocess.run([sys.executable, "-c", _IMPORT_AUDIT, str(message), *FORBIDDEN_IN_CHECK],
                               capture_output=True, text=True, check=False)
        if audit.returncode != 0:
            raise RuntimeError(f"import audit failed: {audit.stderr.strip()}")
        forbidden = json.loads(audit.stdout.strip().splitlines()[-1])["forbidden"]
    return ColdStart(python_s, check_s, draft_s, forbidden)


# ---------------------------------------------------------------------------------------------------
# Report


def render_report(sizes: Sizes, composer: ComposerSpeed, overhead: Overhead, scaling: Scaling, cold: ColdStart) -> str:
    top = max(sizes.concurrency)
    lines = [
        "# Tactful pipeline benchmark",
        "",
        machine_line(),
        "",
        (f"Loopback OpenAI-compatible server (`tests/support/openai_server.py`, in a child process) answering after "
         f"D = {sizes.delay * 1000:.0f} ms. Eval scaling: T(1) from one run, T(4) and T(16) the median of "
         f"{sizes.parallel_runs} run(s), each from the start of drafting to the last record written. "
         f"Composer: median of {sizes.composer_passes} timed passes over "
         f"{composer.drafts} drafts (every scenario × channel × language). Cold start: median of {sizes.cold_runs} "
         "runs after one untimed run."),
        "",
        "| Figure | Measured | Baseline (same run) | Ratio | Target | Status |",
        "| --- | ---: | ---: | ---: | --- | --- |",
        (f"| Composer drafts/s (compose + render + check, one process) | {composer.drafts_per_s:,.0f} | "
         f"{composer.checks_per_s:,.0f} checks/s of the same texts | {composer.drafts_per_s / composer.checks_per_s:.2f}× | — | — |"),
        (f"| Pipeline overhead: wall / (LLM calls × D), {overhead.drafts} drafts × 2 calls | {overhead.wall_s:.2f} s | "
         f"{overhead.calls} × {overhead.delay * 1000:.0f} ms = {overhead.calls * overhead.delay:.2f} s | {overhead.ratio:.3f} | "
         f"≤ {TARGET_OVERHEAD} | {status(overhead.ratio <= TARGET_OVERHEAD)} |"),
    ]
    for concurrency in sizes.concurrency:
        ideal = scaling.drafts * scaling.delay / concurrency
        if concurrency == 1:
            lines.append(f"| Eval, N = {scaling.drafts} drafts, concurrency 1 | {scaling.seconds[1]:.2f} s | N × D = {ideal:.2f} s | "
                         f"{scaling.seconds[1] / ideal:.3f} | — | — |")
            continue
        efficiency = scaling.efficiency(concurrency)
        target = f"≥ {TARGET_EFFICIENCY}" if concurrency == top else "—"
        verdict = status(efficiency >= TARGET_EFFICIENCY) if concurrency == top else "—"
        lines.append(f"| Eval, N = {scaling.drafts}, concurrency {concurrency}: parallel efficiency T(1) / ({concurrency} × T({concurrency})) | "
                     f"{scaling.seconds[concurrency]:.2f} s | T(1) / {concurrency} = {scaling.seconds[1] / concurrency:.2f} s | "
                     f"{efficiency:.3f} | {target} | {verdict} |")
    lines += [
        (f"| Cold start `tactful check FILE --format json` | {cold.check_s:.3f} s | {cold.python_s:.3f} s (`python -c pass`) | "
         f"{cold.check_s / cold.python_s:.1f}× | — | — |"),
        (f"| Cold start `tactful draft SCENARIO --backend composer -f json` | {cold.draft_s:.3f} s | {cold.python_s:.3f} s | "
         f"{cold.draft_s / cold.python_s:.1f}× | — | — |"),
        (f"| {' / '.join(FORBIDDEN_IN_CHECK)} imported by `tactful check` | {', '.join(cold.forbidden_loaded) or 'none'} | — | — | "
         f"none | {'PASS' if not cold.forbidden_loaded else 'FAIL'} |"),
        "",
        (f"Pipeline overhead per LLM call: {overhead.per_call_ms:.1f} ms (checking the draft, rendering it, building the "
         "request and parsing the reply). Every eval draft passes the checker and is appended to results.jsonl as it "
         "finishes."),
        "",
        (f"CPU of the client process per eval draft at concurrency {top}: {1000 * scaling.cpu_per_draft[top]:.1f} ms, so the "
         f"one event loop that drafts and checks was busy {100 * scaling.cpu_per_draft[top] * scaling.drafts / scaling.seconds[top]:.0f}% "
         f"of T({top}); replies that arrive together queue for it, which is most of the gap between T({top}) and T(1) / {top}."),
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 if ``tactful check`` imports matplotlib, langchain or gradio, else 0."""
    parser = argparse.ArgumentParser(description="Benchmark the Tactful drafting pipeline and evaluation harness.")
    parser.add_argument("--quick", action="store_true", help="small sizes for CI (well under a minute)")
    parser.add_argument("--out", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--serve", nargs=2, metavar=("DELAY", "REPLIES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(float(args.serve[0]), args.serve[1])
        return 0
    sizes = QUICK if args.quick else FULL

    composer = measure_composer(sizes)
    with LoopbackServer(sizes.delay) as server:
        overhead = measure_overhead(server, sizes)
        scaling = measure_scaling(server, sizes)
    cold = measure_cold_start(sizes)

    report = render_report(sizes, composer, overhead, scaling, cold)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 1 if cold.forbidden_loaded else 0


if __name__ == "__main__":
    sys.exit(main())
