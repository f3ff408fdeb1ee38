"""Pydantic models at the indicators package's boundary."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

Polarity = Literal["higher_is_better", "lower_is_better", "closer_to_target"]
Direction = Literal["improving", "worsening", "no change", "not comparable"]
Comparison = Literal["neighbours", "national", "none"]
Frequency = Literal["annual", "quarterly", "monthly"]


class Figure(BaseModel):
    """One number an answer states, traceable to dataset, indicator, area and period."""

    indicator_id: str
    indicator_name: str
    area_code: str
    area_name: str
    period: str
    value: float
    unit: str = ""
    label: str = ""  # what the number is, e.g. "latest value", "neighbour median"; not in the JSON contract
    dataset: str = ""


class IndicatorInfo(BaseModel):
    """Metadata for one indicator."""

    indicator_id: str
    name: str
    unit: str = ""
    polarity: Polarity | None = None
    description: str = ""
    measure_type: str = ""
    source: str = ""
    aliases: list[str] = Field(default_factory=list)
    dataset: str = ""
    periods: list[str] = Field(default_factory=list)
    # For closer_to_target indicators with a fixed ideal (LGBF "Goldilocks"), the value nearest which is best.
    midpoint: float | None = None
    reporting_period: str = ""  # e.g. "Annual", "3 Year Aggregates" (LGBF ReportingPeriod)
    category: str = ""  # service area, e.g. "Environmental Services"
    # What the denominator counts, when the source says ("Number of Premises", "Average Hourly Rate of Pay"):
    # small-number warnings are given only when it is a count of people or cases (indicators.analysis).
    denominator_description: str = ""
    # A target with a date (from the metadata file): the value to reach and the period by which to reach it, and
    # the council whose target it is (blank: every council's).
    target_value: float | None = None
    target_period: str = ""
    target_area_code: str = ""

    def has_dated_target(self, area_code: str) -> bool:
        """Whether a dated target is declared for this council (one whose target_area_code is blank or its code)."""
        return self.target_value is not None and bool(self.target_period) and \
            self.target_area_code in ("", area_code)


ComparatorTerms = Literal["oflog", "lgbf", "local"]


class DatasetComparators(BaseModel):
    """What a dataset's comparators are and what they are called (declared by its importer).

    - `terms`: "oflog" (England median and Oflog's MAD bands), "lgbf" (the published Scotland value and family-group
      average), "local" (a council's own data: the groups its files give, no national claim).
    - `national_name`: the nation the whole dataset covers ("England", "Scotland"), or "" when it is not national.
    - `group_label`: what the comparator groups are ("CIPFA nearest neighbours", "LGBF family group").
    """

    terms: ComparatorTerms = "local"
    national_name: str = ""
    group_label: str = "comparator group"
    published: bool = False  # the file carries published national and group values (LGBF)


_DEFAULT_COMPARATORS: dict[str, DatasetComparators] = {
    "oflog": DatasetComparators(terms="oflog", national_name="England", group_label="CIPFA nearest neighbours"),
    "lgbf": DatasetComparators(terms="lgbf", national_name="Scotland", group_label="LGBF family group",
                               published=True),
}


class DatasetInfo(BaseModel):
    """One imported dataset."""

    name: str
    format: str = "tidy"
    source: str = ""
    rows: int = 0
    indicators: int = 0
    areas: int = 0
    latest_period: str | None = None
    imported_at: str = ""
    national_label: str = "all councils in the data"
    comparators: DatasetComparators = Field(default_factory=DatasetComparators)

    @model_validator(mode="before")
    @classmethod
    def _declared_comparators(cls, data: object) -> object:
        # Datasets stored before comparators were declared: the format says what they are.
        if isinstance(data, dict) and "comparators" not in data:
            known = _DEFAULT_COMPARATORS.get(str(data.get("format", "")))
            if known is not None:
                data = {**data, "comparators": known.model_dump()}
        return data


class ImportReport(BaseModel):
    """What an import did: counts, rows skipped (line, reason) and warnings about the file."""

    dataset: str
    format: str = "tidy"
    rows: int = 0
    indicators: int = 0
    areas: int = 0
    periods: int = 0
    skipped: list[tuple[int | None, str]] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    seconds: float = 0.0


class SeriesPoint(BaseModel):
    """One period of a council's series."""

    period: str
    value: float | None
    target: float | None = None
    note: str = ""
    numerator: float | None = None
    denominator: float | None = None


class ChangeAssessment(BaseModel):
    """A change between two periods, with polarity applied."""

    from_period: str
    to_period: str
    from_value: float
    to_value: float
    absolute: float
    percent: float | None = None  # relative change, %; None when the base is zero
    points: float | None = None  # percentage-point change, for indicators measured in %
    direction: Direction


class TargetAssessment(BaseModel):
    """The latest value against its target; RAG uses a documented tolerance (see analysis.RAG_TOLERANCE)."""

    period: str
    target: float
    value: float
    met: bool
    gap: float  # value - target (signed)
    rag: Literal["green", "amber", "red"]
    tolerance: float  # relative to |target|: within it a miss is amber, not red
    green_but_bottom_quartile: bool = False


class ComparatorAssessment(BaseModel):
    """The latest value among a comparator group and nationally."""

    period: str
    comparison: Literal["neighbours", "national"]
    value: float | None = None  # the council's value in `period` (the comparison may use an earlier period)
    group_name: str
    n: int
    members: list[str] = Field(default_factory=list)
    median: float
    q1: float
    q3: float
    rank: int | None = None  # 1 = best for the polarity; None when the polarity is unknown
    quartile: int | None = None  # 1 = best quarter
    national_n: int = 0
    national_median: float | None = None
    mad: float | None = None  # national median absolute deviation
    mads: float | None = None  # (value - national median) / MAD, Oflog's measure
    mads_band: str = ""  # Oflog wording: "broadly similar", "slightly higher", "much lower", ...
    mads_judgement: str = ""  # "better", "worse" or "" once polarity is applied
    best_code: str | None = None  # best-performing member other than the council itself
    best_name: str | None = None
    best_value: float | None = None
    # Ties: members other than the council with exactly its value's standing (so its rank is "joint"), and every
    # member other than the council tied at the best value (best_code/best_name are the first of them).
    tied_with: list[str] = Field(default_factory=list)
    best_codes: list[str] = Field(default_factory=list)
    best_names: list[str] = Field(default_factory=list)
    # What the comparators are called (the dataset's declaration, see DatasetComparators).
    terms: ComparatorTerms = "local"
    national_name: str = ""  # "England", "Scotland" or "" (then the whole-data median is not called national)
    group_is_everyone: bool = False  # the group holds every council with a value (no separate national median)
    published_national: float | None = None  # LGBF: the published Scotland value for the period
    published_group_average: float | None = None  # LGBF: the published family-group average
    published_group_name: str = ""  # the family group the published average is for


class SignalAssessment(BaseModel):
    """Signal vs noise from an XmR (individuals) chart, or why it cannot be judged."""

    method: Literal["xmr", "too short"]
    points: int
    min_points: int
    centre: float | None = None
    lower_limit: float | None = None  # clipped to the measure's possible range (see `clipped`)
    upper_limit: float | None = None
    raw_lower_limit: float | None = None  # mean -/+ 2.66 x mean moving range, before clipping
    raw_upper_limit: float | None = None
    possible_min: float | None = None  # the measure's possible range (0-100 for a percentage), when known
    possible_max: float | None = None
    clipped: list[str] = Field(default_factory=list)  # "lower" and/or "upper": limits cut to the possible range
    beyond_limits: list[str] = Field(default_factory=list)  # periods outside the natural process limits
    runs: list[str] = Field(default_factory=list)  # run rules that fired, in words
    side_run: int = 0  # values in a row on one side of the centre line, ending at the latest (when it fired)
    trend_run: int = 0  # values in a row each rising (or each falling), ending at the latest (when it fired)
    verdict: str = ""


class NeighboursChange(BaseModel):
    """How the council's comparators moved over the same span as the council (is a change local or sector-wide?)."""

    from_period: str
    to_period: str
    group_name: str
    comparison: Literal["neighbours", "national"]
    of: int  # comparators other than the council with a value in both periods
    improved: int | None = None  # None when the indicator has no direction of good performance
    worsened: int | None = None
    rose: int = 0  # values up (whatever the polarity says)
    fell: int = 0
    council_direction: Direction = "not comparable"


class TargetPath(BaseModel):
    """The change needed per year from the latest value to reach a dated target, beside the recent pace."""

    target: float
    target_period: str
    from_period: str
    from_value: float
    years: float  # years from the latest period to the target period
    needed_per_year: float  # (target - latest) / years; in percentage points for a percentage
    met_already: bool
    recent_from_period: str | None = None  # the start of the span the recent pace is measured over
    recent_per_year: float | None = None  # average change per year over that span
    on_track: bool | None = None  # the recent pace, kept up, reaches the target by its date


class IndicatorAnalysis(BaseModel):
    """A polarity-aware judgement of one indicator for one council, every number in `figures`."""

    info: IndicatorInfo
    area_code: str
    area_name: str
    series: list[SeriesPoint]
    latest: Figure
    previous: Figure | None = None
    direction: Direction
    change: ChangeAssessment | None = None
    span_change: ChangeAssessment | None = None
    consecutive: int = 0
    consecutive_direction: Direction = "not comparable"
    target: TargetAssessment | None = None
    comparators: ComparatorAssessment | None = None
    # Against the nation over a span asked for: the national figures at the span's first period too.
    comparators_at_start: ComparatorAssessment | None = None
    signal: SignalAssessment
    caveats: list[str] = Field(default_factory=list)
    sentences: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    breaks: list[str] = Field(default_factory=list)  # periods marked as breaks in series
    # The frequency `series` and every trend, target, comparator and signal judgement use (one at a time: a
    # quarter-on-quarter move must never stand in for the annual trend).
    frequency: Frequency = "annual"
    # In-year sub-annual values after the latest annual one (e.g. 2024-25 Q1, Q2), reported beside the annual
    # judgement, not mixed into it; `latest_in_year` is the last of them.
    in_year: list[SeriesPoint] = Field(default_factory=list)
    latest_in_year: Figure | None = None
    # How often the indicator is collected, read from the periods held (annual, biennial, every 3 years, quarterly,
    # monthly, irregular) and the years between collections.
    cadence: str = "annual"
    cadence_years: float | None = None
    no_direction: bool = False  # no direction of good performance: rises and falls are described, not judged
    # A one-line reason to check the latest figure before celebrating or acting on it: it is outside the natural
    # process limits, or at the measure's ceiling or floor. None when there is no such reason.
    check_figure: str | None = None
    neighbours_improved: NeighboursChange | None = None
    target_path: TargetPath | None = None


class Resolution(BaseModel):
    """A plain-English question resolved to an indicator, area, span and comparison (or why not)."""

    status: Literal["resolved", "ambiguous", "unknown", "not_indicator"]
    indicator_id: str | None = None
    area_code: str | None = None
    since: str | None = None
    last_n: int | None = None
    period: str | None = None
    comparison: Comparison = "neighbours"
    frequency: Frequency | None = None  # set when the question asks for quarters/months ("latest quarter")
    candidates: list[IndicatorInfo] = Field(default_factory=list)
    message: str = ""
    score: float = 0.0
    # How the question was read beyond one indicator for one council (issue: questions as councillors ask them).
    intent: Literal["value", "trend", "compare", "rank", "overview", "target"] = "trend"
    areas: list[str] = Field(default_factory=list)  # every council (or group) the question is about, home first
    period_from: str | None = None  # the span's first period, normalised ("since 2019" -> "2019-20")
    period_to: str | None = None  # the span's last (or the one) period asked for
    years_back: int | None = None  # "over the last N years": from = latest held minus N years
    rank_n: int | None = None
    rank_whole: bool = False  # "the full league table", "rank the family group": every council in the scope
    rank_order: Literal["best", "worst", "highest", "lowest"] | None = None
    scope: str | None = None  # a ranking's councils: "national" (England/Scotland) or "neighbours"
    service: str | None = None  # an overview's service ("Adult social care")
    service_indicators: list[str] = Field(default_factory=list)
    comparison_asked: bool = False  # the wording asked for a comparison (not just the default context)
    period_note: str = ""  # e.g. the asked year is not held, so the nearest held are used
    area_candidates: list[str] = Field(default_factory=list)  # a council named but not held: closest held names
    since_then: bool = False  # "and since then?": since the period the conversation was last about
    year_before: bool = False  # "what about the previous year?": the year before the one last talked about
    years_earlier: int = 1  # how many years before ("5 years before that?")
    latest_said: bool = False  # "and now?": the latest held, not the period the conversation was last about
    asked_measure: str | None = None  # a refusal for a council not held: the measure asked, for "and Leeds?"
    refused: bool = False  # a council, measure or topic not held was named: a follow-up must not fall back on the last
