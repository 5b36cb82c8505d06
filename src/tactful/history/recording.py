"""What `tactful draft`, `check` and `reply` call once each: save to the history, or quietly do nothing.

History is a convenience: it is skipped when switched off (``--no-history``, ``TACTFUL_HISTORY=0``) and a
database that fails costs one warning line on stderr, never the command. A draft or reply for a situation
already in the history is added to its most recent case rather than opening a new one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..report import CheckReport
    from ..result import DraftResult
    from ..settings import Settings
    from ..situation import Situation
    from .store import HistoryStore


def record_draft(situation: Situation, result: DraftResult, settings: Settings | None = None, *,
                 enabled: bool = True) -> int | None:
    """Save a draft (and its variants) under the situation's case; returns the case id, or None."""
    return _record(enabled, settings, lambda store: _draft(store, situation, result))


def record_reply(situation: Situation, client_text: str, result: DraftResult, settings: Settings | None = None, *,
                 enabled: bool = True) -> int | None:
    """Save an answer to the client's push-back under the situation's case; returns the case id, or None."""
    return _record(enabled, settings, lambda store: _reply(store, situation, client_text, result))


def record_check(text: str, report: CheckReport, situation: Situation | None = None,
                 settings: Settings | None = None, *, enabled: bool = True) -> int | None:
    """Save a check: under the situation's case when it was checked against one, else as its own case."""
    def write(store: HistoryStore) -> int:
        case_id = None if situation is None else (store.find_case(situation) or store.save_case(situation))
        return store.add_check(text, report, case_id)

    return _record(enabled, settings, write)


def _draft(store: HistoryStore, situation: Situation, result: DraftResult) -> int:
    case_id = store.find_case(situation) or store.save_case(situation)
    store.add_draft(case_id, result)
    return case_id


def _reply(store: HistoryStore, situation: Situation, client_text: str, result: DraftResult) -> int:
    case_id = store.find_case(situation) or store.save_case(situation)
    store.add_reply(case_id, client_text, result)
    return case_id


def _record(enabled: bool, settings: Settings | None, write: Callable[[HistoryStore], Any]) -> int | None:
    if not enabled:
        return None
    try:
        if settings is None:
            from ..settings import load_settings

            settings = load_settings()
        if not settings.history:
            return None
        from .store import HistoryStore

        with HistoryStore(settings.database_url) as store:
            return write(store)
    except Exception as exc:  # noqa: BLE001 - whatever goes wrong, the message itself is already written
        line = " ".join(str(exc).split()) or type(exc).__name__
        print(f"tactful: warning: not saved to the history: {line}", file=sys.stderr)
        return None
