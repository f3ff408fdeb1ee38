"""One number, one spelling: a figure prints the same in the text answer, the JSON contract, Slack's Block Kit and
the DOCX briefing table, and that spelling is indicators.formatting.format_value's."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from bot.models import Answer
from indicators.formatting import format_value
from indicators.store import IndicatorStore

HEADER = "indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity\n"
ROWS = (
    "RATE,Residents satisfied with parks,A1,Alpha,2021-22,44.1,%,higher_is_better\n"
    "RATE,Residents satisfied with parks,A1,Alpha,2022-23,45.234,%,higher_is_better\n"
    "COST,Cost of parks per resident,A1,Alpha,2021-22,74.1,\u00a3,lower_is_better\n"
    "COST,Cost of parks per resident,A1,Alpha,2022-23,75.8,\u00a3,lower_is_better\n"
)
# (indicator, latest value, unit, every way that number could be spelled)
FIGURES = [
    ("RATE", 45.234, "%", re.compile(r"45(?:\.\d+)?\s?(?:%|per ?cent)")),
    ("COST", 75.8, "\u00a3", re.compile(r"\u00a3\s?75(?:\.\d+)?")),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    folder = tmp_path_factory.mktemp("one-spelling")
    csv = folder / "parks.csv"
    csv.write_text(HEADER + ROWS, encoding="utf-8")
    store = IndicatorStore(folder / "home")
    store.import_file(csv, dataset="parks")
    return store


def _answer(store: IndicatorStore, indicator: str) -> Answer:
    from bot.compose import indicator_answer
    from indicators.analysis import analyse

    analysis = analyse(store, indicator, "A1", comparison="none")
    text, citation = indicator_answer(analysis, citation_id=1)
    return Answer(question=f"How is {indicator}?", kind="indicator", answer=text, citations=[citation],
                  figures=list(analysis.figures))


def _text_rendering(answer: Answer) -> str:
    from rich.console import Console

    from bot.render_text import render_answer

    console = Console(record=True, width=400, highlight=False)
    render_answer(answer, console)
    return console.export_text()


def _block_kit(answer: Answer) -> str:
    from bot.slack import blocks as kit

    return json.dumps([m.blocks for m in kit.answer_messages(answer, request_id=1)], ensure_ascii=False)


def _docx_table(store: IndicatorStore, out: Path) -> str:
    from docx import Document

    from bot.briefing import write_briefing
    from knowledge.models import AccessContext

    write_briefing("parks", store, None, AccessContext(allow_restricted=False), "A1", out,
                   indicators=["RATE", "COST"])
    document = Document(io.BytesIO(out.read_bytes()))
    return "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)


@pytest.mark.parametrize(("indicator", "value", "unit", "spellings"), FIGURES, ids=[f[0] for f in FIGURES])
def test_a_figure_has_one_spelling_everywhere(store: IndicatorStore, tmp_path: Path, indicator: str, value: float,
                                              unit: str, spellings: re.Pattern[str]) -> None:
    expected = format_value(value, unit)
    answer = _answer(store, indicator)
    assert any(f.value == value and f.unit == unit for f in answer.figures)
    contract = answer.to_contract()
    assert value in [f["value"] for f in contract["figures"]]  # JSON keeps the exact value; only text is rounded
    renderings = {
        "Answer.answer": answer.answer,
        "text renderer": _text_rendering(answer),
        "JSON contract": json.dumps(contract, ensure_ascii=False),
        "Block Kit": _block_kit(answer),
        "DOCX briefing table": _docx_table(store, tmp_path / "parks.docx"),
    }
    found = {name: sorted(set(spellings.findall(text))) for name, text in renderings.items()}
    assert found == {name: [expected] for name in renderings}, found
