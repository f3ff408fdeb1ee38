"""How people write council names: formal forms, short forms, initials. Only unique forms are listed."""

# English councils (Oflog file names) -> extra forms people really use. Plain name is always allowed
# unless listed in NO_PLAIN (a plain short form that fits two councils).
EN_EXTRA = {
    "Kingston Upon Hull": ["Hull City Council", "Hull", "hull city council"],
    "Stoke-on-Trent": ["Stoke-on-Trent City Council", "Stoke", "stoke on trent"],
    "Newcastle upon Tyne": ["Newcastle City Council", "newcastle upon tyne council"],
    "Brighton and Hove": ["Brighton & Hove City Council", "Brighton and Hove City Council", "brighton & hove"],
    "Bath and North East Somerset": ["BANES", "B&NES", "Bath & North East Somerset Council"],
    "Redcar and Cleveland": ["Redcar & Cleveland Borough Council", "redcar and cleveland"],
    "Blackburn with Darwen": ["Blackburn with Darwen Borough Council", "blackburn w darwen"],
    "Telford and Wrekin": ["Telford & Wrekin Council", "telford and wrekin"],
    "Windsor and Maidenhead": ["RBWM", "the Royal Borough of Windsor and Maidenhead"],
    "Cheshire West and Chester": ["CWAC", "Cheshire West & Chester Council"],
    "Hammersmith and Fulham": ["LBHF", "H&F", "the London Borough of Hammersmith & Fulham"],
    "Kensington and Chelsea": ["RBKC", "the Royal Borough of Kensington and Chelsea"],
    "Barking and Dagenham": ["LBBD", "Barking & Dagenham", "the London Borough of Barking and Dagenham"],
    "Tower Hamlets": ["LBTH", "the London Borough of Tower Hamlets", "tower hamlets council"],
    "Southend-on-Sea": ["Southend", "Southend-on-Sea City Council"],
    "County Durham": ["Durham County Council", "durham cc"],
    "East Riding of Yorkshire": ["East Riding", "ERYC", "East Riding of Yorkshire Council"],
    "St. Helens": ["St Helens", "St Helens Council", "st helens"],
    "Stockton-on-Tees": ["Stockton-on-Tees Borough Council", "stockton on tees"],
    "Milton Keynes": ["MK", "Milton Keynes City Council"],
    "Central Bedfordshire": ["Central Beds", "Central Bedfordshire Council"],
    "Bristol": ["Bristol City Council", "bristol cc"],
    "North East Lincolnshire": ["NE Lincs", "North East Lincs"],
    "North Lincolnshire": ["North Lincs", "North Lincolnshire Council"],
    "Lincolnshire": ["Lincolnshire County Council", "Lincs CC"],
    "Nottinghamshire": ["Notts County Council", "Nottinghamshire County Council"],
    "Leicestershire": ["Leics", "Leicestershire County Council"],
    "Gloucestershire": ["Glos", "Gloucestershire County Council"],
    "Worcestershire": ["Worcs", "Worcestershire County Council"],
    "Hertfordshire": ["Herts", "Hertfordshire County Council"],
    "Cambridgeshire": ["Cambs", "Cambridgeshire County Council"],
    "Staffordshire": ["Staffs", "Staffordshire County Council"],
    "Hampshire": ["Hants", "Hampshire County Council"],
    "West Sussex": ["WSCC", "West Sussex County Council"],
    "East Sussex": ["ESCC", "East Sussex County Council"],
    "North Yorkshire": ["North Yorks", "North Yorkshire Council"],
    "Lancashire": ["Lancs", "Lancashire County Council"],
    "Oxfordshire": ["Oxfordshire County Council", "oxfordshire cc"],
    "Warwickshire": ["Warwickshire County Council", "warks"],
    "Wolverhampton": ["City of Wolverhampton Council", "wolverhampton council"],
    "Leicester": ["Leicester City Council"],
    "Derby": ["Derby City Council"],
    "Nottingham": ["Nottingham City Council"],
    "Bedford": ["Bedford Borough Council"],
    "Kingston upon Thames": ["the Royal Borough of Kingston upon Thames"],
    "Richmond upon Thames": ["the London Borough of Richmond upon Thames"],
    "York": ["City of York Council", "york council"],
    "Herefordshire": ["Herefordshire Council", "herefordshire"],
    "Shropshire": ["Shropshire Council"],
    "Isle of Wight": ["IoW", "the Isle of Wight Council", "isle of wight"],
    "Greenwich": ["the Royal Borough of Greenwich", "RB Greenwich"],
    "Reading": ["Reading Borough Council", "Reading Council"],
    "Bury": ["Bury Council", "Bury MBC"],
    "Westminster": ["Westminster City Council", "westminster city council"],
}
NO_PLAIN = {"Leicester", "Derby", "Nottingham", "Bedford", "Reading", "Bury"}  # ambiguous or everyday words

SUFFIX = {
    "Counties": ["{n} County Council", "{n} CC"],
    "London Boroughs": ["the London Borough of {n}", "LB {n}", "{n} Council"],
    "Metropolitan Districts": ["{n} Council", "{n} MBC"],
    "Unitary Authorities": ["{n} Council"],
}
CITY_METS = {
    "Leeds",
    "Sheffield",
    "Manchester",
    "Liverpool",
    "Birmingham",
    "Coventry",
    "Sunderland",
    "Salford",
    "Bradford",
    "Wakefield",
}
CITY_UAS = {"Plymouth", "Portsmouth", "Southampton", "Peterborough"}


def english_forms(name, entity):
    forms = []
    if name not in NO_PLAIN:
        forms += [name, name.lower()]
    if name in EN_EXTRA:
        forms += EN_EXTRA[name]
    elif name in CITY_METS or name in CITY_UAS:
        forms += [f"{name} City Council", f"{name.lower()} city council"]
    else:
        forms += [f.format(n=name) for f in SUFFIX.get(entity, ["{n} Council"])]
    return forms


SC_EXTRA = {
    "Dumfries & Galloway": ["Dumfries and Galloway Council", "D&G", "dumfries and galloway"],
    "Perth & Kinross": ["Perth and Kinross Council", "P&K", "PKC", "perth & kinross"],
    "Argyll & Bute": ["Argyll and Bute Council", "argyll and bute"],
    "Glasgow City": ["Glasgow City Council", "Glasgow", "glasgow"],
    "Dundee City": ["Dundee City Council", "Dundee", "dundee"],
    "Aberdeen City": ["Aberdeen City Council", "aberdeen city"],
    "Aberdeenshire": ["Aberdeenshire Council", "aberdeenshire"],
    "Scottish Borders": ["Scottish Borders Council", "the Borders", "scottish borders"],
    "Shetland Islands": ["Shetland", "Shetland Islands Council", "shetland"],
    "Orkney Islands": ["Orkney", "Orkney Islands Council", "orkney"],
    "Highland": ["The Highland Council", "Highland Council", "highland"],
    "Clackmannanshire": ["Clacks", "Clackmannanshire Council", "clackmannanshire"],
    "Moray": ["The Moray Council", "Moray Council", "moray"],
}
SC_SKIP_NAMED = {"Edinburgh City", "Eilean Siar"}


def scottish_forms(name):
    forms = [name, name.lower()]
    if name in SC_EXTRA:
        forms = [f for f in forms if f not in ("Glasgow City", "Dundee City", "Aberdeen City")] + SC_EXTRA[name]
        if name in ("Glasgow City", "Dundee City", "Aberdeen City"):
            forms.append(name)
    else:
        forms += [f"{name} Council"]
    return forms


def lev(a, b):
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def typo(rng, name, others):
    """One-letter typo (drop, double or swap a letter) kept only if the nearest other name is far away."""
    if len(name) < 8 or not name.replace(" ", "").isalpha():
        return None
    for _ in range(10):
        i = rng.randrange(1, len(name) - 1)
        if not name[i].isalpha() or not name[i - 1].isalpha():
            continue
        kind = rng.choice(["drop", "double", "swap"])
        if kind == "drop":
            t = name[:i] + name[i + 1 :]
        elif kind == "double":
            t = name[:i] + name[i] + name[i:]
        else:
            if not name[i + 1].isalpha() or name[i] == name[i + 1]:
                continue
            t = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        d_self = lev(t, name)
        d_other = min(lev(t, o) for o in others if o != name)
        if d_self == 1 and d_other >= 4 and d_other >= 3 * d_self + 1:
            return t.lower() if rng.random() < 0.5 else t
    return None
