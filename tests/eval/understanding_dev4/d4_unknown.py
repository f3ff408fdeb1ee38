"""The unknown family: measures not held (many phrased like real ones), councils not held, chit-chat, admin,
and questions about documents rather than figures.

A few questions read like document or admin requests but a held indicator answers them; those carry the reading
that indicator gives (see DECOYS), so the family also tests that "unknown" is not over-used.
"""

from __future__ import annotations

from d4_core import SAMPLE_HOME, Builder, BuildError, attempt, expect, pick_home, unknown

# (dataset, question). Nothing any of the three datasets holds answers these.
UNKNOWN = [
    # ---- Oflog homes: adult social care measures that are real but not in the Oflog extract
    ("oflog", "what's our rate of permanent admissions to care homes for over 65s per 100k?"),
    ("oflog", "proportion of people who use services who say they feel safe - latest for us?"),
    ("oflog", "How many adults with a learning disability are in paid work in our area?"),
    ("oflog", "number of carers' assessments we completed in 2022/23"),
    ("oflog", "people who use services who have as much social contact as they would like"),
    ("oflog", "Overall satisfaction of people with their care and support, 2021-22, please"),
    ("oflog", "how many safeguarding concerns did we receive last year and how many went to a section 42 enquiry"),
    ("oflog", "DoLS applications waiting more than a year"),
    ("oflog", "average wait for an OT assessment?"),
    ("oflog", "what's A&E four hour performance like at our acute trust"),
    ("oflog", "Care home beds per 1,000 over 75s in our area"),
    # ---- Oflog homes: councils the data does not hold
    ("oflog", "reablement figures for Swansea?"),
    ("oflog", "carer quality of life in Cheltenham"),
    ("oflog", "how does Harrogate Borough Council do on care staff turnover"),
    ("oflog", "Wrexham - info and advice for service users - latest"),
    # ---- Oflog homes: chit-chat, admin, documents
    ("oflog", "morning all, is the bot working today?"),
    ("oflog", "cheers, that's exactly what I needed"),
    ("oflog", "who's the cabinet member for adult social care now? I've lost track since the reshuffle"),
    ("oflog", "When's the next Health and Adult Social Care Scrutiny meeting"),
    ("oflog", "what did the LGA peer challenge team say about leadership in adult social care?"),
    ("oflog", "Can you summarise the CQC assessment of our adult social care for the committee?"),
    # ---- LGBF homes
    ("lgbf", "what's our Band D council tax this year?"),
    ("lgbf", "ferry punctuality to the islands, last quarter"),
    ("lgbf", "How many people are on the council housing waiting list?"),
    ("lgbf", "dog fouling complaints per 1,000 population"),
    ("lgbf", "what percentage of the council fleet is electric now"),
    ("lgbf", "number of EV charge points per 100,000 population"),
    ("lgbf", "knife crime in our area compared with five years ago"),
    ("lgbf", "how many community councils are there and how many are active"),
    ("lgbf", "public toilets open per 10,000 residents?"),
    ("lgbf", "Recycling rate for Cardiff?"),
    ("lgbf", "Conwy's cost per library visit"),
    ("lgbf", "Who's the chief exec at the moment, and when does she leave?"),
    ("lgbf", "can you reset my password for the members' portal"),
    ("lgbf", "What did the Accounts Commission's Best Value report say about our leadership?"),
    ("lgbf", "pull out the recommendations from the last Best Value Assurance Report and who owns each one"),
    ("lgbf", "hiya"),
    ("lgbf", "any chance you could take the minutes tonight? Our clerk's off sick"),
    # ---- sample pack home (Northbridge, a district)
    ("sample", "how many parking PCNs did we issue in 2023/24?"),
    ("sample", "housing benefit new claims - average days to process?"),
    ("sample", "How many planning appeals did we lose last year?"),
    ("sample", "garden waste subscriptions this year vs last"),
    ("sample", "number of households on the housing register"),
    ("sample", "agency staff spend for 2023-24"),
    ("sample", "FOI requests answered within 20 working days"),
    ("sample", "what's the call answering rate at the contact centre"),
    ("sample", "turnout at the last district elections"),
    ("sample", "how many trees did we plant last winter?"),
    ("sample", "Eastbridge District Council's recycling rate"),
    ("sample", "Southmere's missed bins"),
    ("sample", "what's on the agenda for Overview and Scrutiny next week?"),
    ("sample", "can you draft a press release about the new bin rounds"),
    ("sample", "who do I speak to about a resident's complaint about a neighbour's hedge?"),
    ("sample", "What did the peer challenge recommend on governance and culture?"),
    ("sample", "summarise the minutes of the last Cabinet meeting for me"),
    ("sample", "ta very much!"),
    ("sample", "Is the Chair's report for Thursday ready yet?"),
]

# (dataset, indicator, home or None for another council, period or None, question): answerable after all.
DECOYS = [
    ("oflog", "ASC5", None, "2019-20",
     "In the March minutes someone claimed our reablement figure for 2019/20 was the best in years - what was it "
     "actually?"),
    ("lgbf", "CORP07", None, "2021-22",
     "the Best Value report mentions our council tax collection rate; what was it in 2021/22?"),
    ("sample", "staff_turnover", None, None,
     "There's a line in the peer challenge letter about staff turnover. What's the latest figure?"),
    ("sample", "household_recycling_rate", None, "2024-25 Q2",
     "The Q2 performance report says our recycling was 40.2% - can you confirm the recycling rate for Q2 2024/25?"),
]


def build_unknown(b: Builder) -> None:
    for ds, text in UNKNOWN:
        def one(ds=ds, text=text):
            home = pick_home(b, ds)
            return b.add("unknown", ds, home, text, unknown(), "unknown")
        attempt(one)
    for ds, ind, _who, per, text in DECOYS:
        def decoy(ds=ds, ind=ind, per=per, text=text):
            home = pick_home(b, ds) if ds != "sample" else SAMPLE_HOME
            if per is not None and b.d.value(ds, ind, home, per) is None:
                raise BuildError("not held")
            return b.add("unknown", ds, home, text, expect("value", [ind], [home], None, per),
                         "decoy: reads like a document or admin request, but a held indicator answers it")
        attempt(decoy)
