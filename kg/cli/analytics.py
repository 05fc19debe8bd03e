"""``kg stats``, ``kg path`` and ``kg export``: thin faces over :mod:`kg.analytics`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.analytics import FORMATS, export, format_path, shortest_path, stats
from kg.namespaces import sparql_name

from .options import build_option, say, verbosity_options

_CLASSES = click.option("--class", "classes", multiple=True, metavar="CLASS",
                        help="Keep only entities of this class (repeatable): a CURIE, local name or "
                             "label, e.g. akg:Plant, Plant, tovarna.")
_PREDICATES = click.option("--predicate", "predicates", multiple=True, metavar="PREDICATE",
                           help="Keep only relations with this predicate (repeatable): a CURIE, "
                                "local name or label.")
_LANG = click.option("--lang", type=click.Choice(["en", "sl"]), default="en", show_default=True,
                      help="Language of the entity and relation labels.")
_HISTORY = click.option("--history", is_flag=True,
                        help="Every statement of every document, also roles that have ended or passed to "
                             "another holder and older values (default: the current view).")
_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                       show_default=True, help="Rich tables or one JSON document.")


@click.command("stats")
@verbosity_options
@build_option("--graph")
@click.option("--top", type=click.IntRange(0), default=10, show_default=True,
              help="How many entities to rank by each centrality.")
@click.option("--samples", type=click.IntRange(1), default=None,
              help="Above 1,000 entities, estimate betweenness from this many sampled sources "
                   "(default: 2,000,000 / entities, clamped to 20..200).")
@_CLASSES
@_PREDICATES
@_LANG
@_HISTORY
@_FORMAT
def stats_command(build: Path, top: int, samples: int | None, classes: tuple[str, ...], predicates: tuple[str, ...],
                  lang: str, history: bool, fmt: str) -> None:
    """Counts by class and predicate, components, degree and betweenness top-N.

    Same as kg.analytics.stats().
    """
    report = stats(build, top=top, samples=samples, classes=classes or None, predicates=predicates or None,
                   lang=lang, history=history)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    console = Console(width=120)
    console.print(f"{report['entities']} entities, {report['relations']} relations, "
                  f"{report['components']['count']} connected component(s) "
                  f"(sizes {', '.join(map(str, report['components']['sizes']))})", markup=False)
    implied = report["implied_relations"]
    if implied:
        told = f"{implied} relation is" if implied == 1 else f"{implied} relations are"
        console.print(f"{told} implied by a more specific one between the same entities; "
                      f"the page draws {report['relations'] - implied}", markup=False)
    console.print(_counts_table("Entities by class", "class", report["classes"]))
    console.print(_counts_table("Relations by predicate", "predicate", report["predicates"]))
    sampled = " (sampled)" if report["betweenness_sampled"] else ""
    for key, title in (("degree", "Degree centrality"), ("betweenness", f"Betweenness centrality{sampled}")):
        console.print(_ranking_table(f"{title}, top {top}", report[key]))


def _counts_table(title: str, column: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(column)
    table.add_column("count", justify="right")
    for key, count in counts.items():
        table.add_row(key, str(count))
    return table


def _ranking_table(title: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left")
    for name, justify in (("entity", "left"), ("in SPARQL", "left"), ("value", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(escape(row["name"]), sparql_name(row["iri"]), f"{row['value']:.4f}")
    return table


@click.command("path")
@click.argument("source")
@click.argument("target")
@verbosity_options
@build_option("--graph")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A readable chain or one JSON document.")
@click.option("--width", type=click.IntRange(0), default=0,
              help="Shorten quoted sentences to this many characters (0: whole).")
@_LANG
@_HISTORY
def path_command(source: str, target: str, build: Path, fmt: str, width: int, lang: str, history: bool) -> None:
    """The shortest connection from SOURCE to TARGET, each named by a label in any inflection
    (Slovenian or English), a prefixed name (plant:douai) or an IRI.

    A label that several entities share ("Ormož": a plant and its town) may be followed by the
    class in brackets: "Ormož (plant)". Without one, the reading nearest to the other entity is
    taken (for a company and "Ormož", the company's plant wins over the town, which is one
    relation further); if two readings are equally near, the error lists the names to use.

    The graph is the current view (no role a more recent document ends or hands to another
    chief executive); --history connects through every statement of every document.

    Same as kg.analytics.shortest_path().
    """
    found = shortest_path(build, source, target, lang=lang, history=history)
    click.echo(json.dumps(found, ensure_ascii=False, indent=2) if fmt == "json" else format_path(found, width=width))


@click.command("export")
@verbosity_options
@build_option("--graph")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True,
              help="graphml/gexf (Gephi, Cytoscape), jsonld/nt (RDF), csv (nodes.csv + edges.csv).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="File (a name with an extension) or folder; default: BUILD/export/.")
@_CLASSES
@_PREDICATES
@_HISTORY
def export_command(build: Path, fmt: str, out: Path | None, classes: tuple[str, ...],
                   predicates: tuple[str, ...], history: bool) -> None:
    """Write the entity graph for Gephi, Cytoscape, RDF tools or spreadsheets.

    Same as kg.analytics.export().
    """
    target = out if out is not None else (build if build.is_dir() else build.parent) / "export"
    for path in export(build, fmt, target, classes=classes or None, predicates=predicates or None,
                       history=history):
        say(str(path))


COMMANDS: list[click.Command] = [stats_command, path_command, export_command]
