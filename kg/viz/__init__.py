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
from kg.ontology import load_ontology
from kg.viz.files import write_atomic
from kg.viz.model import ViewModel, read_model
from kg.viz.notebook import GraphView
from kg.viz.page import page_data, render_page, ui
from kg.viz.select import select

__all__ = ["GraphView", "render_html", "show", "write_html"]


def render_html(graph: Any, *, classes: Iterable[str] | None = None, focus: str | None = None,
                depth: int | None = None, lang: str = "en", title: str | None = None) -> str:
    """Render the interactive view of a built graph as one self-contained HTML page.

    Parameters
    ----------
    graph : rdflib.Dataset or rdflib.Graph
        What ``kg.build``/``kg.load`` return (facts and provenance named graphs), or one Graph
        holding both.
    classes : iterable of str, optional
        Keep only entities of these classes: a CURIE (``akg:Plant``), a local name (``Plant``) or
        a label in either language (``tovarna``). Superclasses work (``schema:Place``).
    focus : str, optional
        Keep only this entity (IRI, CURIE such as ``kgid:company/ampere``, or a label) and its
        neighbourhood; the page opens with it selected.
    depth : int, optional
        With ``focus``: how many relations away to go (default 1).
    lang : {"en", "sl"}
        Language of the labels drawn first; the page has a switch.
    title : str, optional
        Page title (default "Knowledge graph", plus the focus entity).

    Returns
    -------
    str
        The HTML text.

    Raises
    ------
    kg.errors.InputError
        Unknown class or entity, an ambiguous label, or a depth without a focus.

    Examples
    --------
    >>> page = render_html(kg.load("build"), focus="Ampere", depth=1)
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    if lang not in ("en", "sl"):
        raise InputError(f"lang must be 'en' or 'sl', not {lang!r}")
    onto = load_ontology()
    model: ViewModel = read_model(graph, onto)
    part, at = select(model, onto, classes=list(classes or []), focus=focus, depth=depth)
    data = page_data(part, onto, lang=lang, focus=at)
    data["title"] = {code: title or _default_title(part, at, code) for code in ("en", "sl")}
    return render_page(data)


def _default_title(part: ViewModel, at: int | None, lang: str) -> str:
    if at is None:
        return ui()[lang]["title"]
    node = part.nodes[at]
    return f"{ui()[lang]['title']}: {node.en if lang == 'en' and node.en else node.sl}"


def write_html(graph: Any, path: str | Path, *, classes: Iterable[str] | None = None,
               focus: str | None = None, depth: int | None = None, **options: Any) -> Path:
    """Write the view of ``graph`` to ``path`` as one self-contained, offline HTML file.

    The file is written to a temporary file in the same folder and renamed over ``path``, so
    nothing half-written is ever left behind. The same graph gives byte-identical files.

    Parameters
    ----------
    graph : rdflib.Dataset or rdflib.Graph
        What ``kg.build``/``kg.load`` return.
    path : str or Path
        The HTML file to write (its folder is created if needed).
    classes, focus, depth
        Which part of the graph to draw; see :func:`render_html`.
    **options
        ``lang`` and ``title``, as in :func:`render_html`.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> kg.viz.write_html(kg.load("build"), "page.html")
    PosixPath('page.html')
    """
    page = render_html(graph, classes=classes, focus=focus, depth=depth, **options)
    return write_atomic(Path(path), page)


def show(graph: Any, *, classes: Iterable[str] | None = None, focus: str | None = None,
         depth: int | None = None, height: int = 620, **options: Any) -> GraphView:
    """Display the view of ``graph`` inline in a notebook (JupyterLab, classic, VS Code).

    Parameters
    ----------
    graph : rdflib.Dataset or rdflib.Graph
        What ``kg.build``/``kg.load`` return.
    classes, focus, depth
        Which part of the graph to draw; see :func:`render_html`.
    height : int
        Height of the inline frame in pixels.
    **options
        ``lang`` and ``title``, as in :func:`render_html`.

    Returns
    -------
    GraphView
        Shown by the notebook as a sandboxed ``<iframe srcdoc>``; ``.save(path)`` writes the page.

    Examples
    --------
    >>> view = kg.show(kg.load("build"), focus="Ampere")
    >>> view.html.startswith("<!DOCTYPE html>")
    True
    """
    page = render_html(graph, classes=classes, focus=focus, depth=depth, **options)
    return GraphView(page, height=height)
