"""Wording for blind set 18: how people in councils actually name measures, councils and periods."""

# measure wording: each phrase names exactly one indicator of its dataset
OFLOG = {
    "ASC1": ["carer quality of life", "carers' quality of life", "quality of life for carers", "carer QoL score",
             "carer-reported quality of life"],
    "ASC2": ["social care related quality of life for service users", "service user quality of life",
             "quality of life of people using adult social care", "users' social care quality of life score"],
    "ASC3": ["service users finding it easy to get information about services",
             "ease of finding information about services (service users)",
             "% of service users who say info about services is easy to find"],
    "ASC4": ["carers finding it easy to get information about support",
             "ease of finding info about support for carers",
             "% of carers who find information about support easy to find"],
    "ASC5": ["outcome of short-term services", "short term services outcome (sequel to service)",
             "people needing no ongoing support after short-term services", "short-term support outcomes"],
    "ASC6": ["requests for support resulting in a service", "requests resulting in a service",
             "share of new requests that end in a service"],
    "ASC7": ["adult social care workforce turnover", "care workforce turnover rate", "social care staff turnover",
             "ASC workforce turnover"],
}

LGBF = {
    "ENV01a": ["net cost of waste collection per premises", "waste collection cost per premises",
               "bin collection cost per premise"],
    "ENV02a": ["waste disposal cost per premises", "net cost of waste disposal per premises"],
    "ENV06": ["recycling rate", "household waste recycled", "% of household waste recycled", "recycling"],
    "ENV03a": ["street cleaning cost per 1,000 population", "cost of street cleaning per 1000 people"],
    "ENV03c": ["street cleanliness score", "street cleanliness", "% of streets acceptably clean"],
    "ENV04a": ["cost per kilometre of roads", "roads cost per km", "road maintenance cost per kilometre"],
    "C&L01": ["cost per attendance at sports facilities", "sports facilities cost per attendance"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L03": ["cost of museums per visit", "museum cost per visit"],
    "C&L04": ["parks and open spaces cost per 1,000 population", "cost of parks & open spaces per 1000 pop"],
    "ECON05": ["business gateway start-ups per 10,000 population", "business gateway start ups"],
    "ECON08": ["superfast broadband coverage", "% of properties with superfast broadband"],
    "ECON09": ["town vacancy rate", "town centre vacancy rates"],
    "ECON03": ["average time per commercial planning application", "time to decide commercial planning applications"],
    "CORP04": ["cost of collecting council tax per dwelling", "council tax collection cost per dwelling"],
    "CORP07": ["council tax collection rate", "% of council tax received by the end of the year",
               "council tax collected in year"],
    "CORP08": ["invoices paid within 30 days", "% of invoices paid in 30 days", "prompt payment of invoices"],
    "CORP06a": ["teacher sickness absence", "sickness absence days per teacher", "teachers' sickness days"],
    "CORP06b": ["sickness absence days per non-teaching employee", "non-teacher sickness absence",
                "sickness days for non-teaching staff"],
    "HSN01b": ["rent arrears", "gross rent arrears as a % of rent due", "tenant rent arrears"],
    "HSN02": ["rent lost to voids", "% of rent lost through empty homes", "void rent loss"],
    "HSN04b": ["time to complete non-emergency repairs", "non-emergency repairs times",
               "days to do non-emergency repairs"],
    "HSN03": ["dwellings meeting SHQS", "% of council houses meeting the scottish housing quality standard"],
    "SW01": ["home care costs per hour for over 65s", "older people's home care cost per hour"],
    "SW05": ["residential care costs per week for older people", "care home costs per resident per week (65+)"],
    "SW06": ["hospital readmissions within 28 days", "28-day readmission rate"],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "SW08": ["delayed discharge bed days (75+)", "days people spend in hospital when ready to be discharged",
             "delayed discharges"],
    "CHN01": ["cost per primary school pupil", "cost per primary pupil"],
    "CHN02": ["cost per secondary school pupil", "secondary pupil cost"],
    "CHN11": ["positive destinations for school leavers", "% of pupils entering positive destinations"],
    "CHN24": ["child poverty", "% of children living in poverty after housing costs"],
    "FINSUS01": ["usable reserves as a % of budget", "total useable reserves as a share of revenue budget"],
    "ECON12a": ["claimant count as a % of working age population", "claimant count (working age)"],
}

SAMPLE = {
    "household_recycling_rate": ["recycling rate", "household recycling", "% of household waste recycled",
                                 "recycling"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": ["cost of waste collection per household", "bin collection cost"],
    "planning_major_in_time": ["major planning applications decided in time", "major applications in time",
                               "speed of major planning decisions"],
    "planning_minor_in_time": ["minor planning applications in time", "minor applications decided on time"],
    "homelessness_prevention_rate": ["homelessness prevention", "homelessness prevention rate",
                                     "prevention duties ended with homelessness prevented"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation", "temporary accommodation",
                                         "temporary accommodation per 1,000 households"],
    "relet_days": ["re-let times", "average days to re-let council homes", "void turnaround"],
    "council_tax_collection": ["council tax collection", "council tax collection rate", "ctax collected in year"],
    "business_rates_collection": ["business rates collection", "NNDR collection rate", "business rates collected"],
    "complaints_in_time": ["complaints responded to on time", "complaint response times",
                           "complaints answered on time"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2 complaints"],
    "sickness_absence_days": ["sickness absence", "staff sickness days per FTE", "days lost to sickness"],
    "staff_turnover": ["staff turnover", "turnover of staff"],
    "dfg_within_26_weeks": ["disabled facilities grants within 26 weeks", "DFG completions in 26 weeks",
                            "DFGs done within 26 wks"],
    "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents per 1,000 population", "flytipping"],
    "leisure_visits_per_1000": ["leisure centre visits", "visits to leisure centres per 1000 residents"],
}

PHRASES = {"oflog": OFLOG, "lgbf": LGBF, "sample": SAMPLE}

# services for overview questions
LGBF_SERVICES = {
    "Environmental Services": ["environmental services", "environment services", "environmental services overall"],
    "Culture & Leisure Services": ["culture and leisure", "culture & leisure services"],
    "Economic Development": ["economic development"],
    "Corporate Services": ["corporate services", "our corporate indicators"],
    "Housing Services": ["housing", "housing services"],
    "Adult Social Care Services": ["adult social care", "adult social work and care"],
    "Children's Services": ["children's services", "childrens services"],
    "Financial Sustainability": ["financial sustainability"],
    "Tackling Climate Change": ["climate change", "tackling climate change"],
}
OFLOG_SERVICE = ["adult social care", "adult social care overall", "ASC", "adult social services"]
SAMPLE_SERVICES = {
    "waste": (["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
               "waste_collection_cost_per_household"], ["waste", "waste and recycling", "bins and waste"]),
    "planning": (["planning_major_in_time", "planning_minor_in_time"], ["planning", "development management"]),
    "homelessness": (["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
                     ["homelessness", "homelessness services"]),
    "revenues": (["council_tax_collection", "business_rates_collection"], ["revenues", "revenues and collection"]),
    "complaints": (["complaints_in_time", "stage2_complaints_upheld"], ["complaints", "complaints handling"]),
    "workforce": (["sickness_absence_days", "staff_turnover"], ["workforce", "HR and workforce"]),
}

# council wording
SHORT_EN = {
    "Kingston Upon Hull": ["Hull", "Hull City Council", "Kingston upon Hull"],
    "Bath and North East Somerset": ["B&NES", "BANES", "Bath & North East Somerset"],
    "Brighton and Hove": ["Brighton & Hove", "Brighton and Hove City Council"],
    "Windsor and Maidenhead": ["RBWM", "Royal Borough of Windsor and Maidenhead"],
    "Kensington and Chelsea": ["RBKC", "Kensington & Chelsea"],
    "Hammersmith and Fulham": ["LBHF", "Hammersmith & Fulham"],
    "Barking and Dagenham": ["LBBD", "Barking & Dagenham"],
    "Cheshire West and Chester": ["CWaC", "Cheshire West"],
    "Telford and Wrekin": ["Telford", "Telford & Wrekin"],
    "Stockton-on-Tees": ["Stockton", "Stockton on Tees"],
    "Southend-on-Sea": ["Southend", "Southend on Sea"],
    "Stoke-on-Trent": ["Stoke", "Stoke on Trent"],
    "Redcar and Cleveland": ["Redcar & Cleveland", "Redcar"],
    "East Riding of Yorkshire": ["East Riding", "ERYC"],
    "County Durham": ["Durham County Council", "Durham"],
    "St. Helens": ["St Helens", "st helens"],
    "Central Bedfordshire": ["Central Beds", "Central Bedfordshire Council"],
    "Blackburn with Darwen": ["Blackburn", "Blackburn w Darwen"],
    "Hertfordshire": ["Herts"], "Lancashire": ["Lancs"], "Cambridgeshire": ["Cambs"], "Oxfordshire": ["Oxon"],
    "Wiltshire": ["Wilts"], "Staffordshire": ["Staffs"], "Worcestershire": ["Worcs"], "Hampshire": ["Hants"],
    "Milton Keynes": ["MK"], "Tower Hamlets": ["LBTH"], "Newcastle upon Tyne": ["Newcastle upon Tyne City Council"],
    "Bristol": ["Bristol City Council", "City of Bristol"],
}
SHORT_SC = {
    "Edinburgh City": ["Edinburgh", "City of Edinburgh", "City of Edinburgh Council", "edinburgh"],
    "Glasgow City": ["Glasgow", "Glasgow City Council"],
    "Dundee City": ["Dundee", "Dundee City Council"],
    "Aberdeen City": ["Aberdeen City Council"],
    "Eilean Siar": ["Western Isles", "Comhairle nan Eilean Siar", "Na h-Eileanan Siar"],
    "Scottish Borders": ["the Borders", "Scottish Borders Council"],
    "Dumfries & Galloway": ["D&G", "Dumfries and Galloway"],
    "Perth & Kinross": ["P&K", "Perth and Kinross"],
    "Argyll & Bute": ["Argyll and Bute", "Argyll & Bute Council"],
    "Orkney Islands": ["Orkney", "Orkney Islands Council"],
    "Shetland Islands": ["Shetland", "Shetland Islands Council"],
    "Clackmannanshire": ["Clacks"],
    "Highland": ["the Highland Council", "Highland Council"],
}
# names that must only ever be written in full (their short form fits two councils)
FULL_ONLY = {"Leicester", "Derby", "Nottingham", "Bedford", "Kingston upon Thames", "Richmond upon Thames",
             "Aberdeenshire", "Leicestershire", "Derbyshire", "Nottinghamshire", "Bedfordshire",
             "North Northamptonshire", "West Northamptonshire", "South Gloucestershire", "Gloucestershire",
             "North Lincolnshire", "North East Lincolnshire", "Lincolnshire", "North Somerset", "Somerset",
             "Aberdeen City"}

ELSEWHERE = {  # councils no dataset here holds (typed: they are not in any file)
    "welsh": ["Cardiff", "Swansea Council", "Gwynedd", "Wrexham", "Powys County Council", "Rhondda Cynon Taf"],
    "ni": ["Belfast City Council", "Derry City and Strabane", "Armagh Banbridge and Craigavon"],
    "district": ["Cheltenham Borough Council", "Maidstone", "Sevenoaks District Council", "St Albans",
                 "Tewkesbury", "Harborough District Council", "Basingstoke and Deane"],
    "madeup": ["Ravensholt Borough Council", "Upper Wendlebury", "Port Ellery Council", "Glenmorvay Council"],
}
NOT_HELD_MEASURES = ["potholes fixed within 24 hours", "parking fines issued", "number of trees planted",
                     "food hygiene inspections completed", "graffiti removal times", "bus punctuality",
                     "allotment waiting list", "council house rent levels", "pupil teacher ratio in nurseries",
                     "number of fixed penalty notices for dog fouling", "crematorium waiting times"]
CHITCHAT = ["thanks, thats really helpful", "who's the leader of the council again?", "can you book room 3 for tuesday",
            "tell me a joke", "morning! hope youre well", "what time does the committee start", "ok ta",
            "is it going to rain later", "can you email this to the clerk", "great stuff cheers bot"]

PREFIX = ["hi, ", "morning - ", "quick one: ", "for thursday's committee - ", "prepping for scrutiny tomorrow, ",
          "hi bot, ", "sorry to bother you - ", "chair's asked me: ", "@scrutiny ", "hello, ", "cllr question: ",
          "for the pre-meet, ", "", "", "", "", "", "", "", ""]
SUFFIX = [" pls", " please", " thanks", " ta", " cheers", " - need it for the briefing note", " thx", "??", " asap",
          "", "", "", "", "", "", "", "", "", "", ""]
