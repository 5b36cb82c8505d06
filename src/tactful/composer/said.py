"""What a message says to the client, field by field: a pass that changes how words are said (to a friend, a
date in words) runs over an email's body; a script's opening, news, pause, points, answers, closing and
follow-up; a plan's talking points, answers and closing. What a script says to the user (the objective, the
agenda, the client's likely words) stays as it is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def each_said(content: Any, said: Callable[[str], str]) -> Any:
    """``content`` with ``said`` applied to every field said to the client."""
    if content.kind == "email":
        return content.model_copy(update={"body": said(content.body)})
    reactions = [r.model_copy(update={"answer": said(r.answer)}) for r in content.reactions]
    if content.kind == "call":
        return content.model_copy(update={
            "opening": said(content.opening), "key_message": said(content.key_message), "pause": said(content.pause),
            "points": [said(p) for p in content.points], "reactions": reactions, "closing": said(content.closing),
            # The letter after the call is to the client too («я верну тебе ключ»); the notes to the user are in brackets.
            "follow_up": said(content.follow_up)})
    return content.model_copy(update={"talking_points": [said(p) for p in content.talking_points],
                                      "reactions": reactions, "closing": said(content.closing)})
