"""The `tactful` command line: a thin face over the Python API. Exit codes follow Vale's convention:
0 = passed, 1 = error-level findings, 2 = bad usage or unreadable input."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_io import (
    extract_or_fail,
    load_situation_or_fail,
    read_text,
    settings_or_fail,
    waiting,
)
from .cli_options import (
    LLM_ENVIRONMENT,
    MAX_REVISIONS_HELP,
    NO_HISTORY_HELP,
    BackendOpt,
    ChannelOpt,
    DraftFormat,
    ExtractFormat,
    Format,
    Lang,
    command_group,
    fail,
)
from .files import write_atomically

app = command_group("tactful", "Write and check the message that ends cooperation with a difficult client.")


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="Notes or a pasted thread (plain text); '-' reads standard input.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.yaml,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the text (auto = detect).")] = Lang.auto,
) -> None:
    """Find the situation in free text and print it (YAML by default) for review and `tactful draft`.
    What was found and what is missing goes to stderr. Exit 2 when no client is found."""
    import json

    import yaml

    extraction = extract_or_fail(read_text(source), source, lang.value)
    data = json.loads(json.dumps(extraction.situation, default=str))
    if format is ExtractFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip("\n"))


@app.command()
def check(
    path: Annotated[Optional[str], typer.Argument(help="Text file to check; '-' reads standard input.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the text.")] = Lang.auto,
    channel: Annotated[ChannelOpt, typer.Option("--channel", "-c", help="Channel the text is for.")] = ChannelOpt.email,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    situation: Annotated[Optional[Path], typer.Option("--situation", "-s", help="Situation file: also check the text is grounded in it.")] = None,
    no_history: Annotated[bool, typer.Option("--no-history", help=NO_HISTORY_HELP)] = False,
) -> None:
    """Check a message against the tone rules. Exit 0 if it passes, 1 on error-level findings."""
    from .checker import InputError
    from .checker import check as run_check

    text = read_text(path)
    grounded_in = load_situation_or_fail(str(situation)) if situation else None
    try:
        report = run_check(text, lang=lang.value, channel=channel.value, situation=grounded_in)
    except InputError as exc:
        raise fail(str(exc)) from None
    from .history.recording import record_check

    record_check(text, report, grounded_in, enabled=not no_history)
    if format is Format.json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        from .terminal import print_report

        print_report(text, report, source=path if path not in (None, "-") else "<stdin>")
    raise typer.Exit(0 if report.passed else 1)


@app.command()
def guidelines(
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language to print (auto = English).")] = Lang.auto,
    channel: Annotated[Optional[ChannelOpt], typer.Option("--channel", "-c", help="Only guidelines for this channel.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Print the guideline corpus: what a good parting message does, and which rules enforce it."""
    from .guidelines import guidelines_for

    items = guidelines_for(channel.value if channel else None)
    language = "ru" if lang is Lang.ru else "en"
    if format is Format.json:
        import json

        typer.echo(json.dumps([g.model_dump() for g in items], ensure_ascii=False, indent=2))
        return
    from .terminal import print_guidelines

    print_guidelines(items, language)


@app.command(epilog=LLM_ENVIRONMENT)
def draft(
    situation: Annotated[str, typer.Argument(help="Situation file (YAML or JSON), or plain-text notes or a pasted thread; '-' reads standard input.")],
    channel: Annotated[Optional[ChannelOpt], typer.Option("--channel", "-c", help="Channel (default: the situation's).")] = None,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the message (auto = the situation's).")] = Lang.auto,
    backend: Annotated[Optional[BackendOpt], typer.Option("--backend", "-b", help="composer (offline) or openai (OPENAI_BASE_URL / OPENAI_API_KEY); default: openai when configured.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Model name for the openai backend (TACTFUL_MODEL).")] = None,
    max_revisions: Annotated[Optional[int], typer.Option("--max-revisions", min=0, max=10, help=MAX_REVISIONS_HELP)] = None,
    variants: Annotated[int, typer.Option("--variants", min=1, max=3, help="Drafts in different tones (formal / warm / brief).")] = 1,
    format: Annotated[DraftFormat, typer.Option("--format", "-f", help="Output format.")] = DraftFormat.text,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    no_history: Annotated[bool, typer.Option("--no-history", help=NO_HISTORY_HELP)] = False,
) -> None:
    """Write a checked parting message for a situation. Exit 0 if compliant, 1 if not, 2 on bad input."""
    from .llm import BackendUnavailable
    from .pipeline import draft as run_draft

    parsed = load_situation_or_fail(situation)
    settings = settings_or_fail(**({"model": model} if model else {}))
    try:
        with waiting(settings, backend):
            result = run_draft(
                parsed, channel=channel.value if channel else None, backend=backend.value if backend else None,
                max_revisions=max_revisions, language=lang.value, variants=variants, settings=settings,
            )
    except BackendUnavailable as exc:
        raise fail(str(exc)) from None
    from .history.recording import record_draft

    record_draft(parsed, result, settings, enabled=not no_history)
    results = [result, *result.variants]
    if format is DraftFormat.json:
        output = result.model_dump_json(indent=2)
    else:
        body = [r.markdown if format is DraftFormat.markdown else r.text for r in results]
        output = ("\n---\n\n" if len(body) > 1 else "").join(body)
    _emit(result, output, out, format)


def _emit(result, output: str, out: Path | None, format: DraftFormat) -> None:
    """Write the output (atomically to ``out``, else to stdout), the summary, and exit by compliance."""
    if out:
        write_atomically(out, output if output.endswith("\n") else output + "\n")
    else:
        typer.echo(output.rstrip("\n"))
    if format is not DraftFormat.json:
        _draft_summary(result)
    raise typer.Exit(0 if result.compliant else 1)


def _draft_summary(result) -> None:
    """What a person needs to know besides the text: who wrote it, fallbacks, what was left out."""
    lines = [f"backend: {result.backend}{' (' + result.model + ')' if result.model else ''}"
             f" · {'compliant' if result.compliant else 'NOT compliant'} · score {result.report.score:.2f}"]
    if result.fallback:
        lines.append(f"fallback to the composer: {result.fallback_reason}")
    for item in result.left_out:
        lines.append(f"left out ({item.field}, {', '.join(item.rules)}): {item.text} — {item.hint}")
    lines += [f"warning: {w}" for w in result.warnings]
    for line in lines:
        typer.echo(line, err=True)


@app.command()
def ui(
    host: Annotated[str, typer.Option("--host", help="Address to bind; the default keeps the page on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = 7860,
    share: Annotated[bool, typer.Option("--share", help="Also publish a public gradio.live link (off by default).")] = False,
) -> None:
    """Open the web UI: draft a message, check your own, browse the guidelines."""
    secret = settings_or_fail().ui_auth
    auth = None
    if secret is not None:
        user, sep, password = secret.get_secret_value().partition(":")
        if not sep or not user or not password:
            raise fail("TACTFUL_UI_AUTH must look like user:password")
        auth = (user, password)
    from .ui import launch

    launch(host=host, port=port, share=share, auth=auth)


def _language_for(parsed, lang: Lang) -> str:
    from .language import situation_language

    return lang.value if lang is not Lang.auto else situation_language(parsed)


@app.command()
def assess(
    situation: Annotated[str, typer.Argument(help="Situation file with `signals` (and optionally `tried`, `relationship_months`, `stage_in_progress`, `urgent`).")],
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the answer (auto = the situation's).")] = Lang.auto,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Should I end it? A reasoned recommendation and the channel to use, offline."""
    import json

    from .advice import advise_channel
    from .advice import assess as run_assess

    parsed = load_situation_or_fail(situation)
    language = _language_for(parsed, lang)
    verdict = run_assess(parsed, language)  # type: ignore[arg-type]
    channel = advise_channel(parsed, language)  # type: ignore[arg-type]
    if format is Format.json:
        typer.echo(json.dumps({"assessment": verdict.model_dump(), "channel": channel.model_dump()}, ensure_ascii=False, indent=2))
        return
    typer.echo(verdict.summary)
    for reason in verdict.reasons:
        typer.echo(f"  • {reason}")
    for alternative in verdict.alternatives:
        typer.echo(f"  → {alternative}")
    typer.echo(f"\n{channel.channel}: " + " ".join(channel.reasons))
    for unknown in verdict.unknown_signals:
        typer.echo(f"warning: unknown signal '{unknown}' was ignored", err=True)


@app.command(epilog=LLM_ENVIRONMENT)
def reply(
    situation: Annotated[str, typer.Argument(help="The situation file of the parting message.")],
    client_reply: Annotated[str, typer.Argument(help="The client's answer as a text file; '-' reads standard input.")],
    lang: Annotated[Lang, typer.Option("--lang", "-l")] = Lang.auto,
    backend: Annotated[Optional[BackendOpt], typer.Option("--backend", "-b")] = None,
    max_revisions: Annotated[Optional[int], typer.Option("--max-revisions", min=0, max=10, help=MAX_REVISIONS_HELP)] = None,
    format: Annotated[DraftFormat, typer.Option("--format", "-f")] = DraftFormat.text,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file (atomically).")] = None,
    no_history: Annotated[bool, typer.Option("--no-history", help=NO_HISTORY_HELP)] = False,
    answer: Annotated[Optional[list[str]], typer.Option("--answer", "-a", help="Your answer to the client's point N, as N=text (repeat for more); the points are listed on stderr.")] = None,
) -> None:
    """Draft a calm answer to the client's push-back. Exit 0 if compliant, 1 if not, 2 on bad input."""
    from .llm import BackendUnavailable
    from .pipeline import reply as run_reply

    parsed = load_situation_or_fail(situation)
    text_of_reply = read_text(client_reply)
    if not text_of_reply.strip():
        raise fail(f"{client_reply}: the client's reply is empty")
    answers = {}
    for given in answer or []:
        number, sep, text = given.partition("=")
        if not (sep and number.strip().isdigit() and text.strip()):
            raise fail(f"--answer {given!r}: give it as N=text, N the number of the client's point")
        answers[number.strip()] = text
    settings = settings_or_fail()
    try:
        with waiting(settings, backend):
            result = run_reply(parsed, text_of_reply, backend=backend.value if backend else None, max_revisions=max_revisions,
                               language=lang.value, settings=settings, answers=answers)
    except BackendUnavailable as exc:
        raise fail(str(exc)) from None
    from .history.recording import record_reply

    record_reply(parsed, text_of_reply, result, settings, enabled=not no_history)
    output = {DraftFormat.json: result.model_dump_json(indent=2), DraftFormat.markdown: result.markdown}.get(format, result.text)
    _emit(result, output, out, format)


@app.command()
def checklist(
    situation: Annotated[str, typer.Argument(help="Situation file (end_date and contract.notice_days give the deadlines).")],
    lang: Annotated[Lang, typer.Option("--lang", "-l")] = Lang.auto,
    ics: Annotated[Optional[Path], typer.Option("--ics", help="Also write the deadlines as an .ics calendar file.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """The closure checklist: documents and steps with deadlines (Markdown; .ics with --ics)."""
    from .checklist import build_checklist

    parsed = load_situation_or_fail(situation)
    result = build_checklist(parsed, _language_for(parsed, lang))  # type: ignore[arg-type]
    typer.echo(result.model_dump_json(indent=2) if format is Format.json else result.markdown().rstrip("\n"))
    if ics:
        write_atomically(ics, result.ics())


@app.command("eval-checker")
def eval_checker(
    lang: Annotated[Optional[Lang], typer.Option("--lang", "-l", help="Only this language.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List every mislabeled message.")] = False,
    split: Annotated[Optional[str], typer.Option("--split", help="Only this split: tune (what the rules were tuned on) or frozen (never tuned on).")] = None,
) -> None:
    """Measure the checker on eval/labeled: precision, recall and F1 per rule and per category, and the
    share of hostile texts flagged, on the tuning and the frozen split; exit 1 below thresholds."""
    from .checker_eval import SPLITS, evaluate_checker

    if split is not None and split not in SPLITS:
        raise fail(f"unknown split {split!r}: use tune or frozen")
    languages = ("en", "ru") if lang in (None, Lang.auto) else (lang.value,)
    result = evaluate_checker(languages, splits=SPLITS if split is None else (split,))  # type: ignore[arg-type]
    if format is Format.json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        from .terminal import print_checker_evaluation

        print_checker_evaluation(result, show_errors)
    raise typer.Exit(0 if result.passed else 1)


from .evaluation.cli import eval_app  # noqa: E402 - typer and the standard library only

app.add_typer(eval_app, name="eval")
from .history.cli import history_app  # noqa: E402 - typer and the standard library only

app.add_typer(history_app, name="history", help="List, show, export and delete the saved cases (TACTFUL_DATABASE_URL, TACTFUL_HISTORY=0).")


def main() -> None:
    """Console-script entry point."""
    app()
