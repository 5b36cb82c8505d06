"""Prompts that read a message (the critic, the judge): the message fenced as untrusted data, and the
template's ``system`` and ``user`` blocks rendered into chat messages."""

from __future__ import annotations

from functools import cache
from typing import Any

from .resources import data_dir


def fenced(text: str) -> str:
    """The message goes inside <message> tags: it must not be able to close them."""
    return text.replace("<message>", "‹message›").replace("</message>", "‹/message›")


def system_and_user(template: Any, variables: dict[str, Any]) -> list[tuple[str, str]]:
    """The (role, text) pairs of a jinja template's ``system`` and ``user`` blocks."""

    def block(name: str) -> str:
        return "".join(template.blocks[name](template.new_context(variables))).strip()

    return [("system", block("system")), ("human", block("user"))]


@cache
def prompt_template(name: str) -> Any:
    """A template of ``prompts/``, strict about undefined variables."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("prompts"))),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    return env.get_template(name)
