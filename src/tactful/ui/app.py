"""The Gradio page: the Draft, Should I end it?, Check, History and Guidelines tabs, the named API
endpoints, and `launch`. Each tab lays out and wires itself (``*_tab.py``); this module assembles them."""

from __future__ import annotations

import gradio as gr

from ..advice import assessment_data
from ..vocab import CHANNELS
from .api import api_check, api_draft
from .assess_tab import AssessTab
from .check_tab import CheckTab
from .draft_tab import DraftTab, choices
from .history_tab import HistoryTab
from .panel import page_language
from .texts import ui_data
from .views import guidelines_markdown

# Findings as a compact list; the form and the results stack on a narrow (390 px) screen.
CSS = """
.finding { align-items: center; gap: 0.5rem; border-left: 4px solid #fbbf24; padding-left: 0.5rem; margin: 0.25rem 0; }
.finding.blocker { border-left-color: #f87171; }
.finding button { flex: 0 0 auto; }
.required label > span:first-child::after, .required .label-wrap span::after { content: " *"; color: #dc2626; }
@media (max-width: 480px) { .gradio-container { padding: 0.25rem !important; } }
"""


def translations() -> gr.I18n:
    """The page's labels in both languages, with the decision check's choices from its own data."""
    assessment = assessment_data()
    labels = {lang: dict(values) for lang, values in ui_data()["labels"].items()}
    for lang in labels:
        labels[lang].update({f"signal_{k}": v["title"][lang] for k, v in assessment["signals"].items()})
        labels[lang].update({f"alt_{k}": v["title"][lang] for k, v in assessment["alternatives"].items()})
    return gr.I18n(**labels)


def build_app():
    """The Gradio Blocks app and its translations."""
    i18n = translations()
    t = i18n
    with gr.Blocks(title="Tactful", analytics_enabled=False, delete_cache=(3600, 86400)) as app:
        gr.Markdown(t("title"), elem_id="title")
        with gr.Tabs():
            with gr.Tab(t("tab_draft"), id="draft", elem_id="tab-draft"):
                draft = DraftTab(t)
            with gr.Tab(t("tab_assess"), id="assess", elem_id="tab-assess"):
                assess = AssessTab(t)
            with gr.Tab(t("tab_check"), id="check", elem_id="tab-check"):
                checking = CheckTab(t)
            with gr.Tab(t("tab_history"), id="history", elem_id="tab-history") as history_tab:
                history = HistoryTab(t)
            with gr.Tab(t("tab_guidelines"), id="guidelines", elem_id="tab-guidelines"):
                with gr.Row():
                    g_channel = gr.Radio(choices(t, "channel", ["all", *CHANNELS]), value="all",
                                         label=t("guidelines_channel"), elem_id="guidelines-channel")
                    g_language = gr.Radio(choices(t, "language", ["en", "ru"]), value="en", label=t("guidelines_language"),
                                          elem_id="guidelines-language")
                corpus = gr.Markdown(elem_id="guidelines-corpus")
        draft.attach(assess)
        draft.wire()
        assess.wire(draft.outcome, draft.channel)
        checking.wire()
        history.wire(history_tab, draft)
        for control in (g_channel, g_language):
            control.change(guidelines_markdown, inputs=[g_channel, g_language], outputs=corpus, api_visibility="private")
        app.load(_guidelines_in_page_language, inputs=g_channel, outputs=[g_language, corpus], api_visibility="private")
        gr.api(api_check, api_name="check")
        gr.api(api_draft, api_name="draft", concurrency_limit=8)
    return app, i18n


def _guidelines_in_page_language(channel: str, request: gr.Request):
    language = page_language(request)
    return [language, guidelines_markdown(channel, language)]


def launch(host: str = "127.0.0.1", port: int = 7860, share: bool = False, auth: tuple[str, str] | None = None,
           prevent_thread_lock: bool = False):
    """Start the web UI on ``host:port`` (loopback by default); a share link only when asked."""
    app, i18n = build_app()
    app.queue(default_concurrency_limit=8, max_size=200)
    return app.launch(
        server_name=host, server_port=port, share=share, auth=auth, i18n=i18n, ssr_mode=False, css=CSS,
        show_error=False, quiet=False, prevent_thread_lock=prevent_thread_lock, footer_links=[],
    )
