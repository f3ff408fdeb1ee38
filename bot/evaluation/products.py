"""Figures of challenge questions and briefing notes, on the sample pack and on the real data in ../shared/data.

Two checks per product, both must be 100%:
- every figure the answer carries equals the independent pandas recomputation (`bot.evaluation.figures`);
- every number its text states is one of those figures as the one formatter prints it (`bot.evaluation.stated`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.evaluation.context import EvalContext
from bot.evaluation.report import Metric, Section

if TYPE_CHECKING:
    from bot.evaluation.figures import FigureCheck
    from bot.evaluation.raw import RawData
    from bot.evaluation.stated import StatedCheck
    from bot.models import Answer

__all__ = ["REAL_TOPICS", "briefing_section", "challenge_figures_section", "product_section", "real_cases"]

# Real-data topics by dataset: the service families councillors ask about.
REAL_TOPICS = {"oflog-asc": ["adult social care"],
               "lgbf": ["waste and recycling", "roads", "council tax collection", "libraries and leisure"]}
# Councils per dataset (fast, full) and LGBF topics used (fast, full).
REAL_COUNCILS = (2, 4)
REAL_LGBF_TOPICS = (2, 4)


def real_cases(ctx: EvalContext) -> list[tuple[str, str]]:
    """(topic, council code) pairs on the real data: evenly spaced councils of each dataset, a few topics."""
    store = ctx.real_store()
    per = REAL_COUNCILS[0] if ctx.fast else REAL_COUNCILS[1]
    cases: list[tuple[str, str]] = []
    for dataset, topics in REAL_TOPICS.items():
        infos = [i for i in store.indicators() if i.dataset == dataset]
        if not infos:
            continue
        codes = sorted(set(store.values(infos[0].indicator_id)["area_code"]))
        step = max(1, len(codes) // per)
        if dataset == "lgbf":
            topics = topics[: REAL_LGBF_TOPICS[0] if ctx.fast else REAL_LGBF_TOPICS[1]]
        cases += [(topic, code) for topic in topics for code in codes[::step][:per]]
    return cases


def _sources(answer: Answer, kb: Any) -> list[str]:
    """The full text of the documents the answer cites, so a quotation cut short is still recognised as one."""
    if kb is None:
        return []
    from bot.evaluation.citations import page_of

    documents = {d.path: d.doc_id for d in kb.documents()}
    texts = []
    for c in answer.citations:
        doc_id = documents.get(c.path)
        if doc_id is not None:
            try:
                texts.append(kb.source_text(doc_id, page_of(c.locator)))
            except Exception:  # noqa: BLE001, S112 - an unreadable source just masks nothing
                continue
    return texts


def product_section(name: str, items: list[tuple[Any, ...]], raw: dict[str, RawData], reason: str) -> Section:
    """The two checks over (answer, its texts as (where, text), the knowledge base it quoted from[, further texts
    it quotes verbatim - a briefing note quotes the indicators' published descriptions])."""
    from bot.evaluation.figures import check_figures
    from bot.evaluation.stated import check_stated

    section = Section(name=name, reason=reason)
    figure_checks: list[FigureCheck] = []
    stated: list[StatedCheck] = []
    for answer, texts, kb, *extra in items:
        figure_checks += check_figures(answer.figures, raw)
        sources = _sources(answer, kb) + [t for more in extra for t in more]
        for where, text in texts:
            stated += check_stated(where, text, answer.figures, answer.citations, sources)
    good = sum(1 for c in figure_checks if c.ok)
    labels = Counter(c.figure.label for c in figure_checks)
    section.metrics += [
        Metric(name="figures equal to the independent recomputation", threshold=1.0, required=True,
               value=good / len(figure_checks) if figure_checks else 0.0, n=len(figure_checks),
               note=f"{len(items)} answers, {len(labels)} kinds of figure"),
        Metric(name="numbers in the text printed from one of its figures", threshold=1.0, required=True,
               value=sum(c.ok for c in stated) / len(stated) if stated else 0.0, n=len(stated),
               note=f"{len(stated)} numbers stated in {sum(len(item[1]) for item in items)} texts"),
    ]
    section.failures += [c.describe() for c in figure_checks if not c.ok]
    section.failures += [c.describe() for c in stated if not c.ok]
    if not figure_checks:
        section.failures.append("no figures were produced, so agreement cannot be shown")
    if not stated:
        section.failures.append("no numbers were stated, so their spelling cannot be shown")
    section.details["labels"] = dict(labels)
    return section.finish()


def _sample_raw() -> dict[str, RawData]:
    from bot.demo import PACK_DATA
    from bot.evaluation.raw import load_tidy

    return {"northbridge-sample": load_tidy("northbridge-sample", PACK_DATA / "indicators.csv",
                                            PACK_DATA / "indicator_meta.csv", PACK_DATA / "nearest_neighbours.csv")}


def _raw(ctx: EvalContext) -> dict[str, RawData]:
    raw = _sample_raw()
    if ctx.shared is not None:
        raw.update(ctx.real_raw())
    return raw


def challenge_figures_section(ctx: EvalContext, topics: list[str]) -> Section:
    """Challenge questions on the sample council (`topics`) and on real councils: figures and stated numbers."""
    from bot.evaluation.stated import question_texts
    from bot.models import CallerContext

    caller = CallerContext(channel="eval", user="eval")
    items: list[tuple[Answer, list[tuple[str, str]], Any]] = []
    for topic in topics:
        answer = ctx.challenge_answers.get(topic) or ctx.sample.questions(topic, caller)
        ctx.challenge_answers[topic] = answer
        items.append((answer, question_texts(answer), ctx.sample.kb))
    reason = f"{len(topics)} sample-pack topics"
    if ctx.shared is not None:
        assistant = ctx.real_assistant()
        cases = real_cases(ctx)
        for topic, code in cases:
            answer = assistant.questions(topic, CallerContext(area=code), area=code)
            items.append((answer, question_texts(answer), None))
        reason += f"; {len(cases)} topic x council cases on ../shared/data (Oflog and LGBF)"
    else:
        reason += "; ../shared/data not found, real data not covered"
    return product_section("figures: challenge questions", items, _raw(ctx), reason)


def _note(assistant: Any, topic: str, caller: Any, folder: Path, area: str | None = None) -> tuple[Answer, str]:
    out = folder / f"{re.sub(r'[^A-Za-z0-9]+', '-', topic)}-{area or 'home'}.md"
    answer = assistant.brief(topic, caller, out, area=area)
    return answer, out.read_text(encoding="utf-8")


def _descriptions(assistant: Any, answer: Answer) -> list[str]:
    """The published descriptions of the indicators a note reports ("About these measures" quotes them)."""
    out = []
    for indicator_id in dict.fromkeys(f.indicator_id for f in answer.figures):
        try:
            out.append(" ".join(assistant.store.indicator(indicator_id).description.split()))
        except Exception:  # noqa: BLE001, S112 - an indicator the store no longer holds has no description
            continue
    return out


def briefing_section(ctx: EvalContext, topics: list[str]) -> Section:
    """Briefing notes (Markdown) on the sample council and on real councils: figures and every number stated."""
    from bot.briefing import load_note_template
    from bot.evaluation.stated import note_text
    from bot.models import CallerContext

    heading = load_note_template()["headings"]["sources"]
    caller = CallerContext(channel="eval", user="eval")
    folder = ctx.work / "notes"
    items: list[tuple[Any, ...]] = []
    for topic in topics:
        answer, text = _note(ctx.sample, topic, caller, folder)
        ctx.answers.append(answer)  # its citations are checked for validity with the rest
        items.append((answer, [(f"briefing on {topic}", note_text(text, heading))], ctx.sample.kb,
                      _descriptions(ctx.sample, answer)))
    reason = f"{len(topics)} sample-pack notes"
    if ctx.shared is not None:
        assistant = ctx.real_assistant()
        cases = real_cases(ctx)
        for topic, code in cases:
            answer, text = _note(assistant, topic, CallerContext(area=code), folder, area=code)
            items.append((answer, [(f"briefing on {topic} for {code}", note_text(text, heading))], None,
                          _descriptions(assistant, answer)))
        reason += f"; {len(cases)} topic x council notes on ../shared/data (Oflog and LGBF)"
    else:
        reason += "; ../shared/data not found, real data not covered"
    return product_section("figures: briefing notes", items, _raw(ctx), reason)
