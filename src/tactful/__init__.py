"""Tactful: write and check the message that ends cooperation with a difficult client.

The public API is re-exported here; heavy modules load on first use.
"""

from __future__ import annotations

from .checker import InputError, check
from .guidelines import Guideline, load_guidelines
from .language import detect_language
from .models import CheckReport, RuleCheck, Violation

__all__ = [
    "CheckReport",
    "Guideline",
    "InputError",
    "RuleCheck",
    "Violation",
    "check",
    "detect_language",
    "load_guidelines",
]
__version__ = "0.1.0"
