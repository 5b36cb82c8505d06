"""Between table rows and the records handed out: the store's conversions, kept out of its way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from .records import Case, CaseSummary, Entry
from .tables import CaseRow, EntryRow, utcnow

if TYPE_CHECKING:
    from ..result import DraftResult
    from ..situation import Situation

PREVIEW = 160  # characters of the latest text shown in the list


class CaseNotFound(KeyError):
    """No case with this id (it never existed, or was deleted)."""

    def __str__(self) -> str:  # KeyError would print the repr of its argument
        return str(self.args[0]) if self.args else "case not found"


def situation_dump(situation: Situation | dict[str, Any]) -> dict[str, Any]:
    """The situation as JSON data, validated: a case must always reopen as a `Situation`."""
    from ..situation import Situation, parse_situation

    parsed = situation if isinstance(situation, Situation) else parse_situation(situation)
    return parsed.model_dump(mode="json")


def who(data: dict[str, Any]) -> tuple[str, str, str | None]:
    """Client, its casefolded key (for the filter), contact."""
    client = data.get("client") or {}
    name = client.get("name") or ""
    return name, name.casefold(), client.get("contact")


def new_case(data: dict[str, Any], language: str | None = None, channel: str | None = None) -> CaseRow:
    now = utcnow()
    name, key, contact = who(data)
    return CaseRow(client=name, client_key=key, contact=contact, situation=data, created=now, updated=now,
                   language=language or data.get("language", "auto"), channel=channel or data.get("channel", "email"))


def result_entry(kind: str, result: DraftResult, client_reply: str | None = None) -> EntryRow:
    return EntryRow(kind=kind, created=utcnow(), channel=result.channel, language=result.language, tone=result.tone,
                    backend=result.backend, text=result.text, compliant=result.compliant, client_reply=client_reply,
                    report=result.report.model_dump(mode="json"))


def append(session: Session, case: CaseRow, entries: list[EntryRow]) -> int:
    """Add entries to a case and make the case's summary follow the latest; returns the first entry's id."""
    for entry in entries:
        entry.case_id = case.id
        session.add(entry)
    last = entries[-1]
    case.updated, case.last_text = last.created, preview(last.text)
    case.language, case.channel = last.language or case.language, last.channel or case.channel
    session.flush()
    return entries[0].id


def preview(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1] + "…"


def get(session: Session, case_id: int) -> CaseRow:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise CaseNotFound(f"no case with id {case_id} in the history")
    return row


def summary(row: CaseRow) -> CaseSummary:
    return CaseSummary.model_validate({name: getattr(row, name) for name in CaseSummary.model_fields})


def full(row: CaseRow) -> Case:
    entries = [Entry.model_validate({name: getattr(entry, name) for name in Entry.model_fields}) for entry in row.entries]
    return Case(**summary(row).model_dump(), situation=row.situation, entries=entries)
