"""The downloads: an .eml that opens as an unsent draft, an .ics only with dated steps, safe file names."""

from __future__ import annotations

import datetime as dt
from email.parser import BytesParser
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from tactful import draft
from tactful.checklist import build_checklist
from tactful.downloads import file_stem, write_downloads
from tactful.message import EmailContent
from tactful.situation import Situation

TODAY = dt.date(2026, 6, 10)


def situation(**fields) -> Situation:
    data = {"client": {"name": "ООО «Ромашка»", "contact": "Анна Петрова <anna@romashka.ru>"},
            "sender": {"name": "Иван Соколов <ivan@studio.ru>"}, "reasons": ["объём работ постоянно растёт"],
            "end_date": "2026-07-31", "contract": {"notice_days": 14}, "language": "ru", **fields}
    return Situation.model_validate(data)


def parse(path: str):
    with Path(path).open("rb") as handle:
        return BytesParser(policy=default).parse(handle)


def body(message) -> str:
    """The text as written: an .eml has CRLF line ends (RFC 5322), which the parser keeps."""
    return message.get_content().replace("\r\n", "\n")


def by_suffix(paths: list[str]) -> dict[str, str]:
    return {Path(p).suffix: p for p in paths}


def test_email_opens_as_an_unsent_draft_to_the_contact(tmp_path):
    s = situation()
    result = draft(s, "email", backend="composer")
    files = by_suffix(write_downloads(result, build_checklist(s, "ru", TODAY), tmp_path, s, today=TODAY))
    assert set(files) == {".txt", ".md", ".eml", ".ics"}
    message = parse(files[".eml"])
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "anna@romashka.ru"
    assert message["To"].addresses[0].display_name == "Анна Петрова"
    assert message["From"].addresses[0].addr_spec == "ivan@studio.ru"
    assert message["Subject"] == result.draft.content.subject
    assert parsedate_to_datetime(message["Date"]).date() == TODAY
    assert message.get_content_charset() == "utf-8"
    assert body(message).strip() == result.draft.content.body.strip()  # Russian round trip
    assert Path(files[".txt"]).read_text(encoding="utf-8") == result.text
    assert Path(files[".md"]).read_text(encoding="utf-8") == result.markdown


def test_long_russian_paragraphs_survive_the_trip(tmp_path):
    """A line longer than SMTP's 998 octets is encoded, never cut."""
    s = situation()
    result = draft(s, "email", backend="composer")
    long = "Здравствуйте, Анна!\n\n" + "Спасибо за совместную работу и доверие — ёжик, «кавычки». " * 40 + "\n"
    content = EmailContent(subject="Завершение сотрудничества — «Ромашка»", body=long)
    result = result.model_copy(update={"draft": result.draft.model_copy(update={"content": content})})
    message = parse(by_suffix(write_downloads(result, None, tmp_path, s, today=TODAY))[".eml"])
    assert message["Subject"] == "Завершение сотрудничества — «Ромашка»"
    assert body(message) == long


@pytest.mark.parametrize(
    ("contact", "to"),
    [("anna@romashka.ru", ("", "anna@romashka.ru")), ("Anna Petrova (anna@romashka.ru)", ("Anna Petrova", "anna@romashka.ru"))],
)
def test_the_address_is_found_in_the_contact(tmp_path, contact, to):
    s = situation(client={"name": "Northwind", "contact": contact}, language="en")
    message = parse(by_suffix(write_downloads(draft(s, "email", backend="composer"), None, tmp_path, s))[".eml"])
    address = message["To"].addresses[0]
    assert (address.display_name, address.addr_spec) == to


def test_no_address_no_to_and_no_from(tmp_path):
    s = situation(client={"name": "Northwind", "contact": "Anna Petrova"}, sender={"name": "Ivan"}, language="en")
    message = parse(by_suffix(write_downloads(draft(s, "email", backend="composer"), None, tmp_path, s))[".eml"])
    assert message["To"] is None and message["From"] is None
    assert message["X-Unsent"] == "1" and message["Subject"] and message["Date"]


@pytest.mark.parametrize(("channel", "language", "subject"), [
    ("call", "en", "Call plan: Northwind — ending the work"),
    ("meeting", "ru", "План встречи: Northwind — завершение работы"),
])
def test_a_call_or_meeting_plan_is_a_note_to_oneself(tmp_path, channel, language, subject):
    s = situation(client={"name": "Northwind", "contact": "anna@northwind.com"}, language=language)
    result = draft(s, channel, backend="composer")
    message = parse(by_suffix(write_downloads(result, None, tmp_path, s))[".eml"])
    assert message["To"] is None  # Send must not mail the talking points to the client
    assert message["Subject"] == subject and message["X-Unsent"] == "1"
    assert body(message).strip() == result.text.strip()


def test_no_ics_without_dated_steps(tmp_path):
    s = situation(end_date=None)
    checklist = build_checklist(s, "ru", TODAY)
    assert checklist.items and not any(item.due for item in checklist.items)
    files = write_downloads(draft(s, "email", backend="composer"), checklist, tmp_path, s, today=TODAY)
    assert not [f for f in files if f.endswith(".ics")] and not list(tmp_path.glob("*.ics"))


def test_ics_has_one_event_per_dated_step(tmp_path):
    s = situation()
    checklist = build_checklist(s, "ru", TODAY)
    files = by_suffix(write_downloads(draft(s, "email", backend="composer"), checklist, tmp_path, s, today=TODAY))
    ics = Path(files[".ics"]).read_bytes().decode("utf-8")
    assert Path(files[".ics"]).name == "ООО-Ромашка-сроки.ics"
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == sum(1 for item in checklist.items if item.due) > 0
    assert "DTSTART;VALUE=DATE:20260731" in ics or "DTSTART;VALUE=DATE:20260717" in ics


@pytest.mark.parametrize(("name", "stem"), [
    ("ООО «Ромашка»", "ООО-Ромашка"),
    ("Northwind Traders, LLC.", "Northwind-Traders-LLC"),
    ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
    ("../../etc/passwd", "etc-passwd"),
    ("CON", "CON-tactful"),
    ("???", "tactful"),
    ("Ы" * 200, "Ы" * 60),
])
def test_file_names_are_safe_on_every_os(name, stem):
    assert file_stem(Situation(client={"name": name})) == stem


def test_file_names_without_a_situation(tmp_path):
    s = situation()
    files = write_downloads(draft(s, "email", backend="composer"), None, tmp_path)
    assert sorted(Path(f).name for f in files) == ["tactful-письмо-ru.eml", "tactful-письмо-ru.md", "tactful-письмо-ru.txt"]
    assert parse(by_suffix(files)[".eml"])["To"] is None
