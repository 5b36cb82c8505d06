"""The named API endpoints ``/draft`` and ``/check`` (typed so gradio_client sees their parameters)."""

from __future__ import annotations

from ..checker import InputError, check
from ..situation import SituationError, parse_situation


def api_check(text: str, language: str = "auto", channel: str = "email") -> dict:
    """Check a message: the `CheckReport` as JSON (rule ids, severities, spans, messages)."""
    import gradio as gr

    try:
        return check(text, lang=language, channel=channel).model_dump(mode="json")
    except InputError as exc:
        raise gr.Error(str(exc)) from None  # shown to API callers even with show_error off


def api_draft(situation: dict, channel: str = "", backend: str = "") -> dict:
    """Draft a message for a situation (the same fields as a situation file): the `DraftResult` as JSON."""
    import gradio as gr

    from ..pipeline import draft

    try:
        result = draft(parse_situation(situation), channel=channel or None, backend=backend or None)  # type: ignore[arg-type]
    except (SituationError, InputError, ValueError, RuntimeError) as exc:
        raise gr.Error(str(exc)) from None
    return result.model_dump(mode="json")
