"""The assistant API the CLI and the Slack app share: a request in, a sourced Answer out."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from bot.compose import indicator_answer
from bot.conversation import Conversation, Turn
from bot.errors import AssistantError
from bot.meeting_words import meeting_words
from bot.models import Answer, CallerContext, Interpretation
from bot.pipeline.compose import compose, unknown_answer
from bot.pipeline.evidence import gather
from bot.pipeline.messages import message
from bot.pipeline.models import Reply, Request
from bot.pipeline.understand import Reading, interpretation_of, reading_line, turn_state, understand
from bot.router import Route, question_route, route
from bot.settings import Settings
from indicators.asked_text import is_acknowledgement
from indicators.errors import IndicatorError
from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from bot.llm import ChatModel
    from indicators.analysis import IndicatorAnalysis
    from indicators.overview import Overview
    from indicators.query import Resolution
    from indicators.ranking import Ranking
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase
    from knowledge.embedding import Embedder
    from knowledge.models import AccessContext, Passage

log = logging.getLogger(__name__)

REWORD_HINT = message("reword")  # kept importable: tests and the Slack layer quote it
SCOPE_REPLY = message("scope")
DOCUMENT_PASSAGES = 3


class DatasetSummary(BaseModel):
    """A dataset as the App Home and `sources` show it."""

    name: str
    indicators: int = 0
    latest_period: str | None = None


class Holdings(BaseModel):
    """What data the assistant holds."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    documents: list[Any] = Field(default_factory=list)
    datasets: list[DatasetSummary] = Field(default_factory=list)
    hidden: int = 0  # restricted documents held but not shown to this caller


class Assistant:
    """Routes requests to the knowledge base and the indicator engine and composes grounded answers."""

    def __init__(self, settings: Settings, llm: ChatModel | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._llm = llm
        self._llm_loaded = llm is not None
        self._kb: KnowledgeBase | None = None
        self._store: IndicatorStore | None = None
        self._embedder = embedder

    # -- lazily opened parts -------------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        """The one embedding model shared by retrieval and indicator resolution (the knowledge base's own)."""
        return self.kb.embedder

    @property
    def kb(self) -> KnowledgeBase:
        """The document knowledge base."""
        if self._kb is None:
            self._kb = self.settings.knowledge_base(embedder=self._embedder)
        return self._kb

    @property
    def store(self) -> IndicatorStore:
        """The indicator store."""
        if self._store is None:
            from indicators.store import IndicatorStore

            self._store = IndicatorStore(self.settings.home)
        return self._store

    @property
    def llm(self) -> ChatModel | None:
        """The configured chat model, or None (extractive answers)."""
        if not self._llm_loaded:
            self._llm_loaded = True
            if self.settings.llm:
                from bot.llm import load_chat_model

                self._llm = load_chat_model(self.settings.llm)
        return self._llm

    # -- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def access(caller: CallerContext) -> AccessContext:
        """The knowledge-base access context for a caller."""
        from knowledge.models import AccessContext

        return AccessContext(allow_restricted=caller.allow_restricted, channel=caller.channel, user=caller.user)

    def home_area(self, caller: CallerContext, area: str | None = None) -> str:
        """The council a request is about: explicit area, the caller's, or SCRUTINY_AREA."""
        wanted = area or caller.area or self.settings.area
        if not wanted:
            raise AssistantError(message("no_council"))
        return self.area_code(wanted)

    def area_code(self, wanted: str) -> str:
        """Turn a council code or name into a code held in the data."""
        areas = self.store.areas()
        if not areas or wanted in areas:
            return wanted
        lowered = {name.lower(): code for code, name in areas.items()}
        lowered.update({code.lower(): code for code in areas})
        if wanted.lower() in lowered:
            return lowered[wanted.lower()]
        from rapidfuzz import process

        close = [m[0] for m in process.extract(wanted, list(areas.values()), limit=3)]
        raise AssistantError(message("unknown_council", wanted=wanted, closest=", ".join(close)))

    def _has_indicators(self) -> bool:
        return bool(self.store.datasets())

    def search(self, query: str, caller: CallerContext, k: int = DOCUMENT_PASSAGES,
               rewrite: bool = False) -> list[Passage]:
        """Passages for `query`; with `rewrite` and an LLM configured (SCRUTINY_MULTI_QUERY on), the model's other
        wordings of it are searched too (bot/pipeline/search_queries.py)."""
        if not self.kb.documents():
            return []
        also: list[str] = []
        if rewrite and self.settings.multi_query and self.llm is not None:
            from bot.pipeline.search_queries import search_queries

            also = search_queries(self.llm, query)
        return self.kb.search(query, k=k, access=self.access(caller), also=also)

    def _resolve(self, question: str, home: str | None, after: str | None = None) -> Resolution | None:
        if not self._has_indicators():
            return None
        from indicators.query import resolve

        rules = resolve(self.store, question, home, embedder=self.embedder, after=after)
        if self.llm is None:
            return rules
        # With a model configured it may read the question; the store validates its reading, else the rules stand.
        from bot.pipeline.llm_reading import propose, validated

        proposal = propose(self.llm, self.store, question, home)
        return (validated(proposal, self.store, rules) if proposal is not None else None) or rules

    def analyse(self, res: Resolution, area: str) -> IndicatorAnalysis:
        from indicators.analysis import analyse

        return analyse(self.store, res.indicator_id, res.area_code or area, since=res.since, last_n=res.last_n,
                       comparison=res.comparison, period=res.period)

    def chart(self, analysis: IndicatorAnalysis, chart: Path | None, make_chart: bool) -> str | None:
        if chart is None and not make_chart:
            return None
        from indicators.charts import render_trend_chart

        if chart is None:
            chart = self.settings.home / "charts" / f"{analysis.info.indicator_id}-{uuid.uuid4().hex[:8]}.png"
        chart.parent.mkdir(parents=True, exist_ok=True)
        return str(render_trend_chart(analysis, self.store, chart))

    # -- public API ----------------------------------------------------------------------------------------
    def respond(self, request: Request, caller: CallerContext, conversation: Conversation | None = None) -> Reply:
        """The one entry point every front end calls: route once, run the command, return the answer (and file)."""
        if request.command == "sources":
            return Reply(answer=self.holdings_answer(caller))
        if request.command == "trend":
            answer = self.trend(request.text, caller, area=request.area, chart=request.chart, since=request.since,
                                make_chart=request.make_chart, period=request.period)
            return Reply(answer=answer)
        if request.command == "questions":
            said = meeting_words(request.text)
            return Reply(answer=self.questions(said.topic, caller, area=request.area,
                                               indicators=request.indicators or None,
                                               meeting_date=request.meeting_date or said.meeting_date))
        if request.command == "brief":
            return self._brief_reply(request.text, request, caller, conversation, turn_text=None)
        r = route(request.text, conversation) if request.command == "handle" else question_route(request.text)
        if r.kind == "questions":
            said = meeting_words(r.topic or request.text)
            answer = self.questions(said.topic, caller, area=request.area,
                                    meeting_date=request.meeting_date or said.meeting_date)
            if conversation is not None:
                conversation.add(Turn(question=request.text, kind="questions", topic=r.topic))
            return Reply(answer=answer, conversation=conversation)
        if r.kind == "brief":
            return self._brief_reply(r.topic or request.text, request, caller, conversation, turn_text=request.text)
        if r.kind == "meeting":
            return Reply(answer=self.meeting(request.text, caller, area=request.area), conversation=conversation)
        answer = self.ask(request.text, caller, conversation=conversation, chart=request.chart,
                          make_chart=request.make_chart, routed=r)
        return Reply(answer=answer, conversation=conversation)

    def _brief_reply(self, topic: str, request: Request, caller: CallerContext, conversation: Conversation | None,
                     turn_text: str | None) -> Reply:
        out = request.out or self.settings.home / "briefs" / f"briefing-{uuid.uuid4().hex[:8]}.docx"
        # Options given explicitly (CLI --committee/--meeting-date) win over the words of the request.
        said = meeting_words(topic)
        answer = self.brief(said.topic, caller, out=out, area=request.area,
                            meeting_date=request.meeting_date or said.meeting_date,
                            committee=request.committee or said.committee)
        if conversation is not None and turn_text is not None:
            conversation.add(Turn(question=turn_text, kind="brief", topic=topic))
        return Reply(answer=answer, document=out if out.is_file() else None, conversation=conversation)

    def handle(self, text: str, caller: CallerContext, conversation: Conversation | None = None,
               make_chart: bool = False) -> Answer:
        """Route free text: a question, a follow-up, 'questions on …' or 'brief on …' (brief goes to a temp file)."""
        return self.respond(Request(text=text, make_chart=make_chart), caller, conversation).answer

    def ask(self, question: str, caller: CallerContext, conversation: Conversation | None = None,
            chart: Path | None = None, make_chart: bool = False, routed: Route | None = None) -> Answer:
        """Answer a question from indicators and/or documents, with numbered citations: understand, gather
        evidence, compose, then (with an LLM) reword behind the guard."""
        question = question.strip()
        if not question:
            raise AssistantError(message("empty_question"))
        r = routed or route(question, conversation)
        if r.kind == "help":
            # A greeting asks nothing: its reading is "unknown"; "what can you do?" asks for help.
            return Answer(question=question, kind="none", answer=message("scope"), understood=Interpretation(
                intent="unknown" if r.topic == "greeting" else "help", request="help"))
        if r.kind == "meeting":
            return self.meeting(question, caller)  # "can you help me prep for scrutiny on Thursday?"
        if is_acknowledgement(question):
            # "great ta" after an answer thanks, it asks nothing (it used to repeat the answer, or find TA).
            return Answer(question=question, kind="none", answer=message("welcome"),
                          understood=Interpretation(intent="unknown", request=r.kind))
        home, unheld_home = None, None
        if caller.area or self.settings.area:
            try:
                home = self.home_area(caller)
            except AssistantError:
                # The asking council holds no data (a district asking about adult social care): questions naming a
                # council are still answered; "we" and "our" are told why they cannot be.
                unheld_home = caller.area or self.settings.area
        reading = self._whole_table(self._national(understand(question, r, conversation, home, self._resolve)))
        area = None
        if reading.resolved:
            assert reading.resolution is not None
            area = reading.resolution.area_code or home
            if area is None and unheld_home is not None:
                return Answer(question=question, kind="none", answer=message("home_not_held", why=unheld_home),
                              understood=reading.interpretation.model_copy(update={"intent": "unknown"}))
            area = area or self.home_area(caller)  # no council at all: the user is told to choose one
        sources = _Sources(self, caller, chart, make_chart or r.kind == "chart" or r.wants_chart)
        try:
            evidence = gather(reading, sources, area)
        except IndicatorError as exc:
            # The reading named data that is not there (no values for that council): say so, do not fail.
            return Answer(question=question, kind="none", answer=message("no_data_for", reason=str(exc)),
                          understood=reading.interpretation.model_copy(update={"intent": "unknown"}))
        answer = compose(reading, evidence, self._documents_held(), self._dataset_summaries())
        if unheld_home is not None and answer.kind == "none":
            answer = answer.model_copy(update={"answer": message("home_not_held", why=unheld_home) + " " +
                                               answer.answer})
        if answer.kind != "none" and self.llm is not None:
            from bot.guard import guarded_answer

            answer = guarded_answer(self.llm, question, answer, evidence.passages, log)
        if answer.kind in ("indicator", "mixed") and answer.understood is not None:
            # Say how the question was read before answering it, so a misreading is seen at once.
            line = reading_line(answer.understood, self._names(answer.understood))
            answer = answer.model_copy(update={"answer": f"{line}\n\n{answer.answer}"})
        if conversation is not None:
            conversation.add(self._turn(question, answer, reading, conversation))
        return answer

    def _names(self, understood: Interpretation) -> dict[str, str]:
        """What to call the codes of a reading: indicator and council names, and the groups."""
        names = {"england": "England", "scotland": "Scotland", "national": "all councils",
                 "neighbours": "nearest neighbours"}
        for code in understood.indicators:
            try:
                info = self.store.indicator(code)
                names[code] = info.name
                dataset = self.store.dataset(info.dataset) if info.dataset else None
            except ScrutinyError:
                continue
            label = dataset.comparators.group_label if dataset is not None else ""
            if code == understood.indicators[0] and label and label != "comparator group":
                names["neighbours"] = label  # "LGBF family group" for a Scottish council, not "nearest neighbours"
        names.update({code: self.store.area_name(code) for code in understood.areas if code not in names})
        return names

    def _national(self, reading: Reading) -> Reading:
        """A follow-up's "nationally" becomes England or Scotland once the indicator (and so its dataset) is known."""
        res = reading.resolution
        if res is None or res.indicator_id is None or "national" not in res.areas:
            return reading
        from indicators.query import national_code

        code = national_code(self.store.indicator(res.indicator_id), self.store)
        areas = [code if a == "national" else a for a in res.areas]
        reading.resolution = res.model_copy(update={"areas": areas})
        reading.interpretation = interpretation_of(reading)
        return reading

    def _whole_table(self, reading: Reading) -> Reading:
        """A follow-up's "rank the family group" lists every council of the group once the indicator is known."""
        res = reading.resolution
        if res is None or not res.rank_whole or res.rank_n is not None or res.indicator_id is None:
            return reading
        from indicators.ranking import scope_members

        members = scope_members(self.store, res.indicator_id, res.scope or "national", reading.home)[0]
        reading.resolution = res.model_copy(update={"rank_n": len(members)})
        reading.interpretation = interpretation_of(reading)
        return reading

    def _documents_held(self) -> int:
        return len(self.kb.documents()) if self.settings.home.exists() else 0

    def _dataset_summaries(self) -> list[str]:
        """What each dataset holds, in words ("7 indicators for 151 councils (oflog)"), for "I don't know"."""
        return [f"{d.indicators} indicators for {d.areas} councils ({d.name})" for d in self._datasets()]

    def _datasets(self) -> list[Any]:
        return self.store.datasets() if self.settings.home.exists() else []

    def _turn(self, question: str, answer: Answer, reading: Reading, conversation: Conversation) -> Turn:
        res = reading.resolution
        if answer.kind in ("indicator", "mixed") and res is not None and reading.resolved:
            name = answer.figures[0].indicator_name if answer.figures else None
            area = answer.figures[0].area_code if answer.figures else res.area_code
            # An overview's figures run from its most material line to its least: "tell me more about the worst one".
            ordered = list(dict.fromkeys(f.indicator_id for f in answer.figures)) if res.intent == "overview" else []
            return Turn(question=question, kind=answer.kind, indicator_id=(ordered or [res.indicator_id])[0],
                        indicator_name=name, area_code=area if res.intent != "compare" else res.area_code,
                        ordered=ordered, answered_period=answer.figures[0].period if answer.figures else None,
                        **turn_state(res))
        last = conversation.last_indicator()
        if res is not None and res.asked_measure is not None and last is not None and \
                res.asked_measure != last.indicator_id:
            # "what about reablement?" refused for Fife in a thread about a Scottish top 5: "secondary instead" goes
            # on with that top 5, for the measure it names.
            return last.model_copy(update={"question": question, "kind": answer.kind, "indicator_id": res.asked_measure,
                                           "indicator_name": None, "ordered": [], "answered_period": None})
        if res is not None and res.asked_measure is not None:
            # A council not held was refused; the measure it asked about is what "and Leeds?" goes on with.
            return Turn(question=question, kind=answer.kind, indicator_id=res.asked_measure, intent=res.intent,
                        since=res.since, period=res.period, period_from=res.period_from, period_to=res.period_to,
                        years_back=res.years_back)
        return Turn(question=question, kind=answer.kind, topic=conversation.last_topic() if last else question)

    def trend(self, indicator: str, caller: CallerContext, area: str | None = None, chart: Path | None = None,
              since: str | None = None, make_chart: bool = False, period: str | None = None) -> Answer:
        """Trend, target and comparator analysis for one indicator, as at `period` (default: the latest)."""
        home = self.home_area(caller, area)
        if not self._has_indicators():
            raise AssistantError(message("no_indicator_data"))
        known = {i.indicator_id: i for i in self.store.indicators()}
        if indicator in known:
            from indicators.query import Resolution

            res = Resolution(status="resolved", indicator_id=indicator, area_code=home, since=since, last_n=None,
                             period=period, comparison="neighbours", candidates=[], message="")
        else:
            res = self._resolve(indicator, home)
            if res is None or res.status != "resolved":
                reading = understand(indicator, Route(kind="question"), None, home, lambda _t, _h, _a=None: res)
                return unknown_answer(reading, self._documents_held(), self._dataset_summaries())
            res = res.model_copy(update={"area_code": home, "since": since or res.since,
                                         "period": period or res.period})
        analysis = self.analyse(res, home)
        text, citation = indicator_answer(analysis, citation_id=1)
        reading = understand(indicator, Route(kind="question"), None, home, lambda _t, _h, _a=None: res)
        return Answer(question=f"trend {indicator}", kind="indicator", answer=text, citations=[citation],
                      figures=list(analysis.figures), chart=self.chart(analysis, chart, make_chart),
                      understood=reading.interpretation.model_copy(update={"intent": "trend"}))

    def questions(self, topic: str, caller: CallerContext, area: str | None = None,
                  indicators: list[str] | None = None, meeting_date: str | None = None) -> Answer:
        """Prioritised challenge questions on a topic, each backed by evidence."""
        from bot.challenge import draft_questions

        return draft_questions(topic, self.store, self.kb, self.access(caller), self.home_area(caller, area),
                               indicators=indicators, meeting_date=meeting_date, embedder=self.embedder,
                               llm=self.llm)

    def brief(self, topic: str, caller: CallerContext, out: Path, area: str | None = None,
              meeting_date: str | None = None, committee: str | None = None) -> Answer:
        """Write a pre-scrutiny briefing note (DOCX or Markdown) and return its summary; the committee and meeting
        date go in its header and date its questions."""
        from bot.briefing import write_briefing

        out.parent.mkdir(parents=True, exist_ok=True)
        return write_briefing(topic, self.store, self.kb, self.access(caller), self.home_area(caller, area), out,
                              embedder=self.embedder, llm=self.llm, meeting_date=meeting_date, committee=committee)

    def meeting(self, text: str, caller: CallerContext, area: str | None = None) -> Answer:
        """Questions for every substantive item of the synced meeting the words mean ("Thursday's scrutiny")."""
        from bot.moderngov.catalog import Catalog
        from bot.moderngov.pack import build_pack, meeting_in_words
        from bot.moderngov.sync import catalog_path

        path = catalog_path(self.settings.home)
        meeting = meeting_in_words(text, Catalog(path)) if path.exists() else None
        if meeting is None:
            key = "no_meetings" if not path.exists() else "no_such_meeting"
            return Answer(question=text, kind="none", answer=message(key),
                          understood=Interpretation(intent="questions", topic=text, request="meeting"))
        answer = build_pack(self, caller, meeting.meeting_id, area=area).to_answer()
        return answer.model_copy(update={"understood": Interpretation(
            intent="questions", topic=f"{meeting.committee}, {meeting.date.isoformat()}", request="meeting")})

    def holdings(self, caller: CallerContext) -> Holdings:
        """Documents and datasets held, for the App Home and `sources`: restricted documents only for a caller who
        may see them (the one place that rule is applied to listings); `hidden` counts the others."""
        datasets = [DatasetSummary(name=d.name, indicators=_count(getattr(d, "indicators", 0)),
                                   latest_period=getattr(d, "latest_period", None))
                    for d in self.store.datasets()]
        documents = self.kb.documents()
        shown = [d for d in documents if caller.allow_restricted or d.classification != "restricted"]
        return Holdings(documents=shown, datasets=datasets, hidden=len(documents) - len(shown))

    def holdings_answer(self, caller: CallerContext) -> Answer:
        """What is held, as an answer (`sources` in Slack)."""
        from bot.render_text import holdings_text

        return Answer(question="sources", kind="none", answer=holdings_text(self.holdings(caller)),
                      understood=Interpretation(intent="sources", request="sources"))


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list | tuple | set | dict) else int(value or 0)


class _Sources:
    """The assistant's stores as the evidence stage sees them, bound to one caller and chart request."""

    def __init__(self, assistant: Assistant, caller: CallerContext, chart: Path | None, make_chart: bool) -> None:
        self.assistant, self.caller, self.chart_path, self.make_chart = assistant, caller, chart, make_chart

    def search(self, query: str) -> list[Passage]:
        return self.assistant.search(query, self.caller, rewrite=True)

    def analyse(self, resolution: Resolution, area: str) -> IndicatorAnalysis:
        return self.assistant.analyse(resolution, area)

    def rank(self, resolution: Resolution, home: str | None) -> tuple[Ranking, str | None]:
        from indicators.ranking import rank_councils

        order = resolution.rank_order or "best"
        args = dict(scope=resolution.scope or "national", home=home, n=resolution.rank_n or 5,
                    period=resolution.period, position=resolution.rank_n is None and home is not None)
        try:
            return rank_councils(self.assistant.store, resolution.indicator_id, order=order, **args), None
        except ScrutinyError as exc:
            if order not in ("best", "worst"):
                raise
            # No direction of good performance is stated: list by value instead, and say why.
            plain = "highest" if order == "best" else "lowest"
            return rank_councils(self.assistant.store, resolution.indicator_id, order=plain, **args), str(exc)

    def overview(self, resolution: Resolution, area: str) -> Overview:
        from indicators.overview import overview
        from indicators.query import ALL_SERVICES

        if resolution.service == ALL_SERVICES:
            from indicators.overview import overview_of

            return overview_of(self.assistant.store, resolution.service_indicators, area, period=resolution.period)
        return overview(self.assistant.store, resolution.service or "", area, period=resolution.period)

    def fit(self, resolution: Resolution, area: str) -> Resolution:
        from indicators.held_periods import fit_to_held

        return fit_to_held(self.assistant.store, resolution, area)

    def chart(self, analysis: IndicatorAnalysis) -> str | None:
        return self.assistant.chart(analysis, self.chart_path, self.make_chart)
