"""The web UI's handlers as plain functions: form values in, what the page shows out (no server)."""

from __future__ import annotations

import email
import email.policy
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tactful.pipeline import draft
from tactful.result import DraftResult
from tactful.situation import SituationError, loads_situation
from tactful.ui import (
    FORM_FIELDS,
    example_names,
    form_to_situation,
    load_example,
    recheck,
    result_views,
    situation_to_form,
    word_diff,
)
from tactful.ui.downloads import _FOLDER

SCENARIOS = Path(__file__).resolve().parents[1] / "eval" / "scenarios"
EXAMPLE = "01-scope-creep-web-studio"
ACCUSATION_EN = "You always ignore my emails and it is your fault."
ACCUSATION_RU = "Вы опять проигнорировали наше письмо, и по вашей вине всё сорвалось!!"
PAYLOAD = "<script>alert(1)</script> [x](http://evil)"


@pytest.fixture(autouse=True)
def downloads_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anything a handler writes to a temporary folder stays under pytest's tmp_path."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def example_form(name: str = EXAMPLE, **changes: Any) -> dict[str, Any]:
    """The form values of an example scenario, with some fields changed."""
    return {**dict(zip(FORM_FIELDS, load_example(name))), **changes}


def compose(form: dict[str, Any]) -> DraftResult:
    """Draft the form's situation with the offline composer."""
    return draft(form_to_situation(form), backend="composer")


def assert_inert_markdown(markdown: str) -> None:
    """No raw HTML and no link syntax: every ``<`` and ``[`` is backslash-escaped."""
    assert not re.search(r"(?<!\\)[<\[]", markdown), markdown


def test_form_to_situation_builds_a_situation():
    form = {
        "client_name": "  Acme Ltd  ", "contact": "Jane Doe", "reasons": "scope creep\n\n  late payments  \n",
        "facts": "", "notice_days": 30.0, "end_date": "2026-06-30", "final_invoice": True, "act": False,
        "outcome": "finish_stage", "channel": "call", "language": "en", "tone": "warm",
    }
    situation = form_to_situation(form)
    assert situation.client.name == "Acme Ltd" and situation.addressee == "Jane Doe"
    assert situation.reasons == ["scope creep", "late payments"] and situation.facts == []
    assert situation.contract.notice_days == 30 and situation.end_date.isoformat() == "2026-06-30"
    assert situation.final_invoice and not situation.act_of_acceptance
    assert (situation.outcome, situation.channel, situation.language, situation.tone) == ("finish_stage", "call", "en", "warm")
    assert situation.sender.name is None and situation.project is None and situation.context is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"client_name": "   "}, "client.name"), ({"end_date": "2026-13-01"}, "end_date"), ({"notice_days": -1}, "contract.notice_days")],
)
def test_form_to_situation_names_the_bad_field(changes: dict[str, Any], field: str):
    with pytest.raises(SituationError, match=re.escape(field)):
        form_to_situation(example_form(**changes))


@pytest.mark.parametrize("name", example_names())
def test_load_example_round_trips(name: str):
    """Every field the form carries survives scenario → form → situation, and the form is stable."""
    expected = loads_situation((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))
    values = load_example(name)
    assert len(values) == len(FORM_FIELDS)
    situation = form_to_situation(dict(zip(FORM_FIELDS, values)))
    on_form = situation.model_fields_set
    assert situation.model_dump(include=on_form) == expected.model_dump(include=on_form)
    assert situation_to_form(situation) == values


def check_views(text: str, language: str = "auto", channel: str = "email", page: str = "en") -> dict[str, Any]:
    return recheck(text, None, page, channel, check_language=language)


def test_email_result_offers_txt_md_and_eml():
    form = example_form(channel="email")
    result = compose(form)
    views = result_views(result, form_to_situation(form), "en")
    files = {Path(f).suffix: Path(f) for f in views["files"]}
    # One download folder per process (removed at exit), one sub-folder per draft: nothing piles up in /tmp.
    assert all(f.parent.parent == Path(_FOLDER.name) for f in files.values())
    assert {".eml", ".md", ".txt"} <= set(files)
    assert files[".txt"].read_text(encoding="utf-8") == views["text"] == result.text
    message = email.message_from_bytes(files[".eml"].read_bytes(), policy=email.policy.default)
    assert message["Subject"] == result.draft.content.subject and message["X-Unsent"] == "1"


def test_a_call_script_is_offered_as_text_and_markdown():
    form = example_form(channel="call")
    assert {".md", ".txt"} <= {Path(f).suffix for f in result_views(compose(form), form_to_situation(form), "en")["files"]}


@pytest.mark.parametrize(("page", "ready", "written"), [("en", "✅ Ready to send", "the offline composer"),
                                                        ("ru", "✅ Можно отправлять", "офлайн-генератор")])
def test_result_views_put_one_verdict_on_top_in_the_page_language(page: str, ready: str, written: str):
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=200)).isoformat()
    form = example_form("18-closing-support-line-web-studio", end_date=later)
    views = result_views(compose(form), form_to_situation(form), page)
    assert views["verdict"].startswith(f"### {ready}") and written in views["written"]
    assert "composer" not in views["written"] or page == "en"
    assert "".join(segment for segment, _ in views["highlighted"]) == views["text"]


def test_an_end_date_inside_the_notice_period_blocks_the_draft():
    import datetime as dt

    soon = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    form = example_form("18-closing-support-line-web-studio", end_date=soon, notice_days=30)
    views = result_views(compose(form), form_to_situation(form), "en")
    assert views["verdict"].startswith("### ⛔") and "notice period" in views["verdict"]


@pytest.mark.parametrize(("text", "rules"), [(ACCUSATION_EN, {"accusation", "blame"}), (ACCUSATION_RU, {"accusation", "blame", "exclamation"})])
def test_check_views_highlight_the_flagged_words(text: str, rules: set[str]):
    views = check_views(text)
    segments = views["highlighted"]
    assert "".join(segment for segment, _ in segments) == text
    assert rules <= {label for _, label in segments if label}
    violations = views["report"].violations
    position = 0
    for segment, label in segments:
        end = position + len(segment)
        if label:  # a highlight covers its finding, widened to whole words
            assert any(v.rule == label and v.start < end and position < v.end for v in violations), (segment, label)
            assert not (text[position - 1 : position].isalnum() and segment[:1].isalnum()), segment
        position = end
    assert views["verdict"].startswith("### ⛔")
    assert {row["rule"] for row in views["findings"]} >= rules


def test_coaching_is_in_the_language_of_the_message():
    english, russian = check_views(ACCUSATION_EN), check_views(ACCUSATION_RU)
    assert english["coaching"].startswith("**How it reads:**") and "blaming" in english["coaching"]
    assert russian["coaching"].startswith("**Как звучит:**") and "с обвинениями" in russian["coaching"]


def test_check_views_pass_language_and_channel_through():
    views = check_views(ACCUSATION_EN, language="en", channel="call")
    assert (views["report"].language, views["report"].channel) == ("en", "call")


def test_an_ignored_warning_leaves_the_verdict_and_an_error_cannot_be_ignored():
    text = "Thank you for the work together!!! We have decided to end our cooperation on 1 June."
    views = check_views(text, language="en")
    warnings = [r for r in views["findings"] if not r["blocker"]]
    assert warnings
    ignored = recheck(text, None, "en", ignored=[r["key"] for r in views["findings"]])
    assert all(r["blocker"] for r in ignored["findings"])
    assert len(ignored["findings"]) == len(views["findings"]) - len(warnings)


def test_word_diff_marks_removed_and_added_words():
    pieces = word_diff("You never pay on time.", "Thank you. We need payment on time.")
    assert "".join(p for p, tag in pieces if tag != "+") == "You never pay on time."
    assert "".join(p for p, tag in pieces if tag != "-") == "Thank you. We need payment on time."


def test_user_text_is_escaped_in_the_markdown_views():
    form = example_form(
        client_name=PAYLOAD, contact=PAYLOAD, project=PAYLOAD,
        reasons=f"заказчик идиот {PAYLOAD}", facts=f"вы всегда всё срываете {PAYLOAD}",
    )
    result = compose(form)
    views = result_views(result, form_to_situation(form), "ru")
    assert views["left_out"], "the insulting reason must be left out of the draft"
    for key in ("verdict", "left_out", "coaching"):
        assert_inert_markdown(views[key])
    assert "\\<script\\>" in views["left_out"]
    assert PAYLOAD in views["text"], "the plain text keeps the client name as typed"


@pytest.mark.parametrize("text", [f"You [always]({PAYLOAD}) ignore my emails.", "STOP <SCRIPT>ALERT(1)</SCRIPT>, IT IS YOUR FAULT."])
def test_quoted_fragments_are_escaped_in_the_coaching(text: str):
    views = check_views(text)
    assert "Most important fixes" in views["coaching"]
    assert_inert_markdown(views["verdict"])
    assert_inert_markdown(views["coaching"])


def test_no_telemetry():
    """Gradio's analytics are off before gradio is imported, and the app says so too."""
    import os

    from tactful.ui import build_app

    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    app, _ = build_app()
    assert app.analytics_enabled is False


def test_the_paste_summary_names_only_what_neither_the_paste_nor_the_form_has():
    from tactful.ui import fill_from_paste, paste_summary

    typed = {"context": "Client: Acme Ltd, contact person Jane Morris. Last day will be 31 March 2099.", "project": "Website"}
    _, changed, extraction = fill_from_paste(typed)
    summary = paste_summary(extraction, changed, typed["context"], "en", typed)
    missing = summary.split("Not found in the paste:")[1]
    assert "Handover" in missing or "What you hand over" in missing
    assert "Project" not in missing and "client_name" in changed
