"""Rankings on the real Oflog and LGBF data equal an independent pandas computation made here from the raw files
(not via the store): the councils listed, their ranks (competition ranking, ties included), values and period."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from indicators.errors import IndicatorError
from indicators.ranking import rank_councils
from indicators.store import IndicatorStore
from test_indicators_rankings_rules import unaccounted

pytestmark = pytest.mark.shared

HOME = "E06000005"  # Darlington


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("rank-real") / "home")
    s.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    s.import_file(shared_dir / "data" / "oflog_asc" / "asc_data.csv", fmt="oflog")
    return s


@pytest.fixture(scope="module")
def asc(shared_dir: Path) -> pd.DataFrame:
    data = pd.read_csv(shared_dir / "data" / "oflog_asc" / "asc_data.csv").dropna(subset=["Value"])
    return data.rename(columns={"Local authority code": "code", "Local authority name": "name",
                                "Financial year": "period", "Value": "value"})


@pytest.fixture(scope="module")
def lgbf(shared_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    folder = shared_dir / "data" / "lgbf"
    values = pd.read_csv(folder / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority", "Year",
                                                                          "LA_IndicatorReal"])
    info = pd.read_csv(folder / "indicator_information.csv", encoding="utf-8-sig").set_index("Code")
    families = pd.read_csv(folder / "family_groups.csv", encoding="utf-8-sig")
    return values, info, families


def _expected(rows: pd.DataFrame, members: list[str], key: str, better: str, n: int,
              worst: bool = False) -> tuple[str, list[tuple[int, str, float]]]:
    """rows: code/name/period/value of one indicator. better: 'higher' or 'lower' or 'distance' (column `dist`).
    The latest period (by its first year) in which at least half the members have a value; competition ranks."""
    inside = rows[rows[key].isin(members)]
    counts = inside.groupby("period")[key].nunique()
    period = max((p for p, c in counts.items() if 2 * c >= len(members)), key=lambda p: int(str(p)[:4]))
    at = inside[inside["period"] == period].copy()
    if better == "distance":
        at["rank"] = at["dist"].rank(method="min", ascending=True).astype(int)
    else:
        at["rank"] = at["value"].rank(method="min", ascending=better == "lower").astype(int)
    at = at.sort_values(["rank", "name"], ascending=[not worst, True])
    cutoff = int(at["rank"].iloc[n - 1])
    keep = [i < n or r == cutoff for i, r in enumerate(at["rank"])]
    listed = at[keep]
    return str(period), [(int(r), str(c), float(v)) for r, c, v in zip(listed["rank"], listed[key], listed["value"],
                                                                        strict=True)]


def _got(r, key: str = "code") -> list[tuple[int, str, float]]:  # noqa: ANN001
    return [(c.rank, c.area_code if key == "code" else c.area_name, c.value) for c in r.councils]


def test_top_five_in_england_for_carer_quality_of_life(store: IndicatorStore, asc: pd.DataFrame) -> None:
    rows = asc[asc["Code"] == "ASC1"]
    members = list(rows["code"].unique())
    period, expected = _expected(rows, members, "code", "higher", 5)
    r = rank_councils(store, "ASC1", scope="england", order="best", n=5)
    assert r.period == period and r.count == rows[rows["period"] == period]["code"].nunique()
    assert _got(r) == expected
    assert len(expected) > 5 and r.boundary_tie  # the real data ties at 5th: every council tied is listed
    full = rows[rows["period"] == period]["value"].rank(method="min", ascending=False)
    tied = {int(k) for k, times in full.value_counts().items() if times > 1}
    assert [c.tied for c in r.councils] == [c.rank in tied for c in r.councils]
    assert unaccounted(r) == []
    for c in r.councils:
        assert any(f.area_code == c.area_code and f.value == c.value and f.label == f"rank {c.rank} value"
                   for f in r.figures)


def test_worst_five_in_england_for_workforce_turnover(store: IndicatorStore, asc: pd.DataFrame) -> None:
    rows = asc[asc["Code"] == "ASC7"]
    members = list(rows["code"].unique())
    period, expected = _expected(rows, members, "code", "lower", 5, worst=True)
    r = rank_councils(store, "ASC7", scope="all", order="worst", n=5, home=HOME)
    assert r.period == period and _got(r) == expected
    assert expected[0][2] == rows[rows["period"] == period]["value"].max()  # lower is better: worst = highest
    at = rows[rows["period"] == period]
    own = float(at.loc[at["code"] == HOME, "value"].iloc[0])
    assert r.home is not None and r.home.value == own and r.home.rank == 1 + int((at["value"] < own).sum())
    assert unaccounted(r) == []


def test_top_three_in_scotland_for_a_cost_indicator(store: IndicatorStore, lgbf) -> None:  # noqa: ANN001
    values, info, _ = lgbf
    assert info.loc["ENV01a", "Ranking_Type"] == "Ascending"
    rows = values[values["Code"] == "ENV01a"].rename(columns={"LocalAuthority": "name", "Year": "period",
                                                              "LA_IndicatorReal": "value"})
    period, expected = _expected(rows, list(rows["name"].unique()), "name", "lower", 3)
    r = rank_councils(store, "ENV01a", scope="scotland", order="best", n=3)
    assert r.period == period and _got(r, key="name") == expected
    assert r.scope_label == "all Scottish councils" and unaccounted(r) == []


def test_goldilocks_indicator_ranks_by_distance_from_the_midpoint(store: IndicatorStore, lgbf) -> None:  # noqa: ANN001
    values, info, _ = lgbf
    code = next(c for c in info.index if info.loc[c, "Ranking_Type"] == "Goldilocks")
    rows = values[values["Code"] == code].rename(columns={"LocalAuthority": "name", "Year": "period",
                                                          "LA_IndicatorReal": "value"})
    scale = 100.0 if rows["value"].abs().max() <= 5 else 1.0
    rows = rows.assign(value=rows["value"] * scale)
    rows = rows.assign(dist=(rows["value"] - float(info.loc[code, "Ranking_GoldilocksMidpoint"]) * scale).abs())
    period, expected = _expected(rows, list(rows["name"].unique()), "name", "distance", 3)
    r = rank_councils(store, code, scope="scotland", n=3, period=period)
    assert [(a, b) for a, b, _ in _got(r, key="name")] == [(a, b) for a, b, _ in expected]
    assert [v for _, _, v in _got(r, key="name")] == pytest.approx([v for _, _, v in expected], rel=1e-12)


def test_neighbour_group_ranking_for_a_council(store: IndicatorStore, asc: pd.DataFrame, shared_dir: Path) -> None:
    neighbours = json.loads((shared_dir / "data" / "oflog_asc" / "nearest_neighbours.json").read_text())
    rows = asc[asc["Code"] == "ASC1"]
    members = [m for m in set(neighbours[HOME]) | {HOME} if m in set(rows["code"])]
    period, expected = _expected(rows, members, "code", "higher", 16)
    r = rank_councils(store, "ASC1", scope="neighbours", home=HOME, n=16)
    assert r.period == period and _got(r) == expected and r.count == len(expected)
    assert r.scope_label == "Darlington's nearest neighbours" and r.home is None  # listed, not repeated
    top3 = rank_councils(store, "ASC1", scope="neighbours", home=HOME, n=3)
    own = next(e for e in expected if e[1] == HOME)
    assert top3.home is not None and (top3.home.rank, top3.home.value) == (own[0], own[2])
    assert top3.sentences[-1].startswith("Darlington is ")


def test_lgbf_family_group_ranking(store: IndicatorStore, lgbf) -> None:  # noqa: ANN001
    values, info, families = lgbf
    fam = families[families["Type"] == info.loc["ENV06", "FamilyGrouping"]]
    group = fam.loc[fam["Local_Authority"] == "Fife", "Family_Group"].iloc[0]
    members = list(fam.loc[fam["Family_Group"] == group, "Local_Authority"])
    rows = values[values["Code"] == "ENV06"].rename(columns={"LocalAuthority": "name", "Year": "period",
                                                             "LA_IndicatorReal": "value"})
    scale = 100.0 if rows["value"].abs().max() <= 5 else 1.0
    rows = rows.assign(value=rows["value"] * scale)
    period, expected = _expected(rows, members, "name", "higher", len(members))
    r = rank_councils(store, "ENV06", scope="family", home="S-fife", n=len(members))
    assert r.period == period and [(a, b) for a, b, _ in _got(r, key="name")] == [(a, b) for a, b, _ in expected]
    assert "family group" in r.scope_label


def test_requests_resulting_in_a_service_has_no_direction(store: IndicatorStore, asc: pd.DataFrame) -> None:
    for order in ("best", "worst"):
        with pytest.raises(IndicatorError, match="no stated direction of good performance") as exc:
            rank_councils(store, "ASC6", order=order)
        assert "\n" not in str(exc.value)
    rows = asc[asc["Code"] == "ASC6"]
    period, expected = _expected(rows, list(rows["code"].unique()), "code", "higher", 3)
    assert _got(rank_councils(store, "ASC6", order="highest", n=3)) == expected


def test_a_scope_of_the_wrong_nation_is_refused(store: IndicatorStore) -> None:
    with pytest.raises(IndicatorError, match="not Scotland data"):
        rank_councils(store, "ASC1", scope="scotland")
    with pytest.raises(IndicatorError, match="family groups are LGBF"):
        rank_councils(store, "ASC1", scope="family", home=HOME)
