"""``kg viz``: write the interactive HTML view of a built graph, whole or in part
(same as ``kg.viz.write_html(kg.load(BUILD), OUT, ...)``).
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.errors import InputError

from .options import build_option, say, verbosity_options


@click.command("viz")
@verbosity_options
@build_option(dest="build_dir", help="Build folder (written by kg build).")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write [default: BUILD/graph.html].")
@click.option("--class", "classes", multiple=True, metavar="C",
              help="Only entities of class C (akg:Plant, Plant or a label); repeatable.")
@click.option("--focus", metavar="ENTITY", default=None,
              help="Only ENTITY (an IRI, a prefixed name such as company:ampere, or a label in any "
                   "inflection) and its neighbours.")
@click.option("--depth", type=click.IntRange(min=0), default=None, metavar="N",
              help="With --focus: how many relations away to go [default: 1].")
@click.option("--lang", type=click.Choice(["en", "sl"]), default="en", show_default=True,
              help="Language of the labels drawn first (the page can switch).")
def viz_command(build_dir: Path, out: Path | None, classes: tuple[str, ...], focus: str | None,
                depth: int | None, lang: str) -> None:
    """Write the interactive HTML view of the graph in BUILD."""
    import kg
    from kg.sparql.labels import find_entity
    from kg.viz import write_html

    facts = build_dir / "graph.ttl"
    if not facts.is_file():
        raise InputError(f"{facts}: not found (run `kg build --out {build_dir}` first)")
    graph = kg.load(build_dir)
    try:
        if focus is not None:  # any name kg path takes: inflected, "Ormož (plant)", plant:ormoz
            focus = find_entity(graph, focus)
        path = write_html(graph, out or build_dir / "graph.html", classes=classes, focus=focus,
                          depth=depth, lang=lang)
    except InputError as err:
        raise InputError(f"{facts}: {err}") from None
    say(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


COMMANDS: list[click.Command] = [viz_command]
