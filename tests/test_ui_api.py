"""The named API of the running web UI (``/check`` and ``/draft``) through `gradio_client`, as scripts use it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from gradio_client import Client

SCENARIO = next((Path(__file__).resolve().parents[1] / "eval" / "scenarios").glob("01-*.yaml"))
ACCUSATION = "You always ignore my emails and it is your fault."


@pytest.fixture(scope="module")
def client(ui_url: str) -> Iterator[Client]:
    """A `gradio_client.Client` connected to the offline web UI; no telemetry, no download folder."""
    with pytest.MonkeyPatch.context() as env:
        # The client reports itself to Hugging Face unless both the argument and the variable say no.
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        connected = Client(ui_url, verbose=False, analytics_enabled=False, download_files=False)
    try:
        yield connected
    finally:
        connected.close()


def scenario() -> dict[str, Any]:
    """The first eval scenario as JSON-ready data (its end date as ISO text)."""
    data = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def test_view_api_lists_both_named_endpoints(client: Client):
    endpoints = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert {"/check", "/draft"} <= set(endpoints)
    assert [p["parameter_name"] for p in endpoints["/check"]["parameters"]] == ["text", "language", "channel"]
    assert [p["parameter_name"] for p in endpoints["/draft"]["parameters"]] == ["situation", "channel", "backend"]


def test_check_returns_the_report(client: Client):
    report = client.predict(ACCUSATION, api_name="/check")
    assert isinstance(report, dict) and report["passed"] is False
    errors = {v["rule"] for v in report["violations"] if v["severity"] == "error"}
    assert {"accusation", "blame"} <= errors
    assert all(v["message"] and v["suggestion"] for v in report["violations"])
    blame = next(v for v in report["violations"] if v["rule"] == "blame")
    assert ACCUSATION[blame["start"]:blame["end"]] == blame["excerpt"] == "your fault"


def test_check_passes_language_and_channel_through(client: Client):
    report = client.predict(ACCUSATION, "ru", "call", api_name="/check")
    assert (report["language"], report["channel"]) == ("ru", "call")
    assert "subject" not in {c["rule"] for c in report["checks"]}


def test_draft_writes_a_compliant_message_offline(client: Client):
    situation = scenario()
    result = client.predict(situation, api_name="/draft")
    assert result["backend"] == "composer" and result["compliant"] is True
    assert result["channel"] == "email" and result["language"] == "ru"
    assert situation["client"]["contact"] in result["text"]
    assert result["report"]["passed"] is True


def test_draft_honours_the_channel(client: Client):
    result = client.predict(scenario(), "call", "composer", api_name="/draft")
    assert result["channel"] == "call" and result["draft"]["content"]["kind"] == "call"
