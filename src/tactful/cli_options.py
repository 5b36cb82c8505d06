"""What `tactful` and its `tactful eval` sub-app share: option choices and the one-line error exit.

A module of its own because `tactful.cli` mounts the eval app, so the eval app cannot import from it.
Only typer and the standard library are imported: `tactful check` must start fast.
"""

from __future__ import annotations

from enum import Enum

import typer

CHANNELS = ("email", "call", "meeting")
LANGUAGES = ("ru", "en")


class BackendOpt(str, Enum):
    composer = "composer"
    openai = "openai"


class Format(str, Enum):
    text = "text"
    json = "json"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear line to stderr and return the exit to raise."""
    typer.echo(f"tactful: {message}", err=True)
    return typer.Exit(code)
