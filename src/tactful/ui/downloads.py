"""The files a draft offers for download, written to one folder of this process (removed at exit)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..checklist import Checklist
from ..result import DraftResult
from ..situation import Situation

_FOLDER = tempfile.TemporaryDirectory(prefix="tactful-")


def downloads_for(result: DraftResult, checklist: Checklist | None, situation: Situation | None) -> list[str]:
    """The draft as .txt and .md, an unsent .eml for an email, and the dated steps as .ics."""
    from ..downloads import write_downloads

    folder = Path(tempfile.mkdtemp(dir=_FOLDER.name))
    return write_downloads(result, checklist, folder, situation)
