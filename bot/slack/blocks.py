"""Pure renderers: Answer and holdings -> Block Kit messages and views, within Slack's limits."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextActionsBlock,
    ContextBlock,
    ConversationSelectElement,
    DatePickerElement,
    DividerBlock,
    FeedbackButtonObject,
    FeedbackButtonsElement,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    RawTextObject,
    SectionBlock,
    TableBlock,
)
from slack_sdk.models.blocks.basic_components import TableBlockColumnSettings
from slack_sdk.models.views import View

from bot.models import Answer, ChallengeQuestion, Citation
from bot.slack.mrkdwn import (
    MAX_SECTION_TEXT,
    aligned_sections,
    clean,
    escape,
    escape_markdown,
    escape_within,
    link,
    split_text,
    truncate,
)
from indicators.formatting import format_value

MAX_BLOCKS_PER_MESSAGE = 50
MAX_BLOCKS_PER_VIEW = 100
MAX_FIELD_TEXT = 2000
MAX_CONTEXT_TEXT = 2000
MAX_FIELDS = 10
MAX_HEADER_TEXT = 150
MAX_FALLBACK_TEXT = 3000
# Slack rejects very large messages (msg_blocks_too_long) well before 50 full sections; keep each one modest.
MAX_MESSAGE_CHARS = 12000
MAX_FIGURES_SHOWN = 20
QUOTE_CHARS = 280
BUTTON_VALUE_MAX = 2000
MAX_TABLE_ROWS = 100  # Slack's TableBlock limits: 100 rows of at most 20 cells, one table per message
MAX_TABLE_CELLS = 20
MAX_TABLE_CELL_TEXT = 500
MAX_STREAM_CHUNK = 12000  # markdown_text per chat.appendStream call

WORKING_TEXT = ":hourglass_flowing_sand: Working on it\u2026"
MODAL_CALLBACK = "draft_questions_modal"
SHORTCUT_CALLBACK = "draft_challenge_questions"
MESSAGE_SHORTCUT_CALLBACK = "draft_challenge_questions_message"

ACTION_FEEDBACK = "feedback"  # Slack's feedback buttons: value "up:<request id>" or "down:<request id>"
ACTION_FEEDBACK_REASON = "feedback_reason"  # value "<request id>:<reason code>"
ACTION_FEEDBACK_MORE = "feedback_more"  # opens the "tell us more" modal
ACTION_DRAFT_QUESTIONS = "draft_questions_on_this"
ACTION_SHOW_SOURCES = "show_sources"
ACTION_SHARE = "share_with_channel"
ACTION_ESCALATE = "ask_scrutiny_officer"
FEEDBACK_MODAL_CALLBACK = "feedback_reason_modal"
FEEDBACK_REASONS = {
    "figures": "A figure is wrong",
    "sources": "Wrong or missing source",
    "misread": "It misread my question",
    "dated": "Out of date",
    "unclear": "Hard to follow",
}
# Bidirectional controls (Trojan Source): stripped from every document-derived string before it is shown.

HELP_TEXT = (
    "*What I can do*\n"
    "\u2022 Mention me or DM me a question: _How has our recycling rate changed since 2019?_\n"
    "\u2022 `/scrutiny ask <question>` \u2013 an answer with figures and numbered sources\n"
    "\u2022 `/scrutiny trend <indicator>` \u2013 trend, target and comparison with similar councils, with a chart\n"
    "\u2022 `/scrutiny questions <topic>` \u2013 prioritised challenge questions for a meeting\n"
    "\u2022 `/scrutiny brief <topic>` \u2013 a pre-scrutiny briefing note as a Word document\n"
    "\u2022 `/scrutiny sources` \u2013 the documents and datasets I hold\n"
    "\u2022 The *Draft challenge questions* shortcut opens a form (topic, council, indicators, meeting date).\n"
    "Ask follow-ups in the same thread (_and compared with our neighbours?_, _why?_)."
)


class SlackMessage(BaseModel):
    """One chat message: notification text plus blocks (as dicts ready for the Web API)."""

    text: str
    blocks: list[dict[str, Any]]


class BlockLimitError(ValueError):
    """A payload breaks one of Slack's Block Kit limits."""


class QuestionsRequest(BaseModel):
    """What the "Draft challenge questions" modal asks for."""

    topic: str
    area: str | None = None
    indicators: list[str] | None = None
    meeting_date: str | None = None
    channel: str | None = None
    thread_ts: str | None = None


def _mrkdwn(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _plain(text: str, limit: int = 75) -> PlainTextObject:
    return PlainTextObject(text=truncate(text, limit), emoji=True)


# -- answers -----------------------------------------------------------------------------------------------
def figure_blocks(answer: Answer) -> list[Block]:
    """The key figures as section fields (at most MAX_FIGURES_SHOWN; the rest are counted)."""
    if not answer.figures:
        return []
    fields = []
    for f in answer.figures[:MAX_FIGURES_SHOWN]:
        label = f"*{escape(f.indicator_name or f.indicator_id)}*\n{escape(f.area_name or f.area_code)}, " \
                f"{escape(f.period)}: *{escape(format_value(f.value, f.unit or ''))}*"
        fields.append(_mrkdwn(truncate(label, MAX_FIELD_TEXT)))
    blocks: list[Block] = [SectionBlock(text=_mrkdwn("*Key figures*"), fields=fields[:MAX_FIELDS])]
    for start in range(MAX_FIELDS, len(fields), MAX_FIELDS):
        blocks.append(SectionBlock(fields=fields[start: start + MAX_FIELDS]))
    hidden = len(answer.figures) - MAX_FIGURES_SHOWN
    if hidden > 0:
        blocks.append(ContextBlock(elements=[_mrkdwn(f"\u2026and {hidden} more figures (see the chart and sources).")]))
    return blocks


def figure_table(answer: Answer, tables: bool = True) -> list[Block]:
    """Two or more figures as one TableBlock (or, with `tables` off, as aligned text); within Slack's limits."""
    if len(answer.figures) < 2:
        return figure_blocks(answer)
    rows = [["Council", "Indicator", "Period", "Value"]]
    labelled = any(f.label for f in answer.figures)
    if labelled:
        rows[0].append("What")
    for f in answer.figures[: MAX_TABLE_ROWS - 1]:
        row = [f.area_name or f.area_code, f.indicator_name or f.indicator_id, f.period,
               format_value(f.value, f.unit or "")]
        if labelled:
            row.append(f.label)
        rows.append([truncate(clean(cell), MAX_TABLE_CELL_TEXT) or "\u2013" for cell in row])
    hidden = len(answer.figures) - (MAX_TABLE_ROWS - 1)
    blocks: list[Block] = []
    if tables:
        blocks.append(TableBlock(rows=[[RawTextObject(text=cell) for cell in row] for row in rows],
                                 column_settings=[TableBlockColumnSettings(is_wrapped=True)] * 3
                                 + [TableBlockColumnSettings(align="right")]))
    else:
        blocks.extend(SectionBlock(text=_mrkdwn(piece)) for piece in aligned_sections(rows))
    if hidden > 0:
        blocks.append(ContextBlock(elements=[_mrkdwn(f"\u2026and {hidden} more figures (see the sources).")]))
    return blocks


def citation_text(citation: Citation, quote_chars: int = QUOTE_CHARS) -> str:
    """One numbered citation: source (linked when it is a URL), place, and the start of the quote."""
    source = escape(citation.source)
    if citation.path.startswith(("http://", "https://")):
        source = link(citation.path, citation.source)
    text = f"*[{citation.id}]* {source} \u2014 {escape(citation.locator)}"
    quote = " ".join(citation.quote.split())
    if quote and quote_chars > 0:
        text += f"\n_\u201c{escape(truncate(quote, quote_chars))}\u201d_"
    return truncate(text, MAX_CONTEXT_TEXT)


def citation_blocks(citations: Sequence[Citation], quote_chars: int = QUOTE_CHARS) -> list[Block]:
    """Numbered citations, one context block each."""
    if not citations:
        return []
    return [ContextBlock(elements=[_mrkdwn(citation_text(c, quote_chars))]) for c in citations]


def question_blocks(questions: Sequence[ChallengeQuestion]) -> list[Block]:
    """Challenge questions, one section each: the question, its theme and type, why, and the evidence."""
    blocks: list[Block] = []
    for n, q in enumerate(questions, 1):
        evidence = f" [{', '.join(str(e) for e in q.evidence)}]" if q.evidence else ""
        meta = " \u00b7 ".join(escape(x) for x in (q.theme, q.type) if x)
        body = f"*{n}. {escape(q.text)}*\n_{meta}_"
        if q.rationale:
            body += f" \u2014 {escape(q.rationale)}"
        body += evidence
        blocks.append(SectionBlock(text=_mrkdwn(truncate(body, MAX_SECTION_TEXT))))
    return blocks


class Buttons(BaseModel):
    """Which buttons an answer carries."""

    share: bool = False  # a private answer: "Share with the channel"
    escalate: bool = False  # "Ask the scrutiny officer" (SCRUTINY_ESCALATION set)
    tables: bool = True  # figures as a TableBlock (else aligned text)


def feedback_block(request_id: int | None) -> Block:
    """Slack's feedback buttons (thumbs up / down) for one audited answer."""
    rid = str(request_id or 0)
    return ContextActionsBlock(block_id=f"feedback_{rid}", elements=[FeedbackButtonsElement(
        action_id=ACTION_FEEDBACK,
        positive_button=FeedbackButtonObject(text="Helpful", accessibility_label="This answer was helpful",
                                             value=f"up:{rid}"),
        negative_button=FeedbackButtonObject(text="Not helpful", accessibility_label="This answer was not helpful",
                                             value=f"down:{rid}"))])


def action_blocks(request_id: int | None, topic: str, has_sources: bool,
                  buttons: Buttons | None = None) -> list[Block]:
    """Feedback buttons, then "Share with the channel", "Draft questions on this", "Show sources" and "Ask the
    scrutiny officer" as they apply."""
    buttons = buttons or Buttons()
    rid = str(request_id) if request_id is not None else ""
    elements = []
    if buttons.share and rid:
        elements.append(ButtonElement(text=_plain("Share with the channel"), action_id=ACTION_SHARE, value=rid,
                                      style="primary"))
    if topic.strip():
        value = json.dumps({"topic": truncate(clean(topic).strip(), 1500), "request": request_id})
        elements.append(ButtonElement(text=_plain("Draft questions on this"), action_id=ACTION_DRAFT_QUESTIONS,
                                      value=value))
    if has_sources and rid:
        elements.append(ButtonElement(text=_plain("Show sources"), action_id=ACTION_SHOW_SOURCES, value=rid))
    if buttons.escalate and rid:
        elements.append(ButtonElement(text=_plain("Ask the scrutiny officer"), action_id=ACTION_ESCALATE, value=rid))
    blocks: list[Block] = [feedback_block(request_id)]
    if elements:
        blocks.append(ActionsBlock(block_id=f"answer_actions_{rid or 'x'}", elements=elements))
    return blocks


def answer_blocks(answer: Answer, request_id: int | None = None, topic: str | None = None,
                  buttons: Buttons | bool = True, text: bool = True) -> list[Block]:
    """The whole answer as blocks: text (unless streamed), figures, questions, numbered citations, buttons."""
    options = buttons if isinstance(buttons, Buttons) else Buttons()
    blocks: list[Block] = [SectionBlock(text=_mrkdwn(piece)) for piece in split_text(answer.answer)] if text else []
    blocks.extend(figure_table(answer, options.tables))
    if answer.questions:
        blocks.append(HeaderBlock(text=_plain("Challenge questions", MAX_HEADER_TEXT)))
        blocks.extend(question_blocks(answer.questions))
    if answer.citations:
        blocks.append(DividerBlock())
        blocks.append(ContextBlock(elements=[_mrkdwn("*Sources*")]))
        blocks.extend(citation_blocks(answer.citations))
    if buttons is not False:
        blocks.extend(action_blocks(request_id, topic if topic is not None else answer.question,
                                    bool(answer.citations), options))
    return blocks


def _block_chars(block: dict[str, Any]) -> int:
    if block.get("type") == "table":  # its size is its cells' text (the JSON wrapping of each cell is not content)
        return sum(len(c.get("text", "")) + 4 for row in block.get("rows") or [] for c in row)
    return len(json.dumps(block, ensure_ascii=False))


def chunk_blocks(blocks: Sequence[Block | dict[str, Any]], max_blocks: int = MAX_BLOCKS_PER_MESSAGE,
                 max_chars: int = MAX_MESSAGE_CHARS) -> list[list[dict[str, Any]]]:
    """Split blocks into message-sized lists (block count and size), keeping their order."""
    chunks: list[list[dict[str, Any]]] = [[]]
    size = 0
    for block in blocks:
        data = block.to_dict() if isinstance(block, Block) else block
        chars = _block_chars(data)
        if chunks[-1] and (len(chunks[-1]) >= max_blocks or size + chars > max_chars):
            chunks.append([])
            size = 0
        chunks[-1].append(data)
        size += chars
    return [c for c in chunks if c]


def fallback_text(answer: Answer) -> str:
    """Notification text for an answer (shown in notifications and where blocks cannot be), mrkdwn-escaped."""
    return escape_within(" ".join(answer.answer.split()), MAX_FALLBACK_TEXT) or "Answer"


def answer_messages(answer: Answer, request_id: int | None = None, topic: str | None = None,
                    buttons: Buttons | None = None) -> list[SlackMessage]:
    """The answer as one or more messages within Slack's limits; the buttons come last."""
    chunks = chunk_blocks(answer_blocks(answer, request_id, topic, buttons or Buttons()))
    return _messages(chunks, fallback_text(answer))


def _messages(chunks: list[list[dict[str, Any]]], text: str) -> list[SlackMessage]:
    return [SlackMessage(text=text if i == 0 else f"(continued {i + 1}/{len(chunks)})", blocks=chunk)
            for i, chunk in enumerate(chunks)]


def streamed_text(answer: Answer) -> list[str]:
    """The answer text for chat.appendStream, escaped for markdown, in pieces of at most MAX_STREAM_CHUNK."""
    text = escape_markdown(answer.answer).strip() or "Answer"
    pieces, current = [], ""
    for paragraph in re.findall(r".+?(?:\n\s*\n|\Z)", text, flags=re.DOTALL):
        while len(paragraph) > MAX_STREAM_CHUNK:
            pieces.append(paragraph[:MAX_STREAM_CHUNK])
            paragraph = paragraph[MAX_STREAM_CHUNK:]
        if current and len(current) + len(paragraph) > MAX_STREAM_CHUNK:
            pieces.append(current)
            current = ""
        current += paragraph
    if current:
        pieces.append(current)
    return pieces


def stream_end_messages(answer: Answer, request_id: int | None, topic: str | None,
                        buttons: Buttons | None = None) -> list[SlackMessage]:
    """What follows a streamed answer's text: figures, questions, sources and buttons (the first list of blocks
    goes on chat.stopStream, any further ones as messages in the thread)."""
    blocks = answer_blocks(answer, request_id, topic, buttons or Buttons(), text=False)
    return _messages(chunk_blocks(blocks), fallback_text(answer))


def sources_messages(citations: Sequence[Citation]) -> list[SlackMessage]:
    """Every citation with a longer quote, for the "Show sources" button."""
    if not citations:
        return [text_message("No sources were used for that answer.")]
    blocks: list[Block] = [SectionBlock(text=_mrkdwn("*Sources used*"))]
    blocks.extend(citation_blocks(citations, quote_chars=1200))
    return [SlackMessage(text="Sources used", blocks=chunk) for chunk in chunk_blocks(blocks)]


def text_message(text: str) -> SlackMessage:
    """A plain message as one or more sections (text is escaped, in the blocks and in `text`)."""
    pieces = split_text(text) or [escape(text) or " "]
    return SlackMessage(text=escape_within(text, MAX_FALLBACK_TEXT) or " ",
                        blocks=[SectionBlock(text=_mrkdwn(p)).to_dict() for p in pieces[:MAX_BLOCKS_PER_MESSAGE]])


def mrkdwn_message(text: str, notification: str) -> SlackMessage:
    """A message of our own words in mrkdwn (already escaped where it quotes anything)."""
    return SlackMessage(text=notification, blocks=[SectionBlock(text=_mrkdwn(truncate(text, MAX_SECTION_TEXT)))
                                                   .to_dict()])


def private_note(user: str) -> SlackMessage:
    """What replaces the public placeholder when the answer went to the asker only."""
    text = (f"I've answered <@{escape(user)}> privately (only they can see it); they can share it with the channel "
            "if it uses no restricted documents.")
    return SlackMessage(text="Answered privately", blocks=[ContextBlock(elements=[_mrkdwn(text)]).to_dict()])


def shared_header(user: str) -> SlackMessage:
    """The line above an answer someone shared with the channel."""
    text = f"<@{escape(user)}> shared an answer from the scrutiny assistant:"
    return SlackMessage(text="Shared answer", blocks=[ContextBlock(elements=[_mrkdwn(text)]).to_dict()])


def escalation_message(asker: str, channel: str, question: str, answer: Answer | None, link: str | None,
                       by: str) -> SlackMessage:
    """What "Ask the scrutiny officer" posts: who asked what where, the answer if it may be shown, a link."""
    where = f"<#{escape(channel)}>" if channel.startswith(("C", "G")) else "a direct message"
    lines = [f"*Question for the scrutiny officer* from <@{escape(by)}> (asked by <@{escape(asker)}> in {where}):",
             f">{escape(truncate(' '.join(question.split()), 1000))}"]
    if answer is not None:
        lines.append("*The assistant's answer:*\n" + escape(truncate(answer.answer, 2000)))
        if answer.citations:
            lines.append("*Sources:* " + "; ".join(escape(f"[{c.id}] {c.source} ({c.locator})")
                                                   for c in answer.citations[:10]))
    else:
        lines.append("_The answer used restricted documents, so it is not repeated here; open the thread._")
    if link and link.startswith("https://"):
        lines.append(f"<{link.replace('>', '%3E').replace('|', '%7C')}|Open the thread>")
    return SlackMessage(text="Question for the scrutiny officer",
                        blocks=[SectionBlock(text=_mrkdwn(p)).to_dict() for p in _split_mrkdwn("\n".join(lines))])


def reasons_message(request_id: int) -> SlackMessage:
    """After a thumbs down: what was wrong (optional), as buttons, and "Tell us more"."""
    elements = [ButtonElement(text=_plain(label), action_id=f"{ACTION_FEEDBACK_REASON}_{code}",
                              value=f"{request_id}:{code}") for code, label in FEEDBACK_REASONS.items()]
    elements.append(ButtonElement(text=_plain("Tell us more\u2026"), action_id=ACTION_FEEDBACK_MORE,
                                  value=str(request_id)))
    return SlackMessage(text="Thanks \u2013 what was wrong? (optional)", blocks=[
        SectionBlock(text=_mrkdwn("Thanks \u2013 your feedback has been recorded. What was wrong? (optional)"))
        .to_dict(),
        ActionsBlock(block_id=f"feedback_reasons_{request_id}", elements=elements).to_dict()])


def reason_modal(request_id: int) -> dict[str, Any]:
    """A short free-text reason for a thumbs down."""
    view = View(type="modal", callback_id=FEEDBACK_MODAL_CALLBACK, title=_plain("What was wrong?", 24),
                submit=_plain("Send", 24), close=_plain("Cancel", 24), private_metadata=str(request_id),
                blocks=[InputBlock(block_id="reason", label=_plain("Tell the scrutiny team what was wrong", 2000),
                                   element=PlainTextInputElement(action_id="value", multiline=True,
                                                                 max_length=2000))])
    return view.to_dict()


def status_message(problems: Sequence[str], passed: Sequence[str]) -> SlackMessage:
    """The self-check for an admin (/scrutiny status): each problem and each passed check on one line."""
    lines = [f":x: {escape(p)}" for p in problems] + [f":white_check_mark: {escape(p)}" for p in passed]
    head = "*Self-check: all passed*" if not problems else f"*Self-check: {len(problems)} problem(s)*"
    text = head + "\n" + "\n".join(lines)
    return SlackMessage(text="Self-check", blocks=[SectionBlock(text=_mrkdwn(p)).to_dict()
                                                   for p in _split_mrkdwn(text)][:MAX_BLOCKS_PER_MESSAGE])


def working_message(private: bool = False) -> SlackMessage:
    """The visible placeholder posted at once and replaced by the answer (or, private, a note only the asker
    sees before the answer arrives for them alone)."""
    text = WORKING_TEXT + (" (only you will see the answer)" if private else "")
    return SlackMessage(text=text, blocks=[ContextBlock(elements=[_mrkdwn(text)]).to_dict()])


def help_message() -> SlackMessage:
    """What the bot can do, for `/scrutiny help` and greetings."""
    return SlackMessage(text="What I can do", blocks=[SectionBlock(text=_mrkdwn(HELP_TEXT)).to_dict()])


# -- App Home and the modal --------------------------------------------------------------------------------
def home_view(documents: Sequence[Any], datasets: Sequence[Any], examples: Sequence[str], hidden: int = 0,
              max_documents: int = 40) -> dict[str, Any]:
    """The App Home tab: what the bot does, example questions, and the public documents and datasets held.

    `documents` are those the viewer may see (`Assistant.holdings`) and `hidden` counts the rest; a restricted
    document passed in anyway is counted, never named, since the Home tab is no restricted channel."""
    blocks: list[Block] = [
        HeaderBlock(text=_plain("Scrutiny assistant", MAX_HEADER_TEXT)),
        SectionBlock(text=_mrkdwn(
            "I answer questions about council performance from the council's own documents and indicator data, "
            "draft challenge questions for scrutiny meetings and write pre-scrutiny briefing notes. Every figure "
            "is computed from the data and every statement is cited to its source.")),
        SectionBlock(text=_mrkdwn(HELP_TEXT)),
        DividerBlock(),
        HeaderBlock(text=_plain("Example questions", MAX_HEADER_TEXT)),
        SectionBlock(text=_mrkdwn(truncate("\n".join(f"\u2022 _{escape(e)}_" for e in examples) or "\u2013",
                                           MAX_SECTION_TEXT))),
        DividerBlock(),
        HeaderBlock(text=_plain("Data I hold", MAX_HEADER_TEXT)),
    ]
    public = [d for d in documents if getattr(d, "classification", "public") != "restricted"]
    restricted = hidden + len(documents) - len(public)
    lines = []
    for d in public[:max_documents]:
        when = f", {d.date.isoformat()}" if getattr(d, "date", None) else ""
        kind = str(getattr(d, "doc_type", "")).replace("_", " ")
        lines.append(f"\u2022 {escape(getattr(d, 'title', '?'))} ({escape(kind)}{when})")
    if len(public) > max_documents:
        lines.append(f"\u2026and {len(public) - max_documents} more")
    docs_text = f"*Documents ({len(public)})*\n" + ("\n".join(lines) if lines else "None yet.")
    if restricted:
        # Titles of exempt documents can themselves be exempt information, so only a count is shown.
        docs_text += f"\n_Plus {restricted} restricted document(s), used only in restricted channels._"
    blocks.extend(SectionBlock(text=_mrkdwn(p)) for p in _split_mrkdwn(docs_text))
    ds_lines = [f"\u2022 {escape(getattr(d, 'name', '?'))}: {getattr(d, 'indicators', 0)} indicators, latest period "
                f"{escape(str(getattr(d, 'latest_period', None) or 'n/a'))}" for d in datasets]
    ds_text = f"*Indicator datasets ({len(datasets)})*\n" + ("\n".join(ds_lines) if ds_lines else "None yet.")
    blocks.extend(SectionBlock(text=_mrkdwn(p)) for p in _split_mrkdwn(ds_text))
    view = View(type="home", blocks=blocks[:MAX_BLOCKS_PER_VIEW])
    return view.to_dict()


def _split_mrkdwn(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    # Text already escaped: split on line boundaries only.
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = truncate(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            out.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        out.append(current)
    return out


def questions_modal(topic: str = "", channel: str | None = None, thread_ts: str | None = None,
                    area: str | None = None) -> dict[str, Any]:
    """The "Draft challenge questions" modal; channel/thread (from a message shortcut) ride in private_metadata."""
    blocks: list[Block] = [
        InputBlock(block_id="topic", label=_plain("Topic", 2000),
                   element=PlainTextInputElement(action_id="value", initial_value=truncate(topic, 3000) or None,
                                                 placeholder=_plain("e.g. waste and recycling", 150),
                                                 max_length=3000)),
        InputBlock(block_id="area", optional=True, label=_plain("Council (code or name)", 2000),
                   element=PlainTextInputElement(action_id="value", initial_value=area or None,
                                                 placeholder=_plain("default: our council", 150))),
        InputBlock(block_id="indicators", optional=True, label=_plain("Indicators (comma-separated)", 2000),
                   element=PlainTextInputElement(action_id="value",
                                                 placeholder=_plain("e.g. household_recycling_rate", 150))),
        InputBlock(block_id="meeting_date", optional=True, label=_plain("Meeting date", 2000),
                   element=DatePickerElement(action_id="value")),
    ]
    if channel is None:
        # Channels only (a channel's members see the questions); membership is checked on submission.
        blocks.append(InputBlock(block_id="channel", label=_plain("Post the questions to", 2000),
                                 element=ConversationSelectElement(action_id="value",
                                                                   default_to_current_conversation=True,
                                                                   filter={"include": ["public", "private"],
                                                                           "exclude_bot_users": True},
                                                                   placeholder=_plain("Choose a channel", 150))))
    metadata = json.dumps({"channel": channel, "thread_ts": thread_ts})
    view = View(type="modal", callback_id=MODAL_CALLBACK, title=_plain("Challenge questions", 24),
                submit=_plain("Draft", 24), close=_plain("Cancel", 24), blocks=blocks, private_metadata=metadata)
    return view.to_dict()


def parse_questions_submission(view: dict[str, Any]) -> QuestionsRequest:
    """Read the modal's submitted values."""
    values = view.get("state", {}).get("values", {})

    def text(block: str) -> str | None:
        element = values.get(block, {}).get("value", {})
        raw = element.get("value") or element.get("selected_date") or element.get("selected_conversation")
        return raw.strip() if isinstance(raw, str) and raw.strip() else None

    meta = json.loads(view.get("private_metadata") or "{}")
    indicators = [i.strip() for i in (text("indicators") or "").split(",") if i.strip()] or None
    return QuestionsRequest(topic=text("topic") or "", area=text("area"), indicators=indicators,
                            meeting_date=text("meeting_date"), channel=meta.get("channel") or text("channel"),
                            thread_ts=meta.get("thread_ts"))


# -- validation (used by the app before sending, and by the tests on every recorded payload) -------------
def validate_blocks(blocks: Sequence[dict[str, Any]], max_blocks: int = MAX_BLOCKS_PER_MESSAGE) -> None:
    """Raise BlockLimitError unless every block parses and validates with slack-sdk and fits Slack's limits."""
    from slack_sdk.errors import SlackObjectFormationError

    if len(blocks) > max_blocks:
        raise BlockLimitError(f"{len(blocks)} blocks; Slack allows {max_blocks}")
    if sum(1 for b in blocks if b.get("type") == "table") > 1:
        raise BlockLimitError("more than one table in a message")
    for data in blocks:
        block = Block.parse(dict(data))
        if block is None or type(block) is Block:
            raise BlockLimitError(f"unknown block type {data.get('type')!r}")
        try:
            block.to_dict()
        except SlackObjectFormationError as exc:
            raise BlockLimitError(f"{data.get('type')} block: {exc}") from None
        _check_text_limits(data)


def _check_text_limits(data: dict[str, Any]) -> None:
    # Limits slack-sdk's models do not check themselves.
    kind = data.get("type")
    if kind == "section":
        for f in data.get("fields") or []:
            if len(f.get("text", "")) > MAX_FIELD_TEXT:
                raise BlockLimitError("section field over 2000 characters")
    if kind == "context":
        for e in data.get("elements") or []:
            if e.get("type") in ("mrkdwn", "plain_text") and len(e.get("text", "")) > MAX_SECTION_TEXT:
                raise BlockLimitError("context text over 3000 characters")
    if kind == "actions":
        for e in data.get("elements") or []:
            if len(e.get("value", "")) > BUTTON_VALUE_MAX:
                raise BlockLimitError("button value over 2000 characters")
    if kind == "table":
        rows = data.get("rows") or []
        if len(rows) > MAX_TABLE_ROWS or any(len(r) > MAX_TABLE_CELLS for r in rows):
            raise BlockLimitError("table over 100 rows or 20 cells in a row")
        if any(not c.get("text") for r in rows for c in r if c.get("type") == "raw_text"):
            raise BlockLimitError("empty table cell")


def validate_view(view: dict[str, Any]) -> None:
    """Raise BlockLimitError unless a modal/home view validates with slack-sdk and its blocks fit."""
    from slack_sdk.errors import SlackObjectFormationError

    try:
        View(**view).to_dict()
    except (SlackObjectFormationError, TypeError) as exc:
        raise BlockLimitError(f"view: {exc}") from None
    validate_blocks(view.get("blocks") or [], max_blocks=MAX_BLOCKS_PER_VIEW)
