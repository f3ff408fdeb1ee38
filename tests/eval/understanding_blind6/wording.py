"""Everyday wording: measure paraphrases, council name forms, period forms and Slack register noise."""

from __future__ import annotations

MEASURES = {
    "ASC1": ["carer-reported quality of life", "the carers' quality of life score", "quality of life for unpaid carers",
             "carer QoL score"],
    "ASC2": ["social care-related quality of life for people who use services", "service users' quality of life score",
             "quality of life of people receiving care and support (service users, not carers)"],
    "ASC3": ["ease of finding information about services for service users",
             "the % of service users who find it easy to get information about services",
             "ease of finding info - service users"],
    "ASC4": ["ease of finding information about support for carers",
             "the share of carers who find it easy to get information about support", "ease of finding info - carers"],
    "ASC5": ["the outcome of short-term services (sequel to service)",
             "proportion of people needing no ongoing support after short-term services",
             "short-term services / reablement outcome"],
    "ASC6": ["the rate of requests for support resulting in a service", "requests resulting in a service",
             "new care requests that end with a service being provided"],
    "ASC7": ["adult social care workforce turnover", "care staff turnover", "turnover in the social care workforce"],
    "ENV06": ["recycling rate", "% of household waste recycled", "household recycling"],
    "ENV01a": ["net cost of waste collection per premises", "bin collection cost per property",
               "waste collection spend per premises"],
    "ENV02a": ["waste disposal cost per premises", "net cost of disposing of waste per property"],
    "ENV03c": ["street cleanliness score", "% of streets at an acceptable cleanliness standard"],
    "ENV04a": ["roads cost per kilometre", "spend per km of road"],
    "C&L01": ["cost per attendance at sports facilities", "sports facility cost per visit"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L04": ["parks and open spaces cost per 1,000 population", "spend on parks per 1,000 residents"],
    "CORP07": ["council tax collected in year", "council tax collection rate", "% of council tax received by year end"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per property"],
    "CORP08": ["invoices paid within 30 days", "% of invoices paid in 30 days", "prompt payment of invoices"],
    "CORP06a": ["teacher sickness absence", "sickness days per teacher"],
    "CORP06b": ["sickness absence for non-teaching staff", "sick days per non-teacher employee"],
    "HSN02": ["rent lost to voids", "void rent loss", "% of rent lost through empty council homes"],
    "HSN04b": ["time to complete non-emergency repairs", "non-emergency repair times",
               "average days for non-urgent council house repairs"],
    "HSN03": ["dwellings meeting SHQS", "% of council homes meeting the Scottish Housing Quality Standard"],
    "SW01": ["home care cost per hour for over-65s", "older people's home care costs per hour"],
    "SW05": ["residential care costs per week for older people", "weekly cost of a care home place for over-65s"],
    "SW06": ["readmissions to hospital within 28 days", "28-day hospital readmission rate"],
    "SW08": ["delayed discharge bed days for over-75s", "days people aged 75+ spend in hospital when ready to go home"],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "CHN01": ["cost per primary pupil", "primary school spend per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN11": ["pupils entering positive destinations", "school leavers going into positive destinations"],
    "CHN24": ["child poverty after housing costs", "% of children living in poverty (after housing costs)"],
    "ECON03": ["time to decide commercial planning applications", "average weeks per commercial planning application"],
    "ECON09": ["town vacancy rates", "town centre vacancy rate", "empty units in our town centres"],
    "FINSUS02": ["uncommitted general fund balance", "uncommitted general fund reserve as a % of budget"],
    "household_recycling_rate": ["recycling rate", "household waste recycled or composted",
                                 "% of household waste recycled"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household",
                                     "kg of non-recycled waste per home"],
    "waste_collection_cost_per_household": ["cost of bin collections per household",
                                            "net waste collection cost per household"],
    "planning_major_in_time": ["major planning applications decided in time", "speed of major planning decisions",
                               "majors determined within 13 weeks"],
    "planning_minor_in_time": ["minor planning applications decided on time", "minors determined within 8 weeks"],
    "homelessness_prevention_rate": ["homelessness prevention rate",
                                     "prevention duties ending with homelessness prevented"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation", "TA per 1,000 households"],
    "relet_days": ["void re-let times", "days to re-let empty council homes", "relet days"],
    "council_tax_collection": ["council tax collection rate", "council tax collected in year", "ctax collection"],
    "business_rates_collection": ["business rates collection", "NNDR collected in year",
                                  "non-domestic rates collection"],
    "complaints_in_time": ["complaints answered on time", "complaint response times",
                           "% of complaints responded to in target"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "escalated complaints upheld"],
    "sickness_absence_days": ["staff sickness absence", "sickness days per FTE", "days lost to sickness per employee"],
    "staff_turnover": ["staff turnover", "our leavers rate (staff turnover)"],
    "dfg_within_26_weeks": ["disabled facilities grants done within 26 weeks", "DFG completions in 26 weeks",
                            "home adaptations (DFGs) completed on time"],
    "fly_tipping_per_1000": ["fly-tipping incidents per 1,000 people", "fly tipping", "flytipping rate"],
    "leisure_visits_per_1000": ["leisure centre visits", "visits to our leisure centres per 1,000 people"],
}
LGBF_USED = [k for k in MEASURES if not k.startswith("ASC") and k[0].isupper()]
SAMPLE_USED = [k for k in MEASURES if k[0].islower()]
OFLOG_USED = [f"ASC{i}" for i in range(1, 8)]
# "lower is better" wording of the measure's best end, for polarity-aware rank questions
HIGH_WORDS = ["highest", "top", "best"]
LOW_WORDS = ["lowest", "bottom", "worst"]

# Oflog and LGBF services in everyday words (overview family)
SERVICE_WORDS = {
    "Adult social care": ["adult social care", "adults' social care", "ASC", "care and support for adults"],
    "Housing Services": ["housing", "council housing", "our housing service"],
    "Children's Services": ["children's services", "education and children's services",
                            "schools and children's services"],
    "Culture & Leisure Services": ["culture and leisure", "libraries, museums, parks and leisure", "culture & leisure"],
    "Adult Social Care Services": ["adult social care", "social work for adults", "adult care services"],
    "Environmental Services": ["environmental services", "environmental services - bins, street cleaning, roads"],
    "Economic Development": ["economic development", "the economic development service"],
    "Corporate Services": ["corporate services", "back-office corporate services"],
    "Financial Sustainability": ["financial sustainability", "reserves and financial sustainability"],
    "Tackling Climate Change": ["climate change", "tackling climate change (emissions)"],
}
# Sample services: the grouping this set uses (stated in the README)
SAMPLE_SERVICES = {
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"],
              ["bins and recycling", "waste and recycling", "the waste service"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"],
                 ["planning", "development management (planning applications)"]),
    "homelessness": (["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
                     ["homelessness", "homelessness and temporary accommodation"]),
    "revenues": (["council_tax_collection", "business_rates_collection"],
                 ["revenues - council tax and business rates collection",
                  "collection of council tax and business rates"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"],
                   ["complaints", "complaints handling"]),
    "workforce": (["sickness_absence_days", "staff_turnover"],
                  ["workforce (sickness and turnover)", "our staff - HR stats"]),
}

SCOT_PLAIN = {
    "Edinburgh City": "Edinburgh",
    "Glasgow City": "Glasgow",
    "Aberdeen City": "Aberdeen",
    "Dundee City": "Dundee",
    "Eilean Siar": "the Western Isles",
}

NAME_FORMS = {
    "Brighton and Hove": ["Brighton", "brighton & hove", "Brighton and Hove City Council", "Brighton n Hove"],
    "Bath and North East Somerset": ["B&NES", "BANES", "Bath & NE Somerset"],
    "Kensington and Chelsea": ["RBKC", "Kensington & Chelsea", "the Royal Borough of Kensington and Chelsea"],
    "Hammersmith and Fulham": ["H&F", "LBHF", "Hammersmith & Fulham"],
    "Kingston Upon Hull": ["Hull", "Hull City Council", "Kingston-upon-Hull"],
    "County Durham": ["Durham", "Durham County Council"],
    "St. Helens": ["St Helens", "Saint Helens", "St Helens council"],
    "Stoke-on-Trent": ["Stoke", "Stoke on Trent"],
    "Southend-on-Sea": ["Southend", "Southend on Sea"],
    "Telford and Wrekin": ["Telford", "Telford & Wrekin"],
    "Windsor and Maidenhead": ["RBWM", "Windsor & Maidenhead", "the Royal Borough of Windsor and Maidenhead"],
    "Blackburn with Darwen": ["Blackburn", "Blackburn w Darwen"],
    "Barking and Dagenham": ["Barking & Dagenham", "LBBD", "Barking and Dag"],
    "Newcastle upon Tyne": ["Newcastle City Council", "Newcastle-upon-Tyne", "Newcastle (the Tyne one)"],
    "East Riding of Yorkshire": ["East Riding", "ERYC", "the East Riding"],
    "Redcar and Cleveland": ["Redcar", "Redcar & Cleveland"],
    "Cheshire West and Chester": ["CWAC", "Cheshire West", "Cheshire W & Chester"],
    "Bristol": ["Bristol City Council", "City of Bristol", "bristol cc"],
    "Bradford": ["City of Bradford", "Bradford Council", "Bradfrod"],
    "Hertfordshire": ["Herts", "Herts CC", "Hertfordshire County Council"],
    "Nottinghamshire": ["Notts County Council", "Nottinghamshre", "Notts CC"],
    "Lancashire": ["Lancs", "Lancashire CC"],
    "Gloucestershire": ["Glos", "Gloucestershire County Council", "Gloucesteshire"],
    "Worcestershire": ["Worcs", "Worcestershire CC"],
    "Leicestershire": ["Leics", "Leicestershire County Council", "Leicestershre"],
    "Lincolnshire": ["Lincs", "Lincolnshire CC"],
    "Oxfordshire": ["Oxon", "Oxfordshire County Council"],
    "Wiltshire": ["Wilts", "Wiltshire Council"],
    "Staffordshire": ["Staffs", "Staffordshire County Council"],
    "Cambridgeshire": ["Cambs", "Cambridgeshire CC"],
    "Derbyshire": ["Derbys", "Derbyshire County Council"],
    "Sheffield": ["Sheffeild", "Sheffield City Council"],
    "Middlesbrough": ["Middlesborough", "Middlesbrough Council"],
    "Wolverhampton": ["City of Wolverhampton", "Wolverhamton"],
    "Warwickshire": ["Warwickshrie", "Warks"],
    "Tower Hamlets": ["Tower Hamelts", "LBTH", "LB Tower Hamlets"],
    "Manchester": ["Manchester City Council", "Manchster"],
    "Birmingham": ["Brum", "Birmingham City Council", "Birmingam"],
    "Leeds": ["Leeds City Council", "Leeds CC"],
    "Richmond upon Thames": ["Richmond", "LB Richmond", "Richmond-upon-Thames"],
    "North East Lincolnshire": ["NE Lincs", "North East Lincs"],
    "North Lincolnshire": ["North Lincs", "N Lincs"],
    "Milton Keynes": ["MK", "Milton Keynes Council"],
    "South Gloucestershire": ["South Glos", "S Glos"],
    "Central Bedfordshire": ["Central Beds", "C Beds"],
    "Stockton-on-Tees": ["Stockton", "Stockton on Tees"],
    "West Sussex": ["W Sussex", "West Sussex CC"],
    "East Sussex": ["E Sussex", "ESCC"],
    "Isle of Wight": ["IoW", "the Isle of Wight", "Isle of White"],
    "Nottingham": ["Nottingham City", "Nottingham City Council"],
    "Leicester": ["Leicester City", "Leicester City Council"],
    "York": ["City of York", "City of York Council"],
    "Westminster": ["City of Westminster", "Westminster City Council"],
    "Waltham Forest": ["LBWF", "Waltham Forrest"],
    "Southwark": ["Southwark Council", "Southwrak"],
    "Edinburgh City": ["Edinburgh", "City of Edinburgh", "City of Edinburgh Council", "Edinbrugh"],
    "Glasgow City": ["Glasgow", "Glasgow City Council", "GCC (Glasgow)"],
    "Aberdeen City": ["Aberdeen", "Aberdeen City Council"],
    "Dundee City": ["Dundee", "Dundee City Council"],
    "Perth & Kinross": ["Perth and Kinross", "P&K", "Perth & Kinross Council", "PKC"],
    "Dumfries & Galloway": ["Dumfries and Galloway", "D&G", "Dumfries & Gallowy"],
    "Argyll & Bute": ["Argyll and Bute", "Argyle and Bute", "A&B council"],
    "Eilean Siar": ["the Western Isles", "Comhairle nan Eilean Siar", "Na h-Eileanan Siar", "western isles"],
    "Scottish Borders": ["the Borders", "Borders Council", "Scottish Borders Council"],
    "Clackmannanshire": ["Clacks", "Clackmannanshire Council", "Clackmananshire"],
    "East Dunbartonshire": ["East Dunbartonshre", "E Dunbartonshire", "East Dunbarton"],
    "West Dunbartonshire": ["West Dunbartonshire Council", "W Dunbartonshire"],
    "North Lanarkshire": ["North Lanarks", "N Lanarkshire"],
    "South Lanarkshire": ["South Lanarks", "S Lanarkshire", "South Lanarkshire Council"],
    "Orkney Islands": ["Orkney", "Orkney Islands Council"],
    "Shetland Islands": ["Shetland", "Shetland Islands Council"],
    "East Renfrewshire": ["East Ren", "E Renfrewshire", "East Renfrewshire Council"],
    "Highland": ["Highland Council", "the Highland Council", "the Highlands council"],
    "Aberdeenshire": ["Aberdeenshire Council", "Aberdeenshie"],
    "North Ayrshire": ["N Ayrshire", "North Ayrshire Council", "North Ayrshrie"],
    "South Ayrshire": ["S Ayrshire", "South Ayrshire Council"],
    "East Ayrshire": ["E Ayrshire", "East Ayrshire Council"],
    "West Lothian": ["W Lothian", "West Lothian Council"],
    "East Lothian": ["E Lothian", "East Lothain"],
    "Midlothian": ["Mid Lothian", "Midlothian Council"],
    "Inverclyde": ["Inverclyde Council", "Inverlcyde"],
    "Renfrewshire": ["Renfrewshire Council", "Renfewshire"],
    "Stirling": ["Stirling Council", "Sterling council"],
    "Moray": ["the Moray Council", "Moray Council"],
}

GREET = ["", "", "", "hi, ", "morning - ", "quick one: ", "hiya. ", "@scrutiny-bot ", "Hello! ", "sorry to bother - ",
         "for the pack: ", "q from Cllr Patel: ", "chair's asking: "]
SIGN = ["", "", "", " thanks", " asap pls", " - need it for thursday's committee", " ta", " cheers",
        " (for the briefing note)", " x", " thx!", " - officer prep for pre-scrutiny"]

NOT_HELD_MEASURES = ["A&E waiting times", "GP appointment waits", "bus punctuality", "knife crime rates",
                     "hospital bed occupancy", "air quality (NO2) readings", "burglary rates",
                     "ambulance response times", "foster carer recruitment numbers", "parking fine income",
                     "trees planted per year"]
CHITCHAT = ["thanks, that's great", "who is chairing the adults panel tomorrow?",
            "can you book committee room 3 for 2pm?", "lol ok", "what's the wifi password in the civic centre",
            "happy friday all", "remind me to send the minutes out on monday", "can you write me a poem about scrutiny",
            "is the canteen open today?", "what time is full council?", "tell me a joke", "ok cool, ignore that",
            "test", "who won the match last night?"]
WELSH_NI = ["Cardiff", "Swansea", "Gwynedd", "Belfast", "Derry City and Strabane", "Rhondda Cynon Taf", "Wrexham",
            "Armagh City, Banbridge and Craigavon", "Newport (Wales)", "Pembrokeshire"]
DISTRICTS = ["Cheltenham", "Basingstoke and Deane", "Tewkesbury", "Harborough", "South Cambridgeshire", "Mid Suffolk",
             "Broxtowe", "Chorley", "Ryedale", "Tunbridge Wells"]
MADE_UP = ["Lower Wibbleton", "Port Sunder", "Greater Ashcombe", "Mistlemoor", "Kelbury Vale", "North Fenwick Isles"]


def tidy(text: str) -> str:
    """Drop doubled determiners that frames and paraphrases produce ("our the", "the the", "'s the")."""
    for bad, good in (
        ("our the ", "our "),
        ("the the ", "the "),
        ("'s the ", "'s "),
        ("our our ", "our "),
        ("for the the ", "for the "),
    ):
        text = text.replace(bad, good)
    return text


def greet(rng) -> str:
    return rng.choice(GREET)


def sign(rng) -> str:
    return rng.choice(SIGN)


def wrap(rng, text: str) -> str:
    """Add Slack register noise around a question and sometimes lower-case it."""
    out = greet(rng) + tidy(text) + sign(rng)
    r = rng.random()
    if r < 0.3:
        out = out.lower()
    elif r < 0.45:
        out = out.replace("?", "??") if "?" in out else out + "?"
    return out.strip()


def fy_text(period: str, rng, words: bool = True) -> str:
    """One of the ways people write the financial year `2019-20`."""
    y = int(period[:4])
    e = (y + 1) % 100
    forms = [
        f"{y}-{e:02d}",
        f"{y}/{e:02d}",
        f"{y}-{y + 1}",
        f"FY{y}-{e:02d}",
        f"fy{y % 100:02d}/{e:02d}",
        f"{y % 100:02d}/{e:02d}",
        f"{y}",
        f"{y}/{y + 1}",
        f"{y}-{e:02d}",
        f"{y}/{e:02d}",
    ]
    if words and y in YEAR_WORDS:
        forms.append(YEAR_WORDS[y])
    return rng.choice(forms)


YEAR_WORDS = {
    2016: "twenty sixteen-seventeen",
    2017: "twenty seventeen to eighteen",
    2018: "twenty eighteen-nineteen",
    2019: "twenty nineteen to twenty",
    2020: "twenty twenty to twenty-one",
    2021: "twenty twenty-one to two",
    2022: "twenty twenty-two to three",
}


def since_text(period: str, rng) -> str:
    y = int(period[:4])
    e = (y + 1) % 100
    return rng.choice(
        [f"since {y}", f"since {y}-{e:02d}", f"since April {y}", f"since {y}/{e:02d}", f"since fy{y % 100:02d}/{e:02d}"]
    )


def quarter_text(period: str, rng) -> str:
    """`2024-25 Q2` in everyday forms."""
    fyp, q = period.split(" ")
    y = int(fyp[:4])
    e = (y + 1) % 100
    n = q[1]
    word = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[n]
    return rng.choice(
        [
            f"Q{n} {y}-{e:02d}",
            f"{y}/{e:02d} Q{n}",
            f"quarter {n} of {y % 100:02d}/{e:02d}",
            f"the {word} quarter of {y}-{e:02d}",
            f"Q{n} {y % 100:02d}-{e:02d}",
        ]
    )


def measure(rng, ind: str) -> str:
    return rng.choice(MEASURES[ind])


def name_form(rng, name: str) -> str:
    return rng.choice(NAME_FORMS[name])


# ---- sentence frames (generate.py fills them)
VALUE_HOME = ["what's our {m}{pp}?", "{m}{pp} - what's the figure for us", "can you pull our {m}{pp}",
              "I'm putting the pack together for scrutiny and just need one number: our {m}{pp}. figure only please",
              "how are we doing on {m}{pp}? just the number", "our {m}{pp}?", "What did we record for {m}{pp}",
              "Cllr asked me what our {m} was{pp} - can you check", "need our {m}{pp} for a member enquiry",
              "remind me what we got on {m}{pp}", "value of {m} for us{pp} pls"]

VALUE_OTHER = ["what's {a}'s {m}{pp}?", "what was the {m} figure for {a}{pp}", "can you look up {m} for {a}{pp}",
               "someone said {a} are doing well - what is their {m}{pp}?", "{a} {m}{pp}?"]

SPAN_FRAMES = ["how has our {m} changed {since}?", "{m} {since} - are we improving?", "show me our {m} from {A} to {B}",
               "what happened to {m} between {A} and {B}?", "{A} to {B} trend in {m} for us please",
               "For Tuesday's O&S I need the movement in our {m} {since}, ideally with a chart",
               "has our {m} gone up or down {since}", "can you chart {m} for us {A}-{B}",
               "I'd like to see how {m} moved between {A} and {B} - cabinet member says it's better",
               "trend {m} {A} → {B}", "our {m}: {A} compared to {B}, what's the change?"]

TREND_NULL = ["is our {m} getting better?", "are we improving on {m}?", "what's the direction of travel on {m}",
              "{m} - trending the right way or not?", "has {m} improved for us over time",
              "is {m} getting worse? members are worried", "give me the trend on our {m}",
              "Ahead of the call-in, can you tell me whether our {m} is moving in the right direction?"]

TREND_N = ["{m} over the last {n} years", "how has our {m} moved over the past {n} years?",
           "{n}-year trend in {m} please", "show the last {n} years of {m} for us",
           "what's our {m} done in the last {n} years", "for the annual report: {m}, past {n} years, up or down?"]

NUM_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
}

CMP_AREA = ["how do we compare with {a} on {m}{pp}?", "us vs {a} - {m}{pp}",
            "are we better or worse than {a} on {m}{pp}", "{m}{pp}: how do we stack up against {a}?",
            "compare our {m} with {a}'s{pp}"]

CMP_TWO = ["{a} vs {b} on {m}{pp}", "how does {a} compare with {b} for {m}{pp}?",
           "can you compare {a} and {b} on {m}{pp}"]

CMP_THREE = ["compare us, {a} and {b} on {m}{pp}", "{m}{pp} for us, {a} and {b} side by side please"]

CMP_GROUP = ["how do we compare with {g} on {m}{pp}?", "{m}{pp} - are we above or below {g}?",
             "benchmark our {m} against {g}{pp}", "Members want to know how our {m} looks next to {g}{pp}",
             "where are we vs {g} on {m}{pp}"]

RANK_TOP = ["{tb} {n} {scope} for {m}{pp}?", "which {n} {scope} have the {w} {m}{pp}",
            "list the {n} {w} {scope} on {m}{pp}", "give me the {w} {n} {scope} for {m}{pp}, need it for the chair",
            "{tb} {n} {scope} - {m}{pp}"]
RANK_SCOPE = {
    "oflog": ["of our nearest neighbours", "councils in our CIPFA group", "of our statistical neighbours"],
    "lgbf": ["councils in our family group", "of our LGBF family group", "of our family group councils"],
    "sample": ["of our nearest neighbours", "councils in our comparator group", "of our neighbour councils"],
}

RANK_ONE = ["which {one} has the {w} {m}{pp}?", "who's got the {w} {m}{pp} among {scope}?"]

RANK_ALL = ["rank all {scope} on {m}{pp}", "full league table of {scope} for {m}{pp}", "rank {scope} by {m}{pp} please"]

RANK_POS = ["where do we rank {among} on {m}{pp}?", "what's our position {among} for {m}{pp}",
            "where do we sit {among} on {m}{pp}", "our ranking {among} for {m}{pp}?",
            "where do we come {among} for {m}{pp}? cllr wants to know if we're bottom quartile"]

OVER = ["how are we doing on {s}?", "are we getting worse on {s}?", "give me the overall picture on {s}",
        "I chair the panel that covers {s} - how are we performing overall?", "{s}: headline performance for us?",
        "quick health check on {s} please", "overall how's {s} looking for us", "summary of our {s} performance"]

TARGET = ["are we on track for our {m} target{pp}?", "did we hit our {m} target{pp}?", "{m} vs target{pp}",
          "is {m} on target{pp}? RAG status please", "how far off target are we on {m}{pp}",
          "the portfolio holder says we met the {m} target{pp} - is that right?"]

PNH = ["what was our {m} in {p}?", "{m} for {p} please", "can you give me our {m} figure for {p}",
       "need {p} {m} for us", "what did we report for {m} in {p}"]

NAMES_VALUE = ["what's {a}'s {m}{pp}?", "{m} for {a}{pp}", "how is {a} doing on {m}{pp}", "look up {a} - {m}{pp}"]

NAMES_CMP = ["how do we compare with {a} on {m}{pp}?", "us v {a}, {m}{pp}", "{a} vs {b} for {m}{pp}",
             "compare {a} with {b} on {m}{pp}"]

GROUP_WORDS = {
    "oflog": ["our nearest neighbours", "our CIPFA neighbours", "similar councils", "our statistical neighbours",
              "our comparator group"],
    "lgbf": ["our family group", "our LGBF family group", "similar councils in our family group",
             "our benchmarking family"],
    "sample": ["our nearest neighbours", "similar districts", "our CIPFA comparator group", "our neighbour councils"],
}

NATIONAL_WORDS = {
    "oflog": ["the England average", "the national median", "England as a whole", "the English average"],
    "lgbf": ["the Scottish average", "Scotland as a whole", "the national figure for Scotland", "the Scotland average"],
}


def latest_pp(rng) -> str:
    """Ways of saying 'the latest period' (read as periods null)."""
    return rng.choice(["", " now", " at the moment", " for the most recent year", " last year", " currently",
                       " (latest)", " latest figure"])


def year_pp(rng, p: str) -> str:
    t = fy_text(p, rng)
    return rng.choice([f" in {t}", f" for {t}", f" ({t})", f" in {t}", f", {t}"])
