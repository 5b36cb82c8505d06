"""What the drafting stages produce: a structured draft per channel, the attempts, and the final result."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from .models import Channel, CheckReport, Language
from .resources import data_dir

DraftTone = Literal["formal", "warm", "brief"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reaction(_Model):
    """A likely reaction of the client and a calm answer to it."""

    client: str
    answer: str


class EmailContent(_Model):
    kind: Literal["email"] = "email"
    subject: str
    body: str


class CallContent(_Model):
    kind: Literal["call"] = "call"
    opening: str = Field(description="Greeting, who is calling, and whether now is a good time")
    key_message: str = Field(description="The decision in two or three sentences")
    pause: str = Field(default="", description="A stage direction to pause, and a question that invites the client to respond")
    points: list[str] = Field(description="Points to cover")
    reactions: list[Reaction]
    closing: str
    follow_up: str = Field(description="What to send in writing after the call")


class MeetingContent(_Model):
    kind: Literal["meeting"] = "meeting"
    objective: str = Field(default="", description="What the meeting must achieve, in one sentence")
    attendees: list[str] = Field(default_factory=list)
    timebox: str = Field(default="", description="How long the meeting takes, e.g. '30 minutes'")
    agenda: list[str] = Field(description="Items with their time and owner")
    talking_points: list[str]
    decisions: list[str] = Field(default_factory=list, description="Decisions to record before the meeting ends")
    documents: list[str] = Field(description="Documents to bring")
    reactions: list[Reaction]
    closing: str
    follow_up: list[str] = Field(default_factory=list, description="What follows the meeting, with dates")


Content = Annotated[Union[EmailContent, CallContent, MeetingContent], Field(discriminator="kind")]
CONTENT_MODELS: dict[Channel, type[BaseModel]] = {"email": EmailContent, "call": CallContent, "meeting": MeetingContent}


class Draft(_Model):
    """A message for one channel, in one language and tone, as structured content."""

    channel: Channel
    language: Language
    tone: DraftTone = "formal"
    content: Content

    def text(self) -> str:
        """Plain text, ready to paste (an email starts with its subject line)."""
        return render(self, markdown=False)

    def markdown(self) -> str:
        return render(self, markdown=True)


@cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("prompts") / "render")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(draft: Draft, markdown: bool) -> str:
    """Render a draft through ``prompts/render/<channel>.j2`` with the labels of its language."""
    from .phrases import load_phrases

    template = _environment().get_template(f"{draft.channel}.j2")
    labels = load_phrases(draft.language).labels
    return template.render(c=draft.content, labels=labels, markdown=markdown).strip() + "\n"


class LeftOut(_Model):
    """A fragment of the user's input that the draft does not use, and why."""

    field: str
    text: str
    rules: list[str]
    hint: str


class Usage(_Model):
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def __add__(self, other: "Usage") -> "Usage":
        return Usage(**{k: getattr(self, k) + getattr(other, k) for k in Usage.model_fields})


class Attempt(_Model):
    """One draft the pipeline produced on the way, with its check report (or the error that stopped it)."""

    round: int
    backend: str
    model: str | None = None
    kind: Literal["draft", "revision", "fallback"] = "draft"
    text: str | None = None
    report: CheckReport | None = None
    error: str | None = None
    seconds: float = 0.0
    usage: Usage = Usage()
    critic: str | None = Field(default=None, description=(
        "The LLM critic on this draft (its call is in seconds and usage): None = not asked (the rules found "
        "errors, TACTFUL_CRITIC is off, or no LLM); 'ran' = its verified findings are in the report under rule "
        "'critic'; 'skipped: <why>' = it failed and the rules' verdict stands"))


class DraftResult(_Model):
    """The final message, how it was made, and how it checks out."""

    text: str
    markdown: str
    channel: Channel
    language: Language
    tone: DraftTone
    backend: str
    model: str | None = None
    fallback: bool = False
    fallback_reason: str | None = None
    compliant: bool
    draft: Draft
    report: CheckReport
    attempts: list[Attempt]
    left_out: list[LeftOut] = []
    warnings: list[str] = []
    # The warnings that must stop the message from going out as it is (a past end date, an end date
    # inside the notice period): the UI lists them as blockers.
    blocking: list[str] = []
    timings: dict[str, float] = {}
    usage: Usage = Usage()
    variants: list["DraftResult"] = []
