"""Tactful: write and check the message that ends cooperation with a difficult client.

The public API is re-exported here. The drafting side loads on first use, so ``tactful check`` starts
without it.
"""

from __future__ import annotations

from typing import Any

from .checker import InputError, check
from .guidelines import Guideline, load_guidelines
from .language import detect_language
from .report import CheckReport, RuleCheck, Violation

_LAZY = {
    "draft": "pipeline",
    "adraft": "pipeline",
    "reply": "pipeline",
    "areply": "pipeline",
    "assess": "advice",
    "advise_channel": "advice",
    "build_checklist": "checklist",
    "Situation": "situation",
    "SituationError": "situation",
    "load_situation": "situation",
    "Draft": "message",
    "DraftResult": "result",
    "BackendUnavailable": "llm",
    "Drafter": "drafters",
    "DraftTask": "drafters",
    "register_drafter": "drafters",
    "Settings": "settings",
    "extract": "extraction",
    "Extraction": "extraction",
}

__all__ = [
    "BackendUnavailable",
    "CheckReport",
    "Draft",
    "DraftResult",
    "DraftTask",
    "Drafter",
    "Extraction",
    "Guideline",
    "InputError",
    "RuleCheck",
    "Settings",
    "Situation",
    "SituationError",
    "Violation",
    "adraft",
    "advise_channel",
    "areply",
    "assess",
    "build_checklist",
    "check",
    "detect_language",
    "draft",
    "extract",
    "load_guidelines",
    "load_situation",
    "register_drafter",
    "reply",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tactful' has no attribute {name!r}")
