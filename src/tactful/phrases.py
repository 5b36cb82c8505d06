"""The composer's phrase banks (``guidelines/phrases/<lang>.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from .models import Language
from .resources import data_dir

TONES = ("formal", "warm", "brief")


class Phrases(BaseModel):
    """One language's bank: render labels, date words, reason categories, and the jinja2 snippets."""

    model_config = ConfigDict(frozen=True)

    labels: dict[str, str]
    date_format: str
    months: list[str]
    units: dict[str, list[str]]
    categories: dict[str, list[str]]
    company_markers: list[str]
    fact_filter: dict[str, Any]
    reply_kinds: dict[str, list[str]]
    snippets: dict[str, Any]

    def get(self, key: str, tone: str = "formal") -> Any:
        """A snippet by dotted key (``decision.full``); a mapping keyed by tone resolves to the tone."""
        value: Any = self.snippets
        for part in key.split("."):
            value = value[part]
        if isinstance(value, dict) and set(value) <= set(TONES):
            return value.get(tone, value["formal"])
        return value


@cache
def load_phrases(language: Language) -> Phrases:
    raw = yaml.safe_load((data_dir("guidelines") / "phrases" / f"{language}.yaml").read_text(encoding="utf-8"))
    fixed = {k: raw.pop(k) for k in ("labels", "date_format", "months", "units", "categories", "company_markers", "fact_filter", "reply_kinds")}
    return Phrases(**fixed, snippets=raw)
