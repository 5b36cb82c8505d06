"""Where Tactful's data directories (guidelines/, prompts/, eval/) are on this installation, and the one
way to read them: `load_yaml` for data files, `templates` for jinja templates."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

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


def load_yaml(name: str, *path: str) -> Any:
    """The parsed YAML file at ``path`` inside the data set ``name``: ``load_yaml("guidelines",
    "closure.yaml")``. Callers cache what they read often."""
    import yaml

    return yaml.safe_load(data_dir(name).joinpath(*path).read_text(encoding="utf-8"))


@cache
def templates(folder: str) -> Any:
    """The jinja environment of ``prompts/<folder>`` (``llm``: prompts for a model; ``composer``: the
    composer's messages; ``output``: how a draft reads as text or Markdown), strict about undefined
    variables. One environment per folder, shared: what is added to it must not depend on a request."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("prompts") / folder)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
