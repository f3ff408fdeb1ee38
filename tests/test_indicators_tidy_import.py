"""The tidy importer validates, reports and stores all-or-nothing; re-import replaces a dataset cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.errors import ImportValidationError, IndicatorError
from indicators.store import IndicatorStore

HEADER = "indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity,target,note\n"
GOOD = HEADER + (
    "REC,Recycling rate,A1,Alpha,2019-20,40,%,higher_is_better,45,\n"
    "REC,Recycling rate,A1,Alpha,2020-21,42,%,HIGHER_IS_BETTER,45,\n"
    "REC,Recycling rate,A1,Alpha,2021-22,44,%,higher_is_better,45,\n"
    "REC,Recycling rate,B2,Beta,2021-22,50,%,higher_is_better,,\n"
    "REC,Recycling rate,C3,Gamma,2021-22,,%,higher_is_better,,\n"
    "REC,Recycling rate,B2,Beta,2021-22,50,%,higher_is_better,,\n"
    "DAYS,Days to relet,A1,Alpha,2021-22,30,days,lower_is_better,,\n"
    "DAYS,Days to relet,B2,Beta,2021-22,20,days,lower_is_better,,\n"
)


def _write(tmp_path: Path, text: str, name: str = "kpis.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _snapshot(home: Path) -> dict[str, bytes]:
    root = home / "indicators"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def store(tmp_path: Path) -> IndicatorStore:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(_write(tmp_path, GOOD), dataset="kpis")
    return store


def test_good_file_imports_with_warnings_for_blank_duplicate_and_mixed_case(tmp_path: Path) -> None:
    store = IndicatorStore(tmp_path / "home")
    report = store.import_file(_write(tmp_path, GOOD), dataset="kpis")
    assert report.rows == 6
    assert report.indicators == 2 and report.areas == 2
    assert (6, "blank value") in report.skipped
    assert (7, "duplicate row") in report.skipped
    joined = " ".join(report.warnings)
    assert "blank value" in joined and "duplicate" in joined and "HIGHER_IS_BETTER" in joined
    info = {i.indicator_id: i for i in store.indicators()}
    assert info["REC"].polarity == "higher_is_better" and info["DAYS"].polarity == "lower_is_better"
    assert info["REC"].periods == ["2019-20", "2020-21", "2021-22"]
    assert store.areas() == {"A1": "Alpha", "B2": "Beta"}
    assert store.datasets()[0].latest_period == "2021-22"


def test_missing_required_column_names_it_and_leaves_store_unchanged(store: IndicatorStore, tmp_path: Path) -> None:
    before = _snapshot(store.home)
    bad = _write(tmp_path, "indicator_id,area_code,period\nREC,A1,2021-22\n", "bad.csv")
    with pytest.raises(ImportValidationError) as err:
        store.import_file(bad, dataset="kpis")
    assert "'value'" in str(err.value) and err.value.file == str(bad)
    assert _snapshot(store.home) == before
    assert store.table()["value"].sum() == pytest.approx(40 + 42 + 44 + 50 + 30 + 20)


def test_bad_row_reports_file_line_reason_and_changes_nothing(store: IndicatorStore, tmp_path: Path) -> None:
    before = _snapshot(store.home)
    text = GOOD.replace("B2,Beta,2021-22,20,", "B2,Beta,2021-22,twenty,")
    bad = _write(tmp_path, text, "bad.csv")
    with pytest.raises(ImportValidationError) as err:
        store.import_file(bad, dataset="kpis")
    assert err.value.line == 9
    assert "'twenty' is not a number" in err.value.reason
    assert str(err.value).startswith(f"{bad}:9: ")
    assert _snapshot(store.home) == before


@pytest.mark.parametrize(("row", "reason"), [
    ("REC,Recycling rate,A1,Alpha,2021/2,1,%,higher_is_better,,", "period"),
    ("REC,Recycling rate,A1,Alpha,2022-23,1,%,sideways,,", "polarity"),
    ("REC,Recycling rate,,Alpha,2021-22,1,%,higher_is_better,,", "blank area_code"),
    ("REC,Recycling rate,A1,Alpha,2021-22,99,%,higher_is_better,,", "different value"),
])
def test_each_kind_of_bad_row_is_rejected_with_its_line(tmp_path: Path, row: str, reason: str) -> None:
    store = IndicatorStore(tmp_path / "home")
    path = _write(tmp_path, GOOD + row + "\n")
    with pytest.raises(ImportValidationError) as err:
        store.import_file(path)
    assert reason in err.value.reason
    assert err.value.line is not None
    assert store.datasets() == []


def test_reimport_replaces_dataset_and_removes_old_files(store: IndicatorStore, tmp_path: Path) -> None:
    smaller = HEADER + "REC,Recycling rate,A1,Alpha,2022-23,47,%,higher_is_better,,\n"
    store.import_file(_write(tmp_path, smaller, "v2.csv"), dataset="kpis")
    assert [d.rows for d in store.datasets()] == [1]
    assert sorted(store.table()["period"]) == ["2022-23"]
    folders = [p for p in (store.home / "indicators").iterdir() if p.is_dir()]
    assert len(folders) == 1
    # A fresh object (another process) sees the same data.
    assert IndicatorStore(store.home).table()["value"].tolist() == [47.0]


def test_same_indicator_id_in_another_dataset_is_refused(store: IndicatorStore, tmp_path: Path) -> None:
    with pytest.raises(ImportValidationError, match="already held"):
        store.import_file(_write(tmp_path, GOOD, "other.csv"), dataset="other")
    assert [d.name for d in store.datasets()] == ["kpis"]


def test_xlsx_and_parquet_import_the_same_rows(tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.read_csv(_write(tmp_path, GOOD), dtype=str, keep_default_na=False)
    frame.to_excel(tmp_path / "kpis.xlsx", index=False)
    numeric = frame.copy()
    numeric["value"] = pd.to_numeric(numeric["value"])
    numeric.to_parquet(tmp_path / "kpis.parquet", index=False)
    for name in ("kpis.xlsx", "kpis.parquet"):
        store = IndicatorStore(tmp_path / name.replace(".", "-"))
        report = store.import_file(tmp_path / name, dataset="kpis")
        assert report.rows == 6, name
        assert sorted(store.table()["value"]) == [20.0, 30.0, 40.0, 42.0, 44.0, 50.0]


def test_meta_and_json_groups_apply(tmp_path: Path) -> None:
    meta = _write(tmp_path, "indicator_id,name,unit,polarity,description,aliases\n"
                            "REC,Household recycling rate,%,desc,Share of waste recycled,recycling;green bins\n"
                            "NOPE,Unknown,,,,\n", "meta.csv")
    groups = tmp_path / "groups.json"
    groups.write_text(json.dumps({"A1": ["A1", "B2"], "Z9": ["Z9"]}))
    store = IndicatorStore(tmp_path / "home")
    report = store.import_file(_write(tmp_path, GOOD), meta=meta, groups=groups, dataset="kpis")
    rec = store.indicator("REC")
    assert rec.name == "Household recycling rate" and rec.aliases == ["recycling", "green bins"]
    assert rec.polarity == "higher_is_better"
    assert any("NOPE" in w for w in report.warnings)
    assert any("not in the data" in w and "Z9" in w for w in report.warnings)
    assert store.comparator_group("REC", "A1") == ("comparator group", ["A1", "B2"])
    assert store.comparator_group("REC", "B2") is None


def test_unknown_lookups_raise_indicator_errors(store: IndicatorStore) -> None:
    with pytest.raises(IndicatorError, match="unknown indicator"):
        store.indicator("NOPE")
    with pytest.raises(IndicatorError, match="unknown area"):
        store.area_name("Z9")


def test_importing_store_and_query_does_not_import_pandas() -> None:
    code = ("import sys; import indicators.store, indicators.query, indicators.analysis, indicators.models; "
            "print(','.join(m for m in ('pandas', 'matplotlib', 'torch', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == ""
