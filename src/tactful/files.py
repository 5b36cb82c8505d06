"""Writing a file so that a crash never leaves half of it: what the CLI, the history export and the
evaluation's records and reports write."""

from __future__ import annotations

from pathlib import Path


def write_atomically(path: Path, data: str) -> None:
    """Write via a temporary file in the same directory, so a crash never leaves half a file."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
