"""What `tactful` and its `tactful eval` sub-app share: option choices and the one-line error exit.

A module of its own because `tactful.cli` mounts the eval app, so the eval app cannot import from it.
Only typer and the standard library are imported: `tactful check` must start fast.
"""

from __future__ import annotations

from enum import Enum
from typing import get_args

import typer

from .vocab import BACKENDS, CHANNELS, LanguageChoice

# Shown under --help of the commands that can call an LLM server; tests/test_cli_settings.py keeps it in
# step with the Settings model.
LLM_ENVIRONMENT = (
    "LLM server, from the environment: OPENAI_BASE_URL, OPENAI_API_KEY, TACTFUL_MODEL, TACTFUL_BACKEND "
    "(auto|composer|openai), TACTFUL_TIMEOUT (s per request), TACTFUL_MAX_RETRIES, TACTFUL_REASKS (of a reply that "
    "does not match the schema), TACTFUL_MAX_REVISIONS, TACTFUL_MAX_WAIT (s for all LLM work of one draft), "
    "TACTFUL_OUTPUT_MODE (auto|json_schema|json_object|text), TACTFUL_MAX_TOKENS (per reply), TACTFUL_PROMPT (full|compact: compact for small "
    "local models), TACTFUL_TEMPERATURE, TACTFUL_CRITIC (1|0: the model critiques each draft the rules pass)."
)


MAX_REVISIONS_HELP = "Revision rounds after an LLM's first draft (default: TACTFUL_MAX_REVISIONS, 2)."


# --no-history on the commands that save to the history (tactful.history.recording).
NO_HISTORY_HELP = ("Do not save this to the history (TACTFUL_HISTORY=0 does so for every command; "
                   "TACTFUL_DATABASE_URL chooses the database).")


def _choice(name: str, values: tuple[str, ...]) -> type[Enum]:
    """A typer choice whose values are ``values`` (typer reads choices from a str Enum)."""
    return Enum(name, {value: value for value in values}, type=str)  # type: ignore[return-value]


Lang = _choice("Lang", get_args(LanguageChoice))
ChannelOpt = _choice("ChannelOpt", CHANNELS)
BackendOpt = _choice("BackendOpt", tuple(b for b in BACKENDS if b != "auto"))
Format = _choice("Format", ("text", "json"))
DraftFormat = _choice("DraftFormat", ("text", "markdown", "json"))
ExtractFormat = _choice("ExtractFormat", ("yaml", "json"))


def command_group(name: str, help: str, **options: object) -> typer.Typer:
    """A typer app as every `tactful` command group is made: no shell completion, plain tracebacks,
    help when called with nothing (unless ``options`` say otherwise)."""
    settings = {"no_args_is_help": True, "add_completion": False, "pretty_exceptions_enable": False, **options}
    return typer.Typer(name=name, help=help, **settings)  # type: ignore[arg-type]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear line to stderr and return the exit to raise."""
    typer.echo(f"tactful: {message}", err=True)
    return typer.Exit(code)
