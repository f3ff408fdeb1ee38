"""Block Kit rendering: answers, questions, citations, App Home and the modal stay within Slack's limits."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.models import Answer, ChallengeQuestion, Citation
from bot.slack import blocks as kit
from indicators.models import Figure


def _figure(i: int) -> Figure:
    fields = Figure.model_fields
    data = {"indicator_id": "recycling", "indicator_name": "Household recycling rate", "area_code": "E07999001",
            "area_name": "Northbridge", "period": f"20{10 + i}-{11 + i}", "value": 40.0 + i, "unit": "%"}
    return Figure(**{k: v for k, v in data.items() if k in fields})


def _long_answer() -> Answer:
    paragraphs = [f"Paragraph {n}: " + ("recycling & <waste> figures " * 60) for n in range(25)]
    citations = [Citation(id=i, source=f"Council plan {i}", path=f"docs/plan{i}.pdf", locator=f"p. {i}",
                          quote="A long quote " * 80) for i in range(1, 121)]
    return Answer(question="How is recycling?", kind="mixed", answer="\n\n".join(paragraphs),
                  citations=citations, figures=[_figure(i) for i in range(30)])


def _section_texts(messages: list[kit.SlackMessage]) -> list[str]:
    return [b["text"]["text"] for m in messages for b in m.blocks if b["type"] == "section" and "text" in b]


def test_long_answer_is_split_into_valid_messages_without_losing_text() -> None:
    answer = _long_answer()
    messages = kit.answer_messages(answer, request_id=7)
    assert len(messages) > 1
    for message in messages:
        kit.validate_blocks(message.blocks)
        assert len(message.blocks) <= kit.MAX_BLOCKS_PER_MESSAGE
        assert len(message.text) <= kit.MAX_FALLBACK_TEXT
    body = [t for t in _section_texts(messages) if not t.startswith("*")]
    joined = " ".join(body).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert " ".join(joined.split()) == " ".join(answer.answer.split())
    assert all(len(t) <= kit.MAX_SECTION_TEXT for t in _section_texts(messages))


def test_every_citation_is_shown_once_in_order_and_buttons_come_last() -> None:
    messages = kit.answer_messages(_long_answer(), request_id=7)
    contexts = [e["text"] for m in messages for b in m.blocks if b["type"] == "context" for e in b["elements"]]
    numbered = [t for t in contexts if t.startswith("*[")]
    assert [int(t[2:t.index("]")]) for t in numbered] == list(range(1, 121))
    actions = [(i, b) for i, m in enumerate(messages) for b in m.blocks if b["type"] == "actions"]
    assert len(actions) == 1 and actions[0][0] == len(messages) - 1
    ids = [e["action_id"] for e in actions[0][1]["elements"]]
    assert ids == [kit.ACTION_DRAFT_QUESTIONS, kit.ACTION_SHOW_SOURCES]
    assert actions[0][1]["elements"][1]["value"] == "7"
    feedback = [b for m in messages for b in m.blocks if b["type"] == "context_actions"]
    assert len(feedback) == 1 and feedback[0]["elements"][0]["type"] == "feedback_buttons"
    assert (feedback[0]["elements"][0]["positive_button"]["value"],
            feedback[0]["elements"][0]["negative_button"]["value"]) == ("up:7", "down:7")


def test_figures_beyond_the_shown_number_are_counted() -> None:
    blocks = [b.to_dict() for b in kit.figure_blocks(_long_answer())]
    fields = [f for b in blocks for f in b.get("fields", [])]
    assert len(fields) == kit.MAX_FIGURES_SHOWN
    assert "10 more figures" in json.dumps(blocks)
    assert "*41.0%*" in fields[1]["text"]  # indicators.formatting: 10 to 100 one decimal


def test_user_text_cannot_ping_channels_or_inject_links() -> None:
    answer = Answer(question="q", kind="document", answer="<!channel> see <https://evil.example|here> & more",
                    citations=[Citation(id=1, source="Peer <b>review</b>", path="https://lga.example/cpc?a=1&b=2",
                                        locator="§ 2", quote="<!here> quoted")])
    dumped = json.dumps([m.blocks for m in kit.answer_messages(answer, 1)])
    assert "<!channel>" not in dumped and "<!here>" not in dumped and "<https://evil" not in dumped
    assert "&lt;!channel&gt;" in dumped
    assert "<https://lga.example/cpc?a=1&b=2|Peer &lt;b&gt;review&lt;/b&gt;>" in dumped


def test_questions_render_with_theme_rationale_and_evidence() -> None:
    questions = [ChallengeQuestion(text=f"What is driving change {i}?", theme="performance", type="probing",
                                   rationale="Recycling fell", evidence=[1, 2]) for i in range(60)]
    answer = Answer(question="questions on waste", kind="mixed", answer="Questions drafted.", questions=questions,
                    citations=[Citation(id=1, source="Data", path="d.csv", locator="2023-24", quote="41.0")])
    messages = kit.answer_messages(answer, 3, topic="waste")
    for m in messages:
        kit.validate_blocks(m.blocks)
    text = json.dumps([m.blocks for m in messages])
    assert "*60. What is driving change 59?*" in text and "[1, 2]" in text and "Challenge questions" in text
    draft = next(e for m in messages for b in m.blocks if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == kit.ACTION_DRAFT_QUESTIONS)
    assert json.loads(draft["value"])["topic"] == "waste"


def test_validator_rejects_payloads_over_slack_limits() -> None:
    ok = kit.text_message("hello").blocks[0]
    with pytest.raises(kit.BlockLimitError):
        kit.validate_blocks([ok] * 51)
    with pytest.raises(kit.BlockLimitError):
        kit.validate_blocks([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}])
    with pytest.raises(kit.BlockLimitError):
        kit.validate_blocks([{"type": "no_such_block"}])


class _Doc:
    def __init__(self, i: int, classification: str = "public") -> None:
        self.title = f"Document {i}" if classification == "public" else "Secret depot sale"
        self.doc_type = "performance_report"
        self.date = date(2024, 1, 1)
        self.classification = classification


class _Dataset:
    name = "northbridge-sample"
    indicators = 18
    latest_period = "2024-25"


def test_home_view_lists_data_held_but_not_restricted_titles() -> None:
    docs = [_Doc(i) for i in range(200)] + [_Doc(0, "restricted")]
    view = kit.home_view(docs, [_Dataset()], ["How is recycling?"])
    kit.validate_view(view)
    text = json.dumps(view)
    assert "Document 39" in text and "160 more" in text and "northbridge-sample: 18 indicators" in text
    assert "2024-25" in text and "Secret depot" not in text and "1 restricted document" in text


def test_modal_validates_and_its_submission_parses() -> None:
    view = kit.questions_modal("waste and recycling", channel="C1", thread_ts="1.2")
    kit.validate_view(view)
    assert [b["block_id"] for b in view["blocks"]] == ["topic", "area", "indicators", "meeting_date"]
    submitted = {"private_metadata": view["private_metadata"], "state": {"values": {
        "topic": {"value": {"type": "plain_text_input", "value": " waste "}},
        "area": {"value": {"type": "plain_text_input", "value": None}},
        "indicators": {"value": {"type": "plain_text_input", "value": "a, b,"}},
        "meeting_date": {"value": {"type": "datepicker", "selected_date": "2025-03-04"}}}}}
    request = kit.parse_questions_submission(submitted)
    assert request == kit.QuestionsRequest(topic="waste", indicators=["a", "b"], meeting_date="2025-03-04",
                                           channel="C1", thread_ts="1.2")
    global_view = kit.questions_modal()
    kit.validate_view(global_view)
    assert global_view["blocks"][-1]["element"]["type"] == "conversations_select"
