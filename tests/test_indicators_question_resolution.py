"""Plain-English indicator questions resolve to the right indicator, council and span (labelled set, 100%)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.evaluation import evaluate_resolution, load_items
from indicators.query import resolve
from indicators.store import IndicatorStore

EVAL = Path(__file__).resolve().parent / "eval" / "indicator_questions.yaml"


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("nl") / "home")
    s.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    s.import_file(shared_dir / "data" / "oflog_asc" / "asc_data.csv", fmt="oflog")
    return s


def test_eval_set_is_big_enough_and_covers_both_datasets() -> None:
    items, home = load_items(EVAL)
    assert len(items) >= 30 and home
    ids = {i.indicator_id for i in items if i.indicator_id}
    assert any(i.startswith("ASC") for i in ids) and any(i.startswith("ENV") for i in ids)


@pytest.mark.shared
def test_labelled_questions_resolve_without_embedder(store: IndicatorStore) -> None:
    items, home = load_items(EVAL)
    report = evaluate_resolution(store, items, home)
    assert report.failures == [] and report.accuracy == 1.0


@pytest.mark.shared
@pytest.mark.slow
def test_labelled_questions_resolve_with_the_embedding_model(store: IndicatorStore) -> None:
    from knowledge.embedder import Embedder

    items, home = load_items(EVAL)
    report = evaluate_resolution(store, items, home, embedder=Embedder())
    assert report.failures == [] and report.accuracy == 1.0


@pytest.mark.shared
def test_ambiguous_and_unknown_answers_list_candidates(store: IndicatorStore) -> None:
    amb = resolve(store, "sickness absence days in Fife", None)
    assert amb.status == "ambiguous"
    assert {c.indicator_id for c in amb.candidates} >= {"CORP06a", "CORP06b"}
    assert "CORP06a" in amb.message and "CORP06b" in amb.message
    unknown = resolve(store, "How has our parking fine income changed since 2019?", "S-fife")
    assert unknown.status == "unknown" and len(unknown.candidates) == 5
    not_ind = resolve(store, "What did the peer challenge recommend?", "S-fife")
    assert not_ind.status == "not_indicator"


@pytest.mark.shared
def test_home_council_and_named_council(store: IndicatorStore) -> None:
    ours = resolve(store, "How has our recycling rate changed?", "S-highland")
    assert ours.area_code == "S-highland"
    named = resolve(store, "recycling rate in the City of Edinburgh", "S-highland")
    assert named.area_code == "S-edinburgh-city"
    # Oflog indicators are only held for English councils: a Scottish home council does not pull them.
    english = resolve(store, "staff turnover in adult social care for E06000005", "S-fife")
    assert (english.indicator_id, english.area_code) == ("ASC7", "E06000005")
