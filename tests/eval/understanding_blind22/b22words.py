"""Wording for the set-22 generator: measure phrases, council name forms, service names, casual noise."""

from __future__ import annotations

import random

# --- measures: everyday phrases, several per indicator --------------------------------------------------------
OFLOG_MEASURES = {
    "ASC1": ["carer quality of life", "carers' quality of life score", "quality of life for carers",
             "the carer QoL score"],
    "ASC2": ["social care-related quality of life", "quality of life for people using care services",
             "service user quality of life", "care users' quality of life"],
    "ASC3": ["ease of finding information for service users", "service users' ease of finding information",
             "ease of finding info about services (service users)"],
    "ASC4": ["ease of finding info for carers", "carers' ease of finding information about support",
             "ease of finding information about support for carers"],
    "ASC5": ["outcomes of short-term services", "short-term services outcome",
             "people needing no ongoing support after short-term services"],
    "ASC6": ["requests for support that result in a service", "share of new requests that led to a service",
             "requests resulting in a service"],
    "ASC7": ["care workforce turnover", "adult social care staff turnover", "turnover in the care workforce",
             "asc workforce turnover rate"],
}

LGBF_MEASURES = {
    "ENV06": ["recycling rate", "household waste recycled", "% of household waste that gets recycled"],
    "ENV01a": ["waste collection cost per premises", "net cost of bin collection per premises"],
    "ENV02a": ["waste disposal cost per premises", "cost of disposing of waste per premises"],
    "ENV03a": ["street cleaning cost per 1,000 population", "street cleaning spend per 1000 people"],
    "ENV03c": ["street cleanliness score", "streets assessed as acceptably clean"],
    "ENV04a": ["roads cost per km", "cost per kilometre of road"],
    "C&L01": ["cost per attendance at sports facilities", "sports facility cost per attendance"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L03": ["museum cost per visit", "cost of museums per visit"],
    "C&L04": ["parks and open spaces cost per 1,000 population", "cost of parks per 1000 pop"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP07": ["council tax received by the end of the year", "in-year council tax collection rate"],
    "CORP08": ["invoices paid within 30 days", "prompt payment of invoices within 30 days"],
    "CORP06a": ["teacher sickness absence", "sickness days per teacher"],
    "CORP06b": ["sickness absence for non-teaching staff", "non-teacher sickness days per employee"],
    "CHN01": ["cost per primary pupil", "primary school cost per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school spend per pupil"],
    "CHN03": ["cost per pre-school place", "pre-school education cost per place"],
    "CHN04": ["pupils getting 5+ awards at level 5", "% of pupils gaining 5 or more level 5 awards"],
    "CHN11": ["positive destinations for school leavers", "pupils entering positive destinations"],
    "CHN24": ["child poverty after housing costs", "children living in poverty after housing costs"],
    "CHN09": ["looked after children cared for in the community", "balance of care for looked after kids"],
    "SW01": ["home care costs per hour for over 65s", "older people's home care cost per hour"],
    "SW05": ["residential care cost per week for older people", "care home costs per resident per week (65+)"],
    "SW06": ["hospital readmissions within 28 days", "28-day readmission rate"],
    "SW07": ["care services graded good or better", "care services rated good or better"],
    "SW08": ["delayed discharge days for over 75s", "days people 75+ spend in hospital when ready to go home"],
    "HSN01b": ["rent arrears", "gross rent arrears as a % of rent due"],
    "HSN02": ["rent lost to voids", "void rent loss"],
    "HSN03": ["homes meeting SHQS", "council houses meeting the Scottish Housing Quality Standard"],
    "HSN04b": ["time to complete non-emergency repairs", "non-emergency repair times"],
    "ECON03": ["commercial planning application times", "weeks to decide a commercial planning application"],
    "ECON08": ["superfast broadband coverage", "properties with superfast broadband"],
    "ECON09": ["town vacancy rate", "town centre vacancy rates"],
    "ECON12a": ["working age claimant count", "claimant count as a % of working age people"],
    "FINSUS01": ["total usable reserves as a % of budget", "useable reserves as a share of the revenue budget"],
    "FINSUS02": ["uncommitted general fund balance", "unallocated general fund reserve as % of budget"],
    "CLIM01": ["area-wide CO2 emissions per head", "co2 per capita across the whole area"],
}

SAMPLE_MEASURES = {
    "household_recycling_rate": ["recycling rate", "household recycling", "% of household waste recycled or composted"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": ["cost of waste collection per household",
                                            "bin collection cost per household"],
    "planning_major_in_time": ["major planning applications decided in time", "majors determined in time"],
    "planning_minor_in_time": ["minor planning apps decided in time", "minor applications decided on time"],
    "homelessness_prevention_rate": ["homelessness prevention rate",
                                     "prevention duties ending with homelessness prevented"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation", "TA per 1,000 households"],
    "relet_days": ["re-let times", "average days to relet council homes", "void turnaround times"],
    "council_tax_collection": ["council tax collection rate", "ctax collected in year"],
    "business_rates_collection": ["business rates collection", "NNDR collection rate"],
    "complaints_in_time": ["complaints answered in time", "complaint response times"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage two complaints"],
    "sickness_absence_days": ["sickness absence", "days lost to sickness per FTE"],
    "staff_turnover": ["staff turnover", "turnover of our staff"],
    "dfg_within_26_weeks": ["DFGs completed within 26 weeks", "disabled facilities grants done in 26 weeks"],
    "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1,000 people"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure visits per 1,000 population"],
}

MEASURES = {"oflog": OFLOG_MEASURES, "lgbf": LGBF_MEASURES, "sample": SAMPLE_MEASURES}

# Polarity-aware adjectives for ranking questions, per indicator: (word meaning best, word meaning worst)
RANK_WORDS = {
    "higher": ("highest", "lowest"),
    "lower": ("lowest", "highest"),
}

# --- services for overviews -----------------------------------------------------------------------------------
OFLOG_SERVICE = ["adult social care", "adult social care services", "ASC", "adults' social care",
                 "social care for adults"]
LGBF_SERVICES = {
    "Children's Services": ["children's services", "education and children's services", "childrens services",
                            "schools and children's services"],
    "Adult Social Care Services": ["adult social care", "social work services for adults", "adult social work"],
    "Environmental Services": ["environmental services", "environment services"],
    "Culture & Leisure Services": ["culture and leisure", "culture & leisure services", "leisure and culture"],
    "Housing Services": ["housing", "housing services", "council housing"],
    "Corporate Services": ["corporate services", "corporate and support services"],
    "Economic Development": ["economic development", "econ dev"],
    "Financial Sustainability": ["financial sustainability", "financial resilience"],
    "Tackling Climate Change": ["climate change", "tackling climate change", "climate and emissions"],
}
SAMPLE_GROUPS = {
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"],
              ["waste", "waste and recycling", "bins and waste", "waste services"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"],
                 ["planning", "planning services", "development management"]),
    "homelessness": (["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
                     ["homelessness services", "homelessness and housing options"]),
    "revenues": (["council_tax_collection", "business_rates_collection"],
                 ["revenues", "revs", "revenues services"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"],
                   ["complaints handling", "complaints and escalations"]),
    "workforce": (["sickness_absence_days", "staff_turnover"],
                  ["workforce", "HR and workforce", "staffing"]),
}

# --- council name forms ---------------------------------------------------------------------------------------
OFLOG_FORMS = {
    "Derby": ["Derby City Council", "derby city council"],
    "Leicester": ["Leicester City Council", "leicester city council"],
    "Nottingham": ["Nottingham City Council", "nottingham city council"],
    "Bedford": ["Bedford Borough Council", "bedford borough council"],
    "Kingston Upon Hull": ["Hull", "Hull City Council", "Kingston upon Hull"],
    "St. Helens": ["St Helens", "st helens council"],
    "Stoke-on-Trent": ["Stoke", "stoke on trent", "Stoke-on-Trent City Council"],
    "Southend-on-Sea": ["Southend", "southend on sea", "Southend-on-Sea City Council"],
    "Stockton-on-Tees": ["Stockton-on-Tees", "stockton on tees", "Stockton-on-Tees Borough Council"],
    "Bath and North East Somerset": ["B&NES", "BANES", "Bath & NE Somerset"],
    "Cheshire West and Chester": ["CWaC", "Cheshire West", "cheshire west & chester"],
    "Blackburn with Darwen": ["Blackburn with Darwen", "blackburn w darwen", "BwD"],
    "Redcar and Cleveland": ["Redcar & Cleveland", "Redcar", "redcar and cleveland council"],
    "Telford and Wrekin": ["Telford", "Telford & Wrekin", "telford and wrekin council"],
    "County Durham": ["Durham County Council", "durham cc", "Co Durham"],
    "Bristol": ["Bristol City Council", "bristol city", "Bristol CC"],
    "Milton Keynes": ["Milton Keynes City Council", "MK council", "milton keynes"],
    "North East Lincolnshire": ["NE Lincs", "North East Lincs", "NELC"],
    "North Lincolnshire": ["N Lincs", "North Lincs council"],
    "Lincolnshire": ["Lincs County Council", "Lincolnshire CC", "lincolnshire county council"],
    "Nottinghamshire": ["Notts County Council", "Notts CC", "nottinghamshire"],
    "Leicestershire": ["Leics County Council", "Leicestershire CC", "leicestershire"],
    "Gloucestershire": ["Glos County Council", "Gloucestershire CC", "gloucestershire county"],
    "Hertfordshire": ["Herts", "Herts CC", "Hertfordshire County Council"],
    "Cambridgeshire": ["Cambs County Council", "cambridgeshire cc", "Cambridgeshire"],
    "Oxfordshire": ["Oxon", "Oxfordshire County Council", "oxfordshire cc"],
    "Worcestershire": ["Worcs", "Worcestershire County Council"],
    "Staffordshire": ["Staffs", "Staffs CC", "staffordshire county council"],
    "Warwickshire": ["Warks", "Warwickshire County Council", "warwickshire cc"],
    "Lancashire": ["Lancs", "Lancs CC", "Lancashire County Council"],
    "North Yorkshire": ["N Yorks", "North Yorks", "NYCC", "North Yorkshire Council"],
    "East Sussex": ["ESCC", "E Sussex", "East Sussex County Council"],
    "West Sussex": ["WSCC", "W Sussex", "West Sussex County Council"],
    "Derbyshire": ["Derbyshire County Council", "Derbys CC", "derbyshire"],
    "Hampshire": ["Hants", "Hampshire County Council", "hants cc"],
    "Barking and Dagenham": ["Barking & Dagenham", "LBBD", "barking and dagenham"],
    "Kensington and Chelsea": ["RBKC", "Kensington & Chelsea", "the Royal Borough of Kensington and Chelsea"],
    "Hammersmith and Fulham": ["H&F", "LBHF", "Hammersmith & Fulham"],
    "Tower Hamlets": ["LBTH", "Tower Hamlets", "tower hamlets council"],
    "Waltham Forest": ["LBWF", "waltham forest"],
    "Richmond upon Thames": ["Richmond upon Thames", "LB Richmond upon Thames"],
    "Kingston upon Thames": ["Kingston upon Thames", "RB Kingston upon Thames"],
    "Newcastle upon Tyne": ["Newcastle upon Tyne", "Newcastle City Council", "newcastle upon tyne council"],
    "Wolverhampton": ["City of Wolverhampton", "wolverhampton council"],
    "Westminster": ["Westminster City Council", "City of Westminster", "westminster"],
    "Greenwich": ["Royal Borough of Greenwich", "RB Greenwich", "greenwich"],
    "East Riding of Yorkshire": ["East Riding", "ERYC"],
}
# short forms that fit two councils; never produced (the brief's own list plus look-alikes)
AMBIGUOUS_SHORT = ["Kingston", "Richmond", "Bedford", "Leicester", "Derby", "Nottingham", "Aberdeen", "Newcastle",
                   "Lincs", "Northants", "Ayrshire", "Lothian", "Dunbartonshire", "Renfrew", "Lanarkshire"]

LGBF_FORMS = {
    "Aberdeen City": ["Aberdeen City Council", "aberdeen city"],
    "Aberdeenshire": ["Aberdeenshire Council", "aberdeenshire"],
    "Argyll & Bute": ["Argyll and Bute", "A&B council", "Argyll & Bute Council"],
    "Dumfries & Galloway": ["D&G", "Dumfries and Galloway", "Dumfries & Galloway Council", "dumfries and galloway"],
    "Dundee City": ["Dundee", "Dundee City Council", "dundee"],
    "Edinburgh City": ["Edinburgh", "City of Edinburgh", "CEC", "the City of Edinburgh Council"],
    "Glasgow City": ["Glasgow", "GCC", "Glasgow City Council", "glasgow"],
    "Eilean Siar": ["the Western Isles", "Comhairle nan Eilean Siar", "CnES", "Na h-Eileanan Siar"],
    "Orkney Islands": ["Orkney", "OIC", "Orkney Islands Council"],
    "Shetland Islands": ["Shetland", "Shetland Islands Council", "shetland council"],
    "Scottish Borders": ["the Borders", "Scottish Borders Council", "SBC", "scottish borders"],
    "Perth & Kinross": ["P&K", "Perth and Kinross", "PKC", "perth & kinross council"],
    "Clackmannanshire": ["Clacks", "Clackmannanshire Council", "clackmannanshire"],
    "East Renfrewshire": ["East Ren", "E Renfrewshire", "East Renfrewshire Council"],
    "East Dunbartonshire": ["East Dunbartonshire Council", "E Dunbartonshire", "east dunbartonshire"],
    "West Dunbartonshire": ["West Dunbartonshire Council", "W Dunbartonshire", "west dunbartonshire"],
    "North Lanarkshire": ["N Lanarkshire", "NLC", "North Lanarkshire Council"],
    "South Lanarkshire": ["S Lanarkshire", "SLC", "South Lanarkshire Council"],
    "North Ayrshire": ["N Ayrshire", "North Ayrshire Council", "north ayrshire"],
    "South Ayrshire": ["S Ayrshire", "South Ayrshire Council", "south ayrshire"],
    "East Ayrshire": ["E Ayrshire", "East Ayrshire Council", "east ayrshire"],
    "East Lothian": ["E Lothian", "East Lothian Council", "east lothian"],
    "West Lothian": ["W Lothian", "West Lothian Council", "west lothian"],
    "Midlothian": ["Midlothian Council", "midlothian"],
    "Highland": ["Highland Council", "the Highland Council", "highland"],
    "Renfrewshire": ["Renfrewshire Council", "renfrewshire"],
    "Inverclyde": ["Inverclyde Council", "inverclyde"],
    "Falkirk": ["Falkirk Council", "falkirk"],
    "Fife": ["Fife Council", "fife"],
    "Moray": ["Moray Council", "the Moray Council", "moray"],
    "Angus": ["Angus Council", "angus"],
    "Stirling": ["Stirling Council", "stirling"],
}


def lev(a: str, b: str) -> int:
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


SUFFIX_WORDS = {"council", "district", "borough", "county", "city", "islands"}


def typo_forms(name: str, others: list[str]) -> list[str]:
    """One-letter typos (deletion or doubled letter) inside the distinctive words of a name, kept only when the
    nearest other council name is at least 4 edits away."""
    out = []
    words = name.split(" ")
    for wi, w in enumerate(words):
        if len(w) < 6 or w.lower() in SUFFIX_WORDS:
            continue
        for i in range(2, len(w) - 1):
            if not w[i].isalpha():
                continue
            for cw in (w[:i] + w[i + 1:], w[:i] + w[i] + w[i:]):
                cand = " ".join(words[:wi] + [cw] + words[wi + 1:])
                if lev(cand, name) != 1:
                    continue
                if all(lev(cand, o) >= 4 for o in others if o.lower() != name.lower()):
                    out.append(cand)
    return sorted(set(out))


def name_forms(ds_key: str, name: str, entity: str, others: list[str]) -> tuple[list[str], list[str]]:
    """(forms, typos): ways officers write a council's name; each fits only that council."""
    ambiguous = {a.lower() for a in AMBIGUOUS_SHORT}
    if name.lower() in ambiguous:
        return list(OFLOG_FORMS.get(name, [])), []
    forms = [name, name.lower()]
    if ds_key == "oflog":
        forms += OFLOG_FORMS.get(name, [])
        plain = name.replace("St. ", "St ")
        if entity == "Counties":
            forms += [f"{plain} County Council", f"{plain} CC"]
        elif entity == "London Boroughs" and name not in ("Westminster", "Kensington and Chelsea",
                                                           "Kingston upon Thames", "Greenwich"):
            forms += [f"LB {plain}", f"the London Borough of {plain}", f"{plain} Council"]
        elif name != "County Durham":
            forms += [f"{plain} Council"]
        if "and" in name.split():
            forms.append(name.replace(" and ", " & "))
    elif ds_key == "lgbf":
        forms += LGBF_FORMS.get(name, [])
        if "&" in name:
            forms.append(name.replace("&", "and"))
    else:
        short = name.replace(" District Council", "").replace(" Borough Council", "")
        kind = "DC" if "District" in name else "BC"
        forms += [short, short.lower(), f"{short} {kind}", f"{short} council"]
    forms = [f for f in forms if f.strip().lower() not in ambiguous]
    seen, out = set(), []
    for f in forms:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out, typo_forms(name, others)


# --- periods written many ways ------------------------------------------------------------------------------
NUM_WORDS = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
             16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 21: "twenty-one",
             22: "twenty-two", 23: "twenty-three", 24: "twenty-four", 25: "twenty-five"}


def year_text(rng: random.Random, start: int, allow_bare: bool = True) -> str:
    e = start + 1
    opts = [f"{start}/{e % 100:02d}", f"{start}-{e % 100:02d}", f"{start}-{e}", f"FY{start % 100:02d}/{e % 100:02d}",
            f"{start}/{e}", f"{start}/{e % 100:02d}", f"FY {start}-{e % 100:02d}"]
    if allow_bare:
        opts.append(f"{start}")
    if start % 100 < 20 and e % 100 in NUM_WORDS and rng.random() < 0.08:
        return f"twenty {NUM_WORDS[start % 100]}-{NUM_WORDS[e % 100]}"
    return rng.choice(opts)


def quarter_text(rng: random.Random, start: int, q: int) -> str:
    e = start + 1
    yy = rng.choice([f"{start}/{e % 100:02d}", f"{start}-{e % 100:02d}", f"FY{start % 100:02d}/{e % 100:02d}"])
    nth = {1: "first", 2: "second", 3: "third", 4: "fourth"}[q]
    return rng.choice([f"Q{q} {yy}", f"{yy} Q{q}", f"Q{q} of {yy}", f"the {nth} quarter of {yy}"])


# --- casual noise ---------------------------------------------------------------------------------------------
PREFIXES = ["", "", "", "", "hi - ", "quick one: ", "morning, ", "hiya ", "sorry to bother you, ", "@bot ",
            "prepping pre-scrutiny: ", "for the briefing note - ", "q from the chair: ", "hello! "]
SUFFIXES = ["", "", "", "", " thanks", " pls", " ta", " please", " - for thursday's committee",
            " (for the pre-scrutiny meeting)", " for the chair's briefing", ", cheers", " asap if poss",
            " - need it for the scrutiny pack", " thx"]
SWAPS = [("what is ", "whats "), ("What is ", "Whats "), ("what's ", "whats "), ("What's ", "whats "),
         ("how is ", "hows "), ("How is ", "hows "), ("how's ", "hows "), ("How's ", "hows "),
         ("are we ", "r we "), ("Are we ", "r we "), ("please", "pls"), ("you ", "u "), ("doing ", "doin "),
         ("going ", "goin "), (" and ", " & ")]


def casual(rng: random.Random, text: str, prefix: bool = True) -> str:
    """Slack-style noise on template words: lower case, shortenings, missing apostrophes, framing."""
    t = text
    for a, b in SWAPS:
        if a in t and rng.random() < 0.3:
            t = t.replace(a, b, 1)
    if rng.random() < 0.15:
        t = t.replace("'", "")
    if prefix:
        t = rng.choice(PREFIXES) + t
        suf = rng.choice(SUFFIXES)
        low = t.lower()
        if any(w in low and w in suf for w in ("pls", "please", "briefing", "scrutiny", "committee", "thanks")):
            suf = ""
        if suf:
            t = t.rstrip("?") + suf + ("?" if t.endswith("?") and rng.random() < 0.5 else "")
    if rng.random() < 0.3:
        t = t.lower()
    elif t and rng.random() < 0.8:
        t = t[0].upper() + t[1:]
    if rng.random() < 0.2:
        t = t.rstrip("?")
    return t.strip()
