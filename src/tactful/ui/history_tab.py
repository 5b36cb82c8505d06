"""The History tab: past cases by client and date, reopened with all their inputs, or deleted for good.

The cases live in the local database (`tactful.history`); the page only lists, opens and deletes them."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ..situation import Situation
from .form import FORM_FIELDS, situation_to_form
from .panel import page_language
from .texts import texts


def _store():
    from ..history import HistoryStore
    from ..settings import load_settings

    settings = load_settings()
    return HistoryStore(settings.database_url) if settings.history else None


class HistoryTab:
    def __init__(self, t: Any) -> None:
        with gr.Row():
            self.client = gr.Textbox(label=t("history_filter"), elem_id="history-filter", scale=3)
            self.refresh = gr.Button(t("history_refresh"), elem_id="history-refresh", scale=1)
        self.status = gr.Markdown(elem_id="history-status")
        self.cases = gr.Dataframe(label=t("history_cases"), interactive=False, elem_id="history-cases")
        with gr.Row():
            self.pick = gr.Number(label=t("history_pick"), precision=0, minimum=1, elem_id="history-pick", scale=1)
            self.open = gr.Button(t("history_open"), variant="primary", elem_id="history-open", scale=1)
            self.delete = gr.Button(t("history_delete"), variant="stop", elem_id="history-delete", scale=1)

    def wire(self, tab: Any, draft: Any) -> None:
        listing = {"fn": _list, "inputs": self.client, "outputs": [self.status, self.cases], "api_visibility": "private",
                   "show_progress": "minimal"}
        self.refresh.click(**listing)
        self.client.submit(**listing)
        tab.select(**listing)
        self.cases.select(_picked, outputs=self.pick, api_visibility="private", show_progress="minimal")
        self.open.click(_open, inputs=self.pick, outputs=[self.status, *draft.form, draft.output, draft.case],
                        api_visibility="private", show_progress="minimal")
        self.delete.click(_delete, inputs=[self.pick, self.client], outputs=[self.status, self.cases],
                          api_visibility="private", show_progress="minimal")


def _list(client: str, request: gr.Request):
    t = texts(page_language(request))
    store = _store()
    if store is None:
        return [t["history_off"], gr.update(value=None)]
    with store:
        cases = store.list_cases(client or None)
    rows = [[c.id, c.client, c.channel or "", c.updated.strftime("%Y-%m-%d %H:%M"), c.last_text or ""] for c in cases]
    return ["" if rows else t["history_empty"], gr.update(value=rows or None, headers=t["history_columns"])]


def _picked(evt: gr.SelectData):
    row = evt.row_value or []
    return row[0] if row else gr.update()


def _open(case_id: float | None, request: gr.Request):
    from ..history import CaseNotFound

    t = texts(page_language(request))
    keep = [gr.update()] * (len(FORM_FIELDS) + 2)
    store = _store()
    if store is None or not case_id:
        return [t["history_off"] if store is None else "", *keep]
    try:
        with store:
            case = store.get_case(int(case_id))
    except CaseNotFound:
        return [t["history_unknown"].format(id=int(case_id)), *keep]
    text = case.entries[-1].text if case.entries else ""
    if not case.situation:  # a message checked on its own: its text comes back, the form stays as it is
        return [t["history_opened"].format(id=case.id), *keep[:-2], text, {"case_id": case.id}]
    situation = Situation.model_validate(case.situation)
    drafts = [e for e in case.entries if e.kind == "draft"]
    state = {"situation": case.situation, "channel": drafts[-1].channel if drafts else situation.channel, "case_id": case.id}
    return [t["history_opened"].format(id=case.id), *situation_to_form(situation), drafts[-1].text if drafts else text, state]


def _delete(case_id: float | None, client: str, request: gr.Request):
    from ..history import CaseNotFound

    t = texts(page_language(request))
    store = _store()
    if store is None or not case_id:
        return [t["history_off"] if store is None else "", gr.update()]
    try:
        with store:
            store.delete_case(int(case_id))
    except CaseNotFound:
        return [t["history_unknown"].format(id=int(case_id)), gr.update()]
    status, cases = _list(client, request)
    return [t["history_deleted"].format(id=int(case_id)), cases]
