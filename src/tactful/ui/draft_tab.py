"""The Draft tab: the form, the message (editable, checked again as it changes), refinements, three
versions side by side, the downloads, the closure checklist and the calm reply to the client's answer.

Nothing the user typed or received is dropped by a later failure: a failed action shows its error in the
status line and leaves the last good result on the page.
"""

from __future__ import annotations

from typing import Any, get_args

import gradio as gr

from ..checker import InputError
from ..form_errors import explain
from ..history import record_draft, record_reply
from ..situation import REASON_KINDS, Situation, SituationError
from ..vocab import CHANNELS, TONES, LanguageChoice
from .form import (
    EXTRACTED_TO_FORM,
    FORM_FIELDS,
    LIMIT,
    example_choices,
    fill_from_paste,
    form_to_situation,
    load_example,
    paste_summary,
    too_long,
)
from .panel import ReviewPanel, page_language
from .texts import escape_markdown, texts
from .views import recheck, result_views, review, stream_draft

FAILURES = (SituationError, InputError, ValueError, RuntimeError)


def error_line(exc: Exception, language: str) -> str:
    """A failure in plain words in the page's language, naming the field as the form shows it."""
    return texts(language)["error"].format(message=escape_markdown(explain(exc, language)))


def choices(t: Any, prefix: str, values: list[str]) -> list[tuple[Any, str]]:
    """Radio or dropdown choices shown in the page's language; the values stay ids."""
    return [(t(f"{prefix}_{v}"), v) for v in values]


class DraftTab:
    def __init__(self, t: Any) -> None:
        with gr.Row():
            with gr.Column(scale=1, min_width=320):
                self._form(t)
            with gr.Column(scale=1, min_width=320):
                self._results(t)

    def _form(self, t: Any) -> None:
        with gr.Row():
            self.example = gr.Dropdown(example_choices(), label=t("example"), elem_id="example", scale=3)
            self.load = gr.Button(t("load_example"), elem_id="load-example", scale=1)
        self.context = gr.Textbox(label=t("context"), info=t("context_hint"), lines=6, elem_id="context")
        with gr.Row():
            self.client_name = gr.Textbox(label=t("client_name"), elem_id="client-name", elem_classes=["required"])
            self.contact = gr.Textbox(label=t("contact"), elem_id="contact")
        with gr.Row():
            self.sender_name = gr.Textbox(label=t("sender_name"), elem_id="sender-name")
            self.sender_company = gr.Textbox(label=t("sender_company"), elem_id="sender-company")
        self.project = gr.Textbox(label=t("project"), elem_id="project")
        self.reasons = gr.Textbox(label=t("reasons"), lines=2, elem_id="reasons")
        self.facts = gr.Textbox(label=t("facts"), lines=2, elem_id="facts")
        with gr.Row():
            self.reason_kind = gr.Dropdown([(t("reason_kind_none"), ""), *choices(t, "reason_kind", list(REASON_KINDS))],
                                           value="", label=t("reason_kind"), elem_id="reason-kind")
            self.solo = gr.Checkbox(label=t("solo"), elem_id="solo")
        with gr.Row():
            self.end_date = gr.Textbox(label=t("end_date"), elem_id="end-date", scale=2)
            self.end_date_pick = gr.DateTime(label=t("end_date_picker"), include_time=False, type="string",
                                             elem_id="end-date-picker", scale=1)
        with gr.Accordion(t("more_options"), open=False, elem_id="more-options"):
            with gr.Row():
                self.notice_days = gr.Number(label=t("notice_days"), precision=0, minimum=0, elem_id="notice-days")
                self.clause = gr.Textbox(label=t("clause"), elem_id="clause")
            self.handover = gr.Textbox(label=t("handover"), lines=2, elem_id="handover")
            with gr.Row():
                self.final_invoice = gr.Checkbox(label=t("final_invoice"), elem_id="final-invoice")
                self.act = gr.Checkbox(label=t("act"), elem_id="act")
                self.no_contract = gr.Checkbox(label=t("no_contract"), elem_id="no-contract")
            self.referral = gr.Textbox(label=t("referral"), elem_id="referral")
        with gr.Row():
            self.outcome = gr.Radio(choices(t, "outcome", ["full", "finish_stage"]), value="full", label=t("outcome"), elem_id="outcome")
            self.channel = gr.Radio(choices(t, "channel", list(CHANNELS)), value="email", label=t("channel"), elem_id="channel")
        with gr.Row():
            self.language = gr.Radio(choices(t, "language", list(get_args(LanguageChoice))), value="auto", label=t("language"), elem_id="language")
            self.tone = gr.Radio(choices(t, "tone", list(TONES)), value="formal", label=t("tone"), elem_id="tone")
        self.go = gr.Button(t("draft_button"), variant="primary", elem_id="draft-button")
        self.paste_view = gr.Markdown(elem_id="paste-summary")

    def _results(self, t: Any) -> None:
        self.status = gr.Markdown(elem_id="draft-status")
        self.case = gr.State({})
        self.panel = ReviewPanel(t, "draft")
        self.output = gr.Textbox(label=t("result"), info=t("message_hint"), lines=16, buttons=["copy"],
                                 interactive=True, elem_id="draft-output")
        with gr.Row(elem_id="refine"):
            self.recheck = gr.Button(t("recheck_button"), size="sm", elem_id="recheck-button")
            self.shorter = gr.Button(t("shorter"), size="sm", elem_id="shorter-button")
            self.warmer = gr.Button(t("warmer"), size="sm", elem_id="warmer-button")
            self.formal = gr.Button(t("more_formal"), size="sm", elem_id="formal-button")
            self.again = gr.Button(t("regenerate"), size="sm", elem_id="regenerate-button")
            self.versions = gr.Button(t("variants_button"), size="sm", elem_id="variants-button")
        self.written = gr.Markdown(elem_id="draft-written")
        self.panel.body(t, self.output, [self.case], _review)
        with gr.Row(visible=False, elem_id="variants") as self.variants_row:
            self.variants = [gr.Textbox(label=t(f"variant_{tone}"), lines=12, buttons=["copy"], interactive=False,
                                        elem_id=f"variant-{tone}") for tone in TONES]
        self.left_out = gr.Markdown(elem_id="draft-left-out")
        self.files = gr.File(label=t("downloads"), file_count="multiple", interactive=False, elem_id="downloads")
        self.checklist = gr.Markdown(elem_id="draft-checklist")
        with gr.Accordion(t("attempts"), open=False):
            self.attempts = gr.Dataframe(interactive=False, elem_id="draft-attempts")
        self.client_answer = gr.Textbox(label=t("client_replied"), lines=4, elem_id="client-reply")
        self.reply_go = gr.Button(t("reply_button"), elem_id="reply-button")
        self.reply_status = gr.Markdown(elem_id="reply-status")
        # The points only the user can answer (a price, a yes or no): answered here, written in on the next press.
        self.reply_points = gr.Dataframe(type="array", interactive=True, static_columns=[0], wrap=True, visible=False,
                                         label=t("reply_points"), elem_id="reply-points")
        self.reply_points_info = gr.Markdown(t("reply_points_info"), visible=False, elem_id="reply-points-info")
        self.reply_output = gr.Textbox(label=t("reply_output"), lines=12, buttons=["copy"], interactive=True, elem_id="reply-output")

    def attach(self, assess: Any) -> None:
        """The decision check's answers belong to the situation too (a draft warns when it says "try first")."""
        self.signals, self.tried, self.relationship_months = assess.signals, assess.tried, assess.months
        self.stage_in_progress, self.urgent = assess.stage, assess.urgent

    @property
    def form(self) -> list[Any]:
        return [getattr(self, name) for name in FORM_FIELDS]

    def wire(self) -> None:
        fillable = [getattr(self, n) for n in dict.fromkeys(EXTRACTED_TO_FORM.values())]
        outputs = [self.status, self.output, self.written, self.files, self.left_out, self.checklist, self.attempts,
                   self.case, *self.panel.outputs, self.paste_view, *fillable]
        for button, tone in ((self.go, ""), (self.shorter, "brief"), (self.warmer, "warm"), (self.formal, "formal"), (self.again, "same")):
            button.click(_drafter(tone, len(fillable), self.panel), inputs=self.form, outputs=outputs,
                         api_visibility="private", show_progress="minimal", concurrency_limit=8, scroll_to_output=True)
        self.versions.click(_variants, inputs=self.form, outputs=[self.status, self.variants_row, *self.variants],
                            api_visibility="private", show_progress="minimal")
        check_again = {"fn": _recheck(self.panel), "inputs": [self.output, self.case, self.panel.ignored],
                       "outputs": self.panel.outputs, "api_visibility": "private"}
        self.recheck.click(**check_again, show_progress="minimal")
        self.output.input(**check_again, trigger_mode="always_last", show_progress="hidden")
        self.reply_go.click(_reply, inputs=[self.client_answer, self.reply_points, self.case, *self.form],
                            outputs=[self.reply_status, self.reply_output, self.reply_points, self.reply_points_info],
                            api_visibility="private",
                            show_progress="minimal")
        self.load.click(_load, inputs=[self.example, *self.form], outputs=[self.status, *self.form],
                        api_visibility="private", show_progress="minimal")
        self.end_date.blur(_show_date, inputs=self.end_date, outputs=[self.end_date, self.status],
                           api_visibility="private", show_progress="hidden")
        self.end_date_pick.change(lambda v: (v or "")[:10], inputs=self.end_date_pick, outputs=self.end_date,
                                  api_visibility="private", show_progress="minimal")


def _drafter(tone: str, fillable: int, panel: ReviewPanel):
    """The handler of the Draft button (tone "") and of the refine buttons (a tone, or "same" to write again)."""

    def on_draft(request: gr.Request, *values: Any):
        lang = page_language(request)
        typed = dict(zip(FORM_FIELDS, values))
        keep = [gr.update()] * (7 + len(panel.outputs))
        if too_long(typed.get("context")):
            yield [texts(lang)["too_long"].format(count=len(typed["context"]), limit=LIMIT), *keep, "", *[gr.update()] * fillable]
            return
        form_values, changed, extraction = fill_from_paste(typed)
        shown = list(changed)
        if tone and tone != "same":  # a refinement shows its tone on the form, so the next draft keeps it
            form_values["tone"] = tone
            shown.append("tone")
        filled = [paste_summary(extraction, changed, typed.get("context") or "", lang, typed),
                  *[gr.update(value=form_values[n]) if n in shown else gr.update() for n in dict.fromkeys(EXTRACTED_TO_FORM.values())]]
        if not (form_values.get("client_name") or "").strip():
            yield [texts(lang)["error"].format(message=texts(lang)["missing_client"]), *keep[1:], gr.update(), *filled]
            return
        try:
            situation = form_to_situation(form_values)
            for partial in stream_draft(situation):
                if isinstance(partial, str):
                    yield [texts(lang)["writing"], partial, *keep[2:], gr.update(), *filled]
                else:
                    result = partial
        except FAILURES as exc:
            yield [error_line(exc, lang), *keep[1:], gr.update(), *filled]
            return
        v = result_views(result, situation, lang)
        case = {"situation": situation.model_dump(mode="json"), "channel": result.channel,
                "case_id": record_draft(situation, result)}
        attempts = gr.update(value=v["attempts"], headers=texts(lang)["attempt_columns"])
        yield ["", v["text"], v["written"], v["files"], v["left_out"], v["checklist"], attempts, case,
               *panel.updates(v, lang), *filled]

    return on_draft


def _variants(request: gr.Request, *values: Any):
    from ..pipeline import draft

    lang = page_language(request)
    try:
        form_values, _, _ = fill_from_paste(dict(zip(FORM_FIELDS, values)))
        result = draft(form_to_situation(form_values), variants=3)
    except FAILURES as exc:
        return [error_line(exc, lang), gr.update(), *[gr.update()] * 3]
    by_tone = {r.tone: r.text for r in [result, *result.variants]}
    return ["", gr.update(visible=True), *[by_tone.get(tone, "") for tone in TONES]]


def _review(text: str, case: dict[str, Any], ignored: list[str], request: gr.Request) -> dict[str, Any] | None:
    if not (text or "").strip():
        return None
    situation = Situation.model_validate(case["situation"]) if case.get("situation") else None
    return recheck(text, situation, page_language(request), case.get("channel", "email"), ignored)


def _recheck(panel: ReviewPanel):
    def on_recheck(text: str, case: dict[str, Any], ignored: list[str], request: gr.Request):
        return panel.updates(_review(text, case, ignored, request), page_language(request))

    return on_recheck


def _reply(request: gr.Request, answer: str, points: list[list[Any]] | None, case: dict[str, Any], *values: Any):
    """The reply to the client's answer, with the user's answers to its points written in; the points table
    keeps what the user typed for each point that is still asked."""
    from ..pipeline import reply

    lang = page_language(request)
    given = {str(row[0]): str(row[1] or "") for row in points or [] if len(row) > 1 and row[0]}
    try:
        situation = form_to_situation(dict(zip(FORM_FIELDS, values)))
        result = reply(situation, answer or "", answers={k: v for k, v in given.items() if v.strip()})
    except FAILURES as exc:
        return [error_line(exc, lang), gr.update(), gr.update(), gr.update()]
    record_reply(situation, answer, result)
    t = texts(lang)
    rows = [[point, given.get(point, "")] for point in result.questions]
    shown = bool(rows)
    # An answer the checker objects to is not written in: the user is told which, to reword it.
    status = "\n".join([review(result.text, result.report, lang)["verdict"], *[
        "- " + t["left_out_item"].format(text=escape_markdown(o.text), hint=escape_markdown(o.hint))
        for o in result.left_out if o.field == "answers"]])
    return [status, result.text, gr.update(value=rows, headers=t["reply_point_columns"], visible=shown), gr.update(visible=shown)]


def _load(request: gr.Request, name: str, *values: Any):
    """Load an example; a form that already holds the user's text asks for a second press first."""
    lang = page_language(request)
    typed = dict(zip(FORM_FIELDS, values))
    has_text = any(isinstance(v, str) and v.strip() and k not in ("outcome", "channel", "language", "tone")
                   for k, v in typed.items())
    if not name:
        return [gr.update(), *[gr.update()] * len(FORM_FIELDS)]
    if has_text and not _armed.pop(request.session_hash, False):
        _armed[request.session_hash] = True
        return [texts(lang)["confirm_load"], *[gr.update()] * len(FORM_FIELDS)]
    return ["", *load_example(name)]


# Sessions that were warned that loading an example replaces their text: the next press loads it.
_armed: dict[str, bool] = {}


def _show_date(value: str, request: gr.Request):
    """A typed date ("31.12.2026", «15 мая», "next Friday") shown back as the date it means."""
    from ..dates import parse_date

    if not (value or "").strip():
        return [gr.update(), gr.update()]
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        return [gr.update(), error_line(exc, page_language(request))]
    return [parsed.isoformat() if parsed else "", ""]
