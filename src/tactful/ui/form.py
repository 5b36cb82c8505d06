"""The Draft tab's form: its fields, the paste that fills them, and the `Situation` they make."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..resources import data_dir
from ..situation import Situation, loads_situation, parse_situation
from ..vocab import LANGUAGES, Language
from .texts import escape_markdown, texts, ui_data

FORM_FIELDS = (
    "context", "client_name", "contact", "sender_name", "sender_company", "project", "reasons", "facts",
    "notice_days", "clause", "end_date", "handover", "final_invoice", "act", "referral", "outcome",
    "channel", "language", "tone", "signals", "tried", "relationship_months", "stage_in_progress", "urgent",
    "reason_kind", "solo", "no_contract",
)


# The longest text the page takes (a pasted thread, a message to check): beyond it the page would
# freeze on the highlights, so the user is told before anything runs (guidelines/ui.yaml, limits).
LIMIT: int = ui_data()["limits"]["text"]


def too_long(text: str | None) -> bool:
    return len(text or "") > LIMIT


def _lines(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


# Where each extracted field goes in the form (tactful.extraction field -> form field).
EXTRACTED_TO_FORM = {
    "client.name": "client_name", "client.contact": "contact", "sender.name": "sender_name",
    "sender.company": "sender_company", "project": "project", "reasons": "reasons",
    "contract.notice_days": "notice_days", "contract.clause": "clause", "end_date": "end_date",
    "handover": "handover", "final_invoice": "final_invoice", "act_of_acceptance": "act", "referral": "referral",
    "outcome": "outcome", "tone": "tone", "sender.solo": "solo", "contract.exists": "no_contract",
}
# A form value the user has not set: only these are filled from the paste.
_UNSET = (None, "", False, "full", "formal", "auto")


def fill_from_paste(values: dict[str, Any], today: dt.date | None = None) -> tuple[dict[str, Any], list[str], Any]:
    """The form values with empty fields filled from what extraction finds in the pasted context, the form
    fields it filled, and the extraction itself (None when nothing was pasted). Typed values win."""
    from ..extraction import extract

    text = (values.get("context") or "").strip()
    if not text:
        return values, [], None
    language = values.get("language") if values.get("language") in LANGUAGES else "auto"
    extraction = extract(text, language, today=today)
    filled = dict(values)
    changed: list[str] = []
    for found in extraction.found:
        name = EXTRACTED_TO_FORM.get(found.field)
        if name is None or filled.get(name) not in _UNSET:
            continue
        value = found.value
        if found.field in ("reasons", "handover"):
            value = "\n".join(value)
        elif found.field == "end_date":
            value = value.isoformat()
        elif found.field == "contract.exists":
            value = not value  # "no written contract" is the form's checkbox
        if value in _UNSET:
            continue
        filled[name] = value
        changed.append(name)
    if extraction.situation.get("unpaid_invoices") and not values.get("unpaid_invoices"):
        filled["unpaid_invoices"] = extraction.situation["unpaid_invoices"]
    return filled, changed, extraction


def paste_summary(extraction: Any, changed: list[str], context: str, language: Language,
                  values: dict[str, Any] | None = None) -> str:
    """What the paste filled in (each with the text it came from), what neither it nor the form has
    (``values``, the form as typed), and what was ignored."""
    if extraction is None:
        return ""
    words = texts(language)
    names = ui_data()["labels"][language]
    sources = {EXTRACTED_TO_FORM.get(f.field): f for f in extraction.found}
    lines = [words["filled"]] if changed else []
    for name in changed:
        found = sources[name]
        value = "; ".join(map(str, found.value)) if isinstance(found.value, list) else str(found.value)
        source = " ".join(context[found.start : found.end].split())
        item = words["filled_item"].format(label=names[name], value=value[:120], source=source[:160])
        lines.append("- " + escape_markdown(item))
    missing = [names[EXTRACTED_TO_FORM[f]] for f in extraction.missing
               if f in EXTRACTED_TO_FORM and f not in ("contract.exists", "sender.solo", "outcome", "tone")
               and (values or {}).get(EXTRACTED_TO_FORM[f]) in _UNSET]
    if missing:
        lines.append(escape_markdown(words["not_found"].format(fields=", ".join(missing))))
    lines += [escape_markdown(words["ignored"].format(text=item.text[:160])) for item in extraction.ignored]
    return "\n".join(lines)


def form_to_situation(values: dict[str, Any]) -> Situation:
    """Build a `Situation` from the form; raises `SituationError` naming the field."""
    notice = values.get("notice_days")
    months = values.get("relationship_months")
    data = {
        "client": {"name": (values.get("client_name") or "").strip(), "contact": values.get("contact") or None},
        "sender": {"name": values.get("sender_name") or None, "company": values.get("sender_company") or None,
                   "solo": True if values.get("solo") else None},
        "reason_kind": values.get("reason_kind") or None,
        "project": values.get("project") or None,
        "reasons": _lines(values.get("reasons")),
        "facts": _lines(values.get("facts")),
        "contract": {"notice_days": int(notice) if notice not in (None, "") else None, "clause": values.get("clause") or None,
                     "exists": False if values.get("no_contract") else None},
        "end_date": values.get("end_date") or None,
        "handover": _lines(values.get("handover")),
        "final_invoice": bool(values.get("final_invoice")),
        "act_of_acceptance": bool(values.get("act")),
        "referral": values.get("referral") or None,
        "outcome": values.get("outcome") or "full",
        "channel": values.get("channel") or "email",
        "language": values.get("language") or "auto",
        "tone": values.get("tone") or "formal",
        "context": values.get("context") or None,
        "signals": list(values.get("signals") or []),
        "tried": list(values.get("tried") or []),
        "relationship_months": int(months) if months not in (None, "") else None,
        "stage_in_progress": bool(values.get("stage_in_progress")),
        "urgent": bool(values.get("urgent")),
    }
    if values.get("unpaid_invoices"):  # not a form field: unpaid invoices come from the pasted context
        data["unpaid_invoices"] = list(values["unpaid_invoices"])
    return parse_situation(data)


def situation_to_form(situation: Situation) -> list[Any]:
    """The form values that show a situation (the inverse of `form_to_situation`)."""
    s = situation
    values = {
        "context": s.context or "", "client_name": s.client.name, "contact": s.client.contact or "",
        "sender_name": s.sender.name or "", "sender_company": s.sender.company or "", "project": s.project or "",
        "reasons": "\n".join(s.reasons), "facts": "\n".join(s.facts), "notice_days": s.contract.notice_days,
        "clause": s.contract.clause or "", "end_date": s.end_date.isoformat() if s.end_date else "",
        "handover": "\n".join(s.handover), "final_invoice": s.final_invoice, "act": s.act_of_acceptance,
        "referral": s.referral or "", "outcome": s.outcome, "channel": s.channel, "language": s.language, "tone": s.tone,
        "signals": s.signals, "tried": s.tried, "relationship_months": s.relationship_months,
        "stage_in_progress": s.stage_in_progress, "urgent": s.urgent,
        "reason_kind": s.reason_kind or "", "solo": bool(s.sender.solo), "no_contract": s.contract.exists is False,
    }
    return [values[f] for f in FORM_FIELDS]


def example_names() -> list[str]:
    return sorted(p.stem for p in (data_dir("eval") / "scenarios").glob("*.yaml"))


def example_choices() -> list[tuple[str, str]]:
    """The examples for the dropdown, each labelled with its language ("EN · 18-closing-…")."""
    from ..language import situation_language

    choices = []
    for name in example_names():
        situation = loads_situation((data_dir("eval") / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8"))
        language = situation_language(situation)
        choices.append((f"{language.upper()} · {name}", name))
    return choices


def load_example(name: str) -> list[Any]:
    path = data_dir("eval") / "scenarios" / f"{name}.yaml"
    return situation_to_form(loads_situation(path.read_text(encoding="utf-8")))
