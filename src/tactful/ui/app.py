"""The web UI (`tactful ui`): a Gradio page over the same Python API as the CLI.

Handlers are plain functions of form values, so they are tested without a browser; `build_app` only
lays out components and wires them. Named API endpoints ``/draft`` and ``/check`` serve scripts
through ``gradio_client``.
"""

from __future__ import annotations

import datetime as dt
import email.message
import email.policy
import os
import tempfile
from pathlib import Path
from typing import Any

from .advice import advise_channel, assess, assessment_data
from .checker import InputError, check
from .checklist import Checklist, build_checklist
from .coaching import coaching, color_map, escape_markdown, highlight, rule_rows, texts, ui_data, verdict
from .drafts import DraftResult
from .guidelines import guidelines_for
from .models import Language
from .resources import data_dir
from .situation import REASON_KINDS, Situation, SituationError, loads_situation, parse_situation

# Gradio phones home unless told not to; nothing may leave the machine but requests to the LLM server.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

FORM_FIELDS = (
    "context", "client_name", "contact", "sender_name", "sender_company", "project", "reasons", "facts",
    "notice_days", "clause", "end_date", "handover", "final_invoice", "act", "referral", "outcome",
    "channel", "language", "tone", "signals", "tried", "relationship_months", "stage_in_progress", "urgent",
    "reason_kind", "solo", "no_contract",
)
# Downloads of this process live in one folder, removed at exit, instead of a new folder per draft.
_DOWNLOADS = tempfile.TemporaryDirectory(prefix="tactful-")


def _lines(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


# Where each extracted field goes in the form (tactful.extraction field -> form field).
EXTRACTED_TO_FORM = {
    "client.name": "client_name", "client.contact": "contact", "sender.name": "sender_name",
    "sender.company": "sender_company", "project": "project", "reasons": "reasons",
    "contract.notice_days": "notice_days", "contract.clause": "clause", "end_date": "end_date",
    "handover": "handover", "final_invoice": "final_invoice", "act_of_acceptance": "act", "referral": "referral",
    "outcome": "outcome", "tone": "tone", "sender.solo": "solo", "contract.exists": "no_contract",
}
# A form value the user has not set: only these are filled from the paste.
_UNSET = (None, "", False, "full", "formal", "auto")


def fill_from_paste(values: dict[str, Any], today: dt.date | None = None) -> tuple[dict[str, Any], list[str], Any]:
    """The form values with empty fields filled from what extraction finds in the pasted context, the form
    fields it filled, and the extraction itself (None when nothing was pasted). Typed values win."""
    from .extraction import extract

    text = (values.get("context") or "").strip()
    if not text:
        return values, [], None
    language = values.get("language") if values.get("language") in ("en", "ru") else "auto"
    extraction = extract(text, language, today=today)
    filled = dict(values)
    changed: list[str] = []
    for found in extraction.found:
        name = EXTRACTED_TO_FORM.get(found.field)
        if name is None or filled.get(name) not in _UNSET:
            continue
        value = found.value
        if found.field in ("reasons", "handover"):
            value = "\n".join(value)
        elif found.field == "end_date":
            value = value.isoformat()
        elif found.field == "contract.exists":
            value = not value  # "no written contract" is the form's checkbox
        if value in _UNSET:
            continue
        filled[name] = value
        changed.append(name)
    if extraction.situation.get("unpaid_invoices") and not values.get("unpaid_invoices"):
        filled["unpaid_invoices"] = extraction.situation["unpaid_invoices"]
    return filled, changed, extraction


def paste_summary(extraction: Any, changed: list[str], context: str, language: Language) -> str:
    """What the paste filled in (each with the text it came from), what it did not have, what was ignored."""
    if extraction is None:
        return ""
    words = texts(language)
    names = ui_data()["labels"][language]
    sources = {EXTRACTED_TO_FORM.get(f.field): f for f in extraction.found}
    lines = [words["filled"]] if changed else []
    for name in changed:
        found = sources[name]
        value = "; ".join(map(str, found.value)) if isinstance(found.value, list) else str(found.value)
        source = " ".join(context[found.start : found.end].split())
        item = words["filled_item"].format(label=names[name], value=value[:120], source=source[:160])
        lines.append("- " + escape_markdown(item))
    missing = [names[EXTRACTED_TO_FORM[f]] for f in extraction.missing
               if f in EXTRACTED_TO_FORM and f not in ("contract.exists", "sender.solo", "outcome", "tone")]
    if missing:
        lines.append(escape_markdown(words["not_found"].format(fields=", ".join(missing))))
    lines += [escape_markdown(words["ignored"].format(text=item.text[:160])) for item in extraction.ignored]
    return "\n".join(lines)


def form_to_situation(values: dict[str, Any]) -> Situation:
    """Build a `Situation` from the form; raises `SituationError` naming the field."""
    notice = values.get("notice_days")
    months = values.get("relationship_months")
    data = {
        "client": {"name": (values.get("client_name") or "").strip(), "contact": values.get("contact") or None},
        "sender": {"name": values.get("sender_name") or None, "company": values.get("sender_company") or None,
                   "solo": True if values.get("solo") else None},
        "reason_kind": values.get("reason_kind") or None,
        "project": values.get("project") or None,
        "reasons": _lines(values.get("reasons")),
        "facts": _lines(values.get("facts")),
        "contract": {"notice_days": int(notice) if notice not in (None, "") else None, "clause": values.get("clause") or None,
                     "exists": False if values.get("no_contract") else None},
        "end_date": values.get("end_date") or None,
        "handover": _lines(values.get("handover")),
        "final_invoice": bool(values.get("final_invoice")),
        "act_of_acceptance": bool(values.get("act")),
        "referral": values.get("referral") or None,
        "outcome": values.get("outcome") or "full",
        "channel": values.get("channel") or "email",
        "language": values.get("language") or "auto",
        "tone": values.get("tone") or "formal",
        "context": values.get("context") or None,
        "signals": list(values.get("signals") or []),
        "tried": list(values.get("tried") or []),
        "relationship_months": int(months) if months not in (None, "") else None,
        "stage_in_progress": bool(values.get("stage_in_progress")),
        "urgent": bool(values.get("urgent")),
    }
    if values.get("unpaid_invoices"):  # not a form field: unpaid invoices come from the pasted context
        data["unpaid_invoices"] = list(values["unpaid_invoices"])
    return parse_situation(data)


def situation_to_form(situation: Situation) -> list[Any]:
    """The form values that show a situation (the inverse of `form_to_situation`)."""
    s = situation
    values = {
        "context": s.context or "", "client_name": s.client.name, "contact": s.client.contact or "",
        "sender_name": s.sender.name or "", "sender_company": s.sender.company or "", "project": s.project or "",
        "reasons": "\n".join(s.reasons), "facts": "\n".join(s.facts), "notice_days": s.contract.notice_days,
        "clause": s.contract.clause or "", "end_date": s.end_date.isoformat() if s.end_date else "",
        "handover": "\n".join(s.handover), "final_invoice": s.final_invoice, "act": s.act_of_acceptance,
        "referral": s.referral or "", "outcome": s.outcome, "channel": s.channel, "language": s.language, "tone": s.tone,
        "signals": s.signals, "tried": s.tried, "relationship_months": s.relationship_months,
        "stage_in_progress": s.stage_in_progress, "urgent": s.urgent,
        "reason_kind": s.reason_kind or "", "solo": bool(s.sender.solo), "no_contract": s.contract.exists is False,
    }
    return [values[f] for f in FORM_FIELDS]


def example_names() -> list[str]:
    return sorted(p.stem for p in (data_dir("eval") / "scenarios").glob("*.yaml"))


def load_example(name: str) -> list[Any]:
    path = data_dir("eval") / "scenarios" / f"{name}.yaml"
    return situation_to_form(loads_situation(path.read_text(encoding="utf-8")))


def stream_draft(situation: Situation):
    """Yield the readable text of an LLM reply as it streams, then the final `DraftResult`."""
    import queue
    import threading

    from .pipeline import draft

    updates: queue.Queue[str] = queue.Queue()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = draft(situation, on_text=updates.put)
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive() or not updates.empty():
        try:
            text = updates.get(timeout=0.1)
        except queue.Empty:
            continue
        while not updates.empty():  # only the newest text matters to the reader
            text = updates.get_nowait()
        yield text
    if "error" in outcome:
        raise outcome["error"]
    yield outcome["result"]


def write_downloads(result: DraftResult, checklist: Checklist | None = None) -> list[str]:
    """The draft as .txt and .md, .eml for an email, and the checklist's deadlines as .ics."""
    folder = Path(tempfile.mkdtemp(dir=_DOWNLOADS.name))
    stem = f"tactful-{result.channel}-{result.language}"
    files = [folder / f"{stem}.txt", folder / f"{stem}.md"]
    files[0].write_text(result.text, encoding="utf-8")
    files[1].write_text(result.markdown, encoding="utf-8")
    if result.channel == "email":
        message = email.message.EmailMessage(policy=email.policy.SMTP)
        message["Subject"] = result.draft.content.subject  # type: ignore[union-attr]
        message.set_content(result.draft.content.body)  # type: ignore[union-attr]
        eml = folder / f"{stem}.eml"
        eml.write_bytes(message.as_bytes())
        files.append(eml)
    if checklist is not None:
        ics = folder / "tactful-deadlines.ics"
        ics.write_text(checklist.ics(), encoding="utf-8", newline="")
        files.append(ics)
    return [str(f) for f in files]


def result_views(result: DraftResult, situation: Situation | None = None) -> dict[str, Any]:
    """Everything the Draft tab shows for a result, independent of Gradio."""
    checklist = build_checklist(situation, result.language) if situation is not None else None
    t = texts(result.language)
    model = f" ({escape_markdown(result.model)})" if result.model else ""
    summary = [verdict(result.report), t["backend"].format(backend=result.backend, model=model, score=result.report.score)]
    if result.fallback:
        summary.append(t["fallback"].format(backend="LLM", reason=escape_markdown(result.fallback_reason or "")))
    summary += [t["error"].format(message=escape_markdown(w)) for w in result.warnings]
    attempts = [
        [a.round, a.kind, a.backend, "✓" if a.report and a.report.passed else "✗",
         a.error or ", ".join(sorted({v.rule for v in a.report.errors})) if a.report or a.error else ""]
        for a in result.attempts
    ]
    left_out = "\n".join(
        "- " + t["left_out_hint"].format(text=escape_markdown(i.text), rules=", ".join(i.rules), hint=escape_markdown(i.hint))
        for i in result.left_out
    )
    return {
        "text": result.text,
        "summary": "\n\n".join(summary),
        "coaching": coaching(result.report),
        "highlighted": highlight(result.text, result.report),
        "rows": rule_rows(result.report),
        "attempts": attempts,
        "left_out": left_out,
        "files": write_downloads(result, checklist),
        "checklist": escape_markdown_keep_lists(checklist.markdown()) if checklist else "",
    }


def escape_markdown_keep_lists(markdown: str) -> str:
    """The checklist's own Markdown structure stays; the user's words inside it are escaped."""
    lines = []
    for line in markdown.splitlines():
        for prefix in ("## ", "- [ ] "):
            if line.startswith(prefix):
                line = prefix + escape_markdown(line[len(prefix):])
                break
        lines.append(line)
    return "\n".join(lines)


def assess_views(situation: Situation, language: Language) -> tuple[str, str]:
    """The decision check and the channel advice as Markdown, in the situation's language."""
    verdict = assess(situation, language)
    advice = advise_channel(situation, language)
    t = texts(language)
    lines = [f"### {verdict.summary}", "", *[f"- {escape_markdown(r)}" for r in verdict.reasons]]
    if verdict.alternatives:
        lines += ["", t["alternatives"], *[f"- {escape_markdown(a)}" for a in verdict.alternatives]]
    channel = t["channel"].format(channel=advice.channel, reasons=" ".join(advice.reasons))
    return "\n".join(lines), channel


def check_views(text: str, language: str = "auto", channel: str = "email") -> dict[str, Any]:
    """What the Check tab shows for a pasted message."""
    report = check(text, lang=language, channel=channel)
    return {
        "summary": verdict(report) + f" · {report.language}/{report.channel} · {report.score:.2f}",
        "coaching": coaching(report),
        "highlighted": highlight(text, report),
        "rows": rule_rows(report),
        "report": report,
    }


def guidelines_markdown(channel: str, language: Language) -> str:
    parts = []
    for g in guidelines_for(None if channel == "all" else channel):  # type: ignore[arg-type]
        do = "\n".join(f"  - ✓ {escape_markdown(x)}" for x in g.do[language])
        dont = "\n".join(f"  - ✗ {escape_markdown(x)}" for x in g.dont[language])
        parts.append(f"### {g.order}. {g.title[language]}\n\n{g.summary[language]}\n\n*{g.why[language]}*\n\n{do}\n{dont}")
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------------------------------
# API endpoints (typed so gradio_client sees their parameters)


def api_check(text: str, language: str = "auto", channel: str = "email") -> dict:
    """Check a message: the `CheckReport` as JSON (rule ids, severities, spans, messages)."""
    import gradio as gr

    try:
        return check(text, lang=language, channel=channel).model_dump(mode="json")
    except InputError as exc:
        raise gr.Error(str(exc)) from None  # shown to API callers even with show_error off


def api_draft(situation: dict, channel: str = "", backend: str = "") -> dict:
    """Draft a message for a situation (the same fields as a situation file): the `DraftResult` as JSON."""
    import gradio as gr

    from .pipeline import draft

    try:
        result = draft(parse_situation(situation), channel=channel or None, backend=backend or None)  # type: ignore[arg-type]
    except (SituationError, InputError, ValueError, RuntimeError) as exc:
        raise gr.Error(str(exc)) from None
    return result.model_dump(mode="json")


# ---------------------------------------------------------------------------------------------------
# Layout


def build_app():
    """The Gradio Blocks app: Draft, Check, Should I end it? and Guidelines, plus /draft and /check."""
    import gradio as gr

    from .pipeline import reply as draft_reply

    assessment = assessment_data()
    labels = {lang: dict(values) for lang, values in ui_data()["labels"].items()}
    for lang in labels:  # the decision check's choices are translated from the assessment data
        labels[lang].update({f"signal_{k}": v["title"][lang] for k, v in assessment["signals"].items()})
        labels[lang].update({f"alt_{k}": v["title"][lang] for k, v in assessment["alternatives"].items()})
    i18n = gr.I18n(**labels)
    t = i18n

    with gr.Blocks(title="Tactful", analytics_enabled=False, delete_cache=(3600, 86400)) as app:
        gr.Markdown(t("title"), elem_id="title")
        with gr.Tabs():
            with gr.Tab(t("tab_draft"), id="draft", elem_id="tab-draft"):
                with gr.Row():
                    with gr.Column(scale=1):
                        with gr.Row():
                            example = gr.Dropdown(example_names(), label=t("example"), elem_id="example", scale=3)
                            load = gr.Button(t("load_example"), elem_id="load-example", scale=1)
                        context = gr.Textbox(label=t("context"), info=t("context_hint"), lines=6, elem_id="context")
                        with gr.Row():
                            client_name = gr.Textbox(label=t("client_name"), elem_id="client-name")
                            contact = gr.Textbox(label=t("contact"), elem_id="contact")
                        with gr.Row():
                            sender_name = gr.Textbox(label=t("sender_name"), elem_id="sender-name")
                            sender_company = gr.Textbox(label=t("sender_company"), elem_id="sender-company")
                        project = gr.Textbox(label=t("project"), elem_id="project")
                        reasons = gr.Textbox(label=t("reasons"), lines=2, elem_id="reasons")
                        facts = gr.Textbox(label=t("facts"), lines=2, elem_id="facts")
                        with gr.Row():
                            reason_kind = gr.Dropdown(["", *REASON_KINDS], value="", label=t("reason_kind"), elem_id="reason-kind")
                            solo = gr.Checkbox(label=t("solo"), elem_id="solo")
                        with gr.Accordion(t("more_options"), open=False, elem_id="more-options"):
                            with gr.Row():
                                notice_days = gr.Number(label=t("notice_days"), precision=0, minimum=0, elem_id="notice-days")
                                clause = gr.Textbox(label=t("clause"), elem_id="clause")
                                end_date = gr.Textbox(label=t("end_date"), elem_id="end-date")
                            handover = gr.Textbox(label=t("handover"), lines=2, elem_id="handover")
                            with gr.Row():
                                final_invoice = gr.Checkbox(label=t("final_invoice"), elem_id="final-invoice")
                                act = gr.Checkbox(label=t("act"), elem_id="act")
                                no_contract = gr.Checkbox(label=t("no_contract"), elem_id="no-contract")
                            referral = gr.Textbox(label=t("referral"), elem_id="referral")
                        with gr.Row():
                            outcome = gr.Radio(["full", "finish_stage"], value="full", label=t("outcome"), elem_id="outcome")
                            channel = gr.Radio(["email", "call", "meeting"], value="email", label=t("channel"), elem_id="channel")
                        with gr.Row():
                            language = gr.Radio(["auto", "ru", "en"], value="auto", label=t("language"), elem_id="language")
                            tone = gr.Radio(["formal", "warm"], value="formal", label=t("tone"), elem_id="tone")
                        go = gr.Button(t("draft_button"), variant="primary", elem_id="draft-button")
                        paste_view = gr.Markdown(elem_id="paste-summary")
                    with gr.Column(scale=1):
                        status = gr.Markdown(elem_id="draft-status")
                        output = gr.Textbox(label=t("result"), lines=16, buttons=["copy"], interactive=False, elem_id="draft-output")
                        files = gr.File(label=t("downloads"), file_count="multiple", interactive=False, elem_id="downloads")
                        advice = gr.Markdown(elem_id="draft-coaching")
                        marked = gr.HighlightedText(label=t("highlighted"), elem_id="draft-highlighted")
                        rules = gr.Dataframe(label=t("report"), interactive=False, elem_id="draft-rules")
                        history = gr.Dataframe(label=t("attempts"), interactive=False, elem_id="draft-attempts")
                        left_out = gr.Markdown(elem_id="draft-left-out")
                        checklist = gr.Markdown(elem_id="draft-checklist")
                        client_answer = gr.Textbox(label=t("client_replied"), lines=4, elem_id="client-reply")
                        reply_go = gr.Button(t("reply_button"), elem_id="reply-button")
                        reply_status = gr.Markdown(elem_id="reply-status")
                        reply_output = gr.Textbox(label=t("reply_output"), lines=12, buttons=["copy"], interactive=False, elem_id="reply-output")

            with gr.Tab(t("tab_assess"), id="assess", elem_id="tab-assess"):
                with gr.Row():
                    with gr.Column():
                        signals = gr.CheckboxGroup([(t(f"signal_{k}"), k) for k in assessment["signals"]], label=t("signals"), elem_id="signals")
                        tried = gr.CheckboxGroup([(t(f"alt_{k}"), k) for k in assessment["alternatives"]], label=t("tried"), elem_id="tried")
                        with gr.Row():
                            relationship_months = gr.Number(label=t("relationship_months"), precision=0, minimum=0, elem_id="relationship-months")
                            stage_in_progress = gr.Checkbox(label=t("stage_in_progress"), elem_id="stage-in-progress")
                            urgent = gr.Checkbox(label=t("urgent"), elem_id="urgent")
                        assess_go = gr.Button(t("assess_button"), variant="primary", elem_id="assess-button")
                    with gr.Column():
                        verdict_view = gr.Markdown(elem_id="assess-verdict")
                        channel_view = gr.Markdown(elem_id="assess-channel")

            with gr.Tab(t("tab_check"), id="check", elem_id="tab-check"):
                with gr.Row():
                    with gr.Column():
                        check_text = gr.Textbox(label=t("check_input"), lines=14, elem_id="check-input")
                        with gr.Row():
                            check_language = gr.Radio(["auto", "ru", "en"], value="auto", label=t("language"), elem_id="check-language")
                            check_channel = gr.Radio(["email", "call", "meeting"], value="email", label=t("channel"), elem_id="check-channel")
                        check_go = gr.Button(t("check_button"), variant="primary", elem_id="check-button")
                    with gr.Column():
                        check_status = gr.Markdown(elem_id="check-status")
                        check_advice = gr.Markdown(elem_id="check-coaching")
                        check_marked = gr.HighlightedText(label=t("highlighted"), elem_id="check-highlighted")
                        check_rules = gr.Dataframe(label=t("report"), interactive=False, elem_id="check-rules")

            with gr.Tab(t("tab_guidelines"), id="guidelines", elem_id="tab-guidelines"):
                with gr.Row():
                    g_channel = gr.Radio(["all", "email", "call", "meeting"], value="all", label=t("guidelines_channel"), elem_id="guidelines-channel")
                    g_language = gr.Radio(["en", "ru"], value="en", label=t("guidelines_language"), elem_id="guidelines-language")
                corpus = gr.Markdown(guidelines_markdown("all", "en"), elem_id="guidelines-corpus")

        form = [context, client_name, contact, sender_name, sender_company, project, reasons, facts, notice_days,
                clause, end_date, handover, final_invoice, act, referral, outcome, channel, language, tone,
                signals, tried, relationship_months, stage_in_progress, urgent, reason_kind, solo, no_contract]
        draft_outputs = [status, output, files, advice, marked, rules, history, left_out, checklist]
        by_name = dict(zip(FORM_FIELDS, form))
        fillable = list(dict.fromkeys(EXTRACTED_TO_FORM.values()))

        def error_text(values: dict[str, Any], exc: Exception) -> str:
            lang = "ru" if values.get("language") == "ru" else "en"
            return texts(lang)["error"].format(message=escape_markdown(str(exc)))

        def on_draft(*values: Any):
            typed = dict(zip(FORM_FIELDS, values))
            # The paste fills what the form leaves empty; the form shows each filled value.
            form_values, changed, extraction = fill_from_paste(typed)
            lang = form_values.get("language") if form_values.get("language") in ("en", "ru") else \
                (extraction.language if extraction else "en")
            filled = [paste_summary(extraction, changed, typed.get("context") or "", lang),
                      *[gr.update(value=form_values[n]) if n in changed else gr.update() for n in fillable]]
            unchanged = [gr.update()] * 7
            if not (form_values.get("client_name") or "").strip():
                yield [texts(lang)["error"].format(message=texts(lang)["missing_client"]), *[gr.update()] * 8, *filled]
                return
            try:
                situation = form_to_situation(form_values)
                # An LLM reply streams in while it is written; the composer answers at once.
                for partial in stream_draft(situation):
                    if isinstance(partial, str):
                        yield [texts(lang)["writing"], partial, *unchanged, *filled]
                    else:
                        result = partial
            except (SituationError, InputError, ValueError, RuntimeError) as exc:
                # Inputs are not outputs, so whatever was typed stays on the page; old results go.
                yield [error_text(form_values, exc), "", None, "", None, None, None, "", "", *filled]
                return
            v = result_views(result, situation)
            columns = texts(result.language)
            yield [
                v["summary"], v["text"], v["files"], v["coaching"],
                gr.update(value=v["highlighted"], color_map=color_map(result.report)),
                gr.update(value=v["rows"], headers=columns["columns"]),
                gr.update(value=v["attempts"], headers=columns["attempt_columns"]),
                v["left_out"], v["checklist"], *filled,
            ]

        def on_reply(answer: str, *values: Any):
            form_values = dict(zip(FORM_FIELDS, values))
            try:
                result = draft_reply(form_to_situation(form_values), answer or "")
            except (SituationError, InputError, ValueError, RuntimeError) as exc:
                return [error_text(form_values, exc), ""]
            return [verdict(result.report) + "\n\n" + coaching(result.report), result.text]

        def on_assess(*values: Any):
            from .pipeline import situation_language

            form_values = dict(zip(FORM_FIELDS, values))
            try:
                situation = form_to_situation(form_values)
            except (SituationError, ValueError) as exc:
                return [error_text(form_values, exc), "", gr.update()]
            summary, channel_text = assess_views(situation, situation_language(situation))
            return [summary, channel_text, gr.update(value=advise_channel(situation, "en").channel)]

        def on_check(text: str, lang: str, chan: str):
            cleared = [gr.update(value=None), gr.update(value=None)]
            if not (text or "").strip():
                return [texts("ru" if lang == "ru" else "en")["empty"], "", *cleared]
            try:
                v = check_views(text, lang, chan)
            except InputError as exc:
                return [texts("ru" if lang == "ru" else "en")["error"].format(message=escape_markdown(str(exc))), "", *cleared]
            columns = texts(v["report"].language)
            return [
                v["summary"], v["coaching"],
                gr.update(value=v["highlighted"], color_map=color_map(v["report"])),
                gr.update(value=v["rows"], headers=columns["columns"]),
            ]

        load.click(load_example, inputs=example, outputs=form, api_visibility="private")
        go.click(on_draft, inputs=form, outputs=[*draft_outputs, paste_view, *[by_name[n] for n in fillable]],
                 api_visibility="private", concurrency_limit=8)
        reply_go.click(on_reply, inputs=[client_answer, *form], outputs=[reply_status, reply_output], api_visibility="private")
        assess_go.click(on_assess, inputs=form, outputs=[verdict_view, channel_view, channel], api_visibility="private")
        check_go.click(on_check, inputs=[check_text, check_language, check_channel],
                       outputs=[check_status, check_advice, check_marked, check_rules], api_visibility="private")
        for control in (g_channel, g_language):
            control.change(guidelines_markdown, inputs=[g_channel, g_language], outputs=corpus, api_visibility="private")
        gr.api(api_check, api_name="check")
        gr.api(api_draft, api_name="draft", concurrency_limit=8)
    return app, i18n


def launch(host: str = "127.0.0.1", port: int = 7860, share: bool = False, auth: tuple[str, str] | None = None,
           prevent_thread_lock: bool = False):
    """Start the web UI on ``host:port`` (loopback by default); a share link only when asked."""
    app, i18n = build_app()
    app.queue(default_concurrency_limit=8, max_size=200)
    return app.launch(
        server_name=host, server_port=port, share=share, auth=auth, i18n=i18n, ssr_mode=False,
        show_error=False, quiet=False, prevent_thread_lock=prevent_thread_lock, footer_links=[],
    )
