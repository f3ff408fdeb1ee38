"""Phrase banks for the set-13 blind understanding set: measures, councils, meeting context.

Everything here is wording only. Codes, figures, periods and groups are computed in generate.py from the raw files.
"""

# --- measures, described by what they mean -------------------------------------------------------------------------

# Noun phrases without a leading article and without "we/our/us", so they fit "our ...", "the ... for X" and
# ranking questions alike. The first phrase of each measure is a quantity ("highest/lowest ..." reads naturally).
OFLOG_MEASURES = {
    "ASC1": [
        "quality of life score reported by unpaid carers",
        "carer-reported quality of life",
        "quality of life that carers report for themselves",
        "carer quality of life score",
    ],
    "ASC2": [
        "social care-related quality of life score reported by people who use services",
        "quality of life reported by people receiving care and support",
        "service users' own rating of their social care-related quality of life",
    ],
    "ASC3": [
        "proportion of service users who find it easy to get information about services",
        "share of people using care services who say information about services is easy to find",
        "ease of finding information about services, as reported by service users",
    ],
    "ASC4": [
        "proportion of carers who find it easy to get information about support",
        "share of carers who say information and advice about support is easy to find",
        "ease of finding information about support, as reported by carers",
    ],
    "ASC5": [
        "proportion of people who need no ongoing support after short-term reablement services",
        "outcome of short-term services (reablement), meaning people left with no further need for support",
        "share of people leaving reablement with no ongoing care package",
    ],
    "ASC6": [
        "share of new requests for adult social care support that result in a service",
        "proportion of requests for support that end with a service being provided",
        "rate at which new requests for support turn into services",
    ],
    "ASC7": [
        "turnover rate in the adult social care workforce",
        "care workforce turnover",
        "staff turnover among adult social care workers",
        "rate at which care workers leave their jobs (workforce turnover)",
    ],
}

LGBF_MEASURES = {
    "ENV01a": [
        "net cost of waste collection per premises",
        "cost of collecting household waste per property",
        "bin collection costs per premises",
    ],
    "ENV02a": [
        "net cost of waste disposal per premises",
        "spend on disposing of waste per property",
    ],
    "ENV06": [
        "percentage of household waste that is recycled",
        "household recycling rate",
        "share of household waste that gets recycled",
    ],
    "ENV03a": [
        "net cost of street cleaning per 1,000 population",
        "street cleaning spend per thousand residents",
    ],
    "ENV03c": [
        "street cleanliness score",
        "percentage of streets assessed as acceptably clean",
        "cleanliness rating for streets in the survey",
    ],
    "ENV04a": [
        "road maintenance cost per kilometre",
        "spend per kilometre of road",
    ],
    "C&L01": [
        "cost per attendance at sports facilities",
        "cost of each visit to sports facilities",
    ],
    "C&L02": [
        "cost per library visit",
        "cost of each visit to a library",
    ],
    "C&L04": [
        "cost of parks and open spaces per 1,000 population",
        "spending on parks and open spaces per thousand people",
    ],
    "CORP04": [
        "cost of collecting council tax per dwelling",
        "council tax collection cost per dwelling",
    ],
    "CORP07": [
        "percentage of council tax income received by the end of the year",
        "in-year council tax collection rate",
        "share of the council tax due that is actually collected by year end",
    ],
    "CORP08": [
        "percentage of invoices paid within 30 days",
        "prompt payment rate for supplier invoices",
    ],
    "CORP06b": [
        "sickness absence days per employee, not counting teachers",
        "sickness absence among non-teaching staff",
    ],
    "CORP06a": [
        "sickness absence days per teacher",
        "teacher sickness absence",
    ],
    "HSN01b": [
        "gross rent arrears as a percentage of rent due",
        "council tenants' rent arrears as a share of rent due",
    ],
    "HSN02": [
        "percentage of rent lost because homes stood empty (voids)",
        "rent lost to voids",
    ],
    "HSN03": [
        "proportion of council dwellings meeting the Scottish Housing Quality Standard",
        "SHQS compliance across the housing stock",
    ],
    "HSN04b": [
        "average time taken to complete non-emergency repairs",
        "average wait for a non-emergency housing repair",
    ],
    "SW01": [
        "home care costs per hour for people over 65",
        "hourly cost of home care for older people",
    ],
    "SW05": [
        "residential care costs per week for older people",
        "weekly cost of a residential care place for over 65s",
    ],
    "SW06": [
        "rate of readmission to hospital within 28 days of discharge",
        "emergency readmissions within 28 days, per 1,000 discharges",
    ],
    "SW07": [
        "percentage of care services graded good or better",
        "share of care services rated good or better by the inspectorate",
    ],
    "SW08": [
        "number of days people aged 75+ spend in hospital when they are ready to be discharged",
        "delayed discharge bed days for the over 75s",
    ],
    "CHN01": [
        "cost per primary school pupil",
        "spend per primary pupil",
    ],
    "CHN02": [
        "cost per secondary school pupil",
        "spend per secondary pupil",
    ],
    "CHN11": [
        "percentage of school leavers going on to a positive destination",
        "positive destinations for school leavers",
    ],
    "CHN09": [
        "percentage of looked after children being looked after in the community",
        "balance of care for looked after children (community rather than residential)",
    ],
    "ECON09": [
        "town centre vacancy rate",
        "share of empty units in town centres",
    ],
    "ECON05": [
        "number of Business Gateway start-ups per 10,000 population",
        "business start-ups supported by Business Gateway",
    ],
}

SAMPLE_MEASURES = {
    "household_recycling_rate": [
        "household recycling rate",
        "share of household waste sent for reuse, recycling or composting",
        "household waste recycling and composting rate",
    ],
    "missed_bins_per_100k": [
        "number of missed bin collections per 100,000 collections",
        "missed bin collections",
    ],
    "residual_waste_per_household": [
        "residual waste per household",
        "kilos of black bin (residual) waste per household",
    ],
    "waste_collection_cost_per_household": [
        "net cost of waste collection per household",
        "cost of bin collections per household",
    ],
    "planning_major_in_time": [
        "share of major planning applications decided in time",
        "speed of decisions on major planning applications",
    ],
    "planning_minor_in_time": [
        "share of minor planning applications decided in time",
        "speed of decisions on minor planning applications",
    ],
    "homelessness_prevention_rate": [
        "homelessness prevention rate",
        "share of prevention duties that end with homelessness actually prevented",
    ],
    "temporary_accommodation_per_1000": [
        "number of households in temporary accommodation per 1,000 households",
        "use of temporary accommodation for homeless households",
    ],
    "relet_days": [
        "average re-let time for council homes",
        "time it takes to re-let an empty council home",
    ],
    "council_tax_collection": [
        "in-year council tax collection rate",
        "percentage of council tax collected in year",
    ],
    "business_rates_collection": [
        "business rates collection rate",
        "percentage of non-domestic rates collected in year",
    ],
    "complaints_in_time": [
        "share of complaints answered within the target time",
        "complaint response times against the published standard",
    ],
    "stage2_complaints_upheld": [
        "share of stage 2 complaints that are upheld",
        "proportion of escalated complaints upheld",
    ],
    "sickness_absence_days": [
        "number of working days lost to sickness per FTE",
        "staff sickness absence",
    ],
    "staff_turnover": [
        "staff turnover rate",
        "percentage of staff leaving each year",
    ],
    "dfg_within_26_weeks": [
        "share of disabled facilities grants completed within 26 weeks",
        "disabled facilities grant adaptations done within 26 weeks",
    ],
    "fly_tipping_per_1000": [
        "number of fly-tipping incidents per 1,000 residents",
        "fly tipping rate",
    ],
    "leisure_visits_per_1000": [
        "number of leisure centre visits per 1,000 residents",
        "leisure centre usage",
    ],
}

MEASURES = {"oflog": OFLOG_MEASURES, "lgbf": LGBF_MEASURES, "sample": SAMPLE_MEASURES}

# --- council names ----------------------------------------------------------------------------------------------------

# Variants beyond the plain name, keyed by code. Every variant names one council only.
OFLOG_NAMES = {
    "E09000020": ["Royal Borough of Kensington and Chelsea", "RBKC", "Kensington & Chelsea"],
    "E09000021": ["Royal Borough of Kingston upon Thames", "Kingston upon Thames Council"],
    "E09000011": ["Royal Borough of Greenwich", "Greenwich Council"],
    "E09000033": ["Westminster City Council", "the City of Westminster"],
    "E09000002": ["London Borough of Barking and Dagenham", "LBBD", "Barking & Dagenham"],
    "E09000013": ["London Borough of Hammersmith and Fulham", "H&F", "Hammersmith & Fulham"],
    "E09000030": ["London Borough of Tower Hamlets", "Tower Hamlets Council"],
    "E09000027": ["London Borough of Richmond upon Thames", "Richmond upon Thames Council"],
    "E09000012": ["London Borough of Hackney", "Hackney Council"],
    "E09000031": ["London Borough of Waltham Forest", "Waltham Forest Council"],
    "E08000035": ["Leeds City Council", "leeds cc"],
    "E08000025": ["Birmingham City Council"],
    "E08000003": ["Manchester City Council"],
    "E08000012": ["Liverpool City Council"],
    "E08000019": ["Sheffield City Council"],
    "E08000021": ["Newcastle upon Tyne City Council", "Newcastle City Council"],
    "E08000032": ["City of Bradford Metropolitan District Council", "Bradford Council"],
    "E08000026": ["Coventry City Council"],
    "E08000007": ["Stockport Metropolitan Borough Council", "Stockport MBC"],
    "E08000013": ["St Helens Council", "St Helens"],
    "E08000034": ["Kirklees Council"],
    "E08000036": ["City of Wakefield", "Wakefield Council"],
    "E06000010": ["Hull City Council", "Hull", "Kingston upon Hull City Council"],
    "E06000023": ["Bristol City Council", "City of Bristol"],
    "E06000021": ["Stoke-on-Trent City Council", "Stoke"],
    "E06000043": ["Brighton & Hove City Council", "Brighton and Hove"],
    "E06000022": ["Bath and North East Somerset Council", "BANES", "B&NES"],
    "E06000047": ["Durham County Council", "County Durham"],
    "E06000050": ["Cheshire West and Chester Council", "CWAC", "Cheshire West & Chester"],
    "E06000049": ["Cheshire East Council"],
    "E06000040": ["Royal Borough of Windsor and Maidenhead", "RBWM", "Windsor & Maidenhead"],
    "E06000033": ["Southend-on-Sea City Council", "Southend"],
    "E06000020": ["Telford & Wrekin Council", "Telford"],
    "E06000012": ["North East Lincolnshire Council", "NE Lincs"],
    "E06000013": ["North Lincolnshire Council", "North Lincs"],
    "E06000011": ["East Riding of Yorkshire Council", "the East Riding"],
    "E06000003": ["Redcar & Cleveland Borough Council", "Redcar and Cleveland"],
    "E06000004": ["Stockton-on-Tees Borough Council", "Stockton"],
    "E06000008": ["Blackburn with Darwen Borough Council", "Blackburn with Darwen"],
    "E06000042": ["Milton Keynes City Council", "MK Council"],
    "E06000056": ["Central Bedfordshire Council", "Central Beds"],
    "E06000025": ["South Gloucestershire Council", "South Glos"],
    "E06000037": ["West Berkshire Council", "West Berks"],
    "E06000036": ["Bracknell Forest Council", "Bracknell"],
    "E06000014": ["City of York Council", "York"],
    "E06000031": ["Peterborough City Council"],
    "E06000026": ["Plymouth City Council"],
    "E06000044": ["Portsmouth City Council"],
    "E06000045": ["Southampton City Council"],
    "E06000019": ["Herefordshire Council"],
    "E06000051": ["Shropshire Council"],
    "E06000052": ["Cornwall Council"],
    "E06000057": ["Northumberland County Council"],
    "E06000046": ["Isle of Wight Council", "IoW council"],
    "E06000017": ["Rutland County Council"],
}

# Scottish councils: the name as held in the LGBF file -> formal and everyday variants.
LGBF_NAMES = {
    "Aberdeen City": ["Aberdeen City Council"],
    "Aberdeenshire": ["Aberdeenshire Council"],
    "Angus": ["Angus Council"],
    "Argyll & Bute": ["Argyll and Bute Council", "Argyll and Bute"],
    "Clackmannanshire": ["Clackmannanshire Council", "Clacks"],
    "Dumfries & Galloway": ["Dumfries and Galloway Council", "D&G", "Dumfries and Galloway"],
    "Dundee City": ["Dundee City Council", "Dundee"],
    "East Ayrshire": ["East Ayrshire Council"],
    "East Dunbartonshire": ["East Dunbartonshire Council", "East Dunbarton"],
    "East Lothian": ["East Lothian Council"],
    "East Renfrewshire": ["East Renfrewshire Council", "East Ren"],
    "Edinburgh City": ["City of Edinburgh Council", "Edinburgh", "the City of Edinburgh"],
    "Eilean Siar": ["Comhairle nan Eilean Siar", "the Western Isles", "Western Isles Council"],
    "Falkirk": ["Falkirk Council"],
    "Fife": ["Fife Council"],
    "Glasgow City": ["Glasgow City Council", "Glasgow"],
    "Highland": ["The Highland Council", "Highland Council"],
    "Inverclyde": ["Inverclyde Council"],
    "Midlothian": ["Midlothian Council"],
    "Moray": ["The Moray Council", "Moray Council"],
    "North Ayrshire": ["North Ayrshire Council"],
    "North Lanarkshire": ["North Lanarkshire Council", "North Lanarks"],
    "Orkney Islands": ["Orkney Islands Council", "Orkney"],
    "Perth & Kinross": ["Perth and Kinross Council", "P&K", "Perth and Kinross"],
    "Renfrewshire": ["Renfrewshire Council"],
    "Scottish Borders": ["Scottish Borders Council", "the Borders council"],
    "Shetland Islands": ["Shetland Islands Council", "Shetland"],
    "South Ayrshire": ["South Ayrshire Council"],
    "South Lanarkshire": ["South Lanarkshire Council", "South Lanarks"],
    "Stirling": ["Stirling Council"],
    "West Dunbartonshire": ["West Dunbartonshire Council", "West Dunbarton"],
    "West Lothian": ["West Lothian Council"],
}

SAMPLE_SHORT = {
    "District Council": ["DC"],
    "Borough Council": ["BC"],
}

# --- things no dataset holds, and places outside the data -------------------------------------------------------------

WELSH_NI = [
    "Cardiff Council",
    "City and County of Swansea",
    "Gwynedd Council",
    "Rhondda Cynon Taf",
    "Wrexham County Borough Council",
    "Belfast City Council",
    "Derry City and Strabane District Council",
    "Armagh, Banbridge and Craigavon",
]

# English shire districts (not social care authorities).
ENGLISH_DISTRICTS = [
    "Cheltenham Borough Council",
    "South Cambridgeshire District Council",
    "Rushcliffe Borough Council",
    "Mid Suffolk District Council",
    "Tewkesbury",
    "Basingstoke and Deane",
]

MADE_UP = [
    "Fenwold Borough Council",
    "Upper Brantleigh District Council",
    "Glenmorrie Council",
    "Saltmarsh and Brindle",
]

NOT_HELD_MEASURES = [
    "the number of parking penalty charge notices issued",
    "freedom of information requests answered within 20 working days",
    "the number of electric vehicle charge points installed",
    "average burial fees",
    "the number of licensing applications processed",
    "nitrogen dioxide levels on our high streets",
    "the number of councillor enquiries closed on time",
]

CHITCHAT = [
    "thanks, that's really helpful",
    "morning! are you working today?",
    "cheers, I'll pass that on to the chair",
    "can you tell me a joke before the meeting starts",
    "who won the football last night?",
    "ok great, that's all for now",
]

# --- meeting context --------------------------------------------------------------------------------------------------

PREFIXES = [
    "For Thursday's scrutiny committee: ",
    "Ahead of the panel meeting next week, ",
    "Quick one for the pre-meet - ",
    "The chair has asked me to check something for the briefing note. ",
    "Preparing the covering report for the overview and scrutiny committee. ",
    "hi, prepping for tuesdays committee, ",
    "For the performance paper going to cabinet, ",
    "Sorry to bother you - ",
    "Good morning. ",
    "Drafting lines of enquiry for the chair. ",
    "",
    "",
    "",
]

SUFFIXES = [
    " It's for the briefing note.",
    " Need it for the committee papers by Friday.",
    " Thanks in advance.",
    " thx",
    " pls",
    " - members are bound to ask.",
    " Many thanks.",
    " (for the scrutiny pre-meet)",
    "",
    "",
    "",
    "",
]
