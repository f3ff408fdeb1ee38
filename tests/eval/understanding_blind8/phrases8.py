"""Everyday wording for blind set 8: measure phrases, council short forms, period spellings and the
Slack-style noise applied to messages.  Written for this set; every phrase was chosen so that it names
exactly one measure of the dataset the asking council holds."""

from __future__ import annotations

import re

# ---------------------------------------------------------------- measures
OFLOG_M = {
    "ASC1": [
        "carer quality of life",
        "carers quality of life",
        "carer-reported quality of life",
        "quality of life for carers",
        "carer qol",
        "unpaid carers quality of life score",
    ],
    "ASC2": [
        "quality of life for people who use care services",
        "social care users quality of life",
        "service user qol",
        "asc service users quality of life",
        "care users quality of life",
    ],
    "ASC3": [
        "ease of finding info for service users",
        "service users ease of finding info about services",
        "service user ease of finding information",
        "ease of finding information (service users)",
    ],
    "ASC4": [
        "ease of finding info for carers",
        "carers ease of finding info about support",
        "carer ease of finding information",
        "ease of finding information (carers)",
    ],
    "ASC5": [
        "outcome of short term services",
        "short-term services outcome (no further support needed)",
        "reablement / short term service outcomes",
        "short term support outcomes",
    ],
    "ASC6": [
        "requests resulting in a service",
        "care requests that end in a service",
        "new requests that result in a service",
        "requests for support resulting in a service",
    ],
    "ASC7": [
        "care workforce turnover",
        "adult social care staff turnover",
        "asc workforce turnover",
        "social care staff turnover rate",
        "care staff turnover",
    ],
}
# nouns that read naturally after "highest"/"lowest"
OFLOG_RANKNOUN = {
    "ASC1": "carer quality of life",
    "ASC2": "care user quality of life",
    "ASC7": "care workforce turnover",
    "ASC5": "short term services outcomes",
}

LGBF_M = {
    "ENV06": ["recycling rate", "household waste recycled", "% of household waste recycled", "recyling rate"],
    "ENV01a": [
        "waste collection cost per premises",
        "cost of bin collection per premises",
        "net cost of waste collection per premise",
    ],
    "ENV02a": ["waste disposal cost per premises", "cost of waste disposal per premises"],
    "ENV03a": ["street cleaning cost per 1000 people", "cost of street cleaning per 1,000 pop"],
    "ENV03c": ["street cleanliness score", "street cleanliness (% acceptable)"],
    "ENV04a": ["cost per km of roads", "road maintenance cost per kilometre", "roads cost per km"],
    "C&L01": [
        "cost per attendance at sports facilities",
        "sports facilities cost per attendance",
        "cost per visit to sports facilities",
    ],
    "C&L02": ["cost per library visit", "library cost per visit", "cost per visit to libraries"],
    "C&L03": ["museum cost per visit", "cost of museums per visit"],
    "C&L04": ["parks and open spaces cost per 1000 pop", "cost of parks & open spaces per 1,000 population"],
    "ECON05": ["business gateway start ups", "business gateway start-ups per 10k pop"],
    "ECON09": ["town vacancy rate", "town centre vacancy rates", "empty shop units in town centres (vacancy rate)"],
    "ECON08": ["superfast broadband coverage", "% properties with superfast broadband"],
    "ECON03": ["time per commercial planning application", "avg weeks to decide commercial planning apps"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP07": [
        "% of council tax received by year end",
        "in-year council tax collection rate",
        "council tax collected by end of year %",
    ],
    "CORP08": ["invoices paid within 30 days", "% of invoices paid in 30 days", "invoice payment within 30 days"],
    "CORP06a": ["teacher sickness absence", "sickness days per teacher", "teachers sickness absence days"],
    "CORP06b": [
        "non-teacher sickness absence",
        "sickness days per employee (non teachers)",
        "sickness absence for non teaching staff",
    ],
    "HSN01b": ["rent arrears", "gross rent arrears as % of rent due", "council house rent arrears"],
    "HSN02": ["rent lost to voids", "% of rent lost through voids", "void rent loss"],
    "HSN03": ["homes meeting SHQS", "% of council dwellings meeting shqs", "SHQS compliance"],
    "HSN04b": [
        "time to complete non-emergency repairs",
        "non emergency repairs days",
        "avg days for non-emergency repairs",
    ],
    "HSN05a": ["energy efficient council homes", "% council dwellings that are energy efficient"],
    "SW01": ["home care cost per hour for over 65s", "older people home care costs per hour"],
    "SW05": ["residential care cost per week for older people", "care home costs per week (65+)"],
    "SW03a": [
        "% of 65+ with long term care needs getting personal care at home",
        "over 65s with long-term care needs cared for at home",
    ],
    "SW06": [
        "hospital readmissions within 28 days",
        "28 day readmission rate",
        "readmissions to hospital within 28 days",
    ],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "SW08": ["delayed discharge bed days (75+)", "days people spend in hospital when ready to be discharged"],
    "CHN01": ["cost per primary pupil", "cost per primary school pupil", "primary pupil cost"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN04": ["% of pupils gaining 5+ awards at level 5", "pupils getting 5 or more level 5 awards"],
    "CHN11": ["positive destinations for school leavers", "% of pupils entering positive destinations"],
    "CHN21": ["16-19 participation rate", "participation rate for 16 to 19 year olds"],
    "CHN24": ["child poverty after housing costs", "% children living in poverty", "child poverty rate"],
    "CLIM01": ["area wide co2 emissions per capita", "co2 emissions per head (area wide)"],
    "FINSUS01": ["useable reserves as % of budget", "total usable reserves as a % of revenue budget"],
}
LGBF_RANKNOUN = {
    "ENV06": "recycling rate",
    "CHN01": "cost per primary pupil",
    "CHN02": "cost per secondary pupil",
    "C&L02": "cost per library visit",
    "HSN01b": "rent arrears",
    "SW01": "home care cost per hour",
    "CORP06b": "non-teacher sickness absence",
    "CORP06a": "teacher sickness absence",
    "ECON09": "town vacancy rate",
    "CHN24": "child poverty",
    "HSN02": "rent lost to voids",
    "ENV01a": "waste collection cost per premises",
    "CORP08": "invoice payment within 30 days",
    "ECON08": "superfast broadband coverage",
    "SW08": "delayed discharge bed days",
}

SAMPLE_M = {
    "household_recycling_rate": ["recycling rate", "household recycling", "recycling %", "recyling rate"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": [
        "residual waste per household",
        "black bin waste per household",
        "kg of residual waste per hh",
    ],
    "waste_collection_cost_per_household": [
        "waste collection cost per household",
        "cost of bin collection per household",
        "net cost of waste collection",
    ],
    "planning_major_in_time": ["major planning apps decided in time", "majors in time", "major applications on time"],
    "planning_minor_in_time": ["minor planning apps in time", "minors decided in time", "minor applications in time"],
    "homelessness_prevention_rate": [
        "homelessness prevention",
        "homelessness prevention rate",
        "prevention duty outcomes",
    ],
    "temporary_accommodation_per_1000": [
        "temporary accommodation",
        "households in TA per 1000",
        "temp accommodation numbers",
    ],
    "relet_days": ["relet times", "void turnaround", "average days to relet council homes", "re-let days"],
    "council_tax_collection": ["council tax collection", "ctax collection rate", "council tax collected in year"],
    "business_rates_collection": ["business rates collection", "nndr collection", "business rates collected"],
    "complaints_in_time": ["complaints answered on time", "complaint response times", "complaints handled in time"],
    "stage2_complaints_upheld": [
        "stage 2 complaints upheld",
        "upheld stage 2 complaints",
        "escalated complaints upheld",
    ],
    "sickness_absence_days": ["sickness absence", "staff sickness days per fte", "days lost to sickness"],
    "staff_turnover": ["staff turnover", "workforce turnover", "leavers rate"],
    "dfg_within_26_weeks": [
        "DFGs done within 26 weeks",
        "disabled facilities grants in 26 wks",
        "dfg completions in time",
    ],
    "fly_tipping_per_1000": ["fly tipping", "fly-tipping incidents per 1000", "flytipping"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure visits per 1000 pop", "gym and swimming visits"],
}
SAMPLE_RANKNOUN = {
    "household_recycling_rate": "recycling rate",
    "missed_bins_per_100k": "missed bins",
    "sickness_absence_days": "sickness absence",
    "staff_turnover": "staff turnover",
    "fly_tipping_per_1000": "fly tipping",
    "relet_days": "relet times",
    "council_tax_collection": "council tax collection",
    "temporary_accommodation_per_1000": "use of temp accommodation",
}

MEASURES = {"oflog": OFLOG_M, "lgbf": LGBF_M, "sample": SAMPLE_M}
RANKNOUN = {"oflog": OFLOG_RANKNOUN, "lgbf": LGBF_RANKNOUN, "sample": SAMPLE_RANKNOUN}

# ---------------------------------------------------------------- councils
# short forms people actually use; each fits exactly one council in its dataset
OFLOG_SHORT = {
    "E09000002": ["barking & dagenham", "LBBD", "barking and dag"],
    "E06000022": ["BANES", "B&NES", "bath & ne somerset"],
    "E08000025": ["brum", "birmingham city council"],
    "E06000043": ["brighton", "brighton & hove", "brighton and hove city council"],
    "E06000023": ["bristol city council"],
    "E06000050": ["cheshire west", "CWAC", "cheshire west & chester"],
    "E06000047": ["durham", "durham county council"],
    "E06000011": ["east riding", "ERYC"],
    "E09000013": ["H&F", "hammersmith & fulham", "hammersmith"],
    "E09000020": ["RBKC", "kensington & chelsea", "k&c"],
    "E06000010": ["hull", "hull city council"],
    "E06000016": ["leicester city council", "leicester city"],
    "E06000018": ["nottingham city", "nottingham city council"],
    "E06000015": ["derby city", "derby city council"],
    "E06000055": ["bedford borough", "bedford borough council"],
    "E06000042": ["MK", "milton keynes council"],
    "E08000021": ["newcastle upon tyne", "newcastle city council"],
    "E06000003": ["redcar & cleveland", "redcar"],
    "E06000033": ["southend", "southend on sea"],
    "E08000013": ["st helens", "st. helens council"],
    "E06000004": ["stockton", "stockton on tees"],
    "E06000021": ["stoke", "stoke on trent"],
    "E06000020": ["telford", "telford & wrekin"],
    "E06000040": ["RBWM", "windsor & maidenhead"],
    "E09000030": ["LBTH", "tower hamlets council"],
    "E06000025": ["south glos", "s glos"],
    "E10000032": ["WSCC", "west sussex cc"],
    "E10000011": ["ESCC", "east sussex cc"],
    "E08000015": ["the wirral", "wirral council"],
    "E06000008": ["blackburn", "blackburn w darwen", "blackburn & darwen"],
    "E06000037": ["west berks"],
    "E06000036": ["bracknell"],
    "E10000023": ["north yorks", "NYCC"],
    "E10000016": ["KCC", "kent cc"],
    "E10000003": ["cambs", "cambridgeshire cc"],
    "E10000024": ["notts cc", "nottinghamshire county council"],
    "E10000018": ["leics", "leicestershire cc"],
    "E10000019": ["lincs", "lincolnshire cc"],
    "E10000013": ["glos", "gloucestershire cc"],
    "E10000015": ["herts", "herts cc"],
    "E10000014": ["hants", "hampshire cc"],
    "E10000034": ["worcs", "worcestershire cc"],
    "E10000031": ["warks", "warwickshire cc"],
    "E10000028": ["staffs", "staffordshire cc"],
    "E10000025": ["oxon", "oxfordshire cc"],
    "E10000007": ["derbys", "derbyshire cc"],
    "E06000056": ["central beds", "c beds"],
    "E06000012": ["NE lincs", "north east lincs"],
    "E06000013": ["north lincs"],
    "E06000045": ["soton", "southampton city council"],
    "E09000021": ["kingston upon thames", "RB kingston upon thames"],
    "E09000027": ["richmond upon thames", "LB richmond upon thames"],
    "E08000037": ["gateshead council"],
    "E08000034": ["kirklees council"],
    "E08000035": ["leeds city council", "leeds cc"],
    "E08000003": ["manchester city council"],
}
# names that must never be written bare (a short form that fits two councils)
OFLOG_NO_BARE = {"E06000016", "E06000018", "E06000015", "E06000055"}

LGBF_SHORT = {
    "Dumfries & Galloway": ["d&g", "dumfries and galloway", "dumfries & galloway council"],
    "Perth & Kinross": ["p&k", "perth and kinross", "PKC"],
    "Argyll & Bute": ["argyll and bute", "argyll & bute council", "argyll"],
    "Scottish Borders": ["the borders", "borders council", "scot borders"],
    "Edinburgh City": ["edinburgh", "city of edinburgh", "edinburgh council", "CEC"],
    "Glasgow City": ["glasgow", "glasgow city council", "GCC"],
    "Dundee City": ["dundee", "dundee city council"],
    "Aberdeen City": ["aberdeen city council", "aberdeen city"],
    "Aberdeenshire": ["aberdeenshire council"],
    "Clackmannanshire": ["clacks", "clackmannanshire council"],
    "East Dunbartonshire": ["east dunbarton", "e dunbartonshire"],
    "West Dunbartonshire": ["west dunbarton", "w dunbartonshire"],
    "North Lanarkshire": ["n lanarkshire", "NLC"],
    "South Lanarkshire": ["s lanarkshire", "SLC"],
    "East Renfrewshire": ["east ren", "east renfrewshire council"],
    "Renfrewshire": ["renfrewshire council"],
    "Orkney Islands": ["orkney", "orkney council"],
    "Shetland Islands": ["shetland", "shetland council"],
    "Highland": ["highland council", "the highland council"],
    "Fife": ["fife council"],
    "Moray": ["moray council"],
    "East Lothian": ["e lothian"],
    "North Ayrshire": ["n ayrshire"],
    "Inverclyde": ["inverclyde council"],
    "Falkirk": ["falkirk council"],
    "Stirling": ["stirling council"],
    "Angus": ["angus council"],
    "Midlothian": ["midlothian council"],
    "West Lothian": ["west lothian council"],
    "South Ayrshire": ["s ayrshire"],
    "East Ayrshire": ["e ayrshire"],
}

SAMPLE_SHORT = {
    "E07999001": ["northbridge", "northbridge dc"],
    "E07999002": ["eastmere", "eastmere dc"],
    "E07999003": ["kingsford", "kingsford bc", "kingsford borough"],
    "E07999004": ["ashworth vale", "ashworth vale dc"],
    "E07999005": ["brackenmoor", "brackenmoor district"],
    "E07999006": ["castlebrook", "castlebrook bc"],
    "E07999007": ["dunhollow", "dunhollow dc"],
    "E07999008": ["elmridge", "elmridge district"],
    "E07999009": ["fernleigh", "fernleigh dc"],
    "E07999010": ["greywater", "greywater borough"],
    "E07999011": ["hollinsford", "hollinsford dc"],
    "E07999012": ["lowerby", "lowerby district council"],
    "E07999013": ["marshcombe", "marshcombe dc"],
    "E07999014": ["oakhampstead", "oakhampstead district"],
    "E07999015": ["redbourne vale", "redbourne vale dc"],
    "E07999016": ["westcombe", "westcombe bc"],
}


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def norm(s: str) -> str:
    s = s.lower().replace("&", "and")
    s = re.sub(r"\b(the|council|county|city|borough|district|of)\b", " ", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def one_letter_typo(name: str, rng, all_names):
    """A one-letter typo of a name, kept only if the nearest real name is unique by a clear margin."""
    words = name.split()
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not idx:
        return None
    for _ in range(12):
        i = rng.choice(idx)
        w = words[i].lower()
        k = rng.randrange(1, len(w) - 1)
        op = rng.choice(["drop", "swap", "double"])
        if op == "drop":
            t = w[:k] + w[k + 1 :]
        elif op == "swap":
            t = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        else:
            t = w[:k] + w[k] + w[k:]
        if t == w:
            continue
        cand = " ".join(words[:i] + [t] + words[i + 1 :]).lower()
        d_self = levenshtein(norm(cand), norm(name))
        others = sorted(levenshtein(norm(cand), norm(o)) for o in all_names if o != name)
        if d_self <= 2 and others and others[0] >= d_self + 4:
            return cand
    return None


# ---------------------------------------------------------------- periods
_WORDS = {
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


def fy_text(p: str, rng, bare=True, spoken=True) -> str:
    y = int(p[:4])
    a, b = y % 100, (y + 1) % 100
    opts = [
        f"{y}/{b:02d}",
        f"{y}-{b:02d}",
        f"{y}-{y + 1}",
        f"FY{a:02d}/{b:02d}",
        f"{a:02d}/{b:02d}",
        f"{y}/{b:02d}",
        f"fy {y}/{b:02d}",
        f"{y}/{y + 1}",
    ]
    if bare:
        opts += [f"{y}", f"{y}"]
    if spoken and 2010 <= y <= 2019 and b in _WORDS:
        opts.append(f"twenty {_WORDS[a]}-{_WORDS[b]}")
    return rng.choice(opts)


def quarter_text(p: str, rng) -> str:
    fy, q = p.split(" Q")
    y = int(fy[:4])
    b = (y + 1) % 100
    return rng.choice(
        [
            f"Q{q} {y}/{b:02d}",
            f"{fy} Q{q}",
            f"q{q} of {y % 100:02d}/{b:02d}",
            f"quarter {q} {y}-{b:02d}",
            f"Q{q} {y}-{y + 1}",
        ]
    )


# ---------------------------------------------------------------- slack noise
_SWAPS = [
    (r"\byou\b", "u"),
    (r"\bare\b", "r"),
    (r"\bplease\b", "pls"),
    (r"\bwhat is\b", "whats"),
    (r"\bwhat's\b", "whats"),
    (r"\bhow's\b", "hows"),
    (r"\bthanks\b", "thx"),
    (r"\bbecause\b", "bc"),
    (r"\bcompare\b", "comapre"),
    (r"\blatest\b", "lastest"),
    (r"\bneighbours\b", "neighbors"),
    (r"\bsimilar\b", "similiar"),
    (r"\bbetween\b", "betwen"),
    (r"\bcommittee\b", "cttee"),
    (r"\bfigure\b", "fig"),
    (r"\bdoing\b", "doin"),
    (r"\bwith\b", "w/"),
    (r"\bdon't\b", "dont"),
]


def casual(text: str, rng) -> str:
    t = text
    for pat, rep in _SWAPS:
        if re.search(pat, t, flags=re.I) and rng.random() < 0.3:
            t = re.sub(pat, rep, t, count=1, flags=re.I)
    if rng.random() < 0.45:
        t = t.replace("'", "")
    r = rng.random()
    if r < 0.55:
        t = t.lower()
    elif r < 0.65:
        t = t[:1].upper() + t[1:]
    if rng.random() < 0.3:
        t = t.rstrip("?") if t.endswith("?") else t
    return t


PREFIX = [
    "",
    "",
    "",
    "",
    "",
    "hi - ",
    "quick one: ",
    "sorry to bug u, ",
    "hey ",
    "morning! ",
    "@scrutiny ",
    "q for the bot - ",
    "can u tell me ",
    "need this for cllr briefing: ",
]
SUFFIX = [
    "",
    "",
    "",
    "",
    "",
    " pls",
    " ta",
    " thx",
    " for thursdays committee",
    " - need it for O&S tmrw",
    " before group meeting",
    " asap pls",
    " cheers",
    " (for the chair)",
]


def dress(text: str, rng) -> str:
    pre = rng.choice(PREFIX)
    suf = rng.choice(SUFFIX)
    if "pls" in text and "pls" in suf:
        suf = ""
    if pre == "can u tell me ":
        if not re.match(r"(what|how|where|who|which|our|is|are|did|has|were)\b", text, flags=re.I):
            pre = ""
        else:
            text = text[:1].lower() + text[1:]
    return casual(pre + text + suf, rng)
