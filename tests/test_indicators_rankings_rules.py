"""Ranking rules on a small hand-made table whose answers are known: ties, polarity, midpoints, period choice,
the home council's place, scopes and errors; every number a ranking prints is one of its figures."""

from __future__ import annotations

import string

import pytest

from indicator_checks import stated_numbers
from indicators.errors import IndicatorError
from indicators.listing_wording import LISTING_MESSAGES
from indicators.ranking import Ranking, rank_councils, scope_members
from indicators.store import IndicatorStore

NAMES = {c: f"Council {c}" for c in "ABCDEFG"}
NAMES["A"] = "Alpha"


def _row(ind: str, code: str, period: str, value: float, unit: str = "%", polarity: str = "",
         target: str = "") -> str:
    return f"{ind},{ind} measure,{code},{NAMES[code]},{period},{value},{unit},{polarity},{target}"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    tmp = tmp_path_factory.mktemp("rank-rules")
    rows = ["indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity,target"]
    # HI: higher is better. 2021-22 all seven; 2022-23 six (G missing); 2023-24 only Alpha.
    for code, v in zip("ABCDEFG", [5, 6, 7, 8, 9, 10, 11], strict=True):
        rows.append(_row("HI", code, "2021-22", v, polarity="higher_is_better"))
    for code, v in zip("ABCDEF", [10, 9, 9, 8, 8, 7], strict=True):
        rows.append(_row("HI", code, "2022-23", v, polarity="higher_is_better"))
    rows.append(_row("HI", "A", "2023-24", 12, polarity="higher_is_better"))
    for code, v in zip("ABC", [5, 3, 4], strict=True):
        rows.append(_row("LO", code, "2022-23", v, unit="days", polarity="lower_is_better"))
    for code, v in zip("ABCD", [48, 53, 50, 60], strict=True):
        rows.append(_row("MID", code, "2022-23", v, polarity="closer_to_target"))
        rows.append(_row("MIDX", code, "2022-23", v, polarity="closer_to_target", target="50"))
        rows.append(_row("NOPOL", code, "2022-23", v))
    # MOST: every period has one value among five councils: no period reaches half.
    for code, year in zip("ABCDE", ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24"], strict=True):
        rows.append(_row("MOST", code, year, 1.5 + ord(code) - 65, polarity="higher_is_better"))
    data = tmp / "data.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    meta = tmp / "meta.csv"
    meta.write_text("indicator_id,name,midpoint\nMID,Balance measure,50\n", encoding="utf-8")
    groups = tmp / "groups.csv"
    lines = ["area_code,group,member_code"] + [f"A,similar councils,{m}" for m in "ABCDX"]
    lines += [f"B,nearest_neighbours,{m}" for m in "BCD"]
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = IndicatorStore(tmp / "home")
    s.import_file(data, fmt="tidy", meta=meta, groups=groups, dataset="rules")
    return s


def _listed(r: Ranking) -> list[tuple[int, bool, str]]:
    return [(c.rank, c.tied, c.area_code) for c in r.councils]


def unaccounted(r: Ranking) -> list[str]:
    """Numbers in the sentences that no figure of the ranking accounts for."""
    values = [f.value for f in r.figures]
    names = {r.indicator_name, r.scope_label, *(f.area_name for f in r.figures)}
    missing = []
    for sentence in r.sentences:
        for name in names:
            sentence = sentence.replace(name, " ")
        for value, decimals in stated_numbers(sentence):
            tol = 0.5 * 10 ** (-decimals) + 1e-9
            if not any(abs(abs(v) - abs(value)) <= max(tol, abs(v) * 0.005) for v in values):
                missing.append(f"{value} in {sentence!r}")
    return missing


def test_competition_ranking_keeps_ties_and_the_latest_half_period(store: IndicatorStore) -> None:
    r = rank_councils(store, "HI", n=3)
    assert r.period == "2022-23" and r.period_rule == "half"  # 2023-24 has one of seven
    assert _listed(r) == [(1, False, "A"), (2, True, "B"), (2, True, "C")]
    assert r.count == 6 and r.scope_size == 7 and not r.boundary_tie
    assert "latest period in which at least half" in r.sentences[0]
    assert r.sentences[2] == "2nd (joint): Council B, 9%."
    assert unaccounted(r) == []


def test_a_tie_at_the_last_place_lists_every_council_at_it(store: IndicatorStore) -> None:
    r = rank_councils(store, "HI", n=2)
    assert _listed(r) == [(1, False, "A"), (2, True, "B"), (2, True, "C")] and r.boundary_tie
    r = rank_councils(store, "HI", n=4)
    assert [c.area_code for c in r.councils] == ["A", "B", "C", "D", "E"] and r.boundary_tie
    assert any("tied at 4th" in s for s in r.sentences)


def test_worst_lists_the_bottom_worst_first_with_ties(store: IndicatorStore) -> None:
    assert _listed(rank_councils(store, "HI", order="worst", n=1)) == [(6, False, "F")]
    assert _listed(rank_councils(store, "HI", order="worst", n=2)) == [(6, False, "F"), (4, True, "D"),
                                                                       (4, True, "E")]


def test_lower_is_better_and_midpoint_polarity(store: IndicatorStore) -> None:
    assert [c.area_code for c in rank_councils(store, "LO").councils] == ["B", "C", "A"]
    r = rank_councils(store, "MID")
    assert [c.area_code for c in r.councils] == ["C", "A", "B", "D"] and r.ideal == 50
    assert "closest to 50.0% is best" in r.sentences[0] and unaccounted(r) == []


def test_no_direction_refuses_best_and_worst_but_gives_highest_and_lowest(store: IndicatorStore) -> None:
    for order in ("best", "worst"):
        with pytest.raises(IndicatorError, match="no stated direction") as exc:
            rank_councils(store, "NOPOL", order=order)
        assert "\n" not in str(exc.value) and "highest or lowest" in str(exc.value)
    with pytest.raises(IndicatorError, match="no fixed midpoint"):
        rank_councils(store, "MIDX")
    high = rank_councils(store, "NOPOL", order="highest", n=2)
    assert [c.area_code for c in high.councils] == ["D", "B"] and "not a judgement" in high.sentences[0]
    assert [c.area_code for c in rank_councils(store, "NOPOL", order="lowest", n=2).councils] == ["A", "C"]


def test_asked_period_and_the_most_values_fallback(store: IndicatorStore) -> None:
    r = rank_councils(store, "HI", period="2021/22", n=1)
    assert r.period == "2021-22" and r.period_rule == "asked" and _listed(r) == [(1, False, "G")]
    with pytest.raises(IndicatorError, match="periods held: 2021-22, 2022-23, 2023-24"):
        rank_councils(store, "HI", period="2030-31")
    most = rank_councils(store, "MOST")
    assert most.period == "2023-24" and most.period_rule == "most" and most.count == 1
    assert "no period has values for at least half" in most.sentences[0]


def test_the_home_council_is_placed_when_not_listed(store: IndicatorStore) -> None:
    r = rank_councils(store, "HI", n=3, home="F")
    assert r.home is not None and (r.home.rank, r.home.area_code) == (6, "F")
    assert r.sentences[-1] == "Council F is 6th of 6, at 7%." and unaccounted(r) == []
    missing = rank_councils(store, "HI", n=3, home="G")
    assert missing.home is None and missing.home_missing
    assert missing.sentences[-1] == "Council G has no value in 2022-23."
    assert rank_councils(store, "HI", n=3, home="A").home is None  # listed already


def test_neighbour_scope_and_labels(store: IndicatorStore) -> None:
    members, label = scope_members(store, "HI", "neighbours", home="A")
    assert members == ["A", "B", "C", "D"] and label == "Alpha's comparator group, similar councils"  # X: no data
    r = rank_councils(store, "HI", scope="neighbours", home="A")
    assert [c.area_code for c in r.councils] == ["A", "B", "C", "D"] and r.count == 4
    assert scope_members(store, "HI", "neighbours", home="B")[1] == "Council B's nearest neighbours"
    assert scope_members(store, "HI", "all")[1] == "all councils in the data"
    assert rank_councils(store, "HI", scope="national").scope == "all"


@pytest.mark.parametrize(("kwargs", "match"), [
    (dict(scope="england"), "not England data"),
    (dict(scope="scotland"), "not Scotland data"),
    (dict(scope="family", home="A"), "family groups are LGBF"),
    (dict(scope="neighbours"), "needs a council"),
    (dict(scope="neighbours", home="E"), "no comparator group"),
    (dict(scope="region"), "unknown ranking scope"),
    (dict(order="middle"), "unknown ranking order"),
    (dict(n=0), "at least 1"),
])
def test_bad_requests_are_one_line_errors(store: IndicatorStore, kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(IndicatorError, match=match) as exc:
        rank_councils(store, "HI", **kwargs)  # type: ignore[arg-type]
    assert "\n" not in str(exc.value)


def test_each_council_figure_carries_its_own_code(store: IndicatorStore) -> None:
    r = rank_councils(store, "HI", n=3, home="F")
    values = {f.area_code: f.value for f in r.figures if f.label.startswith("rank ") and f.label.endswith("value")}
    assert values == {"A": 10, "B": 9, "C": 9, "F": 7}
    ranked = [f for f in r.figures if f.label == "councils ranked"]
    assert len(ranked) == 1 and ranked[0].value == 6 and ranked[0].unit == "councils"
    assert {f.label for f in r.figures if f.area_code == "B"} == {"rank 2 value", "rank"}


@pytest.mark.parametrize("key", sorted(LISTING_MESSAGES))
def test_every_listing_template_renders(key: str) -> None:
    template = LISTING_MESSAGES[key]
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    text = template.format(**{name: f"<{name}>" for name in fields})
    assert text.strip() and "{" not in text and "}" not in text
    assert all(f"<{name}>" in text for name in fields)
