"""Council papers straight from the council's committee system (ModernGov's mgWebService.asmx).

Layout (each module imports only those above it):
- `models`     committees, meetings, agenda items, linked documents
- `errors`     the connector's errors (ScrutinyError subclasses)
- `xmlparse`   the service's XML read safely (defusedxml: no DTDs or entities) and within size bounds
- `client`     polite HTTP: one request at a time per host, delay, 90 s timeouts, retries with backoff, size limits
- `metadata`   committees followed, procedural items, citation titles, document types, restricted papers
- `catalog`    the sync's SQLite state: what was listed, downloaded and ingested (so a stopped sync resumes)
- `sync`       `scrutiny sync moderngov URL`: committees -> meetings -> items -> papers -> the knowledge base
- `promises`   undertakings recorded in minutes
- `pack`       the question pack for a meeting (`scrutiny questions --meeting`), and its briefing notes
- `fakeserver` a fake ModernGov on 127.0.0.1 serving the XML fixtures in `fixtures/` (tests, demo)
"""
