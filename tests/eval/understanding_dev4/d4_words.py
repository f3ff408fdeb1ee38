"""Hand-written wording: indicators as members and officers say them, council names, periods and scopes."""

from __future__ import annotations

WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten", 12: "twelve"}

# Indicators in members' own words. The measure title is avoided almost everywhere.
IND = {
    "oflog": {
        "ASC1": ["carers' quality of life", "carers quality of life", "carer QoL score",
                 "quality of life score for unpaid carers",
                 "carer-reported quality of life"],
        "ASC2": ["service user quality of life", "service user QoL", "quality of life score for people getting care",
                 "care users' quality of life score"],
        "ASC3": ["ease of finding information for service users", "info and advice score for service users",
                 "service users' ease of finding info"],
        "ASC4": ["ease of finding information for carers", "carers' ease of finding info about support",
                 "info and advice score for carers"],
        "ASC5": ["reablement outcomes", "reablment outcomes", "short-term services outcome", "reablement success rate",
                 "proportion needing no ongoing support after short-term services"],
        "ASC6": ["requests for support resulting in a service", "conversion of care requests into services",
                 "share of new requests that end in a service"],
        "ASC7": ["care workforce turnover", "adult social care staff turnover", "churn in the care workforce",
                 "turnover rate for care staff"],
    },
    "lgbf": {
        "ENV06": ["recycling rate", "recyling rate", "household recycling", "share of household waste recycled"],
        "ENV01a": ["bin collection cost per premises", "waste collection cost per property"],
        "ENV02a": ["waste disposal cost per premises", "disposal cost per property"],
        "ENV03a": ["street cleaning spend per 1,000 population", "street cleaning cost per thousand people"],
        "ENV03c": ["street cleanliness score", "street cleanliness"],
        "ENV04a": ["road maintenance cost per km", "spend per kilometre of road"],
        "ENV07a": ["satisfaction with bin collections", "refuse collection satisfaction"],
        "C&L01": ["cost per attendance at sports facilities", "sports facility cost per visit"],
        "C&L02": ["cost per library visit", "cost of each library visit"],
        "C&L03": ["cost per museum visit", "museum costs per visitor"],
        "C&L04": ["parks and open spaces spend per 1,000 population", "cost of parks per thousand residents"],
        "C&L05a": ["satisfaction with libraries", "library satisfaction"],
        "CHN01": ["cost per primary pupil", "spend per primary school pupil"],
        "CHN02": ["cost per secondary pupil", "secondary spend per pupil"],
        "CHN03": ["cost per pre-school place", "early learning cost per place"],
        "CHN04": ["pupils getting five or more awards at level 5", "5+ awards at SCQF level 5"],
        "CHN05": ["pupils getting 5+ awards at level 6", "pupils with five or more awards at Higher level"],
        "CHN11": ["school leavers in positive destinations", "positive destinations for leavers"],
        "CHN12a": ["average total tariff score", "overall average tariff"],
        "CHN09": ["looked after children cared for in the community", "balance of care for looked after kids"],
        "CHN24": ["child poverty after housing costs", "child poverty rate"],
        "CHN13a": ["P1, P4 and P7 literacy", "primary pupils at the expected CfE level in literacy"],
        "CHN13b": ["P1/P4/P7 numeracy", "primary numeracy at the expected CfE level"],
        "CHN21": ["participation rate for 16 to 19 year olds", "16-19 participation"],
        "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per house"],
        "CORP07": ["council tax collected by the end of the year", "in-year council tax collection"],
        "CORP08": ["invoices paid within 30 days", "prompt payment of invoices"],
        "CORP06a": ["teacher sickness absence", "sick days per teacher"],
        "CORP06b": ["sickness absence for non-teaching staff", "sick days per non-teacher employee"],
        "CORP01": ["support services as a share of total spend", "back-office costs as a % of gross spend"],
        "CORP03c": ["gender pay gap"],
        "ECON01": ["employability job outcomes", "% of unemployed people helped into work by council employability "
                                                 "programmes"],
        "ECON05": ["Business Gateway start-ups per 10,000 people", "new business start-ups via Business Gateway"],
        "ECON08": ["superfast broadband coverage", "properties with superfast broadband"],
        "ECON09": ["town centre vacancy rate", "empty units in town centres"],
        "ECON07": ["people earning below the living wage", "share of workers paid less than the living wage"],
        "HSN01b": ["rent arrears", "gross rent arrears as a % of rent due"],
        "HSN02": ["rent lost to voids", "void rent loss"],
        "HSN03": ["council homes meeting SHQS", "SHQS compliance"],
        "HSN04b": ["time taken for non-emergency repairs", "days to do a non-emergency repair"],
        "HSN05a": ["energy efficient council housing", "council homes meeting the energy efficiency standard"],
        "SW01": ["home care cost per hour for over 65s", "hourly cost of home care for older people"],
        "SW05": ["residential care cost per week for older people", "weekly care home cost for over-65s"],
        "SW02": ["self-directed support spend as a share of adult social work spend", "SDS spend share"],
        "SW06": ["hospital readmissions within 28 days", "28-day readmission rate"],
        "SW07": ["care services graded good or better", "care services rated good or above"],
        "SW08": ["delayed discharge bed days for over 75s", "delayed discharge days for over-75s"],
        "FINSUS01": ["usable reserves as a % of budget", "total usable reserves"],
        "FINSUS03": ["financing costs against net revenue stream", "general fund financing costs ratio"],
        "CLIM01": ["area-wide CO2 emissions per head", "carbon emissions per person"],
        "CLIM03": ["transport CO2 per person", "transport emissions per capita"],
        "ECON12a": ["claimant count", "working-age claimant rate"],
    },
    "sample": {
        "household_recycling_rate": ["recycling rate", "household waste recycling rate", "recycling and composting"],
        "missed_bins_per_100k": ["missed bins", "missed collections per 100k", "missed bin collections"],
        "residual_waste_per_household": ["black bin waste per household", "residual waste per house",
                                         "kg of residual waste per household"],
        "waste_collection_cost_per_household": ["cost of bin collections per household",
                                                "bin collection cost per household"],
        "planning_major_in_time": ["majors decided in time", "major planning applications decided on time",
                                   "speed of major planning decisions"],
        "planning_minor_in_time": ["minor planning apps determined in time", "minors decided within target"],
        "homelessness_prevention_rate": ["homelessness prevention", "homelessness prevention rate"],
        "temporary_accommodation_per_1000": ["households in temporary accommodation", "temporary accomodation",
                                             "numbers in TA",
                                             "temp accommodation per 1,000 households"],
        "relet_days": ["void turnaround", "re-let times", "days to re-let empty council homes"],
        "council_tax_collection": ["council tax collection", "ctax collected in year"],
        "business_rates_collection": ["business rates collection", "NNDR collection rate"],
        "complaints_in_time": ["complaints answered on time", "complaint response times"],
        "stage2_complaints_upheld": ["stage 2 complaints upheld", "escalated complaints upheld"],
        "sickness_absence_days": ["sickness absence", "sickness absense",
                                  "days lost to sickness per FTE", "staff sickness"],
        "staff_turnover": ["staff turnover", "leavers as a % of headcount"],
        "dfg_within_26_weeks": ["DFGs done within 26 weeks", "disabled facilities grants completed in 26 weeks",
                                "home adaptations done on time"],
        "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1,000 people"],
        "leisure_visits_per_1000": ["leisure centre visits", "visits to council leisure centres per 1,000 residents"],
    },
}

# The everyday name of a council, as used outside the names family.
PLAIN = {
    "E06000010": "Hull", "E08000013": "St Helens", "E06000047": "County Durham", "E08000021": "Newcastle",
    "E06000043": "Brighton and Hove", "E06000033": "Southend", "E06000022": "Bath and North East Somerset",
    "S-edinburgh-city": "Edinburgh", "S-glasgow-city": "Glasgow", "S-aberdeen-city": "Aberdeen City",
    "S-dundee-city": "Dundee", "S-argyll-and-bute": "Argyll and Bute", "S-perth-and-kinross": "Perth and Kinross",
    "S-dumfries-and-galloway": "Dumfries and Galloway", "S-eilean-siar": "the Western Isles",
    "S-orkney-islands": "Orkney", "S-shetland-islands": "Shetland",
}
def plain(data, ds: str, code: str) -> str:
    if code in PLAIN:
        return PLAIN[code]
    name = data.names[(ds, code)]
    for suffix in (" District Council", " Borough Council"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


SCOPE = {
    "england": ["in England", "across England", "nationally", "of all the English councils", "in the country"],
    "scotland": ["in Scotland", "across Scotland", "of the 32 councils", "Scotland-wide", "of all Scottish councils"],
    ("oflog", "neighbours"): ["among our CIPFA neighbours", "in our nearest neighbour group",
                              "among our stat neighbours", "in our comparator group"],
    ("lgbf", "neighbours"): ["in our family group", "among our LGBF family", "in our benchmarking family",
                             "within the family group"],
    ("sample", "neighbours"): ["among our nearest neighbours", "in the CIPFA group", "across our comparator councils",
                               "among similar councils"],
}


def scope_word(ds: str, scope: str, i: int = 0) -> str:
    opts = SCOPE[scope] if scope in ("england", "scotland") else SCOPE[(ds, "neighbours")]
    return opts[i % len(opts)]


def say_period(p: str, style: int) -> str:
    """One financial year written in one of ten ways; all mean `p`."""
    start = int(p[:4])
    end = start + 1
    forms = [
        f"{start}-{str(end)[2:]}",
        f"{start}/{str(end)[2:]}",
        f"{str(start)[2:]}/{str(end)[2:]}",
        f"FY{start}-{str(end)[2:]}",
        f"fy{str(start)[2:]}/{str(end)[2:]}",
        f"{start}-{end}",
        f"financial year {start}/{str(end)[2:]}",
        f"the year to March {end}",
        f"year ending march {end}",
        f"{start}/{end}",
    ]
    return forms[style % len(forms)]


YEAR_WORDS = {2015: "twenty fifteen", 2016: "twenty sixteen", 2017: "twenty seventeen", 2018: "twenty eighteen",
              2019: "twenty nineteen", 2020: "twenty twenty", 2021: "twenty twenty-one", 2022: "twenty twenty-two"}


def say_since(p: str, style: int) -> str:
    start = int(p[:4])
    forms = [f"since {start}", f"since April {start}", f"since {start}/{str(start + 1)[2:]}",
             f"since {YEAR_WORDS.get(start, start)}", f"since {start}-{str(start + 1)[2:]}"]
    return forms[style % len(forms)]


def say_quarter(p: str, style: int) -> str:
    fy, q = p.split(" ")
    start = int(fy[:4])
    forms = [f"{q} {start}/{str(start + 1)[2:]}", f"quarter {q[1]} of {fy}", f"{fy} {q}",
             f"{q.lower()} {str(start)[2:]}/{str(start + 1)[2:]}"]
    return forms[style % len(forms)]
