"""Shared parts of the blind understanding set: raw-data lookups (pandas), periods, and the wording.

The wording (indicator phrases, council-name variants, templates) was written from the raw data's Measure / Title
columns and the sample pack's names only, without sight of the resolver's code. All numbers come from the raw files.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

DATASETS = ("oflog", "lgbf", "sample")
HOME_SAMPLE = "E07999001"

# --- indicator phrases -------------------------------------------------------------------------------------------
# Plain phrases a councillor might use (derived from the official title, lightly paraphrased).
PHRASES: dict[str, dict[str, list[str]]] = {
    "oflog": {
        "ASC1": ["carer quality of life", "carers' quality of life", "quality of life for carers"],
        "ASC2": ["social care quality of life", "quality of life of adult social care users",
                 "service user quality of life"],
        "ASC3": ["ease of finding information about services for service users",
                 "service users' ease of finding information about services"],
        "ASC4": ["ease of finding information about support for carers", "carers finding information about support"],
        "ASC5": ["outcome of short-term services", "short-term services outcomes", "reablement outcomes"],
        "ASC6": ["requests resulting in a service", "requests for support that result in a service"],
        "ASC7": ["workforce turnover", "social care workforce turnover", "adult social care staff turnover"],
    },
    "lgbf": {
        "ENV01a": ["net cost of waste collection per premises", "waste collection cost per premises"],
        "ENV02a": ["waste disposal cost per premises", "net cost of waste disposal per premises"],
        "ENV06": ["household waste recycled", "recycling rate", "% of household waste recycled"],
        "ENV07a": ["satisfaction with refuse collection", "adults satisfied with refuse collection"],
        "ENV03a": ["street cleaning cost per 1,000 population", "cost of street cleaning"],
        "ENV03c": ["street cleanliness score", "street cleanliness"],
        "ENV04a": ["cost per kilometre of roads", "road cost per km"],
        "ENV04b": ["A class roads needing maintenance", "A roads that should be considered for maintenance"],
        "C&L01": ["cost per attendance at sports facilities", "sports facility cost per attendance"],
        "C&L02": ["cost per library visit", "library cost per visit"],
        "C&L03": ["museum cost per visit", "cost of museums per visit"],
        "C&L04": ["cost of parks and open spaces", "parks and open spaces cost per 1,000 population"],
        "C&L05a": ["satisfaction with libraries", "adults satisfied with libraries"],
        "ECON01": ["unemployed people assisted into work", "employability programmes getting people into work"],
        "ECON05": ["business gateway start-ups", "business gateway start-ups per 10,000 population"],
        "ECON08": ["superfast broadband coverage", "properties receiving superfast broadband"],
        "ECON09": ["town vacancy rates", "town centre vacancy rate"],
        "CORP01": ["support services as a share of spend", "support services % of gross expenditure"],
        "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
        "CORP07": ["council tax received by year end", "in-year council tax collection"],
        "CORP08": ["invoices paid within 30 days", "invoices paid on time"],
        "CORP06a": ["sickness absence days per teacher", "teacher sickness absence"],
        "CORP06b": ["sickness absence per non-teacher employee", "non-teacher sickness absence days"],
        "CORP03c": ["gender pay gap"],
        "HSN01b": ["gross rent arrears", "rent arrears as a % of rent due"],
        "HSN02": ["rent lost due to voids", "rent lost to voids"],
        "HSN03": ["dwellings meeting SHQS", "homes meeting the scottish housing quality standard"],
        "HSN04b": ["time to complete non-emergency repairs", "non-emergency repair times"],
        "SW01": ["home care costs per hour for over 65s", "older people's home care cost per hour",
                 "home care cost per hour"],
        "SW02": ["SDS spend as a % of adult social work spend", "self-directed support spend share"],
        "SW03a": ["65+ with long-term care needs receiving personal care at home",
                  "older people with long-term needs cared for at home"],
        "SW05": ["residential care costs per week for over 65s", "older people's residential care cost per week"],
        "SW06": ["readmissions to hospital within 28 days", "28-day hospital readmission rate"],
        "SW07": ["care services graded good or better", "% of care services graded good or better"],
        "SW08": ["days people spend in hospital when ready to be discharged", "delayed discharge bed days for 75+"],
        "CHN01": ["cost per primary school pupil", "primary pupil cost"],
        "CHN02": ["cost per secondary school pupil", "secondary pupil cost"],
        "CHN04": ["pupils gaining 5+ awards at level 5", "5 or more awards at level 5"],
        "CHN11": ["pupils entering positive destinations", "positive destinations for school leavers"],
        "CHN24": ["children living in poverty", "child poverty after housing costs"],
        "CHN22": ["child protection re-registrations within 18 months", "child protection re-registrations"],
        "CLIM01": ["co2 emissions per capita", "area-wide co2 emissions per head"],
        "FINSUS01": ["usable reserves as a % of budget", "total useable reserves"],
        "ECON12a": ["claimant count as a % of working age population", "claimant count rate"],
    },
    "sample": {
        "household_recycling_rate": ["recycling rate", "household recycling", "household waste recycled"],
        "missed_bins_per_100k": ["missed bins", "missed bin collections"],
        "residual_waste_per_household": ["residual waste per household", "residual household waste"],
        "waste_collection_cost_per_household": ["waste collection cost per household", "cost of waste collection"],
        "planning_major_in_time": ["major planning applications decided in time", "major planning in time"],
        "planning_minor_in_time": ["minor planning applications in time", "minor applications decided on time"],
        "homelessness_prevention_rate": ["homelessness prevention", "homelessness prevention rate"],
        "temporary_accommodation_per_1000": ["households in temporary accommodation", "temporary accommodation"],
        "relet_days": ["re-let times", "average days to re-let council homes", "void re-let days"],
        "council_tax_collection": ["council tax collection", "council tax collected in year"],
        "business_rates_collection": ["business rates collection", "nndr collection rate"],
        "complaints_in_time": ["complaints answered in time", "complaints responded to on time"],
        "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2 complaints"],
        "sickness_absence_days": ["sickness absence", "days lost to sickness per fte"],
        "staff_turnover": ["staff turnover", "council staff turnover"],
        "dfg_within_26_weeks": ["disabled facilities grants within 26 weeks", "dfgs completed in 26 weeks"],
        "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1,000 people"],
        "leisure_visits_per_1000": ["leisure centre visits", "visits to our leisure centres"],
    },
}

# Plain councillor English avoiding the official title words, and misspellings (the `names` family).
PARAPHRASES: dict[str, dict[str, list[str]]] = {
    "oflog": {
        "ASC1": ["how unpaid carers rate their own lives"],
        "ASC3": ["people finding it easy to get info about services", "can clients get the info they need"],
        "ASC4": ["do carers know where to get help", "carers able to find info on help available"],
        "ASC5": ["people back on their feet after reablement", "folk needing nothing more after short term help"],
        "ASC6": ["how many contacts turn into a care package"],
        "ASC7": ["care staff leaving", "churn in the care workforce", "how many care workers quit"],
    },
    "lgbf": {
        "SW08": ["delayed discharges", "bed blocking for over 75s"],
        "SW01": ["what an hour of home care costs us", "hourly home care price for older folk"],
        "ENV06": ["how much household rubbish gets recycled"],
        "HSN01b": ["tenants behind on rent"],
        "CORP06a": ["teachers off sick"],
        "CHN11": ["school leavers going on to jobs, training or uni"],
        "ECON09": ["empty shops on the high street"],
        "C&L02": ["what each trip to the library costs"],
        "ENV03c": ["how clean the streets are"],
        "CORP08": ["paying suppliers promptly"],
        "SW06": ["people bounced back into hospital within a month"],
        "CHN24": ["kids growing up poor"],
        "HSN04b": ["how long non-urgent repairs take"],
        "SW05": ["care home fees per week for older folk"],
    },
    "sample": {
        "household_recycling_rate": ["how much rubbish residents recycle"],
        "missed_bins_per_100k": ["bins not picked up"],
        "waste_collection_cost_per_household": ["what emptying the bins costs per home"],
        "temporary_accommodation_per_1000": ["families stuck in b&bs and emergency housing"],
        "relet_days": ["how long empty council houses sit before new tenants move in"],
        "sickness_absence_days": ["staff off sick"],
        "staff_turnover": ["people leaving the council's employment"],
        "dfg_within_26_weeks": ["home adaptations for disabled residents done within six months"],
        "fly_tipping_per_1000": ["illegal dumping"],
        "leisure_visits_per_1000": ["gym and pool attendance"],
    },
}
MISSPELT: dict[str, dict[str, list[str]]] = {
    "oflog": {"ASC5": ["reablment outcomes", "short term servces outcome"], "ASC7": ["workforse turnover"],
              "ASC1": ["carer qualty of life"], "ASC6": ["requets resulting in a servce"]},
    "lgbf": {"ENV06": ["recyling rate"], "SW08": ["delayed dischrage days"], "HSN01b": ["rent arears"],
             "CHN11": ["positve destinations"], "SW01": ["home care cost per hr over 65"],
             "CORP06a": ["teacher sickness absense"]},
    "sample": {"household_recycling_rate": ["recyling rate"], "relet_days": ["relet tims"],
               "council_tax_collection": ["council tax colection"], "fly_tipping_per_1000": ["flytiping"],
               "sickness_absence_days": ["sicknes absence"]},
}

# --- council names as typed ----------------------------------------------------------------------------------------
AREA_VARIANTS: dict[str, dict[str, list[str]]] = {
    "oflog": {
        "E06000043": ["brigton and hove", "B&H", "brighton & hove"],
        "E09000020": ["K&C", "RBKC", "kensington & chelsea"],
        "E09000013": ["H&F", "hammersmith & fulham"], "E10000017": ["Lancashre", "lancs"],
        "E06000023": ["City of Bristol", "bristol city council", "bristl"], "E06000010": ["Hull", "hull city council"],
        "E06000047": ["Durham", "co durham"], "E08000021": ["Newcastle", "newcastle-upon-tyne"],
        "E06000033": ["Southend", "southend on sea"], "E08000013": ["St Helens", "saint helens"],
        "E06000021": ["Stoke", "stoke on trent"], "E06000040": ["RBWM", "windsor & maidenhead"],
        "E06000058": ["BCP", "bournemouth christchurch and poole"], "E09000027": ["Richmond", "richmond-upon-thames"],
        "E06000003": ["Redcar", "redcar & cleveland"], "E08000015": ["the wirral", "wiral"],
        "E08000025": ["birmingam", "brum"], "E08000003": ["manchster", "manchester city council"],
        "E10000030": ["surey", "surrey cc"], "E06000011": ["East Riding", "ERYC"],
        "E10000014": ["Hants", "hampshir"], "E06000020": ["Telford", "telford & wrekin"],
        "E10000023": ["N Yorks", "north yorks"], "E09000030": ["towerhamlets", "tower hamlets council"],
        "E06000022": ["BANES", "B&NES"], "E06000050": ["CWAC", "cheshire west"],
        "E09000002": ["barking & dagenham", "LBBD"], "E08000012": ["liverpol", "liverpool cc"],
    },
    "lgbf": {
        "S-argyll-and-bute": ["argyll and bute", "argyll"], "S-edinburgh-city": ["Edinburgh", "City of Edinburgh",
                                                                                 "edinbrugh"],
        "S-glasgow-city": ["Glasgow", "glasgow city council", "glasgw"],
        "S-eilean-siar": ["Western Isles", "na h-eileanan siar", "comhairle nan eilean siar"],
        "S-dumfries-and-galloway": ["D&G", "dumfries and galloway"],
        "S-perth-and-kinross": ["P&K", "perth and kinross"],
        "S-scottish-borders": ["the borders", "borders council"], "S-clackmannanshire": ["clacks", "clackmananshire"],
        "S-aberdeen-city": ["Aberdeen", "aberdeen city council"], "S-dundee-city": ["Dundee", "dundee city council"],
        "S-east-dunbartonshire": ["east dunbartonshre", "E Dunbartonshire"],
        "S-north-lanarkshire": ["N Lanarkshire", "north lanarks"], "S-south-lanarkshire": ["south lanarkshre"],
        "S-east-renfrewshire": ["E Renfrewshire"], "S-orkney-islands": ["Orkney"], "S-shetland-islands": ["Shetland"],
        "S-highland": ["the highland council", "highlands"], "S-falkirk": ["falkrik"], "S-inverclyde": ["inverclyd"],
    },
    "sample": {
        "E07999002": ["eastmeer", "eastmere DC"], "E07999003": ["kingsford BC", "kingsferd"],
        "E07999004": ["ashworth", "ashworth vale dc"], "E07999005": ["brakenmoor"], "E07999006": ["castelbrook"],
        "E07999010": ["graywater", "greywater borough"], "E07999015": ["redbourne", "redborne vale"],
        "E07999016": ["westcomb", "westcombe bc"], "E07999014": ["oakhamstead"], "E07999011": ["hollinsfrod"],
    },
}

# --- services for overview questions -------------------------------------------------------------------------------
OFLOG_SERVICE = ["adult social care", "social care", "asc", "care for adults"]
LGBF_SERVICES = {
    "Adult Social Care Services": ["adult social care", "social work for adults"],
    "Environmental Services": ["environmental services", "environment services"],
    "Culture & Leisure Services": ["culture and leisure", "culture & leisure services"],
    "Housing Services": ["housing", "housing services"],
    "Children's Services": ["children's services", "childrens services and schools"],
    "Corporate Services": ["corporate services"],
    "Economic Development": ["economic development"],
    "Financial Sustainability": ["financial sustainability"],
    "Tackling Climate Change": ["climate change", "tackling climate change"],
}
SAMPLE_SERVICES = {  # service -> (indicator ids, phrases); grouped by the indicator names
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"], ["waste", "waste and recycling", "bins and recycling"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"], ["planning", "development management"]),
    "housing": (["homelessness_prevention_rate", "temporary_accommodation_per_1000", "relet_days",
                 "dfg_within_26_weeks"], ["housing", "housing services"]),
    "revenues": (["council_tax_collection", "business_rates_collection"], ["revenues", "tax collection"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"], ["complaints", "complaints handling"]),
    "workforce": (["sickness_absence_days", "staff_turnover"], ["our workforce", "hr and staffing"]),
}

# --- questions about things not held (unknown family): (text, candidates) -------------------------------------------
UNKNOWN_MEASURES: dict[str, list[tuple[str, list[str]]]] = {
    "oflog": [("how is our library footfall", []), ("whats our bin collection rate", []),
              ("how many potholes did we fix last year", []), ("what's our council tax collection rate", []),
              ("how are we doing on children in care numbers", []), ("our a&e waiting times?", []),
              ("how satisfied are carers with what we do for them", ["ASC1", "ASC4"]),
              ("social care vacancy rate for us?", ["ASC7"]), ("care home beds per 1000 over 65s", []),
              ("what's our recycling rate", []), ("how many people are on our housing waiting list", []),
              ("dementia diagnosis rate for us", []), ("how long do people wait for a social care assessment", [])],
    "lgbf": [("how is our library footfall", ["C&L02", "C&L05a"]), ("a&e waiting times for us?", []),
             ("how many fly-tipping incidents did we have", []), ("what's our bus punctuality like", []),
             ("police response times in our area", []), ("council house waiting list length", []),
             ("how many potholes have we filled", ["ENV04a", "ENV04b"]), ("reablement outcomes for us", []),
             ("social care workforce turnover", []), ("what's our planning appeal success rate", []),
             ("number of empty homes brought back into use", []), ("how many people visit our museums", ["C&L03"])],
    "sample": [("how is our library footfall", []), ("what are our a&e waits", []),
               ("parking fine income this year?", []), ("how did our schools do in exams", []),
               ("planning appeals we lost", ["planning_major_in_time", "planning_minor_in_time"]),
               ("how many pothole complaints did we get", []), ("food waste collected per household", []),
               ("how quickly do we clear fly-tipping", ["fly_tipping_per_1000"]),
               ("how many people use our libraries", []), ("what's our carbon footprint", []),
               ("pay gap between men and women at the council", []), ("affordable homes delivered this year", [])],
}
UNKNOWN_AREAS: dict[str, list[str]] = {
    "oflog": ["Gotham", "Northshire County Council", "Glasgow City", "Cardiff", "the Royal Borough of Camelot"],
    "lgbf": ["Kent", "Gotham", "Loch Ness Council", "Cardiff", "Northshire"],
    "sample": ["Southbridge District Council", "Gotham", "Kent", "Northshire County Council"],
}

# --- periods ----------------------------------------------------------------------------------------------------------
FY = re.compile(r"^(\d{4})-(\d{2})$")


def is_fy(period: str) -> bool:
    m = FY.match(period)
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def shift(period: str, years: int) -> str:
    start = int(period[:4]) + years
    return f"{start}-{(start + 1) % 100:02d}"


def fy_of_year(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def say_period(period: str, rng: random.Random) -> str:
    """A financial year as people type it; aggregates and quarters stay near their written form."""
    if not is_fy(period):
        if " Q" in period:
            fy, q = period.split(" ")
            return rng.choice([f"{q} {fy}", f"{q.lower()} {fy.replace('-', '/')}", f"{fy} {q}"])
        return period
    a, b = int(period[:4]), int(period[5:])
    return rng.choice([period, f"{a}/{b:02d}", f"{a}-{a + 1}", f"{a}/{a + 1}", f"FY{a}-{b:02d}",
                       f"fy{a % 100:02d}/{b:02d}", f"{a % 100:02d}/{b:02d}"])


def casual(text: str, rng: random.Random) -> str:
    """Slack-style: sometimes all lower case, sometimes no closing question mark."""
    if rng.random() < 0.45:
        text = text.lower()
    if text.endswith("?") and rng.random() < 0.35:
        text = text[:-1]
    return text[0].upper() + text[1:] if rng.random() < 0.2 else text


# --- templates --------------------------------------------------------------------------------------------------------
# {own}: "our" / "Kent's"; {for}: "for us" / "for Kent"; {ind}: indicator phrase.
SPAN_RANGE = ["how has {own} {ind} changed between {p1} and {p2}?", "{ind} {for} from {p1} to {p2}",
              "what happened to {own} {ind} {p1} to {p2}", "change in {ind} {for}, {p1} vs {p2}?",
              "has {own} {ind} gone up or down from {p1} to {p2}", "{own} {ind} - {p1} compared to {p2}?"]
SPAN_LASTN = ["how has {own} {ind} moved over the last {k} years?", "{ind} {for} over the past {k} years",
              "last {k} years of {own} {ind}", "what's happened to {own} {ind} in the last {k} yrs"]
SPAN_SINCE = ["how has {own} {ind} changed since {y}?", "{ind} {for} since {y}", "has {own} {ind} improved since {y}",
              "what's the change in {own} {ind} since {p1}"]
VALUE_AT = ["what was {own} {ind} in {p}?", "{ind} {for} in {p}", "{own} {ind} {p}?", "tell me {own} {ind} for {p}",
            "what did {own} {ind} look like in {p}", "can you give me {ind} {for} in {p} please"]
VALUE_LATEST = ["what's {own} latest {ind}?", "{own} {ind} at the moment", "how did {own} {ind} look last year",
                "where are we on {ind} this year?", "current {ind} {for}?", "latest figure for {ind} {for}"]
TREND = ["is {own} {ind} getting better?", "is {own} {ind} getting worse", "{ind} {for} - improving or not?",
         "what's the direction of travel on {ind} {for}", "how is {own} {ind} trending", "trend in {ind} {for}?"]
TREND_SINCE = ["trend in {own} {ind} since {y}", "has {own} {ind} been getting better since {p1}?",
               "how has {ind} {for} been trending since {p1}"]
COMPARE_TWO = ["is {a} better than {b} on {ind}?", "compare {a} and {b} on {ind}", "{a} vs {b} {ind}",
               "{ind}: how does {a} stack up against {b}", "who does better on {ind}, {a} or {b}?",
               "{a} or {b} - which is ahead on {ind}"]
COMPARE_HOME = ["how do we compare with {b} on {ind}?", "are we better or worse than {b} for {ind}",
                "us vs {b} on {ind}", "is {b} beating us on {ind}?"]
COMPARE_THREE = ["compare {a}, {b} and {c} on {ind}", "{ind} for {a}, {b} and {c} side by side"]
COMPARE_PERIOD = ["in {p} was {a} ahead of {b} on {ind}?", "compare {a} with {b} on {ind} in {p}"]
COMPARE_GROUP = ["how do we compare with {grp} on {ind}?", "{ind}: us against {grp}",
                 "are we above or below {grp} for {ind}"]
GROUP_WORDS = {"oflog": ["our nearest neighbours", "similar councils", "our cipfa neighbours"],
               "lgbf": ["our family group", "the rest of our family group"],
               "sample": ["our nearest neighbours", "similar councils"]}
COMPARE_NATION = ["how do we compare with the {nat_adj} average on {ind}",
                  "are we above the national figure for {ind}?", "{ind} - us vs {nation}",
                  "how do we sit against {nation} as a whole on {ind}?"]
# (template, order kind): "best"/"worst" literal, "hl" = {hl} highest/lowest resolved with the polarity.
RANK = [("top {n} councils {scope} for {ind}", "best"), ("which {n} councils are best on {ind} {scope}?", "best"),
        ("worst {n} {scope} on {ind}", "worst"), ("bottom {n} for {ind} {scope}?", "worst"),
        ("show me the {n} councils with the {hl} {ind} {scope}", "hl"),
        ("who has the {hl} {ind} {scope}? top {n} pls", "hl"),
        ("rank the best {n} {scope} on {ind}", "best"), ("{n} worst performers on {ind} {scope}", "worst")]
RANK_ONE = [("who's best {scope} for {ind}?", "best"), ("which council is worst on {ind} {scope}", "worst"),
            ("who has the {hl} {ind} {scope}", "hl")]
SCOPES = {"england": ["in england", "in the country", "across england", "nationally"],
          "scotland": ["in scotland", "across scotland", "of the 32 scottish councils"],
          "oflog-neighbours": ["among our nearest neighbours", "in our cipfa neighbour group"],
          "lgbf-neighbours": ["in our family group", "among our family group councils"],
          "sample-neighbours": ["among our nearest neighbours", "in our comparator group"]}
OVERVIEW = ["how are we doing on {svc}?", "are we getting worse on {svc}?", "how did we do on {svc} last year",
            "give me a rundown of our {svc} performance", "{svc} overview pls",
            "what does our {svc} scorecard look like", "quick summary of how {svc} is going for us"]
OVERVIEW_SINCE = ["how has {svc} gone for us since {y}?", "summary of our {svc} performance since {p1}"]
# for indicator paraphrases that are clauses rather than nouns ("people finding it easy to get info")
NAMES_VALUE = ["latest on {ind} for us?", "what are our numbers on {ind}", "can i get the latest figure on {ind}",
               "where do we stand on {ind} right now", "{ind} - what's our latest?"]
NAMES_TREND = ["are we improving on {ind}?", "{ind}: getting better or worse for us", "has {ind} been going the right "
               "way for us", "is {ind} getting worse here?"]
TARGET = ["did we hit our {ind} target?", "are we on target for {ind}", "did we meet the {ind} target last year",
          "how far off target are we on {ind}?", "{ind} vs target?", "are we hitting target on {ind} at the moment"]
TARGET_AT = ["did we hit our {ind} target in {p}?", "{ind} against target in {p}", "was {ind} on target in {p}",
             "did {ind} meet its target for {p}?"]


# --- the raw data ----------------------------------------------------------------------------------------------------
def slug(name: str) -> str:
    return "S-" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")


def num(text) -> float | None:
    try:
        v = float(str(text).strip())
    except ValueError:
        return None
    return None if v != v else v


class Data:
    """The three sources as lookups: values, blanks, names, polarity, services, comparator groups, targets."""

    def __init__(self, shared: Path, pack: Path):
        self.vals: dict[tuple, dict[str, float]] = defaultdict(dict)
        self.blank: dict[tuple, set[str]] = defaultdict(set)
        self.names: dict[str, dict[str, str]] = {ds: {} for ds in DATASETS}
        self.pol: dict[str, dict[str, str | None]] = {ds: {} for ds in DATASETS}
        self.service: dict[str, dict[str, str]] = {ds: {} for ds in DATASETS}
        self.ambiguous: dict[str, set[str]] = {ds: set() for ds in DATASETS}
        self.targets: dict[tuple, float] = {}
        self.oflog_nn: dict[str, list[str]] = {}
        self.lgbf_fam: dict[tuple, str] = {}
        self.lgbf_type: dict[str, str] = {}
        self.sample_nn: dict[str, list[str]] = defaultdict(list)
        self.every_cache: dict[tuple, list[str]] = {}
        self.load_oflog(shared / "data" / "oflog_asc")
        self.load_lgbf(shared / "data" / "lgbf")
        self.load_sample(pack)
        self.areas = {ds: sorted(c for c in self.names[ds] if c not in self.ambiguous[ds]) for ds in DATASETS}
        self.homes = {
            "oflog": [c for c in self.areas["oflog"]
                      if c in self.oflog_nn and "2022-23" in self.vals[("oflog", "ASC5", c)]],
            "lgbf": self.areas["lgbf"], "sample": [HOME_SAMPLE]}

    def load_oflog(self, folder: Path) -> None:
        df = pd.read_csv(folder / "asc_data.csv", dtype=str).fillna("")
        df = df.apply(lambda col: col.str.strip())
        for r in df.to_dict("records"):
            key = ("oflog", r["Code"].upper(), r["Local authority code"])
            v = num(r["Value"])
            if v is None:
                self.blank[key].add(r["Financial year"])
            else:
                self.vals[key][r["Financial year"]] = v
        names = df.drop_duplicates("Local authority code").set_index("Local authority code")["Local authority name"]
        self.names["oflog"] = names.to_dict()
        self.ambiguous["oflog"] = set(names[names.duplicated(keep=False)].index)
        for code, grp in df.groupby(df["Code"].str.upper()):
            orders = set(grp["rank_order"].str.lower())
            turnover = grp["Measure"].str.lower().str.contains("turnover").any()
            self.pol["oflog"][code] = "higher" if "desc" in orders else ("lower" if turnover else None)
            self.service["oflog"][code] = "adult social care"
        self.oflog_nn = json.loads((folder / "nearest_neighbours.json").read_text())

    def load_lgbf(self, folder: Path) -> None:
        df = pd.read_csv(folder / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority"])
        for r in df[["Code", "LocalAuthority", "Year", "LA_IndicatorReal"]].itertuples(index=False):
            code = slug(r.LocalAuthority)
            self.names["lgbf"][code] = r.LocalAuthority
            v = num(r.LA_IndicatorReal)
            if v is None:
                self.blank[("lgbf", r.Code, code)].add(r.Year)
            else:
                self.vals[("lgbf", r.Code, code)][r.Year] = v
        info = pd.read_csv(folder / "indicator_information.csv", encoding="utf-8-sig")
        for r in info.to_dict("records"):
            rt = str(r["Ranking_Type"]).strip()
            goldilocks = rt == "Goldilocks" or num(r["Ranking_GoldilocksMidpoint"]) is not None
            self.pol["lgbf"][r["Code"]] = None if goldilocks else {"Ascending": "lower", "Descending": "higher"}.get(rt)
            self.service["lgbf"][r["Code"]] = r["ISCategory"]
            self.lgbf_type[r["Code"]] = r["FamilyGrouping"]
        fam = pd.read_csv(folder / "family_groups.csv", encoding="utf-8-sig")
        for r in fam.to_dict("records"):
            self.lgbf_fam[(r["Type"], slug(r["Local_Authority"]))] = r["Family_Group"]

    def load_sample(self, pack: Path) -> None:
        df = pd.read_csv(pack / "indicators.csv")
        for r in df.to_dict("records"):
            self.vals[("sample", r["indicator_id"], r["area_code"])][r["period"]] = float(r["value"])
            self.names["sample"][r["area_code"]] = r["area_name"]
            self.pol["sample"][r["indicator_id"]] = {"higher_is_better": "higher", "lower_is_better": "lower"}.get(
                r["polarity"])
            if num(r["target"]) is not None:
                self.targets[(r["indicator_id"], r["area_code"], r["period"])] = float(r["target"])
        for svc, (ids, _) in SAMPLE_SERVICES.items():
            for ind in ids:
                self.service["sample"][ind] = svc
        nn = pd.read_csv(pack / "nearest_neighbours.csv")
        for r in nn.to_dict("records"):
            self.sample_nn[r["area_code"]].append(r["member_code"])

    # --- lookups ---
    def held(self, ds: str, ind: str, area: str) -> list[str]:
        return sorted(self.vals.get((ds, ind, area), {}))

    def fys(self, ds: str, ind: str, area: str) -> list[str]:
        return [p for p in self.held(ds, ind, area) if is_fy(p)]

    def plain_latest(self, ds: str, ind: str, area: str) -> str | None:
        """The latest held period when it is a financial year and the series has no quarters (else None)."""
        ps = self.held(ds, ind, area)
        if not ps or any(" Q" in p for p in ps) or not is_fy(ps[-1]):
            return None
        return ps[-1]

    def latest(self, ds: str, ind: str, area: str) -> str | None:
        ps = [p for p in self.held(ds, ind, area) if " Q" not in p]
        return ps[-1] if ps else None

    def every(self, ds: str, ind: str) -> list[str]:
        """Every financial year any council holds for the indicator."""
        if (ds, ind) not in self.every_cache:
            self.every_cache[(ds, ind)] = sorted({p for (d, i, _), v in self.vals.items() if d == ds and i == ind
                                                  for p in v if is_fy(p)})
        return self.every_cache[(ds, ind)]

    def fig(self, ds: str, ind: str, area: str, period: str) -> dict:
        return {"indicator_id": ind, "area_code": area, "period": period, "value": self.vals[(ds, ind, area)][period]}

    def group(self, ds: str, home: str, ind: str) -> list[str]:
        if ds == "oflog":
            return list(self.oflog_nn.get(home, []))
        if ds == "sample":
            return list(self.sample_nn.get(home, []))
        kind = self.lgbf_type[ind]
        mine = self.lgbf_fam.get((kind, home))
        return sorted(a for (t, a), g in self.lgbf_fam.items() if t == kind and g == mine)

    def display(self, rng: random.Random, ds: str, area: str) -> str:
        name = self.names[ds][area]
        if ds == "sample" and rng.random() < 0.6:
            return name.replace(" District Council", "").replace(" Borough Council", "")
        return name

    def pick_ind(self, rng: random.Random, ds: str, areas: list[str], ranked: bool = False, plain: bool = False,
                 pool: list[str] | None = None) -> str | None:
        opts = [i for i in sorted(pool or PHRASES[ds]) if all(self.held(ds, i, a) for a in areas)]
        opts = [i for i in opts if not ranked or self.pol[ds].get(i)]
        opts = [i for i in opts if not plain or all(self.plain_latest(ds, i, a) for a in areas)]
        return rng.choice(opts) if opts else None
