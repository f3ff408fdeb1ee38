"""The thin path through the real CLI: sourced document answers, indicator figures, and bad input refused cleanly."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACK = REPO / "bot" / "sample_pack"
HOME_CODE = "E07999001"


def _scrutiny(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRUTINY_HOME": str(home), "SCRUTINY_AREA": HOME_CODE, "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("SCRUTINY_LLM", None)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300, check=False)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_page_text(path: Path, page: int) -> str:
    from pypdf import PdfReader

    return PdfReader(str(path)).pages[page - 1].extract_text()


def test_document_question_cites_quotes_found_verbatim_on_the_cited_page(sample_home) -> None:
    done = _scrutiny(sample_home.home, "ask", "What are the council plan's priorities?", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["kind"] in ("document", "mixed")
    citations = answer["citations"]
    assert citations, "a document answer must cite its sources"
    plan_pages = 0
    for c in citations:
        path = Path(c["path"])
        page = re.search(r"p\. (\d+)", c["locator"] or "")
        if path.suffix == ".pdf":
            assert page, f"PDF citation without a page: {c}"
            assert _squash(c["quote"]) in _squash(_pdf_page_text(path, int(page.group(1)))), c
            plan_pages += "council-plan" in path.name
        assert f"[{c['id']}]" in answer["answer"]
    assert plan_pages >= 1, "the council plan itself should be cited for its priorities"


def test_indicator_question_figures_equal_a_pandas_computation(sample_home) -> None:
    import pandas as pd

    done = _scrutiny(sample_home.home, "ask", "How has our council tax collection rate changed?", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["kind"] == "indicator"
    figures = answer["figures"]
    assert figures and all(f["indicator_id"] == "council_tax_collection" for f in figures)

    table = pd.read_csv(PACK / "data" / "indicators.csv", dtype={"period": str})
    rows = table[(table.indicator_id == "council_tax_collection")]
    home = rows[rows.area_code == HOME_CODE].sort_values("period")
    latest, previous = home.iloc[-1], home.iloc[-2]
    assert (figures[0]["period"], figures[0]["value"]) == (latest.period, pytest.approx(latest.value))
    assert (figures[1]["period"], figures[1]["value"]) == (previous.period, pytest.approx(previous.value))
    assert figures[2]["value"] == pytest.approx(latest.value - previous.value)
    assert figures[2]["unit"] == "percentage points"

    groups = pd.read_csv(PACK / "data" / "nearest_neighbours.csv", dtype=str)
    members = set(groups.loc[groups.area_code == HOME_CODE, "member_code"]) | {HOME_CODE}
    group = rows[(rows.period == latest.period) & rows.area_code.isin(members)].value
    values = {round(f["value"], 6) for f in figures}
    assert round(float(group.median()), 6) in values
    rank = int((group > latest.value).sum()) + 1  # higher is better: rank 1 is the highest rate
    assert any(f["unit"] == "rank" and f["value"] == rank for f in figures)
    for number in re.findall(r"\d+\.\d+", answer["answer"]):
        assert any(abs(float(number) - abs(f["value"])) < 0.051 for f in figures), number


def _snapshot(home: Path) -> tuple[str, str]:
    docs = _scrutiny(home, "docs")
    data = _scrutiny(home, "indicators", "list")
    assert docs.returncode == 0 and data.returncode == 0, docs.stderr + data.stderr
    return docs.stdout, data.stdout


@pytest.fixture()
def writable_home(sample_home, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(sample_home.home, home)
    return home


def _one_line_error(done: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, done.stderr
    assert "Traceback" not in done.stderr
    # The error is the last thing printed: a progress bar must not redraw itself after it.
    assert [line for line in done.stderr.splitlines() if line.strip()][-1] == errors[0], done.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


def test_bad_input_gives_one_line_errors_and_leaves_the_store_unchanged(writable_home: Path, tmp_path: Path) -> None:
    before = _snapshot(writable_home)
    assert "Council Plan" in before[0] and "council_tax_collection" in before[1]

    missing = tmp_path / "no-such-report.pdf"
    _one_line_error(_scrutiny(writable_home, "ingest", str(missing)), "no-such-report.pdf")

    corrupt = tmp_path / "corrupt-plan.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a real PDF body\n")
    _one_line_error(_scrutiny(writable_home, "ingest", str(corrupt)), "corrupt-plan.pdf")

    import pandas as pd

    broken = tmp_path / "missing-value-column.csv"
    pd.read_csv(PACK / "data" / "indicators.csv").drop(columns=["value"]).head(20).to_csv(broken, index=False)
    _one_line_error(_scrutiny(writable_home, "indicators", "import", str(broken)), "value")

    assert _snapshot(writable_home) == before


def test_trend_period_judges_an_earlier_year_and_refuses_one_not_held(sample_home) -> None:
    import pandas as pd

    done = _scrutiny(sample_home.home, "trend", "council_tax_collection", "--period", "2020-21", "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)["figures"]
    table = pd.read_csv(PACK / "data" / "indicators.csv", dtype={"period": str})
    home = table[(table.indicator_id == "council_tax_collection") & (table.area_code == HOME_CODE)]
    value = home.set_index("period")["value"]
    # As at 2020-21: latest is 2020-21 and previous 2019-20, not the newest years in the file.
    assert (figures[0]["period"], figures[0]["value"]) == ("2020-21", pytest.approx(value["2020-21"]))
    assert (figures[1]["period"], figures[1]["value"]) == ("2019-20", pytest.approx(value["2019-20"]))
    assert all(f["period"] <= "2020-21" for f in figures if f["period"])

    _one_line_error(_scrutiny(sample_home.home, "trend", "council_tax_collection", "--period", "2031-32"),
                    "2031-32", "periods held")
