"""Everyday wording for measures and councils (set 12). Written by hand; no figures here."""

from __future__ import annotations

# ---- measures -------------------------------------------------------------------------------------------------
OFLOG_MEASURES = {
    "ASC1": ["carer quality of life", "carers quality of life score", "quality of life for carers", "carer qol"],
    "ASC2": [
        "service user quality of life",
        "social care related quality of life for service users",
        "quality of life of people using care services",
    ],
    "ASC3": [
        "ease of finding info about services for service users",
        "% of service users who find it easy to get info about services",
        "service users ease of finding information about services",
    ],
    "ASC4": [
        "ease of finding info about support for carers",
        "% of carers who find it easy to get info about support",
        "carers ease of finding information about support",
    ],
    "ASC5": [
        "outcome of short-term services",
        "short term services outcomes (no further support needed)",
        "reablement outcome - short-term services",
    ],
    "ASC6": ["requests resulting in a service", "requests for support that led to a service", "requests -> service"],
    "ASC7": ["adult social care workforce turnover", "asc staff turnover", "care workforce turnover rate"],
}

LGBF_MEASURES = {
    "ENV06": ["recycling rate", "household recycling rate", "% of household waste recycled"],
    "ENV01a": ["waste collection cost per premises", "net cost of bin collection per premises"],
    "ENV02a": ["waste disposal cost per premises", "cost of waste disposal per premise"],
    "ENV03c": ["street cleanliness score", "% of streets acceptably clean"],
    "ENV04a": ["road cost per km", "cost per kilometre of roads"],
    "C&L01": ["cost per attendance at sports facilities", "sports facilities cost per attendance"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L04": ["parks and open spaces cost per 1000 population", "cost of parks per 1,000 people"],
    "CORP07": ["council tax collection rate", "% of council tax collected by year end"],
    "CORP08": ["invoices paid within 30 days", "% of invoices paid in 30 days"],
    "CORP06b": ["sickness absence days per non-teacher employee", "non-teaching staff sickness days"],
    "CORP06a": ["teacher sickness absence days", "sickness days per teacher"],
    "SW01": ["home care cost per hour for over 65s", "older peoples home care costs per hour"],
    "SW05": ["residential care cost per week for older people", "care home costs per resident per week (65+)"],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "SW06": ["hospital readmissions within 28 days", "28 day readmission rate"],
    "SW08": ["delayed discharge days for over 75s", "days people spend in hospital when ready to be discharged"],
    "CHN01": ["cost per primary pupil", "primary school cost per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN11": ["positive destinations for school leavers", "% of pupils entering positive destinations"],
    "CHN21": ["participation rate for 16-19 year olds", "16-19 participation rate"],
    "CHN24": ["child poverty rate", "% of children living in poverty after housing costs"],
    "HSN01b": ["rent arrears", "gross rent arrears as % of rent due"],
    "HSN02": ["rent lost to voids", "% of rent lost through empty council homes"],
    "HSN04b": ["time to complete non-emergency repairs", "non emergency repair times"],
    "HSN03": ["homes meeting shqs", "% of council homes meeting the scottish housing quality standard"],
    "ECON08": ["superfast broadband coverage", "% of properties getting superfast broadband"],
    "ECON05": ["business gateway start-ups per 10k population", "business gateway start ups"],
    "FINSUS01": ["total usable reserves as a % of budget", "useable reserves % of revenue budget"],
}

SAMPLE_MEASURES = {
    "household_recycling_rate": ["recycling rate", "household recycling", "household waste recycled"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed bins per 100k"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": [
        "waste collection cost per household",
        "cost of bin collection per household",
    ],
    "planning_major_in_time": ["major planning apps decided in time", "major applications on time"],
    "planning_minor_in_time": ["minor planning apps in time", "minor applications decided in time"],
    "homelessness_prevention_rate": ["homelessness prevention rate", "homelessness prevented %"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation per 1000", "temp accommodation rate"],
    "relet_days": ["relet times", "void turnaround days", "days to re-let council homes"],
    "council_tax_collection": ["council tax collection", "ctax collection rate"],
    "business_rates_collection": ["business rates collection", "nndr collection rate"],
    "complaints_in_time": ["complaints answered on time", "complaints responded to in time"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2 complaints"],
    "sickness_absence_days": ["sickness absence days per fte", "staff sickness days"],
    "staff_turnover": ["staff turnover", "council staff turnover"],
    "dfg_within_26_weeks": ["dfgs completed within 26 weeks", "disabled facilities grants done in 26 wks"],
    "fly_tipping_per_1000": ["fly tipping per 1000 pop", "fly-tipping rate"],
    "leisure_visits_per_1000": ["leisure centre visits per 1000", "leisure visits"],
}

MEASURES = {"oflog": OFLOG_MEASURES, "lgbf": LGBF_MEASURES, "sample": SAMPLE_MEASURES}

# LGBF service areas (ISCategory) with everyday overview wording
LGBF_OVERVIEW = {
    "Adult Social Care Services": ["adult social care", "social work for adults", "adult social care services"],
    "Children's Services": ["childrens services", "children's services and education", "education and childrens"],
    "Housing Services": ["housing", "council housing", "housing services"],
    "Culture & Leisure Services": ["culture and leisure", "culture & leisure services"],
    "Environmental Services": ["environmental services", "environment services"],
    "Corporate Services": ["corporate services", "corporate support services"],
    "Economic Development": ["economic development", "econ development"],
    "Financial Sustainability": ["financial sustainability", "financial sustainability measures"],
}
OFLOG_OVERVIEW = ["adult social care", "asc", "adult social care services", "social care for adults"]
SAMPLE_OVERVIEW = {
    "waste": (
        [
            "household_recycling_rate",
            "missed_bins_per_100k",
            "residual_waste_per_household",
            "waste_collection_cost_per_household",
        ],
        ["waste services", "waste and recycling services", "bins and waste"],
    ),
    "planning": (["planning_major_in_time", "planning_minor_in_time"], ["planning", "the planning service"]),
    "homelessness": (
        ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
        ["homelessness services", "the homelessness service"],
    ),
    "revenues": (["council_tax_collection", "business_rates_collection"], ["revenues", "revenues and collection"]),
    "complaints": (
        ["complaints_in_time", "stage2_complaints_upheld"],
        ["complaints handling", "complaints overall"],
    ),
    "workforce": (["sickness_absence_days", "staff_turnover"], ["workforce", "hr and workforce", "our workforce"]),
}

# ---- councils -------------------------------------------------------------------------------------------------
OFLOG_NAME_FORMS = {
    "E06000010": ["hull", "hull city council", "kingston upon hull"],
    "E09000021": ["kingston upon thames", "royal borough of kingston upon thames"],
    "E09000027": ["richmond upon thames", "lb richmond upon thames"],
    "E06000055": ["bedford borough", "bedford borough council"],
    "E06000016": ["leicester city council", "leicester city"],
    "E06000015": ["derby city council", "derby city"],
    "E06000018": ["nottingham city council", "nottingham city"],
    "E06000022": ["banes", "bath and north east somerset", "bath & ne somerset", "b&nes"],
    "E09000020": ["rbkc", "kensington and chelsea", "kensington & chelsea"],
    "E09000013": ["hammersmith & fulham", "hammersmith and fulham", "h&f"],
    "E06000050": ["cwac", "cheshire west and chester", "cheshire west & chester"],
    "E06000042": ["milton keynes", "mk council"],
    "E06000046": ["isle of wight", "iow council"],
    "E06000012": ["ne lincs", "north east lincolnshire", "north east lincs"],
    "E06000013": ["north lincs", "north lincolnshire"],
    "E10000019": ["lincolnshire", "lincs", "lincolnshire county council"],
    "E10000024": ["nottinghamshire", "notts county council", "notts cc"],
    "E10000018": ["leicestershire", "leics", "leicestershire cc"],
    "E10000013": ["gloucestershire", "glos", "gloucestershire county council"],
    "E06000025": ["south glos", "south gloucestershire"],
    "E10000015": ["hertfordshire", "herts", "herts cc"],
    "E10000003": ["cambridgeshire", "cambs", "cambs county council"],
    "E10000025": ["oxfordshire", "oxon", "oxfordshire county council"],
    "E10000034": ["worcestershire", "worcs", "worcestershire cc"],
    "E10000031": ["warwickshire", "warks", "warwickshire county council"],
    "E10000028": ["staffordshire", "staffs", "staffs county council"],
    "E10000017": ["lancashire", "lancs", "lancashire cc"],
    "E10000023": ["north yorkshire", "north yorks", "nycc"],
    "E10000032": ["west sussex", "wscc", "west sussex county council"],
    "E10000011": ["east sussex", "escc", "east sussex county council"],
    "E06000021": ["stoke", "stoke-on-trent", "stoke on trent"],
    "E06000033": ["southend", "southend-on-sea", "southend on sea"],
    "E06000004": ["stockton", "stockton-on-tees", "stockton on tees"],
    "E06000020": ["telford", "telford and wrekin", "telford & wrekin"],
    "E06000003": ["redcar", "redcar and cleveland", "redcar & cleveland"],
    "E06000008": ["blackburn", "blackburn with darwen"],
    "E06000011": ["east riding", "east riding of yorkshire"],
    "E06000043": ["brighton", "brighton and hove", "brighton & hove"],
    "E06000040": ["rbwm", "windsor and maidenhead", "windsor & maidenhead"],
    "E06000047": ["durham", "county durham", "durham county council"],
    "E08000013": ["st helens", "st. helens"],
    "E08000021": ["newcastle upon tyne", "newcastle city council"],
    "E06000023": ["bristol", "bristol city council"],
    "E09000002": ["barking and dagenham", "barking & dagenham"],
    "E06000056": ["central beds", "central bedfordshire"],
    "E09000011": ["greenwich", "royal borough of greenwich"],
    "E08000031": ["wolverhampton", "wolverhampton city council"],
    "E08000035": ["leeds", "leeds city council"],
    "E08000025": ["birmingham", "birmingham city council"],
    "E08000003": ["manchester", "manchester city council"],
    "E08000012": ["liverpool", "liverpool city council"],
    "E08000019": ["sheffield", "sheffield city council"],
}
# councils whose plain name must not be shortened further or used bare (fits two councils or is a short form)
OFLOG_NO_BARE = {"E06000010", "E09000021", "E09000027", "E06000055", "E06000016", "E06000015", "E06000018", "E08000021"}

LGBF_NAME_FORMS = {
    "aberdeen-city": ["aberdeen city", "aberdeen city council"],
    "aberdeenshire": ["aberdeenshire", "aberdeenshire council"],
    "edinburgh-city": ["edinburgh", "city of edinburgh", "city of edinburgh council", "edinburgh council"],
    "glasgow-city": ["glasgow", "glasgow city council", "glasgow city"],
    "dundee-city": ["dundee", "dundee city council", "dundee city"],
    "eilean-siar": ["eilean siar", "western isles", "comhairle nan eilean siar", "na h-eileanan siar"],
    "argyll-and-bute": ["argyll and bute", "argyll & bute", "argyll and bute council"],
    "dumfries-and-galloway": ["dumfries and galloway", "dumfries & galloway", "d&g council"],
    "perth-and-kinross": ["perth and kinross", "perth & kinross", "pkc"],
    "orkney-islands": ["orkney", "orkney islands council", "orkney islands"],
    "shetland-islands": ["shetland", "shetland islands council", "shetland islands"],
    "scottish-borders": ["scottish borders", "scottish borders council", "the borders council"],
    "clackmannanshire": ["clackmannanshire", "clacks", "clackmannanshire council"],
    "highland": ["highland", "highland council", "the highland council"],
    "moray": ["moray", "moray council", "the moray council"],
    "east-renfrewshire": ["east renfrewshire", "east ren", "e renfrewshire"],
    "east-dunbartonshire": ["east dunbartonshire", "east dunbarton", "e dunbartonshire"],
    "west-dunbartonshire": ["west dunbartonshire", "west dunbarton", "w dunbartonshire"],
    "north-lanarkshire": ["north lanarkshire", "n lanarkshire", "north lanarkshire council"],
    "south-lanarkshire": ["south lanarkshire", "s lanarkshire", "south lanarkshire council"],
}

SAMPLE_NAME_FORMS = {
    "E07999001": ["northbridge", "northbridge district council", "northbridge dc"],
    "E07999002": ["eastmere", "eastmere district council", "eastmere dc"],
    "E07999003": ["kingsford", "kingsford borough council", "kingsford bc"],
    "E07999004": ["ashworth vale", "ashworth vale dc", "ashworth vale district council"],
    "E07999005": ["brackenmoor", "brackenmoor district council", "brackenmoor dc"],
    "E07999006": ["castlebrook", "castlebrook borough council", "castlebrook bc"],
    "E07999007": ["dunhollow", "dunhollow district council", "dunhollow dc"],
    "E07999008": ["elmridge", "elmridge district council", "elmridge dc"],
    "E07999009": ["fernleigh", "fernleigh district council", "fernleigh dc"],
    "E07999010": ["greywater", "greywater borough council", "greywater bc"],
    "E07999011": ["hollinsford", "hollinsford district council", "hollinsford dc"],
    "E07999012": ["lowerby", "lowerby district council", "lowerby dc"],
    "E07999013": ["marshcombe", "marshcombe district council", "marshcombe dc"],
    "E07999014": ["oakhampstead", "oakhampstead district council", "oakhampstead dc"],
    "E07999015": ["redbourne vale", "redbourne vale district council", "redbourne vale dc"],
    "E07999016": ["westcombe", "westcombe borough council", "westcombe bc"],
}

# names that are not English/Scottish councils in the data (for unknown items) and extra real names for typo checks
WELSH_NI = [
    "cardiff",
    "swansea",
    "gwynedd",
    "powys",
    "wrexham",
    "rhondda cynon taf",
    "belfast city council",
    "derry city and strabane",
    "ceredigion",
    "armagh banbridge and craigavon",
]
ENGLISH_DISTRICTS = [
    "cheltenham",
    "harrogate",
    "st albans",
    "tunbridge wells",
    "south cambridgeshire",
    "hart",
    "mid suffolk",
    "stroud",
    "horsham",
    "north norfolk",
    "east devon",
    "south lakeland",
]
MADE_UP = [
    "borsetshire",
    "midsomer",
    "wessex county council",
    "ambridge district",
    "royston vasey",
    "lower mardale council",
    "summerisle council",
]
EXTRA_REAL_NAMES = (
    WELSH_NI
    + ENGLISH_DISTRICTS
    + [
        "newcastle-under-lyme",
        "kingston",
        "richmondshire",
        "bedfordshire",
        "leicester",
        "derby",
        "nottingham",
        "aberdeen",
        "ayrshire",
        "lothian",
        "northampton",
        "dorset",
        "buckinghamshire",
        "york",
        "yorkshire",
    ]
)
NOT_HELD_MEASURES = [
    "pothole repair times",
    "bus punctuality",
    "parking fine income",
    "number of ev chargers",
    "library book issues per head",
    "allotment waiting list",
    "cremation fees",
    "councillor attendance at meetings",
    "school meal uptake",
    "tree planting numbers",
]
CHITCHAT = [
    "thanks that's great",
    "morning all",
    "who made you?",
    "can you book me a room for thursday",
    "lol ok",
    "what's the wifi password in committee room 2",
    "are you a person or a bot",
    "ta, thats all for now",
    "is the meeting still at 6?",
    "brilliant cheers",
]
