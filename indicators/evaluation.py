"""Accuracy of question resolution on a labelled set (tests/eval/indicator_questions.yaml; `scrutiny eval`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from indicators.errors import IndicatorError

if TYPE_CHECKING:
    from indicators.query import QueryEmbedder
    from indicators.store import IndicatorStore


class EvalItem(BaseModel):
    """One labelled question: what it must resolve to (unset fields are not checked, except the span)."""

    question: str
    status: Literal["resolved", "ambiguous", "unknown", "not_indicator"] = "resolved"
    indicator_id: str | None = None
    area_code: str | None = None
    since: str | None = None
    last_n: int | None = None
    period: str | None = None
    comparison: Literal["neighbours", "national", "none"] | None = None
    frequency: Literal["annual", "quarterly", "monthly"] | None = None  # checked only when set
    home_area: str | None = None


class EvalResult(BaseModel):
    """How one question resolved."""

    question: str
    ok: bool
    problems: list[str] = Field(default_factory=list)
    got: dict[str, Any] = Field(default_factory=dict)


class EvalReport(BaseModel):
    """Accuracy over the set, with the failures spelled out."""

    total: int
    correct: int
    accuracy: float
    results: list[EvalResult]

    @property
    def failures(self) -> list[EvalResult]:
        """Results that did not match."""
        return [r for r in self.results if not r.ok]


def load_items(path: Path) -> tuple[list[EvalItem], str | None]:
    """Items and the default home area from a YAML eval file."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise IndicatorError(f"cannot read eval set {path}: {exc}".splitlines()[0]) from exc
    items = [EvalItem(**i) for i in data.get("items", [])]
    return items, data.get("home_area")


def evaluate_resolution(store: IndicatorStore, items: list[EvalItem], home_area: str | None,
                        embedder: QueryEmbedder | None = None) -> EvalReport:
    """Resolve each question and compare with its label; accuracy = share fully right."""
    from indicators.query import resolve

    results = []
    for item in items:
        res = resolve(store, item.question, item.home_area or home_area, embedder=embedder)
        problems = []
        if res.status != item.status:
            problems.append(f"status {res.status!r} != {item.status!r} ({res.message})")
        if item.status == "resolved":
            for name in ("indicator_id", "area_code", "since", "last_n", "period"):
                want, got = getattr(item, name), getattr(res, name)
                if want != got:
                    problems.append(f"{name} {got!r} != {want!r}")
            if item.comparison is not None and res.comparison != item.comparison:
                problems.append(f"comparison {res.comparison!r} != {item.comparison!r}")
            if item.frequency is not None and res.frequency != item.frequency:
                problems.append(f"frequency {res.frequency!r} != {item.frequency!r}")
        elif item.status == "ambiguous" and item.area_code is not None and res.area_code != item.area_code:
            problems.append(f"area_code {res.area_code!r} != {item.area_code!r}")
        got = res.model_dump(include={"status", "indicator_id", "area_code", "since", "last_n", "period",
                                      "comparison", "frequency", "score"})
        got["candidates"] = [c.indicator_id for c in res.candidates[:5]]
        results.append(EvalResult(question=item.question, ok=not problems, problems=problems, got=got))
    correct = sum(r.ok for r in results)
    return EvalReport(total=len(results), correct=correct, accuracy=correct / len(results) if results else 0.0,
                      results=results)
