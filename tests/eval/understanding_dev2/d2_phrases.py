"""How councillors refer to indicators, councils, groups and periods (hand-written banks, typos included)."""

from __future__ import annotations

import random

from d2_data import period_key

# ---- indicators ------------------------------------------------------------------------------------------------
# Noun phrases only (they must read after "our", "the highest", "Fife's").
OFLOG_IND = {
    "ASC1": [
        "carer quality of life",
        "carer-reported quality of life score",
        "carers' quality of life",
        "quality of life for unpaid carers",
        "carer QoL score",
        "ASC1 (carer quality of life)",
    ],
    "ASC2": [
        "social care-related quality of life",
        "quality of life score for people who use services",
        "service user quality of life",
        "adult social care users' QoL",
        "quality of life for people on ASC",
    ],
    "ASC3": [
        "ease of finding information about services (service users)",
        "share of service users who find it easy to get info about services",
        "service users' ease of finding information",
        "ASC3 ease of finding info for users",
    ],
    "ASC4": [
        "ease of finding information about support for carers",
        "carers' ease of finding info about support",
        "carers' ease of finding information",
        "ASC4 (carers finding information)",
    ],
    "ASC5": [
        "outcome of short-term services",
        "short term services outcome (sequel to service)",
        "reablement outcomes",
        "short-term support outcome measure",
        "ASC5 short-term services",
    ],
    "ASC6": [
        "requests resulting in a service",
        "proportion of requests for support that result in a service",
        "share of new requests leading to a service",
        "reqs resulting in a service",
    ],
    "ASC7": [
        "workforce turnover",
        "adult social care staff turnover",
        "care workforce turnover rate",
        "ASC workforce turnover",
        "social care staff turnover",
    ],
}

LGBF_IND = {
    "ENV06": ["recycling rate", "% of household waste recycled", "recyling rate", "household recycling"],
    "ENV01a": [
        "net cost of waste collection per premises",
        "bin collection cost per premise",
        "waste collection cost per premises",
    ],
    "ENV02a": ["waste disposal cost per premises", "net cost of waste disposal per premise"],
    "ENV03a": ["street cleaning cost per 1,000 population", "cost of street cleansing per 1000 pop"],
    "ENV03c": ["street cleanliness score", "% of streets acceptably clean", "cleanliness score"],
    "ENV04a": ["cost per kilometre of roads", "road maintenance cost per km", "roads cost per km"],
    "ENV07a": ["satisfaction with refuse collection", "% satisfied with bin collection", "refuse satisfaction"],
    "C&L01": [
        "cost per attendance at sports facilities",
        "cost per sports facility visit",
        "sports facilities cost per attendance",
    ],
    "C&L02": ["cost per library visit", "library cost per visit", "cost per libary visit"],
    "C&L04": ["parks and open spaces cost per 1,000 population", "cost of parks per 1000 pop"],
    "C&L05a": ["satisfaction with libraries", "% of adults satisfied with libraries", "library satisfaction"],
    "C&L05d": ["satisfaction with leisure facilities", "leisure facilities satisfaction"],
    "CORP07": [
        "council tax collection rate",
        "in-year council tax collection",
        "council tax collected in year",
        "councill tax collection",
    ],
    "CORP08": ["invoices paid within 30 days", "prompt payment of invoices", "% of invoices paid in 30 days"],
    "CORP06b": [
        "sickness absence days per non-teacher employee",
        "non-teaching staff sickness absence",
        "sickness absense for non-teachers",
    ],
    "CORP06a": ["teacher sickness absence days", "sickness days per teacher"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP01": ["support services as a % of gross spend", "support services share of total expenditure"],
    "CORP03c": ["gender pay gap", "the gender pay gap %"],
    "HSN01b": ["gross rent arrears", "rent arrears as a % of rent due", "tenant rent arrears"],
    "HSN02": ["rent lost to voids", "void rent loss", "% of rent lost through empty homes"],
    "HSN03": ["SHQS compliance", "% of dwellings meeting SHQS", "homes meeting the Scottish Housing Quality Standard"],
    "HSN04b": [
        "time to complete non-emergency repairs",
        "non-emergency repair times",
        "average days for non emergency repairs",
    ],
    "SW01": ["home care costs per hour for over 65s", "older people's home care cost per hour"],
    "SW05": ["residential care costs per week for older people", "over-65s residential care cost per week"],
    "SW07": ["% of care services graded good or better", "care services graded good+"],
    "SW06": ["hospital readmissions within 28 days", "28-day readmission rate"],
    "SW03a": [
        "% of 65+ with long-term care needs getting personal care at home",
        "older people with long term needs cared for at home",
    ],
    "CHN01": ["cost per primary school pupil", "primary cost per pupil"],
    "CHN02": ["cost per secondary school pupil", "secondary cost per pupil"],
    "CHN04": ["% of pupils getting 5+ awards at level 5", "5+ awards at SCQF level 5"],
    "CHN11": ["positive destinations", "% of school leavers entering positive destinations"],
    "CHN21": ["participation rate for 16-19 year olds", "16-19 participation"],
    "CHN24": ["child poverty", "% of children living in poverty after housing costs"],
    "ECON01": ["unemployed people helped into work", "% of unemployed assisted into work by council programmes"],
    "ECON03": ["average time per commercial planning application", "commercial planning application times"],
    "ECON09": ["town vacancy rates", "town centre vacancy rate"],
    "ECON08": ["superfast broadband coverage", "% of properties with superfast broadband"],
    "FINSUS01": ["usable reserves as a % of budgeted revenue", "total useable reserves %"],
    "CLIM01": ["area-wide CO2 emissions per capita", "CO2 emissions per head"],
}

SAMPLE_IND = {
    "household_recycling_rate": [
        "recycling rate",
        "household recycling",
        "recyling rate",
        "% of household waste recycled or composted",
    ],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": [
        "residual waste per household",
        "black bin waste",
        "kg of residual waste per household",
    ],
    "waste_collection_cost_per_household": [
        "cost of waste collection per household",
        "bin collection cost",
        "net waste collection cost per household",
    ],
    "planning_major_in_time": [
        "major planning applications in time",
        "speed of major planning decisions",
        "majors determined in time",
    ],
    "planning_minor_in_time": [
        "minor planning applications in time",
        "minor apps decided in time",
        "minor planning performance",
    ],
    "homelessness_prevention_rate": [
        "homelessness prevention",
        "homelessness prevention rate",
        "homeless prevention outcomes",
    ],
    "temporary_accommodation_per_1000": [
        "temporary accommodation",
        "households in TA",
        "temporary accomodation per 1,000 households",
    ],
    "relet_days": ["re-let times", "average days to re-let council homes", "void turnaround", "relet days"],
    "council_tax_collection": ["council tax collection", "council tax collection rate", "ctax collection"],
    "business_rates_collection": ["business rates collection", "NNDR collection", "non-domestic rates collected"],
    "complaints_in_time": [
        "complaints responded to in time",
        "complaint response times",
        "complaints answered within target time",
    ],
    "stage2_complaints_upheld": [
        "stage 2 complaints upheld",
        "upheld stage two complaints",
        "% of escalated complaints upheld",
    ],
    "sickness_absence_days": [
        "sickness absence",
        "staff sickness",
        "days lost to sickness per FTE",
        "sickness absense",
    ],
    "staff_turnover": ["staff turnover", "workforce turnover", "staff turnovr"],
    "dfg_within_26_weeks": [
        "disabled facilities grants within 26 weeks",
        "DFG completions in 26 weeks",
        "DFGs done within 26 weeks",
    ],
    "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1,000", "flytipping rate"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure centre visits per 1,000 residents", "leisure visits"],
}

IND_PHRASES = {"oflog": OFLOG_IND, "lgbf": LGBF_IND, "sample": SAMPLE_IND}

SERVICE_PHRASES = {
    "adult social care": ["adult social care", "ASC", "social care for adults", "adult social care (Oflog)"],
    "Children's Services": ["children's services", "children's and education", "schools & children's services"],
    "Environmental Services": ["environmental services", "enviro services", "the environmental services block"],
    "Corporate Services": ["corporate services", "corporate"],
    "Economic Development": ["economic development", "econ dev"],
    "Adult Social Care Services": ["adult social care", "adult social work and care"],
    "Culture & Leisure Services": ["culture and leisure", "culture & leisure services"],
    "Housing Services": ["housing", "housing services", "council housing"],
    "Financial Sustainability": ["financial sustainability", "fin sustainability"],
    "Tackling Climate Change": ["climate change", "climate / carbon"],
    "waste": ["waste", "waste and recycling", "bins and waste"],
    "planning": ["planning", "the planning service", "planning performance"],
    "housing": ["housing", "housing and homelessness", "housing services"],
    "revenues": ["revenues", "council tax and business rates collection", "revenues (collection)"],
    "complaints": ["complaints", "customer complaints", "complaints handling"],
    "workforce": ["workforce", "HR / workforce", "staffing"],
}

# ---- councils ---------------------------------------------------------------------------------------------------
OFLOG_NAMES = {
    "E06000010": ["Hull", "Kingston upon Hull", "Hull City Council"],
    "E06000043": ["Brighton & Hove", "Brighton", "Brighton and Hove City"],
    "E06000022": ["BANES", "Bath & North East Somerset", "Bath and NE Somerset"],
    "E06000021": ["Stoke", "Stoke on Trent", "Stoke-on-Trent"],
    "E08000013": ["St Helens", "Saint Helens", "St. Helens"],
    "E08000021": ["Newcastle", "Newcastle upon Tyne", "Newcastle-upon-Tyne"],
    "E06000033": ["Southend", "Southend on Sea"],
    "E06000020": ["Telford & Wrekin", "Telford"],
    "E06000040": ["RBWM", "Windsor & Maidenhead", "Royal Borough of Windsor and Maidenhead"],
    "E09000020": ["RBKC", "Kensington & Chelsea", "Kensington and Chelsea"],
    "E09000013": ["Hammersmith & Fulham", "LBHF", "Hammersmith and Fulham"],
    "E09000002": ["Barking & Dagenham", "Barking and Dagenham"],
    "E06000047": ["Durham", "County Durham", "Durham County Council"],
    "E06000008": ["Blackburn", "Blackburn w/ Darwen", "Blackburn with Darwen"],
    "E06000003": ["Redcar", "Redcar & Cleveland"],
    "E06000004": ["Stockton", "Stockton on Tees"],
    "E06000011": ["East Riding", "ERYC", "East Riding of Yorkshire"],
    "E06000050": ["Cheshire West", "CWAC", "Cheshire West & Chester"],
    "E09000027": ["Richmond", "Richmond-upon-Thames"],
    "E10000018": ["Leics", "Leicestershire CC", "Leicestershire County Council"],
    "E10000024": ["Notts", "Notts County Council", "Nottinghamshire"],
    "E10000017": ["Lancs", "Lancashire CC", "Lancashire"],
    "E10000015": ["Herts", "Hertfordshire"],
    "E10000034": ["Worcs", "Worcestershire"],
    "E10000013": ["Glos", "Gloucestershire"],
    "E10000028": ["Staffs", "Staffordshire CC"],
    "E10000003": ["Cambs", "Cambridgeshire"],
    "E10000025": ["Oxon", "Oxfordshire"],
    "E06000054": ["Wilts", "Wiltshire Council"],
    "E06000046": ["IoW", "Isle of Wight"],
    "E06000012": ["NE Lincs", "North East Lincs"],
    "E06000013": ["N Lincs", "North Lincs"],
    "E06000042": ["MK", "Milton Keynes"],
    "E06000056": ["Central Beds", "C Beds", "Central Bedfordshire"],
    "E06000002": ["Middlesborough", "Middlesbrough council"],
    "E06000005": ["Darlo", "Darlington BC"],
    "E08000025": ["Brum", "Birmingham CC", "Birmingham"],
    "E06000023": ["Bristol", "Bristol City"],
    "E08000035": ["Leeds", "Leeds CC"],
    "E09000030": ["Tower Hamlets", "LBTH"],
    "E06000019": ["Herefordshire", "Herefordshire Council"],
    "E06000031": ["Peterboro", "Peterborough CC"],
    "E10000016": ["Kent CC", "KCC", "Kent"],
    "E08000019": ["Sheffield CC", "Sheffield"],
    "E06000045": ["Soton", "Southampton"],
    "E06000018": ["Nottingham City", "Nottm City"],
    "E06000016": ["Leicester City", "Leicester"],
    "E08000003": ["Manchester City Council", "Manchester"],
    "E06000057": ["Northumberland", "Northumberland CC"],
    "E06000052": ["Cornwall", "Cornwall Council"],
}

LGBF_NAMES = {
    "S-edinburgh-city": ["Edinburgh", "City of Edinburgh", "Edinbrugh", "CEC"],
    "S-glasgow-city": ["Glasgow", "Glasgow City Council", "GCC"],
    "S-eilean-siar": ["Western Isles", "Na h-Eileanan Siar", "Comhairle nan Eilean Siar", "the Outer Hebrides"],
    "S-dumfries-and-galloway": ["D&G", "Dumfries and Galloway", "Dumfries & Galloway Council"],
    "S-perth-and-kinross": ["P&K", "Perth and Kinross", "Perth & Kinross"],
    "S-argyll-and-bute": ["Argyll and Bute", "A&B council", "Argyll & Bute"],
    "S-aberdeen-city": ["Aberdeen", "Aberdeen City"],
    "S-aberdeenshire": ["Aberdeenshire", "Aberdeen-shire"],
    "S-dundee-city": ["Dundee", "Dundee City Council"],
    "S-shetland-islands": ["Shetland", "Shetland Islands Council"],
    "S-orkney-islands": ["Orkney", "Orkney Islands"],
    "S-scottish-borders": ["the Borders", "Borders council", "Scottish Borders"],
    "S-east-dunbartonshire": ["E Dunbartonshire", "East Dunbarton", "East Dunbartonshire"],
    "S-west-dunbartonshire": ["W Dunbartonshire", "West Dunbartonshire"],
    "S-east-renfrewshire": ["E Renfrewshire", "East Renfrewshire"],
    "S-renfrewshire": ["Renfrewshire", "Renfrewshire Council"],
    "S-clackmannanshire": ["Clacks", "Clackmannanshire"],
    "S-north-lanarkshire": ["N Lanarkshire", "North Lanarks", "North Lanarkshire"],
    "S-south-lanarkshire": ["S Lanarkshire", "South Lanarks", "South Lanarkshire"],
    "S-highland": ["Highland", "Highland Council", "the Highland council"],
    "S-north-ayrshire": ["N Ayrshire", "North Ayrshire"],
    "S-south-ayrshire": ["S Ayrshire", "South Ayrshire"],
    "S-east-ayrshire": ["E Ayrshire", "East Ayrshire"],
    "S-east-lothian": ["E Lothian", "East Lothian"],
    "S-west-lothian": ["W Lothian", "West Lothian"],
    "S-midlothian": ["Midlothian", "Mid Lothian"],
    "S-falkirk": ["Falkirk", "Falkirk Council"],
    "S-inverclyde": ["Inverclyde", "Inverclyde council"],
    "S-fife": ["Fife", "Fife Council"],
    "S-moray": ["Moray", "Moray Council"],
    "S-angus": ["Angus", "Angus Council"],
    "S-stirling": ["Stirling", "Stirling Council"],
}

SAMPLE_NAMES = {
    "E07999001": ["Northbridge", "Northbridge DC"],
    "E07999002": ["Eastmere", "Eastmere DC"],
    "E07999003": ["Kingsford", "Kingsford BC", "Kingsford Borough"],
    "E07999004": ["Ashworth Vale", "Ashworth", "Ashworth Vale DC"],
    "E07999005": ["Brackenmoor", "Brackenmore"],
    "E07999006": ["Castlebrook", "Castlebrook Boro"],
    "E07999007": ["Dunhollow", "Dunhollow District"],
    "E07999008": ["Elmridge", "Elmridge DC"],
    "E07999009": ["Fernleigh", "Fernleigh district council"],
    "E07999010": ["Greywater", "Greywater BC"],
    "E07999011": ["Hollinsford", "Hollinsford DC"],
    "E07999012": ["Lowerby", "Lowerby District"],
    "E07999013": ["Marshcombe", "Marshcombe DC"],
    "E07999014": ["Oakhampstead", "Oakhamstead"],
    "E07999015": ["Redbourne Vale", "Redbourne"],
    "E07999016": ["Westcombe", "Westcombe Borough"],
}

NAME_VARIANTS = {"oflog": OFLOG_NAMES, "lgbf": LGBF_NAMES, "sample": SAMPLE_NAMES}

GROUP_PHRASES = {
    "oflog": [
        "our CIPFA nearest neighbours",
        "our stat neighbours",
        "our comparator group",
        "similar councils (CIPFA family)",
        "our nearest neighbour group",
        "statistical neighbours",
    ],
    "lgbf": [
        "our family group",
        "our LGBF family",
        "the councils in our benchmarking family",
        "comparator councils in our family group",
        "our family-group peers",
    ],
    "sample": [
        "our nearest neighbours",
        "our CIPFA neighbours",
        "similar districts",
        "our comparator group",
        "our stat neighbours",
    ],
}

NATIONAL_PHRASES = {
    "oflog": [
        "the England median",
        "the national median",
        "England as a whole",
        "the national figure",
        "all English councils",
    ],
    "lgbf": ["the Scottish average", "Scotland as a whole", "the Scotland figure", "the national (Scotland) figure"],
}

RANK_SCOPE = {
    "england": ["in England", "across England", "nationally", "in the country", "of all English councils"],
    "scotland": [
        "in Scotland",
        "across Scotland",
        "of the 32 Scottish councils",
        "nationally",
        "out of all Scottish councils",
    ],
    "neighbours": {
        "oflog": [
            "among our CIPFA nearest neighbours",
            "in our stat neighbour group",
            "in our comparator group",
            "out of our nearest neighbours",
        ],
        "lgbf": ["in our family group", "among our LGBF family", "out of our benchmarking family"],
        "sample": [
            "among our nearest neighbours",
            "in our CIPFA group",
            "out of our comparator councils",
            "among similar districts",
        ],
    },
}

PAD_PRE = [
    "",
    "",
    "",
    "",
    "Hi - ",
    "hello, ",
    "Quick q: ",
    "Sorry if this is obvious but ",
    "hiya, ",
    "Ahead of O&S next week, ",
    "For the pre-meet: ",
    "Morning! ",
    "Bit of a random one - ",
    "Cllr here, ",
    "Can you help - ",
]
PAD_POST = [
    "",
    "",
    "",
    "",
    " thanks",
    " cheers",
    " ta",
    " Thanks in advance!",
    " (for the scrutiny cttee)",
    " many thanks",
    " thx",
    " - need it for tomorrow's papers",
]

NUM_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten"}


# ---- periods ----------------------------------------------------------------------------------------------------
def say_period(period: str, rng: random.Random, bare_ok: bool = True) -> str:
    """A way a councillor might write one period (financial year, quarter or aggregate)."""
    start, end, quarter = period_key(period)
    y2 = f"{(start + 1) % 100:02d}"
    if quarter:
        fyr = f"{start}/{y2}"
        return rng.choice(
            [
                period,
                f"Q{quarter} {fyr}",
                f"Q{quarter} {start % 100:02d}/{y2}",
                f"quarter {quarter} of {start}-{y2}",
                f"{fyr} Q{quarter}",
                f"Q{quarter} of {start % 100}-{y2}",
            ]
        )
    if end != start + 1:  # a multi-year aggregate: say it as written
        return rng.choice([period, f"{period} (aggregate)", f"the {period} period", period])
    opts = [
        period,
        f"{start}/{y2}",
        f"{start % 100:02d}/{y2}",
        f"FY{start % 100:02d}/{y2}",
        f"FY {start}/{y2}",
        f"financial year {start}-{y2}",
        f"the {start}/{y2} financial year",
        f"FY {start}-{start + 1}",
        f"financial year {start % 100:02d}/{y2}",
    ]
    if bare_ok:
        opts.append(str(start))
    return rng.choice(opts)


def in_period(period: str, rng: random.Random) -> str:
    """ "in 2019/20", "for FY19/20", "back in 2019" ..."""
    text = say_period(period, rng)
    if text.isdigit():
        return rng.choice(["in ", "back in ", "during "]) + text
    return rng.choice(["in ", "for ", "in ", "during "]) + text


def pad(text: str, rng: random.Random) -> str:
    """Slack-style padding and casing noise around a question (never touching the content words)."""
    pre, post = rng.choice(PAD_PRE), rng.choice(PAD_POST)
    body = text
    if pre and body[:1].isupper() and not body[:2].isupper():
        body = body[:1].lower() + body[1:]
    out = f"{pre}{body}{post}"
    if rng.random() < 0.25:
        out = out.lower()
    if rng.random() < 0.2:
        out = out.rstrip("?")
    return out[:1].upper() + out[1:] if rng.random() < 0.5 else out
