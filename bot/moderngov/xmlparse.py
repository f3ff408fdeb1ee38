"""Reading mgWebService.asmx answers: untrusted XML parsed safely (no DTDs, no entities) and within bounds.

The service answers GetCommittees with `committees/committee`, GetMeetings with
`getmeetings/committee/committeemeetings/meeting` and GetMeeting with `meeting` holding
`agendaitems/agendaitem` (each with `linkeddocuments/linkeddoc`) and `attendees/attendee`. Installs differ in
namespaces, letter case and wrapping, so elements are matched by their local name, case-insensitively.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.moderngov.errors import MalformedResponse
from bot.moderngov.models import AgendaItem, Committee, LinkedDocument, Meeting, MeetingSummary

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_XML_BYTES = 20 * 1024 * 1024  # a year of a busy committee is well under 1 MB
MAX_TEXT_CHARS = 200_000  # agenda or minutes text of one item, after HTML is turned into text
_TRUE = {"true", "1", "yes", "y"}


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1].lower()


def parse_xml(data: bytes, what: str) -> Element:
    """The root element of `data`; MalformedResponse when it is too large, not XML, or uses DTDs or entities."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    if len(data) > MAX_XML_BYTES:
        raise MalformedResponse(f"{what}: response of {len(data):,} bytes is over the {MAX_XML_BYTES:,}-byte limit")
    head = data.lstrip()[:200].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise MalformedResponse(f"{what}: the service sent an HTML page, not XML")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise MalformedResponse(f"{what}: refused unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        raise MalformedResponse(f"{what}: not well-formed XML ({exc})") from None


def _children(element: Element, name: str) -> list[Element]:
    return [c for c in element if _local(c.tag) == name]


def _find(element: Element, name: str) -> Element | None:
    return next(iter(_children(element, name)), None)


def _all(element: Element, name: str) -> list[Element]:
    return [e for e in element.iter() if _local(e.tag) == name]


def _text(element: Element | None, name: str | None = None) -> str:
    if element is not None and name is not None:
        element = _find(element, name)
    return (element.text or "").strip() if element is not None else ""


def _flag(element: Element, name: str) -> bool:
    return _text(element, name).lower() in _TRUE


def parse_date(text: str) -> date | None:
    """A ModernGov date: dd/mm/yyyy (optionally with a time), or ISO yyyy-mm-dd."""
    text = text.strip()
    for pattern, fmt in ((r"\d{1,2}/\d{1,2}/\d{4}", "%d/%m/%Y"), (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d")):
        match = re.match(pattern, text)
        if match:
            try:
                return datetime.strptime(match.group(0), fmt).date()
            except ValueError:
                return None
    return None


def html_to_text(html: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Readable text of an HTML fragment: paragraphs on their own lines, scripts and styles dropped, bounded."""
    if not html.strip():
        return ""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html[: limit * 4], "html.parser")
    for bad in soup(["script", "style", "head", "title", "meta"]):
        bad.decompose()
    lines: list[str] = []
    for block in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "tr", "div"]):
        if block.find(["p", "li", "h1", "h2", "h3", "h4", "tr", "div"]):
            continue  # only innermost blocks, so no text is taken twice
        words = " ".join(block.get_text(" ").split())
        if words:
            lines.append(f"- {words}" if block.name == "li" else words)
    if not lines:
        lines = [" ".join(soup.get_text(" ").split())]
    text = "\n\n".join(line for line in lines if line)
    return text[:limit]


def parse_committees(data: bytes) -> list[Committee]:
    """GetCommittees: every committee with its id and title."""
    root = parse_xml(data, "GetCommittees")
    out: list[Committee] = []
    for c in _all(root, "committee"):
        cid, title = _text(c, "committeeid"), _text(c, "committeetitle")
        if cid and title:
            out.append(Committee(id=cid, title=" ".join(title.split()), deleted=_flag(c, "committeedeleted"),
                                 expired=_flag(c, "committeeexpired"), category=_text(c, "committeecategory") or None))
    if not out and _local(root.tag) not in ("committees", "getcommittees"):
        raise MalformedResponse(f"GetCommittees: unexpected root element <{_local(root.tag)}>")
    return out


def parse_meetings(data: bytes, committee: Committee) -> list[MeetingSummary]:
    """GetMeetings: the meetings of one committee (id, date, status); meetings without a date are left out."""
    root = parse_xml(data, f"GetMeetings {committee.id}")
    out: list[MeetingSummary] = []
    for m in _all(root, "meeting"):
        mid, day = _text(m, "meetingid"), parse_date(_text(m, "meetingdate"))
        if mid and day:
            out.append(MeetingSummary(id=mid, committee_id=committee.id, committee_title=committee.title, date=day,
                                      status=_text(m, "meetingstatus") or None))
    if not out and _local(root.tag) not in ("getmeetings", "meetings", "committee"):
        raise MalformedResponse(f"GetMeetings {committee.id}: unexpected root element <{_local(root.tag)}>")
    return out


def _linked(doc: Element) -> LinkedDocument | None:
    url = _text(doc, "url")
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    attachment = _text(doc, "attachmentid") or url
    return LinkedDocument(attachment_id=attachment, title=" ".join(_text(doc, "title").split()) or "Document",
                          url=url, restricted=_flag(doc, "isrestricted"),
                          publication_date=parse_date(_text(doc, "publicationdate")))


def _item_number(item: Element) -> str | None:
    shown = _text(item, "fulldisplaynumberformat").rstrip(".").strip()
    number = _text(item, "agendaitemnumber")
    sub = _text(item, "agendaitemsubnumber")
    return shown or (f"{number}{sub}" if number else None)


def parse_meeting(data: bytes, meeting_id: str) -> Meeting:
    """GetMeeting: the meeting's date, its agenda items (text, minutes, restriction, papers) and attendees."""
    root = parse_xml(data, f"GetMeeting {meeting_id}")
    meeting = root if _local(root.tag) == "meeting" else next(iter(_all(root, "meeting")), None)
    if meeting is None:
        raise MalformedResponse(f"GetMeeting {meeting_id}: no <meeting> element")
    day = parse_date(_text(meeting, "meetingdate"))
    if day is None:
        raise MalformedResponse(f"GetMeeting {meeting_id}: the meeting has no date")
    items: list[AgendaItem] = []
    container = _find(meeting, "agendaitems")
    for item in _children(container, "agendaitem") if container is not None else []:
        iid, title = _text(item, "agendaitemid"), " ".join(_text(item, "agendaitemtitle").split())
        if not iid or not title:
            continue
        docs_node = _find(item, "linkeddocuments")
        documents = [d for d in (_linked(x) for x in (_children(docs_node, "linkeddoc") if docs_node is not None
                                                        else [])) if d is not None]
        minutes = _text(item, "minutesnonemptyhtmlbody") or _text(item, "minutestext")
        items.append(AgendaItem(id=iid, number=_item_number(item), title=title,
                                agenda_text=html_to_text(_text(item, "agendatext")), minutes_text=html_to_text(minutes),
                                restricted=_flag(item, "isrestricted"), documents=documents))
    attendees = [a.get("name", "").strip() for a in _all(meeting, "attendee") if a.get("name", "").strip()]
    committee = _find(meeting, "committee")
    return Meeting(id=_text(meeting, "meetingid") or meeting_id,
                   committee_id=_text(committee, "committeeid") or None if committee is not None else None,
                   committee_title=_text(meeting, "committeetitle") or None, date=day,
                   status=_text(meeting, "meetingstatus") or None, location=_text(meeting, "meetinglocation") or None,
                   items=items, attendees=attendees)
