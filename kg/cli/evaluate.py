"""``kg eval``: score the builder against gold annotations (same as ``kg.evaluate()``).

Prints one rich table per subset (a row per document and a micro-averaged total), an overall
table, and the missed/extra items; ``--format json`` prints the report as JSON instead. With
``--min-entity-f1``/``--min-relation-f1`` it exits 1 when a subset scores below them; it also
exits 1 when a document failed to build (that document is scored as an empty graph).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

import kg

from .options import verbosity_options

if TYPE_CHECKING:  # imported for annotations only, so that ``kg --help`` stays fast
    from kg.evaluation.runner import EvalReport
    from kg.evaluation.scoring import Counts

_COLUMNS = (("entities", "Entities"), ("relations", "Relations"), ("literals", "Literals"),
            ("quotes", "Quotes"), ("markets", "Markets/concepts"), ("roles", "Roles"), ("events", "Events"))
_SINGULAR = {"entities": "entity", "relations": "relation", "literals": "literal", "quotes": "quote",
             "roles": "role", "events": "event"}


def _safe(text: str) -> str:
    """Document-derived text made inert for the terminal: no control characters, no rich markup."""
    return escape("".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text))


def _cell(counts: Counts) -> str:
    if counts.tp + counts.fp + counts.fn == 0:
        return "-"
    return f"{counts.precision:.2f} / {counts.recall:.2f} / {counts.f1:.2f}"


def _table(title: str, rows: list[tuple[str, dict[str, Counts]]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("document")
    for _, head in _COLUMNS:
        table.add_column(f"{head}\nP / R / F1", justify="right")
    for i, (name, counts) in enumerate(rows):
        table.add_row(_safe(name), *(_cell(counts[c]) for c, _ in _COLUMNS),
                      style="bold" if i == len(rows) - 1 and len(rows) > 1 else None)
    return table


def _print_table(report: EvalReport, show_errors: bool, console: Console) -> None:
    for subset in report.subsets:
        rows = [(d.name, {c: s.counts for c, s in d.scores.items()}) for d in subset.documents]
        count = len(subset.documents)
        rows.append((f"total ({count} document{'s' if count != 1 else ''})", subset.totals()))
        console.print(_table(f"subset {_safe(subset.name)}", rows))
    console.print(_table("overall (micro-averaged)", [("all documents", report.overall())]))
    if not show_errors:
        return
    for subset in report.subsets:
        for doc in subset.documents:
            lines = [f"  build failed: {doc.error}"] if doc.error else []
            lines += [f"  {kind} {_SINGULAR[cat]}: {item}"
                      for cat, score in doc.scores.items() if cat in _SINGULAR
                      for kind, items in (("missed", score.missed), ("extra ", score.extra))
                      for item in items]
            if lines:
                console.print(f"[bold]{_safe(doc.name)}[/bold]", highlight=False)
                for line in lines:
                    console.print(_safe(line), highlight=False)


def _print_predicates(report: EvalReport, console: Console) -> None:
    """One table per subset (and overall): each predicate's counts and P/R/F1."""
    parts = [(f"subset {s.name}", s.by_predicate()) for s in report.subsets]
    for title, counts in parts + [("overall", report.overall_by_predicate())]:
        table = Table(title=f"{_safe(title)}: by predicate", title_justify="left")
        for head in ("predicate", "matched", "missed", "extra", "P / R / F1"):
            table.add_column(head, justify="left" if head == "predicate" else "right")
        for pred, n in counts.items():
            table.add_row(_safe(pred), str(n.tp), str(n.fn), str(n.fp), _cell(n))
        console.print(table)


@click.command("eval")
@verbosity_options
@click.argument("path", type=click.Path(path_type=Path), default=Path("eval"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Rich tables or one JSON document.")
@click.option("--show-errors/--no-show-errors", default=True, show_default=True,
              help="List the missed and extra items of each document (table format).")
@click.option("--min-entity-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 if a subset's entity F1 is below this.")
@click.option("--min-relation-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 if a subset's relation F1 is below this.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=1, show_default=True,
              help="Documents built in parallel.")
@click.option("--by-predicate", is_flag=True,
              help="Also print P/R/F1 of each relation and literal predicate, per subset (table format).")
@click.pass_context
def eval_command(ctx: click.Context, path: Path, fmt: str, show_errors: bool,
                 min_entity_f1: float | None, min_relation_f1: float | None, jobs: int,
                 by_predicate: bool) -> None:
    """Build each document under PATH that has a NAME.gold.toml and score it (default: eval/)."""
    report = kg.evaluate(path, jobs=jobs)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        console = Console(width=200)
        _print_table(report, show_errors, console)
        if by_predicate:
            _print_predicates(report, console)
    for line in report.errors():
        click.echo(f"build failed: {line}", err=True)
    fails = report.below(min_entity_f1, min_relation_f1)
    for line in fails:
        click.echo(f"below threshold: {line}", err=True)
    if fails or report.errors():
        ctx.exit(1)


COMMANDS: list[click.Command] = [eval_command]
