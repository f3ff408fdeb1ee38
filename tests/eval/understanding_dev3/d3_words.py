"""Hand-written wording for the dev3 set: how people name indicators, councils, periods and groups in Slack."""

from __future__ import annotations

import random

from d3_data import LGBF, OFLOG, SAMPLE

# ---------------------------------------------------------------- indicators, in members' and officers' words
IND: dict[tuple[str, str], list[str]] = {
    (OFLOG, "ASC1"): ["carer quality of life", "carers' quality of life score", "carer-reported quality of life",
                      "quality of life for unpaid carers", "carer QoL"],
    (OFLOG, "ASC2"): ["quality of life for people using care services", "social care-related quality of life",
                      "service user quality of life", "care users' QoL",
                      "quality of life score for people getting care"],
    (OFLOG, "ASC3"): ["ease of finding info for people using services", "info access for service users",
                      "service users finding information easily", "ease of getting information (service users)"],
    (OFLOG, "ASC4"): ["carers finding it easy to get information about support",
                      "ease of finding information for carers",
                      "carers' access to information and advice", "info for carers"],
    (OFLOG, "ASC5"): ["reablement outcomes", "people needing no ongoing support after short-term care",
                      "short-term services outcome", "reablement (no further support needed afterwards)"],
    (OFLOG, "ASC6"): ["requests for support that end up with a service", "share of new requests resulting in a service",
                      "new care requests turning into a service", "conversion of requests into services"],
    (OFLOG, "ASC7"): ["care workforce turnover", "staff turnover in adult social care", "care staff turnover",
                      "care workers leaving", "social care workforce churn"],
    (LGBF, "ENV01a"): ["bin collection cost per premises", "waste collection cost per property",
                       "spend on collecting rubbish per premises"],
    (LGBF, "ENV02a"): ["waste disposal cost per premises", "cost of getting rid of waste per property"],
    (LGBF, "ENV06"): ["recycling rate", "share of household waste that gets recycled", "household recycling"],
    (LGBF, "ENV07a"): ["satisfaction with refuse collection", "residents' satisfaction with bin collections"],
    (LGBF, "ENV03a"): ["street cleaning cost per 1,000 people", "street cleansing spend per 1,000 population"],
    (LGBF, "ENV03c"): ["street cleanliness", "street cleanliness score", "cleanliness of the streets"],
    (LGBF, "ENV04a"): ["road maintenance cost per kilometre", "cost per km of roads", "spend per km of road"],
    (LGBF, "C&L01"): ["cost per attendance at sports facilities", "leisure centre cost per visit",
                      "sports facility cost per visit"],
    (LGBF, "C&L02"): ["cost per library visit", "library cost per visit", "library spend per visit"],
    (LGBF, "C&L03"): ["museum cost per visit", "cost of museums per visitor"],
    (LGBF, "C&L04"): ["parks and open spaces cost per 1,000 people", "spend on parks per 1,000 population"],
    (LGBF, "ECON01"): ["unemployed people helped into work by employability programmes",
                       "employability - people helped into jobs"],
    (LGBF, "ECON05"): ["business gateway start-ups", "business start-ups per 10,000 people"],
    (LGBF, "ECON09"): ["town centre vacancy rates", "empty units in town centres", "shop vacancies in town centres"],
    (LGBF, "ECON08"): ["superfast broadband coverage", "properties with superfast broadband"],
    (LGBF, "CORP04"): ["cost of collecting council tax per dwelling", "council tax collection cost per house"],
    (LGBF, "CORP07"): ["council tax collection rate", "council tax collected by the end of the year",
                       "in-year council tax collection"],
    (LGBF, "CORP08"): ["invoices paid within 30 days", "prompt payment of invoices", "supplier payment times"],
    (LGBF, "CORP06a"): ["teacher sickness absence", "sickness days per teacher",
                        "days lost to sickness among teachers"],
    (LGBF, "CORP06b"): ["sickness absence for non-teaching staff", "sickness days per employee excluding teachers"],
    (LGBF, "CORP03c"): ["gender pay gap", "pay gap between men and women"],
    (LGBF, "HSN01b"): ["rent arrears", "tenants' rent arrears as a share of rent due"],
    (LGBF, "HSN02"): ["rent lost to voids", "rent lost because of empty council homes"],
    (LGBF, "HSN04b"): ["time to complete non-emergency repairs", "non-urgent repair times"],
    (LGBF, "HSN03"): ["homes meeting the SHQS", "council houses meeting the Scottish Housing Quality Standard"],
    (LGBF, "SW01"): ["home care cost per hour for older people", "hourly home care costs for over-65s",
                     "cost of an hour of home care"],
    (LGBF, "SW05"): ["residential care costs per week for older people", "weekly care home cost per resident"],
    (LGBF, "SW03a"): ["older people with long-term needs getting personal care at home",
                      "over-65s with long-term care needs looked after at home"],
    (LGBF, "SW06"): ["hospital readmissions within 28 days", "readmissions to hospital per 1,000 discharges"],
    (LGBF, "SW07"): ["care services graded good or better",
                     "care services rated good or better by the Care Inspectorate"],
    (LGBF, "SW08"): ["delayed discharge days for over-75s",
                     "days people spend in hospital when they're ready to go home"],
    (LGBF, "CHN01"): ["cost per primary pupil", "spend per primary school pupil"],
    (LGBF, "CHN02"): ["cost per secondary pupil", "spend per secondary school pupil"],
    (LGBF, "CHN04"): ["pupils getting five or more awards at level 5", "5+ awards at SCQF level 5"],
    (LGBF, "CHN11"): ["school leavers going into positive destinations", "positive destinations for leavers"],
    (LGBF, "CHN09"): ["looked after children cared for in the community", "balance of care for looked after kids"],
    (LGBF, "CHN21"): ["participation of 16-19 year olds", "16-19 participation"],
    (LGBF, "CHN24"): ["child poverty", "children living in poverty after housing costs"],
    (LGBF, "CLIM01"): ["CO2 emissions per head", "carbon emissions per person across the area"],
    (LGBF, "FINSUS01"): ["usable reserves as a share of budget", "total usable reserves against the revenue budget"],
    (LGBF, "FINSUS03"): ["financing costs against net revenue (general fund)", "debt financing costs ratio"],
    (SAMPLE, "household_recycling_rate"): ["recycling rate", "household recycling", "share of household waste recycled",
                                           "waste recycled or composted"],
    (SAMPLE, "missed_bins_per_100k"): ["missed bins", "missed bin collections", "bins not collected"],
    (SAMPLE, "residual_waste_per_household"): ["residual waste per household", "black bin waste per house",
                                               "kg of rubbish per household"],
    (SAMPLE, "waste_collection_cost_per_household"): ["bin collection cost per household",
                                                      "bin collection cost per home"],
    (SAMPLE, "planning_major_in_time"): ["major planning applications decided on time",
                                         "speed of major planning decisions", "planning majors in time"],
    (SAMPLE, "planning_minor_in_time"): ["minor planning applications in time", "minor apps decided on time"],
    (SAMPLE, "homelessness_prevention_rate"): ["homelessness prevention", "homelessness prevention rate",
                                               "prevention duty cases where homelessness was prevented"],
    (SAMPLE, "temporary_accommodation_per_1000"): ["households in temporary accommodation", "TA per 1,000 households",
                                                   "temporary accommodation"],
    (SAMPLE, "relet_days"): ["re-let times", "void turnaround", "time to re-let council homes"],
    (SAMPLE, "council_tax_collection"): ["council tax collection", "council tax collection rate",
                                         "ctax collected in year"],
    (SAMPLE, "business_rates_collection"): ["business rates collection", "NNDR collection",
                                            "non-domestic rates collected"],
    (SAMPLE, "complaints_in_time"): ["complaints answered on time", "complaint response times",
                                     "complaints handled within target"],
    (SAMPLE, "stage2_complaints_upheld"): ["stage 2 complaints upheld", "escalated complaints upheld"],
    (SAMPLE, "sickness_absence_days"): ["sickness absence", "staff sickness days per FTE", "days lost to sickness"],
    (SAMPLE, "staff_turnover"): ["staff turnover", "staff leaving the council"],
    (SAMPLE, "dfg_within_26_weeks"): ["DFGs done within 26 weeks", "disabled facilities grants completed in 26 weeks",
                                      "home adaptations done on time"],
    (SAMPLE, "fly_tipping_per_1000"): ["fly-tipping", "fly tipping incidents per 1,000 people", "illegal dumping"],
    (SAMPLE, "leisure_visits_per_1000"): ["leisure centre visits", "leisure centre visits per 1,000 residents",
                                          "leisure usage"],
}


def ind_ids(ds: str) -> list[str]:
    return sorted(i for (d, i) in IND if d == ds)


def ind_phrase(rng: random.Random, ds: str, ind: str) -> str:
    return rng.choice(IND[(ds, ind)])


# ---------------------------------------------------------------- councils, plain forms used outside the names family
PLAIN = {
    "E08000013": "St Helens", "E06000010": "Hull", "E06000047": "County Durham", "E06000011": "East Riding",
    "E06000043": "Brighton and Hove", "E06000022": "Bath and North East Somerset",
    "S-edinburgh-city": "Edinburgh", "S-glasgow-city": "Glasgow", "S-aberdeen-city": "Aberdeen",
    "S-dundee-city": "Dundee", "S-eilean-siar": "the Western Isles", "S-argyll-and-bute": "Argyll and Bute",
    "S-perth-and-kinross": "Perth and Kinross", "S-dumfries-and-galloway": "Dumfries and Galloway",
    "S-orkney-islands": "Orkney", "S-shetland-islands": "Shetland",
}


def plain(ds: str, data_name: str, code: str) -> str:
    if code in PLAIN:
        return PLAIN[code]
    if ds == SAMPLE:
        return data_name.replace(" District Council", "").replace(" Borough Council", "")
    return data_name


# ---------------------------------------------------------------- councils as people type them (names family)
VARIANTS: dict[str, list[str]] = {
    # England
    "E08000025": ["Brum", "B'ham", "Birmingham City Council", "birmingham cc", "Birmingam"],
    "E06000043": ["B&H", "Brighton & Hove", "brighton", "Brighton and Hove City Council", "brigton and hove"],
    "E09000021": ["Kingston", "RB Kingston", "Royal Borough of Kingston", "kingston-upon-thames"],
    "E06000010": ["Hull", "Hull City Council", "kingston upon hull"],
    "E09000020": ["K&C", "RBKC", "Kensington & Chelsea", "kensington"],
    "E09000013": ["H&F", "LBHF", "Hammersmith & Fulham", "hammersmith"],
    "E06000040": ["RBWM", "Windsor & Maidenhead", "windsor and maidenhead"],
    "E06000022": ["BANES", "B&NES", "bath and ne somerset"],
    "E10000024": ["Notts", "Notts CC", "nottinghamshire county council", "Nottinghamshre"],
    "E06000018": ["Nottingham City", "Nottingham City Council"],
    "E10000017": ["Lancs", "Lancashire CC", "lancashire county"],
    "E10000018": ["Leics", "Leicestershire County Council", "Leicestshire"],
    "E06000016": ["Leicester City", "leicester city council", "Leicster"],
    "E10000015": ["Herts", "Hertfordshire County Council", "hertfordshire cc"],
    "E10000013": ["Glos", "Gloucs", "Gloucestershire CC", "Gloucstershire"],
    "E10000034": ["Worcs", "Worcestershire County Council", "worcestershire cc"],
    "E10000028": ["Staffs", "Staffordshire CC", "staffordshire county council"],
    "E10000031": ["Warks", "Warwickshire County Council", "warwickshre"],
    "E10000025": ["Oxon", "Oxfordshire CC", "Oxfordhsire"],
    "E10000003": ["Cambs", "Cambridgeshire County Council", "cambridgeshire cc"],
    "E10000014": ["Hants", "Hampshire CC", "hampshire county council"],
    "E10000019": ["Lincs", "Lincolnshire County Council", "lincolnshire cc"],
    "E10000007": ["Derbys", "Derbyshire CC", "derbyshire county council"],
    "E06000054": ["Wilts", "Wiltshire Council", "wiltshire"],
    "E10000023": ["N Yorks", "North Yorks", "NYCC"],
    "E10000011": ["E Sussex", "ESCC", "East Sussex County Council"],
    "E10000032": ["W Sussex", "WSCC", "west sussex cc"],
    "E06000002": ["Middlesborough", "middlesbrough council"],
    "E06000021": ["Stoke", "Stoke on Trent", "stoke city council"],
    "E08000021": ["Newcastle", "Newcastle City Council", "newcastle-upon-tyne"],
    "E08000013": ["St Helens", "Saint Helens", "st helens council"],
    "E06000033": ["Southend", "Southend on Sea", "southend council"],
    "E06000004": ["Stockton", "Stockton on Tees", "stockton council"],
    "E06000003": ["Redcar", "Redcar & Cleveland"],
    "E06000020": ["Telford", "Telford & Wrekin", "telford and wrekin council"],
    "E06000008": ["Blackburn", "Blackburn w Darwen", "BwD"],
    "E09000002": ["Barking", "LBBD", "Barking & Dagenham"],
    "E09000030": ["LBTH", "tower hamlet", "Tower Hamlets council"],
    "E06000050": ["CWAC", "Cheshire West", "cheshire west & chester"],
    "E06000049": ["Cheshire East Council", "cheshire east"],
    "E06000011": ["East Riding", "ERYC", "east riding of yorks"],
    "E06000012": ["NE Lincs", "NELC", "north east lincs"],
    "E06000013": ["N Lincs", "north lincs"],
    "E06000025": ["South Glos", "S Glos", "south gloucs"],
    "E06000047": ["Durham", "Durham County Council", "co durham"],
    "E06000023": ["Bristol City Council", "bristol", "Bristol CC"],
    "E08000003": ["Manchester City Council", "manchester", "Manchester CC"],
    "E08000035": ["Leeds City Council", "leeds cc", "Leeds council"],
    "E08000019": ["Sheffeild", "Sheffield City Council", "sheffield cc"],
    "E08000031": ["Wolves", "Wolverhampon", "City of Wolverhampton"],
    "E06000005": ["Darlo", "darlington borough council", "Darlingon"],
    "E06000031": ["Peterbrough", "peterborough city council", "P'boro"],
    "E06000045": ["Southhampton", "Soton", "southampton city council"],
    "E06000044": ["Portsmouth City Council", "Portsmoth", "portsmouth council"],
    "E06000042": ["MK", "Milton Keynes Council", "milton keynes"],
    "E06000056": ["Central Beds", "central bedfordshire council", "C Beds"],
    "E09000027": ["Richmond", "richmond upon thames", "LB Richmond"],
    "E06000046": ["IoW", "Isle of White", "isle of wight council"],
    "E06000019": ["Herefordshire Council", "herefordshire", "Herefordshre"],
    "E08000017": ["Donny", "doncaster council", "Doncastor"],
    "E08000024": ["Sunderlnd", "sunderland city council"],
    "E08000015": ["the Wirral", "wirral council", "Wirrall"],
    "E06000014": ["City of York", "CYC", "york council"],
    "E06000037": ["West Berks", "west berkshire council"],
    "E06000041": ["Wokinham", "wokingham borough"],
    "E06000001": ["Hartlepol", "hartlepool borough council"],
    "E08000032": ["Bradford MDC", "bradford council", "Bradfrod"],
    "E08000033": ["Calderdale MBC", "calderdale council"],
    "E08000007": ["Stockport MBC", "stockport council"],
    "E08000006": ["Salford City Council", "salford"],
    "E09000031": ["LBWF", "Waltham Forest council", "waltham forrest"],
    "E10000016": ["Kent County Council", "KCC", "kent cc"],
    "E10000012": ["Essex County Council", "essex cc", "Esex"],
    "E10000020": ["Norfolk County Council", "norfolk cc", "Norflok"],
    "E10000029": ["Suffolk County Council", "suffolk cc", "Sufolk"],
    "E10000030": ["Surrey County Council", "surrey cc", "Surry"],
    "E10000008": ["Devon County Council", "devon cc", "Devon CC"],
    # Scotland
    "S-glasgow-city": ["Glasgow", "Glasgow City Council", "glasgow city", "Glasgow City"],
    "S-edinburgh-city": ["Edinburgh", "City of Edinburgh Council", "Edinburgh council", "Edinbrugh"],
    "S-aberdeen-city": ["Aberdeen", "Aberdeen City Council", "aberdeen city"],
    "S-aberdeenshire": ["Aberdeenshire Council", "Aberdeenshre", "aberdeenshire"],
    "S-dundee-city": ["Dundee", "Dundee City Council", "dundee city"],
    "S-argyll-and-bute": ["Argyll and Bute", "A&B", "argyll & bute council"],
    "S-dumfries-and-galloway": ["D&G", "Dumfries and Galloway", "dumfries & galloway council"],
    "S-perth-and-kinross": ["P&K", "Perth and Kinross", "perth & kinross council"],
    "S-eilean-siar": ["the Western Isles", "Comhairle nan Eilean Siar", "CnES", "eilean siar"],
    "S-orkney-islands": ["Orkney", "Orkney Islands Council", "orkney council"],
    "S-shetland-islands": ["Shetland", "Shetland Islands Council", "shetland council"],
    "S-scottish-borders": ["the Borders", "Borders Council", "scottish borders council"],
    "S-clackmannanshire": ["Clacks", "Clackmannanshire Council", "Clackmananshire"],
    "S-east-dunbartonshire": ["East Dunbarton", "E Dunbartonshire", "east dunbartonshire council"],
    "S-west-dunbartonshire": ["W Dunbartonshire", "west dunbartonshire council", "West Dunbarton"],
    "S-east-renfrewshire": ["East Ren", "E Renfrewshire", "east renfrewshire council"],
    "S-renfrewshire": ["Renfrewshire Council", "Renfewshire", "renfrewshire"],
    "S-north-lanarkshire": ["N Lanarkshire", "North Lanarkshire Council", "North Lanarkshre"],
    "S-south-lanarkshire": ["S Lanarkshire", "South Lanarks", "south lanarkshire council"],
    "S-north-ayrshire": ["N Ayrshire", "north ayrshire council"],
    "S-south-ayrshire": ["S Ayrshire", "south ayrshire council"],
    "S-east-ayrshire": ["E Ayrshire", "East Ayrshire Council"],
    "S-east-lothian": ["E Lothian", "east lothian council"],
    "S-west-lothian": ["W Lothian", "west lothian council", "West Lothain"],
    "S-midlothian": ["Mid Lothian", "midlothian council"],
    "S-falkirk": ["Falkrik", "Falkirk Council", "falkirk"],
    "S-fife": ["Fife Council", "fife"],
    "S-highland": ["Highland Council", "the Highlands", "highland"],
    "S-inverclyde": ["Inverclyd", "inverclyde council"],
    "S-moray": ["Moray Council", "Morray"],
    "S-stirling": ["Stirling Council", "Sterling", "stirling"],
    "S-angus": ["Angus Council", "angus"],
    # the fictional sample pack
    "E07999002": ["Eastmere DC", "east mere", "eastmere district"],
    "E07999003": ["Kingsford BC", "Kingsfrod", "kingsford borough"],
    "E07999004": ["Ashworth", "Ashworth Vale DC", "ashworth vale"],
    "E07999005": ["Brackenmore", "Brackenmoor DC"],
    "E07999006": ["Castlebrook BC", "Castelbrook", "castlebrook"],
    "E07999007": ["Dun Hollow", "Dunhollow DC"],
    "E07999008": ["Elm Ridge", "Elmridge DC"],
    "E07999009": ["Fernley", "Fernleigh DC"],
    "E07999010": ["Greywater BC", "Graywater"],
    "E07999011": ["Hollinsford DC", "hollinsford"],
    "E07999012": ["Lowerby DC", "lowerby"],
    "E07999013": ["Marshcomb", "Marshcombe DC"],
    "E07999014": ["Oakhamstead", "Oakhampstead DC"],
    "E07999015": ["Redbourne", "Redbourne Vale DC"],
    "E07999016": ["Westcomb", "Westcombe BC"],
}

# Forms the brief asks for by name: each is used once before the rest are drawn at random.
MUST_NAMES = {
    OFLOG: [("E08000025", "Brum"), ("E06000043", "B&H"), ("E09000021", "Kingston"), ("E10000024", "Notts"),
            ("E10000017", "Lancs"), ("E10000015", "Herts"), ("E10000013", "Glos"), ("E10000028", "Staffs"),
            ("E10000014", "Hants"), ("E10000018", "Leics"), ("E06000002", "Middlesborough"), ("E06000010", "Hull"),
            ("E09000020", "K&C"), ("E06000022", "BANES"), ("E08000021", "Newcastle"), ("E06000021", "Stoke"),
            ("E08000031", "Wolves"), ("E06000005", "Darlo"), ("E10000025", "Oxon"), ("E10000034", "Worcs"),
            ("E08000019", "Sheffeild"), ("E09000013", "LBHF"), ("E06000050", "CWAC"), ("E06000012", "NELC"),
            ("E08000006", "Salford City Council"), ("E10000003", "Cambs")],
    LGBF: [("S-glasgow-city", "Glasgow City"), ("S-edinburgh-city", "Edinburgh"),
           ("S-eilean-siar", "the Western Isles"),
           ("S-perth-and-kinross", "P&K"), ("S-dumfries-and-galloway", "D&G"), ("S-clackmannanshire", "Clacks"),
           ("S-scottish-borders", "the Borders"), ("S-stirling", "Sterling"),
           ("S-edinburgh-city", "City of Edinburgh Council"), ("S-aberdeen-city", "Aberdeen"),
           ("S-eilean-siar", "CnES"), ("S-falkirk", "Falkrik"), ("S-east-renfrewshire", "East Ren")],
    SAMPLE: [("E07999003", "Kingsford BC"), ("E07999006", "Castelbrook")],
}

HOME_WORDS = ["the council", "our council", "us", "my council", "the authority"]

# ---------------------------------------------------------------- groups and scopes
SCOPE_WORDS = {
    "england": ["in England", "across England", "of all the English councils", "nationally", "in the country"],
    "scotland": ["in Scotland", "of the 32 Scottish councils", "across Scotland", "in the whole of Scotland"],
    (OFLOG, "neighbours"): ["among our nearest neighbours", "in our CIPFA group", "among our statistical neighbours",
                            "out of our comparator councils"],
    (LGBF, "neighbours"): ["in our family group", "among our family group councils", "in our benchmarking family"],
    (SAMPLE, "neighbours"): ["among our nearest neighbours", "in our CIPFA family", "of our neighbour councils",
                             "in our comparator group"],
}

NEIGHBOUR_COMPARE = {
    OFLOG: ["our nearest neighbours", "similar councils", "our CIPFA neighbours", "our comparator group"],
    LGBF: ["our family group", "the councils in our family group", "our benchmarking family", "similar councils"],
    SAMPLE: ["our nearest neighbours", "similar councils", "our CIPFA family", "comparable districts"],
}

NATIONAL_COMPARE = {
    OFLOG: ["the England median", "England as a whole", "the national figure", "the rest of the country"],
    LGBF: ["the Scottish average", "Scotland as a whole", "the national figure", "the Scotland figure"],
}

OVERVIEW_TOPICS = {
    OFLOG: ["adult social care", "ASC", "adult care", "social care for adults"],
    (LGBF, "Environmental Services"): ["environmental services", "bins, streets and roads", "the environment side"],
    (LGBF, "Culture & Leisure Services"): ["culture and leisure", "leisure, libraries, parks and museums"],
    (LGBF, "Economic Development"): ["economic development", "the economy indicators"],
    (LGBF, "Corporate Services"): ["corporate services", "the corporate indicators"],
    (LGBF, "Housing Services"): ["housing", "council housing"],
    (LGBF, "Adult Social Care Services"): ["adult social care", "social work for adults"],
    (LGBF, "Financial Sustainability"): ["financial sustainability", "our finances"],
    (LGBF, "Tackling Climate Change"): ["climate change", "carbon and climate"],
    (SAMPLE, "waste"): ["waste", "bins and recycling", "the waste service"],
    (SAMPLE, "planning"): ["planning", "the planning service", "development management"],
    (SAMPLE, "housing"): ["housing", "the housing service", "housing and homelessness"],
    (SAMPLE, "revenues"): ["revenues", "council tax and business rates", "collection rates"],
    (SAMPLE, "complaints"): ["complaints", "complaint handling"],
    (SAMPLE, "workforce"): ["workforce", "HR and staffing", "our staff"],
}

SAMPLE_SERVICES = {
    "waste": ["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
              "waste_collection_cost_per_household"],
    "planning": ["planning_major_in_time", "planning_minor_in_time"],
    "housing": ["homelessness_prevention_rate", "temporary_accommodation_per_1000", "relet_days",
                "dfg_within_26_weeks"],
    "revenues": ["council_tax_collection", "business_rates_collection"],
    "complaints": ["complaints_in_time", "stage2_complaints_upheld"],
    "workforce": ["sickness_absence_days", "staff_turnover"],
}


# ---------------------------------------------------------------- periods
def fy(rng: random.Random, period: str) -> str:
    """A financial year as people write it; every form normalises to ``period``."""
    start = int(period[:4])
    end = start + 1
    forms = [
        period,
        f"{start}/{end % 100:02d}",
        f"{start % 100:02d}/{end % 100:02d}",
        f"FY{period}",
        f"fy{start % 100:02d}/{end % 100:02d}",
        f"{start}-{end}",
        f"the year to March {end}",
        f"financial year {start}/{end % 100:02d}",
    ]
    return rng.choice(forms)


def fy_in(rng: random.Random, period: str) -> str:
    """``in 2019/20`` or ``for the year to March 2020``."""
    text = fy(rng, period)
    if text.startswith("the year") or text.startswith("financial"):
        return rng.choice(["in ", "for "]) + text
    return rng.choice(["in ", "for ", "in ", "back in "]) + text


def quarter(rng: random.Random, period: str) -> str:
    q = period[-1]
    year = period[:7]
    return rng.choice([f"Q{q} {year}", f"{year} Q{q}", f"Q{q} of {year}", f"quarter {q} {year.replace('-', '/')}"])


LATEST = ["", " at the moment", " currently", " now", " latest", " most recently", " in the latest year", " right now"]


# ---------------------------------------------------------------- Slack padding
PREFIX = [
    "", "", "", "", "quick one - ", "Quick q: ", "Hi, ", "morning! ", "ahead of O&S on Thursday, ",
    "for the pre-meet: ", "before cabinet: ", "hiya, ", "one for the briefing note: ", "hello - ", "chair's asking - ",
]
PREFIX_Q = ["can you tell me ", "Cllr Patel wants to know ", "sorry if this is a daft question but ",
            "the chair wants to know "]
QUESTION_START = ("what", "how", "where", "which", "who", "is ", "are ", "has ", "did ", "were ", "have ")
SUFFIX = ["", "", "", "", " thanks", " cheers", " thx", " ta", " please", " pls", " - need it for tomorrow",
          " (for the committee report)", " asap if poss", " :pray:"]


def pad(rng: random.Random, text: str, prefix: bool = True) -> str:
    pre = ""
    if prefix:
        pre = rng.choice(PREFIX)
        if text.lower().startswith(QUESTION_START) and rng.random() < 0.25:
            pre = rng.choice(PREFIX_Q)
    suf = rng.choice(SUFFIX)
    if text.rstrip("?").endswith(("please", "thanks", "cheers")):
        suf = ""
    acronym = text[1:2].isupper()
    if pre and not pre[0].isupper() and text[:1].isupper() and not acronym and not text.startswith(("I ", "I'")):
        text = text[0].lower() + text[1:]
    out = pre + text
    if suf:
        core = out.rstrip("?")
        mark = "?" if out.endswith("?") and rng.random() < 0.6 else ""
        out = core + mark + suf
    return casual(rng, out)


def casual(rng: random.Random, text: str) -> str:
    """Sometimes lower case, sometimes no question mark, the way people type in Slack."""
    if rng.random() < 0.25:
        text = text.lower()
    if rng.random() < 0.3 and text.endswith("?"):
        text = text[:-1]
    return text[0].upper() + text[1:] if rng.random() < 0.5 and text[:1].isalpha() else text
