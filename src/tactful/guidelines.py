"""The guideline corpus: what good parting messages do, in both languages, and which rules enforce it."""

from __future__ import annotations

from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict

from .resources import data_dir
from .vocab import CHANNELS, Channel, Language


class Guideline(BaseModel):
    """One principle of the corpus, with examples and the ids of the tone rules that enforce it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    order: int
    title: dict[Language, str]
    summary: dict[Language, str]
    why: dict[Language, str]
    do: dict[Language, list[str]]
    dont: dict[Language, list[str]]
    channels: list[Channel] = list(CHANNELS)
    rules: list[str] = []


@cache
def load_guidelines() -> tuple[Guideline, ...]:
    """All guidelines of ``guidelines/corpus``, in their reading order."""
    directory = data_dir("guidelines") / "corpus"
    items = [Guideline.model_validate(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in directory.glob("*.yaml")]
    return tuple(sorted(items, key=lambda g: g.order))


def guidelines_for(channel: Channel | None = None) -> list[Guideline]:
    """The guidelines that apply to a channel (all of them when ``channel`` is None)."""
    return [g for g in load_guidelines() if channel is None or channel in g.channels]
