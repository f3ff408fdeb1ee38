"""Wording for set 15: how councillors and officers type questions in Slack. Only wording lives here; every
reading is decided by generate.py / threads.py from the data."""

from __future__ import annotations

import re

from data import SAMPLE_HOME, start_of

NUM = {
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
}
KEYS = "qwertyuiopasdfghjklzxcvbnm"
NEAR = {
    "a": "sq",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "w": "qe",
    "y": "tu",
}


class Words:
    LGBF_SERVICES = {
        "Adult Social Care Services": ["adult social care", "social work for adults", "adult social work"],
        "Children's Services": ["children's services", "childrens services", "education and children's services"],
        "Housing Services": ["housing", "housing services", "council housing"],
        "Environmental Services": ["environmental services", "environment services"],
        "Culture & Leisure Services": ["culture and leisure", "culture & leisure services", "leisure and culture"],
        "Economic Development": ["economic development", "econ dev"],
        "Corporate Services": ["corporate services"],
        "Financial Sustainability": ["financial sustainability"],
        "Tackling Climate Change": ["climate change", "tackling climate change"],
    }
    SAMPLE_SERVICES = {
        "waste": ["waste", "waste and recycling", "bins and recycling"],
        "planning": ["planning", "development management (planning)"],
        "homelessness": ["homelessness", "homelessness services"],
        "revenues": ["revenues", "council tax and business rates collection"],
        "complaints": ["complaints", "complaints handling"],
        "workforce": ["workforce", "HR and workforce", "our workforce measures"],
    }

    def __init__(self, rng, data) -> None:
        self.rng = rng
        self.d = data

    def c(self, seq):
        return self.rng.choice(list(seq))

    # ------------------------------------------------------------------ small pieces
    def m(self, ds, code):
        return self.c(self.d.phrases(ds, code))

    def name(self, code, typo=False, short=False):
        vs = self.d.variants[code]
        if short and self.d.short_forms.get(code) and self.rng.random() < 0.6:
            vs = self.d.short_forms[code]
        if typo:
            for _ in range(30):
                base = self.c(vs)
                t = self._typo(base)
                if t and self.d.typo_ok(t, code):
                    return t
        return self.c(vs)

    def _typo(self, s):
        words = s.split(" ")
        generic = {"council", "county", "district", "borough", "city", "islands"}
        idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha() and w.lower() not in generic]
        if not idx:
            return None
        i = self.c(idx)
        w = words[i]
        pos = self.rng.randrange(1, len(w) - 1)
        op = self.c(["sub", "del", "dup"])
        ch = w[pos].lower()
        if op == "sub":
            if ch not in NEAR:
                return None
            w = w[:pos] + self.c(NEAR[ch]) + w[pos + 1 :]
        elif op == "del":
            w = w[:pos] + w[pos + 1 :]
        else:
            w = w[:pos] + w[pos] + w[pos:]
        words[i] = w
        return " ".join(words)

    def yr(self, p):
        if " Q" in p:
            fyp, q = p.split(" ")
            y = start_of(fyp)
            return self.c([p, f"{q} {y}/{(y + 1) % 100:02d}", f"{q.lower()} of {fyp}", f"{fyp} {q.lower()}"])
        y = start_of(p)
        yy = (y + 1) % 100
        forms = [f"{y}/{yy:02d}", f"{y}-{yy:02d}", f"{y}-{y + 1}", f"FY{y % 100:02d}/{yy:02d}", f"{y}/{y + 1}", p]
        forms += [f"{y}"]
        if 2010 <= y <= 2019:
            forms.append(f"twenty {NUM[y - 2000]}-{NUM[y + 1 - 2000]}")
        return self.c(forms)

    def group_words(self, ds):
        if ds == "lgbf":
            return ["our family group", "our benchmarking family group", "our family group councils"]
        if ds == "oflog":
            return ["our nearest neighbours", "our CIPFA neighbours", "our comparator group", "our stat neighbours"]
        return ["our nearest neighbours", "our comparator group", "our CIPFA nearest neighbours"]

    def nat_in(self, ds):
        if ds == "oflog":
            return ["in england", "across england", "of all english councils", "in England"]
        return ["in scotland", "across scotland", "of all 32 scottish councils", "in Scotland"]

    def nat_avg(self, ds):
        if ds == "oflog":
            return ["the england average", "the national average", "England", "the english median"]
        return ["the scottish average", "the Scotland figure", "Scotland as a whole", "the national average"]

    def casual(self, s, allow_lower=True, prefix=True):
        s = re.sub(r"(\w)s's\b", r"\1s'", s)  # "Orkney Islands's" -> "Orkney Islands'"
        r = self.rng.random
        if prefix and r() < 0.25:
            s = self.c(
                [
                    "hi, ",
                    "morning - ",
                    "quick q: ",
                    "for thursday's committee: ",
                    "hiya ",
                    "sorry another one - ",
                    "hello, ",
                    "ahead of scrutiny next week, ",
                ]
            ) + (s[0].lower() + s[1:] if s[:2] != s[:2].upper() else s)
        ends = ("pls", "please", "thanks", "ta", "cheers", "thx")
        if r() < 0.2 and not s.rstrip("?").lower().endswith(ends):
            s = s.rstrip("?") + self.c([" pls", " please", " thanks", " ta", " cheers", "? thx", "??"])
        if allow_lower and r() < 0.35:
            s = s.lower()
        if r() < 0.35:
            s = s.replace("'", "")
        return s

    # ------------------------------------------------------------------ single-turn questions
    def value_q(self, ds, code, area, home, p):
        mm = self.m(ds, code)
        if area == home:
            if p is None:
                t = self.c(
                    [
                        "what's our {m} at the moment?",
                        "what is our current {m}",
                        "{m} - where are we now?",
                        "hows our {m} looking currently",
                        "can you give me our latest {m}",
                        "what's the latest figure for our {m}?",
                        "{m} for us?",
                    ]
                )
            else:
                t = self.c(
                    [
                        "what was our {m} in {y}?",
                        "{m} {y} for us pls",
                        "can you tell me our {m} for {y}",
                        "what did we get for {m} in {y}",
                        "our {m} in {y}?",
                        "need our {m} figure for {y}",
                    ]
                )
            s = t.format(m=mm, y=self.yr(p) if p else "")
        else:
            s = self.value_named(ds, code, self.name(area, typo=False), p, raw=True)
        return self.casual(s)

    def value_named(self, ds, code, label, p, raw=False):
        mm = self.m(ds, code)
        if p is None:
            t = self.c(
                [
                    "what's {n}'s {m}?",
                    "{m} for {n}?",
                    "how is {n} doing on {m} at the moment",
                    "{n} {m} latest",
                    "what's the current {m} in {n}",
                    "can you pull {n}'s latest {m}",
                ]
            )
        else:
            t = self.c(
                [
                    "what was {n}'s {m} in {y}?",
                    "{n} {m} {y}",
                    "{m} for {n} in {y} pls",
                    "what did {n} report for {m} in {y}",
                    "{n} - {m} - {y}?",
                ]
            )
        s = t.format(n=label, m=mm, y=self.yr(p) if p else "")
        return s if raw else self.casual(s, allow_lower=False)

    def compare_two_named(self, ds, code, la, lb, p):
        t = self.c(
            [
                "{a} vs {b} on {m}{y}",
                "how does {a} compare with {b} for {m}{y}?",
                "compare {a} and {b} on {m}{y}",
                "{m}{y}: {a} v {b}?",
            ]
        )
        y = (" in " + self.yr(p)) if p else ""
        return self.casual(t.format(a=la, b=lb, m=self.m(ds, code), y=y), allow_lower=False)

    def _sup(self, ds, code, order, allow_top=True):
        pol = self.d.pol(ds, code)
        cost = self.d.is_cost(ds, code)
        if order == "best":
            opts = ["best"] + (["highest", "top"] if pol == "high" else ["lowest"] + (["cheapest"] if cost else []))
        else:
            opts = ["worst"] + (
                ["lowest", "bottom"] if pol == "high" else ["highest"] + (["most expensive"] if cost else [])
            )
        if not allow_top:
            opts = [o for o in opts if o not in ("top", "bottom")]
        return self.c(opts)

    def group_in(self, ds, group):
        if group == "neighbours":
            g = self.c(self.group_words(ds))
            return self.c([f"among {g}", f"in {g}", f"out of {g}"])
        return self.c(self.nat_in(ds))

    def rank_q(self, ds, code, group, n, order, p):
        mm = self.m(ds, code)
        gi = self.group_in(ds, group)
        y = ""
        if p:
            y = self.c([f" in {self.yr(p)}", f" for {self.yr(p)}"])
        sup = self._sup(ds, code, order)
        if n == 1:
            sup1 = self._sup(ds, code, order, allow_top=False)
            if sup1 in ("best", "worst"):
                forms = [
                    "which is the {s} council {g} on {m}{y}",
                    "who's {s} for {m} {g}{y}",
                    "{m}{y}: which council is {s} {g}?",
                    "which council performs {s} {g} on {m}{y}?",
                ]
            else:
                forms = [
                    "which council has the {s} {m} {g}{y}?",
                    "who has the {s} {m} {g}{y}",
                    "{m}{y}: who's {s} {g}?",
                ]
            t = self.c(forms)
            return self.casual(t.format(s=sup1, m=mm, g=gi, y=y))
        if sup in ("top", "bottom"):
            t = self.c(
                [
                    "{s} {n} {g} for {m}{y}",
                    "who are the {s} {n} {g} on {m}{y}?",
                    "can you list the {s} {n} councils {g} for {m}{y}",
                    "{m}{y} - {s} {n} {g}?",
                ]
            )
        elif sup in ("best", "worst"):
            t = self.c(
                [
                    "which {n} councils are {s} {g} on {m}{y}?",
                    "show me the {n} {s} performers {g} on {m}{y}",
                    "{m}{y}: {s} {n} councils {g}?",
                    "list the {s} {n} {g} for {m}{y} pls",
                ]
            )
        else:
            t = self.c(
                [
                    "which {n} councils have the {s} {m} {g}{y}?",
                    "show me the {n} with the {s} {m} {g}{y}",
                    "{m}{y}: which {n} have the {s} figures {g}?",
                    "list the {n} councils with the {s} {m} {g}{y}",
                ]
            )
        return self.casual(t.format(s=sup, n=n, m=mm, g=gi, y=y))

    def position_q(self, ds, code, group, p):
        mm = self.m(ds, code)
        if group == "neighbours":
            g = self.c(self.group_words(ds))
            t = self.c(
                [
                    "where do we rank among {g} on {m}?",
                    "how do we rank against {g} for {m}",
                    "what's our position in {g} for {m}?",
                    "{m} - where do we sit in {g}",
                ]
            )
        else:
            g = self.c(self.nat_in(ds))
            t = self.c(
                [
                    "what position are we {g} for {m}?",
                    "where do we rank {g} on {m}",
                    "{m}: where do we come {g}?",
                    "hows our ranking {g} on {m} looking",
                ]
            )
        return self.casual(t.format(g=g, m=mm))

    def _who(self, area, home):
        if area == home:
            return None
        return self.name(area, typo=False)

    def span_q(self, ds, code, area, home, a, b):
        mm = self.m(ds, code)
        n = self._who(area, home)
        ya, yb = self.yr(a), self.yr(b)
        if n is None:
            t = self.c(
                [
                    "how did our {m} change between {a} and {b}?",
                    "our {m} from {a} to {b}",
                    "{m} {a} -> {b} for us",
                    "can you show our {m} trend {a} to {b}",
                ]
            )
        else:
            t = self.c(
                [
                    "how did {n}'s {m} change between {a} and {b}?",
                    "{n} {m} from {a} to {b}",
                    "{m} for {n}, {a} -> {b}",
                ]
            )
        return self.casual(t.format(m=mm, n=n, a=ya, b=yb))

    def since_q(self, ds, code, area, home, y):
        mm = self.m(ds, code)
        n = self._who(area, home)
        since = self.c([f"since {y}", f"since april {y}", f"since {y}/{(y + 1) % 100:02d}"])
        if n is None:
            t = self.c(["how has our {m} changed {s}?", "our {m} {s} - better or worse?", "{m} trend {s} for us pls"])
        else:
            t = self.c(["how has {n}'s {m} changed {s}?", "{n}: {m} {s}", "whats happened to {m} in {n} {s}"])
        return self.casual(t.format(m=mm, n=n, s=since))

    def lastn_q(self, ds, code, area, home, k):
        mm = self.m(ds, code)
        n = self._who(area, home)
        span = self.c([f"over the last {k} years", f"over the past {k} years", f"{k}-year trend", f"last {k} yrs"])
        if n is None:
            t = self.c(["our {m} {s}?", "how has our {m} moved {s}", "{m}: {s} for us"])
            if span.endswith("trend"):
                t = self.c(["{s} on our {m} please", "can I get the {s} for our {m}"])
        else:
            t = self.c(["{n}'s {m} {s}?", "how has {m} in {n} moved {s}"])
            if span.endswith("trend"):
                t = "{s} for {n} on {m}"
        return self.casual(t.format(m=mm, n=n, s=span))

    def trend_q(self, ds, code, area, home):
        mm = self.m(ds, code)
        n = self._who(area, home)
        if n is None:
            t = self.c(
                [
                    "is our {m} getting better?",
                    "what's the direction of travel on {m}?",
                    "r we improving on {m}",
                    "hows our {m} trending",
                    "has our {m} been getting worse?",
                    "which way is our {m} heading",
                ]
            )
        else:
            t = self.c(
                [
                    "is {n}'s {m} getting better?",
                    "direction of travel for {n} on {m}?",
                    "has {n} been improving on {m}",
                    "which way is {m} heading in {n}",
                ]
            )
        return self.casual(t.format(m=mm, n=n))

    def compare_area_q(self, ds, code, labels, p):
        mm = self.m(ds, code)
        y = (" in " + self.yr(p)) if p else ""
        if len(labels) == 1:
            t = self.c(
                [
                    "how do we compare with {a} on {m}{y}?",
                    "us vs {a} for {m}{y}",
                    "are we better or worse than {a} on {m}{y}",
                    "{m}{y} - how do we stack up against {a}?",
                ]
            )
            return self.casual(t.format(a=labels[0], m=mm, y=y), allow_lower=False)
        t = self.c(["compare us with {a} and {b} on {m}{y}", "how do we compare to {a} and {b} for {m}{y}?"])
        return self.casual(t.format(a=labels[0], b=labels[1], m=mm, y=y), allow_lower=False)

    def compare_nn_q(self, ds, code, p):
        mm = self.m(ds, code)
        y = (" in " + self.yr(p)) if p else ""
        g = self.c(self.group_words(ds) + ["similar councils"])
        t = self.c(
            [
                "how do we compare with {g} on {m}{y}?",
                "{m}{y}: us vs {g}",
                "are we above or below {g} for {m}{y}",
                "how does our {m} compare to {g}{y}",
            ]
        )
        return self.casual(t.format(g=g, m=mm, y=y))

    def compare_nat_q(self, ds, code, p):
        mm = self.m(ds, code)
        y = (" in " + self.yr(p)) if p else ""
        g = self.c(self.nat_avg(ds))
        t = self.c(
            [
                "how does our {m} compare with {g}{y}?",
                "are we above {g} on {m}{y}",
                "{m}{y} - us vs {g}",
                "is our {m} better or worse than {g}{y}?",
            ]
        )
        return self.casual(t.format(g=g, m=mm, y=y))

    def overview_q(self, ds, service, area, home):
        if ds == "oflog":
            svc = self.c(["adult social care", "ASC", "adult social care services"])
        elif ds == "lgbf":
            svc = self.c(self.LGBF_SERVICES[service])
        else:
            svc = self.c(self.SAMPLE_SERVICES[service])
        if area == home:
            t = self.c(
                [
                    "how are we doing on {s}?",
                    "give me an overview of our {s} performance",
                    "overall picture on {s} for us pls",
                    "hows {s} looking for us overall",
                    "can I get a summary of how we're doing on {s}",
                ]
            )
            return self.casual(t.format(s=svc))
        n = self.name(area, typo=False)
        t = self.c(["how is {n} doing on {s}?", "overview of {n}'s {s} performance", "{n} - {s} overall?"])
        return self.casual(t.format(s=svc, n=n), allow_lower=False)

    def target_q(self, code, p):
        mm = self.m("sample", code)
        if p is None:
            t = self.c(
                [
                    "are we hitting target on {m}?",
                    "r we on target for {m}",
                    "{m} - are we meeting our target?",
                    "how are we doing against target on {m}",
                    "is {m} on target at the moment?",
                ]
            )
            return self.casual(t.format(m=mm))
        t = self.c(
            [
                "did we meet the target for {m} in {y}?",
                "{m} {y} - did we hit target?",
                "were we on target for {m} in {y}",
                "did {m} hit its target in {y}?",
            ]
        )
        return self.casual(t.format(m=mm, y=self.yr(p)))

    # ------------------------------------------------------------------ unknown
    def unknown_q(self, ds, home):
        kinds = ["welsh_ni", "madeup", "nodata", "chat", "cross"]
        if ds == "oflog":
            kinds.append("district")
        kind = self.c(kinds)
        own = self.c(self.d.codes(ds)) if ds != "sample" else self.c(self.d.codes("sample"))
        mm = self.m(ds, own)
        if kind == "welsh_ni":
            n = self.c(["Cardiff", "Swansea", "Gwynedd", "Wrexham", "Belfast City Council", "Powys", "Ceredigion"])
            s = self.c(["what's {n}'s {m}?", "how does {n} do on {m}", "{m} for {n} pls"]).format(n=n, m=mm)
            return self.casual(s, allow_lower=False), f"Welsh/NI council ({n})"
        if kind == "madeup":
            n = self.c(["Borsetshire", "Midsomer", "Wessex County Council", "Ambridge District Council", "Trumpton"])
            s = self.c(["what's {n}'s {m}?", "{m} in {n}?", "how are {n} doing on {m}"]).format(n=n, m=mm)
            return self.casual(s, allow_lower=False), f"made-up council ({n})"
        if kind == "district":
            n = self.c(["St Albans", "Colchester", "Maidstone", "Basildon", "Cheltenham", "Stevenage", "Ipswich"])
            s = self.c(["what's {n}'s {m}?", "{m} for {n} district council", "how is {n} doing on {m}"])
            return self.casual(s.format(n=n, m=mm), allow_lower=False), f"English district, Oflog measure ({n})"
        if kind == "nodata":
            x = self.c(
                [
                    "how much did we make from parking fines last year?",
                    "whats our bus punctuality like",
                    "how many foodbank referrals have we had this year",
                    "number of EV charging points we've installed?",
                    "what do we spend on councillor allowances",
                    "how many public toilets do we still have open?",
                    "dog fouling fines issued - latest for us?",
                    "how many potholes did we fill within 24 hours last month",
                    "whats our average library opening hours per week",
                    "number of planning enforcement notices served this year?",
                ]
            )
            return self.casual(x), f"measure no dataset holds ({x})"
        if kind == "chat":
            s = self.c(
                [
                    "thanks, that's really helpful!",
                    "morning! hope you're well",
                    "can you book me a room for thursday's pre-meet?",
                    "lol ok",
                    "who won the football last night",
                    "what can you do?",
                    "ta, thats all for now",
                    "is this thing on?",
                    "sorry wrong channel!",
                    "can you remind me what time full council starts",
                    "brilliant, cheers",
                ]
            )
            return self.casual(s, prefix=False), "chit-chat"
        # cross-home: a measure held only by another home's dataset
        if ds == "oflog":
            x = self.m("lgbf", self.c(["C&L02", "ECON05", "HSN03", "CHN11", "CORP06a", "ECON08", "SW07", "CHN22"]))
            note = "English home asking an LGBF-only measure"
        elif ds == "lgbf":
            x = self.m("oflog", self.c(["ASC3", "ASC5", "ASC6", "ASC7"]))
            note = "Scottish home asking an Oflog measure"
        else:
            x = self.m("oflog", self.c(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6"]))
            note = "sample home asking an Oflog measure"
        s = self.c(["what's our {x}?", "how are we doing on {x}", "{x} for us latest?", "can you show me our {x}"])
        assert home or SAMPLE_HOME
        return self.casual(s.format(x=x)), f"{note} ({x})"
