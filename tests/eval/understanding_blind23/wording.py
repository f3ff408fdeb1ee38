"""Wording for set 23: measure phrases, council name forms, period phrases. Readings are never typed here."""

from __future__ import annotations

import random

# ---------------------------------------------------------------- measures
OFLOG_MEASURES = {
    "ASC1": ["carer-reported quality of life", "the carer-reported quality of life score",
             "the quality of life score reported by carers", "carers' quality of life"],
    "ASC2": ["social care-related quality of life for people who use services",
             "the social care-related quality of life score of service users",
             "service users' social care-related quality of life"],
    "ASC3": ["the proportion of service users who find it easy to find information about services",
             "service users' ease of finding information about services",
             "ease of finding information about services for service users"],
    "ASC4": ["the proportion of carers who find it easy to find information about support",
             "carers' ease of finding information about support",
             "ease of finding information about support for carers"],
    "ASC5": ["the outcome of short-term services (sequel to service)",
             "the proportion of people with no ongoing need for support after short-term services",
             "outcomes of short-term services - the sequel to service measure"],
    "ASC6": ["the proportion of requests for adult social care support that resulted in a service",
             "requests for support resulting in a service",
             "the share of new requests for support that led to a service being provided"],
    "ASC7": ["adult social care workforce turnover", "the turnover rate of the adult social care workforce",
             "staff turnover in adult social care", "care workforce turnover"],
}

LGBF_MEASURES = {
    "ENV01a": ["the net cost of waste collection per premises", "waste collection costs per premises"],
    "ENV02a": ["the net cost of waste disposal per premises", "waste disposal costs per premises"],
    "ENV06": ["the percentage of household waste that is recycled", "the household waste recycling rate"],
    "ENV03a": ["the net cost of street cleaning per 1,000 population", "street cleaning costs per 1,000 residents"],
    "ENV03c": ["the street cleanliness score", "the percentage of streets assessed as acceptably clean"],
    "ENV04a": ["the cost per kilometre of roads", "road maintenance spending per kilometre of road"],
    "C&L01": ["the cost per attendance at sports facilities", "the cost of each visit to council sports facilities"],
    "C&L02": ["the cost per library visit", "library costs per visit"],
    "C&L03": ["the cost of museums per visit", "museum costs per visit"],
    "C&L04": ["the cost of parks and open spaces per 1,000 population",
              "spending on parks and open spaces per 1,000 residents"],
    "ECON05": ["Business Gateway start-ups per 10,000 population", "the number of Business Gateway start-ups per 10k"],
    "ECON08": ["the percentage of properties receiving superfast broadband", "superfast broadband coverage"],
    "ECON09": ["the town vacancy rate", "town centre vacancy rates"],
    "CORP04": ["the cost of collecting council tax per dwelling", "council tax collection costs per dwelling"],
    "CORP07": ["the percentage of council tax income received by the end of the year",
               "in-year council tax collection (income received by year end)"],
    "CORP08": ["the percentage of invoices paid within 30 days", "prompt payment of invoices within 30 days"],
    "CORP06a": ["sickness absence days per teacher", "teacher sickness absence"],
    "CORP06b": ["sickness absence days per non-teaching employee", "sickness absence among non-teaching staff"],
    "CORP03c": ["the gender pay gap", "the gender pay gap across the council workforce"],
    "CHN01": ["the cost per primary school pupil", "spending per primary pupil"],
    "CHN02": ["the cost per secondary school pupil", "spending per secondary pupil"],
    "CHN11": ["the percentage of pupils entering positive destinations", "positive destinations for school leavers"],
    "CHN09": ["the balance of care for looked after children (the share looked after in the community)",
              "the percentage of looked after children cared for in the community"],
    "CHN24": ["the percentage of children living in poverty after housing costs", "child poverty after housing costs"],
    "SW01": ["home care costs per hour for people aged 65 and over", "the hourly cost of home care for older people"],
    "SW05": ["residential care costs per week for older people", "the weekly cost of residential care for over-65s"],
    "SW06": ["the rate of readmission to hospital within 28 days", "28-day hospital readmissions per 1,000 discharges"],
    "SW07": ["the percentage of care services graded good or better", "care services graded good or better"],
    "SW08": ["days spent in hospital by people aged 75+ who are ready to be discharged",
             "delayed discharge bed days for the over-75s"],
    "HSN02": ["the percentage of rent lost through voids", "rent lost to empty council homes"],
    "HSN04b": ["the average time taken to complete non-emergency repairs", "non-emergency repair times"],
    "HSN03": ["the percentage of council dwellings meeting the Scottish Housing Quality Standard",
              "SHQS compliance"],
    "HSN01b": ["gross rent arrears as a percentage of rent due", "tenants' gross rent arrears"],
    "FINSUS02": ["the uncommitted general fund balance as a percentage of budgeted net revenue",
                 "uncommitted general fund reserves"],
    "ECON12a": ["the claimant count as a percentage of the working-age population",
                "the claimant count rate for working-age residents"],
}

SAMPLE_MEASURES = {
    "household_recycling_rate": ["the household recycling rate",
                                 "the percentage of household waste sent for reuse, recycling and composting"],
    "missed_bins_per_100k": ["missed bin collections per 100,000 collections", "missed bins"],
    "residual_waste_per_household": ["residual household waste per household",
                                     "kilograms of residual waste per household"],
    "waste_collection_cost_per_household": ["the net cost of waste collection per household",
                                            "waste collection costs per household"],
    "planning_major_in_time": ["the percentage of major planning applications decided in time",
                               "speed of major planning decisions"],
    "planning_minor_in_time": ["the percentage of minor planning applications decided in time",
                               "minor planning applications determined in time"],
    "homelessness_prevention_rate": ["the homelessness prevention rate",
                                     "prevention duties ended with homelessness prevented"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation per 1,000 households",
                                         "the use of temporary accommodation"],
    "relet_days": ["average re-let times for council homes", "the average number of days to re-let council homes"],
    "council_tax_collection": ["in-year council tax collection", "the council tax collection rate"],
    "business_rates_collection": ["business rates collection", "the NNDR collection rate"],
    "complaints_in_time": ["complaints responded to within target time", "the timeliness of complaint responses"],
    "stage2_complaints_upheld": ["the percentage of stage 2 complaints upheld", "upheld stage 2 complaints"],
    "sickness_absence_days": ["working days lost to sickness absence per FTE", "staff sickness absence"],
    "staff_turnover": ["staff turnover", "the staff turnover rate"],
    "dfg_within_26_weeks": ["disabled facilities grants completed within 26 weeks", "DFG completions within 26 weeks"],
    "fly_tipping_per_1000": ["fly-tipping incidents per 1,000 population", "fly-tipping"],
    "leisure_visits_per_1000": ["visits to council leisure centres per 1,000 population", "leisure centre visits"],
}

SAMPLE_SERVICES = {
    "waste": (["waste", "waste and recycling services", "bin collections and waste"],
              ["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"]),
    "planning": (["planning", "the planning service", "development management"],
                 ["planning_major_in_time", "planning_minor_in_time"]),
    "homelessness": (["homelessness", "homelessness services"],
                     ["homelessness_prevention_rate", "temporary_accommodation_per_1000"]),
    "revenues": (["revenues", "revenues and collection", "council tax and business rates collection"],
                 ["council_tax_collection", "business_rates_collection"]),
    "complaints": (["complaints", "complaints handling"], ["complaints_in_time", "stage2_complaints_upheld"]),
    "workforce": (["the workforce", "workforce measures", "HR and workforce"],
                  ["sickness_absence_days", "staff_turnover"]),
}

LGBF_SERVICES = {
    "Children's Services": ["children's services", "education and children's services"],
    "Adult Social Care Services": ["adult social care", "adult social work services"],
    "Environmental Services": ["environmental services", "environmental services such as waste, roads and streets"],
    "Culture & Leisure Services": ["culture and leisure", "culture and leisure services"],
    "Housing Services": ["housing services", "council housing"],
    "Corporate Services": ["corporate services"],
    "Economic Development": ["economic development"],
    "Financial Sustainability": ["financial sustainability"],
}

# ---------------------------------------------------------------- councils
CITY = {"Birmingham", "Bradford", "Bristol", "Coventry", "Derby", "Kingston Upon Hull", "Leeds", "Leicester",
        "Liverpool", "Manchester", "Newcastle upon Tyne", "Nottingham", "Peterborough", "Plymouth", "Portsmouth",
        "Salford", "Sheffield", "Southampton", "Stoke-on-Trent", "Sunderland", "Wakefield", "Westminster", "York"}
ROYAL = {"Kensington and Chelsea", "Greenwich", "Kingston upon Thames", "Windsor and Maidenhead"}
# plain names never used alone: they fit two councils
NO_PLAIN = {"Kingston upon Thames", "Richmond upon Thames", "Bedford", "Leicester", "Derby", "Nottingham",
            "Kingston Upon Hull", "Newcastle upon Tyne", "Aberdeen City", "Edinburgh City", "Glasgow City",
            "Dundee City", "County Durham"}
OFLOG_SHORT = {
    "Kingston Upon Hull": ["Hull", "Hull City Council"], "Bath and North East Somerset": ["B&NES", "BANES"],
    "Stoke-on-Trent": ["Stoke"], "Southend-on-Sea": ["Southend", "Southend-on-Sea City Council"],
    "Telford and Wrekin": ["Telford & Wrekin"], "Redcar and Cleveland": ["Redcar & Cleveland"],
    "Blackburn with Darwen": ["Blackburn with Darwen Borough Council"], "Hammersmith and Fulham": ["H&F", "LBHF"],
    "Kensington and Chelsea": ["RBKC"], "Newcastle upon Tyne": ["Newcastle City Council"],
    "St. Helens": ["St Helens", "St Helens Borough Council"], "Cheshire West and Chester": ["CWAC"],
    "Barking and Dagenham": ["Barking & Dagenham", "LBBD"], "County Durham": ["Durham County Council"],
    "Bedford": ["Bedford Borough Council"], "Tower Hamlets": ["LBTH"],
    "Stockton-on-Tees": ["Stockton"], "North East Lincolnshire": ["NE Lincs"],
    "Brighton and Hove": ["Brighton & Hove"],
}
LGBF_FORMAL = {
    "Edinburgh City": ["City of Edinburgh Council", "Edinburgh", "the City of Edinburgh Council"],
    "Glasgow City": ["Glasgow City Council", "Glasgow"], "Dundee City": ["Dundee City Council", "Dundee"],
    "Aberdeen City": ["Aberdeen City Council"], "Eilean Siar": ["Comhairle nan Eilean Siar", "the Western Isles",
                                                              "Eilean Siar"],
    "Orkney Islands": ["Orkney Islands Council", "Orkney"],
    "Shetland Islands": ["Shetland Islands Council", "Shetland"],
    "Highland": ["The Highland Council", "Highland Council"], "Scottish Borders": ["Scottish Borders Council",
                                                                                   "the Borders"],
    "Argyll & Bute": ["Argyll and Bute Council", "Argyll & Bute"], "Perth & Kinross": ["Perth and Kinross Council",
                                                                                       "P&K", "Perth & Kinross"],
    "Dumfries & Galloway": ["Dumfries and Galloway Council", "D&G", "Dumfries & Galloway"],
    "Clackmannanshire": ["Clackmannanshire Council", "Clacks"],
}


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def typo(rng: random.Random, name: str, all_names: list[str]) -> str | None:
    """One-letter typo, kept only when the intended name is the unique nearest by a clear margin (>= 3)."""
    if len(name) < 7 or not name.isascii():
        return None
    for _ in range(6):
        i = rng.randrange(1, len(name) - 1)
        if not name[i].isalpha():
            continue
        if rng.random() < 0.5:
            t = name[:i] + name[i + 1:]
        else:
            t = name[:i] + name[i] + name[i:]
        low = t.lower()
        if low == name.lower():
            continue
        others = [lev(low, o.lower()) for o in all_names if o.lower() != name.lower()]
        if min(others) >= 3:
            return t
    return None


def oflog_formal(name: str, etype: str) -> list[str]:
    if name in ROYAL:
        return [f"the Royal Borough of {name}", f"Royal Borough of {name}"]
    if name == "County Durham":
        return ["Durham County Council"]
    if name in CITY:
        base = "Hull" if name == "Kingston Upon Hull" else ("Newcastle" if name.startswith("Newcastle") else name)
        return [f"{base} City Council"]
    if etype == "Counties":
        return [f"{name} County Council"]
    if etype == "London Boroughs":
        return [f"the London Borough of {name}", f"London Borough of {name}", f"{name} Council"]
    if name == "Bedford":
        return ["Bedford Borough Council"]
    return [f"{name} Council"]


def council_form(rng: random.Random, dataset: str, name: str, etype: str, all_names: list[str],
                 style: str | None = None) -> tuple[str, str]:
    """A way of writing the council; returns (text, style)."""
    if dataset == "oflog":
        formal = oflog_formal(name, etype)
        short = OFLOG_SHORT.get(name, [])
    elif dataset == "lgbf":
        formal = LGBF_FORMAL.get(name, [f"{name} Council"])
        formal = [f for f in formal if f.endswith("Council") or f.startswith("Comhairle")] or [f"{name} Council"]
        short = [f for f in LGBF_FORMAL.get(name, []) if f not in formal]
    else:
        formal = [name]
        short = [name.replace(" District Council", "").replace(" Borough Council", "")]
    styles = ["formal"] * 5 + ["plain", "lower", "the"]
    if short:
        styles += ["short", "short"]
    if "and" in name.split() or "&" in name:
        styles.append("amp")
    styles.append("typo")
    style = style or rng.choice(styles)
    plain_ok = name not in NO_PLAIN and dataset != "sample"
    if style == "formal" or (style in ("plain", "lower", "the", "amp", "typo") and not plain_ok):
        text = rng.choice(formal)
        if style == "lower":
            text = text.lower()
        return text, "formal"
    if style == "plain":
        return name.replace("St. ", "St "), style
    if style == "lower":
        return name.lower().replace("st. ", "st "), style
    if style == "the":
        withthe = [f for f in formal + short if f.lower().startswith("the ")]
        return (rng.choice(withthe) if withthe else rng.choice(formal)), style
    if style == "short":
        return rng.choice(short), style
    if style == "amp":
        return (name.replace(" and ", " & ") if " and " in name else name.replace(" & ", " and ")), style
    t = typo(rng, name, all_names)
    if t is None:
        return rng.choice(formal), "formal"
    return t, "typo"


# ---------------------------------------------------------------- periods
def yy(y: int) -> str:
    return f"{(y + 1) % 100:02d}"


def year_text(rng: random.Random, y: int, formal_bias: bool = True) -> str:
    forms = [f"the financial year {y}/{yy(y)}", f"{y}/{yy(y)}", f"{y}-{yy(y)}", f"{y}/{y + 1}", f"{y}-{y + 1}",
             f"FY{y % 100:02d}/{yy(y)}", f"financial year {y}-{yy(y)}", f"{y}"]
    if formal_bias:
        forms += [f"the financial year {y}/{yy(y)}", f"{y}/{yy(y)}"]
    return rng.choice(forms)


def in_year(rng: random.Random, y: int) -> str:
    t = year_text(rng, y)
    return ("during " if t.startswith("the") and rng.random() < 0.4 else "in ") + t


def latest_text(rng: random.Random) -> str:
    return rng.choice(["", "", " currently", " at present", " in the most recent year available",
                       " at the moment", " now", " according to the latest published data"])


def quarter_text(rng: random.Random, y: int, q: int) -> str:
    ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth"}[q]
    return rng.choice([f"Q{q} {y}/{yy(y)}", f"{y}-{yy(y)} Q{q}", f"quarter {q} of {y}/{yy(y)}",
                       f"the {ordinal} quarter of {y}-{yy(y)}", f"Q{q} of the financial year {y}/{yy(y)}"])


def span_text(rng: random.Random, a: int, b: int) -> str:
    A, B = year_text(rng, a, False), year_text(rng, b, False)
    return rng.choice([f"between {A} and {B}", f"from {A} to {B}", f"over the period {A} to {B}",
                       f"between April {a} and March {b + 1}", f"{A} to {B}", f"{A} -> {B}",
                       f"between the financial years {a}/{yy(a)} and {b}/{yy(b)}"])


def since_text(rng: random.Random, a: int) -> str:
    return rng.choice([f"since {a}", f"since April {a}", f"since {a}", f"since the financial year {a}/{yy(a)}"])


def lastn_text(rng: random.Random, n: int, end: int | None) -> str:
    words = {2: "two", 3: "three", 4: "four", 5: "five"}
    w = rng.choice([words[n], str(n)])
    if end is not None:
        return rng.choice([f"in the {w} years to {end}/{yy(end)}", f"over the {w} years to {end}/{yy(end)}"])
    return rng.choice([f"over the last {w} years", f"over the past {w} years", f"in the last {w} years"])


NUM_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten"}


def num_text(rng: random.Random, n: int) -> str:
    return rng.choice([NUM_WORDS.get(n, str(n)), str(n)])


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]
