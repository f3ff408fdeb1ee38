"""Every fact of the fictional Northbridge sample pack, so documents and data agree by construction.

Nothing here is real: Northbridge District Council and its 15 comparators do not exist. The generator
(`generate.py`) renders these structures into PDF, Word, Markdown, HTML and CSV; tests read them to know
what was planted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

FICTIONAL_NOTICE = "FICTIONAL SAMPLE - Northbridge District Council does not exist"
# Tests look for this marker in every document; it is contained in FICTIONAL_NOTICE.
FICTIONAL_MARKER = "FICTIONAL SAMPLE"

# The one distinctive fact of the exempt report. It must never appear outside restricted channels, so it
# appears in no public document, no CSV and no manifest title.
RESTRICTED_FACT = "Kestrel"
RESTRICTED_SENTENCE = "the proposed sale of the Harrow Lane depot to Kestrel Land Partners for £3.85 million"
# Further phrases only the restricted document contains (the site and the price identify the deal too).
RESTRICTED_PHRASES = (RESTRICTED_FACT, "Harrow Lane", "3.85 million")

HOME_CODE = "E07999001"
HOME_NAME = "Northbridge District Council"
COMPARATORS: tuple[tuple[str, str], ...] = (
    ("E07999002", "Eastmere District Council"),
    ("E07999003", "Kingsford Borough Council"),
    ("E07999004", "Ashworth Vale District Council"),
    ("E07999005", "Brackenmoor District Council"),
    ("E07999006", "Castlebrook Borough Council"),
    ("E07999007", "Dunhollow District Council"),
    ("E07999008", "Elmridge District Council"),
    ("E07999009", "Fernleigh District Council"),
    ("E07999010", "Greywater Borough Council"),
    ("E07999011", "Hollinsford District Council"),
    ("E07999012", "Lowerby District Council"),
    ("E07999013", "Marshcombe District Council"),
    ("E07999014", "Oakhampstead District Council"),
    ("E07999015", "Redbourne Vale District Council"),
    ("E07999016", "Westcombe Borough Council"),
)
AREAS: tuple[tuple[str, str], ...] = ((HOME_CODE, HOME_NAME), *COMPARATORS)
GROUP_NAME = "nearest_neighbours"

ANNUAL_PERIODS: tuple[str, ...] = ("2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24")
QUARTER_PERIODS: tuple[str, ...] = ("2024-25 Q1", "2024-25 Q2")
LATEST_ANNUAL = ANNUAL_PERIODS[-1]
LATEST_QUARTER = QUARTER_PERIODS[-1]
# The year the 2023 peer challenge could see (its report predates the 2023-24 outturn).
PEER_CHALLENGE_YEAR = "2022-23"

# RAG rule used by the (fictional) council: green when the target is met, amber when within this
# fraction of the target on the wrong side, red beyond it.
AMBER_TOLERANCE = 0.05

HOME_SOURCE = "Northbridge District Council performance system (fictional sample)"
QUARTERLY_SOURCE = "Northbridge District Council quarterly KPI return (fictional sample)"


@dataclass(frozen=True)
class NeighbourModel:
    """How the comparators' values are made: centre +/- spread, a shared year pattern, per-council drift."""

    centre: float
    spread: float
    year_shift: tuple[float, ...]  # added to every comparator in each annual period (national pattern)
    noise: float
    slope: float = 0.0  # max per-year drift of one council, so trajectories differ
    low: float = 0.0
    high: float | None = None


@dataclass(frozen=True)
class Quarter:
    """One quarterly KPI value of the home council."""

    period: str
    value: float | None
    target: float
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    """One indicator: metadata, the home council's annual series and targets, quarters, report text."""

    indicator_id: str
    name: str
    unit: str
    polarity: str
    decimals: int
    measure_type: str
    description: str
    source: str
    aliases: tuple[str, ...]
    home: tuple[float | None, ...]  # one per ANNUAL_PERIODS; None = computed from home_counts
    targets: tuple[float, ...]
    neighbours: NeighbourModel
    home_counts: tuple[tuple[int, int], ...] = ()
    quarters: tuple[Quarter, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)
    commentary: str = ""
    action: str = ""


def _pct(numerator: int, denominator: int) -> float:
    return round(100.0 * numerator / denominator, 1)


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        indicator_id="household_recycling_rate",
        name="Household waste sent for reuse, recycling and composting (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Percentage of household waste collected that is sent for reuse, recycling or composting.",
        source="Fictional sample (modelled on WasteDataFlow)",
        aliases=("recycling", "recycling rate", "household waste recycled", "waste recycling",
                 "household recycling"),
        home=(46.1, 45.0, 43.8, 42.2, 40.9, 39.5),
        targets=(47.0, 47.0, 48.0, 48.0, 48.0, 48.0),
        neighbours=NeighbourModel(centre=47.5, spread=7.0, year_shift=(0.6, 0.5, -0.4, 0.3, 0.1, 0.0),
                                  noise=0.5, slope=0.3, high=100.0),
        quarters=(Quarter("2024-25 Q1", 38.9, 48.0), Quarter("2024-25 Q2", 40.2, 48.0)),
        commentary="Seasonal rise from garden waste in Q2, but still well below target and the 50% plan "
                   "commitment. Contamination rejections at the materials recovery facility remain high.",
        action="Recycling recovery plan (Peer Challenge Recommendation 4) not yet published; now expected "
               "in Q4 2024-25. Contamination campaign on the worst ten rounds from January 2025.",
    ),
    Indicator(
        indicator_id="missed_bins_per_100k",
        name="Missed bin collections per 100,000 collections",
        unit="per 100,000 collections", polarity="lower_is_better", decimals=0, measure_type="rate",
        description="Bin collections reported missed per 100,000 scheduled collections.",
        source="Fictional sample (council waste management system)",
        aliases=("bin collections", "missed bins", "missed collections"),
        home=(62.0, 58.0, 55.0, 88.0, 84.0, 79.0),
        targets=(60.0, 60.0, 60.0, 80.0, 80.0, 80.0),
        neighbours=NeighbourModel(centre=62.0, spread=22.0, year_shift=(-3.0, -2.0, 6.0, 3.0, 1.0, 0.0),
                                  noise=3.0, slope=1.0, low=10.0),
        quarters=(Quarter("2024-25 Q1", 81.0, 80.0), Quarter("2024-25 Q2", 76.0, 80.0)),
        notes={"2021-22": "Break in series: from 2021-22 collected by the in-cab digital reporting system "
                          "(previously from customer contact records); not comparable with earlier years."},
        commentary="Within target. Figures since 2021-22 come from in-cab reporting and are not comparable "
                   "with earlier years.",
    ),
    Indicator(
        indicator_id="residual_waste_per_household",
        name="Residual household waste per household (kg)",
        unit="kg", polarity="lower_is_better", decimals=0, measure_type="average",
        description="Kilograms of residual (non-recycled) household waste collected per household per year.",
        source="Fictional sample (modelled on WasteDataFlow)",
        aliases=("residual waste", "black bin waste", "waste per household", "residual household waste"),
        home=(512.0, 520.0, 548.0, 541.0, 538.0, 536.0),
        targets=(500.0, 500.0, 500.0, 500.0, 500.0, 500.0),
        neighbours=NeighbourModel(centre=485.0, spread=55.0, year_shift=(12.0, 15.0, 38.0, 24.0, 9.0, 0.0),
                                  noise=6.0, slope=2.0, low=300.0),
        commentary="Residual waste has barely fallen since the 2020-21 peak.",
        action="Review of side-waste enforcement and bin capacity policy, report to Cabinet March 2025.",
    ),
    Indicator(
        indicator_id="waste_collection_cost_per_household",
        name="Net cost of waste collection per household (£)",
        unit="£", polarity="lower_is_better", decimals=2, measure_type="cost",
        description="Net revenue cost of household waste collection divided by the number of households.",
        source="Fictional sample (modelled on revenue outturn returns)",
        aliases=("waste collection cost", "cost of waste collection", "bin collection cost",
                 "net cost of waste", "cost per household"),
        home=(58.20, 60.10, 63.40, 66.90, 71.30, 75.80),
        targets=(60.0, 60.0, 62.0, 65.0, 68.0, 70.0),
        neighbours=NeighbourModel(centre=63.0, spread=12.0, year_shift=(-11.0, -9.5, -7.0, -5.0, -2.5, 0.0),
                                  noise=1.2, slope=0.5, low=30.0),
        commentary="Cost per household continues to rise with fuel, pay and fleet costs.",
        action="Waste contract efficiency review included in the Medium Term Financial Strategy savings plan.",
    ),
    Indicator(
        indicator_id="planning_major_in_time",
        name="Major planning applications decided in time (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Major planning applications decided within 13 weeks or an agreed extension of time.",
        source="Fictional sample (modelled on DLUHC planning statistics)",
        aliases=("major planning", "major applications", "planning majors", "major planning applications",
                 "speed of major planning decisions"),
        home=(None, None, None, None, None, None),
        home_counts=((22, 25), (27, 30), (15, 21), (20, 25), (26, 30), (24, 26)),
        targets=(85.0, 85.0, 85.0, 85.0, 85.0, 85.0),
        neighbours=NeighbourModel(centre=87.0, spread=8.0, year_shift=(-2.0, -1.0, -7.0, -3.0, -1.0, 0.0),
                                  noise=1.5, slope=0.5, high=100.0),
        quarters=(Quarter("2024-25 Q1", None, 85.0, 6, 7), Quarter("2024-25 Q2", None, 85.0, 8, 9)),
        commentary="Above target. Small numbers: one late decision moves the quarterly figure by over 10 points.",
    ),
    Indicator(
        indicator_id="planning_minor_in_time",
        name="Minor planning applications decided in time (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Minor planning applications decided within 8 weeks or an agreed extension of time.",
        source="Fictional sample (modelled on DLUHC planning statistics)",
        aliases=("minor planning", "minor applications", "planning minors", "minor planning applications"),
        home=(84.0, 86.0, 79.0, 83.0, 85.0, 87.0),
        targets=(85.0, 85.0, 85.0, 85.0, 85.0, 85.0),
        neighbours=NeighbourModel(centre=85.0, spread=8.0, year_shift=(-1.0, 0.0, -5.0, -2.0, -1.0, 0.0),
                                  noise=1.5, slope=0.5, high=100.0),
        quarters=(Quarter("2024-25 Q1", 88.2, 85.0), Quarter("2024-25 Q2", 86.5, 85.0)),
        commentary="Above target for the fourth consecutive quarter.",
    ),
    Indicator(
        indicator_id="homelessness_prevention_rate",
        name="Homelessness prevention duties ended with homelessness prevented (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Share of households owed a prevention duty whose duty ended with accommodation secured.",
        source="Fictional sample (modelled on H-CLIC returns)",
        aliases=("homelessness", "homelessness prevention", "prevention duty", "homeless prevention",
                 "preventing homelessness"),
        home=(58.0, 56.0, 52.0, 54.0, 55.0, 57.0),
        targets=(60.0, 60.0, 60.0, 60.0, 60.0, 60.0),
        neighbours=NeighbourModel(centre=55.0, spread=11.0, year_shift=(2.0, 1.0, -2.0, -1.0, 0.0, 0.0),
                                  noise=1.5, slope=0.5, high=100.0),
        quarters=(Quarter("2024-25 Q1", 55.2, 60.0), Quarter("2024-25 Q2", 57.4, 60.0)),
        commentary="Improving on Q1 but below target; private rented sector options are scarce.",
        action="Two additional prevention officers funded from the Homelessness Prevention Grant from "
               "November 2024.",
    ),
    Indicator(
        indicator_id="temporary_accommodation_per_1000",
        name="Households in temporary accommodation per 1,000 households",
        unit="per 1,000 households", polarity="lower_is_better", decimals=2, measure_type="rate",
        description="Households in temporary accommodation arranged by the council at the end of the period, "
                    "per 1,000 households.",
        source="Fictional sample (modelled on H-CLIC returns)",
        aliases=("temporary accommodation", "TA", "households in temporary accommodation",
                 "homeless households in temporary accommodation"),
        home=(0.92, 1.04, 1.31, 1.52, 1.83, 2.11),
        targets=(1.0, 1.0, 1.2, 1.4, 1.5, 1.5),
        neighbours=NeighbourModel(centre=1.5, spread=0.8, year_shift=(-0.5, -0.42, -0.3, -0.2, -0.1, 0.0),
                                  noise=0.06, slope=0.03, low=0.1),
        quarters=(Quarter("2024-25 Q1", 2.18, 1.5), Quarter("2024-25 Q2", 2.27, 1.5)),
        commentary="Demand continues to rise; 9 households were in bed and breakfast at the end of Q2.",
        action="Temporary accommodation reduction plan with registered providers (Peer Challenge "
               "Recommendation 3) to Cabinet in January 2025.",
    ),
    Indicator(
        indicator_id="relet_days",
        name="Average days to re-let council homes (general needs)",
        unit="days", polarity="lower_is_better", decimals=0, measure_type="average",
        description="Average calendar days from a general needs council home becoming empty to a new tenancy.",
        source="Fictional sample (council housing management system)",
        aliases=("re-let", "relet", "void", "voids", "re-let times", "empty homes turnaround"),
        home=(28.0, 30.0, 41.0, 36.0, 33.0, 31.0),
        targets=(30.0, 30.0, 30.0, 30.0, 30.0, 30.0),
        neighbours=NeighbourModel(centre=33.0, spread=9.0, year_shift=(-4.0, -3.0, 9.0, 4.0, 1.0, 0.0),
                                  noise=1.5, slope=0.5, low=10.0),
        quarters=(Quarter("2024-25 Q1", 32.0, 30.0), Quarter("2024-25 Q2", 29.0, 30.0)),
        commentary="Back within target after the new voids contractor settled in.",
    ),
    Indicator(
        indicator_id="council_tax_collection",
        name="Council tax collected in year (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Council tax collected in the financial year as a percentage of the net collectable debit.",
        source="Fictional sample (modelled on QRC4 collection returns)",
        aliases=("council tax", "council tax collection", "council tax collection rate", "ctax collection",
                 "collection rate"),
        home=(97.1, 96.9, 95.4, 95.9, 96.0, 96.2),
        targets=(97.0, 97.0, 95.5, 96.0, 96.0, 96.0),
        neighbours=NeighbourModel(centre=97.6, spread=0.7, year_shift=(0.3, 0.3, -0.9, -0.4, -0.1, 0.0),
                                  noise=0.08, slope=0.02, high=99.5),
        commentary="On target for 2023-24.",
    ),
    Indicator(
        indicator_id="business_rates_collection",
        name="Business rates (NNDR) collected in year (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Non-domestic rates collected in the financial year as a percentage of the collectable debit.",
        source="Fictional sample (modelled on QRC4 collection returns)",
        aliases=("business rates", "nndr", "non-domestic rates", "business rates collection"),
        home=(98.6, 98.4, 93.9, 96.8, 97.9, 98.3),
        targets=(98.5, 98.5, 95.0, 97.0, 98.0, 98.0),
        neighbours=NeighbourModel(centre=98.1, spread=0.7, year_shift=(0.4, 0.3, -3.6, -1.1, -0.2, 0.0),
                                  noise=0.1, slope=0.03, high=99.9),
        commentary="On target for 2023-24.",
    ),
    Indicator(
        indicator_id="complaints_in_time",
        name="Complaints responded to within target time (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Stage 1 and Stage 2 complaints answered within the published response times.",
        source="Fictional sample (council complaints system)",
        aliases=("complaints", "complaint response", "complaints handling", "complaints in time",
                 "complaint response times"),
        home=(81.0, 79.0, 74.0, 78.0, 83.0, 85.0),
        targets=(90.0, 90.0, 90.0, 90.0, 90.0, 90.0),
        neighbours=NeighbourModel(centre=84.0, spread=10.0, year_shift=(-2.0, -2.0, -4.0, -2.0, -1.0, 0.0),
                                  noise=1.5, slope=0.5, high=100.0),
        quarters=(Quarter("2024-25 Q1", 86.4, 90.0), Quarter("2024-25 Q2", 88.1, 90.0)),
        commentary="Best quarter on record but still short of target; most late responses are in housing repairs.",
        action="Weekly tracking of open complaints in housing repairs by the Head of Housing.",
    ),
    Indicator(
        indicator_id="stage2_complaints_upheld",
        name="Stage 2 complaints upheld (%)",
        unit="%", polarity="lower_is_better", decimals=1, measure_type="percentage",
        description="Stage 2 (escalated) complaints upheld in full or in part, as a share of those decided.",
        source="Fictional sample (council complaints system)",
        aliases=("stage 2 complaints", "upheld complaints", "complaints upheld", "escalated complaints"),
        home=(31.0, 28.0, 33.0, 29.0, 27.0, 24.0),
        targets=(25.0, 25.0, 25.0, 25.0, 25.0, 25.0),
        neighbours=NeighbourModel(centre=27.0, spread=10.0, year_shift=(1.0, 1.0, 2.0, 1.0, 0.5, 0.0),
                                  noise=1.5, slope=0.5, high=100.0),
        commentary="Within target for the first time.",
    ),
    Indicator(
        indicator_id="sickness_absence_days",
        name="Working days lost to sickness absence per FTE",
        unit="days per FTE", polarity="lower_is_better", decimals=1, measure_type="average",
        description="Working days lost to sickness absence per full-time equivalent employee in the year.",
        source="Fictional sample (council HR system)",
        aliases=("sickness", "sickness absence", "absence", "staff absence", "days lost", "staff sickness"),
        home=(9.8, 10.4, 10.9, 9.6, 8.7, 7.9),
        targets=(8.5, 8.5, 8.5, 8.5, 8.5, 8.5),
        neighbours=NeighbourModel(centre=8.9, spread=1.6, year_shift=(0.2, 0.3, -0.6, 0.6, 0.4, 0.0),
                                  noise=0.2, slope=0.1, low=3.0),
        quarters=(Quarter("2024-25 Q1", 7.7, 8.5, note="Rolling 12 months to the end of the quarter."),
                  Quarter("2024-25 Q2", 7.6, 8.5, note="Rolling 12 months to the end of the quarter.")),
        commentary="Lowest level recorded, after the wellbeing programme and manager training from 2021.",
    ),
    Indicator(
        indicator_id="staff_turnover",
        name="Staff turnover (%)",
        unit="%", polarity="lower_is_better", decimals=1, measure_type="percentage",
        description="Leavers in the year as a percentage of average headcount.",
        source="Fictional sample (council HR system)",
        aliases=("turnover", "staff turnover", "leavers", "workforce turnover"),
        home=(11.2, 12.5, 9.1, 15.8, 14.2, 12.5),
        targets=(12.0, 12.0, 12.0, 12.0, 12.0, 12.0),
        neighbours=NeighbourModel(centre=12.5, spread=3.5, year_shift=(-1.5, -1.0, -3.0, 1.5, 0.8, 0.0),
                                  noise=0.5, slope=0.2, low=3.0),
        commentary="Falling since 2021-22 but still above target; planning and environmental health hardest "
                   "to recruit.",
        action="Workforce strategy (Peer Challenge Recommendation 8) adopted September 2024; market "
               "supplements for planning officers under review.",
    ),
    Indicator(
        indicator_id="dfg_within_26_weeks",
        name="Disabled facilities grants completed within 26 weeks (%)",
        unit="%", polarity="higher_is_better", decimals=1, measure_type="percentage",
        description="Disabled facilities grant adaptations completed within 26 weeks of the approved referral.",
        source="Fictional sample (council private sector housing system)",
        aliases=("disabled facilities grants", "dfg", "adaptations", "home adaptations",
                 "disabled facilities grant"),
        home=(None, None, None, None, None, None),
        home_counts=((24, 30), (28, 33), (12, 19), (22, 29), (27, 34), (31, 38)),
        targets=(85.0, 85.0, 85.0, 85.0, 85.0, 85.0),
        neighbours=NeighbourModel(centre=76.0, spread=13.0, year_shift=(2.0, 2.0, -10.0, -4.0, -1.0, 0.0),
                                  noise=2.0, slope=0.6, high=100.0),
        quarters=(Quarter("2024-25 Q1", None, 85.0, 8, 10), Quarter("2024-25 Q2", None, 85.0, 7, 9)),
        commentary="7 of 9 grants completed within 26 weeks; the two late cases waited for a stairlift "
                   "supplier. Small numbers: treat the percentage with caution.",
        action="Second approved stairlift supplier added to the framework from October 2024.",
    ),
    Indicator(
        indicator_id="fly_tipping_per_1000",
        name="Fly-tipping incidents per 1,000 population",
        unit="per 1,000 population", polarity="lower_is_better", decimals=1, measure_type="rate",
        description="Fly-tipping incidents recorded on public land per 1,000 residents in the year.",
        source="Fictional sample (modelled on Flycapture returns)",
        aliases=("fly-tipping", "fly tipping", "flytipping", "illegal dumping"),
        home=(8.1, 8.9, 11.7, 10.9, 10.2, 9.6),
        targets=(8.0, 8.0, 9.0, 9.0, 9.2, 9.2),
        neighbours=NeighbourModel(centre=9.5, spread=4.0, year_shift=(-1.8, -1.3, 1.3, 0.7, 0.2, 0.0),
                                  noise=0.3, slope=0.1, low=2.0),
        commentary="Falling for three years but still above target.",
        action="Two more deployable CCTV cameras for hotspots from Q3.",
    ),
    Indicator(
        indicator_id="leisure_visits_per_1000",
        name="Visits to council leisure centres per 1,000 population",
        unit="visits per 1,000 population", polarity="higher_is_better", decimals=0, measure_type="rate",
        description="Recorded visits to council-owned leisure centres per 1,000 residents in the year.",
        source="Fictional sample (leisure operator returns)",
        aliases=("leisure", "leisure centres", "leisure visits", "gym visits", "swimming", "wellbeing"),
        home=(5120.0, 5240.0, 1310.0, 3480.0, 4620.0, 4890.0),
        targets=(5000.0, 5000.0, 1500.0, 3500.0, 4500.0, 5000.0),
        neighbours=NeighbourModel(centre=5300.0, spread=1400.0,
                                  year_shift=(250.0, 320.0, -3750.0, -1600.0, -450.0, 0.0),
                                  noise=90.0, slope=30.0, low=200.0),
        notes={"2020-21": "Leisure centres closed for much of the year (Covid-19)."},
        commentary="Recovering towards pre-pandemic levels; swimming lessons fully booked.",
        action="Operator to report its membership recovery plan to the contract board in January 2025.",
    ),
)

INDICATORS_BY_ID: dict[str, Indicator] = {i.indicator_id: i for i in INDICATORS}

# The quarterly performance report's KPI table: quarterly KPIs at LATEST_QUARTER, annual ones at LATEST_ANNUAL.
REPORT_ROWS: tuple[tuple[str, str], ...] = tuple(
    (i.indicator_id, LATEST_QUARTER if i.quarters else LATEST_ANNUAL) for i in INDICATORS
)


@dataclass(frozen=True)
class PlantedPattern:
    """A pattern deliberately placed in the home council's data for demos and tests to find."""

    indicator_id: str
    periods: tuple[str, ...]
    description: str


PLANTED: dict[str, PlantedPattern] = {
    "worsening": PlantedPattern(
        "household_recycling_rate", ANNUAL_PERIODS,
        "Falls every year from 46.1% (2018-19) to 39.5% (2023-24) while the Council Plan commits to 50% by "
        "2026-27; bottom quartile of the 16-council group in 2023-24; Peer Challenge Recommendation 4 asks for "
        "a recovery plan and the September 2024 scrutiny minutes record no update yet."),
    "recovering": PlantedPattern(
        "planning_major_in_time", ("2020-21", "2021-22", "2022-23", "2023-24"),
        "Dips to 71.4% (15 of 21) in 2020-21, then recovers three years running to 92.3% in 2023-24."),
    "green_but_bottom_quartile": PlantedPattern(
        "council_tax_collection", ("2023-24",),
        "96.2% in 2023-24 against a target of 96.0% (green), while at least 12 of the 15 neighbours exceed 97% "
        "(bottom quartile)."),
    "break_in_series": PlantedPattern(
        "missed_bins_per_100k", ("2021-22",),
        "The 2021-22 row carries a 'Break in series' note: collection moved to in-cab reporting and the rate "
        "jumps from 55 to 88."),
    "lower_is_better_cost": PlantedPattern(
        "waste_collection_cost_per_household", ANNUAL_PERIODS,
        "Net cost per household (£, lower is better) rises every year from £58.20 to £75.80; 'up' is worse."),
    "real_improvement": PlantedPattern(
        "sickness_absence_days", ("2020-21", "2021-22", "2022-23", "2023-24"),
        "Sickness absence falls three years running, 10.9 -> 9.6 -> 8.7 -> 7.9 days per FTE, now better than "
        "target."),
    "small_numbers": PlantedPattern(
        "dfg_within_26_weeks", ("2024-25 Q2",),
        "7 of 9 disabled facilities grants completed within 26 weeks (77.8%) in 2024-25 Q2: two cases decide "
        "the RAG rating."),
    "rising_demand": PlantedPattern(
        "temporary_accommodation_per_1000", ANNUAL_PERIODS,
        "Households in temporary accommodation more than double from 0.92 to 2.11 per 1,000 households."),
}


# ---------------------------------------------------------------------------------------------------------
# Values: the single way every number in the pack is produced and printed.

def home_series(ind: Indicator) -> tuple[float, ...]:
    """The home council's annual values, in ANNUAL_PERIODS order."""
    if ind.home_counts:
        return tuple(_pct(n, d) for n, d in ind.home_counts)
    return tuple(float(v) for v in ind.home if v is not None)


def quarter_value(q: Quarter) -> float:
    """A quarterly value, computed from its counts when it has them."""
    if q.numerator is not None and q.denominator is not None:
        return _pct(q.numerator, q.denominator)
    if q.value is None:
        raise ValueError(f"quarter {q.period} has neither value nor counts")
    return q.value


def home_value(indicator_id: str, period: str) -> float:
    """The home council's value of an indicator in an annual or quarterly period."""
    ind = INDICATORS_BY_ID[indicator_id]
    if period in ANNUAL_PERIODS:
        return home_series(ind)[ANNUAL_PERIODS.index(period)]
    for q in ind.quarters:
        if q.period == period:
            return quarter_value(q)
    raise KeyError(f"{indicator_id} has no home value for {period}")


def home_target(indicator_id: str, period: str) -> float:
    """The home council's target of an indicator in an annual or quarterly period."""
    ind = INDICATORS_BY_ID[indicator_id]
    if period in ANNUAL_PERIODS:
        return ind.targets[ANNUAL_PERIODS.index(period)]
    for q in ind.quarters:
        if q.period == period:
            return q.target
    raise KeyError(f"{indicator_id} has no home target for {period}")


def _unit_hash(*parts: str) -> float:
    # A hash, not `random`, so the values never change with the Python version.
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()
    return int(digest[:12], 16) / float(16**12)


def _comparator_levels(ind: Indicator) -> dict[str, float]:
    # Evenly spaced levels in [-1, 1], dealt to comparators in a per-indicator hashed order, so each indicator
    # has a controlled spread and a different league table.
    order = sorted((c for c, _ in COMPARATORS), key=lambda code: _unit_hash(ind.indicator_id, code, "level"))
    count = len(order)
    return {code: -1.0 + 2.0 * i / (count - 1) for i, code in enumerate(order)}


def neighbour_value(ind: Indicator, area_code: str, period: str) -> float:
    """A comparator's (invented) annual value: level, national year pattern, its own drift and noise."""
    model = ind.neighbours
    t = ANNUAL_PERIODS.index(period)
    level = _comparator_levels(ind)[area_code]
    drift = model.slope * (2.0 * _unit_hash(ind.indicator_id, area_code, "slope") - 1.0)
    noise = model.noise * (2.0 * _unit_hash(ind.indicator_id, area_code, period) - 1.0)
    value = (model.centre + model.spread * level + model.year_shift[t]
             + drift * (t - (len(ANNUAL_PERIODS) - 1)) + noise)
    value = max(model.low, value)
    if model.high is not None:
        value = min(model.high, value)
    return round(value, ind.decimals)


def area_value(indicator_id: str, area_code: str, period: str) -> float:
    """Any area's value of an indicator in a period held by the pack."""
    if area_code == HOME_CODE:
        return home_value(indicator_id, period)
    return neighbour_value(INDICATORS_BY_ID[indicator_id], area_code, period)


def format_value(indicator_id: str, value: float) -> str:
    """A value as the pack prints it, in tables and CSVs alike (fixed decimals per indicator)."""
    return f"{value:.{INDICATORS_BY_ID[indicator_id].decimals}f}"


def rag(value: float, target: float, polarity: str) -> str:
    """The council's RAG rating: Green when met, Amber within AMBER_TOLERANCE of target, else Red."""
    if polarity == "lower_is_better":
        if value <= target:
            return "Green"
        return "Amber" if value <= target * (1 + AMBER_TOLERANCE) else "Red"
    if value >= target:
        return "Green"
    return "Amber" if value >= target * (1 - AMBER_TOLERANCE) else "Red"


# ---------------------------------------------------------------------------------------------------------
# People, dates and document content.

PEOPLE = {
    "leader": "Cllr David Price (Leader of the Council)",
    "environment": "Cllr Helen Marsh (Cabinet Member for Environment and Waste)",
    "housing_member": "Cllr Amir Qureshi (Cabinet Member for Housing)",
    "finance_member": "Cllr Lucy Fenwick (Cabinet Member for Finance and Resources)",
    "os_chair": "Cllr Priya Shah (Chair, Overview and Scrutiny Committee)",
    "os_member_1": "Cllr Tom Hartley",
    "os_member_2": "Cllr Janet Okafor",
    "os_member_3": "Cllr Graham Birch",
    "chief_exec": "Sarah Whitfield (Chief Executive)",
    "head_env": "Mark Ellison (Head of Environmental Services)",
    "finance_director": "Ruth Adeyemi (Director of Finance and Section 151 Officer)",
    "head_housing": "Claire Booth (Head of Housing)",
    "head_planning": "Gareth Lowe (Head of Planning)",
    "head_hr": "Nadia Rahman (Head of People and Organisational Development)",
    "scrutiny_officer": "Owen Fletcher (Democratic and Scrutiny Officer)",
}


@dataclass(frozen=True)
class Commitment:
    """A numbered Council Plan commitment, tied to an indicator where one measures it."""

    number: str
    text: str
    indicator_id: str | None = None
    target: float | None = None
    by: str = ""


@dataclass(frozen=True)
class Priority:
    """A numbered Council Plan priority."""

    number: int
    title: str
    ambition: str
    commitments: tuple[Commitment, ...]


PLAN_TITLE = "Northbridge Council Plan 2024-2028"
PLAN_DATE = date(2024, 2, 27)
PLAN_PRIORITIES: tuple[Priority, ...] = (
    Priority(1, "A cleaner, greener Northbridge",
             "Northbridge will be a clean place where waste is a resource, streets are free of litter and "
             "fly-tipping, and the council leads the way to net zero.",
             (Commitment("1.1", "Cut the council's own carbon emissions by 40% by 2028 against a 2019 baseline"),
              Commitment("1.2", "Raise household recycling to 50% by 2026-27", "household_recycling_rate",
                         50.0, "2026-27"),
              Commitment("1.3", "Reduce fly-tipping to 8 incidents per 1,000 residents by 2027-28",
                         "fly_tipping_per_1000", 8.0, "2027-28"),
              Commitment("1.4", "Keep missed bin collections below 80 per 100,000 every year",
                         "missed_bins_per_100k", 80.0, "2024-25"),
              Commitment("1.5", "Reduce residual waste to 480 kg per household by 2027-28",
                         "residual_waste_per_household", 480.0, "2027-28"))),
    Priority(2, "Good homes and strong communities",
             "Everyone in Northbridge will have a safe, secure and affordable home, and help early when they "
             "risk losing it.",
             (Commitment("2.1", "Prevent homelessness for at least 60% of households owed a prevention duty",
                         "homelessness_prevention_rate", 60.0, "2025-26"),
              Commitment("2.2", "Bring households in temporary accommodation back to 1.5 per 1,000 households "
                         "by 2026-27", "temporary_accommodation_per_1000", 1.5, "2026-27"),
              Commitment("2.3", "Re-let empty council homes in an average of 28 days", "relet_days", 28.0,
                         "2025-26"),
              Commitment("2.4", "Complete 85% of disabled facilities grants within 26 weeks",
                         "dfg_within_26_weeks", 85.0, "2024-25"),
              Commitment("2.5", "Deliver 400 new affordable homes over the life of the plan"))),
    Priority(3, "A thriving local economy",
             "Northbridge will be a place where businesses start and grow, town centres are busy and good "
             "development is approved quickly.",
             (Commitment("3.1", "Decide 90% of major planning applications in time", "planning_major_in_time",
                         90.0, "2025-26"),
              Commitment("3.2", "Decide 88% of minor planning applications in time", "planning_minor_in_time",
                         88.0, "2025-26"),
              Commitment("3.3", "Collect 98.5% of business rates in year", "business_rates_collection", 98.5,
                         "2026-27"),
              Commitment("3.4", "Return leisure centre visits to 5,200 per 1,000 residents by 2025-26",
                         "leisure_visits_per_1000", 5200.0, "2025-26"))),
    Priority(4, "A well-run council that listens",
             "The council will be financially sustainable, open about its performance, and quick and fair "
             "when residents complain.",
             (Commitment("4.1", "Collect 97% of council tax in year by 2027-28", "council_tax_collection", 97.0,
                         "2027-28"),
              Commitment("4.2", "Answer 95% of complaints within our published response times",
                         "complaints_in_time", 95.0, "2026-27"),
              Commitment("4.3", "Keep sickness absence below 8 days per FTE", "sickness_absence_days", 8.0,
                         "2025-26"),
              Commitment("4.4", "Close the £2.4 million budget gap in the Medium Term Financial Strategy by "
                         "2026-27"),
              Commitment("4.5", "Publish quarterly performance reports to Cabinet and Overview and Scrutiny"))),
)

# Council Plan commitments whose target and year the indicator metadata also declares as the home council's dated
# target (`target_value`, `target_period`, `target_area_code` in data/indicator_meta.csv), so answers about
# Northbridge (and only Northbridge: the comparators have no targets here) state the change needed per year to
# reach them: recycling to 50% by 2026-27 (higher is better, falling) and temporary accommodation back to 1.5 per
# 1,000 households by 2026-27 (lower is better, rising).
DATED_TARGET_COMMITMENTS: tuple[str, ...] = ("1.2", "2.2")


def dated_target(indicator_id: str) -> tuple[float, str] | None:
    """The (target, period) of the indicator's dated Council Plan target when its metadata declares one."""
    for priority in PLAN_PRIORITIES:
        for c in priority.commitments:
            if c.number in DATED_TARGET_COMMITMENTS and c.indicator_id == indicator_id and c.target is not None:
                return c.target, c.by
    return None


PEER_CHALLENGE_TITLE = "Corporate Peer Challenge: Northbridge District Council - Feedback Report"
PEER_CHALLENGE_DATE = date(2023, 12, 12)
PEER_CHALLENGE_VISIT = "14 to 17 November 2023"
PEER_TEAM: tuple[str, ...] = (
    "Cllr Margaret Doyle, Leader, Ashworth Vale District Council (lead member peer)",
    "Andrew Kemp, Chief Executive, Hollinsford District Council (lead officer peer)",
    "Cllr Simon Grant, Deputy Leader, Castlebrook Borough Council (member peer)",
    "Fiona Lister, Director of Resources, Fernleigh District Council (officer peer)",
    "Daniel Osei, Peer Challenge Manager, Local Government Association (fictional)",
)
THEMES: tuple[str, ...] = (
    "Local priorities and outcomes",
    "Organisational and place leadership",
    "Governance and culture",
    "Financial planning and management",
    "Capacity for improvement",
)
MTFS_GAP = "£2.4 million"


def _v(indicator_id: str, period: str) -> str:
    ind = INDICATORS_BY_ID[indicator_id]
    text = format_value(indicator_id, home_value(indicator_id, period))
    if ind.unit == "%":
        return f"{text}%"
    if ind.unit == "£":
        return f"£{text}"
    return text


def _neighbours_above(indicator_id: str, period: str, threshold: float) -> int:
    return sum(1 for code, _ in COMPARATORS if area_value(indicator_id, code, period) > threshold)


def _how_many(count: int) -> str:
    return "all" if count == len(COMPARATORS) else str(count)


def peer_findings() -> dict[str, tuple[str, ...]]:
    """Key findings per core theme, worded from the data the peers could see (up to 2022-23)."""
    pc = PEER_CHALLENGE_YEAR
    ctax_above = _neighbours_above("council_tax_collection", pc, home_value("council_tax_collection", pc))
    return {
        THEMES[0]: (
            "The council's ambitions are widely understood by staff and partners, but the current corporate "
            "plan has few measurable commitments and most targets are set one year at a time.",
            f"Household recycling has fallen every year, from {_v('household_recycling_rate', '2018-19')} in "
            f"2018-19 to {_v('household_recycling_rate', pc)} in {pc}, while the draft Council Plan "
            "2024-2028 aims for 50%. Peers did not see a plan to close the gap.",
            f"Speed of major planning decisions has recovered well, from {_v('planning_major_in_time', '2020-21')}"
            f" in 2020-21 to {_v('planning_major_in_time', pc)} in {pc}.",
            f"Council tax collection ({_v('council_tax_collection', pc)} in {pc}) is reported as green against "
            f"the council's own target, yet {_how_many(ctax_above)} of the other 15 councils in its nearest "
            "neighbour group collected more. Performance reports use RAG ratings against local targets and rarely show "
            "comparisons with similar councils.",
        ),
        THEMES[1]: (
            "The Leader and Chief Executive are visible and respected, and partners describe the council as "
            "a reliable convenor.",
            "Housing pressure is the place's most pressing issue: households in temporary accommodation rose "
            f"from {_v('temporary_accommodation_per_1000', '2018-19')} to "
            f"{_v('temporary_accommodation_per_1000', pc)} per 1,000 households between 2018-19 and {pc}, and "
            "there is no shared plan with registered providers.",
        ),
        THEMES[2]: (
            "Member-officer relationships are positive and the council's culture is open and friendly.",
            "Overview and Scrutiny Committee spends most of its time noting reports; it rarely shapes policy "
            "and does not track recommendations made to the council by external reviews.",
            "A relatively high share of Cabinet decisions are taken in private session as exempt items.",
        ),
        THEMES[3]: (
            f"The council has a good record of balancing its budget but faces a gap of {MTFS_GAP} by 2026-27 "
            "in its Medium Term Financial Strategy, and savings plans are not yet identified for all of it.",
            "The net cost of waste collection has risen from "
            f"{_v('waste_collection_cost_per_household', '2018-19')} per household in 2018-19 to "
            f"{_v('waste_collection_cost_per_household', pc)} in {pc}.",
        ),
        THEMES[4]: (
            f"Sickness absence has improved, from {_v('sickness_absence_days', '2020-21')} days per FTE in "
            f"2020-21 to {_v('sickness_absence_days', pc)} in {pc}, after a sustained wellbeing programme.",
            f"Staff turnover ({_v('staff_turnover', pc)} in {pc}) is a risk to capacity, especially in "
            "planning and environmental health.",
        ),
    }


@dataclass(frozen=True)
class Recommendation:
    """A numbered peer challenge recommendation."""

    number: int
    theme: str
    text: str
    indicator_id: str | None = None


def peer_recommendations() -> tuple[Recommendation, ...]:
    """The numbered recommendations of the 2023 peer challenge."""
    pc = PEER_CHALLENGE_YEAR
    return (
        Recommendation(1, THEMES[0], "Make the new Council Plan 2024-2028 measurable: a small number of "
                       "commitments, each with a baseline, a target and a date, reported quarterly."),
        Recommendation(2, THEMES[0], "Report key indicators against the council's nearest neighbours as well as "
                       "against local targets, so that a 'green' rating does not hide performance that is "
                       "low compared with similar councils (for example council tax collection).",
                       "council_tax_collection"),
        Recommendation(3, THEMES[1], "Agree a temporary accommodation reduction plan with registered providers "
                       "and partners, with a clear target and quarterly reporting.",
                       "temporary_accommodation_per_1000"),
        Recommendation(4, THEMES[0], "Develop a recovery plan for household waste recycling, with milestones "
                       "and a credible route to the 50% ambition, to reverse the decline from "
                       f"{_v('household_recycling_rate', '2018-19')} in 2018-19 to "
                       f"{_v('household_recycling_rate', pc)} in {pc}; report progress to Overview and "
                       "Scrutiny Committee.", "household_recycling_rate"),
        Recommendation(5, THEMES[2], "Give Overview and Scrutiny Committee a stronger role in policy "
                       "development, including tracking this action plan, supported by a member development "
                       "programme for scrutiny chairs."),
        Recommendation(6, THEMES[2], "Review the use of exempt (Part 2) reports so that as much business as "
                       "possible is taken in public."),
        Recommendation(7, THEMES[3], f"Set out how the {MTFS_GAP} budget gap will be closed by 2026-27, with "
                       "savings plans owned by named directors, including the rising net cost of waste "
                       "collection.", "waste_collection_cost_per_household"),
        Recommendation(8, THEMES[4], "Agree a workforce strategy to reduce staff turnover in hard-to-recruit "
                       "services and sustain the improvement in sickness absence.", "staff_turnover"),
        Recommendation(9, THEMES[4], "Publish an action plan within three months and invite the LGA to a "
                       "progress review in about ten months' time."),
    )


RECYCLING_RECOMMENDATION = 4

CABINET_DATE = date(2024, 7, 16)
SCRUTINY_DATE = date(2024, 9, 24)
REPORT_DATE = date(2024, 11, 12)
RESTRICTED_DATE = date(2024, 10, 1)
AUDIT_DATE = date(2024, 12, 10)
RECOVERY_PLAN_PROMISED_BY = "October 2024"

# Action plan agreed by Cabinet in July 2024: recommendation -> (owner, due).
ACTION_PLAN: dict[int, tuple[str, str]] = {
    1: ("Chief Executive", "Complete (Council Plan adopted 27 February 2024)"),
    2: ("Director of Finance", "Quarterly reports from 2025-26"),
    3: ("Head of Housing", "January 2025"),
    4: ("Head of Environmental Services", RECOVERY_PLAN_PROMISED_BY),
    5: ("Monitoring Officer", "September 2024"),
    6: ("Monitoring Officer", "December 2024"),
    7: ("Director of Finance", "February 2025 budget"),
    8: ("Head of People and Organisational Development", "September 2024"),
    9: ("Chief Executive", "Complete (action plan published)"),
}

# Progress reported to Overview and Scrutiny in September 2024: recommendation -> status.
ACTION_PLAN_PROGRESS: dict[int, str] = {
    1: "Complete",
    2: "Not started - scheduled for 2025-26",
    3: "In progress - draft plan with registered providers",
    4: "No update yet - recovery plan not drafted",
    5: "In progress - member development programme started",
    6: "In progress",
    7: "On track",
    8: "Complete - workforce strategy adopted",
    9: "Complete",
}

AUDIT_FIRM = "Fairbank Audit LLP (fictional)"
