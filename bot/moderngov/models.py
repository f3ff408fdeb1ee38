"""What a ModernGov web service describes: committees, meetings, agenda items and their linked documents."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

Date = date


class Committee(BaseModel):
    """One committee from GetCommittees."""

    id: str
    title: str
    deleted: bool = False
    expired: bool = False
    category: str | None = None


class MeetingSummary(BaseModel):
    """One meeting from GetMeetings (a committee's meetings in a date range)."""

    id: str
    committee_id: str
    committee_title: str
    date: Date
    status: str | None = None


class LinkedDocument(BaseModel):
    """A paper linked from an agenda item (`linkeddocuments/linkeddoc`)."""

    attachment_id: str
    title: str
    url: str
    restricted: bool = False
    publication_date: Date | None = None


class AgendaItem(BaseModel):
    """One agenda item of a meeting (`agendaitems/agendaitem`)."""

    id: str
    number: str | None = None  # as the agenda displays it ("6", "6a")
    title: str
    agenda_text: str = ""  # plain text (the service sends HTML)
    minutes_text: str = ""
    restricted: bool = False
    documents: list[LinkedDocument] = Field(default_factory=list)


class Meeting(BaseModel):
    """A meeting in full from GetMeeting."""

    id: str
    committee_id: str | None = None
    committee_title: str | None = None
    date: Date
    status: str | None = None
    location: str | None = None
    items: list[AgendaItem] = Field(default_factory=list)
    attendees: list[str] = Field(default_factory=list)
