"""Pointing Tactful at a ``ScriptedOpenAIServer``: through the environment (a ``tactful`` process, the
UI) or through ``Settings`` (the Python API)."""

from __future__ import annotations

from support.openai_server import ScriptedOpenAIServer
from tactful import Settings


def llm_env(server: ScriptedOpenAIServer) -> dict[str, str]:
    """The environment that points a `tactful` process (or the UI) at the scripted server."""
    return {"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-test", "TACTFUL_MODEL": "scripted",
            "TACTFUL_BACKEND": "auto", "TACTFUL_MAX_RETRIES": "0"}


def settings_for(server: ScriptedOpenAIServer, **extra) -> Settings:
    """``Settings`` for the scripted server, no retries and a 5 s timeout; ``extra`` overrides any field."""
    values = {"base_url": server.base_url, "api_key": "sk-test-secret", "model": "scripted", "max_retries": 0, "timeout": 5}
    return Settings(**{**values, **extra})
