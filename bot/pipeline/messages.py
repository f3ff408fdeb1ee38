"""Every sentence the answer pipeline itself says (indicator sentences live in `indicators/wording.py`, question and
note text in `prompts/`). Change the wording of an answer's frame here; `{names}` are filled by `compose`."""

from __future__ import annotations

__all__ = ["MESSAGES", "message"]

MESSAGES: dict[str, str] = {
    "scope": (
        "I can help with council performance and scrutiny: indicator trends and comparisons, what the council "
        "plan, performance reports, peer challenge and minutes say, challenge questions for a meeting, and "
        "pre-scrutiny briefing notes. Try: \u201cHow has our recycling rate changed since 2019?\u201d, \u201cWhat "
        "did the peer challenge recommend?\u201d or \u201cquestions on waste and recycling\u201d."
    ),
    "reword": (
        "If you expected the documents to cover this, ask again in their own terms (name the programme, measure "
        "or body): my search matches wording more reliably than meaning."
    ),
    "reading": "Reading this as: {what}.",
    "documents_lead": "The documents say:",
    "documents_lead_after_figures": "What the documents say:",
    "ambiguous": "That could mean several indicators.",
    "unmatched": "I couldn't match that to an indicator I hold.",
    "closest": "{lead} Closest indicators: {names}.",
    "dont_know": (
        "I don't know: nothing I hold answers that reliably, and I won't guess. I hold {documents} documents and "
        "these datasets: {datasets}. {reword}{scope}"
    ),
    "no_datasets": "no indicator datasets",
    "held_instead": "I hold {datasets}.",
    "no_reasons_indexed": (
        "The data shows what changed, not why, and I hold no documents that could explain {topic}. Index the "
        "council's performance reports and plans (`scrutiny ingest PATH`) to ask why; meanwhile, ask the service "
        "at committee what lies behind the figures."
    ),
    "no_reasons_found": (
        "The data shows what changed, not why, and none of the documents I hold explains {topic}. That is itself "
        "a question for the service at committee: what lies behind the figures?"
    ),
    "empty_question": "the question is empty",
    "welcome": "You're welcome. Ask me another question whenever you like.",
    "no_council": "no council chosen: pass --area CODE or set SCRUTINY_AREA",
    "unknown_council": "unknown council {wanted!r}; closest: {closest}",
    "home_not_held": "Your council ({why}) is not one I hold data for, so I cannot answer for \"we\" or \"our\"; "
                     "name a council I hold.",
    "side_by_side": "In {period}, {home} had {home_value} and {other} {other_value}",
    "other_better": ": {other} did better.",
    "home_better": ": {home} did better.",
    "not_comparable": ".",
    "same": ": the same.",
    "several_side_by_side": "Side by side in {period}: {listed}.",
    "best_is": "{who} does best.",
    "best_tied": "{who} are tied best.",
    "no_direction": "No direction of good performance is stated for this indicator, so none is called better.",
    "no_data_for": "I don't know: {reason}.",
    "left_out": "Left out: {reason}.",
    "no_meetings": "No committee papers are synced yet: run `scrutiny sync moderngov URL` (README: Connect to your "
                   "committee papers), then ask again.",
    "no_such_meeting": "I can't find that meeting among the synced committee papers; name the day or the committee "
                       "(e.g. \u201cPrepare me for Thursday's scrutiny committee\u201d).",
    "no_indicator_data": "no indicator data: run `scrutiny indicators import PATH` first",
}


def message(key: str, **values: object) -> str:
    """The message `key` with its `{names}` filled."""
    return MESSAGES[key].format(**values)
