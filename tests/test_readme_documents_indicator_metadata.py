"""The README's table of indicator metadata columns is the importer's: every column it reads is documented, and each
documented column and value does what the README says when a real file is imported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indicators.analysis import analyse
from indicators.errors import ImportValidationError
from indicators.importing import normalise_polarity
from indicators.store import IndicatorStore
from indicators.tidy import META_COLUMNS, OPTIONAL_META_COLUMNS

README = Path(__file__).resolve().parents[1] / "README.md"
VALUES = """indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity,denominator
REC,Recycling,A,Alpha,2022-23,40,%,,120
REC,Recycling,A,Alpha,2023-24,41,%,,120
REC,Recycling,B,Beta,2022-23,50,%,,130
REC,Recycling,B,Beta,2023-24,49,%,,130
"""


def _metadata_rows() -> dict[str, str]:
    """Column name -> its row of the README's metadata table (the table under "Indicator data format")."""
    section = README.read_text(encoding="utf-8").split("## Indicator data format", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            first = line.split(" | ", 1)[0]
            for name in re.findall(r"`([a-z_]+)`", first):
                rows[name] = line
    return rows


def test_every_metadata_column_the_importer_reads_is_documented() -> None:
    assert set(_metadata_rows()) == set(META_COLUMNS + OPTIONAL_META_COLUMNS)


def test_every_polarity_marker_the_readme_lists_is_accepted() -> None:
    row = _metadata_rows()["polarity"].split(" | ")[2]
    markers = re.findall(r"`([a-z_]+)`", row)
    assert len(markers) >= 15
    for marker in markers:
        normalise_polarity(marker.upper(), "meta.csv", 2)  # any case


def _import(tmp_path: Path, meta: str) -> IndicatorStore:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "values.csv").write_text(VALUES)
    (tmp_path / "meta.csv").write_text(meta)
    store = IndicatorStore(tmp_path / "home")
    store.import_file(tmp_path / "values.csv", meta=tmp_path / "meta.csv")
    return store


def test_each_documented_column_is_read_as_the_readme_says(tmp_path: Path) -> None:
    store = _import(tmp_path, "indicator_id,name,unit,polarity,description,measure_type,source,aliases,midpoint,"
                              "denominator_description,target_value,target_period,target_area_code\n"
                              'REC,Household recycling,%,higher,Waste recycled.,percentage,Defra,"recycling;bins|x",'
                              ',Tonnes of household waste,"50%",2026-27,A\n')
    info = store.indicator("REC")
    assert (info.name, info.unit, info.polarity, info.description, info.measure_type, info.source) == \
        ("Household recycling", "%", "higher_is_better", "Waste recycled.", "percentage", "Defra")
    assert info.aliases == ["recycling", "bins|x"]  # ";" first when the cell has one
    assert info.denominator_description == "Tonnes of household waste"
    assert (info.target_value, info.target_period, info.target_area_code) == (50.0, "2026-27", "A")
    home, other = analyse(store, "REC", "A"), analyse(store, "REC", "B")
    assert home.target_path is not None and home.target_path.needed_per_year == pytest.approx(3.0)
    assert other.target_path is None  # the target is Alpha's alone
    # Tonnes are not a count of cases: no small-number warning although the denominator is small and whole.
    assert not any("small" in c.lower() for c in home.caveats)


def test_blank_cells_keep_the_data_and_none_means_no_direction(tmp_path: Path) -> None:
    store = _import(tmp_path / "a", "indicator_id,name,polarity,midpoint\nREC,,none,45\n")
    info = store.indicator("REC")
    assert info.name == "Recycling" and info.polarity is None and info.midpoint == 45.0
    store = _import(tmp_path / "b", "indicator_id,polarity,aliases\nREC,lower,recycling|bins\n")
    assert store.indicator("REC").polarity == "lower_is_better"
    assert store.indicator("REC").aliases == ["recycling", "bins"]


@pytest.mark.parametrize(("meta", "reason"), [
    ("indicator_id,target_value\nREC,50\n", "needs both target_value and target_period"),
    ("indicator_id,target_value,target_period\nREC,fifty,2026-27\n", "is not a number"),
    ("indicator_id,target_value,target_period,target_area_code\nREC,50,2026-27,Z\n", "is not an area in the data"),
    ("indicator_id,polarity\nREC,sideways\n", "unknown polarity marker"),
])
def test_a_bad_cell_fails_the_import_with_its_line(tmp_path: Path, meta: str, reason: str) -> None:
    with pytest.raises(ImportValidationError, match=re.escape(reason)) as caught:
        _import(tmp_path, meta)
    assert "meta.csv:2" in str(caught.value)
