"""The web UI in a real browser: headless Chromium (Playwright) against the running offline server.

Besides checking what a user sees, the tests save the README screenshots to ``docs/screenshots``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed; the browser tests need Debian's chromium", allow_module_level=True)

from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright  # noqa: E402
from ui_server import ui_url  # noqa: E402, F401

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
EXAMPLE = "18-closing-support-line-web-studio"
"""An English example whose end date is still ahead, so the screenshot shows a clean verdict."""
EXAMPLE_CONTACT = yaml.safe_load((ROOT / "eval" / "scenarios" / f"{EXAMPLE}.yaml").read_text(encoding="utf-8"))["client"]["contact"]
ACCUSATION_RU = "Вы опять проигнорировали наше письмо, и по вашей вине всё сорвалось!!"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
VERDICT = re.compile(r"[✅❌]")
"""What the status of a finished draft or check shows (not the ✍️ of a reply being written)."""
RESULT_TIMEOUT = 30_000
"""Milliseconds a draft or a check may take (the first one warms up the language models)."""


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


def run_draft(page: Page) -> str:
    """Click the draft button and wait for the verdict (a streamed reply shows text before it); the final text."""
    page.click("#draft-button")
    expect(page.locator("#draft-status")).to_contain_text(VERDICT, timeout=RESULT_TIMEOUT)
    return textbox(page, "draft-output").input_value()


def draft_example(page: Page, name: str) -> str:
    """Pick an example in the dropdown, load it, draft it; the drafted text."""
    page.locator("#example input").fill(name[:8])
    page.get_by_role("option").filter(has_text=name).click()
    expect(page.locator("#example input")).to_have_value(name)
    page.click("#load-example")
    expect(textbox(page, "project")).not_to_have_value("")
    return run_draft(page)


def run_check(page: Page, text: str) -> None:
    """Paste ``text`` on the Check tab and wait for the verdict."""
    page.get_by_role("tab", name="Check a message").click()
    textbox(page, "check-input").fill(text)
    page.click("#check-button")
    expect(page.locator("#check-status")).to_contain_text(VERDICT, timeout=RESULT_TIMEOUT)


def save_screenshot(page: Page, name: str) -> None:
    """A full-page screenshot for the README, ``docs/screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def highlighted_tokens(component: Locator) -> list[tuple[str, str]]:
    """(text, label) of each labelled token of a `gr.HighlightedText`, labels as in the data (not upper-cased by CSS)."""
    tokens = component.locator(".token.highlighted")
    return [
        ((token.locator(".text").text_content() or ""), (token.locator(".label").text_content() or ""))
        for token in tokens.all()
    ]


def test_page_loads_with_four_tabs(page: Page):
    expect(page.locator("#title")).to_contain_text("Tactful")
    expect(page.get_by_role("tab")).to_have_text(["Draft", "Should I end it?", "Check a message", "Guidelines"])
    expect(page.locator("#draft-button")).to_be_visible()


def test_draft_an_example(page: Page):
    text = draft_example(page, EXAMPLE)
    expect(textbox(page, "contact")).to_have_value(EXAMPLE_CONTACT)
    assert text.startswith("Subject: ")
    assert EXAMPLE_CONTACT.split()[-1] in text  # "Dear Ms Blake" for Fiona Blake
    expect(page.locator("#draft-status")).to_contain_text("No error-level problems")
    expect(page.locator("#draft-status")).to_contain_text("composer")
    expect(page.locator("#draft-coaching")).to_contain_text("How it reads")
    save_screenshot(page, "draft")


def test_download_the_draft(page: Page):
    text = draft_example(page, EXAMPLE)
    names = page.locator("#downloads .filename")
    expect(names).to_have_count(4)
    suffixes = sorted(Path(name.get_attribute("aria-label") or "").suffix for name in names.all())
    assert suffixes == [".eml", ".ics", ".md", ".txt"]
    with page.expect_download() as info:
        page.locator("#downloads a[download$='.txt']").click()
    download = info.value
    assert download.suggested_filename == "tactful-email-en.txt"
    assert Path(download.path()).read_text(encoding="utf-8") == text


def test_check_highlights_an_accusatory_message(page: Page):
    run_check(page, ACCUSATION_RU)
    status = page.locator("#check-status")
    expect(status).to_contain_text(re.compile(r"❌ .*: \d+\."))
    expect(status).to_contain_text("ru/email")
    tokens = highlighted_tokens(page.locator("#check-highlighted"))
    assert ("Вы опять проигнорировали", "accusation") in tokens
    assert ("по вашей вине", "blame") in tokens
    assert ("!!", "exclamation") in tokens
    expect(page.locator("#check-coaching")).to_contain_text("Как звучит")
    expect(page.locator("#check-rules")).to_contain_text("accusation")
    save_screenshot(page, "check")


def test_guidelines_tab(page: Page):
    page.get_by_role("tab", name="Guidelines").click()
    corpus = page.locator("#guidelines-corpus")
    expect(corpus.locator("h3").first).to_have_text(re.compile(r"^1\. "))
    assert corpus.locator("h3").count() >= 5
    save_screenshot(page, "guidelines")
    first = corpus.locator("h3").first
    english = first.inner_text()
    page.locator("#guidelines-language").get_by_text("ru", exact=True).click()
    expect(first).not_to_have_text(english)
    expect(first).to_have_text(re.compile(r"^1\. [А-Яа-яЁё]"))


@pytest.mark.parametrize(
    ("locale", "tabs", "button"),
    [
        ("ru-RU", ["Черновик", "Стоит ли завершать?", "Проверить сообщение", "Рекомендации"], "Написать сообщение"),
        ("en-US", ["Draft", "Should I end it?", "Check a message", "Guidelines"], "Draft the message"),
    ],
)
def test_labels_follow_the_browser_language(browser: Browser, ui_url: str, locale: str, tabs: list[str], button: str):  # noqa: F811
    page = open_page(browser, ui_url, locale)
    try:
        expect(page.get_by_role("tab")).to_have_text(tabs)
        expect(page.locator("#draft-button")).to_have_text(button)
    finally:
        page.context.close()


def test_markup_in_inputs_is_shown_literally(page: Page):
    textbox(page, "client-name").fill(XSS)
    assert XSS in run_draft(page)
    run_check(page, f"{XSS} You always ignore my emails.")
    expect(page.locator("#check-highlighted")).to_contain_text("<script>window.__xss=1</script>")
    expect(page.locator("#check-highlighted")).to_contain_text('onerror="window.__xss=2"')
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script", has_text="window.__xss").count() == 0


def test_a_failed_draft_keeps_the_inputs(page: Page):
    textbox(page, "client-name").fill("Acme Ltd")
    page.get_by_text("Contract, handover and referral").click()
    textbox(page, "end-date").fill("2026-13-01")
    page.click("#draft-button")
    expect(page.locator("#draft-status")).to_contain_text("end_date", timeout=RESULT_TIMEOUT)
    expect(page.locator("#draft-status")).to_contain_text("2026-13-01")
    expect(textbox(page, "client-name")).to_have_value("Acme Ltd")
    expect(textbox(page, "end-date")).to_have_value("2026-13-01")
    expect(textbox(page, "draft-output")).to_have_value("")


def test_should_i_end_it_tab_recommends_and_preselects_the_channel(page: Page):
    name = "37-try-first-seo-complaints"
    page.locator("#example input").fill(name[:8])
    page.get_by_role("option").filter(has_text=name).click()
    page.click("#load-example")
    expect(textbox(page, "project")).not_to_have_value("")
    page.get_by_role("tab", name="Should I end it?").click()
    expect(page.locator("#signals input[type=checkbox]:checked")).to_have_count(2)
    page.click("#assess-button")
    expect(page.locator("#assess-verdict")).to_contain_text("Do not end yet")
    expect(page.locator("#assess-verdict")).to_contain_text("conversation")
    expect(page.locator("#assess-channel")).to_contain_text("Recommended channel: email")
    save_screenshot(page, "assess")


def test_client_replied_step_drafts_a_calm_answer(page: Page):
    draft_example(page, EXAMPLE)
    expect(page.locator("#draft-checklist")).to_contain_text("Closure checklist")
    page.locator("#client-reply textarea").fill("You will regret this. Our lawyers will call you!!")
    page.click("#reply-button")
    answer = page.locator("#reply-output textarea")
    expect(answer).to_have_value(re.compile(r"^Subject: Re: ", re.S), timeout=30_000)
    assert "mediator" in answer.input_value() and "regret" not in answer.input_value()
    expect(page.locator("#reply-status")).to_contain_text("No error-level problems")


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
        ("en-US", PASTE_EN, "Brightline Media Ltd", "Dana Whitfield", "2099-02-26", "Dear Ms Whitfield,", "Filled from your paste"),
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
        page.locator("#more-options").get_by_role("button").first.click()  # the date sits in the collapsed options
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
