"""What extraction returns: the situation's fields found in pasted text, each with its source span."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..vocab import Language

# The fields a careful reader takes from pasted notes, in the order they are reported. Dotted names are
# the `Situation` model's own paths.
FIELDS: tuple[str, ...] = (
    "client.name", "client.contact", "sender.name", "sender.company", "sender.solo", "project", "reasons",
    "contract.clause", "contract.notice_days", "contract.exists", "end_date", "handover", "final_invoice",
    "act_of_acceptance", "unpaid_invoices", "referral", "outcome", "tone",
)


class Found(BaseModel):
    """One field's value and where it came from: ``text[start:end]`` of the input, and how sure it is."""

    model_config = ConfigDict(frozen=True)

    field: str
    value: Any
    start: int
    end: int
    confidence: float
    source: str  # how it was found: "marker", "header", "signature", "entity", "list", ...


class Ignored(BaseModel):
    """A span of the input that was deliberately not used (an instruction to the tool, an invented value)."""

    start: int
    end: int
    text: str
    reason: str


class Extraction(BaseModel):
    """The situation found in free text. ``situation`` is a mapping ready for `Situation`; ``found``
    says where each value came from; ``missing`` lists the fields the text did not give."""

    language: Language
    situation: dict[str, Any]
    found: list[Found]
    missing: list[str]
    ignored: list[Ignored] = []
    notes: list[str] = []  # how it was read: e.g. the LLM was unreachable and the offline reading was used

    def source(self, field: str) -> Found | None:
        return next((f for f in self.found if f.field == field), None)

    def to_situation(self, **overrides: Any):
        """The `Situation` (raises `SituationError` when the client is missing)."""
        from ..situation import parse_situation

        data = _merge(self.situation, overrides)
        return parse_situation(data)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out.get(key) or {}, value) if isinstance(value, dict) else value
    return out


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """{"client.name": "X"} -> {"client": {"name": "X"}}."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        head, _, tail = key.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[key] = value
    return out
