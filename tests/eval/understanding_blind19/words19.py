"""Hand-written wording for set 19: measure phrases, council name forms, period forms, Slack noise."""
from __future__ import annotations

from data19 import fy_start

# ---------------------------------------------------------------- measures
OFLOG_M = {
    "ASC1": ["carer quality of life", "carer-reported quality of life", "carers quality of life score",
             "quality of life for carers", "carer QoL"],
    "ASC2": ["social care related quality of life", "quality of life of people who use adult social care",
             "service user quality of life score", "care users' quality of life"],
    "ASC3": ["ease of finding information about services for service users",
             "service users' ease of finding info about services",
             "% of service users who find it easy to find information about services"],
    "ASC4": ["% of carers who find it easy to get information about support",
             "ease of finding information about support for carers", "carers' ease of finding info"],
    "ASC5": ["outcome of short-term services", "short term services outcomes (sequel to service)",
             "short-term support outcomes", "outcomes of short term services"],
    "ASC6": ["requests resulting in a service", "requests for support that result in a service",
             "care requests that led to a service"],
    "ASC7": ["adult social care workforce turnover", "care workforce turnover rate", "ASC staff turnover",
             "social care workforce turnover"],
}

LGBF_M = {
    "ENV06": ["household waste recycled", "recycling rate", "% of household waste recycled"],
    "ENV01a": ["net cost of waste collection per premises", "waste collection cost per premise",
               "bin collection cost per premises"],
    "ENV02a": ["waste disposal cost per premises", "net cost of waste disposal per premises"],
    "ENV03a": ["street cleaning cost per 1,000 population", "cost of street cleaning per 1000 people"],
    "ENV03c": ["street cleanliness score", "street cleanliness"],
    "ENV04a": ["roads cost per kilometre", "cost per km of roads"],
    "C&L01": ["cost per attendance at sports facilities", "cost per visit to sports facilities"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L03": ["cost of museums per visit", "museum cost per visit"],
    "C&L04": ["parks and open spaces cost per 1,000 population", "cost of parks per 1000 population"],
    "CHN01": ["cost per primary pupil", "primary school cost per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN03": ["cost per pre-school place", "cost per preschool education place"],
    "CHN04": ["pupils gaining 5+ awards at level 5", "% of pupils getting 5 or more awards at level 5"],
    "CHN05": ["pupils gaining 5+ awards at level 6", "% of pupils with 5+ level 6 awards"],
    "CHN11": ["positive destinations for school leavers", "% of pupils entering positive destinations"],
    "CHN22": ["child protection re-registrations within 18 months", "CP re-registrations within 18 months"],
    "CHN24": ["child poverty after housing costs", "% of children living in poverty after housing costs"],
    "CHN21": ["participation rate for 16-19 year olds", "16-19 participation rate"],
    "CHN09": ["balance of care for looked after children", "% of looked after children cared for in the community"],
    "CORP07": ["council tax collected by year end", "% of council tax received by the end of the year",
               "council tax collection rate"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP06b": ["sickness absence days for non-teaching staff", "sickness days per non-teacher employee"],
    "CORP06a": ["teacher sickness absence days", "sickness absence days per teacher"],
    "CORP08": ["invoices paid within 30 days", "% of invoices paid in 30 days"],
    "CORP01": ["support services as a % of gross expenditure", "support services share of total spend"],
    "HSN01b": ["gross rent arrears", "rent arrears as a % of rent due"],
    "HSN02": ["rent lost to voids", "% of rent lost due to empty homes (voids)"],
    "HSN03": ["dwellings meeting SHQS", "SHQS compliance"],
    "HSN04b": ["average time to complete non-emergency repairs", "non-emergency repair times"],
    "SW01": ["home care costs per hour for over 65s", "older people's home care cost per hour"],
    "SW05": ["residential care costs per week for older people", "care home cost per week for over 65s"],
    "SW03a": ["% of 65+ with long-term care needs receiving personal care at home",
              "share of over 65s with long term care needs getting personal care at home"],
    "SW06": ["hospital readmissions within 28 days", "readmission rate within 28 days per 1,000 discharges"],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "SW08": ["delayed discharge days for over 75s", "days people spend in hospital when ready to be discharged (75+)"],
    "ECON05": ["business gateway start-ups per 10,000 population", "business start-ups per 10k"],
    "ECON09": ["town vacancy rates", "town centre vacancy rate"],
    "ECON07": ["% of people earning less than the living wage", "people paid below the living wage"],
    "ECON08": ["properties receiving superfast broadband", "superfast broadband coverage"],
    "ECON03": ["average time per commercial planning application", "commercial planning application times"],
    "FINSUS01": ["total usable reserves as a % of budget", "usable reserves as a share of revenue budget"],
    "FINSUS02": ["uncommitted general fund balance", "uncommitted general fund balance as a % of budget"],
    "CLIM01": ["area-wide CO2 emissions per capita", "co2 emissions per head"],
}

SAMPLE_M = {
    "household_recycling_rate": ["recycling rate", "household recycling", "household waste recycling rate"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": ["waste collection cost per household",
                                            "cost of bin collection per household"],
    "planning_major_in_time": ["major planning applications in time", "major applications decided on time"],
    "planning_minor_in_time": ["minor planning applications in time", "minor apps decided in time"],
    "homelessness_prevention_rate": ["homelessness prevention rate", "homelessness prevention"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation",
                                         "temporary accommodation per 1,000 households"],
    "relet_days": ["re-let times", "average days to relet council homes", "void relet days"],
    "council_tax_collection": ["council tax collection", "council tax collection rate", "ctax collection"],
    "business_rates_collection": ["business rates collection", "NNDR collection rate"],
    "complaints_in_time": ["complaints answered in time", "complaint response times"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2 complaints"],
    "sickness_absence_days": ["sickness absence", "staff sickness days per FTE", "days lost to sickness"],
    "staff_turnover": ["staff turnover", "workforce turnover"],
    "dfg_within_26_weeks": ["disabled facilities grants within 26 weeks", "DFGs completed in 26 weeks"],
    "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1,000 people"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure visits per 1,000 population"],
}

MEASURES = {"oflog": OFLOG_M, "lgbf": LGBF_M, "sample": SAMPLE_M}

# ---------------------------------------------------------------- services (overview)
OFLOG_SERVICE = ["adult social care", "ASC", "adult social care services", "adults social care"]
LGBF_SERVICE = {
    "Children's Services": ["children's services", "childrens services", "children's services overall"],
    "Adult Social Care Services": ["adult social care", "adult social work", "social care for adults"],
    "Housing Services": ["housing", "housing services", "our housing service"],
    "Environmental Services": ["environmental services", "environment services", "environmental services generally"],
    "Culture & Leisure Services": ["culture and leisure", "culture & leisure", "leisure and culture"],
    "Economic Development": ["economic development", "economic development stuff"],
    "Corporate Services": ["corporate services", "our corporate services"],
    "Financial Sustainability": ["financial sustainability", "financial sustainability measures"],
    "Tackling Climate Change": ["climate change", "tackling climate change"],
}
SAMPLE_SERVICE = {
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"], ["waste", "waste services", "bins and waste"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"],
                 ["planning", "the planning service", "development management"]),
    "homelessness": (["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
                     ["homelessness", "homelessness services"]),
    "revenues": (["council_tax_collection", "business_rates_collection"],
                 ["revenues", "revenues and collection", "the revenues service"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"], ["complaints", "complaints handling"]),
    "workforce": (["sickness_absence_days", "staff_turnover"], ["workforce", "our workforce", "HR and workforce"]),
}

# ---------------------------------------------------------------- council names
OFLOG_SHORT = {
    "Kingston Upon Hull": ["Hull", "Hull City Council"],
    "Kensington and Chelsea": ["RBKC", "K&C"],
    "Hammersmith and Fulham": ["H&F", "LBHF"],
    "Bath and North East Somerset": ["BANES", "B&NES"],
    "Brighton and Hove": ["Brighton & Hove", "Brighton"],
    "Stoke-on-Trent": ["Stoke", "stoke on trent"],
    "Southend-on-Sea": ["Southend"],
    "Stockton-on-Tees": ["Stockton", "stockton on tees"],
    "Blackburn with Darwen": ["Blackburn", "BwD"],
    "Telford and Wrekin": ["Telford", "T&W"],
    "Windsor and Maidenhead": ["RBWM", "Windsor & Maidenhead"],
    "Cheshire West and Chester": ["CWAC", "Cheshire West"],
    "East Riding of Yorkshire": ["East Riding", "ERYC"],
    "St. Helens": ["St Helens", "st helens council"],
    "County Durham": ["Durham", "Durham County Council"],
    "Redcar and Cleveland": ["Redcar & Cleveland", "Redcar"],
    "Barking and Dagenham": ["Barking & Dagenham", "LBBD"],
    "Milton Keynes": ["MK", "MKC"],
    "Central Bedfordshire": ["Central Beds", "CBC"],
    "North East Lincolnshire": ["NE Lincs", "North East Lincs"],
    "North Lincolnshire": ["North Lincs"],
    "Lincolnshire": ["Lincs"],
    "Nottinghamshire": ["Notts", "Notts CC"],
    "Leicestershire": ["Leics"],
    "Gloucestershire": ["Glos"],
    "South Gloucestershire": ["South Glos", "S Glos"],
    "Hertfordshire": ["Herts"],
    "Oxfordshire": ["Oxon"],
    "Staffordshire": ["Staffs"],
    "Worcestershire": ["Worcs"],
    "Warwickshire": ["Warks"],
    "Cambridgeshire": ["Cambs"],
    "Hampshire": ["Hants"],
    "Wiltshire": ["Wilts"],
    "Lancashire": ["Lancs"],
    "North Yorkshire": ["North Yorks", "NYCC"],
    "Newcastle upon Tyne": ["Newcastle upon Tyne", "newcastle city council"],
    "Tower Hamlets": ["LBTH", "tower hamlets"],
    "Waltham Forest": ["LBWF"],
    "Isle of Wight": ["IoW", "the Isle of Wight"],
    "Bristol": ["Bristol City Council"],
    "Sheffield": ["Sheffield City Council"],
    "Manchester": ["Manchester City Council"],
    "Birmingham": ["Birmingham City Council", "brum"],
    "West Berkshire": ["West Berks"],
    "North Somerset": ["N Somerset"],
    "Southampton": ["Soton"],
    "Wolverhampton": ["City of Wolverhampton", "wolverhampton city council"],
    "Leicester": ["Leicester City Council", "leicester city"],
    "Derby": ["Derby City Council"],
    "Nottingham": ["Nottingham City Council", "nottingham city"],
    "Bedford": ["Bedford Borough Council", "Bedford Borough"],
    "York": ["City of York Council", "york council"],
    "Kingston upon Thames": ["Royal Borough of Kingston upon Thames", "kingston upon thames"],
    "Richmond upon Thames": ["richmond upon thames", "Richmond upon Thames council"],
}

LGBF_SHORT = {
    "Argyll & Bute": ["argyll and bute", "Argyll & Bute Council"],
    "Dumfries & Galloway": ["D&G", "dumfries and galloway"],
    "Perth & Kinross": ["P&K", "perth and kinross", "Perth & Kinross Council"],
    "Eilean Siar": ["Western Isles", "Comhairle nan Eilean Siar", "CnES"],
    "Edinburgh City": ["Edinburgh", "City of Edinburgh Council"],
    "Glasgow City": ["Glasgow", "Glasgow City Council"],
    "Dundee City": ["Dundee", "Dundee City Council"],
    "Aberdeen City": ["Aberdeen City Council", "aberdeen city"],
    "Orkney Islands": ["Orkney", "Orkney Islands Council"],
    "Shetland Islands": ["Shetland", "Shetland Islands Council"],
    "Scottish Borders": ["the Borders", "Scottish Borders Council", "SBC borders"],
    "Highland": ["Highland Council", "the Highland Council"],
    "North Lanarkshire": ["N Lanarkshire", "North Lanarkshire Council"],
    "South Lanarkshire": ["S Lanarkshire", "South Lanarkshire Council"],
    "East Dunbartonshire": ["E Dunbartonshire", "East Dunbartonshire Council"],
    "West Dunbartonshire": ["W Dunbartonshire"],
    "East Renfrewshire": ["East Ren", "East Renfrewshire Council"],
    "Clackmannanshire": ["Clacks", "Clackmannanshire Council"],
    "Fife": ["Fife Council"],
    "Falkirk": ["Falkirk Council"],
    "Stirling": ["Stirling Council"],
    "Moray": ["Moray Council", "the Moray Council"],
    "Angus": ["Angus Council"],
    "Inverclyde": ["Inverclyde Council"],
}
LGBF_SHORT["Scottish Borders"] = ["the Borders", "Scottish Borders Council"]

SAMPLE_SHORT = {}  # sample names: "X District Council" -> "X", "X DC", "X"

# Words that must never be used alone as a council name (fit two councils)
AMBIGUOUS = ["kingston", "richmond", "bedford", "leicester", "derby", "nottingham", "aberdeen", "newcastle",
             "durham county", "york"]


def lev(a: str, b: str) -> int:
    """Optimal string alignment distance (adjacent swaps count 1)."""
    a, b = a.lower(), b.lower()
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            c = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


# ---------------------------------------------------------------- periods
WORDS = {2010: "ten", 2011: "eleven", 2012: "twelve", 2013: "thirteen", 2014: "fourteen", 2015: "fifteen",
         2016: "sixteen", 2017: "seventeen", 2018: "eighteen", 2019: "nineteen", 2020: "twenty"}


def year_forms(p: str):
    y = fy_start(p)
    yy, zz = y % 100, (y + 1) % 100
    forms = [f"{y}/{zz:02d}", f"{y}-{zz:02d}", f"{y}-{y + 1}", f"FY{yy:02d}/{zz:02d}", f"{y}/{y + 1}",
             f"{y}", f"{y}/{zz:02d}", f"{y}-{zz:02d}"]
    if y in WORDS and y + 1 in WORDS and y < 2020:
        forms.append(f"twenty {WORDS[y]}-{WORDS[y + 1]}")
    return forms


def pick_year(rng, p, allow_bare=True):
    forms = year_forms(p)
    if not allow_bare:
        forms = [f for f in forms if f != str(fy_start(p))]
    return rng.choice(forms)


def quarter_forms(p: str):
    y, q = p[:7], p[-2:]
    s = fy_start(y)
    return [f"{q} {s}/{(s + 1) % 100:02d}", f"{y} {q}", f"{q} of {s}-{(s + 1) % 100:02d}",
            f"{q.lower()} {s}/{(s + 1) % 100:02d}", f"quarter {q[1]} of {s}/{(s + 1) % 100:02d}"]


# ---------------------------------------------------------------- Slack noise
PREFIX = ["", "", "", "", "quick one - ", "hi, ", "morning! ", "for thursday's committee: ", "pls: ",
          "chair here - ", "for the work programme, ", "sorry to bother, ", "hiya ", "q for scrutiny: ",
          "prepping for OSC - ", "", "hey bot ", "ahead of pre-scrutiny, "]
SUFFIX = ["", "", "", "", "?", "?", "??", " pls", " please", " thanks", " ta", " - thx", " cheers", "?", "",
          " for the briefing note", " asap pls", "? need it for the agenda"]

SWAPS = [("what's", "whats"), ("what is", "whats"), ("how is", "hows"), ("are we", "r we"), ("you", "u"),
         ("neighbours", "neighbors"), ("council's", "councils"), ("we're", "were"), ("don't", "dont"),
         ("please", "pls"), ("compare", "compre"), ("performance", "perfomance"), ("between", "betwen"),
         ("councils", "councills"), ("doing", "doin"), ("our ", "are "), ("with", "w/"), ("and ", "& ")]
SAFE_SWAPS = [s for s in SWAPS if s[0] not in ("our ",)]


def noisy(rng, text, protect=(), prefix=True, suffix=True):
    """Apply Slack-style noise to template text.  protect: substrings never altered."""
    import re as _re
    t = text
    for a, b in SAFE_SWAPS:
        pat = r"(?<![A-Za-z])" + _re.escape(a.strip()) + r"(?![A-Za-z'])"
        if _re.search(pat, t) and rng.random() < 0.3:
            if any(_re.search(pat, p) for p in protect):
                continue
            t = _re.sub(pat, b.strip(), t, count=1)
    r = rng.random()
    if r < 0.45:
        t = t.lower()
    elif r < 0.55:
        t = t[:1].upper() + t[1:]
    if prefix:
        pre = rng.choice(PREFIX)
        t = pre + t
    if suffix:
        t = t.rstrip("?") + rng.choice(SUFFIX) if rng.random() < 0.6 else t
    return t
