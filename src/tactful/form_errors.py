"""Validation errors as plain sentences in the user's language, naming each field as the form labels it.

pydantic's messages ("String should have at least 1 character", "client.name") are English and speak of
types and paths; a Russian user must never see them. The field map, the sentences per error type and the
per-field overrides are data (``guidelines/form_errors.yaml``); the labels are the form's own
(``guidelines/ui.yaml``, ``labels``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import ValidationError

from .dates import DateInputError
from .resources import load_yaml
from .situation import SituationError

_LANGUAGES = ("en", "ru")


@cache
def _config() -> dict[str, Any]:
    return load_yaml("guidelines", "form_errors.yaml")


@cache
def _form_labels() -> dict[str, dict[str, str]]:
    # Read from the form's own file, never copied: the wording of a label stays in one place.
    return load_yaml("guidelines", "ui.yaml")["labels"]


class _Blank(dict):
    """Format values where a placeholder without a value reads as an ellipsis, never a KeyError."""

    def __missing__(self, key: str) -> str:
        return "…"


def explain(exc: Exception, lang: str, labels: dict[str, str] | None = None) -> str:
    """One sentence per problem in ``exc``, one per line, in ``lang`` ("en" or "ru").

    ``labels`` overrides the form labels by key (``client_name``, ``notice_days``…), e.g. when the page
    shows other wording than guidelines/ui.yaml.
    """
    return "\n".join(sentences(exc, lang, labels))


def sentences(exc: Exception, lang: str, labels: dict[str, str] | None = None) -> list[str]:
    """The sentences of `explain`, as a list (repeated ones once)."""
    lang = lang if lang in _LANGUAGES else "en"
    if isinstance(exc, ValidationError):
        errors = exc.errors(include_url=False)
    elif isinstance(exc, SituationError) and exc.errors:
        errors = exc.errors
    elif isinstance(exc, DateInputError):
        return [exc.message(lang)]
    else:
        # A situation that is not a mapping, a YAML error, or another ValueError: no field to name.
        return [_whole(str(exc), lang, "not_a_field" if isinstance(exc, SituationError) else "other")]
    out: list[str] = []
    for error in errors:
        sentence = _sentence(error, lang, labels or {})
        if sentence not in out:
            out.append(sentence)
    return out


def _sentence(error: dict[str, Any], lang: str, labels: dict[str, str]) -> str:
    config = _config()
    messages = config["messages"][lang]
    loc = [str(p) for p in error.get("loc", ()) if isinstance(p, str)]  # list indexes name no field
    path = next((".".join(loc[:i]) for i in range(len(loc), 0, -1) if ".".join(loc[:i]) in config["fields"]), "")
    kind, ctx = error.get("type", ""), dict(error.get("ctx") or {})
    key = config["fields"].get(path)
    if kind == "extra_forbidden":  # the unknown name is what the user wrote, not a field of the form
        key, field = None, ".".join(loc)
    else:
        field = _label(key, lang, labels) if key else config["own_labels"][lang].get(loc[0] if loc else "situation")
        field = field or ".".join(loc)
    values = _Blank(ctx, field=field, value=_shown(error.get("input")))
    template = config.get("overrides", {}).get(path, {}).get(lang, {}).get(kind) or messages.get(kind)
    if kind == "value_error":
        cause = ctx.get("error")
        if isinstance(cause, DateInputError):
            template, values["detail"] = messages["date_input"], cause.message(lang)
        else:
            values["detail"] = str(cause or error.get("msg", "")).removeprefix("Value error, ")
            if lang != "en" and _is_english(values["detail"]):
                template = messages["value_error_foreign"]
    elif kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        shown = [_label(f"{key}_{c}", lang, labels) if key else None for c in choices]
        if len(choices) > config["max_choices"]:
            template = messages["literal_error_no_choices"]
        elif choices and all(shown):
            values["choices"] = ", ".join(s for s in shown if s)
        elif choices and lang == "en":
            values["choices"] = ", ".join(choices)
        else:
            template = messages["literal_error_no_choices"]
    return (template or messages["generic"]).format_map(values)


def _label(key: str, lang: str, labels: dict[str, str]) -> str | None:
    label = labels.get(key) or _form_labels().get(lang, {}).get(key)
    # The form's hints ("(company or person)", ", days") do not belong in a sentence about the field.
    return re.sub(_config()["label_trim"], "", label).strip() or label if label else None


def _shown(value: object) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= 40 else text[:39] + "…"


def _is_english(text: str) -> bool:
    """Latin words outside quotes: a message that is not in Russian (quoted values may be anything)."""
    unquoted = re.sub(r"[«“\"'][^»”\"']*[»”\"']", "", text)
    return bool(re.search(r"[A-Za-z]{2,}", unquoted))


def _whole(detail: str, lang: str, kind: str) -> str:
    messages = _config()["messages"][lang]
    detail = " ".join(detail.split()).rstrip(".")
    if not detail or (lang != "en" and _is_english(detail)):
        return messages[f"{kind}_foreign"]
    if kind == "other":  # the message stands alone as a sentence
        detail = detail[:1].upper() + detail[1:]
    return messages[kind].format_map(_Blank(detail=detail + "."))
