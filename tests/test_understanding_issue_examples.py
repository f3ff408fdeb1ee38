"""Every question the understanding issue names, asked on the real data, answers the question asked: the reading
in `understood` is right and every figure for spans, comparisons and rankings equals pandas on the raw files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import Answer, CallerContext

pytestmark = pytest.mark.shared

BRIGHTON, PORTSMOUTH, LEEDS = "E06000043", "E06000044", "E08000035"
LANCASHIRE, KENT = "E10000017", "E10000016"


@pytest.fixture(scope="module")
def assistant(real_assistant: Assistant) -> Assistant:
    return real_assistant  # the session's real-data home (tests/conftest.py)


@pytest.fixture(scope="module")
def asc(shared_dir: Path) -> pd.DataFrame:
    df = pd.read_csv(shared_dir / "data" / "oflog_asc" / "asc_data.csv")
    df = df.dropna(subset=["Value"])
    return df


@pytest.fixture(scope="module")
def lgbf(shared_dir: Path) -> pd.DataFrame:
    return pd.read_csv(shared_dir / "data" / "lgbf" / "lgbf_values_real.csv").dropna(subset=["LA_IndicatorReal"])


def _ask(assistant: Assistant, question: str, area: str, conversation: Conversation | None = None) -> Answer:
    return assistant.ask(question, CallerContext(area=area), conversation=conversation)


def _understood(answer: Answer) -> dict:
    return answer.to_contract()["understood"]


def _oflog(asc: pd.DataFrame, code: str, area: str, year: str) -> float:
    rows = asc[(asc["Code"] == code) & (asc["Local authority code"] == area) & (asc["Financial year"] == year)]
    return float(rows["Value"].iloc[0])


def _stated(answer: Answer, area: str, period: str, indicator: str) -> set[float]:
    return {round(f.value, 6) for f in answer.figures if f.area_code == area and f.period == period
            and f.indicator_id == indicator}


def test_a_span_between_two_years_is_answered_as_that_span(assistant: Assistant, asc: pd.DataFrame) -> None:
    answer = _ask(assistant, "How has the outcome of short-term services in Leeds changed between 2016-17 and "
                             "2021-22?", BRIGHTON)
    u = _understood(answer)
    assert (u["intent"], u["indicators"], u["areas"]) == ("trend", ["ASC5"], [LEEDS])
    assert u["periods"] == {"from": "2016-17", "to": "2021-22"}
    for year in ("2016-17", "2021-22"):
        assert round(_oflog(asc, "ASC5", LEEDS, year), 6) in _stated(answer, LEEDS, year, "ASC5")
    assert answer.answer.startswith("Reading this as:") and "2016-17" in answer.answer
    # The span's end is the latest period judged: nothing after 2021-22 is stated as Leeds's value.
    assert not _stated(answer, LEEDS, "2022-23", "ASC5")


def test_from_to_wording_reads_the_same_span(assistant: Assistant) -> None:
    u = _understood(_ask(assistant, "outcome of short-term services for Leeds from 2016/17 to 2021/2022", BRIGHTON))
    assert u["periods"] == {"from": "2016-17", "to": "2021-22"} and u["areas"] == [LEEDS]


@pytest.mark.parametrize(("question", "home", "councils"), [
    ("Is Brighton better than Portsmouth at reablement?", BRIGHTON, [BRIGHTON, PORTSMOUTH]),
    ("Compare Lancashire and Kent on reablement", BRIGHTON, [LANCASHIRE, KENT]),
])
def test_two_councils_are_set_side_by_side(assistant: Assistant, asc: pd.DataFrame, question: str, home: str,
                                           councils: list[str]) -> None:
    answer = _ask(assistant, question, home)
    u = _understood(answer)
    assert u["intent"] == "compare" and u["indicators"] == ["ASC5"] and set(u["areas"]) == set(councils)
    for code in councils:
        assert round(_oflog(asc, "ASC5", code, "2022-23"), 6) in _stated(answer, code, "2022-23", "ASC5")
    assert "In 2022-23, " in answer.answer and "did better" in answer.answer


def test_top_five_lists_councils_with_ties(assistant: Assistant, asc: pd.DataFrame) -> None:
    answer = _ask(assistant, "Top 5 councils in England for carer quality of life", BRIGHTON)
    u = _understood(answer)
    assert (u["intent"], u["indicators"], u["areas"], u["n"], u["order"]) == ("rank", ["ASC1"], ["england"], 5,
                                                                             "best")
    year = asc[asc["Code"] == "ASC1"]["Financial year"].max()
    ranked = asc[(asc["Code"] == "ASC1") & (asc["Financial year"] == year)].sort_values("Value", ascending=False)
    cut = ranked["Value"].iloc[4]
    expected = {(r["Local authority code"], round(float(r["Value"]), 6)) for _, r in ranked.iterrows()
                if r["Value"] >= cut}
    stated = {(f.area_code, round(f.value, 6)) for f in answer.figures if f.indicator_id == "ASC1"
              and f.period == year and f.area_code != BRIGHTON}
    assert expected <= stated
    assert "joint" in answer.answer  # tied places are shown as ties


@pytest.mark.parametrize("question", ["How are we doing on social care?", "Are we getting worse on social care?",
                                      "How did we do last year?"])
def test_service_questions_get_an_overview(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question, BRIGHTON)
    u = _understood(answer)
    assert answer.kind == "indicator" and u["intent"] == "overview"
    assert set(u["indicators"]) == {f"ASC{i}" for i in range(1, 8)}
    assert "worsened" in answer.answer and "improved" in answer.answer


def test_a_misspelt_council_and_measure_are_understood(assistant: Assistant) -> None:
    u = _understood(_ask(assistant, "how is brigton and hove doing on reablment", PORTSMOUTH))
    assert u["indicators"] == ["ASC5"] and u["areas"] == [BRIGHTON]


@pytest.mark.parametrize(("question", "home", "indicator", "start"), [
    ("trend in people finding it easy to get info about services since 2017-18", BRIGHTON, "ASC3", "2017-18"),
    ("are delayed discharges getting worse in Fife since 2018-19?", "S-fife", "SW08", "2018-19"),
])
def test_paraphrased_measures_are_matched(assistant: Assistant, question: str, home: str, indicator: str,
                                          start: str) -> None:
    answer = _ask(assistant, question, home)
    u = _understood(answer)
    assert answer.kind == "indicator" and u["indicators"] == [indicator] and u["intent"] == "trend"
    assert u["periods"]["from"] == start


def test_a_year_not_held_is_answered_with_the_nearest_and_said(assistant: Assistant) -> None:
    answer = _ask(assistant, "quality of life score for care users in 2020-21", BRIGHTON)
    assert answer.kind == "indicator"
    assert "No value for Brighton and Hove in 2020-21 is held" in answer.answer
    assert "2019-20" in answer.answer and "2021-22" in answer.answer


def test_a_quarter_of_annual_data_says_it_is_annual(assistant: Assistant) -> None:
    answer = _ask(assistant, "reablement outcomes in Q2 2022-23", BRIGHTON)
    assert answer.kind == "indicator" and "only annual values" in answer.answer
    assert _understood(answer)["periods"]["to"] == "2022-23 Q2"


def test_a_thread_keeps_and_overrides_context(assistant: Assistant, lgbf: pd.DataFrame) -> None:
    glasgow, edinburgh = "S-glasgow-city", "S-edinburgh-city"
    conversation = Conversation()
    first = _ask(assistant, "Glasgow home-care cost", glasgow, conversation)
    assert _understood(first)["indicators"] == ["SW01"]
    second = _ask(assistant, "and compared with Edinburgh?", glasgow, conversation)
    assert _understood(second)["intent"] == "compare" and set(_understood(second)["areas"]) == {glasgow, edinburgh}
    third = _ask(assistant, "what was ours in 2019-20?", glasgow, conversation)
    u = _understood(third)
    assert (u["indicators"], u["areas"], u["periods"]["to"]) == (["SW01"], [glasgow], "2019-20")
    raw = lgbf[(lgbf["Code"] == "SW01") & (lgbf["LocalAuthority"] == "Glasgow City") & (lgbf["Year"] == "2019-20")]
    assert round(float(raw["LA_IndicatorReal"].iloc[0]), 6) in _stated(third, glasgow, "2019-20", "SW01")
    fourth = _ask(assistant, "and since 2019-20?", glasgow, conversation)
    u = _understood(fourth)
    assert u["intent"] == "trend" and u["periods"]["from"] == "2019-20" and fourth.answer != third.answer
    fifth = _ask(assistant, "what about Edinburgh?", glasgow, conversation)
    assert _understood(fifth)["areas"] == [edinburgh] and _understood(fifth)["indicators"] == ["SW01"]


def test_no_question_about_held_data_exits_non_zero(shared_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from indicators.store import IndicatorStore

    IndicatorStore(tmp_path).import_file(shared_dir / "data" / "oflog_asc" / "asc_data.csv", fmt="oflog")
    done = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "quality of life score for care users in "
                           "2020-21", "--area", BRIGHTON, "--json"], capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "SCRUTINY_HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kind"] == "indicator"


def test_unknown_council_says_so_with_the_closest(assistant: Assistant) -> None:
    answer = _ask(assistant, "what's Cardiff's workforce turnover", BRIGHTON)
    assert answer.kind == "none" and "Cardiff" in answer.answer and "closest" in answer.answer
