"""Wording for blind set 20: measure phrases, council name forms and year phrases, written by hand
for a Slack channel in a meeting break. Nothing here holds a figure."""
from __future__ import annotations

# ------------------------------------------------------------------ measures
OFLOG_M = {
    "ASC1": ["carer quality of life", "carer reported quality of life", "carers qol", "asc1 carer qol",
             "quality of life for carers"],
    "ASC2": ["social care related quality of life", "service user quality of life", "asc2 quality of life",
             "care users quality of life score", "qol for people using care and support"],
    "ASC3": ["service users finding info about services", "ease of finding info for service users",
             "asc3 ease of finding information", "ease of finding info - service users"],
    "ASC4": ["carers finding info about support", "ease of finding info for carers",
             "ease of finding information about support for carers", "asc4 carers info"],
    "ASC5": ["short term services outcome", "reablement outcome", "asc5 short-term services",
             "short term support sequel", "people needing no ongoing support after short term services"],
    "ASC6": ["requests resulting in a service", "asc6 requests resulting in services",
             "new requests that end up with a service", "support requests resulting in a service"],
    "ASC7": ["care workforce turnover", "social care staff turnover", "asc7 turnover",
             "adult social care workforce turnover rate", "care staff turnover rate"],
}

LGBF_M = {
    "ENV06": ["recycling rate", "household waste recycled %", "% of household waste recycled", "recyling rate"],
    "ENV01a": ["waste collection cost per premises", "bin collection cost per premises",
               "net cost of waste collection per premise"],
    "ENV02a": ["waste disposal cost per premises", "net cost of waste disposal per premises"],
    "ENV03a": ["street cleaning cost per 1000 pop", "cost of street cleaning per 1,000 population"],
    "ENV03c": ["street cleanliness score", "street cleanliness % acceptable"],
    "ENV04a": ["roads cost per km", "cost per kilometre of roads"],
    "C&L01": ["cost per attendance at sports facilities", "sports facilities cost per attendance"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L04": ["parks and open spaces cost per 1000 pop", "cost of parks per 1,000 population"],
    "CORP07": ["council tax collection rate", "% of council tax received by year end", "ctax collected in year"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP08": ["invoices paid within 30 days", "% invoices paid in 30 days", "prompt payment of invoices"],
    "CORP06a": ["teacher sickness days", "sickness absence days per teacher"],
    "CORP06b": ["non teacher sickness absence", "sickness days per employee (non-teacher)",
                "non-teaching staff sickness days"],
    "CORP01": ["support services as % of gross spend", "support services share of total expenditure"],
    "CHN01": ["cost per primary pupil", "primary school cost per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN11": ["positive destinations", "school leavers into positive destinations",
              "% pupils entering positive destinations"],
    "CHN21": ["16-19 participation rate", "participation rate for 16 to 19 year olds"],
    "CHN24": ["child poverty after housing costs", "% of children living in poverty"],
    "CHN09": ["looked after children in the community %", "balance of care for lac"],
    "CHN22": ["child protection re-registrations within 18 months", "cp re-registrations"],
    "SW01": ["home care cost per hour for over 65s", "older peoples home care costs per hour"],
    "SW05": ["residential care cost per week for older people", "over 65 residential care costs per week"],
    "SW02": ["sds spend as % of adult social work spend", "self directed support spend share"],
    "SW03a": ["65+ with long term care needs getting personal care at home",
              "% of older people with long term needs cared for at home"],
    "SW06": ["hospital readmissions within 28 days", "28 day readmission rate"],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "SW08": ["delayed discharge days 75+", "days people spend in hospital when ready to go home (75+)"],
    "HSN01b": ["rent arrears", "gross rent arrears as % of rent due"],
    "HSN02": ["rent lost to voids", "% of rent lost through voids"],
    "HSN03": ["shqs compliance", "% of dwellings meeting shqs"],
    "HSN04b": ["non emergency repairs time", "avg days to complete non-emergency repairs"],
    "HSN05a": ["energy efficient council homes %", "% of council dwellings that are energy efficient"],
    "ECON05": ["business gateway start ups per 10k", "business gateway startups"],
    "ECON08": ["superfast broadband coverage", "% properties with superfast broadband"],
    "ECON09": ["town vacancy rate", "town centre vacancy rates"],
    "ECON07": ["% earning less than the living wage", "people paid below the living wage"],
    "ECON12a": ["claimant count (working age)", "working age claimant count %"],
    "ECON11": ["gva per head", "gross value added per capita"],
    "ECON03": ["time per commercial planning application", "avg weeks per commercial planning app"],
    "FINSUS01": ["usable reserves as % of budget", "total useable reserves %"],
    "FINSUS02": ["uncommitted general fund balance", "uncommitted gf balance as % of budget"],
    "CLIM03": ["transport co2 emissions per head", "co2 from transport per capita"],
    "CORP03c": ["gender pay gap", "the gender pay gap %"],
}

SAMPLE_M = {
    "household_recycling_rate": ["recycling rate", "household recycling %", "recyling rate", "recycling"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": ["waste collection cost per household",
                                            "cost of bin collection per household"],
    "planning_major_in_time": ["major planning apps in time", "majors decided in time",
                               "major applications decided on time"],
    "planning_minor_in_time": ["minor planning apps in time", "minors decided in time"],
    "homelessness_prevention_rate": ["homelessness prevention rate", "homeless prevention"],
    "temporary_accommodation_per_1000": ["temporary accommodation", "households in TA per 1000",
                                         "TA per 1,000 households"],
    "relet_days": ["relet times", "void relet days", "avg days to re-let"],
    "council_tax_collection": ["council tax collection", "ctax collection rate"],
    "business_rates_collection": ["business rates collection", "nndr collection"],
    "complaints_in_time": ["complaints answered in time", "complaints responded to on time"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2s"],
    "sickness_absence_days": ["sickness absence", "days lost to sickness per fte", "staff sickness"],
    "staff_turnover": ["staff turnover", "turnover"],
    "dfg_within_26_weeks": ["dfgs within 26 wks", "disabled facilities grants done in 26 weeks"],
    "fly_tipping_per_1000": ["fly tipping", "fly-tipping per 1000"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure visits per 1k"],
}

MEASURES = {"oflog": OFLOG_M, "lgbf": LGBF_M, "sample": SAMPLE_M}

# words people use for "worse/better" in a ranking, by polarity
# ------------------------------------------------------------------ services for overview
OFLOG_SERVICES = ["adult social care", "asc", "adult care", "adult social care services"]
LGBF_SERVICES = {
    "Housing Services": ["housing", "council housing", "housing services"],
    "Adult Social Care Services": ["adult social care", "social care for adults", "adult social work"],
    "Economic Development": ["economic development", "econ development"],
    "Financial Sustainability": ["financial sustainability", "financial sustainability indicators"],
    "Tackling Climate Change": ["climate change", "the climate change indicators"],
    "Corporate Services": ["corporate services", "corporate indicators"],
}
SAMPLE_SERVICES = {
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"], ["waste", "waste services", "waste and bins"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"], ["planning", "planning performance"]),
    "homelessness": (["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
                     ["homelessness", "homelessness services"]),
    "revenues": (["council_tax_collection", "business_rates_collection"], ["revenues", "revenues performance"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"], ["complaints", "complaints handling"]),
    "workforce": (["sickness_absence_days", "staff_turnover"], ["workforce", "hr and workforce"]),
}

# ------------------------------------------------------------------ councils
OFLOG_SHORT = {
    "E06000022": ["b&nes", "banes", "bath & ne somerset"],
    "E06000008": ["blackburn", "blackburn w darwen"],
    "E09000020": ["rbkc", "k&c", "kensington & chelsea"],
    "E09000013": ["h&f", "lbhf", "hammersmith & fulham"],
    "E06000050": ["cwac", "cheshire west"],
    "E06000012": ["ne lincs", "north east lincs"],
    "E06000013": ["n lincs", "north lincs"],
    "E06000010": ["hull", "hull city council"],
    "E06000021": ["stoke", "stoke on trent"],
    "E06000033": ["southend", "southend council"],
    "E06000003": ["redcar", "redcar & cleveland"],
    "E08000013": ["st helens", "st helens council"],
    "E06000020": ["telford", "telford & wrekin"],
    "E06000025": ["s glos", "south glos"],
    "E06000047": ["durham county council", "co durham"],
    "E06000023": ["bristol", "bristol city council"],
    "E06000042": ["mk", "milton keynes council"],
    "E10000023": ["n yorks", "north yorks"],
    "E10000018": ["leics cc", "leicestershire cc"],
    "E10000024": ["notts cc", "notts county council"],
    "E10000007": ["derbyshire cc", "derbyshire county"],
    "E10000019": ["lincs cc", "lincolnshire cc"],
    "E10000014": ["hants", "hants cc"],
    "E10000015": ["herts", "herts cc"],
    "E10000013": ["glos cc", "gloucestershire cc"],
    "E10000025": ["oxon", "oxfordshire cc"],
    "E10000034": ["worcs", "worcs cc"],
    "E10000031": ["warks", "warwickshire cc"],
    "E10000028": ["staffs", "staffs cc"],
    "E10000003": ["cambs", "cambs cc"],
    "E10000017": ["lancs", "lancs cc"],
    "E10000032": ["w sussex", "wscc"],
    "E10000011": ["e sussex", "escc"],
    "E06000004": ["stockton", "stockton council"],
    "E08000021": ["newcastle city council", "newcastle upon tyne council"],
    "E09000030": ["tower hamlets", "lbth"],
    "E09000002": ["barking & dagenham", "lbbd"],
    "E06000016": ["leicester city council", "leicester city"],
    "E06000015": ["derby city council", "derby city"],
    "E06000018": ["nottingham city council", "nottingham city"],
    "E06000055": ["bedford borough council", "bedford borough"],
    "E09000021": ["royal borough of kingston", "kingston upon thames council"],
    "E09000027": ["lb richmond", "richmond upon thames council"],
    "E06000014": ["york", "city of york council"],
    "E08000025": ["brum", "birmingham city council"],
    "E08000035": ["leeds city council", "leeds cc"],
    "E08000003": ["manchester city council", "manc city council"],
    "E06000049": ["cheshire east council", "ches east"],
    "E06000007": ["warrington council", "warrington bc"],
    "E08000032": ["bradford council", "bradford mdc"],
    "E10000030": ["surrey cc", "surrey county council"],
    "E10000016": ["kent cc", "kcc"],
    "E10000012": ["essex cc", "ecc"],
}
# plain names never used alone (they fit two councils)
OFLOG_NO_PLAIN = {"E06000016", "E06000015", "E06000018", "E06000055", "E09000021", "E09000027",
                  "E06000010", "E08000021"}

LGBF_SHORT = {
    "S-dumfries-and-galloway": ["d&g", "dumfries and galloway council", "d and g"],
    "S-perth-and-kinross": ["p&k", "pkc", "perth and kinross council"],
    "S-argyll-and-bute": ["argyll", "a&b", "argyll and bute council"],
    "S-scottish-borders": ["the borders", "borders council", "scot borders"],
    "S-clackmannanshire": ["clacks", "clackmannanshire council"],
    "S-east-dunbartonshire": ["east dunbarton", "e dunbartonshire"],
    "S-west-dunbartonshire": ["west dunbarton", "w dunbartonshire"],
    "S-edinburgh-city": ["edinburgh", "city of edinburgh council", "cec"],
    "S-glasgow-city": ["glasgow", "glasgow city council", "gcc"],
    "S-dundee-city": ["dundee", "dundee city council"],
    "S-aberdeen-city": ["aberdeen city council", "aberdeen city"],
    "S-eilean-siar": ["western isles", "comhairle nan eilean siar", "cnes"],
    "S-orkney-islands": ["orkney", "orkney islands council"],
    "S-shetland-islands": ["shetland", "shetland islands council"],
    "S-north-lanarkshire": ["n lanarkshire", "north lanarks", "nlc"],
    "S-south-lanarkshire": ["s lanarkshire", "south lanarks", "slc"],
    "S-east-ayrshire": ["e ayrshire", "east ayrshire council"],
    "S-north-ayrshire": ["n ayrshire", "north ayrshire council"],
    "S-south-ayrshire": ["s ayrshire", "south ayrshire council"],
    "S-east-renfrewshire": ["east ren", "e renfrewshire"],
    "S-renfrewshire": ["renfrewshire council"],
    "S-west-lothian": ["w lothian", "west lothian council"],
    "S-east-lothian": ["e lothian", "east lothian council"],
    "S-highland": ["the highland council", "highland council"],
    "S-fife": ["fife council"],
    "S-aberdeenshire": ["aberdeenshire council"],
    "S-moray": ["moray council"],
    "S-angus": ["angus council"],
    "S-falkirk": ["falkirk council"],
    "S-stirling": ["stirling council"],
    "S-inverclyde": ["inverclyde council"],
    "S-midlothian": ["midlothian council"],
}

SAMPLE_SHORT_SUFFIX = {"District Council": "dc", "Borough Council": "bc"}

# ------------------------------------------------------------------ years
WORDS = {2015: "fifteen", 2016: "sixteen", 2017: "seventeen", 2018: "eighteen", 2019: "nineteen",
         2020: "twenty", 2021: "twenty one", 2022: "twenty two", 2023: "twenty three", 2024: "twenty four"}


def year_phrase(rng, p, styles=None):
    y = int(p[:4])
    opts = ["slash", "dash", "long", "fy", "short", "bare"]
    if y in WORDS and y + 1 in WORDS:
        opts.append("words")
    if styles:
        opts = [o for o in opts if o in styles]
    s = rng.choice(opts)
    if s == "slash":
        return f"{y}/{(y + 1) % 100:02d}"
    if s == "dash":
        return p
    if s == "long":
        return f"{y}-{y + 1}"
    if s == "fy":
        return rng.choice(["fy", "FY"]) + f"{y % 100:02d}/{(y + 1) % 100:02d}"
    if s == "short":
        return f"{y % 100:02d}/{(y + 1) % 100:02d}"
    if s == "bare":
        return str(y)
    return f"twenty {WORDS[y]}-{WORDS[y + 1]}".replace("twenty twenty-", "twenty twenty-")


NUM_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 10: "ten"}

CONTEXT_PRE = ["quick one -", "for thurs cttee:", "in the break -", "sorry to bug,", "chair asking:",
               "need this for the pre-meet", "hi bot", "before we go back in -", "cllr patel wants to know",
               "for the briefing note:", "q from the floor:", "hiya", "ok next one"]
CONTEXT_POST = ["pls", "thx", "ta", "asap pls", "for thursdays cttee", "for the pack", "cheers", "please",
                "for tonights meeting"]
