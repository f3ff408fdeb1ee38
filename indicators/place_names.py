"""How people write a council's name: variants of the official name ("City of Edinburgh" -> "edinburgh"), the
short forms used alone ("Brighton"), initials ("b&h") and capitals ("MK"), from the name alone."""

from __future__ import annotations

import re

__all__ = ["COMPASS_WORDS", "name_initials", "name_letters", "name_variants", "name_words", "short_forms"]

_WORD = re.compile(r"[a-z0-9]+")
# The short forms of county names in everyday use ("Notts", "Herts", "NE Lincs").
_COUNTY_SHORT = {
    "lincolnshire": "lincs", "nottinghamshire": "notts", "staffordshire": "staffs", "hertfordshire": "herts",
    "gloucestershire": "glos", "leicestershire": "leics", "northamptonshire": "northants", "cambridgeshire": "cambs",
    "buckinghamshire": "bucks", "oxfordshire": "oxon", "worcestershire": "worcs", "wiltshire": "wilts",
    "hampshire": "hants", "lancashire": "lancs", "bedfordshire": "beds", "berkshire": "berks",
    "derbyshire": "derbys", "warwickshire": "warks", "clackmannanshire": "clacks", "yorkshire": "yorks",
    "birmingham": "brum", "northumberland": "northd", "shropshire": "salop",
    # Nicknames councils are called by in everyday speech.
    "wolverhampton": "wolves", "darlington": "darlo", "southampton": "soton", "middlesbrough": "boro",
    "portsmouth": "pompey", "lanarkshire": "lanarks",
}
_DIRECTIONS = (("north east", "ne"), ("north west", "nw"), ("south east", "se"), ("south west", "sw"),
               ("north", "n"), ("south", "s"), ("east", "e"), ("west", "w"))
# Names in common use that no rule derives from the official one.
_ALIASES: dict[str, set[str]] = {
    "eilean siar": {"western isles", "na h-eileanan siar", "comhairle nan eilean siar", "na h eileanan siar", "cnes"},
    "kingston upon hull": {"hull", "hull city"},
    "scottish borders": {"borders", "the borders", "scot borders"},
    "glasgow city": {"gcc", "glasgow city council"},
    "edinburgh city": {"cec", "city of edinburgh council"},
    # Acronyms councils use for themselves (typed in capitals or not: none is an English word).
    "hammersmith and fulham": {"lbhf", "h&f"},
    "kensington and chelsea": {"rbkc", "k&c"},
    "barking and dagenham": {"lbbd", "b&d"},
    "tower hamlets": {"lbth"},
    "isle of wight": {"iow", "the iow"},
    "central bedfordshire": {"central beds"},
    "bath and north east somerset": {"banes", "b&nes", "bathnes"},
    "cheshire west and chester": {"cwac", "cw&c"},
    "north east lincolnshire": {"nelc"},
    "windsor and maidenhead": {"rbwm"},
    "kingston upon thames": {"rbk", "kingston"},
    "birmingham": {"bham", "b'ham"},
    "east renfrewshire": {"east ren", "east renfrew"},
    "east riding of yorkshire": {"east riding", "the east riding", "east yorkshire"},
    "st. helens": {"st helens", "st helen", "saint helens"},
    "west dunbartonshire": {"west dunbarton", "west dumbarton"},
    "east dunbartonshire": {"east dunbarton", "east dumbarton"},
}


def name_variants(name: str) -> set[str]:
    """Lower-case ways people write a council name ("City of Edinburgh" -> "edinburgh", "edinburgh city"...)."""
    base = name.lower().strip()
    out = {base, base.replace("&", "and"), base.replace(" and ", " & ")}
    for v in list(out):
        if "," in v:
            head, tail = (x.strip() for x in v.split(",", 1))
            out |= {head, f"{tail} {head}"}
        drops = ("city of ", " city", " council", "county ", " county", " borough", "royal borough of ",
                 "london borough of ", " islands", " district", " metropolitan", "the ")
        for drop in drops:
            if drop in v:
                out.add(v.replace(drop, " ").strip())
        # "Castlebrook Borough Council" is asked about as "Castlebrook": strip the generic words together too.
        bare = f" {v} "
        for drop in (" council ", " borough ", " district ", " metropolitan ", " county "):
            bare = bare.replace(drop, " ")
        if bare.strip() and bare.strip() != v:
            out.add(bare.strip())
    if base.endswith(" city"):
        out.add("city of " + base[: -len(" city")])
    out |= _ALIASES.get(base, set())
    for v in list(out):
        for word, short in _COUNTY_SHORT.items():
            if word in v:
                out.add(v.replace(word, short))
    for v in list(out):  # after the county short forms, so "North East Lincolnshire" is also "NE Lincs"
        for direction, short in _DIRECTIONS:
            if v.startswith(direction + " "):
                out.add(short + v[len(direction):])
    for v in list(out):
        # Endings said alike and typed either way: "Fernley" for Fernleigh, "Burnleigh" for Burnley.
        for said, written in (("leigh", "ley"), ("ley", "leigh")):
            if re.search(rf"{said}\b", v):
                out.add(re.sub(rf"{said}\b", written, v))
    return {" ".join(v.split()) for v in out if len(v) >= 3}


def short_forms(name: str) -> set[str]:
    """The first part people use alone: "Brighton" for Brighton and Hove, "Stoke" for Stoke-on-Trent."""
    base = name.lower().strip()
    out = set()
    for joiner in (" and ", " & ", ", ", "-on-", " upon "):
        if joiner in base:
            head = base.split(joiner, 1)[0].strip()
            if len(head) >= 4:
                out.add(head)
    # "Redbourne" for Redbourne Vale, "Epping" for Epping Forest: a name's own word before a landscape word.
    words = [w for w in _WORD.findall(base) if w not in _GENERIC]
    if len(words) == 2 and words[1] in _LANDSCAPE and len(words[0]) >= 5 and words[0] not in COMPASS_WORDS:
        out.add(words[0])
    return out


_GENERIC = frozenset("council district borough county city metropolitan of the".split())
_LANDSCAPE = frozenset("vale valley heath forest hills dales moor moors downs wolds chase marsh fields".split())
COMPASS_WORDS = frozenset("north south east west central mid greater".split())


def name_words(name: str, drop: tuple[str, ...] = ()) -> list[str]:
    """A council name's words, lower-case, without the ones initials skip ("of", "the", "city", "council"...)."""
    skip = ("of", "the", "city", "council", "borough", *drop)
    return [w for w in _WORD.findall(name.lower().replace("&", " and ")) if w not in skip]


def name_initials(name: str) -> set[str]:
    """'Brighton and Hove' -> 'b&h'; 'Bournemouth, Christchurch and Poole' -> 'bcp', 'b&c&p' is not produced."""
    words = name_words(name)
    if "and" not in words:
        return set()
    parts = [w for w in words if w != "and"]
    if len(parts) < 2:
        return set()
    letters = "".join(w[0] for w in parts)
    out = {"&".join(w[0] for w in parts)}
    if len(parts) >= 3:
        out.add(letters)
    return out


def name_letters(name: str) -> set[str]:
    """A multi-word name's capitals, alone and with C for Council: "Milton Keynes" -> "mk", "mkc"; "Perth and
    Kinross" -> "pk", "pkc" (matched only when typed in capitals, and only when no other council shares them)."""
    parts = name_words(name, drop=("and", "upon", "on", "under"))
    if len(parts) < 2:
        return set()
    letters = "".join(w[0] for w in parts)
    return {letters, letters + "c"}
