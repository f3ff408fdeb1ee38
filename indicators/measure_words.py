"""The words questions and measures are made of: stop words, everyday terms for what measures call by another
name, phrases whose words mean something else apart, and the small stemmer that lets "collected" meet "collecting".
`indicators.query` matches a question's words against every indicator's name and aliases with these."""

from __future__ import annotations

import re

__all__ = ["GENERIC_NAME_WORDS", "MONTHS_AND_WORDS", "STOP_WORDS", "SYNONYMS", "WORD", "agent_noun", "measure_words",
           "phrased", "PHRASE_WORDS", "plain_talk", "said", "stem", "synonyms_of", "SERVICE_CONCEPTS", "TALK_WORDS",
           "covering_most"]

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUESTION_WORDS = frozenset(
    "a an and are as at be been by can could did do does doing for from has have how i in is it its me my "
    "of on or our ours over per please show tell than that the their them there these this those to us was "
    "we were what whats when where which who why will with you your about against compare compared comparison "
    "since last past previous years year periods period latest current recent most been gone going changed "
    "change changing trend trends doing performance perform performing council councils similar neighbours "
    "neighbour nearest family group average england english national nationally scotland scottish all versus "
    "vs give look like rate figures figure data numbers number value looking well badly better worse improve "
    "improved improving three two four five six seven eight nine ten one couple few many much across other "
    "others get gets getting got happen happened happening tell show give quick pls thanks any more above below "
    "going went gone direction travel right way lately currently moment now still really "
    "side pick info kpis kpi indicators indicator metrics metric measures go asc back same but again instead only just "
    "among amongst"
    .split())
TALK_WORDS = frozenset(
    # How people talk about their own task and meeting, never how a measure is named: a long question ("I'm
    # drafting the convener's note and have left a gap where ... should go") must not look less like an indicator
    # question than its short form. Words that name documents (plan, report, audit, minutes, say) are left out, so
    # a document question still reads as one; each word here was checked against every held indicator's name.
    "want wanted wants pull dig drafting draft note notes left convener convenor convener's cabinet member members "
    "keeps keep saying committee committees papers tomorrow tonight today yesterday monday tuesday wednesday "
    "thursday friday briefing portfolio holder chair chairs chairman context bothered whole sorry daft obvious "
    "random bit hello hiya hi morning afternoon evening cheers asap poss officer officers forum wondering wonder "
    "curious question questions thing things see whether made because put ask asked asking know check confirm "
    "remind trying try understand cllr councillor councillors colleague colleagues agenda lot stuff update fyi btw "
    "grateful appreciate kindly think thought reckon told insist doing fine just bother difference should "
    "would between through until till up moved move moving out post posted dig list not yet next already far off "
    "agent agents drill into best worst top bottom share percentage prep scrutiny if quartile track worried "
    "worry concerned pack".split())
STOP_WORDS = _QUESTION_WORDS | TALK_WORDS  # dropped before matching a question to a measure
# Padding a person says about their own need ("I need", "for the pre-meet"), dropped before matching.
_PADDING = re.compile(
    r"\b(?:i|we)(?:\s+really)?\s+(?:need|needed|want|wanted|would like|'d like)\b|\bpre[- ]?meet(?:ing)?s?\b|"
    r"\b(?:i'm|i am|we're|we are) after\b|\bo&s\b|"
    # "what about within similar councils": the group, not CO2 "within the scope of" the council
    r"\bwithin(?= (?:the |our |its |their )?(?:similar|comparable|family|comparator|nearest|neighbou?rs?|peers?|"
    r"benchmark\w*|scotland|england|all)\b|\s*$)|\b(?:of|out of|among|amongst|across) (?:the |all )?\d+ (?:[\w-]+ )?"
    r"(?:councils|authorities)\b|\b(?:is|was|are|were) (?:that|it|this|those|these) (?:any |very )?"
    r"(?:good|bad)\b|"
    r"\b(?:for|before|in) (?:the|our|my|tomorrow's|next week's|thursday's) (?:[\w'&-]+ ){0,4}?"
    r"(?:pre[- ]?meet(?:ing)?|meeting|committee|papers|briefing|report|note)s?\b")
MONTHS_AND_WORDS = frozenset(
    "january february march april may june july august september october november december quarter year "
    "scotland england wales britain uk nationally neighbours".split())
# Words in an indicator's name that do not set it apart ("CO2 emissions area wide per capita" is the general one).
# A council's general fund is its main account (a measure of another account, the HRA, says so), and "ratio" or
# "score" says how a measure is expressed, not what it measures.
GENERIC_NAME_WORDS = frozenset({"area", "wide", "total", "overall", "all", "general", "fund", "ratio", "score",
                                "acceptable"})
SYNONYMS = {
    "bin": "waste refuse collection collections", "bins": "waste refuse collection collections",
    "rubbish": "waste refuse", "litter": "street cleaning cleanliness", "recycling": "recycled recycling",
    "sick": "sickness absence", "sickness": "sickness absence", "absence": "sickness absence",
    "carers": "carer carers", "turnover": "workforce turnover", "staff": "workforce employees",
    "homes": "dwellings", "housing": "dwellings housing", "repairs": "repairs", "potholes": "roads maintenance",
    "roads": "roads", "libraries": "library libraries", "library": "library libraries", "pupils": "pupil pupils",
    "school": "school schools pupil", "exam": "awards tariff", "exams": "awards tariff", "jobs": "employment work",
    "unemployment": "unemployed claimant", "job": "employment work", "unpaid": "carer", "hourly": "hour",
    "clients": "service users",
    "client": "service user", "hr": "hour", "hrs": "hours",
    "kids": "children", "kid": "child",
    "compliance": "meeting", "compliant": "meeting",
    "majors": "major planning applications", "minors": "minor planning applications",
    "house": "dwelling", "houses": "dwellings",
    "reablement": "short-term services sequel",
    "social": "social", "parks": "parks open spaces", "museums": "museums", "leisure": "leisure sports",
    "carbon": "co2 emissions", "emissions": "co2 emissions", "tax": "tax", "invoices": "invoices",
    "rent": "rent", "arrears": "arrears", "empty": "voids vacancy", "voids": "voids",
    "long": "time", "quickly": "time", "fast": "time", "helped": "assisted", "helping": "assisted",
    "info": "information", "apps": "applications", "ctax": "council tax", "qol": "quality life",
    "nndr": "business rates nndr", "sickies": "sickness absence", "pop": "population", "escalated": "stage 2",
    "head": "capita", "reqs": "requests", "req": "request", "ta": "temporary accommodation",
    "dfg": "disabled facilities grants", "dfgs": "disabled facilities grants",
    "kpis": "", "kpi": "", "indicators": "", "metrics": "",
    "fees": "cost costs", "fee": "cost", "folk": "person people", "spend": "cost", "elderly": "older",
    # Everyday words for what measures call by another name.
    "leaving": "turnover", "workers": "workforce staff", "clean": "cleanliness clean", "churn": "turnover",
    "quitting": "turnover",
    "advice": "information",
    "vacant": "vacancy", "supplier": "invoices paid", "suppliers": "invoices paid", "payment": "paid",
    "gym": "sports facilities", "gyms": "sports facilities",
    "swimming": "sports facilities", "pools": "sports facilities",
    "temp": "temporary", "accom": "accommodation", "accomm": "accommodation",  # "temp accom figures"
    "leave": "turnover", "sweeping": "cleaning clean", "sweep": "cleaning clean", "app": "application",
    "nonurgent": "nonemergency", "wait": "time", "waits": "time", "waiting": "time",
}
_IRREGULAR = {"children": "child", "lives": "life", "satisfaction": "satisfied", "satisfied": "satisfied",
              "satisfy": "satisfied",
              "women": "woman", "men": "man", "people": "person", "premise": "premises", "emission": "emissions",
              "collection": "collect", "collections": "collect",
              "cleaning": "clean", "cleaned": "clean", "employee": "employees", "employed": "employment",
              "paid": "paid", "pay": "paid", "taken": "take", "took": "take", "takes": "take", "spending": "spend",
              "spent": "spend", "costs": "cost", "cleansing": "clean",
              "cleanse": "clean"}


def synonyms_of(word: str) -> set[str]:
    """The stemmed words an everyday term stands for, looked up by the word as typed or by its stem ("leaving"
    and "leav" both give "turnover")."""
    return {stem(x) for x in (SYNONYMS.get(word) or _BY_STEM.get(word, "")).split()}


def stem(word: str) -> str:
    """A light stem ("collecting" -> "collect", "authorities" -> "authority"), irregular forms first."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


# Phrases whose words mean something else apart: a "care home" is residential care, not home care; an "A class
# road" is one idea ("a" is otherwise a stop word).
_PHRASES = ((re.compile(r"\bc-?tax\b"), "council tax"), (re.compile(r"\bfly[- ]?tips?\b"), "fly-tipping"),
            (re.compile(r"\bhomecare\b"), "home care"),
            (re.compile(r"\bwaiting lists?\b"), "waitlist"),  # a housing or NHS list, which no measure counts
            # How a new councillor describes measures whose titles they have not seen.
            (re.compile(r"\b(?:people |those |residents )?(?:caring|who care|looking after|who look after) for "
                        r"(?:a |their |an? (?:elderly |older |disabled )?)?(?:relatives?|family members?|loved ones?|"
                        r"someone|partners?|parents?)\b"), "carers"),
            (re.compile(r"\b(?:come|coming|came) out of short[- ]term (?:support|care|services?) without (?:needing|"
                        r"any need for) (?:long[- ]term|ongoing|further) (?:care|support)\b|\bneeding no (?:ongoing|"
                        r"further|long[- ]term) (?:care|support) after (?:short[- ]term )?(?:support|reablement|"
                        r"services?)\b"), "short-term services sequel"),
            # "qol for people using care and support": the users' own quality of life, not their carers'.
            (re.compile(r"\b(?:people|those|adults|residents|folk) (?:using|who use|receiving|who receive|getting|who "
                        r"get|in receipt of) (?:adult )?(?:social )?(?:care(?: and support| services)?|support)\b"),
             "service user"),
            # What council tax costs a household, not how much of it is collected.
            # ("bills" is itself a word of no held measure, so it is left to be read as one.)
            (re.compile(r"\bcouncil tax (?:bill|levels?|rises?|increases?|charges?|went up|goes up|going up)\b"),
             "precept"),
            (re.compile(r"\b(?:big|large|larger) planning\b"), "major planning"),
            (re.compile(r"\b(?:small|smaller) planning\b"), "minor planning"),
            (re.compile(r"\b(?:units?|shops?|premises|properties) (?:lying |standing |left |sitting )?(?:empty|"
                        r"vacant)\b"), "vacancy"),
            (re.compile(r"\bover (?:that|the same|this|those) (?:time|period|span|stretch|years)\b"), " "),
            (re.compile(r"\b(?:the )?(?:bottom|top|other) end(?: of the (?:table|list|league))?\b"), " "),
            # "what about the bottom end?" with "the bottom" already read as the ranking: "end" alone is no measure's
            (re.compile(r"^(?:\W*(?:what|how) about)?\W*(?:the\s+)?end\b(?! of)"), " "),
            (re.compile(r"\bin[- ]year (?:collection|collected)\b"), "collection received income due"),
            (re.compile(r"\b(?:or is it|or) (?:just )?(?:random )?noise\b|\bsignal or noise\b"), " "),
            (re.compile(r"\bcare homes?\b"), "residential care"), (re.compile(r"\bhome[- ]care\b"), "home care"),
            (re.compile(r"\b([abc])[- ]class\b"), r"\1class"),
            (re.compile(r"\b([abc]) roads\b"), r"\1class roads"),
            (re.compile(r"\bstage (?:two|ii)\b"), "stage 2"), (re.compile(r"\bkms?\b"), "kilometre"),
            (re.compile(r"\b(?:delayed (?:hospital )?discharges?(?: bed)?(?: days)?|bed[- ]blocking)\b"),
             "days hospital ready discharged"),
            # A collection rate is the share of what is due that is received, not the cost of collecting it.
            (re.compile(r"\bcouncil tax collection(?: rates?)?\b(?!\s+(?:costs?|spend))"),
             "council tax collection received income due"),
            (re.compile(r"\bover[- ]?(\d+)s\b"), r"\1"),
            (re.compile(r"\bper (?:person|head|resident)\b"), "per capita"),
            (re.compile(r"\bself[- ]directed support\b"), "sds"),
            # Everyday descriptions of what a measure counts.
            (re.compile(r"\b(?:leavers?|pupils?|young people) (?:going|moving|getting) (?:on )?(?:in)?to (?:a )?"
                        r"(?:jobs?|work|training|college|uni|university|further education)\b"),
             "pupils entering positive destinations"),
            (re.compile(r"\b(?:bounced|bouncing|bounce|coming|came|going|went|sent|back) back (?:in)?to hospital\b|"
                        r"\bback (?:in)?to hospital\b"), "readmission hospital"),
            (re.compile(r"\bwithin a month\b"), "within 28 days"),
            (re.compile(r"\b(?:needing|needs?|requiring|wanting) (?:nothing|no) (?:more|further|ongoing|else)"
                        r"(?: support| help| care)?\b"), "outcome sequel"),
            (re.compile(r"\bknow(?:s|ing)? where to (?:get|find|go for) (?:help|support|information|info|advice)\b"),
             "finding information support"),
            (re.compile(r"\b(?:contacts?|requests?|enquiries|referrals?) (?:that )?(?:turn|turning|turned|result|"
                        r"resulting|lead|leading|led|end|ending) (?:up )?(?:in(?:to)?|to) (?:a )?(?:care package|"
                        r"package of care|service|support)\b"), "requests resulting service"),
            (re.compile(r"\b(?:growing up|living|brought up) (?:in )?poor\b"), "living poverty"),
            (re.compile(r"\bpaid (?:promptly|on time|quickly)\b|\bpaying (?:\w+ )?(?:promptly|on time|quickly)\b"),
             "invoices paid within 30 days"),
            (re.compile(r"\btown cent(?:re|er)s?\b"), "town"),
            (re.compile(r"\bback[- ]office\b"), "support services"),
            # Scottish qualifications by name: Highers are SCQF level 6, National 5s level 5.
            (re.compile(r"\b(?:at )?highers?(?: level)?\b"), "level 6"), (re.compile(r"\bnational 5s?\b"), "level 5"),
            (re.compile(r"\b(council tax|business rates|non-domestic rates|nndr|rents?) collected\b"), r"\1 received"),
            (re.compile(r"\b(?:not|never) (?:collected|picked up|emptied)\b"), "missed"),
            (re.compile(r"\bleisure cent(?:re|er)s?\b"), "leisure sports facilities"),
            (re.compile(r"\bnon[- ]?teaching\b|\bexcluding teachers\b|\bother than teachers\b"), "nonteacher"),
            # ASC3/ASC4 measure how easy information is to find: "access to information" asks the same.
            (re.compile(r"\baccess(?:ing)? (?:to )?(?:information|info)\b|\binfo(?:rmation)? access\b"),
             "finding information"),
            # Names spelled out that measures carry as initials or in their own terms.
            (re.compile(r"\bscottish housing quality standard\b"), "shqs"),
            (re.compile(r"\bcouncil houses\b"), "council dwellings"),
            (re.compile(r"\b(?:the )?(?:most deprived|poorest) (?:(?:20|twenty) ?(?:%|per ?cent) )?(?:pupils|areas|"
                        r"children|fifth|quintile)\b"), "simd quintile 1"),
            (re.compile(r"\b(?:the )?least deprived (?:pupils|areas|children|fifth|quintile)\b"), "simd quintile 5"),
            (re.compile(r"\b(?:multiple|several|repeated|more than one|two or more) placements?\b"),
             "more than one placement"),
            (re.compile(r"\blac\b"), "looked after children"),
            (re.compile(r"\bclaimant count (?:for|among|of|amongst) (?:young people|young adults|youth|the young)\b"),
             "claimant count 16-24 population"))


# Words the phrases above are made of, spelt right (a misspelt one is corrected to these before matching).
PHRASE_WORDS = frozenset(w for p, _ in _PHRASES for w in re.findall(r"[a-z]{5,}", p.pattern))


def phrased(text: str) -> str:
    """The text lower-cased with its phrases read as one idea ("stage two" -> "stage 2", "care home" ->
    "residential care")."""
    # "non-teacher" is one idea, not "teacher".
    lowered = re.sub(r"\bnon[-\s]+", "non", text.lower().replace("&", " and "))
    for pattern, meaning in _PHRASES:
        lowered = pattern.sub(meaning, lowered)
    return lowered


def plain_talk(text: str) -> str:
    """The text without the asker's own padding and talk ("for the committee report", "I'm drafting…"): what the
    embedding compares with indicator names, so that a long question means what its short form means."""
    kept = [w for w in WORD.findall(_PADDING.sub(" ", phrased(text))) if w not in TALK_WORDS]
    return " ".join(kept)


def measure_words(text: str) -> list[str]:
    """The stemmed measure words of a text, stop words dropped, phrases read as one idea."""
    lowered = re.sub(r"['\u2019](?:s|m|re|ve|d|ll)\b", "", _PADDING.sub(" ", phrased(text)))  # "what's" is "what"
    return [stem(w) for w in WORD.findall(lowered) if w not in STOP_WORDS]


def said(query_words: list[str], question: str) -> set[str]:
    """The question's measure words with the words its everyday terms stand for ("bins" -> waste collection)."""
    expanded = set(query_words)
    for raw in WORD.findall(question.lower()):
        if raw in SYNONYMS:
            expanded.update(stem(x) for x in SYNONYMS[raw].split())
    return expanded


def agent_noun(a: str, b: str) -> bool:
    """Whether one word is the other with -r/-er added ("carer"/"care", "worker"/"work")."""
    short, long = sorted((a, b), key=len)
    return long in (short + "r", short + "er", short + "ers", short + "rs")


# Synonyms found by stem too, since questions are matched on stems ("workers" -> "worker").
_BY_STEM = {stem(k): v for k, v in SYNONYMS.items() if stem(k) not in SYNONYMS}

# Things councils are asked about that name a service or measure of their own: a question naming one that no held
# indicator mentions asks about a measure not held ("potholes filled", "care home admissions", "bus punctuality"),
# however well its other words match. Checked against the vocabulary held, so data that does hold one is matched.
SERVICE_CONCEPTS = frozenset(
    "pothole potholes parking permit permits licensing licence licences taxi taxis alcohol noise pest pests dog dogs "
    "graffiti abandoned vehicle vehicles bus buses punctuality train trains cycling cycle footfall appeal appeals "
    "enforcement crime crimes burglary burglaries robbery robberies theft thefts shoplifting antisocial asb police "
    "ambulance a&e gp gps dentist dentists bed beds admission admissions "
    "safeguarding dols mileage expense expenses salary salaries allowance allowances election elections turnout "
    "voter voters registration births deaths marriage marriages cemetery cemeteries burial burials crematorium "
    "crematoria cremation cremations bereavement funeral funerals library libraries museum museums gcse gcses "
    "nhs waitlist "
    "allotment allotments tree trees flood flooding drainage gritting snow streetlight streetlights lighting "
    "food foodbank foodbanks mortgage mortgages tenancy evictions eviction ofsted inspection inspections cqc "
    # What a council charges, not how well it collects: "band D", "council tax bills", "the precept".
    "band bills precept levy fines "
    # Roads are LGBF's; a store without them (the sample district) holds nothing about roads.
    "road roads".split())


def covering_most(words: set[str], names: list[set[str]]) -> int | None:
    """Of several measures' name words, the only one that says the most of `words`, each itself or in other words
    ("bins": waste collection); None when none does or two say as many."""
    counts = [sum(1 for w in words if w in n or synonyms_of(w) & n) for n in names]
    top = max(counts, default=0)
    return counts.index(top) if top and counts.count(top) == 1 else None
