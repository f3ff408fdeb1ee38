"""Issue 16: `scrutiny eval` checks the change needed per year to reach a dated target on the sample council.

The sample pack's metadata declares two of the Council Plan's dated targets as Northbridge's own (recycling to 50%
by 2026-27, temporary accommodation back to 1.5 per 1,000 households by 2026-27); the eval recomputes the change
needed per year from the raw files and checks that the answers state it. A comparator is not held to Northbridge's
target."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.evaluation.figures import check_figures, load_tidy
from bot.evaluation.runner import CHANGE_NEEDED, NEIGHBOURS_IMPROVED, figure_section, run, sample_raw
from bot.models import CallerContext
from bot.sample_pack import DATA_DIR, DOCUMENTS_DIR
from indicators.analysis import analyse
from indicators.charts import trend_figure
from indicators.errors import ImportValidationError
from indicators.store import IndicatorStore

HOME, EASTMERE = "E07999001", "E07999002"
RECYCLING, TA = "household_recycling_rate", "temporary_accommodation_per_1000"
CALLER = CallerContext(channel="eval", user="eval")


def _metric(section, what: str):  # noqa: ANN001, ANN202 - a report Section and its Metric
    return next(m for m in section.metrics if m.name.startswith(what))


def test_the_sample_packs_dated_targets_are_the_council_plans() -> None:
    with (DATA_DIR / "indicator_meta.csv").open(encoding="utf-8", newline="") as handle:
        dated = {r["indicator_id"]: (r["target_value"], r["target_period"], r["target_area_code"])
                 for r in csv.DictReader(handle) if r["target_value"]}
    assert dated == {RECYCLING: ("50.0", "2026-27", HOME), TA: ("1.50", "2026-27", HOME)}
    plan = " ".join(" ".join(p.extract_text() or "" for p in
                             PdfReader(DOCUMENTS_DIR / "northbridge-council-plan-2024-2028.pdf").pages).split())
    assert "Raise household recycling to 50% by 2026-27" in plan
    assert "Bring households in temporary accommodation back to 1.5 per 1,000 households by 2026-27" in plan


def test_the_eval_reports_the_change_needed_per_year_checked_and_equal(tmp_path: Path, shared_embedder) -> None:
    report = run(fast=True, out=tmp_path / "out", embedder=shared_embedder, only={"figures: sample pack"})
    (section,) = [s for s in report.sections if s.name == "figures: sample pack"]
    assert section.status == "ok", section.failures[:5]
    needed = _metric(section, "change needed per year to reach a dated target")
    # The recycling and temporary accommodation questions, asked and as trends: four answers, one figure each.
    assert (needed.value, needed.n, needed.required, needed.threshold) == (1.0, 4, True, 1.0)
    neighbours = _metric(section, "neighbours improved")
    assert neighbours.value == 1.0 and neighbours.n >= 10
    assert section.details["labels"]["change needed per year to reach target"] == 4
    assert "change needed per year to reach a dated target: stated" in (tmp_path / "out" / "report.md").read_text()


def test_the_sample_home_states_the_change_needed_per_year(sample_assistant) -> None:
    recycling = sample_assistant.ask("How has our household recycling rate changed since 2019?", CALLER)
    assert ("To reach its target of 50.0% by 2026-27 it needs a rise of 3.5 percentage points a year from 39.5% in "
            "2023-24") in recycling.answer
    ta = sample_assistant.trend(TA, CALLER)
    assert ("To reach its target of 1.5 per 1,000 households by 2026-27 it needs a fall of 0.203 per 1,000 "
            "households a year from 2.11 per 1,000 households in 2023-24") in ta.answer
    (fig,) = [f for f in ta.figures if f.label == "change needed per year to reach target"]
    assert fig.value == pytest.approx((1.5 - 2.11) / 3)


def test_a_wrong_change_needed_per_year_is_caught(sample_assistant) -> None:
    answer = sample_assistant.trend(RECYCLING, CALLER)
    raw = sample_raw()
    assert _metric(figure_section("s", [answer], raw, cover=(CHANGE_NEEDED,)), "change needed").value == 1.0
    # A figure off by a little: the recomputation disagrees.
    figures = [f.model_copy(update={"value": f.value + 0.01}) if f.label.startswith("change needed") else f
               for f in answer.figures]
    wrong = figure_section("s", [answer.model_copy(update={"figures": figures})], raw, cover=(CHANGE_NEEDED,))
    assert wrong.status == "failed" and _metric(wrong, "change needed").value == 0.0
    # The right figure, but the text states another number: the stated check catches it.
    text = answer.answer.replace("a rise of 3.5 percentage points a year", "a rise of 3.4 percentage points a year")
    assert text != answer.answer
    restated = figure_section("s", [answer.model_copy(update={"answer": text})], raw, cover=(CHANGE_NEEDED,))
    assert restated.status == "failed" and _metric(restated, "change needed").value == 0.0
    assert any("does not state it as recomputed" in f for f in restated.failures)
    # No answer stating one at all is a failure, not 100% of nothing.
    (council_tax,) = [sample_assistant.trend("council_tax_collection", CALLER)]
    none = figure_section("s", [council_tax], raw, cover=(NEIGHBOURS_IMPROVED, CHANGE_NEEDED))
    assert none.status == "failed" and _metric(none, "change needed").n == 0


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("dated-home"))
    s.import_file(DATA_DIR / "indicators.csv", fmt="tidy", meta=DATA_DIR / "indicator_meta.csv",
                  groups=DATA_DIR / "nearest_neighbours.csv", dataset="northbridge-sample")
    return s


def test_a_comparator_is_not_held_to_the_home_councils_target(store: IndicatorStore) -> None:
    home, other = analyse(store, RECYCLING, HOME), analyse(store, RECYCLING, EASTMERE)
    assert home.target_path is not None and other.target_path is None
    assert not any("target" in s for s in other.sentences)
    labels = [[line.get_label() for line in trend_figure(a, store).axes[0].get_lines()] for a in (home, other)]
    assert "target for 2026-27" in labels[0] and "target for 2026-27" not in labels[1]
    # The eval's recomputation refuses the figure for another council too.
    needed = next(f for f in home.figures if f.label == "change needed per year to reach target")
    raw = {"northbridge-sample": load_tidy("northbridge-sample", DATA_DIR / "indicators.csv",
                                           DATA_DIR / "indicator_meta.csv", DATA_DIR / "nearest_neighbours.csv")}
    moved = needed.model_copy(update={"area_code": EASTMERE})
    right, wrong = check_figures([home.latest, needed, other.latest, moved], raw)[1::2]
    assert right.ok and not wrong.ok and "Northbridge" not in wrong.reason and HOME in wrong.reason


def test_target_area_code_is_checked_on_import(tmp_path: Path) -> None:
    shutil.copy(DATA_DIR / "indicators.csv", tmp_path / "values.csv")
    (tmp_path / "meta.csv").write_text(f"indicator_id,target_value,target_period,target_area_code\n"
                                       f"{RECYCLING},50,2026-27,E09999999\n")
    with pytest.raises(ImportValidationError, match=re.escape("'E09999999' is not an area in the data")):
        IndicatorStore(tmp_path / "home").import_file(tmp_path / "values.csv", meta=tmp_path / "meta.csv")
    # Named on a row without a dated target (a council marking every row as its own), it changes nothing.
    (tmp_path / "meta.csv").write_text(f"indicator_id,target_area_code\n{RECYCLING},{HOME}\n")
    store = IndicatorStore(tmp_path / "home2")
    store.import_file(tmp_path / "values.csv", meta=tmp_path / "meta.csv")
    assert analyse(store, RECYCLING, HOME).target_path is None
