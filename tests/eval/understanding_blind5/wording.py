"""Hand-written wording for blind set 5: measure paraphrases, council name forms, register noise.

All phrasings here were written fresh for this set (not copied from the product or earlier sets).
"""

from __future__ import annotations

# ---------------------------------------------------------------- measures
OFLOG_M = {
    "ASC1": [
        "carer quality of life",
        "carer-reported quality of life",
        "quality of life for unpaid carers",
        "carers' quality of life score",
        "ASC1 (carer QoL)",
    ],
    "ASC2": [
        "social care-related quality of life",
        "quality of life for people who use adult social care",
        "service users' quality of life",
        "ASC2 quality of life measure",
    ],
    "ASC3": [
        "service users' ease of finding information about services",
        "ease of finding information (service users)",
        "service-user information score",
        "ease of finding info for people who use services",
    ],
    "ASC4": [
        "carers' ease of finding information about support",
        "ease of finding info about support for carers",
        "carers information measure (ASC4)",
        "ease of finding information (carers)",
    ],
    "ASC5": [
        "outcome of short-term services",
        "short-term services sequel measure",
        "sequel to short-term support",
        "short-term care outcomes",
        "ASC5 short-term services",
    ],
    "ASC6": [
        "requests for support resulting in a service",
        "requests resulting in a service",
        "new requests leading to a service",
        "requests-to-service measure",
    ],
    "ASC7": [
        "adult social care workforce turnover",
        "care staff turnover",
        "turnover of the care workforce",
        "social care workforce turnover rate",
        "ASC7 turnover",
    ],
}

LGBF_M = {
    "ENV06": [
        "household recycling rate",
        "% of household waste recycled",
        "recycling rate",
        "share of household waste that gets recycled",
    ],
    "ENV01a": [
        "net cost of waste collection per premises",
        "bin collection cost per premise",
        "spend on waste collection per property",
    ],
    "ENV02a": ["waste disposal cost per premises", "net disposal cost per property"],
    "ENV03a": ["street cleaning cost per 1,000 people", "cost of street sweeping per 1000 population"],
    "ENV03c": ["street cleanliness score", "% of streets judged acceptably clean", "cleanliness of our streets"],
    "ENV04a": ["road maintenance cost per km", "cost per kilometre of road"],
    "ENV07a": ["satisfaction with refuse collection", "resident satisfaction with bin collections"],
    "C&L01": ["cost per attendance at sports facilities", "sports facility cost per visit"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L04": ["parks and open spaces cost per 1,000 population", "spend on parks per 1000 residents"],
    "C&L05a": ["satisfaction with libraries", "% of adults happy with the library service"],
    "CHN01": ["cost per primary pupil", "primary school spend per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN04": ["pupils gaining 5+ awards at level 5", "% of pupils with five or more level 5 awards"],
    "CHN05": ["pupils gaining 5+ awards at level 6", "% of pupils with five or more level 6 awards"],
    "CHN11": ["school leavers entering positive destinations", "positive destinations for leavers"],
    "CHN12a": ["overall average total tariff", "average tariff score for all pupils"],
    "CHN09": ["looked after children cared for in the community", "balance of care for looked after children"],
    "CHN24": ["child poverty after housing costs", "% of children living in poverty"],
    "CHN21": ["participation rate for 16-19 year olds", "16-19 participation"],
    "CHN13a": ["P1/P4/P7 literacy at expected CfE level", "primary literacy (CfE levels)"],
    "SW01": ["home care cost per hour for over-65s", "older people's homecare cost per hour"],
    "SW05": ["residential care cost per week for older people", "weekly care home cost per resident (65+)"],
    "SW03a": [
        "65+ with long-term needs receiving personal care at home",
        "older people with long-term care needs supported at home",
    ],
    "SW06": ["hospital readmissions within 28 days", "28-day readmission rate per 1,000 discharges"],
    "SW07": ["care services graded good or better", "% of care services rated good or above"],
    "SW08": [
        "days people spend in hospital when ready to go home (75+)",
        "delayed discharge bed days for over-75s",
        "delayed discharge days per 1,000 over-75s",
    ],
    "SW02": ["self-directed support spend as a share of adult social work spend", "SDS share of adult spend"],
    "CORP07": [
        "council tax collection rate",
        "% of council tax received by the end of the year",
        "in-year council tax collection",
    ],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per house"],
    "CORP08": ["invoices paid within 30 days", "prompt payment of invoices"],
    "CORP06a": ["sickness absence days per teacher", "teacher sickness absence"],
    "CORP06b": ["sickness absence for non-teaching staff", "days lost to sickness per non-teacher employee"],
    "CORP01": ["support services as a % of gross expenditure", "back-office costs as a share of total spend"],
    "HSN01b": ["rent arrears", "gross rent arrears as % of rent due"],
    "HSN02": ["rent lost through voids", "void rent loss"],
    "HSN04b": ["time to complete non-emergency repairs", "average days for non-urgent housing repairs"],
    "HSN03": ["dwellings meeting SHQS", "compliance with the Scottish Housing Quality Standard"],
    "ECON01": ["unemployed people helped into work by council programmes", "employability programme job outcomes"],
    "ECON05": ["Business Gateway start-ups per 10,000 population", "business start-ups through Business Gateway"],
    "ECON08": ["superfast broadband coverage", "properties with superfast broadband"],
    "FINSUS01": ["usable reserves as a % of budgeted revenue", "total useable reserves"],
    "CLIM01": ["area-wide CO2 emissions per head", "carbon emissions per capita"],
    "ECON09": ["town centre vacancy rate", "empty units in our town centres"],
}

SAMPLE_M = {
    "household_recycling_rate": [
        "recycling rate",
        "household recycling performance",
        "% of household waste reused, recycled or composted",
        "recycling and composting",
    ],
    "missed_bins_per_100k": ["missed bins", "missed collections per 100k", "bins not collected", "missed bin rate"],
    "residual_waste_per_household": [
        "residual waste per household",
        "kg of black-bag rubbish per home",
        "non-recycled waste per household",
    ],
    "waste_collection_cost_per_household": [
        "waste collection cost per household",
        "bin collection cost per household",
        "net cost of collecting rubbish per household",
    ],
    "planning_major_in_time": [
        "major planning apps decided in time",
        "speed of determining majors",
        "majors decided within 13 weeks or agreed extension",
    ],
    "planning_minor_in_time": [
        "minor apps decided in time",
        "minor planning applications on time",
        "performance on minors",
    ],
    "homelessness_prevention_rate": [
        "homelessness prevention",
        "prevention duties ended with homelessness prevented",
        "homelessness prevention success",
    ],
    "temporary_accommodation_per_1000": [
        "temporary accommodation",
        "households in TA per 1,000",
        "number of households in temp accommodation (per 1000)",
    ],
    "relet_days": ["void turnaround", "average re-let time for council homes", "days to relet empty homes"],
    "council_tax_collection": ["council tax collection", "in-year ctax collection rate", "council tax collected"],
    "business_rates_collection": ["business rates collection", "NNDR collection rate", "collection of business rates"],
    "complaints_in_time": [
        "complaints answered on time",
        "complaint response times",
        "complaints dealt with within target",
    ],
    "stage2_complaints_upheld": [
        "stage 2 complaints upheld",
        "upheld escalated complaints",
        "share of stage 2 complaints upheld",
    ],
    "sickness_absence_days": ["sickness absence", "days lost to sickness per FTE", "staff sickness"],
    "staff_turnover": ["staff turnover", "employee turnover", "leavers rate"],
    "dfg_within_26_weeks": ["DFGs completed within 26 weeks", "disabled facilities grant timeliness", "DFG turnaround"],
    "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1000 people", "flytips recorded"],
    "leisure_visits_per_1000": [
        "leisure centre visits",
        "visits to our leisure centres per 1,000 residents",
        "leisure centre usage",
    ],
}

MEASURES = {"oflog": OFLOG_M, "lgbf": LGBF_M, "sample": SAMPLE_M}

# informal / nickname paraphrases for the names family (ind -> list)
NICK_M = {
    "oflog": {
        "ASC1": ["carers QoL", "carers' own QoL rating"],
        "ASC5": ["reablement outcomes", "short-term services / reablement result"],
        "ASC7": ["care staff churn", "care worker churn rate"],
        "ASC3": ["info for service users", "clients' ease of finding info"],
        "ASC2": ["SCRQoL", "users' QoL score"],
    },
    "lgbf": {
        "SW08": ["bed-blocking", "delayed discharges for the over 75s"],
        "CHN04": ["5 Nat 5s rate", "5@5 pass rate"],
        "CHN05": ["5+ Highers rate", "5@6"],
        "CORP07": ["ctax collection", "council tax in-year collection %"],
        "SW01": ["homecare hourly rate", "hourly cost of home care for older folk"],
        "SW05": ["care home cost per week", "weekly residential care bill for over 65s"],
        "HSN02": ["voids rent loss", "rent lost on empty council houses"],
        "CORP06a": ["teachers off sick", "teacher sick days"],
        "ENV06": ["recyling", "recycling levels"],
        "CHN11": ["leaver destinations", "positive dests"],
        "HSN04b": ["non-urgent repair times", "repair times"],
    },
    "sample": {
        "temporary_accommodation_per_1000": ["TA", "temp accom"],
        "dfg_within_26_weeks": ["DFGs", "disabled adaptations grants"],
        "fly_tipping_per_1000": ["flytipping", "dumped rubbish"],
        "business_rates_collection": ["NNDR", "biz rates"],
        "planning_major_in_time": ["majors", "major apps"],
        "planning_minor_in_time": ["minors", "minor apps performance"],
        "waste_collection_cost_per_household": ["bin money per house", "cost of bins per household"],
        "relet_days": ["voids", "relet times"],
        "household_recycling_rate": ["recyling", "recycling %"],
        "sickness_absence_days": ["sick days", "staff sickness per FTE"],
        "missed_bins_per_100k": ["missed bin collections", "bins missed"],
    },
}

# ---------------------------------------------------------------- councils
OFLOG_DISPLAY = {
    "Kingston Upon Hull": "Hull",
    "St. Helens": "St Helens",
    "Bournemouth, Christchurch and Poole": "BCP",
    "Newcastle upon Tyne": "Newcastle upon Tyne",
    "County Durham": "County Durham",
}
OFLOG_ALIASES = {
    "Birmingham": ["B'ham", "Birmingam", "Brum"],
    "Manchester": ["Manchster", "Manchester City"],
    "Kingston Upon Hull": ["Hull", "Hull City Council", "Kingston upon Hull"],
    "Bournemouth, Christchurch and Poole": ["BCP", "Bournemouth Christchurch & Poole"],
    "Bath and North East Somerset": ["B&NES", "BANES"],
    "Kensington and Chelsea": ["RBKC", "Kensington & Chelsea"],
    "Hammersmith and Fulham": ["LBHF", "H&F"],
    "Cheshire West and Chester": ["CWAC", "Cheshire West"],
    "Newcastle upon Tyne": ["Newcastle", "Newcastle-upon-Tyne"],
    "Stoke-on-Trent": ["Stoke"],
    "Brighton and Hove": ["Brighton", "Brighton & Hove"],
    "Southend-on-Sea": ["Southend"],
    "Redcar and Cleveland": ["Redcar"],
    "Telford and Wrekin": ["Telford"],
    "St. Helens": ["St Helens"],
    "Windsor and Maidenhead": ["RBWM", "Windsor & Maidenhead"],
    "Nottinghamshire": ["Notts"],
    "Leicestershire": ["Leics"],
    "Lincolnshire": ["Lincs"],
    "Hertfordshire": ["Herts"],
    "Hampshire": ["Hants"],
    "Gloucestershire": ["Glos"],
    "Worcestershire": ["Worcs"],
    "Staffordshire": ["Staffs"],
    "Wiltshire": ["Wilts"],
    "Oxfordshire": ["Oxon"],
    "Cambridgeshire": ["Cambs"],
    "Lancashire": ["Lancs"],
    "County Durham": ["Durham"],
    "East Riding of Yorkshire": ["East Riding", "ERYC"],
    "Tower Hamlets": ["LBTH", "Tower Hamlet's"],
    "Barking and Dagenham": ["Barking & Dagenham", "LBBD"],
    "Blackburn with Darwen": ["Blackburn"],
    "Middlesbrough": ["Middlesborough", "Boro"],
    "Peterborough": ["Peterbrough"],
    "Wolverhampton": ["Wolverhampon"],
    "Sandwell": ["Sandwel"],
    "Gateshead": ["Gatehead"],
    "Northumberland": ["Northumberlnd"],
    "North Yorkshire": ["N Yorks"],
    "Milton Keynes": ["MK"],
    "Isle of Wight": ["IoW"],
    "Derbyshire": ["Derbys"],
    "Calderdale": ["Calderdle"],
}
LGBF_DISPLAY = {
    "Edinburgh City": "Edinburgh",
    "Glasgow City": "Glasgow",
    "Dundee City": "Dundee",
    "Argyll & Bute": "Argyll and Bute",
    "Perth & Kinross": "Perth and Kinross",
    "Dumfries & Galloway": "Dumfries and Galloway",
    "Eilean Siar": "Eilean Siar",
}
LGBF_ALIASES = {
    "Clackmannanshire": ["Clacks", "Clackmannanshre"],
    "Eilean Siar": ["the Western Isles", "Comhairle nan Eilean Siar", "Na h-Eileanan Siar", "CnES"],
    "Dumfries & Galloway": ["D&G", "Dumgal", "Dumfries + Galloway"],
    "Perth & Kinross": ["P&K", "Perth n Kinross"],
    "Argyll & Bute": ["A&B", "Argyll"],
    "Edinburgh City": ["City of Edinburgh", "Edinbrugh"],
    "Glasgow City": ["Glasgow", "Glasgw"],
    "Aberdeen City": ["Aberdeen"],
    "Aberdeenshire": ["Aberdeenshre"],
    "Dundee City": ["Dundee city council", "Dundee"],
    "East Renfrewshire": ["East Ren", "E Renfrewshire"],
    "East Dunbartonshire": ["East Dunbarton", "E Dunbartonshire"],
    "West Dunbartonshire": ["West Dunbarton"],
    "North Lanarkshire": ["N Lanarkshire", "North Lanark"],
    "South Lanarkshire": ["S Lanarkshire", "South Lanarkshre"],
    "Scottish Borders": ["the Borders", "Borders Council"],
    "Orkney Islands": ["Orkney"],
    "Shetland Islands": ["Shetland"],
    "Highland": ["Highland Council", "the Highland council"],
    "Midlothian": ["Midlothain"],
    "East Lothian": ["E Lothian"],
    "West Lothian": ["W Lothian"],
    "Renfrewshire": ["Renfrewshir"],
    "Inverclyde": ["Inverclide"],
    "South Ayrshire": ["S Ayrshire"],
    "North Ayrshire": ["N Ayrshire"],
    "East Ayrshire": ["E Ayrshire"],
    "Falkirk": ["Falkrik"],
    "Stirling": ["Stirlng"],
    "Fife": ["Fife Council"],
    "Moray": ["Moray council"],
    "Angus": ["Angus Council"],
}
SAMPLE_ALIASES = {
    "Eastmere District Council": ["Eastmere DC", "Eastmere"],
    "Kingsford Borough Council": ["Kingsford BC", "Kingsfrod"],
    "Ashworth Vale District Council": ["Ashworth", "Ashworth Vale DC"],
    "Brackenmoor District Council": ["Brackenmore"],
    "Castlebrook Borough Council": ["Castlebrook BC", "Castelbrook"],
    "Dunhollow District Council": ["Dunhollow DC"],
    "Elmridge District Council": ["Elmrige"],
    "Fernleigh District Council": ["Fernleigh DC", "Fernliegh"],
    "Greywater Borough Council": ["Greywater BC", "Graywater"],
    "Hollinsford District Council": ["Hollinsfrod"],
    "Lowerby District Council": ["Lowerby DC"],
    "Marshcombe District Council": ["Marshcomb"],
    "Oakhampstead District Council": ["Oakhamstead"],
    "Redbourne Vale District Council": ["Redbourne", "Redbourne Vale DC"],
    "Westcombe Borough Council": ["Westcombe BC", "Westcome"],
}

# ---------------------------------------------------------------- groups / nation
GROUP_PHRASES = {
    "oflog": [
        "our CIPFA nearest neighbours",
        "our statistical neighbours",
        "similar councils",
        "our comparator group",
        "our nearest neighbours",
        "the CIPFA comparator councils",
    ],
    "lgbf": [
        "our family group",
        "the family group",
        "our LGBF family group",
        "the councils in our benchmarking family",
        "comparable councils in our family",
    ],
    "sample": [
        "our nearest neighbours",
        "similar districts",
        "our comparator councils",
        "the CIPFA group",
        "our statistical neighbours",
    ],
}
NATION_PHRASES = {
    "oflog": [
        "the England median",
        "England as a whole",
        "the national median",
        "the English average",
        "councils across England",
    ],
    "lgbf": [
        "the Scottish average",
        "Scotland as a whole",
        "the Scotland figure",
        "the national average",
        "Scotland overall",
    ],
}
NATION_RANK = {
    "oflog": ["in England", "across England", "nationally", "out of all English councils"],
    "lgbf": ["in Scotland", "across Scotland", "out of the 32 councils", "nationally"],
}

# ---------------------------------------------------------------- register noise
PREFIXES = [
    "For Thursday's O&S: ",
    "Prepping for pre-scrutiny tomorrow - ",
    "Quick q: ",
    "Hi there, ",
    "Morning! ",
    "Sorry to bother you, ",
    "Chair has asked me to check: ",
    "Cllr asking on the members' group - ",
    "Ahead of the scrutiny panel, ",
    "For the briefing note: ",
    "Before cabinet next week, ",
    "hiya - ",
    "Can you help? ",
    "For the performance clinic, ",
    "Portfolio holder wants to know: ",
    "Re the agenda item on this, ",
    "A resident has emailed in. ",
    "In the pre-meet we were wondering: ",
    "Drafting the cover report - ",
    "Task and finish group question: ",
    "Hello. ",
    "One for the work programme: ",
]
SUFFIXES = [
    " thanks",
    " ta",
    " cheers!",
    " - need it for the chair's brief",
    " Many thanks.",
    " pls",
    " (for the O&S pack)",
    " asap if poss",
    " Thank you!",
    " thx",
    " :)",
    " Much appreciated.",
]
FILLER_TYPOS = [
    ("what", "waht"),
    ("the ", "teh "),
    ("please", "plz"),
    ("compare", "compair"),
    ("latest", "lastest"),
    ("performance", "perfomance"),
    ("figure", "figrue"),
    ("which", "whcih"),
    ("between", "betwen"),
    ("doing", "doin"),
    ("neighbours", "neighbors"),
    ("how ", "hwo "),
    ("against", "agaisnt"),
    ("there", "ther"),
    ("could", "cuold"),
    ("you", "u"),
]


def style(rng, text: str, prefix_p=0.25, suffix_p=0.2, lower_p=0.15, typo_p=0.12, q_p=0.1) -> str:
    t = text
    if rng.random() < typo_p:
        cands = [(a, b) for a, b in FILLER_TYPOS if a in t]
        if cands:
            a, b = rng.choice(cands)
            t = t.replace(a, b, 1)
    if rng.random() < prefix_p and not t.lower().startswith(("hi", "hello", "morning", "quick")):
        p = rng.choice(PREFIXES)
        t = p + (t[0].lower() + t[1:] if t[:2] not in ("I ", "I'") and not t[:2].isupper() else t)
    if rng.random() < suffix_p:
        t = t.rstrip() + rng.choice(SUFFIXES)
    if rng.random() < lower_p:
        t = t.lower()
    if rng.random() < q_p:
        t = t.rstrip("?")
    return t


def fy_phrase(rng, p: str) -> str:
    y = int(p[:4])
    a, b = f"{y % 100:02d}", f"{(y + 1) % 100:02d}"
    return rng.choice(
        [
            p,
            f"{y}/{b}",
            f"{a}/{b}",
            f"FY{a}/{b}",
            f"{y}-{y + 1}",
            f"the {y}/{b} financial year",
            f"financial year {p}",
            f"{y}/{y + 1}",
        ]
    )


def q_phrase(rng, p: str) -> str:
    fyp, q = p.split(" ")
    y = int(fyp[:4])
    b = f"{(y + 1) % 100:02d}"
    n = q[1]
    ordn = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[n]
    return rng.choice(
        [f"{q} {y}/{b}", f"quarter {n} of {fyp}", f"{q} {y % 100:02d}/{b}", f"the {ordn} quarter of {y}/{b}", p]
    )


def since_phrase(rng, p: str) -> str:
    y = int(p[:4])
    b = f"{(y + 1) % 100:02d}"
    return rng.choice(
        [
            f"since {y}",
            f"since {y}/{b}",
            f"since {p}",
            f"from {y} onwards",
            f"from {y}/{b} to date",
            f"since the {y}/{b} year",
        ]
    )
