from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The shared fixtures (a scripted OpenAI-compatible server, the running web UI); the helpers and fakes
# behind them live in tests/support, which test modules import from (never from one another).
pytest_plugins = ["support.fixtures"]


@pytest.fixture(scope="session", autouse=True)
def _history_database_for_the_session(tmp_path_factory):
    """The history of servers and subprocesses started by session or module fixtures goes to a temporary
    SQLite file: a test run never writes to the user's data directory or a team's TACTFUL_DATABASE_URL."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TACTFUL_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('history') / 'session.db'}")
        yield


@pytest.fixture(autouse=True)
def _history_database(monkeypatch, tmp_path_factory):
    """Each test its own empty history (in a directory apart from its tmp_path), saving switched on."""
    monkeypatch.setenv("TACTFUL_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('history') / 'tactful.db'}")
    monkeypatch.delenv("TACTFUL_HISTORY", raising=False)


@pytest.fixture
def run_cli():
    """Run the real `tactful` command in a subprocess: exit codes and stderr as a user sees them."""

    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        data = input.encode() if isinstance(input, str) else input
        result = subprocess.run(
            [sys.executable, "-m", "tactful", *args],
            input=data,
            capture_output=True,
            env={**os.environ, **(env or {})},
            timeout=120,
        )
        return subprocess.CompletedProcess(
            result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
        )

    return run


_FIGURES = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def figures(pytestconfig) -> list[str]:
    """Lines about what a real model did, shown in the run's summary: reported, never asserted (what a
    model writes differs between machines)."""
    return pytestconfig.stash.setdefault(_FIGURES, [])


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(_FIGURES, [])
    if lines:
        terminalreporter.section("figures reported by the real-model suite")
        for line in lines:
            terminalreporter.write_line(line)
