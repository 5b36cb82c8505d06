"""The review under a message, shared by the Draft and the Check tabs: the verdict at the top, the
highlights, the coaching and the findings, each finding with a one-click fix when its rule has one and
an "Ignore" for warnings. Applying a fix or ignoring a finding checks the text again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from ..fixes import apply_fix
from ..report import Violation
from ..vocab import Language
from .texts import escape_markdown, texts

REVIEW_COLORS = {"error": "#f87171", "warning": "#fbbf24"}


def page_language(request: Any) -> Language:
    """The page's language, from the browser's Accept-Language (the same choice gr.I18n makes)."""
    header = ""
    if request is not None:
        header = (getattr(request, "headers", None) or {}).get("accept-language", "")
    return "ru" if header.strip().lower().startswith("ru") else "en"


def highlight_labels(pieces: list[tuple[str, str | None]], rows: list[dict[str, Any]], language: Language):
    """Highlight pieces labelled by what they are in the page's words (blocker or warning), not by rule id."""
    blockers = {r["rule"] for r in rows if r["blocker"]}
    t = texts(language)
    labels = {True: t["blockers"], False: t["warnings"]}
    return [(text, labels[rule in blockers] if rule else None) for text, rule in pieces]


class ReviewPanel:
    """The components of one review and the wiring of its fix and ignore buttons."""

    def __init__(self, t: Any, prefix: str) -> None:
        """The verdict, placed where the panel is made; the rest comes with `body`."""
        self.prefix = prefix
        self.verdict = gr.Markdown(elem_id=f"{prefix}-verdict")
        self.findings = gr.State([])
        self.ignored = gr.State([])

    @property
    def outputs(self) -> list[Any]:
        return [self.verdict, self.highlighted, self.coaching, self.findings]

    def updates(self, view: dict[str, Any] | None, language: Language) -> list[Any]:
        """Gradio updates for `outputs` from a review (`tactful.ui.views.review`); None keeps what is shown."""
        if view is None:
            return [gr.update()] * 4
        t = texts(language)
        colors = {t["blockers"]: REVIEW_COLORS["error"], t["warnings"]: REVIEW_COLORS["warning"]}
        pieces = highlight_labels(view["highlighted"], view["findings"], language)
        return [view["verdict"], gr.update(value=pieces, color_map=colors), view["coaching"], view["findings"]]

    def body(self, t: Any, text_box: Any, context: list[Any], recheck: Callable[..., dict[str, Any] | None]) -> None:
        """The findings with their buttons, the highlights and the coaching, placed here.
        ``recheck(text, *context, ignored, request)`` returns the review of a text (None: nothing to check)."""
        panel = self

        def after(text: str, values: list[Any], ignored: list[str], request: gr.Request):
            view = recheck(text, *values, ignored, request)
            return [text, *panel.updates(view, page_language(request))]

        @gr.render(inputs=[self.findings], triggers=[self.findings.change])
        def show(rows: list[dict[str, Any]], request: gr.Request):
            t = texts(page_language(request))
            with gr.Column(elem_id=f"{panel.prefix}-finding-list"):
                if not rows:
                    gr.Markdown(t["no_findings"], elem_classes=["finding-empty"])
                for i, row in enumerate(rows):
                    with gr.Row(elem_classes=["finding", "blocker" if row["blocker"] else "warning"]):
                        mark = "⛔" if row["blocker"] else "⚠️"
                        excerpt = f"“{_escape(row['excerpt'][:90])}” — " if row["excerpt"] else ""
                        gr.Markdown(f"{mark} {excerpt}{_escape(row['message'])} *{_escape(row['suggestion'])}*", scale=4)
                        if row["fix"] is not None:
                            label = (t["fix_label"].format(fix=row["fix"]) if row["fix"]
                                     else t["delete_label"].format(excerpt=row["excerpt"][:40]))
                            button = gr.Button(label, size="sm", scale=1, elem_classes=["apply-fix"], key=f"fix-{i}-{row['key']}")

                            def fix(request: gr.Request, text: str, *values: Any, _row: dict[str, Any] = row):
                                *context_values, ignored = values
                                return after(apply_row(text, _row), context_values, ignored, request)

                            button.click(fix, inputs=[text_box, *context, panel.ignored], outputs=[text_box, *panel.outputs],
                                         show_progress="minimal")
                        if not row["blocker"]:
                            skip = gr.Button(t["ignore_label"], size="sm", scale=1, variant="secondary",
                                             elem_classes=["ignore-finding"], key=f"ignore-{i}-{row['key']}")

                            def ignore(request: gr.Request, text: str, *values: Any, _row: dict[str, Any] = row):
                                *context_values, ignored = values
                                ignored = [*ignored, _row["key"]]
                                return [ignored, *after(text, context_values, ignored, request)]

                            skip.click(ignore, inputs=[text_box, *context, panel.ignored],
                                       outputs=[panel.ignored, text_box, *panel.outputs], show_progress="minimal")

        def apply_row(text: str, row: dict[str, Any]) -> str:
            """The fix applied where the finding still is; an edited-away finding leaves the text as it is."""
            if text[row["start"] : row["end"]] != row["excerpt"]:
                return text
            return apply_fix(text, Violation(rule=row["rule"], severity="warning", start=row["start"], end=row["end"],
                                             excerpt=row["excerpt"], message="", suggestion="", guideline="", fix=row["fix"]))

        self.highlighted = gr.HighlightedText(label=t("highlighted"), elem_id=f"{self.prefix}-highlighted",
                                              show_legend=True, combine_adjacent=False)
        self.coaching = gr.Markdown(elem_id=f"{self.prefix}-coaching")


def _escape(text: str) -> str:
    return escape_markdown(" ".join(text.split()))
