"""The extraction patterns of one language (``guidelines/extraction/<lang>.yaml``), compiled once."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..resources import load_yaml
from ..vocab import Language

# Names are told by their capitals: the name pattern is matched case-sensitively wherever it is used
# (`(?-i:…)`), and so are the patterns that spell capitals out themselves.
_CASED = ("people.sender_company", "referral", "name", "title", "person")


@cache
def patterns(language: Language) -> dict[str, Any]:
    raw = load_yaml("guidelines", "extraction", f"{language}.yaml")
    name = raw["name"]
    said = raw.get("spoken", {})
    words = [*said.get("units", []), *said.get("tens", []), *said.get("hundreds", []), said.get("hundred", "(?!)"), said.get("thousand", "(?!)")]
    spoken = "|".join(f"(?:{w})" for w in words) or "(?!)"  # any number word, for `{spoken}`

    def build(value: Any, path: str) -> Any:
        if isinstance(value, dict):
            return {k: build(v, f"{path}.{k}" if path else k) for k, v in value.items()}
        if isinstance(value, list):
            return [build(v, path) for v in value]
        flags = re.MULTILINE | (0 if path.startswith(_CASED) else re.IGNORECASE)
        value = value.replace("{name}", f"(?-i:{name})").replace("{forms}", raw["legal_forms"])
        value = value.replace("{numbers}", "|".join(f"(?:{n})" for n in raw.get("numbers", [])))
        value = value.replace("{spoken}", spoken)
        return re.compile(value, flags)

    return build(raw, "")
