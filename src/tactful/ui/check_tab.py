"""The Check tab: the user's own message reviewed by the rules, fixed in place, or rewritten calmly.

Offline, the calm version is the composer's message built from what extraction finds in the user's text;
with an LLM configured, the same draft → check → revise loop writes it with the user's text as context.
Either way the page shows what changed as a diff and what was left out, and why.
"""

from __future__ import annotations

from typing import Any, get_args

import gradio as gr

from ..history import record_check
from ..vocab import CHANNELS, LanguageChoice
from .draft_tab import FAILURES, choices, error_line
from .form import LIMIT, too_long
from .panel import ReviewPanel, page_language
from .texts import escape_markdown, texts
from .views import recheck, word_diff


class CheckTab:
    def __init__(self, t: Any) -> None:
        with gr.Row():
            with gr.Column(min_width=320):
                self.text = gr.Textbox(label=t("check_input"), info=t("check_hint"), lines=14, elem_id="check-input")
                with gr.Row():
                    self.language = gr.Radio(choices(t, "language", list(get_args(LanguageChoice))), value="auto", label=t("language"),
                                             elem_id="check-language")
                    self.channel = gr.Radio(choices(t, "channel", list(CHANNELS)), value="email",
                                            label=t("channel"), elem_id="check-channel")
                with gr.Row():
                    self.go = gr.Button(t("check_button"), variant="primary", elem_id="check-button")
                    self.rewrite = gr.Button(t("rewrite_button"), elem_id="rewrite-button")
            with gr.Column(min_width=320):
                self.status = gr.Markdown(elem_id="check-status")
                self.panel = ReviewPanel(t, "check")
                self.panel.body(t, self.text, [self.language, self.channel], _review)
                self.calm = gr.Textbox(label=t("rewrite_output"), lines=12, buttons=["copy"], interactive=True,
                                       visible=False, elem_id="rewrite-output")
                self.diff = gr.HighlightedText(label=t("rewrite_diff"), visible=False, elem_id="rewrite-diff",
                                               color_map={"+": "#86efac", "-": "#fca5a5"}, combine_adjacent=True)
                self.dropped = gr.Markdown(elem_id="rewrite-dropped")

    def wire(self) -> None:
        inputs = [self.text, self.language, self.channel, self.panel.ignored]
        self.go.click(_on_check(self.panel), inputs=inputs, outputs=[self.status, *self.panel.outputs],
                      api_visibility="private", show_progress="minimal", scroll_to_output=True)
        self.text.input(_on_check(self.panel), inputs=inputs, outputs=[self.status, *self.panel.outputs],
                        api_visibility="private", trigger_mode="always_last", show_progress="hidden")
        self.rewrite.click(_on_rewrite, inputs=[self.text, self.language, self.channel],
                           outputs=[self.status, self.calm, self.diff, self.dropped], api_visibility="private",
                           show_progress="minimal", scroll_to_output=True)


def _review(text: str, language: str, channel: str, ignored: list[str], request: gr.Request) -> dict[str, Any] | None:
    if not (text or "").strip() or too_long(text):
        return None
    return recheck(text, None, page_language(request), channel, ignored, check_language=language)


def _on_check(panel: ReviewPanel):
    def on_check(text: str, language: str, channel: str, ignored: list[str], request: gr.Request):
        lang = page_language(request)
        t = texts(lang)
        if not (text or "").strip():
            return [t["empty"], *panel.updates(None, lang)]
        if too_long(text):
            return [t["too_long"].format(count=len(text), limit=LIMIT), *panel.updates(None, lang)]
        try:
            view = _review(text, language, channel, ignored, request)
        except FAILURES as exc:
            return [error_line(exc, lang), *panel.updates(None, lang)]
        record_check(text, view["report"])
        return ["", *panel.updates(view, lang)]

    return on_check


def _on_rewrite(text: str, language: str, channel: str, request: gr.Request):
    """A calm version of the user's message, the diff, and what was left out of it and why."""
    from ..checker import check
    from ..extraction import extract
    from ..pipeline import draft
    from ..situation import parse_situation

    lang = page_language(request)
    t = texts(lang)
    keep = [gr.update()] * 3
    if not (text or "").strip():
        return [t["empty"], *keep]
    if too_long(text):
        return [t["too_long"].format(count=len(text), limit=LIMIT), *keep]
    try:
        found = extract(text, language)
        data = {**found.situation, "channel": channel, "context": text}
        client = data.get("client") or {}
        if not client.get("name"):
            if not client.get("contact"):
                return [t["rewrite_no_client"], *keep]
            data["client"] = {"name": client["contact"]}
        result = draft(parse_situation(data))
    except FAILURES as exc:
        return [error_line(exc, lang), *keep]
    report = check(text, lang=language, channel=channel)
    dropped = [t["dropped_item"].format(text=escape_markdown(" ".join(v.excerpt.split())[:120]), why=escape_markdown(v.message))
               for v in report.violations if v.excerpt]
    dropped += [t["dropped_item"].format(text=escape_markdown(i.text[:120]), why=escape_markdown(i.hint)) for i in result.left_out]
    status = t["rewrite_offline"] if result.backend == "composer" else t["rewrite_llm"]
    return [status, gr.update(value=result.text, visible=True),
            gr.update(value=word_diff(text, result.text), visible=True),
            "\n".join([t["dropped"], *[f"- {d}" for d in dict.fromkeys(dropped)]]) if dropped else ""]
