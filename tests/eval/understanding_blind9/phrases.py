"""Indicator wording (official titles mixed with plain-English paraphrases) and meeting context."""

OFLOG = {
    "ASC1": [
        "carer-reported quality of life",
        "the ASC Carer Quality of Life measure",
        "quality of life for unpaid carers",
        "carers' quality of life score",
        "carer quality of life (ASC1)",
        "carer quality of life",
    ],
    "ASC2": [
        "social care-related quality of life for people who use services",
        "service user quality of life",
        "the quality of life of people who use adult social care",
        "ASC2 (quality of life of service users)",
    ],
    "ASC3": [
        "ease of finding information about services for service users",
        "service users' ease of finding information about services",
        "the proportion of service users who find it easy to find information about services",
        "service users' ease of finding information",
    ],
    "ASC4": [
        "ease of finding information about support for carers",
        "carers' ease of finding information about support",
        "the carers' ease of finding information measure",
        "ease of finding information for carers",
    ],
    "ASC5": [
        "outcome of short-term services (sequel to service)",
        "the short-term services sequel measure",
        "the outcome of short-term services",
        "ASC5 short-term services outcomes",
    ],
    "ASC6": [
        "requests resulting in a service",
        "the share of requests for support that result in a service",
        "the proportion of new requests resulting in a service",
    ],
    "ASC7": [
        "adult social care workforce turnover",
        "care workforce turnover rate",
        "the workforce turnover rate in adult social care",
        "ASC staff turnover",
    ],
}

LGBF = {
    "ENV01a": ["net cost of waste collection per premises", "waste collection cost per premises"],
    "ENV02a": ["net cost of waste disposal per premises", "waste disposal cost per premises"],
    "ENV06": [
        "household waste recycling rate",
        "the % of household waste that is recycled",
        "the proportion of household waste recycled",
    ],
    "ENV03a": ["net cost of street cleaning per 1,000 population", "street cleaning cost per 1,000 people"],
    "ENV03c": ["street cleanliness score", "the street cleanliness score (% acceptable)"],
    "ENV04a": ["cost per kilometre of roads", "roads cost per km"],
    "C&L01": ["cost per attendance at sports facilities", "sports facilities cost per attendance"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L04": ["cost of parks and open spaces per 1,000 population", "parks & open spaces spend per 1,000 residents"],
    "CORP07": [
        "the % of council tax received by the end of the year",
        "in-year council tax collection",
        "council tax collected by year end",
    ],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP06a": ["sickness absence days per teacher", "teacher sickness absence"],
    "CORP06b": ["sickness absence days per non-teacher employee", "non-teaching staff sickness absence days"],
    "CORP08": ["invoices paid within 30 days", "the % of invoices paid within 30 days"],
    "ECON05": ["Business Gateway start-ups per 10,000 population", "business gateway start-ups"],
    "ECON09": ["town vacancy rates", "the town centre vacancy rate"],
    "ECON08": ["superfast broadband coverage", "% of properties receiving superfast broadband"],
    "ECON07": ["the % of people earning less than the living wage", "proportion of people paid below the living wage"],
    "HSN01b": ["gross rent arrears as a % of rent due", "tenants' gross rent arrears"],
    "HSN02": ["rent lost to voids", "the % of rent due lost through voids"],
    "HSN03": ["% of council dwellings meeting SHQS", "SHQS compliance"],
    "HSN04b": ["average time to complete non-emergency repairs", "non-emergency repair times"],
    "SW01": ["home care costs per hour for over-65s", "older people's home care cost per hour"],
    "SW05": ["residential care costs per week for older people", "over-65 residential care cost per resident per week"],
    "SW03a": [
        "the % of people 65+ with long-term care needs receiving personal care at home",
        "share of older people with long-term care needs receiving personal care at home",
    ],
    "SW07": ["% of care services graded good or better", "proportion of care services rated good or better"],
    "SW06": ["hospital readmissions within 28 days per 1,000 discharges", "the 28-day readmission rate"],
    "CHN01": ["cost per primary school pupil", "primary school cost per pupil"],
    "CHN02": ["cost per secondary school pupil", "secondary school cost per pupil"],
    "CHN11": ["% of pupils entering positive destinations", "positive destinations for school leavers"],
    "CHN09": ["the balance of care for looked after children", "% of looked after children cared for in the community"],
    "CHN21": ["participation rate for 16-19 year olds", "the 16-19 participation rate"],
    "CHN24": ["child poverty after housing costs", "% of children living in poverty (after housing costs)"],
    "FINSUS02": ["uncommitted general fund balance as a % of net revenue", "uncommitted general fund balance"],
    "FINSUS01": ["total usable reserves as a % of budgeted revenue", "usable reserves as a share of the budget"],
    "CLIM03": ["CO2 emissions from transport per capita", "transport carbon emissions per head"],
}

SAMPLE = {
    "household_recycling_rate": [
        "household recycling rate",
        "recycling rate",
        "% of household waste sent for reuse, recycling and composting",
    ],
    "missed_bins_per_100k": ["missed bins per 100,000 collections", "missed bin collections"],
    "residual_waste_per_household": ["residual household waste per household", "residual waste per household (kg)"],
    "waste_collection_cost_per_household": [
        "net cost of waste collection per household",
        "bin collection cost per household",
    ],
    "planning_major_in_time": ["major planning applications decided in time", "speed of major planning decisions"],
    "planning_minor_in_time": ["minor planning applications decided in time", "minor applications in time"],
    "homelessness_prevention_rate": [
        "homelessness prevention rate",
        "prevention duties ended with homelessness prevented",
    ],
    "temporary_accommodation_per_1000": [
        "households in temporary accommodation per 1,000 households",
        "temporary accommodation (per 1,000 households)",
    ],
    "relet_days": ["average days to re-let council homes", "void re-let times"],
    "council_tax_collection": ["council tax collection rate", "in-year council tax collection"],
    "business_rates_collection": ["business rates collection", "NNDR collection rate"],
    "complaints_in_time": ["complaints responded to within target time", "complaints answered in time"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "the % of escalated complaints upheld"],
    "sickness_absence_days": ["sickness absence days per FTE", "staff sickness (days lost per FTE)"],
    "staff_turnover": ["staff turnover", "staff turnover rate"],
    "dfg_within_26_weeks": ["disabled facilities grants completed within 26 weeks", "DFGs completed within 26 weeks"],
    "fly_tipping_per_1000": ["fly-tipping incidents per 1,000 population", "fly tipping"],
    "leisure_visits_per_1000": ["leisure centre visits per 1,000 population", "leisure visits"],
}

LGBF_CATEGORY_WORDS = {
    "Adult Social Care Services": ["adult social care", "adult social care services"],
    "Children's Services": ["children's services", "childrens services"],
    "Housing Services": ["housing services", "housing"],
    "Environmental Services": ["environmental services"],
    "Culture & Leisure Services": ["culture and leisure services", "culture & leisure"],
    "Corporate Services": ["corporate services"],
    "Economic Development": ["economic development"],
    "Financial Sustainability": ["financial sustainability"],
    "Tackling Climate Change": ["tackling climate change", "climate change"],
}

SAMPLE_SERVICES = {
    "waste": (
        ["waste", "waste services", "bins and waste"],
        [
            "household_recycling_rate",
            "missed_bins_per_100k",
            "residual_waste_per_household",
            "waste_collection_cost_per_household",
        ],
    ),
    "planning": (["planning", "the planning service"], ["planning_major_in_time", "planning_minor_in_time"]),
    "homelessness": (["homelessness"], ["homelessness_prevention_rate", "temporary_accommodation_per_1000"]),
    "revenues": (["revenues", "revenues and collection"], ["council_tax_collection", "business_rates_collection"]),
    "complaints": (["complaints", "complaints handling"], ["complaints_in_time", "stage2_complaints_upheld"]),
    "workforce": (["workforce", "workforce measures"], ["sickness_absence_days", "staff_turnover"]),
}

CTX_GENERIC = [
    "Ahead of Thursday's overview and scrutiny committee, ",
    "For the pre-scrutiny session on Monday, ",
    "I'm preparing the chair's briefing for next week's meeting - ",
    "As part of the briefing pack for the panel, ",
    "The chair has asked me to check a figure before tomorrow. ",
    "Quick one before the agenda goes out: ",
    "For the performance scrutiny panel on the 14th, ",
    "Drafting lines of enquiry for committee - ",
    "In preparation for the corporate performance report item, ",
    "Good morning. ",
    "Hi, ",
    "",
    "",
    "",
    "Apologies for the basic question, but ",
    "For my own preparation ahead of full council, ",
]
CTX_ASC = [
    "Ahead of the adult social care panel next week, ",
    "For the health and adult social care scrutiny meeting, ",
    "I'm pulling together the briefing for the care and wellbeing committee - ",
    "The adult social care scrutiny chair has asked: ",
]
ASK = [
    "could you tell me",
    "would you be able to tell me",
    "please can you confirm",
    "can you let me know",
    "could you confirm",
    "I'd be grateful if you could tell me",
    "can I check",
]
