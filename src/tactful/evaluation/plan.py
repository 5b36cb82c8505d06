"""What a run drafts: the scenario files it reads and the jobs they make, scenarios × channels ×
languages × repeats. A job's key names its line in ``results.jsonl``, which is how a resumed run knows
what is done."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..vocab import Channel, Language
from .config import EvalConfig, EvalError

SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Scenario:
    name: str
    path: Path
    sha: str  # of the file's bytes: a resumed run drafts again a scenario that was edited since
    situation: Any  # tactful.situation.Situation, which this module does not import until it loads one


@dataclass(frozen=True)
class Job:
    scenario: Scenario
    channel: Channel
    language: Language
    repeat: int

    @property
    def key(self) -> str:
        return job_key(self.scenario.name, self.channel, self.language, self.repeat)


def job_key(scenario: str, channel: str, language: str, repeat: int) -> str:
    return f"{scenario}/{channel}/{language}/{repeat}"


def default_scenarios() -> Path:
    from ..resources import data_dir

    return data_dir("eval") / "scenarios"


def load_scenarios(directory: Path | None) -> list[Scenario]:
    """Every situation file of ``directory`` (sorted by name); a bad file is an `EvalError` naming it."""
    from ..situation import SituationError, load_situation

    directory = directory or default_scenarios()
    if not directory.is_dir():
        raise EvalError(f"{directory}: no such directory of scenarios")
    paths = sorted(p for p in directory.iterdir() if p.suffix.lower() in SCENARIO_SUFFIXES and p.is_file())
    if not paths:
        raise EvalError(f"{directory}: no scenario files (*.yaml, *.yml, *.json)")
    scenarios = []
    for path in paths:
        try:
            situation = load_situation(path)
        except SituationError as exc:
            raise EvalError(str(exc)) from None
        except OSError as exc:
            raise EvalError(f"{path}: cannot read ({exc.strerror})") from None
        sha = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        scenarios.append(Scenario(name=path.stem, path=path, sha=sha, situation=situation))
    return scenarios


def plan(config: EvalConfig, scenarios: list[Scenario]) -> list[Job]:
    """Scenarios × channels × languages × repeats, in that nesting order."""
    return [
        Job(scenario, channel, language, repeat)
        for scenario in scenarios
        for channel in dict.fromkeys(config.channels)
        for language in dict.fromkeys(config.languages)
        for repeat in range(config.repeat)
    ]
