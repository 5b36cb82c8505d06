"""The words every stage shares: languages, channels, tones, severities and backend names.

One home for each choice list, so the models, the CLI and the UI offer the same options. Only the
standard library is imported: `tactful check` loads this on start.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "ru"]
# What a user may ask for: a language, or "auto" to detect it from the text.
LanguageChoice = Literal["auto", "en", "ru"]
Channel = Literal["email", "call", "meeting"]
# "brief" is the shortest of the three versions; a situation may ask for it directly ("Shorter" in the UI).
Tone = Literal["formal", "warm", "brief"]
Severity = Literal["error", "warning"]
BackendName = Literal["auto", "composer", "openai"]

LANGUAGES: tuple[Language, ...] = get_args(Language)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
TONES: tuple[Tone, ...] = get_args(Tone)
BACKENDS: tuple[BackendName, ...] = get_args(BackendName)
