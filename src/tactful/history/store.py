"""`HistoryStore`: cases, drafts, checks and replies kept in a local SQLite file (or a shared PostgreSQL).

Every failure of the database reaches the caller as one `HistoryError` whose message names the database
(never its password); an unknown id is `CaseNotFound`, a `KeyError`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from . import rows
from .database import HistoryError, connect, default_url, normalize_url, shown
from .records import Case, CaseSummary
from .rows import CaseNotFound
from .tables import CaseRow, EntryRow, utcnow

if TYPE_CHECKING:
    from ..report import CheckReport
    from ..result import DraftResult
    from ..situation import Situation

__all__ = ["CaseNotFound", "HistoryError", "HistoryStore"]
_NEWEST_FIRST = (CaseRow.updated.desc(), CaseRow.id.desc())


class HistoryStore:
    """The history in one database: ``HistoryStore(url)`` or ``HistoryStore.open(url)``; the default url is
    ``TACTFUL_DATABASE_URL``, else ``tactful.db`` in the user's data directory; a bare path is a SQLite
    file. Nothing is opened before the first call. Close it (or use ``with``) to release connections."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalize_url(url or default_url())
        self.where = shown(self.url)
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._opening = threading.Lock()  # the UI's worker threads share a store: connect and migrate once

    @classmethod
    def open(cls, url: str | None = None) -> HistoryStore:
        return cls(url)

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = self._sessions = None

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One transaction; the database is created or migrated on first use."""
        try:
            with self._opening:
                if self._sessions is None:
                    self._engine = connect(self.url)
                    self._sessions = sessionmaker(self._engine, expire_on_commit=False)
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise HistoryError(f"history database {self.where}: {reason}") from exc
        except (OSError, ImportError) as exc:  # a data directory we cannot create, a driver not installed
            raise HistoryError(f"history database {self.where}: {exc}") from exc

    # -- writing ---------------------------------------------------------------------------------------

    def save_case(self, situation: Situation | dict[str, Any]) -> int:
        """A new case for ``situation`` (a `Situation` or its dict); returns its id."""
        data = rows.situation_dump(situation)
        with self._session() as session:
            case = rows.new_case(data)
            session.add(case)
            session.flush()
            return case.id

    def update_situation(self, case_id: int, situation: Situation | dict[str, Any]) -> None:
        """Replace the case's situation (the user edited an input); its entries stay."""
        data = rows.situation_dump(situation)
        with self._session() as session:
            case = rows.get(session, case_id)
            case.situation, case.updated = data, utcnow()
            case.client, case.client_key, case.contact = rows.who(data)
            if case.last_text is None:  # no entries yet: the summary follows the situation
                case.language, case.channel = data["language"], data["channel"]

    def add_draft(self, case_id: int, result: DraftResult) -> int:
        """Record a `DraftResult` and each of its tone variants as drafts; returns the first entry's id."""
        entries = [rows.result_entry("draft", r) for r in [result, *result.variants]]
        with self._session() as session:
            return rows.append(session, rows.get(session, case_id), entries)

    def add_reply(self, case_id: int, client_text: str, result: DraftResult) -> int:
        """Record an answer to the client's push-back with the client's text; returns the entry's id."""
        entry = rows.result_entry("reply", result, client_reply=client_text)
        with self._session() as session:
            return rows.append(session, rows.get(session, case_id), [entry])

    def add_check(self, text: str, report: CheckReport, case_id: int | None = None) -> int:
        """Record a check of ``text``; returns the case's id. Without ``case_id`` the check gets a case of
        its own, with an empty situation and no client, so that it is listed, exported and deleted like
        everything else."""
        entry = EntryRow(kind="check", created=utcnow(), channel=report.channel, language=report.language,
                         text=text, compliant=report.passed, report=report.model_dump(mode="json"))
        with self._session() as session:
            if case_id is None:
                case = rows.new_case({}, language=report.language, channel=report.channel)
                session.add(case)
                session.flush()
            else:
                case = rows.get(session, case_id)
            rows.append(session, case, [entry])
            return case.id

    def delete_case(self, case_id: int) -> None:
        """Delete the case and all its entries, for good."""
        with self._session() as session:
            session.delete(rows.get(session, case_id))

    # -- reading ---------------------------------------------------------------------------------------

    def list_cases(self, client: str | None = None, limit: int = 200) -> list[CaseSummary]:
        """Cases, most recently updated first; ``client`` keeps those whose client contains it, in any case."""
        query = select(CaseRow).order_by(*_NEWEST_FIRST).limit(limit)
        if client and client.strip():
            query = query.where(CaseRow.client_key.contains(client.strip().casefold(), autoescape=True))
        with self._session() as session:
            return [rows.summary(case) for case in session.scalars(query)]

    def get_case(self, case_id: int) -> Case:
        """The case with its situation and every entry, oldest first; `CaseNotFound` if there is none."""
        with self._session() as session:
            return rows.full(rows.get(session, case_id))

    def find_case(self, situation: Situation | dict[str, Any]) -> int | None:
        """The most recent case with exactly this situation, if any: to add to it rather than repeat it."""
        data = rows.situation_dump(situation)
        query = select(CaseRow).where(CaseRow.client_key == rows.who(data)[1]).order_by(*_NEWEST_FIRST)
        with self._session() as session:
            # Compared here, not in SQL: PostgreSQL's json type has no equality operator.
            return next((case.id for case in session.scalars(query) if case.situation == data), None)

    def export(self, ids: list[int] | None = None) -> list[Case]:
        """Whole cases: those with ``ids``, in that order (`CaseNotFound` for a missing one), else all of
        them, most recently updated first."""
        with self._session() as session:
            if ids is not None:
                return [rows.full(rows.get(session, case_id)) for case_id in ids]
            return [rows.full(case) for case in session.scalars(select(CaseRow).order_by(*_NEWEST_FIRST))]
