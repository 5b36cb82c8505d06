"""The closure checklist: what to prepare and send, with deadlines computed from the situation's end
date and notice period; exported as Markdown and as an .ics calendar. Steps are data
(``guidelines/closure.yaml``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from pydantic import BaseModel

from .resources import load_yaml
from .situation import Situation
from .vocab import Language


class ChecklistItem(BaseModel):
    id: str
    title: str
    due: dt.date | None
    guideline: str
    overdue: bool = False


class Checklist(BaseModel):
    language: Language
    title: str
    items: list[ChecklistItem]
    notice_date: dt.date | None = None

    def markdown(self) -> str:
        labels = _config()["labels"][self.language]
        lines = [f"## {self.title}", ""]
        for item in self.items:
            when = item.due.isoformat() if item.due else labels["no_date"]
            late = f" — {labels['late']}" if item.overdue else ""
            lines.append(f"- [ ] {item.title} — {labels['date']}: {when}{late}")
        return "\n".join(lines) + "\n"

    def ics(self, stamp: dt.datetime | None = None) -> str:
        """An iCalendar file with one all-day event per dated step (RFC 5545, CRLF line ends)."""
        stamp = stamp or dt.datetime.now(dt.timezone.utc)
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tactful//Closure checklist//EN", "CALSCALE:GREGORIAN"]
        for item in self.items:
            if item.due is None:
                continue
            lines += [
                "BEGIN:VEVENT",
                f"UID:{item.id}-{item.due:%Y%m%d}@tactful",
                f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                f"DTSTART;VALUE=DATE:{item.due:%Y%m%d}",
                f"DTEND;VALUE=DATE:{item.due + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_ics_text(item.title)}",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "\r\n".join(_fold(line) for line in lines) + "\r\n"


@cache
def _config() -> dict[str, Any]:
    return load_yaml("guidelines", "closure.yaml")


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 §3.1)."""
    out, current = [], b""
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > 75:
            out.append(current.decode("utf-8"))
            current = b" " + encoded
        else:
            current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def build_checklist(situation: Situation, language: Language, today: dt.date | None = None) -> Checklist:
    """The steps that apply to the situation, in date order, with deadlines where the end date is known."""
    config = _config()
    labels = config["labels"][language]
    today = today or dt.date.today()
    end = situation.end_date
    notice_days = situation.contract.notice_days or 0
    notice = end - dt.timedelta(days=notice_days) if end else None
    clause = situation.contract.clause
    values = {
        "clause_en": config["labels"]["en"]["clause"].format(clause=clause) if clause else "",
        "clause_ru": config["labels"]["ru"]["clause"].format(clause=clause) if clause else "",
        "handover": ", ".join(situation.handover),
        "referral": situation.referral or "",
    }
    items = []
    for step in config["steps"]:
        if step.get("when") and not getattr(situation, step["when"]):
            continue
        anchor = {"end": end, "notice": notice}[step["anchor"]]
        due = anchor + dt.timedelta(days=step["offset"]) if anchor else None
        items.append(ChecklistItem(
            id=step["id"], title=step["title"][language].format(**values), due=due,
            guideline=step["guideline"], overdue=bool(due and due < today),
        ))
    items.sort(key=lambda i: (i.due is None, i.due or dt.date.max))
    return Checklist(language=language, title=labels["title"], items=items, notice_date=notice)
