"""The real `scrutiny` command in a subprocess: LGBF import, `trend --chart --json` figures equal to a pandas
computation from the raw files, and a tidy CSV missing a column rejected with the store left unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.shared

COUNCIL, SLUG, INDICATOR = "Fife", "S-fife", "ENV06"


def _scrutiny() -> str:
    beside = Path(sys.executable).parent / "scrutiny"
    found = str(beside) if beside.exists() else shutil.which("scrutiny")
    assert found, "the scrutiny console script is not installed in this environment"
    return found


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRUTINY_", "SLACK_", "CHROMA_"))}
    env.update(SCRUTINY_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    return subprocess.run([_scrutiny(), *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def _snapshot(home: Path) -> dict[str, str]:
    """Every file under the data directory with a hash of its bytes."""
    return {str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(home.rglob("*")) if p.is_file()}


def _expected_lgbf(folder: Path) -> dict[str, tuple[str, str, float]]:
    """Figures for ENV06 in Fife computed straight from the LGBF download: label -> (area, period, value)."""
    values = pd.read_csv(folder / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority", "Year"])
    info = pd.read_csv(folder / "indicator_information.csv", encoding="utf-8-sig").set_index("Code")
    families = pd.read_csv(folder / "family_groups.csv", encoding="utf-8-sig")
    meta = info.loc[INDICATOR]
    assert meta["Ranking_Type"] == "Descending"  # higher is better
    rows = values[values["Code"] == INDICATOR].dropna(subset=["LA_IndicatorReal"])
    scale = 100.0 if meta["MeasureType"] == "Percentage" and rows["LA_IndicatorReal"].abs().max() <= 5 else 1.0
    rows = rows.assign(v=rows["LA_IndicatorReal"] * scale)
    own = rows[rows["LocalAuthority"] == COUNCIL].set_index("Year")["v"]
    own = own.loc[sorted(own.index, key=lambda y: int(y[:4]))]
    latest, previous = own.index[-1], own.index[-2]
    at = rows[rows["Year"] == latest].set_index("LocalAuthority")["v"]
    fam = families[families["Type"] == meta["FamilyGrouping"]]
    group_name = fam.loc[fam["Local_Authority"] == COUNCIL, "Family_Group"].iloc[0]
    group = at[at.index.isin(fam.loc[fam["Family_Group"] == group_name, "Local_Authority"])]
    value = float(own.iloc[-1])
    own_row = rows[(rows["LocalAuthority"] == COUNCIL) & (rows["Year"] == latest)].iloc[0]
    rank = 1 + int((group > value).sum())
    best = group.drop(COUNCIL).sort_values(ascending=False)
    best_slug = "S-" + "-".join("".join(c if c.isalnum() else " " for c in best.index[0].lower()).split())
    return {
        "latest value": (SLUG, latest, value),
        "previous value": (SLUG, previous, float(own.iloc[-2])),
        "change (points)": (SLUG, latest, value - float(own.iloc[-2])),
        "comparator median": (SLUG, latest, float(group.median())),
        "comparator lower quartile": (SLUG, latest, float(group.quantile(0.25))),
        "comparator upper quartile": (SLUG, latest, float(group.quantile(0.75))),
        "comparators": (SLUG, latest, float(len(group))),
        "rank": (SLUG, latest, float(rank)),
        "quartile": (SLUG, latest, float(min(4, (rank - 1) * 4 // len(group) + 1))),
        "best comparator value": (best_slug, latest, float(best.iloc[0])),
        # LGBF answers state the published Scotland value and family-group average, not a "national" median of
        # the councils (issue 16); the Scotland value is filed under Scotland, as a group's figure carries its group.
        "Scotland value (published)": ("scotland", latest, float(own_row["Scotland_Indicator_Real"]) * scale),
        "family group average (published)": (SLUG, latest, float(own_row["FG_Avg_Indicator_Real"]) * scale),
    }


def test_cli_imports_lgbf_and_trend_json_figures_match_pandas(shared_dir: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = shared_dir / "data" / "lgbf"
    imported = _run(home, "indicators", "import", "--format", "lgbf", str(folder))
    assert imported.returncode == 0, imported.stderr
    assert "Imported dataset lgbf" in imported.stdout

    chart = tmp_path / "out.png"
    trend = _run(home, "trend", INDICATOR, "--area", SLUG, "--chart", str(chart), "--json")
    assert trend.returncode == 0, trend.stderr
    answer = json.loads(trend.stdout)
    assert answer["kind"] == "indicator" and answer["chart"] and Path(answer["chart"]) == chart
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    figures = answer["figures"]
    assert figures and all(f["indicator_id"] == INDICATOR and f["period"] for f in figures)
    for label, (area, period, value) in _expected_lgbf(folder).items():
        hits = [f for f in figures if f["area_code"] == area and f["period"] == period
                and f["value"] == pytest.approx(value, rel=1e-9, abs=1e-12)]
        assert hits, f"{label} {value!r} ({area}, {period}) not among the CLI's figures"
    latest = _expected_lgbf(folder)["latest value"]
    assert figures[0]["value"] == pytest.approx(latest[2], rel=1e-12) and figures[0]["unit"] == "%"


def test_cli_rejects_a_csv_missing_a_column_and_leaves_the_store_unchanged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    good = tmp_path / "good.csv"
    good.write_text("indicator_id,area_code,period,value\nREC,E1,2022-23,40\nREC,E2,2022-23,50\n")
    assert _run(home, "indicators", "import", str(good), "--dataset", "kpis").returncode == 0
    before = _snapshot(home)
    assert any(name.endswith("values.parquet") for name in before)

    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_id,area_code,period\nREC,E1,2023-24\n")
    result = _run(home, "indicators", "import", str(bad), "--dataset", "kpis")
    assert result.returncode != 0
    errors = [line for line in (result.stderr + result.stdout).splitlines() if "error" in line.lower()]
    assert len(errors) == 1, result.stderr
    assert "'value'" in errors[0] and "bad.csv" in errors[0] and "Traceback" not in result.stderr
    assert _snapshot(home) == before
    listed = _run(home, "indicators", "list")
    assert listed.returncode == 0 and "kpis" in listed.stdout


def test_cli_answers_use_the_period_the_question_asks_for(tmp_path: Path) -> None:
    pack = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"
    home = tmp_path / "home"
    imported = _run(home, "indicators", "import", str(pack / "indicators.csv"), "--meta",
                    str(pack / "indicator_meta.csv"), "--groups", str(pack / "nearest_neighbours.csv"))
    assert imported.returncode == 0, imported.stderr
    raw = pd.read_csv(pack / "indicators.csv", dtype={"period": str})
    own = raw[(raw["indicator_id"] == "household_recycling_rate") & (raw["area_code"] == "E07999001")]
    value = own.set_index("period")["value"]
    annual = sorted(p for p in value.index if " Q" not in p)
    # Default trend: the annual series (the in-year quarters are extra figures, not the latest value).
    trend = _run(home, "trend", "household_recycling_rate", "--area", "E07999001", "--json")
    assert trend.returncode == 0, trend.stderr
    first = json.loads(trend.stdout)["figures"][0]
    assert (first["period"], first["value"]) == (annual[-1], value[annual[-1]])
    for question, period in (("What was our recycling rate in Q2 2024-25?", "2024-25 Q2"),
                             ("What was our recycling rate in 2021-22?", "2021-22")):
        asked = _run(home, "ask", question, "--area", "E07999001", "--json")
        assert asked.returncode == 0, asked.stderr
        answer = json.loads(asked.stdout)
        assert answer["kind"] == "indicator"
        assert (answer["figures"][0]["period"], answer["figures"][0]["value"]) == (period, value[period])
        assert f"in {period}." in answer["answer"]
