"""The names family: councils as people type them.

Held councils are read as value questions (one council) or comparisons (two). Councils the data does not hold
(Welsh, Northern Irish, English districts that look like a held county or city) are `unknown` with every other
field empty.
"""

from __future__ import annotations

from d4_core import Builder, BuildError, attempt, expect, indicator_pool, phrase, pick_home, pick_period, unknown
from d4_words import say_period

# (dataset, as typed, code, template). {c} is the council as typed; {p} asks for one period, else the latest.
HELD = [
    ("oflog", "Middlesborough", "E06000002", "what's {c} like for {ind}?"),
    ("oflog", "sheffeild", "E08000019", "{ind} {c} {p}"),
    ("oflog", "Brum", "E08000025", "how's {c} doing on {ind} these days"),
    ("oflog", "Wolves", "E08000031", "can you get me {ind} for {c} in {p}"),
    ("oflog", "RBKC", "E09000020", "{c} {ind}, {p}"),
    ("oflog", "LBHF", "E09000013", "What was {c}'s figure for {ind} in {p}?"),
    ("oflog", "BANES", "E06000022", "{c} - {ind} - latest"),
    ("oflog", "CWaC", "E06000050", "Do we know {ind} for {c}?"),
    ("oflog", "NE Lincs", "E06000012", "{ind} in {c} for {p} please"),
    ("oflog", "Notts County Council", "E10000024", "what did {c} record for {ind} in {p}"),
    ("oflog", "lancs", "E10000017", "{c} {ind}?"),
    ("oflog", "Herts CC", "E10000015", "{c} {ind} latest"),
    ("oflog", "Glos", "E10000013", "Pull {ind} for {c}, {p}"),
    ("oflog", "Salop", "E06000051", "Old habits die hard - what's {c}'s {ind} now?"),
    ("oflog", "the east riding", "E06000011", "{c}'s {ind} in {p}"),
    ("oflog", "Hull City Council", "E06000010", "{ind} for {c}"),
    ("oflog", "Stoke", "E06000021", "how did {c} do on {ind} in {p}"),
    ("oflog", "MK", "E06000042", "{c} {ind}"),
    ("oflog", "RBWM", "E06000040", "{c}'s {ind} {p}"),
    ("oflog", "the Wirral", "E08000015",
     "We're doing some joint work with colleagues on {c} and I'd like to go in knowing the numbers - what's their "
     "{ind} at the moment?"),
    ("oflog", "westminister", "E09000033", "{c} {ind} {p}"),
    ("oflog", "Greenwhich", "E09000011", "{c} {ind} please"),
    ("oflog", "Haringay", "E09000014",
     "there's a line about {c}'s {ind} in the papers for Thursday. What was their actual figure in {p}?"),
    ("oflog", "Darlo", "E06000005", "{c}'s {ind}?"),
    ("oflog", "st helen's", "E08000013", "{c} {ind}, {p}"),
    ("oflog", "Soton", "E06000045", "{c} - {ind} - {p}"),
    ("oflog", "Stockport MBC", "E08000007", "{c} {ind} {p}"),
    ("oflog", "City of York Council", "E06000014", "What figure did {c} report for {ind}?"),
    ("oflog", "Durham County Council", "E06000047",
     "I'm meeting the portfolio holder from {c} on Friday, informal, but I'd like to know their {ind} before I go"),
    ("oflog", "City of Bradford MDC", "E08000032", "{ind} - {c} - {p}"),
    ("lgbf", "Edinbrugh", "S-edinburgh-city", "{ind} for {c} {p}"),
    ("lgbf", "glasgow city council", "S-glasgow-city", "{c} {ind} latest"),
    ("lgbf", "CnES", "S-eilean-siar", "{c} {ind}?"),
    ("lgbf", "D&G", "S-dumfries-and-galloway", "What's {c} getting for {ind}? Most recent year"),
    ("lgbf", "PKC", "S-perth-and-kinross", "{ind} in {c}, {p}"),
    ("lgbf", "Clacks", "S-clackmannanshire", "how are {c} doing on {ind}"),
    ("lgbf", "the Borders", "S-scottish-borders", "{ind} in {c} for {p}"),
    ("lgbf", "Argyle and Bute", "S-argyll-and-bute", "{c}'s {ind}"),
    ("lgbf", "NLC", "S-north-lanarkshire", "{c} {ind} {p}?"),
    ("lgbf", "East Ren", "S-east-renfrewshire",
     "Everyone always holds up {c} as the gold standard, so what actually is their {ind}? Latest please"),
    ("lgbf", "Renfewshire", "S-renfrewshire", "{ind} - {c} - {p}"),
    ("lgbf", "Inverclide", "S-inverclyde", "inverclide {ind}"),
    ("lgbf", "Shetland Islands Council", "S-shetland-islands", "{ind} for {c} in {p}"),
    ("lgbf", "Sterling", "S-stirling", "what's {c}'s {ind} right now"),
    ("lgbf", "Midlothain", "S-midlothian", "{c} {ind} in {p}"),
    ("lgbf", "Aberdeensire", "S-aberdeenshire", "{ind}, {c}"),
    ("lgbf", "City of Edinburgh Council", "S-edinburgh-city", "what did {c} record for {ind} in {p}"),
    ("lgbf", "the Western Isles", "S-eilean-siar", "{ind} in {c}?"),
    ("sample", "castlebrook BC", "E07999006", "{c} {ind} {p}"),
    ("sample", "Kingsford Borough", "E07999003", "What's {c}'s {ind}? Latest"),
    ("sample", "ashworth vale", "E07999004", "{ind} for {c} in {p}"),
    ("sample", "Oakhampstead DC", "E07999014", "how is {c} doing on {ind}"),
]

# (dataset, first as typed, code, second as typed or None for "us", code, template)
PAIRS = [
    ("oflog", "B&H", "E06000043", "Pompey", "E06000044", "Is {c1} better than {c2} on {ind}?"),
    ("oflog", "RBKC", "E09000020", "H&F", "E09000013", "{c1} vs {c2} {ind} {p}"),
    ("oflog", None, None, "Notts", "E10000024", "us against {c2} on {ind}"),
    ("oflog", "Bham", "E08000025", "Manchester City Council", "E08000003", "How does {c1} compare with {c2} on {ind}?"),
    ("oflog", "cheshire east", "E06000049", "CWAC", "E06000050", "compare {c1} and {c2} for {ind} in {p}"),
    ("lgbf", "Aberdeen", "S-aberdeen-city", "Aberdeenshire", "S-aberdeenshire", "{c1} v {c2} on {ind}"),
    ("lgbf", "East Dunbartonshire", "S-east-dunbartonshire", "West Dunbartonshire", "S-west-dunbartonshire",
     "{c1} versus {c2} for {ind}, {p}"),
    ("lgbf", "Orkney", "S-orkney-islands", "Shetland", "S-shetland-islands",
     "{c1} and {c2} - which of the two is doing better on {ind}?"),
    ("lgbf", None, None, "Clacks", "S-clackmannanshire", "us v {c2}, {ind}"),
    ("lgbf", "North Lanarkshire", "S-north-lanarkshire", "South Lanarks", "S-south-lanarkshire",
     "{c1} or {c2}: who's ahead on {ind} in {p}"),
    ("sample", "Greywater BC", "E07999010", "Westcombe", "E07999016", "{c1} compared with {c2} on {ind}"),
]

# (dataset, as typed, template): councils the data does not hold.
NOT_HELD = [
    ("oflog", "Newcastle-under-Lyme", "what's {c}'s {ind}?"),
    ("oflog", "Richmondshire District Council", "{c} {ind}"),
    ("oflog", "South Cambs", "{ind} for {c} please"),
    ("oflog", "West Lancs", "{c} {ind} {p}"),
    ("oflog", "East Herts", "How does {c} do on {ind}?"),
    ("oflog", "Monmouthshire County Council", "{c}'s {ind} in {p}"),
    ("oflog", "the Vale of Glamorgan", "what's {ind} like in {c}"),
    ("lgbf", "Cardiff Council", "{c} {ind}"),
    ("lgbf", "Powys", "{ind} for {c}, {p}"),
    ("lgbf", "Belfast City Council", "can you get me {c}'s {ind}"),
    ("lgbf", "Derry City & Strabane", "{c} - {ind}"),
    ("lgbf", "Gwynedd", "what is Gwynedd's {ind}?"),
    ("sample", "Southmere DC", "{c} {ind} please"),
]


def build_names(b: Builder) -> None:
    for ds, typed, code, tpl in HELD:
        def one(ds=ds, typed=typed, code=code, tpl=tpl):
            home = pick_home(b, ds)
            if home == code:
                raise BuildError("named council is home")
            ind = b.pick(indicator_pool(b, ds, annual="{p}" in tpl))
            per = pick_period(b, ds, ind, code) if "{p}" in tpl else None
            if ds == "sample" and per is None and b.d.has_quarters(ds, ind, code):
                raise BuildError("quarterly")
            text = tpl.format(c=typed, ind=phrase(b, ds, ind), p=say_period(per, b.pick(range(10))) if per else "")
            return b.add("names", ds, home, text, expect("value", [ind], [code], None, per),
                         f"names: {typed!r} is {b.d.names[(ds, code)]}")
        attempt(one)
    for ds, t1, c1, t2, c2, tpl in PAIRS:
        def two(ds=ds, t1=t1, c1=c1, t2=t2, c2=c2, tpl=tpl):
            home = pick_home(b, ds)
            if home in (c1, c2):
                raise BuildError("named council is home")
            first = c1 or home
            ind = b.pick(indicator_pool(b, ds, annual="{p}" in tpl))
            if ds == "sample" and b.d.has_quarters(ds, ind, c2):
                raise BuildError("quarterly")
            per = pick_period(b, ds, ind, first) if "{p}" in tpl else None
            text = tpl.format(c1=t1, c2=t2, ind=phrase(b, ds, ind), p=say_period(per, b.pick(range(10))) if per else "")
            who = b.d.names[(ds, c1)] if c1 else "us"
            return b.add("names", ds, home, text, expect("compare", [ind], [first, c2], None, per, "area"),
                         f"names: two councils, {who} and {b.d.names[(ds, c2)]} ({t2!r})")
        attempt(two)
    for ds, typed, tpl in NOT_HELD:
        def none(ds=ds, typed=typed, tpl=tpl):
            home = pick_home(b, ds)
            ind = b.pick(indicator_pool(b, ds, annual=True))
            per = pick_period(b, ds, ind, home) if "{p}" in tpl else None
            text = tpl.format(c=typed, ind=phrase(b, ds, ind), p=say_period(per, b.pick(range(10))) if per else "")
            return b.add("names", ds, home, text, unknown(), f"names: {typed!r} is not held (unknown)")
        attempt(none)
