"""Question understanding: indicator / area / period resolution accuracy on the natural-language set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.evaluation.report import Metric, Section
from bot.evaluation.sets import EVAL_DIR

if TYPE_CHECKING:
    from bot.evaluation.context import EvalContext

INDICATOR_SET = EVAL_DIR / "indicator_questions.yaml"
_SPAN = ("since", "last_n", "period")


def resolution_section(ctx: EvalContext) -> Section:
    """indicators.evaluation.evaluate_resolution over tests/eval/indicator_questions.yaml (real LGBF + Oflog)."""
    from indicators.evaluation import evaluate_resolution, load_items

    section = Section(name="question understanding")
    items, home = load_items(INDICATOR_SET)
    store = ctx.real_store()
    report = evaluate_resolution(store, items, home, embedder=ctx.embedder)

    def share(fields: tuple[str, ...]) -> float:
        good = sum(1 for r in report.results if not any(p.split(" ", 1)[0] in fields for p in r.problems))
        return good / report.total if report.total else 0.0

    section.metrics += [
        Metric(name="fully right (status, indicator, council, span, comparison)", value=report.accuracy,
               n=report.total, threshold=1.0),
        Metric(name="status (resolved / ambiguous / unknown / not an indicator)", value=share(("status",)),
               n=report.total),
        Metric(name="indicator", value=share(("indicator_id",)), n=report.total),
        Metric(name="council", value=share(("area_code",)), n=report.total),
        Metric(name="period or span", value=share(_SPAN), n=report.total),
    ]
    section.failures += [f"{r.question!r}: {'; '.join(r.problems)}" for r in report.failures]
    section.reason = f"{report.total} questions over ../shared/data (LGBF and Oflog), home council {home}"
    return section.finish()


def blind_section(ctx: EvalContext) -> Section:
    """The blind understanding set: each half asked through the assistant, accuracy overall and per intent family.

    The set was written without sight of the resolver (tests/eval/understanding_blind/README.md); `holdout` is
    never tuned on, so its figure is the one to quote."""
    from bot.evaluation.blind_understanding import blind_set_numbers, homes, score_blind

    section = Section(name="question understanding: blind set")
    assert ctx.shared is not None
    assistants = homes(ctx.work / "blind", ctx.shared, embedder=ctx.embedder)
    # The first blind set, then each later author's (tests/eval/understanding_blind5, 6, …), each with its own
    # held-out half.
    sets = blind_set_numbers()
    total = 0
    for half in ("dev", "holdout", *(f"blind{k}-{h}" for k in sets for h in ("dev", "holdout"))):
        score = score_blind(half, assistants)
        total += score.total
        section.metrics.append(Metric(name=f"{half}: read correctly (intent, indicators, councils, periods, "
                                           "comparison)", value=score.accuracy, n=score.total,
                                      threshold=0.97 if half.endswith("holdout") else None))
        for family, value in score.by_family.items():
            section.metrics.append(Metric(name=f"{half}: {family}", value=value, n=score.counts[family],
                                          threshold=0.95 if half.endswith("holdout") else None))
        section.metrics.append(Metric(name=f"{half}: stated figures equal to the set's pandas values",
                                      value=score.figures_ok, n=score.figures_checked))
        section.failures += [f"{half} {r.id}: {'; '.join(r.problems)}" for r in score.results if not r.ok]
    section.reason = (f"{total} questions over ../shared/data and the sample council by {len(sets) + 1} authors who "
                      "never saw the code; each set's holdout half is never tuned on")
    return section.finish()
