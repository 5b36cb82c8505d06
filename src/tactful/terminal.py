"""Terminal rendering with rich: reports with underlined excerpts, guideline listings, score tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .checker_eval import CheckerEvaluation
from .guidelines import Guideline
from .report import CheckReport
from .vocab import Language

_STYLE = {"error": "bold red", "warning": "yellow"}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def print_report(text: str, report: CheckReport, source: str = "<text>") -> None:
    """Vale-like listing: location, severity, rule, message, the line with the excerpt underlined."""
    console = _console()
    for v in report.violations:
        style = _STYLE[v.severity]
        if v.start == v.end:
            console.print(Text.assemble((f"{source}", "bold"), "  ", (v.severity, style), f"  {v.rule}  ", v.message))
        else:
            line_no = text.count("\n", 0, v.start) + 1
            line_start = text.rfind("\n", 0, v.start) + 1
            line_end = text.find("\n", v.start)
            line_end = len(text) if line_end == -1 else line_end
            column = v.start - line_start + 1
            console.print(Text.assemble((f"{source}:{line_no}:{column}", "bold"), "  ", (v.severity, style), f"  {v.rule}  ", v.message))
            shown_end = min(v.end, line_end)
            snippet = Text("    ")
            snippet.append(text[line_start:v.start])
            snippet.append(text[v.start:shown_end], style=f"{style} underline")
            snippet.append(text[shown_end:line_end])
            console.print(snippet)
        console.print(Text(f"    → {v.suggestion}", style="dim"))
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = Text("passed", style="bold green") if report.passed else Text("failed", style="bold red")
    console.print(
        Text.assemble(
            verdict,
            f" · {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
            f" · score {report.score:.2f} · {report.language}/{report.channel}",
        )
    )


def print_guidelines(items: list[Guideline], language: Language) -> None:
    console = _console()
    do, dont = ("Делайте", "Не делайте") if language == "ru" else ("Do", "Don't")
    for g in items:
        console.rule(Text(f"{g.order}. {g.title[language]}", style="bold"))
        console.print(g.summary[language])
        console.print(Text(g.why[language], style="dim"))
        for label, examples, style in ((do, g.do[language], "green"), (dont, g.dont[language], "red")):
            console.print(Text(f"{label}:", style=f"bold {style}"))
            for example in examples:
                console.print(f"  • {example}")
        if g.rules:
            console.print(Text("rules: " + ", ".join(g.rules), style="dim"))
        console.print()


def print_checker_evaluation(result: CheckerEvaluation, show_errors: bool = False) -> None:
    from .checker_eval import below

    console = _console()
    for score in result.languages:
        limits = getattr(result.thresholds, score.split)
        title = f"Checker accuracy — {score.language}, {score.split} split ({score.messages} labeled messages)"
        for heading, rows in (("rule", [*score.rules, score.overall]), ("category", score.categories)):
            table = Table(title=title if heading == "rule" else None)
            for column in (heading, "TP", "FP", "FN", "precision", "recall", "F1"):
                table.add_column(column, justify="left" if column == heading else "right")
            for r in rows:
                low = heading == "rule" and r.f1 < (limits.min_overall_f1 if r.rule == "overall" else limits.min_rule_f1)
                table.add_row(
                    r.rule, str(r.tp), str(r.fp), str(r.fn), f"{r.precision:.2f}", f"{r.recall:.2f}",
                    Text(f"{r.f1:.2f}", style="bold red" if low else "green"),
                    end_section=heading == "rule" and r.rule == score.rules[-1].rule,
                )
            console.print(table)
        h = score.hostility
        console.print(f"hostile texts flagged: {h.flagged}/{h.hostile} (recall {h.recall:.2f}); respectful texts "
                      f"flagged: {h.false_positives}/{h.respectful} ({h.false_positive_rate:.2f})")
        flagged = score.hard_negative_false_accusations
        console.print(f"hard negatives: {score.hard_negatives}, flagged as accusations: {len(flagged)} {flagged or ''}")
        for reason in below(score, result.thresholds):
            console.print(Text(f"below threshold: {reason}", style="bold red"))
        if show_errors:
            for line in score.errors:
                console.print(Text(f"  {line}", style="dim"))
        console.print()
    console.print(Text("passed" if result.passed else "below thresholds", style="bold green" if result.passed else "bold red"))
