"""The web UI in a real browser: headless Chromium (Playwright) against the running offline server.

Besides checking what a user sees, the tests save the README screenshots to ``docs/screenshots``.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed; the browser tests need Debian's chromium", allow_module_level=True)

from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright  # noqa: E402
from support.openai_server import ScriptedOpenAIServer  # noqa: E402
from support.ui_server import UIServer  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
# Screenshots go to a temporary folder; TACTFUL_UPDATE_SCREENSHOTS=1 writes the README's copies instead.
SCREENSHOTS = ROOT / "docs" / "screenshots" if os.environ.get("TACTFUL_UPDATE_SCREENSHOTS") == "1" else \
    Path(tempfile.mkdtemp(prefix="tactful-screenshots-"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
EXAMPLE = "18-closing-support-line-web-studio"
EXAMPLE_CONTACT = yaml.safe_load((ROOT / "eval" / "scenarios" / f"{EXAMPLE}.yaml").read_text(encoding="utf-8"))["client"]["contact"]
EXAMPLE_RU = "07-late-night-calls-photographer"
"""A Russian example with no Latin words of its own, for the test that the Russian page shows no English."""
LATER = (dt.date.today() + dt.timedelta(days=200)).isoformat()
"""An end date well past any example's notice period, so the verdict is clean."""
ACCUSATION_RU = "Вы опять проигнорировали наше письмо, и по вашей вине всё сорвалось!!"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
VERDICT = re.compile(r"[✅🟡⛔]")
"""What the verdict of a finished draft or check starts with."""
RESULT_TIMEOUT = 30_000
"""Milliseconds a draft or a check may take (the first one warms up the language models)."""
TABS = {"en-US": ["Draft", "Should I end it?", "Check a message", "History", "Guidelines"],
        "ru-RU": ["Черновик", "Стоит ли завершать?", "Проверить сообщение", "История", "Рекомендации"]}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium, shared by the module."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(browser: Browser, url: str, locale: str) -> Page:
    """A fresh context in ``locale`` with the app loaded; requests that leave the server are refused."""
    context = browser.new_context(locale=locale, accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.route(lambda target: not target.startswith(url), lambda route: route.abort())
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#title")).to_be_visible()
    return page


@pytest.fixture
def page(browser: Browser, ui_url: str) -> Iterator[Page]:  # noqa: F811
    """The app in an English browser."""
    opened = open_page(browser, ui_url, "en-US")
    try:
        yield opened
    finally:
        opened.context.close()


def textbox(page: Page, elem_id: str) -> Locator:
    """The text field of a `gr.Textbox` (Gradio renders single-line boxes as a textarea too)."""
    return page.locator(f"#{elem_id} textarea")


def tab(page: Page, index: int) -> None:
    """Open a tab by its place (0 Draft, 1 Should I end it?, 2 Check, 3 History, 4 Guidelines), whatever the language."""
    page.get_by_role("tab").nth(index).click()


def run_draft(page: Page, button: str = "#draft-button") -> str:
    """Click a drafting button and wait for the verdict; the final text."""
    click_for_result(page, button, "#draft-verdict")
    return textbox(page, "draft-output").input_value()


def click_for_result(page: Page, button: str, selector: str) -> None:
    """Click and wait until the request the click started is done: Gradio's progress line has shown on the
    verdict or the status line and is gone again (on a slow machine it appears well after the click, while the
    previous verdict is still there), and the element shows a verdict (or, for an error, the status line does)."""
    status = selector.replace("verdict", "status")
    busy = "(s) => /processing|queue/i.test((document.querySelector(s) || {}).innerText || '')"
    page.evaluate(
        f"""([selector, status]) => {{
            const busy = {busy};
            window.__busy_seen = false;
            const observer = new MutationObserver(() => {{
                if (busy(selector) || busy(status)) {{ window.__busy_seen = true; observer.disconnect(); }}
            }});
            for (const found of [selector, status].map((s) => document.querySelector(s)).filter(Boolean))
                observer.observe(found, {{childList: true, subtree: true, characterData: true}});
        }}""",
        [selector, status],
    )
    page.click(button)
    page.wait_for_function(
        f"""([selector, status]) => {{
            const busy = {busy};
            const text = (document.querySelector(selector) || {{}}).innerText || "";
            const line = (document.querySelector(status) || {{}}).innerText || "";
            return window.__busy_seen && !busy(selector) && !busy(status)
                && (/[✅🟡⛔]/u.test(text) || line.includes("⚠️"));
        }}""",
        arg=[selector, status], timeout=RESULT_TIMEOUT,
    )


def load(page: Page, name: str) -> None:
    page.locator("#example input").fill(name[:8])
    page.get_by_role("option").filter(has_text=name).click()
    expect(page.locator("#example input")).to_have_value(re.compile(re.escape(name)))
    page.click("#load-example")
    # Either the example is loaded, or the page asks to press again (its message names the button).
    page.wait_for_function("""() => document.querySelector('#project textarea').value !== ''
        || document.querySelector('#draft-status').innerText.includes(document.querySelector('#load-example').innerText)""")
    if not textbox(page, "project").input_value():  # the form held typed text: the second press replaces it
        page.click("#load-example")
    expect(textbox(page, "project")).not_to_have_value("")


def draft_example(page: Page, name: str = EXAMPLE, end_date: str | None = LATER) -> str:
    """Load an example (with an end date past its notice period), draft it; the drafted text."""
    load(page, name)
    if end_date:
        textbox(page, "end-date").fill(end_date)
    return run_draft(page)


def run_check(page: Page, text: str) -> None:
    """Paste ``text`` on the Check tab and wait for the verdict."""
    tab(page, 2)
    textbox(page, "check-input").fill(text)
    click_for_result(page, "#check-button", "#check-verdict")


def save_screenshot(page: Page, name: str) -> None:
    """A full-page screenshot for the README (see SCREENSHOTS)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def highlighted_tokens(component: Locator) -> list[str]:
    """The highlighted pieces of a `gr.HighlightedText` (their kind is in the legend above them)."""
    return [token.text_content() or "" for token in component.locator(".token.highlighted .text").all()]


@pytest.mark.parametrize("locale", ["en-US", "ru-RU"])
def test_page_loads_with_five_tabs_in_the_browser_language(browser: Browser, ui_url: str, locale: str):  # noqa: F811
    page = open_page(browser, ui_url, locale)
    try:
        expect(page.locator("#title")).to_contain_text("Tactful")
        expect(page.get_by_role("tab")).to_have_text(TABS[locale])
        expect(page.locator("#draft-button")).to_have_text("Draft the message" if locale == "en-US" else "Написать сообщение")
    finally:
        page.context.close()


def test_draft_an_example(page: Page):
    started = time.monotonic()
    text = draft_example(page)
    took = time.monotonic() - started
    expect(textbox(page, "contact")).to_have_value(EXAMPLE_CONTACT)
    assert text.startswith("Subject: ")
    assert f"Dear {EXAMPLE_CONTACT.split()[0]}," in text  # the first name, as to someone one worked with
    expect(page.locator("#draft-verdict")).to_contain_text("Ready to send")
    expect(page.locator("#draft-written")).to_contain_text("the offline composer")
    expect(page.locator("#draft-coaching")).to_contain_text("How it reads")
    save_screenshot(page, "draft")
    print(f"\n[timing] draft an example: {took:.2f} s")


def test_the_eml_download_opens_as_an_unsent_draft(page: Page):
    text = draft_example(page)
    names = page.locator("#downloads .filename")
    suffixes = {Path(name.get_attribute("aria-label") or "").suffix for name in names.all()}
    assert {".eml", ".md", ".txt", ".ics"} <= suffixes
    with page.expect_download() as info:
        page.locator("#downloads a[download$='.eml']").click()
    message = email.message_from_bytes(Path(info.value.path()).read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1" and message["Date"] and message["Subject"] == text.splitlines()[0].removeprefix("Subject: ")
    assert message.get_content().strip().splitlines()[0] == text.split("\n\n", 1)[1].splitlines()[0]


@pytest.mark.parametrize(("locale", "name", "hostile", "blocked"), [
    ("en-US", EXAMPLE, "You never listen!!!", "Blocked"),
    ("ru-RU", EXAMPLE_RU, "Вы опять всё сорвали!!!", "Отправлять нельзя"),
])
def test_edit_the_draft_rechecks_it_and_a_fix_applies_in_one_click(browser: Browser, ui_url: str, locale, name, hostile, blocked):  # noqa: F811
    page = open_page(browser, ui_url, locale)
    try:
        text = draft_example(page, name)
        expect(page.locator("#draft-verdict")).to_contain_text("✅")
        output = textbox(page, "draft-output")
        started = time.monotonic()
        output.fill(text + "\n\n" + hostile[:-1])
        output.press_sequentially(hostile[-1])  # typing fires the check again
        expect(page.locator("#draft-verdict")).to_contain_text(blocked, timeout=RESULT_TIMEOUT)
        print(f"\n[timing] edit → re-check ({locale}): {time.monotonic() - started:.2f} s")
        fix = page.locator("#draft-finding-list .apply-fix").first
        expect(fix).to_be_visible()
        started = time.monotonic()
        fix.click()
        expect(output).not_to_have_value(re.compile("!!!"), timeout=RESULT_TIMEOUT)
        print(f"[timing] apply a fix ({locale}): {time.monotonic() - started:.2f} s")
        assert output.input_value().startswith(text[:40])
        save_screenshot(page, f"edit-fix-{locale[:2]}")
    finally:
        page.context.close()


def test_a_warning_can_be_ignored_and_an_error_cannot(page: Page):
    run_check(page, "Thank you for the work together. We have decided to end our cooperation on 1 June 2099!!!")
    findings = page.locator("#check-finding-list .finding")
    ignore = page.locator("#check-finding-list .ignore-finding").first
    expect(ignore).to_be_visible()  # the list renders after the verdict: count it once it is there
    before = findings.count()
    ignore.click()
    expect(findings).to_have_count(before - 1, timeout=RESULT_TIMEOUT)
    assert page.locator("#check-finding-list .finding.blocker .ignore-finding").count() == 0


def test_an_end_date_inside_the_notice_period_blocks_the_draft(page: Page):
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    draft_example(page, end_date=soon)
    verdict = page.locator("#draft-verdict")
    expect(verdict).to_contain_text("⛔ Blocked")
    expect(verdict).to_contain_text("notice period")
    save_screenshot(page, "blocked")


def test_check_highlights_whole_words_in_the_page_language(browser: Browser, ui_url: str):  # noqa: F811
    page = open_page(browser, ui_url, "ru-RU")
    try:
        run_check(page, ACCUSATION_RU)
        expect(page.locator("#check-verdict")).to_contain_text("⛔")
        tokens = highlighted_tokens(page.locator("#check-highlighted"))
        assert {"Вы опять проигнорировали", "по вашей вине", "!!"} <= set(tokens)
        expect(page.locator("#check-highlighted .legend")).to_contain_text("Что мешает отправить")
        for token in tokens:  # whole words only: no highlight starts or ends inside a word
            at = ACCUSATION_RU.find(token)
            assert not (at > 0 and ACCUSATION_RU[at - 1].isalnum() and token[0].isalnum())
            end = at + len(token)
            assert not (end < len(ACCUSATION_RU) and ACCUSATION_RU[end].isalnum() and token[-1].isalnum())
        expect(page.locator("#check-coaching")).to_contain_text("Как звучит")
        save_screenshot(page, "check")
    finally:
        page.context.close()


@pytest.mark.parametrize(("locale", "message", "greeting"), [
    ("en-US", "Dear Dana,\n\nYou never pay on time and I am fed up!!! We are done. Our last day is 31 March 2099.\n\nTom Reyes\nReyes Studio",
     "Dana"),
    ("ru-RU", "Добрый день, Лев Романович!\n\nВы опять сорвали все сроки, с меня хватит!!! Последний день — 31 марта 2099 года.\n\nМария Кравец",
     "Лев Романович"),
])
def test_rewrite_calmly_offline_shows_the_calm_version_the_diff_and_what_was_left_out(browser: Browser, ui_url: str,  # noqa: F811
                                                                                       locale, message, greeting):
    page = open_page(browser, ui_url, locale)
    try:
        tab(page, 2)
        textbox(page, "check-input").fill(message)
        started = time.monotonic()
        page.click("#rewrite-button")
        calm = textbox(page, "rewrite-output")
        expect(calm).to_have_value(re.compile(greeting), timeout=RESULT_TIMEOUT)
        print(f"\n[timing] rewrite calmly offline ({locale}): {time.monotonic() - started:.2f} s")
        assert "!!!" not in calm.input_value()
        expect(page.locator("#rewrite-diff")).to_be_visible()
        expect(page.locator("#rewrite-dropped")).to_contain_text("!!!")
        save_screenshot(page, f"rewrite-{locale[:2]}")
    finally:
        page.context.close()


def test_rewrite_calmly_with_an_llm_goes_through_the_draft_check_revise_loop(browser: Browser):
    from tactful.composer import Composer
    from tactful.extraction import extract
    from tactful.situation import parse_situation

    message = "Dear Dana,\n\nYou never pay on time!!! We are done. Our last day is 31 March 2099.\n\nTom Reyes\nReyes Studio"
    found = extract(message, "en").situation
    situation = parse_situation({**found, "client": {"name": found["client"].get("contact") or "Dana"}, "context": message})
    calm = Composer().compose(situation, "email", "en")[0].content.model_dump_json()
    with ScriptedOpenAIServer(default=calm) as llm:
        env = {"OPENAI_BASE_URL": llm.base_url, "OPENAI_API_KEY": "sk-test", "TACTFUL_MODEL": "scripted",
               "TACTFUL_BACKEND": "auto", "TACTFUL_MAX_RETRIES": "0", "TACTFUL_CRITIC": "0"}
        server = UIServer(env)
        try:
            server.wait_until_ready()
            page = open_page(browser, server.url, "en-US")
            tab(page, 2)
            textbox(page, "check-input").fill(message)
            started = time.monotonic()
            page.click("#rewrite-button")
            expect(page.locator("#check-status")).to_contain_text("Rewritten by the LLM", timeout=RESULT_TIMEOUT)
            print(f"\n[timing] rewrite calmly with the scripted LLM: {time.monotonic() - started:.2f} s")
            assert "!!!" not in textbox(page, "rewrite-output").input_value()
            assert any("You never pay on time" in r.prompt_text for r in llm.chat_requests)
            page.context.close()
        finally:
            server.stop()


def test_history_survives_a_restart_and_a_reload_reopens_and_deletes(browser: Browser, tmp_path: Path):
    env = {"TACTFUL_DATABASE_URL": f"sqlite:///{tmp_path / 'history.db'}"}
    server = UIServer(env)
    try:
        server.wait_until_ready()
        page = open_page(browser, server.url, "en-US")
        text = draft_example(page)
        page.context.close()
    finally:
        server.stop()
    server = UIServer(env)  # a restart: a new process on the same database
    try:
        server.wait_until_ready()
        page = open_page(browser, server.url, "en-US")
        page.reload()
        tab(page, 3)
        cases = page.locator("#history-cases")
        expect(cases).to_contain_text("Merriweather Garden Centres", timeout=RESULT_TIMEOUT)
        page.locator("#history-pick input").fill("1")
        started = time.monotonic()
        page.click("#history-open")
        expect(page.locator("#history-status")).to_contain_text("Case 1 opened")
        print(f"\n[timing] reopen a case: {time.monotonic() - started:.2f} s")
        tab(page, 0)
        expect(textbox(page, "client-name")).to_have_value("Merriweather Garden Centres")
        expect(textbox(page, "draft-output")).to_have_value(text)
        tab(page, 3)
        page.click("#history-delete")
        expect(page.locator("#history-status")).to_contain_text("Case 1 deleted")
        expect(cases).not_to_contain_text("Merriweather")
        page.context.close()
    finally:
        server.stop()


LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
# The name, the downloads' file extensions, and the guidelines' own example of an unfilled template.
ALLOWED_LATIN = {"Tactful", "txt", "eml", "ics", "TODO", "name"}


def visible_words(page: Page) -> set[str]:
    """Latin words in what the page shows (labels, buttons, choices, verdicts), not in text boxes' values."""
    # What finished requests show, not the transient progress lines of those still running.
    page.wait_for_timeout(300)
    page.wait_for_function("() => !/processing|queue:/i.test(document.body.innerText)", timeout=RESULT_TIMEOUT)
    return set(LATIN_WORD.findall(page.locator("body").inner_text())) - ALLOWED_LATIN


def test_the_russian_page_shows_no_english_on_the_main_flows(browser: Browser, ui_url: str):  # noqa: F811
    page = open_page(browser, ui_url, "ru-RU")
    try:
        assert not visible_words(page), "on load"
        textbox(page, "client-name").fill("ООО «Ромашка»")
        textbox(page, "end-date").fill("31.13.2026")
        page.click("#draft-button")
        expect(page.locator("#draft-status")).to_contain_text("⚠️", timeout=RESULT_TIMEOUT)
        assert not visible_words(page), "after a failed draft"
        draft_example(page, EXAMPLE_RU)
        page.locator("#more-options").get_by_role("button").first.click()
        assert not visible_words(page), "after a draft"
        run_check(page, ACCUSATION_RU)
        assert not visible_words(page), "after a check"
        tab(page, 1)
        page.locator("#stage-in-progress input").check()
        page.click("#assess-button")
        expect(page.locator("#assess-verdict")).not_to_be_empty()
        assert not visible_words(page), "after the decision check"
        tab(page, 4)
        expect(page.locator("#guidelines-corpus h3").first).to_have_text(re.compile(r"^1\. [А-Яа-яЁё]"))
        assert not visible_words(page), "on the guidelines"
    finally:
        page.context.close()


@pytest.mark.parametrize(("locale", "typed", "shown"), [
    ("en-US", "31.12.2099", "2099-12-31"),
    ("en-US", "2099-1-5", "2099-01-05"),
    ("ru-RU", "15 мая 2099", "2099-05-15"),
    ("en-US", "next Friday", None),
])
def test_the_last_day_accepts_dates_as_people_type_them(browser: Browser, ui_url: str, locale, typed, shown):  # noqa: F811
    page = open_page(browser, ui_url, locale)
    try:
        box = textbox(page, "end-date")
        box.fill(typed)
        box.blur()
        if shown is None:  # resolved against today: the next Friday after it
            expect(box).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
            day = dt.date.fromisoformat(box.input_value())
            assert day.weekday() == 4 and 0 < (day - dt.date.today()).days <= 14
        else:
            expect(box).to_have_value(shown)
    finally:
        page.context.close()


def test_should_i_end_it_works_alone_and_carries_its_verdict_to_the_draft_tab(page: Page):
    tab(page, 1)
    for index in (0, 4, 11):  # complaints, late payments, aggression
        page.locator("#signals input[type=checkbox]").nth(index).check()
    page.locator("#stage-in-progress input").check()
    page.click("#assess-button")
    expect(page.locator("#assess-verdict")).to_contain_text(re.compile(r"\w"), timeout=RESULT_TIMEOUT)
    expect(page.locator("#assess-channel")).to_contain_text("Recommended channel")
    save_screenshot(page, "assess")
    expect(page.locator("#assess-verdict")).to_contain_text("Finish the current stage")
    channel = page.locator("#assess-channel").inner_text()
    tab(page, 0)
    expect(page.locator("#outcome input[value='finish_stage']")).to_be_checked()
    chosen = page.locator("#channel input:checked").get_attribute("value")
    assert chosen and {"email": "Email", "call": "Phone call", "meeting": "Meeting"}[chosen].lower() in channel.lower()


def test_a_text_over_the_limit_is_refused_at_once(page: Page):
    tab(page, 2)
    textbox(page, "check-input").fill("You are late. " * 2000)  # 28,000 characters
    started = time.monotonic()
    page.click("#check-button")
    expect(page.locator("#check-status")).to_contain_text("the limit is 20,000", timeout=10_000)
    assert time.monotonic() - started < 10


def test_a_390_px_screen_stacks_the_page_without_sideways_scrolling(browser: Browser, ui_url: str):  # noqa: F811
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(ui_url)
        expect(page.locator("#title")).to_be_visible()
        draft_example(page)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 392
        save_screenshot(page, "mobile-390")
    finally:
        context.close()


def test_markup_in_inputs_is_shown_literally(page: Page):
    textbox(page, "client-name").fill(XSS)
    assert XSS in run_draft(page)
    run_check(page, f"{XSS} You always ignore my emails.")
    expect(page.locator("#check-highlighted")).to_contain_text("<script>window.__xss=1</script>")
    expect(page.locator("#check-highlighted")).to_contain_text('onerror="window.__xss=2"')
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script", has_text="window.__xss").count() == 0


@pytest.mark.parametrize(("locale", "message"), [("en-US", "is not a date"), ("ru-RU", "как дату")])
def test_a_failed_draft_keeps_the_inputs_and_the_last_good_result(browser: Browser, ui_url: str, locale, message):  # noqa: F811
    page = open_page(browser, ui_url, locale)
    try:
        text = draft_example(page)
        textbox(page, "end-date").fill("2026-13-01")
        page.click("#draft-button")
        expect(page.locator("#draft-status")).to_contain_text(message, timeout=RESULT_TIMEOUT)
        expect(page.locator("#draft-status")).to_contain_text("2026-13-01")
        expect(textbox(page, "end-date")).to_have_value("2026-13-01")
        expect(textbox(page, "draft-output")).to_have_value(text)
    finally:
        page.context.close()


def test_load_example_asks_before_replacing_what_was_typed(page: Page):
    textbox(page, "client-name").fill("My own client")
    page.locator("#example input").fill(EXAMPLE[:8])
    page.get_by_role("option").filter(has_text=EXAMPLE).click()
    page.click("#load-example")
    expect(page.locator("#draft-status")).to_contain_text("Load example")
    expect(textbox(page, "client-name")).to_have_value("My own client")
    page.click("#load-example")
    expect(textbox(page, "client-name")).to_have_value("Merriweather Garden Centres")


def test_refine_and_three_versions(page: Page):
    text = draft_example(page)
    brief = run_draft(page, "#shorter-button")
    expect(page.locator("#tone input[value='brief']")).to_be_checked()
    assert 0 < len(brief) < len(text)
    page.click("#variants-button")
    for tone in ("formal", "warm", "brief"):
        expect(textbox(page, f"variant-{tone}")).not_to_have_value("", timeout=RESULT_TIMEOUT)


def test_client_replied_step_drafts_a_calm_answer(page: Page):
    draft_example(page)
    expect(page.locator("#draft-checklist")).to_contain_text("Closure checklist")
    page.locator("#client-reply textarea").fill("You will regret this. Our lawyers will call you!!")
    page.click("#reply-button")
    answer = page.locator("#reply-output textarea")
    expect(answer).to_have_value(re.compile(r"^Subject: Re: ", re.S), timeout=30_000)
    assert "mediator" in answer.input_value() and "regret" not in answer.input_value()
    expect(page.locator("#reply-status")).to_contain_text(VERDICT)


def test_the_clients_points_only_the_user_can_answer_are_answered_in_a_table_and_written_in(page: Page):
    draft_example(page)
    page.locator("#client-reply textarea").fill("Thanks for letting us know. Could our interns still use the meeting room on Fridays?")
    page.click("#reply-button")
    points = page.locator("#reply-points")
    expect(points).to_contain_text("Could our interns still use the meeting room on Fridays?", timeout=30_000)
    assert "come back to you" in textbox(page, "reply-output").input_value()
    points.locator("[data-testid='cell-0-1']").dblclick()
    page.keyboard.type("yes, the room stays yours on Fridays until the end date")
    page.keyboard.press("Enter")
    page.click("#reply-button")
    answer = textbox(page, "reply-output")
    expect(answer).to_have_value(re.compile(r"Yes, the room stays yours on Fridays until the end date\."), timeout=30_000)
    assert "come back to you" not in answer.input_value()
    # The answer typed stays beside its point, for another edit.
    expect(points).to_contain_text("yes, the room stays yours")


PASTE_EN = """Client: Brightline Media Ltd, contact person Dana Whitfield.
I'm Tom Reyes, I run Reyes Studio on my own.
Contract section 12.4: 21 days' notice. Last day will be 26 February 2099.
Hand over: Figma source files, brand guidelines PDF.
"""
PASTE_RU = """Клиент — ООО «Вектор», контактное лицо Гусев Лев Романович.
Я — Мария Кравец. Договор п. 6.3, уведомление за 30 дней. Последний день — 31 марта 2099 года.
"""


@pytest.mark.parametrize(
    ("locale", "paste", "client", "contact", "end_date", "greeting", "filled"),
    [
        ("en-US", PASTE_EN, "Brightline Media Ltd", "Dana Whitfield", "2099-02-26", "Dear Dana,", "Filled from your paste"),
        ("ru-RU", PASTE_RU, "ООО «Вектор»", "Гусев Лев Романович", "2099-03-31", "Уважаемый Лев Романович!", "Заполнено из вставленного текста"),
    ],
)
def test_paste_only_fills_the_form_and_drafts(browser: Browser, ui_url: str, locale, paste, client, contact, end_date,  # noqa: F811
                                              greeting, filled):
    page = open_page(browser, ui_url, locale)
    try:
        textbox(page, "context").fill(paste)
        text = run_draft(page)
        expect(textbox(page, "client-name")).to_have_value(client)
        expect(textbox(page, "contact")).to_have_value(contact)
        expect(textbox(page, "end-date")).to_have_value(end_date)
        expect(page.locator("#paste-summary")).to_contain_text(filled)
        assert greeting in text
    finally:
        page.context.close()


def test_typed_values_win_over_the_paste_and_a_paste_without_a_client_is_named(page: Page):
    textbox(page, "context").fill(PASTE_EN)
    textbox(page, "contact").fill("Mr Adam Cole")
    text = run_draft(page)
    assert "Dear Mr Cole," in text
    expect(textbox(page, "contact")).to_have_value("Mr Adam Cole")
    textbox(page, "context").fill("I want to stop this next month.")
    for box in ("client-name", "contact"):
        textbox(page, box).fill("")
    page.click("#draft-button")
    expect(page.locator("#draft-status")).to_contain_text("Name the client", timeout=RESULT_TIMEOUT)
