"""What the commands read and write: text files and standard input, situations (or notes to extract
one from), settings, atomic output files, and a spinner while an LLM server writes. Every problem is
one line and exit 2 (`tactful.cli_options.fail`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from .cli_options import BackendOpt, fail


def read_text(path: str | None) -> str:
    """Read a file (or stdin for ``-``/nothing) as strict UTF-8, refusing binary data."""
    if path in (None, "-"):
        if path is None and sys.stdin.isatty():
            raise fail("no input: give a file path, or pipe text in with '-'")
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        file = Path(path)
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise fail(f"{path}: no such file") from None
        except IsADirectoryError:
            raise fail(f"{path}: is a directory, not a text file") from None
        except OSError as exc:
            raise fail(f"{path}: cannot read ({exc.strerror})") from None
        name = path
    if b"\x00" in data:
        raise fail(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"{name}: not valid UTF-8 text (byte {exc.start})") from None


def load_situation_or_fail(path: str):
    """Read a situation file (or stdin for '-'): YAML or JSON, or plain text (notes, a pasted thread) that
    is extracted first, with what was found and missing reported on stderr. Any problem is one line naming
    the file and field."""
    import yaml

    from .situation import SituationError, _Loader, loads_situation, parse_situation

    text = read_text(path)
    try:
        # A .yaml/.json file is a situation (its errors name the field); other text is one if it reads
        # as a mapping, and notes to extract from otherwise.
        if Path(path).suffix.lower() in (".yaml", ".yml", ".json"):
            return loads_situation(text)
        try:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            return parse_situation(data)
        extraction = extract_or_fail(text, path)
        return extraction.to_situation()
    except SituationError as exc:
        raise fail(f"{path}: {exc}") from None


def extract_or_fail(text: str, path: str, language: str = "auto"):
    """Extract a situation from plain text, report it on stderr, and refuse one with no client."""
    from .extraction import extract

    extraction = extract(text, language)
    report_extraction(extraction)
    if not extraction.situation.get("client", {}).get("name"):
        raise fail(f"{path}: no client found in the text; name them, e.g. 'Client: Brightline Media'")
    return extraction


def report_extraction(extraction) -> None:
    """On stderr: each field found with its source text, what is missing, what was ignored."""
    for found in extraction.found:
        typer.echo(f"found {found.field}: {found.value!r} ({found.source}, {found.confidence:.2f})", err=True)
    if extraction.missing:
        typer.echo(f"missing: {', '.join(extraction.missing)}", err=True)
    for item in extraction.ignored:
        typer.echo(f"ignored ({item.reason}): {item.text}", err=True)


def settings_or_fail(**overrides: object):
    """The settings from the environment; a bad TACTFUL_* value is one line naming it (exit 2)."""
    from .settings import SettingsError, load_settings

    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        raise fail(str(exc)) from None


@contextmanager
def waiting(settings, backend: BackendOpt | None) -> Iterator[None]:
    """A spinner on a terminal while an LLM server writes: a local model can take a minute or more."""
    if not sys.stderr.isatty() or settings.resolve_backend(backend.value if backend else None) != "openai":
        yield
        return
    from rich.console import Console

    where = settings.base_url or "api.openai.com"
    with Console(stderr=True).status(f"writing with {settings.model} at {where} (at most {settings.max_wait:g} s)…"):
        yield
