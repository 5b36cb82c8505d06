"""The files a draft offers for download: .txt and .md of the message, an .eml that opens as an unsent
draft in a mail client, and an .ics of the checklist's dated steps. Names and subjects are data
(``guidelines/downloads.yaml``)."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import re
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage
from functools import cache
from pathlib import Path
from typing import Any

from .checklist import Checklist
from .message import EmailContent
from .resources import load_yaml
from .result import DraftResult
from .situation import Situation


@cache
def _config() -> dict[str, Any]:
    return load_yaml("guidelines", "downloads.yaml")


def write_downloads(
    result: DraftResult,
    checklist: Checklist | None,
    folder: Path,
    situation: Situation | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """Write the downloads of ``result`` into ``folder`` and return their paths.

    ``today`` fixes the e-mail's Date header and the calendar's stamp (reproducible files); unset: now.
    """
    folder.mkdir(parents=True, exist_ok=True)
    words = _config()["file_names"]["words"][result.language]
    stem = f"{file_stem(situation)}-{words[result.channel]}-{result.language}"
    now = _now(today)
    files = [folder / f"{stem}.txt", folder / f"{stem}.md", folder / f"{stem}.eml"]
    # newline="" keeps the text as rendered: Windows would otherwise turn a downloaded \n into \r\n twice.
    files[0].write_text(result.text, encoding="utf-8", newline="")
    files[1].write_text(result.markdown, encoding="utf-8", newline="")
    files[2].write_bytes(unsent_email(result, situation, now).as_bytes())
    if checklist is not None and any(item.due for item in checklist.items):
        # A calendar without events imports as nothing, or as an error: only dated steps make one.
        ics = folder / f"{file_stem(situation)}-{words['deadlines']}.ics"
        ics.write_text(checklist.ics(stamp=now.astimezone(dt.UTC)), encoding="utf-8", newline="")
        files.append(ics)
    return [str(f) for f in files]


def unsent_email(result: DraftResult, situation: Situation | None = None, now: dt.datetime | None = None) -> EmailMessage:
    """The draft as an e-mail that mail clients open ready to edit and send (``X-Unsent: 1``).

    An e-mail is addressed to the contact when an address is known; a call or meeting plan is a note to
    oneself and is never addressed to the client.
    """
    message = EmailMessage(policy=email.policy.SMTP)  # CRLF line ends, as .eml files have them
    sender = address_in(situation.sender.name) if situation else None
    if sender:
        message["From"] = sender
    content = result.draft.content
    if isinstance(content, EmailContent):
        recipient = address_in(situation.client.contact) if situation else None
        if recipient:
            message["To"] = recipient
        subject, body = content.subject, content.body
    else:
        subject, body = _plan_subject(result, situation), result.text
    message["Subject"] = " ".join(subject.split())  # a line break in a header would end the header
    message["Date"] = email.utils.format_datetime(now or _now(None))
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    return message


def _plan_subject(result: DraftResult, situation: Situation | None) -> str:
    subjects = _config()["subject"][result.language]
    if situation is None:
        return subjects[f"{result.channel}_no_client"]
    return subjects[result.channel].format(client=situation.client.name)


def address_in(text: str | None) -> Address | None:
    """The address inside ``text`` ("Anna <anna@x.com>", "anna@x.com"), named by the rest of the text.

    Situation has no e-mail fields: people type the address into the contact (or their own name)."""
    if not text:
        return None
    found = re.search(_config()["address"], text)
    if found is None:
        return None
    local, domain = found.group().rsplit("@", 1)
    name = " ".join(re.sub(r"[<>()\"\[\],;:]", " ", text.replace(found.group(), " ")).split())
    return Address(display_name=name, username=local, domain=domain)


def file_stem(situation: Situation | None) -> str:
    """The client's name as part of a file name that every OS accepts: letters of any script kept,
    separators and characters that Windows, macOS or a shell treat specially turned into hyphens."""
    names = _config()["file_names"]
    raw = unicodedata.normalize("NFC", situation.client.name) if situation else ""
    # Hyphens for everything but letters, digits and "_": no / \ : * ? " < > |, no control characters,
    # no spaces a shell splits on, no dots that hide a file or end a name on Windows.
    stem = re.sub(r"[^\w]+", "-", raw).strip("-_")[: names["max_length"]].strip("-_")
    if not stem or stem.lower() in names["reserved"]:
        return names["fallback"] if not stem else f"{stem}-{names['fallback']}"
    return stem


def _now(today: dt.date | None) -> dt.datetime:
    now = dt.datetime.now().astimezone()
    if today is None or today == now.date():
        return now
    return dt.datetime.combine(today, dt.time(9, 0)).astimezone()
