"""What a drafter produces: a message for one channel as structured content, rendered to text."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from .resources import templates
from .vocab import Channel, Language, Tone


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
    when: str = Field(default="", description="The date, hour and place of the meeting, as far as the notes give them")
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
    tone: Tone = "formal"
    content: Content

    def text(self) -> str:
        """Plain text, ready to paste (an email starts with its subject line)."""
        return render(self, markdown=False)

    def markdown(self) -> str:
        return render(self, markdown=True)


def render(draft: Draft, markdown: bool) -> str:
    """Render a draft through ``prompts/output/<channel>.j2`` with the labels of its language."""
    from .phrases import load_phrases

    template = templates("output").get_template(f"{draft.channel}.j2")
    labels = load_phrases(draft.language).labels
    return template.render(c=draft.content, labels=labels, markdown=markdown).strip() + "\n"
