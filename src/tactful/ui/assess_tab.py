"""The "Should I end it?" tab: works on its own (no client needed) and carries its verdict — the outcome
and the channel — to the Draft tab."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ..advice import assessment_data
from ..situation import Situation
from .draft_tab import FAILURES, error_line
from .panel import page_language
from .views import assess_views


class AssessTab:
    def __init__(self, t: Any) -> None:
        assessment = assessment_data()
        with gr.Row():
            with gr.Column(min_width=320):
                self.signals = gr.CheckboxGroup([(t(f"signal_{k}"), k) for k in assessment["signals"]], label=t("signals"), elem_id="signals")
                self.tried = gr.CheckboxGroup([(t(f"alt_{k}"), k) for k in assessment["alternatives"]], label=t("tried"), elem_id="tried")
                with gr.Row():
                    self.months = gr.Number(label=t("relationship_months"), precision=0, minimum=0, elem_id="relationship-months")
                    self.stage = gr.Checkbox(label=t("stage_in_progress"), elem_id="stage-in-progress")
                    self.urgent = gr.Checkbox(label=t("urgent"), elem_id="urgent")
                self.go = gr.Button(t("assess_button"), variant="primary", elem_id="assess-button")
            with gr.Column(min_width=320):
                self.verdict = gr.Markdown(elem_id="assess-verdict")
                self.channel_view = gr.Markdown(elem_id="assess-channel")

    @property
    def inputs(self) -> list[Any]:
        return [self.signals, self.tried, self.months, self.stage, self.urgent]

    def wire(self, outcome: Any, channel: Any) -> None:
        self.go.click(_on_assess, inputs=self.inputs, outputs=[self.verdict, self.channel_view, outcome, channel],
                      api_visibility="private", show_progress="minimal")


def _on_assess(signals: list[str], tried: list[str], months: float | None, stage: bool, urgent: bool, request: gr.Request):
    lang = page_language(request)
    try:
        # The decision needs no client: the signals, what was tried and the stage are what it weighs.
        situation = Situation.model_validate({
            "client": {"name": "-"}, "signals": signals or [], "tried": tried or [], "stage_in_progress": bool(stage),
            "urgent": bool(urgent), "relationship_months": int(months) if months not in (None, "") else None,
        })
        view = assess_views(situation, lang)
    except FAILURES as exc:
        return [error_line(exc, lang), "", gr.update(), gr.update()]
    return [view["summary"], view["channel_text"], gr.update(value=view["outcome"]) if view["outcome"] else gr.update(),
            gr.update(value=view["channel"])]
