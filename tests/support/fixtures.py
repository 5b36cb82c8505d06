"""The shared fixtures, registered for every test module by ``tests/conftest.py`` (``pytest_plugins``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.openai_server import ScriptedOpenAIServer
from support.ui_server import UIServer


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
