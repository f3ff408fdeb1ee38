"""Shared by the understanding tests: ask a thread of messages as one conversation and return the last reading."""

from __future__ import annotations

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import CallerContext


def read_thread(assistant: Assistant, home: str, *turns: str) -> tuple:
    """The last turn's reading: intent, indicators, areas, period from, period to, ranking size and order."""
    conversation, caller = Conversation(), CallerContext(area=home)
    for turn in turns:
        answer = assistant.ask(turn, caller, conversation=conversation)
    got = answer.to_contract()["understood"]
    return (got["intent"], got["indicators"], got["areas"], got["periods"]["from"], got["periods"]["to"], got["n"],
            got["order"])


def understood_after(assistant: Assistant, home: str, *turns: str) -> dict:
    """The last turn's `understood` reading, whole, after asking every turn in one conversation."""
    conversation, caller = Conversation(), CallerContext(area=home)
    for turn in turns:
        answer = assistant.ask(turn, caller, conversation=conversation)
    return answer.to_contract()["understood"]
