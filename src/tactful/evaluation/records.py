"""What a run keeps in its directory: one `EvalRecord` a line in ``results.jsonl``, appended and flushed
as each draft finishes so that an interrupted run keeps its work, and ``run.json`` / ``summary.json`` /
the reports written whole through a temporary file so that a crash never leaves half of one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ..files import write_atomically
from ..report import CheckReport
from ..result import Attempt, Usage
from ..vocab import Channel, Language

RESULTS = "results.jsonl"
SUMMARY = "summary.json"
RUN_INFO = "run.json"


class EvalRecord(BaseModel):
    """One line of ``results.jsonl``: one draft of one scenario, channel, language and repeat."""

    key: str
    scenario: str
    scenario_sha: str
    channel: Channel
    language: Language
    repeat: int = 0
    tone: str = "formal"
    backend: str
    model: str | None = None
    status: Literal["done", "error"] = "done"
    text: str | None = None
    report: CheckReport | None = None
    passed: bool = False
    score: float = 0.0
    compliant: bool = False
    fallback: bool = False
    fallback_reason: str | None = None
    attempts: list[Attempt] = []
    llm_calls: int = 0
    retries: int = 0
    latency: float = 0.0
    timings: dict[str, float] = {}
    tokens: Usage = Usage()
    warnings: list[str] = []
    error: str | None = None
    judge: Any | None = None  # a judge.JudgeResult as a dict; kept loose so that old runs stay readable
    finished_at: str = ""


def now_iso() -> str:
    """The current UTC time to the second, as the records and the summary stamp it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def load_records(path: Path) -> tuple[dict[str, EvalRecord], int]:
    """The records of a ``results.jsonl`` by key (a later line wins) and the number of unreadable lines
    (a line cut by a crash is skipped and drafted again)."""
    records: dict[str, EvalRecord] = {}
    bad = 0
    if not path.exists():
        return records, 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = EvalRecord.model_validate_json(line)
            except (ValidationError, ValueError):
                bad += 1
                continue
            records[record.key] = record
    return records, bad


class RecordAppender:
    """Appends records to results.jsonl, one flushed line each; a cut last line is closed first."""

    def __init__(self, path: Path) -> None:
        needs_newline = path.exists() and path.stat().st_size > 0 and not path.read_bytes().endswith(b"\n")
        self.handle = path.open("a", encoding="utf-8")
        if needs_newline:
            self.handle.write("\n")

    def write(self, record: EvalRecord) -> None:
        self.handle.write(record.model_dump_json() + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


def write_json_atomically(path: Path, data: Any) -> None:
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
