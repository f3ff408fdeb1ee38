"""An exempt agenda item's paper, synced from the committee system as restricted, never reaches a public channel
or a direct message through Slack (answers, "Show sources", challenge questions), and is used in the restricted
channel; the question pack leaves the exempt item out unless the operator asks for the trusted mode."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.models import CallerContext
from bot.moderngov.pack import build_pack
from moderngov_fixtures.papers import RESTRICTED_PHRASES
from moderngov_fixtures.service import Synced, synced
from slack_harness import Rig, check_payloads, running_rig

pytestmark = pytest.mark.slow
WAIT = 180.0
QUESTION = "Officers recommend the sale of the depot to which bidder, and for how much?"
RESTRICTED = "C0EXEMPT"


@pytest.fixture(scope="module")
def service() -> Synced:
    return synced()


@pytest.fixture(scope="module")
def assistant(service: Synced) -> Assistant:
    return Assistant(service.settings, embedder=service.embedder)


@pytest.fixture(scope="module")
def rig(service: Synced, assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    with running_rig(service.settings, assistant, tmp_path_factory.mktemp("mg-slack"), restricted=RESTRICTED) as r:
        yield r


def _updates(rig: Rig, channel: str, n: int) -> list[str]:
    assert rig.slack.wait_for(lambda f: len(f.of("chat.update", channel)) >= n, WAIT), \
        f"no answer in {channel}: {[c.method for c in rig.slack.calls]}"
    return [json.dumps(c.params, ensure_ascii=False) for c in rig.slack.of("chat.update", channel)]


def test_the_exempt_paper_is_held_as_restricted(service: Synced) -> None:
    from knowledge.base import KnowledgeBase

    [exempt] = [d for d in KnowledgeBase(service.home).documents() if d.path == service.url("5004")]
    assert exempt.classification == "restricted"


def test_a_restricted_agenda_paper_never_reaches_a_public_channel(rig: Rig) -> None:
    rig.sender.mention(QUESTION, "C0PUBLIC", user="U0MEMBER", ts="1700000301.000100")
    rig.sender.command("questions disposal of surplus depot land", "C0PUBLIC", user="U0MEMBER")
    rig.sender.event({"type": "message", "channel": "D0MEMBER", "channel_type": "im", "user": "U0MEMBER",
                      "text": QUESTION, "ts": "1700000301.000200"})
    _updates(rig, "C0PUBLIC", 2)
    _updates(rig, "D0MEMBER", 1)
    rig.slack.settle(quiet=1.0)
    public = rig.slack.all_text()
    for phrase in RESTRICTED_PHRASES:
        assert phrase not in public, f"restricted phrase {phrase!r} reached a public channel or a DM"
    # The same question in the restricted channel is answered from the exempt paper, cited to its public URL.
    mark = rig.mark()
    rig.sender.mention(QUESTION, RESTRICTED, user="U0OFFICER", ts="1700000301.000300")

    def answered(_: object) -> list:
        return [c for c in rig.calls_since(mark) if "Osprey Land Partners" in c.text_dump()]

    assert rig.slack.wait_for(lambda f: bool(answered(f)), WAIT), [c.method for c in rig.calls_since(mark)]
    delivered = answered(rig)
    assert {c.params.get("channel") for c in delivered} == {RESTRICTED}
    assert any("item 9: Disposal of surplus depot land" in c.text_dump() for c in delivered)
    check_payloads(rig.slack.calls)


def test_the_pack_leaves_the_exempt_item_out_for_public_callers(service: Synced, assistant: Assistant) -> None:
    public = build_pack(assistant, CallerContext(channel="C0PUBLIC", user="U1", allow_restricted=False), "next",
                        per_item=3)
    assert "9" not in [i.number for i in public.items]
    text = json.dumps(public.to_contract(), ensure_ascii=False)
    assert not any(phrase in text for phrase in RESTRICTED_PHRASES)
    trusted = build_pack(assistant, CallerContext(channel="cli", user="cli", allow_restricted=True), "next",
                         per_item=3)
    assert any(i.number == "9" and i.restricted for i in trusted.items)


def test_nothing_restricted_in_the_public_notes(service: Synced, assistant: Assistant, tmp_path: Path) -> None:
    from bot.moderngov.briefs import write_meeting_briefs

    pack = build_pack(assistant, CallerContext(channel="C0PUBLIC", user="U1", allow_restricted=False), "next",
                      per_item=3)
    [note] = write_meeting_briefs(pack, assistant.store, tmp_path / "pack.md")
    text = note.read_text(encoding="utf-8")
    assert "Recycling recovery plan" in text and not any(p in text for p in RESTRICTED_PHRASES)
