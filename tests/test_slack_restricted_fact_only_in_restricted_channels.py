"""Through Slack: the exempt report's fact never reaches a public channel or an unlisted user, and does reach a
restricted channel for a listed user."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

import pytest

from bot.sample_pack import facts
from bot.slack import blocks as kit
from slack_harness import Rig, check_payloads, running_rig

WAIT = 180.0
QUESTION = "What is proposed for the disposal of surplus depot land?"
RESTRICTED = "C0EXEMPT"
OFFICER = "U0OFFICER"


@pytest.fixture(scope="module")
def rig(sample_home, sample_assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """The real app with one restricted channel where only the listed officer may see restricted documents."""
    with running_rig(sample_home, sample_assistant, tmp_path_factory.mktemp("slack-restricted"),
                     restricted=RESTRICTED, access={"restricted_users": OFFICER}) as r:
        yield r


def _everything_sent(rig: Rig) -> str:
    """Every recorded Web API call and response_url post, plus the text inside uploaded DOCX files."""
    parts = [rig.slack.all_text()]
    for data in list(rig.slack.uploads.values()):
        if data.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(data)) as docx:
                parts += [docx.read(n).decode("utf-8", "replace") for n in docx.namelist() if n.endswith(".xml")]
    return "\n".join(parts)


def _update_text(rig: Rig, channel: str, n: int) -> str:
    assert rig.slack.wait_for(lambda f: len(f.of("chat.update", channel)) >= n, WAIT), \
        f"no answer in {channel}: {[c.method for c in rig.slack.calls]}"
    return json.dumps(rig.slack.of("chat.update", channel)[n - 1].params, ensure_ascii=False)


def _press_show_sources(rig: Rig, channel: str, update_params: dict, user: str) -> None:
    for block in update_params["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == kit.ACTION_SHOW_SOURCES:
                rig.sender.interaction({"type": "block_actions", "user": {"id": user}, "channel": {"id": channel},
                                        "message": {"ts": update_params["ts"]},
                                        "actions": [{"action_id": kit.ACTION_SHOW_SOURCES, "block_id": "b",
                                                     "value": element["value"], "type": "button"}]})
                assert rig.slack.wait_for(lambda f: any(c.params.get("text") == "Sources used"
                                                        for c in f.of("chat.postMessage", channel)), WAIT)
                return


def test_restricted_fact_never_leaves_restricted_channels(rig: Rig) -> None:
    # Public channel: mention, slash ask, questions, brief and "Show sources", by the listed officer too.
    rig.sender.mention(QUESTION, "C0PUBLIC", user=OFFICER, ts="1700000201.000100")
    _update_text(rig, "C0PUBLIC", 1)
    _press_show_sources(rig, "C0PUBLIC", rig.slack.of("chat.update", "C0PUBLIC")[0].params, OFFICER)
    rig.sender.command(f"ask {QUESTION}", "C0PUBLIC", user=OFFICER)
    rig.sender.command("questions disposal of surplus depot land", "C0PUBLIC", user=OFFICER)
    rig.sender.command("brief disposal of surplus depot land", "C0PUBLIC", user=OFFICER)
    # A direct message is not a restricted channel either.
    rig.sender.event({"type": "message", "channel": "D0OFFICER", "channel_type": "im", "user": OFFICER,
                      "text": QUESTION, "ts": "1700000201.000200"})
    # The restricted channel, asked by someone not on the restricted-users list.
    rig.sender.mention(QUESTION, RESTRICTED, user="U0VISITOR", ts="1700000201.000300")
    _update_text(rig, "C0PUBLIC", 4)
    _update_text(rig, "D0OFFICER", 1)
    _update_text(rig, RESTRICTED, 1)
    assert rig.slack.wait_for(lambda f: f.of("files.completeUploadExternal", "C0PUBLIC"), WAIT)
    rig.slack.settle(quiet=1.0)
    sent = _everything_sent(rig)
    updates = [json.dumps(c.params["blocks"], ensure_ascii=False) for c in rig.slack.of("chat.update", "C0PUBLIC")]
    # Every request was answered (public evidence, or "no evidence" for the questions), none failed.
    assert len(updates) == 4 and not any("went wrong" in u for u in updates), updates
    assert "surplus operational land" in sent.lower()  # the public cabinet minute on the same item was used
    for phrase in facts.RESTRICTED_PHRASES:
        assert phrase not in sent, f"restricted phrase {phrase!r} reached a public channel or unlisted user"
    check_payloads(rig.slack.calls)

    # The restricted channel, asked by the listed officer: the fact is used, and its sources can be shown there.
    mark = rig.mark()
    rig.sender.mention(QUESTION, RESTRICTED, user=OFFICER, ts="1700000201.000400")
    answer = _update_text(rig, RESTRICTED, 2)
    assert facts.RESTRICTED_FACT in answer
    _press_show_sources(rig, RESTRICTED, rig.slack.of("chat.update", RESTRICTED)[1].params, OFFICER)
    sources = [c for c in rig.slack.of("chat.postMessage", RESTRICTED) if c.params.get("text") == "Sources used"]
    assert facts.RESTRICTED_FACT in json.dumps(sources[-1].params, ensure_ascii=False)
    entry = next(e for e in reversed(rig.audit.entries()) if e.channel == RESTRICTED and e.user == OFFICER)
    assert entry.restricted_allowed and any("Exempt" in s for s in entry.sources)
    check_payloads(rig.calls_since(mark))

    # "Show sources" on the restricted answer pressed from a public channel reveals nothing.
    before = len(rig.slack.of("chat.postMessage", "C0PUBLIC"))
    rig.sender.interaction({"type": "block_actions", "user": {"id": OFFICER}, "channel": {"id": "C0PUBLIC"},
                            "message": {"ts": "1700000201.000999"},
                            "actions": [{"action_id": kit.ACTION_SHOW_SOURCES, "block_id": "b",
                                         "value": str(entry.id), "type": "button"}]})
    rig.slack.settle(quiet=1.5)
    assert len(rig.slack.of("chat.postMessage", "C0PUBLIC")) == before
