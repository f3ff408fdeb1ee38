"""A citation from a synced paper names the committee, the meeting date, the item and the page, links to the
paper's public URL (the Slack link too), and its quote is verbatim at that page."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.assistant import Assistant
from bot.models import CallerContext
from bot.moderngov.metadata import date_words
from bot.slack.blocks import citation_text
from moderngov_fixtures.papers import PAGE_FOUR_SENTENCE
from moderngov_fixtures.service import Synced, synced

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def service() -> Synced:
    return synced()


def test_a_citation_links_back_to_the_committee_system(service: Synced) -> None:
    assistant = Assistant(service.settings, embedder=service.embedder)
    caller = CallerContext(channel="C0PUBLIC", user="U0MEMBER", allow_restricted=False)
    answer = assistant.ask("What does the Quarter 2 report say about recycling and contamination?", caller)
    url = service.url("5001")
    [cited] = [c for c in answer.citations if c.path == url]
    meeting = date_words(service.fake.today + timedelta(days=7))
    assert cited.source == f"Overview and Scrutiny Committee, {meeting}, item 4: Quarter 2 2024-25 Performance Report"
    assert cited.locator.startswith("p. 4")
    # Verbatim at its page: the quote is in the stored text of page 4 of that paper.
    kb = assistant.kb
    doc = next(d for d in kb.documents() if d.path == url)
    page_four = kb.source_text(doc.doc_id, page=4)
    assert cited.quote in page_four
    assert " ".join(PAGE_FOUR_SENTENCE.split()) in " ".join(cited.quote.split())
    # In Slack the source is a link to the public URL.
    assert f"<{url}|Overview and Scrutiny Committee, {meeting}, item 4" in citation_text(cited)
    # Minutes synced from the agenda's XML cite their item and link to the item's page.
    minutes = [c for c in answer.citations if c.path.endswith("#minutes")]
    for c in minutes:
        assert "(minutes)" in c.source and c.locator == "§ Minutes" and "/mgAi.aspx?ID=" in c.path
