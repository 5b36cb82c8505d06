"""The shipped evaluation scenarios that tests draft from."""

from __future__ import annotations

import shutil
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[2] / "eval" / "scenarios"
"""The folder of the shipped scenarios."""

SCENARIO = SCENARIOS / "08-missed-meetings-architect.yaml"
"""The scenario the LLM-path tests draft for (English, an architect's missed meetings)."""


def scenario_dir(tmp_path: Path, *names: str) -> Path:
    """A scenarios directory holding copies of the named shipped scenarios."""
    directory = tmp_path / "scenarios"
    directory.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SCENARIOS / f"{name}.yaml", directory)
    return directory
