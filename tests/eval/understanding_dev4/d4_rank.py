"""The rank family: top/bottom N, best/worst, highest/lowest, who leads, where do we come, league tables.

Each template says which way it reads. `kind`:
- best / worst: the order is the word's;
- high / low: "highest", "most", "most expensive" / "lowest", "fewest", "cheapest": the order follows polarity;
- top / bottom: league-table position, used only with higher-is-better measures so "top" cannot mean "most";
- where: "where do we come": n and order null, areas [home, scope];
- full: the whole league table of the scope, n = every council holding the measure, best first.
"""

from __future__ import annotations

from d4_core import Builder, BuildError, attempt, expect, indicator_pool, phrase, pick_home
from d4_words import WORDS, say_period

H, L = "higher", "lower"
OF_HI = ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"]
LG_COST = ["CHN01", "CHN02", "CHN03", "C&L01", "C&L02", "C&L03", "ENV01a", "ENV02a", "CORP04", "SW01", "SW05"]
LG_DAYS = ["CORP06a", "CORP06b", "HSN04b"]
SA_COST = ["waste_collection_cost_per_household"]
SA_COUNT = ["missed_bins_per_100k"]

# (dataset, scope, kind, n, polarity or None, only these indicators or None, with a period?, template)
RANK = [
    # ---- Oflog
    ("oflog", "england", "top", 5, H, None, False, "top 5 in England for {ind}"),
    ("oflog", "england", "worst", 3, None, None, False,
     "Which councils have the worst {ind} nationally? Just the bottom three"),
    ("oflog", "england", "low", 1, L, ["ASC7"], False, "who has the lowest {ind} in England"),
    ("oflog", "neighbours", "high", 3, H, None, False, "highest {ind} among our CIPFA neighbours - top three please"),
    ("oflog", "england", "where", None, None, None, False, "where do we come nationally on {ind}?"),
    ("oflog", "neighbours", "where", None, None, None, True,
     "where do we rank in our nearest neighbour group for {ind} in {p}"),
    ("oflog", "england", "best", 10, None, None, False, "league table of the ten best councils in England for {ind}"),
    ("oflog", "england", "best", 1, None, None, False, "who leads the country on {ind}?"),
    ("oflog", "england", "bottom", 5, H, None, True, "Bottom five in England on {ind}, {p}"),
    ("oflog", "neighbours", "high", 1, L, ["ASC7"], False,
     "which of our stat neighbours has the highest staff turnover in social care?"),
    ("oflog", "neighbours", "best", 4, None, None, False, "best 4 of our comparators for {ind}"),
    ("oflog", "england", "worst", 1, None, None, False,
     "worst performing council in England for {ind}, most recent year"),
    ("oflog", "england", "best", 6, None, None, False,
     "I was at the regional ADASS event last week and someone from another authority claimed they were top of the "
     "table for {ind}. Can you show me the six best councils in England on that, latest year, so I can check "
     "whether they were bluffing"),
    ("oflog", "neighbours", "low", 2, H, None, False, "Among our nearest neighbours, which two have the lowest {ind}?"),
    ("oflog", "england", "where", None, None, None, True, "our rank in England for {ind}, {p}"),
    ("oflog", "neighbours", "full", None, None, None, False, "full league table for our neighbour group on {ind}"),
    ("oflog", "england", "high", 3, L, ["ASC7"], False,
     "Who are the 3 councils with the highest turnover of care staff, England-wide?"),
    ("oflog", "neighbours", "where", None, None, None, False, "how do we rank against our CIPFA family on {ind}"),
    ("oflog", "england", "bottom", 1, H, None, False, "Out of all English councils, who's bottom for {ind}?"),
    ("oflog", "neighbours", "worst", 5, None, None, True,
     "name the 5 worst councils in our comparator group on {ind} in {p}"),
    ("oflog", "england", "best", 3, None, None, False, "which councils do best on {ind} nationally? top three will do"),
    ("oflog", "england", "where", None, None, ["ASC7"], False,
     "Where are we in the national pecking order on care staff turnover?"),
    # ---- LGBF
    ("lgbf", "scotland", "top", 5, H, None, False, "top five councils in Scotland for {ind}"),
    ("lgbf", "scotland", "low", 3, L, LG_COST, False, "which 3 councils have the cheapest {ind} in Scotland"),
    ("lgbf", "scotland", "high", 5, L, LG_COST, False, "most expensive councils in Scotland for {ind} - top 5"),
    ("lgbf", "scotland", "where", None, None, None, False, "where do we come in Scotland for {ind}"),
    ("lgbf", "neighbours", "where", None, None, None, False, "where do we sit in our family group on {ind}?"),
    ("lgbf", "neighbours", "best", 1, None, None, False, "who leads the family group for {ind}"),
    ("lgbf", "scotland", "best", 8, None, None, False, "league table, best 8 in Scotland, {ind}"),
    ("lgbf", "scotland", "bottom", 3, H, None, True, "bottom 3 in Scotland on {ind} in {p}"),
    ("lgbf", "neighbours", "low", 1, L, ["HSN01b", "HSN02", "CORP06b", "SW08"], False,
     "which council in our family group has the lowest {ind}?"),
    ("lgbf", "scotland", "high", 4, L, ["CORP06a"], False,
     "highest sickness absence among teachers in Scotland - the worst four"),
    ("lgbf", "neighbours", "full", None, None, None, False, "full family group league table for {ind} please"),
    ("lgbf", "scotland", "best", 1, None, None, False, "Who has the best {ind} of the 32?"),
    ("lgbf", "neighbours", "best", 3, None, None, True, "best 3 in our benchmarking family on {ind} in {p}"),
    ("lgbf", "scotland", "where", None, None, None, True,
     "where does the council rank across Scotland for {ind} in {p}?"),
    ("lgbf", "scotland", "worst", 2, None, None, False, "which two councils are worst in Scotland for {ind}"),
    ("lgbf", "scotland", "top", 10, H, None, False, "Top 10 in Scotland for {ind}, latest"),
    ("lgbf", "scotland", "best", 6, None, ["CHN04", "CHN05", "CHN11", "CHN12a"], False,
     "For the education committee I want to put our attainment in context. Can you list the six best councils "
     "in Scotland on {ind}? Not bothered about where we are yet, that's the next question"),
    ("lgbf", "scotland", "low", 5, H, None, False, "lowest 5 councils in Scotland on {ind}"),
    ("lgbf", "scotland", "low", 3, L, ["HSN04b"], False, "fastest three councils in Scotland on {ind}"),
    ("lgbf", "scotland", "high", 4, None, None, False, "which 4 councils in Scotland have the highest {ind}"),
    ("lgbf", "neighbours", "where", None, None, None, True, "where did we come in the family on {ind}, {p}"),
    ("lgbf", "neighbours", "bottom", 1, H, None, False, "who is bottom of the family group for {ind}?"),
    ("lgbf", "scotland", "where", None, None, None, False, "How do we rank nationally on {ind}"),
    ("lgbf", "neighbours", "high", 3, L, ["HSN01b", "CORP06a", "CORP06b"], False,
     "which 3 family group councils have the most {ind}"),
    # ---- sample pack (neighbours only)
    ("sample", "neighbours", "top", 5, H, None, False, "top 5 of our nearest neighbours for {ind}"),
    ("sample", "neighbours", "where", None, None, None, False,
     "where do we come among our nearest neighbours for {ind}?"),
    ("sample", "neighbours", "low", 1, None, None, False, "which of the CIPFA group has the lowest {ind}"),
    ("sample", "neighbours", "worst", 3, None, None, False, "worst three councils in our group on {ind}"),
    ("sample", "neighbours", "full", None, None, None, False, "league table for {ind} across our comparator councils"),
    ("sample", "neighbours", "best", 1, None, None, True, "who's best in our neighbour group on {ind} in {p}?"),
    ("sample", "neighbours", "bottom", 4, H, None, False, "bottom four for {ind} among similar councils"),
    ("sample", "neighbours", "high", 3, None, None, False, "which 3 neighbours have the highest {ind}"),
    ("sample", "neighbours", "where", None, None, None, True,
     "where do we rank for {ind} in {p} against our CIPFA neighbours"),
    ("sample", "neighbours", "high", 5, L, SA_COST, False, "most expensive 5 in our neighbour group for {ind}"),
    ("sample", "neighbours", "best", 1, None, None, False, "who leads our nearest neighbours on {ind}"),
    ("sample", "neighbours", "where", None, None, None, False, "rank us against our neighbours for {ind}"),
    ("sample", "neighbours", "best", 2, None, None, True, "best two in the group for {ind} {p}"),
    ("sample", "neighbours", "low", 3, L, SA_COUNT, True, "fewest {ind} among our nearest neighbours in {p} - top 3"),
]


def order_for(kind: str, pol: str) -> str | None:
    if kind in ("best", "top", "full"):
        return "best"
    if kind in ("worst", "bottom"):
        return "worst"
    if kind == "high":
        return "best" if pol == "higher" else "worst"
    if kind == "low":
        return "worst" if pol == "higher" else "best"
    return None


def rank_expect(b: Builder, ds, home, scope, kind, n, ind, per) -> dict:
    pol = b.d.polarity[(ds, ind)]
    areas = [scope] if scope != "neighbours" else [home, "neighbours"]
    if kind == "where":
        return expect("rank", [ind], [home, scope], None, per, "ranking", None, None)
    if kind == "full":
        target = per or b.d.scope_latest(ds, scope, home, ind)
        n = len(b.d.ranked(ds, scope, home, ind, target))
    return expect("rank", [ind], areas, None, per, "ranking", n, order_for(kind, pol))


def build_rank(b: Builder) -> None:
    for ds, scope, kind, n, pol, only, with_period, tpl in RANK:
        def one(ds=ds, scope=scope, kind=kind, n=n, pol=pol, only=only, with_period=with_period, tpl=tpl):
            home = pick_home(b, ds)
            ind = b.pick(indicator_pool(b, ds, annual=with_period, directional=True, pol=pol, only=only))
            per = None
            extra = {}
            if with_period:
                held = b.d.fy_periods(ds, ind, home)
                if not held:
                    raise BuildError("nothing held")
                per = b.pick(held)
                extra["p"] = say_period(per, b.pick(range(10)))
            exp = rank_expect(b, ds, home, scope, kind, n, ind, per)
            text = tpl.format(ind=phrase(b, ds, ind), nw=WORDS.get(n or 0, ""), **extra)
            return b.add("rank", ds, home, text, exp,
                         f"rank {kind} {exp['n'] or ''} {exp['order'] or 'position'} in {scope}".replace("  ", " "))
        attempt(one, label=tpl)
