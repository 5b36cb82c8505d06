"""Local history: every situation, draft, check and reply, kept in SQLite in the user's data directory
(or the database at ``TACTFUL_DATABASE_URL``, e.g. a PostgreSQL a team shares).

The records (`Case`, `CaseSummary`, `Entry`) are plain pydantic models and load at once; the store and
the recorders load SQLAlchemy, so they are imported on first use: ``tactful check`` and ``import tactful``
do not pay for them.
"""

from __future__ import annotations

from typing import Any

from .records import Case, CaseSummary, Entry, EntryKind

_LAZY = {
    "HistoryStore": "store",
    "CaseNotFound": "rows",
    "HistoryError": "database",
    "default_url": "database",
    "record_draft": "recording",
    "record_reply": "recording",
    "record_check": "recording",
}

__all__ = ["Case", "CaseNotFound", "CaseSummary", "Entry", "EntryKind", "HistoryError", "HistoryStore",
           "default_url", "record_check", "record_draft", "record_reply"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tactful.history' has no attribute {name!r}")
