"""Accuracy of the checker's learned tone reader: the labeled splits and the firm-boundary probe.

    .venv/bin/python bench/bench_learned_tone.py            # ~15 s; prints the Markdown tables

Per language and split of eval/labeled/ (tactful.checker_eval, as `tactful eval-checker`): the overall
per-rule precision, recall and F1; the hostile texts the checker flags and the respectful ones it flags
wrongly; the learned reader's own counts. Then eval/probes/firm-boundaries.yaml (never trained on): the
share of firm but neutral lines the learned reader flags, and of hostile lines dressed as boundaries the
checker calls hostile and the learned reader flags. `bench/results-learned-tone.md` holds the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tactful import check  # noqa: E402
from tactful.checker_eval import evaluate_language  # noqa: E402
from tactful.rules.learned import load_model  # noqa: E402


def _learned(text: str, language: str) -> bool:
    return any(v.rule == "learned_tone" for v in check(text, language, "email").violations)


def main() -> None:
    print("| language | split | texts | overall P | overall R | overall F1 | hostile flagged | respectful flagged | learned_tone tp/fp/fn |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for language in ("en", "ru"):
        for split in ("tune", "frozen"):
            s = evaluate_language(language, split)
            h = s.hostility
            lt = next(r for r in s.rules if r.rule == "learned_tone")
            print(f"| {language} | {split} | {s.messages} | {s.overall.precision:.4f} | {s.overall.recall:.4f} | "
                  f"{s.overall.f1:.4f} | {h.flagged}/{h.hostile} = {h.recall:.4f} | "
                  f"{h.false_positives}/{h.respectful} = {h.false_positive_rate:.4f} | {lt.tp}/{lt.fp}/{lt.fn} |")
    probe = yaml.safe_load((ROOT / "eval" / "probes" / "firm-boundaries.yaml").read_text(encoding="utf-8"))
    print()
    print("| language | model threshold | firm flagged (learned) | reported flagged (learned) | hostile called hostile (checker) | hostile flagged (learned) |")
    print("|---|---:|---:|---:|---:|---:|")
    for language in ("en", "ru"):
        p = probe[language]
        firm = sum(_learned(t, language) for t in p["firm"])
        reported = sum(_learned(t, language) for t in p["reported"])
        hostile = sum(check(t, language, "email").hostile for t in p["hostile"])
        learned = sum(_learned(t, language) for t in p["hostile"])
        print(f"| {language} | {load_model(language)['threshold']} | {firm}/{len(p['firm'])} | {reported}/{len(p['reported'])} | "
              f"{hostile}/{len(p['hostile'])} | {learned}/{len(p['hostile'])} |")


if __name__ == "__main__":
    main()
