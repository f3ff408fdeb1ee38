"""Hand-written plain-words descriptions, council name forms and message dressing for set 16."""

from __future__ import annotations

# Plain noun phrases a first-month councillor might use; none uses an official indicator title.
MEASURES = {
    "oflog": {
        "ASC1": [
            "quality of life score for unpaid carers",
            "carers own quality of life rating",
            "reported quality of life of people caring for a relative",
        ],
        "ASC2": [
            "quality of life score for people who get care and support",
            "quality of life reported by people using adult social care",
            "quality of life of people on care packages",
        ],
        "ASC3": [
            "share of care users who find it easy to get information about services",
            "ease of finding info about services for people who use social care",
            "proportion of people receiving care who say info about services is easy to find",
        ],
        "ASC4": [
            "share of carers who find it easy to get information about support",
            "ease of finding info about support for unpaid carers",
            "proportion of carers saying support info is easy to find",
        ],
        "ASC5": [
            "proportion of people needing no ongoing care after short-term reablement",
            "share of people who come out of short-term support without needing long-term care",
            "reablement success rate (no further support needed afterwards)",
        ],
        "ASC6": [
            "share of requests for adult social care that end with a service being provided",
            "proportion of new care requests that lead to a service",
            "rate at which requests for care help turn into an actual service",
        ],
        "ASC7": [
            "turnover of adult social care staff",
            "care workforce turnover rate",
            "rate at which care workers leave their jobs",
        ],
    },
    "lgbf": {
        "ENV06": [
            "household waste recycling rate",
            "share of household rubbish that gets recycled",
            "percentage of household waste recycled",
        ],
        "ENV01a": [
            "cost of collecting bins per property",
            "waste collection cost per premises",
            "spend on bin collections per property",
        ],
        "ENV03c": [
            "street cleanliness score",
            "share of streets assessed as acceptably clean",
            "cleanliness rating of the streets",
        ],
        "C&L02": [
            "cost per library visit",
            "cost to the council of each library visit",
            "amount each visit to a library costs",
        ],
        "C&L01": [
            "cost per visit to council sports facilities",
            "cost of each attendance at sports centres and pools",
            "cost of each gym or swim attendance",
        ],
        "CORP07": [
            "share of council tax collected by the end of the year",
            "council tax collection rate",
            "percentage of council tax due that actually gets paid in year",
        ],
        "CORP08": [
            "share of supplier invoices paid within 30 days",
            "percentage of invoices paid inside 30 days",
            "prompt payment of invoices (within 30 days)",
        ],
        "CORP06b": [
            "sickness absence days per non-teaching employee",
            "days lost to sickness for staff other than teachers",
            "sick days for council staff excluding teachers",
        ],
        "CHN11": [
            "share of school leavers going into work, training or further study",
            "percentage of pupils leaving school to a positive destination",
            "proportion of young people moving on to jobs, college or uni after school",
        ],
        "CHN24": [
            "percentage of children living in poverty after housing costs",
            "child poverty rate (after housing costs)",
            "share of kids growing up in poverty once housing costs are paid",
        ],
        "SW05": [
            "weekly cost of a care home place for over 65s",
            "residential care cost per week for older people",
            "cost of a week in a care home per older resident",
        ],
        "SW01": [
            "hourly cost of home care for older people",
            "cost per hour of home care for the over 65s",
            "cost of an hour of care at home for older residents",
        ],
        "HSN04b": [
            "time taken to do non-emergency repairs in council homes",
            "average wait for non-urgent council house repairs",
            "days to complete routine repairs for council tenants",
        ],
        "HSN02": [
            "rent lost because council homes are sitting empty",
            "share of rent lost to empty council properties",
            "rent lost through void council houses",
        ],
        "ECON09": [
            "town centre vacancy rate",
            "share of empty shop units in the town centres",
            "percentage of town centre units lying empty",
        ],
        "SW07": [
            "share of care services graded good or better by inspectors",
            "percentage of care services rated good or better",
        ],
        "ECON08": [
            "share of properties able to get superfast broadband",
            "superfast broadband coverage",
        ],
    },
    "sample": {
        "household_recycling_rate": [
            "household recycling and composting rate",
            "share of household waste recycled or composted",
        ],
        "missed_bins_per_100k": [
            "rate of missed bin collections",
            "number of bins missed per 100,000 collections",
            "missed bins figure",
        ],
        "residual_waste_per_household": [
            "kilos of non-recycled rubbish per household",
            "amount of general black-bin waste each household produces",
        ],
        "waste_collection_cost_per_household": [
            "cost of bin collections per household",
            "net cost per home of collecting waste",
        ],
        "planning_major_in_time": [
            "share of big planning applications decided on time",
            "major planning decisions made in time",
        ],
        "planning_minor_in_time": [
            "share of small planning applications decided on time",
            "minor planning decisions made in time",
        ],
        "homelessness_prevention_rate": [
            "share of homelessness cases where people were kept from losing their home",
            "homelessness prevention rate",
        ],
        "temporary_accommodation_per_1000": [
            "number of households in temporary accommodation per 1,000",
            "families stuck in temporary accommodation (per 1,000 households)",
        ],
        "relet_days": [
            "time it takes to re-let empty council houses",
            "average days to get a new tenant into an empty council home",
        ],
        "council_tax_collection": [
            "share of council tax collected in the year",
            "council tax collection rate",
        ],
        "business_rates_collection": [
            "share of business rates collected in the year",
            "business rates collection rate",
        ],
        "complaints_in_time": [
            "share of complaints answered on time",
            "complaints responded to within the deadline",
        ],
        "stage2_complaints_upheld": [
            "share of escalated (stage 2) complaints that are upheld",
            "proportion of stage two complaints found against the council",
        ],
        "sickness_absence_days": [
            "days lost to staff sickness per employee",
            "sickness absence per FTE",
        ],
        "staff_turnover": [
            "staff turnover at the council",
            "rate at which council staff leave",
        ],
        "dfg_within_26_weeks": [
            "share of disabled facilities grants finished within 26 weeks",
            "home adaptation grants for disabled residents done inside 26 weeks",
        ],
        "fly_tipping_per_1000": [
            "fly tipping incidents per 1,000 people",
            "amount of illegal dumping (fly-tipping) per head",
        ],
        "leisure_visits_per_1000": [
            "visits to the leisure centres per 1,000 residents",
            "leisure centre usage per head",
        ],
    },
}

# LGBF-only measures an English home may not ask (cross-home unknowns), and Oflog ones for the others.
LGBF_ONLY_FOR_ENGLAND = ["C&L02", "CHN11", "ENV03c", "SW05", "CORP08", "HSN02"]
OFLOG_FOR_OTHERS = ["ASC1", "ASC3", "ASC4", "ASC5"]
OFLOG_FOR_SCOTLAND = ["ASC5", "ASC7", "ASC4"]

# Short forms people really use; each fits exactly one council.
SHORT_FORMS = {
    "E06000010": ["hull", "hull city council"],
    "E06000022": ["banes", "B&NES", "bath and NE somerset"],
    "E06000021": ["stoke", "stoke on trent"],
    "E06000004": ["stockton", "stockton on tees"],
    "E06000003": ["redcar", "redcar & cleveland"],
    "E06000008": ["blackburn", "blackburn w darwen"],
    "E06000042": ["MK", "milton keynes council"],
    "E06000056": ["central beds", "central bedfordshire council"],
    "E06000033": ["southend", "southend on sea"],
    "E06000020": ["telford", "telford & wrekin"],
    "E08000013": ["st helens", "st. helens council"],
    "E09000020": ["RBKC", "kensington & chelsea"],
    "E09000013": ["H&F", "hammersmith & fulham"],
    "E09000002": ["LBBD", "barking & dagenham"],
    "E06000050": ["CWAC", "cheshire west"],
    "E06000047": ["durham county council", "co durham"],
    "E06000023": ["bristol city council"],
    "E08000021": ["newcastle upon tyne", "newcastle city council"],
    "E09000030": ["tower hamlets council", "LBTH"],
    "E06000012": ["NE lincs", "north east lincs"],
    "E06000013": ["north lincs"],
    "E06000025": ["south glos", "south gloucestershire council"],
    "S-dumfries-and-galloway": ["D&G", "dumfries & galloway", "dumfries and galloway council"],
    "S-eilean-siar": ["western isles", "comhairle nan eilean siar", "the western isles council"],
    "S-edinburgh-city": ["edinburgh", "city of edinburgh council", "edinburgh council"],
    "S-glasgow-city": ["glasgow", "glasgow city council"],
    "S-dundee-city": ["dundee", "dundee city council"],
    "S-perth-and-kinross": ["P&K", "perth & kinross council", "perth and kinross"],
    "S-scottish-borders": ["the borders", "scottish borders council"],
    "S-east-renfrewshire": ["east ren", "east renfrewshire council"],
    "S-clackmannanshire": ["clacks", "clackmannanshire council"],
    "S-shetland-islands": ["shetland", "shetland islands council"],
    "S-orkney-islands": ["orkney", "orkney islands council"],
    "S-highland": ["highland council", "the highland council"],
    "S-argyll-and-bute": ["argyll and bute", "argyll & bute council"],
    "S-north-lanarkshire": ["north lanarkshire council", "north lanarkshire"],
    "S-south-lanarkshire": ["south lanarkshire council"],
    "S-aberdeenshire": ["aberdeenshire council"],
}

# Councils whose plain file name also fits another council (city vs county): only unambiguous full forms.
AMBIGUOUS_PLAIN = {
    "E06000016": ["leicester city council", "Leicester City Council"],
    "E06000015": ["derby city council", "Derby City Council"],
    "E06000018": ["nottingham city council", "Nottingham City Council"],
    "E06000055": ["bedford borough council", "Bedford Borough Council"],
    "E06000014": ["city of york council", "City of York Council"],
    "S-aberdeen-city": ["aberdeen city council", "Aberdeen City Council", "aberdeen city"],
}

PREFIXES = [
    "",
    "",
    "",
    "",
    "hi, ",
    "hello - ",
    "quick one: ",
    "sorry if this is a basic question but ",
    "new councillor here, ",
    "for thursday's committee - ",
    "prepping for scrutiny next week, ",
    "morning! ",
    "can you help - ",
    "bit of a daft question maybe, ",
    "ahead of the pre-meet, ",
]
SUFFIXES = ["", "", "", "", " pls", " please", " thanks", " ta", " cheers", " thank you!", " x"]

NEIGH_WORDS = {
    "oflog": ["our nearest neighbours", "similar councils", "our comparator group", "our cipfa neighbours"],
    "lgbf": ["our family group", "similar councils", "our comparator councils", "the family group"],
    "sample": ["our nearest neighbours", "similar councils", "our comparator group", "our neighbour councils"],
}
NATION_WORDS = {
    "oflog": ["england as a whole", "the england figure", "england overall", "the national figure for england"],
    "lgbf": ["scotland as a whole", "the scottish average", "scotland overall", "the figure for all of scotland"],
}
GROUP_WORDS = {
    "england": ["in england", "across england", "in the whole of england", "nationally in england"],
    "scotland": ["in scotland", "across scotland", "out of all 32 scottish councils", "in the whole of scotland"],
}

WELSH_NI = ["cardiff", "swansea", "gwynedd", "belfast city council", "wrexham", "derry and strabane", "newport"]
DISTRICTS = ["cheltenham", "st albans", "mid suffolk", "south lakeland", "harborough", "tewkesbury", "maldon"]
MADE_UP = ["gotham city council", "borsetshire", "ambridge district council", "royston vasey", "westeros county"]
NO_MEASURE = [
    "number of weddings held at the registry office",
    "number of parking tickets issued",
    "average time to answer calls in the contact centre",
    "number of trees planted this year",
    "allotment waiting list",
    "number of dog fouling fines handed out",
    "number of councillor surgeries held",
    "average speed of the council wifi",
]
CHITCHAT = [
    "thanks, that's really helpful!",
    "morning all",
    "who built you?",
    "can you book me a room for tuesday's group meeting",
    "whats the weather like in the chamber today lol",
    "are you a real person?",
    "ok cheers",
    "tell me a joke",
]

OVERVIEW_WORDS = {
    "oflog": {"ASC": ["adult social care", "social care for adults", "adult care services"]},
    "lgbf": {
        "Children's Services": ["children's services", "schools and childrens services", "education and children"],
        "Adult Social Care Services": ["adult social care", "social work for adults", "adult care services"],
        "Housing Services": ["council housing", "housing services", "our council houses"],
        "Culture & Leisure Services": ["culture and leisure", "libraries, parks, museums and sport"],
        "Economic Development": ["economic development", "the local economy side of things"],
        "Financial Sustainability": ["financial sustainability", "our finances and reserves"],
        "Tackling Climate Change": ["climate change and carbon emissions", "tackling climate change"],
        "Corporate Services": ["corporate services", "the corporate back office stuff"],
    },
    "sample": {
        "waste": ["waste and bins", "rubbish and recycling", "bins"],
        "planning": ["planning", "the planning service"],
        "homelessness": ["homelessness", "homelessness services"],
        "revenues": ["revenues (council tax and business rates)", "collecting council tax and business rates"],
        "complaints": ["complaints", "complaints handling"],
        "workforce": ["our workforce", "hr and workforce stuff"],
    },
}
SAMPLE_GROUPS = {
    "waste": [
        "household_recycling_rate",
        "missed_bins_per_100k",
        "residual_waste_per_household",
        "waste_collection_cost_per_household",
    ],
    "planning": ["planning_major_in_time", "planning_minor_in_time"],
    "homelessness": ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
    "revenues": ["council_tax_collection", "business_rates_collection"],
    "complaints": ["complaints_in_time", "stage2_complaints_upheld"],
    "workforce": ["sickness_absence_days", "staff_turnover"],
}
