"""Prompts that read a message (the critic, the judge): the message fenced as untrusted data, and the
template's ``system`` and ``user`` blocks rendered into chat messages."""

from __future__ import annotations

from typing import Any

from .resources import templates


def fenced(text: str) -> str:
    """The message goes inside <message> tags: it must not be able to close them."""
    return text.replace("<message>", "‹message›").replace("</message>", "‹/message›")


def system_and_user(template: Any, variables: dict[str, Any]) -> list[tuple[str, str]]:
    """The (role, text) pairs of a jinja template's ``system`` and ``user`` blocks."""

    def block(name: str) -> str:
        return "".join(template.blocks[name](template.new_context(variables))).strip()

    return [("system", block("system")), ("human", block("user"))]


def prompt_template(name: str) -> Any:
    """A template of ``prompts/llm/``."""
    return templates("llm").get_template(name)
