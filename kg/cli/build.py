"""``kg build``: read a folder of documents and write the knowledge graph."""
from __future__ import annotations

from pathlib import Path

import click

import kg

from .options import quiet, verbosity_options


@click.command("build")
@verbosity_options
@click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of documents (*.txt, *.md) to read.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("build"),
              show_default=True, help="Folder to write graph.ttl, provenance.ttl and graph.html to.")
@click.option("--ontology", type=click.Path(path_type=Path), default=None,
              help="OWL ontology to type the graph with (default: the project's ontology.ttl).")
@click.option("--shapes", type=click.Path(path_type=Path), default=None,
              help="SHACL shapes to validate the graph with (default: the project's shapes.ttl).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Extract on N processes (default: the number of cores). Output is the same for any N.")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Extract on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' to "
                   "start a local cluster of --jobs workers for this build. Output is the same. "
                   "Needs: pip install 'ampere-kg[cluster]'.")
@click.option("--full", is_flag=True, help="Ignore the cache in OUT/.cache and extract every document again.")
@click.option("--follow-links", is_flag=True,
              help="Read documents and metadata that symbolic links reach outside SEEDS "
                   "(by default they are skipped, with a warning each).")
def build_command(seeds_dir: Path, out_dir: Path, ontology: Path | None, shapes: Path | None,
                  jobs: int | None, cluster: str | None, full: bool, follow_links: bool) -> None:
    """Build the knowledge graph from SEEDS into OUT (same as ``kg.build()``)."""
    kg.build(seeds_dir, out_dir, ontology=ontology, shapes=shapes, report=not quiet(), jobs=jobs, full=full,
             follow_links=follow_links, cluster=cluster)


COMMANDS: list[click.Command] = [build_command]
