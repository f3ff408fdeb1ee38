"""On the real Oflog adult social care data, a council whose measure fell sharply gets a question on that fall."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.challenge import draft_questions
from bot.guard import check_answer
from knowledge.models import AccessContext

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def oflog_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("oflog-home"))
    data = shared_dir / "data" / "oflog_asc"
    store.import_file(data / "asc_data.csv", fmt="oflog", groups=data / "nearest_neighbours.json")
    return store


def _sharpest_fall(shared_dir: Path) -> dict:
    """Independently, with pandas: the biggest relative fall between a council's last two years (higher=better)."""
    import pandas as pd

    df = pd.read_csv(shared_dir / "data" / "oflog_asc" / "asc_data.csv")
    df = df[df["rank_order"].astype(str).str.lower() == "desc"].dropna(subset=["Value"])
    best: dict | None = None
    for (code, area), rows in df.groupby(["Code", "Local authority code"]):
        rows = rows.sort_values("Financial year")
        if len(rows) < 2 or rows["Value"].iloc[-2] == 0:
            continue
        before, after = rows.iloc[-2], rows.iloc[-1]
        fall = (before["Value"] - after["Value"]) / abs(before["Value"])
        if best is None or fall > best["fall"]:
            best = {"code": code, "area": area, "fall": fall, "p0": before["Financial year"],
                    "v0": float(before["Value"]), "p1": after["Financial year"], "v1": float(after["Value"])}
    assert best is not None and best["fall"] > 0.2
    return best


def test_a_sharp_fall_is_raised_citing_the_right_figures(oflog_store, shared_dir: Path) -> None:
    fall = _sharpest_fall(shared_dir)
    info = oflog_store.indicator(fall["code"])
    answer = draft_questions(info.name, oflog_store, None, AccessContext(), fall["area"], indicators=[fall["code"]])
    data_ids = {c.id for c in answer.citations if c.locator.startswith(f"{fall['code']},")}
    assert data_ids
    about_fall = [q for q in answer.questions
                  if set(q.evidence) & data_ids and fall["p0"] in q.text and fall["p1"] in q.text
                  and ("fell" in q.text or "worsened" in q.text)]
    assert about_fall, [q.text for q in answer.questions]
    stated = {(f.indicator_id, f.area_code, f.period, round(f.value, 6)) for f in answer.figures}
    assert (fall["code"], fall["area"], fall["p0"], round(fall["v0"], 6)) in stated
    assert (fall["code"], fall["area"], fall["p1"], round(fall["v1"], 6)) in stated
    # The numbers in the question are those figures, formatted.
    result = check_answer(about_fall[0].text, [f for f in answer.figures if f.period in (fall["p0"], fall["p1"])],
                          {c.id for c in answer.citations})
    assert result.ok, result.problems
    # One indicator and no documents support fewer distinct questions than a whole service; none is padding.
    assert len(answer.questions) >= 5


def test_the_service_topic_alone_finds_the_fall(oflog_store, shared_dir: Path) -> None:
    fall = _sharpest_fall(shared_dir)
    answer = draft_questions("adult social care", oflog_store, None, AccessContext(), fall["area"])
    assert 10 <= len(answer.questions) <= 15
    data_ids = {c.id for c in answer.citations if c.locator.startswith(f"{fall['code']},")}
    assert any(set(q.evidence) & data_ids and fall["p1"] in q.text and "fell" in q.text for q in answer.questions)


def test_a_topic_without_data_or_documents_says_so(oflog_store) -> None:
    answer = draft_questions("parking enforcement", oflog_store, None, AccessContext(), "E06000025")
    assert answer.kind == "none" and answer.questions == [] and "no indicator or document evidence" in answer.answer
