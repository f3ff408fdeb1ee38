"""With an LLM configured, the understand stage may ask it for the same typed reading the rules produce.

The model's reading is only a proposal: every indicator code, council code and period is checked against the store,
and anything unknown rejects the whole proposal, so the rule-based reading stands (a model cannot make the
assistant answer about an indicator or council it does not hold)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, ValidationError

if TYPE_CHECKING:
    from bot.llm import ChatModel
    from indicators.models import Resolution
    from indicators.store import IndicatorStore

__all__ = ["ModelReading", "propose", "validated"]

log = logging.getLogger(__name__)
_GROUPS = ("england", "scotland", "neighbours")
MAX_LISTED = 400  # indicators and councils listed in the prompt (the LGBF and Oflog sets together hold ~270)


class ModelReading(BaseModel):
    """The reading a model proposes, in the shape of the `understood` contract."""

    intent: Literal["value", "trend", "compare", "rank", "overview", "target"]
    indicators: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)
    period_from: str | None = None
    period_to: str | None = None
    n: int | None = None
    order: Literal["best", "worst", "highest", "lowest"] | None = None


def propose(llm: ChatModel, store: IndicatorStore, question: str, home: str | None) -> ModelReading | None:
    """Ask the model for a reading: langchain structured output where the model supports it, else JSON text
    parsed into the pydantic model. Any failure means no proposal."""
    from langchain_core.output_parsers import PydanticOutputParser

    from bot.llm import invoke_text, prompt_text
    from prompts.errors import ScrutinyError

    parser = PydanticOutputParser(pydantic_object=ModelReading)
    indicators = "\n".join(f"{i.indicator_id}: {i.name}" for i in store.indicators()[:MAX_LISTED])
    councils = "\n".join(f"{code}: {name}" for code, name in list(store.areas().items())[:MAX_LISTED])
    prompt = prompt_text("understand_question.md").format(
        indicators=indicators, councils=councils, question=question, home=home or "the home council",
        format_instructions=parser.get_format_instructions())
    try:
        structured = llm.with_structured_output(ModelReading)  # type: ignore[attr-defined]
        reply = structured.invoke(prompt)
        return reply if isinstance(reply, ModelReading) else ModelReading.model_validate(reply)
    except (AttributeError, NotImplementedError, TypeError):
        pass  # the model has no structured output: ask for the JSON instead
    except (ValidationError, ValueError) as exc:
        log.warning("the model's reading did not fit the contract: %s", str(exc).splitlines()[0])
        return None
    try:
        return parser.parse(invoke_text(llm, prompt))
    except (ScrutinyError, ValueError) as exc:
        log.warning("no usable reading from the model: %s", str(exc).splitlines()[0])
        return None


def validated(proposal: ModelReading, store: IndicatorStore, rules: Resolution) -> Resolution | None:
    """The rule-based resolution with the model's pieces, or None when any piece is not in the store."""
    from indicators.periods import parse_period

    known = {i.indicator_id for i in store.indicators()}
    areas = store.areas()
    if not proposal.indicators or any(i not in known for i in proposal.indicators):
        log.warning("model reading rejected: indicator %s not held", proposal.indicators)
        return None
    if any(a not in areas and a not in _GROUPS for a in proposal.areas):
        log.warning("model reading rejected: council %s not held", proposal.areas)
        return None
    held = set(store.values(proposal.indicators[0])["period"].astype(str))
    for period in (proposal.period_from, proposal.period_to):
        if period is None:
            continue
        try:
            parse_period(period)
        except ValueError:
            log.warning("model reading rejected: %r is not a period", period)
            return None
        if period not in held:
            log.warning("model reading rejected: %s not held for %s", period, proposal.indicators[0])
            return None
    councils = [a for a in proposal.areas if a in areas]
    update: dict[str, object] = {"indicator_id": proposal.indicators[0], "intent": proposal.intent,
                                 "status": "resolved", "areas": list(proposal.areas)}
    if councils:
        update["area_code"] = councils[0]
    if proposal.period_to is not None:
        update.update(period=proposal.period_to, period_to=proposal.period_to)
    if proposal.period_from is not None:
        update.update(since=proposal.period_from, period_from=proposal.period_from)
    if proposal.intent == "rank":
        update.update(rank_n=proposal.n or rules.rank_n or 5, rank_order=proposal.order or rules.rank_order or "best",
                      scope="neighbours" if "neighbours" in proposal.areas else "national", comparison_asked=True)
    if proposal.intent == "overview":
        update.update(service_indicators=list(proposal.indicators))
    return rules.model_copy(update=update)
