"""The eval checks challenge questions and briefing notes: their figures against the independent recomputation, and
every number their text states against those figures as the one formatter prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation.figures import check_figures, load_tidy
from bot.evaluation.stated import check_stated, note_text, question_texts, spellings
from bot.models import Citation
from indicators.models import Figure
from knowledge.models import AccessContext

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"
HOME = "E07999001"


def _figure(value: float, unit: str, label: str = "latest value", name: str = "Residents satisfied") -> Figure:
    return Figure(indicator_id="X", indicator_name=name, area_code="A1", area_name="Alpha", period="2023-24",
                  value=value, unit=unit, label=label, dataset="d")


def test_a_number_must_be_the_formatters_spelling_of_a_figure() -> None:
    figures = [_figure(45.234, "%"), _figure(75.8, "\u00a3"), _figure(16.0, "councils", "comparators")]
    assert {"45.2%", "\u00a375.80", "16"} <= spellings(figures)
    checks = check_stated("t", "It was 45.2% (rank 16 of 16); cost \u00a375.80, not 45.23% or \u00a375.8 or 46%.",
                          figures, [])
    assert [(c.text, c.ok) for c in checks] == [("45.2%", True), ("16", True), ("16", True), ("\u00a375.80", True),
                                                ("45.23%", False), ("\u00a375.8", False), ("46%", False)]


def test_quotations_names_and_labels_are_not_claims() -> None:
    quote = Citation(id=1, source="Peer challenge report", path="p.pdf", locator="p. 7",
                     quote="Recommendation 4: raise recycling to 50% by 2026-27 and cut costs by 3%.")
    figures = [_figure(39.5, "%", name="Households per 1,000 (no.)")]
    text = ("The peer challenge recommended: \"raise recycling to 50% by 2026-27 and cut\u2026\" "
            "(Recommendation 4, p. 7); Households per 1,000 was 39.5% in Family Group 3. Said \u201cup 12%\u201d.")
    checks = check_stated("t", text, figures, [quote])
    # Only the figure and the unquoted-elsewhere "12%" (in quotation marks but in no source) are read.
    assert [(c.text, c.ok) for c in checks] == [("39.5%", True), ("12%", False)]


def test_note_text_leaves_out_sources_images_and_numbering() -> None:
    markdown = ("# Title\n\n## 1. Purpose\n\n1. **A question?** [2]\n\n![Figure 1: x (source [3])](c/a_100k.png)\n\n"
                "## 7. Sources\n\n[1] data: 46.1\n")
    assert [c.text for c in check_stated("n", note_text(markdown, "7. Sources"), [], [])] == []


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("eval-products"))
    store.import_file(PACK / "indicators.csv", fmt="tidy", meta=PACK / "indicator_meta.csv",
                      groups=PACK / "nearest_neighbours.csv", dataset="northbridge-sample")
    return store


@pytest.fixture(scope="module")
def raw():
    return {"northbridge-sample": load_tidy("northbridge-sample", PACK / "indicators.csv",
                                            PACK / "indicator_meta.csv", PACK / "nearest_neighbours.csv")}


@pytest.mark.parametrize("topic", ["waste and recycling", "performance overview", "sickness absence and staff"])
def test_challenge_questions_figures_and_numbers_agree(store, raw, topic: str) -> None:
    from bot.challenge import draft_questions

    answer = draft_questions(topic, store, None, AccessContext(), HOME)
    checks = check_figures(answer.figures, raw)
    assert checks and [c.describe() for c in checks if not c.ok] == []
    stated = [c for where, text in question_texts(answer) for c in check_stated(where, text, answer.figures,
                                                                               answer.citations)]
    assert stated and [c.describe() for c in stated if not c.ok] == []
    if topic == "waste and recycling":
        assert "value at start of the run" in {c.figure.label for c in checks}


def test_a_run_start_in_the_wrong_period_or_a_reworded_number_is_caught(store, raw) -> None:
    from bot.challenge import draft_questions

    answer = draft_questions("waste and recycling", store, None, AccessContext(), HOME)
    start = next(f for f in answer.figures if f.label == "value at start of the run")
    moved = start.model_copy(update={"period": "2019-20"})
    (check,) = check_figures([moved], raw)
    assert not check.ok and "the run starts in" in check.reason
    question = next(q for q in answer.questions if "39.5%" in q.text)
    (bad,) = [c for c in check_stated("q", question.text.replace("39.5%", "39.50%"), answer.figures,
                                      answer.citations) if not c.ok]
    assert bad.text == "39.50%"


def test_a_briefing_note_states_only_its_figures(store, raw, tmp_path: Path) -> None:
    from bot.briefing import load_note_template, write_briefing

    out = tmp_path / "waste.md"
    answer = write_briefing("waste and recycling", store, None, AccessContext(), HOME, out, max_charts=1)
    checks = check_figures(answer.figures, raw)
    assert [c.describe() for c in checks if not c.ok] == []
    labels = {c.figure.label for c in checks}
    assert {"latest value", "target", "comparator median", "rank", "comparators"} <= labels
    text = note_text(out.read_text(encoding="utf-8"), load_note_template()["headings"]["sources"])
    stated = check_stated("note", text, answer.figures, answer.citations)
    assert len(stated) > 20 and [c.describe() for c in stated if not c.ok] == []
