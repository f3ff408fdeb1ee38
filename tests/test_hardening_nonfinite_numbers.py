"""Issue 15, problem 6: infinite and not-a-number values are refused at import with file, line and reason, so no
answer says "was inf%" or ranks it first, and `--json` never prints `Infinity` (which is not JSON)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from indicators.errors import ImportValidationError
from indicators.store import IndicatorStore

HEADER = "indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity,target\n"
ROWS = [
    "REC,Recycling rate,A1,Alpha,2020-21,40,%,higher_is_better,45",
    "REC,Recycling rate,A1,Alpha,2021-22,42,%,higher_is_better,45",
    "REC,Recycling rate,B2,Beta,2021-22,50,%,higher_is_better,45",
]


def _csv(tmp_path: Path, rows: list[str], name: str = "kpis.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("spelling", ["inf", "1e309", "-Infinity", "nan", "Infinity", "-inf"])
def test_a_non_finite_value_is_refused_with_file_line_and_reason(tmp_path: Path, spelling: str) -> None:
    store = IndicatorStore(tmp_path / "home")
    rows = [*ROWS, f"REC,Recycling rate,C3,Gamma,2021-22,{spelling},%,higher_is_better,45"]
    path = _csv(tmp_path, rows)
    with pytest.raises(ImportValidationError) as err:
        store.import_file(path, dataset="kpis")
    assert err.value.file == str(path) and err.value.line == 5
    assert f"{spelling!r} is not a number" in err.value.reason
    assert str(err.value).startswith(f"{path}:5: ")
    assert store.datasets() == []  # all or nothing


@pytest.mark.parametrize("column", ["target", "numerator", "denominator"])
def test_a_non_finite_target_numerator_or_denominator_is_refused(tmp_path: Path, column: str) -> None:
    header = HEADER.strip() + ",numerator,denominator\n"
    values = {"target": "45", "numerator": "4", "denominator": "10"}
    values[column] = "1e400"
    path = tmp_path / "kpis.csv"
    path.write_text(header + f"REC,Recycling rate,A1,Alpha,2021-22,42,%,higher_is_better,{values['target']},"
                    f"{values['numerator']},{values['denominator']}\n", encoding="utf-8")
    with pytest.raises(ImportValidationError) as err:
        IndicatorStore(tmp_path / "home").import_file(path, dataset="kpis")
    assert err.value.line == 2 and column in err.value.reason and "'1e400'" in err.value.reason


def test_an_oflog_download_with_an_infinite_value_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "asc_data.csv"
    path.write_text("Financial year,Local authority code,Local authority name,Measure,Code,Value\n"
                    "2022-23,E06000001,Hartlepool,Quality of life,ASC01,19.1\n"
                    "2022-23,E06000002,Middlesbrough,Quality of life,ASC01,Infinity\n", encoding="utf-8")
    with pytest.raises(ImportValidationError) as err:
        IndicatorStore(tmp_path / "home").import_file(path, fmt="oflog")
    assert err.value.line == 3 and "'Infinity' is not a number" in err.value.reason


def test_a_parquet_infinity_is_refused(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "kpis.parquet"
    pd.DataFrame({"indicator_id": ["REC", "REC"], "area_code": ["A1", "B2"], "period": ["2021-22", "2021-22"],
                  "value": [42.0, math.inf]}).to_parquet(path)
    with pytest.raises(ImportValidationError) as err:
        IndicatorStore(tmp_path / "home").import_file(path, dataset="kpis")
    assert err.value.line == 2 and "is not a number" in err.value.reason


def test_the_cli_json_never_prints_infinity(capsys: pytest.CaptureFixture[str]) -> None:
    # Defence in depth: were a non-finite figure ever computed, `--json` prints null, not `Infinity`.
    from bot.cli import _print_answer
    from bot.models import Answer
    from indicators.models import Figure

    figure = Figure(indicator_id="REC", indicator_name="Recycling rate", area_code="A1", area_name="Alpha",
                    period="2021-22", value=math.inf, unit="%")
    _print_answer(Answer(question="q", kind="indicator", answer="a", figures=[figure]), as_json=True)
    out = capsys.readouterr().out
    assert "Infinity" not in out and "NaN" not in out
    assert json.loads(out)["figures"][0]["value"] is None
