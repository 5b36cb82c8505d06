"""The input contract: a described situation that a parting message is written for."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .dates import parse_date
from .vocab import Channel, LanguageChoice, Tone

Outcome = Literal["full", "finish_stage"]
# Why the sender ends the cooperation, when the user's own words cannot be quoted: the composer states
# the reason of this kind (guidelines/phrases/<lang>.yaml, `reason`) and never guesses it from keywords.
ReasonKind = Literal[
    "scope", "payment", "agreements", "time", "approach", "expectations", "resources", "team", "direction",
    "capacity", "job", "closing", "narrowing", "methods", "fit",
]
REASON_KINDS: tuple[str, ...] = ReasonKind.__args__  # type: ignore[attr-defined]
# A project has a result and ends; a service (bookkeeping, hosting, support, cleaning) runs until stopped.
Work = Literal["project", "service"]


def _iso_date(value: object) -> object:
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date in ISO form (YYYY-MM-DD)") from None
    return value or None


class _Model(BaseModel):
    # Unknown fields are errors that name the field: a typo like `end_dat` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _one_line(value: Any) -> Any:
    """A name typed over several lines or with runs of spaces ("D&K:\\n0"), as one line: a greeting or an
    agenda line built from it must not break in two."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _person_name(value: Any) -> Any:
    """A person's name as one line, without the exclamation or question marks typed with it ("Jess!"): a
    line built from it ("Tell Jess about …") must not end a sentence inside the name."""
    value = _one_line(value)
    return " ".join(re.sub(r"[!?¡¿]+", " ", value).split()) or None if isinstance(value, str) else value


class Client(_Model):
    name: str = Field(min_length=1, description="The client: a company or a person")
    contact: str | None = Field(default=None, description="The person the message is addressed to")

    one_line = field_validator("name", mode="before")(_one_line)
    # The property test found a contact 'A&A:A!0': "Tell A&A:A!" read as a sentence of its own.
    person = field_validator("contact", mode="before")(_person_name)


class Sender(_Model):
    name: str | None = None
    company: str | None = None
    solo: bool | None = Field(default=None, description="A freelancer writing as 'I'; unset: solo when there is no company")

    one_line = field_validator("name", "company", mode="before")(_one_line)


class Contract(_Model):
    notice_days: int | None = Field(default=None, ge=0, le=3650)
    clause: str | None = Field(default=None, description="The termination clause, e.g. '7.2'")
    exists: bool | None = Field(default=None, description="A written contract; unset: known only from a clause or notice period")

    @property
    def written(self) -> bool:
        """Whether a letter may speak of 'our contract' at all."""
        return self.exists if self.exists is not None else bool(self.clause or self.notice_days)


class Invoice(_Model):
    """An invoice the client has not paid yet: the message asks for it politely, by a date."""

    number: str | None = None
    amount: str | None = Field(default=None, description="As written on the invoice, e.g. '$4,200' or '84 000 ₽'")
    due: dt.date | None = Field(default=None, description="Pay by; unset: by the end date")
    disputed: bool = Field(default=False, description="The client disputes it: the message offers to go through it")

    @field_validator("due", mode="before")
    @classmethod
    def _iso_due(cls, value: object) -> object:
        return _iso_date(value)


class OpenWork(_Model):
    """Work still to be finished before the end: the message names it with its date."""

    item: str = Field(min_length=1, description="What is finished, e.g. 'the January newsletter'")
    due: dt.date | None = Field(default=None, description="Finished by")

    @field_validator("due", mode="before")
    @classmethod
    def _iso_due(cls, value: object) -> object:
        return _iso_date(value)


class Situation(_Model):
    """Who, what happened, what the contract says — everything a parting message is grounded in."""

    client: Client
    sender: Sender = Sender()
    project: str | None = Field(default=None, description="What the work is, in the user's words")
    project_name: str | None = Field(default=None, description="A short name for the letter, e.g. 'the website'")
    work: Work | None = Field(default=None, description="project or service; unset: derived from the description")
    reason_kind: ReasonKind | None = Field(default=None, description="The kind of reason the letter states")
    reasons: list[str] = Field(default_factory=list, description="The user's own words on why")
    facts: list[str] = Field(default_factory=list, description="Dated, concrete events")
    include_facts: bool = Field(default=False, description="Quote the (vetted) facts in the message")
    unpaid_invoices: list[Invoice] = Field(default_factory=list)
    open_work: list[OpenWork] = Field(default_factory=list, description="What is still finished before the end")
    contract: Contract = Contract()
    end_date: dt.date | None = None
    handover: list[str] = Field(default_factory=list, description="What we hand over")
    final_invoice: bool = False
    act_of_acceptance: bool = False
    referral: str | None = Field(default=None, description="A partner firm or colleague to recommend")
    outcome: Outcome = "full"
    channel: Channel = "email"
    language: LanguageChoice = "auto"
    tone: Tone = "formal"
    context: str | None = Field(default=None, description="Free text the user pasted; untrusted data")
    # For the decision check and the channel advice (see guidelines/assessment.yaml):
    signals: list[str] = Field(default_factory=list, description="Warning signs seen, by id")
    tried: list[str] = Field(default_factory=list, description="Alternatives to ending already tried, by id")
    relationship_months: int | None = Field(default=None, ge=0, le=1200)
    stage_in_progress: bool = False
    urgent: bool = False

    @field_validator("reasons", "facts", "handover")
    @classmethod
    def _drop_blank(cls, items: list[str]) -> list[str]:
        return [i.strip() for i in items if i.strip()]

    @field_validator("end_date", mode="before")
    @classmethod
    def _lenient_end(cls, value: object) -> object:
        # Read as people type it ("31.12.2026", «15 мая», "next Friday"), so YAML, JSON, the API and the form
        # agree; an unreadable date raises DateInputError, whose message the form can show in Russian.
        return parse_date(value) if isinstance(value, str) else value or None

    @property
    def addressee(self) -> str:
        """Whom the message greets: the contact person if known, else the client."""
        return self.client.contact or self.client.name

    def language_sample(self) -> str:
        """The user's own words, for detecting the language of the situation."""
        parts = [*self.reasons, *self.facts, *self.handover, *(w.item for w in self.open_work), self.project or "",
                 self.context or ""]
        return "\n".join(p for p in parts if p) or self.client.name


class SituationError(ValueError):
    """A situation file or dict that cannot be used, with a message naming the field.

    ``errors`` keeps pydantic's error dicts (empty when the problem is not a field's), so a form can name
    each field in the user's language (see tactful.form_errors)."""

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


def describe_validation_error(exc: ValidationError) -> str:
    """One readable line per problem: `end_date: '2026-13-01' is not a date ...`."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "situation"
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        lines.append(f"{where}: {message}")
    return "; ".join(lines)


def parse_situation(data: object) -> Situation:
    """Validate a mapping into a `Situation`, raising `SituationError` with readable messages."""
    if not isinstance(data, dict):
        raise SituationError("a situation must be a mapping of fields (YAML or JSON object)")
    try:
        return Situation.model_validate(data)
    except ValidationError as exc:
        raise SituationError(describe_validation_error(exc), exc.errors(include_url=False)) from None


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: a date stays text, so `Situation` validates it with a clear
    message instead of PyYAML failing on 2026-13-01."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def loads_situation(text: str, name: str = "situation") -> Situation:
    """Parse a situation from YAML or JSON text (JSON is YAML)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise SituationError(f"not valid YAML/JSON ({str(exc).splitlines()[0]})") from None
    return parse_situation(data)


def load_situation(path: str | Path) -> Situation:
    """Read a situation from a YAML or JSON file."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SituationError(f"{path}: not valid UTF-8 text (byte {exc.start})") from None
    try:
        return loads_situation(text)
    except SituationError as exc:
        raise SituationError(f"{path}: {exc}", exc.errors) from None
