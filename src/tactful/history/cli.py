"""`tactful history`: list, show, export and delete the saved cases.

Only typer and the standard library at module level: `tactful.cli` mounts this app, and `tactful check`
must not pay for SQLAlchemy before it records anything. Exit codes: 0 done, 1 a deletion not confirmed,
2 an unknown id or a database that cannot be used (one line on stderr).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..cli_options import command_group, fail

if TYPE_CHECKING:
    from .records import Case, CaseSummary
    from .store import HistoryStore

history_app = command_group("history", "List, show, export and delete the saved cases (TACTFUL_DATABASE_URL, TACTFUL_HISTORY=0).")


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class DataFormat(str, Enum):
    yaml = "yaml"
    json = "json"


@contextmanager
def _store() -> Iterator[HistoryStore]:
    """The store of the configured database; its errors and unknown ids end the command with one line."""
    from . import CaseNotFound, HistoryError, HistoryStore

    store = HistoryStore(None)
    try:
        yield store
    except (CaseNotFound, HistoryError) as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()


def _dump(data: Any, format: DataFormat) -> str:
    if format is DataFormat.json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip("\n")


def _when(case: CaseSummary) -> str:
    return case.updated.astimezone().strftime("%Y-%m-%d %H:%M")  # the reader's local time


def _table(cases: list[CaseSummary]) -> str:
    rows = [("ID", "UPDATED", "CLIENT", "CHANNEL", "LANG", "LAST TEXT")]
    rows += [(str(c.id), _when(c), c.client or "(a check)", c.channel, c.language, (c.last_text or "")[:60])
             for c in cases]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join([*(cell.ljust(w) for cell, w in zip(row, widths)), row[5]]).rstrip() for row in rows)


@history_app.command("list")
def list_cases(
    client: Annotated[Optional[str], typer.Option("--client", "-c", help="Only clients whose name contains this (any case).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many cases.")] = 200,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """The saved cases, most recently updated first."""
    with _store() as store:
        cases = store.list_cases(client, limit)
    if format is ListFormat.json:
        typer.echo(json.dumps([c.model_dump(mode="json") for c in cases], ensure_ascii=False, indent=2))
    elif cases:
        typer.echo(_table(cases))
    else:
        typer.echo("no cases in the history" + (f" for a client matching {client!r}" if client else ""), err=True)


@history_app.command()
def show(
    case_id: Annotated[int, typer.Argument(metavar="ID", help="The case's id (see `tactful history list`).")],
    format: Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")] = DataFormat.yaml,
) -> None:
    """One case with all its inputs: the situation and every draft, check and reply, oldest first."""
    with _store() as store:
        case = store.get_case(case_id)
    typer.echo(_dump(case.model_dump(mode="json"), format))


@history_app.command()
def export(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    format: Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")] = DataFormat.json,
    ids: Annotated[Optional[list[int]], typer.Option("--id", help="Only this case; repeat for more.")] = None,
) -> None:
    """Every case (or those given with --id) in full, as one JSON or YAML list."""
    with _store() as store:
        cases: list[Case] = store.export(ids or None)
    output = _dump([c.model_dump(mode="json") for c in cases], format)
    if out is None:
        typer.echo(output)
        return
    from ..files import write_atomically

    try:
        write_atomically(out, output + "\n")
    except OSError as exc:
        raise fail(f"{out}: cannot write ({exc.strerror or exc})") from None
    typer.echo(f"exported {len(cases)} case(s) to {out}", err=True)


@history_app.command()
def delete(
    case_id: Annotated[int, typer.Argument(metavar="ID", help="The case's id (see `tactful history list`).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a case and everything saved with it, for good."""
    with _store() as store:
        case = store.get_case(case_id)
        if not yes and not _confirm(f"delete case {case_id} ({case.client or 'a check'}, {len(case.entries)} "
                                    "entries) for good?"):
            typer.echo("not deleted", err=True)
            raise typer.Exit(1)
        store.delete_case(case_id)
    typer.echo(f"deleted case {case_id}", err=True)


def _confirm(question: str) -> bool:
    try:
        return typer.confirm(question, default=False, err=True)
    except typer.Abort:  # no answer (end of input): nothing is deleted
        return False
