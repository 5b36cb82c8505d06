"""The web UI (`tactful ui`): a Gradio page over the same Python API as the CLI.

`form` turns the form into a `Situation` and back, `views` builds what the tabs show as plain data,
`panel` is the review shared by the Draft and Check tabs, each ``*_tab`` lays out and wires one tab, `app`
assembles the page, `api` holds the named endpoints ``/draft`` and ``/check`` for ``gradio_client``.
Gradio itself loads only with the page (`build_app`, `launch`), not with the handlers' pure parts.
"""

from __future__ import annotations

import os
from typing import Any

# Gradio phones home unless told not to; nothing may leave the machine but requests to the LLM server.
# Set before any module of this package imports gradio.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from .api import api_check, api_draft
from .form import (
    EXTRACTED_TO_FORM,
    FORM_FIELDS,
    LIMIT,
    example_names,
    fill_from_paste,
    form_to_situation,
    load_example,
    paste_summary,
    situation_to_form,
    too_long,
)
from .views import (
    assess_views,
    findings,
    guidelines_markdown,
    recheck,
    result_views,
    review,
    stream_draft,
    word_diff,
)

__all__ = [
    "EXTRACTED_TO_FORM", "FORM_FIELDS", "LIMIT", "api_check", "api_draft", "assess_views", "build_app", "example_names",
    "fill_from_paste", "findings", "form_to_situation", "guidelines_markdown", "launch", "load_example",
    "paste_summary", "recheck", "result_views", "review", "situation_to_form", "stream_draft", "too_long", "word_diff",
]


def __getattr__(name: str) -> Any:
    if name in ("build_app", "launch"):
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module 'tactful.ui' has no attribute {name!r}")
