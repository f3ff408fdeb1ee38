"""A chart shared from a private answer reaches Slack with its alt text, cut to the length Slack accepts; files that
are not charts carry none. Against the loopback fake Slack Web API, with a chart drawn from the sample pack."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from slack_sdk import WebClient

from bot.sample_pack import DATA_DIR
from bot.slack.answering import ALT_TEXT_LIMIT, chart_alt_text, upload_shared_file
from indicators.analysis import analyse
from indicators.charts import read_alt_text, render_trend_chart
from indicators.store import IndicatorStore
from slack_harness import FakeSlack


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture(scope="module")
def chart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("alt-chart")
    store = IndicatorStore(tmp / "home")
    store.import_file(DATA_DIR / "indicators.csv", fmt="tidy", meta=DATA_DIR / "indicator_meta.csv",
                      groups=DATA_DIR / "nearest_neighbours.csv", dataset="northbridge-sample")
    a = analyse(store, "household_recycling_rate", "E07999001")
    return render_trend_chart(a, store, tmp / "recycling.png")


def _upload(slack: FakeSlack, name: str, data: bytes) -> dict:
    client = WebClient(token="xoxb-test", base_url=slack.api_url)
    upload_shared_file(client, "C0SHARE", "1700000000.000100", name, f"Chart: {name}", data)
    return slack.of("files.getUploadURLExternal")[-1].params


def test_a_shared_chart_is_uploaded_with_its_alt_text(slack: FakeSlack, chart: Path) -> None:
    params = _upload(slack, "recycling.png", chart.read_bytes())
    assert params["alt_txt"] == read_alt_text(chart)
    assert params["alt_txt"].startswith("Line chart of Household waste sent for reuse, recycling and composting (%) "
                                        "for Northbridge District Council, 2018-19 to 2023-24: from 46.1% to 39.5%")
    assert slack.of("files.completeUploadExternal", "C0SHARE")


def test_an_alt_text_longer_than_slack_takes_is_cut_not_refused(slack: FakeSlack, tmp_path: Path) -> None:
    long = "Line chart of a measure with a very long description " + "and more words " * 100
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", long)
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format="PNG", pnginfo=info)
    params = _upload(slack, "long.png", out.getvalue())
    assert len(params["alt_txt"]) <= ALT_TEXT_LIMIT and params["alt_txt"].endswith("\u2026")
    assert params["alt_txt"].startswith("Line chart of a measure")
    assert slack.of("files.completeUploadExternal", "C0SHARE")[-1].response["ok"] is True


def test_a_file_that_is_not_a_chart_has_no_alt_text(slack: FakeSlack, chart: Path, tmp_path: Path) -> None:
    assert "alt_txt" not in _upload(slack, "briefing-waste.docx", b"PK\x03\x04 not an image")
    plain = tmp_path / "plain.png"
    Image.new("RGB", (8, 8), "white").save(plain, format="PNG")
    assert chart_alt_text(plain) is None and chart_alt_text(tmp_path / "note.docx") is None
    assert chart_alt_text(chart) == read_alt_text(chart)
