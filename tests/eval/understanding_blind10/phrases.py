"""Everyday wording: measures, council names, periods and Slack-style decoration."""

from __future__ import annotations

import random

# indicator -> (noun phrases, "highest/lowest X" reads naturally)
OFLOG_MEASURES = {
    "ASC1": (
        [
            "carer quality of life",
            "carer-reported quality of life",
            "quality of life for carers",
            "carers quality of life score",
            "carer QoL",
        ],
        False,
    ),
    "ASC2": (
        [
            "social care related quality of life",
            "quality of life for people who use adult social care",
            "service user quality of life",
            "adult social care users' quality of life",
        ],
        False,
    ),
    "ASC3": (
        [
            "ease of finding information for service users",
            "service users' ease of finding information",
            "ease of finding info about services (service users)",
        ],
        False,
    ),
    "ASC4": (
        [
            "ease of finding information for carers",
            "carers' ease of finding information",
            "ease of finding info about support (carers)",
        ],
        False,
    ),
    "ASC5": (
        [
            "outcomes of short-term services",
            "short term services outcome",
            "people needing no further support after short-term services",
            "reablement (short-term services) outcome",
        ],
        False,
    ),
    "ASC6": (
        [
            "requests for support resulting in a service",
            "requests resulting in a service",
            "number of requests that lead to a service",
        ],
        False,
    ),
    "ASC7": (
        [
            "adult social care workforce turnover",
            "care staff turnover",
            "social care staff turnover rate",
            "turnover in the adult social care workforce",
            "ASC workforce turnover",
        ],
        True,
    ),
}

LGBF_MEASURES = {
    "ENV01a": (
        [
            "net cost of waste collection per premises",
            "waste collection cost per premise",
            "bin collection cost per premises",
        ],
        True,
    ),
    "ENV02a": (["waste disposal cost per premises", "net cost of waste disposal per premises"], True),
    "ENV06": (["recycling rate", "household recycling rate", "% of household waste recycled", "recyling rate"], True),
    "ENV03a": (["street cleaning cost per 1,000 population", "cost of street cleaning per 1000 people"], True),
    "ENV03c": (["street cleanliness score", "street cleanliness (% acceptable)"], True),
    "ENV04a": (["road maintenance cost per km", "cost per kilometre of roads"], True),
    "C&L01": (["cost per attendance at sports facilities", "sports facilities cost per attendance"], True),
    "C&L02": (["cost per library visit", "library cost per visit"], True),
    "C&L03": (["museum cost per visit", "cost of museums per visit"], True),
    "C&L04": (["parks and open spaces cost per 1,000 population", "cost of parks & open spaces per 1000 pop"], True),
    "ECON05": (["business gateway start-ups per 10,000 population", "business gateway startups"], False),
    "ECON08": (["superfast broadband coverage", "% of properties with superfast broadband"], True),
    "ECON09": (["town vacancy rate", "town centre vacancy rates"], True),
    "ECON03": (["average time per commercial planning application", "commercial planning application times"], False),
    "CORP04": (["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"], True),
    "CORP07": (
        [
            "council tax collected by year end",
            "in-year council tax collection rate",
            "% of council tax received by the end of the year",
        ],
        True,
    ),
    "CORP08": (["invoices paid within 30 days", "% of invoices paid in 30 days"], False),
    "CORP06a": (["teacher sickness absence", "sickness absence days per teacher", "sick days per teacher"], False),
    "CORP06b": (["non-teacher sickness absence", "sickness absence days for non-teaching staff"], False),
    "HSN01b": (["gross rent arrears", "rent arrears as a % of rent due", "tenant rent arrears"], True),
    "HSN02": (["rent lost to voids", "void rent loss"], False),
    "HSN03": (["council homes meeting SHQS", "dwellings meeting the scottish housing quality standard"], False),
    "HSN04b": (["time to complete non-emergency repairs", "non emergency repair times"], False),
    "HSN05a": (["energy efficient council dwellings", "% of council homes that are energy efficient"], False),
    "SW01": (["home care costs per hour for over 65s", "older people's home care cost per hour"], True),
    "SW05": (["residential care costs per week for over 65s", "care home cost per resident per week (65+)"], True),
    "SW07": (["care services graded good or better", "% of care services rated good or better"], False),
    "SW06": (["hospital readmissions within 28 days", "28-day readmission rate"], True),
    "SW08": (["delayed discharge bed days (75+)", "days people 75+ spend in hospital when ready to go home"], False),
    "CHN01": (["cost per primary school pupil", "cost per primary pupil"], True),
    "CHN02": (["cost per secondary school pupil", "cost per secondary pupil"], True),
    "CHN11": (["school leavers entering positive destinations", "positive destinations"], False),
    "CHN09": (
        ["balance of care for looked after children", "% of looked after children cared for in the community"],
        False,
    ),
    "CHN21": (["participation rate for 16-19 year olds", "16-19 participation rate"], True),
    "CHN24": (["child poverty (after housing costs)", "% of children living in poverty after housing costs"], False),
    "FINSUS01": (["total usable reserves as a % of budget", "usable reserves"], False),
    "FINSUS02": (["uncommitted general fund balance", "uncommitted GF balance as a % of budget"], False),
    "ECON12a": (["working age claimant count", "claimant count as a % of working age population"], True),
    "ECON07": (["people earning less than the living wage", "% earning below the living wage"], False),
}

SAMPLE_MEASURES = {
    "household_recycling_rate": (
        ["recycling rate", "household recycling", "recylcing rate", "household waste recycled"],
        True,
    ),
    "missed_bins_per_100k": (["missed bins", "missed bin collections", "missed collections per 100k"], False),
    "residual_waste_per_household": (["residual waste per household", "black bin waste per household"], False),
    "waste_collection_cost_per_household": (["cost of waste collection per household", "bin collection cost"], True),
    "planning_major_in_time": (
        ["major planning applications decided in time", "major apps in time", "speed of major planning decisions"],
        False,
    ),
    "planning_minor_in_time": (["minor planning applications in time", "minor apps decided on time"], False),
    "homelessness_prevention_rate": (
        ["homelessness prevention", "homelessness prevention rate", "prevention duty success"],
        True,
    ),
    "temporary_accommodation_per_1000": (
        ["households in temporary accommodation", "temporary accommodation numbers", "TA per 1000 households"],
        False,
    ),
    "relet_days": (["re-let times", "average days to re-let council homes", "void turnaround"], False),
    "council_tax_collection": (["council tax collection", "council tax collection rate", "ctax collection"], True),
    "business_rates_collection": (["business rates collection", "NNDR collection"], True),
    "complaints_in_time": (
        ["complaints answered on time", "complaint response times", "complaints responded to within target"],
        False,
    ),
    "stage2_complaints_upheld": (["stage 2 complaints upheld", "upheld stage 2 complaints"], False),
    "sickness_absence_days": (["sickness absence", "staff sickness days per FTE", "sickness absence per fte"], False),
    "staff_turnover": (["staff turnover", "workforce turnover"], True),
    "dfg_within_26_weeks": (["disabled facilities grants done within 26 weeks", "DFG completions in 26 weeks"], False),
    "fly_tipping_per_1000": (["fly-tipping", "fly tipping incidents per 1,000", "flytipping rate"], True),
    "leisure_visits_per_1000": (["leisure centre visits", "leisure visits per 1,000 population"], False),
}

MEASURES = {"oflog": OFLOG_MEASURES, "lgbf": LGBF_MEASURES, "sample": SAMPLE_MEASURES}

# short forms people really use, each fitting one council only
OFLOG_SHORT = {
    "Kensington and Chelsea": ["RBKC", "K&C", "Kensington & Chelsea"],
    "Barking and Dagenham": ["LBBD", "Barking & Dagenham"],
    "Hammersmith and Fulham": ["LBHF", "H&F", "Hammersmith & Fulham"],
    "Bath and North East Somerset": ["BANES", "B&NES"],
    "Kingston Upon Hull": ["Hull", "Hull City Council"],
    "Stoke-on-Trent": ["Stoke", "stoke on trent"],
    "Southend-on-Sea": ["Southend"],
    "Stockton-on-Tees": ["Stockton"],
    "Redcar and Cleveland": ["Redcar & Cleveland"],
    "Blackburn with Darwen": ["Blackburn"],
    "Telford and Wrekin": ["Telford", "Telford & Wrekin"],
    "Milton Keynes": ["MK", "MK council"],
    "Hertfordshire": ["Herts", "Herts CC"],
    "Lancashire": ["Lancs"],
    "Nottinghamshire": ["Notts CC"],
    "Leicestershire": ["Leics"],
    "Staffordshire": ["Staffs"],
    "Worcestershire": ["Worcs"],
    "Warwickshire": ["Warks"],
    "Cambridgeshire": ["Cambs"],
    "Oxfordshire": ["Oxon"],
    "Derbyshire": ["Derbys"],
    "Hampshire": ["Hants"],
    "North Yorkshire": ["North Yorks", "NYCC"],
    "East Sussex": ["E Sussex"],
    "West Sussex": ["W Sussex", "WSCC"],
    "County Durham": ["Durham", "Durham County Council"],
    "Cheshire West and Chester": ["CWaC", "Cheshire West & Chester"],
    "St. Helens": ["St Helens"],
    "Tower Hamlets": ["LBTH"],
    "North Northamptonshire": ["North Northants"],
    "West Northamptonshire": ["West Northants"],
    "Bristol": ["Bristol City Council"],
    "South Gloucestershire": ["South Glos"],
    "Manchester": ["Manchester City Council"],
    "Newcastle upon Tyne": ["Newcastle upon Tyne City Council"],
    "Brighton and Hove": ["Brighton & Hove"],
}
# names never used because their everyday short form fits two councils
OFLOG_AVOID = {"Leicester", "Derby", "Nottingham", "Bedford", "Kingston upon Thames", "Richmond upon Thames"}

LGBF_SHORT = {
    "Dumfries & Galloway": ["Dumfries and Galloway", "D&G", "dumfries & galloway council"],
    "Perth & Kinross": ["Perth and Kinross", "P&K", "perth & kinross council"],
    "Argyll & Bute": ["Argyll and Bute", "argyll & bute council"],
    "Glasgow City": ["Glasgow", "Glasgow City Council", "glasgow city"],
    "Dundee City": ["Dundee", "Dundee City Council"],
    "Aberdeen City": ["Aberdeen City Council"],
    "Scottish Borders": ["the Borders", "Scottish Borders Council"],
    "Orkney Islands": ["Orkney", "Orkney Islands Council"],
    "Shetland Islands": ["Shetland", "Shetland Islands Council"],
    "Clackmannanshire": ["Clacks", "Clackmannanshire Council"],
    "East Renfrewshire": ["East Ren", "East Renfrewshire Council"],
    "East Dunbartonshire": ["E Dunbartonshire", "East Dunbartonshire Council"],
    "West Dunbartonshire": ["W Dunbartonshire", "West Dunbartonshire Council"],
    "North Lanarkshire": ["N Lanarkshire", "North Lanarkshire Council"],
    "South Lanarkshire": ["S Lanarkshire", "South Lanarkshire Council"],
    "Highland": ["Highland Council", "the Highland Council"],
    "Fife": ["Fife Council"],
    "Falkirk": ["Falkirk Council"],
    "Moray": ["Moray Council", "the Moray Council"],
    "North Ayrshire": ["N Ayrshire", "North Ayrshire Council"],
    "South Ayrshire": ["S Ayrshire", "South Ayrshire Council"],
    "East Ayrshire": ["East Ayrshire Council"],
    "West Lothian": ["West Lothian Council"],
    "East Lothian": ["East Lothian Council"],
    "Midlothian": ["Midlothian Council"],
    "Aberdeenshire": ["Aberdeenshire Council"],
    "Angus": ["Angus Council"],
    "Stirling": ["Stirling Council"],
    "Inverclyde": ["Inverclyde Council"],
    "Renfrewshire": ["Renfrewshire Council"],
}


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def typo(rng: random.Random, name: str, others: list) -> str | None:
    """One-letter typo (drop or double a letter, or swap a vowel) far from every other name."""
    base = name.lower()
    if len(base) < 8:
        return None
    cands = []
    for i in range(3, len(base) - 1):
        if not base[i].isalpha():
            continue
        cands.append(base[:i] + base[i + 1 :])
        cands.append(base[:i] + base[i] + base[i:])
    rng.shuffle(cands)
    for c in cands:
        if c == base:
            continue
        if all(lev(c, o.lower()) >= 3 for o in others if o.lower() != base):
            return c
    return None


def council_forms(ds_key: str, name: str, kind: str | None) -> list:
    """Plain ways of writing one council's name (not typos)."""
    forms = [name, name.lower()]
    if ds_key == "oflog":
        forms += OFLOG_SHORT.get(name, [])
        if kind == "Counties":
            forms += [f"{name} County Council", f"{name} CC"]
        elif kind == "London Boroughs":
            forms += [f"LB {name}", f"the London Borough of {name}", f"{name} council"]
        else:
            forms += [f"{name} Council", f"{name} council"]
        if " and " in name and not any("&" in f for f in forms):
            forms.append(name.replace(" and ", " & "))
    elif ds_key == "lgbf":
        forms += LGBF_SHORT.get(name, [])
    else:
        short = name.replace(" District Council", "").replace(" Borough Council", "")
        forms = [name, short, short.lower(), name.lower()]
        if "District" in name:
            forms.append(f"{short} DC")
        else:
            forms.append(f"{short} BC")
    return forms


PREFIXES = [
    "",
    "",
    "",
    "",
    "hi, ",
    "quick one - ",
    "morning! ",
    "for thursday's committee: ",
    "hiya ",
    "sorry to bother - ",
    "@scrutinybot ",
    "cllr question: ",
    "pre-meet prep: ",
    "can u check - ",
    "new cllr so bear with me - ",
    "on behalf of the chair - ",
    "hello, ",
]
SUFFIXES = [
    "",
    "",
    "",
    "",
    " pls",
    " thanks",
    " ta",
    " thx",
    " cheers",
    " please",
    " - for the pre-meet",
    " (for O&S)",
    " asap pls",
    " if you can",
    " :)",
]


def decorate(rng: random.Random, text: str, allow_prefix: bool = True) -> str:
    pre = rng.choice(PREFIXES) if allow_prefix else ""
    suf = rng.choice(SUFFIXES)
    body = text
    if body.rstrip("?").endswith(("please", "pls", "thanks")):
        suf = ""
    if suf and body.endswith("?") and rng.random() < 0.5:
        body = body[:-1]
    out = pre + body + suf
    r = rng.random()
    if r < 0.25:
        out = out.lower()
    elif r < 0.35:
        out = out.replace("'", "")
    if pre and out[0].islower() and rng.random() < 0.5:
        out = out[0].upper() + out[1:]
    return out


WORDS = {
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
}
NUMWORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 10: "ten"}


def year_forms(period: str, bare: bool = True) -> list:
    y = int(period[:4])
    yy = (y + 1) % 100
    forms = [
        f"{y}-{yy:02d}",
        f"{y}/{yy:02d}",
        f"{y}-{y + 1}",
        f"{y}/{y + 1}",
        f"FY{y % 100:02d}/{yy:02d}",
        f"FY{y}/{yy:02d}",
        f"fy{y % 100:02d}-{yy:02d}",
        f"FY {y}-{yy:02d}",
    ]
    if bare:
        forms += [f"{y}", f"{y}"]
    if 2010 <= y <= 2019:
        forms.append(f"twenty {WORDS[y % 100]}-{WORDS[yy]}")
    return forms


def year_text(rng: random.Random, period: str, bare: bool = True) -> str:
    return rng.choice(year_forms(period, bare))


def quarter_text(rng: random.Random, period: str) -> str:
    fy, q = period.split(" ")
    y = int(fy[:4])
    yy = (y + 1) % 100
    return rng.choice(
        [
            f"{q} {y}/{yy:02d}",
            f"{fy} {q}",
            f"{q} of {fy}",
            f"quarter {q[1]} of {y}/{yy:02d}",
            f"{q} FY{y % 100:02d}/{yy:02d}",
            f"{q} {y}-{yy:02d}",
        ]
    )


def num_text(rng: random.Random, n: int) -> str:
    if n in NUMWORDS and rng.random() < 0.4:
        return NUMWORDS[n]
    return str(n)
