"""The interactive HTML view of the knowledge graph: ``write_html()`` writes one self-contained,
offline page (``build/graph.html``, ``kg viz``); ``show()`` displays the same page inline in a
notebook. Entities are nodes coloured and shaped by class, relations are labelled arrows, and a
click on a node shows its labels, identifiers, literal facts and the sentences that mention it.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.viz.files import write_atomic
from kg.viz.model import ViewModel, read_model
from kg.viz.notebook import GraphView
from kg.viz.page import page_data, render_page, ui
from kg.viz.select import select
from kg.viz.vocab import vocab

__all__ = ["GraphView", "render_html", "show", "write_html"]


def render_html(graph: Any, *, classes: Iterable[str] | None = None, focus: str | None = None,
                depth: int | None = None, lang: str = "en", title: str | None = None) -> str:
    """The HTML text of the view of ``graph`` (a Dataset or Graph from ``kg.build``/``kg.load``).

    ``classes`` keeps entities of these classes (``akg:Plant``, ``Plant`` or a label); ``focus``
    keeps an entity (IRI, CURIE or label) and everything within ``depth`` relations of it (1 by
    default); ``lang`` ("en" or "sl") picks the labels drawn first (the page can switch).

    >>> page = render_html(kg.load("build"), focus="Ampere", depth=1)     # doctest: +SKIP
    >>> page.startswith("<!DOCTYPE html>")                              # doctest: +SKIP
    True
    """
    if lang not in ("en", "sl"):
        raise InputError(f"lang must be 'en' or 'sl', not {lang!r}")
    words = vocab()
    model: ViewModel = read_model(graph, words)
    part, at = select(model, words, classes=list(classes or []), focus=focus, depth=depth)
    data = page_data(part, words, lang=lang, focus=at)
    data["title"] = {code: title or _default_title(part, at, code) for code in ("en", "sl")}
    return render_page(data)


def _default_title(part: ViewModel, at: int | None, lang: str) -> str:
    if at is None:
        return ui()[lang]["title"]
    node = part.nodes[at]
    return f"{ui()[lang]['title']}: {node.en if lang == 'en' and node.en else node.sl}"


def write_html(graph: Any, path: str | Path, *, classes: Iterable[str] | None = None,
               focus: str | None = None, depth: int | None = None, **options: Any) -> Path:
    """Write the view of ``graph`` to ``path`` as one self-contained HTML file (atomically).

    Same options as :func:`render_html`. Returns the path written.

    >>> kg.viz.write_html(kg.load("build"), "build/graph.html")        # doctest: +SKIP
    PosixPath('build/graph.html')
    """
    page = render_html(graph, classes=classes, focus=focus, depth=depth, **options)
    return write_atomic(Path(path), page)


def show(graph: Any, *, classes: Iterable[str] | None = None, focus: str | None = None,
         depth: int | None = None, height: int = 620, **options: Any) -> GraphView:
    """The view of ``graph`` as an object that notebooks display inline (isolated iframe).

    >>> kg.show(kg.load("build"), focus="Ampere")       # doctest: +SKIP
    """
    page = render_html(graph, classes=classes, focus=focus, depth=depth, **options)
    return GraphView(page, height=height)
