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

    # The restricted channel, asked by the listed officer: the fact is used, but only in an answer the officer
    # alone sees (an unlisted visitor is in the channel); the public placeholder says it went privately.
    mark = rig.mark()
    rig.slack.members[RESTRICTED] = ["U0BOT", OFFICER, "U0VISITOR"]
    rig.sender.mention(QUESTION, RESTRICTED, user=OFFICER, ts="1700000201.000400")
    note = _update_text(rig, RESTRICTED, 2)
    assert "privately" in note and facts.RESTRICTED_FACT not in note
    assert rig.slack.wait_for(lambda f: any(facts.RESTRICTED_FACT in c.text_dump()
                                            for c in f.of("chat.postEphemeral", RESTRICTED)), WAIT)
    private = [c for c in rig.slack.of("chat.postEphemeral", RESTRICTED) if facts.RESTRICTED_FACT in c.text_dump()]
    assert {c.params["user"] for c in private} == {OFFICER}
    entry = next(e for e in reversed(rig.audit.entries()) if e.channel == RESTRICTED and e.user == OFFICER
                 and e.outcome == "answered_private")
    assert entry.restricted_allowed and any("Exempt" in s for s in entry.sources)
    check_payloads(rig.calls_since(mark))
    _no_fact_in_public(rig, RESTRICTED)

    # "Share with the channel": refused while an unlisted member is in the channel, done once all are listed.
    share = _button(private, kit.ACTION_SHARE)
    _press(rig, RESTRICTED, OFFICER, kit.ACTION_SHARE, share, ephemeral=True)
    assert rig.slack.wait_for(lambda f: any("restricted" in c.params.get("text", "")
                                            for c in f.of("chat.postEphemeral", RESTRICTED)), WAIT)
    _no_fact_in_public(rig, RESTRICTED)
    rig.slack.members[RESTRICTED] = ["U0BOT", OFFICER]
    _press(rig, RESTRICTED, OFFICER, kit.ACTION_SHARE, share, ephemeral=True)
    _press(rig, RESTRICTED, OFFICER, kit.ACTION_SHARE, share, ephemeral=True)  # a double click shares once
    assert rig.slack.wait_for(lambda f: any(facts.RESTRICTED_FACT in c.text_dump()
                                            for c in f.of("chat.postMessage", RESTRICTED)), WAIT)
    rig.slack.settle(quiet=1.0)
    shared = [c for c in rig.slack.of("chat.postMessage", RESTRICTED) if facts.RESTRICTED_FACT in c.text_dump()]
    assert len(shared) == 1
    assert [e.outcome for e in rig.audit.entries() if e.request == f"share:{entry.id}"] == ["share_refused",
                                                                                          "shared"]

    # "Show sources" on the private answer after the channel stops being restricted: nothing restricted shown.
    rig.update_settings(restricted="")
    mark = rig.mark()
    _press(rig, RESTRICTED, OFFICER, kit.ACTION_SHOW_SOURCES, str(entry.id), ephemeral=True)
    assert rig.slack.wait_for(lambda f: any("can't be shown" in c.params.get("text", "")
                                            for c in f.of("chat.postEphemeral", RESTRICTED)), WAIT)
    rig.slack.settle(quiet=1.0)
    for phrase in facts.RESTRICTED_PHRASES:
        assert all(phrase not in c.text_dump() for c in rig.calls_since(mark))
    rig.update_settings(restricted=RESTRICTED)
    # ... and by a user not on SCRUTINY_RESTRICTED_USERS, from the shared (public) message.
    mark = rig.mark()
    shared_id = next(e.id for e in rig.audit.entries() if e.outcome == "shared")
    _press(rig, RESTRICTED, "U0VISITOR", kit.ACTION_SHOW_SOURCES, str(shared_id))
    assert rig.slack.wait_for(lambda f: any("can't be shown" in c.params.get("text", "")
                                            and c.params["user"] == "U0VISITOR"
                                            for c in f.of("chat.postEphemeral", RESTRICTED)), WAIT)
    rig.slack.settle(quiet=1.0)
    assert not any(facts.RESTRICTED_FACT in c.text_dump() for c in rig.calls_since(mark))
    sources_audit = [e for e in rig.audit.entries() if e.request.startswith("show_sources:")]
    assert [e.outcome for e in sources_audit][-2:] == ["sources_withheld", "sources_withheld"], \
        [(e.user, e.channel, e.request, e.outcome) for e in sources_audit]

    # "Show sources" on the restricted answer pressed from a public channel reveals nothing.
    before = len(rig.slack.of("chat.postMessage", "C0PUBLIC"))
    rig.sender.interaction({"type": "block_actions", "user": {"id": OFFICER}, "channel": {"id": "C0PUBLIC"},
                            "message": {"ts": "1700000201.000999"},
                            "actions": [{"action_id": kit.ACTION_SHOW_SOURCES, "block_id": "b",
                                         "value": str(entry.id), "type": "button"}]})
    rig.slack.settle(quiet=1.5)
    assert len(rig.slack.of("chat.postMessage", "C0PUBLIC")) == before

    # Escalation to a public channel: the question and a link, never the restricted answer.
    rig.update_settings(escalation="C0OFFICERS")
    _press(rig, RESTRICTED, OFFICER, kit.ACTION_ESCALATE, str(entry.id), ephemeral=True)
    assert rig.slack.wait_for(lambda f: f.of("chat.postMessage", "C0OFFICERS"), WAIT)
    escalated = rig.slack.of("chat.postMessage", "C0OFFICERS")[0].text_dump()
    assert "surplus depot land" in escalated and "restricted documents" in escalated
    for phrase in facts.RESTRICTED_PHRASES:
        assert phrase not in escalated
    check_payloads(rig.slack.calls)


def test_assistant_thread_and_streaming_never_carry_the_fact_out(rig: Rig) -> None:
    # An assistant thread opened while viewing the restricted channel: still a direct message.
    dm, thread = "D0OFFICER2", "1700000210.000100"
    rig.sender.event({"type": "assistant_thread_started", "assistant_thread": {
        "user_id": OFFICER, "channel_id": dm, "thread_ts": thread, "context": {"channel_id": RESTRICTED}}})
    assert rig.slack.wait_for(lambda f: f.of("assistant.threads.setSuggestedPrompts", dm), WAIT)
    rig.sender.event({"type": "message", "channel": dm, "channel_type": "im", "user": OFFICER, "text": QUESTION,
                      "ts": "1700000210.000200", "thread_ts": thread})
    assert rig.slack.wait_for(lambda f: any(c.params.get("thread_ts") == thread
                                            for c in f.of("chat.postMessage", dm)), WAIT)
    # Streaming on: a public channel, and the restricted channel (where the answer turns private).
    rig.update_settings(streaming="auto")
    try:
        rig.sender.mention(QUESTION, "C0STREAM", user=OFFICER, ts="1700000211.000100")
        rig.slack.members[RESTRICTED] = ["U0BOT", OFFICER, "U0VISITOR"]
        rig.sender.mention(QUESTION, RESTRICTED, user=OFFICER, ts="1700000211.000200")
        assert rig.slack.wait_for(lambda f: len([c for c in f.of("chat.stopStream")
                                                 if c.params["channel"] in ("C0STREAM", RESTRICTED)]) >= 2, WAIT)
    finally:
        rig.update_settings(streaming="off")
    rig.slack.settle(quiet=1.0)
    streamed = [c for c in rig.slack.calls if c.method.startswith("chat.") and "Stream" in c.method]
    assert streamed and not any(facts.RESTRICTED_FACT in c.text_dump() for c in streamed)
    assert not any(facts.RESTRICTED_FACT in c.text_dump() for c in rig.slack.of("chat.postMessage", dm))
    assert any(facts.RESTRICTED_FACT in c.text_dump() and c.params["user"] == OFFICER
               for c in rig.slack.of("chat.postEphemeral", RESTRICTED))
    check_payloads(rig.slack.calls)


def test_feedback_summary_hides_restricted_answers(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from bot.cli import app

    restricted = next(e for e in rig.audit.entries() if e.restricted_allowed and e.citations)
    public = next(e for e in rig.audit.entries() if e.channel == "C0PUBLIC" and e.citations)
    for e in (restricted, public):
        rig.audit.feedback(e.id, "U0CRITIC", -1)
        rig.audit.feedback_reason(e.id, "U0CRITIC", "A figure is wrong")
    monkeypatch.setenv("SCRUTINY_HOME", str(rig.settings.home))
    monkeypatch.setenv("DATABASE_URL", rig.settings.database_url)
    out = CliRunner().invoke(app, ["audit", "feedback"])
    assert out.exit_code == 0, out.output
    assert f"#{restricted.id}" in out.output and f"#{public.id}" in out.output
    assert "A figure is wrong" in out.output and "restricted access" in out.output
    for phrase in facts.RESTRICTED_PHRASES:
        assert phrase not in out.output
    assert "Exempt" not in out.output
    trusted = CliRunner().invoke(app, ["audit", "feedback", "--include-restricted"])
    assert any(s in trusted.output for s in restricted.sources)


def _no_fact_in_public(rig: Rig, channel: str) -> None:
    for call in rig.slack.calls:
        if call.method in ("chat.postMessage", "chat.update", "chat.startStream", "chat.appendStream",
                           "chat.stopStream") and call.params.get("channel") == channel:
            assert facts.RESTRICTED_FACT not in call.text_dump(), call.method


def _button(calls: list, action_id: str) -> str:
    for call in calls:
        for block in call.params.get("blocks") or []:
            for element in block.get("elements", []):
                if element.get("action_id") == action_id:
                    return element["value"]
    raise AssertionError(f"no {action_id} button")


def _press(rig: Rig, channel: str, user: str, action_id: str, value: str, ephemeral: bool = False) -> None:
    reply = rig.sender.interaction({"type": "block_actions", "user": {"id": user}, "channel": {"id": channel},
                                    "container": {"type": "message", "is_ephemeral": ephemeral},
                                    "message": {"ts": "1700000201.000400"},
                                    "actions": [{"action_id": action_id, "block_id": "b", "value": value,
                                                 "type": "button"}]})
    assert reply.status == 200
