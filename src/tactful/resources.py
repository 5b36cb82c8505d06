"""Where Tactful's data directories (guidelines/, prompts/, eval/) are on this installation."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory holding the named data set (``guidelines``, ``prompts`` or ``eval``).

    A wheel carries the data inside the package (``tactful/_data``); a source checkout and an editable
    install read it from the repository root, so edits to the YAML take effect without reinstalling.
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Tactful data directory {name!r} is missing from this installation")
