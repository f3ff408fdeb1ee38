"""Everyday wording: measure descriptions, council names as people type them, years as people write them."""

from __future__ import annotations

import difflib

MEASURES = {
    "oflog": {
        "ASC1": ["carer-reported quality of life", "quality of life for unpaid carers", "carers' quality of life score",
                 "how carers rate their quality of life", "the carer QoL score"],
        "ASC2": ["social care-related quality of life for service users", "quality of life of people who use adult "
                 "social care", "service users' quality of life score", "ASC user quality of life"],
        "ASC3": ["how easy service users find it to get information about services", "ease of finding information "
                 "about services for service users", "service users finding information easily"],
        "ASC4": ["carers finding it easy to get information about support", "ease of finding information about "
                 "support for carers", "how easily carers can find info on support"],
        "ASC5": ["the outcome of short-term services (no further support needed)", "people needing no ongoing support "
                 "after short-term services", "reablement outcomes - the sequel to short-term support",
                 "short-term services ending with no further care"],
        "ASC6": ["requests for support that result in a service", "the share of new requests that lead to a service",
                 "care requests resulting in a service"],
        "ASC7": ["adult social care workforce turnover", "care staff turnover rate", "turnover of the social care "
                 "workforce", "ASC staff turnover"],
    },
    "lgbf": {
        "ENV01a": ["net cost of waste collection per premises", "bin collection cost per property"],
        "ENV02a": ["net cost of waste disposal per premises", "what we spend disposing of waste per property"],
        "ENV06": ["the household recycling rate", "% of household waste recycled", "recycling of household waste"],
        "ENV03a": ["street cleaning cost per 1,000 population", "net cost of street cleaning per 1000 people"],
        "ENV03c": ["the street cleanliness score", "% of streets judged acceptably clean"],
        "ENV04a": ["road maintenance cost per kilometre", "cost per km of roads"],
        "C&L01": ["cost per attendance at sports facilities", "cost per visit to our sports facilities"],
        "C&L02": ["cost per library visit", "what each library visit costs"],
        "C&L04": ["parks and open spaces cost per 1,000 population", "spend on parks & open spaces per 1000 people"],
        "ECON05": ["business gateway start-ups per 10,000 population", "new business gateway start-ups per 10k people"],
        "ECON09": ["town vacancy rates", "empty units in our town centres (vacancy rate)"],
        "ECON03": ["average time to process a commercial planning application", "weeks taken per commercial "
                   "planning application"],
        "CORP04": ["the cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
        "CORP07": ["% of council tax received by the end of the year", "in-year council tax collection rate"],
        "CORP08": ["invoices paid within 30 days", "% of invoices paid within 30 days"],
        "CORP06b": ["sickness absence days per non-teaching employee", "sick days per employee (excluding teachers)"],
        "CORP06a": ["sickness absence days per teacher", "teacher sickness absence"],
        "HSN01b": ["gross rent arrears as a % of rent due", "tenant rent arrears"],
        "HSN02": ["rent lost to voids", "% of rent lost because homes were empty"],
        "HSN03": ["dwellings meeting the Scottish Housing Quality Standard", "% of council homes meeting SHQS"],
        "HSN04b": ["average time to complete non-emergency repairs", "how long non-emergency repairs take"],
        "SW01": ["home care costs per hour for over-65s", "hourly cost of home care for older people"],
        "SW05": ["residential care costs per week for older people", "weekly cost of a care home place for over 65s"],
        "SW07": ["care services graded good or better", "% of care services graded good+"],
        "SW08": ["delayed discharge bed days for people aged 75+", "days people (75+) spend in hospital when ready to "
                 "be discharged"],
        "SW06": ["hospital readmissions within 28 days", "readmission to hospital within 28 days per 1,000 "
                 "discharges"],
        "CHN01": ["cost per primary school pupil", "what we spend per primary pupil"],
        "CHN02": ["cost per secondary school pupil", "spend per secondary pupil"],
        "CHN11": ["school leavers going into positive destinations", "% of pupils entering positive destinations"],
        "CHN09": ["looked after children cared for in the community", "balance of care for looked after children"],
        "CLIM01": ["area-wide CO2 emissions per capita", "carbon emissions per head across the area"],
        "FINSUS01": ["total usable reserves as a % of budgeted revenue", "usable reserves as a share of the budget"],
    },
    "sample": {
        "household_recycling_rate": ["the recycling rate", "household waste sent for reuse, recycling and composting",
                                     "how much household waste we recycle"],
        "missed_bins_per_100k": ["missed bin collections", "missed bins per 100k collections"],
        "residual_waste_per_household": ["residual waste per household", "black bin waste per household (kg)"],
        "waste_collection_cost_per_household": ["the net cost of waste collection per household", "what bin "
                                                "collection costs per household"],
        "planning_major_in_time": ["major planning applications decided in time", "speed of major planning decisions"],
        "planning_minor_in_time": ["minor planning applications decided in time", "minor apps determined on time"],
        "homelessness_prevention_rate": ["homelessness prevention", "prevention duties ending with homelessness "
                                         "prevented"],
        "temporary_accommodation_per_1000": ["households in temporary accommodation", "TA numbers per 1,000 "
                                             "households"],
        "relet_days": ["re-let times for council homes", "average days to re-let empty council homes"],
        "council_tax_collection": ["council tax collection", "the in-year council tax collection rate"],
        "business_rates_collection": ["business rates collection", "NNDR collected in year"],
        "complaints_in_time": ["complaints answered on time", "complaint response times"],
        "stage2_complaints_upheld": ["stage 2 complaints upheld", "escalated complaints that were upheld"],
        "sickness_absence_days": ["staff sickness absence", "days lost to sickness per FTE"],
        "staff_turnover": ["staff turnover", "leavers as a % of headcount"],
        "dfg_within_26_weeks": ["disabled facilities grants done within 26 weeks", "DFG completions within 26 wks"],
        "fly_tipping_per_1000": ["fly-tipping incidents", "fly tipping per 1,000 residents"],
        "leisure_visits_per_1000": ["leisure centre visits", "visits to our leisure centres per 1,000 people"],
    },
}

# Polarity words: (word, which end of the list it points at for a higher-is-better measure)
HIGH_WORDS = ["highest", "highest", "most"]
LOW_WORDS = ["lowest", "lowest", "least"]
GOOD_WORDS = ["best", "top", "best performing", "strongest", "highest-performing", "leading"]
BAD_WORDS = ["worst", "bottom", "weakest", "poorest performing", "worst-performing", "lagging"]

SPECIAL_NAMES = {
    "E06000010": ["Hull", "Hull City Council", "kingston upon hull"],
    "E06000022": ["BANES", "B&NES", "Bath & North East Somerset"],
    "E09000020": ["RBKC", "K&C", "Kensington & Chelsea"],
    "E09000013": ["LBHF", "H&F", "Hammersmith & Fulham"],
    "E06000040": ["RBWM", "Windsor & Maidenhead"],
    "E06000043": ["Brighton", "Brighton & Hove", "brighton and hove city council"],
    "E06000021": ["Stoke", "Stoke on Trent"],
    "E08000013": ["St Helens", "st helens council"],
    "E06000033": ["Southend", "southend on sea"],
    "E06000047": ["Durham", "Durham County Council"],
    "E06000011": ["East Riding", "ERYC"],
    "E06000012": ["NE Lincs", "NE Lincolnshire"],
    "E06000013": ["North Lincs", "N Lincs"],
    "E06000025": ["South Glos", "S Glos"],
    "E06000020": ["Telford", "Telford & Wrekin"],
    "E06000003": ["Redcar", "Redcar & Cleveland"],
    "E08000021": ["Newcastle", "Newcastle City Council"],
    "E06000008": ["Blackburn", "Blackburn w Darwen"],
    "E09000002": ["Barking & Dagenham", "LBBD"],
    "E06000023": ["Bristol City Council", "City of Bristol"],
    "E06000014": ["City of York", "City of York Council"],
    "E08000035": ["Leeds City Council"],
    "E08000025": ["Birmingham City Council", "Brum"],
    "E10000015": ["Herts", "Herts CC"],
    "E10000024": ["Notts", "Notts County Council"],
    "E10000019": ["Lincs", "Lincs CC"],
    "E10000013": ["Glos", "Gloucestershire County Council"],
    "E10000003": ["Cambs", "Cambridgeshire CC"],
    "E10000025": ["Oxon", "Oxfordshire County Council"],
    "E10000034": ["Worcs", "Worcestershire CC"],
    "E10000031": ["Warks", "Warwickshire County Council"],
    "E10000028": ["Staffs", "Staffordshire County Council"],
    "E10000014": ["Hants", "Hampshire County Council"],
    "E10000017": ["Lancs", "Lancashire CC"],
    "E10000007": ["Derbys", "Derbyshire County Council"],
    "E10000023": ["N Yorks", "North Yorks"],
    "E06000042": ["MK", "Milton Keynes Council"],
    "E06000050": ["CWAC", "Cheshire West & Chester"],
    "E06000054": ["Wilts", "Wiltshire Council"],
    "E10000016": ["Kent County Council", "KCC"],
    "E10000012": ["Essex County Council", "ECC"],
    "E09000030": ["LBTH", "Tower Hamlets Council"],
    "S-edinburgh-city": ["Edinburgh", "City of Edinburgh Council", "edinburgh council"],
    "S-glasgow-city": ["Glasgow", "Glasgow City Council"],
    "S-aberdeen-city": ["Aberdeen City Council", "Aberdeen city"],
    "S-dundee-city": ["Dundee", "Dundee City Council"],
    "S-eilean-siar": ["Western Isles", "Comhairle nan Eilean Siar", "CnES", "Na h-Eileanan Siar"],
    "S-argyll-and-bute": ["Argyll and Bute", "Argyll & Bute Council"],
    "S-dumfries-and-galloway": ["Dumfries and Galloway", "D&G council", "Dumfries & Galloway Council"],
    "S-perth-and-kinross": ["Perth and Kinross", "P&K", "Perth & Kinross Council"],
    "S-shetland-islands": ["Shetland", "Shetland Islands Council"],
    "S-orkney-islands": ["Orkney", "Orkney Islands Council"],
    "S-scottish-borders": ["the Borders", "Scottish Borders Council"],
    "S-clackmannanshire": ["Clacks", "Clackmannanshire Council"],
    "S-east-renfrewshire": ["East Ren", "East Renfrewshire Council"],
    "S-east-dunbartonshire": ["East Dunbarton", "E Dunbartonshire"],
    "S-north-lanarkshire": ["N Lanarkshire", "North Lanarkshire Council"],
    "S-south-lanarkshire": ["South Lanarks", "S Lanarkshire"],
    "S-highland": ["Highland Council", "the Highland Council"],
    "S-fife": ["Fife Council"],
    "S-moray": ["the Moray Council", "Moray council"],
    "E07999001": ["Northbridge", "Northbridge DC"],
    "E07999002": ["Eastmere", "Eastmere DC"],
    "E07999003": ["Kingsford", "Kingsford BC", "Kingsford Borough"],
    "E07999004": ["Ashworth Vale", "Ashworth Vale DC"],
    "E07999005": ["Brackenmoor", "Brackenmoor district"],
    "E07999006": ["Castlebrook", "Castlebrook BC"],
    "E07999007": ["Dunhollow", "Dunhollow District"],
    "E07999008": ["Elmridge", "Elmridge DC"],
    "E07999009": ["Fernleigh", "Fernleigh council"],
    "E07999010": ["Greywater", "Greywater Borough"],
    "E07999011": ["Hollinsford", "Hollinsford DC"],
    "E07999012": ["Lowerby", "Lowerby District"],
    "E07999013": ["Marshcombe", "Marshcombe council"],
    "E07999014": ["Oakhampstead", "Oakhampstead DC"],
    "E07999015": ["Redbourne Vale", "Redbourne Vale council"],
    "E07999016": ["Westcombe", "Westcombe BC"],
}

AMBIGUOUS_SHORT = {"Kingston", "Richmond", "Bedford", "Leicester", "Derby", "Nottingham", "Aberdeen"}


def plain_variants(name: str, dataset: str) -> list[str]:
    out = [name, name.lower()]
    if " and " in name:
        out.append(name.replace(" and ", " & "))
    if name.startswith("St. "):
        out.append(name.replace("St. ", "St "))
    if dataset == "oflog" and not name.endswith("shire"):
        out.append(f"{name} Council")
    if dataset == "oflog" and name.endswith("shire"):
        out.append(f"{name} County Council")
    if dataset == "lgbf" and name.endswith(" City"):
        out.append(f"{name[:-5]} City Council")
    if dataset == "lgbf":
        out.append(f"{name} Council")
    return out


def typo(name: str, rng, canon: list[str]) -> str | None:
    """A one-letter slip that still points at `name` only."""
    if len(name) < 7:
        return None
    for _ in range(8):
        i = rng.randrange(2, len(name) - 2)
        kind = rng.choice(["drop", "swap", "double"])
        if not name[i].isalpha() or not name[i + 1].isalpha():
            continue
        if kind == "drop":
            t = name[:i] + name[i + 1:]
        elif kind == "swap":
            t = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        else:
            t = name[:i] + name[i] + name[i:]
        if t == name:
            continue
        scores = sorted(((difflib.SequenceMatcher(None, t.lower(), c.lower()).ratio(), c) for c in canon),
                        reverse=True)
        if scores[0][1] == name and scores[1][0] < 0.8:
            return t.lower() if rng.random() < 0.5 else t
    return None


def all_variants(code: str, name: str, dataset: str, rng, canon: list[str]) -> list[str]:
    out = plain_variants(name, dataset) + SPECIAL_NAMES.get(code, [])
    t = typo(name, rng, canon)
    if t:
        out += [t, t]
    return [v for v in out if v not in AMBIGUOUS_SHORT]


def year_words(start: int) -> str:
    tens = {2010: "ten", 2011: "eleven", 2012: "twelve", 2013: "thirteen", 2014: "fourteen", 2015: "fifteen",
            2016: "sixteen", 2017: "seventeen", 2018: "eighteen", 2019: "nineteen", 2020: "twenty",
            2021: "twenty-one", 2022: "twenty-two", 2023: "twenty-three", 2024: "twenty-four"}
    a, b = tens.get(start), tens.get(start + 1)
    return f"twenty {a} to twenty {b}" if a and b else f"{start}/{(start + 1) % 100:02d}"


def write_year(period: str, rng, allow_bare: bool = True) -> str:
    """Render a financial year the way people type it."""
    if " Q" in period:
        y, q = period.split(" ")
        s = int(y[:4])
        return rng.choice([f"{q} {s}/{(s + 1) % 100:02d}", f"{q} of {y}", f"{y} {q}", f"{q.lower()} {s}-{s + 1}"])
    s = int(period[:4])
    e2 = f"{(s + 1) % 100:02d}"
    forms = [f"{s}-{e2}", f"{s}/{e2}", f"{s}-{s + 1}", f"{s}/{s + 1}", f"FY{s}-{e2}", f"fy{s % 100:02d}/{e2}",
             f"{s % 100:02d}/{e2}", f"{s}-{e2}", f"the {s}/{e2} financial year", year_words(s)]
    if allow_bare:
        forms.append(f"{s}")
    return rng.choice(forms)


OPENERS = ["", "", "", "quick one - ", "hi, ", "Morning all, ", "hiya - ", "Sorry if this is obvious but ",
           "For the scrutiny pre-meet tomorrow: ", "Cllr here, ", "Chair asked me to check: ", "q: ",
           "for my ward surgery notes, ", "Prepping the O&S briefing - ", "@scrutinybot ", "hey bot, "]


def opener(rng) -> str:
    return rng.choice(OPENERS)


NATIONAL_WORD = {"oflog": "England", "lgbf": "Scotland"}
GROUP_WORDS = {
    "oflog": ["our nearest neighbours", "our CIPFA neighbours", "our statistical neighbours", "similar councils",
              "our comparator group"],
    "lgbf": ["our family group", "our benchmarking family", "the family group", "councils in our family group"],
    "sample": ["our nearest neighbours", "our CIPFA nearest neighbours", "similar districts", "our comparator group"],
}
SAMPLE_SERVICES = {
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"], ["waste and recycling", "bins and waste", "the waste service"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"], ["planning", "development management"]),
    "homelessness": (["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
                     ["homelessness", "homelessness services"]),
    "revenues": (["council_tax_collection", "business_rates_collection"], ["revenues", "revenues and collection"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"], ["complaints", "complaints handling"]),
    "workforce": (["sickness_absence_days", "staff_turnover"], ["workforce", "our workforce / HR"]),
}
LGBF_SERVICE_WORDS = {
    "Housing Services": ["housing", "housing services"], "Adult Social Care Services": ["adult social care",
                                                                                         "social work for adults"],
    "Environmental Services": ["environmental services"], "Culture & Leisure Services": ["culture and leisure"],
    "Children's Services": ["children's services"], "Corporate Services": ["corporate services"],
    "Economic Development": ["economic development"], "Financial Sustainability": ["financial sustainability"],
    "Tackling Climate Change": ["climate change", "tackling climate change"],
}


VALUE_FRAMES = [
    "what's {who} {m}{yr}?", "what is {m} for {whoname}{yr}", "{whoname} {m}{yr}?", "can you give me the figure for "
    "{m} for {whoname}{yr}, need it for cabinet", "what does {m} look like for {whoname}{yr}?",
    "tell me {who} latest {m}",
    "I'm asked about {m} at committee - what was the number for {whoname}{yr}?", "{m} - {whoname}{yr} pls",
    "number for {m}{yr}? ({whoname})", "whats the {m} figure for {whoname}{yr}",
]


NOT_HELD_COUNCILS = ["Cardiff", "Swansea", "Gwynedd", "Powys", "Wrexham", "Belfast City Council",
                     "Derry City and Strabane", "Armagh Banbridge and Craigavon", "Rhondda Cynon Taf"]
DISTRICTS = ["Cheltenham", "Norwich City Council", "Exeter", "Harlow", "Tunbridge Wells", "South Lakeland",
             "Basingstoke and Deane", "Mid Suffolk"]
MADE_UP = ["Wessex Borough Council", "Glenmorag Council", "North Avalon DC", "Port Mallow City Council"]
NO_MEASURE = ["potholes filled within 48 hours", "parking fine income", "electric vehicle charge points per head",
              "average A&E waiting times", "bus punctuality", "the crime rate", "councillor attendance at meetings",
              "allotment waiting lists", "number of food bank referrals"]
CHAT = ["thanks, that's really helpful!", "what's the weather like in Leeds today?", "can you book me a room for "
        "Tuesday's committee?", "tell me a joke", "who won the match last night?", "good morning!", "ok cheers"]


def order_from(kind, pol):
    if kind in ("good", "bad"):
        return "best" if kind == "good" else "worst"
    return "best" if (kind == "high") == (pol == "higher") else "worst"


def rank_words(rng, kind, n, mm):
    word = rng.choice({"good": GOOD_WORDS, "bad": BAD_WORDS, "high": HIGH_WORDS, "low": LOW_WORDS}[kind])
    if kind in ("high", "low"):
        if n == 1:
            return rng.choice([f"which council has the {word} {mm}", f"who has the {word} {mm}"])
        return rng.choice([f"the {n} councils with the {word} {mm}", f"which {n} councils have the {word} {mm}",
                           f"list the {n} with the {word} {mm}"])
    if n == 1:
        return f"who comes top for {mm}" if word == "top" else rng.choice(
            [f"which council is {word} for {mm}", f"who's the {word} council on {mm}"])
    return rng.choice([f"{word} {n} councils for {mm}", f"list the {word} {n} on {mm}", f"give me the {word} {n} "
                       f"for {mm}", f"{mm} - {word} {n}?", f"who are the {word} {n} councils on {mm}"])
