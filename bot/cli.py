"""The `scrutiny` command line: one entry point, heavy libraries imported only inside commands."""

from __future__ import annotations

import json
import math
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from bot.assistant import Assistant
    from bot.models import Answer
    from bot.settings import Settings

app = typer.Typer(
    help="Scrutiny assistant: sourced answers on council performance, challenge questions and briefing notes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
indicators_app = typer.Typer(help="Import and list indicator datasets.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log of Slack requests.", no_args_is_help=True)
app.add_typer(indicators_app, name="indicators")
app.add_typer(audit_app, name="audit")
sync_app = typer.Typer(help="Bring documents in from the council's own systems.", no_args_is_help=True)
app.add_typer(sync_app, name="sync")


class DocTypeOpt(StrEnum):
    plan = "plan"
    performance_report = "performance_report"
    peer_challenge = "peer_challenge"
    minutes = "minutes"
    audit = "audit"
    other = "other"


class ClassificationOpt(StrEnum):
    public = "public"
    restricted = "restricted"


class FormatOpt(StrEnum):
    tidy = "tidy"
    oflog = "oflog"
    lgbf = "lgbf"


AreaOpt = Annotated[str | None, typer.Option("--area", help="Council code or name (default: SCRUTINY_AREA).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (DESIGN.md contract).")]
MeetingOpt = Annotated[str | None, typer.Option(
    "--meeting", help="A synced meeting's id, or 'next' (see `scrutiny sync moderngov`).")]
CommitteeOpt = Annotated[str | None, typer.Option("--committee", help="With --meeting: the committee (name or id).")]
PerItemOpt = Annotated[int, typer.Option("--per-item", help="With --meeting: questions per agenda item.", min=1,
                                         max=30)]
RestrictedOpt = Annotated[bool, typer.Option(
    "--include-restricted",
    help="Trusted mode for the operator: also use restricted (exempt) documents. Without it only public "
         "documents are used, as for anyone in a public channel.")]


def fail(message: str, code: int = 2) -> None:
    """Print a one-line error and exit."""
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def _settings() -> Settings:
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc))
    raise AssertionError("unreachable")


def _run(action):  # noqa: ANN001, ANN202 - a thunk; keeps every command's error handling in one place
    from prompts.errors import ScrutinyError

    try:
        return action()
    except ScrutinyError as exc:  # every error a user can cause; anything else is a bug and shows a traceback
        fail(str(exc), code=1)


def _assistant(settings: Settings) -> Assistant:
    from bot.assistant import Assistant

    return Assistant(settings)


def _request(text: str, command: str, **options: object):  # noqa: ANN202
    from bot.pipeline.models import Request

    return Request(text=text, command=command, make_chart=options.get("chart") is not None, **options)


def _cli_caller(area: str | None, include_restricted: bool = False):  # noqa: ANN202
    from bot.models import CallerContext

    # Public documents only unless the operator asks for the trusted mode: whoever can run the command line can
    # read the data directory anyway, but an answer pasted from a terminal must not carry exempt text by default.
    return CallerContext(channel="cli", user="cli", allow_restricted=include_restricted, area=area)


def _finite(value: object) -> object:
    """`value` with every non-finite float replaced by None: JSON has no Infinity or NaN."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _print_answer(answer: Answer, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(_finite(answer.to_contract()), ensure_ascii=False, allow_nan=False) + "\n")
        return
    from bot.render_text import render_answer

    render_answer(answer)


@app.callback()
def _main(ctx: typer.Context) -> None:
    """Validate settings before any command runs, so a bad one fails at start."""
    if ctx.resilient_parsing or "--help" in sys.argv or "-h" in sys.argv:
        return
    _settings()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to index.")],
    doc_type: Annotated[DocTypeOpt | None, typer.Option("--type", help="Document type (default: inferred).")] = None,
    council: Annotated[str | None, typer.Option(help="Council the documents belong to.")] = None,
    classification: Annotated[ClassificationOpt | None, typer.Option(
        help="public or restricted (exempt); default public or the folder manifest.")] = None,
    title: Annotated[str | None, typer.Option(help="Title (default: read from the document).")] = None,
    doc_date: Annotated[str | None, typer.Option("--date", help="Document date YYYY-MM-DD.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove these documents from the index.")] = False,
) -> None:
    """Index documents (PDF, DOCX, HTML, Markdown, text) into the knowledge base."""
    settings = _settings()
    from bot.progress import with_progress_bar
    from knowledge.models import IngestOptions

    parsed_date = None
    if doc_date:
        try:
            parsed_date = date.fromisoformat(doc_date)
        except ValueError:
            fail(f"--date {doc_date!r} is not a date in the form YYYY-MM-DD")
    kb = _run(lambda: _knowledge(settings))
    if remove:
        for path in paths:
            removed = _run(lambda p=path: kb.remove(str(p)))
            typer.echo(f"{'removed' if removed else 'not indexed'}: {path}")
        return
    options = IngestOptions(doc_type=doc_type.value if doc_type else None, council=council,
                            classification=classification.value if classification else None,
                            title=title, date=parsed_date)
    report = _run(lambda: with_progress_bar("Ingesting", lambda progress: kb.ingest(list(paths), options,
                                                                                  progress=progress)))
    from bot.render_text import render_ingest_report

    render_ingest_report(report)
    skipped = [f for f in report.files if f.status == "skipped"]
    for f in skipped:
        typer.secho(f"error: skipped {f.path}: {f.reason}", err=True, fg=typer.colors.RED)
    if skipped:
        raise typer.Exit(1)


def _knowledge(settings: Settings):  # noqa: ANN202
    return settings.knowledge_base()


@app.command()
def docs() -> None:
    """List indexed documents: title, type, date, classification, chunks."""
    settings = _settings()
    from bot.render_text import render_documents

    render_documents(_run(lambda: _knowledge(settings).documents()))


@indicators_app.command("import")
def indicators_import(
    path: Annotated[Path, typer.Argument(help="Tidy CSV/XLSX/Parquet, Oflog asc_data.csv, or the LGBF folder.")],
    fmt: Annotated[FormatOpt, typer.Option("--format", help="Layout of the file.")] = FormatOpt.tidy,
    meta: Annotated[Path | None, typer.Option(help="Indicator metadata CSV.")] = None,
    groups: Annotated[Path | None, typer.Option(help="Comparator groups (CSV or JSON).")] = None,
    dataset: Annotated[str | None, typer.Option(help="Dataset name (default: from the file name).")] = None,
) -> None:
    """Import an indicator table; all or nothing, re-import replaces the dataset."""
    settings = _settings()
    from bot.progress import with_progress_bar
    from indicators.store import IndicatorStore

    store = IndicatorStore(settings.home)
    report = _run(lambda: with_progress_bar("Importing", lambda progress: store.import_file(
        path, fmt=fmt.value, meta=meta, groups=groups, dataset=dataset, progress=progress)))
    from bot.render_text import render_import_report

    render_import_report(report)


@indicators_app.command("list")
def indicators_list() -> None:
    """List datasets and their indicators."""
    settings = _settings()
    from bot.render_text import render_indicator_list
    from indicators.store import IndicatorStore

    store = IndicatorStore(settings.home)
    _run(lambda: render_indicator_list(store.datasets(), store.indicators()))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in plain English.")],
    area: AreaOpt = None,
    as_json: JsonOpt = False,
    chart: Annotated[Path | None, typer.Option(help="Write the trend chart PNG here.")] = None,
    include_restricted: RestrictedOpt = False,
) -> None:
    """Answer a question from the documents and indicator data, with sources."""
    settings = _settings()
    assistant = _assistant(settings)
    answer = _run(lambda: assistant.respond(_request(question, "ask", area=area, chart=chart),
                                            _cli_caller(area, include_restricted)).answer)
    _print_answer(answer, as_json)


@app.command()
def trend(
    indicator: Annotated[str, typer.Argument(help="Indicator id, name or alias.")],
    area: AreaOpt = None,
    since: Annotated[str | None, typer.Option(help="First period, e.g. 2019-20.")] = None,
    period: Annotated[str | None, typer.Option(
        help="Judge as at this period instead of the latest, e.g. 2022-23 or '2024-25 Q2' (a quarter uses the "
             "quarterly series).")] = None,
    chart: Annotated[Path | None, typer.Option(help="Write the chart PNG here.")] = None,
    as_json: JsonOpt = False,
    include_restricted: RestrictedOpt = False,
) -> None:
    """Trend, target and comparator analysis of one indicator."""
    settings = _settings()
    assistant = _assistant(settings)
    answer = _run(lambda: assistant.respond(_request(indicator, "trend", area=area, chart=chart, since=since,
                                                     period=period),
                                            _cli_caller(area, include_restricted)).answer)
    _print_answer(answer, as_json)


@app.command()
def questions(
    topic: Annotated[str | None, typer.Option("--topic", help="Service or agenda item, e.g. 'waste and "
                                                               "recycling'.")] = None,
    area: AreaOpt = None,
    indicator: Annotated[list[str] | None, typer.Option("--indicator", help="Indicator(s) to focus on.")] = None,
    meeting_date: Annotated[str | None, typer.Option(help="Meeting date YYYY-MM-DD.")] = None,
    as_json: JsonOpt = False,
    include_restricted: RestrictedOpt = False,
    meeting: MeetingOpt = None,
    committee: CommitteeOpt = None,
    per_item: PerItemOpt = 8,
) -> None:
    """Draft 10-15 prioritised challenge questions, each with its evidence; --meeting: a pack for every item."""
    settings = _settings()
    assistant = _assistant(settings)
    if meeting is not None:
        from bot.moderngov.commands import meeting_pack, print_pack

        pack = _run(lambda: meeting_pack(assistant, _cli_caller(area, include_restricted), meeting, committee, area,
                                         per_item))
        print_pack(pack, as_json)
        return
    if not topic:
        fail("give --topic TEXT, or --meeting ID|next for a meeting's question pack")
    answer = _run(lambda: assistant.respond(_request(topic, "questions", area=area, indicators=indicator or [],
                                                     meeting_date=meeting_date),
                                            _cli_caller(area, include_restricted)).answer)
    _print_answer(answer, as_json)


@app.command()
def brief(
    out: Annotated[Path, typer.Option("--out", help="FILE.docx or FILE.md (with --meeting: a FOLDER for one note "
                                                    "per item, or FILE.docx/FILE.md for one pack)")],
    topic: Annotated[str | None, typer.Option("--topic", help="Agenda item or service.")] = None,
    area: AreaOpt = None,
    include_restricted: RestrictedOpt = False,
    meeting: MeetingOpt = None,
    committee: CommitteeOpt = None,
    meeting_date: Annotated[str | None, typer.Option(help="Meeting date YYYY-MM-DD (the note's header; questions' "
                                                          "dates are set from it).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write FILE.pdf beside the .docx (needs LibreOffice).")]
    = False,
) -> None:
    """Write a pre-scrutiny briefing note (Word or Markdown); --meeting: notes for every item of a meeting. With
    --topic, --committee names the committee in the note's header."""
    if meeting is not None:
        settings = _settings()
        assistant = _assistant(settings)
        from bot.moderngov.commands import meeting_pack, write_briefs

        pack = _run(lambda: meeting_pack(assistant, _cli_caller(area, include_restricted), meeting, committee, area,
                                         8))
        written = _run(lambda: write_briefs(assistant, pack, out))
        typer.echo(f"{len(written)} briefing file(s) for {len(pack.items)} items written: "
                   + ", ".join(str(p) for p in written))
        return
    if not topic:
        fail("give --topic TEXT, or --meeting ID|next for a meeting's notes")
    if out.suffix.lower() not in (".docx", ".md"):
        fail(f"--out must end in .docx or .md, not {out.suffix or 'no suffix'}")
    if pdf and out.suffix.lower() != ".docx":
        fail("--pdf needs --out FILE.docx")
    settings = _settings()
    assistant = _assistant(settings)
    caller = _cli_caller(area, include_restricted)
    answer = _run(lambda: assistant.respond(_request(topic, "brief", area=area, out=out, committee=committee,
                                                     meeting_date=meeting_date), caller).answer)
    sources, asked = len(answer.citations), len(answer.questions or [])
    typer.echo(f"Briefing note written to {out} ({sources} source{'s' * (sources != 1)}, "
               f"{asked} suggested question{'s' * (asked != 1)}).")
    if pdf:
        from bot.briefing import export_pdf

        written = _run(lambda: export_pdf(out))
        typer.echo(f"PDF written to {written}." if written else "LibreOffice is not installed: no PDF written.")


@app.command()
def serve(
    http: Annotated[bool, typer.Option("--http", help="HTTP mode (production) instead of Socket Mode.")] = False,
    port: Annotated[int, typer.Option(help="Port for HTTP mode.")] = 3000,
    sync_url: Annotated[str | None, typer.Option(
        "--sync-moderngov", envvar="SCRUTINY_MODERNGOV_URL",
        help="Also keep committee papers fresh: sync this ModernGov site in the background.")] = None,
    sync_every: Annotated[float, typer.Option("--sync-every", envvar="SCRUTINY_MODERNGOV_EVERY", min=0.01,
                                              help="Hours between background syncs.")] = 6.0,
    check: Annotated[bool, typer.Option("--check", help="Check the settings, the token and its scopes, the "
                                                        "restricted channels and the data, then exit.")] = False,
) -> None:
    """Run the Slack app (Socket Mode by default; --http for production); --check only checks."""
    settings = _settings()
    from bot.settings import SettingsError
    from bot.slack.serve import check_slack_settings, run_check
    from bot.slack.serve import serve as run_server

    try:
        check_slack_settings(settings, http=http)
    except SettingsError as exc:
        fail(str(exc))
    if check:
        problems, passed = _run(lambda: run_check(settings, http=http))
        for line in passed:
            typer.echo(f"ok: {line}")
        for line in problems:
            typer.secho(f"problem: {line}", err=True, fg=typer.colors.RED)
        if problems:
            raise typer.Exit(1)
        typer.echo("all checks passed")
        return
    if sync_url:
        from bot.moderngov.commands import Refresher
        from bot.moderngov.sync import SyncOptions

        # A daemon thread: answers never wait for it, and it stops with the server.
        Refresher(settings, SyncOptions(url=sync_url, max_mb=settings.max_file_mb), hours=sync_every).start()
    _run(lambda: run_server(settings, http=http, port=port))


@app.command()
def demo(
    home: Annotated[Path | None, typer.Option(help="Where to build the demo (default: a fresh temp dir).")] = None,
    moderngov: Annotated[bool, typer.Option("--moderngov", help="Instead: sync committee papers from a fake "
                                                                "ModernGov service on 127.0.0.1 and prepare for "
                                                                "the next meeting (offline).")] = False,
) -> None:
    """Build a fresh home from the fictional sample council pack and show worked examples."""
    _settings()
    if moderngov:
        from bot.moderngov.demo import run_moderngov_demo

        _run(lambda: run_moderngov_demo(home))
        return
    from bot.demo import run_demo

    _run(lambda: run_demo(home))


@sync_app.command("moderngov")
def sync_moderngov(
    url: Annotated[str, typer.Argument(help="The council's democracy site (e.g. https://democracy.example.gov.uk) "
                                            "or its mgWebService.asmx address.")],
    committee: Annotated[list[str] | None, typer.Option(
        "--committee", help="Committee name or id (repeatable; default: scrutiny committees and cabinet).")] = None,
    since: Annotated[str | None, typer.Option(help="First meeting date YYYY-MM-DD (default: a year ago).")] = None,
    until: Annotated[str | None, typer.Option(help="Last meeting date YYYY-MM-DD (default: six months ahead).")]
    = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be fetched; change nothing.")] = False,
    skip_restricted: Annotated[bool, typer.Option("--skip-restricted", help="Leave exempt papers out (default: "
                                                                            "ingest them as restricted).")] = False,
    council: Annotated[str | None, typer.Option(help="Council the papers belong to.")] = None,
    delay: Annotated[float, typer.Option(help="Seconds between requests to the site.", min=0)] = 1.0,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for an answer.", min=1)] = 90.0,
    retries: Annotated[int, typer.Option(help="Retries of a failed request (5xx, timeouts).", min=0)] = 3,
    recheck: Annotated[bool, typer.Option("--recheck", help="Ask again about papers already held, and retry "
                                                            "ones refused before.")] = False,
    every: Annotated[float | None, typer.Option(help="Keep running: sync again every this many hours.", min=0.01)]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
) -> None:
    """Sync committee papers from ModernGov: committees -> meetings -> agenda items -> papers -> the index."""
    settings = _settings()
    import time

    from bot.moderngov.commands import print_sync_json, render_sync_report, run_sync
    from bot.moderngov.sync import SyncOptions
    from bot.progress import with_progress_bar

    def day(text: str | None, name: str) -> date | None:
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            fail(f"--{name} {text!r} is not a date in the form YYYY-MM-DD")
        return None

    options = SyncOptions(url=url, committees=committee or [], since=day(since, "since"), until=day(until, "until"),
                          dry_run=dry_run, skip_restricted=skip_restricted, council=council, delay=delay,
                          timeout=timeout, retries=retries, recheck=recheck, max_mb=settings.max_file_mb)
    while True:
        report = _run(lambda: with_progress_bar("Syncing", lambda progress: run_sync(settings, options, progress)))
        if as_json:
            print_sync_json(report)
        else:
            render_sync_report(report)
        if every is None:
            break
        time.sleep(every * 3600)
    if not report.ok:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    fast: Annotated[bool, typer.Option("--fast", help="The CI subset (sample pack + quick real-data checks).")] = False,
    out: Annotated[Path | None, typer.Option(help="Folder for report.json and report.md.")] = None,
) -> None:
    """Run the evaluation sets and print a quality report; non-zero exit if a must-be-100% figure falls short."""
    _settings()
    from bot.evaluation import run_evaluation

    ok = _run(lambda: run_evaluation(fast=fast, out=out))
    if not ok:
        raise typer.Exit(1)


@app.command("doctor")
def doctor_command(
    check: Annotated[bool, typer.Option("--check", help="Only check and report; change nothing.")] = False,
) -> None:
    """Check the data directory and repair it: the vector index against the registry (re-embedding what it lacks),
    damaged database files (set aside), a damaged indicators manifest, leftovers of killed imports."""
    settings = _settings()
    from bot.doctor import doctor
    from bot.progress import with_progress_bar

    report = _run(lambda: with_progress_bar("Repairing", lambda progress: doctor(settings, repair=not check,
                                                                                 progress=progress)))
    for kind, line in report.lines:
        if kind == "problem":
            typer.secho(f"problem: {line}", err=True, fg=typer.colors.RED)
        else:
            typer.echo(f"{kind}: {line}")
    if not report.healthy:
        raise typer.Exit(1)


@app.command("tune")
def tune_command(
    steps: Annotated[int, typer.Option(help="Training steps of 16 pairs drawn from the indexed text (40 is the "
                                            "measured setting).", min=1, max=2000)] = 40,
    undo: Annotated[bool, typer.Option("--undo", help="Go back to the packaged model: re-embed the index with it "
                                                      "and delete the tuned model.")] = False,
) -> None:
    """Opt-in: adapt the embedding model to the indexed documents, then re-embed the index with it (40 steps: a few
    minutes on 2 idle cores, up to ~25 on busy ones, plus one re-embedding of every chunk). --undo goes back."""
    settings = _settings()
    if settings.embeddings_url or settings.embedder_model_dir:
        setting = "SCRUTINY_EMBEDDINGS_URL" if settings.embeddings_url else "SCRUTINY_EMBEDDER_MODEL_DIR"
        fail(f"{setting} is set, so this home does not embed with the packaged model that `scrutiny tune` adapts: "
             "unset it first")
    from bot.progress import with_progress_bar
    from knowledge.tuning import tune

    kb = _run(lambda: _knowledge(settings))
    outcome = _run(lambda: with_progress_bar("Undoing" if undo else "Tuning", lambda progress: tune(
        kb, steps=steps, undo=undo, progress=progress)))
    if outcome.undone:
        gone = ", ".join(str(p) for p in outcome.removed or []) or "no tuned model was held"
        typer.echo(f"Back to the packaged model ({outcome.model_id}): re-embedded {outcome.chunks} chunks in "
                   f"{outcome.seconds:.0f} s; removed {gone}.")
    else:
        t = outcome.training
        assert t is not None
        typer.echo(f"Tuned the embedding model on {t.pairs} pairs from the indexed documents ({t.steps} steps, "
                   f"{t.seconds:.0f} s) and re-embedded {outcome.chunks} chunks with it ({outcome.seconds:.0f} s in "
                   f"all).\nModel: {outcome.model_dir} ({outcome.model_id}); every process using {settings.home} now "
                   "embeds with it (restart `scrutiny serve`). `scrutiny tune --undo` goes back to the packaged model.")


@audit_app.command("export")
def audit_export(out: Annotated[Path, typer.Option("--out", help="CSV file to write.")]) -> None:
    """Export the audit log to CSV for the monitoring officer."""
    settings = _settings()
    from bot.audit import AuditLog

    rows = _run(lambda: AuditLog(settings.database).export_csv(out))
    typer.echo(f"{rows} audit records written to {out}")


@audit_app.command("feedback")
def audit_feedback(
    days: Annotated[int, typer.Option(help="How many days back (default: the last week).", min=1)] = 7,
    include_restricted: RestrictedOpt = False,
) -> None:
    """The thumbs-down answers of the last week: question, sources and reasons, so data or wording can be fixed.
    Answers made with restricted access show their question and sources only with --include-restricted."""
    settings = _settings()
    from datetime import UTC, datetime, timedelta

    from bot.audit import AuditLog

    items = AuditLog(settings.database).feedback_summary(datetime.now(UTC) - timedelta(days=days))
    if not items:
        typer.echo(f"No thumbs-down feedback in the last {days} day(s).")
        return
    typer.echo(f"{len(items)} answer(s) with a thumbs down in the last {days} day(s):")
    for item in items:
        e = item.entry
        hidden = e.restricted_allowed and not include_restricted
        when = e.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        typer.echo(f"\n#{e.id} {when} UTC  {item.down} down, {item.up} up  ({e.entry} in {e.channel})")
        typer.echo("  question: " + ("(asked with restricted access; --include-restricted shows it)" if hidden
                                     else e.request))
        if hidden:
            typer.echo(f"  sources: {len(e.sources)} (restricted access)")
        else:
            for source in e.sources or ["(none)"]:
                typer.echo(f"  source: {source}")
        for reason in item.reasons if not hidden else []:
            typer.echo(f"  reason: {reason}")
        if hidden and item.reasons:
            typer.echo(f"  reasons: {len(item.reasons)} (restricted access)")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
