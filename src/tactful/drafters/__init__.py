"""The drafters, by name: the guideline composer (offline) and an OpenAI-compatible chat server.

`make_drafter` builds one from a name or the settings; `register_drafter` adds another (a test's
`MockDrafter`, another kind of server) without touching the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable

from ..settings import Settings
from .base import Drafted, Drafter, DraftTask

DrafterFactory = Callable[[Settings], Drafter]


def _composer(settings: Settings) -> Drafter:
    from .composing import ComposerDrafter

    return ComposerDrafter()


def _chat(settings: Settings) -> Drafter:
    from .chat import ChatDrafter

    return ChatDrafter(settings)


_FACTORIES: dict[str, DrafterFactory] = {"composer": _composer, "openai": _chat}


def register_drafter(name: str, factory: DrafterFactory) -> None:
    """Make ``name`` a backend that `make_drafter` (and ``backend=name`` in the API) builds."""
    _FACTORIES[name] = factory


def unregister_drafter(name: str) -> None:
    _FACTORIES.pop(name, None)


def make_drafter(name: str | None, settings: Settings) -> Drafter:
    """The drafter called ``name``; ``None`` or ``"auto"``: the settings' choice (an LLM when one is
    configured, else the composer)."""
    chosen = settings.resolve_backend(name) if name in (None, "auto", "composer", "openai") else name
    if chosen not in _FACTORIES:
        raise ValueError(f"unknown backend {name!r}: use {', '.join(sorted(_FACTORIES))}")
    return _FACTORIES[chosen](settings)


__all__ = ["DraftTask", "Drafted", "Drafter", "make_drafter", "register_drafter", "unregister_drafter"]
