"""What a good model answers: the composer's compliant drafts as the JSON a model would send, for
scripting a ``ScriptedOpenAIServer``."""

from __future__ import annotations

import json
import threading

from support.scenarios import SCENARIO
from tactful.composer import Composer
from tactful.situation import load_situation, parse_situation

COMPOSER = Composer()
"""The composer behind ``compliant_answer`` (a test warms it up so that the server is never the bottleneck)."""
_answers: dict[tuple[str, str, str], str] = {}
_answers_lock = threading.Lock()


def grounded_reply(channel: str = "email") -> str:
    """A compliant, grounded reply for ``SCENARIO``: the JSON a good model would send."""
    situation = load_situation(SCENARIO)
    return Composer().compose(situation, channel, "en")[0].content.model_dump_json()


def compliant_answer(body: dict) -> str:
    """The JSON a good model would send for the situation, channel and language of a draft request
    (its chat-completions body); usable as a server's ``default`` script."""
    system, human = body["messages"][0]["content"], body["messages"][1]["content"]
    start = human.index("<situation>") + len("<situation>")
    data, _ = json.JSONDecoder().raw_decode(human[start:].lstrip())
    channel = human.split("Write the ", 1)[1].split(" ", 1)[0]
    language = "ru" if "Write in Russian" in system else "en"
    key = (json.dumps(data, sort_keys=True), channel, language)
    with _answers_lock:
        if key not in _answers:
            _answers[key] = COMPOSER.compose(parse_situation(data), channel, language)[0].content.model_dump_json()
        return _answers[key]
