"""The assistant API the CLI and the Slack app share: a request in, a sourced Answer out."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from bot.compose import document_answer, indicator_answer
from bot.conversation import Conversation, Turn
from bot.errors import AssistantError
from bot.models import Answer, CallerContext, Interpretation
from bot.pipeline.models import Reply, Request
from bot.router import Route, route, wants_documents
from bot.settings import Settings

if TYPE_CHECKING:
    from indicators.analysis import IndicatorAnalysis
    from indicators.query import Resolution
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase
    from knowledge.embedder import Embedder
    from knowledge.models import AccessContext, Passage

log = logging.getLogger(__name__)

REWORD_HINT = ("If you expected the documents to cover this, ask again in their own terms (name the programme, "
               "measure or body): my search matches wording more reliably than meaning.")
SCOPE_REPLY = (
    "I can help with council performance and scrutiny: indicator trends and comparisons, what the council plan, "
    "performance reports, peer challenge and minutes say, challenge questions for a meeting, and pre-scrutiny "
    "briefing notes. Try: \u201cHow has our recycling rate changed since 2019?\u201d, \u201cWhat did the peer "
    "challenge recommend?\u201d or \u201cquestions on waste and recycling\u201d."
)
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

    def __init__(self, settings: Settings, llm: Any = None, embedder: Embedder | None = None) -> None:
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
            from knowledge.base import KnowledgeBase

            s = self.settings
            self._kb = KnowledgeBase(s.home, chroma_host=s.chroma_host, chroma_port=s.chroma_port,
                                     embedder=self._embedder, max_file_mb=s.max_file_mb)
        return self._kb

    @property
    def store(self) -> IndicatorStore:
        """The indicator store."""
        if self._store is None:
            from indicators.store import IndicatorStore

            self._store = IndicatorStore(self.settings.home)
        return self._store

    @property
    def llm(self) -> Any:
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
            raise AssistantError("no council chosen: pass --area CODE or set SCRUTINY_AREA")
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
        raise AssistantError(f"unknown council {wanted!r}; closest: {', '.join(close)}")

    def _has_indicators(self) -> bool:
        return bool(self.store.datasets())

    def _search(self, query: str, caller: CallerContext, k: int = DOCUMENT_PASSAGES) -> list[Passage]:
        if not self.kb.documents():
            return []
        return self.kb.search(query, k=k, access=self.access(caller))

    def _resolve(self, question: str, home: str | None) -> Resolution | None:
        if not self._has_indicators():
            return None
        from indicators.query import resolve

        return resolve(self.store, question, home, embedder=self.embedder)

    def _analyse(self, res: Resolution, area: str) -> IndicatorAnalysis:
        from indicators.analysis import analyse

        return analyse(self.store, res.indicator_id, res.area_code or area, since=res.since, last_n=res.last_n,
                       comparison=res.comparison, period=res.period)

    def _chart(self, analysis: IndicatorAnalysis, chart: Path | None, make_chart: bool) -> str | None:
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
            return Reply(answer=self.questions(request.text, caller, area=request.area,
                                               indicators=request.indicators or None,
                                               meeting_date=request.meeting_date))
        if request.command == "brief":
            return self._brief_reply(request.text, request, caller, conversation, turn_text=None)
        r = route(request.text, conversation) if request.command == "handle" else Route(kind="question")
        if r.kind == "questions":
            answer = self.questions(r.topic or request.text, caller, area=request.area)
            if conversation is not None:
                conversation.add(Turn(question=request.text, kind="questions", topic=r.topic))
            return Reply(answer=answer, conversation=conversation)
        if r.kind == "brief":
            return self._brief_reply(r.topic or request.text, request, caller, conversation, turn_text=request.text)
        answer = self.ask(request.text, caller, conversation=conversation, chart=request.chart,
                          make_chart=request.make_chart, routed=r)
        return Reply(answer=answer, conversation=conversation)

    def _brief_reply(self, topic: str, request: Request, caller: CallerContext, conversation: Conversation | None,
                     turn_text: str | None) -> Reply:
        out = request.out or self.settings.home / "briefs" / f"briefing-{uuid.uuid4().hex[:8]}.docx"
        answer = self.brief(topic, caller, out=out, area=request.area)
        if conversation is not None and turn_text is not None:
            conversation.add(Turn(question=turn_text, kind="brief", topic=topic))
        return Reply(answer=answer, document=out if out.is_file() else None, conversation=conversation)

    def handle(self, text: str, caller: CallerContext, conversation: Conversation | None = None,
               make_chart: bool = False) -> Answer:
        """Route free text: a question, a follow-up, 'questions on …' or 'brief on …' (brief goes to a temp file)."""
        r = route(text, conversation)
        if r.kind == "questions":
            answer = self.questions(r.topic or text, caller)
            if conversation is not None:
                conversation.add(Turn(question=text, kind="questions", topic=r.topic))
            return answer
        if r.kind == "brief":
            out = self.settings.home / "briefs" / f"briefing-{uuid.uuid4().hex[:8]}.docx"
            answer = self.brief(r.topic or text, caller, out=out)
            if conversation is not None:
                conversation.add(Turn(question=text, kind="brief", topic=r.topic))
            return answer
        return self.ask(text, caller, conversation=conversation, make_chart=make_chart)

    def ask(self, question: str, caller: CallerContext, conversation: Conversation | None = None,
            chart: Path | None = None, make_chart: bool = False, routed: Route | None = None) -> Answer:
        """Answer a question from indicators and/or documents, with numbered citations."""
        question = question.strip()
        if not question:
            raise AssistantError("the question is empty")
        r = routed or route(question, conversation)
        if r.kind == "help":
            return Answer(question=question, kind="none", answer=SCOPE_REPLY)
        previous = conversation.last_indicator() if conversation else None
        home = self.home_area(caller) if (caller.area or self.settings.area) else None

        res: Resolution | None = None
        passages: list[Passage] = []
        if r.kind in ("chart", "followup") and previous is not None:
            res = self._followup_resolution(question, previous, home)
        elif r.kind == "why" and conversation is not None:
            topic = conversation.last_topic() or question
            passages = self._search(f"{topic} reasons performance commentary", caller)
            res = None
        if res is None and r.kind != "why":
            res = self._resolve(question, home)
            if res is not None and res.status != "resolved" and previous is not None and r.kind == "followup":
                res = self._followup_resolution(question, previous, home) or res

        answer = self._compose(question, caller, res, passages, r.kind, chart, make_chart or r.kind == "chart",
                               previous_area=previous.area_code if previous is not None else None)
        if conversation is not None:
            conversation.add(self._turn(question, answer, res, conversation))
        return answer

    def _followup_resolution(self, question: str, previous: Turn, home: str | None) -> Resolution | None:
        res = self._resolve(f"{previous.indicator_name or previous.indicator_id} {question}", home)
        if res is None or res.status != "resolved":
            return None
        if res.indicator_id != previous.indicator_id:
            res = res.model_copy(update={"indicator_id": previous.indicator_id})
        if res.area_code is None or (res.area_code == home and previous.area_code and not _names_area(question)):
            res = res.model_copy(update={"area_code": previous.area_code})
        return res

    def _turn(self, question: str, answer: Answer, res: Resolution | None, conversation: Conversation) -> Turn:
        if answer.kind in ("indicator", "mixed") and res is not None and res.status == "resolved":
            name = answer.figures[0].indicator_name if answer.figures else None
            area = answer.figures[0].area_code if answer.figures else res.area_code
            return Turn(question=question, kind=answer.kind, indicator_id=res.indicator_id, indicator_name=name,
                        area_code=area)
        last = conversation.last_indicator()
        return Turn(question=question, kind=answer.kind, topic=conversation.last_topic() if last else question)

    def _versus(self, analysis: IndicatorAnalysis, res: Resolution, caller: CallerContext,
                previous_area: str | None) -> tuple[str, list[Any]] | None:
        # "and compared with Darlington?" wants both councils side by side, not the other council on its own.
        if not previous_area or previous_area == analysis.area_code:
            return None
        from bot.compose import side_by_side

        before = self._analyse(res.model_copy(update={"area_code": previous_area}), previous_area)
        return side_by_side(before, analysis)

    def _compose(self, question: str, caller: CallerContext, res: Resolution | None, passages: list[Passage],
                 route_kind: str, chart: Path | None, make_chart: bool, previous_area: str | None = None) -> Answer:
        resolved = res is not None and res.status == "resolved"
        if not passages and route_kind != "why" and (not resolved or wants_documents(question)):
            passages = self._search(question, caller)

        parts: list[str] = []
        citations = []
        figures = []
        chart_path = None
        kind = "none"
        if resolved:
            area = res.area_code or self.home_area(caller)
            analysis = self._analyse(res, area)
            text, citation = indicator_answer(analysis, citation_id=1)
            versus = self._versus(analysis, res, caller, previous_area) if route_kind == "followup" else None
            if versus is not None:
                text = f"{versus[0]} {text}"
            parts.append(text)
            citations.append(citation)
            figures = list(analysis.figures) + (versus[1] if versus else [])
            chart_path = self._chart(analysis, chart, make_chart)
            kind = "indicator"
        if passages and (not resolved or wants_documents(question) or route_kind == "why"):
            lead = "The documents say:" if not resolved else "What the documents say:"
            text, doc_citations = document_answer(question, passages, first_id=len(citations) + 1, lead=lead)
            parts.append(text)
            citations.extend(doc_citations)
            kind = "mixed" if resolved else "document"
        if kind == "none":
            return self._unknown(question, res)
        answer = Answer(question=question, kind=kind, answer="\n\n".join(parts), citations=citations,
                        figures=figures, chart=chart_path)
        if self.llm is not None:
            from bot.guard import guarded_answer

            answer = guarded_answer(self.llm, question, answer, passages, log)
        return answer

    def _unknown(self, question: str, res: Resolution | None) -> Answer:
        if res is not None and res.status in ("ambiguous", "unknown") and res.candidates:
            names = "; ".join(f"{c.name} ({c.indicator_id})" for c in res.candidates[:5])
            lead = res.message or ("That could mean several indicators." if res.status == "ambiguous"
                                   else "I couldn't match that to an indicator I hold.")
            return Answer(question=question, kind="none", answer=f"{lead} Closest indicators: {names}.")
        held = ", ".join(d.name for d in self.store.datasets()) or "no indicator datasets"
        docs = len(self.kb.documents()) if self.settings.home.exists() else 0
        # Measured recall on questions worded unlike their answers is low (knowledge/NOTES.md), so a miss may be
        # the search's, not the documents': say so, and say how to ask in a way it finds.
        reword = (REWORD_HINT + " ") if docs else ""
        return Answer(question=question, kind="none",
                      answer="I don't know: nothing I hold answers that reliably, and I won't guess. "
                             f"I hold {docs} documents and these datasets: {held}. " + reword + SCOPE_REPLY)

    def trend(self, indicator: str, caller: CallerContext, area: str | None = None, chart: Path | None = None,
              since: str | None = None, make_chart: bool = False, period: str | None = None) -> Answer:
        """Trend, target and comparator analysis for one indicator, as at `period` (default: the latest)."""
        home = self.home_area(caller, area)
        if not self._has_indicators():
            raise AssistantError("no indicator data: run `scrutiny indicators import PATH` first")
        known = {i.indicator_id: i for i in self.store.indicators()}
        if indicator in known:
            from indicators.query import Resolution

            res = Resolution(status="resolved", indicator_id=indicator, area_code=home, since=since, last_n=None,
                             period=period, comparison="neighbours", candidates=[], message="")
        else:
            res = self._resolve(indicator, home)
            if res is None or res.status != "resolved":
                return self._unknown(indicator, res)
            res = res.model_copy(update={"area_code": home, "since": since or res.since,
                                         "period": period or res.period})
        analysis = self._analyse(res, home)
        text, citation = indicator_answer(analysis, citation_id=1)
        return Answer(question=f"trend {indicator}", kind="indicator", answer=text, citations=[citation],
                      figures=list(analysis.figures), chart=self._chart(analysis, chart, make_chart))

    def questions(self, topic: str, caller: CallerContext, area: str | None = None,
                  indicators: list[str] | None = None, meeting_date: str | None = None) -> Answer:
        """Prioritised challenge questions on a topic, each backed by evidence."""
        from bot.challenge import draft_questions

        return draft_questions(topic, self.store, self.kb, self.access(caller), self.home_area(caller, area),
                               indicators=indicators, meeting_date=meeting_date, embedder=self.embedder,
                               llm=self.llm)

    def brief(self, topic: str, caller: CallerContext, out: Path, area: str | None = None) -> Answer:
        """Write a pre-scrutiny briefing note (DOCX or Markdown) and return its summary."""
        from bot.briefing import write_briefing

        out.parent.mkdir(parents=True, exist_ok=True)
        return write_briefing(topic, self.store, self.kb, self.access(caller), self.home_area(caller, area), out,
                              embedder=self.embedder, llm=self.llm)

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


def _names_area(question: str) -> bool:
    return any(w[:1].isupper() for w in question.split()[1:]) or any(c.isdigit() for c in question)
