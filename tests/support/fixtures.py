"""The shared fixtures, registered for every test module by ``tests/conftest.py`` (``pytest_plugins``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.drafters import MockDrafter
from support.openai_server import ScriptedOpenAIServer
from support.ui_server import UIServer
from tactful import llm
from tactful.drafters import register_drafter, unregister_drafter


@pytest.fixture(autouse=True)
def fresh_negotiation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts with no server's output mode known: a port the system hands out again must not
    inherit what another test's server refused."""
    monkeypatch.setattr(llm, "_NEGOTIATED", {})


@pytest.fixture
def mock_drafter() -> Iterator[MockDrafter]:
    """A `MockDrafter` registered as the backend ``"mock"`` for the test; queue its drafts with ``enqueue``."""
    drafter = MockDrafter()
    register_drafter("mock", lambda settings: drafter)
    yield drafter
    unregister_drafter("mock")


@pytest.fixture
def scripted_llm() -> Iterator[ScriptedOpenAIServer]:
    """A started ``ScriptedOpenAIServer`` with an empty script, stopped after the test."""
    with ScriptedOpenAIServer() as server:
        yield server


@pytest.fixture(scope="session")
def ui_url() -> Iterator[str]:
    """The URL (with a trailing slash) of a running offline web UI, shared by every test of the session
    that asks for it: started on first use, stopped at the end of the session."""
    server = UIServer()
    try:
        server.wait_until_ready()
        yield server.url
    finally:
        server.stop()
