"""Field-level precision and recall of `tactful.extract` on labeled pastes (``eval/extraction/<lang>.yaml``).

A predicted value is right when it means what the label says: names and organisations match by their
words (quotes, titles and legal forms aside), free phrases (the work, handover items, reasons) by
overlapping words, numbers, dates and flags exactly. A wrong value counts against both precision and
recall; list fields count item by item."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..resources import data_dir

LIST_FIELDS = ("handover", "reasons", "unpaid_invoices")
PHRASE_FIELDS = ("project",)


class FieldScore(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


class ExtractionScore(BaseModel):
    language: str
    split: str
    cases: int
    fields: dict[str, FieldScore]
    errors: list[str]
    seconds: list[float]

    def total(self) -> FieldScore:
        out = FieldScore()
        for s in self.fields.values():
            out.tp, out.fp, out.fn = out.tp + s.tp, out.fp + s.fp, out.fn + s.fn
        return out


def _words(value: Any) -> set[str]:
    text = re.sub(r"\b(?:ООО|АО|ПАО|ЗАО|ИП|Ltd|LLC|Inc|GmbH|AS|plc|Dr|Prof|Mr|Mrs|Ms)\b\.?", " ", str(value))
    return {w.lower()[:6] for w in re.findall(r"[^\W_]{2,}", text)}


def _same(field: str, got: Any, want: Any) -> bool:
    if isinstance(want, (bool, int, dt.date)) or field in ("contract.clause",):
        return str(got).strip() == str(want).strip()
    if field == "unpaid_invoices":
        digits = lambda v: re.sub(r"\D", "", str(v or ""))  # noqa: E731 - a local normaliser
        return bool(got.get("number") and digits(got.get("number")) == digits(want.get("number"))
                    or got.get("amount") and digits(got.get("amount")) == digits(want.get("amount")))
    a, b = _words(got), _words(want)
    if not a or not b:
        return False
    overlap = len(a & b) / min(len(a), len(b))
    return overlap >= (0.5 if field in (*PHRASE_FIELDS, *LIST_FIELDS) else 0.99) if field not in ("client.name", "client.contact", "sender.name", "sender.company", "referral") \
        else len(a & b) >= min(2, len(b))


def score_case(predicted: dict[str, Any], expected: dict[str, Any], scores: dict[str, FieldScore], errors: list[str], case_id: str) -> None:
    for field in sorted(set(predicted) | set(expected)):
        if field == "language":
            continue
        s = scores.setdefault(field, FieldScore())
        got, want = predicted.get(field), expected.get(field)
        if field in LIST_FIELDS:
            got, want = got or [], want or []
            hits = sum(any(_same(field, g, w) for w in want) for g in got)
            found = sum(any(_same(field, g, w) for g in got) for w in want)
            s.tp += found
            s.fp += len(got) - hits
            s.fn += len(want) - found
            if hits < len(got) or found < len(want):
                errors.append(f"{case_id} {field}: got {got!r}, want {want!r}")
            continue
        if got is None:
            s.fn += 1
            errors.append(f"{case_id} {field}: missed {want!r}")
        elif want is None:
            s.fp += 1
            errors.append(f"{case_id} {field}: invented {got!r}")
        elif _same(field, got, want):
            s.tp += 1
        else:
            s.fp += 1
            s.fn += 1
            errors.append(f"{case_id} {field}: got {got!r}, want {want!r}")


def flat(extraction) -> dict[str, Any]:
    return {f.field: f.value for f in extraction.found}


def evaluate(language: str, split: str | None = None, path: Path | None = None) -> ExtractionScore:
    """Run extraction on every labeled case of a language (``split``: tune, frozen, or all)."""
    from ..extraction import extract

    cases = yaml.safe_load((path or data_dir("eval") / "extraction" / f"{language}.yaml").read_text(encoding="utf-8"))
    cases = [c for c in cases if split in (None, "all") or c.get("split") == split]
    scores: dict[str, FieldScore] = {}
    errors: list[str] = []
    seconds = []
    for case in cases:
        today = case["today"] if isinstance(case["today"], dt.date) else dt.date.fromisoformat(str(case["today"]))
        started = time.perf_counter()
        result = extract(case["text"], language, today=today)
        seconds.append(time.perf_counter() - started)
        score_case(flat(result), case["expect"], scores, errors, case["id"])
    return ExtractionScore(language=language, split=split or "all", cases=len(cases), fields=scores, errors=errors, seconds=seconds)
